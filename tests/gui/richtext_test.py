# SPDX-License-Identifier: GPL-3.0-or-later
"""Rich text worth sending (issue 22), end to end: a message using every
format of the formatting bar, an image pasted from the clipboard and a web
page pasted as HTML, typed into the real composer (Xvfb + openbox, xdotool,
xclip for the X clipboard), sent through a private Postfix (SMTPS with a
password from the real Secret Service) and read back from its Maildir with
Python's email package and an HTML5 parser.

    richtext_test.py --outpost build/app/outpost [-k NAME]   (as root: Postfix)
"""
import base64
import email
import email.policy
import glob
import json
import os
import pathlib
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

import html5lib

import desktop
from desktop import DesktopTest, wait_until

sys.path.insert(0, desktop.SCRIPTS)
import flowed  # noqa: E402

COMPOSER = r"(New Message|.+) — Outpost$"

# A web page as a browser puts it on the clipboard: a style sheet, a script,
# a remote image, a table of classes — and text in several formats.
WEB_PAGE = """<html><head><style>p { color: red }</style><script>alert(1)</script></head><body>
<!--StartFragment--><h2 class="title">From the web</h2>
<p style="font-family: Comic Sans MS">A <a href="https://example.com/article">pasted link</a>,
<span style="color:#2e7d32">green words</span> and <s>old text</s>.</p>
<img src="https://tracker.example.net/pixel.gif" alt="remote picture">
<ul><li>web item</li></ul><!--EndFragment--></body></html>
"""


def png(width, height, rgb):
    """A small PNG written here, so that its bytes are known exactly."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    row = b"\x00" + bytes(rgb) * width
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(row * height)) + chunk(b"IEND", b""))


class Postfix:
    """tests/scripts/postfix_instance.py with a certificate for localhost."""

    def __init__(self, base):
        os.makedirs(base)
        os.chmod(base, 0o755)
        self.cert, key = os.path.join(base, "cert.pem"), os.path.join(base, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                        "/CN=localhost", "-addext", "subjectAltName=DNS:localhost", "-keyout", key, "-out", self.cert],
                       check=True, capture_output=True)
        os.chmod(key, 0o644)
        self.proc = subprocess.Popen([sys.executable, os.path.join(desktop.SCRIPTS, "postfix_instance.py"),
                                      "--dir", os.path.join(base, "pf"), "--cert", self.cert, "--key", key],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if not line.startswith("READY "):
            raise AssertionError("Postfix did not start: " + line)
        self.info = json.loads(line[6:])

    def delivered(self):
        return sorted(glob.glob(os.path.join(self.info["maildir"], "new", "*")))

    def stop(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


class RichTextTest(DesktopTest):
    keyring = True

    def setUp(self):
        if os.geteuid() != 0:
            self.fail("richtext_test.py runs as root: the message goes through a private Postfix")
        super().setUp()
        # Postfix's daemons must reach their folder: one readable by all.
        base = tempfile.mkdtemp(prefix="outpost-richtext-")
        os.chmod(base, 0o755)
        self.addCleanup(shutil.rmtree, base, ignore_errors=True)
        self.postfix = Postfix(os.path.join(base, "postfix"))
        self.addCleanup(self.postfix.stop)
        self.desktop.env["OUTPOST_EXTRA_CA_FILE"] = self.postfix.cert
        self.desktop.outpost("account", "add", "--name", "Work", "--email", "ada@example.test", "--display-name",
                             "Ada Lovelace", "--host", "localhost", "--port", str(self.postfix.info["smtps"]),
                             "--security", "tls", "--username", "user", "--password-stdin", input="secret\n")
        self.desktop.settings(**{"send/undoDelaySeconds": 1})

    def choose(self, button, item):
        """A colour from the formatting bar's menu, by mouse."""
        composer = self.app.window(COMPOSER)
        self.desktop.click(composer.find(None, button))
        entry = wait_until(lambda: next((m for w in self.app.windows() for m in w.find_all("menu item", item)), None),
                           5, what=f"the menu item {item}")
        self.desktop.click(entry)

    def type_every_format(self):
        d = self.desktop
        d.key("ctrl+shift+x")  # Format > Rich Text
        self.app.window(COMPOSER).find("text", r"^Message text \(formatted\)$")
        d.type("Plain ")
        for keys, words in (("ctrl+b", "bold"), ("ctrl+i", "italic"), ("ctrl+u", "underlined"),
                            ("alt+shift+5", "struck"), ("ctrl+greater", "larger")):
            d.key(keys)
            d.type(words)
            d.key("ctrl+less" if keys == "ctrl+greater" else keys)
            d.type(" ")
        self.choose(r"^Text Colour$", r"^Red$")
        d.type("red")
        self.choose(r"^Text Colour$", r"^Default$")
        d.type(" and a link to ")
        d.key("ctrl+k")
        dialog = self.app.window(r"^Insert Link$", timeout=5)
        d.type("the project")
        d.key("Tab")
        d.type("https://example.org/project")
        d.key("Return")
        self.app.window_gone(r"^Insert Link$")
        d.type(".")
        d.key("Return")
        d.key("ctrl+shift+7")  # numbered list
        d.type("first")
        d.key("Return")
        d.type("second")
        d.key("Return")
        d.key("Tab")  # one level down
        d.key("ctrl+shift+8")  # that level bulleted
        d.type("nested bullet")
        d.key("Return")
        d.type("another")
        d.key("Return")
        d.key("shift+Tab")  # back to the numbers
        d.type("third")
        d.key("Return")
        d.key("Return")  # an empty item ends the list
        d.key("ctrl+bracketright")
        d.type("An indented paragraph.")
        d.key("Return")
        d.key("ctrl+bracketleft")
        d.key("ctrl+shift+9")
        d.type("A quoted line.")
        d.key("Return")
        d.key("ctrl+shift+9")
        d.type("Picture: ")
        del dialog

    def test_every_format_an_image_and_a_web_page_arrive_as_clean_mime(self):
        self.app = self.desktop.launch()
        self.app.window(r"New Message — Outpost")
        self.desktop.write_message("bob@example.test", "Every format", "")
        self.type_every_format()
        picture = png(300, 200, (200, 30, 30))
        self.desktop.clipboard("image/png", picture)
        self.desktop.key("ctrl+v")
        self.desktop.key("Return")
        self.desktop.clipboard("text/html", WEB_PAGE.encode())
        self.desktop.key("ctrl+v")
        self.desktop.key("ctrl+Return")
        path = wait_until(lambda: next(iter(self.postfix.delivered()), None), 60, what="the message in Postfix's Maildir")
        with open(path, "rb") as f:
            raw = f.read()
        msg = email.message_from_bytes(raw, policy=email.policy.default)

        # The structure: text and a related part of the HTML and its image.
        self.assertEqual(msg.get_content_type(), "multipart/alternative")
        plain_part, related = list(msg.iter_parts())
        self.assertEqual(plain_part.get_content_type(), "text/plain")
        self.assertEqual(related.get_content_type(), "multipart/related")
        self.assertEqual(related.get_param("type"), "text/html")
        html_part, image_part = list(related.iter_parts())
        self.assertEqual(html_part.get_content_type(), "text/html")
        self.assertEqual(image_part.get_content_type(), "image/png")
        self.assertEqual(image_part.get_content_disposition(), "inline")
        self.assertEqual(image_part.get_payload(decode=True), picture, "the pasted bytes, unchanged")
        cid = str(image_part["Content-ID"]).strip("<>")
        self.assertTrue(cid.endswith("@example.test"), cid)
        self.assertNotIn(os.uname().nodename, cid)
        html = html_part.get_content()
        self.assertIn(f'src="cid:{cid}"', html)

        # The HTML is standard: an HTML5 parser reads it without errors, and
        # nothing of Qt's is in it.
        parser = html5lib.HTMLParser(strict=False)
        tree = parser.parse(html)
        self.assertEqual(parser.errors, [], html)
        self.assertNotIn("qt", html.lower())
        ns = {"h": "http://www.w3.org/1999/xhtml"}
        text = lambda tag: [("".join(e.itertext())).strip() for e in tree.iterfind(f".//h:{tag}", ns)]
        self.assertIn("bold", text("b"))
        self.assertIn("italic", text("i"))
        self.assertIn("underlined", text("u"))
        self.assertIn("struck", text("s"))
        self.assertIn("old text", text("s"))
        self.assertTrue(re.search(r'<span style="font-size:[^"]+">larger</span>', html), html)
        self.assertTrue(re.search(r'<span style="color:#[0-9a-f]{6}">red</span>', html), html)
        self.assertTrue(re.search(r'<span style="color:#2e7d32">green words</span>', html), html)
        links = {e.get("href"): "".join(e.itertext()) for e in tree.iterfind(".//h:a", ns)}
        self.assertEqual(links.get("https://example.org/project"), "the project")
        self.assertEqual(links.get("https://example.com/article"), "pasted link")
        self.assertEqual(len(tree.findall(".//h:ol/h:li/h:ul/h:li", ns)), 2, "a bulleted list inside a numbered one")
        self.assertTrue(tree.findall(".//h:blockquote", ns))
        self.assertTrue(re.search(r'<div style="margin-left:\d+px">An indented paragraph\.</div>', html), html)
        self.assertNotIn("tracker.example.net", html, "a remote image is never referenced")
        self.assertNotIn("alert(", html)
        self.assertNotIn("Comic Sans", html)
        images = tree.findall(".//h:img", ns)
        self.assertEqual([i.get("src") for i in images], [f"cid:{cid}"])

        # The plain part: numbering, links, the image named where it was.
        plain = plain_part.get_content().replace("\r\n", "\n")
        if plain_part.get_param("format") == "flowed":
            plain = flowed.decode(plain, plain_part.get_param("delsp") == "yes")
        self.assertIn("1. first\n2. second\n", plain)
        self.assertRegex(plain, r"\n +- nested bullet\n +- another\n3\. third\n")
        self.assertIn("the project <https://example.org/project>", plain)
        self.assertIn("pasted link <https://example.com/article>", plain)
        self.assertIn("*bold*", plain)
        self.assertIn("> A quoted line.", plain)
        self.assertRegex(plain, r"Picture: \[image: [^\]]+\.png\]")
        self.assertNotIn("tracker.example.net", plain)

        # Every part as Outpost wrote it was read without a defect.
        for part in msg.walk():
            self.assertEqual(part.defects, [], part.get_content_type())



def start_formatted_message(desktop, subject, env):
    """A server, an account, and a new message with rich text on, its text
    field focused; returns the running Outpost."""
    desktop.add_account(desktop.start_smtp())
    app = desktop.launch(env=env)
    app.window(r"New Message — Outpost")
    desktop.write_message("bob@example.org", subject, "")
    desktop.key("ctrl+shift+x")
    app.window(COMPOSER).find("text", r"^Message text \(formatted\)$")
    return app


class DraftImageTest(DesktopTest):
    """An image in a draft survives a crash: kept as a file beside the draft."""

    def test_a_pasted_image_survives_a_crash_and_is_sent(self):
        self.desktop.settings(**{"send/undoDelaySeconds": 1})
        app = start_formatted_message(self.desktop, "Chart after a crash", {"OUTPOST_DRAFT_AUTOSAVE_MS": "200"})
        self.desktop.type("The chart: ")
        picture = png(120, 80, (20, 120, 200))
        path = os.path.join(self.desktop.tmp, "chart.png")
        with open(path, "wb") as f:
            f.write(picture)
        # A file manager's copy: the image's file URL.
        self.desktop.clipboard("text/uri-list", b"file://" + path.encode())
        self.desktop.key("ctrl+v")
        drafts = os.path.join(self.desktop.env["XDG_DATA_HOME"], "outpost", "drafts")
        saved = wait_until(lambda: [p for p in glob.glob(os.path.join(drafts, "*.files", "*"))
                                    if pathlib.Path(p).read_bytes() == picture]
                           and any("chart.png" in pathlib.Path(j).read_text(encoding="utf-8")
                                   for j in glob.glob(os.path.join(drafts, "*.json"))), 10,
                           what="the draft and its image on disk")
        self.assertTrue(saved)
        for j in glob.glob(os.path.join(drafts, "*.json")):
            with open(j, encoding="utf-8") as f:
                self.assertNotIn(base64.b64encode(picture)[:40].decode(), f.read(), "the picture is not in the JSON")
        app.proc.kill()  # a crash: nothing is closed or saved on the way out
        app.proc.wait(timeout=10)

        again = self.desktop.launch()
        again.window(r"Chart after a crash — Outpost", timeout=20)
        self.desktop.activate(r"Chart after a crash — Outpost")
        self.desktop.key("ctrl+Return")
        wait_until(lambda: self.desktop.received_messages(), 30, what="the message at the server")
        with open(os.path.join(self.desktop.received, self.desktop.received_messages()[0]), "rb") as f:
            msg = email.message_from_binary_file(f, policy=email.policy.default)
        images = [p for p in msg.walk() if p.get_content_type() == "image/png"]
        self.assertEqual(len(images), 1)
        self.assertEqual(images[0].get_payload(decode=True), picture)
        self.assertEqual(images[0].get_filename(), "chart.png")
        cid = str(images[0]["Content-ID"]).strip("<>")
        self.assertIn(f'src="cid:{cid}"', msg.get_body(("html",)).get_content())
        self.assertIn("The chart: [image: chart.png]", msg.get_body(("plain",)).get_content())



class OutboxImageTest(DesktopTest):
    """A formatted message with a pasted screenshot waits in the outbox;
    the next day (Outpost restarted, the temporary files of the day before
    gone) the person edits it from the outbox window and sends it: the
    screenshot is still in it, not its file name."""

    def test_a_pasted_image_waiting_in_the_outbox_is_still_there_when_edited_after_a_restart(self):
        # The first day's temporary files are where a restart of the machine clears them.
        day_one_tmp = os.path.join(self.desktop.tmp, "tmp-day-one")
        os.makedirs(day_one_tmp)
        app = start_formatted_message(self.desktop, "Screenshot for later", {"TMPDIR": day_one_tmp})
        self.desktop.type("The screenshot: ")
        picture = png(90, 60, (200, 40, 40))
        self.desktop.clipboard("image/png", picture)
        self.desktop.key("ctrl+v")
        self.desktop.type(" as promised.")
        # Send Later (tomorrow morning, as offered): it waits in the outbox.
        self.desktop.key("ctrl+shift+Return")
        app.window(r"^Send Later$", timeout=5)
        self.desktop.key("Return")
        app.window_gone(r"^Send Later$", timeout=20)
        app.window_gone(r"Screenshot for later — Outpost", timeout=20)
        entries = json.loads(self.desktop.outpost("outbox", "list", "--json").stdout)
        entries = entries if isinstance(entries, list) else entries.get("messages", entries.get("entries", []))
        self.assertEqual([e["subject"] for e in entries], ["Screenshot for later"])
        app.stop()
        shutil.rmtree(day_one_tmp)

        again = self.desktop.launch()
        again.window(r"New Message — Outpost", timeout=20)
        self.desktop.activate("New Message")
        self.desktop.key("ctrl+shift+o")
        outbox = again.window(r"^Outbox — Outpost$", timeout=10)
        self.desktop.click(outbox.find("table cell", r"^Screenshot for later$", timeout=15))
        edit = outbox.find("push button", r"^Edit$")
        wait_until(lambda: edit.enabled, 10, what="Edit to be offered for the waiting message")
        self.desktop.click(edit)
        again.window(r"Screenshot for later — Outpost", timeout=15)
        self.desktop.activate("Screenshot for later")
        self.desktop.key("ctrl+Return")
        wait_until(lambda: self.desktop.received_messages(), 30, what="the message at the server")
        with open(os.path.join(self.desktop.received, self.desktop.received_messages()[0]), "rb") as f:
            msg = email.message_from_binary_file(f, policy=email.policy.default)
        related = [p for p in msg.walk() if p.get_content_type() == "multipart/related"]
        self.assertEqual(len(related), 1, "the image is sent as a related part")
        images = [p for p in related[0].iter_parts() if p.get_content_type() == "image/png"]
        self.assertEqual(len(images), 1)
        self.assertEqual(images[0].get_payload(decode=True), picture, "the very screenshot, byte for byte")
        cid = str(images[0]["Content-ID"]).strip("<>")
        self.assertIn(f'src="cid:{cid}"', msg.get_body(("html",)).get_content())
        self.assertRegex(msg.get_body(("plain",)).get_content(), r"The screenshot: \[image: [^\]]+\] as promised\.")


class SignatureTest(DesktopTest):
    """An identity's signature, made bold in Edit Account, is sent formatted
    in formatted text and as plain text in the plain part."""

    def test_a_formatted_signature_is_edited_in_the_account_and_sent(self):
        port = self.desktop.start_smtp()
        self.desktop.add_account(port)
        self.desktop.settings(**{"send/undoDelaySeconds": 1})
        app = self.desktop.launch("accounts")
        accounts = app.window(r"^Accounts$", timeout=15)
        self.desktop.click(accounts.find("list item", r"^Test — "))
        self.desktop.click(accounts.find("push button", r"Edit"))
        dialog = app.window(r"^Edit Account$", timeout=5)
        self.desktop.click(dialog.find("text", r"^Signature$"))
        self.desktop.type("Ada Lovelace")
        self.desktop.key("Home")
        self.desktop.key("shift+Right", "shift+Right", "shift+Right")  # the first word
        self.desktop.key("ctrl+b")
        self.desktop.click(dialog.find("push button", r"^Save$"))
        app.window_gone(r"^Edit Account$", timeout=10)
        app.stop()

        app = self.desktop.launch()
        app.window(r"New Message — Outpost")
        self.desktop.write_message("bob@example.org", "Signed", "")
        self.desktop.key("ctrl+shift+x")
        self.desktop.type("Hello Bob.")
        self.desktop.key("ctrl+Return")
        wait_until(lambda: self.desktop.received_messages(), 30, what="the message at the server")
        with open(os.path.join(self.desktop.received, self.desktop.received_messages()[0]), "rb") as f:
            msg = email.message_from_binary_file(f, policy=email.policy.default)
        html = msg.get_body(("html",)).get_content()
        plain = msg.get_body(("plain",)).get_content().replace("\r\n", "\n")
        self.assertRegex(html, r"<div>Hello Bob\.</div>\s*<div><br></div>\s*<div>-- </div>\s*<div><b>Ada</b> Lovelace</div>")
        self.assertNotIn("qt", html.lower())
        self.assertIn("Hello Bob.\n\n-- \n*Ada* Lovelace", plain)


if __name__ == "__main__":
    desktop.main()
