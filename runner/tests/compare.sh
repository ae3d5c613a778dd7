#!/bin/bash
# scal-run --compare: a study and its rerun compare "no change" on every
# point; the same study with every run 20% longer compares "slower" on every
# point, and --fail-on slower turns that into exit 1; csv and json carry the
# same labels; points only one folder holds are listed; folders that are not
# results folders, or share no point, are refused by name (exit 2). The stub
# engine gives each launch a wall time drawn uniformly within +-3% of its
# Amdahl value (STUB_JITTER, from the launch's pid): two studies of the same
# job differ by chance, never by more than 1.03/0.97 = 1.062x, so with the
# 10% noise threshold a rerun can never be "slower", while 20% always is.
. "$(dirname "$0")/lib.sh"
use_stub_engines

job() {   # job NAME T1
    { spin_global 6; cat <<JOB; } > "$1.job"
[nap]
env = STUB_JITTER=0.03 STUB_T1=$2
workers = 1,2
JOB
}
job base 0.8
job slow 0.96
"$SCAL_RUN" --out a base.job 2> a.txt && "$SCAL_RUN" --out b base.job 2> b.txt && "$SCAL_RUN" --out c slow.job 2> c.txt
check "three studies ran" [ $? -eq 0 ]

# result column of a --format csv comparison, one line per point
results() {
    csv_col result "$1"
}

"$SCAL_RUN" --compare a b --threshold 0.1 --format csv > ab.csv 2> ab.err
check "rerun: exit 0" [ $? -eq 0 ]
check "rerun: both points compared" [ "$(lines ab.csv)" -eq 3 ]
check "rerun: no change on every point" [ "$(results ab.csv | sort -u)" = "no change" ]
"$SCAL_RUN" --compare a b --threshold 0.1 --fail-on slower > ab.md
check "rerun: --fail-on slower exits 0 when nothing is slower" [ $? -eq 0 ]
check "rerun: markdown table, one row per point" [ "$(grep -c '^| `nap/workers=' ab.md)" -eq 2 ]
check "rerun: markdown states the threshold and the CI method" \
    eval 'grep -q "1 + 0.1 (the noise threshold)" ab.md && grep -q "percentile bootstrap" ab.md'

"$SCAL_RUN" --compare a c --threshold 0.1 --format csv > ac.csv
check "20% slower: exit 0 without --fail-on" [ $? -eq 0 ]
check "20% slower: slower on every point" [ "$(results ac.csv | sort -u)" = slower ]
check "20% slower: ratios near 1.2" \
    awk -F, 'NR > 1 { if ($6 < 1.1 || $6 > 1.35) bad = 1 } END { exit bad || NR != 3 }' ac.csv
"$SCAL_RUN" --compare a c --threshold 0.1 --fail-on slower > ac.md
check "20% slower: --fail-on slower exits 1" [ $? -eq 1 ]
check "20% slower: markdown says so" grep -q '2 points compared: 2 slower, 0 faster, 0 no change' ac.md
"$SCAL_RUN" --compare c a --threshold 0.1 --format json > ca.json
check "the other way round: faster, in json" \
    python3 -c 'import json, sys; d = json.load(open("ca.json")); sys.exit(not (len(d["points"]) == 2 and all(p["result"] == "faster" and p["ratio_ci_hi"] < 1 for p in d["points"]) and d["threshold"] == 0.1))'

# Points present in one folder only are listed, not dropped.
mkdir e
cp b/runs.csv e/runs.csv
sed -n '2p' b/runs.csv | sed 's#nap/workers=[12]#nap/workers=9#' >> e/runs.csv
"$SCAL_RUN" --compare a e --format csv > ae.csv
check "one-sided points: still exit 0" [ $? -eq 0 ]
check "one-sided points: listed as only-new" grep -q '^nap/workers=9,.*,only-new$' ae.csv
"$SCAL_RUN" --compare a e > ae.md
check "one-sided points: named in markdown" grep -q 'Only in NEW (1, not compared): `nap/workers=9`' ae.md

# Bad folders: named, exit 2, nothing on stdout.
"$SCAL_RUN" --compare a nowhere > out.txt 2> err.txt
rc=$?
check "missing folder: exit 2, named" eval '[ $rc -eq 2 ] && grep -q "nowhere is not a results folder" err.txt && [ ! -s out.txt ]'
"$SCAL_RUN" --compare gone1 gone2 2> err.txt
rc=$?
check "two bad folders: both named" eval '[ $rc -eq 2 ] && grep -q gone1 err.txt && grep -q gone2 err.txt'
"$SCAL_RUN" --compare a a/plots 2> err.txt
rc=$?
check "a folder without runs.csv: exit 2" eval '[ $rc -eq 2 ] && grep -q "a/plots is not a results folder" err.txt'
mkdir f && echo "x,y" > f/runs.csv
"$SCAL_RUN" --compare f a 2> err.txt
rc=$?
check "a runs.csv without its columns: exit 2" eval '[ $rc -eq 2 ] && grep -q "f is not a results folder" err.txt'
mkdir g
sed 's#nap/workers=#other/workers=#' a/runs.csv > g/runs.csv
"$SCAL_RUN" --compare a g > out.txt 2> err.txt
rc=$?
check "no shared point: exit 2, both named" eval '[ $rc -eq 2 ] && grep -q "a and g share no point" err.txt && [ ! -s out.txt ]'
"$SCAL_RUN" --compare a b --format yaml 2> err.txt
rc=$?
check "bad --format: exit 2" eval '[ $rc -eq 2 ] && grep -q "yaml" err.txt'
"$SCAL_RUN" --compare a 2> err.txt
check "one folder: exit 2" [ $? -eq 2 ]
check "--compare --help: usage on stdout, exit 0" eval '"$SCAL_RUN" --compare --help | grep -q "^usage: scal-run --compare"'
finish
