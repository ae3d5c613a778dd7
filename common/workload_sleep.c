/* workload_sleep.c - sleep: the seed's delayed_return, an I/O-like task
 * that holds no CPU.  Task k sleeps max(0, mean + sigma * N(0,1)) seconds,
 * drawn from the stream (seed, k), so every engine sleeps the same. */
#include <stddef.h>
#include <stdint.h>

#include "scal_cli.h"
#include "scal_rng.h"
#include "scal_time.h"
#include "scal_workload.h"

/* A sleep with an idle() hook is cut into slices this long. */
#define SLEEP_SLICE_S 200e-6

double scal_sleep_seconds(uint64_t seed, uint64_t k, double mean, double sigma)
{
    scal_rng_t r = scal_rng_init(seed, k);
    double s = mean + sigma * scal_rng_normal(&r);
    return s > 0 ? s : 0.0;
}

static const scal_option_t opt_mean = {
    "mean", SCAL_OPT_DOUBLE, offsetof(scal_config_t, mean), 0, 0, 0.0, 86400.0, NULL,
    SCAL_ENGINE_OMP | SCAL_ENGINE_MPI, 0, "S", "mean sleep in seconds"};
static const scal_option_t opt_sigma = {
    "sigma", SCAL_OPT_DOUBLE, offsetof(scal_config_t, sigma), 0, 0, 0.0, 86400.0, NULL,
    SCAL_ENGINE_OMP | SCAL_ENGINE_MPI, 0, "S", "standard deviation of the sleep in seconds"};

static const scal_option_t *const sleep_options[] = {&scal_option_tasks, &opt_mean, &opt_sigma,
                                                     &scal_option_seed, NULL};

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

const scal_workload_t scal_workload_sleep = {
    .name = "sleep",
    .summary = "sleep Normal(mean, sigma) seconds, negative -> 0 (I/O-like)",
    .options = sleep_options,
    .run = sleep_run,
    .check = sleep_check,
    .out_header = "task,seconds",
    .out_row = sleep_out,
    .describe = sleep_describe,
};
