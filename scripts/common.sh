# common.sh - sourced by demo.sh and test.sh: install what is missing, build.
#
# Debian/Ubuntu packages the project needs.  As root (or with passwordless
# sudo) missing ones are installed with apt-get; otherwise we stop and print
# the exact command to run.
SCAL_PACKAGES="build-essential cmake pkg-config libopenmpi-dev openmpi-bin \
libhwloc-dev hwloc libinih-dev gnuplot-nox"
# What the tests use beyond that (installed when possible, else those tests
# are skipped): Chromium opens index.html headless.
SCAL_TEST_PACKAGES="chromium"

scal_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
scal_build=${SCAL_BUILD_DIR:-$scal_root/build}

scal_missing_packages() {
    local missing=() p
    for p in $SCAL_PACKAGES "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    echo "${missing[*]}"
}

# scal_install_deps [EXTRA_PACKAGE...]
scal_install_deps() {
    if ! command -v dpkg-query >/dev/null; then
        echo "scalestudy: not a Debian/Ubuntu system; install by hand: $SCAL_PACKAGES $*" >&2
        return 0
    fi
    local missing
    missing=$(scal_missing_packages "$@")
    [ -z "$missing" ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
            sudo="sudo"
        else
            echo "scalestudy: missing packages; install them with:" >&2
            echo "  sudo apt-get install -y $missing" >&2
            exit 1
        fi
    fi
    echo "scalestudy: installing $missing" >&2
    $sudo apt-get update -qq >&2 || true
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >&2
}

# scal_install_optional PACKAGE...: install what can be installed without
# asking (root or passwordless sudo); otherwise say what the tests that need
# them will skip.
scal_install_optional() {
    command -v dpkg-query >/dev/null || return 0
    local missing
    missing=$(SCAL_PACKAGES="" scal_missing_packages "$@")
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null && sudo -n true 2>/dev/null; }; then
        SCAL_PACKAGES="" scal_install_deps "$@"
    else
        echo "scalestudy: optional packages missing ($missing): the tests that need them will be skipped" >&2
    fi
}

# scal_build_tree [CMAKE_ARG...]: configure and build in $scal_build.
scal_build_tree() {
    cmake -S "$scal_root" -B "$scal_build" "$@" >&2
    cmake --build "$scal_build" -j "$(nproc)" >&2
}
