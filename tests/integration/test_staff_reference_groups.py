"""What the notifier needs to know whom to mail, as staff enter it: reference groups (decree
№ 1617-па on reference groups) under «Справочники» with their participants (name, organisation,
e-mail), the groups ticked on the meeting form («Рассылка референтным группам», saved to
meeting_reference_group and in the meeting's audit record), and staff e-mail addresses on
/admin/users. Create, edit, errors in Russian beside the fields with the input kept (422), unknown
ids (404), roles (admin and organizer change; controller, secretary and press read; executor 403;
press and executor 403 on POST), audit records.

One stack for the module with the demo municipality (reference groups 1 and 2)."""

import json
import re
import unittest

import helpers
from helpers import day, local_input, main_of, shown, table_rows, text_of
from staff import (FORM_STALE, NOT_FOR_ROLE, StaffAssertions, browser_form, field_error,
                   form_errors, input_value, staff_module)

STACK = None
SESSIONS = {}
setUpModule, tearDownModule = staff_module(globals(), SESSIONS, with_token=True)


def audit(entity, entity_id):
    """(action, before, after) of the audit rows of one entity, oldest first, JSON parsed."""
    rows = STACK.query("SELECT action, before_json, after_json FROM audit_log "
                       "WHERE entity = ? AND entity_id = ? ORDER BY id", (entity, entity_id))
    return [(a, json.loads(b) if b else None, json.loads(c) if c else None) for a, b, c in rows]


# How a participant's consent to the mail was given (152-ФЗ): required with a new address.
CONSENT = "письменное согласие от 1 декабря 2026 г."


def group_fields(name=None, summary="", members=()):
    """The group form: members as (name, organisation, email) rows, then blank rows as a
    browser sends them."""
    fields = [("name", name if name is not None else helpers.unique("Группа")),
              ("summary", summary)]
    for n, o, e in list(members) + [("", "", "")] * 3:
        fields += [("member_name", n), ("member_organisation", o), ("member_email", e),
                   ("member_consent", CONSENT if e else "")]
    return fields


def members(group_id):
    return STACK.query("SELECT name, organisation, email FROM reference_group_member "
                       "WHERE group_id = ? ORDER BY id", (group_id,))


def created_id(r):
    m = re.fullmatch(r"/admin/reference-groups/(\d+)", r.header("Location") or "")
    assert r.status == 303 and m, (r.status, form_errors(r.text), r.header("Location"))
    return int(m.group(1))


def checked_groups(page):
    return sorted(int(v) for v in re.findall(
        r'<input type="checkbox" id="f-reference_group-\d+" name="reference_group" '
        r'value="(\d+)" checked>', page))


class ReferenceGroups(StaffAssertions, unittest.TestCase):
    def test_reachable_from_the_reference_tabs_and_the_demo_groups_listed(self):
        page = SESSIONS["press"].get("/admin/territories").text
        self.assertIn('<a href="/admin/reference-groups">Референтные группы</a>', page)
        r = SESSIONS["secretary"].get("/admin/reference-groups")
        self.assertStatus(r, 200)
        # The demo serves three municipalities: each group names its body (migration 030).
        rows = [" | ".join(text_of(c) for c in (cells[0], cells[1], cells[3]))
                for _, cells in table_rows(r.text)]
        self.assertIn("Предприниматели Зеленоборска | Зеленоборск | 3", rows)
        self.assertIn("Старшее поколение | Зеленоборск | 2", rows)
        self.assertNotIn("<form class=\"form\"", main_of(r.text))  # readers get no form
        one = SESSIONS["controller"].get("/admin/reference-groups/1")
        self.assertStatus(one, 200)
        self.assertIn("info@zbtrans.example", one.text)
        self.assertIn("ООО «Зеленоборсктранс»", text_of(one.text))

    def test_create_with_members_audited(self):
        name = helpers.unique("Молодёжный совет")
        r = SESSIONS["organizer"].post("/admin/reference-groups", group_fields(
            name, "Студенты и работающая молодёжь.",
            [("Ким Алина", "Молодёжный совет", "kim@youth.example"),
             ("Белов Артём", "", "belov@youth.example")]))
        gid = created_id(r)
        self.assertEqual(STACK.query("SELECT name, description FROM reference_group WHERE id = ?",
                                     (gid,)), [(name, "Студенты и работающая молодёжь.")])
        self.assertEqual(members(gid), [("Ким Алина", "Молодёжный совет", "kim@youth.example"),
                                        ("Белов Артём", "", "belov@youth.example")])
        [(action, before, after)] = audit("reference_group", gid)
        self.assertEqual(action, "create")
        self.assertIsNone(before)
        consent_at = after["members"][1].pop("consent_at")
        self.assertIsInstance(consent_at, int)
        self.assertEqual(after["members"][1], {"name": "Белов Артём", "organisation": "",
                                               "email": "belov@youth.example",
                                               "consent": CONSENT, "withdrawn_at": None})
        page = SESSIONS["organizer"].get(f"/admin/reference-groups/{gid}")
        self.assertStatus(page, 200)
        self.assertEqual(input_value(page.text, "name"), name)
        # The edit form shows both rows and three blank ones.
        self.assertEqual(page.text.count('name="member_email"'), 5)

    def test_edit_replaces_members(self):
        gid = created_id(SESSIONS["admin"].post("/admin/reference-groups", group_fields(
            members=[("Первый", "", "one@x.example"), ("Второй", "", "two@x.example")])))
        page = SESSIONS["admin"].get(f"/admin/reference-groups/{gid}").text
        fields = browser_form(page, f"/admin/reference-groups/{gid}")
        # Clear the first row, add a third participant in a blank row.
        out, row = [], 0
        for k, v in fields:
            if k == "member_name":
                row += 1
            if row == 1 and k.startswith("member_"):
                v = ""
            if row == 3 and k == "member_name":
                v = "Третий"
            if row == 3 and k == "member_email":
                v = "three@x.example"
            if row == 3 and k == "member_consent":
                v = CONSENT
            out.append((k, v))
        r = SESSIONS["admin"].post(f"/admin/reference-groups/{gid}", out)
        self.assertRedirect(r, f"/admin/reference-groups/{gid}")
        self.assertEqual(members(gid), [("Второй", "", "two@x.example"),
                                        ("Третий", "", "three@x.example")])
        action, before, after = audit("reference_group", gid)[-1]
        self.assertEqual(action, "update")
        self.assertEqual([m["email"] for m in before["members"]], ["one@x.example", "two@x.example"])
        self.assertEqual([m["email"] for m in after["members"]], ["two@x.example", "three@x.example"])

    def test_errors_beside_the_fields_and_rows_kept(self):
        r = SESSIONS["organizer"].post("/admin/reference-groups", group_fields(
            "", "", [("Без адреса", "Орг", ""), ("Плохой адрес", "", "bad@"),
                     ("Дубль", "", "same@x.example"), ("Дубль 2", "", "SAME@x.example")]))
        self.assertStatus(r, 422)
        self.assertIn("обязательное поле", field_error(r.text, "name"))
        text = text_of(main_of(r.text))
        self.assertIn("Строка 1: укажите адрес электронной почты", text)
        self.assertIn("Строка 2: адрес: ожидается адрес вида name@example.ru", text)
        self.assertIn("Строка 4: этот адрес уже есть в группе", text)
        self.assertIn('value="Плохой адрес"', r.text)
        self.assertIn('value="bad@"', r.text)
        self.assertIn('value="Орг"', r.text)
        self.assertTrue(any("строка 1" in e for e in form_errors(r.text)), form_errors(r.text))
        # A taken name.
        r = SESSIONS["organizer"].post("/admin/reference-groups",
                                       group_fields("Старшее поколение"))
        self.assertStatus(r, 422)
        self.assertEqual(field_error(r.text, "name"), "название: группа с таким названием уже есть.")

    def test_roles(self):
        for role in ("press", "executor", "secretary", "controller"):
            before = STACK.query("SELECT count(*) FROM reference_group")[0][0]
            r = SESSIONS[role].post("/admin/reference-groups", group_fields())
            self.assertForbidden(r)
            r = SESSIONS[role].post("/admin/reference-groups/1", group_fields("Взлом"))
            self.assertForbidden(r)
            self.assertEqual(STACK.query("SELECT count(*) FROM reference_group")[0][0], before)
        self.assertForbidden(SESSIONS["executor"].get("/admin/reference-groups"))
        self.assertEqual(SESSIONS["admin"].get("/admin/reference-groups/99999").status, 404)
        # Without the form token.
        r = SESSIONS["admin"].post("/admin/reference-groups", group_fields(), csrf=False)
        self.assertForbidden(r, FORM_STALE)

    def test_script_is_text(self):
        xss = "<script>alert(1)</script>"
        gid = created_id(SESSIONS["admin"].post("/admin/reference-groups", group_fields(
            helpers.unique(xss), xss, [(xss, xss, "x@x.example")])))
        page = shown(self, SESSIONS["admin"].get(f"/admin/reference-groups/{gid}")).text
        self.assertNotIn(xss, page)
        self.assertIn("&lt;script&gt;", page)


class MeetingForm(StaffAssertions, unittest.TestCase):
    def meeting_fields(self, groups):
        d = day(8)
        return [("kind", "gathering"), ("title", helpers.unique("Сход")), ("territory", "3"),
                ("venue", "2"), ("starts_at", local_input(d, "18:00")),
                ("ends_at", local_input(d, "19:00"))] + [("reference_group", str(g))
                                                         for g in groups]

    def test_new_meeting_with_two_groups(self):
        form = SESSIONS["organizer"].get("/admin/meetings/new").text
        self.assertIn("<legend>Рассылка референтным группам</legend>", form)
        # Each choice names its body where the portal serves several (migration 030).
        self.assertIn("Предприниматели Зеленоборска — Зеленоборск (3 участника)", text_of(form))
        self.assertIn("Старшее поколение — Зеленоборск (2 участника)", text_of(form))
        r = SESSIONS["organizer"].post("/admin/meetings", self.meeting_fields([1, 2]))
        self.assertEqual(r.status, 303, form_errors(r.text))
        mid = int(r.header("Location").rsplit("/", 1)[1])
        self.assertEqual(STACK.query("SELECT group_id FROM meeting_reference_group "
                                     "WHERE meeting_id = ? ORDER BY group_id", (mid,)),
                         [(1,), (2,)])
        [(action, _, after)] = audit("meeting", mid)
        self.assertEqual((action, after["reference_groups"]), ("create", [1, 2]))
        page = SESSIONS["organizer"].get(f"/admin/meetings/{mid}").text
        self.assertEqual(checked_groups(page), [1, 2])
        # Editing with one box unticked keeps one group; the audit shows both states.
        fields = [(k, v) for k, v in browser_form(page, f"/admin/meetings/{mid}")
                  if not (k == "reference_group" and v == "1")]
        r = SESSIONS["organizer"].post(f"/admin/meetings/{mid}", fields)
        self.assertEqual(r.status, 303, form_errors(r.text))
        self.assertEqual(STACK.query("SELECT group_id FROM meeting_reference_group "
                                     "WHERE meeting_id = ?", (mid,)), [(2,)])
        action, before, after = audit("meeting", mid)[-1]
        self.assertEqual((action, before["reference_groups"], after["reference_groups"]),
                         ("update", [1, 2], [2]))

    def test_unknown_group_is_refused_with_the_ticks_kept(self):
        r = SESSIONS["organizer"].post("/admin/meetings", self.meeting_fields([2, 999]))
        self.assertStatus(r, 422)
        self.assertIn("выберите группу из списка", text_of(r.text))
        self.assertEqual(checked_groups(r.text), [2])


class StaffEmail(StaffAssertions, unittest.TestCase):
    def test_create_with_email(self):
        r = SESSIONS["admin"].post("/admin/users", {
            "login": "mailer", "full_name": "Почтовая Ольга", "role": "controller",
            "new_password": "a long enough password", "email": "mailer@zelenoborsk.example"})
        self.assertRedirect(r, "/admin/users")
        self.assertEqual(STACK.query("SELECT email FROM staff_user WHERE login = 'mailer'"),
                         [("mailer@zelenoborsk.example",)])
        uid = STACK.query("SELECT id FROM staff_user WHERE login = 'mailer'")[0][0]
        [(action, _, after)] = audit("staff_user", uid)
        self.assertEqual((action, after["email"]), ("create", "mailer@zelenoborsk.example"))
        self.assertIn("mailer@zelenoborsk.example", SESSIONS["admin"].get("/admin/users").text)

    def test_create_with_bad_email(self):
        r = SESSIONS["admin"].post("/admin/users", {
            "login": "badmailer", "role": "press", "new_password": "a long enough password",
            "email": "nope@"})
        self.assertStatus(r, 422)
        self.assertEqual(field_error(r.text, "email"),
                         "электронная почта: ожидается адрес вида name@example.ru.")
        self.assertEqual(input_value(r.text, "email"), "nope@")
        self.assertEqual(STACK.query("SELECT count(*) FROM staff_user WHERE login = 'badmailer'"),
                         [(0,)])

    def test_edit_email(self):
        uid = STACK.query("SELECT id FROM staff_user WHERE login = 'secretary'")[0][0]
        page = SESSIONS["admin"].get(f"/admin/users/{uid}")
        self.assertStatus(page, 200)
        self.assertEqual(input_value(page.text, "email"), "secretary@zelenoborsk.example")
        self.assertIn(f'<a href="/admin/users/{uid}">secretary</a>',
                      SESSIONS["admin"].get("/admin/users").text)
        r = SESSIONS["admin"].post(f"/admin/users/{uid}", {"full_name": "Секретарь ИГ",
                                                           "email": "ig-secretary@zelenoborsk.example"})
        self.assertRedirect(r, "/admin/users")
        self.assertEqual(STACK.query("SELECT full_name, email FROM staff_user WHERE id = ?", (uid,)),
                         [("Секретарь ИГ", "ig-secretary@zelenoborsk.example")])
        action, before, after = audit("staff_user", uid)[-1]
        self.assertEqual((action, before["email"], after["email"]),
                         ("update", "secretary@zelenoborsk.example",
                          "ig-secretary@zelenoborsk.example"))
        self.assertNotIn("password", json.dumps(after))
        # A bad address is refused beside the field; an empty one removes it.
        r = SESSIONS["admin"].post(f"/admin/users/{uid}", {"full_name": "x", "email": "a b@c.ru"})
        self.assertStatus(r, 422)
        self.assertIn("электронная почта", field_error(r.text, "email"))
        self.assertEqual(input_value(r.text, "email"), "a b@c.ru")
        r = SESSIONS["admin"].post(f"/admin/users/{uid}", {"full_name": "Секретарь ИГ", "email": ""})
        self.assertRedirect(r, "/admin/users")
        self.assertEqual(STACK.query("SELECT email FROM staff_user WHERE id = ?", (uid,)), [("",)])

    def test_only_admins(self):
        uid = STACK.query("SELECT id FROM staff_user WHERE login = 'press'")[0][0]
        for role in ("organizer", "press", "executor"):
            self.assertForbidden(SESSIONS[role].get(f"/admin/users/{uid}"))
            self.assertForbidden(SESSIONS[role].post(f"/admin/users/{uid}",
                                                     {"email": "evil@x.example"}))
        self.assertEqual(STACK.query("SELECT email FROM staff_user WHERE id = ?", (uid,)),
                         [("press@zelenoborsk.example",)])
        self.assertEqual(SESSIONS["admin"].get("/admin/users/99999").status, 404)


# ---- a database error is not a missing record (issue 15, item 2) ----------------------------
class StepError(StaffAssertions, unittest.TestCase):
    def test_a_failing_consent_lookup_is_an_error_not_a_participant_without_consent(self):
        name = helpers.unique("Совет ветеранов")
        fields = [("name", name), ("summary", ""), ("member_name", "Орлова Нина"),
                  ("member_organisation", ""), ("member_email", "orlova@veterans.example"),
                  ("member_consent", "")]
        # The consent lookup now fails when stepped (its table is away): the form must not
        # say the participant has no consent, and nothing is saved.
        STACK.execute("ALTER TABLE reference_consent RENAME TO reference_consent_away")
        try:
            r = SESSIONS["organizer"].post("/admin/reference-groups", fields)
            self.assertStatus(r, 500)
            self.assertIn("Внутренняя ошибка сайта", r.text)
            self.assertNotIn("согласие участника", text_of(main_of(r.text)))
        finally:
            STACK.execute("ALTER TABLE reference_consent_away RENAME TO reference_consent")
        self.assertEqual(STACK.query("SELECT count(*) FROM reference_group WHERE name = ?",
                                     (name,)), [(0,)])
        # With the table back the same form is refused beside the row for the consent.
        r = SESSIONS["organizer"].post("/admin/reference-groups", fields)
        self.assertStatus(r, 422)
        self.assertIn("Строка 1: укажите, как и когда получено согласие участника",
                      text_of(main_of(r.text)))
        self.assertIn('value="orlova@veterans.example"', r.text)


if __name__ == "__main__":
    unittest.main()
