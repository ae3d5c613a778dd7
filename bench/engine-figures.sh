#!/usr/bin/env bash
# engine-figures.sh - the headline figures of scal-omp and scal-mpi on this
# machine, as medians over repetitions.  A benchmark, not a test: run it on a
# quiet machine.  usage: bench/engine-figures.sh [BUILD_DIR] [REPEAT]
set -euo pipefail
build=${1:-$(cd "$(dirname "$0")/.." && pwd)/build}
R=${2:-7}
omp=$build/omp/scal-omp
mpi=$build/mpi/scal-mpi
mpiexec=${MPIEXEC:-mpiexec}

# median COLUMN: median of a csv column over the records on stdin
median() {
    awk -F, -v n="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == n) c = i; next } { print $c }' |
        sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "# $(hostname -s): $(nproc) CPUs, $(date -u +%FT%TZ), $("$omp" --version)"
echo "# medians of $R repetitions after 1 warm-up"
echo
echo "## factor, 32 tasks (base 100000001), 2 threads: speedup"
for pool in map submit as-completed; do
    printf '%-14s %s\n' "$pool" "$("$omp" factor --threads 2 --pool $pool --repeat $R --warmup 1 --format csv | median speedup)"
done
printf '%-14s %s\n' "submit --gil" "$("$omp" factor --threads 2 --pool submit --gil --repeat $R --warmup 1 --format csv | median speedup)"
printf '%-14s %s\n' "compact" "$("$omp" factor --threads 2 --pool submit --bind compact --repeat $R --warmup 1 --format csv | median speedup)"
printf '%-14s %s\n' "none" "$("$omp" factor --threads 2 --pool submit --bind none --repeat $R --warmup 1 --format csv | median speedup)"
echo
echo "## sleep, 16 tasks, mean 0.05 s, 8 threads, pool submit: speedup"
for sigma in 0.0125 0.005; do
    for gil in "" --gil; do
        # shellcheck disable=SC2086
        printf 'sigma %-6s %-6s %s\n' "$sigma" "${gil:-nogil}" "$("$omp" sleep --tasks 16 --mean 0.05 --sigma $sigma --threads 8 --pool submit $gil --repeat $R --warmup 1 --format csv 2>/dev/null | median speedup)"
    done
done
echo
echo "## spin --us 0, 10^6 tasks, 2 threads: wall x workers / tasks (us per task)"
for pool in map submit as-completed; do
    w=$("$omp" spin --us 0 --tasks 1000000 --threads 2 --pool $pool --repeat $R --warmup 1 --format csv | median wall_s)
    printf '%-14s %.3f\n' "$pool" "$(echo "$w" | awk '{ print $1 * 2 / 1e6 * 1e6 }')"
done
echo
echo "## scal-mpi, 2 ranks"
export OMPI_MCA_rmaps_base_oversubscribe=${OMPI_MCA_rmaps_base_oversubscribe:-1}
if [ "$(id -u)" = 0 ]; then export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1; fi
printf '%-28s %s\n' "factor as-completed speedup" "$("$mpiexec" -n 2 "$mpi" factor --pool as-completed --repeat $R --warmup 1 --format csv | median speedup)"
for pool in map submit as-completed; do
    w=$("$mpiexec" -n 2 "$mpi" spin --us 0 --tasks 200000 --pool $pool --repeat $R --warmup 1 --format csv | median wall_s)
    printf 'spin 0 %-21s %.3f us per task\n' "$pool" "$(echo "$w" | awk '{ print $1 * 2 / 200000 * 1e6 }')"
done
# remote round trip: a chunk of one task at a time, measured on the rank-1 worker alone
"$mpiexec" -n 2 "$mpi" spin --us 0 --tasks 20000 --pool submit --trace /tmp/scal-bench-trace.$$ --format csv >/dev/null
awk -F, 'NR > 1 && $2 == 1 { n++; if (prev != "") gap += $4 - prev; prev = $5 } END { if (n > 1) printf "spin 0 submit, remote worker: %.2f us between its tasks (%d of 20000 tasks)\n", gap / (n - 1) * 1e6, n }' /tmp/scal-bench-trace.$$
rm -f /tmp/scal-bench-trace.$$
echo
echo "## bindings of a 2-rank run"
"$mpiexec" -n 2 "$mpi" spin --tasks 2 --report-bindings --format csv 2>&1 >/dev/null | grep ' -> '
