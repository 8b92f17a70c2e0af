#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The OAuth 2.0 test world is real (issue 24).

These tests do not test Outpost: they prove that the world the Outpost
tests stand on behaves as a mail provider does. A small client written
here does the authorization code flow with PKCE through a loopback
listener, the person at the browser is oauth_browser.py, and smtplib
signs in to Postfix, which asks Dovecot, which asks the authorization
server (RFC 7662) about every token.
"""
import base64
import hashlib
import http.server
import json
import os
import secrets
import smtplib
import socket
import ssl
import subprocess
import sys
import threading
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request
from email.message import EmailMessage

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from oauth_world import OAuthWorld  # noqa: E402

LIFETIME = 12  # seconds an access token lives in this world (a test uses its token within a few)


class Listener:
    """The application's loopback redirect listener (RFC 8252 §7.3): one
    port chosen by the system, records the query of each redirect."""

    def __init__(self, path="/"):
        self.path = path
        self.queries = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                url = urllib.parse.urlsplit(self.path)
                if url.path == outer.path:
                    outer.queries.append(dict(urllib.parse.parse_qsl(url.query)))
                    self.send_response(200)
                    self.end_headers()
                    self.wfile.write(b"Signed in; you can close this window.")
                else:
                    self.send_response(404)
                    self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def redirect_uri(self):
        return "http://127.0.0.1:%d%s" % (self.server.server_address[1], self.path)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class Client:
    """A public OAuth client, as Outpost is: PKCE S256, state, loopback."""

    def __init__(self, world):
        self.world = world
        self.d = world.description
        self.context = ssl.create_default_context(cafile=self.d["ca_file"])

    def authorization_url(self, redirect_uri, state, challenge):
        q = {"response_type": "code", "client_id": self.d["client_id"], "redirect_uri": redirect_uri,
             "scope": " ".join(self.d["scopes"]), "state": state, "login_hint": self.d["user"]}
        if challenge:
            q.update({"code_challenge": challenge, "code_challenge_method": "S256"})
        return self.d["authorization_endpoint"] + "?" + urllib.parse.urlencode(q)

    def browse(self, url, mode="consent"):
        """Runs the person at the browser, as xdg-open would."""
        return subprocess.run([self.world.env()["BROWSER"], url], env=self.world.env(browser_mode=mode),
                              timeout=60).returncode

    def authorize(self, mode="consent", pkce=True):
        """Returns (redirect query the listener got or None, state, verifier, redirect_uri)."""
        listener = Listener()
        try:
            verifier = secrets.token_urlsafe(48)
            challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            state = secrets.token_urlsafe(16)
            self.browse(self.authorization_url(listener.redirect_uri, state, challenge if pkce else None), mode)
            got = listener.queries[0] if listener.queries else None
            return got, state, verifier, listener.redirect_uri
        finally:
            listener.close()

    def token_request(self, form):
        req = urllib.request.Request(self.d["token_endpoint"], data=urllib.parse.urlencode(form).encode())
        try:
            with urllib.request.urlopen(req, context=self.context, timeout=30) as r:
                return r.status, json.loads(r.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"{}")

    def exchange(self, code, verifier, redirect_uri):
        form = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
                "client_id": self.d["client_id"]}
        if verifier is not None:
            form["code_verifier"] = verifier
        return self.token_request(form)

    def refresh(self, refresh_token):
        return self.token_request({"grant_type": "refresh_token", "refresh_token": refresh_token,
                                   "client_id": self.d["client_id"]})

    def sign_in(self):
        """The whole flow; returns the token response."""
        got, state, verifier, redirect_uri = self.authorize()
        assert got and got.get("state") == state and "code" in got, "no code came back: %r" % (
            sorted(got) if got else got)
        status, tokens = self.exchange(got["code"], verifier, redirect_uri)
        assert status == 200, "token request refused: %d %r" % (status, tokens)
        return tokens


def xoauth2(user, token):
    return "user=%s\x01auth=Bearer %s\x01\x01" % (user, token)


def oauthbearer(user, token):
    return "n,a=%s,\x01auth=Bearer %s\x01\x01" % (user, token)


class Smtp:
    """smtplib on the submission port (STARTTLS, the test CA)."""

    def __init__(self, world):
        self.d = world.description

    def send(self, mechanism, response, subject):
        """Signs in with the initial response and sends one message. Returns
        (ok, the 334 error challenge decoded or None, the final reply)."""
        challenges = []

        def answer(challenge=None):
            if challenge is None:
                return response
            challenges.append(challenge)
            return ""  # RFC 7628 §3.2.3: a dummy response ends the exchange

        with smtplib.SMTP(self.d["smtp_host"], self.d["submission_port"], timeout=30) as s:
            s.starttls(context=ssl.create_default_context(cafile=self.d["ca_file"]))
            s.ehlo()
            try:
                code, text = s.auth(mechanism, answer, initial_response_ok=True)
            except smtplib.SMTPAuthenticationError as e:
                return False, challenges[0].decode() if challenges else None, (e.smtp_code, e.smtp_error)
            msg = EmailMessage()
            msg["From"] = self.d["user"]
            msg["To"] = "bob@example.test"
            msg["Subject"] = subject
            msg.set_content("Sent through the OAuth test world.\n")
            s.send_message(msg)
            return True, None, (code, text)


class OAuthWorldTest(unittest.TestCase):
    world = None

    @classmethod
    def setUpClass(cls):
        started = time.monotonic()
        cls.world = OAuthWorld(access_token_lifetime=LIFETIME).start()
        cls.startup = time.monotonic() - started
        cls.client = Client(cls.world)
        cls.smtp = Smtp(cls.world)
        cls.tokens_seen = []

    @classmethod
    def tearDownClass(cls):
        if cls.world:
            cls.world.stop()

    def sign_in(self):
        tokens = self.client.sign_in()
        self.tokens_seen += [tokens["access_token"], tokens["refresh_token"]]
        return tokens

    def wait_for_message(self, subject, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for m in self.world.messages():
                if ("Subject: %s\n" % subject).encode() in m.replace(b"\r\n", b"\n"):
                    return m
            time.sleep(0.1)
        self.fail("no message %r was delivered to %s" % (subject, self.world.description["maildir"]))

    def test_00_the_world_starts_quickly_and_describes_itself(self):
        self.assertLess(self.startup, 10, "the world took %.1f s to start" % self.startup)
        d = self.world.description
        for key in ("issuer", "authorization_endpoint", "token_endpoint", "revocation_endpoint",
                    "introspection_endpoint", "client_id", "user", "password", "smtp_host", "submission_port",
                    "smtps_port", "ca_file", "maildir", "provider_file", "revoke_command"):
            self.assertTrue(d.get(key), key)
        self.assertIsNone(d["device_authorization_endpoint"])
        ctx = ssl.create_default_context(cafile=d["ca_file"])
        with urllib.request.urlopen(d["metadata_url"], context=ctx, timeout=10) as r:
            meta = json.loads(r.read())
        self.assertEqual(meta["issuer"], d["issuer"])
        self.assertEqual(meta["token_endpoint"], d["token_endpoint"])
        self.assertEqual(meta["code_challenge_methods_supported"], ["S256"])
        with open(d["provider_file"]) as f:
            provider = json.load(f)
        self.assertEqual(provider["client_id"], d["client_id"])
        self.assertIn("127.0.0.1", provider["hosts"])

    def test_authorization_code_with_pkce_gets_tokens(self):
        tokens = self.sign_in()
        self.assertEqual(tokens["token_type"].lower(), "bearer")
        self.assertTrue(tokens["refresh_token"])
        self.assertLessEqual(tokens["expires_in"], LIFETIME)
        self.assertGreater(tokens["expires_in"], LIFETIME - 5)

    def test_without_pkce_the_server_refuses(self):
        got, state, _, _ = self.client.authorize(pkce=False)
        self.assertIsNotNone(got, "the server did not redirect back")
        self.assertNotIn("code", sorted(got))  # the keys only: a failure never prints a code
        self.assertEqual(got.get("error"), "invalid_request")
        self.assertEqual(got.get("state"), state)
        # A code asked for with a challenge is worth nothing without the verifier.
        got, _, verifier, redirect_uri = self.client.authorize()
        status, answer = self.client.exchange(got["code"], None, redirect_uri)
        self.assertEqual(status, 400)
        self.assertIn(answer.get("error"), ("invalid_request", "invalid_grant"))
        status, answer = self.client.exchange(got["code"], "x" * 50, redirect_uri)
        self.assertEqual(status, 400, "a wrong verifier was accepted")

    def test_xoauth2_and_oauthbearer_sign_in_and_deliver(self):
        tokens = self.sign_in()
        user = self.world.description["user"]
        for mechanism, response in (("XOAUTH2", xoauth2), ("OAUTHBEARER", oauthbearer)):
            with self.subTest(mechanism=mechanism):
                subject = "via %s %s" % (mechanism, secrets.token_hex(4))
                ok, challenge, reply = self.smtp.send(mechanism, response(user, tokens["access_token"]), subject)
                self.assertTrue(ok, "%s refused a fresh token: %r %r" % (mechanism, challenge, reply))
                self.assertEqual(reply[0], 235)
                self.assertIn(b"Sent through the OAuth test world.", self.wait_for_message(subject))

    def assertRefused(self, mechanism, response):
        ok, challenge, reply = self.smtp.send(mechanism, response, "must not arrive")
        self.assertFalse(ok, "%s accepted a token it must refuse" % mechanism)
        self.assertEqual(reply[0], 535, reply)
        # RFC 7628 §3.2.2: the error comes as a JSON challenge first; XOAUTH2
        # says it as Google does, with an HTTP status.
        self.assertIsNotNone(challenge, "no 334 error challenge before the 535")
        self.assertEqual(json.loads(challenge).get("status"), "401" if mechanism == "XOAUTH2" else "invalid_token")

    def test_a_garbage_token_is_refused(self):
        user = self.world.description["user"]
        self.assertRefused("XOAUTH2", xoauth2(user, "garbage" + secrets.token_hex(8)))
        self.assertRefused("OAUTHBEARER", oauthbearer(user, "garbage" + secrets.token_hex(8)))

    def test_a_token_of_another_user_name_is_refused(self):
        tokens = self.sign_in()
        self.assertRefused("XOAUTH2", xoauth2("mallory@example.test", tokens["access_token"]))

    def test_the_password_does_not_sign_in(self):
        d = self.world.description
        with smtplib.SMTP(d["smtp_host"], d["submission_port"], timeout=30) as s:
            s.starttls(context=ssl.create_default_context(cafile=d["ca_file"]))
            s.ehlo()
            self.assertEqual(sorted(s.esmtp_features["auth"].upper().split()), ["OAUTHBEARER", "PLAIN", "XOAUTH2"])
            with self.assertRaises(smtplib.SMTPAuthenticationError) as e:
                s.login(d["user"], d["password"])
            self.assertEqual(e.exception.smtp_code, 535)

    def test_a_revoked_grant_is_refused_and_cannot_refresh(self):
        tokens = self.sign_in()
        user = self.world.description["user"]
        ok, _, _ = self.smtp.send("XOAUTH2", xoauth2(user, tokens["access_token"]), "before revoking")
        self.assertTrue(ok)
        self.assertGreaterEqual(self.world.revoke_grants(), 1)
        self.assertRefused("XOAUTH2", xoauth2(user, tokens["access_token"]))
        self.assertRefused("OAUTHBEARER", oauthbearer(user, tokens["access_token"]))
        status, answer = self.client.refresh(tokens["refresh_token"])
        self.assertEqual((status, answer.get("error")), (400, "invalid_grant"))

    def test_the_client_revokes_its_refresh_token(self):
        tokens = self.sign_in()
        req = urllib.request.Request(self.world.description["revocation_endpoint"], data=urllib.parse.urlencode(
            {"token": tokens["refresh_token"], "token_type_hint": "refresh_token",
             "client_id": self.world.description["client_id"]}).encode())
        with urllib.request.urlopen(req, context=self.client.context, timeout=30) as r:
            self.assertEqual(r.status, 200)
        status, answer = self.client.refresh(tokens["refresh_token"])
        self.assertEqual((status, answer.get("error")), (400, "invalid_grant"))

    def test_an_expired_token_is_refused_and_a_refreshed_one_works(self):
        tokens = self.sign_in()
        user = self.world.description["user"]
        time.sleep(LIFETIME + 2)
        self.assertRefused("XOAUTH2", xoauth2(user, tokens["access_token"]))
        self.assertRefused("OAUTHBEARER", oauthbearer(user, tokens["access_token"]))
        status, fresh = self.client.refresh(tokens["refresh_token"])
        self.assertEqual(status, 200, fresh)
        self.tokens_seen += [fresh["access_token"], fresh["refresh_token"]]
        self.assertNotEqual(fresh["access_token"], tokens["access_token"])
        subject = "after refreshing %s" % secrets.token_hex(4)
        ok, challenge, reply = self.smtp.send("OAUTHBEARER", oauthbearer(user, fresh["access_token"]), subject)
        self.assertTrue(ok, (challenge, reply))
        self.wait_for_message(subject)
        # The refresh token rotates: the used one is dead.
        status, answer = self.client.refresh(tokens["refresh_token"])
        self.assertEqual((status, answer.get("error")), (400, "invalid_grant"))

    def test_the_person_can_deny(self):
        got, state, _, _ = self.client.authorize(mode="deny")
        self.assertEqual(got, {"error": "access_denied", "state": state})

    def test_a_closed_browser_sends_nothing(self):
        got, _, _, _ = self.client.authorize(mode="ignore")
        self.assertIsNone(got)

    def test_a_wrong_password_never_reaches_the_application(self):
        got, _, _, _ = self.client.authorize(mode="wrong-password")
        self.assertIsNone(got)

    def test_a_tampered_state_arrives_as_such(self):
        got, state, _, _ = self.client.authorize(mode="wrong-state")
        self.assertIn("code", got)
        self.assertNotEqual(got["state"], state)

    def test_a_code_for_another_redirect_is_refused(self):
        got, state, verifier, redirect_uri = self.client.authorize(mode="other-redirect")
        self.assertEqual(got.get("state"), state)
        status, answer = self.client.exchange(got["code"], verifier, redirect_uri)
        self.assertEqual(status, 400, "a code issued for another redirect URI was exchanged")
        self.assertEqual(answer.get("error"), "invalid_request")

    def test_zz_no_token_in_any_log(self):
        self.assertTrue(self.tokens_seen, "no test signed in before this one")
        self.assertTrue(os.path.exists(os.path.join(self.world.dir, "browser.log")))
        for token in self.tokens_seen:
            self.assertEqual(self.world.leaked(token), [], "a token is in a log")


class KeptRefreshTokenTest(unittest.TestCase):
    def test_without_rotation_a_refresh_token_serves_again(self):
        with OAuthWorld(rotate_refresh_tokens=False) as world:
            client = Client(world)
            tokens = client.sign_in()
            for _ in range(2):
                status, answer = client.refresh(tokens["refresh_token"])
                self.assertEqual(status, 200, answer.get("error"))
            self.assertEqual(world.leaked(tokens["refresh_token"]), [])


class WorldCommandTest(unittest.TestCase):
    """oauth_world.py as a program: `run -- COMMAND` and the wrapper form."""

    def run_world(self, *argv):
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts", "oauth_world.py")
        probe = ("import json, os, sys; d = json.loads(os.environ['OAUTH_WORLD_JSON']); "
                 "print(json.dumps({'d': d, 'env': {k: os.environ.get(k) for k in "
                 "('OAUTH_WORLD_DIR', 'BROWSER', 'OAUTH_BROWSER_LOG', 'OUTPOST_EXTRA_CA_FILE')}})); sys.exit(7)")
        r = subprocess.run([sys.executable, script, *argv, sys.executable, "-c", probe],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 7, "the command's exit status is not passed on: " + r.stderr)
        return json.loads(r.stdout)

    def assertTornDown(self, d):
        self.assertFalse(os.path.exists(d["dir"]), "the world's directory is left behind")
        for port in (d["submission_port"], urllib.parse.urlsplit(d["issuer"]).port):
            with self.assertRaises(OSError, msg="port %d still answers" % port):
                socket.create_connection(("127.0.0.1", port), timeout=2).close()

    def test_run_gives_the_command_the_description_and_tears_down(self):
        out = self.run_world("run", "--access-token-lifetime", "33", "--keep-refresh-tokens", "--")
        d, env = out["d"], out["env"]
        self.assertEqual(d["access_token_lifetime"], 33)
        self.assertFalse(d["rotates_refresh_tokens"])
        self.assertEqual(env["OAUTH_WORLD_DIR"], d["dir"])
        self.assertEqual(env["OUTPOST_EXTRA_CA_FILE"], d["ca_file"])
        self.assertTrue(os.access(env["BROWSER"], os.X_OK), "BROWSER is not executable")
        self.assertTornDown(d)

    def test_as_a_wrapper_the_command_follows_directly(self):
        d = self.run_world()["d"]
        self.assertEqual(d["access_token_lifetime"], 120)
        self.assertTrue(d["rotates_refresh_tokens"])
        self.assertTornDown(d)


if __name__ == "__main__":
    unittest.main(verbosity=2)
