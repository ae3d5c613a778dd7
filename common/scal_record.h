/* scal_record.h - the per-repetition record every engine emits, its schema
 * (one table of fields: name, kind, offset) and the writers it drives (csv
 * header, csv rows, json lines; scal-run builds runs.csv from the same
 * table).  The field list is DESIGN.md's, in its order, followed by gil and
 * chunk, then the noise monitor's evidence (scal_noise.h).  A field may be
 * unknown: csv leaves it empty, json writes null. */
#ifndef SCAL_RECORD_H
#define SCAL_RECORD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct scal_record {
    char engine[8];
    char workload[16];
    char kernel[16];   /* paths kernel; "-" otherwise */
    char pool[16];
    char share[16];    /* scal-mpi paths sharing; "-" otherwise */
    char bind[16];
    int ranks, threads, workers, nodes;
    uint64_t tasks;
    int rep;           /* 1-based measured repetition */
    double wall_s, task_sum_s, task_min_s, task_max_s;
    double speedup, efficiency; /* sum / wall, speedup / workers */
    double first_result_s, setup_s;
    uint64_t checksum;
    int valid, oversubscribed;
    char cpus[512];    /* PUs the workers ran on, ';'-separated, worker order */
    uint64_t pss_bytes, matrix_bytes_per_node;
    char host[64];
    char version[64];
    int gil;
    uint64_t chunk;
    /* The noise monitor (scal_noise.h).  Unknown: NAN for doubles, -1 for
     * the integers. */
    double busy_mean_s, busy_max_s; /* per-worker sum of task times: mean, max */
    double steal_s;                 /* CPU steal on the workers' CPUs */
    int64_t nivcsw;                 /* involuntary context switches */
    double others_running;          /* other runnable tasks, mean of samples */
    int noisy;                      /* 0/1 by the thresholds in scal_noise.h */
    double freq_mhz;                /* mean current frequency of the workers' CPUs */
    int64_t cycles, instructions;   /* user-space counters summed over workers */
    /* where the ranks ran, in rank order: host names, a run of R ranks on one host as
     * "host*R", ';'-separated ("n1*2;n2*2"); ends in "..." when too long to hold */
    char rank_hosts[512];
    /* the repetition's figure of merit (a workload's, such as triad's GB/s;
     * NAN: none) and its unit */
    double fom;
    char fom_unit[16];
} scal_record_t;

/* How a field is written.  The OPT kinds are unknown when negative, a
 * double when NaN. */
typedef enum scal_field_kind {
    SCAL_FIELD_STR,     /* char[]; json quotes it */
    SCAL_FIELD_INT,     /* int */
    SCAL_FIELD_U64,     /* uint64_t */
    SCAL_FIELD_DBL,     /* double, %.9g; NaN: unknown */
    SCAL_FIELD_HEX,     /* uint64_t as 16 hex digits; json quotes it */
    SCAL_FIELD_OPT_INT, /* int; negative: unknown */
    SCAL_FIELD_OPT_I64, /* int64_t; negative: unknown */
} scal_field_kind_t;

typedef struct scal_field {
    const char *name;
    scal_field_kind_t kind;
    size_t off; /* offsetof(scal_record_t, name) */
} scal_field_t;

/* The schema: fields 0 .. scal_record_nfields() - 1, in record order. */
size_t scal_record_nfields(void);
const scal_field_t *scal_record_field(size_t i);

/* Format field f of r into buf as csv (json = 0) or json (json = 1) writes
 * it; an unknown value gives "" (csv) or "null" (json).  Returns 1 if the
 * value is known, 0 if not. */
int scal_record_format(const scal_record_t *r, const scal_field_t *f, int json, char *buf,
                       size_t len);

struct scal_config;
struct scal_work;

/* Start a record with what every engine fills alike: engine, workload,
 * kernel, pool, bind, host, version, gil, chunk, setup_s, and share "-",
 * one rank, one node, every noise field unknown.  The engine sets the rest. */
void scal_record_init(scal_record_t *r, const char *engine, const struct scal_config *cfg,
                      const struct scal_work *work, const char *bind, uint64_t chunk,
                      double setup_s);

/* csv: the header line. */
void scal_record_csv_header(FILE *fp);
/* csv: one row. */
void scal_record_csv(FILE *fp, const scal_record_t *r);
/* json: one object on one line. */
void scal_record_json(FILE *fp, const scal_record_t *r);

/* Set speedup and efficiency from task_sum_s, wall_s and workers. */
void scal_record_derive(scal_record_t *r);

#endif
