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

typedef struct sr_proc_spec {
    char *const *argv;   /* argv[0]: the program's path */
    char *const *envp;
    const char *cwd;     /* NULL: scal-run's */
    double timeout_s;    /* <= 0: none */
    int log_fd;          /* stderr is copied here; -1: nowhere */
} sr_proc_spec_t;

typedef struct sr_proc_result {
    sr_buf_t out;        /* all of stdout */
    sr_buf_t err_tail;   /* the last SR_STDERR_TAIL bytes of stderr (or a little more) */
    int exit_code;       /* exit status, or 128 + signal number */
    int timed_out;
    int interrupted;     /* the signal scal-run received, or 0 */
    double elapsed_s;
} sr_proc_result_t;

/* Run to completion. Returns 0 (whatever the program's own outcome), or -1
 * with err when it could not be started at all. A program that cannot be
 * executed exits 127 with the reason on its stderr. */
int sr_proc_run(const sr_proc_spec_t *spec, sr_proc_result_t *res, sr_err_t *err);
void sr_proc_result_free(sr_proc_result_t *res);

#endif
