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

/* Worker counts the Amdahl fit predicts for. */
#define SR_PREDICT_AT {16, 64, 256}
#define SR_NPREDICT 3

/* Figures summarised beside the wall time, by their median: engine fields,
 * and per repetition the worker-time per task, p * wall / tasks, and the
 * overhead per task, (p * wall - sum of task times) / tasks: the time workers
 * spent on anything but tasks (dispatch, waiting, imbalance). */
enum { SR_EXTRA_FIRST, SR_EXTRA_SETUP, SR_EXTRA_PSS, SR_EXTRA_PER_TASK, SR_EXTRA_OVERHEAD,
       SR_NEXTRA };

typedef struct sr_level {
    long workers;
    double *walls;            /* wall_s of each ok repetition */
    size_t nwalls;
    double *extra[SR_NEXTRA]; /* first_result_s, setup_s, pss_bytes; NaN if absent */
    size_t not_ok;            /* runs at this point that were not ok */
    double median, min, max, speedup, efficiency, karp_flatt;
    double extra_median[SR_NEXTRA];
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
    size_t fit_points;
    char *trace;              /* trace of its widest ok run, relative to the folder */
    char *trace_id;
    long trace_workers;
} sr_curve_t;

typedef struct sr_summary {
    sr_curve_t *c;
    size_t n;
    size_t rows, runs, not_ok;
    sr_buf_t failures;        /* markdown table rows for the runs not ok */
} sr_summary_t;

/* Read dir/runs.csv and compute every curve. 0, or -1 with err. */
int sr_summary_load(const char *dir, sr_summary_t *sum, sr_err_t *err);
void sr_summary_free(sr_summary_t *sum);
/* The title of curve c, e.g. "procs pool=map". Caller frees. */
char *sr_curve_title(const sr_curve_t *c);

/* Write dir/summary.csv and dir/summary.md. */
int sr_summary_write(const char *dir, const sr_summary_t *sum, sr_err_t *err);
/* Write dir/plots/ *.gp and *.dat, then render them with gnuplot when it is
 * on PATH (else say how). Returns 0, or -1 with err when files cannot be
 * written or gnuplot fails. */
int sr_plots_write(const char *dir, const sr_summary_t *sum, sr_err_t *err);

/* All of the above: the whole report for a results folder. */
int sr_report(const char *dir, sr_err_t *err);

#endif
