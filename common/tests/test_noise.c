/* test_noise.c - the noise monitor: the counter scaling arithmetic, the
 * /proc parsers on known text, the combination of processes' evidence by
 * machine and each noisy threshold on hand-made evidence, and the live
 * monitor on this machine (a spinning registered worker is "ours", the
 * counters are either counted or empty, SCAL_MONITOR=off leaves every field
 * unknown, a bad SCAL_MONITOR is refused naming it). */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scal_noise.h"
#include "scal_test.h"
#include "scal_time.h"

static void scale_arithmetic(void)
{
    /* ran the whole time: the plain delta */
    SCAL_CHECK_NEAR(scal_noise_scale(100, 300, 0, 1000, 0, 1000), 200, 1e-9);
    /* multiplexed: counted 250 of 1000 ns, so 4x what it saw */
    SCAL_CHECK_NEAR(scal_noise_scale(1000, 1500, 5000, 6000, 2000, 2250), 2000, 1e-9);
    /* counted between reads that both include earlier time */
    SCAL_CHECK_NEAR(scal_noise_scale(0, 10, 100, 300, 50, 150), 20, 1e-9);
    /* never ran in between: unknown, not zero */
    SCAL_CHECK(scal_noise_scale(10, 10, 0, 1000, 500, 500) < 0);
    /* a counter or a clock going backwards: unknown */
    SCAL_CHECK(scal_noise_scale(10, 5, 0, 1000, 0, 1000) < 0);
    SCAL_CHECK(scal_noise_scale(0, 5, 1000, 10, 0, 1000) < 0);
    /* huge counts keep their precision well enough */
    SCAL_CHECK_NEAR(scal_noise_scale(0, 4000000000000ULL, 0, 2000000000ULL, 0, 1000000000ULL),
                    8e12, 1.0);
}

static void parse_proc_text(void)
{
    const char *stat = "cpu  10 0 10 100 0 0 0 999 0 0\n"
                       "cpu0 1 0 1 10 0 0 0 5 0 0\n"
                       "cpu1 1 0 1 10 0 0 0 7 0 0\n"
                       "cpu2 1 0 1 10 0 0 0 11 0 0\n"
                       "cpu3 1 0 1 10 0 0 0 13 0 0\n"
                       "intr 12345 1 2 3\nctxt 999\nprocs_running 3\n";
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(1, &set);
    CPU_SET(3, &set);
    CPU_SET(7, &set); /* not in the text: not found, not counted */
    uint64_t ticks = 0;
    SCAL_CHECK(scal_noise_parse_steal(stat, &set, &ticks) == 2);
    SCAL_CHECK_EQ_U64(ticks, 20);
    CPU_ZERO(&set);
    SCAL_CHECK(scal_noise_parse_steal(stat, &set, &ticks) == 0);
    SCAL_CHECK_EQ_U64(ticks, 0);
    /* an old kernel's line without a steal column is skipped */
    CPU_SET(0, &set);
    SCAL_CHECK(scal_noise_parse_steal("cpu0 1 2 3 4\n", &set, &ticks) == 0);

    SCAL_CHECK(scal_noise_parse_loadavg("0.52 0.58 0.59 3/467 12345\n") == 3);
    SCAL_CHECK(scal_noise_parse_loadavg("garbage") == -1);
}

/* A process's evidence, monitored, with every field known. */
static scal_noise_rep_t rep_of(int64_t machine, int workers, int ncpus, double seen, double own)
{
    scal_noise_rep_t r;
    memset(&r, 0, sizeof r);
    r.machine = machine;
    r.workers = workers;
    r.ncpus = ncpus;
    r.samples = 3;
    r.nivcsw = 0;
    r.counters = 1;
    r.total_running = seen;
    r.own_running = own;
    return r;
}

static scal_record_t fresh(double wall, int workers)
{
    scal_record_t rec;
    memset(&rec, 0, sizeof rec);
    rec.wall_s = wall;
    rec.workers = workers;
    rec.steal_s = rec.others_running = rec.freq_mhz = NAN;
    rec.nivcsw = rec.cycles = rec.instructions = -1;
    rec.noisy = -1;
    return rec;
}

static void combine_by_machine(void)
{
    /* Two machines of 4 CPUs, 2 ranks x 2 workers each.  On machine 0 each
     * rank saw 5 runnable tasks besides itself: its own 2 workers, the other
     * rank's 2 and 1 other task; others = mean seen less every rank's own. */
    scal_noise_rep_t r[4] = {rep_of(0, 2, 4, 5, 2), rep_of(0, 2, 4, 5, 2), rep_of(2, 2, 4, 4, 2),
                             rep_of(2, 2, 4, 4, 2)};
    r[0].steal_known = 1;
    r[0].steal_s = 0.03;
    r[2].steal_known = 1;
    r[2].steal_s = 0.01;
    for (int i = 0; i < 4; i++) {
        r[i].nivcsw = i + 1;
        r[i].cycles = 100;
        r[i].instructions = 150;
        r[i].freq_n = 2;
        r[i].freq_mhz_sum = 2 * (2000.0 + 100 * i);
    }
    scal_record_t rec = fresh(1.0, 8);
    scal_noise_combine(r, 4, &rec);
    SCAL_CHECK_NEAR(rec.others_running, 1.0, 1e-12); /* machine 0: 5 - 4; machine 2: 0 */
    SCAL_CHECK_NEAR(rec.steal_s, 0.04, 1e-12);       /* summed over machines */
    SCAL_CHECK(rec.nivcsw == 10);                    /* summed over ranks */
    SCAL_CHECK(rec.cycles == 400 && rec.instructions == 600);
    SCAL_CHECK_NEAR(rec.freq_mhz, 2150.0, 1e-9);     /* mean over workers */
    SCAL_CHECK(rec.noisy == 1); /* machine 0: 1 other task, no idle CPU: 1 > 0 + 0.5 */

    /* one rank without counters: the sums are unknown, not partial */
    r[3].counters = 0;
    rec = fresh(1.0, 8);
    scal_noise_combine(r, 4, &rec);
    SCAL_CHECK(rec.cycles == -1 && rec.instructions == -1);
    /* nobody read steal, nobody read a frequency: unknown */
    for (int i = 0; i < 4; i++)
        r[i].steal_known = r[i].freq_n = 0;
    rec = fresh(1.0, 8);
    scal_noise_combine(r, 4, &rec);
    SCAL_CHECK(isnan(rec.steal_s) && isnan(rec.freq_mhz));
    /* one process with the monitor off: every field unknown */
    r[1].samples = 0;
    rec = fresh(1.0, 8);
    scal_noise_combine(r, 4, &rec);
    SCAL_CHECK(isnan(rec.others_running) && rec.nivcsw == -1 && rec.noisy == -1);
}

static void noisy_thresholds(void)
{
    /* others: 2 CPUs, 2 workers; 0.4 others is under the margin, 0.6 over */
    scal_noise_rep_t r = rep_of(0, 2, 2, 2.4, 2);
    scal_record_t rec = fresh(0.5, 2);
    scal_noise_combine(&r, 1, &rec);
    SCAL_CHECK(rec.noisy == 0);
    r.total_running = 2.6;
    rec = fresh(0.5, 2);
    scal_noise_combine(&r, 1, &rec);
    SCAL_CHECK(rec.noisy == 1);
    /* the same others with two idle CPUs: no harm */
    r.ncpus = 4;
    rec = fresh(0.5, 2);
    scal_noise_combine(&r, 1, &rec);
    SCAL_CHECK(rec.noisy == 0);

    /* steal: 5% of 2 workers x 1 s is 0.1 s; needs two ticks as well */
    r = rep_of(0, 2, 2, 2, 2);
    r.steal_known = 1;
    r.steal_s = 0.09;
    rec = fresh(1.0, 2);
    scal_noise_combine(&r, 1, &rec);
    SCAL_CHECK(rec.noisy == 0);
    r.steal_s = 0.11;
    rec = fresh(1.0, 2);
    scal_noise_combine(&r, 1, &rec);
    SCAL_CHECK(rec.noisy == 1);
    r.steal_s = 0.01; /* one tick in a 10 ms repetition: could be rounding */
    rec = fresh(0.01, 2);
    scal_noise_combine(&r, 1, &rec);
    SCAL_CHECK(rec.noisy == 0);

    /* involuntary switches: 50 per worker-second, and at least 5 */
    r = rep_of(0, 2, 2, 2, 2);
    r.nivcsw = 99;
    rec = fresh(1.0, 2);
    scal_noise_combine(&r, 1, &rec);
    SCAL_CHECK(rec.noisy == 0);
    r.nivcsw = 101;
    rec = fresh(1.0, 2);
    scal_noise_combine(&r, 1, &rec);
    SCAL_CHECK(rec.noisy == 1);
    r.nivcsw = 4; /* 200 per worker-second, but only 4 */
    rec = fresh(0.01, 2);
    scal_noise_combine(&r, 1, &rec);
    SCAL_CHECK(rec.noisy == 0);
    /* our own oversubscription switches us: not the machine's noise */
    r.nivcsw = 1000;
    rec = fresh(1.0, 2);
    rec.oversubscribed = 1;
    scal_noise_combine(&r, 1, &rec);
    SCAL_CHECK(rec.noisy == 0);
}

typedef struct spinner {
    scal_noise_t *n;
    atomic_int registered, stop;
} spinner_t;

static void *spin_main(void *arg)
{
    spinner_t *s = arg;
    scal_noise_worker_begin(s->n, 0);
    atomic_store(&s->registered, 1);
    while (!atomic_load(&s->stop)) {
    }
    scal_noise_worker_end(s->n, 0, sched_getcpu());
    return NULL;
}

static void live_monitor(void)
{
    unsetenv("SCAL_MONITOR");
    char err[256];
    cpu_set_t cpus;
    sched_getaffinity(0, sizeof cpus, &cpus);
    scal_noise_t *n = scal_noise_open(1, &cpus, 0, err, sizeof err);
    SCAL_CHECK(n != NULL);
    if (!n)
        return;
    spinner_t s = {.n = n};
    pthread_t th;
    pthread_create(&th, NULL, spin_main, &s);
    while (!atomic_load(&s.registered))
        scal_sleep(0.001);
    scal_noise_begin(n);
    scal_sleep(0.05);
    atomic_store(&s.stop, 1);
    pthread_join(th, NULL);
    scal_noise_rep_t rep;
    scal_noise_end(n, &rep);
    /* two edges at least; the sampler adds more unless the machine is very busy */
    SCAL_CHECK(rep.samples >= 2);
    /* The worker spun (state R) when begin sampled; later ticks may fall
     * after it stopped on a busy machine, and end samples after it ended. */
    SCAL_CHECK(rep.own_running * rep.samples >= 1 - 1e-9);
    SCAL_CHECK(rep.own_running <= 1 + 1e-9);
    SCAL_CHECK(rep.total_running >= rep.own_running);
    SCAL_CHECK(rep.nivcsw >= 0);
    SCAL_CHECK(rep.steal_known == 1 && rep.steal_s >= 0);
    SCAL_CHECK(rep.counters == scal_noise_counters(n));
    scal_record_t rec = fresh(0.05, 1);
    scal_noise_combine(&rep, 1, &rec);
    SCAL_CHECK(rec.noisy == 0 || rec.noisy == 1);
    SCAL_CHECK(rec.others_running >= 0);
    if (scal_noise_counters(n)) {
        SCAL_CHECK(rec.cycles > 0 && rec.instructions > 0);
    } else {
        /* no counters on this machine: empty, detected once at open */
        SCAL_CHECK(rec.cycles == -1 && rec.instructions == -1);
        fprintf(stderr, "note: no hardware counters here; the counted path is checked by "
                        "scale_arithmetic only\n");
    }
    scal_noise_close(n);

    /* nocounters: the same evidence without counters */
    setenv("SCAL_MONITOR", "nocounters", 1);
    n = scal_noise_open(1, NULL, 0, err, sizeof err);
    SCAL_CHECK(n != NULL && !scal_noise_counters(n));
    if (n) {
        scal_noise_worker_begin(n, 0);
        scal_noise_begin(n);
        scal_noise_worker_end(n, 0, sched_getcpu());
        scal_noise_end(n, &rep);
        SCAL_CHECK(rep.samples >= 2 && rep.counters == 0 && rep.steal_known == 0);
        scal_noise_close(n);
    }

    /* off: nothing is read, every field stays unknown */
    setenv("SCAL_MONITOR", "off", 1);
    n = scal_noise_open(2, &cpus, 0, err, sizeof err);
    SCAL_CHECK(n != NULL);
    if (n) {
        scal_noise_begin(n);
        scal_noise_end(n, &rep);
        SCAL_CHECK(rep.samples == 0);
        rec = fresh(0.05, 2);
        scal_noise_combine(&rep, 1, &rec);
        SCAL_CHECK(isnan(rec.others_running) && isnan(rec.steal_s) && rec.nivcsw == -1 &&
                   rec.noisy == -1 && rec.cycles == -1);
        scal_noise_close(n);
    }

    setenv("SCAL_MONITOR", "sometimes", 1);
    err[0] = '\0';
    SCAL_CHECK(scal_noise_open(1, NULL, 0, err, sizeof err) == NULL);
    SCAL_CHECK(strstr(err, "SCAL_MONITOR 'sometimes'") != NULL);
    unsetenv("SCAL_MONITOR");
}

int main(void)
{
    SCAL_RUN(scale_arithmetic);
    SCAL_RUN(parse_proc_text);
    SCAL_RUN(combine_by_machine);
    SCAL_RUN(noisy_thresholds);
    SCAL_RUN(live_monitor);
    return SCAL_TEST_END();
}
