#!/bin/bash
# Rounds, adaptive repetitions and the statistics, with the stub engine:
# rounds interleave and are recorded, adaptive repetitions stop at the
# precision, max-repeat marks a point unstable, the budget stops a study, a
# noisy repetition is counted, the POP breakdown comes from the engine's busy
# times (n/a without them), verdicts and claims follow the CIs, Amdahl is
# fitted from 3+ worker counts, and --report gives the same numbers again.
. "$(dirname "$0")/lib.sh"
use_stub_engines

# summary FILE SERIES WORKERS COLUMN: one summary.csv value (no quoted fields before it).
summary() {
    csv_awk '$c["series"] == s && $c["workers"] == w { print $c[col] }' s="$2" w="$3" col="$4" "$1"
}

# 1. Rounds: five points, six rounds each; every round holds every point once
# before the next begins, and the order is shuffled.
{ spin_global 6; cat <<'JOB'; } > rounds.job
[r]
workers = 1,2,3,4,5
JOB
"$SCAL_RUN" --out res rounds.job 2> progress.txt
check "rounds: exit 0" [ $? -eq 0 ]
check "rounds: 5 points x 6 launches, one row each" [ "$(lines res/runs.csv)" -eq 31 ]
check "rounds: each (run id, round) once" \
    [ -z "$(paste -d, <(csv_col run_id res/runs.csv) <(csv_col round res/runs.csv) | sort | uniq -d)" ]
check "rounds: rows come round by round, each with all five points" \
    csv_awk '{ r = $c["round"]; if (r < last) bad = 1; last = r; n[r]++ }
        END { for (k = 1; k <= 6; k++) if (n[k] != 5) bad = 1; exit bad }' res/runs.csv
orders=$(csv_awk '{ o[$c["round"]] = o[$c["round"]] " " $c["sweep_workers"] } END { for (k in o) print o[k] }' res/runs.csv | sort -u | wc -l)
check "rounds: the order is shuffled ($orders distinct orders in 6 rounds)" [ "$orders" -gt 1 ]
check "rounds: the seed is in env.txt" grep -q '^round_seed: [0-9]' res/env.txt
check "rounds: the engine is launched for one repetition" grep -q -- '--repeat 1 --warmup 0' res/logs/r.workers=1.log
check "rounds: its log holds every launch" eval '[ "$(grep -c "^scal-run: command: " res/logs/r.workers=1.log)" -eq 6 ] && [ "$(grep -c "^scal-run: round [1-6]$" res/logs/r.workers=1.log)" -eq 6 ]'
check "rounds: exact walls are stable" [ "$(csv_col stable res/summary.csv | sort -u)" = 1 ]
check "rounds: the noise probe is in env.txt" eval 'grep -q "^noise_spin: " res/env.txt && grep -q "^noise_others_running: " res/env.txt'
check "rounds: ... and in the summary header" grep -q '^- noise_spin: ' res/summary.md
check "rounds: Amdahl fitted from 4 worker counts above 1, f = 0.1" \
    csv_awk '{ d = $c["amdahl_f"] - 0.1; if ($c["amdahl_f"] == "" || d > 1e-9 || d < -1e-9 || $c["amdahl_points"] != 4) exit 1 }' res/summary.csv
check "rounds: the speedup plot draws that fit" grep -q "title 'Amdahl fit'" res/plots/speedup.gp
cp res/summary.csv summary.before
"$SCAL_RUN" --report res 2> /dev/null
check "rounds: --report gives the same summary (bootstrap from the recorded seed)" cmp -s summary.before res/summary.csv

# 2. Adaptive: with 1% jitter the CI of 6 values is within 3%: stop at 6.
# 3. max-repeat: with 50% jitter and 1% precision it never is: unstable at 8.
cat > adaptive.job <<'JOB'
[global]
engine = omp
workload = spin
warmup = 0

[calm]
workers = 1,2
env = STUB_JITTER=0.01

[wild]
precision = 0.01
max-repeat = 8
workers = 1
env = STUB_JITTER=0.5
JOB
"$SCAL_RUN" --out ad adaptive.job 2> ad.txt
check "adaptive: exit 0" [ $? -eq 0 ]
check "adaptive: precise points stop at repeat (6)" eval '[ "$(summary ad/summary.csv calm 1 reps)" = 6 ] && [ "$(summary ad/summary.csv calm 2 reps)" = 6 ]'
check "adaptive: ... and are stable" [ "$(summary ad/summary.csv calm 2 stable)" = 1 ]
check "adaptive: progress says precise" grep -q 'calm/workers=2): ok, median wall .*precise' ad.txt
check "max-repeat: the wild point ran 8 times" [ "$(summary ad/summary.csv wild 1 reps)" = 8 ]
check "max-repeat: ... and is marked unstable" [ "$(summary ad/summary.csv wild 1 stable)" = 0 ]
check "max-repeat: ... with its CI" eval '[ -n "$(summary ad/summary.csv wild 1 wall_ci_lo)" ] && [ -n "$(summary ad/summary.csv wild 1 wall_ci_hi)" ]'
check "max-repeat: progress says unstable" grep -q 'wild/workers=1): ok, .*unstable: max-repeat reached' ad.txt
check "max-repeat: summary.md marks it" grep -q '^| 1 | 8 | .* | \*\*no\*\* |' ad/summary.md

# 4. budget: 0.3 s launches, a 1 s budget: the study stops early, unstable.
cat > budget.job <<'JOB'
[global]
engine = omp
workload = spin
warmup = 0
budget = 1
env = STUB_SLEEP=0.3

[b]
workers = 1,2
JOB
"$SCAL_RUN" --out bu budget.job 2> bu.txt
check "budget: exit 0 (every launch was ok)" [ $? -eq 0 ]
check "budget: it stopped before the 12 launches repeat asks for" [ "$(lines bu/runs.csv)" -lt 13 ]
check "budget: it says so" grep -q 'budget of 1 s spent' bu.txt
check "budget: the points are unstable" [ "$(csv_col stable bu/summary.csv | sort -u)" = 0 ]
check "budget: too few repetitions for a CI, said so" grep -q 'n<6' bu/summary.md
check "budget: env.txt records it" grep -q '^budget_s: 1$' bu/env.txt

# 5. Noise fields: the sixth launch noisy (and twice as slow); the
# breakdown from busy times; without the fields, n/a.
cat > noise.job <<JOB
[global]
engine = omp
workload = spin
warmup = 0
repeat = 6
max-repeat = 6

[noisy]
workers = 1
env = STUB_COUNTER=$work/count STUB_NOISY_EVERY=6 STUB_NOISY_SLOW=2

[pop]
workers = 1,4
env = STUB_IMBALANCE=1.5 STUB_COUNTERS=1

[old]
workers = 1,2
env = STUB_FIELDS=old
JOB
"$SCAL_RUN" --out no noise.job 2> no.txt
check "noise: exit 0" [ $? -eq 0 ]
check "noise: runs.csv keeps the engine's noise fields by name" \
    [ "$(paste -d, <(csv_col series no/runs.csv) <(csv_col noisy no/runs.csv) <(csv_col steal_s no/runs.csv) | grep -c '^noisy,1,0.050$')" -eq 1 ]
check "noise: the noisy repetition is counted" [ "$(summary no/summary.csv noisy 1 noisy_reps)" = 1 ]
check "noise: the slow one is an outlier, counted, not dropped" eval '[ "$(summary no/summary.csv noisy 1 outliers)" = 1 ] && [ "$(summary no/summary.csv noisy 1 reps)" = 6 ]'
check "noise: without the field, noisy reps unknown" [ -z "$(summary no/summary.csv old 2 noisy_reps)" ]
check "pop: load balance = busy mean / busy max = 1/1.5" \
    awk -v x="$(summary no/summary.csv pop 4 load_balance)" 'BEGIN { d = x - 1 / 1.5; exit !(x != "" && d < 1e-6 && d > -1e-6) }'
# busy max = 1.5 * 0.72 / 4 = 0.27 s; wall = 0.8 * (0.1 + 0.9 / 4) = 0.26 s
check "pop: communication efficiency = busy max / wall" \
    awk -v x="$(summary no/summary.csv pop 4 comm_eff)" 'BEGIN { d = x - 0.27 / 0.26; exit !(x != "" && d < 1e-6 && d > -1e-6) }'
check "pop: computation scalability 1 (same task time sum)" [ "$(summary no/summary.csv pop 4 comp_scalability)" = 1 ]
check "pop: IPC and frequency scalability from counters" eval '[ "$(summary no/summary.csv pop 4 ipc_scalability)" = 1 ] && [ "$(summary no/summary.csv pop 4 freq_scalability)" = 1 ]'
check "pop: the largest loss named, flagged below 0.8" grep -q '^- 4 workers: largest loss: load balance 0.67 ⚠$' no/summary.md
check "pop: without busy times, n/a" eval '[ -z "$(summary no/summary.csv old 2 load_balance)" ] && grep -q "^- 2 workers: .*load balance and communication efficiency n/a (no busy times from the engine)" no/summary.md'
check "pop: without counters, IPC scalability n/a" [ -z "$(summary no/summary.csv old 2 ipc_scalability)" ]

# 6. Verdicts and claims from CIs.
cat > claims.job <<'JOB'
[global]
engine = omp
workload = spin
warmup = 0
repeat = 6
max-repeat = 6

[scales]
workers = 1,2
claim = speedup

[flat]
workers = 1,2
env = STUB_F=0.95
claim = no-speedup

[serial]
workers = 1,2
env = STUB_F=1
claim = speedup

[super]
workers = 1,2
env = STUB_F=-0.5 STUB_JITTER=0.01

[pools]
pool = map, submit
workers = 1
env = STUB_JITTER=0.01
claim = lowest-wall:pool=map
JOB
"$SCAL_RUN" --out cl claims.job 2> cl.txt
check "claims: exit 0" [ $? -eq 0 ]
check "verdict: speedup" [ "$(summary cl/summary.csv scales 2 verdict)" = speedup ]
check "verdict: no speedup when the CI holds 1" [ "$(summary cl/summary.csv serial 2 verdict)" = "no speedup" ]
check "verdict: superlinear when the CI's lower end exceeds p" [ "$(summary cl/summary.csv super 2 verdict)" = superlinear ]
check "verdict: the speedup CI brackets the speedup" \
    csv_awk '$c["workers"] == 2 { if (!($c["speedup_ci_lo"] <= $c["speedup"] && $c["speedup"] <= $c["speedup_ci_hi"])) exit 1 }' cl/summary.csv
check "claims: a claim the CIs support is confirmed" grep -q '^| scales | `speedup` | \*\*confirmed\*\* |' cl/summary.md
check "claims: no-speedup confirmed below a quarter of linear gain" grep -q '^| flat | `no-speedup` | \*\*confirmed\*\* |' cl/summary.md
check "claims: a claim the CIs refute is contradicted, loudly" grep -q '^| serial | `speedup` | \*\*contradicted\*\* |' cl/summary.md
check "claims: overlapping CIs are inconclusive, with the noise evidence" \
    grep -q '^| pools | `lowest-wall:pool=map` | inconclusive | p = 1 (s): pool=map .* (6 reps, 0 noisy.*) vs pool=submit .* (6 reps, 0 noisy' cl/summary.md
check "claims: ... and the machine's noise probe below them" grep -q '^The machine when the study started (the noise probe): ' cl/summary.md
check "claims: in the job file's series order" \
    [ "$(grep -o '^| [a-z]* | `' cl/summary.md | tr -d '|` ' | tr '\n' ' ')" = "scales flat serial pools " ]
finish
