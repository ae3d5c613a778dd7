/* plot.c - gnuplot scripts and data for a study's plots, and rendering them.
 *
 * Everything goes to <results>/plots/, each script self-contained (its data
 * inline) and rendering a PNG (pngcairo, else png) and an SVG, with paths
 * relative to plots/, so `cd plots && gnuplot speedup.gp` re-renders it
 * after an edit:
 *   speedup     small multiples, one panel per series (at most six curves
 *               each): speedup with its 95% CI as error bars, the ideal,
 *               the schedule bound and the Amdahl fit where judge.c made
 *               them; the panel title says the series' claim and verdict;
 *   efficiency  the same panels for S/p;
 *   claims      for each series claiming the lowest wall, first result or
 *               PSS: that metric per curve with its 95% CI;
 *   breakdown   one panel per curve: load balance, communication efficiency
 *               and computation scalability per worker count (POP);
 *   spread      every repetition's wall / its point's median, per point,
 *               noisy repetitions hollow, the precision band shaded;
 *   timeline-<n>  tasks per worker from a curve's trace.
 * speedup.dat holds the numbers of the first three for other tools.
 *
 * Curves are told apart by colour (Okabe-Ito, safe for colour blindness)
 * and point shape, so a panel reads in black and white too; models are
 * thin dashed (schedule bound) or dotted (Amdahl) lines in their curve's
 * colour. */
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

/* Numbers for a data line, space-separated, "NaN" (gnuplot's undefined)
 * for an unknown one, then the end of the line. */
static void sr_gp_nums(sr_buf_t *b, const double *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (isfinite(v[i]))
            sr_buf_printf(b, "%s%.9g", i ? " " : "", v[i]);
        else
            sr_buf_printf(b, "%sNaN", i ? " " : "");
    }
    sr_buf_puts(b, "\n");
}

/* A whole script: header, inline data, then the body once per format. */
static void sr_gp_file(sr_buf_t *gp, const char *name, const char *what, int width, int height,
                       const sr_buf_t *data, const sr_buf_t *body)
{
    sr_buf_printf(gp,
                  "# %s.gp - %s.\n"
                  "# Written by scal-run; render with: gnuplot %s.gp (writes %s.png and %s.svg).\n"
                  "set encoding utf8\n",
                  name, what, name, name, name);
    sr_buf_add(gp, sr_buf_str(data), data->len);
    sr_buf_printf(gp,
                  "do for [fmt in 'png svg'] {\n"
                  "if (fmt eq 'svg') {\n"
                  "    set terminal svg size %d,%d noenhanced font 'sans,11' background '#ffffff'\n"
                  "} else {\n"
                  "    if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {\n"
                  "        set terminal pngcairo size %d,%d noenhanced font 'sans,10'\n"
                  "    } else {\n"
                  "        set terminal png size %d,%d noenhanced\n"
                  "    }\n"
                  "}\n"
                  "set output '%s.'.fmt\n",
                  width, height, width, height, width, height, name);
    sr_buf_add(gp, sr_buf_str(body), body->len);
    sr_buf_puts(gp, "set output\n}\n");
}

/* speedup.dat: one block per curve, every point with its CIs. */
static void sr_scaling_dat(const sr_summary_t *sum, sr_buf_t *dat, long *pmin, long *pmax)
{
    *pmin = 0;
    *pmax = 1;
    sr_buf_puts(dat, "# workers speedup efficiency median_wall_s min_wall_s max_wall_s speedup_ci_lo speedup_ci_hi"
                     " efficiency_ci_lo efficiency_ci_hi sched_speedup load_balance comm_eff comp_scalability\n");
    for (size_t i = 0; i < sum->n; i++) {
        const sr_curve_t *c = &sum->c[i];
        char *title = sr_curve_title(c);
        sr_buf_printf(dat, "%s# curve %zu: %s\n", i ? "\n\n" : "", i, title);
        free(title);
        for (size_t j = 0; j < c->nlv; j++) {
            const sr_level_t *l = &c->lv[j];
            if (!isfinite(l->speedup))
                continue;
            double v[] = {(double)l->workers, l->speedup, l->efficiency, l->median, l->min, l->max, l->sp_lo,
                          l->sp_hi, l->eff_lo, l->eff_hi, l->sched_speedup, l->pop.load_balance, l->pop.comm_eff,
                          l->pop.comp_scalability};
            sr_gp_nums(dat, v, sizeof v / sizeof *v);
            if (!*pmin || l->workers < *pmin)
                *pmin = l->workers;
            if (l->workers > *pmax)
                *pmax = l->workers;
        }
    }
}

/* ---- small multiples ---- */

#define SR_PANEL_CURVES 6
static const char *const sr_colour[SR_PANEL_CURVES] = {"#0072B2", "#D55E00", "#009E73",
                                                       "#CC79A7", "#E69F00", "#56B4E9"};
/* Filled shapes: circle, square, triangle, inverted triangle, diamond,
 * pentagon; each hollow twin is one less. */
static const int sr_point[SR_PANEL_CURVES] = {7, 5, 9, 11, 13, 15};

/* Up to SR_PANEL_CURVES curves of one series. */
typedef struct sr_panel {
    size_t idx[SR_PANEL_CURVES], n;
    int part, parts;
} sr_panel_t;

typedef int (*sr_want_fn)(const sr_curve_t *c);

/* The x factor that sets curve m of a panel a little to one side of the
 * worker count, so that error bars of one count do not hide each other. */
static double sr_curve_shift(const sr_panel_t *pn, size_t m)
{
    return pow(2.0, ((double)m - ((double)pn->n - 1) / 2) * 0.07);
}

/* Widen [*pmin, *pmax] (pmin 0: empty) to hold worker count p. */
static void sr_workers_range(long *pmin, long *pmax, long p)
{
    *pmin = !*pmin || p < *pmin ? p : *pmin;
    *pmax = p > *pmax ? p : *pmax;
}

static int sr_want_measured(const sr_curve_t *c)
{
    return c->base_workers != 0;
}

/* The panels of the curves `want` keeps: a series of k curves takes
 * ceil(k / 6) panels of near-equal size. */
static size_t sr_panels(const sr_summary_t *sum, sr_want_fn want, sr_panel_t **out)
{
    size_t n = 0;
    *out = NULL;
    size_t *keep = sr_xcalloc(sum->n ? sum->n : 1, sizeof *keep);
    for (size_t i = 0; i < sum->n;) {
        size_t j = i, k = 0;
        for (; j < sum->n && strcmp(sum->c[j].series, sum->c[i].series) == 0; j++)
            if (want(&sum->c[j]))
                keep[k++] = j;
        size_t parts = (k + SR_PANEL_CURVES - 1) / SR_PANEL_CURVES;
        for (size_t p = 0, at = 0; p < parts; p++) {
            size_t take = (k - at + (parts - p) - 1) / (parts - p);
            *out = sr_xrealloc(*out, (n + 1) * sizeof **out);
            sr_panel_t *pn = &(*out)[n++];
            *pn = (sr_panel_t){.n = take, .part = (int)p + 1, .parts = (int)parts};
            for (size_t m = 0; m < take; m++)
                pn->idx[m] = keep[at + m];
            at += take;
        }
        i = j;
    }
    free(keep);
    return n;
}

static void sr_layout(size_t panels, int pw, int ph, int *cols, int *rows, int *width, int *height)
{
    *cols = panels <= 1 ? 1 : panels == 2 || panels == 4 ? 2 : 3;
    *rows = (int)((panels + (size_t)*cols - 1) / (size_t)*cols);
    if (*rows < 1)
        *rows = 1;
    if (panels <= 1) {   /* one panel alone gets more room */
        pw = pw * 3 / 2;
        ph = ph * 3 / 2;
    }
    *width = *cols * pw;
    *height = *rows * ph + 40;
}

/* A panel's title: the series (part k/n), and its claim with the verdict. */
static void sr_panel_title(const sr_summary_t *sum, const sr_panel_t *pn, sr_buf_t *b)
{
    const sr_curve_t *c = &sum->c[pn->idx[0]];
    char *t = pn->parts > 1 ? sr_xasprintf("%s (%d/%d)", c->series, pn->part, pn->parts) : sr_xstrdup(c->series);
    sr_buf_puts(b, "set title ");
    sr_gp_str(b, t);
    free(t);
    sr_buf_t ev = {0};
    int o = sr_claim_judge(sum, c, &ev);
    sr_buf_free(&ev);
    if (o >= 0) {
        char *cl = sr_xasprintf("claim %s: %s", c->claim, sr_claim_outcome_names[o]);
        sr_buf_puts(b, ".\"\\n\".");
        sr_gp_str(b, cl);
        free(cl);
    }
    sr_buf_puts(b, " font ',11'\n");
}

/* A curve's key entry: its label, or "measured" when the series has one curve. */
static char *sr_curve_key(const sr_curve_t *c)
{
    return sr_xstrdup(c->label[0] ? c->label : "measured");
}

/* Data blocks $cI (the points) and $sI (the schedule bound up to xmax) of curve i. */
static void sr_curve_blocks(const sr_curve_t *c, size_t i, sr_buf_t *data)
{
    sr_buf_printf(data, "$c%zu << EOD\n# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi\n",
                  i);
    for (size_t j = 0; j < c->nlv; j++) {
        const sr_level_t *l = &c->lv[j];
        double v[] = {(double)l->workers, l->speedup, l->efficiency, l->sp_lo, l->sp_hi, l->eff_lo, l->eff_hi};
        if (isfinite(l->speedup))
            sr_gp_nums(data, v, sizeof v / sizeof *v);
    }
    sr_buf_puts(data, "EOD\n");
}

/* Where the schedule bound may be drawn to: its limit, at most 4x the
 * widest measured count (the panel stays about what was measured). */
static long sr_bound_xmax(const sr_curve_t *c, long pmax)
{
    if (!c->sched_ok)
        return 0;
    long lim = c->sched_limit < 4 * pmax ? c->sched_limit : 4 * pmax;
    return lim > pmax ? lim : pmax;
}

static const long sr_sched_p[SR_SCHED_NPRED] = SR_SCHED_AT;

static void sr_bound_block(const sr_curve_t *c, size_t i, long xmax, sr_buf_t *data)
{
    sr_buf_printf(data, "$s%zu << EOD\n1 1\n", i);
    for (int k = 0; k < SR_SCHED_NPRED && sr_sched_p[k] <= xmax; k++)
        if (isfinite(c->sched_pred[k]))
            sr_buf_printf(data, "%ld %.9g\n", sr_sched_p[k], c->sched_pred[k]);
    sr_buf_puts(data, "EOD\n");
}

typedef enum { SR_SPEEDUP_PANELS, SR_EFFICIENCY_PANELS } sr_panels_kind_t;

static void sr_scaling_panels(const sr_summary_t *sum, sr_panels_kind_t kind, sr_buf_t *gp)
{
    sr_panel_t *pn;
    size_t np = sr_panels(sum, sr_want_measured, &pn);
    int cols, rows, width, height;
    sr_layout(np, 470, 370, &cols, &rows, &width, &height);
    sr_buf_t data = {0}, body = {0};
    for (size_t i = 0; i < sum->n; i++)
        if (sum->c[i].base_workers)
            sr_curve_blocks(&sum->c[i], i, &data);
    int eff = kind == SR_EFFICIENCY_PANELS;
    sr_buf_printf(&body,
                  "set multiplot layout %d,%d title %s font ',13'\n"
                  "set grid lc rgb '#dddddd'\nset xlabel 'workers'\nset ylabel '%s'\nset samples 200\n"
                  "set errorbars 0.6\nset logscale x 2\n%s"
                  "set key %s left Left reverse samplen 2.5 spacing 1.1 font ',9' box opaque\n",
                  rows, cols,
                  eff ? "'Efficiency S(p)/p, median with 95% CI, per series'"
                      : "'Speedup T(1)/T(p), median with 95% CI (bootstrap), per series'",
                  eff ? "efficiency" : "speedup", eff ? "unset logscale y\n" : "set logscale y 2\n",
                  eff ? "bottom" : "top");
    for (size_t k = 0; k < np; k++) {
        long pmin = 0, pmax = 1, xmax;
        double ymax = 1;
        for (size_t m = 0; m < pn[k].n; m++)
            for (size_t j = 0; j < sum->c[pn[k].idx[m]].nlv; j++) {
                const sr_level_t *l = &sum->c[pn[k].idx[m]].lv[j];
                if (!isfinite(l->speedup))
                    continue;
                sr_workers_range(&pmin, &pmax, l->workers);
                double y = eff ? (isfinite(l->eff_hi) ? l->eff_hi : l->efficiency) : 0;
                ymax = y > ymax ? y : ymax;
            }
        xmax = pmax;
        for (size_t m = 0; m < pn[k].n; m++) {
            long b = sr_bound_xmax(&sum->c[pn[k].idx[m]], pmax);
            xmax = b > xmax ? b : xmax;
        }
        sr_panel_title(sum, &pn[k], &body);
        sr_buf_printf(&body, "set xrange [%g:%g]\n", (double)pmin / 1.3, (double)xmax * 1.3);
        if (eff)
            sr_buf_printf(&body, "set yrange [0:%g]\n", ymax * 1.25);
        else
            sr_buf_puts(&body, "set yrange [*:*]\n");
        sr_buf_printf(&body, "plot %s title 'ideal' with lines lw 1.2 lc rgb '#888888'", eff ? "1" : "x");
        /* the curves (each bar under its points), then the models */
        for (size_t m = 0; m < pn[k].n; m++) {
            size_t i = pn[k].idx[m];
            char *key = sr_curve_key(&sum->c[i]);
            sr_buf_printf(&body, ", \\\n     $c%zu using 1:%d:%d:%d with yerrorbars lw 1.2 lc rgb '%s' pt -1 notitle",
                          i, eff ? 3 : 2, eff ? 6 : 4, eff ? 7 : 5, sr_colour[m]);
            sr_buf_printf(&body, ", \\\n     $c%zu using 1:%d with linespoints lw 1.8 lc rgb '%s' pt %d ps 1.2 title ",
                          i, eff ? 3 : 2, sr_colour[m], sr_point[m]);
            sr_gp_str(&body, key);
            free(key);
        }
        int bound_titled = 0, fit_titled = 0;
        for (size_t m = 0; m < pn[k].n; m++) {
            size_t i = pn[k].idx[m];
            const sr_curve_t *c = &sum->c[i];
            const char *col = sr_colour[m];
            long bx = sr_bound_xmax(c, pmax);
            if (bx) {
                sr_bound_block(c, i, bx, &data);
                sr_buf_printf(&body, ", \\\n     $s%zu using 1:%s with linespoints dt (6,4) lw 1 lc rgb '%s'"
                                     " pt %d ps 0.6 %s",
                              i, eff ? "($2/$1)" : "2", col, sr_point[m] - 1,
                              bound_titled ? "notitle" : "title 'schedule bound'");
                bound_titled = 1;
            }
            if (c->fit_points) {
                sr_buf_printf(&body, ", \\\n     %s1/(%.9g + (1-%.9g)/x)%s with lines dt (2,3) lw 1.2 lc rgb '%s' ",
                              eff ? "(" : "", c->f, c->f, eff ? ")/x" : "", col);
                sr_buf_puts(&body, fit_titled ? "notitle" : "title 'Amdahl fit'");
                fit_titled = 1;
            }
        }
        sr_buf_puts(&body, "\n");
    }
    sr_buf_puts(&body, "unset multiplot\n");
    if (eff)
        sr_gp_file(gp, "efficiency", "parallel efficiency S/p with 95% CIs, one panel per series", width, height,
                   &data, &body);
    else
        sr_gp_file(gp, "speedup", "speedup with 95% CIs, ideal, schedule bound and Amdahl fit, one panel per series",
                   width, height, &data, &body);
    sr_buf_free(&data);
    sr_buf_free(&body);
    free(pn);
}

/* ---- the efficiency breakdown ---- */

static int sr_want_breakdown(const sr_curve_t *c)
{
    for (size_t j = 0; j < c->nlv; j++) {
        const sr_breakdown_t *m = &c->lv[j].pop;
        if (c->lv[j].nwalls && (isfinite(m->load_balance) || isfinite(m->comm_eff) ||
                                (isfinite(m->comp_scalability) && c->lv[j].workers != c->base_workers)))
            return 1;
    }
    return 0;
}

/* breakdown.gp: one panel per curve with a breakdown. 0 when none has. */
static int sr_breakdown_gp(const sr_summary_t *sum, sr_buf_t *gp)
{
    size_t n = 0;
    for (size_t i = 0; i < sum->n; i++)
        n += sr_want_breakdown(&sum->c[i]);
    if (n == 0)
        return 0;
    int cols, rows, width, height;
    sr_layout(n, 420, 300, &cols, &rows, &width, &height);
    sr_buf_t data = {0}, body = {0};
    sr_buf_printf(&body,
                  "set multiplot layout %d,%d title 'POP efficiency breakdown per worker count (1: no loss;"
                  " dotted: 0.8)' font ',12'\n"
                  "set style data histograms\nset style histogram clustered gap 1\n"
                  "set boxwidth 0.9\nset grid y lc rgb '#dddddd'\nset xlabel 'workers'\nset ylabel 'factor'\n"
                  "set key top center horizontal samplen 1.5 font ',9'\n"
                  "set arrow 1 from graph 0, first 0.8 to graph 1, first 0.8 nohead dt (2,3) lc rgb '#444444' front\n"
                  "set arrow 2 from graph 0, first 1 to graph 1, first 1 nohead lc rgb '#888888' front\n",
                  rows, cols);
    for (size_t i = 0; i < sum->n; i++) {
        const sr_curve_t *c = &sum->c[i];
        if (!sr_want_breakdown(c))
            continue;
        double ymax = 1;
        sr_buf_printf(&data, "$b%zu << EOD\n# workers load_balance comm_eff comp_scalability\n", i);
        for (size_t j = 0; j < c->nlv; j++) {
            const sr_level_t *l = &c->lv[j];
            if (!l->nwalls)
                continue;
            const sr_breakdown_t *m = &l->pop;
            double v[] = {(double)l->workers, m->load_balance, m->comm_eff, m->comp_scalability};
            sr_gp_nums(&data, v, 4);
            for (int k = 1; k < 4; k++)
                ymax = isfinite(v[k]) && v[k] > ymax ? v[k] : ymax;
        }
        sr_buf_puts(&data, "EOD\n");
        char *title = sr_curve_title(c);
        sr_buf_puts(&body, "set title ");
        sr_gp_str(&body, title);
        free(title);
        sr_buf_printf(&body, " font ',11'\nset yrange [0:%g]\nplot ", ymax * 1.3);
        /* gnuplot refuses a histogram column without a value: a factor
         * unknown at every count (no busy times) is left out, said in the key */
        static const char *const style[3] = {
            "title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000'",
            "title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000'",
            "title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'"};
        int shown = 0;
        for (int k = 0; k < 3; k++) {
            int known = 0;
            for (size_t j = 0; j < c->nlv && !known; j++) {
                const sr_breakdown_t *m = &c->lv[j].pop;
                double v = k == 0 ? m->load_balance : k == 1 ? m->comm_eff : m->comp_scalability;
                known = c->lv[j].nwalls && isfinite(v);
            }
            if (!known)
                continue;
            if (shown)
                sr_buf_printf(&body, ", \\\n     '' using %d %s", k + 2, style[k]);
            else
                sr_buf_printf(&body, "$b%zu using %d:xtic(1) %s", i, k + 2, style[k]);
            shown++;
        }
        if (shown < 3)
            sr_buf_puts(&body, ", \\\n     NaN title 'others n/a' with lines lc rgb '#ffffff'");
        sr_buf_puts(&body, "\n");
    }
    sr_buf_puts(&body, "unset multiplot\n");
    sr_gp_file(gp, "breakdown", "the POP efficiency breakdown per worker count, one panel per curve", width, height,
               &data, &body);
    sr_buf_free(&data);
    sr_buf_free(&body);
    return 1;
}

/* ---- what a lowest-* claim compares ---- */

static int sr_want_metric(const sr_curve_t *c)
{
    const char *what;
    double m, lo, hi;
    for (size_t j = 0; j < c->nlv; j++)
        if (sr_claim_metric(c, &c->lv[j], &what, &m, &lo, &hi) == 0)
            return 1;
    return 0;
}

/* claims.gp: for each series claiming the lowest wall, first result or
 * PSS, that metric per curve with its 95% CI, on a log scale. 0 when no
 * series makes such a claim. */
static int sr_claims_gp(const sr_summary_t *sum, sr_buf_t *gp)
{
    sr_panel_t *pn;
    size_t np = sr_panels(sum, sr_want_metric, &pn);
    if (np == 0) {
        free(pn);
        return 0;
    }
    int cols, rows, width, height;
    sr_layout(np, 470, 370, &cols, &rows, &width, &height);
    sr_buf_t data = {0}, body = {0};
    sr_buf_printf(&body,
                  "set multiplot layout %d,%d title 'What each lowest-* claim compares: median with 95%% CI per"
                  " curve' font ',13'\n"
                  "set grid lc rgb '#dddddd'\nset xlabel 'workers'\nset logscale x 2\nset logscale y 10\n"
                  "set errorbars 0.6\nset key top left Left reverse samplen 1 font ',9' box opaque\n",
                  rows, cols);
    for (size_t k = 0; k < np; k++) {
        long pmin = 0, pmax = 1;
        const char *what = "";
        for (size_t m = 0; m < pn[k].n; m++) {
            size_t i = pn[k].idx[m];
            const sr_curve_t *c = &sum->c[i];
            double shift = sr_curve_shift(&pn[k], m);
            sr_buf_printf(&data, "$m%zu << EOD\n# x median ci_lo ci_hi\n", i);
            for (size_t j = 0; j < c->nlv; j++) {
                double v[4];
                if (sr_claim_metric(c, &c->lv[j], &what, &v[1], &v[2], &v[3]) != 0)
                    continue;
                long p = c->lv[j].workers;
                sr_workers_range(&pmin, &pmax, p);
                v[0] = (double)p * shift;
                sr_gp_nums(&data, v, 4);
            }
            sr_buf_puts(&data, "EOD\n");
        }
        sr_panel_title(sum, &pn[k], &body);
        sr_buf_puts(&body, "set ylabel ");
        sr_gp_str(&body, what);
        sr_buf_printf(&body, "\nset xrange [%g:%g]\nplot ", (double)pmin / 1.5, (double)pmax * 1.5);
        for (size_t m = 0; m < pn[k].n; m++) {
            size_t i = pn[k].idx[m];
            char *key = sr_curve_key(&sum->c[i]);
            sr_buf_printf(&body, "%s$m%zu using 1:2:3:4 with yerrorbars lw 1.2 lc rgb '%s' pt -1 notitle",
                          m ? ", \\\n     " : "", i, sr_colour[m]);
            sr_buf_printf(&body, ", \\\n     $m%zu using 1:2 with linespoints lw 1.8 lc rgb '%s' pt %d ps 1.3 title ",
                          i, sr_colour[m], sr_point[m]);
            sr_gp_str(&body, key);
            free(key);
        }
        sr_buf_puts(&body, "\n");
    }
    sr_buf_puts(&body, "unset multiplot\n");
    sr_gp_file(gp, "claims", "the metric each lowest-* claim compares, one panel per series", width, height, &data,
               &body);
    sr_buf_free(&data);
    sr_buf_free(&body);
    free(pn);
    return 1;
}

/* ---- the spread of repetitions ---- */

static void sr_spread_gp(const sr_summary_t *sum, sr_buf_t *gp)
{
    sr_panel_t *pn;
    size_t np = sr_panels(sum, sr_want_measured, &pn);
    int cols, rows, width, height;
    sr_layout(np, 470, 340, &cols, &rows, &width, &height);
    sr_buf_t data = {0}, body = {0};
    sr_buf_printf(&body,
                  "set multiplot layout %d,%d title 'Each repetition: wall / its point''s median (hollow: noisy;"
                  " band: precision asked)' font ',12'\n"
                  "set grid lc rgb '#dddddd'\nset xlabel 'workers'\nset ylabel 'wall / median'\nset logscale x 2\n"
                  "set key top right samplen 1 font ',9' box opaque\n",
                  rows, cols);
    for (size_t k = 0; k < np; k++) {
        long pmin = 0, pmax = 1;
        const sr_curve_t *c0 = &sum->c[pn[k].idx[0]];
        double ylo = 1 - 2 * c0->precision, yhi = 1 + 2 * c0->precision;
        for (size_t m = 0; m < pn[k].n; m++) {
            size_t i = pn[k].idx[m];
            const sr_curve_t *c = &sum->c[i];
            /* each curve a little to one side of the worker count */
            double shift = sr_curve_shift(&pn[k], m);
            sr_buf_printf(&data, "$r%zu << EOD\n# x wall/median noisy\n", i);
            for (size_t j = 0; j < c->nlv; j++) {
                const sr_level_t *l = &c->lv[j];
                if (!l->nwalls || !isfinite(l->median))
                    continue;
                sr_workers_range(&pmin, &pmax, l->workers);
                for (size_t r = 0; r < l->nwalls; r++) {
                    double noisy = l->rep[SR_REP_NOISY] ? l->rep[SR_REP_NOISY][r] : NAN, y = l->walls[r] / l->median;
                    sr_buf_printf(&data, "%.6g %.6g %d\n", (double)l->workers * shift, y, isfinite(noisy) && noisy != 0);
                    ylo = y < ylo ? y : ylo;
                    yhi = y > yhi ? y : yhi;
                }
            }
            sr_buf_puts(&data, "EOD\n");
        }
        sr_panel_title(sum, &pn[k], &body);
        double pad = (yhi - ylo) * 0.08;
        sr_buf_printf(&body,
                      "set xrange [%g:%g]\nset yrange [%.6g:%.6g]\n"
                      "set object 1 rect from graph 0, first %.6g to graph 1, first %.6g fc rgb '#e8e8e8'"
                      " fs solid noborder behind\n"
                      "plot 1 notitle with lines lc rgb '#888888'",
                      (double)pmin / 1.3, (double)pmax * 1.3, ylo - pad, yhi + pad, 1 - c0->precision,
                      1 + c0->precision);
        for (size_t m = 0; m < pn[k].n; m++) {
            size_t i = pn[k].idx[m];
            char *key = sr_curve_key(&sum->c[i]);
            sr_buf_printf(&body, ", \\\n     $r%zu using 1:($3 == 0 ? $2 : NaN) with points lc rgb '%s' pt %d ps 0.9 title ",
                          i, sr_colour[m], sr_point[m]);
            sr_gp_str(&body, key);
            free(key);
            sr_buf_printf(&body, ", \\\n     $r%zu using 1:($3 != 0 ? $2 : NaN) with points lc rgb '%s' pt %d ps 1.1 notitle",
                          i, sr_colour[m], sr_point[m] - 1);
        }
        sr_buf_puts(&body, "\nunset object 1\n");
    }
    sr_buf_puts(&body, "unset multiplot\n");
    sr_gp_file(gp, "spread", "every repetition's wall time over its point's median, one panel per series", width,
               height, &data, &body);
    sr_buf_free(&data);
    sr_buf_free(&body);
    free(pn);
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
    sr_buf_t body = {0}, none = {0};
    sr_buf_puts(&body, "set grid\nset title ");
    char *title = (size_t)ntask < total
                      ? sr_xasprintf("%s: the first %ld of %zu tasks on %ld workers (last measured "
                                     "repetition); colour = task index",
                                     c->trace_id, ntask, total, c->trace_workers)
                      : sr_xasprintf("%s: %ld tasks on %ld workers (last measured repetition); "
                                     "colour = task index",
                                     c->trace_id, ntask, c->trace_workers);
    sr_gp_str(&body, title);
    free(title);
    sr_buf_printf(&body,
                  "\nset xlabel 'seconds from run start'\nset ylabel 'worker'\n"
                  "set yrange [-0.6:%ld.6]\nset ytics 1\nset xrange [0:*]\n"
                  "set palette rgbformulae 33,13,10\nset cblabel 'task'\n"
                  "plot '%s.dat' using (($2+$3)/2):1:2:3:($1-0.4):($1+0.4):4 \\\n"
                  "     with boxxyerror fs solid 0.8 border lc 'black' fc palette notitle\n",
                  maxw, name);
    sr_gp_file(gp, name, "tasks per worker over time from one trace (boxes from start_s to end_s)", 1000, height,
               &none, &body);
    sr_buf_free(&body);
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
    /* One gnuplot for every script (each after a `reset`): its start-up
     * costs more than most of the plots. */
    int rc = 0;
    if (scripts->n == 0) {
        free(gnuplot);
        return 0;
    }
    extern char **environ;
    sr_strv_t argv = {0};
    sr_strv_push(&argv, gnuplot);
    for (size_t i = 0; i < scripts->n; i++) {
        sr_strv_push(&argv, "-e");
        sr_strv_push(&argv, "reset");
        sr_strv_push(&argv, scripts->v[i]);
    }
    sr_proc_spec_t spec = {argv.v, environ, plots, SR_GNUPLOT_TIMEOUT_S, -1, 0};
    sr_proc_result_t res;
    if (sr_proc_run(&spec, &res, err) != 0) {
        rc = -1;
    } else {
        if (res.exit_code != 0 || res.timed_out)
            rc = sr_fail(err, SR_EXIT_FAIL, "gnuplot in %s failed (exit %d): %s", plots, res.exit_code,
                         sr_buf_str(&res.err_tail));
        sr_proc_result_free(&res);
    }
    sr_strv_free(&argv);
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
        sr_scaling_panels(sum, SR_SPEEDUP_PANELS, &gp);
        if (sr_put(plots, "speedup.gp", &gp, &scripts, err) != 0)
            goto out;
        sr_buf_clear(&gp);
        sr_scaling_panels(sum, SR_EFFICIENCY_PANELS, &gp);
        if (sr_put(plots, "efficiency.gp", &gp, &scripts, err) != 0)
            goto out;
        sr_buf_clear(&gp);
        sr_spread_gp(sum, &gp);
        if (sr_put(plots, "spread.gp", &gp, &scripts, err) != 0)
            goto out;
        sr_buf_clear(&gp);
        if (sr_breakdown_gp(sum, &gp) && sr_put(plots, "breakdown.gp", &gp, &scripts, err) != 0)
            goto out;
        sr_buf_clear(&gp);
        if (sr_claims_gp(sum, &gp) && sr_put(plots, "claims.gp", &gp, &scripts, err) != 0)
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
