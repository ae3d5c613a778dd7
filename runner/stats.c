/* stats.c - Karp-Flatt and the Amdahl fit (see stats.h). */
#include "stats.h"

#include <math.h>

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

double sr_amdahl_speedup(double f, double p)
{
    return 1.0 / (f + (1.0 - f) / p);
}
