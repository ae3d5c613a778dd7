/* bind.c - hwloc topology, allowed set, placement (compact, spread), binding
 * and their reports. See scal_bind.h for the contract.
 *
 * Two topologies are kept: `full`, the machine as hwloc shows it (used for
 * binding, for counts and for the logical core numbers users see), and
 * `view`, a copy restricted to the allowed set. Placement runs on `view`, so
 * its object walks only ever meet PUs we may use. */
#include "scal_bind.h"

#include <errno.h>
#include <sched.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <hwloc.h>

/* The library version pkg-config found, from CMake: hwloc's headers only
 * carry the API version, which lags (2.9.0 has API 2.8.0). */
#ifndef SCAL_HWLOC_VERSION
#define SCAL_HWLOC_VERSION "of unknown version"
#endif

/* Environment variables that say who bound us, outermost binder first: an
 * OpenMP runtime binds inside what Open MPI or Slurm gave the process.
 * (libgomp binds the initial thread to the first place at startup, so its
 * binding shows in the cpuset before any parallel region.) */
static const struct {
    const char *var;
    const char *binder;
} hint_vars[] = {
    {"SLURM_CPU_BIND", "Slurm"},
    {"OMPI_MCA_hwloc_base_binding_policy", "Open MPI"},
    {"OMP_PLACES", "OpenMP runtime"},
    {"OMP_PROC_BIND", "OpenMP runtime"},
};

struct scal_topo {
    hwloc_topology_t full;
    hwloc_topology_t view;
    hwloc_bitmap_t machine; /* allowed PUs of the machine (cgroups, offline CPUs) */
    hwloc_bitmap_t allowed; /* process binding at load time, within `machine` */
    int external;           /* allowed is strictly smaller than machine */
    const char *binder;     /* who bound us, as the hints tell: "Slurm", ... */
    char hints[256];        /* "SLURM_CPU_BIND=..., OMP_PLACES=cores" or "" */
    char source[200];       /* "this machine (hwloc ...)" or "synthetic ..." */
};

static void set_err(char *err, size_t len, const char *fmt, ...)
{
    if (!err || len == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, len, fmt, ap);
    va_end(ap);
}

/* ---- policy ---------------------------------------------------------------- */

static const char *const policy_names[] = {"auto", "none", "compact", "spread"};

const char *scal_bind_name(scal_bind_policy_t p)
{
    if ((int)p < 0 || (size_t)p >= sizeof policy_names / sizeof policy_names[0])
        return "?";
    return policy_names[p];
}

int scal_bind_parse(const char *s, scal_bind_policy_t *out, char *err, size_t errlen)
{
    /* "auto" is the absence of --bind, not a value the user may spell. */
    for (int p = SCAL_BIND_NONE; s && p <= SCAL_BIND_SPREAD; p++) {
        if (strcmp(s, policy_names[p]) == 0) {
            if (out)
                *out = (scal_bind_policy_t)p;
            return 0;
        }
    }
    set_err(err, errlen, "bad --bind value '%s' (want none, compact or spread)", s ? s : "");
    errno = EINVAL;
    return -1;
}

/* ---- loading ---------------------------------------------------------------- */

/* Record which binding hints are set and the binder the first one names
 * ("launcher" without hints: taskset, numactl, mpirun of another MPI...). A
 * hint that asks for no binding (OMP_PROC_BIND=false, policy none,
 * --cpu-bind=none) names no binder. */
static void read_hints(scal_topo_t *t)
{
    char *buf = t->hints;
    size_t len = sizeof t->hints, used = 0;
    buf[0] = '\0';
    t->binder = "launcher";
    for (size_t i = 0; i < sizeof hint_vars / sizeof hint_vars[0]; i++) {
        const char *v = getenv(hint_vars[i].var);
        if (!v || !*v || strstr(v, "none") || strcasecmp(v, "false") == 0)
            continue;
        if (!used)
            t->binder = hint_vars[i].binder;
        int n = snprintf(buf + used, len - used, "%s%s=%s", used ? ", " : "", hint_vars[i].var, v);
        if (n < 0 || (size_t)n >= len - used)
            break; /* truncated: what fits is enough to name the binder */
        used += (size_t)n;
    }
}

/* The process binding, or the whole machine where the OS cannot tell. */
static int process_binding(scal_topo_t *t, const char *bound, hwloc_bitmap_t set, char *err,
                           size_t errlen)
{
    if (bound) {
        if (hwloc_bitmap_list_sscanf(set, bound) != 0) {
            set_err(err, errlen, "bad cpuset '%s' (want a list like 0-3,8)", bound);
            errno = EINVAL;
            return -1;
        }
        return 0;
    }
    if (hwloc_get_cpubind(t->full, set, HWLOC_CPUBIND_PROCESS) != 0 || hwloc_bitmap_iszero(set))
        return hwloc_bitmap_copy(set, t->machine);
    return 0;
}

static scal_topo_t *topo_new(const char *desc, const char *bound, char *err, size_t errlen)
{
    scal_topo_t *t = calloc(1, sizeof *t);
    if (!t) {
        set_err(err, errlen, "out of memory");
        return NULL;
    }
    int saved;
    if (hwloc_topology_init(&t->full) != 0) {
        saved = errno;
        set_err(err, errlen, "hwloc_topology_init failed: %s", strerror(saved));
        free(t);
        errno = saved;
        return NULL;
    }
    if (desc && hwloc_topology_set_synthetic(t->full, desc) != 0) {
        set_err(err, errlen, "bad synthetic topology '%s'", desc);
        saved = EINVAL;
        goto fail;
    }
    if (hwloc_topology_load(t->full) != 0) {
        saved = errno;
        set_err(err, errlen, "hwloc_topology_load failed: %s", strerror(saved));
        goto fail;
    }
    if (desc)
        snprintf(t->source, sizeof t->source, "synthetic \"%s\"", desc);
    else
        snprintf(t->source, sizeof t->source, "this machine (hwloc %s)", SCAL_HWLOC_VERSION);

    t->machine = hwloc_bitmap_dup(hwloc_topology_get_allowed_cpuset(t->full));
    t->allowed = hwloc_bitmap_alloc();
    if (!t->machine || !t->allowed) {
        saved = ENOMEM;
        set_err(err, errlen, "out of memory");
        goto fail;
    }
    if (process_binding(t, bound, t->allowed, err, errlen) != 0) {
        saved = errno;
        goto fail;
    }
    hwloc_bitmap_and(t->allowed, t->allowed, t->machine);
    if (hwloc_bitmap_iszero(t->allowed)) {
        char *m = NULL;
        hwloc_bitmap_list_asprintf(&m, t->machine);
        set_err(err, errlen, "binding '%s' holds none of the machine's PUs %s",
                bound ? bound : "of this process", m ? m : "?");
        free(m);
        saved = EINVAL;
        goto fail;
    }
    t->external = !hwloc_bitmap_isequal(t->allowed, t->machine);
    read_hints(t);

    if (hwloc_topology_dup(&t->view, t->full) != 0) {
        saved = errno;
        set_err(err, errlen, "hwloc_topology_dup failed: %s", strerror(saved));
        goto fail;
    }
    if (hwloc_topology_restrict(t->view, t->allowed, HWLOC_RESTRICT_FLAG_REMOVE_CPULESS) != 0) {
        saved = errno;
        set_err(err, errlen, "hwloc_topology_restrict failed: %s", strerror(saved));
        goto fail;
    }
    /* Restriction leaves caches to rebuild lazily, which is not thread-safe;
     * rebuild them now so the topology is read-only from here on. */
    hwloc_topology_refresh(t->view);
    return t;

fail:
    scal_topo_free(t);
    errno = saved;
    return NULL;
}

scal_topo_t *scal_topo_load(char *err, size_t errlen)
{
    return topo_new(NULL, NULL, err, errlen);
}

scal_topo_t *scal_topo_synthetic(const char *desc, const char *bound, char *err, size_t errlen)
{
    if (!desc) {
        set_err(err, errlen, "no synthetic topology description");
        errno = EINVAL;
        return NULL;
    }
    return topo_new(desc, bound, err, errlen);
}

void scal_topo_free(scal_topo_t *t)
{
    if (!t)
        return;
    if (t->view)
        hwloc_topology_destroy(t->view);
    if (t->full)
        hwloc_topology_destroy(t->full);
    hwloc_bitmap_free(t->machine);
    hwloc_bitmap_free(t->allowed);
    free(t);
}

int scal_topo_npus(const scal_topo_t *t)
{
    if (!t) {
        errno = EINVAL;
        return -1;
    }
    return hwloc_bitmap_weight(t->allowed);
}

int scal_topo_ncores(const scal_topo_t *t)
{
    if (!t) {
        errno = EINVAL;
        return -1;
    }
    return hwloc_get_nbobjs_by_type(t->view, HWLOC_OBJ_CORE);
}

int scal_topo_allowed(const scal_topo_t *t, char *buf, size_t len)
{
    if (!t) {
        errno = EINVAL;
        return -1;
    }
    return hwloc_bitmap_list_snprintf(buf, len, t->allowed);
}

/* ---- external binding ---------------------------------------------------------- */

int scal_bind_external(const scal_topo_t *t, char *desc, size_t len)
{
    if (!t) {
        errno = EINVAL;
        return -1;
    }
    if (desc && len) {
        char *set = NULL;
        hwloc_bitmap_list_asprintf(&set, t->allowed);
        const char *s = set ? set : "?";
        int has_hints = t->hints[0] != '\0';
        if (t->external)
            snprintf(desc, len, "bound by %s to PUs %s%s%s%s", t->binder, s,
                     has_hints ? " (" : "", t->hints, has_hints ? ")" : "");
        else
            snprintf(desc, len, "not bound: PUs %s are the whole allowed machine%s%s%s", s,
                     has_hints ? " (" : "", t->hints, has_hints ? " set)" : "");
        free(set);
    }
    return t->external;
}

scal_bind_policy_t scal_bind_default(const scal_topo_t *t)
{
    return !t || t->external ? SCAL_BIND_NONE : SCAL_BIND_COMPACT;
}

scal_bind_policy_t scal_bind_resolve(const scal_topo_t *t, scal_bind_policy_t p)
{
    return p == SCAL_BIND_AUTO ? scal_bind_default(t) : p;
}

/* ---- placement ------------------------------------------------------------------ */

/* A PU's rank among the PUs of its core (0 for the first hardware thread,
 * and for a PU without a core): placement fills rank 0 of every core before
 * rank 1 of any. */
static int pu_round(hwloc_topology_t v, hwloc_obj_t pu)
{
    hwloc_obj_t core = hwloc_get_ancestor_obj_by_type(v, HWLOC_OBJ_CORE, pu);
    if (!core)
        return 0;
    /* A core's PUs are consecutive in logical order. */
    hwloc_obj_t first = hwloc_get_obj_inside_cpuset_by_type(v, core->cpuset, HWLOC_OBJ_PU, 0);
    return (int)(pu->logical_index - first->logical_index);
}

typedef struct {
    int round;
    int pos; /* logical index of the PU in the view */
    int pu;  /* OS index */
} compact_key_t;

static int compact_cmp(const void *a, const void *b)
{
    const compact_key_t *x = a, *y = b;
    if (x->round != y->round)
        return x->round < y->round ? -1 : 1;
    return (x->pos > y->pos) - (x->pos < y->pos);
}

/* order[0..npus-1] = OS indices of the allowed PUs, compact: the first PU of
 * each core in core order, then the second ones, and so on. */
static int order_compact(hwloc_topology_t v, int npus, int *order)
{
    compact_key_t *keys = malloc((size_t)npus * sizeof *keys);
    if (!keys)
        return -1;
    for (int i = 0; i < npus; i++) {
        hwloc_obj_t pu = hwloc_get_obj_by_type(v, HWLOC_OBJ_PU, (unsigned)i);
        keys[i] = (compact_key_t){.round = pu_round(v, pu), .pos = i, .pu = (int)pu->os_index};
    }
    qsort(keys, (size_t)npus, sizeof *keys, compact_cmp);
    for (int i = 0; i < npus; i++)
        order[i] = keys[i].pu;
    free(keys);
    return 0;
}

/* Choose k PUs of `avail` under obj, as far apart as the tree allows: the k
 * are split among obj's children in proportion to the PUs of `avail` each
 * holds, by largest remainder, and children tied for a leftover worker get
 * it spaced out (2 over 4 equal cores go to the 1st and 3rd). Unlike
 * hwloc_distrib's rounding up, this never leaves a package empty while
 * another gets two workers it had only a fractional claim to. Adds the chosen
 * PUs to `chosen`. The caller ensures k <= |avail under obj|. */
static int spread_pick(hwloc_obj_t obj, hwloc_const_bitmap_t avail, int k, hwloc_bitmap_t chosen)
{
    if (k <= 0)
        return 0;
    if (obj->arity == 0) /* a PU of avail, and k == 1 */
        return hwloc_bitmap_or(chosen, chosen, obj->cpuset);
    unsigned m = obj->arity;
    long *w = calloc(m, sizeof *w), *rem = calloc(m, sizeof *rem);
    int *share = calloc(m, sizeof *share);
    hwloc_bitmap_t tmp = hwloc_bitmap_alloc();
    int rc = -1;
    if (!w || !rem || !share || !tmp)
        goto out;
    long tot = 0;
    for (unsigned i = 0; i < m; i++) {
        hwloc_bitmap_and(tmp, obj->children[i]->cpuset, avail);
        w[i] = hwloc_bitmap_weight(tmp);
        tot += w[i];
    }
    int extra = k;
    for (unsigned i = 0; i < m; i++) {
        share[i] = (int)(w[i] * k / tot);
        rem[i] = w[i] * k % tot;
        extra -= share[i];
    }
    /* Sum of remainders is extra * tot, so at least `extra` children have one. */
    while (extra > 0) {
        long best = 0;
        int ties = 0;
        for (unsigned i = 0; i < m; i++) {
            if (rem[i] > best) {
                best = rem[i];
                ties = 1;
            } else if (rem[i] == best && best > 0) {
                ties++;
            }
        }
        int take = extra < ties ? extra : ties;
        for (unsigned i = 0, j = 0, t = 0; i < m; i++) {
            if (rem[i] != best)
                continue;
            if ((int)t < take && (int)j == (int)t * ties / take) {
                share[i]++;
                t++;
            }
            rem[i] = 0;
            j++;
        }
        extra -= take;
    }
    rc = 0;
    for (unsigned i = 0; i < m && rc == 0; i++)
        rc = spread_pick(obj->children[i], avail, share[i], chosen);
out:
    free(w);
    free(rem);
    free(share);
    hwloc_bitmap_free(tmp);
    return rc;
}

/* order[0..n-1] = OS indices of n distinct allowed PUs (n <= npus), spread:
 * one PU per core while cores last (rank 0 of each core), then the cores'
 * further hardware threads, each round spread over the tree; listed in
 * topology order so that neighbouring workers sit in neighbouring parts. */
static int order_spread(hwloc_topology_t v, int npus, int n, int *order)
{
    hwloc_bitmap_t avail = hwloc_bitmap_alloc(), chosen = hwloc_bitmap_alloc();
    int rc = avail && chosen ? 0 : -1;
    for (int round = 0, left = n; rc == 0 && left > 0; round++) {
        hwloc_bitmap_zero(avail);
        for (int i = 0; i < npus; i++) {
            hwloc_obj_t pu = hwloc_get_obj_by_type(v, HWLOC_OBJ_PU, (unsigned)i);
            if (pu_round(v, pu) == round)
                hwloc_bitmap_set(avail, pu->os_index);
        }
        int k = hwloc_bitmap_weight(avail);
        k = k < left ? k : left;
        rc = spread_pick(hwloc_get_root_obj(v), avail, k, chosen);
        left -= k;
    }
    for (int i = 0, j = 0; rc == 0 && i < npus; i++) {
        hwloc_obj_t pu = hwloc_get_obj_by_type(v, HWLOC_OBJ_PU, (unsigned)i);
        if (hwloc_bitmap_isset(chosen, pu->os_index))
            order[j++] = (int)pu->os_index;
    }
    hwloc_bitmap_free(avail);
    hwloc_bitmap_free(chosen);
    return rc;
}

/* Logical index, in the machine, of the core holding OS PU `pu`; -1 if none. */
static int core_of(hwloc_topology_t full, int pu)
{
    hwloc_obj_t obj = hwloc_get_pu_obj_by_os_index(full, (unsigned)pu);
    hwloc_obj_t core = obj ? hwloc_get_ancestor_obj_by_type(full, HWLOC_OBJ_CORE, obj) : NULL;
    return core ? (int)core->logical_index : -1;
}

int scal_bind_plan(const scal_topo_t *t, scal_bind_policy_t p, int nworkers,
                   scal_bind_slot_t *slots, int *oversubscribed)
{
    if (!t || !slots || nworkers < 1) {
        errno = EINVAL;
        return -1;
    }
    p = scal_bind_resolve(t, p);
    int npus = hwloc_bitmap_weight(t->allowed);
    if (oversubscribed)
        *oversubscribed = nworkers > npus;
    if (p == SCAL_BIND_NONE) {
        for (int w = 0; w < nworkers; w++)
            slots[w] = (scal_bind_slot_t){.pu = -1, .core = -1};
        return 0;
    }
    if (p != SCAL_BIND_COMPACT && p != SCAL_BIND_SPREAD) {
        errno = EINVAL;
        return -1;
    }
    /* Past npus workers, reuse the placement of npus workers round-robin. */
    int m = nworkers < npus ? nworkers : npus;
    int *order = malloc((size_t)npus * sizeof *order);
    if (!order) {
        errno = ENOMEM;
        return -1;
    }
    int rc = p == SCAL_BIND_COMPACT ? order_compact(t->view, npus, order)
                                    : order_spread(t->view, npus, m, order);
    if (rc == 0) {
        for (int w = 0; w < nworkers; w++) {
            int pu = order[w % m];
            slots[w] = (scal_bind_slot_t){.pu = pu, .core = core_of(t->full, pu)};
        }
    }
    free(order);
    if (rc != 0)
        errno = ENOMEM;
    return rc;
}

/* ---- binding ----------------------------------------------------------------------- */

int scal_bind_apply(const scal_topo_t *t, const scal_bind_slot_t *slot)
{
    if (!t || !slot) {
        errno = EINVAL;
        return -1;
    }
    if (slot->pu < 0)
        return 0;
    /* Never leave the allowed set, whatever the caller planned. */
    if (!hwloc_bitmap_isset(t->allowed, (unsigned)slot->pu)) {
        errno = EINVAL;
        return -1;
    }
    hwloc_bitmap_t set = hwloc_bitmap_alloc();
    if (!set) {
        errno = ENOMEM;
        return -1;
    }
    hwloc_bitmap_only(set, (unsigned)slot->pu);
    int rc = hwloc_set_cpubind(t->full, set, HWLOC_CPUBIND_THREAD);
    int saved = errno;
    hwloc_bitmap_free(set);
    errno = saved;
    return rc;
}

int scal_bind_current_pu(const scal_topo_t *t)
{
    /* sched_getcpu is a vDSO call; hwloc reads /proc on Linux, too slow to
     * run per task when spin tasks of 0 us measure dispatch overhead. */
    int cpu = sched_getcpu();
    if (cpu >= 0 || !t || !hwloc_topology_is_thissystem(t->full))
        return cpu;
    hwloc_bitmap_t set = hwloc_bitmap_alloc();
    if (!set) {
        errno = ENOMEM;
        return -1;
    }
    cpu = -1;
    if (hwloc_get_last_cpu_location(t->full, set, HWLOC_CPUBIND_THREAD) == 0)
        cpu = hwloc_bitmap_first(set);
    hwloc_bitmap_free(set);
    if (cpu < 0 && errno == 0)
        errno = ENOSYS;
    return cpu;
}

/* ---- reports ----------------------------------------------------------------------- */

static int print_objs(const scal_topo_t *t, FILE *out, hwloc_obj_type_t type, const char *name)
{
    int n = hwloc_get_nbobjs_by_type(t->full, type);
    for (int i = 0; i < n; i++) {
        hwloc_obj_t obj = hwloc_get_obj_by_type(t->full, type, (unsigned)i);
        char *set = NULL;
        if (hwloc_bitmap_list_asprintf(&set, obj->cpuset) < 0)
            return -1;
        int cores = hwloc_get_nbobjs_inside_cpuset_by_type(t->full, obj->cpuset, HWLOC_OBJ_CORE);
        int rc = fprintf(out, "%s %d: PUs %s (%d cores)\n", name, i, set, cores);
        free(set);
        if (rc < 0)
            return -1;
    }
    return 0;
}

int scal_topo_print(const scal_topo_t *t, FILE *out)
{
    if (!t || !out) {
        errno = EINVAL;
        return -1;
    }
    char *machine = NULL, *allowed = NULL, desc[512];
    if (hwloc_bitmap_list_asprintf(&machine, t->machine) < 0 ||
        hwloc_bitmap_list_asprintf(&allowed, t->allowed) < 0) {
        free(machine);
        errno = ENOMEM;
        return -1;
    }
    int bound = scal_bind_external(t, desc, sizeof desc);
    hwloc_topology_t f = t->full;
    int rc = fprintf(out,
                     "topology: %s\n"
                     "packages: %d\nnuma nodes: %d\ncores: %d\npus: %d\n",
                     t->source, hwloc_get_nbobjs_by_type(f, HWLOC_OBJ_PACKAGE),
                     hwloc_get_nbobjs_by_type(f, HWLOC_OBJ_NUMANODE),
                     hwloc_get_nbobjs_by_type(f, HWLOC_OBJ_CORE),
                     hwloc_get_nbobjs_by_type(f, HWLOC_OBJ_PU)) < 0 ||
             print_objs(t, out, HWLOC_OBJ_PACKAGE, "package") != 0 ||
             print_objs(t, out, HWLOC_OBJ_NUMANODE, "numa node") != 0 ||
             fprintf(out,
                     "machine allowed pus: %s\n"
                     "allowed pus: %s (%d PUs on %d cores)\n"
                     "externally bound: %s (%s)\n"
                     "default bind: %s\n",
                     machine, allowed, scal_topo_npus(t), scal_topo_ncores(t),
                     bound ? "yes" : "no", desc, scal_bind_name(scal_bind_default(t))) < 0
                 ? -1
                 : 0;
    free(machine);
    free(allowed);
    return rc;
}

int scal_bind_format_line(char *buf, size_t len, const scal_topo_t *t, const char *host,
                          int rank, int thread, const scal_bind_slot_t *slot)
{
    if (!t || !host || !slot) {
        errno = EINVAL;
        return -1;
    }
    if (slot->pu < 0) {
        char *set = NULL;
        if (hwloc_bitmap_list_asprintf(&set, t->allowed) < 0) {
            errno = ENOMEM;
            return -1;
        }
        int n = snprintf(buf, len, "%s rank %d thread %d -> PUs %s (unbound)", host, rank, thread,
                         set);
        free(set);
        return n;
    }
    if (slot->core < 0)
        return snprintf(buf, len, "%s rank %d thread %d -> PU %d", host, rank, thread, slot->pu);
    return snprintf(buf, len, "%s rank %d thread %d -> PU %d (core %d)", host, rank, thread,
                    slot->pu, slot->core);
}

int scal_bind_format_oversub(char *buf, size_t len, const scal_topo_t *t, int nworkers)
{
    if (!t) {
        errno = EINVAL;
        return -1;
    }
    char *set = NULL;
    if (hwloc_bitmap_list_asprintf(&set, t->allowed) < 0) {
        errno = ENOMEM;
        return -1;
    }
    int n = snprintf(buf, len,
                     "warning: %d workers on %d allowed PUs (%s): oversubscribed, PUs are shared "
                     "round-robin",
                     nworkers, scal_topo_npus(t), set);
    free(set);
    return n;
}
