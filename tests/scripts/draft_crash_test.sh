#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Crash recovery of drafts (issue 8), with a real window under Xvfb: a person
# types a message (with an attachment given on the command line), Outpost is
# killed with SIGKILL, and the next start offers the message back with its
# text and attachment.
#   draft_crash_test.sh OUTPOST_BINARY
set -euo pipefail
# A D-Bus session of its own: without one, libdbus "autolaunches" a bus for
# the X display and records it in ~/.dbus/session-bus/, where a later test
# on the same display number finds a stale or stuck bus, and Outpost's
# first D-Bus call then hangs (seen in CI: no window after 60 s, no CPU).
if [[ -z ${DRAFT_CRASH_TEST_IN_BUS:-} ]]; then
    export DRAFT_CRASH_TEST_IN_BUS=1
    exec dbus-run-session -- bash "$0" "$@"
fi
outpost=$1
for tool in Xvfb xdotool; do
    command -v "$tool" >/dev/null || { echo "draft_crash_test: $tool is missing (scripts/install-deps.sh test)" >&2; exit 1; }
done
tmp=$(mktemp -d)
# The server picks a free display itself and writes its number to fd 3: a
# display chosen at random here could be one another test's server holds,
# and the window would then be looked for on the wrong screen.
Xvfb -displayfd 3 -screen 0 1024x768x24 -nolisten tcp 3>"$tmp/display" >/dev/null 2>&1 &
xvfb=$!
app=
cleanup() {
    [[ -n $app ]] && kill -9 "$app" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
export QT_QPA_PLATFORM=xcb XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
export XDG_RUNTIME_DIR=$tmp/run OUTPOST_DRAFT_AUTOSAVE_MS=300 LANG=C.UTF-8 LC_ALL=C.UTF-8
mkdir -m 700 -p "$XDG_RUNTIME_DIR"
unset WAYLAND_DISPLAY OUTPOST_LANGUAGE
for _ in $(seq 100); do [[ -s $tmp/display ]] && break; sleep 0.1; done
[[ -s $tmp/display ]] || { echo "draft_crash_test: FAIL: Xvfb did not start" >&2; exit 1; }
display=:$(head -1 "$tmp/display")
export DISPLAY=$display

"$outpost" account add --name Test --email ada@example.org --host 127.0.0.1 --port 2525 \
    --security none --auth none >/dev/null
printf 'quarterly figures\n' >"$tmp/report.csv"

"$outpost" compose --attach "$tmp/report.csv" >"$tmp/first.log" 2>&1 &
app=$!
wid=$(timeout 60 xdotool search --sync --onlyvisible --name "New Message" | head -1 || true)
if [[ -z $wid ]]; then
    echo "draft_crash_test: FAIL: the composer window did not appear on $display" >&2
    echo "outpost's output:" >&2; cat "$tmp/first.log" >&2
    kill -0 "$app" 2>/dev/null && echo "outpost is still running: $(ps -o stat=,etime=,time= -p "$app")" >&2
    echo "windows with a name on the display:" >&2
    xdotool search --name '.' getwindowname %@ >&2 2>/dev/null || true
    exit 1
fi
sleep 0.5
xdotool windowfocus --sync "$wid"
xdotool type --delay 15 "bob@example.org"
xdotool key Tab Tab Tab
xdotool type --delay 15 "Crash test"
xdotool key Tab
xdotool type --delay 15 "Words nobody saved by hand."
# Autosave runs 300 ms after a change here (5 s normally); a loaded machine
# (the sanitizer build, tests in parallel) may take far longer.
for _ in $(seq 300); do ls "$XDG_DATA_HOME"/outpost/drafts/*.json >/dev/null 2>&1 && break; sleep 0.1; done
ls "$XDG_DATA_HOME"/outpost/drafts/*.json >/dev/null 2>&1 || {
    echo "draft_crash_test: FAIL: nothing was saved within 30 s of typing" >&2; cat "$tmp/first.log" >&2; exit 1; }
sleep 0.6
kill -9 "$app"
wait "$app" 2>/dev/null || true
app=

OUTPOST_REPORT_COMPOSER=1 "$outpost" >"$tmp/second.log" 2>&1 &
app=$!
# Its report comes once the composer is up (restored or not): slow to
# start under the sanitizers on a loaded machine, so up to 90 s.
for _ in $(seq 900); do grep -q '"restored":' "$tmp/second.log" && break; sleep 0.1; done
if ! grep -q '"restored":' "$tmp/second.log"; then
    kill -0 "$app" 2>/dev/null && echo "draft_crash_test: the second start is still running, no composer shown: $(ps -o stat=,etime=,time= -p "$app")" >&2
    echo "windows with a name on the display:" >&2
    xdotool search --name '.' getwindowname %@ >&2 2>/dev/null || true
fi
kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
app=
restored=$(grep '"restored":true' "$tmp/second.log" || true)
echo "restored: $restored"
fail() { echo "draft_crash_test: FAIL: $*" >&2; cat "$tmp/second.log" >&2; exit 1; }
[[ -n $restored ]] || fail "no draft was offered after the crash"
grep -q '"subject":"Crash test"' <<<"$restored" || fail "subject lost"
grep -q '"to":"bob@example.org"' <<<"$restored" || fail "recipient lost"
grep -q '"body":"Words nobody saved by hand."' <<<"$restored" || fail "text lost"
grep -q "report.csv" <<<"$restored" || fail "attachment lost"
echo "draft_crash_test: PASS"
