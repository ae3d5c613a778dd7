/* stats.h - scaling laws and the statistics of a study, in one place so that they can move to
 * common/ when the engines need them too. Distributions of repeated
 * measurements (median, min, max) come from common's scal_stats.h.
 *
 * Speedup S(p) = T(1) / T(p) from median wall times; efficiency S/p; the
 * Karp-Flatt experimentally determined serial fraction
 *     e(p) = (1/S - 1/p) / (1 - 1/p)                      (p > 1);
 * and Amdahl's law S(p) = 1 / (f + (1 - f)/p) fitted for the serial fraction
 * f. Rewritten, 1/S - 1/p = f (1 - 1/p): a line through the origin in
 * x = 1 - 1/p, y = 1/S - 1/p, so the least-squares f is sum(xy) / sum(xx).
 * This fits normalised run time (1/S = T(p)/T(1)), the quantity measured and
 * the one Amdahl's model is linear in; fitting S itself would be non-linear
 * and dominated by the largest p. f is clamped to [0, 1]. */
#ifndef SR_STATS_H
#define SR_STATS_H

#include <stddef.h>

/* Karp-Flatt serial fraction for speedup s on p > 1 workers; NaN for p <= 1. */
double sr_karp_flatt(double s, double p);
/* Least-squares Amdahl serial fraction from n (p, S) points; points with
 * p <= 1 carry no information and are skipped. Returns the number of points
 * used (0: no fit, *f set to NaN). */
size_t sr_amdahl_fit(const double *p, const double *s, size_t n, double *f);
/* Speedup Amdahl's law predicts on p workers for serial fraction f. */
double sr_amdahl_speedup(double f, double p);

/* Guarded models: Amdahl's law is fitted only from at least this many
 * measured worker counts above 1 (two points fit any curve of one
 * parameter with no check left over). */
#define SR_AMDAHL_MIN_POINTS 3
/* sr_amdahl_fit with that guard: the points used, or 0 (and *f NaN) when
 * fewer than SR_AMDAHL_MIN_POINTS have p > 1. *avail: how many had. */
size_t sr_amdahl_fit_guarded(const double *p, const double *s, size_t n, double *f, size_t *avail);

/* ---- Uncertainty of repeated measurements ----
 *
 * The 95% confidence interval of the median from order statistics (Le
 * Boudec, "Performance Evaluation of Computer and Communication Systems",
 * 2010, Thm 2.1; Hoefler & Belli, SC'15): for n values sorted x(1) <= ... <=
 * x(n), [x(j), x(k)] with k = n + 1 - j and j the largest rank such that
 * P(B <= j - 1) <= 0.025 for B ~ Binomial(n, 1/2). It assumes nothing about
 * the distribution, only independent repetitions. Below 6 values no pair of
 * ranks reaches 95% (n = 5: [x(1), x(5)] covers 93.75%). */
#define SR_CI_MIN_N 6

/* The 1-based ranks (lo, hi) of the 95% CI of the median of n values.
 * Returns 0, or -1 when n < SR_CI_MIN_N (no such ranks). */
int sr_median_ci_ranks(size_t n, size_t *lo, size_t *hi);
/* Median of x[0..n-1] (not modified) and its 95% CI. *med is set for any
 * n >= 1; returns 0 with *lo, *hi set, or -1 (n < SR_CI_MIN_N: *lo, *hi NaN). */
int sr_median_ci(const double *x, size_t n, double *med, double *lo, double *hi);

/* Percentile bootstrap 95% CI of scale * median(num) / median(den): `iters`
 * resamples of both sets with replacement, drawn from a SplitMix64 stream of
 * `seed` (the same seed gives the same interval). Returns 0, or -1 when a
 * set is empty. Speedup T(1)/T(p): num = base walls, den = walls at p. */
int sr_bootstrap_ratio_ci(const double *num, size_t nn, const double *den, size_t nd, double scale,
                          unsigned long long seed, size_t iters, double *lo, double *hi);
#define SR_BOOTSTRAP_ITERS 2000

/* Values beyond 1.5 interquartile ranges from the quartiles (Tukey's
 * fences). Counted, never dropped. */
size_t sr_outliers(const double *x, size_t n);

/* ---- The POP efficiency breakdown ----
 *
 * From per-worker busy times (busy = sum of its task times) and the sum of
 * all task times: load balance LB = mean busy / max busy; communication
 * (serialization) efficiency CE = max busy / wall; computation scalability
 * CS = task sum at the base / task sum at p (below 1: the same work took
 * longer, contention or interference; above 1: it took less, e.g. caches);
 * parallel efficiency LB x CE; global efficiency parallel x CS. A factor
 * that cannot be computed (a figure unknown) is NaN, and so is every
 * product it enters. */
typedef struct sr_pop {
    double load_balance, comm_eff, comp_scalability, parallel_eff, global_eff;
} sr_pop_t;
void sr_pop_compute(double busy_mean, double busy_max, double wall, double task_sum_base,
                    double task_sum, sr_pop_t *out);
/* Hardware split of computation scalability from counters: IPC scalability
 * IPC(p) / IPC(base), instruction scalability instr(base) / instr(p),
 * frequency scalability f(p) / f(base). NaN where a figure is unknown. */
double sr_scal_ratio(double at_p, double at_base);

/* ---- Schedule bound ----
 *
 * The makespan of tasks t[0..n-1] on p workers under a pool's rule, each
 * dispatch (of `chunk` tasks) costing `overhead` seconds on its worker:
 *   map           static: worker w runs chunks w, w+p, w+2p, ... (chunk 0:
 *                 ceil(n/p) tasks each, one contiguous block per worker);
 *   submit, as-completed  list scheduling: the next chunk goes to the worker
 *                 that frees first (Graham 1966: within 2 - 1/p of optimal).
 * Returns the makespan, or NaN when n == 0 or p == 0. */
typedef enum sr_sched { SR_SCHED_MAP, SR_SCHED_DYNAMIC } sr_sched_t;
double sr_sched_makespan(const double *t, size_t n, size_t p, sr_sched_t rule, size_t chunk,
                         double overhead);

/* ---- Comparing two sets of repetitions ----
 *
 * The Mann-Whitney U test (Wilcoxon rank-sum) of x against y: U counts the
 * pairs (x[i], y[j]) with x[i] > y[j], a tie counting 1/2, so U = nx * ny / 2
 * when neither tends to be larger. Two-sided p-value: exact (the
 * distribution of a sum of nx ranks out of nx + ny, counted) when there are
 * no ties and nx + ny <= SR_MW_EXACT_MAX; else the normal approximation with
 * the tie correction and a continuity correction. Returns 0, or -1 when a
 * set is empty (*u and *p NaN). */
#define SR_MW_EXACT_MAX 60
int sr_mann_whitney(const double *x, size_t nx, const double *y, size_t ny, double *u, double *p);

#endif
