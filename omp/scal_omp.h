/* scal_omp.h - the thread runtime: a prepared workload over OpenMP threads
 * (scal_omp_run, used by scal-omp and by the public scalestudy_threads_run),
 * and scal-omp itself, callable in-process (main.c is one line). */
#ifndef SCAL_OMP_H
#define SCAL_OMP_H

#include <stddef.h>
#include <stdio.h>

#include "scal_config.h"
#include "scal_record.h"
#include "scal_report.h"
#include "scal_workload.h"

/* Where a run's output goes.  out: the report (cfg->format), or NULL for
 * none; diag: warnings and the reasons a repetition failed, or NULL for
 * none (they are then returned in err).  on_rep, if set, sees every
 * measured repetition's record, log and results (valid during the call);
 * on_result, if set, every result of the first measured repetition of a
 * streaming pool as it completes (from worker threads, concurrently). */
typedef struct scal_omp_sink {
    FILE *out, *diag;
    void (*on_rep)(void *arg, int rep, const scal_record_t *rec, const scal_tasklog_t *log,
                   const scal_result_t *results);
    void (*on_result)(void *arg, uint64_t k, const scal_result_t *results, double t_s);
    void *arg;
} scal_omp_sink_t;

/* Run the prepared `work` under cfg (pool, threads, chunk, bind, gil,
 * repeat, warmup, format, out/trace paths, whose paths the caller has
 * checked).  Places its shared data first.  Returns 0 (done and valid),
 * 1 (a repetition failed, or binding or a result file did) or 2 (bad input,
 * out of memory), with the reason in err unless it went to sink->diag. */
int scal_omp_run(const scal_config_t *cfg, scal_work_t *work, const scal_omp_sink_t *sink,
                 char *err, size_t errlen);

/* Run scal-omp with this command line; returns the exit status:
 * 0 done and valid, 1 a run or its validation failed, 2 bad usage or input. */
int scal_omp_main(int argc, char **argv);

#endif
