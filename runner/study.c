/* study.c - the command line, and running a study point by point.
 *
 * Order of work: parse the job file and build every command (all bad input
 * is found here, before anything runs); make or reopen the results folder;
 * run each point not yet in runs.csv, appending its rows as it ends; then
 * rebuild the summaries and plots from runs.csv. */
#include "study.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "envinfo.h"
#include "jobfile.h"
#include "launch.h"
#include "report.h"
#include "runs.h"
#include "scal_time.h"
#include "sweep.h"
#include "util.h"

static const char sr_usage[] =
    "usage: scal-run [--out DIR] [--dry-run] JOBFILE\n"
    "       scal-run --resume DIR JOBFILE\n"
    "       scal-run --report DIR\n"
    "\n"
    "Run the sweep a job file describes, one engine process per point, into a\n"
    "results folder: runs.csv, summary.csv, summary.md, plots/, traces/, logs/,\n"
    "env.txt and a copy of the job file.\n"
    "\n"
    "  --out DIR      results folder (default results/<job>/<UTC stamp>[-<SLURM_JOB_ID>])\n"
    "  --dry-run      print each command, one per line, and run nothing\n"
    "  --resume DIR   run the points DIR/runs.csv does not hold yet, appending to it\n"
    "  --report DIR   rebuild DIR's summaries and plots from DIR/runs.csv alone\n"
    "  --help         this text\n"
    "\n"
    "Engines are found in $SCAL_ENGINE_DIR, else beside scal-run, else in its build tree.\n"
    "Exit status: 0 all runs ok; 1 a run failed, timed out or was invalid; 2 bad input.\n";

typedef struct sr_opts {
    const char *out;
    const char *resume;
    const char *report;
    const char *jobfile;
    int dry_run;
    int help;
} sr_opts_t;

static int sr_parse_args(int argc, char **argv, sr_opts_t *o, sr_err_t *err)
{
    *o = (sr_opts_t){0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **target = strcmp(a, "--out") == 0      ? &o->out
                              : strcmp(a, "--resume") == 0 ? &o->resume
                              : strcmp(a, "--report") == 0 ? &o->report
                                                           : NULL;
        if (target) {
            if (i + 1 >= argc)
                return sr_fail(err, SR_EXIT_USAGE, "%s needs a directory", a);
            *target = argv[++i];
        } else if (strcmp(a, "--dry-run") == 0) {
            o->dry_run = 1;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            o->help = 1;
        } else if (a[0] == '-' && a[1]) {
            return sr_fail(err, SR_EXIT_USAGE, "unknown option '%s'", a);
        } else if (o->jobfile) {
            return sr_fail(err, SR_EXIT_USAGE, "one job file only ('%s' and '%s')", o->jobfile, a);
        } else {
            o->jobfile = a;
        }
    }
    if (o->help)
        return 0;
    if (o->report && (o->jobfile || o->out || o->resume || o->dry_run))
        return sr_fail(err, SR_EXIT_USAGE, "--report DIR takes nothing else");
    if (o->resume && o->out)
        return sr_fail(err, SR_EXIT_USAGE, "--resume DIR and --out DIR exclude each other");
    if (!o->report && !o->jobfile)
        return sr_fail(err, SR_EXIT_USAGE, "no job file");
    return 0;
}

typedef struct sr_study {
    sr_job_t job;
    sr_plan_t plan;
    sr_tools_t tools;
    sr_cmd_t *cmds;
    char *dir;
    int runs_fd;
    sr_strv_t done;   /* run ids runs.csv already holds */
} sr_study_t;

static void sr_study_free(sr_study_t *st)
{
    for (size_t i = 0; st->cmds && i < st->plan.n; i++)
        sr_cmd_free(&st->cmds[i]);
    free(st->cmds);
    sr_plan_free(&st->plan);
    sr_tools_free(&st->tools);
    sr_job_free(&st->job);
    sr_strv_free(&st->done);
    free(st->dir);
    if (st->runs_fd >= 0)
        close(st->runs_fd);
}

static const char *sr_base(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* results/<job>/<stamp>[-<slurm id>], made anew (a suffix if it exists). */
static int sr_default_dir(const sr_job_t *job, char **dir, sr_err_t *err)
{
    char stamp[32];
    sr_utc_stamp(stamp);
    const char *slurm = getenv("SLURM_JOB_ID");
    char *parent = sr_xasprintf("results/%s", job->name);
    if (sr_mkdir_p(parent, 0755) != 0) {
        sr_fail(err, SR_EXIT_USAGE, "cannot create the results folder %s: %s", parent, strerror(errno));
        free(parent);
        return -1;
    }
    char *base = sr_xasprintf("%s/%s%s%s", parent, stamp, slurm && slurm[0] ? "-" : "",
                              slurm && slurm[0] ? slurm : "");
    free(parent);
    for (int n = 1; ; n++) {
        char *cand = n == 1 ? sr_xstrdup(base) : sr_xasprintf("%s.%d", base, n);
        if (mkdir(cand, 0755) == 0) {
            *dir = cand;
            free(base);
            return 0;
        }
        int e = errno;
        if (e != EEXIST) {
            sr_fail(err, SR_EXIT_USAGE, "cannot create the results folder %s: %s", cand, strerror(e));
            free(cand);
            free(base);
            return -1;
        }
        free(cand);
    }
}

/* A new results folder: subfolders, runs.csv with its header, the job file, env.txt.
 * A folder that cannot be made or written is bad input (status 2): nothing
 * has run yet. */
static int sr_study_create(sr_study_t *st, const char *out, const sr_buf_t *header, sr_err_t *err)
{
    if (out) {
        char *runs = sr_path_join(out, "runs.csv");
        int exists = access(runs, F_OK) == 0;
        free(runs);
        if (exists)
            return sr_fail(err, SR_EXIT_USAGE, "%s already holds a study (runs.csv); use --resume %s", out, out);
        if (sr_mkdir_p(out, 0755) != 0)
            return sr_fail(err, SR_EXIT_USAGE, "cannot create the results folder %s: %s", out,
                           strerror(errno));
        st->dir = sr_xstrdup(out);
    } else if (sr_default_dir(&st->job, &st->dir, err) != 0) {
        return -1;
    }
    const char *subdirs[] = {"traces", "logs", "plots"};
    for (int i = 0; i < 3; i++) {
        char *d = sr_path_join(st->dir, subdirs[i]);
        int rc = sr_mkdir_p(d, 0755);
        free(d);
        if (rc != 0)
            return sr_fail(err, SR_EXIT_USAGE, "cannot create %s/%s: %s", st->dir, subdirs[i],
                           strerror(errno));
    }
    char *copy = sr_path_join(st->dir, sr_base(st->job.path));
    int rc = sr_write_file(copy, st->job.text.data, st->job.text.len);
    free(copy);
    if (rc != 0)
        return sr_fail(err, SR_EXIT_USAGE, "cannot write %s/%s, the copy of the job file: %s",
                       st->dir, sr_base(st->job.path), strerror(errno));
    char *runs = sr_path_join(st->dir, "runs.csv");
    st->runs_fd = sr_runs_create(runs, header, err);
    free(runs);
    return st->runs_fd < 0 ? -1 : 0;
}

/* An existing results folder: same job file, runs.csv reopened for appending. */
static int sr_study_reopen(sr_study_t *st, const char *dir, const sr_buf_t *header, sr_err_t *err)
{
    st->dir = sr_xstrdup(dir);
    char *copy = sr_path_join(dir, sr_base(st->job.path));
    sr_buf_t old = {0};
    int rc = 0;
    if (sr_read_file(copy, &old) != 0)
        rc = sr_fail(err, SR_EXIT_USAGE, "--resume %s: no %s there (%s): not a study of this job file", dir,
                     sr_base(st->job.path), strerror(errno));
    else if (old.len != st->job.text.len || memcmp(old.data, st->job.text.data, old.len) != 0)
        rc = sr_fail(err, SR_EXIT_USAGE, "--resume %s: %s differs from %s, the job file that study ran", dir,
                     st->job.path, copy);
    sr_buf_free(&old);
    free(copy);
    if (rc != 0)
        return -1;
    char *runs = sr_path_join(dir, "runs.csv");
    st->runs_fd = sr_runs_reopen(runs, header, &st->done, err);
    free(runs);
    return st->runs_fd < 0 ? -1 : 0;
}

static int sr_is_done(const sr_study_t *st, const char *id)
{
    for (size_t i = 0; i < st->done.n; i++)
        if (strcmp(st->done.v[i], id) == 0)
            return 1;
    return 0;
}

static void sr_append_env(const sr_study_t *st, const char *why)
{
    sr_buf_t env = {0};
    sr_buf_printf(&env, "# %s\n", why);
    sr_envinfo(&st->tools, &env);
    char *path = sr_path_join(st->dir, "env.txt");
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0 || write(fd, env.data, env.len) != (ssize_t)env.len)
        fprintf(stderr, "scal-run: warning: %s: %s\n", path, strerror(errno));
    if (fd >= 0)
        close(fd);
    free(path);
    sr_buf_free(&env);
}

/* Run one point and record it. Returns its status, or -1 with err when
 * scal-run itself failed (could not start it, or write runs.csv). A launch
 * failure is not recorded while retries are left (sr_run_point_retrying). */
static int sr_run_point(sr_study_t *st, size_t i, double *median_wall, int retries_left, sr_err_t *err)
{
    const sr_point_t *p = &st->plan.pts[i];
    char *trace = p->trace ? sr_path_join(st->dir, p->trace) : NULL;
    char *log = sr_path_join(st->dir, p->log);
    if (trace)
        unlink(trace);   /* a killed earlier attempt may have left one */
    int log_fd = open(log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (log_fd >= 0) {
        /* The log says what ran (which launcher, which options) before what it said. */
        sr_buf_t line = {0};
        sr_buf_puts(&line, "scal-run: command: ");
        sr_cmd_format(&st->cmds[i], &line);
        sr_buf_puts(&line, "\n");
        if (write(log_fd, line.data, line.len) < 0)
            fprintf(stderr, "scal-run: warning: %s: %s\n", log, strerror(errno));
        sr_buf_free(&line);
    }
    sr_strv_t envp;
    sr_cmd_envp(&st->cmds[i], &envp);
    sr_proc_spec_t spec = {st->cmds[i].argv.v, envp.v, NULL, st->cmds[i].timeout_s, log_fd};
    sr_proc_result_t res;
    int rc = sr_proc_run(&spec, &res, err);
    sr_strv_free(&envp);
    if (log_fd >= 0)
        close(log_fd);
    if (rc == 0 && res.interrupted) {
        /* Not recorded: --resume runs it again. */
        rc = sr_fail(err, SR_EXIT_FAIL, "interrupted by signal %d (%s) during %s; to finish: scal-run --resume %s %s",
                     res.interrupted, strsignal(res.interrupted), p->id, st->dir, st->job.path);
        sr_proc_result_free(&res);
    } else if (rc == 0) {
        sr_buf_t rows = {0};
        rc = (int)sr_runs_rows(&st->job, &st->plan, p, &res, trace && access(trace, R_OK) == 0, &rows,
                               median_wall);
        if ((rc != SR_LAUNCH_FAILED || retries_left == 0) && sr_runs_append(st->runs_fd, &rows, err) != 0)
            rc = -1;
        sr_buf_free(&rows);
        sr_proc_result_free(&res);
    }
    free(trace);
    free(log);
    return rc;
}

/* Run point i; start it again while its launch fails (status launch-failed, runs.h), up to the
 * job's retry-launch times (default 0). Only the last attempt is recorded; each failed one is
 * said on stderr, and its log is kept beside the run's as LOG.launchN. */
static int sr_run_point_retrying(sr_study_t *st, size_t i, double *median_wall, sr_err_t *err)
{
    const sr_point_t *p = &st->plan.pts[i];
    long retries = p->val[SR_K_RETRY_LAUNCH] ? strtol(p->val[SR_K_RETRY_LAUNCH], NULL, 10) : 0;
    for (long attempt = 1;; attempt++) {
        int status = sr_run_point(st, i, median_wall, (int)(retries >= attempt), err);
        if (status != SR_LAUNCH_FAILED || attempt > retries)
            return status;
        fprintf(stderr, "scal-run: %s: launch failed (no output, exit status in its log); retry %ld of %ld\n",
                p->id, attempt, retries);
        char *log = sr_path_join(st->dir, p->log);
        char *kept = sr_xasprintf("%s.launch%ld", log, attempt);
        if (rename(log, kept) != 0)
            fprintf(stderr, "scal-run: warning: %s: %s\n", kept, strerror(errno));
        free(kept);
        free(log);
    }
}

static void sr_hms(double s, char out[32])
{
    long t = (long)(s + 0.5);
    if (t >= 3600)
        snprintf(out, 32, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
    else
        snprintf(out, 32, "%ld:%02ld", t / 60, t % 60);
}

static int sr_study_run(sr_study_t *st, sr_err_t *err)
{
    size_t todo = 0, done_now = 0;
    for (size_t i = 0; i < st->plan.n; i++)
        todo += !sr_is_done(st, st->plan.pts[i].id);
    if (st->done.n)
        fprintf(stderr, "scal-run: resuming %s: %zu of %zu runs to go\n", st->dir, todo, st->plan.n);
    else
        fprintf(stderr, "scal-run: %zu runs into %s\n", st->plan.n, st->dir);
    double t0 = scal_now();
    for (size_t i = 0; i < st->plan.n; i++) {
        const sr_point_t *p = &st->plan.pts[i];
        if (sr_is_done(st, p->id))
            continue;
        double started = scal_now(), wall;
        int status = sr_run_point_retrying(st, i, &wall, err);
        if (status < 0)
            return -1;
        done_now++;
        double now = scal_now();
        char left[32], took[32];
        sr_hms((now - t0) / (double)done_now * (double)(todo - done_now), left);
        sr_hms(now - started, took);
        fprintf(stderr, "scal-run: [%zu/%zu] series %s, %ld worker%s, %ld rep%s (%s): %s", i + 1,
                st->plan.n, st->job.series[p->series].sec.name, p->workers, p->workers == 1 ? "" : "s",
                sr_point_repeat(p), sr_point_repeat(p) == 1 ? "" : "s", p->id,
                sr_status_name((sr_status_t)status));
        if (isfinite(wall))
            fprintf(stderr, ", median wall %.4g s", wall);
        fprintf(stderr, ", took %s, ~%s left\n", took, left);
    }
    return 0;
}

static int sr_study(const sr_opts_t *o, sr_err_t *err)
{
    sr_study_t st = {.runs_fd = -1};
    int rc = -1;
    if (sr_job_load(o->jobfile, &st.job, err) != 0)
        goto out;
    sr_plan_build(&st.job, &st.plan);
    sr_tools_find(&st.tools);
    const char *shown_dir = o->resume ? o->resume : o->out ? o->out : "<results>";
    st.cmds = sr_xcalloc(st.plan.n, sizeof *st.cmds);
    for (size_t i = 0; i < st.plan.n; i++)
        if (sr_point_command(&st.job, &st.plan.pts[i], &st.tools, shown_dir, !o->dry_run, &st.cmds[i], err) != 0)
            goto out;
    if (o->dry_run) {
        sr_buf_t line = {0};
        for (size_t i = 0; i < st.plan.n; i++) {
            sr_buf_clear(&line);
            sr_cmd_format(&st.cmds[i], &line);
            printf("%s\n", sr_buf_str(&line));
        }
        sr_buf_free(&line);
        rc = 0;
        goto out;
    }
    sr_buf_t header = {0};
    sr_runs_header(&st.plan, &header);
    rc = o->resume ? sr_study_reopen(&st, o->resume, &header, err) : sr_study_create(&st, o->out, &header, err);
    sr_buf_free(&header);
    if (rc != 0)
        goto out;
    /* The trace paths in the commands must point into the real folder. */
    for (size_t i = 0; i < st.plan.n; i++) {
        sr_cmd_free(&st.cmds[i]);
        if (sr_point_command(&st.job, &st.plan.pts[i], &st.tools, st.dir, 1, &st.cmds[i], err) != 0)
            goto out;
    }
    sr_append_env(&st, o->resume ? "resumed" : "started");
    if ((rc = sr_study_run(&st, err)) != 0)
        goto out;
    sr_summary_t sum;
    rc = sr_summary_load(st.dir, &sum, err);
    if (rc == 0) {
        rc = sr_summary_write(st.dir, &sum, err);
        if (rc == 0)
            rc = sr_plots_write(st.dir, &sum, err);
        if (rc == 0 && sum.not_ok) {
            rc = sr_fail(err, SR_EXIT_FAIL, "%zu of %zu runs not ok; see %s/summary.md and %s/logs/", sum.not_ok,
                         sum.runs, st.dir, st.dir);
        }
        sr_summary_free(&sum);
    }
    if (rc == 0)
        fprintf(stderr, "scal-run: all runs ok; results in %s\n", st.dir);
out:
    sr_study_free(&st);
    return rc;
}

int sr_main(int argc, char **argv)
{
    sr_opts_t o;
    sr_err_t err = {0};
    int rc;
    if (sr_parse_args(argc, argv, &o, &err) != 0) {
        fprintf(stderr, "scal-run: %s\n%s", err.msg, sr_usage);
        return err.status;
    }
    if (o.help) {
        fputs(sr_usage, stdout);
        return SR_EXIT_OK;
    }
    rc = o.report ? sr_report(o.report, &err) : sr_study(&o, &err);
    if (rc != 0) {
        fprintf(stderr, "scal-run: %s\n", err.msg);
        return err.status;
    }
    return SR_EXIT_OK;
}
