# SPDX-License-Identifier: GPL-3.0-or-later
"""The address book in the composer (issue 22): the real `outpost` process
in a real window (Xvfb + openbox), contacts imported with the real command
line, typed into with xdotool, read through AT-SPI, sent to a real SMTP
server (aiosmtpd).

    contacts_test.py --outpost build/app/outpost [-k NAME]
"""
import email
import email.policy
import os
import re

import desktop
from desktop import DesktopTest, wait_until

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "contacts")


class ContactsTest(DesktopTest):
    def import_contacts(self, *names):
        for name in names:
            r = self.desktop.outpost("contacts", "import", os.path.join(DATA, name))
            self.assertEqual(r.stderr, "")

    def start(self):
        port = self.desktop.start_smtp()
        self.desktop.add_account(port)
        self.desktop.settings(**{"send/undoDelaySeconds": 0})
        self.app = self.desktop.launch()
        composer = self.app.window(r"New Message — Outpost")
        self.desktop.activate("New Message")
        to = composer.find("text", r"^To:$")
        wait_until(lambda: to.focused, 5, what="the keyboard in the To field")
        return composer, to

    def popups(self):
        # The list of completions is a pop-up window: AT-SPI does not list
        # pop-ups among an application's windows; X11 shows it mapped.
        return set(self.desktop.xdotool("search", "--onlyvisible", "--pid", str(self.app.proc.pid)).split())

    def complete(self, to, typed, expected_end, choice=1):
        """Types `typed`, waits for the list, takes its `choice`th row."""
        before = self.popups()
        self.desktop.type(typed)
        wait_until(lambda: self.popups() - before, 5, what=f"the list of completions for {typed!r}")
        self.desktop.key(*["Down"] * choice, "Return")
        wait_until(lambda: not self.popups() - before, 5, what="the list of completions to close")
        wait_until(lambda: to.text.endswith(expected_end), 5,
                   what=f"the completion in the field ({to.text[-120:]!r}, not ending in {expected_end!r})")

    def test_an_imported_contact_is_offered_by_nickname_and_a_group_expands_to_its_members(self):
        self.import_contacts("thunderbird-4.0.vcf", "apple-3.0.vcf")
        composer, to = self.start()
        self.complete(to, "Enchant", '"Lovelace, Ada" <ada@analytical.example>')
        self.assertEqual(to.text, '"Lovelace, Ada" <ada@analytical.example>')
        self.complete(to, ", Kolleg", "Åse Ødegård <ase@nordlys.example>, \"Dr. Siobhán O'Brien\" <siobhan.obrien@university.example>")
        self.assertEqual(to.text, '"Lovelace, Ada" <ada@analytical.example>, Åse Ødegård <ase@nordlys.example>, '
                                  "\"Dr. Siobhán O'Brien\" <siobhan.obrien@university.example>")
        # Sent, the group is its members.
        self.desktop.key("Tab", "Tab", "Tab")
        self.desktop.type("To the colleagues")
        self.desktop.key("Tab")
        self.desktop.type("Hello all.")
        self.desktop.key("ctrl+Return")
        wait_until(lambda: self.desktop.received_messages(), 20, what="the message at the server")
        with open(os.path.join(self.desktop.received, self.desktop.received_messages()[0]), "rb") as f:
            message = email.message_from_binary_file(f, policy=email.policy.default)
        self.assertEqual(sorted(a.addr_spec for a in message["To"].addresses),
                         ["ada@analytical.example", "ase@nordlys.example", "siobhan.obrien@university.example"])
        del composer

    def test_contacts_imported_on_the_command_line_reach_an_open_composer(self):
        composer, to = self.start()
        self.import_contacts("android-2.1.vcf")
        # The composer learns of the import through a file watch: until it
        # has, typing offers nothing, so the entry is typed again.
        def offered():
            before = self.popups()
            self.desktop.key("ctrl+a", "BackSpace")
            self.desktop.type("ivano")
            try:
                wait_until(lambda: self.popups() - before, 1, what="the list of completions")
                return True
            except AssertionError:
                return False
        wait_until(offered, 15, interval=0.2, what="the imported contact to be offered")
        self.desktop.key("Down", "Return")
        wait_until(lambda: to.text == "Иван Иванов <ivan.ivanov@example.ru>", 5,
                   what=f"the contact in the field ({to.text!r})")
        del composer

    def test_the_contact_picker_adds_a_found_person_and_a_group_by_keyboard(self):
        self.import_contacts("thunderbird-4.0.vcf", "apple-3.0.vcf")
        composer, to = self.start()
        self.desktop.key("ctrl+shift+b")
        picker = self.app.window(r"^Contacts$", timeout=5)
        for name in ("Add to To", "Add to Cc", "Add to Bcc"):
            self.assertTrue(picker.find("push button", "^%s$" % name))
        search = picker.find("text", r"^Search contacts$")
        wait_until(lambda: search.focused, 5, what="the keyboard in the search field")
        people = picker.find("list", r"^Contacts$")
        self.desktop.type("nordlys")
        # Found by her organisation, Nordlys AS: both her addresses, the
        # preferred one first and chosen.
        wait_until(lambda: [i.name for i in people.children()]
                   == ["Åse Ødegård <ase@nordlys.example>", "Åse Ødegård <ase.odegard@example.no>"], 5,
                   what=f"only Åse in the list ({[i.name for i in people.children()]})")
        self.desktop.key("alt+c")
        cc = composer.find("text", r"^Cc:$")
        wait_until(lambda: cc.text == "Åse Ødegård <ase@nordlys.example>", 5, what=f"Åse in Cc ({cc.text!r})")
        # A group shows its members; all of them go to Bcc.
        self.desktop.key("alt+s", "ctrl+a", "BackSpace", "alt+g", "k", "Tab", "ctrl+a", "alt+b")
        bcc = composer.find("text", r"^Bcc:$")
        wait_until(lambda: sorted(re.findall(r"<([^>]+)>", bcc.text)) == ["ase@nordlys.example", "siobhan.obrien@university.example"],
                   5, what=f"the group's members in Bcc ({bcc.text!r})")
        self.assertEqual(to.text, "")
        self.desktop.key("Escape")
        self.app.window_gone(r"^Contacts$")


if __name__ == "__main__":
    desktop.main()
