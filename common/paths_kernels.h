/* paths_kernels.h - private to the paths kernels: the scratch object and
 * each kernel's entry points, which paths.c puts in its kernel table. */
#ifndef SCAL_PATHS_KERNELS_H
#define SCAL_PATHS_KERNELS_H

#include "scal_paths.h"

struct scal_paths_scratch {
    scal_kernel_t kernel;
    double degree;  /* bitset: mean out-degree, estimated from sampled rows */
    uint64_t *bits; /* bitset: BITSET_VECTORS vectors of g->words words */
    uint8_t *v;     /* matvec: the frontier vector, m bytes */
    uint32_t *acc;  /* matvec: v x A before clamping, m words */
    uint32_t *queue; /* sparse: two BFS queues of m ids, after the bit vectors */
};

#define BITSET_VECTORS 6
/* sparse: bit vectors (seen forward, seen backward, a step's frontier, the
 * grouped ball's last level), each clean between queries. */
enum { SV_FWD_SEEN, SV_BWD_SEEN, SV_FRONT, SV_LEVEL, SPARSE_VECTORS };

void bitset_scratch_init(scal_paths_scratch_t *s, const scal_graph_t *g);
int bitset_distance(const scal_graph_t *g, scal_paths_scratch_t *s, uint32_t source,
                    uint32_t target, int h);
void bitset_distances_from(const scal_graph_t *g, scal_paths_scratch_t *s, uint32_t source,
                           const uint32_t *targets, size_t n, int h, int32_t *dist);

void sparse_scratch_init(scal_paths_scratch_t *s, const scal_graph_t *g);
int sparse_distance(const scal_graph_t *g, scal_paths_scratch_t *s, uint32_t source,
                    uint32_t target, int h);
void sparse_distances_from(const scal_graph_t *g, scal_paths_scratch_t *s, uint32_t source,
                           const uint32_t *targets, size_t n, int h, int32_t *dist);

int matvec_distance(const scal_graph_t *g, scal_paths_scratch_t *s, uint32_t source,
                    uint32_t target, int h);
void matvec_distances_from(const scal_graph_t *g, scal_paths_scratch_t *s, uint32_t source,
                           const uint32_t *targets, size_t n, int h, int32_t *dist);

#endif
