/* taskset.c - the public API's common part: task sets as a workload, the
 * options checked into a scal_config_t, runs and their records, the pool
 * names and the version.  Nothing here prints or exits: every failure is a
 * message for the caller (scalestudy.h). */
#include "scal_taskset.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scal_bind.h"
#include "scal_cli.h"
#include "scal_files.h"
#include "scal_sys.h"

_Static_assert(SCALESTUDY_RESULT_MAX <= sizeof(((scal_result_t *)0)->v),
               "a user's result lives in scal_result_t.v");
_Static_assert(sizeof(scalestudy_tasklog_t) == sizeof(scal_tasklog_t),
               "the public task log is the runtimes' own");

/* ---- inside a task: the yield hooks of the runtime that runs it ---- */

static _Thread_local const scal_yield_t *current_yield;

void scalestudy_switch_point(void)
{
    const scal_yield_t *y = current_yield;
    if (y && y->tick)
        y->tick(y->arg);
}

void scalestudy_blocking_begin(void)
{
    const scal_yield_t *y = current_yield;
    if (y && y->block_begin)
        y->block_begin(y->arg);
}

void scalestudy_blocking_end(void)
{
    const scal_yield_t *y = current_yield;
    if (y && y->block_end)
        y->block_end(y->arg);
}

/* ---- a task set as a workload ---- */

static void user_run(const scal_work_t *w, uint64_t k, void *scratch, const scal_yield_t *y,
                     scal_result_t *res)
{
    (void)scratch;
    const scalestudy_taskset_t *ts = w->state;
    scal_result_t *r = &res[k];
    current_yield = y;
    ts->run(ts->ctx, k, r->v);
    current_yield = NULL;
    if (ts->hash) {
        uint64_t h = ts->hash(ts->ctx, k, r->v);
        memcpy(&r->x, &h, sizeof h);
    }
}

static int user_check(const scal_work_t *w, uint64_t k, const scal_result_t *res)
{
    const scalestudy_taskset_t *ts = w->state;
    return ts->check ? ts->check(ts->ctx, k, res[k].v) != 0 : 1;
}

/* The report, the trace and the results file see a result as its three
 * 64-bit words (a result shorter than 24 bytes leaves the rest 0). */
static void user_describe(char *buf, size_t len, uint64_t k, const scal_result_t *res)
{
    const int64_t *v = res[k].v;
    snprintf(buf, len, "%" PRId64 " %" PRId64 " %" PRId64, v[0], v[1], v[2]);
}

static void user_out(FILE *fp, uint64_t k, const scal_result_t *res)
{
    const int64_t *v = res[k].v;
    fprintf(fp, "%" PRIu64 ",%" PRId64 ",%" PRId64 ",%" PRId64 "\n", k, v[0], v[1], v[2]);
}

static const scal_workload_t user_workload = {
    .name = "user",
    .summary = "a task set of the caller's own function",
    .run = user_run,
    .check = user_check,
    .describe = user_describe,
    .out_header = "task,word0,word1,word2",
    .out_row = user_out,
};

/* ---- options ---- */

void scalestudy_options_init(scalestudy_options_t *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->pool = 0;
    opt->workers = 1;
    opt->switch_interval = SCAL_DEFAULT_SWITCH_INTERVAL;
    opt->repeat = 1;
    opt->show = SCAL_DEFAULT_SHOW;
    opt->format = SCALESTUDY_FORMAT_NONE;
}

const char *scalestudy_pool_name(int pool)
{
    return pool >= 0 && pool <= SCAL_POOL_AS_COMPLETED ? scal_pool_name(pool) : NULL;
}

int scalestudy_pool_find(const char *name)
{
    for (int i = 0; name && scalestudy_pool_name(i); i++)
        if (strcmp(scalestudy_pool_name(i), name) == 0)
            return i;
    return -1;
}

const char *scalestudy_version(void)
{
    return scal_version();
}

void *scal_api_fail(scalestudy_error_t *err, const char *msg)
{
    if (err)
        snprintf(err->message, sizeof err->message, "%s", msg);
    return NULL;
}

/* Check ts and opt into run->cfg.  Returns 0, or -1 with err set. */
static int configure(scalestudy_run_t *run, const char *engine, char *err, size_t errlen)
{
    const scalestudy_taskset_t *ts = &run->ts;
    const scalestudy_options_t *o = &run->opt;
    scal_config_t *c = &run->cfg;
    if (!ts->run) {
        snprintf(err, errlen, "the task set has no task function (run is NULL)");
        return -1;
    }
    if (ts->ntasks < 1 || ts->ntasks > SCAL_MAX_TASKS) {
        snprintf(err, errlen, "ntasks: invalid value %" PRIu64 ": must be in 1..%llu", ts->ntasks,
                 (unsigned long long)SCAL_MAX_TASKS);
        return -1;
    }
    if (ts->result_size > SCALESTUDY_RESULT_MAX) {
        snprintf(err, errlen, "result_size: invalid value %zu: at most %d bytes (keep a larger "
                 "result in your own memory)", ts->result_size, SCALESTUDY_RESULT_MAX);
        return -1;
    }
    if (!scalestudy_pool_name(o->pool)) {
        snprintf(err, errlen, "pool: invalid value %d: must be 0 (map), 1 (submit) or 2 "
                 "(as-completed)", o->pool);
        return -1;
    }
    const struct {
        const char *name;
        int value, min, max;
    } ints[] = {{"workers", o->workers, 1, 4096}, {"repeat", o->repeat, 1, 1000000},
                {"warmup", o->warmup, 0, 1000000}, {"show", o->show, 0, 1000000},
                {"gil", o->gil, 0, 1}, {"format", (int)o->format, 0, 3}};
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++)
        if (ints[i].value < ints[i].min || ints[i].value > ints[i].max) {
            snprintf(err, errlen, "%s: invalid value %d: must be in %d..%d", ints[i].name,
                     ints[i].value, ints[i].min, ints[i].max);
            return -1;
        }
    if (!(o->switch_interval >= 1e-6 && o->switch_interval <= 10.0)) {
        snprintf(err, errlen, "switch_interval: invalid value %g: must be in 1e-06..10 seconds",
                 o->switch_interval);
        return -1;
    }
    scal_config_defaults(c, "scalestudy", engine);
    c->workload = ts->name ? ts->name : "user";
    c->tasks = ts->ntasks;
    c->threads = o->workers;
    c->pool = o->pool;
    c->chunk = o->chunk;
    c->gil = o->gil;
    c->switch_interval = o->switch_interval;
    c->repeat = o->repeat;
    c->warmup = o->warmup;
    c->show = o->show;
    c->trace_path = o->trace_path;
    c->out_path = o->results_path;
    static const int formats[] = {SCAL_FMT_CSV, SCAL_FMT_HUMAN, SCAL_FMT_CSV, SCAL_FMT_JSON};
    c->format = formats[o->format];
    run->out = o->format == SCALESTUDY_FORMAT_NONE ? NULL : o->out ? o->out : stdout;
    if (o->bind) {
        scal_bind_policy_t p;
        if (scal_bind_parse(o->bind, &p, err, errlen) != 0)
            return -1;
        c->bind = (int)p;
    }
    const scal_named_file_t files[] = {{"trace_path", o->trace_path, 1},
                                       {"results_path", o->results_path, 1}};
    if (scal_files_distinct(files, 2, err, errlen) != 0)
        return -1;
    for (size_t i = 0; i < 2; i++)
        if (files[i].path && scal_output_check(files[i].path, err, errlen) != 0)
            return -1;
    return 0;
}

scalestudy_run_t *scal_run_new(const scalestudy_taskset_t *ts, const scalestudy_options_t *opt,
                               const char *engine, char *err, size_t errlen)
{
    if (!ts || !opt) {
        snprintf(err, errlen, "no task set or no options (NULL)");
        return NULL;
    }
    scalestudy_run_t *run = calloc(1, sizeof *run);
    if (!run) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    run->ts = *ts;
    run->opt = *opt;
    if (configure(run, engine, err, errlen) != 0) {
        free(run);
        return NULL;
    }
    run->work = (scal_work_t){.wl = &user_workload,
                              .cfg = &run->cfg,
                              .ntasks = ts->ntasks,
                              .nresults = ts->ntasks,
                              .max_task_results = 1,
                              .state = &run->ts,
                              .kernel = "-"};
    run->recs = calloc((size_t)opt->repeat, sizeof *run->recs);
    if (!run->recs) {
        snprintf(err, errlen, "out of memory for %d records", opt->repeat);
        free(run);
        return NULL;
    }
    pthread_mutex_init(&run->emit_lock, NULL);
    return run;
}

void scal_run_on_rep(void *arg, int rep, const scal_record_t *rec, const scal_tasklog_t *log,
                     const scal_result_t *results)
{
    scalestudy_run_t *run = arg;
    (void)rep;
    if (run->nrecs < run->opt.repeat)
        run->recs[run->nrecs++].r = *rec;
    run->checksum = rec->checksum;
    if (!results)
        return;
    const uint64_t n = run->ts.ntasks;
    if (!run->results) {
        run->results = malloc(n * sizeof *run->results);
        run->log = malloc(n * sizeof *run->log);
    }
    if (run->results && run->log) {
        memcpy(run->results, results, n * sizeof *run->results);
        memcpy(run->log, log, n * sizeof *run->log);
    }
}

void scal_run_on_result(void *arg, uint64_t k, const scal_result_t *results, double t_s)
{
    scalestudy_run_t *run = arg;
    pthread_mutex_lock(&run->emit_lock);
    run->opt.on_result(run->opt.on_result_arg, k, results[k].v, t_s);
    pthread_mutex_unlock(&run->emit_lock);
}

int scalestudy_run_status(const scalestudy_run_t *run, scalestudy_error_t *err)
{
    if (run->status)
        scal_api_fail(err, run->why);
    return run->status;
}

uint64_t scalestudy_run_checksum(const scalestudy_run_t *run)
{
    return run->checksum;
}

const void *scalestudy_run_result(const scalestudy_run_t *run, uint64_t k)
{
    return run->results && run->log && k < run->ts.ntasks ? run->results[k].v : NULL;
}

const scalestudy_tasklog_t *scalestudy_run_log(const scalestudy_run_t *run)
{
    return run->results ? run->log : NULL;
}

int scalestudy_run_nrecords(const scalestudy_run_t *run)
{
    return run->nrecs;
}

const scalestudy_record_t *scalestudy_run_record(const scalestudy_run_t *run, int i)
{
    return i >= 0 && i < run->nrecs ? &run->recs[i] : NULL;
}

void scalestudy_run_free(scalestudy_run_t *run)
{
    if (!run)
        return;
    pthread_mutex_destroy(&run->emit_lock);
    free(run->recs);
    free(run->results);
    free(run->log);
    free(run);
}

/* ---- records ---- */

const char *scalestudy_record_field(size_t i)
{
    const scal_field_t *f = scal_record_field(i);
    return f ? f->name : NULL;
}

static const scal_field_t *field_named(const char *name)
{
    for (size_t i = 0; name && i < scal_record_nfields(); i++)
        if (strcmp(scal_record_field(i)->name, name) == 0)
            return scal_record_field(i);
    return NULL;
}

int scalestudy_record_get(const scalestudy_record_t *rec, const char *name, char *buf,
                          size_t len, scalestudy_error_t *err)
{
    const scal_field_t *f = field_named(name);
    if (!f) {
        if (err)
            snprintf(err->message, sizeof err->message, "no record field is called '%s'",
                     name ? name : "(null)");
        return -1;
    }
    return scal_record_format(&rec->r, f, 0, buf, len);
}

double scalestudy_record_number(const scalestudy_record_t *rec, const char *name)
{
    const scal_field_t *f = field_named(name);
    char v[64];
    if (!f || f->kind == SCAL_FIELD_STR || !scal_record_format(&rec->r, f, 0, v, sizeof v))
        return NAN;
    return f->kind == SCAL_FIELD_HEX ? (double)strtoull(v, NULL, 16) : strtod(v, NULL);
}

void scalestudy_record_csv_header(FILE *fp)
{
    scal_record_csv_header(fp);
}

void scalestudy_record_csv(FILE *fp, const scalestudy_record_t *rec)
{
    scal_record_csv(fp, &rec->r);
}

void scalestudy_record_json(FILE *fp, const scalestudy_record_t *rec)
{
    scal_record_json(fp, &rec->r);
}
