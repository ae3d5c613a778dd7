/* fuzz_mmio.c - libFuzzer target for the Matrix Market reader.
 *
 * Each input is the whole content of a --graph file, read through
 * scal_mm_read() and checked as fuzz_graph.h says. */
#include "fuzz_graph.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_graph_input(data, size, scal_mm_read);
    return 0;
}
