/* edgelist.c - graph files: the one function that opens them, the choice
 * of reader, SNAP-style and GAP .el edge lists in, and edge lists out.
 * What is accepted and refused is listed at scal_graph_read() in
 * scal_graph.h; Matrix Market is in mmio.c. */
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

FILE *scal_graph_open(const char *path, char *err, size_t errlen)
{
    return scal_input_open(path, "--graph", SCAL_INPUT_MAX_BYTES, err, errlen);
}

static int has_suffix(const char *path, const char *suffix)
{
    size_t n = strlen(path), k = strlen(suffix);
    return n > k && strcasecmp(path + n - k, suffix) == 0;
}

scal_graph_format_t scal_graph_format_of(const char *path, scal_graph_format_t format)
{
    if (format != SCAL_GRAPH_AUTO)
        return format;
    if (has_suffix(path, ".mtx") || has_suffix(path, ".mm"))
        return SCAL_GRAPH_MTX;
    if (has_suffix(path, ".el"))
        return SCAL_GRAPH_EL;
    char line[16] = "";
    FILE *f = scal_graph_open(path, NULL, 0);
    if (f) {
        if (!fgets(line, sizeof line, f))
            line[0] = '\0';
        fclose(f);
    }
    return strncmp(line, "%%MatrixMarket", 14) == 0 ? SCAL_GRAPH_MTX : SCAL_GRAPH_SNAP;
}

struct el_reader {
    const char *path;
    FILE *f;
    long lineno;
    int snap;             /* honour "# Nodes: N Edges: E" */
    uint64_t declared_m;  /* 0: none */
    uint64_t declared_e;  /* lines the header announced */
    long header_line;
    uint64_t after_header; /* data lines since the header */
    uint32_t *src, *dst;
    size_t n, cap;
    uint64_t max_id;
    char *err;
    size_t errlen;
};

/* An id: decimal digits, below 2^32.  Returns the character after it, or
 * NULL (message set) when the token is not one. */
static int blank_or_end(char c)
{
    return c == ' ' || c == '\t' || c == '\0' || c == '\n' || c == '\r';
}

static const char *take_id(struct el_reader *r, const char *s, const char *what, uint64_t *id)
{
    while (*s == ' ' || *s == '\t')
        s++;
    const char *start = s;
    int len = 0; /* the token, as quoted in messages */
    while (len < 24 && !blank_or_end(start[len]))
        len++;
    uint64_t v = 0;
    if (*s == '-' && s[1] >= '0' && s[1] <= '9') {
        scal_errf(r->err, r->errlen, "%s:%ld: %s id '%.*s' is negative", r->path, r->lineno,
                  what, len, start);
        return NULL;
    }
    while (*s >= '0' && *s <= '9') {
        v = v * 10 + (uint64_t)(*s - '0');
        if (v > UINT32_MAX) {
            scal_errf(r->err, r->errlen, "%s:%ld: %s id '%.*s' is not below 2^32", r->path,
                      r->lineno, what, len, start);
            return NULL;
        }
        s++;
    }
    if (s == start || !blank_or_end(*s)) {
        scal_errf(r->err, r->errlen, "%s:%ld: %s id '%.*s' is not a decimal integer", r->path,
                  r->lineno, what, len, start);
        return NULL;
    }
    *id = v;
    return s;
}

static int check_declared_size(struct el_reader *r)
{
    if (r->declared_m > SCAL_GRAPH_MAX_NODES)
        return scal_errf(r->err, r->errlen, "%s:%ld: %" PRIu64 " nodes exceed the %u supported",
                         r->path, r->lineno, r->declared_m, SCAL_GRAPH_MAX_NODES);
    /* The storage a graph this size needs at least: refuse it before the
     * arcs are read when it cannot fit. */
    uint64_t m = r->declared_m ? r->declared_m : 1;
    uint64_t arcs = r->declared_e < m * (m - 1) ? r->declared_e : m * (m - 1);
    size_t bytes;
    char what[PATH_MAX_SHOWN + 96];
    snprintf(what, sizeof what, "%.*s:%ld: a graph of %" PRIu64 " nodes and %" PRIu64 " edges",
             PATH_MAX_SHOWN, r->path, r->lineno, m, r->declared_e);
    if (scal_graph_sparse_bytes(m, arcs, &bytes, NULL, 0) != 0)
        bytes = SIZE_MAX;
    return scal_mem_check(bytes, what, NULL, r->err, r->errlen);
}

/* "# Nodes: N Edges: E" (SNAP's header); other comments are skipped. */
static int comment(struct el_reader *r, const char *s)
{
    unsigned long long n, e;
    if (!r->snap || sscanf(s, "# Nodes: %llu Edges: %llu", &n, &e) != 2)
        return 0;
    if (r->header_line)
        return scal_errf(r->err, r->errlen, "%s:%ld: a second size header (the first is on line %ld)",
                         r->path, r->lineno, r->header_line);
    r->header_line = r->lineno;
    r->declared_m = n;
    r->declared_e = e;
    return check_declared_size(r);
}

static int push(struct el_reader *r, uint32_t s, uint32_t d)
{
    if (r->n == r->cap) {
        size_t cap = r->cap ? 2 * r->cap : 65536;
        uint32_t *ns = realloc(r->src, cap * sizeof *ns);
        if (!ns)
            return -1;
        r->src = ns;
        uint32_t *nd = realloc(r->dst, cap * sizeof *nd);
        if (!nd)
            return -1;
        r->dst = nd;
        r->cap = cap;
    }
    r->src[r->n] = s;
    r->dst[r->n] = d;
    r->n++;
    return 0;
}

static int read_lines(struct el_reader *r)
{
    char line[SCAL_GRAPH_LINE_MAX + 2];
    while (fgets(line, sizeof line, r->f)) {
        r->lineno++;
        size_t len = strlen(line);
        if (len == 0 || line[len - 1] != '\n') {
            if (len == sizeof line - 1)
                return scal_errf(r->err, r->errlen, "%s:%ld: line longer than %d bytes", r->path,
                                 r->lineno, SCAL_GRAPH_LINE_MAX);
            return scal_errf(r->err, r->errlen,
                             "%s:%ld: the last line has no end of line (a truncated file?)",
                             r->path, r->lineno);
        }
        const char *s = line;
        while (*s == ' ' || *s == '\t')
            s++;
        if (*s == '#') {
            if (comment(r, s))
                return -1;
            continue;
        }
        if (*s == '\n' || (*s == '\r' && s[1] == '\n'))
            continue;
        uint64_t u, v;
        if (!(s = take_id(r, s, "source", &u)) || !(s = take_id(r, s, "target", &v)))
            return -1;
        while (*s == ' ' || *s == '\t' || *s == '\r')
            s++;
        if (*s != '\n')
            return scal_errf(r->err, r->errlen, "%s:%ld: garbage '%.*s' after 'source target'",
                             r->path, r->lineno, (int)strcspn(s, "\r\n") < 20
                                                     ? (int)strcspn(s, "\r\n") : 20, s);
        uint64_t top = u > v ? u : v;
        if (top >= SCAL_GRAPH_MAX_NODES)
            return scal_errf(r->err, r->errlen,
                             "%s:%ld: id %" PRIu64 " needs more than the %u nodes supported",
                             r->path, r->lineno, top, SCAL_GRAPH_MAX_NODES);
        if (top > r->max_id)
            r->max_id = top;
        if (r->header_line)
            r->after_header++;
        if (push(r, (uint32_t)u, (uint32_t)v))
            return scal_errf(r->err, r->errlen, "%s:%ld: out of memory for %zu arcs", r->path,
                             r->lineno, r->n);
    }
    if (ferror(r->f))
        return scal_errf(r->err, r->errlen, "%s: read failed: %s", r->path, strerror(errno));
    if (r->header_line && r->after_header < r->declared_e)
        return scal_errf(r->err, r->errlen,
                         "%s:%ld: the file ends after %" PRIu64 " of the %" PRIu64
                         " edges announced on line %ld",
                         r->path, r->lineno + 1, r->after_header, r->declared_e, r->header_line);
    if (r->n == 0 && !r->declared_m)
        return scal_errf(r->err, r->errlen, "%s:%ld: no edges and no '# Nodes: N Edges: E' "
                         "header: the graph has no nodes", r->path, r->lineno + 1);
    return 0;
}

static scal_adj_t *read_edge_list(const char *path, int snap, char *err, size_t errlen)
{
    struct el_reader r = {.path = path, .snap = snap, .err = err, .errlen = errlen};
    if (!(r.f = scal_graph_open(path, err, errlen)))
        return NULL;
    scal_adj_t *a = NULL;
    if (read_lines(&r) == 0) {
        uint64_t m = r.n ? r.max_id + 1 : 0;
        if (r.declared_m > m)
            m = r.declared_m;
        /* The largest id sets m: refuse lists and storage that cannot fit
         * before making them. */
        size_t storage;
        uint64_t need = UINT64_MAX;
        char what[PATH_MAX_SHOWN + 96];
        snprintf(what, sizeof what, "%.*s: a graph of %" PRIu64 " nodes and %zu arcs",
                 PATH_MAX_SHOWN, path, m, r.n);
        if (scal_graph_sparse_bytes(m, m * (m - 1) < r.n ? m * (m - 1) : r.n, &storage, NULL,
                                    0) == 0)
            need = (uint64_t)storage + 8 * (m + 1) + 4 * (uint64_t)r.n;
        if (scal_mem_check(need, what, NULL, err, errlen) == 0)
            a = scal_adj_from_arcs(m, r.n, r.src, r.dst, err, errlen);
    }
    free(r.src);
    free(r.dst);
    fclose(r.f);
    return a;
}

scal_adj_t *scal_graph_read(const char *path, scal_graph_format_t format, char *err,
                            size_t errlen)
{
    switch (scal_graph_format_of(path, format)) {
    case SCAL_GRAPH_MTX:
        return scal_mm_read(path, err, errlen);
    case SCAL_GRAPH_SNAP:
    case SCAL_GRAPH_EL:
    case SCAL_GRAPH_AUTO:
        break;
    }
    return read_edge_list(path, 1, err, errlen);
}

int scal_el_fprint(const scal_graph_t *g, FILE *f, char *err, size_t errlen)
{
    uint32_t *row = malloc((size_t)g->m * sizeof *row);
    if (!row)
        return scal_errf(err, errlen, "out of memory for a row of %u nodes", g->m);
    fprintf(f, "# Nodes: %u Edges: %" PRIu64 "\n# scalestudy paths graph: line u v is the edge "
               "u -> v (0-based)\n",
            g->m, scal_graph_edges(g, 0, g->m));
    for (uint32_t i = 0; i < g->m; i++) {
        uint32_t n = scal_graph_row(g, i, row);
        for (uint32_t k = 0; k < n; k++)
            fprintf(f, "%u %u\n", i, row[k]);
    }
    free(row);
    return 0;
}
