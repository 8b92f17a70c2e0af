#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Outbox at scale (issue 18): `outpost outbox list --json` (and the plain
# `outbox list`) over an outbox of COUNT messages, 60 % sent, 30 % queued
# (scheduled for 2099, so nothing sends), 10 % held (in doubt). Prints the
# median of RUNS runs.
#
# One real message of each kind is made by Outpost itself (queued with
# `send --queue-only`, sent through `outbox flush` to aiosmtpd, held by a
# crash after its final dot as recovery records it); the rest are copies of
# those entries under new ids, so the files are what Outpost writes.
#
#   bench/outbox_scale.sh                         # COUNT=10000 RUNS=5, Release build
#   OUTPOST_BINARY=build/app/outpost bench/outbox_scale.sh   # an existing build instead
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
count=${COUNT:-10000}
runs=${RUNS:-5}
py=/usr/bin/python3
if [[ -n ${OUTPOST_BINARY:-} ]]; then
    outpost=$(realpath "$OUTPOST_BINARY")
else
    build_dir=${BENCH_BUILD_DIR:-build-release}
    flock /tmp/outpost-build.lock env BUILD_DIR="$build_dir" BUILD_TYPE=Release scripts/build.sh outpost >/dev/null
    outpost=$root/$build_dir/app/outpost
fi
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$(dirname "$(dirname "$outpost")")/CMakeCache.txt" 2>/dev/null || true)

work=$(mktemp -d)
server_pid=
cleanup() {
    [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
export HOME=$work/home XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache
export QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8
mkdir -p "$HOME" "$work/received"

# A real server for the one real "sent" message.
mkfifo "$work/server.in"
$py tests/scripts/aiosmtpd_server.py --outdir "$work/received" --no-auth <"$work/server.in" >"$work/server.out" &
server_pid=$!
exec 3>"$work/server.in" # the server runs until this closes
for _ in $(seq 100); do grep -q READY "$work/server.out" 2>/dev/null && break; sleep 0.1; done
port=$(awk '/READY/ {print $2}' "$work/server.out")
source bench/outbox_seed.sh
seed_outbox "$outpost" "$port"
outbox=$XDG_DATA_HOME/outpost/outbox
$py bench/outbox_fill.py "$outbox" $((count * 6 / 10)) $((count * 3 / 10)) $((count - count * 6 / 10 - count * 3 / 10))

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_runs() {
    for _ in $(seq "$runs"); do
        local t0 t1
        t0=$(date +%s.%N)
        "$outpost" "$@" >"$work/out.txt"
        t1=$(date +%s.%N)
        echo "$t1 - $t0" | bc
    done | median
}
json_s=$(time_runs outbox list --json)
entries=$($py -c "import collections,json,sys; e=json.load(open(sys.argv[1])); c=collections.Counter(x['state'] for x in e); print(len(e), 'entries (' + ', '.join(f'{n} {k}' for k, n in sorted(c.items())) + ')')" "$work/out.txt")
text_s=$(time_runs outbox list)
printf 'build: %s (%s)\n' "${build_type:-unknown}" "$outpost"
printf 'outbox list --json: %.2f s for %s (median of %d)\n' "$json_s" "$entries" "$runs"
printf 'outbox list:        %.2f s (median of %d)\n' "$text_s" "$runs"
