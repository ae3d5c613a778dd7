#!/usr/bin/env bash
# test-mpirun.sh - scal-mpi over N emulated nodes (nodes.sh), started with mpirun as on a cluster:
# one Open MPI daemon per node, shared memory inside a node only, TCP (loopback) between nodes.
#
#   test-mpirun.sh N CASE      (CTest runs it; MPIEXEC, SCAL_MPI, SCAL_OMP, SCAL_RUN set)
#
# Cases:
#   checksums  every workload and pool, 1 or 2 ranks per node: scal-omp's serial checksum, and
#              `nodes` = N from MPI's own node split
#   share      paths with --share window / copy / per-task: same distances as serial; window holds
#              one matrix per node (matrix_bytes_per_node, PSS), copy one per rank; hybrid
#              ranks x threads across the nodes
#   placement  job-file keys hosts and placement: ranks where asked (rank_hosts), a curve per
#              host count; a bad hosts value refused
#   launch     launch failures (a daemon that cannot start) told apart from run failures, and
#              retried with retry-launch
#   killed     a rank SIGKILLed on the last node ends the whole job, naming the rank and the node;
#              scal-run records the run as failed and goes on
# Exit 77 when nodes cannot be emulated here (not root, no namespaces).
set -u
here=$(cd "$(dirname "$0")" && pwd)

if [ "${1:-}" != __inside ]; then
    n=${1:?N} case_name=${2:?CASE}
    why=$("$here/nodes.sh" why-not) || { echo "skip: $why"; exit 77; }
    dir=$(mktemp -d "${TMPDIR:-/tmp}/scal-nodes.XXXXXX")
    "$here/nodes.sh" run "$dir" "$n" -- "$0" __inside "$n" "$case_name"
    rc=$?
    # the nodes' own /dev/shm and scratch went with their namespaces; the state dir with stop
    [ ! -e "$dir" ] || { echo "FAIL: $dir left behind"; rc=1; }
    exit $rc
fi
n=$2 case_name=$3
: "${MPIEXEC:?}" "${SCAL_MPI:?}" "${SCAL_OMP:?}" "${SCAL_RUN:?}"
tmp=$SCAL_NODES_DIR/work
mkdir -p "$tmp"
cd "$tmp" || exit 1
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*" >&2; fail=$((fail + 1)); }
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }

# col NAME: column NAME of the last csv record on stdin
col() { awk -F, -v n="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == n) c = i } NR > 1 { v = $c } END { print v }'; }
serial() { "$SCAL_OMP" "$@" --threads 1 --format csv 2>/dev/null | col checksum; }
# mpi PER_NODE ARGS...: N x PER_NODE ranks, PER_NODE on each node; csv on stdout
mpi() {
    local k=$1
    shift
    timeout 120 "$MPIEXEC" -n $((n * k)) --map-by "ppr:$k:node" "$SCAL_MPI" "$@" --format csv 2>err.txt
}

case $case_name in
checksums)
    i=0
    for w in "factor --tasks 24 --base 1000001" "sleep --tasks 12 --mean 0.002 --sigma 0.001 --seed 4" \
        "spin --tasks 200 --us 2" "paths --nodes 300 --fraction 0.02 --pairs 60 --max-hop 6 --seed 5"; do
        # shellcheck disable=SC2086
        ref=$(serial $w)
        [ -n "$ref" ] || bad "no serial checksum for $w"
        for pool in map submit as-completed; do
            # 1 and 2 ranks per node, in turn
            k=$((1 + i++ % 2))
            # shellcheck disable=SC2086
            out=$(mpi $k $w --pool $pool)
            got=$(echo "$out" | col checksum)
            [ "$got" = "$ref" ] && ok || bad "$k/node $w $pool: checksum '$got' != serial '$ref' ($(tail -3 err.txt))"
            [ "$(echo "$out" | col nodes)" = "$n" ] && ok || bad "$k/node $w $pool: nodes = '$(echo "$out" | col nodes)', not $n"
            [ "$(echo "$out" | col ranks)" = $((n * k)) ] && ok || bad "$k/node $w $pool: ranks"
        done
    done
    ;;
share)
    g="paths --nodes 3000 --fraction 0.01 --pairs 60 --max-hop 6 --seed 11"
    # shellcheck disable=SC2086
    "$SCAL_OMP" $g --threads 1 --out ref.csv >/dev/null 2>&1 || bad "serial paths run"
    declare -A bytes pss
    for share in window copy per-task; do
        for pool in map submit as-completed; do
            [ $share = per-task ] && [ $pool = map ] && continue
            rm -f o.csv
            # shellcheck disable=SC2086
            out=$(mpi 2 $g --share $share --pool $pool --out o.csv)
            cmp -s o.csv ref.csv && ok || bad "$share $pool: distances differ from serial ($(tail -3 err.txt))"
            [ "$(echo "$out" | col share)" = $share ] && ok || bad "$share $pool: share field"
            [ "$(echo "$out" | col nodes)" = "$n" ] && ok || bad "$share $pool: nodes field"
            bytes[$share]=$(echo "$out" | col matrix_bytes_per_node)
            pss[$share]=$(echo "$out" | col pss_bytes)
        done
    done
    # one matrix per node with window, one per rank (2 per node) with copy
    b=${bytes[window]:-0}
    check "window: matrix_bytes_per_node > 0 ($b)" [ "$b" -gt 1000000 ]
    check "copy holds 2 matrices per node, window 1 (${bytes[copy]} vs $b)" [ "${bytes[copy]:-0}" = $((2 * b)) ]
    # PSS summed over all ranks: copy holds N more matrices than window (2N against N). Only the
    # pages a rank touched count, and calloc'ed zero pages may never be: a quarter at least.
    extra=$(( ${pss[copy]:-0} - ${pss[window]:-0} ))
    check "PSS: copy - window = $extra bytes, up to $n x $b" \
        [ "$extra" -gt $((n * b / 4)) ] && [ "$extra" -lt $((n * b * 5 / 4)) ]
    # hybrid: N ranks x 2 threads, one rank per node
    for pool in map submit as-completed; do
        rm -f o.csv
        # shellcheck disable=SC2086
        out=$(mpi 1 $g --threads 2 --share window --pool $pool --out o.csv)
        cmp -s o.csv ref.csv && ok || bad "hybrid $pool: distances differ ($(tail -3 err.txt))"
        [ "$(echo "$out" | col workers)" = $((2 * n)) ] && [ "$(echo "$out" | col nodes)" = "$n" ] &&
            [ "$(echo "$out" | col threads)" = 2 ] && ok || bad "hybrid $pool: workers/threads/nodes fields"
    done
    ref=$(serial factor --tasks 24 --base 1000001)
    out=$(mpi 1 factor --tasks 24 --base 1000001 --threads 2 --pool submit)
    [ "$(echo "$out" | col checksum)" = "$ref" ] && ok || bad "hybrid factor checksum"
    ;;
killed)
    # one rank per node: rank N-1 is on the last node
    victim=$((n - 1))
    start=$(date +%s)
    SCAL_FAULT=kill-rank:$victim:after-tasks:5 mpi 1 spin --tasks 4000 --us 500 --pool submit >/dev/null
    rc=$?
    took=$(($(date +%s) - start))
    check "mpirun exits 137 (128 + SIGKILL), not $rc" [ $rc -eq 137 ]
    check "... within 60 s, no hang ($took s)" [ $took -le 60 ]
    check "... naming rank $victim on node n$n: $(grep noticed err.txt)" \
        grep -q "rank $victim .*on node n$n exited on signal 9" err.txt
    cat >killed.job <<JOB
[global]
workload = spin
us = 500
tasks = 4000
repeat = 1
max-repeat = 1
warmup = 0
timeout = 120

[killed]
engine = mpi
launcher = mpirun
workers = $n
env = SCAL_FAULT=kill-rank:$victim:after-tasks:5 OMPI_MCA_rmaps_base_mapping_policy=node

[after]
engine = mpi
launcher = mpirun
tasks = 40
workers = $n
env = OMPI_MCA_rmaps_base_mapping_policy=node
JOB
    "$SCAL_RUN" --out res killed.job 2>progress.txt
    rc=$?
    status_of() {
        awk -F, -v id="$1" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
            $c["run_id"] == id { print $c["status"] "," $c["exit_code"] }' res/runs.csv | sort -u
    }
    check "scal-run exits 1: a run failed ($rc)" [ $rc -eq 1 ]
    check "the killed run: failed, 137 ($(status_of "killed/workers=$n"))" [ "$(status_of "killed/workers=$n")" = "failed,137" ]
    check "its stderr tail names the rank and node" grep -q "^killed,.*rank $victim .*node n$n" res/runs.csv
    check "the study went on: the next run is ok" [ "$(status_of "after/workers=$n")" = "ok,0" ]
    check "... and its ranks ran on $n nodes" [ "$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } $c["run_id"] ~ /^after/ { print $c["nodes"] }' res/runs.csv | sort -u)" = "$n" ]
    ;;
launch)
    # A daemon that cannot be started on a node: the run is a launch failure, not a run failure;
    # retry-launch starts it again (only it), and a launch that works the second time is ok.
    cat >flaky-ssh <<SH
#!/bin/sh
# fails the first daemon start, then works
if [ ! -e "$tmp/started-once" ]; then : >"$tmp/started-once"; exit 1; fi
exec "$SCAL_NODES_DIR/bin/ssh" "\$@"
SH
    chmod +x flaky-ssh
    cat >launch.job <<JOB
[global]
engine = mpi
launcher = mpirun
workload = factor
tasks = 16
repeat = 1
max-repeat = 1
warmup = 0
timeout = 120
workers = $n
placement = spread

[never]
env = OMPI_MCA_plm_rsh_agent=/bin/false
retry-launch = 1

[flaky]
env = OMPI_MCA_plm_rsh_agent=$tmp/flaky-ssh
retry-launch = 2

[fails-in-run]
env = SCAL_FAULT=kill-rank:$((n - 1)):after-tasks:2
retry-launch = 3
JOB
    "$SCAL_RUN" --out res launch.job 2>progress.txt
    rc=$?
    status_of() {
        awk -F, -v id="$1" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
            $c["run_id"] == id { print $c["status"] }' res/runs.csv | tr '\n' ' '
    }
    check "scal-run exits 1 ($rc)" [ $rc -eq 1 ]
    check "never: one row, launch-failed ($(status_of "never/workers=$n"))" [ "$(status_of "never/workers=$n")" = "launch-failed " ]
    check "never: retried once" [ "$(grep -c "never/workers=$n: launch failed .*retry" progress.txt)" = 1 ]
    check "never: both attempts in its log" [ "$(grep -c '^scal-run: command:' "res/logs/never.workers=$n.log")" = 2 ]
    check "flaky: ok on the second launch ($(status_of "flaky/workers=$n"))" [ "$(status_of "flaky/workers=$n")" = "ok " ]
    check "flaky: retried once" [ "$(grep -c "flaky/workers=$n: launch failed .*retry 1 of 2" progress.txt)" = 1 ]
    check "a rank killed in the run is a run failure, not retried ($(status_of "fails-in-run/workers=$n"))" \
        [ "$(status_of "fails-in-run/workers=$n")" = "failed " ]
    check "... and not retried" [ "$(grep -c "fails-in-run.*launch failed" progress.txt)" = 0 ]
    check "the summary lists the launch failure" grep -q "launch-failed" res/summary.md
    ;;
placement)
    # hosts and placement in a job file: mpirun's mapping puts the ranks where asked, the
    # records say where they ran (rank_hosts) and how many nodes MPI found; curves per hosts
    cat >place.job <<JOB
[global]
engine = mpi
launcher = mpirun
workload = paths
nodes = 300
pairs = 40
share = window
repeat = 1
max-repeat = 1
warmup = 0
timeout = 120

[pack]
placement = pack
hosts = 1, 2
workers = 2, 4

[spread]
placement = spread
hosts = 2
workers = 4
JOB
    "$SCAL_RUN" --out res place.job 2>progress.txt
    check "scal-run exits 0 ($(tail -n 2 progress.txt))" [ $? -eq 0 ]
    where() { # where RUN_ID: rank_hosts and nodes of that run
        awk -F, -v id="$1" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
            $c["run_id"] == id { print $c["rank_hosts"] " " $c["nodes"] " " $c["status"] }' res/runs.csv | sort -u
    }
    check "pack, 1 host: $(where pack/hosts=1/workers=2)" [ "$(where pack/hosts=1/workers=2)" = "n1*2 1 ok" ]
    check "pack, 1 host: $(where pack/hosts=1/workers=4)" [ "$(where pack/hosts=1/workers=4)" = "n1*4 1 ok" ]
    check "pack, 2 hosts: $(where pack/hosts=2/workers=2)" [ "$(where pack/hosts=2/workers=2)" = "n1;n2 2 ok" ]
    check "pack, 2 hosts: $(where pack/hosts=2/workers=4)" [ "$(where pack/hosts=2/workers=4)" = "n1*2;n2*2 2 ok" ]
    check "spread, 2 hosts: $(where spread/workers=4)" [ "$(where spread/workers=4)" = "n1;n2;n1;n2 2 ok" ]
    check "the command of spread: ppr:2:node, ranked by node" \
        grep -q -- "-n 4 --map-by ppr:2:node --rank-by node " res/logs/spread.workers=4.log
    check "summary: one curve per host count" \
        eval 'grep -q "pack hosts=1" res/summary.md && grep -q "pack hosts=2" res/summary.md'
    printf '[s]\nengine = mpi\nworkload = factor\nhosts = 3\nworkers = 2, 4\n' >bad.job
    "$SCAL_RUN" --out bad bad.job 2>err.txt
    rc=$?
    check "hosts > workers: exit 2, one message ($(cat err.txt))" \
        eval '[ $rc -eq 2 ] && [ "$(grep -c "bad.job:4: key .hosts.: 3 hosts for 2 workers (series \[s\]): more hosts than ranks" err.txt)" = 1 ] && [ ! -e bad ]'
    ;;
*)
    echo "unknown case $case_name" >&2
    exit 2
    ;;
esac
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
