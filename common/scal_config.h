/* scal_config.h - one run's configuration, shared by every engine.
 *
 * The command line parses into this struct (cli.c); defaults live in
 * scal_config_defaults() and nowhere else. */
#ifndef SCAL_CONFIG_H
#define SCAL_CONFIG_H

#include <stdint.h>

typedef enum { SCAL_POOL_MAP, SCAL_POOL_SUBMIT, SCAL_POOL_AS_COMPLETED } scal_pool_t;
typedef enum { SCAL_FMT_HUMAN, SCAL_FMT_CSV, SCAL_FMT_JSON } scal_format_t;
typedef enum { SCAL_SHARE_WINDOW, SCAL_SHARE_COPY, SCAL_SHARE_PER_TASK } scal_share_t;
typedef enum { SCAL_STORAGE_AUTO, SCAL_STORAGE_BITSET, SCAL_STORAGE_SPARSE } scal_storage_t;
typedef enum { SCAL_GEN_UNIFORM, SCAL_GEN_KRON } scal_generator_t;

/* Which engine parses a command line: options carry a mask of these. */
enum { SCAL_ENGINE_OMP = 1u << 0, SCAL_ENGINE_MPI = 1u << 1 };

typedef struct scal_config {
    const char *engine;      /* "omp" or "mpi" */
    const char *prog;        /* program name for messages */
    const char *workload;    /* factor | sleep | spin */

    /* dispatch */
    int threads;             /* workers per process (omp: all workers) */
    int pool;                /* scal_pool_t */
    uint64_t chunk;          /* tasks per dispatch; 0 = the pool's default */
    int repeat, warmup;
    int format;              /* scal_format_t */
    const char *out_path, *trace_path;
    int show;                /* results listed in the human report */
    int gil;                 /* scal-omp: emulate a global interpreter lock */
    double switch_interval;  /* seconds between forced GIL hand-offs */
    int ranks_per_node;      /* scal-mpi: emulated node size; 0 = real nodes */
    int bind;                /* scal_bind_policy_t; AUTO unless --bind given */
    int report_bindings;     /* print each worker's place on stderr */
    int topology;            /* print the topology and exit */

    /* workloads */
    uint64_t tasks;
    uint64_t base;           /* factor: task k factorizes base + k */
    double mean, sigma;      /* sleep: seconds */
    uint64_t seed;
    double us;               /* spin: microseconds per task */
    uint64_t bytes;          /* triad: bytes each task streams (its worker's three arrays) */

    /* paths */
    uint64_t nodes;          /* M, graph nodes (generated graph) */
    double fraction;         /* p, edge probability */
    uint64_t pairs;          /* Q, generated query pairs */
    const char *pairs_file;  /* CSV source,target instead of generated pairs */
    const char *graph_file;  /* Matrix Market instead of a generated graph */
    const char *write_graph; /* write the graph as Matrix Market */
    int max_hop;             /* H */
    int kernel;              /* scal_kernel_t: bitset | matvec */
    int storage;             /* scal_storage_t: auto | bitset | sparse */
    int generator;           /* scal_generator_t: uniform | kron */
    int scale;               /* kron: 2^scale nodes */
    uint64_t edge_factor;    /* kron: edges per node */
    int graph_format;        /* scal_graph_format_t: auto | mtx | snap | el */
    int group;               /* a task is all pairs of one source */
    int share;               /* scal-mpi: scal_share_t */
} scal_config_t;

/* Fill every field with its default. `engine` is "omp" or "mpi". */
void scal_config_defaults(scal_config_t *cfg, const char *prog, const char *engine);

#define SCAL_DEFAULT_TASKS 32
#define SCAL_DEFAULT_BASE 100000001ULL
#define SCAL_DEFAULT_MEAN 1.0
#define SCAL_DEFAULT_SIGMA 0.25
#define SCAL_DEFAULT_SEED 1
#define SCAL_DEFAULT_SWITCH_INTERVAL 0.005
#define SCAL_DEFAULT_SHOW 16
#define SCAL_DEFAULT_NODES 4096
#define SCAL_DEFAULT_FRACTION 0.01
#define SCAL_DEFAULT_PAIRS 1000
#define SCAL_DEFAULT_MAX_HOP 8
#define SCAL_DEFAULT_SCALE 16
#define SCAL_DEFAULT_EDGE_FACTOR 16
#define SCAL_DEFAULT_BYTES (64ULL << 20)

/* Most tasks or query pairs one run takes (--tasks, --pairs, a pairs file). */
#define SCAL_MAX_TASKS 100000000ULL

#endif
