#!/usr/bin/env bash
# slurm-local.sh - a private, single-node, real Slurm on this machine, for tests.
#
#   slurm-local.sh start  STATE_DIR           start munged, slurmctld, slurmd; wait for the node to
#                                             be idle; print `export ...` lines for the environment
#   slurm-local.sh stop   STATE_DIR           cancel jobs, stop the daemons, remove STATE_DIR
#   slurm-local.sh status STATE_DIR           show daemons, node and chosen plugins
#   slurm-local.sh env    STATE_DIR           print the `export ...` lines again
#   slurm-local.sh run    STATE_DIR -- CMD... start, run CMD with SLURM_CONF set, always stop,
#                                             exit with CMD's status
#   slurm-local.sh missing                    list the required packages not installed (exit 0)
#
# Everything the daemons write (munge key/socket/pid/log/seed, slurm.conf, controller state, slurmd
# spool, logs, pid files, job temp dirs) lives under STATE_DIR, which must be absolute-able, short
# enough for Unix socket paths (see MAX_STATE_DIR_LEN), and either absent, empty, or a previous
# slurm-local state dir (recognised by its marker file; a stale one is stopped and wiped on start).
#
# Exit status:
#   0   success (run: CMD's own status is passed through instead)
#   1   failure: Slurm could not be started / stopped, or bad STATE_DIR
#   2   bad usage
#   3   status: not running
#   77  skip: the Slurm/munge packages are missing and we are not root, so cannot install them
#       (77 is the conventional "skipped" status of Automake and CTest's SKIP_RETURN_CODE).
#
# Environment knobs (all optional):
#   SLURM_LOCAL_TASK=affinity|none     force TaskPlugin (default: try task/affinity, fall back)
#   SLURM_LOCAL_MPI=pmix|pmi2|none     force MpiDefault (default: pmix if srun lists it and it
#                                      can launch a step, else none)
#   SLURM_LOCAL_TIMEOUT=60             seconds to wait for the node to become idle
#   SLURM_LOCAL_DEBUG=info|debug|...   SlurmctldDebug/SlurmdDebug level (default info)
#   SLURM_LOCAL_MIN_JOB_AGE=5          MinJobAge: seconds a finished job stays visible (see below)
#   SLURM_LOCAL_KEEP=1                 stop (and run) leave STATE_DIR in place (post-mortems)
#   SLURM_LOCAL_NODES=N                N > 1: nodes n1..nN, one slurmd each, every slurmd in a node
#                                      of its own emulated with Linux namespaces (hostname nK, own
#                                      /etc/hosts and /dev/shm: tests/multinode/nodes.sh); root only
#
# Requires the Debian packages slurm-wlm (slurmctld, slurmd, slurm-client) and munge; as root they
# are installed with apt-get when missing.

set -euo pipefail

readonly SKIP=77
readonly REQUIRED_PKGS=(slurm-wlm slurmctld slurmd slurm-client munge)
readonly MARKER=".slurm-local-state"
readonly PARTITION="local"
readonly CLUSTER="scalestudy"
# The longest Unix socket path the daemons create is the slurmd spool's step socket
# "<spool>/<node>_<jobid>.<stepid>"; sun_path holds 107 characters plus NUL.
readonly MAX_STATE_DIR_LEN=60
# Emulated nodes (SLURM_LOCAL_NODES > 1) come from the multi-node test harness.
NODES_SH="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../tests/multinode" 2>/dev/null && pwd)/nodes.sh"

# Daemons and admin tools live in sbin, which is not on an ordinary user's PATH.
export PATH="$PATH:/usr/sbin:/sbin"

prog=${0##*/}
log() { printf '%s: %s\n' "$prog" "$*" >&2; }
die() { printf '%s: error: %s\n' "$prog" "$*" >&2; exit 1; }

usage() {
    sed -n '2,11s/^# \{0,1\}//p' "$0" >&2
    exit 2
}

# ---------------------------------------------------------------------------------------------
# packages

missing_pkgs() {
    local p
    for p in "${REQUIRED_PKGS[@]}"; do
        if [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)" != installed ]; then
            printf '%s\n' "$p"
        fi
    done
}

ensure_pkgs() {
    local missing
    if ! command -v dpkg-query >/dev/null; then
        # Not Debian: accept any installation that provides the programs.
        local c
        for c in slurmctld slurmd sbatch srun sinfo squeue scontrol scancel munged; do
            command -v "$c" >/dev/null || { log "skip: '$c' not found and this is not a Debian system"; exit $SKIP; }
        done
        return 0
    fi
    missing=$(missing_pkgs | tr '\n' ' ')
    missing=${missing% }
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        log "skip: missing packages: $missing"
        log "skip: install them as root with: apt-get install $missing"
        exit $SKIP
    fi
    log "installing missing packages: $missing"
    # shellcheck disable=SC2086
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >&2; then
        log "apt-get install failed; refreshing package lists once and retrying"
        DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 || true
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >&2 \
            || die "could not install: $missing"
    fi
}

# ---------------------------------------------------------------------------------------------
# state dir layout

set_paths() {
    [ -n "${1:-}" ] || usage
    S=$(realpath -m -- "$1")
    case "$S" in
        / | /bin | /boot | /dev | /etc | /home | /lib* | /opt | /proc | /root | /run | /sbin | /srv | /sys | /tmp | /usr | /var | "$HOME")
            die "refusing to use '$S' as STATE_DIR" ;;
    esac
    CONF="$S/slurm.conf"
    MUNGE_DIR="$S/munge"
    MUNGE_KEY="$MUNGE_DIR/munge.key"
    MUNGE_SOCK="$MUNGE_DIR/munge.socket"
    MUNGE_PID="$MUNGE_DIR/munged.pid"
    MUNGE_LOG="$MUNGE_DIR/munged.log"
    MUNGE_SEED="$MUNGE_DIR/munged.seed"
    CTLD_STATE="$S/ctld"
    SPOOL="$S/spool"
    LOGS="$S/log"
    RUN="$S/run"
    TMP="$S/tmp"
    PLUGINS="$S/plugins"
    ENVFILE="$S/env"
}

is_state_dir() { [ -f "$S/$MARKER" ]; }

# node_count: how many slurmds this instance runs (the start-up's SLURM_LOCAL_NODES, kept in RUN)
node_count() {
    local n
    n=$(pid_from "$RUN/nnodes")
    echo "${n:-1}"
}

# slurmd_name K: the K-th slurmd's name in RUN (pid, sid) and LOGS; "slurmd" on a single node
slurmd_name() {
    if [ "$(node_count)" -gt 1 ]; then echo "slurmd-n$1"; else echo slurmd; fi
}

# ---------------------------------------------------------------------------------------------
# processes

# alive PID COMM: the process exists, is not a zombie, and its command name is COMM (guards
# against reused pids). Zombies count as dead: an init that reaps orphans lazily (as in some VMs
# and containers) leaves an exited daemon in /proc for seconds.
alive() {
    local stat
    [ -n "$1" ] && [ -r "/proc/$1/stat" ] || return 1
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    # "pid (comm) state ...": comm may hold spaces or parentheses, so split at the last ')'
    [ "${stat#*) }" != "$stat" ] || return 1
    case "${stat##*) }" in Z* | X*) return 1 ;; esac
    [ "$(cat "/proc/$1/comm" 2>/dev/null)" = "$2" ]
}

pid_from() { [ -s "$1" ] && tr -dc '0-9' <"$1" || true; }

# pids_in_session SID: every live (non-zombie) process whose session id is SID
pids_in_session() {
    ps -e -o pid=,sid=,stat= | awk -v s="$1" '$2 == s && $3 !~ /^[ZX]/ { print $1 }'
}

# our_stepds: the slurmstepd processes of this instance. slurmd forks them into sessions of their
# own, so they are recognised by the working directory they inherit from slurmd, which launch
# starts in STATE_DIR. (Their environment is no use: slurmstepd's process title overwrites it.)
our_stepds() {
    local d cwd
    for d in /proc/[0-9]*; do
        [ "$(cat "$d/comm" 2>/dev/null)" = slurmstepd ] || continue
        cwd=$(readlink "$d/cwd" 2>/dev/null) || continue
        if [ "$cwd" = "$S" ] || [ "$cwd" = "$S (deleted)" ]; then
            echo "${d#/proc/}"
        fi
    done
}

# kill_stepds: kill leftover slurmstepd processes and the job tasks in their sessions
kill_stepds() {
    local pid sid
    for pid in $(our_stepds); do
        sid=$(ps -o sid= -p "$pid" 2>/dev/null | tr -d ' ') || continue
        log "killing leftover slurmstepd $pid and its session $sid"
        kill_session "$sid" slurmstepd
    done
}

# stop_pid PID COMM: TERM, wait up to 10 s, then KILL.
stop_pid() {
    local pid=$1 comm=$2 i
    alive "$pid" "$comm" || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
        alive "$pid" "$comm" || return 0
        sleep 0.1
    done
    log "$comm ($pid) ignored SIGTERM for 10 s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 20; i++)); do
        alive "$pid" "$comm" || return 0
        sleep 0.1
    done
    log "warning: $comm ($pid) is still alive"
}

# kill_session SID LEADER_COMM: kill what is left in the session a daemon led (e.g. slurmctld's
# slurmscriptd, or a step's tasks). Only done while the session's leader is gone or is still the
# process we expect (a session id is not reused while any member lives).
kill_session() {
    local sid=$1 comm=$2 pids i
    [ -n "$sid" ] || return 0
    if [ -d "/proc/$sid" ] && ! alive "$sid" "$comm"; then return 0; fi
    local sig
    for sig in TERM TERM KILL; do
        pids=$(pids_in_session "$sid")
        [ -z "$pids" ] && return 0
        # shellcheck disable=SC2086
        kill -"$sig" $pids 2>/dev/null || true
        for ((i = 0; i < 20; i++)); do
            [ -z "$(pids_in_session "$sid")" ] && return 0
            sleep 0.1
        done
    done
    log "warning: processes left in session $sid: $(pids_in_session "$sid" | tr '\n' ' ')"
}

# Everything needed to talk to this Slurm.
client_env() {
    local v
    # Variables of an enclosing allocation, or input variables meant for another Slurm
    # (SLURM_CPUS_PER_TASK, SBATCH_PARTITION, ...), would steer our clients: drop them all.
    for v in $(compgen -e); do
        case "$v" in
            SLURM_CONF | SLURM_LOCAL_*) ;;
            SLURM_* | SBATCH_* | SALLOC_* | SRUN_* | SQUEUE_* | SINFO_* | SCONTROL_*) unset "$v" ;;
        esac
    done
    export SLURM_CONF="$CONF"
}

daemon_tails() {
    local f name
    for f in "$LOGS/slurmctld.log" "$LOGS"/slurmd*.log "$MUNGE_LOG"; do
        [ -s "$f" ] || continue
        printf '%s: ---- last lines of %s ----\n' "$prog" "$f" >&2
        # a fresh controller always complains about missing state files: not news
        grep -vE 'state file|Trying backup state' "$f" | tail -n 15 >&2
    done
    # The daemons' stderr repeats their log, but also holds what failed before logging started.
    # A daemon that is no longer running may have said why only there.
    for f in "$LOGS/slurmctld.out" "$LOGS"/slurmd*.out; do
        [ -s "$f" ] || continue
        name=$(basename "$f" .out)
        grep -qi fatal "$f" || ! alive "$(pid_from "$RUN/$name.sid")" "${name%%-*}" || continue
        printf '%s: ---- last lines of %s ----\n' "$prog" "$f" >&2
        grep -vE 'state file|Trying backup state' "$f" | tail -n 8 >&2
    done
}

# ---------------------------------------------------------------------------------------------
# stop

# stop_slurmds: every slurmd of this instance and what is left in its session
stop_slurmds() {
    local k name
    for ((k = 1; k <= $(node_count); k++)); do
        name=$(slurmd_name "$k")
        stop_pid "$(pid_from "$RUN/$name.pid")" slurmd
        stop_pid "$(pid_from "$RUN/$name.sid")" slurmd
        kill_session "$(pid_from "$RUN/$name.sid")" slurmd
    done
}

stop_daemons() {
    local ctld munged ctld_sid i
    ctld=$(pid_from "$RUN/slurmctld.pid")
    munged=$(pid_from "$MUNGE_PID")
    ctld_sid=$(pid_from "$RUN/slurmctld.sid")
    stop_watchdog

    # Cancel the jobs first, so that slurmd tears down its steps while it still can.
    if alive "$ctld" slurmctld && [ -f "$CONF" ]; then
        (
            client_env
            timeout 10 scancel --partition="$PARTITION" >/dev/null 2>&1 || true
            # squeue's default filter lists pending, running and completing jobs
            for ((i = 0; i < 50; i++)); do
                [ -z "$(timeout 5 squeue -h -o %i 2>/dev/null | head -n 1)" ] && break
                sleep 0.2
            done
        ) || true
    fi
    stop_slurmds
    kill_stepds
    stop_pid "$ctld" slurmctld
    kill_session "$ctld_sid" slurmctld
    stop_pid "$munged" munged
    # the emulated nodes, if any (the processes nodes.sh recorded, its state dir)
    if [ -d "$S/nodes" ]; then "$NODES_SH" stop "$S/nodes" || true; fi
}

cmd_stop() {
    set_paths "${1:-}"
    if [ ! -e "$S" ]; then
        # The dir may have been removed under running steps; their cwd still names it.
        kill_stepds
        return 0
    fi
    is_state_dir || die "'$S' is not a slurm-local state dir (no $MARKER); not touching it"
    stop_daemons
    if [ "${SLURM_LOCAL_KEEP:-0}" = 1 ]; then
        log "SLURM_LOCAL_KEEP=1: leaving $S"
    else
        rm -rf -- "$S"
    fi
}

# ---------------------------------------------------------------------------------------------
# start

# Local TCP ports in use, in decimal, from /proc (no dependency on ss/netstat).
used_ports() {
    local f
    for f in /proc/net/tcp /proc/net/tcp6 /proc/net/udp /proc/net/udp6; do
        [ -r "$f" ] && awk 'NR > 1 { split($2, a, ":"); print a[2] }' "$f"
    done | while read -r hex; do printf '%d\n' "0x$hex"; done | sort -un
}

# listening PORT: some socket listens on TCP PORT
listening() {
    local hex
    hex=$(printf '%04X' "$1")
    cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk -v p=":$hex" '$4 == "0A" && substr($2, length($2) - 4) == p { f = 1 } END { exit !f }'
}

# pick_ports N: N distinct free ports in 20000..59999
pick_ports() {
    local n=$1 used p picked=" " tries=0
    used=" $(used_ports | tr '\n' ' ') "
    while [ "$n" -gt 0 ]; do
        tries=$((tries + 1))
        [ "$tries" -lt 1000 ] || die "could not find free TCP ports"
        p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
        case "$used$picked" in *" $p "*) continue ;; esac
        picked="$picked$p "
        n=$((n - 1))
    done
    echo $picked
}

start_munge() {
    mkdir -p "$MUNGE_DIR"
    # munged insists that every user can reach its socket (search permission on its directory);
    # the key itself stays readable by us only.
    chmod 711 "$MUNGE_DIR"
    # munged wants at least 32 bytes of key; mungekey's default is 1024 bits.
    if command -v mungekey >/dev/null; then
        mungekey --create --keyfile="$MUNGE_KEY"
    else
        head -c 1024 /dev/urandom >"$MUNGE_KEY"
    fi
    chmod 400 "$MUNGE_KEY"
    local force=()
    # --force: as root munged objects to, e.g., group-writable parents of STATE_DIR.
    [ "$(id -u)" -eq 0 ] && force=(--force)
    munged "${force[@]}" --key-file="$MUNGE_KEY" --socket="$MUNGE_SOCK" --pid-file="$MUNGE_PID" \
        --log-file="$MUNGE_LOG" --seed-file="$MUNGE_SEED" --origin=127.0.0.1 \
        </dev/null >>"$MUNGE_LOG" 2>&1 || { daemon_tails; die "munged failed to start"; }
    local i
    for ((i = 0; i < 100; i++)); do
        if [ -S "$MUNGE_SOCK" ] && munge -n -S "$MUNGE_SOCK" 2>/dev/null | unmunge -S "$MUNGE_SOCK" >/dev/null 2>&1; then
            return 0
        fi
        sleep 0.05
    done
    daemon_tails
    die "munged does not answer on $MUNGE_SOCK"
}

# hardware: fills HW_* from `slurmd -C` (the same probe slurmd uses when it registers)
probe_hardware() {
    local line kv
    line=$(slurmd -C 2>/dev/null | head -n 1) || true
    [ -n "$line" ] || die "slurmd -C printed nothing"
    HW_CPUS=1 HW_BOARDS=1 HW_SPB=1 HW_CPS=1 HW_TPC=1 HW_MEM=1
    for kv in $line; do
        case "$kv" in
            CPUs=*) HW_CPUS=${kv#*=} ;;
            Boards=*) HW_BOARDS=${kv#*=} ;;
            SocketsPerBoard=*) HW_SPB=${kv#*=} ;;
            CoresPerSocket=*) HW_CPS=${kv#*=} ;;
            ThreadsPerCore=*) HW_TPC=${kv#*=} ;;
            RealMemory=*) HW_MEM=${kv#*=} ;;
        esac
    done
    HW_SOCKETS=$((HW_BOARDS * HW_SPB))
}

write_conf() {
    local task=$1 mpi=$2
    cat >"$CONF" <<EOF
# Generated by $prog for a private single-node test cluster. Do not edit; regenerated on start.
ClusterName=$CLUSTER
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=$(id -un)
SlurmdUser=$(id -un)

AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$MUNGE_SOCK

StateSaveLocation=$CTLD_STATE
SlurmdSpoolDir=$SPOOL$SLURMD_SPOOL_SUB
SlurmctldPidFile=$RUN/slurmctld.pid
SlurmdPidFile=$RUN/$SLURMD_FILES.pid
SlurmctldLogFile=$LOGS/slurmctld.log
SlurmdLogFile=$LOGS/$SLURMD_FILES.log
SlurmctldDebug=${SLURM_LOCAL_DEBUG:-info}
SlurmdDebug=${SLURM_LOCAL_DEBUG:-info}
TmpFS=$TMP

SchedulerType=sched/backfill
# Start batch jobs at submit time instead of up to 3 s later (the default batch_sched_delay).
SchedulerParameters=batch_sched_delay=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ProctrackType=proctrack/linuxproc
TaskPlugin=$task
MpiDefault=$mpi
SwitchType=switch/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none

MailProg=/bin/true
ReturnToService=2
KillWait=5
InactiveLimit=0
# sbatch --wait polls after 2 s, then multiplies its interval by 4 while it is below MinJobAge/2:
# with the default 300 a 3-second job returns after 10 s. At <= 5 it polls every 2 s; finished
# jobs then stay visible to scontrol/squeue for at least this long.
MinJobAge=${SLURM_LOCAL_MIN_JOB_AGE:-5}

PartitionName=$PARTITION Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
EOF
    local hw="CPUs=$HW_CPUS Sockets=$HW_SOCKETS CoresPerSocket=$HW_CPS ThreadsPerCore=$HW_TPC RealMemory=$HW_MEM State=UNKNOWN"
    if [ "$NNODES" -eq 1 ]; then
        echo "NodeName=$NODE NodeHostname=$NODE NodeAddr=127.0.0.1 $hw" >>"$CONF"
        return 0
    fi
    {
        echo "# Emulated nodes, each the whole machine: every slurmd listens on a port of its own on"
        echo "# 127.0.0.1 only, and names its spool, pid and log files after its node (%n)."
        echo "CommunicationParameters=NoInAddrAny"
        local k
        for ((k = 1; k <= NNODES; k++)); do
            echo "NodeName=n$k NodeHostname=n$k NodeAddr=127.0.0.1 Port=${NODE_PORTS[k - 1]} $hw"
        done
    } >>"$CONF"
}

# launch NAME CMD...: start a daemon in the foreground (-D) in its own session, from STATE_DIR.
launch() {
    local name=$1
    shift
    # The working directory STATE_DIR marks the slurmstepds slurmd forks as ours (our_stepds).
    (cd "$S" && exec setsid "$@" </dev/null >>"$LOGS/$name.out" 2>&1) &
    local pid=$!
    # Without job control a background job is not a process-group leader, so setsid did not fork:
    # $! is the daemon itself and the new session id equals its pid.
    echo "$pid" >"$RUN/$name.sid"
}

start_slurm() {
    local i k
    rm -f "$RUN"/slurmctld.pid "$RUN"/slurmd*.pid
    launch slurmctld slurmctld -D -f "$CONF"
    # slurmd registers with slurmctld as it starts, and retries only a second later if the port
    # is still closed: start it once slurmctld listens (wait_idle reports if it never does).
    for ((i = 0; i < 100; i++)); do
        listening "$CTLD_PORT" && break
        alive "$(pid_from "$RUN/slurmctld.sid")" slurmctld || break
        sleep 0.05
    done
    if [ "$(node_count)" -eq 1 ]; then
        launch slurmd slurmd -D -f "$CONF"
        return 0
    fi
    for ((k = 1; k <= $(node_count); k++)); do
        launch "slurmd-n$k" "$NODES_SH" exec "$S/nodes" "$k" slurmd -D -f "$CONF" -N "n$k"
    done
}

# wait_idle: until sinfo says the node is idle, or timeout. With `early`, a daemon that exits
# during start-up returns 3 (after showing its logs) instead of ending the script.
wait_idle() {
    local limit=${SLURM_LOCAL_TIMEOUT:-60} t0 state="" now dead=""
    t0=$(date +%s)
    while :; do
        alive "$(pid_from "$RUN/slurmctld.sid")" slurmctld || dead=slurmctld
        local k
        for ((k = 1; k <= $(node_count); k++)); do
            alive "$(pid_from "$RUN/$(slurmd_name "$k").sid")" slurmd || dead=$(slurmd_name "$k")
        done
        if [ -n "$dead" ]; then
            daemon_tails
            [ "${1:-}" = early ] || die "$dead exited during start-up"
            log "$dead exited during start-up"
            return 3
        fi
        # every node idle: "<count> idle" and nothing else
        state=$(timeout 5 sinfo -h -N -n "$NODE" -o %T </dev/null 2>/dev/null | sort | uniq -c | awk '{ print $1, $2 }' | tr '\n' ' ') || state=""
        [ "$state" = "$(node_count) idle " ] && return 0
        now=$(date +%s)
        if [ $((now - t0)) -ge "$limit" ]; then
            daemon_tails
            timeout 5 scontrol show node "$NODE" >&2 2>/dev/null || true
            die "node $NODE not idle after ${limit}s (last state: '${state:-no answer}')"
        fi
        sleep 0.2
    done
}

# probe_step ARGS...: can a one-task step be launched with these srun options?
probe_step() {
    local out
    # </dev/null: srun forwards its stdin to the task and would eat the caller's input.
    if out=$(timeout 30 srun -N1 -n1 --time=1 --job-name=slurm-local-probe "$@" true </dev/null 2>&1); then
        return 0
    fi
    printf '%s\n' "$out" >"$LOGS/probe-$(echo "$*" | tr -c 'a-z0-9=\n' _).err"
    return 1
}

restart_with() {
    write_conf "$1" "$2"
    stop_slurmds
    kill_stepds
    stop_pid "$(pid_from "$RUN/slurmctld.sid")" slurmctld
    rm -rf "${CTLD_STATE:?}"/* "${SPOOL:?}"/*
    start_slurm
    wait_idle
}

cmd_start() {
    set_paths "${1:-}"
    ensure_pkgs

    if [ -e "$S" ]; then
        if is_state_dir; then
            log "cleaning stale state dir $S"
            SLURM_LOCAL_KEEP=0 cmd_stop "$S"
        elif [ -d "$S" ] && [ -z "$(ls -A "$S")" ]; then
            :
        else
            die "'$S' exists and is not an empty dir or a slurm-local state dir; not touching it"
        fi
    fi
    NNODES=${SLURM_LOCAL_NODES:-1}
    [[ "$NNODES" =~ ^[1-9][0-9]?$ ]] || die "SLURM_LOCAL_NODES must be 1..99, not '$NNODES'"
    SLURMD_FILES=slurmd SLURMD_SPOOL_SUB=""
    if [ "$NNODES" -gt 1 ]; then
        local why
        why=$("$NODES_SH" why-not) || { log "skip: cannot emulate $NNODES nodes: $why"; exit $SKIP; }
        NODE="n[1-$NNODES]" SLURMD_FILES="slurmd-%n" SLURMD_SPOOL_SUB="/%n"
    else
        NODE=$(hostname -s)
    fi
    [ -n "$NODE" ] || die "hostname -s is empty"
    local longest=$(( ${#S} + 7 + ${#NODE} + 22 ))  # "<S>/spool/<node>_<10 digits>.<10 digits>"
    if [ ${#S} -gt $MAX_STATE_DIR_LEN ] || [ $longest -gt 107 ]; then
        die "STATE_DIR '$S' is too long (${#S} chars, max $MAX_STATE_DIR_LEN): Unix socket paths under it would overflow"
    fi

    mkdir -p "$S"
    chmod 711 "$S"  # traversable, for munged's socket check and job users; not listable
    # The marker names the instance, so a watchdog can tell its instance from a later one.
    echo "slurm-local state dir $(date +%s.%N)-$$-$RANDOM; remove with: $0 stop $S" >"$S/$MARKER"
    mkdir -p "$CTLD_STATE" "$SPOOL" "$LOGS" "$RUN" "$TMP"
    echo "$NNODES" >"$RUN/nnodes"
    chmod 1777 "$TMP"
    # Under `run`, guard the instance from now on: start-up can be killed too.
    if [ -n "${RUN_PARENT:-}" ]; then start_watchdog "$RUN_PARENT"; fi

    local t0 i
    t0=$(date +%s.%N)
    start_munge
    probe_hardware
    read -r CTLD_PORT SLURMD_PORT <<<"$(pick_ports 2)"
    NODE_PORTS=()
    if [ "$NNODES" -gt 1 ]; then
        read -r -a NODE_PORTS <<<"$(pick_ports "$NNODES")"
        # each node has its own spool dir (%n), and its own job scratch dir (TmpFS, where the
        # PMIx plugin, too, keeps a step's files; one shared dir would mix the nodes' files)
        for ((i = 1; i <= NNODES; i++)); do mkdir -p "$SPOOL/n$i"; done
        SCAL_NODES_PRIVATE="$TMP" "$NODES_SH" start "$S/nodes" "$NNODES" >/dev/null
    fi

    client_env
    local task=task/affinity mpi=none
    case "${SLURM_LOCAL_TASK:-}" in
        "") ;;
        affinity | none) task=task/$SLURM_LOCAL_TASK ;;
        *) die "SLURM_LOCAL_TASK must be affinity or none" ;;
    esac
    # srun --mpi=list only reads slurm.conf and the plugin dir; no daemon needed.
    write_conf "$task" none
    local mpilist
    mpilist=$(srun --mpi=list 2>&1 || true)
    case "${SLURM_LOCAL_MPI:-}" in
        "") if grep -qw pmix <<<"$mpilist"; then mpi=pmix; fi ;;
        pmix | pmi2 | none) mpi=$SLURM_LOCAL_MPI ;;
        *) die "SLURM_LOCAL_MPI must be pmix, pmi2 or none" ;;
    esac
    printf '%s\n' "$mpilist" >"$LOGS/srun-mpi-list.txt"
    write_conf "$task" "$mpi"

    # A daemon that exits during start-up (e.g. a port taken between pick_ports and its bind by
    # another program on a shared machine) gets two more tries on fresh ports, said in the log.
    local attempt
    for attempt in 1 2 3; do
        start_slurm
        wait_idle early && break
        [ "$attempt" -lt 3 ] || die "the daemons exited during start-up three times (logs above)"
        stop_slurmds
        stop_pid "$(pid_from "$RUN/slurmctld.sid")" slurmctld
        rm -rf "${CTLD_STATE:?}"/* "${LOGS:?}"/slurm*
        for ((i = 1; i <= NNODES; i++)); do [ "$NNODES" -eq 1 ] || rm -rf "${SPOOL:?}/n$i"/*; done
        [ "$NNODES" -gt 1 ] || rm -rf "${SPOOL:?}"/*
        read -r CTLD_PORT SLURMD_PORT <<<"$(pick_ports 2)"
        if [ "$NNODES" -gt 1 ]; then read -r -a NODE_PORTS <<<"$(pick_ports "$NNODES")"; fi
        write_conf "$task" "$mpi"
        log "start-up attempt $((attempt + 1)) of 3 on ports $CTLD_PORT/$SLURMD_PORT"
    done
    local t_idle
    t_idle=$(date +%s.%N)

    # A step that fails under task/affinity (no sched_setaffinity in some sandboxes) means
    # task/none; a step that fails only with --mpi=pmix means MpiDefault=none.
    if [ -z "${SLURM_LOCAL_TASK:-}" ] && ! probe_step --mpi=none; then
        log "a step failed under task/affinity (see $LOGS/probe-*.err); falling back to task/none"
        task=task/none
        restart_with "$task" "$mpi"
        probe_step --mpi=none || { daemon_tails; die "cannot launch even a trivial step with task/none"; }
    fi
    if [ "$mpi" != none ] && ! probe_step --mpi="$mpi"; then
        if [ -n "${SLURM_LOCAL_MPI:-}" ]; then
            daemon_tails
            die "a step failed with --mpi=$mpi, which SLURM_LOCAL_MPI forces"
        fi
        log "a step failed with --mpi=$mpi (see $LOGS/probe-*.err); using MpiDefault=none"
        mpi=none
        write_conf "$task" "$mpi"
        timeout 10 scontrol reconfigure >/dev/null || restart_with "$task" "$mpi"
    fi
    local t_ready
    t_ready=$(date +%s.%N)

    {
        echo "SLURM_VERSION=$(sinfo -V | awk '{print $2}')"
        echo "TaskPlugin=$task"
        echo "MpiDefault=$mpi"
        echo "NODE=$NODE"
        echo "PARTITION=$PARTITION"
        echo "SlurmctldPort=$CTLD_PORT"
        echo "SlurmdPort=$SLURMD_PORT"
        echo "START_TO_IDLE_S=$(awk -v a="$t0" -v b="$t_idle" 'BEGIN { printf "%.2f", b - a }')"
        echo "START_TO_READY_S=$(awk -v a="$t0" -v b="$t_ready" 'BEGIN { printf "%.2f", b - a }')"
    } >"$PLUGINS"
    {
        echo "export SLURM_CONF=$(printf %q "$CONF")"
        echo "export SLURM_LOCAL_STATE_DIR=$(printf %q "$S")"
        # Jobs inherit the submitter's environment: this keeps Open MPI's session dirs and other
        # temporary files of the jobs (and of CMD under `run`) inside STATE_DIR.
        echo "export TMPDIR=$(printf %q "$TMP")"
    } >"$ENVFILE"
    log "up: node $NODE idle, $task, MpiDefault=$mpi, ports $CTLD_PORT/$SLURMD_PORT," \
        "$(sed -n 's/^START_TO_READY_S=//p' "$PLUGINS") s"
    cat "$ENVFILE"
}

# ---------------------------------------------------------------------------------------------
# status, env, run

cmd_status() {
    set_paths "${1:-}"
    if ! is_state_dir; then
        echo "not running: no state dir at $S"
        return 3
    fi
    local rc=0 name pid
    local k names=(slurmctld)
    for ((k = 1; k <= $(node_count); k++)); do names+=("$(slurmd_name "$k")"); done
    for name in "${names[@]}"; do
        pid=$(pid_from "$RUN/$name.sid")
        if alive "$pid" "${name%%-*}"; then echo "$name: running, pid $pid"; else echo "$name: not running"; rc=3; fi
    done
    pid=$(pid_from "$MUNGE_PID")
    if alive "$pid" munged; then echo "munged: running, pid $pid"; else echo "munged: not running"; rc=3; fi
    [ -f "$PLUGINS" ] && cat "$PLUGINS"
    if [ $rc -eq 0 ]; then
        client_env
        timeout 10 sinfo -N -o '%N %P %T %c %m' || rc=3
        timeout 10 squeue || rc=3
    fi
    return $rc
}

cmd_env() {
    set_paths "${1:-}"
    [ -f "$ENVFILE" ] || die "not running: no $ENVFILE"
    cat "$ENVFILE"
}

# A `run` whose shell is killed with SIGKILL runs no trap (CTest kills a test so on timeout), so
# `run` leaves a detached watchdog behind that stops the instance once the shell is gone.
start_watchdog() {
    local parent=$1 pcomm self token
    pcomm=$(cat "/proc/$parent/comm")
    self=$(realpath -- "$0")
    token=$(head -n 1 "$S/$MARKER")
    # Double fork (subshell + &) and setsid: not our child, not in our session or process group,
    # so whoever kills our process tree does not find it.
    (setsid "$self" __watchdog "$S" "$parent" "$pcomm" "$token" </dev/null >>"$LOGS/watchdog.log" 2>&1 &)
}

cmd_watchdog() {
    set_paths "$1"
    local parent=$2 pcomm=$3 token=$4
    echo "$$" >"$RUN/watchdog.pid"
    while alive "$parent" "$pcomm"; do sleep 1; done
    # Only if the state dir still belongs to the instance we guard: a later start may reuse it.
    if [ "$(head -n 1 "$S/$MARKER" 2>/dev/null)" = "$token" ]; then
        log "$pcomm ($parent) is gone without stopping $S; stopping it"
        # CMD too, if it outlived `run` (checked by start time against pid reuse)
        local cmd cmd_start
        read -r cmd cmd_start <"$RUN/cmd.pid" 2>/dev/null || true
        if [ -n "${cmd:-}" ] && [ "$(start_time "$cmd")" = "$cmd_start" ]; then
            kill_tree "$cmd" TERM
        fi
        exec "$0" stop "$S"
    fi
}

stop_watchdog() {
    local wd
    wd=$(pid_from "$RUN/watchdog.pid")
    [ -n "$wd" ] && [ "$wd" != "$$" ] || return 0
    # it is a script: recognise it by its command line, not its name
    if { tr '\0' ' ' <"/proc/$wd/cmdline"; } 2>/dev/null | grep -qF "__watchdog $S "; then
        kill -TERM "$wd" 2>/dev/null || true
    fi
}

# start_time PID: the process's start time in clock ticks since boot (field 22 of its stat)
start_time() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
    stat=${stat##*) }
    # after "pid (comm) ", field 3 (state) is the first; start time is field 22
    set -- $stat
    echo "${20}"
}

# kill_tree PID SIG: signal PID and all its descendants, children first
kill_tree() {
    local pid=$1 sig=$2 child
    for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do
        kill_tree "$child" "$sig"
    done
    kill -"$sig" "$pid" 2>/dev/null || true
}

# Guarded runs, the one owner of `run`'s clean-up (here and in tests/multinode/nodes.sh):
# guard_on STOP... arms traps so that however this shell ends (EXIT, or INT, TERM, HUP: exit
# 130, 143, 129) the command guard_run started is stopped with its process tree, then STOP...
# runs, once, in a subshell (it may die). guard_run PIDFILE CMD... runs CMD in the background,
# so that a signal to this shell interrupts `wait` and reaches the trap at once (stdin passed
# through explicitly: a background job would otherwise get /dev/null), writes its pid and start
# time to PIDFILE (if not empty), waits, cleans up and exits with CMD's status.
guard_on() {
    GUARD_STOP=("$@")
    GUARD_PID=""
    GUARD_DONE=0
    trap guard_cleanup EXIT
    trap 'guard_signal INT 130' INT
    trap 'guard_signal TERM 143' TERM
    trap 'guard_signal HUP 129' HUP
}

guard_cleanup() {
    [ "$GUARD_DONE" = 1 ] && return 0
    GUARD_DONE=1
    if [ -n "$GUARD_PID" ] && [ -d "/proc/$GUARD_PID" ]; then
        kill_tree "$GUARD_PID" TERM
        wait "$GUARD_PID" 2>/dev/null || true
    fi
    ("${GUARD_STOP[@]}") || log "warning: stop failed: ${GUARD_STOP[*]}"
}

guard_signal() {
    log "caught SIG$1; stopping"
    trap - INT TERM HUP
    guard_cleanup
    exit "$2"
}

guard_run() {
    local pidfile=$1 rc=0
    shift
    "$@" <&0 &
    GUARD_PID=$!
    [ -z "$pidfile" ] || echo "$GUARD_PID $(start_time "$GUARD_PID")" >"$pidfile"
    wait "$GUARD_PID" || rc=$?
    GUARD_PID=""
    guard_cleanup
    trap - EXIT
    exit "$rc"
}

cmd_run() {
    [ $# -ge 1 ] || usage
    local dir=$1
    shift
    [ "${1:-}" = -- ] && shift
    [ $# -ge 1 ] || usage

    # armed before start: start-up can be killed too
    guard_on cmd_stop "$dir"
    set_paths "$dir"
    local envlines
    envlines=$(RUN_PARENT=$$ cmd_start "$dir" </dev/null) || exit $?
    client_env
    eval "$envlines"
    guard_run "$RUN/cmd.pid" "$@"
}

# ---------------------------------------------------------------------------------------------

# Sourced (tests/multinode/nodes.sh uses the process helpers and guarded runs above): define,
# run nothing.
[ "${BASH_SOURCE[0]}" = "$0" ] || return 0
[ $# -ge 1 ] || usage
sub=$1
shift
case "$sub" in
    start) [ $# -eq 1 ] || usage; cmd_start "$1" ;;
    stop) [ $# -eq 1 ] || usage; cmd_stop "$1" ;;
    status) [ $# -eq 1 ] || usage; cmd_status "$1" ;;
    env) [ $# -eq 1 ] || usage; cmd_env "$1" ;;
    missing) [ $# -eq 0 ] || usage; if command -v dpkg-query >/dev/null; then missing_pkgs; fi ;;
    run) cmd_run "$@" ;;
    __watchdog) [ $# -eq 4 ] || usage; cmd_watchdog "$@" ;;
    -h | --help | help) usage ;;
    *) usage ;;
esac
