#!/usr/bin/env bash
# faults.sh - what the engines and scal-run do when things go wrong: a rank
# killed mid-run, scal-run killed mid-study, output that cannot be written or
# does not fit, a window run stopped by a signal, too little shared memory.
# usage: faults.sh CASE, with MPIEXEC, SCAL_MPI, SCAL_OMP and SCAL_RUN set
# (tests/CMakeLists.txt).  Prints PASS/FAIL per check and "N passed, N failed".
#
# Open MPI leaves files behind when mpirun itself is killed (SIGKILL): its
# session folder ($TMPDIR or /tmp)/ompi.HOST.UID/pid.PID and the shared-memory
# segments /dev/shm/vader_segment.HOST.*.JOBID.*.  The tests note which
# files a job maps while it runs and remove exactly those afterwards, never
# another job's.
set -u
: "${MPIEXEC:?}" "${SCAL_MPI:?}" "${SCAL_OMP:?}" "${SCAL_RUN:?}"
case_name=${1:?case}
work=$(mktemp -d /tmp/scal-faults.XXXXXX)
cd "$work" || exit 1
pass=0 fail=0 skip=0
cleanup_files=()
mounts=()
cleanup() {
    local p
    for p in $(tagged_pids scal-mpi) $(launcher_pids) $(tagged_pids scal-run); do kill -9 "$p"; done
    for m in "${mounts[@]}"; do umount "$m" 2>/dev/null; done
    for f in "${cleanup_files[@]}"; do rm -rf "$f"; done
    cd / && rm -rf "$work"
}
trap cleanup EXIT

check() { # check DESCRIPTION COMMAND...
    local desc=$1
    shift
    if "$@"; then echo "PASS $desc"; pass=$((pass + 1)); else echo "FAIL $desc"; fail=$((fail + 1)); fi
}
skipped() { echo "SKIP $*"; skip=$((skip + 1)); }
# Exit 1 if a check failed; 77 (CTest's skip) if a part could not be tried
# here, so a case that did not run all its checks never shows as passed.
finish() {
    echo "$pass passed, $fail failed, $skip skipped"
    [ "$fail" -eq 0 ] || exit 1
    [ "$skip" -eq 0 ] || exit 77
    exit 0
}
# Columns by name: csv_col NAME FILE, csv_last, csv_awk.
. "$(dirname "$0")/csv.sh"
# status_of RUN_ID [RUNS_CSV]: "status,exit_code" of that run (res/runs.csv).
status_of() {
    csv_awk '$c["run_id"] == id { print $c["status"] "," $c["exit_code"] }' id="$1" \
        "${2:-res/runs.csv}" | sort -u
}

# A tag in the environment of everything a case starts, so that its
# processes are told apart from any other test's running at the same time.
export SCAL_FAULT_TEST_TAG=$$.$RANDOM
# tagged_pids NAME: pids of processes called NAME that carry our tag.
tagged_pids() {
    local p
    for p in $(pgrep -x "$1"); do
        { tr '\0' '\n' < "/proc/$p/environ"; } 2>/dev/null | grep -qx "SCAL_FAULT_TEST_TAG=$SCAL_FAULT_TEST_TAG" && echo "$p"
    done
}
# rank_pid R: the pid of our scal-mpi rank R.
rank_pid() {
    local p
    for p in $(tagged_pids scal-mpi); do
        { tr '\0' '\n' < "/proc/$p/environ"; } 2>/dev/null | grep -qx "OMPI_COMM_WORLD_RANK=$1" && echo "$p"
    done
}
# wait_until SECONDS COMMAND...: poll every 0.05 s for at most SECONDS of
# wall time (on a loaded machine one try can take long); status of the last.
wait_until() {
    local end=$((SECONDS + $1))
    shift
    while [ $SECONDS -lt $end ]; do
        "$@" && return 0
        sleep 0.05
    done
    "$@"
}
# mpirun by any of its names (mpiexec and orterun are links to it).
launcher_pids() { tagged_pids mpirun; tagged_pids mpiexec; tagged_pids orterun; }
none_left() { [ -z "$(tagged_pids scal-mpi)$(launcher_pids)$(tagged_pids scal-run)" ]; }
# note_job_files: remember the shared-memory and session files our ranks map
# (to check they are gone, and to remove them when mpirun could not).
job_files=()
note_job_files() {
    local p f
    # mpirun's session folder is named after it, whether or not a rank has
    # mapped anything in it yet.
    for p in $(launcher_pids); do
        for f in "${TMPDIR:-/tmp}"/ompi.*/pid."$p"; do job_files+=("$f"); done
    done
    for p in $(tagged_pids scal-mpi); do
        while read -r f; do
            case $f in
                /dev/shm/*) job_files+=("$f") ;;
                */ompi.*/pid.*) job_files+=("${f%%/pid.*}/pid.$(echo "${f#*/pid.}" | cut -d/ -f1)") ;;
            esac
        done < <(awk '$6 ~ /^\// { print $6 }' "/proc/$p/maps" 2>/dev/null | sort -u)
    done
    mapfile -t job_files < <(printf '%s\n' "${job_files[@]}" | sort -u | grep .)
    cleanup_files+=("${job_files[@]}")
}
left_behind() { # the noted files that still exist, one per line
    local f
    for f in "${job_files[@]}"; do [ -e "$f" ] && echo "$f"; done
}
# mount_tmpfs DIR SIZE: a private small filesystem; fails without privileges.
mount_tmpfs() {
    mkdir -p "$1" && mount -t tmpfs -o "size=$2" tmpfs "$1" 2>/dev/null || return 1
    mounts+=("$1")
}
# A character device that refuses every write with ENOSPC, made here so that
# no test can ever replace the machine's own /dev/full.
full_device() {
    if mknod "$work/full" c 1 7 2>/dev/null; then echo "$work/full"; else echo /dev/full; fi
}

# mpirun with a deadline: the test fails rather than hangs.
mpi() { timeout -k 5 120 "$MPIEXEC" "$@"; }

case $case_name in
rank-killed)
    # SIGKILL rank 1 of 3 while results stream in: mpirun ends the whole job,
    # says which rank died of which signal, and leaves no rank and no file.
    mpi -n 3 "$SCAL_MPI" spin --tasks 100000 --us 1000 --pool as-completed --show 100000 \
        > out.txt 2> err.txt &
    job=$!
    check "results stream in" wait_until 60 eval '[ "$(grep -c "task" out.txt)" -ge 5 ]'
    note_job_files
    victim=$(rank_pid 1)
    check "rank 1 found" [ -n "$victim" ]
    start=$(date +%s)
    kill -KILL "$victim"
    wait "$job"
    rc=$?
    took=$(($(date +%s) - start))
    echo "mpirun exited $rc after $took s"
    check "mpirun exits 137 (128 + SIGKILL)" [ "$rc" -eq 137 ]
    check "... within 30 s, no hang" [ "$took" -le 30 ]
    check "... naming rank 1 and signal 9" grep -q "rank 1 .*exited on signal 9" err.txt
    check "no rank left running" wait_until 10 none_left
    check "no shared-memory or session file left" [ -z "$(left_behind)" ]

    # The same through the SCAL_FAULT hook, in every pool and hybrid.
    for args in "--pool map" "--pool submit" "--pool as-completed" "--pool submit --threads 2"; do
        # shellcheck disable=SC2086
        SCAL_FAULT=kill-rank:1:after-tasks:5 mpi -n 2 "$SCAL_MPI" spin --tasks 4000 --us 500 \
            $args --format csv > out.txt 2> err.txt
        rc=$?
        check "SCAL_FAULT $args: exit 137, rank 1 named" eval \
            '[ $rc -eq 137 ] && grep -q "rank 1 .*exited on signal 9" err.txt'
    done
    check "no rank left running" wait_until 10 none_left
    SCAL_FAULT=kill-rank:one mpi -n 2 "$SCAL_MPI" spin --tasks 4 > out.txt 2> err.txt
    rc=$?
    check "a malformed SCAL_FAULT is bad usage: exit 2, one message" eval \
        '[ $rc -eq 2 ] && [ "$(grep -c "^scal-mpi: SCAL_FAULT=.kill-rank:one. is neither" err.txt)" -eq 1 ]'
    ;;

study-rank-killed)
    # A study whose MPI run loses a rank: the run is recorded as failed with
    # mpirun's status and message, and the study goes on to the next run.
    cat > killed.job <<JOB
[global]
workload = spin
us = 500
tasks = 4000
repeat = 2
max-repeat = 2
warmup = 0
timeout = 120

[mpi-killed]
engine = mpi
launcher = mpirun
workers = 2
env = SCAL_FAULT=kill-rank:1:after-tasks:5 OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1

[omp-after]
engine = omp
tasks = 40
workers = 1
JOB
    "$SCAL_RUN" --out res killed.job 2> progress.txt
    rc=$?
    check "scal-run exits 1: a run failed" [ "$rc" -eq 1 ]
    check "the killed run: failed, exit 137" [ "$(status_of mpi-killed/workers=2)" = "failed,137" ]
    check "its stderr tail names the dead rank" grep -q "^mpi-killed,.*rank 1 .*signal 9" res/runs.csv
    check "the study went on: the next run is ok" [ "$(status_of omp-after/workers=1)" = "ok,0" ]
    check "runs.csv: one row per run, none torn" [ "$(wc -l < res/runs.csv)" -eq 4 ]
    check "the failed run is listed in summary.md" grep -q 'mpi-killed/workers=2.*failed' res/summary.md
    check "no rank left running" wait_until 10 none_left
    ;;

study-killed)
    # SIGKILL scal-run while an MPI run is going: mpirun dies with it
    # (PR_SET_PDEATHSIG) and its ranks follow; runs.csv holds whole rows and
    # --resume finishes the study, running nothing twice.
    cat > long.job <<JOB
[global]
workload = spin
us = 1000
tasks = 3000
repeat = 1
max-repeat = 1
warmup = 0
timeout = 120
env = SCAL_FAULT_TEST_TAG=$SCAL_FAULT_TEST_TAG OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1

[omp-first]
engine = omp
tasks = 20
workers = 1

[mpi]
engine = mpi
launcher = mpirun
workers = 1,2
JOB
    "$SCAL_RUN" --out res long.job 2> first.txt &
    runner=$!
    # Rounds run the points in a shuffled order: which MPI run is going (its
    # mpirun's -n), and whether the omp run came before it, varies. Read
    # from a live rank's mpirun, again until one is caught between its
    # rank's start and end; scal-run is killed at once after.
    running_n() {
        local r m
        r=$(rank_pid 0 | head -1)
        [ -n "$r" ] && m=$(ps -o ppid= -p "$r" 2> /dev/null | tr -d ' ') && [ -n "$m" ] || return 1
        killed=$(tr '\0' ' ' < "/proc/$m/cmdline" 2> /dev/null | sed -n 's/.* -n \([0-9]*\) .*/\1/p')
        [ -n "$killed" ]
    }
    killed=
    check "the MPI run starts" wait_until 60 running_n
    note_job_files
    kill -KILL "$runner"
    wait "$runner" 2> /dev/null
    check "mpirun and every rank die with scal-run" wait_until 15 none_left
    check "runs.csv: whole rows, the killed run not among them" eval \
        '[ -n "$killed" ] && [ "$(wc -l < res/runs.csv)" -le 3 ] && ! grep -q "^mpi,mpi/workers=$killed," res/runs.csv'
    done_before=$(($(wc -l < res/runs.csv) - 1))
    # mpirun got SIGTERM as its parent-death signal: it ended its ranks and
    # removed its shared-memory segments and session folder itself.
    check "nothing of the killed run is left in /dev/shm or its session folder" \
        wait_until 15 eval '[ -z "$(left_behind)" ]'
    left_behind | sed 's/^/  left: /'
    check "no process of the killed study remains (guardian included)" \
        eval '[ -z "$(tagged_pids scal-run)$(launcher_pids)$(tagged_pids scal-mpi)" ]'
    "$SCAL_RUN" --resume res long.job 2> second.txt
    rc=$?
    check "--resume exits 0" [ "$rc" -eq 0 ]
    check "--resume runs the missing runs only" grep -q "resuming res: $((3 - done_before)) of 3 runs to go" second.txt
    check "runs.csv: each run once, all ok" eval \
        '[ "$(wc -l < res/runs.csv)" -eq 4 ] && [ "$(csv_col run_id res/runs.csv | sort | uniq -d)" = "" ] &&
         [ "$(csv_col status res/runs.csv | sort -u)" = ok ]'
    ;;

output-unwritable)
    # A results path that cannot be written is refused before anything runs:
    # exit 2, a message naming it, no file.  Root ignores permissions, so as
    # root the engines run as nobody (setpriv) against a read-only folder.
    mkdir ro && chmod 555 ro
    as_user=()
    if [ "$(id -u)" -eq 0 ]; then
        if command -v setpriv > /dev/null && id nobody > /dev/null 2>&1 &&
            setpriv --reuid nobody --regid "$(id -g nobody)" --clear-groups test -x "$SCAL_OMP"; then
            as_user=(setpriv --reuid nobody --regid "$(id -g nobody)" --clear-groups)
            chmod 755 "$work"
        fi
    fi
    if [ "$(id -u)" -ne 0 ] || [ ${#as_user[@]} -gt 0 ]; then
        "${as_user[@]}" "$SCAL_OMP" factor --tasks 4 --base 1000001 --out "$work/ro/o.csv" \
            > /dev/null 2> err.txt
        rc=$?
        check "scal-omp --out in a read-only folder: exit 2 naming it" eval \
            "[ $rc -eq 2 ] && grep -q \"cannot write '$work/ro/o.csv': Permission denied\" err.txt"
        "${as_user[@]}" "$SCAL_OMP" factor --tasks 4 --base 1000001 --trace "$work/ro/t.csv" \
            > /dev/null 2> err.txt
        check "scal-omp --trace likewise" eval "[ $? -eq 2 ] && grep -q \"'$work/ro/t.csv'\" err.txt"
        "${as_user[@]}" env -u OMPI_ALLOW_RUN_AS_ROOT -u OMPI_ALLOW_RUN_AS_ROOT_CONFIRM \
            timeout 120 "$MPIEXEC" -n 2 "$SCAL_MPI" factor --tasks 4 --base 1000001 \
            --out "$work/ro/o.csv" > /dev/null 2> err.txt
        rc=$?
        check "scal-mpi --out in a read-only folder: exit 2, one message" eval \
            "[ $rc -eq 2 ] && [ \"\$(grep -c \"^scal-mpi: cannot write '$work/ro/o.csv'\" err.txt)\" -eq 1 ]"
        printf '[global]\nengine = omp\nworkload = spin\nworkers = 1\n' > "$work/s.job"
        "${as_user[@]}" "$SCAL_RUN" --out "$work/ro/res" "$work/s.job" 2> err.txt
        rc=$?
        check "scal-run --out in a read-only folder: exit 2 naming it" eval \
            "[ $rc -eq 2 ] && grep -q 'cannot create the results folder $work/ro/res: Permission denied' err.txt"
        check "... and nothing was written there" [ -z "$(ls -A ro)" ]
    else
        skipped "read-only folder: root, and no setpriv to run as nobody"
    fi
    # Paths that are wrong for anyone, root included.
    echo x > plain
    "$SCAL_OMP" factor --tasks 4 --base 1000001 --out plain/o.csv > /dev/null 2> err.txt
    check "--out under a regular file: exit 2 naming it" eval \
        "[ $? -eq 2 ] && grep -q \"cannot write 'plain/o.csv': Not a directory\" err.txt"
    "$SCAL_OMP" factor --tasks 4 --base 1000001 --out ro > /dev/null 2> err.txt
    check "--out naming a folder: exit 2" eval "[ $? -eq 2 ] && grep -q \"'ro': it is a directory\" err.txt"
    mpi -n 2 "$SCAL_MPI" paths --nodes 50 --pairs 5 --write-graph plain/g.mtx > /dev/null 2> err.txt
    check "scal-mpi --write-graph under a regular file: exit 2, one message" eval \
        "[ $? -eq 2 ] && [ \"\$(grep -c \"^scal-mpi: .*plain/g.mtx\" err.txt)\" -eq 1 ]"
    printf '[global]\nengine = omp\nworkload = spin\nworkers = 1\n' > s.job
    "$SCAL_RUN" --out plain/res s.job 2> err.txt
    check "scal-run --out under a regular file: exit 2 naming it" eval \
        "[ $? -eq 2 ] && grep -q 'cannot create the results folder plain/res' err.txt"
    check "no temporary file left anywhere" [ -z "$(find . -name '*.tmp*')" ]
    ;;

output-full)
    # A device that is always full: the run is measured, the write fails
    # with a message naming the path (exit 1), and the device is still a
    # device (it is written in place, never replaced by a renamed file).
    full=$(full_device)
    "$SCAL_OMP" factor --tasks 50 --base 1000001 --out "$full" > /dev/null 2> err.txt
    rc=$?
    check "scal-omp --out FULL: exit 1, ENOSPC named" eval \
        "[ $rc -eq 1 ] && grep -q \"cannot write '$full': No space left on device\" err.txt"
    "$SCAL_OMP" factor --tasks 50 --base 1000001 --out /dev/null --trace "$full" > /dev/null 2> err.txt
    check "scal-omp --trace FULL: exit 1 naming it" eval "[ $? -eq 1 ] && grep -q \"'$full'\" err.txt"
    mpi -n 2 "$SCAL_MPI" factor --tasks 50 --base 1000001 --out "$full" > /dev/null 2> err.txt
    check "scal-mpi --out FULL: exit 1, one message" eval \
        "[ $? -eq 1 ] && [ \"\$(grep -c \"cannot write '$full': No space left\" err.txt)\" -eq 1 ]"
    "$SCAL_OMP" paths --nodes 50 --pairs 5 --write-graph "$full" > /dev/null 2> err.txt
    check "scal-omp --write-graph FULL: a failed write, exit 1 naming it" eval "[ $? -eq 1 ] && grep -q \"'$full': No space left\" err.txt"
    mpi -n 2 "$SCAL_MPI" paths --nodes 50 --pairs 5 --write-graph "$full" > /dev/null 2> err.txt
    check "scal-mpi --write-graph FULL: exit 1, one message" eval \
        "[ $? -eq 1 ] && [ \"\$(grep -c \"cannot write '$full': No space left\" err.txt)\" -eq 1 ]"
    check "the device is still a character device" [ -c "$full" ]
    check "/dev/null is still a character device" [ -c /dev/null ]
    check "no temporary file beside it" [ -z "$(find "$(dirname "$full")" -maxdepth 1 -name 'full.tmp*' 2>/dev/null)" ]

    # A real filesystem that fills up (a 1 MiB tmpfs, when mounting is
    # allowed): result files are whole or absent, runs.csv rows are whole.
    if mount_tmpfs "$work/tiny" 1m; then
        "$SCAL_OMP" spin --tasks 400000 --out tiny/o.csv > /dev/null 2> err.txt
        rc=$?
        check "--out on a full filesystem: exit 1, ENOSPC named" eval \
            "[ $rc -eq 1 ] && grep -q \"cannot write 'tiny/o.csv': No space left on device\" err.txt"
        check "... and no partial or temporary file" [ -z "$(ls -A tiny)" ]
        # 40 short runs; once the first is recorded the filesystem is filled
        # up: the engines then fail to write their traces, and the rows of
        # those failed runs go on until runs.csv needs a new page.
        cat > fill.job <<'JOB'
[global]
engine = omp
workload = spin
repeat = 1
max-repeat = 1
warmup = 0

[s]
tasks = 20,21,22,23,24,25,26,27
us = 10000,10001,10002,10003,10004
workers = 1
JOB
        "$SCAL_RUN" --out tiny/res fill.job 2> study.txt &
        runner=$!
        check "the first run is recorded" wait_until 60 eval '[ "$(wc -l < tiny/res/runs.csv 2>/dev/null)" -ge 2 ]'
        dd if=/dev/zero of=tiny/filler bs=4k 2> /dev/null
        wait "$runner"
        rc=$?
        check "scal-run stops with an error naming runs.csv (exit 1)" eval \
            "[ $rc -eq 1 ] && grep -q 'runs.csv: write: No space left on device' study.txt"
        rows_whole() { awk -F, 'NR == 1 { n = NF } NF != n { bad = 1 } END { exit bad }' "$1"; }
        check "runs.csv holds whole rows only" rows_whole tiny/res/runs.csv
        recorded=$(($(wc -l < tiny/res/runs.csv) - 1))
        echo "runs recorded before the disk was full: $recorded of 40"
        check "... some, not all" eval '[ "$recorded" -ge 1 ] && [ "$recorded" -lt 40 ]'
        rm -f tiny/filler
        "$SCAL_RUN" --resume tiny/res fill.job 2> resume.txt
        check "with room again, --resume records every run once" eval \
            '[ "$(wc -l < tiny/res/runs.csv)" -eq 41 ] && [ -z "$(csv_col run_id tiny/res/runs.csv | sort | uniq -d)" ]'
        check "... in whole rows" rows_whole tiny/res/runs.csv
    else
        skipped "full filesystem: cannot mount a tmpfs here"
    fi
    ;;

window-sigterm)
    # A window run stopped by a signal leaves no shared-memory file of ours:
    # osc/sm unlinks the window's backing file as soon as every rank has
    # mapped it.  SIGTERM to mpirun, or SIGTERM / SIGINT to its whole process
    # group (scal-run's timeout, Ctrl-C), lets mpirun end its ranks and
    # remove its own segments and session folder as well.
    for how in mpirun group-term group-int; do
        job_files=()
        # Not under timeout(1): it would pass the signal on a second time, and
        # a second SIGTERM makes mpirun give up its orderly shutdown.
        setsid "$MPIEXEC" -n 2 "$SCAL_MPI" paths --nodes 3000 --pairs 3000000 \
            --share window --pool submit > /dev/null 2> err.txt &
        check "$how: the window is mapped" wait_until 60 eval \
            '[ -n "$(rank_pid 1)" ] && grep -q /dev/shm/osc_sm "/proc/$(rank_pid 1)/maps"'
        osc=$(grep -o '/dev/shm/osc_sm[^ ]*' "/proc/$(rank_pid 1)/maps" | head -1)
        note_job_files
        check "$how: its backing file $osc is already unlinked" eval "[ -n '$osc' ] && [ ! -e '$osc' ]"
        mpirun_pid=$(launcher_pids | head -1)
        case $how in
            mpirun) kill -TERM "$mpirun_pid" ;;
            group-term) kill -TERM -- "-$(ps -o pgid= "$mpirun_pid" | tr -d ' ')" ;;
            group-int) kill -INT -- "-$(ps -o pgid= "$mpirun_pid" | tr -d ' ')" ;;
        esac
        check "$how: every process ends" wait_until 30 none_left
        wait
        check "$how: no window file of ours is left" [ -z "$(ls /dev/shm | grep "${osc##*/}")" ]
        check "$how: nor any file of Open MPI's" [ -z "$(left_behind)" ]
        left_behind | sed "s/^/  left: /"
    done

    # scal-run stopping an MPI run at its timeout: the run is recorded as a
    # timeout and nothing of the job is left behind.  A sparse graph of long
    # chains searched without a hop limit: about 5 us a query here, so 10^7
    # queries outlast the 10 s timeout many times over on any machine.
    cat > timeout.job <<JOB
[global]
engine = mpi
workload = paths
nodes = 20000
fraction = 0.0001
max-hop = 1000
pairs = 10000000
share = window
pool = submit
repeat = 1
max-repeat = 1
warmup = 0
timeout = 10
workers = 2
env = OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
JOB
    job_files=()
    "$SCAL_RUN" --out res timeout.job 2> study.txt &
    runner=$!
    check "scal-run: the window is mapped" wait_until 60 eval \
        '[ -n "$(rank_pid 1)" ] && grep -q /dev/shm/osc_sm "/proc/$(rank_pid 1)/maps"'
    note_job_files
    wait "$runner"
    check "scal-run: the run is recorded as a timeout" eval '[ "$(status_of global/workers=2 | cut -d, -f1)" = timeout ]'
    check "scal-run: every process ends" wait_until 10 none_left
    check "scal-run: no file of the job is left" [ -z "$(left_behind)" ]
    left_behind | sed "s/^/  left: /"
    ;;

shm-too-small)
    # Open MPI's osc/sm puts a window's backing file in osc_sm_backing_directory;
    # /proc has no free space at all, so every window is too large there.
    for np in 1 2 4; do
        OMPI_MCA_osc_sm_backing_directory=/proc mpi -n $np "$SCAL_MPI" paths --nodes 2000 \
            --pairs 10 --share window --out o.csv > /dev/null 2> err.txt
        rc=$?
        check "np=$np: exit 2, one message naming the bytes, the folder and its room" eval \
            "[ $rc -eq 2 ] && [ \"\$(grep -c '^scal-mpi: the shared window needs [0-9]* bytes .* in /proc, which has 0 bytes' err.txt)\" -eq 1 ]"
        check "np=$np: nothing written" [ ! -e o.csv ]
    done
    OMPI_MCA_osc_sm_backing_directory=/proc mpi -n 4 "$SCAL_MPI" paths --nodes 2000 --pairs 10 \
        --share window --ranks-per-node 2 > /dev/null 2> err.txt
    check "emulated nodes: both copies counted" eval \
        "[ $? -eq 2 ] && grep -q 'one copy per emulated node' err.txt"
    mpi --mca osc_sm_backing_directory /proc -n 2 "$SCAL_MPI" paths --nodes 2000 --pairs 10 \
        --share window > /dev/null 2> err.txt
    check "set with mpirun --mca: the same refusal" eval "[ $? -eq 2 ] && grep -q 'in /proc,' err.txt"
    OMPI_MCA_osc_sm_backing_directory=/proc mpi -n 2 "$SCAL_MPI" paths --nodes 2000 --pairs 10 \
        --share copy > /dev/null 2> err.txt
    check "--share copy needs no shared memory: runs" [ $? -eq 0 ]
    if mount_tmpfs "$work/shm" 1m; then
        OMPI_MCA_osc_sm_backing_directory=$work/shm mpi -n 2 "$SCAL_MPI" paths --nodes 2000 \
            --pairs 10 --share window > /dev/null 2> err.txt
        check "a real 1 MiB tmpfs: a 1 MB window is refused (exit 2)" eval \
            "[ $? -eq 2 ] && grep -q 'which has 1048576 bytes' err.txt"
        OMPI_MCA_osc_sm_backing_directory=$work/shm mpi -n 2 "$SCAL_MPI" paths --nodes 1000 \
            --pairs 10 --share window > /dev/null 2> err.txt
        check "... and a 256 KB one fits and runs" [ $? -eq 0 ]
        check "... leaving the tmpfs empty" [ -z "$(ls -A shm)" ]
    else
        skipped "1 MiB tmpfs: cannot mount here"
    fi
    ;;

temp-files)
    # A result's temporary (FILE.tmp.XXXXXX) exists only while the result is
    # written, at the end of the run, and every way out that can run code
    # removes it: Ctrl-C, SIGTERM, SIGTERM to the process group (scal-run's
    # timeout and its own Ctrl-C), a rank killed while rank 0 writes, and
    # scal-run stopped while an engine writes a trace.
    tmp_of() { ls "$1".tmp.* 2> /dev/null; }
    big=(spin --tasks 2000000 --us 0 --threads 1 --format csv)
    "$SCAL_OMP" spin --tasks 40 --us 50000 --threads 1 --out slow.csv > /dev/null 2>&1 &
    job=$!
    sleep 1
    check "no temporary while the run computes" [ -z "$(tmp_of slow.csv)" ]
    wait "$job"
    check "... the result appears whole at the end" [ "$(wc -l < slow.csv)" -eq 41 ]
    for how in INT TERM group-TERM group-INT HUP; do
        rm -f big.csv
        # A background job starts with SIGINT ignored; Ctrl-C reaches a
        # foreground program with it at its default.
        setsid env --default-signal=INT "$SCAL_OMP" "${big[@]}" --trace big.csv > /dev/null 2> err.txt &
        job=$!
        check "$how: the trace is being written" wait_until 60 eval '[ -n "$(tmp_of big.csv)" ]'
        case $how in
            group-*) kill -"${how#group-}" -- "-$job" ;;
            *) kill -"$how" "$job" ;;
        esac
        wait "$job"
        rc=$?
        check "$how: the engine dies of the signal (exit $rc)" [ "$rc" -gt 128 ]
        check "$how: no temporary left, no partial trace" eval '[ -z "$(tmp_of big.csv)" ] && [ ! -e big.csv ]'
    done

    # A rank killed while rank 0 writes: mpirun ends rank 0 with SIGTERM.
    rm -f big.csv
    mpi -n 2 "$SCAL_MPI" "${big[@]}" --trace big.csv > /dev/null 2> err.txt &
    job=$!
    check "mpi: the trace is being written" wait_until 90 eval '[ -n "$(tmp_of big.csv)" ]'
    victim=$(rank_pid 1)
    check "mpi: rank 1 found" [ -n "$victim" ]
    [ -n "$victim" ] && kill -KILL "$victim"
    wait "$job"
    check "mpi: the job fails" [ $? -ne 0 ]
    # Rank 0 may have finished its write before mpirun's SIGTERM reached it
    # (its results were all in): then the trace is whole, never partial.
    check "mpi: no temporary left, no partial trace" wait_until 10 eval \
        '[ -z "$(tmp_of big.csv)" ] && { [ ! -e big.csv ] || [ "$(wc -l < big.csv)" -eq 2000001 ]; }'
    for f in big.csv*; do [ -e "$f" ] && echo "  left: $f ($(wc -l < "$f") lines)"; done
    check "mpi: no rank left running" wait_until 10 none_left

    # scal-run stopped (SIGTERM, as a batch system's time limit) while its
    # engine writes a trace into the results folder.
    cat > trace.job <<JOB
[global]
engine = omp
workload = spin
tasks = 2000000
us = 0
repeat = 1
warmup = 0
workers = 1
env = SCAL_FAULT_TEST_TAG=$SCAL_FAULT_TEST_TAG
JOB
    "$SCAL_RUN" --out res trace.job 2> study.txt &
    runner=$!
    check "scal-run: the engine writes its trace" wait_until 90 eval '[ -n "$(ls res/traces/*.tmp.* 2> /dev/null)" ]'
    kill -TERM "$runner"
    wait "$runner"
    check "scal-run: stops with exit 1, saying how to resume" eval "[ $? -eq 1 ] && grep -q 'interrupted by signal 15' study.txt"
    check "scal-run: no temporary anywhere in the results folder" [ -z "$(find res -name '*.tmp.*')" ]

    # scal-run's timeout: the point is recorded as a timeout, nothing left.
    cat > timeout.job <<JOB
[global]
engine = omp
workload = spin
tasks = 100
us = 100000
repeat = 1
warmup = 0
timeout = 1
workers = 1
JOB
    "$SCAL_RUN" --out res2 timeout.job 2> study.txt
    rc=$?
    check "scal-run timeout: exit 1, recorded as a timeout" eval \
        '[ $rc -eq 1 ] && [ "$(status_of global/workers=1 res2/runs.csv)" = timeout,143 ]'
    check "scal-run timeout: no temporary anywhere" [ -z "$(find res2 . -maxdepth 3 -name '*.tmp.*')" ]
    ;;

*)
    echo "unknown case $case_name" >&2
    exit 2
    ;;
esac
check "no process of this case left" wait_until 10 none_left
finish
