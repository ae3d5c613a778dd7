/* paths_sparse.c - the sparse kernel: bidirectional, direction-optimizing
 * breadth-first search over CSR (out-edges) and CSC (in-edges).
 *
 * Algorithm.  Two searches, forward from the source over out-edges and
 * backward from the target over in-edges, each a queue of the nodes it has
 * reached, level by level, and a bitmap of them (`seen`).  Each step grows
 * the side whose frontier has fewer edges to scan by one level, and stops
 * the moment it reaches a node the other side has seen: since the balls
 * were disjoint before the step, the distance is the number of steps done.
 * A step runs top-down (push: scan the frontier's edges) or bottom-up
 * (pull: for every node not yet seen, scan its edges toward the root until
 * one comes from the frontier, held as a bitmap for the step), choosing as
 * Beamer, Asanovic and Patterson do ("Direction-optimizing breadth-first
 * search", SC 2012): pull once the frontier's edges exceed the unexplored
 * edges / ALPHA.  Only what a query touched is cleared after it (by walking
 * its queues), so a query near the source costs nothing in m.
 *
 * Grouped queries grow one forward ball from the source for all targets
 * while it pays (the rule paths_bitset.c explains), then run a backward
 * search from each target outside it until it reaches the ball's last
 * level: every longer path crosses that level. */
#include <string.h>

#include "paths_kernels.h"

/* Beamer et al.'s alpha: pull once frontier edges > unexplored edges / 14. */
#define ALPHA 14

static inline void set_bit(uint64_t *v, uint32_t i)
{
    v[i / 64] |= UINT64_C(1) << (i % 64);
}

static inline int get_bit(const uint64_t *v, uint32_t i)
{
    return (int)((v[i / 64] >> (i % 64)) & 1);
}

struct side {
    uint64_t *seen;
    uint32_t *q;           /* every node reached, level by level */
    uint64_t head, tail;   /* the frontier is q[head .. tail) */
    uint64_t edges_front;  /* edges leaving the frontier away from the root */
    uint64_t edges_left;   /* edges leaving nodes not yet seen */
    const uint64_t *away_start, *toward_start;
    const uint32_t *away, *toward;
};

static inline uint64_t degree(const uint64_t *start, uint32_t v)
{
    return start[v + 1] - start[v];
}

static void side_start(struct side *x, const scal_graph_t *g, uint64_t *seen, uint32_t *q,
                       uint32_t root, int forward)
{
    x->seen = seen;
    x->q = q;
    x->away_start = forward ? g->out_start : g->in_start;
    x->away = forward ? g->out : g->in;
    x->toward_start = forward ? g->in_start : g->out_start;
    x->toward = forward ? g->in : g->out;
    q[0] = root;
    set_bit(seen, root);
    x->head = 0;
    x->tail = 1;
    x->edges_front = degree(x->away_start, root);
    /* the arcs held, from the data itself (g->arcs may be only the room:
     * scal_kron_fill) */
    x->edges_left = g->out_start[g->m] - x->edges_front;
}

/* Clear what x set in its seen bitmap: by its queue while that is shorter
 * than the bitmap, else the whole bitmap. */
static void side_clear(struct side *x, size_t nw)
{
    if (x->tail < nw) {
        for (uint64_t k = 0; k < x->tail; k++)
            x->seen[x->q[k] / 64] = 0;
    } else {
        memset(x->seen, 0, nw * sizeof *x->seen);
    }
}

static int push(struct side *x, const uint64_t *stop)
{
    uint64_t n = x->tail, edges = 0;
    int met = 0;
    for (uint64_t k = x->head; k < x->tail && !met; k++) {
        uint32_t u = x->q[k];
        for (uint64_t e = x->away_start[u]; e < x->away_start[u + 1]; e++) {
            uint32_t v = x->away[e];
            if (get_bit(x->seen, v))
                continue;
            if (stop && get_bit(stop, v)) {
                met = 1;
                break;
            }
            set_bit(x->seen, v);
            x->q[n++] = v;
            edges += degree(x->away_start, v);
        }
    }
    x->head = x->tail;
    x->tail = n; /* even when met: side_clear() walks the queue */
    x->edges_front = edges;
    return met;
}

static int pull(struct side *x, uint32_t m, size_t nw, uint64_t *front, const uint64_t *stop)
{
    for (uint64_t k = x->head; k < x->tail; k++)
        set_bit(front, x->q[k]);
    uint64_t n = x->tail, edges = 0;
    int met = 0;
    for (size_t w = 0; w < nw && !met; w++) {
        uint64_t cand = ~x->seen[w];
        if (w == nw - 1 && m % 64)
            cand &= (UINT64_C(1) << (m % 64)) - 1;
        for (; cand; cand &= cand - 1) {
            uint32_t v = (uint32_t)(w * 64 + (size_t)__builtin_ctzll(cand));
            for (uint64_t e = x->toward_start[v]; e < x->toward_start[v + 1]; e++) {
                if (get_bit(front, x->toward[e])) {
                    if (stop && get_bit(stop, v)) {
                        met = 1;
                        break;
                    }
                    x->q[n++] = v;
                    edges += degree(x->away_start, v);
                    break;
                }
            }
            if (met)
                break;
        }
    }
    for (uint64_t k = x->head; k < x->tail; k++)
        front[x->q[k] / 64] = 0;
    /* mark after the pass, so a node found in it is not taken for a parent */
    for (uint64_t k = x->tail; k < n; k++)
        set_bit(x->seen, x->q[k]);
    x->head = x->tail;
    x->tail = n;
    x->edges_front = edges;
    return met;
}

/* Grow x by one level; 1 as soon as a node of stop (NULL: none) is reached.
 * An empty new level leaves head == tail. */
static int grow(const scal_graph_t *g, size_t nw, struct side *x, uint64_t *front,
                const uint64_t *stop)
{
    int met = x->edges_front > x->edges_left / ALPHA ? pull(x, g->m, nw, front, stop)
                                                      : push(x, stop);
    x->edges_left -= x->edges_front < x->edges_left ? x->edges_front : x->edges_left;
    return met;
}

void sparse_scratch_init(scal_paths_scratch_t *s, const scal_graph_t *g)
{
    s->degree = (double)g->arcs / g->m;
}

int sparse_distance(const scal_graph_t *g, scal_paths_scratch_t *s, uint32_t source,
                    uint32_t target, int h)
{
    if (source == target)
        return 0;
    const size_t nw = g->words;
    struct side f, b;
    side_start(&f, g, s->bits + SV_FWD_SEEN * nw, s->queue, source, 1);
    side_start(&b, g, s->bits + SV_BWD_SEEN * nw, s->queue + g->m, target, 0);
    uint64_t *front = s->bits + SV_FRONT * nw;
    int d = 0, found = -1;
    for (; d < h; d++) {
        struct side *x = f.edges_front <= b.edges_front ? &f : &b;
        if (grow(g, nw, x, front, x == &f ? b.seen : f.seen)) {
            found = d + 1;
            break;
        }
        if (x->head == x->tail)
            break;
    }
    side_clear(&f, nw);
    side_clear(&b, nw);
    return found;
}

static int forward_pays(const scal_paths_scratch_t *s, uint32_t m, const struct side *f,
                        size_t pending)
{
    double degree = s->degree > 1.0 ? s->degree : 1.0, n = (double)(f->tail - f->head);
    return n * n < 2.0 * (double)pending * m / degree;
}

void sparse_distances_from(const scal_graph_t *g, scal_paths_scratch_t *s, uint32_t source,
                           const uint32_t *targets, size_t n, int h, int32_t *dist)
{
    const size_t nw = g->words;
    uint64_t *front = s->bits + SV_FRONT * nw, *level = s->bits + SV_LEVEL * nw;
    size_t pending = 0;
    for (size_t k = 0; k < n; k++) {
        dist[k] = targets[k] == source ? 0 : -1;
        pending += dist[k] < 0;
    }
    struct side f, b;
    side_start(&f, g, s->bits + SV_FWD_SEEN * nw, s->queue, source, 1);
    int rf = 0;
    while (pending > 0 && rf < h && forward_pays(s, g->m, &f, pending)) {
        grow(g, nw, &f, front, NULL);
        rf++;
        if (f.head == f.tail) {
            pending = 0; /* nothing more is reachable */
            break;
        }
        for (size_t k = 0; k < n; k++) {
            if (dist[k] < 0 && get_bit(f.seen, targets[k])) {
                dist[k] = rf;
                pending--;
            }
        }
    }
    if (pending > 0) {
        for (uint64_t k = f.head; k < f.tail; k++)
            set_bit(level, f.q[k]);
        for (size_t k = 0; k < n && pending > 0; k++) {
            if (dist[k] >= 0)
                continue;
            side_start(&b, g, s->bits + SV_BWD_SEEN * nw, s->queue + g->m, targets[k], 0);
            for (int j = 1; rf + j <= h; j++) {
                if (grow(g, nw, &b, front, level)) {
                    dist[k] = rf + j;
                    break;
                }
                if (b.head == b.tail)
                    break;
            }
            side_clear(&b, nw);
            pending--;
        }
        for (uint64_t k = f.head; k < f.tail; k++)
            level[f.q[k] / 64] = 0;
    }
    side_clear(&f, nw);
}
