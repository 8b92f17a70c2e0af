#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Sent folder over quota, at the outbox (issue 20), through the real
`outpost`: the world of sentcopy_cli_test.py (Postfix and the private
Dovecot servers of tests/scripts/dovecot_imap.py), where the IMAP user
"small" of the "special" server shares ada's password and has a 2 KiB
quota (Dovecot's quota plugin).

Runs as root inside tests/scripts/with_keyring.sh; OUTPOST_BINARY names the
`outpost` to test.

    sentcopy_quota_cli_test.py SentCopyQuotaCli.test_NAME
"""
import base64
import imaplib
import os
import re
import ssl
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sentcopy_cli_test  # noqa: E402
from sentcopy_cli_test import SCRIPTS  # noqa: E402

sys.path.insert(0, str(SCRIPTS))
from dovecot_imap import set_quota  # noqa: E402


def setUpModule():
    sentcopy_cli_test.setUpModule()


def tearDownModule():
    sentcopy_cli_test.tearDownModule()


class SentCopyQuotaCli(sentcopy_cli_test.SentCopyCli):
    def wait_for_quota_limit(self, user, password, kib):
        """Until Dovecot reports the storage limit `kib` for `user` (it
        reads its changed passwd-file at a later sign-in, not at once)."""
        p = sentcopy_cli_test.WORLD.imap["special"]
        deadline = time.time() + 30
        seen = None
        while time.time() < deadline:
            imap = imaplib.IMAP4_SSL(p["host"], p["imaps"], ssl_context=ssl.create_default_context(
                cafile=sentcopy_cli_test.WORLD.imap["ca"]), timeout=20)
            try:
                imap.login(user, password)
                _, data = imap.getquotaroot("INBOX")
                seen = b" ".join(d for part in data for d in part if isinstance(d, bytes))
                if re.search(rb"STORAGE \d+ %d\)" % kib, seen):
                    return
            finally:
                imap.logout()
            time.sleep(0.5)
        self.fail("Dovecot did not take the quota of %d KiB: %r" % (kib, seen))

    def test_over_quota_the_message_stays_sent_and_retry_copy_files_it_once_raised(self):
        world = sentcopy_cli_test.WORLD
        self.add_account("special", imap_user="small")
        body = ("A line of a message larger than the Sent folder's quota." + "." * 13 + "\n") * 60
        self.send("over quota", body=body)
        entry, mid, copy = self.expect_failed_copy("Permanent")
        self.assertIn("OVERQUOTA", copy["server_text"])
        self.assertIn("Quota exceeded", copy["server_text"])
        self.assertNotEqual(copy["reason"], "")
        self.assertEqual(self.copies("special", "Sent", mid, "small", "ada-secret"), [])
        # The same message, once the quota is raised: filed once, not sent again.
        set_quota(os.path.join(world.base, "imap", "special"), "small", "1M")
        self.wait_for_quota_limit("small", "ada-secret", 1024)
        r = self.outpost("outbox", "retry-copy", entry["id"], check=0)
        self.assertIn("Sent", r.stdout.decode())
        entry = self.only_entry()
        self.expect_sent_once(entry)
        self.assertEqual(entry["sent_copy"]["state"], "done", entry)
        copies = self.copies("special", "Sent", mid, "small", "ada-secret")
        self.assertEqual(len(copies), 1)
        self.assertEqual(base64.b64decode(copies[0]["body"]), self.sent_bytes(entry))
        self.assertIn("\\Seen", copies[0]["flags"])


def load_tests(loader, tests, pattern):
    """Only this file's tests (not the inherited ones of sentcopy_cli_test.py)."""
    return unittest.TestSuite(SentCopyQuotaCli(name) for name in vars(SentCopyQuotaCli) if name.startswith("test_"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
