# SPDX-License-Identifier: GPL-3.0-or-later
"""OAuth 2.0 in the desktop app (issue 24), as a person meets it: the real
`outpost` process in a real window (Xvfb + openbox), the real Secret Service
for the refresh token, and the world of tests/scripts/oauth_world.py — a real
authorization server (django-oauth-toolkit, PKCE required, short-lived
access tokens), Postfix with Dovecot checking every token, and $BROWSER set
to the script that plays the person at the browser.

    oauth_test.py --outpost build/app/outpost [-k NAME]
"""
import datetime
import email
import email.policy
import fcntl
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse

import desktop
from desktop import DesktopTest, wait_until
from wizard_test import WIZARD, WizardSteps

sys.path.insert(0, desktop.SCRIPTS)
from oauth_world import OAuthWorld  # noqa: E402
from postfix_instance import free_port  # noqa: E402


def lock_is_free(path):
    """True when the OAuth refresh lock (a flock) can be taken now."""
    try:
        with open(path, "a") as f:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            fcntl.flock(f, fcntl.LOCK_UN)
            return True
    except OSError:
        return False

# Short, so that a test can wait past it. Outpost refreshes a token that
# has less than a minute left, so with these every send would refresh;
# WizardOAuthTest sets a margin of MARGIN instead, so that a token in memory
# is also used again (see docs/design/OAUTH.md, Tests).
LIFETIME = 20
MARGIN = 5


class OAuthTest(WizardSteps, DesktopTest):
    keyring = True  # the refresh token goes to gnome-keyring
    browser_mode = None  # what the person at the browser does (oauth_browser.py)

    def setUp(self):
        self.world = OAuthWorld(access_token_lifetime=LIFETIME).start()
        try:
            env = self.world.env(base={}, browser_mode=self.browser_mode)
            self.desktop_env = env
            super().setUp()
            # The test provider, as a person describes a company's server.
            providers = os.path.join(self.desktop.env["XDG_CONFIG_HOME"], "outpost", "oauth2")
            os.makedirs(providers)
            shutil.copy(self.world.description["provider_file"], os.path.join(providers, "test-provider.json"))
            self.desktop.settings(**{"send/undoDelaySeconds": 0})
        except BaseException:
            self.world.stop()
            raise
        self.tokens = set()

    def tearDown(self):
        try:
            super().tearDown()
        finally:
            self.world.stop()

    # --- the world -------------------------------------------------------------

    def note_tokens(self):
        """Every token the server knows now (revoked ones vanish from its
        database, so this is asked at each step)."""
        db = os.path.join(self.world.dir, "authserver", "db.sqlite3")
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10) as c:
            for table in ("oauth2_provider_accesstoken", "oauth2_provider_refreshtoken"):
                self.tokens.update(row[0] for row in c.execute(f"SELECT token FROM {table}"))

    def access_token_expiry(self):
        """When the newest access token the server issued expires (seconds
        since the epoch; the server keeps it in UTC)."""
        db = os.path.join(self.world.dir, "authserver", "db.sqlite3")
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10) as c:
            expires = c.execute("SELECT MAX(expires) FROM oauth2_provider_accesstoken").fetchone()[0]
        self.assertIsNotNone(expires, "the server holds no access token")
        return datetime.datetime.fromisoformat(expires).replace(tzinfo=datetime.timezone.utc).timestamp()

    def live_grants(self):
        """Refresh tokens the server would still honour."""
        db = os.path.join(self.world.dir, "authserver", "db.sqlite3")
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10) as c:
            return c.execute("SELECT COUNT(*) FROM oauth2_provider_refreshtoken WHERE revoked IS NULL").fetchone()[0]

    def consents(self):
        """How often the person at the browser pressed "Authorize"."""
        path = os.path.join(self.world.dir, "browser.log")
        if not os.path.exists(path):
            return 0
        with open(path) as f:
            return sum("presses Authorize" in line for line in f)

    def server_log(self, path, needle):
        """The lines of one of the world's logs that contain `needle`."""
        with open(path, errors="replace") as f:
            return [line.strip() for line in f if needle in line]

    def token_requests(self):
        """Token endpoint answers (a sign-in's code or a refresh)."""
        return len(self.server_log(os.path.join(self.world.dir, "authserver", "access.log"), "POST /o/token/ 200"))

    def introspections(self):
        """How often the mail server asked about a token: one per AUTH."""
        return len(self.server_log(os.path.join(self.world.dir, "authserver", "access.log"), "POST /o/introspect/"))

    def refused_sign_ins(self):
        """The SMTP sign-ins Postfix refused ("SASL ... authentication failed")."""
        maillog = next(p for p in self.world.description["logs"] if p.endswith("maillog"))
        return self.server_log(maillog, "authentication failed")

    def subjects(self):
        return [email.message_from_bytes(m, policy=email.policy.default)["Subject"] for m in self.world.messages()]

    def wait_delivered(self, subjects, timeout=60):
        wait_until(lambda: len(self.world.messages()) >= len(subjects), timeout,
                   what=f"{subjects} at the server (there: {self.subjects()})")
        time.sleep(1)  # a second copy would arrive now
        self.assertEqual(sorted(self.subjects()), sorted(subjects))

    def assert_no_token_anywhere(self):
        self.assertTrue(self.tokens, "the server issued no token: nothing to look for")
        hits = []
        for token in self.tokens:
            needle = token.encode()
            hits += [(path, "world") for path in self.world.leaked(token)]
            for folder, _, files in os.walk(self.desktop.tmp):  # the profile and Outpost's own logs
                for name in files:
                    path = os.path.join(folder, name)
                    if not os.path.isfile(path) or os.path.getsize(path) > 50 * 1024 * 1024:
                        continue
                    with open(path, "rb") as f:
                        if needle in f.read():
                            hits.append((path, "profile"))
        self.assertEqual(hits, [], "a token was written to a file")

    # --- what the person does ------------------------------------------------------

    def wizard_to_browser_sign_in(self):
        d = self.world.description
        wizard = self.manual_setup(d["smtp_host"], d["submission_port"], no_encryption=False, no_sign_in=False,
                                   address=d["user"], password="", starttls=True, oauth=True)
        button = wizard.find("push button", r"^Sign in with .* in your browser$", timeout=15)
        self.desktop.click(button)
        return wizard

    def add_account_on_the_command_line(self):
        """"Work", signed in through the browser by `outpost account add`."""
        d = self.world.description
        self.desktop.outpost("account", "add", "--name", "Work", "--email", d["user"], "--host", d["smtp_host"],
                             "--port", str(d["submission_port"]), "--security", "starttls", "--auth", "oauth2")
        self.assertEqual(self.live_grants(), 1)

    def accounts(self):
        return json.loads(self.desktop.outpost("account", "list", "--json").stdout)

    def open_in_gui(self, *args):
        """`outpost ARGS`: the running instance takes them over, or, once
        the last one has quit (nothing left to send), this one is the GUI."""
        launched = self.desktop.launch(*args)
        try:
            wait_until(lambda: launched.proc.poll() is not None, 5, what="the arguments to be handed over")
            self.assertEqual(launched.proc.returncode, 0, launched.log())
        except AssertionError:
            if launched.proc.poll() is not None:
                raise
            self.app = launched

    def send(self, subject):
        self.open_in_gui("compose", "--to", "bob@example.test", "--subject", subject, "--body", f"{subject}.")
        self.app.window(rf"{subject} — Outpost", timeout=15)
        self.desktop.activate(subject)
        self.desktop.key("ctrl+Return")

    def outbox_state(self, subject):
        for e in json.loads(self.desktop.outpost("outbox", "list", "--json").stdout):
            if e.get("subject") == subject:
                return e.get("state")
        return None


class WizardOAuthTest(OAuthTest):
    def setUp(self):
        super().setUp()
        # A token is refreshed when less than MARGIN is left: used again for
        # LIFETIME - MARGIN seconds, renewed before use after that.
        self.desktop.env["OUTPOST_OAUTH_REFRESH_MARGIN_MS"] = str(MARGIN * 1000)

    def test_sign_in_send_refresh_revoke_and_sign_in_again_from_the_outbox(self):
        user = self.world.description["user"]
        wizard = self.wizard_to_browser_sign_in()
        # The browser signed in and consented; Outpost signed in to the server.
        wizard.find("label", rf"^Signed in successfully as {user}", timeout=60)
        self.note_tokens()
        self.desktop.key("alt+n")  # How you appear
        wizard.find("label", r"^How you appear$")
        self.desktop.key("alt+f")  # Finish
        self.app.window_gone(WIZARD, timeout=10)
        accounts = wait_until(lambda: self.accounts(), 10, what="the account to be saved")
        self.assertEqual(accounts[0]["auth"], "oauth2")
        self.assertTrue(accounts[0]["refresh_token_stored"])

        # A second composer stays open, so that this one process sends every
        # message below (with the token in its memory) and never quits.
        gui = self.app
        self.open_in_gui("compose")
        wait_until(lambda: len(self.desktop.x_windows("New Message")) == 2, 15, what="a second composer")

        # Sent.
        self.desktop.write_message("bob@example.test", "First", "First.")
        self.desktop.key("ctrl+Return")
        self.wait_delivered(["First"])
        self.note_tokens()

        # Within the token's lifetime: the one in memory is shown to the
        # server again, the token endpoint is not asked.
        tokens, checks = self.token_requests(), self.introspections()
        self.send("Again")
        self.wait_delivered(["First", "Again"])
        self.assertEqual(self.token_requests(), tokens, "the access token in memory was not used again")
        self.assertGreater(self.introspections(), checks, "the second message was sent without signing in")

        # Past the access token's lifetime: a new one, without asking, and
        # before it is used (not after the server refused the old one). The
        # token in memory is the newest the server issued.
        time.sleep(max(0.0, self.access_token_expiry() + 1 - time.time()))
        self.send("Second")
        self.wait_delivered(["First", "Again", "Second"])
        self.assertIs(self.app, gui, "another process sent the message")
        self.assertIsNone(gui.proc.poll(), "the process that had the token in memory has quit")
        self.assertGreater(self.token_requests(), tokens, "the expired token was not refreshed")
        self.assertEqual(self.refused_sign_ins(), [], "the server refused a token")
        self.note_tokens()

        # "Remove access" at the provider: the next message waits for a sign-in.
        self.assertGreaterEqual(self.world.revoke_grants(), 1)
        self.send("Third")
        wait_until(lambda: self.outbox_state("Third") == "held", 60,
                   what=f"the third message to be held (it is {self.outbox_state('Third')!r})")
        self.assertEqual(sorted(self.subjects()), ["Again", "First", "Second"])

        # The outbox says so, and offers the cure.
        self.open_in_gui("compose")
        self.app.window(r"New Message — Outpost", timeout=15)
        self.desktop.activate("New Message")
        self.desktop.key("ctrl+shift+o")
        outbox = self.app.window(r"^Outbox — Outpost$", timeout=10)
        outbox.find("table cell", r"Sign in again", timeout=15)
        self.desktop.click(outbox.find("table cell", r"^Third$"))
        again = outbox.find("push button", r"^Sign In Again$")
        wait_until(lambda: again.enabled, 10, what="Sign In Again to be offered for the held message")
        self.assertEqual(self.consents(), 1)
        self.desktop.click(again)
        # The browser signs in again; the held message goes out, once.
        self.wait_delivered(["First", "Again", "Second", "Third"], timeout=90)
        self.assertEqual(self.consents(), 2)
        self.app.window_gone(r"^Sign In Again", timeout=10)
        wait_until(lambda: self.outbox_state("Third") == "sent", 30, what="the outbox to record it as sent")
        self.note_tokens()
        self.assertTrue(self.accounts()[0]["refresh_token_stored"])
        self.assert_no_token_anywhere()


class NoticeOAuthTest(OAuthTest):
    def test_the_notice_of_a_held_message_signs_in_again(self):
        self.add_account_on_the_command_line()
        self.note_tokens()
        self.app = self.desktop.launch()
        self.app.window(r"New Message — Outpost", timeout=20)
        self.assertGreaterEqual(self.world.revoke_grants(), 1)
        # Another process queues a message; Outpost's sender meets the dead sign-in.
        r = self.desktop.outpost("send", "--to", "bob@example.test", "--subject", "Held", "--body", "Held.",
                                 check=False)
        self.assertEqual(r.returncode, 77, f"not held for the sign-in (EX_NOPERM): {r.stdout} {r.stderr}")
        notice = wait_until(lambda: next((w for w in self.app.windows()
                                          if w.find_all("push button", r"^Sign In Again$")), None), 60,
                            what=f"a notice with Sign In Again (open: {[w.name for w in self.app.windows()]})")
        self.assertIn("Sign in again", notice.all_text())
        self.assertEqual(self.subjects(), [])
        self.desktop.click(notice.find("push button", r"^Sign In Again$"))
        self.wait_delivered(["Held"], timeout=90)
        self.assertEqual(self.consents(), 2)  # `account add`, then the notice
        self.note_tokens()
        self.assert_no_token_anywhere()


class EditOAuthTest(OAuthTest):
    def test_an_account_edited_to_sign_in_with_a_password_loses_its_oauth_permission(self):
        self.add_account_on_the_command_line()
        self.app = self.desktop.launch("accounts")
        accounts = self.app.window(r"^Accounts$", timeout=15)
        self.desktop.click(accounts.find("list item", r"^Work — "))
        self.desktop.click(accounts.find("push button", r"^Edit"))
        dialog = self.app.window(r"^Edit Account$", timeout=10)
        self.desktop.click(dialog.find("combo box", r"^(OAuth 2\.0|Sign-in:)"))
        self.desktop.key("Home")
        self.desktop.key("Return")  # Password
        self.desktop.click(dialog.find("password text", r"^Password$"))
        self.desktop.type("s3cret-for-test")
        self.desktop.key("Return")  # Save
        self.app.window_gone(r"^Edit Account$", timeout=10)
        wait_until(lambda: self.live_grants() == 0, 30, what="the refresh token to be revoked at the server")
        self.assertEqual(self.accounts()[0]["auth"], "password")
        self.assertNotIn("refresh_token_stored", self.accounts()[0])


class DiscoveryOAuthTest(WizardSteps, DesktopTest):
    """Discovery finds a provider that wants OAuth 2.0 (Outlook.com in the
    private internet of autoconfig_world.py, which this runs inside)."""

    def discover_outlook(self):
        wizard = self.first_start()
        self.type_name_and_address(wizard, "ada@outlook.com")
        self.desktop.key("Return")  # Next: discovery
        wizard.find("label", r"^Outgoing server$", timeout=60)
        wizard.find("label", r"^smtp-mail\.outlook\.com, port 587(.|\n)*OAuth 2\.0", timeout=5)
        self.desktop.key("alt+n")  # Next: sign in
        wizard.find("label", r"^Signing in$", timeout=10)
        return wizard

    def test_outlook_found_by_discovery_says_how_to_configure_a_client_id(self):
        wizard = self.discover_outlook()
        status = wizard.find("label", r"client id for Microsoft \(personal account\)", timeout=10)
        self.assertIn("-DOUTPOST_OAUTH_MICROSOFT_CLIENT_ID=YOUR_ID", status.name)
        self.assertFalse(wizard.find_all("push button", r"^Sign in with"))
        self.assertFalse(wizard.find("push button", r"^Next").enabled)

    def test_a_client_id_file_offers_the_microsoft_sign_in(self):
        folder = os.path.join(self.desktop.env["XDG_CONFIG_HOME"], "outpost", "oauth2")
        os.makedirs(folder)
        with open(os.path.join(folder, "microsoft.json"), "w") as f:
            json.dump({"issuer": "login.microsoftonline.com/consumers", "client_id": "outpost-test-id"}, f)
        wizard = self.discover_outlook()
        button = wizard.find("push button", r"^Sign in with Microsoft \(personal account\) in your browser$", timeout=10)
        self.assertTrue(button.enabled)
        self.assertFalse(wizard.find_all("label", r"client id"))


class FailedOAuthTest(OAuthTest):
    """A sign-in in the wizard that does not succeed: a clear reason, Next
    stays off, the sign-in can be tried again, and nothing is saved."""

    def fails_with(self, reason):
        wizard = self.wizard_to_browser_sign_in()
        status = wizard.find("label", r"did not succeed", timeout=60)
        self.assertRegex(status.name, reason)
        self.assertFalse(wizard.find("push button", r"^Next").enabled)
        self.assertTrue(wizard.find("push button", r"^Sign in with .* in your browser$").enabled)
        self.desktop.key("Escape")  # the person gives up
        self.app.window_gone(WIZARD, timeout=10)
        time.sleep(1)
        self.assertEqual(self.accounts(), [])
        self.note_tokens()
        self.assertEqual(self.tokens, set(), "the server issued tokens for a failed sign-in")


class DeniedOAuthTest(FailedOAuthTest):
    browser_mode = "deny"

    def test_denied_consent_says_so_and_saves_nothing(self):
        self.fails_with(r"(?i)not granted|refused")


class ClosedBrowserOAuthTest(FailedOAuthTest):
    browser_mode = "ignore"  # the person closed the browser

    def setUp(self):
        super().setUp()
        self.desktop.env["OUTPOST_OAUTH_TIMEOUT_MS"] = "2000"  # nothing comes, however long

    def test_a_closed_browser_times_out_and_saves_nothing(self):
        self.fails_with(r"(?i)not completed in time")


class WrongStateOAuthTest(FailedOAuthTest):
    browser_mode = "wrong-state"

    def setUp(self):
        super().setUp()
        # The answer with another state is refused and the sign-in waits on
        # for the real one, until its time-out (long enough for the browser's
        # answer, which the command-line test expects within 8 s).
        self.desktop.env["OUTPOST_OAUTH_TIMEOUT_MS"] = "10000"

    def test_an_answer_with_another_state_is_refused_and_saves_nothing(self):
        self.fails_with(r"(?is)not completed in time.*refused an answer with a wrong state")


class UnreachableTokenEndpointOAuthTest(FailedOAuthTest):
    def setUp(self):
        super().setUp()
        # Consent works; the token endpoint behind it does not answer.
        path = os.path.join(self.desktop.env["XDG_CONFIG_HOME"], "outpost", "oauth2", "test-provider.json")
        with open(path) as f:
            provider = json.load(f)
        provider["token_endpoint"] = "https://127.0.0.1:%d/o/token/" % free_port()
        with open(path, "w") as f:
            json.dump(provider, f)

    def test_an_unreachable_token_endpoint_says_so_and_saves_nothing(self):
        self.fails_with(r"(?i)sign-in server")


class AccountsOAuthTest(OAuthTest):
    def test_the_accounts_dialog_shows_tests_and_revokes_an_oauth_account(self):
        self.add_account_on_the_command_line()
        self.note_tokens()
        self.app = self.desktop.launch("accounts")
        accounts = self.app.window(r"^Accounts$", timeout=15)
        item = accounts.find("list item", r"^Work — (.|\n)*OAuth 2\.0 \(127\.0\.0\.1:\d+\)")
        self.desktop.click(item)
        self.assertTrue(accounts.find("push button", r"^Sign In Again$").enabled)
        # Test Connection signs in with a token, as sending does.
        self.desktop.click(accounts.find("push button", r"^Test Connection$"))
        report = accounts.find("text", r"^Connection test report$")
        wait_until(lambda: "Sign-in:" in report.text or "Failed" in report.text, 60,
                   what=f"the test report (it reads {report.text!r})")
        self.assertIn("Connected and signed in.", report.text)
        self.assertRegex(report.text, r"Sign-in: (OAUTHBEARER|XOAUTH2)")
        # The token has been tried: other processes may refresh the account
        # now, not only when the refresh lock's 15 s lease runs out.
        lock = os.path.join(self.desktop.env["XDG_CONFIG_HOME"], "outpost", "oauth2-locks",
                            self.accounts()[0]["id"] + ".lock")
        self.assertTrue(os.path.exists(lock), "the test refreshed the token under the lock")
        wait_until(lambda: lock_is_free(lock), 5, what="the refresh lock to be given back after the test")
        self.note_tokens()
        # Removing it withdraws the permission at the provider.
        self.desktop.click(accounts.find("push button", r"^Remove$"))
        question = self.app.window(r"^Remove Account$", timeout=10)
        self.assertIn("withdrawn at the provider", question.all_text())
        self.desktop.click(question.find("push button", r"^(&)?Yes$"))
        wait_until(lambda: self.live_grants() == 0, 30, what="the refresh token to be revoked at the server")
        self.assertEqual(self.accounts(), [])
        self.assertFalse(os.path.exists(lock), "the removed account's refresh lock file is left behind")
        self.note_tokens()
        self.assert_no_token_anywhere()


class CancelOAuthTest(OAuthTest):
    browser_mode = "ignore"  # the person has not signed in at the browser yet

    def clipboard(self):
        r = subprocess.run(["xclip", "-o", "-selection", "clipboard"], env=self.desktop.env,
                           capture_output=True, text=True, timeout=10)
        return r.stdout.strip() if r.returncode == 0 else ""

    def test_copy_link_gives_the_sign_in_page_and_cancel_saves_nothing(self):
        d = self.world.description
        wizard = self.wizard_to_browser_sign_in()
        # Copy Link: the authorization URL, for a browser Outpost did not open.
        self.desktop.click(wizard.find("push button", r"^Copy Link$", timeout=15))
        url = wait_until(lambda: self.clipboard().startswith(d["authorization_endpoint"] + "?") and self.clipboard(),
                         10, what=f"the sign-in link on the clipboard (it holds {self.clipboard()!r})")
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
        self.assertEqual(query["client_id"], [d["client_id"]])
        self.assertEqual(query["response_type"], ["code"])
        self.assertEqual(query["code_challenge_method"], ["S256"])
        self.assertEqual(query["login_hint"], [d["user"]])
        self.assertTrue(query["state"][0] and query["code_challenge"][0])
        redirect = urllib.parse.urlsplit(query["redirect_uri"][0])
        self.assertEqual(redirect.hostname, "127.0.0.1")
        socket.create_connection(("127.0.0.1", redirect.port), timeout=5).close()  # the listener waits

        # Cancel Sign-in: said so, the listener closed, the sign-in can start again.
        self.desktop.click(wizard.find("push button", r"^Cancel Sign-in$"))
        wizard.find("label", r"^The sign-in was cancelled\. Nothing was saved\.$", timeout=10)
        with self.assertRaises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", redirect.port), timeout=5).close()
        self.assertFalse(wizard.find("push button", r"^Next").enabled)
        self.assertTrue(wizard.find("push button", r"^Sign in with .* in your browser$").enabled)
        self.assertFalse(wizard.find_all("push button", r"^Copy Link$"))
        # Back to the server settings, then the person gives up.
        self.desktop.key("alt+b")
        wizard.find("label", r"^Server settings$", timeout=10)
        self.desktop.key("Escape")
        self.app.window_gone(WIZARD, timeout=10)
        time.sleep(1)
        self.assertEqual(self.accounts(), [])
        self.note_tokens()
        self.assertEqual(self.tokens, set(), "the server issued tokens for a cancelled sign-in")


if __name__ == "__main__":
    desktop.main()
