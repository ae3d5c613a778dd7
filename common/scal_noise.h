/* scal_noise.h - the noise monitor: per measured repetition, the evidence
 * that says whether the machine left the workers alone.
 *
 *   steal_s         CPU steal time (/proc/stat per-cpu lines) on the CPUs the
 *                   workers may run on, in seconds of CPU
 *   nivcsw          involuntary context switches of the process (getrusage)
 *   others_running  runnable tasks on the machine beyond our running workers
 *                   (procs_running less our workers in state R, less the
 *                   thread that reads), mean over samples
 *   freq_mhz        mean scaling_cur_freq of the CPUs the workers ran on
 *   cycles, instructions  user-space hardware counters of every worker
 *                   thread (perf_event_open, opened by each worker on itself,
 *                   scaled by time_enabled / time_running when multiplexed)
 *
 * Cost: begin and end each read /proc/loadavg, the state of every worker
 * thread, getrusage and (the steal reader only) /proc/stat, all on files kept
 * open, outside the engines' timed regions; a sampler thread wakes every
 * 20 ms while the monitor is open and samples when a repetition is running,
 * so a long repetition gets a sample per 20 ms and a short one costs its two
 * edges and no wake-up (bench/monitor-cost.sh measures it).
 *
 * The environment variable SCAL_MONITOR=on (default), off (no monitoring:
 * the fields are unknown) or nocounters (no hardware counters) chooses what
 * runs; it exists to measure the monitor's cost and to test the paths
 * without counters on machines that have them. */
#ifndef SCAL_NOISE_H
#define SCAL_NOISE_H

#include <sched.h>
#include <stddef.h>
#include <stdint.h>

#include "scal_record.h"

/* A repetition is noisy (record field noisy = 1) when any of these holds:
 * steal above STEAL_SHARE of the workers' CPU time (workers x wall) and at
 * least STEAL_MIN_TICKS clock ticks (/proc/stat counts whole ticks);
 * others_running on a machine above its idle CPUs (online CPUs less our
 * workers there) plus OTHERS_MARGIN; or, unless we oversubscribe ourselves,
 * more than NIVCSW_RATE involuntary switches per worker-second and at least
 * NIVCSW_MIN of them.  jobs/README.md explains each choice. */
#define SCAL_NOISE_STEAL_SHARE 0.05
#define SCAL_NOISE_STEAL_MIN_TICKS 2
#define SCAL_NOISE_OTHERS_MARGIN 0.5
#define SCAL_NOISE_NIVCSW_RATE 50.0
#define SCAL_NOISE_NIVCSW_MIN 5

/* One process's evidence for one repetition.  Plain data, so scal-mpi can
 * gather it from every rank as bytes and combine it on rank 0. */
typedef struct scal_noise_rep {
    int64_t machine;      /* id shared by the processes of one machine */
    int64_t nivcsw;       /* -1: unknown */
    int32_t workers;      /* this process's workers */
    int32_t ncpus;        /* online CPUs of the machine */
    int32_t samples;      /* samples of others_running; 0: monitor off */
    int32_t steal_known;  /* this process read steal for its machine */
    int32_t counters;     /* 1: cycles and instructions hold every worker's */
    int32_t freq_n;       /* workers whose CPU frequency was read */
    double total_running; /* mean runnable tasks on the machine, less the reader */
    double own_running;   /* mean of this process's workers running, less the reader */
    double steal_s;
    double freq_mhz_sum;
    double cycles, instructions;
} scal_noise_rep_t;

typedef struct scal_noise scal_noise_t;

/* Open the monitor of a process with `nworkers` workers.  steal_cpus: the
 * CPUs whose steal this process reads, or NULL (in scal-mpi one process per
 * machine reads for the union of its ranks' CPUs).  machine: an id the
 * processes of one machine share.  Call before any worker thread is bound
 * (the sampler thread inherits the affinity).  Returns NULL with err set on
 * a bad SCAL_MONITOR value (a usage error) or when out of memory. */
scal_noise_t *scal_noise_open(int nworkers, const cpu_set_t *steal_cpus, int64_t machine,
                              char *err, size_t errlen);
void scal_noise_close(scal_noise_t *n);

/* 1 if hardware counters work in this process (probed once, at open). */
int scal_noise_counters(const scal_noise_t *n);

/* CPU seconds the sampler thread has used so far (0 without one): what the
 * monitor costs inside repetitions, for bench/monitor-cost.sh. */
double scal_noise_sampler_cpu_s(const scal_noise_t *n);

/* Called by worker thread t on itself before its work of a repetition:
 * registers the thread (its state is sampled) and starts its counters; and
 * after its work, with the CPU it ran on. */
void scal_noise_worker_begin(scal_noise_t *n, int t);
void scal_noise_worker_end(scal_noise_t *n, int t, int cpu);

/* Just before and just after a repetition's timed region, on one thread.
 * end fills *out with this process's evidence. */
void scal_noise_begin(scal_noise_t *n);
void scal_noise_end(scal_noise_t *n, scal_noise_rep_t *out);

/* Fill rec's steal_s, nivcsw, others_running, freq_mhz, cycles,
 * instructions and noisy from every process's evidence (n >= 1; grouped by
 * machine), judged against rec's wall_s, workers and oversubscribed:
 * steal and switches are summed, others_running is the largest machine's,
 * freq_mhz the mean over workers; the counters are summed when every
 * process had them.  Unknown stays unknown. */
void scal_noise_combine(const scal_noise_rep_t *reps, int n, scal_record_t *rec);

/* --- Pieces exposed for tests. --- */

/* A counter's delta between two reads (value, time_enabled, time_running),
 * scaled by enabled / running when the counter was multiplexed.  Returns the
 * delta (>= 0), or -1 when it never ran in between or the reads go
 * backwards. */
double scal_noise_scale(uint64_t v0, uint64_t v1, uint64_t en0, uint64_t en1, uint64_t run0,
                        uint64_t run1);

/* Sum the steal ticks of the CPUs in `cpus` from /proc/stat text.  Returns
 * the number of those CPUs found. */
int scal_noise_parse_steal(const char *text, const cpu_set_t *cpus, uint64_t *ticks);

/* The runnable tasks (procs_running) from /proc/loadavg text
 * ("0.1 0.2 0.3 R/T last"), or -1. */
int scal_noise_parse_loadavg(const char *text);

#endif
