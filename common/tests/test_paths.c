/* test_paths.c - both kernels give the reference BFS's distances, on random
 * graphs of several sizes and densities and on hand-made ones; the grouped
 * entry point agrees with the single one; threads sharing a graph, each with
 * its own scratch, agree with one thread; validation catches wrong answers. */
#include <omp.h>

#include "paths_fixture.h"
#include "scal_paths.h"
#include "scal_test.h"

static const scal_kernel_t both_kernels[] = {SCAL_KERNEL_BITSET, SCAL_KERNEL_MATVEC};
static const int hop_limits[] = {0, 1, 2, 3, 5, 8, 130}; /* 130: beyond every distance */
#define N_HOP_LIMITS (sizeof hop_limits / sizeof hop_limits[0])

/* Distances from each of ns sources to every node under every hop limit:
 * the grouped call for all targets at once (a forward search does nearly
 * all the work) and for groups of a few targets (short backward searches
 * do it), and single calls for every `stride`-th target, against
 * scal_ref_distances().  Returns mismatches. */
static int compare_with_reference(const scal_graph_t *g, const scal_adj_t *a,
                                  const uint32_t *sources, size_t ns, uint32_t stride)
{
    const uint32_t m = g->m;
    scal_paths_scratch_t *s = scal_paths_scratch_new(g);
    int32_t *want = malloc(m * sizeof *want), *got = malloc(m * sizeof *got);
    int32_t *few = malloc(m * sizeof *few);
    uint32_t *all = malloc(m * sizeof *all);
    if (!s || !want || !got || !few || !all)
        abort();
    for (uint32_t v = 0; v < m; v++)
        all[v] = v;
    int bad = 0;
    for (size_t si = 0; si < ns; si++) {
        for (size_t hi = 0; hi < N_HOP_LIMITS; hi++) {
            uint32_t src = sources[si];
            int h = hop_limits[hi];
            if (scal_ref_distances(a, src, h, want))
                abort();
            scal_paths_distances_from(g, s, src, all, m, h, got);
            for (uint32_t t = 0; t < m; t += 5)
                scal_paths_distances_from(g, s, src, all + t, m - t < 5 ? m - t : 5, h, few + t);
            for (uint32_t t = 0; t < m; t++) {
                /* The largest limit must exceed every distance, so that
                 * whole reachable sets get compared. */
                SCAL_CHECK(hi + 1 < N_HOP_LIMITS || want[t] < h);
                int single = t % stride == 0 ? scal_paths_distance(g, s, src, t, h) : want[t];
                if (got[t] != want[t] || few[t] != want[t] || single != want[t]) {
                    if (bad++ < 5)
                        fprintf(stderr, "  %s m=%u: %u -> %u h=%d: reference %d, grouped %d, "
                                "grouped by 5 %d, single %d\n", scal_kernel_name(g->kernel), m,
                                src, t, h, (int)want[t], (int)got[t], (int)few[t], single);
                }
            }
        }
    }
    free(all);
    free(few);
    free(got);
    free(want);
    scal_paths_scratch_free(s);
    return bad;
}

/* Both kernels against the reference on the graph held by a. */
static void check_graph(const scal_adj_t *a, size_t ns, uint32_t bitset_stride,
                        uint32_t matvec_stride)
{
    uint32_t sources[16];
    if (ns > 16)
        ns = 16;
    for (size_t k = 0; k < ns; k++)
        sources[k] = (uint32_t)((uint64_t)(2 * k + 1) * a->m / (2 * ns)) % a->m;
    for (size_t ki = 0; ki < 2; ki++) {
        if (both_kernels[ki] == SCAL_KERNEL_MATVEC && matvec_stride == 0)
            continue;
        scal_graph_t g;
        void *mem = fixture_from_adj(&g, a, both_kernels[ki]);
        SCAL_CHECK_EQ_U64(compare_with_reference(&g, a, sources, ns,
                                                 ki == 0 ? bitset_stride : matvec_stride),
                          0);
        free(mem);
    }
}

static void test_random_graphs_match_reference(void)
{
    static const struct {
        uint32_t m;
        double p;
        uint32_t matvec_stride; /* 0: too big for the baseline here */
    } graphs[] = {
        {1, 0.5, 1},     {2, 1.0, 1},      {10, 0.2, 1},     {63, 0.05, 1},
        {64, 0.5, 3},    {65, 0.02, 3},    {200, 0.01, 13},  {200, 0.05, 13},
        {300, 0.3, 29},  {1000, 0.002, 0}, {1000, 0.01, 0},  {1000, 0.2, 0},
        {3000, 0.001, 0}, {4096, 0.01, 0},
    };
    for (size_t k = 0; k < sizeof graphs / sizeof graphs[0]; k++) {
        scal_adj_t *a = scal_adj_generate(graphs[k].m, graphs[k].p, 1000 + k, NULL, 0);
        if (!a)
            abort();
        check_graph(a, graphs[k].m > 1000 ? 4 : 8, graphs[k].m > 1000 ? 7 : 1,
                    graphs[k].matvec_stride);
        scal_adj_free(a);
    }
}

/* The graph of n arcs given as pairs {src, dst}. */
static scal_adj_t *arcs_graph(uint32_t m, size_t n, const uint32_t (*arcs)[2])
{
    uint32_t *src = malloc((n + 1) * sizeof *src), *dst = malloc((n + 1) * sizeof *dst);
    for (size_t k = 0; k < n; k++) {
        src[k] = arcs[k][0];
        dst[k] = arcs[k][1];
    }
    scal_adj_t *a = scal_adj_from_arcs(m, n, src, dst, NULL, 0);
    free(src);
    free(dst);
    if (!a)
        abort();
    return a;
}

/* Expected distances on a hand-made graph, checked in both kernels. */
static void expect(const scal_adj_t *a, uint32_t s, uint32_t t, int h, int d)
{
    for (size_t ki = 0; ki < 2; ki++) {
        scal_graph_t g;
        void *mem = fixture_from_adj(&g, a, both_kernels[ki]);
        scal_paths_scratch_t *sc = scal_paths_scratch_new(&g);
        int got = scal_paths_distance(&g, sc, s, t, h);
        if (got != d)
            fprintf(stderr, "  %s m=%u: %u -> %u h=%d: %d, expected %d\n",
                    scal_kernel_name(g.kernel), g.m, s, t, h, got, d);
        SCAL_CHECK(got == d);
        scal_paths_scratch_free(sc);
        free(mem);
    }
}

static void test_no_edges_only_self_pairs(void)
{
    scal_adj_t *a = arcs_graph(100, 0, NULL);
    expect(a, 3, 3, 0, 0);
    expect(a, 3, 3, 8, 0);
    expect(a, 3, 4, 8, -1);
    expect(a, 99, 0, 1000, -1);
    check_graph(a, 8, 1, 7);
    scal_adj_free(a);
}

static void test_complete_graph_all_one_hop(void)
{
    scal_adj_t *a = scal_adj_generate(70, 1.0, 1, NULL, 0);
    SCAL_CHECK_EQ_U64(a->edges, 70 * 69);
    expect(a, 0, 69, 1, 1);
    expect(a, 69, 0, 8, 1);
    expect(a, 5, 6, 0, -1);
    expect(a, 5, 5, 0, 0);
    check_graph(a, 8, 1, 3);
    scal_adj_free(a);
}

/* A chain 0 -> 1 -> ... -> 99, crossing word boundaries: distance t - s
 * when within the hop limit, never backwards. */
static void test_chain_longer_than_hop_limit(void)
{
    uint32_t arcs[99][2];
    for (uint32_t k = 0; k < 99; k++) {
        arcs[k][0] = k;
        arcs[k][1] = k + 1;
    }
    scal_adj_t *a = arcs_graph(100, 99, arcs);
    expect(a, 0, 5, 5, 5);
    expect(a, 0, 6, 5, -1);
    expect(a, 60, 70, 10, 10);
    expect(a, 60, 70, 9, -1);
    expect(a, 0, 99, 99, 99);
    expect(a, 0, 99, 98, -1);
    expect(a, 5, 0, 1000, -1);
    check_graph(a, 8, 1, 1);
    scal_adj_free(a);
}

/* Two directed cycles, on 0..63 and on 64..129: distance (t - s) mod n
 * within a part, -1 across. */
static void test_disconnected_parts_unreachable(void)
{
    uint32_t arcs[130][2];
    for (uint32_t k = 0; k < 64; k++) {
        arcs[k][0] = k;
        arcs[k][1] = (k + 1) % 64;
    }
    for (uint32_t k = 0; k < 66; k++) {
        arcs[64 + k][0] = 64 + k;
        arcs[64 + k][1] = 64 + (k + 1) % 66;
    }
    scal_adj_t *a = arcs_graph(130, 130, arcs);
    expect(a, 10, 5, 1000, 59);
    expect(a, 10, 5, 58, -1);
    expect(a, 129, 64, 1, 1);
    expect(a, 63, 64, 1000, -1);
    expect(a, 64, 63, 1000, -1);
    check_graph(a, 8, 1, 1);
    scal_adj_free(a);
}

/* An undirected path 1-2-3-4 and an edge 5-6, given as a symmetric Matrix
 * Market file: distances the same both ways, none between the parts. */
static void test_symmetric_matrix_market_graph(void)
{
    char dir[256], path[300], err[256];
    fixture_tmpdir(dir, sizeof dir, "test_paths");
    fixture_file(path, sizeof path, dir, "sym.mtx",
                 "%%MatrixMarket matrix coordinate pattern symmetric\n"
                 "% path 1-2-3-4, edge 5-6, node 7 alone\n"
                 "7 7 4\n2 1\n3 2\n4 3\n6 5\n");
    scal_adj_t *a = scal_mm_read(path, err, sizeof err);
    SCAL_CHECK(a != NULL);
    if (a) {
        expect(a, 0, 3, 8, 3);
        expect(a, 3, 0, 8, 3);
        expect(a, 3, 0, 2, -1);
        expect(a, 4, 5, 1, 1);
        expect(a, 5, 4, 1, 1);
        expect(a, 0, 4, 8, -1);
        expect(a, 6, 6, 8, 0);
        check_graph(a, 7, 1, 1);
    }
    scal_adj_free(a);
    fixture_rmdir(dir);
}

/* Grouped queries with repeated targets and the source among them. */
static void test_grouped_targets_with_repeats(void)
{
    scal_adj_t *a = scal_adj_generate(500, 0.004, 77, NULL, 0);
    int32_t want[500];
    const uint32_t targets[] = {7, 7, 3, 499, 0, 3, 250};
    for (size_t ki = 0; ki < 2; ki++) {
        scal_graph_t g;
        void *mem = fixture_from_adj(&g, a, both_kernels[ki]);
        scal_paths_scratch_t *s = scal_paths_scratch_new(&g);
        for (uint32_t src = 0; src < 500; src += 83) {
            int32_t got[7];
            scal_ref_distances(a, src, 4, want);
            scal_paths_distances_from(&g, s, src, targets, 7, 4, got);
            for (size_t k = 0; k < 7; k++)
                SCAL_CHECK(got[k] == want[targets[k]]);
        }
        scal_paths_distances_from(&g, s, 3, targets, 0, 4, NULL); /* no targets: no-op */
        scal_paths_scratch_free(s);
        free(mem);
    }
    scal_adj_free(a);
}

/* Threads sharing one graph, each with its own scratch, answer as one
 * thread does, at 1, 2 and 4 threads. */
static void test_threads_with_own_scratch_agree_with_serial(void)
{
    const uint32_t m = 2000;
    const size_t q = 3000;
    scal_pair_t *pairs = malloc(q * sizeof *pairs);
    int32_t *serial = malloc(q * sizeof *serial), *par = malloc(q * sizeof *par);
    scal_pairs_generate(pairs, q, m, 5);
    scal_graph_t g;
    void *mem = fixture_random(&g, m, 0.003, 5, SCAL_KERNEL_BITSET);
    scal_paths_scratch_t *s = scal_paths_scratch_new(&g);
    for (size_t k = 0; k < q; k++)
        serial[k] = scal_paths_distance(&g, s, pairs[k].source, pairs[k].target, 6);
    scal_paths_scratch_free(s);
    for (int threads = 1; threads <= 4; threads *= 2) {
        memset(par, 0x55, q * sizeof *par);
#pragma omp parallel num_threads(threads)
        {
            scal_paths_scratch_t *mine = scal_paths_scratch_new(&g);
#pragma omp for schedule(dynamic, 7)
            for (size_t k = 0; k < q; k++)
                par[k] = scal_paths_distance(&g, mine, pairs[k].source, pairs[k].target, 6);
            scal_paths_scratch_free(mine);
        }
        SCAL_CHECK(memcmp(serial, par, q * sizeof *par) == 0);
    }
    free(mem);
    free(par);
    free(serial);
    free(pairs);
}

static void test_validation_catches_wrong_answers(void)
{
    const uint32_t m = 400;
    const size_t q = 200;
    const int h = 6;
    char err[256];
    scal_pair_t pairs[200];
    int32_t dist[200];
    scal_pairs_generate(pairs, q, m, 3);
    pairs[0].target = pairs[0].source; /* one self pair */
    scal_graph_t g;
    void *mem = fixture_random(&g, m, 0.01, 3, SCAL_KERNEL_BITSET);
    scal_paths_scratch_t *s = scal_paths_scratch_new(&g);
    size_t k1 = q, k2 = q, knone = q; /* a pair at distance 1, one at >= 2, one at -1 */
    for (size_t k = 0; k < q; k++) {
        dist[k] = scal_paths_distance(&g, s, pairs[k].source, pairs[k].target, h);
        if (dist[k] == 1 && k1 == q)
            k1 = k;
        if (dist[k] >= 2 && k2 == q)
            k2 = k;
        if (dist[k] == -1 && knone == q)
            knone = k;
    }
    SCAL_CHECK(k1 < q && k2 < q && knone < q);
    SCAL_CHECK(scal_paths_validate(&g, NULL, pairs, dist, q, h, q, err, sizeof err) == 0);

    const struct {
        size_t k;
        int32_t d;
        size_t sample;
        const char *says;
    } wrong[] = {
        {k1, 2, 0, "but edge source->target exists"},
        {k2, 1, 0, "but there is no edge"},
        {k1, -1, 0, "but edge source->target exists"},
        {k2, 0, 0, "but source != target"},
        {0, 1, 0, "but source == target"},
        {k2, h + 1, 0, "outside -1..h"},
        {k2, -2, 0, "outside -1..h"},
        /* Right by the cheap checks, caught only by the reference. */
        {k2, -1, 200, "reference BFS says"},
        {knone, 3, 200, "reference BFS says"},
    };
    for (size_t w = 0; w < sizeof wrong / sizeof wrong[0]; w++) {
        int32_t keep = dist[wrong[w].k];
        char name[32];
        dist[wrong[w].k] = wrong[w].d;
        snprintf(name, sizeof name, "pair %zu ", wrong[w].k);
        err[0] = '\0';
        int rc = scal_paths_validate(&g, NULL, pairs, dist, q, h, wrong[w].sample, err, sizeof err);
        SCAL_CHECK(rc == 1 && strstr(err, name) && strstr(err, wrong[w].says));
        if (rc != 1 || !strstr(err, wrong[w].says))
            fprintf(stderr, "  wrong case %zu: rc %d, '%s'\n", w, rc, err);
        dist[wrong[w].k] = keep;
    }
    /* Without the sample, a wrong distance >= 2 goes unseen: that is what
     * the sample is for. */
    dist[k2] = -1;
    SCAL_CHECK(scal_paths_validate(&g, NULL, pairs, dist, q, h, 0, err, sizeof err) == 0);
    scal_paths_scratch_free(s);
    free(mem);
}

int main(void)
{
    SCAL_RUN(test_random_graphs_match_reference);
    SCAL_RUN(test_no_edges_only_self_pairs);
    SCAL_RUN(test_complete_graph_all_one_hop);
    SCAL_RUN(test_chain_longer_than_hop_limit);
    SCAL_RUN(test_disconnected_parts_unreachable);
    SCAL_RUN(test_symmetric_matrix_market_graph);
    SCAL_RUN(test_grouped_targets_with_repeats);
    SCAL_RUN(test_threads_with_own_scratch_agree_with_serial);
    SCAL_RUN(test_validation_catches_wrong_answers);
    return SCAL_TEST_END();
}
