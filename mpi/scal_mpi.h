/* scal_mpi.h - the process engine, callable in-process (main.c is one line). */
#ifndef SCAL_MPI_H
#define SCAL_MPI_H

/* Run scal-mpi with this command line on every rank (MPI_Init and
 * MPI_Finalize inside); returns the exit status: 0 done and valid, 1 a run
 * or its validation failed, 2 bad usage or input (the same on every rank). */
int scal_mpi_main(int argc, char **argv);

#endif
