/* slurm.c - the Slurm allocation scal-run runs in (see slurm.h). */
#include "slurm.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

/* A positive integer variable, or 0 when unset or not a number. */
static long sr_env_long(const char *name)
{
    const char *v = getenv(name);
    if (!v || !isdigit((unsigned char)v[0]))
        return 0;
    char *end;
    errno = 0;
    long x = strtol(v, &end, 10);
    return errno || *end || x < 0 ? 0 : x;
}

/* The set as a CPU list: "0-3,8". */
static char *sr_cpuset_list(const cpu_set_t *set)
{
    sr_buf_t b = {0};
    for (int c = 0; c < CPU_SETSIZE; c++) {
        if (!CPU_ISSET(c, set))
            continue;
        int e = c;
        while (e + 1 < CPU_SETSIZE && CPU_ISSET(e + 1, set))
            e++;
        sr_buf_printf(&b, "%s%d", b.len ? "," : "", c);
        if (e > c)
            sr_buf_printf(&b, "-%d", e);
        c = e;
    }
    return b.data ? b.data : sr_xstrdup("");
}

size_t sr_slurm_parse_cpus_per_node(const char *text, long **cpus)
{
    *cpus = NULL;
    size_t n = 0;
    long *v = NULL;
    const char *p = text;
    while (p && *p) {
        char *end;
        if (!isdigit((unsigned char)*p))
            goto bad;
        long c = strtol(p, &end, 10);
        long times = 1;
        if (end[0] == '(' && end[1] == 'x') {
            if (!isdigit((unsigned char)end[2]))
                goto bad;
            times = strtol(end + 2, &end, 10);
            if (*end++ != ')')
                goto bad;
        }
        if (c <= 0 || times <= 0 || times > 1000000 || (*end && *end != ','))
            goto bad;
        v = sr_xrealloc(v, (n + (size_t)times) * sizeof *v);
        for (long i = 0; i < times; i++)
            v[n++] = c;
        p = *end ? end + 1 : end;
    }
    if (n == 0)
        goto bad;
    *cpus = v;
    return n;
bad:
    free(v);
    return 0;
}

void sr_slurm_load(sr_slurm_t *s)
{
    *s = (sr_slurm_t){0};
    const char *job = getenv("SLURM_JOB_ID");
    s->in_job = job && job[0];
    const char *step = getenv("SLURM_STEP_ID");
    s->in_step = s->in_job && step && step[0];
    s->cpus_on_node = sr_env_long("SLURM_CPUS_ON_NODE");
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        s->affinity_cpus = CPU_COUNT(&set);
        s->affinity_list = sr_cpuset_list(&set);
    }
    const char *per_node = getenv("SLURM_JOB_CPUS_PER_NODE");
    if (per_node)
        s->nnodes = sr_slurm_parse_cpus_per_node(per_node, &s->node_cpus);
    if (s->nnodes == 0 && sr_env_long("SLURM_NTASKS") > 0) {
        /* No per-node counts: the tasks' CPUs as one pool. */
        long cpt = sr_env_long("SLURM_CPUS_PER_TASK");
        s->node_cpus = sr_xmalloc(sizeof *s->node_cpus);
        s->node_cpus[0] = sr_env_long("SLURM_NTASKS") * (cpt > 0 ? cpt : 1);
        s->nnodes = 1;
    }
    const char *bind = getenv("SCAL_SRUN_CPU_BIND");
    s->cpu_bind = sr_xstrdup(bind && bind[0] ? bind : SR_SRUN_CPU_BIND_DEFAULT);
}

void sr_slurm_free(sr_slurm_t *s)
{
    free(s->affinity_list);
    free(s->node_cpus);
    free(s->cpu_bind);
    *s = (sr_slurm_t){0};
}

long sr_slurm_thread_cpus(const sr_slurm_t *s)
{
    long n = s->affinity_cpus;
    if (s->cpus_on_node > 0 && (n == 0 || s->cpus_on_node < n))
        n = s->cpus_on_node;
    return n;
}

long sr_slurm_rank_capacity(const sr_slurm_t *s, long threads)
{
    if (s->nnodes == 0 || threads < 1)
        return -1;
    long ranks = 0;
    for (size_t i = 0; i < s->nnodes; i++)
        ranks += s->node_cpus[i] / threads;
    return ranks;
}

long sr_slurm_job_cpus(const sr_slurm_t *s)
{
    long n = 0;
    for (size_t i = 0; i < s->nnodes; i++)
        n += s->node_cpus[i];
    return n;
}

void sr_slurm_srun_args(const sr_slurm_t *s, long ranks, long threads, sr_strv_t *argv)
{
    sr_strv_push(argv, "-n");
    sr_strv_pushf(argv, "%ld", ranks);
    sr_strv_pushf(argv, "--cpus-per-task=%ld", threads);
    sr_strv_push(argv, "--exact");
    sr_strv_pushf(argv, "--cpu-bind=verbose,%s", s->cpu_bind ? s->cpu_bind : SR_SRUN_CPU_BIND_DEFAULT);
    sr_strv_push(argv, "--kill-on-bad-exit=1");
    if (s->in_step)
        sr_strv_push(argv, "--overlap");
}

/* Slurm's variables worth keeping with the results, in this order; then any
 * other SLURM_CPU_BIND* (the binding Slurm applied, when it says). */
static const char *const sr_slurm_vars[] = {
    "SLURM_JOB_ID", "SLURM_JOB_NAME", "SLURM_ARRAY_JOB_ID", "SLURM_ARRAY_TASK_ID", "SLURM_CLUSTER_NAME",
    "SLURM_JOB_PARTITION", "SLURM_JOB_ACCOUNT", "SLURM_JOB_QOS", "SLURM_JOB_NODELIST", "SLURM_NNODES",
    "SLURM_NTASKS", "SLURM_NTASKS_PER_NODE", "SLURM_TASKS_PER_NODE", "SLURM_CPUS_PER_TASK",
    "SLURM_CPUS_ON_NODE", "SLURM_JOB_CPUS_PER_NODE", "SLURM_MEM_PER_NODE", "SLURM_MEM_PER_CPU",
    "SLURM_STEP_ID", "SLURM_SUBMIT_DIR", "SLURM_SUBMIT_HOST", "SLURMD_NODENAME", "SLURM_MPI_TYPE",
    "SLURM_DISTRIBUTION", "SRUN_CPUS_PER_TASK", "SCAL_SRUN_CPU_BIND",
};

void sr_slurm_envinfo(const sr_slurm_t *s, sr_buf_t *out)
{
    if (!s->in_job)
        return;
    for (size_t i = 0; i < sizeof sr_slurm_vars / sizeof *sr_slurm_vars; i++) {
        const char *v = getenv(sr_slurm_vars[i]);
        if (v)
            sr_buf_printf(out, "%s: %s\n", sr_slurm_vars[i], v);
    }
    int bound = 0;
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (strncmp(*e, "SLURM_CPU_BIND", 14) == 0 && eq) {
            sr_buf_printf(out, "%.*s: %s\n", (int)(eq - *e), *e, eq + 1);
            bound = 1;
        }
    }
    if (!bound)
        sr_buf_puts(out, "slurm_cpu_bind: none in this step's environment (each srun step logs its "
                         "binding, cpu-bind=..., in its log)\n");
    sr_buf_printf(out, "slurm_step_cpuset: %s (%ld CPUs; scal-run's affinity, which omp runs inherit)\n",
                  s->affinity_list ? s->affinity_list : "unknown", s->affinity_cpus);
    sr_buf_printf(out, "slurm_cpus_for_threads: %ld\n", sr_slurm_thread_cpus(s));
    if (s->nnodes)
        sr_buf_printf(out, "slurm_cpus_for_ranks: %ld on %zu node%s\n", sr_slurm_job_cpus(s), s->nnodes,
                      s->nnodes == 1 ? "" : "s");
    else
        sr_buf_puts(out, "slurm_cpus_for_ranks: unknown (no SLURM_JOB_CPUS_PER_NODE or SLURM_NTASKS)\n");
    sr_strv_t a = {0};
    sr_slurm_srun_args(s, 1, 1, &a);
    sr_buf_puts(out, "srun_options:");
    /* Skip "-n 1 --cpus-per-task=1": those vary per run. */
    for (size_t i = 3; i < a.n; i++)
        sr_buf_printf(out, " %s", a.v[i]);
    sr_buf_puts(out, " (plus -n RANKS --cpus-per-task=THREADS)\n");
    sr_strv_free(&a);
}
