/* judge.c - the uncertainty and the explanation of every point (see
 * report.h): the median's CI, stability against the series' precision,
 * speedup CIs by bootstrap, verdicts, outliers and noisy repetitions, the
 * POP breakdown, the schedule bound, and the claims a job file states.
 * The math is in stats.c; this file applies it to a summary and writes
 * summary.md's parts that show it. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "jobfile.h"
#include "report.h"
#include "scal_stats.h"
#include "stats.h"

/* Worker counts the schedule bound predicts for (those up to its limit). */
static const long sr_sched_at[SR_SCHED_NPRED] = SR_SCHED_AT;
/* The bound predicts beyond 8x the widest measured count only when its
 * largest error at the measured counts is under this. */
#define SR_SCHED_TRUSTED_ERR 0.10
/* A breakdown factor below this is flagged. */
#define SR_POP_FLAG 0.8

const char *sr_env_get(const sr_summary_t *sum, const char *key)
{
    size_t n = strlen(key);
    for (size_t i = 0; i < sum->env.n; i++)
        if (strncmp(sum->env.v[i], key, n) == 0 && sum->env.v[i][n] == ':' && sum->env.v[i][n + 1] == ' ')
            return sum->env.v[i] + n + 2;
    return NULL;
}

/* env.txt's first block (up to a second "# " line, a resume's). */
static void sr_env_load(const char *dir, sr_summary_t *sum)
{
    char *path = sr_path_join(dir, "env.txt");
    sr_buf_t text = {0};
    if (sr_read_file(path, &text) == 0) {
        const char *p = sr_buf_str(&text);
        int blocks = 0;
        while (*p) {
            size_t n = strcspn(p, "\n");
            if (n >= 2 && p[0] == '#' && p[1] == ' ' && ++blocks > 1)
                break;
            char *line = sr_xstrndup(p, n);
            sr_strv_push(&sum->env, line);
            free(line);
            p += n + (p[n] == '\n');
        }
    }
    sr_buf_free(&text);
    free(path);
    const char *seed = sr_env_get(sum, "round_seed");
    sum->seed = seed ? strtoull(seed, NULL, 10) : 1;
}

/* The finite values of x[0..n-1], copied into out; their count. */
static size_t sr_finite(const double *x, size_t n, double *out)
{
    size_t k = 0;
    for (size_t i = 0; x && i < n; i++)
        if (isfinite(x[i]))
            out[k++] = x[i];
    return k;
}

static double sr_median_of(const double *x, size_t n)
{
    if (!x || n == 0)
        return NAN;
    double *f = sr_xcalloc(n, sizeof *f);
    size_t k = sr_finite(x, n, f);
    scal_stats_t st;
    double m = k && scal_stats_compute(f, k, &st) == 0 ? st.median : NAN;
    free(f);
    return m;
}

/* Median of a[i] / b[i] over the repetitions where both are known. */
static double sr_median_ratio(const double *a, const double *b, size_t n)
{
    if (!a || !b || n == 0)
        return NAN;
    double *r = sr_xcalloc(n, sizeof *r);
    for (size_t i = 0; i < n; i++)
        r[i] = b[i] > 0 ? a[i] / b[i] : NAN;
    double m = sr_median_of(r, n);
    free(r);
    return m;
}

static int sr_weak(const sr_curve_t *c)
{
    return c->scaling && strncmp(c->scaling, "weak:", 5) == 0;
}

static const sr_level_t *sr_base_level(const sr_curve_t *c)
{
    for (size_t j = 0; j < c->nlv; j++)
        if (c->lv[j].workers == c->base_workers && c->lv[j].nwalls)
            return &c->lv[j];
    return NULL;
}

static void sr_level_judge(const sr_summary_t *sum, const sr_curve_t *c, sr_level_t *l, size_t ci,
                           size_t li)
{
    if (l->nwalls == 0)
        return;
    const sr_level_t *base = sr_base_level(c);
    double med;
    int have_ci = sr_median_ci(l->walls, l->nwalls, &med, &l->ci_lo, &l->ci_hi) == 0;
    l->stable = have_ci && l->ci_lo >= med * (1 - c->precision) && l->ci_hi <= med * (1 + c->precision);
    l->outliers = sr_outliers(l->walls, l->nwalls);
    for (size_t r = 0; r < l->nwalls; r++) {
        double x = l->rep[SR_REP_NOISY] ? l->rep[SR_REP_NOISY][r] : NAN;
        if (isfinite(x)) {
            l->noisy_known = 1;
            l->noisy_reps += x != 0;
        }
    }
    double p = (double)l->workers;
    if (base && base->nwalls >= SR_CI_MIN_N && l->nwalls >= SR_CI_MIN_N) {
        double scale = sr_weak(c) ? p : (double)c->base_workers;
        /* One stream per point, from the recorded seed: reruns of --report
         * give the same intervals. */
        sr_bootstrap_ratio_ci(base->walls, base->nwalls, l->walls, l->nwalls, scale,
                              sum->seed ^ (ci * 1000003ULL + li * 7919ULL + 1), SR_BOOTSTRAP_ITERS, &l->sp_lo,
                              &l->sp_hi);
        l->eff_lo = l->sp_lo / p;
        l->eff_hi = l->sp_hi / p;
    }
    if (!base || l == base)
        l->verdict = "base";
    else if (!isfinite(l->sp_lo))
        l->verdict = "too few repetitions for a CI";
    else if (l->sp_hi < 1)
        l->verdict = "slowdown";
    else if (l->sp_lo <= 1)
        l->verdict = "no speedup";
    else if (l->sp_lo > p)
        l->verdict = "superlinear";
    else
        l->verdict = "speedup";

    /* POP breakdown from medians over the repetitions. */
    double grow = sr_weak(c) && base ? p / (double)base->workers : 1.0;
    double sum_base = base ? sr_median_of(base->rep[SR_REP_TASK_SUM], base->nwalls) * grow : NAN;
    sr_pop_t m;
    sr_pop_compute(sr_median_of(l->rep[SR_REP_BUSY_MEAN], l->nwalls),
                   sr_median_of(l->rep[SR_REP_BUSY_MAX], l->nwalls), l->median, sum_base,
                   sr_median_of(l->rep[SR_REP_TASK_SUM], l->nwalls), &m);
    l->pop.load_balance = m.load_balance;
    l->pop.comm_eff = m.comm_eff;
    l->pop.comp_scalability = m.comp_scalability;
    l->pop.parallel_eff = m.parallel_eff;
    l->pop.global_eff = m.global_eff;
    /* From outside the program: CPU seconds (wait4) over the wall time of the whole
     * process (elapsed_s: cpu_s covers all of it) times its workers. */
    double *util = sr_xcalloc(l->nwalls, sizeof *util);
    for (size_t r = 0; r < l->nwalls; r++) {
        double cpu = l->rep[SR_REP_CPU] ? l->rep[SR_REP_CPU][r] : NAN,
               wall = l->rep[SR_REP_WALL] ? l->rep[SR_REP_WALL][r] : NAN,
               w = l->rep[SR_REP_WORKERS] ? l->rep[SR_REP_WORKERS][r] : NAN;
        util[r] = wall > 0 && w > 0 ? cpu / (wall * w) : NAN;
    }
    l->pop.cpu_util = sr_median_of(util, l->nwalls);
    free(util);
    if (base) {
        double ipc = sr_median_ratio(l->rep[SR_REP_INSTR], l->rep[SR_REP_CYCLES], l->nwalls);
        double ipc0 = sr_median_ratio(base->rep[SR_REP_INSTR], base->rep[SR_REP_CYCLES], base->nwalls);
        l->pop.ipc_scalability = sr_scal_ratio(ipc, ipc0);
        l->pop.instr_scalability = sr_scal_ratio(sr_median_of(base->rep[SR_REP_INSTR], base->nwalls) * grow,
                                                 sr_median_of(l->rep[SR_REP_INSTR], l->nwalls));
        l->pop.freq_scalability = sr_scal_ratio(sr_median_of(l->rep[SR_REP_FREQ], l->nwalls),
                                                sr_median_of(base->rep[SR_REP_FREQ], base->nwalls));
    } else {
        l->pop.ipc_scalability = l->pop.instr_scalability = l->pop.freq_scalability = NAN;
    }
}

/* Task times of a trace, in task order; their count (0: unreadable). */
static size_t sr_trace_tasks(const char *dir, const char *trace, double **out)
{
    char *path = sr_path_join(dir, trace);
    sr_buf_t text = {0};
    sr_csv_t csv = {0};
    size_t n = 0;
    *out = NULL;
    if (sr_read_file(path, &text) == 0 && sr_csv_parse(text.data, text.len, 0, &csv) == 0 && csv.nrows > 1) {
        int task = sr_csv_col(&csv, "task"), start = sr_csv_col(&csv, "start_s"), end = sr_csv_col(&csv, "end_s");
        if (task >= 0 && start >= 0 && end >= 0) {
            n = csv.nrows - 1;
            *out = sr_xcalloc(n, sizeof **out);
            for (size_t r = 1; r < csv.nrows; r++) {
                unsigned long k = strtoul(sr_csv_get(&csv, r, task), NULL, 10);
                double d = strtod(sr_csv_get(&csv, r, end), NULL) - strtod(sr_csv_get(&csv, r, start), NULL);
                (*out)[k < n ? k : r - 1] = d > 0 ? d : 0;
            }
        }
    }
    sr_csv_free(&csv);
    sr_buf_free(&text);
    free(path);
    return n;
}

/* The chunk the engine used at level l (0: its default). */
static size_t sr_level_chunk(const sr_level_t *l)
{
    double k = sr_median_of(l->rep[SR_REP_CHUNK], l->nwalls);
    return isfinite(k) && k >= 1 ? (size_t)k : 0;
}

/* Simulate the base trace's tasks on p workers: the predicted speedup
 * against the simulated 1-worker time. */
static double sr_sched_predict(const double *t, size_t n, const sr_curve_t *c, size_t p, size_t chunk)
{
    sr_sched_t rule = c->sched_pool && strcmp(c->sched_pool, "map") == 0 ? SR_SCHED_MAP : SR_SCHED_DYNAMIC;
    double o = isfinite(c->sched_overhead) && c->sched_overhead > 0 ? c->sched_overhead : 0;
    size_t k1 = rule == SR_SCHED_MAP ? 0 : (chunk ? chunk : 1);
    size_t kp = rule == SR_SCHED_MAP ? 0 : k1;
    if (rule == SR_SCHED_MAP && chunk && chunk != (n + p - 1) / p)
        kp = k1 = chunk;
    double one = sr_sched_makespan(t, n, 1, rule, k1, o * (double)(k1 ? k1 : n));
    double at = sr_sched_makespan(t, n, p, rule, kp, o * (double)(kp ? kp : (n + p - 1) / p));
    return one / at;
}

static void sr_curve_sched(const char *dir, sr_curve_t *c)
{
    const sr_level_t *base = sr_base_level(c);
    if (sr_weak(c) || !base || base->workers != 1 || !base->trace)
        return;
    double *t;
    size_t n = sr_trace_tasks(dir, base->trace, &t);
    if (n == 0)
        return;
    c->sched_ok = 1;
    c->sched_overhead = base->extra_median[SR_EXTRA_OVERHEAD];
    long pmax = 1;
    double maxerr = 0;
    size_t chunk = 0;
    for (size_t j = 0; j < c->nlv; j++) {
        sr_level_t *l = &c->lv[j];
        if (l->nwalls == 0 || l->workers < 2)
            continue;
        chunk = sr_level_chunk(l);
        l->sched_speedup = sr_sched_predict(t, n, c, (size_t)l->workers, chunk);
        double e = fabs(l->sched_speedup / l->speedup - 1);
        maxerr = e > maxerr ? e : maxerr;
        pmax = l->workers > pmax ? l->workers : pmax;
    }
    c->sched_max_err = pmax > 1 ? maxerr : NAN;
    c->sched_limit = pmax > 1 && maxerr < SR_SCHED_TRUSTED_ERR ? 256 : 8 * pmax;
    for (int k = 0; k < SR_SCHED_NPRED; k++)
        c->sched_pred[k] = sr_sched_predict(t, n, c, (size_t)sr_sched_at[k], chunk);
    free(t);
}

/* Curves in the job file's series order (env.txt lists the series in it;
 * runs.csv holds them in the shuffled order they ran), then by label. */
static const sr_summary_t *sr_sort_sum;

static size_t sr_series_rank(const char *series)
{
    size_t rank = 0, n = strlen(series);
    for (size_t i = 0; i < sr_sort_sum->env.n; i++) {
        const char *l = sr_sort_sum->env.v[i];
        if (strncmp(l, "precision[", 10) != 0)
            continue;
        if (strncmp(l + 10, series, n) == 0 && strncmp(l + 10 + n, "]:", 2) == 0)
            return rank;
        rank++;
    }
    return rank;
}

static int sr_cmp_curve(const void *a, const void *b)
{
    const sr_curve_t *x = a, *y = b;
    size_t rx = sr_series_rank(x->series), ry = sr_series_rank(y->series);
    if (rx != ry)
        return rx < ry ? -1 : 1;
    int s = strcmp(x->series, y->series);
    return s ? s : strcmp(x->label, y->label);
}

void sr_judge(const char *dir, sr_summary_t *sum)
{
    sr_env_load(dir, sum);
    sr_sort_sum = sum;
    qsort(sum->c, sum->n, sizeof *sum->c, sr_cmp_curve);
    sr_sort_sum = NULL;
    for (size_t i = 0; i < sum->n; i++) {
        sr_curve_t *c = &sum->c[i];
        char *key = sr_xasprintf("precision[%s]", c->series);
        const char *prec = sr_env_get(sum, key);
        c->precision = prec ? strtod(prec, NULL) : SR_DEFAULT_PRECISION;
        free(key);
        key = sr_xasprintf("claim[%s]", c->series);
        const char *claim = sr_env_get(sum, key);
        c->claim = claim ? sr_xstrdup(claim) : NULL;
        free(key);
        for (size_t j = 0; j < c->nlv; j++)
            sr_level_judge(sum, c, &c->lv[j], i, j);
        sr_curve_sched(dir, c);
    }
}

/* ---- summary.md ---- */

static void sr_factor(sr_buf_t *b, double x)
{
    if (!isfinite(x))
        sr_buf_puts(b, " n/a |");
    else if (x < SR_POP_FLAG)
        sr_buf_printf(b, " **%.2f** ⚠ |", x);
    else
        sr_buf_printf(b, " %.2f |", x);
}

void sr_judge_md_header(const sr_summary_t *sum, sr_buf_t *b)
{
    sr_buf_printf(b,
                  "- Repetitions run in rounds, each a fresh launch of the engine (its warm-up"
                  " included) for one measured repetition; each round launches every point still"
                  " going, in an order shuffled from the round seed %llu (env.txt).\n"
                  "- Median wall with its 95%% confidence interval from order statistics (the ranks"
                  " of Binomial(n, 1/2), Le Boudec 2010; Hoefler & Belli, SC'15): no assumption on"
                  " the distribution. With fewer than %d repetitions no CI exists: the table says"
                  " \"n<%d\".\n"
                  "- **Stable**: the CI lies within ±precision of the median (the series'"
                  " `precision`, default %.2g). A point that never got there is marked unstable.\n"
                  "- Speedup and efficiency CIs: percentile bootstrap over repetitions (%d resamples"
                  " of the base's and the point's walls, ratio of their medians; seed %llu, one"
                  " stream per point).\n"
                  "- Verdicts: **no speedup** when the speedup CI contains 1, **slowdown** when it"
                  " lies below 1, **superlinear** only when its lower end exceeds p.\n"
                  "- Outliers: walls beyond 1.5 IQR from the quartiles, counted and kept. Noisy"
                  " reps: repetitions the engine flagged `noisy` (steal, involuntary switches or"
                  " other runnable tasks; n/a when the engine does not report it).\n"
                  "- Breakdown (POP): load balance = mean busy / max busy; communication efficiency"
                  " = max busy / wall; computation scalability = task time sum at the base / at p"
                  " (below 1: work inflation, above 1: less work at p); parallel = LB × CE; global"
                  " = parallel × computation scalability. IPC, instruction and frequency"
                  " scalability from counters, n/a where the engine has none. CPU utilisation, what"
                  " can be seen from outside a program: CPU seconds (user + system, wait4) / (the"
                  " process's wall time × workers). Values below %.1f are flagged ⚠.\n"
                  "- Schedule bound: the base run's task times (its trace) and its overhead per"
                  " task, scheduled on p workers by the pool's rule (map: static chunks;"
                  " submit / as-completed: list scheduling); checked at every measured p, and"
                  " predicting beyond 8× the widest measured p only when every error is under"
                  " %.0f%%.\n\n",
                  sum->seed, SR_CI_MIN_N, SR_CI_MIN_N, SR_DEFAULT_PRECISION, SR_BOOTSTRAP_ITERS, sum->seed,
                  SR_POP_FLAG, SR_SCHED_TRUSTED_ERR * 100);
    int any = 0;
    for (size_t i = 0; i < sum->env.n; i++) {
        if (strncmp(sum->env.v[i], "noise_", 6) != 0)
            continue;
        if (!any)
            sr_buf_puts(b, "Machine noise when the study started (env.txt):\n\n");
        any = 1;
        sr_buf_printf(b, "- %s\n", sum->env.v[i]);
    }
    if (any)
        sr_buf_puts(b, "\n");
}

/* ---- claims ---- */

typedef enum { SR_CONFIRMED, SR_INCONCLUSIVE, SR_CONTRADICTED } sr_outcome_t;

static void sr_merge(sr_outcome_t *o, sr_outcome_t x)
{
    if (x == SR_CONTRADICTED || (x == SR_INCONCLUSIVE && *o == SR_CONFIRMED))
        *o = x;
}

/* The label without its KEY=... token. Caller frees. */
static char *sr_label_without(const char *label, const char *key, size_t keylen)
{
    sr_buf_t out = {0};
    for (const char *p = label; *p;) {
        size_t n = strcspn(p, " ");
        if (!(n > keylen && strncmp(p, key, keylen) == 0 && p[keylen] == '='))
            sr_buf_printf(&out, "%s%.*s", out.len ? " " : "", (int)n, p);
        p += n + (p[n] == ' ');
    }
    char *s = sr_xstrdup(sr_buf_str(&out));
    sr_buf_free(&out);
    return s;
}

static int sr_label_has(const char *label, const char *key, size_t keylen, const char *val)
{
    for (const char *p = label; *p;) {
        size_t n = strcspn(p, " ");
        if (n == keylen + 1 + strlen(val) && strncmp(p, key, keylen) == 0 && p[keylen] == '=' &&
            strncmp(p + keylen + 1, val, strlen(val)) == 0)
            return 1;
        p += n + (p[n] == ' ');
    }
    return 0;
}

/* The noise evidence behind a level's figures. */
static void sr_noise_evidence(const sr_level_t *l, sr_buf_t *ev)
{
    sr_buf_printf(ev, " (%zu rep%s", l->nwalls, l->nwalls == 1 ? "" : "s");
    if (l->noisy_known)
        sr_buf_printf(ev, ", %zu noisy", l->noisy_reps);
    if (l->outliers)
        sr_buf_printf(ev, ", %zu outlier%s", l->outliers, l->outliers == 1 ? "" : "s");
    if (!l->stable)
        sr_buf_puts(ev, ", unstable");
    sr_buf_puts(ev, ")");
}

/* Median and CI of metric k at level l: wall, first result or PSS. */
static int sr_metric_ci(const sr_level_t *l, sr_claim_kind_t kind, double *med, double *lo, double *hi)
{
    const double *x = kind == SR_CLAIM_LOWEST_WALL    ? l->walls
                      : kind == SR_CLAIM_LOWEST_FIRST ? l->extra[SR_EXTRA_FIRST]
                                                      : l->extra[SR_EXTRA_PSS];
    if (!x || l->nwalls == 0)
        return -1;
    double *f = sr_xcalloc(l->nwalls, sizeof *f);
    size_t n = sr_finite(x, l->nwalls, f);
    int rc = n ? sr_median_ci(f, n, med, lo, hi) : -1;
    free(f);
    return rc;
}

int sr_claim_metric(const sr_curve_t *c, const sr_level_t *l, const char **what, double *med, double *lo,
                    double *hi)
{
    sr_claim_kind_t kind;
    const char *key, *val;
    size_t keylen;
    *med = *lo = *hi = NAN;
    if (!c->claim || sr_claim_parse(c->claim, &kind, &key, &keylen, &val) != 0 ||
        !(kind == SR_CLAIM_LOWEST_WALL || kind == SR_CLAIM_LOWEST_FIRST || kind == SR_CLAIM_LOWEST_PSS))
        return -1;
    double unit = kind == SR_CLAIM_LOWEST_PSS ? 1024.0 * 1024.0 : 1.0;
    *what = kind == SR_CLAIM_LOWEST_WALL ? "median wall (s)" : kind == SR_CLAIM_LOWEST_FIRST ? "first result (s)"
                                                                                           : "PSS (MiB)";
    sr_metric_ci(l, kind, med, lo, hi);
    if (!isfinite(*med))
        return -1;
    *med /= unit;
    *lo /= unit;
    *hi /= unit;
    return 0;
}

static sr_outcome_t sr_claim_speedup(const sr_summary_t *sum, const char *series, sr_claim_kind_t kind,
                                     sr_buf_t *ev)
{
    sr_outcome_t o = SR_CONFIRMED;
    size_t tested = 0;
    for (size_t i = 0; i < sum->n; i++) {
        const sr_curve_t *c = &sum->c[i];
        if (strcmp(c->series, series) != 0)
            continue;
        for (size_t j = 0; j < c->nlv; j++) {
            const sr_level_t *l = &c->lv[j];
            if (l->nwalls == 0 || l->workers <= c->base_workers)
                continue;
            double p = (double)l->workers, thr = kind == SR_CLAIM_SPEEDUP ? 1.0 : 1.0 + (p - 1) / 4;
            sr_outcome_t x;
            if (!isfinite(l->sp_lo))
                x = SR_INCONCLUSIVE;
            else if (kind == SR_CLAIM_SPEEDUP)
                x = l->sp_lo > thr ? SR_CONFIRMED : l->sp_hi <= thr ? SR_CONTRADICTED : SR_INCONCLUSIVE;
            else
                x = l->sp_hi < thr ? SR_CONFIRMED : l->sp_lo > thr ? SR_CONTRADICTED : SR_INCONCLUSIVE;
            sr_merge(&o, x);
            tested++;
            sr_buf_printf(ev, "%s%s%sp = %ld: %.2fx", ev->len ? "; " : "", c->label, c->label[0] ? ", " : "",
                          l->workers, l->speedup);
            if (isfinite(l->sp_lo))
                sr_buf_printf(ev, " [%.2f, %.2f]", l->sp_lo, l->sp_hi);
            else
                sr_buf_printf(ev, " (n<%d: no CI)", SR_CI_MIN_N);
            if (kind == SR_CLAIM_NO_SPEEDUP)
                sr_buf_printf(ev, " vs %.2f", thr);
            if (x != SR_CONFIRMED)
                sr_noise_evidence(l, ev);
        }
    }
    return tested ? o : SR_INCONCLUSIVE;
}

static sr_outcome_t sr_claim_lowest(const sr_summary_t *sum, const char *series, sr_claim_kind_t kind,
                                    const char *key, size_t keylen, const char *val, sr_buf_t *ev)
{
    sr_outcome_t o = SR_CONFIRMED;
    size_t tested = 0;
    int pss = kind == SR_CLAIM_LOWEST_PSS;
    double unit = pss ? 1024.0 * 1024.0 : 1.0;
    for (size_t i = 0; i < sum->n; i++) {
        const sr_curve_t *t = &sum->c[i];
        if (strcmp(t->series, series) != 0 || !sr_label_has(t->label, key, keylen, val))
            continue;
        char *rest = sr_label_without(t->label, key, keylen);
        for (size_t k = 0; k < sum->n; k++) {
            const sr_curve_t *u = &sum->c[k];
            if (k == i || strcmp(u->series, series) != 0)
                continue;
            char *urest = sr_label_without(u->label, key, keylen);
            int peer = strcmp(rest, urest) == 0;
            free(urest);
            if (!peer)
                continue;
            for (size_t j = 0; j < t->nlv; j++) {
                for (size_t m = 0; m < u->nlv; m++) {
                    const sr_level_t *a = &t->lv[j], *bl = &u->lv[m];
                    if (a->workers != bl->workers)
                        continue;
                    double am, alo, ahi, bm, blo, bhi;
                    int ha = sr_metric_ci(a, kind, &am, &alo, &ahi) == 0;
                    int hb = sr_metric_ci(bl, kind, &bm, &blo, &bhi) == 0;
                    sr_outcome_t x = !(ha && hb) ? SR_INCONCLUSIVE
                                     : ahi < blo ? SR_CONFIRMED
                                     : alo > bhi ? SR_CONTRADICTED
                                                 : SR_INCONCLUSIVE;
                    sr_merge(&o, x);
                    tested++;
                    sr_buf_printf(ev, "%sp = %ld (%s): %s %.4g", ev->len ? "; " : "", a->workers, pss ? "MiB" : "s",
                                  t->label, am / unit);
                    if (ha)
                        sr_buf_printf(ev, " [%.4g, %.4g]", alo / unit, ahi / unit);
                    if (x != SR_CONFIRMED)
                        sr_noise_evidence(a, ev);
                    sr_buf_printf(ev, " vs %s %.4g", u->label, bm / unit);
                    if (hb)
                        sr_buf_printf(ev, " [%.4g, %.4g]", blo / unit, bhi / unit);
                    if (x != SR_CONFIRMED)
                        sr_noise_evidence(bl, ev);
                }
            }
        }
        free(rest);
    }
    return tested ? o : SR_INCONCLUSIVE;
}

const char *const sr_claim_outcome_names[] = {"confirmed", "inconclusive", "contradicted"};

int sr_claim_judge(const sr_summary_t *sum, const sr_curve_t *c, sr_buf_t *ev)
{
    if (!c->claim)
        return -1;
    sr_claim_kind_t kind;
    const char *key, *val;
    size_t keylen;
    if (sr_claim_parse(c->claim, &kind, &key, &keylen, &val) != 0) {
        sr_buf_puts(ev, "not a claim this version knows");
        return SR_INCONCLUSIVE;
    }
    if (kind == SR_CLAIM_SPEEDUP || kind == SR_CLAIM_NO_SPEEDUP)
        return (int)sr_claim_speedup(sum, c->series, kind, ev);
    return (int)sr_claim_lowest(sum, c->series, kind, key, keylen, val, ev);
}

/* Is c the first curve of its series? */
static int sr_first_of_series(const sr_summary_t *sum, size_t i)
{
    for (size_t k = 0; k < i; k++)
        if (strcmp(sum->c[k].series, sum->c[i].series) == 0)
            return 0;
    return 1;
}

void sr_judge_md_claims(const sr_summary_t *sum, sr_buf_t *b)
{
    int any = 0, unsure = 0;
    for (size_t i = 0; i < sum->n; i++) {
        const sr_curve_t *c = &sum->c[i];
        if (!c->claim || !sr_first_of_series(sum, i))
            continue;
        if (!any)
            sr_buf_puts(b, "Each series' `claim`, judged by confidence intervals: confirmed only"
                           " when every CI excludes the alternative, contradicted when one excludes the"
                           " claim, else inconclusive, with the noise evidence of the points that kept it"
                           " so.\n\n| series | claim | verdict | measured (95% CI) |\n|---|---|---|---|\n");
        any = 1;
        sr_buf_t ev = {0};
        int o = sr_claim_judge(sum, c, &ev);
        unsure += o != SR_CONFIRMED;
        sr_buf_printf(b, "| %s | `%s` | %s%s%s | %s |\n", c->series, c->claim, o == SR_INCONCLUSIVE ? "" : "**",
                      sr_claim_outcome_names[o], o == SR_INCONCLUSIVE ? "" : "**", sr_buf_str(&ev));
        sr_buf_free(&ev);
    }
    if (any)
        sr_buf_puts(b, "\n");
    const char *spin = sr_env_get(sum, "noise_spin"), *others = sr_env_get(sum, "noise_others_running");
    if (unsure && (spin || others))
        sr_buf_printf(b, "The machine when the study started (the noise probe): %s%s%s.\n\n", spin ? spin : "",
                      spin && others ? "; " : "", others ? others : "");
}

int sr_level_worst(const sr_level_t *l, const char **name, double *value)
{
    static const char *const names[] = {"load balance", "communication efficiency", "computation scalability",
                                        "IPC scalability", "instruction scalability", "frequency scalability"};
    const sr_breakdown_t *m = &l->pop;
    double f[] = {m->load_balance, m->comm_eff, m->comp_scalability, m->ipc_scalability, m->instr_scalability,
                  m->freq_scalability};
    int worst = -1;
    for (int k = 0; k < 6; k++)
        if (isfinite(f[k]) && (worst < 0 || f[k] < f[worst]))
            worst = k;
    if (worst < 0)
        return -1;
    *name = names[worst];
    *value = f[worst];
    return 0;
}

/* ---- a curve's section ---- */

static void sr_ci_cell(sr_buf_t *b, double lo, double hi, int prec)
{
    if (isfinite(lo))
        sr_buf_printf(b, " %.*f–%.*f |", prec, lo, prec, hi);
    else
        sr_buf_printf(b, " n<%d |", SR_CI_MIN_N);
}

void sr_judge_md_curve(const sr_summary_t *sum, const sr_curve_t *c, sr_buf_t *b)
{
    (void)sum;
    if (!c->base_workers)
        return;
    sr_buf_printf(b, "\nUncertainty (precision ±%.3g):\n\n"
                     "| workers | reps | median wall (s) | 95%% CI (s) | stable | speedup | speedup CI"
                     " | efficiency CI | verdict | noisy reps | outliers |\n"
                     "|---:|---:|---:|---:|---|---:|---:|---:|---|---:|---:|\n",
                  c->precision);
    for (size_t j = 0; j < c->nlv; j++) {
        const sr_level_t *l = &c->lv[j];
        if (l->nwalls == 0)
            continue;
        sr_buf_printf(b, "| %ld | %zu | %.6f |", l->workers, l->nwalls, l->median);
        sr_ci_cell(b, l->ci_lo, l->ci_hi, 6);
        sr_buf_printf(b, " %s | %.2f |", l->stable ? "yes" : "**no**", l->speedup);
        sr_ci_cell(b, l->sp_lo, l->sp_hi, 2);
        sr_ci_cell(b, l->eff_lo, l->eff_hi, 2);
        sr_buf_printf(b, " %s |", l->verdict ? l->verdict : "");
        if (l->noisy_known)
            sr_buf_printf(b, " %zu |", l->noisy_reps);
        else
            sr_buf_puts(b, " n/a |");
        sr_buf_printf(b, " %zu |\n", l->outliers);
    }
    sr_buf_puts(b, "\nEfficiency breakdown (POP):\n\n"
                   "| workers | load balance | comm. eff. | comp. scalability | parallel eff. | global eff."
                   " | IPC scal. | instr. scal. | freq. scal. | CPU util. |\n"
                   "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (size_t j = 0; j < c->nlv; j++) {
        const sr_level_t *l = &c->lv[j];
        if (l->nwalls == 0)
            continue;
        const sr_breakdown_t *m = &l->pop;
        sr_buf_printf(b, "| %ld |", l->workers);
        double f[] = {m->load_balance, m->comm_eff, m->comp_scalability, m->parallel_eff, m->global_eff,
                      m->ipc_scalability, m->instr_scalability, m->freq_scalability, m->cpu_util};
        for (int k = 0; k < 9; k++)
            sr_factor(b, f[k]);
        sr_buf_puts(b, "\n");
    }
    sr_buf_puts(b, "\n");
    for (size_t j = 0; j < c->nlv; j++) {
        const sr_level_t *l = &c->lv[j];
        if (l->nwalls == 0 || l->workers <= c->base_workers)
            continue;
        const sr_breakdown_t *m = &l->pop;
        const char *wname = NULL;
        double wval = NAN;
        int worst = sr_level_worst(l, &wname, &wval);
        sr_buf_printf(b, "- %ld workers: ", l->workers);
        if (worst < 0 && isfinite(m->cpu_util))
            sr_buf_printf(b, "largest loss: n/a from inside (no busy times); CPU utilisation %.2f%s", m->cpu_util,
                          m->cpu_util < SR_POP_FLAG ? " ⚠: the workers were not all computing" : "");
        else if (worst < 0)
            sr_buf_puts(b, "largest loss: n/a (the engine reported no busy times)");
        else if (wval >= 1)
            sr_buf_printf(b, "no loss (smallest factor: %s %.2f)", wname, wval);
        else
            sr_buf_printf(b, "largest loss: %s %.2f%s", wname, wval, wval < SR_POP_FLAG ? " ⚠" : "");
        if (worst >= 0 && !(isfinite(m->load_balance) && isfinite(m->comm_eff)))
            sr_buf_puts(b, "; load balance and communication efficiency n/a (no busy times from the engine)");
        if (isfinite(m->comp_scalability) && m->comp_scalability > 1.05)
            sr_buf_printf(b, "; computation scalability %.2f > 1: less task time than at the base", m->comp_scalability);
        if (l->verdict && strcmp(l->verdict, "superlinear") == 0)
            sr_buf_puts(b, isfinite(m->comp_scalability) ? " (this is what makes it superlinear)"
                                                         : "; superlinear, unexplained without busy times");
        sr_buf_puts(b, "\n");
    }
    if (c->sched_ok) {
        sr_buf_printf(b, "\nSchedule bound (pool %s, the 1-worker trace's task times, overhead %.3g µs per task):\n",
                      c->sched_pool ? c->sched_pool : "?",
                      isfinite(c->sched_overhead) && c->sched_overhead > 0 ? c->sched_overhead * 1e6 : 0.0);
        int checked = 0;
        for (size_t j = 0; j < c->nlv; j++) {
            const sr_level_t *l = &c->lv[j];
            if (!isfinite(l->sched_speedup))
                continue;
            sr_buf_printf(b, "%s %ld workers: predicted %.2f, measured %.2f, error %+.0f%%", checked ? ";" : "- checked:",
                          l->workers, l->sched_speedup, l->speedup, 100 * (l->sched_speedup / l->speedup - 1));
            checked = 1;
        }
        if (!checked)
            sr_buf_puts(b, "- checked: nowhere (no measured point above 1 worker): no prediction.\n");
        else {
            sr_buf_puts(b, ".\n- predicted speedup bound:");
            for (int k = 0; k < SR_SCHED_NPRED && sr_sched_at[k] <= c->sched_limit; k++)
                sr_buf_printf(b, "%s %.2f at %ld", k ? "," : "", c->sched_pred[k], sr_sched_at[k]);
            if (c->sched_limit < 256)
                sr_buf_printf(b, "; nothing beyond %ld workers (8× the widest measured count: its largest error, "
                                 "%.0f%%, is not under %.0f%%)",
                              c->sched_limit, 100 * c->sched_max_err, 100 * SR_SCHED_TRUSTED_ERR);
            sr_buf_puts(b, ".\n");
        }
    } else if (!sr_weak(c)) {
        sr_buf_puts(b, "\nSchedule bound: none (it needs a 1-worker run with a trace).\n");
    }
}
