/* cli.c - the option table every engine parses, and --help made from it.
 *
 * One row per option: where it lands in scal_config_t, its type and range,
 * which engines and workloads accept it, and its help line.  Range limits
 * are shown in --help, so a user learns them before hitting them. */
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

typedef enum { OPT_U64, OPT_INT, OPT_DOUBLE, OPT_ENUM, OPT_STR, OPT_FLAG } opt_kind_t;

typedef struct opt {
    const char *name;
    opt_kind_t kind;
    size_t off;
    uint64_t umin, umax;        /* OPT_U64, OPT_INT */
    double dmin, dmax;          /* OPT_DOUBLE */
    const char *const *choices; /* OPT_ENUM, NULL-terminated */
    unsigned engines;           /* SCAL_ENGINE_* mask */
    const char *workloads;      /* space-separated names it applies to; NULL = all */
    const char *meta, *help;
} opt_t;

static const char *const pool_names[] = {"map", "submit", "as-completed", NULL};
static const char *const format_names[] = {"human", "csv", "json", NULL};
/* In scal_kernel_t and scal_share_t order. */
static const char *const kernel_names[] = {"bitset", "matvec", NULL};
static const char *const share_names[] = {"window", "copy", "per-task", NULL};
/* In scal_storage_t, scal_generator_t and scal_graph_format_t order. */
static const char *const storage_names[] = {"auto", "bitset", "sparse", NULL};
static const char *const generator_names[] = {"uniform", "kron", NULL};
static const char *const graph_format_names[] = {"auto", "mtx", "snap", "el", NULL};
/* In scal_bind_policy_t order. */
static const char *const bind_names[] = {"auto", "none", "compact", "spread", NULL};

#define ANY (SCAL_ENGINE_OMP | SCAL_ENGINE_MPI)
#define OFF(f) offsetof(scal_config_t, f)

static const opt_t options[] = {
    {"threads", OPT_INT, OFF(threads), 1, 4096, 0, 0, NULL, SCAL_ENGINE_OMP, NULL, "N",
     "worker threads (default: OMP_NUM_THREADS, else the CPUs this process may use)"},
    {"threads", OPT_INT, OFF(threads), 1, 4096, 0, 0, NULL, SCAL_ENGINE_MPI, NULL, "N",
     "OpenMP threads in each rank"},
    {"pool", OPT_ENUM, OFF(pool), 0, 0, 0, 0, pool_names, ANY, NULL, "P",
     "how tasks reach workers: map (static), submit (dynamic, task order), "
     "as-completed (dynamic, completion order)"},
    {"chunk", OPT_U64, OFF(chunk), 1, 1000000000ULL, 0, 0, NULL, ANY, NULL, "K",
     "tasks per dispatch (default: map: an equal block per worker; others: 1)"},
    {"repeat", OPT_INT, OFF(repeat), 1, 1000000, 0, 0, NULL, ANY, NULL, "R", "measured repetitions"},
    {"warmup", OPT_INT, OFF(warmup), 0, 1000000, 0, 0, NULL, ANY, NULL, "W",
     "unmeasured repetitions first"},
    {"format", OPT_ENUM, OFF(format), 0, 0, 0, 0, format_names, ANY, NULL, "F",
     "stdout: human report, or one csv/json record per repetition"},
    {"out", OPT_STR, OFF(out_path), 0, 0, 0, 0, NULL, ANY, NULL, "FILE",
     "write every result as CSV, in task order"},
    {"trace", OPT_STR, OFF(trace_path), 0, 0, 0, 0, NULL, ANY, NULL, "FILE",
     "write task,worker,cpu,start_s,end_s,result for the last repetition"},
    {"show", OPT_INT, OFF(show), 0, 1000000, 0, 0, NULL, ANY, NULL, "N",
     "results listed in the human report"},
    {"gil", OPT_FLAG, OFF(gil), 0, 0, 0, 0, NULL, SCAL_ENGINE_OMP, NULL, NULL,
     "emulate a global interpreter lock (CPython's GIL)"},
    {"switch-interval", OPT_DOUBLE, OFF(switch_interval), 0, 0, 1e-6, 10.0, NULL, SCAL_ENGINE_OMP,
     NULL, "S", "seconds between forced GIL hand-offs"},
    {"bind", OPT_ENUM, OFF(bind), 0, 0, 0, 0, bind_names, ANY, NULL, "B",
     "pin workers with hwloc (auto: compact unless a launcher already bound us, then none)"},
    {"report-bindings", OPT_FLAG, OFF(report_bindings), 0, 0, 0, 0, NULL, ANY, NULL, NULL,
     "print each worker's host, rank, thread and PU on stderr"},
    {"topology", OPT_FLAG, OFF(topology), 0, 0, 0, 0, NULL, ANY, NULL, NULL,
     "print the topology and the allowed PUs, then exit"},
    {"ranks-per-node", OPT_INT, OFF(ranks_per_node), 1, 1000000, 0, 0, NULL, SCAL_ENGINE_MPI,
     NULL, "K", "split each node into emulated nodes of K ranks (default: real nodes)"},
    {"tasks", OPT_U64, OFF(tasks), 1, SCAL_MAX_TASKS, 0, 0, NULL, ANY, "factor sleep spin triad", "N",
     "number of tasks"},
    {"base", OPT_U64, OFF(base), 2, INT64_MAX, 0, 0, NULL, ANY, "factor", "V",
     "task k factorizes base + k (results are signed 64-bit: base + tasks - 1 must fit)"},
    {"mean", OPT_DOUBLE, OFF(mean), 0, 0, 0.0, 86400.0, NULL, ANY, "sleep", "S",
     "mean sleep in seconds"},
    {"sigma", OPT_DOUBLE, OFF(sigma), 0, 0, 0.0, 86400.0, NULL, ANY, "sleep", "S",
     "standard deviation of the sleep in seconds"},
    {"seed", OPT_U64, OFF(seed), 0, UINT64_MAX, 0, 0, NULL, ANY, "sleep paths", "S",
     "random seed"},
    {"us", OPT_DOUBLE, OFF(us), 0, 0, 0.0, 1e9, NULL, ANY, "spin", "US",
     "microseconds each task busy-waits"},
    {"bytes", OPT_U64, OFF(bytes), 24, 1ULL << 40, 0, 0, NULL, ANY, "triad", "B",
     "bytes each task streams: its worker's arrays a, b, c, first touched by that worker"},
    {"nodes", OPT_U64, OFF(nodes), 1, 0x7fffffffULL, 0, 0, NULL, ANY, "paths", "M",
     "graph nodes (generated graph)"},
    {"fraction", OPT_DOUBLE, OFF(fraction), 0, 0, 0.0, 1.0, NULL, ANY, "paths", "P",
     "probability of each edge i->j"},
    {"pairs", OPT_U64, OFF(pairs), 1, SCAL_MAX_TASKS, 0, 0, NULL, ANY, "paths", "Q",
     "query pairs drawn from --seed"},
    {"pairs-file", OPT_STR, OFF(pairs_file), 0, 0, 0, 0, NULL, ANY, "paths", "FILE",
     "query pairs from CSV source,target (0-based)"},
    {"graph", OPT_STR, OFF(graph_file), 0, 0, 0, 0, NULL, ANY, "paths", "FILE",
     "read the graph from a file: Matrix Market (1-based), SNAP edge list or GAP .el "
     "(0-based); see --graph-format"},
    {"graph-format", OPT_ENUM, OFF(graph_format), 0, 0, 0, 0, graph_format_names, ANY, "paths",
     "F", "--graph's format (auto: .mtx/.mm Matrix Market, .el GAP edge list, else a SNAP "
     "edge list unless it starts with a Matrix Market banner)"},
    {"generator", OPT_ENUM, OFF(generator), 0, 0, 0, 0, generator_names, ANY, "paths", "G",
     "generated graph: uniform (--nodes, --fraction) or Graph500 Kronecker (--scale, "
     "--edge-factor, undirected)"},
    {"scale", OPT_INT, OFF(scale), 1, 30, 0, 0, NULL, ANY, "paths", "S",
     "kron: 2^S nodes"},
    {"edge-factor", OPT_U64, OFF(edge_factor), 1, 1024, 0, 0, NULL, ANY, "paths", "E",
     "kron: E * 2^S edges, each in both directions"},
    {"write-graph", OPT_STR, OFF(write_graph), 0, 0, 0, 0, NULL, ANY, "paths", "FILE",
     "write the graph: an edge list (0-based) if FILE ends in .el or .txt, else Matrix Market"},
    {"max-hop", OPT_INT, OFF(max_hop), 0, 1000000, 0, 0, NULL, ANY, "paths", "H",
     "longest path searched, in hops"},
    {"kernel", OPT_ENUM, OFF(kernel), 0, 0, 0, 0, kernel_names, ANY, "paths", "K",
     "bitset (fast) or matvec (the seed's vector-matrix products)"},
    {"storage", OPT_ENUM, OFF(storage), 0, 0, 0, 0, storage_names, ANY, "paths", "S",
     "graph storage for the fast kernel: bitset (dense bit matrix), sparse (CSR + CSC), or "
     "auto (bitset only for small dense graphs)"},
    {"group", OPT_FLAG, OFF(group), 0, 0, 0, 0, NULL, ANY, "paths", NULL,
     "a task is every pair of one source (one search answers them all)"},
    {"share", OPT_ENUM, OFF(share), 0, 0, 0, 0, share_names, SCAL_ENGINE_MPI, "paths", "S",
     "the graph: one copy per node in a shared window, a copy per rank sent once, "
     "or sent with every task"},
};

#define NOPTIONS (sizeof options / sizeof options[0])

/* How options constrain each other, for the engines' parser and scal-run's
 * job-file checks alike (scal_option_rules_check).  EXCLUDES: `a` (with
 * value a_value, or any) may not be given together with `b` (and with `c`
 * too, when c is set).  NEEDS: `a` (with value a_value, or any) needs `b`'s
 * value, given or default, to be one of b_values ("x|y"). */
static const scal_option_rule_t rules[] = {
    {SCAL_RULE_EXCLUDES, "graph", NULL, "nodes", NULL, NULL,
     "the graph file sets the nodes"},
    {SCAL_RULE_EXCLUDES, "graph", NULL, "fraction", NULL, NULL,
     "the graph file sets the edges"},
    {SCAL_RULE_EXCLUDES, "pairs-file", NULL, "pairs", NULL, NULL,
     "the pairs file sets the pairs"},
    {SCAL_RULE_EXCLUDES, "graph", NULL, "generator", NULL, NULL,
     "the graph file is the graph: nothing is generated"},
    {SCAL_RULE_EXCLUDES, "graph", NULL, "scale", NULL, NULL,
     "the graph file sets the nodes"},
    {SCAL_RULE_EXCLUDES, "graph", NULL, "edge-factor", NULL, NULL,
     "the graph file sets the edges"},
    {SCAL_RULE_NEEDS, "scale", NULL, "generator", "kron", NULL,
     "the scale sizes the Kronecker generator's graph"},
    {SCAL_RULE_NEEDS, "edge-factor", NULL, "generator", "kron", NULL,
     "the edge factor is the Kronecker generator's"},
    {SCAL_RULE_NEEDS, "nodes", NULL, "generator", "uniform", NULL,
     "the Kronecker generator takes its nodes from --scale"},
    {SCAL_RULE_NEEDS, "fraction", NULL, "generator", "uniform", NULL,
     "the Kronecker generator takes its edges from --edge-factor"},
    {SCAL_RULE_NEEDS, "storage", "sparse", "kernel", "bitset", NULL,
     "the matvec kernel has its own dense layout (--storage chooses the fast kernel's)"},
    {SCAL_RULE_NEEDS, "storage", "bitset", "kernel", "bitset", NULL,
     "the matvec kernel has its own dense layout (--storage chooses the fast kernel's)"},
    {SCAL_RULE_EXCLUDES, "seed", NULL, "graph", NULL, "pairs-file",
     "with both the graph and the pairs from files, nothing is drawn from the seed"},
    {SCAL_RULE_NEEDS, "switch-interval", NULL, "gil", "on", NULL,
     "the interval is the emulated GIL's"},
    {SCAL_RULE_NEEDS, "share", "per-task", "pool", "submit|as-completed", NULL,
     "per-task needs a dynamic pool (map has no dispatch to send the graph with)"},
    {SCAL_RULE_NEEDS, "share", "per-task", "threads", "1", NULL,
     "per-task runs one thread per rank, as a process pool does"},
    {SCAL_RULE_NEEDS, "show", NULL, "format", "human", NULL,
     "only the human report lists results"},
    {SCAL_RULE_EXCLUDES, "topology", NULL, "out", NULL, NULL,
     "it prints the topology and runs nothing"},
    {SCAL_RULE_EXCLUDES, "topology", NULL, "trace", NULL, NULL,
     "it prints the topology and runs nothing"},
    {SCAL_RULE_EXCLUDES, "topology", NULL, "write-graph", NULL, NULL,
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

const char *scal_share_name(int share)
{
    return share >= 0 && share <= SCAL_SHARE_PER_TASK ? share_names[share] : "?";
}

static int word_in(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; (p = strstr(p, word)) != NULL; p += n)
        if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return 1;
    return 0;
}

static const opt_t *find_option(const char *name, unsigned engine)
{
    for (size_t i = 0; i < NOPTIONS; i++)
        if ((options[i].engines & engine) && strcmp(options[i].name, name) == 0)
            return &options[i];
    return NULL;
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
    case OPT_U64:
    case OPT_INT:
        snprintf(buf, len, "%llu..%llu", (unsigned long long)o->umin, (unsigned long long)o->umax);
        break;
    case OPT_DOUBLE:
        snprintf(buf, len, "%g..%g", o->dmin, o->dmax);
        break;
    case OPT_ENUM:
        choices[0] = '\0';
        for (int i = 0; o->choices[i] && used < sizeof choices; i++)
            used += (size_t)snprintf(choices + used, sizeof choices - used, "%s%s", i ? "|" : "",
                                     o->choices[i]);
        snprintf(buf, len, "%s", choices);
        break;
    default:
        buf[0] = '\0';
    }
}

static int set_option(scal_config_t *cfg, const opt_t *o, const char *val, char *err, size_t errlen)
{
    char *field = (char *)cfg + o->off;
    char range[200];
    uint64_t u;
    double d;
    switch (o->kind) {
    case OPT_FLAG:
        *(int *)field = 1;
        return 0;
    case OPT_STR:
        if (!*val) {
            snprintf(err, errlen, "--%s: empty value", o->name);
            return -1;
        }
        *(const char **)field = val;
        return 0;
    case OPT_U64:
    case OPT_INT:
        if (scal_parse_u64(val, o->umin, o->umax, &u) == 0) {
            if (o->kind == OPT_INT)
                *(int *)field = (int)u;
            else
                *(uint64_t *)field = u;
            return 0;
        }
        break;
    case OPT_DOUBLE: {
        char why[128];
        if (scal_parse_double_why(val, o->dmin, o->dmax, &d, why, sizeof why) == 0) {
            *(double *)field = d;
            return 0;
        }
        range_text(o, range, sizeof range);
        snprintf(err, errlen, "--%s: invalid value '%s': %s; must be a number in %s", o->name,
                 val, why, range);
        return -1;
    }
    case OPT_ENUM:
        for (int i = 0; o->choices[i]; i++)
            if (strcmp(o->choices[i], val) == 0) {
                *(int *)field = i;
                return 0;
            }
        range_text(o, range, sizeof range);
        snprintf(err, errlen, "--%s: invalid value '%s' (choose %s)", o->name, val, range);
        return -1;
    }
    range_text(o, range, sizeof range);
    snprintf(err, errlen, "--%s: invalid value '%s': must be a %s in %s", o->name, val,
             o->kind == OPT_DOUBLE ? "number" : "whole number", range);
    return -1;
}

int scal_option_check(const char *name, const char *value, char *err, size_t errlen)
{
    for (size_t i = 0; i < NOPTIONS; i++) {
        const opt_t *o = &options[i];
        if (strcmp(o->name, name) != 0)
            continue;
        if (o->kind != OPT_U64 && o->kind != OPT_INT && o->kind != OPT_DOUBLE)
            return 0;
        uint64_t u;
        double d;
        int ok = o->kind == OPT_DOUBLE ? scal_parse_double(value, o->dmin, o->dmax, &d) == 0
                                       : scal_parse_u64(value, o->umin, o->umax, &u) == 0;
        if (ok)
            return 0;
        char range[200];
        range_text(o, range, sizeof range);
        snprintf(err, errlen, "%s in %s", o->kind == OPT_DOUBLE ? "a number" : "a whole number",
                 range);
        return -1;
    }
    return 0;
}

static void default_text(const scal_config_t *def, const opt_t *o, char *buf, size_t len)
{
    const char *field = (const char *)def + o->off;
    buf[0] = '\0';
    switch (o->kind) {
    case OPT_INT:
        if (strcmp(o->name, "threads") != 0 || strcmp(def->engine, "mpi") == 0)
            snprintf(buf, len, "%d", *(const int *)field);
        break;
    case OPT_U64:
        if (*(const uint64_t *)field)
            snprintf(buf, len, "%llu", (unsigned long long)*(const uint64_t *)field);
        break;
    case OPT_DOUBLE:
        snprintf(buf, len, "%g", *(const double *)field);
        break;
    case OPT_ENUM:
        snprintf(buf, len, "%s", o->choices[*(const int *)field]);
        break;
    default:
        break;
    }
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
    for (size_t i = 0; i < NOPTIONS; i++) {
        const opt_t *o = &options[i];
        if (!(o->engines & eng))
            continue;
        char head[48], range[200], deflt[64];
        snprintf(head, sizeof head, "--%s%s%s", o->name, o->meta ? " " : "", o->meta ? o->meta : "");
        range_text(o, range, sizeof range);
        default_text(def, o, deflt, sizeof deflt);
        fprintf(out, "  %-24s %s", head, o->help);
        if (range[0])
            fprintf(out, " [%s]", range);
        if (deflt[0])
            fprintf(out, " (default %s)", deflt);
        if (o->workloads)
            fprintf(out, " {%s}", o->workloads);
        fputc('\n', out);
    }
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
        if (o && o->kind == OPT_FLAG)
            found = "on";
        else if (a[2 + n] == '=')
            found = a + 3 + n;
        else if (k + 1 < g->argc)
            found = g->argv[++k];
    }
    return found;
}

int scal_cli_parse(scal_config_t *cfg, int argc, char **argv, FILE *out, char *err, size_t errlen)
{
    unsigned eng = engine_bit(cfg);
    int seen[NOPTIONS] = {0};

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
        if (o->kind == OPT_FLAG) {
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
        seen[o - options] = 1;
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
    if (!scal_workload_find(cfg->workload)) {
        char names[128];
        snprintf(err, errlen, "unknown workload '%s' (choose %s)", cfg->workload,
                 scal_workload_names(names, sizeof names));
        return SCAL_CLI_ERROR;
    }
    for (size_t i = 0; i < NOPTIONS; i++)
        if (seen[i] && options[i].workloads && !word_in(options[i].workloads, cfg->workload)) {
            snprintf(err, errlen, "--%s does not apply to workload '%s' (only %s)",
                     options[i].name, cfg->workload, options[i].workloads);
            return SCAL_CLI_ERROR;
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
    if (o->kind == OPT_FLAG)
        snprintf(buf, len, "%s", *(const int *)((const char *)&def + o->off) ? "on" : "off");
    else if (o->kind == OPT_INT)
        snprintf(buf, len, "%d", *(const int *)((const char *)&def + o->off));
    else
        default_text(&def, o, buf, len);
}

int scal_option_rules_check(scal_option_value_fn given, void *ctx, unsigned engine,
                            scal_rule_violation_t *v)
{
    for (size_t r = 0; r < NRULES; r++) {
        const scal_option_rule_t *rule = &rules[r];
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
    return i < NRULES ? &rules[i] : NULL;
}
