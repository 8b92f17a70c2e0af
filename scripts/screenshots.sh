#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Takes the screenshots in docs/ from real windows under Xvfb (no window
# manager, so no decorations): the composer in German, and the account setup
# wizard's result page, found in the private test internet of
# tests/scripts/autoconfig_world.py (needs root for its network namespace).
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

# 1. The composer, in German (issue 10). With an account, so no wizard.
mkdir -p "$XDG_CONFIG_HOME"
"$outpost" account add --name Arbeit --email "jana.mueller@example.org" --display-name "Jana Müller" \
    --host smtp.example.org --security tls --auth none >/dev/null
OUTPOST_LANGUAGE=de "$outpost" compose --to "Jürgen Groß <juergen@example.org>" --cc "team@example.org" \
    --subject "Protokoll der Sitzung vom Dienstag" \
    --body $'Hallo Jürgen,\n\nanbei das Protokoll. Die offenen Punkte besprechen wir am Freitag.\n\nViele Grüße\nJana' &
app=$!
shoot "Protokoll" docs/screenshot-composer-de.png
kill $app; wait $app 2>/dev/null || true
rm -rf "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"

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

# 3. The setup wizard's result page (issue 9), inside the test internet.
/usr/bin/python3 tests/scripts/autoconfig_world.py bash -c '
    set -euo pipefail
    "$0" &
    app=$!
    wid=$(xdotool search --sync --onlyvisible --name "Add Account" | head -1)
    sleep 1
    xdotool windowfocus --sync "$wid"
    xdotool type --delay 20 "Ada Lovelace"; xdotool key Tab
    xdotool type --delay 20 "ada@provider.test"; xdotool key Tab
    xdotool type --delay 20 "secret"; xdotool key Return
    sleep 3
    import -window "$wid" docs/screenshot-wizard.png
    echo "screenshots: docs/screenshot-wizard.png"
    kill $app' "$outpost"
