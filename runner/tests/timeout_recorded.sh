#!/bin/bash
# A run that hangs (and ignores SIGTERM) is killed at its timeout with its
# whole process group, recorded as timeout, and the study goes on.
. "$(dirname "$0")/lib.sh"
use_stub_engines

cat > hang.job <<JOB
[global]
engine = omp
workload = spin
repeat = 1
warmup = 0

[hangs-at-2]
workers = 1,2
timeout = 0.5
env = STUB_MODE=hang STUB_MODE_WORKERS=2 STUB_PIDFILE=$work/engine.pid

[after]
workers = 1
JOB

start=$(date +%s)
"$SCAL_RUN" --out res hang.job 2> progress.txt
rc=$?
took=$(($(date +%s) - start))
check "exit status 1 after a timeout" [ $rc -eq 1 ]
check "the hang cost its timeout and the kill grace, not more" [ "$took" -lt 10 ]
check "the hung run is recorded as timeout, killed by SIGKILL" [ "$(status_of hangs-at-2/workers=2)" = "timeout,137" ]
check "its row says why" grep -q 'killed after the 0.5 s timeout' res/runs.csv
check "the study went on after it" [ "$(status_of after/workers=1)" = "ok,0" ]
check "progress shows the timeout" grep -q '\[2/3\] series hangs-at-2, 2 workers, 1 rep (hangs-at-2/workers=2): timeout' progress.txt
engine=$(cat engine.pid)
check "the hung engine is gone" eval '[ -n "$engine" ] && { [ ! -d "/proc/$engine" ] || grep -q "^State:.*Z" "/proc/$engine/status"; }'
finish
