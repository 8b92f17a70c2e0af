#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Spell checking must not stall typing (issue 22): the longest event-loop
# stall while a 5,000-word message is checked, typed into, and checked again
# in another language; Release build, the real composer under Xvfb, the
# system's Hunspell dictionaries (hunspell-en-us, hunspell-de-de).
#   bench/spell.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-release}
# One build at a time on a shared machine.
flock /tmp/outpost-build.lock env BUILD_DIR="$build" BUILD_TYPE=Release scripts/build.sh outpost-spell-bench >/dev/null
build=$(realpath "$build")
work=$(mktemp -d)
display=:$((250 + RANDOM % 50))
Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
cleanup() {
    kill "$xvfb" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
export DISPLAY=$display QT_QPA_PLATFORM=xcb XDG_DATA_HOME=$work/data
export XDG_RUNTIME_DIR=$work/run LANG=C.UTF-8
mkdir -m 700 -p "$XDG_RUNTIME_DIR"
for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done
for run in 1 2 3; do
    echo "run $run:"
    # A fresh profile each time: no language remembered from the last run.
    XDG_CONFIG_HOME=$work/config$run "$build/bench/outpost-spell-bench"
done
