/* fuzz_mmio.c - libFuzzer target for the Matrix Market reader.
 *
 * Each input is the whole content of a --graph file.  scal_mm_read() takes a
 * path, so the input goes into an in-memory file (memfd) read back through
 * /proc/self/fd.  A graph that is read must hold what scal_graph.h promises
 * of adjacency lists (ascending rows, no repeats, no self loops, ids < m);
 * a small one is then laid out in both storage layouts, read back, and
 * searched from a few sources, every distance compared with the reference
 * BFS.  Any broken promise aborts, which libFuzzer reports as a crash. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "scal_graph.h"
#include "scal_paths.h"

/* Larger graphs are only read: storage and searches cost m^2. */
#define FUZZ_MAX_STORED_NODES 300
#define FUZZ_SOURCES 3
#define FUZZ_MAX_HOP 6

#define REQUIRE(cond)                                                          \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "fuzz_mmio: %s:%d: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                           \
        }                                                                      \
    } while (0)

static int memfd = -1;
static char path[64];

static void check_lists(const scal_adj_t *a)
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

static void check_storage(const scal_adj_t *a, scal_kernel_t kernel, const uint8_t *data,
                          size_t size)
{
    char err[512];
    size_t bytes;
    scal_graph_t g;
    REQUIRE(scal_graph_bytes(a->m, kernel, &bytes, err, sizeof err) == 0);
    void *mem = scal_graph_alloc(bytes, err, sizeof err);
    REQUIRE(mem);
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (memfd < 0) {
        memfd = memfd_create("fuzz_mmio", 0);
        REQUIRE(memfd >= 0);
        snprintf(path, sizeof path, "/proc/self/fd/%d", memfd);
    }
    REQUIRE(ftruncate(memfd, 0) == 0);
    REQUIRE(pwrite(memfd, data, size, 0) == (ssize_t)size);

    char err[512] = "";
    scal_adj_t *a = scal_mm_read(path, err, sizeof err);
    if (!a) {
        /* Every refusal says why, and names the file. */
        REQUIRE(strncmp(err, path, strlen(path)) == 0);
        return 0;
    }
    check_lists(a);
    if (a->m <= FUZZ_MAX_STORED_NODES) {
        check_storage(a, SCAL_KERNEL_BITSET, data, size);
        check_storage(a, SCAL_KERNEL_MATVEC, data, size);
    }
    scal_adj_free(a);
    return 0;
}
