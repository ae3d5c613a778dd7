/* engine.c - scal-omp: tasks over OpenMP threads.
 *
 * The three pools of concurrent.futures, on threads that share memory:
 *   map           static: worker w runs chunks w, w+T, w+2T, ... (K tasks each)
 *   submit        dynamic: workers take the next K tasks from a shared counter;
 *                 results are reported in task order
 *   as-completed  dynamic, and each result is delivered the moment its task
 *                 ends (streamed in the human report)
 * With --gil every task runs under an emulated global interpreter lock (gil.h)
 * that it releases only at switch points and while it sleeps.
 *
 * Timing: a repetition starts when all threads are ready (after a barrier)
 * and ends when the parallel region has joined.  Each task is timed on its
 * own; time spent waiting for the GIL is not the task's work and is taken
 * out of busy_s, so speedup = sum of busy / wall stays honest under the GIL.
 * The noise monitor (scal_noise.h) reads its edges outside the timed region:
 * in the single that sets t0, and after the join. */
#include "scal_omp.h"

#include <inttypes.h>
#include <omp.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gil.h"
#include "scal_cli.h"
#include "scal_graph.h"
#include "scal_noise.h"
#include "scal_place.h"
#include "scal_report.h"
#include "scal_sys.h"
#include "scal_time.h"
#include "scal_workload.h"

typedef struct engine {
    const scal_omp_sink_t *sink;
    const scal_config_t *cfg;
    const scal_work_t *work;
    scal_report_t *report;
    scal_result_t *results;
    scal_tasklog_t *log;
    scal_place_t place;   /* where each worker is bound and ran */
    int nthreads;
    uint64_t chunk;
    scal_gil_t gil;
    int threads_ok;
    scal_noise_t *noise;  /* the noise monitor */
} engine_t;

/* What a task's kernel sees as its yield hooks under the GIL. */
typedef struct gil_thread {
    scal_gil_t *gil;
    double waited;
} gil_thread_t;

static void gil_tick(void *arg)
{
    gil_thread_t *t = arg;
    t->waited += scal_gil_switch_point(t->gil);
}

static void gil_block_begin(void *arg)
{
    gil_thread_t *t = arg;
    scal_gil_drop(t->gil, 0);
}

static void gil_block_end(void *arg)
{
    gil_thread_t *t = arg;
    t->waited += scal_gil_take(t->gil);
}

static void gil_task_begin(void *arg)
{
    gil_thread_t *t = arg;
    t->waited = scal_gil_take(t->gil);
}

static double gil_waited(void *arg)
{
    return ((gil_thread_t *)arg)->waited;
}

/* Task k has ended on a streaming pool: the human report prints it, the
 * caller's callback gets it. */
static void emit(engine_t *e, int rep, uint64_t k)
{
    scal_report_emit(e->report, rep, k, e->results, e->log[k].end_s);
    if (e->sink->on_result)
        e->sink->on_result(e->sink->arg, k, e->results, e->log[k].end_s);
}

/* Run tasks [first, first + n) on worker `me`. */
static void run_tasks(engine_t *e, int stream, int rep, int me, uint64_t first, uint64_t n,
                      double t0, void *scratch, const scal_yield_t *y)
{
    for (uint64_t k = first; k < first + n; k++) {
        scal_task_run_logged(e->work, k, scratch, y, e->results, e->log, t0, me);
        if (stream)
            emit(e, rep, k);
    }
}

/* What one worker does in a repetition; `next` is the shared counter. */
typedef void dispatch_fn(engine_t *e, int stream, int rep, int me, double t0, void *scratch,
                         const scal_yield_t *y, atomic_uint_fast64_t *next);

/* Static: worker me runs chunks me, me + T, me + 2T, ... */
static void dispatch_static(engine_t *e, int stream, int rep, int me, double t0, void *scratch,
                           const scal_yield_t *y, atomic_uint_fast64_t *next)
{
    (void)next;
    const uint64_t ntasks = e->work->ntasks, chunk = e->chunk, T = (uint64_t)e->nthreads;
    for (uint64_t c = (uint64_t)me * chunk; c < ntasks; c += T * chunk)
        run_tasks(e, stream, rep, me, c, c + chunk <= ntasks ? chunk : ntasks - c, t0, scratch, y);
}

/* Dynamic: the next chunk from the shared counter. */
static void dispatch_dynamic(engine_t *e, int stream, int rep, int me, double t0, void *scratch,
                             const scal_yield_t *y, atomic_uint_fast64_t *next)
{
    const uint64_t ntasks = e->work->ntasks, chunk = e->chunk;
    for (;;) {
        uint64_t c = atomic_fetch_add_explicit(next, chunk, memory_order_relaxed);
        if (c >= ntasks)
            break;
        run_tasks(e, stream, rep, me, c, c + chunk <= ntasks ? chunk : ntasks - c, t0, scratch, y);
    }
}

/* The pools, one row each (indexed by scal_pool_t): how tasks reach the
 * workers, whether results stream as they complete, and whether the
 * default chunk is one block per worker (else one task). */
static const struct pool_row {
    dispatch_fn *dispatch;
    int streams;
    int block_chunk;
} pools[] = {
    [SCAL_POOL_MAP] = {dispatch_static, 0, 1},
    [SCAL_POOL_SUBMIT] = {dispatch_dynamic, 0, 0},
    [SCAL_POOL_AS_COMPLETED] = {dispatch_dynamic, 1, 0},
};

/* Lay the workload's shared data over fresh memory and fill it with the
 * threads that will search it (first touch puts pages near them).
 * Returns the memory, or NULL with err set (exit 2: it does not fit, or
 * the input is bad). */
static void *place_shared(scal_work_t *w, int T, char *err, size_t errlen)
{
    if (scal_mem_check(w->shared_bytes, w->shared_what, NULL, err, errlen) != 0)
        return NULL;
    void *mem = scal_big_alloc(w->shared_bytes);
    if (!mem) {
        snprintf(err, errlen, "cannot allocate %zu bytes for %s", w->shared_bytes,
                 w->shared_what);
        return NULL;
    }
    int failed = w->wl->attach(w, mem, err, errlen) != 0;
    for (int phase = 0; !failed && phase < w->wl->fill_phases; phase++) {
#pragma omp parallel num_threads(T)
        {
            char my_err[512];
            if (w->wl->fill(w, phase, omp_get_thread_num(), T, my_err, sizeof my_err) != 0) {
#pragma omp critical
                {
                    failed = 1;
                    snprintf(err, errlen, "%s", my_err);
                }
            }
        }
    }
    if (failed) {
        scal_big_free(mem, w->shared_bytes);
        return NULL;
    }
    return mem;
}

/* One repetition; rep 0 is a warm-up.  Returns the wall time; *noise gets
 * the monitor's evidence. */
static double run_rep(engine_t *e, int rep, scal_noise_rep_t *noise)
{
    const int T = e->nthreads;
    const struct pool_row *row = &pools[e->cfg->pool];
    const int stream = row->streams && rep == 1 &&
                       (e->cfg->format == SCAL_FMT_HUMAN || e->sink->on_result);
    atomic_uint_fast64_t next;
    atomic_init(&next, 0);
    double t0 = 0;
    int ok = 1;

#pragma omp parallel num_threads(T) shared(t0, ok, next)
    {
        const int me = omp_get_thread_num();
        if (scal_place_bind_self(&e->place, me) != 0) {
#pragma omp atomic write
            ok = 0;
        }
        if (omp_get_num_threads() != T) {
#pragma omp atomic write
            ok = 0;
        }
        gil_thread_t gt = {&e->gil, 0.0};
        /* Under the GIL a task takes the lock to start and drops it (as
         * at a blocking call) when done. */
        scal_yield_t y = {.tick = gil_tick,
                          .block_begin = gil_block_begin,
                          .block_end = gil_block_end,
                          .task_begin = gil_task_begin,
                          .task_end = gil_block_begin,
                          .waited = gil_waited,
                          .arg = &gt};
        const scal_yield_t *yp = e->cfg->gil ? &y : NULL;
        /* made by the worker itself, so its pages are near it */
        void *scratch = scal_work_scratch_new(e->work);
        scal_noise_worker_begin(e->noise, me);

#pragma omp barrier
#pragma omp single
        {
            scal_noise_begin(e->noise);
            t0 = scal_now();
        }
        /* the implied barrier of single publishes t0 and starts everyone */

        if (ok)
            row->dispatch(e, stream, rep, me, t0, scratch, yp, &next);
        scal_noise_worker_end(e->noise, me, sched_getcpu());
        scal_place_note_pu(&e->place, me);
        scal_work_scratch_free(e->work, scratch);
    }
    double wall = scal_now() - t0;
    scal_noise_end(e->noise, noise);
    e->threads_ok = ok;
    return wall;
}

static void fill_cpus(const engine_t *e, int *pairs, scal_record_t *rec)
{
    scal_place_pairs(&e->place, pairs);
    scal_place_format_cpus(rec->cpus, sizeof rec->cpus, pairs, e->nthreads);
}

static void fill_template(const engine_t *e, double setup_s, scal_record_t *rec)
{
    scal_record_init(rec, "omp", e->cfg, e->work, scal_bind_name(e->place.policy), e->chunk,
                     setup_s);
    rec->matrix_bytes_per_node = e->work->shared_bytes;
    rec->threads = rec->workers = e->nthreads;
    rec->oversubscribed = e->place.oversubscribed;
}

/* Print a warning where the caller wants diagnostics (nowhere: NULL). */
static void warn(const scal_omp_sink_t *sink, const char *prog, const char *msg)
{
    if (sink->diag)
        fprintf(sink->diag, "%s: %s\n", prog, msg);
}

int scal_omp_run(const scal_config_t *cfg, scal_work_t *work, const scal_omp_sink_t *sink,
                 char *err, size_t errlen)
{
    /* One way out: every early exit frees what was made so far (e is
     * zeroed, so its pointers free as NULL), and the status is the only
     * difference between the exits. */
    engine_t e = {0};
    e.sink = sink;
    e.cfg = cfg;
    e.nthreads = cfg->threads;
    double t_setup = scal_now();
    void *shared = NULL;
    int *pairs = NULL, gil_ok = 0, status = 2;
    if (work->shared_bytes && !(shared = place_shared(work, e.nthreads, err, errlen)))
        goto done;
    /* --write-graph: its path was checked before, so a failure here is a
     * failed write (disk full): exit 1. */
    if (shared && work->wl->after_fill && work->wl->after_fill(work, 1, err, errlen) != 0) {
        status = 1;
        goto done;
    }
    double setup_s = scal_now() - t_setup;
    e.work = work;
    e.chunk = cfg->chunk;
    if (e.chunk == 0)
        e.chunk = pools[cfg->pool].block_chunk
                      ? (work->ntasks + (uint64_t)e.nthreads - 1) / (uint64_t)e.nthreads
                      : 1;

    e.results = calloc(work->nresults, sizeof *e.results);
    e.log = calloc(work->ntasks, sizeof *e.log);
    pairs = calloc(2 * (size_t)e.nthreads, sizeof *pairs);
    if (!e.results || !e.log || !pairs || !(gil_ok = scal_gil_init(&e.gil, cfg->switch_interval) == 0)) {
        snprintf(err, errlen, "out of memory for %" PRIu64 " tasks", work->ntasks);
        goto done;
    }
    omp_set_dynamic(0);
    if (scal_place_init(&e.place, (scal_bind_policy_t)cfg->bind, e.nthreads, 0, e.nthreads, err,
                        errlen) != 0) {
        status = 1;
        goto done;
    }
    if (cfg->report_bindings && sink->diag)
        scal_place_report(&e.place, sink->diag, 0);
    cpu_set_t cpus;
    scal_place_cpuset(&e.place, &cpus);
    if (!(e.noise = scal_noise_open(e.nthreads, &cpus, 0, err, errlen)))
        goto done;

    scal_record_t rec;
    fill_template(&e, setup_s, &rec);
    char msg[512];
    if (rec.oversubscribed && scal_bind_format_oversub(msg, sizeof msg, e.place.topo, e.nthreads) >= 0)
        warn(sink, cfg->prog, msg);
    e.report = scal_report_open(cfg, work, &rec, sink->out, err, errlen);
    if (!e.report)
        goto done;
    scal_report_set_diag(e.report, sink->diag);

    int failed = 0;
    for (int rep = -cfg->warmup + 1; rep <= cfg->repeat; rep++) {
        memset(e.results, 0, work->nresults * sizeof *e.results);
        scal_noise_rep_t noise;
        double wall = run_rep(&e, rep, &noise);
        if (!e.threads_ok) {
            snprintf(err, errlen,
                     "the OpenMP runtime did not start %d threads, or binding them failed",
                     e.nthreads);
            /* said now, before the summary, where diagnostics go */
            warn(sink, cfg->prog, err);
            failed = 1;
            break;
        }
        if (rep < 1)
            continue;
        fill_cpus(&e, pairs, &rec);
        rec.pss_bytes = scal_pss_bytes();
        scal_rep_t m = {wall, e.log, e.results, NULL, &noise, 1};
        scal_report_rep(e.report, rep, &m, &rec);
        if (sink->on_rep)
            sink->on_rep(sink->arg, rep, &rec, e.log, e.results);
    }
    /* The report says why on diag; err gets it for a caller without one. */
    if (failed) {
        scal_report_finish(e.report, NULL, 0);
        status = 1;
    } else {
        status = scal_report_finish(e.report, err, errlen);
    }
    if (sink->diag)
        err[0] = '\0';
done:
    scal_noise_close(e.noise);
    if (gil_ok)
        scal_gil_destroy(&e.gil);
    free(e.results);
    free(e.log);
    free(pairs);
    scal_big_free(shared, work->shared_bytes);
    scal_place_free(&e.place);
    return status;
}

int scal_omp_main(int argc, char **argv)
{
    const char *prog = "scal-omp";
    char err[1024] = "";
    scal_config_t cfg;
    scal_config_defaults(&cfg, prog, "omp");
    int rc = scal_cli_parse(&cfg, argc, argv, stdout, err, sizeof err);
    if (rc == SCAL_CLI_EXIT)
        return 0;
    if (rc != SCAL_CLI_OK) {
        fprintf(stderr, "%s: %s\n", prog, err);
        return 2;
    }
    /* Before anything is read or written: no output onto an input or
     * another output, every output writable. */
    if (!cfg.topology && scal_cli_check_files(&cfg, err, sizeof err) != 0) {
        fprintf(stderr, "%s: %s\n", prog, err);
        return 2;
    }

    if (cfg.topology) {
        scal_topo_t *topo = scal_topo_load(err, sizeof err);
        if (!topo) {
            fprintf(stderr, "%s: %s\n", prog, err);
            return 1;
        }
        scal_topo_print(topo, stdout);
        scal_topo_free(topo);
        return 0;
    }

    scal_work_t work = {0};
    int status = 2;
    if (scal_work_prepare(&work, &cfg, err, sizeof err) == 0) {
        const scal_omp_sink_t sink = {.out = stdout, .diag = stderr};
        err[0] = '\0';
        status = scal_omp_run(&cfg, &work, &sink, err, sizeof err);
    }
    if (status && err[0])
        fprintf(stderr, "%s: %s\n", prog, err);
    scal_work_release(&work);
    return status;
}
