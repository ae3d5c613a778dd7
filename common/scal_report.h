/* scal_report.h - what happens to a repetition once an engine has run it:
 * untimed validation, the checksum, task-time statistics, the record on
 * stdout (human, csv or json), the as-completed stream, and the --out and
 * --trace files.  Engines own dispatch; this owns reporting, so every
 * engine reports the same way. */
#ifndef SCAL_REPORT_H
#define SCAL_REPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "scal_config.h"
#include "scal_noise.h"
#include "scal_record.h"
#include "scal_workload.h"

/* Where and when one task ran, in seconds from the repetition's start.
 * busy_s is the task's own time: end - start less any time it waited for an
 * emulated interpreter lock. */
typedef struct scal_tasklog {
    double start_s, end_s, busy_s;
    int32_t worker, cpu;
} scal_tasklog_t;

/* Run task `task` for worker `worker` with its scratch (hooks in y may be
 * NULL) and log when, where and how long it ran, relative to t0. */
void scal_task_run_logged(const scal_work_t *w, uint64_t task, void *scratch,
                          const scal_yield_t *y, scal_result_t *results, scal_tasklog_t *log,
                          double t0, int worker);

/* One measured repetition, as the engine hands it over.  The first result
 * is derived from the pool: map and submit hand results back in task order,
 * so it is task 0's arrival; as-completed hands back whichever arrives
 * first.  A task's result arrives when it ends unless `arrived` says
 * otherwise (scal-mpi: when it reached rank 0). */
typedef struct scal_rep {
    double wall_s;
    const scal_tasklog_t *log;       /* work->ntasks entries */
    const scal_result_t *results;    /* work->nresults entries, task order */
    const double *arrived;           /* per task, or NULL: log[k].end_s */
    const scal_noise_rep_t *noise;   /* every process's monitor evidence (scal_noise.h) */
    int nnoise;                      /* how many; 0: none */
} scal_rep_t;

typedef struct scal_report scal_report_t;

/* Start reporting to `out` (stdout; NULL: print nothing): opens --out/--trace under temporary
 * names, prints the csv header or the human banner.  Returns NULL with err
 * set if a file cannot be opened (a usage error: exit 2). */
scal_report_t *scal_report_open(const scal_config_t *cfg, const scal_work_t *work,
                                const scal_record_t *tmpl, FILE *out, char *err, size_t errlen);

/* Report measured repetition `rep` (1-based): validates every result,
 * fills rec's measured fields (from rep, checksum, valid, stats, the busy
 * time per worker from the task log, the noise monitor's evidence) and
 * prints it.  The arrays in m must stay valid until the next call or close.
 * Returns 1 if the repetition is valid, 0 if not. */
int scal_report_rep(scal_report_t *r, int rep, const scal_rep_t *m, scal_record_t *rec);

/* As-completed: task `task` has just delivered its result at t_s.  In the
 * human report of the first measured repetition it is printed at once.
 * Thread-safe. */
void scal_report_emit(scal_report_t *r, int rep, uint64_t task, const scal_result_t *results,
                      double t_s);

/* Print the summary, write --out and --trace from the last repetition and
 * move them into place if every repetition was valid (otherwise remove
 * them).  Frees r.  Returns the exit status: 0, or 1 if anything failed. */
int scal_report_close(scal_report_t *r);

/* The same, and when it fails, the first reason into why (if not NULL). */
int scal_report_finish(scal_report_t *r, char *why, size_t whylen);

/* Where failures are explained as "prog: reason" lines (default stderr;
 * NULL: nowhere, scal_report_finish still returns the first). */
void scal_report_set_diag(scal_report_t *r, FILE *diag);

#endif
