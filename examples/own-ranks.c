/* own-ranks.c - your own function over MPI ranks, reading a large array
 * held once per node in shared memory (the seed's demo 2 pattern): task k
 * sums block k of the array, with every pool.  Run it with mpirun -n N. */
#include <inttypes.h>
#include <stdio.h>
#include <scalestudy_mpi.h>

#define N ((uint64_t)1 << 22) /* 32 MiB of values, one copy per node */
#define TASKS 64

static uint64_t value(const uint64_t *a, uint64_t i) { return a ? a[i] : i * 2654435761u % 1000003; }

/* The node's ranks fill their parts of the block at the same time. */
static void fill(void *ctx, void *block, size_t bytes, int part, int nparts)
{
    uint64_t *a = block, n = bytes / 8, end = n * (uint64_t)(part + 1) / (uint64_t)nparts;
    for (uint64_t i = n * (uint64_t)part / (uint64_t)nparts; i < end; i++)
        a[i] = value(ctx, i);
}

/* Sum block k of a (the shared array), or of the formula (a == NULL). */
static uint64_t sum(const uint64_t *a, uint64_t k)
{
    uint64_t s = 0;
    for (uint64_t i = k * (N / TASKS); i < (k + 1) * (N / TASKS); i++)
        s += value(a, i);
    return s;
}

static void block_sum(void *ctx, uint64_t k, void *result) { *(uint64_t *)result = sum(ctx, k); }
/* Untimed: the same sum straight from the formula. */
static int check(void *ctx, uint64_t k, const void *res) { return (void)ctx, sum(NULL, k) == *(const uint64_t *)res; }

int main(int argc, char **argv)
{
    int provided, rank, bad = 0;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_MULTIPLE, &provided);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    scalestudy_error_t err;
    scalestudy_shared_t *sh = scalestudy_shared_create(MPI_COMM_WORLD, N * 8, fill, NULL, &err);
    scalestudy_taskset_t ts = {.name = "block-sum", .ntasks = TASKS, .result_size = 8,
                               .run = block_sum, .check = check,
                               .ctx = sh ? (void *)scalestudy_shared_ptr(sh) : NULL};
    for (int pool = 0; sh && scalestudy_pool_name(pool); pool++) {
        scalestudy_options_t opt;
        scalestudy_options_init(&opt), opt.pool = pool;
        scalestudy_run_t *run = scalestudy_mpi_run(&ts, &opt, &err);
        if (!run || scalestudy_run_status(run, &err) != 0)
            bad = 1;
        else if (rank == 0)
            printf("%-12s checksum %016" PRIx64 ", %d node copy\n", scalestudy_pool_name(pool),
                   scalestudy_run_checksum(run), scalestudy_shared_nodes(sh));
        scalestudy_run_free(run);
    }
    if (!sh || bad) fprintf(stderr, "own-ranks: rank %d: %s\n", rank, err.message);
    scalestudy_shared_free(sh);
    MPI_Finalize();
    return !sh || bad;
}
