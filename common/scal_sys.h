/* scal_sys.h - facts about the running process and machine, and result files
 * that appear whole or not at all. */
#ifndef SCAL_SYS_H
#define SCAL_SYS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Proportional set size of this process in bytes, from
 * /proc/self/smaps_rollup; 0 if the kernel does not provide it. */
uint64_t scal_pss_bytes(void);

/* Large read-only data (a graph): page-aligned anonymous memory, huge
 * pages advised, untouched until its fillers write it (first touch puts
 * each page near the thread that fills it).  Returns NULL on failure. */
void *scal_big_alloc(size_t bytes);
void scal_big_free(void *p, size_t bytes);

/* Number of CPUs this process may run on (sched_getaffinity); >= 1. */
int scal_allowed_cpus(void);

/* Short host name into buf (always NUL-terminated). */
void scal_hostname(char *buf, size_t len);

/* The version string: project version and git commit. */
const char *scal_version(void);

/* A result file written under a temporary name beside its final path and
 * renamed into place only by scal_outfile_commit, so a failed or
 * interrupted run never leaves a half-written result file.  The temporary
 * exists only while the result is being written: scal_outfile_open checks
 * the path and creates nothing; scal_outfile_begin, at the end of the run,
 * makes the temporary; commit or abort removes it, and so does a fatal
 * signal (SIGINT, SIGTERM, SIGHUP, ...) or exit() meanwhile.  An existing
 * path that is not a regular file (/dev/null, /dev/full, a FIFO) is written
 * directly, never replaced. */
typedef struct scal_outfile {
    FILE *fp;
    char *path;
    char *tmp;
    int slot;     /* its entry in the table the signal handler reads, + 1 */
    int status;   /* after a failed begin: the exit status it calls for */
} scal_outfile_t;

/* Check that `path` can be written (scal_output_check) and remember it.
 * Returns 0, or -1 with a message naming the path in err (exit 2). */
int scal_outfile_open(scal_outfile_t *f, const char *path, char *err, size_t errlen);

/* Make the temporary (or open the device) and set f->fp.  Returns 0, or -1
 * with err set and f->status the exit status (1: the write failed, 2: the
 * path is wrong); then call scal_outfile_abort. */
int scal_outfile_begin(scal_outfile_t *f, char *err, size_t errlen);

/* Flush, fsync, close and rename into place.  Returns 0, or -1 with err set
 * (the temporary file is removed). */
int scal_outfile_commit(scal_outfile_t *f, char *err, size_t errlen);

/* Close and remove the temporary file; the final path is untouched. */
void scal_outfile_abort(scal_outfile_t *f);

/* Remove every temporary being written now (async-signal-safe): for an
 * error path that ends the process without returning (MPI_Abort). */
void scal_outfile_cleanup_all(void);

#endif
