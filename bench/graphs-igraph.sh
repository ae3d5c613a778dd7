#!/usr/bin/env bash
# graphs-igraph.sh - the paths workload's distances against igraph (an independent BFS) on large
# graphs, by hand (a full check at scales the tests cannot afford): for each SCALE a Kronecker
# graph (edge factor 16, seed 1), both as generated (--generator kron) and as read back from the
# .el file scal-omp wrote of it (--graph FILE.el), answers sampled pairs (uniform, no hop limit)
# with every storage that fits, scal-omp on 1 and 2 threads, scal-mpi on 2 ranks with every
# share mode (window, copy, per-task) and on 4 ranks as 2 emulated nodes (window). The first run
# of a scale is checked pair by pair against igraph (tests/graph_reference.py); every other run
# must give the same answers, byte for byte, and the same checksum.
#
#   bench/graphs-igraph.sh [SCALE...]        (default 16 18 20)
#
# Environment: SCAL_OMP, SCAL_MPI (default build/omp/scal-omp, build/mpi/scal-mpi), MPIEXEC
# (mpirun), PAIRS (200 pairs), GRAPHS_DIR (a temporary directory, removed after), BITSET_MAX
# (bitset storage while it needs at most this many bytes: 1.1 GB, i.e. scale 16 and below),
# STORAGES (the storages to run, e.g. "sparse": instead of every one that fits).
# Needs python3-igraph (and numpy, to read scale-20 files in reasonable time). As root, Open
# MPI needs OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1, and on a machine with fewer
# cores than ranks OMPI_MCA_rmaps_base_oversubscribe=1.
# Output: one line per run (scale, graph, storage, engine, result, setup seconds), then
# "graphs-igraph.sh: N runs, F failed"; exit 0 when every run agrees.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
omp=${SCAL_OMP:-$here/build/omp/scal-omp}
mpi=${SCAL_MPI:-$here/build/mpi/scal-mpi}
mpiexec=${MPIEXEC:-mpirun}
pairs=${PAIRS:-200}
bitset_max=${BITSET_MAX:-1100000000}
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(16 18 20)
for s in "${scales[@]}"; do
    [[ "$s" =~ ^[0-9]+$ ]] && [ "$s" -ge 4 ] && [ "$s" -le 26 ] ||
        { echo "graphs-igraph.sh: scale '$s' is not 4..26" >&2; exit 2; }
done
for b in "$omp" "$mpi"; do
    [ -x "$b" ] || { echo "graphs-igraph.sh: no $b: build first, or set SCAL_OMP / SCAL_MPI" >&2; exit 2; }
done
# the distribution's python3 first: igraph comes from its package
python=""
for py in /usr/bin/python3 python3; do
    if command -v "$py" >/dev/null && "$py" -c 'import igraph' 2>/dev/null; then python=$py; break; fi
done
[ -n "$python" ] || { echo "graphs-igraph.sh: python3-igraph is not installed" >&2; exit 2; }
if [ -n "${GRAPHS_DIR:-}" ]; then
    dir=$GRAPHS_DIR
    mkdir -p "$dir"
else
    dir=$(mktemp -d)
    trap 'rm -rf "$dir"' EXIT
    trap 'exit 143' TERM INT HUP
fi
H=1000000
runs=0 failed=0

# col NAME: column NAME of the last csv record on stdin
col() { awk -F, -v n="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == n) c = i } NR > 1 { v = $c } END { print v }'; }

# run LABEL ANSWERS COMMAND...: one run; the first of a scale goes to igraph, the others are
# compared with it
run() {
    local label=$1 answers=$2
    shift 2
    runs=$((runs + 1))
    local verdict
    if ! "$@" --pairs "$pairs" --max-hop $H --format csv --out "$dir/out.csv" >"$dir/rec.csv" 2>"$dir/err" </dev/null; then
        verdict="FAILED: $(tail -n 2 "$dir/err" | tr '\n' ' ')"
    elif [ "$(col valid <"$dir/rec.csv")" != 1 ]; then
        verdict="FAILED: the run's own validation"
    elif [ ! -e "$answers" ]; then
        if "$python" "$here/tests/graph_reference.py" "$el" "$dir/out.csv" $H >"$dir/ref.log" 2>&1; then
            verdict="ok: $(tail -n 1 "$dir/ref.log" | sed 's/^graph_reference: //')"
            cp "$dir/out.csv" "$answers"
            col checksum <"$dir/rec.csv" >"$answers.sum"
        else
            verdict="FAILED: $(tail -n 3 "$dir/ref.log" | tr '\n' ' ')"
        fi
    elif ! cmp -s "$dir/out.csv" "$answers"; then
        verdict="FAILED: answers differ from the run igraph checked"
    elif [ "$(col checksum <"$dir/rec.csv")" != "$(cat "$answers.sum")" ]; then
        verdict="FAILED: checksum differs from the run igraph checked"
    else
        verdict="ok: same answers as the igraph-checked run"
    fi
    case $verdict in FAILED*) failed=$((failed + 1)) ;; esac
    printf '%s  kernel=%s setup_s=%s  %s\n' "$label" "$(col kernel <"$dir/rec.csv" 2>/dev/null)" \
        "$(col setup_s <"$dir/rec.csv" 2>/dev/null)" "$verdict"
}

for s in "${scales[@]}"; do
    el=$dir/kron$s.el
    gen=(--generator kron --scale "$s" --edge-factor 16 --seed 1)
    "$omp" paths "${gen[@]}" --storage sparse --pairs 1 --write-graph "$el" >/dev/null 2>"$dir/err" ||
        { echo "scale $s: writing $el failed: $(cat "$dir/err")" >&2; failed=$((failed + 1)); continue; }
    answers=$dir/answers$s.csv
    rm -f "$answers" "$answers.sum"
    m=$((1 << s))
    storages=(sparse)
    # bitset: m rows and m columns of m bits
    [ $((m / 64 * m * 2 * 8)) -le "$bitset_max" ] && storages+=(bitset)
    [ -z "${STORAGES:-}" ] || read -r -a storages <<<"$STORAGES"
    for source in generated read; do
        if [ $source = generated ]; then graph=("${gen[@]}"); else graph=(--graph "$el" --seed 1); fi
        for storage in "${storages[@]}"; do
            p="scale=$s graph=$source storage=$storage"
            run "$p omp threads=1" "$answers" "$omp" paths "${graph[@]}" --storage "$storage" --threads 1
            run "$p omp threads=2" "$answers" "$omp" paths "${graph[@]}" --storage "$storage" --threads 2 --group
            for share in window copy per-task; do
                # per-task sends the graph with every chunk: a few large chunks
                extra=()
                [ $share = per-task ] && extra=(--chunk $((pairs / 4)))
                run "$p mpi ranks=2 share=$share" "$answers" timeout 1800 "$mpiexec" -n 2 "$mpi" paths \
                    "${graph[@]}" --storage "$storage" --share $share --pool as-completed "${extra[@]}"
            done
            run "$p mpi ranks=4 nodes=2 share=window" "$answers" timeout 1800 "$mpiexec" -n 4 "$mpi" paths \
                "${graph[@]}" --storage "$storage" --share window --ranks-per-node 2 --pool as-completed
        done
    done
    rm -f "$el"
done
echo "graphs-igraph.sh: $runs runs, $failed failed"
[ "$failed" = 0 ]
