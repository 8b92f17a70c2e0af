# SPDX-License-Identifier: GPL-3.0-or-later
"""A desktop for tests that use Outpost as a person does.

Each Desktop is a private X server (Xvfb) with a real window manager
(openbox), its own D-Bus session with the accessibility bus, a fresh profile
(HOME, XDG_* folders) and, when asked, a real SMTP server (aiosmtpd) that
writes what it receives to a folder.

Input goes through xdotool, as from a keyboard and mouse. What is on screen
is read through AT-SPI (pyatspi), the interface screen readers use: window
titles, labels, field texts, focus, and whether a window is showing at all;
X11 itself (xdotool search --onlyvisible) confirms a window is mapped.

Run a test module under `dbus-run-session` so that the accessibility bus and
the Secret Service are private to it.
"""
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

pyatspi = None  # Debian's python3-pyatspi, imported once the accessibility bus runs (main)

SCRIPTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts")
OUTPOST = None  # set by main() from --outpost


def wait_until(predicate, timeout=10.0, interval=0.05, what="condition"):
    """Polls `predicate` until it returns a true value, which is returned.
    `what` names it in the failure; a callable is asked then, so that it
    can say how things stood at the end."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            said = what() if callable(what) else what
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {said}")
        time.sleep(interval)


class Widget:
    """One accessible object of the application (a window, a button, a field)."""

    def __init__(self, acc):
        self.acc = acc

    @property
    def name(self):
        return self.acc.name or ""

    @property
    def role(self):
        return self.acc.getRoleName()

    def states(self):
        return set(self.acc.getState().getStates())

    @property
    def showing(self):
        return pyatspi.STATE_SHOWING in self.states()

    @property
    def focused(self):
        return pyatspi.STATE_FOCUSED in self.states()

    @property
    def enabled(self):
        return pyatspi.STATE_ENABLED in self.states()

    @property
    def text(self):
        try:
            t = self.acc.queryText()
            return t.getText(0, -1)
        except NotImplementedError:
            return ""

    def labelled_by(self):
        """The names of the labels a screen reader announces for this widget."""
        names = []
        for relation in self.acc.getRelationSet():
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
                names += [relation.getTarget(i).name for i in range(relation.getNTargets())]
        return names

    def extents(self):
        """(x, y, width, height) on the screen."""
        e = self.acc.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        return e.x, e.y, e.width, e.height

    def children(self):
        out = []
        for i in range(self.acc.childCount):
            c = self.acc.getChildAtIndex(i)
            if c is not None:
                out.append(Widget(c))
        return out

    def descendants(self, depth=40):
        stack = [(self, 0)]
        while stack:
            w, d = stack.pop()
            yield w
            if d < depth:
                stack.extend((c, d + 1) for c in reversed(w.children()))

    def find_all(self, role=None, name=None, showing=True):
        """Descendants by role name ("push button", "text", ...) and a name
        regular expression; only those on screen unless showing=False."""
        found = []
        for w in self.descendants():
            try:
                if role and w.role != role:
                    continue
                if name is not None and not re.search(name, w.name):
                    continue
                if showing and not w.showing:
                    continue
            except Exception:  # an object that went away while walking
                continue
            found.append(w)
        return found

    def find(self, role=None, name=None, timeout=10.0):
        return wait_until(lambda: next(iter(self.find_all(role, name)), None), timeout,
                          what=f"a {role or 'widget'} named /{name}/ in {self.name!r}")

    def all_text(self):
        """Every label and text shown in this window, one per line."""
        parts = []
        for w in self.descendants():
            try:
                if not w.showing:
                    continue
                if w.role in ("label", "status bar", "text", "paragraph"):
                    parts.append(w.text or w.name)
            except Exception:
                continue
        return "\n".join(p for p in parts if p)


class App:
    """A running `outpost` process, seen through AT-SPI."""

    def __init__(self, desktop, proc, log_path):
        self.desktop = desktop
        self.proc = proc
        self.log_path = log_path

    def log(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def _application(self):
        desk = pyatspi.Registry.getDesktop(0)
        for i in range(desk.childCount):
            a = desk.getChildAtIndex(i)
            try:
                if a is not None and a.get_process_id() == self.proc.pid:
                    return a
            except Exception:
                continue
        return None

    def windows(self):
        """The application's top-level windows that are showing."""
        app = self._application()
        if app is None:
            return []
        out = []
        for i in range(app.childCount):
            c = app.getChildAtIndex(i)
            if c is None:
                continue
            w = Widget(c)
            try:
                if w.showing:
                    out.append(w)
            except Exception:
                continue
        return out

    def window(self, title, timeout=15.0):
        """Waits for a showing window whose title matches the expression."""
        return wait_until(lambda: next((w for w in self.windows() if re.search(title, w.name)), None), timeout,
                          what=lambda: f"a window titled /{title}/ (open: {[w.name for w in self.windows()]})")

    def window_gone(self, title, timeout=10.0):
        wait_until(lambda: not any(re.search(title, w.name) for w in self.windows())
                   and not self.desktop.x_windows(title), timeout,
                   what=lambda: f"no window titled /{title}/ to be left (open: {[w.name for w in self.windows()]})")

    def exited(self, timeout=10.0):
        wait_until(lambda: self.proc.poll() is not None, timeout, what="outpost to exit")
        return self.proc.returncode

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class Desktop:
    def __init__(self, width=1600, height=1000, env=None):
        self.tmp = tempfile.mkdtemp(prefix="outpost-gui-")
        self.width, self.height = width, height
        self.processes = []
        self.apps = []
        self.received = os.path.join(self.tmp, "received")
        os.makedirs(self.received)
        run = os.path.join(self.tmp, "run")
        os.makedirs(run, mode=0o700)
        home = os.path.join(self.tmp, "home")
        os.makedirs(home)
        self.env = dict(os.environ)
        for k in ("WAYLAND_DISPLAY", "OUTPOST_LANGUAGE", "QT_SCALE_FACTOR", "SESSION_MANAGER"):
            self.env.pop(k, None)
        self.env.update({
            "HOME": home, "XDG_RUNTIME_DIR": run,
            "XDG_CONFIG_HOME": os.path.join(self.tmp, "config"),
            "XDG_DATA_HOME": os.path.join(self.tmp, "data"),
            "XDG_CACHE_HOME": os.path.join(self.tmp, "cache"),
            "QT_QPA_PLATFORM": "xcb", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_ACCESSIBILITY": "1",
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        })
        self.env.update(env or {})
        try:
            self._start_x(width, height)
        except BaseException:
            self.close()
            raise

    def _start_x(self, width, height):
        # A display number nobody uses (high, so as not to meet a real one).
        for _ in range(20):
            n = random.randint(200, 900)
            if os.path.exists(f"/tmp/.X{n}-lock") or os.path.exists(f"/tmp/.X11-unix/X{n}"):
                continue
            self.display = f":{n}"
            self.env["DISPLAY"] = self.display
            xvfb = self._spawn(["Xvfb", self.display, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"])
            try:
                wait_until(lambda: xvfb.poll() is not None or subprocess.run(
                    ["xdpyinfo", "-display", self.display], capture_output=True).returncode == 0, 10, what="Xvfb")
            except AssertionError:
                xvfb.kill()
                continue
            if xvfb.poll() is None:
                break
        else:
            raise RuntimeError("Xvfb did not start")
        # openbox now and then exits at once (status 1, no message) when it
        # meets a server that has only just started: it is started again.
        log_path = os.path.join(self.tmp, "openbox.log")
        for _ in range(5):
            with open(log_path, "w") as wm_log:
                wm = self._spawn(["openbox", "--sm-disable"], stderr=wm_log)
            managed = wait_until(lambda: wm.poll() is not None or "window id" in subprocess.run(
                ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], capture_output=True, text=True, env=self.env).stdout,
                10, what="openbox to manage the screen")
            if managed and wm.poll() is None:
                return
            time.sleep(0.3)
        with open(log_path) as f:
            raise AssertionError(f"openbox did not start (exit {wm.poll()}): {f.read()}")

    def _spawn(self, argv, **kw):
        kw.setdefault("stderr", subprocess.DEVNULL)
        p = subprocess.Popen(argv, env=self.env, stdout=subprocess.DEVNULL, **kw)
        self.processes.append(p)
        return p

    def settings(self, **values):
        """Writes outpost.conf keys ("section/key": value) before a start."""
        path = os.path.join(self.env["XDG_CONFIG_HOME"], "outpost", "outpost.conf")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        sections = {}
        for key, value in values.items():
            section, name = key.split("/", 1)
            sections.setdefault(section, []).append(f"{name}={value}")
        with open(path, "a", encoding="utf-8") as f:
            for section, lines in sections.items():
                f.write(f"[{section}]\n" + "\n".join(lines) + "\n")

    def start_smtp(self):
        """A real SMTP server (aiosmtpd, no authentication); returns its port."""
        p = subprocess.Popen(["/usr/bin/python3", os.path.join(SCRIPTS, "aiosmtpd_server.py"), "--outdir",
                              self.received, "--no-auth"], env=self.env, stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)  # it runs until its stdin closes
        self.processes.append(p)
        line = p.stdout.readline()
        m = re.match(r"READY (\d+)", line)
        if not m:
            raise RuntimeError(f"aiosmtpd did not start: {line!r}")
        return int(m.group(1))

    def received_messages(self):
        return sorted(f for f in os.listdir(self.received) if f.endswith(".eml"))

    def outpost(self, *args, input=None, check=True):
        """Runs a command-line `outpost` command to its end."""
        r = subprocess.run([OUTPOST, *args], env=self.env, input=input, capture_output=True, text=True, timeout=60)
        if check and r.returncode != 0:
            raise AssertionError(f"outpost {' '.join(args)} exited {r.returncode}: {r.stderr}")
        return r

    def add_account(self, port, address="ada@example.org", name="Test"):
        self.outpost("account", "add", "--name", name, "--email", address, "--display-name", "Ada Lovelace",
                     "--host", "127.0.0.1", "--port", str(port), "--security", "none", "--auth", "none")

    def launch(self, *args, env=None):
        log = os.path.join(self.tmp, f"outpost-{len(self.apps)}.log")
        e = dict(self.env)
        e.update(env or {})
        with open(log, "w") as f:
            proc = subprocess.Popen([OUTPOST, *args], env=e, stdout=f, stderr=subprocess.STDOUT)
        app = App(self, proc, log)
        self.apps.append(app)
        return app

    # Input, as a person gives it.
    def xdotool(self, *args):
        return subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, check=False).stdout

    def key(self, *keys):
        self.xdotool("key", "--clearmodifiers", *keys)
        time.sleep(0.15)

    def type(self, text):
        self.xdotool("type", "--delay", "12", text)
        time.sleep(0.1)

    @property
    def scale(self):
        return float(self.env.get("QT_SCALE_FACTOR") or 1)

    def screen_extents(self, widget):
        """(x, y, width, height) in screen pixels: AT-SPI reports Qt's
        device-independent pixels, which QT_SCALE_FACTOR multiplies."""
        return tuple(round(v * self.scale) for v in widget.extents())

    def write_message(self, to, subject, body):
        """Types a message into the new composer, as a person does: the To
        field has the keyboard when a new message opens."""
        self.activate("New Message")
        self.type(to)
        self.key("Tab", "Tab", "Tab")  # Cc, Bcc, Subject
        self.type(subject)
        self.key("Tab")
        self.type(body)

    def click(self, widget):
        x, y, w, h = self.screen_extents(widget)
        self.xdotool("mousemove", "--sync", str(x + w // 2), str(y + h // 2))
        self.xdotool("click", "1")
        time.sleep(0.15)

    def x_windows(self, title):
        """X11 windows that are mapped (viewable) with a title matching."""
        out = self.xdotool("search", "--onlyvisible", "--name", title)
        return [w for w in out.split() if w]

    def clipboard(self, mime_type, data):
        """Puts data (bytes) on the X clipboard as a program does: xclip
        serves it under this one type (in the background, until another
        program takes the clipboard)."""
        path = os.path.join(self.tmp, "clip-" + mime_type.replace("/", "-"))
        with open(path, "wb") as f:
            f.write(data)
        subprocess.run(["xclip", "-selection", "clipboard", "-t", mime_type, "-i", path], env=self.env,
                       check=True, timeout=10)
        targets = lambda: subprocess.run(["xclip", "-selection", "clipboard", "-o", "-t", "TARGETS"],
                                         env=self.env, capture_output=True, timeout=10).stdout.decode()
        wait_until(lambda: mime_type in targets(), 5, what=f"{mime_type} on the clipboard")

    def activate(self, title):
        """Brings the window with this title to the front and gives it the keyboard."""
        ids = wait_until(lambda: self.x_windows(title), 10, what=f"an X window titled /{title}/")
        self.xdotool("windowactivate", "--sync", ids[-1])
        time.sleep(0.2)

    def active_window_title(self):
        return self.xdotool("getactivewindow", "getwindowname").strip()

    def screenshot(self, path):
        subprocess.run(["import", "-window", "root", path], env=self.env, check=False)

    def close(self):
        for app in self.apps:
            app.stop()
        for p in reversed(self.processes):
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(5)
                except subprocess.TimeoutExpired:
                    p.kill()
        shutil.rmtree(self.tmp, ignore_errors=True)


_keyring_home = None


def start_keyring():
    """The real Secret Service (gnome-keyring), unlocked, on this test
    process's private session bus, its files in a throw-away folder; once per
    process."""
    global _keyring_home
    if _keyring_home:
        return
    for tool in ("gnome-keyring-daemon", "secret-tool"):
        if not shutil.which(tool):
            raise RuntimeError(f"{tool} is missing (scripts/install-deps.sh test)")
    _keyring_home = tempfile.mkdtemp(prefix="outpost-gui-keyring-")
    env = dict(os.environ, HOME=_keyring_home, XDG_DATA_HOME=os.path.join(_keyring_home, "data"))
    subprocess.run(["gnome-keyring-daemon", "--login"], input=b"outpost-test", env=env, capture_output=True, check=True)
    subprocess.run(["gnome-keyring-daemon", "--start", "--components=secrets"], env=env, capture_output=True, check=True)


class DesktopTest(unittest.TestCase):
    """A test with its own desktop; on failure the log of each app is printed
    and a screenshot kept in the build folder."""

    desktop_size = (1600, 1000)
    desktop_env = None
    keyring = False  # True: the Secret Service runs (start_keyring)

    def setUp(self):
        if self.keyring:
            start_keyring()
        self.desktop = Desktop(*self.desktop_size, env=self.desktop_env)

    def tearDown(self):
        failed = any(err for _, err in (self._outcome.errors if hasattr(self._outcome, "errors") else []))
        result = getattr(self._outcome, "result", None)
        if result is not None and (result.failures or result.errors):
            failed = any(t is self for t, _ in result.failures + result.errors)
        if failed:
            shot = os.path.join(os.getcwd(), f"gui-failure-{self.id().split('.')[-1]}.png")
            self.desktop.screenshot(shot)
            sys.stderr.write(f"screenshot: {shot}\n")
            for app in self.desktop.apps:
                status = app.proc.poll()
                state = ("still running" if status is None else f"killed by signal {-status}" if status < 0
                         else f"exited with status {status}")
                sys.stderr.write(f"--- outpost log ({app.log_path}, {state}):\n{app.log()}\n")
        self.desktop.close()


def main():
    global OUTPOST, pyatspi
    args = sys.argv[1:]
    if "--outpost" in args:
        i = args.index("--outpost")
        OUTPOST = os.path.abspath(args[i + 1])
        del args[i:i + 2]
    if not OUTPOST or not os.access(OUTPOST, os.X_OK):
        sys.exit("usage: TEST.py --outpost PATH/TO/outpost [unittest arguments]")
    for tool in ("Xvfb", "openbox", "xdotool", "xdpyinfo", "xprop"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing (scripts/install-deps.sh test)")
    if not os.environ.get("OUTPOST_GUI_TEST_BUS"):
        # A private session bus, with one accessibility bus for every desktop.
        os.environ["OUTPOST_GUI_TEST_BUS"] = "1"
        # The accessibility bus puts its socket under XDG_RUNTIME_DIR (else
        # ~/.cache): a folder of its own lets test processes run side by side.
        os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="outpost-gui-bus-")
        os.execvp("dbus-run-session", ["dbus-run-session", "--", "/usr/bin/python3", *sys.argv])
    launcher = shutil.which("at-spi-bus-launcher") or "/usr/libexec/at-spi-bus-launcher"
    bus = subprocess.Popen([launcher, "--launch-immediately"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.3)
    import pyatspi as module
    pyatspi = module
    try:
        unittest.main(argv=[sys.argv[0], "-v", *args])
    finally:
        bus.terminate()
        shutil.rmtree(os.environ["XDG_RUNTIME_DIR"], ignore_errors=True)
        if _keyring_home:  # the keyring daemon ends with the session bus
            shutil.rmtree(_keyring_home, ignore_errors=True)
