/* api.c - the public MPI part (scalestudy_mpi.h): a task set over the rank
 * runtime (scal_mpi_run, as scal-mpi runs its workloads), and per-node
 * shared read-only blocks in MPI_Win_allocate_shared. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scal_mpi.h"
#include "scal_taskset.h"
#include "scalestudy_mpi.h"
#include "share.h"

/* The task set is already a workload: hand the run's over. */
static int prepare_taskset(void *arg, scal_work_t *w, const scal_config_t *cfg, char *err,
                           size_t errlen)
{
    (void)cfg;
    (void)err;
    (void)errlen;
    *w = ((scalestudy_run_t *)arg)->work;
    return 0;
}

/* The same verdict on every rank: 1 if every rank's ok, else 0 with err
 * naming the lowest rank that refused (its own message on that rank). */
static int agree(int ok, char *err, size_t errlen)
{
    int rank, mine, first;
    SCAL_MPI_TRY(MPI_Comm_rank(MPI_COMM_WORLD, &rank));
    mine = ok ? INT_MAX : rank;
    SCAL_MPI_TRY(MPI_Allreduce(&mine, &first, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD));
    if (first != INT_MAX && first != rank)
        snprintf(err, errlen, "rank %d refused the run", first);
    return first == INT_MAX;
}

scalestudy_run_t *scalestudy_mpi_run(const scalestudy_taskset_t *ts,
                                     const scalestudy_options_t *opt, scalestudy_error_t *err)
{
    char why[1024] = "";
    int provided, rank;
    SCAL_MPI_TRY(MPI_Query_thread(&provided));
    SCAL_MPI_TRY(MPI_Comm_rank(MPI_COMM_WORLD, &rank));
    scalestudy_run_t *run = scal_run_new(ts, opt, "mpi", why, sizeof why);
    if (run && run->cfg.gil) {
        snprintf(why, sizeof why, "gil: the emulated interpreter lock is for threads "
                 "(scalestudy_threads_run), not ranks");
        scalestudy_run_free(run);
        run = NULL;
    }
    if (!agree(run != NULL, why, sizeof why)) {
        scalestudy_run_free(run);
        return scal_api_fail(err, why);
    }
    if (rank != 0)
        run->out = NULL;
    const scal_mpi_sink_t sink = {.out = run->out,
                                  .on_rep = scal_run_on_rep,
                                  .on_result = opt->on_result ? scal_run_on_result : NULL,
                                  .arg = run};
    scal_work_t work;
    run->status = scal_mpi_run(&run->cfg, provided, prepare_taskset, run, &work, &sink, why,
                               sizeof why);
    if (run->status == 2) {
        scalestudy_run_free(run);
        return scal_api_fail(err, why[0] ? why : "the run failed");
    }
    snprintf(run->why, sizeof run->why, "%s", why);
    return run;
}

/* ---- shared blocks ---- */

struct scalestudy_shared {
    MPI_Comm node;
    MPI_Win win;
    void *mem;
    size_t bytes;
    int nodes;
};

scalestudy_shared_t *scalestudy_shared_create(MPI_Comm comm, size_t bytes, scalestudy_fill_fn fill,
                                              void *ctx, scalestudy_error_t *err)
{
    char why[1024] = "";
    int rank, node_rank, node_size, ok = 1;
    SCAL_MPI_TRY(MPI_Comm_rank(comm, &rank));
    if (bytes == 0 || bytes > (size_t)PTRDIFF_MAX) {
        snprintf(why, sizeof why, "bytes: invalid value %zu: must be in 1..%td", bytes,
                 PTRDIFF_MAX);
        ok = 0;
    }
    scalestudy_shared_t *sh = ok ? calloc(1, sizeof *sh) : NULL;
    if (ok && !sh) {
        snprintf(why, sizeof why, "out of memory");
        ok = 0;
    }
    /* The same verdict on every rank before anything collective. */
    int all;
    SCAL_MPI_TRY(MPI_Allreduce(&ok, &all, 1, MPI_INT, MPI_MIN, comm));
    if (!all) {
        free(sh);
        return scal_api_fail(err, why[0] ? why : "another rank refused the shared block");
    }
    SCAL_MPI_TRY(MPI_Comm_split_type(comm, MPI_COMM_TYPE_SHARED, rank, MPI_INFO_NULL, &sh->node));
    SCAL_MPI_TRY(MPI_Comm_rank(sh->node, &node_rank));
    SCAL_MPI_TRY(MPI_Comm_size(sh->node, &node_size));
    int leader = node_rank == 0;
    SCAL_MPI_TRY(MPI_Allreduce(&leader, &sh->nodes, 1, MPI_INT, MPI_SUM, comm));
    /* Room for the block where the window's file lives, checked by each
     * node's leader: a window larger than that would kill the ranks with
     * SIGBUS as they fill it. */
    ok = !leader || share_window_fits(bytes, 1, why, sizeof why) == 0;
    SCAL_MPI_TRY(MPI_Allreduce(&ok, &all, 1, MPI_INT, MPI_MIN, comm));
    if (!all) {
        MPI_Comm_free(&sh->node);
        free(sh);
        return scal_api_fail(err, why[0] ? why : "the shared block does not fit another node");
    }
    /* The leader owns the whole block; the others map it. */
    MPI_Info info;
    void *base;
    MPI_Aint got;
    int disp;
    SCAL_MPI_TRY(MPI_Info_create(&info));
    SCAL_MPI_TRY(MPI_Info_set(info, "alloc_shared_noncontig", "true"));
    SCAL_MPI_TRY(MPI_Win_allocate_shared(leader ? (MPI_Aint)bytes : 0, 1, info, sh->node, &base,
                                         &sh->win));
    SCAL_MPI_TRY(MPI_Info_free(&info));
    SCAL_MPI_TRY(MPI_Win_shared_query(sh->win, 0, &got, &disp, &sh->mem));
    if ((size_t)got < bytes)
        scal_mpi_die("the shared window is smaller than asked for");
    sh->bytes = bytes;
    SCAL_MPI_TRY(MPI_Win_lock_all(MPI_MODE_NOCHECK, sh->win));
    if (fill)
        fill(ctx, sh->mem, bytes, node_rank, node_size);
    /* Publish this rank's stores, meet the node, then see the others'. */
    SCAL_MPI_TRY(MPI_Win_sync(sh->win));
    SCAL_MPI_TRY(MPI_Barrier(sh->node));
    SCAL_MPI_TRY(MPI_Win_sync(sh->win));
    return sh;
}

const void *scalestudy_shared_ptr(const scalestudy_shared_t *sh)
{
    return sh->mem;
}

size_t scalestudy_shared_size(const scalestudy_shared_t *sh)
{
    return sh->bytes;
}

int scalestudy_shared_nodes(const scalestudy_shared_t *sh)
{
    return sh->nodes;
}

void scalestudy_shared_free(scalestudy_shared_t *sh)
{
    if (!sh)
        return;
    SCAL_MPI_TRY(MPI_Win_unlock_all(sh->win));
    SCAL_MPI_TRY(MPI_Win_free(&sh->win));
    SCAL_MPI_TRY(MPI_Comm_free(&sh->node));
    free(sh);
}
