/* study.c - the command line, and running a study in rounds.
 *
 * Order of work: parse the job file and build every command (all bad input
 * is found here, before anything runs); make or reopen the results folder;
 * run rounds of launches, appending each launch's row as it ends; then
 * rebuild the summaries and plots from runs.csv.
 *
 * A round launches every point still going once (one measured repetition
 * each), in an order shuffled from the study's round seed (env.txt), so a
 * slow spell of the machine spreads over all points instead of landing on
 * one. A point stops once it has `repeat` repetitions and the 95% CI of its
 * median wall is within `precision` of the median, at `max-repeat`, after a
 * launch that was not ok, or when the study's `budget` is spent. --resume
 * counts each point's launches in runs.csv and completes the round. */
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
#include "csv.h"
#include "scal_rng.h"
#include "stats.h"
#include "jobfile.h"
#include "launch.h"
#include "report.h"
#include "runs.h"
#include "scal_files.h"
#include "scal_time.h"
#include "sweep.h"
#include "util.h"

static const char sr_usage[] =
    "usage: scal-run [--out DIR] [--dry-run] JOBFILE\n"
    "       scal-run --resume DIR JOBFILE\n"
    "       scal-run --report DIR\n"
    "       scal-run --compare OLD NEW [--format md|csv|json] [--threshold X] [--fail-on slower]\n"
    "       scal-run --list-keys\n"
    "\n"
    "Run the sweep a job file describes, one engine process per point (or the\n"
    "job file's own command, engine = command), into a results folder: runs.csv,\n"
    "summary.csv, summary.md, plots/, traces/, logs/, env.txt and a copy of the\n"
    "job file.\n"
    "\n"
    "  --out DIR      results folder (default results/<job>/<UTC stamp>[-<SLURM_JOB_ID>])\n"
    "  --dry-run      print each command, one per line, and run nothing\n"
    "  --resume DIR   run the points DIR/runs.csv does not hold yet, appending to it\n"
    "  --report DIR   rebuild DIR's summaries, plots and index.html from DIR/runs.csv alone\n"
    "  --compare OLD NEW  compare two results folders point by point (--compare --help)\n"
    "  --list-keys    print the engines' job-file keys as a markdown table: values,\n"
    "                 engines and workloads, meaning and default (jobs/README.md holds it)\n"
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
    int list_keys;
    const char *other;   /* the first argument that is not --list-keys (or --help) */
} sr_opts_t;

static int sr_parse_args(int argc, char **argv, sr_opts_t *o, sr_err_t *err)
{
    *o = (sr_opts_t){0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!o->other && strcmp(a, "--list-keys") != 0 && strcmp(a, "--help") != 0 &&
            strcmp(a, "-h") != 0)
            o->other = a;
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
        } else if (strcmp(a, "--list-keys") == 0) {
            o->list_keys = 1;
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
    if (o->list_keys && o->other)
        return sr_fail(err, SR_EXIT_USAGE, "--list-keys takes nothing else (got '%s')", o->other);
    if (o->list_keys)
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
    sr_strv_t done;   /* run id of each launch runs.csv already holds */
    unsigned long long round_seed;
    int resumed;
    struct sr_pstate *ps;   /* per point */
} sr_study_t;

/* Where a point stands. */
typedef struct sr_pstate {
    long launches;
    int finished;         /* no more launches */
    sr_status_t status;   /* ok, or the status of its launch that was not */
    double *walls;        /* wall_s of its ok launches */
    size_t nwalls;
    double took;          /* seconds spent launching it, this invocation */
} sr_pstate_t;

static void sr_study_free(sr_study_t *st)
{
    for (size_t i = 0; st->cmds && i < st->plan.n; i++)
        sr_cmd_free(&st->cmds[i]);
    free(st->cmds);
    for (size_t i = 0; st->ps && i < st->plan.n; i++)
        free(st->ps[i].walls);
    free(st->ps);
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
    if (rc != 0) /* a full disk is a failed write (1), a bad folder bad input (2) */
        return sr_fail(err, scal_write_failure_status(errno),
                       "cannot write %s/%s, the copy of the job file: %s", st->dir,
                       sr_base(st->job.path), strerror(errno));
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
    st->runs_fd = sr_runs_reopen(runs, header, &st->done, NULL, err);
    free(runs);
    return st->runs_fd < 0 ? -1 : 0;
}

/* No file the study writes may be one it reads: the job file, and every
 * graph and pairs-file value, against each other and against the results
 * folder's own files (when the folder is named: a new default folder holds
 * nothing yet).  scal_files_distinct compares them by device and inode, or
 * by resolved path for files not made yet. */
static int sr_study_files_distinct(const sr_job_t *job, const char *dir, int resuming, sr_err_t *err)
{
    static const char *const results[] = {"runs.csv", "summary.csv", "summary.md", "env.txt"};
    /* The engines' input files: the options marked SCAL_OPT_INPUT. */
    sr_key_id_t inputs[SR_NKEYS];
    size_t ninputs = 0;
    for (int k = 0; k < SR_NKEYS; k++)
        if (sr_key((sr_key_id_t)k)->opt && (sr_key((sr_key_id_t)k)->opt->flags & SCAL_OPT_INPUT))
            inputs[ninputs++] = (sr_key_id_t)k;
    size_t cap = 8, n = 0;
    scal_named_file_t *f = sr_xmalloc(cap * sizeof *f);
    sr_strv_t owned = {0};   /* labels and paths made here */
    char msg[1024];
    f[n++] = (scal_named_file_t){"the job file", job->path, 0};
    for (size_t si = 0; si <= job->nseries; si++) {
        const sr_section_t *sec = si < job->nseries ? &job->series[si].sec : &job->global;
        for (size_t ki = 0; ki < ninputs; ki++) {
            const sr_setting_t *set = &sec->set[inputs[ki]];
            for (size_t v = 0; v < set->nvals; v++) {
                char *path = sr_job_file_path(job, set->vals[v]);
                /* the same file for the same key in two series is fine */
                int dup = 0;
                for (size_t j = 1; j < n && !dup; j++) {
                    scal_named_file_t two[2] = {f[j], {"", path, 0}};
                    dup = strncmp(f[j].option, sr_key(inputs[ki])->name, strlen(sr_key(inputs[ki])->name)) == 0 &&
                          scal_files_distinct(two, 2, NULL, 0) != 0;
                }
                if (dup) {
                    free(path);
                    continue;
                }
                sr_strv_pushf(&owned, "%s (%s:%d)", sr_key(inputs[ki])->name, job->path, set->line);
                sr_strv_push(&owned, path);
                free(path);
                if (n + 1 >= cap)
                    f = sr_xrealloc(f, (cap *= 2) * sizeof *f);
                f[n++] = (scal_named_file_t){owned.v[owned.n - 2], owned.v[owned.n - 1], 0};
            }
        }
    }
    if (dir) {
        size_t first = owned.n;
        for (size_t i = 0; i < sizeof results / sizeof *results; i++) {
            char *p = sr_path_join(dir, results[i]);
            sr_strv_push(&owned, p);
            free(p);
        }
        /* Resuming, the folder's copy of the job file is read, not written. */
        if (!resuming) {
            const char *base = strrchr(job->path, '/');
            char *p = sr_path_join(dir, base ? base + 1 : job->path);
            sr_strv_push(&owned, p);
            free(p);
        }
        for (size_t i = first; i < owned.n; i++) {
            if (n + 1 >= cap)
                f = sr_xrealloc(f, (cap *= 2) * sizeof *f);
            f[n++] = (scal_named_file_t){"results file", owned.v[i], 1};
        }
    }
    int rc = scal_files_distinct(f, n, msg, sizeof msg) == 0
                 ? 0
                 : sr_fail(err, SR_EXIT_USAGE, "%s", msg);
    free(f);
    sr_strv_free(&owned);
    return rc;
}

/* The study's own settings, read back by the report: the round seed (also
 * the bootstrap's), and each series' precision and claim. */
static void sr_study_settings(const sr_study_t *st, sr_buf_t *env)
{
    sr_buf_printf(env, "round_seed: %llu\n", st->round_seed);
    for (size_t i = 0; i < st->job.nseries; i++) {
        const sr_series_t *s = &st->job.series[i];
        const sr_setting_t *prec = s->eff[SR_K_PRECISION], *claim = s->eff[SR_K_CLAIM];
        sr_buf_printf(env, "precision[%s]: %s\n", s->sec.name, prec ? prec->vals[0] : "0.03");
        if (claim)
            sr_buf_printf(env, "claim[%s]: %s\n", s->sec.name, claim->vals[0]);
    }
    const sr_setting_t *budget = &st->job.global.set[SR_K_BUDGET];
    if (budget->line)
        sr_buf_printf(env, "budget_s: %s\n", budget->vals[0]);
}

static void sr_append_env(const sr_study_t *st, const char *why)
{
    sr_buf_t env = {0};
    sr_buf_printf(&env, "# %s\n", why);
    sr_envinfo(&st->tools, &env);
    sr_study_settings(st, &env);
    sr_noise_probe(&env);
    char *path = sr_path_join(st->dir, "env.txt");
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0 || write(fd, env.data, env.len) != (ssize_t)env.len)
        fprintf(stderr, "scal-run: warning: %s: %s\n", path, strerror(errno));
    if (fd >= 0)
        close(fd);
    free(path);
    sr_buf_free(&env);
}

/* The round seed a resumed study started with: the first "round_seed:"
 * line of its env.txt. 0 when there is none. */
static unsigned long long sr_recorded_seed(const char *dir)
{
    char *path = sr_path_join(dir, "env.txt");
    sr_buf_t text = {0};
    unsigned long long seed = 0;
    if (sr_read_file(path, &text) == 0) {
        const char *p = strstr(sr_buf_str(&text), "\nround_seed: ");
        if (p)
            seed = strtoull(p + 13, NULL, 10);
    }
    sr_buf_free(&text);
    free(path);
    return seed;
}

/* Each point's launches, statuses and ok walls from runs.csv (resuming). */
static int sr_study_load_state(sr_study_t *st, sr_err_t *err)
{
    char *path = sr_path_join(st->dir, "runs.csv");
    sr_buf_t text = {0};
    sr_csv_t csv = {0};
    int rc = 0;
    if (sr_read_file(path, &text) != 0 || sr_csv_parse(text.data, text.len, 1, &csv) != 0) {
        rc = sr_fail(err, SR_EXIT_USAGE, "%s: cannot read it back", path);
        goto out;
    }
    int id = sr_csv_col(&csv, "run_id"), status = sr_csv_col(&csv, "status"), wall = sr_csv_col(&csv, "wall_s"),
        round = sr_csv_col(&csv, "round");
    for (size_t r = 1; r < csv.nrows; r++) {
        const char *v = sr_csv_get(&csv, r, id);
        size_t i = 0;
        while (i < st->plan.n && strcmp(st->plan.pts[i].id, v) != 0)
            i++;
        if (i == st->plan.n)
            continue;
        sr_pstate_t *ps = &st->ps[i];
        long rn = strtol(sr_csv_get(&csv, r, round), NULL, 10);
        if (rn > ps->launches)
            ps->launches = rn;
        const char *sv = sr_csv_get(&csv, r, status);
        if (strcmp(sv, "ok") != 0) {
            ps->finished = 1;
            ps->status = strcmp(sv, "timeout") == 0         ? SR_TIMEOUT
                         : strcmp(sv, "invalid") == 0       ? SR_INVALID
                         : strcmp(sv, "launch-failed") == 0 ? SR_LAUNCH_FAILED
                                                            : SR_FAILED;
            continue;
        }
        double w = sr_runs_figure(sr_csv_get(&csv, r, wall), sr_csv_get(&csv, r, sr_csv_col(&csv, "fom")),
                                  sr_csv_get(&csv, r, sr_csv_col(&csv, "fom_better")));
        if (isfinite(w)) {
            ps->walls = sr_xrealloc(ps->walls, (ps->nwalls + 1) * sizeof *ps->walls);
            ps->walls[ps->nwalls++] = w;
        }
    }
out:
    sr_csv_free(&csv);
    sr_buf_free(&text);
    free(path);
    return rc;
}

/* Launch point i once, in round `round` (its `attempt`-th launch there),
 * and record it. Returns its status, or -1 with err when scal-run itself
 * failed (could not start it, or write runs.csv). A launch failure is not
 * recorded while retries are left (sr_run_point_retrying). */
static int sr_run_point(sr_study_t *st, size_t i, long round, long attempt, int retries_left,
                        double *median_wall, sr_err_t *err)
{
    const sr_point_t *p = &st->plan.pts[i];
    char *trace = p->trace ? sr_path_join(st->dir, p->trace) : NULL;
    char *log = sr_path_join(st->dir, p->log);
    if (trace)
        unlink(trace);   /* a killed earlier attempt may have left one */
    /* A point's launches share its log, each under its command line. */
    int log_fd = open(log, O_WRONLY | O_CREAT | (round == 1 && attempt == 1 ? O_TRUNC : O_APPEND) | O_CLOEXEC, 0644);
    if (log_fd >= 0) {
        /* The log says what ran (which launcher, which options) before what it said. */
        sr_buf_t line = {0};
        sr_buf_puts(&line, "scal-run: command: ");
        sr_cmd_format(&st->cmds[i], &line);
        sr_buf_printf(&line, "\nscal-run: round %ld\n", round);
        if (st->job.series[p->series].engine == SR_ENGINE_CMD && sr_point_warmup(p) > 0)
            sr_buf_printf(&line, "scal-run: %ld warm-up launch%s first, figures dropped\n", sr_point_warmup(p),
                          sr_point_warmup(p) == 1 ? "" : "es");
        if (attempt > 1)
            sr_buf_printf(&line, "scal-run: launch attempt %ld\n", attempt);
        if (write(log_fd, line.data, line.len) < 0)
            fprintf(stderr, "scal-run: warning: %s: %s\n", log, strerror(errno));
        sr_buf_free(&line);
    }
    sr_strv_t envp;
    sr_cmd_envp(&st->cmds[i], &envp);
    /* A command is watched from outside (an engine monitors itself): while it
     * runs, where all of its processes are scal-run's here. */
    sr_proc_spec_t spec = {st->cmds[i].argv.v, envp.v, NULL, st->cmds[i].timeout_s, log_fd,
                           st->job.series[p->series].engine == SR_ENGINE_CMD && sr_point_local(&st->job, p)};
    sr_proc_result_t res;
    /* A command does its warm-up as whole launches whose figure is dropped (an engine
     * warms up inside its one launch: --warmup). */
    long warm = st->job.series[p->series].engine == SR_ENGINE_CMD ? sr_point_warmup(p) : 0;
    int rc = 0, stop = 0;
    for (long w = 0; w < warm && !stop; w++) {
        rc = sr_proc_run(&spec, &res, err);
        stop = rc != 0 || res.interrupted;
        if (!stop)
            sr_proc_result_free(&res);
    }
    if (!stop)
        rc = sr_proc_run(&spec, &res, err);
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
        rc = (int)sr_runs_rows(&st->job, &st->plan, p, &res, trace && access(trace, R_OK) == 0, round,
                               &rows, median_wall);
        if ((rc != SR_LAUNCH_FAILED || !retries_left) && sr_runs_append(st->runs_fd, &rows, err) != 0)
            rc = -1;
        sr_buf_free(&rows);
        sr_proc_result_free(&res);
    }
    free(trace);
    free(log);
    return rc;
}

/* Launch point i in round `round`; launch it again while its launch fails
 * (status launch-failed, runs.h), up to the job's retry-launch times
 * (default 0). Only the last attempt is recorded; each failed one is said on
 * stderr, and stays in the point's log above the next. */
static int sr_run_point_retrying(sr_study_t *st, size_t i, long round, double *median_wall, sr_err_t *err)
{
    const sr_point_t *p = &st->plan.pts[i];
    long retries = p->val[SR_K_RETRY_LAUNCH] ? strtol(p->val[SR_K_RETRY_LAUNCH], NULL, 10) : 0;
    for (long attempt = 1;; attempt++) {
        int status = sr_run_point(st, i, round, attempt, retries >= attempt, median_wall, err);
        if (status != SR_LAUNCH_FAILED || attempt > retries)
            return status;
        fprintf(stderr, "scal-run: %s: launch failed (no output, exit status in its log); retry %ld of %ld\n",
                p->id, attempt, retries);
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

/* Is the 95% CI of the median within `precision` of it? */
static int sr_precise(const sr_pstate_t *ps, double precision)
{
    double med, lo, hi;
    if (sr_median_ci(ps->walls, ps->nwalls, &med, &lo, &hi) != 0)
        return 0;
    return lo >= med * (1 - precision) && hi <= med * (1 + precision);
}

/* Repetitions still owed at least: up to `repeat` for each point going. */
static long sr_owed(const sr_study_t *st)
{
    long owed = 0;
    for (size_t i = 0; i < st->plan.n; i++)
        if (!st->ps[i].finished && st->ps[i].launches < sr_point_repeat(&st->plan.pts[i]))
            owed += sr_point_repeat(&st->plan.pts[i]) - st->ps[i].launches;
        else if (!st->ps[i].finished)
            owed++;
    return owed;
}

/* Point i has stopped: one line on how it ended. */
static void sr_point_done(const sr_study_t *st, size_t i, const char *why, double per_launch)
{
    const sr_point_t *p = &st->plan.pts[i];
    const sr_pstate_t *ps = &st->ps[i];
    double med = NAN, lo, hi;
    int ci = ps->nwalls ? sr_median_ci(ps->walls, ps->nwalls, &med, &lo, &hi) == 0 : 0;
    char left[32], took[32];
    sr_hms(per_launch * (double)sr_owed(st), left);
    sr_hms(ps->took, took);
    fprintf(stderr, "scal-run: [%zu/%zu] series %s, %ld worker%s, %ld rep%s (%s): %s", i + 1, st->plan.n,
            st->job.series[p->series].sec.name, p->workers, p->workers == 1 ? "" : "s", ps->launches,
            ps->launches == 1 ? "" : "s", p->id, sr_status_name(ps->status));
    /* a command's fom is its figure: say it as printed (a rate's walls hold 1 / fom) */
    const sr_series_t *s = &st->job.series[p->series];
    const sr_setting_t *fom = s->engine == SR_ENGINE_CMD ? s->eff[SR_K_FOM] : NULL;
    const sr_setting_t *unit = fom ? s->eff[SR_K_FOM_UNIT] : NULL;
    int inv = fom && s->eff[SR_K_FOM_BETTER] && strcmp(s->eff[SR_K_FOM_BETTER]->vals[0], "higher") == 0;
    if (isfinite(med))
        fprintf(stderr, ", median %s %.4g%s%s", fom ? "fom" : "wall", inv ? 1 / med : med, unit || !fom ? " " : "",
                unit ? unit->vals[0] : fom ? "" : "s");
    if (ci)
        fprintf(stderr, " (95%% CI %.4g-%.4g)", inv ? 1 / hi : lo, inv ? 1 / lo : hi);
    fprintf(stderr, ", %s, took %s, ~%s left\n", why, took, left);
}

/* Within a long round, a progress line at most this often. */
#define SR_PROGRESS_EVERY_S 10.0

/* One progress line: points done, launches so far, the precision the
 * points still going have reached (the widest CI half-width relative to
 * its median), and the time left at the mean launch time so far. */
static void sr_progress(const sr_study_t *st, double t0, long launched, double budget)
{
    size_t done = 0, without_ci = 0;
    long reps = 0;
    double worst = 0, asked = 0;
    for (size_t i = 0; i < st->plan.n; i++) {
        const sr_pstate_t *ps = &st->ps[i];
        reps += ps->launches;
        if (ps->finished) {
            done++;
            continue;
        }
        double med, lo, hi;
        if (sr_median_ci(ps->walls, ps->nwalls, &med, &lo, &hi) != 0 || !(med > 0)) {
            without_ci++;
            continue;
        }
        double half = (hi - med > med - lo ? hi - med : med - lo) / med;
        if (half > worst) {
            worst = half;
            asked = sr_point_precision(&st->plan.pts[i]);
        }
    }
    double spent = scal_now() - t0;
    double left = launched ? spent / (double)launched * (double)sr_owed(st) : NAN;
    if (budget > 0 && isfinite(left) && left > budget - spent)
        left = budget - spent > 0 ? budget - spent : 0;
    char lt[32];
    sr_hms(isfinite(left) ? left : 0, lt);
    fprintf(stderr, "scal-run: progress: %zu/%zu points done, %ld repetitions", done, st->plan.n, reps);
    if (worst > 0)
        fprintf(stderr, "; widest CI of the points going: ±%.1f%% of its median (asked ±%.1f%%)", 100 * worst,
                100 * asked);
    if (without_ci)
        fprintf(stderr, "; %zu going with fewer than %d repetitions (no CI yet)", without_ci, SR_CI_MIN_N);
    if (isfinite(left))
        fprintf(stderr, "; ~%s left\n", lt);
    else
        fprintf(stderr, "; time left unknown\n");
}

static int sr_study_run(sr_study_t *st, sr_err_t *err)
{
    size_t going = 0;
    long behind = 0;
    for (size_t i = 0; i < st->plan.n; i++) {
        sr_pstate_t *ps = &st->ps[i];
        const sr_point_t *p = &st->plan.pts[i];
        if (!ps->finished && ps->launches >= sr_point_max_repeat(p))
            ps->finished = 1;
        if (!ps->finished && ps->launches >= sr_point_repeat(p) && sr_precise(ps, sr_point_precision(p)))
            ps->finished = 1;
        going += !ps->finished;
        behind += !ps->finished && ps->launches == 0;
    }
    if (st->resumed)
        fprintf(stderr, "scal-run: resuming %s: %zu of %zu runs to go (%ld not started), at least %ld launches\n",
                st->dir, going, st->plan.n, behind, sr_owed(st));
    else
        fprintf(stderr, "scal-run: %zu points into %s, in rounds of one launch each (at least %ld launches)\n",
                st->plan.n, st->dir, sr_owed(st));
    const sr_setting_t *bset = &st->job.global.set[SR_K_BUDGET];
    double budget = bset->line ? strtod(bset->vals[0], NULL) : 0;
    double t0 = scal_now(), last_progress = t0;
    long launched = 0;
    size_t *order = sr_xcalloc(st->plan.n ? st->plan.n : 1, sizeof *order);
    int rc = 0, spent = 0;
    while (!spent) {
        long round = -1;
        for (size_t i = 0; i < st->plan.n; i++)
            if (!st->ps[i].finished && (round < 0 || st->ps[i].launches + 1 < round))
                round = st->ps[i].launches + 1;
        if (round < 0)
            break;
        /* This round's points in the seeded order; on --resume those that
         * already ran in it are skipped. */
        size_t n = 0;
        for (size_t i = 0; i < st->plan.n; i++)
            if (!st->ps[i].finished)
                order[n++] = i;
        scal_rng_t rng = scal_rng_init(st->round_seed, (uint64_t)round);
        for (size_t k = n; k > 1; k--) {
            size_t j = (size_t)(scal_rng_next(&rng) % k), t = order[k - 1];
            order[k - 1] = order[j];
            order[j] = t;
        }
        size_t ran = 0;
        for (size_t k = 0; k < n; k++) {
            size_t i = order[k];
            sr_pstate_t *ps = &st->ps[i];
            if (ps->launches >= round)
                continue;
            if (budget > 0 && scal_now() - t0 >= budget) {
                spent = 1;
                break;
            }
            if (scal_now() - last_progress >= SR_PROGRESS_EVERY_S) {
                sr_progress(st, t0, launched, budget);
                last_progress = scal_now();
            }
            double started = scal_now(), wall;
            int status = sr_run_point_retrying(st, i, round, &wall, err);
            if (status < 0) {
                rc = -1;
                goto out;
            }
            launched++;
            ran++;
            ps->launches = round;
            ps->took += scal_now() - started;
            if (status != SR_OK) {
                ps->status = (sr_status_t)status;
                ps->finished = 1;
                sr_point_done(st, i, "not launched again", (scal_now() - t0) / (double)launched);
            } else if (isfinite(wall)) {
                ps->walls = sr_xrealloc(ps->walls, (ps->nwalls + 1) * sizeof *ps->walls);
                ps->walls[ps->nwalls++] = wall;
            }
        }
        /* After the round: which points are done. */
        size_t precise = 0, stopped = 0, still = 0;
        double per = launched ? (scal_now() - t0) / (double)launched : 0;
        for (size_t i = 0; i < st->plan.n; i++) {
            sr_pstate_t *ps = &st->ps[i];
            const sr_point_t *p = &st->plan.pts[i];
            if (ps->finished)
                continue;
            if (ps->launches >= sr_point_repeat(p) && sr_precise(ps, sr_point_precision(p))) {
                ps->finished = 1;
                precise++;
                sr_point_done(st, i, "precise", per);
            } else if (ps->launches >= sr_point_max_repeat(p)) {
                ps->finished = 1;
                stopped++;
                sr_point_done(st, i, ps->nwalls >= SR_CI_MIN_N ? "unstable: max-repeat reached before its CI was "
                                                                 "within precision"
                                                               : "max-repeat reached, too few repetitions for a CI",
                              per);
            } else {
                still++;
            }
        }
        fprintf(stderr, "scal-run: round %ld: %zu launch%s, %zu point%s precise, %zu at max-repeat, %zu going on\n",
                round, ran, ran == 1 ? "" : "es", precise, precise == 1 ? "" : "s", stopped, still);
        sr_progress(st, t0, launched, budget);
        last_progress = scal_now();
    }
    if (spent) {
        fprintf(stderr, "scal-run: budget of %g s spent: the points still going stop here\n", budget);
        for (size_t i = 0; i < st->plan.n; i++)
            if (!st->ps[i].finished) {
                st->ps[i].finished = 1;
                sr_point_done(st, i, sr_precise(&st->ps[i], sr_point_precision(&st->plan.pts[i]))
                                         ? "precise, stopped by the budget"
                                         : "unstable: stopped by the budget",
                              0);
            }
    }
out:
    free(order);
    return rc;
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
    if (sr_study_files_distinct(&st.job, o->resume ? o->resume : o->out, o->resume != NULL, err) != 0)
        goto out;
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
    st.ps = sr_xcalloc(st.plan.n ? st.plan.n : 1, sizeof *st.ps);
    st.resumed = o->resume != NULL;
    st.round_seed = o->resume ? sr_recorded_seed(st.dir) : 0;
    if (st.round_seed == 0) {
        /* Any value will do, as long as it is recorded: time and pid. */
        scal_rng_t r = scal_rng_init((uint64_t)(scal_now() * 1e9), (uint64_t)getpid());
        st.round_seed = scal_rng_next(&r) >> 1 | 1;
    }
    if (o->resume && (rc = sr_study_load_state(&st, err)) != 0)
        goto out;
    sr_append_env(&st, o->resume ? "resumed" : "started");
    if ((rc = sr_study_run(&st, err)) != 0)
        goto out;
    sr_summary_t sum;
    rc = sr_summary_load(st.dir, &sum, err);
    if (rc == 0) {
        rc = sr_summary_write(st.dir, &sum, err);
        if (rc == 0)
            rc = sr_plots_write(st.dir, &sum, err);
        if (rc == 0)
            rc = sr_html_write(st.dir, &sum, err);
        if (rc == 0 && sum.not_ok) {
            rc = sr_fail(err, SR_EXIT_FAIL, "%zu of %zu runs not ok; see %s/summary.md and %s/logs/", sum.not_ok,
                         sum.runs, st.dir, st.dir);
        }
        sr_summary_free(&sum);
    }
    if (rc == 0)
        fprintf(stderr, "scal-run: all runs ok; results in %s (open %s/index.html)\n", st.dir, st.dir);
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
    if (o.list_keys) {
        sr_buf_t b = {0};
        sr_keys_markdown(&b);
        fputs(sr_buf_str(&b), stdout);
        sr_buf_free(&b);
        if (fflush(stdout) != 0 || ferror(stdout)) {
            fprintf(stderr, "scal-run: --list-keys: cannot write to stdout: %s\n", strerror(errno));
            return SR_EXIT_FAIL;
        }
        return SR_EXIT_OK;
    }
    rc = o.report ? sr_report(o.report, &err) : sr_study(&o, &err);
    if (rc != 0) {
        fprintf(stderr, "scal-run: %s\n", err.msg);
        return err.status;
    }
    return SR_EXIT_OK;
}
