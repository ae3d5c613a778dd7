#!/usr/bin/env bash
# test-sbatch.sh - the jobs/slurm/*.sbatch scripts end to end on a real, private Slurm
# (slurm-local.sh): each case submits a script with `sbatch --wait` on a tiny job file from this
# directory and checks the results folder it leaves in the submit directory.
#
#   threads  threads.sbatch -c 2, tiny-threads.job: every run ok; the folder ends in -<job id>;
#            env.txt holds the job id, node list, CPUs and the step's cpuset; checksums agree.
#   mpi      mpi.sbatch as 1 node x 2 tasks, tiny-mpi.job: every run ok; mpi runs were started
#            by srun (their logs' commands; srun's cpu-bind lines, one per rank, under
#            task/affinity) and by mpirun; each run's ranks form one MPI world; emulated nodes and
#            a hybrid run; factor and paths checksums equal those of the omp runs.
#   array    array.sbatch --array=0-1 over tiny-threads.job and tiny-mpi.job: one folder per array
#            task, each named after its own job id, runs ok, env.txt names the array and task.
#   nested   scal-run itself started by srun (a job step, as in `srun scal-run ...` or an
#            interactive step): its own srun steps get --overlap and run, instead of waiting
#            forever for the CPUs the enclosing step holds.
#   command  mpi.sbatch as 1 node x 2 tasks on a study of the project's example programs
#            (engine = command): the OpenMP one on 1 and 2 threads (OMP_NUM_THREADS), the MPI one
#            on 1 and 2 ranks started by srun as engine = mpi starts scal-mpi; every run ok, its
#            figure read from the program's output; wait4's CPU time known for the threads, not
#            for srun's ranks (they are not scal-run's descendants).
#   refuse   job files asking for more CPUs than the job holds (omp threads; mpi ranks x threads),
#            and a missing scal-run: each job exits 2 with the message (file:line, key) in its
#            output file, and no results folder appears.
#   nodes    a batch job on every node (sbatch --nodes=N, 2 tasks per node) runs scal-mpi steps
#            with srun --mpi=pmix over all of them: serial checksums, `nodes` = N from MPI's own
#            node split, one window per node against one copy per rank, hybrid ranks x threads;
#            then scal-run sweeps a study over hosts = 1, 2 and placement pack / spread: the
#            records show the ranks on the nodes asked for (rank_hosts), one window per node.
#
# Usage: test-sbatch.sh CASE[,CASE...] [-v]    several cases share one Slurm, each its own
#                                              submit dir; -v: show the jobs' output files
# Exit status: 0 pass, 1 fail, 77 skip (Slurm cannot be started here: see slurm-local.sh).
# Needs SCAL_RUN (the scal-run binary; CTest sets it) and a build with both engines.
# Environment: SCAL_TEST_KEEP=1 keeps the work folder (submit dir, outputs, results).
#   SCAL_TEST_SLURM_NODES=N (N > 1) runs the cases on N emulated nodes (slurm-local.sh's
#   SLURM_LOCAL_NODES); mpi then asks for N nodes of 1 task x 2 CPUs.

set -euo pipefail

readonly SKIP=77
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
prog="${0##*/}"

say() { printf '%s: %s\n' "$prog" "$*"; }

# ---------------------------------------------------------------------------------------------
# outside: set up, then run this script again inside `slurm-local.sh run`

outside() {
    local case=$1 verbose=$2 t0 rc=0
    t0=$(date +%s.%N)
    : "${SCAL_RUN:?set SCAL_RUN to the scal-run binary (CTest does)}"
    [ -x "$SCAL_RUN" ] || { say "FAIL: SCAL_RUN=$SCAL_RUN is not executable"; return 1; }
    SCAL_RUN=$(cd "$(dirname "$SCAL_RUN")" && pwd)/$(basename "$SCAL_RUN")
    command -v mpirun >/dev/null || { say "SKIP: no mpirun"; return $SKIP; }
    # Short, and no comma (slurm.conf's AuthInfo lists options with commas): slurm-local's Unix
    # sockets live under the state dir.
    work=$(mktemp -d /tmp/sbatch-"${case%%,*}".XXXXXX)
    if [ "${SCAL_TEST_KEEP:-0}" = 1 ]; then
        say "keeping $work"
    else
        trap 'rm -rf -- "${work:?}"' EXIT
    fi
    if [ "$(nproc)" -lt 2 ]; then
        say "SKIP: the tiny studies need 2 CPUs, this machine has $(nproc)"
        return $SKIP
    fi
    if [ "$(id -u)" -eq 0 ]; then
        # Open MPI refuses root without these: this test's settings only, reaching the jobs
        # through sbatch's default --export=ALL. (No oversubscription: every job asks for as
        # many tasks as its runs have ranks, so mpirun finds its slots.)
        export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
    fi
    # The scripts find the checkout and scal-run through these (the submit dir is a temp dir).
    export SCAL_REPO=$repo SCAL_RUN
    unset SCAL_BUILD_DIR SCAL_SRUN_CPU_BIND SCAL_ENGINE_DIR
    SLURM_LOCAL_NODES=$nodes "$here/slurm-local.sh" run "$work/slurm" -- "$0" --inside "$case" "$work" "$verbose" || rc=$?
    [ $rc -eq $SKIP ] && say "SKIP: Slurm could not be started here (see the messages above)"
    say "$case: total $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s, exit $rc"
    return $rc
}

# ---------------------------------------------------------------------------------------------
# inside: SLURM_CONF points at the private Slurm; cwd is the submit dir

failures=0
nodes=${SCAL_TEST_SLURM_NODES:-1}
fail() {
    say "FAIL: $*"
    failures=$((failures + 1))
}
ok() { say "ok: $*"; }
# check DESCRIPTION COMMAND...
check() {
    local desc=$1
    shift
    if "$@"; then ok "$desc"; else fail "$desc"; fi
}

# submit NAME SBATCH-ARGS...: sbatch --wait with output to $work/NAME.out; sets $id and $rc
submit() {
    local name=$1 t0
    shift
    out=$work/$name.out
    rc=0
    t0=$(date +%s.%N)
    id=$(timeout 90 sbatch --parsable --wait --output="$out" "$@") || rc=$?
    id=${id%%;*}
    say "$name: job ${id:-?} exit $rc after $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
    if [ "$verbose" = 1 ] || [ -z "$id" ]; then show "$out"; fi
}

show() {
    local f
    for f in "$@"; do
        [ -f "$f" ] || { say "(no $f)"; continue; }
        say "---- $f"
        sed 's/^/    | /' "$f"
    done
}

# col FILE NAME: the column NAME of every data row of a CSV without quoted fields before it
col() {
    awk -F, -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next } { print $c }' "$1"
}

# the one results folder of job file NAME made by job ID, or nothing
folder_of() {
    local d
    for d in results/"$1"/*-"$2"; do
        [ -d "$d" ] && echo "$d"
    done
}

# check_study NAME ID RUNS: the usual checks on job ID's study of job file NAME with RUNS runs
check_study() {
    local name=$1 jid=$2 runs=$3 dir node
    node=$(hostname -s)
    dir=$(folder_of "$name" "$jid")
    if [ -z "$dir" ] || [ "$(wc -l <<<"$dir")" -ne 1 ]; then
        fail "$name: expected one folder results/$name/<stamp>-$jid, found: $(ls results/"$name" 2>/dev/null | tr '\n' ' ')"
        return 1
    fi
    ok "$name: results folder $dir, named after job $jid"
    # emulated nodes: a job on one of them, or on several (n[1-2])
    if [ "$nodes" -gt 1 ]; then
        node=$(sed -n 's/^SLURM_JOB_NODELIST: \(n[0-9]*\|n\[[-0-9,]*\]\)$/\1/p' "$dir/env.txt")
    fi
    study=$dir
    local r=$dir/runs.csv
    check "$name: runs.csv has the $runs runs (x 2 repetitions)" [ "$(col "$r" run_id | wc -l)" -eq $((2 * runs)) ]
    check "$name: every row ok" [ "$(col "$r" status | sort -u)" = ok ]
    check "$name: every record valid" [ "$(col "$r" valid | sort -u)" = 1 ]
    check "$name: env.txt holds the job id" grep -qx "SLURM_JOB_ID: $jid" "$dir/env.txt"
    check "$name: env.txt holds the node list" grep -qxF "SLURM_JOB_NODELIST: $node" "$dir/env.txt"
    check "$name: env.txt holds the CPUs and the step's cpuset" \
        grep -qE '^slurm_step_cpuset: [0-9]' "$dir/env.txt"
    check "$name: env.txt holds SLURM_NTASKS and SLURM_CPUS_PER_TASK" \
        eval 'grep -q "^SLURM_NTASKS: " "$dir/env.txt" && grep -q "^SLURM_CPUS_PER_TASK: " "$dir/env.txt"'
    check "$name: summary.md and plots" eval '[ -s "$dir/summary.md" ] && [ -s "$dir/plots/speedup.dat" ]'
}

# checksums R WORKLOAD: the distinct checksums of WORKLOAD's rows in runs.csv R
checksums() {
    awk -F, -v w="$2" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } $c["workload"] == w { print $c["checksum"] }' "$1" | sort -u
}

case_threads() {
    submit threads --cpus-per-task=2 "$repo/jobs/slurm/threads.sbatch" "$here/tiny-threads.job"
    check "threads.sbatch: the job exits 0" [ "$rc" -eq 0 ]
    check_study tiny-threads "$id" 8 || return 0
    check "threads: the job's output names the folder" grep -q "results in $study" "$out"
    check "threads: SLURM_CPUS_PER_TASK is 2" grep -qx 'SLURM_CPUS_PER_TASK: 2' "$study/env.txt"
    check "threads: every run on the omp engine" [ "$(col "$study/runs.csv" engine | sort -u)" = omp ]
    local w
    for w in factor spin paths; do
        check "threads: one $w checksum over pools and thread counts" [ "$(checksums "$study/runs.csv" $w | wc -l)" -eq 1 ]
    done
}

case_mpi() {
    if [ "$nodes" -gt 1 ]; then
        submit mpi --nodes="$nodes" --ntasks-per-node=1 --cpus-per-task=2 "$repo/jobs/slurm/mpi.sbatch" "$here/tiny-mpi.job"
    else
        submit mpi --nodes=1 --ntasks-per-node=2 --cpus-per-task=1 "$repo/jobs/slurm/mpi.sbatch" "$here/tiny-mpi.job"
    fi
    check "mpi.sbatch: the job exits 0" [ "$rc" -eq 0 ]
    check_study tiny-mpi "$id" 11 || return 0
    local r=$study/runs.csv log n task mpi_type
    task=$(sed -n 's/^TaskPlugin=//p' "$SLURM_LOCAL_STATE_DIR/plugins")
    mpi_type=$(sed -n 's/^MpiDefault=//p' "$SLURM_LOCAL_STATE_DIR/plugins")
    [ "$mpi_type" = none ] && say "info: slurm-local chose MpiDefault=none: srun cannot wire Open MPI ranks here"
    # launcher auto inside a job is srun, with the CPUs and binding of each rank
    for log in "$study"/logs/factor-srun.*.log "$study"/logs/paths-2nodes.*.log; do
        n=$(sed -n 's/.*\.workers=\([0-9]*\)\.log$/\1/p' <<<"$log")
        if head -n 1 "$log" | grep -q "^scal-run: command: OMP_NUM_THREADS=1 [^ ]*/srun -n $n --cpus-per-task=1 --exact --cpu-bind=verbose,cores --kill-on-bad-exit=1 [^ ]*/scal-mpi "; then
            ok "mpi: ${log##*/}: started by srun -n $n --cpus-per-task=1 --exact"
        else
            fail "mpi: ${log##*/}: not started by srun -n $n ...: $(head -n 1 "$log")"
        fi
        if [ "$task" = task/affinity ]; then
            check "mpi: ${log##*/}: srun bound each of the $n ranks to a CPU of its own" \
                [ "$(sed -nE 's/^cpu-bind=MASK - ([^,]+), task +[0-9]+ +[0-9]+ \[[0-9]+\]: (mask 0x[0-9a-f]+) set.*/\1 \2/p' "$log" |
                    sort -u | wc -l)" -eq "$n" ]
        fi
    done
    check "mpi: launcher = mpirun runs mpirun" \
        grep -q "^scal-run: command: OMP_NUM_THREADS=1 [^ ]*/mpirun -n 2 [^ ]*/scal-mpi " "$study/logs/factor-mpirun.workers=2.log"
    check "mpi: the hybrid run is srun -n 1 --cpus-per-task=2, OMP_NUM_THREADS=2" \
        grep -q "^scal-run: command: OMP_NUM_THREADS=2 [^ ]*/srun -n 1 --cpus-per-task=2 " "$study/logs/factor-hybrid.workers=1.log"
    # one MPI world per run: singletons would each report ranks = 1 (and print a record each)
    check "mpi: every mpi record has ranks = the run's workers (one world, not singletons)" \
        [ "$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } $c["engine"] == "mpi" && $c["ranks"] * $c["threads"] != $c["workers"] { bad++ } $c["engine"] == "mpi" && $c["series"] != "factor-hybrid" && $c["ranks"] != $c["sweep_workers"] { bad++ } END { print bad + 0 }' "$r")" -eq 0 ]
    check "mpi: the hybrid run has 1 rank x 2 threads" \
        [ "$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } $c["series"] == "factor-hybrid" { print $c["ranks"] "x" $c["threads"] }' "$r" | sort -u)" = 1x2 ]
    check "mpi: ranks-per-node = 1 makes 2 emulated nodes" \
        [ "$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } $c["series"] == "paths-2nodes" { print $c["nodes"] }' "$r" | sort -u)" = 2 ]
    check "mpi: records from both engines" [ "$(col "$r" engine | sort -u | tr '\n' ' ')" = "mpi omp " ]
    local w
    for w in factor paths; do
        check "mpi: one $w checksum over threads, srun, mpirun, hybrid and emulated nodes" \
            [ "$(checksums "$r" $w | wc -l)" -eq 1 ]
    done
    if [ "$nodes" -gt 1 ]; then
        # srun -n 2 --exact in a 2-node allocation of 1 task per node: one rank per node
        check "mpi: 2 srun ranks ran on 2 nodes" \
            [ "$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } $c["series"] == "factor-srun" && $c["ranks"] == 2 { print $c["nodes"] }' "$r" | sort -u)" = 2 ]
    fi
    # 2 tasks on one node, or 1 task on each of the emulated nodes
    local ntasks=$((nodes > 1 ? nodes : 2))
    check "mpi: env.txt holds srun's options and SLURM_NTASKS $ntasks" \
        eval 'grep -q "^srun_options: --exact --cpu-bind=verbose,cores" "$study/env.txt" && grep -qx "SLURM_NTASKS: $ntasks" "$study/env.txt"'
}

case_array() {
    out=$work/array-%a.out
    local t0 ids=() i aid
    rc=0
    t0=$(date +%s.%N)
    aid=$(timeout 90 sbatch --parsable --wait --array=0-1 --ntasks=2 --cpus-per-task=1 \
        --output="$work/array-%a.out" "$repo/jobs/slurm/array.sbatch" \
        "$here/tiny-threads.job" "$here/tiny-mpi.job") || rc=$?
    aid=${aid%%;*}
    say "array: job ${aid:-?} exit $rc after $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
    [ "$verbose" = 1 ] && show "$work"/array-*.out
    check "array.sbatch: the array exits 0" [ "$rc" -eq 0 ]
    local names=(tiny-threads tiny-mpi) runs=(8 11)
    for i in 0 1; do
        # each task is a job of its own: its id is in its output's first line
        ids[i]=$(sed -n "s/^scal-array: job \([0-9]*\), array ${aid}_$i on .*/\1/p" "$work/array-$i.out")
        if [ -z "${ids[$i]}" ]; then
            fail "array task $i: no 'job N, array ${aid}_$i' line in its output"
            show "$work/array-$i.out"
            continue
        fi
        check "array task $i runs ${names[$i]}.job" grep -q "array index $i of 2: .*/${names[$i]}.job$" "$work/array-$i.out"
        check_study "${names[$i]}" "${ids[$i]}" "${runs[$i]}" || continue
        check "array task $i: env.txt names the array and the task" \
            eval 'grep -qx "SLURM_ARRAY_JOB_ID: $aid" "$study/env.txt" && grep -qx "SLURM_ARRAY_TASK_ID: $i" "$study/env.txt"'
    done
    check "array: the two tasks are two jobs" [ "${ids[0]:-x}" != "${ids[1]:-x}" ]
    check "array: one folder per array task, no more" \
        [ "$(ls -d results/*/* 2>/dev/null | wc -l)" -eq 2 ]
}

case_nested() {
    # mpirun inside a step sees the step's one task as its only slot, so no launcher = mpirun here.
    cat >"$work/nested.job" <<'EOF'
[global]
engine = mpi
workload = factor
base = 1000001
tasks = 16
repeat = 2
max-repeat = 2
warmup = 0
timeout = 20

[threads]
engine = omp
workers = 1, 2

[ranks]
workers = 1, 2

[hybrid]
threads = 2
workers = 1
EOF
    cat >"$work/nested.sbatch" <<'EOF'
#!/bin/bash
#SBATCH --nodes=1
#SBATCH --ntasks=2
#SBATCH --cpus-per-task=1
set -eu
srun --ntasks=1 --cpus-per-task=2 "$SCAL_RUN" "$1"
EOF
    submit nested "$work/nested.sbatch" "$work/nested.job"
    check "nested: the job exits 0 (no step waited forever)" [ "$rc" -eq 0 ]
    check_study nested "$id" 5 || return 0
    check "nested: env.txt shows scal-run in step 0" grep -qx 'SLURM_STEP_ID: 0' "$study/env.txt"
    local log
    for log in "$study"/logs/ranks.*.log "$study"/logs/hybrid.*.log; do
        check "nested: ${log##*/}: srun ... --overlap" \
            grep -q "^scal-run: command: .*/srun -n [12] --cpus-per-task=[12] --exact .* --overlap .*/scal-mpi " "$log"
    done
    check "nested: one checksum over threads, ranks and hybrid" [ "$(checksums "$study/runs.csv" factor | wc -l)" -eq 1 ]
}

case_nodes() {
    local n=$nodes bld
    bld=$(cd "$(dirname "$SCAL_RUN")/.." && pwd)
    export SCAL_MPI=$bld/mpi/scal-mpi
    local g="paths --nodes 2000 --fraction 0.01 --pairs 60 --max-hop 6 --seed 11"
    # the PMIx setting the sbatch scripts make (mpi.sbatch owns it), for these srun steps too
    local pmix
    pmix=$(grep -m 1 '^export SLURM_PMIX_FENCE=' "$repo/jobs/slurm/mpi.sbatch")
    cat >"$work/nodes.sbatch" <<EOF
#!/bin/bash
set -u
$pmix
# step NAME SRUN-ARGS... -- SCAL-MPI-ARGS...: one srun step, its csv in NAME.csv
step() {
    local name=\$1 a=()
    shift
    while [ "\$1" != -- ]; do a+=("\$1"); shift; done
    shift
    srun --mpi=pmix --kill-on-bad-exit=1 "\${a[@]}" "\$SCAL_MPI" "\$@" --format csv >"\$name.csv" 2>"\$name.err"
    echo "\$name \$?" >>status.txt
}
srun -n \$((2 * SLURM_NNODES)) --ntasks-per-node=2 hostname | sort | uniq -c >hosts.txt
step map -n $((2 * n)) --ntasks-per-node=2 -- factor --tasks 24 --base 1000001 --pool map
step submit -n $n --ntasks-per-node=1 -- factor --tasks 24 --base 1000001 --pool submit
step as-completed -n $((2 * n)) --ntasks-per-node=2 -- factor --tasks 24 --base 1000001 --pool as-completed
step window -n $((2 * n)) --ntasks-per-node=2 -- $g --share window --pool submit --out window.out
step copy -n $((2 * n)) --ntasks-per-node=2 -- $g --share copy --pool map --out copy.out
step per-task -n $((2 * n)) --ntasks-per-node=2 -- $g --share per-task --pool as-completed --out per-task.out
step hybrid -n $n --ntasks-per-node=1 --cpus-per-task=2 -- factor --tasks 24 --base 1000001 --threads 2 --pool submit
"\$SCAL_RUN" --out study "$work/place.job" >study.txt 2>&1
echo "study \$?" >>status.txt
EOF
    # a study swept over 1 and 2 nodes, packed and spread, under srun
    cat >"$work/place.job" <<EOF
[global]
engine = mpi
workload = paths
nodes = 2000
fraction = 0.01
pairs = 60
share = window
repeat = 1
max-repeat = 1
warmup = 0

[sweep]
placement = pack
hosts = 1, 2
workers = 2

[spread]
placement = spread
hosts = 2
workers = 4
EOF
    submit nodes --nodes="$n" --ntasks-per-node=2 --cpus-per-task=1 "$work/nodes.sbatch"
    check "nodes: the job exits 0" [ "$rc" -eq 0 ]
    local k want
    want=$(for ((k = 1; k <= n; k++)); do echo "2 n$k"; done)
    check "nodes: srun put 2 tasks on each of n1..n$n: $(tr -s ' ' <hosts.txt | tr '\n' ';')" \
        [ "$(awk '{ print $1, $2 }' hosts.txt)" = "$want" ]
    local ref pref name
    ref=$("$bld/omp/scal-omp" factor --tasks 24 --base 1000001 --format csv | col /dev/stdin checksum)
    # shellcheck disable=SC2086
    "$bld/omp/scal-omp" $g --out ref.out >/dev/null
    for name in map submit as-completed window copy per-task hybrid; do
        if ! grep -qx "$name 0" status.txt; then
            fail "nodes: step $name failed: $(tail -n 3 "$name.err" 2>/dev/null)"
            continue
        fi
        check "nodes: $name: nodes = $n from MPI's node split" [ "$(col "$name.csv" nodes)" = "$n" ]
        case $name in
            window | copy | per-task)
                check "nodes: $name: the distances of the serial run" cmp -s "$name.out" ref.out ;;
            *) check "nodes: $name: the serial checksum" [ "$(col "$name.csv" checksum)" = "$ref" ] ;;
        esac
    done
    local b
    b=$(col window.csv matrix_bytes_per_node)
    check "nodes: window holds one matrix per node, copy one per rank ($b, $(col copy.csv matrix_bytes_per_node))" \
        [ -n "$b" ] && [ "$b" -gt 0 ] && [ "$(col copy.csv matrix_bytes_per_node)" = $((2 * b)) ]
    check "nodes: hybrid is $n ranks x 2 threads" [ "$(col hybrid.csv ranks)x$(col hybrid.csv threads)" = "${n}x2" ]
    check "nodes: the placement study ran every point ok: $(tail -n 1 study.txt)" grep -qx "study 0" status.txt
    where() { # where RUN_ID: rank_hosts, nodes and matrix bytes of that run
        awk -F, -v id="$1" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
            $c["run_id"] == id { print $c["rank_hosts"], $c["nodes"], $c["matrix_bytes_per_node"] }' study/runs.csv
    }
    check "nodes: hosts = 1: both ranks on n1, one window ($(where sweep/hosts=1/workers=2))" \
        [ "$(where sweep/hosts=1/workers=2)" = "n1*2 1 $b" ]
    check "nodes: hosts = 2: a rank on n1 and one on n2, a window each ($(where sweep/hosts=2/workers=2))" \
        [ "$(where sweep/hosts=2/workers=2)" = "n1;n2 2 $b" ]
    check "nodes: spread over 2 hosts: cyclic ($(where spread/workers=4))" \
        [ "$(where spread/workers=4)" = "n1;n2;n1;n2 2 $b" ]
    check "nodes: srun got --nodes=2 --ntasks-per-node=2 --distribution=cyclic" \
        grep -q "srun .*--nodes=2 --ntasks-per-node=2 --distribution=cyclic" study/logs/spread.workers=4.log
}

case_command() {
    local bld ex
    bld=$(cd "$(dirname "$SCAL_RUN")/.." && pwd)
    ex=$bld/examples/command
    cat >"$work/your-program.job" <<EOF
[global]
engine = command
repeat = 2
max-repeat = 2
warmup = 0
timeout = 60
points = 20000000
expect = ^pi = 3\.14159

[omp]
command = $ex/integrate-omp {points}
launch = threads
bind = compact
fom = ^rate: ([0-9.]+) Mpoints/s
fom-unit = Mpoints/s
fom-better = higher
workers = 1, 2

[mpi]
command = $ex/integrate-mpi {points}
launch = mpi
fom = ^time: ([0-9.]+) s
fom-unit = s
workers = 1, 2
EOF
    if [ "$nodes" -gt 1 ]; then
        submit command --nodes="$nodes" --ntasks-per-node=1 --cpus-per-task=2 "$repo/jobs/slurm/mpi.sbatch" "$work/your-program.job"
    else
        submit command --nodes=1 --ntasks-per-node=2 --cpus-per-task=1 "$repo/jobs/slurm/mpi.sbatch" "$work/your-program.job"
    fi
    check "command: the job exits 0" [ "$rc" -eq 0 ]
    check_study your-program "$id" 4 || return 0
    local r=$study/runs.csv log n
    check "command: every row's figure read from the output" [ -z "$(col "$r" fom | grep -vE '^[0-9]+\.[0-9]+$')" ]
    check "command: records of engine command" [ "$(col "$r" engine | sort -u)" = command ]
    for log in "$study"/logs/mpi.workers=*.log; do
        n=${log##*workers=}
        n=${n%.log}
        check "command: ${log##*/}: srun -n $n --cpus-per-task=1 --exact ... integrate-mpi" \
            grep -q "^scal-run: command: OMP_NUM_THREADS=1 [^ ]*/srun -n $n --cpus-per-task=1 --exact .*/integrate-mpi " "$log"
    done
    check "command: the threads ran with OMP_NUM_THREADS=2, OMP_PLACES=cores" \
        grep -q "^scal-run: command: OMP_NUM_THREADS=2 OMP_PLACES=cores OMP_PROC_BIND=close .*/integrate-omp " "$study/logs/omp.workers=2.log"
    check "command: cpu_s known for threads, empty for srun's ranks" \
        [ "$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } { print $c["series"] ($c["cpu_s"] == "" ? " empty" : " known") }' "$r" | sort -u | tr '\n' ' ')" = "mpi empty omp known " ]
}

# refused NAME WANT-REGEX: the last job exited 2, said WANT-REGEX, and ran nothing
refused() {
    check "$1: the job exits 2" [ "$rc" -eq 2 ]
    if grep -qE -- "$2" "$out"; then
        ok "$1: the job's output says: $(grep -oE -- "$2" "$out" | head -n 1)"
    else
        fail "$1: no /$2/ in the job's output"
        show "$out"
    fi
    check "$1: no results folder" [ ! -e results ]
}

case_refuse() {
    local f line
    f=$here/tiny-too-many-threads.job
    line=$(grep -n '^workers = 4' "$f" | cut -d: -f1)
    submit too-many-threads --cpus-per-task=2 "$repo/jobs/slurm/threads.sbatch" "$f"
    refused "threads.sbatch, 4 threads in 2 CPUs" \
        "^scal-run: $f:$line: key 'workers': series \[too-many\] asks for 4 threads, but this Slurm job gives scal-run's step 2 CPUs"
    f=$here/tiny-too-many-ranks.job
    line=$(grep -n '^workers = 1, 2' "$f" | cut -d: -f1)
    submit too-many-ranks --nodes=1 --ntasks-per-node=2 --cpus-per-task=1 "$repo/jobs/slurm/mpi.sbatch" "$f"
    refused "mpi.sbatch, 2 ranks x 2 threads in 2 CPUs" \
        "^scal-run: $f:$line: key 'workers': series \[hybrid\] asks for 2 ranks x 2 threads \(key 'threads', line [0-9]+\), but this Slurm job's 2 CPUs on 1 node hold 1 such rank"
    SCAL_RUN=$work/no/scal-run submit no-scal-run --cpus-per-task=1 "$repo/jobs/slurm/threads.sbatch" "$here/tiny-threads.job"
    refused "threads.sbatch without scal-run" "error: SCAL_RUN=$work/no/scal-run is not an executable file"
}

inside() {
    local case=$1
    work=$2
    verbose=$3
    say "Slurm $(sed -n 's/^SLURM_VERSION=//p' "$SLURM_LOCAL_STATE_DIR/plugins"):" \
        "$(grep -E '^(TaskPlugin|MpiDefault)=' "$SLURM_LOCAL_STATE_DIR/plugins" | tr '\n' ' ')"
    local c
    for c in ${case//,/ }; do
        mkdir -p "$work/submit-$c"
        cd "$work/submit-$c"
        "case_$c"
    done
    if [ $failures -ne 0 ]; then
        say "$failures check(s) failed"
        [ "$verbose" = 1 ] || show "$work"/*.out
        return 1
    fi
    say "PASS"
}

# ---------------------------------------------------------------------------------------------

case "${1:-}" in
    --inside) shift; inside "$@" ;;
    *[a-z]*)
        for c in ${1//,/ }; do
            case $c in
                threads | mpi | array | nested | refuse | nodes | command) ;;
                *) echo "$prog: unknown case '$c'" >&2; exit 2 ;;
            esac
        done
        [ "${2:-}" = -v ] && v=1 || v=0
        outside "$1" "$v" ;;
    *) echo "usage: $prog threads|mpi|array|nested|refuse|nodes|command[,...] [-v]" >&2; exit 2 ;;
esac
