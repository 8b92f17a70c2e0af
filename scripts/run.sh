#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Quick start, command 1: installs what is missing, builds and launches
# Outpost. Arguments are passed to outpost (e.g. a mailto: URL or --help).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh build
scripts/build.sh outpost
exec "${BUILD_DIR:-build}/app/outpost" "$@"
