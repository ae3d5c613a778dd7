/* runs.c - judging runs and keeping runs.csv (see runs.h). */
#include "runs.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "command.h"
#include "scal_record.h"
#include "scal_stats.h"

static const char *const sr_status_names[] = {"ok", "failed", "timeout", "invalid", "launch-failed"};

const char *sr_status_name(sr_status_t s)
{
    return sr_status_names[s];
}

/* One launch's row, as runs.csv's own columns see it. */
typedef struct sr_row {
    const sr_job_t *job;
    const sr_point_t *p;
    sr_status_t status;
    const sr_proc_result_t *res;
    int trace_exists;
    long round;
    const sr_buf_t *why;   /* scal-run's note on a run that is not ok */
    int usage_known;       /* wait4's cpu_s and maxrss_bytes cover the run */
    const char *better;    /* a command's fom-better, when it reads a figure */
} sr_row_t;

static void sr_col_series(const sr_row_t *r, sr_buf_t *out)
{
    sr_csv_field(out, r->job->series[r->p->series].sec.name);
}

static void sr_col_run_id(const sr_row_t *r, sr_buf_t *out)
{
    sr_csv_field(out, r->p->id);
}

static void sr_col_scaling(const sr_row_t *r, sr_buf_t *out)
{
    sr_buf_puts(out, r->p->scaling);
}

static void sr_col_status(const sr_row_t *r, sr_buf_t *out)
{
    sr_buf_puts(out, sr_status_name(r->status));
}

static void sr_col_exit_code(const sr_row_t *r, sr_buf_t *out)
{
    sr_buf_printf(out, "%d", r->res->exit_code);
}

static void sr_col_elapsed_s(const sr_row_t *r, sr_buf_t *out)
{
    sr_buf_printf(out, "%.6f", r->res->elapsed_s);
}

static void sr_col_trace(const sr_row_t *r, sr_buf_t *out)
{
    sr_csv_field(out, r->trace_exists ? r->p->trace : "");
}

static void sr_col_cpu_s(const sr_row_t *r, sr_buf_t *out)
{
    if (r->usage_known)
        sr_buf_printf(out, "%.6f", r->res->cpu_s);
}

static void sr_col_maxrss_bytes(const sr_row_t *r, sr_buf_t *out)
{
    if (r->usage_known)
        sr_buf_printf(out, "%lld", r->res->maxrss_bytes);
}

static void sr_col_fom_better(const sr_row_t *r, sr_buf_t *out)
{
    sr_buf_puts(out, r->better);
}

static void sr_col_round(const sr_row_t *r, sr_buf_t *out)
{
    sr_buf_printf(out, "%ld", r->round);
}

/* For a run that is not ok: scal-run's note, then its stderr's tail. */
static void sr_col_stderr_tail(const sr_row_t *r, sr_buf_t *out)
{
    if (r->status == SR_OK)
        return;
    sr_buf_t tail = {0};
    sr_buf_add(&tail, sr_buf_str(r->why), r->why->len);
    sr_csv_escape_line(&tail, sr_buf_str(&r->res->err_tail), r->res->err_tail.len);
    sr_csv_field(out, sr_buf_str(&tail));
    sr_buf_free(&tail);
}

typedef struct sr_col {
    const char *name;
    void (*value)(const sr_row_t *r, sr_buf_t *out);
} sr_col_t;

/* runs.csv's own columns, in three groups: before the sweep columns,
 * between them and the record's fields (the record schema), and after. */
static const sr_col_t sr_cols_first[] = {{"series", sr_col_series}, {"run_id", sr_col_run_id}};
static const sr_col_t sr_cols_run[] = {{"scaling", sr_col_scaling},     {"status", sr_col_status},
                                       {"exit_code", sr_col_exit_code}, {"elapsed_s", sr_col_elapsed_s},
                                       {"trace", sr_col_trace}};
static const sr_col_t sr_cols_last[] = {{"cpu_s", sr_col_cpu_s},           {"maxrss_bytes", sr_col_maxrss_bytes},
                                        {"fom_better", sr_col_fom_better}, {"round", sr_col_round},
                                        {"stderr_tail", sr_col_stderr_tail}};

#define SR_NCOLS(a) (sizeof(a) / sizeof(a)[0])

/* The names of n columns, each after a comma but the very first. */
static void sr_cols_names(const sr_col_t *cols, size_t n, int first, sr_buf_t *out)
{
    for (size_t i = 0; i < n; i++)
        sr_buf_printf(out, "%s%s", first && i == 0 ? "" : ",", cols[i].name);
}

static void sr_cols_values(const sr_col_t *cols, size_t n, int first, const sr_row_t *r,
                           sr_buf_t *out)
{
    for (size_t i = 0; i < n; i++) {
        if (!(first && i == 0))
            sr_buf_puts(out, ",");
        cols[i].value(r, out);
    }
}

void sr_runs_header(const sr_plan_t *plan, sr_buf_t *out)
{
    sr_cols_names(sr_cols_first, SR_NCOLS(sr_cols_first), 1, out);
    /* the swept keys, the user parameters swept, then workers (sweep.c) */
    for (size_t i = 0; i + 1 < plan->nsweep; i++)
        sr_buf_printf(out, ",sweep_%s", sr_key(plan->sweep[i])->name);
    for (size_t i = 0; i < plan->nusweep; i++)
        sr_buf_printf(out, ",sweep_%s", plan->unames->v[plan->usweep[i]]);
    sr_buf_printf(out, ",sweep_%s", sr_key(plan->sweep[plan->nsweep - 1])->name);
    sr_cols_names(sr_cols_run, SR_NCOLS(sr_cols_run), 0, out);
    for (size_t i = 0; i < scal_record_nfields(); i++)
        sr_buf_printf(out, ",%s", scal_record_field(i)->name);
    sr_cols_names(sr_cols_last, SR_NCOLS(sr_cols_last), 0, out);
    sr_buf_puts(out, "\n");
}

double sr_runs_figure(const char *wall_s, const char *fom, const char *fom_better)
{
    const char *v = fom_better && fom_better[0] ? fom : wall_s;
    char *end;
    double x = v ? strtod(v, &end) : NAN;
    if (!v || end == v || !isfinite(x))
        return NAN;
    if (fom_better && strcmp(fom_better, "higher") == 0)
        return x > 0 ? 1.0 / x : NAN;
    return x;
}

static int sr_truthy(const char *v)
{
    return strcmp(v, "1") == 0 || strcmp(v, "true") == 0 || strcmp(v, "yes") == 0;
}

sr_status_t sr_runs_rows(const sr_job_t *job, const sr_plan_t *plan, const sr_point_t *p,
                         const sr_proc_result_t *res, int trace_exists, long round, sr_buf_t *rows,
                         double *median_wall)
{
    const sr_series_t *s = &job->series[p->series];
    /* A command's record is scal-run's own (command.h): what it measured and
     * read from the output, with the command's verdict on it. */
    int is_cmd = s->engine == SR_ENGINE_CMD;
    sr_buf_t cmd_rec = {0}, cmd_why = {0};
    sr_status_t cmd_status = is_cmd ? sr_command_record(job, p, res, &cmd_rec, &cmd_why) : SR_OK;
    const sr_buf_t *text = is_cmd ? &cmd_rec : &res->out;
    const char *better = is_cmd && s->eff[SR_K_FOM]
                             ? (s->eff[SR_K_FOM_BETTER] ? s->eff[SR_K_FOM_BETTER]->vals[0] : "lower")
                             : "";
    sr_csv_t rec;
    int parsed = sr_csv_parse(text->data, text->len, 0, &rec) == 0;
    size_t nrec = parsed && rec.nrows > 0 ? rec.nrows - 1 : 0;
    int valid_col = parsed ? sr_csv_col(&rec, "valid") : -1;
    int wall_col = parsed ? sr_csv_col(&rec, "wall_s") : -1;
    int fom_col = parsed ? sr_csv_col(&rec, "fom") : -1;
    size_t invalid = 0;
    double *walls = sr_xcalloc(nrec, sizeof *walls);
    for (size_t r = 1; r <= nrec; r++) {
        invalid += valid_col >= 0 && !sr_truthy(sr_csv_get(&rec, r, valid_col));
        walls[r - 1] = sr_runs_figure(sr_csv_get(&rec, r, wall_col), sr_csv_get(&rec, r, fom_col), better);
    }
    scal_stats_t st;
    *median_wall = nrec && scal_stats_compute(walls, nrec, &st) == 0 ? st.median : NAN;
    free(walls);

    sr_buf_t why = {0};
    sr_status_t status;
    long repeat = 1; /* one measured repetition per launch */
    if (res->timed_out) {
        status = SR_TIMEOUT;
        sr_buf_printf(&why, "[scal-run: killed after the %s s timeout] ",
                      p->val[SR_K_TIMEOUT] ? p->val[SR_K_TIMEOUT] : "default");
    } else if (is_cmd) {
        status = res->exit_code != 0 ? SR_FAILED : cmd_status;
        if (res->exit_code != 0)
            sr_buf_printf(&why, "[scal-run: the program exited with status %d] ", res->exit_code);
        else
            sr_buf_add(&why, sr_buf_str(&cmd_why), cmd_why.len);
    } else if (invalid > 0 && (res->exit_code == 0 || res->exit_code == 1)) {
        status = SR_INVALID;
        sr_buf_printf(&why, "[scal-run: %zu of %zu records not valid] ", invalid, nrec);
    } else if (res->exit_code == 0 && valid_col >= 0 && nrec == (size_t)repeat) {
        status = SR_OK;
    } else if (job->series[p->series].engine == SR_ENGINE_MPI && res->exit_code != 0 &&
               res->exit_code != SR_EXIT_USAGE && res->out.len == 0) {
        status = SR_LAUNCH_FAILED;
        sr_buf_puts(&why, "[scal-run: no output: the ranks never reached the first task] ");
    } else {
        status = SR_FAILED;
        if (res->exit_code == 0)
            sr_buf_printf(&why, "[scal-run: expected %ld records with a 'valid' field, got %zu] ",
                          repeat, nrec);
    }

    /* wait4's figures cover the ranks only when they are scal-run's descendants here. */
    int usage_known = sr_point_local(job, p);

    size_t nout = nrec ? nrec : 1;
    const sr_row_t row = {job, p, status, res, trace_exists, round, &why,
                          usage_known && res->cpu_s >= 0, better};
    for (size_t r = 1; r <= nout; r++) {
        sr_cols_values(sr_cols_first, SR_NCOLS(sr_cols_first), 1, &row, rows);
        for (size_t i = 0; i + 1 < plan->nsweep; i++) {
            sr_buf_puts(rows, ",");
            sr_csv_field(rows, p->val[plan->sweep[i]]);
        }
        for (size_t i = 0; i < plan->nusweep; i++) {
            sr_buf_puts(rows, ",");
            sr_csv_field(rows, p->uval ? p->uval[plan->usweep[i]] : NULL);
        }
        sr_buf_puts(rows, ",");
        sr_csv_field(rows, p->val[plan->sweep[plan->nsweep - 1]]);
        sr_cols_values(sr_cols_run, SR_NCOLS(sr_cols_run), 0, &row, rows);
        for (size_t f = 0; f < scal_record_nfields(); f++) {
            sr_buf_puts(rows, ",");
            if (nrec)
                sr_csv_field(rows,
                             sr_csv_get(&rec, r, sr_csv_col(&rec, scal_record_field(f)->name)));
        }
        sr_cols_values(sr_cols_last, SR_NCOLS(sr_cols_last), 0, &row, rows);
        sr_buf_puts(rows, "\n");
    }
    sr_buf_free(&why);
    sr_buf_free(&cmd_rec);
    sr_buf_free(&cmd_why);
    if (parsed)
        sr_csv_free(&rec);
    return status;
}

int sr_runs_read(const char *dir, sr_csv_t *csv, sr_buf_t *why)
{
    *csv = (sr_csv_t){0};
    char *path = sr_path_join(dir, "runs.csv");
    sr_buf_t text = {0};
    int rc = -1;
    if (sr_read_file(path, &text) != 0)
        sr_buf_printf(why, "%s: %s", path, strerror(errno));
    else if (sr_csv_parse(text.data, text.len, 1, csv) != 0 || csv->nrows == 0)
        sr_buf_printf(why, "%s: not a runs.csv (no header, or bad CSV)", path);
    else
        rc = 0;
    if (rc != 0)
        sr_csv_free(csv);
    sr_buf_free(&text);
    free(path);
    return rc;
}

double sr_runs_row_figure(const sr_csv_t *csv, size_t r)
{
    return sr_runs_figure(sr_csv_get(csv, r, sr_csv_col(csv, "wall_s")), sr_csv_get(csv, r, sr_csv_col(csv, "fom")),
                          sr_csv_get(csv, r, sr_csv_col(csv, "fom_better")));
}

int sr_runs_append(int fd, const sr_buf_t *rows, sr_err_t *err)
{
    off_t before = lseek(fd, 0, SEEK_END);
    ssize_t n;
    do
        n = write(fd, rows->data, rows->len);
    while (n < 0 && errno == EINTR);
    if (n != (ssize_t)rows->len) {
        int e = n < 0 ? errno : ENOSPC;
        if (before >= 0 && ftruncate(fd, before) != 0) {
            /* Nothing more to do: the error below is what matters. */
        }
        return sr_fail(err, SR_EXIT_FAIL, "runs.csv: write: %s", strerror(e));
    }
    if (fsync(fd) != 0)
        return sr_fail(err, SR_EXIT_FAIL, "runs.csv: fsync: %s", strerror(errno));
    return 0;
}

int sr_runs_create(const char *path, const sr_buf_t *header, sr_err_t *err)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0)
        return sr_fail(err, SR_EXIT_USAGE, "cannot create %s: %s", path, strerror(errno));
    if (sr_runs_append(fd, header, err) != 0) {
        /* A runs.csv without its whole header would block --resume. */
        char why[sizeof err->msg];
        snprintf(why, sizeof why, "%s", err->msg + strlen("runs.csv: "));
        close(fd);
        unlink(path);
        /* a write that failed (disk full) is 1, as sr_runs_append says */
        return sr_fail(err, err->status, "cannot write %s: %s", path, why);
    }
    return fd;
}

int sr_runs_reopen(const char *path, const sr_buf_t *header, sr_strv_t *done, sr_strv_t *ok,
                   sr_err_t *err)
{
    sr_buf_t text = {0};
    if (sr_read_file(path, &text) != 0)
        return sr_fail(err, SR_EXIT_USAGE, "%s: %s", path, strerror(errno));
    size_t whole = text.len;
    while (whole > 0 && text.data[whole - 1] != '\n')
        whole--;
    if (whole < header->len || memcmp(text.data, header->data, header->len) != 0) {
        sr_buf_free(&text);
        return sr_fail(err, SR_EXIT_USAGE, "%s: its header does not match this job file's sweep", path);
    }
    sr_csv_t csv;
    if (sr_csv_parse(text.data, whole, 1, &csv) != 0) {
        sr_buf_free(&text);
        return sr_fail(err, SR_EXIT_USAGE, "%s: not valid CSV", path);
    }
    int id = sr_csv_col(&csv, "run_id"), round = sr_csv_col(&csv, "round"),
        status = sr_csv_col(&csv, "status");
    sr_strv_t seen = {0};   /* "id<US>round" of each launch */
    for (size_t r = 1; r < csv.nrows; r++) {
        const char *v = sr_csv_get(&csv, r, id);
        char *launch = sr_xasprintf("%s\x1f%s", v, round >= 0 ? sr_csv_get(&csv, r, round) : "");
        int dup = 0;
        for (size_t i = seen.n; i-- > 0 && !dup;)
            dup = strcmp(seen.v[i], launch) == 0;
        if (!dup) {
            sr_strv_push(&seen, launch);
            sr_strv_push(done, v);
            if (ok)
                sr_strv_push(ok, strcmp(sr_csv_get(&csv, r, status), "ok") == 0 ? "1" : "0");
        }
        free(launch);
    }
    sr_strv_free(&seen);
    sr_csv_free(&csv);
    int fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
    if (fd < 0 || (whole < text.len && ftruncate(fd, (off_t)whole) != 0)) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        sr_buf_free(&text);
        return sr_fail(err, SR_EXIT_FAIL, "%s: %s", path, strerror(e));
    }
    sr_buf_free(&text);
    return fd;
}
