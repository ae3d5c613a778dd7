/* paths_bench.c - time the paths kernels per query, single-threaded, by hand
 * (not a test: timings depend on the machine).  Builds the generated graph
 * (or reads a graph file: Matrix Market, SNAP or GAP .el), draws Q pairs, answers them `reps` times
 * after one warm-up pass, validates the answers untimed, and prints the
 * per-query time of each pass and their median.
 *
 *   paths_bench --m 4096 --p 0.01 --h 8 --q 20000 --reps 5
 *   paths_bench --m 20000 --p 0.0005 --h 12 --kernel bitset --targets 16
 *   paths_bench --graph kron18.el --kernel sparse --h 1000 --q 2000
 *
 * With --graph and sparse storage it also times the build the way GAP's
 * builder is timed: the file's arcs, in file order, to adjacency lists,
 * then CSR rows and CSC columns (OMP_NUM_THREADS threads); "read" is the
 * rest of loading the file (parsing). */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <omp.h>

#include "scal_graph.h"
#include "scal_paths.h"
#include "scal_time.h"

struct config {
    uint64_t m, seed;
    double p;
    int h, reps;
    size_t q, targets, sample;
    scal_kernel_t kernel;
    const char *graph;
};

static const struct config defaults = {
    .m = 4096, .seed = 1, .p = 0.01, .h = 8, .reps = 5, .q = 10000, .targets = 1, .sample = 16,
    .kernel = SCAL_KERNEL_BITSET, .graph = NULL,
};

static void usage(FILE *f)
{
    fprintf(f, "usage: paths_bench [--m N] [--p P] [--seed S] [--graph FILE] [--h H]\n"
               "                   [--q Q] [--kernel bitset|matvec|sparse] [--reps R]\n"
               "                   [--targets K] [--sample N]\n"
               "  --targets K  answer K targets per source with the grouped call\n"
               "  --sample N   re-check N pairs with the reference BFS (untimed)\n"
               "defaults: --m %" PRIu64 " --p %g --seed %" PRIu64 " --h %d --q %zu --kernel %s"
               " --reps %d --targets %zu --sample %zu\n",
            defaults.m, defaults.p, defaults.seed, defaults.h, defaults.q,
            scal_kernel_name(defaults.kernel), defaults.reps, defaults.targets, defaults.sample);
}

static int parse(int argc, char **argv, struct config *c)
{
    static const struct option opts[] = {
        {"m", required_argument, 0, 'm'},      {"p", required_argument, 0, 'p'},
        {"seed", required_argument, 0, 's'},   {"graph", required_argument, 0, 'g'},
        {"h", required_argument, 0, 'h'},      {"q", required_argument, 0, 'q'},
        {"kernel", required_argument, 0, 'k'}, {"reps", required_argument, 0, 'r'},
        {"targets", required_argument, 0, 't'}, {"sample", required_argument, 0, 'S'},
        {"help", no_argument, 0, 'H'},         {0, 0, 0, 0},
    };
    char err[256];
    *c = defaults;
    for (int o; (o = getopt_long(argc, argv, "", opts, NULL)) != -1;) {
        switch (o) {
        case 'm': c->m = strtoull(optarg, NULL, 10); break;
        case 'p': c->p = strtod(optarg, NULL); break;
        case 's': c->seed = strtoull(optarg, NULL, 10); break;
        case 'g': c->graph = optarg; break;
        case 'h': c->h = atoi(optarg); break;
        case 'q': c->q = strtoull(optarg, NULL, 10); break;
        case 'r': c->reps = atoi(optarg); break;
        case 't': c->targets = strtoull(optarg, NULL, 10); break;
        case 'S': c->sample = strtoull(optarg, NULL, 10); break;
        case 'k':
            if (scal_kernel_parse(optarg, &c->kernel, err, sizeof err)) {
                fprintf(stderr, "paths_bench: %s\n", err);
                return 2;
            }
            break;
        case 'H': usage(stdout); exit(0);
        default: usage(stderr); return 2;
        }
    }
    if (optind < argc || c->h < 0 || c->reps < 1 || c->q < 1 || c->targets < 1) {
        usage(stderr);
        return 2;
    }
    return 0;
}

/* CPU seconds of this thread: on a shared machine it leaves out the time
 * the thread waited for a core, which wall time does not. */
static double thread_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    struct config c;
    char err[512];
    int rc = parse(argc, argv, &c);
    if (rc)
        return rc;

    scal_adj_t *file = NULL;
    double r0 = scal_now();
    if (c.graph && !(file = scal_graph_read(c.graph, SCAL_GRAPH_AUTO, err, sizeof err))) {
        fprintf(stderr, "paths_bench: %s\n", err);
        return 2;
    }
    double read_s = scal_now() - r0, lists_s = 0.0;
    if (!file && c.kernel == SCAL_KERNEL_SPARSE &&
        !(file = scal_adj_generate(c.m, c.p, c.seed, err, sizeof err))) {
        fprintf(stderr, "paths_bench: %s\n", err);
        return 2;
    }
    if (file && c.graph && c.kernel == SCAL_KERNEL_SPARSE) {
        /* the builder again, on the file's arcs in file order */
        uint32_t *src = malloc(file->edges * sizeof *src), *dst = malloc(file->edges * sizeof *dst);
        if (!src || !dst) {
            fprintf(stderr, "paths_bench: out of memory for %" PRIu64 " arcs\n", file->edges);
            return 1;
        }
        for (uint32_t i = 0; i < file->m; i++)
            for (uint64_t k = file->start[i]; k < file->start[i + 1]; k++) {
                src[k] = i;
                dst[k] = file->next[k];
            }
        double b0 = scal_now();
        scal_adj_t *again = scal_adj_from_arcs(file->m, file->edges, src, dst, err, sizeof err);
        lists_s = scal_now() - b0;
        read_s -= lists_s;
        free(src);
        free(dst);
        scal_adj_free(again);
    }
    if (file)
        c.m = file->m;
    size_t bytes;
    char what[128];
    snprintf(what, sizeof what, "graph storage (%s, m = %" PRIu64 ")", scal_kernel_name(c.kernel),
             c.m);
    if ((c.kernel == SCAL_KERNEL_SPARSE
             ? scal_graph_sparse_bytes(c.m, file->edges, &bytes, err, sizeof err)
             : scal_graph_bytes(c.m, c.kernel, &bytes, err, sizeof err)) ||
        scal_mem_check(bytes, what, NULL, err, sizeof err) ||
        (!file && scal_graph_check_p(c.p, err, sizeof err))) {
        fprintf(stderr, "paths_bench: %s\n", err);
        return 2;
    }
    void *mem = scal_graph_alloc(bytes, err, sizeof err);
    scal_graph_t g;
    if (!mem || (c.kernel == SCAL_KERNEL_SPARSE
                     ? scal_graph_sparse_view(&g, mem, bytes, c.m, file->edges, err, sizeof err)
                     : scal_graph_view(&g, mem, bytes, c.m, c.kernel, err, sizeof err))) {
        fprintf(stderr, "paths_bench: %s\n", err);
        return 1;
    }
    /* rows then columns, in parallel parts as the engines fill them */
    int parts = omp_get_max_threads();
    double t0 = scal_now();
    int64_t edges = 0;
#pragma omp parallel for reduction(+ : edges)
    for (int k = 0; k < parts; k++) {
        uint64_t lo = g.m * (uint64_t)k / (uint64_t)parts, hi = g.m * (uint64_t)(k + 1) / (uint64_t)parts;
        edges += file ? scal_graph_fill_adj(&g, file, lo, hi, NULL, 0)
                      : scal_graph_fill_random(&g, c.p, c.seed, lo, hi, NULL, 0);
    }
    double t1 = scal_now();
#pragma omp parallel for
    for (int k = 0; k < parts; k++)
        scal_graph_fill_cols(&g, g.m * (uint64_t)k / (uint64_t)parts,
                             g.m * (uint64_t)(k + 1) / (uint64_t)parts, NULL, 0);
    double t2 = scal_now();
    scal_adj_free(file);
    fprintf(stderr, "graph: %s m=%u edges=%" PRId64 " (mean degree %.2f) bytes=%zu rows %.3f s, "
            "columns %.3f s\n", scal_kernel_name(c.kernel), g.m, edges, (double)edges / g.m, bytes,
            t1 - t0, t2 - t1);
    if (c.graph)
        printf("load: threads=%d read %.3f s, build %.3f s (lists %.3f s, rows %.3f s, "
               "columns %.3f s)\n", parts, read_s, lists_s + (t2 - t0), lists_s, t1 - t0,
               t2 - t1);

    /* Groups of `targets` pairs share the source of their first pair. */
    size_t q = c.q / c.targets * c.targets;
    scal_pair_t *pairs = malloc(q * sizeof *pairs);
    uint32_t *targets = malloc(q * sizeof *targets);
    int32_t *dist = malloc(q * sizeof *dist);
    double *per_query = malloc(2 * (size_t)c.reps * sizeof *per_query), *cpu = per_query + c.reps;
    scal_paths_scratch_t *s = scal_paths_scratch_new(&g);
    if (!pairs || !targets || !dist || !per_query || !s || q == 0) {
        fprintf(stderr, "paths_bench: out of memory for %zu pairs\n", q);
        return 1;
    }
    scal_pairs_generate(pairs, q, g.m, c.seed);
    for (size_t k = 0; k < q; k++) {
        pairs[k].source = pairs[k - k % c.targets].source;
        targets[k] = pairs[k].target;
    }

    for (int rep = -1; rep < c.reps; rep++) { /* rep -1 warms up */
        double start = scal_now(), start_cpu = thread_cpu();
        if (c.targets == 1) {
            for (size_t k = 0; k < q; k++)
                dist[k] = scal_paths_distance(&g, s, pairs[k].source, pairs[k].target, c.h);
        } else {
            for (size_t k = 0; k < q; k += c.targets)
                scal_paths_distances_from(&g, s, pairs[k].source, targets + k, c.targets, c.h,
                                          dist + k);
        }
        double us = (scal_now() - start) / (double)q * 1e6;
        double cpu_us = (thread_cpu() - start_cpu) / (double)q * 1e6;
        if (rep >= 0) {
            per_query[rep] = us;
            cpu[rep] = cpu_us;
            printf("rep %d: %.3f us/query wall, %.3f us/query cpu\n", rep, us, cpu_us);
        }
    }
    long long hist[3] = {0, 0, 0}, sum = 0; /* unreachable, d <= 2, d > 2 */
    for (size_t k = 0; k < q; k++) {
        hist[dist[k] < 0 ? 0 : dist[k] <= 2 ? 1 : 2]++;
        sum += dist[k];
    }
    qsort(per_query, (size_t)c.reps, sizeof *per_query, cmp_double);
    qsort(cpu, (size_t)c.reps, sizeof *cpu, cmp_double);
    printf("kernel=%s m=%u p=%g h=%d q=%zu targets/source=%zu median=%.3f us/query wall "
           "(min %.3f, max %.3f), %.3f cpu; unreachable=%lld d<=2=%lld d>2=%lld "
           "checksum=%lld\n",
           scal_kernel_name(c.kernel), g.m, c.p, c.h, q, c.targets, per_query[c.reps / 2],
           per_query[0], per_query[c.reps - 1], cpu[c.reps / 2], hist[0], hist[1], hist[2], sum);

    rc = scal_paths_validate(&g, NULL, pairs, dist, q, c.h, c.sample, err, sizeof err);
    fprintf(stderr, "validation (%zu pairs re-checked): %s\n", c.sample < q ? c.sample : q,
            rc == 0 ? "PASS" : err);
    scal_paths_scratch_free(s);
    free(per_query);
    free(dist);
    free(targets);
    free(pairs);
    free(mem);
    return rc == 0 ? 0 : 1;
}
