/* paths_matvec.c - the baseline kernel: the seed's own method, in C.
 *
 * The seed (process-pools, demo 2) keeps the graph as a dense uint8 numpy
 * matrix A and, for a pair (s, t), starts from the indicator vector v of s
 * and repeats v = clamp01(v @ A) until v[t] is set (d is the number of
 * products taken) or h products are done.  v after d products marks the
 * nodes at the end of some walk of exactly d hops, so the first d with
 * v[t] = 1 is the shortest path length.  Every product is a full
 * vector-matrix product, m * m multiply-adds, whatever v holds: that is the
 * point of the baseline, and nothing here skips work the seed does not skip.
 * The sums are kept in 32 bits (they reach at most m) before clamping.
 */
#include <string.h>

#include "paths_kernels.h"

void matvec_distances_from(const scal_graph_t *g, scal_paths_scratch_t *s, uint32_t source,
                           const uint32_t *targets, size_t n, int h, int32_t *dist)
{
    const size_t m = g->m;
    uint8_t *v = s->v;
    uint32_t *acc = s->acc;
    size_t pending = 0;
    for (size_t k = 0; k < n; k++) {
        dist[k] = targets[k] == source ? 0 : -1;
        pending += dist[k] < 0;
    }
    memset(v, 0, m);
    v[source] = 1;
    for (int d = 1; d <= h && pending > 0; d++) {
        memset(acc, 0, m * sizeof *acc);
        for (size_t i = 0; i < m; i++) {
            const uint32_t vi = v[i];
            const uint8_t *row = g->dense + i * m;
            for (size_t j = 0; j < m; j++)
                acc[j] += vi * row[j];
        }
        for (size_t j = 0; j < m; j++)
            v[j] = acc[j] != 0;
        for (size_t k = 0; k < n; k++) {
            if (dist[k] < 0 && v[targets[k]]) {
                dist[k] = d;
                pending--;
            }
        }
    }
}

int matvec_distance(const scal_graph_t *g, scal_paths_scratch_t *s, uint32_t source,
                    uint32_t target, int h)
{
    int32_t d;
    matvec_distances_from(g, s, source, &target, 1, h, &d);
    return d;
}
