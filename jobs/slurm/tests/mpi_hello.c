/* mpi_hello.c - the smallest MPI program that proves a launch really wired the ranks together.
 *
 * Each rank prints one line:
 *   mpi_hello rank R of N on HOST sum S cpus CPUS
 * where S is the MPI_Allreduce sum of all ranks (N*(N-1)/2 when every rank took part) and CPUS is
 * the list of PUs the rank may run on (Cpus_allowed_list), to show the launcher's binding.
 * Exit status 0 when the sum is right, 1 otherwise.
 */
#include <mpi.h>
#include <stdio.h>
#include <string.h>

static void allowed_cpus(char *buf, size_t n)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[512];

    snprintf(buf, n, "?");
    if (!f)
        return;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "Cpus_allowed_list:", 18) == 0) {
            char *p = line + 18;
            p += strspn(p, " \t");
            p[strcspn(p, "\n")] = '\0';
            snprintf(buf, n, "%s", p);
            break;
        }
    }
    fclose(f);
}

int main(int argc, char **argv)
{
    int rank, size, len, sum = 0;
    char host[MPI_MAX_PROCESSOR_NAME];
    char cpus[256];

    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    MPI_Get_processor_name(host, &len);
    MPI_Allreduce(&rank, &sum, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
    allowed_cpus(cpus, sizeof cpus);
    printf("mpi_hello rank %d of %d on %s sum %d cpus %s\n", rank, size, host, sum, cpus);
    fflush(stdout);
    MPI_Finalize();
    return sum == size * (size - 1) / 2 ? 0 : 1;
}
