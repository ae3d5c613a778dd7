/* test_limits.c - every numeric option at the edges of its range.
 *
 * The ranges are read from each engine's own --help, so what a user is
 * shown is what is tested: for scal-omp and scal-mpi, every option with a
 * range takes its lowest and highest value as printed, and refuses one step
 * past either end (the next integer, or the next double) and an overflowing
 * number, with a message naming the option, the value and the range.  Job
 * files get the same edges for every numeric key, refused at load time
 * (file:line:key), so a study never starts with a value its engine would
 * refuse at some later point; and every option's sample values, made from
 * the option table, get the same verdict from an engine and a job file. */
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jobfile.h"
#include "scal_cli.h"
#include "scal_config.h"
#include "scal_test.h"
#include "scal_workload.h"
#include "sr_testdir.h"

typedef struct range {
    char name[48];
    char lo[48], hi[48];
    char workload[16]; /* one it applies to */
    int real;          /* takes fractions */
} range_t;

/* Parse `workload --name value` (plus --gil where needed) for `engine`. */
/* The option `name` needs another set (the rule table, scal_cli.h): that
 * option and the first value the rule accepts.  Returns 1, or 0 for none. */
static int needed(const char *name, char *opt, size_t optlen, char *val, size_t vallen)
{
    const scal_option_rule_t *r;
    for (size_t i = 0; (r = scal_option_rule_at(i)) != NULL; i++)
        if (r->kind == SCAL_RULE_NEEDS && !r->a_value && strcmp(r->a, name) == 0) {
            snprintf(opt, optlen, "%s", r->b);
            snprintf(val, vallen, "%.*s", (int)strcspn(r->b_values, "|"), r->b_values);
            return 1;
        }
    return 0;
}

static int parse(const char *engine, const char *workload, const char *name, const char *value,
                 char *err, size_t errlen)
{
    scal_config_t cfg;
    scal_config_defaults(&cfg, "t", engine);
    char opt[64], need_opt[64], need_val[64];
    snprintf(opt, sizeof opt, "--%s", name);
    char *argv[] = {"t", (char *)workload, opt, (char *)value, need_opt, need_val, NULL};
    int argc = 4;
    if (needed(name, need_opt + 2, sizeof need_opt - 2, need_val, sizeof need_val)) {
        memcpy(need_opt, "--", 2);
        argc = strcmp(need_val, "on") == 0 ? 5 : 6; /* a flag takes no value */
    }
    FILE *sink = fopen("/dev/null", "w");
    int rc = scal_cli_parse(&cfg, argc, argv, sink, err, errlen);
    fclose(sink);
    return rc;
}

/* The options of `engine` whose --help line shows a range [lo..hi]. */
static int help_ranges(const char *engine, range_t *r, int cap)
{
    scal_config_t cfg;
    scal_config_defaults(&cfg, "t", engine);
    char *argv[] = {"t", "--help", NULL}, *text = NULL, err[512];
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    SCAL_CHECK(scal_cli_parse(&cfg, 2, argv, out, err, sizeof err) == SCAL_CLI_EXIT);
    fclose(out);
    int n = 0;
    for (char *line = strtok(text, "\n"); line && n < cap; line = strtok(NULL, "\n")) {
        char *open = strstr(line, " ["), *dots = open ? strstr(open, "..") : NULL;
        char *close = dots ? strchr(dots, ']') : NULL;
        if (strncmp(line, "  --", 4) != 0 || !close)
            continue;
        range_t *x = &r[n++];
        sscanf(line + 4, "%47s", x->name);
        snprintf(x->lo, sizeof x->lo, "%.*s", (int)(dots - open - 2), open + 2);
        snprintf(x->hi, sizeof x->hi, "%.*s", (int)(close - dots - 2), dots + 2);
        const char *wl = strstr(line, " {");
        sscanf(wl ? wl + 2 : "factor", "%15[a-z]", x->workload);
        /* A fraction between the ends is taken only by a real option. */
        char mid[64];
        snprintf(mid, sizeof mid, "%.17g", (strtod(x->lo, NULL) + strtod(x->hi, NULL)) / 2 + 0.25);
        x->real = parse(engine, x->workload, x->name, mid, err, sizeof err) == SCAL_CLI_OK;
    }
    free(text);
    return n;
}

/* A decimal string plus or minus one (no sign; "0" - 1 is "-1"). */
static void step(const char *s, int up, char *out, size_t len)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s", s);
    int i = (int)strlen(buf) - 1;
    if (up) {
        for (; i >= 0 && buf[i] == '9'; i--)
            buf[i] = '0';
        if (i >= 0)
            buf[i]++;
        snprintf(out, len, "%s%s", i < 0 ? "1" : "", buf);
        return;
    }
    if (strcmp(buf, "0") == 0) {
        snprintf(out, len, "-1");
        return;
    }
    for (; buf[i] == '0'; i--)
        buf[i] = '9';
    buf[i]--;
    const char *p = buf;
    while (p[0] == '0' && p[1])
        p++;
    snprintf(out, len, "%s", p);
}

/* One step past an end of r: the next integer, or the next double. */
static void past(const range_t *r, int up, char *out, size_t len)
{
    if (!r->real) {
        step(up ? r->hi : r->lo, up, out, len);
        return;
    }
    double v = strtod(up ? r->hi : r->lo, NULL);
    double w = up ? nextafter(v, INFINITY) : (v == 0 ? -1e-300 : nextafter(v, -INFINITY));
    snprintf(out, len, "%.17g", w);
}

static void check_engine_edges(const char *engine)
{
    range_t r[64];
    int n = help_ranges(engine, r, 64);
    SCAL_CHECK(n >= 15);
    for (int i = 0; i < n; i++) {
        char err[512], bad[64], want[128];
        const char *ends[] = {r[i].lo, r[i].hi};
        for (int e = 0; e < 2; e++) {
            int rc = parse(engine, r[i].workload, r[i].name, ends[e], err, sizeof err);
            SCAL_CHECK(rc == SCAL_CLI_OK);
            if (rc != SCAL_CLI_OK)
                fprintf(stderr, "  %s --%s %s refused: %s\n", engine, r[i].name, ends[e], err);
        }
        const char *overflow = "340282366920938463463374607431768211456"; /* 2^128 */
        for (int e = 0; e < 3; e++) {
            if (e < 2)
                past(&r[i], e, bad, sizeof bad);
            else
                snprintf(bad, sizeof bad, "%s", overflow);
            if (e == 2 && r[i].real)
                continue; /* 3.4e38 is merely above the range: done by e == 1 */
            int rc = parse(engine, r[i].workload, r[i].name, bad, err, sizeof err);
            snprintf(want, sizeof want, "--%s: invalid value '%s'", r[i].name, bad);
            char shown[100];
            snprintf(shown, sizeof shown, "in %s..%s", r[i].lo, r[i].hi);
            int ok = rc == SCAL_CLI_ERROR && strstr(err, want) && strstr(err, shown);
            SCAL_CHECK(ok);
            if (!ok)
                fprintf(stderr, "  %s --%s %s: rc %d, '%s'\n", engine, r[i].name, bad, rc,
                        rc == SCAL_CLI_ERROR ? err : "accepted");
        }
    }
    fprintf(stderr, "  %s: %d ranged options tried at both ends\n", engine, n);
}

static void test_scal_omp_options_at_their_edges(void)
{
    check_engine_edges("omp");
}

static void test_scal_mpi_options_at_their_edges(void)
{
    check_engine_edges("mpi");
}

/* Load a job that sets `key = value` for a series of `engine`/`workload`;
 * returns 0 or -1 with the message in err. */
static int load_job(const char *dir, const char *engine, const char *workload, const char *key,
                    const char *value, sr_err_t *err)
{
    char *path = sr_xasprintf("%s/edge.job", dir);
    FILE *f = fopen(path, "w");
    char need_key[64], need_val[64];
    fprintf(f, "[global]\nengine = %s\nworkload = %s\n%s%s = %s\n", engine, workload,
            strcmp(key, "workers") == 0 ? "" : "workers = 1\n", key, value);
    if (needed(key, need_key, sizeof need_key, need_val, sizeof need_val))
        fprintf(f, "%s = %s\n", need_key, need_val);
    /* base at its end runs only one task (base + tasks - 1 must fit) */
    if (strcmp(key, "base") == 0)
        fprintf(f, "tasks = 1\n");
    fclose(f);
    sr_job_t job;
    *err = (sr_err_t){0};
    int rc = sr_job_load(path, &job, err);
    sr_job_free(&job);
    free(path);
    return rc;
}

static const range_t *find_range(const range_t *r, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(r[i].name, name) == 0)
            return &r[i];
    return NULL;
}

static void job_edges(const char *dir, const char *engine, const char *workload, const char *key,
                      const range_t *r, int integer)
{
    range_t x = *r;
    if (integer && x.real) {
        /* An integer key over a real range (us): its ends as integers. */
        snprintf(x.lo, sizeof x.lo, "%.0f", ceil(strtod(r->lo, NULL)));
        snprintf(x.hi, sizeof x.hi, "%.0f", floor(strtod(r->hi, NULL)));
        x.real = 0;
    }
    sr_err_t err;
    const char *ends[] = {x.lo, x.hi};
    for (int e = 0; e < 2; e++) {
        int rc = load_job(dir, engine, workload, key, ends[e], &err);
        SCAL_CHECK(rc == 0);
        if (rc != 0)
            fprintf(stderr, "  job key %s = %s refused: %s\n", key, ends[e], err.msg);
    }
    for (int e = 0; e < 2; e++) {
        char bad[64], want[128];
        past(&x, e, bad, sizeof bad);
        int rc = load_job(dir, engine, workload, key, bad, &err);
        snprintf(want, sizeof want, ": key '%s': bad value '%s' (expected ", key, bad);
        int ok = rc == -1 && err.status == SR_EXIT_USAGE && strstr(err.msg, want) &&
                 strstr(err.msg, "edge.job:");
        SCAL_CHECK(ok);
        if (!ok)
            fprintf(stderr, "  job key %s = %s: %s\n", key, bad, rc ? err.msg : "accepted");
    }
}

static void test_job_file_keys_at_their_edges(void)
{
    range_t omp[64], mpi[64];
    int nomp = help_ranges("omp", omp, 64), nmpi = help_ranges("mpi", mpi, 64), tried = 0;
    char *dir = sr_test_dir("test_limits");
    for (int k = 0; k < SR_NKEYS; k++) {
        const sr_key_t *key = sr_key((sr_key_id_t)k);
        if (!key->name)
            continue; /* an option slot left over */
        /* scal-run's own numbers, and the engines' numeric options */
        int numeric = key->kind == SR_KIND_OPTION && key->opt->kind != SCAL_OPT_ENUM &&
                      key->opt->kind != SCAL_OPT_STR;
        int integer = key->kind == SR_KIND_POSINT || key->kind == SR_KIND_UINT ||
                      (numeric && key->opt->kind != SCAL_OPT_DOUBLE);
        if (!integer && key->kind != SR_KIND_UREAL && !numeric)
            continue;
        int omp_ok = key->engines & (1u << SR_ENGINE_OMP);
        const char *engine = omp_ok ? "omp" : "mpi";
        int w = 0;
        while (!(key->workloads & (1u << w)))
            w++;
        const char *workload = sr_workload_name((sr_workload_t)w);
        if (strcmp(key->name, "workers") == 0) {
            range_t threads = {"workers", "1", "4096", "", 0};
            job_edges(dir, "omp", workload, "workers", &threads, 1);
            range_t ranks = {"workers", "1", "", "", 0};
            snprintf(ranks.hi, sizeof ranks.hi, "%d", INT_MAX);
            job_edges(dir, "mpi", workload, "workers", &ranks, 1);
            tried++;
            continue;
        }
        if (strcmp(key->name, "budget") == 0) {   /* scal-run's own: seconds, like timeout */
            sr_err_t err;
            SCAL_CHECK(load_job(dir, engine, workload, "budget", "1e308", &err) == 0);
            SCAL_CHECK(load_job(dir, engine, workload, "budget", "1e309", &err) == -1);
            SCAL_CHECK(load_job(dir, engine, workload, "budget", "-1", &err) == -1);
            tried++;
            continue;
        }
        if (strcmp(key->name, "max-repeat") == 0) {   /* at least repeat (default 6) */
            sr_err_t err;
            SCAL_CHECK(load_job(dir, engine, workload, "max-repeat", "6", &err) == 0);
            SCAL_CHECK(load_job(dir, engine, workload, "max-repeat", "9223372036854775807", &err) == 0);
            SCAL_CHECK(load_job(dir, engine, workload, "max-repeat", "5", &err) == -1);
            SCAL_CHECK(strstr(err.msg, "edge.job:5: key 'max-repeat': 5 is below repeat (6, the default)") != NULL);
            SCAL_CHECK(load_job(dir, engine, workload, "max-repeat", "0", &err) == -1);
            tried++;
            continue;
        }
        if (strcmp(key->name, "timeout") == 0) {
            sr_err_t err;
            SCAL_CHECK(load_job(dir, engine, workload, "timeout", "1e308", &err) == 0);
            SCAL_CHECK(load_job(dir, engine, workload, "timeout", "1e309", &err) == -1);
            SCAL_CHECK(load_job(dir, engine, workload, "timeout", "-1", &err) == -1);
            tried++;
            continue;
        }
        if (strcmp(key->name, "hosts") == 0) {
            /* scal-run's own: at least 1, at most the workers (here 1) */
            sr_err_t err;
            SCAL_CHECK(load_job(dir, engine, workload, "hosts", "1", &err) == 0);
            SCAL_CHECK(load_job(dir, engine, workload, "hosts", "0", &err) == -1);
            SCAL_CHECK(load_job(dir, engine, workload, "hosts", "2", &err) == -1);
            SCAL_CHECK(load_job(dir, engine, workload, "hosts", "99999999999999999999", &err) == -1);
            tried++;
            continue;
        }
        if (strcmp(key->name, "retry-launch") == 0) {
            /* scal-run's own: any count from 0 */
            sr_err_t err;
            SCAL_CHECK(load_job(dir, engine, workload, "retry-launch", "0", &err) == 0);
            SCAL_CHECK(load_job(dir, engine, workload, "retry-launch", "-1", &err) == -1);
            tried++;
            continue;
        }
        const range_t *r = find_range(omp_ok ? omp : mpi, omp_ok ? nomp : nmpi, key->name);
        SCAL_CHECK(r != NULL);
        if (!r) {
            fprintf(stderr, "  job key %s has no engine range in --help\n", key->name);
            continue;
        }
        job_edges(dir, engine, workload, key->name, r, integer);
        tried++;
    }
    fprintf(stderr, "  %d numeric job-file keys tried at both ends\n", tried);
    SCAL_CHECK(tried >= 14);
    sr_test_dir_drop(dir);
}

/* ---- the engines and the job files agree on every option ----
 *
 * Both read the one option table; this holds them to it from the outside.
 * For every option that is a job key, for each engine that has it and each
 * workload: sample values made from its row (both ends, one step past each,
 * every choice, fractions, junk) are taken or refused alike by the engine's
 * parser and by a job file, and the option applies to the same workloads. */

/* The samples for row o, "\n"-separated into buf. */
static void samples(const scal_option_t *o, char *buf, size_t len)
{
    size_t n = 0;
    buf[0] = '\0';
#define ADD(...) (n += (size_t)snprintf(buf + n, n < len ? len - n : 0, __VA_ARGS__))
    char lo[48], hi[48], below[64], above[64];
    switch (o->kind) {
    case SCAL_OPT_U64:
    case SCAL_OPT_INT:
        snprintf(lo, sizeof lo, "%llu", (unsigned long long)o->umin);
        snprintf(hi, sizeof hi, "%llu", (unsigned long long)o->umax);
        step(lo, 0, below, sizeof below);
        step(hi, 1, above, sizeof above);
        ADD("%s\n%s\n%s\n%s\n", lo, hi, below, above);
        ADD("0.5\n2.5\n1e3\n+1\n0x10\nabc\n340282366920938463463374607431768211456\n");
        break;
    case SCAL_OPT_DOUBLE:
        ADD("%.17g\n%.17g\n", o->dmin, o->dmax);
        ADD("%.17g\n%.17g\n", o->dmin == 0 ? -1e-300 : nextafter(o->dmin, -INFINITY),
            nextafter(o->dmax, INFINITY));
        ADD("%.17g\n0.5\n2.5\n1e-320\nnan\ninf\n1e999\nabc\n", (o->dmin + o->dmax) / 2);
        break;
    case SCAL_OPT_ENUM:
        for (int i = 0; o->choices[i]; i++)
            ADD("%s\n", o->choices[i]);
        ADD("bogus\nMAP\n");
        break;
    case SCAL_OPT_FLAG:
        ADD("on\n");
        break;
    case SCAL_OPT_STR:
        break; /* files: the engines open them later, a job file at once (by design) */
    }
#undef ADD
}

/* The engine's verdict on `--name value` (a flag: given), with what its
 * rules need set too. */
static int engine_takes(const char *engine, const char *workload, const scal_option_t *o,
                        const char *value)
{
    char err[512];
    if (o->kind != SCAL_OPT_FLAG)
        return parse(engine, workload, o->name, value, err, sizeof err) == SCAL_CLI_OK;
    scal_config_t cfg;
    scal_config_defaults(&cfg, "t", engine);
    char opt[64];
    snprintf(opt, sizeof opt, "--%s", o->name);
    char *argv[] = {"t", (char *)workload, opt, NULL};
    FILE *sink = fopen("/dev/null", "w");
    int rc = scal_cli_parse(&cfg, 3, argv, sink, err, sizeof err);
    fclose(sink);
    return rc == SCAL_CLI_OK;
}

static void test_engines_and_job_files_agree_on_every_option(void)
{
    char *dir = sr_test_dir("test_limits_agree");
    const scal_option_t *o;
    int keys = 0, tried = 0;
    for (size_t i = 0; (o = scal_option_at(i)) != NULL; i++) {
        /* Rows of one name agree with each other (a job key has one check). */
        const scal_option_t *twin = scal_option_find(o->name, SCAL_ENGINE_OMP | SCAL_ENGINE_MPI);
        SCAL_CHECK(twin->kind == o->kind && twin->umin == o->umin && twin->umax == o->umax &&
                   twin->dmin == o->dmin && twin->dmax == o->dmax && twin->choices == o->choices);
        if (o->flags & SCAL_OPT_NOT_A_KEY) {
            /* no key, scal-run's own of that name, or another engine's row */
            int k = sr_key_find(o->name);
            const sr_key_t *key = k >= 0 ? sr_key((sr_key_id_t)k) : NULL;
            SCAL_CHECK(!key || (key->flags & SR_KF_RESERVED) || (key->opt && key->opt != o));
            continue;
        }
        int k = sr_key_find(o->name);
        SCAL_CHECK(k >= 0 && sr_key((sr_key_id_t)k)->opt != NULL);
        if (k < 0)
            continue;
        keys++;
        char list[2048];
        samples(o, list, sizeof list);
        for (int e = 0; e < 2; e++) {
            const char *engine = e ? "mpi" : "omp";
            if (!(o->engines & (e ? SCAL_ENGINE_MPI : SCAL_ENGINE_OMP)))
                continue;
            for (size_t w = 0; scal_workload_at(w); w++) {
                const char *workload = scal_workload_at(w)->name;
                /* Where it applies: one valid value, both ways. */
                char first[64];
                snprintf(first, sizeof first, "%.*s", (int)strcspn(list, "\n"), list);
                sr_err_t err;
                if (first[0]) {
                    int eng = engine_takes(engine, workload, o, first);
                    int job = load_job(dir, engine, workload, o->name, first, &err) == 0;
                    SCAL_CHECK(eng == job);
                    if (eng != job)
                        fprintf(stderr, "  %s %s --%s %s: engine %s, job file %s (%s)\n", engine,
                                workload, o->name, first, eng ? "takes" : "refuses",
                                job ? "takes" : "refuses", job ? "" : err.msg);
                }
                if (!scal_option_for_workload(o, w))
                    continue;
                for (char *v = list; *v;) {
                    size_t n = strcspn(v, "\n");
                    char value[96];
                    snprintf(value, sizeof value, "%.*s", (int)n, v);
                    v += n + (v[n] != '\0');
                    int eng = engine_takes(engine, workload, o, value);
                    int job = load_job(dir, engine, workload, o->name, value, &err) == 0;
                    tried++;
                    SCAL_CHECK(eng == job);
                    if (eng != job)
                        fprintf(stderr, "  %s %s --%s '%s': engine %s, job file %s %s\n", engine,
                                workload, o->name, value, eng ? "takes" : "refuses",
                                job ? "takes" : "refuses", job ? "" : err.msg);
                }
            }
        }
    }
    fprintf(stderr, "  %d option keys, %d values through both the engines and job files\n", keys,
            tried);
    SCAL_CHECK(keys >= 25);
    sr_test_dir_drop(dir);
}

int main(void)
{
    SCAL_RUN(test_scal_omp_options_at_their_edges);
    SCAL_RUN(test_scal_mpi_options_at_their_edges);
    SCAL_RUN(test_job_file_keys_at_their_edges);
    SCAL_RUN(test_engines_and_job_files_agree_on_every_option);
    return SCAL_TEST_END();
}
