/* files.c - inputs opened one way, bounded lines, and no two files of a run
 * the same file (see scal_files.h). */
#include "scal_files.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scal_err.h"

static const char *file_kind(mode_t m)
{
    return S_ISDIR(m)    ? "a directory"
           : S_ISFIFO(m) ? "a FIFO (pipe)"
           : S_ISSOCK(m) ? "a socket"
           : S_ISCHR(m)  ? "a character device"
           : S_ISBLK(m)  ? "a block device"
                         : "not a regular file";
}

FILE *scal_input_open(const char *path, const char *what, uint64_t max_bytes, char *err,
                      size_t errlen)
{
    /* O_NONBLOCK: opening a FIFO with no writer would block for ever before
     * fstat could refuse it. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        scal_errf(err, errlen, "%s: cannot open (%s): %s", path, what, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        scal_errf(err, errlen, "%s: cannot stat (%s): %s", path, what, strerror(errno));
        close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        scal_errf(err, errlen, "%s: %s, not a regular file (%s reads a file)", path,
                  file_kind(st.st_mode), what);
        close(fd);
        return NULL;
    }
    if ((uint64_t)st.st_size > max_bytes) {
        scal_errf(err, errlen, "%s: %lld bytes, more than the %llu bytes a %s may hold", path,
                  (long long)st.st_size, (unsigned long long)max_bytes, what);
        close(fd);
        return NULL;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0)
        fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    FILE *f = fdopen(fd, "r");
    if (!f) {
        scal_errf(err, errlen, "%s: %s", path, strerror(errno));
        close(fd);
    }
    return f;
}

int scal_input_slurp(const char *path, const char *what, uint64_t max_bytes, char **data,
                     size_t *len, char *err, size_t errlen)
{
    FILE *f = scal_input_open(path, what, max_bytes, err, errlen);
    if (!f)
        return -1;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    int rc = 0;
    while (buf) {
        if (n + 1 >= cap) {
            if ((uint64_t)n >= max_bytes) {
                /* it grew while we read it */
                rc = scal_errf(err, errlen, "%s: more than the %llu bytes a %s may hold", path,
                               (unsigned long long)max_bytes, what);
                break;
            }
            char *grown = realloc(buf, 2 * cap);
            if (!grown) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - 1 - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f))
                rc = scal_errf(err, errlen, "%s: read failed: %s", path, strerror(errno));
            break;
        }
    }
    fclose(f);
    if (!buf)
        return scal_errf(err, errlen, "%s: out of memory after reading %zu bytes", path, n);
    if (rc != 0) {
        free(buf);
        return -1;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return 0;
}

int scal_lines_init(scal_lines_t *r, FILE *f, const char *path, size_t max_line, char *err,
                    size_t errlen)
{
    memset(r, 0, sizeof *r);
    r->f = f;
    r->path = path;
    r->max_line = max_line ? max_line : SCAL_INPUT_MAX_LINE;
    /* room for the line, "\r\n" and the NUL */
    if (!(r->line = malloc(r->max_line + 3)))
        return scal_errf(err, errlen, "%s: out of memory for a line buffer", path);
    return 0;
}

int scal_lines_next(scal_lines_t *r, char *err, size_t errlen)
{
    size_t n = 0;
    int c, any = 0, nul = 0;
    while ((c = getc_unlocked(r->f)) != EOF) {
        any = 1;
        if (c == '\n')
            break;
        if (c == '\0')
            nul = 1;
        if (n > r->max_line) {
            /* one past "\r" room: this line is too long; say so now rather
             * than read on for ever */
            r->lineno++;
            return scal_errf(err, errlen, "%s:%ld: line longer than %zu characters", r->path,
                             r->lineno, r->max_line);
        }
        r->line[n++] = (char)c;
        /* a byte-order mark before the first line is not part of it */
        if (r->lineno == 0 && n == 3 && !r->had_bom && memcmp(r->line, "\xEF\xBB\xBF", 3) == 0) {
            n = 0;
            r->had_bom = 1;
        }
    }
    if (c == EOF && ferror(r->f))
        return scal_errf(err, errlen, "%s: read failed: %s", r->path, strerror(errno));
    if (!any)
        return 0;
    r->lineno++;
    if (n > 0 && r->line[n - 1] == '\r')
        n--;
    if (n > r->max_line)
        return scal_errf(err, errlen, "%s:%ld: line longer than %zu characters", r->path,
                         r->lineno, r->max_line);
    if (nul)
        return scal_errf(err, errlen, "%s:%ld: NUL byte in the line: not a text file", r->path,
                         r->lineno);
    r->line[n] = '\0';
    r->len = n;
    return 1;
}

void scal_lines_free(scal_lines_t *r)
{
    free(r->line);
    r->line = NULL;
}

/* The absolute path `path` would have: realpath of its folder, then its
 * name.  NULL when the folder does not resolve (then no existing file can
 * be it). */
/* The folder `path` is in ("." or "/" where the path says no more) into
 * dir; returns the path's last '/', or NULL when it has none. */
static const char *parent_dir(const char *path, char *dir, size_t len)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, len, ".");
    else if (slash == path)
        snprintf(dir, len, "/");
    else
        snprintf(dir, len, "%.*s", (int)(slash - path), path);
    return slash;
}

static char *resolved(const char *path)
{
    char *full = realpath(path, NULL);
    if (full)
        return full;
    char dir[PATH_MAX];
    const char *slash = parent_dir(path, dir, sizeof dir);
    const char *name = slash ? slash + 1 : path;
    char *rdir = realpath(dir, NULL);
    if (!rdir)
        return NULL;
    size_t n = strlen(rdir) + strlen(name) + 2;
    char *out = malloc(n);
    if (out)
        snprintf(out, n, "%s%s%s", rdir, strcmp(rdir, "/") == 0 ? "" : "/", name);
    free(rdir);
    return out;
}

int scal_files_distinct(const scal_named_file_t *files, size_t n, char *err, size_t errlen)
{
    for (size_t i = 0; i < n; i++) {
        if (!files[i].path)
            continue;
        struct stat si;
        int ei = stat(files[i].path, &si) == 0;
        if (ei && S_ISCHR(si.st_mode))
            continue;
        char *ri = NULL;
        for (size_t j = i + 1; j < n; j++) {
            if (!files[j].path)
                continue;
            struct stat sj;
            int ej = stat(files[j].path, &sj) == 0, same;
            if (ei && ej) {
                same = si.st_dev == sj.st_dev && si.st_ino == sj.st_ino;
            } else {
                if (!ri && !(ri = resolved(files[i].path)))
                    ri = strdup("");
                char *rj = resolved(files[j].path);
                same = ri && rj && ri[0] && strcmp(ri, rj) == 0;
                free(rj);
            }
            if (same) {
                free(ri);
                return scal_errf(err, errlen, "%s '%s' and %s '%s' are the same file: %s",
                                 files[i].option, files[i].path, files[j].option, files[j].path,
                                 (files[i].output && files[j].output)
                                     ? "one result would overwrite the other"
                                 : (files[i].output || files[j].output)
                                     ? "the result would replace the input"
                                     : "one file cannot be both inputs");
            }
        }
        free(ri);
    }
    return 0;
}

int scal_output_check(const char *path, char *err, size_t errlen)
{
    struct stat st;
    if (!path[0])
        return scal_errf(err, errlen, "cannot write '': empty path");
    if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return scal_errf(err, errlen, "cannot write '%s': it is a directory", path);
        if (!S_ISREG(st.st_mode))
            return 0; /* a device or a pipe: written in place */
    }
    char dir[PATH_MAX];
    const char *slash = parent_dir(path, dir, sizeof dir);
    if (slash && slash[1] == '\0')
        return scal_errf(err, errlen, "cannot write '%s': it names a directory", path);
    struct stat ds;
    if (stat(dir, &ds) != 0)
        return scal_errf(err, errlen, "cannot write '%s': %s", path, strerror(errno));
    if (!S_ISDIR(ds.st_mode))
        return scal_errf(err, errlen, "cannot write '%s': %s", path, strerror(ENOTDIR));
    /* The file is made as a temporary beside it and renamed into place. */
    if (access(dir, W_OK | X_OK) != 0)
        return scal_errf(err, errlen, "cannot write '%s': %s", path, strerror(errno));
    return 0;
}

int scal_write_failure_status(int e)
{
    switch (e) {
    case ENOSPC:
    case EDQUOT:
    case EIO:
    case EFBIG:
    case EINTR:
        return 1;
    default:
        return 2;
    }
}
