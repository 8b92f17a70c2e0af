#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The GUI over an outbox of COUNT messages (issue 18), Release build, real
# windows under Xvfb, medians of RUNS runs (after one warm-up run):
#   1. start to the outbox window shown, and to all its rows painted
#      (COUNT messages: 60 % sent, 30 % queued for 2099, 10 % held in doubt);
#   2. the longest GUI event-loop stall while FLUSHED due messages are sent
#      to Postfix's smtp-sink with the outbox window open (the same outbox,
#      FLUSHED of its queued ones due now).
#   bench/outbox_gui.sh            # COUNT=10000 FLUSHED=1000 RUNS=3
set -euo pipefail
cd "$(dirname "$0")/.."
count=${COUNT:-10000}
flushed=${FLUSHED:-1000}
runs=${RUNS:-3}
py=/usr/bin/python3
build=${BENCH_BUILD_DIR:-build-release}
# One build at a time on this machine (the Release build takes minutes).
flock /tmp/outpost-build.lock env BUILD_DIR="$build" BUILD_TYPE=Release \
    scripts/build.sh outpost outpost-outbox-bench >/dev/null
build=$(realpath "$build")
work=$(mktemp -d)
chmod 755 "$work"
display=:$((200 + RANDOM % 50))
Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sink=
cleanup() {
    [[ -n $sink ]] && kill "$sink" 2>/dev/null
    kill "$xvfb" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
export DISPLAY=$display QT_QPA_PLATFORM=xcb HOME=$work/home XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
export XDG_RUNTIME_DIR=$work/run LANG=C.UTF-8 LC_ALL=C.UTF-8
mkdir -p -m 700 "$XDG_RUNTIME_DIR" "$HOME"
for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done

# Postfix's smtp-sink takes every message and keeps none.
port=$($py -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
smtp-sink -u nobody "127.0.0.1:$port" 256 &
sink=$!
outpost=$build/app/outpost
source bench/outbox_seed.sh
seed_outbox "$outpost" "$port"
outbox=$XDG_DATA_HOME/outpost/outbox
cp -a "$outbox" "$work/base"
sent=$((count * 6 / 10)); queued=$((count * 3 / 10)); held=$((count - sent - queued))
$py bench/outbox_fill.py "$outbox" "$sent" "$queued" "$held" 2>/dev/null
mv "$outbox" "$work/open"
cp -a "$work/base" "$outbox"
$py bench/outbox_fill.py "$outbox" "$sent" $((queued - flushed)) "$held" "$flushed" 2>/dev/null
mv "$outbox" "$work/flush"

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
field() { sed -n "s/.*$1 \([0-9-]*\) ms.*/\1/p"; }
shown=(); painted=(); open_stall=()
for run in $(seq 0 "$runs"); do
    rm -rf "$outbox"; cp -a "$work/open" "$outbox"
    line=$("$build/bench/outpost-outbox-bench" open)
    ((run == 0)) && continue # warm-up (page cache)
    shown+=("$(field "window painted after" <<<"$line")")
    painted+=("$(field "rows painted after" <<<"$line")")
    open_stall+=("$(field "longest stall" <<<"$line")")
done
stall=(); took=(); sending_stall=()
for run in $(seq 1 "$runs"); do
    rm -rf "$outbox"; cp -a "$work/flush" "$outbox"
    line=$(${FLUSH_WRAPPER:-} "$build/bench/outpost-outbox-bench" flush "$flushed")
    echo "  run $run: $line" >&2 # (when the longest stall came, against when the last was sent)
    stall+=("$(sed -n 's/.*; longest stall \([0-9-]*\) ms.*/\1/p' <<<"$line")")
    sending_stall+=("$(field "longest stall while sending" <<<"$line")")
    took+=("$(field "sent after" <<<"$line")")
done
printf 'outbox of %d (%d sent, %d queued, %d held), median of %d:\n' "$count" "$sent" "$queued" "$held" "$runs"
printf '  outbox window shown after %s ms (target <= 300 ms: ratio %.2f), all rows painted after %s ms, longest stall meanwhile %s ms\n' \
    "$(printf '%s\n' "${shown[@]}" | median)" "$(echo "$(printf '%s\n' "${shown[@]}" | median) / 300" | bc -l)" \
    "$(printf '%s\n' "${painted[@]}" | median)" "$(printf '%s\n' "${open_stall[@]}" | median)"
printf '  %d sent to smtp-sink in %s ms with the window open; longest GUI stall from the first sent to the last %s ms (target <= 16 ms: ratio %.2f)\n' \
    "$flushed" "$(printf '%s\n' "${took[@]}" | median)" "$(printf '%s\n' "${sending_stall[@]}" | median)" \
    "$(echo "$(printf '%s\n' "${sending_stall[@]}" | median) / 16" | bc -l)"
printf '  longest GUI stall of the whole run (with the first fill of the window and the Sent-copy step after the pass) %s ms\n' \
    "$(printf '%s\n' "${stall[@]}" | median)"
