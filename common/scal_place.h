/* scal_place.h - binding as an engine uses it: load the topology once,
 * decide the policy, plan the places of this process's workers, and let each
 * worker thread pin itself and say where it ran.  Built on scal_bind.h. */
#ifndef SCAL_PLACE_H
#define SCAL_PLACE_H

#include <sched.h>
#include <stddef.h>
#include <stdio.h>

#include "scal_bind.h"

typedef struct scal_place {
    scal_topo_t *topo;
    scal_bind_policy_t policy; /* resolved: never AUTO */
    int external;              /* a launcher, cgroup or taskset bound us */
    int oversubscribed;        /* more planned workers than allowed PUs */
    int nthreads;              /* this process's workers */
    scal_bind_slot_t *slots;   /* nthreads places */
    int *last_pu;              /* per worker: the PU it was last seen on */
} scal_place_t;

/* Plan `nthreads` workers of this process.  They are workers first ..
 * first + nthreads - 1 of `nplan` sharing this machine (for one process:
 * first = 0, nplan = nthreads; for a rank: its node's workers).  A process
 * that a launcher already bound plans its own workers inside its own cpuset.  `policy` is
 * the --bind value (AUTO for the default).  Call before any thread is bound.
 * Returns 0, or -1 with err set (hwloc could not load the topology). */
int scal_place_init(scal_place_t *p, scal_bind_policy_t policy, int nthreads, int first,
                    int nplan, char *err, size_t errlen);

/* Called by worker thread t: bind it to its place (if the policy binds).
 * Returns 0, or -1 if the binding failed (errno set). */
int scal_place_bind_self(const scal_place_t *p, int t);

/* Called by worker thread t when it is done: note where it ran. */
void scal_place_note_pu(scal_place_t *p, int t);

/* Per worker "bound:last" (bound is '-' for an unbound worker), ';'-separated,
 * for the record's cpus field.  pairs: nworkers x 2 ints (bound, last). */
void scal_place_format_cpus(char *buf, size_t len, const int *pairs, int nworkers);

/* Fill pairs[2t], pairs[2t+1] for this process's workers. */
void scal_place_pairs(const scal_place_t *p, int *pairs);

/* --report-bindings: one line per worker of this process on `out`. */
void scal_place_report(const scal_place_t *p, FILE *out, int rank);

/* The CPUs this process's workers may run on: the PUs they are bound to,
 * or, for unbound workers, the process's allowed set (sched_getaffinity;
 * call before the calling thread is bound). */
void scal_place_cpuset(const scal_place_t *p, cpu_set_t *set);

void scal_place_free(scal_place_t *p);

#endif
