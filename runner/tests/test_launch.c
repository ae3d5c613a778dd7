/* test_launch.c - running a program: output captured, exit codes and
 * signals reported, and a timeout that kills the whole process group even
 * when it ignores SIGTERM. (/bin/sh is the program under test here; scal-run
 * itself never starts a shell.) */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "launch.h"
#include "scal_test.h"
#include "scal_time.h"
#include "sr_testdir.h"

extern char **environ;

static sr_proc_result_t run_sh_sampled(const char *script, double timeout, int sample)
{
    char *argv[] = {"/bin/sh", "-c", (char *)script, NULL};
    sr_proc_spec_t spec = {argv, environ, NULL, timeout, -1, sample};
    sr_proc_result_t res;
    sr_err_t err = {0};
    if (sr_proc_run(&spec, &res, &err) != 0) {
        fprintf(stderr, "sr_proc_run: %s\n", err.msg);
        abort();
    }
    return res;
}

static sr_proc_result_t run_sh(const char *script, double timeout)
{
    return run_sh_sampled(script, timeout, 0);
}

/* Sampled while it runs: a busy loop in the program's own group counts as
 * its own, never as another's; unsampled, nothing is taken. */
static void test_samples_tell_own_threads(void)
{
    sr_proc_result_t r = run_sh_sampled("i=0; while [ $i -lt 2000000 ]; do i=$((i + 1)); done", 30, 1);
    SCAL_CHECK(r.samples >= 5);
    SCAL_CHECK(r.own_sum >= 0.5 * r.samples);
    sr_proc_result_free(&r);
    r = run_sh("sleep 0.3", 10);
    SCAL_CHECK(r.samples == 0 && r.running_sum == 0 && r.own_sum == 0);
    sr_proc_result_free(&r);
}

static void test_output_and_exit_code(void)
{
    sr_proc_result_t r = run_sh("echo out; echo err >&2; exit 3", 10);
    SCAL_CHECK(strcmp(sr_buf_str(&r.out), "out\n") == 0);
    SCAL_CHECK(strcmp(sr_buf_str(&r.err_tail), "err\n") == 0);
    SCAL_CHECK(r.exit_code == 3 && !r.timed_out);
    sr_proc_result_free(&r);
}

static void test_signal_is_128_plus(void)
{
    sr_proc_result_t r = run_sh("kill -9 $$", 10);
    SCAL_CHECK(r.exit_code == 128 + SIGKILL);
    sr_proc_result_free(&r);
}

static void test_stderr_tail_is_bounded(void)
{
    sr_proc_result_t r = run_sh("i=0; while [ $i -lt 2000 ]; do echo line $i >&2; i=$((i+1)); done; echo last >&2", 20);
    SCAL_CHECK(r.err_tail.len == SR_STDERR_TAIL);
    SCAL_CHECK(strcmp(sr_buf_str(&r.err_tail) + r.err_tail.len - 5, "last\n") == 0);
    sr_proc_result_free(&r);
}

static void test_missing_program_exits_127(void)
{
    char *argv[] = {"/nonexistent/engine", NULL};
    sr_proc_spec_t spec = {argv, environ, NULL, 5, -1, 0};
    sr_proc_result_t r;
    sr_err_t err = {0};
    SCAL_CHECK(sr_proc_run(&spec, &r, &err) == 0);
    SCAL_CHECK(r.exit_code == 127);
    SCAL_CHECK(strstr(sr_buf_str(&r.err_tail), "cannot execute /nonexistent/engine") != NULL);
    sr_proc_result_free(&r);
}

/* Dead, or a zombie its new parent has not reaped yet, within two seconds. */
static int gone(long pid)
{
    for (int i = 0; i < 200; i++) {
        char path[64], state = '?';
        snprintf(path, sizeof path, "/proc/%ld/stat", pid);
        FILE *f = fopen(path, "r");
        if (!f)
            return 1;
        int n = fscanf(f, "%*d (%*[^)]) %c", &state);
        fclose(f);
        if (n == 1 && (state == 'Z' || state == 'X'))
            return 1;
        usleep(10000);
    }
    return 0;
}

/* The end is seen at once (not at the next poll timeout), and wait4 says
 * what the program and the child it waited for used. */
static void test_wall_and_usage(void)
{
    sr_proc_result_t r = run_sh("sleep 0.2 & i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; wait", 10);
    SCAL_CHECK(r.exit_code == 0);
    SCAL_CHECK(r.wall_s >= 0.2 && r.wall_s <= r.elapsed_s);
    SCAL_CHECK(r.cpu_s > 0 && r.cpu_s < r.wall_s * 4);
    SCAL_CHECK(r.maxrss_bytes > 0 && r.nivcsw >= 0);
    if (!(r.wall_s >= 0.2 && r.wall_s <= r.elapsed_s))
        fprintf(stderr, "  wall %g s, elapsed %g s\n", r.wall_s, r.elapsed_s);
    sr_proc_result_free(&r);
}

static void test_stdout_keeps_its_end(void)
{
    /* 90 MB of output, then the figure: the start is dropped, the end kept */
    sr_proc_result_t r = run_sh("head -c 90000000 /dev/zero | tr '\\0' 'x'; echo; echo 'rate: 7'", 60);
    SCAL_CHECK(r.out_cut && r.out.len <= SR_STDOUT_MAX + SR_STDOUT_MAX / 4);
    SCAL_CHECK(r.out.len >= 8 && strcmp(r.out.data + r.out.len - 8, "rate: 7\n") == 0);
    sr_proc_result_free(&r);
}

static void test_timeout_kills_the_group(void)
{
    char *dir = sr_test_dir("test_launch");
    char *pidfile = sr_xasprintf("%s/pid", dir);
    /* The shell and its background child both ignore SIGTERM. */
    char *script = sr_xasprintf("trap '' TERM; sleep 60 & echo $! > %s; wait; wait", pidfile);
    double t0 = scal_now();
    sr_proc_result_t r = run_sh(script, 0.5);
    double took = scal_now() - t0;
    SCAL_CHECK(r.timed_out);
    SCAL_CHECK(r.exit_code == 128 + SIGKILL);
    SCAL_CHECK(took >= 0.5 + SR_KILL_GRACE_S - 0.1 && took < 0.5 + SR_KILL_GRACE_S + 2.0);
    FILE *f = fopen(pidfile, "r");
    long child = 0;
    SCAL_CHECK(f && fscanf(f, "%ld", &child) == 1);
    if (f)
        fclose(f);
    SCAL_CHECK(child > 0 && gone(child));   /* the grandchild is gone too */
    free(pidfile);
    sr_test_dir_drop(dir);
    free(script);
    sr_proc_result_free(&r);
}

int main(void)
{
    SCAL_RUN(test_output_and_exit_code);
    SCAL_RUN(test_signal_is_128_plus);
    SCAL_RUN(test_stderr_tail_is_bounded);
    SCAL_RUN(test_missing_program_exits_127);
    SCAL_RUN(test_timeout_kills_the_group);
    SCAL_RUN(test_wall_and_usage);
    SCAL_RUN(test_stdout_keeps_its_end);
    SCAL_RUN(test_samples_tell_own_threads);
    return SCAL_TEST_END();
}
