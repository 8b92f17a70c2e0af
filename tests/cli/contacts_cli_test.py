#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The address book through the real `outpost contacts` command line (issue 22).

Imports the export corpus in tests/data/contacts, lists it as JSON, exports
it as vCard 4.0 and imports that into a fresh profile, refuses malformed
files (nothing imported), and lets several processes import at once.

    contacts_cli_test.py ContactsCli.test_NAME
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data", "contacts")
OUTPOST = os.environ.get("OUTPOST_BINARY", os.path.join(HERE, "..", "..", "build", "app", "outpost"))
CORPUS = ["thunderbird-4.0.vcf", "google-3.0.vcf", "apple-3.0.vcf", "outlook-2.1.vcf", "android-2.1.vcf",
          "google.csv", "outlook.csv", "outlook-unicode.csv", "thunderbird.csv"]


class ContactsCli(unittest.TestCase):
    def setUp(self):
        self.home = tempfile.mkdtemp(prefix="outpost-contacts-")
        self.addCleanup(shutil.rmtree, self.home, True)

    def env(self, profile="a"):
        e = dict(os.environ)
        e.update({"XDG_CONFIG_HOME": os.path.join(self.home, profile, "config"),
                  "XDG_DATA_HOME": os.path.join(self.home, profile, "data"),
                  "OUTPOST_LANGUAGE": "en", "QT_QPA_PLATFORM": "offscreen"})
        return e

    def outpost(self, *args, profile="a"):
        return subprocess.run([OUTPOST, "contacts", *args], env=self.env(profile), capture_output=True, text=True, timeout=60)

    def listed(self, profile="a"):
        r = self.outpost("list", "--json", profile=profile)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, "")
        return json.loads(r.stdout)["contacts"]

    @staticmethod
    def by_address(contacts):
        return {e["address"].lower(): c for c in contacts for e in c["emails"]}

    def test_import_list_json_and_export_round_trip(self):
        r = self.outpost("import", os.path.join(DATA, "thunderbird-4.0.vcf"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, "")
        self.assertIn("2 new contacts", r.stdout)
        for name in CORPUS[1:]:
            r = self.outpost("import", os.path.join(DATA, name))
            self.assertEqual(r.returncode, 0, name + ": " + r.stderr)
        contacts = self.listed()
        people = self.by_address(contacts)
        ada = people["ada@analytical.example"]
        self.assertEqual(ada["name"], "Lovelace, Ada")
        self.assertEqual(ada["nicknames"], ["Ada", "The Enchantress of Numbers"])
        self.assertEqual(ada["groups"], ["Mathematicians", "Fútbol"])
        self.assertEqual(people["zoe@example.net"]["name"], "Zoë Müller")
        self.assertIs(people["zoe@example.net"], people["zm@firma.example"], "the vCard and the CSV Zoë are one contact")
        self.assertEqual(people["juergen.schroeder@beispiel.example"]["name"], "Jürgen Schröder")
        self.assertEqual(sorted(people["juergen.schroeder@beispiel.example"]["groups"]), ["Kunden", "Wichtig"])
        self.assertEqual(people["ivan.ivanov@example.ru"]["name"], "Иван Иванов")
        self.assertEqual(people["gosia@przyklad.example"]["organization"], "Przykład, sp. z o.o.")
        self.assertEqual(len({e["address"].lower() for c in contacts for e in c["emails"]}),
                         sum(len(c["emails"]) for c in contacts), "no address in two contacts")

        exported = os.path.join(self.home, "all.vcf")
        r = self.outpost("export", exported)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Exported %d contacts" % len(contacts), r.stdout)
        with open(exported, "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"BEGIN:VCARD\r\nVERSION:4.0\r\n"))
        self.assertEqual(data.count(b"BEGIN:VCARD"), len(contacts))
        r = self.outpost("import", exported, profile="b")
        self.assertEqual(r.returncode, 0, r.stderr)
        strip = lambda cs: sorted((json.dumps({k: v for k, v in c.items() if k != "id"}, sort_keys=True) for c in cs))
        again = self.listed(profile="b")
        for c in contacts:
            if not c["name"]:
                c["name"] = next(a for a in again if a["emails"] == c["emails"])["name"]  # FN is always written
        self.assertEqual(strip(again), strip(contacts))

        r = subprocess.run([OUTPOST, "contacts", "export", "-"], env=self.env(), capture_output=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, data, "standard output gets the same vCard file")

    def test_dry_run_shows_the_plan_and_changes_nothing(self):
        self.assertEqual(self.outpost("import", os.path.join(DATA, "thunderbird-4.0.vcf")).returncode, 0)
        before = self.listed()
        r = self.outpost("import", os.path.join(DATA, "duplicate-4.0.vcf"), "--dry-run", "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        plan = json.loads(r.stdout)
        self.assertTrue(plan["dry_run"])
        self.assertEqual((plan["added"], plan["merged"]), (0, 1))
        self.assertEqual(plan["contacts"][0]["action"], "merge")
        self.assertEqual(plan["contacts"][0]["into"]["name"], "Lovelace, Ada")
        self.assertIn("countess@lovelace.example", [e["address"] for e in plan["contacts"][0]["into"]["emails"]])
        self.assertEqual(self.listed(), before, "a dry run writes nothing")
        r = self.outpost("import", os.path.join(DATA, "google.csv"), "--dry-run")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Would import", r.stdout)
        self.assertIn("Nothing was changed", r.stdout)
        self.assertEqual(self.listed(), before)

    def test_malformed_files_are_refused_with_lines_and_nothing_imported(self):
        self.assertEqual(self.outpost("import", os.path.join(DATA, "apple-3.0.vcf")).returncode, 0)
        before = self.listed()
        for name, lines in [("malformed-structure.vcf", ["line 9:", "line 11:"]),
                            ("malformed-address.vcf", ["line 9:"]),
                            ("malformed-quote.csv", ["line 3:", "line 4:"]),
                            ("malformed-header.csv", ["line 1:"])]:
            r = self.outpost("import", os.path.join(DATA, name))
            self.assertEqual(r.returncode, 65, name + ": " + r.stdout + r.stderr)
            self.assertEqual(r.stdout, "", name)
            for line in lines:
                self.assertIn(line, r.stderr, name)
            self.assertIn("nothing was imported", r.stderr, name)
            self.assertEqual(self.listed(), before, name + ": nothing imported")
        r = self.outpost("import", os.path.join(DATA, "no-such-file.vcf"))
        self.assertEqual(r.returncode, 66, r.stderr)
        r = self.outpost("import")
        self.assertEqual(r.returncode, 64, r.stderr)
        r = self.outpost("frobnicate")
        self.assertEqual(r.returncode, 64, r.stderr)

    def test_imports_from_several_processes_at_once_keep_every_set(self):
        # The same files imported one after another, for what must come out.
        for name in CORPUS:
            self.assertEqual(self.outpost("import", os.path.join(DATA, name), profile="sequential").returncode, 0)
        expected = self.by_address(self.listed(profile="sequential")).keys()
        for _ in range(3):
            shutil.rmtree(os.path.join(self.home, "a"), True)
            procs = [subprocess.Popen([OUTPOST, "contacts", "import", os.path.join(DATA, name)], env=self.env(),
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for name in CORPUS]
            for p in procs:
                out, err = p.communicate(timeout=60)
                self.assertEqual(p.returncode, 0, err)
            self.assertEqual(self.by_address(self.listed()).keys(), expected, "every process's contacts are in the book")


if __name__ == "__main__":
    unittest.main()
