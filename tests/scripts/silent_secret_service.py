#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A Secret Service (org.freedesktop.secrets) that takes every call and
never answers it: what an unlock prompt nobody answers, or a hung keyring
daemon, looks like to a client. A real gnome-keyring cannot be made to do
this on demand.

    silent_secret_service.py READY_FILE

Owns the name on the session bus, writes READY_FILE, then keeps every
call's invocation unanswered (and prints its method name) until killed.
"""
import sys

import gi

gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

NAME = "org.freedesktop.secrets"
PATH = "/org/freedesktop/secrets"
INTROSPECTION = """
<node>
  <interface name="org.freedesktop.Secret.Service">
    <method name="OpenSession">
      <arg name="algorithm" type="s" direction="in"/>
      <arg name="input" type="v" direction="in"/>
      <arg name="output" type="v" direction="out"/>
      <arg name="result" type="o" direction="out"/>
    </method>
    <method name="SearchItems">
      <arg name="attributes" type="a{ss}" direction="in"/>
      <arg name="unlocked" type="ao" direction="out"/>
      <arg name="locked" type="ao" direction="out"/>
    </method>
    <method name="Unlock">
      <arg name="objects" type="ao" direction="in"/>
      <arg name="unlocked" type="ao" direction="out"/>
      <arg name="prompt" type="o" direction="out"/>
    </method>
    <method name="GetSecrets">
      <arg name="items" type="ao" direction="in"/>
      <arg name="session" type="o" direction="in"/>
      <arg name="secrets" type="a{o(oayays)}" direction="out"/>
    </method>
    <method name="CreateCollection">
      <arg name="properties" type="a{sv}" direction="in"/>
      <arg name="alias" type="s" direction="in"/>
      <arg name="collection" type="o" direction="out"/>
      <arg name="prompt" type="o" direction="out"/>
    </method>
    <method name="ReadAlias">
      <arg name="name" type="s" direction="in"/>
      <arg name="collection" type="o" direction="out"/>
    </method>
    <property name="Collections" type="ao" access="read"/>
  </interface>
</node>
"""

unanswered = []  # kept alive: an invocation dropped would be answered with an error


def on_call(_conn, _sender, _path, _interface, method, _params, invocation):
    unanswered.append(invocation)
    print(f"silent_secret_service: {method} (not answered)", flush=True)



acquired_once = []


def main():
    ready_file = sys.argv[1]
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    node = Gio.DBusNodeInfo.new_for_xml(INTROSPECTION)
    bus.register_object(PATH, node.interfaces[0], on_call, None, None)

    def acquired(*_args):
        acquired_once.append(True)
        with open(ready_file, "w", encoding="utf-8") as f:
            f.write("ready\n")

    def lost(*_args):
        if acquired_once:
            sys.exit(0)  # the session bus is going away
        print("silent_secret_service: could not own " + NAME, file=sys.stderr, flush=True)
        sys.exit(1)

    Gio.bus_own_name_on_connection(bus, NAME, Gio.BusNameOwnerFlags.NONE, acquired, lost)
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
