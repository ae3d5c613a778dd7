/* pairs.c - the query pairs of the `paths` workload: drawn from seeded
 * streams, or read from a CSV file. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scal_config.h"
#include "scal_err.h"
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

int scal_pairs_read_csv(const char *path, uint32_t m, scal_pair_t **pairs, size_t *q, char *err,
                        size_t errlen)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return scal_errf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
    char *line = NULL;
    size_t cap = 0, n = 0, room = 0;
    scal_pair_t *out = NULL;
    int rc = 0;
    ssize_t len;
    for (long lineno = 1; rc == 0 && (len = getline(&line, &cap, f)) >= 0; lineno++) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        const char *s = line + strspn(line, " \t");
        if (*s == '\0')
            continue;
        unsigned long long src, dst;
        const char *p = field_u64(s, &src);
        if (!p && lineno == 1 && (isalpha((unsigned char)*s) || *s == '"'))
            continue; /* a header such as "source,target" */
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
        } else {
            if (n == room) {
                room = room ? 2 * room : 256;
                scal_pair_t *grown = realloc(out, room * sizeof *grown);
                if (!grown) {
                    rc = scal_errf(err, errlen, "%s:%ld: out of memory", path, lineno);
                    break;
                }
                out = grown;
            }
            out[n].source = (uint32_t)src;
            out[n].target = (uint32_t)dst;
            n++;
        }
    }
    if (rc == 0 && ferror(f))
        rc = scal_errf(err, errlen, "%s: read failed: %s", path, strerror(errno));
    if (rc == 0 && n == 0)
        rc = scal_errf(err, errlen, "%s: no pairs", path);
    free(line);
    fclose(f);
    if (rc != 0) {
        free(out);
        return -1;
    }
    *pairs = out;
    *q = n;
    return 0;
}
