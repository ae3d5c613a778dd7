/* workload_spin.c - spin: task k busy-waits --us microseconds (ticking, so
 * an emulated GIL can switch); 0 us is an empty task, to measure what
 * dispatch itself costs. */
#include <stddef.h>
#include <stdint.h>

#include "scal_cli.h"
#include "scal_time.h"
#include "scal_workload.h"

static const scal_option_t opt_us = {
    "us", SCAL_OPT_DOUBLE, offsetof(scal_config_t, us), 0, 0, 0.0, 1e9, NULL,
    SCAL_ENGINE_OMP | SCAL_ENGINE_MPI, 0, "US", "microseconds each task busy-waits"};

static const scal_option_t *const spin_options[] = {&scal_option_tasks, &opt_us, NULL};

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

const scal_workload_t scal_workload_spin = {
    .name = "spin",
    .summary = "busy-wait --us microseconds; 0 is an empty task (overhead)",
    .options = spin_options,
    .run = spin_run,
    .check = spin_check,
    .out_header = "task",
    .out_row = spin_out,
    .describe = spin_describe,
};
