/* scal_stats.h - summaries of repeated measurements: a distribution, not a
 * single number (min, quartiles, median, max, mean, standard deviation). */
#ifndef SCAL_STATS_H
#define SCAL_STATS_H

#include <stddef.h>

typedef struct scal_stats {
    size_t n;
    double min, q1, median, q3, max;
    double mean, sd; /* sd: sample standard deviation, 0 when n < 2 */
    double sum;
} scal_stats_t;

/* Summarize x[0..n-1] (not modified).  n == 0 gives all zeros.
 * Returns 0, or -1 if memory for the sorted copy could not be had. */
int scal_stats_compute(const double *x, size_t n, scal_stats_t *out);

/* The p-quantile (0 <= p <= 1) of sorted[0..n-1], linear interpolation
 * between closest ranks.  n must be > 0. */
double scal_quantile_sorted(const double *sorted, size_t n, double p);

#endif
