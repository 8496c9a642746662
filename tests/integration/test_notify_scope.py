"""Media lists and subscriptions per municipality (issue 18 item 2) through the real stack and the
real notifier: a meeting's announcement reaches the media lists of its municipality and of that
municipality's district, never another settlement's; a subscriber of a settlement gets the
settlement's announcements and the district's meetings that concern the settlement, never the
other settlement's. Staff keep the media lists of their own bodies only; a municipality's
subscription form offers its own territories only. The upgrade of a single-municipality database
keeps every contact and subscription, in the own municipality.

One stack with the demo (Советский район with Зеленоборск and Берёзовка), mail delivered by
build/portal-notify to a real aiosmtpd server on loopback."""

import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import unittest

import helpers
from helpers import day, local_input, shown, text_of
from receivers import SmtpServer
from stack import Stack, database_at
from staff import Browser, field_error, form_errors, options, start_staff_stack

STACK = None
SMTP = None
SESSIONS = {}
PASSWORD = "scope-password-1"
OWN, DISTRICT, BEREZOVKA = 1, 2, 3  # the demo's municipalities: Зеленоборск is the own one
# login: (role, municipality slug) — created with portal-admin in setUpModule.
ACCOUNTS = {
    "brzpress": ("press", "berezovka"),
    "zelpress": ("press", "zelenoborsk"),
    "sovpress": ("press", "sovetsky-rayon"),
    "brzorg": ("organizer", "berezovka"),
    "zelorg": ("organizer", "zelenoborsk"),
    "sovorg": ("organizer", "sovetsky-rayon"),
    "brzctl": ("controller", "berezovka"),
    "sovctl": ("controller", "sovetsky-rayon"),
}
# The scoped staff's addresses (alerts and digests go there), and one organizer of the whole
# installation (the demo's 'organizer' account).
STAFF_MAIL = {login: f"{login}@staff.example" for login in
              ("brzorg", "zelorg", "sovorg", "brzctl", "sovctl", "organizer")}
# The media lists: one paper per body, written in SQL (the staff pages are tested below).
PAPER = {OWN: "vestnik@zelenoborsk.example", BEREZOVKA: "gazeta@berezovka.example",
         DISTRICT: "rayon@sovetsky.example"}
# Subscribers of a whole municipality.
READER = {OWN: "reader@zelenoborsk.example", BEREZOVKA: "reader@berezovka.example",
          DISTRICT: "reader@sovetsky.example"}
NOT_FOUND = "Страница не найдена"


def notify():
    """Run the notifier once: it announces what is due and delivers the outbox."""
    p = subprocess.run([os.path.join(STACK.bin, "portal-notify"), "-c", STACK.conf],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, (p.returncode, p.stdout, p.stderr)


def setUpModule():
    global STACK, SMTP
    SMTP = SmtpServer().start()
    STACK, _passwords, signed = start_staff_stack(
        {("mail", "smtp_url"): SMTP.url, ("mail", "from"): "noreply@zelenoborsk.example"},
        with_token=True)
    SESSIONS.update(signed)
    for login, (role, slug) in ACCOUNTS.items():
        r = STACK.admin("user", "add", login, role, "--municipality", slug,
                        input_text=PASSWORD + "\n")
        assert r.returncode == 0, r.stderr
        b = Browser(STACK)
        assert b.login(login, PASSWORD).status == 303
        b.token = b.csrf("/admin")
        SESSIONS[login] = b
    # The demo's own announcements and today's digests go out first, to nobody of these:
    # the tests count only their own.
    notify()
    for login, email in STAFF_MAIL.items():
        STACK.execute("UPDATE staff_user SET email = ? WHERE login = ?", (email, login))
    for body, email in PAPER.items():
        STACK.execute("INSERT INTO media_contact (name, email, municipality_id) VALUES (?, ?, ?)",
                      (f"Газета {email}", email, body))
    for n, (body, email) in enumerate(READER.items()):
        STACK.execute("INSERT INTO subscription (email, territory_id, token, status, created_at, "
                      "municipality_id) VALUES (?, NULL, ?, 'active', unixepoch(), ?)",
                      (email, f"scope-token-{n}", body))


def tearDownModule():
    try:
        STACK.close()
    finally:
        SMTP.stop()


def draft_meeting(territory, venue, days=10):
    """A draft meeting in TERRITORY made on the staff pages by the installation's organizer,
    DAYS ahead; (id, title)."""
    d = day(days)
    title = helpers.unique("Встреча")
    fields = {"kind": "gathering", "title": title, "territory": str(territory),
              "venue": str(venue), "starts_at": local_input(d, "18:00"),
              "ends_at": local_input(d, "20:00"), "host": "1", "expected_attendance": "40",
              "description": "Обсуждение благоустройства."}
    org = SESSIONS["organizer"]
    r = org.post("/admin/meetings", fields)
    assert r.status == 303, (r.status, form_errors(r.text))
    mid = int(re.fullmatch(r"/admin/meetings/(\d+)", r.header("Location")).group(1))
    return mid, title


def approved_meeting(territory, venue):
    """An approved meeting in TERRITORY made on the staff pages by the installation's organizer,
    10 days ahead; (id, title)."""
    mid, title = draft_meeting(territory, venue)
    r = SESSIONS["organizer"].post(f"/admin/meetings/{mid}/approve", {})
    assert r.status == 303, (r.status, form_errors(r.text))
    return mid, title


def announced_to(title):
    """The addresses the announcement of the meeting TITLE reached, after a notifier run."""
    notify()
    return {m.to for m in SMTP.about(title)}


class Announcements(unittest.TestCase):
    """Who gets a settlement's and a district's announcement."""

    def test_a_berezovka_meeting_reaches_berezovka_and_the_district_not_zelenoborsk(self):
        _mid, title = approved_meeting(territory=7, venue=7)  # деревня Кедровая, Берёзовка
        got = announced_to(title)
        for address in (PAPER[BEREZOVKA], PAPER[DISTRICT], READER[BEREZOVKA]):
            self.assertIn(address, got)
        for address in (PAPER[OWN], READER[OWN], READER[DISTRICT]):
            self.assertNotIn(address, got)

    def test_a_zelenoborsk_meeting_reaches_zelenoborsk_and_the_district_not_berezovka(self):
        _mid, title = approved_meeting(territory=3, venue=2)  # микрорайон Центральный
        got = announced_to(title)
        for address in (PAPER[OWN], PAPER[DISTRICT], READER[OWN]):
            self.assertIn(address, got)
        for address in (PAPER[BEREZOVKA], READER[BEREZOVKA], READER[DISTRICT]):
            self.assertNotIn(address, got)

    def test_a_district_wide_meeting_reaches_the_district_and_both_settlements_readers(self):
        mid, title = approved_meeting(territory=3, venue=2)
        # Moved to the district's own territory before the notifier saw it: the district's.
        STACK.execute("UPDATE meeting SET territory_id = 1 WHERE id = ?", (mid,))
        self.assertEqual(STACK.query("SELECT municipality_id FROM meeting WHERE id = ?", (mid,)),
                         [(DISTRICT,)])
        got = announced_to(title)
        for address in (PAPER[DISTRICT], READER[DISTRICT], READER[OWN], READER[BEREZOVKA]):
            self.assertIn(address, got)
        # A district's meeting goes to the district's papers, not to each settlement's.
        for address in (PAPER[OWN], PAPER[BEREZOVKA]):
            self.assertNotIn(address, got)


def due_appeal(tag, territory):
    """A registered appeal in TERRITORY whose answer is due today, numbered TAG."""
    seq = STACK.query("SELECT max(seq) + 1 FROM appeal")[0][0]
    cols = [c[1] for c in STACK.query("SELECT * FROM pragma_table_info('appeal')")
            if c[1] != "id"]
    over = {"seq": str(seq), "number": f"'{tag}'", "code_hash": "randomblob(32)",
            "territory_id": str(territory), "municipality_id": "NULL",
            "status": "'registered'", "answer_due": "date('now', '+5 hours')",
            "executor_id": "NULL"}
    STACK.execute(f"INSERT INTO appeal ({', '.join(cols)}) SELECT "
                  f"{', '.join(over.get(c, c) for c in cols)} FROM appeal WHERE id = 2")
    STACK.execute("UPDATE appeal SET municipality_id = (SELECT municipality_id FROM territory "
                  "WHERE id = ?) WHERE number = ?", (territory, tag))
    STACK.execute("UPDATE appeal_counter SET last = ? WHERE year = (SELECT year FROM appeal "
                  "WHERE number = ?)", (seq, tag))


class StaffAlerts(unittest.TestCase):
    """Alerts and digests by role go to the staff of the bodies concerned (issue 18 item 3)."""

    def mail_to(self, login, needle):
        return [m for m in SMTP.about(needle) if m.to == STAFF_MAIL[login]]

    def test_a_draft_alert_goes_to_the_organizers_of_its_bodies(self):
        _mid, b_title = draft_meeting(territory=7, venue=7, days=6)   # Берёзовка
        _mid, z_title = draft_meeting(territory=3, venue=2, days=6)   # Зеленоборск
        notify()
        for title, theirs, others in ((b_title, ("brzorg", "sovorg", "organizer"), ("zelorg",)),
                                      (z_title, ("zelorg", "sovorg", "organizer"), ("brzorg",))):
            for login in theirs:
                with self.subTest(title=title, login=login):
                    mails = self.mail_to(login, title)
                    self.assertEqual(len(mails), 1)
                    self.assertEqual(mails[0].subject, f"Черновик не утверждён: {title}")
            for login in others:
                with self.subTest(title=title, login=login):
                    self.assertEqual(self.mail_to(login, title), [])
        # The settlement's organizer did get the alert about its own draft (above): the
        # absence of the other's is not an absence of mail.

    def test_a_controllers_digest_lists_the_appeals_of_their_bodies_only(self):
        due_appeal("БРЗ-ТЕСТ-1", territory=6)
        due_appeal("ЗЕЛ-ТЕСТ-1", territory=3)
        notify()
        subject = "Сроки ответов на обращения"
        brz = self.mail_to("brzctl", subject)
        self.assertEqual(len(brz), 1)
        self.assertIn("№ БРЗ-ТЕСТ-1, срок ответа", brz[0].text)
        self.assertNotIn("ЗЕЛ-ТЕСТ-1", brz[0].text)
        sov = self.mail_to("sovctl", subject)
        self.assertEqual(len(sov), 1)
        self.assertIn("№ БРЗ-ТЕСТ-1, срок ответа", sov[0].text)
        self.assertIn("№ ЗЕЛ-ТЕСТ-1, срок ответа", sov[0].text)


class MediaPages(unittest.TestCase):
    """/admin/media for accounts bound to a body."""

    def media_rows(self):
        return STACK.query("SELECT id, name, email, active, municipality_id FROM media_contact "
                           "ORDER BY id")

    def test_a_settlement_account_sees_and_adds_its_own_list_only(self):
        brz = SESSIONS["brzpress"]
        page = shown(self, brz.get("/admin/media"), "<h1>Список СМИ для рассылки</h1>",
                     PAPER[BEREZOVKA]).text
        self.assertNotIn(PAPER[OWN], page)
        self.assertNotIn(PAPER[DISTRICT], page)
        self.assertNotIn('name="municipality"', page)  # one body: nothing to choose
        # The address Зеленоборск's list has is not taken on Берёзовка's.
        r = brz.post("/admin/media", {"name": "Вестник для Берёзовки", "email": PAPER[OWN]})
        self.assertEqual(r.status, 303, form_errors(r.text))
        self.assertEqual(STACK.query("SELECT municipality_id FROM media_contact WHERE name = ?",
                                     ("Вестник для Берёзовки",)), [(BEREZOVKA,)])
        # Twice on its own list is refused beside the field.
        before = self.media_rows()
        r = brz.post("/admin/media", {"name": "Ещё раз", "email": PAPER[BEREZOVKA]})
        self.assertEqual(r.status, 422)
        self.assertIn("этот адрес уже есть в списке СМИ", field_error(r.text, "email"))
        self.assertEqual(self.media_rows(), before)

    def test_another_bodys_contact_is_404_and_unchanged(self):
        zel_paper = STACK.query("SELECT id FROM media_contact WHERE email = ? "
                                "AND municipality_id = ?", (PAPER[OWN], OWN))[0][0]
        brz = SESSIONS["brzpress"]
        for method, path, fields in (
                ("GET", f"/admin/media/{zel_paper}", None),
                ("POST", f"/admin/media/{zel_paper}", {"name": "Захвачено", "email": "x@y.example"}),
                ("POST", f"/admin/media/{zel_paper}/deactivate", {}),
                ("POST", f"/admin/media/{zel_paper}/activate", {})):
            before = self.media_rows()
            audit = STACK.query("SELECT count(*) FROM audit_log")
            r = brz.get(path) if method == "GET" else brz.post(path, fields)
            with self.subTest(method=method, path=path):
                self.assertEqual(r.status, 404)
                self.assertIn(f"<h1>{NOT_FOUND}</h1>", r.text)
                self.assertEqual(self.media_rows(), before)
                self.assertEqual(STACK.query("SELECT count(*) FROM audit_log"), audit)
        # Zelenoborsk's own account opens it.
        shown(self, SESSIONS["zelpress"].get(f"/admin/media/{zel_paper}"), PAPER[OWN])

    def test_a_district_account_chooses_among_its_settlements_and_no_other(self):
        sov = SESSIONS["sovpress"]
        page = shown(self, sov.get("/admin/media"), PAPER[DISTRICT], PAPER[OWN],
                     PAPER[BEREZOVKA], "<th scope=\"col\">Муниципальное образование</th>").text
        self.assertEqual(sorted(v for v, _label in options(page, "municipality")),
                         sorted([str(OWN), str(DISTRICT), str(BEREZOVKA)]))
        r = sov.post("/admin/media", {"name": "Радио района для Берёзовки",
                                      "email": "radio@sovetsky.example",
                                      "municipality": str(BEREZOVKA)})
        self.assertEqual(r.status, 303, form_errors(r.text))
        self.assertEqual(STACK.query("SELECT municipality_id FROM media_contact WHERE email = ?",
                                     ("radio@sovetsky.example",)), [(BEREZOVKA,)])
        # A settlement's account cannot put a contact on the district's list: beside the field,
        # the input kept, nothing written.
        brz = SESSIONS["brzpress"]
        before = self.media_rows()
        r = brz.post("/admin/media", {"name": "Чужой список", "email": "alien@example.org",
                                      "municipality": str(DISTRICT)})
        self.assertEqual(r.status, 422, text_of(r.text)[:300])
        self.assertIn("выберите муниципальное образование, с которым вы работаете",
                      field_error(r.text, "municipality"))
        self.assertIn('value="alien@example.org"', r.text)
        self.assertEqual(self.media_rows(), before)
        # A municipality that does not exist, from the district's account.
        r = sov.post("/admin/media", {"name": "Нет такого", "email": "none@example.org",
                                      "municipality": "999"})
        self.assertEqual(r.status, 422)
        self.assertIsNotNone(field_error(r.text, "municipality"))
        self.assertEqual(self.media_rows(), before)


class SubscriptionForm(unittest.TestCase):
    """/m/<slug>/subscribe: that municipality's subscription, its own territories only."""

    def form(self, browser, slug):
        r = browser.get(f"/m/{slug}/subscribe")
        page = shown(self, r, "<h1>Подписка на анонсы встреч</h1>").text
        return page, re.search(r'name="csrf" value="([^"]*)"', page).group(1)

    def test_berezovka_form_offers_its_territories_and_subscribes_to_berezovka(self):
        b = Browser(STACK)
        page, token = self.form(b, "berezovka")
        self.assertIn('action="/m/berezovka/subscribe"', page)
        self.assertIn("Все встречи: Берёзовка целиком", page)
        offered = {v for v, _label in options(page, "territory")}
        self.assertEqual(offered, {"", "6", "7"})
        r = b.post("/m/berezovka/subscribe", {"csrf": token, "email": "new@berezovka.example",
                                              "territory": "", "consent": "yes", "website": ""})
        self.assertEqual(r.status, 303, form_errors(r.text))
        self.assertEqual(STACK.query("SELECT municipality_id, territory_id, status FROM "
                                     "subscription WHERE email = 'new@berezovka.example'"),
                         [(BEREZOVKA, None, "pending")])
        body = STACK.query("SELECT body FROM outbox WHERE recipient = 'new@berezovka.example' "
                           "AND purpose = 'confirmation'")[0][0]
        self.assertIn("Подписка: все встречи, Берёзовка целиком.", body)
        # The same address on Зеленоборск's page is a subscription of its own.
        b2 = Browser(STACK)
        _page, token = self.form(b2, "zelenoborsk")
        r = b2.post("/m/zelenoborsk/subscribe", {"csrf": token, "email": "new@berezovka.example",
                                                 "consent": "yes", "website": ""})
        self.assertEqual(r.status, 303, form_errors(r.text))
        self.assertEqual(STACK.query("SELECT municipality_id FROM subscription WHERE "
                                     "email = 'new@berezovka.example' ORDER BY id"),
                         [(BEREZOVKA,), (OWN,)])

    def test_another_municipalitys_territory_is_refused_beside_the_field(self):
        b = Browser(STACK)
        _page, token = self.form(b, "berezovka")
        before = STACK.query("SELECT * FROM subscription ORDER BY id")
        outbox = STACK.query("SELECT count(*) FROM outbox")
        r = b.post("/m/berezovka/subscribe", {"csrf": token, "email": "crafty@mail.example",
                                              "territory": "3", "consent": "yes", "website": ""})
        self.assertEqual(r.status, 422)
        self.assertIn("выберите территорию из списка", field_error(r.text, "territory"))
        self.assertIn('value="crafty@mail.example"', r.text)
        self.assertEqual(STACK.query("SELECT * FROM subscription ORDER BY id"), before)
        self.assertEqual(STACK.query("SELECT count(*) FROM outbox"), outbox)

    def test_an_unknown_municipality_has_no_form(self):
        r = Browser(STACK).get("/m/nowhere/subscribe")
        self.assertEqual(r.status, 404)
        self.assertIn(f"<h1>{NOT_FOUND}</h1>", r.text)

    def test_the_municipality_page_links_its_form(self):
        shown(self, STACK.get("/m/berezovka"), 'href="/m/berezovka/subscribe"')
        shown(self, STACK.get("/m/berezovka/meetings"), 'href="/m/berezovka/subscribe"')


class Upgrade(unittest.TestCase):
    """A single-municipality database at migration 030 keeps its media list and subscriptions,
    now the own municipality's."""

    def test_contacts_and_subscriptions_move_into_the_own_municipality(self):
        work = tempfile.mkdtemp(prefix="portal-upgrade-031-")
        try:
            # A database as the release before migration 031 left it.
            db_path = database_at(work, 30)
            conn = sqlite3.connect(db_path)
            try:
                self.assertEqual(conn.execute("PRAGMA user_version").fetchone()[0], 30)
                conn.executescript("""
                    INSERT INTO territory (id, parent_id, level, name) VALUES
                     (1, NULL, 'settlement', 'городское поселение'),
                     (2, 1, 'microdistrict', 'микрорайон Северный');
                    INSERT INTO media_contact (id, name, email, active) VALUES
                     (5, 'Газета', 'news@paper.example', 1), (9, 'Радио', 'radio@fm.example', 0);
                    INSERT INTO subscription (id, email, territory_id, token, status, created_at)
                     VALUES (3, 'a@mail.example', NULL, 't1', 'active', 1),
                            (4, 'a@mail.example', 2, 't2', 'pending', 2);
                """)
                conn.commit()
            finally:
                conn.close()
            # The upgrade: `portal-admin init` with every migration.
            maker = Stack(settings={("database", "path"): db_path})
            maker.conf = os.path.join(work, "new.ini")
            maker._write_config()
            subprocess.run([os.path.join(maker.bin, "portal-admin"), "-c", maker.conf, "init"],
                           check=True, capture_output=True)
            conn = sqlite3.connect(db_path)
            try:
                self.assertGreaterEqual(conn.execute("PRAGMA user_version").fetchone()[0], 31)
                self.assertEqual(conn.execute(
                    "SELECT id, name, email, active, municipality_id FROM media_contact "
                    "ORDER BY id").fetchall(),
                    [(5, "Газета", "news@paper.example", 1, 1), (9, "Радио", "radio@fm.example", 0, 1)])
                self.assertEqual(conn.execute(
                    "SELECT id, email, territory_id, token, status, municipality_id "
                    "FROM subscription ORDER BY id").fetchall(),
                    [(3, "a@mail.example", None, "t1", "active", 1),
                     (4, "a@mail.example", 2, "t2", "pending", 1)])
                self.assertEqual(conn.execute("SELECT id FROM municipality WHERE own = 1")
                                 .fetchall(), [(1,)])
            finally:
                conn.close()
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
