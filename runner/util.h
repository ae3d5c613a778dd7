/* util.h - what every part of scal-run shares: the one error type, growable
 * strings, allocation that cannot fail quietly, and small file helpers.
 *
 * Functions that can fail return -1 and fill an sr_err_t; the caller passes
 * the error up unchanged, and main prints it once and exits with its status
 * (2 for bad input, 1 for a failure while running). */
#ifndef SR_UTIL_H
#define SR_UTIL_H

#include <stdarg.h>
#include <stddef.h>

enum { SR_EXIT_OK = 0, SR_EXIT_FAIL = 1, SR_EXIT_USAGE = 2 };

typedef struct sr_err {
    int status;      /* SR_EXIT_FAIL or SR_EXIT_USAGE */
    char msg[1024];
} sr_err_t;

/* Record an error; returns -1 so callers can `return sr_fail(...)`. */
int sr_fail(sr_err_t *err, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Allocation that aborts with a message on exhaustion: scal-run has nothing
 * sensible to do without memory, and this keeps every caller simple. */
void *sr_xmalloc(size_t n);
void *sr_xcalloc(size_t n, size_t size);
void *sr_xrealloc(void *p, size_t n);
char *sr_xstrdup(const char *s);
char *sr_xstrndup(const char *s, size_t n);
char *sr_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable byte string, always NUL-terminated when data != NULL. */
typedef struct sr_buf {
    char *data;
    size_t len, cap;
} sr_buf_t;

void sr_buf_add(sr_buf_t *b, const char *s, size_t n);
void sr_buf_puts(sr_buf_t *b, const char *s);
void sr_buf_printf(sr_buf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sr_buf_vprintf(sr_buf_t *b, const char *fmt, va_list ap);
/* The contents as a C string ("" when empty); stays owned by b. */
const char *sr_buf_str(const sr_buf_t *b);
/* Empty it, keeping its memory. */
void sr_buf_clear(sr_buf_t *b);
void sr_buf_free(sr_buf_t *b);

/* A growable list of owned strings, NULL-terminated (usable as argv). */
typedef struct sr_strv {
    char **v;
    size_t n, cap;
} sr_strv_t;

void sr_strv_push(sr_strv_t *s, const char *str);
void sr_strv_pushf(sr_strv_t *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sr_strv_free(sr_strv_t *s);

/* Read a whole regular file. Returns 0, or -1 with errno set: EISDIR for a
 * directory, EINVAL for a FIFO or device (it would block or never end),
 * EFBIG beyond SR_READ_MAX_BYTES. */
#define SR_READ_MAX_BYTES (1ULL << 36)
int sr_read_file(const char *path, sr_buf_t *out);
/* Write a whole file through a temporary and rename, fsynced. -1, errno set. */
int sr_write_file(const char *path, const char *data, size_t len);
/* mkdir -p. Returns 0, or -1 with errno set. */
int sr_mkdir_p(const char *path, int mode);
/* The directory part of a path ("." when it has none). Caller frees. */
char *sr_dirname(const char *path);
/* dir/name, or name alone when it is absolute. Caller frees. */
char *sr_path_join(const char *dir, const char *name);
/* The first executable `name` on $PATH (or name itself if it holds a '/'),
 * or NULL. Caller frees. */
char *sr_which(const char *name);
/* Append `s` to b quoted for a POSIX shell when it needs it (for printing
 * commands a user can paste; scal-run itself never uses a shell). */
void sr_shell_quote(sr_buf_t *b, const char *s);
/* Now as a UTC stamp 20250102T030405Z. */
void sr_utc_stamp(char out[32]);

#endif
