/* sys.c - process and machine facts, and all-or-nothing result files. */
#include "scal_sys.h"

#include "scal_files.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Spelled out so that no literal run of the letter stands in the source. */
#define MKSTEMP_SUFFIX "X" "X" "X" "X" "X" "X"

/* SCAL_VERSION and SCAL_GIT, made at build time (cmake/version.cmake). */
#include "scal_version.h"

/* Value in kB of the line starting with `key` in a /proc file, or 0. */
static uint64_t proc_kb(const char *file, const char *key)
{
    FILE *fp = fopen(file, "r");
    if (!fp)
        return 0;
    char line[256];
    size_t klen = strlen(key);
    uint64_t kb = 0;
    while (fgets(line, sizeof line, fp)) {
        if (strncmp(line, key, klen) == 0) {
            kb = strtoull(line + klen, NULL, 10);
            break;
        }
    }
    fclose(fp);
    return kb;
}

uint64_t scal_pss_bytes(void)
{
    return proc_kb("/proc/self/smaps_rollup", "Pss:") * 1024;
}

void *scal_big_alloc(size_t bytes)
{
    void *p = mmap(NULL, bytes ? bytes : 1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                   -1, 0);
    if (p == MAP_FAILED)
        return NULL;
#ifdef MADV_HUGEPAGE
    madvise(p, bytes, MADV_HUGEPAGE);
#endif
    return p;
}

void scal_big_free(void *p, size_t bytes)
{
    if (p)
        munmap(p, bytes ? bytes : 1);
}

int scal_allowed_cpus(void)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) != 0)
        return 1;
    int n = CPU_COUNT(&set);
    return n > 0 ? n : 1;
}

void scal_hostname(char *buf, size_t len)
{
    if (gethostname(buf, len) != 0)
        snprintf(buf, len, "unknown");
    buf[len - 1] = '\0';
    char *dot = strchr(buf, '.');
    if (dot)
        *dot = '\0';
}

const char *scal_version(void)
{
    return SCAL_VERSION "+" SCAL_GIT;
}

/* The temporaries being written right now, for the signal handler.  A
 * process-wide table is the only way a handler can find them: it may use
 * no locks and allocate nothing, so each slot holds its own copy of the
 * name and a flag set only once the name is complete. */
#define OUTFILE_SLOTS 8
#define OUTFILE_NAME_MAX 4096
static struct {
    volatile sig_atomic_t used;
    char name[OUTFILE_NAME_MAX];
} pending[OUTFILE_SLOTS];
static pthread_mutex_t pending_lock = PTHREAD_MUTEX_INITIALIZER;
static int handlers_installed;

void scal_outfile_cleanup_all(void)
{
    for (int i = 0; i < OUTFILE_SLOTS; i++)
        if (pending[i].used)
            unlink(pending[i].name);
}

/* Remove the temporaries, then die of the same signal as before. */
static void on_fatal_signal(int sig)
{
    int saved = errno;
    scal_outfile_cleanup_all();
    signal(sig, SIG_DFL);
    errno = saved;
    raise(sig);
}

static void install_handlers(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGXFSZ, SIGALRM,
                               SIGUSR1, SIGUSR2};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction old;
        /* Keep what someone set on purpose (an ignored SIGPIPE, a
         * launcher's own handler); take only the default. */
        if (sigaction(sigs[i], NULL, &old) != 0 || old.sa_handler != SIG_DFL ||
            (old.sa_flags & SA_SIGINFO))
            continue;
        struct sigaction sa = {0};
        sa.sa_handler = on_fatal_signal;
        sigfillset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
    atexit(scal_outfile_cleanup_all);
}

static int pending_add(const char *name)
{
    if (strlen(name) >= OUTFILE_NAME_MAX)
        return -1;
    pthread_mutex_lock(&pending_lock);
    if (!handlers_installed) {
        install_handlers();
        handlers_installed = 1;
    }
    int slot = -1;
    for (int i = 0; i < OUTFILE_SLOTS && slot < 0; i++)
        if (!pending[i].used)
            slot = i;
    if (slot >= 0) {
        memcpy(pending[slot].name, name, strlen(name) + 1);
        pending[slot].used = 1;
    }
    pthread_mutex_unlock(&pending_lock);
    return slot;
}

/* slot: the index + 1, as scal_outfile_t keeps it (0: none). */
static void pending_remove(int slot)
{
    if (slot <= 0)
        return;
    pthread_mutex_lock(&pending_lock);
    pending[slot - 1].used = 0;
    pthread_mutex_unlock(&pending_lock);
}

/* The process's umask, read once without changing it where /proc/self/status
 * shows it (Linux 4.7 on), else set and restored. */
static mode_t process_umask;
static void read_umask(void)
{
    FILE *fp = fopen("/proc/self/status", "r");
    char line[128];
    unsigned m;
    while (fp && fgets(line, sizeof line, fp))
        if (sscanf(line, "Umask: %o", &m) == 1) {
            process_umask = (mode_t)m;
            fclose(fp);
            return;
        }
    if (fp)
        fclose(fp);
    process_umask = umask(022);
    umask(process_umask);
}

/* Create the temporary beside f->path and record it before it exists, so
 * that a signal at any moment after finds it; the signals stay blocked
 * from before mkstemp until the slot holds the name mkstemp chose. */
static int make_temporary(scal_outfile_t *f, char *err, size_t errlen)
{
    size_t n = strlen(f->path) + 32;
    f->tmp = malloc(n);
    if (!f->tmp) {
        snprintf(err, errlen, "cannot write '%s': out of memory", f->path);
        return -1;
    }
    /* mkstemp's template: six 'X' after the name */
    snprintf(f->tmp, n, "%s.tmp.%s", f->path, MKSTEMP_SUFFIX);
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    int fd = mkstemp(f->tmp);
    int e = errno;
    if (fd >= 0 && (f->slot = pending_add(f->tmp) + 1) == 0) {
        unlink(f->tmp);
        close(fd);
        fd = -1;
        e = ENAMETOOLONG;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (fd < 0) {
        snprintf(err, errlen, "cannot write '%s': %s", f->path, strerror(e));
        f->status = scal_write_failure_status(e);
        free(f->tmp);
        f->tmp = NULL;
        return -1;
    }
    /* mkstemp makes it 0600; a result file is as readable as any other the
     * user creates. */
    static pthread_once_t umask_once = PTHREAD_ONCE_INIT;
    pthread_once(&umask_once, read_umask);
    (void)fchmod(fd, 0666 & ~process_umask);
    f->fp = fdopen(fd, "w");
    if (!f->fp) {
        snprintf(err, errlen, "cannot write '%s': %s", f->path, strerror(errno));
        close(fd);
        return -1;
    }
    return 0;
}

int scal_outfile_open(scal_outfile_t *f, const char *path, char *err, size_t errlen)
{
    memset(f, 0, sizeof *f);
    if (scal_output_check(path, err, errlen) != 0)
        return -1;
    if (!(f->path = strdup(path))) {
        snprintf(err, errlen, "cannot write '%s': out of memory", path);
        return -1;
    }
    return 0;
}

int scal_outfile_begin(scal_outfile_t *f, char *err, size_t errlen)
{
    f->status = 1;
    /* A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written as it
     * is: a temporary beside it would be created in /dev, and as root the
     * rename would replace the device with a regular file. */
    struct stat st;
    if (stat(f->path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            snprintf(err, errlen, "cannot write '%s': it is a directory", f->path);
            f->status = 2;
            return -1;
        }
        f->fp = fopen(f->path, "w");
        if (!f->fp) {
            snprintf(err, errlen, "cannot write '%s': %s", f->path, strerror(errno));
            f->status = scal_write_failure_status(errno);
            return -1;
        }
        return 0;
    }
    return make_temporary(f, err, errlen);
}

int scal_outfile_commit(scal_outfile_t *f, char *err, size_t errlen)
{
    int rc = 0;
    /* fsync makes the rename durable; a device or pipe (no tmp) has nothing
     * to sync and may refuse it (EINVAL). */
    if (fflush(f->fp) != 0 || ferror(f->fp) || (f->tmp && fsync(fileno(f->fp)) != 0)) {
        snprintf(err, errlen, "cannot write '%s': %s", f->path, strerror(errno));
        rc = -1;
    }
    if (fclose(f->fp) != 0 && rc == 0) {
        snprintf(err, errlen, "cannot write '%s': %s", f->path, strerror(errno));
        rc = -1;
    }
    f->fp = NULL;
    if (rc == 0 && f->tmp && rename(f->tmp, f->path) != 0) {
        snprintf(err, errlen, "cannot rename into '%s': %s", f->path, strerror(errno));
        rc = -1;
    }
    if (rc != 0 && f->tmp)
        unlink(f->tmp);
    pending_remove(f->slot);
    free(f->tmp);
    free(f->path);
    f->tmp = f->path = NULL;
    f->slot = 0;
    return rc;
}

void scal_outfile_abort(scal_outfile_t *f)
{
    if (f->fp)
        fclose(f->fp);
    if (f->tmp)
        unlink(f->tmp);
    pending_remove(f->slot);
    free(f->tmp);
    free(f->path);
    memset(f, 0, sizeof *f);
}
