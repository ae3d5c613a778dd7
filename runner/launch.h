/* launch.h - run one program as its own process group, without a shell.
 *
 * stdout is collected whole (it is the engine's CSV); stderr is copied to a
 * log file as it arrives and its tail kept for the record. At the timeout
 * the whole process group gets SIGTERM, and SIGKILL after a grace period,
 * so launchers and their ranks go too. If scal-run itself dies (even of
 * SIGKILL), the child gets SIGTERM (PR_SET_PDEATHSIG), so that mpirun can
 * end its ranks and remove its shared-memory files, and a guardian process
 * SIGKILLs whatever of the group is left SR_ORPHAN_GRACE_S later. SIGINT, SIGTERM
 * or SIGHUP sent to scal-run while a program runs (Ctrl-C, a batch system's
 * time limit) are taken through a signalfd: the program's group is shut down
 * as at a timeout, and the caller is told, so it can stop cleanly. */
#ifndef SR_LAUNCH_H
#define SR_LAUNCH_H

#include "util.h"

/* How long a process group has between SIGTERM and SIGKILL. */
#define SR_KILL_GRACE_S 2.0
/* How long a group whose scal-run died has between SIGTERM and SIGKILL:
 * mpirun's orderly shutdown on a loaded machine takes a few seconds. */
#define SR_ORPHAN_GRACE_S 10.0
/* Bytes of stderr kept for the record. */
#define SR_STDERR_TAIL 1024
/* Most bytes of stdout kept: beyond it the oldest are dropped (a figure of
 * merit is read from the last match, an engine prints a few lines). */
#define SR_STDOUT_MAX (64u << 20)

typedef struct sr_proc_spec {
    char *const *argv;   /* argv[0]: the program's path */
    char *const *envp;
    const char *cwd;     /* NULL: scal-run's */
    double timeout_s;    /* <= 0: none */
    int log_fd;          /* stderr is copied here; -1: nowhere */
    /* 1: sample the machine's runnable tasks while the program runs, every
     * SR_SAMPLE_S, telling the program's own (its process group's threads
     * in state R) from the others'. For a program whose processes all stay
     * in its group on this machine. */
    int sample;
} sr_proc_spec_t;

/* How often a sampled run's machine is sampled. */
#define SR_SAMPLE_S 0.05

typedef struct sr_proc_result {
    sr_buf_t out;        /* stdout: all of it, or its last SR_STDOUT_MAX bytes */
    int out_cut;         /* 1: the start of stdout was dropped */
    sr_buf_t err_tail;   /* the last SR_STDERR_TAIL bytes of stderr (or a little more) */
    int exit_code;       /* exit status, or 128 + signal number */
    int timed_out;
    int interrupted;     /* the signal scal-run received, or 0 */
    double elapsed_s;    /* until its output was read to the end */
    /* From just before the fork to the moment the program ended (seen
     * through a pidfd, so to within scal-run's own wake-up). */
    double wall_s;
    /* wait4's resource usage of the program and the descendants it waited
     * for: user + system CPU seconds, the largest resident set of any of
     * them, involuntary context switches; -1 when unknown. */
    double cpu_s;
    long long maxrss_bytes, nivcsw;
    /* The machine around the run (scal_noise.h's readers), read before the
     * fork and after the end: CPU steal on scal-run's CPUs (NaN: unknown)
     * and runnable tasks other than scal-run at each edge (-1: unknown). */
    double steal_s;
    int running_before, running_after;
    /* spec->sample: samples taken while it ran, and their sums of runnable
     * tasks other than scal-run (total) and of the program's own among them. */
    int samples;
    double running_sum, own_sum;
} sr_proc_result_t;

/* Run to completion. Returns 0 (whatever the program's own outcome), or -1
 * with err when it could not be started at all. A program that cannot be
 * executed exits 127 with the reason on its stderr. */
int sr_proc_run(const sr_proc_spec_t *spec, sr_proc_result_t *res, sr_err_t *err);
void sr_proc_result_free(sr_proc_result_t *res);

#endif
