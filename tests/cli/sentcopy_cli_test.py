#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The copy in the Sent folder (issue 20) through the real `outpost`.

A private Postfix (tests/scripts/postfix_instance.py) receives what
`outpost send --wait` sends; private Dovecot servers
(tests/scripts/dovecot_imap.py) hold the Sent folders, read back with
Python's imaplib (`dovecot_imap.py fetch`), independent of Outpost. Each
test checks the promise of docs/design/OUTBOX.md, "The copy in the Sent
folder": the message is sent once, whatever happens to its copy; the copy is
filed at most once, byte-identical to what was sent, flagged \\Seen.

Runs as root (Postfix and Dovecot) inside tests/scripts/with_keyring.sh (the
account's password, which IMAP shares with SMTP). OUTPOST_BINARY names the
`outpost` to test.
"""
import base64
import email
import fcntl
import json
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest

SCRIPTS = pathlib.Path(__file__).resolve().parent.parent / "scripts"
OUTPOST = os.environ.get("OUTPOST_BINARY", "")
USER, PASSWORD = "ada", "ada-secret"  # a user of every Dovecot profile, and Postfix's

# The test-only labels of the copy's steps (Core::CrashPoint).
CRASH_STEPS = ["copy-before-append", "copy-mid-literal", "copy-after-append-ok", "copy-before-record"]


def message_id(raw):
    head = raw.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    return email.message_from_bytes(head + b"\n\n")["Message-ID"].strip()


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class World:
    """Postfix and the Dovecot servers, started once for all tests."""

    def __init__(self, base):
        self.base = base
        base.mkdir(parents=True, exist_ok=True)
        os.chmod(base, 0o755)
        self.dovecot = subprocess.Popen([sys.executable, str(SCRIPTS / "dovecot_imap.py"), "serve", "--dir",
                                         str(base / "imap")], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.dovecot.stdout.readline()
        if not line.startswith("READY "):
            raise RuntimeError("Dovecot did not start: " + line)
        self.imap = json.loads(line[6:])
        pf = base / "postfix"
        pf.mkdir()
        os.chmod(pf, 0o755)
        self.smtp_cert, key = pf / "cert.pem", pf / "key.pem"
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                        "/CN=localhost", "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out",
                        str(self.smtp_cert)], check=True, capture_output=True)
        os.chmod(key, 0o644)
        self.postfix = subprocess.Popen([sys.executable, str(SCRIPTS / "postfix_instance.py"), "--dir", str(pf / "pf"),
                                         "--cert", str(self.smtp_cert), "--key", str(key), "--user", USER,
                                         "--password", PASSWORD],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.postfix.stdout.readline()
        if not line.startswith("READY "):
            raise RuntimeError("Postfix did not start: " + line)
        self.smtp = json.loads(line[6:])
        # One CA file for both: Postfix's self-signed certificate and the IMAP test CA.
        self.ca_file = base / "cas.pem"
        self.ca_file.write_bytes(self.smtp_cert.read_bytes() + pathlib.Path(self.imap["ca"]).read_bytes())

    def stop(self):
        for p in (self.postfix, self.dovecot):
            p.stdin.close()
            p.wait(timeout=60)

    def delivered(self, mid, wait=True):
        """How many times Postfix delivered `mid`, and the first copy."""
        deadline = time.time() + (60 if wait else 0)
        while True:
            found = []
            for d in ("new", "cur"):
                for path in pathlib.Path(self.smtp["maildir"], d).glob("*"):
                    raw = path.read_bytes()
                    if message_id(raw) == mid:
                        found.append(raw)
            if found or time.time() >= deadline:
                return len(found), (found[0] if found else None)
            time.sleep(0.3)

    def folder(self, profile, name, user=USER, password=PASSWORD):
        p = self.imap[profile]
        cmd = [sys.executable, str(SCRIPTS / "dovecot_imap.py"), "fetch", "--host", p["host"], "--port",
               str(p["imap"]), "--user", user, "--password", password, "--folder", name]
        if p["imaps"]:
            cmd += ["--starttls", "--ca-file", self.imap["ca"]]
        r = subprocess.run(cmd, capture_output=True, timeout=60, check=True)
        return json.loads(r.stdout)


WORLD = None


def setUpModule():
    global WORLD
    if os.geteuid() != 0 or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        raise RuntimeError("sentcopy_cli_test.py runs as root (Postfix, Dovecot) inside with_keyring.sh")
    if not OUTPOST:
        raise RuntimeError("OUTPOST_BINARY is not set")
    WORLD = World(pathlib.Path(tempfile.mkdtemp(prefix="sentcopy-")))


def tearDownModule():
    if WORLD:
        WORLD.stop()
        shutil.rmtree(WORLD.base, ignore_errors=True)


class SentCopyCli(unittest.TestCase):
    def setUp(self):
        self.home = pathlib.Path(tempfile.mkdtemp(prefix="home-", dir=WORLD.base))
        self.env = dict(os.environ, XDG_CONFIG_HOME=str(self.home / "config"), XDG_DATA_HOME=str(self.home / "data"),
                        QT_QPA_PLATFORM="offscreen", OUTPOST_EXTRA_CA_FILE=str(WORLD.ca_file),
                        OUTPOST_KEYCHAIN_SERVICE="Outpost-sentcopy-%d-%s" % (os.getpid(), self.home.name),
                        OUTPOST_TEST_TIME_SCALE="0.01")
        self.env.pop("OUTPOST_CRASH_AT", None)

    def tearDown(self):
        shutil.rmtree(self.home, ignore_errors=True)

    # --- helpers -------------------------------------------------------------
    def outpost(self, *args, crash_at=None, stdin=b"", check=None):
        env = dict(self.env)
        if crash_at:
            env["OUTPOST_CRASH_AT"] = crash_at
        r = subprocess.run([OUTPOST, *args], env=env, input=stdin, capture_output=True, timeout=300)
        if check is not None:
            self.assertEqual(r.returncode, check, "outpost %s: %s %s" % (" ".join(args), r.stdout.decode(),
                                                                        r.stderr.decode()))
        return r

    def add_account(self, profile=None, save_sent="always", imap_port=None, imap_user="", name="Test"):
        """An account sending through Postfix (implicit TLS), filing its copy
        on the Dovecot of `profile` (None: no IMAP server)."""
        self.outpost("account", "add", "--name", name, "--email", "ada@example.test", "--host", "localhost",
                     "--port", str(WORLD.smtp["smtps"]), "--security", "tls", "--username", USER,
                     "--password-stdin", "--no-verify", stdin=(PASSWORD + "\n").encode(), check=0)
        path = self.home / "config" / "outpost" / "accounts.json"
        data = json.loads(path.read_text())
        account = next(a for a in data["accounts"] if a["name"] == name)
        account["options"]["saveSent"] = save_sent
        if profile:
            p = WORLD.imap[profile]
            # Implicit TLS where offered, else STARTTLS, else (nospecial) none.
            security, port = ("tls", p["imaps"]) if p["imaps"] and profile == "special" else \
                ("starttls", p["imap"]) if p["imaps"] else ("none", p["imap"])
            account["imap"] = {"host": p["host"], "port": imap_port or port, "security": security,
                               "username": imap_user}
            account["smtp"]["allowCleartextAuth"] = security == "none"
        path.write_text(json.dumps(data, indent=1))
        return account["id"]

    def set_imap(self, name="Test", **fields):
        path = self.home / "config" / "outpost" / "accounts.json"
        data = json.loads(path.read_text())
        next(a for a in data["accounts"] if a["name"] == name)["imap"].update(fields)
        path.write_text(json.dumps(data, indent=1))

    def send(self, subject, body="A message for the Sent folder.\n", crash_at=None, attach=None, check=0):
        args = ["send", "--to", "bob@example.test", "--subject", subject, "--body", body, "--wait"]
        if attach:
            args += ["--attach", str(attach)]
        return self.outpost(*args, crash_at=crash_at, check=check)

    def entries(self):
        r = self.outpost("outbox", "list", "--json", check=0)
        return json.loads(r.stdout)

    def only_entry(self):
        entries = self.entries()
        self.assertEqual(len(entries), 1, entries)
        return entries[0]

    def sent_bytes(self, entry):
        return (self.home / "data" / "outpost" / "outbox" / "sent" / entry["id"] / "message.eml").read_bytes()

    def copies(self, profile, folder, mid, user=USER, password=PASSWORD):
        f = WORLD.folder(profile, folder, user, password)
        return [m for m in f["messages"] if message_id(base64.b64decode(m["body"])) == mid]

    def expect_sent_once(self, entry):
        self.assertEqual(entry["state"], "sent", entry)
        mid = "<%s>" % entry["message_id"]
        count, received = WORLD.delivered(mid)
        self.assertEqual(count, 1, "Postfix delivered %s %d times" % (mid, count))
        return mid, received

    def expect_one_copy(self, profile, folder, entry):
        """Sent once, and exactly one copy: the octets Postfix received
        (after its trace fields), flagged \\Seen."""
        mid, received = self.expect_sent_once(entry)
        copies = self.copies(profile, folder, mid)
        self.assertEqual(len(copies), 1, "%d copies of %s in %s" % (len(copies), mid, folder))
        filed = base64.b64decode(copies[0]["body"])
        self.assertEqual(filed, self.sent_bytes(entry))
        self.assertTrue(received.replace(b"\r\n", b"\n").endswith(filed.replace(b"\r\n", b"\n")),
                        "the copy differs from what Postfix received")
        self.assertIn("\\Seen", copies[0]["flags"])
        self.assertEqual(entry["sent_copy"]["state"], "done", entry)
        self.assertEqual(entry["sent_copy"]["folder"], folder)

    def expect_failed_copy(self, code):
        """The only entry: sent once, its copy failed with `code`."""
        entry = self.only_entry()
        mid, _ = self.expect_sent_once(entry)
        copy = entry["sent_copy"]
        self.assertEqual(copy["state"], "failed", entry)
        self.assertEqual(copy["code"], code)
        return entry, mid, copy

    def expect_retry_fails_again(self, entry, exit_code):
        """retry-copy tries once more, fails the same way, sends nothing."""
        r = self.outpost("outbox", "retry-copy", entry["id"])
        self.assertEqual(r.returncode, exit_code, r.stdout.decode() + r.stderr.decode())
        self.expect_sent_once(self.only_entry())

    # --- tests ---------------------------------------------------------------
    def test_every_server_gets_exactly_one_copy(self):
        for profile, folder in (("special", "Sent"), ("german", "INBOX.Gesendete Objekte"),
                                ("nospecial", "Sent Items"), ("strict", "Sent")):
            with self.subTest(profile=profile):
                self.setUp()
                self.add_account(profile)
                self.send("To %s" % profile)
                self.expect_one_copy(profile, folder, self.only_entry())
                self.tearDown()

    def test_auto_copies_unless_the_provider_does(self):
        self.add_account("special", save_sent="auto")
        self.send("auto")
        self.expect_one_copy("special", "Sent", self.only_entry())

    def test_never_and_no_imap_server_skip_the_copy(self):
        for mode, profile, code in (("never", "special", "never"), ("always", None, "no_imap_server")):
            with self.subTest(code=code):
                self.setUp()
                self.add_account(profile, save_sent=mode)
                self.send("skipped %s" % code)
                entry = self.only_entry()
                mid, _ = self.expect_sent_once(entry)
                self.assertEqual(entry["sent_copy"]["state"], "skipped", entry)
                self.assertEqual(entry["sent_copy"]["code"], code)
                self.assertNotEqual(entry["sent_copy"]["reason"], "")
                self.assertEqual(self.copies("special", "Sent", mid), [])
                # Nothing to retry: refused as the other commands refuse (EX_DATAERR).
                r = self.outpost("outbox", "retry-copy", entry["id"], check=65)
                self.assertIn("No copy is filed", r.stderr.decode())
                self.outpost("outbox", "retry-copy", "20260101-000000-000-nothing", check=65)
                self.tearDown()

    def test_a_crash_at_each_step_leaves_one_copy(self):
        big = self.home.parent / "big.bin"
        big.write_bytes(os.urandom(3 * 1024 * 1024))  # the literal takes many writes
        for step in CRASH_STEPS:
            with self.subTest(step=step):
                self.setUp()
                self.add_account("special")
                r = self.send("crash at %s" % step, crash_at=step, attach=big if step == "copy-mid-literal" else None,
                              check=None)
                self.assertNotEqual(r.returncode, 0, "no crash at %s" % step)
                entry = self.only_entry()
                self.assertEqual(entry["state"], "sent", entry)  # the crash never touches "sent"
                self.outpost("outbox", "flush", "--wait", check=0)
                self.expect_one_copy("special", "Sent", self.only_entry())
                self.tearDown()

    def test_imap_down_waits_and_retry_copy_files_it(self):
        self.add_account("special", imap_port=closed_port())
        self.send("IMAP down")
        entry = self.only_entry()
        self.expect_sent_once(entry)
        copy = entry["sent_copy"]
        self.assertEqual(copy["state"], "pending", entry)
        self.assertEqual(copy["attempts"], 1)
        self.assertNotEqual(copy["reason"], "")
        self.assertIn("next_attempt_at", copy)
        self.assertIn("Copy not filed yet", self.outpost("outbox", "list", check=0).stdout.decode())
        # The server is back: retry-copy files it now, once; the message
        # is not sent again.
        self.set_imap(port=WORLD.imap["special"]["imaps"])
        r = self.outpost("outbox", "retry-copy", entry["id"], check=0)
        self.assertIn("Sent", r.stdout.decode())
        self.expect_one_copy("special", "Sent", self.only_entry())

    def test_send_wait_does_not_wait_for_a_silent_imap_server(self):
        # An IMAP server that takes the connection and never answers (it
        # would take its 30 s and 60 s time-outs): `send --wait` ends once
        # the message is sent; the copy waits for a later flush.
        with socket.socket() as silent:
            silent.bind(("127.0.0.1", 0))
            silent.listen(8)  # (connections complete in the backlog; nothing is ever said)
            self.add_account("special", imap_port=silent.getsockname()[1])
            start = time.monotonic()
            self.send("IMAP silent", check=0)
            took = time.monotonic() - start
            entry = self.only_entry()
        self.assertLess(took, 25, "send --wait waited %.0f s for the copy in the Sent folder" % took)
        self.expect_sent_once(entry)
        self.assertEqual(entry["sent_copy"]["state"], "pending", entry)

    def test_retry_copy_waits_for_the_copy_not_for_the_outbox(self):
        # Another process holds the outbox (its lock) and is not done with a
        # message due now: retry-copy asks it, waits its 2 minutes (scaled) for the
        # copy, and does not wait for that message (12 minutes).
        self.add_account("special", imap_port=closed_port())
        self.send("IMAP down, then retried")
        entry = self.only_entry()
        self.assertEqual(entry["sent_copy"]["state"], "pending", entry)
        self.outpost("send", "--to", "bob@example.test", "--subject", "due now", "--body", "x", "--queue-only",
                     check=0)
        lock = open(self.home / "data" / "outpost" / "outbox" / ".lock", "a")
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            start = time.monotonic()
            try:
                r = subprocess.run([OUTPOST, "outbox", "retry-copy", entry["id"]], env=self.env, capture_output=True,
                                   timeout=200)
            except subprocess.TimeoutExpired:
                self.fail("retry-copy waited more than 200 s for the whole outbox")
            took = time.monotonic() - start
        finally:
            lock.close()
        self.assertLess(took, 60, "retry-copy took %.0f s" % took)  # its own wait: 2 min, scaled here to 2 s
        self.assertEqual(r.returncode, 75, r.stdout.decode() + r.stderr.decode())  # EX_TEMPFAIL: still waiting
        copy = next(e for e in self.entries() if e["id"] == entry["id"])["sent_copy"]
        self.assertEqual(copy["state"], "pending", copy)

    def test_a_waiting_copy_is_filed_by_a_later_flush_once_due(self):
        self.add_account("german", imap_port=closed_port())
        self.send("IMAP down for a while")
        entry = self.only_entry()
        self.assertEqual(entry["sent_copy"]["state"], "pending", entry)
        self.set_imap(port=WORLD.imap["german"]["imap"])
        # Not due yet: a flush at once leaves it waiting (the back-off is
        # 1 minute, here scaled to 0.6 s); once due, the next flush files it.
        self.outpost("outbox", "flush", "--wait", check=0)
        self.assertIn(self.only_entry()["sent_copy"]["state"], ("pending", "done"))
        time.sleep(1.0)
        self.outpost("outbox", "flush", "--wait", check=0)
        entry = self.only_entry()
        self.expect_one_copy("german", "INBOX.Gesendete Objekte", entry)
        self.assertEqual(entry["sent_copy"]["attempts"], 1, "one failed attempt before")

    def test_wrong_imap_password_fails_with_the_reason(self):
        # The IMAP user "tiny" with ada's password: the server refuses it.
        self.add_account("special", imap_user="tiny")
        self.send("wrong IMAP password")
        entry, mid, _ = self.expect_failed_copy("AuthenticationFailed")
        self.assertEqual(self.copies("special", "Sent", mid, "tiny", "tiny-secret"), [])
        self.expect_retry_fails_again(entry, 77)  # EX_NOPERM

    def test_append_refused_fails_with_the_servers_reason(self):
        self.add_account("strict")  # APPENDLIMIT=4096
        self.send("too large for the Sent folder", body=("x" * 70 + "\n") * 90)
        entry, mid, copy = self.expect_failed_copy("TooLarge")
        self.assertIn("APPENDLIMIT=4096", copy["server_text"])
        self.assertEqual(self.copies("strict", "Sent", mid), [])
        # The body stays while the copy has failed (retention keeps it).
        self.assertTrue(self.sent_bytes(entry))
        self.expect_retry_fails_again(entry, 69)  # EX_UNAVAILABLE

    def test_missing_folder_is_created_only_on_request(self):
        self.add_account("nosent")
        self.send("no Sent folder yet")
        entry, _, copy = self.expect_failed_copy("needs_folder")
        self.assertEqual(copy["folder"], "Sent")
        self.assertFalse(WORLD.folder("nosent", "Sent")["exists"])
        self.assertIn("--create-folder", self.outpost("outbox", "list", check=0).stdout.decode())
        self.outpost("outbox", "retry-copy", "--create-folder", entry["id"], check=0)
        self.expect_one_copy("nosent", "Sent", self.only_entry())

    def test_two_flushing_processes_file_one_copy_each(self):
        self.add_account("german")
        for i in range(4):
            self.outpost("send", "--to", "bob@example.test", "--subject", "together %d" % i, "--body", "x",
                         "--queue-only", check=0)
        procs = [subprocess.Popen([OUTPOST, "outbox", "flush", "--wait"], env=self.env, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE) for _ in range(2)]
        for p in procs:
            p.communicate(timeout=300)
        # Whoever did not hold the outbox handed over; a last flush files
        # anything still due.
        self.outpost("outbox", "flush", "--wait", check=0)
        entries = self.entries()
        self.assertEqual(len(entries), 4)
        for entry in entries:
            self.expect_one_copy("german", "INBOX.Gesendete Objekte", entry)


if __name__ == "__main__":
    unittest.main()
