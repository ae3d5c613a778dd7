#!/usr/bin/env bash
# demo.sh - install what is missing, build, and run the seed's demo 1 story
# on this machine's cores: I/O-bound work scales on threads with or without
# a GIL; CPU-bound work scales on free threads and not under the GIL.
set -euo pipefail
source "$(dirname "$0")/common.sh"
scal_install_deps
scal_build_tree
omp=$scal_build/omp/scal-omp
n=${SCAL_DEMO_THREADS:-$(nproc)}
[ "$n" -ge 2 ] || n=2

run() {
    echo
    echo "### $*"
    "$omp" "$@"
}
echo "scalestudy demo on $(hostname -s): $(nproc) CPUs, $n threads"
run sleep --tasks 16 --mean 0.1 --sigma 0.025 --threads 1 --show 0
run sleep --tasks 16 --mean 0.1 --sigma 0.025 --threads 8 --pool submit --show 0
run sleep --tasks 16 --mean 0.1 --sigma 0.025 --threads 8 --pool submit --gil --show 0
run factor --tasks 16 --base 30000001 --threads 1 --show 0
run factor --tasks 16 --base 30000001 --threads "$n" --pool submit --show 0
run factor --tasks 16 --base 30000001 --threads "$n" --pool submit --gil --show 0
run factor --tasks 8 --base 30000001 --threads "$n" --pool as-completed
