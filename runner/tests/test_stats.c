/* test_stats.c - Karp-Flatt, the Amdahl fit, the median CI, the bootstrap,
 * the POP breakdown and the schedule simulator, on known inputs. */
#include <math.h>
#include <stdlib.h>

#include "scal_test.h"
#include "stats.h"

/* Amdahl from 2 points above 1 fits anything: refused. From 3 it is kept. */
static void test_amdahl_fit_is_guarded(void)
{
    double p[] = {1, 2, 4, 8}, s[4], f;
    size_t avail;
    for (int i = 0; i < 4; i++)
        s[i] = sr_amdahl_speedup(0.05, p[i]);
    SCAL_CHECK_EQ_U64(sr_amdahl_fit_guarded(p, s, 3, &f, &avail), 0); /* p = 2, 4 */
    SCAL_CHECK_EQ_U64(avail, 2);
    SCAL_CHECK(isnan(f));
    SCAL_CHECK_EQ_U64(sr_amdahl_fit_guarded(p, s, 4, &f, &avail), 3);
    SCAL_CHECK_EQ_U64(avail, 3);
    SCAL_CHECK_NEAR(f, 0.05, 1e-12);
    double one[] = {2}, sp[] = {1.9};
    SCAL_CHECK_EQ_U64(sr_amdahl_fit_guarded(one, sp, 1, &f, &avail), 0); /* the "fit from 1 point" */
    SCAL_CHECK(isnan(f) && avail == 1);
}

static void test_karp_flatt_of_amdahl_data_is_f(void)
{
    const double f = 0.2;
    for (double p = 2; p <= 64; p *= 2)
        SCAL_CHECK_NEAR(sr_karp_flatt(sr_amdahl_speedup(f, p), p), f, 1e-12);
    SCAL_CHECK(isnan(sr_karp_flatt(1.0, 1.0)));
    SCAL_CHECK_NEAR(sr_karp_flatt(4.0, 4.0), 0.0, 1e-12);   /* ideal: no serial part */
}

static void test_amdahl_fit_recovers_f(void)
{
    double p[] = {1, 2, 4, 8}, s[4];
    for (int i = 0; i < 4; i++)
        s[i] = sr_amdahl_speedup(0.05, p[i]);
    double f;
    SCAL_CHECK_EQ_U64(sr_amdahl_fit(p, s, 4, &f), 3);   /* p = 1 carries nothing */
    SCAL_CHECK_NEAR(f, 0.05, 1e-12);
    SCAL_CHECK_NEAR(sr_amdahl_speedup(f, 16), 1 / (0.05 + 0.95 / 16), 1e-9);
}

static void test_amdahl_fit_least_squares_and_clamp(void)
{
    /* Two points with e = 0.1 and 0.3 at p = 2 (x = 1/2) and p = 4 (x = 3/4):
     * f = sum(xy)/sum(xx) = (0.5*0.05 + 0.75*0.225) / (0.25 + 0.5625). */
    double p[] = {2, 4};
    double s[] = {1 / (0.5 + 0.5 * 0.1), 1 / (0.25 + 0.75 * 0.3)};
    double f;
    SCAL_CHECK_EQ_U64(sr_amdahl_fit(p, s, 2, &f), 2);
    SCAL_CHECK_NEAR(f, (0.5 * 0.05 + 0.75 * 0.225) / (0.25 + 0.5625), 1e-12);
    double super[] = {3, 6};   /* superlinear: f < 0 is clamped to 0 */
    SCAL_CHECK_EQ_U64(sr_amdahl_fit(p, super, 2, &f), 2);
    SCAL_CHECK_NEAR(f, 0.0, 0);
    double one[] = {1};
    SCAL_CHECK_EQ_U64(sr_amdahl_fit(one, one, 1, &f), 0);
    SCAL_CHECK(isnan(f));
}

/* Ranks of the 95% CI of the median: Le Boudec (2010), Table A.1, which are
 * the binomial ranks with P(B <= j - 1) <= 0.025, B ~ Bin(n, 1/2). */
static void test_median_ci_ranks_match_the_table(void)
{
    static const size_t table[][3] = {
        {6, 1, 6},    {7, 1, 7},    {8, 1, 8},    {9, 2, 8},    {10, 2, 9},   {11, 2, 10},
        {12, 3, 10},  {13, 3, 11},  {14, 3, 12},  {15, 4, 12},  {16, 4, 13},  {17, 5, 13},
        {18, 5, 14},  {19, 5, 15},  {20, 6, 15},  {21, 6, 16},  {22, 6, 17},  {23, 7, 17},
        {24, 7, 18},  {25, 8, 18},  {26, 8, 19},  {27, 8, 20},  {28, 9, 20},  {29, 9, 21},
        {30, 10, 21},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        size_t lo = 0, hi = 0;
        SCAL_CHECK(sr_median_ci_ranks(table[i][0], &lo, &hi) == 0);
        SCAL_CHECK_EQ_U64(lo, table[i][1]);
        SCAL_CHECK_EQ_U64(hi, table[i][2]);
    }
    size_t lo, hi;
    for (size_t n = 0; n < SR_CI_MIN_N; n++)
        SCAL_CHECK(sr_median_ci_ranks(n, &lo, &hi) == -1);
    /* Large n: close to the normal approximation n/2 -+ 0.98 sqrt(n). */
    SCAL_CHECK(sr_median_ci_ranks(1000, &lo, &hi) == 0);
    SCAL_CHECK(lo >= 468 && lo <= 470 && hi == 1001 - lo);
}

static void test_median_ci_of_known_values(void)
{
    double x[] = {9, 1, 8, 2, 7, 3, 6, 4, 5}; /* n = 9: ranks 2 and 8 */
    double med, lo, hi;
    SCAL_CHECK(sr_median_ci(x, 9, &med, &lo, &hi) == 0);
    SCAL_CHECK_NEAR(med, 5, 0);
    SCAL_CHECK_NEAR(lo, 2, 0);
    SCAL_CHECK_NEAR(hi, 8, 0);
    SCAL_CHECK_NEAR(x[0], 9, 0); /* not modified */
    SCAL_CHECK(sr_median_ci(x, 5, &med, &lo, &hi) == -1);
    SCAL_CHECK(isfinite(med) && isnan(lo) && isnan(hi));
}

static void test_bootstrap_is_reproducible_from_its_seed(void)
{
    double a[] = {1.0, 1.1, 0.9, 1.05, 0.95, 1.02, 0.98, 1.01};
    double b[] = {0.5, 0.55, 0.45, 0.52, 0.48, 0.51, 0.49, 0.5};
    double lo1, hi1, lo2, hi2, lo3, hi3;
    SCAL_CHECK(sr_bootstrap_ratio_ci(a, 8, b, 8, 1.0, 42, SR_BOOTSTRAP_ITERS, &lo1, &hi1) == 0);
    SCAL_CHECK(sr_bootstrap_ratio_ci(a, 8, b, 8, 1.0, 42, SR_BOOTSTRAP_ITERS, &lo2, &hi2) == 0);
    SCAL_CHECK(lo1 == lo2 && hi1 == hi2);
    SCAL_CHECK(lo1 < 2.0 && hi1 > 2.0 && lo1 > 1.6 && hi1 < 2.5); /* the true ratio, 2 */
    SCAL_CHECK(sr_bootstrap_ratio_ci(a, 8, b, 8, 1.0, 43, SR_BOOTSTRAP_ITERS, &lo3, &hi3) == 0);
    SCAL_CHECK(lo3 != lo1 || hi3 != hi1);
    /* Constant data: the interval is the point. */
    double c[] = {2, 2, 2, 2, 2, 2};
    SCAL_CHECK(sr_bootstrap_ratio_ci(c, 6, c, 6, 3.0, 1, 100, &lo1, &hi1) == 0);
    SCAL_CHECK_NEAR(lo1, 3.0, 1e-12);
    SCAL_CHECK_NEAR(hi1, 3.0, 1e-12);
    SCAL_CHECK(sr_bootstrap_ratio_ci(a, 0, b, 8, 1.0, 1, 100, &lo1, &hi1) == -1);
}

static void test_outliers_counted_by_tukey_fences(void)
{
    double x[] = {1, 1, 1, 1, 1, 1, 1, 10}; /* IQR 0: 10 is out */
    SCAL_CHECK_EQ_U64(sr_outliers(x, 8), 1);
    double y[] = {1, 2, 3, 4, 5, 6, 7, 8};
    SCAL_CHECK_EQ_U64(sr_outliers(y, 8), 0);
}

/* Hand-made records: 4 workers busy 1, 1, 1, 2 s (mean 1.25, max 2), wall
 * 2.5 s, task sum 5 s against 4 s at the base. */
static void test_pop_metrics_on_hand_made_records(void)
{
    sr_pop_t m;
    sr_pop_compute(1.25, 2.0, 2.5, 4.0, 5.0, &m);
    SCAL_CHECK_NEAR(m.load_balance, 0.625, 1e-12);
    SCAL_CHECK_NEAR(m.comm_eff, 0.8, 1e-12);
    SCAL_CHECK_NEAR(m.comp_scalability, 0.8, 1e-12);
    SCAL_CHECK_NEAR(m.parallel_eff, 0.5, 1e-12);
    SCAL_CHECK_NEAR(m.global_eff, 0.4, 1e-12);
    /* global = T(1) / (p wall) when the base is the serial task sum */
    SCAL_CHECK_NEAR(m.global_eff, 4.0 / (4 * 2.5), 1e-12);
    sr_pop_compute(NAN, 2.0, 2.5, 4.0, 3.0, &m); /* busy unknown */
    SCAL_CHECK(isnan(m.load_balance) && isnan(m.parallel_eff) && isnan(m.global_eff));
    SCAL_CHECK_NEAR(m.comp_scalability, 4.0 / 3.0, 1e-12); /* above 1: less work at p */
    SCAL_CHECK(isnan(sr_scal_ratio(NAN, 1)) && sr_scal_ratio(3, 2) == 1.5);
}

static void test_schedule_makespans(void)
{
    double unit[8];
    for (int i = 0; i < 8; i++)
        unit[i] = 1;
    SCAL_CHECK_NEAR(sr_sched_makespan(unit, 8, 1, SR_SCHED_DYNAMIC, 0, 0), 8, 1e-12);
    SCAL_CHECK_NEAR(sr_sched_makespan(unit, 8, 4, SR_SCHED_DYNAMIC, 0, 0), 2, 1e-12);
    SCAL_CHECK_NEAR(sr_sched_makespan(unit, 8, 3, SR_SCHED_MAP, 0, 0), 3, 1e-12);
    SCAL_CHECK_NEAR(sr_sched_makespan(unit, 8, 16, SR_SCHED_DYNAMIC, 0, 0), 1, 1e-12);
    /* per-dispatch overhead: 8 dispatches of 1 + 0.5 on 2 workers */
    SCAL_CHECK_NEAR(sr_sched_makespan(unit, 8, 2, SR_SCHED_DYNAMIC, 1, 0.5), 6, 1e-12);
    /* chunk 4 on 2 workers: one dispatch each */
    SCAL_CHECK_NEAR(sr_sched_makespan(unit, 8, 2, SR_SCHED_DYNAMIC, 4, 0.5), 4.5, 1e-12);
    /* map, chunk 1, round robin: worker 0 gets tasks 0, 2 (3 + 3), worker 1 gets 1, 3 */
    double uneven[] = {3, 1, 3, 1};
    SCAL_CHECK_NEAR(sr_sched_makespan(uneven, 4, 2, SR_SCHED_MAP, 1, 0), 6, 1e-12);
    SCAL_CHECK_NEAR(sr_sched_makespan(uneven, 4, 2, SR_SCHED_DYNAMIC, 1, 0), 4, 1e-12);
    /* Graham's worst case for list scheduling: p(p-1) unit tasks, then one
     * of length p. List scheduling ends at 2p - 1; the optimum is p. */
    for (size_t p = 2; p <= 8; p++) {
        size_t n = p * (p - 1) + 1;
        double *t = malloc(n * sizeof *t);
        for (size_t i = 0; i + 1 < n; i++)
            t[i] = 1;
        t[n - 1] = (double)p;
        SCAL_CHECK_NEAR(sr_sched_makespan(t, n, p, SR_SCHED_DYNAMIC, 1, 0), 2.0 * (double)p - 1, 1e-12);
        free(t);
    }
    SCAL_CHECK(isnan(sr_sched_makespan(unit, 0, 2, SR_SCHED_MAP, 0, 0)));
}

int main(void)
{
    SCAL_RUN(test_karp_flatt_of_amdahl_data_is_f);
    SCAL_RUN(test_amdahl_fit_recovers_f);
    SCAL_RUN(test_amdahl_fit_least_squares_and_clamp);
    SCAL_RUN(test_amdahl_fit_is_guarded);
    SCAL_RUN(test_median_ci_ranks_match_the_table);
    SCAL_RUN(test_median_ci_of_known_values);
    SCAL_RUN(test_bootstrap_is_reproducible_from_its_seed);
    SCAL_RUN(test_outliers_counted_by_tukey_fences);
    SCAL_RUN(test_pop_metrics_on_hand_made_records);
    SCAL_RUN(test_schedule_makespans);
    return SCAL_TEST_END();
}
