/* scal_err.h - the one way library functions report a failure: a message
 * in a buffer the caller owns.
 *
 * Functions that can fail take `char *err, size_t errlen`; on failure they
 * write one line (no trailing newline) naming the bad value, or
 * "FILE:LINE: ..." for input files, and return -1 or NULL.  err may be NULL
 * or errlen 0 when the caller does not want the message. */
#ifndef SCAL_ERR_H
#define SCAL_ERR_H

#include <stddef.h>

/* Format a message into err (truncated to errlen, always terminated when
 * errlen > 0).  Returns -1, so that `return scal_errf(...)` reads as the
 * error path. */
int scal_errf(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
