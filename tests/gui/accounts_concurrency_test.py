# SPDX-License-Identifier: GPL-3.0-or-later
"""The real Accounts window and `outpost account add` at the same time
(issue 18): an account edited in the GUI (its server and its password)
while the command line adds another, whose `account add` read the accounts
before the GUI saved and saves after it. Afterwards both accounts exist as
each process left them (`outpost account list --json`), each with its
password in the real Secret Service (`secret-tool`), and the GUI lists the
new one; a second save in the GUI keeps it.

    accounts_concurrency_test.py --outpost build/app/outpost [-k NAME]
"""
import json
import os
import subprocess
import time

import desktop
from desktop import DesktopTest, wait_until


class AccountsConcurrencyTest(DesktopTest):
    """Accounts with a password (no server is asked: --no-verify) in the real Secret Service."""

    keyring = True

    def listed(self):
        return {a["name"]: a for a in json.loads(self.desktop.outpost("account", "list", "--json").stdout)}

    def secret(self, account_id):
        r = subprocess.run(["secret-tool", "lookup", "server", "Outpost", "user", "smtp-password:" + account_id],
                           env=self.desktop.env, capture_output=True, text=True, timeout=20)
        return r.stdout

    def edit(self, app, name):
        accounts = app.window(r"^Accounts$", timeout=15)
        self.desktop.click(accounts.find("list item", "^" + name + " — "))
        self.desktop.click(accounts.find("push button", r"Edit"))
        return app.window(r"^Edit Account$", timeout=5)

    def reach(self, dialog, keys, role, name):
        """The field a mnemonic leads to: it has the focus afterwards."""
        field = dialog.find(role, name)
        self.desktop.key(keys)
        wait_until(lambda: field.focused, 5, what=f"{keys} to reach /{name}/")
        return field

    def test_an_edit_in_the_gui_and_an_add_on_the_command_line_both_stay(self):
        self.desktop.outpost("account", "add", "--name", "Work", "--email", "ada@example.org", "--host",
                             "smtp.example.org", "--port", "587", "--security", "starttls", "--no-verify",
                             "--password-stdin", input="work-secret\n")
        work_id = self.listed()["Work"]["id"]
        app = self.desktop.launch("accounts")
        dialog = self.edit(app, "Work")

        # The command line starts adding Home: it has read the accounts (one)
        # and waits for its password on standard input.
        home = subprocess.Popen([desktop.OUTPOST, "account", "add", "--name", "Home", "--email", "ada@home.example",
                                 "--host", "smtp.home.example", "--port", "465", "--security", "tls", "--no-verify",
                                 "--password-stdin"], env=self.desktop.env, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        wait_until(lambda: self.reading_stdin(home), 15, what="`account add` to wait for its password")

        # Meanwhile the GUI saves its edit: another server, a new password.
        host = self.reach(dialog, "alt+v", "text", r"^(Server|Server:)$")
        self.desktop.key("ctrl+a")
        self.desktop.type("mail.example.org")
        wait_until(lambda: host.text == "mail.example.org", 5, what=f"the server to be typed ({host.text!r})")
        self.reach(dialog, "alt+w", "password text", r"^Password$")
        self.desktop.type("work-new")
        self.desktop.key("Return")  # Save, the default button
        app.window_gone(r"^Edit Account$", timeout=10)
        wait_until(lambda: self.listed()["Work"]["smtp"]["host"] == "mail.example.org", 10,
                   what="the GUI's edit in the account file")
        wait_until(lambda: self.secret(work_id) == "work-new", 10, what="the GUI's new password in the keychain")

        # Then the command line gets its password and saves.
        out, err = home.communicate("home-secret\n", timeout=60)
        self.assertEqual(home.returncode, 0, err)

        listed = self.listed()
        self.assertEqual(set(listed), {"Work", "Home"}, listed)
        self.assertEqual(listed["Work"]["smtp"]["host"], "mail.example.org", "the GUI's edit stays")
        self.assertEqual(listed["Home"]["smtp"]["host"], "smtp.home.example")
        self.assertEqual(self.secret(work_id), "work-new")
        self.assertEqual(self.secret(listed["Home"]["id"]), "home-secret")

        # The GUI follows the file: Home is listed, and the GUI's next save
        # (Work's port) keeps it and its password.
        accounts = app.window(r"^Accounts$")
        wait_until(lambda: accounts.find_all("list item", r"^Home — "), 10, what="Home in the GUI's accounts list")
        dialog = self.edit(app, "Work")
        port = self.reach(dialog, "alt+p", "spin button", r".*")
        self.desktop.key("ctrl+a")
        self.desktop.type("2587")
        wait_until(lambda: port.text == "2587", 5, what=f"the port to be typed ({port.text!r})")
        self.desktop.key("Return")
        app.window_gone(r"^Edit Account$", timeout=10)
        wait_until(lambda: self.listed()["Work"]["smtp"]["port"] == 2587, 10, what="the second edit in the file")
        listed = self.listed()
        self.assertEqual(set(listed), {"Work", "Home"}, listed)
        self.assertEqual(self.secret(listed["Home"]["id"]), "home-secret", "Home's keychain entry is not orphaned")
        self.assertEqual(self.secret(work_id), "work-new")

    @staticmethod
    def reading_stdin(proc):
        """The process is blocked in read() on its standard input (Linux)."""
        try:
            with open(f"/proc/{proc.pid}/syscall", encoding="ascii") as f:
                fields = f.read().split()
        except OSError:
            return False
        return len(fields) > 1 and fields[0] == "0" and int(fields[1], 16) == 0  # read(0, ...)


if __name__ == "__main__":
    desktop.main()
