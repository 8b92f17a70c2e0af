#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""OAuth 2.0 through the real `outpost` command line (issue 24).

Against the world of tests/scripts/oauth_world.py: a real authorization
server (django-oauth-toolkit: PKCE required, rotated refresh tokens, short
access tokens), Postfix asking Dovecot, which asks that server (RFC 7662)
about every token, and the person at the browser ($BROWSER =
oauth_browser.py). Runs inside with_keyring.sh: refresh tokens go to a real
Secret Service.

    oauth_cli_test.py OAuthCli.test_NAME
"""
import glob
import json
import os
import re
import select
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "scripts"))
from oauth_world import OAuthWorld  # noqa: E402

OUTPOST = os.environ.get("OUTPOST_BINARY", os.path.join(HERE, "..", "..", "build", "app", "outpost"))
LIFETIME = 8  # seconds an access token lives in this world (each process uses its own at once)
SERVICE = "Outpost-oauth-cli-test"


def read(path):
    with open(path) as f:
        return f.read()


class OAuthCli(unittest.TestCase):
    lifetime = LIFETIME  # of the world's access tokens; subclasses may choose another

    def setUp(self):
        self.world = OAuthWorld(access_token_lifetime=self.lifetime).start()
        self.addCleanup(self.world.stop)
        self.home = tempfile.mkdtemp(prefix="outpost-oauth-")
        self.config = os.path.join(self.home, "config")
        self.data = os.path.join(self.home, "data")
        self.logs = os.path.join(self.home, "logs")
        os.makedirs(os.path.join(self.config, "outpost", "oauth2"))
        os.makedirs(self.logs)
        with open(self.world.description["provider_file"]) as f:
            self.provider = json.load(f)
        self.write_provider(self.provider)
        self.tokens = set()
        self.runs = 0

    def write_provider(self, provider):
        with open(os.path.join(self.config, "outpost", "oauth2", "world.json"), "w") as f:
            json.dump(provider, f)

    def outpost(self, *args, mode="consent", env=None, timeout=120):
        """Runs outpost; its stderr and protocol log are kept in the profile's logs."""
        e = self.world.env(browser_mode=mode)
        e.update({"XDG_CONFIG_HOME": self.config, "XDG_DATA_HOME": self.data,
                  "OUTPOST_KEYCHAIN_SERVICE": SERVICE, "OUTPOST_LANGUAGE": "en",
                  "OUTPOST_PROTOCOL_LOG": os.path.join(self.logs, "protocol.log")})
        e.update(env or {})
        self.runs += 1
        r = subprocess.run([OUTPOST, *args], env=e, capture_output=True, text=True, timeout=timeout)
        with open(os.path.join(self.logs, "run-%02d.log" % self.runs), "w") as f:
            f.write("$ outpost %s\nexit %d\n%s\n%s" % (" ".join(args), r.returncode, r.stdout, r.stderr))
        return r

    def start(self, *args, mode="ignore"):
        """Starts outpost without waiting; finish() collects it."""
        e = self.world.env(browser_mode=mode)
        e.update({"XDG_CONFIG_HOME": self.config, "XDG_DATA_HOME": self.data,
                  "OUTPOST_KEYCHAIN_SERVICE": SERVICE, "OUTPOST_LANGUAGE": "en"})
        self.runs += 1
        p = subprocess.Popen([OUTPOST, *args], env=e, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        p.log = os.path.join(self.logs, "run-%02d.log" % self.runs)
        p.argv = args
        return p

    def finish(self, p, timeout=180):
        out, err = p.communicate(timeout=timeout)
        with open(p.log, "w") as f:
            f.write("$ outpost %s\nexit %d\n%s\n%s" % (" ".join(p.argv), p.returncode, out, err))
        return p.returncode, out + err

    def live_refresh_tokens(self):
        db = os.path.join(self.world.dir, "authserver", "db.sqlite3")
        with sqlite3.connect(db) as c:
            return [t for (t,) in c.execute("SELECT token FROM oauth2_provider_refreshtoken WHERE revoked IS NULL")]

    def add_account(self, mode="consent", env=None):
        d = self.world.description
        return self.outpost("account", "add", "--name", "World", "--email", d["user"], "--host", d["smtp_host"],
                            "--port", str(d["submission_port"]), "--security", "starttls", "--auth", "oauth2",
                            mode=mode, env=env)

    def send(self, subject, mode="ignore"):
        # "ignore": a browser opened now would do nothing, and the send
        # would not end well; sending never asks the person.
        return self.outpost("send", "--from", "World", "--to", "bob@example.test", "--subject", subject,
                            "--body", "Hello over OAuth", "--wait", mode=mode)

    def delivered(self, subject):
        needle = ("Subject: %s\n" % subject).encode()
        return sum(1 for m in self.world.messages() if needle in m.replace(b"\r\n", b"\n"))

    def wait_delivered(self, subject, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline and self.delivered(subject) == 0:
            time.sleep(0.2)
        self.assertEqual(self.delivered(subject), 1, "%r delivered exactly once" % subject)

    def collect_tokens(self):
        """Every token the server ever issued that it still knows, and the
        refresh token in the keychain."""
        db = os.path.join(self.world.dir, "authserver", "db.sqlite3")
        with sqlite3.connect(db) as c:
            for table in ("oauth2_provider_accesstoken", "oauth2_provider_refreshtoken"):
                self.tokens.update(t for (t,) in c.execute("SELECT token FROM %s" % table) if t)
        for account in self.accounts():
            r = subprocess.run(["secret-tool", "lookup", "server", SERVICE, "user",
                                "oauth-refresh-token:" + account["id"]], capture_output=True, text=True)
            if r.stdout.strip():
                self.tokens.add(r.stdout.strip())

    def refused_sign_ins(self):
        """The SMTP sign-ins the server has refused so far: Postfix logs each
        one ("SASL OAUTHBEARER authentication failed")."""
        maillog = next(p for p in self.world.description["logs"] if p.endswith("maillog"))
        with open(maillog, errors="replace") as f:
            return [line.strip() for line in f if "authentication failed" in line]

    def accounts(self):
        path = os.path.join(self.config, "outpost", "accounts.json")
        if not os.path.exists(path):
            return []
        with open(path) as f:
            return json.load(f).get("accounts", [])

    def assert_no_token_in_files(self):
        self.assertTrue(self.tokens, "the test saw tokens")
        files = [p for root in (self.config, self.data, self.logs)
                 for p in glob.glob(os.path.join(root, "**"), recursive=True) if os.path.isfile(p)]
        self.assertTrue(any(p.endswith("accounts.json") for p in files))
        for path in files:
            with open(path, "rb") as f:
                content = f.read()
            for token in self.tokens:
                self.assertNotIn(token.encode(), content, "a token in " + path)
        for token in self.tokens:
            self.assertEqual(self.world.leaked(token), [], "a token in the world's logs")

    def assert_nothing_saved(self, r, *expected):
        self.assertNotEqual(r.returncode, 0, r.stderr)
        for text in expected:
            self.assertIn(text, r.stderr)
        self.assertEqual(self.accounts(), [], "no account saved")
        r = subprocess.run(["secret-tool", "search", "--all", "server", SERVICE], capture_output=True, text=True)
        self.assertNotIn("oauth-refresh-token", r.stdout + r.stderr, "no refresh token saved")

    def test_sign_in_send_refresh_revoke_login(self):
        r = self.add_account()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(self.provider["authorization_endpoint"], r.stderr, "the URL is printed")
        self.assertIn("Signed in successfully.", r.stderr)
        r = self.outpost("account", "list", "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        listed = json.loads(r.stdout)
        self.assertEqual(len(listed), 1)
        self.assertEqual(listed[0]["auth"], "oauth2")
        self.assertIs(listed[0]["refresh_token_stored"], True)
        r = self.outpost("account", "test", "World", "--json")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn(json.loads(r.stdout)["auth_mechanism"], ("OAUTHBEARER", "XOAUTH2"))
        self.collect_tokens()

        r = self.send("first")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.wait_delivered("first")
        self.collect_tokens()

        time.sleep(LIFETIME + 3)  # the access token has expired by now
        browser_log = os.path.join(self.world.dir, "browser.log")
        steps = read(browser_log).count("\n")
        r = self.send("second")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.wait_delivered("second")
        self.assertEqual(read(browser_log).count("\n"), steps, "refreshed without asking the person")
        # ... and before the token was used: the one retry after a refused
        # sign-in must not be what renews it.
        self.assertEqual(self.refused_sign_ins(), [], "the server refused no token")
        self.collect_tokens()

        self.assertGreaterEqual(self.world.revoke_grants(), 1)
        r = self.send("third")
        self.assertEqual(r.returncode, 77, "held for the person (EX_NOPERM): " + r.stdout + r.stderr)
        self.assertIn("Sign in again", r.stdout + r.stderr)
        r = self.outpost("outbox", "list")
        self.assertIn("Sign in again", r.stdout)
        r = self.outpost("outbox", "list", "--json")
        held = [e for e in json.loads(r.stdout) if e["subject"] == "third"]
        self.assertEqual(held[0]["state"], "held")
        self.assertEqual(held[0]["hold_reason"], "credentials")
        self.assertEqual(self.delivered("third"), 0)

        r = self.outpost("account", "login", "World")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.wait_delivered("third")
        self.collect_tokens()
        for subject in ("first", "second", "third"):
            self.assertEqual(self.delivered(subject), 1, subject)
        self.assert_no_token_in_files()

        # Removing the account revokes its refresh token at the provider (RFC 7009).
        r = self.outpost("account", "remove", "World")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.world.revoke_grants(), 0, "no grant left alive on the server")

    def test_processes_refresh_one_account_together(self):
        """The GUI, `outpost send`, `outbox flush` and `account test` refresh
        one account's token at the same moment; the server rotates refresh
        tokens (a used one dies at once). Every process is new, so none has
        an access token in memory: each refreshes (the 20 s tokens are
        always within the refresh margin). None may use a refresh token
        another one has already rotated."""
        r = self.add_account()
        self.assertEqual(r.returncode, 0, r.stderr)
        subjects = []
        for round_ in range(10):
            processes = []
            for i in range(4):
                subject = "together %d.%d" % (round_, i)
                subjects.append(subject)
                processes.append(self.start("send", "--from", "World", "--to", "bob@example.test", "--subject", subject,
                                            "--body", "Hello from one of many", "--wait"))
            processes.append(self.start("outbox", "flush"))
            processes += [self.start("account", "test", "World") for _ in range(2)]
            for p in processes:
                code, output = self.finish(p)
                self.assertEqual(code, 0, "round %d: outpost %s: %s" % (round_, " ".join(p.argv), output))
        for subject in subjects:
            self.wait_delivered(subject)
        r = self.outpost("outbox", "list", "--json")
        self.assertEqual([e["subject"] for e in json.loads(r.stdout) if e["state"] == "held"], [], "never held")
        live = self.live_refresh_tokens()
        self.assertEqual(len(live), 1, "one live grant")
        account = self.accounts()[0]
        r = subprocess.run(["secret-tool", "lookup", "server", SERVICE, "user", "oauth-refresh-token:" + account["id"]],
                           capture_output=True, text=True)
        self.assertEqual(r.stdout.strip(), live[0], "the keychain holds the live refresh token")

    def interrupt_sign_in(self, signal_number, *args):
        """Starts a sign-in whose browser does nothing, waits until outpost
        listens for the browser, sends `signal_number`; returns the exit
        status, stderr and the listener's port."""
        p = self.start(*args, mode="ignore")
        seen = ""
        deadline = time.time() + 60
        while "redirect_uri=" not in seen and time.time() < deadline:
            ready, _, _ = select.select([p.stderr], [], [], max(0.1, deadline - time.time()))
            if ready:
                chunk = os.read(p.stderr.fileno(), 4096)  # unbuffered: select() sees what is left
                if not chunk:
                    break
                seen += chunk.decode()
        match = re.search(r"redirect_uri=http%3A%2F%2F127\.0\.0\.1%3A(\d+)", seen)
        self.assertIsNotNone(match, "outpost listens for the browser: " + seen)
        time.sleep(0.5)  # the browser ("ignore") has been started and does nothing
        p.send_signal(signal_number)
        code, output = self.finish(p, timeout=30)
        return code, seen + output, int(match.group(1))

    def assert_listener_closed(self, port):
        with socket.socket() as s:
            self.assertNotEqual(s.connect_ex(("127.0.0.1", port)), 0, "the listener is closed")

    def test_interrupted_sign_ins_save_nothing(self):
        """Ctrl-C (SIGINT) or SIGTERM while the browser sign-in waits ends it:
        a clear message, exit status 130, nothing saved."""
        for signal_number in (signal.SIGINT, signal.SIGTERM):
            with self.subTest(signal=signal_number):
                d = self.world.description
                code, output, port = self.interrupt_sign_in(
                    signal_number, "account", "add", "--name", "World", "--email", d["user"], "--host",
                    d["smtp_host"], "--port", str(d["submission_port"]), "--security", "starttls", "--auth", "oauth2")
                self.assertEqual(code, 130, output)
                self.assertIn("the account was not added: Signing in was interrupted.", output)
                self.assert_listener_closed(port)
                self.assertEqual(self.accounts(), [], "no account saved")
                r = subprocess.run(["secret-tool", "search", "--all", "server", SERVICE], capture_output=True, text=True)
                self.assertNotIn("oauth-refresh-token", r.stdout + r.stderr, "no refresh token saved")

        # Signing in again, interrupted: the account and its refresh token stay as they were.
        r = self.add_account()
        self.assertEqual(r.returncode, 0, r.stderr)
        before = self.accounts()
        token = subprocess.run(["secret-tool", "lookup", "server", SERVICE, "user",
                                "oauth-refresh-token:" + before[0]["id"]], capture_output=True, text=True).stdout
        self.assertTrue(token)
        code, output, port = self.interrupt_sign_in(signal.SIGINT, "account", "login", "World")
        self.assertEqual(code, 130, output)
        self.assertIn("not signed in: Signing in was interrupted.", output)
        self.assert_listener_closed(port)
        self.assertEqual(self.accounts(), before)
        self.assertEqual(subprocess.run(["secret-tool", "lookup", "server", SERVICE, "user",
                                         "oauth-refresh-token:" + before[0]["id"]],
                                        capture_output=True, text=True).stdout, token)
        # --help names this exit status with the others.
        r = self.outpost("--help")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Exit status 130: interrupted", r.stdout)
        # A refresh takes the account's lock file; removing the account removes it too.
        r = self.outpost("account", "test", "World")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        lock = os.path.join(self.config, "outpost", "oauth2-locks", before[0]["id"] + ".lock")
        self.assertTrue(os.path.exists(lock), "the refresh took the account's lock")
        r = self.outpost("account", "remove", "World")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertFalse(os.path.exists(lock), "the removed account's refresh lock file is left behind")

    def test_no_verify_signs_in_but_does_not_try_the_server(self):
        """--no-verify with --auth oauth2: the browser sign-in still gets the
        refresh token; the mail server (here: nothing listens) is not asked."""
        d = self.world.description
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            closed_port = s.getsockname()[1]  # free again once closed: nothing listens there
        r = self.outpost("account", "add", "--name", "World", "--email", d["user"], "--host", d["smtp_host"],
                         "--port", str(closed_port), "--security", "starttls", "--auth", "oauth2", "--no-verify")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(self.provider["authorization_endpoint"], r.stderr, "the browser sign-in ran")
        self.assertIn("Saved without signing in to the mail server (--no-verify)", r.stderr)
        self.assertNotIn("Signing in to", r.stderr)
        r = self.outpost("account", "list", "--json")
        listed = json.loads(r.stdout)
        self.assertEqual([(a["auth"], a["smtp"]["port"], a["refresh_token_stored"]) for a in listed],
                         [("oauth2", closed_port, True)])

    def test_failed_sign_ins_save_nothing(self):
        timeout = {"OUTPOST_OAUTH_TIMEOUT_MS": "8000"}  # the browser's answer comes well within it
        nothing_comes = {"OUTPOST_OAUTH_TIMEOUT_MS": "2000"}  # the browser never answers
        for mode, expected, env in (("deny", "Access was not granted", timeout),
                                    # Refused without ending the sign-in; its time-out then names it.
                                    ("wrong-state", "refused an answer with a wrong state", timeout),
                                    ("other-redirect", "refused the request", timeout),
                                    ("ignore", "not completed in time", nothing_comes)):
            with self.subTest(mode=mode):
                self.assert_nothing_saved(self.add_account(mode=mode, env=env), "the account was not added", expected)

        # The token endpoint cannot be reached.
        unreachable = dict(self.provider)
        unreachable["token_endpoint"] = "https://127.0.0.1:9/o/token/"
        self.write_provider(unreachable)
        self.assert_nothing_saved(self.add_account(env=timeout), "Could not reach the sign-in server")
        self.write_provider(self.provider)

        # The world offers no device authorization (RFC 8628).
        r = self.outpost("account", "add", "--email", self.world.description["user"], "--host", "127.0.0.1",
                         "--auth", "oauth2", "--no-browser")
        self.assert_nothing_saved(r, "does not offer signing in without a browser")

        # No provider for the host, and a provider without a client id.
        r = self.outpost("account", "add", "--email", "ada@unknown.test", "--host", "smtp.unknown.test", "--auth", "oauth2")
        self.assert_nothing_saved(r, "Outpost knows no OAuth 2.0 provider for smtp.unknown.test", "oauth2")
        r = self.outpost("account", "add", "--email", "ada@gmail.com", "--host", "smtp.gmail.com", "--auth", "oauth2")
        self.assertEqual(r.returncode, 78, r.stderr)
        self.assert_nothing_saved(r, "OUTPOST_OAUTH_GOOGLE_CLIENT_ID", os.path.join("oauth2", "google.json"))

    def test_added_without_host_through_discovery(self):
        """`account add --auth oauth2` without --host: discovery names the
        server and its <oAuth2> block. The source is the override file an
        administrator puts in $XDG_CONFIG_HOME/outpost/isp/ (it ends the
        lookups before anything goes on the network, so no DNS is needed);
        the provider comes from the block, its client id from a provider
        file with the same issuer and no hosts."""
        d = self.world.description
        isp = os.path.join(self.config, "outpost", "isp")
        os.makedirs(isp)
        with open(os.path.join(isp, d["user"].split("@", 1)[1] + ".xml"), "w") as f:
            f.write('<?xml version="1.0"?>\n<clientConfig version="1.1"><emailProvider id="world">'
                    "<domain>%s</domain><displayName>The OAuth world</displayName>"
                    '<outgoingServer type="smtp"><hostname>%s</hostname><port>%d</port>'
                    "<socketType>STARTTLS</socketType><authentication>OAuth2</authentication>"
                    "<username>%%EMAILADDRESS%%</username></outgoingServer></emailProvider>"
                    "<oAuth2><issuer>%s</issuer><scope>%s</scope><authURL>%s</authURL><tokenURL>%s</tokenURL>"
                    "</oAuth2></clientConfig>\n"
                    % (d["user"].split("@", 1)[1], d["smtp_host"], d["submission_port"], d["issuer"],
                       " ".join(d["scopes"]), d["authorization_endpoint"], d["token_endpoint"]))
        self.write_provider({"issuer": d["issuer"], "client_id": d["client_id"]})
        r = self.outpost("account", "add", "--name", "World", "--email", d["user"], "--auth", "oauth2")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Found %s" % d["smtp_host"], r.stderr)
        self.assertIn(d["authorization_endpoint"] + "?", r.stderr, "the browser sign-in ran at the block's endpoint")
        self.assertIn("Signed in successfully.", r.stderr)
        listed = json.loads(self.outpost("account", "list", "--json").stdout)
        self.assertEqual([(a["auth"], a["smtp"]["host"], a["smtp"]["port"], a["refresh_token_stored"]) for a in listed],
                         [("oauth2", d["smtp_host"], d["submission_port"], True)])
        r = self.send("discovered")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.wait_delivered("discovered")


if __name__ == "__main__":
    unittest.main(verbosity=2)
