#!/usr/bin/env bash
# noise.sh - the noise monitor's record fields from both engines, read by
# name from their csv: present and in range at 1, 2 and 4 workers; a busy
# process pinned to the workers' CPU flags the repetitions noisy with its
# evidence; without counters (this machine, or SCAL_MONITOR=nocounters)
# cycles and instructions are empty and nothing is printed about it;
# SCAL_MONITOR=off leaves the monitor's fields empty; a bad SCAL_MONITOR is
# refused naming the value.
# usage: noise.sh CASE   (SCAL_OMP, SCAL_MPI, MPIEXEC from the environment)
set -u
case_name=$1
omp=${SCAL_OMP:?} mpi=${SCAL_MPI:?} mpiexec=${MPIEXEC:?}
tmp=$(mktemp -d)
hog=
cleanup() {
    [ -n "$hog" ] && kill "$hog" 2>/dev/null && wait "$hog" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*" >&2; fail=$((fail + 1)); }

# Columns by name: csv_col NAME FILE (status 3 without that column), csv_awk.
. "$(dirname "$0")/csv.sh"

monitor_fields="busy_mean_s busy_max_s steal_s nivcsw others_running noisy freq_mhz cycles instructions"

# in_range FILE LABEL [SLACK_S SLACK_SHARE]: every record's monitor fields
# exist and hold values that can be true.  busy_max_s may pass wall_s by the
# slack (default 1 ms + 1%): in scal-mpi each rank starts its own clock when
# it leaves the barrier, and rank 0 may leave it last on a busy machine.
in_range() {
    local f=$1 label=$2 slack=${3:-1e-3} share=${4:-0.01} name
    for name in $monitor_fields; do
        if ! csv_col "$name" "$f" >/dev/null; then
            bad "$label: no '$name' column"
            return
        fi
    done
    local bad_rows
    bad_rows=$(csv_awk '
        function v(n) { return $(c[n]) }
        function num(n) { return v(n) ~ /^[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?$/ }
        {
            why = ""
            wall = v("wall_s") + 0; eps = slack + share * wall
            if (!num("busy_mean_s") || !num("busy_max_s")) why = why " busy not numbers"
            else {
                if (v("busy_max_s") + 0 > wall + eps) why = why " busy_max_s > wall_s"
                if (v("busy_mean_s") + 0 > v("busy_max_s") + 1e-12) why = why " busy_mean_s > busy_max_s"
                if (v("busy_max_s") + 0 <= 0) why = why " load balance undefined (busy_max_s 0)"
                sum = v("busy_mean_s") * v("workers"); ts = v("task_sum_s") + 0
                if (sum - ts > 1e-6 * ts + 1e-9 || ts - sum > 1e-6 * ts + 1e-9) why = why " busy_mean_s x workers != task_sum_s"
            }
            if (!num("steal_s")) why = why " steal_s"
            if (v("nivcsw") !~ /^[0-9]+$/) why = why " nivcsw"
            if (!num("others_running")) why = why " others_running"
            if (v("noisy") != "0" && v("noisy") != "1") why = why " noisy"
            if (v("freq_mhz") != "" && !(v("freq_mhz") + 0 > 0)) why = why " freq_mhz"
            if ((v("cycles") == "") != (v("instructions") == "")) why = why " cycles/instructions: one empty"
            if (v("cycles") != "" && !(v("cycles") + 0 > 0 && v("instructions") + 0 > 0)) why = why " counters not positive"
            if (why != "") print "record " NR - 1 ":" why
        }' slack="$slack" share="$share" "$f")
    if [ -z "$bad_rows" ] && [ "$(wc -l <"$f")" -gt 1 ]; then ok; else
        bad "$label: ${bad_rows:-no records}"
    fi
}

run_mpi() { # run_mpi OUT NP ARGS...
    local out=$1 np=$2
    shift 2
    timeout 120 "$mpiexec" -n "$np" "$mpi" "$@" --format csv >"$out" 2>"$tmp/err"
}

# Does this machine count cycles for a user process?  perf says so, or not.
have_counters() {
    command -v perf >/dev/null && perf stat -x, -e instructions:u true 2>&1 >/dev/null |
        grep -q '^[0-9]'
}

case $case_name in
fields-omp)
    for t in 1 2 4; do
        for pool in map submit as-completed; do
            "$omp" spin --us 300 --tasks 120 --threads "$t" --pool "$pool" --repeat 2 --format csv \
                >"$tmp/o.csv" 2>"$tmp/err" || bad "omp $t $pool: exit $? $(cat "$tmp/err")"
            in_range "$tmp/o.csv" "omp threads=$t pool=$pool"
        done
    done
    "$omp" factor --tasks 12 --base 1000001 --threads 2 --gil --repeat 2 --format csv >"$tmp/o.csv" 2>/dev/null
    in_range "$tmp/o.csv" "omp --gil"
    ;;
fields-mpi)
    # map and one dynamic pool (submit and as-completed share their dispatch)
    for np in 1 2 4; do
        for pool in map as-completed; do
            run_mpi "$tmp/m.csv" "$np" spin --us 300 --tasks 120 --pool "$pool" --repeat 2 ||
                bad "mpi np=$np $pool: exit $? $(tail -3 "$tmp/err")"
            in_range "$tmp/m.csv" "mpi np=$np pool=$pool" 5e-3 0.05
        done
    done
    run_mpi "$tmp/m.csv" 2 spin --us 300 --tasks 120 --threads 2 --pool submit --repeat 2
    in_range "$tmp/m.csv" "mpi 2 ranks x 2 threads" 5e-3 0.05
    run_mpi "$tmp/m.csv" 4 spin --us 300 --tasks 120 --ranks-per-node 2 --pool submit --repeat 2
    in_range "$tmp/m.csv" "mpi 4 ranks, emulated nodes of 2" 5e-3 0.05
    ;;
noisy)
    command -v taskset >/dev/null || { echo "skip: no taskset to pin a competing process"; exit 77; }
    cpu=$(taskset -pc $$ | awk -F': ' '{ split($2, a, /[,-]/); print a[1] }')
    # One worker and a busy loop on the same CPU: the worker gets about half
    # of it, preempted every few milliseconds.  Asserted without comparing
    # to a quiet run: on a shared machine the quiet run may be noisy too.
    taskset -c "$cpu" bash -c 'while :; do :; done' &
    hog=$!
    sleep 0.2
    for eng in omp mpi; do
        if [ $eng = omp ]; then
            taskset -c "$cpu" "$omp" spin --us 2000 --tasks 100 --threads 1 --repeat 3 --format csv \
                >"$tmp/n.csv" 2>"$tmp/err"
        else
            taskset -c "$cpu" "$mpiexec" -n 1 --bind-to none "$mpi" spin --us 2000 --tasks 100 \
                --repeat 3 --format csv >"$tmp/n.csv" 2>"$tmp/err"
        fi
        in_range "$tmp/n.csv" "$eng with a competitor" 5e-3 0.05
        noisy=$(csv_col noisy "$tmp/n.csv" | sort -u | tr '\n' ' ')
        others=$(csv_col others_running "$tmp/n.csv" | sort -g | head -1)
        sw=$(csv_col nivcsw "$tmp/n.csv" | sort -g | head -1)
        echo "$eng with a busy process on CPU $cpu: noisy $noisy; others_running min $others; nivcsw min $sw"
        [ "$noisy" = "1 " ] && ok || bad "$eng: a competitor on the worker's CPU, yet noisy is '$noisy'"
        awk -v o="$others" 'BEGIN { exit !(o >= 0.5) }' && ok || bad "$eng: others_running $others < 0.5 with a competitor"
        awk -v s="$sw" 'BEGIN { exit !(s >= 5) }' && ok || bad "$eng: only $sw involuntary switches with a competitor"
    done
    kill "$hog" && wait "$hog" 2>/dev/null
    hog=
    # The same without the competitor, for the log.
    taskset -c "$cpu" "$omp" spin --us 2000 --tasks 100 --threads 1 --repeat 3 --format csv >"$tmp/q.csv" 2>/dev/null
    echo "omp without it: noisy $(csv_col noisy "$tmp/q.csv" | tr '\n' ' '); others_running $(csv_col others_running "$tmp/q.csv" | tr '\n' ' '); nivcsw $(csv_col nivcsw "$tmp/q.csv" | tr '\n' ' ')"
    # Our own oversubscription is not the machine's noise: four workers on
    # one CPU see each other as ours, not as others.
    taskset -c "$cpu" "$omp" spin --us 2000 --tasks 100 --threads 4 --repeat 2 --format csv >"$tmp/q.csv" 2>/dev/null
    in_range "$tmp/q.csv" "omp 4 threads on one CPU"
    [ "$(csv_col oversubscribed "$tmp/q.csv" | sort -u)" = 1 ] && ok || bad "4 threads on one CPU not oversubscribed"
    ;;
counters)
    for mode in default nocounters; do
        env=()
        [ $mode = nocounters ] && env=(SCAL_MONITOR=nocounters)
        env "${env[@]}" "$omp" spin --us 100 --tasks 50 --threads 2 --repeat 2 --format csv >"$tmp/c.csv" 2>"$tmp/err"
        env "${env[@]}" "$mpiexec" -n 2 "$mpi" spin --us 100 --tasks 50 --repeat 2 --format csv >"$tmp/d.csv" 2>>"$tmp/err"
        in_range "$tmp/c.csv" "$mode omp"
        in_range "$tmp/d.csv" "$mode mpi" 5e-3 0.05
        for f in "$tmp/c.csv" "$tmp/d.csv"; do
            c=$(csv_col cycles "$f" | sort -u | tr -d '\n')
            i=$(csv_col instructions "$f" | sort -u | tr -d '\n')
            if [ $mode = nocounters ] || ! have_counters; then
                [ -z "$c$i" ] && ok || bad "$mode: counters unavailable, yet cycles '$c' instructions '$i'"
            else
                [ -n "$c" ] && [ -n "$i" ] && ok || bad "$mode: this machine counts, yet cycles are empty"
            fi
        done
        # Unavailable counters are not worth a message (the empty field says it).
        if grep -Eiq 'perf|counter' "$tmp/err"; then bad "$mode: stderr speaks of counters: $(cat "$tmp/err")"; else ok; fi
    done
    have_counters && echo "this machine has counters" || echo "this machine has no counters: the empty path ran"
    ;;
off)
    SCAL_MONITOR=off "$omp" spin --us 100 --tasks 50 --threads 2 --repeat 2 --format csv >"$tmp/o.csv" 2>"$tmp/err" ||
        bad "SCAL_MONITOR=off: exit $?"
    for name in steal_s nivcsw others_running noisy freq_mhz cycles instructions; do
        v=$(csv_col $name "$tmp/o.csv" | sort -u | tr -d '\n')
        [ -z "$v" ] && ok || bad "SCAL_MONITOR=off: $name is '$v', not empty"
    done
    # busy times come from the task log, not the monitor
    [ -n "$(csv_col busy_max_s "$tmp/o.csv" | head -1)" ] && ok || bad "SCAL_MONITOR=off: busy_max_s empty"
    SCAL_MONITOR=off "$omp" spin --us 100 --tasks 50 --threads 2 --format json >"$tmp/o.json" 2>/dev/null
    grep -q '"others_running":null' "$tmp/o.json" && grep -q '"cycles":null' "$tmp/o.json" && ok ||
        bad "SCAL_MONITOR=off: json without nulls: $(cat "$tmp/o.json")"
    for eng in omp mpi; do
        if [ $eng = omp ]; then
            SCAL_MONITOR=maybe "$omp" spin --tasks 5 --format csv >"$tmp/b.out" 2>"$tmp/b.err"
        else
            SCAL_MONITOR=maybe timeout 120 "$mpiexec" -n 2 "$mpi" spin --tasks 5 --format csv >"$tmp/b.out" 2>"$tmp/b.err"
        fi
        rc=$?
        [ $rc = 2 ] && ok || bad "$eng: SCAL_MONITOR=maybe exited $rc, not 2"
        grep -q "SCAL_MONITOR 'maybe'" "$tmp/b.err" && ok || bad "$eng: message does not name the value: $(cat "$tmp/b.err")"
        [ "$(grep -c "SCAL_MONITOR" "$tmp/b.err")" = 1 ] && ok || bad "$eng: not exactly one message: $(cat "$tmp/b.err")"
        [ ! -s "$tmp/b.out" ] && ok || bad "$eng: SCAL_MONITOR=maybe wrote records: $(cat "$tmp/b.out")"
    done
    ;;
*)
    echo "noise.sh: unknown case '$case_name'" >&2
    exit 2
    ;;
esac
echo "$case_name: $pass passed, $fail failed"
[ $fail = 0 ]
