/* api.c - scalestudy_threads_run: a task set over the thread runtime, the
 * same scal_omp_run that scal-omp uses for its own workloads. */
#include <stdio.h>

#include "scal_omp.h"
#include "scal_taskset.h"

scalestudy_run_t *scalestudy_threads_run(const scalestudy_taskset_t *ts,
                                         const scalestudy_options_t *opt,
                                         scalestudy_error_t *err)
{
    char why[1024] = "";
    scalestudy_run_t *run = scal_run_new(ts, opt, "omp", why, sizeof why);
    if (!run)
        return scal_api_fail(err, why);
    const scal_omp_sink_t sink = {.out = run->out,
                                  .on_rep = scal_run_on_rep,
                                  .on_result = opt->on_result ? scal_run_on_result : NULL,
                                  .arg = run};
    run->status = scal_omp_run(&run->cfg, &run->work, &sink, why, sizeof why);
    /* No measured repetition: the run itself failed (threads, binding). */
    if (run->status == 2 || run->nrecs == 0) {
        scalestudy_run_free(run);
        return scal_api_fail(err, why[0] ? why : "the run failed");
    }
    snprintf(run->why, sizeof run->why, "%s", why);
    return run;
}
