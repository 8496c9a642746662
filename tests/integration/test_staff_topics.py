"""The thematic classifier of appeals for staff (issue 4, item 8) as a browser sees it:
/admin/topics lists the seed sections, subjects, topics and questions with their codes as a
tree; an administrator adds an entry under a parent (its code must extend the parent's by one
group of four digits), renames it and switches it off and on again, each change audited with the
row before and after; wrong codes are refused with Russian errors beside the fields and the input
kept; organizers, controllers and secretaries read, press and executors get 403, and only
administrators may change anything.

One stack for the module with the demo municipality; each test adds the entries it changes."""

import json
import unittest

from helpers import shown, text_of
from staff import StaffAssertions, field_error, input_value, selected, staff_module
from test_staff_reference import find_item, tree_of

STACK = None
SESSIONS = {}  # role -> Browser signed in as the demo account of that role
READERS = ("organizer", "controller", "secretary")


def audit(code, action=None):
    """(login, action, before, after) of the audit rows of one classifier entry, oldest first."""
    rows = STACK.query("SELECT a.login, a.action, a.before_json, a.after_json FROM audit_log a "
                       "JOIN appeal_topic t ON t.rowid = a.entity_id "
                       "WHERE a.entity = 'appeal_topic' AND t.code = ? ORDER BY a.id", (code,))
    out = [(login, act, json.loads(b) if b else None, json.loads(a) if a else None)
           for login, act, b, a in rows]
    return [r for r in out if action is None or r[1] == action]


def topic_row(code):
    rows = STACK.query("SELECT parent_code, level, name, active FROM appeal_topic WHERE code = ?",
                       (code,))
    return rows[0] if rows else None


setUpModule, tearDownModule = staff_module(globals(), SESSIONS)


class Topics(StaffAssertions, unittest.TestCase):
    admin = property(lambda self: SESSIONS["admin"])

    def create(self, **fields):
        return self.admin.post("/admin/topics", dict({"csrf": self.admin.csrf("/admin/topics")},
                                                     **fields))

    def assertRefused(self, r, field, message):
        """422 with message beside field and in the summary, the page in Russian."""
        self.assertEqual(r.status, 422, text_of(r.text)[:800])
        self.assertEqual(field_error(r.text, field), message)
        self.assertIn(f'aria-describedby="e-{field}"', r.text)
        self.assertIn(f'<a href="#f-{field}">', r.text)
        self.assertIn("Проверьте форму", r.text)

    def test_the_seed_tree_with_codes(self):
        r = self.admin.get("/admin/topics")
        self.assertStatus(r, 200)
        self.assertEqual(r.header("Cache-Control"), "no-store")
        self.assertIn("<h1>Темы обращений</h1>", r.text)
        roots = tree_of(r.text)
        self.assertEqual([i["text"].strip() for i in roots], [
            "0001 Государство, общество, политика", "0002 Социальная сфера", "0003 Экономика",
            "0004 Оборона, безопасность, законность", "0005 Жилищно-коммунальная сфера"])
        housing = roots[4]
        self.assertEqual(housing["children"][0]["text"].strip(), "0005.0005 Жилище")
        topics = [c["text"].strip() for c in housing["children"][0]["children"]]
        self.assertIn("0005.0005.0056 Коммунальное хозяйство", topics)
        utilities = find_item(roots, "0005.0005.0056 Коммунальное хозяйство")
        self.assertIn("0005.0005.0056.1156 Перебои в теплоснабжении",
                      [c["text"].strip() for c in utilities["children"]])
        # Subjects are numbered through the whole classifier: education is 0013 in section 0002.
        self.assertIsNotNone(find_item(roots, "0002.0013 Образование. Наука. Культура"))
        self.assertIn('<a href="/admin/topics/item?topic=0005.0005.0056">', r.text)
        # A tab of «Справочники», so the crawl of /admin reaches it.
        self.assertIn('<a href="/admin/topics" aria-current="page">Темы обращений</a>', r.text)
        self.assertIn('<a href="/admin/topics">Темы обращений</a>',
                      self.admin.get("/admin/territories").text)

    def test_one_entry(self):
        r = self.admin.get("/admin/topics/item?topic=0005.0005.0056")
        self.assertStatus(r, 200)
        self.assertIn("<h1>0005.0005.0056 Коммунальное хозяйство</h1>", r.text)
        page = text_of(r.text)
        self.assertIn("Уровень тема", page)
        self.assertIn("Входит в 0005.0005 Жилище", page)
        self.assertIn("0005.0005.0056.1153 Перебои в электроснабжении", page)
        self.assertIn("Состояние используется", page)
        self.assertEqual(input_value(r.text, "name"), "Коммунальное хозяйство")
        for missing in ("/admin/topics/item?topic=0009", "/admin/topics/item?topic=abc",
                        "/admin/topics/item?topic=0005.0005.0056.9999"):
            with self.subTest(missing):
                self.assertStatus(self.admin.get(missing), 404)

    def test_add_rename_deactivate_activate(self):
        r = self.create(parent_topic="0005.0005.0056", topic="0005.0005.0056.1201",
                        name="Вывоз снега с дворовых территорий")
        self.assertRedirect(r, "/admin/topics")
        self.assertEqual(topic_row("0005.0005.0056.1201"),
                         ("0005.0005.0056", 4, "Вывоз снега с дворовых территорий", 1))
        after = {"code": "0005.0005.0056.1201", "parent_code": "0005.0005.0056", "level": 4,
                 "name": "Вывоз снега с дворовых территорий", "active": 1}
        self.assertEqual(audit("0005.0005.0056.1201"), [("admin", "create", None, after)])
        item = find_item(tree_of(self.admin.get("/admin/topics").text), "0005.0005.0056 ")
        self.assertIn("0005.0005.0056.1201 Вывоз снега с дворовых территорий",
                      [c["text"].strip() for c in item["children"]])

        page = "/admin/topics/item?topic=0005.0005.0056.1201"
        r = self.admin.post("/admin/topics/item", {
            "csrf": self.admin.csrf(page), "topic": "0005.0005.0056.1201",
            "name": "Уборка снега во дворах"})
        self.assertRedirect(r, page)
        renamed = dict(after, name="Уборка снега во дворах")
        self.assertEqual(audit("0005.0005.0056.1201", "rename"),
                         [("admin", "rename", after, renamed)])
        self.assertIn("<h1>0005.0005.0056.1201 Уборка снега во дворах</h1>",
                      self.admin.get(page).text)

        r = self.admin.post("/admin/topics/active", {
            "csrf": self.admin.csrf(page), "topic": "0005.0005.0056.1201", "active": "0"})
        self.assertRedirect(r, page)
        self.assertEqual(topic_row("0005.0005.0056.1201")[3], 0)
        off = dict(renamed, active=0)
        self.assertEqual(audit("0005.0005.0056.1201", "deactivate"),
                         [("admin", "deactivate", renamed, off)])
        self.assertIn("Состояние не используется", text_of(self.admin.get(page).text))
        item = find_item(tree_of(self.admin.get("/admin/topics").text), "0005.0005.0056.1201")
        self.assertIn("не используется", item["text"])
        # Switching off what is off changes nothing and writes nothing.
        r = self.admin.post("/admin/topics/active", {
            "csrf": self.admin.csrf(page), "topic": "0005.0005.0056.1201", "active": "0"})
        self.assertRedirect(r, page)
        self.assertEqual(len(audit("0005.0005.0056.1201", "deactivate")), 1)

        r = self.admin.post("/admin/topics/active", {
            "csrf": self.admin.csrf(page), "topic": "0005.0005.0056.1201", "active": "1"})
        self.assertRedirect(r, page)
        self.assertEqual(topic_row("0005.0005.0056.1201")[3], 1)
        self.assertEqual(audit("0005.0005.0056.1201", "activate"),
                         [("admin", "activate", off, renamed)])
        # Never deleted: there is no way to.
        self.assertEqual(STACK.query("SELECT count(*) FROM audit_log WHERE entity = "
                                     "'appeal_topic' AND action = 'delete'"), [(0,)])

    def test_a_subject_and_a_topic_under_it(self):
        self.assertRedirect(self.create(parent_topic="0003", topic="0003.0008", name="Финансы"),
                            "/admin/topics")
        self.assertRedirect(self.create(parent_topic="0003.0008", topic="0003.0008.0001",
                                        name="Налоги"), "/admin/topics")
        self.assertEqual(topic_row("0003.0008.0001"), ("0003.0008", 3, "Налоги", 1))
        section = find_item(tree_of(self.admin.get("/admin/topics").text), "0003 Экономика")
        subjects = [c["text"].strip() for c in section["children"]]
        self.assertEqual(subjects[0], "0003.0008 Финансы")  # in the order of the codes

    def test_bad_codes_are_refused(self):
        before = STACK.query("SELECT count(*) FROM appeal_topic")
        shape = ("код: код состоит из групп по четыре цифры через точку, например "
                 "0005.0005.0056.")
        cases = [
            # Not under the parent.
            (dict(parent_topic="0005.0005.0056", topic="0005.0005.0055.1300", name="Вопрос"),
             "topic", "код: код должен продолжать код 0005.0005.0056 одной группой из четырёх "
                      "цифр: 0005.0005.0056.0001, 0005.0005.0056.0002 и так далее."),
            # Two groups below the parent instead of one.
            (dict(parent_topic="0005.0005", topic="0005.0005.0056.1300", name="Вопрос"),
             "topic", "код: код должен продолжать код 0005.0005 одной группой из четырёх "
                      "цифр: 0005.0005.0001, 0005.0005.0002 и так далее."),
            # Wrong shape.
            (dict(parent_topic="0005.0005", topic="0005.0005.56", name="Тема"), "topic", shape),
            (dict(parent_topic="0005.0005", topic="5.5.56", name="Тема"), "topic", shape),
            (dict(parent_topic="0005.0005", topic="0005-0005-0057", name="Тема"), "topic", shape),
            (dict(parent_topic="0005.0005", topic="0005.0005.0057.", name="Тема"), "topic",
             shape),
            # A section's shape, but a new entry goes under a parent.
            (dict(parent_topic="0005.0005", topic="0006", name="Тема"), "topic",
             "код: код должен продолжать код 0005.0005 одной группой из четырёх "
             "цифр: 0005.0005.0001, 0005.0005.0002 и так далее."),
            # Taken.
            (dict(parent_topic="0005.0005", topic="0005.0005.0056", name="Тема"), "topic",
             "код: код 0005.0005.0056 уже занят: «Коммунальное хозяйство»."),
            # The parent.
            (dict(parent_topic="0009", topic="0009.0001", name="Тема"), "parent_topic",
             "входит в: выберите пункт классификатора из списка."),
            (dict(parent_topic="0005.0005.0056.1153", topic="0005.0005.0056.1153.0001",
                  name="Подвопрос"), "parent_topic",
             "входит в: в вопрос ничего не входит: выберите раздел, тематику или тему."),
            (dict(topic="0005.0005.0057", name="Тема"), "parent_topic",
             "входит в: обязательное поле: заполните его."),
            (dict(parent_topic="0005.0005", topic="0005.0005.0057", name="  "), "name",
             "название: обязательное поле: заполните его."),
        ]
        for fields, field, message in cases:
            with self.subTest(fields):
                r = self.create(**fields)
                self.assertRefused(r, field, message)
                # The input is kept.
                self.assertEqual(input_value(r.text, "topic"), fields.get("topic"))
                if field != "name":
                    self.assertEqual(input_value(r.text, "name"), fields["name"])
                if fields.get("parent_topic") and field != "parent_topic":
                    self.assertEqual(selected(r.text, "parent_topic"), fields["parent_topic"])
        self.assertEqual(STACK.query("SELECT count(*) FROM appeal_topic"), before)

    def test_rename_needs_a_name(self):
        page = "/admin/topics/item?topic=0003.0009.0100"
        r = self.admin.post("/admin/topics/item", {
            "csrf": self.admin.csrf(page), "topic": "0003.0009.0100", "name": ""})
        self.assertRefused(r, "name", "название: обязательное поле: заполните его.")
        self.assertEqual(topic_row("0003.0009.0100")[2], "Связь")
        r = self.admin.post("/admin/topics/item", {
            "csrf": self.admin.csrf(page), "topic": "0003.0009.9999", "name": "Другое"})
        self.assertStatus(r, 404)

    def test_readers_read_and_only_the_admin_changes(self):
        for role in READERS:
            with self.subTest(role):
                b = SESSIONS[role]
                r = b.get("/admin/topics")
                self.assertStatus(r, 200)
                self.assertIn("0005.0005.0056 Коммунальное хозяйство", r.text)
                self.assertNotIn('action="/admin/topics"', r.text)
                self.assertIn('<a href="/admin/topics"', b.get("/admin/territories").text)
                item = b.get("/admin/topics/item?topic=0005.0005")
                self.assertStatus(item, 200)
                self.assertIn("<h1>0005.0005 Жилище</h1>", item.text)
                self.assertNotIn("<form", item.text.split("<main", 1)[1].split("</main>")[0])
                for path, fields in (
                        ("/admin/topics", dict(parent_topic="0005.0005", topic="0005.0005.0070",
                                               name="Тема")),
                        ("/admin/topics/item", dict(topic="0005.0005", name="Жильё")),
                        ("/admin/topics/active", dict(topic="0005.0005", active="0"))):
                    self.assertForbidden(b.post(path, dict(fields, csrf=b.csrf())))
        self.assertEqual(topic_row("0005.0005"), ("0005", 2, "Жилище", 1))
        self.assertIsNone(topic_row("0005.0005.0070"))
        for role in ("press", "executor"):
            with self.subTest(role):
                b = SESSIONS[role]
                self.assertForbidden(b.get("/admin/topics"))
                self.assertForbidden(b.get("/admin/topics/item?topic=0005"))
        # The press reads the other reference pages but is not offered the classifier's tab.
        self.assertNotIn("/admin/topics", shown(self, SESSIONS["press"].get("/admin/territories"),
                                                "<h1>Территории</h1>").text)

    def test_without_the_form_token(self):
        r = self.admin.post("/admin/topics", dict(parent_topic="0005.0005",
                                                  topic="0005.0005.0071", name="Тема"),
                            csrf=False)
        self.assertStatus(r, 403)
        self.assertIsNone(topic_row("0005.0005.0071"))

    def test_markup_in_a_name_is_text(self):
        self.assertRedirect(self.create(parent_topic="0004.0016", topic="0004.0016.0163",
                                        name="<script>alert(1)</script>"), "/admin/topics")
        page = shown(self, self.admin.get("/admin/topics"), "<h1>Темы обращений</h1>").text
        self.assertNotIn("<script", page.lower())
        self.assertIn("0004.0016.0163 &lt;script&gt;alert(1)&lt;/script&gt;", page)


if __name__ == "__main__":
    unittest.main()
