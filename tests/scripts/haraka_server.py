#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A real Haraka server for integration tests, on 127.0.0.1: plain and
without AUTH, or (--cert, --key) with implicit TLS (SMTPS) and AUTH against
its flat-file plugin (--user, --password).

Haraka comes from npm, pinned, installed on first use into a cache under the
build tree (OUTPOST_BINARY_DIR/test-cache/haraka, or --cache). No network
means the install fails and so does the test, loudly: nothing is skipped.

A minimal config directory holds one plugin, outpost_test, which accepts
every recipient but those whose local part starts with "nobody", and writes each message to OUTDIR/N.eml (the octets Haraka
received, with the Received header Haraka adds) and its envelope to
OUTDIR/N.json, like aiosmtpd_server.py. Prints "READY <port>" once Haraka
answers, runs until stdin closes, and keeps Haraka's log in OUTDIR/../haraka.log.
"""
import argparse
import os
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import npm_cache  # noqa: E402

HARAKA_VERSION = "3.3.4"

PLUGIN = r"""
'use strict'
// Accepts every recipient; writes each message and its envelope to a directory.
const fs = require('fs')
const path = require('path')
let count = 0
// @haraka/email-address has changed address() to a property over time.
const addr = (a) => (typeof a.address === 'function' ? a.address() : String(a.address ?? a))

exports.hook_rcpt = function (next, connection, params) {
    // A local part starting with "nobody" does not exist.
    if (/^nobody/i.test(params[0].user)) return next(DENY, 'No such user here')
    next(OK)
}

exports.hook_queue = function (next, connection) {
    const txn = connection.transaction
    const outdir = process.env.OUTPOST_HARAKA_OUTDIR
    const n = ++count
    const chunks = []
    const sink = new (require('stream').Writable)({
        write(chunk, enc, done) { chunks.push(Buffer.from(chunk)); done() },
    })
    sink.on('finish', () => {
        const body = Buffer.concat(chunks)
        fs.writeFileSync(path.join(outdir, n + '.eml'), body)
        const mid = (txn.header.get('Message-ID') || '').trim()
        fs.writeFileSync(path.join(outdir, n + '.json'), JSON.stringify({
            message_id: mid,
            mail_from: addr(txn.mail_from),
            rcpt_tos: txn.rcpt_to.map(addr),
        }))
        next(OK, 'queued as ' + n)
    })
    txn.message_stream.pipe(sink)
}

// A client that signed in relays: its messages would go to Haraka's
// outbound queue (delivery by MX). They are kept here as well.
exports.hook_queue_outbound = exports.hook_queue
"""


def install(cache):
    """npm install Haraka@HARAKA_VERSION into cache, once (locked)."""
    return npm_cache.install(cache, "Haraka", HARAKA_VERSION, "haraka_server.py")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_for_greeting(port, proc, deadline, implicit_tls=False):
    while time.time() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2) as raw:
                s = raw
                if implicit_tls:  # (only whether it answers: not verified)
                    context = ssl.create_default_context()
                    context.check_hostname = False
                    context.verify_mode = ssl.CERT_NONE
                    s = context.wrap_socket(raw)
                if s.recv(512).startswith(b"220"):
                    s.sendall(b"QUIT\r\n")
                    s.recv(512)
                    return True
        except OSError:
            time.sleep(0.1)
    return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--outdir", required=True)
    ap.add_argument("--cache", default=npm_cache.default_cache("haraka"))
    ap.add_argument("--install-only", action="store_true")
    ap.add_argument("--cert", help="PEM certificate: implicit TLS (SMTPS) on the port")
    ap.add_argument("--key", help="its PEM key")
    ap.add_argument("--user", help="AUTH (PLAIN, LOGIN, CRAM-MD5) for this user only")
    ap.add_argument("--password")
    args = ap.parse_args()
    if bool(args.cert) != bool(args.key) or bool(args.user) != bool(args.password):
        ap.error("--cert goes with --key, --user with --password")

    home = install(os.path.abspath(args.cache))
    if args.install_only:
        return

    outdir = os.path.abspath(args.outdir)
    os.makedirs(outdir, exist_ok=True)
    # Haraka's layout: ROOT/config/* (plugins = the list to load) and
    # ROOT/plugins/*.js (local plugin code).
    root = tempfile.mkdtemp(prefix="haraka-")
    proc = None
    try:
        port = free_port()
        os.makedirs(os.path.join(root, "config"))
        os.makedirs(os.path.join(root, "plugins"))
        with open(os.path.join(root, "plugins", "outpost_test.js"), "w") as f:
            f.write(PLUGIN)
        smtp_ini = "[main]\nlisten=127.0.0.1:%d\nnodes=0\n" % port
        plugins = ["outpost_test"]
        files = {
            "me": "haraka.test\n",
            "log.ini": "[main]\nlevel=protocol\n",
        }
        if args.cert:
            # The port is Haraka's SMTPS port: TLS from the first byte, with
            # the key and certificate its tls.ini names (no client
            # certificate asked for).
            smtp_ini += "smtps_port=%d\n" % port
            shutil.copy(args.cert, os.path.join(root, "config", "tls_cert.pem"))
            shutil.copy(args.key, os.path.join(root, "config", "tls_key.pem"))
            files["tls.ini"] = "[main]\nkey=tls_key.pem\ncert=tls_cert.pem\nrequestCert=false\n"
        if args.user:
            plugins.insert(0, "auth/flat_file")
            files["auth_flat_file.ini"] = ("[core]\nmethods=PLAIN,LOGIN,CRAM-MD5\nconstrain_sender=false\n"
                                           "[users]\n%s=%s\n" % (args.user, args.password))
        files["smtp.ini"] = smtp_ini
        # Haraka makes its Diffie-Hellman parameters on start when it has
        # none (`openssl dhparam 2048`, a CPU for up to minutes, and left
        # running when Haraka stops): the standard group (RFC 7919) instead.
        subprocess.run(["openssl", "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "dh_param:ffdhe2048",
                        "-out", os.path.join(root, "config", "dhparams.pem")], check=True, capture_output=True)
        files["plugins"] = "\n".join(plugins) + "\n"
        for name, text in files.items():
            with open(os.path.join(root, "config", name), "w") as f:
                f.write(text)
        # The package's defaults for the rest (greeting, limits), as shipped.
        shutil.copy(os.path.join(home, "config", "connection.ini"), os.path.join(root, "config"))
        env = dict(os.environ, OUTPOST_HARAKA_OUTDIR=outdir)
        log = open(os.path.join(os.path.dirname(outdir), "haraka.log"), "w")
        proc = subprocess.Popen(["node", os.path.join(home, "bin", "haraka"), "-c", root],
                                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env)
        if not wait_for_greeting(port, proc, time.time() + 60, bool(args.cert)):
            log.flush()
            with open(log.name) as f:
                sys.exit("haraka_server.py: Haraka did not start:\n" + f.read()[-4000:])
        print("READY %d" % port, flush=True)
        sys.stdin.read()
    finally:
        if proc and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
