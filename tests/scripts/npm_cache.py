# SPDX-License-Identifier: GPL-3.0-or-later
"""npm packages for the test servers, pinned, installed once into a cache
under the build tree (under a lock, so that parallel tests share one install).
No network means the install fails, loudly."""
import fcntl
import json
import os
import shutil
import subprocess
import sys


def install(cache, package, version, who):
    """npm install package@version into cache, once; returns its directory."""
    os.makedirs(cache, exist_ok=True)
    manifest = os.path.join(cache, "node_modules", package, "package.json")
    with open(os.path.join(cache, ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            with open(manifest) as f:
                if json.load(f).get("version") == version:
                    return os.path.dirname(manifest)
        except (OSError, ValueError):
            pass
        npm = shutil.which("npm")
        if not npm:
            sys.exit("%s: npm not found: the tests need Node.js 20 or newer with npm" % who)
        result = subprocess.run(
            [npm, "install", "--no-audit", "--no-fund", "--omit=optional", "--no-save",
             "--prefix", cache, package + "@" + version],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
        if result.returncode != 0:
            sys.exit("%s: npm install %s@%s failed:\n%s" % (who, package, version, result.stdout))
    return os.path.dirname(manifest)


def default_cache(name):
    """<build>/test-cache/NAME (OUTPOST_BINARY_DIR, else ../../build)."""
    return os.path.join(
        os.environ.get("OUTPOST_BINARY_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "build")),
        "test-cache", name)
