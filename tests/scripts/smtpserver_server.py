#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""nodemailer's smtp-server for integration tests: installs the pinned npm
package into <build>/test-cache/smtp-server on first use, then runs
smtp_server.js (beside this file) with the same arguments, which prints
"READY <port>" and runs until stdin closes. Its log goes to --log
(default: OUTDIR/../smtp-server.log)."""
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import npm_cache  # noqa: E402

SMTP_SERVER_VERSION = "3.21.6"


def main():
    args = sys.argv[1:]
    if "--outdir" not in args:
        sys.exit("smtpserver_server.py: --outdir is required")
    outdir = os.path.abspath(args[args.index("--outdir") + 1])
    os.makedirs(outdir, exist_ok=True)
    if "--log" not in args:
        args += ["--log", os.path.join(os.path.dirname(outdir), "smtp-server.log")]
    home = npm_cache.install(os.path.abspath(npm_cache.default_cache("smtp-server")), "smtp-server",
                             SMTP_SERVER_VERSION, "smtpserver_server.py")
    node = shutil.which("node")
    if not node:
        sys.exit("smtpserver_server.py: node not found: the tests need Node.js 20 or newer")
    env = dict(os.environ, NODE_PATH=os.path.dirname(home))
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "smtp_server.js")
    os.execve(node, [node, script] + args, env)


if __name__ == "__main__":
    main()
