/* workload_factor.c - factor: the seed's long_factorize.
 *
 * Task k factorizes v = base + k by counting g down from floor(v/2) until g
 * divides v: the cost is v/2 - v/p iterations for smallest prime factor p,
 * so primes are slowest and even numbers finish at once.  That unevenness is
 * the point: it is what separates static from dynamic dispatch.  The check
 * is independent: trial division finds the smallest factor. */
#include <stddef.h>
#include <stdint.h>

#include "scal_cli.h"
#include "scal_workload.h"

/* Iterations of the factor countdown between two tick() calls: about 30 us
 * of work, far below any sensible switch interval. */
#define FACTOR_TICK_ITERATIONS 4096

void scal_factor_slow(uint64_t v, const scal_yield_t *y, uint64_t *f1, uint64_t *f2)
{
    uint64_t g = v / 2;
    while (g > 1) {
        uint64_t stop = g > FACTOR_TICK_ITERATIONS + 1 ? g - FACTOR_TICK_ITERATIONS : 1;
        for (; g > stop; g--)
            if (v % g == 0)
                goto found;
        if (y && y->tick)
            y->tick(y->arg);
    }
found:
    if (g < 1)
        g = 1;
    *f1 = g;
    *f2 = v / g;
}

uint64_t scal_smallest_factor(uint64_t v)
{
    if (v % 2 == 0)
        return 2;
    for (uint64_t d = 3; d <= v / d; d += 2)
        if (v % d == 0)
            return d;
    return v;
}

static const scal_option_t opt_base = {
    "base", SCAL_OPT_U64, offsetof(scal_config_t, base), 2, INT64_MAX, 0, 0, NULL,
    SCAL_ENGINE_OMP | SCAL_ENGINE_MPI, 0, "V",
    "task k factorizes base + k (results are signed 64-bit: base + tasks - 1 must fit)"};

static const scal_option_t *const factor_options[] = {&scal_option_tasks, &opt_base, NULL};

static int factor_check_options(const scal_config_t *c, const char *dashes, char *err,
                                size_t errlen)
{
    if (c->base < 2) {
        snprintf(err, errlen, "%sbase: invalid value '%llu': must be at least 2", dashes,
                 (unsigned long long)c->base);
        return -1;
    }
    /* Results hold v as int64_t (and --out prints it signed). */
    if (c->base > INT64_MAX || c->tasks - 1 > INT64_MAX - c->base) {
        snprintf(err, errlen,
                 "%sbase %llu with %stasks %llu: base + k overflows the signed 64-bit results "
                 "(base + tasks - 1 must be at most %lld)",
                 dashes, (unsigned long long)c->base, dashes, (unsigned long long)c->tasks,
                 (long long)INT64_MAX);
        return -1;
    }
    return 0;
}

static void factor_run(const scal_work_t *w, uint64_t k, void *scratch, const scal_yield_t *y,
                       scal_result_t *res)
{
    (void)scratch;
    uint64_t v = w->cfg->base + k, f1, f2;
    scal_factor_slow(v, y, &f1, &f2);
    res[k].v[0] = (int64_t)v;
    res[k].v[1] = (int64_t)f1;
    res[k].v[2] = (int64_t)f2;
}

static int factor_check(const scal_work_t *w, uint64_t k, const scal_result_t *res)
{
    uint64_t v = w->cfg->base + k;
    uint64_t p = scal_smallest_factor(v);
    uint64_t g = p == v ? 1 : v / p;
    const scal_result_t *r = &res[k];
    return (uint64_t)r->v[0] == v && (uint64_t)r->v[1] == g && (uint64_t)r->v[2] == v / g;
}

static void factor_out(FILE *fp, uint64_t k, const scal_result_t *res)
{
    fprintf(fp, "%llu,%lld,%lld,%lld\n", (unsigned long long)k, (long long)res[k].v[0],
            (long long)res[k].v[1], (long long)res[k].v[2]);
}

static void factor_describe(char *buf, size_t len, uint64_t k, const scal_result_t *res)
{
    const scal_result_t *r = &res[k];
    if (r->v[1] == 1)
        snprintf(buf, len, "%lld is prime", (long long)r->v[0]);
    else
        snprintf(buf, len, "%lld = %lld x %lld", (long long)r->v[0], (long long)r->v[1],
                 (long long)r->v[2]);
}

const scal_workload_t scal_workload_factor = {
    .name = "factor",
    .summary = "factorize base+k by the seed's slow countdown (CPU-bound, uneven)",
    .options = factor_options,
    .check_options = factor_check_options,
    .run = factor_run,
    .check = factor_check,
    .out_header = "task,value,f1,f2",
    .out_row = factor_out,
    .describe = factor_describe,
};
