/* test_pairs.c - query pairs: drawn reproducibly pair by pair, or read from
 * CSV with bad lines refused by line number. */
#include "paths_fixture.h"
#include "scal_paths.h"
#include "scal_test.h"

static void test_draws_reproducible_in_range_and_per_pair(void)
{
    const uint32_t m = 1000;
    scal_pair_t all[500], again[500];
    scal_pairs_generate(all, 500, m, 42);
    scal_pairs_generate(again, 500, m, 42);
    SCAL_CHECK(memcmp(all, again, sizeof all) == 0);
    int out = 0, moved = 0;
    double sum = 0;
    for (size_t k = 0; k < 500; k++) {
        scal_pair_t p = scal_pair_draw(m, 42, k); /* pair k alone, as a worker draws it */
        out += p.source >= m || p.target >= m;
        moved += p.source != all[k].source || p.target != all[k].target;
        sum += p.source + p.target;
    }
    SCAL_CHECK(out == 0 && moved == 0);
    SCAL_CHECK(sum / 1000 > 400 && sum / 1000 < 600); /* mean 499.5, sd ~9 */
    scal_pairs_generate(again, 500, m, 43);
    SCAL_CHECK(memcmp(all, again, sizeof all) != 0);
    scal_pair_t one = scal_pair_draw(1, 42, 9);
    SCAL_CHECK(one.source == 0 && one.target == 0);
}

static void test_csv_with_header_blanks_and_crlf(void)
{
    char dir[256], path[300], err[256];
    fixture_tmpdir(dir, sizeof dir, "test_pairs");
    scal_pair_t *p = NULL;
    size_t q = 0;
    fixture_file(path, sizeof path, dir, "header.csv",
                 "source,target\r\n0,1\r\n\r\n 4 , 2 \r\n3,3\n");
    SCAL_CHECK(scal_pairs_read_csv(path, 5, &p, &q, err, sizeof err) == 0);
    SCAL_CHECK(q == 3 && p && p[0].source == 0 && p[0].target == 1 && p[1].source == 4 &&
               p[1].target == 2 && p[2].source == 3 && p[2].target == 3);
    free(p);
    fixture_file(path, sizeof path, dir, "plain.csv", "2,0\n");
    SCAL_CHECK(scal_pairs_read_csv(path, 5, &p, &q, err, sizeof err) == 0 && q == 1);
    free(p);
    fixture_rmdir(dir);
}

static void test_csv_bad_lines_refused_naming_the_line(void)
{
    static const struct {
        const char *name, *text;
        int line; /* 0: the message names the file only */
        const char *says;
    } cases[] = {
        {"semicolon", "source,target\n1,2\n1;2\n", 3, "'1;2'"},
        {"three-fields", "1,2\n1,2,3\n", 2, "'1,2,3'"},
        {"negative", "1,2\n-1,2\n", 2, "'-1,2'"},
        {"negative-first-line", "-1,2\n", 1, "'-1,2'"},
        {"missing-target", "1,\n", 1, "not 'source,target'"},
        {"missing-source", ",1\n", 1, "not 'source,target'"},
        {"space-separated", "1 2\n", 1, "'1 2'"},
        {"header-later", "1,2\nsource,target\n", 2, "'source,target'"},
        {"source-out-of-range", "0,1\n\n5,0\n", 3, "source 5 is outside 0..4"},
        {"target-out-of-range", "0,7\n", 1, "target 7 is outside 0..4"},
        {"huge", "0,99999999999999999999999\n", 1, "not 'source,target'"},
        {"empty", "", 0, "no pairs"},
        {"header-only", "source,target\n", 0, "no pairs"},
    };
    char dir[256];
    fixture_tmpdir(dir, sizeof dir, "test_pairs");
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char path[300], err[256], where[320];
        scal_pair_t *p = NULL;
        size_t q = 0;
        fixture_file(path, sizeof path, dir, cases[k].name, cases[k].text);
        if (cases[k].line)
            snprintf(where, sizeof where, "%s:%d: ", path, cases[k].line);
        else
            snprintf(where, sizeof where, "%s: ", path);
        err[0] = '\0';
        int rc = scal_pairs_read_csv(path, 5, &p, &q, err, sizeof err);
        int ok = rc == -1 && strncmp(err, where, strlen(where)) == 0 && strstr(err, cases[k].says);
        SCAL_CHECK(ok);
        if (!ok)
            fprintf(stderr, "  case %s: wanted '%s...%s', got '%s'\n", cases[k].name, where,
                    cases[k].says, rc ? err : "(accepted)");
        if (rc == 0)
            free(p);
    }
    fixture_rmdir(dir);
    char err[256];
    scal_pair_t *p;
    size_t q;
    SCAL_CHECK(scal_pairs_read_csv("/nonexistent/pairs.csv", 5, &p, &q, err, sizeof err) == -1);
    SCAL_CHECK(strstr(err, "/nonexistent/pairs.csv: cannot open") != NULL);
}

int main(void)
{
    SCAL_RUN(test_draws_reproducible_in_range_and_per_pair);
    SCAL_RUN(test_csv_with_header_blanks_and_crlf);
    SCAL_RUN(test_csv_bad_lines_refused_naming_the_line);
    return SCAL_TEST_END();
}
