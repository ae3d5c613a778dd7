/* workloads.c - the workload table, the options several workloads share,
 * and what every workload does alike (prepare, checksum, validation).
 *
 * Each workload is a descriptor in its own file (workload_NAME.c) that
 * owns its options; this table is the one list of them. */
#include "scal_workload.h"

#include <string.h>

#include "scal_cli.h"
#include "scal_rng.h"

/* The table: one row per workload, whose descriptor is scal_workload_NAME
 * in workload_NAME.c.  Its order is --help's and the option table's. */
#define WORKLOADS(ROW) \
    ROW(factor)        \
    ROW(sleep)         \
    ROW(spin)          \
    ROW(paths)         \
    ROW(triad)

#define DECLARE(name) extern const scal_workload_t scal_workload_##name;
WORKLOADS(DECLARE)
#define ENTRY(name) &scal_workload_##name,
static const scal_workload_t *const table[] = {WORKLOADS(ENTRY)};

#define NWORKLOADS (sizeof table / sizeof table[0])

const scal_option_t scal_option_tasks = {
    "tasks", SCAL_OPT_U64, offsetof(scal_config_t, tasks), 1, SCAL_MAX_TASKS, 0, 0, NULL,
    SCAL_ENGINE_OMP | SCAL_ENGINE_MPI, SCAL_OPT_SIZE, "N", "number of tasks"};

const scal_option_t scal_option_seed = {
    "seed", SCAL_OPT_U64, offsetof(scal_config_t, seed), 0, UINT64_MAX, 0, 0, NULL,
    SCAL_ENGINE_OMP | SCAL_ENGINE_MPI, 0, "S", "random seed"};

const scal_workload_t *scal_workload_find(const char *name)
{
    for (size_t i = 0; i < NWORKLOADS; i++)
        if (strcmp(table[i]->name, name) == 0)
            return table[i];
    return NULL;
}

const scal_workload_t *scal_workload_at(size_t i)
{
    return i < NWORKLOADS ? table[i] : NULL;
}

char *scal_workload_names(char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < NWORKLOADS && used < len; i++)
        used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? ", " : "", table[i]->name);
    return buf;
}

int scal_work_prepare(scal_work_t *w, const scal_config_t *cfg, char *err, size_t errlen)
{
    memset(w, 0, sizeof *w);
    w->wl = scal_workload_find(cfg->workload);
    if (!w->wl) {
        char names[128];
        snprintf(err, errlen, "unknown workload '%s' (choose %s)", cfg->workload,
                 scal_workload_names(names, sizeof names));
        return -1;
    }
    w->cfg = cfg;
    w->kernel = "-";
    w->ntasks = w->nresults = cfg->tasks;
    w->max_task_results = 1;
    if (w->wl->check_options && w->wl->check_options(cfg, "--", err, errlen) != 0)
        return -1;
    return w->wl->prepare ? w->wl->prepare(w, err, errlen) : 0;
}

void scal_work_release(scal_work_t *w)
{
    if (w->wl && w->wl->release)
        w->wl->release(w);
    w->state = NULL;
}

uint64_t scal_checksum(const scal_result_t *results, uint64_t first, uint64_t n)
{
    uint64_t sum = 0;
    for (uint64_t r = first; r < first + n; r++) {
        const scal_result_t *x = &results[r];
        uint64_t xbits;
        memcpy(&xbits, &x->x, sizeof xbits);
        uint64_t h = scal_mix64(r + SCAL_RNG_GOLDEN);
        h = scal_mix64(h ^ (uint64_t)x->v[0]);
        h = scal_mix64(h ^ (uint64_t)x->v[1]);
        h = scal_mix64(h ^ (uint64_t)x->v[2]);
        h = scal_mix64(h ^ xbits);
        sum += h;
    }
    return sum;
}

void *scal_work_scratch_new(const scal_work_t *w)
{
    return w->wl->scratch_new ? w->wl->scratch_new(w) : NULL;
}

void scal_work_scratch_free(const scal_work_t *w, void *scratch)
{
    if (w->wl->scratch_free && scratch)
        w->wl->scratch_free(scratch);
}

uint64_t scal_work_validate(const scal_work_t *w, const scal_result_t *results, char *err,
                            size_t errlen)
{
    if (w->wl->validate)
        return w->wl->validate(w, results, err, errlen);
    uint64_t bad = 0;
    for (uint64_t r = 0; r < w->nresults; r++)
        if (!w->wl->check(w, r, results) && bad++ == 0) {
            char desc[96];
            w->wl->describe(desc, sizeof desc, r, results);
            snprintf(err, errlen, "result %llu is wrong: %s", (unsigned long long)r, desc);
        }
    return bad;
}
