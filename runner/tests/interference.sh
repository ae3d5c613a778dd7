#!/bin/bash
# A study of the real scal-omp during which another process competes for one
# core part of the time. Whatever the interference did to the numbers, the
# summary never reports a contradicted claim on stable points: the 2-thread
# point either still shows its speedup with a CI, or its claim is
# inconclusive, or the point is marked unstable. When the engine reports the
# per-repetition `noisy` flag, the repetitions the competitor touched are
# flagged.
. "$(dirname "$0")/lib.sh"
unset SCAL_ENGINE_DIR
command -v taskset > /dev/null || { echo "SKIP: taskset not found"; exit 77; }

cat > contended.job <<'JOB'
[global]
engine = omp
workload = spin
us = 1000
tasks = 200
warmup = 1
repeat = 6
max-repeat = 10
timeout = 60

[spin]
workers = 1, 2
claim = speedup
JOB

# The competitor: a busy loop on CPU 0 from 1 s into the study, for 3 s.
(
    sleep 1
    exec taskset -c 0 bash -c 'end=$((SECONDS + 3)); while [ $SECONDS -lt $end ]; do :; done'
) &
competitor=$!
"$SCAL_RUN" --out res contended.job 2> progress.txt
rc=$?
kill "$competitor" 2> /dev/null
wait "$competitor" 2> /dev/null
check "the study exits 0" [ $rc -eq 0 ]
check "runs.csv holds whole rows" rows_whole res/runs.csv
check "every launch recorded with its round" [ -z "$(csv_col round res/runs.csv | grep -v '^[0-9][0-9]*$')" ]

# The 2-thread point: its row in summary.csv and the claim's row in summary.md.
row=$(csv_awk '$c["workers"] == 2 {
        print $c["stable"] "," $c["speedup_ci_lo"] "," $c["speedup_ci_hi"] "," $c["verdict"] }' res/summary.csv)
echo "2 threads: stable,speedup_ci_lo,speedup_ci_hi,verdict = $row"
claim=$(grep '^| spin | `speedup` |' res/summary.md)
echo "claim: $claim"
stable=${row%%,*}
check "the claim is judged" [ -n "$claim" ]
check "no contradicted claim on a stable point" \
    eval '! { echo "$claim" | grep -q contradicted && [ "$stable" = 1 ]; }'
check "a stable point's verdict agrees with its CI" \
    awk -F, -v r="$row" 'BEGIN { split(r, f, ","); if (f[1] != 1) exit 0;
        if (f[2] > 1) exit !(f[4] == "speedup" || f[4] == "superlinear"); exit !(f[4] == "no speedup" || f[4] == "slowdown") }'
check "a confirmed claim has a CI above 1" \
    eval '! echo "$claim" | grep -q confirmed || awk -v lo="$(echo "$row" | cut -d, -f2)" "BEGIN { exit !(lo > 1) }"'

if [ -n "$(csv_col noisy res/runs.csv | grep -v '^$')" ]; then
    check "the engine flagged the repetitions the competitor touched" [ "$(csv_col noisy res/runs.csv | grep -c '^1$')" -ge 1 ]
    check "summary counts them" [ -n "$(csv_awk '$c["noisy_reps"] > 0' res/summary.csv)" ]
else
    echo "note: this scal-omp prints no 'noisy' field; the flags are not checked"
fi
finish
