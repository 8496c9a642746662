"""Staff accounts scoped to bodies (issue 18 item 3) through the real stack: an account bound to a
settlement works for that settlement only, one bound to the district for the district and its
settlements, one without a body for the whole installation. Every staff route whose number names
a record (taken from `portal --routes`, so a new route cannot be forgotten) answers 404 to another
body's record, on GET and on POST with a valid form token, and writes nothing; lists show the
account's own records and not the other settlement's; forms refuse another body's territory or
body with the error beside the field; accounts and municipalities are changed by accounts of the
whole installation only, and /admin/users and `portal-admin user add` bind an account to a body.

One stack with the demo (Советский район with Зеленоборск and Берёзовка), a twin set of records in
each settlement made in SQL, and accounts made with `portal-admin user add --municipality`."""

import csv
import html
import io
import json
import re
import time
import unittest
import urllib.parse
from datetime import date

from helpers import epoch, main_of, multipart, shown, text_of
from stack import portal_routes
from staff import Browser, StaffAssertions, field_error, form_errors, options, staff_module

STACK = None
SESSIONS = {}
_setup, _teardown = staff_module(globals(), SESSIONS, with_token=True)

OWN, DISTRICT, BEREZOVKA = 1, 2, 3  # the demo's municipalities (sql/demo/zelenoborsk.sql)
PASSWORD = "scope-password-1"
# login: (role, municipality slug) — created with portal-admin in setUpModule.
ACCOUNTS = {
    "brzadmin": ("admin", "berezovka"),
    "brzorg": ("organizer", "berezovka"),
    "zelorg": ("organizer", "zelenoborsk"),
    "sovorg": ("organizer", "sovetsky-rayon"),
}
# The staff routes whose number names something of the whole installation, not of one body:
# why each is not scoped. Accounts are changed by accounts of the whole installation only
# (ROUTE_INSTALLATION, tested below).
INSTALLATION_WIDE = {
    "/admin/people/#": "the directory of people is shared by the district and its settlements",
    "/admin/calendar/#": "the production calendar is the country's",
    "/admin/calendar/#/days": "the production calendar is the country's",
    "/admin/calendar/#/remove": "the production calendar is the country's",
}
NOT_FOUND = "Страница не найдена"
# Tables whose rows a refused request must leave as they were.
WATCHED = ("meeting", "appeal", "appeal_event", "appeal_file", "instruction", "protocol",
           "meeting_series", "reception_schedule", "reception", "reception_booking", "territory",
           "municipality", "info_group", "info_group_member", "venue", "discussion",
           "discussion_proposal", "survey", "outbox", "staff_user", "audit_log",
           "reference_group", "reference_group_member", "meeting_reference_group",
           "plan_measure", "plan_record", "media_contact")


def insert(sql, params=()):
    """Run one INSERT on the stack's database; the new row's id."""
    conn = STACK.db()
    try:
        cur = conn.execute(sql, params)
        conn.commit()
        return cur.lastrowid
    finally:
        conn.close()


def clone(table, source_id, **over):
    """A copy of row SOURCE_ID of TABLE with the columns of OVER set to those SQL expressions."""
    cols = [c[1] for c in STACK.query(f"SELECT * FROM pragma_table_info('{table}')") if c[1] != "id"]
    exprs = [over.get(c, c) for c in cols]
    return insert(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(exprs)} "
                  f"FROM {table} WHERE id = ?", (source_id,))


def make_records(tag, territory, venue, person, held_meeting, approved_reception_meeting):
    """One record of every kind a staff route names, in the municipality of TERRITORY: {owner
    name as `portal --routes` prints it: id}, plus the titles and numbers lists show."""
    now = int(time.time())
    seq = STACK.query("SELECT max(seq) + 1 FROM appeal")[0][0]
    appeal = clone("appeal", 2, seq=str(seq), number=f"'SCOPE-{tag}'", code_hash="randomblob(32)",
                   territory_id=str(territory), municipality_id="NULL",
                   text=f"'Обращение {tag}: прошу починить мост.'", surname=f"'Жителев{tag}'")
    STACK.execute("UPDATE appeal SET municipality_id = (SELECT municipality_id FROM territory "
                  "WHERE id = ?) WHERE id = ?", (territory, appeal))
    # The year's order counts it, as appeal_create would (UNIQUE (year, seq)).
    STACK.execute("UPDATE appeal_counter SET last = ? WHERE year = (SELECT year FROM appeal "
                  "WHERE id = ?)", (seq, appeal))
    appeal_file = insert("INSERT INTO appeal_file (appeal_id, file_name, mime, size, sha256) "
                         "VALUES (?, 'scan.pdf', 'application/pdf', 10, ?)", (appeal, "a" * 64))
    instruction = insert("INSERT INTO instruction (appeal_id, text, executor_id, controller_id, "
                         "due_on, created_at, updated_at) VALUES (?, ?, 5, 6, '2099-01-01', ?, ?)",
                         (appeal, f"Поручение {tag}: проверить мост", now, now))
    series = insert("INSERT INTO meeting_series (title, kind, rule, created_at) "
                    "VALUES (?, 'group_field', 'tour', ?)", (f"Серия {tag}", now))
    series_meeting = clone("meeting", 20, series_id=str(series), territory_id=str(territory),
                           venue_id=str(venue), title=f"'Черновик серии {tag}'",
                           municipality_id="NULL")
    schedule_series = insert("INSERT INTO meeting_series (title, kind, rule, created_at) "
                             "VALUES (?, 'personal_reception', 'weekly', ?)",
                             (f"Приём {tag}", now))
    schedule = insert("INSERT INTO reception_schedule (series_id, person_id, venue_id, weekday, "
                      "start_minute, end_minute, slot_minutes, created_at) "
                      "VALUES (?, ?, ?, 2, 600, 720, 15, ?)", (schedule_series, person, venue, now))
    insert("INSERT OR IGNORE INTO reception (meeting_id, slot_minutes) VALUES (?, 15)",
           (approved_reception_meeting,))
    starts = STACK.query("SELECT starts_at FROM meeting WHERE id = ?",
                         (approved_reception_meeting,))[0][0]
    booking = insert("INSERT INTO reception_booking (meeting_id, slot_at, person_id, visitor_name, "
                     "question, created_at) VALUES (?, ?, ?, ?, 'Про мост', ?)",
                     (approved_reception_meeting, starts, person, f"Посетитель {tag}", now))
    group = STACK.query("SELECT id FROM info_group WHERE territory_id IN "
                        "(SELECT id FROM territory WHERE municipality_id = "
                        "(SELECT municipality_id FROM territory WHERE id = ?))", (territory,))[0][0]
    discussion = insert("INSERT INTO discussion (title, unit, body, territory_id, opens_on, "
                        "closes_on, created_at) VALUES (?, 'Отдел', 'Проект', ?, '2020-01-01', "
                        "'2099-01-01', ?)", (f"Обсуждение {tag}", territory, now))
    proposal = insert("INSERT INTO discussion_proposal (discussion_id, text, author_name, show_as, "
                      "created_at) VALUES (?, 'Предложение', 'Иванов', 'full', ?)",
                      (discussion, now))
    survey = insert("INSERT INTO survey (title, audience, territory_id, opens_on, closes_on, "
                    "results, created_at) VALUES (?, 'territory', ?, '2020-01-01', '2099-01-01', "
                    "'live', ?)", (f"Опрос {tag}", territory, now))
    outbox = clone("outbox", 1, meeting_id=str(series_meeting), dedup_key=f"'scope-{tag}'",
                   subject=f"'Письмо {tag}'")
    municipality = STACK.query("SELECT municipality_id FROM territory WHERE id = ?",
                               (territory,))[0][0]
    reference_group = insert("INSERT INTO reference_group (municipality_id, name, description) "
                             "VALUES (?, ?, ?)", (municipality, f"Референтная группа {tag}",
                                                  f"Жители {tag}"))
    insert("INSERT INTO reference_group_member (group_id, name, organisation, email) "
           "VALUES (?, ?, '', ?)", (reference_group, f"Участник {tag}", f"member-{tag}@example.org"))
    plan_measure = insert("INSERT INTO plan_measure (item, text, periodicity, units, evidence, "
                          "created_at, municipality_id) VALUES (?, ?, 'yearly', 'Отдел', "
                          "'record', ?, ?)", (f"9{tag}", f"Мероприятие плана {tag}", now,
                                              municipality))
    plan_record = insert("INSERT INTO plan_record (measure_id, done_on, note, file_name, mime, "
                         "size, sha256, created_at) VALUES (?, '2020-01-10', ?, 'act.pdf', "
                         "'application/pdf', 10, ?, ?)",
                         (plan_measure, f"Отметка {tag}", "b" * 64, now))
    media = insert("INSERT INTO media_contact (name, email, municipality_id) VALUES (?, ?, ?)",
                   (f"Газета {tag}", f"editor-{tag.lower()}@gazeta.example", municipality))
    return {
        "meeting": held_meeting, "reception": approved_reception_meeting, "appeal": appeal,
        "appeal-file": appeal_file, "instruction": instruction, "series": series,
        "reception-schedule": schedule, "booking": booking, "territory": territory,
        "municipality": municipality, "group": group, "venue": venue, "discussion": discussion,
        "proposal": proposal, "survey": survey, "outbox": outbox,
        "reference-group": reference_group, "plan-measure": plan_measure,
        "plan-record": plan_record, "media-contact": media,
        "appeal_number": f"SCOPE-{tag}", "instruction_text": f"Поручение {tag}: проверить мост",
        "series_title": f"Серия {tag}", "visitor": f"Посетитель {tag}",
        "schedule_venue": STACK.query("SELECT name FROM venue WHERE id = ?", (venue,))[0][0],
    }


Z = B = None  # Зеленоборск's and Берёзовка's records


def setUpModule():
    global Z, B
    _setup()
    for login, (role, slug) in ACCOUNTS.items():
        r = STACK.admin("user", "add", login, role, "--municipality", slug,
                        input_text=PASSWORD + "\n")
        assert r.returncode == 0, r.stderr
    for login in ACCOUNTS:
        b = Browser(STACK)
        r = b.login(login, PASSWORD)
        assert r.status == 303, (login, r.status, text_of(r.text)[:500])
        b.token = b.csrf("/admin")
        SESSIONS[login] = b
    # Зеленоборск: the held head's meeting 1, the reception 13; Берёзовка: the held field
    # meeting 9 and a reception made here (the demo has none in Берёзовка).
    Z = make_records("Z", territory=3, venue=1, person=1, held_meeting=1,
                     approved_reception_meeting=13)
    b_reception = clone("meeting", 13, territory_id="6", venue_id="6", host_id="11",
                        municipality_id="NULL", title="'Личный приём главы Берёзовки'")
    B = make_records("B", territory=6, venue=6, person=11, held_meeting=9,
                     approved_reception_meeting=b_reception)


def tearDownModule():
    _teardown()


def snapshot():
    """Every row of the watched tables."""
    return {t: STACK.query(f"SELECT * FROM {t} ORDER BY 1, 2") for t in WATCHED}


def route_table():
    """(methods, pattern, roles, flags, owner) of every staff route (stack.portal_routes)."""
    rows = [(methods, pattern, roles, flags, owner)
            for methods, pattern, roles, flags, _fields, owner in portal_routes()
            if roles != ["public"]]
    assert len(rows) > 50, rows
    return rows


def record_path(pattern, owner, records):
    """PATTERN with its number replaced by the id of RECORDS' record of OWNER."""
    key = "reception" if pattern.startswith("/admin/receptions/#") else owner
    return pattern.replace("#", str(records[key]))


class EveryRoute(StaffAssertions, unittest.TestCase):
    """Each staff route whose number names a record: another body's answers 404 and writes
    nothing; the account's own body's opens."""

    def test_every_numbered_staff_route_is_scoped_or_installation_wide(self):
        numbered = [(p, flags, owner) for _m, p, _r, flags, owner in route_table() if "#" in p]
        unscoped = {p for p, flags, owner in numbered
                    if owner == "-" and "installation" not in flags}
        self.assertEqual(unscoped, set(INSTALLATION_WIDE),
                         "a staff route with a number must say what it names (routes.c, owner) "
                         "or be listed in INSTALLATION_WIDE with the reason")

    def refused(self, browser, records, roles_needed):
        """Send every scoped route with RECORDS' ids through BROWSER; each answers 404."""
        sent = 0
        for methods, pattern, roles, _flags, owner in route_table():
            if owner == "-" or not set(roles) & roles_needed:
                continue
            path = record_path(pattern, owner, records)
            for method in methods:
                before = snapshot()
                if method == "GET":
                    r = browser.get(path)
                else:
                    r = browser.post(path, {"csrf": browser.token})
                with self.subTest(method=method, path=path):
                    self.assertEqual(r.status, 404, text_of(main_of(r.text))[:300])
                    self.assertIn(f"<h1>{NOT_FOUND}</h1>", r.text)
                    self.assertEqual(snapshot(), before, "a refused request changed the database")
                sent += 1
        return sent

    def test_a_settlement_admin_gets_404_for_the_other_settlement_everywhere(self):
        self.assertGreater(self.refused(SESSIONS["brzadmin"], Z, {"admin"}), 50)

    def test_a_settlement_organizer_gets_404_for_the_other_settlement(self):
        self.assertGreater(self.refused(SESSIONS["zelorg"], B, {"organizer"}), 40)

    def test_the_same_routes_open_for_the_own_body(self):
        brz = SESSIONS["brzadmin"]
        pages = {
            f"/admin/meetings/{B['meeting']}": "Уличное освещение и безопасность на дорогах",
            f"/admin/appeals/{B['appeal']}": B["appeal_number"],
            f"/admin/instructions/{B['instruction']}": B["instruction_text"],
            f"/admin/series/{B['series']}": B["series_title"],
            f"/admin/receptions/{B['reception']}": B["visitor"],
            f"/admin/territories/{B['territory']}": "сельское поселение Берёзовка",
            f"/admin/municipalities/{BEREZOVKA}": "Берёзовка",
            f"/admin/venues/{B['venue']}": "Сельский клуб",
            f"/admin/groups/{B['group']}": "Информационная группа № 2",
            f"/admin/discussions/{B['discussion']}": "Обсуждение B",
            f"/admin/surveys/{B['survey']}": "Опрос B",
            f"/admin/reference-groups/{B['reference-group']}": "Референтная группа B",
            f"/admin/plan/{B['plan-measure']}": "Мероприятие плана B",
            f"/admin/media/{B['media-contact']}": "Газета B",
        }
        for path, text in pages.items():
            with self.subTest(path=path):
                shown(self, brz.get(path), text)

    def test_the_district_account_works_for_both_settlements(self):
        sov = SESSIONS["sovorg"]
        shown(self, sov.get(f"/admin/appeals/{Z['appeal']}"), Z["appeal_number"])
        shown(self, sov.get(f"/admin/appeals/{B['appeal']}"), B["appeal_number"])
        shown(self, sov.get(f"/admin/meetings/{Z['meeting']}"),
              "Итоги года и планы благоустройства")
        shown(self, sov.get("/admin/meetings/25"), "Публичные слушания по проекту бюджета "
                                                  "Советского района")

    def test_a_settlement_account_does_not_see_the_district_records(self):
        r = SESSIONS["brzorg"].get("/admin/meetings/25")
        self.assertEqual(r.status, 404)
        self.assertIn(f"<h1>{NOT_FOUND}</h1>", r.text)


class Lists(StaffAssertions, unittest.TestCase):
    """Lists show the account's body only; the district sees both; the whole installation all."""

    Z_MEETING, B_MEETING = "Подготовка к отопительному сезону", "Сход граждан села Берёзовка"

    def check(self, path, heading, own, other, browser):
        page = shown(self, browser.get(path), heading, *own).text
        for text in other:
            self.assertNotIn(text, page)

    def test_meetings(self):
        self.check("/admin/meetings", "<h1>Встречи</h1>", [self.B_MEETING], [self.Z_MEETING],
                   SESSIONS["brzorg"])
        self.check("/admin/meetings", "<h1>Встречи</h1>", [self.Z_MEETING], [self.B_MEETING],
                   SESSIONS["zelorg"])
        for who in ("sovorg", "organizer"):
            shown(self, SESSIONS[who].get("/admin/meetings"), self.Z_MEETING, self.B_MEETING)

    def test_appeals_and_their_search(self):
        self.check("/admin/appeals", "<h1>Обращения граждан</h1>", [B["appeal_number"]],
                   [Z["appeal_number"], "Кравцов"], SESSIONS["brzorg"])
        self.check("/admin/appeals?q=" + urllib.parse.quote("мост"), "<h1>Обращения граждан</h1>", [B["appeal_number"]],
                   [Z["appeal_number"]], SESSIONS["brzorg"])
        self.check("/admin/appeals", "<h1>Обращения граждан</h1>", [Z["appeal_number"]],
                   [B["appeal_number"]], SESSIONS["zelorg"])
        for who in ("sovorg", "admin"):
            shown(self, SESSIONS[who].get("/admin/appeals"), Z["appeal_number"],
                  B["appeal_number"])

    def test_instructions(self):
        self.check("/admin/instructions", "<h1>Поручения</h1>", [B["instruction_text"]],
                   [Z["instruction_text"]], SESSIONS["brzorg"])
        shown(self, SESSIONS["sovorg"].get("/admin/instructions"), B["instruction_text"],
              Z["instruction_text"])

    def test_receptions_and_series(self):
        self.check("/admin/series", "<h1>Серии встреч</h1>", [B["series_title"]],
                   [Z["series_title"]], SESSIONS["brzorg"])
        self.check("/admin/receptions", "<h1>Личный приём</h1>", ["Сельский клуб"],
                   ["Администрация городского поселения, зал заседаний"], SESSIONS["brzorg"])
        shown(self, SESSIONS["admin"].get("/admin/series"), B["series_title"], Z["series_title"])

    def test_outbox_discussions_and_surveys(self):
        for path, heading, what in (("/admin/outbox", "<h1>Рассылка и публикации</h1>", "Письмо"),
                                    ("/admin/discussions", "<h1>Общественные обсуждения</h1>",
                                     "Обсуждение"),
                                    ("/admin/surveys", "<h1>Опросы жителей</h1>", "Опрос")):
            with self.subTest(path=path):
                self.check(path, heading, [f"{what} B"], [f"{what} Z"], SESSIONS["brzorg"])
                self.check(path, heading, [f"{what} Z"], [f"{what} B"], SESSIONS["zelorg"])
                shown(self, SESSIONS["admin"].get(path), f"{what} B", f"{what} Z")

    def test_the_instructions_filter_offers_own_meetings_only(self):
        # Зеленоборск's held meeting 10 has the demo's signed protocol.
        page = shown(self, SESSIONS["zelorg"].get("/admin/instructions"), "<h1>Поручения</h1>",
                     "Форум общественных организаций").text
        self.assertIn('<option value="10"', page)
        page = shown(self, SESSIONS["brzorg"].get("/admin/instructions"), "<h1>Поручения</h1>",
                     B["instruction_text"]).text
        self.assertNotIn("Форум общественных организаций", page)

    def test_the_territory_tree(self):
        page = shown(self, SESSIONS["brzorg"].get("/admin/territories"), "<h1>Территории</h1>",
                     "сельское поселение Берёзовка", "деревня Кедровая").text
        self.assertNotIn("микрорайон Центральный", page)
        self.assertNotIn("Советский район</a>", page)
        main = main_of(page)
        self.assertEqual(main.count("<ul"), main.count("</ul>"))  # the nested lists close
        shown(self, SESSIONS["sovorg"].get("/admin/territories"), "микрорайон Центральный",
              "деревня Кедровая")

    def test_venues_and_groups(self):
        self.check("/admin/venues", "Места проведения встреч", ["Сельский клуб"],
                   ["Дом культуры «Современник»"], SESSIONS["brzorg"])
        self.check("/admin/groups", "Информационные группы", ["Информационная группа № 2"],
                   ["Информационная группа № 1"], SESSIONS["brzorg"])
        shown(self, SESSIONS["sovorg"].get("/admin/groups"), "Информационная группа № 1",
              "Информационная группа № 2")
        # The meeting form offers the own body's groups only.
        page = shown(self, SESSIONS["zelorg"].get("/admin/meetings/new"), "<h1>").text
        self.assertIn("Информационная группа № 1", page)
        self.assertNotIn("Информационная группа № 2", page)

    def test_media_plan(self):
        self.check("/admin/media-plan", "<h1>", [self.B_MEETING], [self.Z_MEETING],
                   SESSIONS["brzorg"])

    def test_the_home_page(self):
        # Held meetings whose protocol is not handed over: each settlement's own.
        z_held, b_held = "Содержание дворовых территорий микрорайона Молодёжный", \
            "Уличное освещение и безопасность на дорогах"
        self.check("/admin", "<h1>Рабочий стол</h1>", [b_held], [z_held], SESSIONS["brzorg"])
        self.check("/admin", "<h1>Рабочий стол</h1>", [z_held], [b_held], SESSIONS["zelorg"])
        shown(self, SESSIONS["sovorg"].get("/admin"), z_held, b_held)

    def test_header_names_the_body(self):
        page = shown(self, SESSIONS["brzorg"].get("/admin"), "<h1>Рабочий стол</h1>").text
        self.assertIn('<span class="staff-body"> · Берёзовка</span>', page)
        page = shown(self, SESSIONS["admin"].get("/admin"), "<h1>Рабочий стол</h1>").text
        self.assertIn('<span class="staff-body"> · все муниципальные образования</span>', page)


class Forms(StaffAssertions, unittest.TestCase):
    """Another body's territory, body or meeting in a form: the error beside the field."""

    def meeting_fields(self, territory, title):
        return {"kind": "gathering", "title": title, "territory": str(territory),
                "starts_at": "2099-06-01T18:00", "ends_at": "2099-06-01T19:00"}

    def test_a_meeting_in_another_settlement_is_refused_beside_the_territory(self):
        brz = SESSIONS["brzorg"]
        before = STACK.query("SELECT count(*) FROM meeting")[0][0]
        r = brz.post("/admin/meetings", self.meeting_fields(3, "Сход в чужом поселении"))
        self.assertStatus(r, 422)
        self.assertEqual(field_error(r.text, "territory"),
                         "территория: выберите территорию муниципального образования, с которым вы "
                         "работаете.")
        self.assertIn('value="Сход в чужом поселении"', r.text)  # the input is kept
        self.assertEqual(STACK.query("SELECT count(*) FROM meeting")[0][0], before)
        r = brz.post("/admin/meetings", self.meeting_fields(7, "Сход в Кедровой"))
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:500])
        self.assertEqual(STACK.query("SELECT municipality_id FROM meeting WHERE title = "
                                     "'Сход в Кедровой'"), [(BEREZOVKA,)])

    def test_a_venue_of_another_settlement_is_refused_and_not_offered(self):
        brz = SESSIONS["brzorg"]
        before = STACK.query("SELECT count(*) FROM meeting")[0][0]
        r = brz.post("/admin/meetings", dict(self.meeting_fields(7, "Сход в чужом клубе"),
                                             venue="1"))
        self.assertStatus(r, 422)
        self.assertEqual(field_error(r.text, "venue"),
                         "место проведения: выберите место муниципального образования, с "
                         "которым вы работаете.")
        self.assertEqual(STACK.query("SELECT count(*) FROM meeting")[0][0], before)
        page = shown(self, brz.get("/admin/meetings/new"), "<h1>").text
        self.assertEqual({v for v, _ in options(page, "venue") if v}, {"6", "7"})

    def test_a_discussion_for_the_whole_body_belongs_to_the_account_s_body(self):
        brz = SESSIONS["brzorg"]
        title = "Проект правил благоустройства Берёзовки"
        r = brz.post("/admin/discussions", {
            "title": title, "unit": "Администрация поселения", "body": "1. Общие положения.",
            "form": "online", "meeting": "", "territory": "",
            "opens_on": time.strftime("%Y-%m-%d"), "closes_on": "2099-01-01"})
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:500])
        [(did, municipality, territory)] = STACK.query(
            "SELECT id, municipality_id, territory_id FROM discussion WHERE title = ?", (title,))
        self.assertEqual((municipality, territory), (BEREZOVKA, None))
        shown(self, brz.get("/admin/discussions"), "<h1>Общественные обсуждения</h1>", title)
        shown(self, brz.get(f"/admin/discussions/{did}"), title)
        r = SESSIONS["zelorg"].get(f"/admin/discussions/{did}")
        self.assertEqual(r.status, 404)
        page = shown(self, SESSIONS["zelorg"].get("/admin/discussions"),
                     "<h1>Общественные обсуждения</h1>", "Обсуждение Z").text
        self.assertNotIn(title, page)

    def test_executors_and_controllers_are_the_account_s_colleagues(self):
        # Every scoped account has an e-mail, so each may execute; the demo's accounts are the
        # whole installation's.
        for login in ACCOUNTS:
            STACK.execute("UPDATE staff_user SET email = ? WHERE login = ?",
                          (f"{login}@zelenoborsk.example", login))
        ids = dict(STACK.query("SELECT login, id FROM staff_user"))
        whole = {str(i) for (i,) in STACK.query(
            "SELECT id FROM staff_user WHERE municipality_id IS NULL AND disabled = 0 "
            "AND email <> '' AND role IN ('executor', 'organizer', 'controller', 'admin')")}
        self.assertTrue(whole)
        brz = SESSIONS["brzadmin"]
        page = shown(self, brz.get("/admin/instructions"), "<h1>Поручения</h1>",
                     "Поручение по обращению").text
        offered = {v for v, _ in options(page, "executor") if v}
        # Берёзовка's own accounts, its district's and the installation's; never Зеленоборск's.
        self.assertEqual(offered, whole | {str(ids[k]) for k in ("brzadmin", "brzorg", "sovorg")})
        self.assertIn(str(ids["brzadmin"]), {v for v, _ in options(page, "controller") if v})
        # The district's account chooses among the district's and both settlements' accounts.
        page = shown(self, SESSIONS["sovorg"].get("/admin/instructions"), "Поручение по обращению").text
        self.assertTrue({str(ids[k]) for k in ACCOUNTS} <=
                        {v for v, _ in options(page, "executor")})
        # A Зеленоборск account sent anyway is refused beside the field, the input kept.
        before = snapshot()
        r = brz.post("/admin/instructions", {
            "number": B["appeal_number"], "instruction": "Проверить мост ещё раз",
            "executor": str(ids["zelorg"]), "due_on": "2099-02-01",
            "controller": str(ids["brzadmin"])})
        self.assertStatus(r, 422)
        self.assertEqual(field_error(r.text, "executor"),
                         "исполнитель: выберите из списка сотрудников с адресом почты.",
                         form_errors(r.text))
        self.assertIn("Проверить мост ещё раз", r.text)
        self.assertEqual(snapshot(), before)

    def test_an_appeal_is_assigned_to_the_account_s_colleagues_only(self):
        ids = dict(STACK.query("SELECT login, id FROM staff_user"))
        brz = SESSIONS["brzadmin"]
        path = f"/admin/appeals/{B['appeal']}"
        page = shown(self, brz.get(path), B["appeal_number"], "Назначить исполнителя").text
        offered = {v for v, _ in options(page, "executor") if v}
        self.assertTrue({str(ids["brzorg"]), str(ids["sovorg"])} <= offered, offered)
        self.assertNotIn(str(ids["zelorg"]), offered)
        # The registry's filter offers the same accounts.
        page = shown(self, brz.get("/admin/appeals"), "<h1>Обращения граждан</h1>").text
        self.assertNotIn(str(ids["zelorg"]), {v for v, _ in options(page, "executor")})
        # Зеленоборск's organizer sent anyway: refused beside the field, the unit kept.
        before = snapshot()
        r = brz.post(path + "/assign", {"unit": "Отдел благоустройства Берёзовки",
                                        "executor": str(ids["zelorg"])})
        self.assertStatus(r, 422)
        self.assertEqual(field_error(r.text, "executor"), "исполнитель: выберите из списка.",
                         form_errors(r.text))
        self.assertIn('value="Отдел благоустройства Берёзовки"', r.text)
        self.assertEqual(snapshot(), before)
        r = brz.post(path + "/assign", {"unit": "Отдел благоустройства Берёзовки",
                                        "executor": str(ids["brzorg"])})
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:500])
        self.assertEqual(STACK.query("SELECT executor_id FROM appeal WHERE id = ?",
                                     (B["appeal"],)), [(ids["brzorg"],)])

    def test_territory_choices_are_the_own_body_s(self):
        page = shown(self, SESSIONS["brzorg"].get("/admin/meetings/new"), "<h1>").text
        self.assertEqual({v for v, _ in options(page, "territory") if v}, {"6", "7"})
        page = shown(self, SESSIONS["sovorg"].get("/admin/meetings/new"), "<h1>").text
        self.assertEqual({v for v, _ in options(page, "territory") if v},
                         {"1", "2", "3", "4", "5", "6", "7"})
        page = shown(self, SESSIONS["zelorg"].get("/admin/appeals/new"), "<h1>").text
        self.assertEqual({v for v, _ in options(page, "territory") if v}, {"2", "3", "4", "5"})

    def appeal_fields(self, **over):
        f = {"source": "mail", "received_on": time.strftime("%Y-%m-%d"), "surname": "Петров",
             "name": "Пётр", "address": "с. Берёзовка, ул. Центральная, 1",
             "text": "Прошу отремонтировать крышу клуба."}
        f.update(over)
        return f

    def test_an_appeal_for_another_body_is_refused_and_without_one_goes_to_the_own(self):
        brz = SESSIONS["brzorg"]
        before = STACK.query("SELECT count(*) FROM appeal")[0][0]
        r = brz.post("/admin/appeals", self.appeal_fields(municipality=str(OWN)))
        self.assertStatus(r, 422)
        self.assertEqual(field_error(r.text, "municipality"),
                         "муниципальное образование: выберите муниципальное образование, с "
                         "которым вы работаете.")
        r = brz.post("/admin/appeals", self.appeal_fields(territory="4"))
        self.assertStatus(r, 422)
        self.assertEqual(field_error(r.text, "territory"),
                         "территория: выберите территорию муниципального образования, с которым "
                         "вы работаете.")
        self.assertEqual(STACK.query("SELECT count(*) FROM appeal")[0][0], before)
        # The form offers its own body only.
        page = shown(self, brz.get("/admin/appeals/new"), "Берёзовка").text
        self.assertEqual([v for v, _ in options(page, "municipality") if v], [str(BEREZOVKA)])
        # Without a body or a territory the appeal is registered in Берёзовка's registry.
        r = brz.post("/admin/appeals", self.appeal_fields(text="Прошу осветить улицу у клуба."))
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:500])
        [(number, municipality)] = STACK.query(
            "SELECT number, municipality_id FROM appeal WHERE text = 'Прошу осветить улицу у клуба.'")
        self.assertEqual(municipality, BEREZOVKA)
        self.assertTrue(number.startswith("БРЗ-"), number)

    def test_a_territory_under_another_settlement_is_refused(self):
        brz = SESSIONS["brzorg"]
        r = brz.post("/admin/territories", {"name": "микрорайон Чужой", "level": "microdistrict",
                                             "parent": "2"})
        self.assertStatus(r, 422)
        self.assertEqual(field_error(r.text, "parent"),
                         "входит в: выберите территорию муниципального образования, с которым "
                         "вы работаете.")
        self.assertEqual(STACK.query("SELECT count(*) FROM territory WHERE name = "
                                     "'микрорайон Чужой'"), [(0,)])

    def test_a_filter_naming_another_settlement_answers_404(self):
        r = SESSIONS["brzorg"].get("/admin/meetings?territory=3")
        self.assertEqual(r.status, 404)
        self.assertIn(f"<h1>{NOT_FOUND}</h1>", r.text)
        shown(self, SESSIONS["brzorg"].get("/admin/meetings?territory=6"),
              Lists.B_MEETING)


class Accounts(StaffAssertions, unittest.TestCase):
    """Who binds an account to a body, and what a scoped administrator may not do."""

    def test_a_scoped_admin_does_not_manage_accounts_or_municipalities(self):
        brz = SESSIONS["brzadmin"]
        detail = ("Эта страница доступна только сотрудникам, работающим со всеми муниципальными "
                  "образованиями.")
        self.assertForbidden(brz.get("/admin/users"), detail)
        self.assertForbidden(brz.get("/admin/audit"), detail)
        before = snapshot()
        self.assertForbidden(brz.post("/admin/users", {"login": "intruder", "role": "admin",
                                                       "new_password": "intruder-password"}),
                             detail)
        self.assertForbidden(brz.post(f"/admin/municipalities/{BEREZOVKA}",
                                      {"name": "Захвачено"}), detail)
        self.assertForbidden(brz.post("/admin/municipalities",
                                      {"name": "Новое", "municipality_kind": "rural_settlement",
                                       "slug": "novoe"}), detail)
        uid = STACK.query("SELECT id FROM staff_user WHERE login = 'brzorg'")[0][0]
        self.assertForbidden(brz.post(f"/admin/users/{uid}", {"municipality": ""}), detail)
        self.assertForbidden(brz.post(f"/admin/users/{uid}/disable", {}), detail)
        self.assertEqual(snapshot(), before)

    def test_the_admin_binds_an_account_to_a_body(self):
        admin = SESSIONS["admin"]
        page = shown(self, admin.get("/admin/users"), "<h1>Пользователи</h1>",
                     "Муниципальное образование").text
        self.assertIn("Советский район (с поселениями)", page)
        uid = STACK.query("SELECT id FROM staff_user WHERE login = 'press'")[0][0]
        page = shown(self, admin.get(f"/admin/users/{uid}"), "Учётная запись press").text
        self.assertEqual(options(page, "municipality")[0], ("", "все"))
        r = admin.post(f"/admin/users/{uid}", {"full_name": "Пресс-служба",
                                                "municipality": str(BEREZOVKA)})
        self.assertRedirect(r, "/admin/users")
        self.assertEqual(STACK.query("SELECT municipality_id FROM staff_user WHERE id = ?", (uid,)),
                         [(BEREZOVKA,)])
        [(after,)] = STACK.query("SELECT after_json FROM audit_log WHERE entity = 'staff_user' "
                                 "AND entity_id = ? ORDER BY id DESC LIMIT 1", (uid,))
        self.assertEqual(json.loads(after)["municipality_id"], BEREZOVKA)
        # The press office's session now sees Берёзовка's media plan only.
        page = shown(self, SESSIONS["press"].get("/admin/media-plan"), Lists.B_MEETING).text
        self.assertNotIn(Lists.Z_MEETING, page)
        self.assertIn("Берёзовка", text_of(page))
        # Back to the whole installation: the empty choice.
        r = admin.post(f"/admin/users/{uid}", {"full_name": "Пресс-служба", "municipality": ""})
        self.assertRedirect(r, "/admin/users")
        self.assertEqual(STACK.query("SELECT municipality_id FROM staff_user WHERE id = ?", (uid,)),
                         [(None,)])
        # An unknown body is refused beside the field.
        r = admin.post(f"/admin/users/{uid}", {"municipality": "999"})
        self.assertStatus(r, 422)
        self.assertEqual(field_error(r.text, "municipality"),
                         "муниципальное образование: выберите из списка.")

    def test_portal_admin_names_the_body_by_its_slug(self):
        r = STACK.admin("user", "add", "nobodyorg", "organizer", "--municipality", "atlantis",
                        input_text=PASSWORD + "\n")
        self.assertEqual(r.returncode, 2)
        self.assertIn("there is no municipality atlantis", r.stderr)
        self.assertIn("berezovka", r.stderr)
        self.assertEqual(STACK.query("SELECT count(*) FROM staff_user WHERE login = 'nobodyorg'"),
                         [(0,)])
        self.assertEqual(STACK.query("SELECT municipality_id FROM staff_user WHERE login = "
                                     "'sovorg'"), [(DISTRICT,)])


REFGROUP_SCOPE_ERROR = ("рассылка референтным группам: выберите референтные группы "
                        "муниципального образования, которому принадлежит запись, или его района.")


class ReferenceGroups(StaffAssertions, unittest.TestCase):
    """Reference groups are one body's (migration 030): the list and the forms of a scoped
    account show its bodies' groups; a new group is the account's body's or one of its bodies'
    chosen; the meeting, discussion and survey forms refuse a group of another body beside the
    field, and take the record's body's and its district's groups."""

    def test_the_list_shows_the_account_s_bodies_groups(self):
        page = shown(self, SESSIONS["brzorg"].get("/admin/reference-groups"),
                     "<h1>Референтные группы</h1>", "Референтная группа B",
                     "Муниципальное образование").text
        self.assertNotIn("Референтная группа Z", page)
        self.assertNotIn("Предприниматели Зеленоборска", page)
        shown(self, SESSIONS["sovorg"].get("/admin/reference-groups"), "Референтная группа B",
              "Референтная группа Z", "Предприниматели Зеленоборска")
        # Another body's group is not shown by its number either (EveryRoute: every route).
        r = SESSIONS["brzorg"].get(f"/admin/reference-groups/{Z['reference-group']}")
        self.assertEqual(r.status, 404)
        self.assertNotIn("Участник Z", r.text)

    def group_fields(self, name, **over):
        return dict({"name": name, "summary": "Проверка", "member_name": "Иванов Иван",
                     "member_organisation": "", "member_email": "ivanov@example.org",
                     "member_consent": "письменное согласие"}, **over)

    def test_a_new_group_is_the_account_s_body_s_and_names_are_unique_per_body(self):
        brz = SESSIONS["brzadmin"]
        # The same name as Зеленоборск's demo group: another body's group does not clash.
        r = brz.post("/admin/reference-groups", self.group_fields("Старшее поколение"))
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:500])
        self.assertEqual(STACK.query("SELECT municipality_id FROM reference_group WHERE name = "
                                     "'Старшее поколение' ORDER BY id"),
                         [(OWN,), (BEREZOVKA,)])
        # Twice in the same body: refused beside the name.
        before = snapshot()
        r = brz.post("/admin/reference-groups", self.group_fields("Старшее поколение"))
        self.assertStatus(r, 422)
        self.assertEqual(field_error(r.text, "name"),
                         "название: группа с таким названием уже есть.")
        self.assertEqual(snapshot(), before)

    def test_another_body_in_the_new_group_form_is_refused_beside_the_field(self):
        brz = SESSIONS["brzorg"]
        before = snapshot()
        r = brz.post("/admin/reference-groups",
                     self.group_fields("Группа чужого поселения", municipality=str(OWN)))
        self.assertStatus(r, 422)
        self.assertEqual(field_error(r.text, "municipality"),
                         "муниципальное образование: выберите муниципальное образование, с "
                         "которым вы работаете.")
        self.assertIn('value="Группа чужого поселения"', r.text)  # the input is kept
        self.assertEqual(snapshot(), before)
        # A settlement's account has one body: nothing to choose.
        page = shown(self, brz.get("/admin/reference-groups"), "Новая группа").text
        self.assertNotIn('name="municipality"', page)
        # The district's account chooses among its bodies.
        page = shown(self, SESSIONS["sovorg"].get("/admin/reference-groups"), "Новая группа").text
        self.assertEqual({v for v, _ in options(page, "municipality") if v},
                         {str(DISTRICT), str(OWN), str(BEREZOVKA)})
        r = SESSIONS["sovorg"].post("/admin/reference-groups",
                                    self.group_fields("Совет старост Берёзовки",
                                                      municipality=str(BEREZOVKA)))
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:500])
        self.assertEqual(STACK.query("SELECT municipality_id FROM reference_group WHERE name = "
                                     "'Совет старост Берёзовки'"), [(BEREZOVKA,)])

    def meeting_fields(self, territory, title, *groups):
        return [("kind", "gathering"), ("title", title), ("territory", str(territory)),
                ("starts_at", "2099-07-01T18:00"), ("ends_at", "2099-07-01T19:00")] + \
            [("reference_group", str(g)) for g in groups]

    def test_the_meeting_form_takes_the_body_s_and_the_district_s_groups_only(self):
        district_group = insert("INSERT INTO reference_group (municipality_id, name) "
                                "VALUES (?, 'Совет ветеранов района')", (DISTRICT,))
        brz = SESSIONS["brzorg"]
        page = shown(self, brz.get("/admin/meetings/new"), "Референтная группа B",
                     "Совет ветеранов района").text
        self.assertNotIn("Референтная группа Z", page)
        offered = {int(v) for v in re.findall(r'name="reference_group" value="(\d+)"', page)}
        self.assertIn(B["reference-group"], offered)
        self.assertNotIn(1, offered)  # Зеленоборск's demo groups
        self.assertNotIn(2, offered)
        before = snapshot()
        r = brz.post("/admin/meetings", self.meeting_fields(7, "Сход с чужой группой",
                                                            Z["reference-group"]))
        self.assertStatus(r, 422)
        self.assertIsNotNone(field_error(r.text, "reference_group"))
        self.assertIn('value="Сход с чужой группой"', r.text)
        self.assertEqual(snapshot(), before)
        r = brz.post("/admin/meetings", self.meeting_fields(7, "Сход с группами", B["reference-group"],
                                                            district_group))
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:500])
        self.assertEqual(STACK.query(
            "SELECT group_id FROM meeting_reference_group WHERE meeting_id = (SELECT id FROM "
            "meeting WHERE title = 'Сход с группами') ORDER BY group_id"),
            sorted([(B["reference-group"],), (district_group,)]))

    def test_an_installation_account_cannot_mail_one_settlement_s_group_for_another(self):
        before = snapshot()
        r = SESSIONS["organizer"].post("/admin/meetings", self.meeting_fields(
            7, "Сход в Кедровой с группой Зеленоборска", 1))
        self.assertStatus(r, 422)
        self.assertEqual(field_error(r.text, "reference_group"), REFGROUP_SCOPE_ERROR)
        self.assertIn('value="Сход в Кедровой с группой Зеленоборска"', r.text)
        self.assertEqual(snapshot(), before)

    def test_the_discussion_and_survey_forms_refuse_another_body_s_group(self):
        brz = SESSIONS["brzorg"]
        today = time.strftime("%Y-%m-%d")
        before = snapshot()
        r = brz.post("/admin/discussions", [
            ("title", "Проект с чужой группой"), ("unit", "Администрация"), ("body", "1. Текст."),
            ("form", "online"), ("meeting", ""), ("territory", ""),
            ("reference_group", str(Z["reference-group"])), ("opens_on", today),
            ("closes_on", "2099-01-01")])
        self.assertStatus(r, 422)
        self.assertIsNotNone(field_error(r.text, "reference_group"))
        self.assertIn("Проект с чужой группой", r.text)
        self.assertEqual(snapshot(), before)
        r = brz.post("/admin/surveys", [
            ("title", "Опрос чужой группы"), ("intro", ""), ("audience", "groups"),
            ("territory", ""), ("reference_group", str(Z["reference-group"])),
            ("opens_on", today), ("closes_on", "2099-01-01"), ("results", "closed"),
            ("question", "Вопрос?"), ("question_kind", "scale"), ("question_required", "yes"),
            ("question_options", "")])
        self.assertStatus(r, 422)
        self.assertIsNotNone(field_error(r.text, "reference_group"))
        self.assertIn("Опрос чужой группы", r.text)
        self.assertEqual(snapshot(), before)
        page = shown(self, brz.get("/admin/surveys"), "Референтная группа B").text
        self.assertNotIn("Референтная группа Z", page)


class InfoGroups(StaffAssertions, unittest.TestCase):
    """Information groups follow their territory's body: the list, the page, the edit and the
    meeting form's choice are the account's body's; another body's group is 404 (EveryRoute) or
    refused beside the field."""

    def test_the_page_and_the_edit_of_another_body_s_group(self):
        brz = SESSIONS["brzadmin"]
        shown(self, brz.get(f"/admin/groups/{B['group']}"), "Информационная группа № 2")
        before = snapshot()
        for r in (brz.get(f"/admin/groups/{Z['group']}"),
                  brz.post(f"/admin/groups/{Z['group']}",
                           {"name": "Захват", "territory": "7"})):
            self.assertEqual(r.status, 404)
            self.assertIn(f"<h1>{NOT_FOUND}</h1>", r.text)
        self.assertEqual(snapshot(), before)

    def test_moving_a_group_to_another_body_s_territory_is_refused(self):
        brz = SESSIONS["brzadmin"]
        before = snapshot()
        r = brz.post(f"/admin/groups/{B['group']}",
                     {"name": "Информационная группа № 2", "territory": "3"})
        self.assertStatus(r, 422)
        self.assertEqual(field_error(r.text, "territory"),
                         "территория: выберите территорию муниципального образования, с которым "
                         "вы работаете.")
        self.assertEqual(snapshot(), before)

    def test_the_meeting_form_refuses_another_body_s_group(self):
        brz = SESSIONS["brzorg"]
        before = snapshot()
        r = brz.post("/admin/meetings", {"kind": "group_field", "title": "Выезд чужой группы",
                                         "territory": "7", "group": str(Z["group"]),
                                         "starts_at": "2099-06-02T18:00",
                                         "ends_at": "2099-06-02T19:00"})
        self.assertStatus(r, 422)
        self.assertEqual(field_error(r.text, "group"),
                         "информационная группа: выберите информационную группу "
                         "муниципального образования, с которым вы работаете.")
        self.assertIn('value="Выезд чужой группы"', r.text)
        self.assertEqual(snapshot(), before)


class Plan(StaffAssertions, unittest.TestCase):
    """The plan of measures is one body's per measure (migration 030): the list, the CSV, a
    measure's page and its records are the account's bodies'; a new measure is the account's
    body's; the compliance report shows the plan of its municipality."""

    def test_the_list_and_the_csv_show_the_account_s_bodies_measures(self):
        page = shown(self, SESSIONS["brzorg"].get("/admin/plan"), "<h1>План мероприятий</h1>",
                     "Мероприятие плана B").text
        self.assertNotIn("Мероприятие плана Z", page)
        self.assertNotIn("Обеспечение работы интернет-приёмных", page)  # the own (demo) plan
        r = SESSIONS["brzorg"].get("/admin/plan?format=csv")
        self.assertEqual(r.status, 200)
        self.assertIn("Мероприятие плана B", r.text)
        self.assertNotIn("Мероприятие плана Z", r.text)
        shown(self, SESSIONS["sovorg"].get("/admin/plan"), "Мероприятие плана B",
              "Мероприятие плана Z", "Обеспечение работы интернет-приёмных")

    def measure_fields(self, text, **over):
        return dict({"item": "77", "text": text, "periodicity": "yearly", "due_on": "",
                     "units": "Администрация", "evidence": "record", "kind": ""}, **over)

    def test_a_new_measure_is_the_account_s_body_s(self):
        brz = SESSIONS["brzorg"]
        r = brz.post("/admin/plan", self.measure_fields("Сход жителей Кедровой"))
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:500])
        self.assertEqual(STACK.query("SELECT municipality_id FROM plan_measure WHERE text = "
                                     "'Сход жителей Кедровой'"), [(BEREZOVKA,)])
        before = snapshot()
        r = brz.post("/admin/plan", self.measure_fields("Мероприятие в чужом поселении",
                                                        municipality=str(OWN)))
        self.assertStatus(r, 422)
        self.assertEqual(field_error(r.text, "municipality"),
                         "муниципальное образование: выберите муниципальное образование, с "
                         "которым вы работаете.")
        self.assertIn("Мероприятие в чужом поселении", r.text)
        self.assertEqual(snapshot(), before)

    def test_an_import_for_another_body_is_refused_beside_the_field(self):
        brz = SESSIONS["brzorg"]
        text = ("Пункт;Мероприятие;Периодичность;Срок;Ответственные;Подтверждение;Вид встречи\r\n"
                "88;Импорт в чужой план;ежегодно;;Отдел;record;\r\n")

        def send(municipality):
            body, ctype = multipart([("csrf", brz.token), ("municipality", municipality)],
                                    [("attachment", "план.csv", text.encode("utf-8"),
                                      "text/csv")])
            return STACK.request("POST", "/admin/plan/import", body=body, headers={
                "Content-Type": ctype, "Cookie": brz.cookie_header("/admin/plan/import")})
        before = snapshot()
        r = send(str(OWN))
        self.assertStatus(r, 422)
        self.assertEqual(field_error(r.text, "municipality-import"),
                         "муниципальное образование: выберите муниципальное образование, с "
                         "которым вы работаете.")
        self.assertEqual(snapshot(), before)
        r = send("")
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:500])
        self.assertEqual(STACK.query("SELECT municipality_id FROM plan_measure WHERE text = "
                                     "'Импорт в чужой план'"), [(BEREZOVKA,)])

    def test_the_compliance_report_shows_the_report_s_body_s_plan(self):
        page = shown(self, SESSIONS["brzorg"].get("/admin/reports/compliance?from=2020-01-01&"
                                                  "to=2020-12-31"),
                     '<table class="list report"', "Мероприятие плана B").text
        self.assertNotIn("Мероприятие плана Z", page)
        self.assertNotIn("Обеспечение работы интернет-приёмных", page)
        page = shown(self, SESSIONS["zelorg"].get("/admin/reports/compliance?from=2020-01-01&"
                                                  "to=2020-12-31"),
                     '<table class="list report"', "Мероприятие плана Z").text
        self.assertNotIn("Мероприятие плана B", page)
        # The district's account asking for Берёзовка gets Берёзовка's plan only.
        page = shown(self, SESSIONS["sovorg"].get(
            f"/admin/reports/compliance?from=2020-01-01&to=2020-12-31&municipality={BEREZOVKA}"),
            '<table class="list report"', "Мероприятие плана B").text
        self.assertNotIn("Мероприятие плана Z", page)

    def test_the_district_summary_shows_the_district_s_own_plan(self):
        insert("INSERT INTO plan_measure (item, text, periodicity, units, evidence, "
               "meeting_kind, created_at, municipality_id) VALUES ('13', ?, 'yearly', "
               "'Главы поселений', 'meeting', 'head_report', ?, ?)",
               ("Отчёты глав поселений района", int(time.time()), DISTRICT))
        # Берёзовка's head reported in 2020: a settlement's meeting proves the district's
        # measure. The settlements' own plans are not in the summary.
        insert("INSERT INTO meeting (kind, title, territory_id, starts_at, ends_at, status) "
               "VALUES ('head_report', 'Отчёт главы Берёзовки за 2019 год', 6, ?, ?, 'held')",
               (epoch(date(2020, 2, 20), "18:00"), epoch(date(2020, 2, 20), "20:00")))
        page = shown(self, SESSIONS["sovorg"].get("/admin/reports/district?year=2020"),
                     '<table class="list report"', "Отчёты глав поселений района").text
        [row] = [r for r in report_table(page, "plan") if r[0] == "13"]
        self.assertEqual(row[1][2], "выполнено", row)
        self.assertIn("Отчёт главы Берёзовки за 2019 год", row[1][3])
        self.assertNotIn("Мероприятие плана B", page)
        self.assertNotIn("Мероприятие плана Z", page)
        # A settlement's compliance report does not show the district's plan.
        page = shown(self, SESSIONS["brzorg"].get("/admin/reports/compliance?from=2020-01-01&"
                                                  "to=2020-12-31"),
                     '<table class="list report"', "Мероприятие плана B").text
        self.assertNotIn("Отчёты глав поселений района", page)


def report_table(page, table_id):
    """[(label, [cells])] of the report table TABLE_ID (as test_reports.py reads it)."""
    m = re.search(rf'<table class="list report" id="table-{table_id}">(.*?)</table>', page, re.S)
    assert m, f"no table {table_id}: {text_of(main_of(page))[:600]}"
    rows = []
    for tr in re.findall(r"<tr(?: class=\"total\")?>(<th scope=\"row\">.*?)</tr>", m.group(1),
                         re.S):
        label = re.search(r'<th scope="row">(.*?)</th>', tr, re.S).group(1)
        rows.append((html.unescape(label),
                     [html.unescape(c) for c in re.findall(r"<td>(.*?)</td>", tr, re.S)]))
    return rows


def csv_records(r):
    """The records of the CSV answer R (BOM, ';'), once it answered 200 as an attachment."""
    assert r.status == 200, (r.status, text_of(main_of(r.text))[:600])
    assert "attachment" in r.header("Content-Disposition"), r.header("Content-Disposition")
    return list(csv.reader(io.StringIO(r.body.decode("utf-8-sig"), newline=""), delimiter=";"))


class Reports(StaffAssertions, unittest.TestCase):
    """Every report is limited to the account's bodies: a settlement's account sees its own
    figures and not the other settlement's, another body named in the query is refused beside
    the field (page and CSV) and nothing of it is shown; the district's account chooses among
    its own bodies and has the district summary; an account of the whole installation is as
    before (test_reports.py). The data: answered-late appeals of May 2019, a month nothing else
    reaches — one of Берёзовка, two of Зеленоборск, under two classifier codes; a held field
    meeting of each settlement's group in that month."""

    MONTH = "2019-05"
    PERIOD = "from=2019-05-01&to=2019-05-31"
    OTHER_DISTRICT = "Кондинский муниципальный район"
    SCOPE_ERROR = "выберите муниципальное образование, с которым вы работаете"

    @classmethod
    def setUpClass(cls):
        (cls.B_CODE, cls.B_TOPIC), (cls.Z_CODE, cls.Z_TOPIC) = STACK.query(
            "SELECT code, name FROM appeal_topic WHERE code IN ('0005.0005.0056', "
            "'0003.0009.0099') ORDER BY code DESC")
        received = epoch(date(2019, 5, 6), "10:00")
        answered = epoch(date(2019, 5, 20), "12:00")
        cls.numbers = {}
        for seq, (tag, territory, body, code) in enumerate(
                (("B1", 6, BEREZOVKA, cls.B_CODE), ("Z1", 4, OWN, cls.Z_CODE),
                 ("Z2", 4, OWN, cls.Z_CODE)), start=9001):
            number = f"R-2019-{tag}"
            clone("appeal", 1, year="2019", seq=str(seq), number=f"'{number}'",
                  code_hash="randomblob(32)", territory_id=str(territory),
                  municipality_id=str(body), topic_code=f"'{code}'", received_at=str(received),
                  registered_at=str(received), consent_at=str(received), meeting_id="NULL",
                  answer_due="'2019-05-10'", forward_due="'2019-05-08'",
                  answered_at=str(answered), closed_at=str(answered), published_at="NULL",
                  public_question="''", public_answer="''")
            cls.numbers[tag] = number
        for group, territory, title in ((2, 6, "Майская встреча группы Берёзовки"),
                                        (1, 4, "Майская встреча группы Зеленоборска")):
            insert("INSERT INTO meeting (kind, title, territory_id, starts_at, ends_at, status, "
                   "group_id, attendance) VALUES ('group_field', ?, ?, ?, ?, 'held', ?, 17)",
                   (title, territory, epoch(date(2019, 5, 15), "18:00"),
                    epoch(date(2019, 5, 15), "20:00"), group))
        cls.other_district = insert(
            "INSERT INTO municipality (kind, name, official_name, slug, code) VALUES "
            "('municipal_district', 'Кондинский район', ?, 'kondinsky-rayon', 'КНД')",
            (cls.OTHER_DISTRICT,))

    @classmethod
    def tearDownClass(cls):
        STACK.execute("DELETE FROM municipality WHERE id = ?", (cls.other_district,))

    def report(self, who, path, *shows):
        """The page PATH as WHO sees it, once it answered 200 with its heading and SHOWS."""
        return shown(self, SESSIONS[who].get(path), '<table class="list report"', *shows).text

    def refused(self, who, path, error, *hidden):
        """PATH as WHO: 400, the form again with ERROR beside the municipality, no table and
        nothing of HIDDEN; the same for its CSV."""
        for p in (path, path + "&format=csv"):
            r = SESSIONS[who].get(p)
            self.assertStatus(r, 400)
            self.assertEqual(field_error(r.text, "municipality"), error)
            self.assertIn("Исправьте параметры отчёта.", r.text)
            self.assertNotIn('<table class="list report"', r.text)
            for text in hidden:
                self.assertNotIn(text, r.text)

    def test_the_compliance_report_of_a_settlement_account(self):
        page = self.report("brzorg", f"/admin/reports/compliance?{self.PERIOD}",
                           "Сельское поселение Берёзовка; с 1 мая 2019 г. по 31 мая 2019 г.")
        self.assertEqual([row[0] for row in report_table(page, "answered-late")],
                         [self.numbers["B1"]])
        self.assertNotIn(self.numbers["Z1"], page)
        # Only its own body is offered, and not «все вместе».
        self.assertEqual(options(page, "municipality"), [(str(BEREZOVKA),
                                                          "Сельское поселение Берёзовка")])
        page = self.report("zelorg", f"/admin/reports/compliance?{self.PERIOD}",
                           "Городское поселение Зеленоборск; с 1 мая 2019 г.")
        self.assertEqual([row[0] for row in report_table(page, "answered-late")],
                         [self.numbers["Z1"], self.numbers["Z2"]])
        self.assertNotIn(self.numbers["B1"], page)
        # The CSV is the same body's.
        records = csv_records(SESSIONS["brzorg"].get(
            f"/admin/reports/compliance?{self.PERIOD}&format=csv"))
        self.assertIn("Сельское поселение Берёзовка", ";".join(records[0]))
        flat = [";".join(rec) for rec in records]
        self.assertTrue(any(self.numbers["B1"] in line for line in flat))
        self.assertFalse(any(self.numbers["Z1"] in line for line in flat))

    def test_another_settlement_in_the_query_is_refused(self):
        for path in (f"/admin/reports/compliance?{self.PERIOD}&municipality={OWN}",
                     f"/admin/reports/appeals?year=2019&municipality={OWN}",
                     f"/admin/reports/compliance?{self.PERIOD}&municipality={DISTRICT}"):
            self.refused("brzorg", path, f"муниципальное образование: {self.SCOPE_ERROR}.",
                         self.numbers["Z1"], "Городское поселение Зеленоборск",
                         "микрорайон Молодёжный", "все вместе")
        # The form offers the account's own body only, with its period kept.
        r = SESSIONS["brzorg"].get(f"/admin/reports/compliance?{self.PERIOD}&municipality={OWN}")
        self.assertEqual([v for v, _ in options(r.text, "municipality")], [str(BEREZOVKA)])
        self.assertIn('value="2019-05-01"', r.text)
        # Its own body named explicitly is the same report as without a choice.
        page = self.report("brzorg", f"/admin/reports/compliance?{self.PERIOD}"
                           f"&municipality={BEREZOVKA}", "Сельское поселение Берёзовка;")
        self.assertIn(f'<option value="{BEREZOVKA}" selected>', page)

    def test_the_appeals_report_of_a_settlement_account(self):
        page = self.report("brzorg", "/admin/reports/appeals?year=2019",
                           "Сельское поселение Берёзовка; 2019 год в сравнении с 2018 годом")
        self.assertEqual(dict(report_table(page, "territories")), {
            "сельское поселение Берёзовка": ["0", "1", "+1"],
            "Всего": ["0", "1", "+1"],
        })
        self.assertNotIn("микрорайон Молодёжный", page)
        records = csv_records(SESSIONS["brzorg"].get("/admin/reports/appeals?year=2019"
                                                     "&format=csv"))
        self.assertIn("appeals-berezovka-2019.csv",
                      SESSIONS["brzorg"].get("/admin/reports/appeals?year=2019&format=csv")
                      .header("Content-Disposition"))
        self.assertIn(["Всего", "0", "1", "1"], [rec[:4] for rec in records])
        self.assertFalse(any("Молодёжный" in ";".join(rec) for rec in records))

    def test_the_district_account_chooses_among_its_bodies(self):
        page = self.report("sovorg", "/admin/reports/appeals?year=2019",
                           "Советский муниципальный район; 2019 год")
        self.assertEqual([v for v, _ in options(page, "municipality")],
                         [str(DISTRICT), str(BEREZOVKA), str(OWN)])
        self.assertIn(f'<option value="{DISTRICT}" selected>', page)
        self.assertNotIn("все вместе", page)
        # Its settlements one by one: each only its own.
        page = self.report("sovorg", f"/admin/reports/compliance?{self.PERIOD}"
                           f"&municipality={OWN}", "Городское поселение Зеленоборск;")
        self.assertEqual([row[0] for row in report_table(page, "answered-late")],
                         [self.numbers["Z1"], self.numbers["Z2"]])
        page = self.report("sovorg", f"/admin/reports/appeals?year=2019"
                           f"&municipality={BEREZOVKA}", "Сельское поселение Берёзовка;")
        self.assertEqual(dict(report_table(page, "territories"))["Всего"], ["0", "1", "+1"])
        # Another district is no body of its.
        self.refused("sovorg", f"/admin/reports/appeals?year=2019"
                     f"&municipality={self.other_district}",
                     f"муниципальное образование: {self.SCOPE_ERROR}.", self.OTHER_DISTRICT)

    def test_the_monthly_report(self):
        def by_code(who, *shows):
            page = self.report(who, f"/admin/reports/monthly?month={self.MONTH}", *shows)
            return {row[0]: row[1][1] for row in report_table(page, "by-code")}
        self.assertEqual(by_code("brzorg", "Сельское поселение Берёзовка; май 2019 г."),
                         {self.B_CODE: "1", "Итого": "1"})
        self.assertEqual(by_code("zelorg", "Городское поселение Зеленоборск; май 2019 г."),
                         {self.Z_CODE: "2", "Итого": "2"})
        self.assertEqual(by_code("sovorg", "Советский муниципальный район и его поселения; "
                                           "май 2019 г."),
                         {self.B_CODE: "1", self.Z_CODE: "2", "Итого": "3"})
        # The whole installation: every body, its period line as before.
        self.assertEqual(by_code("organizer", '<p class="lead">май 2019 г.</p>'),
                         {self.B_CODE: "1", self.Z_CODE: "2", "Итого": "3"})
        records = csv_records(SESSIONS["brzorg"].get(f"/admin/reports/monthly?month={self.MONTH}"
                                                     "&format=csv"))
        self.assertEqual([rec[:3] for rec in records if rec and rec[0] in
                          (self.B_CODE, self.Z_CODE, "Итого")],
                         [[self.B_CODE, self.B_TOPIC, "1"], ["Итого", "", "1"]])

    def test_the_groups_report(self):
        def groups(who, *shows):
            page = self.report(who, "/admin/reports/groups?year=2019&half=1", *shows)
            return {row[0]: row[1][1] for row in report_table(page, "by-group")}
        self.assertEqual(groups("brzorg", "Сельское поселение Берёзовка; первое полугодие"),
                         {"Информационная группа № 2": "1", "Всего": "1"})
        self.assertEqual(groups("zelorg", "Городское поселение Зеленоборск;"),
                         {"Информационная группа № 1": "1", "Всего": "1"})
        both = {"Информационная группа № 1": "1", "Информационная группа № 2": "1", "Всего": "2"}
        self.assertEqual(groups("sovorg", "Советский муниципальный район и его поселения;"),
                         both)
        self.assertEqual(groups("organizer", "первое полугодие 2019 г."), both)
        records = csv_records(SESSIONS["zelorg"].get("/admin/reports/groups?year=2019&half=1"
                                                     "&format=csv"))
        flat = ";".join(";".join(rec) for rec in records)
        self.assertIn("Информационная группа № 1", flat)
        self.assertNotIn("Информационная группа № 2", flat)

    def test_the_district_summary(self):
        page = self.report("sovorg", "/admin/reports/district?year=2019",
                           "Советский муниципальный район; 2019 год")
        self.assertEqual([row[0] for row in report_table(page, "summary")],
                         ["Сельское поселение Берёзовка", "Городское поселение Зеленоборск"])
        self.assertEqual([v for v, _ in options(page, "municipality")], [str(DISTRICT)])
        # Another district, and one of its settlements, are refused beside the field.
        self.refused("sovorg", f"/admin/reports/district?year=2019"
                     f"&municipality={self.other_district}",
                     f"муниципальное образование: {self.SCOPE_ERROR}.", self.OTHER_DISTRICT)
        self.refused("sovorg", f"/admin/reports/district?year=2019&municipality={BEREZOVKA}",
                     "муниципальное образование: выберите муниципальный район из списка.")
        # A settlement's account has no district summary, page or CSV.
        detail = "Сводка района по поселениям доступна сотрудникам района"
        for who in ("brzorg", "brzadmin"):
            self.assertForbidden(SESSIONS[who].get("/admin/reports/district?year=2019"), detail)
            self.assertForbidden(SESSIONS[who].get("/admin/reports/district?year=2019"
                                                   "&format=csv"), detail)
            self.assertForbidden(SESSIONS[who].get(f"/admin/reports/district?municipality="
                                                   f"{DISTRICT}"), detail)

    def test_the_reports_page_offers_what_the_account_may_run(self):
        page = shown(self, SESSIONS["brzorg"].get("/admin/reports"), "<h1>Отчёты</h1>",
                     "Отчёты показывают данные муниципального образования, с которым вы "
                     "работаете: Сельское поселение Берёзовка.",
                     'href="/admin/reports/monthly"').text
        self.assertNotIn("/admin/reports/district", page)
        self.assertNotIn("По всем муниципальным образованиям вместе", page)
        page = shown(self, SESSIONS["sovorg"].get("/admin/reports"), "<h1>Отчёты</h1>",
                     "муниципальных образований, с которыми вы работаете: Советский "
                     "муниципальный район и его поселения.",
                     'href="/admin/reports/district"').text
        self.assertNotIn("По всем муниципальным образованиям вместе", page)
        page = shown(self, SESSIONS["organizer"].get("/admin/reports"), "<h1>Отчёты</h1>",
                     'href="/admin/reports/district"',
                     "По всем муниципальным образованиям вместе").text
        self.assertNotIn("Отчёты показывают данные", page)


if __name__ == "__main__":
    unittest.main()
