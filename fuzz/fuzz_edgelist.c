/* fuzz_edgelist.c - libFuzzer target for the edge-list reader (SNAP-style
 * lists and GAP's .el, one reader).
 *
 * Each input is the whole content of a --graph file, read as
 * --graph-format snap and checked as fuzz_graph.h says. */
#include "fuzz_graph.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static scal_adj_t *read_snap(const char *path, char *err, size_t errlen)
{
    return scal_graph_read(path, SCAL_GRAPH_SNAP, err, errlen);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_graph_input(data, size, read_snap);
    return 0;
}
