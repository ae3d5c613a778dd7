/* report.c - validation, statistics, records and result files for every
 * engine. */
#include "scal_report.h"

#include <inttypes.h>
#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "scal_stats.h"
#include "scal_sys.h"
#include "scal_time.h"

void scal_task_run_logged(const scal_work_t *w, uint64_t task, void *scratch,
                          const scal_yield_t *y, scal_result_t *results, scal_tasklog_t *log,
                          double t0, int worker)
{
    double start = scal_now();
    if (y && y->task_begin)
        y->task_begin(y->arg);
    w->wl->run(w, task, scratch, y, results);
    if (y && y->task_end)
        y->task_end(y->arg);
    double end = scal_now();
    scal_tasklog_t *l = &log[task];
    l->start_s = start - t0;
    l->end_s = end - t0;
    l->busy_s = end - start - (y && y->waited ? y->waited(y->arg) : 0.0);
    l->worker = worker;
    l->cpu = sched_getcpu();
}

struct scal_report {
    const scal_config_t *cfg;
    const scal_work_t *work;
    FILE *out;
    scal_outfile_t outf, tracef;
    int have_out, have_trace;
    const scal_rep_t *last;   /* the engine's arrays of the last repetition */
    scal_rep_t last_copy;
    int nreps, nvalid;
    double *walls, *sums, *speedups, *firsts;
    double *balance, *others, *steal, *nivcsw; /* per repetition; NaN: unknown */
    double *busy;                              /* per worker, this repetition */
    int nnoisy;
    uint64_t checksum;
    int checksum_stable;
    int workers;
    pthread_mutex_t emit_lock;
    uint64_t emitted;
    FILE *diag;               /* where failures are explained (NULL: nowhere) */
    char why[512];            /* the first failure, for scal_report_finish */
};

/* Explain a failure on diag, and keep the first explanation. */
static void say(scal_report_t *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(scal_report_t *r, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (r->diag)
        fprintf(r->diag, "%s: %s\n", r->cfg->prog, msg);
    if (!r->why[0])
        snprintf(r->why, sizeof r->why, "%s", msg);
}

void scal_report_set_diag(scal_report_t *r, FILE *diag)
{
    r->diag = diag;
}

static void report_free(scal_report_t *r)
{
    if (!r)
        return;
    double *arrays[] = {r->walls,  r->sums,  r->speedups, r->firsts, r->balance,
                        r->others, r->steal, r->nivcsw,   r->busy};
    for (size_t i = 0; i < sizeof arrays / sizeof arrays[0]; i++)
        free(arrays[i]);
    free(r);
}

static void human_banner(const scal_report_t *r, const scal_record_t *t)
{
    const scal_config_t *c = r->cfg;
    fprintf(r->out, "%s %s: %" PRIu64 " tasks on %d %s, pool %s (chunk %" PRIu64 ")%s\n",
            c->prog, c->workload, r->work->ntasks, t->workers,
            strcmp(t->engine, "mpi") == 0 ? "workers (ranks x threads)"
                                          : (t->workers == 1 ? "thread" : "threads"),
            t->pool, t->chunk,
            t->gil ? ", emulated GIL" : "");
}

scal_report_t *scal_report_open(const scal_config_t *cfg, const scal_work_t *work,
                                const scal_record_t *tmpl, FILE *out, char *err, size_t errlen)
{
    scal_report_t *r = calloc(1, sizeof *r);
    size_t n = (size_t)cfg->repeat;
    if (!r || !(r->walls = calloc(n, sizeof(double))) || !(r->sums = calloc(n, sizeof(double))) ||
        !(r->speedups = calloc(n, sizeof(double))) || !(r->firsts = calloc(n, sizeof(double))) ||
        !(r->balance = calloc(n, sizeof(double))) || !(r->others = calloc(n, sizeof(double))) ||
        !(r->steal = calloc(n, sizeof(double))) || !(r->nivcsw = calloc(n, sizeof(double))) ||
        !(r->busy = calloc((size_t)tmpl->workers, sizeof(double)))) {
        snprintf(err, errlen, "out of memory");
        report_free(r);
        return NULL;
    }
    r->cfg = cfg;
    r->work = work;
    r->out = out;
    r->workers = tmpl->workers;
    r->checksum_stable = 1;
    r->diag = stderr;
    pthread_mutex_init(&r->emit_lock, NULL);
    if (cfg->out_path) {
        if (scal_outfile_open(&r->outf, cfg->out_path, err, errlen) != 0)
            goto fail;
        r->have_out = 1;
    }
    if (cfg->trace_path) {
        if (scal_outfile_open(&r->tracef, cfg->trace_path, err, errlen) != 0)
            goto fail;
        r->have_trace = 1;
    }
    if (!out)
        return r;
    if (cfg->format == SCAL_FMT_CSV)
        scal_record_csv_header(out);
    else if (cfg->format == SCAL_FMT_HUMAN)
        human_banner(r, tmpl);
    fflush(out);
    return r;
fail:
    if (r->have_out)
        scal_outfile_abort(&r->outf);
    report_free(r);
    return NULL;
}

static void human_tasks(scal_report_t *r, const scal_rep_t *m)
{
    const scal_work_t *w = r->work;
    uint64_t shown = w->ntasks < (uint64_t)r->cfg->show ? w->ntasks : (uint64_t)r->cfg->show;
    if (shown > 0)
        fprintf(r->out, "\n  %6s  %-36s %10s %10s %7s %4s\n", "task", "result", "start_s", "time_s",
            "worker", "cpu");
    for (uint64_t k = 0; k < shown; k++) {
        char desc[96] = "";
        if (w->ntasks == w->nresults)
            w->wl->describe(desc, sizeof desc, k, m->results);
        const scal_tasklog_t *l = &m->log[k];
        fprintf(r->out, "  %6" PRIu64 "  %-36s %10.4f %10.4f %7d %4d\n", k, desc, l->start_s,
                l->busy_s, l->worker, l->cpu);
    }
    if (shown > 0 && shown < w->ntasks)
        fprintf(r->out, "  ... %" PRIu64 " more tasks (--show N lists more)\n", w->ntasks - shown);
    fprintf(r->out, "\n  %4s %10s %12s %8s %10s %15s %s\n", "rep", "wall_s", "task_sum_s",
            "speedup", "efficiency", "first_result_s", "valid");
}

/* busy_mean_s and busy_max_s: each worker's sum of task times, over every
 * worker (one that ran no task counts as 0). */
static void busy_per_worker(scal_report_t *r, const scal_rep_t *m, scal_record_t *rec)
{
    const int W = r->workers;
    memset(r->busy, 0, (size_t)W * sizeof *r->busy);
    for (uint64_t k = 0; k < r->work->ntasks; k++) {
        int w = m->log[k].worker;
        if (w >= 0 && w < W)
            r->busy[w] += m->log[k].busy_s;
    }
    double sum = 0, mx = 0;
    for (int w = 0; w < W; w++) {
        sum += r->busy[w];
        mx = r->busy[w] > mx ? r->busy[w] : mx;
    }
    rec->busy_mean_s = W > 0 ? sum / W : NAN;
    rec->busy_max_s = W > 0 ? mx : NAN;
}

/* Median of the known values of v[0..n-1] into *med; returns how many. */
static size_t known_median(const double *v, size_t n, double *med)
{
    double *k = malloc((n ? n : 1) * sizeof *k);
    size_t m = 0;
    for (size_t i = 0; k && i < n; i++)
        if (!isnan(v[i]))
            k[m++] = v[i];
    scal_stats_t st;
    if (m > 0 && scal_stats_compute(k, m, &st) == 0)
        *med = st.median;
    else
        m = 0;
    free(k);
    return m;
}

/* When the pool handed back its first result (see scal_rep_t). */
static double first_result(int pool, const scal_rep_t *m, uint64_t ntasks)
{
    double first = m->arrived ? m->arrived[0] : m->log[0].end_s;
    if (pool == SCAL_POOL_AS_COMPLETED)
        for (uint64_t k = 1; k < ntasks; k++) {
            double t = m->arrived ? m->arrived[k] : m->log[k].end_s;
            first = t < first ? t : first;
        }
    return first;
}

int scal_report_rep(scal_report_t *r, int rep, const scal_rep_t *m, scal_record_t *rec)
{
    const scal_work_t *w = r->work;
    char why[256] = "";
    uint64_t bad = scal_work_validate(w, m->results, why, sizeof why);
    uint64_t sum_check = scal_checksum(m->results, 0, w->nresults);

    double sum = 0, mn = 0, mx = 0;
    for (uint64_t k = 0; k < w->ntasks; k++) {
        double b = m->log[k].busy_s;
        sum += b;
        if (k == 0 || b < mn)
            mn = b;
        if (k == 0 || b > mx)
            mx = b;
    }
    rec->rep = rep;
    rec->tasks = w->ntasks;
    rec->wall_s = m->wall_s;
    if (w->wl->figure) {
        rec->fom = w->wl->figure(w, m->wall_s);
        snprintf(rec->fom_unit, sizeof rec->fom_unit, "%s", w->wl->figure_unit);
    }
    rec->task_sum_s = sum;
    rec->task_min_s = mn;
    rec->task_max_s = mx;
    rec->first_result_s = first_result(r->cfg->pool, m, w->ntasks);
    rec->checksum = sum_check;
    rec->valid = bad == 0;
    scal_record_derive(rec);
    busy_per_worker(r, m, rec);
    scal_noise_combine(m->noise, m->nnoise, rec);

    if (r->nreps > 0 && sum_check != r->checksum)
        r->checksum_stable = 0;
    r->checksum = sum_check;
    r->walls[r->nreps] = m->wall_s;
    r->sums[r->nreps] = sum;
    r->speedups[r->nreps] = rec->speedup;
    r->firsts[r->nreps] = rec->first_result_s;
    r->balance[r->nreps] = rec->busy_max_s > 0 ? rec->busy_mean_s / rec->busy_max_s : NAN;
    r->others[r->nreps] = rec->others_running;
    r->steal[r->nreps] = rec->steal_s;
    r->nivcsw[r->nreps] = rec->nivcsw >= 0 ? (double)rec->nivcsw : NAN;
    r->nnoisy += rec->noisy == 1;
    r->nreps++;
    r->nvalid += rec->valid;
    r->last_copy = *m;
    r->last = &r->last_copy;

    switch (r->out ? r->cfg->format : -1) {
    case -1:
        break;
    case SCAL_FMT_CSV:
        scal_record_csv(r->out, rec);
        break;
    case SCAL_FMT_JSON:
        scal_record_json(r->out, rec);
        break;
    default:
        if (rep == 1)
            human_tasks(r, m);
        fprintf(r->out, "  %4d %10.4f %12.4f %8.3f %10.3f %15.4f %s%s", rep, m->wall_s, sum,
                rec->speedup, rec->efficiency, rec->first_result_s,
                rec->valid ? "yes" : "NO", rec->noisy == 1 ? "  noisy" : "");
        if (!isnan(rec->fom))   /* the workload's figure of merit (triad: GB/s) */
            fprintf(r->out, "  %.3f %s", rec->fom, rec->fom_unit);
        fputc('\n', r->out);
    }
    if (bad)
        say(r, "repetition %d: %" PRIu64 " of %" PRIu64 " results failed validation: %s", rep, bad,
            w->nresults, why);
    if (r->out)
        fflush(r->out);
    return rec->valid;
}

void scal_report_emit(scal_report_t *r, int rep, uint64_t task, const scal_result_t *results,
                      double t_s)
{
    if (r->cfg->format != SCAL_FMT_HUMAN || rep != 1 || !r->out)
        return;
    pthread_mutex_lock(&r->emit_lock);
    if (r->emitted == 0)
        fprintf(r->out, "\n  results as they complete:\n");
    if (r->emitted < (uint64_t)r->cfg->show) {
        char desc[96] = "";
        if (r->work->ntasks == r->work->nresults)
            r->work->wl->describe(desc, sizeof desc, task, results);
        fprintf(r->out, "  %8.4f s  task %" PRIu64 ": %s\n", t_s, task, desc);
        fflush(r->out);
    }
    r->emitted++;
    pthread_mutex_unlock(&r->emit_lock);
}

static void write_trace(scal_report_t *r)
{
    FILE *fp = r->tracef.fp;
    const scal_rep_t *m = r->last;
    fprintf(fp, "task,worker,cpu,start_s,end_s,result\n");
    for (uint64_t k = 0; k < r->work->ntasks; k++) {
        char desc[96] = "";
        if (r->work->ntasks == r->work->nresults)
            r->work->wl->describe(desc, sizeof desc, k, m->results);
        const scal_tasklog_t *l = &m->log[k];
        fprintf(fp, "%" PRIu64 ",%d,%d,%.9f,%.9f,\"%s\"\n", k, l->worker, l->cpu, l->start_s,
                l->end_s, desc);
    }
}

static void write_out(scal_report_t *r)
{
    FILE *fp = r->outf.fp;
    fprintf(fp, "%s\n", r->work->wl->out_header);
    for (uint64_t k = 0; k < r->work->nresults; k++)
        r->work->wl->out_row(fp, k, r->last->results);
}

/* Two lines: load balance, and the noise monitor's verdict with its
 * evidence (medians over repetitions). */
static void human_noise(scal_report_t *r)
{
    const size_t n = (size_t)r->nreps;
    double bal, others, steal, sw;
    if (known_median(r->balance, n, &bal))
        fprintf(r->out, "  load balance       %10.3f     busy mean / max over workers\n", bal);
    if (!known_median(r->others, n, &others)) {
        fprintf(r->out, "  noise              not monitored\n");
        return;
    }
    char st[32] = "n/a", nv[32] = "n/a";
    if (known_median(r->steal, n, &steal))
        snprintf(st, sizeof st, "%.3f s", steal);
    if (known_median(r->nivcsw, n, &sw))
        snprintf(nv, sizeof nv, "%.0f", sw);
    fprintf(r->out,
            "  noise              %d of %d repetitions noisy; others running %.2f, steal %s, "
            "involuntary switches %s\n",
            r->nnoisy, r->nreps, others, st, nv);
}

static void human_summary(scal_report_t *r)
{
    scal_stats_t wall, sum, sp, first;
    scal_stats_compute(r->walls, (size_t)r->nreps, &wall);
    scal_stats_compute(r->sums, (size_t)r->nreps, &sum);
    scal_stats_compute(r->speedups, (size_t)r->nreps, &sp);
    scal_stats_compute(r->firsts, (size_t)r->nreps, &first);
    const char *of = r->nreps > 1 ? " (median of repetitions)" : "";
    fprintf(r->out, "\n  sum of task times  %10.4f s%s\n", sum.median, of);
    fprintf(r->out, "  wall time          %10.4f s   min %.4f  max %.4f\n", wall.median, wall.min,
            wall.max);
    fprintf(r->out, "  speedup            %10.3f     sum / wall\n", sp.median);
    fprintf(r->out, "  efficiency         %10.3f     speedup / %d workers\n",
            sp.median / r->workers, r->workers);
    fprintf(r->out, "  first result       %10.4f s\n", first.median);
    fprintf(r->out, "  checksum           %016" PRIx64 "%s\n", r->checksum,
            r->checksum_stable ? "" : "  (DIFFERS between repetitions)");
    fprintf(r->out, "  validation         %s\n",
            r->nvalid == r->nreps ? "every result checked: valid" : "FAILED");
    human_noise(r);
}

int scal_report_close(scal_report_t *r)
{
    return scal_report_finish(r, NULL, 0);
}

int scal_report_finish(scal_report_t *r, char *why, size_t whylen)
{
    int ok = r->nreps > 0 && r->nvalid == r->nreps && r->checksum_stable;
    char err[512];
    if (r->out && r->cfg->format == SCAL_FMT_HUMAN && r->nreps > 0)
        human_summary(r);
    if (r->out)
        fflush(r->out);
    if (!r->checksum_stable)
        say(r, "the checksum differs between repetitions");
    struct {
        int have;
        scal_outfile_t *f;
        void (*write)(scal_report_t *);
    } files[] = {{r->have_out, &r->outf, write_out}, {r->have_trace, &r->tracef, write_trace}};
    for (size_t i = 0; i < 2; i++) {
        if (!files[i].have)
            continue;
        if (!ok) {
            scal_outfile_abort(files[i].f);
            continue;
        }
        /* The temporary is made only now, with the result in hand. */
        if (scal_outfile_begin(files[i].f, err, sizeof err) != 0) {
            say(r, "%s", err);
            scal_outfile_abort(files[i].f);
            ok = 0;
            continue;
        }
        files[i].write(r);
        if (scal_outfile_commit(files[i].f, err, sizeof err) != 0) {
            say(r, "%s", err);
            ok = 0;
        }
    }
    if (!ok && why && whylen)
        snprintf(why, whylen, "%s", r->why[0] ? r->why : "no repetition was measured");
    pthread_mutex_destroy(&r->emit_lock);
    report_free(r);
    return ok ? 0 : 1;
}
