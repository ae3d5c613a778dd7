/* paths_bitset.c - the default kernel: hop-limited breadth-first search over
 * the bit-packed rows (out-neighbours) and columns (in-neighbours) of the
 * graph storage.
 *
 * Encoding: a set of nodes is a bit vector of W = ceil(m / 64) words, like
 * each row and column of the storage.  The scratch holds six: the forward
 * frontier and seen set, the backward frontier and seen set, a spare for the
 * level being built, and the targets still wanted by a grouped query.
 *
 * One pair (s, t): bidirectional search.  A forward ball around s (frontier
 * F, seen Sf) and a backward ball around t (frontier B, seen Sb) grow one
 * level at a time, always the side whose step looks cheaper.  While the balls
 * are disjoint the distance exceeds the levels grown so far, df + db; so the
 * first new node that lies in the other frontier proves d = df + db + 1, and
 * the step stops right there (early exit).  An empty new level, or df + db
 * reaching h, means -1.
 *
 * Each step is direction-optimizing (Beamer, Asanovic, Patterson, "Direction-
 * optimizing breadth-first search", SC 2012):
 *   push  OR the rows of the frontier's nodes into the new level: |F| * W
 *         words, and a meeting shows in the row that makes it;
 *   pull  for each node not yet seen, AND its column with the frontier, a
 *         cache line at a time, stopping at the first common bit: cheap when
 *         the frontier is a large part of the graph, since a hit comes early.
 *         The other side's frontier is tried first, so a meeting ends the
 *         step before the rest of the level is built.
 * The backward side is the same with rows and columns swapped.  Pull is taken
 * when its estimated cost, unseen * W / (1 + degree * |F| / m), is below
 * push's; the mean degree is estimated per scratch from sampled rows.
 *
 * One source, many targets: a forward ball around s, shared by all targets,
 * grows while that pays for itself (forward_pays()); targets inside it get
 * their level.  Every longer path crosses the ball's frontier L at hop rf,
 * so each remaining target t needs only a backward search from t, stopped at
 * its first level that reaches L: d = rf + that level.  With many targets per
 * source the ball is large and each backward search short.
 *
 * Cost: on a sparse graph too big for the caches a push step is bound by
 * fetching rows from memory, not by the ORs, so the next row is prefetched
 * while one is ORed; and grow() is compiled for AVX2 and AVX-512 as well
 * as the portable baseline.
 */
#include <string.h>

#include "paths_kernels.h"

enum { V_FWD, V_FWD_SEEN, V_BWD, V_BWD_SEEN, V_SPARE, V_WANT };
_Static_assert(V_WANT + 1 == BITSET_VECTORS, "scratch vectors");

#define DEGREE_SAMPLE_ROWS 64

/* grow() runs the hot loops; GCC builds it for x86-64-v4 (AVX-512), v3
 * (AVX2, POPCNT) and the portable baseline, and the loader picks the clone
 * this machine can run (an ifunc, hence glibc), so a portable build still
 * uses the wide units. */
#if defined(__x86_64__) && defined(__GLIBC__) && defined(__GNUC__) && !defined(__clang__) && \
    __GNUC__ >= 12
#define HOT_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define HOT_CLONES
#endif

void bitset_scratch_init(scal_paths_scratch_t *s, const scal_graph_t *g)
{
    uint32_t n = g->m < DEGREE_SAMPLE_ROWS ? g->m : DEGREE_SAMPLE_ROWS;
    uint64_t edges = 0;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t i = (uint32_t)((uint64_t)k * g->m / n);
        edges += scal_graph_edges(g, i, i + 1);
    }
    s->degree = (double)edges / n;
}

static inline void set_bit(uint64_t *v, uint32_t i)
{
    v[i / 64] |= UINT64_C(1) << (i % 64);
}

static inline int get_bit(const uint64_t *v, uint32_t i)
{
    return (int)((v[i / 64] >> (i % 64)) & 1);
}

/* 1 if a and b share a bit.  Eight words (a cache line) per test, so the
 * loop vectorizes and still stops soon after the first common word. */
static inline int meets(const uint64_t *a, const uint64_t *b, size_t nw)
{
    size_t w = 0;
    for (; w + 8 <= nw; w += 8) {
        uint64_t x = 0;
        for (size_t k = 0; k < 8; k++)
            x |= a[w + k] & b[w + k];
        if (x)
            return 1;
    }
    uint64_t x = 0;
    for (; w < nw; w++)
        x |= a[w] & b[w];
    return x != 0;
}

/* One side of a search.  `away` holds, per node, the nodes one hop further
 * from the root (rows for the forward side, columns for the backward side),
 * `toward` the nodes one hop nearer (the other one). */
struct side {
    uint64_t *frontier, *seen;
    uint32_t n_frontier, n_seen;
    const uint64_t *away, *toward;
};

static void side_start(struct side *x, uint64_t *frontier, uint64_t *seen, uint32_t root,
                       const uint64_t *away, const uint64_t *toward)
{
    x->frontier = frontier;
    x->seen = seen;
    set_bit(frontier, root);
    set_bit(seen, root);
    x->n_frontier = x->n_seen = 1;
    x->away = away;
    x->toward = toward;
}

/* Estimated words touched by one step, push or pull (see the top). */
static double push_cost(const struct side *x)
{
    return x->n_frontier;
}

static double pull_cost(const scal_paths_scratch_t *s, uint32_t m, const struct side *x)
{
    return (double)(m - x->n_seen) / (1.0 + s->degree * x->n_frontier / m);
}

static double step_cost(const scal_paths_scratch_t *s, uint32_t m, const struct side *x)
{
    double push = push_cost(x), pull = pull_cost(s, m, x);
    return push < pull ? push : pull;
}

/* The first set bit of v at or after bit i, or -1. */
static inline int64_t next_bit(const uint64_t *v, size_t nw, size_t i)
{
    size_t w = i / 64;
    if (w >= nw)
        return -1;
    uint64_t bits = v[w] & (~UINT64_C(0) << (i % 64));
    while (!bits) {
        if (++w == nw)
            return -1;
        bits = v[w];
    }
    return (int64_t)(w * 64 + (size_t)__builtin_ctzll(bits));
}

/* Ask for a whole row now, so that it arrives while the one before it is
 * being ORed: a row of a large graph is a cold DRAM stream, and its latency,
 * not the ORs, bounds push. */
static inline void prefetch_row(const uint64_t *r, size_t nw)
{
    for (size_t k = 0; k < nw; k += 8)
        __builtin_prefetch(r + k);
}

static inline int push(const struct side *x, size_t nw, uint64_t *next, const uint64_t *stop)
{
    memset(next, 0, nw * sizeof *next);
    int64_t u = next_bit(x->frontier, nw, 0);
    while (u >= 0) {
        const uint64_t *r = x->away + (size_t)u * nw;
        u = next_bit(x->frontier, nw, (size_t)u + 1);
        if (u >= 0)
            prefetch_row(x->away + (size_t)u * nw, nw);
        if (stop) {
            uint64_t hit = 0;
            for (size_t k = 0; k < nw; k++) {
                next[k] |= r[k];
                hit |= r[k] & stop[k];
            }
            if (hit)
                return 1;
        } else {
            for (size_t k = 0; k < nw; k++)
                next[k] |= r[k];
        }
    }
    return 0;
}

static inline int pull(const struct side *x, uint32_t m, size_t nw, uint64_t *next,
                       const uint64_t *stop)
{
    if (stop) {
        for (size_t w = 0; w < nw; w++)
            for (uint64_t bits = stop[w]; bits; bits &= bits - 1)
                if (meets(x->toward + (w * 64 + (size_t)__builtin_ctzll(bits)) * nw,
                          x->frontier, nw))
                    return 1;
    }
    /* No node of `stop` qualified, so only the others need trying. */
    for (size_t w = 0; w < nw; w++) {
        uint64_t cand = ~x->seen[w] & (stop ? ~stop[w] : ~UINT64_C(0)), found = 0;
        if (w == nw - 1 && m % 64)
            cand &= (UINT64_C(1) << (m % 64)) - 1;
        for (; cand; cand &= cand - 1) {
            int b = __builtin_ctzll(cand);
            if (meets(x->toward + (w * 64 + (size_t)b) * nw, x->frontier, nw))
                found |= UINT64_C(1) << b;
        }
        next[w] = found;
    }
    return 0;
}

/* Grow side x by one level into *next, which must not alias x's vectors.
 * Returns 1 as soon as a node of `stop` (NULL: none) is reached, leaving
 * the level unfinished.  Otherwise the level's new nodes become x's frontier
 * (the old frontier's vector becomes *next) and 0 is returned; an empty new
 * level leaves x->n_frontier == 0. */
HOT_CLONES static int grow(const scal_paths_scratch_t *s, uint32_t m, size_t nw,
                           struct side *x, uint64_t **next, const uint64_t *stop)
{
    uint64_t *level = *next;
    int met = pull_cost(s, m, x) < push_cost(x) ? pull(x, m, nw, level, stop)
                                                  : push(x, nw, level, stop);
    if (met)
        return 1;
    uint32_t n = 0;
    for (size_t w = 0; w < nw; w++) {
        uint64_t fresh = level[w] & ~x->seen[w];
        level[w] = fresh;
        x->seen[w] |= fresh;
        n += (uint32_t)__builtin_popcountll(fresh);
    }
    *next = x->frontier;
    x->frontier = level;
    x->n_frontier = n;
    x->n_seen += n;
    return 0;
}

int bitset_distance(const scal_graph_t *g, scal_paths_scratch_t *s, uint32_t source,
                    uint32_t target, int h)
{
    if (source == target)
        return 0;
    const size_t nw = g->words;
    uint64_t *v = s->bits;
    memset(v, 0, 4 * nw * sizeof *v); /* both frontiers and seen sets */
    struct side f, b;
    side_start(&f, v + V_FWD * nw, v + V_FWD_SEEN * nw, source, g->rows, g->cols);
    side_start(&b, v + V_BWD * nw, v + V_BWD_SEEN * nw, target, g->cols, g->rows);
    uint64_t *spare = v + V_SPARE * nw;
    for (int d = 0; d < h; d++) {
        int forward = step_cost(s, g->m, &f) <= step_cost(s, g->m, &b);
        struct side *x = forward ? &f : &b;
        if (grow(s, g->m, nw, x, &spare, forward ? b.frontier : f.frontier))
            return d + 1;
        if (x->n_frontier == 0)
            return -1;
    }
    return -1;
}

/* Whether the shared forward ball should grow one more level before the
 * targets' backward searches start.  Growing costs about |F| rows now; a
 * backward search then needs about m / (degree |F|) rows to hit the ball,
 * so growing saves each of the `pending` searches a share of that.  Grow
 * while |F|^2 < 2 pending m / degree (the two costs balance there). */
static int forward_pays(const scal_paths_scratch_t *s, uint32_t m, const struct side *f,
                        size_t pending)
{
    double degree = s->degree > 1.0 ? s->degree : 1.0, n = f->n_frontier;
    return n * n < 2.0 * (double)pending * m / degree;
}

void bitset_distances_from(const scal_graph_t *g, scal_paths_scratch_t *s, uint32_t source,
                           const uint32_t *targets, size_t n, int h, int32_t *dist)
{
    const size_t nw = g->words;
    uint64_t *v = s->bits, *want = v + V_WANT * nw, *spare = v + V_SPARE * nw;
    memset(v, 0, 4 * nw * sizeof *v);
    memset(want, 0, nw * sizeof *v);
    size_t pending = 0;
    for (size_t k = 0; k < n; k++) {
        dist[k] = targets[k] == source ? 0 : -1;
        if (dist[k] < 0) {
            set_bit(want, targets[k]);
            pending++;
        }
    }
    /* A forward ball shared by all targets, radius rf: targets inside it
     * get their level. */
    struct side f, b;
    side_start(&f, v + V_FWD * nw, v + V_FWD_SEEN * nw, source, g->rows, g->cols);
    int rf = 0;
    while (pending > 0 && rf < h && forward_pays(s, g->m, &f, pending)) {
        grow(s, g->m, nw, &f, &spare, NULL);
        rf++;
        if (f.n_frontier == 0)
            return; /* nothing more is reachable */
        if (!meets(f.frontier, want, nw))
            continue;
        for (size_t k = 0; k < n; k++) {
            if (dist[k] < 0 && get_bit(f.frontier, targets[k])) {
                dist[k] = rf;
                pending--;
            }
        }
    }
    /* Every path longer than rf passes through the ball's frontier L at
     * hop rf, so a target outside the ball is at rf + j, j the first level
     * of a backward search from it that reaches L. */
    uint64_t *front = v + V_BWD * nw, *seen = v + V_BWD_SEEN * nw;
    for (size_t k = 0; k < n && pending > 0; k++) {
        if (dist[k] >= 0)
            continue;
        /* front and spare are the two vectors L does not occupy, in some
         * order after grow()'s swaps. */
        memset(front, 0, nw * sizeof *v);
        memset(seen, 0, nw * sizeof *v);
        side_start(&b, front, seen, targets[k], g->cols, g->rows);
        for (int j = 1; rf + j <= h; j++) {
            if (grow(s, g->m, nw, &b, &spare, f.frontier)) {
                dist[k] = rf + j;
                break;
            }
            if (b.n_frontier == 0)
                break;
        }
        front = b.frontier;
        pending--;
    }
}
