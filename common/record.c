/* record.c - one table of record fields drives the csv header, csv rows and
 * json lines, so the three can never disagree. */
#include "scal_record.h"

#include <inttypes.h>
#include <stddef.h>
#include <string.h>

#include "scal_cli.h"
#include "scal_sys.h"
#include "scal_workload.h"

typedef enum { F_STR, F_INT, F_U64, F_DBL, F_HEX } field_kind_t;

typedef struct field {
    const char *name;
    field_kind_t kind;
    size_t off;
} field_t;

#define F(name, kind) {#name, kind, offsetof(scal_record_t, name)}

static const field_t fields[] = {
    F(engine, F_STR),      F(workload, F_STR),      F(kernel, F_STR),
    F(pool, F_STR),        F(share, F_STR),         F(bind, F_STR),
    F(ranks, F_INT),       F(threads, F_INT),       F(workers, F_INT),
    F(nodes, F_INT),       F(tasks, F_U64),         F(rep, F_INT),
    F(wall_s, F_DBL),      F(task_sum_s, F_DBL),    F(task_min_s, F_DBL),
    F(task_max_s, F_DBL),  F(speedup, F_DBL),       F(efficiency, F_DBL),
    F(first_result_s, F_DBL), F(setup_s, F_DBL),    F(checksum, F_HEX),
    F(valid, F_INT),       F(oversubscribed, F_INT), F(cpus, F_STR),
    F(pss_bytes, F_U64),   F(matrix_bytes_per_node, F_U64), F(host, F_STR),
    F(version, F_STR),     F(gil, F_INT),           F(chunk, F_U64),
    F(rank_hosts, F_STR),
};

#define NFIELDS (sizeof fields / sizeof fields[0])

/* Write one value; json quotes strings and the hex checksum. */
static void put_value(FILE *fp, const scal_record_t *r, const field_t *f, int json)
{
    const char *p = (const char *)r + f->off;
    switch (f->kind) {
    case F_STR:
        /* Our strings never hold quotes, commas or newlines. */
        fprintf(fp, json ? "\"%s\"" : "%s", p);
        break;
    case F_INT:
        fprintf(fp, "%d", *(const int *)p);
        break;
    case F_U64:
        fprintf(fp, "%" PRIu64, *(const uint64_t *)p);
        break;
    case F_DBL:
        fprintf(fp, "%.9g", *(const double *)p);
        break;
    case F_HEX:
        fprintf(fp, json ? "\"%016" PRIx64 "\"" : "%016" PRIx64, *(const uint64_t *)p);
        break;
    }
}

void scal_record_csv_header(FILE *fp)
{
    for (size_t i = 0; i < NFIELDS; i++)
        fprintf(fp, "%s%s", i ? "," : "", fields[i].name);
    fputc('\n', fp);
}

void scal_record_csv(FILE *fp, const scal_record_t *r)
{
    for (size_t i = 0; i < NFIELDS; i++) {
        if (i)
            fputc(',', fp);
        put_value(fp, r, &fields[i], 0);
    }
    fputc('\n', fp);
}

void scal_record_json(FILE *fp, const scal_record_t *r)
{
    fputc('{', fp);
    for (size_t i = 0; i < NFIELDS; i++) {
        fprintf(fp, "%s\"%s\":", i ? "," : "", fields[i].name);
        put_value(fp, r, &fields[i], 1);
    }
    fputs("}\n", fp);
}

void scal_record_init(scal_record_t *r, const char *engine, const scal_config_t *cfg,
                      const scal_work_t *work, const char *bind, uint64_t chunk, double setup_s)
{
    memset(r, 0, sizeof *r);
    snprintf(r->engine, sizeof r->engine, "%s", engine);
    snprintf(r->workload, sizeof r->workload, "%s", cfg->workload);
    snprintf(r->kernel, sizeof r->kernel, "%s", work->kernel);
    snprintf(r->pool, sizeof r->pool, "%s", scal_pool_name(cfg->pool));
    snprintf(r->share, sizeof r->share, "-");
    snprintf(r->bind, sizeof r->bind, "%s", bind);
    r->ranks = r->nodes = 1;
    r->setup_s = setup_s;
    scal_hostname(r->host, sizeof r->host);
    snprintf(r->rank_hosts, sizeof r->rank_hosts, "%s", r->host);
    snprintf(r->version, sizeof r->version, "%s", scal_version());
    r->gil = cfg->gil;
    r->chunk = chunk;
}

void scal_record_derive(scal_record_t *r)
{
    r->speedup = r->wall_s > 0 ? r->task_sum_s / r->wall_s : 0.0;
    r->efficiency = r->workers > 0 ? r->speedup / r->workers : 0.0;
}
