/* test_kernels.c - factor gives the seed's exact answers; sleep draws follow
 * the seed's distribution; the checksum sees every field and no order. */
#include <math.h>
#include <stdlib.h>

#include "scal_test.h"
#include "scal_workload.h"

/* Answers computed independently (Python, trial division). */
static const struct {
    uint64_t v, f1, f2;
} known[] = {
    {2, 1, 2},         {3, 1, 3},         {4, 2, 2},         {9, 3, 3},
    {15, 5, 3},        {49, 7, 7},        {97, 1, 97},       {100, 50, 2},
    {7919, 1, 7919},   {1000003, 1, 1000003}, {100000001, 5882353, 17},
    {100000007, 1, 100000007},
};

static void test_factor_known_values(void)
{
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        uint64_t f1, f2;
        scal_factor_slow(known[i].v, NULL, &f1, &f2);
        SCAL_CHECK_EQ_U64(f1, known[i].f1);
        SCAL_CHECK_EQ_U64(f2, known[i].f2);
    }
}

/* The slow countdown and the fast check agree on every v up to 20000. */
static void test_factor_matches_smallest_factor(void)
{
    for (uint64_t v = 2; v <= 20000; v++) {
        uint64_t f1, f2, p = scal_smallest_factor(v);
        scal_factor_slow(v, NULL, &f1, &f2);
        SCAL_CHECK_EQ_U64(f1, p == v ? 1 : v / p);
        SCAL_CHECK_EQ_U64(f1 * f2, v);
    }
}

static void test_smallest_factor_large(void)
{
    SCAL_CHECK_EQ_U64(scal_smallest_factor(3000000021ULL), 3);
    SCAL_CHECK_EQ_U64(scal_smallest_factor(2147483647ULL), 2147483647ULL);
    SCAL_CHECK_EQ_U64(scal_smallest_factor(600851475143ULL), 71);
    SCAL_CHECK_EQ_U64(scal_smallest_factor(1000000007ULL * 998244353ULL), 998244353ULL);
}

static int ticks;
static void count_tick(void *arg)
{
    (void)arg;
    ticks++;
}

/* A prime's countdown is long and must reach the switch points. */
static void test_factor_ticks_on_long_countdowns(void)
{
    scal_yield_t y = {.tick = count_tick};
    uint64_t f1, f2;
    ticks = 0;
    scal_factor_slow(1000003, &y, &f1, &f2);
    SCAL_CHECK(ticks >= 100);
    SCAL_CHECK_EQ_U64(f1, 1);
}

static void test_sleep_distribution(void)
{
    const int n = 100000;
    double sum = 0, sum2 = 0;
    for (int k = 0; k < n; k++) {
        double s = scal_sleep_seconds(7, (uint64_t)k, 1.0, 0.25);
        sum += s;
        sum2 += s * s;
    }
    double mean = sum / n, sd = sqrt(sum2 / n - mean * mean);
    SCAL_CHECK_NEAR(mean, 1.0, 0.005);
    SCAL_CHECK_NEAR(sd, 0.25, 0.005);
}

/* With mean 0, half the draws are negative and clamp to exactly 0; the
 * clamped normal's mean is sigma / sqrt(2 pi). */
static void test_sleep_negative_draws_clamp_to_zero(void)
{
    const int n = 100000;
    int zeros = 0;
    double sum = 0;
    for (int k = 0; k < n; k++) {
        double s = scal_sleep_seconds(9, (uint64_t)k, 0.0, 1.0);
        SCAL_CHECK(s >= 0.0);
        zeros += s == 0.0;
        sum += s;
    }
    SCAL_CHECK_NEAR((double)zeros / n, 0.5, 0.01);
    SCAL_CHECK_NEAR(sum / n, 1.0 / sqrt(2 * 3.14159265358979), 0.01);
}

static void test_sleep_draw_depends_only_on_seed_and_task(void)
{
    SCAL_CHECK(scal_sleep_seconds(1, 5, 1, 0.25) == scal_sleep_seconds(1, 5, 1, 0.25));
    SCAL_CHECK(scal_sleep_seconds(1, 5, 1, 0.25) != scal_sleep_seconds(1, 6, 1, 0.25));
    SCAL_CHECK(scal_sleep_seconds(1, 5, 1, 0.25) != scal_sleep_seconds(2, 5, 1, 0.25));
}

static void test_checksum_sees_fields_not_order(void)
{
    scal_result_t a[3] = {{{1, 2, 3}, 0.5}, {{4, 5, 6}, 0}, {{7, 8, 9}, 0}};
    uint64_t whole = scal_checksum(a, 0, 3);
    SCAL_CHECK_EQ_U64(scal_checksum(a, 0, 1) + scal_checksum(a, 1, 2), whole);
    a[1].v[2] = 7;
    SCAL_CHECK(scal_checksum(a, 0, 3) != whole);
    a[1].v[2] = 6;
    a[0].x = 0.25;
    SCAL_CHECK(scal_checksum(a, 0, 3) != whole);
    a[0].x = 0.5;
    /* Swapping two results between tasks is a different answer. */
    scal_result_t t = a[1];
    a[1] = a[2];
    a[2] = t;
    SCAL_CHECK(scal_checksum(a, 0, 3) != whole);
}

int main(void)
{
    SCAL_RUN(test_factor_known_values);
    SCAL_RUN(test_factor_matches_smallest_factor);
    SCAL_RUN(test_smallest_factor_large);
    SCAL_RUN(test_factor_ticks_on_long_countdowns);
    SCAL_RUN(test_sleep_distribution);
    SCAL_RUN(test_sleep_negative_draws_clamp_to_zero);
    SCAL_RUN(test_sleep_draw_depends_only_on_seed_and_task);
    SCAL_RUN(test_checksum_sees_fields_not_order);
    return SCAL_TEST_END();
}
