/* test_compare.c - the Mann-Whitney U test and the ratio of medians with its
 * CI that `scal-run --compare` labels points by, on known inputs. */
#include <math.h>
#include <stdlib.h>

#include "compare.h"
#include "scal_test.h"
#include "stats.h"

/* Without ties the p-value is exact: counted from the C(n, nx) rank sets. */
static void test_mann_whitney_exact(void)
{
    double a[] = {1, 2, 3}, b[] = {4, 5, 6}, u, p;
    SCAL_CHECK(sr_mann_whitney(a, 3, b, 3, &u, &p) == 0);
    SCAL_CHECK_NEAR(u, 0, 0);
    SCAL_CHECK_NEAR(p, 2.0 / 20, 1e-12);   /* one of 20 arrangements each side */
    SCAL_CHECK(sr_mann_whitney(b, 3, a, 3, &u, &p) == 0);
    SCAL_CHECK_NEAR(u, 9, 0);
    SCAL_CHECK_NEAR(p, 2.0 / 20, 1e-12);
    /* Interleaved: U = 3 of 9; P(U <= 3) = 7/20, P(U >= 3) = 16/20. */
    double odd[] = {1, 3, 5}, even[] = {2, 4, 6};
    SCAL_CHECK(sr_mann_whitney(odd, 3, even, 3, &u, &p) == 0);
    SCAL_CHECK_NEAR(u, 3, 0);
    SCAL_CHECK_NEAR(p, 0.7, 1e-12);
    double lo6[] = {6, 5, 4, 3, 2, 1}, hi6[] = {12, 7, 11, 8, 10, 9};
    SCAL_CHECK(sr_mann_whitney(hi6, 6, lo6, 6, &u, &p) == 0);
    SCAL_CHECK_NEAR(u, 36, 0);
    SCAL_CHECK_NEAR(p, 2.0 / 924, 1e-12);
    /* Unequal sizes: 1 vs 4, U = 0, P = 1/5 each side. */
    double one[] = {0}, four[] = {1, 2, 3, 4};
    SCAL_CHECK(sr_mann_whitney(one, 1, four, 4, &u, &p) == 0);
    SCAL_CHECK_NEAR(p, 0.4, 1e-12);
    SCAL_CHECK(sr_mann_whitney(one, 0, four, 4, &u, &p) == -1);
    SCAL_CHECK(isnan(u) && isnan(p));
}

/* With ties: average ranks, the tie-corrected normal approximation. */
static void test_mann_whitney_ties(void)
{
    /* x = {1,2,2}, y = {2,3,4}: ranks 1, 3, 3 -> U = 1; variance
     * 9/12 * (7 - 24/30) = 4.65; z = (|1 - 4.5| - 0.5) / sqrt(4.65). */
    double x[] = {1, 2, 2}, y[] = {2, 3, 4}, u, p;
    SCAL_CHECK(sr_mann_whitney(x, 3, y, 3, &u, &p) == 0);
    SCAL_CHECK_NEAR(u, 1, 1e-12);
    SCAL_CHECK_NEAR(p, 0.16415972847851523, 1e-12);
    double same[] = {5, 5, 5};
    SCAL_CHECK(sr_mann_whitney(same, 3, same, 3, &u, &p) == 0);
    SCAL_CHECK_NEAR(u, 4.5, 0);
    SCAL_CHECK_NEAR(p, 1, 0);   /* all equal: no evidence */
}

/* Ratio NEW / OLD of medians, its CI, and the label. */
static void test_ratio_ci_and_labels(void)
{
    double old[6], slow[6], fast[6], small[6], again[6];
    for (int i = 0; i < 6; i++) {
        old[i] = 1.0 + 0.001 * i;
        slow[i] = 1.2 * old[i];
        fast[i] = 0.8 * old[i];
        small[i] = 1.03 * old[i];
    }
    for (int i = 0; i < 6; i++)
        again[i] = old[5 - i];
    sr_cmp_point_t c;
    SCAL_CHECK(sr_cmp_point(old, 6, slow, 6, 0.05, 7, &c) == 0);
    SCAL_CHECK_NEAR(c.ratio, 1.2, 1e-12);
    /* Every resample's median of slow is 1.2x a value of old's range. */
    SCAL_CHECK(c.ratio_lo > 1.19 && c.ratio_lo <= 1.2 && c.ratio_hi >= 1.2 && c.ratio_hi < 1.21);
    SCAL_CHECK_NEAR(c.u, 36, 0);
    SCAL_CHECK_NEAR(c.p, 2.0 / 924, 1e-12);
    SCAL_CHECK(c.label == SR_CMP_SLOWER);
    sr_cmp_point_t d;
    SCAL_CHECK(sr_cmp_point(old, 6, slow, 6, 0.05, 7, &d) == 0);   /* same seed, same CI */
    SCAL_CHECK(d.ratio_lo == c.ratio_lo && d.ratio_hi == c.ratio_hi);
    SCAL_CHECK(sr_cmp_point(old, 6, fast, 6, 0.05, 7, &c) == 0);
    SCAL_CHECK(c.label == SR_CMP_FASTER && c.ratio_hi < 1);
    /* Significant but within the noise threshold: no change; above a
     * smaller threshold: slower. */
    SCAL_CHECK(sr_cmp_point(old, 6, small, 6, 0.05, 7, &c) == 0);
    SCAL_CHECK(c.p < 0.05 && c.label == SR_CMP_NO_CHANGE);
    SCAL_CHECK(sr_cmp_point(old, 6, small, 6, 0.01, 7, &c) == 0);
    SCAL_CHECK(c.label == SR_CMP_SLOWER);
    /* The same values in another order: ratio 1, p 1, no change. */
    SCAL_CHECK(sr_cmp_point(old, 6, again, 6, 0.05, 7, &c) == 0);
    SCAL_CHECK_NEAR(c.ratio, 1, 1e-12);
    SCAL_CHECK(c.p > 0.9 && c.label == SR_CMP_NO_CHANGE);
    SCAL_CHECK(c.ratio_lo <= 1 && c.ratio_hi >= 1);
    /* A 20% change on two repetitions each cannot be significant (the
     * smallest two-sided p of 2 vs 2 is 1/3). */
    SCAL_CHECK(sr_cmp_point(old, 2, slow, 2, 0.05, 7, &c) == 0);
    SCAL_CHECK(c.p > 0.3 && c.label == SR_CMP_NO_CHANGE);
    SCAL_CHECK(sr_cmp_point(old, 0, slow, 2, 0.05, 7, &c) == -1);
}

int main(void)
{
    SCAL_RUN(test_mann_whitney_exact);
    SCAL_RUN(test_mann_whitney_ties);
    SCAL_RUN(test_ratio_ci_and_labels);
    return SCAL_TEST_END();
}
