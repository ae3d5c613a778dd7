/* scal_mpi.h - the rank runtime: a workload over MPI ranks x OpenMP threads
 * (scal_mpi_run, used by scal-mpi and by the public scalestudy_mpi_run),
 * and scal-mpi itself, callable in-process (main.c is one line). */
#ifndef SCAL_MPI_H
#define SCAL_MPI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "scal_config.h"
#include "scal_record.h"
#include "scal_report.h"
#include "scal_workload.h"

/* Where a run's output goes, as scal_omp_sink_t: out and on_rep are used
 * on rank 0 only (the results and log are rank 0's, whole); on_result gets
 * each streamed result as it reaches rank 0. */
typedef struct scal_mpi_sink {
    FILE *out, *diag;
    void (*on_rep)(void *arg, int rep, const scal_record_t *rec, const scal_tasklog_t *log,
                   const scal_result_t *results);
    void (*on_result)(void *arg, uint64_t k, const scal_result_t *results, double t_s);
    void *arg;
} scal_mpi_sink_t;

/* Prepare the workload into w on this rank (timed as setup).  Returns 0,
 * or -1 with err set. */
typedef int (*scal_mpi_prepare_fn)(void *arg, scal_work_t *w, const scal_config_t *cfg,
                                   char *err, size_t errlen);

/* Collective over MPI_COMM_WORLD, which MPI_Init_thread has given thread
 * level `provided`: split the (possibly emulated) nodes, prepare the
 * workload with `prepare` into *work, place its shared data, run cfg's
 * repetitions and report them on rank 0.  Returns the same status on every
 * rank: 0, 1 (a repetition failed) or 2 (bad input, refused by some rank),
 * with a reason in err unless it went to sink->diag.  An MPI error, or a
 * failure no rank can recover from, aborts the job (MPI_Abort) with a
 * message on stderr. */
int scal_mpi_run(const scal_config_t *cfg, int provided, scal_mpi_prepare_fn prepare,
                 void *prepare_arg, scal_work_t *work, const scal_mpi_sink_t *sink, char *err,
                 size_t errlen);

/* Run scal-mpi with this command line on every rank (MPI_Init and
 * MPI_Finalize inside); returns the exit status: 0 done and valid, 1 a run
 * or its validation failed, 2 bad usage or input (the same on every rank). */
int scal_mpi_main(int argc, char **argv);

#endif
