/* integrate_omp.c - a small OpenMP program of the kind scal-run studies with
 * engine = command (see jobs/your-program.job and the README's "Study your
 * own program"): pi as the integral of 4 / (1 + x^2) over [0, 1] by the
 * midpoint rule on N points, the points shared among OpenMP threads. It
 * knows nothing of scalestudy; it prints its answer, its error and a rate:
 *
 *   pi = 3.141592653589793 (error 2.1e-14)
 *   rate: 412.7 Mpoints/s
 *
 * usage: integrate-omp [POINTS]   (default 200000000; OMP_NUM_THREADS threads) */
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    long long n = argc > 1 ? atoll(argv[1]) : 200000000LL;
    if (n < 1) {
        fprintf(stderr, "integrate-omp: POINTS must be a whole number >= 1, not '%s'\n", argv[1]);
        return 2;
    }
    const double h = 1.0 / (double)n;
    double sum = 0.0;
    double t0 = omp_get_wtime();
#pragma omp parallel for schedule(static) reduction(+ : sum)
    for (long long i = 0; i < n; i++) {
        double x = ((double)i + 0.5) * h;
        sum += 4.0 / (1.0 + x * x);
    }
    double t = omp_get_wtime() - t0;
    double pi = sum * h;
    printf("pi = %.15f (error %.1e) on %d threads\n", pi, fabs(pi - M_PI), omp_get_max_threads());
    printf("rate: %.1f Mpoints/s\n", (double)n / t / 1e6);
    return fabs(pi - M_PI) < 1e-6 ? 0 : 1;
}
