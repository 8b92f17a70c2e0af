#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Discovery wall time per scenario (issue 9), inside the private test
# internet: Outpost's parallel discovery (median of 5; 1 for the all-timeout
# scenario) against the sum of the same lookups and probes done one after
# another. Needs root (network namespace). Release build in build-release/.
#   bench/autoconfig.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-release}
shift || true
if [[ ! -f $build/build.ninja ]]; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DOUTPOST_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" --target outpost-autoconfig-bench >/dev/null
exec /usr/bin/python3 tests/scripts/autoconfig_world.py "$(realpath "$build")/bench/outpost-autoconfig-bench" "$@"
