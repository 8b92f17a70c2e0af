# SPDX-License-Identifier: GPL-3.0-or-later
"""The account's IMAP server and "Save a copy of sent messages" in the real
Edit Account dialog (issue 20): filled in with the keyboard (xdotool), read
through AT-SPI as a screen reader does, checked with `outpost account list
--json` as a script would.

    accounts_sentcopy_test.py --outpost build/app/outpost [-k NAME]
"""
import json

import desktop
import wizard_test  # the module, not its test classes: they run from their own script
from desktop import DesktopTest, wait_until

AUTO_COPIES = "Outpost saves a copy in the Sent folder after each message."
GMAIL_FILES_ITS_OWN = "Gmail files a copy in Sent itself: Outpost will not add another."


class AccountsSentCopyTest(DesktopTest):
    """Accounts with a password (no server is asked: --no-verify) in the real Secret Service."""

    keyring = True

    def add_account(self, host, *options):
        self.desktop.outpost("account", "add", "--name", "Work", "--email", "ada@example.org", "--host", host,
                             "--no-verify", "--password-stdin", *options, input="secret\n")

    def listed(self):
        listed = json.loads(self.desktop.outpost("account", "list", "--json").stdout)
        self.assertEqual(len(listed), 1, listed)
        return listed[0]

    # Opens Edit Account for "Work" from the Accounts window.
    edit = wizard_test.AccountsTest.edit

    def reach(self, dialog, keys, role, name):
        """The field a mnemonic leads to: it has the focus afterwards."""
        field = dialog.find(role, name)
        self.desktop.key(keys)
        wait_until(lambda: field.focused, 5, what=f"{keys} to reach /{name}/")
        return field

    def test_imap_fields_set_by_keyboard_are_saved(self):
        self.add_account("smtp.example.org", "--port", "587", "--security", "starttls")
        self.assertNotIn("imap", self.listed())
        app = self.desktop.launch("accounts")
        dialog = self.edit(app)
        explanation = dialog.find("label", r"^No copy is saved: the account has no incoming \(IMAP\) server\.$")

        host = self.reach(dialog, "alt+m", "text", r"^IMAP server$")
        # A server name that cannot be: the warning says so, and the field has the focus again.
        self.desktop.type("imap example.org")
        self.reach(dialog, "alt+a", "text", r"^IMAP user name$")  # the focus elsewhere
        self.desktop.key("Return")  # Save
        warned = r"^Enter the name of the incoming \(IMAP\) server, without spaces or slashes\.$"
        wait_until(lambda: any(w.find_all("label", warned) for w in app.windows()), 10,
                   what="the warning about the IMAP server's name")
        self.desktop.key("Return")  # OK
        wait_until(lambda: not any(w.find_all("label", warned) for w in app.windows()) and host.focused, 5,
                   what="the warning to close and the IMAP server field to have the focus")
        self.assertNotIn("imap", self.listed(), "nothing was saved")
        self.desktop.key("ctrl+a")
        self.desktop.type("imap.example.org")
        wait_until(lambda: host.text == "imap.example.org", 5, what=f"the IMAP server to be typed ({host.text!r})")
        wait_until(lambda: explanation.name == AUTO_COPIES, 5,
                   what=f"the explanation to follow the server ({explanation.name!r})")
        port = self.reach(dialog, "alt+o", "spin button", r"^IMAP port$")
        self.assertEqual(port.text, "993")
        # The encryption sits beside the port: Tab, then Down for STARTTLS; the port follows.
        self.desktop.key("Tab")
        encryption = dialog.find("combo box", r"^(TLS|IMAP encryption)$")
        wait_until(lambda: encryption.focused, 5, what="Tab to reach the IMAP encryption")
        self.desktop.key("Down")
        wait_until(lambda: port.text == "143", 5, what=f"the port to follow STARTTLS ({port.text!r})")
        username = self.reach(dialog, "alt+a", "text", r"^IMAP user name$")
        self.desktop.type("ada")
        wait_until(lambda: username.text == "ada", 5, what="the IMAP user name to be typed")
        mode = self.reach(dialog, "alt+y", "combo box", r"^(Automatic|Save a copy of sent messages)$")
        self.assertEqual(mode.acc.description, AUTO_COPIES, "the explanation is the mode's description")
        self.desktop.key("Down")  # Automatic -> Always
        wait_until(lambda: dialog.find_all("combo box", r"^Always$"), 5, what="the mode to read Always")
        self.desktop.key("Return")  # Save, the default button
        app.window_gone(r"^Edit Account$", timeout=10)

        account = wait_until(lambda: self.listed() if "imap" in self.listed() else None, 10,
                             what="the IMAP server in the account file")
        self.assertEqual(account["imap"], {"host": "imap.example.org", "port": 143, "security": "starttls",
                                           "username": "ada"})
        self.assertEqual(account["options"]["saveSent"], "always")
        self.assertEqual(account["sent_copy"]["reason"], "always")
        self.assertIs(account["sent_copy"]["copies"], True)
        # The accounts list shows the IMAP server.
        accounts = app.window(r"^Accounts$")
        wait_until(lambda: accounts.find_all("list item", r"IMAP imap\.example\.org:143, STARTTLS"), 5,
                   what="the IMAP server in the accounts list")

        # Emptying the server takes its other fields with it.
        dialog = self.edit(app)
        self.reach(dialog, "alt+m", "text", r"^IMAP server$")
        self.desktop.key("ctrl+a", "BackSpace")
        self.desktop.key("Return")
        app.window_gone(r"^Edit Account$", timeout=10)
        wait_until(lambda: "imap" not in self.listed(), 10, what="the IMAP server to be gone from the account file")
        self.assertEqual(self.listed()["sent_copy"]["reason"], "no_imap_server")

    def test_a_gmail_account_says_that_gmail_files_its_own_copy(self):
        self.add_account("smtp.gmail.com", "--port", "465", "--security", "tls")
        app = self.desktop.launch("accounts")
        dialog = self.edit(app)
        explanation = dialog.find("label", "^" + GMAIL_FILES_ITS_OWN.replace(".", r"\.") + "$")
        self.assertTrue(explanation.showing)
        mode = dialog.find("combo box", r"^(Automatic|Save a copy of sent messages)$")
        self.assertEqual(mode.acc.description, GMAIL_FILES_ITS_OWN)
        # With an IMAP server too, Automatic still adds no copy for Gmail ...
        self.reach(dialog, "alt+m", "text", r"^IMAP server$")
        self.desktop.type("imap.gmail.com")
        wait_until(lambda: dialog.find_all("text", r"^IMAP server$")[0].text == "imap.gmail.com", 5,
                   what="the IMAP server to be typed")
        self.assertEqual(explanation.name, GMAIL_FILES_ITS_OWN)
        # ... and Always says what it leads to.
        self.reach(dialog, "alt+y", "combo box", r"^(Automatic|Save a copy of sent messages)$")
        self.desktop.key("Down")
        wait_until(lambda: explanation.name == "Outpost saves a copy in Sent although Gmail files one itself: expect two.",
                   5, what=f"the explanation for Always ({explanation.name!r})")
        # The explanation follows the sending server as it is typed.
        self.desktop.key("Up")  # back to Automatic
        self.desktop.click(dialog.find("text", r"^(smtp\.gmail\.com|Server:?)$"))
        self.desktop.key("ctrl+a")
        self.desktop.type("smtp.example.org")
        wait_until(lambda: explanation.name == AUTO_COPIES, 5,
                   what=f"the explanation to follow the sending server ({explanation.name!r})")
        self.desktop.key("Escape")  # Cancel: nothing changes
        app.window_gone(r"^Edit Account$", timeout=10)
        account = self.listed()
        self.assertNotIn("imap", account)
        self.assertEqual(account["smtp"]["host"], "smtp.gmail.com")
        self.assertEqual(account["sent_copy"]["explanation"], GMAIL_FILES_ITS_OWN)


if __name__ == "__main__":
    desktop.main()
