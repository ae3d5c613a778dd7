/* command.c - engine = command: the user's program, its launch, and its
 * figure of merit (see command.h). */
#include "command.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv.h"
#include "scal_noise.h"
#include "scal_record.h"
#include "scal_sys.h"

sr_launch_t sr_command_launch(const sr_series_t *s)
{
    const sr_setting_t *l = s->eff[SR_K_LAUNCH];
    if (!l)
        return SR_LAUNCH_NONE;
    return strcmp(l->vals[0], "threads") == 0 ? SR_LAUNCH_THREADS
           : strcmp(l->vals[0], "mpi") == 0   ? SR_LAUNCH_MPI
                                              : SR_LAUNCH_NONE;
}

int sr_command_split(const char *text, sr_strv_t *words, char *why, size_t whylen)
{
    sr_buf_t w = {0};
    int in_word = 0;
    for (const char *c = text; *c; c++) {
        if (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\r') {
            if (in_word)
                sr_strv_push(words, sr_buf_str(&w));
            sr_buf_clear(&w);
            in_word = 0;
            continue;
        }
        in_word = 1;
        if (*c == '\\') {
            if (!c[1]) {
                snprintf(why, whylen, "a backslash ends it (nothing to escape)");
                goto bad;
            }
            sr_buf_add(&w, ++c, 1);
        } else if (*c == '\'') {
            const char *end = strchr(c + 1, '\'');
            if (!end) {
                snprintf(why, whylen, "a single quote is not closed");
                goto bad;
            }
            sr_buf_add(&w, c + 1, (size_t)(end - c - 1));
            c = end;
        } else if (*c == '"') {
            for (c++; *c && *c != '"'; c++) {
                if (*c == '\\' && c[1] && strchr("\"\\$`", c[1]))
                    c++;
                sr_buf_add(&w, c, 1);
            }
            if (!*c) {
                snprintf(why, whylen, "a double quote is not closed");
                goto bad;
            }
        } else {
            sr_buf_add(&w, c, 1);
        }
    }
    if (in_word)
        sr_strv_push(words, sr_buf_str(&w));
    sr_buf_free(&w);
    return 0;
bad:
    sr_buf_free(&w);
    return -1;
}

int sr_command_subst(const char *word, const char *(*value)(void *ctx, const char *name), void *ctx,
                     sr_buf_t *out, char **bad)
{
    *bad = NULL;
    for (const char *c = word; *c; c++) {
        if ((c[0] == '{' && c[1] == '{') || (c[0] == '}' && c[1] == '}')) {
            sr_buf_add(out, c++, 1);
            continue;
        }
        if (*c != '{') {
            sr_buf_add(out, c, 1);
            continue;
        }
        const char *end = strchr(c, '}');
        char *name = sr_xstrndup(c + 1, end ? (size_t)(end - c - 1) : strlen(c + 1));
        const char *v = end ? value(ctx, name) : NULL;
        if (!v) {
            *bad = end ? name : sr_xasprintf("{%s (no closing brace)", name);
            if (!end)
                free(name);
            return -1;
        }
        sr_buf_puts(out, v);
        free(name);
        c = end;
    }
    return 0;
}

/* ---- load-time checks ---- */

typedef struct sr_names_ctx {
    const sr_job_t *job;
    const sr_series_t *s;
} sr_names_ctx_t;

/* A key the series has a value of: its value list's first (a stand-in). */
static const char *sr_series_has(void *ctx, const char *name)
{
    const sr_names_ctx_t *c = ctx;
    int k = sr_key_find(name);
    if (k >= 0)
        return c->s->eff[k] ? c->s->eff[k]->vals[0] : NULL;
    int u = sr_job_uparam(c->job, name);
    return u >= 0 && c->s->ueff[u] ? c->s->ueff[u]->vals[0] : NULL;
}

static int sr_mentions(const sr_strv_t *words, const char *name)
{
    char *tok = sr_xasprintf("{%s}", name);
    int found = 0;
    for (size_t i = 0; i < words->n && !found; i++)
        found = strstr(words->v[i], tok) != NULL;
    free(tok);
    return found;
}

int sr_command_check(const sr_job_t *job, const sr_series_t *s, sr_err_t *err)
{
    const sr_setting_t *c = s->eff[SR_K_COMMAND];
    if (!c)
        return sr_fail(err, SR_EXIT_USAGE, "%s:%d: series [%s]: key 'command' is not set, here or in [global] "
                       "(engine = command runs it)", job->path, s->sec.line, s->sec.name);
    sr_strv_t words = {0};
    char why[128];
    int rc = 0;
    if (sr_command_split(c->vals[0], &words, why, sizeof why) != 0) {
        rc = sr_fail(err, SR_EXIT_USAGE, "%s:%d: key 'command': cannot split '%s' into words: %s", job->path,
                     c->line, c->vals[0], why);
        goto out;
    }
    if (words.n == 0) {
        rc = sr_fail(err, SR_EXIT_USAGE, "%s:%d: key 'command': no program", job->path, c->line);
        goto out;
    }
    sr_names_ctx_t ctx = {job, s};
    for (size_t i = 0; i < words.n; i++) {
        sr_buf_t b = {0};
        char *bad;
        int bad_word = sr_command_subst(words.v[i], sr_series_has, &ctx, &b, &bad) != 0;
        sr_buf_free(&b);
        if (bad_word) {
            rc = sr_fail(err, SR_EXIT_USAGE,
                         "%s:%d: key 'command': unknown key {%s}: series [%s] has no value for it (set '%s' "
                         "in the series or in [global]; write {{ and }} for literal braces)",
                         job->path, c->line, bad, s->sec.name, bad);
            free(bad);
            goto out;
        }
    }
    const sr_setting_t *fom = s->eff[SR_K_FOM];
    if (fom) {
        regex_t re;
        if (regcomp(&re, fom->vals[0], SR_REGEX_FLAGS) == 0) {
            size_t groups = re.re_nsub;
            regfree(&re);
            if (groups != 1) {
                rc = sr_fail(err, SR_EXIT_USAGE,
                             "%s:%d: key 'fom': '%s' has %zu capture groups; it needs exactly one, around "
                             "the number (use (?:...) nowhere: POSIX has none; group alternatives with [...])",
                             job->path, fom->line, fom->vals[0], groups);
                goto out;
            }
        }
    } else {
        static const sr_key_id_t need_fom[] = {SR_K_FOM_UNIT, SR_K_FOM_BETTER};
        for (size_t i = 0; i < 2; i++)
            if (s->eff[need_fom[i]]) {
                rc = sr_fail(err, SR_EXIT_USAGE,
                             "%s:%d: key '%s' without 'fom' (series [%s]): without fom the figure is the wall "
                             "time, in seconds, lower is better",
                             job->path, s->eff[need_fom[i]]->line, sr_key(need_fom[i])->name, s->sec.name);
                goto out;
            }
    }
    const sr_key_id_t mpi_only[] = {sr_key_id("threads"), SR_K_LAUNCHER, SR_K_HOSTS, SR_K_PLACEMENT};
    for (size_t i = 0; i < sizeof mpi_only / sizeof *mpi_only; i++)
        if (s->eff[mpi_only[i]] && sr_command_launch(s) != SR_LAUNCH_MPI) {
            rc = sr_fail(err, SR_EXIT_USAGE, "%s:%d: key '%s' needs launch = mpi (series [%s] has launch = %s)",
                         job->path, s->eff[mpi_only[i]]->line, sr_key(mpi_only[i])->name, s->sec.name,
                         s->eff[SR_K_LAUNCH] ? s->eff[SR_K_LAUNCH]->vals[0] : "none, the default");
            goto out;
        }
    const sr_setting_t *w = s->eff[SR_K_WORKERS];
    if (sr_command_launch(s) == SR_LAUNCH_NONE && w->nvals > 1 && !sr_mentions(&words, "workers"))
        rc = sr_fail(err, SR_EXIT_USAGE,
                     "%s:%d: key 'workers': series [%s] sweeps workers, but with launch = none they reach the "
                     "command only as {workers}, which it does not use (set launch = threads or mpi, or pass "
                     "{workers})", job->path, w->line, s->sec.name);
out:
    sr_strv_free(&words);
    return rc;
}

/* ---- a point's command ---- */

typedef struct sr_point_ctx {
    const sr_job_t *job;
    const sr_point_t *p;
} sr_point_ctx_t;

static const char *sr_point_has(void *ctx, const char *name)
{
    const sr_point_ctx_t *c = ctx;
    return sr_point_value(c->job, c->p, name);
}

/* OMP_PLACES and OMP_PROC_BIND for the point's bind (none: removed; not
 * given: left as they are). */
static void sr_omp_binding(const sr_point_t *p, sr_cmd_t *cmd)
{
    const char *bind = p->val[sr_key_id("bind")];
    if (!bind)
        return;
    if (strcmp(bind, "none") == 0) {
        sr_strv_push(&cmd->env, "OMP_PLACES");
        sr_strv_push(&cmd->env, "OMP_PROC_BIND");
        return;
    }
    sr_strv_push(&cmd->env, "OMP_PLACES=cores");
    sr_strv_push(&cmd->env, strcmp(bind, "spread") == 0 ? "OMP_PROC_BIND=spread" : "OMP_PROC_BIND=close");
}

/* The program of word w0: a path (relative to the job file's directory) or
 * a name on PATH; it must be an executable regular file. */
static int sr_program(const sr_job_t *job, const sr_series_t *s, const char *w0, int need, char **out,
                      sr_err_t *err)
{
    const sr_setting_t *c = s->eff[SR_K_COMMAND];
    char *path = strchr(w0, '/') ? sr_job_file_path(job, w0) : sr_which(w0);
    *out = NULL;
    if (!path) {
        if (!need) {
            *out = sr_xstrdup(w0);
            return 0;
        }
        return sr_fail(err, SR_EXIT_USAGE, "%s:%d: key 'command': program '%s' not found on PATH (series [%s])",
                       job->path, c->line, w0, s->sec.name);
    }
    struct stat st;
    const char *why = NULL;
    if (stat(path, &st) != 0)
        why = strerror(errno);
    else if (!S_ISREG(st.st_mode))
        why = "not a regular file";
    else if (access(path, X_OK) != 0)
        why = "not executable";
    if (why && need) {
        sr_fail(err, SR_EXIT_USAGE, "%s:%d: key 'command': program %s: %s (series [%s])", job->path, c->line, path,
                why, s->sec.name);
        free(path);
        return -1;
    }
    /* absolute, so that a launcher starting it elsewhere finds it (symbolic links are
     * kept: a program may go by the name it was called by) */
    char cwd[4096];
    if (path[0] != '/' && getcwd(cwd, sizeof cwd)) {
        char *abs = sr_xasprintf("%s/%s", cwd, path[0] == '.' && path[1] == '/' ? path + 2 : path);
        free(path);
        path = abs;
    }
    *out = path;
    return 0;
}

int sr_command_build(const sr_job_t *job, const sr_point_t *p, const sr_tools_t *tools,
                     int need_programs, sr_cmd_t *cmd, sr_err_t *err)
{
    const sr_series_t *s = &job->series[p->series];
    const sr_setting_t *c = s->eff[SR_K_COMMAND];
    sr_strv_t words = {0}, argv = {0};
    char why[128] = "no program";
    int rc = -1;
    /* checked when the job loaded: it splits, and the series has every {key} */
    if (sr_command_split(c->vals[0], &words, why, sizeof why) != 0 || words.n == 0) {
        sr_fail(err, SR_EXIT_USAGE, "%s:%d: key 'command': %s", job->path, c->line, why);
        goto out;
    }
    sr_point_ctx_t ctx = {job, p};
    for (size_t i = 0; i < words.n; i++) {
        sr_buf_t b = {0};
        char *bad;
        if (sr_command_subst(words.v[i], sr_point_has, &ctx, &b, &bad) != 0) {
            sr_fail(err, SR_EXIT_USAGE, "%s:%d: key 'command': unknown key {%s} at point %s", job->path, c->line,
                    bad, p->id);
            free(bad);
            sr_buf_free(&b);
            goto out;
        }
        sr_strv_push(&argv, sr_buf_str(&b));
        sr_buf_free(&b);
    }
    char *prog;
    if (sr_program(job, s, argv.v[0], need_programs, &prog, err) != 0)
        goto out;
    switch (sr_command_launch(s)) {
    case SR_LAUNCH_THREADS:
        if (sr_point_fits(job, p, SR_PLACE_THREADS, 1, &tools->slurm, err) != 0) {
            free(prog);
            goto out;
        }
        sr_strv_pushf(&cmd->env, "OMP_NUM_THREADS=%ld", p->workers);
        sr_omp_binding(p, cmd);
        break;
    case SR_LAUNCH_MPI: {
        long threads = p->val[sr_key_id("threads")] ? strtol(p->val[sr_key_id("threads")], NULL, 10) : 1;
        if (sr_point_fits(job, p, SR_PLACE_RANKS, threads, &tools->slurm, err) != 0 ||
            sr_point_launcher(job, p, tools, threads, need_programs, cmd, err) != 0) {
            free(prog);
            goto out;
        }
        sr_omp_binding(p, cmd);
        break;
    }
    case SR_LAUNCH_NONE:
        break;
    }
    sr_strv_push(&cmd->argv, prog);
    free(prog);
    for (size_t i = 1; i < argv.n; i++)
        sr_strv_push(&cmd->argv, argv.v[i]);
    sr_point_env(p, cmd);
    cmd->timeout_s = p->val[SR_K_TIMEOUT] ? strtod(p->val[SR_K_TIMEOUT], NULL) : SR_DEFAULT_TIMEOUT_S;
    rc = 0;
out:
    sr_strv_free(&words);
    sr_strv_free(&argv);
    return rc;
}

/* ---- the record of a finished run ---- */

/* The last match of fom's one group in `text`: its start and length, or -1. */
static int sr_last_match(const regex_t *re, const char *text, const char **at, size_t *len)
{
    regmatch_t m[2];
    int found = -1, flags = 0;
    for (const char *p = text; *p && regexec(re, p, 2, m, flags) == 0;) {
        if (m[1].rm_so >= 0) {
            *at = p + m[1].rm_so;
            *len = (size_t)(m[1].rm_eo - m[1].rm_so);
            found = 0;
        }
        /* on: past this match (one character at least, for an empty one) */
        p += m[0].rm_eo > 0 ? m[0].rm_eo : 1;
        flags = p[-1] == '\n' ? 0 : REG_NOTBOL;
    }
    return found;
}

/* A number as a program prints it: decimal or exponent notation, finite;
 * `buf` gets its text as printed (blanks around it dropped). */
static int sr_number(const char *s, size_t n, char buf[72], double *out)
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (n == 0 || n > 64)
        return -1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    char *end;
    errno = 0;
    double x = strtod(buf, &end);
    if (*end || end == buf || !isfinite(x) || errno == ERANGE ||
        strpbrk(buf, "xXpPnN"))   /* hex floats, inf and nan are not what a program prints as a figure */
        return -1;
    *out = x;
    return 0;
}

static void sr_field(sr_buf_t *head, sr_buf_t *row, const char *name, const char *value)
{
    if (head->len) {
        sr_buf_puts(head, ",");
        sr_buf_puts(row, ",");
    }
    sr_buf_puts(head, name);
    sr_csv_field(row, value ? value : "");
}

/* A record field formatted by the schema (unknown: empty). */
static void sr_schema_field(sr_buf_t *head, sr_buf_t *row, const scal_record_t *rec, const char *name)
{
    for (size_t i = 0; i < scal_record_nfields(); i++) {
        const scal_field_t *f = scal_record_field(i);
        if (strcmp(f->name, name) == 0) {
            char v[64];
            scal_record_format(rec, f, 0, v, sizeof v);
            sr_field(head, row, name, v);
            return;
        }
    }
}

sr_status_t sr_command_record(const sr_job_t *job, const sr_point_t *p, const sr_proc_result_t *res,
                              sr_buf_t *csv, sr_buf_t *why)
{
    const sr_series_t *s = &job->series[p->series];
    const char *out = sr_buf_str(&res->out);
    sr_status_t status = SR_OK;
    double fom = NAN;
    char fom_text[72] = "";
    const sr_setting_t *fs = s->eff[SR_K_FOM], *es = s->eff[SR_K_EXPECT];
    regex_t re;
    if (fs && regcomp(&re, fs->vals[0], SR_REGEX_FLAGS) == 0) {
        const char *at = NULL;
        size_t n = 0;
        if (sr_last_match(&re, out, &at, &n) != 0) {
            status = SR_FAILED;
            sr_buf_printf(why, "[scal-run: %s:%d: key 'fom': no line of the output matched /%s/%s] ", job->path,
                          fs->line, fs->vals[0], res->out_cut ? " (its last 64 MiB)" : "");
        } else if (sr_number(at, n, fom_text, &fom) != 0) {
            status = SR_FAILED;
            sr_buf_printf(why, "[scal-run: %s:%d: key 'fom': captured '%.*s', not a number] ", job->path, fs->line,
                          (int)(n > 60 ? 60 : n), at);
        }
        regfree(&re);
    }
    if (status == SR_OK && es && regcomp(&re, es->vals[0], SR_REGEX_FLAGS) == 0) {
        if (regexec(&re, out, 0, NULL, 0) != 0) {
            status = SR_INVALID;
            sr_buf_printf(why, "[scal-run: %s:%d: key 'expect': the output never matched /%s/] ", job->path,
                          es->line, es->vals[0]);
        }
        regfree(&re);
    }

    /* What scal-run knows of the run, in the record schema's names. */
    sr_launch_t launch = sr_command_launch(s);
    long threads = launch == SR_LAUNCH_MPI && p->val[sr_key_id("threads")] ? strtol(p->val[sr_key_id("threads")], NULL, 10) : 1;
    scal_record_t rec;
    memset(&rec, 0, sizeof rec);
    rec.wall_s = res->wall_s;
    rec.workers = (int)(p->workers * (launch == SR_LAUNCH_MPI ? threads : 1));
    rec.busy_mean_s = rec.busy_max_s = rec.freq_mhz = rec.fom = rec.steal_s = rec.others_running = NAN;
    rec.cycles = rec.instructions = rec.nivcsw = -1;
    rec.noisy = -1;
    rec.oversubscribed = launch == SR_LAUNCH_THREADS && p->workers > scal_allowed_cpus();
    /* The noise monitor's judgement from outside: steal on scal-run's CPUs, wait4's switches,
     * and other runnable tasks at the edges of the run (where the program's own threads are
     * not running) and in samples while it ran (less the program's own threads, when all of
     * its processes are scal-run's here: sr_point_local). */
    scal_noise_rep_t nr = {.machine = 0, .nivcsw = res->nivcsw, .workers = rec.workers,
                           .ncpus = (int32_t)sysconf(_SC_NPROCESSORS_ONLN), .steal_known = isfinite(res->steal_s),
                           .steal_s = isfinite(res->steal_s) ? res->steal_s : 0};
    if (res->running_before >= 0 && res->running_after >= 0) {
        nr.samples = 2 + res->samples;
        nr.total_running = (res->running_before + res->running_after + res->running_sum) / nr.samples;
        nr.own_running = res->own_sum / nr.samples;
    }
    scal_noise_combine(&nr, 1, &rec);
    if (rec.nivcsw < 0)
        rec.nivcsw = res->nivcsw;

    char num[64], host[64];
    sr_buf_t head = {0}, row = {0};
    sr_strv_t words = {0};
    char why_split[64];
    sr_command_split(s->eff[SR_K_COMMAND]->vals[0], &words, why_split, sizeof why_split);
    const char *w0 = words.n ? words.v[0] : "";
    const char *base = strrchr(w0, '/');
    sr_field(&head, &row, "engine", "command");
    sr_field(&head, &row, "workload", base ? base + 1 : w0);
    sr_field(&head, &row, "bind", launch == SR_LAUNCH_NONE ? NULL : p->val[sr_key_id("bind")]);
    if (launch != SR_LAUNCH_NONE) {
        snprintf(num, sizeof num, "%ld", launch == SR_LAUNCH_MPI ? p->workers : 1);
        sr_field(&head, &row, "ranks", num);
        snprintf(num, sizeof num, "%ld", launch == SR_LAUNCH_MPI ? threads : p->workers);
        sr_field(&head, &row, "threads", num);
    }
    snprintf(num, sizeof num, "%d", rec.workers);
    sr_field(&head, &row, "workers", num);
    sr_field(&head, &row, "rep", "1");
    snprintf(num, sizeof num, "%.9g", res->wall_s);
    sr_field(&head, &row, "wall_s", num);
    sr_field(&head, &row, "valid", status == SR_OK ? "1" : "0");
    scal_hostname(host, sizeof host);
    sr_field(&head, &row, "host", host);
    static const char *const noise[] = {"steal_s", "nivcsw", "others_running", "noisy"};
    for (size_t i = 0; i < sizeof noise / sizeof *noise; i++)
        sr_schema_field(&head, &row, &rec, noise[i]);
    /* the figure exactly as the program printed it */
    sr_field(&head, &row, "fom", isfinite(fom) ? fom_text : NULL);
    sr_field(&head, &row, "fom_unit", fs ? (s->eff[SR_K_FOM_UNIT] ? s->eff[SR_K_FOM_UNIT]->vals[0] : "") : NULL);
    sr_buf_printf(csv, "%s\n%s\n", sr_buf_str(&head), sr_buf_str(&row));
    sr_buf_free(&head);
    sr_buf_free(&row);
    sr_strv_free(&words);
    return status;
}
