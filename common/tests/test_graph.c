/* test_graph.c - generated graphs, their storage and fills, adjacency lists
 * and the memory check. */
#include <math.h>

#include "paths_fixture.h"
#include "scal_graph.h"
#include "scal_test.h"

static const scal_kernel_t both_kernels[] = {SCAL_KERNEL_BITSET, SCAL_KERNEL_MATVEC};

static void test_kernel_names_round_trip(void)
{
    char err[128];
    scal_kernel_t k = SCAL_KERNEL_MATVEC;
    SCAL_CHECK(scal_kernel_parse("bitset", &k, err, sizeof err) == 0 && k == SCAL_KERNEL_BITSET);
    SCAL_CHECK(scal_kernel_parse("matvec", &k, err, sizeof err) == 0 && k == SCAL_KERNEL_MATVEC);
    SCAL_CHECK(strcmp(scal_kernel_name(SCAL_KERNEL_BITSET), "bitset") == 0);
    SCAL_CHECK(scal_kernel_parse("csr", &k, err, sizeof err) == -1 && strstr(err, "'csr'"));
}

static void test_bytes_are_exact_and_bad_m_refused(void)
{
    char err[128];
    size_t b = 0;
    SCAL_CHECK(scal_graph_bytes(1, SCAL_KERNEL_BITSET, &b, err, sizeof err) == 0);
    SCAL_CHECK_EQ_U64(b, 16);
    SCAL_CHECK(scal_graph_bytes(64, SCAL_KERNEL_BITSET, &b, err, sizeof err) == 0);
    SCAL_CHECK_EQ_U64(b, 2 * 64 * 8);
    SCAL_CHECK(scal_graph_bytes(65, SCAL_KERNEL_BITSET, &b, err, sizeof err) == 0);
    SCAL_CHECK_EQ_U64(b, 2 * 65 * 2 * 8);
    SCAL_CHECK(scal_graph_bytes(100000, SCAL_KERNEL_BITSET, &b, err, sizeof err) == 0);
    SCAL_CHECK_EQ_U64(b, UINT64_C(2500800000)); /* 2 * 100000 rows * 1563 words * 8 */
    SCAL_CHECK(scal_graph_bytes(10, SCAL_KERNEL_MATVEC, &b, err, sizeof err) == 0);
    SCAL_CHECK_EQ_U64(b, 100);
    SCAL_CHECK(scal_graph_bytes(0, SCAL_KERNEL_BITSET, &b, err, sizeof err) == -1);
    SCAL_CHECK(strstr(err, "m = 0") != NULL);
    SCAL_CHECK(scal_graph_bytes(UINT64_C(1) << 31, SCAL_KERNEL_MATVEC, &b, err, sizeof err) == -1);
    SCAL_CHECK(strstr(err, "m = 2147483648") != NULL);
}

static void test_view_refuses_small_or_misaligned_memory(void)
{
    char err[160];
    scal_graph_t g;
    uint64_t words[128];
    SCAL_CHECK(scal_graph_view(&g, words, sizeof words, 64, SCAL_KERNEL_BITSET, err,
                               sizeof err) == 0);
    SCAL_CHECK(g.m == 64 && g.words == 1 && g.cols == g.rows + 64);
    SCAL_CHECK(scal_graph_view(&g, words, 100, 64, SCAL_KERNEL_BITSET, err, sizeof err) == -1);
    SCAL_CHECK(strstr(err, "100 bytes") && strstr(err, "1024"));
    SCAL_CHECK(scal_graph_view(&g, (char *)words + 4, 1000, 10, SCAL_KERNEL_MATVEC, err,
                               sizeof err) == -1);
    SCAL_CHECK(strstr(err, "aligned") != NULL);
}

static void test_alloc_aligns_to_huge_pages(void)
{
    char err[160];
    size_t bytes;
    scal_graph_t g;
    scal_graph_bytes(3000, SCAL_KERNEL_BITSET, &bytes, NULL, 0);
    void *mem = scal_graph_alloc(bytes, err, sizeof err);
    SCAL_CHECK(mem && (uintptr_t)mem % (2u << 20) == 0);
    SCAL_CHECK(scal_graph_view(&g, mem, bytes, 3000, SCAL_KERNEL_BITSET, err, sizeof err) == 0);
    free(mem);
    SCAL_CHECK(scal_graph_alloc(SIZE_MAX, err, sizeof err) == NULL);
    SCAL_CHECK(strstr(err, "bytes of graph storage") != NULL);
}

static void test_bad_p_and_ranges_refused(void)
{
    char err[160];
    scal_graph_t g;
    void *mem = fixture_storage(&g, 10, SCAL_KERNEL_BITSET);
    SCAL_CHECK(scal_graph_fill_random(&g, 1.5, 1, 0, 10, err, sizeof err) == -1);
    SCAL_CHECK(strstr(err, "p = 1.5") != NULL);
    SCAL_CHECK(scal_graph_fill_random(&g, NAN, 1, 0, 10, err, sizeof err) == -1);
    SCAL_CHECK(scal_graph_fill_random(&g, -0.1, 1, 0, 10, err, sizeof err) == -1);
    SCAL_CHECK(scal_graph_fill_random(&g, 0.5, 1, 3, 11, err, sizeof err) == -1);
    SCAL_CHECK(strstr(err, "rows [3, 11)") != NULL);
    SCAL_CHECK(scal_graph_fill_random(&g, 0.5, 1, 5, 4, err, sizeof err) == -1);
    SCAL_CHECK(scal_graph_fill_cols(&g, 0, 12, err, sizeof err) == -1);
    SCAL_CHECK(strstr(err, "columns [0, 12)") != NULL);
    scal_adj_t *other = scal_adj_generate(11, 0.5, 1, NULL, 0);
    SCAL_CHECK(scal_graph_fill_adj(&g, other, 0, 10, err, sizeof err) == -1);
    SCAL_CHECK(strstr(err, "m = 11") != NULL);
    scal_adj_free(other);
    free(mem);
}

/* Every row: ascending, no self loop, in range; p = 0 and p = 1 exact. */
static void test_rows_are_sorted_loopless_and_exact_at_0_and_1(void)
{
    const uint32_t m = 300;
    for (uint32_t i = 0; i < m; i++) {
        scal_row_gen_t rg;
        int64_t j, prev = -1, n = 0;
        scal_row_gen_init(&rg, m, 0.05, 7, i);
        while ((j = scal_row_gen_next(&rg)) >= 0) {
            SCAL_CHECK(j > prev && j < m && j != i);
            prev = j;
        }
        scal_row_gen_init(&rg, m, 0.0, 7, i);
        SCAL_CHECK(scal_row_gen_next(&rg) == -1);
        scal_row_gen_init(&rg, m, 1.0, 7, i);
        for (prev = -1; (j = scal_row_gen_next(&rg)) >= 0; prev = j, n++)
            SCAL_CHECK(j == (prev + 1 == i ? prev + 2 : prev + 1));
        SCAL_CHECK_EQ_U64(n, m - 1);
    }
    scal_row_gen_t one;
    scal_row_gen_init(&one, 1, 1.0, 7, 0);
    SCAL_CHECK(scal_row_gen_next(&one) == -1);
}

/* Edge count within 5 standard deviations of m (m - 1) p, for several p,
 * including one so small that most rows are empty. */
static void test_edge_count_matches_p(void)
{
    const double ps[] = {0.5, 0.01, 0.0005, 1e-7};
    const uint32_t m = 2000;
    for (size_t k = 0; k < sizeof ps / sizeof ps[0]; k++) {
        double n = 0, cells = (double)m * (m - 1);
        for (uint32_t i = 0; i < m; i++) {
            scal_row_gen_t rg;
            scal_row_gen_init(&rg, m, ps[k], 3, i);
            while (scal_row_gen_next(&rg) >= 0)
                n++;
        }
        double mean = cells * ps[k], sd = sqrt(cells * ps[k] * (1 - ps[k]));
        SCAL_CHECK(fabs(n - mean) <= 5 * sd + 1);
    }
}

/* Storage does not depend on how rows and columns are split among fills or
 * in which order the parts run. */
static void test_fill_independent_of_partition_and_order(void)
{
    const uint32_t sizes[] = {1, 63, 64, 65, 200, 1000};
    for (size_t si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
        for (size_t ki = 0; ki < 2; ki++) {
            uint32_t m = sizes[si];
            scal_graph_t a, b;
            void *ma = fixture_random(&a, m, 0.03, 11, both_kernels[ki]);
            void *mb = fixture_storage(&b, m, both_kernels[ki]);
            /* Uneven parts, last part first. */
            int64_t edges = 0;
            for (uint64_t hi = m; hi > 0;) {
                uint64_t step = 3 + hi % 7, lo = hi > step ? hi - step : 0;
                edges += scal_graph_fill_random(&b, 0.03, 11, lo, hi, NULL, 0);
                hi = lo;
            }
            for (uint64_t lo = 0; lo < m; lo += 37)
                SCAL_CHECK(scal_graph_fill_cols(&b, lo, lo + 37 < m ? lo + 37 : m, NULL, 0) == 0);
            size_t bytes;
            scal_graph_bytes(m, both_kernels[ki], &bytes, NULL, 0);
            SCAL_CHECK(memcmp(ma, mb, bytes) == 0);
            SCAL_CHECK_EQ_U64((uint64_t)edges, scal_graph_edges(&a, 0, m));
            free(ma);
            free(mb);
        }
    }
}

/* Threads filling interleaved row ranges, then column ranges, as an engine
 * would, build the same bytes as one thread, at 1, 2 and 4 threads. */
static void test_parallel_fill_matches_serial(void)
{
    const uint32_t m = 1500;
    size_t bytes;
    scal_graph_bytes(m, SCAL_KERNEL_BITSET, &bytes, NULL, 0);
    scal_graph_t serial, par;
    void *ms = fixture_random(&serial, m, 0.01, 17, SCAL_KERNEL_BITSET);
    void *mp = fixture_storage(&par, m, SCAL_KERNEL_BITSET);
    for (int threads = 1; threads <= 4; threads *= 2) {
        memset(mp, 0xa5, bytes);
        int failed = 0;
#pragma omp parallel num_threads(threads) reduction(+ : failed)
        {
#pragma omp for schedule(dynamic, 1)
            for (uint32_t r = 0; r < m; r += 61)
                failed += scal_graph_fill_random(&par, 0.01, 17, r, r + 61 < m ? r + 61 : m, NULL,
                                                 0) < 0;
#pragma omp for schedule(dynamic, 1)
            for (uint32_t c = 0; c < m; c += 100)
                failed += scal_graph_fill_cols(&par, c, c + 100 < m ? c + 100 : m, NULL, 0);
        }
        SCAL_CHECK(failed == 0 && memcmp(ms, mp, bytes) == 0);
    }
    free(ms);
    free(mp);
}

/* Columns hold exactly the transposed rows, and both layouts hold the same
 * edges. */
static void test_columns_transpose_rows_and_layouts_agree(void)
{
    const uint32_t sizes[] = {5, 64, 130, 257};
    const double ps[] = {0.0, 0.02, 0.3, 1.0};
    for (size_t si = 0; si < 4; si++) {
        for (size_t pi = 0; pi < 4; pi++) {
            uint32_t m = sizes[si];
            scal_graph_t b, d;
            void *mb = fixture_random(&b, m, ps[pi], 5, SCAL_KERNEL_BITSET);
            void *md = fixture_random(&d, m, ps[pi], 5, SCAL_KERNEL_MATVEC);
            int bad = 0;
            for (uint32_t i = 0; i < m; i++) {
                for (uint32_t j = 0; j < m; j++) {
                    int e = scal_graph_has_edge(&b, i, j);
                    int c = (int)((b.cols[(size_t)j * b.words + i / 64] >> (i % 64)) & 1);
                    bad += e != c || e != scal_graph_has_edge(&d, i, j) || (i == j && e);
                }
            }
            SCAL_CHECK_EQ_U64(bad, 0);
            free(mb);
            free(md);
        }
    }
}

static int adj_equal(const scal_adj_t *x, const scal_adj_t *y)
{
    return x->m == y->m && x->edges == y->edges &&
           memcmp(x->start, y->start, ((size_t)x->m + 1) * sizeof *x->start) == 0 &&
           memcmp(x->next, y->next, x->edges * sizeof *x->next) == 0;
}

/* The adjacency lists drawn straight from the generator match the storage,
 * read back through scal_graph_row(), in both layouts. */
static void test_adjacency_lists_match_storage(void)
{
    scal_adj_t *gen = scal_adj_generate(300, 0.02, 9, NULL, 0);
    SCAL_CHECK(gen != NULL);
    for (size_t ki = 0; gen && ki < 2; ki++) {
        scal_graph_t g;
        void *mem = fixture_random(&g, 300, 0.02, 9, both_kernels[ki]);
        scal_adj_t *back = scal_adj_from_graph(&g, NULL, 0);
        SCAL_CHECK(back && adj_equal(gen, back));
        scal_adj_free(back);
        free(mem);
    }
    scal_adj_free(gen);
}

static void test_arcs_sorted_merged_loops_dropped(void)
{
    const uint32_t src[] = {2, 0, 2, 2, 1, 0, 3};
    const uint32_t dst[] = {0, 3, 1, 0, 1, 1, 2};
    scal_adj_t *a = scal_adj_from_arcs(4, 7, src, dst, NULL, 0);
    SCAL_CHECK(a != NULL);
    if (a) {
        const uint64_t start[] = {0, 2, 2, 4, 5};
        const uint32_t next[] = {1, 3, 0, 1, 2};
        SCAL_CHECK_EQ_U64(a->edges, 5);
        SCAL_CHECK(memcmp(a->start, start, sizeof start) == 0);
        SCAL_CHECK(memcmp(a->next, next, sizeof next) == 0);
    }
    scal_adj_free(a);
    char err[128];
    const uint32_t bad[] = {4};
    SCAL_CHECK(scal_adj_from_arcs(4, 1, src, bad, err, sizeof err) == NULL);
    SCAL_CHECK(strstr(err, "2 -> 4") != NULL);
}

static void test_memory_check_names_bytes_needed_and_available(void)
{
    char dir[256], path[300], err[256];
    fixture_tmpdir(dir, sizeof dir, "test_graph");
    fixture_file(path, sizeof path, dir, "meminfo",
                 "MemTotal:       2000 kB\nMemFree:        1500 kB\nMemAvailable:   1000 kB\n");
    uint64_t avail = 0;
    SCAL_CHECK(scal_mem_available(path, &avail, err, sizeof err) == 0);
    SCAL_CHECK_EQ_U64(avail, 1024000);
    SCAL_CHECK(scal_mem_check(1024000, "graph", path, err, sizeof err) == 0);
    SCAL_CHECK(scal_mem_check(2500800000u, "graph storage", path, err, sizeof err) == -1);
    SCAL_CHECK(strstr(err, "graph storage") && strstr(err, "2500800000 bytes") &&
               strstr(err, "1024000 bytes"));
    /* Without MemAvailable there is nothing to check against. */
    fixture_file(path, sizeof path, dir, "meminfo", "MemTotal:       2000 kB\n");
    SCAL_CHECK(scal_mem_available(path, &avail, err, sizeof err) == -1);
    SCAL_CHECK(strstr(err, "MemAvailable") != NULL);
    SCAL_CHECK(scal_mem_check(UINT64_MAX, "graph", path, err, sizeof err) == 0);
    fixture_rmdir(dir);
    /* This machine's own file can be read. */
    SCAL_CHECK(scal_mem_available(NULL, &avail, err, sizeof err) == 0 && avail > 0);
}

int main(void)
{
    SCAL_RUN(test_kernel_names_round_trip);
    SCAL_RUN(test_bytes_are_exact_and_bad_m_refused);
    SCAL_RUN(test_view_refuses_small_or_misaligned_memory);
    SCAL_RUN(test_alloc_aligns_to_huge_pages);
    SCAL_RUN(test_bad_p_and_ranges_refused);
    SCAL_RUN(test_rows_are_sorted_loopless_and_exact_at_0_and_1);
    SCAL_RUN(test_edge_count_matches_p);
    SCAL_RUN(test_fill_independent_of_partition_and_order);
    SCAL_RUN(test_parallel_fill_matches_serial);
    SCAL_RUN(test_columns_transpose_rows_and_layouts_agree);
    SCAL_RUN(test_adjacency_lists_match_storage);
    SCAL_RUN(test_arcs_sorted_merged_loops_dropped);
    SCAL_RUN(test_memory_check_names_bytes_needed_and_available);
    return SCAL_TEST_END();
}
