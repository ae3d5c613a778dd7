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
} sr_point_t;

typedef struct sr_plan {
    sr_point_t *pts;
    size_t n;
    /* The sweep columns of runs.csv: keys with a list in some series, in
     * key-table order; always ends with SR_K_WORKERS. */
    sr_key_id_t sweep[SR_NKEYS];
    size_t nsweep;
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
    sr_strv_t env;    /* NAME=VALUE set on top of scal-run's environment */
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
