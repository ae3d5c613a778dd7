/* share.c - the paths graph over ranks: window, copy, per-task (share.h). */
#include "share.h"

#include <omp.h>
#include <stdio.h>
#include <string.h>

#include "scal_sys.h"

#define PIECE ((size_t)1 << 30)

void scal_bcast_big(void *buf, size_t bytes, int root, MPI_Comm comm)
{
    for (size_t off = 0; off < bytes; off += PIECE) {
        size_t n = bytes - off < PIECE ? bytes - off : PIECE;
        SCAL_MPI_TRY(MPI_Bcast((char *)buf + off, (int)n, MPI_BYTE, root, comm));
    }
}

void scal_send_big(const void *buf, size_t bytes, int dest, int tag, MPI_Comm comm)
{
    for (size_t off = 0; off < bytes; off += PIECE) {
        size_t n = bytes - off < PIECE ? bytes - off : PIECE;
        SCAL_MPI_TRY(MPI_Send((const char *)buf + off, (int)n, MPI_BYTE, dest, tag, comm));
    }
}

void scal_recv_big(void *buf, size_t bytes, int src, int tag, MPI_Comm comm)
{
    for (size_t off = 0; off < bytes; off += PIECE) {
        size_t n = bytes - off < PIECE ? bytes - off : PIECE;
        SCAL_MPI_TRY(MPI_Recv((char *)buf + off, (int)n, MPI_BYTE, src, tag, comm,
                              MPI_STATUS_IGNORE));
    }
}

/* Fill parts [first, first + T) of `nparts`, phase by phase, with T threads.
 * `between` runs after each phase (on the calling thread, the others wait):
 * it makes this rank's writes visible to the other fillers. */
static void fill_parts(scal_work_t *w, int first, int nparts, int T, void (*between)(void *),
                       void *arg)
{
    for (int phase = 0; phase < w->wl->fill_phases; phase++) {
        int failed = 0;
        char err[512] = "";
#pragma omp parallel num_threads(T)
        {
            char my_err[512];
            if (w->wl->fill(w, phase, first + omp_get_thread_num(), nparts, my_err,
                            sizeof my_err) != 0) {
#pragma omp critical
                {
                    failed = 1;
                    snprintf(err, sizeof err, "%s", my_err);
                }
            }
        }
        if (failed)
            scal_mpi_die(err);
        if (between)
            between(arg);
    }
}

typedef struct node_sync {
    MPI_Win win;
    MPI_Comm node;
} node_sync_t;

/* The shared-memory model's sequence: publish our stores, meet the node,
 * then see theirs. */
static void window_sync(void *arg)
{
    node_sync_t *s = arg;
    SCAL_MPI_TRY(MPI_Win_sync(s->win));
    SCAL_MPI_TRY(MPI_Barrier(s->node));
    SCAL_MPI_TRY(MPI_Win_sync(s->win));
}

static void *heap_or_die(size_t bytes, const scal_work_t *w)
{
    void *p = scal_big_alloc(bytes);
    if (!p) {
        char msg[256];
        snprintf(msg, sizeof msg, "cannot allocate %zu bytes for %s", bytes,
                 w->shared_what ? w->shared_what : "shared data");
        scal_mpi_die(msg);
    }
    return p;
}

static void attach_or_die(scal_work_t *w, void *mem)
{
    char err[512];
    if (w->wl->attach(w, mem, err, sizeof err) != 0)
        scal_mpi_die(err);
}

void share_place(share_t *sh, scal_work_t *w, MPI_Comm world, MPI_Comm node, int T)
{
    int rank, node_rank, node_size;
    SCAL_MPI_TRY(MPI_Comm_rank(world, &rank));
    SCAL_MPI_TRY(MPI_Comm_rank(node, &node_rank));
    SCAL_MPI_TRY(MPI_Comm_size(node, &node_size));
    memset(sh, 0, sizeof *sh);
    sh->mode = w->cfg->share;
    sh->bytes = w->shared_bytes;
    if (sh->bytes == 0)
        return;

    if (sh->mode == SCAL_SHARE_WINDOW) {
        /* The node leader owns the whole block; the others ask for none and
         * map the leader's. */
        MPI_Aint size = node_rank == 0 ? (MPI_Aint)sh->bytes : 0;
        void *base;
        MPI_Info info;
        SCAL_MPI_TRY(MPI_Info_create(&info));
        /* only the leader's segment is non-empty; noncontig lets it start
         * page-aligned */
        SCAL_MPI_TRY(MPI_Info_set(info, "alloc_shared_noncontig", "true"));
        SCAL_MPI_TRY(MPI_Win_allocate_shared(size, 1, info, node, &base, &sh->win));
        SCAL_MPI_TRY(MPI_Info_free(&info));
        MPI_Aint got;
        int disp;
        SCAL_MPI_TRY(MPI_Win_shared_query(sh->win, 0, &got, &disp, &sh->mem));
        if ((size_t)got < sh->bytes)
            scal_mpi_die("the shared window is smaller than asked for");
        SCAL_MPI_TRY(MPI_Win_lock_all(MPI_MODE_NOCHECK, sh->win));
        attach_or_die(w, sh->mem);
        node_sync_t s = {sh->win, node};
        fill_parts(w, node_rank * T, node_size * T, T, window_sync, &s);
        return;
    }

    /* copy and per-task: rank 0 builds; the others hold a copy or a buffer */
    sh->heap = 1;
    sh->mem = heap_or_die(sh->bytes, w);
    attach_or_die(w, sh->mem);
    if (rank == 0)
        fill_parts(w, 0, T, T, NULL, NULL);
    if (sh->mode == SCAL_SHARE_COPY)
        scal_bcast_big(sh->mem, sh->bytes, 0, world);
}

void share_send(const share_t *sh, int dest, int tag, MPI_Comm comm)
{
    scal_send_big(sh->mem, sh->bytes, dest, tag, comm);
}

void share_recv(share_t *sh, int tag, MPI_Comm comm)
{
    scal_recv_big(sh->mem, sh->bytes, 0, tag, comm);
}

size_t share_bytes_per_node(const share_t *sh, int node_size)
{
    return sh->mode == SCAL_SHARE_WINDOW ? sh->bytes : sh->bytes * (size_t)node_size;
}

void share_release(share_t *sh)
{
    if (sh->bytes && sh->mode == SCAL_SHARE_WINDOW) {
        MPI_Win_unlock_all(sh->win);
        MPI_Win_free(&sh->win);
    } else if (sh->heap) {
        scal_big_free(sh->mem, sh->bytes);
    }
    memset(sh, 0, sizeof *sh);
}
