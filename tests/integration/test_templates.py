"""test_templates.py — gates on the templates themselves: every one escapes by construction
(the AUTOESCAPE pragma first, no modifier that switches escaping off) and every one is parsed at
worker start-up, so a broken template stops the worker instead of failing a request."""

import glob
import os
import re
import unittest

from stack import ROOT

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

    def test_every_template_is_preloaded_by_the_worker(self):
        with open(os.path.join(ROOT, "src", "http", "worker.c"), encoding="utf-8") as f:
            worker = f.read()
        preloaded = set(re.findall(r'"([a-z_]+\.tpl)"', worker))
        for path in TEMPLATES:
            with self.subTest(template=os.path.basename(path)):
                self.assertIn(os.path.basename(path), preloaded)
        for name in preloaded:
            with self.subTest(preloaded=name):
                self.assertTrue(os.path.exists(os.path.join(ROOT, "templates", name)))


if __name__ == "__main__":
    unittest.main()
