#!/bin/bash
# installed.sh BUILD SOURCE CC MPICC MPIEXEC: install BUILD into a temporary
# prefix, as a user would, and build the examples out of tree against it:
# once with pkg-config (CC, MPICC), once with find_package (examples/ is a
# CMake project of its own).  Then run them: own-threads must give one
# checksum for every pool and thread count, own-ranks the same checksum on
# 1 and 2 ranks, with its shared block, for every pool and both builds.
# One install serves both consumers.
set -u
build=$1 src=$2 cc=$3 mpicc=$4 mpiexec=$5
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v pkg-config >/dev/null || { echo "SKIP: no pkg-config"; exit 77; }

prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1 ||
    { cat "$tmp/install.log"; fail "cmake --install"; }
for f in bin/scal-omp bin/scal-mpi bin/scal-run include/scalestudy.h include/scalestudy_mpi.h \
    share/scalestudy/jobs/demo1.job share/scalestudy/jobs/slurm/threads.sbatch; do
    [ -e "$prefix/$f" ] || fail "cmake --install did not put $f"
done
for b in scal-omp scal-mpi scal-run; do
    "$prefix/bin/$b" --version | grep -q "^$b [0-9][0-9.]*+" || fail "$b --version"
done
pc=$(find "$prefix" -name scalestudy.pc)
[ -n "$pc" ] || fail "no scalestudy.pc installed"
export PKG_CONFIG_PATH=${pc%/*}

# pkg-config: the thread part with the C compiler, the MPI part with mpicc.
# shellcheck disable=SC2046
"$cc" -std=c17 -Wall -Wextra -Werror -o "$tmp/pc-threads" "$src/examples/own-threads.c" \
    $(pkg-config --cflags --libs scalestudy) || fail "own-threads through pkg-config"
# shellcheck disable=SC2046
"$mpicc" -std=c17 -Wall -Wextra -Werror -o "$tmp/pc-ranks" "$src/examples/own-ranks.c" \
    $(pkg-config --cflags --libs scalestudy-mpi) || fail "own-ranks through pkg-config"
# find_package.  What FindMPI and FindOpenMP found for BUILD is handed over
# as the initial cache, which spares their probes (the slowest part).
grep -E '^(MPI|OpenMP)_[A-Za-z_]*:[A-Z]*=' "$build/CMakeCache.txt" |
    sed 's/^\([^:]*\):\([A-Z]*\)=\(.*\)$/set(\1 "\3" CACHE \2 "")/' >"$tmp/found.cmake"
cmake -C "$tmp/found.cmake" -S "$src/examples" -B "$tmp/cm" -DCMAKE_PREFIX_PATH="$prefix" \
    -DCMAKE_C_COMPILER="$cc" -DCMAKE_C_FLAGS="-Wall -Wextra -Werror" >"$tmp/cm.log" 2>&1 &&
    cmake --build "$tmp/cm" -j 2 >>"$tmp/cm.log" 2>&1 ||
    { cat "$tmp/cm.log"; fail "the examples through find_package(scalestudy)"; }

# One checksum for every pool and thread count, the same in both builds.
for exe in "$tmp/pc-threads" "$tmp/cm/own-threads"; do
    "$exe" 1000001 >"$tmp/t.out" 2>&1 || { cat "$tmp/t.out"; fail "$exe"; }
    grep -q "the same checksum" "$tmp/t.out" || fail "$exe: $(cat "$tmp/t.out")"
    grep -q "^ *0  *1000001 [0-9]* [0-9]* " "$tmp/t.out" || fail "$exe: no report: $(cat "$tmp/t.out")"
    [ "$(grep -c 'checksum [0-9a-f]\{16\}' "$tmp/t.out")" = 9 ] || fail "$exe: not 9 runs"
    grep -o 'checksum [0-9a-f]\{16\}' "$tmp/t.out" >>"$tmp/threads.sums"
done
[ "$(sort -u "$tmp/threads.sums" | wc -l)" = 1 ] || fail "the builds' checksums differ"

# Ranks: the shared block on 1 rank (one build) and 2 (the other), every
# pool, the same checksum.
for run in "1 $tmp/pc-ranks" "2 $tmp/cm/own-ranks"; do
    set -- $run
    "$mpiexec" -n "$1" "$2" >"$tmp/r.out" 2>&1 || { cat "$tmp/r.out"; fail "$2 on $1 ranks"; }
    [ "$(grep -c '^[a-z-]* *checksum [0-9a-f]\{16\}, 1 node copy' "$tmp/r.out")" = 3 ] ||
        fail "$2 on $1 ranks: $(cat "$tmp/r.out")"
    grep -o 'checksum [0-9a-f]\{16\}' "$tmp/r.out" >>"$tmp/ranks.sums"
done
[ "$(sort -u "$tmp/ranks.sums" | wc -l)" = 1 ] || fail "ranks: the checksums differ: $(sort -u "$tmp/ranks.sums")"
echo "ok: installed, built with pkg-config and find_package, same checksums"
