/* noise.c - the noise monitor (see scal_noise.h): what the machine did to a
 * repetition, read cheaply from /proc, getrusage and perf_event_open. */
#include "scal_noise.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/perf_event.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "scal_time.h"

/* The sampler wakes on a fixed tick while the monitor is open, and samples
 * when a repetition has run at least SAMPLE_MIN_AGE_S (the begin edge has
 * just sampled).  Nobody wakes it: begin and end only flip a flag, so a
 * short repetition pays for no thread wake-up at all, and a long one gets a
 * sample every tick. */
#define SAMPLE_TICK_S 0.020
#define SAMPLE_MIN_AGE_S 0.002

enum { MODE_OFF, MODE_ON, MODE_NOCOUNTERS };

/* One worker: written by its own thread (counters) and, under the monitor's
 * lock, its registration; on its own cache line. */
typedef struct slot {
    _Alignas(64) pid_t tid;   /* 0: never registered */
    int stat_fd;              /* /proc/thread-self/stat of that thread, or -1 */
    int perf_fd;              /* group leader (cycles), or -1 */
    int perf_fd2;             /* instructions, or -1 */
    uint64_t v0[2], en0, run0;
    int started;              /* the begin read succeeded */
    int counted;              /* this repetition's counts are valid */
    double cycles, instructions;
    int cpu;                  /* where it ran, from worker_end */
} slot_t;

struct scal_noise {
    int mode;
    int nworkers;
    slot_t *slots;
    int counters_ok;          /* probed once at open */
    int loadavg_fd;
    int stat_fd;              /* /proc/stat when reading steal, else -1 */
    cpu_set_t steal_cpus;
    int64_t machine;
    int ncpus;
    long ticks_per_s;
    int freq_ok;              /* cpu0 has scaling_cur_freq */
    int *freq_fd;             /* per CPU: -2 not opened yet, -1 unreadable */

    pthread_t sampler;
    int have_sampler;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int stop, active;
    double started;           /* scal_now() at begin */
    double sum_total, sum_own;
    int nsamples;

    int64_t nivcsw0;
    uint64_t steal0;
    int steal_started;
};

static ssize_t pread_text(int fd, char *buf, size_t len)
{
    if (fd < 0)
        return -1;
    ssize_t got = pread(fd, buf, len - 1, 0);
    if (got < 0)
        return -1;
    buf[got] = '\0';
    return got;
}

int scal_noise_parse_loadavg(const char *text)
{
    double a, b, c;
    int running, total;
    if (sscanf(text, "%lf %lf %lf %d/%d", &a, &b, &c, &running, &total) != 5 || running < 0)
        return -1;
    return running;
}

int scal_noise_parse_steal(const char *text, const cpu_set_t *cpus, uint64_t *ticks)
{
    int found = 0;
    *ticks = 0;
    for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
        if (strncmp(p, "cpu", 3) != 0 || p[3] < '0' || p[3] > '9')
            continue;
        char *end;
        long cpu = strtol(p + 3, &end, 10);
        if (cpu < 0 || cpu >= CPU_SETSIZE || !CPU_ISSET((size_t)cpu, cpus))
            continue;
        /* user nice system idle iowait irq softirq steal */
        unsigned long long v[8];
        if (sscanf(end, " %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3],
                   &v[4], &v[5], &v[6], &v[7]) != 8)
            continue;
        *ticks += v[7];
        found++;
    }
    return found;
}

double scal_noise_scale(uint64_t v0, uint64_t v1, uint64_t en0, uint64_t en1, uint64_t run0,
                        uint64_t run1)
{
    if (v1 < v0 || en1 < en0 || run1 < run0 || run1 == run0)
        return -1;
    double dv = (double)(v1 - v0), den = (double)(en1 - en0), drun = (double)(run1 - run0);
    /* Multiplexed: the counter ran drun of den nanoseconds; extrapolate. */
    return drun < den ? dv * (den / drun) : dv;
}

/* ---- hardware counters ---- */

static int perf_open(uint64_t config, int group)
{
    struct perf_event_attr a;
    memset(&a, 0, sizeof a);
    a.size = sizeof a;
    a.type = PERF_TYPE_HARDWARE;
    a.config = config;
    a.exclude_kernel = 1;
    a.exclude_hv = 1;
    a.read_format =
        PERF_FORMAT_GROUP | PERF_FORMAT_TOTAL_TIME_ENABLED | PERF_FORMAT_TOTAL_TIME_RUNNING;
    /* this thread (pid 0), any CPU */
    return (int)syscall(SYS_perf_event_open, &a, 0, -1, group, PERF_FLAG_FD_CLOEXEC);
}

/* Read the group: cycles and instructions with the times.  Returns 0. */
static int perf_read(const slot_t *s, uint64_t v[2], uint64_t *en, uint64_t *run)
{
    uint64_t buf[5]; /* nr, time_enabled, time_running, value[2] */
    ssize_t got = read(s->perf_fd, buf, sizeof buf);
    if (got != (ssize_t)sizeof buf || buf[0] != 2)
        return -1;
    *en = buf[1];
    *run = buf[2];
    v[0] = buf[3];
    v[1] = buf[4];
    return 0;
}

static void perf_close(slot_t *s)
{
    if (s->perf_fd2 >= 0)
        close(s->perf_fd2);
    if (s->perf_fd >= 0)
        close(s->perf_fd);
    s->perf_fd = s->perf_fd2 = -1;
}

/* Open this thread's counters; -1 leaves the slot without. */
static int perf_open_self(slot_t *s)
{
    s->perf_fd = perf_open(PERF_COUNT_HW_CPU_CYCLES, -1);
    if (s->perf_fd < 0)
        return -1;
    s->perf_fd2 = perf_open(PERF_COUNT_HW_INSTRUCTIONS, s->perf_fd);
    if (s->perf_fd2 < 0) {
        perf_close(s);
        return -1;
    }
    return 0;
}

/* Once per process: does the kernel count cycles for us? */
static int perf_probe(void)
{
    int fd = perf_open(PERF_COUNT_HW_CPU_CYCLES, -1);
    if (fd < 0)
        return 0;
    close(fd);
    return 1;
}

/* ---- samples of runnable tasks ---- */

static int thread_running(int fd)
{
    char buf[512];
    if (pread_text(fd, buf, sizeof buf) <= 0)
        return 0;
    const char *p = strrchr(buf, ')'); /* the name may hold spaces and parentheses */
    return p && p[1] == ' ' && p[2] == 'R';
}

/* One sample, taken by thread `self` (not counted as ours or as another):
 * runnable tasks on the machine and our workers among them.  The caller
 * holds n->mu.  Returns 0, or -1 if /proc/loadavg cannot be read. */
static int sample_locked(scal_noise_t *n, pid_t self, double *total, double *own)
{
    char buf[256];
    int running = pread_text(n->loadavg_fd, buf, sizeof buf) > 0 ? scal_noise_parse_loadavg(buf)
                                                                 : -1;
    if (running < 0)
        return -1;
    int mine = 0;
    for (int t = 0; t < n->nworkers; t++)
        if (n->slots[t].tid != self && n->slots[t].stat_fd >= 0)
            mine += thread_running(n->slots[t].stat_fd);
    *total = running > 0 ? running - 1 : 0;
    *own = mine;
    return 0;
}

static void add_sample_locked(scal_noise_t *n, pid_t self)
{
    double total, own;
    if (sample_locked(n, self, &total, &own) == 0) {
        n->sum_total += total;
        n->sum_own += own;
        n->nsamples++;
    }
}

static struct timespec abs_time(double t)
{
    struct timespec ts;
    ts.tv_sec = (time_t)t;
    ts.tv_nsec = (long)((t - (double)ts.tv_sec) * 1e9);
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    return ts;
}

/* The sampler: a sample at every tick that falls in a repetition; woken
 * early only by close. */
static void *sampler_main(void *arg)
{
    scal_noise_t *n = arg;
    pid_t self = (pid_t)syscall(SYS_gettid);
    double next = scal_now() + SAMPLE_TICK_S;
    pthread_mutex_lock(&n->mu);
    while (!n->stop) {
        struct timespec due = abs_time(next);
        if (pthread_cond_timedwait(&n->cv, &n->mu, &due) != ETIMEDOUT)
            continue; /* close, or a spurious wake-up */
        double now = scal_now();
        if (n->active && now - n->started >= SAMPLE_MIN_AGE_S)
            add_sample_locked(n, self);
        next += SAMPLE_TICK_S;
        if (next < now) /* descheduled for whole ticks: no catching up */
            next = now + SAMPLE_TICK_S;
    }
    pthread_mutex_unlock(&n->mu);
    return NULL;
}

/* ---- the monitor ---- */

static int64_t involuntary_switches(void)
{
    struct rusage ru;
    return getrusage(RUSAGE_SELF, &ru) == 0 ? (int64_t)ru.ru_nivcsw : -1;
}

static int read_steal(scal_noise_t *n, uint64_t *ticks)
{
    char buf[1 << 16];
    if (pread_text(n->stat_fd, buf, sizeof buf) <= 0)
        return -1;
    return scal_noise_parse_steal(buf, &n->steal_cpus, ticks) > 0 ? 0 : -1;
}

scal_noise_t *scal_noise_open(int nworkers, const cpu_set_t *steal_cpus, int64_t machine,
                              char *err, size_t errlen)
{
    const char *env = getenv("SCAL_MONITOR");
    int mode = MODE_ON;
    if (env && *env) {
        if (strcmp(env, "on") == 0)
            mode = MODE_ON;
        else if (strcmp(env, "off") == 0)
            mode = MODE_OFF;
        else if (strcmp(env, "nocounters") == 0)
            mode = MODE_NOCOUNTERS;
        else {
            snprintf(err, errlen, "SCAL_MONITOR '%s': expected on, off or nocounters", env);
            return NULL;
        }
    }
    scal_noise_t *n = calloc(1, sizeof *n);
    if (!n || !(n->slots = aligned_alloc(64, sizeof(slot_t) * (size_t)nworkers))) {
        free(n);
        snprintf(err, errlen, "out of memory for the noise monitor");
        return NULL;
    }
    memset(n->slots, 0, sizeof(slot_t) * (size_t)nworkers);
    n->mode = mode;
    n->nworkers = nworkers;
    n->machine = machine;
    n->loadavg_fd = n->stat_fd = -1;
    for (int t = 0; t < nworkers; t++) {
        n->slots[t].stat_fd = n->slots[t].perf_fd = n->slots[t].perf_fd2 = -1;
        n->slots[t].cpu = -1;
    }
    pthread_mutex_init(&n->mu, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC); /* scal_now's clock */
    pthread_cond_init(&n->cv, &ca);
    pthread_condattr_destroy(&ca);
    if (mode == MODE_OFF)
        return n;

    n->ncpus = (int)sysconf(_SC_NPROCESSORS_ONLN);
    n->ticks_per_s = sysconf(_SC_CLK_TCK);
    n->loadavg_fd = open("/proc/loadavg", O_RDONLY | O_CLOEXEC);
    if (steal_cpus) {
        n->steal_cpus = *steal_cpus;
        n->stat_fd = open("/proc/stat", O_RDONLY | O_CLOEXEC);
    }
    n->counters_ok = mode == MODE_ON && perf_probe();
    n->freq_ok = access("/sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq", R_OK) == 0;
    if (n->freq_ok && (n->freq_fd = malloc(CPU_SETSIZE * sizeof *n->freq_fd)))
        for (int c = 0; c < CPU_SETSIZE; c++)
            n->freq_fd[c] = -2;
    n->freq_ok = n->freq_fd != NULL;
    /* Without the sampler (no thread left), repetitions get their edges only. */
    n->have_sampler = pthread_create(&n->sampler, NULL, sampler_main, n) == 0;
    return n;
}

int scal_noise_counters(const scal_noise_t *n)
{
    return n->counters_ok;
}

double scal_noise_sampler_cpu_s(const scal_noise_t *n)
{
    clockid_t clock;
    struct timespec ts;
    if (!n->have_sampler || pthread_getcpuclockid(n->sampler, &clock) != 0 ||
        clock_gettime(clock, &ts) != 0)
        return 0;
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void scal_noise_close(scal_noise_t *n)
{
    if (!n)
        return;
    if (n->have_sampler) {
        pthread_mutex_lock(&n->mu);
        n->stop = 1;
        pthread_cond_signal(&n->cv);
        pthread_mutex_unlock(&n->mu);
        pthread_join(n->sampler, NULL);
    }
    for (int t = 0; t < n->nworkers; t++) {
        if (n->slots[t].stat_fd >= 0)
            close(n->slots[t].stat_fd);
        perf_close(&n->slots[t]);
    }
    if (n->freq_fd)
        for (int c = 0; c < CPU_SETSIZE; c++)
            if (n->freq_fd[c] >= 0)
                close(n->freq_fd[c]);
    if (n->loadavg_fd >= 0)
        close(n->loadavg_fd);
    if (n->stat_fd >= 0)
        close(n->stat_fd);
    pthread_cond_destroy(&n->cv);
    pthread_mutex_destroy(&n->mu);
    free(n->freq_fd);
    free(n->slots);
    free(n);
}

void scal_noise_worker_begin(scal_noise_t *n, int t)
{
    if (n->mode == MODE_OFF)
        return;
    slot_t *s = &n->slots[t];
    pid_t tid = (pid_t)syscall(SYS_gettid);
    if (s->tid != tid) {
        /* A new thread for this worker (the first repetition, or a runtime
         * that replaced its threads): its files are its own. */
        int fd = open("/proc/thread-self/stat", O_RDONLY | O_CLOEXEC);
        pthread_mutex_lock(&n->mu);
        if (s->stat_fd >= 0)
            close(s->stat_fd);
        s->stat_fd = fd;
        s->tid = tid;
        pthread_mutex_unlock(&n->mu);
        perf_close(s);
        if (n->counters_ok)
            perf_open_self(s);
    }
    s->counted = 0;
    s->cpu = -1;
    s->started = s->perf_fd >= 0 && perf_read(s, s->v0, &s->en0, &s->run0) == 0;
}

void scal_noise_worker_end(scal_noise_t *n, int t, int cpu)
{
    if (n->mode == MODE_OFF)
        return;
    slot_t *s = &n->slots[t];
    s->cpu = cpu;
    uint64_t v[2], en, run;
    if (!s->started || perf_read(s, v, &en, &run) != 0)
        return;
    s->cycles = scal_noise_scale(s->v0[0], v[0], s->en0, en, s->run0, run);
    s->instructions = scal_noise_scale(s->v0[1], v[1], s->en0, en, s->run0, run);
    s->counted = s->cycles >= 0 && s->instructions >= 0;
}

void scal_noise_begin(scal_noise_t *n)
{
    if (n->mode == MODE_OFF)
        return;
    n->nivcsw0 = involuntary_switches();
    n->steal_started = n->stat_fd >= 0 && read_steal(n, &n->steal0) == 0;
    pid_t self = (pid_t)syscall(SYS_gettid);
    pthread_mutex_lock(&n->mu);
    n->sum_total = n->sum_own = 0;
    n->nsamples = 0;
    add_sample_locked(n, self);
    n->active = 1;
    n->started = scal_now();
    pthread_mutex_unlock(&n->mu);
}

/* Current frequency of `cpu` in MHz, or -1. */
static double cpu_mhz(scal_noise_t *n, int cpu)
{
    if (cpu < 0 || cpu >= CPU_SETSIZE)
        return -1;
    if (n->freq_fd[cpu] == -2) {
        char path[96];
        snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu%d/cpufreq/scaling_cur_freq", cpu);
        n->freq_fd[cpu] = open(path, O_RDONLY | O_CLOEXEC);
        if (n->freq_fd[cpu] < 0)
            n->freq_fd[cpu] = -1;
    }
    char buf[64];
    if (pread_text(n->freq_fd[cpu], buf, sizeof buf) <= 0)
        return -1;
    double khz = strtod(buf, NULL);
    return khz > 0 ? khz / 1000.0 : -1;
}

void scal_noise_end(scal_noise_t *n, scal_noise_rep_t *out)
{
    memset(out, 0, sizeof *out);
    out->machine = n->machine;
    out->workers = n->nworkers;
    out->nivcsw = -1;
    if (n->mode == MODE_OFF)
        return;
    pid_t self = (pid_t)syscall(SYS_gettid);
    pthread_mutex_lock(&n->mu);
    add_sample_locked(n, self);
    n->active = 0;
    out->samples = n->nsamples;
    if (n->nsamples > 0) {
        out->total_running = n->sum_total / n->nsamples;
        out->own_running = n->sum_own / n->nsamples;
    }
    pthread_mutex_unlock(&n->mu);

    int64_t sw = involuntary_switches();
    out->nivcsw = n->nivcsw0 >= 0 && sw >= n->nivcsw0 ? sw - n->nivcsw0 : -1;
    out->ncpus = n->ncpus;
    uint64_t steal1;
    if (n->steal_started && read_steal(n, &steal1) == 0 && steal1 >= n->steal0 &&
        n->ticks_per_s > 0) {
        out->steal_known = 1;
        out->steal_s = (double)(steal1 - n->steal0) / (double)n->ticks_per_s;
    }
    out->counters = n->counters_ok;
    for (int t = 0; t < n->nworkers; t++) {
        const slot_t *s = &n->slots[t];
        if (!s->counted) {
            out->counters = 0;
        } else {
            out->cycles += s->cycles;
            out->instructions += s->instructions;
        }
        double mhz = n->freq_ok ? cpu_mhz(n, s->cpu) : -1;
        if (mhz > 0) {
            out->freq_mhz_sum += mhz;
            out->freq_n++;
        }
    }
    if (!out->counters)
        out->cycles = out->instructions = 0;
}

void scal_noise_combine(const scal_noise_rep_t *reps, int n, scal_record_t *rec)
{
    int monitored = n > 0;
    for (int i = 0; i < n; i++)
        monitored = monitored && reps[i].samples > 0;
    if (!monitored)
        return; /* the monitor was off: every field stays unknown */

    int64_t nivcsw = 0;
    int steal_known = 0, counters = 1, freq_n = 0;
    double steal = 0, cycles = 0, instr = 0, freq = 0, others_max = 0;
    int crowded = 0;
    for (int i = 0; i < n; i++) {
        const scal_noise_rep_t *r = &reps[i];
        nivcsw = nivcsw >= 0 && r->nivcsw >= 0 ? nivcsw + r->nivcsw : -1;
        if (r->steal_known) {
            steal_known = 1;
            steal += r->steal_s;
        }
        counters = counters && r->counters;
        cycles += r->cycles;
        instr += r->instructions;
        freq += r->freq_mhz_sum;
        freq_n += r->freq_n;
        /* A machine is judged once, from its first process in the list:
         * every process sees the others' workers as runnable tasks, so
         * others = mean of what they saw less all their own workers. */
        int first = 1;
        for (int j = 0; j < i && first; j++)
            first = reps[j].machine != r->machine;
        if (!first)
            continue;
        double seen = 0, own = 0;
        int procs = 0, workers = 0;
        for (int j = i; j < n; j++) {
            if (reps[j].machine != r->machine)
                continue;
            seen += reps[j].total_running;
            own += reps[j].own_running;
            procs++;
            workers += reps[j].workers;
        }
        double others = seen / procs - own;
        if (others < 0)
            others = 0;
        if (others > others_max)
            others_max = others;
        double idle = r->ncpus > workers ? r->ncpus - workers : 0;
        crowded = crowded || others > idle + SCAL_NOISE_OTHERS_MARGIN;
    }
    rec->others_running = others_max;
    rec->nivcsw = nivcsw;
    if (steal_known)
        rec->steal_s = steal;
    if (freq_n > 0)
        rec->freq_mhz = freq / freq_n;
    if (counters) {
        rec->cycles = (int64_t)llround(cycles);
        rec->instructions = (int64_t)llround(instr);
    }

    double worker_s = rec->wall_s * rec->workers;
    long tick_hz = sysconf(_SC_CLK_TCK);
    double tick_s = tick_hz > 0 ? 1.0 / (double)tick_hz : 0.01;
    int stolen = steal_known && steal > SCAL_NOISE_STEAL_SHARE * worker_s &&
                 steal >= SCAL_NOISE_STEAL_MIN_TICKS * tick_s - 1e-9;
    int switched = !rec->oversubscribed && nivcsw >= SCAL_NOISE_NIVCSW_MIN &&
                   (double)nivcsw > SCAL_NOISE_NIVCSW_RATE * worker_s;
    rec->noisy = stolen || crowded || switched;
}
