#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Outpost's outbox against Postfix's own queue (issue 18), in one run:
#   1. enqueue: ENQUEUE small messages, one process each, through
#      `outpost-sendmail -odq` into Outpost's outbox, and through Postfix's
#      `sendmail` (postdrop) into a private Postfix's queue (started with
#      tests/scripts/postfix_instance.py); time per message, target <= 1.0x;
#   2. flush: FLUSH small messages, queued, sent by `outpost outbox flush
#      --wait` to Postfix's smtp-sink, against Postfix's smtp-source sending
#      as many messages of the same size to the same sink over one
#      connection (-d); target <= 2x.
# Medians of RUNS runs, Release build. Runs as root (Postfix).
#   bench/outbox_postfix.sh        # ENQUEUE=300 FLUSH=3000 RUNS=3
# FLUSH_WRAP runs the flush under a profiler, e.g.
#   FLUSH_WRAP="strace -f -c -o /tmp/flush.strace" bench/outbox_postfix.sh
# BENCH_EXT4=1 runs everything (both queues, both outboxes) on a new ext4
# file system with its journal, as desktops have (mkfs.ext4's defaults, a
# 2 GiB image in /var/tmp, on the disk, mounted through a loop device): a file system
# without a journal, aged by builds, makes every new file cost far more than
# it does there (ext4 then scans recently deleted inodes for each).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
enqueue=${ENQUEUE:-300}
flush=${FLUSH:-3000}
runs=${RUNS:-3}
py=/usr/bin/python3
build_dir=${BENCH_BUILD_DIR:-build-release}
flock /tmp/outpost-build.lock env BUILD_DIR="$build_dir" BUILD_TYPE=Release \
    scripts/build.sh outpost outpost-sendmail >/dev/null
outpost=$root/$build_dir/app/outpost
sendmail=$root/$build_dir/app/outpost-sendmail

fs=
work=
postfix_pid=
sink=
cleanup() {
    trap '' TERM # (stopping Postfix signals this process group too)
    [[ -n $sink ]] && kill "$sink" 2>/dev/null
    if [[ -n $postfix_pid ]]; then
        # End of its stdin stops the instance and its Postfix; a signal
        # would leave Postfix's master running.
        exec 3>&-
        for _ in $(seq 100); do kill -0 "$postfix_pid" 2>/dev/null || break; sleep 0.1; done
        { kill "$postfix_pid" 2>/dev/null && wait "$postfix_pid" 2>/dev/null; } || true
    fi
    [[ -n $work ]] && rm -rf "$work"
    if [[ -n $fs ]]; then
        { mountpoint -q "$fs" && umount "$fs"; } || true
        rmdir "$fs" && rm -f "$fs.img"
    fi
    return 0
}
trap cleanup EXIT
if [[ -n ${BENCH_EXT4:-} ]]; then
    fs=$(mktemp -d -p /var/tmp) # (a disk, not a tmpfs /tmp)
    truncate -s 2G "$fs.img"
    mkfs.ext4 -q -F "$fs.img"
    mount -o loop "$fs.img" "$fs"
    chmod 755 "$fs"
    export TMPDIR=$fs
fi
work=$(mktemp -d)
chmod 755 "$work" # Postfix daemons (user postfix) must reach the instance below it
export HOME=$work/home XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data LANG=C.UTF-8 LC_ALL=C.UTF-8
export QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"

# A private Postfix (its queue is what Postfix's sendmail writes to).
(cd "$work" && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout server.key \
    -out server.pem -days 2 -subj /CN=localhost 2>/dev/null && chmod 644 server.key)
mkfifo "$work/pf.in"
$py tests/scripts/postfix_instance.py --dir "$work/pf" --cert "$work/server.pem" --key "$work/server.key" \
    <"$work/pf.in" >"$work/pf.out" &
postfix_pid=$!
exec 3>"$work/pf.in"
for _ in $(seq 100); do grep -q READY "$work/pf.out" 2>/dev/null && break; sleep 0.1; done
grep -q READY "$work/pf.out" || { echo "Postfix did not start" >&2; exit 1; }

# Postfix's smtp-sink: takes every message, keeps none.
port=$($py -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
smtp-sink -u nobody "127.0.0.1:$port" 256 &
sink=$!
"$outpost" account add --name Bench --email ada@example.org --host 127.0.0.1 --port "$port" \
    --security none --auth none >/dev/null

printf 'From: Ada <ada@example.org>\nTo: bob@example.test\nSubject: bench\n\nA small message.\n' >"$work/small.eml"
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { local t0 t1; t0=$(date +%s%N); "$@"; t1=$(date +%s%N); echo "scale=4; ($t1 - $t0) / 1000000000" | bc; }

outpost_enqueue() {
    for _ in $(seq "$enqueue"); do "$sendmail" -odq -i bob@example.test <"$work/small.eml"; done
}
postfix_enqueue() {
    for _ in $(seq "$enqueue"); do MAIL_CONFIG=$work/pf/conf /usr/sbin/sendmail -i bob@example.test <"$work/small.eml"; done
}
o_enq=(); p_enq=()
for _ in $(seq "$runs"); do
    rm -rf "$XDG_DATA_HOME/outpost/outbox"
    o_enq+=("$(seconds outpost_enqueue)")
    p_enq+=("$(seconds postfix_enqueue)")
done
queued=$(find "$XDG_DATA_HOME/outpost/outbox/queued" -mindepth 1 -maxdepth 1 | wc -l)
[[ $queued -eq $enqueue ]] || { echo "outpost-sendmail queued $queued of $enqueue" >&2; exit 1; }
size=$(stat -c %s "$(find "$XDG_DATA_HOME/outpost/outbox/queued" -name message.eml | head -1)")

# The flush: FLUSH copies of one queued message (Outpost's own files).
rm -rf "$XDG_DATA_HOME/outpost/outbox"
"$sendmail" -odq -i bob@example.test <"$work/small.eml"
one=$(find "$XDG_DATA_HOME/outpost/outbox/queued" -mindepth 1 -maxdepth 1)
cp -a "$one" "$work/template"
o_flush=(); p_flush=()
for _ in $(seq "$runs"); do
    rm -rf "$XDG_DATA_HOME/outpost/outbox/queued" "$XDG_DATA_HOME/outpost/outbox/sent"
    mkdir -p "$XDG_DATA_HOME/outpost/outbox/queued"
    $py - "$work/template" "$XDG_DATA_HOME/outpost/outbox/queued" "$flush" <<'PY'
import json, os, random, shutil, string, sys
template, queued, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(os.path.join(template, "state.json")) as f:
    entry = json.load(f)
for i in range(n):
    new_id = entry["id"][:-10] + "%06d" % i + "".join(random.choices(string.ascii_lowercase, k=4))
    shutil.copytree(template, os.path.join(queued, new_id))
    with open(os.path.join(queued, new_id, "state.json"), "w") as f:
        json.dump(dict(entry, id=new_id), f, indent=4)
PY
    sync
    o_flush+=("$(seconds ${FLUSH_WRAP:-} "$outpost" outbox flush --wait)")
    sent=$(find "$XDG_DATA_HOME/outpost/outbox/sent" -mindepth 1 -maxdepth 1 | wc -l)
    [[ $sent -eq $flush ]] || { echo "outbox flush sent $sent of $flush" >&2; exit 1; }
    p_flush+=("$(seconds smtp-source -d -m "$flush" -l "$size" -f ada@example.org -t bob@example.test "127.0.0.1:$port")")
done

oe=$(printf '%s\n' "${o_enq[@]}" | median); pe=$(printf '%s\n' "${p_enq[@]}" | median)
of=$(printf '%s\n' "${o_flush[@]}" | median); pf=$(printf '%s\n' "${p_flush[@]}" | median)
printf 'median of %d runs, Release build (%s), on %s\n' "$runs" "$outpost" "$(findmnt -no SOURCE,FSTYPE,OPTIONS -T "$work" | cut -c1-60)"
printf 'enqueue, one process per message: outpost-sendmail -odq %.2f ms, Postfix sendmail %.2f ms per message; ratio %.2f (target <= 1.0)\n' \
    "$(echo "$oe * 1000 / $enqueue" | bc -l)" "$(echo "$pe * 1000 / $enqueue" | bc -l)" "$(echo "$oe / $pe" | bc -l)"
printf 'flush of %d messages of %d octets to smtp-sink: outpost outbox flush --wait %.2f s, smtp-source -d %.2f s; ratio %.2f (target <= 2.0)\n' \
    "$flush" "$size" "$of" "$pf" "$(echo "$of / $pf" | bc -l)"
