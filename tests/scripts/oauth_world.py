#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A private OAuth 2.0 mail provider for the tests (issue 24).

    oauth_world.py run [OPTIONS] -- COMMAND [ARGS...]
    oauth_world.py COMMAND [ARGS...]          (as a CTest WRAPPER)
    oauth_world.py serve [OPTIONS]            (prints "READY {json}", runs
                                               until stdin closes)
    OPTIONS: --access-token-lifetime SECONDS (default 120)
             --keep-refresh-tokens (a used refresh token stays valid; by
             default the answer to a refresh carries a new one and the used
             one dies at once)

Starts, on 127.0.0.1 with free ports and a private temporary directory:
  - the authorization server of oauth_server.py (Debian's django-oauth-
    toolkit over HTTPS with a test CA: PKCE required, refresh tokens,
    short-lived access tokens, a public client with loopback redirects,
    RFC 7662 introspection, RFC 7009 revocation);
  - a private Dovecot (dovecot_instance.py) whose `oauth2` passdb asks that
    server about every token; it also serves IMAP over implicit TLS (the
    user's Maildir, a SPECIAL-USE "\\Sent" folder "Sent"), signing in with
    XOAUTH2 or OAUTHBEARER through that passdb;
  - a private Postfix (postfix_instance.py) whose submission port (STARTTLS
    required) and smtps port take AUTH XOAUTH2 / OAUTHBEARER (and PLAIN,
    which takes a token, never the password) through that Dovecot and
    deliver every @example.test recipient into one Maildir.

The description (a JSON object; the same keys from Python as
OAuthWorld.description) reaches COMMAND in the environment:
  OAUTH_WORLD_JSON       the description
  OAUTH_WORLD_DIR        the world's directory
  BROWSER                oauth_browser.py: the person who signs in and
                         consents (OAUTH_BROWSER_MODE chooses what they do)
  OAUTH_BROWSER_LOG      where oauth_browser.py writes its steps
  OUTPOST_EXTRA_CA_FILE  the test CA (the servers' certificates)

Keys: issuer, metadata_url, authorization_endpoint, token_endpoint,
revocation_endpoint, introspection_endpoint, device_authorization_endpoint
(null: django-oauth-toolkit 1.7 has no RFC 8628), client_id, scopes,
redirect_uris (loopback, any port), user, password, access_token_lifetime,
rotates_refresh_tokens,
smtp_host, submission_port (STARTTLS), smtps_port (implicit TLS),
sasl_mechanisms, imap_host, imaps_port (IMAP, implicit TLS), sent_maildir
(the user's Sent folder on that IMAP server), ca_file, maildir, provider_file (the provider in
Outpost's $XDG_CONFIG_HOME/outpost/oauth2/*.json format), revoke_command
(argv: revokes every grant of the user on the server, as "remove access"
in a provider's account settings does), logs (every log file the world
writes, to check that no token leaked), dir.

Needs root (Postfix and Dovecot masters), postfix, dovecot-core, openssl
and python3-django-oauth-toolkit; fails loudly when one is missing.
"""
import argparse
import json
import os
import secrets
import selectors
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from dovecot_instance import Dovecot, DovecotError  # noqa: E402

PYTHON = "/usr/bin/python3"
USER = "alice@example.test"
CLIENT_ID = "outpost-test"
INTROSPECTION_CLIENT = "dovecot"
SCOPES = ["mail"]


class WorldError(RuntimeError):
    pass


def need(path, package):
    if not os.path.exists(path):
        raise WorldError("%s is missing: install %s (scripts/install-deps.sh test)" % (path, package))


def make_certs(d):
    """A test CA and a certificate for 127.0.0.1 / localhost signed by it."""
    ca_key, ca = os.path.join(d, "ca.key"), os.path.join(d, "ca.pem")
    key, csr, crt = os.path.join(d, "server.key"), os.path.join(d, "server.csr"), os.path.join(d, "server.pem")
    ext = os.path.join(d, "server.ext")
    with open(ext, "w") as f:
        f.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                "extendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n")
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    for cmd in (["req", "-x509", *ec, "-keyout", ca_key, "-out", ca, "-days", "2",
                 "-subj", "/CN=Outpost OAuth Test CA",
                 "-addext", "basicConstraints=critical,CA:TRUE",
                 "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
                ["req", *ec, "-keyout", key, "-out", csr, "-subj", "/CN=127.0.0.1"],
                ["x509", "-req", "-in", csr, "-CA", ca, "-CAkey", ca_key, "-CAcreateserial",
                 "-out", crt, "-days", "2", "-extfile", ext]):
        r = subprocess.run(["openssl", *cmd], capture_output=True, text=True)
        if r.returncode != 0:
            raise WorldError("openssl %s failed: %s" % (cmd[0], r.stderr.strip()))
    os.chmod(key, 0o644)  # read by Postfix's and the web server's processes
    return ca, crt, key


def write_secret(path, value):
    with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
        f.write(value + "\n")


def read_ready(process, name, timeout, stderr_path):
    """Waits for the "READY {json}" line of a helper; fails with its stderr."""
    sel = selectors.DefaultSelector()
    sel.register(process.stdout, selectors.EVENT_READ)
    deadline = time.time() + timeout
    line = b""
    while not line.endswith(b"\n"):
        left = deadline - time.time()
        if left <= 0 or not sel.select(left):
            raise WorldError("%s did not become ready within %d s" % (name, timeout))
        chunk = os.read(process.stdout.fileno(), 4096)
        if not chunk:
            process.wait(5)
            with open(stderr_path, errors="replace") as f:
                err = f.read()
            raise WorldError("%s ended before it was ready: %s" % (name, err.strip()[-3000:]))
        line += chunk
    text = line.decode().strip()
    if not text.startswith("READY "):
        raise WorldError("%s said %r instead of READY" % (name, text[:200]))
    return json.loads(text[6:])


def maildir_files(maildir):
    """The message files of a Maildir folder, oldest first."""
    found = []
    for sub in ("new", "cur"):
        d = os.path.join(maildir, sub)
        if os.path.isdir(d):
            found += [os.path.join(d, n) for n in os.listdir(d)]
    found.sort(key=os.path.getmtime)
    return found


class OAuthWorld:
    """The authorization server, Dovecot and Postfix; a context manager.

        with OAuthWorld(access_token_lifetime=20) as world:
            world.description["token_endpoint"]
            subprocess.run(cmd, env=world.env())
            world.revoke_grants()
            world.messages()
    """

    def __init__(self, access_token_lifetime=120, directory=None, rotate_refresh_tokens=True):
        self.access_token_lifetime = access_token_lifetime
        self.rotate_refresh_tokens = rotate_refresh_tokens
        self._own_dir = directory is None
        self.dir = os.path.abspath(directory or tempfile.mkdtemp(prefix="oauth-world-"))
        self.description = None
        self._processes = []
        self._dovecot = None

    # --- life cycle ----------------------------------------------------------

    def start(self):
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self):
        if os.geteuid() != 0:
            raise WorldError("oauth_world.py must run as root (private Postfix and Dovecot masters)")
        for path, package in (("/usr/sbin/postfix", "postfix"), ("/usr/sbin/dovecot", "dovecot-core"),
                              ("/usr/bin/openssl", "openssl"),
                              ("/usr/lib/python3/dist-packages/oauth2_provider", "python3-django-oauth-toolkit")):
            need(path, package)
        os.makedirs(self.dir, exist_ok=True)
        os.chmod(self.dir, 0o755)  # Postfix's and Dovecot's users reach into it
        ca, crt, key = make_certs(self.dir)
        password = secrets.token_urlsafe(12)
        introspection_secret = secrets.token_hex(16)
        auth_dir = os.path.join(self.dir, "authserver")
        os.makedirs(auth_dir)
        write_secret(os.path.join(self.dir, "password"), password)
        write_secret(os.path.join(self.dir, "introspection-secret"), introspection_secret)
        server_cmd = [PYTHON, os.path.join(HERE, "oauth_server.py"), "--dir", auth_dir,
                      "--access-token-lifetime", str(self.access_token_lifetime), "--client-id", CLIENT_ID,
                      "--introspection-client", INTROSPECTION_CLIENT]
        if not self.rotate_refresh_tokens:
            server_cmd.append("--keep-refresh-tokens")
        auth_log = os.path.join(self.dir, "authserver.stderr")
        auth = self._spawn(server_cmd[:2] + ["serve"] + server_cmd[2:] +
                           ["--cert", crt, "--key", key, "--username", USER,
                            "--password-file", os.path.join(self.dir, "password"),
                            "--introspection-secret-file", os.path.join(self.dir, "introspection-secret")],
                           auth_log)
        dovecot_dir = os.path.join(self.dir, "dovecot")
        self._dovecot = Dovecot(dovecot_dir, None, ca_file=ca, imaps=(crt, key))
        postfix_dir = os.path.join(self.dir, "postfix")
        os.makedirs(postfix_dir)
        postfix_log = os.path.join(self.dir, "postfix.stderr")
        postfix = self._spawn([PYTHON, os.path.join(HERE, "postfix_instance.py"), "--dir", postfix_dir,
                               "--cert", crt, "--key", key, "--dovecot-auth", self._dovecot.auth_socket],
                              postfix_log)
        issuer = read_ready(auth, "the authorization server", 30, auth_log)["issuer"]
        self._dovecot.introspection_url = "https://%s:%s@%s/o/introspect/" % (
            INTROSPECTION_CLIENT, introspection_secret, issuer.split("://", 1)[1])
        try:
            self._dovecot.start()
        except DovecotError as e:
            raise WorldError(str(e))
        smtp = read_ready(postfix, "Postfix", 60, postfix_log)
        provider_file = os.path.join(self.dir, "provider.json")
        provider = {"issuer": issuer,
                    "authorization_endpoint": issuer + "/o/authorize/",
                    "token_endpoint": issuer + "/o/token/",
                    "revocation_endpoint": issuer + "/o/revoke_token/",
                    "scopes": SCOPES, "client_id": CLIENT_ID, "hosts": ["127.0.0.1", "localhost"]}
        with open(provider_file, "w") as f:
            json.dump(provider, f, indent=2)
        self.description = dict(provider)
        del self.description["hosts"]
        self.description.update({
            "metadata_url": issuer + "/.well-known/oauth-authorization-server",
            "introspection_endpoint": issuer + "/o/introspect/",
            "device_authorization_endpoint": None,
            "redirect_uris": ["http://127.0.0.1/", "http://[::1]/"],
            "user": USER,
            "password": password,
            "access_token_lifetime": self.access_token_lifetime,
            "rotates_refresh_tokens": self.rotate_refresh_tokens,
            "smtp_host": "127.0.0.1",
            "submission_port": smtp["submission"],
            "smtps_port": smtp["smtps"],
            "sasl_mechanisms": [m.upper() for m in Dovecot.MECHANISMS],
            "imap_host": "127.0.0.1",
            "imaps_port": self._dovecot.imaps_port,
            "sent_maildir": os.path.join(self._dovecot.maildir(USER), ".Sent"),
            "ca_file": ca,
            "maildir": smtp["maildir"],
            "provider_file": provider_file,
            "revoke_command": server_cmd[:2] + ["revoke"] + server_cmd[2:] + ["--username", USER],
            "logs": [os.path.join(auth_dir, "access.log"), os.path.join(self.dir, "authserver.stderr"),
                     self._dovecot.log_path, smtp["maillog"], os.path.join(self.dir, "browser.log")],
            "dir": self.dir,
        })

    def _spawn(self, argv, stderr_path):
        with open(stderr_path, "w") as err:
            p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err, cwd=self.dir)
        self._processes.append(p)
        return p

    def stop(self):
        # Everything is told first and waited for after: Dovecot's master
        # alone takes about a second to end.
        if self._dovecot is not None:
            self._dovecot.terminate()
        for p in reversed(self._processes):
            try:
                p.stdin.close()  # the helpers stop their servers when stdin closes
            except OSError:
                pass
        if self._dovecot is not None:
            self._dovecot.stop()
            self._dovecot = None
        for p in reversed(self._processes):
            p.stdout.close()
            try:
                p.wait(20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        self._processes = []
        if self._own_dir and os.environ.get("OAUTH_WORLD_KEEP") != "1":
            shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # --- for the tests ----------------------------------------------------------

    def env(self, base=None, browser_mode=None):
        """The environment for a command that uses the world."""
        e = dict(os.environ if base is None else base)
        e.update({
            "OAUTH_WORLD_JSON": json.dumps(self.description),
            "OAUTH_WORLD_DIR": self.dir,
            "BROWSER": os.path.join(HERE, "oauth_browser.py"),
            "OAUTH_BROWSER_LOG": os.path.join(self.dir, "browser.log"),
            "OUTPOST_EXTRA_CA_FILE": self.description["ca_file"],
        })
        if browser_mode:
            e["OAUTH_BROWSER_MODE"] = browser_mode
        return e

    def revoke_grants(self):
        """Revokes every refresh and access token of the user on the server;
        returns how many refresh tokens were live."""
        r = subprocess.run(self.description["revoke_command"], capture_output=True, text=True, timeout=60)
        if r.returncode != 0:
            raise WorldError("revoking failed: " + r.stderr.strip()[-2000:])
        return int(r.stdout.strip())

    def messages(self):
        """The delivered messages (bytes), oldest first."""
        out = []
        for path in maildir_files(self.description["maildir"]):
            with open(path, "rb") as f:
                out.append(f.read())
        return out

    def sent_copies(self):
        """The messages in the user's Sent folder on the IMAP server, read
        from its Maildir (not through Outpost): (octets with CRLF line ends
        as IMAP serves them, Maildir flags such as "S"), oldest first."""
        out = []
        for path in maildir_files(self.description["sent_maildir"]):
            with open(path, "rb") as f:
                raw = f.read()
            # Dovecot stores LF line ends (mail_save_crlf = no).
            flags = path.rsplit(":2,", 1)[1] if ":2," in path else ""
            out.append((raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"), flags))
        return out

    def leaked(self, secret):
        """The log files of the world that contain `secret` (a token)."""
        needle = secret.encode()
        hits = []
        for path in self.description["logs"]:
            if os.path.exists(path):
                with open(path, "rb") as f:
                    if needle in f.read():
                        hits.append(path)
        return hits


def main():
    argv = sys.argv[1:]
    ap = argparse.ArgumentParser(usage=__doc__)
    ap.add_argument("mode", nargs="?")
    ap.add_argument("--access-token-lifetime", type=int, default=120)
    ap.add_argument("--keep-refresh-tokens", action="store_true")
    if not argv or argv[0] not in ("run", "serve"):
        # As a CTest WRAPPER: the command and its arguments follow directly.
        mode, opts, command = "run", [], argv
    else:
        mode = argv[0]
        rest = argv[1:]
        if "--" in rest:
            i = rest.index("--")
            opts, command = rest[:i], rest[i + 1:]
        else:
            opts, command = rest, []
    args = ap.parse_args([mode] + opts)
    if mode == "run" and not command:
        sys.exit("oauth_world.py run: a command is needed after --")
    if mode == "run" and "--gtest_list_tests" in command:
        # GoogleTest's discovery lists tests; no world needed for that.
        sys.exit(subprocess.call(command))
    try:
        with OAuthWorld(args.access_token_lifetime, rotate_refresh_tokens=not args.keep_refresh_tokens) as world:
            if mode == "serve":
                print("READY " + json.dumps(world.description), flush=True)
                sys.stdin.read()
                return
            sys.exit(subprocess.call(command, env=world.env()))
    except WorldError as e:
        sys.exit("oauth_world.py: %s" % e)


if __name__ == "__main__":
    main()
