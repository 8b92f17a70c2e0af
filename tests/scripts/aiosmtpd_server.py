#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A real aiosmtpd server for integration tests, on 127.0.0.1.

Writes each received message to OUTDIR/N.eml (the exact octets, dot-unstuffed)
and its envelope to OUTDIR/N.json, prints "READY <port>" when listening, and
runs until stdin closes. Run with Debian's /usr/bin/python3 (python3-aiosmtpd).
"""
import argparse
import asyncio
import email
import json
import os
import socket
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Recorder:
    def __init__(self, outdir, data_delay=0.0):
        self.outdir = outdir
        self.data_delay = data_delay
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        if self.data_delay:
            await asyncio.sleep(self.data_delay)  # a slow server: the reply to the final dot comes late
        with self.lock:
            self.count += 1
            n = self.count
        base = os.path.join(self.outdir, str(n))
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        # The header block alone: a 200 MB body is not parsed for one field.
        end = envelope.original_content.find(b"\r\n\r\n")
        parsed = email.message_from_bytes(envelope.original_content if end < 0 else envelope.original_content[:end + 4])
        with open(base + ".json", "w") as f:
            json.dump({
                "message_id": (parsed.get("Message-ID") or "").strip(),
                "mail_from": envelope.mail_from,
                "rcpt_tos": envelope.rcpt_tos,
                "mail_options": envelope.mail_options,
                "smtp_utf8": envelope.smtp_utf8,
                "authenticated": bool(session.authenticated),
                "tls": session.ssl is not None,
                "peer_port": session.peer[1] if session.peer else None,  # one per connection
            }, f, ensure_ascii=False)
        return "250 2.0.0 OK queued as %d" % n


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--outdir", required=True)
    ap.add_argument("--cert")
    ap.add_argument("--key")
    ap.add_argument("--user", default="user")
    ap.add_argument("--password", default="secret")
    ap.add_argument("--implicit-tls", action="store_true")
    ap.add_argument("--no-auth", action="store_true", help="plain SMTP, no TLS, no AUTH")
    ap.add_argument("--auth-optional", action="store_true", help="with TLS: AUTH offered, not required")
    ap.add_argument("--port", type=int, default=0, help="listen here instead of a free port")
    ap.add_argument("--max-size", type=int, default=33554432, help="SIZE limit in octets (0: none)")
    ap.add_argument("--data-delay", type=float, default=0.0, help="seconds before each reply to the final dot")
    args = ap.parse_args()

    context = None
    if not args.no_auth:
        if not (args.cert and args.key):
            sys.exit("--cert and --key are required unless --no-auth")
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login == args.user.encode()
              and auth_data.password == args.password.encode())
        return AuthResult(success=ok, handled=False)

    port = args.port or free_port()
    common = dict(hostname="127.0.0.1", port=port, authenticator=authenticator,
                  auth_required=not (args.no_auth or args.auth_optional), decode_data=False, enable_SMTPUTF8=True,
                  server_hostname="aiosmtpd.test", ident="aiosmtpd test server",
                  data_size_limit=args.max_size or None)
    if args.no_auth:
        controller = Controller(Recorder(args.outdir, args.data_delay), **common)
    elif args.implicit_tls:
        controller = Controller(Recorder(args.outdir, args.data_delay), ssl_context=context,
                                auth_require_tls=False, **common)
    else:
        controller = Controller(Recorder(args.outdir, args.data_delay), tls_context=context,
                                require_starttls=True, auth_require_tls=True, **common)
    controller.start()
    print("READY %d" % port, flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
