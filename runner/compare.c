/* compare.c - `scal-run --compare OLD NEW` (see compare.h): the points two
 * results folders share, each with its ratio of medians, that ratio's CI,
 * a Mann-Whitney U test and a label; the points only one folder holds are
 * listed. Markdown on stdout, or csv / json. */
#include "compare.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "runs.h"
#include "scal_stats.h"
#include "stats.h"
#include "util.h"

static const char sr_cmp_usage[] =
    "usage: scal-run --compare OLD NEW [--format md|csv|json] [--threshold X] [--fail-on slower]\n"
    "\n"
    "Compare two results folders point by point (points matched by run id):\n"
    "the ratio of median wall times NEW / OLD with its 95% CI (percentile\n"
    "bootstrap), a Mann-Whitney U test, and a label: slower / faster when the\n"
    "test is significant (p < 0.05), the CI excludes 1 and the change exceeds\n"
    "the noise threshold; else no change.\n"
    "\n"
    "  --format F      md (default, markdown), csv or json, on stdout\n"
    "  --threshold X   noise threshold, a fraction (default 0.05: 5%)\n"
    "  --fail-on slower  exit 1 when a point is slower\n"
    "\n"
    "Exit status: 0 compared; 1 --fail-on slower and a point is slower; 2 bad\n"
    "usage, a folder that is not a results folder, or no point in common.\n";

const char *sr_cmp_label_name(sr_cmp_label_t l)
{
    switch (l) {
    case SR_CMP_NO_CHANGE:
        return "no change";
    case SR_CMP_FASTER:
        return "faster";
    case SR_CMP_SLOWER:
        return "slower";
    }
    return "?";
}

static double sr_median(const double *x, size_t n)
{
    scal_stats_t st;
    return n && scal_stats_compute(x, n, &st) == 0 ? st.median : NAN;
}

int sr_cmp_point(const double *old, size_t nold, const double *new_, size_t nnew, double threshold,
                 unsigned long long seed, sr_cmp_point_t *out)
{
    *out = (sr_cmp_point_t){.old_median = NAN, .new_median = NAN, .ratio = NAN, .ratio_lo = NAN,
                            .ratio_hi = NAN, .u = NAN, .p = NAN, .label = SR_CMP_NO_CHANGE};
    if (nold == 0 || nnew == 0)
        return -1;
    out->old_median = sr_median(old, nold);
    out->new_median = sr_median(new_, nnew);
    out->ratio = out->new_median / out->old_median;
    sr_bootstrap_ratio_ci(new_, nnew, old, nold, 1.0, seed, SR_BOOTSTRAP_ITERS, &out->ratio_lo, &out->ratio_hi);
    sr_mann_whitney(new_, nnew, old, nold, &out->u, &out->p);
    if (out->p < SR_CMP_ALPHA && out->ratio_lo > 1 && out->ratio > 1 + threshold)
        out->label = SR_CMP_SLOWER;
    else if (out->p < SR_CMP_ALPHA && out->ratio_hi < 1 && out->ratio < 1 / (1 + threshold))
        out->label = SR_CMP_FASTER;
    return 0;
}

/* One folder's points: run ids in runs.csv order, the ok walls of each. */
typedef struct sr_cmp_set {
    const char *dir;
    sr_strv_t ids;
    double **walls;
    size_t *n;
} sr_cmp_set_t;

static void sr_cmp_set_free(sr_cmp_set_t *s)
{
    for (size_t i = 0; i < s->ids.n; i++)
        free(s->walls[i]);
    free(s->walls);
    free(s->n);
    sr_strv_free(&s->ids);
}

static long sr_cmp_find(const sr_cmp_set_t *s, const char *id)
{
    for (size_t i = 0; i < s->ids.n; i++)
        if (strcmp(s->ids.v[i], id) == 0)
            return (long)i;
    return -1;
}

/* Read dir/runs.csv. Returns 0, or -1 with why it is not a results folder. */
static int sr_cmp_load(const char *dir, sr_cmp_set_t *s, sr_buf_t *why)
{
    *s = (sr_cmp_set_t){.dir = dir};
    char *path = sr_path_join(dir, "runs.csv");
    sr_buf_t reason = {0};
    sr_csv_t csv = {0};
    int rc = -1;
    if (sr_runs_read(dir, &csv, &reason) != 0) {
        sr_buf_printf(why, "%s is not a results folder (%s)", dir, sr_buf_str(&reason));
        goto out;
    }
    int id = sr_csv_col(&csv, "run_id"), status = sr_csv_col(&csv, "status"), wall = sr_csv_col(&csv, "wall_s");
    if (id < 0 || status < 0 || wall < 0) {
        sr_buf_printf(why, "%s is not a results folder (%s has no run_id, status and wall_s columns)", dir, path);
        goto out;
    }
    for (size_t r = 1; r < csv.nrows; r++) {
        const char *v = sr_csv_get(&csv, r, id);
        long i = sr_cmp_find(s, v);
        if (i < 0) {
            sr_strv_push(&s->ids, v);
            s->walls = sr_xrealloc(s->walls, s->ids.n * sizeof *s->walls);
            s->n = sr_xrealloc(s->n, s->ids.n * sizeof *s->n);
            i = (long)s->ids.n - 1;
            s->walls[i] = NULL;
            s->n[i] = 0;
        }
        if (strcmp(sr_csv_get(&csv, r, status), "ok") != 0)
            continue;
        const char *f = sr_csv_get(&csv, r, wall);
        char *end;
        double w = strtod(f, &end);
        if (end == f || !isfinite(w) || w <= 0)
            continue;
        s->walls[i] = sr_xrealloc(s->walls[i], (s->n[i] + 1) * sizeof **s->walls);
        s->walls[i][s->n[i]++] = w;
    }
    if (s->ids.n == 0) {
        sr_buf_printf(why, "%s is not a results folder (%s holds no run)", dir, path);
        goto out;
    }
    rc = 0;
out:
    sr_csv_free(&csv);
    sr_buf_free(&reason);
    free(path);
    return rc;
}

typedef enum { SR_FMT_MD, SR_FMT_CSV, SR_FMT_JSON } sr_fmt_t;

/* A JSON string. */
static void sr_json_str(sr_buf_t *b, const char *s)
{
    sr_buf_puts(b, "\"");
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            sr_buf_printf(b, "\\%c", c);
        else if (c < 0x20)
            sr_buf_printf(b, "\\u%04x", c);
        else
            sr_buf_add(b, s, 1);
    }
    sr_buf_puts(b, "\"");
}

static void sr_json_num(sr_buf_t *b, double x)
{
    if (isfinite(x))
        sr_buf_printf(b, "%.9g", x);
    else
        sr_buf_puts(b, "null");
}

static void sr_csv_num(sr_buf_t *b, double x)
{
    sr_buf_puts(b, ",");
    if (isfinite(x))
        sr_buf_printf(b, "%.9g", x);
}

/* A list of ids for markdown: `a`, `b`. */
static void sr_md_ids(sr_buf_t *b, const char *what, const sr_strv_t *ids)
{
    if (ids->n == 0)
        return;
    sr_buf_printf(b, "\n%s (%zu, not compared):", what, ids->n);
    for (size_t i = 0; i < ids->n; i++)
        sr_buf_printf(b, "%s `%s`", i ? "," : "", ids->v[i]);
    sr_buf_puts(b, "\n");
}

static void sr_json_ids(sr_buf_t *b, const char *key, const sr_strv_t *ids)
{
    sr_buf_printf(b, ",\n  \"%s\": [", key);
    for (size_t i = 0; i < ids->n; i++) {
        sr_buf_puts(b, i ? ", " : "");
        sr_json_str(b, ids->v[i]);
    }
    sr_buf_puts(b, "]");
}

static int sr_cmp_parse_args(int argc, char **argv, const char **dirs, sr_fmt_t *fmt, double *threshold,
                             int *fail_slower, sr_err_t *err)
{
    int ndirs = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--compare") == 0)
            continue;
        if (strcmp(a, "--format") == 0 || strcmp(a, "--threshold") == 0 || strcmp(a, "--fail-on") == 0) {
            if (i + 1 >= argc)
                return sr_fail(err, SR_EXIT_USAGE, "%s needs a value", a);
            const char *v = argv[++i];
            if (strcmp(a, "--format") == 0) {
                if (strcmp(v, "md") == 0)
                    *fmt = SR_FMT_MD;
                else if (strcmp(v, "csv") == 0)
                    *fmt = SR_FMT_CSV;
                else if (strcmp(v, "json") == 0)
                    *fmt = SR_FMT_JSON;
                else
                    return sr_fail(err, SR_EXIT_USAGE, "--format '%s': md, csv or json", v);
            } else if (strcmp(a, "--threshold") == 0) {
                char *end;
                *threshold = strtod(v, &end);
                if (end == v || *end || !(*threshold >= 0 && *threshold < 1))
                    return sr_fail(err, SR_EXIT_USAGE, "--threshold '%s': a fraction in [0, 1), e.g. 0.05", v);
            } else if (strcmp(v, "slower") == 0) {
                *fail_slower = 1;
            } else {
                return sr_fail(err, SR_EXIT_USAGE, "--fail-on '%s': only 'slower'", v);
            }
        } else if (a[0] == '-' && a[1]) {
            return sr_fail(err, SR_EXIT_USAGE, "--compare: unknown option '%s'", a);
        } else if (ndirs == 2) {
            return sr_fail(err, SR_EXIT_USAGE, "--compare takes two folders ('%s' is a third)", a);
        } else {
            dirs[ndirs++] = a;
        }
    }
    if (ndirs != 2)
        return sr_fail(err, SR_EXIT_USAGE, "--compare needs two results folders, OLD and NEW");
    return 0;
}

int sr_compare_main(int argc, char **argv)
{
    const char *dirs[2] = {NULL, NULL};
    sr_fmt_t fmt = SR_FMT_MD;
    double threshold = SR_CMP_THRESHOLD;
    int fail_slower = 0;
    sr_err_t err = {0};
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(sr_cmp_usage, stdout);
            return SR_EXIT_OK;
        }
    if (sr_cmp_parse_args(argc, argv, dirs, &fmt, &threshold, &fail_slower, &err) != 0) {
        fprintf(stderr, "scal-run: %s\n%s", err.msg, sr_cmp_usage);
        return err.status;
    }
    sr_cmp_set_t set[2];
    sr_buf_t why = {0};
    int bad = 0;
    for (int k = 0; k < 2; k++)
        if (sr_cmp_load(dirs[k], &set[k], &why) != 0) {
            fprintf(stderr, "scal-run: --compare: %s\n", sr_buf_str(&why));
            sr_buf_clear(&why);
            bad = 1;
        }
    sr_buf_free(&why);
    if (bad) {
        sr_cmp_set_free(&set[0]);
        sr_cmp_set_free(&set[1]);
        return SR_EXIT_USAGE;
    }
    sr_strv_t only_old = {0}, only_new = {0}, empty = {0};
    size_t shared = 0;
    for (size_t i = 0; i < set[0].ids.n; i++)
        if (sr_cmp_find(&set[1], set[0].ids.v[i]) < 0)
            sr_strv_push(&only_old, set[0].ids.v[i]);
        else
            shared++;
    for (size_t i = 0; i < set[1].ids.n; i++)
        if (sr_cmp_find(&set[0], set[1].ids.v[i]) < 0)
            sr_strv_push(&only_new, set[1].ids.v[i]);
    int rc = SR_EXIT_OK;
    if (shared == 0) {
        fprintf(stderr, "scal-run: --compare: %s and %s share no point (run id): nothing to compare\n", dirs[0],
                dirs[1]);
        rc = SR_EXIT_USAGE;
        goto out;
    }
    sr_buf_t b = {0};
    size_t counts[3] = {0, 0, 0};
    if (fmt == SR_FMT_MD)
        sr_buf_printf(&b,
                      "# Comparison\n\n- old: `%s`\n- new: `%s`\n"
                      "- ratio = median wall NEW / median wall OLD (above 1: NEW is slower); its 95%% CI is a"
                      " percentile bootstrap (%d resamples of both sets, seed %llu, one stream per point).\n"
                      "- Mann-Whitney U of NEW against OLD (pairs where NEW is slower, ties count 1/2), two-sided"
                      " p (exact without ties, else the normal approximation).\n"
                      "- **slower**: p < %.2f, the CI lies above 1 and the ratio exceeds 1 + %.3g (the noise"
                      " threshold); **faster**: p < %.2f, the CI lies below 1 and the ratio is under 1 / (1 + %.3g);"
                      " else no change.\n\n"
                      "| point | old reps | new reps | old median (s) | new median (s) | ratio | 95%% CI | U | p |"
                      " result |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n",
                      dirs[0], dirs[1], SR_BOOTSTRAP_ITERS, SR_CMP_SEED, SR_CMP_ALPHA, threshold, SR_CMP_ALPHA,
                      threshold);
    else if (fmt == SR_FMT_CSV)
        sr_buf_puts(&b, "point,old_reps,new_reps,old_median_s,new_median_s,ratio,ratio_ci_lo,ratio_ci_hi,u,p,"
                        "result\n");
    else {
        sr_buf_puts(&b, "{\n  \"old\": ");
        sr_json_str(&b, dirs[0]);
        sr_buf_puts(&b, ",\n  \"new\": ");
        sr_json_str(&b, dirs[1]);
        sr_buf_printf(&b, ",\n  \"threshold\": %.9g,\n  \"alpha\": %.9g,\n  \"ci\": \"percentile bootstrap, %d"
                          " resamples, seed %llu\",\n  \"points\": [",
                      threshold, SR_CMP_ALPHA, SR_BOOTSTRAP_ITERS, SR_CMP_SEED);
    }
    size_t shown = 0;
    for (size_t i = 0; i < set[0].ids.n; i++) {
        long j = sr_cmp_find(&set[1], set[0].ids.v[i]);
        if (j < 0)
            continue;
        const char *id = set[0].ids.v[i];
        size_t no = set[0].n[i], nn = set[1].n[j];
        sr_cmp_point_t cp;
        if (sr_cmp_point(set[0].walls[i], no, set[1].walls[j], nn, threshold, SR_CMP_SEED + i, &cp) != 0) {
            sr_strv_push(&empty, id);
            continue;
        }
        counts[cp.label]++;
        const char *label = sr_cmp_label_name(cp.label);
        if (fmt == SR_FMT_MD) {
            sr_buf_printf(&b, "| `%s` | %zu | %zu | %.6g | %.6g | %.3f | %.3f–%.3f | %g | %.3g | %s%s%s |\n", id,
                          no, nn, cp.old_median, cp.new_median, cp.ratio, cp.ratio_lo, cp.ratio_hi, cp.u, cp.p,
                          cp.label ? "**" : "", label, cp.label ? "**" : "");
        } else if (fmt == SR_FMT_CSV) {
            sr_csv_field(&b, id);
            sr_buf_printf(&b, ",%zu,%zu", no, nn);
            double v[] = {cp.old_median, cp.new_median, cp.ratio, cp.ratio_lo, cp.ratio_hi, cp.u, cp.p};
            for (int k = 0; k < 7; k++)
                sr_csv_num(&b, v[k]);
            sr_buf_printf(&b, ",%s\n", label);
        } else {
            sr_buf_puts(&b, shown ? ",\n    {\"point\": " : "\n    {\"point\": ");
            sr_json_str(&b, id);
            sr_buf_printf(&b, ", \"old_reps\": %zu, \"new_reps\": %zu", no, nn);
            static const char *const keys[] = {"old_median_s", "new_median_s", "ratio", "ratio_ci_lo",
                                               "ratio_ci_hi", "u", "p"};
            double v[] = {cp.old_median, cp.new_median, cp.ratio, cp.ratio_lo, cp.ratio_hi, cp.u, cp.p};
            for (int k = 0; k < 7; k++) {
                sr_buf_printf(&b, ", \"%s\": ", keys[k]);
                sr_json_num(&b, v[k]);
            }
            sr_buf_printf(&b, ", \"result\": \"%s\"}", label);
        }
        shown++;
    }
    if (fmt == SR_FMT_MD) {
        sr_buf_printf(&b, "\n%zu point%s compared: %zu slower, %zu faster, %zu no change.\n", shown,
                      shown == 1 ? "" : "s", counts[SR_CMP_SLOWER], counts[SR_CMP_FASTER], counts[SR_CMP_NO_CHANGE]);
        sr_md_ids(&b, "Only in OLD", &only_old);
        sr_md_ids(&b, "Only in NEW", &only_new);
        sr_md_ids(&b, "Without an ok repetition in one folder", &empty);
    } else if (fmt == SR_FMT_CSV) {
        const sr_strv_t *lists[] = {&only_old, &only_new, &empty};
        static const char *const what[] = {"only-old", "only-new", "no-ok-runs"};
        for (int k = 0; k < 3; k++)
            for (size_t i = 0; i < lists[k]->n; i++) {
                sr_csv_field(&b, lists[k]->v[i]);
                sr_buf_printf(&b, ",,,,,,,,,,%s\n", what[k]);
            }
    } else {
        sr_buf_puts(&b, "\n  ]");
        sr_json_ids(&b, "only_old", &only_old);
        sr_json_ids(&b, "only_new", &only_new);
        sr_json_ids(&b, "no_ok_runs", &empty);
        sr_buf_printf(&b, ",\n  \"slower\": %zu,\n  \"faster\": %zu,\n  \"no_change\": %zu\n}\n",
                      counts[SR_CMP_SLOWER], counts[SR_CMP_FASTER], counts[SR_CMP_NO_CHANGE]);
    }
    fwrite(b.data, 1, b.len, stdout);
    fflush(stdout);
    sr_buf_free(&b);
    if (fail_slower && counts[SR_CMP_SLOWER])
        rc = SR_EXIT_FAIL;
out:
    sr_strv_free(&only_old);
    sr_strv_free(&only_new);
    sr_strv_free(&empty);
    sr_cmp_set_free(&set[0]);
    sr_cmp_set_free(&set[1]);
    return rc;
}
