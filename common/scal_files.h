/* scal_files.h - the one way every reader opens an input file, reads its
 * lines, and the one check that no two files of a run are the same file.
 *
 * Inputs (--graph, --pairs-file, job files, and any new edge-list reader)
 * go through scal_input_open(): a regular file only (a directory, a FIFO or
 * /dev/zero would be read forever or not at all), of bounded size, with a
 * message naming the file and why.  Lines come from scal_lines_next(): a
 * bounded line length, a leading UTF-8 byte-order mark skipped, and
 * end-of-file told apart from a read error, a NUL byte or a line too long. */
#ifndef SCAL_FILES_H
#define SCAL_FILES_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Longest line (without its end-of-line) the line-oriented readers take. */
#define SCAL_INPUT_MAX_LINE 4096
/* Largest input files: a graph or pairs file of this size is far beyond
 * what fits in memory as a graph; a job file is a few lines. */
#define SCAL_INPUT_MAX_BYTES (1ULL << 40)
#define SCAL_JOB_MAX_BYTES (1ULL << 20)

/* Open `path` for reading as an input: it must exist, be a regular file
 * (not a directory, FIFO, socket or device) and hold at most max_bytes.
 * `what` names the input in messages ("--graph", "job file"); every
 * message starts with "PATH: ".  Returns the stream, or NULL with err set. */
FILE *scal_input_open(const char *path, const char *what, uint64_t max_bytes, char *err,
                      size_t errlen);

/* Read a whole input file (scal_input_open's checks) into a NUL-terminated
 * buffer the caller frees.  Returns 0 with *data and *len set, or -1 with
 * err set (also on out of memory, said as such). */
int scal_input_slurp(const char *path, const char *what, uint64_t max_bytes, char **data,
                     size_t *len, char *err, size_t errlen);

/* Lines of an open input, without their end-of-line ("\n" or "\r\n"). */
typedef struct scal_lines {
    FILE *f;
    const char *path;
    char *line;       /* the current line, NUL-terminated */
    size_t len;       /* its length */
    long lineno;      /* its number, from 1 */
    int had_bom;      /* line 1 started with a UTF-8 byte-order mark (skipped) */
    size_t max_line;
} scal_lines_t;

/* Start reading f (from scal_input_open).  max_line 0 means
 * SCAL_INPUT_MAX_LINE.  Returns 0, or -1 (out of memory) with err set. */
int scal_lines_init(scal_lines_t *r, FILE *f, const char *path, size_t max_line, char *err,
                    size_t errlen);
/* The next line: 1, 0 at end of file, or -1 with err set ("PATH:LINE: ..."
 * for a line longer than max_line or holding a NUL byte; "PATH: read
 * failed: ..." for an I/O error). */
int scal_lines_next(scal_lines_t *r, char *err, size_t errlen);
/* Free the line buffer (the stream stays open). */
void scal_lines_free(scal_lines_t *r);

/* One file of a run: the option (or key) that names it, and its path.
 * Inputs are read, outputs written. */
typedef struct scal_named_file {
    const char *option;   /* "--out", "graph (line 4)", "results file" ... */
    const char *path;     /* NULL: not given, skipped */
    int output;
} scal_named_file_t;

/* Refuse any two of `files` that name the same file: the same device and
 * inode where both exist, else the same resolved path (realpath of the
 * parent folder, then the name).  Character devices (/dev/null, /dev/stdout)
 * are written in place and never replaced, so they may repeat.  Returns 0,
 * or -1 with err naming both options and the path. */
int scal_files_distinct(const scal_named_file_t *files, size_t n, char *err, size_t errlen);

/* Whether `path` can become an output file: not a directory, and in an
 * existing folder this process may create files in (a device such as
 * /dev/null is written in place and is fine).  Nothing is created.
 * Returns 0, or -1 with err ("cannot write 'PATH': REASON"). */
int scal_output_check(const char *path, char *err, size_t errlen);

/* The exit status for a write that failed with errno e: 1 (the run's
 * result is lost: disk full, quota, I/O error, file too large) or 2 (the
 * path itself is bad: permissions, missing folder, read-only filesystem). */
int scal_write_failure_status(int e);

#endif
