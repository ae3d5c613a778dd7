/* fault.h - fault injection for scal-mpi's tests, compiled in always and
 * inert unless the environment variable SCAL_FAULT is set:
 *
 *   SCAL_FAULT=kill-rank:R:after-tasks:N   rank R sends itself SIGKILL once
 *                                          it has finished N tasks (all
 *                                          repetitions counted): a node or
 *                                          process lost mid-run
 *   SCAL_FAULT=stop-rank:R:before-window   rank R stops itself (SIGSTOP)
 *                                          just before the shared window is
 *                                          allocated, so that its node
 *                                          leader waits inside
 *                                          MPI_Win_allocate_shared
 *
 * Every rank reads the same variable; only rank R acts.  Nothing here is
 * meant for measurements: a run with SCAL_FAULT set is a test of what the
 * launcher and scal-run do when a rank dies or hangs. */
#ifndef SCAL_MPI_FAULT_H
#define SCAL_MPI_FAULT_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

typedef enum { SCAL_FAULT_NONE, SCAL_FAULT_KILL_AFTER_TASKS, SCAL_FAULT_STOP_BEFORE_WINDOW } scal_fault_kind_t;

typedef struct scal_fault {
    scal_fault_kind_t kind; /* NONE unless this rank is the one to act */
    uint64_t after;         /* kill-rank: tasks to finish first */
    atomic_uint_fast64_t done;
} scal_fault_t;

/* Read SCAL_FAULT for rank `rank`.  Returns 0 (also when it is unset), or
 * -1 with a message naming the value when it is malformed (a usage error). */
int scal_fault_init(scal_fault_t *f, int rank, char *err, size_t errlen);

/* A task of this rank has finished (any thread). */
void scal_fault_task_done(scal_fault_t *f);

/* This rank is about to allocate the shared window. */
void scal_fault_before_window(const scal_fault_t *f);

#endif
