/* workload_triad.c - triad: STREAM's a = b + s*c, a memory-bound workload.
 *
 * Every worker holds three arrays a, b, c of n = bytes / 24 doubles (the
 * three together are --bytes), allocated and first touched by the worker
 * itself (scratch_new runs on the worker's own thread, before the timed
 * region), so on a NUMA machine its pages sit near the core that streams
 * them, as STREAM's parallel initialisation places them.  Task k streams
 * a[i] = b[i] + s * c[i] over the worker's arrays once, s = 3 (STREAM's
 * scalar), and sums a: the result is (k, n, 2 * sum).  The figure of merit
 * is STREAM's count of bytes moved, 3 x 8 x n per task (two loads and a
 * store, write-allocate traffic not counted), over the repetition's wall
 * time, in GB/s (10^9 bytes per second).
 *
 * Validation, as STREAM checks its arrays against an exact recurrence: b
 * and c hold small halves (b[i] = 2 + (i & 7), c[i] = (1 + (i & 3)) / 2),
 * so every a[i] and every partial sum below 2^53 is exact in double, and the
 * sum has a closed form the check computes in integer arithmetic without
 * touching memory; the result must equal it exactly.  Compute-bound factor
 * scales with the cores; triad saturates the memory bandwidth once a few
 * cores stream at once, which a study of the two side by side shows. */
#include "scal_workload.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "scal_cli.h"
#include "scal_graph.h"
#include "scal_sys.h"

/* STREAM's scalar. */
#define TRIAD_SCALAR 3.0
/* Elements between two tick() calls: about 30 us of streaming. */
#define TRIAD_TICK_ELEMENTS 32768
/* Alignment of each array: a cache line and a vector register. */

static const scal_option_t opt_bytes = {
    "bytes", SCAL_OPT_U64, offsetof(scal_config_t, bytes), 3 * sizeof(double), 1ULL << 40, 0, 0,
    NULL, SCAL_ENGINE_OMP | SCAL_ENGINE_MPI, 0, "B",
    "bytes each task streams: its worker's arrays a, b, c, first touched by that worker"};

static const scal_option_t *const triad_options[] = {&scal_option_tasks, &opt_bytes, NULL};

typedef struct triad_scratch {
    double *a, *b, *c;
    uint64_t n;
} triad_scratch_t;

static uint64_t triad_n(const scal_work_t *w)
{
    uint64_t n = w->cfg->bytes / (3 * sizeof(double));
    return n ? n : 1;
}

static double triad_b(uint64_t i)
{
    return 2.0 + (double)(i & 7);
}

static double triad_c(uint64_t i)
{
    return 0.5 * (double)(1 + (i & 3));
}

/* 2 x sum_{i<n} (b[i] + 3 c[i]) = sum 4 + 2 (i & 7) + 3 (1 + (i & 3)), exactly. */
static uint64_t triad_twice_sum(uint64_t n)
{
    uint64_t s7 = (n / 8) * 28, s3 = (n / 4) * 6;
    for (uint64_t j = 0; j < n % 8; j++)
        s7 += j;
    for (uint64_t j = 0; j < n % 4; j++)
        s3 += j;
    return 7 * n + 2 * s7 + 3 * s3;
}

static int triad_prepare(scal_work_t *w, char *err, size_t errlen)
{
    if (w->cfg->bytes < 3 * sizeof(double)) {
        snprintf(err, errlen, "--bytes: invalid value '%llu': three arrays of at least one double "
                 "need %zu bytes", (unsigned long long)w->cfg->bytes, 3 * sizeof(double));
        return -1;
    }
    /* every worker of this process holds its own arrays: refused now rather
     * than by the kernel's out-of-memory killer mid-run */
    uint64_t need = w->cfg->bytes * (uint64_t)(w->cfg->threads > 0 ? w->cfg->threads : 1);
    char what[96];
    snprintf(what, sizeof what, "--bytes %llu on %d worker%s", (unsigned long long)w->cfg->bytes,
             w->cfg->threads, w->cfg->threads == 1 ? "" : "s");
    return scal_mem_check(need, what, NULL, err, errlen) == 0 ? 0 : -1;
}

static void triad_scratch_free(void *scratch)
{
    triad_scratch_t *s = scratch;
    size_t bytes = (size_t)s->n * sizeof(double);
    scal_big_free(s->a, bytes);
    scal_big_free(s->b, bytes);
    scal_big_free(s->c, bytes);
    free(s);
}

static void *triad_scratch_new(const scal_work_t *w)
{
    triad_scratch_t *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->n = triad_n(w);
    /* page-aligned, huge pages advised, untouched until the loop below */
    size_t bytes = (size_t)s->n * sizeof(double);
    s->a = scal_big_alloc(bytes);
    s->b = scal_big_alloc(bytes);
    s->c = scal_big_alloc(bytes);
    if (!s->a || !s->b || !s->c) {
        triad_scratch_free(s);
        return NULL;
    }
    /* first touch, by this worker */
    for (uint64_t i = 0; i < s->n; i++) {
        s->a[i] = 0.0;
        s->b[i] = triad_b(i);
        s->c[i] = triad_c(i);
    }
    return s;
}


static void triad_run(const scal_work_t *w, uint64_t k, void *scratch, const scal_yield_t *y,
                      scal_result_t *res)
{
    triad_scratch_t *s = scratch;
    res[k].v[0] = (int64_t)k;
    if (!s) {
        /* the worker's arrays could not be allocated: an invalid result */
        res[k].v[1] = -1;
        return;
    }
    double *restrict a = s->a;
    const double *restrict b = s->b, *restrict c = s->c;
    double sum = 0.0;
    for (uint64_t i0 = 0; i0 < s->n; i0 += TRIAD_TICK_ELEMENTS) {
        uint64_t i1 = s->n - i0 > TRIAD_TICK_ELEMENTS ? i0 + TRIAD_TICK_ELEMENTS : s->n;
        for (uint64_t i = i0; i < i1; i++) {
            a[i] = b[i] + TRIAD_SCALAR * c[i];
            sum += a[i];
        }
        if (y && y->tick)
            y->tick(y->arg);
    }
    res[k].v[1] = (int64_t)s->n;
    res[k].v[2] = (int64_t)(2.0 * sum);
    (void)w;
}

static int triad_check(const scal_work_t *w, uint64_t k, const scal_result_t *res)
{
    uint64_t n = triad_n(w);
    return res[k].v[0] == (int64_t)k && res[k].v[1] == (int64_t)n &&
           res[k].v[2] == (int64_t)triad_twice_sum(n);
}

static double triad_figure(const scal_work_t *w, double wall_s)
{
    double bytes = (double)w->ntasks * 3.0 * sizeof(double) * (double)triad_n(w);
    return wall_s > 0 ? bytes / wall_s / 1e9 : 0.0;
}

static void triad_out(FILE *fp, uint64_t k, const scal_result_t *res)
{
    fprintf(fp, "%llu,%lld,%.1f\n", (unsigned long long)k, (long long)res[k].v[1],
            (double)res[k].v[2] / 2.0);
}

static void triad_describe(char *buf, size_t len, uint64_t k, const scal_result_t *res)
{
    if (res[k].v[1] < 0)
        snprintf(buf, len, "task %llu: no arrays (out of memory)", (unsigned long long)k);
    else
        snprintf(buf, len, "%lld elements, sum %.1f", (long long)res[k].v[1],
                 (double)res[k].v[2] / 2.0);
}

const scal_workload_t scal_workload_triad = {
    .name = "triad",
    .summary = "STREAM triad a = b + 3c over --bytes per worker (memory-bound), GB/s",
    .options = triad_options,
    .prepare = triad_prepare,
    .run = triad_run,
    .check = triad_check,
    .scratch_new = triad_scratch_new,
    .scratch_free = triad_scratch_free,
    .figure = triad_figure,
    .figure_unit = "GB/s",
    .out_header = "task,elements,sum",
    .out_row = triad_out,
    .describe = triad_describe,
};
