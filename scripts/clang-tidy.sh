#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# clang-tidy over core/ with the project's .clang-tidy (findings are errors).
# Needs a configured build for compile_commands.json (default ./build).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
[[ -f $build_dir/compile_commands.json ]] || scripts/build.sh >/dev/null
# One clang-tidy per core, a few files each (clang-tidy itself is single
# threaded); any finding in any batch fails the run. GCC-only flags in the
# database are not understood by clang-tidy.
git ls-files -z 'core/*.cpp' |
    xargs -0 -n 4 -P "$(nproc)" clang-tidy -p "$build_dir" --quiet \
        --extra-arg=-Wno-unknown-warning-option --extra-arg=-Wno-unused-command-line-argument
