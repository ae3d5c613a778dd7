/* share.h - where a workload's large read-only data (the paths graph) lives
 * when workers are ranks:
 *   window    one copy per node, in MPI_Win_allocate_shared on the node
 *             communicator; the node's ranks fill it in parallel, the others
 *             attach through MPI_Win_shared_query.  Every node builds its own
 *             copy the same way (generated rows or the same file).
 *   copy      rank 0 builds it and sends it once to every rank, which keeps
 *             its own copy (a process pool's initializer).
 *   per-task  rank 0 builds it and sends it with every dispatched chunk, as
 *             the seed's naive process pool pickles it with every task.
 * Transfers larger than 2^31 bytes go in pieces. */
#ifndef SCAL_MPI_SHARE_H
#define SCAL_MPI_SHARE_H

#include <mpi.h>
#include <stddef.h>

#include "fault.h"
#include "scal_workload.h"

typedef struct share {
    int mode;      /* scal_share_t */
    void *mem;     /* this rank's view of the data */
    size_t bytes;
    MPI_Win win;   /* window mode */
    int heap;      /* mem is ours (scal_big_alloc) */
} share_t;

/* Place w's shared data by cfg->share.  Collective over world; `node` is
 * the (possibly emulated) node; T threads per rank fill in parallel;
 * `fault` is the test hook (fault.h).  Aborts the job on MPI or memory
 * failure. */
void share_place(share_t *sh, scal_work_t *w, MPI_Comm world, MPI_Comm node, int T,
                 const scal_fault_t *fault);

/* Before a window of `bytes` is allocated (`copies` of them on this
 * machine, one per emulated node): does the filesystem that backs shared
 * memory (Open MPI's osc_sm_backing_directory, /dev/shm by default) have
 * room for it?  A window larger than its free space would be created sparse
 * and kill the ranks with SIGBUS as they fill it.  Returns 0, or -1 with a
 * message naming the bytes needed, the directory and its free bytes. */
int share_window_fits(size_t bytes, int copies, char *err, size_t errlen);

/* per-task: send the data to (dest, tag) / receive it from rank 0. */
void share_send(const share_t *sh, int dest, int tag, MPI_Comm comm);
void share_recv(share_t *sh, int tag, MPI_Comm comm);

/* Bytes held on each node: one copy (window) or one per rank. */
size_t share_bytes_per_node(const share_t *sh, int node_size);

void share_release(share_t *sh);

/* MPI_Bcast / MPI_Send / MPI_Recv of any number of bytes, in pieces of at
 * most 1 GiB so that counts stay within an int. */
void scal_bcast_big(void *buf, size_t bytes, int root, MPI_Comm comm);
void scal_send_big(const void *buf, size_t bytes, int dest, int tag, MPI_Comm comm);
void scal_recv_big(void *buf, size_t bytes, int src, int tag, MPI_Comm comm);

/* The error path shared by the engine's files (engine.c). */
void scal_mpi_fail(const char *file, int line, const char *call, int rc);
void scal_mpi_die(const char *what);

#define SCAL_MPI_TRY(call)                                                        \
    do {                                                                          \
        int rc_ = (call);                                                         \
        if (rc_ != MPI_SUCCESS)                                                   \
            scal_mpi_fail(__FILE__, __LINE__, #call, rc_);                        \
    } while (0)

#endif
