"""Issue 21, items 9–16, as residents, staff and the press office meet them: records that must not
mislead (an overdue instruction marked so on the site, a protocol's place that contradicts the
venue flagged to the secretary, results in the Atom feed only once a protocol is signed and never
for a personal reception, no appeal handed in at a meeting that has not taken place), the
registry and appeal pages, the staff pages on a phone, the outbox without a mail server, the
media plan without a social-network channel, reference-group mail with consent and a way to
stop it, published answers in the feed and to the media, and the agreed place of an information
group's field meeting. One stack with the demo municipality (no mail server configured), staff
signed in for every role."""

import json
import os
import re
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET

from helpers import day, epoch, local_input, main_of, text_of, unique, wait_for, words
from receivers import SmtpServer, WebhookReceiver
from stack import ROOT
from staff import (StaffAssertions, browser_form, field_error, form_errors, staff_module,
                   start_staff_stack)

STACK = None
SESSIONS = {}
ATOM = "{http://www.w3.org/2005/Atom}"

setUpModule, tearDownModule = staff_module(globals(), SESSIONS, with_token=True)


def page_text(r):
    """The visible text of the <main> of answer R."""
    return text_of(main_of(r.text))


def plural(n, one, few, many):
    """The Russian form for N: 1 день, 2 дня, 5 дней."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    return few if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else many


def feed_entries():
    """[(title, content, id)] of /feed.atom's entries (which must answer 200)."""
    r = STACK.get("/feed.atom")
    assert r.status == 200, r.status
    root = ET.fromstring(r.body)
    return [(e.findtext(ATOM + "title"), e.findtext(ATOM + "content"), e.findtext(ATOM + "id"))
            for e in root.findall(ATOM + "entry")]


def insert_meeting(title, offset, kind="head_mass", status="approved", venue=1, group=None,
                   hm="18:00", end="20:00"):
    """A meeting OFFSET local days from today, as the staff pages leave it; its id."""
    d = day(offset)
    conn = STACK.db()
    try:
        cur = conn.execute(
            "INSERT INTO meeting (kind, title, territory_id, venue_id, starts_at, ends_at, host_id, "
            "organising_unit, status, approved_at, group_id) VALUES (?, ?, 3, ?, ?, ?, 1, "
            "'Организационный сектор', ?, CASE WHEN ? = 'draft' THEN NULL ELSE unixepoch() END, ?)",
            (kind, title, venue, epoch(d, hm), epoch(d, end), status, status, group))
        conn.commit()
        return cur.lastrowid
    finally:
        conn.close()


# A page as a 320 CSS px phone shows it, in headless Chromium (playwright-core of tests/web): the
# script evaluates EXPR (a JavaScript expression over the loaded page) and prints it as JSON.
PHONE_JS = r"""
const path = require('path');
const [url, cookiesJson, webdir, expr, width] = process.argv.slice(2);
const { chromium } = require(path.join(webdir, 'node_modules', 'playwright-core'));
(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const ctx = await browser.newContext({ viewport: { width: +width, height: 640 } });
  await ctx.addCookies(JSON.parse(cookiesJson).map((c) => ({ ...c, url: new URL('/', url).href })));
  const page = await ctx.newPage();
  await page.goto(url);
  const result = await page.evaluate(expr);
  await browser.close();
  console.log(JSON.stringify(result));
})().catch((e) => { console.error(e); process.exit(1); });
"""


def on_phone(browser, path, expr, width=320):
    """What EXPR gives on PATH as a 320 px screen (or WIDTH) shows it to BROWSER (its cookies)."""
    web = os.path.join(ROOT, "tests", "web")
    assert os.path.isdir(os.path.join(web, "node_modules", "playwright-core")), \
        "tests/web/node_modules is missing: run make deps-test"
    with tempfile.NamedTemporaryFile("w", suffix=".cjs", delete=False) as f:
        f.write(PHONE_JS)
    try:
        cookies = [{"name": k, "value": c["value"]} for k, c in browser.jar.items()]
        p = subprocess.run(["node", f.name, STACK.base + path, json.dumps(cookies), web, expr,
                            str(width)],
                           capture_output=True, text=True, timeout=120)
    finally:
        os.unlink(f.name)
    assert p.returncode == 0, p.stderr[-2000:]
    return json.loads(p.stdout)


# ---- item 9: records that mislead ------------------------------------------------------------------
class OverdueInstructionOnTheSite(unittest.TestCase):
    """Demo protocol 1 (meeting 10): instruction 3 is «назначено», due 3 days ago; instruction 1
    is in progress and due in 2 days; instruction 2 was accepted, due yesterday."""

    def instruction_lines(self, path):
        r = STACK.get(path)
        self.assertEqual(r.status, 200)
        return {re.sub(r"\s+", " ", text_of(li)) for li in re.findall(r"<li>(.*?)</li>", r.text, re.S)
                if "срок" in text_of(li)}

    def check(self, path):
        lines = self.instruction_lines(path)
        overdue = [l for l in lines if l.startswith("Подготовить встречу по итогам")]
        self.assertEqual(len(overdue), 1, lines)
        self.assertIn(f"срок {words(day(-3))}: назначено, просрочено", overdue[0])
        soon = [l for l in lines if l.startswith("Подготовить смету")]
        self.assertEqual(len(soon), 1, lines)
        self.assertIn(f"срок {words(day(2))}: в работе", soon[0])
        self.assertNotIn("просрочено", soon[0])
        done = [l for l in lines if l.startswith("Включить ремонт тротуаров")]
        self.assertEqual(len(done), 1, lines)
        self.assertNotIn("просрочено", done[0])

    def test_the_meeting_page_marks_it(self):
        self.check("/meetings/10")

    def test_the_printable_protocol_marks_it(self):
        self.check("/meetings/10/protocol")


class ProtocolPlaceAgainstTheVenue(StaffAssertions, unittest.TestCase):
    """Demo meeting 10 was announced at Дом культуры «Современник», ул. Политехническая, 15; its
    protocol says Дом культуры «Юность», ул. Ленина, 12."""

    def test_the_secretary_is_warned(self):
        r = SESSIONS["secretary"].get("/admin/meetings/10/protocol")
        self.assertStatus(r, 200)
        text = page_text(r)
        self.assertIn("Место в протоколе не совпадает с местом встречи", text)
        self.assertIn("Дом культуры «Современник», ул. Политехническая, 15", text)
        self.assertIn("Дом культуры «Юность», ул. Ленина, 12", text)

    def test_a_place_naming_the_venue_is_no_contradiction(self):
        mid = insert_meeting(unique("Встреча в ДК"), -5, status="held")
        conn = STACK.db()
        try:
            conn.execute("INSERT INTO protocol (meeting_id, number, held_on, place, created_at, "
                         "updated_at) VALUES (?, ?, ?, ?, unixepoch(), unixepoch())",
                         (mid, f"{mid}-П", day(-5).isoformat(),
                          "Дом культуры «Современник», малый зал"))
            conn.commit()
        finally:
            conn.close()
        r = SESSIONS["secretary"].get(f"/admin/meetings/{mid}/protocol")
        self.assertStatus(r, 200)
        self.assertIn("Дом культуры «Современник», малый зал", page_text(r))
        self.assertNotIn("не совпадает с местом встречи", page_text(r))


class ResultsInTheFeed(unittest.TestCase):
    def test_results_only_of_signed_protocols_and_never_of_receptions(self):
        titles = [t for t, _, _ in feed_entries()]
        results = [t for t in titles if t.startswith("Итоги")]
        # Meeting 10 has a signed protocol: its results are there.
        self.assertIn("Итоги: Форум общественных организаций «Реальные дела»", results)
        # Meeting 9 was held but has no protocol; 8 and 11 are personal receptions.
        self.assertNotIn("Итоги: Уличное освещение и безопасность на дорогах", results)
        self.assertFalse([t for t in results if "Личный приём" in t], results)

    def test_a_signed_personal_reception_stays_out(self):
        conn = STACK.db()
        try:
            conn.execute("INSERT INTO protocol (meeting_id, number, held_on, place, created_at, "
                         "updated_at, signed_at) VALUES (11, '11-П', date('now', '-10 days'), "
                         "'Приёмная главы', unixepoch(), unixepoch(), unixepoch())")
            conn.commit()
        finally:
            conn.close()
        try:
            titles = [t for t, _, _ in feed_entries()]
            self.assertIn("Итоги: Форум общественных организаций «Реальные дела»", titles)
            self.assertFalse([t for t in titles if "Личный приём" in t and t.startswith("Итоги")])
        finally:
            STACK.execute("DELETE FROM protocol WHERE meeting_id = 11")


class AppealFromAMeetingNotHeld(StaffAssertions, unittest.TestCase):
    def register(self, meeting, received_on):
        return SESSIONS["organizer"].post("/admin/appeals", {
            "source": "meeting", "meeting": str(meeting), "received_on": received_on,
            "surname": "Кузнецова", "name": "Ольга", "email": "kuznetsova@residents.example",
            "territory": "4", "text": "Прошу установить скамейки у школы."})

    def count(self):
        return STACK.query("SELECT count(*) FROM appeal WHERE surname = 'Кузнецова'")[0][0]

    def test_a_meeting_still_to_come_is_refused_beside_the_field(self):
        before = self.count()
        r = self.register(12, day(0).isoformat())  # demo meeting 12: in 6 days
        self.assertStatus(r, 422)
        self.assertEqual(field_error(r.text, "meeting"),
                         f"встреча: ещё не состоялась, она назначена на {words(day(6))}")
        self.assertIn('value="Кузнецова"', r.text)
        self.assertEqual(self.count(), before)
        # The form offers only meetings that have taken place.
        self.assertNotIn('<option value="12"', r.text)
        self.assertIn('<option value="10"', r.text)

    def test_a_cancelled_meeting_and_a_date_before_the_meeting_are_refused(self):
        before = self.count()
        r = self.register(7, day(-1).isoformat())  # demo meeting 7 was cancelled
        self.assertStatus(r, 422)
        self.assertEqual(field_error(r.text, "meeting"),
                         "встреча: отменена, на ней обращение передать не могли.")
        r = self.register(10, day(-20).isoformat())  # meeting 10 was 12 days ago
        self.assertStatus(r, 422)
        self.assertIn(f"не раньше дня встречи, {words(day(-12))}: обращение передано на ней",
                      field_error(r.text, "received_on"))
        self.assertEqual(self.count(), before)

    def test_a_held_meeting_is_accepted(self):
        before = self.count()
        r = self.register(10, day(-12).isoformat())
        self.assertStatus(r, 303)
        self.assertEqual(self.count(), before + 1)


# ---- item 10: the registry and the appeal page -------------------------------------------------------
def register_appeal(**over):
    """A paper appeal registered by the organizer; its id."""
    fields = {"source": "mail", "received_on": day(-1).isoformat(), "surname": "Петров",
              "name": "Пётр", "email": "petrov@residents.example", "territory": "4",
              "text": "На улице Молодёжной не вывозят мусор."}
    fields.update(over)
    r = SESSIONS["organizer"].post("/admin/appeals", fields)
    assert r.status == 303, (r.status, form_errors(r.text))
    return int(r.header("Location").rsplit("/", 1)[1])


class RegistryAndAppealPage(StaffAssertions, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.unit_only = register_appeal(surname="Безымянный")
        STACK.execute("UPDATE appeal SET unit = 'Отдел благоустройства' WHERE id = ?",
                      (cls.unit_only,))
        cls.to_unit = register_appeal(surname="Адресатов")
        STACK.execute("UPDATE appeal SET addressee = 'unit', addressee_unit = 'Отдел ЖКХ' "
                      "WHERE id = ?", (cls.to_unit,))

    def row_of(self, page, aid):
        m = re.search(rf'<tr><td data-label="Номер"><a class="number" href="/admin/appeals/{aid}">'
                      r'.*?</tr>', page, re.S)
        self.assertTrue(m, f"no row of appeal {aid}")
        return text_of(m.group(0))

    def test_the_executor_column_has_no_leading_comma(self):
        r = SESSIONS["organizer"].get("/admin/appeals")
        self.assertStatus(r, 200)
        row = self.row_of(r.text, self.unit_only)
        self.assertIn("Отдел благоустройства", row)
        self.assertNotIn(", Отдел благоустройства", row)
        self.assertIn("не назначен", self.row_of(r.text, self.to_unit))
        page = page_text(SESSIONS["organizer"].get(f"/admin/appeals/{self.unit_only}"))
        self.assertIn("Исполнитель Отдел благоустройства", page)

    def test_the_addressee_is_shown(self):
        r = SESSIONS["organizer"].get("/admin/appeals")
        self.assertStatus(r, 200)
        self.assertIn("в подразделение: Отдел ЖКХ", self.row_of(r.text, self.to_unit))
        self.assertIn("главе поселения", self.row_of(r.text, self.unit_only))
        r = SESSIONS["organizer"].get(f"/admin/appeals/{self.to_unit}")
        self.assertStatus(r, 200)
        self.assertIn("Адресат в подразделение: Отдел ЖКХ", page_text(r))

    def test_on_a_phone_numbers_stay_whole_and_state_and_due_date_are_on_screen(self):
        got = on_phone(SESSIONS["organizer"], "/admin/appeals", """(() => {
          const rows = [...document.querySelectorAll('table.list tbody tr')];
          const out = { rows: rows.length, offscreen: [], broken: [], width: document.documentElement.scrollWidth };
          for (const tr of rows) {
            const number = tr.querySelector('.number');
            if (number.getClientRects().length !== 1 || number.getBoundingClientRect().height > 40)
              out.broken.push(number.textContent);
            for (const label of ['Состояние', 'Срок ответа']) {
              const td = tr.querySelector(`td[data-label="${label}"]`);
              const box = td.getBoundingClientRect();
              if (box.width === 0 || box.left < 0 || box.right > window.innerWidth)
                out.offscreen.push(number.textContent + ' ' + label);
            }
          }
          return out; })()""")
        self.assertGreater(got["rows"], 2)
        self.assertEqual(got["broken"], [])
        self.assertEqual(got["offscreen"], [])
        self.assertLessEqual(got["width"], 320)


# ---- item 11: staff pages on a phone ---------------------------------------------------------------
# Lines of <main> that hold nothing but punctuation, as the screen lays them out.
LONE_PUNCTUATION_JS = """(() => {
  const lines = new Map();
  const w = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  let n;
  while ((n = w.nextNode())) {
    for (let i = 0; i < n.data.length; i++) {
      const rg = document.createRange(); rg.setStart(n, i); rg.setEnd(n, i + 1);
      const rc = rg.getClientRects()[0];
      if (!rc || rc.width === 0) continue;
      const key = Math.round((rc.top + rc.bottom) / 2 + window.scrollY);
      lines.set(key, (lines.get(key) || '') + n.data[i]);
    }
  }
  return [...lines.values()].filter((t) => t.trim() && /^[\\s.,:;·]+$/.test(t)); })()"""

HEADER_JS = """(() => {
  const link = document.querySelector('.site-nav a');
  const summary = document.querySelector('.staff-menu > summary');
  return { mainTop: document.querySelector('main').getBoundingClientRect().top,
           linkShown: link.checkVisibility() && link.getBoundingClientRect().height > 0,
           summaryShown: summary.checkVisibility() && summary.getBoundingClientRect().height > 0,
           summary: summary.textContent.trim(),
           width: document.documentElement.scrollWidth }; })()"""


class StaffPagesOnAPhone(StaffAssertions, unittest.TestCase):
    def test_the_staff_header_is_compact_and_the_navigation_folds(self):
        for role in ("organizer", "admin"):
            got = on_phone(SESSIONS[role], "/admin/meetings", HEADER_JS)
            self.assertLess(got["mainTop"], 300, (role, got))
            self.assertFalse(got["linkShown"], got)
            self.assertTrue(got["summaryShown"], got)
            self.assertEqual(got["summary"], "Разделы: Встречи")
            self.assertLessEqual(got["width"], 320)
        # On a desktop the navigation is a row of links, without the fold.
        got = on_phone(SESSIONS["organizer"], "/admin/meetings", HEADER_JS, width=1024)
        self.assertTrue(got["linkShown"], got)
        self.assertFalse(got["summaryShown"], got)

    def test_the_role_reads_cleanly(self):
        r = SESSIONS["organizer"].get("/admin")
        self.assertStatus(r, 200)
        header = text_of(re.search(r'<div class="staff-bar">.*?</div>', r.text, re.S).group(0))
        # The demo is a district with its settlements: the header names the account's bodies.
        self.assertEqual(header, "Сотрудник организационного сектора, организатор · "
                                 "все муниципальные образования Выйти")

    def test_the_media_plan_fits_a_phone_and_the_month_is_a_month_control(self):
        r = SESSIONS["press"].get("/admin/media-plan")
        self.assertStatus(r, 200)
        self.assertRegex(r.text, r'<input type="month" id="f-month" name="month" value=""')
        got = on_phone(SESSIONS["press"], "/admin/media-plan", """(() => {
          const rows = [...document.querySelectorAll('table.media-plan tbody tr')];
          const off = [];
          for (const tr of rows) for (const td of tr.querySelectorAll('td')) {
            const b = td.getBoundingClientRect();
            if (b.width === 0 || b.left < 0 || b.right > window.innerWidth) off.push(td.dataset.label);
          }
          return { rows: rows.length, off, width: document.documentElement.scrollWidth }; })()""")
        self.assertGreater(got["rows"], 3)
        self.assertEqual(got["off"], [])
        self.assertLessEqual(got["width"], 320)
        # The month is still checked on the server.
        self.assertEqual(SESSIONS["press"].get("/admin/media-plan?month=2026-13").status, 400)
        r = SESSIONS["press"].get("/admin/media-plan?month=" + day(6).strftime("%Y-%m"))
        self.assertStatus(r, 200)
        self.assertRegex(r.text, r'<input type="month" id="f-month" name="month" value="'
                         + day(6).strftime("%Y-%m") + '"')

    def test_no_line_of_a_lone_dot_in_the_compliance_report(self):
        r = SESSIONS["controller"].get("/admin/reports/compliance")
        self.assertStatus(r, 200)
        self.assertIn("Все отчёты", page_text(r))
        self.assertEqual(on_phone(SESSIONS["controller"], "/admin/reports/compliance",
                                 LONE_PUNCTUATION_JS), [])

    def test_the_chair_breaks_with_a_hyphen(self):
        for path in ("/admin/meetings/10/protocol", "/meetings/10/protocol"):
            r = SESSIONS["secretary"].get(path)
            self.assertStatus(r, 200)
            self.assertIn("<dt>Председатель&shy;ствующий</dt>", r.text)
            self.assertIn("Председательствующий", text_of(r.text).replace("\u00ad", ""))


# ---- item 14: consent of reference-group participants ---------------------------------------------
class ReferenceConsent(StaffAssertions, unittest.TestCase):
    def group_form(self, gid):
        r = SESSIONS["organizer"].get(f"/admin/reference-groups/{gid}")
        self.assertStatus(r, 200)
        return [(k, v) for k, v in browser_form(r.text, f"/admin/reference-groups/{gid}")
                if k != "csrf"]

    def test_the_consent_is_shown_beside_each_participant(self):
        r = SESSIONS["organizer"].get("/admin/reference-groups/2")
        self.assertStatus(r, 200)
        self.assertIn("Согласие на рассылку (152-ФЗ)", r.text)
        row = [text_of(tr) for tr in re.findall(r"<tr>(.*?)</tr>", r.text, re.S)
               if "orlov@invalidy.example" in tr]
        self.assertEqual(len(row), 1)
        self.assertIn(f"записано {words(day(-60))}: письменное согласие на получение анонсов",
                      row[0])

    def test_a_new_participant_needs_a_recorded_consent(self):
        fields = self.group_form(2)
        fields += [("member_name", "Ковалёва Нина Петровна"),
                   ("member_organisation", "Клуб «Серебряный возраст»"),
                   ("member_email", "kovaleva@club.example"), ("member_consent", "")]
        r = SESSIONS["organizer"].post("/admin/reference-groups/2", fields)
        self.assertStatus(r, 422)
        self.assertIn("укажите, как и когда получено согласие участника на рассылку",
                      " ".join(form_errors(r.text)))
        self.assertIn('value="kovaleva@club.example"', r.text)
        self.assertEqual(STACK.query("SELECT count(*) FROM reference_group_member "
                                     "WHERE email = 'kovaleva@club.example'")[0][0], 0)
        fields[-1] = ("member_consent", "письменное согласие от 1 декабря 2026 г.")
        r = SESSIONS["organizer"].post("/admin/reference-groups/2", fields)
        self.assertRedirect(r, "/admin/reference-groups/2")
        (given_at, how, by, token), = STACK.query(
            "SELECT c.given_at, c.given_how, u.login, c.token FROM reference_consent c "
            "JOIN staff_user u ON u.id = c.recorded_by WHERE c.email = 'kovaleva@club.example'")
        self.assertEqual((how, by), ("письменное согласие от 1 декабря 2026 г.", "organizer"))
        self.assertRegex(token, r"^[A-Za-z0-9_-]{43}$")
        after = json.loads(STACK.query("SELECT after_json FROM audit_log WHERE entity = "
                                       "'reference_group' AND entity_id = 2 ORDER BY id DESC "
                                       "LIMIT 1")[0][0])
        self.assertIn({"name": "Ковалёва Нина Петровна",
                       "organisation": "Клуб «Серебряный возраст»",
                       "email": "kovaleva@club.example", "consent_at": given_at,
                       "consent": "письменное согласие от 1 декабря 2026 г.",
                       "withdrawn_at": None}, after["members"])
        r = SESSIONS["organizer"].get("/admin/reference-groups/2")
        self.assertIn("письменное согласие от 1 декабря 2026 г.", page_text(r))

    def test_an_unknown_link_is_404(self):
        r = STACK.get("/reference/unsubscribe?token=nosuchtoken")
        self.assertEqual(r.status, 404)
        self.assertIn("Ссылка не найдена", text_of(r.text))


# ---- item 16: the agreed place of an information group's field meeting --------------------------------
class FieldMeetingPlace(StaffAssertions, unittest.TestCase):
    def meeting_page(self, mid, role="secretary"):
        r = SESSIONS[role].get(f"/admin/meetings/{mid}")
        self.assertStatus(r, 200)
        return r

    def home_rows(self):
        r = SESSIONS["secretary"].get("/admin")
        self.assertStatus(r, 200)
        m = re.search(r'<h2 id="unagreed-title">.*?</section>', r.text, re.S)
        return [text_of(li) for li in re.findall(r"<li>(.*?)</li>", m.group(0), re.S)] if m else []

    def test_not_agreed_is_shown_reminded_and_then_recorded(self):
        title = unique("Выездная встреча у школы")
        mid = insert_meeting(title, 8, kind="group_field", venue=3, group=1)
        # The meeting's page says so and offers the form to the group's secretary.
        text = page_text(self.meeting_page(mid))
        self.assertIn("Место согласовано нет — место не согласовано", text)
        self.assertIn("Отметить: место согласовано", text)
        # The staff home page reminds of it: its publication deadline is 3 days away.
        rows = [row for row in self.home_rows() if title in row]
        self.assertEqual(len(rows), 1, self.home_rows())
        self.assertIn(f"опубликовать до {words(day(3))}", rows[0])
        # An empty answer is refused beside the field.
        r = SESSIONS["secretary"].post(f"/admin/meetings/{mid}/place", {"place_agreed_with": ""})
        self.assertStatus(r, 422)
        self.assertIn("с кем и как согласовано", field_error(r.text, "place_agreed_with"))
        self.assertEqual(STACK.query("SELECT place_agreed_at FROM meeting WHERE id = ?", (mid,)),
                         [(None,)])
        # The press office may not record it.
        self.assertForbidden(SESSIONS["press"].post(f"/admin/meetings/{mid}/place",
                                                    {"place_agreed_with": "Директор школы"}))
        with_whom = "С директором школы № 2 Ивановой О. П., по телефону 3 декабря"
        r = SESSIONS["secretary"].post(f"/admin/meetings/{mid}/place",
                                       {"place_agreed_with": with_whom})
        self.assertRedirect(r, f"/admin/meetings/{mid}")
        text = page_text(self.meeting_page(mid))
        self.assertIn("Место согласовано да,", text)
        self.assertIn(with_whom, text)
        self.assertNotIn("место не согласовано", text)
        self.assertFalse([row for row in self.home_rows() if title in row])
        (action, after), = STACK.query("SELECT action, after_json FROM audit_log WHERE entity = "
                                       "'meeting' AND entity_id = ? ORDER BY id", (mid,))
        self.assertEqual(action, "place_agreed")
        self.assertEqual(json.loads(after)["place_agreed_with"], with_whom)
        # Another venue undoes the agreement.
        STACK.execute("UPDATE meeting SET venue_id = 4 WHERE id = ?", (mid,))
        self.assertIn("нет — место не согласовано", page_text(self.meeting_page(mid)))
        self.assertTrue([row for row in self.home_rows() if title in row])

    def test_other_kinds_have_no_such_state(self):
        mid = insert_meeting(unique("Встреча главы"), 8)
        text = page_text(self.meeting_page(mid, "organizer"))
        self.assertIn("Встреча главы", text)
        self.assertNotIn("Место согласовано", text)
        r = SESSIONS["organizer"].post(f"/admin/meetings/{mid}/place",
                                       {"place_agreed_with": "Директор"})
        self.assertStatus(r, 404)


# ---- item 12: the outbox without a mail server -------------------------------------------------------
class NoMailServer(StaffAssertions, unittest.TestCase):
    NOTICE = "Почтовый сервер не настроен: ни одно письмо не уйдёт"

    def test_the_outbox_says_so(self):
        unsent = STACK.query("SELECT count(*) FROM outbox WHERE channel = 'mail' "
                             "AND status IN ('pending', 'dead')")[0][0]
        self.assertGreater(unsent, 0)
        r = SESSIONS["admin"].get("/admin/outbox")
        self.assertStatus(r, 200)
        text = page_text(r)
        self.assertIn(self.NOTICE, text)
        self.assertIn(f"{unsent} {plural(unsent, 'письмо ждёт', 'письма ждут', 'писем ждут')} "
                      "отправки и у", text)
        self.assertIn("Последние отправленные", text)

    def test_the_staff_home_page_says_so(self):
        r = SESSIONS["organizer"].get("/admin")
        self.assertStatus(r, 200)
        self.assertIn(self.NOTICE, page_text(r))
        self.assertIn("Периодичность встреч", page_text(r))


class WithMailAndSocialNetworks(StaffAssertions, unittest.TestCase):
    """A second stack with [mail] smtp_url and a [webhooks] channel set: neither warning."""

    @classmethod
    def setUpClass(cls):
        cls.smtp = SmtpServer().start()
        cls.hook = WebhookReceiver()
        try:
            cls.stack, _, cls.sessions = start_staff_stack(
                settings={("mail", "smtp_url"): cls.smtp.url,
                          ("mail", "from"): "noreply@zelenoborsk.example",
                          ("webhooks", "vk"): cls.hook.url("/vk")}, with_token=True)
        except BaseException:
            cls.smtp.stop()
            cls.hook.close()
            raise

    @classmethod
    def tearDownClass(cls):
        try:
            cls.stack.close()
        finally:
            cls.smtp.stop()
            cls.hook.close()

    def notify(self, *args):
        """Run build/portal-notify once against this stack; its stdout."""
        p = subprocess.run([os.path.join(self.stack.bin, "portal-notify"), "-c", self.stack.conf,
                            *args],
                           capture_output=True, text=True, timeout=120)
        self.assertIn(p.returncode, (0, 1), p.stderr)
        return p.stdout

    def test_the_notifier_reminds_of_a_place_not_agreed(self):
        self.stack.execute("UPDATE staff_user SET email = login || '@zelenoborsk.example'")
        d = day(9)
        conn = self.stack.db()
        try:
            conn.execute(
                "INSERT INTO meeting (kind, title, territory_id, venue_id, starts_at, ends_at, "
                "host_id, organising_unit, status, approved_at, group_id) VALUES ('group_field', "
                "'Выездная встреча в Сельском клубе', 6, 6, ?, ?, 3, 'Организационный сектор', "
                "'draft', NULL, 2)", (epoch(d, "18:00"), epoch(d, "19:30")))
            conn.commit()
        finally:
            conn.close()
        # Tomorrow's run: today's digest may have gone out already in another test's run.
        tomorrow = "--now=" + local_input(day(1), "09:00")
        self.notify(tomorrow)
        subject = f"Место выездной встречи не согласовано: {words(day(1))}"
        got = wait_for(lambda: [m for m in self.smtp.about(subject) if m.subject == subject], 10)
        self.assertEqual(sorted(m.to for m in got),
                         ["organizer@zelenoborsk.example", "secretary@zelenoborsk.example"])
        self.assertIn("«Выездная встреча в Сельском клубе»", got[0].text)
        self.assertIn(f"опубликовать до {words(day(4))}", got[0].text)
        self.assertIn("«Подготовка к отопительному сезону»", got[0].text)
        # Once a day.
        self.notify(tomorrow)
        self.assertEqual(len([m for m in self.smtp.about(subject) if m.subject == subject]), 2)

    def reference_meeting(self, title, groups):
        """An approved meeting in 10 days mailed to the reference GROUPS; its id."""
        d = day(10)
        conn = self.stack.db()
        try:
            cur = conn.execute(
                "INSERT INTO meeting (kind, title, territory_id, venue_id, starts_at, ends_at, "
                "host_id, organising_unit, status, approved_at) VALUES ('head_mass', ?, 3, 1, ?, "
                "?, 1, 'Организационный сектор', 'approved', unixepoch())",
                (title, epoch(d, "18:00"), epoch(d, "20:00")))
            mid = cur.lastrowid
            for g in groups:
                conn.execute("INSERT INTO meeting_reference_group (meeting_id, group_id) "
                             "VALUES (?, ?)", (mid, g))
            conn.commit()
            return mid
        finally:
            conn.close()

    def test_a_reference_participant_can_stop_the_mail(self):
        first = unique("Встреча с предпринимателями")
        self.reference_meeting(first, (1,))
        self.notify()
        got = wait_for(lambda: [m for m in self.smtp.about(first)
                                if m.to == "grigoriev@business.example"], 10)
        self.assertEqual(len(got), 1)
        mail = got[0]
        link = re.search(r"https://zelenoborsk\.example(/reference/unsubscribe\?token=[\w-]+)",
                         mail.text)
        self.assertTrue(link, mail.text)
        self.assertIn("Отказаться от писем (отозвать согласие):", mail.text)
        self.assertEqual(mail.header("List-Unsubscribe"),
                         f"<https://zelenoborsk.example{link.group(1)}>")
        self.assertEqual(mail.header("List-Unsubscribe-Post"), "List-Unsubscribe=One-Click")
        # The link shows a button; the mail client's one-click POST withdraws the consent.
        r = self.stack.get(link.group(1))
        self.assertEqual(r.status, 200)
        self.assertIn("Отказаться от писем", page_text(r))
        r = self.stack.post_form(link.group(1), [("List-Unsubscribe", "One-Click")])
        self.assertEqual(r.status, 200)
        self.assertIn("Вы отказались от писем", page_text(r))
        (withdrawn, how), = self.stack.query(
            "SELECT withdrawn_at, withdrawn_how FROM reference_consent "
            "WHERE email = 'grigoriev@business.example'")
        self.assertIsNotNone(withdrawn)
        self.assertEqual(how, "по ссылке из письма")
        # Staff see it beside the participant.
        r = self.sessions["admin"].get("/admin/reference-groups/1")
        self.assertStatus(r, 200)
        row = [text_of(tr) for tr in re.findall(r"<tr>(.*?)</tr>", r.text, re.S)
               if "grigoriev@business.example" in tr]
        self.assertEqual(len(row), 1)
        self.assertIn("отозвано", row[0])
        self.assertIn("по ссылке из письма — письма не отправляются", row[0])
        # The next announcement reaches the others of the group, not them.
        second = unique("Вторая встреча с предпринимателями")
        self.reference_meeting(second, (1,))
        self.notify()
        got = wait_for(lambda: self.smtp.about(second), 10)
        recipients = {m.to for m in got}
        self.assertIn("fedorov@business.example", recipients)
        self.assertNotIn("grigoriev@business.example", recipients)
        # Saving the group again does not undo the withdrawal.
        page = self.sessions["admin"].get("/admin/reference-groups/1").text
        r = self.sessions["admin"].post("/admin/reference-groups/1",
                                        [(k, v) for k, v in browser_form(page,
                                         "/admin/reference-groups/1") if k != "csrf"])
        self.assertStatus(r, 303)
        self.assertIsNotNone(self.stack.query(
            "SELECT withdrawn_at FROM reference_consent "
            "WHERE email = 'grigoriev@business.example'")[0][0])

    def test_a_published_answer_reaches_the_feed_and_the_media(self):
        r = self.sessions["organizer"].post("/admin/appeals", {
            "source": "mail", "received_on": day(-1).isoformat(), "surname": "Иванова",
            "name": "Анна", "email": "ivanova@residents.example", "territory": "4",
            "text": "Когда откроют детскую площадку на улице Молодёжной?"})
        self.assertStatus(r, 303)
        aid = int(r.header("Location").rsplit("/", 1)[1])
        number = self.stack.query("SELECT number FROM appeal WHERE id = ?", (aid,))[0][0]
        question = "Когда откроют детскую площадку на улице Молодёжной?"
        answer = "Площадку откроют после приёмки работ, до 20 декабря."
        r = self.sessions["organizer"].post(f"/admin/appeals/{aid}/answer",
                                            {"answer": "Уважаемая Анна! " + answer})
        self.assertStatus(r, 303)
        r = self.sessions["organizer"].post(f"/admin/appeals/{aid}/publish",
                                            {"public_question": question,
                                             "public_answer": answer})
        self.assertStatus(r, 303)
        # The feed carries it, as the first (newest) entry.
        feed = self.stack.get("/feed.atom")
        self.assertEqual(feed.status, 200)
        entries = ET.fromstring(feed.body).findall(ATOM + "entry")
        first = entries[0]
        self.assertEqual(first.findtext(ATOM + "title"),
                         f"Ответ на вопрос жителей: обращение № {number}")
        self.assertEqual(first.findtext(ATOM + "content"), f"Вопрос: {question}\nОтвет: {answer}")
        self.assertRegex(first.findtext(ATOM + "id"),
                         rf"^tag:zelenoborsk\.example,\d{{4}}-\d\d-\d\d:answer/{aid}$")
        self.assertEqual(first.find(ATOM + "link").get("href"),
                         "https://zelenoborsk.example/answers")
        self.assertTrue(any(e.findtext(ATOM + "title").startswith("Анонс") for e in entries))
        # The media list gets it by mail (the two active editors, not the switched-off one).
        self.notify()
        subject = f"Ответ на вопрос жителей: обращение № {number}"
        got = wait_for(lambda: self.smtp.about(subject), 10)
        self.assertEqual(sorted(m.to for m in got),
                         ["news@zelenoborsk-tv.example", "redakciya@vestnik-zelenoborsk.example"])
        self.assertEqual(got[0].subject, subject)
        self.assertIn(answer, got[0].text)
        self.assertNotIn("Иванова", got[0].text)
        self.assertNotIn("ivanova@", got[0].text)
        # Publishing a corrected version mails nothing twice.
        r = self.sessions["organizer"].post(f"/admin/appeals/{aid}/publish",
                                            {"public_question": question,
                                             "public_answer": answer + " Уточнено."})
        self.assertStatus(r, 303)
        self.notify()
        self.assertEqual(len(self.smtp.about(subject)), 2)

    def test_no_mail_server_notice(self):
        for path, shown in (("/admin/outbox", "Последние отправленные"),
                            ("/admin", "Периодичность встреч")):
            r = self.sessions["admin"].get(path)
            self.assertStatus(r, 200)
            self.assertIn(shown, page_text(r))
            self.assertNotIn("Почтовый сервер не настроен", page_text(r))

    def test_the_media_plan_flags_only_publications_that_missed_the_networks(self):
        r = self.sessions["press"].get("/admin/media-plan")
        self.assertStatus(r, 200)
        text = page_text(r)
        self.assertNotIn("Социальные сети не подключены", text)
        self.assertNotIn("Нет канала в соцсети", text)
        rows = {text_of(tr) for tr in re.findall(r"<tr>(.*?)</tr>", r.text, re.S)}
        # Demo meeting 12 was posted to vk; demo meeting 16 too; none of them is flagged.
        posted = [t for t in rows if "Подготовка к отопительному сезону" in t]
        self.assertEqual(len(posted), 1, rows)
        self.assertNotIn("В соцсетях не опубликована", posted[0])
        # An announcement made before the channel existed: no post in the outbox.
        conn = self.stack.db()
        try:
            d = day(8)
            cur = conn.execute(
                "INSERT INTO meeting (kind, title, territory_id, venue_id, starts_at, ends_at, "
                "host_id, organising_unit, status, approved_at, announced_at) VALUES ('head_mass', "
                "'Встреча без соцсетей', 3, 1, ?, ?, 1, 'Организационный сектор', 'approved', "
                "unixepoch(), unixepoch())", (epoch(d, "18:00"), epoch(d, "20:00")))
            mid = cur.lastrowid
            conn.execute("INSERT INTO announcement (meeting_id, kind, published_at, starts_at, "
                         "ends_at, venue_id, five_days_kept) VALUES (?, 'announcement', "
                         "unixepoch(), ?, ?, 1, 1)", (mid, epoch(d, "18:00"), epoch(d, "20:00")))
            conn.commit()
        finally:
            conn.close()
        r = self.sessions["press"].get("/admin/media-plan")
        self.assertStatus(r, 200)
        rows = [text_of(tr) for tr in re.findall(r"<tr>(.*?)</tr>", r.text, re.S)
                if "Встреча без соцсетей" in tr]
        self.assertEqual(len(rows), 1)
        self.assertIn("В соцсетях не опубликована", rows[0])


# ---- item 13: the media plan without a social-network channel -----------------------------------------
class NoSocialNetworkChannel(StaffAssertions, unittest.TestCase):
    def test_the_media_plan_warns(self):
        r = SESSIONS["press"].get("/admin/media-plan")
        self.assertStatus(r, 200)
        text = page_text(r)
        self.assertIn("Социальные сети не подключены: в файле настройки портала нет ни одного "
                      "канала (раздел [webhooks])", text)
        rows = [text_of(tr) for tr in re.findall(r"<tr>(.*?)</tr>", r.text, re.S)
                if "Подготовка к отопительному сезону" in tr]
        self.assertEqual(len(rows), 1)
        self.assertIn("Нет канала в соцсети: анонс туда не уйдёт", rows[0])
        self.assertIn("Опубликовать не позднее", text)


if __name__ == "__main__":
    unittest.main()
