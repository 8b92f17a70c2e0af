#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The DEB, end to end (issue 10): builds it with `cpack -G DEB` from a built
# tree, checks its contents and control fields, installs it with
# `apt-get install ./outpost_*.deb`, runs the installed `outpost --version`,
# sends one message through the installed `outpost-sendmail -t` to a local
# aiosmtpd server, and purges the package again, checking nothing is left.
#
#   tests/scripts/deb_package_test.sh BUILD_DIR [EXPECTED_VERSION]
#
# CPACK names the cpack to use (CTest passes the one that configured the
# tree); the default is the first on PATH.
#
# Needs root (or password-less sudo), apt-get, dpkg-deb, cpack and Debian's
# /usr/bin/python3 with python3-aiosmtpd. It fails loudly, never skips, when
# any of them is missing: CI runs it as root on Debian 12. Whatever happens,
# the package is purged and the server stopped on exit.
set -euo pipefail

fail() {
    echo "deb_package_test: FAIL: $*" >&2
    exit 1
}
step() {
    echo "deb_package_test: $*"
}

(($# >= 1)) || fail "usage: $0 BUILD_DIR [EXPECTED_VERSION]"
build_dir=$(cd "$1" && pwd) || fail "no build directory '$1'"
expected_version=${2:-}
scripts_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[[ -f $build_dir/CPackConfig.cmake ]] || fail "$build_dir has no CPackConfig.cmake (configure and build it first)"

# --- Prerequisites: fail, never skip -------------------------------------------

cpack=${CPACK:-cpack}
for tool in "$cpack" dpkg-deb dpkg-query apt-get; do
    command -v "$tool" >/dev/null || fail "$tool is missing (this test needs a Debian system; scripts/install-deps.sh test)"
done
[[ -x /usr/bin/python3 ]] || fail "/usr/bin/python3 is missing (scripts/install-deps.sh test)"
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || fail "python3-aiosmtpd is missing (scripts/install-deps.sh test)"

as_root=()
if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        as_root=(sudo -n)
    else
        fail "installing a package needs root: run this test as root (CI does) or with password-less sudo"
    fi
fi
apt_get=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 -q -y)

is_installed() {
    dpkg-query -W -f='${Status}' outpost 2>/dev/null | grep -q 'install ok installed'
}

# --- Clean-up on every exit ------------------------------------------------------

tmp=$(mktemp -d)
chmod 755 "$tmp" # apt's _apt user reads the .deb from here
server_pid=
we_installed=false
cleanup() {
    local status=$?
    set +e
    exec 3>&- # closing the server's stdin stops it
    if [[ -n $server_pid ]]; then
        for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill "$server_pid" 2>/dev/null
        wait "$server_pid" 2>/dev/null
    fi
    if $we_installed && is_installed; then
        echo "deb_package_test: purging the package left installed by a failed run" >&2
        "${apt_get[@]}" purge outpost >/dev/null 2>&1
    fi
    if ((status != 0)); then
        for f in "$tmp"/account.log "$tmp"/sendmail.log "$tmp"/outbox.log "$tmp"/server.err; do
            [[ -s $f ]] && { echo "--- $f" >&2; tail -n 40 "$f" >&2; }
        done
    fi
    rm -rf "$tmp"
    exit "$status"
}
trap cleanup EXIT

# --- 1. Build the package ----------------------------------------------------------

step "cpack -G DEB in $build_dir"
out=$tmp/package
mkdir -p "$out"
(cd "$build_dir" && "$cpack" -G DEB -B "$out") >"$tmp/cpack.log" 2>&1 \
    || { cat "$tmp/cpack.log" >&2; fail "cpack -G DEB failed"; }
shopt -s nullglob
debs=("$out"/outpost_*.deb)
shopt -u nullglob
((${#debs[@]} == 1)) || fail "expected one outpost_*.deb in $out, found ${#debs[@]}"
deb=${debs[0]}
chmod 644 "$deb"
step "built $(basename "$deb")"

# --- 2. Contents and control fields --------------------------------------------

dpkg-deb -c "$deb" >"$tmp/contents.log"
for path in \
    ./usr/bin/outpost \
    ./usr/bin/outpost-sendmail \
    ./usr/share/applications/org.outpost.Outpost.desktop \
    ./usr/share/metainfo/org.outpost.Outpost.metainfo.xml \
    ./usr/share/icons/hicolor/scalable/apps/org.outpost.Outpost.svg \
    ./usr/share/man/man1/outpost-sendmail.1; do
    awk '{print $NF}' "$tmp/contents.log" | grep -qxF "$path" || fail "the package lacks $path"
done
if awk '{print $NF}' "$tmp/contents.log" | grep -q 'sbin/sendmail$'; then
    fail "the package must not ship a sendmail that replaces the system's"
fi
grep -qE '^-rwxr-xr-x (root/root|0/0) .* \./usr/bin/outpost$' "$tmp/contents.log" \
    || fail "/usr/bin/outpost is not an executable owned by root"

[[ $(dpkg-deb -f "$deb" Package) == outpost ]] || fail "Package is not 'outpost'"
[[ $(dpkg-deb -f "$deb" Section) == mail ]] || fail "Section is not 'mail'"
[[ -n $(dpkg-deb -f "$deb" Maintainer) ]] || fail "no Maintainer"
[[ -n $(dpkg-deb -f "$deb" Homepage) ]] || fail "no Homepage"
[[ -z $(dpkg-deb -f "$deb" Provides) ]] || fail "the package must not Provide anything (e.g. mail-transport-agent)"
depends=$(dpkg-deb -f "$deb" Depends)
step "Depends: $depends"
for pkg in libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6svg6 libqt6keychain1 libvmime1; do
    grep -qE "(^|, )$pkg( |,|$)" <<<"$depends" || fail "Depends lacks $pkg"
done
version=$(dpkg-deb -f "$deb" Version)
upstream_version=${version#*:}          # no epoch
upstream_version=${upstream_version%-*} # no Debian revision
if [[ -n $expected_version && $upstream_version != "$expected_version" ]]; then
    fail "the package's version is $version, the project's $expected_version"
fi

# --- 3. Install ----------------------------------------------------------------------

if is_installed; then
    # apt would keep an installed copy of the same version and test nothing.
    echo "deb_package_test: outpost is already installed; purging it first" >&2
    "${apt_get[@]}" purge outpost >"$tmp/purge-before.log" 2>&1 || fail "could not purge the installed outpost"
fi
step "apt-get install ./$(basename "$deb")"
we_installed=true
(cd "$out" && "${apt_get[@]}" install "./$(basename "$deb")") >"$tmp/apt-install.log" 2>&1 \
    || { cat "$tmp/apt-install.log" >&2; fail "apt-get install failed"; }
is_installed || fail "dpkg does not report outpost as installed"
for f in /usr/bin/outpost /usr/bin/outpost-sendmail; do
    [[ -x $f ]] || fail "$f is not installed"
done

# --- 4. The installed outpost --version --------------------------------------------

reported=$(env QT_QPA_PLATFORM=offscreen /usr/bin/outpost --version) || fail "/usr/bin/outpost --version failed"
[[ $reported == "outpost $upstream_version" ]] \
    || fail "/usr/bin/outpost --version says '$reported', expected 'outpost $upstream_version'"
step "installed: $reported"

# --- 5. The installed outpost-sendmail against a local server ------------------------

home=$tmp/home
received=$tmp/received
mkdir -p "$home" "$received"
mkdir -m 700 "$tmp/run"
# Its own profile (accounts, outbox) and no desktop session: the account has
# no password, so no keychain is involved.
run_outpost_env=(env -u DBUS_SESSION_BUS_ADDRESS -u DISPLAY -u WAYLAND_DISPLAY
    HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data"
    XDG_RUNTIME_DIR="$tmp/run" QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8)

# aiosmtpd, plain SMTP without AUTH on a free loopback port; it runs until
# its standard input (fd 3 here) closes.
mkfifo "$tmp/server.in"
/usr/bin/python3 "$scripts_dir/aiosmtpd_server.py" --outdir "$received" --no-auth \
    <"$tmp/server.in" >"$tmp/server.out" 2>"$tmp/server.err" &
server_pid=$!
exec 3>"$tmp/server.in"
port=
for _ in $(seq 300); do
    if read -r word value <"$tmp/server.out" 2>/dev/null && [[ $word == READY ]]; then
        port=$value
        break
    fi
    kill -0 "$server_pid" 2>/dev/null || fail "aiosmtpd exited: $(cat "$tmp/server.err")"
    sleep 0.1
done
[[ -n $port ]] || fail "aiosmtpd did not report READY within 30 s"
step "aiosmtpd listening on 127.0.0.1:$port"

"${run_outpost_env[@]}" /usr/bin/outpost account add --name Test --email ada@example.org \
    --display-name "Ada Lovelace" --host 127.0.0.1 --port "$port" --security none --auth none \
    >"$tmp/account.log" 2>&1 || { cat "$tmp/account.log" >&2; fail "outpost account add failed"; }

token=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
step "piping a message into /usr/bin/outpost-sendmail -t"
sendmail_status=0
printf '%s\n' \
    "From: Ada Lovelace <ada@example.org>" \
    "To: Bob <bob@example.org>" \
    "Bcc: hidden@example.org" \
    "Subject: Outpost package test $token" \
    "" \
    "Sent by the installed outpost-sendmail." |
    "${run_outpost_env[@]}" /usr/bin/outpost-sendmail -t >"$tmp/sendmail.log" 2>&1 || sendmail_status=$?
((sendmail_status == 0)) || { cat "$tmp/sendmail.log" >&2; fail "outpost-sendmail -t exited with $sendmail_status"; }

# The server writes N.eml and N.json before it answers 250.
for _ in $(seq 100); do
    [[ -f $received/1.json ]] && break
    sleep 0.1
done
[[ -f $received/1.eml && -f $received/1.json ]] || fail "the server received nothing"
[[ ! -e $received/2.json ]] || fail "the server received more than one message"
grep -q "^Subject: Outpost package test $token" "$received/1.eml" || fail "the delivered message lacks the subject"
grep -q '^Message-ID: <' "$received/1.eml" || fail "outpost-sendmail did not add a Message-ID"
grep -q '^Date: ' "$received/1.eml" || fail "outpost-sendmail did not add a Date"
! grep -qi '^Bcc:' "$received/1.eml" || fail "the Bcc header left the machine"
/usr/bin/python3 - "$received/1.json" <<'EOF' || fail "wrong envelope: $(cat "$received/1.json")"
import json, sys
e = json.load(open(sys.argv[1]))
assert e["mail_from"] == "ada@example.org", e
assert sorted(e["rcpt_tos"]) == ["bob@example.org", "hidden@example.org"], e
EOF
"${run_outpost_env[@]}" /usr/bin/outpost outbox list --json >"$tmp/outbox.json" 2>"$tmp/outbox.log" \
    || fail "outpost outbox list failed"
/usr/bin/python3 - "$tmp/outbox.json" <<'EOF' || fail "the outbox does not hold exactly one sent message: $(cat "$tmp/outbox.json")"
import json, sys
entries = json.load(open(sys.argv[1]))
assert [e["state"] for e in entries] == ["sent"], entries
EOF
step "delivered to bob@example.org and hidden@example.org; the outbox says sent"

exec 3>&- # stop the server
wait "$server_pid" 2>/dev/null || true
server_pid=

# --- 6. Remove cleanly ---------------------------------------------------------------

step "apt-get purge outpost"
"${apt_get[@]}" purge outpost >"$tmp/apt-purge.log" 2>&1 \
    || { cat "$tmp/apt-purge.log" >&2; fail "apt-get purge failed"; }
we_installed=false
status=$(dpkg-query -W -f='${Status}' outpost 2>/dev/null || true)
case $status in
'' | *not-installed) ;;
*) fail "dpkg still reports outpost as '$status' after the purge" ;;
esac
if dpkg -s outpost >"$tmp/dpkg-s.log" 2>&1; then
    grep -q '^Status: .*not-installed$' "$tmp/dpkg-s.log" \
        || fail "dpkg -s outpost does not report it as not installed: $(grep '^Status' "$tmp/dpkg-s.log")"
fi
while read -r path; do
    [[ -f ${path#.} || -L ${path#.} ]] && fail "${path#.} is still there after the purge"
done < <(awk '$1 !~ /^d/ {print $NF}' "$tmp/contents.log")
[[ ! -e /usr/bin/outpost ]] || fail "/usr/bin/outpost is still there"
step "removed cleanly"
echo "deb_package_test: PASS"
