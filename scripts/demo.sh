#!/usr/bin/env bash
# demo.sh - install what is missing, build, and run the demo study
# (jobs/demo.job: the seed's demos 1, 1b, 1c, 1d and 2 on this machine), then
# print its summary and where the results and plots are.
set -euo pipefail
source "$(dirname "$0")/common.sh"
scal_install_deps
scal_build_tree
# Open MPI will not start as root, nor more ranks than cores, unless told;
# the demo is a user's first run, so say it here rather than in the job file.
if [ "$(id -u)" -eq 0 ]; then
    export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
fi
if [ "$(nproc)" -lt 2 ]; then
    export OMPI_MCA_rmaps_base_oversubscribe=1
fi
out=${SCAL_DEMO_OUT:-$scal_root/results/demo/$(date -u +%Y%m%dT%H%M%SZ)}
status=0
"$scal_build/runner/scal-run" --out "$out" "$scal_root/jobs/demo.job" || status=$?
if [ -f "$out/summary.md" ]; then
    cat "$out/summary.md"
    echo
    echo "results: $out (runs.csv, summary.md, plots/*.png, traces/, env.txt)"
fi
exit $status
