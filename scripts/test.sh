#!/usr/bin/env bash
# test.sh - install what is missing, build with warnings as errors, and run
# every test under CTest.  Extra arguments go to ctest (e.g. -R omp).
#
# Stages, each in its own build folder:
#   1. build/        the normal build and every test                  (always)
#   2. build-asan/   everything under AddressSanitizer + UBSan, every
#                    test again (SCAL_SANITIZE=ON)           (CI=true, or SCAL_TEST_SANITIZE=1)
#   3. build-fuzz/   each libFuzzer target for SCAL_FUZZ_SECONDS
#                    (30 under CI), fuzz/run.sh     (CI=true, or SCAL_FUZZ_SECONDS set)
# SCAL_TEST_SANITIZE=0 or SCAL_FUZZ_SECONDS=0 turn a stage off.
set -euo pipefail
source "$(dirname "$0")/common.sh"
scal_install_deps
# A real local Slurm (jobs/slurm/tests/) for the end-to-end Slurm tests,
# Debian's python3 with numpy for the seed's Python pools side by side, and
# python3-igraph, the independent reference of the graph tests (tests/graphs.sh),
# and Chromium for the index.html test (runner/tests/html_report.sh).
scal_install_optional slurm-wlm munge python3 python3-numpy python3-igraph $SCAL_TEST_PACKAGES

ci=${CI:-false}
sanitize=${SCAL_TEST_SANITIZE:-$([ "$ci" = true ] && echo 1 || echo 0)}
fuzz_seconds=${SCAL_FUZZ_SECONDS:-$([ "$ci" = true ] && echo 30 || echo 0)}
timings=()
stage_start=0
begin() { stage_start=$(date +%s); echo "== test.sh: $1" >&2; }
end() { timings+=("$1: $(($(date +%s) - stage_start)) s"); }

begin "build and test ($scal_build)"
scal_build_tree -DSCAL_WERROR=ON
(cd "$scal_build" && ctest --output-on-failure -j 2 "$@")
end "build + tests"

if [ "$sanitize" = 1 ]; then
    begin "build and test under ASan + UBSan"
    # The Slurm and multi-node tests start private daemons and nodes; the normal stage covers them.
    scal_build=${SCAL_ASAN_BUILD_DIR:-$scal_root/build-asan} \
        scal_build_tree -DSCAL_WERROR=ON -DSCAL_SANITIZE=ON -DSCAL_TEST_SLURM=OFF -DSCAL_TEST_MULTINODE=OFF
    (cd "${SCAL_ASAN_BUILD_DIR:-$scal_root/build-asan}" && ctest --output-on-failure -j 2 "$@")
    end "sanitizers"
fi

if [ "$fuzz_seconds" != 0 ]; then
    begin "fuzz each target for $fuzz_seconds s"
    SCAL_FUZZ_SECONDS=$fuzz_seconds "$scal_root/fuzz/run.sh"
    end "fuzzing"
fi
printf 'test.sh: %s\n' "${timings[@]}" >&2
