#!/usr/bin/env bash
# mpi-tests.sh - scal-mpi started the way users start it (mpiexec -n N):
# every workload, pool and rank count gives the serial checksum of scal-omp;
# hybrid and emulated-node runs too; bad input exits 2 with one message.
# usage: mpi-tests.sh MPIEXEC SCAL_MPI SCAL_OMP CASE
set -u
mpiexec=$1 mpi=$2 omp=$3 case_name=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*" >&2; fail=$((fail + 1)); }

# Columns by name: csv_col (every row), csv_last (the last), csv_awk.
. "$(dirname "$0")/../../tests/csv.sh"

run_mpi() { # run_mpi NP ARGS...: csv on stdout
    local np=$1
    shift
    timeout 120 "$mpiexec" -n "$np" "$mpi" "$@" --format csv 2>"$tmp/err"
}

serial() { "$omp" "$@" --threads 1 --format csv 2>/dev/null | csv_last checksum; }

# sanitized_keep: 0 for every combination a case tries, except in the
# sanitizer build (SCAL_TEST_SANITIZED), where half of them, every value of
# each loop still coming up (keep, skip, skip, keep, ...): the normal build
# checks every combination's result; the sanitizers look for memory errors,
# which follow the code paths, and each launch under them costs ten.
combo=0
sanitized_keep() {
    local c=$combo
    combo=$((combo + 1))
    [ -z "${SCAL_TEST_SANITIZED:-}" ] || [ $(((c + c / 2) % 2)) -eq 0 ]
}

same_as_serial() { # same_as_serial WORKLOAD ARGS...
    local ref got
    ref=$(serial "$@")
    [ -n "$ref" ] || { bad "no serial checksum for $*"; return; }
    for np in 1 2 4; do
        for pool in map submit as-completed; do
            for chunk in "" "--chunk 3"; do
                sanitized_keep || continue
                # shellcheck disable=SC2086
                got=$(run_mpi $np "$@" --pool $pool $chunk | csv_last checksum)
                if [ "$got" = "$ref" ]; then ok; else
                    bad "np=$np $* pool=$pool $chunk: checksum '$got' != serial '$ref' ($(tail -3 "$tmp/err"))"
                fi
            done
        done
    done
}

case $case_name in
checksums)
    same_as_serial factor --tasks 20 --base 1000001
    same_as_serial sleep --tasks 10 --mean 0.002 --sigma 0.001 --seed 4
    same_as_serial spin --tasks 300 --us 2
    # triad: each rank's arrays are its own; every pool and rank count gives the serial
    # checksum, every record is valid, with its GB/s
    ref=$(serial triad --tasks 8 --bytes 48000)
    for np in 1 2 4; do
        for pool in map submit as-completed; do
            sanitized_keep || continue
            run_mpi $np triad --tasks 8 --bytes 48000 --pool $pool >"$tmp/triad.csv"
            [ "$(csv_last checksum <"$tmp/triad.csv")" = "$ref" ] && [ "$(csv_last valid <"$tmp/triad.csv")" = 1 ] &&
                [ "$(csv_last fom_unit <"$tmp/triad.csv")" = GB/s ] && ok ||
                bad "triad np=$np pool=$pool: checksum $(csv_last checksum <"$tmp/triad.csv") (serial $ref), valid $(csv_last valid <"$tmp/triad.csv")"
        done
    done
    ;;
hybrid)
    ref=$(serial factor --tasks 24 --base 1000001)
    for pool in map submit as-completed; do
        out=$(run_mpi 2 factor --tasks 24 --base 1000001 --threads 2 --pool $pool)
        [ "$(echo "$out" | csv_last checksum)" = "$ref" ] && ok || bad "hybrid 2x2 $pool checksum"
        [ "$(echo "$out" | csv_last workers)" = 4 ] && [ "$(echo "$out" | csv_last threads)" = 2 ] && ok || bad "hybrid 2x2 $pool: workers/threads fields"
        # four workers, four cpus listed
        [ "$(echo "$out" | csv_last cpus | tr ';' '\n' | wc -l)" = 4 ] && ok || bad "hybrid $pool: cpus field"
    done
    ;;
emulated-nodes)
    ref=$(serial factor --tasks 16 --base 1000001)
    out=$(run_mpi 4 factor --tasks 16 --base 1000001 --ranks-per-node 2 --pool submit)
    [ "$(echo "$out" | csv_last nodes)" = 2 ] && ok || bad "4 ranks, 2 per node: nodes = $(echo "$out" | csv_last nodes)"
    [ "$(echo "$out" | csv_last checksum)" = "$ref" ] && ok || bad "emulated nodes checksum"
    out=$(run_mpi 4 factor --tasks 16 --base 1000001 --ranks-per-node 1)
    [ "$(echo "$out" | csv_last nodes)" = 4 ] && ok || bad "4 ranks, 1 per node"
    out=$(run_mpi 4 factor --tasks 16 --base 1000001)
    [ "$(echo "$out" | csv_last nodes)" = 1 ] && ok || bad "4 ranks on one real node"
    ;;
result-files)
    for pool in map submit as-completed; do
        timeout 120 "$mpiexec" -n 2 "$mpi" factor --tasks 15 --base 1000001 --pool $pool \
            --out "$tmp/o.csv" --trace "$tmp/t.csv" >/dev/null 2>&1 || bad "$pool run failed"
        "$omp" factor --tasks 15 --base 1000001 --out "$tmp/ref.csv" >/dev/null 2>&1
        cmp -s "$tmp/o.csv" "$tmp/ref.csv" && ok || bad "$pool: --out differs from scal-omp's"
        [ "$(tail -n +2 "$tmp/t.csv" | wc -l)" = 15 ] && ok || bad "$pool: trace rows"
        [ -z "$(csv_col worker < "$tmp/t.csv" | awk '$1 < 0 || $1 > 1')" ] && [ "$(csv_col worker < "$tmp/t.csv" | wc -l)" = 15 ] && ok || bad "$pool: trace worker ids"
    done
    ;;
bad-input)
    expect2() { # expect2 NP 'text' ARGS...
        local np=$1 want=$2
        shift 2
        rm -f "$tmp/o.csv"
        timeout 60 "$mpiexec" -n "$np" "$mpi" "$@" --out "$tmp/o.csv" >"$tmp/stdout" 2>"$tmp/stderr"
        local rc=$?
        [ $rc -eq 2 ] || { bad "np=$np '$*' exited $rc, not 2"; return; }
        [ "$(grep -c "^scal-mpi: .*$want" "$tmp/stderr")" = 1 ] || { bad "np=$np '$*': want one message with '$want': $(cat "$tmp/stderr")"; return; }
        [ ! -e "$tmp/o.csv" ] || { bad "'$*' wrote a result file"; return; }
        ok
    }
    for np in 1 2 4; do
        expect2 $np "--threads: invalid value '0'" factor --threads 0
        expect2 $np "--pool: invalid value 'foo'" factor --pool foo
        expect2 $np "unknown workload 'bogus'" bogus
        expect2 $np "overflows" factor --base 9223372036854775807 --tasks 3
    done
    expect2 2 "unknown option '--gil'" factor --gil
    ;;
every-rank-computes)
    # Dynamic pools: no rank is a pure manager, and rank 0 does not starve the
    # others.  400 tasks of 50 us give rank 1 twenty milliseconds to join.
    for pool in submit as-completed; do
        for np in 2 4; do
            timeout 120 "$mpiexec" -n $np "$mpi" spin --us 50 --tasks 400 --pool $pool \
                --trace "$tmp/t.csv" --format csv >/dev/null 2>"$tmp/err" || bad "np=$np $pool failed"
            workers=$(csv_col worker < "$tmp/t.csv" | sort -u | wc -l)
            [ "$workers" = $np ] && ok || bad "np=$np $pool: only $workers of $np workers ran tasks"
        done
    done
    ;;
paths-share)
    g="paths --nodes 400 --fraction 0.02 --pairs 200 --max-hop 6 --seed 11"
    # shellcheck disable=SC2086
    "$omp" $g --threads 1 --out "$tmp/ref.csv" >/dev/null 2>&1
    for np in 1 2 4; do
        for share in window copy per-task; do
            for pool in map submit as-completed; do
                [ $share = per-task ] && [ $pool = map ] && continue
                sanitized_keep || continue
                rm -f "$tmp/o.csv"
                # shellcheck disable=SC2086
                out=$(run_mpi $np $g --share $share --pool $pool --out "$tmp/o.csv")
                cmp -s "$tmp/o.csv" "$tmp/ref.csv" && ok || bad "np=$np $share $pool: distances differ ($(tail -2 "$tmp/err"))"
                [ "$(echo "$out" | csv_last share)" = $share ] && ok || bad "share field"
            done
        done
    done
    # 4 ranks as 2 emulated nodes of 2: one window per node, same distances
    # shellcheck disable=SC2086
    out=$(run_mpi 4 $g --share window --ranks-per-node 2 --pool submit --out "$tmp/o.csv")
    cmp -s "$tmp/o.csv" "$tmp/ref.csv" && ok || bad "emulated nodes: distances differ"
    [ "$(echo "$out" | csv_last nodes)" = 2 ] && ok || bad "emulated nodes: nodes field"
    # one copy per node: the record counts a node's bytes once for window,
    # once per rank for copy
    bytes=$(echo "$out" | csv_last matrix_bytes_per_node)
    # shellcheck disable=SC2086
    copy=$(run_mpi 4 $g --share copy --ranks-per-node 2 | csv_last matrix_bytes_per_node)
    [ -n "$bytes" ] && [ "$copy" = $((2 * bytes)) ] && ok || bad "matrix bytes: window $bytes, copy $copy"
    # hybrid 2 ranks x 2 threads
    # shellcheck disable=SC2086
    run_mpi 2 $g --threads 2 --share window --pool submit --out "$tmp/o.csv" >/dev/null
    cmp -s "$tmp/o.csv" "$tmp/ref.csv" && ok || bad "hybrid paths distances differ"
    ;;
paths-group)
    # --group: one task writes several results at its pairs' own indices.
    # Every pool, rank count, share mode and hybrid run moves them all to
    # rank 0: scal-omp's checksum and distances, every result valid, and a
    # trace whose every task carries its own log.
    g="paths --group --nodes 500 --fraction 0.01 --pairs 400 --max-hop 6 --seed 7"
    # shellcheck disable=SC2086
    ref=$("$omp" $g --threads 1 --out "$tmp/ref.csv" --format csv 2>/dev/null | csv_last checksum)
    [ -n "$ref" ] || bad "no scal-omp checksum for $g"
    ntasks=$("$omp" $g --threads 1 --format csv 2>/dev/null | csv_last tasks)
    [ "$ntasks" -lt 400 ] && ok || bad "--group made no groups ($ntasks tasks)"
    group_run() { # group_run LABEL NP ARGS...: checksum, validity, --out, --trace
        local label=$1 np=$2 out
        shift 2
        sanitized_keep || return 0
        rm -f "$tmp/o.csv" "$tmp/t.csv"
        # shellcheck disable=SC2086
        out=$(run_mpi "$np" $g "$@" --out "$tmp/o.csv" --trace "$tmp/t.csv")
        [ "$(echo "$out" | csv_last checksum)" = "$ref" ] && ok ||
            bad "$label: checksum '$(echo "$out" | csv_last checksum)' != scal-omp '$ref' ($(tail -2 "$tmp/err"))"
        [ "$(echo "$out" | csv_last valid)" = 1 ] && ok || bad "$label: results not valid"
        cmp -s "$tmp/o.csv" "$tmp/ref.csv" && ok || bad "$label: --out differs from scal-omp's"
        # every task once, each with a log of its own (a lost one reads 0)
        [ "$(csv_col task < "$tmp/t.csv" | sort -n | uniq | wc -l)" = "$ntasks" ] &&
            [ "$(csv_awk '!($c["end_s"] > 0)' "$tmp/t.csv" | wc -l)" = 0 ] && ok ||
            bad "$label: trace lacks task logs"
    }
    for pool in map submit as-completed; do
        group_run "np=1 $pool" 1 --pool $pool
    done
    # every share mode on 2 ranks; 4 ranks (oversubscribed here) on the window
    for np in 2 4; do
        for share in window copy per-task; do
            [ $np = 4 ] && [ $share != window ] && continue
            for pool in map submit as-completed; do
                [ $share = per-task ] && [ $pool = map ] && continue
                group_run "np=$np $share $pool" $np --share $share --pool $pool
            done
        done
        # chunks of several tasks: a request carries all their results
        group_run "np=$np submit chunk 3" $np --pool submit --chunk 3
        group_run "np=$np as-completed chunk 5" $np --pool as-completed --chunk 5
    done
    for pool in map submit as-completed; do
        group_run "hybrid 2x2 $pool" 2 --threads 2 --pool $pool
    done
    # as-completed streams every task once as its results reach rank 0
    # shellcheck disable=SC2086
    timeout 120 "$mpiexec" -n 2 "$mpi" $g --pool as-completed --show 100000 >"$tmp/h.txt" 2>"$tmp/err"
    [ "$(grep -c '^ *[0-9.]* s  task [0-9]*:' "$tmp/h.txt")" = "$ntasks" ] && ok ||
        bad "as-completed streamed $(grep -c '^ *[0-9.]* s  task' "$tmp/h.txt") of $ntasks tasks"
    ;;
paths-refusals)
    g="paths --nodes 100 --pairs 10"
    for np in 1 2; do
        # shellcheck disable=SC2086
        timeout 60 "$mpiexec" -n $np "$mpi" $g --share per-task --pool map >/dev/null 2>"$tmp/err"
        [ $? -eq 2 ] && [ "$(grep -c 'per-task needs a dynamic pool' "$tmp/err")" = 1 ] && ok || bad "per-task with map: $(cat "$tmp/err")"
        # shellcheck disable=SC2086
        timeout 60 "$mpiexec" -n $np "$mpi" $g --share per-task --pool submit --threads 2 >/dev/null 2>"$tmp/err"
        [ $? -eq 2 ] && grep -q 'one thread per rank' "$tmp/err" && ok || bad "per-task with threads"
        timeout 60 "$mpiexec" -n $np "$mpi" paths --nodes 2000000000 --share copy >/dev/null 2>"$tmp/err"
        [ $? -eq 2 ] && [ "$(grep -c 'bytes' "$tmp/err")" = 1 ] && ok || bad "too big: $(cat "$tmp/err")"
    done
    ;;
binding)
    # Open MPI binds 2 ranks to cores by default: that binding is kept.
    out=$(timeout 120 "$mpiexec" -n 2 --bind-to core "$mpi" factor --tasks 8 --base 1000001 \
        --format csv --report-bindings 2>"$tmp/err")
    [ "$(echo "$out" | csv_last bind)" = none ] && ok || bad "--bind-to core not detected: bind=$(echo "$out" | csv_last bind)"
    cpus=$(echo "$out" | csv_last cpus)
    [ "$(echo "$cpus" | tr ';' '\n' | cut -d: -f2 | sort -u | wc -l)" = 2 ] && ok || bad "ranks bound by mpirun share a PU: $cpus"
    [ "$(grep -c 'rank [01] thread 0 -> PUs [01] (unbound)' "$tmp/err")" = 2 ] && ok || bad "report-bindings under --bind-to core: $(cat "$tmp/err")"
    # Free ranks are placed per node: compact over the node's workers.
    out=$(timeout 120 "$mpiexec" -n 2 --bind-to none "$mpi" factor --tasks 8 --base 1000001 \
        --format csv --pool submit)
    [ "$(echo "$out" | csv_last bind)" = compact ] && [ "$(echo "$out" | csv_last cpus)" = "0:0;1:1" ] && ok || bad "free ranks: $(echo "$out" | csv_last bind) $(echo "$out" | csv_last cpus)"
    ;;
*)
    echo "unknown case $case_name" >&2
    exit 2
    ;;
esac
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
