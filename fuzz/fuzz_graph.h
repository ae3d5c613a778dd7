/* fuzz_graph.h - what the graph-file fuzz targets check of a graph they
 * read: the promises scal_graph.h makes of adjacency lists (ascending rows,
 * no repeats, no self loops, ids < m), and, for a small graph, every storage
 * layout filled in two parts, read back, and searched from a few sources
 * with every distance compared with the reference BFS.  Any broken promise
 * aborts, which libFuzzer reports as a crash. */
#ifndef FUZZ_GRAPH_H
#define FUZZ_GRAPH_H

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "scal_graph.h"
#include "scal_paths.h"

/* Larger graphs are only read: bitset storage and searches cost m^2. */
#define FUZZ_MAX_STORED_NODES 300
#define FUZZ_SOURCES 3
#define FUZZ_MAX_HOP 6
/* Numbers in (FUZZ_MAX_NUMBER, 2^32) in an input make a graph that is
 * legitimately accepted yet larger than the fuzzer's memory limit; such
 * inputs are skipped (the unit tests cover large declared sizes). */
#define FUZZ_MAX_NUMBER (UINT64_C(1) << 22)

#define REQUIRE(cond)                                                          \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "fuzz: %s:%d: %s\n", __FILE__, __LINE__, #cond);   \
            abort();                                                           \
        }                                                                      \
    } while (0)

/* 1 if a run of digits in data is a number in (FUZZ_MAX_NUMBER, 2^32). */
static inline int fuzz_has_large_number(const uint8_t *data, size_t size)
{
    for (size_t i = 0; i < size;) {
        if (data[i] < '0' || data[i] > '9') {
            i++;
            continue;
        }
        uint64_t v = 0;
        for (; i < size && data[i] >= '0' && data[i] <= '9'; i++)
            v = v < (UINT64_C(1) << 40) ? v * 10 + (data[i] - '0') : v;
        if (v > FUZZ_MAX_NUMBER && v < (UINT64_C(1) << 32))
            return 1;
    }
    return 0;
}

/* The input as a file: an in-memory file (memfd) named by /proc/self/fd. */
static inline const char *fuzz_input_file(const uint8_t *data, size_t size)
{
    static int memfd = -1;
    static char path[64];
    if (memfd < 0) {
        memfd = memfd_create("fuzz_graph", 0);
        REQUIRE(memfd >= 0);
        snprintf(path, sizeof path, "/proc/self/fd/%d", memfd);
    }
    REQUIRE(ftruncate(memfd, 0) == 0);
    REQUIRE(pwrite(memfd, data, size, 0) == (ssize_t)size);
    return path;
}

static inline void fuzz_check_lists(const scal_adj_t *a)
{
    REQUIRE(a->m >= 1 && a->start[0] == 0 && a->start[a->m] == a->edges);
    for (uint32_t i = 0; i < a->m; i++) {
        REQUIRE(a->start[i] <= a->start[i + 1]);
        for (uint64_t k = a->start[i]; k < a->start[i + 1]; k++) {
            REQUIRE(a->next[k] < a->m && a->next[k] != i);
            REQUIRE(k == a->start[i] || a->next[k - 1] < a->next[k]);
        }
    }
}

static inline void fuzz_check_storage(const scal_adj_t *a, scal_kernel_t kernel,
                                      const uint8_t *data, size_t size)
{
    char err[512];
    size_t bytes;
    scal_graph_t g;
    if (kernel == SCAL_KERNEL_SPARSE)
        REQUIRE(scal_graph_sparse_bytes(a->m, a->edges, &bytes, err, sizeof err) == 0);
    else
        REQUIRE(scal_graph_bytes(a->m, kernel, &bytes, err, sizeof err) == 0);
    void *mem = scal_graph_alloc(bytes, err, sizeof err);
    REQUIRE(mem);
    if (kernel == SCAL_KERNEL_SPARSE)
        REQUIRE(scal_graph_sparse_view(&g, mem, bytes, a->m, a->edges, err, sizeof err) == 0);
    else
        REQUIRE(scal_graph_view(&g, mem, bytes, a->m, kernel, err, sizeof err) == 0);
    /* Two parts per phase, as two fillers would. */
    uint32_t half = a->m / 2;
    REQUIRE(scal_graph_fill_adj(&g, a, 0, half, err, sizeof err) >= 0);
    REQUIRE(scal_graph_fill_adj(&g, a, half, a->m, err, sizeof err) >= 0);
    REQUIRE(scal_graph_fill_cols(&g, 0, half, err, sizeof err) == 0);
    REQUIRE(scal_graph_fill_cols(&g, half, a->m, err, sizeof err) == 0);
    REQUIRE(scal_graph_edges(&g, 0, a->m) == a->edges);

    scal_adj_t *back = scal_adj_from_graph(&g, err, sizeof err);
    REQUIRE(back && back->edges == a->edges);
    REQUIRE(memcmp(back->start, a->start, ((size_t)a->m + 1) * sizeof *a->start) == 0);
    REQUIRE(a->edges == 0 || memcmp(back->next, a->next, a->edges * sizeof *a->next) == 0);
    scal_adj_free(back);

    scal_paths_scratch_t *s = scal_paths_scratch_new(&g);
    int32_t *ref = malloc(a->m * sizeof *ref), *got = malloc(a->m * sizeof *got);
    uint32_t *targets = malloc(a->m * sizeof *targets);
    REQUIRE(s && ref && got && targets);
    for (uint32_t t = 0; t < a->m; t++)
        targets[t] = t;
    for (int k = 0; k < FUZZ_SOURCES; k++) {
        /* Sources and the hop limit from the input, so they vary with it. */
        uint32_t source = size > (size_t)k ? (uint32_t)(data[size - 1 - (size_t)k] * 7919u) % a->m
                                           : (uint32_t)k % a->m;
        int h = (int)(size + (size_t)k) % (FUZZ_MAX_HOP + 1);
        REQUIRE(scal_ref_distances(a, source, h, ref) == 0);
        scal_paths_distances_from(&g, s, source, targets, a->m, h, got);
        for (uint32_t t = 0; t < a->m; t++) {
            REQUIRE(got[t] == ref[t]);
            REQUIRE(scal_paths_distance(&g, s, source, t, h) == ref[t]);
        }
    }
    free(targets);
    free(got);
    free(ref);
    scal_paths_scratch_free(s);
    free(mem);
}

/* Read the input with read(path), then check what it gave. */
static inline void fuzz_graph_input(const uint8_t *data, size_t size,
                                    scal_adj_t *(*read)(const char *path, char *err,
                                                        size_t errlen))
{
    if (fuzz_has_large_number(data, size))
        return;
    const char *path = fuzz_input_file(data, size);
    char err[512] = "";
    scal_adj_t *a = read(path, err, sizeof err);
    if (!a) {
        /* Every refusal says why, and names the file. */
        REQUIRE(strncmp(err, path, strlen(path)) == 0);
        return;
    }
    fuzz_check_lists(a);
    if (a->m <= FUZZ_MAX_STORED_NODES) {
        fuzz_check_storage(a, SCAL_KERNEL_BITSET, data, size);
        fuzz_check_storage(a, SCAL_KERNEL_MATVEC, data, size);
        fuzz_check_storage(a, SCAL_KERNEL_SPARSE, data, size);
    }
    scal_adj_free(a);
}

#endif
