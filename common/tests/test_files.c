/* test_files.c - inputs open one way (regular files only, bounded), lines
 * are bounded and a byte-order mark skipped, no two files of a run are the
 * same file, outputs are checked without being made, and the option rules
 * refuse contradictions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths_fixture.h"
#include "scal_cli.h"
#include "scal_files.h"
#include "scal_test.h"

static void test_input_open_refuses_what_is_not_a_regular_file(void)
{
    char dir[256], fifo[300], err[512];
    fixture_tmpdir(dir, sizeof dir, "test_files");
    snprintf(fifo, sizeof fifo, "%s/fifo", dir);
    SCAL_CHECK(mkfifo(fifo, 0600) == 0);
    const struct {
        const char *path, *says;
    } cases[] = {{"/dev/zero", "/dev/zero: a character device, not a regular file (--graph"},
                 {dir, "a directory, not a regular file"},
                 {fifo, "a FIFO (pipe), not a regular file"},
                 {"/nonexistent/x", "/nonexistent/x: cannot open (--graph): No such file"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        err[0] = '\0';
        FILE *f = scal_input_open(cases[i].path, "--graph", 1000, err, sizeof err);
        SCAL_CHECK(f == NULL && strstr(err, cases[i].says));
        if (f)
            fclose(f);
    }
    unlink(fifo);
    fixture_rmdir(dir);
}

static void test_input_size_bound_and_slurp(void)
{
    char dir[256], path[300], err[512];
    fixture_tmpdir(dir, sizeof dir, "test_files");
    fixture_file(path, sizeof path, dir, "ten", "0123456789");
    FILE *f = scal_input_open(path, "job file", 9, err, sizeof err);
    SCAL_CHECK(f == NULL && strstr(err, "10 bytes, more than the 9 bytes a job file may hold"));
    char *data = NULL;
    size_t len = 0;
    SCAL_CHECK(scal_input_slurp(path, "job file", 10, &data, &len, err, sizeof err) == 0);
    SCAL_CHECK(len == 10 && data && strcmp(data, "0123456789") == 0);
    free(data);
    fixture_rmdir(dir);
}

static void test_lines_bounded_bom_crlf_nul(void)
{
    char dir[256], path[300], err[512];
    fixture_tmpdir(dir, sizeof dir, "test_files");
    fixture_file(path, sizeof path, dir, "lines", "\xEF\xBB\xBF" "ab\r\n\ncdefg\nxyz");
    FILE *f = scal_input_open(path, "t", 1000, err, sizeof err);
    scal_lines_t r;
    SCAL_CHECK(f && scal_lines_init(&r, f, path, 4, err, sizeof err) == 0);
    SCAL_CHECK(scal_lines_next(&r, err, sizeof err) == 1 && strcmp(r.line, "ab") == 0 && r.had_bom);
    SCAL_CHECK(scal_lines_next(&r, err, sizeof err) == 1 && r.len == 0 && r.lineno == 2);
    SCAL_CHECK(scal_lines_next(&r, err, sizeof err) == -1 && strstr(err, ":3: line longer than 4"));
    scal_lines_free(&r);
    fclose(f);
    /* a NUL byte, and the last line without its newline */
    FILE *g = fopen(path, "w");
    fwrite("a\0b\nlast", 1, 8, g);
    fclose(g);
    f = scal_input_open(path, "t", 1000, err, sizeof err);
    SCAL_CHECK(f && scal_lines_init(&r, f, path, 0, err, sizeof err) == 0);
    SCAL_CHECK(scal_lines_next(&r, err, sizeof err) == -1 && strstr(err, ":1: NUL byte"));
    SCAL_CHECK(scal_lines_next(&r, err, sizeof err) == 1 && strcmp(r.line, "last") == 0);
    SCAL_CHECK(scal_lines_next(&r, err, sizeof err) == 0);
    scal_lines_free(&r);
    fclose(f);
    fixture_rmdir(dir);
}

static void test_same_file_by_inode_and_by_resolved_path(void)
{
    char dir[256], a[300], link[300], other[300], later[300], err[512];
    fixture_tmpdir(dir, sizeof dir, "test_files");
    fixture_file(a, sizeof a, dir, "a", "x");
    snprintf(link, sizeof link, "%s/link", dir);
    SCAL_CHECK(symlink(a, link) == 0);
    snprintf(other, sizeof other, "%s/b", dir);
    snprintf(later, sizeof later, "%s/./b", dir);
    scal_named_file_t by_inode[] = {{"--graph", a, 0}, {"--out", link, 1}};
    SCAL_CHECK(scal_files_distinct(by_inode, 2, err, sizeof err) == -1);
    SCAL_CHECK(strstr(err, "--graph '") && strstr(err, "--out '") &&
               strstr(err, "the result would replace the input"));
    scal_named_file_t by_path[] = {{"--out", other, 1}, {"--trace", later, 1}};
    SCAL_CHECK(scal_files_distinct(by_path, 2, err, sizeof err) == -1);
    SCAL_CHECK(strstr(err, "one result would overwrite the other"));
    scal_named_file_t fine[] = {{"--out", other, 1}, {"--trace", a, 1}, {"--x", NULL, 1},
                                {"--y", "/dev/null", 1}, {"--z", "/dev/null", 1}};
    SCAL_CHECK(scal_files_distinct(fine, 5, err, sizeof err) == 0);
    unlink(link);
    fixture_rmdir(dir);
}

static void test_output_check_makes_nothing(void)
{
    char dir[256], path[300], err[512];
    fixture_tmpdir(dir, sizeof dir, "test_files");
    snprintf(path, sizeof path, "%s/o.csv", dir);
    SCAL_CHECK(scal_output_check(path, err, sizeof err) == 0 && access(path, F_OK) != 0);
    SCAL_CHECK(scal_output_check(dir, err, sizeof err) == -1 && strstr(err, "it is a directory"));
    SCAL_CHECK(scal_output_check("/nonexistent/o.csv", err, sizeof err) == -1 &&
               strstr(err, "No such file or directory"));
    SCAL_CHECK(scal_output_check("/dev/null", err, sizeof err) == 0);
    SCAL_CHECK(scal_write_failure_status(28 /* ENOSPC */) == 1);
    fixture_rmdir(dir);
}

/* The rules table, through the engines' parser. */
static int parse(const char *engine, char **argv, int argc, char *err, size_t errlen)
{
    scal_config_t cfg;
    scal_config_defaults(&cfg, "t", engine);
    FILE *sink = fopen("/dev/null", "w");
    int rc = scal_cli_parse(&cfg, argc, argv, sink, err, errlen);
    fclose(sink);
    return rc;
}

static void test_option_rules(void)
{
    char err[512];
    char *graph_nodes[] = {"t", "paths", "--graph", "g.mtx", "--nodes", "5"};
    SCAL_CHECK(parse("omp", graph_nodes, 6, err, sizeof err) == SCAL_CLI_ERROR &&
               strstr(err, "--graph and --nodes exclude each other"));
    char *per_task[] = {"t", "paths", "--share", "per-task"};
    SCAL_CHECK(parse("mpi", per_task, 4, err, sizeof err) == SCAL_CLI_ERROR &&
               strstr(err, "needs --pool submit|as-completed, not map (the default)"));
    char *per_task_ok[] = {"t", "paths", "--share=per-task", "--pool", "submit"};
    SCAL_CHECK(parse("mpi", per_task_ok, 5, err, sizeof err) == SCAL_CLI_OK);
    char *seed_one_file[] = {"t", "paths", "--graph", "g.mtx", "--seed", "3"};
    SCAL_CHECK(parse("omp", seed_one_file, 6, err, sizeof err) == SCAL_CLI_OK);
    char *gil[] = {"t", "spin", "--switch-interval", "0.01", "--gil"};
    SCAL_CHECK(parse("omp", gil, 5, err, sizeof err) == SCAL_CLI_OK);
    SCAL_CHECK(parse("omp", gil, 4, err, sizeof err) == SCAL_CLI_ERROR);
    char *tiny[] = {"t", "sleep", "--mean", "1e-320"};
    SCAL_CHECK(parse("omp", tiny, 4, err, sizeof err) == SCAL_CLI_OK);
    size_t n = 0;
    while (scal_option_rule_at(n))
        n++;
    SCAL_CHECK(n >= 8);
}

int main(void)
{
    SCAL_RUN(test_input_open_refuses_what_is_not_a_regular_file);
    SCAL_RUN(test_input_size_bound_and_slurp);
    SCAL_RUN(test_lines_bounded_bom_crlf_nul);
    SCAL_RUN(test_same_file_by_inode_and_by_resolved_path);
    SCAL_RUN(test_output_check_makes_nothing);
    SCAL_RUN(test_option_rules);
    return SCAL_TEST_END();
}
