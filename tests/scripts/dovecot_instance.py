#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A private Dovecot for integration tests, on 127.0.0.1 only (issue 24).

Not the system's Dovecot: its own configuration, base_dir, state and log in
a directory of the test's, started in the foreground as a child process.
Today it serves authentication only: a unix socket (DIR/run/auth-client)
for Postfix's `smtpd_sasl_type = dovecot`, offering PLAIN, XOAUTH2 and
OAUTHBEARER, with the `oauth2` passdb that asks the authorization server
about each token by RFC 7662 introspection. (PLAIN takes a token as its
password there, so a real password never signs in: the contrast a provider
that turned passwords off shows.) The IMAP servers of the Sent-copy tests
(issue 20) are a subclass in dovecot_imap.py. With `imaps` (a certificate
and key), it also serves IMAP over implicit TLS on a free loopback port,
signing in through the same oauth2 passdb: one user's Maildir with a
SPECIAL-USE "\\Sent" folder "Sent" (an OAuth account's Sent copy).

As a program:
    dovecot_instance.py --dir D --introspection-url URL [--ca-file CA]
prints "READY {json}" once the auth socket answers and runs until stdin
closes. Must run as root (Dovecot's master drops privileges itself).
"""
import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time

DOVECOT = "/usr/sbin/dovecot"


# No auth penalty (2 s, 4 s, ... for each further failure from an IP): the
# tests refuse many sign-ins, and the auth process cannot reach this socket.
NO_AUTH_PENALTY = """service anvil {
  chroot =
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
"""


class DovecotError(RuntimeError):
    pass


class Dovecot:
    """One private Dovecot. start() writes the configuration and waits for
    the auth socket; stop() ends the master and its children."""

    MECHANISMS = ("plain", "xoauth2", "oauthbearer")

    def __init__(self, directory, introspection_url, ca_file=None, username_attribute="username", imaps=None):
        self.dir = os.path.abspath(directory)
        self.imaps = imaps  # (certificate, key): serve IMAP over implicit TLS too
        self.imaps_port = None
        self.introspection_url = introspection_url
        self.ca_file = ca_file
        self.username_attribute = username_attribute
        self.process = None
        self.terminating = False  # terminate() has signalled the master
        self.run_dir = os.path.join(self.dir, "run")
        self.log_path = os.path.join(self.dir, "dovecot.log")
        self.conf_path = os.path.join(self.dir, "dovecot.conf")

    @property
    def auth_socket(self):
        return os.path.join(self.run_dir, "auth-client")

    def describe(self):
        return {"auth_socket": self.auth_socket, "log": self.log_path, "mechanisms": list(self.MECHANISMS),
                "imaps_port": self.imaps_port}

    def maildir(self, user):
        """The user's Maildir (written by Dovecot as user nobody)."""
        return os.path.join(self.dir, "home", user, "Maildir")

    def _imap_config(self):
        """The IMAP part of the configuration (empty without `imaps`)."""
        if not self.imaps:
            return "protocols =\nssl = no\n"
        home = os.path.join(self.dir, "home")
        os.makedirs(home, exist_ok=True)
        shutil.chown(home, "nobody", "nogroup")
        if self.imaps_port is None:
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                self.imaps_port = s.getsockname()[1]
        cert, key = self.imaps
        return f"""protocols = imap
ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}
ssl_min_protocol = TLSv1.2
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Sent {{
    auto = subscribe
    special_use = \\Sent
  }}
}}
service imap-login {{
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {self.imaps_port}
  }}
}}
"""

    def _write_config(self):
        for d in (self.dir, self.run_dir, os.path.join(self.dir, "state")):
            os.makedirs(d, exist_ok=True)
            os.chmod(d, 0o755)
        oauth2 = os.path.join(self.dir, "oauth2.conf.ext")
        lines = ["introspection_mode = post",
                 "introspection_url = " + self.introspection_url,
                 "force_introspection = yes",
                 "username_attribute = " + self.username_attribute,
                 "active_attribute = active",
                 "active_value = true"]
        if self.ca_file:
            lines.append("tls_ca_cert_file = " + self.ca_file)
        # The auth process (user dovecot) reads this file; it holds the
        # introspection client's credentials of this one test world.
        with open(oauth2, "w") as f:
            f.write("\n".join(lines) + "\n")
        os.chmod(oauth2, 0o644)
        with open(self.conf_path, "w") as f:
            f.write(f"""# A private Dovecot for the tests: authentication (and IMAP with imaps).
{self._imap_config()}instance_name = outpost-test-{secrets.token_hex(4)}
base_dir = {self.run_dir}
state_dir = {self.dir}/state
log_path = {self.log_path}
info_log_path = {self.log_path}
listen = 127.0.0.1
# Postfix tells Dovecot whether its client used TLS; the submission port
# demands TLS before AUTH anyway.
disable_plaintext_auth = no
auth_mechanisms = {" ".join(self.MECHANISMS)}
auth_verbose = yes
# Never auth_debug: it would log the tokens.
auth_debug = no
auth_verbose_passwords = no
# A refused token is answered at once (Dovecot waits 2 s by default): the
# tests refuse many.
auth_failure_delay = 0
passdb {{
  driver = oauth2
  args = {oauth2}
}}
userdb {{
  driver = static
  args = uid=nobody gid=nogroup home={self.dir}/home/%u
}}
service auth {{
  unix_listener auth-client {{
    mode = 0666
  }}
}}
{NO_AUTH_PENALTY}""")
        os.chmod(self.conf_path, 0o644)

    def start(self, timeout=15):
        if not os.path.exists(DOVECOT):
            raise DovecotError("missing %s: run scripts/install-deps.sh test (package dovecot-core)" % DOVECOT)
        if os.geteuid() != 0:
            raise DovecotError("a private Dovecot master must run as root")
        self._write_config()
        return self._launch(self._auth_answers, "auth socket", timeout)

    def _launch(self, answers, what, timeout):
        """Checks the written configuration, starts the master in the
        foreground and waits until answers() holds (also for subclasses:
        dovecot_imap.py)."""
        check = subprocess.run([DOVECOT, "-c", self.conf_path, "-n"], capture_output=True, text=True)
        if check.returncode != 0:
            raise DovecotError("dovecot rejected its configuration: " + check.stderr.strip())
        with open(os.path.join(self.dir, "dovecot.stderr"), "w") as err:
            self.process = subprocess.Popen([DOVECOT, "-F", "-c", self.conf_path],
                                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise DovecotError("dovecot ended at once: " + self._tail())
            if answers():
                return self
            time.sleep(0.05)
        self.stop()
        raise DovecotError("dovecot's %s did not answer: %s" % (what, self._tail()))

    def _auth_answers(self):
        """The auth socket greets with its VERSION and MECH lines."""
        if not os.path.exists(self.auth_socket):
            return False
        try:
            with socket.socket(socket.AF_UNIX) as s:
                s.settimeout(2)
                s.connect(self.auth_socket)
                s.sendall(b"VERSION\t1\t2\nCPID\t%d\n" % os.getpid())
                data = b""
                while b"DONE\n" not in data and len(data) < 65536:
                    chunk = s.recv(4096)
                    if not chunk:
                        break
                    data += chunk
                return b"MECH\tXOAUTH2" in data
        except OSError:
            return False

    def _tail(self):
        out = []
        for name in ("dovecot.stderr", "dovecot.log"):
            p = os.path.join(self.dir, name)
            if os.path.exists(p):
                with open(p, errors="replace") as f:
                    out.append(f.read()[-3000:])
        return "\n".join(out)

    def terminate(self):
        """Asks the master to end without waiting for it: a master takes about
        a second to end its children, so servers that stop together are
        each told first and then waited for (stop())."""
        if self.process is not None and self.process.poll() is None and not self.terminating:
            self.process.terminate()
            self.terminating = True

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            self.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        self.terminating = False

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--introspection-url", required=True)
    ap.add_argument("--ca-file")
    args = ap.parse_args()
    try:
        with Dovecot(args.dir, args.introspection_url, args.ca_file) as dovecot:
            print("READY " + json.dumps(dovecot.describe()), flush=True)
            sys.stdin.read()
    except DovecotError as e:
        sys.exit("dovecot_instance.py: %s" % e)


if __name__ == "__main__":
    main()
