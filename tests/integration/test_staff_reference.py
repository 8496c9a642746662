"""Reference data pages for staff (issue 3, item 3; regulation № 44 on information groups §3.3–3.5)
as a browser sees them: territories as a tree with levels that must fit their parent, venues, the
people directory with contacts that never reach the public pages, information groups with leader,
secretary and members, and the information group field of the meeting form. For each: create, edit,
errors in Russian beside the fields with the input kept (422), unknown ids (404), roles (admin and
organizer change; controller, secretary and press read; executor gets 403), form tokens, the
audit record with the state before and after, and `<script>` shown as text.

One stack for the module with the demo municipality; each test makes the entries it changes, or
changes demo entries no other test here depends on."""

import html
import html.parser
import json
import re
import unittest
import urllib.parse
from datetime import date, timedelta

from helpers import shown, text_of
from staff import (FORM_STALE, Browser, StaffAssertions, checked, field_error, input_value,
                   options, select_tag, selected, staff_module)

STACK = None
SESSIONS = {}  # role -> Browser signed in as the demo account of that role
WRITERS = ("admin", "organizer")
READERS = ("controller", "secretary", "press")
XSS = "<script>alert(1)</script>"
LIST_PAGES = ("/admin/territories", "/admin/venues", "/admin/people", "/admin/groups")


# ---- reading pages ----------------------------------------------------------------------------
def has_error_summary(page, name):
    return f'<a href="#f-{name}">' in page


def audit(entity, entity_id, action=None):
    """(login, action, before, after) of the audit rows of one entity, oldest first, JSON parsed."""
    rows = STACK.query("SELECT login, action, before_json, after_json FROM audit_log "
                       "WHERE entity = ? AND entity_id = ? ORDER BY id", (entity, entity_id))
    out = [(login, act, json.loads(b) if b else None, json.loads(a) if a else None)
           for login, act, b, a in rows]
    return [r for r in out if action is None or r[1] == action]


class TreeParser(html.parser.HTMLParser):
    """The nesting of <ul>/<li> inside <ul class="tree">: each item's text and its children."""

    def __init__(self):
        super().__init__()
        self.stack, self.roots, self.in_tree, self.depth, self.errors = [], [], False, 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "ul" and ("class", "tree") in attrs:
            self.in_tree, self.depth = True, 0
        if not self.in_tree:
            return
        if tag == "ul":
            self.depth += 1
        elif tag == "li":
            item = {"text": "", "children": []}
            (self.stack[-1]["children"] if self.stack else self.roots).append(item)
            self.stack.append(item)

    def handle_endtag(self, tag):
        if not self.in_tree:
            return
        if tag == "li":
            if not self.stack:
                self.errors.append("</li> without <li>")
            else:
                self.stack.pop()
        elif tag == "ul":
            self.depth -= 1
            if self.depth == 0:
                self.in_tree = False
                if self.stack:
                    self.errors.append("items left open at the end of the tree")

    def handle_data(self, data):
        if self.in_tree and self.stack and not self.stack[-1]["children"]:
            self.stack[-1]["text"] += data


def tree_of(page):
    p = TreeParser()
    p.feed(page)
    assert not p.errors, p.errors
    return p.roots


def find_item(items, name):
    for item in items:
        if item["text"].strip().startswith(name):
            return item
        found = find_item(item["children"], name)
        if found:
            return found
    return None


setUpModule, tearDownModule = staff_module(globals(), SESSIONS)


class ReferenceCase(StaffAssertions, unittest.TestCase):
    admin = property(lambda self: SESSIONS["admin"])
    organizer = property(lambda self: SESSIONS["organizer"])

    def send(self, browser, path, fields, page=None):
        """POST fields with the session's token, as the form on page (default: path) would."""
        return browser.post(path, dict({"csrf": browser.csrf(page or path)}, **fields))

    def assertRefused(self, r, field, message):
        """422 with message beside field (and in the summary linking to it), the page in
        Russian."""
        self.assertEqual(r.status, 422, text_of(r.text)[:800])
        self.assertEqual(field_error(r.text, field), message)
        self.assertIn(f'aria-describedby="e-{field}"', r.text)
        self.assertTrue(has_error_summary(r.text, field), field)
        self.assertIn("Проверьте форму", r.text)

    def assertNoScript(self, page):
        self.assertNotIn("<script", page.lower())
        self.assertIn("&lt;script&gt;", page)


# ---- territories --------------------------------------------------------------------------------
class Territories(ReferenceCase):
    def create(self, **fields):
        return self.send(self.organizer, "/admin/territories", fields)

    def test_the_tree(self):
        r = self.admin.get("/admin/territories")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.header("Cache-Control"), "no-store")
        self.assertIn("<h1>Территории</h1>", r.text)
        roots = tree_of(r.text)
        district = find_item(roots, "Советский район")
        self.assertIn(district, roots)
        self.assertIn("район", district["text"])
        settlement = find_item(district["children"], "городское поселение Зеленоборск")
        self.assertIn(settlement, district["children"])
        self.assertIn("поселение", settlement["text"])
        names = [c["text"].split(" — ")[0].strip() for c in settlement["children"]]
        for name in ("микрорайон Лесной", "микрорайон Молодёжный", "микрорайон Центральный"):
            self.assertIn(name, names)
        self.assertEqual(names, sorted(names))
        berezovka = find_item(district["children"], "сельское поселение Берёзовка")
        self.assertIn("деревня Кедровая", berezovka["children"][0]["text"])
        # Counts of what each territory has.
        central = find_item(roots, "микрорайон Центральный")["text"]
        self.assertIn("мест проведения: 3", central)
        self.assertIn('<a href="/admin/territories/3">микрорайон Центральный</a>', r.text)
        self.assertIn('<nav class="subnav" aria-label="Справочники">', r.text)
        self.assertIn('<a href="/admin/territories" aria-current="page">Территории</a>', r.text)

    def test_create_at_every_level(self):
        r = self.create(name="Нагорный район", level="district")
        self.assertRedirect(r, "/admin/territories")
        district = STACK.query("SELECT id, parent_id, level FROM territory "
                               "WHERE name = 'Нагорный район'")
        self.assertEqual(len(district), 1)
        did = district[0][0]
        self.assertEqual(district[0][1:], (None, "district"))
        self.assertRedirect(self.create(name="посёлок Горный", level="settlement",
                                        parent=str(did)), "/admin/territories")
        sid = STACK.query("SELECT id FROM territory WHERE name = 'посёлок Горный' "
                          "AND parent_id = ? AND level = 'settlement'", (did,))[0][0]
        self.assertRedirect(self.create(name="улица Шахтёров", level="microdistrict",
                                        parent=str(sid)), "/admin/territories")
        mid = STACK.query("SELECT id FROM territory WHERE name = 'улица Шахтёров' "
                          "AND parent_id = ? AND level = 'microdistrict'", (sid,))[0][0]
        roots = tree_of(self.admin.get("/admin/territories").text)
        item = find_item(roots, "Нагорный район")
        self.assertIn(item, roots)
        self.assertEqual(item["children"][0]["text"].split(" — ")[0].strip(), "посёлок Горный")
        self.assertEqual(item["children"][0]["children"][0]["text"].split(" — ")[0].strip(),
                         "улица Шахтёров")
        # Audited: who, and the row after.
        for tid, after in ((did, {"name": "Нагорный район", "level": "district", "parent_id": None}),
                           (sid, {"name": "посёлок Горный", "level": "settlement", "parent_id": did}),
                           (mid, {"name": "улица Шахтёров", "level": "microdistrict",
                                  "parent_id": sid})):
            self.assertEqual(audit("territory", tid), [("organizer", "create", None, after)])
        # The new territory is offered by the meeting form and the public filter.
        self.assertIn("улица Шахтёров", self.organizer.get("/admin/meetings/new").text)

    def test_the_level_must_fit_the_parent(self):
        before = STACK.query("SELECT count(*) FROM territory")
        cases = [
            (dict(name="Новое", level="settlement", parent="2"), "parent",
             "входит в: поселение может входить только в район."),
            (dict(name="Новое", level="settlement", parent="3"), "parent",
             "входит в: поселение может входить только в район."),
            (dict(name="Новое", level="microdistrict", parent="1"), "parent",
             "входит в: микрорайон или населённый пункт может входить только в поселение."),
            (dict(name="Новое", level="microdistrict", parent="5"), "parent",
             "входит в: микрорайон или населённый пункт может входить только в поселение."),
            (dict(name="Новое", level="district", parent="1"), "parent",
             "входит в: район — верхний уровень, он ни во что не входит: оставьте поле пустым."),
            (dict(name="Новое", level="settlement"), "parent",
             "входит в: выберите район, в который входит поселение."),
            (dict(name="Новое", level="microdistrict", parent=""), "parent",
             "входит в: выберите поселение, в которое входит микрорайон."),
            (dict(name="Новое", level="microdistrict", parent="999"), "parent",
             "входит в: выберите территорию из списка."),
            (dict(name="Новое", level="city", parent="1"), "level",
             "уровень: выберите уровень из списка."),
            (dict(name="Новое", level="District"), "level", "уровень: недопустимое значение."),
            (dict(name="Новое"), "level", "уровень: обязательное поле: заполните его."),
            (dict(name="Новое", level="settlement", parent="один"), "parent",
             "входит в: должно быть номером записи — целым положительным числом."),
            (dict(name="", level="district"), "name", "название: обязательное поле: заполните его."),
            (dict(name="x" * 201, level="district"), "name", "название: не длиннее 200 символов."),
            (dict(name="две\nстроки", level="district"), "name",
             "название: должно быть в одну строку, без управляющих символов."),
            (dict(name="микрорайон Лесной", level="microdistrict", parent="2"), "name",
             "название: в этой территории уже есть часть с таким названием."),
            (dict(name="Советский район", level="district"), "name",
             "название: район с таким названием уже есть."),
        ]
        for fields, field, message in cases:
            with self.subTest(fields=fields):
                r = self.create(**fields)
                self.assertRefused(r, field, message)
                # What was typed stays.
                if "\n" not in fields.get("name", ""):
                    self.assertEqual(input_value(r.text, "name"), fields.get("name", ""))
                if fields.get("level") in ("district", "settlement", "microdistrict"):
                    self.assertEqual(selected(r.text, "level"), fields["level"])
                if fields.get("parent", "") in ("1", "2"):  # offered as parents
                    self.assertEqual(selected(r.text, "parent"), fields["parent"])
                self.assertIn(">городское поселение Зеленоборск</a>", r.text)  # the tree too
        self.assertEqual(STACK.query("SELECT count(*) FROM territory"), before)

    def test_parents_offered_are_districts_and_settlements(self):
        values = [v for v, _ in options(shown(self, self.admin.get("/admin/territories")).text,
                                        "parent")]
        self.assertEqual(values[0], "")
        for tid in ("1", "2", "6"):
            self.assertIn(tid, values)
        for tid in ("3", "4", "5", "7"):
            self.assertNotIn(tid, values)

    def test_rename(self):
        self.assertRedirect(self.create(name="деревня Сосновка", level="microdistrict",
                                        parent="6"), "/admin/territories")
        tid = STACK.query("SELECT id FROM territory WHERE name = 'деревня Сосновка'")[0][0]
        page = self.organizer.get(f"/admin/territories/{tid}")
        self.assertEqual(page.status, 200)
        self.assertIn("<h1>деревня Сосновка</h1>", page.text)
        self.assertIn('<a href="/admin/territories/6">сельское поселение Берёзовка</a>', page.text)
        self.assertEqual(input_value(page.text, "name"), "деревня Сосновка")
        self.assertIn('<a href="/admin/territories" aria-current="true">Территории</a>', page.text)
        r = self.send(self.organizer, f"/admin/territories/{tid}", {"name": "село Сосновка"})
        self.assertRedirect(r, "/admin/territories")
        self.assertEqual(STACK.query("SELECT name, level, parent_id FROM territory WHERE id = ?",
                                     (tid,)), [("село Сосновка", "microdistrict", 6)])
        self.assertEqual(audit("territory", tid, "rename"),
                         [("organizer", "rename",
                           {"name": "деревня Сосновка", "level": "microdistrict", "parent_id": 6},
                           {"name": "село Сосновка", "level": "microdistrict", "parent_id": 6})])
        # A sibling's name, an empty one: refused beside the field, the typed value kept.
        r = self.send(self.organizer, f"/admin/territories/{tid}", {"name": "деревня Кедровая"})
        self.assertRefused(r, "name", "название: в той же территории уже есть часть с таким названием.")
        self.assertEqual(input_value(r.text, "name"), "деревня Кедровая")
        self.assertIn("<h1>село Сосновка</h1>", r.text)
        r = self.send(self.organizer, f"/admin/territories/{tid}", {"name": ""})
        self.assertRefused(r, "name", "название: обязательное поле: заполните его.")
        r = self.send(self.admin, "/admin/territories/1", {"name": "Советский район"})
        self.assertRedirect(r, "/admin/territories")  # its own name is no conflict
        self.assertEqual(STACK.query("SELECT name FROM territory WHERE id = ?", (tid,)),
                         [("село Сосновка",)])

    def test_the_public_schedule_shows_the_new_name(self):
        self.assertRedirect(self.create(name="хутор Старый", level="microdistrict", parent="6"),
                            "/admin/territories")
        tid = STACK.query("SELECT id FROM territory WHERE name = 'хутор Старый'")[0][0]
        self.assertIn("хутор Старый", STACK.get("/meetings").text)  # the filter's list
        self.send(self.admin, f"/admin/territories/{tid}", {"name": "хутор Новый"})
        # Every worker keeps the tree in memory (issue 22): each must show the new name at once.
        for n in range(8):
            page = shown(self, STACK.get(f"/meetings?page=1&to=2099-01-{n + 1:02d}")).text
            self.assertIn("хутор Новый", page)
            self.assertNotIn("хутор Старый", page)

    def test_unknown_ids(self):
        for path in ("/admin/territories/999", "/admin/territories/0"):
            with self.subTest(path=path):
                self.assertEqual(self.admin.get(path).status, 404)
        r = self.send(self.admin, "/admin/territories/999", {"name": "Никакой"},
                      page="/admin/territories")
        self.assertEqual(r.status, 404)
        self.assertIn("<h1>Страница не найдена</h1>", r.text)
        self.assertEqual(self.admin.get("/admin/territories/abc").status, 404)

    def test_script_is_shown_as_text(self):
        name = XSS + " & «район»"
        self.assertRedirect(self.create(name=name, level="district"), "/admin/territories")
        tid = STACK.query("SELECT id FROM territory WHERE name = ?", (name,))[0][0]
        for path in ("/admin/territories", f"/admin/territories/{tid}", "/admin/venues",
                     "/admin/groups", "/admin/meetings/new"):
            with self.subTest(path=path):
                page = self.admin.get(path).text
                self.assertNoScript(page)
                self.assertIn(html.escape(XSS, quote=False), page)
                self.assertIn(name, text_of(page))
        # In a refused form the typed value comes back escaped, too.
        r = self.create(name=XSS, level="settlement")
        self.assertEqual(r.status, 422)
        self.assertNoScript(r.text)
        self.assertEqual(input_value(r.text, "name"), XSS)
        # And SQL is only text.
        sql = "x'); DROP TABLE territory; --"
        self.assertRedirect(self.create(name=sql, level="district"), "/admin/territories")
        self.assertEqual(STACK.query("SELECT count(*) FROM territory WHERE name = ?", (sql,)),
                         [(1,)])


# ---- the territory <select>s ---------------------------------------------------------------------
class TerritorySelects(ReferenceCase):
    """Every form that offers territories offers the same tree (page_territory_list_options):
    in tree order, indented by depth with no-break spaces."""

    PAGES = ("/admin/venues", "/admin/groups", "/admin/meetings/new", "/admin/meetings",
             "/admin/series/new")
    PUBLIC = ("/meetings", "/appeals/new", "/subscribe")

    @staticmethod
    def territory_options(page):
        """[(value, text as written, entities decoded)] of the territory select, without the
        empty «any» or «not given» choice."""
        return [(v, html.unescape(t)) for v, t in
                re.findall(r'<option value="([^"]*)"[^>]*>(.*?)</option>',
                           select_tag(page, "territory")) if v]

    def test_every_territory_select_shows_the_same_indented_tree(self):
        public = self.territory_options(shown(self, STACK.get("/meetings")).text)
        indent = {"district": "", "settlement": "\u00a0" * 2, "microdistrict": "\u00a0" * 4}
        expected = {str(tid): indent[level] + name for tid, name, level in
                    STACK.query("SELECT id, name, level FROM territory")}
        self.assertEqual(dict(public), expected)
        self.assertEqual(len(public), len(expected))
        self.assertEqual(expected["3"], "\u00a0" * 4 + "микрорайон Центральный")
        for path in self.PUBLIC:
            with self.subTest(path=path):
                self.assertEqual(self.territory_options(shown(self, STACK.get(path)).text),
                                 public)
        for path in self.PAGES:
            with self.subTest(path=path):
                page = shown(self, self.organizer.get(path)).text
                self.assertEqual(self.territory_options(page), public)


# ---- venues -----------------------------------------------------------------------------------
def venue_fields(**over):
    fields = {"name": "Клуб «Ветеран»", "address": "ул. Мира, 7", "venue_kind": "culture",
              "capacity": "45", "territory": "3"}
    fields.update(over)
    return fields


class Venues(ReferenceCase):
    def test_the_list(self):
        r = self.press_get("/admin/venues")
        page = text_of(r.text)
        self.assertIn("Дом культуры «Современник» ул. Политехническая, 15 учреждение культуры 350 "
                      "микрорайон Центральный", page)
        self.assertIn("Сквер Победы пересечение ул. Ленина и ул. Мира открытая площадка "
                      "не ограничено", page)
        self.assertIn("спортивное сооружение", page)
        self.assertIn('<a href="/admin/venues/4">Спортивный комплекс «Олимп»</a>', r.text)

    def press_get(self, path):
        r = SESSIONS["press"].get(path)
        self.assertEqual(r.status, 200)
        return r

    def test_create(self):
        r = self.send(self.organizer, "/admin/venues", venue_fields(name="Клуб «Ветеран» № 1"))
        self.assertRedirect(r, "/admin/venues")
        rows = STACK.query("SELECT id, address, kind, capacity, territory_id FROM venue "
                           "WHERE name = 'Клуб «Ветеран» № 1'")
        self.assertEqual([row[1:] for row in rows], [("ул. Мира, 7", "culture", 45, 3)])
        vid = rows[0][0]
        self.assertEqual(audit("venue", vid),
                         [("organizer", "create", None,
                           {"name": "Клуб «Ветеран» № 1", "address": "ул. Мира, 7",
                            "kind": "culture", "capacity": 45, "territory_id": 3})])
        # The meeting form offers it.
        self.assertIn("Клуб «Ветеран» № 1, ул. Мира, 7",
                      text_of(self.organizer.get("/admin/meetings/new").text))
        # Capacity is optional.
        r = self.send(self.admin, "/admin/venues",
                      venue_fields(name="Поляна у реки", venue_kind="outdoor", capacity="",
                                   territory="7"))
        self.assertRedirect(r, "/admin/venues")
        self.assertEqual(STACK.query("SELECT kind, capacity, territory_id FROM venue "
                                     "WHERE name = 'Поляна у реки'"), [("outdoor", None, 7)])

    def test_every_kind_has_a_russian_name(self):
        r = self.admin.get("/admin/venues")
        got = options(r.text, "venue_kind")
        self.assertEqual([v for v, _ in got],
                         ["", "culture", "education", "sport", "administration", "outdoor", "other"])
        for value, label in got[1:]:
            self.assertRegex(label, r"^[а-яё ]+$", value)

    def test_invalid_fields(self):
        before = STACK.query("SELECT count(*) FROM venue")
        cases = [
            (dict(capacity="0"), "capacity", "вместимость: должно быть целым числом от 1 до 100000."),
            (dict(capacity="-5"), "capacity", "вместимость: должно быть целым числом от 1 до 100000."),
            (dict(capacity="12.5"), "capacity",
             "вместимость: должно быть целым числом от 1 до 100000."),
            (dict(capacity="много"), "capacity",
             "вместимость: должно быть целым числом от 1 до 100000."),
            (dict(venue_kind="stadium"), "venue_kind", "тип места: выберите тип из списка."),
            (dict(venue_kind=""), "venue_kind", "тип места: обязательное поле: заполните его."),
            (dict(territory="999"), "territory", "территория: выберите территорию из списка."),
            (dict(territory=""), "territory", "территория: обязательное поле: заполните его."),
            (dict(name=""), "name", "название: обязательное поле: заполните его."),
            (dict(address=""), "address", "адрес: обязательное поле: заполните его."),
            (dict(address="а" * 301), "address", "адрес: не длиннее 300 символов."),
        ]
        for over, field, message in cases:
            with self.subTest(over=over):
                fields = venue_fields(**over)
                r = self.send(self.organizer, "/admin/venues", fields)
                self.assertRefused(r, field, message)
                self.assertEqual(input_value(r.text, "name"), fields["name"])
                self.assertEqual(input_value(r.text, "address"), fields["address"])
                self.assertEqual(input_value(r.text, "capacity") or "", fields["capacity"])
                if field != "venue_kind":
                    self.assertEqual(selected(r.text, "venue_kind"), "culture")
                if field != "territory":
                    self.assertEqual(selected(r.text, "territory"), "3")
        # Everything wrong at once: every error beside its field.
        r = self.send(self.organizer, "/admin/venues",
                      dict(name="", address="", venue_kind="x", capacity="0", territory="0"))
        self.assertEqual(r.status, 422)
        for field in ("name", "address", "venue_kind", "capacity", "territory"):
            self.assertIsNotNone(field_error(r.text, field), field)
        self.assertEqual(STACK.query("SELECT count(*) FROM venue"), before)

    def test_edit(self):
        self.send(self.organizer, "/admin/venues", venue_fields(name="Клуб для правки"))
        vid = STACK.query("SELECT id FROM venue WHERE name = 'Клуб для правки'")[0][0]
        page = self.organizer.get(f"/admin/venues/{vid}")
        self.assertEqual(page.status, 200)
        self.assertEqual(input_value(page.text, "name"), "Клуб для правки")
        self.assertEqual(input_value(page.text, "capacity"), "45")
        self.assertEqual(selected(page.text, "venue_kind"), "culture")
        self.assertEqual(selected(page.text, "territory"), "3")
        r = self.send(self.organizer, f"/admin/venues/{vid}",
                      venue_fields(name="Школа искусств", address="ул. Мира, 9",
                                   venue_kind="education", capacity="", territory="4"))
        self.assertRedirect(r, "/admin/venues")
        self.assertEqual(STACK.query("SELECT name, address, kind, capacity, territory_id FROM venue "
                                     "WHERE id = ?", (vid,)),
                         [("Школа искусств", "ул. Мира, 9", "education", None, 4)])
        updates = audit("venue", vid, "update")
        self.assertEqual(len(updates), 1)
        self.assertEqual(updates[0][2]["name"], "Клуб для правки")
        self.assertEqual(updates[0][2]["capacity"], 45)
        self.assertEqual(updates[0][3], {"name": "Школа искусств", "address": "ул. Мира, 9",
                                         "kind": "education", "capacity": None, "territory_id": 4})
        # Refused: the page still shows the saved venue, the form what was typed.
        r = self.send(self.organizer, f"/admin/venues/{vid}",
                      venue_fields(name="Другое имя", capacity="ноль"))
        self.assertRefused(r, "capacity", "вместимость: должно быть целым числом от 1 до 100000.")
        self.assertIn("<h1>Школа искусств</h1>", r.text)
        self.assertEqual(input_value(r.text, "name"), "Другое имя")
        self.assertEqual(input_value(r.text, "capacity"), "ноль")

    def test_public_meeting_shows_the_changed_venue(self):
        r = self.send(self.admin, "/admin/venues/6",
                      venue_fields(name="Сельский дом культуры", address="с. Берёзовка, ул. Центральная, 4",
                                   venue_kind="culture", capacity="80", territory="6"))
        self.assertRedirect(r, "/admin/venues")
        self.assertIn("Сельский дом культуры", STACK.get("/meetings/15").text)

    def test_unknown_ids(self):
        self.assertEqual(self.admin.get("/admin/venues/999").status, 404)
        r = self.send(self.admin, "/admin/venues/999", venue_fields(), page="/admin/venues")
        self.assertEqual(r.status, 404)

    def test_script_is_shown_as_text(self):
        r = self.send(self.admin, "/admin/venues", venue_fields(name=XSS, address=XSS + " 2"))
        self.assertRedirect(r, "/admin/venues")
        vid = STACK.query("SELECT id FROM venue WHERE name = ?", (XSS,))[0][0]
        for path in ("/admin/venues", f"/admin/venues/{vid}", "/admin/meetings/new"):
            with self.subTest(path=path):
                page = self.admin.get(path).text
                self.assertNoScript(page)
                self.assertIn(XSS, text_of(page))


# ---- people -----------------------------------------------------------------------------------
def person_fields(**over):
    fields = {"full_name": "Григорьев Иван Петрович", "position": "Депутат Думы округа",
              "organisation": "Дума Ханты-Мансийского автономного округа — Югры",
              "category": "deputy", "email": "grigoriev@duma.example", "phone": "+7 (3467) 33-00-11"}
    fields.update(over)
    return fields


class People(ReferenceCase):
    def test_grouped_by_category_with_contacts(self):
        r = SESSIONS["secretary"].get("/admin/people")
        self.assertEqual(r.status, 200)
        headings = re.findall(r'<h2 id="category-([a-z]+)">(.*?)</h2>', r.text)
        codes = [c for c, _ in headings]
        self.assertEqual(codes[:5], ["official", "deputy", "police", "prosecutor", "enterprise"])
        self.assertIn(("deputy", "Депутаты (всех уровней)"), headings)
        self.assertIn(("police", "Полиция"), headings)
        self.assertIn(("prosecutor", "Прокуратура"), headings)
        page = text_of(r.text)
        # Within a category, by name; contacts shown to staff.
        self.assertLess(page.index("Кузнецова Ольга Николаевна"), page.index("Соколова Анна"))
        self.assertIn("zam@zelenoborsk.example +7 34675 2-00-02", page)
        deputies = r.text[r.text.index('id="category-deputy"'):r.text.index('id="category-police"')]
        self.assertIn("Морозов Дмитрий Алексеевич", deputies)
        self.assertIn("Васильева Елена Петровна", deputies)
        self.assertNotIn("Соколова", deputies)

    def test_filter_by_category(self):
        r = self.admin.get("/admin/people?category=deputy")
        self.assertEqual(r.status, 200)
        page = text_of(r.text)
        self.assertIn("Морозов Дмитрий Алексеевич", page)
        self.assertNotIn("Соколова Анна Викторовна", page)
        self.assertNotIn("Никитин", page)
        self.assertIn('<option value="deputy" selected>', r.text)
        r = shown(self, self.admin.get("/admin/people?category=public"), "<h1>Люди</h1>",
                  '<option value="public" selected>')
        self.assertNotIn("Морозов", text_of(r.text))
        for bad in ("nonsense", "Deputy", "%3Cscript%3E", "deputy&category=police"):
            with self.subTest(category=bad):
                r = self.admin.get("/admin/people?category=" + bad)
                self.assertEqual(r.status, 400)
                self.assertIn("<h1>Ошибка в запросе</h1>", r.text)
                self.assertIn("категория", text_of(r.text))
                if "script" in bad:
                    self.assertNoScript(r.text)

    def test_create(self):
        r = self.send(self.organizer, "/admin/people", person_fields())
        self.assertRedirect(r, "/admin/people")
        rows = STACK.query("SELECT id, position, organisation, category, email, phone FROM person "
                           "WHERE full_name = 'Григорьев Иван Петрович'")
        self.assertEqual(len(rows), 1)
        pid = rows[0][0]
        self.assertEqual(rows[0][1:], ("Депутат Думы округа",
                                       "Дума Ханты-Мансийского автономного округа — Югры",
                                       "deputy", "grigoriev@duma.example", "+7 (3467) 33-00-11"))
        self.assertEqual(audit("person", pid),
                         [("organizer", "create", None,
                           {"full_name": "Григорьев Иван Петрович",
                            "position": "Депутат Думы округа",
                            "organisation": "Дума Ханты-Мансийского автономного округа — Югры",
                            "category": "deputy", "email": "grigoriev@duma.example",
                            "phone": "+7 (3467) 33-00-11"})])
        # Only the name is required.
        self.assertRedirect(self.send(self.organizer, "/admin/people",
                                      {"full_name": "Житель Без Контактов", "category": "public"}),
                            "/admin/people")
        self.assertEqual(STACK.query("SELECT position, organisation, email, phone FROM person "
                                     "WHERE full_name = 'Житель Без Контактов'"),
                         [("", "", "", "")])
        # Offered as host and invitee of meetings, and as a group member.
        self.assertIn("Григорьев Иван Петрович, Депутат Думы округа",
                      text_of(self.organizer.get("/admin/meetings/new").text))
        self.assertIn("Григорьев Иван Петрович", text_of(self.organizer.get("/admin/groups").text))

    def test_every_category_has_a_russian_name(self):
        got = options(self.admin.get("/admin/people").text, "category")
        self.assertEqual([v for v, _ in got], ["", "official", "deputy", "police", "prosecutor",
                                               "enterprise", "public", "other"])
        for value, label in got[1:]:
            self.assertRegex(label, r"^[А-Яа-яё (),]+$", value)

    def test_emails(self):
        good = ["a@b.ru", "ivan.petrov+meetings@mail.example.com", "info@зеленоборск.рф",
                "o'neil@example.org", "x_y-z@sub-domain.example.ru"]
        bad = ["no-at-sign", "a@b", "a@@b.ru", "a@b@c.ru", "a b@c.ru", "a@b..ru", ".a@b.ru",
               "a.@b.ru", "a..b@c.ru", "a@-b.ru", "a@b-.ru", "a@b.ru.", "@b.ru", "a@", "a@.ru",
               "a@b.123", "иван@b.ru", "a@b,ru", "<a@b.ru>", "a@b.ru\u00a0", "a" * 65 + "@b.ru"]
        for i, email in enumerate(good):
            with self.subTest(email=email):
                name = f"Почтовый Адресат {i}"
                r = self.send(self.organizer, "/admin/people",
                              person_fields(full_name=name, email=email))
                self.assertRedirect(r, "/admin/people")
                self.assertEqual(STACK.query("SELECT email FROM person WHERE full_name = ?",
                                             (name,)), [(email,)])
        for email in bad:
            with self.subTest(email=email):
                r = self.send(self.organizer, "/admin/people",
                              person_fields(full_name="Неверный Адрес", email=email))
                self.assertRefused(r, "email",
                                   "электронная почта: ожидается адрес вида name@example.ru.")
                self.assertEqual(input_value(r.text, "email"), email)
                self.assertEqual(input_value(r.text, "full_name"), "Неверный Адрес")
                self.assertEqual(selected(r.text, "category"), "deputy")
        r = self.send(self.organizer, "/admin/people",
                      person_fields(full_name="Неверный Адрес", email="a@" + "b" * 250 + ".ru"))
        self.assertRefused(r, "email", "электронная почта: не длиннее 254 символов.")
        self.assertEqual(STACK.query("SELECT count(*) FROM person WHERE full_name = 'Неверный Адрес'"),
                         [(0,)])

    def test_phones(self):
        good = ["+7 (34675) 2-00-01", "8 900 123-45-67", "2-00-01", "+79001234567", "(3467) 33 00 11"]
        bad = [("+7 900 abc-45-67", "допустимы только цифры, пробелы и знаки + ( ) -"),
               ("тел. 2-00-01", "допустимы только цифры, пробелы и знаки + ( ) -"),
               ("8 900 123 45 67 доб. 5", "допустимы только цифры, пробелы и знаки + ( ) -"),
               ("2-00-01, 2-00-02", "допустимы только цифры, пробелы и знаки + ( ) -"),
               ("8/900/1234567", "допустимы только цифры, пробелы и знаки + ( ) -"),
               ("7+900 1234567", "знак «+» может стоять только в начале номера"),
               ("++7 900 1234567", "знак «+» может стоять только в начале номера"),
               ("12-34", "в номере должно быть от 5 до 15 цифр"),
               ("+", "в номере должно быть от 5 до 15 цифр"),
               ("1" * 16, "в номере должно быть от 5 до 15 цифр")]
        for i, phone in enumerate(good):
            with self.subTest(phone=phone):
                name = f"Телефонный Абонент {i}"
                self.assertRedirect(self.send(self.organizer, "/admin/people",
                                              person_fields(full_name=name, phone=phone)),
                                    "/admin/people")
                self.assertEqual(STACK.query("SELECT phone FROM person WHERE full_name = ?",
                                             (name,)), [(phone,)])
        for phone, reason in bad:
            with self.subTest(phone=phone):
                r = self.send(self.organizer, "/admin/people",
                              person_fields(full_name="Неверный Телефон", phone=phone))
                self.assertRefused(r, "phone", f"телефон: {reason}.")
                self.assertEqual(input_value(r.text, "phone"), phone)
        self.assertEqual(STACK.query("SELECT count(*) FROM person WHERE full_name = 'Неверный Телефон'"),
                         [(0,)])

    def test_other_invalid_fields(self):
        for over, field, message in [
                (dict(full_name=""), "full_name", "фамилия, имя, отчество: обязательное поле: заполните его."),
                (dict(full_name="Я" * 201), "full_name", "фамилия, имя, отчество: не длиннее 200 символов."),
                (dict(category="mayor"), "category", "категория: выберите категорию из списка."),
                (dict(category=""), "category", "категория: обязательное поле: заполните его."),
                (dict(position="п" * 301), "position", "должность: не длиннее 300 символов."),
                (dict(organisation="a\nb"), "organisation",
                 "организация: должно быть в одну строку, без управляющих символов.")]:
            with self.subTest(over=over):
                self.assertRefused(self.send(self.organizer, "/admin/people", person_fields(**over)),
                                   field, message)

    def test_edit(self):
        self.send(self.organizer, "/admin/people", person_fields(full_name="Правкин Павел"))
        pid = STACK.query("SELECT id FROM person WHERE full_name = 'Правкин Павел'")[0][0]
        page = self.organizer.get(f"/admin/people/{pid}")
        self.assertEqual(page.status, 200)
        self.assertIn("<h1>Правкин Павел</h1>", page.text)
        self.assertIn("grigoriev@duma.example", text_of(page.text))
        self.assertEqual(input_value(page.text, "phone"), "+7 (3467) 33-00-11")
        self.assertEqual(selected(page.text, "category"), "deputy")
        r = self.send(self.organizer, f"/admin/people/{pid}",
                      person_fields(full_name="Правкин Павел Олегович", position="Прокурор района",
                                    organisation="Прокуратура", category="prosecutor", email="",
                                    phone=""))
        self.assertRedirect(r, "/admin/people")
        self.assertEqual(STACK.query("SELECT full_name, position, category, email, phone FROM person "
                                     "WHERE id = ?", (pid,)),
                         [("Правкин Павел Олегович", "Прокурор района", "prosecutor", "", "")])
        (login, action, before, after), = audit("person", pid, "update")
        self.assertEqual((login, before["full_name"], before["email"], before["category"]),
                         ("organizer", "Правкин Павел", "grigoriev@duma.example", "deputy"))
        self.assertEqual((after["full_name"], after["email"], after["category"]),
                         ("Правкин Павел Олегович", "", "prosecutor"))
        r = self.send(self.organizer, f"/admin/people/{pid}", person_fields(email="нет"))
        self.assertRefused(r, "email", "электронная почта: ожидается адрес вида name@example.ru.")
        self.assertIn("<h1>Правкин Павел Олегович</h1>", r.text)

    def test_unknown_ids(self):
        self.assertEqual(self.admin.get("/admin/people/999").status, 404)
        self.assertEqual(self.send(self.admin, "/admin/people/999", person_fields(),
                                   page="/admin/people").status, 404)

    def test_contacts_never_reach_public_pages(self):
        # Person 4 is invited to public meetings, person 1 hosts them.
        for pid, email, phone in ((4, "morozov.secret@deputy.example", "+7 111 222-33-44"),
                                  (1, "glava.secret@zelenoborsk.example", "+7 555 666-77-88")):
            fields = dict(zip(("full_name", "position", "organisation", "category"),
                              STACK.query("SELECT full_name, position, organisation, category "
                                          "FROM person WHERE id = ?", (pid,))[0]))
            r = self.send(self.admin, f"/admin/people/{pid}",
                          dict(fields, email=email, phone=phone))
            self.assertRedirect(r, "/admin/people")
        public = ["/", "/meetings", "/meetings.ics", "/meetings/12", "/meetings/12.ics",
                  "/meetings/14", "/meetings/23", "/meetings/13"]
        heads = {p: "BEGIN:VCALENDAR" for p in public if p.endswith(".ics")}
        heads.update({"/": "<h1>Встречи с населением</h1>",
                      "/meetings": "<h1>Расписание встреч с населением</h1>"})
        heads.update({f"/meetings/{mid}": title for mid, title in
                      STACK.query("SELECT id, title FROM meeting WHERE id IN (12, 13, 14, 23)")})
        for path in public:
            with self.subTest(path=path):
                r = shown(self, STACK.get(path), heads[path])
                for secret in ("secret@", "111 222-33-44", "555 666-77-88",
                               "zam@zelenoborsk.example", "+7 34675 2-00-02"):
                    self.assertNotIn(secret, r.text)
        self.assertIn("Морозов Дмитрий Алексеевич", STACK.get("/meetings/12").text)

    def test_script_is_shown_as_text(self):
        r = self.send(self.admin, "/admin/people",
                      person_fields(full_name=XSS, position=XSS, organisation=XSS))
        self.assertRedirect(r, "/admin/people")
        pid = STACK.query("SELECT id FROM person WHERE full_name = ?", (XSS,))[0][0]
        for path in ("/admin/people", f"/admin/people/{pid}", "/admin/groups",
                     "/admin/meetings/new"):
            with self.subTest(path=path):
                page = self.admin.get(path).text
                self.assertNoScript(page)
                self.assertIn(XSS, text_of(page))
        r = self.send(self.admin, "/admin/people", person_fields(full_name=XSS, email=XSS))
        self.assertEqual(r.status, 422)
        self.assertNoScript(r.text)
        self.assertEqual(input_value(r.text, "email"), XSS)


# ---- information groups -----------------------------------------------------------------------
class Groups(ReferenceCase):
    def test_demo_groups(self):
        r = SESSIONS["controller"].get("/admin/groups")
        self.assertEqual(r.status, 200)
        page = text_of(r.text)
        self.assertIn("Информационная группа № 1 микрорайон Молодёжный Кузнецова Ольга Николаевна "
                      "Лебедева Татьяна Андреевна 3", page)
        self.assertIn("Информационная группа № 2 сельское поселение Берёзовка", page)
        g = SESSIONS["controller"].get("/admin/groups/1")
        self.assertEqual(g.status, 200)
        self.assertIn("<h1>Информационная группа № 1</h1>", g.text)
        page = text_of(g.text)
        self.assertIn("Руководитель Кузнецова Ольга Николаевна", page)
        self.assertIn("Секретарь Лебедева Татьяна Андреевна", page)
        for member in ("Морозов Дмитрий Алексеевич", "Никитин Сергей Владимирович",
                       "Захаров Павел Ильич"):
            self.assertIn(member, page)
        self.assertNotIn('<form class="form"', g.text)  # the controller reads only
        # Every field meeting of the demo names its group.
        self.assertEqual(STACK.query("SELECT count(*) FROM meeting WHERE kind = 'group_field' "
                                     "AND group_id IS NULL"), [(0,)])
        self.assertEqual(STACK.query("SELECT group_id FROM meeting WHERE id IN (9, 12) ORDER BY id"),
                         [(2,), (1,)])

    def test_create(self):
        r = self.send(self.organizer, "/admin/groups",
                      {"name": "Информационная группа № 3", "territory": "5", "leader": "2",
                       "secretary": "9", "member": ["4", "6", "7"]})
        gid = STACK.query("SELECT id FROM info_group WHERE name = 'Информационная группа № 3'")[0][0]
        self.assertRedirect(r, f"/admin/groups/{gid}")
        self.assertEqual(STACK.query("SELECT territory_id, leader_id, secretary_id FROM info_group "
                                     "WHERE id = ?", (gid,)), [(5, 2, 9)])
        self.assertEqual(STACK.query("SELECT person_id FROM info_group_member WHERE group_id = ? "
                                     "ORDER BY person_id", (gid,)), [(4,), (6,), (7,)])
        self.assertEqual(audit("info_group", gid),
                         [("organizer", "create", None,
                           {"name": "Информационная группа № 3", "territory_id": 5, "leader_id": 2,
                            "secretary_id": 9, "members": [4, 6, 7]})])
        page = self.organizer.get(f"/admin/groups/{gid}")
        self.assertEqual(checked(page.text, "member"), [4, 6, 7])
        self.assertEqual(selected(page.text, "leader"), "2")
        self.assertEqual(selected(page.text, "secretary"), "9")
        self.assertEqual(selected(page.text, "territory"), "5")
        # Only name and territory are required.
        r = self.send(self.organizer, "/admin/groups", {"name": "Группа без состава", "territory": "7"})
        gid2 = STACK.query("SELECT id FROM info_group WHERE name = 'Группа без состава'")[0][0]
        self.assertRedirect(r, f"/admin/groups/{gid2}")
        self.assertEqual(STACK.query("SELECT leader_id, secretary_id FROM info_group WHERE id = ?",
                                     (gid2,)), [(None, None)])
        self.assertIn("пока никого", text_of(self.organizer.get(f"/admin/groups/{gid2}").text))
        # The meeting form offers the new groups.
        values = [v for v, _ in options(self.organizer.get("/admin/meetings/new").text, "group")]
        self.assertIn(str(gid), values)
        self.assertIn(str(gid2), values)

    def test_invalid_fields(self):
        before = STACK.query("SELECT count(*) FROM info_group")
        base = {"name": "Группа с ошибкой", "territory": "4", "leader": "3", "secretary": "9",
                "member": ["4", "6"]}
        cases = [
            (dict(secretary="3"), "secretary",
             "секретарь: секретарём должен быть не руководитель группы, а другой человек."),
            (dict(member=["4", "3"]), "member",
             "члены группы: руководитель и секретарь уже входят в группу: не отмечайте их среди членов."),
            (dict(member=["9"]), "member",
             "члены группы: руководитель и секретарь уже входят в группу: не отмечайте их среди членов."),
            (dict(member=["4", "999"]), "member", "члены группы: выберите из списка."),
            (dict(member=["4", "x"]), "member",
             "члены группы: должно быть номером записи — целым положительным числом."),
            (dict(leader="999"), "leader", "руководитель: выберите из списка."),
            (dict(secretary="0"), "secretary",
             "секретарь: должно быть номером записи — целым положительным числом."),
            (dict(territory="999"), "territory", "территория: выберите территорию из списка."),
            (dict(territory=""), "territory", "территория: обязательное поле: заполните его."),
            (dict(name=""), "name", "название: обязательное поле: заполните его."),
            (dict(name="Информационная группа № 1"), "name",
             "название: группа с таким названием уже есть."),
        ]
        for over, field, message in cases:
            with self.subTest(over=over):
                fields = dict(base, **over)
                r = self.send(self.organizer, "/admin/groups", fields)
                self.assertRefused(r, field, message)
                self.assertEqual(input_value(r.text, "name"), fields["name"])
                if field != "member":
                    self.assertEqual(checked(r.text, "member"), [4, 6])
                if over.get("leader", "3") == "3":
                    self.assertEqual(selected(r.text, "leader"), "3")
                if over.get("secretary", "9") in ("3", "9"):
                    self.assertEqual(selected(r.text, "secretary"), over.get("secretary", "9"))
        self.assertEqual(STACK.query("SELECT count(*) FROM info_group"), before)

    def test_edit_members_and_leader(self):
        self.send(self.organizer, "/admin/groups",
                  {"name": "Группа для правки", "territory": "6", "leader": "2", "member": ["5", "7"]})
        gid = STACK.query("SELECT id FROM info_group WHERE name = 'Группа для правки'")[0][0]
        r = self.send(self.admin, f"/admin/groups/{gid}",
                      {"name": "Группа для правки № 2", "territory": "7", "leader": "3",
                       "secretary": "2", "member": ["5", "8", "9"]})
        self.assertRedirect(r, f"/admin/groups/{gid}")
        self.assertEqual(STACK.query("SELECT name, territory_id, leader_id, secretary_id "
                                     "FROM info_group WHERE id = ?", (gid,)),
                         [("Группа для правки № 2", 7, 3, 2)])
        self.assertEqual([p for p, in STACK.query("SELECT person_id FROM info_group_member "
                                                 "WHERE group_id = ? ORDER BY 1", (gid,))],
                         [5, 8, 9])
        (login, action, before, after), = audit("info_group", gid, "update")
        self.assertEqual(login, "admin")
        self.assertEqual(before, {"name": "Группа для правки", "territory_id": 6, "leader_id": 2,
                                  "secretary_id": None, "members": [5, 7]})
        self.assertEqual(after, {"name": "Группа для правки № 2", "territory_id": 7, "leader_id": 3,
                                 "secretary_id": 2, "members": [5, 8, 9]})
        # No box ticked: no members; no leader chosen: none.
        r = self.send(self.admin, f"/admin/groups/{gid}",
                      {"name": "Группа для правки № 2", "territory": "7", "leader": "",
                       "secretary": "2"})
        self.assertRedirect(r, f"/admin/groups/{gid}")
        self.assertEqual(STACK.query("SELECT count(*) FROM info_group_member WHERE group_id = ?",
                                     (gid,)), [(0,)])
        self.assertEqual(STACK.query("SELECT leader_id FROM info_group WHERE id = ?", (gid,)),
                         [(None,)])
        # Refused: the saved group on the page, what was ticked in the form.
        r = self.send(self.admin, f"/admin/groups/{gid}",
                      {"name": "Информационная группа № 2", "territory": "7", "member": ["4", "6"]})
        self.assertRefused(r, "name", "название: группа с таким названием уже есть.")
        self.assertIn("<h1>Группа для правки № 2</h1>", r.text)
        self.assertEqual(checked(r.text, "member"), [4, 6])
        self.assertEqual(STACK.query("SELECT name FROM info_group WHERE id = ?", (gid,)),
                         [("Группа для правки № 2",)])

    def test_unknown_ids(self):
        self.assertEqual(self.admin.get("/admin/groups/999").status, 404)
        r = self.send(self.admin, "/admin/groups/999", {"name": "Нет", "territory": "4"},
                      page="/admin/groups")
        self.assertEqual(r.status, 404)

    def test_script_is_shown_as_text(self):
        r = self.send(self.admin, "/admin/groups", {"name": XSS, "territory": "4"})
        gid = STACK.query("SELECT id FROM info_group WHERE name = ?", (XSS,))[0][0]
        self.assertRedirect(r, f"/admin/groups/{gid}")
        for path in ("/admin/groups", f"/admin/groups/{gid}", "/admin/meetings/new"):
            with self.subTest(path=path):
                page = self.admin.get(path).text
                self.assertNoScript(page)
                self.assertIn(XSS, text_of(page))


# ---- the group field of meetings ----------------------------------------------------------------
def meeting_fields(**over):
    day = date.today() + timedelta(days=40)
    fields = {"kind": "group_field", "title": "Выездная встреча в Молодёжном", "territory": "4",
              "venue": "3", "starts_at": f"{day.isoformat()}T18:00",
              "ends_at": f"{day.isoformat()}T19:30", "host": "3", "group": "1",
              "expected_attendance": "40", "description": "Вопросы жителей."}
    fields.update(over)
    return fields


class MeetingGroup(ReferenceCase):
    def test_the_form_offers_the_groups(self):
        r = self.organizer.get("/admin/meetings/new")
        self.assertEqual(r.status, 200)
        got = options(r.text, "group")
        self.assertEqual(got[0], ("", "— без группы —"))
        self.assertIn(("1", "Информационная группа № 1 (микрорайон Молодёжный)"), got)
        self.assertIn(("2", "Информационная группа № 2 (сельское поселение Берёзовка)"), got)
        self.assertIn('<label for="f-group">Информационная группа</label>', r.text)
        # A draft of the demo shows its group in the edit form.
        self.assertEqual(selected(self.organizer.get("/admin/meetings/20").text, "group"), "1")

    def test_create_with_a_group(self):
        r = self.send(self.organizer, "/admin/meetings", meeting_fields(title="Встреча группы № 2",
                                                                          group="2"),
                      page="/admin/meetings/new")
        mid = STACK.query("SELECT id FROM meeting WHERE title = 'Встреча группы № 2'")[0][0]
        self.assertRedirect(r, f"/admin/meetings/{mid}")
        self.assertEqual(STACK.query("SELECT group_id FROM meeting WHERE id = ?", (mid,)), [(2,)])
        (_, _, before, after), = audit("meeting", mid, "create")
        self.assertEqual(after["group_id"], 2)
        self.assertEqual(selected(self.organizer.get(f"/admin/meetings/{mid}").text, "group"), "2")
        # Without one.
        r = self.send(self.organizer, "/admin/meetings",
                      meeting_fields(title="Встреча без группы", group="", kind="gathering"),
                      page="/admin/meetings/new")
        self.assertEqual(r.status, 303)
        self.assertEqual(STACK.query("SELECT group_id FROM meeting WHERE title = 'Встреча без группы'"),
                         [(None,)])

    def test_an_unknown_group_is_refused_beside_the_field(self):
        before = STACK.query("SELECT count(*) FROM meeting")
        for group, message in (("999", "информационная группа: выберите группу из списка."),
                               ("first", "информационная группа: должно быть номером записи — "
                                         "целым положительным числом."),
                               ("0", "информационная группа: должно быть номером записи — целым "
                                     "положительным числом.")):
            with self.subTest(group=group):
                r = self.send(self.organizer, "/admin/meetings", meeting_fields(group=group),
                              page="/admin/meetings/new")
                self.assertRefused(r, "group", message)
                self.assertEqual(input_value(r.text, "title"), "Выездная встреча в Молодёжном")
                self.assertEqual(selected(r.text, "venue"), "3")
        self.assertEqual(STACK.query("SELECT count(*) FROM meeting"), before)
        # Another field wrong: the chosen group stays chosen.
        r = self.send(self.organizer, "/admin/meetings", meeting_fields(group="2", title=""),
                      page="/admin/meetings/new")
        self.assertEqual(r.status, 422)
        self.assertEqual(selected(r.text, "group"), "2")

    def test_edit_the_group(self):
        r = self.send(self.organizer, "/admin/meetings", meeting_fields(title="Смена группы"),
                      page="/admin/meetings/new")
        mid = STACK.query("SELECT id FROM meeting WHERE title = 'Смена группы'")[0][0]
        self.assertRedirect(r, f"/admin/meetings/{mid}")
        r = self.send(self.organizer, f"/admin/meetings/{mid}", meeting_fields(title="Смена группы",
                                                                               group="2"))
        self.assertRedirect(r, f"/admin/meetings/{mid}")
        self.assertEqual(STACK.query("SELECT group_id FROM meeting WHERE id = ?", (mid,)), [(2,)])
        (_, _, before, after), = audit("meeting", mid, "update")
        self.assertEqual((before["group_id"], after["group_id"]), (1, 2))
        r = self.send(self.organizer, f"/admin/meetings/{mid}", meeting_fields(title="Смена группы",
                                                                               group=""))
        self.assertRedirect(r, f"/admin/meetings/{mid}")
        self.assertEqual(STACK.query("SELECT group_id FROM meeting WHERE id = ?", (mid,)), [(None,)])
        r = self.send(self.organizer, f"/admin/meetings/{mid}",
                      meeting_fields(title="Смена группы", group="12345"))
        self.assertRefused(r, "group", "информационная группа: выберите группу из списка.")
        self.assertEqual(STACK.query("SELECT group_id FROM meeting WHERE id = ?", (mid,)), [(None,)])


# ---- roles, tokens, navigation ----------------------------------------------------------------
class Roles(ReferenceCase):
    DETAIL_PAGES = ("/admin/territories/2", "/admin/venues/1", "/admin/people/1", "/admin/groups/1")
    POSTS = [("/admin/territories", {"name": "Чужой район", "level": "district"}),
             ("/admin/territories/7", {"name": "Чужое имя"}),
             ("/admin/venues", venue_fields(name="Чужое место")),
             ("/admin/venues/7", venue_fields(name="Чужое место")),
             ("/admin/people", person_fields(full_name="Чужой Человек")),
             ("/admin/people/9", person_fields(full_name="Чужой Человек")),
             ("/admin/groups", {"name": "Чужая группа", "territory": "4"}),
             ("/admin/groups/2", {"name": "Чужая группа", "territory": "4"})]

    def snapshot(self):
        return [STACK.query(f"SELECT * FROM {t} ORDER BY 1") for t in
                ("territory", "venue", "person", "info_group", "info_group_member")]

    def test_readers_see_pages_without_forms(self):
        for role in READERS:
            for path in LIST_PAGES + self.DETAIL_PAGES:
                with self.subTest(role=role, path=path):
                    r = SESSIONS[role].get(path)
                    self.assertEqual(r.status, 200)
                    self.assertEqual(r.header("Cache-Control"), "no-store")
                    self.assertNotIn('<form class="form" method="post"', r.text)
                    self.assertIn('<a href="/admin/territories" aria-current="page">Справочники</a>',
                                  r.text)

    def test_writers_see_forms(self):
        for role in WRITERS:
            for path in LIST_PAGES + self.DETAIL_PAGES:
                with self.subTest(role=role, path=path):
                    r = SESSIONS[role].get(path)
                    self.assertEqual(r.status, 200)
                    self.assertIn('<form class="form" method="post"', r.text)

    def test_executor_gets_403(self):
        b = SESSIONS["executor"]
        for path in LIST_PAGES + self.DETAIL_PAGES + ("/admin/people?category=deputy",):
            with self.subTest(path=path):
                self.assertForbidden(b.get(path))
        self.assertNotIn("Справочники", shown(self, b.get("/admin"), "<h1>Рабочий стол</h1>").text)

    def test_only_writers_change(self):
        before = self.snapshot()
        for role in READERS + ("executor",):
            b = SESSIONS[role]
            for path, fields in self.POSTS:
                with self.subTest(role=role, path=path):
                    self.assertForbidden(b.post(path, dict(fields, csrf=b.csrf())))
        self.assertEqual(self.snapshot(), before)

    def test_posts_need_the_form_token(self):
        before = self.snapshot()
        b = SESSIONS["admin"]
        for path, fields in self.POSTS:
            for name, token in (("none", None), ("empty", ""),
                                ("another session's", SESSIONS["organizer"].csrf())):
                with self.subTest(path=path, token=name):
                    sent = dict(fields) if token is None else dict(fields, csrf=token)
                    self.assertForbidden(b.post(path, sent), FORM_STALE)
        # Without a session at all.
        for path, fields in self.POSTS:
            with self.subTest(path=path, session=None):
                r = Browser(STACK).post(path, fields)
                self.assertEqual(r.status, 403)
        self.assertEqual(self.snapshot(), before)

    def test_without_a_session_pages_ask_to_sign_in(self):
        for path in LIST_PAGES + self.DETAIL_PAGES:
            with self.subTest(path=path):
                r = Browser(STACK).get(path)
                self.assertEqual(r.status, 303)
                self.assertEqual(r.header("Location"),
                                 "/admin/login?return=" + urllib.parse.quote(path, safe=""))

    def test_navigation_and_home_links(self):
        for role in READERS + WRITERS:
            with self.subTest(role=role):
                home = SESSIONS[role].get("/admin").text
                self.assertIn('<a href="/admin/territories">Справочники</a>', home)
                for path in LIST_PAGES:
                    self.assertIn(f'<a href="{path}">', home)
        r = SESSIONS["press"].get("/admin/people")
        for path in LIST_PAGES:
            self.assertIn(f'<a href="{path}"', r.text)  # the tabs

    def test_methods(self):
        r = self.admin.request("PUT", "/admin/territories")
        self.assertEqual(r.status, 405)


# ---- the audit log page -----------------------------------------------------------------------
class AuditPage(ReferenceCase):
    def test_changes_are_listed_by_entity(self):
        self.send(self.organizer, "/admin/territories",
                  {"name": "Аудиторский район", "level": "district"})
        r = self.admin.get("/admin/audit?entity=territory")
        self.assertEqual(r.status, 200)
        page = text_of(r.text)
        self.assertIn("organizer create territory", page)
        self.assertIn('"name":"Аудиторский район"', page)
        for entity in ("venue", "person", "info_group"):
            self.assertEqual(self.admin.get(f"/admin/audit?entity={entity}").status, 200)


if __name__ == "__main__":
    unittest.main()
