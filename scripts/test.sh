#!/usr/bin/env bash
# test.sh - install what is missing, build with warnings as errors, and run
# every test under CTest.  Extra arguments go to ctest (e.g. -R omp).
set -euo pipefail
source "$(dirname "$0")/common.sh"
scal_install_deps
# A real local Slurm (jobs/slurm/tests/) for the end-to-end Slurm tests, and
# Debian's python3 with numpy for the seed's Python pools side by side.
scal_install_optional slurm-wlm munge python3 python3-numpy
scal_build_tree -DSCAL_WERROR=ON
cd "$scal_build"
ctest --output-on-failure -j 2 "$@"
