#!/bin/sh
# stub-engine.sh - a stand-in for scal-omp / scal-mpi in scal-run's tests.
#
# Takes the engines' command line (WORKLOAD --threads N --format csv --repeat R
# --warmup W [--trace FILE] [--KEY VALUE ...]) and prints their CSV: one
# record per repetition whose wall_s follows Amdahl's law exactly,
#     wall_s = STUB_T1 * (STUB_F + (1 - STUB_F) / workers) * (1 + rep / 100),
# so the tests know what the summary must say. Behaviour from the environment
# (a job file sets it with its `env` key):
#   STUB_MODE     ok (default) | fail (exit 1, no records) | invalid (valid=0,
#                 exit 1) | usage (exit 2) | hang (ignore SIGTERM, never end)
#                 | short (one record fewer than --repeat, exit 0)
#   STUB_MODE_WORKERS  apply STUB_MODE only at this worker count
#   STUB_T1, STUB_F    the Amdahl parameters (defaults 0.8 and 0.1)
#   STUB_SLEEP    seconds to really sleep before answering (default 0)
#   STUB_PIDFILE  file to write this process's pid to
# The per-repetition noise and breakdown fields (busy_mean_s ... instructions):
#   STUB_FIELDS   new (default): print them | old: an engine without them
#   STUB_JITTER   J: each launch's wall times 1 + J * u, u uniform in [-1, 1)
#                 drawn from the pid (default 0: exact walls)
#   STUB_COUNTER  a file counting launches; with STUB_NOISY_EVERY=K every
#                 K-th launch is noisy (noisy=1, steal_s 0.05, others_running
#                 1) and its wall is STUB_NOISY_SLOW times longer (default 1)
#   STUB_IMBALANCE  busy_max_s / busy_mean_s (default 1)
#   STUB_COUNTERS 1: print cycles, instructions and freq_mhz (else empty)
set -u
workload=${1:?workload}
shift
workers=${OMP_NUM_THREADS:-1}
repeat=1 trace="" tasks=8 pool=map bind=none gil=off chunk=1
while [ $# -gt 0 ]; do
    case $1 in
        --threads) workers=$2; shift 2 ;;
        --repeat) repeat=$2; shift 2 ;;
        --trace) trace=$2; shift 2 ;;
        --tasks) tasks=$2; shift 2 ;;
        --pool) pool=$2; shift 2 ;;
        --bind) bind=$2; shift 2 ;;
        --chunk) chunk=$2; shift 2 ;;
        --gil) gil=on; shift ;;
        --report-bindings) shift ;;
        --*) shift 2 ;;
        *) echo "stub: unexpected argument '$1'" >&2; exit 2 ;;
    esac
done
[ -n "${STUB_PIDFILE:-}" ] && echo $$ > "$STUB_PIDFILE"
mode=${STUB_MODE:-ok}
if [ -n "${STUB_MODE_WORKERS:-}" ] && [ "$STUB_MODE_WORKERS" != "$workers" ]; then
    mode=ok
fi
echo "stub: $workload on $workers workers, mode $mode" >&2
case $mode in
    hang)
        trap '' TERM
        exec sleep 3600 ;;
    usage)
        echo "stub: bad usage, as asked" >&2
        exit 2 ;;
    fail)
        echo "stub: failing, as asked" >&2
        exit 1 ;;
esac
[ "${STUB_SLEEP:-0}" != 0 ] && sleep "$STUB_SLEEP"
[ "$mode" = short ] && repeat=$((repeat - 1))
valid=1
[ "$mode" = invalid ] && valid=0
launch=0
if [ -n "${STUB_COUNTER:-}" ]; then
    launch=$(( $(cat "$STUB_COUNTER" 2> /dev/null || echo 0) + 1 ))
    echo "$launch" > "$STUB_COUNTER"
fi
noisy=0
if [ -n "${STUB_NOISY_EVERY:-}" ] && [ $((launch % STUB_NOISY_EVERY)) -eq 0 ]; then
    noisy=1
fi
awk -v p="$workers" -v reps="$repeat" -v t1="${STUB_T1:-0.8}" -v f="${STUB_F:-0.1}" \
    -v wl="$workload" -v tasks="$tasks" -v pool="$pool" -v bind="$bind" -v gil="$gil" \
    -v chunk="$chunk" -v valid="$valid" -v trace="$trace" -v fields="${STUB_FIELDS:-new}" \
    -v jitter="${STUB_JITTER:-0}" -v seed="$$" -v noisy="$noisy" -v slow="${STUB_NOISY_SLOW:-1}" \
    -v imb="${STUB_IMBALANCE:-1}" -v counters="${STUB_COUNTERS:-0}" 'BEGIN {
    srand(seed)
    u = 2 * rand() - 1
    head = "engine,workload,kernel,pool,share,bind,ranks,threads,workers,nodes,tasks,rep,wall_s,task_sum_s,task_min_s,task_max_s,speedup,efficiency,first_result_s,setup_s,checksum,valid,oversubscribed,cpus,pss_bytes,matrix_bytes_per_node,host,version,gil,chunk"
    if (fields == "new")
        head = head ",busy_mean_s,busy_max_s,steal_s,nivcsw,others_running,noisy,freq_mhz,cycles,instructions,rank_hosts"
    print head ",extra_column"
    for (r = 0; r < reps; r++) {
        wall = t1 * (f + (1 - f) / p) * (1 + r / 100) * (1 + jitter * u) * (noisy ? slow : 1)
        sum = t1 * (1 - f)
        printf "omp,%s,,%s,,%s,1,%d,%d,,%d,%d,%.9f,%.9f,%.9f,%.9f,%.6f,%.6f,%.9f,0.0001,12345,%d,0,0;1,1000,0,stubhost,stub,%s,%d", \
            wl, pool, bind, p, p, tasks, r, wall, sum, sum / tasks, sum / tasks, sum / wall, sum / wall / p, \
            wall / tasks, valid, gil, chunk
        if (fields == "new") {
            bmean = sum / p
            printf ",%.9f,%.9f,%.3f,%d,%d,%d,", bmean, bmean * imb, noisy ? 0.05 : 0, noisy ? 40 : 1, noisy, noisy
            if (counters == 1)
                printf "2000,%.0f,%.0f", wall * 2e9, wall * 3e9
            else
                printf ",,"
            printf ",stubhost*%d", p
        }
        print ",x"
    }
    if (trace != "") {
        print "task,worker,cpu,start_s,end_s,result" > trace
        per = int((tasks + p - 1) / p)
        d = wall / per
        for (k = 0; k < tasks; k++) {
            w = k % p; slot = int(k / p)
            printf "%d,%d,%d,%.9f,%.9f,%d\n", k, w, w % 2, slot * d, (slot + 1) * d * 0.98, k > trace
        }
    }
}'
[ "$mode" = invalid ] && exit 1
exit 0
