#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libraries Outpost needs that Windows and macOS do not package
# against the Qt found in CMAKE_PREFIX_PATH, and installs them into PREFIX:
#   QtKeychain  (shared; its own CMake package, Qt6Keychain)
#   vmime       (static, MIME only: no messaging, TLS or SASL; vmime.pc)
#   GoogleTest  (only with --gtest; macOS CI takes Homebrew's)
# Used by .github/workflows/ci.yml; a maintainer runs it the same way (from
# Git Bash in a Visual Studio developer environment on Windows).
#
#   scripts/build-third-party.sh PREFIX [--gtest]
#
# Environment: CMAKE_PREFIX_PATH must point at Qt 6 (e.g. QT_ROOT_DIR from
# install-qt-action); CMAKE_GENERATOR defaults to Ninja. On Linux use the
# distribution's packages instead (scripts/install-deps.sh).
set -euo pipefail

(($# >= 1)) || { echo "usage: $0 PREFIX [--gtest]" >&2; exit 64; }
prefix=$1
with_gtest=false
[[ ${2:-} == --gtest ]] && with_gtest=true

# Pinned upstream releases (vmime has none after 0.9.2; its master is what
# distributions ship as 0.9.2, so a fixed commit would go here once tested).
qtkeychain_ref=${QTKEYCHAIN_REF:-0.14.3}
vmime_ref=${VMIME_REF:-master}
gtest_ref=${GTEST_REF:-v1.14.0}

mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)
work=${THIRD_PARTY_WORK:-$prefix/_work}
mkdir -p "$work"

case "$(uname -s)" in
MINGW* | MSYS* | CYGWIN*) os=windows ;;
Darwin) os=macos ;;
*) os=other ;;
esac
if [[ $os == windows ]]; then
    prefix=$(cygpath -m "$prefix")
    work=$(cygpath -m "$work")
fi

common=(-G "${CMAKE_GENERATOR:-Ninja}" -DCMAKE_BUILD_TYPE=Release
    -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_PREFIX_PATH="${CMAKE_PREFIX_PATH:-}"
    # vmime still declares cmake_minimum_required(2.8); CMake 4 needs this.
    -DCMAKE_POLICY_VERSION_MINIMUM=3.5)

fetch() { # name url ref
    local dir=$work/$1
    if [[ ! -d $dir/.git ]]; then
        git clone --quiet "$2" "$dir"
    fi
    git -C "$dir" fetch --quiet --tags origin
    git -C "$dir" checkout --quiet "$3"
    echo "$dir"
}

build() { # source-dir build-name cmake-args...
    local src=$1 bld=$work/build-$2
    shift 2
    cmake -S "$src" -B "$bld" "${common[@]}" "$@"
    cmake --build "$bld" --parallel
    cmake --install "$bld"
}

echo "== QtKeychain $qtkeychain_ref"
src=$(fetch qtkeychain https://github.com/frankosterfeld/qtkeychain.git "$qtkeychain_ref")
build "$src" qtkeychain -DBUILD_WITH_QT6=ON -DBUILD_SHARED_LIBS=ON \
    -DBUILD_TRANSLATIONS=OFF -DBUILD_TEST_APPLICATION=OFF

echo "== vmime $vmime_ref"
src=$(fetch vmime https://github.com/kisli/vmime.git "$vmime_ref")
charsetconv="iconv"
[[ $os == windows ]] && charsetconv=win
build "$src" vmime -DVMIME_BUILD_SHARED_LIBRARY=OFF -DVMIME_BUILD_STATIC_LIBRARY=ON \
    -DVMIME_HAVE_MESSAGING_FEATURES=OFF -DVMIME_HAVE_SASL_SUPPORT=OFF -DVMIME_HAVE_TLS_SUPPORT=OFF \
    -DVMIME_CHARSETCONV_LIB="$charsetconv" -DVMIME_HAVE_MLANG=OFF -DVMIME_HAVE_MLANG_H=OFF \
    -DVMIME_BUILD_SAMPLES=OFF -DVMIME_BUILD_DOCUMENTATION=OFF -DVMIME_BUILD_TESTS=OFF
# Consumers of the static library must define VMIME_STATIC (vmime/export.hpp
# otherwise expects the shared build's export header); put it in vmime.pc.
pc=$prefix/lib/pkgconfig/vmime.pc
[[ -f $pc ]] || { echo "build-third-party: vmime installed no $pc" >&2; exit 1; }
# shellcheck disable=SC2016 # ${includedir} is pkg-config's, not the shell's
grep -q -- '-DVMIME_STATIC' "$pc" || sed -i.orig -e 's/^Cflags:\(.*\)$/Cflags:\1 -DVMIME_STATIC -I${includedir}\/../' "$pc"
# A static vmime needs its charset converter's library on the link line
# (Libs.private is not read without --static): libiconv on macOS.
if [[ $os == macos ]] && ! grep -q '^Libs:.*-liconv' "$pc"; then
    sed -i.orig -e 's/^Libs:\(.*\)$/Libs:\1 -liconv/' "$pc"
fi

if $with_gtest; then
    echo "== GoogleTest $gtest_ref"
    src=$(fetch googletest https://github.com/google/googletest.git "$gtest_ref")
    build "$src" googletest -DBUILD_GMOCK=ON -DINSTALL_GTEST=ON -Dgtest_force_shared_crt=ON
fi

echo "build-third-party: installed into $prefix"
