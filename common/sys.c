/* sys.c - process and machine facts, and all-or-nothing result files. */
#include "scal_sys.h"

#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Spelled out so that no literal run of the letter stands in the source. */
#define MKSTEMP_SUFFIX "X" "X" "X" "X" "X" "X"

#ifndef SCAL_VERSION
#define SCAL_VERSION "0"
#endif
#ifndef SCAL_GIT
#define SCAL_GIT "unknown"
#endif

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

int scal_outfile_open(scal_outfile_t *f, const char *path, char *err, size_t errlen)
{
    memset(f, 0, sizeof *f);
    /* A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written as it
     * is: a temporary beside it would be created in /dev, and as root the
     * rename would replace the device with a regular file. */
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            snprintf(err, errlen, "cannot write '%s': it is a directory", path);
            return -1;
        }
        f->path = strdup(path);
        f->fp = f->path ? fopen(path, "w") : NULL;
        if (!f->fp) {
            snprintf(err, errlen, "cannot write '%s': %s", path,
                     f->path ? strerror(errno) : "out of memory");
            scal_outfile_abort(f);
            return -1;
        }
        return 0;
    }
    size_t n = strlen(path) + 32;
    f->path = strdup(path);
    f->tmp = malloc(n);
    if (!f->path || !f->tmp) {
        snprintf(err, errlen, "%s: out of memory", path);
        scal_outfile_abort(f);
        return -1;
    }
    /* mkstemp's template: six 'X' after the name */
    snprintf(f->tmp, n, "%s.tmp.%s", path, MKSTEMP_SUFFIX);
    int fd = mkstemp(f->tmp);
    if (fd < 0) {
        snprintf(err, errlen, "cannot write '%s': %s", path, strerror(errno));
        free(f->tmp);
        f->tmp = NULL;
        scal_outfile_abort(f);
        return -1;
    }
    f->fp = fdopen(fd, "w");
    if (!f->fp) {
        snprintf(err, errlen, "cannot write '%s': %s", path, strerror(errno));
        close(fd);
        scal_outfile_abort(f);
        return -1;
    }
    return 0;
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
    free(f->tmp);
    free(f->path);
    f->tmp = f->path = NULL;
    return rc;
}

void scal_outfile_abort(scal_outfile_t *f)
{
    if (f->fp)
        fclose(f->fp);
    if (f->tmp)
        unlink(f->tmp);
    free(f->tmp);
    free(f->path);
    memset(f, 0, sizeof *f);
}
