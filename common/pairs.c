/* pairs.c - the query pairs of the `paths` workload: drawn from seeded
 * streams, or read from a CSV file. */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scal_config.h"
#include "scal_err.h"
#include "scal_files.h"
#include "scal_paths.h"
#include "scal_rng.h"

scal_pair_t scal_pair_draw(uint32_t m, uint64_t seed, uint64_t k)
{
    scal_rng_t r = scal_rng_init(seed ^ SCAL_PAIRS_SALT, k);
    scal_pair_t p;
    p.source = (uint32_t)scal_rng_below(&r, m);
    p.target = (uint32_t)scal_rng_below(&r, m);
    return p;
}

void scal_pairs_generate(scal_pair_t *pairs, size_t q, uint32_t m, uint64_t seed)
{
    for (size_t k = 0; k < q; k++)
        pairs[k] = scal_pair_draw(m, seed, k);
}

/* A CSV field: blanks, a non-negative decimal integer, blanks.  Returns a
 * pointer past it, or NULL if the field is not such a number. */
static const char *field_u64(const char *s, unsigned long long *v)
{
    while (*s == ' ' || *s == '\t')
        s++;
    if (!isdigit((unsigned char)*s))
        return NULL;
    char *end;
    errno = 0;
    *v = strtoull(s, &end, 10);
    if (errno == ERANGE)
        return NULL;
    while (*end == ' ' || *end == '\t')
        end++;
    return end;
}

/* A header line: a word first ("source,target", "src,dst", "\"source\"").
 * Only the first line that is not blank may be one. */
static int looks_like_header(const char *s)
{
    return isalpha((unsigned char)*s) || *s == '"' || *s == '_';
}

/* Room for the pairs: grown by doubling, out of memory said as such. */
static int pairs_grow(scal_pair_t **out, size_t *room, const char *path, long lineno, char *err,
                      size_t errlen)
{
    size_t want = *room ? 2 * *room : 256;
    scal_pair_t *grown = realloc(*out, want * sizeof *grown);
    if (!grown)
        return scal_errf(err, errlen, "%s:%ld: out of memory for %zu pairs", path, lineno, want);
    *out = grown;
    *room = want;
    return 0;
}

int scal_pairs_read_csv(const char *path, uint32_t m, scal_pair_t **pairs, size_t *q, char *err,
                        size_t errlen)
{
    FILE *f = scal_input_open(path, "--pairs-file", SCAL_INPUT_MAX_BYTES, err, errlen);
    if (!f)
        return -1;
    scal_lines_t lines;
    if (scal_lines_init(&lines, f, path, SCAL_PAIRS_MAX_LINE, err, errlen) != 0) {
        fclose(f);
        return -1;
    }
    size_t n = 0, room = 0;
    scal_pair_t *out = NULL;
    int rc = 0, got, seen_line = 0;
    while (rc == 0 && (got = scal_lines_next(&lines, err, errlen)) == 1) {
        const char *line = lines.line;
        long lineno = lines.lineno;
        const char *s = line + strspn(line, " \t");
        if (*s == '\0')
            continue;
        int first = !seen_line;
        seen_line = 1;
        unsigned long long src, dst;
        const char *p = field_u64(s, &src);
        if (!p && looks_like_header(s)) {
            if (first)
                continue; /* a header such as "source,target" */
            rc = scal_errf(err, errlen,
                           "%s:%ld: '%.40s' is not 'source,target' (0-based ids): a header may "
                           "only be the first line that is not blank",
                           path, lineno, line);
            break;
        }
        if (p && *p == ',')
            p = field_u64(p + 1, &dst);
        else
            p = NULL;
        if (!p || *p != '\0') {
            rc = scal_errf(err, errlen, "%s:%ld: '%.40s' is not 'source,target' (0-based ids)",
                           path, lineno, line);
        } else if (src >= m || dst >= m) {
            rc = scal_errf(err, errlen, "%s:%ld: %s %llu is outside 0..%u", path, lineno,
                           src >= m ? "source" : "target", src >= m ? src : dst, m - 1);
        } else if (n == SCAL_MAX_TASKS) {
            rc = scal_errf(err, errlen, "%s:%ld: more than %llu pairs", path, lineno,
                           SCAL_MAX_TASKS);
        } else if (n == room && pairs_grow(&out, &room, path, lineno, err, errlen) != 0) {
            rc = -1;
        } else {
            out[n].source = (uint32_t)src;
            out[n].target = (uint32_t)dst;
            n++;
        }
    }
    if (rc == 0 && got < 0)
        rc = -1;
    if (rc == 0 && n == 0)
        rc = scal_errf(err, errlen, "%s: no pairs", path);
    scal_lines_free(&lines);
    fclose(f);
    if (rc != 0) {
        free(out);
        return -1;
    }
    *pairs = out;
    *q = n;
    return 0;
}
