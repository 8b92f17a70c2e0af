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
    BUILD_DIR=$build_dir BUILD_TYPE=Release scripts/build.sh outpost >/dev/null
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
"$outpost" account add --name Bench --email ada@example.org --host 127.0.0.1 --port "$port" \
    --security none --auth none >/dev/null

"$outpost" send --queue-only --to bob@example.org --subject "Sent one" --body "Delivered." >/dev/null
"$outpost" outbox flush --wait >/dev/null
"$outpost" send --queue-only --at 2099-01-01T00:00:00 --to bob@example.org --subject "Queued one" \
    --body "Scheduled far ahead." >/dev/null
"$outpost" send --queue-only --at 2099-01-01T00:00:00 --to bob@example.org --subject "Held one" \
    --body "Its final dot may have gone out." >/dev/null

outbox=$XDG_DATA_HOME/outpost/outbox
$py - "$outbox" "$count" <<'EOF'
import json, os, random, shutil, string, sys
outbox, count = sys.argv[1], int(sys.argv[2])

def one(state, subject):
    for name in os.listdir(os.path.join(outbox, state)):
        with open(os.path.join(outbox, state, name, "state.json")) as f:
            if json.load(f)["subject"] == subject:
                return os.path.join(outbox, state, name)
    sys.exit(f"no {subject!r} in {state}/")

sent, queued, held = one("sent", "Sent one"), one("queued", "Queued one"), one("queued", "Held one")
# The held one as recovery leaves a message whose final dot may have gone out.
with open(os.path.join(held, "state.json")) as f:
    s = json.load(f)
s.update(phase="in_doubt", hold_reason="in_doubt", not_before="")
s["last_error"].update(code="in_doubt", message="Outpost stopped while this message was being sent. It may have been delivered.")
os.makedirs(os.path.join(outbox, "held"), exist_ok=True)
shutil.move(held, os.path.join(outbox, "held", s["id"]))
held = os.path.join(outbox, "held", s["id"])
with open(os.path.join(held, "state.json"), "w") as f:
    json.dump(s, f, indent=4)

kinds = [(sent, 0.6), (queued, 0.3), (held, 0.1)]
made = 3
for source, share in kinds:
    with open(os.path.join(source, "state.json")) as f:
        template = json.load(f)
    for i in range(int(count * share) - 1):
        new_id = template["id"][:-10] + "".join(random.choices(string.ascii_lowercase + string.digits, k=10))
        target = os.path.join(os.path.dirname(source), new_id)
        shutil.copytree(source, target)
        entry = dict(template, id=new_id, subject=f"{template['subject']} {i}")
        with open(os.path.join(target, "state.json"), "w") as f:
            json.dump(entry, f, indent=4)
        made += 1
print(f"{made} messages in the outbox", file=sys.stderr)
EOF

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
