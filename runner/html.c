/* html.c - index.html: a study's report as one self-contained page.
 *
 * The words and tables are summary.md's (report.c writes them once, in
 * parts), turned into HTML by a converter for the small part of markdown
 * that summary.md uses: headings, paragraphs, "- " lists, pipe tables,
 * `code` and **bold**. The plots are gnuplot's SVGs from plots/, inlined,
 * so the page needs no other file, no network and no script. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* Text with &, <, > and " escaped. */
static void sr_html_esc(sr_buf_t *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '&':
            sr_buf_puts(b, "&amp;");
            break;
        case '<':
            sr_buf_puts(b, "&lt;");
            break;
        case '>':
            sr_buf_puts(b, "&gt;");
            break;
        case '"':
            sr_buf_puts(b, "&quot;");
            break;
        default:
            sr_buf_add(b, s + i, 1);
        }
    }
}

/* Inline markdown: `code` and **bold**, every tag closed by the end. */
static void sr_html_inline(sr_buf_t *b, const char *s, size_t n)
{
    int code = 0, bold = 0;
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const char *tag = NULL;
        size_t skip = 1;
        if (s[i] == '`') {
            tag = code ? "</code>" : "<code>";
            code = !code;
        } else if (!code && s[i] == '*' && i + 1 < n && s[i + 1] == '*') {
            tag = bold ? "</strong>" : "<strong>";
            bold = !bold;
            skip = 2;
        }
        if (!tag)
            continue;
        sr_html_esc(b, s + run, i - run);
        sr_buf_puts(b, tag);
        i += skip - 1;
        run = i + 1;
    }
    sr_html_esc(b, s + run, n - run);
    if (code)
        sr_buf_puts(b, "</code>");
    if (bold)
        sr_buf_puts(b, "</strong>");
}

/* n cells of a table row as <tag> elements (right[k]: a number column). */
static void sr_html_cells(sr_buf_t *b, const char *tag, const char *row, const size_t *from, const size_t *len,
                          size_t n, const int *right)
{
    for (size_t k = 0; k < n; k++) {
        sr_buf_printf(b, right[k] ? "<%s class=\"num\">" : "<%s>", tag);
        sr_html_inline(b, row + from[k], len[k]);
        sr_buf_printf(b, "</%s>", tag);
    }
}

/* The cells of a pipe-table line: bounds of each, trimmed; '|' inside
 * `code` does not split. Returns the count (at most max). */
static size_t sr_md_cells(const char *s, size_t n, size_t max, size_t *from, size_t *len)
{
    size_t k = 0, start = 1;
    int code = 0;
    for (size_t i = 1; i <= n && k < max; i++) {
        if (i < n && s[i] == '`')
            code = !code;
        if (i < n && (s[i] != '|' || code))
            continue;
        if (i == n && i == start)
            break;
        size_t a = start, e = i;
        while (a < e && s[a] == ' ')
            a++;
        while (e > a && s[e - 1] == ' ')
            e--;
        from[k] = a;
        len[k++] = e - a;
        start = i + 1;
        if (i + 1 >= n)
            break;
    }
    return k;
}

#define SR_MD_MAX_COLS 64

static int sr_md_is_table(const char *s, size_t n)
{
    return n > 0 && s[0] == '|';
}

/* Convert markdown text into HTML appended to b. */
static void sr_md_to_html(const char *md, sr_buf_t *b)
{
    const char *p = md;
    enum { SR_MD_NONE, SR_MD_PARA, SR_MD_LIST } state = SR_MD_NONE;
    while (*p) {
        size_t n = strcspn(p, "\n");
        const char *next = p + n + (p[n] == '\n');
        int heading = 0;
        while ((size_t)heading < n && p[heading] == '#')
            heading++;
        int is_heading = heading >= 1 && heading <= 4 && (size_t)heading < n && p[heading] == ' ';
        int is_item = n >= 2 && p[0] == '-' && p[1] == ' ';
        if (state == SR_MD_PARA && (n == 0 || is_heading || is_item || sr_md_is_table(p, n))) {
            sr_buf_puts(b, "</p>\n");
            state = SR_MD_NONE;
        }
        if (state == SR_MD_LIST && !is_item) {
            sr_buf_puts(b, "</ul>\n");
            state = SR_MD_NONE;
        }
        if (n == 0) {
            p = next;
        } else if (is_heading) {
            sr_buf_printf(b, "<h%d>", heading);
            sr_html_inline(b, p + heading + 1, n - (size_t)heading - 1);
            sr_buf_printf(b, "</h%d>\n", heading);
            p = next;
        } else if (is_item) {
            if (state != SR_MD_LIST)
                sr_buf_puts(b, "<ul>\n");
            state = SR_MD_LIST;
            sr_buf_puts(b, "<li>");
            sr_html_inline(b, p + 2, n - 2);
            sr_buf_puts(b, "</li>\n");
            p = next;
        } else if (sr_md_is_table(p, n)) {
            /* header row, alignment row, body rows */
            size_t from[SR_MD_MAX_COLS], len[SR_MD_MAX_COLS], af[SR_MD_MAX_COLS], al[SR_MD_MAX_COLS];
            size_t nh = sr_md_cells(p, n, SR_MD_MAX_COLS, from, len);
            const char *row = next;
            size_t rn = strcspn(row, "\n");
            size_t na = sr_md_is_table(row, rn) ? sr_md_cells(row, rn, SR_MD_MAX_COLS, af, al) : 0;
            int right[SR_MD_MAX_COLS] = {0};
            for (size_t k = 0; k < na; k++)
                right[k] = al[k] > 0 && row[af[k] + al[k] - 1] == ':';
            sr_buf_puts(b, "<div class=\"table\"><table>\n<thead><tr>");
            sr_html_cells(b, "th", p, from, len, nh, right);
            sr_buf_puts(b, "</tr></thead>\n<tbody>\n");
            p = na ? row + rn + (row[rn] == '\n') : row;
            while (*p) {
                n = strcspn(p, "\n");
                if (!sr_md_is_table(p, n))
                    break;
                size_t nc = sr_md_cells(p, n, SR_MD_MAX_COLS, from, len);
                sr_buf_puts(b, "<tr>");
                sr_html_cells(b, "td", p, from, len, nc, right);
                sr_buf_puts(b, "</tr>\n");
                p += n + (p[n] == '\n');
            }
            sr_buf_puts(b, "</tbody></table></div>\n");
        } else {
            if (state != SR_MD_PARA)
                sr_buf_puts(b, "<p>");
            else
                sr_buf_puts(b, "\n");
            state = SR_MD_PARA;
            sr_html_inline(b, p, n);
            p = next;
        }
    }
    if (state == SR_MD_PARA)
        sr_buf_puts(b, "</p>\n");
    if (state == SR_MD_LIST)
        sr_buf_puts(b, "</ul>\n");
}

/* The plots in reading order: the scaling panels, the breakdown, the
 * spread, then each timeline. */
static const char *const sr_plot_order[] = {"speedup", "claims", "efficiency", "breakdown", "spread"};
#define SR_NPLOT_ORDER 5

static int sr_plot_rank(const char *name)
{
    for (int k = 0; k < SR_NPLOT_ORDER; k++)
        if (strcmp(name, sr_plot_order[k]) == 0)
            return k;
    return SR_NPLOT_ORDER;
}

static int sr_cmp_plot(const void *a, const void *b)
{
    const char *x = *(char *const *)a, *y = *(char *const *)b;
    int rx = sr_plot_rank(x), ry = sr_plot_rank(y);
    if (rx != ry)
        return rx - ry;
    /* timeline-2 before timeline-10 */
    size_t lx = strlen(x), ly = strlen(y);
    return lx != ly ? (lx < ly ? -1 : 1) : strcmp(x, y);
}

static const char *sr_plot_caption(const char *name)
{
    static const char *const caption[SR_NPLOT_ORDER] = {
        "Speedup per series: the median with its 95% CI as an error bar, the ideal (grey), the schedule bound"
        " (dashed) and the Amdahl fit (dotted) where the statistics allow one.",
        "The metric each lowest-* claim compares (wall, first result or PSS), per curve: median with its 95% CI.",
        "Efficiency S/p per series, with 95% CIs.",
        "Efficiency breakdown (POP) per curve: load balance, communication efficiency and computation"
        " scalability at each worker count; below the dotted line (0.8) a factor is flagged.",
        "Spread of the repetitions: each wall time over its point's median; hollow marks were flagged noisy;"
        " the shaded band is the precision asked for."};
    int r = sr_plot_rank(name);
    return r < SR_NPLOT_ORDER ? caption[r] : "Task timeline: the tasks of one run per worker over time.";
}

/* Largest plot put into the page as SVG; a larger one is linked as PNG. */
#define SR_HTML_SVG_MAX (512 * 1024)

/* The rendered plots (plots/ *.gp) inline, in reading order. */
static void sr_html_plots(const char *dir, sr_buf_t *b)
{
    char *plots = sr_path_join(dir, "plots");
    sr_strv_t names = {0};
    DIR *d = opendir(plots);
    for (struct dirent *e; d && (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        if (n > 3 && strcmp(e->d_name + n - 3, ".gp") == 0) {
            char *name = sr_xstrndup(e->d_name, n - 3);
            sr_strv_push(&names, name);
            free(name);
        }
    }
    if (d)
        closedir(d);
    if (names.n)
        qsort(names.v, names.n, sizeof *names.v, sr_cmp_plot);
    sr_buf_puts(b, "<h2 id=\"plots\">Plots</h2>\n");
    if (!names.n)
        sr_buf_puts(b, "<p>No plots: no curve had an ok run.</p>\n");
    for (size_t i = 0; i < names.n; i++) {
        char *svg = sr_xasprintf("%s/%s.svg", plots, names.v[i]);
        sr_buf_t text = {0};
        sr_buf_printf(b, "<figure id=\"plot-%s\">\n", names.v[i]);
        const char *start = NULL;
        if (sr_read_file(svg, &text) == 0)
            start = strstr(sr_buf_str(&text), "<svg");
        size_t bytes = start ? strlen(start) : 0;
        if (start && bytes > SR_HTML_SVG_MAX) {
            /* a timeline of many thousand tasks: a page that size loads slowly */
            sr_buf_printf(b, "<p>This plot is %zu KiB as SVG, too large to put in the page: "
                             "<a href=\"plots/", bytes >> 10);
            sr_html_esc(b, names.v[i], strlen(names.v[i]));
            sr_buf_puts(b, ".png\">plots/");
            sr_html_esc(b, names.v[i], strlen(names.v[i]));
            sr_buf_puts(b, ".png</a>.</p>\n");
        } else if (start) {
            sr_buf_puts(b, start);
        } else {
            sr_buf_puts(b, "<p class=\"missing\">");
            sr_html_esc(b, names.v[i], strlen(names.v[i]));
            sr_buf_puts(b, ".svg was not rendered (is gnuplot installed?): render it with <code>cd plots &amp;&amp;"
                           " gnuplot ");
            sr_html_esc(b, names.v[i], strlen(names.v[i]));
            sr_buf_puts(b, ".gp</code> and rebuild this page with <code>scal-run --report</code>.</p>\n");
        }
        sr_buf_puts(b, "<figcaption>");
        sr_html_esc(b, sr_plot_caption(names.v[i]), strlen(sr_plot_caption(names.v[i])));
        sr_buf_printf(b, " (<code>plots/%s.png</code>, <code>.svg</code>, <code>.gp</code>)</figcaption>\n</figure>\n",
                      names.v[i]);
        sr_buf_free(&text);
        free(svg);
    }
    sr_strv_free(&names);
    free(plots);
}

static const char sr_css[] =
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1b1b1b;background:#fff;"
    "margin:0}\n"
    "main{max-width:1240px;margin:0 auto;padding:12px 20px 40px}\n"
    "h1{font-size:1.5rem;margin:.4em 0}h2{font-size:1.25rem;margin-top:1.6em;border-bottom:1px solid #ccc}"
    "h3{font-size:1.05rem;margin-top:1.2em}\n"
    "nav{font-size:.9rem;margin-bottom:.6em}nav a{margin-right:1em}\n"
    "code{font:0.85em ui-monospace,monospace;background:#f3f3f3;padding:0 .2em;overflow-wrap:anywhere}\n"
    ".table{max-width:100%}\n"
    "table{border-collapse:collapse;font-size:.8rem;margin:.5em 0;max-width:100%}\n"
    "th,td{padding:2px 6px;border-bottom:1px solid #e2e2e2;vertical-align:top;text-align:left}\n"
    "th{background:#f5f5f5;font-weight:600}\n"
    ".num{text-align:right;font-variant-numeric:tabular-nums}td.num{white-space:nowrap}\n"
    "td code{overflow-wrap:normal}td:last-child code{overflow-wrap:anywhere}\n"
    "figure{margin:1em 0 2em}figure svg{display:block;max-width:100%;height:auto;border:1px solid #eee}\n"
    "figcaption{font-size:.85rem;color:#444;margin-top:.3em}\n"
    ".missing{color:#a00;font-weight:600}\n"
    "pre{font-size:.8rem;background:#f7f7f7;padding:8px;white-space:pre-wrap;overflow-wrap:anywhere}\n";

int sr_html_write(const char *dir, const sr_summary_t *sum, sr_err_t *err)
{
    sr_buf_t findings = {0}, method = {0}, details = {0}, page = {0}, env = {0};
    sr_summary_md_parts(dir, sum, &findings, &method, &details);
    sr_buf_puts(&page, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Study: ");
    sr_html_esc(&page, dir, strlen(dir));
    sr_buf_printf(&page, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n", sr_css);
    sr_buf_puts(&page, "<nav><a href=\"#findings\">Findings</a><a href=\"#plots\">Plots</a><a href=\"#details\">"
                       "Details</a><a href=\"#method\">Method</a><a href=\"#environment\">Environment</a></nav>\n"
                       "<div id=\"findings\">\n");
    sr_md_to_html(sr_buf_str(&findings), &page);
    sr_buf_puts(&page, "</div>\n");
    sr_html_plots(dir, &page);
    sr_buf_puts(&page, "<div id=\"details\">\n");
    sr_md_to_html(sr_buf_str(&details), &page);
    sr_buf_puts(&page, "</div>\n<div id=\"method\">\n");
    sr_md_to_html(sr_buf_str(&method), &page);
    sr_buf_puts(&page, "</div>\n<h2 id=\"environment\">Environment</h2>\n<pre>");
    char *envp = sr_path_join(dir, "env.txt");
    if (sr_read_file(envp, &env) == 0)
        sr_html_esc(&page, sr_buf_str(&env), env.len);
    else
        sr_buf_puts(&page, "(no env.txt)");
    free(envp);
    sr_buf_puts(&page, "</pre>\n</main>\n</body>\n</html>\n");
    char *path = sr_path_join(dir, "index.html");
    int rc = 0;
    if (sr_write_file(path, page.data, page.len) != 0)
        rc = sr_fail(err, SR_EXIT_FAIL, "%s: %s", path, strerror(errno));
    free(path);
    sr_buf_free(&findings);
    sr_buf_free(&method);
    sr_buf_free(&details);
    sr_buf_free(&page);
    sr_buf_free(&env);
    return rc;
}
