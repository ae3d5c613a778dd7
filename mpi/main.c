/* main.c - scal-mpi: MPI ranks as the process pool. */
#include "scal_mpi.h"

int main(int argc, char **argv)
{
    return scal_mpi_main(argc, argv);
}
