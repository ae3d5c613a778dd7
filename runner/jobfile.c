/* jobfile.c - parse and check job files (see jobfile.h).
 *
 * libinih calls sr_job_handler once per key with its line number; the
 * handler checks what one line can show (known key, one value or a list,
 * each value well-formed, files readable). sr_job_check then checks what
 * needs the whole file: every series has an engine, a workload and workers,
 * and every key it sets applies to its engine and workload.
 *
 * scal-run's own keys are listed here; the engines' options are not: they
 * come from the engines' option table (scal_cli.h), whose rows say where
 * they apply and check their values with the engines' own code. */
#define INI_HANDLER_LINENO 1
#include "jobfile.h"

#include <ctype.h>
#include <limits.h>
#include <errno.h>
#include <float.h>
#include <ini.h>
#include <math.h>
#include <pthread.h>
#include <regex.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "command.h"
#include "scal_cli.h"
#include "scal_config.h"
#include "scal_files.h"
#include "scal_workload.h"

#define SR_ALL_ENGINES ((1u << SR_NENGINES) - 1)
#define SR_ALL_WORKLOADS (~0u)
#define SR_OMP (1u << SR_ENGINE_OMP)
#define SR_MPI (1u << SR_ENGINE_MPI)

/* Reserved keys that engine = command series take too. */
#define SR_KF_RC (SR_KF_RESERVED | SR_KF_COMMAND)

static const char *const sr_engines[] = {"omp", "mpi", "command", NULL};
/* How a command's workers are made (command.h). */
static const char *const sr_launches[] = {"threads", "mpi", "none", NULL};
static const char *const sr_betters[] = {"lower", "higher", NULL};
/* The engines' options that a command series takes too: command.h makes
 * its workers' binding and threads per rank from them. */
static const char *const sr_command_options[] = {"bind", "threads", NULL};
static const char *const sr_launchers[] = {"auto", "mpirun", "srun", NULL};
static const char *const sr_placements[] = {"pack", "spread", NULL};

#define SR_ANY SR_ALL_ENGINES, SR_ALL_WORKLOADS
/* scal-run's own keys; the slots from SR_K_OPTIONS on are filled from the
 * engines' option table (sr_keys_build). */
static const sr_key_t sr_own_keys[SR_NKEYS] = {
    [SR_K_ENGINE] = {"engine", SR_KIND_ENUM, sr_engines, SR_KF_SINGLE | SR_KF_RC, SR_ANY, NULL},
    [SR_K_WORKLOAD] = {"workload", SR_KIND_WORKLOAD, NULL, SR_KF_SINGLE | SR_KF_RESERVED, SR_ANY, NULL},
    [SR_K_REPEAT] = {"repeat", SR_KIND_POSINT, NULL, SR_KF_SINGLE | SR_KF_RC, SR_ANY, NULL},
    [SR_K_WARMUP] = {"warmup", SR_KIND_UINT, NULL, SR_KF_SINGLE | SR_KF_RC, SR_ANY, NULL},
    [SR_K_TIMEOUT] = {"timeout", SR_KIND_UREAL, NULL, SR_KF_SINGLE | SR_KF_RC, SR_ANY, NULL},
    [SR_K_LAUNCHER] = {"launcher", SR_KIND_ENUM, sr_launchers, SR_KF_SINGLE | SR_KF_RC,
                       SR_MPI, SR_ALL_WORKLOADS, NULL},
    [SR_K_ENV] = {"env", SR_KIND_ENV, NULL, SR_KF_SINGLE | SR_KF_RC, SR_ANY, NULL},
    /* The problem-size key that weak scaling grows with the workers. */
    [SR_K_WEAK] = {"weak", SR_KIND_SIZE_KEY, NULL, SR_KF_SINGLE | SR_KF_RESERVED, SR_ANY, NULL},
    [SR_K_PRECISION] = {"precision", SR_KIND_OPEN_FRACTION, NULL, SR_KF_SINGLE | SR_KF_RC, SR_ANY, NULL},
    [SR_K_MAX_REPEAT] = {"max-repeat", SR_KIND_POSINT, NULL, SR_KF_SINGLE | SR_KF_RC, SR_ANY, NULL},
    [SR_K_BUDGET] = {"budget", SR_KIND_UREAL, NULL, SR_KF_SINGLE | SR_KF_RC, SR_ANY, NULL},
    [SR_K_CLAIM] = {"claim", SR_KIND_CLAIM, NULL, SR_KF_SINGLE | SR_KF_RC, SR_ANY, NULL},
    /* engine = command (command.h): the program, how its workers are made, and what is read from
     * its output. */
    [SR_K_COMMAND] = {"command", SR_KIND_TEXT, NULL, SR_KF_SINGLE | SR_KF_RC, 0, 0, NULL},
    [SR_K_LAUNCH] = {"launch", SR_KIND_ENUM, sr_launches, SR_KF_SINGLE | SR_KF_RC, 0, 0, NULL},
    [SR_K_FOM] = {"fom", SR_KIND_REGEX, NULL, SR_KF_SINGLE | SR_KF_RC, 0, 0, NULL},
    [SR_K_FOM_UNIT] = {"fom-unit", SR_KIND_TEXT, NULL, SR_KF_SINGLE | SR_KF_RC, 0, 0, NULL},
    [SR_K_FOM_BETTER] = {"fom-better", SR_KIND_ENUM, sr_betters, SR_KF_SINGLE | SR_KF_RC, 0, 0, NULL},
    [SR_K_EXPECT] = {"expect", SR_KIND_REGEX, NULL, SR_KF_SINGLE | SR_KF_RC, 0, 0, NULL},
    /* Where the ranks run: on how many machines (not paths' graph size, `nodes`), and whether
     * they fill one machine before the next or go round them (sweep.c turns them into the
     * launcher's options). */
    [SR_K_HOSTS] = {"hosts", SR_KIND_POSINT, NULL, SR_KF_RC, SR_MPI, SR_ALL_WORKLOADS, NULL},
    [SR_K_PLACEMENT] = {"placement", SR_KIND_ENUM, sr_placements, SR_KF_RC, SR_MPI,
                        SR_ALL_WORKLOADS, NULL},
    /* Start a run whose launch failed (runs.h) again, up to this many times. */
    [SR_K_RETRY_LAUNCH] = {"retry-launch", SR_KIND_UINT, NULL, SR_KF_SINGLE | SR_KF_RC, SR_ANY, NULL},
    [SR_K_WORKERS] = {"workers", SR_KIND_POSINT, NULL, SR_KF_RC, SR_ANY, NULL},
};

/* Every key: scal-run's own, and one per engine option name.  Built once,
 * read-only after. */
static sr_key_t sr_keys[SR_NKEYS];
static pthread_once_t sr_keys_once = PTHREAD_ONCE_INIT;

static void sr_keys_die(const char *what, const char *name)
{
    fprintf(stderr, "scal-run: internal error: option table: %s '%s'\n", what, name);
    abort();
}

static void sr_keys_build(void)
{
    memcpy(sr_keys, sr_own_keys, sizeof sr_keys);
    const scal_option_t *o;
    int next = SR_K_OPTIONS;
    for (size_t i = 0; (o = scal_option_at(i)) != NULL; i++) {
        if (o->flags & SCAL_OPT_NOT_A_KEY)
            continue;
        int k = SR_K_OPTIONS;
        while (k < next && strcmp(sr_keys[k].name, o->name) != 0)
            k++;
        if (k == next) {
            for (int r = 0; r < SR_NKEYS; r++)
                if (sr_own_keys[r].name && strcmp(sr_own_keys[r].name, o->name) == 0)
                    sr_keys_die("an option named like scal-run's own key", o->name);
            if (next == SR_K_OPTIONS + SR_MAX_OPTION_KEYS)
                sr_keys_die("more options than SR_MAX_OPTION_KEYS, at", o->name);
            next++;
            sr_keys[k] = (sr_key_t){o->name,
                                    o->kind == SCAL_OPT_FLAG                 ? SR_KIND_BOOL
                                    : (o->flags & SCAL_OPT_INPUT) != 0       ? SR_KIND_FILE
                                                                             : SR_KIND_OPTION,
                                    NULL, 0, 0, 0, o};
        }
        for (size_t c = 0; sr_command_options[c]; c++)
            if (strcmp(sr_command_options[c], o->name) == 0)
                sr_keys[k].flags |= SR_KF_COMMAND;
        /* One name, one key: rows of the same name for other engines add
         * their engines and workloads (their values are checked alike: the
         * option table's test holds them to one kind and range). */
        sr_keys[k].engines |= ((o->engines & SCAL_ENGINE_OMP) ? SR_OMP : 0) |
                              ((o->engines & SCAL_ENGINE_MPI) ? SR_MPI : 0);
        for (size_t w = 0; scal_workload_at(w); w++)
            if (scal_option_for_workload(o, w))
                sr_keys[k].workloads |= 1u << w;
    }
}

static const sr_key_t *sr_keys_get(void)
{
    pthread_once(&sr_keys_once, sr_keys_build);
    return sr_keys;
}

const char *const sr_claim_names[] = {"speedup", "no-speedup", "lowest-wall", "lowest-first-result",
                                      "lowest-pss", NULL};

int sr_claim_parse(const char *v, sr_claim_kind_t *kind, const char **key, size_t *keylen,
                   const char **val)
{
    size_t n = strcspn(v, ":");
    *key = *val = NULL;
    *keylen = 0;
    for (int i = 0; sr_claim_names[i]; i++) {
        if (strlen(sr_claim_names[i]) != n || strncmp(sr_claim_names[i], v, n) != 0)
            continue;
        *kind = (sr_claim_kind_t)i;
        int compares = i >= SR_CLAIM_LOWEST_WALL;
        if (!v[n])
            return compares ? -1 : 0;
        if (!compares)
            return -1;
        const char *q = v + n + 1, *eq = strchr(q, '=');
        if (!eq || eq == q || !eq[1])
            return -1;
        *key = q;
        *keylen = (size_t)(eq - q);
        *val = eq + 1;
        return 0;
    }
    return -1;
}

const sr_key_t *sr_key(sr_key_id_t id)
{
    return &sr_keys_get()[id];
}

int sr_key_find(const char *name)
{
    const sr_key_t *keys = sr_keys_get();
    for (int k = 0; k < SR_NKEYS; k++)
        if (keys[k].name && strcmp(keys[k].name, name) == 0)
            return k;
    return -1;
}

sr_key_id_t sr_key_id(const char *name)
{
    int k = sr_key_find(name);
    if (k < 0)
        sr_keys_die("no job key for the option", name);
    return (sr_key_id_t)k;
}

const char *sr_engine_name(sr_engine_t e)
{
    return sr_engines[e];
}

const char *sr_workload_name(sr_workload_t w)
{
    return scal_workload_at(w)->name;
}

/* ---- the engine keys as a markdown table (scal-run --list-keys) ---- */

/* o's values in words: its range, choices, on|off, or a file. */
static void sr_md_values(const scal_option_t *o, sr_buf_t *b)
{
    switch (o->kind) {
    case SCAL_OPT_FLAG:
        sr_buf_puts(b, "`on` \\| `off`");
        break;
    case SCAL_OPT_ENUM:
        for (int i = 0; o->choices[i]; i++)
            sr_buf_printf(b, "%s`%s`", i ? " \\| " : "", o->choices[i]);
        break;
    case SCAL_OPT_STR:
        sr_buf_puts(b, (o->flags & SCAL_OPT_INPUT) ? "a readable regular file" : "text");
        break;
    case SCAL_OPT_U64:
    case SCAL_OPT_INT:
        if (o->umax == UINT64_MAX || (o->kind == SCAL_OPT_INT && o->umax >= INT_MAX)) {
            sr_buf_printf(b, "integer ≥ %llu", (unsigned long long)o->umin);
            break;
        }
        sr_buf_printf(b, "integer %llu … %llu", (unsigned long long)o->umin,
                      (unsigned long long)o->umax);
        /* 2^40 reads better than its 13 digits. */
        if (o->umax >= (1ULL << 20) && (o->umax & (o->umax - 1)) == 0) {
            int e = 0;
            while ((1ULL << e) != o->umax)
                e++;
            sr_buf_printf(b, " (2^%d)", e);
        }
        break;
    case SCAL_OPT_DOUBLE:
        if (o->dmax >= DBL_MAX)
            sr_buf_printf(b, "real ≥ %g", o->dmin);
        else
            sr_buf_printf(b, "real %g … %g", o->dmin, o->dmax);
        break;
    }
}

/* Help text for a table cell: `|` escaped, and `--NAME` of a job key
 * written as the key, `NAME`. */
static void sr_md_help(const char *help, sr_buf_t *b)
{
    for (const char *p = help; *p;) {
        if (p[0] == '-' && p[1] == '-') {
            size_t n = strspn(p + 2, "abcdefghijklmnopqrstuvwxyz0123456789-");
            char name[64];
            snprintf(name, sizeof name, "%.*s", (int)(n < sizeof name ? n : sizeof name - 1), p + 2);
            int k = n ? sr_key_find(name) : -1;
            if (k >= 0 && sr_key((sr_key_id_t)k)->opt) {
                sr_buf_printf(b, "`%s`", name);
                p += 2 + n;
                continue;
            }
        }
        if (*p == '|')
            sr_buf_puts(b, "\\|");
        else
            sr_buf_add(b, p, 1);
        p++;
    }
}

/* Row o's meaning: its help and its default (as the engine it is for
 * shows them in --help). */
static void sr_md_meaning(const scal_option_t *o, sr_buf_t *b)
{
    char deflt[64];
    sr_md_help(o->help, b);
    scal_option_default(o, (o->engines & SCAL_ENGINE_OMP) ? "omp" : "mpi", deflt, sizeof deflt);
    if (deflt[0])
        sr_buf_printf(b, " (default %s)", deflt);
}

/* The engines and workloads key applies to: "all", "omp", "factor, sleep",
 * "paths (mpi only)"; and whether engine = command takes it too. */
static void sr_md_applies(const sr_key_t *key, sr_buf_t *b)
{
    unsigned all_wl = 0;
    for (size_t w = 0; scal_workload_at(w); w++)
        all_wl |= 1u << w;
    int every_wl = (key->workloads & all_wl) == all_wl;
    const char *only = (key->engines & SR_ALL_ENGINES) == SR_ALL_ENGINES ? NULL
                       : (key->engines & SR_OMP)                          ? "omp"
                                                                          : "mpi";
    if (every_wl) {
        sr_buf_puts(b, only ? only : "all");
    } else {
        int n = 0;
        for (size_t w = 0; scal_workload_at(w); w++)
            if (key->workloads & (1u << w))
                sr_buf_printf(b, "%s%s", n++ ? ", " : "", sr_workload_name((sr_workload_t)w));
        if (only)
            sr_buf_printf(b, " (%s only)", only);
    }
    if (key->flags & SR_KF_COMMAND)
        sr_buf_puts(b, "; `command` too");
}

void sr_keys_markdown(sr_buf_t *b)
{
    sr_buf_puts(b, "| key | values | applies to | meaning |\n| --- | --- | --- | --- |\n");
    sr_buf_t row = {0}, first = {0};
    for (int k = SR_K_OPTIONS; k < SR_K_OPTIONS + SR_MAX_OPTION_KEYS; k++) {
        const sr_key_t *key = sr_key((sr_key_id_t)k);
        if (!key->name)
            continue;
        sr_buf_printf(b, "| `%s` | ", key->name);
        sr_md_values(key->opt, b);
        sr_buf_puts(b, " | ");
        sr_md_applies(key, b);
        sr_buf_puts(b, " | ");
        /* One key may stand for rows of several engines (sr_keys_build):
         * their meanings once when they agree, else each with its engine. */
        const scal_option_t *o;
        int nrows = 0, differ = 0;
        sr_buf_clear(&first);
        for (size_t i = 0; (o = scal_option_at(i)) != NULL; i++) {
            if ((o->flags & SCAL_OPT_NOT_A_KEY) || strcmp(o->name, key->name) != 0)
                continue;
            sr_buf_clear(&row);
            sr_md_meaning(o, &row);
            if (nrows++ == 0)
                sr_buf_puts(&first, sr_buf_str(&row));
            else if (strcmp(sr_buf_str(&row), sr_buf_str(&first)) != 0)
                differ = 1;
        }
        if (!differ) {
            sr_buf_puts(b, sr_buf_str(&first));
        } else {
            nrows = 0;
            for (size_t i = 0; (o = scal_option_at(i)) != NULL; i++) {
                if ((o->flags & SCAL_OPT_NOT_A_KEY) || strcmp(o->name, key->name) != 0)
                    continue;
                sr_buf_printf(b, "%s%s: ", nrows++ ? "; " : "",
                              (o->engines & SCAL_ENGINE_OMP)
                                  ? ((o->engines & SCAL_ENGINE_MPI) ? "omp, mpi" : "omp")
                                  : "mpi");
                sr_md_meaning(o, b);
            }
        }
        sr_buf_puts(b, " |\n");
    }
    sr_buf_free(&row);
    sr_buf_free(&first);
}

/* The index of v among the choices key k offers, or -1: an enum's choices,
 * a workload's name, a size key's name. */
static int sr_key_choice(const sr_key_t *key, const char *v)
{
    if (key->kind == SR_KIND_WORKLOAD) {
        const scal_workload_t *wl;
        for (int i = 0; (wl = scal_workload_at((size_t)i)) != NULL; i++)
            if (strcmp(wl->name, v) == 0)
                return i;
        return -1;
    }
    if (key->kind == SR_KIND_SIZE_KEY) {
        int k = sr_key_find(v);
        return k >= 0 && sr_key((sr_key_id_t)k)->opt &&
                       (sr_key((sr_key_id_t)k)->opt->flags & SCAL_OPT_SIZE)
                   ? k
                   : -1;
    }
    for (int i = 0; key->choices[i]; i++)
        if (strcmp(key->choices[i], v) == 0)
            return i;
    return -1;
}

/* The choices key offers, "a|b|c", for messages. */
static void sr_choices_str(const sr_key_t *key, sr_buf_t *b)
{
    int n = 0;
    if (key->kind == SR_KIND_WORKLOAD) {
        const scal_workload_t *wl;
        for (size_t i = 0; (wl = scal_workload_at(i)) != NULL; i++)
            sr_buf_printf(b, "%s%s", n++ ? "|" : "", wl->name);
        return;
    }
    if (key->kind == SR_KIND_SIZE_KEY) {
        for (int k = 0; k < SR_NKEYS; k++) {
            const sr_key_t *x = sr_key((sr_key_id_t)k);
            if (x->opt && (x->opt->flags & SCAL_OPT_SIZE))
                sr_buf_printf(b, "%s%s", n++ ? "|" : "", x->name);
        }
        return;
    }
    for (int i = 0; key->choices[i]; i++)
        sr_buf_printf(b, "%s%s", i ? "|" : "", key->choices[i]);
}

/* Names of the engines or workloads in `mask`, "|"-separated. */
static void sr_mask_str(int workloads, unsigned mask, sr_buf_t *b)
{
    int first = 1;
    for (unsigned i = 0; workloads ? scal_workload_at(i) != NULL : sr_engines[i] != NULL; i++) {
        if (mask & (1u << i)) {
            sr_buf_printf(b, "%s%s", first ? "" : "|",
                          workloads ? sr_workload_name(i) : sr_engines[i]);
            first = 0;
        }
    }
}

static int sr_parse_uint(const char *v, unsigned long long *out)
{
    if (!isdigit((unsigned char)v[0]))
        return -1;
    char *end;
    errno = 0;
    unsigned long long x = strtoull(v, &end, 10);
    if (errno || *end)
        return -1;
    *out = x;
    return 0;
}

/* The engines' parser: an underflow (1e-320) is a number, an overflow is
 * not. */
static int sr_parse_real(const char *v, double *out)
{
    return scal_parse_double(v, -DBL_MAX, DBL_MAX, out);
}

static int sr_env_word_ok(const char *w, size_t n)
{
    const char *eq = memchr(w, '=', n);
    if (!eq || eq == w || !(isalpha((unsigned char)w[0]) || w[0] == '_'))
        return 0;
    for (const char *p = w; p < eq; p++)
        if (!(isalnum((unsigned char)*p) || *p == '_'))
            return 0;
    return 1;
}

char *sr_job_file_path(const sr_job_t *job, const char *value)
{
    return sr_path_join(job->dir, value);
}

/* A number of scal-run's own that it passes on to the engines (repeat,
 * warmup): within the range their option table gives (scal_option_check). */
static int sr_engine_range(const sr_key_t *key, const char *v, sr_buf_t *why)
{
    char expected[256];
    if (scal_option_check(key->name, v, expected, sizeof expected) == 0)
        return 0;
    sr_buf_printf(why, "expected %s", expected);
    return -1;
}

/* Check one value of key k. Returns 0, or -1 with a reason in `why`. */
static int sr_check_value(const sr_job_t *job, const sr_key_t *key, const char *v, sr_buf_t *why)
{
    unsigned long long u;
    double x;
    switch (key->kind) {
    case SR_KIND_ENUM:
    case SR_KIND_WORKLOAD:
    case SR_KIND_SIZE_KEY:
        if (sr_key_choice(key, v) >= 0)
            return 0;
        sr_buf_puts(why, "expected ");
        sr_choices_str(key, why);
        return -1;
    case SR_KIND_OPTION: {
        /* The engines' own check, so that a study is refused before its
         * first run rather than failing at the one point that holds the
         * value. */
        char expected[256];
        if (scal_option_value(key->opt, v, NULL, expected, sizeof expected) == 0)
            return 0;
        sr_buf_printf(why, "expected %s", expected);
        return -1;
    }
    case SR_KIND_BOOL:
        if (strcmp(v, "on") == 0 || strcmp(v, "off") == 0)
            return 0;
        sr_buf_puts(why, "expected on|off");
        return -1;
    case SR_KIND_POSINT:
        if (sr_parse_uint(v, &u) != 0 || u < 1) {
            sr_buf_puts(why, "expected an integer >= 1");
            return -1;
        }
        if (sr_engine_range(key, v, why) != 0)
            return -1;
        if (u <= (unsigned long long)INT64_MAX)
            return 0;
        sr_buf_printf(why, "expected an integer in 1..%lld", (long long)INT64_MAX);
        return -1;
    case SR_KIND_UINT:
        if (sr_parse_uint(v, &u) == 0)
            return sr_engine_range(key, v, why);
        sr_buf_puts(why, "expected an integer >= 0");
        return -1;
    case SR_KIND_UREAL:
        if (sr_parse_real(v, &x) == 0 && x >= 0)
            return sr_engine_range(key, v, why);
        sr_buf_puts(why, "expected a number >= 0");
        return -1;
    case SR_KIND_OPEN_FRACTION:
        if (sr_parse_real(v, &x) == 0 && x > 0 && x < 1)
            return 0;
        sr_buf_puts(why, "expected a number in (0, 1)");
        return -1;
    case SR_KIND_CLAIM: {
        sr_claim_kind_t kind;
        const char *k, *val;
        size_t kl;
        if (sr_claim_parse(v, &kind, &k, &kl, &val) == 0)
            return 0;
        sr_buf_puts(why, "expected speedup, no-speedup, or lowest-wall|lowest-first-result|lowest-pss"
                         ":KEY=VALUE");
        return -1;
    }
    case SR_KIND_FILE: {
        /* The engines' own opener: a FIFO or /dev/zero is refused now,
         * not at the point that reads it. */
        char *p = sr_job_file_path(job, v), msg[512];
        if (access(p, R_OK) != 0) {
            sr_buf_printf(why, "cannot read %s: %s", p, strerror(errno));
            free(p);
            return -1;
        }
        FILE *f = scal_input_open(p, key->name, SCAL_INPUT_MAX_BYTES, msg, sizeof msg);
        if (f)
            fclose(f);
        else
            sr_buf_puts(why, msg);
        free(p);
        return f ? 0 : -1;
    }
    case SR_KIND_TEXT:
        return 0;
    case SR_KIND_REGEX: {
        regex_t re;
        int rc = regcomp(&re, v, SR_REGEX_FLAGS);
        if (rc == 0) {
            regfree(&re);
            return 0;
        }
        char msg[256];
        regerror(rc, &re, msg, sizeof msg);
        sr_buf_printf(why, "not a POSIX extended regular expression: %s", msg);
        return -1;
    }
    case SR_KIND_ENV:
        for (const char *p = v; *p; ) {
            p += strspn(p, " \t");
            size_t n = strcspn(p, " \t");
            if (n && !sr_env_word_ok(p, n)) {
                sr_buf_printf(why, "'%.*s' is not NAME=VALUE", (int)n, p);
                return -1;
            }
            p += n;
        }
        return 0;
    }
    return -1;
}

typedef struct sr_parse_ctx {
    sr_job_t *job;
    sr_err_t *err;
    int failed;
} sr_parse_ctx_t;

static int sr_section_name_ok(const char *s)
{
    return s[0] && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                             "0123456789_.+-") == strlen(s);
}

static sr_section_t *sr_section_for(sr_job_t *job, const char *name, int line)
{
    if (name[0] == '\0' || strcmp(name, "global") == 0) {
        if (!job->global.line)
            job->global.line = line;
        return &job->global;
    }
    for (size_t i = 0; i < job->nseries; i++)
        if (strcmp(job->series[i].sec.name, name) == 0)
            return &job->series[i].sec;
    job->series = sr_xrealloc(job->series, (job->nseries + 1) * sizeof *job->series);
    sr_series_t *s = &job->series[job->nseries++];
    *s = (sr_series_t){0};
    s->sec.name = sr_xstrdup(name);
    s->sec.line = line;
    return &s->sec;
}

static void sr_split_values(const sr_key_t *key, const char *value, sr_setting_t *set)
{
    if (key && (key->kind == SR_KIND_ENV || key->kind == SR_KIND_TEXT || key->kind == SR_KIND_REGEX)) {
        set->vals = sr_xmalloc(sizeof *set->vals);
        set->vals[0] = sr_xstrdup(value);
        set->nvals = 1;
        return;
    }
    for (const char *p = value; ; ) {
        size_t n = strcspn(p, ",");
        const char *a = p, *b = p + n;
        while (a < b && isspace((unsigned char)*a))
            a++;
        while (b > a && isspace((unsigned char)b[-1]))
            b--;
        set->vals = sr_xrealloc(set->vals, (set->nvals + 1) * sizeof *set->vals);
        set->vals[set->nvals++] = sr_xstrndup(a, (size_t)(b - a));
        if (!p[n])
            break;
        p += n + 1;
    }
}

/* A name usable as {name}: a letter or '_', then letters, digits, '_', '-' or '.'. */
static int sr_uparam_name_ok(const char *s)
{
    if (!(isalpha((unsigned char)s[0]) || s[0] == '_'))
        return 0;
    for (const char *c = s; *c; c++)
        if (!(isalnum((unsigned char)*c) || strchr("_-.", *c)))
            return 0;
    return 1;
}

/* The section's setting of user parameter `name`, made empty (line 0) if new. */
static sr_setting_t *sr_uparam_setting(sr_section_t *sec, const char *name)
{
    for (size_t i = 0; i < sec->nuser; i++)
        if (strcmp(sec->user[i].name, name) == 0)
            return &sec->user[i].set;
    sec->user = sr_xrealloc(sec->user, (sec->nuser + 1) * sizeof *sec->user);
    sr_uparam_t *u = &sec->user[sec->nuser++];
    *u = (sr_uparam_t){.name = sr_xstrdup(name)};
    return &u->set;
}

int sr_job_uparam(const sr_job_t *job, const char *name)
{
    for (size_t i = 0; i < job->unames.n; i++)
        if (strcmp(job->unames.v[i], name) == 0)
            return (int)i;
    return -1;
}

static int sr_job_handler(void *user, const char *section, const char *name, const char *value,
                          int line)
{
    sr_parse_ctx_t *ctx = user;
    if (ctx->failed)
        return 1;
    sr_job_t *job = ctx->job;
    const char *file = job->path;
    ctx->failed = 1;
    if (section[0] && !sr_section_name_ok(section))
        return sr_fail(ctx->err, SR_EXIT_USAGE,
                       "%s:%d: section [%s]: a series name is letters, digits, '_', '.', '+' or '-'",
                       file, line, section), 0;
    int k = sr_key_find(name);
    if (k < 0 && !sr_uparam_name_ok(name))
        return sr_fail(ctx->err, SR_EXIT_USAGE, "%s:%d: unknown key '%s'", file, line, name), 0;
    const sr_key_t *key = k >= 0 ? sr_key((sr_key_id_t)k) : NULL;
    sr_section_t *sec = sr_section_for(job, section, line);
    /* Not scalestudy's: a parameter of the user's if the series turns out to run a command
     * (sr_job_check_uparams), else an unknown key. */
    sr_setting_t *set = key ? &sec->set[k] : sr_uparam_setting(sec, name);
    if (set->line)
        return sr_fail(ctx->err, SR_EXIT_USAGE, "%s:%d: key '%s' given twice in [%s] (first at line %d)",
                       file, line, name, section[0] ? section : "global", set->line), 0;
    set->line = line;
    if (value[0] == '\0')
        return sr_fail(ctx->err, SR_EXIT_USAGE, "%s:%d: key '%s': empty value", file, line, name), 0;
    sr_split_values(key, value, set);
    if (set->nvals > 1 && key && (key->flags & SR_KF_SINGLE))
        return sr_fail(ctx->err, SR_EXIT_USAGE, "%s:%d: key '%s' takes one value, not a list ('%s')",
                       file, line, name, value), 0;
    for (size_t i = 0; i < set->nvals; i++) {
        if (set->vals[i][0] == '\0')
            return sr_fail(ctx->err, SR_EXIT_USAGE, "%s:%d: key '%s': empty item in list '%s'",
                           file, line, name, value), 0;
        /* Two points with one run id would share a trace and a log, and
         * --resume would take the second for done once the first is. */
        for (size_t j = 0; j < i; j++)
            if (strcmp(set->vals[j], set->vals[i]) == 0)
                return sr_fail(ctx->err, SR_EXIT_USAGE,
                               "%s:%d: key '%s': '%s' is in the list '%s' twice", file, line,
                               name, set->vals[i], value), 0;
        sr_buf_t why = {0};
        if (key && sr_check_value(job, key, set->vals[i], &why) != 0) {
            sr_fail(ctx->err, SR_EXIT_USAGE, "%s:%d: key '%s': bad value '%s' (%s)", file, line, name,
                    set->vals[i], sr_buf_str(&why));
            sr_buf_free(&why);
            return 0;
        }
        sr_buf_free(&why);
    }
    ctx->failed = 0;
    return 1;
}

static int sr_applies(const sr_key_t *key, const sr_series_t *s)
{
    if (s->engine == SR_ENGINE_CMD)
        return (key->flags & SR_KF_COMMAND) != 0;
    return (key->engines & (1u << s->engine)) && (key->workloads & (1u << s->workload));
}

/* Set s->engine and s->workload from its own or [global]'s settings. */
static int sr_series_kind(sr_job_t *job, sr_series_t *s, sr_key_id_t k, int *out, sr_err_t *err)
{
    const sr_setting_t *set = s->sec.set[k].line ? &s->sec.set[k] : &job->global.set[k];
    if (!set->line) {
        sr_buf_t b = {0};
        sr_choices_str(sr_key(k), &b);
        sr_fail(err, SR_EXIT_USAGE, "%s:%d: series [%s]: key '%s' is not set (%s), here or in [global]",
                job->path, s->sec.line, s->sec.name, sr_key(k)->name, sr_buf_str(&b));
        sr_buf_free(&b);
        return -1;
    }
    *out = sr_key_choice(sr_key(k), set->vals[0]);
    return 0;
}

/* The adaptive-repetition keys of a series: repeat <= max-repeat, budget
 * only in [global] (it bounds the whole study), and a claim's KEY=VALUE
 * naming one of the values this series sweeps KEY over. */
static int sr_series_check_rounds(const sr_job_t *job, const sr_series_t *s, sr_err_t *err)
{
    const sr_setting_t *rep = s->eff[SR_K_REPEAT], *max = s->eff[SR_K_MAX_REPEAT];
    unsigned long long r = rep ? strtoull(rep->vals[0], NULL, 10) : strtoull(SR_DEFAULT_REPEAT, NULL, 10);
    unsigned long long m = max ? strtoull(max->vals[0], NULL, 10) : r;
    if (m < r)
        return sr_fail(err, SR_EXIT_USAGE, "%s:%d: key 'max-repeat': %llu is below repeat (%llu%s), series [%s]",
                       job->path, max->line, m, r, rep ? "" : ", the default", s->sec.name);
    if (s->sec.set[SR_K_BUDGET].line)
        return sr_fail(err, SR_EXIT_USAGE, "%s:%d: key 'budget' bounds the whole study: set it in [global]",
                       job->path, s->sec.set[SR_K_BUDGET].line);
    const sr_setting_t *claim = s->eff[SR_K_CLAIM];
    if (claim) {
        sr_claim_kind_t kind;
        const char *k, *v;
        size_t kl;
        sr_claim_parse(claim->vals[0], &kind, &k, &kl, &v);
        if (k) {
            char *name = sr_xstrndup(k, kl);
            int id = sr_key_find(name);
            const sr_setting_t *set = id >= 0 ? s->eff[id] : NULL;
            for (size_t u = 0; id < 0 && u < s->sec.nuser; u++)   /* a command's own parameter */
                if (strcmp(s->sec.user[u].name, name) == 0)
                    set = &s->sec.user[u].set;
            for (size_t u = 0; id < 0 && !set && u < job->global.nuser; u++)
                if (strcmp(job->global.user[u].name, name) == 0)
                    set = &job->global.user[u].set;
            int found = 0;
            for (size_t i = 0; set && set->nvals > 1 && i < set->nvals; i++)
                found |= strcmp(set->vals[i], v) == 0;
            if (!found) {
                sr_fail(err, SR_EXIT_USAGE, "%s:%d: key 'claim': series [%s] does not sweep '%s' over a list "
                        "holding '%s'", job->path, claim->line, s->sec.name, name, v);
                free(name);
                return -1;
            }
            free(name);
        }
    }
    return 0;
}

/* hosts = H: every point of W workers puts ceil(W/H) ranks on each host in turn, and must
 * reach all H hosts with at least one rank each. */
static int sr_hosts_check(const sr_job_t *job, const sr_series_t *s, sr_err_t *err)
{
    const sr_setting_t *h = s->eff[SR_K_HOSTS], *w = s->eff[SR_K_WORKERS];
    if (!h)
        return 0;
    for (size_t i = 0; i < h->nvals; i++) {
        unsigned long long hosts = strtoull(h->vals[i], NULL, 10);
        for (size_t j = 0; j < w->nvals; j++) {
            unsigned long long workers = strtoull(w->vals[j], NULL, 10);
            unsigned long long per = (workers + hosts - 1) / hosts;
            if (hosts <= INT_MAX && workers >= hosts && (workers + per - 1) / per == hosts)
                continue;
            return sr_fail(err, SR_EXIT_USAGE,
                           "%s:%d: key 'hosts': %s host%s for %s worker%s (series [%s]): %s", job->path,
                           h->line, h->vals[i], hosts == 1 ? "" : "s", w->vals[j], workers == 1 ? "" : "s",
                           s->sec.name,
                           workers < hosts ? "more hosts than ranks"
                                           : "ceil(workers/hosts) ranks per host leave a host empty");
        }
    }
    return 0;
}

static int sr_series_check(sr_job_t *job, sr_series_t *s, sr_err_t *err)
{
    int engine, workload = (int)SR_WL_NONE;
    if (sr_series_kind(job, s, SR_K_ENGINE, &engine, err) != 0 ||
        (engine != SR_ENGINE_CMD && sr_series_kind(job, s, SR_K_WORKLOAD, &workload, err) != 0))
        return -1;
    s->engine = (sr_engine_t)engine;
    s->workload = (sr_workload_t)workload;
    s->weak = SR_K_WORKERS;
    for (int k = 0; k < SR_NKEYS; k++) {
        const sr_key_t *key = sr_key((sr_key_id_t)k);
        const sr_setting_t *own = &s->sec.set[k];
        if (own->line && !sr_applies(key, s) && (s->engine == SR_ENGINE_CMD || !key->engines)) {
            /* a command series takes scal-run's own keys only; the command keys need one */
            if (s->engine == SR_ENGINE_CMD)
                return sr_fail(err, SR_EXIT_USAGE,
                               "%s:%d: key '%s' does not apply to engine command (%s)", job->path, own->line,
                               key->name,
                               k == SR_K_WEAK ? "weak scaling grows a workload's size; to grow your "
                                                "program's with the workers, give it {workers}"
                               : k == SR_K_WORKLOAD ? "a command series runs your program, not a workload"
                                                    : "it is an option of scalestudy's engines; a parameter of "
                                                      "your own needs a name of its own");
            return sr_fail(err, SR_EXIT_USAGE, "%s:%d: key '%s' does not apply to engine %s (only command)",
                           job->path, own->line, key->name, sr_engines[s->engine]);
        }
        if (own->line && !sr_applies(key, s)) {
            int by_engine = !(key->engines & (1u << s->engine));
            sr_buf_t b = {0};
            sr_mask_str(!by_engine, by_engine ? key->engines : key->workloads, &b);
            sr_fail(err, SR_EXIT_USAGE, "%s:%d: key '%s' does not apply to %s %s (only %s)", job->path,
                    own->line, key->name, by_engine ? "engine" : "workload",
                    by_engine ? sr_engines[s->engine] : sr_workload_name(s->workload), sr_buf_str(&b));
            sr_buf_free(&b);
            return -1;
        }
        if (own->line)
            s->eff[k] = own;
        else if (job->global.set[k].line && sr_applies(key, s))
            s->eff[k] = &job->global.set[k];
    }
    if (!s->eff[SR_K_WORKERS])
        return sr_fail(err, SR_EXIT_USAGE, "%s:%d: series [%s]: key 'workers' is not set, here or in [global]",
                       job->path, s->sec.line, s->sec.name);
    if (s->eff[SR_K_WEAK]) {
        /* weak = KEY: that key must be set for this series and be its size */
        int grown = sr_key_find(s->eff[SR_K_WEAK]->vals[0]);
        if (grown < 0 || !sr_applies(sr_key((sr_key_id_t)grown), s) || !s->eff[grown])
            return sr_fail(err, SR_EXIT_USAGE,
                           "%s:%d: key 'weak': series [%s] has no '%s' to grow with the workers "
                           "(set it, for workload %s)",
                           job->path, s->eff[SR_K_WEAK]->line, s->sec.name, s->eff[SR_K_WEAK]->vals[0],
                           sr_workload_name(s->workload));
        s->weak = (sr_key_id_t)grown;
    }
    if (sr_series_check_rounds(job, s, err) != 0)
        return -1;
    /* omp workers are --threads, in the engine's range; mpi workers are
     * mpirun's -n, an int (a command's, as its launch makes them). */
    const sr_setting_t *w = s->eff[SR_K_WORKERS];
    int as_threads = s->engine == SR_ENGINE_OMP ||
                     (s->engine == SR_ENGINE_CMD && sr_command_launch(s) == SR_LAUNCH_THREADS);
    for (size_t i = 0; i < w->nvals; i++) {
        char expected[256];
        unsigned long long u = strtoull(w->vals[i], NULL, 10);
        int bad = as_threads ? scal_option_check("threads", w->vals[i], expected, sizeof expected) != 0
                             : u > INT_MAX;
        if (!as_threads)
            snprintf(expected, sizeof expected, "a whole number in 1..%d", INT_MAX);
        if (bad)
            return sr_fail(err, SR_EXIT_USAGE,
                           "%s:%d: key 'workers': bad value '%s' (expected %s: %s, series [%s])",
                           job->path, w->line, w->vals[i], expected,
                           as_threads ? "omp threads" : "mpi ranks", s->sec.name);
    }
    return sr_hosts_check(job, s, err);
}

/* a * b, or SIZE_MAX when that overflows. */
static size_t sr_mul_sat(size_t a, size_t b)
{
    size_t r;
    return __builtin_mul_overflow(a, b, &r) ? SIZE_MAX : r;
}

/* A job expands to the product of each series' lists; a typo there (or a
 * fuzzer) can ask for 10^10 runs, whose plan alone would exhaust memory
 * before the first run. */
static int sr_job_check_size(sr_job_t *job, sr_err_t *err)
{
    size_t total = 0;
    for (size_t i = 0; i < job->nseries; i++) {
        const sr_series_t *s = &job->series[i];
        size_t n = 1;
        for (int k = 0; k < SR_NKEYS; k++)
            if (s->eff[k])
                n = sr_mul_sat(n, s->eff[k]->nvals);
        for (size_t u = 0; s->ueff && u < job->unames.n; u++)
            if (s->ueff[u])
                n = sr_mul_sat(n, s->ueff[u]->nvals);
        total = n > SR_MAX_RUNS ? n : total + n;
        if (total > SR_MAX_RUNS)
            return sr_fail(err, SR_EXIT_USAGE,
                           "%s:%d: series [%s] brings the job to more than %d runs (each list "
                           "multiplies them); split the study",
                           job->path, s->sec.line, s->sec.name, SR_MAX_RUNS);
    }
    return 0;
}

/* A series' settings as the option rules see them: its effective values,
 * a bool key "off" counted as not given. */
static const char *sr_series_value(void *ctx, const char *name, int i)
{
    const sr_series_t *s = ctx;
    int k = sr_key_find(name);
    if (k < 0 || !s->eff[k] || (size_t)i >= s->eff[k]->nvals)
        return NULL;
    const char *v = s->eff[k]->vals[i];
    return sr_key((sr_key_id_t)k)->kind == SR_KIND_BOOL && strcmp(v, "off") == 0 ? NULL : v;
}

/* The engines' rules between options (scal_option_rules_check), on every
 * combination of the series' values: a point that breaks one would fail
 * when it runs, after a results folder was made. */
static int sr_series_rules(const sr_job_t *job, const sr_series_t *s, sr_err_t *err)
{
    scal_rule_violation_t v;
    unsigned engine = s->engine == SR_ENGINE_MPI ? SCAL_ENGINE_MPI : SCAL_ENGINE_OMP;
    if (scal_option_rules_check(sr_series_value, (void *)s, engine, &v) == 0)
        return 0;
    char text[512];
    scal_option_rule_text(&v, "", text, sizeof text);
    int k = sr_key_find(v.rule->a);
    return sr_fail(err, SR_EXIT_USAGE, "%s:%d: key '%s': %s (series [%s])", job->path,
                   s->eff[k]->line, v.rule->a, text, s->sec.name);
}

/* The largest value of an integer key over a setting's list (0 if unset). */
static unsigned long long sr_max_value(const sr_setting_t *set)
{
    unsigned long long mx = 0;
    for (size_t i = 0; set && i < set->nvals; i++) {
        unsigned long long u = strtoull(set->vals[i], NULL, 10);
        mx = u > mx ? u : mx;
    }
    return mx;
}

/* The largest of a numeric option's values (as the option parses them);
 * the first value of any other. */
static const char *sr_largest(const scal_option_t *o, const sr_setting_t *set)
{
    const char *best = set->vals[0];
    if (o->kind != SCAL_OPT_U64 && o->kind != SCAL_OPT_INT && o->kind != SCAL_OPT_DOUBLE)
        return best;
    for (size_t i = 1; i < set->nvals; i++)
        if (o->kind == SCAL_OPT_DOUBLE ? strtod(set->vals[i], NULL) > strtod(best, NULL)
                                       : strtoull(set->vals[i], NULL, 10) > strtoull(best, NULL, 10))
            best = set->vals[i];
    return best;
}

/* The workload's own check of its options together (check_options), on a
 * configuration holding each key's largest value (the weak key's grown
 * with the most workers).  The message blames the last of the workload's
 * options the series sets. */
static int sr_series_workload_check(const sr_job_t *job, const sr_series_t *s,
                                    unsigned long long workers, sr_err_t *err)
{
    const scal_workload_t *wl = scal_workload_at(s->workload);
    if (!wl->check_options)
        return 0;
    scal_config_t cfg;
    scal_config_defaults(&cfg, "scal-run", s->engine == SR_ENGINE_MPI ? "mpi" : "omp");
    cfg.workload = wl->name;
    char scaled[64], expected[256], msg[512];
    for (int k = 0; k < SR_NKEYS; k++) {
        const sr_key_t *key = sr_key((sr_key_id_t)k);
        if (!key->opt || !s->eff[k])
            continue;
        const char *v = sr_largest(key->opt, s->eff[k]);
        if (key->kind == SR_KIND_BOOL && strcmp(v, "off") == 0)
            continue;
        if (k == (int)s->weak) {
            unsigned long long grown;
            if (__builtin_mul_overflow(strtoull(v, NULL, 10), workers, &grown))
                grown = ULLONG_MAX;
            snprintf(scaled, sizeof scaled, "%llu", grown);
            v = scaled;
        }
        const scal_option_t *o = scal_option_find(key->name, s->engine == SR_ENGINE_MPI
                                                                  ? SCAL_ENGINE_MPI
                                                                  : SCAL_ENGINE_OMP);
        if (o)
            scal_option_value(o, key->kind == SR_KIND_BOOL ? "on" : v, &cfg, expected,
                              sizeof expected);
    }
    if (wl->check_options(&cfg, "", msg, sizeof msg) == 0)
        return 0;
    const sr_setting_t *at = NULL;
    const char *name = NULL;
    for (size_t j = 0; wl->options && wl->options[j]; j++) {
        int k = sr_key_find(wl->options[j]->name);
        if (k >= 0 && s->eff[k]) {
            at = s->eff[k];
            name = wl->options[j]->name;
        }
    }
    if (!at)
        return sr_fail(err, SR_EXIT_USAGE, "%s:%d: series [%s]: %s", job->path, s->sec.line,
                       s->sec.name, msg);
    return sr_fail(err, SR_EXIT_USAGE, "%s:%d: key '%s': %s%s (series [%s])", job->path, at->line,
                   name, msg, s->weak != SR_K_WORKERS ? " (the weak key grown with the workers)" : "",
                   s->sec.name);
}

/* Values that only exist once the series is expanded: weak scaling grows
 * its key with the workers (checked at the largest count against the
 * engine's range), and the workload's check of its options together
 * (factor: base + tasks - 1 must fit a signed 64-bit result), the
 * engine's own, done here before anything runs on each key's largest
 * value. */
static int sr_series_scaled(const sr_job_t *job, const sr_series_t *s, sr_err_t *err)
{
    unsigned long long workers = sr_max_value(s->eff[SR_K_WORKERS]);
    if (s->weak != SR_K_WORKERS) {
        const sr_setting_t *set = s->eff[s->weak];
        const char *name = sr_key(s->weak)->name;
        for (size_t i = 0; i < set->nvals; i++) {
            unsigned long long base = strtoull(set->vals[i], NULL, 10), scaled;
            char value[64], expected[256];
            if (__builtin_mul_overflow(base, workers, &scaled))
                scaled = ULLONG_MAX;
            snprintf(value, sizeof value, "%llu", scaled);
            if (scal_option_check(name, value, expected, sizeof expected) != 0)
                return sr_fail(err, SR_EXIT_USAGE,
                               "%s:%d: key '%s': %s x %llu workers = %s with weak = %s, "
                               "expected %s (series [%s])",
                               job->path, set->line, name, set->vals[i], workers, value, name,
                               expected, s->sec.name);
        }
    }
    return s->engine == SR_ENGINE_CMD ? 0 : sr_series_workload_check(job, s, workers, err);
}

/* Before any other whole-file check, as when an unknown key stopped the
 * parse: a key that is not scalestudy's in a series that runs no command
 * (by its own or [global]'s engine), or in a [global] no command series uses. */
static int sr_job_check_unknown(const sr_job_t *job, sr_err_t *err)
{
    int commands = 0;
    for (size_t i = 0; i < job->nseries; i++) {
        const sr_section_t *sec = &job->series[i].sec;
        const sr_setting_t *e = sec->set[SR_K_ENGINE].line ? &sec->set[SR_K_ENGINE] : &job->global.set[SR_K_ENGINE];
        int cmd = e->line && strcmp(e->vals[0], sr_engines[SR_ENGINE_CMD]) == 0;
        commands += cmd;
        if (!cmd && sec->nuser)
            return sr_fail(err, SR_EXIT_USAGE, "%s:%d: unknown key '%s' (keys of your own are parameters of "
                           "engine = command series only)", job->path, sec->user[0].set.line, sec->user[0].name);
    }
    if (job->global.nuser && !commands)
        return sr_fail(err, SR_EXIT_USAGE, "%s:%d: unknown key '%s'", job->path, job->global.user[0].set.line,
                       job->global.user[0].name);
    return 0;
}

/* The job's user parameters (job->unames, first seen first) and, for each
 * command series, the effective setting of each: its own, else [global]'s. */
static void sr_job_uparams(sr_job_t *job)
{
    for (size_t i = 0; i < job->nseries; i++)
        for (size_t u = 0; job->series[i].engine == SR_ENGINE_CMD && u < job->series[i].sec.nuser; u++)
            if (sr_job_uparam(job, job->series[i].sec.user[u].name) < 0)
                sr_strv_push(&job->unames, job->series[i].sec.user[u].name);
    for (size_t u = 0; u < job->global.nuser; u++)
        if (sr_job_uparam(job, job->global.user[u].name) < 0)
            sr_strv_push(&job->unames, job->global.user[u].name);
    for (size_t i = 0; i < job->nseries; i++) {
        sr_series_t *s = &job->series[i];
        if (s->engine != SR_ENGINE_CMD)
            continue;
        s->ueff = sr_xcalloc(job->unames.n ? job->unames.n : 1, sizeof *s->ueff);
        for (size_t u = 0; u < job->unames.n; u++) {
            for (size_t j = 0; j < s->sec.nuser && !s->ueff[u]; j++)
                if (strcmp(s->sec.user[j].name, job->unames.v[u]) == 0)
                    s->ueff[u] = &s->sec.user[j].set;
            for (size_t j = 0; j < job->global.nuser && !s->ueff[u]; j++)
                if (strcmp(job->global.user[j].name, job->unames.v[u]) == 0)
                    s->ueff[u] = &job->global.user[j].set;
        }
    }
}

/* Whole-file checks, after every line parsed cleanly. */
static int sr_job_check(sr_job_t *job, sr_err_t *err)
{
    if (job->nseries == 0) {
        if (!job->global.line)
            return sr_fail(err, SR_EXIT_USAGE, "%s:1: no keys: nothing to run", job->path);
        /* Only [global]: it is the one series. */
        job->series = sr_xcalloc(1, sizeof *job->series);
        job->series[0].sec.name = sr_xstrdup("global");
        job->series[0].sec.line = job->global.line;
        job->nseries = 1;
    }
    if (sr_job_check_unknown(job, err) != 0)
        return -1;
    for (size_t i = 0; i < job->nseries; i++)
        if (sr_series_check(job, &job->series[i], err) != 0 ||
            (job->series[i].engine != SR_ENGINE_CMD && sr_series_rules(job, &job->series[i], err) != 0) ||
            sr_series_scaled(job, &job->series[i], err) != 0)
            return -1;
    sr_job_uparams(job);
    for (size_t i = 0; i < job->nseries; i++)
        if (job->series[i].engine == SR_ENGINE_CMD && sr_command_check(job, &job->series[i], err) != 0)
            return -1;
    if (sr_job_check_size(job, err) != 0)
        return -1;
    for (int k = 0; k < SR_NKEYS; k++) {
        const sr_setting_t *g = &job->global.set[k];
        if (!g->line)
            continue;
        size_t used = 0;
        for (size_t i = 0; i < job->nseries; i++)
            used += job->series[i].eff[k] == g;
        if (used == 0 && (k != SR_K_ENGINE && k != SR_K_WORKLOAD))
            return sr_fail(err, SR_EXIT_USAGE, "%s:%d: key '%s' in [global] applies to no series",
                           job->path, g->line, sr_key((sr_key_id_t)k)->name);
    }
    return 0;
}

/* What inih would misread, refused with the right message: an indented
 * line (inih takes it for the continuation of the previous value, and a
 * key there was reported as "given twice"), and an empty section name
 * "[]" (inih hands it over as "", the name of the lines before any
 * section, so it was taken for [global]). */
static int sr_check_line_shape(const sr_job_t *job, const char *p, size_t n, int line, sr_err_t *err)
{
    size_t lead = 0;
    while (lead < n && (p[lead] == ' ' || p[lead] == '\t'))
        lead++;
    if (lead == n || p[lead] == ';' || p[lead] == '#')
        return 0;
    if (lead > 0)
        return sr_fail(err, SR_EXIT_USAGE,
                       "%s:%d: indented line '%.*s': keys and [sections] start at the beginning of "
                       "their line (an indented line would continue the previous value)",
                       job->path, line, (int)(n - lead > 60 ? 60 : n - lead), p + lead);
    if (p[0] == '[') {
        size_t k = 1;
        while (k < n && (p[k] == ' ' || p[k] == '\t'))
            k++;
        if (k < n && p[k] == ']')
            return sr_fail(err, SR_EXIT_USAGE,
                           "%s:%d: section '%.*s' has no name: write [global] for the defaults, "
                           "or name the series", job->path, line, (int)(k + 1), p);
    }
    return 0;
}

/* inih reads a line in pieces when it is longer than its buffer and then
 * miscounts lines; refuse such lines ourselves, with the right number. */
static int sr_check_lines(const sr_job_t *job, sr_err_t *err)
{
    const char *p = sr_buf_str(&job->text);
    for (int line = 1; *p; line++) {
        size_t n = strcspn(p, "\n");
        if (n && p[n - 1] == '\r')
            n--;
        if (n > SR_JOB_MAX_LINE)
            return sr_fail(err, SR_EXIT_USAGE, "%s:%d: line longer than %d characters", job->path, line,
                           SR_JOB_MAX_LINE);
        if (sr_check_line_shape(job, p, n, line, err) != 0)
            return -1;
        p += strcspn(p, "\n");
        if (*p)
            p++;
    }
    return 0;
}

static char *sr_job_name(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    for (const char *ext = ".job"; ext; ext = strcmp(ext, ".job") == 0 ? ".ini" : NULL) {
        size_t e = strlen(ext);
        if (n > e && strcmp(base + n - e, ext) == 0)
            return sr_xstrndup(base, n - e);
    }
    return sr_xstrdup(base);
}

int sr_job_load(const char *path, sr_job_t *job, sr_err_t *err)
{
    *job = (sr_job_t){0};
    job->path = sr_xstrdup(path);
    job->dir = sr_dirname(path);
    job->name = sr_job_name(path);
    char *data = NULL, msg[512];
    size_t len = 0;
    if (access(path, R_OK) != 0)
        return sr_fail(err, SR_EXIT_USAGE, "%s: cannot read job file: %s", path, strerror(errno));
    if (scal_input_slurp(path, "job file", SCAL_JOB_MAX_BYTES, &data, &len, msg, sizeof msg) != 0)
        return sr_fail(err, SR_EXIT_USAGE, "%s", msg);
    sr_buf_add(&job->text, data, len);
    free(data);
    if (!job->text.data)
        sr_buf_add(&job->text, "", 0);
    if (memchr(job->text.data, '\0', job->text.len))
        return sr_fail(err, SR_EXIT_USAGE, "%s: not a text file (NUL byte)", path);
    if (sr_check_lines(job, err) != 0)
        return -1;
    sr_parse_ctx_t ctx = {job, err, 0};
    int rc = ini_parse_string(sr_buf_str(&job->text), sr_job_handler, &ctx);
    if (ctx.failed)
        return -1;
    if (rc > 0)
        return sr_fail(err, SR_EXIT_USAGE, "%s:%d: syntax error (expected [section] or key = value)", path, rc);
    if (rc < 0)
        return sr_fail(err, SR_EXIT_USAGE, "%s: cannot parse (error %d)", path, rc);
    return sr_job_check(job, err);
}

static void sr_setting_free(sr_setting_t *set)
{
    for (size_t i = 0; i < set->nvals; i++)
        free(set->vals[i]);
    free(set->vals);
}

static void sr_section_free(sr_section_t *sec)
{
    for (int k = 0; k < SR_NKEYS; k++)
        sr_setting_free(&sec->set[k]);
    for (size_t u = 0; u < sec->nuser; u++) {
        sr_setting_free(&sec->user[u].set);
        free(sec->user[u].name);
    }
    free(sec->user);
    free(sec->name);
}

void sr_job_free(sr_job_t *job)
{
    for (size_t i = 0; i < job->nseries; i++) {
        sr_section_free(&job->series[i].sec);
        free(job->series[i].ueff);
    }
    sr_strv_free(&job->unames);
    free(job->series);
    sr_section_free(&job->global);
    sr_buf_free(&job->text);
    free(job->path);
    free(job->dir);
    free(job->name);
    *job = (sr_job_t){0};
}
