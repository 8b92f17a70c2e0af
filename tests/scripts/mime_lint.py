#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Lint of a message's raw bytes against the rules issue 21 lists: lines of
at most 998 octets, header lines of at most 78 where a fold was possible
and of at most 76 when they hold an encoded word (RFC 2047 §2), encoded
words of at most 75 characters that decode on their own, never
inside a quoted string, RFC 2231 parameter syntax, and a charset on every
text part with non-ASCII content.

    mime_lint.py FILE...   (prints problems, exit status 1 if any)"""
import email
import email.policy
import re
import sys

ENCODED_WORD = re.compile(rb"=\?([^?\s]+)\?([QqBb])\?([^?\s]*)\?=")
QUOTED = re.compile(rb'"(?:[^"\\\r\n]|\\.)*"')
EXTENDED = re.compile(rb"^[A-Za-z0-9!#$&+\-.^_`{|}~]+\*(?:\d+\*)?$")
ATTR_CHARS = rb"A-Za-z0-9!#$&+\-.^_`{|}~"


def decode_word(charset, kind, text):
    import base64
    import binascii
    if kind in b"Bb":
        data = base64.b64decode(text, validate=True)
    else:
        data = binascii.a2b_qp(text.replace(b"_", b" "), header=True)
    return data.decode(charset.decode())


def fields(head):
    """(name, unfolded value, physical lines) of a header block."""
    out = []
    for line in head.split(b"\r\n"):
        if line[:1] in (b" ", b"\t") and out:
            out[-1][2].append(line)
        elif line:
            out.append([line.split(b":", 1)[0], None, [line]])
    for f in out:
        f[1] = b"".join(f[2])[len(f[0]) + 1:]
    return out


def params(value):
    """name, value pairs of a parameterised field (after the first ';')."""
    tokens = re.findall(rb';\s*([^=\s;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s]*)', value)
    return tokens


def lint(raw):
    problems = []
    for n, line in enumerate(raw.split(b"\r\n")):
        if len(line) > 998:
            problems.append("line %d has %d octets" % (n + 1, len(line)))
    # Every header block: the message's and each part's.
    blocks = [raw.split(b"\r\n\r\n", 1)[0]]
    for m in re.finditer(rb"\r\n--[^\r\n]+\r\n((?:[^\r\n]+\r\n)+)\r\n", raw):
        blocks.append(m.group(1)[:-2])
    for head in blocks:
        for name, value, lines in fields(head):
            for line in lines:
                if len(line) > 76 and ENCODED_WORD.search(line):  # RFC 2047 §2
                    problems.append("%s: line of %d octets with an encoded word: %r" % (name.decode(), len(line), line[:90]))
                elif len(line) > 78 and len(line.strip().split(b" ")) > 1 and b" " in line.strip():
                    words = line.strip().split(b" ")
                    if len(words[-1]) < 77:  # a fold was possible
                        problems.append("%s: line of %d octets: %r" % (name.decode(), len(line), line[:90]))
            for q in QUOTED.finditer(value):
                if ENCODED_WORD.search(q.group(0)):
                    problems.append("%s: encoded word inside a quoted string: %r" % (name.decode(), q.group(0)))
            for w in ENCODED_WORD.finditer(value):
                if len(w.group(0)) > 75:
                    problems.append("%s: encoded word of %d characters" % (name.decode(), len(w.group(0))))
                try:
                    decode_word(*w.groups())
                except Exception:
                    problems.append("%s: encoded word does not decode on its own: %r" % (name.decode(), w.group(0)))
            if name.lower() in (b"content-type", b"content-disposition"):
                for pname, pvalue in params(value):
                    if b"*" in pname:
                        if not EXTENDED.match(pname):
                            problems.append("bad RFC 2231 name %r" % pname)
                        if pname.endswith(b"*"):
                            first = pname.endswith(b"*0*") or pname.count(b"*") == 1
                            v = pvalue
                            if first:
                                m = re.match(rb"^([A-Za-z0-9_-]+)'[A-Za-z-]*'(.*)$", v)
                                if not m:
                                    problems.append("RFC 2231 value without charset: %r" % v)
                                    continue
                                v = m.group(2)
                            if not re.fullmatch(rb"(?:[" + ATTR_CHARS + rb"]|%[0-9A-Fa-f]{2})*", v):
                                problems.append("RFC 2231 value with raw specials: %r" % v)
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    for part in msg.walk():
        if part.get_content_maintype() == "text" and part.get_param("charset") is None:
            data = part.get_payload(decode=True) or b""
            if any(b >= 0x80 for b in data):
                problems.append("text part %s with non-ASCII content has no charset" % part.get_content_type())
    return problems


def main():
    bad = 0
    for path in sys.argv[1:]:
        for p in lint(open(path, "rb").read()):
            print("%s: %s" % (path, p))
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
