/* launch.c - fork/exec one program with captured output and a timeout,
 * its wall time from fork to its end, wait4's resource usage, and the
 * machine's steal and runnable tasks around it. */
#include "launch.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "scal_noise.h"
#include "scal_time.h"

/* In the child, between fork and exec. scal-run is single-threaded, so the
 * usual async-signal-safety limits after fork do not bite. */
static void sr_child(const sr_proc_spec_t *spec, pid_t parent, int out_w, int err_w, const sigset_t *mask)
{
    setpgid(0, 0);
    sigprocmask(SIG_SETMASK, mask, NULL);
    /* If scal-run dies, the program gets SIGTERM, which it can act on:
     * mpirun then ends its ranks and removes its shared-memory segments
     * and session folder (SIGKILL would leave them in /dev/shm), and an
     * engine removes its half-written temporary.  The guardian below
     * follows up with SIGKILL. */
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent)
        _exit(127);
    int null = open("/dev/null", O_RDONLY);
    if (null < 0 || dup2(null, STDIN_FILENO) < 0 || dup2(out_w, STDOUT_FILENO) < 0 ||
        dup2(err_w, STDERR_FILENO) < 0)
        _exit(127);
    signal(SIGPIPE, SIG_DFL);
    const char *what = "chdir to";
    const char *target = spec->cwd;
    if (!spec->cwd || chdir(spec->cwd) == 0) {
        execve(spec->argv[0], spec->argv, spec->envp);
        what = "execute";
        target = spec->argv[0];
    }
    const char *why = strerror(errno);
    const char *parts[] = {"scal-run: cannot ", what, " ", target, ": ", why, "\n"};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        if (write(STDERR_FILENO, parts[i], strlen(parts[i])) < 0)
            break;
    _exit(127);
}

/* The guardian: a small process beside the program that waits for scal-run
 * to say the run is over (one byte on the pipe).  If the pipe closes
 * instead, scal-run died (even of SIGKILL); the program has had SIGTERM as
 * its parent-death signal, and what of its process group is still there
 * after SR_ORPHAN_GRACE_S gets SIGKILL, so nothing runs on unseen. */
static void sr_guardian(pid_t pgid, int rd)
{
    long maxfd = sysconf(_SC_OPEN_MAX);
    for (int fd = 3; fd < (maxfd > 0 && maxfd < 65536 ? maxfd : 65536); fd++)
        if (fd != rd)
            close(fd);
    /* Ctrl-C and a batch system's SIGTERM are scal-run's to handle. */
    signal(SIGINT, SIG_IGN);
    signal(SIGTERM, SIG_IGN);
    signal(SIGHUP, SIG_IGN);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    char c;
    ssize_t n;
    do
        n = read(rd, &c, 1);
    while (n < 0 && errno == EINTR);
    if (n == 1)
        _exit(0);
    for (int waited = 0; waited < (int)(SR_ORPHAN_GRACE_S * 20); waited++) {
        if (kill(-pgid, 0) != 0 && errno == ESRCH)
            _exit(0);
        poll(NULL, 0, 50);
    }
    kill(-pgid, SIGKILL);
    _exit(0);
}

/* Read a small /proc file into buf (NUL-terminated). Returns its length, or -1. */
static ssize_t sr_proc_text(const char *path, char *buf, size_t size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, buf, size - 1);
    close(fd);
    if (n >= 0)
        buf[n] = '\0';
    return n;
}

/* Runnable tasks on the machine other than scal-run, which is running as
 * it reads (/proc/loadavg's procs_running); -1 when unknown. */
static int sr_others_running(void)
{
    char buf[256];
    int r = sr_proc_text("/proc/loadavg", buf, sizeof buf) > 0 ? scal_noise_parse_loadavg(buf) : -1;
    return r > 0 ? r - 1 : r;
}

/* The machine at one edge of a run: steal ticks on scal-run's CPUs (the
 * program inherits them) and runnable tasks less scal-run itself. */
static void sr_edge(uint64_t *steal, int *steal_ok, int *running)
{
    sr_buf_t text = {0};
    cpu_set_t cpus;
    *steal_ok = 0;
    if (sched_getaffinity(0, sizeof cpus, &cpus) == 0 && sr_read_file("/proc/stat", &text) == 0)
        *steal_ok = scal_noise_parse_steal(sr_buf_str(&text), &cpus, steal) > 0;
    sr_buf_free(&text);
    *running = sr_others_running();
}

/* The state and process group in a /proc stat line ("pid (comm) S ppid
 * pgrp ..."; comm may hold spaces and parentheses). Returns 0, or -1. */
static int sr_stat_fields(const char *stat, char *state, long *pgrp)
{
    const char *p = strrchr(stat, ')');
    long ppid;
    return p && sscanf(p + 1, " %c %ld %ld", state, &ppid, pgrp) == 3 ? 0 : -1;
}

/* Threads in state R of the processes in process group pgid. */
static int sr_group_running(pid_t pgid)
{
    DIR *proc = opendir("/proc");
    if (!proc)
        return 0;
    int running = 0;
    char path[96], buf[512], state;
    long pgrp;
    for (struct dirent *e; (e = readdir(proc)) != NULL;) {
        if (e->d_name[0] < '1' || e->d_name[0] > '9')
            continue;
        snprintf(path, sizeof path, "/proc/%.20s/stat", e->d_name);
        if (sr_proc_text(path, buf, sizeof buf) <= 0 || sr_stat_fields(buf, &state, &pgrp) != 0 || pgrp != pgid)
            continue;
        snprintf(path, sizeof path, "/proc/%.20s/task", e->d_name);
        DIR *tasks = opendir(path);
        for (struct dirent *t; tasks && (t = readdir(tasks)) != NULL;) {
            if (t->d_name[0] < '1' || t->d_name[0] > '9')
                continue;
            snprintf(path, sizeof path, "/proc/%.20s/task/%.20s/stat", e->d_name, t->d_name);
            running += sr_proc_text(path, buf, sizeof buf) > 0 && sr_stat_fields(buf, &state, &pgrp) == 0 &&
                       state == 'R';
        }
        if (tasks)
            closedir(tasks);
    }
    closedir(proc);
    return running;
}

/* One sample while the program of group pgid runs: runnable tasks on the
 * machine other than scal-run (which is running as it reads), and the
 * program's own among them. */
static void sr_sample(pid_t pgid, sr_proc_result_t *res)
{
    int r = sr_others_running();
    if (r < 0)
        return;
    res->running_sum += r;
    res->own_sum += sr_group_running(pgid);
    res->samples++;
}

static void sr_usage(const struct rusage *ru, sr_proc_result_t *res)
{
    res->cpu_s = (double)ru->ru_utime.tv_sec + ru->ru_utime.tv_usec * 1e-6 + (double)ru->ru_stime.tv_sec +
                 ru->ru_stime.tv_usec * 1e-6;
    res->maxrss_bytes = (long long)ru->ru_maxrss * 1024;   /* Linux: KiB */
    res->nivcsw = (long long)ru->ru_nivcsw;
}

static void sr_keep_tail(sr_buf_t *tail, const char *s, size_t n)
{
    sr_buf_add(tail, s, n);
    if (tail->len > 8 * SR_STDERR_TAIL) {
        memmove(tail->data, tail->data + tail->len - SR_STDERR_TAIL, SR_STDERR_TAIL);
        tail->len = SR_STDERR_TAIL;
        tail->data[tail->len] = '\0';
    }
}

/* Read what is ready on fds[i]; close it at EOF. */
static void sr_drain(struct pollfd *pfd, int is_err, const sr_proc_spec_t *spec, sr_proc_result_t *res)
{
    char chunk[65536];
    ssize_t n = read(pfd->fd, chunk, sizeof chunk);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {
        close(pfd->fd);
        pfd->fd = -1;
        return;
    }
    if (!is_err) {
        sr_buf_add(&res->out, chunk, (size_t)n);
        if (res->out.len > SR_STDOUT_MAX + SR_STDOUT_MAX / 4) {
            memmove(res->out.data, res->out.data + res->out.len - SR_STDOUT_MAX, SR_STDOUT_MAX);
            res->out.len = SR_STDOUT_MAX;
            res->out.data[res->out.len] = '\0';
            res->out_cut = 1;
        }
        return;
    }
    sr_keep_tail(&res->err_tail, chunk, (size_t)n);
    if (spec->log_fd >= 0 && write(spec->log_fd, chunk, (size_t)n) < 0) {
        /* A log that cannot be written loses only the log; the tail is kept. */
    }
}

int sr_proc_run(const sr_proc_spec_t *spec, sr_proc_result_t *res, sr_err_t *err)
{
    *res = (sr_proc_result_t){.cpu_s = -1, .maxrss_bytes = -1, .nivcsw = -1, .steal_s = NAN,
                              .running_before = -1, .running_after = -1};
    uint64_t steal0 = 0, steal1 = 0;
    int steal0_ok, steal1_ok;
    sr_edge(&steal0, &steal0_ok, &res->running_before);
    int outp[2], errp[2];
    if (pipe2(outp, O_CLOEXEC) != 0)
        return sr_fail(err, SR_EXIT_FAIL, "pipe: %s", strerror(errno));
    if (pipe2(errp, O_CLOEXEC) != 0) {
        close(outp[0]);
        close(outp[1]);
        return sr_fail(err, SR_EXIT_FAIL, "pipe: %s", strerror(errno));
    }
    /* Stop signals wait in a signalfd while the program runs. */
    sigset_t stop, old;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGHUP);
    sigprocmask(SIG_BLOCK, &stop, &old);
    int sfd = signalfd(-1, &stop, SFD_CLOEXEC | SFD_NONBLOCK);
    pid_t parent = getpid();
    double t0 = scal_now();
    pid_t pid = sfd < 0 ? -1 : fork();
    if (pid < 0) {
        int e = errno;
        close(outp[0]); close(outp[1]); close(errp[0]); close(errp[1]);
        if (sfd >= 0)
            close(sfd);
        sigprocmask(SIG_SETMASK, &old, NULL);
        return sr_fail(err, SR_EXIT_FAIL, "%s: %s", sfd < 0 ? "signalfd" : "fork", strerror(e));
    }
    if (pid == 0)
        sr_child(spec, parent, outp[1], errp[1], &old);
    setpgid(pid, pid);   /* also in the child: whichever runs first wins the race */
    close(outp[1]);
    close(errp[1]);
    int guard[2] = {-1, -1};
    pid_t guardian = pipe2(guard, O_CLOEXEC) == 0 ? fork() : -1;
    if (guardian == 0)
        sr_guardian(pid, guard[0]);
    if (guard[0] >= 0)
        close(guard[0]);
    if (guardian < 0 && guard[1] >= 0) {
        close(guard[1]);   /* no guardian: the parent-death signal alone */
        guard[1] = -1;
    }
    /* Readable when the program ends, so its end is seen at once (without
     * one, at the next output or poll timeout). */
    int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);

    struct pollfd fds[4] = {{.fd = outp[0], .events = POLLIN}, {.fd = errp[0], .events = POLLIN},
                            {.fd = sfd, .events = POLLIN}, {.fd = pidfd, .events = POLLIN}};
    struct rusage ru;
    const double deadline = spec->timeout_s > 0 ? t0 + spec->timeout_s : INFINITY;
    double kill_at = INFINITY;   /* SIGKILL the group after the grace period */
    double stop_at = INFINITY;   /* stop reading: only stragglers hold the pipes */
    double sample_at = spec->sample ? t0 + SR_SAMPLE_S : INFINITY;
    int status = 0, reaped = 0, term_sent = 0, kill_sent = 0;
    while (fds[0].fd >= 0 || fds[1].fd >= 0 || !reaped) {
        double now = scal_now();
        if (!reaped && wait4(pid, &status, WNOHANG, &ru) == pid) {
            reaped = 1;
            res->wall_s = now - t0;
            sr_usage(&ru, res);
            stop_at = fmin(stop_at, now + SR_KILL_GRACE_S);
            if (fds[3].fd >= 0) {
                close(fds[3].fd);
                fds[3].fd = -1;
            }
        }
        if (!reaped && now >= sample_at) {
            sr_sample(pid, res);
            sample_at = now + SR_SAMPLE_S;
        }
        if (!reaped && !term_sent && (now >= deadline || res->interrupted)) {
            res->timed_out = !res->interrupted;
            kill(-pid, SIGTERM);
            term_sent = 1;
            kill_at = now + SR_KILL_GRACE_S;
        }
        if (!kill_sent && (now >= kill_at || now >= stop_at)) {
            kill(-pid, SIGKILL);
            kill_sent = 1;
            stop_at = fmin(stop_at, now + 1.0);
        }
        if (now >= stop_at) {
            for (int i = 0; i < 2; i++)
                if (fds[i].fd >= 0) {
                    close(fds[i].fd);
                    fds[i].fd = -1;
                }
        }
        if (fds[0].fd < 0 && fds[1].fd < 0) {
            if (!reaped) {
                if (kill_sent) {
                    if (wait4(pid, &status, 0, &ru) == pid)
                        sr_usage(&ru, res);
                    res->wall_s = scal_now() - t0;
                    reaped = 1;
                } else {
                    /* pipes closed early; wait for the exit */
                    poll(fds[3].fd >= 0 ? &fds[3] : NULL, fds[3].fd >= 0 ? 1 : 0, 5);
                }
            }
            continue;
        }
        double next = fmin(fmin(fmin(deadline, kill_at), stop_at), reaped ? INFINITY : sample_at) - now;
        int ms = next > 0.1 ? 100 : (next <= 0 ? 0 : (int)(next * 1000) + 1);
        if (poll(fds, 4, ms) > 0) {
            for (int i = 0; i < 2; i++)
                if (fds[i].fd >= 0 && (fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                    sr_drain(&fds[i], i == 1, spec, res);
            struct signalfd_siginfo si;
            if ((fds[2].revents & POLLIN) && read(sfd, &si, sizeof si) == (ssize_t)sizeof si &&
                !res->interrupted)
                res->interrupted = (int)si.ssi_signo;
        }
    }
    close(sfd);
    if (fds[3].fd >= 0)
        close(fds[3].fd);
    sr_edge(&steal1, &steal1_ok, &res->running_after);
    long tck = sysconf(_SC_CLK_TCK);
    if (steal0_ok && steal1_ok && steal1 >= steal0 && tck > 0)
        res->steal_s = (double)(steal1 - steal0) / (double)tck;
    if (guard[1] >= 0) {
        /* The run is over and reaped: the guardian leaves its group alone. */
        if (write(guard[1], "x", 1) != 1) {
            /* it has gone already; nothing to tell it */
        }
        close(guard[1]);
        waitpid(guardian, NULL, 0);
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    res->elapsed_s = scal_now() - t0;
    if (WIFEXITED(status))
        res->exit_code = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        res->exit_code = 128 + WTERMSIG(status);
    if (res->err_tail.len > SR_STDERR_TAIL) {
        size_t drop = res->err_tail.len - SR_STDERR_TAIL;
        memmove(res->err_tail.data, res->err_tail.data + drop, SR_STDERR_TAIL);
        res->err_tail.len = SR_STDERR_TAIL;
        res->err_tail.data[res->err_tail.len] = '\0';
    }
    if (!res->out.data)
        sr_buf_add(&res->out, "", 0);
    return 0;
}

void sr_proc_result_free(sr_proc_result_t *res)
{
    sr_buf_free(&res->out);
    sr_buf_free(&res->err_tail);
}
