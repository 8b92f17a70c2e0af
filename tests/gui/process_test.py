# SPDX-License-Identifier: GPL-3.0-or-later
"""Outpost among other processes: the real GUI next to command-line runs
that hold the outbox or change the accounts. Xvfb + openbox, xdotool for
input, AT-SPI to read the windows, a real SMTP server (aiosmtpd).

    process_test.py --outpost build/app/outpost [-k NAME]
"""
import datetime
import fcntl
import json
import os
import re
import time

import desktop
from desktop import DesktopTest, wait_until


class ProcessTest(DesktopTest):
    def outbox_lock_path(self):
        # AppLocalDataLocation/outbox/.lock, an flock() held by the flusher.
        outbox = os.path.join(self.desktop.env["XDG_DATA_HOME"], "outpost", "outbox")
        os.makedirs(outbox, exist_ok=True)
        return os.path.join(outbox, ".lock")

    def write_message(self, app, to, subject, body):
        app.window(r"New Message — Outpost")
        self.desktop.write_message(to, subject, body)

    def test_a_send_goes_out_once_another_process_releases_the_outbox(self):
        port = self.desktop.start_smtp()
        self.desktop.add_account(port)
        self.desktop.settings(**{"send/undoDelaySeconds": 0})
        # Another process (a command-line flush, say) holds the outbox while
        # the GUI starts: the GUI cannot be the flusher yet.
        fd = os.open(self.outbox_lock_path(), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            app = self.desktop.launch()
            self.write_message(app, "bob@example.org", "Behind the lock", "Sent when the outbox is free.")
            self.desktop.key("ctrl+Return")
            app.window_gone(r"Behind the lock — Outpost", timeout=5)
            notice = app.window(r"^Outpost$", timeout=5)
            time.sleep(2)
            self.assertEqual(self.desktop.received_messages(), [], "sent while another process held the outbox")
        finally:
            os.close(fd)  # the other process is done
        wait_until(lambda: self.desktop.received_messages(), 15, what="the message at the server")
        wait_until(lambda: "was sent" in notice.all_text(), 10,
                   what=f"the notice to say 'was sent' (it says {notice.all_text()!r})")

    def from_choices(self, composer):
        """The From list's entries, as a screen reader reads them."""
        combo = composer.find("combo box")  # the composer's only one
        return [w.name for w in combo.find_all("list item", showing=False)]

    def test_an_account_added_on_the_command_line_appears_and_sends(self):
        port = self.desktop.start_smtp()
        self.desktop.add_account(port)
        self.desktop.settings(**{"send/undoDelaySeconds": 0})
        app = self.desktop.launch()
        composer = app.window(r"New Message — Outpost")
        wait_until(lambda: self.from_choices(composer), 10, what="the From list")
        self.assertEqual(len(self.from_choices(composer)), 1)
        # While the GUI runs, another account comes from the command line.
        self.desktop.outpost("account", "add", "--name", "Second", "--email", "grace@example.org",
                             "--display-name", "Grace Hopper", "--host", "127.0.0.1", "--port", str(port),
                             "--security", "none", "--auth", "none")
        wait_until(lambda: any("grace@example.org" in c for c in self.from_choices(composer)), 10,
                   what=f"the new account in the From list (it offers {self.from_choices(composer)})")
        self.write_message(app, "bob@example.org", "From the new account", "Sent from Grace.")
        self.desktop.key("alt+m")  # the From list, then its last entry: the new account
        self.desktop.key("End")
        self.desktop.key("ctrl+Return")
        app.window_gone(r"From the new account — Outpost", timeout=5)
        wait_until(lambda: self.desktop.received_messages(), 15, what="the message at the server")
        with open(os.path.join(self.desktop.received, "1.json")) as f:
            self.assertEqual(json.load(f)["mail_from"], "grace@example.org")
        # The GUI's own saves keep the command line's account.
        listed = self.desktop.outpost("account", "list", "--json").stdout
        self.assertIn("grace@example.org", listed)


class NoTrayTest(DesktopTest):
    """Openbox has no system tray, like stock GNOME."""

    def test_a_scheduled_message_goes_out_after_every_window_closed(self):
        port = self.desktop.start_smtp()
        self.desktop.add_account(port)
        self.desktop.settings(**{"send/undoDelaySeconds": 0})
        app = self.desktop.launch()
        app.window(r"New Message — Outpost")
        # Scheduled ~12 s ahead while the GUI runs (the GUI is the sender):
        # well after the last window has closed below (a few seconds, under
        # ASan too).
        when = datetime.datetime.now().replace(microsecond=0) + datetime.timedelta(seconds=12)
        self.desktop.outpost("send", "--from", "Test", "--to", "bob@example.org", "--subject", "Later on",
                             "--body", "Sent with every window closed.", "--at", when.isoformat())
        self.desktop.activate("New Message")
        self.desktop.key("ctrl+w")  # an empty composer closes without a question
        app.window_gone(r"New Message — Outpost", timeout=5)
        # Outpost says what it does, and stays although no window is left.
        notice = app.window(r"^Outpost keeps running$", timeout=5)
        self.assertIn("in the background", notice.all_text())
        self.assertIsNone(app.proc.poll(), "Outpost quit with a message scheduled")
        wait_until(lambda: self.desktop.received_messages() or app.proc.poll() is not None, 40,
                   what="the scheduled message at the server")
        self.assertEqual(len(self.desktop.received_messages()), 1,
                         f"nothing was sent; Outpost exited with {app.proc.poll()}")
        # Nothing left to send: it goes.
        self.assertEqual(app.exited(timeout=30), 0)

    def test_a_message_sent_later_than_a_day_ahead_lets_outpost_quit(self):
        # Due in three days: nothing is due within a day, so Outpost ends once
        # its windows and its notice are closed; the outbox keeps the message
        # for a later run (as the notice and "Outpost keeps running" say).
        port = self.desktop.start_smtp()
        self.desktop.add_account(port)
        app = self.desktop.launch()
        app.window(r"New Message — Outpost")
        self.desktop.write_message("bob@example.org", "In three days", "Not before.")
        app.window(r"In three days — Outpost", timeout=5)
        self.desktop.key("ctrl+shift+Return")
        dialog = app.window(r"^Send Later$", timeout=5)
        field = dialog.find("spin button", r"Send at")
        day = (datetime.date.today() + datetime.timedelta(days=3)).day
        self.desktop.key("Up", "Up")  # tomorrow as offered (the day has the keyboard), then two days on
        wait_until(lambda: re.match(rf"^{day}\D", field.text), 5, what=f"the field to read day {day} ({field.text!r})")
        self.desktop.key("Return")
        app.window_gone(r"In three days — Outpost", timeout=20)
        notice = app.window(r"^Outpost$", timeout=5)
        self.assertIn("will be sent at", notice.all_text())
        self.desktop.activate("^Outpost$")
        self.desktop.key("Escape")  # the person has read it
        self.assertEqual(app.exited(timeout=5), 0)
        entries = json.loads(self.desktop.outpost("outbox", "list", "--json").stdout)
        self.assertEqual([(e["subject"], e["state"]) for e in entries], [("In three days", "queued")])
        self.assertEqual(self.desktop.received_messages(), [])


if __name__ == "__main__":
    desktop.main()
