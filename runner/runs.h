/* runs.h - runs.csv, the study's record: one row per measured repetition.
 *
 * Columns (runs.c's column tables, the record schema in between): series,
 * run_id, one sweep_<key> column per sweep parameter, scaling, status
 * (ok|failed|timeout|invalid), exit_code, elapsed_s (the whole process), trace
 * (path of its trace file, relative to the results folder), the engine's
 * record fields (the record schema, scal_record_field(), taken by name from
 * its CSV header; for engine = command, those scal-run knows, command.h),
 * cpu_s and maxrss_bytes (wait4's, empty where the ranks are not scal-run's
 * descendants on this machine: srun, hosts > 1), fom_better (lower|higher
 * for a command's fom, else empty: the figure is wall_s), round
 * (1, 2, ...: the round of launches the row's run belongs to), and
 * stderr_tail (for runs that are not ok, backslash-escaped onto one line).
 *
 * A run that printed no records still gets one row, its engine fields empty.
 * Each run's rows go to the file in one write(2) on an O_APPEND descriptor,
 * then fsync, so a reader (or a resumed study) never sees a torn row. */
#ifndef SR_RUNS_H
#define SR_RUNS_H

#include "csv.h"
#include "launch.h"
#include "sweep.h"

/* SR_LAUNCH_FAILED: an mpi run that failed before its ranks reached the first task (no output
 * at all: not even the header scal-mpi prints once set up), other than by bad usage (exit 2). */
typedef enum sr_status { SR_OK, SR_FAILED, SR_TIMEOUT, SR_INVALID, SR_LAUNCH_FAILED } sr_status_t;
const char *sr_status_name(sr_status_t s);

/* The header line of runs.csv for this plan, with its newline. */
void sr_runs_header(const sr_plan_t *plan, sr_buf_t *out);

/* Judge a finished run (one launch: one measured repetition) of round
 * `round` and append its rows to `rows`. `trace_exists` says whether its
 * trace file was written. Returns its status; *median_wall is the
 * median wall_s of its records (NaN when it has none). */
sr_status_t sr_runs_rows(const sr_job_t *job, const sr_plan_t *plan, const sr_point_t *p,
                         const sr_proc_result_t *res, int trace_exists, long round, sr_buf_t *rows,
                         double *median_wall);

/* The figure a row's statistics use, as a time (lower is better, speedup =
 * figure at the base / figure at p), from its wall_s, fom and fom_better
 * fields: wall_s when fom_better is empty; fom when it is lower; 1 / fom when
 * it is higher, so that speedup = fom(p) / fom(base). NaN when unknown. */
double sr_runs_figure(const char *wall_s, const char *fom, const char *fom_better);

/* Read DIR/runs.csv into csv (header in row 0), the one reader of a results
 * folder's runs for the report and --compare. Returns 0, or -1 with the
 * reason in why: it cannot be read, or is not CSV with a header row. */
int sr_runs_read(const char *dir, sr_csv_t *csv, sr_buf_t *why);

/* The figure of row r of a runs.csv read by sr_runs_read (sr_runs_figure of
 * its wall_s, fom and fom_better; a runs.csv without the fom columns holds
 * wall times). */
double sr_runs_row_figure(const sr_csv_t *csv, size_t r);

/* Create runs.csv with its header (it must not exist). Returns an O_APPEND
 * fd, or -1 with err. */
int sr_runs_create(const char *path, const sr_buf_t *header, sr_err_t *err);
/* Open an existing runs.csv to resume: its header must equal `header`; a
 * last line without its newline is cut off. Fills `done` with the run id of
 * every launch it holds (an id once per launch, in file order) and `ok`
 * (when not NULL) with "1" or "0": was that launch ok. Returns an O_APPEND
 * fd, or -1 with err. */
int sr_runs_reopen(const char *path, const sr_buf_t *header, sr_strv_t *done, sr_strv_t *ok,
                   sr_err_t *err);
/* Append one run's rows in one write, then fsync. A short write is undone
 * (truncated back). Returns 0, or -1 with err. */
int sr_runs_append(int fd, const sr_buf_t *rows, sr_err_t *err);

#endif
