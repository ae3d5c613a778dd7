#!/usr/bin/env bash
# test-slurm-smoke.sh - end-to-end smoke test of a private Slurm started by slurm-local.sh.
#
# Starts Slurm with `slurm-local.sh run`, then submits one batch job with `sbatch --wait` that
# prints SLURM_JOB_ID and SLURM_CPUS_PER_TASK, runs `srun -n 2 hostname`, shows each srun task's
# CPU binding, and runs an MPI hello (mpi_hello.c, built with mpicc) with `srun -n 2` (direct
# launch through Slurm's PMIx plugin, when slurm-local.sh found it working) and with
# `mpirun -n 2` (Open MPI detects the allocation). Checks the job's output file and
# `scontrol show job`; sacct is not used (there is no slurmdbd).
#
# Usage: test-slurm-smoke.sh [-v]      -v: print the job's output file even on success
# Exit status: 0 pass, 1 fail, 77 skip (packages missing and not root, so cannot install them).
#
# Needs the packages slurm-wlm and munge (slurm-local.sh installs them as root) and
# libopenmpi-dev and openmpi-bin (installed here as root). Takes a few seconds.

set -euo pipefail

readonly SKIP=77
readonly MPI_PKGS=(libopenmpi-dev openmpi-bin)
here=$(cd "$(dirname "$0")" && pwd)
prog=${0##*/}
verbose=0

say() { printf '%s: %s\n' "$prog" "$*"; }

ensure_mpi() {
    local p missing=""
    if command -v dpkg-query >/dev/null; then
        for p in "${MPI_PKGS[@]}"; do
            [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)" = installed ] || missing="$missing $p"
        done
    else
        command -v mpicc >/dev/null && command -v mpirun >/dev/null || missing=" ${MPI_PKGS[*]}"
    fi
    missing=${missing# }
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        # Name Slurm's missing packages too, so one skip message lists all there is to install.
        missing="$missing $("$here/slurm-local.sh" missing | tr '\n' ' ')"
        missing=${missing% }
        say "SKIP: missing packages: $missing (install as root: apt-get install $missing)"
        exit $SKIP
    fi
    say "installing missing packages: $missing"
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >&2 || {
        say "FAIL: could not install $missing"
        exit 1
    }
}

# ---------------------------------------------------------------------------------------------
# outside: set up, then re-run this script inside `slurm-local.sh run`

outside() {
    local t0 rc=0
    t0=$(date +%s.%N)
    ensure_mpi

    # Short path: Unix sockets live under the state dir.
    work=$(mktemp -d /tmp/slurm-smoke.XXXXXX)
    trap 'rm -rf -- "${work:?}"' EXIT
    if [ "$(id -u)" -eq 0 ]; then
        # Open MPI refuses to run as root without these; only this test's environment gets them
        # (and, through sbatch's default --export=ALL, its jobs).
        export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
    fi
    "$here/slurm-local.sh" run "$work/slurm" -- "$0" --inside "$work" "$verbose" || rc=$?
    if [ $rc -eq $SKIP ]; then
        say "SKIP: Slurm could not be started here (see the messages above)"
    fi
    say "total $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s, exit $rc"
    return $rc
}

# ---------------------------------------------------------------------------------------------
# inside: SLURM_CONF points at the private Slurm

failures=0
fail() {
    say "FAIL: $*"
    failures=$((failures + 1))
}
ok() { say "ok: $*"; }

# lines TAG FILE: the output lines a job step tagged TAG, without the tag
lines() { sed -n "s/^$1: //p" "$2"; }

inside() {
    local work=$1
    verbose=$2
    local plugins="$SLURM_LOCAL_STATE_DIR/plugins" task mpi node out id rc=0 t0 t1 n
    task=$(sed -n 's/^TaskPlugin=//p' "$plugins")
    mpi=$(sed -n 's/^MpiDefault=//p' "$plugins")
    node=$(hostname)
    say "Slurm $(sed -n 's/^SLURM_VERSION=//p' "$plugins"), TaskPlugin=$task, MpiDefault=$mpi," \
        "start-to-idle $(sed -n 's/^START_TO_IDLE_S=//p' "$plugins") s," \
        "ready (after step probes) $(sed -n 's/^START_TO_READY_S=//p' "$plugins") s"

    mpicc -O1 -o "$work/mpi_hello" "$here/mpi_hello.c"

    cat >"$work/smoke.sbatch" <<'EOF'
#!/bin/bash
#SBATCH --job-name=slurm-smoke
#SBATCH --ntasks=2
#SBATCH --cpus-per-task=1
#SBATCH --time=00:02:00
# $1: the mpi_hello binary; $2: 1 to try a direct srun launch of it
hello=$1
srun_mpi=$2
echo "job_id=$SLURM_JOB_ID"
echo "cpus_per_task=${SLURM_CPUS_PER_TASK-unset}"
# step TAG CMD...: run CMD, tag each output line, then report its exit status
step() {
    local tag=$1
    shift
    "$@" 2>&1 | sed "s/^/$tag: /"
    echo "$tag rc=${PIPESTATUS[0]}"
}
step srun_hostname srun -n 2 hostname
step srun_cpus srun -n 2 grep Cpus_allowed_list /proc/self/status
[ "$srun_mpi" = 1 ] && step srun_mpi srun -n 2 "$hello"
step mpirun mpirun -n 2 "$hello"
echo "end"
EOF

    out="$work/smoke.out"
    local want_srun_mpi=0
    [ "$mpi" != none ] && want_srun_mpi=1
    t0=$(date +%s.%N)
    id=$(cd "$work" && timeout 120 sbatch --parsable --wait --output="$out" \
        "$work/smoke.sbatch" "$work/mpi_hello" "$want_srun_mpi") || rc=$?
    t1=$(date +%s.%N)
    id=${id%%;*}
    say "sbatch --wait: job ${id:-?} exit $rc after $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s"

    [ $rc -eq 0 ] || fail "sbatch --wait exited $rc"
    if [ ! -s "$out" ]; then
        fail "no output file $out"
        return 1
    fi
    if [ "$verbose" = 1 ]; then
        sed 's/^/    | /' "$out"
    fi

    # The controller's view: a finished job stays visible for MinJobAge seconds.
    local info
    info=$(scontrol show job -o "$id" 2>&1) || true
    if grep -q 'JobState=COMPLETED' <<<"$info" && grep -q 'ExitCode=0:0' <<<"$info"; then
        ok "scontrol: job $id COMPLETED, ExitCode=0:0"
    else
        fail "scontrol show job $id: $(grep -o 'JobState=[^ ]*\|ExitCode=[^ ]*' <<<"$info" | tr '\n' ' ')${info:0:200}"
    fi

    grep -qx "job_id=$id" "$out" && ok "SLURM_JOB_ID=$id" || fail "SLURM_JOB_ID is not $id"
    grep -qx "cpus_per_task=1" "$out" && ok "SLURM_CPUS_PER_TASK=1" || fail "SLURM_CPUS_PER_TASK is not 1"
    grep -qx "end" "$out" || fail "the job script did not run to its end"

    # srun -n 2 hostname: two lines, both this host
    n=$(lines srun_hostname "$out" | grep -cx "$node" || true)
    if grep -qx 'srun_hostname rc=0' "$out" && [ "$n" -eq 2 ]; then
        ok "srun -n 2 hostname: 2 x $node"
    else
        fail "srun -n 2 hostname: expected 2 lines '$node' and rc 0"
    fi

    # Binding: with task/affinity each of the two one-CPU tasks gets its own CPU.
    local cpus
    cpus=$(lines srun_cpus "$out" | sed -n 's/^Cpus_allowed_list:[[:space:]]*//p' | sort | tr '\n' ' ')
    if [ "$task" = task/affinity ]; then
        if [ "$(wc -w <<<"$cpus")" -eq 2 ] && [ "$(tr ' ' '\n' <<<"$cpus" | sort -u | grep -c .)" -eq 2 ]; then
            ok "task/affinity bound the two tasks to CPUs: $cpus"
        else
            fail "task/affinity: expected two tasks on distinct CPUs, got: $cpus"
        fi
    else
        say "info: $task, tasks' CPUs: $cpus"
    fi

    # mpi_hello: two ranks of one world of 2 that agree on the sum 0+1
    check_mpi() {
        local tag=$1 what=$2 r
        for r in 0 1; do
            lines "$tag" "$out" | grep -q "^mpi_hello rank $r of 2 on .* sum 1 " || {
                fail "$what: no line from rank $r of 2 with sum 1"
                lines "$tag" "$out" | head -n 20 | sed 's/^/    | /'
                return 0
            }
        done
        grep -qx "$tag rc=0" "$out" || { fail "$what: exit status not 0"; return 0; }
        ok "$what: 2 ranks in one MPI_COMM_WORLD ($(lines "$tag" "$out" | sed -n 's/.* cpus /cpus /p' | tr '\n' ' '))"
    }
    if [ "$want_srun_mpi" = 1 ]; then
        check_mpi srun_mpi "srun -n 2 mpi_hello (--mpi=$mpi)"
    else
        say "info: srun direct launch of MPI not tried: slurm-local.sh chose MpiDefault=none" \
            "(see $SLURM_LOCAL_STATE_DIR/log/probe-*.err)"
    fi
    check_mpi mpirun "mpirun -n 2 mpi_hello"

    if [ $failures -ne 0 ]; then
        say "$failures check(s) failed; the job's output:"
        sed 's/^/    | /' "$out"
        return 1
    fi
    say "PASS"
}

# ---------------------------------------------------------------------------------------------

case "${1:-}" in
    --inside) shift; inside "$@" ;;
    -v) verbose=1; outside ;;
    "") outside ;;
    *) echo "usage: $prog [-v]" >&2; exit 2 ;;
esac
