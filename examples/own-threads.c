/* own-threads.c - your own function over thread pools (the seed's demo 1):
 * factorize numbers the slow way with every pool on 1, 2 and 4 threads;
 * every run must give the same checksum.  Usage: own-threads [BASE] */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <scalestudy.h>

typedef struct { int64_t v, f1, f2; } factors_t;

/* Task k: count g down from v/2 until it divides v = base + k. */
static void factorize(void *ctx, uint64_t k, void *result)
{
    int64_t v = *(const int64_t *)ctx + (int64_t)k, g = v / 2;
    for (; g > 1 && v % g != 0; g--)
        if ((g & 4095) == 0)
            scalestudy_switch_point(); /* where an emulated GIL may switch */
    factors_t *r = result;
    *r = (factors_t){v, g > 1 ? g : 1, v / (g > 1 ? g : 1)};
}

static int check(void *ctx, uint64_t k, const void *result)
{
    const factors_t *r = result;
    return r->v == *(const int64_t *)ctx + (int64_t)k && r->f1 * r->f2 == r->v;
}

int main(int argc, char **argv)
{
    int64_t base = argc > 1 ? atoll(argv[1]) : 10000001;
    scalestudy_taskset_t ts = {.name = "own-factor", .ntasks = 16, .result_size = sizeof(factors_t),
                               .run = factorize, .check = check, .ctx = &base};
    scalestudy_error_t err;
    uint64_t first = 0;
    int bad = 0;
    for (int pool = 0; scalestudy_pool_name(pool); pool++)
        for (int workers = 1; workers <= 4; workers *= 2) {
            scalestudy_options_t opt;
            scalestudy_options_init(&opt);
            opt.pool = pool;
            opt.workers = workers;
            if (pool == 1 && workers == 2) /* one report, as the seed's display_results */
                opt.format = SCALESTUDY_FORMAT_HUMAN;
            scalestudy_run_t *run = scalestudy_threads_run(&ts, &opt, &err);
            if (!run || scalestudy_run_status(run, &err) != 0) {
                fprintf(stderr, "own-threads: %s\n", err.message);
                return 1;
            }
            uint64_t sum = scalestudy_run_checksum(run);
            printf("%-12s %d threads: checksum %016" PRIx64 ", wall %.4f s\n",
                   scalestudy_pool_name(pool), workers, sum,
                   scalestudy_record_number(scalestudy_run_record(run, 0), "wall_s"));
            bad |= first && sum != first;
            first = sum;
            scalestudy_run_free(run);
        }
    puts(bad ? "FAILED: the checksums differ" : "every pool and thread count: the same checksum");
    return bad;
}
