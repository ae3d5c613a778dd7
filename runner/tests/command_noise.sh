#!/bin/bash
# engine = command: the noise monitor samples the machine while the program
# runs, and tells the program's own threads from the others'. A busy loop
# that runs only in the middle of the run, in a process group of its own
# (timeout(1) makes one), shows in others_running, which the edges of the
# run alone could not see; the same loop in the program's own group
# (timeout --foreground) does not. Run alone (RUN_SERIAL): another test's
# threads would be others too.
. "$(dirname "$0")/lib.sh"
command -v timeout > /dev/null || { echo "SKIP: timeout not found"; exit 77; }

cat > outside.sh <<'SH'
#!/bin/sh
timeout 0.7 sh -c 'while :; do :; done' &
sleep 0.8
wait
SH
cat > own.sh <<'SH'
#!/bin/sh
timeout --foreground 0.7 sh -c 'while :; do :; done'
sleep 0.1
SH
chmod +x outside.sh own.sh
cat > noise.job <<'JOB'
[global]
engine = command
repeat = 1
max-repeat = 1
warmup = 0
workers = 1

[outside]
command = ./outside.sh

[own]
command = ./own.sh
JOB
"$SCAL_RUN" --out res noise.job 2> err.txt
check "the study exits 0" [ $? -eq 0 ]
others() { csv_awk '$c["series"] == s { print $c["others_running"] }' s="$1" res/runs.csv; }
o=$(others outside) w=$(others own)
check "a loop outside the program's group, mid-run only: others_running $o >= 0.5" \
    awk -v x="$o" 'BEGIN { exit !(x != "" && x >= 0.5) }'
check "the same loop in the program's own group: others_running $w < 0.5" \
    awk -v x="$w" 'BEGIN { exit !(x != "" && x < 0.5) }'
finish
