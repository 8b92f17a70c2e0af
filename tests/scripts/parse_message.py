#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Independent MIME check: parse a message with Python's email package
(policy=email.policy.default) and print what a mail reader would see, as JSON.
Also reports the raw properties the RFCs constrain (line length, CRLF)."""
import email
import email.header
import email.policy
import email.utils
import hashlib
import json
import sys


def addresses(msg, name):
    header = msg.get(name)
    if header is None:
        return None
    if not hasattr(header, "addresses"):
        # Not an address header in Python's registry (Disposition-Notification-To).
        import email.utils
        return [{"name": n, "address": a} for n, a in email.utils.getaddresses([str(header)])]
    return [{"name": a.display_name, "address": a.addr_spec} for a in header.addresses]


def compat32_view(raw):
    """What the legacy API (policy compat32, still used by many programs)
    sees: RFC 2047 is decoded only where the program asks, file names come
    from get_filename(), which knows RFC 2231 but not RFC 2047."""
    msg = email.message_from_bytes(raw)

    def text(value):
        if value is None:
            return None
        return str(email.header.make_header(email.header.decode_header(value)))

    view = {"subject": text(msg.get("Subject"))}
    for name in ("From", "To", "Cc", "Reply-To"):
        values = msg.get_all(name)
        view[name.lower()] = None if values is None else [
            {"name": text(n), "address": a} for n, a in email.utils.getaddresses(values)]
    view["filenames"] = [part.get_filename() for part in msg.walk()
                         if part.get_content_disposition() == "attachment"]
    return view


def main() -> int:
    if sys.argv[1] == "--decode-word":
        # One RFC 2047 encoded word, decoded on its own.
        (data, charset), = email.header.decode_header(sys.argv[2])
        json.dump({"text": data.decode(charset)}, sys.stdout, ensure_ascii=False)
        return 0
    raw = open(sys.argv[1], "rb").read()
    lines = raw.split(b"\r\n")
    report = {
        "crlf_only": b"\n" not in raw.replace(b"\r\n", b"") and b"\r" not in raw.replace(b"\r\n", b""),
        "ends_with_crlf": raw.endswith(b"\r\n"),
        "longest_line": max(len(l) for l in lines),
        "header_lines_over_78": 0,
    }
    head = raw.split(b"\r\n\r\n", 1)[0]
    report["header_lines_over_78"] = sum(1 for l in head.split(b"\r\n") if len(l) > 78)
    report["header_names"] = [l.split(b":", 1)[0].decode("ascii", "replace")
                              for l in head.split(b"\r\n") if l and l[:1] not in (b" ", b"\t")]

    msg = email.message_from_bytes(raw, policy=email.policy.default)
    report["defects"] = [type(d).__name__ for d in msg.defects]
    report["subject"] = msg.get("Subject")
    for name in ("From", "To", "Cc", "Bcc", "Reply-To", "Disposition-Notification-To"):
        report[name.lower()] = addresses(msg, name)
    report["message_id"] = msg.get("Message-ID")
    report["in_reply_to"] = msg.get("In-Reply-To")
    report["references"] = msg.get("References")
    report["date"] = msg.get("Date")
    report["content_type"] = msg.get_content_type()
    extra = {}
    for key, value in msg.items():
        if key.lower().startswith("x-"):
            extra[key] = str(value)
    report["extra_headers"] = extra

    text = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    report["text"] = text.get_content() if text is not None else None
    report["html"] = html.get_content() if html is not None else None
    # format=flowed (RFC 3676): the parameters, and the text a flowed reader shows.
    report["text_format"] = text.get_param("format") if text is not None else None
    report["text_delsp"] = text.get_param("delsp") if text is not None else None
    if text is not None and report["text_format"] == "flowed":
        import flowed
        report["text_unflowed"] = flowed.decode(report["text"], report["text_delsp"] == "yes")

    def structure(part):
        if part.is_multipart():
            return "%s(%s)" % (part.get_content_type(), ",".join(structure(p) for p in part.iter_parts()))
        return part.get_content_type()
    report["structure"] = structure(msg)
    report["related_type"] = next((p.get_param("type") for p in msg.walk()
                                   if p.get_content_type() == "multipart/related"), None)
    inline = []
    for part in msg.walk():
        if part.get("Content-ID") is not None:
            payload = part.get_payload(decode=True) or b""
            inline.append({"content_id": str(part["Content-ID"]), "content_type": part.get_content_type(),
                           "disposition": part.get_content_disposition(), "filename": part.get_filename(),
                           "sha256": hashlib.sha256(payload).hexdigest()})
    report["inline"] = inline
    parts = []
    for part in msg.iter_attachments():
        payload = part.get_payload(decode=True) or b""
        parts.append({
            "filename": part.get_filename(),
            "content_type": part.get_content_type(),
            "size": len(payload),
            "sha256": hashlib.sha256(payload).hexdigest(),
            "cte": part.get("Content-Transfer-Encoding"),
        })
    report["attachments"] = parts
    all_defects = []
    for part in msg.walk():
        all_defects += [type(d).__name__ for d in part.defects]
    report["all_defects"] = all_defects
    report["compat32"] = compat32_view(raw)
    json.dump(report, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
