/* test_slurm.c - scal-run inside a Slurm job, with made-up allocations: the
 * CPU budgets, the refusal of points that do not fit (file:line, key), the
 * srun and mpirun command lines, and what env.txt records. No Slurm needed;
 * the real thing is tested end to end in jobs/slurm/tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "envinfo.h"
#include "scal_test.h"
#include "slurm.h"
#include "sr_testdir.h"
#include "sweep.h"

static int load(const char *text, sr_job_t *job, char **dir)
{
    return sr_test_load_job("test_slurm", text, job, dir);
}

/* Tools with fake engines, inside a made-up job: `per_node` CPUs per node
 * (SLURM_JOB_CPUS_PER_NODE syntax), `step_cpus` in scal-run's own step. */
static sr_tools_t job_tools(const char *per_node, long step_cpus, int in_step)
{
    sr_tools_t t = {0};
    t.engine[SR_ENGINE_OMP] = sr_xstrdup("/e/scal-omp");
    t.engine[SR_ENGINE_MPI] = sr_xstrdup("/e/scal-mpi");
    t.engine_found[SR_ENGINE_OMP] = t.engine_found[SR_ENGINE_MPI] = 1;
    t.slurm.in_job = 1;
    t.slurm.in_step = in_step;
    t.slurm.affinity_cpus = step_cpus;
    t.slurm.affinity_list = sr_xasprintf("0-%ld", step_cpus - 1);
    t.slurm.nnodes = sr_slurm_parse_cpus_per_node(per_node, &t.slurm.node_cpus);
    t.slurm.cpu_bind = sr_xstrdup(SR_SRUN_CPU_BIND_DEFAULT);
    return t;
}

/* The command of point i as one line; NULL with *err filled on refusal. */
static char *command_of(const sr_job_t *job, size_t i, const sr_tools_t *tools, sr_err_t *err)
{
    sr_plan_t plan;
    sr_plan_build(job, &plan);
    sr_cmd_t cmd;
    char *line = NULL;
    if (sr_point_command(job, &plan.pts[i], tools, "/r", 0, &cmd, err) == 0) {
        sr_buf_t b = {0};
        sr_cmd_format(&cmd, &b);
        line = b.data;
    }
    sr_cmd_free(&cmd);
    sr_plan_free(&plan);
    return line;
}

static void test_cpus_per_node_syntax(void)
{
    long *c;
    SCAL_CHECK_EQ_U64(sr_slurm_parse_cpus_per_node("2", &c), 1);
    SCAL_CHECK(c && c[0] == 2);
    free(c);
    SCAL_CHECK_EQ_U64(sr_slurm_parse_cpus_per_node("72(x2),36", &c), 3);
    SCAL_CHECK(c && c[0] == 72 && c[1] == 72 && c[2] == 36);
    free(c);
    const char *bad[] = {"", "x", "2(x)", "2(x3", "2,,3", "0", "4(x0)", "3 "};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        SCAL_CHECK_EQ_U64(sr_slurm_parse_cpus_per_node(bad[i], &c), 0);
        SCAL_CHECK(c == NULL);
    }
}

static void test_rank_capacity_is_per_node(void)
{
    sr_tools_t t = job_tools("6(x2),4", 6, 0);
    SCAL_CHECK_EQ_U64(sr_slurm_job_cpus(&t.slurm), 16);
    SCAL_CHECK_EQ_U64(sr_slurm_rank_capacity(&t.slurm, 1), 16);
    /* 4 threads: one rank per 6-CPU node (2 CPUs left over each), one on the 4-CPU node. */
    SCAL_CHECK_EQ_U64(sr_slurm_rank_capacity(&t.slurm, 4), 3);
    SCAL_CHECK_EQ_U64(sr_slurm_rank_capacity(&t.slurm, 7), 0);
    sr_slurm_t none = {0};
    SCAL_CHECK(sr_slurm_rank_capacity(&none, 1) == -1);
    sr_tools_free(&t);
}

static void test_thread_cpus_is_the_smaller_budget(void)
{
    sr_slurm_t s = {.in_job = 1, .affinity_cpus = 8, .cpus_on_node = 4};
    SCAL_CHECK_EQ_U64(sr_slurm_thread_cpus(&s), 4);
    s.cpus_on_node = 0;   /* unset: the mask alone */
    SCAL_CHECK_EQ_U64(sr_slurm_thread_cpus(&s), 8);
    s.affinity_cpus = 0;
    s.cpus_on_node = 3;   /* no mask: SLURM_CPUS_ON_NODE alone */
    SCAL_CHECK_EQ_U64(sr_slurm_thread_cpus(&s), 3);
}

static void test_omp_workers_beyond_the_step_are_refused(void)
{
    sr_job_t job;
    char *dir;
    SCAL_CHECK(load("[global]\nworkload = spin\nus = 1\n\n[t]\nengine = omp\nworkers = 1, 2, 4\n", &job,
                    &dir) == 0);
    sr_tools_t t = job_tools("2", 2, 0);
    sr_err_t err = {0};
    char *ok = command_of(&job, 1, &t, &err);
    SCAL_CHECK(ok != NULL);
    free(ok);
    SCAL_CHECK(command_of(&job, 2, &t, &err) == NULL);
    SCAL_CHECK(err.status == SR_EXIT_USAGE);
    char *want = sr_xasprintf("%s/s.job:7: key 'workers': series [t] asks for 4 threads, but this Slurm "
                              "job gives scal-run's step 2 CPUs (CPUs 0-1)",
                              dir);
    if (strncmp(err.msg, want, strlen(want)) != 0)
        fprintf(stderr, "  want: %s...\n  got:  %s\n", want, err.msg);
    SCAL_CHECK(strncmp(err.msg, want, strlen(want)) == 0);
    free(want);
    /* Outside Slurm the same point is not refused. */
    sr_slurm_free(&t.slurm);
    char *free_run = command_of(&job, 2, &t, &err);
    SCAL_CHECK(free_run != NULL);
    free(free_run);
    sr_tools_free(&t);
    sr_job_free(&job);
    sr_test_dir_drop(dir);
}

static void test_mpi_ranks_times_threads_beyond_the_job_are_refused(void)
{
    sr_job_t job;
    char *dir;
    SCAL_CHECK(load("[global]\nworkload = factor\nworkers = 2\n\n[h]\nengine = mpi\nthreads = 1, 2\n", &job,
                    &dir) == 0);
    sr_tools_t t = job_tools("2", 1, 0);   /* a 1-CPU step does not limit ranks: srun places them */
    sr_err_t err = {0};
    char *ok = command_of(&job, 0, &t, &err);
    SCAL_CHECK(ok != NULL);
    free(ok);
    SCAL_CHECK(command_of(&job, 1, &t, &err) == NULL);
    char *want = sr_xasprintf("%s/s.job:3: key 'workers': series [h] asks for 2 ranks x 2 threads (key "
                              "'threads', line 7), but this Slurm job's 2 CPUs on 1 node hold 1 such rank;",
                              dir);
    if (strncmp(err.msg, want, strlen(want)) != 0)
        fprintf(stderr, "  want: %s...\n  got:  %s\n", want, err.msg);
    SCAL_CHECK(err.status == SR_EXIT_USAGE && strncmp(err.msg, want, strlen(want)) == 0);
    free(want);
    sr_tools_free(&t);
    /* Two nodes of 2 CPUs hold both ranks of 2 threads. */
    t = job_tools("2(x2)", 2, 0);
    char *two = command_of(&job, 1, &t, &err);
    SCAL_CHECK(two != NULL);
    free(two);
    sr_tools_free(&t);
    sr_job_free(&job);
    sr_test_dir_drop(dir);
}

static void test_srun_inside_a_job(void)
{
    sr_job_t job;
    char *dir;
    SCAL_CHECK(load("[p]\nengine = mpi\nworkload = spin\nus = 0\nworkers = 2\n"
                    "[h]\nengine = mpi\nworkload = spin\nus = 0\nthreads = 2\nworkers = 1\n",
                    &job, &dir) == 0);
    sr_tools_t t = job_tools("2", 2, 0);
    sr_err_t err = {0};
    /* launcher auto is srun in a job; no threads key: one thread per rank, and OMP_NUM_THREADS says so. */
    char *line = command_of(&job, 0, &t, &err);
    SCAL_CHECK(line && strncmp(line, "OMP_NUM_THREADS=1 ", 18) == 0);
    SCAL_CHECK(line && strstr(line, "srun -n 2 --cpus-per-task=1 --exact --cpu-bind=verbose,cores "
                                    "--kill-on-bad-exit=1 /e/scal-mpi spin ") != NULL);
    SCAL_CHECK(line && !strstr(line, "--overlap"));
    free(line);
    line = command_of(&job, 1, &t, &err);
    SCAL_CHECK(line && strncmp(line, "OMP_NUM_THREADS=2 ", 18) == 0);
    SCAL_CHECK(line && strstr(line, "srun -n 1 --cpus-per-task=2 --exact ") != NULL);
    free(line);
    sr_tools_free(&t);
    /* scal-run itself in a step (srun scal-run ..., an interactive step): the nested step overlaps it,
     * and the site's binding type replaces cores. */
    t = job_tools("2", 2, 1);
    free(t.slurm.cpu_bind);
    t.slurm.cpu_bind = sr_xstrdup("threads");
    line = command_of(&job, 0, &t, &err);
    SCAL_CHECK(line && strstr(line, " --cpu-bind=verbose,threads --kill-on-bad-exit=1 --overlap /e/scal-mpi ") != NULL);
    free(line);
    sr_tools_free(&t);
    sr_job_free(&job);
    sr_test_dir_drop(dir);
}

static void test_mpirun_inside_a_job_binds_hybrid_ranks_to_their_cores(void)
{
    sr_job_t job;
    char *dir;
    SCAL_CHECK(load("[global]\nengine = mpi\nworkload = spin\nus = 0\nlauncher = mpirun\nworkers = 1\n"
                    "[one]\npool = map\n[two]\nthreads = 2\n",
                    &job, &dir) == 0);
    sr_tools_t t = job_tools("2", 2, 0);
    sr_err_t err = {0};
    char *line = command_of(&job, 0, &t, &err);
    SCAL_CHECK(line && strstr(line, "mpirun -n 1 /e/scal-mpi ") != NULL);
    free(line);
    line = command_of(&job, 1, &t, &err);
    SCAL_CHECK(line && strstr(line, "mpirun -n 1 --map-by slot:PE=2 /e/scal-mpi ") != NULL);
    free(line);
    /* Outside a job no PE: mpirun would refuse an oversubscribed run with it. */
    sr_slurm_free(&t.slurm);
    line = command_of(&job, 1, &t, &err);
    SCAL_CHECK(line && strstr(line, "mpirun -n 1 /e/scal-mpi ") != NULL);
    free(line);
    sr_tools_free(&t);
    sr_job_free(&job);
    sr_test_dir_drop(dir);
}

static void test_load_and_env_record(void)
{
    setenv("SLURM_JOB_ID", "4242", 1);
    setenv("SLURM_JOB_NODELIST", "n[01-02]", 1);
    setenv("SLURM_NNODES", "2", 1);
    setenv("SLURM_NTASKS", "4", 1);
    setenv("SLURM_CPUS_PER_TASK", "3", 1);
    setenv("SLURM_CPUS_ON_NODE", "6", 1);
    setenv("SLURM_JOB_CPUS_PER_NODE", "6(x2)", 1);
    setenv("SLURM_CPU_BIND_TYPE", "mask_cpu:", 1);
    unsetenv("SLURM_STEP_ID");
    unsetenv("SCAL_SRUN_CPU_BIND");
    sr_tools_t t;
    sr_tools_find(&t);
    SCAL_CHECK(t.slurm.in_job && !t.slurm.in_step);
    SCAL_CHECK_EQ_U64(t.slurm.nnodes, 2);
    SCAL_CHECK_EQ_U64(sr_slurm_rank_capacity(&t.slurm, 3), 4);
    SCAL_CHECK(t.slurm.affinity_cpus >= 1 && t.slurm.affinity_list && t.slurm.affinity_list[0]);
    SCAL_CHECK(strcmp(t.slurm.cpu_bind, "cores") == 0);
    sr_buf_t env = {0};
    sr_envinfo(&t, &env);
    const char *want[] = {"\nSLURM_JOB_ID: 4242\n", "\nSLURM_JOB_NODELIST: n[01-02]\n", "\nSLURM_NNODES: 2\n",
                          "\nSLURM_NTASKS: 4\n", "\nSLURM_CPUS_PER_TASK: 3\n", "\nSLURM_CPU_BIND_TYPE: mask_cpu:\n",
                          "\nslurm_step_cpuset: ", "\nslurm_cpus_for_ranks: 12 on 2 nodes\n",
                          "\nsrun_options: --exact --cpu-bind=verbose,cores --kill-on-bad-exit=1 ", "\nsrun: "};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        if (!strstr(sr_buf_str(&env), want[i]))
            fprintf(stderr, "  env.txt lacks: %s", want[i]);
        SCAL_CHECK(strstr(sr_buf_str(&env), want[i]) != NULL);
    }
    sr_buf_free(&env);
    sr_tools_free(&t);
    /* Inside a step; SLURM_JOB_CPUS_PER_NODE missing: the tasks' CPUs as one pool. */
    setenv("SLURM_STEP_ID", "0", 1);
    unsetenv("SLURM_JOB_CPUS_PER_NODE");
    setenv("SCAL_SRUN_CPU_BIND", "sockets", 1);
    sr_tools_find(&t);
    SCAL_CHECK(t.slurm.in_step);
    SCAL_CHECK_EQ_U64(sr_slurm_job_cpus(&t.slurm), 12);
    SCAL_CHECK(strcmp(t.slurm.cpu_bind, "sockets") == 0);
    sr_tools_free(&t);
    /* No job: nothing about Slurm in env.txt. */
    const char *vars[] = {"SLURM_JOB_ID", "SLURM_JOB_NODELIST", "SLURM_NNODES", "SLURM_NTASKS",
                          "SLURM_CPUS_PER_TASK", "SLURM_CPUS_ON_NODE", "SLURM_CPU_BIND_TYPE",
                          "SLURM_STEP_ID", "SCAL_SRUN_CPU_BIND"};
    for (size_t i = 0; i < sizeof vars / sizeof *vars; i++)
        unsetenv(vars[i]);
    sr_tools_find(&t);
    SCAL_CHECK(!t.slurm.in_job);
    sr_envinfo(&t, &env);
    SCAL_CHECK(!strstr(sr_buf_str(&env), "\nSLURM_") && !strstr(sr_buf_str(&env), "\nslurm_") &&
               !strstr(sr_buf_str(&env), "\nsrun"));
    sr_buf_free(&env);
    sr_tools_free(&t);
}

int main(void)
{
    SCAL_RUN(test_cpus_per_node_syntax);
    SCAL_RUN(test_rank_capacity_is_per_node);
    SCAL_RUN(test_thread_cpus_is_the_smaller_budget);
    SCAL_RUN(test_omp_workers_beyond_the_step_are_refused);
    SCAL_RUN(test_mpi_ranks_times_threads_beyond_the_job_are_refused);
    SCAL_RUN(test_srun_inside_a_job);
    SCAL_RUN(test_mpirun_inside_a_job_binds_hybrid_ranks_to_their_cores);
    SCAL_RUN(test_load_and_env_record);
    return SCAL_TEST_END();
}
