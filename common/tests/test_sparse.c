/* test_sparse.c - the sparse storage, its kernel, the parallel adjacency
 * builder, the Kronecker generator and the edge-list readers: storage equal
 * to the bitset one on the same graph, every distance equal to the plain
 * reference BFS, bad files refused with FILE:LINE. */
#include <omp.h>

#include "paths_fixture.h"
#include "scal_graph.h"
#include "scal_paths.h"
#include "scal_test.h"

static char dir[256];

/* Sparse storage of a, filled in `parts` parts per phase, poisoned first. */
static void *sparse_from_adj(scal_graph_t *g, const scal_adj_t *a, int parts)
{
    char err[256];
    size_t bytes;
    if (scal_graph_sparse_bytes(a->m, a->edges, &bytes, err, sizeof err))
        abort();
    void *mem = aligned_alloc(64, (bytes + 63) / 64 * 64);
    if (!mem || scal_graph_sparse_view(g, mem, bytes, a->m, a->edges, err, sizeof err))
        abort();
    memset(mem, 0xa5, bytes);
    for (int phase = 0; phase < 2; phase++) {
        for (int p = 0; p < parts; p++) {
            uint64_t lo = (uint64_t)a->m * p / parts, hi = (uint64_t)a->m * (p + 1) / parts;
            int rc = phase == 0 ? (int)(scal_graph_fill_adj(g, a, lo, hi, err, sizeof err) < 0)
                                : scal_graph_fill_cols(g, lo, hi, err, sizeof err);
            if (rc) {
                fprintf(stderr, "fill: %s\n", err);
                abort();
            }
        }
    }
    return mem;
}

static void test_sizes_and_views(void)
{
    char err[256];
    size_t b = 0;
    SCAL_CHECK(scal_graph_sparse_bytes(10, 20, &b, err, sizeof err) == 0 && b == 16 * 11 + 8 * 20);
    SCAL_CHECK(scal_graph_sparse_bytes(3, 7, &b, err, sizeof err) == -1 && strstr(err, "7 arcs"));
    SCAL_CHECK(scal_graph_sparse_bytes(0, 0, &b, err, sizeof err) == -1);
    SCAL_CHECK(scal_graph_bytes(10, SCAL_KERNEL_SPARSE, &b, err, sizeof err) == -1);
    SCAL_CHECK(strcmp(scal_kernel_name(SCAL_KERNEL_SPARSE), "sparse") == 0);
    uint64_t words[64];
    scal_graph_t g;
    SCAL_CHECK(scal_graph_sparse_view(&g, words, 8, 10, 20, err, sizeof err) == -1 &&
               strstr(err, "needs"));
    SCAL_CHECK(scal_graph_sparse_view(&g, words, sizeof words, 10, 20, err, sizeof err) == 0 &&
               g.kernel == SCAL_KERNEL_SPARSE && g.out == (uint32_t *)(words + 22));
}

static void test_storage_auto_picks_bitset_only_small_and_dense(void)
{
    SCAL_CHECK(scal_storage_auto(4096, (uint64_t)(0.01 * 4096 * 4095)) == SCAL_KERNEL_BITSET);
    SCAL_CHECK(scal_storage_auto(20000, 20000 * 10) == SCAL_KERNEL_SPARSE);
    SCAL_CHECK(scal_storage_auto(1u << 20, (uint64_t)1 << 36) == SCAL_KERNEL_SPARSE);
}

static uint64_t column_count(const scal_graph_t *b, uint32_t j)
{
    uint64_t c = 0;
    for (size_t w = 0; w < b->words; w++)
        c += (uint64_t)__builtin_popcountll(b->cols[j * b->words + w]);
    return c;
}

/* Rows equal the bitset storage's; columns are exactly the transpose. */
static void test_storage_matches_bitset(void)
{
    const double ps[] = {0.0, 0.003, 0.05, 1.0};
    for (int pi = 0; pi < 4; pi++) {
        uint32_t m = pi == 3 ? 70 : 1000;
        char err[256];
        scal_adj_t *a = scal_adj_generate(m, ps[pi], 9, err, sizeof err);
        scal_graph_t s, b;
        void *ms = sparse_from_adj(&s, a, pi + 1);
        void *mb = fixture_from_adj(&b, a, SCAL_KERNEL_BITSET);
        uint32_t *rs = malloc(m * sizeof *rs), *rb = malloc(m * sizeof *rb);
        int rows_ok = 1, cols_ok = 1;
        for (uint32_t i = 0; i < m; i++) {
            uint32_t ns = scal_graph_row(&s, i, rs), nb = scal_graph_row(&b, i, rb);
            rows_ok &= ns == nb && memcmp(rs, rb, ns * sizeof *rs) == 0;
            for (uint64_t k = s.in_start[i]; k < s.in_start[i + 1]; k++)
                cols_ok &= scal_graph_has_edge(&b, s.in[k], i) &&
                           (k == s.in_start[i] || s.in[k - 1] < s.in[k]);
            cols_ok &= s.in_start[i + 1] - s.in_start[i] == column_count(&b, i);
        }
        SCAL_CHECK(rows_ok);
        SCAL_CHECK(cols_ok);
        SCAL_CHECK_EQ_U64(scal_graph_edges(&s, 0, m), scal_graph_edges(&b, 0, m));
        SCAL_CHECK(s.out_start[m] == a->edges && s.in_start[m] == a->edges);
        free(rs);
        free(rb);
        free(ms);
        free(mb);
        scal_adj_free(a);
    }
}

/* Every pair's distance, single and grouped, against the reference BFS. */
static int all_distances_match(const scal_adj_t *a, int h)
{
    scal_graph_t g;
    void *mem = sparse_from_adj(&g, a, 2);
    scal_paths_scratch_t *s = scal_paths_scratch_new(&g);
    int32_t *ref = malloc(a->m * sizeof *ref), *got = malloc(a->m * sizeof *got);
    uint32_t *all = malloc(a->m * sizeof *all);
    for (uint32_t t = 0; t < a->m; t++)
        all[t] = t;
    int ok = 1;
    uint32_t step = a->m > 300 ? a->m / 97 : 1;
    for (uint32_t src = 0; src < a->m && ok; src += step) {
        scal_ref_distances(a, src, h, ref);
        for (uint32_t t = 0; t < a->m; t += a->m > 300 ? 7 : 1) {
            int d = scal_paths_distance(&g, s, src, t, h);
            if (d != ref[t]) {
                fprintf(stderr, "  m=%u h=%d: %u -> %u: %d, reference %d\n", a->m, h, src, t, d,
                        ref[t]);
                ok = 0;
                break;
            }
        }
        scal_paths_distances_from(&g, s, src, all, a->m, h, got);
        if (memcmp(got, ref, a->m * sizeof *ref) != 0) {
            fprintf(stderr, "  m=%u h=%d: grouped distances from %u differ\n", a->m, h, src);
            ok = 0;
        }
    }
    free(ref);
    free(got);
    free(all);
    scal_paths_scratch_free(s);
    free(mem);
    return ok;
}

static void test_distances_match_reference_uniform(void)
{
    const double ps[] = {0.0, 0.001, 0.004, 0.02, 0.3};
    const int hs[] = {0, 1, 2, 3, 8, 40};
    for (int pi = 0; pi < 5; pi++) {
        scal_adj_t *a = scal_adj_generate(400, ps[pi], 3 + (uint64_t)pi, NULL, 0);
        for (int hi = 0; hi < 6; hi++)
            SCAL_CHECK(all_distances_match(a, hs[hi]));
        scal_adj_free(a);
    }
}

static void test_distances_match_reference_kron(void)
{
    for (unsigned scale = 4; scale <= 12; scale += 4) {
        scal_kron_t k = {scale, 8, 5};
        scal_adj_t *a = scal_adj_kron(&k, NULL, 0);
        SCAL_CHECK(a && a->m == 1u << scale);
        SCAL_CHECK(all_distances_match(a, 3));
        SCAL_CHECK(all_distances_match(a, 20));
        scal_adj_free(a);
    }
}

/* A chain 0 -> 1 -> ... -> n-1: long searches, and one direction only. */
static void test_chain(void)
{
    enum { N = 300 };
    uint32_t src[N - 1], dst[N - 1];
    for (uint32_t i = 0; i + 1 < N; i++) {
        src[i] = i;
        dst[i] = i + 1;
    }
    scal_adj_t *a = scal_adj_from_arcs(N, N - 1, src, dst, NULL, 0);
    SCAL_CHECK(all_distances_match(a, N));
    SCAL_CHECK(all_distances_match(a, 10));
    scal_adj_free(a);
}

static int cmp_arc(const void *x, const void *y)
{
    const uint64_t *a = x, *b = y;
    return (*a > *b) - (*a < *b);
}

/* The parallel builder against sorting (src, dst) pairs, at several thread
 * counts: repeats merged, self loops dropped, rows ascending. */
static void test_builder_matches_sorting(void)
{
    enum { M = 3000, N = 200000 };
    uint32_t *src = malloc(N * sizeof *src), *dst = malloc(N * sizeof *dst);
    uint64_t *pairs = malloc(N * sizeof *pairs);
    scal_rng_t r = scal_rng_init(11, 0);
    for (size_t k = 0; k < N; k++) {
        src[k] = (uint32_t)scal_rng_below(&r, M);
        dst[k] = k % 10 == 0 ? src[k] : (uint32_t)scal_rng_below(&r, 40) * 70;
        pairs[k] = (uint64_t)src[k] << 32 | dst[k];
    }
    qsort(pairs, N, sizeof *pairs, cmp_arc);
    size_t u = 0;
    for (size_t k = 0; k < N; k++)
        if ((pairs[k] >> 32) != (pairs[k] & 0xffffffffu) && (u == 0 || pairs[k] != pairs[u - 1]))
            pairs[u++] = pairs[k];
    for (int t = 1; t <= 3; t++) {
        omp_set_num_threads(t);
        scal_adj_t *a = scal_adj_from_arcs(M, N, src, dst, NULL, 0);
        int ok = a && a->edges == u && a->start[M] == u;
        for (uint32_t i = 0; ok && i < M; i++)
            for (uint64_t e = a->start[i]; ok && e < a->start[i + 1]; e++)
                ok = pairs[e] == ((uint64_t)i << 32 | a->next[e]);
        SCAL_CHECK(ok);
        scal_adj_free(a);
    }
    char err[256];
    dst[N / 2] = M;
    SCAL_CHECK(!scal_adj_from_arcs(M, N, src, dst, err, sizeof err) && strstr(err, "3000"));
    free(src);
    free(dst);
    free(pairs);
}

static void test_kron_generator(void)
{
    /* arcs come in pairs u -> v, v -> u, ids in range */
    for (unsigned scale = 1; scale <= 12; scale++) {
        scal_kron_t k = {scale, 16, 77};
        scal_edge_source_t es = scal_kron_source(&k);
        uint32_t *s = malloc(es.max_arcs * sizeof *s), *d = malloc(es.max_arcs * sizeof *d);
        uint64_t arcs = 0;
        int ok = 1;
        for (uint64_t b = 0; b < es.blocks; b++) {
            size_t n = es.block(es.ctx, b, s, d);
            for (size_t i = 0; i < n; i++) {
                ok &= s[i] < (1u << scale) && d[i] < (1u << scale);
                if (i % 2 == 1)
                    ok &= s[i] == d[i - 1] && d[i] == s[i - 1];
            }
            arcs += n;
        }
        SCAL_CHECK(ok);
        SCAL_CHECK_EQ_U64(arcs, (uint64_t)2 * 16 << scale);
        /* edge e alone gives block (e / BLOCK)'s entry */
        uint32_t u, v;
        uint64_t e = arcs / 2 - 1;
        scal_kron_edge(&k, e, &u, &v);
        es.block(es.ctx, e / SCAL_KRON_BLOCK, s, d);
        SCAL_CHECK(u == s[2 * (e % SCAL_KRON_BLOCK)] && v == d[2 * (e % SCAL_KRON_BLOCK)]);
        free(s);
        free(d);
    }
    /* skewed degrees: the largest is far above the mean */
    scal_kron_t k = {14, 16, 1};
    scal_adj_t *a = scal_adj_kron(&k, NULL, 0);
    uint64_t top = 0;
    for (uint32_t i = 0; i < a->m; i++)
        if (a->start[i + 1] - a->start[i] > top)
            top = a->start[i + 1] - a->start[i];
    SCAL_CHECK(a->edges > (uint64_t)16 << 14 && top > 20 * a->edges / a->m);
    /* same graph whatever the threads */
    omp_set_num_threads(1);
    scal_adj_t *b = scal_adj_kron(&k, NULL, 0);
    omp_set_num_threads(2);
    SCAL_CHECK(b && b->edges == a->edges &&
               memcmp(a->next, b->next, a->edges * sizeof *a->next) == 0);
    scal_adj_free(a);
    scal_adj_free(b);
    char err[128];
    k.scale = 31;
    SCAL_CHECK(scal_kron_check(&k, err, sizeof err) == -1 && strstr(err, "scale 31"));
}

/* A Kronecker graph drawn straight into sparse storage (scal_kron_fill) is
 * scal_adj_kron()'s, rows and columns, for any number of parts, run one
 * after another or as threads; memory poisoned first. */
static void test_kron_fill_matches_lists(void)
{
    const scal_kron_t ks[] = {{9, 16, 3}, {12, 8, 77}, {6, 16, 1}};
    for (size_t ki = 0; ki < sizeof ks / sizeof ks[0]; ki++) {
        const scal_kron_t *k = &ks[ki];
        SCAL_CHECK(scal_kron_fills_storage(k));
        char err[256];
        scal_adj_t *a = scal_adj_kron(k, err, sizeof err);
        scal_graph_t ref;
        void *mref = sparse_from_adj(&ref, a, 1);
        uint64_t m = a->m, bound = scal_kron_arcs_bound(k);
        size_t bytes;
        SCAL_CHECK(scal_graph_sparse_bytes(m, bound, &bytes, err, sizeof err) == 0);
        for (int parts = 1; parts <= 7; parts += 2) {
            for (int threaded = 0; threaded <= 1; threaded++) {
                void *mem = aligned_alloc(64, (bytes + 63) / 64 * 64);
                scal_graph_t g;
                SCAL_CHECK(mem && scal_graph_sparse_view(&g, mem, bytes, m, bound, err,
                                                         sizeof err) == 0);
                memset(mem, 0xa5, bytes);
                int failed = 0;
                for (int phase = 0; phase < SCAL_KRON_FILL_PHASES; phase++) {
                    if (threaded) {
#pragma omp parallel num_threads(parts) reduction(| : failed)
                        failed |= scal_kron_fill(&g, k, phase, (uint64_t)omp_get_thread_num(),
                                                 (uint64_t)omp_get_num_threads(), NULL, 0) != 0;
                    } else {
                        for (int p = 0; p < parts; p++)
                            failed |= scal_kron_fill(&g, k, phase, (uint64_t)p, (uint64_t)parts,
                                                     NULL, 0) != 0;
                    }
                }
                SCAL_CHECK(!failed);
                SCAL_CHECK_EQ_U64(g.out_start[m], a->edges);
                SCAL_CHECK_EQ_U64(g.in_start[m], a->edges);
                int same = !failed &&
                           memcmp(g.out_start, ref.out_start, (m + 1) * sizeof *g.out_start) == 0 &&
                           memcmp(g.in_start, ref.in_start, (m + 1) * sizeof *g.in_start) == 0 &&
                           memcmp(g.out, ref.out, a->edges * sizeof *g.out) == 0 &&
                           memcmp(g.in, ref.in, a->edges * sizeof *g.in) == 0;
                SCAL_CHECK(same);
                if (!same)
                    fprintf(stderr, "  scale %u, %d parts%s: storage differs\n", k->scale, parts,
                            threaded ? " (threads)" : "");
                free(mem);
            }
        }
        /* storage not laid out for it, or no such part */
        SCAL_CHECK(scal_kron_fill(&ref, k, 0, 0, 1, err, sizeof err) == -1 &&
                   strstr(err, "not laid out"));
        free(mref);
        scal_adj_free(a);
    }
    /* the bound exceeds what a tiny graph can hold: lists instead */
    scal_kron_t tiny = {3, 16, 1};
    SCAL_CHECK(!scal_kron_fills_storage(&tiny));
}

static scal_adj_t *read_text(const char *name, const char *text, char *err, size_t errlen)
{
    char path[300];
    fixture_file(path, sizeof path, dir, name, text);
    err[0] = '\0';
    return scal_graph_read(path, SCAL_GRAPH_AUTO, err, errlen);
}

static void test_edge_lists_read(void)
{
    char err[512];
    scal_adj_t *a = read_text("g.txt",
                              "# Directed graph: g.txt\n"
                              "# Nodes: 6 Edges: 5\n"
                              "# FromNodeId\tToNodeId\n"
                              "0\t1\n"
                              "1 2\r\n"
                              "\n"
                              "  2   0  \n"
                              "1 2\n"  /* repeat */
                              "3 3\n", /* self loop */
                              err, sizeof err);
    SCAL_CHECK(a && a->m == 6 && a->edges == 3);
    if (!a)
        fprintf(stderr, "  %s\n", err);
    scal_adj_free(a);
    a = read_text("g.el", "0 4\n4 0\n2 1\n", err, sizeof err);
    SCAL_CHECK(a && a->m == 5 && a->edges == 3);
    scal_adj_free(a);
    a = read_text("g.data", "%%MatrixMarket matrix coordinate pattern general\n2 2 1\n1 2\n", err,
                  sizeof err);
    SCAL_CHECK(a && a->m == 2 && a->edges == 1);
    scal_adj_free(a);
    SCAL_CHECK(scal_graph_format_of("x.MTX", SCAL_GRAPH_AUTO) == SCAL_GRAPH_MTX);
    SCAL_CHECK(scal_graph_format_of("x.el", SCAL_GRAPH_AUTO) == SCAL_GRAPH_EL);
    SCAL_CHECK(scal_graph_format_of("x.el", SCAL_GRAPH_SNAP) == SCAL_GRAPH_SNAP);
}

static void refused(const char *name, const char *text, const char *want)
{
    char err[512];
    scal_adj_t *a = read_text(name, text, err, sizeof err);
    int ok = !a && strstr(err, want) && strstr(err, name);
    SCAL_CHECK(ok);
    if (!ok)
        fprintf(stderr, "  %s: got '%s', wanted '%s'\n", name, a ? "(read)" : err, want);
    scal_adj_free(a);
}

static void test_bad_edge_lists_refused(void)
{
    refused("neg.el", "0 1\n-2 1\n", "neg.el:2: source id '-2' is negative");
    refused("big.el", "0 4294967296\n", "big.el:1: target id '4294967296' is not below 2^32");
    refused("max.el", "2147483647 0\n", "max.el:1: id 2147483647 needs more than");
    refused("garbage.txt", "0 1\n1 2 x\n", "garbage.txt:2: garbage 'x");
    refused("letters.el", "0 1\n1 a\n", "letters.el:2: target id 'a");
    refused("trunc.el", "0 1\n1 2\n3", "trunc.el:3: the last line has no end of line");
    refused("short.txt", "# Nodes: 3 Edges: 4\n0 1\n1 2\n",
            "short.txt:4: the file ends after 2 of the 4 edges announced on line 1");
    refused("huge.txt", "# Nodes: 2147483647 Edges: 100\n0 1\n", "huge.txt:1: a graph of");
    refused("over.txt", "# Nodes: 4294967296 Edges: 1\n0 1\n", "over.txt:1: 4294967296 nodes");
    refused("twice.txt", "# Nodes: 3 Edges: 0\n# Nodes: 3 Edges: 0\n", "twice.txt:2: a second");
    refused("empty.el", "# nothing\n", "empty.el:2: no edges");
    char *longline = malloc(SCAL_GRAPH_LINE_MAX + 100);
    memset(longline, ' ', SCAL_GRAPH_LINE_MAX + 50);
    strcpy(longline + SCAL_GRAPH_LINE_MAX + 50, "1 2\n");
    refused("long.el", longline, "long.el:1: line longer than 4096 bytes");
    free(longline);
    char err[256];
    SCAL_CHECK(!scal_graph_read("/nonexistent/g.el", SCAL_GRAPH_AUTO, err, sizeof err) &&
               strstr(err, "/nonexistent/g.el: cannot open"));
}

/* Writing a graph as an edge list and reading it back gives the same
 * lists, isolated last nodes included (the header carries m). */
static void test_edge_list_round_trip(void)
{
    scal_kron_t k = {7, 4, 2};
    scal_adj_t *a = scal_adj_kron(&k, NULL, 0);
    scal_graph_t g;
    void *mem = sparse_from_adj(&g, a, 1);
    char path[300], err[256];
    snprintf(path, sizeof path, "%s/round.el", dir);
    FILE *f = fopen(path, "w");
    SCAL_CHECK(f && scal_el_fprint(&g, f, err, sizeof err) == 0 && fclose(f) == 0);
    scal_adj_t *b = scal_graph_read(path, SCAL_GRAPH_AUTO, err, sizeof err);
    SCAL_CHECK(b && b->m == a->m && b->edges == a->edges &&
               memcmp(a->next, b->next, a->edges * sizeof *a->next) == 0);
    scal_adj_free(a);
    scal_adj_free(b);
    free(mem);
}

int main(void)
{
    fixture_tmpdir(dir, sizeof dir, "test_sparse");
    SCAL_RUN(test_sizes_and_views);
    SCAL_RUN(test_storage_auto_picks_bitset_only_small_and_dense);
    SCAL_RUN(test_storage_matches_bitset);
    SCAL_RUN(test_distances_match_reference_uniform);
    SCAL_RUN(test_distances_match_reference_kron);
    SCAL_RUN(test_chain);
    SCAL_RUN(test_builder_matches_sorting);
    SCAL_RUN(test_kron_generator);
    SCAL_RUN(test_kron_fill_matches_lists);
    SCAL_RUN(test_edge_lists_read);
    SCAL_RUN(test_bad_edge_lists_refused);
    SCAL_RUN(test_edge_list_round_trip);
    fixture_rmdir(dir);
    return SCAL_TEST_END();
}
