#!/usr/bin/env bash
# test-sbatch-scripts.sh - the jobs/slurm/*.sbatch scripts without Slurm: run with bash as a batch
# job would run them (SLURM_* variables set by hand), with a stub scal-run that records its
# arguments and working directory. Checks how they find the checkout and scal-run, where they
# work, which job file an array task picks, and that every mistake is a clear message and exit 2.
# Needs nothing but bash; takes well under a second. (test-sbatch.sh submits them to a real Slurm.)
#
# Usage: test-sbatch-scripts.sh        Exit status: 0 pass, 1 fail.

set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
slurm_dir=$(dirname "$here")
prog=${0##*/}
work=$(mktemp -d /tmp/sbatch-scripts.XXXXXX)
trap 'rm -rf -- "$work"' EXIT
failures=0

ok() { printf '%s: ok: %s\n' "$prog" "$*"; }
fail() {
    printf '%s: FAIL: %s\n' "$prog" "$*"
    failures=$((failures + 1))
}

# A fake checkout: the shared library, and a stub scal-run in its build tree that prints
# "stub cwd=DIR args=ARGS" and exits with $STUB_RC.
repo=$work/repo
mkdir -p "$repo/jobs/slurm" "$repo/build/runner" "$work/submit/jobs" "$work/elsewhere"
cp "$slurm_dir/scal-slurm.sh" "$repo/jobs/slurm/"
cat >"$repo/build/runner/scal-run" <<'EOF'
#!/bin/sh
echo "stub cwd=$PWD args=$*"
exit "${STUB_RC:-0}"
EOF
chmod +x "$repo/build/runner/scal-run"
cp "$repo/build/runner/scal-run" "$work/other-scal-run"
touch "$work/submit/jobs/a.job" "$work/submit/jobs/b.job" "$work/submit/jobs/c.job"

# sb SCRIPT ARGS...: run jobs/slurm/SCRIPT.sbatch as a batch job submitted from $work/submit would
# run: from elsewhere (the spool), with only the variables given in the environment; output in
# $out, status in $rc.
sb() {
    local script=$1
    shift
    rc=0
    out=$(cd "$work/elsewhere" && env -u SCAL_RUN -u SCAL_BUILD_DIR -u SCAL_REPO \
        -u SLURM_ARRAY_TASK_ID -u SLURM_ARRAY_TASK_MIN -u SLURM_ARRAY_TASK_MAX \
        SLURM_JOB_ID=77 SLURM_SUBMIT_DIR="$work/submit" SCAL_REPO="$repo" "${vars[@]}" \
        bash "$slurm_dir/$script.sbatch" "$@" 2>&1) || rc=$?
}

# expect DESC RC PATTERN: the last sb exited RC and its output matches the grep -E PATTERN
expect() {
    if [ "$rc" -eq "$2" ] && grep -qE -- "$3" <<<"$out"; then
        ok "$1"
    else
        fail "$1: expected exit $2 and /$3/, got exit $rc:"
        sed 's/^/    | /' <<<"$out"
    fi
}

for s in threads mpi array; do
    if bash -n "$slurm_dir/$s.sbatch"; then ok "$s.sbatch parses"; else fail "$s.sbatch: syntax"; fi
    # sbatch reads #SBATCH lines only up to the first command: they must all come before it.
    first_cmd=$(grep -nvE '^[[:space:]]*(#|$)' "$slurm_dir/$s.sbatch" | head -n 1 | cut -d: -f1)
    last_directive=$(grep -nE '^#SBATCH' "$slurm_dir/$s.sbatch" | tail -n 1 | cut -d: -f1)
    if [ "$last_directive" -lt "$first_cmd" ]; then
        ok "$s.sbatch: every #SBATCH line comes before the first command"
    else
        fail "$s.sbatch: an #SBATCH line (line $last_directive) after the first command (line $first_cmd)"
    fi
    for opt in time nodes cpus-per-task output; do
        grep -qE "^#SBATCH --$opt=" "$slurm_dir/$s.sbatch" || fail "$s.sbatch has no #SBATCH --$opt"
    done
    for opt in partition account qos mem; do
        grep -qE "^##SBATCH --$opt=" "$slurm_dir/$s.sbatch" || fail "$s.sbatch does not show ##SBATCH --$opt"
    done
done

vars=()
sb threads jobs/a.job
expect "threads.sbatch runs the build tree's scal-run from the submit dir, job file as given" 0 \
    "^stub cwd=$work/submit args=jobs/a.job$"
sb mpi --resume results/a/x jobs/a.job
expect "mpi.sbatch passes scal-run options through" 0 "^stub cwd=$work/submit args=--resume results/a/x jobs/a.job$"
sb threads
expect "no job file: usage, exit 2" 2 "error: no job file; usage: sbatch jobs/slurm/threads.sbatch \[scal-run options\] JOBFILE"

vars=(STUB_RC=1)
sb threads jobs/a.job
expect "scal-run's status is the job's: 1" 1 "some runs failed"
vars=(STUB_RC=2)
sb threads jobs/a.job
expect "scal-run's status is the job's: 2" 2 "refused: see scal-run's message above"

vars=(SCAL_RUN=../other-scal-run)
sb threads jobs/a.job
expect "SCAL_RUN, relative to the submit dir" 0 "running: \.\./other-scal-run jobs/a\.job"
vars=(SCAL_RUN=/nonexistent/scal-run)
sb threads jobs/a.job
expect "SCAL_RUN that is not there: exit 2, named" 2 "error: SCAL_RUN=/nonexistent/scal-run is not an executable file"
vars=(SCAL_BUILD_DIR=/nonexistent/build)
sb threads jobs/a.job
expect "no scal-run in the build tree: exit 2, says how to build" 2 \
    "error: scal-run not found at /nonexistent/build/runner/scal-run: build it first \(cmake -S .* -B "
vars=(SCAL_REPO=/nonexistent)
sb mpi jobs/a.job
expect "no checkout: exit 2, says where it looked" 2 \
    "mpi.sbatch: error: cannot find /nonexistent/jobs/slurm/scal-slurm.sh: submit from the top of the scalestudy checkout"

# Arrays: index i runs the i-th job file, from the arguments or a list file.
vars=()
sb array jobs/a.job jobs/b.job
expect "array.sbatch outside an array: exit 2, says which --array" 2 \
    "not an array task: submit with sbatch --array=0-1 \(one task per job file, 2 given\)"
vars=(SLURM_ARRAY_JOB_ID=70 SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_MAX=1)
sb array jobs/a.job jobs/b.job
expect "array task 1 runs the second job file" 0 "^stub cwd=$work/submit args=jobs/b.job$"
printf '# studies\n\n  jobs/c.job\n \t \njobs/a.job \r\n' >"$work/submit/list.txt"
vars=(SLURM_ARRAY_JOB_ID=70 SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_MAX=1)
sb array --list list.txt
expect "array --list: comments, blank lines, blanks around names and CRs skipped" 0 "^stub cwd=$work/submit args=jobs/a.job$"
vars=(SLURM_ARRAY_JOB_ID=70 SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_MAX=2)
sb array --list list.txt
expect "array index past the list: exit 2" 2 "error: array index 2 has no job file: there are 2 \(indexes 0-1\)"
vars=(SLURM_ARRAY_JOB_ID=70 SLURM_ARRAY_TASK_ID=0 SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_MAX=1)
sb array jobs/a.job jobs/b.job jobs/c.job
expect "an array shorter than the list: its first task warns" 0 \
    "warning: the array ends at index 1 but there are 3 job files"
vars=(SLURM_ARRAY_JOB_ID=70 SLURM_ARRAY_TASK_ID=0)
sb array --list missing.txt
expect "array --list of a missing file: exit 2" 2 "error: cannot read the list file missing.txt"

if [ $failures -ne 0 ]; then
    printf '%s: %d check(s) failed\n' "$prog" "$failures"
    exit 1
fi
printf '%s: PASS\n' "$prog"
