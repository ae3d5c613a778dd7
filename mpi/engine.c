/* engine.c - scal-mpi: tasks over MPI ranks (x OpenMP threads per rank).
 *
 * Workers are ranks x threads; worker id = rank * threads + thread.
 *   map           static: worker w runs chunks w, w+W, w+2W, ... of K tasks;
 *                 at the end rank 0 gathers every result (MPI_Gatherv), so
 *                 results reach the caller in task order.
 *   submit,       dynamic: every worker computes, rank 0's included.  Rank 0's
 *   as-completed  threads take chunks from the shared counter directly and,
 *                 between tasks and at the kernels' switch points, answer the
 *                 remote workers (no dispatcher thread); a remote worker asks
 *                 for a chunk with a message that carries the results of its
 *                 last one, so results reach rank 0 the moment a chunk
 *                 completes.  as-completed prints them in that order.
 * Rank 0 alone reports, through the same code as scal-omp (scal_report.h).
 * Every rank runs its own noise monitor (scal_noise.h), outside the timed
 * region, and rank 0 gathers their evidence after each repetition.
 * Any MPI error aborts the whole job with one message (SCAL_MPI_TRY). */
#include "scal_mpi.h"

#include <inttypes.h>
#include <limits.h>
#include <mpi.h>
#include <omp.h>
#include <sched.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scal_cli.h"
#include "scal_graph.h"
#include "scal_noise.h"
#include "scal_place.h"
#include "scal_report.h"
#include "scal_sys.h"
#include "scal_time.h"
#include "scal_workload.h"
#include "fault.h"
#include "share.h"

/* The program named in the abort messages (scal-mpi, or the library's
 * caller: scalestudy). */
static const char *prog_name = "scal-mpi";

/* One error path: name the call, the place and MPI's own words, then end
 * every rank (a bare exit() in one rank would leave the others waiting). */
void scal_mpi_fail(const char *file, int line, const char *call, int rc)
{
    char msg[MPI_MAX_ERROR_STRING];
    int len = 0, rank = -1;
    MPI_Error_string(rc, msg, &len);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    fprintf(stderr, "%s: rank %d: %s:%d: %s failed: %s\n", prog_name, rank, file, line, call,
            msg);
    scal_outfile_cleanup_all();
    MPI_Abort(MPI_COMM_WORLD, 1);
}

/* Abort the job with a message (for failures that are not MPI's). */
void scal_mpi_die(const char *what)
{
    int rank = -1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    fprintf(stderr, "%s: rank %d: %s\n", prog_name, rank, what);
    scal_outfile_cleanup_all();
    MPI_Abort(MPI_COMM_WORLD, 1);
}

/* TAG_WORK + thread: a reply; TAG_DATA + thread: per-task data after it */
enum { TAG_REQUEST = 1, TAG_WORK = 16, TAG_DATA = 8192 };

/* One result of a finished task as it travels to rank 0, with its index
 * (a task may write several, scal_work_task_result) and the task's log.
 * A task's entries travel together, one after another. */
typedef struct entry {
    uint64_t task;
    uint64_t index;
    scal_result_t result;
    scal_tasklog_t log;
} entry_t;

/* Head of a request: which thread asks, how many entries follow, and
 * whether this is its last message (results only, no reply wanted). */
typedef struct request {
    int32_t thread;
    int32_t count;
    int32_t final;
    int32_t pad;
} request_t;

typedef struct engine {
    const scal_mpi_sink_t *sink;
    const scal_config_t *cfg;
    const scal_work_t *work;
    int rank, size, T;          /* T: threads per rank */
    int node_rank, node_size, nodes;
    int machine_ranks;          /* ranks on this real node (MPI_COMM_TYPE_SHARED) */
    int machine_nodes;          /* (emulated) nodes on this real node: window copies */
    uint64_t chunk, ntasks;
    uint64_t chunk_entries;     /* the most entries a chunk's tasks write */
    MPI_Datatype entry_type;
    scal_report_t *report;      /* rank 0 */
    scal_result_t *results;     /* every rank: its own tasks; rank 0: all */
    scal_tasklog_t *log;
    double *arrived;            /* rank 0: when each result reached it */
    scal_place_t place;         /* this rank's T workers */
    share_t share;              /* the workload's shared data, if any */
    scal_fault_t fault;         /* SCAL_FAULT: inert unless set (fault.h) */
    atomic_uint_fast64_t next;  /* rank 0: the dynamic pools' counter */
    MPI_Comm machine;           /* the ranks of this real node (MPI_COMM_TYPE_SHARED) */
    int machine_rank;
    scal_noise_t *noise;        /* this rank's noise monitor */
    scal_noise_rep_t *noise_all; /* rank 0: every rank's evidence */
} engine_t;

static uint64_t chunk_len(const engine_t *e, uint64_t c)
{
    return c + e->chunk <= e->ntasks ? e->chunk : e->ntasks - c;
}

static void bind_or_die(engine_t *e, int t)
{
    if (scal_place_bind_self(&e->place, t) != 0)
        scal_mpi_die("binding a worker thread failed");
}

/* Append task k's results to x at *n, one entry each. */
static void pack_task(const engine_t *e, uint64_t k, entry_t *x, uint64_t *n)
{
    const scal_work_t *w = e->work;
    const uint64_t m = scal_work_task_nresults(w, k);
    for (uint64_t i = 0; i < m; i++) {
        const uint64_t r = scal_work_task_result(w, k, i);
        x[(*n)++] = (entry_t){k, r, e->results[r], e->log[k]};
    }
}

/* Store entries x[0..n-1] that reached rank 0 at `now`; with `stream`,
 * stream each task once its last entry is in. */
static void emit(engine_t *e, int rep, uint64_t k, double t_s);

static void unpack(engine_t *e, const entry_t *x, uint64_t n, double now, int rep, int stream)
{
    for (uint64_t i = 0; i < n; i++) {
        entry_t ent;
        uint64_t next = UINT64_MAX;
        memcpy(&ent, &x[i], sizeof ent);
        if (i + 1 < n)
            memcpy(&next, (const char *)&x[i + 1] + offsetof(entry_t, task), sizeof next);
        e->results[ent.index] = ent.result;
        e->log[ent.task] = ent.log;
        e->arrived[ent.task] = now;
        if (stream && next != ent.task)
            emit(e, rep, ent.task, now);
    }
}

/* ---- map ---- */

static void map_rep(engine_t *e, int rep, double t0)
{
    (void)rep;
    const uint64_t W = (uint64_t)e->size * (uint64_t)e->T, K = e->chunk;
    const scal_work_t *w = e->work;
#pragma omp parallel num_threads(e->T)
    {
        const int t = omp_get_thread_num();
        const uint64_t me = (uint64_t)e->rank * (uint64_t)e->T + (uint64_t)t;
        bind_or_die(e, t);
        scal_noise_worker_begin(e->noise, t);
        void *scratch = scal_work_scratch_new(w);
        for (uint64_t c = me * K; c < e->ntasks; c += W * K)
            for (uint64_t k = c; k < c + chunk_len(e, c); k++) {
                scal_task_run_logged(w, k, scratch, NULL, e->results, e->log, t0, (int)me);
                scal_fault_task_done(&e->fault);
            }
        scal_work_scratch_free(w, scratch);
        scal_noise_worker_end(e->noise, t, sched_getcpu());
        scal_place_note_pu(&e->place, t);
    }

    /* Pack this rank's results and gather them on rank 0. */
    uint64_t mine = 0;
    entry_t *out = NULL;
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1 && !(out = malloc((mine ? mine : 1) * sizeof *out)))
            scal_mpi_die("out of memory packing results");
        mine = 0;
        for (int t = 0; t < e->T; t++) {
            uint64_t me = (uint64_t)e->rank * (uint64_t)e->T + (uint64_t)t;
            for (uint64_t c = me * K; c < e->ntasks; c += W * K)
                for (uint64_t k = c; k < c + chunk_len(e, c); k++)
                    if (pass == 1)
                        pack_task(e, k, out, &mine);
                    else
                        mine += scal_work_task_nresults(w, k);
        }
    }
    if (mine > INT32_MAX)
        scal_mpi_die("more than 2^31 results on one rank");
    int n = (int)mine;
    int *counts = NULL, *displs = NULL;
    entry_t *all = NULL;
    if (e->rank == 0) {
        counts = malloc((size_t)e->size * sizeof *counts);
        displs = malloc((size_t)e->size * sizeof *displs);
        all = malloc(w->nresults * sizeof *all);
        if (!counts || !displs || !all)
            scal_mpi_die("out of memory gathering results");
    }
    SCAL_MPI_TRY(MPI_Gather(&n, 1, MPI_INT, counts, 1, MPI_INT, 0, MPI_COMM_WORLD));
    if (e->rank == 0) {
        int sum = 0;
        for (int r = 0; r < e->size; r++) {
            displs[r] = sum;
            sum += counts[r];
        }
    }
    SCAL_MPI_TRY(MPI_Gatherv(out, n, e->entry_type, all, counts, displs, e->entry_type, 0,
                             MPI_COMM_WORLD));
    if (e->rank == 0) {
        /* Rank 0's own entries come first, already in place. */
        unpack(e, all + n, w->nresults - (uint64_t)n, scal_now() - t0, 0, 0);
        for (int i = 0; i < n; i++)
            e->arrived[out[i].task] = out[i].log.end_s;
    }
    free(out);
    free(all);
    free(counts);
    free(displs);
}

/* ---- submit and as-completed ---- */

/* The shared data travels with every dispatched chunk. */
static int per_task(const engine_t *e)
{
    return e->share.bytes > 0 && e->share.mode == SCAL_SHARE_PER_TASK;
}

static int streaming(const engine_t *e, int rep)
{
    return e->cfg->pool == SCAL_POOL_AS_COMPLETED && rep == 1 &&
           (e->cfg->format == SCAL_FMT_HUMAN || e->sink->on_result);
}

/* Task k's result has reached rank 0 at t_s: the human report prints it,
 * the caller's callback gets it. */
static void emit(engine_t *e, int rep, uint64_t k, double t_s)
{
    scal_report_emit(e->report, rep, k, e->results, t_s);
    if (e->sink->on_result)
        e->sink->on_result(e->sink->arg, k, e->results, t_s);
}

/* Send a request carrying *count finished entries (already in buf after the
 * head), and start a new batch. */
static void send_request(char *buf, request_t *req, uint64_t *count)
{
    req->count = (int32_t)*count;
    memcpy(buf, req, sizeof *req);
    SCAL_MPI_TRY(MPI_Send(buf, (int)(sizeof *req + *count * sizeof(entry_t)), MPI_BYTE, 0,
                          TAG_REQUEST, MPI_COMM_WORLD));
    *count = 0;
}

/* Rank 0 serves the remote workers' requests from its own compute threads:
 * between tasks, at the kernels' switch points, and between slices of a
 * sleep (the yield hooks), at most every POLL_INTERVAL_S, one thread at a
 * time.  There is no dispatcher thread: one would share a core with rank 0's
 * workers and answer only when the OS let it preempt them. */
#define POLL_INTERVAL_S 2e-6

typedef struct server {
    engine_t *e;
    int rep;
    double t0;
    atomic_flag busy;          /* held by the thread that is serving */
    atomic_int remaining;      /* remote threads whose final message is still to come */
    _Atomic double last_poll;  /* seconds (scal_now) of the last poll */
    char *buf;                 /* a request, under busy */
    size_t cap;
} server_t;

/* Answer every pending request.  The caller holds s->busy.  Returns how
 * many were answered. */
static int serve_pending(server_t *s)
{
    engine_t *e = s->e;
    int handled = 0;
    for (;;) {
        int flag = 0;
        MPI_Message msg;
        MPI_Status st;
        SCAL_MPI_TRY(MPI_Improbe(MPI_ANY_SOURCE, TAG_REQUEST, MPI_COMM_WORLD, &flag, &msg, &st));
        if (!flag)
            break;
        int bytes;
        SCAL_MPI_TRY(MPI_Get_count(&st, MPI_BYTE, &bytes));
        if ((size_t)bytes > s->cap)
            scal_mpi_die("a request larger than a chunk of results");
        SCAL_MPI_TRY(MPI_Mrecv(s->buf, bytes, MPI_BYTE, &msg, &st));
        double now = scal_now() - s->t0;
        request_t req;
        memcpy(&req, s->buf, sizeof req);
        unpack(e, (const entry_t *)(s->buf + sizeof req), (uint64_t)req.count, now, s->rep,
               streaming(e, s->rep));
        handled++;
        if (req.final) {
            atomic_fetch_sub(&s->remaining, 1);
            continue;
        }
        uint64_t c = atomic_fetch_add_explicit(&e->next, e->chunk, memory_order_relaxed);
        SCAL_MPI_TRY(MPI_Send(&c, 1, MPI_UINT64_T, st.MPI_SOURCE, TAG_WORK + req.thread,
                              MPI_COMM_WORLD));
        if (c < e->ntasks && per_task(e))
            share_send(&e->share, st.MPI_SOURCE, TAG_DATA + req.thread, MPI_COMM_WORLD);
    }
    atomic_store_explicit(&s->last_poll, scal_now(), memory_order_relaxed);
    return handled;
}

/* Serve if nobody else is; returns how many requests were answered. */
static int serve(server_t *s)
{
    if (atomic_load_explicit(&s->remaining, memory_order_relaxed) == 0 ||
        atomic_flag_test_and_set_explicit(&s->busy, memory_order_acquire))
        return 0;
    int handled = serve_pending(s);
    atomic_flag_clear_explicit(&s->busy, memory_order_release);
    return handled;
}

/* The yield hook: kernels call it very often (spin at every clock read). */
static void serve_hook(void *arg)
{
    server_t *s = arg;
    if (scal_now() - atomic_load_explicit(&s->last_poll, memory_order_relaxed) >= POLL_INTERVAL_S)
        serve(s);
}

/* Once rank 0's own tasks are done: serve until every remote worker is told
 * there is no more work, spinning while requests come, then sleeping 10 us
 * doubling to 200 us, so that an idle rank 0 does not burn a core. */
static void serve_until_done(server_t *s)
{
    long idle_ns = 0;
    double last_msg = scal_now();
    while (atomic_load(&s->remaining) > 0) {
        if (serve(s) > 0) {
            idle_ns = 0;
            last_msg = scal_now();
        } else if (scal_now() - last_msg > 50e-6) {
            idle_ns = idle_ns ? (idle_ns * 2 > 200000 ? 200000 : idle_ns * 2) : 10000;
            struct timespec ts = {0, idle_ns};
            nanosleep(&ts, NULL);
        }
    }
}

/* Rank 0's compute threads: the counter is in their own memory. */
static void local_worker(engine_t *e, server_t *s, int t)
{
    const int me = t; /* rank 0: worker id = thread */
    bind_or_die(e, t);
    scal_noise_worker_begin(e->noise, t);
    void *scratch = scal_work_scratch_new(e->work);
    const scal_yield_t y = {.tick = serve_hook, .idle = serve_hook, .arg = s};
    for (;;) {
        uint64_t c = atomic_fetch_add_explicit(&e->next, e->chunk, memory_order_relaxed);
        if (c >= e->ntasks)
            break;
        for (uint64_t k = c; k < c + chunk_len(e, c); k++) {
            scal_task_run_logged(e->work, k, scratch, &y, e->results, e->log, s->t0, me);
            scal_fault_task_done(&e->fault);
            e->arrived[k] = e->log[k].end_s;
            if (streaming(e, s->rep))
                emit(e, s->rep, k, e->log[k].end_s);
            serve_hook(s);
        }
    }
    if (t == 0)
        serve_until_done(s);
    scal_work_scratch_free(e->work, scratch);
    scal_noise_worker_end(e->noise, t, sched_getcpu());
    scal_place_note_pu(&e->place, t);
}

/* A remote worker.  It keeps one request in flight: it asks for its next
 * chunk (carrying the results of the last one) before computing the chunk
 * it holds, so the round trip to rank 0 overlaps its work.  Not in per-task
 * mode: there the next chunk brings the data, which must not arrive while
 * the current chunk reads it.  Its last message, `final`, carries the last
 * results and wants no reply. */
static void remote_worker(engine_t *e, int t, double t0)
{
    const int me = e->rank * e->T + t;
    const int prefetch = !per_task(e);
    bind_or_die(e, t);
    scal_noise_worker_begin(e->noise, t);
    void *scratch = scal_work_scratch_new(e->work);
    char *buf = malloc(e->chunk_entries * sizeof(entry_t) + sizeof(request_t));
    if (!buf)
        scal_mpi_die("out of memory for a worker");
    entry_t *x = (entry_t *)(buf + sizeof(request_t));
    request_t req = {t, 0, 0, 0};
    uint64_t count = 0;
    for (int first = 1;; first = 0) {
        /* Without prefetch, ask now, with the results just computed. */
        if (first || !prefetch)
            send_request(buf, &req, &count);
        uint64_t c;
        SCAL_MPI_TRY(MPI_Recv(&c, 1, MPI_UINT64_T, 0, TAG_WORK + t, MPI_COMM_WORLD,
                              MPI_STATUS_IGNORE));
        if (c >= e->ntasks)
            break;
        if (per_task(e))
            share_recv(&e->share, TAG_DATA + t, MPI_COMM_WORLD);
        if (prefetch)
            send_request(buf, &req, &count); /* the next chunk, and the last results */
        for (uint64_t k = c; k < c + chunk_len(e, c); k++) {
            scal_task_run_logged(e->work, k, scratch, NULL, e->results, e->log, t0, me);
            scal_fault_task_done(&e->fault);
            pack_task(e, k, x, &count);
        }
    }
    req.final = 1;
    send_request(buf, &req, &count);
    scal_noise_worker_end(e->noise, t, sched_getcpu());
    scal_place_note_pu(&e->place, t);
    scal_work_scratch_free(e->work, scratch);
    free(buf);
}

static void dynamic_rep(engine_t *e, int rep, double t0)
{
    atomic_store(&e->next, 0);
    if (e->rank == 0) {
        server_t s = {.e = e, .rep = rep, .t0 = t0, .busy = ATOMIC_FLAG_INIT};
        atomic_init(&s.remaining, (e->size - 1) * e->T);
        atomic_init(&s.last_poll, scal_now());
        s.cap = e->chunk_entries * sizeof(entry_t) + sizeof(request_t);
        if (!(s.buf = malloc(s.cap)))
            scal_mpi_die("out of memory for requests");
#pragma omp parallel num_threads(e->T)
        local_worker(e, &s, omp_get_thread_num());
        free(s.buf);
    } else {
#pragma omp parallel num_threads(e->T)
        remote_worker(e, omp_get_thread_num(), t0);
    }
}

/* The pools, one row each (indexed by scal_pool_t): how a repetition
 * hands out tasks, and whether the default chunk is one block per worker
 * (else one task).  as-completed differs from submit only in streaming. */
static const struct pool_row {
    void (*rep)(engine_t *e, int rep, double t0);
    int block_chunk;
} pools[] = {
    [SCAL_POOL_MAP] = {map_rep, 1},
    [SCAL_POOL_SUBMIT] = {dynamic_rep, 0},
    [SCAL_POOL_AS_COMPLETED] = {dynamic_rep, 0},
};

/* ---- setup and records ---- */

/* Count node-local workers against the union of the node's allowed CPUs. */
static int node_oversubscribed(const engine_t *e, MPI_Comm node)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    sched_getaffinity(0, sizeof set, &set);
    unsigned char mask[sizeof set], all[sizeof set];
    memcpy(mask, &set, sizeof set);
    SCAL_MPI_TRY(MPI_Allreduce(mask, all, (int)sizeof set, MPI_BYTE, MPI_BOR, node));
    memcpy(&set, all, sizeof set);
    int local = e->node_size * e->T, over = local > CPU_COUNT(&set), any;
    SCAL_MPI_TRY(MPI_Allreduce(&over, &any, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD));
    return any;
}

static void setup_nodes(engine_t *e, MPI_Comm *node)
{
    MPI_Comm real;
    SCAL_MPI_TRY(MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, e->rank,
                                     MPI_INFO_NULL, &real));
    int real_rank;
    SCAL_MPI_TRY(MPI_Comm_rank(real, &real_rank));
    SCAL_MPI_TRY(MPI_Comm_size(real, &e->machine_ranks));
    SCAL_MPI_TRY(MPI_Comm_dup(real, &e->machine));
    e->machine_rank = real_rank;
    e->machine_nodes = 1;
    if (e->cfg->ranks_per_node > 0) {
        e->machine_nodes = (e->machine_ranks + e->cfg->ranks_per_node - 1) / e->cfg->ranks_per_node;
        /* Emulated nodes: consecutive blocks of K ranks of a real node. */
        SCAL_MPI_TRY(MPI_Comm_split(real, real_rank / e->cfg->ranks_per_node, real_rank, node));
        SCAL_MPI_TRY(MPI_Comm_free(&real));
    } else {
        *node = real;
    }
    SCAL_MPI_TRY(MPI_Comm_rank(*node, &e->node_rank));
    SCAL_MPI_TRY(MPI_Comm_size(*node, &e->node_size));
    int leader = e->node_rank == 0;
    SCAL_MPI_TRY(MPI_Allreduce(&leader, &e->nodes, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD));
}

static void fill_template(const engine_t *e, double setup_s, int over, scal_record_t *rec)
{
    scal_record_init(rec, "mpi", e->cfg, e->work, scal_bind_name(e->place.policy), e->chunk,
                     setup_s);
    if (e->share.bytes)
        snprintf(rec->share, sizeof rec->share, "%s", scal_share_name(e->share.mode));
    rec->matrix_bytes_per_node = share_bytes_per_node(&e->share, e->node_size);
    rec->ranks = e->size;
    rec->threads = e->T;
    rec->workers = e->size * e->T;
    rec->nodes = e->nodes;
    rec->oversubscribed = over;
}

/* Every rank's MPI_Get_processor_name, gathered into rec->rank_hosts on rank 0 in rank order,
 * runs of one host as "host*R". */
static void gather_hosts(const engine_t *e, scal_record_t *rec)
{
    char mine[MPI_MAX_PROCESSOR_NAME] = {0};
    int len = 0;
    SCAL_MPI_TRY(MPI_Get_processor_name(mine, &len));
    char *all = e->rank == 0 ? malloc((size_t)e->size * MPI_MAX_PROCESSOR_NAME) : NULL;
    if (e->rank == 0 && !all)
        scal_mpi_die("out of memory");
    SCAL_MPI_TRY(MPI_Gather(mine, MPI_MAX_PROCESSOR_NAME, MPI_CHAR, all, MPI_MAX_PROCESSOR_NAME,
                            MPI_CHAR, 0, MPI_COMM_WORLD));
    if (e->rank != 0)
        return;
    const size_t cap = sizeof rec->rank_hosts;
    size_t used = 0;
    rec->rank_hosts[0] = '\0';
    for (int r = 0; r < e->size;) {
        const char *h = all + (size_t)r * MPI_MAX_PROCESSOR_NAME;
        int run = 1;
        while (r + run < e->size && strcmp(h, all + (size_t)(r + run) * MPI_MAX_PROCESSOR_NAME) == 0)
            run++;
        char item[MPI_MAX_PROCESSOR_NAME + 16];
        int n = run > 1 ? snprintf(item, sizeof item, "%s%s*%d", used ? ";" : "", h, run)
                        : snprintf(item, sizeof item, "%s%s", used ? ";" : "", h);
        if (n < 0 || used + (size_t)n + 4 > cap) {
            snprintf(rec->rank_hosts + used, cap - used, "...");
            break;
        }
        memcpy(rec->rank_hosts + used, item, (size_t)n + 1);
        used += (size_t)n;
        r += run;
    }
    free(all);
}

/* Gather every worker's bound and last PU into rec->cpus on rank 0. */
static void gather_cpus(const engine_t *e, scal_record_t *rec)
{
    const int n = 2 * e->T;
    int *mine = malloc((size_t)n * sizeof *mine);
    int *all = e->rank == 0 ? malloc((size_t)e->size * (size_t)n * sizeof *all) : NULL;
    if (!mine || (e->rank == 0 && !all))
        scal_mpi_die("out of memory");
    scal_place_pairs(&e->place, mine);
    SCAL_MPI_TRY(MPI_Gather(mine, n, MPI_INT, all, n, MPI_INT, 0, MPI_COMM_WORLD));
    if (e->rank == 0)
        scal_place_format_cpus(rec->cpus, sizeof rec->cpus, all, e->size * e->T);
    free(mine);
    free(all);
}

/* The noise monitor of this rank.  One rank per machine (its first) reads
 * the steal of the union of the CPUs its machine's ranks' workers may run
 * on; the machine's id is that rank's world rank.  A bad SCAL_MONITOR is the
 * same on every rank: refused by every rank alike (exit 2). */
static int open_noise(engine_t *e, char *err, size_t errlen)
{
    cpu_set_t mine, all;
    scal_place_cpuset(&e->place, &mine);
    unsigned char in[sizeof mine], out[sizeof mine];
    memcpy(in, &mine, sizeof mine);
    SCAL_MPI_TRY(MPI_Allreduce(in, out, (int)sizeof mine, MPI_BYTE, MPI_BOR, e->machine));
    memcpy(&all, out, sizeof all);
    int leader = e->rank;
    SCAL_MPI_TRY(MPI_Bcast(&leader, 1, MPI_INT, 0, e->machine));
    e->noise = scal_noise_open(e->T, e->machine_rank == 0 ? &all : NULL, leader, err, errlen);
    if (e->noise && e->rank == 0 &&
        !(e->noise_all = calloc((size_t)e->size, sizeof *e->noise_all)))
        scal_mpi_die("out of memory");
    return e->noise != NULL;
}

/* Every rank's evidence for this repetition, on rank 0. */
static void gather_noise(engine_t *e, const scal_noise_rep_t *mine)
{
    SCAL_MPI_TRY(MPI_Gather(mine, (int)sizeof *mine, MPI_BYTE, e->noise_all, (int)sizeof *mine,
                            MPI_BYTE, 0, MPI_COMM_WORLD));
}

/* --report-bindings: rank 0 prints every rank's lines, in rank order. */
static void report_bindings(const engine_t *e)
{
    enum { LINE = 256 };
    char *mine = calloc((size_t)e->T, LINE), *all = NULL;
    if (!mine)
        scal_mpi_die("out of memory");
    FILE *fp = fmemopen(mine, (size_t)e->T * LINE, "w");
    if (fp) {
        scal_place_report(&e->place, fp, e->rank);
        fclose(fp);
    }
    if (e->rank == 0 && !(all = malloc((size_t)e->size * (size_t)e->T * LINE)))
        scal_mpi_die("out of memory");
    SCAL_MPI_TRY(MPI_Gather(mine, e->T * LINE, MPI_CHAR, all, e->T * LINE, MPI_CHAR, 0,
                            MPI_COMM_WORLD));
    if (e->rank == 0) {
        for (int r = 0; r < e->size; r++)
            fprintf(stderr, "%.*s", e->T * LINE, all + (size_t)r * (size_t)e->T * LINE);
        fflush(stderr);
    }
    free(mine);
    free(all);
}

/* Refuse what the share modes cannot do, and data that does not fit a
 * node's memory.  Returns 1 if fine, else 0 with err set. */
static int check_share(const engine_t *e, const scal_work_t *w, char *err, size_t errlen)
{
    if (w->shared_bytes == 0)
        return 1;
    /* What per-task cannot do (a map pool, threads) is refused with the
     * other option rules when the command line is parsed (cli.c). */
    /* Each node leader checks what its machine will hold: with emulated
     * nodes, one window per emulated node, all in the same memory and the
     * same shared-memory filesystem. */
    int fits = 1;
    if (e->node_rank == 0) {
        int window = e->cfg->share == SCAL_SHARE_WINDOW;
        uint64_t copies = (uint64_t)(window ? e->machine_nodes : e->machine_ranks);
        uint64_t need; /* 2^60 bytes (M = 2^31 - 1) times 16 ranks wraps to 0 */
        if (__builtin_mul_overflow((uint64_t)w->shared_bytes, copies, &need))
            need = UINT64_MAX;
        char what[256];
        snprintf(what, sizeof what, "%s, %s, %d ranks on this machine%s", w->shared_what,
                 (const char *[]){"window: one copy per node", "copy: one per rank",
                                  "per-task: one per rank"}[e->cfg->share],
                 e->machine_ranks, window && copies > 1 ? " in emulated nodes" : "");
        fits = scal_mem_check(need, what, NULL, err, errlen) == 0;
        if (fits && window)
            fits = share_window_fits(w->shared_bytes, (int)copies, err, errlen) == 0;
    }
    return fits;
}

/* The same verdict on every rank, and one message: the lowest rank that
 * refused says it (on another node, rank 0 may have no reason) where
 * diagnostics go, and keeps it in err; the others get a pointer to it. */
static int agree_or_usage_error(const engine_t *e, int ok, char *err, size_t errlen)
{
    int mine = ok ? INT_MAX : e->rank, first;
    SCAL_MPI_TRY(MPI_Allreduce(&mine, &first, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD));
    if (first == INT_MAX)
        return 1;
    if (first == e->rank) {
        if (e->sink->diag)
            fprintf(e->sink->diag, "%s: %s\n", e->cfg->prog, err);
    } else {
        snprintf(err, errlen, "rank %d refused the run (its message is on its stderr or "
                 "its caller's)", first);
    }
    return 0;
}

/* Free what scal_mpi_run made, on every way out after the node split;
 * what was not made yet is zero and frees as nothing. */
static void engine_release(engine_t *e, scal_work_t *work, MPI_Comm *node)
{
    if (e->entry_type != MPI_DATATYPE_NULL)
        MPI_Type_free(&e->entry_type);
    MPI_Comm_free(node);
    if (e->machine != MPI_COMM_NULL)
        MPI_Comm_free(&e->machine);
    scal_noise_close(e->noise);
    free(e->noise_all);
    scal_work_release(work);
    free(e->results);
    free(e->log);
    free(e->arrived);
    scal_place_free(&e->place);
    share_release(&e->share);
}

int scal_mpi_run(const scal_config_t *cfg, int provided, scal_mpi_prepare_fn prepare,
                 void *prepare_arg, scal_work_t *work, const scal_mpi_sink_t *sink, char *err,
                 size_t errlen)
{
    engine_t e = {.entry_type = MPI_DATATYPE_NULL, .machine = MPI_COMM_NULL, .sink = sink,
                  .cfg = cfg};
    prog_name = cfg->prog;
    SCAL_MPI_TRY(MPI_Comm_rank(MPI_COMM_WORLD, &e.rank));
    SCAL_MPI_TRY(MPI_Comm_size(MPI_COMM_WORLD, &e.size));
    e.T = cfg->threads;
    /* the same on every rank: no need to agree */
    if (e.T > 1 && provided < MPI_THREAD_MULTIPLE) {
        snprintf(err, errlen, "%d threads per rank need MPI_THREAD_MULTIPLE; this MPI gives "
                 "level %d", e.T, provided);
        return 2;
    }
    omp_set_dynamic(0);

    MPI_Comm node;
    setup_nodes(&e, &node);

    *work = (scal_work_t){0};
    SCAL_MPI_TRY(MPI_Barrier(MPI_COMM_WORLD));
    double t_setup = scal_now();
    int ok = scal_fault_init(&e.fault, e.rank, err, errlen) == 0;
    if (ok)
        ok = prepare(prepare_arg, work, cfg, err, errlen) == 0;
    if (ok)
        ok = check_share(&e, work, err, errlen);
    if (!agree_or_usage_error(&e, ok, err, errlen)) {
        engine_release(&e, work, &node);
        return 2;
    }
    share_place(&e.share, work, MPI_COMM_WORLD, node, e.T, &e.fault);
    /* --write-graph: its path was checked before, so a failure now is a
     * failed write (disk full): exit 1. */
    ok = !work->wl->after_fill || work->wl->after_fill(work, e.rank == 0, err, errlen) == 0;
    if (!agree_or_usage_error(&e, ok, err, errlen)) {
        engine_release(&e, work, &node);
        return 1;
    }
    double setup_s = scal_now() - t_setup;
    e.work = work;
    e.ntasks = work->ntasks;
    const uint64_t W = (uint64_t)e.size * (uint64_t)e.T;
    e.chunk = cfg->chunk ? cfg->chunk : pools[cfg->pool].block_chunk ? (e.ntasks + W - 1) / W : 1;
    /* A request carries one chunk's results: at most chunk x the largest
     * task's, and never more than all of them. */
    e.chunk_entries = e.chunk > work->nresults / work->max_task_results
                          ? work->nresults
                          : e.chunk * work->max_task_results;
    if (cfg->pool != SCAL_POOL_MAP &&
        e.chunk_entries > (INT_MAX - sizeof(request_t)) / sizeof(entry_t))
        scal_mpi_die("a chunk's results do not fit one message (a smaller --chunk)");

    SCAL_MPI_TRY(MPI_Type_contiguous((int)sizeof(entry_t), MPI_BYTE, &e.entry_type));
    SCAL_MPI_TRY(MPI_Type_commit(&e.entry_type));
    e.results = calloc(work->nresults, sizeof *e.results);
    e.log = calloc(work->ntasks, sizeof *e.log);
    e.arrived = calloc(work->ntasks, sizeof *e.arrived);
    if (!e.results || !e.log || !e.arrived)
        scal_mpi_die("out of memory for the task arrays");
    if (scal_place_init(&e.place, (scal_bind_policy_t)cfg->bind, e.T, e.node_rank * e.T,
                        e.node_size * e.T, err, errlen) != 0)
        scal_mpi_die(err);
    if (cfg->report_bindings)
        report_bindings(&e);
    if (!agree_or_usage_error(&e, open_noise(&e, err, errlen), err, errlen)) {
        engine_release(&e, work, &node);
        return 2;
    }

    uint64_t pss = scal_pss_bytes(), pss_sum = 0;
    SCAL_MPI_TRY(MPI_Reduce(&pss, &pss_sum, 1, MPI_UINT64_T, MPI_SUM, 0, MPI_COMM_WORLD));
    int over = node_oversubscribed(&e, node) || e.place.oversubscribed;
    scal_record_t rec;
    fill_template(&e, setup_s, over, &rec);
    gather_hosts(&e, &rec);
    rec.pss_bytes = pss_sum;
    if (over && e.rank == 0 && sink->diag)
        fprintf(sink->diag,
                "%s: warning: more workers than allowed CPUs on a node (oversubscribed)\n",
                cfg->prog);

    ok = 1;
    if (e.rank == 0) {
        e.report = scal_report_open(cfg, work, &rec, sink->out, err, errlen);
        ok = e.report != NULL;
        if (ok)
            scal_report_set_diag(e.report, sink->diag);
    }
    if (!agree_or_usage_error(&e, ok, err, errlen)) {
        engine_release(&e, work, &node);
        return 2;
    }

    const struct pool_row *row = &pools[cfg->pool];
    for (int rep = -cfg->warmup + 1; rep <= cfg->repeat; rep++) {
        memset(e.results, 0, work->nresults * sizeof *e.results);
        /* The monitor's first edge before the barrier, so that it never
         * delays rank 0's start of the clock after it. */
        scal_noise_begin(e.noise);
        SCAL_MPI_TRY(MPI_Barrier(MPI_COMM_WORLD));
        double t0 = scal_now();
        row->rep(&e, rep, t0);
        double wall = scal_now() - t0;
        scal_noise_rep_t noise;
        scal_noise_end(e.noise, &noise);
        gather_cpus(&e, &rec);
        if (rep >= 1)
            gather_noise(&e, &noise);
        if (rep >= 1 && e.rank == 0) {
            scal_rep_t m = {wall, e.log, e.results, e.arrived, e.noise_all, e.size};
            scal_report_rep(e.report, rep, &m, &rec);
            if (sink->on_rep)
                sink->on_rep(sink->arg, rep, &rec, e.log, e.results);
        }
    }
    int status = e.rank == 0 ? scal_report_finish(e.report, err, errlen) : 0;
    SCAL_MPI_TRY(MPI_Bcast(&status, 1, MPI_INT, 0, MPI_COMM_WORLD));
    if (status && e.rank != 0)
        snprintf(err, errlen, "the run failed (rank 0 says why)");
    if (sink->diag)
        err[0] = '\0';
    engine_release(&e, work, &node);
    return status;
}

static int prepare_workload(void *arg, scal_work_t *w, const scal_config_t *cfg, char *err,
                            size_t errlen)
{
    (void)arg;
    return scal_work_prepare(w, cfg, err, errlen);
}

int scal_mpi_main(int argc, char **argv)
{
    const char *prog = "scal-mpi";
    int provided, rank;
    /* Threads inside ranks call MPI themselves (remote workers), so ask for
     * MULTIPLE; a single-threaded run needs only FUNNELED. */
    MPI_Init_thread(&argc, &argv, MPI_THREAD_MULTIPLE, &provided);
    MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
    SCAL_MPI_TRY(MPI_Comm_rank(MPI_COMM_WORLD, &rank));

    char err[1024] = "";
    scal_config_t cfg;
    scal_config_defaults(&cfg, prog, "mpi");
    /* Every rank parses the same command line and reaches the same verdict;
     * only rank 0 speaks. */
    FILE *quiet = rank == 0 ? stdout : fopen("/dev/null", "w");
    int rc = scal_cli_parse(&cfg, argc, argv, quiet ? quiet : stdout, err, sizeof err);
    if (quiet && quiet != stdout)
        fclose(quiet);
    if (rc != SCAL_CLI_OK) {
        if (rc == SCAL_CLI_ERROR && rank == 0)
            fprintf(stderr, "%s: %s\n", prog, err);
        MPI_Finalize();
        return rc == SCAL_CLI_EXIT ? 0 : 2;
    }
    if (cfg.topology) {
        if (rank == 0) {
            scal_topo_t *topo = scal_topo_load(err, sizeof err);
            if (topo)
                scal_topo_print(topo, stdout);
            else
                fprintf(stderr, "%s: %s\n", prog, err);
            scal_topo_free(topo);
        }
        MPI_Finalize();
        return 0;
    }
    /* Rank 0 checks the files (on other nodes they may not be visible),
     * before anything is read or written. */
    int ok = rank != 0 || scal_cli_check_files(&cfg, err, sizeof err) == 0, all;
    SCAL_MPI_TRY(MPI_Allreduce(&ok, &all, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD));
    if (!all) {
        if (!ok)
            fprintf(stderr, "%s: %s\n", prog, err);
        MPI_Finalize();
        return 2;
    }
    if (cfg.threads > 1 && provided < MPI_THREAD_MULTIPLE) {
        if (rank == 0)
            fprintf(stderr, "%s: --threads %d needs MPI_THREAD_MULTIPLE; this MPI gives level %d\n",
                    prog, cfg.threads, provided);
        MPI_Finalize();
        return 2;
    }
    scal_work_t work;
    const scal_mpi_sink_t sink = {.out = rank == 0 ? stdout : NULL, .diag = stderr};
    int status = scal_mpi_run(&cfg, provided, prepare_workload, NULL, &work, &sink, err,
                              sizeof err);
    MPI_Finalize();
    return status;
}
