/* envinfo.h - env.txt: where and with what a study ran. */
#ifndef SR_ENVINFO_H
#define SR_ENVINFO_H

#include "sweep.h"
#include "util.h"

/* Append "key: value" lines describing this machine, this build, the
 * engines, the MPI library (mpirun --version), hwloc, git and Slurm. */
void sr_envinfo(const sr_tools_t *tools, sr_buf_t *out);

#endif
