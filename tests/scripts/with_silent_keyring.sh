#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command inside a private D-Bus session whose Secret Service takes
# every call and never answers (tests/scripts/silent_secret_service.py), in
# a throw-away HOME. Fails loudly when a component is missing.
set -euo pipefail
command -v dbus-run-session >/dev/null || { echo "with_silent_keyring: dbus-run-session is missing (scripts/install-deps.sh test)" >&2; exit 1; }
/usr/bin/python3 -c 'import gi; gi.require_version("Gio", "2.0")' \
    || { echo "with_silent_keyring: python3-gi is missing (scripts/install-deps.sh test)" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp/home XDG_RUNTIME_DIR=$tmp/run
export XDG_DATA_HOME=$HOME/.local/share XDG_CONFIG_HOME=$HOME/.config
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY
export SILENT_SERVICE="$here/silent_secret_service.py" READY_FILE="$tmp/ready"
dbus-run-session -- bash -c '
    /usr/bin/python3 "$SILENT_SERVICE" "$READY_FILE" &
    for _ in $(seq 100); do [[ -e $READY_FILE ]] && break; sleep 0.1; done
    [[ -e $READY_FILE ]] || { echo "with_silent_keyring: the silent Secret Service did not start" >&2; exit 1; }
    exec "$@"' with_silent_keyring "$@"
