#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Private Dovecot IMAP servers for the Sent-copy tests (issue 20).

A sibling of dovecot_instance.py (Dovecot as Postfix's authentication in
the OAuth world): the same kind of private instance on 127.0.0.1 (its own
configuration, base_dir, state and log under a directory of the test's, in
the foreground as a child), here with IMAP listeners and Maildirs. One
master per profile, since namespaces are per instance:

  special   SPECIAL-USE; "\\Sent" is "Sent"; separator "/", no prefix;
            STARTTLS and implicit TLS; plaintext sign-in allowed too. User
            "tiny" has a 2 KiB quota (the OVERQUOTA refusal).
  german    namespace prefix "INBOX." and separator "."; "\\Sent" is
            "Gesendete Objekte".
  nospecial no SPECIAL-USE and no LITERAL+ in CAPABILITY, no TLS at all; the
            folder is "Sent Items" (found by name; literals synchronise).
  nosent    SPECIAL-USE, but no Sent folder at all (only "Drafts"): the
            copy asks before it creates one.
  strict    LOGINDISABLED and no AUTH= before STARTTLS (plaintext sign-in
            disallowed); APPENDLIMIT=4096 advertised. It listens on
            127.0.0.2: Dovecot counts a connection whose two ends have the
            same address as secure, and would offer plaintext sign-in.

Every profile has the users ada (password "ada-secret"), tiny
("tiny-secret") and small ("ada-secret"; 2 KiB quota on "special",
set_quota() raises it), with PLAIN, LOGIN, SCRAM-SHA-1 and SCRAM-SHA-256.

As a program:
    dovecot_imap.py serve --dir D
        makes a test CA and a certificate for localhost, 127.0.0.1 and
        127.0.0.2, prints "READY {json}" ({"ca": path, "cert": path, profile: {"host":
        address, "imap": port, "imaps": port|null, ...}}) once every server
        greets, and runs until stdin closes. Root only.
    dovecot_imap.py fetch --port P [--starttls --ca-file CA] --user U
        --password PW --folder F
        prints {"exists": bool, "messages": [...]}: each message's flags,
        internal date and the base64 of its exact octets (IMAP FETCH,
        independent of Outpost).
"""
import argparse
import base64
import imaplib
import json
import os
import shutil
import socket
import ssl
import subprocess
import sys

from dovecot_instance import DOVECOT, NO_AUTH_PENALTY, Dovecot, DovecotError

USERS = {"ada": "ada-secret", "tiny": "tiny-secret", "small": "ada-secret"}
# Storage quotas (where a profile has the quota plugin): "small" shares
# ada's password, so an account sending as ada through Postfix files its
# copy as "small" (the outbox over quota); set_quota() changes it.
QUOTAS = {"tiny": "2K", "small": "2K"}

PROFILES = {
    "special": {
        "tls": True, "plaintext_auth": True, "separator": "/", "prefix": "",
        "mailboxes": {"Sent": "\\Sent", "Drafts": "\\Drafts"},
        "capability": None, "quota": True,
    },
    "german": {
        "tls": True, "plaintext_auth": True, "separator": ".", "prefix": "INBOX.",
        "mailboxes": {"Gesendete Objekte": "\\Sent", "Entwürfe": "\\Drafts"},
        "capability": None, "quota": False,
    },
    "nospecial": {
        "tls": False, "plaintext_auth": True, "separator": "/", "prefix": "",
        "mailboxes": {"Sent Items": None, "Drafts": None},
        # What an older server offers: no SPECIAL-USE, no LITERAL+.
        "capability": "IMAP4rev1 SASL-IR ID ENABLE IDLE NAMESPACE UIDPLUS CHILDREN",
        "quota": False,
    },
    "nosent": {
        "tls": True, "plaintext_auth": True, "separator": "/", "prefix": "",
        "mailboxes": {"Drafts": "\\Drafts"},
        "capability": None, "quota": False,
    },
    "strict": {
        "tls": True, "plaintext_auth": False, "separator": "/", "prefix": "",
        "mailboxes": {"Sent": "\\Sent"},
        "capability": "+APPENDLIMIT=4096", "quota": False, "address": "127.0.0.2",
    },
}


def free_port(address):
    with socket.socket() as s:
        s.bind((address, 0))
        return s.getsockname()[1]


class DovecotImap(Dovecot):
    """One private Dovecot IMAP server of a profile (see the docstring);
    starting, stopping and the log tail are Dovecot's."""

    def __init__(self, directory, profile, cert=None, key=None):
        super().__init__(directory, introspection_url=None)
        self.profile = profile
        self.p = PROFILES[profile]
        self.cert = cert
        self.key = key
        self.address = self.p.get("address", "127.0.0.1")
        self.imap_port = free_port(self.address)
        self.imaps_port = free_port(self.address) if self.p["tls"] else None

    def describe(self):
        return {"host": self.address, "imap": self.imap_port, "imaps": self.imaps_port, "log": self.log_path,
                "home": os.path.join(self.dir, "home")}

    def _mailboxes(self):
        out = []
        for name, use in self.p["mailboxes"].items():
            out.append('  mailbox "%s" {\n    auto = subscribe\n%s  }' %
                       (name, ("    special_use = %s\n" % use) if use else ""))
        return "\n".join(out)

    def _write_config(self):
        home = os.path.join(self.dir, "home")
        for d in (self.dir, os.path.join(self.dir, "run"), os.path.join(self.dir, "state"), home):
            os.makedirs(d, exist_ok=True)
            os.chmod(d, 0o755)
        shutil.chown(home, "nobody", "nogroup")
        users = os.path.join(self.dir, "users")
        write_users(users, QUOTAS)
        p = self.p
        ssl_lines = "ssl = no"
        if p["tls"]:
            # "required": no sign-in of any kind before TLS (LOGINDISABLED).
            ssl_lines = "ssl = %s\nssl_cert = <%s\nssl_key = <%s\nssl_min_protocol = TLSv1.2" % (
                "yes" if p["plaintext_auth"] else "required", self.cert, self.key)
        imaps = ("  inet_listener imaps {\n    address = %s\n    port = %d\n  }\n" % (self.address, self.imaps_port)
                 if self.imaps_port else "  inet_listener imaps {\n    port = 0\n  }\n")
        quota = ""
        if p["quota"]:
            quota = """mail_plugins = $mail_plugins quota
protocol imap {
  mail_plugins = $mail_plugins imap_quota
}
plugin {
  quota = maildir:User quota
}
"""
        capability = ("imap_capability = %s\n" % p["capability"]) if p["capability"] else ""
        with open(self.conf_path, "w") as f:
            f.write(f"""# A private Dovecot IMAP server for the tests ({self.profile}).
protocols = imap
instance_name = outpost-imap-{self.profile}-{os.getpid()}-{self.imap_port}
base_dir = {self.dir}/run
state_dir = {self.dir}/state
log_path = {self.log_path}
info_log_path = {self.log_path}
listen = {self.address}
{ssl_lines}
disable_plaintext_auth = {"no" if p["plaintext_auth"] else "yes"}
auth_mechanisms = plain login scram-sha-1 scram-sha-256
auth_verbose = yes
auth_debug = no
auth_verbose_passwords = no
auth_failure_delay = 0
passdb {{
  driver = passwd-file
  args = username_format=%u {users}
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {users}
  default_fields = uid=nobody gid=nogroup home={home}/%u
}}
mail_location = maildir:~/Maildir
{capability}{quota}namespace inbox {{
  inbox = yes
  separator = {p["separator"]}
  prefix = {p["prefix"]}
{self._mailboxes()}
}}
service imap-login {{
  inet_listener imap {{
    address = {self.address}
    port = {self.imap_port}
  }}
{imaps}}}
{NO_AUTH_PENALTY}""")
        os.chmod(self.conf_path, 0o644)

    def start(self, timeout=20):
        if not os.path.exists(DOVECOT) or not os.path.exists("/usr/lib/dovecot/imap"):
            raise DovecotError("missing Dovecot's IMAP server: run scripts/install-deps.sh test "
                               "(packages dovecot-core, dovecot-imapd)")
        if os.geteuid() != 0:
            raise DovecotError("a private Dovecot master must run as root")
        self._write_config()
        return self._launch(self._greets, "IMAP listener", timeout)

    def _greets(self):
        try:
            with socket.create_connection((self.address, self.imap_port), timeout=2) as s:
                return s.recv(4096).startswith(b"* OK")
        except OSError:
            return False


def write_users(path, quotas):
    """Dovecot's passwd-file of every profile: USERS with their quotas."""
    with open(path + ".new", "w") as f:
        for user, password in USERS.items():
            extra = ("userdb_quota_rule=*:storage=%s" % quotas[user]) if user in quotas else ""
            f.write("%s:{PLAIN}%s::::::%s\n" % (user, password, extra))
    os.chmod(path + ".new", 0o644)
    os.replace(path + ".new", path)


def set_quota(profile_dir, user, storage):
    """Gives `user` of the server in `profile_dir` (DIR/PROFILE of `serve`)
    another storage quota ("2K", "1M"); Dovecot reads the changed
    passwd-file at the next sign-in."""
    write_users(os.path.join(profile_dir, "users"), dict(QUOTAS, **{user: storage}))


def mailbox_utf7(name):
    """RFC 3501 §5.1.3 modified UTF-7, written here apart from Outpost's."""
    out, run = [], ""

    def flush():
        if run:
            b64 = base64.b64encode(run.encode("utf-16-be")).decode().rstrip("=").replace("/", ",")
            out.append("&" + b64 + "-")

    for ch in name:
        if 0x20 <= ord(ch) <= 0x7e:
            flush()
            run = ""
            out.append("&-" if ch == "&" else ch)
        else:
            run += ch
    flush()
    return "".join(out)


def fetch(args):
    """The folder's messages as an independent client sees them."""
    imap = imaplib.IMAP4(args.host, args.port, timeout=20)
    if args.starttls:
        imap.starttls(ssl.create_default_context(cafile=args.ca_file))
    imap.login(args.user, args.password)
    folder = '"' + mailbox_utf7(args.folder).replace("\\", "\\\\").replace('"', '\\"') + '"'
    status, _ = imap.select(folder, readonly=True)
    if status != "OK":
        print(json.dumps({"exists": False, "messages": []}))
        return
    status, data = imap.uid("FETCH", "1:*", "(FLAGS INTERNALDATE BODY.PEEK[])")
    messages = []
    for item in data:
        if not isinstance(item, tuple):
            continue
        meta = item[0].decode()
        flags = meta[meta.index("FLAGS (") + 7:meta.index(")", meta.index("FLAGS ("))].split()
        date = meta[meta.index('INTERNALDATE "') + 14:]
        date = date[:date.index('"')]
        messages.append({"flags": flags, "internaldate": date,
                         "body": base64.b64encode(item[1]).decode()})
    imap.logout()
    print(json.dumps({"exists": True, "messages": messages}))


def make_certificates(directory):
    """A test CA and a server certificate signed by it; returns their paths."""
    os.makedirs(directory, exist_ok=True)
    f = lambda name: os.path.join(directory, name)
    with open(f("ext"), "w") as ext:
        ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1,IP:127.0.0.2\nbasicConstraints=CA:FALSE\n")
    for cmd in (["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", f("ca.key"), "-out", f("ca.pem"),
                 "-days", "2", "-subj", "/CN=Outpost IMAP Test CA"],
                ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", f("server.key"), "-out", f("server.csr"),
                 "-subj", "/CN=localhost"],
                ["x509", "-req", "-in", f("server.csr"), "-CA", f("ca.pem"), "-CAkey", f("ca.key"),
                 "-CAcreateserial", "-out", f("server.pem"), "-days", "2", "-extfile", f("ext")]):
        subprocess.run(["openssl"] + cmd, check=True, capture_output=True)
    os.chmod(f("server.key"), 0o600)
    return f("ca.pem"), f("server.pem"), f("server.key")


def serve(args):
    servers = []
    try:
        # Dovecot's auth and mail processes (users dovecot, nobody) read below.
        os.makedirs(args.dir, exist_ok=True)
        os.chmod(args.dir, 0o755)
        ca, cert, key = make_certificates(os.path.join(args.dir, "tls"))
        for profile in PROFILES:
            d = os.path.join(args.dir, profile)
            servers.append(DovecotImap(d, profile, cert, key).start())
        ready = {s.profile: s.describe() for s in servers}
        ready["ca"] = ca
        ready["cert"] = cert
        print("READY " + json.dumps(ready), flush=True)
        sys.stdin.read()
    except DovecotError as e:
        sys.exit("dovecot_imap.py: %s" % e)
    finally:
        for s in servers:  # side by side: each master takes about a second
            s.terminate()
        for s in servers:
            s.stop()


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve")
    s.add_argument("--dir", required=True)
    f = sub.add_parser("fetch")
    f.add_argument("--host", default="127.0.0.1")
    f.add_argument("--port", type=int, required=True)
    f.add_argument("--starttls", action="store_true")
    f.add_argument("--ca-file")
    f.add_argument("--user", required=True)
    f.add_argument("--password", required=True)
    f.add_argument("--folder", required=True)
    args = ap.parse_args()
    serve(args) if args.command == "serve" else fetch(args)


if __name__ == "__main__":
    main()
