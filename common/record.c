/* record.c - one table of record fields (the schema, exported through
 * scal_record_field) drives the csv header, csv rows, json lines and
 * scal-run's runs.csv, so they can never disagree. */
#include "scal_record.h"

#include <inttypes.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "scal_cli.h"
#include "scal_sys.h"
#include "scal_workload.h"

#define F(name, kind) {#name, SCAL_FIELD_##kind, offsetof(scal_record_t, name)}

static const scal_field_t fields[] = {
    F(engine, STR),      F(workload, STR),      F(kernel, STR),
    F(pool, STR),        F(share, STR),         F(bind, STR),
    F(ranks, INT),       F(threads, INT),       F(workers, INT),
    F(nodes, INT),       F(tasks, U64),         F(rep, INT),
    F(wall_s, DBL),      F(task_sum_s, DBL),    F(task_min_s, DBL),
    F(task_max_s, DBL),  F(speedup, DBL),       F(efficiency, DBL),
    F(first_result_s, DBL), F(setup_s, DBL),    F(checksum, HEX),
    F(valid, INT),       F(oversubscribed, INT), F(cpus, STR),
    F(pss_bytes, U64),   F(matrix_bytes_per_node, U64), F(host, STR),
    F(version, STR),     F(gil, INT),           F(chunk, U64),
    F(busy_mean_s, DBL), F(busy_max_s, DBL),    F(steal_s, DBL),
    F(nivcsw, OPT_I64),  F(others_running, DBL), F(noisy, OPT_INT),
    F(freq_mhz, DBL),    F(cycles, OPT_I64),    F(instructions, OPT_I64),
    F(rank_hosts, STR),  F(fom, DBL),           F(fom_unit, STR),
};

#define NFIELDS (sizeof fields / sizeof fields[0])

size_t scal_record_nfields(void)
{
    return NFIELDS;
}

const scal_field_t *scal_record_field(size_t i)
{
    return i < NFIELDS ? &fields[i] : NULL;
}

int scal_record_format(const scal_record_t *r, const scal_field_t *f, int json, char *buf,
                       size_t len)
{
    const char *p = (const char *)r + f->off;
    switch (f->kind) {
    case SCAL_FIELD_STR:
        /* Our strings never hold quotes, commas or newlines. */
        snprintf(buf, len, json ? "\"%s\"" : "%s", p);
        return 1;
    case SCAL_FIELD_INT:
        snprintf(buf, len, "%d", *(const int *)p);
        return 1;
    case SCAL_FIELD_U64:
        snprintf(buf, len, "%" PRIu64, *(const uint64_t *)p);
        return 1;
    case SCAL_FIELD_HEX:
        snprintf(buf, len, json ? "\"%016" PRIx64 "\"" : "%016" PRIx64, *(const uint64_t *)p);
        return 1;
    case SCAL_FIELD_DBL: {
        double v = *(const double *)p;
        if (isnan(v))
            break;
        snprintf(buf, len, "%.9g", v);
        return 1;
    }
    case SCAL_FIELD_OPT_INT: {
        int v = *(const int *)p;
        if (v < 0)
            break;
        snprintf(buf, len, "%d", v);
        return 1;
    }
    case SCAL_FIELD_OPT_I64: {
        int64_t v = *(const int64_t *)p;
        if (v < 0)
            break;
        snprintf(buf, len, "%" PRId64, v);
        return 1;
    }
    }
    snprintf(buf, len, "%s", json ? "null" : "");
    return 0;
}

/* Large enough for the longest field (cpus) quoted. */
enum { VALUE_MAX = sizeof(((scal_record_t *)0)->cpus) + 8 };

void scal_record_csv_header(FILE *fp)
{
    for (size_t i = 0; i < NFIELDS; i++)
        fprintf(fp, "%s%s", i ? "," : "", fields[i].name);
    fputc('\n', fp);
}

void scal_record_csv(FILE *fp, const scal_record_t *r)
{
    char v[VALUE_MAX];
    for (size_t i = 0; i < NFIELDS; i++) {
        scal_record_format(r, &fields[i], 0, v, sizeof v);
        fprintf(fp, "%s%s", i ? "," : "", v);
    }
    fputc('\n', fp);
}

void scal_record_json(FILE *fp, const scal_record_t *r)
{
    char v[VALUE_MAX];
    fputc('{', fp);
    for (size_t i = 0; i < NFIELDS; i++) {
        scal_record_format(r, &fields[i], 1, v, sizeof v);
        fprintf(fp, "%s\"%s\":%s", i ? "," : "", fields[i].name, v);
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
    r->busy_mean_s = r->busy_max_s = r->steal_s = r->others_running = r->freq_mhz = NAN;
    r->nivcsw = r->cycles = r->instructions = -1;
    r->noisy = -1;
    r->fom = NAN;
}

void scal_record_derive(scal_record_t *r)
{
    r->speedup = r->wall_s > 0 ? r->task_sum_s / r->wall_s : 0.0;
    r->efficiency = r->workers > 0 ? r->speedup / r->workers : 0.0;
}
