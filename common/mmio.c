/* mmio.c - Matrix Market coordinate files in and out (the NIST format:
 * https://math.nist.gov/MatrixMarket/formats.html).  What is accepted and
 * refused is listed at scal_mm_read() in scal_graph.h. */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scal_err.h"
#include "scal_files.h"
#include "scal_graph.h"

/* Characters of a file name repeated inside a longer message. */
#define PATH_MAX_SHOWN 256

/* Token scanning over one line.  A token ends at a blank or the line's end;
 * "12abc" is garbage, not 12. */
static const char *skip_blanks(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

static int token_ends(const char *s)
{
    return *s == '\0' || *s == ' ' || *s == '\t';
}

static int take_int(const char **s, long long *v)
{
    const char *p = skip_blanks(*s);
    char *end;
    if (!(isdigit((unsigned char)*p) || *p == '-' || *p == '+'))
        return -1;
    errno = 0;
    long long x = strtoll(p, &end, 10);
    if (end == p || errno == ERANGE || !token_ends(end))
        return -1;
    *v = x;
    *s = end;
    return 0;
}

static int take_real(const char **s, double *v)
{
    const char *p = skip_blanks(*s);
    char *end;
    errno = 0;
    double x = strtod(p, &end);
    if (end == p || errno == ERANGE || !token_ends(end) || x != x)
        return -1;
    *v = x;
    *s = end;
    return 0;
}

/* Copy the next token (at most cap - 1 bytes) into word; 0 if there is none. */
static size_t take_word(const char **s, char *word, size_t cap)
{
    const char *p = skip_blanks(*s);
    size_t n = 0;
    while (!token_ends(p + n))
        n++;
    size_t k = n < cap - 1 ? n : cap - 1;
    memcpy(word, p, k);
    word[k] = '\0';
    *s = p + n;
    return n;
}

static int at_end(const char *s)
{
    return *skip_blanks(s) == '\0';
}

enum field { FIELD_PATTERN, FIELD_INTEGER, FIELD_REAL };

struct mm_reader {
    const char *path;
    scal_lines_t lines;
    char *line;       /* lines.line */
    long lineno;
    char *err;
    size_t errlen;
};

/* Next line without its end-of-line, in r->line; 0 at end of file, -1 on a
 * read error, a line too long or a NUL byte (scal_lines_next). */
static int next_line(struct mm_reader *r)
{
    int got = scal_lines_next(&r->lines, r->err, r->errlen);
    r->line = r->lines.line;
    r->lineno = r->lines.lineno;
    return got;
}

/* Next line that is neither a comment nor blank; as next_line(). */
static int next_data_line(struct mm_reader *r)
{
    int got;
    while ((got = next_line(r)) == 1) {
        const char *s = skip_blanks(r->line);
        if (*s != '%' && *s != '\0')
            break;
    }
    return got;
}

static int parse_header(struct mm_reader *r, enum field *field, int *symmetric)
{
    static const char banner[] = "%%MatrixMarket";
    int got = next_line(r);
    if (got < 0)
        return -1;
    if (got == 0)
        return scal_errf(r->err, r->errlen, "%s:1: empty file, expected a %s header", r->path,
                         banner);
    const char *s = r->line;
    char word[32];
    if (strncmp(s, banner, sizeof banner - 1) != 0 || !token_ends(s + sizeof banner - 1))
        return scal_errf(r->err, r->errlen, "%s:1: header '%.40s' does not start with %s",
                         r->path, r->line, banner);
    s += sizeof banner - 1;
    if (!take_word(&s, word, sizeof word) || strcasecmp(word, "matrix") != 0)
        return scal_errf(r->err, r->errlen, "%s:1: object '%s' is not 'matrix'", r->path, word);
    if (!take_word(&s, word, sizeof word) || strcasecmp(word, "coordinate") != 0)
        return scal_errf(r->err, r->errlen,
                         "%s:1: format '%s' is not supported, only 'coordinate'", r->path, word);
    take_word(&s, word, sizeof word);
    if (strcasecmp(word, "pattern") == 0)
        *field = FIELD_PATTERN;
    else if (strcasecmp(word, "integer") == 0)
        *field = FIELD_INTEGER;
    else if (strcasecmp(word, "real") == 0)
        *field = FIELD_REAL;
    else
        return scal_errf(r->err, r->errlen,
                         "%s:1: field '%s' is not supported, only pattern, integer or real",
                         r->path, word);
    take_word(&s, word, sizeof word);
    if (strcasecmp(word, "general") == 0)
        *symmetric = 0;
    else if (strcasecmp(word, "symmetric") == 0)
        *symmetric = 1;
    else
        return scal_errf(r->err, r->errlen,
                         "%s:1: symmetry '%s' is not supported, only general or symmetric",
                         r->path, word);
    if (!at_end(s))
        return scal_errf(r->err, r->errlen, "%s:1: garbage '%.40s' after the header", r->path,
                         skip_blanks(s));
    return 0;
}

static int parse_size(struct mm_reader *r, uint32_t *m, uint64_t *nnz)
{
    int got = next_data_line(r);
    if (got < 0)
        return -1;
    if (got == 0)
        return scal_errf(r->err, r->errlen, "%s:%ld: the file ends before the size line",
                         r->path, r->lineno + 1);
    const char *s = r->line;
    long long rows, cols, n;
    if (take_int(&s, &rows) || take_int(&s, &cols) || take_int(&s, &n) || !at_end(s))
        return scal_errf(r->err, r->errlen,
                         "%s:%ld: size line '%.40s' is not 'rows cols entries' (three integers)",
                         r->path, r->lineno, r->line);
    if (rows < 1 || cols < 1)
        return scal_errf(r->err, r->errlen, "%s:%ld: size %lld x %lld: both must be at least 1",
                         r->path, r->lineno, rows, cols);
    if (rows != cols)
        return scal_errf(r->err, r->errlen, "%s:%ld: matrix is %lld x %lld, not square", r->path,
                         r->lineno, rows, cols);
    if (rows > (long long)SCAL_GRAPH_MAX_NODES)
        return scal_errf(r->err, r->errlen, "%s:%ld: %lld rows exceed the %u nodes supported",
                         r->path, r->lineno, rows, SCAL_GRAPH_MAX_NODES);
    if (n < 0)
        return scal_errf(r->err, r->errlen, "%s:%ld: entries = %lld must not be negative",
                         r->path, r->lineno, n);
    /* A short file can announce 2^31 nodes; refuse a graph that no layout
     * could hold before its adjacency lists (8 bytes a node) are made. */
    size_t bitset, dense, sparse;
    uint64_t most = (uint64_t)rows * (uint64_t)(rows - 1);
    if (scal_graph_sparse_bytes((uint64_t)rows, (uint64_t)n < most ? (uint64_t)n : most, &sparse,
                                NULL, 0) != 0)
        sparse = SIZE_MAX;
    char what[PATH_MAX_SHOWN + 64];
    snprintf(what, sizeof what, "%.*s:%ld: a graph of %lld nodes", PATH_MAX_SHOWN, r->path,
             r->lineno, rows);
    if (scal_graph_bytes((uint64_t)rows, SCAL_KERNEL_BITSET, &bitset, NULL, 0) != 0 ||
        scal_graph_bytes((uint64_t)rows, SCAL_KERNEL_MATVEC, &dense, NULL, 0) != 0)
        dense = bitset = SIZE_MAX;
    if (sparse < dense)
        dense = sparse;
    if (scal_mem_check(bitset < dense ? bitset : dense, what, NULL, r->err, r->errlen) != 0)
        return -1;
    *m = (uint32_t)rows;
    *nnz = (uint64_t)n;
    return 0;
}

/* Growable arc list. */
struct arcs {
    uint32_t *src, *dst;
    size_t n, cap;
};

static int arcs_push(struct arcs *a, uint32_t s, uint32_t d)
{
    if (a->n == a->cap) {
        size_t cap = a->cap ? 2 * a->cap : 1024;
        uint32_t *ns = realloc(a->src, cap * sizeof *ns);
        if (!ns)
            return -1;
        a->src = ns;
        uint32_t *nd = realloc(a->dst, cap * sizeof *nd);
        if (!nd)
            return -1;
        a->dst = nd;
        a->cap = cap;
    }
    a->src[a->n] = s;
    a->dst[a->n] = d;
    a->n++;
    return 0;
}

static int parse_entries(struct mm_reader *r, uint32_t m, uint64_t nnz, enum field field,
                         int symmetric, struct arcs *arcs)
{
    static const char *const form[] = {"row col", "row col value", "row col value"};
    uint64_t seen = 0;
    int got;
    while ((got = next_data_line(r)) == 1) {
        if (seen == nnz)
            return scal_errf(r->err, r->errlen, "%s:%ld: more entries than the %" PRIu64
                             " announced", r->path, r->lineno, nnz);
        seen++;
        const char *s = r->line;
        long long i, j, iv = 1;
        double rv = 1.0;
        int bad = take_int(&s, &i) || take_int(&s, &j);
        if (!bad && field == FIELD_INTEGER)
            bad = take_int(&s, &iv);
        else if (!bad && field == FIELD_REAL)
            bad = take_real(&s, &rv);
        if (bad || !at_end(s))
            return scal_errf(r->err, r->errlen, "%s:%ld: entry '%.40s' is not '%s'", r->path,
                             r->lineno, r->line, form[field]);
        if (i < 1 || i > m)
            return scal_errf(r->err, r->errlen, "%s:%ld: row index %lld is outside 1..%u",
                             r->path, r->lineno, i, m);
        if (j < 1 || j > m)
            return scal_errf(r->err, r->errlen, "%s:%ld: column index %lld is outside 1..%u",
                             r->path, r->lineno, j, m);
        if (iv == 0 || rv == 0.0)
            continue;
        if (arcs_push(arcs, (uint32_t)(i - 1), (uint32_t)(j - 1)) ||
            (symmetric && arcs_push(arcs, (uint32_t)(j - 1), (uint32_t)(i - 1))))
            return scal_errf(r->err, r->errlen, "%s:%ld: out of memory", r->path, r->lineno);
    }
    if (got < 0)
        return -1;
    if (seen < nnz)
        return scal_errf(r->err, r->errlen,
                         "%s:%ld: the file ends after %" PRIu64 " of the %" PRIu64
                         " announced entries",
                         r->path, r->lineno + 1, seen, nnz);
    return 0;
}

scal_adj_t *scal_mm_read(const char *path, char *err, size_t errlen)
{
    struct mm_reader r = {.path = path, .err = err, .errlen = errlen};
    FILE *f = scal_input_open(path, "--graph", SCAL_INPUT_MAX_BYTES, err, errlen);
    if (!f)
        return NULL;
    if (scal_lines_init(&r.lines, f, path, SCAL_MM_MAX_LINE, err, errlen) != 0) {
        fclose(f);
        return NULL;
    }
    enum field field = FIELD_PATTERN;
    int symmetric = 0;
    uint32_t m = 0;
    uint64_t nnz = 0;
    struct arcs arcs = {0};
    scal_adj_t *a = NULL;
    if (!parse_header(&r, &field, &symmetric) && !parse_size(&r, &m, &nnz) &&
        !parse_entries(&r, m, nnz, field, symmetric, &arcs))
        a = scal_adj_from_arcs(m, arcs.n, arcs.src, arcs.dst, err, errlen);
    free(arcs.src);
    free(arcs.dst);
    scal_lines_free(&r.lines);
    fclose(f);
    return a;
}

int scal_mm_fprint(const scal_graph_t *g, FILE *f, char *err, size_t errlen)
{
    uint32_t *row = malloc((size_t)g->m * sizeof *row);
    if (!row)
        return scal_errf(err, errlen, "out of memory for a row of %u nodes", g->m);
    fprintf(f, "%%%%MatrixMarket matrix coordinate pattern general\n"
               "%% scalestudy paths graph: entry i j is the edge i-1 -> j-1\n"
               "%u %u %" PRIu64 "\n",
            g->m, g->m, scal_graph_edges(g, 0, g->m));
    for (uint32_t i = 0; i < g->m; i++) {
        uint32_t n = scal_graph_row(g, i, row);
        for (uint32_t k = 0; k < n; k++)
            fprintf(f, "%u %u\n", i + 1, row[k] + 1);
    }
    free(row);
    return 0;
}

int scal_mm_write(const scal_graph_t *g, const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return scal_errf(err, errlen, "%s: cannot open for writing: %s", path, strerror(errno));
    if (scal_mm_fprint(g, f, err, errlen) != 0) {
        fclose(f);
        return -1;
    }
    int failed = ferror(f);
    if (fclose(f) != 0 || failed)
        return scal_errf(err, errlen, "%s: write failed: %s", path, strerror(errno));
    return 0;
}
