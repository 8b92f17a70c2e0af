# SPDX-License-Identifier: GPL-3.0-or-later
"""One outbox, many processes at once (issue 18), as on a real desktop.

For about a minute, all at the same time, on one profile:
- four `outpost-sendmail` processes, each streaming messages slowly into its
  stdin (two queue only, `-odq`; two try to send at once themselves);
- `outpost send --queue-only` in a loop;
- the GUI (the real `outpost` process in Xvfb + openbox) sending a message
  with a big attachment (200 MB; OUTPOST_CONCURRENCY_ATTACHMENT_MB), which it
  writes into the outbox in the background and then sends itself;
- `outpost outbox flush` in a loop;
- `outpost outbox retry`: on a set of messages scheduled for 2099 before the
  start (so they are sent once retried), and on messages of the send loop
  while they are queued, sent or being sent (a state write racing a move);
- `outpost outbox remove` on another set scheduled for 2099 before the start,
  chosen then: they are never counted as acknowledged, and must be gone.
Then one final `outpost outbox flush --wait`, and at the server (aiosmtpd)
and in the outbox: every acknowledged message (exit 0, "Queued <id>", the
GUI's composer closing) delivered exactly once, no removed one delivered,
`outbox list --json` shows every entry sent (none damaged, held or a stub),
and nothing is left in tmp/.

    outbox_concurrency_test.py --outpost build/app/outpost [--sendmail build/app/outpost-sendmail]

OUTPOST_CONCURRENCY_SECONDS sets how long the processes run (default 60).
"""
import json
import os
import random
import re
import subprocess
import sys
import threading
import time

import desktop
from desktop import DesktopTest, wait_until

SCHEDULED = "2099-01-01T00:00:00"


class OutboxConcurrencyTest(DesktopTest):
    def setUp(self):
        super().setUp()
        d = self.desktop
        self.sendmail = SENDMAIL
        # aiosmtpd without a size limit, for the big attachment.
        self.server = subprocess.Popen(["/usr/bin/python3", os.path.join(desktop.SCRIPTS, "aiosmtpd_server.py"),
                                        "--outdir", d.received, "--no-auth", "--max-size", "0"],
                                       env=d.env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        d.processes.append(self.server)  # runs until its stdin closes
        m = re.match(r"READY (\d+)", self.server.stdout.readline())
        self.assertTrue(m, "aiosmtpd did not start")
        d.add_account(int(m.group(1)))
        d.settings(**{"send/undoDelaySeconds": 1})
        self.outbox = os.path.join(d.env["XDG_DATA_HOME"], "outpost", "outbox")
        self.lock = threading.Lock()
        self.acknowledged = set()  # subjects
        self.failures = []  # commands that should have succeeded and did not
        self.counts = {}
        self.send_ids, self.removed = [], set()  # ids queued by the send loop; subjects removed
        self.stop = threading.Event()

    def run_cli(self, argv, input=None, timeout=300):
        r = subprocess.run(argv, env=self.desktop.env, input=input, capture_output=True, timeout=timeout)
        what = " ".join([os.path.basename(argv[0])] + argv[1:3 if argv[1] == "outbox" else 2])
        with self.lock:
            self.counts[what] = self.counts.get(what, 0) + 1
        return r

    def fail_later(self, what, r):
        with self.lock:
            self.failures.append(f"{what} exited {r.returncode}: {r.stderr.decode(errors='replace').strip()}")

    # ------------------------------------------------------------ the workers

    def sendmail_worker(self, w, queue_only):
        j = 0
        while not self.stop.is_set():
            j += 1
            subject = f"conc-sm-{w}-{j}"
            lines = ["From: ada@example.org", f"To: bob{w}@example.org", f"Subject: {subject}",
                     f"Message-ID: <{subject}@outpost.test>", ""]
            lines += [f"Line {k} of {subject}, streamed slowly into outpost-sendmail." for k in range(30)]
            argv = [self.sendmail] + (["-odq"] if queue_only else []) + ["-t"]
            p = subprocess.Popen(argv, env=self.desktop.env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE)
            try:
                for k in range(0, len(lines), 3):
                    p.stdin.write(("\n".join(lines[k:k + 3]) + "\n").encode())
                    p.stdin.flush()
                    time.sleep(random.uniform(0.01, 0.06))
            except BrokenPipeError:
                pass  # it stopped reading: its exit status says why
            out, err = p.communicate(timeout=300)  # (closes stdin: the end of the message)
            with self.lock:
                self.counts["outpost-sendmail"] = self.counts.get("outpost-sendmail", 0) + 1
                if p.returncode == 0:
                    self.acknowledged.add(subject)
                else:
                    self.failures.append(f"outpost-sendmail ({subject}) exited {p.returncode}: {err.decode().strip()}")

    def send_worker(self):
        n = 0
        while not self.stop.is_set():
            n += 1
            subject = f"conc-send-{n}"
            r = self.run_cli([desktop.OUTPOST, "send", "--queue-only", "--to", "carol@example.org",
                              "--subject", subject, "--body", f"Queued by the send loop, number {n}."])
            m = re.search(rb"Queued (\S+)", r.stdout)
            if r.returncode == 0 and m:
                with self.lock:
                    self.acknowledged.add(subject)
                    self.send_ids.append(m.group(1).decode())
            else:
                self.fail_later(f"send --queue-only ({subject})", r)
            time.sleep(0.1)

    def flush_worker(self):
        while not self.stop.is_set():
            self.run_cli([desktop.OUTPOST, "outbox", "flush"])
            time.sleep(0.5)

    def scheduled_worker(self, command, ids, duration, done):
        """`outbox retry` or `outbox remove` on each of the scheduled ids,
        spread over the run (all of them, at once after the stop); `done`
        gets the subjects it succeeded on. Retry also acts on ids of the send
        loop, whatever state they are in (an error is fine there)."""
        for subject, oid in ids:
            self.stop.wait(duration / (len(ids) + 1))
            r = self.run_cli([desktop.OUTPOST, "outbox", command, oid])
            if r.returncode == 0:
                with self.lock:
                    done.add(subject)
            else:
                self.fail_later(f"outbox {command} {oid} ({subject})", r)
            for _ in range(3 if command == "retry" else 0):
                with self.lock:
                    others = list(self.send_ids[-5:])
                if others:
                    self.run_cli([desktop.OUTPOST, "outbox", "retry", random.choice(others)])

    # ------------------------------------------------------------ the test

    def queue_scheduled(self, prefix, n):
        out = []
        for i in range(n):
            subject = f"{prefix}-{i}"
            r = self.desktop.outpost("send", "--queue-only", "--at", SCHEDULED, "--to", "dave@example.org",
                                     "--subject", subject, "--body", "Scheduled far ahead.")
            out.append((subject, re.search(r"Queued (\S+)", r.stdout).group(1)))
        return out

    def big_attachment(self):
        size = int(float(os.environ.get("OUTPOST_CONCURRENCY_ATTACHMENT_MB", "200")) * 1024 * 1024)
        path = os.path.join(self.desktop.tmp, "big.bin")
        with open(path, "wb") as f:
            f.truncate(size)  # sparse: made at once
        return path

    def received_subjects(self):
        counts = {}
        for name in self.desktop.received_messages():
            with open(os.path.join(self.desktop.received, name), "rb") as f:
                head = f.read(16384).split(b"\r\n\r\n", 1)[0].decode("utf-8", "replace")
            m = re.search(r"(?mi)^Subject: (.*)$", head)
            subject = m.group(1).strip() if m else ""
            counts[subject] = counts.get(subject, 0) + 1
        return counts

    def test_many_processes_one_outbox(self):
        duration = float(os.environ.get("OUTPOST_CONCURRENCY_SECONDS", "60"))
        d = self.desktop
        to_retry = self.queue_scheduled("conc-retry", 8)
        to_remove = self.queue_scheduled("conc-remove", 8)
        big = self.big_attachment()
        started = time.monotonic()

        def thread(target, *args):
            def run():
                try:
                    target(*args)
                except Exception as e:  # a worker that dies fails the test
                    with self.lock:
                        self.failures.append(f"{target.__name__}{args[:1]}: {e!r}")
            return threading.Thread(target=run)

        workers = [thread(self.sendmail_worker, w, w % 2 == 0) for w in range(4)]
        workers += [thread(self.send_worker), thread(self.flush_worker), thread(self.scheduled_worker, "retry", to_retry, duration, self.acknowledged),
                    thread(self.scheduled_worker, "remove", to_remove, duration, self.removed)]
        for t in workers:
            t.start()
        try:
            # The GUI: a composer with the big attachment, sent by keyboard.
            app = d.launch("compose", "--to", "erin@example.org", "--subject", "conc-gui-big", "--attach", big)
            app.window(r"conc-gui-big — Outpost", timeout=60)
            d.activate("conc-gui-big")
            d.key("ctrl+Return")
            app.window_gone(r"conc-gui-big — Outpost", timeout=60)
            with self.lock:
                self.acknowledged.add("conc-gui-big")
            self.stop.wait(max(0.0, duration - (time.monotonic() - started)))
        finally:
            self.stop.set()
            for t in workers:
                t.join(400)
        busy = time.monotonic() - started

        # The GUI's message is in the outbox (written in the background) or
        # already sent; then one last flush sends whatever is left.
        wait_until(lambda: any(e["subject"] == "conc-gui-big" for e in self.entries()), 300, interval=0.5,
                   what="the GUI's message in the outbox")
        flush = self.run_cli([desktop.OUTPOST, "outbox", "flush", "--wait"], timeout=600)
        wait_until(lambda: all(e["state"] not in ("queued", "active", "deferred") for e in self.entries()), 300,
                   interval=0.5, what="every message to be sent")
        app.stop()

        received = self.received_subjects()
        entries = self.entries()
        sys.stderr.write(f"{busy:.0f} s of concurrent work: {sorted(self.counts.items())}; "
                         f"{len(self.acknowledged)} acknowledged, {len(self.removed)} removed, "
                         f"{sum(received.values())} received\n")
        self.assertGreater(self.counts.get("outpost-sendmail", 0), 8, "the sendmail processes ran")
        problems = list(self.failures)
        if self.removed != {s for s, _ in to_remove}:
            problems.append(f"not removed: {sorted({s for s, _ in to_remove} - self.removed)}")
        for subject in sorted(self.acknowledged):
            if received.get(subject, 0) != 1:
                problems.append(f"{subject} (acknowledged) received {received.get(subject, 0)} times")
        for subject in sorted(self.removed):
            if received.get(subject, 0):
                problems.append(f"{subject} (removed) was delivered")
        for subject in sorted(set(received) - self.acknowledged):
            problems.append(f"{subject} received without being acknowledged")
        not_sent = [f"{e['subject']}: {e['state']} {e.get('hold_reason', '')} {e.get('last_error', '')}"
                    for e in entries if e["state"] != "sent"]
        if not_sent:
            problems.append(f"entries not sent (damaged, held, stubs): {not_sent} (flush: {flush.stdout.decode().strip()})")
        in_outbox = {e["subject"] for e in entries}
        for subject in sorted(self.removed & in_outbox):
            problems.append(f"{subject} (removed) is still in the outbox")
        for subject in sorted(self.acknowledged - in_outbox):
            problems.append(f"{subject} (acknowledged) is not in the outbox's sent messages")
        left = sorted(os.listdir(os.path.join(self.outbox, "tmp")))
        if left:
            problems.append(f"left in tmp/: {left}")
        self.assertFalse(problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40]))

    def entries(self):
        return json.loads(self.desktop.outpost("outbox", "list", "--json").stdout)


SENDMAIL = None

if __name__ == "__main__":
    args = sys.argv
    if "--sendmail" in args:
        i = args.index("--sendmail")
        SENDMAIL = os.path.abspath(args[i + 1])
        del args[i:i + 2]
        os.environ["OUTPOST_TEST_SENDMAIL"] = SENDMAIL
    SENDMAIL = SENDMAIL or os.environ.get("OUTPOST_TEST_SENDMAIL")
    if not SENDMAIL or not os.access(SENDMAIL, os.X_OK):
        sys.exit("usage: outbox_concurrency_test.py --outpost PATH/TO/outpost --sendmail PATH/TO/outpost-sendmail")
    desktop.main()
