# SPDX-License-Identifier: GPL-3.0-or-later
"""The account wizard as a new user meets it: the first start of the real
`outpost` process in a real window (Xvfb + openbox), filled in with the
keyboard and mouse (xdotool), read through AT-SPI.

    wizard_test.py --outpost build/app/outpost [-k NAME]
"""
import email
import json
import email.policy
import os
import time

import desktop
from desktop import DesktopTest, wait_until

WIZARD = r"^Add Account$"


class WizardSteps:
    """What a person does in the wizard; for the test classes here and in
    oauth_test.py (a mix-in: it has no tests of its own)."""

    def first_start(self):
        self.app = self.desktop.launch()
        return self.app.window(WIZARD, timeout=20)

    def type_name_and_address(self, wizard, address, password=None):
        """Types the first page as a person does: name, Tab, address (Tab,
        password). The window can be on screen a moment before it has the
        keyboard, so this types once the name field has it, and checks that
        each field took all it was given."""
        name = wizard.find("text", r"^Your name$")
        wait_until(lambda: name.focused, 10, what="the name field to have the keyboard")
        self.desktop.type("Ada Lovelace")
        wait_until(lambda: name.text == "Ada Lovelace", 5, what=f"the name field to read what was typed ({name.text!r})")
        self.desktop.key("Tab")
        self.desktop.type(address)
        field = wizard.find("text", r"^E-mail address$")
        wait_until(lambda: field.text == address, 5, what=f"the address field to read what was typed ({field.text!r})")
        if password:
            self.desktop.key("Tab")
            self.desktop.type(password)

    def set_field(self, window, role, name, text):
        field = window.find(role, name)
        self.desktop.click(field)
        self.desktop.key("ctrl+a")
        self.desktop.type(text)
        wait_until(lambda: field.text == text, 5, what=f"{name} to read {text!r} (it reads {field.text!r})")

    def choose_last(self, window, name):
        """Opens a drop-down list by mouse and takes its last entry by keyboard."""
        self.desktop.click(window.find("combo box", name))
        self.desktop.key("End")
        self.desktop.key("Return")

    def manual_setup(self, host, port, no_encryption, no_sign_in, address="ada@example.org",
                     password="not-a-real-password", starttls=False, oauth=False):
        wizard = self.first_start()
        self.type_name_and_address(wizard, address, password)
        self.desktop.click(wizard.find("push button", r"Manual Setup"))
        wizard.find("label", r"^Server settings$")
        self.set_field(wizard, "text", r"^Server:$", host)
        self.set_field(wizard, "spin button", r"^Port:$", str(port))
        if no_encryption:
            self.choose_last(wizard, r"^(TLS|Encryption:)$")
        elif starttls:
            self.choose(wizard, r"^(TLS|Encryption:)$", 1)
        if no_sign_in:
            self.choose_last(wizard, r"^(Password|Sign-in:)$")
        elif oauth:
            self.choose(wizard, r"^(Password|Sign-in:)$", 1)
        self.desktop.key("alt+n")  # Next: Outpost tries the server
        return wizard

    def choose(self, window, name, position):
        """Opens a drop-down list by mouse and takes the entry at `position`
        (0 is the first) by keyboard."""
        self.desktop.click(window.find("combo box", name))
        self.desktop.key("Home", *["Down"] * position)
        self.desktop.key("Return")


class WizardTest(WizardSteps, DesktopTest):

    def test_first_start_wizard_is_in_front_with_the_keyboard(self):
        wizard = self.first_start()
        # The person starts typing at once: it goes into the wizard.
        wait_until(lambda: self.desktop.active_window_title().startswith("Add Account"), 5,
                   what=f"the wizard to have the keyboard (active: {self.desktop.active_window_title()!r})")
        self.desktop.type("Ada Lovelace")
        name = wizard.find("text", r"^Your name$")
        wait_until(lambda: name.text == "Ada Lovelace", 5, what=f"the name field to read what was typed ({name.text!r})")
        composer = self.app.window(r"New Message — Outpost")
        to = composer.find("text", r"^To:$")
        self.assertEqual(to.text, "")
        # Each Alt+letter has one place: Alt+M is the name field, not also
        # "Manual Setup".
        self.desktop.key("Tab")
        self.desktop.key("alt+m")
        wait_until(lambda: name.focused, 5, what="Alt+M to reach the name field")
        wizard.find("label", r"^Your mail account$")  # still the first page
        # Modal: what is typed after a click on the composer behind it does
        # not reach the composer.
        self.desktop.click(to)
        self.desktop.type("bob@example.org")
        # Typing reaches the wizard again as soon as it is clicked: once it
        # has, the earlier keys have long been handled.
        self.desktop.click(name)
        self.desktop.key("End")
        self.desktop.type("!")
        wait_until(lambda: name.text.endswith("!"), 5, what="the wizard to take typing again")
        self.assertEqual(to.text, "")

    def test_manual_setup_without_authentication_sends(self):
        port = self.desktop.start_smtp()
        # The message goes out at once: its undo delay (10 s unless set) is
        # the composer tests' subject.
        self.desktop.settings(**{"send/undoDelaySeconds": 0})
        wizard = self.manual_setup("127.0.0.1", port, no_encryption=True, no_sign_in=True)
        status = wizard.find("label", r"without signing in", timeout=15)
        self.assertIn("127.0.0.1", status.name)
        self.assertFalse(wizard.find_all("password text", r"Password"), "no password is asked for")
        self.desktop.key("alt+n")  # How you appear
        wizard.find("label", r"^How you appear$")
        self.desktop.key("alt+f")  # Finish
        self.app.window_gone(WIZARD, timeout=5)
        accounts = self.desktop.outpost("account", "list", "--json").stdout
        self.assertIn('"auth": "none"', accounts.replace('":"', '": "'))
        # The account works: a message typed now arrives.
        self.desktop.write_message("bob@example.org", "First message", "Sent through a server without sign-in.")
        self.desktop.key("ctrl+Return")
        wait_until(lambda: self.desktop.received_messages(), 30, what="the message at the server")
        with open(os.path.join(self.desktop.received, self.desktop.received_messages()[0]), "rb") as f:
            msg = email.message_from_binary_file(f, policy=email.policy.default)
        self.assertEqual(msg["From"].addresses[0].addr_spec, "ada@example.org")
        self.assertEqual(msg["From"].addresses[0].display_name, "Ada Lovelace")

    def test_a_failed_sign_in_says_why(self):
        wizard = self.manual_setup("no-such-host.invalid", 465, no_encryption=False, no_sign_in=False)
        # Not just "Signing in failed.": the reason, with the server's name.
        status = wait_until(lambda: next((w for w in wizard.find_all("label")
                                          if "no-such-host.invalid" in w.name and "…" not in w.name), None),
                            30, what="the reason the sign-in failed")
        self.assertRegex(status.name, r"(?i)not found|unknown host|resolve|no address")
        self.assertFalse(wizard.find("push button", r"^Next").enabled)

    def test_oauth_without_a_client_id_says_how_to_configure_one(self):
        # Google's servers, in a build without a client id for Google (the
        # default): no browser opens; the wizard says how to fix it.
        wizard = self.manual_setup("smtp.gmail.com", 587, no_encryption=False, no_sign_in=False,
                                   address="ada@gmail.com", password="", starttls=True, oauth=True)
        status = wizard.find("label", r"client id for Google", timeout=15)
        self.assertRegex(status.name, r"-D\w+=YOUR_ID")
        self.assertIn(os.path.join(self.desktop.env["XDG_CONFIG_HOME"], "outpost", "oauth2"), status.name)
        self.assertFalse(wizard.find_all("push button", r"^Sign in with"), "no sign-in is offered without a client id")
        self.assertFalse(wizard.find("push button", r"^Next").enabled)

    def test_offline_discovery_says_plainly_that_nothing_was_found(self):
        # No network in this desktop: every source fails, every guess too.
        wizard = self.first_start()
        self.type_name_and_address(wizard, "ada@offline-example.org")
        self.desktop.key("alt+n")
        wizard.find("label", r"^Outgoing server$", timeout=60)
        headline = wizard.find("label", r"could not find your settings")
        self.assertTrue(headline.showing)
        text = wizard.all_text()
        self.assertNotIn("that answered", text)
        self.assertIn("offline-example.org", text)
        # Next leads to the settings by hand, not to signing in.
        self.desktop.key("alt+n")
        wizard.find("label", r"^Server settings$")


class DiscoveryImapTest(WizardSteps, DesktopTest):
    """The IMAP server for the Sent copy, as discovery finds it (issue 20):
    runs inside autoconfig_world.py, whose provider.test names
    imap.provider.test, a real Dovecot."""

    keyring = True

    def test_the_found_imap_server_is_shown_and_saved_with_the_account(self):
        wizard = self.first_start()
        self.type_name_and_address(wizard, "someone@provider.test", os.environ["AUTOCONFIG_WORLD_PASSWORD"])
        self.desktop.key("Return")  # Next: discovery
        wizard.find("label", r"^Outgoing server$", timeout=60)
        host = wizard.find("text", r"^IMAP server$")
        wait_until(lambda: host.text == "imap.provider.test", 10, what=f"the IMAP server to be filled in ({host.text!r})")
        self.assertEqual(wizard.find("text", r"^IMAP user name$").text, "someone@provider.test")
        self.assertEqual(wizard.find("spin button", r"^IMAP port$").text, "993")
        wizard.find("label", r"^Found: ")
        wizard.find("label", r"saves a copy in the Sent folder")
        # The group goes along to the settings by hand, and back.
        self.desktop.key("alt+e")  # Edit Settings…
        wizard.find("label", r"^Server settings$")
        self.assertEqual(wizard.find("text", r"^IMAP server$").text, "imap.provider.test")
        self.desktop.key("alt+b")  # Back
        wizard.find("label", r"^Outgoing server$")
        host = wizard.find("text", r"^IMAP server$", timeout=5)
        self.assertEqual(host.text, "imap.provider.test")
        # By keyboard: the mnemonic reaches the mode, an arrow key changes it.
        # (A combo box's accessible name is its current text.)
        mode = wizard.find("combo box", r"^(Automatic|Save a copy of sent messages:?)$")
        self.desktop.key("alt+y")
        wait_until(lambda: mode.focused, 5, what="Alt+Y to reach the copy's mode")
        self.desktop.key("Down")  # Automatic -> Always
        wait_until(lambda: wizard.find_all("combo box", r"^Always$"), 5, what="the mode to read Always")
        self.desktop.key("alt+n")  # Next: the settings by hand again (the person chose to edit them)
        wizard.find("label", r"^Server settings$")
        self.assertTrue(wizard.find_all("combo box", r"^Always$"), "the mode goes along")
        self.desktop.key("alt+n")  # Next: sign in
        wizard.find("label", r"^Signing in$", timeout=10)
        wizard.find("label", r"^Signed in successfully", timeout=30)
        self.desktop.key("alt+n")
        wizard.find("label", r"^How you appear$")
        self.desktop.key("alt+f")  # Finish
        self.app.window_gone(WIZARD, timeout=10)
        listed = wait_until(lambda: json.loads(self.desktop.outpost("account", "list", "--json").stdout or "[]"), 10,
                            what="the account in the account list")
        listed = listed if isinstance(listed, list) else listed.get("accounts", [])
        self.assertEqual(len(listed), 1, listed)
        account = listed[0]
        self.assertEqual(account["imap"]["host"], "imap.provider.test", account)
        self.assertEqual(account["imap"]["port"], 993, account)
        self.assertEqual(account["imap"]["security"], "tls", account)
        self.assertEqual(account["imap"]["username"], "someone@provider.test", account)
        self.assertEqual(account["options"]["saveSent"], "always", account)


class AccountsTest(DesktopTest):
    """The Edit Account dialog, with the real Secret Service for passwords."""

    keyring = True

    def edit(self, app):
        accounts = app.window(r"^Accounts$", timeout=15)
        self.desktop.click(accounts.find("list item", r"^Work — "))
        self.desktop.click(accounts.find("push button", r"Edit"))
        return app.window(r"^Edit Account$", timeout=5)

    def auth_of(self):
        listed = json.loads(self.desktop.outpost("account", "list", "--json").stdout)
        listed = listed if isinstance(listed, list) else listed.get("accounts", [])
        return listed[0]["smtp"]["auth"]

    def test_edit_account_changes_how_it_signs_in(self):
        self.desktop.outpost("account", "add", "--name", "Work", "--email", "ada@example.org", "--host", "127.0.0.1",
                             "--port", "2525", "--security", "none", "--auth", "none")
        app = self.desktop.launch("accounts")
        dialog = self.edit(app)
        sign_in = dialog.find("combo box", r"^(None|Sign-in:)")
        self.desktop.click(sign_in)
        self.desktop.key("Home")
        self.desktop.key("Return")  # Password
        password = dialog.find("password text", r"^Password$")
        self.desktop.click(password)
        self.desktop.type("s3cret-for-test")
        self.desktop.key("Return")  # Save, the default button
        self.app_gone_or_warning(app)
        self.assertEqual(self.auth_of(), "password")
        # And back: no sign-in, and the password leaves the keychain.
        dialog = self.edit(app)
        self.desktop.click(dialog.find("combo box", r"^(Password|Sign-in:)"))
        self.desktop.key("End")
        self.desktop.key("Return")
        self.assertFalse(dialog.find("password text", r"^Password$").enabled)
        self.desktop.key("Return")
        self.app_gone_or_warning(app)
        self.assertEqual(self.auth_of(), "none")

    def app_gone_or_warning(self, app):
        app.window_gone(r"^Edit Account$", timeout=10)
        time.sleep(1)  # a keychain failure would show as a message box now
        self.assertFalse([w.name for w in app.windows() if w.name == "Edit Account"])


if __name__ == "__main__":
    desktop.main()
