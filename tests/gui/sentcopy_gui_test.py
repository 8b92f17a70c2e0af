#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The copy in the Sent folder with the GUI and the command line at once
(issue 20): the real `outpost` GUI (Xvfb + openbox) holds the outbox and
sends, while `outpost outbox flush --wait` runs again and again beside it.
Every message is delivered once by a private Postfix, and its Sent folder
(a private Dovecot, read back with imaplib) holds exactly one copy of it.
The servers are those of tests/cli/sentcopy_cli_test.py (root); the
account's password is in a real Secret Service.

    sentcopy_gui_test.py --outpost build/app/outpost
"""
import base64
import json
import pathlib
import subprocess
import sys
import tempfile
import threading

import desktop
from desktop import DesktopTest, wait_until

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "cli"))
import sentcopy_cli_test as servers  # noqa: E402 (the servers, after the path)

MESSAGES = 6
FOLDER = "INBOX.Gesendete Objekte"  # the "german" Dovecot


class SentCopyGui(DesktopTest):
    keyring = True
    world = None

    @classmethod
    def setUpClass(cls):
        cls.world = servers.World(pathlib.Path(tempfile.mkdtemp(prefix="sentcopy-gui-")))

    @classmethod
    def tearDownClass(cls):
        if cls.world:
            cls.world.stop()

    def entries(self):
        return json.loads(self.desktop.outpost("outbox", "list", "--json").stdout)

    def test_the_gui_and_command_line_flushes_file_one_copy_each(self):
        d = self.desktop
        d.env.update(OUTPOST_EXTRA_CA_FILE=str(self.world.ca_file), OUTPOST_TEST_TIME_SCALE="0.01")
        imap = self.world.imap["german"]
        d.outpost("account", "add", "--name", "Test", "--email", "ada@example.test", "--host", "localhost",
                  "--port", str(self.world.smtp["smtps"]), "--security", "tls", "--username", servers.USER,
                  "--password-stdin", "--no-verify", "--imap-host", imap["host"], "--imap-port", str(imap["imap"]),
                  "--imap-security", "starttls", "--save-sent", "always", input=servers.PASSWORD + "\n")
        for i in range(MESSAGES):
            d.outpost("send", "--to", "bob@example.test", "--subject", "GUI and CLI %d" % i, "--body", "x",
                      "--queue-only")

        # The GUI takes the outbox and sends; two command lines flush at the
        # same time, over and over (each hands over to the GUI, or holds the
        # outbox itself for a moment).
        app = d.launch()
        stop = threading.Event()

        def flush_loop():
            while not stop.is_set():
                subprocess.run([desktop.OUTPOST, "outbox", "flush", "--wait"], env=d.env, capture_output=True,
                               timeout=120)

        loops = [threading.Thread(target=flush_loop) for _ in range(2)]
        for t in loops:
            t.start()
        try:
            wait_until(lambda: all(e["state"] == "sent" and (e.get("sent_copy") or {}).get("state") == "done"
                                   for e in self.entries()), 120, what="every message sent and copied")
        finally:
            stop.set()
            for t in loops:
                t.join(timeout=150)
        self.assertIsNone(app.proc.poll(), "the GUI quit:\n" + app.log())

        entries = self.entries()
        self.assertEqual(len(entries), MESSAGES)
        folder = self.world.folder("german", FOLDER)
        filed = [servers.message_id(base64.b64decode(m["body"])) for m in folder["messages"]]
        for e in entries:
            mid = "<%s>" % e["message_id"]
            count, _ = self.world.delivered(mid)
            self.assertEqual(count, 1, "Postfix delivered %s %d times" % (mid, count))
            self.assertEqual(filed.count(mid), 1, "%d copies of %s in %s" % (filed.count(mid), mid, FOLDER))


if __name__ == "__main__":
    desktop.main()
