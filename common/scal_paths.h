/* scal_paths.h - the `paths` workload: query pairs, the hop-limited distance
 * kernels, the reference BFS and result validation.
 *
 * The answer for a pair (s, t) with hop limit h >= 0 is the smallest d in
 * 0..h such that a directed path of d hops leads from s to t (0 when s == t),
 * else -1.  Kernels (chosen by the graph's layout, see scal_graph.h):
 *   matvec  the seed's method, kept as the baseline: frontier vector v
 *           (uint8), next = clamp01(v x A) as a full vector-matrix product,
 *           hop after hop, until t is reached or h hops are done;
 *   bitset  bidirectional, direction-optimizing BFS over bit-packed rows and
 *           columns with early exit (paths_bitset.c says how).
 * Kernels are pure functions of the graph and their arguments; the only
 * memory they write is a scratch object, one per thread.
 */
#ifndef SCAL_PATHS_H
#define SCAL_PATHS_H

#include <stddef.h>
#include <stdint.h>

#include "scal_graph.h"

typedef struct scal_pair {
    uint32_t source, target;
} scal_pair_t;

/* Pair k of a generated query set is drawn from RNG stream
 * (seed ^ SCAL_PAIRS_SALT, k): source first, then target, each uniform in
 * 0..m-1 (they may be equal).  The salt keeps pair k's numbers apart from
 * graph row k's, which use stream (seed, k). */
#define SCAL_PAIRS_SALT UINT64_C(0x7061697273716b21) /* "pairsqk!" */

/* Pair k of the generated query set on m >= 1 nodes; any worker can draw any
 * pair alone.  Cannot fail. */
scal_pair_t scal_pair_draw(uint32_t m, uint64_t seed, uint64_t k);

/* Pairs 0..q-1 into pairs[0..q-1]. */
void scal_pairs_generate(scal_pair_t *pairs, size_t q, uint32_t m, uint64_t seed);

/* Longest line of a pairs file: two 10-digit ids and blanks fit many times. */
#define SCAL_PAIRS_MAX_LINE 256

/* Read query pairs from a CSV file of "source,target" lines (0-based node
 * ids below m; blanks around fields allowed).  The file is opened with
 * scal_input_open (a regular file, of bounded size).  A UTF-8 byte-order
 * mark is skipped; the first line that is not blank may be a header (it
 * starts with a letter, '_' or a quote) and is skipped; blank lines are
 * skipped.  On success *pairs (free() it) holds *q >= 1 pairs and 0 is
 * returned.  Returns -1 with "FILE:LINE: ..." on a malformed line, a header
 * anywhere else, a line longer than SCAL_PAIRS_MAX_LINE, an id outside
 * 0..m-1, more than SCAL_MAX_TASKS pairs (the --pairs limit; grouping
 * numbers them in 32 bits), or memory running out; "FILE: ..." when the
 * file cannot be opened or read, is not a regular file, or holds no pairs. */
int scal_pairs_read_csv(const char *path, uint32_t m, scal_pair_t **pairs, size_t *q, char *err,
                        size_t errlen);

/* Per-thread working memory of a kernel for one graph: create it once per
 * thread (after the graph is filled: the bitset kernel samples a few rows to
 * tune its push/pull choice; answers never depend on it) and reuse it for
 * every query.  bitset: 6 bit vectors, 6 * m / 8 bytes; matvec: 5 m bytes.
 * Returns NULL when memory runs out. */
typedef struct scal_paths_scratch scal_paths_scratch_t;
scal_paths_scratch_t *scal_paths_scratch_new(const scal_graph_t *g);
void scal_paths_scratch_free(scal_paths_scratch_t *s);

/* Distance from source to target (both < g->m) within h >= 0 hops, or -1;
 * s must come from scal_paths_scratch_new() on this graph.  Cannot fail. */
int scal_paths_distance(const scal_graph_t *g, scal_paths_scratch_t *s, uint32_t source,
                        uint32_t target, int h);

/* Grouped queries: the distances from one source to n targets (repeats
 * allowed) into dist[0..n-1].  bitset grows one forward ball from the
 * source for all targets (as far as pays for itself) and then meets it with
 * a short backward search per target not inside it; matvec runs its
 * products once until every target is found or h hops are done.  Per
 * target it costs less than scal_paths_distance() once a source has a few
 * targets (m = 20000, p = 0.0005, 16 targets: about 4x less).  Cannot fail. */
void scal_paths_distances_from(const scal_graph_t *g, scal_paths_scratch_t *s, uint32_t source,
                               const uint32_t *targets, size_t n, int h, int32_t *dist);

/* The reference: plain breadth-first search over adjacency lists with a
 * queue, obviously correct and used to check the kernels.  dist[v] (m
 * entries) gets the distance from source to v within h hops, or -1.
 * Returns 0, or -1 when memory for the queue runs out. */
int scal_ref_distances(const scal_adj_t *a, uint32_t source, int h, int32_t *dist);

/* Validate answers dist[k] for pairs[k], k < q, cheaply: every answer is in
 * -1..h, 0 exactly when source == target, and (h >= 1) 1 exactly when the
 * edge source->target exists.  Then recompute `sample` pairs, spread evenly
 * over 0..q-1 (pair floor(i * q / sample)), with the reference BFS over
 * `ref`; when ref is NULL and sample > 0 it is built from g, which reads
 * all of the storage once (pass it in to validate several runs).
 * Returns 0 when all hold, 1 when an answer is wrong (the message names the
 * pair, its answer and why it is wrong), -1 when memory runs out. */
int scal_paths_validate(const scal_graph_t *g, const scal_adj_t *ref, const scal_pair_t *pairs,
                        const int32_t *dist, size_t q, int h, size_t sample, char *err,
                        size_t errlen);

#endif
