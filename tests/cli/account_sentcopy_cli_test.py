#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The account's IMAP server and "save a copy in Sent" through the real
`outpost account` command line (issue 20), as a script would use it: exit
status, standard output and standard error.

Accounts are added with --no-verify (no server is asked); the password goes
to a real keyring, so this runs under tests/scripts/with_keyring.sh.

    account_sentcopy_cli_test.py AccountSentCopyCli.test_NAME
"""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
OUTPOST = os.environ.get("OUTPOST_BINARY", os.path.join(HERE, "..", "..", "build", "app", "outpost"))
EX_USAGE, EX_DATAERR = 64, 65


class AccountSentCopyCli(unittest.TestCase):
    def setUp(self):
        self.home = tempfile.mkdtemp(prefix="outpost-sentcopy-account-")
        self.addCleanup(shutil.rmtree, self.home, True)

    def env(self, language="en"):
        e = dict(os.environ)
        e.update({"XDG_CONFIG_HOME": os.path.join(self.home, "config"),
                  "XDG_DATA_HOME": os.path.join(self.home, "data"),
                  "OUTPOST_LANGUAGE": language, "QT_QPA_PLATFORM": "offscreen"})
        return e

    def outpost(self, *args, language="en", password=None):
        return subprocess.run([OUTPOST, "account", *args], env=self.env(language), capture_output=True, text=True,
                              input=password, timeout=60)

    def add(self, email, *options, language="en"):
        return self.outpost("add", "--email", email, "--no-verify", "--password-stdin", *options,
                            language=language, password="secret\n")

    def listed(self):
        r = self.outpost("list", "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, "")
        return {a["name"]: a for a in json.loads(r.stdout)}

    def test_imap_server_and_save_sent_are_saved_and_listed(self):
        r = self.add("me@example.org", "--host", "smtp.example.org", "--imap-host", "imap.example.org",
                     "--imap-security", "starttls", "--imap-username", "me", "--save-sent", "always")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Added account me@example.org", r.stdout)
        r = self.add("plain@example.org", "--host", "smtp.example.org", "--imap-host", "imap.example.org")
        self.assertEqual(r.returncode, 0, r.stderr)

        accounts = self.listed()
        me = accounts["me@example.org"]
        self.assertEqual(me["imap"], {"host": "imap.example.org", "port": 143, "security": "starttls", "username": "me"},
                         "STARTTLS defaults to port 143")
        self.assertEqual(me["options"]["saveSent"], "always")
        self.assertEqual(me["sent_copy"]["mode"], "always")
        self.assertIs(me["sent_copy"]["copies"], True)
        self.assertEqual(me["sent_copy"]["reason"], "always")
        plain = accounts["plain@example.org"]
        self.assertEqual(plain["imap"], {"host": "imap.example.org", "port": 993, "security": "tls", "username": ""},
                         "implicit TLS on 993 by default, the sending user name")
        self.assertEqual(plain["sent_copy"], {"mode": "auto", "copies": True, "reason": "auto",
                                              "explanation": "Outpost saves a copy in the Sent folder after each message."})

        r = self.outpost("list")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("    IMAP imap.example.org:143 starttls, user me\n", r.stdout)
        self.assertIn("    IMAP imap.example.org:993 tls\n", r.stdout)
        self.assertIn("    Save a copy in Sent: always. Outpost saves a copy in the Sent folder after each message.\n",
                      r.stdout)

    def test_auto_says_why_no_copy_is_made(self):
        r = self.add("someone@gmail.com", "--host", "smtp.gmail.com", "--port", "465", "--security", "tls",
                     "--imap-host", "imap.gmail.com")
        self.assertEqual(r.returncode, 0, r.stderr)
        r = self.add("never@example.org", "--host", "smtp.example.org", "--imap-host", "imap.example.org",
                     "--save-sent", "never")
        self.assertEqual(r.returncode, 0, r.stderr)
        r = self.add("send-only@example.org", "--host", "smtp.example.org")
        self.assertEqual(r.returncode, 0, r.stderr)

        accounts = self.listed()
        gmail = accounts["someone@gmail.com"]["sent_copy"]
        self.assertEqual(gmail, {"mode": "auto", "copies": False, "reason": "provider_files_copy",
                                 "explanation": "Gmail files a copy in Sent itself: Outpost will not add another."})
        self.assertEqual(accounts["never@example.org"]["sent_copy"]["reason"], "never")
        self.assertIs(accounts["never@example.org"]["sent_copy"]["copies"], False)
        send_only = accounts["send-only@example.org"]
        self.assertNotIn("imap", send_only)
        self.assertEqual(send_only["sent_copy"]["reason"], "no_imap_server")
        self.assertIs(send_only["sent_copy"]["copies"], False)

        r = self.outpost("list")
        self.assertIn("    Save a copy in Sent: auto. Gmail files a copy in Sent itself: Outpost will not add another.\n",
                      r.stdout)
        self.assertIn("    Save a copy in Sent: auto. No copy is saved: the account has no incoming (IMAP) server.\n",
                      r.stdout)

    def test_bad_values_are_refused_with_a_clear_error_and_nothing_is_saved(self):
        host = ["--host", "smtp.example.org"]
        cases = [
            (["--imap-host", "imap.example.org", "--save-sent", "sometimes"], EX_USAGE,
             "outpost: --save-sent must be auto, always or never\n"),
            (["--imap-host", "imap.example.org", "--imap-security", "ssl3"], EX_USAGE,
             "outpost: --imap-security must be tls or starttls\n"),
            (["--imap-host", "imap.example.org", "--imap-port", "0"], EX_USAGE,
             "outpost: --imap-port must be a number between 1 and 65535\n"),
            (["--imap-host", "imap.example.org", "--imap-port", "70000"], EX_USAGE,
             "outpost: --imap-port must be a number between 1 and 65535\n"),
            (["--imap-host", "imap.example.org", "--imap-port", "imap"], EX_USAGE,
             "outpost: --imap-port must be a number between 1 and 65535\n"),
            (["--imap-port", "993"], EX_USAGE, "outpost: --imap-port needs --imap-host\n"),
            (["--imap-username", "me"], EX_USAGE, "outpost: --imap-username needs --imap-host\n"),
            (["--imap-host", "imap example.org"], EX_DATAERR,
             "outpost: Enter the name of the incoming (IMAP) server, without spaces or slashes.\n"),
            (["--imap-host", "imap.example.org", "--imap-security", "none"], EX_DATAERR,
             "outpost: The IMAP server needs TLS or STARTTLS: the account does not allow signing in without encryption.\n"),
        ]
        for options, code, message in cases:
            with self.subTest(options=options):
                r = self.add("me@example.org", *host, *options)
                self.assertEqual((r.returncode, r.stderr), (code, message))
                self.assertEqual(r.stdout, "")
        self.assertEqual(self.listed(), {}, "nothing was saved")

        # Without a password the IMAP server cannot be signed in to.
        r = self.outpost("add", "--email", "relay@example.org", "--host", "relay.example.org", "--auth", "none",
                         "--imap-host", "imap.example.org")
        self.assertEqual(r.returncode, EX_DATAERR)
        self.assertEqual(r.stderr, "outpost: An IMAP server needs a sign-in: the account signs in with neither "
                                   "a password nor OAuth2.\n")
        # In the clear only where the account allows it.
        r = self.add("clear@example.org", *host, "--allow-plaintext-auth", "--imap-host", "imap.example.org",
                     "--imap-security", "none")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.listed()["clear@example.org"]["imap"]["security"], "none")

    def test_set_changes_the_imap_server_and_the_mode_of_an_account(self):
        r = self.add("me@example.org", "--host", "smtp.example.org")
        self.assertEqual(r.returncode, 0, r.stderr)
        before = self.listed()["me@example.org"]
        self.assertNotIn("imap", before)

        r = self.outpost("set", "me@example.org", "--imap-host", "imap.example.org", "--imap-security", "starttls")
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        self.assertEqual(r.stdout, "Changed account me@example.org\n"
                                   "Save a copy in Sent: auto. Outpost saves a copy in the Sent folder after each message.\n")
        after = self.listed()["me@example.org"]
        self.assertEqual(after["imap"], {"host": "imap.example.org", "port": 143, "security": "starttls", "username": ""})
        self.assertEqual(after["id"], before["id"])
        self.assertEqual(after["smtp"], before["smtp"], "the sending side stays as it was")

        r = self.outpost("set", "me@example.org", "--save-sent", "never")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Save a copy in Sent: never. No copy is saved: it is turned off for this account.", r.stdout)
        after = self.listed()["me@example.org"]
        self.assertEqual(after["imap"]["host"], "imap.example.org", "the mode alone leaves the server")
        self.assertEqual(after["sent_copy"]["reason"], "never")

        # A server given replaces the old one whole.
        r = self.outpost("set", "me@example.org", "--imap-host", "mail.example.org", "--imap-username", "me")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.listed()["me@example.org"]["imap"],
                         {"host": "mail.example.org", "port": 993, "security": "tls", "username": "me"})
        r = self.outpost("set", "me@example.org", "--no-imap", "--save-sent", "auto")
        self.assertEqual(r.returncode, 0, r.stderr)
        after = self.listed()["me@example.org"]
        self.assertNotIn("imap", after)
        self.assertEqual(after["sent_copy"]["reason"], "no_imap_server")

        for args, code, message in [
            (["me@example.org"], EX_USAGE, "outpost: nothing to change: give --imap-host, --no-imap or --save-sent\n"),
            (["me@example.org", "--no-imap", "--imap-host", "imap.example.org"], EX_USAGE,
             "outpost: give either --imap-host or --no-imap\n"),
            (["me@example.org", "--imap-port", "143"], EX_USAGE, "outpost: --imap-port needs --imap-host\n"),
            (["me@example.org", "--save-sent", "maybe"], EX_USAGE, "outpost: --save-sent must be auto, always or never\n"),
            (["me@example.org", "--imap-host", "imap/example.org"], EX_DATAERR,
             "outpost: Enter the name of the incoming (IMAP) server, without spaces or slashes.\n"),
            (["nobody", "--save-sent", "never"], 78, "outpost: no account 'nobody'\n"),
        ]:
            with self.subTest(args=args):
                r = self.outpost("set", *args)
                self.assertEqual((r.returncode, r.stderr, r.stdout), (code, message, ""))
        self.assertEqual(self.listed()["me@example.org"], after, "a refused change changes nothing")

    def test_errors_and_list_are_translated(self):
        r = self.add("me@example.org", "--host", "smtp.example.org", "--save-sent", "manchmal", language="de")
        self.assertEqual(r.returncode, EX_USAGE)
        self.assertEqual(r.stderr, "outpost: --save-sent muss auto, always oder never sein\n")
        r = self.add("me@example.org", "--host", "smtp.example.org", "--imap-port", "993", language="fr")
        self.assertEqual(r.returncode, EX_USAGE)
        self.assertEqual(r.stderr, "outpost: --imap-port demande --imap-host\n")

    def test_help_names_the_options(self):
        r = self.outpost("add", "--help")
        self.assertEqual(r.returncode, 0, r.stderr)
        for option in ("--imap-host <HOST>", "--imap-port <PORT>", "--imap-security <MODE>", "--imap-username <USER>",
                       "--save-sent <MODE>"):
            self.assertIn(option, r.stdout)
        self.assertIn("auto (default; not where the provider files one itself), always or never", " ".join(r.stdout.split()))
        r = self.outpost("--help")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("[--imap-host HOST ...] [--save-sent auto|always|never]", r.stdout)
        self.assertIn("set NAME [--imap-host HOST ... | --no-imap] [--save-sent MODE]", r.stdout)
        r = self.outpost("set", "--help")
        self.assertEqual(r.returncode, 0, r.stderr)
        for option in ("--imap-host <HOST>", "--save-sent <MODE>", "--no-imap"):
            self.assertIn(option, r.stdout)
        r = subprocess.run([OUTPOST, "--help"], env=self.env(), capture_output=True, text=True, timeout=60)
        self.assertIn("account add|set|list|test|login|remove", r.stdout)


if __name__ == "__main__":
    unittest.main()
