#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what Outpost needs on Debian 12 (or newer), and nothing when all of
# it is already there. Usage: scripts/install-deps.sh [build|test]
#   build  compilers, Qt 6, QtKeychain, vmime, uchardet, Hunspell, GoogleTest, libcrypto
#   test   build + the real servers and tools the test suite talks to
set -euo pipefail

mode=${1:-test}

build_pkgs=(
    cmake ninja-build g++ pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools
    qtkeychain-qt6-dev libvmime-dev libgl-dev libqt6svg6 libssl-dev
    libgtest-dev libgmock-dev libhunspell-dev libuchardet-dev
)
test_pkgs=(
    python3 shared-mime-info xauth xvfb xdotool
    dbus dbus-x11 gnome-keyring libsecret-tools
    python3-aiosmtpd postfix sasl2-bin libsasl2-modules swaks msmtp
    dnsmasq iproute2 openssl git git-email appstream desktop-file-utils time clang-tidy x11-utils imagemagick
    dpkg-dev file openbox trayer at-spi2-core python3-pyatspi python3-gi strace
    python3-django-oauth-toolkit dovecot-core dovecot-imapd glewlwyd python3-jwt
    libmime-tools-perl libemail-mime-perl mblaze maildrop ripmime mpack spamassassin
    hunspell-en-us hunspell-de-de hunspell-fr
    xclip python3-html5lib
)

pkgs=("${build_pkgs[@]}")
[[ $mode == test ]] && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done

# Haraka and nodemailer's smtp-server (tests/scripts/haraka_server.py,
# smtpserver_server.py) come from npm and run on the machine's Node.js (20
# or newer), which Debian 12's own package is not.
if [[ $mode == test ]] && ! { command -v node && command -v npm; } >/dev/null; then
    echo "install-deps: the tests need Node.js 20 or newer with npm (for Haraka and smtp-server)" >&2
    exit 1
fi

if ((${#missing[@]} == 0)); then
    echo "install-deps: all ${#pkgs[@]} packages present"
    exit 0
fi

if ! command -v apt-get >/dev/null; then
    echo "install-deps: missing packages (${missing[*]}) and no apt-get: install them by hand" >&2
    exit 1
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
# Postfix must not configure a system-wide mail server: tests run private
# instances with their own config directory.
echo "postfix postfix/main_mailer_type select No configuration" | "${sudo[@]}" debconf-set-selections
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
