#!/bin/bash
# A tiny real study end to end: scal-run finds scal-omp and scal-mpi in its
# build tree and runs factor (small base) and spin over both. Every run is ok
# and valid, checksums agree across pools, worker counts and engines, traces
# turn into timeline plots, and the summary covers every point.
. "$(dirname "$0")/lib.sh"
unset SCAL_ENGINE_DIR

# Running as root and four ranks on two cores are test-harness settings (as in mpi/).
cat > real.job <<'JOB'
[global]
tasks = 16
repeat = 2
max-repeat = 2
warmup = 0
timeout = 120

[factor-omp]
engine = omp
workload = factor
base = 1000001
pool = map, submit
workers = 1,2

[spin-omp]
engine = omp
workload = spin
us = 1000
workers = 1,2

[factor-mpi]
engine = mpi
workload = factor
base = 1000001
launcher = mpirun
workers = 1,2
env = OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
JOB

"$SCAL_RUN" --out res real.job 2> progress.txt
rc=$?
cat progress.txt
check "the real study exits 0" [ $rc -eq 0 ]
check "runs.csv: 8 runs x 2 repetitions, whole rows" eval '[ "$(lines res/runs.csv)" -eq 17 ] && rows_whole res/runs.csv'
check "every run ok" [ "$(csv_col status res/runs.csv | sort -u)" = ok ]
check "every record valid" [ "$(csv_col valid res/runs.csv | sort -u)" = 1 ]
check "records come from both engines" [ "$(csv_col engine res/runs.csv | sort -u | tr '\n' ' ')" = "mpi omp " ]
factor_sums=$(csv_awk '$c["workload"] == "factor" { print $c["checksum"] }' res/runs.csv | sort -u | wc -l)
check "factor checksum identical across pools, worker counts and engines" [ "$factor_sums" -eq 1 ]
check "engines found in the build tree" grep -q '^engine_omp: .*/omp/scal-omp$' res/env.txt
check "a trace per run, from both engines" [ "$(ls res/traces | wc -l)" -eq 8 ]
check "summary covers every point" [ "$(lines res/summary.csv)" -eq 9 ]
for p in speedup efficiency timeline-0 timeline-1 timeline-2; do
    check "plots/$p.png is a PNG image" png_ok "res/plots/$p.png"
done
finish
