/* test_mmio.c - Matrix Market files: what is read, what is refused (with the
 * line named), and that writing then reading gives back the same storage. */
#include "paths_fixture.h"
#include "scal_graph.h"
#include "scal_test.h"

static char dir[256];

/* Read `text` from a file called name; NULL and the message in err if it is
 * refused. */
static scal_adj_t *read_text(const char *name, const char *text, char *path, size_t pathlen,
                             char *err, size_t errlen)
{
    fixture_file(path, pathlen, dir, name, text);
    err[0] = '\0';
    return scal_mm_read(path, err, errlen);
}

static int has_arcs(const scal_adj_t *a, size_t n, const uint32_t arcs[][2])
{
    if (!a || a->edges != n)
        return 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t i = arcs[k][0], j = arcs[k][1];
        int found = 0;
        for (uint64_t e = a->start[i]; e < a->start[i + 1]; e++)
            found |= a->next[e] == j;
        if (!found)
            return 0;
    }
    return 1;
}

static void test_pattern_general_with_comments_repeats_and_loops(void)
{
    char path[300], err[256];
    scal_adj_t *a = read_text("pattern.mtx",
                              "%%MatrixMarket matrix coordinate pattern general\n"
                              "% a comment\n"
                              "\n"
                              "%another\n"
                              "4 4 6\n"
                              "1 2\n"
                              "  2   3  \n"
                              "% comment between entries\n"
                              "3 1\n"
                              "1 2\n"  /* repeat: one edge */
                              "4 4\n"  /* self loop: dropped */
                              "4 1\n",
                              path, sizeof path, err, sizeof err);
    const uint32_t arcs[][2] = {{0, 1}, {1, 2}, {2, 0}, {3, 0}};
    SCAL_CHECK(a && a->m == 4);
    SCAL_CHECK(has_arcs(a, 4, arcs));
    if (!a)
        fprintf(stderr, "  %s\n", err);
    scal_adj_free(a);
}

static void test_zero_values_are_not_edges(void)
{
    char path[300], err[256];
    scal_adj_t *a = read_text("integer.mtx",
                              "%%MatrixMarket matrix coordinate integer general\n"
                              "3 3 3\n1 2 5\n2 3 0\n3 1 -1\n",
                              path, sizeof path, err, sizeof err);
    const uint32_t iarcs[][2] = {{0, 1}, {2, 0}};
    SCAL_CHECK(has_arcs(a, 2, iarcs));
    scal_adj_free(a);
    a = read_text("real.mtx",
                  "%%MatrixMarket matrix coordinate real general\r\n"
                  "3 3 3\r\n1 2 0.0\r\n2 3 -2.5e-3\r\n3 1 0\r\n",
                  path, sizeof path, err, sizeof err);
    const uint32_t rarcs[][2] = {{1, 2}};
    SCAL_CHECK(has_arcs(a, 1, rarcs));
    scal_adj_free(a);
}

static void test_symmetric_adds_both_directions_any_case(void)
{
    char path[300], err[256];
    scal_adj_t *a = read_text("sym.mtx",
                              "%%MatrixMarket MATRIX Coordinate Pattern Symmetric\n"
                              "5 5 3\n2 1\n3 2\n5 4\n",
                              path, sizeof path, err, sizeof err);
    const uint32_t arcs[][2] = {{1, 0}, {0, 1}, {2, 1}, {1, 2}, {4, 3}, {3, 4}};
    SCAL_CHECK(has_arcs(a, 6, arcs));
    scal_adj_free(a);
}

static void test_empty_graph_is_read(void)
{
    char path[300], err[256];
    scal_adj_t *a = read_text("empty.mtx",
                              "%%MatrixMarket matrix coordinate pattern general\n7 7 0\n", path,
                              sizeof path, err, sizeof err);
    SCAL_CHECK(a && a->m == 7 && a->edges == 0);
    scal_adj_free(a);
}

/* Each bad file is refused with a message that starts with FILE:LINE: and
 * says what is wrong. */
static void test_bad_files_refused_naming_the_line(void)
{
    static const char hdr[] = "%%MatrixMarket matrix coordinate pattern general\n";
    static const struct {
        const char *name;
        const char *head; /* prepended when not NULL */
        const char *text;
        int line;
        const char *says;
    } cases[] = {
        {"empty", NULL, "", 1, "empty file"},
        {"not-mm", NULL, "hello world\n3 3 0\n", 1, "does not start with %%MatrixMarket"},
        {"banner-glued", NULL, "%%MatrixMarketmatrix coordinate pattern general\n1 1 0\n", 1,
         "does not start"},
        {"vector", NULL, "%%MatrixMarket vector coordinate pattern general\n", 1, "'vector'"},
        {"array", NULL, "%%MatrixMarket matrix array real general\n2 2\n1\n0\n1\n1\n", 1,
         "'array'"},
        {"complex", NULL, "%%MatrixMarket matrix coordinate complex general\n", 1, "'complex'"},
        {"hermitian", NULL, "%%MatrixMarket matrix coordinate real hermitian\n", 1,
         "'hermitian'"},
        {"no-symmetry", NULL, "%%MatrixMarket matrix coordinate pattern\n", 1, "symmetry ''"},
        {"header-garbage", NULL, "%%MatrixMarket matrix coordinate pattern general extra\n", 1,
         "'extra'"},
        {"no-size", hdr, "% only comments\n\n", 4, "before the size line"},
        {"size-two-numbers", hdr, "% c\n3 3\n", 3, "three integers"},
        {"size-garbage", hdr, "3 3 x\n", 2, "'3 3 x'"},
        {"size-real", hdr, "3.0 3 1\n1 1\n", 2, "three integers"},
        {"size-zero", hdr, "0 0 0\n", 2, "at least 1"},
        {"size-negative", hdr, "-3 -3 1\n1 1\n", 2, "-3 x -3"},
        {"size-not-square", hdr, "3 4 0\n", 2, "not square"},
        {"size-negative-entries", hdr, "3 3 -1\n", 2, "entries = -1"},
        {"size-too-big", hdr, "3000000000 3000000000 0\n", 2, "exceed"},
        /* Found by fuzz_mmio: 70 bytes that made the reader allocate 16 GiB
         * of adjacency lists for a graph no layout could ever hold. */
        {"size-beyond-memory", hdr, "2147483647 2147483647 0\n", 2, "MemAvailable"},
        {"row-out-of-range", hdr, "3 3 2\n1 2\n4 1\n", 4, "row index 4 is outside 1..3"},
        {"col-zero", hdr, "3 3 2\n1 2\n2 0\n", 4, "column index 0"},
        {"row-negative", hdr, "3 3 1\n-1 2\n", 3, "row index -1"},
        {"fewer", hdr, "3 3 3\n1 2\n2 3\n", 5, "after 2 of the 3 announced"},
        {"fewer-none", hdr, "3 3 1\n% just a comment\n", 4, "after 0 of the 1"},
        {"more", hdr, "3 3 1\n1 2\n2 3\n", 4, "more entries than the 1"},
        {"entry-garbage", hdr, "3 3 2\n1 2\nfoo bar\n", 4, "'foo bar'"},
        {"entry-one-index", hdr, "3 3 1\n1\n", 3, "is not 'row col'"},
        {"entry-extra", hdr, "3 3 1\n1 2 1\n", 3, "is not 'row col'"},
        {"entry-real-index", hdr, "3 3 1\n1.5 2\n", 3, "'1.5 2'"},
        {"entry-glued", hdr, "3 3 1\n1 2x\n", 3, "'1 2x'"},
        {"integer-no-value", "%%MatrixMarket matrix coordinate integer general\n",
         "3 3 1\n1 2\n", 3, "is not 'row col value'"},
        {"integer-real-value", "%%MatrixMarket matrix coordinate integer general\n",
         "3 3 1\n1 2 0.5\n", 3, "'1 2 0.5'"},
        {"real-garbage-value", "%%MatrixMarket matrix coordinate real general\n",
         "3 3 1\n1 2 one\n", 3, "'1 2 one'"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char text[512], path[300], err[256], where[320];
        snprintf(text, sizeof text, "%s%s", cases[k].head ? cases[k].head : "", cases[k].text);
        scal_adj_t *a = read_text(cases[k].name, text, path, sizeof path, err, sizeof err);
        snprintf(where, sizeof where, "%s:%d: ", path, cases[k].line);
        int ok = a == NULL && strncmp(err, where, strlen(where)) == 0 && strstr(err, cases[k].says);
        SCAL_CHECK(ok);
        if (!ok)
            fprintf(stderr, "  case %s: wanted '%s...%s', got '%s'\n", cases[k].name, where,
                    cases[k].says, a ? "(accepted)" : err);
        scal_adj_free(a);
    }
    char err[256];
    SCAL_CHECK(scal_mm_read("/nonexistent/graph.mtx", err, sizeof err) == NULL);
    SCAL_CHECK(strstr(err, "/nonexistent/graph.mtx: cannot open") != NULL);
}

/* A generated graph written out and read back fills storage byte for byte
 * the same as generating it, in both layouts. */
static void test_write_then_read_gives_same_storage(void)
{
    const scal_kernel_t kernels[] = {SCAL_KERNEL_BITSET, SCAL_KERNEL_MATVEC};
    for (size_t ki = 0; ki < 2; ki++) {
        char path[300], err[256];
        snprintf(path, sizeof path, "%s/round-trip.mtx", dir);
        scal_graph_t gen, back;
        void *mgen = fixture_random(&gen, 150, 0.04, 21, kernels[ki]);
        SCAL_CHECK(scal_mm_write(&gen, path, err, sizeof err) == 0);
        scal_adj_t *a = scal_mm_read(path, err, sizeof err);
        SCAL_CHECK(a && a->edges == scal_graph_edges(&gen, 0, gen.m));
        if (a) {
            void *mback = fixture_from_adj(&back, a, kernels[ki]);
            size_t bytes;
            scal_graph_bytes(150, kernels[ki], &bytes, NULL, 0);
            SCAL_CHECK(memcmp(mgen, mback, bytes) == 0);
            free(mback);
        }
        scal_adj_free(a);
        free(mgen);
    }
    char err[256];
    scal_graph_t g;
    void *mem = fixture_random(&g, 4, 0.5, 1, SCAL_KERNEL_BITSET);
    SCAL_CHECK(scal_mm_write(&g, "/nonexistent/out.mtx", err, sizeof err) == -1);
    SCAL_CHECK(strstr(err, "/nonexistent/out.mtx") != NULL);
    free(mem);
}

int main(void)
{
    fixture_tmpdir(dir, sizeof dir, "test_mmio");
    SCAL_RUN(test_pattern_general_with_comments_repeats_and_loops);
    SCAL_RUN(test_zero_values_are_not_edges);
    SCAL_RUN(test_symmetric_adds_both_directions_any_case);
    SCAL_RUN(test_empty_graph_is_read);
    SCAL_RUN(test_bad_files_refused_naming_the_line);
    SCAL_RUN(test_write_then_read_gives_same_storage);
    fixture_rmdir(dir);
    return SCAL_TEST_END();
}
