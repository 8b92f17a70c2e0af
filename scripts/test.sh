#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Quick start, command 2: installs what is missing, builds, and runs the whole
# test suite with CTest (ending with CTest's summary). Extra arguments go to
# ctest, e.g. `scripts/test.sh -R Mime`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
scripts/build.sh
cd "${BUILD_DIR:-build}"
exec ctest --output-on-failure --timeout 900 -j "$(nproc)" "$@"
