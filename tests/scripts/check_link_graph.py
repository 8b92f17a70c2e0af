#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Configure the project afresh with --graphviz and fail if TARGET reaches any
FORBIDDEN node through its link dependencies (direct or transitive).

With --binary, also fail if the built program loads a shared library whose
name matches a --forbid-library pattern (ldd: what the dynamic loader maps at
start, through any path, e.g. a library that itself loads Qt's D-Bus). Where
there is no ldd (macOS, Windows) that half is reported as not run, and the
graph check alone decides."""
import argparse
import collections
import pathlib
import re
import shutil
import subprocess
import sys


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--target", required=True)
    ap.add_argument("--forbid", action="append", default=[])
    ap.add_argument("--binary", help="the built TARGET, checked with ldd")
    ap.add_argument("--forbid-library", action="append", default=[],
                    help="regular expression for a shared library's file name")
    args = ap.parse_args()

    work = pathlib.Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    dot = work / "graph.dot"
    subprocess.run(
        ["cmake", "-S", args.source, "-B", str(work / "build"), "-G", "Ninja",
         "-DOUTPOST_BUILD_TESTS=OFF", "-DOUTPOST_BUILD_BENCH=OFF",
         f"--graphviz={dot}"],
        check=True, stdout=subprocess.DEVNULL)

    text = dot.read_text()
    # A label reads "name" or "name\n(Alias::Name)"; keep the real name.
    labels = {n: l.split("\\n")[0] for n, l in
              re.findall(r'"(node\d+)"\s*\[\s*label\s*=\s*"([^"]+)"', text)}
    edges = collections.defaultdict(list)
    for a, b in re.findall(r'"(node\d+)"\s*->\s*"(node\d+)"', text):
        edges[a].append(b)
    by_label = {v: k for k, v in labels.items()}
    if args.target not in by_label:
        print(f"target {args.target} not in graph", file=sys.stderr)
        return 1

    # Breadth-first walk, remembering how each node was reached.
    start = by_label[args.target]
    parent = {start: None}
    queue = collections.deque([start])
    while queue:
        node = queue.popleft()
        for nxt in edges[node]:
            if nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    reached = {labels[n] for n in parent}
    print(f"{args.target} links (transitively): {', '.join(sorted(reached - {args.target}))}")
    bad = [f for f in args.forbid if f in reached]
    for f in bad:
        path, n = [], by_label[f]
        while n is not None:
            path.append(labels[n])
            n = parent[n]
        print(f"FORBIDDEN: {' -> '.join(reversed(path))}", file=sys.stderr)
    if args.binary:
        bad += loaded_forbidden(args.binary, args.forbid_library)
    return 1 if bad else 0


def loaded_forbidden(binary: str, patterns: list) -> list:
    """The shared libraries `binary` loads that match any of `patterns`."""
    if not pathlib.Path(binary).is_file():
        print(f"{binary} is not built", file=sys.stderr)
        return [binary]
    ldd = shutil.which("ldd")
    if not ldd:
        print("no ldd here: the loaded libraries were not checked")
        return []
    text = subprocess.run([ldd, binary], check=True, capture_output=True, text=True).stdout
    names = [line.split()[0] for line in text.splitlines() if line.strip()]
    print(f"{binary} loads {len(names)} libraries: {', '.join(names)}")
    bad = [n for n in names if any(re.search(p, n) for p in patterns)]
    for n in bad:
        print(f"FORBIDDEN LIBRARY: {binary} loads {n}", file=sys.stderr)
    return bad


if __name__ == "__main__":
    sys.exit(main())
