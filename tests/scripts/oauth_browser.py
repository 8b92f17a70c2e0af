#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The person at the browser, for the OAuth 2.0 tests (issue 24).

    BROWSER=tests/scripts/oauth_browser.py   (xdg-open runs it with the URL)
    oauth_browser.py URL

Opens the authorization URL on the test provider of oauth_world.py, signs in
on its login form, answers its consent form and follows the redirect to the
application's loopback listener, as a person with a browser does: plain HTTP
with cookies and the forms' CSRF fields, no JavaScript.

Environment:
  OAUTH_WORLD_JSON      the world's description (user, password, ca_file)
  OAUTH_BROWSER_MODE    what the person does:
      consent         (default) sign in and press "Authorize"
      deny            sign in and press "Cancel" (error=access_denied)
      ignore          nothing at all: the browser was closed
      wrong-state     consent, then deliver the redirect with another state
      other-redirect  ask the provider for a code for another loopback
                      redirect URI, then deliver it to the application's
      wrong-password  sign in with a wrong password (and give up)
  OAUTH_BROWSER_LOG     a file to append what was done to, one line per step.
                        Paths only: never a query, a code or a token.
  OAUTH_BROWSER_DELAY   seconds to wait before starting (default 0)

Exit status 0 when the steps of the mode were done (whatever the
application answered at its listener), 1 otherwise.
"""
import html.parser
import http.cookiejar
import json
import os
import ssl
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from postfix_instance import free_port  # noqa: E402

MAX_BODY = 1024 * 1024
MODES = ("consent", "deny", "ignore", "wrong-state", "other-redirect", "wrong-password")


class Log:
    def __init__(self, path):
        self.path = path

    def __call__(self, text):
        if self.path:
            with open(self.path, "a") as f:
                f.write("%s oauth_browser: %s\n" % (time.strftime("%H:%M:%S"), text))


def where(url):
    """An URL for the log: scheme, host, port and path; no query."""
    u = urllib.parse.urlsplit(url)
    return "%s://%s%s" % (u.scheme, u.netloc, u.path)


class Forms(html.parser.HTMLParser):
    """The forms of a page: action, and the inputs' names and values."""

    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action") or "", "inputs": []})
        elif tag == "input" and self.forms:
            self.forms[-1]["inputs"].append((a.get("type") or "text", a.get("name"), a.get("value") or ""))


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    def __init__(self, ca_file, log):
        self.log = log
        self.context = ssl.create_default_context(cafile=ca_file) if ca_file else ssl.create_default_context()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            urllib.request.HTTPSHandler(context=self.context), NoRedirect)

    def request(self, url, form=None, referer=None):
        """One request; returns (status, location, body) without following."""
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        req = urllib.request.Request(url, data=data)
        if referer:
            req.add_header("Referer", referer)  # Django's CSRF check over HTTPS wants one
        try:
            with self.opener.open(req, timeout=30) as r:
                status, location, body = r.status, r.headers.get("Location"), r.read(MAX_BODY)
        except urllib.error.HTTPError as e:
            status, location, body = e.code, e.headers.get("Location"), e.read(MAX_BODY)
        self.log("%s %s -> %d" % ("POST" if form is not None else "GET", where(url), status))
        if location:
            location = urllib.parse.urljoin(url, location)
        return status, location, body.decode("utf-8", "replace")

    def follow_on_provider(self, url, provider, form=None):
        """Follows redirects while they stay on the provider; returns the
        last page's (url, status, body) and the first redirect leaving it."""
        referer = url if form is not None else None
        for _ in range(10):
            status, location, body = self.request(url, form, referer)
            form = None
            if status in (301, 302, 303, 307) and location:
                if not same_origin(location, provider):
                    return url, status, body, location
                url = location
                continue
            return url, status, body, None
        raise RuntimeError("too many redirects")


def same_origin(a, b):
    ua, ub = urllib.parse.urlsplit(a), urllib.parse.urlsplit(b)
    return (ua.scheme, ua.hostname, ua.port) == (ub.scheme, ub.hostname, ub.port)


def form_data(body, submit=None):
    parser = Forms()
    parser.feed(body)
    if not parser.forms:
        return None, None
    form = parser.forms[0]
    data = {}
    for kind, name, value in form["inputs"]:
        if not name:
            continue
        if kind == "submit" and name != submit:
            continue
        data[name] = value
    return form["action"], data


def replace_query(url, **changes):
    u = urllib.parse.urlsplit(url)
    q = urllib.parse.parse_qsl(u.query, keep_blank_values=True)
    q = [(k, changes.pop(k) if k in changes else v) for k, v in q]
    q += list(changes.items())
    return urllib.parse.urlunsplit((u.scheme, u.netloc, u.path, urllib.parse.urlencode(q), u.fragment))


def run(url, mode, world, log):
    if mode == "ignore":
        log("mode ignore: the browser was closed without doing anything")
        return True
    browser = Browser(world.get("ca_file"), log)
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))
    app_redirect = query.get("redirect_uri")
    if not app_redirect:
        log("the authorization URL has no redirect_uri")
        return False
    if mode == "other-redirect":
        other = urllib.parse.urlsplit(app_redirect)
        other = other._replace(netloc="127.0.0.1:%d" % free_port()).geturl()
        url = replace_query(url, redirect_uri=other)
        log("mode other-redirect: asks for a code for another loopback port")

    page, status, body, leaving = browser.follow_on_provider(url, url)
    if leaving is None:
        # The login form.
        action, data = form_data(body)
        if data is None or "password" not in data:
            log("no login form at %s (status %d)" % (where(page), status))
            return False
        data["username"] = world["user"]
        data["password"] = world["password"] + ("-wrong" if mode == "wrong-password" else "")
        log("signs in as the test user%s" % (" with a wrong password" if mode == "wrong-password" else ""))
        page, status, body, leaving = browser.follow_on_provider(urllib.parse.urljoin(page, action), url, data)
        if mode == "wrong-password":
            log("gives up after the login page said %s" % ("no" if "id=\"error\"" in body else "something else"))
            return leaving is None
    if leaving is None:
        # The consent form.
        submit = None if mode == "deny" else "allow"
        action, data = form_data(body, submit)
        if data is None or "csrfmiddlewaretoken" not in data:
            log("no consent form at %s (status %d)" % (where(page), status))
            return False
        log("presses %s" % ("Cancel" if mode == "deny" else "Authorize"))
        page, status, body, leaving = browser.follow_on_provider(urllib.parse.urljoin(page, action or page), url,
                                                                 data)
    if leaving is None:
        log("the provider did not redirect (status %d at %s)" % (status, where(page)))
        return False

    target = leaving
    if mode == "other-redirect":
        target = app_redirect + "?" + urllib.parse.urlsplit(leaving).query
        log("delivers the redirect for %s to %s" % (where(leaving), where(target)))
    elif mode == "wrong-state":
        target = replace_query(leaving, state="not-" + query.get("state", "the-state"))
        log("delivers the redirect with another state")
    returned = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(target).query))
    log("redirect carries %s" % ", ".join(sorted(k for k in returned)))
    try:
        status, _, _ = browser.request(target)
        log("the application answered %d" % status)
    except OSError as e:
        log("the application's listener could not be reached: %s" % e.__class__.__name__)
    return True


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: oauth_browser.py URL")
    log = Log(os.environ.get("OAUTH_BROWSER_LOG"))
    mode = os.environ.get("OAUTH_BROWSER_MODE", "consent")
    if mode not in MODES:
        log("unknown OAUTH_BROWSER_MODE %r" % mode)
        sys.exit("oauth_browser.py: OAUTH_BROWSER_MODE must be one of " + ", ".join(MODES))
    raw = os.environ.get("OAUTH_WORLD_JSON")
    if not raw:
        log("OAUTH_WORLD_JSON is not set")
        sys.exit("oauth_browser.py: OAUTH_WORLD_JSON is not set (run under oauth_world.py)")
    world = json.loads(raw)
    time.sleep(float(os.environ.get("OAUTH_BROWSER_DELAY", "0")))
    log("opens %s (mode %s)" % (where(sys.argv[1]), mode))
    try:
        ok = run(sys.argv[1], mode, world, log)
    except (OSError, RuntimeError, ValueError) as e:
        log("failed: %s: %s" % (e.__class__.__name__, e))
        ok = False
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
