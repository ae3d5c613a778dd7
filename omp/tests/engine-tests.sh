#!/usr/bin/env bash
# engine-tests.sh - scal-omp as a user runs it: every pool, chunk size,
# thread count and the GIL give the serial checksum; result files are whole;
# bad input exits 2 naming the option and value and writes nothing.
# usage: engine-tests.sh SCAL_OMP CASE
set -u
omp=$1
case_name=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); }
# Columns by name: csv_col, csv_last, csv_awk.
. "$(dirname "$0")/../../tests/csv.sh"
bad() { echo "FAIL: $*" >&2; fail=$((fail + 1)); }

# checksum ARGS...: the checksum column of the last csv record.
checksum() {
    "$omp" "$@" --format csv 2>"$tmp/err" | csv_last checksum
}

same_checksum_everywhere() {
    local workload=("$@") ref got
    ref=$(checksum "${workload[@]}" --threads 1 --pool map)
    [ -n "$ref" ] || { bad "no serial checksum for ${workload[*]}"; return; }
    for threads in 1 2 4 7; do
        for pool in map submit as-completed; do
            for chunk in "" "--chunk 1" "--chunk 3"; do
                for gil in "" "--gil"; do
                    # shellcheck disable=SC2086
                    got=$(checksum "${workload[@]}" --threads $threads --pool $pool $chunk $gil)
                    if [ "$got" = "$ref" ]; then ok; else
                        bad "${workload[*]} threads=$threads pool=$pool $chunk $gil: checksum '$got' != serial '$ref'"
                    fi
                done
            done
        done
    done
}

case $case_name in
checksums-factor)
    same_checksum_everywhere factor --tasks 24 --base 1000001
    ;;
checksums-sleep-spin)
    same_checksum_everywhere sleep --tasks 12 --mean 0.002 --sigma 0.001 --seed 5
    same_checksum_everywhere spin --tasks 200 --us 5
    # triad: every result equals its closed form (valid), and the figure is GB/s
    same_checksum_everywhere triad --tasks 12 --bytes 24000
    for threads in 1 2 3; do
        "$omp" triad --tasks 12 --bytes 24000 --threads $threads --format csv >"$tmp/triad.csv" 2>"$tmp/err"
        csv_awk '$c["valid"] != 1 || $c["fom_unit"] != "GB/s" || !($c["fom"] > 0) { exit 1 }' "$tmp/triad.csv" &&
            ok || bad "triad threads=$threads: not valid, or no GB/s figure: $(cat "$tmp/triad.csv" "$tmp/err")"
    done
    ;;
result-files)
    for pool in map submit as-completed; do
        "$omp" factor --tasks 20 --base 1000001 --threads 3 --pool $pool --format csv \
            --out "$tmp/out.csv" --trace "$tmp/trace.csv" >/dev/null 2>&1 || bad "$pool run failed"
        [ "$(head -1 "$tmp/out.csv")" = "task,value,f1,f2" ] && ok || bad "$pool: --out header"
        [ "$(tail -n +2 "$tmp/out.csv" | wc -l)" = 20 ] && ok || bad "$pool: --out rows"
        # rows in task order, values base + k
        csv_awk '$c["task"] != NR - 2 || $c["value"] != 1000001 + NR - 2 { exit 1 }' "$tmp/out.csv" && ok || bad "$pool: --out order"
        [ "$(head -1 "$tmp/trace.csv")" = "task,worker,cpu,start_s,end_s,result" ] && ok || bad "$pool: --trace header"
        [ "$(tail -n +2 "$tmp/trace.csv" | wc -l)" = 20 ] && ok || bad "$pool: --trace rows"
        csv_awk '$c["worker"] < 0 || $c["worker"] > 2 || $c["end_s"] < $c["start_s"] { exit 1 }' "$tmp/trace.csv" && ok || bad "$pool: --trace workers/times"
    done
    for w in "sleep --mean 0.001 --sigma 0.001" "spin --us 1"; do
        # shellcheck disable=SC2086
        "$omp" $w --tasks 9 --threads 2 --out "$tmp/o.csv" >/dev/null 2>&1 || bad "$w run failed"
        [ "$(tail -n +2 "$tmp/o.csv" | wc -l)" = 9 ] && ok || bad "$w: --out rows"
    done
    ;;
sleep-draws-independent-of-threads)
    "$omp" sleep --tasks 40 --mean 0.002 --sigma 0.002 --threads 1 --out "$tmp/a.csv" >/dev/null 2>&1
    "$omp" sleep --tasks 40 --mean 0.002 --sigma 0.002 --threads 5 --pool submit --out "$tmp/b.csv" >/dev/null 2>&1
    [ -s "$tmp/a.csv" ] && cmp -s "$tmp/a.csv" "$tmp/b.csv" && ok || bad "sleep draws differ between 1 and 5 threads"
    # some draws clamp to zero at mean 0.002, sigma 0.002
    grep -q ',0.000000000$' "$tmp/a.csv" && ok || bad "no clamped draw seen"
    ;;
known-answers)
    # Each workload's checksum for fixed inputs, recorded when it was
    # written: a changed generator, workload or result hash shows here.
    kat() { # kat CHECKSUM ARGS...
        local want=$1 got
        shift
        got=$(checksum "$@" --threads 2)
        [ "$got" = "$want" ] && ok || bad "$*: checksum '$got', known answer $want"
    }
    kat fb418214499cd9e9 factor --tasks 24 --base 1000001
    kat c4ec91e7b10049fb sleep --tasks 12 --mean 0.002 --sigma 0.001 --seed 5
    kat 7576e71b2fef0791 sleep --tasks 12 --mean 0.002 --sigma 0.001 --seed 6
    kat 8f7dfc6febeb0d2c spin --tasks 200 --us 0
    kat 5cca7da4b34c0329 paths --nodes 200 --fraction 0.03 --pairs 100 --max-hop 5 --seed 8
    kat ce3865e27240d90b paths --nodes 300 --fraction 0.02 --pairs 50 --max-hop 4 --seed 3 --kernel matvec --group
    ;;
bad-input)
    expect2() { # expect2 'text that must appear' ARGS...
        local want=$1
        shift
        rm -f "$tmp/out.csv"
        "$omp" "$@" --out "$tmp/out.csv" >"$tmp/stdout" 2>"$tmp/stderr"
        local rc=$?
        if [ $rc -ne 2 ]; then bad "'$*' exited $rc, not 2"; return; fi
        if ! grep -qF -- "$want" "$tmp/stderr"; then bad "'$*': message lacks '$want': $(cat "$tmp/stderr")"; return; fi
        if [ -e "$tmp/out.csv" ] || ls "$tmp" | grep -q 'out.csv.tmp'; then bad "'$*' wrote a result file"; return; fi
        ok
    }
    expect2 "--threads: invalid value '0'" factor --threads 0
    expect2 "--tasks: invalid value '-3'" factor --tasks -3
    expect2 "--pool: invalid value 'foo'" factor --pool foo
    expect2 "--us: invalid value 'abc'" spin --us abc
    expect2 "--chunk: invalid value '0'" factor --chunk 0
    expect2 "--tasks: invalid value '99999999999999999999'" factor --tasks 99999999999999999999
    expect2 "unknown workload 'bogus'" bogus
    expect2 "--base: missing value" factor --base
    expect2 "missing WORKLOAD" --threads 2
    expect2 "--base does not apply to workload 'spin'" spin --base 7
    expect2 "overflows" factor --base 9223372036854775807 --tasks 2
    expect2 "--base: invalid value '18446744073709551615': must be a whole number in 2..9223372036854775807" factor --base 18446744073709551615
    expect2 "--mean: invalid value 'nan'" sleep --mean nan
    "$omp" factor --tasks 2 --out /nonexistent-dir/x.csv >/dev/null 2>"$tmp/stderr"
    [ $? -eq 2 ] && grep -q "/nonexistent-dir/x.csv" "$tmp/stderr" && ok || bad "unwritable --out not refused with exit 2"
    ;;
help-version)
    "$omp" --help >"$tmp/help" 2>&1 && grep -q "usage: scal-omp WORKLOAD" "$tmp/help" && ok || bad "--help"
    grep -q -- "--threads N" "$tmp/help" && grep -q "1..4096" "$tmp/help" && ok || bad "--help lacks limits"
    "$omp" --version | grep -q "^scal-omp [0-9]" && ok || bad "--version"
    ;;
as-completed-streams)
    # Task 0 is a prime (~0.1 s), the slowest kind of task; task 1 is even and ends at
    # once.  as-completed delivers a result before task 0 ends; submit, which
    # reports in task order, delivers its first result when task 0 ends.
    "$omp" factor --base 100000007 --tasks 4 --threads 2 --pool as-completed >"$tmp/h" 2>&1 || bad "run failed"
    first=$(awk '/results as they complete/ { getline; print $4; exit }' "$tmp/h")
    [ -n "$first" ] && [ "$first" != "0:" ] && ok || bad "as-completed delivered task 0 first: $(cat "$tmp/h")"
    for pool in as-completed submit; do
        fr=$("$omp" factor --base 100000007 --tasks 4 --threads 2 --pool $pool --format csv \
            --trace "$tmp/t.csv" | csv_col first_result_s)
        end0=$(csv_awk '$c["task"] == "0" { print $c["end_s"] }' "$tmp/t.csv")
        if [ $pool = as-completed ]; then
            awk -v a="$fr" -v e="$end0" 'BEGIN { exit !(a < e) }' && ok || bad "as-completed: first result $fr not before task 0 ended ($end0)"
        else
            # the record prints 9 significant digits, the trace 9 decimals
            awk -v a="$fr" -v e="$end0" 'BEGIN { d = a - e; exit !(a != "" && d * d <= 1e-14 * (1 + e * e)) }' && ok || bad "submit: first result $fr is not task 0's end ($end0)"
        fi
    done
    ;;
checksums-paths)
    g="paths --nodes 300 --fraction 0.02 --pairs 300 --max-hop 6 --seed 3"
    # shellcheck disable=SC2086
    ref=$(checksum $g --threads 1 --kernel matvec)
    [ -n "$ref" ] || bad "no matvec checksum"
    for kernel in bitset matvec; do
        for threads in 1 2 4 7; do
            for pool in map submit as-completed; do
                for group in "" --group; do
                    # shellcheck disable=SC2086
                    got=$(checksum $g --kernel $kernel --threads $threads --pool $pool $group)
                    [ "$got" = "$ref" ] && ok || bad "paths $kernel threads=$threads $pool $group: '$got' != '$ref'"
                done
            done
        done
    done
    # shellcheck disable=SC2086
    got=$(checksum $g --threads 2 --gil --pool submit)
    [ "$got" = "$ref" ] && ok || bad "paths under --gil"
    ;;
paths-files)
    g="paths --nodes 200 --fraction 0.03 --pairs 100 --max-hop 5 --seed 8"
    # shellcheck disable=SC2086
    "$omp" $g --threads 2 --write-graph "$tmp/g.mtx" --out "$tmp/gen.csv" >/dev/null 2>&1 || bad "generate + write"
    head -1 "$tmp/g.mtx" | grep -q '^%%MatrixMarket matrix coordinate pattern general' && ok || bad "--write-graph header"
    # the written graph, read back, answers the same pairs the same way
    "$omp" paths --graph "$tmp/g.mtx" --pairs 100 --max-hop 5 --seed 8 --threads 2 --out "$tmp/file.csv" >/dev/null 2>&1 || bad "read back"
    cmp -s "$tmp/gen.csv" "$tmp/file.csv" && ok || bad "graph read back from Matrix Market answers differently"
    [ "$(head -1 "$tmp/gen.csv")" = "source,target,distance" ] && [ "$(tail -n +2 "$tmp/gen.csv" | wc -l)" = 100 ] && ok || bad "--out rows"
    # the same pairs from a CSV file
    csv_awk '{ print $c["source"] "," $c["target"] }' "$tmp/gen.csv" >"$tmp/pairs.csv"
    "$omp" paths --graph "$tmp/g.mtx" --pairs-file "$tmp/pairs.csv" --max-hop 5 --threads 2 --out "$tmp/pf.csv" >/dev/null 2>&1 || bad "pairs file run"
    cmp -s "$tmp/gen.csv" "$tmp/pf.csv" && ok || bad "pairs from a file answer differently"
    # wrong files: exit 2, the message names the file and line, nothing written
    printf '%%%%MatrixMarket matrix coordinate pattern general\n3 3 2\n1 2\n4 1\n' >"$tmp/bad.mtx"
    "$omp" paths --graph "$tmp/bad.mtx" --out "$tmp/x.csv" >/dev/null 2>"$tmp/err"
    [ $? -eq 2 ] && grep -q "bad.mtx:4:" "$tmp/err" && [ ! -e "$tmp/x.csv" ] && ok || bad "index out of range: $(cat "$tmp/err")"
    printf '0,1\n2,x\n' >"$tmp/badpairs.csv"
    "$omp" paths --nodes 10 --pairs-file "$tmp/badpairs.csv" >/dev/null 2>"$tmp/err"
    [ $? -eq 2 ] && grep -q "badpairs.csv:2:" "$tmp/err" && ok || bad "bad pairs line: $(cat "$tmp/err")"
    "$omp" paths --nodes 2000000000 >/dev/null 2>"$tmp/err"
    [ $? -eq 2 ] && grep -q "bytes" "$tmp/err" && ok || bad "a graph too big for memory not refused: $(cat "$tmp/err")"
    "$omp" paths --fraction 1.5 >/dev/null 2>"$tmp/err"
    [ $? -eq 2 ] && grep -q "'1.5'" "$tmp/err" && ok || bad "--fraction 1.5: $(cat "$tmp/err")"
    "$omp" paths --kernel fast >/dev/null 2>"$tmp/err"
    [ $? -eq 2 ] && grep -q "'fast'" "$tmp/err" && ok || bad "--kernel fast"
    "$omp" paths --tasks 5 >/dev/null 2>"$tmp/err"
    [ $? -eq 2 ] && grep -q "does not apply" "$tmp/err" && ok || bad "--tasks on paths"
    ;;
binding)
    # csv CMD...: its header and last record, as "header\nrecord" in r
    csv() { "$@" --format csv 2>"$tmp/err" | sed -n '1p;$p'; }
    # field RECORD NAME: the column NAME of the record (cpus: "bound:last;...")
    field() { local v; v=$(echo "$1" | csv_col "$2"); echo "${v:-<no $2>}"; }
    r=$(csv "$omp" factor --tasks 6 --base 1000001 --threads 2 --bind compact)
    [ "$(field "$r" bind)" = compact ] && ok || bad "bind field: $r"
    # a bound worker runs where it was bound: each pair reads b:b
    echo "$(field "$r" cpus)" | tr ';' '\n' | awk -F: '$1 == "-" || $1 != $2 { exit 1 }' && ok || bad "compact: bound != last PU: $(field "$r" cpus)"
    r=$(csv "$omp" factor --tasks 6 --base 1000001 --threads 2 --bind spread)
    echo "$(field "$r" cpus)" | tr ';' '\n' | awk -F: '$1 == "-" || $1 != $2 { exit 1 }' && ok || bad "spread: bound != last PU"
    r=$(csv "$omp" factor --tasks 6 --base 1000001 --threads 2 --bind none)
    [ "$(field "$r" bind)" = none ] && echo "$(field "$r" cpus)" | grep -q '^-:' && ok || bad "bind none: $r"
    if command -v taskset >/dev/null; then
        # confined by a launcher to PU 0: stay there, default to none, flag oversubscription
        r=$(csv taskset -c 0 "$omp" factor --tasks 6 --base 1000001 --threads 2)
        [ "$(field "$r" bind)" = none ] && [ "$(field "$r" oversubscribed)" = 1 ] && ok || bad "taskset: bind/oversubscribed: $r"
        [ "$(field "$r" cpus)" = "-:0;-:0" ] && ok || bad "taskset: left PU 0: $(field "$r" cpus)"
        grep -q "oversubscribed" "$tmp/err" && ok || bad "taskset: no oversubscription warning"
        r=$(csv taskset -c 0 "$omp" factor --tasks 6 --base 1000001 --threads 2 --bind compact)
        [ "$(field "$r" cpus)" = "0:0;0:0" ] && ok || bad "taskset + compact left the cpuset: $(field "$r" cpus)"
    fi
    "$omp" factor --tasks 2 --threads 2 --report-bindings --format csv 2>"$tmp/err" >/dev/null
    [ "$(grep -c 'rank 0 thread [01] -> PU' "$tmp/err")" = 2 ] && ok || bad "--report-bindings: $(cat "$tmp/err")"
    "$omp" --topology >"$tmp/topo" && grep -q "^allowed pus:" "$tmp/topo" && grep -q "^cores:" "$tmp/topo" && ok || bad "--topology"
    "$omp" factor --bind tight >/dev/null 2>"$tmp/err"
    [ $? -eq 2 ] && grep -q "'tight'" "$tmp/err" && ok || bad "--bind tight not refused"
    ;;
*)
    echo "unknown case $case_name" >&2
    exit 2
    ;;
esac
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
