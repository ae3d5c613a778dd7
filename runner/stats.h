/* stats.h - scaling laws for a study, in one place so that they can move to
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

#endif
