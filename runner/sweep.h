/* sweep.h - a job expanded into points, and the command that runs each.
 *
 * A point is one engine process: one value for every key of its series.
 * Series expand in file order; within a series the list-valued keys form a
 * cartesian product in key-table order, `workers` varying fastest. A point's
 * run id names it by its series and the values of its list-valued keys
 * (`procs/pool=map/workers=4`), so it stays the same when the study is
 * resumed. */
#ifndef SR_SWEEP_H
#define SR_SWEEP_H

#include "jobfile.h"
#include "slurm.h"
#include "util.h"

typedef struct sr_point {
    size_t series;                /* index into job->series */
    const char *val[SR_NKEYS];    /* chosen value per key, NULL when unset */
    long workers;
    char *id;
    char *trace;                  /* "traces/<id>.csv" for omp runs, else NULL */
    char *log;                    /* "logs/<id>.log": its whole stderr */
    sr_key_id_t weak;             /* weak scaling: the key passed as `scaled`, else SR_K_WORKERS */
    char *scaled;                 /* ... its value times the workers (val[] keeps the base) */
    char *scaling;                /* runs.csv's "strong" or "weak:KEY" */
    const char **uval;            /* engine = command: value per job->unames entry, or NULL */
} sr_point_t;

typedef struct sr_plan {
    sr_point_t *pts;
    size_t n;
    /* The sweep columns of runs.csv: keys with a list in some series, in
     * key-table order; always ends with SR_K_WORKERS. */
    sr_key_id_t sweep[SR_NKEYS];
    size_t nsweep;
    /* ... then the user parameters with a list in some command series
     * (indices into job->unames), before workers. */
    size_t *usweep;
    size_t nusweep;
    const sr_strv_t *unames;      /* the job's user parameter names */
} sr_plan_t;

void sr_plan_build(const sr_job_t *job, sr_plan_t *plan);
void sr_plan_free(sr_plan_t *plan);

/* Defaults for the reserved keys. */
#define SR_DEFAULT_WARMUP "1"
#define SR_DEFAULT_TIMEOUT_S 3600.0

/* Where the engines and launchers are. */
typedef struct sr_tools {
    char *engine[SR_NENGINES];   /* full paths, found or expected */
    int engine_found[SR_NENGINES];
    sr_slurm_t slurm;            /* the Slurm job scal-run runs in; zeroed: none */
} sr_tools_t;

/* Engines: $SCAL_ENGINE_DIR if set; else beside scal-run (installed bin/);
 * else the build tree (../omp/scal-omp, ../mpi/scal-mpi). The Slurm job from
 * the environment. */
void sr_tools_find(sr_tools_t *tools);
void sr_tools_free(sr_tools_t *tools);

typedef struct sr_cmd {
    sr_strv_t argv;   /* argv[0] is the program as found (a path) or its name */
    sr_strv_t env;    /* NAME=VALUE set on top of scal-run's environment; a bare
                       * NAME removes it (a later entry for the name wins) */
    double timeout_s; /* 0: none */
} sr_cmd_t;

/* The command for point p; trace files go under `outdir`. Returns 0, or -1
 * with err (status 2) when a program it needs (engine, mpirun, srun) is
 * missing and `need_programs` is set, or when scal-run runs inside a Slurm
 * job that does not hold the CPUs the point asks for (see slurm.h).
 *
 * An mpi point runs `threads` OpenMP threads per rank (1 when the job file
 * does not say), with OMP_NUM_THREADS set to match. Under srun it gets
 * sr_slurm_srun_args; under mpirun inside a Slurm job a hybrid point gets
 * --map-by slot:PE=threads, so each rank is bound to its own cores. */
int sr_point_command(const sr_job_t *job, const sr_point_t *p,
                     const sr_tools_t *tools, const char *outdir, int need_programs, sr_cmd_t *cmd,
                     sr_err_t *err);
void sr_cmd_free(sr_cmd_t *cmd);

/* The point's value of key `name`: a scalestudy key's, or a user
 * parameter's (engine = command); NULL when it has none. */
const char *sr_point_value(const sr_job_t *job, const sr_point_t *p, const char *name);

/* Where a point's workers run, for the Slurm checks (slurm.h): threads in
 * scal-run's own step, ranks of `threads` CPUs through a launcher, or
 * nothing scal-run knows of. */
typedef enum sr_place { SR_PLACE_THREADS, SR_PLACE_RANKS, SR_PLACE_NONE } sr_place_t;
/* Inside a Slurm job, refuse a point that needs more CPUs than the job
 * holds (status 2, naming file:line and key). */
int sr_point_fits(const sr_job_t *job, const sr_point_t *p, sr_place_t place, long threads,
                  const sr_slurm_t *slurm, sr_err_t *err);
/* The launcher of a point whose workers are ranks: its `launcher` key, or
 * under auto srun inside a Slurm job (in_job) and mpirun outside. */
const char *sr_point_launcher_name(const sr_point_t *p, int in_job);
/* 1 when every process of the point's run is a descendant of scal-run on
 * this machine (threads, or ranks under a local mpirun on one host), so
 * that wait4's usage and a scan of its process group cover them all. */
int sr_point_local(const sr_job_t *job, const sr_point_t *p);
/* Push the launcher of a point of p->workers ranks of `threads` threads each
 * onto cmd: the program (found on PATH; an error when need_programs and it
 * is missing), its options (srun: sr_slurm_srun_args and placement; mpirun:
 * -n and placement) and OMP_NUM_THREADS = threads. Returns 0, or -1. */
int sr_point_launcher(const sr_job_t *job, const sr_point_t *p, const sr_tools_t *tools, long threads,
                      int need_programs, sr_cmd_t *cmd, sr_err_t *err);
/* Push the words of the point's `env` key onto cmd->env. */
void sr_point_env(const sr_point_t *p, sr_cmd_t *cmd);
/* One line a user can paste into a shell: env assignments, then argv. */
void sr_cmd_format(const sr_cmd_t *cmd, sr_buf_t *out);
/* The full environment for the command: environ with cmd->env on top. */
void sr_cmd_envp(const sr_cmd_t *cmd, sr_strv_t *envp);

/* Value of a reserved numeric key for a point, with its default. repeat is
 * the fewest repetitions (each a launch of its own, one per round). */
long sr_point_repeat(const sr_point_t *p);
long sr_point_max_repeat(const sr_point_t *p);
double sr_point_precision(const sr_point_t *p);
long sr_point_warmup(const sr_point_t *p);

#endif
