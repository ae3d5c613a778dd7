#!/usr/bin/env bash
# measure.sh - the side-by-side figures of README.md, on this machine:
#   1. dispatch overhead per task: spin --us 0, wall * workers / tasks;
#   2. the seed's numpy matvec, seconds per query, one worker;
#   3. factor on 2 threads vs 2 processes (and 1 worker of each);
#   4. paths on 2 workers: threads, processes pickling the matrix per task,
#      processes attaching shared memory.
# Each case runs R measured repetitions (default 5, after one warm-up) and
# prints its median and range.  Raw records go to $OUT (default
# ./seed-python-runs.csv).  Keep the machine otherwise idle.
#
#   bench/seed-python/measure.sh [path/to/scal-omp]
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
py=${PYTHON:-/usr/bin/python3}
omp=${1:-}
R=${R:-5}
out=${OUT:-seed-python-runs.csv}
: >"$out"

# stats LABEL EXPR: median, min and max of EXPR over the csv rows on stdin
# (EXPR is Python over the row dict r, e.g. "r['wall_s']*2/20000").
stats() {
    "$py" -c '
import csv, os, statistics, sys
label, expr, out = sys.argv[1:4]
rows = list(csv.DictReader(sys.stdin))
with open(out, "a", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0]))
    if f.tell() == 0:
        w.writeheader()
    w.writerows(rows)
nums = ("wall_s", "task_sum_s", "tasks", "workers", "first_result_s", "setup_s", "pss_bytes")
vals = [eval(expr, {}, {"r": {k: float(v) if k in nums else v for k, v in r.items()}}) for r in rows]
print("%-36s median %-11.4g min %-11.4g max %-11.4g (n=%d)"
      % (label, statistics.median(vals), min(vals), max(vals), len(vals)))' "$1" "$2" "$out"
}

sp() { "$py" "$here/seed_pools.py" "$@" --format csv --repeat "$R" --warmup 1; }

echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# 1. dispatch overhead: spin --us 0 --tasks 20000 --workers 2; us per task = wall * workers / tasks"
for ex in thread process; do
    for pool in submit map; do
        sp spin --us 0 --tasks 20000 --workers 2 --executor $ex --pool $pool |
            stats "$ex $pool (us/task)" "r['wall_s'] * r['workers'] / r['tasks'] * 1e6"
    done
done
if [ -n "$omp" ]; then
    for pool in submit map; do
        "$omp" spin --us 0 --tasks 20000 --threads 2 --pool $pool --format csv --repeat "$R" --warmup 1 |
            stats "scal-omp $pool (us/task)" "r['wall_s'] * r['workers'] / r['tasks'] * 1e6"
    done
fi

echo "# 2. numpy matvec: paths --nodes 4096 --fraction 0.01 --max-hop 8 --pairs 12 --workers 1"
sp paths --nodes 4096 --fraction 0.01 --max-hop 8 --pairs 12 --workers 1 --pool submit --out "$out.paths" |
    stats "matvec (s/query)" "r['task_sum_s'] / r['tasks']"
# Products done per query: d for a pair d hops apart, H when unreachable.
"$py" -c '
import csv, sys
d = [int(r["distance"]) for r in csv.DictReader(open(sys.argv[1]))]
n = sum(x if x >= 0 else 8 for x in d)  # --max-hop 8
print("  %d queries, %d vector-matrix products, distances %s" % (len(d), n, sorted(d)))' "$out.paths"
rm -f "$out.paths"

# Cases 3 and 4 are long and compared with each other: run them in rounds,
# one repetition of each case per round, so load from elsewhere falls on all
# of them alike.
tmpd=$(mktemp -d)
trap 'rm -rf "$tmpd"' EXIT
# rounds NAME CMD...: per round, run each "label|args" line of $cases.
rounds() {
    local r label args
    for r in $(seq 1 "$R"); do
        while IFS='|' read -r label args; do
            [ -n "$label" ] || continue
            # shellcheck disable=SC2086
            "$@" $args --format csv --repeat 1 >"$tmpd/one.csv"
            if [ ! -s "$tmpd/$label" ]; then cp "$tmpd/one.csv" "$tmpd/$label"; else
                tail -n +2 "$tmpd/one.csv" >>"$tmpd/$label"; fi
        done <<<"$cases"
        echo "  round $r done, load $(cut -d' ' -f1 /proc/loadavg)" >&2
    done
}

echo "# 3. factor --base 10000001 --tasks 32 --pool submit, $R rounds"
cases="thread-x1|--executor thread --workers 1
process-x1|--executor process --workers 1
thread-x2|--executor thread --workers 2
process-x2|--executor process --workers 2"
rounds "$py" "$here/seed_pools.py" factor --base 10000001 --tasks 32 --pool submit
if [ -n "$omp" ]; then
    cases="omp-x1|--threads 1
omp-x2|--threads 2
omp-x2-gil|--threads 2 --gil"
    rounds "$omp" factor --base 10000001 --tasks 32 --pool submit
fi
for label in thread-x1 process-x1 thread-x2 process-x2 omp-x1 omp-x2 omp-x2-gil; do
    if [ -s "$tmpd/$label" ]; then stats "factor $label wall (s)" "r['wall_s']" <"$tmpd/$label"; fi
done

echo "# 4. paths --nodes 4096 --fraction 0.01 --max-hop 8 --pairs 12 --workers 2 --pool submit, $R rounds"
cases="thread|--executor thread
per-task|--executor process --share per-task
shm|--executor process --share shm"
rounds "$py" "$here/seed_pools.py" paths --nodes 4096 --fraction 0.01 --max-hop 8 --pairs 12 --workers 2 --pool submit
for label in thread per-task shm; do
    stats "paths $label wall (s)" "r['wall_s']" <"$tmpd/$label"
    stats "paths $label pss (MB)" "r['pss_bytes'] / 1e6" <"$tmpd/$label"
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
