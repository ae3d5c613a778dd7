# lib.sh - helpers for scal-run's end-to-end tests; sourced by each *.sh test.
#
# Needs SCAL_RUN (the binary) from CTest. Each test works in a fresh
# temporary folder, $work.
set -u
: "${SCAL_RUN:?set by CTest}"
# Columns by name: csv_col NAME FILE, csv_last, csv_awk (tests/csv.sh).
. "$(dirname "$0")/../../tests/csv.sh"
work=$(mktemp -d /tmp/scal-run-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
failures=0

# Install the stub ($STUB, stub-engine.sh) as both engines for scal-run.
use_stub_engines() {
    : "${STUB:?set by CTest}"
    mkdir "$work/engines"
    ln -s "$STUB" "$work/engines/scal-omp"
    ln -s "$STUB" "$work/engines/scal-mpi"
    export SCAL_ENGINE_DIR=$work/engines
}

# spin_global N: the [global] section of a job of exactly N rounds of the
# spin workload on scal-omp (the stub engine under use_stub_engines), no
# warm-up; the caller appends its series.
spin_global() {
    printf '[global]\nengine = omp\nworkload = spin\nrepeat = %s\nmax-repeat = %s\nwarmup = 0\n\n' "$1" "$1"
}

# check DESCRIPTION COMMAND...: run a check, report it, count failures.
# For a compound condition, pass one string to eval: check "x" eval '[ a ] && [ b ]'.
check() {
    desc=$1
    shift
    if "$@"; then
        echo "PASS $desc"
    else
        echo "FAIL $desc"
        failures=$((failures + 1))
    fi
}

finish() {
    echo "$failures failed"
    [ "$failures" -eq 0 ]
}

# A real PNG: the signature, an IHDR chunk with non-zero width and height,
# and more than a trivial size.
png_ok() {
    [ -f "$1" ] || return 1
    [ "$(od -An -tx1 -N16 "$1" | tr -d ' \n')" = "89504e470d0a1a0a0000000d49484452" ] || return 1
    [ "$(od -An -tu1 -j16 -N8 "$1" | tr -s ' ' | awk '{print ($1+$2+$3+$4 > 0 && $5+$6+$7+$8 > 0)}')" = 1 ] || return 1
    [ "$(stat -c %s "$1")" -gt 2000 ]
}


# Every line of FILE is one whole CSV row with as many fields as its header
# (fields may be quoted, with "" for a quote; runs.csv keeps rows on one line).
rows_whole() {
    awk '{
        n = 1; q = 0
        for (i = 1; i <= length($0); i++) {
            ch = substr($0, i, 1)
            if (ch == "\"") q = !q
            else if (ch == "," && !q) n++
        }
        if (q) bad = 1
        if (NR == 1) want = n
        else if (n != want) bad = 1
    } END { exit bad || NR < 2 }' "$1"
}

# "status,exit_code" of run RUN_ID in res/runs.csv, once per distinct pair.
status_of() {
    csv_awk '$c["run_id"] == id { print $c["status"] "," $c["exit_code"] }' id="$1" res/runs.csv | sort -u
}

# Count of lines in FILE (rows + header).
lines() {
    wc -l < "$1" | tr -d ' '
}
