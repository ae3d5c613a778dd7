/* scal_graph.h - the `paths` workload's directed graph: generation, storage
 * in caller-provided memory, adjacency lists, Matrix Market I/O.
 *
 * A graph has m nodes (1 <= m <= SCAL_GRAPH_MAX_NODES) and no self loops.
 *
 * Storage, one layout per kernel, in one block of memory the caller provides
 * (malloc, or an MPI shared window so that a node holds one copy):
 *   sparse  CSR and CSC: out_start[m + 1] and in_start[m + 1] (uint64
 *           offsets), then out[arcs] and in[arcs] (uint32 ids): the
 *           out-neighbours of i are out[out_start[i] .. out_start[i+1]),
 *           the in-neighbours of j in[in_start[j] .. in_start[j+1]), both
 *           ascending.  16 (m + 1) + 8 arcs bytes: the size needs the arc
 *           count, so it has its own scal_graph_sparse_bytes()/_view();
 *   bitset  m rows of W = ceil(m / 64) uint64 words (bit j % 64 of word j / 64
 *           of row i is the edge i->j), then m columns of W words (bit i of
 *           column j is the same edge), so searches can go forward over rows
 *           and backward over columns;
 *   matvec  a dense row-major m x m uint8 matrix, 1 for an edge: the seed's
 *           numpy form.
 * Filling goes in two passes.  scal_graph_fill_random() (or _fill_adj())
 * writes rows [r0, r1); callers may fill disjoint row ranges in parallel.
 * Once every row is written, scal_graph_fill_cols() writes columns [c0, c1)
 * of the bitset storage from the rows, again in parallel over disjoint
 * ranges.  Each fill writes every byte of its range, so the memory needs no
 * zeroing and is first touched by whoever fills it.
 *
 * Generated graphs: edge i->j (j != i) with probability p, independently.
 * Row i comes from RNG stream (seed, i) by geometric skipping: the gap to the
 * next edge among the m - 1 candidates j != i (in increasing j) is
 * floor(log(U) / log(1 - p)), U uniform in (0, 1].  A row costs time
 * proportional to 1 + its edges, and does not depend on who builds it or on
 * how rows are split among workers.  p = 0 and p = 1 are exact (no edges,
 * every edge) and draw no numbers.
 *
 * Nothing here is global: every function works on the objects it is given,
 * and the read-only functions may be called from many threads at once.
 */
#ifndef SCAL_GRAPH_H
#define SCAL_GRAPH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "scal_rng.h"

/* Node ids are uint32_t and distances int32_t; this keeps both in range. */
#define SCAL_GRAPH_MAX_NODES 0x7fffffffu

typedef enum scal_kernel {
    SCAL_KERNEL_BITSET = 0, /* the default, the fast one */
    SCAL_KERNEL_MATVEC = 1, /* the seed's repeated vector-matrix products */
    SCAL_KERNEL_SPARSE = 2, /* CSR + CSC, for large sparse graphs */
} scal_kernel_t;

/* "bitset", "matvec" or "sparse". */
const char *scal_kernel_name(scal_kernel_t kernel);

/* Parse a kernel name into *kernel.  Returns 0, or -1 naming the bad name. */
int scal_kernel_parse(const char *name, scal_kernel_t *kernel, char *err, size_t errlen);

/* A view of graph storage that lives elsewhere; copying the struct is cheap
 * and the view owns nothing. */
typedef struct scal_graph {
    uint32_t m;           /* nodes */
    scal_kernel_t kernel; /* which layout the memory holds */
    size_t words;         /* bitset: uint64 words per row and per column */
    uint64_t *rows;       /* bitset: m x words, out-neighbours of each node */
    uint64_t *cols;       /* bitset: m x words, in-neighbours of each node */
    uint8_t *dense;       /* matvec: m x m */
    uint64_t arcs;        /* sparse: arcs held */
    uint64_t *out_start;  /* sparse: m + 1 offsets into out */
    uint64_t *in_start;   /* sparse: m + 1 offsets into in */
    uint32_t *out;        /* sparse: out-neighbours, row by row */
    uint32_t *in;         /* sparse: in-neighbours, column by column */
} scal_graph_t;

/* Exact bytes of storage for m nodes in `kernel`'s layout (bitset or
 * matvec; sparse needs scal_graph_sparse_bytes()), in *bytes.
 * Returns 0, or -1 naming m when it is 0, above SCAL_GRAPH_MAX_NODES, the
 * kernel is sparse, or the size overflows size_t. */
int scal_graph_bytes(uint64_t m, scal_kernel_t kernel, size_t *bytes, char *err, size_t errlen);

/* Allocate `bytes` of graph storage (release with free()), aligned to
 * 2 MiB and advised to be backed by transparent huge pages: searches jump
 * from row to row, and with 4 KiB pages nearly every row costs a TLB miss
 * (about 10% of a query at m = 20000).  Memory from elsewhere (an MPI
 * window) works as well without this.  Returns NULL when memory runs out,
 * with a message naming the bytes. */
void *scal_graph_alloc(size_t bytes, char *err, size_t errlen);

/* Lay a view for m nodes in `kernel`'s layout over mem (8-byte aligned; 64
 * is better), which holds `bytes` bytes.  Reads and writes nothing in mem.
 * Returns 0, or -1 when m is invalid, mem is NULL or misaligned, or bytes is
 * smaller than scal_graph_bytes() (the message gives both sizes). */
int scal_graph_view(scal_graph_t *g, void *mem, size_t bytes, uint64_t m, scal_kernel_t kernel,
                    char *err, size_t errlen);

/* The sparse layout's bytes and view, as scal_graph_bytes() and
 * scal_graph_view() for the others: 16 (m + 1) + 8 arcs bytes.  -1 also when
 * arcs exceeds m (m - 1), which no graph without self loops holds. */
int scal_graph_sparse_bytes(uint64_t m, uint64_t arcs, size_t *bytes, char *err, size_t errlen);
int scal_graph_sparse_view(scal_graph_t *g, void *mem, size_t bytes, uint64_t m, uint64_t arcs,
                           char *err, size_t errlen);

/* --storage auto: the layout the paths search should use for m nodes and
 * about `arcs` arcs: bitset only while it is small (at most
 * SCAL_AUTO_BITSET_MAX_BYTES) and dense enough to beat sparse (mean degree
 * at least m / SCAL_AUTO_BITSET_DEGREE_DIV); else sparse.  The constants
 * are the crossover measured by bench/graphs.sh (README, "Graph storage"). */
#define SCAL_AUTO_BITSET_MAX_BYTES ((uint64_t)1 << 30)
#define SCAL_AUTO_BITSET_DEGREE_DIV 256
scal_kernel_t scal_storage_auto(uint64_t m, uint64_t arcs);

/* Check that p is a probability in [0, 1].  Returns 0, or -1 naming p. */
int scal_graph_check_p(double p, char *err, size_t errlen);

/* Write rows [r0, r1) of the generated graph (m = g->m, p, seed) into g.
 * Returns the number of edges written, or -1 when p is not in [0, 1] or the
 * range is not within [0, m] (the message names them). */
int64_t scal_graph_fill_random(scal_graph_t *g, double p, uint64_t seed, uint64_t r0, uint64_t r1,
                               char *err, size_t errlen);

struct scal_adj;

/* Write rows [r0, r1) of the graph held as adjacency lists (say, read from
 * Matrix Market) into g.  For sparse storage a must hold exactly g->arcs
 * arcs, and rows [r0, r1) go to out_start[r0..r1) and their out[] range
 * (the last part also writes out_start[m]).  Returns the number of edges written, or -1 when a
 * and g differ in m or the range is not within [0, m]. */
int64_t scal_graph_fill_adj(scal_graph_t *g, const struct scal_adj *a, uint64_t r0, uint64_t r1,
                            char *err, size_t errlen);

/* After every row is filled: write columns [c0, c1) of the bitset storage,
 * or in_start[c0..c1) and those columns' in[] range of the sparse one (the
 * last part also writes in_start[m]); does nothing for matvec.  Reads all
 * rows, writes only those columns.
 * Returns 0, or -1 when the range is not within [0, m]. */
int scal_graph_fill_cols(scal_graph_t *g, uint64_t c0, uint64_t c1, char *err, size_t errlen);

/* 1 if the edge i->j is in g, else 0.  i, j < g->m. */
static inline int scal_graph_has_edge(const scal_graph_t *g, uint32_t i, uint32_t j)
{
    if (g->kernel == SCAL_KERNEL_SPARSE) {
        uint64_t lo = g->out_start[i], hi = g->out_start[i + 1];
        while (lo < hi) {
            uint64_t mid = lo + (hi - lo) / 2;
            if (g->out[mid] < j)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo < g->out_start[i + 1] && g->out[lo] == j;
    }
    if (g->kernel == SCAL_KERNEL_MATVEC)
        return g->dense[(size_t)i * g->m + j] != 0;
    return (int)((g->rows[(size_t)i * g->words + j / 64] >> (j % 64)) & 1);
}

/* Write the out-neighbours of node i < g->m into out (room for g->m - 1
 * ids), ascending.  Returns their number; cannot fail. */
uint32_t scal_graph_row(const scal_graph_t *g, uint32_t i, uint32_t *out);

/* Number of edges in rows [r0, r1), r0 <= r1 <= g->m; cannot fail. */
uint64_t scal_graph_edges(const scal_graph_t *g, uint32_t r0, uint32_t r1);

/* One row of a generated graph, produced lazily in increasing column order.
 * Any worker can produce any row alone; the graph fills, the adjacency
 * lists and the tests all draw rows through this one generator. */
typedef struct scal_row_gen {
    scal_rng_t rng;
    double log_q;    /* log(1 - p), < 0; unused when p is 0 or 1 */
    uint32_t row;    /* the node whose out-neighbours these are */
    uint32_t n;      /* candidates: m - 1 (self loops excluded) */
    uint32_t pos;    /* next candidate to consider, 0..n */
    int all;         /* p == 1: every candidate, no draws */
} scal_row_gen_t;

/* Start row `row` (< m) of the graph (m, p, seed); p must be in [0, 1]
 * (see scal_graph_check_p), m >= 1. */
void scal_row_gen_init(scal_row_gen_t *rg, uint32_t m, double p, uint64_t seed, uint32_t row);

/* The next out-neighbour of the row, or -1 when the row is done. */
int64_t scal_row_gen_next(scal_row_gen_t *rg);

/* Adjacency lists (CSR): the out-neighbours of node i, ascending and
 * without repeats or self loops, are next[start[i]] .. next[start[i+1]-1].
 * The reference BFS runs on these, and Matrix Market files arrive as these. */
typedef struct scal_adj {
    uint32_t m;
    uint64_t edges;
    uint64_t *start; /* m + 1 */
    uint32_t *next;  /* edges */
} scal_adj_t;

/* Adjacency lists of the generated graph (m, p, seed), built from the same
 * row generator as the storage, independently of it.  Returns NULL when m or
 * p is invalid or memory runs out. */
scal_adj_t *scal_adj_generate(uint64_t m, double p, uint64_t seed, char *err, size_t errlen);

/* Adjacency lists read back from filled storage.  Returns NULL when memory
 * runs out. */
scal_adj_t *scal_adj_from_graph(const scal_graph_t *g, char *err, size_t errlen);

/* Adjacency lists of the n arcs src[k] -> dst[k] on m nodes, sorted, with
 * repeats merged and self loops dropped.  Returns NULL when m is invalid, an
 * id is >= m (the message names the arc), or memory runs out.  Built in
 * parallel (scal_adj_build). */
scal_adj_t *scal_adj_from_arcs(uint64_t m, size_t n, const uint32_t *src, const uint32_t *dst,
                               char *err, size_t errlen);

/* An edge source: arcs in `blocks` blocks that any thread can produce
 * alone, block b's arcs written into src/dst (room for max_arcs) by
 * block(ctx, b, src, dst), which returns their number. */
typedef struct scal_edge_source {
    uint64_t blocks;
    size_t max_arcs;
    size_t (*block)(const void *ctx, uint64_t b, uint32_t *src, uint32_t *dst);
    const void *ctx;
} scal_edge_source_t;

/* Adjacency lists of every arc of `es` on m nodes, as scal_adj_from_arcs(),
 * built with OpenMP threads: the blocks are produced twice (once to count
 * degrees, once to place arcs), so no arc list is ever held whole.
 * Returns NULL when an id is >= m (the message names the block), or memory
 * runs out. */
scal_adj_t *scal_adj_build(uint64_t m, const scal_edge_source_t *es, char *err, size_t errlen);

/* Graph500 Kronecker graphs: 2^scale nodes, edge_factor * 2^scale edges,
 * each drawn by recursing `scale` times into the quadrants of the adjacency
 * matrix with probabilities A, B, C, D = 0.57, 0.19, 0.19, 0.05, then both
 * endpoints relabelled by a permutation of the nodes (as Graph500 does, so
 * that degree does not follow the id).  The permutation is a keyed
 * bijection on scale bits (multiply by an odd key, xor-shift, twice), and
 * edge e is drawn from RNG stream (seed ^ SCAL_KRON_SALT, e / block) so any
 * worker can draw any block alone.  The graph is undirected as Graph500's:
 * every edge gives both arcs; self loops and repeats go (scal_adj_build). */
#define SCAL_KRON_SALT UINT64_C(0x6b726f6e65636b72) /* "kroneckr" */
#define SCAL_KRON_BLOCK 4096 /* edges per RNG stream */
#define SCAL_KRON_MAX_SCALE 30
#define SCAL_KRON_MAX_EDGE_FACTOR 1024
typedef struct scal_kron {
    unsigned scale;
    uint64_t edge_factor;
    uint64_t seed;
} scal_kron_t;

/* Check scale (1..SCAL_KRON_MAX_SCALE) and edge factor
 * (1..SCAL_KRON_MAX_EDGE_FACTOR).  Returns 0, or -1 naming the bad one. */
int scal_kron_check(const scal_kron_t *k, char *err, size_t errlen);

/* The edge source of the Kronecker graph k (k must outlive it). */
scal_edge_source_t scal_kron_source(const scal_kron_t *k);

/* Edge e's endpoints (before symmetrizing); for tests. */
void scal_kron_edge(const scal_kron_t *k, uint64_t e, uint32_t *u, uint32_t *v);

/* Adjacency lists of the Kronecker graph.  NULL as scal_adj_build(). */
scal_adj_t *scal_adj_kron(const scal_kron_t *k, char *err, size_t errlen);

/* The Kronecker graph built straight into sparse storage by the workers
 * that will share it, with no adjacency lists, so that a node (its ranks
 * over a shared window, or its threads) draws every edge once between them:
 * SCAL_KRON_FILL_PHASES phases; in each, parts 0..nparts-1 may run in
 * parallel and every part must end before the next phase starts.  Each part
 * draws its own slice of the edge blocks (to count, then to place) and
 * sorts and merges its own slice of rows.  The storage is laid out by
 * scal_graph_sparse_view() for scal_kron_arcs_bound() arcs (every edge
 * drawn, both ways); self loops and repeats go, so once filled it holds
 * fewer: exactly scal_adj_kron()'s lists, whatever nparts, their number in
 * out_start[m] (= in_start[m]; put it in g->arcs then).  Of the room for
 * arcs not held, out[]'s is never written, in[]'s only for repeats.
 * scal_kron_fills_storage(): 0 when the bound exceeds m (m - 1) arcs (tiny
 * scales with large edge factors), which must go through scal_adj_kron(). */
#define SCAL_KRON_FILL_PHASES 8
uint64_t scal_kron_arcs_bound(const scal_kron_t *k);
int scal_kron_fills_storage(const scal_kron_t *k);
/* One part of one phase.  g: the view laid out as above (g->arcs the
 * bound).  Returns 0, or -1 when the storage is not that layout or memory
 * for a block of edges runs out. */
int scal_kron_fill(const scal_graph_t *g, const scal_kron_t *k, int phase, uint64_t part,
                   uint64_t nparts, char *err, size_t errlen);

/* Graph files.  scal_graph_read() reads FILE in `format`:
 *   mtx   Matrix Market (scal_mm_read);
 *   snap  SNAP-style edge list: "u v" per line (0-based, blanks or tabs
 *         between), '#' comment lines and blank lines skipped; m is the
 *         largest id + 1, or N if a comment "# Nodes: N Edges: E" (SNAP's
 *         header, which scal_el_fprint() writes too) declares more; such a
 *         header's E is the number of lines that must follow it (fewer: a
 *         truncated file);
 *   el    GAP's .el ("u v" lines, 0-based): read by the same reader;
 *   auto  by extension: .mtx .mm -> mtx, .el -> el, anything else -> snap,
 *         unless the first line is a %%MatrixMarket banner (then mtx).
 * Every arc is directed as written (an undirected graph lists both, as
 * GAP's converter writes symmetrized graphs); self loops are dropped and
 * repeats merged, as for Matrix Market.  Refused with "FILE:LINE: ..." and
 * nothing kept: an id that is not a decimal integer, negative, or at or
 * above 2^32; m above SCAL_GRAPH_MAX_NODES; a line longer than
 * SCAL_GRAPH_LINE_MAX bytes; garbage after "u v"; a last line without an
 * end of line (a truncated file); fewer lines than a declared E; a declared
 * size whose sparse storage would not fit in MemAvailable (refused before
 * anything is allocated for it). */
typedef enum scal_graph_format {
    SCAL_GRAPH_AUTO = 0,
    SCAL_GRAPH_MTX = 1,
    SCAL_GRAPH_SNAP = 2,
    SCAL_GRAPH_EL = 3,
} scal_graph_format_t;
#define SCAL_GRAPH_LINE_MAX 4096
scal_adj_t *scal_graph_read(const char *path, scal_graph_format_t format, char *err,
                            size_t errlen);

/* Every graph file the readers take is opened by this one function ("r",
 * with "FILE: cannot open: why" in err when it fails). */
FILE *scal_graph_open(const char *path, char *err, size_t errlen);

/* The format scal_graph_read() would use for path (never AUTO). */
scal_graph_format_t scal_graph_format_of(const char *path, scal_graph_format_t format);

/* g as a 0-based edge list ("u v" lines after a "# Nodes: M Edges: E"
 * comment), the form the snap and el readers take.  Write errors show in
 * ferror(f).  Returns 0, or -1 when memory for a row runs out. */
int scal_el_fprint(const scal_graph_t *g, FILE *f, char *err, size_t errlen);

void scal_adj_free(scal_adj_t *a);

/* Longest Matrix Market line: an entry is two indices and a value; a
 * comment longer than this is refused, naming the line. */
#define SCAL_MM_MAX_LINE 4096

/* Read a Matrix Market coordinate file ("%%MatrixMarket matrix coordinate
 * pattern|integer|real general|symmetric"; qualifiers in any case) into
 * adjacency lists.  Entry "i j [value]" (1-based) is the edge i-1 -> j-1
 * unless its value is zero; symmetric files add j-1 -> i-1 as well.  An
 * entry given twice is one edge.  Self loops (i == j) are accepted and
 * dropped: the graph model has none, and a path of 0 hops already joins a
 * node to itself, so they could never change an answer.  Comment lines
 * ('%') and blank lines are skipped.
 * Returns NULL with "FILE:LINE: ..." on a bad header, a bad size line (not
 * three integers, rows or cols < 1, rows != cols, nnz < 0, rows above
 * SCAL_GRAPH_MAX_NODES, or so many rows and entries that the smallest
 * storage layout of the graph (sparse, for the announced entries) would
 * exceed MemAvailable: refused before any list is made), an
 * index outside 1..rows, a bad value, garbage on a
 * line, more entries than announced or fewer (LINE is then the line after
 * the last), a line longer than SCAL_MM_MAX_LINE or holding a NUL byte, or
 * memory running out; "FILE: ..." when the file cannot be opened or read or
 * is not a regular file (scal_input_open: a directory, a FIFO, /dev/zero).
 * A UTF-8 byte-order mark before the header is skipped. */
scal_adj_t *scal_mm_read(const char *path, char *err, size_t errlen);

/* Write g to path as "%%MatrixMarket matrix coordinate pattern general",
 * 1-based, rows in order.  Returns 0, or -1 with "FILE: ..." when the file
 * cannot be written. */
int scal_mm_write(const scal_graph_t *g, const char *path, char *err, size_t errlen);

/* The same text to an open stream; write errors show in ferror(f).
 * Returns 0, or -1 when memory for a row runs out. */
int scal_mm_fprint(const scal_graph_t *g, FILE *f, char *err, size_t errlen);

/* MemAvailable from `meminfo` (NULL: /proc/meminfo) in bytes, in *bytes.
 * Returns 0, or -1 when the file cannot be read or has no MemAvailable. */
int scal_mem_available(const char *meminfo, uint64_t *bytes, char *err, size_t errlen);

/* Refuse `need` bytes of `what` (say "graph storage (bitset, m = 100000)")
 * when they exceed MemAvailable.  Returns 0 when they fit, or when MemAvailable
 * cannot be read (nothing to check against); -1 when they do not fit, with a
 * message giving both byte counts. */
int scal_mem_check(uint64_t need, const char *what, const char *meminfo, char *err, size_t errlen);

#endif
