/* util.c - errors, strings and file helpers for scal-run (see util.h). */
#include "util.h"

#include "scal_sys.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int sr_fail(sr_err_t *err, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    err->status = status;
    return -1;
}

static void *sr_oom(size_t n)
{
    fprintf(stderr, "scal-run: out of memory (%zu bytes)\n", n);
    abort();
}

void *sr_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    return p ? p : sr_oom(n);
}

void *sr_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    return p ? p : sr_oom(n * size);
}

void *sr_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    return q ? q : sr_oom(n);
}

char *sr_xstrdup(const char *s)
{
    return sr_xstrndup(s, strlen(s));
}

char *sr_xstrndup(const char *s, size_t n)
{
    char *d = sr_xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *sr_xasprintf(const char *fmt, ...)
{
    sr_buf_t b = {0};
    va_list ap;
    va_start(ap, fmt);
    sr_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    return b.data ? b.data : sr_xstrdup("");
}

static void sr_buf_reserve(sr_buf_t *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->data = sr_xrealloc(b->data, cap);
    b->cap = cap;
}

void sr_buf_add(sr_buf_t *b, const char *s, size_t n)
{
    sr_buf_reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void sr_buf_puts(sr_buf_t *b, const char *s)
{
    sr_buf_add(b, s, strlen(s));
}

void sr_buf_vprintf(sr_buf_t *b, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    if (n > 0) {
        sr_buf_reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
        b->len += (size_t)n;
    }
    va_end(again);
}

void sr_buf_printf(sr_buf_t *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sr_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

const char *sr_buf_str(const sr_buf_t *b)
{
    return b->data ? b->data : "";
}

void sr_buf_clear(sr_buf_t *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void sr_buf_free(sr_buf_t *b)
{
    free(b->data);
    *b = (sr_buf_t){0};
}

void sr_strv_push(sr_strv_t *s, const char *str)
{
    if (s->n + 2 > s->cap) {
        s->cap = s->cap ? 2 * s->cap : 16;
        s->v = sr_xrealloc(s->v, s->cap * sizeof *s->v);
    }
    s->v[s->n++] = sr_xstrdup(str);
    s->v[s->n] = NULL;
}

void sr_strv_pushf(sr_strv_t *s, const char *fmt, ...)
{
    sr_buf_t b = {0};
    va_list ap;
    va_start(ap, fmt);
    sr_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    sr_strv_push(s, sr_buf_str(&b));
    sr_buf_free(&b);
}

void sr_strv_free(sr_strv_t *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
    *s = (sr_strv_t){0};
}

int sr_read_file(const char *path, sr_buf_t *out)
{
    /* Only a regular file of bounded size: a FIFO or a device named where a
     * results folder's file should be would block or never end.
     * O_NONBLOCK keeps the open itself from waiting for a FIFO's writer. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0)
        return -1;
    struct stat st;
    int bad = fstat(fd, &st) != 0      ? errno
              : S_ISDIR(st.st_mode)    ? EISDIR
              : !S_ISREG(st.st_mode)   ? EINVAL
              : (uint64_t)st.st_size > SR_READ_MAX_BYTES ? EFBIG
                                                         : 0;
    if (bad) {
        close(fd);
        errno = bad;
        return -1;
    }
    char chunk[65536];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            close(fd);
            errno = e;
            return -1;
        }
        if (n == 0)
            break;
        sr_buf_add(out, chunk, (size_t)n);
    }
    if (!out->data)
        sr_buf_add(out, "", 0);
    close(fd);
    return 0;
}

int sr_write_file(const char *path, const char *data, size_t len)
{
    /* The engines' result files: the temporary is removed on a failure and
     * by a fatal signal while it is written. */
    scal_outfile_t f;
    char msg[256];
    int e;
    if (scal_outfile_open(&f, path, msg, sizeof msg) != 0 || scal_outfile_begin(&f, msg, sizeof msg) != 0) {
        e = errno ? errno : EIO;
        scal_outfile_abort(&f);
        errno = e;
        return -1;
    }
    size_t wrote = len ? fwrite(data, 1, len, f.fp) : 0;
    e = errno;
    if (wrote != len) {
        scal_outfile_abort(&f);
        errno = e ? e : EIO;
        return -1;
    }
    errno = 0;
    if (scal_outfile_commit(&f, msg, sizeof msg) != 0) {
        errno = errno ? errno : EIO;
        return -1;
    }
    return 0;
}

int sr_mkdir_p(const char *path, int mode)
{
    char *p = sr_xstrdup(path);
    int rc = 0;
    for (char *s = p + 1; ; s++) {
        if (*s == '/' || *s == '\0') {
            char c = *s;
            *s = '\0';
            if (mkdir(p, (mode_t)mode) != 0 && errno != EEXIST) {
                rc = -1;
                break;
            }
            *s = c;
            if (c == '\0')
                break;
        }
    }
    int e = errno;
    free(p);
    errno = e;
    if (rc == 0) {
        struct stat st;
        if (stat(path, &st) != 0)
            return -1;
        if (!S_ISDIR(st.st_mode)) {
            errno = ENOTDIR;
            return -1;
        }
    }
    return rc;
}

char *sr_dirname(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return sr_xstrdup(".");
    if (slash == path)
        return sr_xstrdup("/");
    return sr_xstrndup(path, (size_t)(slash - path));
}

char *sr_path_join(const char *dir, const char *name)
{
    if (name[0] == '/' || !dir || !dir[0] || strcmp(dir, ".") == 0)
        return sr_xstrdup(name);
    return sr_xasprintf("%s/%s", dir, name);
}

char *sr_which(const char *name)
{
    if (strchr(name, '/'))
        return access(name, X_OK) == 0 ? sr_xstrdup(name) : NULL;
    const char *path = getenv("PATH");
    if (!path)
        path = "/usr/bin:/bin";
    for (const char *p = path; ; ) {
        const char *end = strchr(p, ':');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char *dir = n ? sr_xstrndup(p, n) : sr_xstrdup(".");
        char *cand = sr_xasprintf("%s/%s", dir, name);
        free(dir);
        struct stat st;
        if (stat(cand, &st) == 0 && S_ISREG(st.st_mode) && access(cand, X_OK) == 0)
            return cand;
        free(cand);
        if (!end)
            return NULL;
        p = end + 1;
    }
}

void sr_shell_quote(sr_buf_t *b, const char *s)
{
    if (*s && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                        "0123456789_-+=/.,:@%") == strlen(s)) {
        sr_buf_puts(b, s);
        return;
    }
    sr_buf_puts(b, "'");
    for (; *s; s++) {
        if (*s == '\'')
            sr_buf_puts(b, "'\\''");
        else
            sr_buf_add(b, s, 1);
    }
    sr_buf_puts(b, "'");
}

void sr_utc_stamp(char out[32])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y%m%dT%H%M%SZ", &tm);
}
