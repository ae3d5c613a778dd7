/* report.h - summaries and plots rebuilt from runs.csv alone.
 *
 * A curve is a series with one value for each of its other sweep parameters
 * (`procs pool=map`): speedup is measured along it, against its own 1-worker
 * median wall time. A curve without a 1-worker point uses its smallest worker
 * count p0 as the base, T(1) ~ p0 * T(p0) (perfect scaling assumed up to
 * p0), labels it so, and leaves that point out of the Amdahl fit. Only runs
 * with status ok count. */
#ifndef SR_REPORT_H
#define SR_REPORT_H

#include <stddef.h>

#include "util.h"

/* Worker counts the schedule bound predicts for: 2, 4, ..., 256. */
#define SR_SCHED_NPRED 8
#define SR_SCHED_AT {2, 4, 8, 16, 32, 64, 128, 256}

/* Worker counts the Amdahl fit predicts for. */
#define SR_PREDICT_AT {16, 64, 256}
#define SR_NPREDICT 3

/* Figures summarised beside the wall time, by their median: engine fields,
 * and per repetition the worker-time per task, p * wall / tasks, and the
 * overhead per task, (p * wall - sum of task times) / tasks: the time workers
 * spent on anything but tasks (dispatch, waiting, imbalance). */
enum { SR_EXTRA_FIRST, SR_EXTRA_SETUP, SR_EXTRA_PSS, SR_EXTRA_PER_TASK, SR_EXTRA_OVERHEAD,
       SR_NEXTRA };

/* Per-repetition engine fields the statistics use, read by name (NaN where
 * a row has none: an engine that does not print the field yet). */
enum { SR_REP_BUSY_MEAN, SR_REP_BUSY_MAX, SR_REP_TASK_SUM, SR_REP_NOISY, SR_REP_STEAL, SR_REP_NIVCSW,
       SR_REP_OTHERS, SR_REP_FREQ, SR_REP_CYCLES, SR_REP_INSTR, SR_REP_CHUNK, SR_REP_CPU, SR_REP_WALL,
       SR_REP_WORKERS, SR_NREP };
#define SR_REP_FIELDS {"busy_mean_s", "busy_max_s", "task_sum_s", "noisy", "steal_s", "nivcsw", \
                       "others_running", "freq_mhz", "cycles", "instructions", "chunk", "cpu_s", \
                       "elapsed_s", "workers"}

/* The POP breakdown of a point, from medians over its repetitions; NaN
 * where a figure is unknown ("n/a"). */
typedef struct sr_breakdown {
    double load_balance, comm_eff, comp_scalability, parallel_eff, global_eff;
    double ipc_scalability, instr_scalability, freq_scalability;
    /* what can be seen from outside: CPU seconds (wait4) / (the process's wall
     * time, elapsed_s, x workers): an engine's covers its set-up and warm-up too */
    double cpu_util;
} sr_breakdown_t;

typedef struct sr_level {
    long workers;
    double *walls;            /* wall_s of each ok repetition (or its figure: sr_runs_figure) */
    size_t nwalls;
    double *extra[SR_NEXTRA]; /* first_result_s, setup_s, pss_bytes; NaN if absent */
    double *rep[SR_NREP];     /* SR_REP_* of each ok repetition */
    size_t not_ok;            /* runs at this point that were not ok */
    double median, min, max, speedup, efficiency, karp_flatt;
    double extra_median[SR_NEXTRA];
    /* Uncertainty: the median's 95% CI (NaN below SR_CI_MIN_N values),
     * speedup and efficiency CIs (bootstrap), precise enough (stable). */
    double ci_lo, ci_hi, sp_lo, sp_hi, eff_lo, eff_hi;
    int stable;
    size_t noisy_reps, outliers;
    int noisy_known;          /* some repetition had a `noisy` value */
    const char *verdict;
    sr_breakdown_t pop;
    double sched_speedup;     /* the schedule bound's speedup here, NaN if none */
    char *trace;              /* a trace of this point, relative to the folder */
} sr_level_t;

typedef struct sr_curve {
    char *scaling;            /* "strong", or "weak:KEY": KEY grew with the workers */
    char *series;
    char *label;              /* "pool=map bind=spread", or "" */
    sr_level_t *lv;           /* sorted by workers */
    size_t nlv;
    long base_workers;        /* 0: no ok run at all */
    double base_time;         /* T(1), measured or scaled */
    double f;                 /* Amdahl serial fraction, NaN without a fit */
    size_t fit_points;        /* 0: no fit (fewer than SR_AMDAHL_MIN_POINTS) */
    size_t fit_avail;         /* measured worker counts above 1 */
    double precision;         /* the series' precision key */
    char *claim;              /* the series' claim key, or NULL */
    /* Schedule bound: the base trace's task times on p workers. */
    int sched_ok;
    char *sched_pool;
    double sched_overhead, sched_max_err; /* per task; largest |error| at measured p */
    long sched_limit;                    /* predicted up to this many workers */
    double sched_pred[SR_SCHED_NPRED];   /* at 2, 4, ..., 256 workers */
    char *trace;              /* trace of its widest ok run, relative to the folder */
    char *trace_id;
    long trace_workers;
    char *fom_unit;           /* a command's fom is the figure: its unit; NULL: the wall time */
    int fom_higher;           /* ... and higher is better (the walls hold 1 / fom) */
} sr_curve_t;

typedef struct sr_summary {
    sr_curve_t *c;
    size_t n;
    unsigned long long seed; /* env.txt's round_seed, the bootstrap's seed too */
    sr_strv_t env;           /* env.txt's lines, first block */
    size_t rows, runs, not_ok;
    sr_buf_t failures;        /* markdown table rows for the runs not ok */
} sr_summary_t;

/* The statistics of every curve (judge.c): CIs, stability, verdicts, the
 * POP breakdown and the schedule bound. Called by sr_summary_load. */
void sr_judge(const char *dir, sr_summary_t *sum);
/* summary.md's parts from judge.c: the method and noise header, the claims
 * section, and a curve's breakdown, verdicts and models. */
void sr_judge_md_header(const sr_summary_t *sum, sr_buf_t *b);
void sr_judge_md_claims(const sr_summary_t *sum, sr_buf_t *b);
void sr_judge_md_curve(const sr_summary_t *sum, const sr_curve_t *c, sr_buf_t *b);
/* The claim of curve c's series judged by the CIs: 0 confirmed, 1
 * inconclusive, 2 contradicted (sr_claim_outcome_names), with what was
 * measured (and the noise evidence) appended to ev; -1 when c has no claim. */
int sr_claim_judge(const sr_summary_t *sum, const sr_curve_t *c, sr_buf_t *ev);
extern const char *const sr_claim_outcome_names[];
/* For a curve whose series claims lowest-wall, -first-result or -pss: the
 * metric that claim compares at level l, its median and 95% CI (NaN below
 * 6 values) in the unit *what names ("first result (s)", "PSS (MiB)").
 * Returns 0, or -1 for another claim or no value. */
int sr_claim_metric(const sr_curve_t *c, const sr_level_t *l, const char **what, double *med, double *lo,
                    double *hi);
/* The smallest known breakdown factor of a point (its largest loss): 0 with
 * its name and value, or -1 when none is known. */
int sr_level_worst(const sr_level_t *l, const char **name, double *value);
/* The value of env.txt's "key: value" line (first block), or NULL. */
const char *sr_env_get(const sr_summary_t *sum, const char *key);

/* Read dir/runs.csv and compute every curve. 0, or -1 with err. */
int sr_summary_load(const char *dir, sr_summary_t *sum, sr_err_t *err);
void sr_summary_free(sr_summary_t *sum);
/* The title of curve c, e.g. "procs pool=map". Caller frees. */
char *sr_curve_title(const sr_curve_t *c);

/* summary.md in its three parts: the findings in words (claims first),
 * the method, and the details of every curve. summary.md is their
 * concatenation; index.html shows them around the plots. */
void sr_summary_md_parts(const char *dir, const sr_summary_t *sum, sr_buf_t *findings, sr_buf_t *method,
                         sr_buf_t *details);

/* Write dir/summary.csv and dir/summary.md. */
int sr_summary_write(const char *dir, const sr_summary_t *sum, sr_err_t *err);
/* Write dir/plots/ *.gp and *.dat, then render them with gnuplot when it is
 * on PATH (else say how). Returns 0, or -1 with err when files cannot be
 * written or gnuplot fails. */
int sr_plots_write(const char *dir, const sr_summary_t *sum, sr_err_t *err);

/* Write dir/index.html (html.c): one self-contained page, the findings,
 * the plots inlined from plots/ *.svg, the details, the method and env.txt.
 * 0, or -1 with err when it cannot be written. */
int sr_html_write(const char *dir, const sr_summary_t *sum, sr_err_t *err);

/* All of the above: the whole report for a results folder. */
int sr_report(const char *dir, sr_err_t *err);

#endif
