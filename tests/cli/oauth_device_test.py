#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The device authorization grant (RFC 8628) through the real `outpost`
command line against a real authorization server (issue 24).

`outpost account add --auth oauth2 --no-browser` and `account login NAME
--no-browser` against a private Glewlwyd (tests/scripts/glewlwyd_instance.py:
Debian's glewlwyd with the device grant, refresh tokens, short access
tokens), with a mail server that accepts only valid Glewlwyd access tokens
(TokenCheckingSmtp), and a person who reads the verification URI and the
code from Outpost's standard error and completes the sign-in on Glewlwyd's
pages. Runs inside with_keyring.sh: refresh tokens go to a real Secret
Service.

    oauth_device_test.py DeviceFlowCli.test_NAME
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "scripts"))
from glewlwyd_instance import GlewlwydInstance, Person, TokenCheckingSmtp, TokenEndpointRelay  # noqa: E402
from oauth_world import make_certs  # noqa: E402

OUTPOST = os.path.abspath(os.environ.get("OUTPOST_BINARY", os.path.join(HERE, "..", "..", "build", "app", "outpost")))
SERVICE = "Outpost-oauth-device-test"
CODE_EXPIRED = "The code expired before the sign-in was completed."
PROMPT = re.compile(r"open (\S+) in a browser and enter the code (\S+)")


class DeviceFlowCli(unittest.TestCase):
    def start_world(self, access_token_lifetime=120, device_code_lifetime=600, poll_interval=2):
        self.glewlwyd = GlewlwydInstance(access_token_lifetime, device_code_lifetime, poll_interval).start()
        self.addCleanup(self.glewlwyd.stop)
        self.home = tempfile.mkdtemp(prefix="outpost-device-")
        self.config = os.path.join(self.home, "config")
        self.data = os.path.join(self.home, "data")
        self.logs = os.path.join(self.home, "logs")
        os.makedirs(os.path.join(self.config, "outpost", "oauth2"))
        os.makedirs(self.logs)
        self.ca, cert, key = make_certs(self.home)
        self.smtp = TokenCheckingSmtp(self.glewlwyd, cert, key, self.logs).start()
        self.addCleanup(self.smtp.stop)
        # Outpost's polls go through a relay that notes when they come.
        self.relay = TokenEndpointRelay(self.glewlwyd).start()
        self.addCleanup(self.relay.stop)
        with open(os.path.join(self.config, "outpost", "oauth2", "glewlwyd.json"), "w") as f:
            json.dump(self.glewlwyd.provider(["127.0.0.1"], token_endpoint=self.relay.url), f)
        self.runs = 0

    def env(self):
        e = dict(os.environ)
        e.update({"XDG_CONFIG_HOME": self.config, "XDG_DATA_HOME": self.data,
                  "OUTPOST_KEYCHAIN_SERVICE": SERVICE, "OUTPOST_LANGUAGE": "en",
                  "OUTPOST_EXTRA_CA_FILE": self.ca,
                  "OUTPOST_PROTOCOL_LOG": os.path.join(self.logs, "protocol.log")})
        e.pop("BROWSER", None)
        return e

    def keep(self, args, code, out, err):
        self.runs += 1
        with open(os.path.join(self.logs, "run-%02d.log" % self.runs), "w") as f:
            f.write("$ outpost %s\nexit %d\n%s\n%s" % (" ".join(args), code, out, err))

    def outpost(self, *args, timeout=120):
        r = subprocess.run([OUTPOST, *args], env=self.env(), capture_output=True, text=True, timeout=timeout)
        self.keep(args, r.returncode, r.stdout, r.stderr)
        return r

    def with_person(self, args, act, timeout=120):
        """Runs outpost; act(verification_uri, user_code) runs as soon as
        they are on its standard error. Returns (exit, stdout, stderr, what act returned)."""
        p = subprocess.Popen([OUTPOST, *args], env=self.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
        err_lines, acted = [], {}

        def read_stderr():
            for line in p.stderr:
                err_lines.append(line)
                m = PROMPT.search(line)
                if m and "result" not in acted:
                    try:
                        acted["result"] = act(m.group(1), m.group(2))
                    except Exception as e:  # reported by the test below
                        acted["result"] = e
        reader = threading.Thread(target=read_stderr, daemon=True)
        reader.start()
        out = p.stdout.read()
        p.wait(timeout)
        reader.join(30)
        err = "".join(err_lines)
        self.keep(args, p.returncode, out, err)
        result = acted.get("result")
        if isinstance(result, Exception):
            raise AssertionError("the person could not complete the sign-in: %s\n%s" % (result, err)) from result
        self.assertIn("result", acted, "Outpost printed no verification URI and code:\n" + err)
        return p.returncode, out, err, result

    def add_account(self, act):
        return self.with_person(["account", "add", "--name", "Device", "--email", self.glewlwyd.description["email"],
                                 "--host", "127.0.0.1", "--port", str(self.smtp.port), "--security", "starttls",
                                 "--auth", "oauth2", "--no-browser"], act)

    def accounts(self):
        path = os.path.join(self.config, "outpost", "accounts.json")
        if not os.path.exists(path):
            return []
        with open(path) as f:
            return json.load(f).get("accounts", [])

    def keychain_refresh_token(self, account_id):
        r = subprocess.run(["secret-tool", "lookup", "server", SERVICE, "user", "oauth-refresh-token:" + account_id],
                           capture_output=True, text=True)
        return r.stdout.strip()

    def assert_nothing_saved(self, code, err, *expected):
        self.assertEqual(code, 77, err)
        for text in ("the account was not added", *expected):
            self.assertIn(text, err)
        self.assertEqual(self.accounts(), [], "no account saved")
        r = subprocess.run(["secret-tool", "search", "--all", "server", SERVICE], capture_output=True, text=True)
        self.assertNotIn("oauth-refresh-token", r.stdout + r.stderr, "no refresh token saved")

    def assert_no_token_in_files(self, tokens):
        self.assertTrue(tokens, "the test saw tokens")
        files = [p for root in (self.config, self.data, self.logs)
                 for p in glob.glob(os.path.join(root, "**"), recursive=True) if os.path.isfile(p)]
        self.assertTrue(any(p.endswith("accounts.json") for p in files))
        self.assertTrue(any(p.endswith("protocol.log") for p in files))
        for path in files:
            with open(path, "rb") as f:
                content = f.read()
            for token in tokens:
                self.assertNotIn(token.encode(), content, "a token in " + path)
        for token in tokens:
            self.assertEqual(self.glewlwyd.leaked(token), [], "a token in Glewlwyd's logs")

    def test_sign_in_saves_the_account_refreshes_and_signs_in_again(self):
        # Long enough for each process to use its token at once, short
        # enough that waiting past the first one's expiry costs little.
        lifetime = 8
        self.start_world(access_token_lifetime=lifetime)
        person = Person(self.glewlwyd)
        code, out, err, _ = self.add_account(person.approve)
        self.assertEqual(code, 0, err)
        self.assertIn("To sign in, open %s/api/oidc/device in a browser and enter the code"
                      % self.glewlwyd.description["base"], err)
        self.assertIn("Signed in successfully.", err)
        self.assertIn("Added account Device", out)
        self.assertEqual(len(self.smtp.accepted), 1, "the add tried the token on the mail server")
        self.assertEqual(self.smtp.refused, [])

        r = self.outpost("account", "list", "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        listed = json.loads(r.stdout)
        self.assertEqual([(a["name"], a["auth"], a["refresh_token_stored"]) for a in listed],
                         [("Device", "oauth2", True)])
        account_id = self.accounts()[0]["id"]
        first_refresh_token = self.keychain_refresh_token(account_id)
        self.assertTrue(first_refresh_token, "the refresh token is in the keychain")

        # Past the access token's lifetime the mail server refuses it; a new
        # one comes from Glewlwyd's token endpoint with the refresh token.
        first = self.smtp.accepted[0]
        time.sleep(max(0.0, first["exp"] + 1 - time.time()))
        r = self.outpost("account", "test", "Device", "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(json.loads(r.stdout)["ok"], r.stdout)
        self.assertEqual(len(self.smtp.accepted), 2)
        second = self.smtp.accepted[1]
        self.assertNotEqual(second["jti"], first["jti"])
        self.assertGreater(second["iat"], first["exp"], "a token issued after the first one expired")
        r = self.outpost("send", "--from", "Device", "--to", "bob@example.test", "--subject", "Over the device grant",
                         "--body", "Hello", "--wait")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sum(1 for m in self.smtp.messages if b"Subject: Over the device grant" in m), 1)

        # account login NAME --no-browser signs in again the same way.
        code, out, err, _ = self.with_person(["account", "login", "Device", "--no-browser"], Person(self.glewlwyd).approve)
        self.assertEqual(code, 0, err)
        second_refresh_token = self.keychain_refresh_token(account_id)
        self.assertTrue(second_refresh_token)
        self.assertNotEqual(second_refresh_token, first_refresh_token, "the new sign-in's refresh token is kept")
        r = self.outpost("account", "test", "Device", "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.smtp.refused, [])

        self.assert_no_token_in_files(self.smtp.tokens | {first_refresh_token, second_refresh_token})

    def test_refused_consent_ends_when_the_code_expires_and_saves_nothing(self):
        # Glewlwyd has no "deny" for a device code: the person who grants
        # nothing is sent back to its login page and the code stays pending.
        self.start_world(device_code_lifetime=10)
        started = time.time()
        code, _, err, prompt = self.add_account(Person(self.glewlwyd).refuse)
        self.assertNotEqual(prompt, "deviceComplete", "Glewlwyd did not take a refused consent as approval")
        self.assertGreaterEqual(time.time() - started, 9, "Outpost waited while the code lived")
        # RFC 8628 §3.5: polls no sooner than the interval Glewlwyd gave (2 s),
        # or it answers slow_down.
        self.assertGreaterEqual(len(self.relay.polls), 3, self.relay.polls)
        answers = [error for _, error in self.relay.polls]
        # Glewlwyd keeps expiries in whole seconds: a last poll just before
        # Outpost's own deadline may already hear expired_token.
        self.assertEqual(set(answers[:-1]), {"authorization_pending"})
        self.assertIn(answers[-1], ("authorization_pending", "expired_token"))
        self.assertGreaterEqual(min(self.relay.gaps()), 2.0, self.relay.gaps())
        # Said the same way whether Glewlwyd or Outpost's clock saw it first.
        self.assert_nothing_saved(code, err, CODE_EXPIRED)
        self.assertEqual(self.smtp.accepted + self.smtp.refused, [], "no token reached the mail server")

    def test_an_expired_code_says_so_and_saves_nothing(self):
        self.start_world(device_code_lifetime=6)
        seen = {}
        code, _, err, _ = self.add_account(lambda uri, user_code: seen.update(uri=uri, code=user_code))
        self.assert_nothing_saved(code, err, CODE_EXPIRED)
        # The person who comes too late is told the code is no good.
        person = Person(self.glewlwyd)
        person.open(seen["uri"])
        person.sign_in()
        person.consent(self.glewlwyd.description["scopes"])
        self.assertEqual(person.enter_code(seen["uri"], seen["code"]), "deviceCodeError")

    def test_an_approval_withdrawn_at_the_provider_is_access_denied(self):
        # The person approves; before Outpost's next poll (5 s) the provider
        # removes the user, and Glewlwyd answers the poll with access_denied.
        self.start_world(poll_interval=5)

        def approve_then_withdraw(uri, user_code):
            Person(self.glewlwyd).approve(uri, user_code)
            self.glewlwyd.delete_user()
        code, _, err, _ = self.add_account(approve_then_withdraw)
        self.assert_nothing_saved(code, err, "Access was not granted")


if __name__ == "__main__":
    unittest.main(verbosity=2)
