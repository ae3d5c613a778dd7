/* stats.c - scaling laws, confidence intervals, the POP breakdown and the
 * schedule bound (see stats.h). */
#include "stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scal_rng.h"
#include "scal_stats.h"
#include "util.h"

double sr_karp_flatt(double s, double p)
{
    if (!(p > 1) || !(s > 0))
        return NAN;
    return (1.0 / s - 1.0 / p) / (1.0 - 1.0 / p);
}

size_t sr_amdahl_fit(const double *p, const double *s, size_t n, double *f)
{
    double sxy = 0, sxx = 0;
    size_t used = 0;
    for (size_t i = 0; i < n; i++) {
        if (!(p[i] > 1) || !(s[i] > 0))
            continue;
        double x = 1.0 - 1.0 / p[i], y = 1.0 / s[i] - 1.0 / p[i];
        sxy += x * y;
        sxx += x * x;
        used++;
    }
    if (used == 0) {
        *f = NAN;
        return 0;
    }
    double fit = sxy / sxx;
    *f = fit < 0 ? 0 : (fit > 1 ? 1 : fit);
    return used;
}

size_t sr_amdahl_fit_guarded(const double *p, const double *s, size_t n, double *f, size_t *avail)
{
    *avail = sr_amdahl_fit(p, s, n, f);
    if (*avail >= SR_AMDAHL_MIN_POINTS)
        return *avail;
    *f = NAN;
    return 0;
}

double sr_amdahl_speedup(double f, double p)
{
    return 1.0 / (f + (1.0 - f) / p);
}

int sr_median_ci_ranks(size_t n, size_t *lo, size_t *hi)
{
    if (n < SR_CI_MIN_N)
        return -1;
    /* Walk up the binomial CDF: cdf = P(B <= i), term = C(n, i) / 2^n. */
    double logterm = -(double)n * log(2.0), cdf = 0;
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        cdf += exp(logterm);
        if (cdf > 0.025 + 1e-12)
            break;
        j = i + 1; /* P(B <= j - 1) <= 0.025 */
        logterm += log((double)(n - i)) - log((double)(i + 1));
    }
    if (j == 0)
        return -1;
    *lo = j;
    *hi = n + 1 - j;
    return 0;
}

static int sr_cmp_dbl(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int sr_median_ci(const double *x, size_t n, double *med, double *lo, double *hi)
{
    *lo = *hi = *med = NAN;
    if (n == 0)
        return -1;
    double *s = sr_xmalloc(n * sizeof *s);
    memcpy(s, x, n * sizeof *s);
    qsort(s, n, sizeof *s, sr_cmp_dbl);
    *med = scal_quantile_sorted(s, n, 0.5);
    size_t a, b;
    int rc = sr_median_ci_ranks(n, &a, &b);
    if (rc == 0) {
        *lo = s[a - 1];
        *hi = s[b - 1];
    }
    free(s);
    return rc;
}

static double sr_resample_median(const double *x, size_t n, scal_rng_t *rng, double *tmp)
{
    for (size_t i = 0; i < n; i++)
        tmp[i] = x[scal_rng_next(rng) % n];
    qsort(tmp, n, sizeof *tmp, sr_cmp_dbl);
    return scal_quantile_sorted(tmp, n, 0.5);
}

int sr_bootstrap_ratio_ci(const double *num, size_t nn, const double *den, size_t nd, double scale,
                          unsigned long long seed, size_t iters, double *lo, double *hi)
{
    *lo = *hi = NAN;
    if (nn == 0 || nd == 0 || iters == 0)
        return -1;
    scal_rng_t rng = scal_rng_init(seed, 0);
    double *tmp = sr_xmalloc((nn > nd ? nn : nd) * sizeof *tmp);
    double *r = sr_xmalloc(iters * sizeof *r);
    for (size_t i = 0; i < iters; i++) {
        double a = sr_resample_median(num, nn, &rng, tmp);
        double b = sr_resample_median(den, nd, &rng, tmp);
        r[i] = scale * a / b;
    }
    qsort(r, iters, sizeof *r, sr_cmp_dbl);
    *lo = scal_quantile_sorted(r, iters, 0.025);
    *hi = scal_quantile_sorted(r, iters, 0.975);
    free(tmp);
    free(r);
    return 0;
}

size_t sr_outliers(const double *x, size_t n)
{
    scal_stats_t st;
    if (n < 4 || scal_stats_compute(x, n, &st) != 0)
        return 0;
    double iqr = st.q3 - st.q1, lo = st.q1 - 1.5 * iqr, hi = st.q3 + 1.5 * iqr;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += x[i] < lo || x[i] > hi;
    return k;
}

static double sr_ratio(double a, double b)
{
    return isfinite(a) && isfinite(b) && a > 0 && b > 0 ? a / b : NAN;
}

void sr_pop_compute(double busy_mean, double busy_max, double wall, double task_sum_base,
                    double task_sum, sr_pop_t *out)
{
    out->load_balance = sr_ratio(busy_mean, busy_max);
    out->comm_eff = sr_ratio(busy_max, wall);
    out->comp_scalability = sr_ratio(task_sum_base, task_sum);
    out->parallel_eff = out->load_balance * out->comm_eff;
    out->global_eff = out->parallel_eff * out->comp_scalability;
}

double sr_scal_ratio(double at_p, double at_base)
{
    return sr_ratio(at_p, at_base);
}

double sr_sched_makespan(const double *t, size_t n, size_t p, sr_sched_t rule, size_t chunk,
                         double overhead)
{
    if (n == 0 || p == 0)
        return NAN;
    double *free_at = sr_xcalloc(p, sizeof *free_at);
    if (rule == SR_SCHED_MAP) {
        size_t k = chunk ? chunk : (n + p - 1) / p;
        for (size_t c = 0, i = 0; c * k < n; c++, i = c % p) {
            free_at[i] += overhead;
            for (size_t j = c * k; j < n && j < (c + 1) * k; j++)
                free_at[i] += t[j];
        }
    } else {
        size_t k = chunk ? chunk : 1;
        for (size_t c = 0; c < n; c += k) {
            size_t w = 0;
            for (size_t i = 1; i < p; i++)
                if (free_at[i] < free_at[w])
                    w = i;
            free_at[w] += overhead;
            for (size_t j = c; j < n && j < c + k; j++)
                free_at[w] += t[j];
        }
    }
    double span = 0;
    for (size_t i = 0; i < p; i++)
        if (free_at[i] > span)
            span = free_at[i];
    free(free_at);
    return span;
}

/* P(U <= u) and P(U >= u) for U of nx values among n = nx + ny without
 * ties: the rank sums of nx-subsets of {1..n}, counted by size and sum. */
static void sr_mw_exact(size_t nx, size_t ny, double u, double *below, double *above)
{
    size_t n = nx + ny, smax = n * (n + 1) / 2;
    double *cnt = sr_xcalloc((nx + 1) * (smax + 1), sizeof *cnt);
#define SR_CNT(k, s) cnt[(k) * (smax + 1) + (s)]
    SR_CNT(0, 0) = 1;
    for (size_t t = 1; t <= n; t++)
        for (size_t k = t < nx ? t : nx; k >= 1; k--)
            for (size_t s = smax; s >= t; s--)
                SR_CNT(k, s) += SR_CNT(k - 1, s - t);
    double total = 0, le = 0, ge = 0, off = (double)(nx * (nx + 1) / 2);
    for (size_t s = 0; s <= smax; s++) {
        double c = SR_CNT(nx, s), us = (double)s - off;
        total += c;
        le += us <= u + 1e-9 ? c : 0;
        ge += us >= u - 1e-9 ? c : 0;
    }
#undef SR_CNT
    free(cnt);
    *below = le / total;
    *above = ge / total;
}

typedef struct sr_tagged {
    double v;
    int from_x;
} sr_tagged_t;

static int sr_cmp_tagged(const void *a, const void *b)
{
    double x = ((const sr_tagged_t *)a)->v, y = ((const sr_tagged_t *)b)->v;
    return (x > y) - (x < y);
}

int sr_mann_whitney(const double *x, size_t nx, const double *y, size_t ny, double *u, double *p)
{
    *u = *p = NAN;
    if (nx == 0 || ny == 0)
        return -1;
    size_t n = nx + ny;
    sr_tagged_t *all = sr_xmalloc(n * sizeof *all);
    for (size_t i = 0; i < nx; i++)
        all[i] = (sr_tagged_t){x[i], 1};
    for (size_t j = 0; j < ny; j++)
        all[nx + j] = (sr_tagged_t){y[j], 0};
    qsort(all, n, sizeof *all, sr_cmp_tagged);
    /* Rank sum of x with average ranks for ties, and the tie term. */
    double rank_x = 0, ties = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && all[j].v == all[i].v)
            j++;
        double t = (double)(j - i), avg = (double)(i + 1 + j) / 2;
        for (size_t k = i; k < j; k++)
            rank_x += all[k].from_x ? avg : 0;
        ties += t * t * t - t;
        i = j;
    }
    free(all);
    *u = rank_x - (double)nx * (double)(nx + 1) / 2;
    if (ties == 0 && n <= SR_MW_EXACT_MAX) {
        double below, above;
        sr_mw_exact(nx, ny, *u, &below, &above);
        double two = 2 * (below < above ? below : above);
        *p = two < 1 ? two : 1;
        return 0;
    }
    double mu = (double)nx * (double)ny / 2, dn = (double)n;
    double var = (double)nx * (double)ny / 12 * ((dn + 1) - ties / (dn * (dn - 1)));
    if (var <= 0) {
        *p = 1;   /* every value equal: no evidence either way */
        return 0;
    }
    double z = (fabs(*u - mu) - 0.5) / sqrt(var);
    *p = z > 0 ? erfc(z / sqrt(2.0)) : 1;
    return 0;
}
