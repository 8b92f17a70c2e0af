# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the outbox benches: seed_outbox OUTPOST PORT adds an account on
# 127.0.0.1:PORT (a server that takes mail) and makes, with Outpost itself,
# the three entries bench/outbox_fill.py copies: "Sent one" (sent there),
# "Queued one" and "Held one" (queued for 2099).
seed_outbox() {
    local outpost=$1 port=$2
    "$outpost" account add --name Bench --email ada@example.org --host 127.0.0.1 --port "$port" \
        --security none --auth none >/dev/null
    "$outpost" send --queue-only --to bob@example.org --subject "Sent one" --body "Delivered." >/dev/null
    "$outpost" outbox flush --wait >/dev/null
    "$outpost" send --queue-only --at 2099-01-01T00:00:00 --to bob@example.org --subject "Queued one" \
        --body "Scheduled far ahead." >/dev/null
    "$outpost" send --queue-only --at 2099-01-01T00:00:00 --to bob@example.org --subject "Held one" \
        --body "Its final dot may have gone out." >/dev/null
}
