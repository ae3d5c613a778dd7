/* plot.c - gnuplot scripts and data for a study's plots, and rendering them.
 *
 * Everything goes to <results>/plots/: speedup.{gp,dat}, efficiency.{gp,dat}
 * and one timeline-<n>.{gp,dat} per curve with a trace (its widest ok run,
 * the last measured repetition). Each script renders a PNG (pngcairo, else
 * png) and an SVG, with paths relative to plots/, so `cd plots && gnuplot
 * speedup.gp` re-renders it after an edit. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "launch.h"
#include "report.h"
#include "stats.h"

#define SR_GNUPLOT_TIMEOUT_S 60.0

/* A gnuplot single-quoted string: quotes doubled. */
static void sr_gp_str(sr_buf_t *b, const char *s)
{
    sr_buf_puts(b, "'");
    for (; *s; s++)
        sr_buf_add(b, *s == '\'' ? "''" : s, *s == '\'' ? 2 : 1);
    sr_buf_puts(b, "'");
}

static void sr_gp_begin(sr_buf_t *gp, const char *name, const char *what, int width, int height)
{
    sr_buf_printf(gp,
                  "# %s.gp - %s.\n"
                  "# Written by scal-run; render with: gnuplot %s.gp (writes %s.png and %s.svg).\n"
                  "if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {\n"
                  "    set terminal pngcairo size %d,%d noenhanced\n"
                  "} else {\n"
                  "    set terminal png size %d,%d noenhanced\n"
                  "}\n"
                  "set output '%s.png'\n"
                  "set grid\n",
                  name, what, name, name, name, width, height, width, height, name);
}

static void sr_gp_end(sr_buf_t *gp, const char *name, int width, int height)
{
    sr_buf_printf(gp,
                  "set terminal svg size %d,%d noenhanced\n"
                  "set output '%s.svg'\n"
                  "replot\n",
                  width, height, name);
}

/* speedup.dat / efficiency.dat share one data file: one block per curve. */
static void sr_scaling_dat(const sr_summary_t *sum, sr_buf_t *dat, long *pmin, long *pmax)
{
    *pmin = 0;
    *pmax = 1;
    sr_buf_puts(dat, "# workers speedup efficiency median_wall_s min_wall_s max_wall_s speedup_ci_lo speedup_ci_hi\n");
    for (size_t i = 0; i < sum->n; i++) {
        const sr_curve_t *c = &sum->c[i];
        char *title = sr_curve_title(c);
        sr_buf_printf(dat, "%s# curve %zu: %s\n", i ? "\n\n" : "", i, title);
        free(title);
        for (size_t j = 0; j < c->nlv; j++) {
            const sr_level_t *l = &c->lv[j];
            if (!isfinite(l->speedup))
                continue;
            sr_buf_printf(dat, "%ld %.9g %.9g %.9g %.9g %.9g %.9g %.9g\n", l->workers, l->speedup, l->efficiency,
                          l->median, l->min, l->max, isfinite(l->sp_lo) ? l->sp_lo : NAN,
                          isfinite(l->sp_hi) ? l->sp_hi : NAN);
            if (!*pmin || l->workers < *pmin)
                *pmin = l->workers;
            if (l->workers > *pmax)
                *pmax = l->workers;
        }
    }
}

/* The key goes below the plot, so a study with many curves stays readable:
 * the plot keeps its size and the canvas grows by a key line per entry
 * (curve titles are too long for two columns). */
#define SR_PLOT_WIDTH 1000
static int sr_plot_height(size_t entries)
{
    return 560 + 20 * (int)entries;
}

static size_t sr_key_entries(const sr_summary_t *sum, int with_fits)
{
    size_t n = 1; /* ideal */
    for (size_t i = 0; i < sum->n; i++)
        if (sum->c[i].base_workers)
            n += 1 + (with_fits && sum->c[i].fit_points);
    return n;
}

static void sr_speedup_gp(const sr_summary_t *sum, long pmin, long pmax, sr_buf_t *gp)
{
    int height = sr_plot_height(sr_key_entries(sum, 1));
    sr_gp_begin(gp, "speedup", "speedup against workers per series, ideal line and Amdahl fit",
                SR_PLOT_WIDTH, height);
    sr_buf_printf(gp,
                  "set title 'Speedup T(1)/T(p) from median wall time, with 95%% CIs (bootstrap)'\n"
                  "set xlabel 'workers'\nset ylabel 'speedup'\n"
                  "set logscale xy 2\nset key outside below Left reverse maxcols 1\n"
                  "set xrange [%g:%g]\nset samples 200\n",
                  (double)pmin / 1.25, (double)pmax * 1.25);
    sr_buf_puts(gp, "plot x title 'ideal' with lines dt 2 lc 'black'");
    for (size_t i = 0; i < sum->n; i++) {
        const sr_curve_t *c = &sum->c[i];
        if (!c->base_workers)
            continue;
        char *title = sr_curve_title(c);
        sr_buf_printf(gp, ", \\\n     'speedup.dat' index %zu using 1:2 with linespoints lc %zu pt 7 title ",
                      i, i + 1);
        sr_gp_str(gp, title);
        sr_buf_printf(gp, ", \\\n     'speedup.dat' index %zu using 1:2:7:8 with yerrorbars lc %zu pt 7 notitle",
                      i, i + 1);
        if (c->fit_points) {
            char *fit = sr_xasprintf("%s: Amdahl f=%.3f", title, c->f);
            sr_buf_printf(gp, ", \\\n     1/(%.9g + (1-%.9g)/x) with lines dt 3 lc %zu title ", c->f, c->f,
                          i + 1);
            sr_gp_str(gp, fit);
            free(fit);
        }
        free(title);
    }
    sr_buf_puts(gp, "\n");
    sr_gp_end(gp, "speedup", SR_PLOT_WIDTH, height);
}

static void sr_efficiency_gp(const sr_summary_t *sum, long pmin, long pmax, sr_buf_t *gp)
{
    int height = sr_plot_height(sr_key_entries(sum, 0));
    sr_gp_begin(gp, "efficiency", "parallel efficiency S/p against workers per series",
                SR_PLOT_WIDTH, height);
    sr_buf_printf(gp,
                  "set title 'Efficiency S(p)/p'\n"
                  "set xlabel 'workers'\nset ylabel 'efficiency'\n"
                  "set logscale x 2\nset yrange [0:*]\nset key outside below Left reverse maxcols 1\n"
                  "set xrange [%g:%g]\n",
                  (double)pmin / 1.25, (double)pmax * 1.25);
    sr_buf_puts(gp, "plot 1 title 'ideal' with lines dt 2 lc 'black'");
    for (size_t i = 0; i < sum->n; i++) {
        const sr_curve_t *c = &sum->c[i];
        if (!c->base_workers)
            continue;
        char *title = sr_curve_title(c);
        sr_buf_printf(gp, ", \\\n     'speedup.dat' index %zu using 1:3 with linespoints lc %zu pt 7 title ",
                      i, i + 1);
        sr_gp_str(gp, title);
        free(title);
    }
    sr_buf_puts(gp, "\n");
    sr_gp_end(gp, "efficiency", SR_PLOT_WIDTH, height);
}

/* A timeline of more tasks than this shows the first this many (by start):
 * past a few thousand boxes a chart is a solid block, and its files grow to
 * hundreds of megabytes. */
#define SR_TIMELINE_MAX_TASKS 2000

static int sr_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* timeline-<n>.dat from a trace: worker start_s end_s task, one box each. */
static int sr_timeline(const char *dir, const sr_curve_t *c, size_t n, sr_buf_t *dat, sr_buf_t *gp)
{
    char *path = sr_path_join(dir, c->trace);
    sr_buf_t text = {0};
    sr_csv_t csv = {0};
    int rc = -1;
    if (sr_read_file(path, &text) != 0 || sr_csv_parse(text.data, text.len, 0, &csv) != 0)
        goto out;
    int task = sr_csv_col(&csv, "task"), worker = sr_csv_col(&csv, "worker");
    int start = sr_csv_col(&csv, "start_s"), end = sr_csv_col(&csv, "end_s");
    if (task < 0 || worker < 0 || start < 0 || end < 0 || csv.nrows < 2)
        goto out;
    /* The start time of the last task shown. */
    size_t total = csv.nrows - 1;
    double cut = INFINITY;
    if (total > SR_TIMELINE_MAX_TASKS) {
        double *starts = sr_xcalloc(total, sizeof *starts);
        for (size_t r = 1; r < csv.nrows; r++)
            starts[r - 1] = strtod(sr_csv_get(&csv, r, start), NULL);
        qsort(starts, total, sizeof *starts, sr_cmp_double);
        cut = starts[SR_TIMELINE_MAX_TASKS - 1];
        free(starts);
    }
    long maxw = 0, ntask = 0;
    sr_buf_printf(dat, "# %s: worker start_s end_s task\n", c->trace);
    for (size_t r = 1; r < csv.nrows && ntask < SR_TIMELINE_MAX_TASKS; r++) {
        if (strtod(sr_csv_get(&csv, r, start), NULL) > cut)
            continue;
        long w = strtol(sr_csv_get(&csv, r, worker), NULL, 10);
        maxw = w > maxw ? w : maxw;
        ntask++;
        sr_buf_printf(dat, "%ld %s %s %s\n", w, sr_csv_get(&csv, r, start), sr_csv_get(&csv, r, end),
                      sr_csv_get(&csv, r, task));
    }
    char *name = sr_xasprintf("timeline-%zu", n);
    int height = 120 + 40 * (int)(maxw + 1);
    height = height < 400 ? 400 : (height > 4000 ? 4000 : height);
    sr_gp_begin(gp, name, "tasks per worker over time from one trace (boxes from start_s to end_s)", 1000,
                height);
    sr_buf_puts(gp, "set title ");
    char *title = (size_t)ntask < total
                      ? sr_xasprintf("%s: the first %ld of %zu tasks on %ld workers (last measured "
                                     "repetition); colour = task index",
                                     c->trace_id, ntask, total, c->trace_workers)
                      : sr_xasprintf("%s: %ld tasks on %ld workers (last measured repetition); "
                                     "colour = task index",
                                     c->trace_id, ntask, c->trace_workers);
    sr_gp_str(gp, title);
    free(title);
    sr_buf_printf(gp,
                  "\nset xlabel 'seconds from run start'\nset ylabel 'worker'\n"
                  "set yrange [-0.6:%ld.6]\nset ytics 1\nset xrange [0:*]\n"
                  "set palette rgbformulae 33,13,10\nset cblabel 'task'\n"
                  "plot '%s.dat' using (($2+$3)/2):1:2:3:($1-0.4):($1+0.4):4 \\\n"
                  "     with boxxyerror fs solid 0.8 border lc 'black' fc palette notitle\n",
                  maxw, name);
    sr_gp_end(gp, name, 1000, height);
    free(name);
    rc = 0;
out:
    sr_csv_free(&csv);
    sr_buf_free(&text);
    free(path);
    return rc;
}

static int sr_put(const char *dir, const char *name, const sr_buf_t *b, sr_strv_t *scripts, sr_err_t *err)
{
    char *path = sr_path_join(dir, name);
    int rc = sr_write_file(path, sr_buf_str(b), b->len);
    if (rc != 0)
        sr_fail(err, SR_EXIT_FAIL, "%s: %s", path, strerror(errno));
    else if (scripts && strstr(name, ".gp"))
        sr_strv_push(scripts, name);
    free(path);
    return rc;
}

static int sr_render(const char *plots, const sr_strv_t *scripts, sr_err_t *err)
{
    char *gnuplot = sr_which("gnuplot");
    if (!gnuplot) {
        fprintf(stderr, "scal-run: gnuplot is not on PATH: plots not rendered; to render them:\n"
                        "  cd %s && for f in *.gp; do gnuplot \"$f\"; done\n", plots);
        return 0;
    }
    int rc = 0;
    extern char **environ;
    for (size_t i = 0; i < scripts->n && rc == 0; i++) {
        char *argv[] = {gnuplot, scripts->v[i], NULL};
        sr_proc_spec_t spec = {argv, environ, plots, SR_GNUPLOT_TIMEOUT_S, -1};
        sr_proc_result_t res;
        if (sr_proc_run(&spec, &res, err) != 0)
            return -1;
        if (res.exit_code != 0 || res.timed_out)
            rc = sr_fail(err, SR_EXIT_FAIL, "gnuplot %s/%s failed (exit %d): %s", plots, scripts->v[i],
                         res.exit_code, sr_buf_str(&res.err_tail));
        sr_proc_result_free(&res);
    }
    free(gnuplot);
    return rc;
}

int sr_plots_write(const char *dir, const sr_summary_t *sum, sr_err_t *err)
{
    char *plots = sr_path_join(dir, "plots");
    sr_strv_t scripts = {0};
    sr_buf_t dat = {0}, gp = {0};
    int rc = -1;
    if (sr_mkdir_p(plots, 0755) != 0) {
        sr_fail(err, SR_EXIT_FAIL, "%s: %s", plots, strerror(errno));
        goto out;
    }
    long pmin, pmax;
    sr_scaling_dat(sum, &dat, &pmin, &pmax);
    if (pmin > 0) {
        if (sr_put(plots, "speedup.dat", &dat, NULL, err) != 0)
            goto out;
        sr_speedup_gp(sum, pmin, pmax, &gp);
        if (sr_put(plots, "speedup.gp", &gp, &scripts, err) != 0)
            goto out;
        sr_buf_clear(&gp);
        sr_efficiency_gp(sum, pmin, pmax, &gp);
        if (sr_put(plots, "efficiency.gp", &gp, &scripts, err) != 0)
            goto out;
    }
    for (size_t i = 0; i < sum->n; i++) {
        if (!sum->c[i].trace)
            continue;
        sr_buf_clear(&dat);
        sr_buf_clear(&gp);
        if (sr_timeline(dir, &sum->c[i], i, &dat, &gp) != 0)
            continue;   /* an unreadable trace costs its plot only */
        char *d = sr_xasprintf("timeline-%zu.dat", i), *g = sr_xasprintf("timeline-%zu.gp", i);
        int bad = sr_put(plots, d, &dat, NULL, err) != 0 || sr_put(plots, g, &gp, &scripts, err) != 0;
        free(d);
        free(g);
        if (bad)
            goto out;
    }
    rc = sr_render(plots, &scripts, err);
out:
    sr_buf_free(&dat);
    sr_buf_free(&gp);
    sr_strv_free(&scripts);
    free(plots);
    return rc;
}
