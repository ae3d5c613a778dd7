/* test_api.c - the public thread API (scalestudy.h) as a caller sees it:
 * bad task sets and options are refused with a message naming the value and
 * nothing run or written; every pool, chunk and thread count (and the
 * emulated GIL) gives the serial checksum; results, log, records, the
 * as-completed callback and the result files are what the header says; a
 * failing validation is a run whose status is 1, its files not written. */
#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "scal_test.h"
#include "scalestudy.h"

#define NTASKS 200

/* Task k: a small pure function of k; ctx, when set, makes task 7 wrong. */
static void task(void *ctx, uint64_t k, void *result)
{
    uint64_t x = k * 0x9e3779b97f4a7c15ull, *r = result;
    for (int i = 0; i < 200; i++) {
        x ^= x >> 29;
        x *= 0xbf58476d1ce4e5b9ull;
        if (i % 50 == 0)
            scalestudy_switch_point();
    }
    r[0] = k;
    r[1] = x;
    if (ctx && k == 7)
        r[1]++;
}

static int check(void *ctx, uint64_t k, const void *result)
{
    uint64_t want[3] = {0};
    (void)ctx;
    task(NULL, k, want);
    return memcmp(want, result, 16) == 0;
}

static uint64_t hash(void *ctx, uint64_t k, const void *result)
{
    (void)ctx;
    return ((const uint64_t *)result)[1] ^ k;
}

static scalestudy_taskset_t taskset(void)
{
    return (scalestudy_taskset_t){.name = "test", .ntasks = NTASKS, .result_size = 16,
                                  .run = task, .check = check, .hash = hash};
}

static void test_refusals(void)
{
    scalestudy_taskset_t ts = taskset();
    scalestudy_options_t opt;
    scalestudy_error_t err;
    scalestudy_options_init(&opt);
    ts.run = NULL;
    SCAL_CHECK(!scalestudy_threads_run(&ts, &opt, &err) && strstr(err.message, "run is NULL"));
    ts = taskset();
    ts.result_size = 25;
    SCAL_CHECK(!scalestudy_threads_run(&ts, &opt, &err) && strstr(err.message, "25"));
    ts = taskset();
    ts.ntasks = 0;
    SCAL_CHECK(!scalestudy_threads_run(&ts, &opt, &err) && strstr(err.message, "ntasks"));
    ts = taskset();
    opt.pool = 3;
    SCAL_CHECK(!scalestudy_threads_run(&ts, &opt, &err) && strstr(err.message, "pool"));
    scalestudy_options_init(&opt);
    opt.workers = 0;
    SCAL_CHECK(!scalestudy_threads_run(&ts, &opt, &err) && strstr(err.message, "workers"));
    scalestudy_options_init(&opt);
    opt.bind = "tight";
    SCAL_CHECK(!scalestudy_threads_run(&ts, &opt, &err) && strstr(err.message, "tight"));
    scalestudy_options_init(&opt);
    opt.trace_path = "/nonexistent-folder/trace.csv";
    SCAL_CHECK(!scalestudy_threads_run(&ts, &opt, &err) && strstr(err.message, "nonexistent"));
    SCAL_CHECK(scalestudy_pool_find("as-completed") == 2 && scalestudy_pool_find("x") == -1);
    SCAL_CHECK(scalestudy_pool_name(3) == NULL);
    SCAL_CHECK(strchr(scalestudy_version(), '+') != NULL);
}

static uint64_t serial_checksum(void)
{
    scalestudy_taskset_t ts = taskset();
    scalestudy_options_t opt;
    scalestudy_error_t err;
    scalestudy_options_init(&opt);
    scalestudy_run_t *run = scalestudy_threads_run(&ts, &opt, &err);
    SCAL_CHECK(run != NULL);
    uint64_t sum = run ? scalestudy_run_checksum(run) : 0;
    scalestudy_run_free(run);
    return sum;
}

static atomic_int streamed;

static void on_result(void *arg, uint64_t k, const void *result, double t_s)
{
    (void)arg;
    if (((const uint64_t *)result)[0] == k && t_s >= 0)
        atomic_fetch_add(&streamed, 1);
}

static void test_every_pool_same_checksum(void)
{
    const uint64_t want = serial_checksum();
    SCAL_CHECK(want != 0);
    scalestudy_taskset_t ts = taskset();
    for (int pool = 0; scalestudy_pool_name(pool); pool++)
        for (int workers = 1; workers <= 3; workers++)
            for (int gil = 0; gil <= 1; gil++) {
                scalestudy_options_t opt;
                scalestudy_error_t err;
                scalestudy_options_init(&opt);
                opt.pool = pool;
                opt.workers = workers;
                opt.gil = gil;
                opt.chunk = workers == 3 ? 7 : 0;
                opt.repeat = 2;
                opt.warmup = 1;
                opt.on_result = on_result;
                atomic_store(&streamed, 0);
                scalestudy_run_t *run = scalestudy_threads_run(&ts, &opt, &err);
                SCAL_CHECK(run != NULL);
                if (!run) {
                    fprintf(stderr, "%s\n", err.message);
                    continue;
                }
                SCAL_CHECK(scalestudy_run_status(run, &err) == 0);
                SCAL_CHECK_EQ_U64(scalestudy_run_checksum(run), want);
                SCAL_CHECK(scalestudy_run_nrecords(run) == 2);
                const scalestudy_record_t *rec = scalestudy_run_record(run, 1);
                SCAL_CHECK(scalestudy_record_number(rec, "workers") == workers);
                SCAL_CHECK(scalestudy_record_number(rec, "valid") == 1);
                SCAL_CHECK(scalestudy_record_number(rec, "checksum") == (double)want);
                char buf[64];
                SCAL_CHECK(scalestudy_record_get(rec, "pool", buf, sizeof buf, &err) == 1 &&
                           strcmp(buf, scalestudy_pool_name(pool)) == 0);
                SCAL_CHECK(scalestudy_record_get(rec, "nonsense", buf, sizeof buf, &err) == -1);
                SCAL_CHECK(isnan(scalestudy_record_number(rec, "nonsense")));
                const scalestudy_tasklog_t *log = scalestudy_run_log(run);
                int in_range = log != NULL;
                for (uint64_t k = 0; log && k < NTASKS; k++) {
                    const uint64_t *r = scalestudy_run_result(run, k);
                    in_range &= r && r[0] == k && log[k].worker >= 0 && log[k].worker < workers &&
                                log[k].end_s >= log[k].start_s;
                }
                SCAL_CHECK(in_range);
                SCAL_CHECK(scalestudy_run_result(run, NTASKS) == NULL);
                /* as-completed streams the first measured repetition */
                SCAL_CHECK(atomic_load(&streamed) == (pool == 2 ? NTASKS : 0));
                scalestudy_run_free(run);
            }
}

static void test_files_and_failures(void)
{
    /* mkdtemp's template, spelled so that no run of the letter stands here */
    char dir[] = "/tmp/scal-api." "X" "X" "X" "X" "X" "X", trace[64], out[64], line[8192];
    SCAL_CHECK(mkdtemp(dir) != NULL);
    snprintf(trace, sizeof trace, "%s/trace.csv", dir);
    snprintf(out, sizeof out, "%s/out.csv", dir);
    scalestudy_taskset_t ts = taskset();
    scalestudy_options_t opt;
    scalestudy_error_t err;
    scalestudy_options_init(&opt);
    opt.workers = 2;
    opt.trace_path = trace;
    opt.results_path = out;
    opt.format = SCALESTUDY_FORMAT_CSV;
    opt.out = tmpfile();
    scalestudy_run_t *run = scalestudy_threads_run(&ts, &opt, &err);
    SCAL_CHECK(run && scalestudy_run_status(run, &err) == 0);
    scalestudy_run_free(run);
    rewind(opt.out);
    SCAL_CHECK(fgets(line, sizeof line, opt.out) && strncmp(line, "engine,workload,", 16) == 0);
    SCAL_CHECK(fgets(line, sizeof line, opt.out) && strncmp(line, "omp,test,", 9) == 0);
    fclose(opt.out);
    FILE *fp = fopen(out, "r");
    SCAL_CHECK(fp && fgets(line, sizeof line, fp) && strcmp(line, "task,word0,word1,word2\n") == 0);
    if (fp)
        fclose(fp);
    fp = fopen(trace, "r");
    SCAL_CHECK(fp && fgets(line, sizeof line, fp) &&
               strcmp(line, "task,worker,cpu,start_s,end_s,result\n") == 0);
    if (fp)
        fclose(fp);
    unlink(out);
    unlink(trace);

    /* A wrong result: the run comes back, its status 1, no file written. */
    ts.ctx = &ts;
    opt.format = SCALESTUDY_FORMAT_NONE;
    opt.out = NULL;
    run = scalestudy_threads_run(&ts, &opt, &err);
    SCAL_CHECK(run != NULL);
    SCAL_CHECK(run && scalestudy_run_status(run, &err) == 1 && strstr(err.message, "validation"));
    SCAL_CHECK(run && scalestudy_record_number(scalestudy_run_record(run, 0), "valid") == 0);
    scalestudy_run_free(run);
    SCAL_CHECK(access(out, F_OK) != 0 && access(trace, F_OK) != 0);
    rmdir(dir);
}

int main(void)
{
    SCAL_RUN(test_refusals);
    SCAL_RUN(test_every_pool_same_checksum);
    SCAL_RUN(test_files_and_failures);
    return SCAL_TEST_END();
}
