/* paths_fixture.h - what the graph and paths tests share: graphs built in
 * malloc'd storage, and input files written into a temporary directory. */
#ifndef PATHS_FIXTURE_H
#define PATHS_FIXTURE_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scal_graph.h"

/* Storage for m nodes in `kernel`'s layout, poisoned so that a fill that
 * skips a byte shows.  Returns the memory (free() it) and the view in *g. */
static inline void *fixture_storage(scal_graph_t *g, uint32_t m, scal_kernel_t kernel)
{
    char err[256];
    size_t bytes;
    if (scal_graph_bytes(m, kernel, &bytes, err, sizeof err)) {
        fprintf(stderr, "fixture: %s\n", err);
        abort();
    }
    void *mem = aligned_alloc(64, (bytes + 63) / 64 * 64);
    if (!mem || scal_graph_view(g, mem, bytes, m, kernel, err, sizeof err)) {
        fprintf(stderr, "fixture: %s\n", mem ? err : "out of memory");
        abort();
    }
    memset(mem, 0xa5, bytes);
    return mem;
}

/* The generated graph (m, p, seed), rows then columns in one pass each. */
static inline void *fixture_random(scal_graph_t *g, uint32_t m, double p, uint64_t seed,
                            scal_kernel_t kernel)
{
    void *mem = fixture_storage(g, m, kernel);
    if (scal_graph_fill_random(g, p, seed, 0, m, NULL, 0) < 0 ||
        scal_graph_fill_cols(g, 0, m, NULL, 0) != 0)
        abort();
    return mem;
}

/* The graph held by adjacency lists a. */
static inline void *fixture_from_adj(scal_graph_t *g, const scal_adj_t *a, scal_kernel_t kernel)
{
    void *mem = fixture_storage(g, a->m, kernel);
    if (scal_graph_fill_adj(g, a, 0, a->m, NULL, 0) < 0 ||
        scal_graph_fill_cols(g, 0, a->m, NULL, 0) != 0)
        abort();
    return mem;
}

/* A fresh directory for test files, named after the test. */
static inline void fixture_tmpdir(char *dir, size_t len, const char *test)
{
    const char *base = getenv("TMPDIR");
    /* mkdtemp's template ends in six 'X' */
    snprintf(dir, len, "%s/%s-%s", base && *base ? base : "/tmp", test, "X" "X" "X" "X" "X" "X");
    if (!mkdtemp(dir)) {
        perror("fixture: mkdtemp");
        abort();
    }
}

/* Write `text` to dir/name; the full path goes to path. */
static inline void fixture_file(char *path, size_t len, const char *dir, const char *name,
                         const char *text)
{
    snprintf(path, len, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
        perror(path);
        abort();
    }
}

/* Remove dir and the files in it (tests write no subdirectories). */
static inline void fixture_rmdir(const char *dir)
{
    DIR *d = opendir(dir);
    char path[512];
    for (struct dirent *e; d && (e = readdir(d));) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
    }
    if (d)
        closedir(d);
    if (rmdir(dir) != 0)
        perror(dir);
}

#endif
