#!/usr/bin/env bash
# graphs.sh - the paths workload on generated (uniform, Kronecker) and read
# (Matrix Market, SNAP edge list, GAP .el) graphs: every storage, engine,
# thread count and share mode answers sampled pairs exactly as igraph does
# (graph_reference.py), and bad graph files are refused with exit 2.
# usage: graphs.sh CASE   (omp | mpi | refusals)
# Environment: SCAL_OMP, SCAL_MPI, MPIEXEC (as the fault tests get them).
set -u
case_name=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*" >&2; fail=$((fail + 1)); }

H=6
PAIRS=(--pairs 400 --max-hop $H)

python=""
for py in /usr/bin/python3 python3; do
    if command -v "$py" >/dev/null && "$py" -c 'import igraph' 2>/dev/null; then python=$py; break; fi
done

# Columns by name: csv_last NAME, the last csv record's on stdin.
. "$(dirname "$0")/csv.sh"

# The graphs, written once as edge lists for igraph and as the files the
# read cases take.
make_graphs() {
    "$SCAL_OMP" paths --generator kron --scale 11 --edge-factor 8 --seed 7 --pairs 1 \
        --write-graph "$tmp/kron.el" >/dev/null 2>&1 || bad "writing kron.el"
    "$SCAL_OMP" paths --generator kron --scale 11 --edge-factor 8 --seed 7 --pairs 1 \
        --write-graph "$tmp/kron.mtx" >/dev/null 2>&1 || bad "writing kron.mtx"
    "$SCAL_OMP" paths --nodes 2500 --fraction 0.0015 --seed 9 --pairs 1 \
        --write-graph "$tmp/uniform.el" >/dev/null 2>&1 || bad "writing uniform.el"
    # a SNAP file: a description, column names, tabs
    { echo "# Directed graph: test"; echo "# FromNodeId	ToNodeId"
      grep -v '^#' "$tmp/uniform.el" | tr ' ' '\t'; } > "$tmp/uniform.txt"
}

# sources: name|reference edge list|options (the seed is the pairs' too)
sources() {
    echo "kron|kron.el|--generator kron --scale 11 --edge-factor 8 --seed 7"
    echo "uniform|uniform.el|--nodes 2500 --fraction 0.0015 --seed 9"
    echo "mtx|kron.el|--graph $tmp/kron.mtx --seed 7"
    echo "el|kron.el|--graph $tmp/kron.el --seed 7"
    echo "snap|uniform.el|--graph $tmp/uniform.txt --seed 9"
}

# check NAME GRAPH ANSWERS COMMAND...: run it; the first run of a graph is
# compared with igraph and its answers (and record checksum) kept in ANSWERS,
# every later run's answers and checksum must equal them.
check() {
    local name=$1 ref=$2 answers=$3
    shift 3
    if ! "$@" "${PAIRS[@]}" --format csv --out "$tmp/out.csv" >"$tmp/rec.csv" 2>"$tmp/err"; then
        bad "$name: run failed: $(tail -2 "$tmp/err")"
        return
    fi
    [ "$(csv_last valid <"$tmp/rec.csv")" = 1 ] && ok || bad "$name: not valid"
    csv_last kernel <"$tmp/rec.csv" >"$tmp/kernel"
    local sum
    sum=$(csv_last checksum <"$tmp/rec.csv")
    if [ ! -e "$answers" ]; then
        if "$python" "$here/graph_reference.py" "$ref" "$tmp/out.csv" $H >"$tmp/ref.log" 2>&1; then
            ok
            cp "$tmp/out.csv" "$answers"
            echo "$sum" >"$answers.sum"
        else
            bad "$name: $(tail -3 "$tmp/ref.log")"
        fi
    elif cmp -s "$tmp/out.csv" "$answers"; then
        ok
        [ "$sum" = "$(cat "$answers.sum")" ] && ok ||
            bad "$name: checksum $sum, not $(cat "$answers.sum") as in the run igraph checked"
    else
        bad "$name: answers differ from the run igraph checked"
    fi
}

[ "$case_name" = refusals ] || [ -n "$python" ] ||
    { echo "SKIP: python3-igraph is not installed" >&2; exit 77; }

case $case_name in
omp)
    make_graphs
    # every storage x threads x grouping on the generated graphs; on the
    # files (read paths of the same graphs) one run per storage
    while IFS='|' read -r name ref opts; do
        case $name in
        kron | uniform) runs="1: 2: 1:--group 2:--group" ;;
        *) runs="2:--group" ;;
        esac
        for storage in sparse bitset; do
            for run in $runs; do
                threads=${run%%:*} group=${run#*:}
                # shellcheck disable=SC2086
                check "omp $name $storage threads=$threads $group" "$tmp/$ref" \
                    "$tmp/$name.answers" "$SCAL_OMP" paths $opts --storage $storage \
                    --threads $threads $group
                [ "$(cat "$tmp/kernel")" = $storage ] && ok ||
                    bad "$name: the record says kernel $(cat "$tmp/kernel"), not $storage"
            done
        done
    done < <(sources)
    ;;
mpi)
    make_graphs
    while IFS='|' read -r name ref opts; do
        case $name in
        kron) shares="window copy per-task" ;;
        el | snap) shares=window ;;
        *) continue ;;
        esac
        # shellcheck disable=SC2086
        check "omp $name" "$tmp/$ref" "$tmp/$name.answers" "$SCAL_OMP" paths $opts --threads 1
        for share in $shares; do
            # 4 ranks as 2 emulated nodes of 2
            # shellcheck disable=SC2086
            check "mpi $name sparse share=$share" "$tmp/$ref" "$tmp/$name.answers" \
                timeout 120 "$MPIEXEC" -n 4 "$SCAL_MPI" paths $opts --storage sparse \
                --share $share --ranks-per-node 2 --pool as-completed </dev/null
        done
        if [ $name = kron ]; then
            # the Kronecker graph drawn into the window by 3 ranks, and by 2 ranks of 2
            # threads (uneven and threaded parts): the one-process graph, same checksum
            # shellcheck disable=SC2086
            check "mpi kron sparse 3 ranks window" "$tmp/$ref" "$tmp/$name.answers" \
                timeout 120 "$MPIEXEC" -n 3 "$SCAL_MPI" paths $opts --storage sparse \
                --share window --pool as-completed </dev/null
            # shellcheck disable=SC2086
            check "mpi kron sparse 2x2 threads window" "$tmp/$ref" "$tmp/$name.answers" \
                timeout 120 "$MPIEXEC" -n 2 "$SCAL_MPI" paths $opts --storage sparse \
                --share window --threads 2 </dev/null
        fi
        # shellcheck disable=SC2086
        check "mpi $name bitset window" "$tmp/$ref" "$tmp/$name.answers" \
            timeout 120 "$MPIEXEC" -n 2 "$SCAL_MPI" paths $opts --storage bitset --share window \
            --threads 2 </dev/null
    done < <(sources)
    ;;
refusals)
    # bad graph files: exit 2, FILE:LINE and the bad value named, no --out written
    refuse() { # refuse FILE CONTENT EXPECTED-MESSAGE
        printf '%b' "$2" >"$tmp/$1"
        "$SCAL_OMP" paths --graph "$tmp/$1" --out "$tmp/never.csv" >/dev/null 2>"$tmp/err"
        local rc=$?
        [ $rc = 2 ] && ok || bad "$1: exit $rc, not 2"
        grep -qF -- "$tmp/$1:$3" "$tmp/err" && ok || bad "$1: message '$(cat "$tmp/err")' lacks ':$3'"
        [ ! -e "$tmp/never.csv" ] && ok || bad "$1: --out written"
    }
    refuse beyond.mtx '%%MatrixMarket matrix coordinate pattern general\n3 3 1\n1 4\n' \
        "3: column index 4 is outside 1..3"
    refuse negative.el '0 1\n-5 2\n' "2: source id '-5' is negative"
    refuse wide.el '0 4294967296\n' "1: target id '4294967296' is not below 2^32"
    refuse nodes.el '2147483647 1\n' "1: id 2147483647 needs more than the 2147483647 nodes"
    refuse trunc.el '0 1\n1 2\n2 3' "3: the last line has no end of line"
    refuse trunc.mtx '%%MatrixMarket matrix coordinate pattern general\n3 3 3\n1 2\n' \
        "4: the file ends after 1 of the 3"
    refuse short.txt '# Nodes: 5 Edges: 3\n0 1\n' "3: the file ends after 1 of the 3 edges"
    refuse huge.txt '# Nodes: 2000000000 Edges: 3\n0 1\n' "1: a graph of 2000000000 nodes"
    refuse huge.mtx '%%MatrixMarket matrix coordinate pattern general\n2000000000 2000000000 1\n1 2\n' \
        "2: a graph of 2000000000 nodes"
    # a Kronecker graph too large for memory is refused before it is generated
    timeout 60 "$SCAL_OMP" paths --generator kron --scale 30 --edge-factor 1024 >/dev/null 2>"$tmp/err"
    rc=$?
    [ $rc = 2 ] && grep -q "bytes" "$tmp/err" && ok || bad "kron scale 30: exit $rc ($(cat "$tmp/err"))"
    ;;
*)
    echo "graphs.sh: unknown case $case_name" >&2
    exit 2
    ;;
esac
echo "graphs.sh $case_name: $pass passed, $fail failed"
[ "$fail" = 0 ]
