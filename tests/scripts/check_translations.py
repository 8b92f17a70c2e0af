#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a .ts file has fallen behind the sources (issue 10).

    check_translations.py LUPDATE SOURCES.lst INCLUDE_DIR TS_FILE...

Each .ts file is copied and refreshed with lupdate from the same sources the
build uses (keeping obsolete entries, so that a string removed from the code
shows up as "vanished"); then every message must be finished, not obsolete,
and translated, with every plural form filled in. The files in the tree are
never modified.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def problems(path):
    out = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            tr = message.find("translation")
            kind = tr.get("type") if tr is not None else "missing"
            if kind in ("unfinished", "vanished", "obsolete", "missing"):
                out.append("%s: %s [%s]" % (name, source, kind))
                continue
            if message.get("numerus") == "yes":
                forms = [f.text for f in tr.iter("numerusform")]
                if not forms or not all(forms):
                    out.append("%s: %s [plural form missing]" % (name, source))
            elif not (tr.text or "").strip():
                out.append("%s: %s [empty]" % (name, source))
    return out


def main():
    lupdate, lst, include, *ts_files = sys.argv[1:]
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for ts in ts_files:
            copy = os.path.join(tmp, os.path.basename(ts))
            shutil.copy(ts, copy)
            # English holds only the plural forms (translations/CMakeLists.txt).
            plural_only = ["-pluralonly"] if os.path.basename(ts).endswith("_en.ts") else []
            r = subprocess.run([lupdate, *plural_only, "-locations", "none", "-I", include, "@" + lst, "-ts", copy],
                               capture_output=True, text=True)
            if r.returncode != 0:
                print(r.stdout + r.stderr)
                sys.exit("check_translations: lupdate failed for %s" % ts)
            found = problems(copy)
            if found:
                failed = True
                print("%s: %d message(s) need work (run the update_translations target, then translate):"
                      % (os.path.basename(ts), len(found)))
                for p in found:
                    print("  " + p)
            else:
                count = sum(1 for _ in ET.parse(copy).getroot().iter("message"))
                print("%s: all %d messages translated" % (os.path.basename(ts), count))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
