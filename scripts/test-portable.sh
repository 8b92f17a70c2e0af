#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The part of the test suite that needs no Linux-only peer, for Windows and
# macOS (.github/workflows/ci.yml). Runs the GoogleTest executables of a
# built tree directly with a filter, rather than through CTest: the CTest
# tree also holds suites that run inside bash/Python wrappers (Secret
# Service, network namespaces) and need Postfix, aiosmtpd, dnsmasq and
# Debian's /usr/bin/python3; their test discovery cannot run there.
#
#   scripts/test-portable.sh [BUILD_DIR]
#
# Left out here, run on Linux: the Postfix/aiosmtpd/Python integration
# suites, the keychain and outbox suites (real Secret Service, tmpfs),
# cli/sendflow/e2e/autoconfig-world, the 256 MiB memory bound, the
# read-only-directory case (chattr as root), and the TLS cases whose test
# certificates come from the openssl command line.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}

export QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8
export OUTPOST_SOURCE_DIR=$PWD OUTPOST_BINARY_DIR=$PWD/$build_dir

find_test() { # name -> path of the built executable
    local found
    found=$(find "$build_dir" -type f \( -name "$1" -o -name "$1.exe" \) -not -path '*/CMakeFiles/*' | head -n 1)
    [[ -n $found ]] || { echo "test-portable: $1 was not built in $build_dir" >&2; exit 1; }
    echo "$found"
}

run() { # name gtest-filter
    local exe
    exe=$(find_test "$1")
    echo "== $1 ($2)"
    "$exe" --gtest_filter="$2" --gtest_brief=1
}

run core_tests "-PostfixIntegration.*:SmtpIntegration.*:*MimeBuilderScripts*:*PeakMemoryDoesNotGrowWithAttachmentSize*:AccountStoreTest.ReadOnlyDirectoryKeepsTheExistingFile:*StartTlsDiscardsInjectedPlaintextAndAuthenticates*:*Certificate*"
run ui_tests "*"
run app_tests "*"
echo "test-portable: all passed"
