#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""An RFC 3676 format=flowed reader, written from the RFC for the tests
(Python's email package shows flowed text as it is on the wire).

decode(text, delsp) follows §4.1-4.5: a line's quote depth is its run of
">"; one space after the marks (or at the start of an unquoted line) is
stuffing and removed; a line ending in a space is soft and joins the next
line of the same depth (with delsp=yes the space goes); the signature
separator "-- " is always hard. A quoted paragraph comes back with "> "
per depth level, the way Outpost's plain text writes quotes.
"""
import sys


def unflow_lines(text, delsp=False):
    """(depth, text) of each logical line."""
    lines = text.replace("\r\n", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    out = []
    joining = None  # [depth, text] of a paragraph still open
    for raw in lines:
        depth = len(raw) - len(raw.lstrip(">"))
        line = raw[depth:]
        if line.startswith(" "):
            line = line[1:]  # stuffing
        soft = line.endswith(" ") and line != "-- "
        if soft and delsp:
            line = line[:-1]
        if joining is not None and joining[0] == depth:
            joining[1] += line
        else:
            if joining is not None:
                out.append(tuple(joining))  # depth changed: the paragraph ends
            joining = [depth, line]
        if not soft:
            out.append(tuple(joining))
            joining = None
    if joining is not None:
        out.append(tuple(joining))
    return out


def decode(text, delsp=False):
    return "".join("> " * depth + line + "\n" for depth, line in unflow_lines(text, delsp))


if __name__ == "__main__":
    sys.stdout.write(decode(sys.stdin.read(), "--delsp" in sys.argv))
