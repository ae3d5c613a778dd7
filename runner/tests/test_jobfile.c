/* test_jobfile.c - job files: valid ones parse into the right settings, and
 * each kind of error is refused with its exact file:line message. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jobfile.h"
#include "scal_test.h"
#include "sr_testdir.h"

typedef struct fixture {
    char *dir;
} fixture_t;

/* Write `text` to dir/name; return the path (caller frees). */
static char *put(const fixture_t *fx, const char *name, const char *text)
{
    char *path = sr_xasprintf("%s/%s", fx->dir, name);
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
    return path;
}

/* Load `text` as a job file; expect failure with message "<path>:<rest>". */
static void expect_error(const fixture_t *fx, const char *text, const char *rest)
{
    char *path = put(fx, "bad.job", text);
    sr_job_t job;
    sr_err_t err = {0};
    int rc = sr_job_load(path, &job, &err);
    char *want = sr_xasprintf("%s:%s", path, rest);
    SCAL_CHECK(rc == -1);
    SCAL_CHECK(err.status == SR_EXIT_USAGE);
    if (strcmp(err.msg, want) != 0)
        fprintf(stderr, "  want: %s\n  got:  %s\n", want, err.msg);
    SCAL_CHECK(strcmp(err.msg, want) == 0);
    sr_job_free(&job);
    free(want);
    free(path);
}

static fixture_t fx_make(void)
{
    return (fixture_t){sr_test_dir("test_jobfile")};
}

static void fx_drop(const fixture_t *fx)
{
    sr_test_dir_drop(fx->dir);
}

static const char design_example[] =
    "; the example of DESIGN.md\n"
    "[global]\n"
    "workload = factor\n"
    "tasks = 32\n"
    "repeat = 3\n"
    "bind = compact\n"
    "\n"
    "[threads-gil]\n"
    "engine = omp\n"
    "gil = on\n"
    "workers = 1,2,4\n"
    "\n"
    "[processes]\n"
    "engine = mpi\n"
    "pool = as-completed   ; inline comment\n"
    "workers = 1, 2 ,4\n";

static void test_design_example_parses(void)
{
    fixture_t fx = fx_make();
    char *path = put(&fx, "study.job", design_example);
    sr_job_t job;
    sr_err_t err = {0};
    SCAL_CHECK(sr_job_load(path, &job, &err) == 0);
    SCAL_CHECK(strcmp(job.name, "study") == 0);
    SCAL_CHECK_EQ_U64(job.nseries, 2);
    const sr_series_t *gil = &job.series[0], *procs = &job.series[1];
    SCAL_CHECK(strcmp(gil->sec.name, "threads-gil") == 0);
    SCAL_CHECK(gil->engine == SR_ENGINE_OMP && strcmp(sr_workload_name(gil->workload), "factor") == 0);
    SCAL_CHECK(procs->engine == SR_ENGINE_MPI && strcmp(sr_workload_name(procs->workload), "factor") == 0);
    SCAL_CHECK(strcmp(gil->eff[sr_key_id("gil")]->vals[0], "on") == 0);
    SCAL_CHECK(gil->eff[sr_key_id("tasks")] == &job.global.set[sr_key_id("tasks")]);
    SCAL_CHECK(procs->eff[sr_key_id("gil")] == NULL);
    SCAL_CHECK_EQ_U64(procs->eff[SR_K_WORKERS]->nvals, 3);
    SCAL_CHECK(strcmp(procs->eff[SR_K_WORKERS]->vals[1], "2") == 0);
    SCAL_CHECK(strcmp(procs->eff[sr_key_id("pool")]->vals[0], "as-completed") == 0);
    SCAL_CHECK_EQ_U64(procs->eff[sr_key_id("pool")]->line, 15);
    sr_job_free(&job);
    free(path);
    fx_drop(&fx);
}

static void test_series_overrides_global(void)
{
    fixture_t fx = fx_make();
    char *path = put(&fx, "o.job",
                     "[global]\nengine = omp\nworkload = spin\nus = 5\nworkers = 1\n"
                     "[a]\nus = 7\n[b]\nworkers = 2,3\n[c]\nus = 0.5\n");
    sr_job_t job;
    sr_err_t err = {0};
    SCAL_CHECK(sr_job_load(path, &job, &err) == 0);
    SCAL_CHECK(strcmp(job.series[0].eff[sr_key_id("us")]->vals[0], "7") == 0);
    SCAL_CHECK(strcmp(job.series[1].eff[sr_key_id("us")]->vals[0], "5") == 0);
    SCAL_CHECK_EQ_U64(job.series[0].eff[SR_K_WORKERS]->nvals, 1);
    SCAL_CHECK_EQ_U64(job.series[1].eff[SR_K_WORKERS]->nvals, 2);
    SCAL_CHECK(strcmp(job.series[2].eff[sr_key_id("us")]->vals[0], "0.5") == 0);
    sr_job_free(&job);
    free(path);
    fx_drop(&fx);
}

static void test_global_only_is_one_series(void)
{
    fixture_t fx = fx_make();
    char *path = put(&fx, "g.ini", "engine = omp\nworkload = sleep\nmean = 0.01\nworkers = 1,2\n");
    sr_job_t job;
    sr_err_t err = {0};
    SCAL_CHECK(sr_job_load(path, &job, &err) == 0);
    SCAL_CHECK(strcmp(job.name, "g") == 0);
    SCAL_CHECK_EQ_U64(job.nseries, 1);
    SCAL_CHECK(strcmp(job.series[0].sec.name, "global") == 0);
    SCAL_CHECK_EQ_U64(job.series[0].eff[SR_K_WORKERS]->nvals, 2);
    sr_job_free(&job);
    free(path);
    fx_drop(&fx);
}

static void test_global_key_skips_series_it_does_not_apply_to(void)
{
    fixture_t fx = fx_make();
    char *path = put(&fx, "m.job",
                     "[global]\nworkers = 1\nlauncher = mpirun\nus = 3\n"
                     "[s]\nengine = omp\nworkload = spin\n[p]\nengine = mpi\nworkload = factor\n");
    sr_job_t job;
    sr_err_t err = {0};
    SCAL_CHECK(sr_job_load(path, &job, &err) == 0);
    SCAL_CHECK(job.series[0].eff[SR_K_LAUNCHER] == NULL);
    SCAL_CHECK(job.series[0].eff[sr_key_id("us")] != NULL);
    SCAL_CHECK(job.series[1].eff[SR_K_LAUNCHER] != NULL);
    SCAL_CHECK(job.series[1].eff[sr_key_id("us")] == NULL);
    sr_job_free(&job);
    free(path);
    fx_drop(&fx);
}

static void test_file_keys_resolve_against_the_job_directory(void)
{
    fixture_t fx = fx_make();
    char *pairs = put(&fx, "pairs.csv", "source,target\n0,1\n");
    char *path = put(&fx, "p.job", "engine = mpi\nworkload = paths\nworkers = 1\npairs-file = pairs.csv\n");
    sr_job_t job;
    sr_err_t err = {0};
    SCAL_CHECK(sr_job_load(path, &job, &err) == 0);
    char *resolved = sr_job_file_path(&job, job.series[0].eff[sr_key_id("pairs-file")]->vals[0]);
    SCAL_CHECK(strcmp(resolved, pairs) == 0);
    free(resolved);
    sr_job_free(&job);
    free(path);
    free(pairs);
    fx_drop(&fx);
}

#define OK_HEAD "[global]\nengine = omp\nworkload = spin\nworkers = 1\n"

static void test_errors_name_file_line_and_key(void)
{
    fixture_t fx = fx_make();
    expect_error(&fx, OK_HEAD "foo = 1\n", "5: unknown key 'foo'");
    expect_error(&fx, OK_HEAD "[s]\npool = mapp\n",
                 "6: key 'pool': bad value 'mapp' (expected map|submit|as-completed)");
    expect_error(&fx, "[global]\nengine = cuda\n", "2: key 'engine': bad value 'cuda' (expected omp|mpi|command)");
    expect_error(&fx, "[global]\nengine = omp\nworkload = fft\n",
                 "3: key 'workload': bad value 'fft' (expected factor|sleep|spin|paths|triad)");
    expect_error(&fx, OK_HEAD "[s]\nworkers = 1,0\n", "6: key 'workers': bad value '0' (expected an integer >= 1)");
    expect_error(&fx, OK_HEAD "tasks = -3\n", "5: key 'tasks': bad value '-3' (expected an integer >= 1)");
    /* us is a number of microseconds, as the engines take it (a job file
     * once refused 0.5 that scal-omp spin --us 0.5 ran) */
    expect_error(&fx, OK_HEAD "us = -0.5\n", "5: key 'us': bad value '-0.5' (expected a number in 0..1e+09)");
    expect_error(&fx, OK_HEAD "timeout = -1\n", "5: key 'timeout': bad value '-1' (expected a number >= 0)");
    expect_error(&fx, OK_HEAD "gil = yes\n", "5: key 'gil': bad value 'yes' (expected on|off)");
    expect_error(&fx, OK_HEAD "tasks =\n", "5: key 'tasks': empty value");
    expect_error(&fx, OK_HEAD "[s]\nworkers = 1,,4\n", "6: key 'workers': empty item in list '1,,4'");
    expect_error(&fx, "[global]\nengine = omp,mpi\n", "2: key 'engine' takes one value, not a list ('omp,mpi')");
    expect_error(&fx, OK_HEAD "repeat = 3,5\n", "5: key 'repeat' takes one value, not a list ('3,5')");
    expect_error(&fx, OK_HEAD "timeout = 10, 20\n", "5: key 'timeout' takes one value, not a list ('10, 20')");
    expect_error(&fx, OK_HEAD "[p]\nengine = mpi\nlauncher = mpirun,srun\n",
                 "7: key 'launcher' takes one value, not a list ('mpirun,srun')");
    expect_error(&fx, OK_HEAD "env = FOO=1 bar\n", "5: key 'env': bad value 'FOO=1 bar' ('bar' is not NAME=VALUE)");
    expect_error(&fx, OK_HEAD "tasks = 4\ntasks = 5\n", "6: key 'tasks' given twice in [global] (first at line 5)");
    expect_error(&fx, OK_HEAD "[s]\nshare = copy\n", "6: key 'share' does not apply to engine omp (only mpi)");
    expect_error(&fx, OK_HEAD "[s]\nworkload = factor\nus = 4\n",
                 "7: key 'us' does not apply to workload factor (only spin)");
    expect_error(&fx, OK_HEAD "base = 7\n", "5: key 'base' in [global] applies to no series");
    expect_error(&fx, "[global]\nworkload = spin\n\n[s]\nworkers = 2\n",
                 "5: series [s]: key 'engine' is not set (omp|mpi|command), here or in [global]");
    expect_error(&fx, "[s]\nengine = omp\nworkers = 2\n",
                 "2: series [s]: key 'workload' is not set (factor|sleep|spin|paths|triad), here or in [global]");
    expect_error(&fx, "[s]\nengine = omp\nworkload = spin\n",
                 "2: series [s]: key 'workers' is not set, here or in [global]");
    expect_error(&fx, OK_HEAD "[two words]\ntasks = 1\n",
                 "6: section [two words]: a series name is letters, digits, '_', '.', '+' or '-'");
    expect_error(&fx, OK_HEAD "just some words\n", "5: syntax error (expected [section] or key = value)");
    char *graph = sr_xasprintf("5: key 'graph': bad value 'none.mtx' (cannot read %s/none.mtx: No such file or directory)",
                               fx.dir);
    expect_error(&fx, "[global]\nengine = mpi\nworkload = paths\nworkers = 1\ngraph = none.mtx\n", graph);
    free(graph);
    char longline[300];
    memset(longline, 'x', sizeof longline);
    memcpy(longline, "env = A=", 8);
    longline[sizeof longline - 2] = '\n';
    longline[sizeof longline - 1] = '\0';
    char *text = sr_xasprintf(OK_HEAD "%s", longline);
    expect_error(&fx, text, "5: line longer than 197 characters");
    free(text);
    expect_error(&fx, "; nothing\n", "1: no keys: nothing to run");
    fx_drop(&fx);
}

/* Found by fuzz_jobfile: a job whose lists multiply to billions of runs
 * was expanded point by point until memory ran out; now it is refused
 * before its plan is built.  A value listed twice would give two runs one
 * id, one trace and one log. */
/* The adaptive-repetition keys and claims, checked at load like any key. */
static void test_round_keys_are_checked(void)
{
    fixture_t fx = fx_make();
    expect_error(&fx, OK_HEAD "precision = 0\n", "5: key 'precision': bad value '0' (expected a number in (0, 1))");
    expect_error(&fx, OK_HEAD "precision = 1\n", "5: key 'precision': bad value '1' (expected a number in (0, 1))");
    expect_error(&fx, OK_HEAD "precision = 3%\n", "5: key 'precision': bad value '3%' (expected a number in (0, 1))");
    expect_error(&fx, OK_HEAD "budget = -5\n", "5: key 'budget': bad value '-5' (expected a number >= 0)");
    expect_error(&fx, OK_HEAD "max-repeat = 0\n", "5: key 'max-repeat': bad value '0' (expected an integer >= 1)");
    expect_error(&fx, OK_HEAD "max-repeat = 4\n", "5: key 'max-repeat': 4 is below repeat (6, the default), series [global]");
    expect_error(&fx, OK_HEAD "repeat = 8\n[s]\nmax-repeat = 7\n",
                 "7: key 'max-repeat': 7 is below repeat (8), series [s]");
    expect_error(&fx, OK_HEAD "[s]\nbudget = 60\n", "6: key 'budget' bounds the whole study: set it in [global]");
    expect_error(&fx, OK_HEAD "claim = faster\n",
                 "5: key 'claim': bad value 'faster' (expected speedup, no-speedup, or "
                 "lowest-wall|lowest-first-result|lowest-pss:KEY=VALUE)");
    expect_error(&fx, OK_HEAD "claim = lowest-wall\n",
                 "5: key 'claim': bad value 'lowest-wall' (expected speedup, no-speedup, or "
                 "lowest-wall|lowest-first-result|lowest-pss:KEY=VALUE)");
    expect_error(&fx, OK_HEAD "claim = speedup:pool=map\n",
                 "5: key 'claim': bad value 'speedup:pool=map' (expected speedup, no-speedup, or "
                 "lowest-wall|lowest-first-result|lowest-pss:KEY=VALUE)");
    expect_error(&fx, OK_HEAD "[s]\npool = map\nclaim = lowest-wall:pool=map\n",
                 "7: key 'claim': series [s] does not sweep 'pool' over a list holding 'map'");
    expect_error(&fx, OK_HEAD "[s]\npool = map,submit\nclaim = lowest-wall:pool=as-completed\n",
                 "7: key 'claim': series [s] does not sweep 'pool' over a list holding 'as-completed'");
    /* and good ones load */
    char *path = put(&fx, "good.job", OK_HEAD "repeat = 3\nmax-repeat = 3\nprecision = 0.05\nbudget = 0\n"
                                        "[s]\npool = map,submit\nclaim = lowest-first-result:pool=submit\n"
                                        "[t]\nrepeat = 40\nmax-repeat = 50\nclaim = no-speedup\n");
    sr_job_t job;
    sr_err_t err = {0};
    SCAL_CHECK(sr_job_load(path, &job, &err) == 0);
    if (err.msg[0])
        fprintf(stderr, "  %s\n", err.msg);
    sr_job_free(&job);
    free(path);
    /* repeat above 30 with no max-repeat: max-repeat follows it */
    path = put(&fx, "many.job", OK_HEAD "repeat = 40\n");
    SCAL_CHECK(sr_job_load(path, &job, &err) == 0);
    sr_job_free(&job);
    free(path);
    fx_drop(&fx);
}

static void test_sweeps_are_bounded_and_distinct(void)
{
    fixture_t fx = fx_make();
    expect_error(&fx, OK_HEAD "[s]\nworkers = 1,2,1\n",
                 "6: key 'workers': '1' is in the list '1,2,1' twice");
    expect_error(&fx, OK_HEAD "[s]\npool = map, submit ,map\n",
                 "6: key 'pool': 'map' is in the list 'map, submit ,map' twice");
    /* Five lists of ten: 10^5 runs, the limit, is accepted; one series of
     * one run more is refused, naming that series. */
    static const char five_lists[] =
        "[global]\nengine = omp\nworkload = spin\ngil = on\n"
        "[s]\ntasks = 1,2,3,4,5,6,7,8,9,10\nus = 1,2,3,4,5,6,7,8,9,10\n"
        "chunk = 1,2,3,4,5,6,7,8,9,10\nworkers = 1,2,3,4,5,6,7,8,9,10\n"
        "switch-interval = 0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1\n";
    char *path = put(&fx, "limit.job", five_lists);
    sr_job_t job;
    sr_err_t err = {0};
    SCAL_CHECK(sr_job_load(path, &job, &err) == 0);
    sr_job_free(&job);
    free(path);
    char *text = sr_xasprintf("%s[t]\nworkers = 1\n", five_lists);
    expect_error(&fx, text, "12: series [t] brings the job to more than 100000 runs (each list "
                            "multiplies them); split the study");
    free(text);
    text = sr_xasprintf("%sthreads = 1,2,3,4,5,6,7,8,9,10\n",
                        "[global]\nengine = mpi\nworkload = spin\n"
                        "[s]\ntasks = 1,2,3,4,5,6,7,8,9,10\nus = 1,2,3,4,5,6,7,8,9,10\n"
                        "chunk = 1,2,3,4,5,6,7,8,9,10\nworkers = 1,2,3,4,5,6,7,8,9,10\n"
                        "ranks-per-node = 1,2,3,4,5,6,7,8,9,10\n");
    expect_error(&fx, text, "5: series [s] brings the job to more than 100000 runs (each list "
                            "multiplies them); split the study");
    free(text);
    fx_drop(&fx);
}

static void test_missing_job_file(void)
{
    sr_job_t job;
    sr_err_t err = {0};
    SCAL_CHECK(sr_job_load("/nonexistent/x.job", &job, &err) == -1);
    SCAL_CHECK(err.status == SR_EXIT_USAGE);
    SCAL_CHECK(strcmp(err.msg, "/nonexistent/x.job: cannot read job file: No such file or directory") == 0);
    sr_job_free(&job);
}

int main(void)
{
    SCAL_RUN(test_design_example_parses);
    SCAL_RUN(test_series_overrides_global);
    SCAL_RUN(test_global_only_is_one_series);
    SCAL_RUN(test_global_key_skips_series_it_does_not_apply_to);
    SCAL_RUN(test_file_keys_resolve_against_the_job_directory);
    SCAL_RUN(test_errors_name_file_line_and_key);
    SCAL_RUN(test_round_keys_are_checked);
    SCAL_RUN(test_sweeps_are_bounded_and_distinct);
    SCAL_RUN(test_missing_job_file);
    return SCAL_TEST_END();
}
