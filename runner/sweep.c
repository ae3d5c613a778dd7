/* sweep.c - expanding a job into points and building their commands. */
#include "sweep.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "command.h"

extern char **environ;

static const char *const sr_engine_bins[SR_NENGINES] = {"scal-omp", "scal-mpi"};
static const char *const sr_engine_dirs[SR_NENGINES] = {"omp", "mpi"};

/* A run id as a file name: anything unusual becomes '_' and '/' becomes '.'. */
static char *sr_id_filename(const char *id)
{
    char *s = sr_xstrdup(id);
    for (char *c = s; *c; c++) {
        if (*c == '/')
            *c = '.';
        else if (!strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.+=-", *c))
            *c = '_';
    }
    return s;
}

static size_t sr_nvals(const sr_series_t *s, int k)
{
    return s->eff[k] ? s->eff[k]->nvals : 0;
}

static size_t sr_unvals(const sr_series_t *s, size_t u)
{
    return s->ueff && s->ueff[u] ? s->ueff[u]->nvals : 0;
}

/* A point of series si: idx[] chooses a value of each key, uidx[] of each
 * user parameter. Its id lists the listed keys, then the listed user
 * parameters, then workers. */
static void sr_plan_point(const sr_job_t *job, size_t si, const size_t idx[SR_NKEYS], const size_t *uidx,
                          sr_plan_t *plan)
{
    const sr_series_t *s = &job->series[si];
    sr_point_t *p = &plan->pts[plan->n++];
    *p = (sr_point_t){.series = si};
    sr_buf_t id = {0};
    sr_buf_puts(&id, s->sec.name);
    for (int k = 0; k < SR_NKEYS; k++) {
        if (!s->eff[k])
            continue;
        p->val[k] = s->eff[k]->vals[idx[k]];
        if (s->eff[k]->nvals > 1 && k != SR_K_WORKERS)
            sr_buf_printf(&id, "/%s=%s", sr_key((sr_key_id_t)k)->name, p->val[k]);
    }
    if (s->ueff) {
        p->uval = sr_xcalloc(job->unames.n ? job->unames.n : 1, sizeof *p->uval);
        for (size_t u = 0; u < job->unames.n; u++) {
            if (!s->ueff[u])
                continue;
            p->uval[u] = s->ueff[u]->vals[uidx[u]];
            if (s->ueff[u]->nvals > 1)
                sr_buf_printf(&id, "/%s=%s", job->unames.v[u], p->uval[u]);
        }
    }
    sr_buf_printf(&id, "/workers=%s", p->val[SR_K_WORKERS]);
    p->workers = strtol(p->val[SR_K_WORKERS], NULL, 10);
    p->weak = SR_K_WORKERS;
    if (s->weak != SR_K_WORKERS) {
        /* Weak scaling: the work grows with the workers; the run id keeps
         * the base value so that the curve stays one curve. */
        unsigned long long base = strtoull(p->val[s->weak], NULL, 10);
        p->scaled = sr_xasprintf("%llu", base * (unsigned long long)p->workers);
        p->weak = s->weak;
        p->scaling = sr_xasprintf("weak:%s", sr_key(s->weak)->name);
    } else {
        p->scaling = sr_xstrdup("strong");
    }
    p->id = sr_xstrdup(sr_buf_str(&id));
    sr_buf_free(&id);
    char *f = sr_id_filename(p->id);
    /* a command writes no trace of scalestudy's */
    p->trace = s->engine == SR_ENGINE_CMD ? NULL : sr_xasprintf("traces/%s.csv", f);
    p->log = sr_xasprintf("logs/%s.log", f);
    free(f);
}

void sr_plan_build(const sr_job_t *job, sr_plan_t *plan)
{
    *plan = (sr_plan_t){0};
    for (int k = 0; k < SR_NKEYS; k++) {
        int listed = k == SR_K_WORKERS;
        for (size_t i = 0; i < job->nseries && !listed; i++)
            listed = sr_nvals(&job->series[i], k) > 1;
        if (listed && k != SR_K_WORKERS)
            plan->sweep[plan->nsweep++] = (sr_key_id_t)k;
    }
    plan->unames = &job->unames;
    plan->usweep = sr_xcalloc(job->unames.n ? job->unames.n : 1, sizeof *plan->usweep);
    for (size_t u = 0; u < job->unames.n; u++) {
        int listed = 0;
        for (size_t i = 0; i < job->nseries && !listed; i++)
            listed = sr_unvals(&job->series[i], u) > 1;
        if (listed)
            plan->usweep[plan->nusweep++] = u;
    }
    plan->sweep[plan->nsweep++] = SR_K_WORKERS;
    /* Every point at once: growing the array point by point copies it
     * quadratically often where realloc cannot grow in place (under ASan,
     * always); sr_job_load() has bounded the count. */
    size_t total = 0;
    for (size_t si = 0; si < job->nseries; si++) {
        size_t n = 1;
        for (int k = 0; k < SR_NKEYS; k++)
            n *= sr_nvals(&job->series[si], k) ? sr_nvals(&job->series[si], k) : 1;
        for (size_t u = 0; u < job->unames.n; u++)
            n *= sr_unvals(&job->series[si], u) ? sr_unvals(&job->series[si], u) : 1;
        total += n;
    }
    plan->pts = sr_xcalloc(total, sizeof *plan->pts);
    size_t *uidx = sr_xcalloc(job->unames.n ? job->unames.n : 1, sizeof *uidx);
    for (size_t si = 0; si < job->nseries; si++) {
        const sr_series_t *s = &job->series[si];
        size_t idx[SR_NKEYS] = {0};
        memset(uidx, 0, (job->unames.n ? job->unames.n : 1) * sizeof *uidx);
        for (;;) {
            sr_plan_point(job, si, idx, uidx, plan);
            /* Odometer: the last key in table order (workers) turns fastest,
             * the user parameters (after the keys before it) next. */
            if (sr_nvals(s, SR_K_WORKERS) > 1 && ++idx[SR_K_WORKERS] < sr_nvals(s, SR_K_WORKERS))
                continue;
            idx[SR_K_WORKERS] = 0;
            size_t u = job->unames.n;
            for (; u > 0; u--) {
                if (sr_unvals(s, u - 1) > 1 && ++uidx[u - 1] < sr_unvals(s, u - 1))
                    break;
                uidx[u - 1] = 0;
            }
            if (u > 0)
                continue;
            int k = SR_NKEYS - 2;
            for (; k >= 0; k--) {
                if (sr_nvals(s, k) > 1 && ++idx[k] < sr_nvals(s, k))
                    break;
                idx[k] = 0;
            }
            if (k < 0)
                break;
        }
    }
    free(uidx);
}

void sr_plan_free(sr_plan_t *plan)
{
    for (size_t i = 0; i < plan->n; i++) {
        free(plan->pts[i].id);
        free(plan->pts[i].trace);
        free(plan->pts[i].log);
        free(plan->pts[i].scaled);
        free(plan->pts[i].uval);
        free(plan->pts[i].scaling);
    }
    free(plan->pts);
    free(plan->usweep);
    *plan = (sr_plan_t){0};
}

static char *sr_self_dir(void)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return sr_xstrdup(".");
    buf[n] = '\0';
    return sr_dirname(buf);
}

void sr_tools_find(sr_tools_t *tools)
{
    *tools = (sr_tools_t){0};
    const char *override = getenv("SCAL_ENGINE_DIR");
    char *self = sr_self_dir();
    for (int e = 0; e < SR_NENGINES; e++) {
        char *cand[2] = {NULL, NULL};
        if (override && override[0]) {
            cand[0] = sr_xasprintf("%s/%s", override, sr_engine_bins[e]);
        } else {
            cand[0] = sr_xasprintf("%s/%s", self, sr_engine_bins[e]);
            cand[1] = sr_xasprintf("%s/../%s/%s", self, sr_engine_dirs[e], sr_engine_bins[e]);
        }
        /* Resolve the directory (no "runner/.."), keep the engine's own name. */
        for (int c = 0; c < 2 && cand[c] && !tools->engine_found[e]; c++) {
            char *dir = sr_dirname(cand[c]);
            char real[PATH_MAX];
            if (access(cand[c], X_OK) == 0 && realpath(dir, real)) {
                tools->engine[e] = sr_xasprintf("%s/%s", real, sr_engine_bins[e]);
                tools->engine_found[e] = 1;
            }
            free(dir);
        }
        if (!tools->engine_found[e])
            tools->engine[e] = sr_xstrdup(cand[0]);
        free(cand[0]);
        free(cand[1]);
    }
    free(self);
    sr_slurm_load(&tools->slurm);
}

void sr_tools_free(sr_tools_t *tools)
{
    for (int e = 0; e < SR_NENGINES; e++)
        free(tools->engine[e]);
    sr_slurm_free(&tools->slurm);
    *tools = (sr_tools_t){0};
}

long sr_point_repeat(const sr_point_t *p)
{
    return strtol(p->val[SR_K_REPEAT] ? p->val[SR_K_REPEAT] : SR_DEFAULT_REPEAT, NULL, 10);
}

long sr_point_max_repeat(const sr_point_t *p)
{
    if (p->val[SR_K_MAX_REPEAT])
        return strtol(p->val[SR_K_MAX_REPEAT], NULL, 10);
    long r = sr_point_repeat(p);
    return r > SR_DEFAULT_MAX_REPEAT ? r : SR_DEFAULT_MAX_REPEAT;
}

double sr_point_precision(const sr_point_t *p)
{
    return p->val[SR_K_PRECISION] ? strtod(p->val[SR_K_PRECISION], NULL) : SR_DEFAULT_PRECISION;
}

long sr_point_warmup(const sr_point_t *p)
{
    return strtol(p->val[SR_K_WARMUP] ? p->val[SR_K_WARMUP] : SR_DEFAULT_WARMUP, NULL, 10);
}

int sr_point_local(const sr_job_t *job, const sr_point_t *p)
{
    const sr_series_t *s = &job->series[p->series];
    const char *slurm_job = getenv("SLURM_JOB_ID");
    int ranks = s->engine == SR_ENGINE_MPI || (s->engine == SR_ENGINE_CMD && sr_command_launch(s) == SR_LAUNCH_MPI);
    return !ranks || (strcmp(sr_point_launcher_name(p, slurm_job && slurm_job[0]), "mpirun") == 0 &&
                      (!p->val[SR_K_HOSTS] || strcmp(p->val[SR_K_HOSTS], "1") == 0));
}

int sr_point_fits(const sr_job_t *job, const sr_point_t *p, sr_place_t place, long threads,
                  const sr_slurm_t *slurm, sr_err_t *err)
{
    if (!slurm->in_job || place == SR_PLACE_NONE)
        return 0;
    const sr_series_t *s = &job->series[p->series];
    int line = s->eff[SR_K_WORKERS]->line;
    if (place == SR_PLACE_THREADS) {
        long cpus = sr_slurm_thread_cpus(slurm);
        if (cpus <= 0 || p->workers <= cpus)
            return 0;
        sr_buf_t why = {0};
        sr_buf_printf(&why, "CPUs %s", slurm->affinity_list ? slurm->affinity_list : "?");
        if (slurm->cpus_on_node)
            sr_buf_printf(&why, ", SLURM_CPUS_ON_NODE=%ld", slurm->cpus_on_node);
        sr_fail(err, SR_EXIT_USAGE,
                "%s:%d: key 'workers': series [%s] asks for %ld threads, but this Slurm job gives "
                "scal-run's step %ld CPU%s (%s); ask for more (--cpus-per-task) or lower workers",
                job->path, line, s->sec.name, p->workers, cpus, cpus == 1 ? "" : "s", sr_buf_str(&why));
        sr_buf_free(&why);
        return -1;
    }
    long fit = sr_slurm_rank_capacity(slurm, threads);
    if (fit < 0 || p->workers <= fit)
        return 0;
    sr_buf_t th = {0};
    if (s->eff[sr_key_id("threads")])
        sr_buf_printf(&th, " (key 'threads', line %d)", s->eff[sr_key_id("threads")]->line);
    sr_fail(err, SR_EXIT_USAGE,
            "%s:%d: key 'workers': series [%s] asks for %ld rank%s x %ld thread%s%s, but this Slurm "
            "job's %ld CPU%s on %zu node%s hold %ld such rank%s; ask for more (--nodes, "
            "--ntasks-per-node, --cpus-per-task) or lower workers",
            job->path, line, s->sec.name, p->workers, p->workers == 1 ? "" : "s", threads,
            threads == 1 ? "" : "s", sr_buf_str(&th), sr_slurm_job_cpus(slurm),
            sr_slurm_job_cpus(slurm) == 1 ? "" : "s", slurm->nnodes, slurm->nnodes == 1 ? "" : "s", fit,
            fit == 1 ? "" : "s");
    sr_buf_free(&th);
    return -1;
}

/* hosts = H inside a Slurm job: the job must have H nodes. */
static int sr_point_hosts_fit(const sr_job_t *job, const sr_point_t *p, const sr_slurm_t *slurm, sr_err_t *err)
{
    const sr_series_t *s = &job->series[p->series];
    if (!p->val[SR_K_HOSTS] || !slurm->in_job || slurm->nnodes == 0)
        return 0;
    long hosts = strtol(p->val[SR_K_HOSTS], NULL, 10);
    if ((size_t)hosts <= slurm->nnodes)
        return 0;
    return sr_fail(err, SR_EXIT_USAGE,
                   "%s:%d: key 'hosts': series [%s] asks for %ld hosts, but this Slurm job has %zu node%s; "
                   "ask for more (--nodes) or lower hosts",
                   job->path, s->eff[SR_K_HOSTS]->line, s->sec.name, hosts, slurm->nnodes,
                   slurm->nnodes == 1 ? "" : "s");
}

/* Ranks per host of a point with hosts = H: ceil(W/H) (the job file check makes that reach
 * every host); 0 without hosts. */
static long sr_point_per_host(const sr_point_t *p)
{
    if (!p->val[SR_K_HOSTS])
        return 0;
    long hosts = strtol(p->val[SR_K_HOSTS], NULL, 10);
    return (p->workers + hosts - 1) / hosts;
}

static int sr_point_spread(const sr_point_t *p)
{
    return p->val[SR_K_PLACEMENT] && strcmp(p->val[SR_K_PLACEMENT], "spread") == 0;
}

/* mpirun: hosts = H maps ceil(W/H) ranks per node (ppr), ranked node by node for spread;
 * spread alone maps round the nodes; else mpirun fills each node's slots in turn. Inside a
 * job, a hybrid point's ranks get T CPUs each (PE=T: the point is known to fit, sr_point_fits);
 * outside, mpirun would refuse an oversubscribed hybrid run with PE. */
static void sr_mpirun_placement(const sr_point_t *p, const sr_slurm_t *slurm, long threads, sr_strv_t *argv)
{
    long per = sr_point_per_host(p);
    int pe = slurm->in_job && threads > 1;
    sr_buf_t map = {0};
    if (per)
        sr_buf_printf(&map, "ppr:%ld:node", per);
    else if (sr_point_spread(p))
        sr_buf_puts(&map, "node");
    else if (pe)
        sr_buf_puts(&map, "slot");
    if (map.len) {
        if (pe)
            sr_buf_printf(&map, ":PE=%ld", threads);
        sr_strv_push(argv, "--map-by");
        sr_strv_push(argv, sr_buf_str(&map));
    }
    if (per && sr_point_spread(p)) {
        sr_strv_push(argv, "--rank-by");
        sr_strv_push(argv, "node");
    }
    sr_buf_free(&map);
}

/* srun: hosts = H is -N H --ntasks-per-node=ceil(W/H); placement is --distribution block
 * (pack: consecutive ranks share a node) or cyclic (spread: rank r on node r mod H). Without
 * hosts, pack asks for as few nodes as hold the ranks, spread for as many as there are ranks
 * (at most the job's nodes); without either, Slurm decides (srun -n 2 --exact in a 2-node job
 * puts one rank on each node). */
static void sr_srun_placement(const sr_point_t *p, const sr_slurm_t *slurm, long threads, sr_strv_t *argv)
{
    long per = sr_point_per_host(p);
    if (per) {
        sr_strv_pushf(argv, "--nodes=%s", p->val[SR_K_HOSTS]);
        sr_strv_pushf(argv, "--ntasks-per-node=%ld", per);
    } else if (p->val[SR_K_PLACEMENT] && slurm->nnodes > 0) {
        long fit = slurm->node_cpus[0] / threads, n;
        if (sr_point_spread(p))
            n = p->workers < (long)slurm->nnodes ? p->workers : (long)slurm->nnodes;
        else
            n = fit > 0 ? (p->workers + fit - 1) / fit : 1;
        sr_strv_pushf(argv, "--nodes=%ld", n);
    }
    if (p->val[SR_K_PLACEMENT])
        sr_strv_pushf(argv, "--distribution=%s", sr_point_spread(p) ? "cyclic" : "block");
}

const char *sr_point_launcher_name(const sr_point_t *p, int in_job)
{
    const char *launcher = p->val[SR_K_LAUNCHER] ? p->val[SR_K_LAUNCHER] : "auto";
    if (strcmp(launcher, "auto") == 0)
        launcher = in_job ? "srun" : "mpirun";
    return launcher;
}

/* Push the program: its path when found; else its bare name, or an error. */
static int sr_push_program(sr_cmd_t *cmd, const char *name, int need, sr_err_t *err)
{
    char *path = sr_which(name);
    if (!path && need)
        return sr_fail(err, SR_EXIT_USAGE, "%s not found on PATH", name);
    sr_strv_push(&cmd->argv, path ? path : name);
    free(path);
    return 0;
}

int sr_point_launcher(const sr_job_t *job, const sr_point_t *p, const sr_tools_t *tools, long threads,
                      int need_programs, sr_cmd_t *cmd, sr_err_t *err)
{
    const char *launcher = sr_point_launcher_name(p, tools->slurm.in_job);
    if (sr_push_program(cmd, launcher, need_programs, err) != 0)
        return -1;
    if (sr_point_hosts_fit(job, p, &tools->slurm, err) != 0)
        return -1;
    if (strcmp(launcher, "srun") == 0) {
        sr_slurm_srun_args(&tools->slurm, p->workers, threads, &cmd->argv);
        sr_srun_placement(p, &tools->slurm, threads, &cmd->argv);
    } else {
        sr_strv_push(&cmd->argv, "-n");
        sr_strv_pushf(&cmd->argv, "%ld", p->workers);
        sr_mpirun_placement(p, &tools->slurm, threads, &cmd->argv);
    }
    sr_strv_pushf(&cmd->env, "OMP_NUM_THREADS=%ld", threads);
    return 0;
}

void sr_point_env(const sr_point_t *p, sr_cmd_t *cmd)
{
    if (!p->val[SR_K_ENV])
        return;
    for (const char *w = p->val[SR_K_ENV]; *w; ) {
        w += strspn(w, " \t");
        size_t n = strcspn(w, " \t");
        if (n) {
            char *word = sr_xstrndup(w, n);
            sr_strv_push(&cmd->env, word);
            free(word);
        }
        w += n;
    }
}

const char *sr_point_value(const sr_job_t *job, const sr_point_t *p, const char *name)
{
    int k = sr_key_find(name);
    if (k >= 0)
        return p->val[k];
    int u = sr_job_uparam(job, name);
    return u >= 0 && p->uval ? p->uval[u] : NULL;
}

int sr_point_command(const sr_job_t *job, const sr_point_t *p,
                     const sr_tools_t *tools, const char *outdir, int need_programs, sr_cmd_t *cmd,
                     sr_err_t *err)
{
    const sr_series_t *s = &job->series[p->series];
    *cmd = (sr_cmd_t){0};
    if (s->engine == SR_ENGINE_CMD)
        return sr_command_build(job, p, tools, need_programs, cmd, err);
    if (need_programs && !tools->engine_found[s->engine])
        return sr_fail(err, SR_EXIT_USAGE, "engine %s not found (looked for %s%s); build it or set SCAL_ENGINE_DIR",
                       sr_engine_bins[s->engine], tools->engine[s->engine],
                       getenv("SCAL_ENGINE_DIR") ? "" : " and in the build tree");
    const char *th = p->val[sr_key_id("threads")];
    long threads = th ? strtol(th, NULL, 10) : 1;
    if (sr_point_fits(job, p, s->engine == SR_ENGINE_OMP ? SR_PLACE_THREADS : SR_PLACE_RANKS, threads,
                      &tools->slurm, err) != 0)
        return -1;
    if (s->engine == SR_ENGINE_MPI && sr_point_launcher(job, p, tools, threads, need_programs, cmd, err) != 0)
        return -1;
    sr_strv_push(&cmd->argv, tools->engine_found[s->engine] || need_programs ? tools->engine[s->engine]
                                                                            : sr_engine_bins[s->engine]);
    sr_strv_push(&cmd->argv, sr_workload_name(s->workload));
    if (s->engine == SR_ENGINE_OMP) {
        sr_strv_push(&cmd->argv, "--threads");
        sr_strv_pushf(&cmd->argv, "%ld", p->workers);
        sr_strv_pushf(&cmd->env, "OMP_NUM_THREADS=%ld", p->workers);
    }
    sr_strv_push(&cmd->argv, "--format");
    sr_strv_push(&cmd->argv, "csv");
    /* One measured repetition per launch: scal-run repeats by rounds. */
    sr_strv_push(&cmd->argv, "--repeat");
    sr_strv_push(&cmd->argv, "1");
    sr_strv_push(&cmd->argv, "--warmup");
    sr_strv_pushf(&cmd->argv, "%ld", sr_point_warmup(p));
    if (p->trace) {
        sr_strv_push(&cmd->argv, "--trace");
        char *t = sr_path_join(outdir, p->trace);
        sr_strv_push(&cmd->argv, t);
        free(t);
    }
    for (int k = 0; k < SR_NKEYS; k++) {
        const sr_key_t *key = sr_key((sr_key_id_t)k);
        if (!p->val[k] || (key->flags & SR_KF_RESERVED))
            continue;
        if (key->kind == SR_KIND_BOOL) {
            if (strcmp(p->val[k], "on") == 0)
                sr_strv_pushf(&cmd->argv, "--%s", key->name);
            continue;
        }
        sr_strv_pushf(&cmd->argv, "--%s", key->name);
        if (key->kind == SR_KIND_FILE) {
            char *path = sr_job_file_path(job, p->val[k]);
            sr_strv_push(&cmd->argv, path);
            free(path);
        } else {
            sr_strv_push(&cmd->argv, (int)p->weak == k ? p->scaled : p->val[k]);
        }
    }
    sr_point_env(p, cmd);
    cmd->timeout_s = p->val[SR_K_TIMEOUT] ? strtod(p->val[SR_K_TIMEOUT], NULL) : SR_DEFAULT_TIMEOUT_S;
    return 0;
}

void sr_cmd_free(sr_cmd_t *cmd)
{
    sr_strv_free(&cmd->argv);
    sr_strv_free(&cmd->env);
}

void sr_cmd_format(const sr_cmd_t *cmd, sr_buf_t *out)
{
    int unsets = 0;
    for (size_t i = 0; i < cmd->env.n; i++)
        if (!strchr(cmd->env.v[i], '=')) {
            sr_buf_puts(out, unsets++ ? "-u " : "env -u ");
            sr_shell_quote(out, cmd->env.v[i]);
            sr_buf_puts(out, " ");
        }
    for (size_t i = 0; i < cmd->env.n; i++) {
        const char *eq = strchr(cmd->env.v[i], '=');
        if (!eq)
            continue;
        sr_buf_add(out, cmd->env.v[i], (size_t)(eq - cmd->env.v[i]) + 1);
        sr_shell_quote(out, eq + 1);
        sr_buf_puts(out, " ");
    }
    for (size_t i = 0; i < cmd->argv.n; i++) {
        if (i)
            sr_buf_puts(out, " ");
        sr_shell_quote(out, cmd->argv.v[i]);
    }
}

/* Do `a` and `b` (NAME=... or a bare NAME) name the same variable? */
static int sr_same_name(const char *a, const char *b)
{
    size_t n = strcspn(b, "=");
    return strncmp(a, b, n) == 0 && (a[n] == '=' || a[n] == '\0');
}

void sr_cmd_envp(const sr_cmd_t *cmd, sr_strv_t *envp)
{
    *envp = (sr_strv_t){0};
    for (char **e = environ; e && *e; e++) {
        int overridden = 0;
        for (size_t i = 0; i < cmd->env.n && !overridden; i++)
            overridden = sr_same_name(*e, cmd->env.v[i]);
        if (!overridden)
            sr_strv_push(envp, *e);
    }
    for (size_t i = 0; i < cmd->env.n; i++) {
        int later = 0;   /* a later word for the same name wins */
        for (size_t j = i + 1; j < cmd->env.n && !later; j++)
            later = sr_same_name(cmd->env.v[j], cmd->env.v[i]);
        if (!later && strchr(cmd->env.v[i], '='))   /* a bare NAME: removed */
            sr_strv_push(envp, cmd->env.v[i]);
    }
}
