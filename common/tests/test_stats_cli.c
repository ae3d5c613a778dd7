/* test_stats_cli.c - distribution summaries, strict number parsing, and the
 * option table's refusals. */
#include <stdio.h>

#include "scal_cli.h"
#include "scal_stats.h"
#include "scal_test.h"

static void test_stats_odd_and_even(void)
{
    double x[] = {5, 1, 4, 2, 3};
    scal_stats_t s;
    SCAL_CHECK(scal_stats_compute(x, 5, &s) == 0);
    SCAL_CHECK_NEAR(s.median, 3, 1e-12);
    SCAL_CHECK_NEAR(s.min, 1, 1e-12);
    SCAL_CHECK_NEAR(s.max, 5, 1e-12);
    SCAL_CHECK_NEAR(s.q1, 2, 1e-12);
    SCAL_CHECK_NEAR(s.mean, 3, 1e-12);
    SCAL_CHECK_NEAR(s.sd, 1.5811388300841898, 1e-12);
    double y[] = {4, 1, 3, 2};
    SCAL_CHECK(scal_stats_compute(y, 4, &s) == 0);
    SCAL_CHECK_NEAR(s.median, 2.5, 1e-12);
    SCAL_CHECK_NEAR(s.sd, 1.2909944487358056, 1e-12);
}

static void test_parse_u64_strict(void)
{
    uint64_t v;
    SCAL_CHECK(scal_parse_u64("42", 1, 100, &v) == 0 && v == 42);
    SCAL_CHECK(scal_parse_u64("-3", 0, 100, &v) != 0);
    SCAL_CHECK(scal_parse_u64(" 3", 0, 100, &v) != 0);
    SCAL_CHECK(scal_parse_u64("3x", 0, 100, &v) != 0);
    SCAL_CHECK(scal_parse_u64("", 0, 100, &v) != 0);
    SCAL_CHECK(scal_parse_u64("99999999999999999999", 0, UINT64_MAX, &v) != 0);
    SCAL_CHECK(scal_parse_u64("18446744073709551615", 0, UINT64_MAX, &v) == 0 && v == UINT64_MAX);
    SCAL_CHECK(scal_parse_u64("0", 1, 100, &v) != 0);
}

static void test_parse_double_strict(void)
{
    double d;
    SCAL_CHECK(scal_parse_double("0.5", 0, 1, &d) == 0 && d == 0.5);
    SCAL_CHECK(scal_parse_double("abc", 0, 1, &d) != 0);
    SCAL_CHECK(scal_parse_double("nan", 0, 1, &d) != 0);
    SCAL_CHECK(scal_parse_double("inf", 0, 1e9, &d) != 0);
    SCAL_CHECK(scal_parse_double("1e400", 0, 1e9, &d) != 0);
    SCAL_CHECK(scal_parse_double("-1", 0, 1, &d) != 0);
}

/* Parse a command line for scal-omp; returns the status and leaves the
 * message in err. */
static int parse(scal_config_t *cfg, char *err, int argc, char **argv)
{
    scal_config_defaults(cfg, "scal-omp", "omp");
    FILE *devnull = fopen("/dev/null", "w");
    int rc = scal_cli_parse(cfg, argc, argv, devnull, err, 512);
    fclose(devnull);
    return rc;
}

#define ARGV(...) ((char *[]){"scal-omp", __VA_ARGS__})
#define NARGS(...) ((int)(sizeof((char *[]){"scal-omp", __VA_ARGS__}) / sizeof(char *)))
#define PARSE(cfg, err, ...) parse(cfg, err, NARGS(__VA_ARGS__), ARGV(__VA_ARGS__))

static void test_cli_accepts_and_sets(void)
{
    scal_config_t c;
    char err[512];
    SCAL_CHECK(PARSE(&c, err, "factor", "--threads", "3", "--pool=as-completed", "--gil",
                     "--base", "1001", "--chunk", "4") == SCAL_CLI_OK);
    SCAL_CHECK(c.threads == 3 && c.pool == SCAL_POOL_AS_COMPLETED && c.gil == 1);
    SCAL_CHECK(c.base == 1001 && c.chunk == 4);
}

static void test_cli_refusals_name_option_and_value(void)
{
    scal_config_t c;
    char err[512];
    SCAL_CHECK(PARSE(&c, err, "factor", "--threads", "0") == SCAL_CLI_ERROR);
    SCAL_CHECK(strstr(err, "--threads") && strstr(err, "'0'"));
    SCAL_CHECK(PARSE(&c, err, "spin", "--us", "abc") == SCAL_CLI_ERROR);
    SCAL_CHECK(strstr(err, "--us") && strstr(err, "'abc'"));
    SCAL_CHECK(PARSE(&c, err, "factor", "--pool", "foo") == SCAL_CLI_ERROR);
    SCAL_CHECK(strstr(err, "--pool") && strstr(err, "'foo'"));
    SCAL_CHECK(PARSE(&c, err, "factor", "--tasks") == SCAL_CLI_ERROR);
    SCAL_CHECK(strstr(err, "--tasks") && strstr(err, "missing"));
    SCAL_CHECK(PARSE(&c, err, "bogus") == SCAL_CLI_ERROR);
    SCAL_CHECK(strstr(err, "'bogus'") != NULL);
    SCAL_CHECK(PARSE(&c, err, "sleep", "--base", "5") == SCAL_CLI_ERROR);
    SCAL_CHECK(strstr(err, "--base") && strstr(err, "sleep"));
    SCAL_CHECK(PARSE(&c, err, "factor", "--frobnicate", "1") == SCAL_CLI_ERROR);
    SCAL_CHECK(strstr(err, "--frobnicate") != NULL);
    SCAL_CHECK(PARSE(&c, err, "factor", "--switch-interval", "0.01") == SCAL_CLI_ERROR);
    SCAL_CHECK(strstr(err, "--gil") != NULL);
}

int main(void)
{
    SCAL_RUN(test_stats_odd_and_even);
    SCAL_RUN(test_parse_u64_strict);
    SCAL_RUN(test_parse_double_strict);
    SCAL_RUN(test_cli_accepts_and_sets);
    SCAL_RUN(test_cli_refusals_name_option_and_value);
    return SCAL_TEST_END();
}
