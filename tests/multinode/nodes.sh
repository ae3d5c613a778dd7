#!/usr/bin/env bash
# nodes.sh - N cluster nodes n1..nN emulated on this machine with Linux namespaces, for tests.
#
#   nodes.sh start DIR N [SLOTS]  prepare DIR for nodes n1..nN (SLOTS MPI slots each, default 2);
#                                 print `export ...` lines (Open MPI's settings, the hostfile)
#   nodes.sh check DIR            each node answers with its own hostname, its own /dev/shm, and
#                                 resolves every node name to 127.0.0.1 only; exit 1 if not
#   nodes.sh exec DIR K CMD...    run CMD as node nK (its own UTS and mount namespaces)
#   nodes.sh stop DIR             stop every process started as a node (by its recorded pid),
#                                 remove DIR
#   nodes.sh run DIR N -- CMD...  start, run CMD as the head node with the exported settings,
#                                 always stop; exit with CMD's status
#   nodes.sh why-not              say why nodes cannot be emulated here and exit 77, or exit 0
#
# A node is a process tree in its own UTS namespace (hostname nK) and mount namespace, where
#   - DIR/etc/hosts is bind-mounted over /etc/hosts: n1..nN and head are 127.0.0.1, nothing else;
#   - DIR/etc/nsswitch.conf (`hosts: files`) over /etc/nsswitch.conf: no name look-up leaves the
#     machine;
#   - /dev/shm is a tmpfs of its own: shared memory is shared inside a node only, and whatever a
#     killed rank leaves there goes with the namespace;
#   - TMPDIR is DIR/tmp/nK (Open MPI's session directory);
#   - each directory SCAL_NODES_PRIVATE (colon-separated, at start) names is the node's own: an
#     empty DIR/private/nK/I is bind-mounted over it (node-local scratch, as on a cluster).
# Open MPI starts its daemons on the nodes through DIR/bin/ssh (plm_rsh_agent), which is
# `nodes.sh exec` on the host mpirun names; every address is loopback (oob/btl over lo, IPv4, no
# name resolution of interfaces). Nothing is ever sent outside 127.0.0.0/8.
#
# `run` runs CMD as the head node "head" (same hosts file, own /dev/shm), which is where mpirun
# starts; a detached watchdog stops DIR if `run` itself is killed (e.g. by a CTest timeout).
#
# Exit status: 0 ok (run: CMD's own status), 1 failure, 2 bad usage, 77 namespaces unavailable.

set -euo pipefail

NODES_MARKER=".scal-nodes-state"
readonly SHM_SIZE=${SCAL_NODES_SHM_SIZE:-1g}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SELF="$HERE/$(basename "${BASH_SOURCE[0]}")"
readonly HERE SELF
# The process helpers (alive, start_time, kill_tree, stop_pid) and the guarded run (guard_on,
# guard_run: `run`'s clean-up) are slurm-local.sh's.
# shellcheck source=jobs/slurm/tests/slurm-local.sh
source "$HERE/../../jobs/slurm/tests/slurm-local.sh"
# shellcheck disable=SC2034  # log and die of slurm-local.sh print it
prog=nodes.sh

nodes_usage() {
    sed -n '2,12s/^# \{0,1\}//p' "$SELF" >&2
    exit 2
}

nodes_paths() {
    [ -n "${1:-}" ] || nodes_usage
    D=$(realpath -m -- "$1")
    case "$D" in
        / | /bin | /boot | /dev | /etc | /home | /lib* | /opt | /proc | /root | /run | /sbin | /srv | /sys | /tmp | /usr | /var | "$HOME")
            die "refusing to use '$D' as DIR" ;;
    esac
}

# why_not: print why nodes cannot be emulated here (nothing when they can)
why_not() {
    local c
    for c in unshare mount hostname getent; do
        command -v "$c" >/dev/null || { echo "'$c' not found"; return; }
    done
    [ "$(id -u)" -eq 0 ] || { echo "not root: UTS and mount namespaces need CAP_SYS_ADMIN"; return; }
    if [ ! -f /etc/hosts ] || [ ! -f /etc/nsswitch.conf ]; then
        echo "no /etc/hosts or /etc/nsswitch.conf to bind over"
        return
    fi
    local out
    if ! out=$(unshare --uts --mount --propagation private -- sh -c \
        'hostname scal-probe && mount -t tmpfs -o size=1m tmpfs /dev/shm && hostname' 2>&1) ||
        [ "$out" != scal-probe ]; then
        echo "cannot create UTS + mount namespaces here: ${out:-no output}"
    fi
}

# ---------------------------------------------------------------------------------------------

cmd_nodes_start() {
    nodes_paths "${1:-}"
    local n=${2:-} slots=${3:-2} k
    [[ "$n" =~ ^[1-9][0-9]?$ ]] || die "N must be 1..99, not '$n'"
    [[ "$slots" =~ ^[1-9][0-9]?$ ]] || die "SLOTS must be 1..99, not '$slots'"
    local why
    why=$(why_not)
    [ -z "$why" ] || { log "skip: $why"; exit $SKIP; }
    if [ -e "$D" ]; then
        if [ -f "$D/$NODES_MARKER" ]; then
            cmd_nodes_stop "$D"
        elif [ -d "$D" ] && [ -z "$(ls -A "$D")" ]; then
            :
        else
            die "'$D' exists and is not empty nor a nodes.sh dir; not touching it"
        fi
    fi
    mkdir -p "$D/etc" "$D/bin" "$D/pids" "$D/tmp/head"
    echo "nodes.sh state dir $(date +%s.%N)-$$-$RANDOM; remove with: $SELF stop $D" >"$D/$NODES_MARKER"
    echo "$n" >"$D/nnodes"
    for ((k = 1; k <= n; k++)); do printf 'n%d ' "$k"; done >"$D/nodes"
    {
        echo "127.0.0.1 localhost"
        echo "127.0.0.1 head"
        for ((k = 1; k <= n; k++)); do echo "127.0.0.1 n$k"; done
    } >"$D/etc/hosts"
    local p
    : >"$D/private-dirs"
    if [ -n "${SCAL_NODES_PRIVATE:-}" ]; then
        tr ':' '\n' <<<"$SCAL_NODES_PRIVATE" | while read -r p; do
            [ -z "$p" ] && continue
            [ -d "$p" ] || die "SCAL_NODES_PRIVATE: '$p' is not a directory"
            realpath -- "$p"
        done >"$D/private-dirs"
    fi
    echo "hosts: files" >"$D/etc/nsswitch.conf"
    grep -v '^hosts:' /etc/nsswitch.conf >>"$D/etc/nsswitch.conf" || true
    for ((k = 1; k <= n; k++)); do
        echo "n$k slots=$slots"
        mkdir -p "$D/tmp/n$k"
    done >"$D/hostfile"
    chmod 1777 "$D/tmp" "$D"/tmp/*
    write_enter
    # The "ssh" Open MPI starts its daemons with: [OPTIONS] HOST COMMAND, one command line.
    cat >"$D/bin/ssh" <<SSH
#!/bin/sh
while [ \$# -gt 0 ] && [ "\${1#-}" != "\$1" ]; do shift; done
[ \$# -ge 2 ] || { echo "nodes.sh ssh: want HOST COMMAND" >&2; exit 255; }
host=\$1
shift
case " \$(cat $(printf %q "$D/nodes")) " in
    *" \$host "*) ;;
    *) echo "nodes.sh ssh: '\$host' is not an emulated node of $(printf %q "$D")" >&2; exit 255 ;;
esac
exec $(printf %q "$D/bin/enter") "\$host" /bin/sh -c "\$*"
SSH
    chmod 755 "$D/bin/ssh"
    {
        echo "export SCAL_NODES_DIR=$(printf %q "$D")"
        echo "export SCAL_NODES=$n"
        echo "export OMPI_MCA_orte_default_hostfile=$(printf %q "$D/hostfile")"
        echo "export OMPI_MCA_plm_rsh_agent=$(printf %q "$D/bin/ssh")"
        # The head starts every daemon itself, so each one is started (and recorded) by nodes.sh.
        echo "export OMPI_MCA_plm_rsh_no_tree_spawn=1"
        echo "export OMPI_MCA_oob_tcp_if_include=lo"
        echo "export OMPI_MCA_btl_tcp_if_include=lo"
        echo "export OMPI_MCA_btl_tcp_disable_family=6"
        echo "export OMPI_MCA_oob_tcp_disable_ipv6_family=1"
        # Never resolve n1..nN to decide which are local: they are all 127.0.0.1.
        echo "export OMPI_MCA_if_base_do_not_resolve=1"
    } >"$D/env"
    cat "$D/env"
}

# write_enter: DIR/bin/enter NAME CMD... makes the calling process node NAME and runs CMD in
# it. A small sh script (Open MPI runs it for every daemon it starts): records its pid, which
# stays the same through unshare, the set-up shell and CMD (each execs the next), binds the
# node's files and private directories, sets the hostname.
write_enter() {
    cat >"$D/bin/enter" <<ENTER
#!/bin/sh
set -e
d=$(printf %q "$D")
name=\$1
shift
# the pid and its start time (field 22 of /proc/PID/stat), for stop
echo "\$\$ \$(sed 's/.*) //' /proc/\$\$/stat | cut -d' ' -f20)" >"\$d/pids/\$name.\$\$"
binds=
i=0
while read -r p; do
    i=\$((i + 1))
    mkdir -p "\$d/private/\$name/\$i"
    chmod 1777 "\$d/private/\$name/\$i"
    binds="\$binds\$d/private/\$name/\$i \$p
"
done <"\$d/private-dirs"
export TMPDIR="\$d/tmp/\$name"
exec unshare --uts --mount --propagation private -- /bin/sh -c '
    set -e
    mount --bind "\$1/etc/hosts" /etc/hosts
    mount --bind "\$1/etc/nsswitch.conf" /etc/nsswitch.conf
    mount -t tmpfs -o "size=\$3,mode=1777" tmpfs /dev/shm
    hostname "\$2"
    printf %s "\$4" | while read -r from to; do mount --bind "\$from" "\$to"; done
    shift 4
    exec "\$@"' nodes-enter "\$d" "\$name" $SHM_SIZE "\$binds" "\$@"
ENTER
    chmod 755 "$D/bin/enter"
}

cmd_nodes_exec() {
    nodes_paths "${1:-}"
    local k=${2:-}
    shift 2 || nodes_usage
    [ -f "$D/$NODES_MARKER" ] || die "'$D' is not a started nodes.sh dir"
    [[ "$k" =~ ^[1-9][0-9]?$ ]] && [ "$k" -le "$(cat "$D/nnodes")" ] || die "no node '$k' in $D"
    [ $# -ge 1 ] || nodes_usage
    exec "$D/bin/enter" "n$k" "$@"
}

cmd_nodes_check() {
    nodes_paths "${1:-}"
    [ -f "$D/$NODES_MARKER" ] || die "'$D' is not a started nodes.sh dir"
    local n k got bad=0
    n=$(cat "$D/nnodes")
    for ((k = 1; k <= n; k++)); do
        # hostname, what is in its /dev/shm after a touch, every address its names resolve to
        got=$("$SELF" exec "$D" "$k" /bin/sh -c '
            touch /dev/shm/scal-nodes-probe
            echo "$(hostname) $(ls /dev/shm)"
            awk "{ print \$2 }" /etc/hosts | while read -r h; do getent ahostsv4 "$h"; done |
                awk "{ print \$1 }" | sort -u' | tr '\n' ' ')
        if [ "$got" != "n$k scal-nodes-probe 127.0.0.1 " ]; then
            log "check: node n$k answered '$got'"
            bad=1
        fi
    done
    if [ -e /dev/shm/scal-nodes-probe ]; then
        log "check: a node's /dev/shm is the machine's"
        bad=1
    fi
    [ $bad = 0 ] && log "check: $n nodes, each with its own hostname and /dev/shm, names on 127.0.0.1"
    return $bad
}

cmd_nodes_stop() {
    nodes_paths "${1:-}"
    [ -e "$D" ] || return 0
    [ -f "$D/$NODES_MARKER" ] || die "'$D' is not a nodes.sh dir (no $NODES_MARKER); not touching it"
    local f pid st
    local wd
    wd=$(pid_from "$D/watchdog.pid")
    if [ -n "$wd" ] && [ "$wd" != "$$" ] &&
        { tr '\0' ' ' <"/proc/$wd/cmdline"; } 2>/dev/null | grep -qF "__watchdog $D "; then
        kill -TERM "$wd" 2>/dev/null || true
    fi
    for f in "$D"/pids/*; do
        [ -f "$f" ] || continue
        read -r pid st <"$f" || continue
        if [ -n "$pid" ] && [ "$(start_time "$pid")" = "$st" ]; then
            log "stopping $(cat "/proc/$pid/comm" 2>/dev/null) ($pid), left running on ${f##*/}"
            kill_tree "$pid" TERM
            sleep 0.5
            [ "$(start_time "$pid")" = "$st" ] && kill_tree "$pid" KILL
        fi
    done
    rm -rf -- "$D"
}

cmd_nodes_run() {
    [ $# -ge 2 ] || nodes_usage
    local dir=$1 n=$2
    shift 2
    [ "${1:-}" = -- ] && shift
    [ $# -ge 1 ] || nodes_usage
    nodes_paths "$dir"
    local envlines
    envlines=$(cmd_nodes_start "$D" "$n") || exit $?
    guard_on cmd_nodes_stop "$D"
    local token
    token=$(head -n 1 "$D/$NODES_MARKER")
    (setsid "$SELF" __watchdog "$D" $$ "$(cat /proc/$$/comm)" "$token" </dev/null >/dev/null 2>&1 &)
    eval "$envlines"
    guard_run "" "$SELF" __head "$D" "$@"
}

cmd_nodes_watchdog() {
    nodes_paths "$1"
    local parent=$2 pcomm=$3 token=$4
    echo "$$" >"$D/watchdog.pid"
    while alive "$parent" "$pcomm"; do sleep 1; done
    if [ "$(head -n 1 "$D/$NODES_MARKER" 2>/dev/null)" = "$token" ]; then
        log "$pcomm ($parent) is gone without stopping $D; stopping it"
        exec "$SELF" stop "$D"
    fi
}

nodes_main() {
    [ $# -ge 1 ] || nodes_usage
    local sub=$1
    shift
    case "$sub" in
        start) [ $# -ge 2 ] && [ $# -le 3 ] || nodes_usage; cmd_nodes_start "$@" ;;
        check) [ $# -eq 1 ] || nodes_usage; cmd_nodes_check "$1" ;;
        exec) [ $# -ge 3 ] || nodes_usage; cmd_nodes_exec "$@" ;;
        stop) [ $# -eq 1 ] || nodes_usage; cmd_nodes_stop "$1" ;;
        run) cmd_nodes_run "$@" ;;
        why-not)
            local why
            why=$(why_not)
            [ -z "$why" ] || { echo "$why"; exit $SKIP; } ;;
        __head) nodes_paths "$1"; shift; exec "$D/bin/enter" head "$@" ;;
        __watchdog) [ $# -eq 4 ] || nodes_usage; cmd_nodes_watchdog "$@" ;;
        *) nodes_usage ;;
    esac
}

nodes_main "$@"
