#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The copy in the Sent folder of an OAuth 2.0 account (issues 20 and 24),
through the real `outpost` command line.

The world of tests/scripts/oauth_world.py: Postfix and an IMAP server (a
private Dovecot, implicit TLS) that both sign in through Dovecot's oauth2
passdb, which asks the real authorization server about every token. The Sent
folder is read from Dovecot's Maildir, not through Outpost. Runs inside
with_keyring.sh (refresh tokens in a real Secret Service).

    oauth_sentcopy_cli_test.py OAuthSentCopyCli.test_NAME
"""
import json
import os
import re
import socket
import sqlite3
import sys
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import oauth_cli_test  # noqa: E402


class ExpiringProxy:
    """A TCP relay in front of the IMAP server. On the connection after
    expire_next(), before relaying a byte, it makes every access token of the
    authorization server expired (the refresh tokens stay good): a token that
    Outpost holds in memory as valid is refused by the IMAP server, as a
    provider's early revocation or a clock skew does."""

    def __init__(self, target_port, database):
        self.target_port = target_port
        self.database = database
        self.connections = 0
        self._expire = False
        self._server = socket.socket()
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(8)
        self.port = self._server.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def expire_next(self):
        self._expire = True

    def close(self):
        self._server.close()

    def _accept(self):
        while True:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            self.connections += 1
            if self._expire:
                self._expire = False
                with sqlite3.connect(self.database) as c:
                    c.execute("UPDATE oauth2_provider_accesstoken SET expires = '2000-01-01 00:00:00'")
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._relay, args=(a, b), daemon=True).start()

    @staticmethod
    def _relay(source, sink):
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


class OAuthSentCopyCli(oauth_cli_test.OAuthCli):
    # Long-lived access tokens: the one the SMTP sign-in got is still valid
    # (beyond the refresh margin) when the copy signs in to IMAP.
    lifetime = 600

    def add_account_with_imap(self, imap_port):
        d = self.world.description
        return self.outpost("account", "add", "--name", "World", "--email", d["user"], "--host", d["smtp_host"],
                            "--port", str(d["submission_port"]), "--security", "starttls", "--auth", "oauth2",
                            "--imap-host", d["imap_host"], "--imap-port", str(imap_port), "--imap-security", "tls",
                            mode="consent")

    def set_imap_port(self, port):
        path = os.path.join(self.config, "outpost", "accounts.json")
        with open(path) as f:
            data = json.load(f)
        data["accounts"][0]["imap"]["port"] = port
        with open(path, "w") as f:
            json.dump(data, f, indent=1)

    def entry(self, subject):
        r = self.outpost("outbox", "list", "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        found = [e for e in json.loads(r.stdout) if e["subject"] == subject]
        self.assertEqual(len(found), 1, r.stdout)
        return found[0]

    def sent_bytes(self, entry):
        with open(os.path.join(self.data, "outpost", "outbox", "sent", entry["id"], "message.eml"), "rb") as f:
            return f.read()

    def copies_of(self, entry):
        needle = ("\r\nmessage-id: <%s>\r\n" % entry["message_id"]).lower().encode()
        return [(raw, flags) for raw, flags in self.world.sent_copies() if needle in raw.lower()]

    def expect_one_copy(self, subject):
        entry = self.entry(subject)
        self.assertEqual(entry["state"], "sent", entry)
        self.assertEqual(self.delivered(subject), 1, "%r sent once" % subject)
        self.assertEqual(entry["sent_copy"]["state"], "done", entry)
        self.assertEqual(entry["sent_copy"]["folder"], "Sent", entry)
        copies = self.copies_of(entry)
        self.assertEqual(len(copies), 1, "one copy of %r in Sent" % subject)
        self.assertEqual(copies[0][0], self.sent_bytes(entry), "the copy is what was sent")
        self.assertIn("S", copies[0][1], "the copy is \\Seen")

    def imap_logins(self):
        with open(os.path.join(self.world.dir, "dovecot", "dovecot.log"), errors="replace") as f:
            return re.findall(r"imap-login: Info: Login: user=<%s>, method=([A-Z0-9-]+)" % re.escape(
                self.world.description["user"]), f.read())

    def test_the_copy_signs_in_with_a_token_refreshes_a_refused_one_and_never_sends_twice(self):
        d = self.world.description
        proxy = ExpiringProxy(d["imaps_port"], os.path.join(self.world.dir, "authserver", "db.sqlite3"))
        self.addCleanup(proxy.close)
        r = self.add_account_with_imap(proxy.port)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

        # Filed with a bearer token, once, as sent.
        r = self.send("filed")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.wait_delivered("filed")
        self.expect_one_copy("filed")
        logins = self.imap_logins()
        self.assertTrue(logins, "Dovecot logged the IMAP sign-in")
        self.assertTrue(set(logins) <= {"XOAUTH2", "OAUTHBEARER"}, logins)
        self.collect_tokens()

        # The token the SMTP sign-in got (still valid for Outpost) has expired
        # at the server when the copy signs in: refused, refreshed, filed.
        proxy.expire_next()
        before = proxy.connections
        r = self.send("refreshed")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.wait_delivered("refreshed")
        self.assertGreaterEqual(proxy.connections - before, 2,
                                "signed in again after the refusal: %s" % self.entry("refreshed")["sent_copy"])
        self.expect_one_copy("refreshed")
        self.collect_tokens()

        # The IMAP server is away when the message is sent; the grant is then
        # revoked: the message stays sent, the copy fails with "Sign in
        # again", and retrying sends nothing again.
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            closed = s.getsockname()[1]
        self.set_imap_port(closed)
        r = self.send("revoked")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.wait_delivered("revoked")
        self.assertEqual(self.entry("revoked")["sent_copy"]["state"], "pending")
        self.collect_tokens()
        self.assertGreaterEqual(self.world.revoke_grants(), 1)
        self.set_imap_port(proxy.port)
        entry = self.entry("revoked")
        r = self.outpost("outbox", "retry-copy", entry["id"])
        self.assertEqual(r.returncode, 77, "EX_NOPERM: " + r.stdout + r.stderr)
        self.assertIn("Sign in again", r.stdout + r.stderr)
        entry = self.entry("revoked")
        self.assertEqual(entry["state"], "sent", entry)
        self.assertEqual(entry["sent_copy"]["state"], "failed", entry)
        self.assertIn("Sign in again", entry["sent_copy"]["reason"])
        self.assertEqual(self.copies_of(entry), [])
        for subject in ("filed", "refreshed", "revoked"):
            self.assertEqual(self.delivered(subject), 1, "%r sent once" % subject)
        self.assertEqual(len(self.world.sent_copies()), 2)
        self.assert_no_token_in_files()


def load_tests(loader, tests, pattern):
    """Only this file's tests (not the inherited ones of oauth_cli_test.py)."""
    return unittest.TestSuite(OAuthSentCopyCli(name) for name in vars(OAuthSentCopyCli) if name.startswith("test_"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
