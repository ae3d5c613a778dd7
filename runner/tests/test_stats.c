/* test_stats.c - Karp-Flatt and the Amdahl fit on exact data. */
#include <math.h>

#include "scal_test.h"
#include "stats.h"

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

int main(void)
{
    SCAL_RUN(test_karp_flatt_of_amdahl_data_is_f);
    SCAL_RUN(test_amdahl_fit_recovers_f);
    SCAL_RUN(test_amdahl_fit_least_squares_and_clamp);
    return SCAL_TEST_END();
}
