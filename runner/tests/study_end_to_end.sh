#!/bin/bash
# A tiny study with the stub engine, end to end: the results folder is
# complete, runs.csv parses, the summary agrees with numbers recomputed from
# runs.csv, the plots are real PNGs, and --report rebuilds the same summary.
. "$(dirname "$0")/lib.sh"
use_stub_engines

cat > tiny.job <<'JOB'
[global]
engine = omp
workload = spin
us = 10
tasks = 8
repeat = 3
max-repeat = 3
warmup = 0

[amdahl]
workers = 1,2,4
env = STUB_T1=0.8 STUB_F=0.1

[nobase]
pool = map,submit
workers = 2,4
env = STUB_F=0.2
JOB

"$SCAL_RUN" --out res tiny.job 2> progress.txt
check "exit status 0 when every run is ok" [ $? -eq 0 ]
check "one progress line per run, with index/total" [ "$(grep -c '^scal-run: \[[0-9]/7\] series ' progress.txt)" -eq 7 ]
check "progress shows workers, repetitions and time left" grep -q '\[3/7\] series amdahl, 4 workers, 3 reps (amdahl/workers=4): ok, median wall .* left' progress.txt

for f in runs.csv summary.csv summary.md env.txt tiny.job index.html; do
    check "results folder has $f" [ -s "res/$f" ]
done
check "the job file is copied verbatim" cmp -s tiny.job res/tiny.job
check "one trace per run" [ "$(ls res/traces | wc -l)" -eq 7 ]
check "one stderr log per run" [ "$(ls res/logs | wc -l)" -eq 7 ]
for p in speedup efficiency breakdown spread timeline-0 timeline-1 timeline-2; do
    check "plots/$p.gp kept" [ -s "res/plots/$p.gp" ]
    check "plots/$p.png is a PNG image" png_ok "res/plots/$p.png"
    check "plots/$p.svg is SVG" grep -q '<svg' "res/plots/$p.svg"
done
check "plots/speedup.dat kept" [ -s res/plots/speedup.dat ]
check "speedup: one panel per series (two here)" grep -q '^set multiplot layout 1,2 ' res/plots/speedup.gp
check "speedup: the 95% CI of every point as an error bar" [ "$(grep -c 'with yerrorbars' res/plots/speedup.gp)" -eq 3 ]
check "speedup: the Amdahl fit only where 3 counts above 1 were measured (none here)" eval '! grep -q "title .Amdahl fit." res/plots/speedup.gp'
check "index.html inlines every plot" [ "$(grep -c '<figure id="plot-' res/index.html)" -eq "$(ls res/plots/*.svg | wc -l)" ]
for key in hostname uname cpu_model cores pus compiler c_flags mpirun hwloc scalestudy engine_omp; do
    check "env.txt records $key" grep -q "^$key: ." res/env.txt
done

check "runs.csv: every row has the header's field count" rows_whole res/runs.csv
check "runs.csv: 7 runs x 3 repetitions" [ "$(lines res/runs.csv)" -eq 22 ]
check "runs.csv: sweep columns then status" \
    grep -q '^series,run_id,sweep_pool,sweep_workers,scaling,status,exit_code,elapsed_s,trace,engine,' res/runs.csv
check "runs.csv: all ok" [ "$(csv_col status res/runs.csv | sort -u)" = ok ]
check "runs.csv: engine columns kept by name" [ "$(csv_col cpus res/runs.csv | sort -u)" = "0;1" ]

# Recompute median wall, speedup and Karp-Flatt per (series, pool, workers)
# from runs.csv alone, and compare with summary.csv.
csv_awk '
    { k = $c["series"] "," $c["sweep_pool"] "," $c["sweep_workers"]; n[k]++; w[k, n[k]] = $c["wall_s"] }
    END {
        for (k in n) {
            # three repetitions: the median is the middle one
            a = w[k, 1]; b = w[k, 2]; d = w[k, 3]
            if (a > b) { t = a; a = b; b = t }
            if (b > d) { t = b; b = d; d = t }
            if (a > b) { t = a; a = b; b = t }
            print k "," b
        }
    }' OFMT='%.12g' CONVFMT='%.12g' res/runs.csv | sort > medians.txt
awk -F, -v OFMT='%.12g' -v CONVFMT='%.12g' '
    { split($0, f, ","); med[$1 "," $2 "," $3] = $4; if (!(($1 "," $2) in base) || $3 < bw[$1 "," $2]) { base[$1 "," $2] = $4 * $3; bw[$1 "," $2] = $3 } }
    END { for (k in med) { split(k, p, ","); s = base[p[1] "," p[2]] / med[k]; e = (p[3] > 1 && p[3] != bw[p[1] "," p[2]]) ? (1 / s - 1 / p[3]) / (1 - 1 / p[3]) : ""; print k "," med[k] "," s "," e } }
' medians.txt | sort > expect.txt
csv_awk '{ pool = $c["label"]; sub(/^pool=/, "", pool); print $c["series"] "," pool "," $c["workers"] "," $c["wall_median_s"] "," $c["speedup"] "," $c["karp_flatt"] }' \
    res/summary.csv | sort > got.txt
check "summary.csv has one row per series, pool and worker count" [ "$(wc -l < got.txt)" -eq 7 ]
close_enough() {
    paste -d, expect.txt got.txt | awk -F, '
        function off(x, y) { if (x == "" || y == "") return x != y; d = x - y; if (d < 0) d = -d; return d > 1e-6 * (x < 0 ? -x : x) + 1e-12 }
        $1 != $7 || $2 != $8 || $3 != $9 || off($4, $10) || off($5, $11) || off($6, $12) { print "mismatch: " $0; bad = 1 }
        END { exit bad }'
}
check "summary medians, speedups and Karp-Flatt agree with runs.csv" close_enough
# Two worker counts above 1 are not enough for a fit (rounds.sh fits four).
check "amdahl series: no fit from 2 worker counts above 1" \
    csv_awk '$c["series"] == "amdahl" { if ($c["amdahl_f"] != "" || $c["amdahl_s16"] != "") exit 1; seen = 1 } END { exit !seen }' res/summary.csv
check "amdahl series: summary.md says not enough points" \
    grep -q 'Amdahl fit: not enough points (2 measured worker counts above 1; it needs 3)' res/summary.md
check "summary.md labels the scaled base of a series without a 1-worker run" \
    grep -q 'no 1-worker run.\*\* T(1) is estimated as 2 × the 2-worker median' res/summary.md
check "summary.md has one section per curve" [ "$(grep -c '^## \(amdahl\|nobase\)' res/summary.md)" -eq 3 ]
check "summary.md: the findings first, the method last" \
    eval '[ "$(grep "^## " res/summary.md | sed -n "1p;\$p" | tr "\n" " ")" = "## Findings ## Method " ]'

cp res/summary.csv summary.before
rm -rf res/summary.csv res/summary.md res/plots
"$SCAL_RUN" --report res 2> report.txt
check "--report exits 0" [ $? -eq 0 ]
check "--report rebuilds the same summary.csv from runs.csv" cmp -s summary.before res/summary.csv
check "--report renders the plots again" png_ok res/plots/speedup.png

"$SCAL_RUN" --dry-run tiny.job > dry.txt
check "--dry-run prints one command per run" [ "$(wc -l < dry.txt)" -eq 7 ]
check "--dry-run commands set OMP_NUM_THREADS and name the engine" \
    grep -q "^OMP_NUM_THREADS=4 STUB_F=0.2 $work/engines/scal-omp spin --threads 4 --format csv --repeat 1 --warmup 0 " dry.txt
finish
