/* workloads.c - factor, sleep and spin, and the workload table.
 *
 * factor: the seed's long_factorize.  Task k factorizes v = base + k by
 *   counting g down from floor(v/2) until g divides v: the cost is
 *   v/2 - v/p iterations for smallest prime factor p, so primes are slowest
 *   and even numbers finish at once.  That unevenness is the point: it is
 *   what separates static from dynamic dispatch.
 * sleep: the seed's delayed_return, an I/O-like task that holds no CPU.
 * spin:  busy-waits a fixed time; 0 us is an empty task, to measure dispatch.
 */
#include "scal_workload.h"

#include <math.h>
#include <string.h>

#include "scal_rng.h"
#include "scal_time.h"

/* Iterations of the factor countdown between two tick() calls: about 30 us
 * of work, far below any sensible switch interval. */
#define FACTOR_TICK_ITERATIONS 4096

/* A sleep with an idle() hook is cut into slices this long. */
#define SLEEP_SLICE_S 200e-6

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

double scal_sleep_seconds(uint64_t seed, uint64_t k, double mean, double sigma)
{
    scal_rng_t r = scal_rng_init(seed, k);
    double s = mean + sigma * scal_rng_normal(&r);
    return s > 0 ? s : 0.0;
}

/* ---- factor ---- */

static int factor_prepare(scal_work_t *w, char *err, size_t errlen)
{
    const scal_config_t *c = w->cfg;
    if (c->base < 2) {
        snprintf(err, errlen, "--base: invalid value '%llu': must be at least 2",
                 (unsigned long long)c->base);
        return -1;
    }
    /* Results hold v as int64_t (and --out prints it signed). */
    if (c->base > INT64_MAX || c->tasks - 1 > INT64_MAX - c->base) {
        snprintf(err, errlen,
                 "--base %llu with --tasks %llu: base + k overflows the signed 64-bit results "
                 "(base + tasks - 1 must be at most %lld)",
                 (unsigned long long)c->base, (unsigned long long)c->tasks, (long long)INT64_MAX);
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

/* ---- sleep ---- */

/* sleep and spin need nothing prepared. */
static int nothing_to_prepare(scal_work_t *w, char *err, size_t errlen)
{
    (void)w;
    (void)err;
    (void)errlen;
    return 0;
}

static void sleep_run(const scal_work_t *w, uint64_t k, void *scratch, const scal_yield_t *y,
                      scal_result_t *res)
{
    (void)scratch;
    const scal_config_t *c = w->cfg;
    double s = scal_sleep_seconds(c->seed, k, c->mean, c->sigma);
    if (y && y->block_begin)
        y->block_begin(y->arg);
    if (y && y->idle) {
        /* in slices, so the engine can act while the task waits */
        double until = scal_now() + s, left;
        while ((left = until - scal_now()) > 0) {
            scal_sleep(left < SLEEP_SLICE_S ? left : SLEEP_SLICE_S);
            y->idle(y->arg);
        }
    } else {
        scal_sleep(s);
    }
    if (y && y->block_end)
        y->block_end(y->arg);
    res[k].v[0] = (int64_t)k;
    res[k].x = s;
}

static int sleep_check(const scal_work_t *w, uint64_t k, const scal_result_t *res)
{
    const scal_config_t *c = w->cfg;
    return res[k].v[0] == (int64_t)k &&
           res[k].x == scal_sleep_seconds(c->seed, k, c->mean, c->sigma);
}

static void sleep_out(FILE *fp, uint64_t k, const scal_result_t *res)
{
    fprintf(fp, "%llu,%.9f\n", (unsigned long long)k, res[k].x);
}

static void sleep_describe(char *buf, size_t len, uint64_t k, const scal_result_t *res)
{
    snprintf(buf, len, "task %llu slept %.3f s", (unsigned long long)k, res[k].x);
}

/* ---- spin ---- */

static void spin_run(const scal_work_t *w, uint64_t k, void *scratch, const scal_yield_t *y,
                     scal_result_t *res)
{
    (void)scratch;
    double us = w->cfg->us;
    if (us > 0) {
        double until = scal_now() + us * 1e-6;
        while (scal_now() < until)
            if (y && y->tick)
                y->tick(y->arg);
    }
    res[k].v[0] = (int64_t)k;
}

static int spin_check(const scal_work_t *w, uint64_t k, const scal_result_t *res)
{
    (void)w;
    return res[k].v[0] == (int64_t)k;
}

static void spin_out(FILE *fp, uint64_t k, const scal_result_t *res)
{
    (void)res;
    fprintf(fp, "%llu\n", (unsigned long long)k);
}

static void spin_describe(char *buf, size_t len, uint64_t k, const scal_result_t *res)
{
    (void)res;
    snprintf(buf, len, "task %llu done", (unsigned long long)k);
}

static const scal_workload_t workloads[] = {
    {.name = "factor",
     .summary = "factorize base+k by the seed's slow countdown (CPU-bound, uneven)",
     .prepare = factor_prepare,
     .run = factor_run,
     .check = factor_check,
     .out_header = "task,value,f1,f2",
     .out_row = factor_out,
     .describe = factor_describe},
    {.name = "sleep",
     .summary = "sleep Normal(mean, sigma) seconds, negative -> 0 (I/O-like)",
     .prepare = nothing_to_prepare,
     .run = sleep_run,
     .check = sleep_check,
     .out_header = "task,seconds",
     .out_row = sleep_out,
     .describe = sleep_describe},
    {.name = "spin",
     .summary = "busy-wait --us microseconds; 0 is an empty task (overhead)",
     .prepare = nothing_to_prepare,
     .run = spin_run,
     .check = spin_check,
     .out_header = "task",
     .out_row = spin_out,
     .describe = spin_describe},
};

static const scal_workload_t *const table[] = {&workloads[0], &workloads[1], &workloads[2],
                                               &scal_workload_paths, &scal_workload_triad};

#define NWORKLOADS (sizeof table / sizeof table[0])

const scal_workload_t *scal_workload_find(const char *name)
{
    for (size_t i = 0; i < NWORKLOADS; i++)
        if (strcmp(table[i]->name, name) == 0)
            return table[i];
    return NULL;
}

const scal_workload_t *scal_workload_at(size_t i)
{
    return i < NWORKLOADS ? table[i] : NULL;
}

char *scal_workload_names(char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < NWORKLOADS && used < len; i++)
        used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? ", " : "", table[i]->name);
    return buf;
}

int scal_work_prepare(scal_work_t *w, const scal_config_t *cfg, char *err, size_t errlen)
{
    memset(w, 0, sizeof *w);
    w->wl = scal_workload_find(cfg->workload);
    if (!w->wl) {
        char names[128];
        snprintf(err, errlen, "unknown workload '%s' (choose %s)", cfg->workload,
                 scal_workload_names(names, sizeof names));
        return -1;
    }
    w->cfg = cfg;
    w->kernel = "-";
    w->ntasks = w->nresults = cfg->tasks;
    w->max_task_results = 1;
    return w->wl->prepare(w, err, errlen);
}

void scal_work_release(scal_work_t *w)
{
    if (w->wl && w->wl->release)
        w->wl->release(w);
    w->state = NULL;
}

uint64_t scal_checksum(const scal_result_t *results, uint64_t first, uint64_t n)
{
    uint64_t sum = 0;
    for (uint64_t r = first; r < first + n; r++) {
        const scal_result_t *x = &results[r];
        uint64_t xbits;
        memcpy(&xbits, &x->x, sizeof xbits);
        uint64_t h = scal_mix64(r + SCAL_RNG_GOLDEN);
        h = scal_mix64(h ^ (uint64_t)x->v[0]);
        h = scal_mix64(h ^ (uint64_t)x->v[1]);
        h = scal_mix64(h ^ (uint64_t)x->v[2]);
        h = scal_mix64(h ^ xbits);
        sum += h;
    }
    return sum;
}

void *scal_work_scratch_new(const scal_work_t *w)
{
    return w->wl->scratch_new ? w->wl->scratch_new(w) : NULL;
}

void scal_work_scratch_free(const scal_work_t *w, void *scratch)
{
    if (w->wl->scratch_free && scratch)
        w->wl->scratch_free(scratch);
}

uint64_t scal_work_validate(const scal_work_t *w, const scal_result_t *results, char *err,
                            size_t errlen)
{
    if (w->wl->validate)
        return w->wl->validate(w, results, err, errlen);
    uint64_t bad = 0;
    for (uint64_t r = 0; r < w->nresults; r++)
        if (!w->wl->check(w, r, results) && bad++ == 0) {
            char desc[96];
            w->wl->describe(desc, sizeof desc, r, results);
            snprintf(err, errlen, "result %llu is wrong: %s", (unsigned long long)r, desc);
        }
    return bad;
}
