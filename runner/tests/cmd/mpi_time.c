/* mpi_time.c - a stranger's MPI program for the engine = command tests: rank
 * 0 prints a time whose value is known, 1 / ranks seconds, and on stderr
 * how many ranks and threads per rank it was given. */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int one = 1, sum = 0;
    MPI_Reduce(&one, &sum, 1, MPI_INT, MPI_SUM, 0, MPI_COMM_WORLD);
    if (rank == 0) {
        const char *t = getenv("OMP_NUM_THREADS");
        fprintf(stderr, "mpi_time: ranks=%d OMP_NUM_THREADS=%s\n", sum, t ? t : "(unset)");
        printf("time: %.6f s\n", 1.0 / sum);
    }
    MPI_Finalize();
    return 0;
}
