/* scalestudy.h - your own tasks over a pool of OpenMP threads, timed and
 * reported as scal-omp reports its workloads.
 *
 * The thread part of the scalestudy library (link: pkg-config scalestudy,
 * or find_package(scalestudy) and the target scalestudy::scalestudy).  The
 * MPI part is scalestudy_mpi.h.  Every name here starts with scalestudy_ or
 * SCALESTUDY_.
 *
 * Contract, for every function unless its comment says otherwise:
 * - The library never exits and never prints on its own.  A function that
 *   can fail returns -1 (or NULL) and, when `err` is not NULL, writes a
 *   message into err->message that names the bad value; the caller decides
 *   what to print and which exit status to use.  Output appears only on a
 *   FILE the caller passes.
 * - Pointers the library returns stay owned by the object they come from
 *   and are valid until that object is freed.
 * - Nothing here is a global switch: two runs with different options may
 *   follow each other in one program.
 *
 * A task set is `ntasks` calls of one function, task k writing one result
 * of at most SCALESTUDY_RESULT_MAX bytes.  A run hands the tasks to
 * `workers` threads by a pool (as concurrent.futures does), times every task
 * and the whole, and gives back the results in task order, a log of where
 * and when every task ran, one record per measured repetition (the fields
 * of scal-omp --format csv) and an order-independent checksum that is the
 * same for every pool, chunk and worker count when the tasks are pure
 * functions of k. */
#ifndef SCALESTUDY_H
#define SCALESTUDY_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The most bytes one task's result may have.  A larger result belongs in
 * the caller's own memory (ctx), written at index k by task k. */
#define SCALESTUDY_RESULT_MAX 24

/* Where a failing call explains itself. */
typedef struct scalestudy_error {
    char message[1024];
} scalestudy_error_t;

/* The library's version: "MAJOR.MINOR.PATCH+<git describe>", as
 * `scal-omp --version` prints it.  Never NULL. */
const char *scalestudy_version(void);

/* ---- Task sets ---- */

/* Task k: compute, and write the result into `result` (result_size bytes,
 * zeroed before the call; result_size may be 0).  Called from several
 * threads at once with different k; must not call exit.  ctx is the task
 * set's. */
typedef void (*scalestudy_task_fn)(void *ctx, uint64_t k, void *result);

/* A 64-bit digest of task k's result for the checksum (NULL: the result's
 * bytes are the digest).  Equal results must give equal digests.  It runs
 * on the worker right after the task, and its time counts as the task's. */
typedef uint64_t (*scalestudy_hash_fn)(void *ctx, uint64_t k, const void *result);

/* Untimed validation of task k's result: 1 if right, 0 if not (NULL: every
 * result is valid). */
typedef int (*scalestudy_check_fn)(void *ctx, uint64_t k, const void *result);

typedef struct scalestudy_taskset {
    const char *name;           /* the record's workload field; NULL: "user" */
    uint64_t ntasks;            /* 1 .. 100000000 */
    size_t result_size;         /* 0 .. SCALESTUDY_RESULT_MAX */
    scalestudy_task_fn run;     /* required */
    scalestudy_hash_fn hash;    /* optional */
    scalestudy_check_fn check;  /* optional */
    void *ctx;                  /* passed to every function above */
} scalestudy_taskset_t;

/* Inside a task: cooperate with the emulated interpreter lock (gil = 1).
 * switch_point() is a place where the lock may be handed to another thread
 * (call it every few microseconds of CPU-bound work); blocking_begin() and
 * blocking_end() surround a wait that holds no CPU (a sleep, I/O), during
 * which the lock is released.  Outside a run, or without gil, they cost one
 * test and do nothing. */
void scalestudy_switch_point(void);
void scalestudy_blocking_begin(void);
void scalestudy_blocking_end(void);

/* The report, the trace and the results file show a result as its bytes
 * read as three signed 64-bit words (bytes past result_size are 0). */

/* ---- Pools ---- */

/* The pools, one table: 0 "map" (static partition, results in task order),
 * 1 "submit" (dynamic dispatch, results in task order), 2 "as-completed"
 * (dynamic dispatch, each result handed to on_result the moment it ends).
 * scalestudy_pool_name(i) is the i-th name, NULL past the end;
 * scalestudy_pool_find(name) its index, or -1. */
const char *scalestudy_pool_name(int pool);
int scalestudy_pool_find(const char *name);

/* ---- Options of a run ---- */

typedef enum scalestudy_format {
    SCALESTUDY_FORMAT_NONE,  /* print nothing */
    SCALESTUDY_FORMAT_HUMAN, /* the report (the seed's display_results) */
    SCALESTUDY_FORMAT_CSV,   /* a header, then one record per repetition */
    SCALESTUDY_FORMAT_JSON   /* one record per repetition, one object per line */
} scalestudy_format_t;

/* as-completed: task k's result, `t_s` seconds after the repetition's
 * start, on the worker thread that ran it (calls never overlap). */
typedef void (*scalestudy_result_fn)(void *arg, uint64_t k, const void *result, double t_s);

typedef struct scalestudy_options {
    int pool;                 /* an index of the pool table; default 0 (map) */
    int workers;              /* threads (scalestudy_mpi_run: per rank); default 1 */
    uint64_t chunk;           /* tasks per dispatch; 0: map one block per worker, else 1 */
    const char *bind;         /* "none", "compact", "spread"; NULL: automatic */
    int gil;                  /* 1: emulate CPython's global interpreter lock */
    double switch_interval;   /* seconds between forced hand-offs; default 0.005 */
    int repeat;               /* measured repetitions; default 1 */
    int warmup;               /* unmeasured repetitions first; default 0 */
    scalestudy_format_t format; /* default NONE */
    FILE *out;                /* where `format` prints; NULL: stdout */
    int show;                 /* results listed in the human report; default 16 */
    const char *trace_path;   /* per-task CSV task,worker,cpu,start_s,end_s,result; NULL: none */
    const char *results_path; /* per-task CSV task,word0,word1,word2; NULL: none */
    scalestudy_result_fn on_result; /* as-completed's stream (first measured repetition) */
    void *on_result_arg;
} scalestudy_options_t;

/* Every field to its default. */
void scalestudy_options_init(scalestudy_options_t *opt);

/* ---- Runs ---- */

typedef struct scalestudy_run scalestudy_run_t;
typedef struct scalestudy_record scalestudy_record_t;

/* Where and when task k ran in the last repetition: seconds from its start;
 * busy_s is end - start less any wait for the emulated lock; worker is
 * 0 .. workers-1 (scalestudy_mpi_run: rank * threads + thread); cpu is the
 * PU it ended on. */
typedef struct scalestudy_tasklog {
    double start_s, end_s, busy_s;
    int32_t worker, cpu;
} scalestudy_tasklog_t;

/* Run the task set over opt->workers OpenMP threads: opt->warmup
 * repetitions, then opt->repeat measured ones, each timed from the moment
 * every thread is ready until the last task ends.  The trace and results
 * files are written whole at the end, only if every repetition was valid
 * (never half-written).  Returns the run, or NULL with err set (bad options,
 * out of memory, threads that could not start or be bound).  A run whose
 * results fail validation is returned: see scalestudy_run_status. */
scalestudy_run_t *scalestudy_threads_run(const scalestudy_taskset_t *ts,
                                         const scalestudy_options_t *opt,
                                         scalestudy_error_t *err);

/* 0 if every repetition was valid with the same checksum, and the files were
 * written; 1 if not, with the reason in err (a front end's exit status). */
int scalestudy_run_status(const scalestudy_run_t *run, scalestudy_error_t *err);

/* The checksum of the last repetition (the record's checksum field). */
uint64_t scalestudy_run_checksum(const scalestudy_run_t *run);

/* Task k's result of the last repetition (result_size bytes), NULL if
 * k >= ntasks or this process holds no results (ranks other than 0). */
const void *scalestudy_run_result(const scalestudy_run_t *run, uint64_t k);

/* The log of the last repetition, ntasks entries in task order (NULL where
 * scalestudy_run_result is NULL). */
const scalestudy_tasklog_t *scalestudy_run_log(const scalestudy_run_t *run);

/* Records: one per measured repetition, index 0 .. nrecords-1. */
int scalestudy_run_nrecords(const scalestudy_run_t *run);
const scalestudy_record_t *scalestudy_run_record(const scalestudy_run_t *run, int i);

/* Free the run (NULL is fine). */
void scalestudy_run_free(scalestudy_run_t *run);

/* ---- Records (the schema of scal-omp --format csv, one table) ---- */

/* The fields, in order: name of field i, NULL past the end. */
const char *scalestudy_record_field(size_t i);

/* Field `name` of rec as csv writes it ("" when unknown).  Returns 1 if
 * known, 0 if unknown, -1 if there is no such field (err set). */
int scalestudy_record_get(const scalestudy_record_t *rec, const char *name, char *buf,
                          size_t len, scalestudy_error_t *err);

/* A numeric field as a double (NAN when unknown or not a field). */
double scalestudy_record_number(const scalestudy_record_t *rec, const char *name);

/* The csv header line, a csv row, a json line (each ends in a newline). */
void scalestudy_record_csv_header(FILE *fp);
void scalestudy_record_csv(FILE *fp, const scalestudy_record_t *rec);
void scalestudy_record_json(FILE *fp, const scalestudy_record_t *rec);

#ifdef __cplusplus
}
#endif

#endif
