/* slurm.h - the Slurm allocation scal-run runs in, if any: what it may use,
 * how srun is called inside it, and what env.txt records about it.
 *
 * Inside a job (SLURM_JOB_ID set) scal-run refuses, before anything runs, a
 * point that asks for more CPUs than the job holds:
 *   - omp: workers threads run in scal-run's own step (the batch step), so
 *     they must fit in the CPUs that step may use: its affinity mask, and
 *     SLURM_CPUS_ON_NODE when set, whichever is smaller;
 *   - mpi: ranks of `threads` CPUs each must fit in the job's CPUs, node by
 *     node (SLURM_JOB_CPUS_PER_NODE): a rank cannot span nodes, so a node of
 *     c CPUs holds floor(c / threads) ranks. The budget is the CPUs the job
 *     holds, not SLURM_NTASKS x SLURM_CPUS_PER_TASK, because srun steps may
 *     use every allocated CPU whatever shape the job was asked for.
 * Outside a job nothing is refused: the engines flag oversubscription. */
#ifndef SR_SLURM_H
#define SR_SLURM_H

#include <stddef.h>

#include "util.h"

/* srun's --cpu-bind type unless $SCAL_SRUN_CPU_BIND says otherwise. */
#define SR_SRUN_CPU_BIND_DEFAULT "cores"

typedef struct sr_slurm {
    int in_job;               /* SLURM_JOB_ID is set */
    int in_step;              /* SLURM_STEP_ID is set: scal-run runs inside a job step */
    long cpus_on_node;        /* SLURM_CPUS_ON_NODE; 0 when unset */
    long affinity_cpus;       /* CPUs in scal-run's affinity mask; 0 when unknown */
    char *affinity_list;      /* that mask as a list, "0-3,8" */
    long *node_cpus;          /* the job's CPUs per node (SLURM_JOB_CPUS_PER_NODE, expanded) */
    size_t nnodes;            /* 0: unknown */
    char *cpu_bind;           /* srun --cpu-bind type */
} sr_slurm_t;

/* From the environment and scal-run's affinity mask. A zeroed sr_slurm_t
 * means "not inside Slurm". */
void sr_slurm_load(sr_slurm_t *s);
void sr_slurm_free(sr_slurm_t *s);

/* Expand SLURM_JOB_CPUS_PER_NODE ("72(x2),36") into one count per node.
 * Returns the number of nodes, or 0 when the text does not parse (*cpus is
 * then NULL). Caller frees *cpus. */
size_t sr_slurm_parse_cpus_per_node(const char *text, long **cpus);

/* CPUs an omp run started by scal-run may use; 0 when unknown. */
long sr_slurm_thread_cpus(const sr_slurm_t *s);
/* How many ranks of `threads` CPUs each the job holds; -1 when unknown. */
long sr_slurm_rank_capacity(const sr_slurm_t *s, long threads);
/* The job's CPUs in all, summed over its nodes; 0 when unknown. */
long sr_slurm_job_cpus(const sr_slurm_t *s);

/* srun's options for `ranks` ranks of `threads` threads (after "srun"):
 * -n, --cpus-per-task, --exact (the step gets those CPUs only, so each rank
 * is bound to its own), --cpu-bind=verbose,TYPE (the binding is logged),
 * --kill-on-bad-exit (one failed rank ends the step, not a hang), and
 * --overlap when scal-run itself runs inside a step, whose CPUs a nested
 * step would otherwise wait for forever. */
void sr_slurm_srun_args(const sr_slurm_t *s, long ranks, long threads, sr_strv_t *argv);

/* env.txt lines about the job: its variables, the batch step's cpuset, the
 * budgets above, srun's version and options. Nothing outside a job. */
void sr_slurm_envinfo(const sr_slurm_t *s, sr_buf_t *out);

#endif
