/* report.c - summary.csv and summary.md from runs.csv (see report.h). */
#include "report.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "runs.h"
#include "scal_stats.h"
#include "stats.h"

static const double sr_predict_at[SR_NPREDICT] = SR_PREDICT_AT;

char *sr_curve_title(const sr_curve_t *c)
{
    return c->label[0] ? sr_xasprintf("%s %s", c->series, c->label) : sr_xstrdup(c->series);
}

/* Which sweep columns vary within each series: only those name a curve. */
typedef struct sr_varying {
    sr_strv_t series;
    sr_strv_t first;       /* nseries x ncols first values, row-major */
    unsigned char *varies; /* nseries x ncols */
} sr_varying_t;

static size_t sr_varying_index(sr_varying_t *v, const char *series, const sr_csv_t *csv, size_t r,
                               const int *cols, size_t ncols)
{
    for (size_t i = 0; i < v->series.n; i++)
        if (strcmp(v->series.v[i], series) == 0)
            return i;
    sr_strv_push(&v->series, series);
    for (size_t c = 0; c < ncols; c++)
        sr_strv_push(&v->first, sr_csv_get(csv, r, cols[c]));
    v->varies = sr_xrealloc(v->varies, v->series.n * (ncols ? ncols : 1));
    memset(v->varies + (v->series.n - 1) * ncols, 0, ncols);
    return v->series.n - 1;
}

static sr_curve_t *sr_curve_for(sr_summary_t *sum, const char *series, const char *label)
{
    for (size_t i = 0; i < sum->n; i++)
        if (strcmp(sum->c[i].series, series) == 0 && strcmp(sum->c[i].label, label) == 0)
            return &sum->c[i];
    sum->c = sr_xrealloc(sum->c, (sum->n + 1) * sizeof *sum->c);
    sr_curve_t *c = &sum->c[sum->n++];
    *c = (sr_curve_t){.series = sr_xstrdup(series), .label = sr_xstrdup(label), .f = NAN,
                      .sched_overhead = NAN, .sched_max_err = NAN};
    return c;
}

static sr_level_t *sr_level_for(sr_curve_t *c, long workers)
{
    for (size_t i = 0; i < c->nlv; i++)
        if (c->lv[i].workers == workers)
            return &c->lv[i];
    c->lv = sr_xrealloc(c->lv, (c->nlv + 1) * sizeof *c->lv);
    sr_level_t *l = &c->lv[c->nlv++];
    *l = (sr_level_t){.workers = workers, .median = NAN, .min = NAN, .max = NAN, .speedup = NAN,
                      .efficiency = NAN, .karp_flatt = NAN, .ci_lo = NAN, .ci_hi = NAN, .sp_lo = NAN,
                      .sp_hi = NAN, .eff_lo = NAN, .eff_hi = NAN, .sched_speedup = NAN};
    for (int k = 0; k < SR_NEXTRA; k++)
        l->extra_median[k] = NAN;
    return l;
}

static int sr_cmp_level(const void *a, const void *b)
{
    long x = ((const sr_level_t *)a)->workers, y = ((const sr_level_t *)b)->workers;
    return (x > y) - (x < y);
}

static int sr_curve_weak(const sr_curve_t *c)
{
    return c->scaling && strncmp(c->scaling, "weak:", 5) == 0;
}

static void sr_curve_compute(sr_curve_t *c)
{
    qsort(c->lv, c->nlv, sizeof *c->lv, sr_cmp_level);
    const sr_level_t *base = NULL;
    for (size_t i = 0; i < c->nlv; i++) {
        sr_level_t *l = &c->lv[i];
        scal_stats_t st;
        if (l->nwalls == 0 || scal_stats_compute(l->walls, l->nwalls, &st) != 0)
            continue;
        l->median = st.median;
        l->min = st.min;
        l->max = st.max;
        for (int k = 0; k < SR_NEXTRA; k++) {
            size_t n = 0;
            for (size_t r = 0; r < l->nwalls; r++)
                if (isfinite(l->extra[k][r]))
                    l->extra[k][n++] = l->extra[k][r];
            if (n && scal_stats_compute(l->extra[k], n, &st) == 0)
                l->extra_median[k] = st.median;
        }
        if (!base)
            base = l;
    }
    if (!base)
        return;
    c->base_workers = base->workers;
    if (sr_curve_weak(c)) {
        /* Weak scaling: each worker has the base's share of work, so the
         * ideal is constant time.  Efficiency T(p0)/T(p); the scaled
         * (Gustafson) speedup p * efficiency; no Amdahl fit. */
        c->base_time = base->median;
        for (size_t i = 0; i < c->nlv; i++) {
            sr_level_t *l = &c->lv[i];
            if (l->nwalls == 0)
                continue;
            l->efficiency = base->median / l->median;
            l->speedup = l->efficiency * (double)l->workers;
        }
        return;
    }
    c->base_time = base->median * (double)base->workers;
    double *p = sr_xcalloc(c->nlv, sizeof *p), *s = sr_xcalloc(c->nlv, sizeof *s);
    size_t n = 0;
    for (size_t i = 0; i < c->nlv; i++) {
        sr_level_t *l = &c->lv[i];
        if (l->nwalls == 0)
            continue;
        l->speedup = c->base_time / l->median;
        l->efficiency = l->speedup / (double)l->workers;
        /* A scaled base has its speedup by assumption, not by measurement. */
        if (l == base && base->workers != 1)
            continue;
        l->karp_flatt = sr_karp_flatt(l->speedup, (double)l->workers);
        p[n] = (double)l->workers;
        s[n++] = l->speedup;
    }
    c->fit_points = sr_amdahl_fit_guarded(p, s, n, &c->f, &c->fit_avail);
    free(p);
    free(s);
}

int sr_summary_load(const char *dir, sr_summary_t *sum, sr_err_t *err)
{
    *sum = (sr_summary_t){0};
    char *path = sr_path_join(dir, "runs.csv");
    sr_buf_t why = {0};
    sr_csv_t csv = {0};
    int rc = -1;
    if (sr_runs_read(dir, &csv, &why) != 0) {
        sr_fail(err, SR_EXIT_USAGE, "%s", sr_buf_str(&why));
        goto out;
    }
    static const char *const need[] = {"series", "run_id", "sweep_workers", "status", "exit_code",
                                       "wall_s", "trace", "stderr_tail"};
    int scaling_col = sr_csv_col(&csv, "scaling"); /* absent: an older runs.csv, all strong */
    int better_col = sr_csv_col(&csv, "fom_better"),
        unit_col = sr_csv_col(&csv, "fom_unit");
    int pool_col = sr_csv_col(&csv, "pool");
    int col[8];
    for (int i = 0; i < 8; i++) {
        col[i] = sr_csv_col(&csv, need[i]);
        if (col[i] < 0) {
            sr_fail(err, SR_EXIT_USAGE, "%s: no column '%s'", path, need[i]);
            goto out;
        }
    }
    enum { SERIES, RUN_ID, WORKERS, STATUS, EXIT, WALL, TRACE, TAIL };
    static const char *const extra_names[] = {"first_result_s", "setup_s", "pss_bytes",
                                              "workers", "task_sum_s", "tasks"};
    enum { X_WORKERS = 3, X_TASK_SUM, X_TASKS, X_N };
    int extra_col[X_N];
    for (int k = 0; k < X_N; k++)
        extra_col[k] = sr_csv_col(&csv, extra_names[k]);
    static const char *const rep_names[SR_NREP] = SR_REP_FIELDS;
    int rep_col[SR_NREP];
    for (int k = 0; k < SR_NREP; k++)
        rep_col[k] = sr_csv_col(&csv, rep_names[k]);
    int sweep[64];
    size_t nsweep = 0;
    for (size_t i = 0; i < csv.rows[0].n && nsweep < 64; i++) {
        const char *h = csv.rows[0].f[i];
        if (strncmp(h, "sweep_", 6) == 0 && strcmp(h, "sweep_workers") != 0)
            sweep[nsweep++] = (int)i;
    }
    sr_varying_t v = {0};
    for (size_t r = 1; r < csv.nrows; r++) {
        size_t si = sr_varying_index(&v, sr_csv_get(&csv, r, col[SERIES]), &csv, r, sweep, nsweep);
        for (size_t k = 0; k < nsweep; k++)
            if (strcmp(v.first.v[si * nsweep + k], sr_csv_get(&csv, r, sweep[k])) != 0)
                v.varies[si * nsweep + k] = 1;
    }
    sr_strv_t ids = {0}, bad = {0};
    for (size_t r = 1; r < csv.nrows; r++) {
        const char *series = sr_csv_get(&csv, r, col[SERIES]);
        size_t si = sr_varying_index(&v, series, &csv, r, sweep, nsweep);
        sr_buf_t label = {0};
        for (size_t k = 0; k < nsweep; k++)
            if (v.varies[si * nsweep + k])
                sr_buf_printf(&label, "%s%s=%s", label.len ? " " : "", csv.rows[0].f[sweep[k]] + 6,
                              sr_csv_get(&csv, r, sweep[k]));
        sr_curve_t *c = sr_curve_for(sum, series, sr_buf_str(&label));
        sr_buf_free(&label);
        if (!c->scaling)
            c->scaling = sr_xstrdup(scaling_col >= 0 ? sr_csv_get(&csv, r, scaling_col) : "strong");
        const char *better = sr_csv_get(&csv, r, better_col);
        if (!c->fom_unit && better[0]) {
            c->fom_unit = sr_xstrdup(sr_csv_get(&csv, r, unit_col));
            c->fom_higher = strcmp(better, "higher") == 0;
        }
        if (!c->sched_pool && pool_col >= 0 && sr_csv_get(&csv, r, pool_col)[0])
            c->sched_pool = sr_xstrdup(sr_csv_get(&csv, r, pool_col));
        sr_level_t *l = sr_level_for(c, strtol(sr_csv_get(&csv, r, col[WORKERS]), NULL, 10));
        const char *id = sr_csv_get(&csv, r, col[RUN_ID]);
        int ok = strcmp(sr_csv_get(&csv, r, col[STATUS]), "ok") == 0;
        sum->rows++;
        /* A run is a point: its launches' rows (one round each) interleave
         * with other points'. It is not ok once one launch was not. */
        int seen = 0, seen_bad = 0;
        for (size_t k = 0; k < ids.n && !seen; k++)
            seen = strcmp(ids.v[k], id) == 0;
        for (size_t k = 0; k < bad.n && !seen_bad; k++)
            seen_bad = strcmp(bad.v[k], id) == 0;
        if (!seen) {
            sr_strv_push(&ids, id);
            sum->runs++;
        }
        if (!ok && !seen_bad) {
            sr_strv_push(&bad, id);
            l->not_ok++;
            sum->not_ok++;
            const char *tail = sr_csv_get(&csv, r, col[TAIL]);
            size_t tn = strlen(tail);
            sr_buf_printf(&sum->failures, "| `%s` | %s | %s | `%s` |\n", id, sr_csv_get(&csv, r, col[STATUS]),
                          sr_csv_get(&csv, r, col[EXIT]), tn > 200 ? tail + tn - 200 : tail);
        }
        if (!ok)
            continue;
        char *end;
        /* the wall time, or a command's figure of merit as a time */
        double wall = sr_runs_row_figure(&csv, r);
        if (isfinite(wall) && wall > 0) {
            l->walls = sr_xrealloc(l->walls, (l->nwalls + 1) * sizeof *l->walls);
            double x[X_N];
            for (int k = 0; k < X_N; k++) {
                const char *f = extra_col[k] >= 0 ? sr_csv_get(&csv, r, extra_col[k]) : "";
                x[k] = strtod(f, &end);
                if (end == f || !isfinite(x[k]))
                    x[k] = NAN;
            }
            /* p is the engine's worker count (ranks x threads), not the sweep's */
            double p = x[X_WORKERS], n = x[X_TASKS];
            x[SR_EXTRA_PER_TASK] = p > 0 && n > 0 ? p * wall / n : NAN;
            x[SR_EXTRA_OVERHEAD] = p > 0 && n > 0 ? (p * wall - x[X_TASK_SUM]) / n : NAN;
            for (int k = 0; k < SR_NEXTRA; k++) {
                l->extra[k] = sr_xrealloc(l->extra[k], (l->nwalls + 1) * sizeof *l->extra[k]);
                l->extra[k][l->nwalls] = x[k];
            }
            for (int k = 0; k < SR_NREP; k++) {
                const char *f = rep_col[k] >= 0 ? sr_csv_get(&csv, r, rep_col[k]) : "";
                double y = strtod(f, &end);
                l->rep[k] = sr_xrealloc(l->rep[k], (l->nwalls + 1) * sizeof *l->rep[k]);
                l->rep[k][l->nwalls] = end == f || !isfinite(y) ? NAN : y;
            }
            l->walls[l->nwalls++] = wall;
        }
        const char *trace = sr_csv_get(&csv, r, col[TRACE]);
        if (trace[0] && !l->trace) {
            char *tp = sr_path_join(dir, trace);
            if (access(tp, R_OK) == 0)
                l->trace = sr_xstrdup(trace);
            free(tp);
        }
        if (trace[0] && l->workers >= c->trace_workers) {
            char *tp = sr_path_join(dir, trace);
            if (access(tp, R_OK) == 0) {
                free(c->trace);
                free(c->trace_id);
                c->trace = sr_xstrdup(trace);
                c->trace_id = sr_xstrdup(id);
                c->trace_workers = l->workers;
            }
            free(tp);
        }
    }
    for (size_t i = 0; i < sum->n; i++)
        sr_curve_compute(&sum->c[i]);
    sr_judge(dir, sum);
    sr_strv_free(&ids);
    sr_strv_free(&bad);
    sr_strv_free(&v.series);
    sr_strv_free(&v.first);
    free(v.varies);
    rc = 0;
out:
    sr_csv_free(&csv);
    sr_buf_free(&why);
    free(path);
    return rc;
}

void sr_summary_free(sr_summary_t *sum)
{
    for (size_t i = 0; i < sum->n; i++) {
        sr_curve_t *c = &sum->c[i];
        for (size_t j = 0; j < c->nlv; j++) {
            free(c->lv[j].walls);
            free(c->lv[j].trace);
            for (int k = 0; k < SR_NEXTRA; k++)
                free(c->lv[j].extra[k]);
            for (int k = 0; k < SR_NREP; k++)
                free(c->lv[j].rep[k]);
        }
        free(c->lv);
        free(c->series);
        free(c->scaling);
        free(c->label);
        free(c->trace);
        free(c->trace_id);
        free(c->claim);
        free(c->sched_pool);
        free(c->fom_unit);
    }
    free(sum->c);
    sr_strv_free(&sum->env);
    sr_buf_free(&sum->failures);
    *sum = (sr_summary_t){0};
}

/* A number for a CSV field: empty when undefined. */
static void sr_num(sr_buf_t *b, double x)
{
    if (isfinite(x))
        sr_buf_printf(b, "%.9g", x);
}

/* A number for a table cell, `prec` decimals; "–" when undefined. */
static void sr_cell(sr_buf_t *b, double x, int prec)
{
    if (isfinite(x))
        sr_buf_printf(b, " %.*f |", prec, x);
    else
        sr_buf_puts(b, " – |");
}

static void sr_write_csv(const sr_summary_t *sum, sr_buf_t *b)
{
    sr_buf_puts(b, "series,label,workers,runs,not_ok,wall_median_s,wall_min_s,wall_max_s,base_workers,"
                   "base_measured,speedup,efficiency,karp_flatt,amdahl_f,amdahl_points,"
                   "first_result_median_s,setup_median_s,pss_median_bytes,per_task_median_s,"
                   "overhead_per_task_median_s");
    for (int k = 0; k < SR_NPREDICT; k++)
        sr_buf_printf(b, ",amdahl_s%g", sr_predict_at[k]);
    sr_buf_puts(b, ",reps,wall_median,wall_ci_lo,wall_ci_hi,speedup_ci_lo,speedup_ci_hi,efficiency_ci_lo,"
                   "efficiency_ci_hi,stable,noisy_reps,outliers,verdict,load_balance,comm_eff,comp_scalability,"
                   "parallel_eff,global_eff,ipc_scalability,instr_scalability,freq_scalability,sched_speedup,cpu_util\n");
    for (size_t i = 0; i < sum->n; i++) {
        const sr_curve_t *c = &sum->c[i];
        for (size_t j = 0; j < c->nlv; j++) {
            const sr_level_t *l = &c->lv[j];
            sr_csv_field(b, c->series);
            sr_buf_puts(b, ",");
            sr_csv_field(b, c->label);
            sr_buf_printf(b, ",%ld,%zu,%zu,", l->workers, l->nwalls, l->not_ok);
            double cols[] = {l->median, l->min, l->max};
            for (int k = 0; k < 3; k++) {
                sr_num(b, cols[k]);
                sr_buf_puts(b, ",");
            }
            if (c->base_workers)
                sr_buf_printf(b, "%ld,%d", c->base_workers, c->base_workers == 1);
            else
                sr_buf_puts(b, ",");
            double more[] = {l->speedup, l->efficiency, l->karp_flatt, c->f};
            for (int k = 0; k < 4; k++) {
                sr_buf_puts(b, ",");
                sr_num(b, more[k]);
            }
            sr_buf_printf(b, ",%zu", c->fit_points);
            for (int k = 0; k < SR_NEXTRA; k++) {
                sr_buf_puts(b, ",");
                sr_num(b, l->extra_median[k]);
            }
            for (int k = 0; k < SR_NPREDICT; k++) {
                sr_buf_puts(b, ",");
                sr_num(b, c->fit_points ? sr_amdahl_speedup(c->f, sr_predict_at[k]) : NAN);
            }
            sr_buf_printf(b, ",%zu", l->nwalls);
            double ci[] = {l->median, l->ci_lo, l->ci_hi, l->sp_lo, l->sp_hi, l->eff_lo, l->eff_hi};
            for (int k = 0; k < 7; k++) {
                sr_buf_puts(b, ",");
                sr_num(b, ci[k]);
            }
            sr_buf_printf(b, ",%d,", l->stable);
            if (l->noisy_known)
                sr_buf_printf(b, "%zu", l->noisy_reps);
            sr_buf_printf(b, ",%zu,", l->outliers);
            sr_csv_field(b, l->verdict ? l->verdict : "");
            const sr_breakdown_t *m = &l->pop;
            double pop[] = {m->load_balance, m->comm_eff, m->comp_scalability, m->parallel_eff, m->global_eff,
                            m->ipc_scalability, m->instr_scalability, m->freq_scalability, l->sched_speedup,
                            m->cpu_util};
            for (int k = 0; k < 10; k++) {
                sr_buf_puts(b, ",");
                sr_num(b, pop[k]);
            }
            sr_buf_puts(b, "\n");
        }
    }
}

/* One line in words per curve: where it got to, how sure, and why not further. */
static void sr_curve_finding(const sr_curve_t *c, sr_buf_t *b)
{
    char *title = sr_curve_title(c);
    sr_buf_printf(b, "- **%s**: ", title);
    free(title);
    const sr_level_t *top = NULL;
    size_t unstable = 0, noisy = 0;
    for (size_t j = 0; j < c->nlv; j++) {
        const sr_level_t *l = &c->lv[j];
        if (!l->nwalls)
            continue;
        unstable += !l->stable;
        noisy += l->noisy_reps;
        if (l->workers > c->base_workers)
            top = l;
    }
    if (!c->base_workers) {
        sr_buf_puts(b, "no run was ok.\n");
        return;
    }
    if (!top) {
        sr_buf_printf(b, "only the %ld-worker point was measured: nothing to compare it with.\n", c->base_workers);
        return;
    }
    sr_buf_printf(b, "%s %.2f× at %ld workers", sr_curve_weak(c) ? "scaled speedup" : "speedup", top->speedup,
                  top->workers);
    if (isfinite(top->sp_lo))
        sr_buf_printf(b, " (95%% CI %.2f–%.2f)", top->sp_lo, top->sp_hi);
    else
        sr_buf_printf(b, " (fewer than %d repetitions: no CI)", SR_CI_MIN_N);
    sr_buf_printf(b, ", efficiency %.2f: %s", top->efficiency, top->verdict ? top->verdict : "");
    const char *wname;
    double wval;
    if (sr_level_worst(top, &wname, &wval) == 0 && wval < 1)
        sr_buf_printf(b, "; largest loss there: %s %.2f", wname, wval);
    if (unstable)
        sr_buf_printf(b, "; %zu point%s not within the precision asked", unstable, unstable == 1 ? "" : "s");
    if (noisy)
        sr_buf_printf(b, "; %zu noisy repetition%s", noisy, noisy == 1 ? "" : "s");
    sr_buf_puts(b, ".\n");
}

void sr_summary_md_parts(const char *dir, const sr_summary_t *sum, sr_buf_t *findings, sr_buf_t *method,
                         sr_buf_t *details)
{
    sr_buf_t *b = findings;
    sr_buf_printf(b, "# Study summary: %s\n\n", dir);
    sr_buf_printf(b, "From `runs.csv`: %zu rows, %zu runs, %zu not ok. Only runs with status ok count.\n\n",
                  sum->rows, sum->runs, sum->not_ok);
    sr_buf_puts(b, "## Findings\n\n");
    int claims = 0;
    for (size_t i = 0; i < sum->n && !claims; i++)
        claims = sum->c[i].claim != NULL;
    if (claims) {
        sr_buf_puts(b, "### Claims\n\n");
        sr_judge_md_claims(sum, b);
        sr_buf_puts(b, "### Curves\n\n");
    }
    for (size_t i = 0; i < sum->n; i++)
        sr_curve_finding(&sum->c[i], b);
    if (sum->not_ok)
        sr_buf_printf(b, "- %zu run%s not ok: see \"Runs not ok\" below.\n", sum->not_ok, sum->not_ok == 1 ? "" : "s");
    sr_buf_puts(b, "\n");

    b = method;
    sr_buf_puts(b, "## Method\n\n");
    sr_buf_puts(b, "- Speedup S(p) = T(1) / T(p), from median wall times (`wall_s`) along each curve;"
                   " efficiency S/p.\n"
                   "- Karp–Flatt serial fraction e = (1/S − 1/p) / (1 − 1/p).\n"
                   "- First result, setup and PSS: medians of the engines' `first_result_s` (when the"
                   " pool handed back its first result), `setup_s` (building and placing shared data)"
                   " and `pss_bytes` (proportional set size, summed over ranks).\n"
                   "- Per task: worker-time per task, p × wall / tasks; overhead per task:"
                   " (p × wall − sum of task times) / tasks, the workers' time spent on anything but"
                   " tasks (dispatch, waiting, imbalance). p is the engine's workers (ranks × threads).\n"
                   "- Amdahl fit: S(p) = 1 / (f + (1 − f)/p), i.e. 1/S − 1/p = f (1 − 1/p); f is the"
                   " least-squares slope of that line through the origin over the points with p > 1"
                   " (a fit of normalised run time), clamped to [0, 1]; only from at least 3 measured"
                   " worker counts above 1.\n");
    sr_judge_md_header(sum, b);

    b = details;
    for (size_t i = 0; i < sum->n; i++) {
        const sr_curve_t *c = &sum->c[i];
        char *title = sr_curve_title(c);
        sr_buf_printf(b, "## %s\n\n", title);
        free(title);
        if (!c->base_workers)
            sr_buf_puts(b, "No run of this curve was ok: nothing to compare.\n\n");
        else if (sr_curve_weak(c))
            sr_buf_printf(b, "**Weak scaling**: `%s` grows with the workers (each worker has the %ld-worker"
                             " point's share). Efficiency = T(%ld) / T(p), ideal 1; speedup is the scaled"
                             " (Gustafson) speedup p × efficiency. No Amdahl fit.\n\n",
                          c->scaling + 5, c->base_workers, c->base_workers);
        else if (c->base_workers == 1)
            sr_buf_printf(b, "Base: the 1-worker median, T(1) = %.6g s.\n\n", c->base_time);
        else
            sr_buf_printf(b, "**Base: no 1-worker run.** T(1) is estimated as %ld × the %ld-worker median"
                             " = %.6g s (perfect scaling assumed up to %ld workers); speedups are relative"
                             " to that estimate, and the %ld-worker point is left out of the fit.\n\n",
                          c->base_workers, c->base_workers, c->base_time, c->base_workers, c->base_workers);
        if (c->fom_unit && c->fom_higher)
            sr_buf_printf(b, "**Figure: the command's `fom`** (%s, higher is better). The wall columns hold"
                             " 1 / fom, so that speedup = fom(p) / fom(base).\n\n", c->fom_unit[0] ? c->fom_unit : "no unit");
        else if (c->fom_unit)
            sr_buf_printf(b, "**Figure: the command's `fom`** (%s, lower is better), in the wall columns.\n\n",
                          c->fom_unit[0] ? c->fom_unit : "no unit");
        sr_buf_puts(b, "| workers | runs | not ok | median wall (s) | min (s) | max (s) | speedup | efficiency"
                       " | Karp–Flatt e | first result (s) | setup (s) | PSS (MiB) | per task (µs)"
                       " | overhead per task (µs) |\n"
                       "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (size_t j = 0; j < c->nlv; j++) {
            const sr_level_t *l = &c->lv[j];
            sr_buf_printf(b, "| %ld | %zu | %zu |", l->workers, l->nwalls, l->not_ok);
            sr_cell(b, l->median, 6);
            sr_cell(b, l->min, 6);
            sr_cell(b, l->max, 6);
            sr_cell(b, l->speedup, 2);
            sr_cell(b, l->efficiency, 2);
            sr_cell(b, l->karp_flatt, 3);
            sr_cell(b, l->extra_median[SR_EXTRA_FIRST], 4);
            sr_cell(b, l->extra_median[SR_EXTRA_SETUP], 4);
            sr_cell(b, l->extra_median[SR_EXTRA_PSS] / (1024.0 * 1024.0), 1);
            sr_cell(b, l->extra_median[SR_EXTRA_PER_TASK] * 1e6, 3);
            sr_cell(b, l->extra_median[SR_EXTRA_OVERHEAD] * 1e6, 3);
            sr_buf_puts(b, "\n");
        }
        sr_judge_md_curve(sum, c, b);
        if (c->fit_points) {
            sr_buf_printf(b, "\nAmdahl fit: f = %.4f from %zu point%s; predicted speedup", c->f, c->fit_points,
                          c->fit_points == 1 ? "" : "s");
            for (int k = 0; k < SR_NPREDICT; k++)
                sr_buf_printf(b, "%s %.2f at %g", k ? "," : "", sr_amdahl_speedup(c->f, sr_predict_at[k]),
                              sr_predict_at[k]);
            sr_buf_puts(b, " workers.\n\n");
        } else if (sr_curve_weak(c)) {
            sr_buf_puts(b, "\n");
        } else {
            sr_buf_printf(b, "\nAmdahl fit: not enough points (%zu measured worker count%s above 1; it needs %d).\n\n",
                          c->fit_avail, c->fit_avail == 1 ? "" : "s", SR_AMDAHL_MIN_POINTS);
        }
    }
    if (sum->not_ok) {
        sr_buf_puts(b, "## Runs not ok\n\n| run | status | exit | stderr (tail) |\n|---|---|---:|---|\n");
        sr_buf_add(b, sum->failures.data, sum->failures.len);
        sr_buf_puts(b, "\n");
    }
}

static void sr_write_md(const char *dir, const sr_summary_t *sum, sr_buf_t *b)
{
    sr_buf_t method = {0}, details = {0};
    sr_summary_md_parts(dir, sum, b, &method, &details);
    sr_buf_add(b, sr_buf_str(&details), details.len);
    sr_buf_add(b, sr_buf_str(&method), method.len);
    sr_buf_free(&method);
    sr_buf_free(&details);
}

int sr_summary_write(const char *dir, const sr_summary_t *sum, sr_err_t *err)
{
    sr_buf_t csv = {0}, md = {0};
    sr_write_csv(sum, &csv);
    sr_write_md(dir, sum, &md);
    char *pc = sr_path_join(dir, "summary.csv"), *pm = sr_path_join(dir, "summary.md");
    int rc = 0;
    if (sr_write_file(pc, csv.data, csv.len) != 0)
        rc = sr_fail(err, SR_EXIT_FAIL, "%s: %s", pc, strerror(errno));
    else if (sr_write_file(pm, md.data, md.len) != 0)
        rc = sr_fail(err, SR_EXIT_FAIL, "%s: %s", pm, strerror(errno));
    free(pc);
    free(pm);
    sr_buf_free(&csv);
    sr_buf_free(&md);
    return rc;
}

int sr_report(const char *dir, sr_err_t *err)
{
    sr_summary_t sum;
    if (sr_summary_load(dir, &sum, err) != 0)
        return -1;
    int rc = sr_summary_write(dir, &sum, err);
    if (rc == 0)
        rc = sr_plots_write(dir, &sum, err);
    if (rc == 0)
        rc = sr_html_write(dir, &sum, err);
    sr_summary_free(&sum);
    return rc;
}
