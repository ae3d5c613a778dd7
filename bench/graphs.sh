#!/usr/bin/env bash
# graphs.sh - scalestudy's sparse paths search side by side with the GAP
# Benchmark Suite (github.com/sbeamer/gapbs) on the same Kronecker edge list,
# by hand (not a test: timings depend on the machine).
#
#   GAPBS=/path/to/built/gapbs bench/graphs.sh [SCALE...]     (default 16 18 20)
#
# GAPBS is a gapbs checkout built outside this project (make bfs converter).
# Per scale: GAP's converter writes a symmetrized Kronecker graph (-g S -k 16
# -s) as an .el file into $GRAPHS_DIR (default /tmp); then, alternating A B A B
# for $RUNS rounds (default 3):
#   A  GAP's bfs -f FILE -n 8: read and build time, and the trial time per
#      source (one full BFS each);
#   B  paths_bench on the same file, sparse storage: read and build time
#      (lists, CSR rows, CSC columns) and the time per query (source, target
#      drawn uniformly, no hop limit), and the same pairs on bitset storage
#      while its bit matrix fits in 2 GiB (scales up to 16).
# Both run with OMP_NUM_THREADS=$THREADS (default 1).  Peak resident memory
# comes from /usr/bin/time.  Every line of output is one measurement; the
# summary at the end gives medians and min-max.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
gap=${GAPBS:?set GAPBS to a built gapbs checkout}
dir=${GRAPHS_DIR:-/tmp}
runs=${RUNS:-3}
threads=${THREADS:-1}
bench=${PATHS_BENCH:-$here/build/common/paths_bench}
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(16 18 20)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
export OMP_NUM_THREADS=$threads

for s in "${scales[@]}"; do
    el=$dir/kron$s.el
    [ -s "$el" ] || "$gap/converter" -g "$s" -k 16 -s -e "$el" >&2
    for r in $(seq "$runs"); do
        out=$(/usr/bin/time -f "rss_kb %M" "$gap/bfs" -f "$el" -n 8 2>&1)
        read_s=$(awk '/^Read Time/ { print $3 }' <<<"$out")
        build_s=$(awk '/^Build Time/ { print $3 }' <<<"$out")
        trial_s=$(awk '/^Average Time/ { print $3 }' <<<"$out")
        rss=$(awk '/^rss_kb/ { print $2 }' <<<"$out")
        echo "scale=$s run=$r gap read_s=$read_s build_s=$build_s bfs_per_source_s=$trial_s rss_kb=$rss" | tee -a "$log"
        kernels=(sparse)
        [ "$s" -le 16 ] && kernels+=(bitset)
        for k in "${kernels[@]}"; do
            out=$(/usr/bin/time -f "rss_kb %M" "$bench" --graph "$el" --kernel "$k" --h 1000000 \
                --q 4000 --reps 3 --sample 8 2>&1)
            per_q=$(sed -n 's/.*median=\([0-9.]*\) us\/query wall.*/\1/p' <<<"$out")
            load=$(sed -n 's/^load: threads=[0-9]* read \([0-9.]*\) s, build \([0-9.]*\) s.*/read_s=\1 build_s=\2/p' <<<"$out")
            rss=$(awk '/^rss_kb/ { print $2 }' <<<"$out")
            grep -q "validation.*PASS" <<<"$out" || { echo "paths_bench failed: $out" >&2; exit 1; }
            echo "scale=$s run=$r scal-$k $load query_us=$per_q rss_kb=$rss" | tee -a "$log"
        done
    done
done

# Medians and min-max per scale and program.
echo "--- medians (min-max) over $runs runs, OMP_NUM_THREADS=$threads"
awk '{
    key = $1 " " $3
    for (i = 4; i <= NF; i++) { split($i, kv, "="); v[key, kv[1], ++n[key, kv[1]]] = kv[2]; names[key, kv[1]] = 1 }
    keys[key] = 1
}
function median(key, f,    k, a, i, j, t) {
    k = n[key, f]
    for (i = 1; i <= k; i++) a[i] = v[key, f, i]
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return sprintf("%s (%s-%s)", a[int((k + 1) / 2)], a[1], a[k])
}
END {
    for (key in keys) {
        line = key
        for (kf in names) { split(kf, p, SUBSEP); if (p[1] == key) line = line " " p[2] "=" median(key, p[2]) }
        print line
    }
}' "$log" | sort
