#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fills an outbox with copies of three real entries (issue 18's benches).

    outbox_fill.py OUTBOX SENT QUEUED HELD [DUE]

OUTBOX holds, made by Outpost itself, one sent entry "Sent one", and two
queued ones scheduled far ahead, "Queued one" and "Held one". The latter is
turned into what recovery leaves after a crash past the final dot (held, in
doubt). Each is then copied under new ids until the outbox holds SENT sent,
QUEUED queued (scheduled), HELD held and DUE queued messages due now.
"""
import json
import os
import random
import shutil
import string
import sys


def one(outbox, state, subject):
    for name in os.listdir(os.path.join(outbox, state)):
        with open(os.path.join(outbox, state, name, "state.json")) as f:
            if json.load(f)["subject"] == subject:
                return os.path.join(outbox, state, name)
    sys.exit(f"no {subject!r} in {state}/")


def copies(source, n, **changes):
    """n copies of the entry at source (n - 1 when the source is one of them)."""
    with open(os.path.join(source, "state.json")) as f:
        template = json.load(f)
    for i in range(n):
        new_id = template["id"][:-10] + "".join(random.choices(string.ascii_lowercase + string.digits, k=10))
        target = os.path.join(os.path.dirname(source), new_id)
        shutil.copytree(source, target)
        entry = dict(template, id=new_id, subject=f"{template['subject']} {i}", **changes)
        with open(os.path.join(target, "state.json"), "w") as f:
            json.dump(entry, f, indent=4)


def main():
    outbox = sys.argv[1]
    sent_n, queued_n, held_n = (int(a) for a in sys.argv[2:5])
    due_n = int(sys.argv[5]) if len(sys.argv) > 5 else 0
    sent, queued, held = one(outbox, "sent", "Sent one"), one(outbox, "queued", "Queued one"), \
        one(outbox, "queued", "Held one")
    # The held one as recovery leaves a message whose final dot may have gone out.
    with open(os.path.join(held, "state.json")) as f:
        s = json.load(f)
    s.update(phase="in_doubt", hold_reason="in_doubt", not_before="")
    s["last_error"].update(code="in_doubt",
                           message="Outpost stopped while this message was being sent. It may have been delivered.")
    os.makedirs(os.path.join(outbox, "held"), exist_ok=True)
    shutil.move(held, os.path.join(outbox, "held", s["id"]))
    held = os.path.join(outbox, "held", s["id"])
    with open(os.path.join(held, "state.json"), "w") as f:
        json.dump(s, f, indent=4)
    copies(sent, sent_n - 1)
    copies(held, held_n - 1)
    # Due now: copies of the queued one without its time.
    copies(queued, due_n, not_before="")
    copies(queued, queued_n - 1)
    print(f"{sent_n + queued_n + held_n + due_n} messages in the outbox", file=sys.stderr)


if __name__ == "__main__":
    main()
