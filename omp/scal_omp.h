/* scal_omp.h - the thread engine, callable in-process (main.c is one line). */
#ifndef SCAL_OMP_H
#define SCAL_OMP_H

/* Run scal-omp with this command line; returns the exit status:
 * 0 done and valid, 1 a run or its validation failed, 2 bad usage or input. */
int scal_omp_main(int argc, char **argv);

#endif
