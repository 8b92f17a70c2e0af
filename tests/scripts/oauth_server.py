#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A real OAuth 2.0 authorization server for the tests (issue 24).

    oauth_server.py serve  --dir D --port P [--cert C --key K] [options]
    oauth_server.py revoke --dir D --username U

`serve` prepares a private Django project (settings, database and logs in D)
with Debian's django-oauth-toolkit, listens on 127.0.0.1:P (HTTPS when a
certificate is given), prints "READY {json}" and runs until stdin closes.
`revoke` does what a person does under "apps with access to your account":
every refresh token of the user is revoked and every access token dropped.

The server, as a mail provider's is:
  - authorization code grant, PKCE required (a request without a
    code_challenge is refused), refresh tokens (rotated on use as Microsoft
    does: the used one dies at once; --keep-refresh-tokens keeps them, as
    Google does), access tokens that live --access-token-lifetime seconds;
  - the public client --client-id (no secret) whose redirect URIs are
    http://127.0.0.1/ and http://[::1]/ with any port (RFC 8252 §7.3, which
    django-oauth-toolkit implements) and the paths of --redirect-path;
  - token introspection (RFC 7662, /o/introspect/) for the confidential
    client --introspection-client (Dovecot), and revocation (RFC 7009,
    /o/revoke_token/) for the public client;
  - the person logs in on /accounts/login/ (an HTML form) and consents on
    /o/authorize/ ("Authorize" or "Cancel", the latter ends in
    error=access_denied at the redirect URI);
  - RFC 8414 metadata at /.well-known/oauth-authorization-server.

Why django-oauth-toolkit and not Glewlwyd (both Debian packages): Glewlwyd
2.7.5 was tried first. It compares redirect URIs exactly (no loopback port
of the client's choosing), lets a client introspect only tokens issued to
that same client (so Dovecot could not introspect the public client's
tokens), and accepts revocation only from confidential clients; its login
and consent pages are a JavaScript application. django-oauth-toolkit 1.7.0
does all of the above as the issue needs; it has no device authorization
grant (RFC 8628), so the world offers none.

The access log (D/access.log) holds method, path and status: never a query
string or body, which carry codes and tokens.
"""
import argparse
import json
import os
import secrets
import ssl
import sys
import threading

MAIL_SCOPE = "mail"


def configure(base, args_lifetime=120, redirect_paths=("/",), rotate_refresh_tokens=True):
    import django
    from django.conf import settings
    apps = ["django.contrib.auth", "django.contrib.contenttypes", "django.contrib.sessions", "oauth2_provider"]
    settings.configure(
        DEBUG=False,
        SECRET_KEY=secrets.token_urlsafe(32),
        ALLOWED_HOSTS=["127.0.0.1", "localhost", "[::1]"],
        ROOT_URLCONF=__name__,
        INSTALLED_APPS=apps,
        # Tables straight from the models: much faster than replaying every
        # migration of every app at each start.
        MIGRATION_MODULES={label: None for label in ("auth", "contenttypes", "sessions", "oauth2_provider")},
        MIDDLEWARE=[
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
        ],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3",
                               "NAME": os.path.join(base, "db.sqlite3"),
                               "OPTIONS": {"timeout": 30}}},
        TEMPLATES=[{
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {
                "context_processors": ["django.template.context_processors.request",
                                       "django.contrib.auth.context_processors.auth"],
                "loaders": [
                    ("django.template.loaders.locmem.Loader", {"registration/login.html": LOGIN_TEMPLATE}),
                    "django.template.loaders.app_directories.Loader",
                ],
            },
        }],
        USE_TZ=True,
        LOGIN_URL="/accounts/login/",
        PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"],
        OAUTH2_PROVIDER={
            "PKCE_REQUIRED": True,
            "ACCESS_TOKEN_EXPIRE_SECONDS": args_lifetime,
            "REFRESH_TOKEN_EXPIRE_SECONDS": 7 * 24 * 3600,
            "ROTATE_REFRESH_TOKEN": rotate_refresh_tokens,
            "SCOPES": {MAIL_SCOPE: "Send mail as you", "introspection": "Look at tokens (the mail server)"},
            "DEFAULT_SCOPES": [MAIL_SCOPE],
            "ALLOWED_REDIRECT_URI_SCHEMES": ["http", "https"],
        },
        LOGGING_CONFIG=None,
    )
    global REDIRECT_PATHS
    REDIRECT_PATHS = tuple(redirect_paths)
    django.setup()


REDIRECT_PATHS = ("/",)

LOGIN_TEMPLATE = """<!DOCTYPE html>
<html><head><title>Sign in</title></head><body>
<h1>Sign in to the test provider</h1>
{% if form.errors %}<p id="error">Wrong user name or password.</p>{% endif %}
<form method="post" action="{% url 'login' %}">{% csrf_token %}
<label>User <input name="username" value="{{ form.username.value|default:'' }}"></label>
<label>Password <input type="password" name="password"></label>
<input type="hidden" name="next" value="{{ next }}">
<input type="submit" value="Sign in">
</form></body></html>
"""


def metadata_view(request):
    from django.http import JsonResponse
    origin = request.build_absolute_uri("/").rstrip("/")
    return JsonResponse({
        "issuer": origin,
        "authorization_endpoint": origin + "/o/authorize/",
        "token_endpoint": origin + "/o/token/",
        "revocation_endpoint": origin + "/o/revoke_token/",
        "introspection_endpoint": origin + "/o/introspect/",
        "response_types_supported": ["code"],
        "grant_types_supported": ["authorization_code", "refresh_token"],
        "code_challenge_methods_supported": ["S256"],
        "scopes_supported": [MAIL_SCOPE],
        "token_endpoint_auth_methods_supported": ["none", "client_secret_basic"],
    })


def _urls():
    from django.contrib.auth.views import LoginView
    from django.urls import include, path
    return [
        path("o/", include("oauth2_provider.urls", namespace="oauth2_provider")),
        path("accounts/login/", LoginView.as_view(), name="login"),
        path(".well-known/oauth-authorization-server", metadata_view),
    ]


def __getattr__(name):
    # Django reads urlpatterns of ROOT_URLCONF lazily, after setup.
    if name == "urlpatterns":
        return _urls()
    raise AttributeError(name)


def create_world(user, password, client_id, introspection_client, introspection_secret):
    from django.core.management import call_command
    from django.contrib.auth import get_user_model
    from oauth2_provider.models import get_application_model
    call_command("migrate", run_syncdb=True, verbosity=0)
    get_user_model().objects.create_user(username=user, email=user, password=password)
    app_model = get_application_model()
    uris = []
    for p in REDIRECT_PATHS:
        uris += ["http://127.0.0.1" + p, "http://[::1]" + p]
    app_model.objects.create(name="Outpost (test)", client_id=client_id,
                             client_type=app_model.CLIENT_PUBLIC,
                             authorization_grant_type=app_model.GRANT_AUTHORIZATION_CODE,
                             redirect_uris=" ".join(uris), skip_authorization=False)
    app_model.objects.create(name="Dovecot (test)", client_id=introspection_client,
                             client_secret=introspection_secret,
                             client_type=app_model.CLIENT_CONFIDENTIAL,
                             authorization_grant_type=app_model.GRANT_CLIENT_CREDENTIALS)


def revoke_user(username):
    """Revokes every grant of the user; returns how many refresh tokens."""
    from oauth2_provider.models import get_access_token_model, get_grant_model, get_refresh_token_model
    count = 0
    for rt in get_refresh_token_model().objects.filter(user__username=username, revoked__isnull=True):
        rt.revoke()
        count += 1
    get_access_token_model().objects.filter(user__username=username).delete()
    get_grant_model().objects.filter(user__username=username).delete()
    return count


def serve(args):
    from django.core.handlers.wsgi import WSGIHandler
    from wsgiref.simple_server import WSGIRequestHandler, WSGIServer
    import socketserver

    base = os.path.abspath(args.dir)
    access_log = open(os.path.join(base, "access.log"), "a", buffering=1)
    log_lock = threading.Lock()
    context = None
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)

    class Handler(WSGIRequestHandler):
        def log_request(self, code="-", size="-"):
            # The path only: queries carry codes, states and challenges.
            path = self.path.split("?", 1)[0]
            with log_lock:
                access_log.write("%s %s %s\n" % (self.command, path, code))

        def log_message(self, *a):
            pass

        def get_environ(self):
            env = super().get_environ()
            if context is not None:
                env["HTTPS"] = "on"  # wsgiref derives wsgi.url_scheme from it
            return env

        def get_stderr(self):
            return open(os.devnull, "w")

    class Server(socketserver.ThreadingMixIn, WSGIServer):
        daemon_threads = True
        allow_reuse_address = True

        def get_request(self):
            conn, addr = self.socket.accept()
            if context is not None:
                # The handshake happens in the handler's thread (first read),
                # so one stalled client cannot block the others.
                conn = context.wrap_socket(conn, server_side=True, do_handshake_on_connect=False)
            conn.settimeout(30)
            return conn, addr

    httpd = Server(("127.0.0.1", args.port), Handler)
    httpd.set_app(WSGIHandler())
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    scheme = "https" if context else "http"
    port = httpd.server_address[1]
    print("READY " + json.dumps({"issuer": "%s://127.0.0.1:%d" % (scheme, port)}), flush=True)
    sys.stdin.read()
    httpd.shutdown()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=["serve", "revoke"])
    ap.add_argument("--dir", required=True)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--cert")
    ap.add_argument("--key")
    ap.add_argument("--access-token-lifetime", type=int, default=120)
    ap.add_argument("--keep-refresh-tokens", action="store_true",
                    help="a refresh token stays valid after use (default: a new one replaces it)")
    ap.add_argument("--username")
    ap.add_argument("--password-file", help="file holding the user's password")
    ap.add_argument("--client-id", default="outpost-test")
    ap.add_argument("--redirect-path", action="append", default=None,
                    help="path of the loopback redirect URIs (repeatable; default /)")
    ap.add_argument("--introspection-client", default="dovecot")
    ap.add_argument("--introspection-secret-file")
    args = ap.parse_args()
    try:
        import django  # noqa: F401
        import oauth2_provider  # noqa: F401
    except ImportError as e:
        sys.exit("oauth_server.py: %s: install python3-django-oauth-toolkit (scripts/install-deps.sh test)" % e)
    base = os.path.abspath(args.dir)
    os.makedirs(base, exist_ok=True)
    configure(base, args.access_token_lifetime, args.redirect_path or ["/"], not args.keep_refresh_tokens)
    if args.command == "revoke":
        if not args.username:
            sys.exit("oauth_server.py revoke: --username is required")
        print(revoke_user(args.username))
        return
    if not (args.username and args.password_file and args.introspection_secret_file):
        sys.exit("oauth_server.py serve: --username, --password-file and --introspection-secret-file are required")
    if bool(args.cert) != bool(args.key):
        sys.exit("oauth_server.py serve: --cert and --key go together")
    with open(args.password_file) as f:
        password = f.read().strip()
    with open(args.introspection_secret_file) as f:
        introspection_secret = f.read().strip()
    create_world(args.username, password, args.client_id, args.introspection_client, introspection_secret)
    serve(args)


if __name__ == "__main__":
    main()
