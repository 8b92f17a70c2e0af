#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Configures (once) and builds Outpost in ./build. Extra arguments go to ninja
# (for example a target name). BUILD_DIR and BUILD_TYPE override the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build}
build_type=${BUILD_TYPE:-RelWithDebInfo}
cmake_args=(-G Ninja -DCMAKE_BUILD_TYPE="$build_type")
# CI treats warnings as errors; a local build only shows them.
[[ ${CI:-} == true ]] && cmake_args+=(-DWARNINGS_AS_ERRORS=ON)

if [[ ! -f $build_dir/build.ninja ]]; then
    cmake -S . -B "$build_dir" "${cmake_args[@]}" ${CMAKE_ARGS:-}
fi
cmake --build "$build_dir" -- "$@"
