#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A private Glewlwyd for the device authorization grant tests (RFC 8628, issue 24).

    with GlewlwydInstance(access_token_lifetime=20) as g:
        g.description               # issuer, endpoints, client id, user, password
        g.provider(["127.0.0.1"])   # an Outpost provider file's content
        Person(g).approve(verification_uri, user_code)
    glewlwyd_instance.py serve      # prints READY {json}, runs until stdin closes

Debian's glewlwyd 2.7.5 in a temporary directory: a sqlite database made
from the package's own SQL script, a configuration of its own, a random
port on 127.0.0.1, plain HTTP (Outpost accepts http endpoints on loopback
only). Through its administration API (the default administrator the SQL
script creates) it gets:
  - the OpenID Connect plugin "oidc" with the device grant and refresh
    tokens, RS256 access tokens (a key made for this instance) that live
    access_token_lifetime seconds, device codes that live
    device_code_lifetime seconds, the poll interval poll_interval;
  - the scope "mail", the user "alice" with a password and that scope;
  - the public client "outpost-device" (no secret) allowed the
    device_authorization and refresh_token grants.

Why only the device grant and not the whole OAuth world (oauth_server.py
says why that is django-oauth-toolkit): Glewlwyd's exact redirect-URI match
and its introspection and revocation rules do not touch the device grant.

Person plays the human at another device, through the REST calls Glewlwyd's
own login pages make: it opens the verification URI, signs in
(POST /api/auth/), grants the client's scope (PUT /api/auth/grant/CLIENT,
the consent page) and enters the code (GET verification_uri?code=…&g_continue,
the device page). Glewlwyd 2.7.5 has no "deny" for a device code: a person who
refuses the consent (grants no scope) is sent back to the login page and the
code stays pending until it expires. What it does answer with access_denied
is a pending code whose user was removed at the provider (delete_user()).

TokenEndpointRelay stands in front of the token endpoint and notes when
each device-code poll came and what Glewlwyd answered.

TokenCheckingSmtp is the mail server for these tests: aiosmtpd with
STARTTLS offering OAUTHBEARER and XOAUTH2, accepting a token only if it is
a JWT signed with a key from the instance's JWKS, issued by its issuer to
its client for the scope "mail", and not expired.

Logs (glewlwyd.log at level INFO, smtp.log) hold no token.
"""
import argparse
import base64
import collections
import http.cookiejar
import json
import os
import shutil
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from aiosmtpd_server import free_port  # noqa: E402

BINARY = "/usr/bin/glewlwyd"
SQL_SCRIPT = "/usr/share/doc/glewlwyd/database/init.sqlite3.sql.gz"
MODULES = "/usr/lib/glewlwyd"
# The administrator the package's SQL script creates.
ADMIN, ADMIN_PASSWORD = "admin", "password"
PLUGIN = "oidc"
CLIENT_ID = "outpost-device"
SCOPE = "mail"
USER, USER_EMAIL = "alice", "alice@example.test"


class GlewlwydError(Exception):
    pass


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are what the tests look at (Glewlwyd answers with them)."""

    def redirect_request(self, *args, **kwargs):
        return None


class Session:
    """An HTTP client with its own cookies, as a browser keeps a session."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect())

    def call(self, method, path_or_url, body=None, form=None, timeout=15):
        """(status, body text, headers); never raises on an HTTP status."""
        url = path_or_url if "://" in path_or_url else self.base + path_or_url
        data, headers = None, {}
        if body is not None:
            data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
        elif form is not None:
            data, headers["Content-Type"] = urllib.parse.urlencode(form).encode(), "application/x-www-form-urlencoded"
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with self.opener.open(request, timeout=timeout) as r:
                return r.status, r.read(1 << 20).decode(errors="replace"), r.headers
        except urllib.error.HTTPError as e:
            return e.code, e.read(1 << 20).decode(errors="replace"), e.headers

    def expect(self, status, method, path, **kwargs):
        got, text, headers = self.call(method, path, **kwargs)
        if got != status:
            raise GlewlwydError("%s %s: HTTP %d instead of %d: %s" % (method, path, got, status, text[:300]))
        return text, headers


def make_signing_key(d):
    """An RSA key for the access tokens, and its public half."""
    key, pub = os.path.join(d, "jwt.key"), os.path.join(d, "jwt.pub")
    for cmd in (["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key],
                ["pkey", "-in", key, "-pubout", "-out", pub]):
        r = subprocess.run(["openssl", *cmd], capture_output=True, text=True)
        if r.returncode != 0:
            raise GlewlwydError("openssl %s failed: %s" % (cmd[0], r.stderr.strip()))
    with open(key) as k, open(pub) as p:
        return k.read(), p.read()


class GlewlwydInstance:
    def __init__(self, access_token_lifetime=120, device_code_lifetime=600, poll_interval=2, directory=None):
        self.access_token_lifetime = access_token_lifetime
        self.device_code_lifetime = device_code_lifetime
        self.poll_interval = poll_interval
        self._own_dir = directory is None
        self.dir = directory or tempfile.mkdtemp(prefix="outpost-glewlwyd-")
        self.password = "pw-" + base64.urlsafe_b64encode(os.urandom(12)).decode()
        self.process = None
        self.description = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def start(self):
        for path, package in ((BINARY, "glewlwyd"), (SQL_SCRIPT, "glewlwyd"), ("/usr/bin/openssl", "openssl")):
            if not os.path.exists(path):
                raise GlewlwydError("%s is missing (Debian package %s; scripts/install-deps.sh test)" % (path, package))
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self):
        import gzip
        import sqlite3
        database = os.path.join(self.dir, "glewlwyd.db")
        with gzip.open(SQL_SCRIPT, "rt") as f, sqlite3.connect(database) as c:
            c.executescript(f.read())
        port = free_port()
        base = "http://127.0.0.1:%d" % port
        config = os.path.join(self.dir, "glewlwyd.conf")
        self.log_path = os.path.join(self.dir, "glewlwyd.log")
        with open(config, "w") as f:
            # libconfig syntax; no use_secure_connection (a false one is
            # read as "on without a certificate" by 2.7.5).
            f.write("""port=%d
bind_address="127.0.0.1"
external_url="%s"
login_url="login.html"
api_prefix="api"
static_files_path="/usr/share/glewlwyd/webapp/"
log_mode="file"
log_level="INFO"
log_file="%s"
cookie_domain="127.0.0.1"
cookie_secure=0
session_expiration=3600
session_key="GLEWLWYD2_SESSION_ID"
admin_session_authentication="cookie"
profile_session_authentication="cookie"
allow_multiple_user_per_session=true
login_api_enabled=true
admin_scope="g_admin"
profile_scope="g_profile"
user_module_path="%s/user"
user_middleware_module_path="%s/user_middleware"
client_module_path="%s/client"
user_auth_scheme_module_path="%s/scheme"
plugin_module_path="%s/plugin"
hash_algorithm="SHA512"
database={ type="sqlite3"; path="%s"; };
""" % (port, base, self.log_path, MODULES, MODULES, MODULES, MODULES, MODULES, database))
        self.stderr_path = os.path.join(self.dir, "glewlwyd.stderr")
        with open(self.stderr_path, "w") as err:
            self.process = subprocess.Popen([BINARY, "--config-file=" + config], stdin=subprocess.DEVNULL,
                                            stdout=err, stderr=err, cwd=self.dir)
        admin = Session(base)
        self._wait_ready(admin)
        admin.expect(200, "POST", "/api/auth/", body={"username": ADMIN, "password": ADMIN_PASSWORD})
        key, public = make_signing_key(self.dir)
        issuer = base + "/api/" + PLUGIN
        admin.expect(200, "POST", "/api/mod/plugin/", body={
            "module": "oidc", "name": PLUGIN, "display_name": "OpenID Connect", "enabled": True,
            "parameters": {
                "iss": issuer, "jwt-type": "rsa", "jwt-key-size": "256", "key": key, "cert": public,
                "access-token-duration": self.access_token_lifetime,
                "refresh-token-duration": 7 * 24 * 3600, "code-duration": 600,
                "allow-non-oidc": True,  # "mail" alone, no openid
                "auth-type-code-enabled": True, "auth-type-refresh-enabled": True,
                "auth-type-device-enabled": True,
                "device-authorization-expiration": self.device_code_lifetime,
                "device-authorization-interval": self.poll_interval,
            }})
        admin.expect(200, "POST", "/api/scope/", body={
            "name": SCOPE, "display_name": "Mail", "description": "Send mail as you",
            "password_required": False, "scheme": {}})
        admin.expect(200, "POST", "/api/user/", body={
            "username": USER, "name": "Alice", "email": USER_EMAIL, "password": self.password,
            "scope": [SCOPE], "enabled": True})
        admin.expect(200, "POST", "/api/client/", body={
            "client_id": CLIENT_ID, "name": "Outpost", "confidential": False,
            "authorization_type": ["device_authorization", "refresh_token"], "scope": [SCOPE], "enabled": True})
        self._admin = admin
        self.description = {
            "base": base,
            "issuer": issuer,
            "authorization_endpoint": issuer + "/auth",
            "token_endpoint": issuer + "/token",
            "device_authorization_endpoint": issuer + "/device_authorization",
            "jwks_uri": issuer + "/jwks",
            "client_id": CLIENT_ID,
            "scopes": [SCOPE],
            "user": USER,
            "email": USER_EMAIL,
            "password": self.password,
            "access_token_lifetime": self.access_token_lifetime,
            "device_code_lifetime": self.device_code_lifetime,
            "poll_interval": self.poll_interval,
            "dir": self.dir,
            "logs": [self.log_path, self.stderr_path],
        }

    def _wait_ready(self, session, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise GlewlwydError("glewlwyd ended (exit %d): %s" % (self.process.returncode, self._log_tail()))
            try:
                status, _, _ = session.call("GET", "/config", timeout=2)
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise GlewlwydError("glewlwyd did not answer within %d s: %s" % (timeout, self._log_tail()))

    def _log_tail(self):
        text = ""
        for path in (self.stderr_path, getattr(self, "log_path", "")):
            if path and os.path.exists(path):
                with open(path, errors="replace") as f:
                    text += f.read()[-2000:]
        return text.strip()

    def provider(self, hosts, token_endpoint=None):
        """The content of Outpost's user-defined provider file for this server
        (token_endpoint: another one, e.g. a TokenEndpointRelay's)."""
        d = self.description
        return {"issuer": d["issuer"], "authorization_endpoint": d["authorization_endpoint"],
                "token_endpoint": token_endpoint or d["token_endpoint"],
                "device_authorization_endpoint": d["device_authorization_endpoint"],
                "scopes": d["scopes"], "client_id": d["client_id"], "hosts": list(hosts)}

    def delete_user(self):
        """The provider removes the user: Glewlwyd invalidates the user's
        pending device codes, and a poll for one is answered access_denied."""
        self._admin.expect(200, "DELETE", "/api/user/" + USER)

    def leaked(self, secret):
        """The server's log files that contain secret."""
        found = []
        for path in (self.log_path, self.stderr_path):
            if os.path.exists(path):
                with open(path, "rb") as f:
                    if secret.encode() in f.read():
                        found.append(path)
        return found

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.process = None
        if self._own_dir and os.environ.get("OUTPOST_KEEP_TEST_DIRS") != "1":
            shutil.rmtree(self.dir, ignore_errors=True)


class Person:
    """The human at another device, on Glewlwyd's pages (their REST calls)."""

    def __init__(self, instance):
        self.d = instance.description
        self.session = Session(self.d["base"])

    def open(self, verification_uri):
        """The device page: Glewlwyd sends the browser to its login page with prompt=device."""
        _, headers = self.session.expect(302, "GET", verification_uri)
        location = headers.get("Location", "")
        if "prompt=device" not in location:
            raise GlewlwydError("the verification URI led to %r, not the device page" % location)

    def sign_in(self):
        self.session.expect(200, "POST", "/api/auth/", body={"username": self.d["user"], "password": self.d["password"]})

    def consent(self, scopes):
        """The consent page's "Grant" with these scopes ticked (none: refused)."""
        self.session.expect(200, "PUT", "/api/auth/grant/" + urllib.parse.quote(self.d["client_id"]),
                            body={"scope": " ".join(scopes)})

    def enter_code(self, verification_uri, user_code):
        """The code typed on the device page; returns Glewlwyd's prompt (deviceComplete on success)."""
        url = verification_uri + ("&" if "?" in verification_uri else "?") + \
            urllib.parse.urlencode({"code": user_code}) + "&g_continue"
        _, headers = self.session.expect(302, "GET", url)
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(headers.get("Location", "")).query)
        return (query.get("prompt") or [""])[0]

    def approve(self, verification_uri, user_code):
        self.open(verification_uri)
        self.sign_in()
        self.consent(self.d["scopes"])
        prompt = self.enter_code(verification_uri, user_code)
        if prompt != "deviceComplete":
            raise GlewlwydError("Glewlwyd did not accept the code: prompt=%r" % prompt)

    def refuse(self, verification_uri, user_code):
        """Signs in, grants nothing, enters the code; returns Glewlwyd's prompt."""
        self.open(verification_uri)
        self.sign_in()
        self.consent([])
        return self.enter_code(verification_uri, user_code)


class TokenEndpointRelay:
    """A relay in front of Glewlwyd's token endpoint on 127.0.0.1 that notes
    when each device-code poll arrived and the error code Glewlwyd answered
    (authorization_pending, slow_down…; "" for tokens). Never a body."""

    def __init__(self, instance):
        self.target = instance.description["token_endpoint"]
        self.polls = []  # (monotonic arrival time, error code)
        self.lock = threading.Lock()
        self.server = None

    @property
    def url(self):
        return "http://127.0.0.1:%d/token" % self.server.server_address[1]

    def start(self):
        import http.server
        relay = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                arrived = time.monotonic()
                length = min(int(self.headers.get("Content-Length") or 0), 1 << 16)
                body = self.rfile.read(length)
                request = urllib.request.Request(relay.target, data=body, method="POST", headers={
                    "Content-Type": self.headers.get("Content-Type", "application/x-www-form-urlencoded")})
                try:
                    with urllib.request.urlopen(request, timeout=15) as r:
                        status, answer, kind = r.status, r.read(1 << 20), r.headers.get("Content-Type", "")
                except urllib.error.HTTPError as e:
                    status, answer, kind = e.code, e.read(1 << 20), e.headers.get("Content-Type", "")
                grant = urllib.parse.parse_qs(body.decode(errors="replace")).get("grant_type", [""])[0]
                if grant == "urn:ietf:params:oauth:grant-type:device_code":
                    try:
                        error = json.loads(answer).get("error", "")
                    except ValueError:
                        error = "(not JSON)"
                    with relay.lock:
                        relay.polls.append((arrived, error))
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(answer)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass  # the request line is all it would say; bodies never

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def gaps(self):
        """Seconds between consecutive polls."""
        with self.lock:
            times = [t for t, _ in self.polls]
        return [b - a for a, b in zip(times, times[1:])]

    def stop(self):
        if self.server:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


class TokenCheckingSmtp:
    """aiosmtpd on 127.0.0.1 (STARTTLS) that signs in with Glewlwyd's access tokens only."""

    def __init__(self, instance, cert, key, outdir):
        self.d = instance.description
        self.cert, self.key, self.outdir = cert, key, outdir
        self.accepted = []  # claims of each accepted token (iat, jti, exp…)
        self.tokens = set()  # every token offered, in memory only: for the tests' leak checks
        self.refused = []   # the reasons
        self.messages = []  # what was sent, as received
        self.lock = threading.Lock()
        self.controller = None
        self.port = None
        self.log_path = os.path.join(outdir, "smtp.log")

    def verify(self, token):
        """The token's claims, or raises: a JWT signed with a key of the
        instance's JWKS, by its issuer, for its client and "mail", unexpired."""
        import jwt
        with urllib.request.urlopen(self.d["jwks_uri"], timeout=10) as r:
            jwks = json.loads(r.read(1 << 20))
        header = jwt.get_unverified_header(token)
        keys = [k for k in jwks.get("keys", []) if k.get("kid") == header.get("kid")]
        if not keys:
            raise ValueError("no key %r in the JWKS" % header.get("kid"))
        claims = jwt.decode(token, jwt.PyJWK(keys[0]).key, algorithms=["RS256"], issuer=self.d["issuer"],
                            options={"require": ["exp", "iat", "iss"], "verify_aud": False})
        if claims.get("client_id") != self.d["client_id"]:
            raise ValueError("issued to another client")
        if SCOPE not in claims.get("scope", "").split():
            raise ValueError("not for the scope %s" % SCOPE)
        return claims

    def _log(self, line):
        with self.lock, open(self.log_path, "a") as f:
            f.write(time.strftime("%H:%M:%S ") + line + "\n")

    def _check(self, server, token):
        from aiosmtpd.smtp import AuthResult
        if token:
            with self.lock:
                self.tokens.add(token)
        try:
            claims = self.verify(token)
        except Exception as e:  # any reason is a refusal, said in the log
            reason = "%s: %s" % (type(e).__name__, e)
            with self.lock:
                self.refused.append(reason)
            self._log("refused: " + reason)
            return None, AuthResult(success=False, handled=False)
        with self.lock:
            self.accepted.append(claims)
        self._log("accepted a token issued at %s, expiring at %s" % (claims["iat"], claims["exp"]))
        return claims, AuthResult(success=True, auth_data=claims.get("sub"))

    async def _fail_json(self, server):
        # RFC 7628 §3.2.2 (and Google's XOAUTH2): a JSON error, then 535
        # after the client's empty answer.
        await server.challenge_auth(json.dumps({"status": "invalid_token", "schemes": "bearer", "scope": SCOPE}))

    def start(self):
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import SMTP
        checker = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                with checker.lock:
                    checker.messages.append(envelope.original_content)
                return "250 2.0.0 OK"

            async def auth_XOAUTH2(self, server, args):
                blob = await checker._initial(server, args)
                if blob is None:
                    return checker._missing()
                # user=NAME ^A auth=Bearer TOKEN ^A ^A
                fields = dict(p.split("=", 1) for p in blob.decode(errors="replace").split("\x01") if "=" in p)
                token = fields.get("auth", "")[len("Bearer "):]
                claims, result = checker._check(server, token)
                if claims is None:
                    await checker._fail_json(server)
                return result

            async def auth_OAUTHBEARER(self, server, args):
                blob = await checker._initial(server, args)
                if blob is None:
                    return checker._missing()
                # gs2-header ^A auth=Bearer TOKEN ^A ^A (RFC 7628 §3.1)
                parts = blob.decode(errors="replace").split("\x01")
                token = next((p[len("auth=Bearer "):] for p in parts if p.startswith("auth=Bearer ")), "")
                claims, result = checker._check(server, token)
                if claims is None:
                    await checker._fail_json(server)
                return result

        class LongLines(SMTP):
            # An AUTH line with an RS256 JWT is longer than the 512 octets
            # of a command (and the 1001 of a line) aiosmtpd allows.
            command_size_limit = 16384
            command_size_limits = collections.defaultdict(lambda: 16384)
            line_length_limit = 16384

        class LongLineController(Controller):
            def factory(self):
                return LongLines(self.handler, **self.SMTP_kwargs)

        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert, self.key)
        self.port = free_port()
        self.controller = LongLineController(Handler(), hostname="127.0.0.1", port=self.port, tls_context=context,
                                             require_starttls=True, auth_require_tls=True, auth_required=True,
                                             auth_exclude_mechanism=["LOGIN", "PLAIN"],
                                             server_hostname="glewlwyd-smtp.test", ident="token checking test server")
        self.controller.start()
        return self

    async def _initial(self, server, args):
        """The client's first message: inline (SASL-IR) or after an empty challenge."""
        from aiosmtpd.smtp import MISSING
        if len(args) == 2:
            try:
                return base64.b64decode(args[1], validate=True)
            except ValueError:
                return None
        blob = await server.challenge_auth("", encode_to_b64=False)
        return None if blob is MISSING else blob

    @staticmethod
    def _missing():
        from aiosmtpd.smtp import AuthResult
        return AuthResult(success=False, handled=False)

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run until stdin closes")
    serve.add_argument("--access-token-lifetime", type=int, default=120)
    serve.add_argument("--device-code-lifetime", type=int, default=600)
    serve.add_argument("--poll-interval", type=int, default=2)
    args = ap.parse_args()
    with GlewlwydInstance(args.access_token_lifetime, args.device_code_lifetime, args.poll_interval) as g:
        print("READY " + json.dumps(g.description), flush=True)
        sys.stdin.read()


if __name__ == "__main__":
    main()
