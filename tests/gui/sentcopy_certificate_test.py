#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Trusting the IMAP server's certificate for the Sent copy from the outbox
(issue 20), as for SMTP: a private Dovecot whose certificate is signed by a
CA that Outpost is not given; the copy fails and says why; Retry Copy shows
the server's certificate (the real dialog, read through AT-SPI), trusting
it pins it, and the copy is filed once (read back from Dovecot by imaplib).
Then the server's certificate changes: the accounts' Test Connection, which
checks the IMAP server too, shows the loud warning and pins the new one.
Sending goes through aiosmtpd over STARTTLS, whose certificate Outpost does
trust (OUTPOST_EXTRA_CA_FILE).

    sentcopy_certificate_test.py --outpost build/app/outpost
"""
import email
import hashlib
import imaplib
import json
import os
import re
import shutil
import ssl
import subprocess
import sys
import tempfile

import desktop
from desktop import DesktopTest, wait_until

sys.path.insert(0, desktop.SCRIPTS)
import dovecot_imap  # noqa: E402 (after the path)

USER, PASSWORD = "ada", dovecot_imap.USERS["ada"]


def fingerprint(cert):
    with open(cert, "rb") as f:
        return hashlib.sha256(ssl.PEM_cert_to_DER_cert(f.read().decode())).hexdigest().upper()


class SentCopyCertificateTest(DesktopTest):
    keyring = True

    def setUp(self):
        super().setUp()
        self.base = tempfile.mkdtemp(prefix="sentcopy-cert-")
        os.chmod(self.base, 0o755)
        self.addCleanup(shutil.rmtree, self.base, ignore_errors=True)
        self.ca, cert, key = dovecot_imap.make_certificates(os.path.join(self.base, "tls"))
        self.dovecot = dovecot_imap.DovecotImap(os.path.join(self.base, "special"), "special", cert, key).start()
        self.addCleanup(lambda: self.dovecot.stop())  # (the one running then)
        self.fingerprint = fingerprint(cert)
        # The sending server's own certificate: the one CA file Outpost gets.
        self.smtp_cert, smtp_key = os.path.join(self.base, "smtp.pem"), os.path.join(self.base, "smtp.key")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                        "-nodes", "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
                        "-keyout", smtp_key, "-out", self.smtp_cert], check=True, capture_output=True)
        d = self.desktop
        smtp = subprocess.Popen(["/usr/bin/python3", os.path.join(desktop.SCRIPTS, "aiosmtpd_server.py"), "--outdir",
                                 d.received, "--cert", self.smtp_cert, "--key", smtp_key, "--user", USER,
                                 "--password", PASSWORD], env=d.env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                text=True)  # it runs until its stdin closes (Desktop.close)
        d.processes.append(smtp)
        m = re.match(r"READY (\d+)", smtp.stdout.readline())
        self.assertTrue(m, "aiosmtpd did not start")
        self.smtp_port = int(m.group(1))

    def replace_certificate(self):
        """The IMAP server starts again, on the same ports, with another certificate."""
        self.dovecot.stop()
        self.ca, cert, key = dovecot_imap.make_certificates(os.path.join(self.base, "tls-new"))
        again = dovecot_imap.DovecotImap(os.path.join(self.base, "special-new"), "special", cert, key)
        again.imap_port, again.imaps_port = self.dovecot.imap_port, self.dovecot.imaps_port
        self.dovecot = again.start()
        return fingerprint(cert)

    def shown_fingerprint(self, dialog):
        return dialog.find("label", r"^[0-9A-F:\n]+$").name.replace(":", "").replace("\n", "")

    def copies_in_sent(self, mid=None):
        """How many messages in Sent have Message-ID `mid` (None: how many there are)."""
        imap = imaplib.IMAP4_SSL("127.0.0.1", self.dovecot.imaps_port,
                                 ssl_context=ssl.create_default_context(cafile=self.ca), timeout=20)
        imap.login(USER, PASSWORD)
        imap.select('"Sent"', readonly=True)
        _, data = imap.uid("FETCH", "1:*", "(BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
        imap.logout()
        ids = [email.message_from_bytes(item[1])["Message-ID"].strip() for item in data if isinstance(item, tuple)]
        return len(ids) if mid is None else ids.count(mid)

    def entry(self):
        entries = json.loads(self.desktop.outpost("outbox", "list", "--json").stdout)
        self.assertEqual(len(entries), 1, entries)
        return entries[0]

    def test_the_imap_certificate_is_reviewed_trusted_and_the_copy_filed(self):
        d = self.desktop
        d.env.update(OUTPOST_EXTRA_CA_FILE=self.smtp_cert)
        d.outpost("account", "add", "--name", "Test", "--email", "ada@example.test", "--host", "localhost",
                  "--port", str(self.smtp_port), "--security", "starttls", "--username", USER, "--password-stdin",
                  "--no-verify", "--imap-host", "127.0.0.1", "--imap-port", str(self.dovecot.imaps_port),
                  "--imap-security", "tls", "--save-sent", "always", input=PASSWORD + "\n")
        d.outpost("send", "--to", "bob@example.test", "--subject", "Certificate", "--body", "x", "--queue-only")
        app = d.launch("compose")
        app.window(r"New Message — Outpost", timeout=20)
        copy = lambda: self.entry().get("sent_copy") or {}
        wait_until(lambda: copy().get("state") == "failed", 30, what=lambda: f"the copy to fail (the entry: {self.entry()!r})")
        self.assertEqual(self.entry()["state"], "sent")
        self.assertEqual(copy()["code"], "CertificateUntrusted", copy())

        # The outbox says why, and offers to review the certificate.
        d.activate("New Message")
        d.key("ctrl+shift+o")
        outbox = app.window(r"^Outbox — Outpost$", timeout=10)
        outbox.find("table cell", r"no copy in Sent: The certificate of the IMAP server 127\.0\.0\.1 is not trusted",
                    timeout=10)
        d.click(outbox.find("table cell", r"^Certificate$"))
        retry = outbox.find("push button", r"Retry Copy")
        wait_until(lambda: retry.enabled, 10, what="Retry Copy to be offered for the failed copy")
        d.click(retry)
        dialog = app.window(r"^Untrusted Server Certificate$", timeout=10)  # failed before: no dialog, the copy failed again
        self.assertEqual(self.shown_fingerprint(dialog), self.fingerprint, "the dialog shows the IMAP server's certificate")
        dialog.find("label", r"^127\.0\.0\.1:%d$" % self.dovecot.imaps_port)
        d.click(dialog.find("push button", r"^Trust This Certificate for This Server$"))
        app.window_gone(r"^Untrusted Server Certificate$", timeout=10)

        wait_until(lambda: copy().get("state") == "done", 30, what=f"the copy to be filed ({copy()!r})")
        self.assertEqual(self.copies_in_sent("<%s>" % self.entry()["message_id"]), 1)
        self.assertEqual(len(d.received_messages()), 1, "the message was sent once")

        # The accounts' Test Connection checks the IMAP server too, with the
        # same pins: a certificate that changed since is a loud warning, and
        # trusting it pins it for the IMAP port, after which the test passes.
        replaced = self.replace_certificate()
        d.launch("accounts")
        accounts = app.window(r"^Accounts$", timeout=10)
        d.click(accounts.find("list item", r"^Test — "))
        d.click(accounts.find("push button", r"^Test Connection$"))
        dialog = app.window(r"^Server Certificate Changed$", timeout=15)
        self.assertEqual(self.shown_fingerprint(dialog), replaced)
        dialog.find("label", r"^127\.0\.0\.1:%d$" % self.dovecot.imaps_port)
        d.click(dialog.find("check box", r"^My provider confirmed this new fingerprint$"))
        d.click(dialog.find("push button", r"^Trust This Certificate for This Server$"))
        report = accounts.find("text", r"^Connection test report$")
        wait_until(lambda: "IMAP: signed in; copies of sent messages go to the folder “Sent”." in report.text, 15,
                   what=f"the IMAP server to pass the test ({report.text!r})")
        self.assertEqual(self.copies_in_sent(), 0, "Test Connection filed nothing")
        self.assertIsNone(app.proc.poll(), "the GUI quit:\n" + app.log())


if __name__ == "__main__":
    desktop.main()
