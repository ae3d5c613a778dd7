#!/usr/bin/env bash
# test_seed_pools.sh - tiny runs of seed_pools.py: checksums across every pool
# and both executors (and against scal-omp when its path is given), paths on
# generated and Matrix Market graphs, output formats, and bad arguments.
#
#   bench/seed-python/test_seed_pools.sh [path/to/scal-omp]
#
# PYTHON picks the interpreter (default /usr/bin/python3, Debian's, which has
# python3-numpy).  Prints "N passed, N failed"; exits 1 on any failure.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
py=${PYTHON:-/usr/bin/python3}
sp=("$py" "$here/seed_pools.py")
omp=${1:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

if [ ! -x "$py" ]; then
    echo "skip: no $py (Debian's python3 runs the seed's pools)"
    exit 77
fi
if [ -n "$omp" ] && [ ! -x "$omp" ]; then
    echo "$0: scal-omp '$omp' is not an executable file" >&2
    exit 2
fi

header="engine,workload,kernel,pool,share,bind,ranks,threads,workers,nodes,tasks,rep,wall_s,task_sum_s,task_min_s,task_max_s,speedup,efficiency,first_result_s,setup_s,checksum,valid,oversubscribed,cpus,pss_bytes,matrix_bytes_per_node,host,version,gil,chunk,busy_mean_s,busy_max_s,steal_s,nivcsw,others_running,noisy,freq_mhz,cycles,instructions,rank_hosts,fom,fom_unit"

# Columns by name: csv_col NAME FILE.
. "$(dirname "$0")/../../tests/csv.sh"

# run_csv OUT ARGS...: run seed_pools.py with --format csv into OUT; fails the
# test named by ARGS when the exit status is not 0.
run_csv() {
    local out=$1
    shift
    if ! "${sp[@]}" "$@" --format csv >"$out" 2>"$out.err"; then
        bad "seed_pools.py $* exited non-zero: $(cat "$out.err")"
        return 1
    fi
}

# expect_rows FILE LABEL WANT_CHECKSUM REPS ENGINE: every row valid, with the
# checksum and engine wanted, and REPS rows.
expect_rows() {
    local f=$1 label=$2 want=$3 reps=$4 engine=$5
    if [ "$(head -1 "$f")" != "$header" ]; then
        bad "$label: header is '$(head -1 "$f")'"
        return
    fi
    local n sums valids engines
    n=$(($(wc -l <"$f") - 1))
    sums=$(csv_col checksum "$f" | sort -u)
    valids=$(csv_col valid "$f" | sort -u)
    engines=$(csv_col engine "$f" | sort -u)
    if [ "$n" != "$reps" ] || [ "$sums" != "$want" ] || [ "$valids" != 1 ] || [ "$engines" != "$engine" ]; then
        bad "$label: rows $n (want $reps), checksum '$sums' (want $want), valid '$valids', engine '$engines'"
    else
        ok
    fi
}

engine_of() { [ "$1" = thread ] && echo py-threads || echo py-processes; }

# ---- factor, sleep, spin: one checksum for every pool and executor ----
# Reference checksums: scal-omp's when given, else the values scal-omp printed
# for these inputs when this test was written.
declare -A args want
args[factor]="--tasks 8 --base 1000001"
args[sleep]="--tasks 8 --mean 0.01 --sigma 0.005 --seed 3"
args[spin]="--tasks 8"
want[factor]=f79964dfd702a180
want[sleep]=638a0c4dff374633
want[spin]=67034c4f7e14c690

for wl in factor sleep spin; do
    read -r -a a <<<"${args[$wl]}"
    if [ -n "$omp" ]; then
        if "$omp" "$wl" "${a[@]}" --format csv >"$tmp/omp.csv" 2>"$tmp/omp.err"; then
            got=$(csv_col checksum "$tmp/omp.csv")
            if [ "$got" = "${want[$wl]}" ]; then ok; else
                bad "$wl: scal-omp checksum $got differs from the pinned ${want[$wl]} (workload changed?)"
            fi
            want[$wl]=$got
            if [ "$(head -1 "$tmp/omp.csv")" = "$header" ]; then ok; else
                bad "$wl: scal-omp header differs: $(head -1 "$tmp/omp.csv")"
            fi
        else
            bad "$wl: scal-omp failed: $(cat "$tmp/omp.err")"
        fi
    fi
    for ex in thread process; do
        for pool in map submit as-completed; do
            run_csv "$tmp/o.csv" "$wl" "${a[@]}" --executor $ex --pool $pool --workers 2 &&
                expect_rows "$tmp/o.csv" "$wl $ex $pool" "${want[$wl]}" 1 "$(engine_of $ex)"
        done
    done
done

# Repetitions, warm-up, one worker, chunked process map, other start methods.
read -r -a fa <<<"${args[factor]}"
read -r -a sa <<<"${args[spin]}"
run_csv "$tmp/o.csv" factor "${fa[@]}" --repeat 3 --warmup 1 --workers 1 &&
    expect_rows "$tmp/o.csv" "factor --repeat 3 --warmup 1" "${want[factor]}" 3 py-threads
if run_csv "$tmp/o.csv" factor "${fa[@]}" --executor process --chunk 3; then
    expect_rows "$tmp/o.csv" "factor --chunk 3" "${want[factor]}" 1 py-processes
    if [ "$(csv_col chunk "$tmp/o.csv")" = 3 ]; then ok; else bad "--chunk 3: chunk column '$(csv_col chunk "$tmp/o.csv")'"; fi
fi
for sm in forkserver spawn; do
    run_csv "$tmp/o.csv" spin "${sa[@]}" --executor process --start-method $sm --pool as-completed &&
        expect_rows "$tmp/o.csv" "spin --start-method $sm" "${want[spin]}" 1 py-processes
done
run_csv "$tmp/o.csv" spin --tasks 20 --us 200 --executor process --pool submit &&
    expect_rows "$tmp/o.csv" "spin --us 200" "$(
        "${sp[@]}" spin --tasks 20 --format csv | awk -F, 'NR == 2 { print $21 }')" 1 py-processes

# Columns that are fixed by the design.
run_csv "$tmp/o.csv" factor "${fa[@]}" --executor process --workers 2 &&
    {
        row=$(sed -n 2p "$tmp/o.csv")
        IFS=, read -r -a f <<<"$row"
        pyver=$("$py" -c 'import platform; print("python-" + platform.python_version())')
        # kernel pool share bind ranks threads workers nodes tasks rep ... cpus ... version chunk
        got="${f[2]} ${f[4]} ${f[5]} ${f[6]} ${f[7]} ${f[8]} ${f[9]} ${f[10]} ${f[11]} ${f[23]} ${f[27]} ${f[29]}"
        if [ "$got" = "- - none 2 1 2 1 8 1 - $pyver 1" ]; then ok; else bad "fixed columns: '$got'"; fi
    }

# json: one object per line with every field, in order.
if "${sp[@]}" spin --tasks 4 --repeat 2 --format json >"$tmp/o.json" 2>"$tmp/o.err" &&
    "$py" -c '
import json, sys
want = sys.argv[2].split(",")
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 2 and all(list(r) == want for r in rows), rows
assert rows[0]["checksum"] == sys.argv[3], rows[0]["checksum"]
' "$tmp/o.json" "$header" "$("${sp[@]}" spin --tasks 4 --format csv | awk -F, 'NR == 2 { print $21 }')"; then
    ok
else
    bad "json output: $(cat "$tmp/o.err")"
fi

# --out: every result in task order.
if "${sp[@]}" factor --tasks 3 --base 14 --out "$tmp/f.csv" >/dev/null 2>&1 &&
    [ "$(cat "$tmp/f.csv")" = "$(printf 'task,value,f1,f2\n0,14,7,2\n1,15,5,3\n2,16,8,2')" ]; then
    ok
else
    bad "factor --out: $(cat "$tmp/f.csv" 2>/dev/null)"
fi

# ---- paths ----
if "$py" -c 'import numpy' 2>/dev/null; then
    shm_segments() { find /dev/shm -maxdepth 1 -name 'psm_*' 2>/dev/null | sort; }
    shm_before=$(shm_segments)
    gen="--nodes 200 --fraction 0.03 --pairs 24 --seed 5 --max-hop 6"
    ref=""
    for ex in thread process; do
        for pool in map submit as-completed; do
            shares="-"
            [ $ex = process ] && shares="per-task shm"
            for share in $shares; do
                extra=()
                [ "$share" != - ] && extra=(--share "$share")
                # shellcheck disable=SC2086
                run_csv "$tmp/p.csv" paths $gen --executor $ex --pool $pool --workers 2 "${extra[@]}" || continue
                [ -z "$ref" ] && ref=$(csv_col checksum "$tmp/p.csv")
                expect_rows "$tmp/p.csv" "paths $ex $pool $share" "$ref" 1 "$(engine_of $ex)"
                got="$(csv_col kernel "$tmp/p.csv") $(csv_col share "$tmp/p.csv")"
                if [ "$got" = "numpy-matvec $share" ]; then ok; else bad "paths $ex $pool $share: kernel share '$got'"; fi
            done
        done
    done
    # the same generated graph and pairs as the C engines: the same checksum
    if [ -n "$omp" ]; then
        # shellcheck disable=SC2086
        c_sum=$("$omp" paths $gen --threads 2 --format csv 2>/dev/null | awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "checksum") c = i; next } { v = $c } END { print v }')
        if [ -n "$c_sum" ] && [ "$c_sum" = "$ref" ]; then ok; else bad "paths: python checksum $ref, scal-omp $c_sum"; fi
    fi
    if [ "$(shm_segments)" = "$shm_before" ]; then ok; else bad "shared memory left behind: $(shm_segments)"; fi

    # A Matrix Market chain 1->2->3->4 (self loop and repeat dropped) and pairs.
    printf '%%%%MatrixMarket matrix coordinate pattern general\n%% chain\n5 5 5\n1 2\n2 3\n3 4\n4 4\n2 3\n' >"$tmp/chain.mtx"
    printf 'source,target\n0,3\n3,0\n\n0,0\n0,4\n1,2\n3,2\n' >"$tmp/pairs.csv"
    want_chain=$(printf 'source,target,distance\n0,3,3\n3,0,-1\n0,0,0\n0,4,-1\n1,2,1\n3,2,-1')
    want_sym=$(printf 'source,target,distance\n0,3,-1\n3,0,-1\n0,0,0\n0,4,-1\n1,2,-1\n3,2,1')
    for ex in thread process; do
        if "${sp[@]}" paths --graph "$tmp/chain.mtx" --pairs-file "$tmp/pairs.csv" --executor $ex \
            --out "$tmp/d.csv" >/dev/null 2>&1 && [ "$(cat "$tmp/d.csv")" = "$want_chain" ]; then ok; else
            bad "paths chain.mtx $ex: $(cat "$tmp/d.csv" 2>/dev/null)"
        fi
    done
    # Symmetric, integer: value 0 is no edge, 3-4 goes both ways.
    printf '%%%%MatrixMarket matrix coordinate integer symmetric\n5 5 3\n1 2 1\n2 3 0\n3 4 7\n' >"$tmp/sym.mtx"
    if "${sp[@]}" paths --graph "$tmp/sym.mtx" --pairs-file "$tmp/pairs.csv" --executor process --share shm \
        --out "$tmp/d.csv" >/dev/null 2>&1 && [ "$(cat "$tmp/d.csv")" = "$want_sym" ]; then ok; else
        bad "paths sym.mtx: $(cat "$tmp/d.csv" 2>/dev/null)"
    fi
    # The checksum of the chain answers: v = (source, target, distance), x = 0.
    want_sum=$("$py" -B -c '
import sys; sys.path.insert(0, sys.argv[1]); import seed_pools as s
print("%016x" % s.checksum([(0,3,3,0.0),(3,0,-1,0.0),(0,0,0,0.0),(0,4,-1,0.0),(1,2,1,0.0),(3,2,-1,0.0)]))' "$here")
    run_csv "$tmp/p.csv" paths --graph "$tmp/chain.mtx" --pairs-file "$tmp/pairs.csv" &&
        expect_rows "$tmp/p.csv" "paths chain checksum" "$want_sum" 1 py-threads
    printf '%%%%MatrixMarket matrix coordinate real general\n5 5 2\n1 2 1.5\n2 9 1\n' >"$tmp/bad.mtx"
    printf '%%%%MatrixMarket matrix coordinate pattern general\n5 5 3\n1 2\n' >"$tmp/short.mtx"
    printf '0,1\n7,1\n' >"$tmp/badpairs.csv"
else
    echo "skip: paths tests need python3-numpy"
fi

# ---- bad arguments: exit 2, nothing on stdout, the message names the value ----
bad_case() {
    local needle=$1
    shift
    "${sp[@]}" "$@" >"$tmp/b.out" 2>"$tmp/b.err"
    local rc=$?
    if [ $rc = 2 ] && [ ! -s "$tmp/b.out" ] && grep -qF -- "$needle" "$tmp/b.err"; then ok; else
        bad "seed_pools.py $*: exit $rc, stdout '$(head -c 200 "$tmp/b.out")', stderr '$(cat "$tmp/b.err")' (wanted '$needle')"
    fi
}
bad_case "'0'" spin --workers 0
bad_case "'x2'" spin --workers x2
bad_case "'foo'" spin --pool foo
bad_case "'-3'" factor --tasks -3
bad_case "'1'" factor --base 1
bad_case "'gpu'" spin --executor gpu
bad_case "'nan'" sleep --mean nan
bad_case "'-0.5'" sleep --sigma -0.5
bad_case "'xml'" spin --format xml
bad_case "'frob'" frob
bad_case "--ta" spin --ta 3
bad_case "--base" sleep --base 5
bad_case "--chunk 4" spin --chunk 4
bad_case "--share shm" paths --share shm
bad_case "18446744073709551615" factor --base 18446744073709551615 --tasks 2
if "$py" -c 'import numpy' 2>/dev/null; then
    bad_case "'copy'" paths --executor process --share copy
    bad_case "'1.5'" paths --fraction 1.5
    bad_case "nope.mtx" paths --graph "$tmp/nope.mtx"
    bad_case "bad.mtx:4" paths --graph "$tmp/bad.mtx"
    bad_case "short.mtx:4: 1 entries, 3 announced" paths --graph "$tmp/short.mtx"
    bad_case "badpairs.csv:2: node 7" paths --graph "$tmp/chain.mtx" --pairs-file "$tmp/badpairs.csv"
    bad_case "--pairs-file" paths --pairs-file "$tmp/pairs.csv" --pairs 3
    bad_case "drop --nodes" paths --graph "$tmp/chain.mtx" --nodes 5
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
