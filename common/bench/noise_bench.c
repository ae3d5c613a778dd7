/* noise_bench.c - what the noise monitor costs a repetition, in CPU time, so
 * that the figure holds on a busy machine too (run by bench/monitor-cost.sh;
 * not a test).  W worker threads register with the monitor and spin; the
 * main thread, worker 0, runs R repetitions of `--ms` milliseconds of
 * spinning between scal_noise_begin and scal_noise_end, and measures with
 * its own CPU clock what begin and end cost (outside the timed region of an
 * engine) and what its worker_begin/worker_end cost (inside); the sampler
 * thread's CPU clock gives what the samples cost (inside, on a CPU the
 * workers share).  Prints medians per repetition and the shares of a
 * repetition's wall and of its workers' CPU time.
 *
 *   noise_bench [--workers 2] [--ms 10] [--reps 200]
 */
#include <getopt.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "scal_noise.h"
#include "scal_stats.h"
#include "scal_time.h"

static double thread_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct worker {
    scal_noise_t *n;
    int t;
    atomic_int *stop;
} worker_t;

static void *spin_worker(void *arg)
{
    worker_t *w = arg;
    scal_noise_worker_begin(w->n, w->t);
    while (!atomic_load_explicit(w->stop, memory_order_relaxed)) {
    }
    scal_noise_worker_end(w->n, w->t, sched_getcpu());
    return NULL;
}

static double median(double *v, size_t n)
{
    scal_stats_t st;
    return scal_stats_compute(v, n, &st) == 0 ? st.median : 0;
}

int main(int argc, char **argv)
{
    int W = 2, reps = 200;
    double ms = 10;
    static const struct option opts[] = {
        {"workers", required_argument, 0, 'w'}, {"ms", required_argument, 0, 'm'},
        {"reps", required_argument, 0, 'r'}, {0, 0, 0, 0}};
    for (int c; (c = getopt_long(argc, argv, "", opts, NULL)) != -1;) {
        if (c == 'w')
            W = atoi(optarg);
        else if (c == 'm')
            ms = atof(optarg);
        else if (c == 'r')
            reps = atoi(optarg);
        else
            return 2;
    }
    if (W < 1 || reps < 1 || !(ms > 0)) {
        fprintf(stderr, "noise_bench: --workers and --reps >= 1, --ms > 0\n");
        return 2;
    }
    char err[256];
    cpu_set_t cpus;
    sched_getaffinity(0, sizeof cpus, &cpus);
    scal_noise_t *n = scal_noise_open(W, &cpus, 0, err, sizeof err);
    if (!n) {
        fprintf(stderr, "noise_bench: %s\n", err);
        return 2;
    }
    double *edges = calloc((size_t)reps, sizeof *edges), *own = calloc((size_t)reps, sizeof *own),
           *sampler = calloc((size_t)reps, sizeof *sampler), *samples = calloc((size_t)reps, sizeof *samples);
    pthread_t *th = calloc((size_t)W, sizeof *th);
    worker_t *wk = calloc((size_t)W, sizeof *wk);
    if (!edges || !own || !sampler || !samples || !th || !wk)
        return 1;
    for (int r = -5; r < reps; r++) {
        atomic_int stop = 0;
        for (int t = 1; t < W; t++) {
            wk[t] = (worker_t){n, t, &stop};
            pthread_create(&th[t], NULL, spin_worker, &wk[t]);
        }
        double c0 = thread_cpu();
        scal_noise_worker_begin(n, 0);
        double c1 = thread_cpu();
        double s0 = scal_noise_sampler_cpu_s(n);
        scal_noise_begin(n);
        double c2 = thread_cpu();
        scal_spin(ms * 1e-3);
        double c3 = thread_cpu();
        scal_noise_worker_end(n, 0, sched_getcpu());
        double c4 = thread_cpu();
        atomic_store(&stop, 1);
        for (int t = 1; t < W; t++)
            pthread_join(th[t], NULL);
        double c5 = thread_cpu();
        scal_noise_rep_t rep;
        scal_noise_end(n, &rep);
        double c6 = thread_cpu();
        double s1 = scal_noise_sampler_cpu_s(n);
        (void)c0;
        if (r < 0)
            continue;
        edges[r] = (c2 - c1) + (c6 - c5);
        own[r] = (c1 - c0) + (c4 - c3);
        sampler[r] = s1 - s0;
        samples[r] = rep.samples;
    }
    double e = median(edges, (size_t)reps), o = median(own, (size_t)reps),
           s = median(sampler, (size_t)reps), k = median(samples, (size_t)reps);
    double rep_s = ms * 1e-3;
    printf("# noise_bench: %d workers, %d repetitions of %.3g ms, counters %s; medians per repetition\n",
           W, reps, ms, scal_noise_counters(n) ? "on" : "unavailable");
    printf("edges (begin + end, outside the timed region)   %8.1f us  %6.3f%% of the wall\n", e * 1e6,
           e / rep_s * 100);
    printf("worker begin + end, per worker (inside)         %8.1f us  %6.3f%% of its CPU time\n",
           o * 1e6, o / rep_s * 100);
    printf("sampler, %.0f samples (inside, a shared CPU)      %8.1f us  %6.3f%% of the workers' CPU time\n",
           k, s * 1e6, s / (rep_s * W) * 100);
    printf("all of it against the wall                      %8.1f us  %6.3f%%\n", (e + o + s) * 1e6,
           (e + o + s) / rep_s * 100);
    scal_noise_close(n);
    free(edges);
    free(own);
    free(sampler);
    free(samples);
    free(th);
    free(wk);
    return 0;
}
