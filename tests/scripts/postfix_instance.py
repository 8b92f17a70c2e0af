#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A private Postfix instance for integration tests, on 127.0.0.1 only.

Everything lives under --dir: configuration, queue, Cyrus sasldb, and the
Maildir every recipient @example.test is delivered to (DIR/mail/maildir/).
With --dovecot-auth SOCKET, SASL goes to that Dovecot auth socket instead of
Cyrus (dovecot_instance.py: XOAUTH2 and OAUTHBEARER against real tokens).
Services: submission with required STARTTLS + SASL on --submission-port,
implicit TLS + SASL on --smtps-port. Prints "READY {json}" once both ports
accept connections and runs until stdin closes; then stops Postfix.
Must run as root (Postfix's master drops privileges itself).
"""
import argparse
import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import time


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_port(port, banner, timeout=30):
    """Waits until the port accepts connections (and sends a 220 banner)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
                if not banner or s.recv(100).startswith(b"220"):
                    return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--cert", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("--user", default="user")
    ap.add_argument("--password", default="secret")
    ap.add_argument("--size-limit", type=int, default=10 * 1024 * 1024)
    ap.add_argument("--dovecot-auth", metavar="SOCKET",
                    help="authenticate through this Dovecot auth socket instead of Cyrus SASL")
    args = ap.parse_args()

    if os.geteuid() != 0:
        sys.exit("postfix_instance.py must run as root (a private Postfix master needs it)")
    for tool in ("/usr/sbin/postfix", "/usr/sbin/saslpasswd2"):
        if not os.path.exists(tool):
            sys.exit("missing %s: run scripts/install-deps.sh test" % tool)

    base = os.path.abspath(args.dir)
    # Postfix's daemons run as the postfix user: every parent must be searchable.
    parent = os.path.dirname(base)
    while parent and parent != "/":
        if not os.stat(parent).st_mode & 0o001:
            sys.exit("postfix_instance.py: %s is not searchable by other users; Postfix could not reach %s"
                     % (parent, base))
        parent = os.path.dirname(parent)
    conf = os.path.join(base, "conf")
    # Debian's Postfix reads the Cyrus SASL configuration from
    # $config_directory/sasl/smtpd.conf, whatever cyrus_sasl_config_path says.
    sasl = os.path.join(conf, "sasl")
    for d in (conf, sasl, os.path.join(base, "queue"), os.path.join(base, "data"),
              os.path.join(base, "mail")):
        os.makedirs(d, exist_ok=True)
    pf = pwd.getpwnam("postfix")
    nobody = pwd.getpwnam("nobody")
    os.chown(os.path.join(base, "data"), pf.pw_uid, pf.pw_gid)
    os.chown(os.path.join(base, "mail"), nobody.pw_uid, nobody.pw_gid)
    # Postfix's daemons must be able to reach everything under base.
    for d in (base, conf, sasl):
        os.chmod(d, 0o755)

    sub_port, smtps_port = free_port(), free_port()
    if args.dovecot_auth:
        sasl_settings = f"smtpd_sasl_type = dovecot\nsmtpd_sasl_path = {os.path.abspath(args.dovecot_auth)}"
    else:
        sasl_settings = f"smtpd_sasl_type = cyrus\nsmtpd_sasl_path = smtpd\ncyrus_sasl_config_path = {sasl}\n" \
                        "smtpd_sasl_local_domain = example.test"
    with open(os.path.join(conf, "main.cf"), "w") as f:
        f.write(f"""compatibility_level = 3.6
queue_directory = {base}/queue
data_directory = {base}/data
command_directory = /usr/sbin
daemon_directory = /usr/lib/postfix/sbin
meta_directory = /etc/postfix
shlib_directory = /usr/lib/postfix
mail_owner = postfix
setgid_group = postdrop
maillog_file = {base}/maillog
maillog_file_prefixes = {base}
myhostname = mail.example.test
mydomain = example.test
myorigin = example.test
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtputf8_enable = yes
message_size_limit = {args.size_limit}
virtual_mailbox_domains = example.test
virtual_mailbox_base = {base}/mail
virtual_mailbox_maps = static:maildir/
virtual_uid_maps = static:{nobody.pw_uid}
virtual_gid_maps = static:{nobody.pw_gid}
virtual_minimum_uid = 1
virtual_mailbox_limit = 0
smtpd_tls_cert_file = {args.cert}
smtpd_tls_key_file = {args.key}
smtpd_tls_security_level = may
{sasl_settings}
smtpd_sasl_auth_enable = no
smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
smtpd_recipient_restrictions = permit_sasl_authenticated, reject
relay_domains =
default_transport = error:no outside delivery in tests
""")
    services = f"""{sub_port} inet n - n - - smtpd
  -o syslog_name=postfix/submission
  -o smtpd_tls_security_level=encrypt
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_tls_auth_only=yes
{smtps_port} inet n - n - - smtpd
  -o syslog_name=postfix/smtps
  -o smtpd_tls_wrappermode=yes
  -o smtpd_sasl_auth_enable=yes
pickup unix n - n 60 1 pickup
cleanup unix n - n - 0 cleanup
qmgr unix n - n 300 1 qmgr
tlsmgr unix - - n 1000? 1 tlsmgr
rewrite unix - - n - - trivial-rewrite
bounce unix - - n - 0 bounce
defer unix - - n - 0 bounce
trace unix - - n - 0 bounce
verify unix - - n - 1 verify
flush unix n - n 1000? 0 flush
proxymap unix - - n - - proxymap
proxywrite unix - - n - 1 proxymap
smtp unix - - n - - smtp
relay unix - - n - - smtp
showq unix n - n - - showq
error unix - - n - - error
retry unix - - n - - error
discard unix - - n - - discard
local unix - n n - - local
virtual unix - n n - - virtual
lmtp unix - - n - - lmtp
anvil unix - - n - 1 anvil
scache unix - - n - 1 scache
postlog unix-dgram n - n - 1 postlogd
"""
    with open(os.path.join(conf, "master.cf"), "w") as f:
        f.write(services)
    with open(os.path.join(sasl, "smtpd.conf"), "w") as f:
        f.write(f"""pwcheck_method: auxprop
auxprop_plugin: sasldb
mech_list: PLAIN LOGIN CRAM-MD5 SCRAM-SHA-1 SCRAM-SHA-256
sasldb_path: {sasl}/sasldb2
""")
    db = os.path.join(sasl, "sasldb2")
    subprocess.run(["saslpasswd2", "-f", db, "-c", "-p", "-u", "example.test", args.user],
                   input=args.password.encode(), check=True)
    os.chown(db, pf.pw_uid, pf.pw_gid)
    os.chmod(db, 0o640)

    # Postfix does not read a configuration file changed within the last
    # second or two (it could be half written): each command would wait
    # 300 ms at a time until it is old enough. These are complete.
    past = time.time() - 60
    for name in ("main.cf", "master.cf"):
        os.utime(os.path.join(conf, name), (past, past))

    env = dict(os.environ, MAIL_CONFIG=conf)
    subprocess.run(["postfix", "-c", conf, "check"], env=env, check=False)
    start = subprocess.run(["postfix", "-c", conf, "start"], env=env,
                           capture_output=True, text=True)
    if start.returncode != 0:
        sys.exit("postfix start failed: " + start.stdout + start.stderr)
    try:
        if not (wait_port(sub_port, True) and wait_port(smtps_port, False)):
            log = open(os.path.join(base, "maillog")).read() if os.path.exists(
                os.path.join(base, "maillog")) else ""
            sys.exit("postfix did not listen:\n" + log[-4000:])
        print("READY " + json.dumps({"submission": sub_port, "smtps": smtps_port,
                                     "maildir": os.path.join(base, "mail", "maildir"),
                                     "maillog": os.path.join(base, "maillog")}), flush=True)
        sys.stdin.read()
    finally:
        subprocess.run(["postfix", "-c", conf, "stop"], env=env, capture_output=True)


if __name__ == "__main__":
    main()
