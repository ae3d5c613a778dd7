/* test_command.c - engine = command's pieces: splitting a command as a shell
 * would, {key} substitution, parameters of the user's swept like keys, and
 * the command and environment each launch gets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "scal_test.h"
#include "sr_testdir.h"

static void check_split(const char *text, int ok, const char *const *want, size_t n)
{
    sr_strv_t w = {0};
    char why[128] = "";
    int rc = sr_command_split(text, &w, why, sizeof why);
    SCAL_CHECK(rc == (ok ? 0 : -1));
    if (ok) {
        SCAL_CHECK_EQ_U64(w.n, n);
        for (size_t i = 0; i < n && i < w.n; i++) {
            if (strcmp(w.v[i], want[i]) != 0)
                fprintf(stderr, "  split '%s': word %zu is '%s', want '%s'\n", text, i, w.v[i], want[i]);
            SCAL_CHECK(strcmp(w.v[i], want[i]) == 0);
        }
    } else {
        SCAL_CHECK(why[0] != '\0');
    }
    sr_strv_free(&w);
}

static void test_split_like_a_shell(void)
{
    check_split("prog -n 3", 1, (const char *const[]){"prog", "-n", "3"}, 3);
    check_split("  sh -c 'echo \"a b\"; exit 2'  ", 1, (const char *const[]){"sh", "-c", "echo \"a b\"; exit 2"}, 3);
    check_split("a\\ b \"x\\\"y\\\\z\" 'it'\\''s' \"$HOME\"", 1,
                (const char *const[]){"a b", "x\"y\\z", "it's", "$HOME"}, 4);
    check_split("p ''", 1, (const char *const[]){"p", ""}, 2);
    check_split("p 'open", 0, NULL, 0);
    check_split("p \"open", 0, NULL, 0);
    check_split("p \\", 0, NULL, 0);
}

static const char *values(void *ctx, const char *name)
{
    (void)ctx;
    return strcmp(name, "workers") == 0 ? "4" : strcmp(name, "size") == 0 ? "big one" : NULL;
}

static void check_subst(const char *word, const char *want, const char *bad_name)
{
    sr_buf_t b = {0};
    char *bad;
    int rc = sr_command_subst(word, values, NULL, &b, &bad);
    if (want) {
        SCAL_CHECK(rc == 0 && strcmp(sr_buf_str(&b), want) == 0);
    } else {
        SCAL_CHECK(rc == -1 && bad && strcmp(bad, bad_name) == 0);
    }
    free(bad);
    sr_buf_free(&b);
}

static void test_substitution(void)
{
    check_subst("--np={workers}", "--np=4", NULL);
    check_subst("{size}/{workers}", "big one/4", NULL);
    check_subst("{{workers}} {{ }}", "{workers} { }", NULL);
    check_subst("{nope}", NULL, "nope");
    check_subst("x{workers", NULL, "{workers (no closing brace)");
}

static void test_user_parameters_sweep(void)
{
    sr_job_t job;
    char *dir;
    SCAL_CHECK(sr_test_load_job("test_command",
                                "[global]\nengine = command\nsize = 10, 20\nrepeat = 1\n"
                                "[run]\ncommand = /bin/echo {size} {mode} {workers}\nmode = fast\nlaunch = threads\n"
                                "bind = spread\nworkers = 1, 2\nenv = OMP_PROC_BIND=master\n",
                                &job, &dir) == 0);
    sr_plan_t plan;
    sr_plan_build(&job, &plan);
    SCAL_CHECK_EQ_U64(plan.n, 4);
    const char *want[] = {"run/size=10/workers=1", "run/size=10/workers=2", "run/size=20/workers=1",
                          "run/size=20/workers=2"};
    for (size_t i = 0; i < plan.n && i < 4; i++)
        SCAL_CHECK(strcmp(plan.pts[i].id, want[i]) == 0);
    SCAL_CHECK(plan.pts[0].trace == NULL);
    SCAL_CHECK_EQ_U64(plan.nusweep, 1);
    SCAL_CHECK(strcmp(plan.unames->v[plan.usweep[0]], "size") == 0);
    sr_tools_t tools = {0};
    sr_cmd_t cmd;
    sr_err_t err;
    SCAL_CHECK(sr_point_command(&job, &plan.pts[3], &tools, "/r", 1, &cmd, &err) == 0);
    sr_buf_t line = {0};
    sr_cmd_format(&cmd, &line);
    /* the job's env comes last and wins over the binding */
    SCAL_CHECK(strcmp(sr_buf_str(&line), "OMP_NUM_THREADS=2 OMP_PLACES=cores OMP_PROC_BIND=spread "
                                         "OMP_PROC_BIND=master /bin/echo 20 fast 2") == 0);
    if (strcmp(sr_buf_str(&line), "OMP_NUM_THREADS=2 OMP_PLACES=cores OMP_PROC_BIND=spread "
                                  "OMP_PROC_BIND=master /bin/echo 20 fast 2") != 0)
        fprintf(stderr, "  command: %s\n", sr_buf_str(&line));
    sr_strv_t envp;
    sr_cmd_envp(&cmd, &envp);
    int master = 0, spread = 0;
    for (size_t i = 0; i < envp.n; i++) {
        master += strcmp(envp.v[i], "OMP_PROC_BIND=master") == 0;
        spread += strcmp(envp.v[i], "OMP_PROC_BIND=spread") == 0;
    }
    SCAL_CHECK(master == 1 && spread == 0);
    sr_strv_free(&envp);
    sr_buf_free(&line);
    sr_cmd_free(&cmd);
    sr_plan_free(&plan);
    sr_job_free(&job);
    sr_test_dir_drop(dir);
}

static void test_bind_none_removes(void)
{
    sr_job_t job;
    char *dir;
    SCAL_CHECK(sr_test_load_job("test_command", "[t]\nengine = command\ncommand = /bin/true\nlaunch = threads\n"
                                "bind = none\nworkers = 3\n", &job, &dir) == 0);
    sr_plan_t plan;
    sr_plan_build(&job, &plan);
    sr_tools_t tools = {0};
    sr_cmd_t cmd;
    sr_err_t err;
    SCAL_CHECK(sr_point_command(&job, &plan.pts[0], &tools, "/r", 1, &cmd, &err) == 0);
    setenv("OMP_PLACES", "threads", 1);
    sr_strv_t envp;
    sr_cmd_envp(&cmd, &envp);
    int places = 0, threads = 0;
    for (size_t i = 0; i < envp.n; i++) {
        places += strncmp(envp.v[i], "OMP_PLACES=", 11) == 0;
        threads += strcmp(envp.v[i], "OMP_NUM_THREADS=3") == 0;
    }
    SCAL_CHECK(places == 0 && threads == 1);
    sr_buf_t line = {0};
    sr_cmd_format(&cmd, &line);
    SCAL_CHECK(strcmp(sr_buf_str(&line), "env -u OMP_PLACES -u OMP_PROC_BIND OMP_NUM_THREADS=3 /bin/true") == 0);
    unsetenv("OMP_PLACES");
    sr_strv_free(&envp);
    sr_buf_free(&line);
    sr_cmd_free(&cmd);
    sr_plan_free(&plan);
    sr_job_free(&job);
    sr_test_dir_drop(dir);
}

int main(void)
{
    SCAL_RUN(test_split_like_a_shell);
    SCAL_RUN(test_substitution);
    SCAL_RUN(test_user_parameters_sweep);
    SCAL_RUN(test_bind_none_removes);
    return SCAL_TEST_END();
}
