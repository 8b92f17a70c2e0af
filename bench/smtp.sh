#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SMTP submission benchmark (issue 4): Outpost against msmtp and Python's
# smtplib, all on the same private Postfix with STARTTLS + AUTH, on loopback.
#   1. one small message, whole process as a user runs it;
#   2. 200 small messages: Outpost through its outbox over one connection
#      (`outbox flush`), msmtp one process per message, smtplib one connection;
#   3. one message with a 25 MiB attachment, MIME building included for Outpost.
# Prints medians of RUNS runs and the ratios. Runs as root (Postfix), inside
# a private D-Bus session with gnome-keyring (for Outpost's password).
#
#   bench/smtp.sh            # RUNS=5 by default; RUNS_200=3
#   OUTPOST_ONLY=1 bench/smtp.sh   # Outpost's figures only (while optimising)
#   OUTPOST_BASELINE=/old/build/app/outpost bench/smtp.sh
#       # also an earlier Outpost, in turns with this one in every round
#       # (the same server, the same moment), and the ratios between them;
#       # AB_ONLY=1 stops after that comparison
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
if [[ -z ${OUTPOST_BENCH_IN_KEYRING:-} ]]; then
    export OUTPOST_BENCH_IN_KEYRING=1
    exec tests/scripts/with_keyring.sh "$0" "$@"
fi
runs=${RUNS:-5}
runs200=${RUNS_200:-3}
build_dir=${BENCH_BUILD_DIR:-build-release}
# One build at a time on the machine (the lock the other builds take).
flock /tmp/outpost-build.lock env BUILD_DIR="$build_dir" BUILD_TYPE=Release scripts/build.sh outpost >/dev/null
outpost=$root/$build_dir/app/outpost
py=/usr/bin/python3

work=$(mktemp -d)
chmod 755 "$work" # Postfix daemons (user postfix) must reach the instance below it
postfix_pid=
cleanup() {
    trap '' TERM # (stopping Postfix signals this process group too)
    if [[ -n $postfix_pid ]]; then
        # End of its stdin stops the instance and its Postfix; a signal
        # would leave Postfix's master running.
        exec 3>&-
        for _ in $(seq 100); do kill -0 "$postfix_pid" 2>/dev/null || break; sleep 0.1; done
        { kill "$postfix_pid" 2>/dev/null && wait "$postfix_pid" 2>/dev/null; } || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# Test CA and server certificate.
(cd "$work" &&
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 30 -subj /CN=BenchCA 2>/dev/null &&
    openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=localhost 2>/dev/null &&
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >san.ext &&
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 30 -extfile san.ext 2>/dev/null)

mkfifo "$work/pf.in"
$py tests/scripts/postfix_instance.py --dir "$work/pf" --cert "$work/server.pem" --key "$work/server.key" \
    --size-limit $((100 * 1024 * 1024)) <"$work/pf.in" >"$work/pf.out" &
postfix_pid=$!
exec 3>"$work/pf.in" # keeps the instance running until this script ends
for _ in $(seq 100); do grep -q READY "$work/pf.out" 2>/dev/null && break; sleep 0.1; done
port=$($py -c 'import json,sys; print(json.loads(open(sys.argv[1]).read().split("READY ",1)[1])["submission"])' "$work/pf.out")

export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data OUTPOST_EXTRA_CA_FILE=$work/ca.pem
echo -n secret | "$outpost" account add --name bench --email user@example.test --host localhost \
    --port "$port" --security starttls --username user --password-stdin >/dev/null
baseline=${OUTPOST_BASELINE:-}
if [[ -n $baseline ]]; then # its own profile: an older program may not read the newer files
    echo -n secret | XDG_CONFIG_HOME=$work/bconfig XDG_DATA_HOME=$work/bdata "$baseline" account add --name bench \
        --email user@example.test --host localhost --port "$port" --security starttls --username user \
        --password-stdin >/dev/null
fi

cat >"$work/msmtprc" <<MSMTP
account default
host localhost
port $port
tls on
tls_starttls on
tls_trust_file $work/ca.pem
auth on
user user
password secret
from user@example.test
MSMTP
chmod 600 "$work/msmtprc"

printf 'From: user@example.test\r\nTo: rcpt@example.test\r\nSubject: bench\r\nMessage-ID: <bench@example.test>\r\n\r\nA small message.\r\n' >"$work/small.eml"
head -c $((25 * 1024 * 1024)) /dev/urandom >"$work/att.bin"
$py - "$work/att.bin" "$work/big.eml" <<'PY'
import sys
from email.message import EmailMessage
m = EmailMessage()
m["From"] = "user@example.test"; m["To"] = "rcpt@example.test"; m["Subject"] = "big"
m.set_content("See attachment.")
m.add_attachment(open(sys.argv[1], "rb").read(), maintype="application", subtype="octet-stream", filename="att.bin")
open(sys.argv[2], "wb").write(m.as_bytes(policy=m.policy.clone(linesep="\r\n")))
PY

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
elapsed() { # command... -> seconds, on an idle server
    local t0 t1
    settle
    t0=$(now); "$@" >/dev/null; t1=$(now)
    echo "$t1 - $t0" | bc -l
}
maxrss_mb() { # command... -> peak RSS in MiB
    /usr/bin/time -f %M "$@" 2>"$work/rss" >/dev/null
    echo "$(tail -1 "$work/rss") / 1024" | bc -l
}
settle() { # until Postfix has delivered what it accepted (its queue is empty)
    for _ in $(seq 600); do
        postqueue -c "$work/pf/conf" -p 2>/dev/null | grep -q '^Mail queue is empty' && return
        sleep 0.05
    done
}
repeat() { # n command... -> median seconds
    local n=$1; shift
    for _ in $(seq "$n"); do elapsed "$@"; done | median
}

o1() { "$outpost" send --to rcpt@example.test --subject bench --body 'A small message.' --wait; }
m1() { msmtp -C "$work/msmtprc" rcpt@example.test <"$work/small.eml"; }
s1() { $py bench/smtplib_client.py --port "$port" --cafile "$work/ca.pem" --message "$work/small.eml" --count 1; }
o200() {
    for i in $(seq 200); do "$outpost" send --queue-only --to rcpt@example.test --subject "bench $i" --body x; done >/dev/null
    elapsed "$outpost" outbox flush --wait
}
m200() { for _ in $(seq 200); do m1; done; }
s200() { $py bench/smtplib_client.py --port "$port" --cafile "$work/ca.pem" --message "$work/small.eml" --count 200; }
o25() { "$outpost" send --to rcpt@example.test --subject big --body 'See attachment.' --attach "$work/att.bin" --wait; }
m25() { msmtp -C "$work/msmtprc" rcpt@example.test <"$work/big.eml"; }
s25() { $py bench/smtplib_client.py --port "$port" --cafile "$work/ca.pem" --message "$work/big.eml" --count 1; }

# The same three with the baseline program and its profile.
with_baseline() { XDG_CONFIG_HOME=$work/bconfig XDG_DATA_HOME=$work/bdata outpost=$baseline "$@"; }
b1() { with_baseline o1; }
b200() { with_baseline o200; }
b25() { with_baseline o25; }

o1 >/dev/null; m1; s1 # warm up TLS session caches, Postfix processes, page cache
if [[ -n $baseline ]]; then
    b1 >/dev/null
    mkdir "$work/ab"
    for _ in $(seq "$runs"); do elapsed o1 >>"$work/ab/o1"; elapsed b1 >>"$work/ab/b1"; done
    for _ in $(seq "$runs200"); do o200 >>"$work/ab/o200"; b200 >>"$work/ab/b200"; done
    for _ in $(seq "$runs"); do elapsed o25 >>"$work/ab/o25"; elapsed b25 >>"$work/ab/b25"; done
    printf '\nthis Outpost against %s, in turns; medians of %d runs (200-message case: %d runs), seconds\n' \
        "$baseline" "$runs" "$runs200"
    printf '%-28s %9s %9s %13s\n' scenario this baseline this/baseline
    for k in "1:1 small message" "200:200 small messages" "25:25 MiB attachment"; do
        o=$(median <"$work/ab/o${k%%:*}"); b=$(median <"$work/ab/b${k%%:*}")
        printf '%-28s %9.3f %9.3f %13.2f\n' "${k#*:}" "$o" "$b" "$(echo "$o/$b" | bc -l)"
    done
    [[ -n ${AB_ONLY:-} ]] && exit 0
fi
if [[ -n ${OUTPOST_ONLY:-} ]]; then
    printf 'outpost only, medians of %d runs (200: %d): 1 message %.3f s, 200 messages %.3f s, 25 MiB %.3f s\n' \
        "$runs" "$runs200" "$(repeat "$runs" o1)" "$(for _ in $(seq "$runs200"); do o200; done | median)" "$(repeat "$runs" o25)"
    exit 0
fi
# Every timed run starts on an idle server (settle: Postfix has delivered
# everything to its Maildir; otherwise that delivery competes with the next
# client for the two cores, and more so the faster the previous client was),
# and the clients take turns within each round.
mkdir "$work/t"
for _ in $(seq "$runs"); do
    elapsed o1 >>"$work/t/o1"; elapsed m1 >>"$work/t/m1"; elapsed s1 >>"$work/t/s1"
done
for _ in $(seq "$runs200"); do
    o200 >>"$work/t/o200"; elapsed s200 >>"$work/t/s200"; elapsed m200 >>"$work/t/m200"
done
for _ in $(seq "$runs"); do
    elapsed o25 >>"$work/t/o25"; elapsed m25 >>"$work/t/m25"; elapsed s25 >>"$work/t/s25"
done
for k in o1 m1 s1 o200 m200 s200 o25 m25 s25; do
    printf -v "t_$k" '%s' "$(median <"$work/t/$k")"
done
rss_idle=$(maxrss_mb "$outpost" outbox list)
rss_o25=$(maxrss_mb "$outpost" send --to rcpt@example.test --subject big --body x --attach "$work/att.bin" --wait)
rss_s25=$(maxrss_mb $py bench/smtplib_client.py --port "$port" --cafile "$work/ca.pem" --message "$work/big.eml" --count 1)

printf '\nmedians of %d runs (200-message case: %d runs), seconds\n' "$runs" "$runs200"
printf '%-28s %9s %9s %9s %13s %15s\n' scenario outpost msmtp smtplib outpost/msmtp outpost/smtplib
row() { printf '%-28s %9.3f %9.3f %9.3f %13.2f %15.2f\n' "$1" "$2" "$3" "$4" "$(echo "$2/$3" | bc -l)" "$(echo "$2/$4" | bc -l)"; }
row "1 small message" "$t_o1" "$t_m1" "$t_s1"
row "200 small messages" "$t_o200" "$t_m200" "$t_s200"
row "25 MiB attachment" "$t_o25" "$t_m25" "$t_s25"
printf '\npeak RSS, MiB: outpost idle %.1f, outpost 25 MiB send %.1f (%.1f above idle), smtplib 25 MiB %.1f\n' \
    "$rss_idle" "$rss_o25" "$(echo "$rss_o25 - $rss_idle" | bc -l)" "$rss_s25"
