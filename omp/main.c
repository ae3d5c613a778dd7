/* main.c - scal-omp: OpenMP threads as the free-threaded thread pool. */
#include "scal_omp.h"

int main(int argc, char **argv)
{
    return scal_omp_main(argc, argv);
}
