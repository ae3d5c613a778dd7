#!/bin/bash
# Runs that fail, are invalid, exit 2 or print too few records are recorded
# with their status, exit code and stderr tail; the study goes on and exits 1.
. "$(dirname "$0")/lib.sh"
use_stub_engines

{ spin_global 3; cat <<'JOB'; } > mixed.job
[fails-at-2]
workers = 1,2,4
env = STUB_MODE=fail STUB_MODE_WORKERS=2

[invalid]
workers = 1
env = STUB_MODE=invalid

[usage]
workers = 1
env = STUB_MODE=usage

[short]
workers = 1
env = STUB_MODE=short
JOB

"$SCAL_RUN" --out res mixed.job 2> progress.txt
check "exit status 1 when a run failed" [ $? -eq 1 ]
check "every run was attempted" [ "$(grep -c '^scal-run: \[' progress.txt)" -eq 6 ]
check "the last message points at the summary" grep -q '4 of 6 runs not ok; see res/summary.md' progress.txt
check "runs.csv holds whole rows, quoted stderr tails included" rows_whole res/runs.csv
check "the run before the failure is ok" [ "$(status_of fails-at-2/workers=1)" = "ok,0" ]
check "the failed run is one row: failed, exit 1" [ "$(status_of fails-at-2/workers=2)" = "failed,1" ]
check "the run after the failure is ok" [ "$(status_of fails-at-2/workers=4)" = "ok,0" ]
check "invalid records: status invalid, exit 1" [ "$(status_of invalid/workers=1)" = "invalid,1" ]
check "bad usage: failed, exit 2" [ "$(status_of usage/workers=1)" = "failed,2" ]
check "too few records: failed" [ "$(status_of short/workers=1)" = "failed,0" ]
check "the failed run's stderr tail is in its row" grep -q '^fails-at-2,fails-at-2/workers=2,.*stub: failing, as asked\\n"*$' res/runs.csv
check "the short run says what was wrong" grep -q 'expected 1 records with a .valid. field, got 0' res/runs.csv
check "invalid runs keep their records, one row each (one launch, one record)" [ "$(grep -c '^invalid,' res/runs.csv)" -eq 1 ]
check "ok runs carry no stderr tail" [ -z "$(csv_awk '$c["run_id"] == "fails-at-2/workers=1" { print $c["stderr_tail"] }' res/runs.csv | sort -u)" ]
check "summary.md lists the runs not ok" grep -q '^| `fails-at-2/workers=2` | failed | 1 |' res/summary.md
check "summary leaves failed points out of the statistics" \
    grep -q '^fails-at-2,,2,0,1,,,,1,1,' res/summary.csv
check "the failed run's whole stderr is in logs/" grep -q 'failing, as asked' res/logs/fails-at-2.workers=2.log
finish
