/* scal_taskset.h - the public task sets (scalestudy.h) inside the library:
 * a task set becomes a workload (scal_workload.h) that the thread and rank
 * runtimes run exactly as they run the engines' own, and a run object
 * (struct scalestudy_run) collects what the runtimes report.
 *
 * A user's result of at most SCALESTUDY_RESULT_MAX bytes lives in the bytes
 * of scal_result_t.v, and its digest (the task set's hash) in the bits of
 * scal_result_t.x, so results travel between ranks and enter the checksum
 * as the engines' own do. */
#ifndef SCAL_TASKSET_H
#define SCAL_TASKSET_H

#include <pthread.h>
#include <stdio.h>

#include "scal_config.h"
#include "scal_record.h"
#include "scal_report.h"
#include "scal_workload.h"
#include "scalestudy.h"

struct scalestudy_record {
    scal_record_t r;
};

struct scalestudy_run {
    scalestudy_taskset_t ts;
    scalestudy_options_t opt;
    scal_config_t cfg;          /* the options as the runtimes read them */
    scal_work_t work;           /* the task set as a workload */
    FILE *out;                  /* where the report goes, NULL: none */
    struct scalestudy_record *recs;
    int nrecs;
    scal_result_t *results;     /* the last repetition's (NULL where not held) */
    scalestudy_tasklog_t *log;
    uint64_t checksum;
    int status;                 /* 0 valid, 1 not (why) */
    char why[1024];
    pthread_mutex_t emit_lock;  /* on_result calls never overlap */
};

/* Check ts and opt and make a run for the runtime `engine` ("omp" or
 * "mpi"), its result files checked (writable, distinct) and nothing yet
 * written.  Returns NULL with a message in err. */
scalestudy_run_t *scal_run_new(const scalestudy_taskset_t *ts, const scalestudy_options_t *opt,
                               const char *engine, char *err, size_t errlen);

/* The runtimes' callbacks (scal_omp_sink_t and its MPI counterpart): keep a
 * measured repetition's record (and its log and results when `results` is
 * not NULL), and pass a streamed result on to opt.on_result. */
void scal_run_on_rep(void *run, int rep, const scal_record_t *rec, const scal_tasklog_t *log,
                     const scal_result_t *results);
void scal_run_on_result(void *run, uint64_t k, const scal_result_t *results, double t_s);

/* Copy msg into err (if not NULL); returns NULL, for `return fail(...)`. */
void *scal_api_fail(scalestudy_error_t *err, const char *msg);

#endif
