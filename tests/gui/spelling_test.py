# SPDX-License-Identifier: GPL-3.0-or-later
"""Spell checking in the composer as a person meets it (issue 22): the real
`outpost` process in a real window (Xvfb + openbox), typed into with
xdotool, with the system's Hunspell dictionaries (hunspell-en-us,
hunspell-de-de, hunspell-fr).

What is underlined is seen on the screen: Qt does not report a highlighter's
underline as an AT-SPI text attribute (only the document's own formats), so
the test takes a screenshot and looks for red pixels under the word's
characters, whose places AT-SPI gives. The status bar's spelling indicator
says, through AT-SPI, how many words are misspelled once the check is done.

    spelling_test.py --outpost build/app/outpost [-k NAME]
"""
import os
import re
import subprocess
import time

import desktop
from desktop import DesktopTest, wait_until

COMPOSER = r"(New Message|.+) — Outpost$"
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "spelling")


class SpellingTest(DesktopTest):
    def start(self, *args):
        port = self.desktop.start_smtp()
        self.desktop.add_account(port)
        self.desktop.settings(**{"send/undoDelaySeconds": 1})
        self.app = self.desktop.launch(*args)
        return self.app.window(COMPOSER)

    def indicator(self, window):
        return window.find("push button", r"^Spelling language")

    def wait_for_count(self, window, text, timeout=20):
        """Waits for the indicator's account of the finished check."""
        ind = self.indicator(window)
        wait_until(lambda: ind.acc.description == text, timeout,
                   what=f"the spelling indicator to say {text!r} (it says {ind.acc.description!r})")

    def body(self, window):
        return window.find("text", r"^Message text$")

    def red_pixels(self, left, top, width, height):
        """The red pixels of a part of the screen, as (x, y)."""
        shot = os.path.join(self.desktop.tmp, "spelling.png")
        self.desktop.screenshot(shot)
        pixels = subprocess.run(["convert", shot, "-crop", f"{width}x{height}+{left}+{top}", "+repage", "-depth", "8",
                                 "txt:-"], capture_output=True, text=True, check=True).stdout
        red = []
        for m in re.finditer(r"^(\d+),(\d+): \((\d+),(\d+),(\d+)", pixels, re.M):
            x, y, r, g, b = (int(v) for v in m.groups())
            if r >= 150 and r - max(g, b) >= 60:  # the wave is thin: anti-aliased reds count
                red.append((left + x, top + y))
        return red

    def red_lines(self, body):
        """The underlined lines of the text field, as (top, bottom, left,
        right) on the screen, from top to bottom."""
        x, y, w, h = self.desktop.screen_extents(body)
        lines = []
        for px, py in sorted(self.red_pixels(x, y, w, h), key=lambda p: p[1]):
            if lines and py - lines[-1][1] <= 3:
                top, _, left, right = lines[-1]
                lines[-1] = (top, py, min(left, px), max(right, px))
            else:
                lines.append((py, py, px, px))
        return lines

    def red_pixels_under(self, body, word):
        """Red pixels in the lower half and just below the word's characters
        (Qt reports the right places for the first line of the text only)."""
        text = body.text
        start = text.index(word)
        self.assertNotIn("\n", text[:start], "only words of the first line are located")
        t = body.acc.queryText()
        x0, y0, _, h0 = t.getCharacterExtents(start, desktop.pyatspi.DESKTOP_COORDS)
        x1, _, w1, _ = t.getCharacterExtents(start + len(word) - 1, desktop.pyatspi.DESKTOP_COORDS)
        s = self.desktop.scale
        return len(self.red_pixels(round(x0 * s), round((y0 + h0 // 2) * s), round((x1 + w1 - x0) * s),
                                   round((h0 // 2 + 4) * s)))

    def assert_underlined(self, body, word):
        wait_until(lambda: self.red_pixels_under(body, word) > 0, 5, what=f"a red underline under {word!r}")

    def assert_not_underlined(self, body, word):
        self.assertEqual(self.red_pixels_under(body, word), 0, f"{word!r} is underlined")

    # Open menus are not children of the application in AT-SPI (Qt leaves
    # popups out of that list), but the item that has the keyboard announces
    # itself, as a screen reader hears it: its name and its menu's items.
    def setUp(self):
        super().setUp()
        self.focus_events = []

        def on_focus(event):
            try:
                src = event.source
                if event.detail1 == 1 and src.getRoleName() == "menu item":
                    parent = src.parent
                    self.focus_events.append((src.name, [parent.getChildAtIndex(i).name
                                                         for i in range(parent.childCount)]))
            except Exception:  # an item that went away meanwhile
                pass

        self.on_focus = on_focus
        desktop.pyatspi.Registry.registerEventListener(on_focus, "object:state-changed:focused")

    def tearDown(self):
        desktop.pyatspi.Registry.deregisterEventListener(self.on_focus, "object:state-changed:focused")
        super().tearDown()

    def focused_menu_item(self, *keys, timeout=5, containing=None):
        """Presses the keys, then returns (item, items of its menu) for the
        menu item that has the keyboard — in a menu that lists `containing`,
        if given (a late focus event of the menu before does not count)."""
        from gi.repository import GLib
        self.focus_events.clear()
        self.desktop.key(*keys)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            while GLib.MainContext.default().iteration(False):
                pass
            if self.focus_events and (containing is None or containing in self.focus_events[-1][1]):
                return self.focus_events[-1]
            time.sleep(0.02)
        seen = self.focus_events[-1][1] if self.focus_events else None
        raise AssertionError(f"no menu item has the keyboard after {keys}"
                             + (f" in a menu with {containing!r} (last menu: {seen})" if containing else ""))

    def choose(self, current, items, wanted):
        """From the item that has the keyboard, moves to `wanted` and takes it."""
        steps = items.index(wanted) - items.index(current)
        self.desktop.key(*(["Down"] * steps if steps >= 0 else ["Up"] * -steps), "Return")

    def test_typing_a_misspelled_word_underlines_it(self):
        window = self.start()
        self.desktop.write_message("bob@example.org", "Spelling", "I recieve mail daily")
        window = self.app.window(r"Spelling — Outpost")
        self.wait_for_count(window, "1 misspelled word.")
        body = self.body(window)
        self.assert_underlined(body, "recieve")
        self.assert_not_underlined(body, "mail")
        self.assertIn("American English", self.indicator(window).name)
        # Corrected by typing: the underline goes.
        self.desktop.key("ctrl+End")
        self.desktop.key(*["BackSpace"] * len(" daily"))
        self.desktop.key("ctrl+shift+Left", "ctrl+shift+Left", "ctrl+shift+Left")  # "recieve mail" + the space
        self.desktop.type("receive mail")
        self.wait_for_count(window, "No misspelled words.")
        self.assert_not_underlined(body, "receive")

    def test_a_suggestion_from_the_context_menu_replaces_the_word(self):
        self.start()
        self.desktop.write_message("bob@example.org", "Suggestions", "Please recieve")
        window = self.app.window(r"Suggestions — Outpost")
        self.wait_for_count(window, "1 misspelled word.")
        # Shift+F10 opens the menu at the text cursor (at the word's end);
        # Down enters it: the suggestions come first, then the commands.
        current, items = self.focused_menu_item("shift+F10", "Down")
        self.assertEqual(current, "receive")
        self.assertIn("Add to Dictionary", items)
        self.assertIn("Ignore", items)
        self.assertLess(items.index("receive"), items.index("Add to Dictionary"))
        self.assertIn("Undo", items)  # the editor's own commands stay
        self.choose(current, items, "receive")
        body = self.body(window)
        wait_until(lambda: body.text == "Please receive", 5, what=f"the suggestion in the text ({body.text!r})")
        self.wait_for_count(window, "No misspelled words.")

    def test_add_to_dictionary_survives_a_restart(self):
        self.start()
        self.desktop.write_message("bob@example.org", "Own words", "Zorblaxian greetings")
        window = self.app.window(r"Own words — Outpost")
        self.wait_for_count(window, "1 misspelled word.")
        self.desktop.key("ctrl+Home")  # the text cursor in the word
        _, items = self.focused_menu_item("shift+F10", "Down")
        self.assertIn("Add to Dictionary", items)
        self.desktop.key("d")  # Add to &Dictionary
        self.wait_for_count(window, "No misspelled words.")
        path = os.path.join(self.desktop.env["XDG_CONFIG_HOME"], "outpost", "dictionary.txt")
        with open(path, encoding="utf-8") as f:
            self.assertEqual(f.read(), "Zorblaxian\n")
        self.desktop.key("ctrl+w")
        box = self.app.window(r"Keep this message\?", timeout=5)
        self.desktop.click(box.find("push button", r"Discard"))
        self.assertEqual(self.app.exited(timeout=10), 0)
        # A new start knows the word; other mistakes are still found.
        self.app = self.desktop.launch("compose", "--to", "bob@example.org", "--subject", "Again",
                                       "--body", "Zorblaxian greetings recieved")
        window = self.app.window(r"Again — Outpost")
        self.wait_for_count(window, "1 misspelled word.")
        body = self.body(window)
        self.assert_underlined(body, "recieved")
        self.assert_not_underlined(body, "Zorblaxian")

    def test_a_german_letter_has_no_false_positives_with_the_german_dictionary(self):
        with open(os.path.join(DATA, "german_sample.txt"), encoding="utf-8") as f:
            text = f.read().strip()
        self.assertGreaterEqual(len(text.split()), 1000)
        self.start("compose", "--to", "bob@example.org", "--subject", "Brief", "--body", text)
        window = self.app.window(r"Brief — Outpost")
        # Three dictionaries are installed: the text's language is guessed.
        wait_until(lambda: "Deutsch" in self.indicator(window).name, 20,
                   what=f"German to be guessed ({self.indicator(window).name!r})")
        self.wait_for_count(window, "No misspelled words.")
        # The count is real: one misspelled German word typed at the end is
        # found, with the German dictionary still chosen.
        self.desktop.click(self.body(window))
        self.desktop.key("ctrl+End")
        self.desktop.type(" Bis morgen am Schreibtsch")
        self.wait_for_count(window, "1 misspelled word.")
        self.assertIn("Deutsch", self.indicator(window).name)

    def test_quoted_lines_are_not_checked(self):
        self.start("compose", "--to", "bob@example.org", "--subject", "Quoted",
                   "--body", "> Thsi qoute is wrnog\n> and mroe\n\nMy answr is here")
        window = self.app.window(r"Quoted — Outpost")
        self.wait_for_count(window, "1 misspelled word.")
        body = self.body(window)
        # One line is underlined, the fourth, below the quote: Qt gives the
        # places of the first line's characters only; the lines below are as
        # tall.
        t = body.acc.queryText()
        _, y, _, h = t.getCharacterExtents(0, desktop.pyatspi.DESKTOP_COORDS)
        lines = wait_until(lambda: self.red_lines(body), 5, what="an underline")
        self.assertEqual(len(lines), 1, lines)
        top = lines[0][0]
        self.assertGreater(top, (y + 3 * h) * self.desktop.scale, f"an underline in the quote: {lines}")

    def test_check_before_sending_asks_about_misspelled_words(self):
        self.desktop.settings(**{"spelling/checkBeforeSend": "true"})
        self.start()
        self.desktop.write_message("bob@example.org", "Careful", "A mesage with a mistake")
        window = self.app.window(r"Careful — Outpost")
        self.wait_for_count(window, "1 misspelled word.")
        self.desktop.key("ctrl+Return")
        box = self.app.window(r"Send with spelling mistakes\?", timeout=5)
        self.assertIn("mesage", box.all_text())
        self.desktop.key("Return")  # Review: back to the word
        self.app.window_gone(r"Send with spelling mistakes\?")
        body = self.body(window)
        sel = body.acc.queryText().getSelection(0)
        self.assertEqual(body.text[sel[0]:sel[1]], "mesage")
        self.desktop.key("ctrl+Return")
        box = self.app.window(r"Send with spelling mistakes\?", timeout=5)
        self.desktop.click(box.find("push button", r"Send Anyway"))
        # Sent on: the composer goes, the message is queued.
        self.app.window_gone(r"Careful — Outpost", timeout=5)
        notice = self.app.window(r"^Outpost$", timeout=5)
        wait_until(lambda: "Careful" in notice.all_text(), 5, what="the notice about the message")


if __name__ == "__main__":
    desktop.main()
