/* test_rng.c - the counter-based streams are reproducible, distinct and
 * statistically plausible. */
#include "scal_rng.h"
#include "scal_test.h"

static void test_same_key_same_stream(void)
{
    scal_rng_t a = scal_rng_init(42, 7), b = scal_rng_init(42, 7);
    for (int i = 0; i < 1000; i++)
        SCAL_CHECK_EQ_U64(scal_rng_next(&a), scal_rng_next(&b));
}

static void test_streams_differ(void)
{
    scal_rng_t a = scal_rng_init(42, 7), b = scal_rng_init(42, 8), c = scal_rng_init(43, 7);
    uint64_t x = scal_rng_next(&a);
    SCAL_CHECK(x != scal_rng_next(&b));
    SCAL_CHECK(x != scal_rng_next(&c));
}

static void test_uniform_moments(void)
{
    const int n = 200000;
    double sum = 0, sum2 = 0;
    for (int k = 0; k < n; k++) {
        scal_rng_t r = scal_rng_init(1, (uint64_t)k);
        double u = scal_rng_uniform(&r);
        SCAL_CHECK(u >= 0.0 && u < 1.0);
        sum += u;
        sum2 += u * u;
    }
    double mean = sum / n, var = sum2 / n - mean * mean;
    SCAL_CHECK_NEAR(mean, 0.5, 0.005);
    SCAL_CHECK_NEAR(var, 1.0 / 12, 0.002);
}

static void test_normal_moments(void)
{
    const int n = 200000;
    double sum = 0, sum2 = 0;
    scal_rng_t r = scal_rng_init(3, 0);
    for (int k = 0; k < n; k++) {
        double z = scal_rng_normal(&r);
        sum += z;
        sum2 += z * z;
    }
    double mean = sum / n, var = sum2 / n - mean * mean;
    SCAL_CHECK_NEAR(mean, 0.0, 0.01);
    SCAL_CHECK_NEAR(var, 1.0, 0.02);
}

static void test_below_in_range_and_covers(void)
{
    scal_rng_t r = scal_rng_init(5, 5);
    int seen[7] = {0};
    for (int i = 0; i < 7000; i++) {
        uint64_t x = scal_rng_below(&r, 7);
        SCAL_CHECK(x < 7);
        if (x < 7)
            seen[x]++;
    }
    for (int v = 0; v < 7; v++)
        SCAL_CHECK(seen[v] > 800 && seen[v] < 1200);
}

int main(void)
{
    SCAL_RUN(test_same_key_same_stream);
    SCAL_RUN(test_streams_differ);
    SCAL_RUN(test_uniform_moments);
    SCAL_RUN(test_normal_moments);
    SCAL_RUN(test_below_in_range_and_covers);
    return SCAL_TEST_END();
}
