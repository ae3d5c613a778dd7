/* integrate_mpi.c - a small MPI program of the kind scal-run studies with
 * engine = command, launch = mpi: the same pi integral as integrate_omp.c,
 * each rank summing its own block of the N points, the partial sums reduced
 * on rank 0, which prints the answer and the time from a barrier before the
 * work to the end of the reduction:
 *
 *   pi = 3.141592653589793 (error 2.1e-14) on 2 ranks
 *   time: 0.2431 s
 *
 * usage: mpirun -n R integrate-mpi [POINTS]   (default 200000000) */
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    long long n = argc > 1 ? atoll(argv[1]) : 200000000LL;
    if (n < 1) {
        if (rank == 0)
            fprintf(stderr, "integrate-mpi: POINTS must be a whole number >= 1, not '%s'\n", argv[1]);
        MPI_Finalize();
        return 2;
    }
    const double h = 1.0 / (double)n;
    long long lo = n * rank / size, hi = n * (rank + 1) / size;
    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime(), part = 0.0, sum = 0.0;
    for (long long i = lo; i < hi; i++) {
        double x = ((double)i + 0.5) * h;
        part += 4.0 / (1.0 + x * x);
    }
    MPI_Reduce(&part, &sum, 1, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
    double t = MPI_Wtime() - t0;
    int bad = 0;
    if (rank == 0) {
        double pi = sum * h;
        printf("pi = %.15f (error %.1e) on %d ranks\n", pi, fabs(pi - M_PI), size);
        printf("time: %.6f s\n", t);
        bad = fabs(pi - M_PI) >= 1e-6;
    }
    MPI_Finalize();
    return bad;
}
