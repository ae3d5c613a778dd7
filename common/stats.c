/* stats.c - distribution summaries for repeated measurements. */
#include "scal_stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double scal_quantile_sorted(const double *sorted, size_t n, double p)
{
    double pos = p * (double)(n - 1);
    size_t lo = (size_t)floor(pos);
    size_t hi = lo + 1 < n ? lo + 1 : lo;
    double frac = pos - (double)lo;
    return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
}

int scal_stats_compute(const double *x, size_t n, scal_stats_t *out)
{
    memset(out, 0, sizeof *out);
    if (n == 0)
        return 0;
    double *s = malloc(n * sizeof *s);
    if (!s)
        return -1;
    memcpy(s, x, n * sizeof *s);
    qsort(s, n, sizeof *s, cmp_double);

    /* Welford's update: stable for many samples of similar size. */
    double mean = 0, m2 = 0, sum = 0;
    for (size_t i = 0; i < n; i++) {
        double d = s[i] - mean;
        mean += d / (double)(i + 1);
        m2 += d * (s[i] - mean);
        sum += s[i];
    }
    out->n = n;
    out->min = s[0];
    out->max = s[n - 1];
    out->q1 = scal_quantile_sorted(s, n, 0.25);
    out->median = scal_quantile_sorted(s, n, 0.5);
    out->q3 = scal_quantile_sorted(s, n, 0.75);
    out->mean = mean;
    out->sd = n > 1 ? sqrt(m2 / (double)(n - 1)) : 0.0;
    out->sum = sum;
    free(s);
    return 0;
}
