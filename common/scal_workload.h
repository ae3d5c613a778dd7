/* scal_workload.h - the workloads, defined once for every engine.
 *
 * A workload is a table of functions (scal_workload_t).  An engine prepares
 * it once (scal_work_t), hands out task indices 0..ntasks-1 in whatever way
 * its pool dictates, and calls run() for each.  A task writes its results
 * into the results array at the indices it owns (one result per task for
 * factor, sleep and spin, result k for task k; a workload that groups
 * several results into one task says which through task_nresults and
 * task_result), so results always come out in task order whatever the
 * dispatch.  Kernels are pure functions of (configuration, task index):
 * no engine state, no hidden globals, no timing. */
#ifndef SCAL_WORKLOAD_H
#define SCAL_WORKLOAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "scal_config.h"

/* One result; fields a workload does not use stay zero so that the checksum
 * covers exactly what was computed. */
typedef struct scal_result {
    int64_t v[3];
    double x;
} scal_result_t;

/* Hooks a kernel calls so an engine can act while a task runs (emulate an
 * interpreter lock, answer other processes): tick() every few microseconds
 * of CPU-bound work (a switch point); block_begin()/block_end() around a
 * blocking wait such as a sleep, and idle() now and then during it.  The
 * engine's task runner calls task_begin()/task_end() around each task and
 * waited() for the seconds the task spent waiting on the engine (not work).
 * Any hook may be NULL. */
typedef struct scal_yield {
    void (*tick)(void *arg);
    void (*block_begin)(void *arg);
    void (*block_end)(void *arg);
    void (*idle)(void *arg);
    void (*task_begin)(void *arg);
    void (*task_end)(void *arg);
    double (*waited)(void *arg);
    void *arg;
} scal_yield_t;

typedef struct scal_workload scal_workload_t;

/* A prepared workload instance. */
typedef struct scal_work {
    const scal_workload_t *wl;
    const scal_config_t *cfg;
    uint64_t ntasks;       /* units of dispatch */
    uint64_t nresults;     /* results, in task order */
    uint64_t max_task_results; /* the most results one task writes (1 unless grouped) */
    void *state;           /* the workload's own prepared data */
    size_t shared_bytes;   /* large read-only data the engine places (0: none) */
    const char *shared_what; /* what it is, for messages */
    const char *kernel;    /* the record's kernel field ("-" for none) */
} scal_work_t;

struct scal_option;
struct scal_option_rule;

/* A workload: one descriptor in its own file (workload_NAME.c), one row of
 * the table in workloads.c.  Hooks not marked optional are required. */
struct scal_workload {
    const char *name;
    const char *summary; /* one line for --help */
    /* Its options, NULL-terminated: rows of the one option table
     * (scal_cli.h).  They drive the engines' parser and --help and
     * scal-run's job-file keys; an option is refused for a workload that
     * does not list it.  An option several workloads take is one row they
     * all list (scal_option_tasks, scal_option_seed). */
    const struct scal_option *const *options;
    /* Optional: the rules between its options (and the engines'), as the
     * engines' parser and scal-run's job files apply them (scal_cli.h); the
     * last row is all zero. */
    const struct scal_option_rule *rules;
    /* Optional: check the options' values together (one value at a time is
     * the table's job), before anything is built.  scal-run calls it too,
     * with each key's largest value in a series, so it must be monotone: a
     * check of upper bounds.  Options are named with `dashes` before them
     * ("--" for the engines, "" for a job file's keys).  Returns 0, or -1
     * with a message in err. */
    int (*check_options)(const scal_config_t *cfg, const char *dashes, char *err, size_t errlen);
    /* Optional: check inputs and build shared data.  Returns 0, or -1 with
     * a message naming the bad value in err (a usage error: exit 2). */
    int (*prepare)(scal_work_t *w, char *err, size_t errlen);
    /* Execute task `task`, writing its results.  Thread-safe; `scratch` is
     * this worker's own (from scratch_new, or NULL without one). */
    void (*run)(const scal_work_t *w, uint64_t task, void *scratch, const scal_yield_t *y,
                scal_result_t *results);
    /* Optional: the results task `task` writes, when they are not exactly
     * result `task`: how many, and the i-th of them (0 <= i < count).  An
     * engine that moves results between processes moves these.  Absent:
     * task k writes result k alone. */
    uint64_t (*task_nresults)(const scal_work_t *w, uint64_t task);
    uint64_t (*task_result)(const scal_work_t *w, uint64_t task, uint64_t i);
    /* Independent, untimed check of result r: 1 if right, else 0. */
    int (*check)(const scal_work_t *w, uint64_t r, const scal_result_t *res);

    /* Optional: per-worker working memory, made by the worker itself. */
    void *(*scratch_new)(const scal_work_t *w);
    void (*scratch_free)(void *scratch);
    /* Optional, for workloads with shared_bytes > 0: lay the data over the
     * engine's memory (malloc, or an MPI shared window), then fill it in
     * `fill_phases` phases; in each, parts 0..nparts-1 may run in parallel,
     * and every part of a phase must end before the next phase starts.
     * Return 0, or -1 with err set. */
    int (*attach)(scal_work_t *w, void *mem, char *err, size_t errlen);
    int fill_phases;
    int (*fill)(scal_work_t *w, int phase, int part, int nparts, char *err, size_t errlen);
    /* Optional: called on every process once its data is in place; `lead`
     * is 1 on the one process that reports (it writes any output files). */
    int (*after_fill)(scal_work_t *w, int lead, char *err, size_t errlen);
    /* Optional: check all results at once (else check() on each); returns
     * the number that failed and names the first in err. */
    uint64_t (*validate)(const scal_work_t *w, const scal_result_t *results, char *err,
                         size_t errlen);
    /* --out: header line (no newline) and one row for result r. */
    const char *out_header;
    void (*out_row)(FILE *fp, uint64_t r, const scal_result_t *res);
    /* Optional: the repetition's figure of merit from its wall time (triad:
     * GB/s), in figure_unit; the record's fom and fom_unit. */
    double (*figure)(const scal_work_t *w, double wall_s);
    const char *figure_unit;
    /* A short human description of result r ("100000001 = 5882353 x 17"). */
    void (*describe)(char *buf, size_t len, uint64_t r, const scal_result_t *res);
    /* Free what prepare() built (may be NULL). */
    void (*release)(scal_work_t *w);
};

/* The workloads are scal_workload_NAME, each in its own file
 * (workload_NAME.c); the table in workloads.c lists them. */

/* Options more than one workload takes (workloads.c): --tasks (factor,
 * sleep, spin) and --seed (sleep, paths). */
extern const struct scal_option scal_option_tasks;
extern const struct scal_option scal_option_seed;

/* The workload called `name`, or NULL. */
const scal_workload_t *scal_workload_find(const char *name);

/* The i-th workload of the table, or NULL past the end. */
const scal_workload_t *scal_workload_at(size_t i);

/* Write the workload names, comma-separated, into buf; returns buf. */
char *scal_workload_names(char *buf, size_t len);

/* Prepare cfg's workload into w.  Returns 0, or -1 with err set. */
int scal_work_prepare(scal_work_t *w, const scal_config_t *cfg, char *err, size_t errlen);
void scal_work_release(scal_work_t *w);

/* How many results task k writes, and the index of its i-th (see
 * task_nresults); inline, so that one-result tasks cost one test. */
static inline uint64_t scal_work_task_nresults(const scal_work_t *w, uint64_t k)
{
    return w->wl->task_nresults ? w->wl->task_nresults(w, k) : 1;
}

static inline uint64_t scal_work_task_result(const scal_work_t *w, uint64_t k, uint64_t i)
{
    return w->wl->task_result ? w->wl->task_result(w, k, i) : k;
}

/* Order-independent 64-bit checksum of results[0..n-1]: the same for every
 * engine, pool, chunk size and worker count given the same inputs.  Partial
 * checksums of disjoint result ranges add up (mod 2^64). */
uint64_t scal_checksum(const scal_result_t *results, uint64_t first, uint64_t n);

/* A worker's scratch for w (NULL when the workload needs none), and its
 * release. */
void *scal_work_scratch_new(const scal_work_t *w);
void scal_work_scratch_free(const scal_work_t *w, void *scratch);

/* Check every result; returns the number that failed (0 = valid) and
 * describes the first failure in err. */
uint64_t scal_work_validate(const scal_work_t *w, const scal_result_t *results, char *err,
                            size_t errlen);

/* --- The kernels themselves, exposed for tests. --- */

/* The seed's deliberately slow factorization of v >= 2: g counts down from
 * floor(v/2) while g > 1 and v mod g != 0.  Gives (g, v/g); a prime gives
 * (1, v).  Calls y->tick regularly when y is not NULL. */
void scal_factor_slow(uint64_t v, const scal_yield_t *y, uint64_t *f1, uint64_t *f2);

/* Smallest prime factor of v >= 2 by trial division: the independent check. */
uint64_t scal_smallest_factor(uint64_t v);

/* Duration of sleep task k: max(0, mean + sigma * N(0,1)) drawn from the
 * stream (seed, k). */
double scal_sleep_seconds(uint64_t seed, uint64_t k, double mean, double sigma);

#endif
