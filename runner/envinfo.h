/* envinfo.h - env.txt: where and with what a study ran. */
#ifndef SR_ENVINFO_H
#define SR_ENVINFO_H

#include "sweep.h"
#include "util.h"

/* Append "key: value" lines describing this machine, this build, the
 * engines, the MPI library (mpirun --version), hwloc, git and Slurm. */
void sr_envinfo(const sr_tools_t *tools, sr_buf_t *out);

/* A short machine-noise probe (about 10 ms): equal busy loops timed one by
 * one (their spread is preemption or frequency change), short sleeps' over-
 * shoot (timer and wake-up latency), CPU steal over the probe and the other
 * runnable tasks (/proc/stat). Appends "noise_*: ..." lines. */
void sr_noise_probe(sr_buf_t *out);

#endif
