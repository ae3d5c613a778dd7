/* csv.c - reading and writing the CSV dialect described in csv.h. */
#include "csv.h"

#include <stdlib.h>
#include <string.h>

void sr_csv_field(sr_buf_t *b, const char *s)
{
    if (!s)
        s = "";
    if (!strpbrk(s, ",\"\r\n")) {
        sr_buf_puts(b, s);
        return;
    }
    sr_buf_puts(b, "\"");
    for (; *s; s++) {
        if (*s == '"')
            sr_buf_puts(b, "\"\"");
        else
            sr_buf_add(b, s, 1);
    }
    sr_buf_puts(b, "\"");
}

void sr_csv_escape_line(sr_buf_t *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '\\': sr_buf_puts(b, "\\\\"); break;
        case '\n': sr_buf_puts(b, "\\n"); break;
        case '\r': sr_buf_puts(b, "\\r"); break;
        case '\t': sr_buf_puts(b, "\\t"); break;
        default:
            if (c < 0x20 || c == 0x7f)
                sr_buf_printf(b, "\\x%02x", c);
            else
                sr_buf_add(b, (const char *)&s[i], 1);
        }
    }
}

static void sr_row_push(sr_csv_row_t *row, sr_buf_t *field)
{
    row->f = sr_xrealloc(row->f, (row->n + 1) * sizeof *row->f);
    row->f[row->n++] = sr_xstrdup(sr_buf_str(field));
    sr_buf_clear(field);
}

static void sr_csv_push(sr_csv_t *csv, sr_csv_row_t *row)
{
    csv->rows = sr_xrealloc(csv->rows, (csv->nrows + 1) * sizeof *csv->rows);
    csv->rows[csv->nrows++] = *row;
    *row = (sr_csv_row_t){0};
}

static void sr_row_free(sr_csv_row_t *row)
{
    for (size_t i = 0; i < row->n; i++)
        free(row->f[i]);
    free(row->f);
    *row = (sr_csv_row_t){0};
}

int sr_csv_parse(const char *text, size_t len, int whole_lines, sr_csv_t *out)
{
    *out = (sr_csv_t){0};
    if (whole_lines) {
        while (len > 0 && text[len - 1] != '\n')
            len--;
    }
    sr_csv_row_t row = {0};
    sr_buf_t field = {0};
    int quoted = 0, in_quotes = 0, rc = 0;
    size_t line_chars = 0;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (in_quotes) {
            if (c == '"' && i + 1 < len && text[i + 1] == '"') {
                sr_buf_add(&field, "\"", 1);
                i++;
            } else if (c == '"') {
                in_quotes = 0;
            } else {
                sr_buf_add(&field, &c, 1);
            }
            continue;
        }
        if (c == '"' && field.len == 0 && !quoted) {
            in_quotes = quoted = 1;
            line_chars++;
        } else if (c == ',') {
            sr_row_push(&row, &field);
            quoted = 0;
            line_chars++;
        } else if (c == '\n') {
            if (line_chars > 0) {
                sr_row_push(&row, &field);
                sr_csv_push(out, &row);
            }
            quoted = 0;
            line_chars = 0;
        } else if (c == '\r') {
            continue;
        } else {
            sr_buf_add(&field, &c, 1);
            line_chars++;
        }
    }
    if (in_quotes)
        rc = -1;
    else if (line_chars > 0) {
        sr_row_push(&row, &field);
        sr_csv_push(out, &row);
    }
    sr_row_free(&row);
    sr_buf_free(&field);
    if (rc != 0)
        sr_csv_free(out);
    return rc;
}

void sr_csv_free(sr_csv_t *csv)
{
    for (size_t r = 0; r < csv->nrows; r++)
        sr_row_free(&csv->rows[r]);
    free(csv->rows);
    *csv = (sr_csv_t){0};
}

int sr_csv_col(const sr_csv_t *csv, const char *name)
{
    if (csv->nrows == 0)
        return -1;
    for (size_t i = 0; i < csv->rows[0].n; i++)
        if (strcmp(csv->rows[0].f[i], name) == 0)
            return (int)i;
    return -1;
}

const char *sr_csv_get(const sr_csv_t *csv, size_t r, int col)
{
    if (col < 0 || r >= csv->nrows || (size_t)col >= csv->rows[r].n)
        return "";
    return csv->rows[r].f[col];
}
