# SPDX-License-Identifier: GPL-3.0-or-later
"""Takes the screenshots in docs/screenshots/ from the real windows, with
their window-manager frames (Xvfb + openbox), in English and German, light
and dark. Run inside the private test internet so that the wizard finds a
provider (scripts/screenshots.sh does both):

    SCREENSHOTS_DIR=OUTDIR autoconfig_world.py /usr/bin/python3 tests/gui/screenshots.py --outpost build/app/outpost

SCREENSHOTS_ONLY=de-dark (a part of the file names) takes only some.

Each scene is driven by keyboard and mouse as a person would, through the
same harness as the GUI tests (tests/gui/desktop.py).
"""
import json
import os
import socket
import subprocess
import sys
import time

import desktop
from desktop import Desktop, wait_until

SCENES = ["composer", "send-later", "outbox", "accounts", "wizard-found", "wizard-not-found", "wizard-manual",
          "wizard-sign-in-failed", "wizard-oauth"]
TEXT = {
    "en": {"name": "Ada Lovelace", "to": "Charles Babbage <charles@example.org>", "cc": "team@example.org",
           "subject": "Notes on the Analytical Engine", "body": "Dear Charles,\n\nmy notes on the engine are ready. "
           "Shall we go through them on Friday?\n\nKind regards\nAda", "later": "Status report for Monday",
           "waiting": "Minutes of Tuesday's meeting"},
    "de": {"name": "Jana Müller", "to": "Jürgen Groß <juergen@example.org>", "cc": "team@example.org",
           "subject": "Protokoll der Sitzung vom Dienstag", "body": "Hallo Jürgen,\n\nanbei das Protokoll. Die "
           "offenen Punkte besprechen wir am Freitag.\n\nViele Grüße\nJana", "later": "Wochenbericht für Montag",
           "waiting": "Einladung zum Sommerfest"},
}


def shoot(d, title, path):
    ids = wait_until(lambda: d.x_windows(title), 15, what=f"a window titled /{title}/")
    time.sleep(1.0)  # painted, and placed by the window manager
    subprocess.run(["import", "-frame", "-window", ids[-1], path], env=d.env, check=True)
    print(f"screenshots: {path}", flush=True)


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def describe_oauth_provider(d):
    """A company's OAuth 2.0 provider, as a person describes it in
    ~/.config/outpost/oauth2/. The browser stays closed (BROWSER is `true`),
    so the wizard waits for the sign-in with its link showing; nothing is
    asked of the network."""
    folder = os.path.join(d.env["XDG_CONFIG_HOME"], "outpost", "oauth2")
    os.makedirs(folder)
    with open(os.path.join(folder, "example.json"), "w") as f:
        json.dump({"issuer": "https://login.example.org", "authorization_endpoint": "https://login.example.org/authorize",
                   "token_endpoint": "https://login.example.org/token", "scopes": ["mail.send", "offline_access"],
                   "client_id": "outpost-example", "hosts": ["smtp.example.org"]}, f)


def scene(name, lang, scheme, out):
    env = {"OUTPOST_LANGUAGE": lang, "OUTPOST_COLOR_SCHEME": scheme, "LANG": "de_DE.UTF-8" if lang == "de" else "en_GB.UTF-8",
           "BROWSER": "true"}
    for key in ("OUTPOST_EXTRA_CA_FILE", "OUTPOST_ISPDB_URL"):
        if key in os.environ:
            env[key] = os.environ[key]
    d = Desktop(1200, 860, env=env)
    t = TEXT[lang]
    path = os.path.join(out, f"{lang}-{scheme}-{name}.png")
    address = "jana.mueller@example.org" if lang == "de" else "ada@example.org"
    try:
        if name in ("composer", "send-later", "outbox", "accounts"):
            d.outpost("account", "add", "--name", "Work", "--email", address, "--display-name", t["name"],
                      "--host", "127.0.0.1", "--port", str(closed_port()), "--security", "none", "--auth", "none")
        if name == "composer":
            app = d.launch("compose", "--to", t["to"], "--cc", t["cc"], "--subject", t["subject"], "--body", t["body"])
            app.window(t["subject"])
            shoot(d, t["subject"], path)
        elif name == "send-later":
            app = d.launch("compose", "--to", t["to"], "--subject", t["later"], "--body", t["body"])
            app.window(t["later"])
            d.activate(t["later"])
            d.key("ctrl+shift+Return")
            dialog = app.window(r"^(Send Later|Später senden)", timeout=10)
            shoot(d, dialog.name, path)
        elif name == "outbox":
            tomorrow = time.strftime("%Y-%m-%dT08:00:00", time.localtime(time.time() + 86400))
            d.outpost("send", "--to", t["to"], "--subject", t["later"], "--body", "…", "--at", tomorrow)
            d.outpost("send", "--to", t["to"], "--subject", t["waiting"], "--body", "…", "--queue-only")
            d.outpost("outbox", "flush", check=False)
            app = d.launch()
            app.window(r"[—–] Outpost$")
            d.activate(r"[—–] Outpost$")
            d.key("ctrl+shift+o")
            outbox = app.window(r"^(Outbox|Postausgang)", timeout=10)
            wait_until(lambda: len(outbox.find_all("table cell")) > 2, 10, what="the outbox rows")
            shoot(d, r"^(Outbox|Postausgang)", path)
        elif name == "accounts":
            app = d.launch("accounts")
            shoot(d, r"^(Accounts|Konten)$", path)
        else:
            if name == "wizard-oauth":
                describe_oauth_provider(d)
            app = d.launch()
            wizard = app.window(r"^(Add Account|Konto hinzufügen)$", timeout=20)
            d.type(t["name"])
            d.key("Tab")
            domain = {"wizard-found": "provider.test", "wizard-not-found": "offline-example.org"}.get(name, "example.org")
            d.type(address.split("@")[0] + "@" + domain)
            if name != "wizard-oauth":
                d.key("Tab")
                d.type("not-the-password")
            if name in ("wizard-found", "wizard-not-found"):
                d.key("Return")
                wizard.find("label", r"^(Outgoing server|Postausgangsserver)", timeout=60)
            else:
                d.click(wizard.find("push button", r"(Manual|Manuell)"))
                wizard.find("spin button", r"^(Port)")
                if name == "wizard-sign-in-failed":
                    host = wizard.find("text", r"^(Server)")
                    d.click(host)
                    d.key("ctrl+a")
                    d.type("smtp.unreachable.invalid")
                    d.key("alt+n" if lang == "en" else "alt+w")
                    wait_until(lambda: any("unreachable" in w.name and "…" not in w.name
                                           for w in wizard.find_all("label")), 30, what="the failed sign-in")
                elif name == "wizard-oauth":
                    port = wizard.find("spin button", r"^(Port)")
                    d.click(wizard.find("combo box", r"^(TLS|Encryption|Verschlüsselung)"))
                    d.key("Home", "Down", "Return")  # STARTTLS
                    d.click(port)
                    d.key("ctrl+a")
                    d.type("587")
                    d.click(wizard.find("combo box", r"^(Password|Passwort|Sign-in|Anmeldung)"))
                    d.key("Home", "Down", "Return")  # OAuth 2.0
                    d.key("alt+n" if lang == "en" else "alt+w")
                    d.click(wizard.find("push button", r"login\.example\.org", timeout=15))
                    wizard.find("label", r"^(Sign-in page|Anmeldeseite)$", timeout=15)  # the link, to copy
            shoot(d, r"^(Add Account|Konto hinzufügen)", path)
    finally:
        d.close()


def main():
    out = os.environ.get("SCREENSHOTS_DIR")
    if not out:
        sys.exit("set SCREENSHOTS_DIR to the folder for the pictures")
    os.makedirs(out, exist_ok=True)
    only = os.environ.get("SCREENSHOTS_ONLY", "")

    class Screenshots(desktop.DesktopTest):
        def setUp(self):
            pass

        def tearDown(self):
            pass

        def test_all(self):
            for lang in ("en", "de"):
                for scheme in ("light", "dark"):
                    for name in SCENES:
                        if only and only not in f"{lang}-{scheme}-{name}":
                            continue
                        scene(name, lang, scheme, out)

    sys.modules["__main__"].Screenshots = Screenshots
    desktop.main()


if __name__ == "__main__":
    main()
