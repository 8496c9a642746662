"""Municipalities (issue 18, first part) through the real stack: a database of a single-municipality
installation at migration 024 upgraded to one municipality with its pages unchanged; the staff
reference page of municipalities (create, edit, every field's errors in Russian beside it with the
input kept, form tokens, roles, the audit log) and the municipality of a new territory; appeals
numbered per body («БРЗ-2026-00012») by parallel clients without gaps or duplicates; and the
public pages of the demo district: the home page's settlements, each municipality's page with its
own and its district's meetings and never another settlement's, and the body named on a meeting's
page.

One stack with the demo (Советский район with Зеленоборск and Берёзовка) for the module; the
upgrade test starts a stack of its own on a database prepared at migration 024."""

import glob
import json
import os
import re
import shutil
import sqlite3
import tempfile
import threading
import time
import unittest

from helpers import shown, text_of, wait_for
from stack import ROOT, Stack, database_at
from staff import (FORM_STALE, NOT_FOR_ROLE, StaffAssertions, field_error, input_value, options,
                   selected, staff_module)

STACK = None
SESSIONS = {}
SETTINGS = {("limits", "appeals_per_minute"): "0", ("appeals", "identification"): "none"}
setUpModule, tearDownModule = staff_module(globals(), SESSIONS, settings=SETTINGS)

OWN, DISTRICT, BEREZOVKA = 1, 2, 3  # the demo's municipalities (sql/demo/zelenoborsk.sql)


def audit(entity_id, action):
    """(login, before, after) of the audit rows of one municipality and action, oldest first."""
    rows = STACK.query("SELECT login, before_json, after_json FROM audit_log WHERE entity = "
                       "'municipality' AND entity_id = ? AND action = ? ORDER BY id",
                       (entity_id, action))
    return [(login, json.loads(b) if b else None, json.loads(a) if a else None)
            for login, b, a in rows]


def appeal_fields(**over):
    f = {"addressee": "head", "surname": "Иванова", "name": "Мария", "patronymic": "",
         "email": "ivanova@residents.example", "address": "", "phone": "",
         "text": "Прошу отремонтировать дорогу к школе."}
    f.update(over)
    return {k: v for k, v in f.items() if v is not None}


def receipt_number(r):
    """The registration number the 303 of POST /appeals carries in its receipt cookie."""
    assert r.status == 303, (r.status, text_of(r.text)[:1500])
    m = re.match(r"appeal_receipt=([^~;]+)~([a-z0-9]+);", r.header("Set-Cookie") or "")
    assert m, r.header("Set-Cookie")
    return m.group(1), m.group(2)


# ---- the staff reference page --------------------------------------------------------------------
class Reference(StaffAssertions, unittest.TestCase):
    admin = property(lambda self: SESSIONS["admin"])
    organizer = property(lambda self: SESSIONS["organizer"])

    def send(self, browser, path, fields):
        return browser.post(path, dict({"csrf": browser.csrf(path)}, **fields))

    def new_fields(self, **over):
        f = {"name": "Кедровка", "municipality_kind": "rural_settlement", "district": str(DISTRICT),
             "official_name": "Сельское поселение Кедровка",
             "administration": "Администрация сельского поселения Кедровка",
             "number_code": "КДР", "slug": "kedrovka", "head": "11",
             "address": "628251, с. Кедровка, ул. Школьная, 1", "phone": "+7 34675 4-20-00",
             "email": "adm@kedrovka.example", "reception_hours": "среда, 9:00–12:00",
             "site_url": "https://kedrovka.example", "timezone": "Asia/Yekaterinburg"}
        f.update(over)
        return {k: v for k, v in f.items() if v is not None}

    def assertRefused(self, r, field, message):
        self.assertEqual(r.status, 422, text_of(r.text)[:800])
        self.assertEqual(field_error(r.text, field), message)
        self.assertIn("Проверьте форму", r.text)

    def test_the_list(self):
        r = shown(self, self.admin.get("/admin/municipalities"), "<h1>Муниципальные образования</h1>",
                  "Советский район", "Зеленоборск", "Берёзовка", "муниципальный район",
                  "сельское поселение", "Ефимова Галина Степановна", "БРЗ", "/m/berezovka")
        self.assertEqual(r.header("Cache-Control"), "no-store")
        # The reference section's tabs lead here.
        self.assertIn('href="/admin/municipalities"', self.admin.get("/admin/territories").text)

    def test_create_then_edit_with_audit(self):
        before = STACK.query("SELECT count(*) FROM municipality")[0][0]
        r = self.send(self.organizer, "/admin/municipalities", self.new_fields())
        self.assertRedirect(r, "/admin/municipalities")
        row = STACK.query("SELECT id, kind, district_id, code, slug, head_person_id, timezone "
                          "FROM municipality WHERE name = 'Кедровка'")
        self.assertEqual(len(row), 1)
        mid = row[0][0]
        self.assertEqual(row[0][1:], ("rural_settlement", DISTRICT, "КДР", "kedrovka", 11,
                                      "Asia/Yekaterinburg"))
        self.assertEqual(STACK.query("SELECT count(*) FROM municipality")[0][0], before + 1)
        [(login, b, a)] = audit(mid, "create")
        self.assertEqual((login, b, a["slug"], a["code"]), ("organizer", None, "kedrovka", "КДР"))
        # Its page exists at once, and the district's lists it.
        shown(self, STACK.get("/m/kedrovka"), "<h1>Сельское поселение Кедровка</h1>",
              "Ефимова Галина Степановна", "+7 34675 4-20-00")
        shown(self, STACK.get("/m/sovetsky-rayon"), "Поселения в составе района",
              'href="/m/kedrovka"')
        # Edit: the form shows what is stored; a change is saved and audited before and after.
        page = shown(self, self.admin.get(f"/admin/municipalities/{mid}"), "<h1>Кедровка</h1>").text
        self.assertEqual(input_value(page, "number_code"), "КДР")
        self.assertEqual(selected(page, "district"), str(DISTRICT))
        r = self.send(self.admin, f"/admin/municipalities/{mid}",
                      self.new_fields(phone="+7 34675 4-20-99", slug="kedrovka-selo"))
        self.assertRedirect(r, "/admin/municipalities")
        self.assertEqual(STACK.query("SELECT phone, slug FROM municipality WHERE id = ?", (mid,)),
                         [("+7 34675 4-20-99", "kedrovka-selo")])
        [(login, b, a)] = audit(mid, "update")
        self.assertEqual((login, b["phone"], a["phone"]), ("admin", "+7 34675 4-20-00",
                                                           "+7 34675 4-20-99"))
        shown(self, STACK.get("/m/kedrovka-selo"), "+7 34675 4-20-99")
        self.assertEqual(STACK.get("/m/kedrovka").status, 404)

    def test_every_field_refused_in_russian_with_the_input_kept(self):
        cases = [
            ({"name": ""}, "name", None),
            ({"municipality_kind": "village"}, "municipality_kind",
             "вид муниципального образования: выберите вид из списка."),
            ({"district": "999"}, "district", "входит в муниципальный район: выберите район из "
             "списка."),
            ({"district": str(BEREZOVKA)}, "district",
             "входит в муниципальный район: поселения входят только в муниципальный район."),
            ({"municipality_kind": "city_okrug"}, "district",
             "входит в муниципальный район: в муниципальный район входят только городские и "
             "сельские поселения, для этого вида оставьте поле пустым."),
            ({"number_code": "brz"}, "number_code",
             "код в номерах обращений: от 1 до 8 заглавных русских букв без пробелов, например "
             "БРЗ."),
            ({"number_code": "БРЗ"}, "number_code",
             "код в номерах обращений: этот код уже у другого муниципального образования."),
            ({"number_code": ""}, "number_code",
             "код в номерах обращений: без кода номера обращений может вести только одно "
             "муниципальное образование, а оно уже есть: укажите код."),
            ({"slug": "Берёзовка"}, "slug",
             "адрес страницы: строчные латинские буквы, цифры и дефисы, до 32 знаков, например "
             "berezovka."),
            ({"slug": "berezovka"}, "slug",
             "адрес страницы: этот адрес уже у другого муниципального образования."),
            ({"slug": ""}, "slug", None),
            ({"head": "9999"}, "head", "глава: выберите человека из справочника «Люди»."),
            ({"email": "not an address"}, "email", None),
            ({"phone": "звоните"}, "phone", None),
            ({"site_url": "kedrovka.example"}, "site_url",
             "официальный сайт: адрес сайта начинается с https:// или http://, например "
             "https://berezovka.example."),
            ({"timezone": "Asia/Kedrovka"}, "timezone",
             "часовой пояс: укажите часовой пояс из базы IANA, например Asia/Yekaterinburg "
             "(UTC+5)."),
            # A zone of its own would be stored and ignored: every deadline counts in the
            # portal's (conf/portal.ini: Asia/Yekaterinburg).
            ({"timezone": "Europe/Moscow"}, "timezone",
             "часовой пояс: сроки и время встреч портал считает по поясу Asia/Yekaterinburg "
             "(portal.ini): укажите его или оставьте поле пустым."),
        ]
        before = STACK.query("SELECT count(*) FROM municipality")[0][0]
        for over, field, message in cases:
            with self.subTest(field=field, value=list(over.values())[0]):
                fields = self.new_fields(**dict({"name": "Сосновка", "slug": "sosnovka",
                                                 "number_code": "СОС"}, **over))
                r = self.send(self.organizer, "/admin/municipalities", fields)
                self.assertEqual(r.status, 422, text_of(r.text)[:600])
                error = field_error(r.text, field)
                if message is None:
                    self.assertTrue(error, f"no error beside {field}")
                else:
                    self.assertEqual(error, message)
                self.assertIn(f'id="e-{field}"', r.text)
                # What was typed stays in the form.
                self.assertEqual(input_value(r.text, "administration"), fields["administration"])
                if field == "number_code" and over["number_code"]:
                    self.assertEqual(input_value(r.text, "number_code"), over["number_code"])
        self.assertEqual(STACK.query("SELECT count(*) FROM municipality")[0][0], before)

    def test_a_district_with_settlements_keeps_its_kind(self):
        r = self.send(self.admin, f"/admin/municipalities/{DISTRICT}",
                      self.new_fields(name="Советский район", municipality_kind="city_okrug",
                                      district="", number_code="СОВ", slug="sovetsky-rayon"))
        self.assertRefused(r, "municipality_kind",
                           "вид муниципального образования: в район входят поселения, сначала "
                           "укажите им другой район.")
        self.assertEqual(STACK.query("SELECT kind FROM municipality WHERE id = ?", (DISTRICT,)),
                         [("municipal_district",)])

    def test_a_code_once_used_in_numbers_is_not_given_to_another(self):
        # Берёзовка registers an appeal as «БРЗ-…», then takes another code.
        receipt_number(STACK.post_form("/appeals", appeal_fields(municipality=str(BEREZOVKA))))
        page = self.admin.get(f"/admin/municipalities/{BEREZOVKA}").text
        fields = {name: input_value(page, name) or "" for name in (
            "name", "official_name", "administration", "slug", "address", "phone", "email",
            "reception_hours", "site_url", "timezone")}
        fields.update({"municipality_kind": "rural_settlement", "district": str(DISTRICT),
                       "head": "11", "number_code": "БРЗК"})
        self.assertRedirect(self.send(self.admin, f"/admin/municipalities/{BEREZOVKA}", fields),
                            "/admin/municipalities")
        try:
            # «БРЗ» is free among the codes but not among the numbers: refused.
            r = self.send(self.organizer, "/admin/municipalities",
                          self.new_fields(name="Бором", slug="borom", number_code="БРЗ"))
            self.assertRefused(r, "number_code", "код в номерах обращений: с этим кодом уже "
                               "зарегистрированы обращения другого муниципального образования: "
                               "выберите другой.")
            self.assertEqual(STACK.query("SELECT count(*) FROM municipality WHERE slug = 'borom'"),
                             [(0,)])
            # Берёзовка itself may take its old code back; its numbers go on.
            fields["number_code"] = "БРЗ"
            self.assertRedirect(self.send(self.admin, f"/admin/municipalities/{BEREZOVKA}",
                                          fields), "/admin/municipalities")
        finally:
            STACK.execute("UPDATE municipality SET code = 'БРЗ' WHERE id = ?", (BEREZOVKA,))

    def test_form_token_and_roles(self):
        before = STACK.query("SELECT * FROM municipality ORDER BY id")
        # Without the session's token nothing is written.
        r = self.organizer.post("/admin/municipalities", self.new_fields(slug="tokenless",
                                                                         number_code="БТК"))
        self.assertForbidden(r, FORM_STALE)
        r = self.organizer.post(f"/admin/municipalities/{BEREZOVKA}",
                                dict(self.new_fields(), csrf=SESSIONS["admin"].csrf()))
        self.assertForbidden(r, FORM_STALE)
        # Readers see the list without the form; they may not change anything.
        for role in ("controller", "secretary", "press"):
            with self.subTest(role=role):
                page = shown(self, SESSIONS[role].get("/admin/municipalities"),
                             "<h1>Муниципальные образования</h1>", "Берёзовка").text
                self.assertNotIn('action="/admin/municipalities"', page)
                b = SESSIONS[role]
                self.assertForbidden(b.post("/admin/municipalities",
                                            dict(self.new_fields(slug="x" + role,
                                                                 number_code="ЖЖ"),
                                                 csrf=b.csrf())), NOT_FOR_ROLE)
        self.assertForbidden(SESSIONS["executor"].get("/admin/municipalities"), NOT_FOR_ROLE)
        self.assertForbidden(SESSIONS["executor"].get(f"/admin/municipalities/{BEREZOVKA}"),
                             NOT_FOR_ROLE)
        self.assertEqual(STACK.query("SELECT * FROM municipality ORDER BY id"), before)
        self.assertEqual(self.admin.get("/admin/municipalities/999").status, 404)

    def test_script_is_text(self):
        r = self.send(self.organizer, "/admin/municipalities",
                      self.new_fields(name="<script>alert(1)</script>", slug="xss",
                                      number_code="ХСС"))
        self.assertRedirect(r, "/admin/municipalities")
        page = shown(self, self.admin.get("/admin/municipalities"), "&lt;script&gt;").text
        self.assertNotIn("<script>", page)

    def test_paper_appeals_go_to_the_registry_chosen_or_their_meetings(self):
        page = shown(self, self.organizer.get("/admin/appeals/new"),
                     "В реестр какого муниципального образования").text
        self.assertIn((str(BEREZOVKA), "Берёзовка"), options(page, "municipality"))
        today = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 5 * 3600))
        # Handed in at Берёзовка's gathering in деревня Кедровая (demo meeting 5): its registry.
        r = self.send(self.organizer, "/admin/appeals",
                      {"source": "meeting", "meeting": "5", "received_on": today,
                       "surname": "Кедров", "name": "Иван", "text": "Прошу отсыпать дорогу."})
        self.assertEqual(r.status, 303, text_of(r.text)[:800])
        appeal = int(r.header("Location").rsplit("/", 1)[1])
        [(number, body)] = STACK.query("SELECT number, municipality_id FROM appeal WHERE id = ?",
                                       (appeal,))
        self.assertEqual(body, BEREZOVKA)
        self.assertTrue(number.startswith("БРЗ-"), number)
        shown(self, self.organizer.get(f"/admin/appeals/{appeal}"), number)
        # A letter to the district, chosen.
        r = self.send(self.organizer, "/admin/appeals",
                      {"source": "mail", "received_on": today, "municipality": str(DISTRICT),
                       "surname": "Районов", "name": "Пётр", "text": "О школьном автобусе."})
        self.assertEqual(r.status, 303, text_of(r.text)[:800])
        appeal = int(r.header("Location").rsplit("/", 1)[1])
        [(number, body)] = STACK.query("SELECT number, municipality_id FROM appeal WHERE id = ?",
                                       (appeal,))
        self.assertEqual(body, DISTRICT)
        self.assertTrue(number.startswith("СОВ-"), number)
        before = STACK.query("SELECT count(*) FROM appeal")[0][0]
        r = self.send(self.organizer, "/admin/appeals",
                      {"source": "mail", "received_on": today, "municipality": "999",
                       "surname": "Никто", "name": "Нигде", "text": "Текст."})
        self.assertRefused(r, "municipality", "муниципальное образование: выберите из списка.")
        self.assertEqual(input_value(r.text, "surname"), "Никто")
        self.assertEqual(STACK.query("SELECT count(*) FROM appeal")[0][0], before)

    def test_territory_belongs_to_the_municipality_chosen_or_its_parents(self):
        page = shown(self, self.organizer.get("/admin/territories"), "<h1>Территории</h1>").text
        self.assertIn(("3", "Берёзовка"), options(page, "municipality"))
        r = self.send(self.organizer, "/admin/territories",
                      {"name": "деревня Сосновая", "level": "microdistrict", "parent": "6",
                       "municipality": str(BEREZOVKA)})
        self.assertRedirect(r, "/admin/territories")
        r = self.send(self.organizer, "/admin/territories",
                      {"name": "посёлок Таёжный", "level": "settlement", "parent": "1"})
        self.assertRedirect(r, "/admin/territories")
        self.assertEqual(STACK.query("SELECT name, municipality_id FROM territory WHERE name IN "
                                     "('деревня Сосновая', 'посёлок Таёжный') ORDER BY name"),
                         [("деревня Сосновая", BEREZOVKA), ("посёлок Таёжный", DISTRICT)])
        r = self.send(self.organizer, "/admin/territories",
                      {"name": "деревня Лишняя", "level": "microdistrict", "parent": "6",
                       "municipality": "999"})
        self.assertRefused(r, "municipality", "муниципальное образование: выберите "
                           "муниципальное образование из списка.")


# ---- appeals numbered per body -------------------------------------------------------------------
class Numbering(unittest.TestCase):
    def test_parallel_appeals_to_two_bodies_are_numbered_one_to_n_each(self):
        # Two settlements of the district with no appeals yet.
        bodies = {}
        for code, slug in (("ПАР", "parallelnoe"), ("СОСЕД", "sosednee")):
            STACK.execute("INSERT INTO municipality (kind, district_id, name, code, slug) "
                          "VALUES ('rural_settlement', ?, ?, ?, ?)", (DISTRICT, slug, code, slug))
            bodies[code] = STACK.query("SELECT id FROM municipality WHERE code = ?", (code,))[0][0]
        n = 12
        jobs = [bodies["ПАР"]] * n + [bodies["СОСЕД"]] * n
        results, errors, lock = [], [], threading.Lock()

        def send(body, i):
            try:
                r = STACK.post_form("/appeals", appeal_fields(municipality=str(body),
                                                              surname=f"Параллельный{i}"))
                number = receipt_number(r)[0]
                with lock:
                    results.append((body, number))
            except Exception as e:  # reported below
                with lock:
                    errors.append(repr(e))

        threads = [threading.Thread(target=send, args=(body, i)) for i, body in enumerate(jobs)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        self.assertEqual(errors, [])
        self.assertEqual(len(results), 2 * n)
        for code, body in bodies.items():
            rows = STACK.query("SELECT year, number FROM appeal WHERE municipality_id = ? "
                               "AND surname LIKE 'Параллельный%' ORDER BY number", (body,))
            year = rows[0][0]
            # 1..n in the body's registry: no gap, no duplicate.
            self.assertEqual([r[1] for r in rows],
                             [f"{code}-{year}-{i:05d}" for i in range(1, n + 1)])
            # Each client got one of them in its receipt, none twice.
            got = sorted(urllib_unquote(num) for b, num in results if b == body)
            self.assertEqual(got, [r[1] for r in rows])

    def test_body_from_the_territory_or_the_own_municipality(self):
        # Деревня Кедровая (territory 7) lies in Берёзовка: its registry, its code.
        number, code = receipt_number(STACK.post_form("/appeals", appeal_fields(territory="7")))
        number = urllib_unquote(number)
        self.assertTrue(number.startswith("БРЗ-"), number)
        self.assertEqual(STACK.query("SELECT municipality_id FROM appeal WHERE number = ?",
                                     (number,)), [(BEREZOVKA,)])
        # The receipt page and the status page show the number as issued.
        cookie = f"appeal_receipt={STACK_quote(number)}~{code}"
        shown(self, STACK.get("/appeals/received", headers={"Cookie": cookie}), number)
        shown(self, STACK.post_form("/appeals/status", {"number": number, "code": code}),
              "зарегистрировано")
        # Without a territory or a choice: the own municipality, whose numbers have no code.
        plain, _ = receipt_number(STACK.post_form("/appeals", appeal_fields()))
        self.assertRegex(plain, r"^\d{4}-\d{5}$")
        self.assertEqual(STACK.query("SELECT municipality_id FROM appeal WHERE number = ?",
                                     (plain,)), [(OWN,)])

    def test_open311_serves_a_bodys_appeal_under_its_number(self):
        # Regression: the router's words were ASCII, so «БРЗ-…» never reached the handler (404),
        # and every request named the own administration as responsible.
        number, _ = receipt_number(STACK.post_form("/appeals", appeal_fields(territory="7")))
        number = urllib_unquote(number)
        self.assertTrue(number.startswith("БРЗ-"), number)
        STACK.execute("UPDATE appeal SET status = 'answered', answered_at = unixepoch(), "
                      "public_question = 'Когда починят мост?', public_answer = 'В мае.', "
                      "published_at = unixepoch() WHERE number = ?", (number,))
        administration = STACK.query("SELECT administration FROM municipality WHERE id = ?",
                                     (BEREZOVKA,))[0][0]
        self.assertTrue(administration)
        r = STACK.get(f"/api/open311/v2/requests/{STACK_quote(number)}.json")
        self.assertEqual(r.status, 200, r.text[:300])
        [item] = json.loads(r.body)
        self.assertEqual((item["service_request_id"], item["status"], item["status_notes"],
                          item["agency_responsible"]),
                         (number, "closed", "В мае.", administration))
        r = STACK.get("/api/open311/v2/requests.json?service_request_id=" + STACK_quote(number))
        self.assertEqual(r.status, 200, r.text[:300])
        self.assertEqual([i["service_request_id"] for i in json.loads(r.body)], [number])
        # An unknown number of the same shape is the spec's 404, not a missing route.
        r = STACK.get("/api/open311/v2/requests/" + STACK_quote("БРЗ-1999-00001") + ".json")
        self.assertEqual(r.status, 404)
        self.assertEqual(json.loads(r.body)[0]["code"], 404)

    def test_the_acknowledgement_is_signed_by_the_body(self):
        def mail(number):
            return STACK.query("SELECT recipient, subject, body FROM outbox WHERE dedup_key = "
                               "(SELECT 'acknowledgement:' || id FROM appeal WHERE number = ?)",
                               (number,))
        number, _ = receipt_number(STACK.post_form("/appeals", appeal_fields(
            municipality=str(BEREZOVKA), email="berez@residents.example")))
        number = urllib_unquote(number)
        [(to, subject, body)] = mail(number)
        self.assertEqual((to, subject), ("berez@residents.example",
                                         f"Обращение зарегистрировано: № {number}"))
        self.assertIn(f"Регистрационный номер: {number}", body)
        self.assertIn("Администрация сельского поселения Берёзовка", body)
        self.assertIn("Телефон: +7 34675 4-10-00", body)
        self.assertNotIn("Зеленоборск", body)
        # The own municipality's mail is signed as before, from portal.ini.
        plain, _ = receipt_number(STACK.post_form("/appeals", appeal_fields(
            email="own@residents.example")))
        [(_, _, body)] = mail(plain)
        self.assertIn("Администрация городского поселения Зеленоборск", body)
        self.assertIn("Телефон: +7 34675 2-00-00", body)

    def test_the_form_offers_the_bodies_and_refuses_an_unknown_one(self):
        page = shown(self, STACK.get("/appeals/new?municipality=3"),
                     "Муниципальное образование, в которое вы обращаетесь").text
        self.assertIn(("3", "Сельское поселение Берёзовка"), options(page, "municipality"))
        self.assertEqual(selected(page, "municipality"), "3")
        before = STACK.query("SELECT count(*) FROM appeal")[0][0]
        r = STACK.post_form("/appeals", appeal_fields(municipality="999"))
        self.assertEqual(r.status, 422)
        self.assertEqual(field_error(r.text, "municipality"),
                         "муниципальное образование: выберите из списка.")
        self.assertEqual(STACK.query("SELECT count(*) FROM appeal")[0][0], before)


def urllib_unquote(text):
    import urllib.parse
    return urllib.parse.unquote(text)


def STACK_quote(text):
    import urllib.parse
    return urllib.parse.quote(text, safe="-")


# ---- public pages --------------------------------------------------------------------------------
class Public(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # A district-wide meeting ahead (territory 1, the district's): it concerns both
        # settlements.
        cls.district_meeting = "Публичные слушания по схеме территориального планирования района"
        STACK.execute(
            "INSERT INTO meeting (kind, title, territory_id, venue_id, starts_at, ends_at, "
            "status, announced_at) VALUES ('public_hearing', ?, 1, 1, unixepoch('now', "
            "'+20 days'), unixepoch('now', '+20 days', '+2 hours'), 'approved', unixepoch())",
            (cls.district_meeting,))

    def test_home_lists_the_settlements(self):
        page = shown(self, STACK.get("/"), "Поселения в составе района",
                     "Городское поселение Зеленоборск", "Сельское поселение Берёзовка",
                     "Соколова Анна Викторовна", "Ефимова Галина Степановна",
                     'href="/m/zelenoborsk"', 'href="/m/berezovka"', 'href="/m/sovetsky-rayon"',
                     "+7 34675 4-10-00").text
        self.assertIn("сельское поселение", text_of(page))

    def test_a_settlement_shows_its_own_and_the_districts_meetings_only(self):
        berezovka = shown(self, STACK.get("/m/berezovka"),
                          "<h1>Сельское поселение Берёзовка</h1>", "Ефимова Галина Степановна",
                          "вторник и четверг, 9:00–13:00", 'href="/m/sovetsky-rayon"',
                          "Сход граждан деревни Кедровая", self.district_meeting).text
        # Зеленоборск's next head's meeting (demo meeting 23) is not Берёзовка's.
        self.assertNotIn("Встреча главы с жителями: первое полугодие", berezovka)
        self.assertNotIn('href="/meetings/23"', berezovka)
        zelenoborsk = shown(self, STACK.get("/m/zelenoborsk"),
                            "<h1>Городское поселение Зеленоборск</h1>",
                            "Соколова Анна Викторовна",
                            "Встреча главы с жителями: первое полугодие",
                            self.district_meeting).text
        self.assertNotIn("Сход граждан деревни Кедровая", zelenoborsk)
        district = shown(self, STACK.get("/m/sovetsky-rayon"),
                         "<h1>Советский муниципальный район</h1>", "Григорьев Алексей Николаевич",
                         "Поселения в составе района", 'href="/m/berezovka"',
                         self.district_meeting).text
        self.assertNotIn("Сход граждан деревни Кедровая", district)
        self.assertEqual(STACK.get("/m/nowhere").status, 404)

    def test_a_meeting_names_its_body(self):
        shown(self, STACK.get("/meetings/24"), "Муниципальное образование",
              '<a href="/m/berezovka">Сельское поселение Берёзовка</a>')
        shown(self, STACK.get("/meetings/23"),
              '<a href="/m/zelenoborsk">Городское поселение Зеленоборск</a>')
        self.assertEqual(STACK.query("SELECT municipality_id FROM meeting WHERE id IN (23, 24, 25) "
                                     "ORDER BY id"), [(OWN,), (BEREZOVKA,), (DISTRICT,)])


# ---- the upgrade of a single-municipality database ------------------------------------------------
class Upgrade(unittest.TestCase):
    def test_a_database_at_024_moves_into_one_municipality_and_looks_the_same(self):
        work = tempfile.mkdtemp(prefix="portal-upgrade-")
        try:
            self.upgrade(work)
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def upgrade(self, work):
        # A database as the release before migration 025 left it.
        db_path = database_at(work, 24)
        year = time.gmtime(time.time() + 5 * 3600).tm_year
        conn = sqlite3.connect(db_path)
        try:
            self.assertEqual(conn.execute("PRAGMA user_version").fetchone()[0], 24)
            conn.executescript(f"""
                INSERT INTO territory (id, parent_id, level, name) VALUES
                 (1, NULL, 'settlement', 'городское поселение Зеленоборск'),
                 (2, 1, 'microdistrict', 'микрорайон Северный');
                INSERT INTO venue (id, territory_id, name, address, kind) VALUES
                 (1, 2, 'Клуб «Север»', 'ул. Северная, 1', 'culture');
                INSERT INTO meeting (id, kind, title, territory_id, venue_id, starts_at, ends_at,
                                     status, announced_at) VALUES
                 (1, 'head_mass', 'Встреча главы с жителями микрорайона Северный', 2, 1,
                  unixepoch('now', '+12 days'), unixepoch('now', '+12 days', '+2 hours'),
                  'approved', unixepoch());
                INSERT INTO appeal (id, year, seq, number, code_hash, source, addressee, surname,
                                    name, text, received_at, registered_at, answer_due,
                                    forward_due, territory_id)
                 VALUES (1, {year}, 7, '{year}-00007', randomblob(32), 'mail', 'head', 'Орлов',
                         'Пётр', 'Прошу починить фонарь.', unixepoch(), unixepoch(),
                         date('now', '+30 days'), date('now', '+7 days'), 2);
                INSERT INTO appeal_counter (year, last) VALUES ({year}, 7);
            """)
            conn.commit()
        finally:
            conn.close()  # the last connection: the WAL goes into the file copied below
        # The new release starts on it: `portal-admin init` migrates, then the workers serve.

        class Upgraded(Stack):
            def _write_config(self):
                super()._write_config()
                shutil.copy(db_path, os.path.join(self.data, "portal.db"))

        stack = Upgraded(settings=SETTINGS).start()
        try:
            latest = max(int(os.path.basename(p)[:3])
                         for p in glob.glob(os.path.join(ROOT, "sql", "0*.sql")))
            self.assertGreaterEqual(latest, 25)
            self.assertEqual(stack.query("PRAGMA user_version"), [(latest,)])
            self.assertEqual(stack.query("SELECT id, name, kind, own, slug, timezone FROM "
                                         "municipality"),
                             [(1, "Зеленоборск", "urban_settlement", 1, "zelenoborsk",
                               "Asia/Yekaterinburg")])
            self.assertEqual(stack.query("SELECT DISTINCT municipality_id FROM territory"), [(1,)])
            self.assertEqual(stack.query("SELECT municipality_id FROM meeting"), [(1,)])
            self.assertEqual(stack.query("SELECT municipality_id FROM appeal"), [(1,)])
            # Pages as before: nothing about municipalities when there is one.
            home = shown(self, stack.get("/"), "<h1>Встречи с населением</h1>",
                         "Встреча главы с жителями микрорайона Северный").text
            self.assertNotIn("Поселения в составе района", home)
            meeting = shown(self, stack.get("/meetings/1"),
                            "Встреча главы с жителями микрорайона Северный",
                            "микрорайон Северный").text
            self.assertNotIn("Муниципальное образование", meeting)
            form = shown(self, stack.get("/appeals/new"), "Адресат").text
            self.assertNotIn('name="municipality"', form)
            # Numbers go on from the year's counter, in the same format.
            r = stack.post_form("/appeals", appeal_fields(territory="2"))
            self.assertEqual(receipt_number(r)[0], f"{year}-00008")
            # A second start does not fill the municipality from portal.ini again.
            stack.execute("UPDATE municipality SET phone = '+7 000' WHERE id = 1")
            self.assertEqual(stack.admin("init").returncode, 0)
            self.assertEqual(stack.query("SELECT name, phone FROM municipality"),
                             [("Зеленоборск", "+7 000")])
        finally:
            stack.close()


if __name__ == "__main__":
    unittest.main()
