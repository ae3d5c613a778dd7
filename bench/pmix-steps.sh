#!/usr/bin/env bash
# pmix-steps.sh - how often does a 2-node `srun --mpi=pmix` step of Open MPI fail to start, with
# and without a PMIx setting? On a private 2-node Slurm (slurm-local.sh, nodes emulated with
# namespaces: root only), inside one allocation, it runs STEPS rounds; each round runs one step
# per setting, in turn (A B A B ...), so every setting sees the same machine load.
#
#   bench/pmix-steps.sh [-n STEPS] [-x] [SETTING...]
#
# A SETTING is `default` (the environment as it is) or VAR=VALUE words joined by '+', e.g.
#   SLURM_PMIX_DIRECT_CONN=false    SLURM_PMIX_FENCE=tree    SLURM_PMIX_FENCE=ring
# Default: -n 300 SLURM_PMIX_DIRECT_CONN=false default. Each step is
#   srun -N 2 -n 4 --ntasks-per-node=2 --mpi=pmix scal-mpi factor --tasks 8
# (SCAL_MPI, default build/mpi/scal-mpi); a step fails when it exits non-zero or takes more than
# 60 s; its last lines of stderr go to stderr, and so do the counts so far every 25 rounds. The
# counts go to stdout, one line per setting:
#   SETTING  steps=N  failed=F  (F/N %)
# -x: a setting's first failure ends its steps (it can no longer be the one that never fails), so
# a search over several settings spends its time on those still at 0; its line shows the steps it
# ran.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
steps=300
first_failure=0
while getopts n:x o; do
    case $o in
        n) steps=$OPTARG ;;
        x) first_failure=1 ;;
        *) sed -n '2,19s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[[ "$steps" =~ ^[1-9][0-9]*$ ]] || { echo "pmix-steps.sh: -n: '$steps' is not a positive count" >&2; exit 2; }
inside=0
[ "${1:-}" = __inside ] && { inside=1; shift; }
settings=("$@")
[ ${#settings[@]} -gt 0 ] || settings=(SLURM_PMIX_DIRECT_CONN=false default)
for s in "${settings[@]}"; do
    [ "$s" = default ] || [[ "$s" =~ ^[A-Za-z_][A-Za-z0-9_]*=[^+]*(\+[A-Za-z_][A-Za-z0-9_]*=[^+]*)*$ ]] ||
        { echo "pmix-steps.sh: setting '$s' is neither 'default' nor VAR=VALUE[+VAR=VALUE]" >&2; exit 2; }
done
export SCAL_MPI=${SCAL_MPI:-$repo/build/mpi/scal-mpi}
[ -x "$SCAL_MPI" ] || { echo "pmix-steps.sh: no scal-mpi at $SCAL_MPI: build first or set SCAL_MPI" >&2; exit 2; }

xflag=()
[ $first_failure = 1 ] && xflag=(-x)
if [ $inside = 0 ]; then
    export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
    state=$(mktemp -d /tmp/pmix-steps.XXXXXX)
    # a copy: a rebuild during the loop must not change the binary under the steps
    cp -- "$SCAL_MPI" "$state/scal-mpi"
    SCAL_MPI=$state/scal-mpi SLURM_LOCAL_NODES=2 SLURM_LOCAL_MPI=pmix \
        "$repo/jobs/slurm/tests/slurm-local.sh" run "$state/slurm" -- \
        salloc -N 2 -n 4 --ntasks-per-node=2 "$0" -n "$steps" "${xflag[@]}" __inside "${settings[@]}" &
    child=$!
    # stopped early: slurm-local.sh stops its Slurm before the state dir goes
    trap 'kill -TERM $child 2>/dev/null; wait $child; rm -rf -- "$state"; exit 143' TERM INT HUP
    rc=0
    wait $child || rc=$?
    rm -rf -- "$state"
    exit $rc
fi
declare -A failed ran
log=$SLURM_LOCAL_STATE_DIR/log
for ((i = 1; i <= steps; i++)); do
    for s in "${settings[@]}"; do
        [ $first_failure = 1 ] && [ "${failed[$s]:-0}" -gt 0 ] && continue
        ran[$s]=$((${ran[$s]:-0} + 1))
        env=()
        [ "$s" = default ] || IFS=+ read -r -a env <<<"$s"
        if ! env "${env[@]}" timeout 60 srun -N 2 -n 4 --ntasks-per-node=2 --mpi=pmix "$SCAL_MPI" factor --tasks 8 \
            >/dev/null 2>"$log/step.err"; then
            failed[$s]=$((${failed[$s]:-0} + 1))
            echo "pmix-steps.sh: round $i, $s failed: $(grep -v '^$' "$log/step.err" | tail -n 2 | tr '\n' ' ')" >&2
        fi
    done
    # the counts so far, so that a loop stopped early still tells something
    if [ $((i % 25)) -eq 0 ]; then
        so_far=""
        for s in "${settings[@]}"; do so_far="$so_far, $s failed ${failed[$s]:-0} of ${ran[$s]:-0}"; done
        echo "pmix-steps.sh: $i of $steps rounds$so_far" >&2
    fi
done
for s in "${settings[@]}"; do
    f=${failed[$s]:-0} n=${ran[$s]:-0}
    printf '%s  steps=%d  failed=%d  (%s %%)\n' "$s" "$n" "$f" "$(awk -v f="$f" -v n="$n" 'BEGIN { printf "%.1f", n ? 100 * f / n : 0 }')"
done
