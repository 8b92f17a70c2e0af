#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 21: a corpus of demanding messages, each built by the real `outpost
send`, sent through a private Postfix (tests/scripts/postfix_instance.py)
and read back from its Maildir by independent parsers from Debian packages
(Python email in policy.default and compat32, Perl Email::MIME and
MIME-tools, mblaze, reformime, ripmime, munpack), which must all agree with the input
field by field; plus a lint of the raw bytes Outpost wrote
(tests/scripts/mime_lint.py) and SpamAssassin's header and MIME format
rules, which must hit nothing.

Where a reader gets a field wrong, the same reader is given Python's own
composition of the same message (with the content types Outpost chose, and
the charset each text file is really in): only if it shows exactly the same
value there, the reader has a known limitation, which is printed and not
counted. Where it misreads Python's message too, but differently, only the
reader bugs known_misread() names and checks on the value are waived;
otherwise it is an Outpost defect and the test fails.

    with_keyring.sh corpus_test.py --outpost build/app/outpost [--keep DIR]
(as root: Postfix; inside with_keyring.sh: the account's password)
"""
import argparse
import concurrent.futures
import email.headerregistry
import email.message
import email.policy
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
TESTS = HERE.parent
SCRIPTS = HERE.parent / "scripts"
sys.path.insert(0, str(SCRIPTS))
import flowed  # noqa: E402
import mime_lint  # noqa: E402
import mime_parsers  # noqa: E402

NAMES = [
    "Jürgen Groß", "山田 太郎", "Иван Петров", "محمد علي", "שרה כהן", "Ελένη Παπαδοπούλου",
    "김민준", "Nguyễn Văn An", "राहुल शर्मा", "สมชาย ใจดี", "Zoë Ångström", "Łukasz Żółć",
    "e\u0301le\u0300ve combinée", "Family 👩\u200d👩\u200d👧 Smith", "Party 🎉 Planner",
    "Doe, John", 'O\'Brien "Bob"', "back\\slash", "Smith (Jr.)", "at@sign", "semi;colon",
    "Müller, Hans", "Ada Lovelace", "Dr. Strangelove", "a.b.c", "Grüße, \"Chef\" (ÄÖÜ); @home",
    "Jean-Luc Picard-Übermeyer von und zu Schönhausen-Ährenfeld auf Burg Hohenzollern",
    "=?utf-8?Q?not_encoded?=", "  spaces  around  ", "Ünïcödé Ünïcödé Ünïcödé Ünïcödé Ünïcödé Ünïcödé",
]
SUBJECTS = [
    "Grüße aus München: Straßenbahn, Übergröße und Ölförderung im Überblick für das Jahr 2026",
    "会議の議事録と来週の予定について（重要）お知らせします", "Привет, мир! Как дела?",
    "مرحبا بالعالم — שלום עולם — mixed RTL subject", "🎉🎂 Birthday party on Saturday! 🍰🎈 Bring 🎁",
    "Family 👩\u200d👩\u200d👧 photos", "Cafe\u0301 cre\u0300me bru\u0302le\u0301e", "Plain ASCII subject",
    "Re: =?utf-8?Q?literal?= text", "Supercalifragilisticexpialidocious-and-an-extraordinarily-long-"
    "unbreakable-word-in-a-subject-line", "ελληνικά και 한국어 και हिन्दी", "Tab\tand  double  spaces",
]
FILENAMES = [
    "notes.txt", "Übersicht März.pdf", "議事録.txt", "invitation 🎉.png", "مستند.txt",
    "a \"quoted\" name; with=specials.txt", "it's *new* 100% ok.txt", "=?utf-8?Q?evil?=.txt",
    "f" * 90 + ".txt", "a \"q\" " + "n" * 80 + ".txt",
    "Übersicht über die Größenänderungen im Jahresabschluss 2026 (endgültig, überarbeitet).pdf",
    "e\u0301te\u0301.txt", "👩\u200d👩\u200d👧.bin", "(paren) [bracket] {brace}.dat", "tab\there.txt",
]
TEXT_FILES = {  # name: bytes in a charset
    "utf8.txt": "Grüße, Привет, 日本語\n".encode("utf-8"),
    "ascii.txt": b"plain ASCII text\n",
    "utf16.txt": "UTF-16 text: Grüße\n".encode("utf-16"),
    "latin1.txt": "Grüße aus Köln\n".encode("latin-1"),
    "cp1251.txt": "Привет мир\n".encode("cp1251"),
}
TEXT_CHARSETS = {"utf8.txt": "utf-8", "ascii.txt": "us-ascii", "utf16.txt": "utf-16", "latin1.txt": "latin-1",
                 "cp1251.txt": "cp1251"}


def inner_message(subject, body_bytes=b"the forwarded text\n"):
    return (b"From: Carol <carol@example.test>\nTo: dan@example.test\nSubject: " + subject.encode()
            + b"\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n" + body_bytes)


def build_cases():
    """At least 60 cases; each: from name, to/cc/bcc/reply-to, subject, body, files."""
    cases = []
    n = 0

    def case(**kw):
        nonlocal n
        n += 1
        c = {"id": n, "from": kw.get("from_", "Ada Lovelace"), "to": kw.get("to", [["", "bob@example.test"]]),
             "cc": kw.get("cc", []), "bcc": kw.get("bcc", []), "reply_to": kw.get("reply_to", []),
             "subject": kw.get("subject", "corpus %d" % n), "body": kw.get("body", "Hello.\n"),
             "files": kw.get("files", []), "html": kw.get("html"), "inline": kw.get("inline", [])}
        cases.append(c)

    for i, name in enumerate(NAMES):  # names as From and To, subjects in many scripts
        case(from_=name, to=[[name, "to%d@example.test" % i], ["", "plain@example.test"]],
             subject=SUBJECTS[i % len(SUBJECTS)], body="Text in many scripts: %s\n" % name)
    for i, subject in enumerate(SUBJECTS):
        case(subject=subject, cc=[[NAMES[i], "cc%d@example.test" % i]], body=subject + "\n")
    for i, fname in enumerate(FILENAMES):
        case(subject="file " + str(i), files=[[fname, ("content of %d\n" % i).encode() * (i + 1)]])
    case(subject="100 recipients", to=[["Empfänger Nummer %d, Abteilung" % i if i % 2 else "Person %d" % i,
                                        "r%d@example.test" % i] for i in range(100)])
    case(subject="50 attachments", files=[["Datei %02d – Anhang.bin" % i, os.urandom(200 + i)] for i in range(50)])
    case(subject="text attachments in several charsets", files=[[k, v] for k, v in TEXT_FILES.items()])
    case(subject="forwarded messages", files=[["fwd.eml", inner_message("inner message")],
                                              ["Weitergeleitet Grüße.eml", inner_message("zweite Nachricht")]])
    case(subject="a message with long lines", files=[["wide.eml", inner_message("wide", b"w" * 1200 + b"\n")]])
    case(subject="Bcc only", to=[], bcc=[["Hidden", "hidden@example.test"]])
    case(subject="Reply-To", reply_to=[["Büro, Zentrale", "buero@example.test"], ["", "other@example.test"]],
         cc=[["Doe, John", "john@example.test"]])
    case(subject="binary", files=[["random.bin", os.urandom(30000)], ["empty.dat", b""]])
    # Images in the HTML text (issue 22): multipart/related inside the
    # alternative, and inside mixed when there are attachments too. Inline
    # parts are not attachments; readers that save every part save them, as
    # they do Python's own composition.
    picture = (TESTS / "data" / "mime" / "pixel.png").read_bytes()
    for files in ([], [["notes.txt", b"attached notes\n"]]):
        case(subject="inline image" + (" and an attachment" if files else ""),
             body="Look:\n[image: pixel.png]\n[image: Bild 2.png]\n",
             html='<div>Look:</div><div><img src="cid:pixel.1@example.test" alt="pixel.png"></div>'
                  '<div><img src="cid:bild.2@example.test" alt="Bild 2.png"></div>',
             inline=[["pixel.1@example.test", "pixel.png", picture], ["bild.2@example.test", "Bild 2.png", picture + b"x"]],
             files=files)
    return cases


def run(cmd, env, **kw):
    r = subprocess.run(cmd, env=env, capture_output=True, timeout=120, **kw)
    if r.returncode != 0:
        sys.exit("%s failed: %s" % (" ".join(cmd[:3]), r.stderr.decode(errors="replace")))
    return r


def outpost_queue(outpost, case, work, env, port):
    """Queues the case with `outpost send --queue-only`; returns the bytes
    Outpost wrote (the queued file)."""
    account = "acct%d" % case["id"]
    address = "sender%d@example.test" % case["id"]
    run([outpost, "account", "add", "--name", account, "--email", address, "--display-name", case["from"],
         "--host", "localhost", "--port", str(port), "--security", "tls", "--username", "user",
         "--password-stdin", "--no-verify"], env, input=b"secret\n")
    cmd = [outpost, "send", "--from", account, "--subject", case["subject"], "--body", case["body"], "--queue-only"]
    fmt = lambda m: ('"%s" <%s>' % (m[0].replace("\\", "\\\\").replace('"', '\\"'), m[1])) if m[0] else m[1]
    for option, key in (("--to", "to"), ("--cc", "cc"), ("--bcc", "bcc"), ("--reply-to", "reply_to")):
        for m in case[key]:
            cmd += [option, fmt(m)]
    files = work / ("files%d" % case["id"])
    files.mkdir()
    for i, (name, data) in enumerate(case["files"]):
        d = files / str(i)  # a folder each: names may repeat
        d.mkdir()
        (d / name).write_bytes(data)
        cmd += ["--attach", str(d / name)]
    if case["html"]:
        (files / "body.html").write_text(case["html"], encoding="utf-8")
        cmd += ["--html-file", str(files / "body.html")]
    for i, (cid, name, data) in enumerate(case["inline"]):
        d = files / ("inline%d" % i)
        d.mkdir()
        (d / name).write_bytes(data)
        cmd += ["--inline-image", "%s=%s" % (cid, d / name)]
    before = set(queued(env))
    run(cmd, env)
    new = set(queued(env)) - before
    assert len(new) == 1, new
    return new.pop().read_bytes()


def message_id(raw):
    head = raw.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    return email.message_from_bytes(head + b"\n\n")["Message-ID"].strip()


def deliveries(maildir, wanted, timeout=180):
    """{Message-ID: first delivered copy} once every wanted one arrived."""
    found = {}
    deadline = time.time() + timeout
    while time.time() < deadline:
        for path in pathlib.Path(maildir, "new").glob("*"):
            raw = path.read_bytes()
            mid = message_id(raw)
            found.setdefault(mid, raw)
        if wanted <= set(found):
            return found
        time.sleep(0.5)
    sys.exit("Postfix delivered %d of %d messages" % (len(wanted & set(found)), len(wanted)))


class Postfix:
    """tests/scripts/postfix_instance.py with a fresh certificate for localhost."""

    def __init__(self, base):
        base.mkdir(parents=True)
        os.chmod(base, 0o755)
        self.cert, key = base / "cert.pem", base / "key.pem"
        run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
             "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(self.cert)], os.environ)
        os.chmod(key, 0o644)
        self.proc = subprocess.Popen([sys.executable, str(SCRIPTS / "postfix_instance.py"), "--dir", str(base / "pf"),
                                      "--cert", str(self.cert), "--key", str(key)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if not line.startswith("READY "):
            sys.exit("Postfix did not start: " + line)
        self.info = json.loads(line[6:])

    def stop(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


def queued(env):
    return list(pathlib.Path(env["XDG_DATA_HOME"], "outpost", "outbox", "queued").glob("*/message.eml"))


def true_text(name, data):
    """What a text file says, in the charset it is really in; None for bytes
    that are no text."""
    try:
        return data.decode(TEXT_CHARSETS.get(name, "utf-8"))
    except UnicodeDecodeError:
        return None


def attachment_types(raw):
    """(maintype, subtype) of each attachment Outpost wrote, in order."""
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    return [(p.get_content_maintype(), p.get_content_subtype()) for p in msg.walk()
            if p.get_content_disposition() == "attachment"]


def python_message(case, types):
    """Python's own composition of the same message (the reference), its
    attachments typed as Outpost typed them (types), text in the charset it
    is really in."""
    m = email.message.EmailMessage(policy=email.policy.SMTP)
    fmt = lambda ms: ", ".join(email.headerregistry.Address(n, addr_spec=a).__str__() for n, a in ms)
    m["From"] = fmt([[case["from"], "sender%d@example.test" % case["id"]]])
    if case["to"]:
        m["To"] = fmt(case["to"])
    elif not case["cc"]:
        m["To"] = "undisclosed-recipients:;"
    if case["cc"]:
        m["Cc"] = fmt(case["cc"])
    if case["reply_to"]:
        m["Reply-To"] = fmt(case["reply_to"])
    m["Subject"] = case["subject"]
    m.set_content(case["body"])
    if case["html"]:
        m.add_alternative(case["html"], subtype="html")
        html = m.get_payload()[1]
        for cid, name, data in case["inline"]:
            html.add_related(data, "image", "png", cid="<%s>" % cid, filename=name, disposition="inline")
    assert len(types) == len(case["files"]), (types, case["id"])
    for (name, data), (maintype, subtype) in zip(case["files"], types):
        if (maintype, subtype) == ("message", "rfc822"):
            inner = email.message_from_bytes(data, policy=email.policy.SMTP)
            m.add_attachment(inner, filename=name)
        elif maintype == "text" and true_text(name, data) is not None:
            charset = TEXT_CHARSETS.get(name, "utf-8")
            m.add_attachment(data, maintype=maintype, subtype=subtype, filename=name,
                             params={"charset": "us-ascii" if data.isascii() and charset != "utf-16" else charset})
        elif maintype == "text":  # bytes that are no text in any charset
            m.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
        else:
            m.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return m.as_bytes()


def expected(case):
    def canon(name, data):
        return [name, mime_parsers.digest(name, data)]

    def mailboxes(ms):
        # Outpost drops the spaces around a display name (docs/design/MIME.md).
        return [[n.strip(), a] for n, a in ms] or None
    return {"from": mailboxes([[case["from"], "sender%d@example.test" % case["id"]]]), "to": mailboxes(case["to"]),
            "cc": mailboxes(case["cc"]), "reply-to": mailboxes(case["reply_to"]), "subject": case["subject"],
            "text": case["body"], "attachments": [canon(n, d) for n, d in case["files"]],
            "attachment_texts": {n: true_text(n, d) for n, d in case["files"]}}


def view(key, got):
    """A reader's value of one field, in the form compared."""
    have = got[key]
    if key in ("to", "cc", "reply-to", "from"):
        return [[n, a] for n, a in have] if have else None
    if key == "text" and have is not None:
        return have.replace("\r\n", "\n")
    if key == "attachments" and got.get("unordered"):
        return sorted(have)
    return have


def differences(want, got):
    """Fields where the reader's view differs from the input. A field the
    reader does not show is missing from got; a text it cannot find (None)
    is a difference."""
    out = []
    for key, value in want.items():
        if key not in got:
            continue
        have = view(key, got)
        if key in ("to", "cc", "reply-to", "from") and not value:
            value = None
        if key == "attachments" and got.get("unordered"):
            value = sorted(value)
        if key == "attachment_texts":
            # Each text/* attachment the reader found, read in the charset it
            # is labelled with, must say what the file says.
            value = [[n, value.get(n, "<no such file>")] for n, _ in have]
        if have != value:
            out.append({"field": key, "want": value, "got": have})
    return out


def known_misread(reader, diff, raw):
    """Why a reader's misreading of a field is the reader's own bug and no
    writer can avoid it, when the reader misreads Python's composition too
    but shows it differently (so the values cannot be compared); None when
    that is not shown. Each is checked on the value, not the field."""
    field, want, got = diff["field"], diff["want"], diff["got"]
    if reader == "python-default" and field in ("from", "to", "cc", "reply-to") and want and got:
        # policy.default keeps the white space between two encoded words
        # (RFC 2047 §6.2: it is dropped), so a name too long for one encoded
        # word shows a doubled space where it is split; Python's own message
        # splits inside a word instead, and shows a space there.
        collapsed = [[re.sub(" {2,}", " ", n), a] for n, a in got]
        if collapsed == want and b"?=\r\n =?" in raw and not any("  " in n for n, _ in want):
            return "keeps the white space between two encoded words of a name"
    if reader == "munpack" and field == "attachments":
        # munpack knows no RFC 2231: it loses exactly the files whose names
        # are written in that form, and saves the others right; Python
        # writes such names in legacy forms, which munpack mangles.
        def plain(name):
            return any(form in raw for form in (b'filename="%s"' % name.encode(), b"filename=%s\r\n" % name.encode(),
                                                 b"filename=%s;" % name.encode()))
        if sorted(got) == sorted(w for w in want if plain(w[0])):
            return "knows no RFC 2231, so files with such names are lost"
    return None


def checker_catches(messages, work):
    """The comparison itself, on two delivered messages spoiled on purpose:
    a text part no reader can find, and a Latin-1 file labelled UTF-8. Each
    must be caught by the readers that show that field; returns what was
    not."""
    problems = []
    spoils = [("text", 5, lambda c: not c["files"] and not c["html"],
               lambda raw: raw.replace(b"Content-Type: text/plain", b"Content-Type: application/x-spoiled", 1)),
              ("attachment_texts", 3, lambda c: any(n == "latin1.txt" for n, _ in c["files"]),
               lambda raw: re.sub(rb"charset=[\w-]+;(\s+)name=latin1\.txt", rb"charset=utf-8;\1name=latin1.txt", raw))]
    for field, least, fits, spoil in spoils:
        case, path, _ = next(m for m in messages if fits(m[0]))
        spoiled = work / ("spoiled-%s.eml" % field)
        spoiled.write_bytes(spoil(path.read_bytes()))
        caught = [r for r in mime_parsers.READERS
                  if any(d["field"] == field for d in differences(expected(case), mime_parsers.read(r, spoiled)))]
        if len(caught) < least:
            problems.append("a spoiled %s is caught by %s only" % (field, caught))
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--outpost", required=True)
    ap.add_argument("--keep")
    args = ap.parse_args()
    work = pathlib.Path(args.keep or tempfile.mkdtemp(prefix="mime-corpus-"))
    work.mkdir(parents=True, exist_ok=True)
    os.chmod(work, 0o755)  # Postfix's daemons reach their folder inside
    env = dict(os.environ, XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "data"),
               QT_QPA_PLATFORM="offscreen")
    cases = build_cases()
    assert len(cases) >= 60, len(cases)
    if os.geteuid() != 0 or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        sys.exit("corpus_test.py runs as root (Postfix) inside with_keyring.sh (the account's password)")
    print("messages in %s (removed when the test passes)" % work, flush=True)
    postfix = Postfix(work / "postfix")
    env["OUTPOST_EXTRA_CA_FILE"] = str(postfix.cert)
    env["OUTPOST_KEYCHAIN_SERVICE"] = "Outpost-mime-corpus-%d" % os.getpid()
    try:
        written = {}
        for case in cases:
            raw = outpost_queue(args.outpost, case, work, env, postfix.info["smtps"])
            written[message_id(raw)] = (case, raw)
        flush = subprocess.run([args.outpost, "outbox", "flush", "--wait"], env=env, capture_output=True, timeout=600)
        if flush.returncode != 0:
            sys.exit("outpost outbox flush failed: %s" % flush.stderr.decode(errors="replace"))
        delivered = deliveries(postfix.info["maildir"], set(written))
    finally:
        postfix.stop()
    messages = []
    for mid, (case, raw) in written.items():
        sent = work / ("outpost-%03d.eml" % case["id"])
        sent.write_bytes(raw)
        path = work / ("delivered-%03d.eml" % case["id"])
        path.write_bytes(delivered[mid])
        ref = work / ("python-%03d.eml" % case["id"])
        ref.write_bytes(python_message(case, attachment_types(raw)))
        messages.append((case, path, ref))

    failures = []
    limitations = {}

    def check(item):
        case, path, ref = item
        # The lint reads what Outpost wrote; the readers what Postfix delivered.
        written_path = path.with_name(path.name.replace("delivered-", "outpost-"))
        result = {"lint": mime_lint.lint(written_path.read_bytes()), "readers": {}}
        if case["inline"]:
            # The images as delivered: related parts of the HTML, each by its Content-ID, the bytes unchanged.
            delivered = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            got_inline = {str(p["Content-ID"]).strip("<>"): (p.get_content_disposition(), p.get_filename(),
                                                             mime_parsers.sha(p.get_payload(decode=True)))
                          for p in delivered.walk() if p.get("Content-ID")}
            want_inline = {cid: ("inline", name, mime_parsers.sha(data)) for cid, name, data in case["inline"]}
            related = [p for p in delivered.walk() if p.get_content_type() == "multipart/related"]
            if got_inline != want_inline or len(related) != 1 or related[0].get_param("type") != "text/html":
                result["lint"].append("inline images: %r, related parts %d" % (got_inline, len(related)))
        want = expected(case)
        # A body with long lines goes format=flowed (RFC 3676): what a flowed
        # reader shows is the text as typed. None of these readers knows
        # flowed, so their text is read the RFC's way here.
        plain = email.message_from_bytes(written_path.read_bytes(), policy=email.policy.default).get_body(("plain",))
        is_flowed = plain is not None and plain.get_param("format") == "flowed"
        for reader in mime_parsers.READERS:
            got = mime_parsers.read(reader, path)
            if is_flowed and got.get("text") is not None:
                got["text"] = flowed.decode(got["text"].replace("\r\n", "\n"), plain.get_param("delsp") == "yes")
            diff = differences(want, got)
            if diff:
                # A limitation of the reader only if it shows Python's message
                # exactly as it shows Outpost's.
                ref_got = mime_parsers.read(reader, ref)
                ref_wrong = {d["field"] for d in differences(want, ref_got)}
                raw = written_path.read_bytes()
                result["readers"][reader] = [
                    dict(d, python_too=d["field"] in ref_got and view(d["field"], ref_got) == d["got"],
                         known=d["field"] in ref_wrong and known_misread(reader, d, raw)) for d in diff]
        return case, result

    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        for case, result in pool.map(check, messages):
            for problem in result["lint"]:
                failures.append("message %d: lint: %s" % (case["id"], problem))
            for reader, diffs in result["readers"].items():
                for d in diffs:
                    line = "message %d: %s reads %s as %r, not %r" % (
                        case["id"], reader, d["field"], d["got"], d["want"])
                    if d["python_too"]:
                        limitations.setdefault(reader, []).append(line)
                    elif d["known"]:
                        limitations.setdefault(reader, []).append(line + " (it %s)" % d["known"])
                    else:
                        failures.append(line)

    for reader, lines in sorted(limitations.items()):
        print("known limitation of %s (it shows Python's own composition of the same message the same, or as "
              "said): %d field(s)" % (reader, len(lines)))
        for line in lines:
            print("  " + line[:300])
    failures += ["the comparison: " + p for p in checker_catches(messages, work)]
    spam = mime_parsers.spamassassin_hits([p for _, p, _ in messages])  # as delivered
    for path, hits in spam.items():
        failures.append("%s: SpamAssassin format rules hit: %s" % (path.name, ", ".join(hits)))
    for f in failures:
        print("FAIL", f)
    print("%d messages, %d readers, %d failures" % (len(messages), len(mime_parsers.READERS), len(failures)))
    if failures:
        print("the messages are kept in %s" % work)
        return 1
    if not args.keep:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
