/* csv.h - the CSV dialect of runs.csv, summary.csv and the engines' records.
 *
 * Comma-separated; a field holding a comma, a quote or a line break is put in
 * double quotes with its quotes doubled (RFC 4180). Rows are read by header
 * name, never by position, so an engine may add columns. */
#ifndef SR_CSV_H
#define SR_CSV_H

#include "util.h"

/* Append one field (no separator) to b, quoted when it needs to be. */
void sr_csv_field(sr_buf_t *b, const char *s);
/* Append `s` (n bytes) with backslash escapes for '\\', newline, CR, tab and
 * other control bytes, so captured stderr fits on one line of one field. */
void sr_csv_escape_line(sr_buf_t *b, const char *s, size_t n);

typedef struct sr_csv_row {
    char **f;
    size_t n;
} sr_csv_row_t;

typedef struct sr_csv {
    sr_csv_row_t *rows;   /* rows[0] is the header when nrows > 0 */
    size_t nrows;
} sr_csv_t;

/* Parse len bytes. Only complete lines (ending in '\n') are taken when
 * `whole_lines` is set, so a row still being written is never read; else a
 * last line without a newline counts too. Blank lines are skipped. Returns 0,
 * or -1 on an unterminated quote. */
int sr_csv_parse(const char *text, size_t len, int whole_lines, sr_csv_t *out);
void sr_csv_free(sr_csv_t *csv);
/* Index of column `name` in the header, or -1. */
int sr_csv_col(const sr_csv_t *csv, const char *name);
/* Field `col` of row r, or "" when the row is short or col < 0. */
const char *sr_csv_get(const sr_csv_t *csv, size_t r, int col);

#endif
