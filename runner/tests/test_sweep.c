/* test_sweep.c - expansion of a job into points (cartesian product, workers
 * fastest, stable run ids) and the command each point runs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scal_test.h"
#include "sr_testdir.h"
#include "sweep.h"

static int load(const char *text, sr_job_t *job, char **dir)
{
    return sr_test_load_job("test_sweep", text, job, dir);
}

/* The command as one string, for comparison. */
static char *line_of(const sr_cmd_t *cmd)
{
    sr_buf_t b = {0};
    sr_cmd_format(cmd, &b);
    return b.data;
}

static sr_tools_t fake_tools(void)
{
    sr_tools_t t = {0};
    t.engine[SR_ENGINE_OMP] = sr_xstrdup("/e/scal-omp");
    t.engine[SR_ENGINE_MPI] = sr_xstrdup("/e/scal-mpi");
    t.engine_found[SR_ENGINE_OMP] = t.engine_found[SR_ENGINE_MPI] = 1;
    return t;
}

static void test_cartesian_product_workers_fastest(void)
{
    sr_job_t job;
    char *dir;
    SCAL_CHECK(load("[global]\nengine = omp\nworkload = spin\nus = 0\n"
                    "[a]\npool = map,submit\nbind = none,spread\nworkers = 1,2,4\n"
                    "[b]\nworkers = 3\n",
                    &job, &dir) == 0);
    sr_plan_t plan;
    sr_plan_build(&job, &plan);
    SCAL_CHECK_EQ_U64(plan.n, 2 * 2 * 3 + 1);
    const char *want[] = {
        "a/pool=map/bind=none/workers=1",   "a/pool=map/bind=none/workers=2",
        "a/pool=map/bind=none/workers=4",   "a/pool=map/bind=spread/workers=1",
        "a/pool=map/bind=spread/workers=2", "a/pool=map/bind=spread/workers=4",
        "a/pool=submit/bind=none/workers=1", "a/pool=submit/bind=none/workers=2",
        "a/pool=submit/bind=none/workers=4", "a/pool=submit/bind=spread/workers=1",
        "a/pool=submit/bind=spread/workers=2", "a/pool=submit/bind=spread/workers=4",
        "b/workers=3"};
    for (size_t i = 0; i < plan.n && i < 13; i++) {
        if (strcmp(plan.pts[i].id, want[i]) != 0)
            fprintf(stderr, "  point %zu: want %s got %s\n", i, want[i], plan.pts[i].id);
        SCAL_CHECK(strcmp(plan.pts[i].id, want[i]) == 0);
    }
    SCAL_CHECK_EQ_U64(plan.pts[4].workers, 2);
    SCAL_CHECK(strcmp(plan.pts[12].trace, "traces/b.workers=3.csv") == 0);
    SCAL_CHECK(strcmp(plan.pts[0].log, "logs/a.pool=map.bind=none.workers=1.log") == 0);
    /* Sweep columns: keys listed anywhere, in table order, workers last. */
    SCAL_CHECK_EQ_U64(plan.nsweep, 3);
    SCAL_CHECK(plan.sweep[0] == sr_key_id("pool") && plan.sweep[1] == sr_key_id("bind") && plan.sweep[2] == SR_K_WORKERS);
    sr_plan_free(&plan);
    sr_job_free(&job);
    sr_test_dir_drop(dir);
}

static void test_omp_command(void)
{
    sr_job_t job;
    char *dir;
    SCAL_CHECK(load("[t]\nengine = omp\nworkload = factor\nbase = 1000\ntasks = 8\ngil = on\n"
                    "report-bindings = off\nrepeat = 2\nwarmup = 0\ntimeout = 30\n"
                    "env = OMP_WAIT_POLICY=active FOO=a\nworkers = 4\n",
                    &job, &dir) == 0);
    sr_plan_t plan;
    sr_plan_build(&job, &plan);
    sr_tools_t tools = fake_tools();
    sr_cmd_t cmd;
    sr_err_t err = {0};
    SCAL_CHECK(sr_point_command(&job, &plan.pts[0], &tools, "/r", 1, &cmd, &err) == 0);
    char *line = line_of(&cmd);
    const char *want = "OMP_NUM_THREADS=4 OMP_WAIT_POLICY=active FOO=a /e/scal-omp factor --threads 4 "
                       "--format csv --repeat 1 --warmup 0 --trace /r/traces/t.workers=4.csv "
                       "--tasks 8 --base 1000 --gil";
    if (strcmp(line, want) != 0)
        fprintf(stderr, "  want: %s\n  got:  %s\n", want, line);
    SCAL_CHECK(strcmp(line, want) == 0);
    SCAL_CHECK_NEAR(cmd.timeout_s, 30.0, 0);
    /* The child's environment: scal-run's, with these on top, once each. */
    setenv("FOO", "old", 1);
    sr_strv_t envp;
    sr_cmd_envp(&cmd, &envp);
    int foo = 0, omp = 0;
    for (size_t i = 0; i < envp.n; i++) {
        foo += strncmp(envp.v[i], "FOO=", 4) == 0;
        omp += strcmp(envp.v[i], "OMP_NUM_THREADS=4") == 0;
        SCAL_CHECK(strcmp(envp.v[i], "FOO=old") != 0);
    }
    SCAL_CHECK(foo == 1 && omp == 1);
    sr_strv_free(&envp);
    free(line);
    sr_cmd_free(&cmd);
    sr_tools_free(&tools);
    sr_plan_free(&plan);
    sr_job_free(&job);
    sr_test_dir_drop(dir);
}

static void test_mpi_command(void)
{
    sr_job_t job;
    char *dir;
    SCAL_CHECK(load("[p]\nengine = mpi\nworkload = sleep\nmean = 0.01\nthreads = 2\nlauncher = srun\n"
                    "share = copy\nworkers = 3\n",
                    &job, &dir) != 0);   /* share applies to paths only */
    sr_job_free(&job);
    sr_test_dir_drop(dir);
    SCAL_CHECK(load("[p]\nengine = mpi\nworkload = sleep\nmean = 0.01\nthreads = 2\nlauncher = srun\n"
                    "workers = 3\n",
                    &job, &dir) == 0);
    sr_plan_t plan;
    sr_plan_build(&job, &plan);
    SCAL_CHECK(plan.pts[0].trace != NULL); /* scal-mpi writes traces too */
    sr_tools_t tools = fake_tools();
    sr_cmd_t cmd;
    sr_err_t err = {0};
    SCAL_CHECK(sr_point_command(&job, &plan.pts[0], &tools, "/r", 0, &cmd, &err) == 0);
    char *line = line_of(&cmd);
    /* srun named by path when installed, by its bare name when not. */
    const char *launcher = cmd.argv.v[0];
    SCAL_CHECK(strcmp(launcher + strlen(launcher) - 4, "srun") == 0);
    const char *rest = strstr(line, " -n 3 --cpus-per-task=2 --exact --cpu-bind=verbose,cores "
                                    "--kill-on-bad-exit=1 /e/scal-mpi sleep --format csv --repeat 1 "
                                    "--warmup 1 --trace /r/traces/p.workers=3.csv --mean 0.01 --threads 2");
    SCAL_CHECK(rest != NULL && strcmp(rest + strlen(rest) - 11, "--threads 2") == 0);
    SCAL_CHECK(strncmp(line, "OMP_NUM_THREADS=2 ", 18) == 0);
    SCAL_CHECK_NEAR(cmd.timeout_s, SR_DEFAULT_TIMEOUT_S, 0);
    free(line);
    sr_cmd_free(&cmd);
    /* A launcher that must run but is missing is an input error. */
    char *srun = sr_which("srun");
    if (!srun) {
        SCAL_CHECK(sr_point_command(&job, &plan.pts[0], &tools, "/r", 1, &cmd, &err) == -1);
        SCAL_CHECK(strcmp(err.msg, "srun not found on PATH") == 0);
        sr_cmd_free(&cmd);
    }
    free(srun);
    sr_tools_free(&tools);
    sr_plan_free(&plan);
    sr_job_free(&job);
    sr_test_dir_drop(dir);
}

static void test_missing_engine_is_reported(void)
{
    sr_job_t job;
    char *dir;
    SCAL_CHECK(load("[t]\nengine = omp\nworkload = spin\nworkers = 1\n", &job, &dir) == 0);
    sr_plan_t plan;
    sr_plan_build(&job, &plan);
    sr_tools_t tools = fake_tools();
    tools.engine_found[SR_ENGINE_OMP] = 0;
    sr_cmd_t cmd;
    sr_err_t err = {0};
    SCAL_CHECK(sr_point_command(&job, &plan.pts[0], &tools, "/r", 1, &cmd, &err) == -1);
    SCAL_CHECK(err.status == SR_EXIT_USAGE && strstr(err.msg, "engine scal-omp not found") == err.msg);
    sr_cmd_free(&cmd);
    sr_tools_free(&tools);
    sr_plan_free(&plan);
    sr_job_free(&job);
    sr_test_dir_drop(dir);
}

/* weak = KEY grows KEY with the workers; the run ids and sweep values keep
 * the base so the points stay one curve. */
static void test_weak_scaling_grows_the_key(void)
{
    sr_job_t job;
    char *dir;
    SCAL_CHECK(load("[w]\nengine = omp\nworkload = factor\ntasks = 8\nweak = tasks\n"
                    "workers = 1, 2, 4\n", &job, &dir) == 0);
    sr_plan_t plan;
    sr_plan_build(&job, &plan);
    sr_tools_t tools = fake_tools();
    const char *want[] = {"--tasks 8", "--tasks 16", "--tasks 32"};
    for (size_t i = 0; i < 3 && i < plan.n; i++) {
        sr_cmd_t cmd;
        sr_err_t err = {0};
        SCAL_CHECK(sr_point_command(&job, &plan.pts[i], &tools, "/r", 0, &cmd, &err) == 0);
        char *line = line_of(&cmd);
        SCAL_CHECK(strstr(line, want[i]) != NULL);
        SCAL_CHECK(strcmp(plan.pts[i].scaling, "weak:tasks") == 0);
        SCAL_CHECK(strcmp(plan.pts[i].val[sr_key_id("tasks")], "8") == 0);
        free(line);
        sr_cmd_free(&cmd);
    }
    sr_tools_free(&tools);
    sr_plan_free(&plan);
    sr_job_free(&job);
    sr_test_dir_drop(dir);
    /* the grown key must be set and belong to the workload */
    SCAL_CHECK(load("[w]\nengine = omp\nworkload = factor\nweak = pairs\nworkers = 1\n", &job,
                    &dir) != 0);
    sr_job_free(&job);
    sr_test_dir_drop(dir);
    SCAL_CHECK(load("[w]\nengine = omp\nworkload = paths\nweak = pairs\nworkers = 1\n", &job,
                    &dir) != 0);
    sr_job_free(&job);
    sr_test_dir_drop(dir);
}

int main(void)
{
    SCAL_RUN(test_cartesian_product_workers_fastest);
    SCAL_RUN(test_omp_command);
    SCAL_RUN(test_mpi_command);
    SCAL_RUN(test_missing_engine_is_reported);
    SCAL_RUN(test_weak_scaling_grows_the_key);
    return SCAL_TEST_END();
}
