/* command.h - engine = command: a study of the user's own program.
 *
 * A command series runs `command = PROGRAM ARGS...` for each point, split
 * into words as a POSIX shell would (blanks separate words; '...' keeps its
 * text as it is; "..." keeps it but for \" \\ \$ \` escapes; a backslash
 * outside quotes keeps the next character), but never through a shell.
 * Then {key} in any word becomes the point's value of that key: one of the
 * series' scalestudy keys ({workers}, {threads}, {bind}, ...) or a
 * parameter of the user's (a key that is not scalestudy's own); {{ and }}
 * are a literal { and }. PROGRAM is looked up on PATH unless it holds a '/';
 * a relative path is relative to the job file's directory, as every file a
 * job file names.
 *
 * launch says how the workers are made:
 *   threads  OMP_NUM_THREADS = workers, and OMP_PLACES / OMP_PROC_BIND from
 *            bind (compact and auto: cores/close, spread: cores/spread, none:
 *            both unset; bind not given: the environment is left alone);
 *   mpi      workers ranks through mpirun or srun, exactly as engine = mpi
 *            starts scal-mpi (launcher, hosts, placement, the Slurm CPU
 *            checks), `threads` OpenMP threads per rank, bind as for threads;
 *   none     the command as it is (default): workers reach it only as
 *            {workers}.
 * The figure of merit is read from the program's stdout with `fom` (a POSIX
 * extended regular expression with one capture group, matched line by
 * line; the last match wins), in `fom-unit`, `fom-better` lower (default)
 * or higher; without fom it is the wall time scal-run measures itself, from
 * fork to wait4. `expect`, when set, must match the output somewhere, else
 * the run is invalid. */
#ifndef SR_COMMAND_H
#define SR_COMMAND_H

#include <regex.h>

#include "jobfile.h"
#include "launch.h"
#include "runs.h"
#include "sweep.h"

/* How fom and expect are compiled: extended syntax, ^ and $ at every line. */
#define SR_REGEX_FLAGS (REG_EXTENDED | REG_NEWLINE)

typedef enum sr_launch { SR_LAUNCH_THREADS, SR_LAUNCH_MPI, SR_LAUNCH_NONE } sr_launch_t;

/* A command series' launch (SR_LAUNCH_NONE when not set). */
sr_launch_t sr_command_launch(const sr_series_t *s);

/* The checks of a command series that need the whole file: a command that
 * splits, whose every {key} the series has; fom with one capture group;
 * fom-unit and fom-better only with fom; threads, launcher, hosts and
 * placement only with launch = mpi; a list of workers that reaches the
 * command. Returns 0, or -1 with err (status 2) naming file:line and key. */
int sr_command_check(const sr_job_t *job, const sr_series_t *s, sr_err_t *err);

/* Split `text` into words as described above. Returns 0, or -1 with why
 * (an unterminated quote, a trailing backslash). */
int sr_command_split(const char *text, sr_strv_t *words, char *why, size_t whylen);

/* Replace {key} in `word` by value(name) (NULL: unknown). Returns 0, or -1
 * with the first unknown or unclosed name in *bad (caller frees). */
int sr_command_subst(const char *word, const char *(*value)(void *ctx, const char *name), void *ctx,
                     sr_buf_t *out, char **bad);

/* The command of point p of a command series (sweep.h's sr_point_command
 * calls it). Returns 0, or -1 with err (status 2): a program not found or
 * not executable (when need_programs), or a point the Slurm job cannot hold. */
int sr_command_build(const sr_job_t *job, const sr_point_t *p, const sr_tools_t *tools,
                     int need_programs, sr_cmd_t *cmd, sr_err_t *err);

/* A finished command run as an engine record: `csv` gets a header and one
 * row of the record fields scal-run knows (engine, workload, workers,
 * wall_s, valid, fom, the noise evidence, ...); the rest stay unknown.
 * Returns SR_OK, SR_FAILED (the figure could not be read: `why` says why,
 * naming the job file, line and key) or SR_INVALID (expect did not match). */
sr_status_t sr_command_record(const sr_job_t *job, const sr_point_t *p, const sr_proc_result_t *res,
                              sr_buf_t *csv, sr_buf_t *why);

#endif
