/* scal_bind.h - where workers run: the hwloc topology, the cpuset this
 * process may use, placement policies, binding, and the reports of all that.
 *
 * Use, once per process and before any thread is bound:
 *   scal_topo_t *t = scal_topo_load(err, sizeof err);
 *   scal_bind_policy_t p = scal_bind_resolve(t, cfg.bind);   // AUTO -> default
 *   scal_bind_plan(t, p, nworkers, slots, &oversubscribed);
 * then in each worker w: scal_bind_apply(t, &slots[w]), and
 * scal_bind_current_pu(t) to record where it actually ran.
 *
 * Workers are numbered per node: a thread engine uses its thread number, an
 * MPI engine local_rank * threads + thread with nworkers = local ranks *
 * threads, so that ranks sharing a node share one plan.
 *
 * The allowed set is the process's binding at load time (what mpirun, srun,
 * taskset or an OpenMP runtime left it) intersected with the PUs the machine
 * allows (cgroups). Placement never leaves it. When it is strictly smaller
 * than the machine's allowed PUs, something outside bound us: the default
 * policy is then none, so we do not undo a launcher's choice.
 *
 * Numbering: PUs are OS indices (what taskset, sched_getcpu and /proc use);
 * packages, NUMA nodes and cores are hwloc logical indices, because their OS
 * indices repeat across packages on Linux.
 *
 * A scal_topo_t is read-only after loading: every function here may be called
 * from several threads at once on the same topology. */
#ifndef SCAL_BIND_H
#define SCAL_BIND_H

#include <stddef.h>
#include <stdio.h>

typedef enum {
    SCAL_BIND_AUTO = 0, /* no --bind given: scal_bind_default() decides */
    SCAL_BIND_NONE,     /* leave threads where the OS (or a launcher) puts them */
    SCAL_BIND_COMPACT,  /* consecutive cores, one PU each; then the cores' other PUs */
    SCAL_BIND_SPREAD,   /* as far apart as the topology allows (packages, NUMA first) */
} scal_bind_policy_t;

/* A loaded topology plus the allowed set and what was detected about it. */
typedef struct scal_topo scal_topo_t;

/* Where one worker goes. */
typedef struct {
    int pu;   /* OS index of its PU; -1: not bound by us (the whole allowed set) */
    int core; /* logical index of that PU's core in the machine; -1 if none */
} scal_bind_slot_t;

/* ---- policy ------------------------------------------------------------ */

/* Parse a --bind value: "none", "compact" or "spread" (exactly). Returns 0 and
 * sets *out; on a bad or NULL value returns -1 with errno EINVAL and writes a
 * message naming the value into err (if err is not NULL). */
int scal_bind_parse(const char *s, scal_bind_policy_t *out, char *err, size_t errlen);

/* "auto", "none", "compact" or "spread"; "?" for a value outside the enum. */
const char *scal_bind_name(scal_bind_policy_t p);

/* ---- topology ---------------------------------------------------------- */

/* Load this machine's topology and this process's allowed set (its current
 * CPU binding, intersected with the machine's allowed PUs). Call it before
 * binding any thread of the process, or the binding found is ours. Honours
 * hwloc's own HWLOC_XMLFILE / HWLOC_SYNTHETIC variables. Returns NULL with
 * errno set on failure, with a message in err (if not NULL). */
scal_topo_t *scal_topo_load(char *err, size_t errlen);

/* Build a synthetic topology from an hwloc description such as
 * "pack:2 core:4 pu:2". `bound` stands for the process binding a launcher
 * would have left, in hwloc list syntax ("0-3,8"); NULL means bound to the
 * whole machine. The allowed set is `bound` intersected with the machine.
 * Binding threads with such a topology is a successful no-op (hwloc's
 * synthetic backend), so engines can be run on it anywhere. Returns NULL with
 * errno EINVAL for a bad description, a bad cpuset or a `bound` that holds
 * no PU of the machine (message in err if not NULL); other errno on
 * allocation failure. */
scal_topo_t *scal_topo_synthetic(const char *desc, const char *bound, char *err, size_t errlen);

/* Release a topology; NULL is allowed. */
void scal_topo_free(scal_topo_t *t);

/* Number of allowed PUs (>= 1), or -1 with errno EINVAL if t is NULL. */
int scal_topo_npus(const scal_topo_t *t);

/* Number of cores holding an allowed PU (0 on a topology without cores),
 * or -1 with errno EINVAL if t is NULL. */
int scal_topo_ncores(const scal_topo_t *t);

/* Write the allowed set in hwloc list syntax ("0-3,8") into buf, snprintf
 * style: returns the length it needs (excluding the NUL), or -1 with errno
 * EINVAL if t is NULL. */
int scal_topo_allowed(const scal_topo_t *t, char *buf, size_t len);

/* What the tool sees, as "key: value" lines for --topology and env.txt:
 * source, counts of packages, NUMA nodes, cores and PUs, each package and
 * NUMA node with its PUs, the allowed set, the external binding and the
 * default policy. Returns 0, or -1 with errno set (EINVAL for NULL
 * arguments, or from the stream) if writing failed. */
int scal_topo_print(const scal_topo_t *t, FILE *out);

/* ---- external binding and default policy -------------------------------- */

/* Whether something outside bound this process: its allowed set is strictly
 * smaller than the machine's allowed PUs. Writes a description into desc (if
 * not NULL), e.g. "bound by launcher to PUs 0", "bound by Slurm to PUs 0-3
 * (SLURM_CPU_BIND=...)" or "not bound: PUs 0-15 are the whole allowed
 * machine". The binder and the list in parentheses come from hints in the
 * environment at load time (SLURM_CPU_BIND, OMPI_MCA_hwloc_base_binding_policy,
 * OMP_PLACES, OMP_PROC_BIND; values saying none/false are no hint); without
 * one it is "launcher". Hints only name the binder: with the whole machine
 * allowed, they do not make the process bound. (libgomp, under OMP_PLACES or
 * OMP_PROC_BIND, binds the initial thread to its first place at startup, so
 * the cpuset shows that binding.) Returns 1 bound, 0 free, or -1 with errno
 * EINVAL if t is NULL. */
int scal_bind_external(const scal_topo_t *t, char *desc, size_t len);

/* SCAL_BIND_NONE when externally bound, else SCAL_BIND_COMPACT; NONE for a
 * NULL t. */
scal_bind_policy_t scal_bind_default(const scal_topo_t *t);

/* p itself, or scal_bind_default(t) for SCAL_BIND_AUTO: the policy to record. */
scal_bind_policy_t scal_bind_resolve(const scal_topo_t *t, scal_bind_policy_t p);

/* ---- plan and apply ------------------------------------------------------ */

/* Fill slots[0..nworkers-1] with each worker's place under policy p (AUTO is
 * resolved first). none: every slot pu = -1 (the whole allowed set). compact
 * and spread: distinct allowed PUs while nworkers <= scal_topo_npus(t); past
 * that the policy's placement of all allowed PUs is reused round-robin
 * (worker w gets the place of worker w mod npus). *oversubscribed (if not
 * NULL) is set to 1 when nworkers > npus, whatever the policy, else 0.
 * Returns 0, or -1 with errno EINVAL (NULL t or slots, nworkers < 1, bad p)
 * or ENOMEM. */
int scal_bind_plan(const scal_topo_t *t, scal_bind_policy_t p, int nworkers,
                   scal_bind_slot_t *slots, int *oversubscribed);

/* Bind the calling thread (only it) to slot->pu. A slot with pu = -1 leaves
 * the thread as it is and returns 0. Returns 0, or -1 with errno set: EINVAL
 * for NULL arguments or a PU outside the allowed set, else hwloc's errno from
 * hwloc_set_cpubind(). */
int scal_bind_apply(const scal_topo_t *t, const scal_bind_slot_t *slot);

/* OS index of the PU the calling thread last ran on. Uses sched_getcpu(),
 * cheap enough to call per task, and falls back to hwloc on a real topology
 * (t may be NULL to skip the fallback). Returns -1 with errno set if
 * neither works. */
int scal_bind_current_pu(const scal_topo_t *t);

/* ---- reports ------------------------------------------------------------- */

/* One --report-bindings line, without newline, snprintf style:
 * "host0 rank 0 thread 1 -> PU 1 (core 1)", or for an unbound slot
 * "host0 rank 0 thread 1 -> PUs 0-15 (unbound)". Returns the length needed,
 * or -1 with errno EINVAL for NULL t, host or slot. */
int scal_bind_format_line(char *buf, size_t len, const scal_topo_t *t, const char *host,
                          int rank, int thread, const scal_bind_slot_t *slot);

/* The one-off oversubscription warning, without newline, snprintf style:
 * "warning: 6 workers on 4 allowed PUs (0-3): oversubscribed, PUs are shared
 * round-robin". Returns the length needed, or -1 with errno EINVAL for a
 * NULL t. */
int scal_bind_format_oversub(char *buf, size_t len, const scal_topo_t *t, int nworkers);

#endif
