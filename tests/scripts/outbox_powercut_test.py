#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The disk states a power cut can leave in the outbox, and recovery from each
(issue 18), in the manner of ALICE and CrashMonkey.

1. Record: real runs of `outpost send --queue-only` (the very first use of the
   outbox: its folders are made then), `outpost-sendmail -odq`, a third
   message queued and `outpost outbox remove`d, and `outpost outbox flush
   --wait` (which makes the lock files) against a real SMTP server
   (aiosmtpd), each under `strace -f`. The file-system operations below the data folder become one
   log, in inode terms (a write goes to the file its descriptor names, a name
   is made or removed in a directory), together with what went out on the
   SMTP connection.
2. Construct: for every prefix of the log (a cut), the states a crash can
   leave under a pessimistic model — file data is on disk only once the file
   was fsync'ed; a name made, removed or renamed in a directory only once
   that directory (for a rename: the target's) was fsync'ed; a rename is
   atomic. Per cut: everything reached the disk; only what was durable; every
   name kept but unsynced data lost (empty or short files: a torn lock file,
   a torn sidecar); the last unsynced write torn in half; each unsynced name
   operation lost on its own. Equal states are tried once.
3. Recover: each state is written to a fresh data folder; then `outpost outbox
   list --json`, a new message queued, `outpost outbox flush --wait`, and the
   outbox and the server are checked:
   - a message whose command had said "queued" before the cut is never lost:
     if its final dot had not gone out before the cut, it is delivered once
     now (or held as in doubt when its dot_sent mark was made before the cut);
     if its dot had gone out, it is not sent again by itself (it is sent or
     held in doubt);
   - a message not yet acknowledged is delivered at most once and never set
     aside as damaged; one whose removal was reported is neither delivered
     nor in the outbox;
   - the outbox is not stuck: the new message is delivered, no entry is
     damaged, tmp/ is empty.

    outbox_powercut_test.py --outpost build/app/outpost --sendmail build/app/outpost-sendmail

OUTPOST_POWERCUT_MAX_STATES bounds the states tried (default 150, spread
evenly over the cuts; 0: all).
"""
import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

SCRIPTS = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------- the trace


def unhex(s):
    """strace -xx prints every string as \\xNN escapes."""
    return bytes(int(h, 16) for h in re.findall(r"\\x([0-9a-fA-F]{2})", s))


def split_args(s):
    """Top-level arguments of one strace call, quotes and brackets respected."""
    out, depth, cur, quoted, i = [], 0, [], False, 0
    while i < len(s):
        c = s[i]
        if quoted:
            cur.append(c)
            if c == "\\":
                cur.append(s[i + 1])
                i += 1
            elif c == '"':
                quoted = False
        elif c == '"':
            quoted = True
            cur.append(c)
        elif c in "[{(":
            depth += 1
            cur.append(c)
        elif c in "]})":
            depth -= 1
            cur.append(c)
        elif c == "," and depth == 0:
            out.append("".join(cur).strip())
            cur = []
        else:
            cur.append(c)
        i += 1
    if cur:
        out.append("".join(cur).strip())
    return out


FD = re.compile(r"^(-?\d+|AT_FDCWD)<(.*)>$", re.S)


def fd_path(arg):
    """(number, path) of a descriptor argument printed by strace -yy."""
    m = FD.match(arg)
    if not m:
        return None, None
    p = m.group(2)
    return m.group(1), (unhex(p).decode("utf-8", "surrogateescape") if p.startswith("\\x") else p)


def string_arg(arg):
    return unhex(arg).decode("utf-8", "surrogateescape") if arg.startswith('"') else None


def read_calls(path):
    """(pid, name, args, result) of each finished call, unfinished ones joined."""
    pending = {}
    line_re = re.compile(r"^(\d+) +(\w+)\((.*)\) += (.*)$", re.S)
    for raw in open(path, encoding="latin-1"):
        raw = raw.rstrip("\n")
        m = re.match(r"^(\d+) +(\w+)\((.*) <unfinished \.\.\.>$", raw)
        if m:
            pending[m.group(1)] = (m.group(2), m.group(3))
            continue
        m = re.match(r"^(\d+) +<\.\.\. (\w+) resumed>(.*)$", raw)
        if m:
            name, head = pending.pop(m.group(1), (m.group(2), ""))
            raw = f"{m.group(1)} {name}({head}{m.group(3)}"
        m = line_re.match(raw)
        if m:
            yield m.group(1), m.group(2), split_args(m.group(3)), m.group(4)


class Recorder:
    """Turns traces into a log of operations on inodes below `root`, keeping
    the file system of the real run as a model to resolve names."""

    def __init__(self, root):
        self.root = os.path.normpath(root)
        self.next_ino = 1
        self.base = 0  # the root's parent, there before anything ran
        self.dirs = {0: {}}  # dir inode -> {name: inode}
        self.fds = {}  # (pid, fd) -> (inode, position, append)
        self.ops = []
        self.events = []  # (op index, what) marks: commands ending, the dot of a message

    def lookup(self, path):
        path = os.path.normpath(path)
        parent = os.path.dirname(self.root)
        if path == parent:
            return self.base
        if not path.startswith(parent + "/"):
            return None
        ino = self.base
        for part in path[len(parent) + 1:].split("/"):
            if ino not in self.dirs or part not in self.dirs[ino]:
                return None
            ino = self.dirs[ino][part]
        return ino

    def under_root(self, path):
        return path is not None and (os.path.normpath(path) == self.root
                                     or os.path.normpath(path).startswith(self.root + "/"))

    def parent_and_name(self, path):
        path = os.path.normpath(path)
        return self.lookup(os.path.dirname(path)), os.path.basename(path)

    def new_ino(self, is_dir):
        ino = self.next_ino
        self.next_ino += 1
        if is_dir:
            self.dirs[ino] = {}
        return ino

    def add(self, *op):
        self.ops.append(op)

    def record(self, trace, socket_stream):
        self.fds = {}  # one process tree per trace: no descriptor carries over
        for pid, name, args, result in read_calls(trace):
            if result.startswith("-1 ") or result.startswith("?"):
                continue
            try:
                self.call(pid, name, args, result, socket_stream)
            except (IndexError, KeyError, TypeError) as e:
                raise RuntimeError(f"cannot follow {name}({', '.join(args)[:200]}) = {result}: {e!r}")

    def path_of(self, dirfd_arg, path_arg):
        p = string_arg(path_arg)
        if p is None:
            return None
        if p.startswith("/"):
            return p
        _, d = fd_path(dirfd_arg)
        return os.path.join(d, p) if d else None

    def call(self, pid, name, args, result, socket_stream):
        if name in ("write", "pwrite64", "sendto", "writev"):
            _, path = fd_path(args[0])
            if path and path.startswith("TCP"):  # (TCP: or TCPv6:)
                if name in ("write", "sendto"):
                    socket_stream.append((len(self.ops), unhex(args[1])))
                return
            key = (pid, fd_path(args[0])[0])
            if key not in self.fds or name == "writev":
                if self.under_root(path):
                    raise RuntimeError(f"untracked write to {path}")
                return
            ino, pos, append = self.fds[key]
            data = unhex(args[1])[: int(result.split()[0])]
            if name == "pwrite64":
                self.add("write", ino, int(args[3]), data)
            else:
                self.add("write", ino, None if append else pos, data)
                self.fds[key] = (ino, pos + len(data), append)
        elif name in ("open", "openat", "creat"):
            path = self.path_of(args[0], args[1]) if name == "openat" else string_arg(args[0])
            if not self.under_root(path):
                return
            flags = args[2] if name == "openat" else args[1]
            fdnum, _ = fd_path(result.split()[0]) if "<" in result else (result.split()[0], None)
            ino = self.lookup(path)
            if ino is None:
                if "O_CREAT" not in flags:
                    return
                parent, base = self.parent_and_name(path)
                ino = self.new_ino(False)
                self.dirs[parent][base] = ino
                self.add("link", parent, base, ino)
            elif "O_TRUNC" in flags:
                self.add("trunc", ino, 0)
            self.fds[(pid, fdnum)] = (ino, 0, "O_APPEND" in flags)
        elif name == "ftruncate":
            key = (pid, fd_path(args[0])[0])
            if key in self.fds:
                self.add("trunc", self.fds[key][0], int(args[1]))
        elif name == "lseek":
            key = (pid, fd_path(args[0])[0])
            if key in self.fds:
                ino, _, append = self.fds[key]
                self.fds[key] = (ino, int(result.split()[0]), append)
        elif name == "close":
            self.fds.pop((pid, fd_path(args[0])[0]), None)
        elif name in ("fsync", "fdatasync"):
            key = (pid, fd_path(args[0])[0])
            _, path = fd_path(args[0])
            ino = self.fds[key][0] if key in self.fds else (self.lookup(path) if self.under_root(path) else None)
            if ino is None and path and os.path.normpath(path) == os.path.dirname(self.root):
                ino = self.base
            if ino is not None:
                self.add("fsync", ino)
        elif name in ("mkdir", "mkdirat"):
            path = string_arg(args[0]) if name == "mkdir" else self.path_of(args[0], args[1])
            if not self.under_root(path):
                return
            parent, base = self.parent_and_name(path)
            ino = self.new_ino(True)
            self.dirs[parent][base] = ino
            self.add("link", parent, base, ino)
        elif name in ("rename", "renameat", "renameat2"):
            if name == "rename":
                old, new = string_arg(args[0]), string_arg(args[1])
            else:
                old, new = self.path_of(args[0], args[1]), self.path_of(args[2], args[3])
            if not (self.under_root(old) or self.under_root(new)):
                return
            sp, sn = self.parent_and_name(old)
            dp, dn = self.parent_and_name(new)
            ino = self.dirs[sp].pop(sn)
            self.dirs[dp][dn] = ino
            self.add("rename", sp, sn, dp, dn, ino)
        elif name in ("link", "linkat"):
            if name == "link":
                old, new = string_arg(args[0]), string_arg(args[1])
            else:
                old, new = self.path_of(args[0], args[1]), self.path_of(args[2], args[3])
            if not self.under_root(new):
                return
            ino = self.lookup(old)
            dp, dn = self.parent_and_name(new)
            self.dirs[dp][dn] = ino
            self.add("link", dp, dn, ino)
        elif name in ("unlink", "unlinkat", "rmdir"):
            path = string_arg(args[0]) if name != "unlinkat" else self.path_of(args[0], args[1])
            if not self.under_root(path):
                return
            parent, base = self.parent_and_name(path)
            ino = self.dirs[parent].pop(base)
            self.add("unlink", parent, base, ino)


# ---------------------------------------------------------------- the states


def durable_flags(ops, cut):
    """For each op before `cut`: did an fsync make it durable before the cut?"""
    synced_after = {}  # inode -> index of its last fsync before the cut
    for i in range(cut):
        if ops[i][0] == "fsync":
            synced_after[ops[i][1]] = i
    flags = []
    for i in range(cut):
        op = ops[i]
        kind = op[0]
        if kind in ("write", "trunc", "link", "unlink"):
            target = op[1]  # the file, or the directory holding the name
        elif kind == "rename":
            target = op[3]  # the new name's directory
        else:
            flags.append(True)
            continue
        flags.append(synced_after.get(target, -1) > i)
    return flags


def apply(ops, cut, keep, is_dir, torn=None):
    """The file system after ops[:cut] with only those where keep[i]; the
    write `torn` (an index) reaches the disk only in its first half."""
    files, dirs = {}, {0: {}}
    for i in range(cut):
        if not keep[i]:
            continue
        op = ops[i]
        kind = op[0]
        if kind == "link":
            _, d, name, ino = op
            if d in dirs and name not in dirs[d]:
                dirs[d][name] = ino
                if is_dir(ino):
                    dirs.setdefault(ino, {})
        elif kind == "unlink":
            _, d, name, ino = op
            if d in dirs and dirs[d].get(name) == ino:
                del dirs[d][name]
        elif kind == "rename":
            _, sd, sn, dd, dn, ino = op
            if sd in dirs and dd in dirs and dirs[sd].get(sn) == ino:
                del dirs[sd][sn]
                dirs[dd][dn] = ino
        elif kind == "write":
            _, ino, pos, data = op
            if i == torn:
                data = data[: len(data) // 2]
            buf = files.setdefault(ino, bytearray())
            pos = len(buf) if pos is None else pos
            if len(buf) < pos:
                buf.extend(b"\0" * (pos - len(buf)))
            buf[pos:pos + len(data)] = data
        elif kind == "trunc":
            _, ino, size = op
            buf = files.setdefault(ino, bytearray())
            del buf[size:]
            buf.extend(b"\0" * (size - len(buf)))
    return files, dirs


def materialise(files, dirs, is_dir):
    """{relative path: (content, or None for a folder; inode)} from the base."""
    out = {}

    def walk(d, prefix):
        for name, ino in sorted(dirs.get(d, {}).items()):
            rel = prefix + name
            if is_dir(ino):
                out[rel] = (None, ino)
                dirs.setdefault(ino, {})
                walk(ino, rel + "/")
            else:
                out[rel] = (bytes(files.get(ino, b"")), ino)

    walk(0, "")
    return out


def write_tree(tree, parent_path):
    first = {}
    for rel, (content, ino) in sorted(tree.items()):
        path = os.path.join(parent_path, rel)
        if content is None:
            os.makedirs(path, exist_ok=True)
        elif ino in first:
            os.link(first[ino], path)  # the dot_sent marks share one inode
        else:
            with open(path, "wb") as f:
                f.write(content)
            first[ino] = path


def tree_key(tree):
    h = hashlib.sha256()
    for rel, (content, ino) in sorted(tree.items()):
        h.update(rel.encode("utf-8", "surrogateescape") + b"\0")
        h.update(b"D" if content is None else hashlib.sha256(content).digest())
    return h.hexdigest()


# ---------------------------------------------------------------- the test


class Failure(Exception):
    pass


class World:
    def __init__(self, args):
        self.args = args
        self.tmp = tempfile.mkdtemp(prefix="outpost-powercut-")
        self.received = os.path.join(self.tmp, "received")
        os.makedirs(self.received)
        self.env = dict(os.environ)
        self.env.update({
            "HOME": os.path.join(self.tmp, "home"),
            "XDG_CONFIG_HOME": os.path.join(self.tmp, "config"),
            "XDG_CACHE_HOME": os.path.join(self.tmp, "cache"),
            "XDG_RUNTIME_DIR": os.path.join(self.tmp, "run"),
            "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        })
        os.makedirs(self.env["HOME"])
        os.makedirs(self.env["XDG_RUNTIME_DIR"], mode=0o700)
        self.server = subprocess.Popen(
            ["/usr/bin/python3", os.path.join(SCRIPTS, "aiosmtpd_server.py"), "--outdir", self.received, "--no-auth"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.server.stdout.readline()
        m = re.match(r"READY (\d+)", line)
        if not m:
            raise Failure(f"aiosmtpd did not start: {line!r}")
        self.port = int(m.group(1))

    def close(self):
        self.server.stdin.close()
        self.server.wait(10)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def data_home(self, name):
        return os.path.join(self.tmp, name, "data")

    def run(self, argv, data_home, stdin=None, timeout=60):
        env = dict(self.env, XDG_DATA_HOME=data_home)
        return subprocess.run(argv, env=env, input=stdin, capture_output=True, timeout=timeout, cwd=self.tmp)

    def delivered(self):
        """message-id -> how many times the server has it."""
        counts = {}
        for name in os.listdir(self.received):
            if name.endswith(".json"):
                with open(os.path.join(self.received, name)) as f:
                    mid = json.load(f)["message_id"].strip("<>")
                counts[mid] = counts.get(mid, 0) + 1
        return counts


def strace_argv(trace):
    return ["strace", "-f", "-yy", "-xx", "-s", "1000000", "-o", trace,
            "-e", "trace=%file,%desc,%network,fsync,fdatasync,sync_file_range,rename,renameat2,link,unlink,mkdir"]


def record(world):
    outpost, sendmail = world.args.outpost, world.args.sendmail
    # The account lives in the configuration; its first command makes an
    # outbox elsewhere, so that the recorded send is the outbox's first use.
    r = world.run([outpost, "account", "add", "--name", "Test", "--email", "ada@example.org", "--display-name", "Ada",
                   "--host", "127.0.0.1", "--port", str(world.port), "--security", "none", "--auth", "none"],
                  world.data_home("setup"))
    if r.returncode != 0:
        raise Failure(f"account add: {r.stderr.decode()}")
    home = world.data_home("recorded")
    os.makedirs(os.path.dirname(home))
    rec = Recorder(home)
    stream = []
    acked = {}  # message-id -> op index at which its command said "queued"
    last = {}  # what each recorded command printed
    runs = [
        ("send", lambda: [outpost, "send", "--queue-only", "--to", "bob@example.org", "--subject", "Power cut A",
                          "--body", "The first message of a new outbox."], None),
        ("sendmail", lambda: [sendmail, "-odq", "-t"],
         b"From: ada@example.org\nTo: carol@example.org\nSubject: Power cut B\n"
         b"Message-ID: <powercut-b@example.org>\n\nFrom a pipe, queued only.\n"),
        # Queued, then removed before any flush: it must never go out.
        ("send", lambda: [outpost, "send", "--queue-only", "--to", "dave@example.org", "--subject", "Power cut C",
                          "--body", "Removed again."], None),
        ("remove", lambda: [outpost, "outbox", "remove", re.search(rb"Queued (\S+)", last["send"]).group(1).decode()],
         None),
        ("flush", lambda: [outpost, "outbox", "flush", "--wait"], None),
    ]
    removed = {}  # message-id -> op index at which its removal was reported
    for n, (what, argv, stdin) in enumerate(runs):
        trace = os.path.join(world.tmp, f"{n}-{what}.trace")
        before = {e["message_id"]: e["id"] for e in list_json(world, home)} if os.path.isdir(home) else {}
        r = world.run(strace_argv(trace) + argv(), home, stdin=stdin)
        if r.returncode != 0:
            raise Failure(f"recorded {what} exited {r.returncode}: {r.stderr.decode()}")
        last[what] = r.stdout
        rec.record(trace, stream)
        rec.events.append((len(rec.ops), what))
        now = {e["message_id"]: e["id"] for e in list_json(world, home)}
        for mid in set(now) - set(before):
            acked[mid] = (len(rec.ops), now[mid])
        for mid in set(before) - set(now):
            removed[mid] = len(rec.ops)
    entries = {e["message_id"]: e for e in list_json(world, home)}
    if len(removed) != 1 or sorted(e["state"] for e in entries.values()) != ["sent", "sent"]:
        raise Failure(f"the recorded runs did not remove one and send two: {entries}, removed {removed}")
    # Where each message's final dot went out: the first CRLF.CRLF after its
    # Message-ID on the connection.
    data = b"".join(d for _, d in stream)
    starts, at = [], 0
    for index, d in stream:
        starts.append((at, index))
        at += len(d)
    dots = {}
    for mid in entries:
        pos = data.find(mid.encode())
        end = data.find(b"\r\n.\r\n", pos)
        if pos < 0 or end < 0:
            raise Failure(f"{mid} never went out on the recorded connection")
        last_octet = end + 4
        dots[mid] = max(index for start, index in starts if start <= last_octet)
    if any(mid.encode() in data for mid in removed):
        raise Failure("the removed message went out on the recorded connection")
    marks = {}
    for mid, (_, oid) in acked.items():
        if mid in removed:
            continue
        marks[mid] = next((i for i, op in enumerate(rec.ops)
                           if op[0] == "link" and op[2] == oid + ".dot_sent"), None)
        if marks[mid] is None:
            raise Failure(f"no dot_sent mark recorded for {oid}")
    return rec, acked, removed, dots, marks


def list_json(world, home):
    r = world.run([world.args.outpost, "outbox", "list", "--json"], home)
    if r.returncode != 0:
        raise Failure(f"outbox list --json exited {r.returncode}: {r.stderr.decode()}")
    return json.loads(r.stdout)


def states(rec):
    """(cut, description, tree) of every distinct state, in log order."""
    ops = rec.ops
    is_dir = lambda ino: ino in rec.dirs  # noqa: E731
    seen, out = set(), []
    for cut in range(len(ops) + 1):
        if cut < len(ops) and ops[cut][0] == "fsync" and cut > 0 and ops[cut - 1][0] == "fsync":
            continue
        durable = durable_flags(ops, cut)
        variants = [("everything on disk", [True] * cut, None),
                    ("only what was synced", durable, None),
                    ("names kept, unsynced data lost",
                     [d or ops[i][0] not in ("write", "trunc") for i, d in enumerate(durable)], None)]
        unsynced_writes = [i for i in range(cut) if ops[i][0] == "write" and not durable[i]]
        if unsynced_writes:
            variants.append(("the last unsynced write torn", [True] * cut, unsynced_writes[-1]))
        for i in range(cut):
            if not durable[i] and ops[i][0] in ("link", "unlink", "rename"):
                keep = [True] * cut
                keep[i] = False
                variants.append((f"unsynced {ops[i][0]} of {ops[i][2] if ops[i][0] != 'rename' else ops[i][4]} lost",
                                 keep, None))
        for what, keep, torn in variants:
            files, dirs = apply(ops, cut, keep, is_dir, torn)
            tree = materialise(files, dirs, is_dir)
            key = (tree_key(tree), cut_class(rec, cut))
            if key in seen:
                continue
            seen.add(key)
            out.append((cut, what, tree))
    return out


def cut_class(rec, cut):
    """What the checks depend on besides the disk: which commands had ended."""
    return tuple(what for index, what in rec.events if index <= cut)


def check_state(world, rec, acked, removed, dots, marks, n, cut, what, tree):
    home = world.data_home(f"state-{n}")
    parent = os.path.dirname(home)
    os.makedirs(parent)
    write_tree(tree, parent)
    label = f"state {n} (cut after op {cut} of {len(rec.ops)}, {what})"
    before = world.delivered()
    entries_before = list_json(world, home) if os.path.isdir(home) else []
    probe = f"probe-{n}"
    r = world.run([world.args.outpost, "send", "--queue-only", "--to", "dave@example.org", "--subject", probe,
                   "--body", "Queued after the power cut."], home)
    if r.returncode != 0:
        raise Failure(f"{label}: a new message cannot be queued: {r.stderr.decode()}")
    probe_id = re.search(r"Queued (\S+)", r.stdout.decode()).group(1)
    try:
        world.run([world.args.outpost, "outbox", "flush", "--wait"], home, timeout=60)
    except subprocess.TimeoutExpired:
        raise Failure(f"{label}: outbox flush --wait did not end within a minute (entries: {entries_before})")
    after = world.delivered()
    sent_now = {mid: after.get(mid, 0) - before.get(mid, 0) for mid in after}
    entries = {e["message_id"]: e for e in list_json(world, home)}
    problems = []
    probe_mid = next((m for m, e in entries.items() if e["id"] == probe_id), None)
    if probe_mid is None or sent_now.get(probe_mid, 0) != 1:
        problems.append(f"the message queued after the cut was not sent once (outbox: {entries.get(probe_mid)})")
    for mid, e in entries.items():
        if e["state"] == "corrupt":
            problems.append(f"{e['id']} was set aside as damaged: {e.get('last_error')}")
    for mid in {e["message_id"] for e in entries_before} | set(acked):
        count, e = sent_now.get(mid, 0), entries.get(mid)
        state = e and e["state"]
        in_doubt = e is not None and state == "held" and e.get("hold_reason") == "in_doubt"
        if count > 1:
            problems.append(f"{mid} was delivered {count} times by one flush")
        if mid not in acked or acked[mid][0] > cut:
            continue  # never acknowledged: at most once (above), never damaged (above)
        if mid in removed:
            if removed[mid] <= cut and (count or e is not None):
                problems.append(f"{mid}: removed before the cut, and now delivered {count} times, in the outbox as {e}")
            continue  # removed while the power went: sent at most once (above), or gone
        if dots[mid] < cut:
            # Its final dot went out before the cut: it may have been delivered.
            if count != 0:
                problems.append(f"{mid}: its dot had gone out before the cut, and it was sent again silently")
            if not (state == "sent" or in_doubt):
                problems.append(f"{mid}: its dot had gone out before the cut; now {e} (expected sent or in doubt)")
        else:
            if count == 1:
                if state != "sent":
                    problems.append(f"{mid}: delivered, but the outbox says {e}")
            elif not (in_doubt and marks[mid] < cut):
                problems.append(f"{mid}: acknowledged before the cut, not delivered; now {e}")
    tmp_dir = os.path.join(home, "outpost", "outbox", "tmp")
    left = sorted(os.listdir(tmp_dir)) if os.path.isdir(tmp_dir) else ["(no tmp/)"]
    if left:
        problems.append(f"tmp/ is not empty: {left}")
    if problems:
        raise Failure(f"{label}:\n  " + "\n  ".join(problems) + "\n  files: " + ", ".join(sorted(tree)))
    shutil.rmtree(parent, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--outpost", required=True)
    ap.add_argument("--sendmail", required=True)
    ap.add_argument("--max-states", type=int, default=int(os.environ.get("OUTPOST_POWERCUT_MAX_STATES", "150")))
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    args = ap.parse_args()
    if not shutil.which("strace"):
        sys.exit("strace is missing (scripts/install-deps.sh test)")
    start = time.monotonic()
    world = World(args)
    failures = []
    try:
        rec, acked, removed, dots, marks = record(world)
        all_states = states(rec)
        chosen = all_states
        if args.max_states and len(all_states) > args.max_states:
            step = len(all_states) / args.max_states
            chosen = [all_states[int(i * step)] for i in range(args.max_states)]
        print(f"{len(rec.ops)} operations recorded, {len(all_states)} distinct crash states, "
              f"{len(chosen)} tried", flush=True)
        for n, (cut, what, tree) in enumerate(chosen):
            try:
                check_state(world, rec, acked, removed, dots, marks, n, cut, what, tree)
            except Failure as f:
                failures.append(str(f))
                print(f"FAIL {f}", flush=True)
    except Failure as f:
        failures.append(str(f))
        print(f"FAIL {f}", flush=True)
    finally:
        if args.keep:
            print(f"work folder: {world.tmp}")
            world.server.stdin.close()
        else:
            world.close()
    print(f"{time.monotonic() - start:.1f} s", flush=True)
    if failures:
        print(f"{len(failures)} crash state(s) failed", file=sys.stderr)
        sys.exit(1)
    print("every crash state recovered: nothing lost, nothing sent twice, the outbox sends")


if __name__ == "__main__":
    main()
