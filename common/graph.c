/* graph.c - graph storage views and their fills, generated rows, adjacency
 * lists, and the memory check.  Layouts are described in scal_graph.h. */
#include "scal_graph.h"

#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "scal_err.h"

/* graph_sparse.c: the sparse layout's two fills. */
int64_t scal_graph_sparse_fill_rows(scal_graph_t *g, const scal_adj_t *a, uint64_t r0, uint64_t r1,
                                    char *err, size_t errlen);
int scal_graph_sparse_fill_cols(scal_graph_t *g, uint64_t c0, uint64_t c1, char *err,
                                size_t errlen);

static const char *const kernel_names[] = {
    [SCAL_KERNEL_BITSET] = "bitset",
    [SCAL_KERNEL_MATVEC] = "matvec",
    [SCAL_KERNEL_SPARSE] = "sparse",
};
#define N_KERNELS (sizeof kernel_names / sizeof kernel_names[0])

const char *scal_kernel_name(scal_kernel_t kernel)
{
    return (unsigned)kernel < N_KERNELS ? kernel_names[kernel] : "unknown";
}

int scal_kernel_parse(const char *name, scal_kernel_t *kernel, char *err, size_t errlen)
{
    for (unsigned k = 0; k < N_KERNELS; k++) {
        if (strcmp(name, kernel_names[k]) == 0) {
            *kernel = (scal_kernel_t)k;
            return 0;
        }
    }
    return scal_errf(err, errlen, "kernel '%s' is not bitset, matvec or sparse", name);
}

static int check_m(uint64_t m, char *err, size_t errlen)
{
    if (m < 1 || m > SCAL_GRAPH_MAX_NODES)
        return scal_errf(err, errlen, "m = %" PRIu64 " nodes is outside 1..%u", m,
                         SCAL_GRAPH_MAX_NODES);
    return 0;
}

static int check_range(const char *what, uint64_t a, uint64_t b, uint32_t m, char *err,
                       size_t errlen)
{
    if (a > b || b > m)
        return scal_errf(err, errlen,
                         "%s [%" PRIu64 ", %" PRIu64 ") are not a range within [0, %u)", what, a,
                         b, m);
    return 0;
}

static size_t words_for(uint64_t m)
{
    return (size_t)((m + 63) / 64);
}

int scal_graph_bytes(uint64_t m, scal_kernel_t kernel, size_t *bytes, char *err, size_t errlen)
{
    if (check_m(m, err, errlen))
        return -1;
    if (kernel == SCAL_KERNEL_SPARSE)
        return scal_errf(err, errlen, "sparse storage is sized by its arcs too "
                         "(scal_graph_sparse_bytes)");
    size_t n = 0;
    int overflow;
    if (kernel == SCAL_KERNEL_MATVEC)
        overflow = __builtin_mul_overflow((size_t)m, (size_t)m, &n);
    else
        overflow = __builtin_mul_overflow((size_t)m, words_for(m) * 2 * sizeof(uint64_t), &n);
    if (overflow)
        return scal_errf(err, errlen, "m = %" PRIu64 " nodes: %s storage overflows size_t", m,
                         scal_kernel_name(kernel));
    *bytes = n;
    return 0;
}

void *scal_graph_alloc(size_t bytes, char *err, size_t errlen)
{
    const size_t huge = (size_t)2 << 20;
    void *mem = NULL;
    size_t n = 0;
    if (bytes > 0 && bytes <= SIZE_MAX - huge) {
        n = (bytes + huge - 1) / huge * huge;
        mem = aligned_alloc(huge, n);
    }
    if (!mem) {
        scal_errf(err, errlen, "out of memory for %zu bytes of graph storage", bytes);
        return NULL;
    }
#ifdef MADV_HUGEPAGE
    madvise(mem, n, MADV_HUGEPAGE); /* advice: where it fails, pages are just smaller */
#endif
    return mem;
}

int scal_graph_view(scal_graph_t *g, void *mem, size_t bytes, uint64_t m, scal_kernel_t kernel,
                    char *err, size_t errlen)
{
    size_t need = 0;
    if (scal_graph_bytes(m, kernel, &need, err, errlen))
        return -1;
    if (!mem || (uintptr_t)mem % sizeof(uint64_t) != 0)
        return scal_errf(err, errlen, "graph memory %p is not 8-byte aligned", mem);
    if (bytes < need)
        return scal_errf(err, errlen, "graph memory holds %zu bytes, %s storage of m = %" PRIu64
                         " nodes needs %zu", bytes, scal_kernel_name(kernel), m, need);
    memset(g, 0, sizeof *g);
    g->m = (uint32_t)m;
    g->kernel = kernel;
    g->words = words_for(m);
    if (kernel == SCAL_KERNEL_MATVEC) {
        g->dense = mem;
    } else {
        g->rows = mem;
        g->cols = g->rows + (size_t)m * g->words;
    }
    return 0;
}

int scal_graph_check_p(double p, char *err, size_t errlen)
{
    if (!(p >= 0.0 && p <= 1.0))
        return scal_errf(err, errlen, "p = %g is not a probability in [0, 1]", p);
    return 0;
}

static void clear_row(scal_graph_t *g, uint32_t i)
{
    if (g->kernel == SCAL_KERNEL_MATVEC)
        memset(g->dense + (size_t)i * g->m, 0, g->m);
    else
        memset(g->rows + (size_t)i * g->words, 0, g->words * sizeof(uint64_t));
}

static inline void set_edge(scal_graph_t *g, uint32_t i, uint32_t j)
{
    if (g->kernel == SCAL_KERNEL_MATVEC)
        g->dense[(size_t)i * g->m + j] = 1;
    else
        g->rows[(size_t)i * g->words + j / 64] |= UINT64_C(1) << (j % 64);
}

int64_t scal_graph_fill_random(scal_graph_t *g, double p, uint64_t seed, uint64_t r0, uint64_t r1,
                               char *err, size_t errlen)
{
    if (scal_graph_check_p(p, err, errlen) || check_range("rows", r0, r1, g->m, err, errlen))
        return -1;
    if (g->kernel == SCAL_KERNEL_SPARSE)
        return scal_errf(err, errlen, "sparse storage is filled from adjacency lists "
                         "(scal_adj_generate, then scal_graph_fill_adj)");
    int64_t edges = 0;
    for (uint32_t i = (uint32_t)r0; i < r1; i++) {
        clear_row(g, i);
        scal_row_gen_t rg;
        scal_row_gen_init(&rg, g->m, p, seed, i);
        for (int64_t j; (j = scal_row_gen_next(&rg)) >= 0; edges++)
            set_edge(g, i, (uint32_t)j);
    }
    return edges;
}

int64_t scal_graph_fill_adj(scal_graph_t *g, const scal_adj_t *a, uint64_t r0, uint64_t r1,
                            char *err, size_t errlen)
{
    if (a->m != g->m)
        return scal_errf(err, errlen, "adjacency lists have m = %u nodes, the graph %u", a->m,
                         g->m);
    if (check_range("rows", r0, r1, g->m, err, errlen))
        return -1;
    if (g->kernel == SCAL_KERNEL_SPARSE)
        return scal_graph_sparse_fill_rows(g, a, r0, r1, err, errlen);
    for (uint32_t i = (uint32_t)r0; i < r1; i++) {
        clear_row(g, i);
        for (uint64_t k = a->start[i]; k < a->start[i + 1]; k++)
            set_edge(g, i, a->next[k]);
    }
    return (int64_t)(a->start[r1] - a->start[r0]);
}

/* Transpose a 64 x 64 bit matrix in place, bit c of a[r] being element
 * (r, c): swap ever smaller off-diagonal blocks (Warren, Hacker's Delight
 * 7-3, written for least-significant-bit-first columns). */
static void transpose64(uint64_t a[64])
{
    uint64_t mask = UINT64_C(0x00000000ffffffff);
    for (unsigned j = 32; j != 0; j >>= 1, mask ^= mask << j) {
        for (unsigned k = 0; k < 64; k = (k + j + 1) & ~j) {
            uint64_t t = ((a[k] >> j) ^ a[k + j]) & mask;
            a[k] ^= t << j;
            a[k + j] ^= t;
        }
    }
}

/* out = in transposed.  A sparse block costs a few operations per bit
 * scattered; once it proves dense, transpose64()'s fixed cost is less. */
static void transpose_block(const uint64_t in[64], uint64_t out[64])
{
    unsigned budget = 256;
    memset(out, 0, 64 * sizeof *out);
    for (unsigned r = 0; r < 64; r++) {
        for (uint64_t x = in[r]; x; x &= x - 1) {
            if (budget-- == 0) {
                memcpy(out, in, 64 * sizeof *out);
                transpose64(out);
                return;
            }
            out[__builtin_ctzll(x)] |= UINT64_C(1) << r;
        }
    }
}

/* Columns come from 64 x 64 bit blocks of the rows, transposed: word rb of
 * column j is block (rb, j / 64) transposed, row j % 64.  Blocks go in
 * tiles of TILE row bands by TILE column words, so that the tile reads a
 * run of TILE words (a cache line) from each of its rows and writes a run
 * of TILE words to each of its columns: every line of rows and columns is
 * moved once, in whole, and the misses of a tile overlap. */
#define TILE 8
int scal_graph_fill_cols(scal_graph_t *g, uint64_t c0, uint64_t c1, char *err, size_t errlen)
{
    if (check_range("columns", c0, c1, g->m, err, errlen))
        return -1;
    if (g->kernel == SCAL_KERNEL_SPARSE)
        return scal_graph_sparse_fill_cols(g, c0, c1, err, errlen);
    if (g->kernel != SCAL_KERNEL_BITSET || c0 == c1)
        return 0;
    const size_t nw = g->words;
    const size_t w0 = c0 / 64, w1 = (c1 - 1) / 64;
    uint64_t in[TILE][64];                      /* one band: [word][row] */
    uint64_t(*out)[TILE][64] = malloc(sizeof(uint64_t[TILE][TILE][64])); /* [word][band][col] */
    if (!out)
        return scal_errf(err, errlen, "out of memory for a %d x %d tile", TILE, TILE);
    for (size_t rb0 = 0; rb0 < nw; rb0 += TILE) {
        size_t bands = nw - rb0 < TILE ? nw - rb0 : TILE;
        for (size_t wt = w0; wt <= w1; wt += TILE) {
            size_t words = w1 + 1 - wt < TILE ? w1 + 1 - wt : TILE;
            for (size_t b = 0; b < bands; b++) {
                size_t row0 = (rb0 + b) * 64;
                size_t n = g->m - row0 < 64 ? g->m - row0 : 64;
                for (size_t r = 0; r < 64; r++) {
                    const uint64_t *src = g->rows + (row0 + r) * nw + wt;
                    for (size_t k = 0; k < words; k++)
                        in[k][r] = r < n ? src[k] : 0;
                }
                for (size_t k = 0; k < words; k++)
                    transpose_block(in[k], out[k][b]);
            }
            for (size_t k = 0; k < words; k++) {
                size_t w = wt + k;
                size_t lo = c0 > w * 64 ? c0 - w * 64 : 0;
                size_t hi = c1 < w * 64 + 64 ? c1 - w * 64 : 64;
                for (size_t c = lo; c < hi; c++) {
                    uint64_t *col = g->cols + (w * 64 + c) * nw + rb0;
                    for (size_t b = 0; b < bands; b++)
                        col[b] = out[k][b][c];
                }
            }
        }
    }
    free(out);
    return 0;
}

uint32_t scal_graph_row(const scal_graph_t *g, uint32_t i, uint32_t *out)
{
    uint32_t n = 0;
    if (g->kernel == SCAL_KERNEL_SPARSE) {
        n = (uint32_t)(g->out_start[i + 1] - g->out_start[i]);
        memcpy(out, g->out + g->out_start[i], (size_t)n * sizeof *out);
        return n;
    }
    if (g->kernel == SCAL_KERNEL_MATVEC) {
        const uint8_t *r = g->dense + (size_t)i * g->m;
        for (uint32_t j = 0; j < g->m; j++)
            if (r[j])
                out[n++] = j;
        return n;
    }
    const uint64_t *r = g->rows + (size_t)i * g->words;
    for (size_t w = 0; w < g->words; w++)
        for (uint64_t x = r[w]; x; x &= x - 1)
            out[n++] = (uint32_t)(w * 64 + (size_t)__builtin_ctzll(x));
    return n;
}

uint64_t scal_graph_edges(const scal_graph_t *g, uint32_t r0, uint32_t r1)
{
    uint64_t n = 0;
    if (g->kernel == SCAL_KERNEL_SPARSE)
        return g->out_start[r1] - g->out_start[r0];
    if (g->kernel == SCAL_KERNEL_MATVEC) {
        const uint8_t *d = g->dense + (size_t)r0 * g->m, *end = g->dense + (size_t)r1 * g->m;
        for (; d < end; d++)
            n += *d != 0;
        return n;
    }
    const uint64_t *r = g->rows + (size_t)r0 * g->words, *end = g->rows + (size_t)r1 * g->words;
    for (; r < end; r++)
        n += (uint64_t)__builtin_popcountll(*r);
    return n;
}

void scal_row_gen_init(scal_row_gen_t *rg, uint32_t m, double p, uint64_t seed, uint32_t row)
{
    rg->rng = scal_rng_init(seed, row);
    rg->row = row;
    rg->n = m - 1;
    rg->pos = p > 0.0 ? 0 : rg->n;
    rg->all = p >= 1.0;
    rg->log_q = p > 0.0 && p < 1.0 ? log1p(-p) : 0.0;
}

int64_t scal_row_gen_next(scal_row_gen_t *rg)
{
    if (rg->pos >= rg->n)
        return -1;
    if (!rg->all) {
        /* P(gap >= k) = P(U <= (1-p)^k) = (1-p)^k: a geometric gap.  The
         * comparison is done in double so huge gaps (tiny p) cannot wrap. */
        double gap = floor(log(scal_rng_uniform_pos(&rg->rng)) / rg->log_q);
        if (!(gap < (double)(rg->n - rg->pos))) {
            rg->pos = rg->n;
            return -1;
        }
        rg->pos += (uint32_t)gap;
    }
    uint32_t k = rg->pos++;
    return k < rg->row ? (int64_t)k : (int64_t)k + 1;
}

/* Lists with start[] counted by the caller (as degrees in start[1..m]):
 * turn the counts into offsets and allocate next[]. */
static scal_adj_t *adj_new(uint32_t m, char *err, size_t errlen)
{
    scal_adj_t *a = calloc(1, sizeof *a);
    if (a)
        a->start = calloc((size_t)m + 1, sizeof *a->start);
    if (!a || !a->start) {
        free(a);
        scal_errf(err, errlen, "out of memory for adjacency lists of m = %u nodes", m);
        return NULL;
    }
    a->m = m;
    return a;
}

static int adj_alloc_next(scal_adj_t *a, char *err, size_t errlen)
{
    for (uint32_t i = 0; i < a->m; i++)
        a->start[i + 1] += a->start[i];
    a->edges = a->start[a->m];
    a->next = malloc((size_t)(a->edges ? a->edges : 1) * sizeof *a->next);
    if (!a->next)
        return scal_errf(err, errlen, "out of memory for %" PRIu64 " edges", a->edges);
    return 0;
}

void scal_adj_free(scal_adj_t *a)
{
    if (a) {
        free(a->start);
        free(a->next);
        free(a);
    }
}

scal_adj_t *scal_adj_generate(uint64_t m, double p, uint64_t seed, char *err, size_t errlen)
{
    if (check_m(m, err, errlen) || scal_graph_check_p(p, err, errlen))
        return NULL;
    scal_adj_t *a = adj_new((uint32_t)m, err, errlen);
    if (!a)
        return NULL;
    scal_row_gen_t rg;
    for (uint32_t i = 0; i < a->m; i++) {
        scal_row_gen_init(&rg, a->m, p, seed, i);
        while (scal_row_gen_next(&rg) >= 0)
            a->start[i + 1]++;
    }
    if (adj_alloc_next(a, err, errlen)) {
        scal_adj_free(a);
        return NULL;
    }
    for (uint32_t i = 0; i < a->m; i++) {
        scal_row_gen_init(&rg, a->m, p, seed, i);
        uint32_t *out = a->next + a->start[i];
        for (int64_t j; (j = scal_row_gen_next(&rg)) >= 0;)
            *out++ = (uint32_t)j;
    }
    return a;
}

scal_adj_t *scal_adj_from_graph(const scal_graph_t *g, char *err, size_t errlen)
{
    scal_adj_t *a = adj_new(g->m, err, errlen);
    if (!a)
        return NULL;
    for (uint32_t i = 0; i < g->m; i++)
        a->start[i + 1] = scal_graph_edges(g, i, i + 1);
    if (adj_alloc_next(a, err, errlen)) {
        scal_adj_free(a);
        return NULL;
    }
    for (uint32_t i = 0; i < g->m; i++)
        scal_graph_row(g, i, a->next + a->start[i]);
    return a;
}

int scal_mem_available(const char *meminfo, uint64_t *bytes, char *err, size_t errlen)
{
    if (!meminfo)
        meminfo = "/proc/meminfo";
    FILE *f = fopen(meminfo, "r");
    if (!f)
        return scal_errf(err, errlen, "%s: cannot read", meminfo);
    char line[256];
    int found = 0;
    unsigned long long kib = 0;
    while (!found && fgets(line, sizeof line, f))
        found = sscanf(line, "MemAvailable: %llu kB", &kib) == 1;
    fclose(f);
    if (!found)
        return scal_errf(err, errlen, "%s: no MemAvailable line", meminfo);
    *bytes = (uint64_t)kib * 1024;
    return 0;
}

int scal_mem_check(uint64_t need, const char *what, const char *meminfo, char *err, size_t errlen)
{
    uint64_t avail;
    if (scal_mem_available(meminfo, &avail, NULL, 0))
        return 0;
    if (need > avail)
        return scal_errf(err, errlen,
                         "%s needs %" PRIu64 " bytes (%.2f GiB) but MemAvailable is %" PRIu64
                         " bytes (%.2f GiB)",
                         what, need, (double)need / 1073741824.0, avail,
                         (double)avail / 1073741824.0);
    return 0;
}
