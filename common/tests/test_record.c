/* test_record.c - the record schema drives csv and json identically: write
 * one record both ways, parse both, compare field by field by name; unknown
 * values are empty in csv and null in json; the names are unique and the
 * design's fields come first, in their order. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scal_config.h"
#include "scal_record.h"
#include "scal_workload.h"
#include "scal_test.h"

enum { MAXF = 128, MAXV = 1024 };

typedef struct parsed {
    int n;
    char name[MAXF][64];
    char value[MAXF][MAXV];
} parsed_t;

/* Split a csv header and one row (no quoting: record strings hold no
 * commas) into parsed. */
static int parse_csv(const char *text, parsed_t *p)
{
    const char *nl = strchr(text, '\n');
    if (!nl)
        return -1;
    p->n = 0;
    for (const char *s = text; s < nl && p->n < MAXF;) {
        size_t len = strcspn(s, ",\n");
        snprintf(p->name[p->n], sizeof p->name[0], "%.*s", (int)len, s);
        p->n++;
        s += len + 1;
    }
    int i = 0;
    for (const char *s = nl + 1; *s && i < p->n; i++) {
        size_t len = strcspn(s, ",\n");
        snprintf(p->value[i], sizeof p->value[0], "%.*s", (int)len, s);
        s += len;
        if (*s == ',')
            s++;
        else
            break;
    }
    return i + 1 == p->n ? 0 : -1;
}

/* Parse one flat json object of strings, numbers and nulls; strings lose
 * their quotes and are marked by a leading '"' in the value. */
static int parse_json(const char *s, parsed_t *p)
{
    p->n = 0;
    if (*s++ != '{')
        return -1;
    while (*s && *s != '}' && p->n < MAXF) {
        if (*s == ',')
            s++;
        if (*s++ != '"')
            return -1;
        size_t len = strcspn(s, "\"");
        snprintf(p->name[p->n], sizeof p->name[0], "%.*s", (int)len, s);
        s += len + 1;
        if (*s++ != ':')
            return -1;
        if (*s == '"') {
            len = strcspn(s + 1, "\"");
            snprintf(p->value[p->n], sizeof p->value[0], "\"%.*s", (int)len, s + 1);
            s += len + 2;
        } else {
            len = strcspn(s, ",}");
            snprintf(p->value[p->n], sizeof p->value[0], "%.*s", (int)len, s);
            s += len;
        }
        p->n++;
    }
    return *s == '}' ? 0 : -1;
}

static const char *lookup(const parsed_t *p, const char *name)
{
    for (int i = 0; i < p->n; i++)
        if (strcmp(p->name[i], name) == 0)
            return p->value[i];
    return NULL;
}

static void sample_record(scal_record_t *r, int unknown)
{
    memset(r, 0, sizeof *r);
    snprintf(r->engine, sizeof r->engine, "omp");
    snprintf(r->workload, sizeof r->workload, "factor");
    snprintf(r->kernel, sizeof r->kernel, "-");
    snprintf(r->pool, sizeof r->pool, "submit");
    snprintf(r->share, sizeof r->share, "-");
    snprintf(r->bind, sizeof r->bind, "compact");
    r->ranks = r->nodes = 1;
    r->threads = r->workers = 2;
    r->tasks = 32;
    r->rep = 3;
    r->wall_s = 1.25;
    r->task_sum_s = 2.4;
    r->checksum = 0x00ab00cd00ef0012ULL;
    r->valid = 1;
    snprintf(r->cpus, sizeof r->cpus, "0:0;1:1");
    r->pss_bytes = 123456789012ULL;
    snprintf(r->host, sizeof r->host, "h");
    snprintf(r->version, sizeof r->version, "0.1.0+abc");
    r->chunk = 1;
    r->busy_mean_s = 1.2;
    r->busy_max_s = 1.24;
    r->steal_s = unknown ? NAN : 0.01;
    r->nivcsw = unknown ? -1 : 17;
    r->others_running = unknown ? NAN : 0.25;
    r->noisy = unknown ? -1 : 0;
    r->freq_mhz = unknown ? NAN : 2400.5;
    r->cycles = unknown ? -1 : 5000000000LL;
    r->instructions = unknown ? -1 : 7000000000LL;
}

static void write_both(const scal_record_t *r, char **csv, char **json)
{
    size_t n1, n2;
    FILE *a = open_memstream(csv, &n1), *b = open_memstream(json, &n2);
    scal_record_csv_header(a);
    scal_record_csv(a, r);
    scal_record_json(b, r);
    fclose(a);
    fclose(b);
}

static void check_same(int unknown)
{
    scal_record_t r;
    sample_record(&r, unknown);
    char *csv = NULL, *json = NULL;
    write_both(&r, &csv, &json);
    parsed_t *c = calloc(1, sizeof *c), *j = calloc(1, sizeof *j);
    SCAL_CHECK(parse_csv(csv, c) == 0);
    SCAL_CHECK(parse_json(json, j) == 0);
    SCAL_CHECK(c->n == (int)scal_record_nfields());
    SCAL_CHECK(j->n == c->n);
    for (int i = 0; i < c->n; i++) {
        const char *jv = lookup(j, c->name[i]);
        SCAL_CHECK(jv != NULL);
        if (!jv)
            continue;
        const scal_field_t *f = scal_record_field((size_t)i);
        SCAL_CHECK(strcmp(f->name, c->name[i]) == 0);
        char buf[MAXV];
        int known = scal_record_format(&r, f, 0, buf, sizeof buf);
        if (!known) {
            /* unknown: empty in csv, null in json */
            SCAL_CHECK(c->value[i][0] == '\0');
            SCAL_CHECK(strcmp(jv, "null") == 0);
        } else if (jv[0] == '"') {
            SCAL_CHECK(f->kind == SCAL_FIELD_STR || f->kind == SCAL_FIELD_HEX);
            SCAL_CHECK(strcmp(jv + 1, c->value[i]) == 0);
        } else {
            SCAL_CHECK(strcmp(jv, c->value[i]) == 0);
            SCAL_CHECK(c->value[i][0] != '\0');
        }
    }
    /* Spot checks that the table points at the right members. */
    SCAL_CHECK(strcmp(lookup(c, "checksum"), "00ab00cd00ef0012") == 0);
    SCAL_CHECK(strcmp(lookup(c, "pss_bytes"), "123456789012") == 0);
    SCAL_CHECK(strcmp(lookup(c, "busy_max_s"), "1.24") == 0);
    SCAL_CHECK(strcmp(lookup(c, "cpus"), "0:0;1:1") == 0);
    SCAL_CHECK(strcmp(lookup(c, "nivcsw"), unknown ? "" : "17") == 0);
    SCAL_CHECK(strcmp(lookup(c, "instructions"), unknown ? "" : "7000000000") == 0);
    SCAL_CHECK(strcmp(lookup(j, "freq_mhz"), unknown ? "null" : "2400.5") == 0);
    SCAL_CHECK(strcmp(lookup(j, "noisy"), unknown ? "null" : "0") == 0);
    free(c);
    free(j);
    free(csv);
    free(json);
}

static void csv_and_json_agree_known(void)
{
    check_same(0);
}

static void csv_and_json_agree_unknown(void)
{
    check_same(1);
}

/* scal_record_init leaves the nine monitor fields and the figure of merit
 * (fom; its unit is then empty) unknown, nothing else. */
static void init_marks_monitor_unknown(void)
{
    scal_config_t cfg;
    scal_config_defaults(&cfg, "test", "omp");
    cfg.workload = "spin";
    scal_work_t work = {0};
    work.kernel = "-";
    scal_record_t r;
    scal_record_init(&r, "omp", &cfg, &work, "none", 1, 0.0);
    char buf[MAXV];
    int unknown = 0;
    for (size_t i = 0; i < scal_record_nfields(); i++)
        unknown += !scal_record_format(&r, scal_record_field(i), 0, buf, sizeof buf);
    SCAL_CHECK(unknown == 10);
    SCAL_CHECK(isnan(r.fom));
    SCAL_CHECK(isnan(r.busy_mean_s) && isnan(r.busy_max_s) && r.noisy == -1);
    SCAL_CHECK(scal_record_field(scal_record_nfields()) == NULL);
}

/* The design's fields, then gil and chunk, then the monitor's, where the
 * ranks ran and the figure of merit, in order;
 * names unique. */
static void names_and_order(void)
{
    static const char *const want[] = {
        "engine", "workload", "kernel", "pool", "share", "bind", "ranks", "threads", "workers",
        "nodes", "tasks", "rep", "wall_s", "task_sum_s", "task_min_s", "task_max_s", "speedup",
        "efficiency", "first_result_s", "setup_s", "checksum", "valid", "oversubscribed", "cpus",
        "pss_bytes", "matrix_bytes_per_node", "host", "version", "gil", "chunk", "busy_mean_s",
        "busy_max_s", "steal_s", "nivcsw", "others_running", "noisy", "freq_mhz", "cycles",
        "instructions", "rank_hosts", "fom", "fom_unit"};
    size_t n = sizeof want / sizeof want[0];
    SCAL_CHECK_EQ_U64(scal_record_nfields(), n);
    for (size_t i = 0; i < n && i < scal_record_nfields(); i++)
        SCAL_CHECK(strcmp(scal_record_field(i)->name, want[i]) == 0);
    for (size_t i = 0; i < scal_record_nfields(); i++)
        for (size_t k = i + 1; k < scal_record_nfields(); k++)
            SCAL_CHECK(strcmp(scal_record_field(i)->name, scal_record_field(k)->name) != 0);
}

int main(void)
{
    SCAL_RUN(csv_and_json_agree_known);
    SCAL_RUN(csv_and_json_agree_unknown);
    SCAL_RUN(init_marks_monitor_unknown);
    SCAL_RUN(names_and_order);
    return SCAL_TEST_END();
}
