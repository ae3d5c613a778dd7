# scal-slurm.sh - what the jobs/slurm/*.sbatch scripts share; sourced by them, not run.
# shellcheck shell=bash
#
# A batch script runs from a copy in Slurm's spool directory, so it cannot find
# the checkout from its own path: it finds this file as
# ${SCAL_REPO:-$SLURM_SUBMIT_DIR}/jobs/slurm/scal-slurm.sh, then calls
#   scal_slurm_study [scal-run options] JOBFILE     run one study
#   scal_slurm_array [JOBFILE... | --list FILE]      run the array task's study
# Both work from the submit directory (results/ lands there), print what the job
# got, and return scal-run's exit status: 0 all runs ok, 1 a run failed, 2 bad
# input (including a job file asking for more CPUs than the job holds).
#
# Knobs, all optional, from the environment sbatch passes on:
#   SCAL_RUN            the scal-run binary (default: $SCAL_BUILD_DIR/runner/scal-run,
#                       else an installed scal-run on PATH)
#   SCAL_BUILD_DIR      the build tree (default: $SCAL_REPO/build)
#   SCAL_REPO           the checkout (default: the directory sbatch was run from)
#   SCAL_SRUN_CPU_BIND  srun's --cpu-bind type for MPI runs (default cores; read by scal-run)

scal_prog=${SLURM_JOB_NAME:-scal-slurm}

scal_say() { printf '%s: %s\n' "$scal_prog" "$*"; }

# scal_die MESSAGE: to stderr (the job's output file), exit 2
scal_die() {
    printf '%s: error: %s\n' "$scal_prog" "$*" >&2
    exit 2
}

# Work where the job was submitted from, so that relative paths (job files,
# SCAL_RUN, results/) mean what they meant on the command line.
scal_enter_submit_dir() {
    if [ -n "${SLURM_SUBMIT_DIR:-}" ]; then
        cd "$SLURM_SUBMIT_DIR" || scal_die "cannot enter the submit directory $SLURM_SUBMIT_DIR"
    fi
}

# Sets scal_run to an executable scal-run, or dies saying how to get one.
scal_find_run() {
    local repo=${SCAL_REPO:-$PWD}
    local build=${SCAL_BUILD_DIR:-$repo/build}
    scal_run=${SCAL_RUN:-$build/runner/scal-run}
    # No build tree here: an installed scal-run on PATH (cmake --install).
    if [ -z "${SCAL_RUN:-}" ] && [ ! -x "$scal_run" ] && command -v scal-run >/dev/null; then
        scal_run=$(command -v scal-run)
    fi
    if [ ! -x "$scal_run" ]; then
        if [ -n "${SCAL_RUN:-}" ]; then
            scal_die "SCAL_RUN=$SCAL_RUN is not an executable file"
        fi
        scal_die "scal-run not found at $scal_run: build it first" \
            "(cmake -S $repo -B $build && cmake --build $build -j)," \
            "or set SCAL_BUILD_DIR to your build tree or SCAL_RUN to the binary"
    fi
}

# What this job got: printed first, so the output file says it even if nothing runs.
scal_show_job() {
    local cpus
    cpus=$(sed -n 's/^Cpus_allowed_list:[[:space:]]*//p' /proc/self/status 2>/dev/null)
    scal_say "job ${SLURM_JOB_ID:-none (not under Slurm)}${SLURM_ARRAY_JOB_ID:+, array ${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID:-}}" \
        "on $(hostname -s), submitted from ${SLURM_SUBMIT_DIR:-$PWD}"
    scal_say "nodes ${SLURM_JOB_NODELIST:-?} (${SLURM_NNODES:-?}), tasks ${SLURM_NTASKS:-?}" \
        "x ${SLURM_CPUS_PER_TASK:-1} CPU(s), CPUs per node ${SLURM_JOB_CPUS_PER_NODE:-?}," \
        "this step's CPUs ${cpus:-?}"
    scal_say "scal-run: $scal_run"
}

# scal_run_study ARGS...: run scal-run, say how it ended, return its status
scal_run_study() {
    local rc=0
    scal_say "running: $scal_run $*"
    "$scal_run" "$@" || rc=$?
    case $rc in
        0) scal_say "done: every run ok (the results folder is named above)" ;;
        1) scal_say "done, but some runs failed: see summary.md and logs/ in the results folder" ;;
        2) scal_say "refused: see scal-run's message above; nothing ran" ;;
        *) scal_say "scal-run ended with status $rc" ;;
    esac
    return $rc
}

# scal_slurm_study [scal-run options] JOBFILE
scal_slurm_study() {
    [ $# -ge 1 ] || scal_die "no job file; usage: sbatch ${SCAL_SCRIPT:-SCRIPT.sbatch} [scal-run options] JOBFILE"
    scal_enter_submit_dir
    scal_find_run
    scal_show_job
    scal_run_study "$@"
}

# scal_slurm_array JOBFILE... | --list FILE
# Array task i runs the i-th job file (from 0), i = SLURM_ARRAY_TASK_ID. A list
# file holds one job file per line (blanks around it dropped); blank lines and #-lines are skipped.
scal_slurm_array() {
    local usage="usage: sbatch --array=0-N ${SCAL_SCRIPT:-array.sbatch} JOBFILE... | --list FILE"
    [ $# -ge 1 ] || scal_die "no job files; $usage"
    scal_enter_submit_dir
    local -a jobs=()
    if [ "$1" = --list ]; then
        [ $# -eq 2 ] || scal_die "--list takes one file and nothing else; $usage"
        [ -r "$2" ] || scal_die "cannot read the list file $2"
        local line
        while IFS= read -r line || [ -n "$line" ]; do
            # trim blanks and a DOS line end
            line=${line#"${line%%[![:space:]]*}"}
            line=${line%"${line##*[![:space:]]}"}
            case $line in '' | '#'*) continue ;; esac
            jobs+=("$line")
        done <"$2"
        [ ${#jobs[@]} -gt 0 ] || scal_die "the list file $2 names no job file"
    else
        jobs=("$@")
    fi
    local n=${#jobs[@]} id=${SLURM_ARRAY_TASK_ID:-}
    [ -n "$id" ] || scal_die "not an array task: submit with sbatch --array=0-$((n - 1)) (one task per job file, $n given); $usage"
    if [ "$id" = "${SLURM_ARRAY_TASK_MIN:-}" ] && [ -n "${SLURM_ARRAY_TASK_MAX:-}" ] \
        && [ "$SLURM_ARRAY_TASK_MAX" -lt $((n - 1)) ]; then
        scal_say "warning: the array ends at index $SLURM_ARRAY_TASK_MAX but there are $n job files;" \
            "those after index $SLURM_ARRAY_TASK_MAX will not run (use --array=0-$((n - 1)))"
    fi
    [ "$id" -lt "$n" ] || scal_die "array index $id has no job file: there are $n (indexes 0-$((n - 1)))"
    scal_find_run
    scal_show_job
    scal_say "array index $id of $n: ${jobs[$id]}"
    scal_run_study "${jobs[$id]}"
}
