#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Takes the screenshots in docs/screenshots/ from real windows (see step 1),
# and the certificate dialog in docs/ (step 2). Needs root for the network
# namespace of tests/scripts/autoconfig_world.py.
#   scripts/screenshots.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(realpath "${1:-build}")
outpost=$build/app/outpost
for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing (scripts/install-deps.sh test)" >&2; exit 1; }
done
[[ -x $outpost ]] || { echo "screenshots: build first ($outpost)" >&2; exit 1; }

display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1100x800x24 -nolisten tcp &
xvfb=$!
tmp=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$tmp"' EXIT
export DISPLAY=$display QT_QPA_PLATFORM=xcb XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
unset WAYLAND_DISPLAY
sleep 1

shoot() { # window-name-pattern output-file
    local wid
    wid=$(xdotool search --sync --onlyvisible --name "$1" | head -1)
    sleep 1.5 # let the window paint
    import -window "$wid" "$2"
    echo "screenshots: $2"
}

# 1. Every window a person meets, in English and German, light and dark, with
#    its window-manager frame: composer, Send Later, outbox, accounts, and the
#    wizard (found, not found, by hand, failed sign-in), inside the test
#    internet so that the wizard finds a provider. tests/gui/screenshots.py
#    drives them with the GUI tests' harness (openbox, xdotool, AT-SPI).
SCREENSHOTS_DIR=$PWD/docs/screenshots /usr/bin/python3 tests/scripts/autoconfig_world.py \
    /usr/bin/python3 tests/gui/screenshots.py --outpost "$outpost"

# 2. The accounts dialog and the certificate dialog (issue 8): an account on a
#    local aiosmtpd with a self-signed certificate; Test Connection, then
#    trust the certificate, and the test succeeds.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$tmp/key.pem" \
    -out "$tmp/cert.pem" -days 30 -subj "/CN=mail.example.org/O=Example Mail" \
    -addext "subjectAltName=DNS:localhost,DNS:mail.example.org" 2>/dev/null
mkdir -p "$tmp/received"
coproc SMTP { /usr/bin/python3 tests/scripts/aiosmtpd_server.py --outdir "$tmp/received" --implicit-tls \
    --cert "$tmp/cert.pem" --key "$tmp/key.pem"; }
read -r ready <&"${SMTP[0]}"
"$outpost" account add --name Work --email "ada@example.org" --display-name "Ada Lovelace" \
    --host localhost --port "${ready#READY }" --security tls --auth none >/dev/null
"$outpost" accounts &
app=$!
wid=$(xdotool search --sync --onlyvisible --name "^Accounts$" | head -1)
sleep 0.5
xdotool windowfocus --sync "$wid"
xdotool key alt+t
shoot "Untrusted Server Certificate" docs/screenshot-certificate.png
cert=$(xdotool search --onlyvisible --name "Untrusted Server Certificate" | head -1)
xdotool windowfocus --sync "$cert"
xdotool key alt+t
sleep 1.5
import -window "$wid" docs/screenshot-accounts.png
echo "screenshots: docs/screenshot-accounts.png"
kill $app; wait $app 2>/dev/null || true
kill "$SMTP_PID" 2>/dev/null || true
rm -rf "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
