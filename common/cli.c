/* cli.c - the option table every engine parses, and --help made from it.
 *
 * One row per option (scal_option_t): where it lands in scal_config_t, its
 * type and range, which engines accept it, and its help line.  The engines'
 * own rows are here; each workload's are in its own file and reach the
 * table through its descriptor, so the workloads an option applies to are
 * the workloads that list it.  Range limits are shown in --help, so a user
 * learns them before hitting them; scal-run's job files check values with
 * the same code (scal_option_value). */
#include "scal_cli.h"

#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "scal_err.h"
#include "scal_files.h"
#include "scal_sys.h"
#include "scal_workload.h"

typedef scal_option_t opt_t;

static const char *const pool_names[] = {"map", "submit", "as-completed", NULL};
static const char *const format_names[] = {"human", "csv", "json", NULL};
/* In scal_bind_policy_t order. */
static const char *const bind_names[] = {"auto", "none", "compact", "spread", NULL};

#define ANY (SCAL_ENGINE_OMP | SCAL_ENGINE_MPI)
#define OFF(f) offsetof(scal_config_t, f)
#define NOKEY SCAL_OPT_NOT_A_KEY

/* The engines' own options: how tasks reach workers and what is written.
 * A workload's options are in its own file (scal_workload_t.options). */
static const opt_t options[] = {
    {"threads", SCAL_OPT_INT, OFF(threads), 1, 4096, 0, 0, NULL, SCAL_ENGINE_OMP, NOKEY, "N",
     "worker threads (default: OMP_NUM_THREADS, else the CPUs this process may use)"},
    {"threads", SCAL_OPT_INT, OFF(threads), 1, 4096, 0, 0, NULL, SCAL_ENGINE_MPI, 0, "N",
     "OpenMP threads in each rank (scal-run sets OMP_NUM_THREADS to it)"},
    {"pool", SCAL_OPT_ENUM, OFF(pool), 0, 0, 0, 0, pool_names, ANY, 0, "P",
     "how tasks reach workers: map (static), submit (dynamic, task order), "
     "as-completed (dynamic, completion order)"},
    {"chunk", SCAL_OPT_U64, OFF(chunk), 1, 1000000000ULL, 0, 0, NULL, ANY, 0, "K",
     "tasks per dispatch (default: map: an equal block per worker; others: 1)"},
    {"repeat", SCAL_OPT_INT, OFF(repeat), 1, 1000000, 0, 0, NULL, ANY, NOKEY, "R",
     "measured repetitions"},
    {"warmup", SCAL_OPT_INT, OFF(warmup), 0, 1000000, 0, 0, NULL, ANY, NOKEY, "W",
     "unmeasured repetitions first"},
    {"format", SCAL_OPT_ENUM, OFF(format), 0, 0, 0, 0, format_names, ANY, NOKEY, "F",
     "stdout: human report, or one csv/json record per repetition"},
    {"out", SCAL_OPT_STR, OFF(out_path), 0, 0, 0, 0, NULL, ANY, NOKEY, "FILE",
     "write every result as CSV, in task order"},
    {"trace", SCAL_OPT_STR, OFF(trace_path), 0, 0, 0, 0, NULL, ANY, NOKEY, "FILE",
     "write task,worker,cpu,start_s,end_s,result for the last repetition"},
    {"show", SCAL_OPT_INT, OFF(show), 0, 1000000, 0, 0, NULL, ANY, NOKEY, "N",
     "results listed in the human report"},
    {"gil", SCAL_OPT_FLAG, OFF(gil), 0, 0, 0, 0, NULL, SCAL_ENGINE_OMP, 0, NULL,
     "emulate a global interpreter lock (CPython's GIL)"},
    {"switch-interval", SCAL_OPT_DOUBLE, OFF(switch_interval), 0, 0, 1e-6, 10.0, NULL,
     SCAL_ENGINE_OMP, 0, "S", "seconds between forced GIL hand-offs"},
    {"bind", SCAL_OPT_ENUM, OFF(bind), 0, 0, 0, 0, bind_names, ANY, 0, "B",
     "pin workers with hwloc (auto: compact unless a launcher already bound us, then none)"},
    {"report-bindings", SCAL_OPT_FLAG, OFF(report_bindings), 0, 0, 0, 0, NULL, ANY, 0, NULL,
     "print each worker's host, rank, thread and PU on stderr"},
    {"topology", SCAL_OPT_FLAG, OFF(topology), 0, 0, 0, 0, NULL, ANY, NOKEY, NULL,
     "print the topology and the allowed PUs, then exit"},
    {"ranks-per-node", SCAL_OPT_INT, OFF(ranks_per_node), 1, 1000000, 0, 0, NULL,
     SCAL_ENGINE_MPI, 0, "K", "split each node into emulated nodes of K ranks (default: real nodes)"},
};

#define NOPTIONS (sizeof options / sizeof options[0])

/* How options constrain each other, for the engines' parser and scal-run's
 * job-file checks alike (scal_option_rules_check): the rules between the
 * engines' own options here, a workload's in its file (its descriptor's
 * `rules`).  EXCLUDES: `a` (with
 * value a_value, or any) may not be given together with `b` (and with `c`
 * too, when c is set).  NEEDS: `a` (with value a_value, or any) needs `b`'s
 * value, given or default, to be one of b_values ("x|y"). */
static const scal_option_rule_t rules[] = {
    {SCAL_RULE_NEEDS, "switch-interval", NULL, "gil", "on", NULL,
     "the interval is the emulated GIL's"},
    {SCAL_RULE_NEEDS, "show", NULL, "format", "human", NULL,
     "only the human report lists results"},
    {SCAL_RULE_EXCLUDES, "topology", NULL, "out", NULL, NULL,
     "it prints the topology and runs nothing"},
    {SCAL_RULE_EXCLUDES, "topology", NULL, "trace", NULL, NULL,
     "it prints the topology and runs nothing"},
};

#define NRULES (sizeof rules / sizeof rules[0])

void scal_config_defaults(scal_config_t *cfg, const char *prog, const char *engine)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->prog = prog;
    cfg->engine = engine;
    cfg->workload = NULL;
    cfg->threads = 1;
    if (strcmp(engine, "omp") == 0) {
        cfg->threads = scal_allowed_cpus();
        const char *env = getenv("OMP_NUM_THREADS");
        uint64_t n;
        char first[32];
        if (env) {
            snprintf(first, sizeof first, "%s", env);
            first[strcspn(first, ",")] = '\0';
            if (scal_parse_u64(first, 1, 4096, &n) == 0)
                cfg->threads = (int)n;
        }
    }
    cfg->pool = SCAL_POOL_MAP;
    cfg->chunk = 0;
    cfg->repeat = 1;
    cfg->warmup = 0;
    cfg->format = SCAL_FMT_HUMAN;
    cfg->show = SCAL_DEFAULT_SHOW;
    cfg->switch_interval = SCAL_DEFAULT_SWITCH_INTERVAL;
    cfg->tasks = SCAL_DEFAULT_TASKS;
    cfg->base = SCAL_DEFAULT_BASE;
    cfg->mean = SCAL_DEFAULT_MEAN;
    cfg->sigma = SCAL_DEFAULT_SIGMA;
    cfg->seed = SCAL_DEFAULT_SEED;
    cfg->us = 0.0;
    cfg->bytes = SCAL_DEFAULT_BYTES;
    cfg->nodes = SCAL_DEFAULT_NODES;
    cfg->fraction = SCAL_DEFAULT_FRACTION;
    cfg->pairs = SCAL_DEFAULT_PAIRS;
    cfg->max_hop = SCAL_DEFAULT_MAX_HOP;
    cfg->kernel = 0;
    cfg->storage = SCAL_STORAGE_AUTO;
    cfg->generator = SCAL_GEN_UNIFORM;
    cfg->scale = SCAL_DEFAULT_SCALE;
    cfg->edge_factor = SCAL_DEFAULT_EDGE_FACTOR;
    cfg->graph_format = 0;
    cfg->share = SCAL_SHARE_WINDOW;
}

int scal_parse_u64(const char *s, uint64_t min, uint64_t max, uint64_t *out)
{
    if (!s || *s < '0' || *s > '9')
        return -1; /* no sign, no space: strtoull would wrap "-3" silently */
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno == ERANGE || *end != '\0' || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

int scal_parse_double(const char *s, double min, double max, double *out)
{
    char why[8];
    return scal_parse_double_why(s, min, max, out, why, sizeof why);
}

int scal_parse_double_why(const char *s, double min, double max, double *out, char *why,
                          size_t whylen)
{
    if (!s || !*s || isspace((unsigned char)*s))
        return scal_errf(why, whylen, "not a number");
    errno = 0;
    char *end;
    double v = strtod(s, &end);
    /* strtod says ERANGE for an underflow too: 1e-320 is a representable
     * (subnormal) number and 1e-400 rounds to 0, both fine; only an
     * overflow to infinity is out of range. */
    int overflow = errno == ERANGE && fabs(v) > 1.0;
    if (end == s || *end != '\0')
        return scal_errf(why, whylen, "not a number");
    if (isnan(v))
        return scal_errf(why, whylen, "not a number (NaN)");
    if (overflow || isinf(v))
        return scal_errf(why, whylen, "too large for a double (beyond %g)", DBL_MAX);
    if (v < min || v > max)
        return scal_errf(why, whylen, "out of range");
    *out = v;
    return 0;
}

const char *scal_pool_name(int pool)
{
    return pool >= 0 && pool <= SCAL_POOL_AS_COMPLETED ? pool_names[pool] : "?";
}

/* ---- the whole table: every workload's rows, then the engines' ---- */

/* Whether row o is listed by workload wl. */
static int listed_by(const scal_workload_t *wl, const opt_t *o)
{
    for (size_t j = 0; wl->options && wl->options[j]; j++)
        if (wl->options[j] == o)
            return 1;
    return 0;
}

/* Whether o, listed by workload w at position j, is listed there for the
 * first time in the table (an earlier workload, or earlier in w's list,
 * has it already). */
static int first_listing(size_t w, size_t j)
{
    const scal_workload_t *wl = scal_workload_at(w);
    const opt_t *o = wl->options[j];
    for (size_t k = 0; k < j; k++)
        if (wl->options[k] == o)
            return 0;
    for (size_t v = 0; v < w; v++)
        if (listed_by(scal_workload_at(v), o))
            return 0;
    return 1;
}

const scal_option_t *scal_option_at(size_t i)
{
    const scal_workload_t *wl;
    size_t n = 0;
    for (size_t w = 0; (wl = scal_workload_at(w)) != NULL; w++)
        for (size_t j = 0; wl->options && wl->options[j]; j++)
            if (first_listing(w, j) && n++ == i)
                return wl->options[j];
    return i - n < NOPTIONS ? &options[i - n] : NULL;
}

static int is_engine_row(const opt_t *o)
{
    for (size_t i = 0; i < NOPTIONS; i++)
        if (o == &options[i])
            return 1;
    return 0;
}

int scal_option_for_workload(const scal_option_t *o, size_t i)
{
    const scal_workload_t *wl = scal_workload_at(i);
    return wl && (is_engine_row(o) || listed_by(wl, o));
}

const scal_option_t *scal_option_find(const char *name, unsigned engines)
{
    /* scal_option_at's order, without skipping repeats: the first match
     * is the same row. */
    const scal_workload_t *wl;
    for (size_t w = 0; (wl = scal_workload_at(w)) != NULL; w++)
        for (size_t j = 0; wl->options && wl->options[j]; j++)
            if ((wl->options[j]->engines & engines) && strcmp(wl->options[j]->name, name) == 0)
                return wl->options[j];
    for (size_t i = 0; i < NOPTIONS; i++)
        if ((options[i].engines & engines) && strcmp(options[i].name, name) == 0)
            return &options[i];
    return NULL;
}

static const opt_t *find_option(const char *name, unsigned engine)
{
    return scal_option_find(name, engine);
}

/* The workloads that take a workload's row, space-separated ("" for an
 * engine row: every workload). */
static void workloads_text(const opt_t *o, char *buf, size_t len)
{
    const scal_workload_t *wl;
    size_t used = 0;
    buf[0] = '\0';
    if (is_engine_row(o))
        return;
    for (size_t w = 0; (wl = scal_workload_at(w)) != NULL && used < len; w++)
        if (listed_by(wl, o))
            used += (size_t)snprintf(buf + used, len - used, "%s%s", used ? " " : "", wl->name);
}

static unsigned engine_bit(const scal_config_t *cfg)
{
    return strcmp(cfg->engine, "mpi") == 0 ? SCAL_ENGINE_MPI : SCAL_ENGINE_OMP;
}

static void range_text(const opt_t *o, char *buf, size_t len)
{
    char choices[160];
    size_t used = 0;
    switch (o->kind) {
    case SCAL_OPT_U64:
    case SCAL_OPT_INT:
        snprintf(buf, len, "%llu..%llu", (unsigned long long)o->umin, (unsigned long long)o->umax);
        break;
    case SCAL_OPT_DOUBLE:
        snprintf(buf, len, "%g..%g", o->dmin, o->dmax);
        break;
    case SCAL_OPT_ENUM:
        choices[0] = '\0';
        for (int i = 0; o->choices[i] && used < sizeof choices; i++)
            used += (size_t)snprintf(choices + used, sizeof choices - used, "%s%s", i ? "|" : "",
                                     o->choices[i]);
        snprintf(buf, len, "%s", choices);
        break;
    case SCAL_OPT_STR:
    case SCAL_OPT_FLAG:
        buf[0] = '\0';
        break;
    }
}

/* Parse val for o into field (NULL: check only).  Returns 0, or -1 with
 * *what saying how it failed: 'e' empty, 's' not a whole number or below
 * the range, 'r' above the range, 'd' a number refused (why in `why`),
 * 'c' not a choice. */
static int parse_value(const opt_t *o, const char *val, void *field, char *what, char *why,
                       size_t whylen)
{
    uint64_t u;
    double d;
    switch (o->kind) {
    case SCAL_OPT_FLAG:
        if (field)
            *(int *)field = 1;
        return 0;
    case SCAL_OPT_STR:
        if (!*val) {
            *what = 'e';
            return -1;
        }
        if (field)
            *(const char **)field = val;
        return 0;
    case SCAL_OPT_U64:
    case SCAL_OPT_INT:
        if (scal_parse_u64(val, o->umin, o->umax, &u) == 0) {
            if (field && o->kind == SCAL_OPT_INT)
                *(int *)field = (int)u;
            else if (field)
                *(uint64_t *)field = u;
            return 0;
        }
        *what = scal_parse_u64(val, o->umin, UINT64_MAX, &u) == 0 ? 'r' : 's';
        return -1;
    case SCAL_OPT_DOUBLE:
        if (scal_parse_double_why(val, o->dmin, o->dmax, &d, why, whylen) == 0) {
            if (field)
                *(double *)field = d;
            return 0;
        }
        *what = 'd';
        return -1;
    case SCAL_OPT_ENUM:
        for (int i = 0; o->choices[i]; i++)
            if (strcmp(o->choices[i], val) == 0) {
                if (field)
                    *(int *)field = i;
                return 0;
            }
        *what = 'c';
        return -1;
    }
    return -1;
}

static int set_option(scal_config_t *cfg, const opt_t *o, const char *val, char *err, size_t errlen)
{
    char range[200], what = 0, why[128];
    if (parse_value(o, val, (char *)cfg + o->off, &what, why, sizeof why) == 0)
        return 0;
    range_text(o, range, sizeof range);
    switch (what) {
    case 'e':
        snprintf(err, errlen, "--%s: empty value", o->name);
        break;
    case 'd':
        snprintf(err, errlen, "--%s: invalid value '%s': %s; must be a number in %s", o->name,
                 val, why, range);
        break;
    case 'c':
        snprintf(err, errlen, "--%s: invalid value '%s' (choose %s)", o->name, val, range);
        break;
    default:
        snprintf(err, errlen, "--%s: invalid value '%s': must be a whole number in %s", o->name,
                 val, range);
        break;
    }
    return -1;
}

int scal_option_value(const scal_option_t *o, const char *value, scal_config_t *cfg,
                      char *expected, size_t len)
{
    char range[200], what = 0, why[128];
    if (o->kind == SCAL_OPT_FLAG && strcmp(value, "on") != 0)
        return scal_errf(expected, len, "on");
    if (parse_value(o, value, cfg ? (char *)cfg + o->off : NULL, &what, why, sizeof why) == 0)
        return 0;
    range_text(o, range, sizeof range);
    switch (what) {
    case 'e':
        return scal_errf(expected, len, "a non-empty value");
    case 's':
        return scal_errf(expected, len, "an integer >= %llu", (unsigned long long)o->umin);
    case 'r':
        return scal_errf(expected, len, "a whole number in %s", range);
    case 'd':
        return scal_errf(expected, len, "a number in %s", range);
    default:
        return scal_errf(expected, len, "%s", range);
    }
}

int scal_option_check(const char *name, const char *value, char *err, size_t errlen)
{
    const opt_t *o = scal_option_find(name, SCAL_ENGINE_OMP | SCAL_ENGINE_MPI);
    if (!o || (o->kind != SCAL_OPT_U64 && o->kind != SCAL_OPT_INT && o->kind != SCAL_OPT_DOUBLE))
        return 0;
    if (parse_value(o, value, NULL, &(char){0}, (char[8]){0}, 8) == 0)
        return 0;
    char range[200];
    range_text(o, range, sizeof range);
    snprintf(err, errlen, "%s in %s", o->kind == SCAL_OPT_DOUBLE ? "a number" : "a whole number",
             range);
    return -1;
}

static void default_text(const scal_config_t *def, const opt_t *o, char *buf, size_t len)
{
    const char *field = (const char *)def + o->off;
    buf[0] = '\0';
    /* A default outside the option's range is no value a user could give
     * (chunk's 0, ranks-per-node's 0): the help says what happens then. */
    switch (o->kind) {
    case SCAL_OPT_INT:
        if ((strcmp(o->name, "threads") != 0 || strcmp(def->engine, "mpi") == 0) &&
            *(const int *)field >= 0 && (uint64_t)*(const int *)field >= o->umin &&
            (uint64_t)*(const int *)field <= o->umax)
            snprintf(buf, len, "%d", *(const int *)field);
        break;
    case SCAL_OPT_U64:
        if (*(const uint64_t *)field >= o->umin && *(const uint64_t *)field <= o->umax)
            snprintf(buf, len, "%llu", (unsigned long long)*(const uint64_t *)field);
        break;
    case SCAL_OPT_DOUBLE:
        snprintf(buf, len, "%g", *(const double *)field);
        break;
    case SCAL_OPT_ENUM:
        snprintf(buf, len, "%s", o->choices[*(const int *)field]);
        break;
    case SCAL_OPT_STR:
    case SCAL_OPT_FLAG:
        break;
    }
}

void scal_option_default(const scal_option_t *o, const char *engine, char *buf, size_t len)
{
    scal_config_t def;
    scal_config_defaults(&def, "", engine);
    default_text(&def, o, buf, len);
}

static void print_option(const scal_config_t *def, const opt_t *o, FILE *out)
{
    char head[48], range[200], deflt[64], wls[128];
    snprintf(head, sizeof head, "--%s%s%s", o->name, o->meta ? " " : "", o->meta ? o->meta : "");
    range_text(o, range, sizeof range);
    default_text(def, o, deflt, sizeof deflt);
    workloads_text(o, wls, sizeof wls);
    fprintf(out, "  %-24s %s", head, o->help);
    if (range[0])
        fprintf(out, " [%s]", range);
    if (deflt[0])
        fprintf(out, " (default %s)", deflt);
    if (wls[0])
        fprintf(out, " {%s}", wls);
    fputc('\n', out);
}

static void print_help(const scal_config_t *def, FILE *out)
{
    unsigned eng = engine_bit(def);
    fprintf(out, "usage: %s WORKLOAD [options]\n", def->prog);
    fprintf(out, "       %s --help | --version\n\n", def->prog);
    fprintf(out, "Runs WORKLOAD as tasks over %s and reports wall time, the sum of task\n"
                 "times, speedup = sum / wall and efficiency = speedup / workers.\n\n",
            eng == SCAL_ENGINE_MPI ? "MPI ranks (start it with mpirun or srun)" : "OpenMP threads");
    fprintf(out, "workloads:\n");
    const scal_workload_t *wl;
    for (size_t i = 0; (wl = scal_workload_at(i)) != NULL; i++)
        fprintf(out, "  %-8s %s\n", wl->name, wl->summary);
    fprintf(out, "\noptions (value range in brackets; every option also takes --opt=value):\n");
    /* The engines' own first, then the workloads'. */
    const opt_t *o;
    for (size_t i = 0; i < NOPTIONS; i++)
        if (options[i].engines & eng)
            print_option(def, &options[i], out);
    for (size_t i = 0; (o = scal_option_at(i)) != NULL && !is_engine_row(o); i++)
        if (o->engines & eng)
            print_option(def, o, out);
    fprintf(out, "\nExit status: 0 done and valid; 1 a run or its validation failed;\n"
                 "2 bad usage or input (the message names the option and value).\n");
}

/* The command line as scal_option_value_fn sees it: the value given to
 * --name (the last, as the parser keeps it), "on" for a flag; one value. */
struct given_args {
    int argc;
    char **argv;
    unsigned eng;
};

static const char *given_arg(void *ctx, const char *name, int i)
{
    const struct given_args *g = ctx;
    const char *found = NULL;
    size_t n = strlen(name);
    if (i > 0)
        return NULL;
    for (int k = 1; k < g->argc; k++) {
        const char *a = g->argv[k];
        if (strncmp(a, "--", 2) != 0 || strncmp(a + 2, name, n) != 0 ||
            (a[2 + n] != '\0' && a[2 + n] != '='))
            continue;
        const opt_t *o = find_option(name, g->eng);
        if (o && o->kind == SCAL_OPT_FLAG)
            found = "on";
        else if (a[2 + n] == '=')
            found = a + 3 + n;
        else if (k + 1 < g->argc)
            found = g->argv[++k];
    }
    return found;
}

/* Most options one command line may name (every row counted once). */
#define MAX_SEEN 128

int scal_cli_parse(scal_config_t *cfg, int argc, char **argv, FILE *out, char *err, size_t errlen)
{
    unsigned eng = engine_bit(cfg);
    const opt_t *seen[MAX_SEEN];
    size_t nseen = 0;

    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            print_help(cfg, out);
            return SCAL_CLI_EXIT;
        }
        if (strcmp(arg, "--version") == 0) {
            fprintf(out, "%s %s\n", cfg->prog, scal_version());
            return SCAL_CLI_EXIT;
        }
        if (strncmp(arg, "--", 2) != 0) {
            if (cfg->workload) {
                snprintf(err, errlen, "unexpected argument '%s'", arg);
                return SCAL_CLI_ERROR;
            }
            cfg->workload = arg;
            continue;
        }
        char name[64];
        const char *eq = strchr(arg + 2, '=');
        size_t nlen = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);
        snprintf(name, sizeof name, "%.*s", (int)(nlen < sizeof name ? nlen : sizeof name - 1),
                 arg + 2);
        const opt_t *o = find_option(name, eng);
        if (!o) {
            snprintf(err, errlen, "unknown option '%s' (see --help)", arg);
            return SCAL_CLI_ERROR;
        }
        const char *val = NULL;
        if (o->kind == SCAL_OPT_FLAG) {
            if (eq) {
                snprintf(err, errlen, "--%s takes no value (got '%s')", o->name, eq + 1);
                return SCAL_CLI_ERROR;
            }
        } else if (eq) {
            val = eq + 1;
        } else if (i + 1 < argc && strncmp(argv[i + 1], "--", 2) != 0) {
            val = argv[++i];
        } else {
            snprintf(err, errlen, "--%s: missing value", o->name);
            return SCAL_CLI_ERROR;
        }
        if (set_option(cfg, o, val, err, errlen) != 0)
            return SCAL_CLI_ERROR;
        size_t s = 0;
        while (s < nseen && seen[s] != o)
            s++;
        if (s == nseen && nseen < MAX_SEEN)
            seen[nseen++] = o;
    }

    struct given_args ga = {argc, argv, eng};
    scal_rule_violation_t v;
    if (scal_option_rules_check(given_arg, &ga, eng, &v) != 0) {
        scal_option_rule_text(&v, "--", err, errlen);
        return SCAL_CLI_ERROR;
    }
    if (cfg->topology)
        return SCAL_CLI_OK; /* needs no workload */
    if (!cfg->workload) {
        char names[128];
        snprintf(err, errlen, "missing WORKLOAD (choose %s; see --help)",
                 scal_workload_names(names, sizeof names));
        return SCAL_CLI_ERROR;
    }
    const scal_workload_t *wl = scal_workload_find(cfg->workload);
    if (!wl) {
        char names[128];
        snprintf(err, errlen, "unknown workload '%s' (choose %s)", cfg->workload,
                 scal_workload_names(names, sizeof names));
        return SCAL_CLI_ERROR;
    }
    /* In table order, as the message always named the first. */
    const opt_t *o;
    for (size_t i = 0; (o = scal_option_at(i)) != NULL; i++) {
        size_t s = 0;
        while (s < nseen && seen[s] != o)
            s++;
        if (s < nseen && !is_engine_row(o) && !listed_by(wl, o)) {
            char wls[128];
            workloads_text(o, wls, sizeof wls);
            snprintf(err, errlen, "--%s does not apply to workload '%s' (only %s)", o->name,
                     cfg->workload, wls);
            return SCAL_CLI_ERROR;
        }
    }
    return SCAL_CLI_OK;
}

int scal_cli_check_files(const scal_config_t *cfg, char *err, size_t errlen)
{
    const scal_named_file_t files[] = {
        {"--graph", cfg->graph_file, 0},
        {"--pairs-file", cfg->pairs_file, 0},
        {"--out", cfg->out_path, 1},
        {"--trace", cfg->trace_path, 1},
        {"--write-graph", cfg->write_graph, 1},
    };
    if (scal_files_distinct(files, sizeof files / sizeof files[0], err, errlen) != 0)
        return -1;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        if (files[i].output && files[i].path && scal_output_check(files[i].path, err, errlen) != 0)
            return -1;
    return 0;
}

/* ---- option rules ---- */

/* Whether `v` is one of the "|"-separated `list`. */
static int in_list(const char *list, const char *v)
{
    size_t n = strlen(v);
    for (const char *p = list; p; p = strchr(p, '|') ? strchr(p, '|') + 1 : NULL)
        if (strncmp(p, v, n) == 0 && (p[n] == '|' || p[n] == '\0'))
            return 1;
    return 0;
}

/* The value an option has when not given, as text ("" for none). */
static void default_of(const char *name, unsigned eng, char *buf, size_t len)
{
    scal_config_t def;
    scal_config_defaults(&def, "", eng == SCAL_ENGINE_MPI ? "mpi" : "omp");
    buf[0] = '\0';
    const opt_t *o = find_option(name, eng);
    if (!o)
        return;
    if (o->kind == SCAL_OPT_FLAG)
        snprintf(buf, len, "%s", *(const int *)((const char *)&def + o->off) ? "on" : "off");
    else if (o->kind == SCAL_OPT_INT)
        snprintf(buf, len, "%d", *(const int *)((const char *)&def + o->off));
    else
        default_text(&def, o, buf, len);
}

int scal_option_rules_check(scal_option_value_fn given, void *ctx, unsigned engine,
                            scal_rule_violation_t *v)
{
    const scal_option_rule_t *rule;
    for (size_t r = 0; (rule = scal_option_rule_at(r)) != NULL; r++) {
        /* An option the engine does not have cannot be given to it. */
        if (!find_option(rule->a, engine) || !find_option(rule->b, engine))
            continue;
        const char *av;
        for (int i = 0; (av = given(ctx, rule->a, i)) != NULL; i++) {
            if (rule->a_value && strcmp(av, rule->a_value) != 0)
                continue;
            if (rule->kind == SCAL_RULE_EXCLUDES) {
                const char *bv = given(ctx, rule->b, 0);
                if (!bv || (rule->c && !given(ctx, rule->c, 0)))
                    continue;
                *v = (scal_rule_violation_t){rule, av, bv, 1, ""};
                return -1;
            }
            const char *bv;
            int any = 0;
            for (int j = 0; (bv = given(ctx, rule->b, j)) != NULL; j++) {
                any = 1;
                if (!in_list(rule->b_values, bv)) {
                    *v = (scal_rule_violation_t){rule, av, bv, 1, ""};
                    return -1;
                }
            }
            if (!any) {
                default_of(rule->b, engine, v->b_default, sizeof v->b_default);
                if (!in_list(rule->b_values, v->b_default)) {
                    v->rule = rule;
                    v->a_value = av;
                    v->b_value = v->b_default;
                    v->b_given = 0;
                    return -1;
                }
            }
        }
    }
    return 0;
}

int scal_option_rule_text(const scal_rule_violation_t *v, const char *dashes, char *err,
                          size_t errlen)
{
    const scal_option_rule_t *r = v->rule;
    char a[160];
    if (r->a_value)
        snprintf(a, sizeof a, "%s%s%s%s", dashes, r->a, dashes[0] ? " " : " = ", v->a_value);
    else
        snprintf(a, sizeof a, "%s%s", dashes, r->a);
    if (r->kind == SCAL_RULE_EXCLUDES) {
        if (r->c)
            return scal_errf(err, errlen, "%s cannot be given with both %s%s and %s%s: %s", a,
                             dashes, r->b, dashes, r->c, r->why);
        return scal_errf(err, errlen, "%s and %s%s exclude each other: %s", a, dashes, r->b,
                         r->why);
    }
    return scal_errf(err, errlen, "%s needs %s%s %s, not %s%s: %s", a, dashes, r->b, r->b_values,
                     v->b_value, v->b_given ? "" : " (the default)", r->why);
}

const scal_option_rule_t *scal_option_rule_at(size_t i)
{
    /* Every workload's rules first, then the engines': the options' order. */
    const scal_workload_t *wl;
    for (size_t w = 0; (wl = scal_workload_at(w)) != NULL; w++)
        for (size_t j = 0; wl->rules && wl->rules[j].a; j++)
            if (i-- == 0)
                return &wl->rules[j];
    return i < NRULES ? &rules[i] : NULL;
}
