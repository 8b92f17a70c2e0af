#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What independent MIME readers from Debian packages make of one message,
in one shape: {"from"/"to"/"cc"/"reply-to": [[name, address], ...] or None,
"subject", "text" (the first text/plain part that is not an attachment, None
when the reader finds none), "attachments": [[file name, sha256], ...],
"attachment_texts": [[file name, text], ...] (the text/* attachments, their
bytes decoded with the charset the reader says they are in)}. A key is
missing when the reader does not show that field; "unordered" is set for
readers that save files, whose order says nothing."""
import email
import email.header
import email.policy
import email.utils
import hashlib
import pathlib
import re
import subprocess
import tempfile

SCRIPTS = pathlib.Path(__file__).resolve().parent
READERS = ["python-default", "python-compat32", "email-mime", "mime-tools", "mblaze", "reformime", "ripmime",
           "munpack"]


def sha(data):
    return hashlib.sha256(data or b"").hexdigest()


def digest(name, data):
    """SHA-256 of an attachment; an attached message (.eml) is compared in
    LF form, as readers store it in their own line ending."""
    data = data or b""
    if (name or "").endswith(".eml"):
        data = data.replace(b"\r\n", b"\n")
    return sha(data)


def decode_text(data, charset):
    """Octets in a declared charset (none: US-ASCII, RFC 2046 §4.1.2), or a
    marker that says they are not in it."""
    charset = (charset or "us-ascii").lower()
    try:
        return (data or b"").decode(charset)
    except (LookupError, UnicodeDecodeError):
        return "<not %s: %r>" % (charset, (data or b"")[:40])


def _attachment_texts(msg):
    return [[p.get_filename(), decode_text(p.get_payload(decode=True), p.get_content_charset())]
            for p in _attachment_parts(msg) if p.get_content_maintype() == "text"]


def _attachment_parts(msg):
    for part in msg.walk():
        if part.get_content_disposition() == "attachment":
            yield part


def _payload(part):
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload()[0]
        return inner.as_bytes(policy=email.policy.SMTP) if hasattr(inner, "as_bytes") else b""
    return part.get_payload(decode=True)


def python_default(raw):
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    out = {"subject": str(msg["Subject"]) if msg["Subject"] is not None else None}
    for name in ("From", "To", "Cc", "Reply-To"):
        h = msg[name]
        out[name.lower()] = None if h is None else [[a.display_name, a.addr_spec] for a in h.addresses]
    body = msg.get_body(preferencelist=("plain",))
    out["text"] = body.get_content() if body is not None else None
    out["attachments"] = [[p.get_filename(), digest(p.get_filename(), _payload(p))] for p in _attachment_parts(msg)]
    out["attachment_texts"] = _attachment_texts(msg)
    return out


def python_compat32(raw):
    msg = email.message_from_bytes(raw)

    def text(value):
        return None if value is None else str(email.header.make_header(email.header.decode_header(value)))
    out = {"subject": text(msg.get("Subject"))}
    for name in ("From", "To", "Cc", "Reply-To"):
        values = msg.get_all(name)
        out[name.lower()] = None if values is None else [
            [text(n), a] for n, a in email.utils.getaddresses(values)]
    out["attachments"] = [[p.get_filename(), digest(p.get_filename(), _payload(p))] for p in _attachment_parts(msg)]
    out["attachment_texts"] = _attachment_texts(msg)
    body = next((p for p in msg.walk() if p.get_content_type() == "text/plain"
                 and p.get_content_disposition() is None), None)
    out["text"] = None if body is None else decode_text(body.get_payload(decode=True), body.get_content_charset())
    return out


def perl(reader, path):
    import json
    r = subprocess.run(["perl", str(SCRIPTS / "mime_readers.pl"), reader, str(path)], capture_output=True,
                       check=True, timeout=60)
    out = json.loads(r.stdout)
    for a in out.get("attachments", []):
        a[1] = digest(a[0], bytes.fromhex(a[1]))
    for key in ("from", "to", "cc", "reply-to"):
        if key in out and not out[key]:
            out[key] = None
    return out


def mblaze(path):
    out = {}

    def cmd(*args):
        return subprocess.run(args, capture_output=True, check=True, timeout=60).stdout

    out["subject"] = cmd("mhdr", "-d", "-h", "subject", str(path)).decode().rstrip("\n") or None
    for name in ("from", "to", "cc", "reply-to"):
        lines = cmd("maddr", "-h", name, str(path)).decode().splitlines()
        out[name] = [list(email.utils.parseaddr(line)) for line in lines] or None
    listing = cmd("mshow", "-t", str(path)).decode().splitlines()
    attachments = []
    out["text"] = None
    for line in listing[1:]:
        m = re.match(r'\s*(\d+): (\S+) size=\d+(?: name="(.*)")?$', line)
        if m and m.group(3) is not None:
            data = cmd("mshow", "-O", str(path), m.group(1))
            attachments.append([m.group(3), digest(m.group(3), data)])
        elif m and m.group(2) == "text/plain" and out["text"] is None:
            # The body's octets as mshow extracts them; mshow -t lists no
            # charsets, and Outpost's bodies are UTF-8 (or its ASCII subset).
            out["text"] = decode_text(cmd("mshow", "-O", str(path), m.group(1)), "utf-8")
    out["attachments"] = attachments
    return out


def reformime(path):
    """maildrop's reformime: -i describes the sections, -e -s extracts one."""
    raw = pathlib.Path(path).read_bytes()
    info = subprocess.run(["reformime", "-i"], input=raw, capture_output=True, check=True, timeout=60).stdout
    out = {"attachments": [], "attachment_texts": [], "text": None}

    def section(number):
        return subprocess.run(["reformime", "-e", "-s", number], input=raw, capture_output=True, check=True,
                              timeout=60).stdout

    for block in info.decode("utf-8", "replace").split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        text = fields.get("content-type", "").startswith("text/")
        if fields.get("content-disposition") == "attachment":
            data = section(fields["section"])
            name = fields.get("content-disposition-filename", fields.get("content-name"))
            out["attachments"].append([name, digest(name, data)])
            if text:
                out["attachment_texts"].append([name, decode_text(data, fields.get("charset"))])
        elif fields.get("content-type") == "text/plain" and "content-disposition" not in fields \
                and out["text"] is None:
            out["text"] = decode_text(section(fields["section"]), fields.get("charset"))
    return out


def _saved_files(tool_args, path):
    """[[name, octets], ...] of the files a tool saves, in the order saved."""
    with tempfile.TemporaryDirectory() as d:
        subprocess.run([a.replace("{dir}", d).replace("{file}", str(path)) for a in tool_args],
                       capture_output=True, timeout=60, check=False)
        files = sorted(pathlib.Path(d).rglob("*"), key=lambda p: (p.stat().st_mtime_ns, p.name))
        return [[p.name, p.read_bytes()] for p in files if p.is_file()]


def ripmime(path):
    # ripmime saves the parts without a name as textfile0, textfile1, ... in
    # their order: the preamble of a multipart (empty in these messages),
    # then the text. It says nothing of charsets: the body is read as UTF-8.
    files = _saved_files(["ripmime", "-i", "{file}", "-d", "{dir}"], path)
    nameless = sorted((f for f in files if re.fullmatch(r"textfile\d+", f[0])), key=lambda f: int(f[0][8:]))
    text = next((data for _, data in nameless if data), None)
    return {"attachments": [[n, digest(n, data)] for n, data in files if not re.fullmatch(r"textfile\d+", n)],
            "text": None if text is None else decode_text(text, "utf-8"), "unordered": True}


def munpack(path):
    files = _saved_files(["munpack", "-q", "-C", "{dir}", "{file}"], path)
    # munpack writes the text before an attachment to a description file.
    return {"attachments": [[n, digest(n, data)] for n, data in files if not n.endswith(".desc")
                            and n != "tempdesc.txt"], "unordered": True}


def read(reader, path):
    out = _read(reader, path)
    # An empty group ("undisclosed-recipients:;") holds no mailbox; some
    # readers show it as one with neither name nor address.
    for key in ("from", "to", "cc", "reply-to"):
        if out.get(key):
            out[key] = [m for m in out[key] if m[0] or m[1]] or None
    return out


def _read(reader, path):
    raw = pathlib.Path(path).read_bytes()
    try:
        if reader == "python-default":
            return python_default(raw)
        if reader == "python-compat32":
            return python_compat32(raw)
        if reader in ("email-mime", "mime-tools"):
            return perl(reader, path)
        if reader == "mblaze":
            return mblaze(path)
        if reader == "reformime":
            return reformime(path)
        if reader == "ripmime":
            return ripmime(path)
        if reader == "munpack":
            return munpack(path)
    except Exception as e:  # a reader that crashes reads nothing
        return {"subject": "<%s failed: %s>" % (reader, e)}
    raise ValueError(reader)


# Every SpamAssassin rule counts except these, which score what a message
# says or where it came from, not how it is written: a test that looks at the
# form of headers and MIME must not be left out by a name pattern (FROMSPACE,
# a From: header rule, was).
CONTENT_RULES = {
    "ALL_TRUSTED": "the message passed only trusted relays (the private Postfix)",
    "PLING_QUERY": "the corpus subject has '!' and '?' (the words, not their encoding)",
    "TVD_SPACE_RATIO": "a body of few words and much space (the corpus text)",
    "HTML_MESSAGE": "the message has HTML (the inline-image cases)",
    "HTML_IMAGE_ONLY_04": "HTML with images and under 400 bytes of words (the inline-image cases)",
}


def spamassassin_hits(paths):
    """{path: [rules hit, CONTENT_RULES left out]}: one `spamassassin --mbox -L -t` run over
    all messages (local tests only; one start-up instead of one each)."""
    mbox = b""
    for i, path in enumerate(paths):
        raw = pathlib.Path(path).read_bytes().replace(b"\r\n", b"\n")
        raw = re.sub(rb"(?m)^(>*From )", rb">\1", raw)
        # SpamAssassin does not keep the order: the index finds the report.
        mbox += b"From corpus@example.org Thu Jan  1 00:00:00 2026\nX-Corpus-Index: %d\n" % i + raw + b"\n"
    r = subprocess.run(["spamassassin", "-L", "-t", "--mbox", "--cf=report_safe 0"], input=mbox,
                       capture_output=True, timeout=600, check=False)
    reports = {}
    for report in re.split(rb"(?m)^From corpus@example\.org .*\n", r.stdout)[1:]:
        index = re.search(rb"(?m)^X-Corpus-Index: (\d+)$", report)
        if index:
            reports[int(index.group(1))] = report
    hits = {}
    for i, path in enumerate(paths):
        m = re.search(rb"^X-Spam-Status: .*?tests=(.*?)(?:\sautolearn=|\sversion=)", reports.get(i, b""), re.M | re.S)
        names = re.split(r"[\s,]+", m.group(1).decode()) if m else ["<no report>"]
        names = [n for n in names if n and n != "none" and n not in CONTENT_RULES]
        if names:
            hits[pathlib.Path(path)] = names
    return hits
