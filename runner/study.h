/* study.h - scal-run's command line and the study it drives.
 *
 * main() only calls sr_main(), so the whole tool can run in-process. */
#ifndef SR_STUDY_H
#define SR_STUDY_H

/* Run scal-run with these arguments. Returns its exit status: 0 every run
 * ok; 1 a run (or the report) failed; 2 bad usage or a bad job file. */
int sr_main(int argc, char **argv);

#endif
