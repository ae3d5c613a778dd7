/* place.c - the engines' use of the binding library (see scal_place.h). */
#include "scal_place.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "scal_sys.h"

int scal_place_init(scal_place_t *p, scal_bind_policy_t policy, int nthreads, int first,
                    int nplan, char *err, size_t errlen)
{
    memset(p, 0, sizeof *p);
    p->topo = scal_topo_load(err, errlen);
    if (!p->topo)
        return -1;
    char desc[256];
    p->external = scal_bind_external(p->topo, desc, sizeof desc) == 1;
    p->policy = scal_bind_resolve(p->topo, policy);
    p->nthreads = nthreads;
    if (p->external) {
        /* A launcher gave this process its own cpuset: the machine-wide
         * numbering of the other processes' workers does not apply. */
        first = 0;
        nplan = nthreads;
    }
    scal_bind_slot_t *all = calloc((size_t)nplan, sizeof *all);
    p->slots = calloc((size_t)nthreads, sizeof *p->slots);
    p->last_pu = calloc((size_t)nthreads, sizeof *p->last_pu);
    if (!all || !p->slots || !p->last_pu ||
        scal_bind_plan(p->topo, p->policy, nplan, all, &p->oversubscribed) != 0) {
        snprintf(err, errlen, "cannot plan the placement of %d workers: %s", nplan,
                 strerror(errno ? errno : ENOMEM));
        free(all);
        scal_place_free(p);
        return -1;
    }
    memcpy(p->slots, all + first, (size_t)nthreads * sizeof *all);
    free(all);
    return 0;
}

int scal_place_bind_self(const scal_place_t *p, int t)
{
    return scal_bind_apply(p->topo, &p->slots[t]);
}

void scal_place_note_pu(scal_place_t *p, int t)
{
    p->last_pu[t] = scal_bind_current_pu(p->topo);
}

void scal_place_pairs(const scal_place_t *p, int *pairs)
{
    for (int t = 0; t < p->nthreads; t++) {
        pairs[2 * t] = p->slots[t].pu;
        pairs[2 * t + 1] = p->last_pu[t];
    }
}

void scal_place_format_cpus(char *buf, size_t len, const int *pairs, int nworkers)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int w = 0; w < nworkers && used < len; w++) {
        char bound[16] = "-";
        if (pairs[2 * w] >= 0)
            snprintf(bound, sizeof bound, "%d", pairs[2 * w]);
        used += (size_t)snprintf(buf + used, len - used, "%s%s:%d", w ? ";" : "", bound,
                                 pairs[2 * w + 1]);
    }
}

void scal_place_report(const scal_place_t *p, FILE *out, int rank)
{
    char host[64], line[256];
    scal_hostname(host, sizeof host);
    for (int t = 0; t < p->nthreads; t++)
        if (scal_bind_format_line(line, sizeof line, p->topo, host, rank, t, &p->slots[t]) >= 0)
            fprintf(out, "%s\n", line);
    fflush(out);
}

void scal_place_cpuset(const scal_place_t *p, cpu_set_t *set)
{
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0)
        CPU_ZERO(&allowed);
    CPU_ZERO(set);
    for (int t = 0; t < p->nthreads; t++) {
        if (p->slots[t].pu >= 0 && p->slots[t].pu < CPU_SETSIZE)
            CPU_SET((size_t)p->slots[t].pu, set);
        else
            CPU_OR(set, set, &allowed);
    }
}

void scal_place_free(scal_place_t *p)
{
    scal_topo_free(p->topo);
    free(p->slots);
    free(p->last_pu);
    memset(p, 0, sizeof *p);
}
