/* graph_sparse.c - the sparse (CSR + CSC) storage and its fills, adjacency
 * lists built in parallel from an edge source, and the Graph500 Kronecker
 * generator.  Layouts and contracts are in scal_graph.h.
 *
 * Building: an edge source hands out blocks of arcs that any thread can
 * produce alone (a slice of a file's arcs, a block of Kronecker edges).
 * scal_adj_build() produces every block twice, counting out-degrees with
 * atomic adds, then placing arcs at atomically advanced row cursors; each
 * row is then sorted and its repeats merged in parallel, and the rows are
 * packed down.  The storage is filled from those lists in two phases of
 * disjoint parts (rows, then columns), as the bitset storage is, so that
 * threads or the ranks of a node fill one shared block together.  A
 * Kronecker graph skips the lists: the same count, place, sort and merge
 * run in the storage itself, phase by phase, each part drawing its own
 * blocks (scal_kron_fill), so that the fillers of one block draw every edge
 * once between them. */
#include <inttypes.h>
#include <omp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scal_err.h"
#include "scal_graph.h"

static int check_m(uint64_t m, char *err, size_t errlen)
{
    if (m < 1 || m > SCAL_GRAPH_MAX_NODES)
        return scal_errf(err, errlen, "m = %" PRIu64 " nodes is outside 1..%u", m,
                         SCAL_GRAPH_MAX_NODES);
    return 0;
}

int scal_graph_sparse_bytes(uint64_t m, uint64_t arcs, size_t *bytes, char *err, size_t errlen)
{
    if (check_m(m, err, errlen))
        return -1;
    if (arcs > m * (m - 1))
        return scal_errf(err, errlen, "%" PRIu64 " arcs exceed the %" PRIu64
                         " a graph of %" PRIu64 " nodes can hold", arcs, m * (m - 1), m);
    uint64_t n = 16 * (m + 1);
    if (arcs > (UINT64_MAX - n) / 8 || n + 8 * arcs > SIZE_MAX)
        return scal_errf(err, errlen, "%" PRIu64 " arcs: sparse storage overflows size_t", arcs);
    *bytes = (size_t)(n + 8 * arcs);
    return 0;
}

int scal_graph_sparse_view(scal_graph_t *g, void *mem, size_t bytes, uint64_t m, uint64_t arcs,
                           char *err, size_t errlen)
{
    size_t need = 0;
    if (scal_graph_sparse_bytes(m, arcs, &need, err, errlen))
        return -1;
    if (!mem || (uintptr_t)mem % sizeof(uint64_t) != 0)
        return scal_errf(err, errlen, "graph memory %p is not 8-byte aligned", mem);
    if (bytes < need)
        return scal_errf(err, errlen, "graph memory holds %zu bytes, sparse storage of m = %"
                         PRIu64 " nodes and %" PRIu64 " arcs needs %zu", bytes, m, arcs, need);
    memset(g, 0, sizeof *g);
    g->m = (uint32_t)m;
    g->kernel = SCAL_KERNEL_SPARSE;
    g->arcs = arcs;
    g->words = (size_t)((m + 63) / 64); /* the kernel's bit vectors */
    g->out_start = mem;
    g->in_start = g->out_start + m + 1;
    g->out = (uint32_t *)(g->in_start + m + 1);
    g->in = g->out + arcs;
    return 0;
}

scal_kernel_t scal_storage_auto(uint64_t m, uint64_t arcs)
{
    size_t bitset;
    if (scal_graph_bytes(m, SCAL_KERNEL_BITSET, &bitset, NULL, 0) != 0 ||
        bitset > SCAL_AUTO_BITSET_MAX_BYTES)
        return SCAL_KERNEL_SPARSE;
    /* mean degree arcs / m against m / DIV, without dividing */
    return (unsigned __int128)arcs * SCAL_AUTO_BITSET_DEGREE_DIV >= (unsigned __int128)m * m
               ? SCAL_KERNEL_BITSET
               : SCAL_KERNEL_SPARSE;
}

int64_t scal_graph_sparse_fill_rows(scal_graph_t *g, const scal_adj_t *a, uint64_t r0, uint64_t r1,
                                    char *err, size_t errlen);
int scal_graph_sparse_fill_cols(scal_graph_t *g, uint64_t c0, uint64_t c1, char *err,
                                size_t errlen);

int64_t scal_graph_sparse_fill_rows(scal_graph_t *g, const scal_adj_t *a, uint64_t r0, uint64_t r1,
                                    char *err, size_t errlen)
{
    if (a->edges != g->arcs)
        return scal_errf(err, errlen, "adjacency lists hold %" PRIu64 " arcs, the storage %" PRIu64,
                         a->edges, g->arcs);
    memcpy(g->out_start + r0, a->start + r0, (size_t)(r1 - r0) * sizeof *g->out_start);
    if (r1 == g->m)
        g->out_start[g->m] = a->start[g->m];
    uint64_t k0 = a->start[r0], k1 = a->start[r1];
    memcpy(g->out + k0, a->next + k0, (size_t)(k1 - k0) * sizeof *g->out);
    return (int64_t)(k1 - k0);
}

/* Columns [c0, c1) from the rows: one pass counts their in-degrees and the
 * arcs into columns below c0 (where column c0 starts), a second places each
 * row's id in its columns, rows in increasing order so columns come out
 * ascending.  Every part reads all rows; each writes only its own range. */
int scal_graph_sparse_fill_cols(scal_graph_t *g, uint64_t c0, uint64_t c1, char *err,
                                size_t errlen)
{
    if (c0 == c1) {
        if (c1 == g->m)
            g->in_start[g->m] = g->arcs;
        return 0;
    }
    uint64_t *cur = calloc((size_t)(c1 - c0), sizeof *cur);
    if (!cur)
        return scal_errf(err, errlen, "out of memory for %" PRIu64 " column cursors", c1 - c0);
    const uint32_t lo = (uint32_t)c0, width = (uint32_t)(c1 - c0);
    uint64_t below = 0;
    for (uint64_t k = 0; k < g->arcs; k++) {
        uint32_t j = g->out[k] - lo; /* wraps for j < c0 */
        if (j < width)
            cur[j]++;
        else
            below += g->out[k] < lo;
    }
    for (uint32_t c = 0; c < width; c++) {
        uint64_t d = cur[c];
        g->in_start[c0 + c] = cur[c] = below;
        below += d;
    }
    if (c1 == g->m)
        g->in_start[g->m] = g->arcs;
    for (uint32_t i = 0; i < g->m; i++) {
        for (uint64_t k = g->out_start[i]; k < g->out_start[i + 1]; k++) {
            uint32_t j = g->out[k] - lo;
            if (j < width)
                g->in[cur[j]++] = i;
        }
    }
    free(cur);
    return 0;
}

/* Sort ids ascending: quicksort on the middle of three, insertion sort
 * for short runs (most rows of a sparse graph are short). */
static void sort_ids(uint32_t *x, size_t n)
{
    while (n > 24) {
        uint32_t a = x[0], b = x[n / 2], c = x[n - 1];
        uint32_t p = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
        size_t i = 0, j = n - 1;
        for (;;) {
            while (x[i] < p)
                i++;
            while (x[j] > p)
                j--;
            if (i >= j)
                break;
            uint32_t t = x[i];
            x[i++] = x[j];
            x[j--] = t;
        }
        /* [0, j] <= p <= [j + 1, n): recurse into the smaller side */
        size_t left = j + 1;
        if (left < n - left) {
            sort_ids(x, left);
            x += left;
            n -= left;
        } else {
            sort_ids(x + left, n - left);
            n = left;
        }
    }
    for (size_t i = 1; i < n; i++) {
        uint32_t v = x[i];
        size_t j = i;
        for (; j > 0 && x[j - 1] > v; j--)
            x[j] = x[j - 1];
        x[j] = v;
    }
}

struct bad_arc {
    int found;
    uint64_t block;
    uint32_t src, dst;
};

/* One pass over every arc of es, blocks in parallel, each thread with its
 * own buffers: count out-degrees into start[src + 1] (next == NULL, ids
 * checked against m, the first bad arc into *bad), or place arcs at the row
 * cursors start[src].  Self loops are skipped.  Returns -1 when memory for
 * the buffers runs out. */
static int each_arc(const scal_edge_source_t *es, uint64_t m, uint64_t *start, uint32_t *next,
                    struct bad_arc *bad)
{
    int oom = 0;
#pragma omp parallel
    {
        uint32_t *src = malloc(es->max_arcs * sizeof *src);
        uint32_t *dst = malloc(es->max_arcs * sizeof *dst);
        if (!src || !dst) {
#pragma omp atomic write
            oom = 1;
        }
#pragma omp for schedule(dynamic, 4)
        for (uint64_t b = 0; b < es->blocks; b++) {
            if (!src || !dst)
                continue;
            size_t n = es->block(es->ctx, b, src, dst);
            for (size_t k = 0; k < n; k++) {
                uint32_t u = src[k], v = dst[k];
                if (next) {
                    if (u != v)
                        next[__atomic_fetch_add(&start[u], 1, __ATOMIC_RELAXED)] = v;
                } else if (u >= m || v >= m) {
#pragma omp critical(scal_bad_arc)
                    if (!bad->found || b < bad->block)
                        *bad = (struct bad_arc){1, b, u, v};
                } else if (u != v) {
                    __atomic_fetch_add(&start[u + 1], 1, __ATOMIC_RELAXED);
                }
            }
        }
        free(src);
        free(dst);
    }
    return oom ? -1 : 0;
}

scal_adj_t *scal_adj_build(uint64_t m, const scal_edge_source_t *es, char *err, size_t errlen)
{
    if (check_m(m, err, errlen))
        return NULL;
    scal_adj_t *a = calloc(1, sizeof *a);
    uint32_t *deg = NULL;
    if (!a || !(a->start = calloc((size_t)m + 1, sizeof *a->start)))
        goto oom;
    a->m = (uint32_t)m;
    uint64_t *start = a->start;
    struct bad_arc bad = {0};
    if (each_arc(es, m, start, NULL, &bad))
        goto oom;
    if (bad.found) {
        scal_errf(err, errlen, "arc %u -> %u (block %" PRIu64 ") leaves nodes 0..%" PRIu64,
                  bad.src, bad.dst, bad.block, m - 1);
        scal_adj_free(a);
        return NULL;
    }
    for (uint64_t i = 0; i < m; i++)
        start[i + 1] += start[i];
    uint64_t total = start[m];
    if (!(a->next = malloc((size_t)(total ? total : 1) * sizeof *a->next)))
        goto oom;
    uint32_t *next = a->next;
    /* Place: start[i] advances to the end of row i, i.e. start[i + 1]. */
    if (each_arc(es, m, start, next, &bad))
        goto oom;
    memmove(start + 1, start, (size_t)m * sizeof *start);
    start[0] = 0;
    if (!(deg = malloc((size_t)m * sizeof *deg)))
        goto oom;
#pragma omp parallel for schedule(dynamic, 1024)
    for (uint64_t i = 0; i < m; i++) {
        uint32_t *row = next + start[i];
        size_t n = (size_t)(start[i + 1] - start[i]), u = 0;
        sort_ids(row, n);
        for (size_t k = 0; k < n; k++)
            if (k == 0 || row[k] != row[k - 1])
                row[u++] = row[k];
        deg[i] = (uint32_t)u;
    }
    uint64_t out = 0;
    for (uint64_t i = 0; i < m; i++) {
        uint64_t from = start[i];
        if (out != from)
            memmove(next + out, next + from, (size_t)deg[i] * sizeof *next);
        start[i] = out;
        out += deg[i];
    }
    start[m] = a->edges = out;
    free(deg);
    if (out < total) {
        uint32_t *shrunk = realloc(a->next, (size_t)(out ? out : 1) * sizeof *a->next);
        if (shrunk)
            a->next = shrunk;
    }
    return a;
oom:
    free(deg);
    scal_adj_free(a);
    scal_errf(err, errlen, "out of memory for the adjacency lists of m = %" PRIu64 " nodes", m);
    return NULL;
}

/* Arc arrays as an edge source: block b is arcs [b * ARC_BLOCK, ...). */
#define ARC_BLOCK 65536
struct arc_arrays {
    size_t n;
    const uint32_t *src, *dst;
};

static size_t arc_block(const void *ctx, uint64_t b, uint32_t *src, uint32_t *dst)
{
    const struct arc_arrays *x = ctx;
    size_t k0 = (size_t)b * ARC_BLOCK, n = x->n - k0 < ARC_BLOCK ? x->n - k0 : ARC_BLOCK;
    memcpy(src, x->src + k0, n * sizeof *src);
    memcpy(dst, x->dst + k0, n * sizeof *dst);
    return n;
}

scal_adj_t *scal_adj_from_arcs(uint64_t m, size_t n, const uint32_t *src, const uint32_t *dst,
                               char *err, size_t errlen)
{
    struct arc_arrays x = {n, src, dst};
    scal_edge_source_t es = {(n + ARC_BLOCK - 1) / ARC_BLOCK, ARC_BLOCK, arc_block, &x};
    return scal_adj_build(m, &es, err, errlen);
}

/* --- Graph500 Kronecker --- */

int scal_kron_check(const scal_kron_t *k, char *err, size_t errlen)
{
    if (k->scale < 1 || k->scale > SCAL_KRON_MAX_SCALE)
        return scal_errf(err, errlen, "scale %u is outside 1..%d", k->scale, SCAL_KRON_MAX_SCALE);
    if (k->edge_factor < 1 || k->edge_factor > SCAL_KRON_MAX_EDGE_FACTOR)
        return scal_errf(err, errlen, "edge factor %" PRIu64 " is outside 1..%d", k->edge_factor,
                         SCAL_KRON_MAX_EDGE_FACTOR);
    return 0;
}

/* The node permutation: a keyed bijection on scale bits. Adding a key,
 * multiplying by an odd key and x ^= x >> s are each invertible mod 2^scale. */
static uint32_t kron_perm(const scal_kron_t *k, uint64_t x)
{
    const uint64_t mask = (UINT64_C(1) << k->scale) - 1;
    const uint64_t key = scal_mix64(k->seed ^ SCAL_KRON_SALT);
    const unsigned sh = (k->scale + 1) / 2;
    x = (x + key) & mask;
    x = (x * (scal_mix64(key + 1) | 1)) & mask;
    x ^= x >> sh;
    x = (x * (scal_mix64(key + 2) | 1)) & mask;
    x ^= x >> sh;
    x = (x * (scal_mix64(key + 3) | 1)) & mask;
    return (uint32_t)x;
}

/* Graph500's initiator A, B, C (D = 1 - A - B - C) as 32-bit thresholds. */
#define KRON_T_A ((uint64_t)(0.57 * 4294967296.0))
#define KRON_T_AB ((uint64_t)(0.76 * 4294967296.0))
#define KRON_T_ABC ((uint64_t)(0.95 * 4294967296.0))

/* The next edge from rng: one 32-bit draw per level, two per 64-bit word. */
static void kron_draw(const scal_kron_t *k, scal_rng_t *rng, uint32_t *u, uint32_t *v)
{
    uint64_t a = 0, b = 0, word = 0;
    for (unsigned level = 0; level < k->scale; level++) {
        uint64_t r;
        if (level % 2 == 0) {
            word = scal_rng_next(rng);
            r = word >> 32;
        } else {
            r = word & 0xffffffffu;
        }
        unsigned ub = r >= KRON_T_AB, vb = (r >= KRON_T_A && r < KRON_T_AB) || r >= KRON_T_ABC;
        a = a << 1 | ub;
        b = b << 1 | vb;
    }
    *u = kron_perm(k, a);
    *v = kron_perm(k, b);
}

void scal_kron_edge(const scal_kron_t *k, uint64_t e, uint32_t *u, uint32_t *v)
{
    scal_rng_t rng = scal_rng_init(k->seed ^ SCAL_KRON_SALT, e / SCAL_KRON_BLOCK);
    for (uint64_t i = e - e % SCAL_KRON_BLOCK; i <= e; i++)
        kron_draw(k, &rng, u, v);
}

static size_t kron_block(const void *ctx, uint64_t b, uint32_t *src, uint32_t *dst)
{
    const scal_kron_t *k = ctx;
    uint64_t edges = k->edge_factor << k->scale, e0 = b * SCAL_KRON_BLOCK;
    uint64_t n = edges - e0 < SCAL_KRON_BLOCK ? edges - e0 : SCAL_KRON_BLOCK;
    scal_rng_t rng = scal_rng_init(k->seed ^ SCAL_KRON_SALT, b);
    for (uint64_t i = 0; i < n; i++) {
        kron_draw(k, &rng, &src[2 * i], &dst[2 * i]);
        src[2 * i + 1] = dst[2 * i];
        dst[2 * i + 1] = src[2 * i];
    }
    return (size_t)(2 * n);
}

scal_edge_source_t scal_kron_source(const scal_kron_t *k)
{
    uint64_t edges = k->edge_factor << k->scale;
    return (scal_edge_source_t){(edges + SCAL_KRON_BLOCK - 1) / SCAL_KRON_BLOCK,
                                2 * SCAL_KRON_BLOCK, kron_block, k};
}

scal_adj_t *scal_adj_kron(const scal_kron_t *k, char *err, size_t errlen)
{
    if (scal_kron_check(k, err, errlen))
        return NULL;
    scal_edge_source_t es = scal_kron_source(k);
    return scal_adj_build(UINT64_C(1) << k->scale, &es, err, errlen);
}

/* --- Kronecker graphs built straight into sparse storage --- */

uint64_t scal_kron_arcs_bound(const scal_kron_t *k)
{
    return 2 * (k->edge_factor << k->scale);
}

int scal_kron_fills_storage(const scal_kron_t *k)
{
    uint64_t m = UINT64_C(1) << k->scale;
    return scal_kron_arcs_bound(k) <= m * (m - 1);
}

/* [lo, hi): part `part` of `nparts` of [0, n). */
static void slice(uint64_t n, uint64_t part, uint64_t nparts, uint64_t *lo, uint64_t *hi)
{
    *lo = (uint64_t)((unsigned __int128)n * part / nparts);
    *hi = (uint64_t)((unsigned __int128)n * (part + 1) / nparts);
}

/* Draw this part's blocks of edges: count each arc u -> v (u != v) at
 * out_start[u + 1] (count), or place v at row u's cursor in_start[u] of the
 * scratch array in[] (the columns' room, free until the last phase). */
static int kron_draw_slice(const scal_graph_t *g, const scal_kron_t *k, uint64_t part,
                           uint64_t nparts, int count, char *err, size_t errlen)
{
    scal_edge_source_t es = scal_kron_source(k);
    uint64_t b0, b1;
    slice(es.blocks, part, nparts, &b0, &b1);
    if (b0 == b1)
        return 0;
    uint32_t *src = malloc(es.max_arcs * sizeof *src), *dst = malloc(es.max_arcs * sizeof *dst);
    if (!src || !dst) {
        free(src);
        free(dst);
        return scal_errf(err, errlen, "out of memory for a block of %zu arcs", es.max_arcs);
    }
    for (uint64_t b = b0; b < b1; b++) {
        size_t n = kron_block(k, b, src, dst);
        for (size_t i = 0; i < n; i++) {
            uint32_t u = src[i], v = dst[i];
            if (u == v)
                continue;
            if (count)
                __atomic_fetch_add(&g->out_start[u + 1], 1, __ATOMIC_RELAXED);
            else
                g->in[__atomic_fetch_add(&g->in_start[u], 1, __ATOMIC_RELAXED)] = v;
        }
    }
    free(src);
    free(dst);
    return 0;
}

/* Phases (rows and blocks split evenly among the parts; "part 0" phases are
 * short sequential scans of the offsets):
 *   0  zero this part's degree counters out_start[r0 + 1 .. r1 + 1)
 *   1  draw this part's blocks, counting out-degrees (repeats included)
 *   2  part 0: counts to row offsets in out_start, copied to in_start as
 *      the rows' cursors
 *   3  draw the blocks again, placing each arc at its row's cursor in in[]
 *   4  sort and merge this part's rows in in[]; in_start[i] = row i's
 *      length without repeats
 *   5  part 0: those lengths to offsets in in_start (in_start[m] = arcs)
 *   6  move this part's rows to their final place in out[], and their
 *      offsets to out_start
 *   7  the columns, from the rows (scal_graph_fill_cols) */
int scal_kron_fill(const scal_graph_t *g, const scal_kron_t *k, int phase, uint64_t part,
                   uint64_t nparts, char *err, size_t errlen)
{
    const uint64_t m = g->m;
    if (g->kernel != SCAL_KERNEL_SPARSE || m != UINT64_C(1) << k->scale ||
        g->arcs != scal_kron_arcs_bound(k) || nparts < 1 || part >= nparts)
        return scal_errf(err, errlen, "Kronecker fill: part %" PRIu64 " of %" PRIu64
                         " on storage not laid out for scale %u (sparse, %" PRIu64 " arcs)",
                         part, nparts, k->scale, scal_kron_arcs_bound(k));
    uint64_t r0, r1;
    slice(m, part, nparts, &r0, &r1);
    uint64_t *out_start = g->out_start, *in_start = g->in_start;
    switch (phase) {
    case 0:
        memset(out_start + r0 + 1, 0, (size_t)(r1 - r0) * sizeof *out_start);
        if (part == 0)
            out_start[0] = 0;
        return 0;
    case 1:
    case 3:
        return kron_draw_slice(g, k, part, nparts, phase == 1, err, errlen);
    case 2:
        if (part == 0) {
            for (uint64_t i = 0; i < m; i++)
                out_start[i + 1] += out_start[i];
            memcpy(in_start, out_start, (size_t)(m + 1) * sizeof *in_start);
        }
        return 0;
    case 4:
        for (uint64_t i = r0; i < r1; i++) {
            uint32_t *row = g->in + out_start[i];
            size_t n = (size_t)(out_start[i + 1] - out_start[i]), u = 0;
            sort_ids(row, n);
            for (size_t j = 0; j < n; j++)
                if (j == 0 || row[j] != row[j - 1])
                    row[u++] = row[j];
            in_start[i] = u;
        }
        return 0;
    case 5:
        if (part == 0) {
            uint64_t sum = 0;
            for (uint64_t i = 0; i < m; i++) {
                uint64_t d = in_start[i];
                in_start[i] = sum;
                sum += d;
            }
            in_start[m] = sum;
        }
        return 0;
    case 6:
        for (uint64_t i = r0; i < r1; i++) {
            uint64_t raw = out_start[i];
            memcpy(g->out + in_start[i], g->in + raw,
                   (size_t)(in_start[i + 1] - in_start[i]) * sizeof *g->out);
            out_start[i] = in_start[i];
        }
        if (part == nparts - 1)
            out_start[m] = in_start[m];
        return 0;
    case 7: {
        scal_graph_t held = *g;
        held.arcs = out_start[m];
        return scal_graph_sparse_fill_cols(&held, r0, r1, err, errlen);
    }
    default:
        return scal_errf(err, errlen, "Kronecker fill: no phase %d", phase);
    }
}
