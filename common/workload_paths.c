/* workload_paths.c - the paths workload: hop-limited path distances on a
 * large directed graph, the seed's demo 2.
 *
 * The graph (generated uniform from (nodes, fraction, seed) or Kronecker
 * from (scale, edge factor, seed), or read from a Matrix Market or edge-list
 * file) is the workload's shared data, in bitset or sparse storage: the engine places it (heap for
 * threads; per node, per rank or per task for ranks) and fills it in
 * parallel phases: rows, then columns (scal_graph.h); a Kronecker graph in
 * sparse storage is drawn straight into it by the same parts, so that no
 * process draws the whole graph alone (scal_kron_fill).  A task answers one
 * pair, or with --group every pair of one source by a single search.  Each
 * worker keeps its own search scratch.  Validation is untimed: every answer
 * is range-checked and d == 1 checked against the edge, and a sample of pairs
 * is recomputed by a plain BFS over adjacency lists built independently of
 * the searched storage. */
#include <inttypes.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "scal_cli.h"
#include "scal_err.h"
#include "scal_graph.h"
#include "scal_paths.h"
#include "scal_sys.h"
#include "scal_workload.h"

/* Pairs recomputed by the reference BFS in each validation. */
#define VALIDATE_SAMPLE 64

/* ---- its options ---- */

/* In scal_kernel_t, scal_share_t, scal_storage_t, scal_generator_t and
 * scal_graph_format_t order. */
static const char *const kernel_names[] = {"bitset", "matvec", NULL};
static const char *const share_names[] = {"window", "copy", "per-task", NULL};
static const char *const storage_names[] = {"auto", "bitset", "sparse", NULL};
static const char *const generator_names[] = {"uniform", "kron", NULL};
static const char *const graph_format_names[] = {"auto", "mtx", "snap", "el", NULL};

const char *scal_share_name(int share)
{
    return share >= 0 && share <= SCAL_SHARE_PER_TASK ? share_names[share] : "?";
}

#define ANY (SCAL_ENGINE_OMP | SCAL_ENGINE_MPI)
#define OFF(f) offsetof(scal_config_t, f)

static const scal_option_t opt_nodes = {
    "nodes", SCAL_OPT_U64, OFF(nodes), 1, 0x7fffffffULL, 0, 0, NULL, ANY, 0, "M",
    "graph nodes (generated graph)"};
static const scal_option_t opt_fraction = {
    "fraction", SCAL_OPT_DOUBLE, OFF(fraction), 0, 0, 0.0, 1.0, NULL, ANY, 0, "P",
    "probability of each edge i->j"};
static const scal_option_t opt_pairs = {
    "pairs", SCAL_OPT_U64, OFF(pairs), 1, SCAL_MAX_TASKS, 0, 0, NULL, ANY, SCAL_OPT_SIZE, "Q",
    "query pairs drawn from --seed: paths' tasks, one per pair (see --group)"};
static const scal_option_t opt_pairs_file = {
    "pairs-file", SCAL_OPT_STR, OFF(pairs_file), 0, 0, 0, 0, NULL, ANY, SCAL_OPT_INPUT, "FILE",
    "query pairs from CSV source,target (0-based)"};
static const scal_option_t opt_graph = {
    "graph", SCAL_OPT_STR, OFF(graph_file), 0, 0, 0, 0, NULL, ANY, SCAL_OPT_INPUT, "FILE",
    "read the graph from a file: Matrix Market (1-based), SNAP edge list or GAP .el "
    "(0-based); see --graph-format"};
static const scal_option_t opt_graph_format = {
    "graph-format", SCAL_OPT_ENUM, OFF(graph_format), 0, 0, 0, 0, graph_format_names, ANY, 0,
    "F", "--graph's format (auto: .mtx/.mm Matrix Market, .el GAP edge list, else a SNAP "
    "edge list unless it starts with a Matrix Market banner)"};
static const scal_option_t opt_generator = {
    "generator", SCAL_OPT_ENUM, OFF(generator), 0, 0, 0, 0, generator_names, ANY, 0, "G",
    "generated graph: uniform (--nodes, --fraction) or Graph500 Kronecker (--scale, "
    "--edge-factor, undirected)"};
static const scal_option_t opt_scale = {
    "scale", SCAL_OPT_INT, OFF(scale), 1, 30, 0, 0, NULL, ANY, 0, "S", "kron: 2^scale nodes"};
static const scal_option_t opt_edge_factor = {
    "edge-factor", SCAL_OPT_U64, OFF(edge_factor), 1, 1024, 0, 0, NULL, ANY, 0, "E",
    "kron: edge-factor * 2^scale edges, each in both directions"};
static const scal_option_t opt_write_graph = {
    "write-graph", SCAL_OPT_STR, OFF(write_graph), 0, 0, 0, 0, NULL, ANY, SCAL_OPT_NOT_A_KEY,
    "FILE", "write the graph: an edge list (0-based) if FILE ends in .el or .txt, else Matrix "
    "Market"};
static const scal_option_t opt_max_hop = {
    "max-hop", SCAL_OPT_INT, OFF(max_hop), 0, 1000000, 0, 0, NULL, ANY, 0, "H",
    "longest path searched, in hops"};
static const scal_option_t opt_kernel = {
    "kernel", SCAL_OPT_ENUM, OFF(kernel), 0, 0, 0, 0, kernel_names, ANY, 0, "K",
    "bitset (fast) or matvec (the seed's vector-matrix products)"};
static const scal_option_t opt_storage = {
    "storage", SCAL_OPT_ENUM, OFF(storage), 0, 0, 0, 0, storage_names, ANY, 0, "S",
    "graph storage for the fast kernel: bitset (dense bit matrix), sparse (CSR + CSC), or "
    "auto (bitset only for small dense graphs)"};
static const scal_option_t opt_group = {
    "group", SCAL_OPT_FLAG, OFF(group), 0, 0, 0, 0, NULL, ANY, 0, NULL,
    "a task is every pair of one source (one search answers them all)"};
static const scal_option_t opt_share = {
    "share", SCAL_OPT_ENUM, OFF(share), 0, 0, 0, 0, share_names, SCAL_ENGINE_MPI, 0, "S",
    "the graph: one copy per node in a shared window, a copy per rank sent once, "
    "or sent with every task"};

/* How its options constrain each other (and the engines', scal_cli.h). */
static const scal_option_rule_t paths_rules[] = {
    {SCAL_RULE_EXCLUDES, "graph", NULL, "nodes", NULL, NULL,
     "the graph file sets the nodes"},
    {SCAL_RULE_EXCLUDES, "graph", NULL, "fraction", NULL, NULL,
     "the graph file sets the edges"},
    {SCAL_RULE_EXCLUDES, "pairs-file", NULL, "pairs", NULL, NULL,
     "the pairs file sets the pairs"},
    {SCAL_RULE_EXCLUDES, "graph", NULL, "generator", NULL, NULL,
     "the graph file is the graph: nothing is generated"},
    {SCAL_RULE_EXCLUDES, "graph", NULL, "scale", NULL, NULL,
     "the graph file sets the nodes"},
    {SCAL_RULE_EXCLUDES, "graph", NULL, "edge-factor", NULL, NULL,
     "the graph file sets the edges"},
    {SCAL_RULE_NEEDS, "scale", NULL, "generator", "kron", NULL,
     "the scale sizes the Kronecker generator's graph"},
    {SCAL_RULE_NEEDS, "edge-factor", NULL, "generator", "kron", NULL,
     "the edge factor is the Kronecker generator's"},
    {SCAL_RULE_NEEDS, "nodes", NULL, "generator", "uniform", NULL,
     "the Kronecker generator takes its nodes from --scale"},
    {SCAL_RULE_NEEDS, "fraction", NULL, "generator", "uniform", NULL,
     "the Kronecker generator takes its edges from --edge-factor"},
    {SCAL_RULE_NEEDS, "storage", "sparse", "kernel", "bitset", NULL,
     "the matvec kernel has its own dense layout (--storage chooses the fast kernel's)"},
    {SCAL_RULE_NEEDS, "storage", "bitset", "kernel", "bitset", NULL,
     "the matvec kernel has its own dense layout (--storage chooses the fast kernel's)"},
    {SCAL_RULE_EXCLUDES, "seed", NULL, "graph", NULL, "pairs-file",
     "with both the graph and the pairs from files, nothing is drawn from the seed"},
    {SCAL_RULE_NEEDS, "share", "per-task", "pool", "submit|as-completed", NULL,
     "per-task needs a dynamic pool (map has no dispatch to send the graph with)"},
    {SCAL_RULE_NEEDS, "share", "per-task", "threads", "1", NULL,
     "per-task runs one thread per rank, as a process pool does"},
    {SCAL_RULE_EXCLUDES, "topology", NULL, "write-graph", NULL, NULL,
     "it prints the topology and runs nothing"},
    {0},
};

static const scal_option_t *const paths_options[] = {
    &scal_option_seed, &opt_nodes,       &opt_fraction,  &opt_pairs,
    &opt_pairs_file,   &opt_graph,       &opt_graph_format, &opt_generator,
    &opt_scale,        &opt_edge_factor, &opt_write_graph, &opt_max_hop,
    &opt_kernel,       &opt_storage,     &opt_group,     &opt_share,
    NULL,
};

typedef struct paths_state {
    uint32_t m;
    scal_kernel_t kernel;
    scal_graph_t g;
    scal_adj_t *lists;      /* the edges the storage is filled from: --graph's file,
                             * the Kronecker generator, or the uniform one for
                             * sparse storage (NULL: rows come from the generator) */
    scal_kron_t kron;
    int kron_fill;          /* sparse Kronecker drawn into the storage (no lists) */
    scal_adj_t rows_view;   /* sparse, after the fill: the storage's rows as lists */
    scal_adj_t *ref;        /* the validation reference, built on first use */
    scal_pair_t *pairs;
    size_t q;
    uint32_t *order;        /* --group: pair indices by source */
    uint64_t *group;        /* --group: task k is order[group[k] .. group[k+1]) */
    size_t largest_group;
    char what[96];
} paths_state_t;

typedef struct paths_scratch {
    scal_paths_scratch_t *kernel;
    uint32_t *targets;
    int32_t *dist;
} paths_scratch_t;

static int cmp_by_source(const void *a, const void *b, void *pairs)
{
    const scal_pair_t *p = pairs;
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    if (p[x].source != p[y].source)
        return p[x].source < p[y].source ? -1 : 1;
    return (x > y) - (x < y);
}

static int group_by_source(paths_state_t *s, scal_work_t *w, char *err, size_t errlen)
{
    s->order = malloc(s->q * sizeof *s->order);
    s->group = malloc((s->q + 1) * sizeof *s->group);
    if (!s->order || !s->group)
        return scal_errf(err, errlen, "out of memory grouping %zu pairs", s->q);
    for (size_t i = 0; i < s->q; i++)
        s->order[i] = (uint32_t)i;
    qsort_r(s->order, s->q, sizeof *s->order, cmp_by_source, s->pairs);
    uint64_t n = 0;
    for (size_t i = 0; i < s->q; i++)
        if (i == 0 || s->pairs[s->order[i]].source != s->pairs[s->order[i - 1]].source)
            s->group[n++] = i;
    s->group[n] = s->q;
    for (uint64_t k = 0; k < n; k++)
        if (s->group[k + 1] - s->group[k] > s->largest_group)
            s->largest_group = s->group[k + 1] - s->group[k];
    w->ntasks = n;
    w->max_task_results = s->largest_group;
    return 0;
}

static void paths_release(scal_work_t *w)
{
    paths_state_t *s = w->state;
    if (!s)
        return;
    scal_adj_free(s->lists);
    if (s->ref != &s->rows_view)
        scal_adj_free(s->ref);
    free(s->pairs);
    free(s->order);
    free(s->group);
    free(s);
    w->state = NULL;
}

/* Refuse a generated graph whose adjacency lists and sparse storage
 * (about 12 bytes an arc, 24 a node) cannot fit, before generating it. */
static int lists_fit(uint32_t m, double arcs, char *err, size_t errlen)
{
    double need = 12.0 * arcs + 24.0 * (double)m;
    char what[96];
    snprintf(what, sizeof what, "graph lists and storage (sparse, M = %u, up to %.0f arcs)", m,
             arcs);
    return scal_mem_check(need < 1.8e19 ? (uint64_t)need : UINT64_MAX, what, NULL, err, errlen);
}

static int paths_prepare(scal_work_t *w, char *err, size_t errlen)
{
    const scal_config_t *c = w->cfg;
    paths_state_t *s = calloc(1, sizeof *s);
    if (!s)
        return scal_errf(err, errlen, "out of memory");
    w->state = s;
    s->kron = (scal_kron_t){(unsigned)c->scale, c->edge_factor, c->seed};
    double expected_arcs = 0.0;
    if (c->graph_file) {
        if (!(s->lists = scal_graph_read(c->graph_file, (scal_graph_format_t)c->graph_format, err,
                                         errlen)))
            return -1;
        s->m = s->lists->m;
    } else if (c->generator == SCAL_GEN_KRON) {
        if (scal_kron_check(&s->kron, err, errlen) != 0)
            return -1;
        s->m = UINT32_C(1) << c->scale;
        expected_arcs = (double)scal_kron_arcs_bound(&s->kron);
    } else {
        if (scal_graph_check_p(c->fraction, err, errlen) != 0)
            return -1;
        s->m = (uint32_t)c->nodes;
        expected_arcs = c->fraction * (double)s->m * (double)(s->m - 1);
    }
    if (c->kernel == SCAL_KERNEL_MATVEC)
        s->kernel = SCAL_KERNEL_MATVEC;
    else if (c->storage == SCAL_STORAGE_BITSET)
        s->kernel = SCAL_KERNEL_BITSET;
    else if (c->storage == SCAL_STORAGE_SPARSE)
        s->kernel = SCAL_KERNEL_SPARSE;
    else
        s->kernel = scal_storage_auto(s->m, s->lists ? s->lists->edges : (uint64_t)expected_arcs);
    /* Kronecker: drawn into sparse storage by the parts that fill it; else
     * (bitset storage, tiny scales) its lists first. */
    s->kron_fill = !c->graph_file && c->generator == SCAL_GEN_KRON &&
                   s->kernel == SCAL_KERNEL_SPARSE && scal_kron_fills_storage(&s->kron);
    if (!c->graph_file && c->generator == SCAL_GEN_KRON && !s->kron_fill &&
        (lists_fit(s->m, expected_arcs, err, errlen) != 0 ||
         !(s->lists = scal_adj_kron(&s->kron, err, errlen))))
        return -1;
    if (s->kernel == SCAL_KERNEL_SPARSE && !s->lists && !s->kron_fill &&
        (lists_fit(s->m, expected_arcs, err, errlen) != 0 ||
         !(s->lists = scal_adj_generate(s->m, c->fraction, c->seed, err, errlen))))
        return -1;
    size_t bytes;
    uint64_t arcs = s->kron_fill ? scal_kron_arcs_bound(&s->kron)
                    : s->lists   ? s->lists->edges
                                 : 0;
    if (s->kernel == SCAL_KERNEL_SPARSE
            ? scal_graph_sparse_bytes(s->m, arcs, &bytes, err, errlen) != 0
            : scal_graph_bytes(s->m, s->kernel, &bytes, err, errlen) != 0)
        return -1;
    if (c->pairs_file) {
        if (scal_pairs_read_csv(c->pairs_file, s->m, &s->pairs, &s->q, err, errlen) != 0)
            return -1;
    } else {
        s->q = c->pairs;
        if (!(s->pairs = malloc(s->q * sizeof *s->pairs)))
            return scal_errf(err, errlen, "out of memory for %zu pairs", s->q);
        scal_pairs_generate(s->pairs, s->q, s->m, c->seed);
    }
    w->ntasks = w->nresults = s->q;
    s->largest_group = 1;
    if (c->group && group_by_source(s, w, err, errlen) != 0)
        return -1;
    if (s->kernel == SCAL_KERNEL_SPARSE)
        snprintf(s->what, sizeof s->what, "graph storage (sparse, M = %u, %s%" PRIu64 " arcs)",
                 s->m, s->kron_fill ? "room for " : "", arcs);
    else
        snprintf(s->what, sizeof s->what, "graph storage (%s, M = %u)",
                 scal_kernel_name(s->kernel), s->m);
    w->shared_bytes = bytes;
    w->shared_what = s->what;
    w->kernel = scal_kernel_name(s->kernel);
    return 0;
}

static int paths_attach(scal_work_t *w, void *mem, char *err, size_t errlen)
{
    paths_state_t *s = w->state;
    if (s->kernel == SCAL_KERNEL_SPARSE)
        return scal_graph_sparse_view(&s->g, mem, w->shared_bytes, s->m,
                                      s->kron_fill ? scal_kron_arcs_bound(&s->kron)
                                                   : s->lists->edges,
                                      err, errlen);
    return scal_graph_view(&s->g, mem, w->shared_bytes, s->m, s->kernel, err, errlen);
}

static int paths_fill(scal_work_t *w, int phase, int part, int nparts, char *err, size_t errlen)
{
    paths_state_t *s = w->state;
    uint64_t lo = (uint64_t)s->m * (uint64_t)part / (uint64_t)nparts;
    uint64_t hi = (uint64_t)s->m * (uint64_t)(part + 1) / (uint64_t)nparts;
    if (s->kron_fill)
        return scal_kron_fill(&s->g, &s->kron, phase, (uint64_t)part, (uint64_t)nparts, err,
                              errlen);
    /* rows in the first phase, columns in the last */
    if (phase == w->wl->fill_phases - 1)
        return scal_graph_fill_cols(&s->g, lo, hi, err, errlen);
    if (phase != 0)
        return 0;
    int64_t edges = s->lists
                        ? scal_graph_fill_adj(&s->g, s->lists, lo, hi, err, errlen)
                        : scal_graph_fill_random(&s->g, w->cfg->fraction, w->cfg->seed, lo, hi,
                                                 err, errlen);
    return edges < 0 ? -1 : 0;
}

/* Sparse storage holds every arc in its rows: once filled, the lists it was
 * filled from go (a scale-22 Kronecker graph's are half a gigabyte per
 * process), and validation walks the storage's rows (CSR) instead.  A
 * Kronecker graph drawn into it holds fewer arcs than it has room for: its
 * count is read back from the data (a per-task worker's data arrives with
 * each chunk, later: the search reads the count from the data itself). */
static void drop_lists(paths_state_t *s)
{
    if (s->kernel != SCAL_KERNEL_SPARSE)
        return;
    if (s->kron_fill && s->g.out_start[s->m] <= s->g.arcs)
        s->g.arcs = s->g.out_start[s->m];
    scal_adj_free(s->lists);
    s->lists = NULL;
    s->rows_view = (scal_adj_t){s->g.m, s->g.arcs, s->g.out_start, s->g.out};
}

static int paths_after_fill(scal_work_t *w, int lead, char *err, size_t errlen)
{
    paths_state_t *s = w->state;
    const char *path = w->cfg->write_graph;
    drop_lists(s);
    if (!lead || !path)
        return 0;
    /* Whole or not at all, like every result file (and a device such as
     * /dev/null is written, never replaced). */
    scal_outfile_t out;
    if (scal_outfile_open(&out, path, err, errlen) != 0)
        return -1;
    if (scal_outfile_begin(&out, err, errlen) != 0) {
        scal_outfile_abort(&out);
        return -1;
    }
    size_t n = strlen(path);
    int el = (n > 3 && strcmp(path + n - 3, ".el") == 0) ||
             (n > 4 && strcmp(path + n - 4, ".txt") == 0);
    if ((el ? scal_el_fprint : scal_mm_fprint)(&s->g, out.fp, err, errlen) != 0) {
        scal_outfile_abort(&out);
        return -1;
    }
    return scal_outfile_commit(&out, err, errlen);
}

static void *paths_scratch_new(const scal_work_t *w)
{
    const paths_state_t *s = w->state;
    paths_scratch_t *x = calloc(1, sizeof *x);
    if (!x)
        return NULL;
    x->kernel = scal_paths_scratch_new(&s->g);
    x->targets = malloc(s->largest_group * sizeof *x->targets);
    x->dist = malloc(s->largest_group * sizeof *x->dist);
    if (!x->kernel || !x->targets || !x->dist) {
        scal_paths_scratch_free(x->kernel);
        free(x->targets);
        free(x->dist);
        free(x);
        return NULL;
    }
    return x;
}

static void paths_scratch_free(void *p)
{
    paths_scratch_t *x = p;
    scal_paths_scratch_free(x->kernel);
    free(x->targets);
    free(x->dist);
    free(x);
}

static void put(scal_result_t *res, size_t i, scal_pair_t p, int32_t d)
{
    res[i].v[0] = p.source;
    res[i].v[1] = p.target;
    res[i].v[2] = d;
}

static void paths_run(const scal_work_t *w, uint64_t task, void *scratch, const scal_yield_t *y,
                      scal_result_t *res)
{
    const paths_state_t *s = w->state;
    paths_scratch_t *x = scratch;
    const int h = w->cfg->max_hop;
    if (!s->group) {
        scal_pair_t p = s->pairs[task];
        put(res, task, p, scal_paths_distance(&s->g, x->kernel, p.source, p.target, h));
        return;
    }
    uint64_t first = s->group[task], n = s->group[task + 1] - first;
    uint32_t source = s->pairs[s->order[first]].source;
    for (uint64_t i = 0; i < n; i++)
        x->targets[i] = s->pairs[s->order[first + i]].target;
    scal_paths_distances_from(&s->g, x->kernel, source, x->targets, n, h, x->dist);
    for (uint64_t i = 0; i < n; i++)
        put(res, s->order[first + i], s->pairs[s->order[first + i]], x->dist[i]);
    if (y && y->tick)
        y->tick(y->arg);
}

static uint64_t paths_task_nresults(const scal_work_t *w, uint64_t task)
{
    const paths_state_t *s = w->state;
    return s->group ? s->group[task + 1] - s->group[task] : 1;
}

static uint64_t paths_task_result(const scal_work_t *w, uint64_t task, uint64_t i)
{
    const paths_state_t *s = w->state;
    return s->group ? s->order[s->group[task] + i] : task;
}

static int paths_check(const scal_work_t *w, uint64_t r, const scal_result_t *res)
{
    const paths_state_t *s = w->state;
    return res[r].v[0] == s->pairs[r].source && res[r].v[1] == s->pairs[r].target;
}

static uint64_t paths_validate(const scal_work_t *w, const scal_result_t *res, char *err,
                               size_t errlen)
{
    paths_state_t *s = w->state;
    uint64_t bad = 0;
    for (size_t r = 0; r < s->q; r++)
        if (!paths_check(w, r, res) && bad++ == 0)
            scal_errf(err, errlen, "result %zu is not pair %zu's", r, r);
    if (bad)
        return bad;
    /* The reference comes from the generator or the file, not from the
     * storage the kernels searched; except for sparse storage, whose
     * reference BFS walks the storage's rows (the lists are gone, see
     * drop_lists(); the search walks columns as well). */
    if (s->kernel == SCAL_KERNEL_SPARSE && !s->lists)
        s->ref = &s->rows_view;
    if (!s->ref && !s->lists &&
        !(s->ref = scal_adj_generate(s->m, w->cfg->fraction, w->cfg->seed, err, errlen)))
        return s->q;
    int32_t *dist = malloc(s->q * sizeof *dist);
    if (!dist) {
        scal_errf(err, errlen, "out of memory validating");
        return s->q;
    }
    for (size_t r = 0; r < s->q; r++)
        dist[r] = (int32_t)res[r].v[2];
    size_t sample = s->q < VALIDATE_SAMPLE ? s->q : VALIDATE_SAMPLE;
    int rc = scal_paths_validate(&s->g, s->lists ? s->lists : s->ref, s->pairs, dist, s->q,
                                 w->cfg->max_hop, sample, err, errlen);
    free(dist);
    return rc == 0 ? 0 : 1;
}

static void paths_out(FILE *fp, uint64_t r, const scal_result_t *res)
{
    fprintf(fp, "%lld,%lld,%lld\n", (long long)res[r].v[0], (long long)res[r].v[1],
            (long long)res[r].v[2]);
}

static void paths_describe(char *buf, size_t len, uint64_t r, const scal_result_t *res)
{
    if (res[r].v[2] < 0)
        snprintf(buf, len, "%lld -> %lld: unreachable", (long long)res[r].v[0],
                 (long long)res[r].v[1]);
    else
        snprintf(buf, len, "%lld -> %lld: %lld hops", (long long)res[r].v[0],
                 (long long)res[r].v[1], (long long)res[r].v[2]);
}

const scal_workload_t scal_workload_paths = {
    .name = "paths",
    .summary = "hop-limited path distances between pairs of a large directed graph",
    .options = paths_options,
    .rules = paths_rules,
    .prepare = paths_prepare,
    .run = paths_run,
    .task_nresults = paths_task_nresults,
    .task_result = paths_task_result,
    .check = paths_check,
    .out_header = "source,target,distance",
    .out_row = paths_out,
    .describe = paths_describe,
    .release = paths_release,
    .scratch_new = paths_scratch_new,
    .scratch_free = paths_scratch_free,
    .attach = paths_attach,
    .fill_phases = SCAL_KRON_FILL_PHASES,
    .fill = paths_fill,
    .after_fill = paths_after_fill,
    .validate = paths_validate,
};
