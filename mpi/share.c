/* share.c - the paths graph over ranks: window, copy, per-task (share.h). */
#include "share.h"

#include <errno.h>
#include <inttypes.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>

#include "scal_sys.h"

#define PIECE ((size_t)1 << 30)
/* Room a window's backing file needs beyond the data (osc/sm's per-rank
 * state and page rounding are a few KiB). */
#define WINDOW_SLACK ((uint64_t)1 << 16)

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

void share_place(share_t *sh, scal_work_t *w, MPI_Comm world, MPI_Comm node, int T,
                 const scal_fault_t *fault)
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
        scal_fault_before_window(fault);
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

/* Where Open MPI's osc/sm component puts a shared window's backing file:
 * its osc_sm_backing_directory, read through the MPI tool interface so that
 * a value set by --mca, the environment or a parameter file is the one
 * checked; /dev/shm when this MPI has no such variable. */
static void backing_dir(char *dir, size_t len)
{
    snprintf(dir, len, "/dev/shm");
    int provided, idx, count;
    if (MPI_T_init_thread(MPI_THREAD_SINGLE, &provided) != MPI_SUCCESS)
        return;
    MPI_T_cvar_handle h;
    if (MPI_T_cvar_get_index("osc_sm_backing_directory", &idx) == MPI_SUCCESS &&
        MPI_T_cvar_handle_alloc(idx, NULL, &h, &count) == MPI_SUCCESS) {
        char *value = calloc((size_t)count + 1, 1);
        if (value && MPI_T_cvar_read(h, value) == MPI_SUCCESS && value[0])
            snprintf(dir, len, "%s", value);
        free(value);
        MPI_T_cvar_handle_free(&h);
    }
    MPI_T_finalize();
}

int share_window_fits(size_t bytes, int copies, char *err, size_t errlen)
{
    char dir[1024];
    backing_dir(dir, sizeof dir);
    /* osc/sm adds a little per rank to the segment, and rounds to pages. */
    uint64_t need;
    if (__builtin_mul_overflow((uint64_t)bytes + WINDOW_SLACK, (uint64_t)copies, &need))
        need = UINT64_MAX;
    struct statvfs fs;
    if (statvfs(dir, &fs) != 0) {
        snprintf(err, errlen, "cannot check the shared window's room in %s "
                 "(osc_sm_backing_directory): %s", dir, strerror(errno));
        return -1;
    }
    uint64_t room = (uint64_t)fs.f_bavail * (uint64_t)fs.f_frsize;
    if (need <= room)
        return 0;
    snprintf(err, errlen,
             "the shared window needs %" PRIu64 " bytes (%.2f GiB%s) in %s, which has %" PRIu64
             " bytes (%.2f GiB) free; free some, or give Open MPI a larger directory with "
             "--mca osc_sm_backing_directory DIR",
             need, (double)need / 1073741824.0, copies > 1 ? ", one copy per emulated node" : "",
             dir, room, (double)room / 1073741824.0);
    return -1;
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
