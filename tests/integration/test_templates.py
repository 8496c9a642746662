"""test_templates.py — gates on the templates themselves: every one escapes by construction
(the AUTOESCAPE pragma first, no modifier that switches escaping off) and every one of the
directory is parsed at worker start-up, so a broken template stops the worker instead of failing
a request."""

import glob
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from stack import ROOT, Stack

TEMPLATES = sorted(glob.glob(os.path.join(ROOT, "templates", "*.tpl")))


class Templates(unittest.TestCase):
    def test_there_are_templates(self):
        self.assertGreater(len(TEMPLATES), 10)

    def test_every_template_starts_with_autoescape(self):
        # HTML pages escape for HTML; a feed (*_atom.tpl) is XML and escapes for XML.
        for path in TEMPLATES:
            name = os.path.basename(path)
            context = "XML" if name.endswith("_atom.tpl") else "HTML"
            with self.subTest(template=name):
                with open(path, encoding="utf-8") as f:
                    self.assertTrue(f.read().startswith(f'{{{{%AUTOESCAPE context="{context}"}}}}'))

    def test_no_template_turns_escaping_off(self):
        for path in TEMPLATES:
            with self.subTest(template=os.path.basename(path)):
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                self.assertNotRegex(text, r"\{\{[A-Za-z_]+:(none|x-)")

    def test_a_broken_template_stops_the_worker_at_start(self):
        # The worker parses every *.tpl of the templates directory at start-up (no hand-kept
        # list): a copy of the templates with one broken file added must stop `portal` before
        # it listens, naming the file; the same copy without it starts.
        with tempfile.TemporaryDirectory() as tmp:
            templates = os.path.join(tmp, "templates")
            shutil.copytree(os.path.join(ROOT, "templates"), templates)
            stack = Stack(settings={("server", "templates"): templates,
                                    ("server", "socket"): os.path.join(tmp, "portal.sock")})
            stack.dir = stack.data = tmp
            stack.conf = os.path.join(tmp, "portal.ini")
            stack._write_config()
            portal = os.path.join(stack.bin, "portal")
            subprocess.run([os.path.join(stack.bin, "portal-admin"), "-c", stack.conf, "init"],
                           check=True, capture_output=True)
            with open(os.path.join(templates, "zz_added_later.tpl"), "w", encoding="utf-8") as f:
                f.write('{{%AUTOESCAPE context="HTML"}}<p>{{#SECTION}}never closed</p>\n')
            p = subprocess.run([portal, "-c", stack.conf], capture_output=True, text=True,
                               timeout=60)
            self.assertEqual(p.returncode, 1, p.stderr)
            self.assertIn("cannot load zz_added_later.tpl", p.stderr)
            self.assertFalse(os.path.exists(os.path.join(tmp, "portal.sock")))

            os.remove(os.path.join(templates, "zz_added_later.tpl"))
            proc = subprocess.Popen([portal, "-c", stack.conf], stderr=subprocess.PIPE, text=True)
            try:
                line = proc.stderr.readline()
                self.assertIn("listening on", line)
            finally:
                proc.terminate()
                proc.wait(timeout=30)


if __name__ == "__main__":
    unittest.main()
