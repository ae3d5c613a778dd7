/* jobfile.h - job files: INI (parsed by libinih) that describe a study.
 *
 * [global] holds defaults; every other section is a series that overrides
 * them. Keys are the engines' long option names (their option table,
 * scal_cli.h, checks every value) plus the reserved keys engine, workers,
 * repeat, warmup, timeout, launcher and env. A value may be
 * a comma list (a sweep dimension) unless the key takes one value. Every
 * error names file:line and the key, and is found before anything runs.
 *
 * A series with engine = command runs a program of the user's (command.h):
 * there a key that is not scalestudy's own is a parameter of the user's,
 * swept like any other and substituted into the command as {key}. */
#ifndef SR_JOBFILE_H
#define SR_JOBFILE_H

#include <stddef.h>

#include "scal_cli.h"
#include "util.h"

/* Most engine options a job file can set: the option table's rows that are
 * job keys (scal_cli.h: every row without SCAL_OPT_NOT_A_KEY), one key per
 * name. */
#define SR_MAX_OPTION_KEYS 48

/* Keys in the order commands pass them; `workers` is last so that it varies
 * fastest when a series is expanded.  scal-run's own keys are named here;
 * the engines' options take the slots from SR_K_OPTIONS on, in the option
 * table's order (its workloads' options, then the engines' own), and are
 * found by name (sr_key_find); the slots left over have no name. */
typedef enum sr_key_id {
    SR_K_ENGINE, SR_K_WORKLOAD, SR_K_REPEAT, SR_K_WARMUP, SR_K_TIMEOUT, SR_K_LAUNCHER, SR_K_ENV,
    SR_K_WEAK, SR_K_PRECISION, SR_K_MAX_REPEAT, SR_K_BUDGET, SR_K_CLAIM,
    SR_K_COMMAND, SR_K_LAUNCH, SR_K_FOM, SR_K_FOM_UNIT, SR_K_FOM_BETTER, SR_K_EXPECT,
    SR_K_OPTIONS,
    SR_K_HOSTS = SR_K_OPTIONS + SR_MAX_OPTION_KEYS, SR_K_PLACEMENT, SR_K_RETRY_LAUNCH,
    SR_K_WORKERS,
    SR_NKEYS
} sr_key_id_t;

/* SR_NENGINES counts the engine programs (scal-omp, scal-mpi); a command
 * series runs the user's program instead, and has no workload
 * (SR_WL_NONE). */
typedef enum sr_engine { SR_ENGINE_OMP, SR_ENGINE_MPI, SR_NENGINES, SR_ENGINE_CMD = SR_NENGINES } sr_engine_t;
/* A workload: its index in the workload table (scal_workload_at). */
typedef unsigned sr_workload_t;
#define SR_WL_NONE ((sr_workload_t)-1)

typedef enum sr_kind {
    SR_KIND_ENUM,      /* one of `choices` */
    SR_KIND_BOOL,      /* on|off: a bare --flag when on */
    SR_KIND_POSINT,    /* integer >= 1 */
    SR_KIND_UINT,      /* integer >= 0 */
    SR_KIND_UREAL,     /* real >= 0 */
    SR_KIND_OPEN_FRACTION, /* real in (0, 1) */
    SR_KIND_CLAIM,     /* KIND or KIND:KEY=VALUE (see sr_claim_t) */
    SR_KIND_FILE,      /* a readable file, relative to the job file's directory */
    SR_KIND_ENV,       /* NAME=VALUE words, never split at commas */
    SR_KIND_TEXT,      /* any text, never split at commas (a command, a unit) */
    SR_KIND_REGEX,     /* a POSIX extended regular expression, never split at commas */
    SR_KIND_WORKLOAD,  /* a workload's name (the workload table) */
    SR_KIND_SIZE_KEY,  /* the name of an option key marked SCAL_OPT_SIZE */
    SR_KIND_OPTION     /* any other engine option: its row checks the value */
} sr_kind_t;

enum {
    SR_KF_SINGLE = 1u << 0,    /* a list is an error */
    SR_KF_RESERVED = 1u << 1,  /* scal-run's own: not passed as --KEY */
    SR_KF_COMMAND = 1u << 2,   /* applies to engine = command series too */
};

typedef struct sr_key {
    const char *name;            /* NULL: an unused option slot */
    sr_kind_t kind;
    const char *const *choices;  /* NULL-terminated, SR_KIND_ENUM only */
    unsigned flags;
    unsigned engines;            /* bit per sr_engine_t it applies to */
    unsigned workloads;          /* bit per workload (sr_workload_t) it applies to */
    const scal_option_t *opt;    /* an engine option's row (its values, flags); NULL: scal-run's */
} sr_key_t;

const sr_key_t *sr_key(sr_key_id_t id);
/* The key named `name`, or -1. */
int sr_key_find(const char *name);
/* The key named `name`, which must exist (an engine option scal-run itself
 * reads: threads, graph...). */
sr_key_id_t sr_key_id(const char *name);
/* The names of engines / workloads, indexed by their enums. */
const char *sr_engine_name(sr_engine_t e);
const char *sr_workload_name(sr_workload_t w);
/* Append the markdown table of the engine options that are job keys to b:
 * one row per key, with its values, the engines and workloads it applies
 * to, and its help and default, all from the option table (scal_cli.h).
 * `scal-run --list-keys` prints it; jobs/README.md holds it. */
void sr_keys_markdown(sr_buf_t *b);

typedef struct sr_setting {
    int line;        /* 0: not set */
    char **vals;     /* nvals values, trimmed; env keeps its whole value */
    size_t nvals;
} sr_setting_t;

/* A key of the user's (engine = command only): a parameter for {key}. */
typedef struct sr_uparam {
    char *name;
    sr_setting_t set;
} sr_uparam_t;

typedef struct sr_section {
    char *name;
    int line;        /* line of its first key: inih reports no section lines */
    sr_setting_t set[SR_NKEYS];
    sr_uparam_t *user;   /* keys that are not scalestudy's own, in file order */
    size_t nuser;
} sr_section_t;

typedef struct sr_series {
    sr_section_t sec;
    sr_engine_t engine;
    sr_workload_t workload;
    /* Effective settings: its own, else [global]'s when that key applies to
     * this series' engine and workload, else NULL. */
    const sr_setting_t *eff[SR_NKEYS];
    /* weak = KEY: KEY's value is multiplied by the workers of each point
     * (weak scaling); SR_K_WORKERS when the series scales strongly. */
    sr_key_id_t weak;
    /* engine = command: the effective setting of each of the job's user
     * parameters (job->unames), its own else [global]'s, else NULL. */
    const sr_setting_t **ueff;
} sr_series_t;

typedef struct sr_job {
    char *path;          /* as given */
    char *dir;           /* its directory: relative file keys resolve here */
    char *name;          /* file name without directory and .job/.ini */
    sr_buf_t text;       /* the bytes parsed, copied into the results */
    sr_section_t global;
    sr_series_t *series;
    size_t nseries;
    sr_strv_t unames;    /* the user parameters of its command series, first seen first */
} sr_job_t;

/* A series' claim (`claim = KIND[:KEY=VALUE]`), checked by the report
 * against confidence intervals:
 *   speedup       at every worker count above the base, speedup CI > 1
 *   no-speedup    ... the speedup CI reaches below 1 + (p - 1) / 4: no
 *                 more than a quarter of linear scaling's gain
 *   lowest-wall, lowest-first-result, lowest-pss  (with :KEY=VALUE)
 *                 at each worker count, the curve with KEY=VALUE has the
 *                 lowest median wall_s / first_result_s / pss_bytes, its CI
 *                 below every other curve's CI */
typedef enum sr_claim_kind {
    SR_CLAIM_SPEEDUP, SR_CLAIM_NO_SPEEDUP, SR_CLAIM_LOWEST_WALL, SR_CLAIM_LOWEST_FIRST,
    SR_CLAIM_LOWEST_PSS, SR_NCLAIMS
} sr_claim_kind_t;
/* The claim names, indexed by sr_claim_kind_t, NULL-terminated. */
extern const char *const sr_claim_names[];
/* Parse a claim value: its kind, and the KEY=VALUE qualifier (pointers
 * into `v`, lengths set; 0 when absent). Returns 0, or -1. */
int sr_claim_parse(const char *v, sr_claim_kind_t *kind, const char **key, size_t *keylen,
                   const char **val);

/* Defaults of the adaptive-repetition keys: `repeat` is the fewest
 * repetitions (rounds) a point gets, `max-repeat` the most (by default 30,
 * or repeat when that is more). */
#define SR_DEFAULT_REPEAT "6"
#define SR_DEFAULT_PRECISION 0.03
#define SR_DEFAULT_MAX_REPEAT 30L

/* Most runs (engine processes) one job may expand to. */
#define SR_MAX_RUNS 100000

/* Longest job-file line inih reads whole (its INI_MAX_LINE less "\r\n\0"). */
#define SR_JOB_MAX_LINE 197

/* Load and check a job file. Returns 0, or -1 with err (status 2) naming
 * file:line and the key. */
int sr_job_load(const char *path, sr_job_t *job, sr_err_t *err);
void sr_job_free(sr_job_t *job);
/* The path a file key's value names, resolved against the job's directory.
 * Caller frees. */
char *sr_job_file_path(const sr_job_t *job, const char *value);
/* Index of user parameter `name` in job->unames, or -1. */
int sr_job_uparam(const sr_job_t *job, const char *name);

#endif
