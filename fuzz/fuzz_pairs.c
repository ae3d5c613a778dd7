/* fuzz_pairs.c - libFuzzer target for the pairs CSV reader (--pairs-file).
 *
 * Each input is the whole content of a pairs file, read back through an
 * in-memory file (memfd, /proc/self/fd/N) for a graph of FUZZ_NODES nodes.
 * The reader must either refuse it with a message that starts with the
 * path, or return what scal_pairs_read_csv promises: at least one pair,
 * every id below m, no more pairs than the input has lines; and every pair
 * it returns must be found again, in order, by a plain independent scan of
 * the input.  Any broken promise aborts, which libFuzzer reports. */
#include <ctype.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "scal_paths.h"

#define FUZZ_NODES 1000u

#define REQUIRE(cond)                                                               \
    do {                                                                            \
        if (!(cond)) {                                                              \
            fprintf(stderr, "fuzz_pairs: %s:%d: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                \
        }                                                                           \
    } while (0)

static int memfd = -1;
static char path[64];

/* The i-th line of data that holds two numbers separated by a comma, as
 * the reader must have read it: returns 1 with the pair, 0 if none left. */
static int next_numeric_line(const uint8_t *data, size_t size, size_t *pos, unsigned long long *a,
                             unsigned long long *b)
{
    while (*pos < size) {
        size_t end = *pos;
        while (end < size && data[end] != '\n')
            end++;
        char line[512];
        size_t n = end - *pos < sizeof line - 1 ? end - *pos : sizeof line - 1;
        memcpy(line, data + *pos, n);
        line[n] = '\0';
        *pos = end + 1;
        const char *s = line;
        while (*s == ' ' || *s == '\t')
            s++;
        if (!isdigit((unsigned char)*s))
            continue;
        char *e;
        *a = strtoull(s, &e, 10);
        while (*e == ' ' || *e == '\t')
            e++;
        if (*e != ',')
            continue;
        *b = strtoull(e + 1, NULL, 10);
        return 1;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (memfd < 0) {
        memfd = memfd_create("fuzz_pairs", 0);
        REQUIRE(memfd >= 0);
        snprintf(path, sizeof path, "/proc/self/fd/%d", memfd);
    }
    REQUIRE(ftruncate(memfd, 0) == 0);
    REQUIRE(pwrite(memfd, data, size, 0) == (ssize_t)size);

    char err[512] = "";
    scal_pair_t *pairs = NULL;
    size_t q = 0;
    if (scal_pairs_read_csv(path, FUZZ_NODES, &pairs, &q, err, sizeof err) != 0) {
        /* Every refusal says why, and names the file. */
        REQUIRE(strncmp(err, path, strlen(path)) == 0 && strlen(err) > strlen(path) + 2);
        REQUIRE(pairs == NULL || q == 0);
        return 0;
    }
    size_t lines = 1;
    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n';
    REQUIRE(pairs && q >= 1 && q <= lines);
    /* a byte-order mark before the first line is skipped */
    size_t pos = size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    for (size_t k = 0; k < q; k++) {
        REQUIRE(pairs[k].source < FUZZ_NODES && pairs[k].target < FUZZ_NODES);
        unsigned long long a, b;
        REQUIRE(next_numeric_line(data, size, &pos, &a, &b));
        REQUIRE(a == pairs[k].source && b == pairs[k].target);
    }
    free(pairs);
    return 0;
}
