#!/usr/bin/env bash
# hostile.sh - bad input and odd files as a hostile new user would try them,
# against the built scal-omp, scal-mpi and scal-run.  For every case:
#   - the exit status the README promises (2 bad input, 1 a failed write,
#     0 for the odd but valid inputs that must be accepted);
#   - a message naming the bad value (or option, or path);
#   - no input file modified (checksums of every file before and after);
#   - nothing left behind: the case's folder holds exactly what it held
#     (plus the files an accepted case writes), no FILE.tmp.* anywhere, and
#     the private TMPDIR and shared-memory folders given to Open MPI are
#     empty again.
# usage: hostile.sh, with MPIEXEC, SCAL_MPI, SCAL_OMP and SCAL_RUN set.
set -u
: "${MPIEXEC:?}" "${SCAL_MPI:?}" "${SCAL_OMP:?}" "${SCAL_RUN:?}"
work=$(mktemp -d /tmp/scal-hostile.XXXXXX)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0 cases=0
# Open MPI's session folder and shared-memory files go where we can see
# them (other jobs' files in /dev/shm are not ours to judge).
mkdir -p "$work/tmp" "$work/shm"
export TMPDIR=$work/tmp
export OMPI_MCA_btl_vader_backing_directory=$work/shm OMPI_MCA_osc_sm_backing_directory=$work/shm

# The inputs every case starts from, in its own copy of this folder.
fixture=$work/fixture
mkdir -p "$fixture/sub"
"$SCAL_OMP" paths --nodes 40 --fraction 0.1 --pairs 5 --seed 2 --write-graph "$fixture/g.mtx" \
    > /dev/null 2>&1 || { echo "cannot make the fixture graph" >&2; exit 1; }
printf 'source,target\n0,1\n2,3\n' > "$fixture/p.csv"
printf '\xEF\xBB\xBFsource,target\n0,1\n' > "$fixture/bom.csv"
printf '\n\n  \nsource,target\n0,1\n' > "$fixture/late-header.csv"
printf '0,1\nsource,target\n' > "$fixture/header-later.csv"
{ printf '0,'; head -c 5000 /dev/zero | tr '\0' '1'; printf '\n'; } > "$fixture/long-line.csv"
printf '%%%%MatrixMarket matrix coordinate pattern general\n3 3 1\n1 2\0\n' > "$fixture/nul.mtx"
mkfifo "$fixture/fifo"
head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' '#' | fold -w 100 > "$fixture/huge.job"
ln -s g.mtx "$fixture/link.mtx"
ln "$fixture/g.mtx" "$fixture/hard.mtx"
job() { # job NAME BODY: a job file in the fixture (engine omp, workers 1 unless said)
    printf '%b' "$2" > "$fixture/$1"
}
job pertask.job '[global]\nengine = mpi\nworkload = paths\nshare = per-task\npool = map\nworkers = 1\n'
job weak-tasks.job '[global]\nengine = omp\nworkload = spin\nweak = tasks\ntasks = 60000000\nworkers = 1,2\n'
job weak-pairs.job '[global]\nengine = mpi\nworkload = paths\nweak = pairs\npairs = 30000000\nworkers = 1,4\n'
job base.job '[global]\nengine = omp\nworkload = factor\nbase = 9223372036854775000\ntasks = 1000\nworkers = 1\n'
job graph-nodes.job '[global]\nengine = omp\nworkload = paths\ngraph = g.mtx\nnodes = 10\nworkers = 1\n'
job pairs-both.job '[global]\nengine = omp\nworkload = paths\npairs-file = p.csv\npairs = 10\nworkers = 1\n'
job switch.job '[global]\nengine = omp\nworkload = spin\nswitch-interval = 0.01\nworkers = 1\n'
job zero-graph.job '[global]\nengine = omp\nworkload = paths\ngraph = /dev/zero\nworkers = 1\n'
job fifo-pairs.job '[global]\nengine = omp\nworkload = paths\npairs-file = fifo\nworkers = 1\n'
job indented.job '[global]\nengine = omp\nworkload = spin\n  tasks = 4\nworkers = 1\n'
job empty-section.job '[]\nengine = omp\nworkload = spin\nworkers = 1\n'
job huge-mean.job '[global]\nengine = omp\nworkload = sleep\nmean = 1e999\nworkers = 1\n'
job tiny-mean.job '[global]\nengine = omp\nworkload = sleep\nmean = 1e-320\nsigma = 0\ntasks = 2\nworkers = 1\n'
job spin.job '[global]\nengine = omp\nworkload = spin\ntasks = 4\nrepeat = 1\nwarmup = 0\nworkers = 1\n'
job runs-input.job '[global]\nengine = omp\nworkload = paths\ngraph = g.mtx\npairs-file = old/runs.csv\nworkers = 1\n'
job seed-both.job '[global]\nengine = omp\nworkload = paths\ngraph = g.mtx\npairs-file = p.csv\nseed = 4\nworkers = 1\n'
# A finished study whose runs.csv a later job names as an input.
(cd "$fixture" && "$SCAL_RUN" --out old spin.job > /dev/null 2>&1 && cp runs-input.job old/) ||
    { echo "cannot make the fixture study" >&2; exit 1; }

full=$work/full
mknod "$full" c 1 7 2> /dev/null || full=/dev/full

# snapshot: every path under the case folder with, for files, a checksum.
snapshot() {
    (cd "$1" && find . -mindepth 1 -printf '%p %y %s\n' | sort &&
        find . -type f -print0 | sort -z | xargs -0 md5sum)
}

# hostile NAME STATUS PATTERN [creates=FILE...] -- COMMAND...: run COMMAND in
# a fresh copy of the fixture and check everything this file promises.
hostile() {
    local name=$1 want=$2 pattern=$3 creates=()
    shift 3
    while [ "$1" != -- ]; do creates+=("${1#creates=}"); shift; done
    shift
    case $1 in # the programs by short names
        omp) set -- "$SCAL_OMP" "${@:2}" ;;
        mpi) set -- "$MPIEXEC" -n 2 "$SCAL_MPI" "${@:2}" ;;
        run) set -- "$SCAL_RUN" "${@:2}" ;;
    esac
    cases=$((cases + 1))
    local dir=$work/case.$cases
    cp -a "$fixture" "$dir"
    local before after
    before=$(snapshot "$dir")
    (cd "$dir" && timeout -k 5 60 "$@" > "$work/out.txt" 2> "$work/err.txt")
    local rc=$? why=()
    [ "$rc" -eq "$want" ] || why+=("exit $rc, not $want")
    # a refusal names what is wrong on stderr; an accepted run shows its result
    if [ "$want" -ne 0 ]; then
        grep -qF -- "$pattern" "$work/err.txt" || why+=("no message with '$pattern'")
    else
        grep -qF -- "$pattern" "$work/out.txt" || why+=("no '$pattern' in its output")
    fi
    local f
    for f in "${creates[@]}"; do
        [ -s "$dir/$f" ] || why+=("did not write $f")
        rm -rf "${dir:?}/$f"
    done
    after=$(snapshot "$dir")
    [ "$before" = "$after" ] || why+=("files changed: $(diff <(echo "$before") <(echo "$after") | grep '^[<>]' | head -3 | tr '\n' ' ')")
    [ -z "$(find "$dir" -name '*.tmp.*')" ] || why+=("a temporary was left")
    local left
    left=$(cd "$work" && find tmp shm -mindepth 1 -maxdepth 1)
    [ -z "$left" ] || why+=("left in TMPDIR or shm: $(echo "$left" | tr '\n' ' ')")
    rm -rf "${work:?}/tmp/"* "${work:?}/shm/"* "$dir"
    if [ ${#why[@]} -eq 0 ]; then
        echo "PASS $name"
        pass=$((pass + 1))
    else
        echo "FAIL $name: ${why[*]}"
        sed 's/^/  stderr: /' "$work/err.txt" | head -3
        fail=$((fail + 1))
    fi
}

# -- an output that is another output or an input
hostile "--out and --trace the same file" 2 "--out 'x' and --trace 'x' are the same file" -- \
    omp factor --tasks 4 --out x --trace x
hostile "--out onto --graph" 2 "--graph 'g.mtx' and --out 'g.mtx' are the same file" -- \
    omp paths --graph g.mtx --out g.mtx
hostile "--trace onto --graph by another spelling" 2 "same file" -- \
    omp paths --graph g.mtx --trace ./sub/../g.mtx
hostile "--write-graph onto --graph" 2 "--write-graph 'g.mtx'" -- \
    omp paths --graph g.mtx --write-graph g.mtx
hostile "--out onto --pairs-file" 2 "--pairs-file 'p.csv' and --out 'p.csv'" -- \
    omp paths --nodes 40 --pairs-file p.csv --out p.csv
hostile "one file as --graph and --pairs-file" 2 "one file cannot be both inputs" -- \
    omp paths --graph g.mtx --pairs-file g.mtx
hostile "--out and --write-graph, one not made yet" 2 "one result would overwrite the other" -- \
    omp paths --nodes 40 --out o.csv --write-graph sub/../o.csv
hostile "--out onto a symbolic link to --graph" 2 "same file" -- \
    omp paths --graph g.mtx --out link.mtx
hostile "--trace onto a hard link of --graph" 2 "same file" -- \
    omp paths --graph hard.mtx --trace g.mtx
hostile "scal-mpi --out onto --graph" 2 "same file" -- mpi paths --graph g.mtx --out g.mtx
hostile "scal-mpi --out and --trace the same file" 2 "same file" -- mpi spin --tasks 4 --out t --trace t
hostile "scal-run --out . onto its own job file" 2 "the job file 'spin.job' and results file" -- \
    run --out . spin.job
hostile "scal-run --resume with runs.csv as an input" 2 "pairs-file (runs-input.job:5) 'old/runs.csv' and results file 'old/runs.csv'" -- \
    run --resume old runs-input.job

# -- contradictory options
hostile "--graph with --nodes" 2 "--graph and --nodes exclude each other" -- \
    omp paths --graph g.mtx --nodes 50
hostile "--graph with --fraction" 2 "--graph and --fraction exclude each other" -- \
    omp paths --graph g.mtx --fraction 0.2
hostile "--pairs-file with --pairs" 2 "--pairs-file and --pairs exclude each other" -- \
    omp paths --nodes 40 --pairs-file p.csv --pairs 5
hostile "--seed with nothing to draw" 2 "--seed cannot be given with both --graph and --pairs-file" -- \
    omp paths --graph g.mtx --pairs-file p.csv --seed 3
hostile "--switch-interval without --gil" 2 "--switch-interval needs --gil on" -- \
    omp spin --switch-interval 0.01
hostile "--show with csv" 2 "--show needs --format human, not json" -- \
    omp factor --tasks 2 --show 5 --format json
hostile "scal-mpi --share per-task with map (the default)" 2 "--share per-task needs --pool submit|as-completed, not map (the default)" -- \
    mpi paths --nodes 40 --share per-task
hostile "scal-mpi --share per-task with threads" 2 "--share per-task needs --threads 1, not 2" -- \
    mpi paths --nodes 40 --share per-task --pool submit --threads 2
hostile "scal-mpi --graph with --nodes" 2 "--graph and --nodes" -- mpi paths --graph g.mtx --nodes 9
hostile "--topology with --out (nothing would be written)" 2 "--topology and --out exclude each other" -- \
    omp --topology --out t.csv

# -- unbounded reads: devices, FIFOs, folders, long lines, NUL bytes, huge files
hostile "--graph /dev/zero" 2 "/dev/zero: a character device, not a regular file" -- \
    omp paths --graph /dev/zero
hostile "--pairs-file /dev/zero" 2 "/dev/zero: a character device" -- \
    omp paths --nodes 40 --pairs-file /dev/zero
hostile "--graph a FIFO (no writer: must not hang)" 2 "fifo: a FIFO (pipe), not a regular file" -- \
    omp paths --graph fifo
hostile "--pairs-file a folder" 2 "sub: a directory, not a regular file" -- \
    omp paths --nodes 40 --pairs-file sub
hostile "scal-mpi --graph /dev/zero" 2 "/dev/zero: a character device" -- mpi paths --graph /dev/zero
hostile "scal-run --dry-run /dev/zero" 2 "/dev/zero: a character device" -- run --dry-run /dev/zero
hostile "scal-run --dry-run a FIFO" 2 "fifo: a FIFO" -- run --dry-run fifo
hostile "scal-run --dry-run a folder" 2 "sub: a directory" -- run --dry-run sub
hostile "scal-run: a job file of 2 MiB" 2 "bytes a job file may hold" -- run --dry-run huge.job
hostile "a pairs line of 5000 characters" 2 "long-line.csv:1: line longer than 256 characters" -- \
    omp paths --nodes 40 --pairs-file long-line.csv
hostile "a NUL byte in a graph" 2 "nul.mtx:3: NUL byte" -- omp paths --graph nul.mtx

# -- job-file checks that used to miss, all before a results folder exists
hostile "job: share = per-task with pool = map" 2 "pertask.job:4: key 'share': share = per-task needs pool submit|as-completed, not map" -- \
    run --out res pertask.job
hostile "job: weak = tasks past the limit at 2 workers" 2 "weak-tasks.job:5: key 'tasks': 60000000 x 2 workers = 120000000" -- \
    run --out res weak-tasks.job
hostile "job: weak = pairs past the limit at 4 workers" 2 "key 'pairs': 30000000 x 4 workers" -- \
    run --out res weak-pairs.job
hostile "job: base + tasks past 64 bits" 2 "base.job:4: key 'base': base 9223372036854775000 with tasks 1000" -- \
    run --out res base.job
hostile "job: graph with nodes" 2 "key 'graph': graph and nodes exclude each other" -- \
    run --out res graph-nodes.job
hostile "job: pairs-file with pairs" 2 "key 'pairs-file': pairs-file and pairs exclude each other" -- \
    run --out res pairs-both.job
hostile "job: seed with graph and pairs-file" 2 "key 'seed': seed cannot be given with both graph and pairs-file" -- \
    run --out res seed-both.job
hostile "job: switch-interval without gil" 2 "switch-interval needs gil on, not off (the default)" -- \
    run --out res switch.job
hostile "job: graph = /dev/zero" 2 "key 'graph': bad value '/dev/zero' (/dev/zero: a character device" -- \
    run --out res zero-graph.job
hostile "job: pairs-file = a FIFO" 2 "key 'pairs-file': bad value 'fifo'" -- run --out res fifo-pairs.job
hostile "job: an indented key" 2 "indented.job:4: indented line 'tasks = 4'" -- run --out res indented.job
hostile "job: []" 2 "empty-section.job:1: section '[]' has no name" -- run --out res empty-section.job
hostile "job: mean = 1e999" 2 "key 'mean': bad value '1e999'" -- run --out res huge-mean.job

# -- odd but valid: accepted, and right
hostile "pairs file with a UTF-8 BOM and a header" 0 "0 -> 1:" creates=o.csv -- \
    omp paths --nodes 40 --pairs-file bom.csv --out o.csv
hostile "pairs file with its header after blank lines" 0 "0 -> 1:" creates=o.csv -- \
    omp paths --nodes 40 --pairs-file late-header.csv --out o.csv
hostile "a header after the data" 2 "header-later.csv:2: 'source,target' is not 'source,target' (0-based ids): a header may only be the first line" -- \
    omp paths --nodes 40 --pairs-file header-later.csv
hostile "--mean 1e-320, a subnormal" 0 "every result checked: valid" -- \
    omp sleep --tasks 2 --mean 1e-320 --sigma 0
hostile "--mean 1e999" 2 "--mean: invalid value '1e999': too large for a double" -- omp sleep --mean 1e999
hostile "--mean 1e-320 in a job file" 0 "--mean 1e-320" -- run --dry-run tiny-mean.job
hostile "a negative --us" 2 "--us: invalid value '-5'" -- omp spin --us -5

# -- exit codes: a failed write is 1, a bad path 2
hostile "--write-graph onto a full device" 1 "cannot write '$full': No space left on device" -- \
    omp paths --nodes 40 --write-graph "$full"
hostile "--out onto a full device" 1 "cannot write '$full': No space left on device" -- \
    omp factor --tasks 3 --out "$full"
hostile "scal-mpi --write-graph onto a full device" 1 "cannot write '$full': No space left on device" -- \
    mpi paths --nodes 40 --write-graph "$full"
hostile "--out in a missing folder" 2 "cannot write 'nope/o.csv': No such file or directory" -- \
    omp factor --tasks 3 --out nope/o.csv
hostile "--write-graph onto a folder" 2 "cannot write 'sub': it is a directory" -- \
    omp paths --nodes 40 --write-graph sub
hostile "--trace under a regular file" 2 "cannot write 'p.csv/t.csv': Not a directory" -- \
    omp factor --tasks 3 --trace p.csv/t.csv

echo "$pass passed, $fail failed, of $cases cases"
[ "$cases" -ge 40 ] || { echo "FAIL: only $cases cases ran" >&2; exit 1; }
[ "$fail" -eq 0 ]
