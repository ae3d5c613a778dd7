#!/bin/bash
# scal-run's command line: --help, usage errors, bad job files and missing
# engines exit 2 before anything is written; the default results folder.
. "$(dirname "$0")/lib.sh"
use_stub_engines

"$SCAL_RUN" --help > help.out 2> help.err
check "--help exits 0" [ $? -eq 0 ]
check "--help prints usage to stdout" grep -q '^usage: scal-run' help.out
check "--help prints nothing to stderr" [ ! -s help.err ]

"$SCAL_RUN" > out.txt 2> err.txt
check "no job file: exit 2" [ $? -eq 2 ]
check "no job file: usage on stderr" grep -q '^usage: scal-run' err.txt
"$SCAL_RUN" --frobnicate x.job 2> err.txt
rc=$?
check "unknown option: exit 2, named" eval '[ $rc -eq 2 ] && grep -q "unknown option .--frobnicate." err.txt'
"$SCAL_RUN" --report 2> err.txt
check "--report without a folder: exit 2" [ $? -eq 2 ]

printf '[global]\nengine = omp\nfoo = 1\n' > bad.job
"$SCAL_RUN" bad.job 2> err.txt
check "bad job file: exit 2" [ $? -eq 2 ]
check "bad job file: the message names file:line and key" grep -q "^scal-run: bad.job:3: unknown key 'foo'" err.txt
"$SCAL_RUN" missing.job 2> err.txt
rc=$?
check "missing job file: exit 2, named" eval '[ $rc -eq 2 ] && grep -q "missing.job: cannot read job file" err.txt'
check "bad input writes no results" [ ! -e results ]

printf '[s]\nengine = omp\nworkload = spin\nworkers = 1,2\nrepeat = 1\nmax-repeat = 1\nwarmup = 0\n' > ok.job
SCAL_ENGINE_DIR=$work/nowhere "$SCAL_RUN" ok.job 2> err.txt
rc=$?
check "missing engine: exit 2 before anything runs" eval '[ $rc -eq 2 ] && [ ! -e results ]'
check "missing engine: says where it looked" grep -q "engine scal-omp not found (looked for $work/nowhere/scal-omp)" err.txt
SCAL_ENGINE_DIR=$work/nowhere "$SCAL_RUN" --dry-run ok.job > dry.txt
rc=$?
check "--dry-run works without engines" eval '[ $rc -eq 0 ] && [ "$(wc -l < dry.txt)" -eq 2 ]'

SLURM_JOB_ID=4242 "$SCAL_RUN" ok.job 2> err.txt
check "a study exits 0" [ $? -eq 0 ]
dir=$(ls -d results/ok/*)
check "default folder is results/<job>/<UTC stamp>-<SLURM_JOB_ID>" \
    bash -c "[[ '$dir' =~ ^results/ok/[0-9]{8}T[0-9]{6}Z-4242$ ]]"
check "the folder holds the study" eval '[ -s "$dir/runs.csv" ] && [ -s "$dir/summary.md" ]'
check "env.txt records the Slurm job" grep -q '^SLURM_JOB_ID: 4242' "$dir/env.txt"

# Without gnuplot on PATH: scripts and data are written, and how to render them said.
mkdir bin
for tool in awk sleep; do ln -s "$(command -v $tool)" bin/$tool; done
PATH=$work/bin "$SCAL_RUN" --out nognuplot ok.job 2> err.txt
rc=$?
check "without gnuplot: the study still exits 0" [ $rc -eq 0 ]
check "without gnuplot: scripts and data are kept" eval '[ -s nognuplot/plots/speedup.gp ] && [ -s nognuplot/plots/speedup.dat ]'
check "without gnuplot: no images" [ ! -e nognuplot/plots/speedup.png ]
check "without gnuplot: index.html says each plot is missing and how to render it" \
    eval '[ "$(grep -c "class=\"missing\"" nognuplot/index.html)" -eq "$(ls nognuplot/plots/*.gp | wc -l)" ]'
check "without gnuplot: it says how to render them" grep -q 'cd nognuplot/plots && for f in \*.gp; do gnuplot' err.txt

"$SCAL_RUN" --out "$dir" ok.job 2> err.txt
rc=$?
check "--out onto an existing study: exit 2" eval '[ $rc -eq 2 ] && grep -q "already holds a study" err.txt'
"$SCAL_RUN" --report "$work/empty" 2> err.txt
check "--report without runs.csv: exit 2" [ $? -eq 2 ]
"$SCAL_RUN" --resume "$work/empty" ok.job 2> err.txt
check "--resume of a folder that is not this study: exit 2" [ $? -eq 2 ]
finish
