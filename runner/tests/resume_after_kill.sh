#!/bin/bash
# SIGKILL scal-run while a run is going: runs.csv keeps only whole rows, the
# engine it was running dies with it, and --resume completes the study
# without running anything twice. SIGTERM (Ctrl-C, a batch time limit) stops
# the running engine's process group and says how to resume.
. "$(dirname "$0")/lib.sh"
use_stub_engines

cat > slow.job <<JOB
[global]
engine = omp
workload = sleep
mean = 0.01
repeat = 2
max-repeat = 2
warmup = 0
env = STUB_SLEEP=0.5 STUB_PIDFILE=$work/engine.pid

[slow]
workers = 1,2,3,4
JOB

# wait_for_second_run DIR: the first run's rows are in DIR/runs.csv and the
# second run's engine has started (it writes its pid to engine.pid).
wait_for_second_run() {
    for _ in $(seq 100); do
        [ -f "$1/runs.csv" ] && [ "$(lines "$1/runs.csv")" -ge 3 ] && break
        sleep 0.05
    done
    rm -f engine.pid
    for _ in $(seq 100); do
        [ -s engine.pid ] && break
        sleep 0.02
    done
}

"$SCAL_RUN" --out res slow.job 2> first.txt &
runner=$!
wait_for_second_run res
kill -9 "$runner"
wait "$runner" 2> /dev/null
engine=$(cat engine.pid)
check "killed while a run was going" eval '[ -n "$engine" ] && [ "$(lines res/runs.csv)" -lt 9 ]'
check "runs.csv holds whole rows only" rows_whole res/runs.csv
gone() {
    for _ in $(seq 100); do
        [ -d "/proc/$1" ] || return 0
        grep -q '^State:.*Z' "/proc/$1/status" 2> /dev/null && return 0
        sleep 0.02
    done
    return 1
}
check "the engine died with scal-run" gone "$engine"
held=$(($(lines res/runs.csv) - 1))
echo "launches done before the kill: $held"

"$SCAL_RUN" --resume res slow.job 2> second.txt
check "--resume exits 0" [ $? -eq 0 ]
check "--resume says how many launches are left" grep -q "resuming res: 4 of 4 runs to go .*at least $((8 - held)) launches" second.txt
check "--resume completes every point" [ "$(grep -c '^scal-run: \[' second.txt)" -eq 4 ]
check "runs.csv: 4 runs x 2 repetitions, nothing twice" [ "$(lines res/runs.csv)" -eq 9 ]
check "runs.csv: each (run id, round) once" \
    [ -z "$(paste -d, <(csv_col run_id res/runs.csv) <(csv_col round res/runs.csv) | sort | uniq -d)" ]
check "runs.csv: every run id present" \
    [ "$(csv_col run_id res/runs.csv | sort -u | tr '\n' ' ')" = "slow/workers=1 slow/workers=2 slow/workers=3 slow/workers=4 " ]
check "runs.csv: whole rows after resuming" rows_whole res/runs.csv
check "summary covers all four worker counts" [ "$(grep -c '^slow,' res/summary.csv)" -eq 4 ]
check "env.txt records the resume" grep -q '^# resumed' res/env.txt

"$SCAL_RUN" --resume res slow.job 2> third.txt
check "resuming a finished study runs nothing" eval '[ "$(lines res/runs.csv)" -eq 9 ] && grep -q "0 of 4 runs to go" third.txt'

sed 's/1,2,3,4/1,2/' slow.job > other.job && mv other.job slow.job
"$SCAL_RUN" --resume res slow.job 2> changed.txt
rc=$?
check "--resume with a changed job file is refused (exit 2)" [ $rc -eq 2 ]
check "... saying the job file differs" grep -q 'differs from res/slow.job' changed.txt

# SIGTERM while a run is going: the engine is shut down, the run is not
# recorded, scal-run exits 1 naming the --resume command.
sed 's/1,2/1,2,3/' slow.job > term.job
"$SCAL_RUN" --out res2 term.job 2> term.txt &
runner=$!
wait_for_second_run res2
kill -TERM "$runner"
wait "$runner"
rc=$?
engine=$(cat engine.pid)
check "SIGTERM: scal-run exits 1" [ $rc -eq 1 ]
check "SIGTERM: it says it was interrupted and how to resume" \
    grep -q "interrupted by signal 15 .* to finish: scal-run --resume res2 term.job" term.txt
check "SIGTERM: the running engine is shut down" gone "$engine"
check "SIGTERM: the interrupted run is not recorded" eval '[ "$(lines res2/runs.csv)" -lt 7 ] && rows_whole res2/runs.csv'
"$SCAL_RUN" --resume res2 term.job 2> /dev/null
rc=$?
check "SIGTERM: --resume completes the study" eval '[ $rc -eq 0 ] && [ "$(lines res2/runs.csv)" -eq 7 ]'
finish
