/* paths.c - the kernel table, per-thread scratch, the reference BFS and
 * validation of answers.  The kernels themselves are in paths_bitset.c and
 * paths_matvec.c. */
#include <stdlib.h>
#include <string.h>

#include "paths_kernels.h"
#include "scal_err.h"

static const struct paths_kernel {
    int (*distance)(const scal_graph_t *, scal_paths_scratch_t *, uint32_t, uint32_t, int);
    void (*distances_from)(const scal_graph_t *, scal_paths_scratch_t *, uint32_t,
                           const uint32_t *, size_t, int, int32_t *);
} kernels[] = {
    [SCAL_KERNEL_BITSET] = {bitset_distance, bitset_distances_from},
    [SCAL_KERNEL_MATVEC] = {matvec_distance, matvec_distances_from},
    [SCAL_KERNEL_SPARSE] = {sparse_distance, sparse_distances_from},
};

scal_paths_scratch_t *scal_paths_scratch_new(const scal_graph_t *g)
{
    scal_paths_scratch_t *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->kernel = g->kernel;
    /* One cache-line aligned block, first touched here by the thread that
     * will use it. */
    size_t bytes = g->kernel == SCAL_KERNEL_MATVEC
                       ? (size_t)g->m * (sizeof *s->acc + sizeof *s->v)
                   : g->kernel == SCAL_KERNEL_SPARSE
                       ? SPARSE_VECTORS * g->words * sizeof(uint64_t) +
                             2 * (size_t)g->m * sizeof(uint32_t)
                       : BITSET_VECTORS * g->words * sizeof(uint64_t);
    bytes = (bytes + 63) / 64 * 64;
    void *mem = aligned_alloc(64, bytes);
    if (!mem) {
        free(s);
        return NULL;
    }
    if (g->kernel == SCAL_KERNEL_SPARSE) {
        /* the queues are written before they are read */
        s->bits = mem;
        memset(mem, 0, SPARSE_VECTORS * g->words * sizeof(uint64_t));
        s->queue = (uint32_t *)(s->bits + SPARSE_VECTORS * g->words);
        sparse_scratch_init(s, g);
        return s;
    }
    memset(mem, 0, bytes);
    if (g->kernel == SCAL_KERNEL_MATVEC) {
        s->acc = mem;
        s->v = (uint8_t *)(s->acc + g->m);
    } else {
        s->bits = mem;
        bitset_scratch_init(s, g);
    }
    return s;
}

void scal_paths_scratch_free(scal_paths_scratch_t *s)
{
    if (s) {
        free(s->bits ? (void *)s->bits : (void *)s->acc);
        free(s);
    }
}

int scal_paths_distance(const scal_graph_t *g, scal_paths_scratch_t *s, uint32_t source,
                        uint32_t target, int h)
{
    return kernels[g->kernel].distance(g, s, source, target, h);
}

void scal_paths_distances_from(const scal_graph_t *g, scal_paths_scratch_t *s, uint32_t source,
                               const uint32_t *targets, size_t n, int h, int32_t *dist)
{
    kernels[g->kernel].distances_from(g, s, source, targets, n, h, dist);
}

int scal_ref_distances(const scal_adj_t *a, uint32_t source, int h, int32_t *dist)
{
    uint32_t *queue = malloc((size_t)a->m * sizeof *queue);
    if (!queue)
        return -1;
    for (uint32_t v = 0; v < a->m; v++)
        dist[v] = -1;
    size_t head = 0, tail = 0;
    dist[source] = 0;
    queue[tail++] = source;
    while (head < tail) {
        uint32_t u = queue[head++];
        if (dist[u] >= h)
            continue;
        for (uint64_t k = a->start[u]; k < a->start[u + 1]; k++) {
            uint32_t v = a->next[k];
            if (dist[v] < 0) {
                dist[v] = dist[u] + 1;
                queue[tail++] = v;
            }
        }
    }
    free(queue);
    return 0;
}

/* The checks that need no search; 0 or 1 as scal_paths_validate(). */
static int check_cheap(const scal_graph_t *g, size_t k, scal_pair_t pr, int32_t d, int h,
                       char *err, size_t errlen)
{
    const char *why = NULL;
    if (d < -1 || d > h)
        why = "outside -1..h";
    else if ((d == 0) != (pr.source == pr.target))
        why = pr.source == pr.target ? "but source == target" : "but source != target";
    else if (h >= 1 && pr.source != pr.target &&
             (d == 1) != scal_graph_has_edge(g, pr.source, pr.target))
        why = d == 1 ? "but there is no edge source->target" : "but edge source->target exists";
    if (!why)
        return 0;
    scal_errf(err, errlen, "pair %zu (%u -> %u, h = %d): distance %d %s", k, pr.source, pr.target,
              h, (int)d, why);
    return 1;
}

int scal_paths_validate(const scal_graph_t *g, const scal_adj_t *ref, const scal_pair_t *pairs,
                        const int32_t *dist, size_t q, int h, size_t sample, char *err,
                        size_t errlen)
{
    for (size_t k = 0; k < q; k++)
        if (check_cheap(g, k, pairs[k], dist[k], h, err, errlen))
            return 1;
    if (sample > q)
        sample = q;
    if (sample == 0)
        return 0;
    scal_adj_t *own = NULL;
    if (!ref && !(ref = own = scal_adj_from_graph(g, err, errlen)))
        return -1;
    int32_t *all = malloc((size_t)g->m * sizeof *all);
    int rc = all ? 0 : scal_errf(err, errlen, "out of memory for %u distances", g->m);
    for (size_t i = 0; rc == 0 && i < sample; i++) {
        size_t k = (size_t)((unsigned __int128)i * q / sample);
        scal_pair_t pr = pairs[k];
        if (scal_ref_distances(ref, pr.source, h, all))
            rc = scal_errf(err, errlen, "out of memory for the reference BFS");
        else if (all[pr.target] != dist[k]) {
            scal_errf(err, errlen,
                      "pair %zu (%u -> %u, h = %d): distance %d but the reference BFS says %d", k,
                      pr.source, pr.target, h, (int)dist[k], (int)all[pr.target]);
            rc = 1;
        }
    }
    free(all);
    scal_adj_free(own);
    return rc;
}
