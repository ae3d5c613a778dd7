#!/bin/bash
# engine = command end to end: programs scalestudy has never seen, swept from a
# job file alone. An OpenMP program printing a rate (launch = threads), an MPI
# program printing a time (launch = mpi, through mpirun), one that exits
# non-zero, one that never prints its figure, one whose figure is not a
# number, and one timed by scal-run itself (no fom). Figures are read exactly
# as printed (the last match), OMP_NUM_THREADS and the binding are the ones
# asked for, failures are rows with their reasons, and the study completes.
# Then bad job files: exit 2 naming file:line and key, before anything runs.
. "$(dirname "$0")/lib.sh"
: "${CMD_OMP:?set by CTest}" "${CMD_MPI:?set by CTest}"
cmd=$(cd "$(dirname "$0")/cmd" && pwd)
cat > study.job <<JOB
[global]
engine = command
repeat = 2
max-repeat = 2
warmup = 1
timeout = 60

[omp]
command = $CMD_OMP {size}
launch = threads
bind = spread
size = 5, 7
fom = ^rate: ([0-9.]+) items/s
fom-unit = items/s
fom-better = higher
expect = ^threads=[0-9]+$
workers = 1, 2

[unbound]
command = "$CMD_OMP" '3'
launch = threads
bind = none
fom = ^rate: ([0-9.]+)
workers = 2

[mpi]
command = $CMD_MPI
launch = mpi
launcher = mpirun
warmup = 0
fom = time: ([0-9.]+) s
fom-unit = s
workers = 1, 2
env = OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1

[fails]
command = $cmd/fail.sh
fom = rate: ([0-9]+)
workers = 1

[silent]
command = sh -c "echo 'no figure here'"
fom = rate: ([0-9]+)
workers = 1

[nan]
command = sh -c 'echo "rate: fast"'
fom = rate: ([^ ]+)
workers = 1

[unexpected]
command = sh -c 'echo rate: 4'
fom = rate: ([0-9]+)
expect = ^done$
workers = 1

[wall]
command = sleep {nap}
nap = 0.05
workers = 1
JOB

# bind = none must remove what scal-run's own environment sets
OMP_PLACES=threads OMP_PROC_BIND=true "$SCAL_RUN" --out res study.job 2> progress.txt
rc=$?
cat progress.txt
check "the study completes, exit 1 (some runs failed)" [ $rc -eq 1 ]
check "runs.csv: whole rows" rows_whole res/runs.csv
check "a sweep column for the user's own parameter" grep -q '^series,run_id,.*sweep_size,sweep_workers,' res/runs.csv
# value of column NAME of run RUN_ID (first row)
get() { awk -F, -v id="$1" -v n="$2" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } $c["run_id"] == id { print $c[n]; exit }' res/runs.csv; }
for size in 5 7; do
    for w in 1 2; do
        id=omp/size=$size/workers=$w
        want=$(awk -v w=$w -v n=$size 'BEGIN { printf "%.2f", 1000.25 * w + n }')
        check "$id: ok, both rounds" [ "$(status_of "$id")" = "ok,0" ]
        check "$id: fom $want items/s, the last match, exactly as printed" \
            eval '[ "$(get "$id" fom)" = "$want" ] && [ "$(get "$id" fom_unit)" = items/s ] && [ "$(get "$id" fom_better)" = higher ]'
        check "$id: $w thread(s) ran, OMP_NUM_THREADS=$w, OMP_PLACES=cores, OMP_PROC_BIND=spread" \
            grep -q "omp_rate: team=$w max_threads=$w OMP_PLACES=cores OMP_PROC_BIND=spread" "res/logs/omp.size=$size.workers=$w.log"
        check "$id: engine command, workers $w, cpu_s and maxrss_bytes known" \
            eval '[ "$(get "$id" engine)" = command ] && [ "$(get "$id" workers)" = $w ] && [ -n "$(get "$id" cpu_s)" ] && [ "$(get "$id" maxrss_bytes)" -gt 0 ]'
    done
done
check "a warm-up launch before each measured one" grep -q "^scal-run: 1 warm-up launch first" res/logs/omp.size=5.workers=1.log
check "warm-up output is dropped: two measured rows per point" [ "$(awk -F, -v s=omp 'NR > 1 && $1 == s' res/runs.csv | wc -l)" -eq 8 ]
check "bind = none: OMP_PLACES and OMP_PROC_BIND removed from scal-run's environment" \
    grep -q "omp_rate: team=2 max_threads=2 OMP_PLACES=(unset) OMP_PROC_BIND=(unset)" res/logs/unbound.workers=2.log
check "unbound: quotes honoured, fom 2003.50" [ "$(get unbound/workers=2 fom)" = 2003.50 ]
check "mpi/workers=2: ok, fom 0.500000 s, ranks 2" \
    eval '[ "$(status_of mpi/workers=2)" = "ok,0" ] && [ "$(get mpi/workers=2 fom)" = 0.500000 ] && [ "$(get mpi/workers=2 ranks)" = 2 ]'
check "mpi: started by mpirun -n 2, OMP_NUM_THREADS=1" \
    eval 'grep -q "^scal-run: command: OMP_NUM_THREADS=1 .*mpirun -n 2 .*mpi_time" res/logs/mpi.workers=2.log && grep -q "mpi_time: ranks=2 OMP_NUM_THREADS=1" res/logs/mpi.workers=2.log'
check "fails: failed, exit 3, with the program's words" \
    eval '[ "$(status_of fails/workers=1)" = "failed,3" ] && grep -q "the program exited with status 3.*fail.sh: giving up" res/runs.csv'
check "silent: failed, fom never matched, naming file:line and key" \
    grep -q "study.job:$(grep -n 'fom = rate: (\[0-9\]+)' study.job | sed -n 2p | cut -d: -f1): key 'fom': no line of the output matched" res/runs.csv
check "nan: failed, the captured text is not a number" grep -q "key 'fom': captured 'fast', not a number" res/runs.csv
check "unexpected: invalid, expect never matched" \
    eval '[ "$(status_of unexpected/workers=1)" = "invalid,0" ] && grep -q "key .expect.: the output never matched /^done\$/" res/runs.csv'
check "failed runs are not launched again" [ "$(awk -F, 'NR > 1 && $1 == "fails"' res/runs.csv | wc -l)" -eq 1 ]
wall=$(get wall/workers=1 wall_s)
check "wall: no fom, the wall scal-run measured ($wall s) covers the 0.05 s sleep" \
    eval '[ -z "$(get wall/workers=1 fom)" ] && awk -v w="$wall" "BEGIN { exit !(w >= 0.05 && w < 5) }"'
check "unknown fields are empty, never 0" \
    eval '[ -z "$(get wall/workers=1 tasks)" ] && [ -z "$(get wall/workers=1 checksum)" ] && [ -z "$(get wall/workers=1 ranks)" ]'
# speedup from the figures: higher is better, fom(2)/fom(1); the time, T(1)/T(2)
sp() { awk -F, -v s="$1" -v l="$2" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } $c["series"] == s && $c["label"] == l && $c["workers"] == 2 { print $c["speedup"] }' res/summary.csv; }
check "summary: omp size=7 speedup = 2007.50 / 1007.25 ($(sp omp size=7))" \
    awk -v s="$(sp omp size=7)" 'BEGIN { exit !(s > 0 && (s - 2007.5 / 1007.25)^2 < 1e-12) }'
check "summary: mpi speedup = 1 / 0.5 = 2 ($(sp mpi ''))" awk -v s="$(sp mpi '')" 'BEGIN { exit !(s == 2) }'
check "summary: CPU utilisation in the breakdown" grep -q "CPU util" res/summary.md
check "summary: says the figure is the command's fom" grep -q "Figure: the command's .fom.\*\* (items/s, higher is better)" res/summary.md

# ---- bad job files: exit 2, file:line and key, nothing run ----
refused() { # refused NAME 'message regex' JOB-TEXT
    printf '%s\n' "$3" > "$1.job"
    "$SCAL_RUN" --out "out-$1" "$1.job" 2> "$1.err"
    local r=$?
    check "$1: exit 2 ($(head -c 300 "$1.err"))" [ $r -eq 2 ]
    check "$1: says '$2'" grep -qE "$2" "$1.err"
    check "$1: nothing written" [ ! -e "out-$1" ]
}
head='[s]
engine = command
workers = 1'
refused unknown-key "^scal-run: unknown-key.job:4: key 'command': unknown key \{size\}" "$head
command = $CMD_OMP {size}"
refused not-found "^scal-run: not-found.job:4: key 'command': program 'no-such-program-here' not found on PATH" "$head
command = no-such-program-here --fast"
printf 'echo hi\n' > plain.sh
refused not-executable "^scal-run: not-executable.job:4: key 'command': program .*plain.sh: not executable" "$head
command = ./plain.sh"
refused bad-regex "^scal-run: bad-regex.job:5: key 'fom': bad value '\(\[0-9\]' \(not a POSIX extended regular expression" "$head
command = $CMD_OMP
fom = ([0-9]"
refused two-groups "^scal-run: two-groups.job:5: key 'fom': .* has 2 capture groups; it needs exactly one" "$head
command = $CMD_OMP
fom = (rate): ([0-9.]+)"
refused quote "^scal-run: quote.job:4: key 'command': cannot split .* a single quote is not closed" "$head
command = sh -c 'echo"
refused threads-not-mpi "^scal-run: threads-not-mpi.job:5: key 'threads' needs launch = mpi" "$head
command = $CMD_OMP
threads = 2"
refused engine-key "^scal-run: engine-key.job:5: key 'pool' does not apply to engine command" "$head
command = $CMD_OMP
pool = map"
refused weak "^scal-run: weak.job:5: key 'weak' does not apply to engine command .weak scaling grows a workload's size; .*give it .workers." "$head
command = $CMD_OMP
weak = tasks"
refused not-a-param "^scal-run: not-a-param.job:3: unknown key 'size'" '[global]
engine = omp
size = 3
workload = factor
workers = 1'
refused workers-unused "^scal-run: workers-unused.job:3: key 'workers': .*launch = none" '[global]
engine = command
workers = 1, 2
command = /bin/true'
finish
