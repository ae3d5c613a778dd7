/* scalestudy_mpi.h - your own tasks over MPI ranks (x OpenMP threads), and
 * per-node shared read-only blocks: the process-pool side of scalestudy.h.
 *
 * Link: pkg-config scalestudy-mpi (with mpicc), or find_package(scalestudy)
 * and the target scalestudy::mpi.  The contract of scalestudy.h holds, with
 * one difference: an MPI error, or a failure that leaves the ranks unable
 * to agree, ends the whole job (MPI_Abort) with a message on stderr, so
 * that no rank waits forever.  Every function here is collective over
 * MPI_COMM_WORLD (or the communicator it takes): every rank calls it, in the
 * same order.  The caller calls MPI_Init_thread (MPI_THREAD_MULTIPLE for
 * more than one thread per rank) and MPI_Finalize. */
#ifndef SCALESTUDY_MPI_H
#define SCALESTUDY_MPI_H

#include <mpi.h>

#include "scalestudy.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Run the task set over every rank of MPI_COMM_WORLD, opt->workers threads
 * in each: worker w = rank * workers + thread.  map partitions the tasks
 * statically and gathers the results on rank 0 at the end; submit and
 * as-completed hand out chunks from rank 0, whose threads compute too and
 * answer the others between tasks (and at scalestudy_switch_point), and
 * each chunk's results reach rank 0 as it completes (on_result is called on
 * rank 0).  The task function runs on every rank; ctx is each rank's own.
 * Records, results and the log are on rank 0 (scalestudy_run_result is NULL
 * elsewhere); scalestudy_run_status is the same on every rank.  opt->gil is
 * refused.  Returns the run, or NULL with err set (on every rank alike). */
scalestudy_run_t *scalestudy_mpi_run(const scalestudy_taskset_t *ts,
                                     const scalestudy_options_t *opt, scalestudy_error_t *err);

/* ---- A per-node shared read-only block ---- */

typedef struct scalestudy_shared scalestudy_shared_t;

/* Fill part `part` of `nparts` of the block (bytes in all); the parts
 * together must write all of it, and may run at the same time. */
typedef void (*scalestudy_fill_fn)(void *ctx, void *block, size_t bytes, int part, int nparts);

/* Allocate `bytes` once per node of `comm` (the ranks that share memory:
 * MPI_Comm_split_type MPI_COMM_TYPE_SHARED) in MPI_Win_allocate_shared, let
 * the node's ranks fill it in parallel (rank r of the node's n fills part r
 * of n; fill may be NULL to leave it zero), and return once every rank
 * sees the filled block.  bytes must be the same on every rank and > 0.
 * Returns the block, or NULL with err set (on every rank alike) when bytes
 * is 0 or does not fit the node's shared-memory directory. */
scalestudy_shared_t *scalestudy_shared_create(MPI_Comm comm, size_t bytes, scalestudy_fill_fn fill,
                                              void *ctx, scalestudy_error_t *err);

/* This rank's pointer to the block (read it; it is shared by the node). */
const void *scalestudy_shared_ptr(const scalestudy_shared_t *sh);

/* The block's size in bytes, and how many nodes hold a copy. */
size_t scalestudy_shared_size(const scalestudy_shared_t *sh);
int scalestudy_shared_nodes(const scalestudy_shared_t *sh);

/* Free the block (collective over the communicator it was made on; NULL
 * is fine, on every rank alike). */
void scalestudy_shared_free(scalestudy_shared_t *sh);

#ifdef __cplusplus
}
#endif

#endif
