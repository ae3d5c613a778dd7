#!/usr/bin/env bash
# run.sh - build the libFuzzer targets with clang in their own folder and
# fuzz each for a bounded time; exit non-zero if any input crashed, leaked,
# broke a check, timed out or ran out of memory.
#
#   fuzz/run.sh                 every target, SCAL_FUZZ_SECONDS (default 60) each
#   fuzz/run.sh fuzz_mmio       one target
#
# Targets run side by side (one per core, at most SCAL_FUZZ_JOBS, default
# nproc).  Each starts from its seed corpus (fuzz/corpus/NAME, the regressions
# and, for job files, jobs/*.job) copied into the build folder, where what it
# learns accumulates from run to run.  A failing input is saved as
# $SCAL_FUZZ_BUILD_DIR/artifacts/TARGET-crash-...; once the bug is fixed, copy
# it into fuzz/regressions/NAME/ so that fuzz.NAME_replay keeps testing it.
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"

seconds=${SCAL_FUZZ_SECONDS:-60}
jobs=${SCAL_FUZZ_JOBS:-$(nproc)}
build=${SCAL_FUZZ_BUILD_DIR:-$scal_root/build-fuzz}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_mmio fuzz_pairs fuzz_edgelist fuzz_jobfile)

# clang, its libFuzzer runtime, and its OpenMP runtime (the project needs one).
scal_install_deps clang libclang-rt-dev libomp-dev
cc=${SCAL_FUZZ_CC:-$(command -v clang || true)}
[ -n "$cc" ] || { echo "fuzz: clang not found (set SCAL_FUZZ_CC)" >&2; exit 1; }

# CC is read when the folder is first configured (a later change of compiler
# would make CMake drop the cache, and our options with it).
CC=$cc cmake -S "$scal_root" -B "$build" -DSCAL_FUZZ=ON \
    -DSCAL_TEST_SLURM=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >&2
cmake --build "$build" -j "$(nproc)" --target "${targets[@]}" >&2

fuzz_one() { # fuzz_one TARGET: runs it; its log is $build/logs/TARGET.log
    local t=$1 name=${1#fuzz_}
    local corpus=$build/corpus/$name
    mkdir -p "$corpus" "$build/artifacts" "$build/logs"
    cp "$scal_root/fuzz/corpus/$name/"* "$scal_root/fuzz/regressions/$name/"* "$corpus/" 2>/dev/null || true
    [ "$name" = jobfile ] && cp "$scal_root"/jobs/*.job "$corpus/" 2>/dev/null
    local dict=()
    [ -f "$scal_root/fuzz/$name.dict" ] && dict=(-dict="$scal_root/fuzz/$name.dict")
    "$build/fuzz/$t" "$corpus" "${dict[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 \
        -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" \
        > "$build/logs/$t.log" 2>&1
}

declare -A pid status
running=0
for t in "${targets[@]}"; do
    if [ "$running" -ge "$jobs" ]; then
        wait -n || true
        running=$((running - 1))
    fi
    echo "fuzz: $t for ${seconds} s" >&2
    fuzz_one "$t" &
    pid[$t]=$!
    running=$((running + 1))
done
failed=0
for t in "${targets[@]}"; do
    if wait "${pid[$t]}"; then status[$t]=ok; else status[$t]=FAILED; failed=1; fi
done

# One line per target: executions, time, corpus size, and the verdict.
for t in "${targets[@]}"; do
    log=$build/logs/$t.log
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    echo "fuzz: $t: ${status[$t]}: ${runs:-?} executions in ${secs:-?} s (${rate:-?}/s), ${cov:-cov: ?}, corpus $(ls "$build/corpus/${t#fuzz_}" | wc -l) inputs"
    if [ "${status[$t]}" != ok ]; then
        grep -E 'ERROR|SUMMARY|fuzz_[a-z]*: .*:[0-9]+:|Test unit written' "$log" | head -20 >&2
        echo "fuzz: $t: whole log in $log" >&2
    fi
done
exit $failed
