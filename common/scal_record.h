/* scal_record.h - the per-repetition record every engine emits, and its
 * writers (human, csv, json).  The field list is DESIGN.md's, in its order,
 * followed by gil and chunk. */
#ifndef SCAL_RECORD_H
#define SCAL_RECORD_H

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
    /* where the ranks ran, in rank order: host names, a run of R ranks on one host as
     * "host*R", ';'-separated ("n1*2;n2*2"); ends in "..." when too long to hold */
    char rank_hosts[512];
} scal_record_t;

struct scal_config;
struct scal_work;

/* Start a record with what every engine fills alike: engine, workload,
 * kernel, pool, bind, host, version, gil, chunk, setup_s, and share "-",
 * one rank, one node.  The engine sets the rest. */
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
