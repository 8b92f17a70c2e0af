#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The smtplib peer for bench/smtp.sh: one connection, STARTTLS, AUTH, then
COUNT messages (the given file, read into memory as smtplib needs)."""
import argparse
import smtplib
import ssl


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--cafile", required=True)
    ap.add_argument("--count", type=int, default=1)
    ap.add_argument("--message", required=True)
    args = ap.parse_args()
    data = open(args.message, "rb").read()
    context = ssl.create_default_context(cafile=args.cafile)
    with smtplib.SMTP("localhost", args.port) as s:
        s.starttls(context=context)
        s.login("user", "secret")
        for _ in range(args.count):
            s.sendmail("user@example.test", ["rcpt@example.test"], data)


if __name__ == "__main__":
    main()
