"""Recurring series of meetings and the staff home page (issue 3, items 7 and 8), checked the way a
user sees them (status, Russian text, links) and the way they are recorded (meeting_series,
meeting, audit_log).

Series (/admin/series): monthly ("every first Tuesday"), weekly, or a tour of several stops each
with its own date and venue; creating one writes one ordinary draft per date (at most 60), each of
which is then approved, changed or cancelled alone. The expected dates are computed here
independently of the server, with datetime and calendar.

The home page (/admin): drafts near their publication deadline (start date minus 5 days), approved
meetings not yet announced, large meetings without a police notice, held meetings without a
protocol, and the compliance table (head_mass yearly, personal_reception monthly, each information
group quarterly). Its data is set up directly in the database (INSERT/UPDATE on meeting), as the
notifier or the passing of time would leave it.

One stack for the module. Dates are computed from today's date in the municipality's zone
(Asia/Yekaterinburg, UTC+5), as the server does; time is never mocked."""

import calendar
import html
import json
import re
import time
import unittest
from datetime import date, datetime, timedelta

import helpers
from helpers import (ZONE, day, epoch, iso_local, main_of, ru_datetime, table_rows, text_of,
                     today, words)
from staff import (FORM_STALE, NOT_FOR_ROLE, Browser, StaffAssertions, browser_form, csrf_of,
                   field_error, form_errors, input_value, select_tag, selected_values,
                   staff_module)

STACK = None
PASSWORDS = {}
USERS = {}      # role -> a Browser signed in with that demo account
POLICE_THRESHOLD = 100  # conf/portal.ini [rules] police_notice_attendance
MAX_MEETINGS = 60       # SERIES_MAX_MEETINGS
TOUR_ROWS = 8           # rows of the tour form

MONTHS_NOMINATIVE = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
                     "сентябрь", "октябрь", "ноябрь", "декабрь")
PAYLOAD_SCRIPT = "<script>alert(1)</script>"

# Demo reference data (sql/demo/zelenoborsk.sql).
TERRITORY_CENTRAL, TERRITORY_BEREZOVKA, TERRITORY_KEDROVAYA, TERRITORY_MOLODEZHNY = 3, 6, 7, 4
VENUE_DK, VENUE_HALL, VENUE_SCHOOL, VENUE_CLUB, VENUE_LIBRARY = 1, 2, 3, 6, 7
VENUE_TERRITORY = {VENUE_DK: 3, VENUE_HALL: 3, VENUE_SCHOOL: 4, VENUE_CLUB: 6, VENUE_LIBRARY: 7}
HALL_PLACE = "Администрация городского поселения, зал заседаний, ул. Ленина, 1"
CENTRAL_NAME = "микрорайон Центральный"

HEAD_MASS_LABEL = "Встреча главы с массовым участием жителей — не реже раза в год"
RECEPTION_LABEL = "Личный приём главы — ежемесячно"
GROUP_LABEL = "{}: выездная встреча — не реже раза в квартал"
NOT_KEPT, PLANNED_ONLY, KEPT = "нет — назначьте встречу", "назначена, ещё не проведена", "да"

DRAFTS_TITLE = "Черновики: скоро срок публикации"
UNANNOUNCED_TITLE = "Утверждены, но ещё не объявлены"
POLICE_TITLE = "Нужно уведомить полицию"
HELD_TITLE = "Проведены, протокол не передан в сектор контроля"
RULES_TITLE = "Периодичность встреч"


# ---- reading pages -----------------------------------------------------------------------
def checked_rule(page):
    return re.findall(r'<input type="radio" id="f-rule-[a-z]+" name="rule" value="([a-z]+)" '
                      r'checked>', page)


def stop_rows(page):
    """The tour rows of the series form as typed: [(date value, [selected venue ids])]."""
    rows = []
    for n in range(1, TOUR_ROWS + 1):
        m = re.search(rf'<input id="f-stop-date-{n}" name="stop_date" type="date"'
                      r'(?: value="([^"]*)")?>', page)
        assert m, f"no stop row {n}:\n{page[-3000:]}"
        rows.append((html.unescape(m.group(1) or ""), selected_values(page, f"stop-venue-{n}")))
    return rows


def replace_fields(fields, **new):
    return [(k, new[k]) if k in new else (k, v) for k, v in fields]


# ---- Russian -------------------------------------------------------------------------------
def plural(n, one, few, many):
    if 11 <= n % 100 <= 14:
        return many
    if n % 10 == 1:
        return one
    if 2 <= n % 10 <= 4:
        return few
    return many


def meetings_word(n):
    return f"{n} {plural(n, 'встреча', 'встречи', 'встреч')}"


# ---- dates ---------------------------------------------------------------------------------
def dates_between(first, last):
    d = first
    while d <= last:
        yield d
        d += timedelta(days=1)


def nth_weekdays(first, last, weekday, ordinal):
    """Independent of the server: the ORDINAL-th (5 = last) WEEKDAY (0 = Monday) of each month,
    within [first, last]."""
    out = []
    for d in dates_between(first, last):
        if d.weekday() != weekday:
            continue
        if ordinal == 5:
            if d.day + 7 > calendar.monthrange(d.year, d.month)[1]:
                out.append(d)
        elif (d.day - 1) // 7 + 1 == ordinal:
            out.append(d)
    return out


# ---- the module's stack and accounts ------------------------------------------------------
setUpModule, tearDownModule = staff_module(
    globals(), USERS, settings={("rules", "police_notice_attendance"): str(POLICE_THRESHOLD)},
    with_token=True)


def unique(prefix="Серия"):
    """A series title no other test uses."""
    return helpers.unique(prefix)


def series_form(stops=(), **over):
    """What a browser submits for the series form: every field, the empty ones as "", eight
    tour rows. Defaults: personal reception, first Tuesday 10:00–12:00 in the hall, for the
    half-year starting 20 days from now. stops=[(date or "", venue or "")] fills the first rows;
    keyword arguments replace fields (None drops one)."""
    first = day(20)
    fields = {
        "kind": "personal_reception", "title": unique(), "start_time": "10:00",
        "end_time": "12:00", "description": "Запись по телефону приёмной.", "rule": "monthly",
        "ordinal": "1", "weekday": "2", "period_from": first.isoformat(),
        "period_to": (first + timedelta(days=182)).isoformat(),
        "territory": str(TERRITORY_CENTRAL), "venue": str(VENUE_HALL),
    }
    for k, v in over.items():
        if v is None:
            fields.pop(k, None)
        else:
            fields[k] = v
    out = list(fields.items())
    rows = list(stops) + [("", "")] * (TOUR_ROWS - len(stops))
    out += [("stop_date", str(d)) for d, _ in rows]
    out += [("stop_venue", str(v)) for _, v in rows]
    return out


def create_series(role="organizer", stops=(), **over):
    r = USERS[role].post("/admin/series", series_form(stops, **over))
    assert r.status == 303, (r.status, form_errors(r.text), text_of(main_of(r.text))[:1500])
    m = re.fullmatch(r"/admin/series/(\d+)", r.header("Location") or "")
    assert m, r.header("Location")
    return int(m.group(1))


def series_meetings(series_id):
    return STACK.query("SELECT id, kind, title, territory_id, venue_id, starts_at, ends_at, "
                       "status, description, series_id FROM meeting WHERE series_id = ? "
                       "ORDER BY starts_at", (series_id,))


def state():
    """Everything a refused POST must leave alone."""
    return (STACK.query("SELECT count(*) FROM meeting_series")[0][0],
            STACK.query("SELECT count(*) FROM meeting")[0][0],
            STACK.query("SELECT count(*) FROM audit_log")[0][0])


def user_id(login):
    return STACK.query("SELECT id FROM staff_user WHERE login = ?", (login,))[0][0]


def insert_meeting(title, kind="gathering", status="draft", d=None, hm="18:00", end="20:00",
                   territory=TERRITORY_CENTRAL, venue=VENUE_HALL, **cols):
    """A meeting written straight into the database; returns its id."""
    d = d or day(30)
    values = {"kind": kind, "title": title, "territory_id": territory, "venue_id": venue,
              "starts_at": epoch(d, hm), "ends_at": epoch(d, end), "status": status}
    values.update(cols)
    names = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    conn = STACK.db()
    try:
        cur = conn.execute(f"INSERT INTO meeting ({names}) VALUES ({marks})", list(values.values()))
        conn.commit()
        return cur.lastrowid
    finally:
        conn.close()


# ---- the home page -------------------------------------------------------------------------
def home_section(page, ident):
    """The <section> of the home page labelled by heading ID, or None."""
    m = re.search(rf'<section class="block" aria-labelledby="{ident}">(.*?)</section>', page, re.S)
    return m.group(1) if m else None


def section_items(section):
    """{meeting id: visible text of its <li>} of one section."""
    if section is None:
        return {}
    return {int(i): text_of(li) for i, li in
            re.findall(r'<li><a href="/admin/meetings/(\d+)(?:/protocol)?">(.*?)</li>', section, re.S)}


def compliance_rows(page):
    """{label: (period, counts, verdict)} of the compliance table."""
    sec = home_section(page, "rules-title")
    assert sec, "no compliance table:\n" + text_of(page)[:2000]
    out = {}
    for _, tds in table_rows(sec):
        cells = [text_of(c) for c in tds]
        out[cells[0]] = tuple(cells[1:])
    return out


class Case(StaffAssertions, unittest.TestCase):
    maxDiff = 6000

    def assertRefused(self, fields, *messages, role="organizer"):
        """POST the series form; expect 422 with each message among the errors, nothing written;
        returns the page."""
        before = state()
        r = USERS[role].post("/admin/series", fields)
        self.assertStatus(r, 422)
        errors = form_errors(r.text)
        for message in messages:
            self.assertIn(message, errors, f"errors shown: {errors}")
        self.assertEqual(state(), before, "a refused series wrote something")
        return r.text

    def assertSeriesListed(self, series_id, title, kind_name, count):
        page = main_of(USERS["organizer"].get("/admin/series").text)
        m = re.search(rf'<li><a href="/admin/series/{series_id}">(.*?)</li>', page, re.S)
        self.assertIsNotNone(m, f"series {series_id} is not listed")
        self.assertEqual(text_of(m.group(0)), f"{title} — {kind_name}, {meetings_word(count)}")

    def assertSeriesPage(self, series_id, title, rows):
        """rows: [(meeting id, starts_at, place, status)] in date order."""
        r = USERS["organizer"].get(f"/admin/series/{series_id}")
        self.assertStatus(r, 200)
        page = main_of(r.text)
        self.assertEqual(text_of(re.search(r"<h1>(.*?)</h1>", page, re.S).group(1)), title)
        body = re.search(r"<tbody>(.*?)</tbody>", page, re.S).group(1)
        shown = []
        for tr in re.findall(r"<tr>(.*?)</tr>", body, re.S):
            cells = re.findall(r"<td>(.*?)</td>", tr, re.S)
            link = re.search(r'<a href="/admin/meetings/(\d+)"><time datetime="([^"]+)">', cells[0])
            self.assertIsNotNone(link, tr)
            shown.append((int(link.group(1)), link.group(2), text_of(cells[0]), text_of(cells[1]),
                          text_of(cells[2])))
        self.assertEqual(shown, [(mid, iso_local(ts), ru_datetime(ts), place, status)
                                 for mid, ts, place, status in rows])


# ---- 1. monthly and weekly series ----------------------------------------------------------
class SeriesCreate(Case):
    def test_the_new_form_offers_every_rule_weekday_ordinal_and_eight_stops(self):
        r = USERS["organizer"].get("/admin/series/new")
        self.assertStatus(r, 200)
        page = main_of(r.text)
        csrf_of(page)
        self.assertIn('action="/admin/series"', page)
        self.assertEqual(checked_rule(page), ["monthly"])
        for code in ("monthly", "weekly", "tour"):
            self.assertIn(f'name="rule" value="{code}"', page)
        self.assertEqual(re.findall(r'<option value="(\d)">([^<]+)</option>',
                                    select_tag(page, "ordinal")),
                         [("1", "первый"), ("2", "второй"), ("3", "третий"), ("4", "четвёртый"),
                          ("5", "последний")])
        self.assertEqual([n for _, n in re.findall(r'<option value="(\d)">([^<]+)</option>',
                                                   select_tag(page, "weekday"))],
                         ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота",
                          "воскресенье"])
        self.assertEqual(stop_rows(page), [("", [])] * TOUR_ROWS)
        self.assertIn("Сельский клуб, с. Берёзовка, ул. Центральная, 4",
                      html.unescape(select_tag(page, "stop-venue-1")))

    def test_first_tuesday_over_a_half_year(self):
        title = unique("Личный приём главы")
        first, last = day(20), day(20 + 182)
        expected = nth_weekdays(first, last, 1, 1)  # Tuesday = 1 for date.weekday()
        self.assertTrue(5 <= len(expected) <= 7, expected)
        for d in expected:  # sanity of the independent computation
            self.assertEqual(calendar.weekday(d.year, d.month, d.day), calendar.TUESDAY)
            self.assertLessEqual(d.day, 7)
        sid = create_series(title=title, period_from=first.isoformat(),
                            period_to=last.isoformat(), weekday="2", ordinal="1")

        rows = series_meetings(sid)
        self.assertEqual([datetime.fromtimestamp(r[5], ZONE).date() for r in rows], expected)
        for (mid, kind, t, territory, venue, starts, ends, status, desc, series), d in zip(
                rows, expected):
            self.assertEqual((kind, t, territory, venue, status, desc, series),
                             ("personal_reception", title, TERRITORY_CENTRAL, VENUE_HALL, "draft",
                              "Запись по телефону приёмной.", sid))
            self.assertEqual((starts, ends), (epoch(d, "10:00"), epoch(d, "12:00")))
            self.assertEqual(starts % 86400, 5 * 3600, "10:00 at UTC+5 is 05:00 UTC")

        self.assertEqual(STACK.query("SELECT title, kind, rule, created_by FROM meeting_series "
                                     "WHERE id = ?", (sid,)),
                         [(title, "personal_reception", "monthly", user_id("organizer"))])
        audit = STACK.query("SELECT login, action, after_json FROM audit_log "
                            "WHERE entity = 'meeting_series' AND entity_id = ?", (sid,))
        self.assertEqual(len(audit), 1, audit)
        self.assertEqual(audit[0][:2], ("organizer", "create"))
        after = json.loads(audit[0][2])
        self.assertEqual((after["title"], after["kind"], after["rule"]),
                         (title, "personal_reception", "monthly"))
        self.assertEqual(sorted(after["meetings"]), sorted(r[0] for r in rows))

        self.assertSeriesListed(sid, title, "Личный приём граждан", len(expected))
        self.assertSeriesPage(sid, title, [(r[0], r[5], HALL_PLACE, "черновик") for r in rows])
        for r in rows:
            page = USERS["organizer"].get(f"/admin/meetings/{r[0]}")
            self.assertStatus(page, 200)
            self.assertIn(f"<h1>{title}</h1>", page.text)
        self.assertEqual(STACK.get(f"/meetings/{rows[0][0]}").status, 404, "a draft is not public")

    def test_last_friday_without_a_venue(self):
        title = unique("Приём в последнюю пятницу")
        first, last = day(25), day(25 + 150)
        expected = nth_weekdays(first, last, 4, 5)
        for d in expected:
            self.assertEqual(d.weekday(), calendar.FRIDAY)
            self.assertNotEqual((d + timedelta(days=7)).month, d.month)
        sid = create_series(title=title, period_from=first.isoformat(), period_to=last.isoformat(),
                            weekday="5", ordinal="5", start_time="15:30", end_time="17:00",
                            venue="", territory=str(TERRITORY_BEREZOVKA))
        rows = series_meetings(sid)
        self.assertEqual([datetime.fromtimestamp(r[5], ZONE).date() for r in rows], expected)
        self.assertEqual({(r[3], r[4], r[7]) for r in rows}, {(TERRITORY_BEREZOVKA, None, "draft")})
        self.assertEqual([(r[5], r[6]) for r in rows],
                         [(epoch(d, "15:30"), epoch(d, "17:00")) for d in expected])
        self.assertSeriesListed(sid, title, "Личный приём граждан", len(expected))
        self.assertSeriesPage(sid, title, [(r[0], r[5], "сельское поселение Берёзовка", "черновик")
                                           for r in rows])

    def test_second_wednesday_crosses_the_new_year(self):
        # month arithmetic across December → January
        first = date(today().year, 11, 1) if today().month < 11 else date(today().year + 1, 11, 1)
        last = date(first.year + 1, 2, 28)
        expected = nth_weekdays(first, last, 2, 2)
        self.assertEqual(len(expected), 4)
        sid = create_series(title=unique("Вторая среда"), period_from=first.isoformat(),
                            period_to=last.isoformat(), weekday="3", ordinal="2",
                            start_time="18:00", end_time="19:30", kind="gathering")
        rows = series_meetings(sid)
        self.assertEqual([(r[5], r[6]) for r in rows],
                         [(epoch(d, "18:00"), epoch(d, "19:30")) for d in expected])

    def test_weekly_includes_both_ends_of_the_period(self):
        title = unique("Еженедельный приём")
        first = day(40)
        while first.weekday() != calendar.WEDNESDAY:
            first += timedelta(days=1)
        last = first + timedelta(days=21)  # four Wednesdays, the last one on the last day
        sid = create_series(title=title, rule="weekly", ordinal="", weekday="3",
                            period_from=first.isoformat(), period_to=last.isoformat(),
                            start_time="09:00", end_time="09:45", venue=str(VENUE_DK))
        rows = series_meetings(sid)
        expected = [first + timedelta(days=7 * i) for i in range(4)]
        self.assertEqual([(r[5], r[6], r[4], r[3]) for r in rows],
                         [(epoch(d, "09:00"), epoch(d, "09:45"), VENUE_DK, TERRITORY_CENTRAL)
                          for d in expected])
        self.assertEqual(STACK.query("SELECT rule FROM meeting_series WHERE id = ?", (sid,)),
                         [("weekly",)])
        self.assertSeriesListed(sid, title, "Личный приём граждан", 4)  # «4 встречи»

    def test_weekly_starting_after_the_weekday_takes_the_next_week(self):
        first = day(50)
        while first.weekday() != calendar.THURSDAY:
            first += timedelta(days=1)
        last = first + timedelta(days=13)
        # Monday: the first is 4 days after the start; two in the period
        sid = create_series(rule="weekly", ordinal="", weekday="1",
                            period_from=first.isoformat(), period_to=last.isoformat())
        dates = [datetime.fromtimestamp(r[5], ZONE).date() for r in series_meetings(sid)]
        self.assertEqual(dates, [first + timedelta(days=4), first + timedelta(days=11)])

    def test_exactly_sixty_is_allowed(self):
        first = day(400)
        last = first + timedelta(days=7 * 60 - 1)
        sid = create_series(rule="weekly", ordinal="", weekday=str(first.weekday() + 1),
                            period_from=first.isoformat(), period_to=last.isoformat())
        rows = series_meetings(sid)
        self.assertEqual(len(rows), MAX_MEETINGS)
        self.assertEqual(datetime.fromtimestamp(rows[-1][5], ZONE).date(),
                         last - timedelta(days=6))

    def test_unknown_series_is_404(self):
        for path in ("/admin/series/999999", "/admin/series/0", "/admin/series/abc"):
            with self.subTest(path=path):
                self.assertEqual(USERS["organizer"].get(path).status, 404)


# ---- 2. tours ------------------------------------------------------------------------------
class Tour(Case):
    @staticmethod
    def tour_over():
        """The tour part of the form only: the monthly/weekly fields left empty."""
        return {"rule": "tour", "kind": "group_field", "ordinal": "", "weekday": "",
                "period_from": "", "period_to": "", "territory": "", "venue": ""}

    def tour(self, stops, **over):
        return series_form(stops, **dict(self.tour_over(), **over))

    def test_one_draft_per_filled_row_in_the_venue_territory(self):
        title = unique("Выезд информационной группы")
        stops = [(day(45), VENUE_CLUB), ("", ""), (day(47), VENUE_LIBRARY), (day(46), VENUE_SCHOOL)]
        # a territory chosen in the monthly part of the form is not what a stop uses
        r = USERS["organizer"].post("/admin/series", self.tour(
            stops, title=title, start_time="17:30", end_time="19:00",
            territory=str(TERRITORY_CENTRAL)))
        self.assertStatus(r, 303)
        sid = int(r.header("Location").rsplit("/", 1)[1])
        rows = series_meetings(sid)
        expected = sorted([s for s in stops if s[0]], key=lambda s: s[0])
        self.assertEqual([(r[3], r[4], r[5], r[6], r[7], r[1]) for r in rows],
                         [(VENUE_TERRITORY[v], v, epoch(d, "17:30"), epoch(d, "19:00"), "draft",
                           "group_field") for d, v in expected])
        self.assertEqual(STACK.query("SELECT rule FROM meeting_series WHERE id = ?", (sid,)),
                         [("tour",)])
        self.assertSeriesListed(sid, title, "Выездная встреча информационной группы", 3)
        self.assertSeriesPage(sid, title, [
            (rows[0][0], rows[0][5], "Сельский клуб, с. Берёзовка, ул. Центральная, 4", "черновик"),
            (rows[1][0], rows[1][5], "Средняя общеобразовательная школа № 2, ул. Молодёжная, 9",
             "черновик"),
            (rows[2][0], rows[2][5], "Библиотека, д. Кедровая, ул. Школьная, 2", "черновик")])

    def test_a_single_stop_is_one_meeting(self):
        title = unique("Выезд в одно село")
        sid = create_series(stops=[(day(48), VENUE_CLUB)], **dict(self.tour_over(), title=title))
        self.assertEqual(len(series_meetings(sid)), 1)
        self.assertSeriesListed(sid, title, "Выездная встреча информационной группы", 1)

    def assertRowsKept(self, page, stops, title):
        self.assertEqual(checked_rule(page), ["tour"])
        self.assertEqual(input_value(page, "title"), title)
        self.assertEqual(input_value(page, "start_time"), "10:00")
        expected = [(str(d), [str(v)] if v else []) for d, v in stops]
        expected += [("", [])] * (TOUR_ROWS - len(stops))
        self.assertEqual(stop_rows(page), expected)

    def test_a_date_without_a_venue_is_refused_and_the_rows_are_kept(self):
        title = unique("Выезд")
        stops = [(day(45), VENUE_CLUB), (day(46), "")]
        page = self.assertRefused(self.tour(stops, title=title),
                                  "дата остановки: у каждой остановки должны быть дата и место.")
        self.assertRowsKept(page, stops, title)

    def test_a_venue_without_a_date_is_refused_and_the_rows_are_kept(self):
        title = unique("Выезд")
        stops = [(day(45), VENUE_CLUB), ("", ""), ("", VENUE_LIBRARY)]
        page = self.assertRefused(self.tour(stops, title=title),
                                  "дата остановки: у каждой остановки должны быть дата и место.")
        self.assertRowsKept(page, stops, title)

    def test_no_rows_is_refused(self):
        self.assertRefused(self.tour([]),
                           "дата остановки: укажите хотя бы одну остановку: дату и место.")

    def test_an_unknown_stop_venue_is_refused(self):
        title = unique("Выезд")
        stops = [(day(45), VENUE_CLUB), (day(46), 99999)]
        self.assertRefused(self.tour(stops, title=title),
                           "место остановки: выберите место из списка.")

    def test_rows_are_kept_when_another_field_is_wrong(self):
        title = unique("Выезд")
        stops = [(day(45), VENUE_CLUB), ("", ""), (day(47), VENUE_LIBRARY)]
        page = self.assertRefused(self.tour(stops, title=title, end_time="09:00"),
                                  "время окончания: окончание должно быть позже начала.")
        self.assertRowsKept(page, stops, title)

    def test_a_malformed_stop_date_keeps_the_other_rows(self):
        # A stop date that is no date is refused beside its field, and every typed row, the bad
        # one too, comes back on the form (validate_multi in src/base/validate.c keeps them all).
        title = unique("Выезд")
        stops = [(day(45), VENUE_CLUB), ("2031-02-30", VENUE_LIBRARY)]
        page = self.assertRefused(self.tour(stops, title=title),
                                  "дата остановки: такой даты нет в календаре.")
        self.assertRowsKept(page, stops, title)

    def test_more_than_sixty_stops_is_refused_not_cut(self):
        # The form has eight rows, but the limit is the server's: 61 stops sent are refused,
        # not quietly cut to 60.
        fields = [("csrf", USERS["organizer"].token)]
        fields += [(k, v) for k, v in series_form(**self.tour_over()) if not k.startswith("stop_")]
        start = day(60)
        for i in range(61):
            fields.append(("stop_date", (start + timedelta(days=i)).isoformat()))
        fields += [("stop_venue", str(VENUE_CLUB))] * 61
        before = state()
        r = USERS["organizer"].post("/admin/series", fields)
        self.assertStatus(r, 422)
        self.assertIn("выезд может включать не больше 60 остановок", text_of(r.text))
        self.assertEqual(state(), before)


# ---- 3. validation ------------------------------------------------------------------------------
class Validation(Case):
    def test_end_time_not_after_start(self):
        for end in ("09:00", "10:00"):
            with self.subTest(end=end):
                page = self.assertRefused(series_form(start_time="10:00", end_time=end),
                                          "время окончания: окончание должно быть позже начала.")
                self.assertEqual(field_error(page, "end_time"),
                                 "время окончания: окончание должно быть позже начала.")
                self.assertEqual(input_value(page, "end_time"), end)

    def test_period_end_before_its_start(self):
        title = unique()
        page = self.assertRefused(series_form(title=title, period_from=day(60).isoformat(),
                                              period_to=day(59).isoformat()),
                                  "конец периода: конец периода раньше его начала.")
        self.assertEqual(input_value(page, "title"), title)
        self.assertEqual(input_value(page, "period_from"), day(60).isoformat())
        self.assertEqual(selected_values(page, "weekday"), ["2"])
        self.assertEqual(selected_values(page, "ordinal"), ["1"])
        self.assertEqual(selected_values(page, "territory"), [str(TERRITORY_CENTRAL)])
        self.assertEqual(selected_values(page, "venue"), [str(VENUE_HALL)])
        self.assertEqual(checked_rule(page), ["monthly"])

    def test_a_period_with_no_such_date(self):
        # weekly: a Monday-to-Wednesday period has no Sunday
        monday = day(30)
        while monday.weekday() != calendar.MONDAY:
            monday += timedelta(days=1)
        self.assertRefused(series_form(rule="weekly", ordinal="", weekday="7",
                                       period_from=monday.isoformat(),
                                       period_to=(monday + timedelta(days=2)).isoformat()),
                           "конец периода: в этом периоде нет ни одной такой даты.")
        # monthly: the first Monday is never between the 10th and the 20th
        m = day(40).replace(day=10)
        self.assertRefused(series_form(weekday="1", ordinal="1", period_from=m.isoformat(),
                                       period_to=m.replace(day=20).isoformat()),
                           "конец периода: в этом периоде нет ни одной такой даты.")
        # a one-day period on the wrong weekday
        d = day(33)
        self.assertRefused(series_form(rule="weekly", ordinal="",
                                       weekday=str((d.weekday() + 1) % 7 + 1),
                                       period_from=d.isoformat(), period_to=d.isoformat()),
                           "конец периода: в этом периоде нет ни одной такой даты.")

    def test_more_than_sixty_meetings(self):
        first = day(30)
        wd = str(first.weekday() + 1)
        for weeks in (104, 61, 62, 111):
            with self.subTest(weeks=weeks):
                last = first + timedelta(days=7 * weeks - 1)
                self.assertRefused(
                    series_form(rule="weekly", ordinal="", weekday=wd,
                                period_from=first.isoformat(), period_to=last.isoformat()),
                    f"конец периода: получается {meetings_word(weeks)}, а серия может создать "
                    f"не больше 60: сократите период.")
        # a first Tuesday every month for six years is 72
        self.assertRefused(series_form(period_from=date(today().year + 1, 1, 1).isoformat(),
                                       period_to=date(today().year + 6, 12, 31).isoformat()),
                           "конец периода: получается 72 встречи, а серия может создать "
                           "не больше 60: сократите период.")

    def test_bad_times(self):
        for bad in ("25:00", "10:60", "9:00", "10-00", "10:00:00"):
            with self.subTest(start=bad):
                page = self.assertRefused(series_form(start_time=bad),
                                          "время начала: ожидается время, например 10:00.")
                self.assertEqual(input_value(page, "start_time"), bad)
        self.assertRefused(series_form(end_time="24:30"),
                           "время окончания: ожидается время, например 10:00.")
        self.assertRefused(series_form(start_time=""),
                           "время начала: обязательное поле: заполните его.")

    def test_bad_dates(self):
        self.assertRefused(series_form(period_from="2031-02-29"),
                           "начало периода: такой даты нет в календаре.")
        self.assertRefused(series_form(period_to="01.03.2031"),
                           "конец периода: ожидается дата в формате ГГГГ-ММ-ДД, например "
                           "2026-03-11.")
        self.assertRefused(series_form(period_from=""), "начало периода: укажите начало периода.")
        self.assertRefused(series_form(period_to=""), "конец периода: укажите конец периода.")

    def test_unknown_references(self):
        self.assertRefused(series_form(venue="99999"), "место проведения: выберите место из списка.")
        self.assertRefused(series_form(territory="99999"),
                           "территория: выберите территорию из списка.")
        self.assertRefused(series_form(territory=""), "территория: выберите территорию.")
        self.assertRefused(series_form(kind="no_such_kind"), "вид встречи: выберите вид из списка.")
        self.assertRefused(series_form(kind="Приём"), "вид встречи: недопустимое значение.")
        self.assertRefused(series_form(rule="yearly"),
                           "повторение: выберите, как повторяются встречи.")
        self.assertRefused(series_form(weekday="8"),
                           "день недели: должно быть целым числом от 1 до 7.")
        self.assertRefused(series_form(weekday=""), "день недели: выберите день недели.")
        self.assertRefused(series_form(ordinal="6"),
                           "какой по счёту: должно быть целым числом от 1 до 5.")
        self.assertRefused(series_form(ordinal=""),
                           "какой по счёту: выберите, какой по счёту день недели.")

    def test_an_unknown_host_is_refused_not_a_server_error(self):
        # `host` names a person: an id of no one is refused among the form's errors like any
        # other bad value, with nothing stored, not answered with a server error.
        before = state()
        r = USERS["organizer"].post("/admin/series", series_form(host="99999"))
        self.assertStatus(r, 422)
        self.assertIn("кто проводит: выберите из списка.", form_errors(r.text))
        self.assertEqual(state(), before)

    def test_missing_title_and_kind(self):
        page = self.assertRefused(series_form(title="   "),
                                  "тема встречи: обязательное поле: заполните его.")
        self.assertEqual(input_value(page, "start_time"), "10:00")
        self.assertRefused(series_form(kind=None), "вид встречи: обязательное поле: заполните его.")
        self.assertRefused(series_form(rule=None), "повторение: обязательное поле: заполните его.")


# ---- 4. each meeting of a series is handled alone --------------------------------------------
class Independence(Case):
    def test_approve_cancel_and_edit_one_meeting_alone(self):
        title = unique("Сход по средам")
        first = day(20)
        while first.weekday() != calendar.WEDNESDAY:
            first += timedelta(days=1)
        sid = create_series(title=title, kind="gathering", rule="weekly", ordinal="",
                            weekday="3", period_from=first.isoformat(),
                            period_to=(first + timedelta(days=14)).isoformat(),
                            start_time="18:00", end_time="20:00")
        rows = series_meetings(sid)
        self.assertEqual(len(rows), 3)
        a, b, c = (r[0] for r in rows)

        def snap(mid):
            return STACK.query("SELECT * FROM meeting WHERE id = ?", (mid,))

        before_b, before_c = snap(b), snap(c)
        org = USERS["organizer"]
        r = org.post(f"/admin/meetings/{a}/approve", {})
        self.assertStatus(r, 303)
        self.assertEqual(STACK.query("SELECT status FROM meeting WHERE id = ?", (a,)),
                         [("approved",)])
        self.assertEqual((snap(b), snap(c)), (before_b, before_c))
        self.assertEqual(STACK.get(f"/meetings/{a}").status, 200, "the approved one is public")
        self.assertEqual(STACK.get(f"/meetings/{b}").status, 404, "the others are still drafts")

        r = org.post(f"/admin/meetings/{a}/cancel", {"cancel_reason": "Совпало с праздником"})
        self.assertStatus(r, 303)
        self.assertEqual(STACK.query("SELECT status, status_reason, series_id FROM meeting "
                                     "WHERE id = ?", (a,)),
                         [("cancelled", "Совпало с праздником", sid)])
        self.assertEqual((snap(b), snap(c)), (before_b, before_c))

        # move the second one to another time through its own edit form
        form = browser_form(org.get(f"/admin/meetings/{b}").text, f"/admin/meetings/{b}")
        d = datetime.fromtimestamp(rows[1][5], ZONE).date() + timedelta(days=1)
        r = org.post(f"/admin/meetings/{b}", replace_fields(
            form, starts_at=f"{d.isoformat()}T15:00", ends_at=f"{d.isoformat()}T16:30"))
        self.assertStatus(r, 303)
        self.assertEqual(STACK.query("SELECT starts_at, ends_at, status, series_id, title "
                                     "FROM meeting WHERE id = ?", (b,)),
                         [(epoch(d, "15:00"), epoch(d, "16:30"), "draft", sid, title)])
        self.assertEqual(snap(c), before_c)
        self.assertEqual(STACK.query("SELECT status FROM meeting WHERE id = ?", (a,)),
                         [("cancelled",)])

        # the series page shows each as it now is, in date order
        self.assertSeriesPage(sid, title, [
            (a, rows[0][5], HALL_PLACE, "отменена"),
            (b, epoch(d, "15:00"), HALL_PLACE, "черновик"),
            (c, rows[2][5], HALL_PLACE, "черновик")])
        self.assertSeriesListed(sid, title, "Сход граждан", 3)


# ---- 5. roles and form tokens -----------------------------------------------------------------
class Roles(Case):
    @classmethod
    def setUpClass(cls):
        cls.title = unique("Серия для ролей")
        cls.series = create_series(title=cls.title, period_from=day(100).isoformat(),
                                   period_to=day(160).isoformat())

    def test_press_and_secretary_read_but_do_not_create(self):
        for role in ("press", "secretary"):
            b = USERS[role]
            with self.subTest(role=role, page="list"):
                r = b.get("/admin/series")
                self.assertStatus(r, 200)
                self.assertIn(f'href="/admin/series/{self.series}"', r.text)
                self.assertNotIn('href="/admin/series/new"', r.text)
            with self.subTest(role=role, page="series"):
                r = b.get(f"/admin/series/{self.series}")
                self.assertStatus(r, 200)
                self.assertIn(f"<h1>{self.title}</h1>", r.text)
            with self.subTest(role=role, page="new"):
                self.assertForbidden(b.get("/admin/series/new"), NOT_FOR_ROLE)
            with self.subTest(role=role, post="/admin/series"):
                before = state()
                self.assertForbidden(b.post("/admin/series", series_form()), NOT_FOR_ROLE)
                self.assertEqual(state(), before)

    def test_executor_gets_403_everywhere(self):
        b = USERS["executor"]
        for path in ("/admin/series", f"/admin/series/{self.series}", "/admin/series/new"):
            with self.subTest(path=path):
                self.assertForbidden(b.get(path), NOT_FOR_ROLE)
        before = state()
        self.assertForbidden(b.post("/admin/series", series_form()), NOT_FOR_ROLE)
        self.assertEqual(state(), before)

    def test_writers_see_the_link_and_the_form(self):
        for role in ("admin", "organizer", "controller"):
            with self.subTest(role=role):
                r = USERS[role].get("/admin/series")
                self.assertStatus(r, 200)
                self.assertIn('href="/admin/series/new"', r.text)
                self.assertStatus(USERS[role].get("/admin/series/new"), 200)

    def test_a_controller_and_an_admin_may_create(self):
        for role in ("admin", "controller"):
            with self.subTest(role=role):
                sid = create_series(role=role, period_from=day(200).isoformat(),
                                    period_to=day(240).isoformat())
                self.assertEqual(STACK.query("SELECT login FROM audit_log WHERE entity = "
                                             "'meeting_series' AND entity_id = ?", (sid,)),
                                 [(role,)])

    def test_post_without_a_valid_form_token_is_refused(self):
        before = state()
        other = USERS["controller"].token
        for label, fields in (("none", series_form()),
                              ("empty", [("csrf", "")] + series_form()),
                              ("another session's", [("csrf", other)] + series_form())):
            with self.subTest(token=label):
                self.assertForbidden(USERS["organizer"].post("/admin/series", fields,
                                                             csrf=label != "none"), FORM_STALE)
        self.assertEqual(state(), before)

    def test_without_a_session(self):
        anon = Browser(STACK)
        r = anon.get("/admin/series")
        self.assertStatus(r, 303)
        self.assertEqual(r.header("Location"), "/admin/login?return=%2Fadmin%2Fseries")
        before = state()
        self.assertForbidden(anon.post("/admin/series", [("csrf", USERS["organizer"].token)]
                                       + series_form()), "Сеанс работы закончился.")
        self.assertEqual(state(), before)


# ---- 6. the staff home page -------------------------------------------------------------------
class Home(Case):
    def home(self, role="organizer"):
        r = USERS[role].get("/admin")
        self.assertStatus(r, 200)
        return main_of(r.text)

    def test_drafts_near_their_deadline(self):
        ids = {}
        for offset in (3, 5, 6, 7, 8, 10, 12, 13, 30):
            ids[offset] = insert_meeting(unique(f"Черновик через {offset} дн."), d=day(offset))
        page = self.home()
        self.assertIn(f'<h2 id="drafts-title">{DRAFTS_TITLE}</h2>', page)
        items = section_items(home_section(page, "drafts-title"))

        def expected(offset, tail):
            title = STACK.query("SELECT title FROM meeting WHERE id = ?", (ids[offset],))[0][0]
            ts = epoch(day(offset), "18:00")
            return f"{title}, {ru_datetime(ts)}: опубликовать до {words(day(offset - 5))}{tail}"

        self.assertEqual(items.get(ids[8]), expected(8, " (осталось 3 дня)"))
        self.assertEqual(items.get(ids[6]), expected(6, " (осталось 1 день)"))
        self.assertEqual(items.get(ids[7]), expected(7, " (осталось 2 дня)"))
        self.assertEqual(items.get(ids[10]), expected(10, " (осталось 5 дней)"))
        self.assertEqual(items.get(ids[12]), expected(12, " (осталось 7 дней)"))
        self.assertEqual(items.get(ids[5]), expected(5, " (сегодня последний день)"))
        self.assertEqual(items.get(ids[3]), expected(3, " — срок прошёл: перенесите встречу или "
                                                        "оформите исключение"))
        self.assertIn("<strong>срок прошёл", home_section(page, "drafts-title"))
        for offset in (13, 30):
            self.assertNotIn(ids[offset], items, f"a draft {offset} days ahead is not urgent")

        # approved, it leaves the list
        STACK.execute("UPDATE meeting SET status = 'approved' WHERE id = ?", (ids[8],))
        items = section_items(home_section(self.home(), "drafts-title"))
        self.assertIn(ids[6], items)
        self.assertNotIn(ids[8], items)

    def test_approved_but_not_announced(self):
        approved = insert_meeting(unique("Утверждена"), status="approved", d=day(9))
        postponed = insert_meeting(unique("Перенесена"), status="postponed", d=day(11))
        draft = insert_meeting(unique("Черновик"), d=day(9))
        announced = insert_meeting(unique("Объявлена"), status="approved", d=day(9),
                                   announced_at=int(time.time()) - 60)
        page = self.home()
        self.assertIn(f'<h2 id="unannounced-title">{UNANNOUNCED_TITLE}</h2>', page)
        items = section_items(home_section(page, "unannounced-title"))
        title = STACK.query("SELECT title FROM meeting WHERE id = ?", (approved,))[0][0]
        self.assertEqual(items.get(approved),
                         f"{title}, {ru_datetime(epoch(day(9), '18:00'))}")
        self.assertIn(postponed, items)
        self.assertNotIn(draft, items)
        self.assertNotIn(announced, items)

        STACK.execute("UPDATE meeting SET announced_at = unixepoch() - 30 WHERE id IN (?, ?)",
                      (approved, postponed))
        still = insert_meeting(unique("Ещё не объявлена"), status="approved", d=day(9))
        items = section_items(home_section(self.home(), "unannounced-title"))
        self.assertIn(still, items)
        self.assertNotIn(approved, items)
        self.assertNotIn(postponed, items)

    def test_police_notice(self):
        big = insert_meeting(unique("Большая встреча"), status="approved", d=day(15),
                             expected_attendance=POLICE_THRESHOLD)
        big_draft = insert_meeting(unique("Большой черновик"), d=day(16),
                                   expected_attendance=500)
        small = insert_meeting(unique("Малая встреча"), status="approved", d=day(15),
                               expected_attendance=POLICE_THRESHOLD - 1)
        told = insert_meeting(unique("Полиция уведомлена"), status="approved", d=day(15),
                              expected_attendance=300, police_notified_at=int(time.time()) - 60)
        cancelled = insert_meeting(unique("Отменена"), status="cancelled", d=day(15),
                                   expected_attendance=300)
        page = self.home()
        self.assertIn(f'<h2 id="police-title">{POLICE_TITLE}</h2>', page)
        items = section_items(home_section(page, "police-title"))
        title = STACK.query("SELECT title FROM meeting WHERE id = ?", (big,))[0][0]
        self.assertEqual(items.get(big), f"{title}, {ru_datetime(epoch(day(15), '18:00'))}")
        self.assertIn(big_draft, items)
        for mid in (small, told, cancelled):
            self.assertNotIn(mid, items)
        STACK.execute("UPDATE meeting SET police_notified_at = unixepoch() WHERE id = ?", (big,))
        items = section_items(home_section(self.home(), "police-title"))
        self.assertIn(big_draft, items)
        self.assertNotIn(big, items)

    def test_held_without_a_protocol(self):
        recent = insert_meeting(unique("Проведена недавно"), status="held", d=day(-10),
                                attendance=40)
        old = insert_meeting(unique("Проведена давно"), status="held", d=day(-70),
                             attendance=40)
        # A personal reception is recorded in the appeals registry: a protocol is not awaited.
        reception = insert_meeting(unique("Личный приём"), kind="personal_reception",
                                   status="held", d=day(-10))
        page = self.home()
        self.assertIn(f'<h2 id="held-title">{HELD_TITLE}</h2>', page)
        items = section_items(home_section(page, "held-title"))
        self.assertIn(recent, items)
        self.assertIn("протокол не составлен", items[recent])
        # Months ago: a protocol never handed over stays a task until it is.
        self.assertIn(old, items)
        self.assertNotIn(reception, items)

    def test_held_long_ago_without_a_protocol_is_left_to_the_report(self):
        # Meetings without any protocol are looked for over the last 365 days (a district's
        # ten years would cost the page every held meeting); a protocol not handed over stays
        # however old it is.
        forgotten = insert_meeting(unique("Проведена больше года назад"), status="held",
                                   d=day(-400), attendance=40)
        unhanded = insert_meeting(unique("Протокол подписан, не передан"), status="held",
                                  d=day(-400), attendance=40)
        STACK.execute("INSERT INTO protocol (meeting_id, number, held_on, place, decisions, "
                      "photo_url, video_url, created_at, updated_at, signed_at, revision, "
                      "signed_on_paper) VALUES (?, '', '2025-01-01', '', 'Решения.', '', '', "
                      "unixepoch(), unixepoch(), unixepoch(), 1, 0)", (unhanded,))
        try:
            page = self.home()
            section = home_section(page, "held-title")
            self.assertIn("Встречи без протокола показаны за последние 365 дней; более ранние — "
                          "в отчёте «Соблюдение требований»", section)
            items = section_items(section)
            self.assertIn(unhanded, items)
            self.assertIn("протокол подписан, не передан", items[unhanded])
            self.assertNotIn(forgotten, items)
        finally:
            STACK.execute("DELETE FROM protocol WHERE meeting_id = ?", (unhanded,))
            STACK.execute("DELETE FROM meeting WHERE id IN (?, ?)", (forgotten, unhanded))

    # -- the compliance table --
    def neutralise(self, where, params=()):
        """Meetings that would count, set aside (cancelled) for this test and put back after."""
        rows = STACK.query(f"SELECT id, status FROM meeting WHERE status IN ('approved', "
                           f"'postponed', 'held') AND ({where})", params)
        conn = STACK.db()
        try:
            conn.executemany("UPDATE meeting SET status = 'cancelled' WHERE id = ?",
                             [(i,) for i, _ in rows])
            conn.commit()
        finally:
            conn.close()

        def restore():
            c = STACK.db()
            try:
                c.executemany("UPDATE meeting SET status = ? WHERE id = ?",
                              [(s, i) for i, s in rows])
                c.commit()
            finally:
                c.close()
        self.addCleanup(restore)

    def verdicts(self, label):
        rows = compliance_rows(self.home())
        self.assertIn(label, rows, f"rows: {list(rows)}")
        return rows[label]

    def check_kind(self, kind, label, period_words, in_period, out_of_period):
        self.neutralise("kind = ?", (kind,))
        self.assertEqual(self.verdicts(label),
                         (period_words, "проведено: 0, назначено: 0", NOT_KEPT))
        # a draft and a cancelled one do not count; nor does one outside the period
        insert_meeting(unique("Черновик"), kind=kind, d=in_period)
        insert_meeting(unique("Отменена"), kind=kind, status="cancelled", d=in_period)
        outside = insert_meeting(unique("Вне периода"), kind=kind, status="held",
                                 d=out_of_period, attendance=10)
        self.addCleanup(STACK.execute, "UPDATE meeting SET status = 'cancelled' WHERE id = ?",
                        (outside,))
        self.assertEqual(self.verdicts(label),
                         (period_words, "проведено: 0, назначено: 0", NOT_KEPT))
        planned = insert_meeting(unique("Назначена"), kind=kind, status="approved", d=in_period)
        self.addCleanup(STACK.execute, "UPDATE meeting SET status = 'cancelled' WHERE id = ?",
                        (planned,))
        self.assertEqual(self.verdicts(label),
                         (period_words, "проведено: 0, назначено: 1", PLANNED_ONLY))
        STACK.execute("UPDATE meeting SET status = 'held', attendance = 25 WHERE id = ?",
                      (planned,))
        self.assertEqual(self.verdicts(label),
                         (period_words, "проведено: 1, назначено: 0", KEPT))

    def test_head_mass_at_least_yearly(self):
        t = today()
        self.check_kind("head_mass", HEAD_MASS_LABEL, f"{t.year} год", t,
                        date(t.year - 1, 12, 31))

    def test_personal_reception_monthly(self):
        t = today()
        before = t.replace(day=1) - timedelta(days=1)
        self.check_kind("personal_reception", RECEPTION_LABEL,
                        f"{MONTHS_NOMINATIVE[t.month - 1]} {t.year} г.", t, before)

    def make_group(self):
        name = unique("Информационная группа проверки")
        conn = STACK.db()
        try:
            gid = conn.execute("INSERT INTO info_group (name, territory_id) VALUES (?, ?)",
                               (name, TERRITORY_MOLODEZHNY)).lastrowid
            conn.commit()
        finally:
            conn.close()
        return gid, name

    def quarter(self):
        t = today()
        q = (t.month - 1) // 3 + 1
        start = date(t.year, 3 * q - 2, 1)
        return f"{q} квартал {t.year} г.", start

    def test_each_information_group_quarterly(self):
        gid, name = self.make_group()
        label = GROUP_LABEL.format(name)
        words_, start = self.quarter()
        rows = compliance_rows(self.home())
        self.assertIn(GROUP_LABEL.format("Информационная группа № 1"), rows)
        self.assertIn(GROUP_LABEL.format("Информационная группа № 2"), rows)
        self.assertEqual(rows[label], (words_, "проведено: 0, назначено: 0", NOT_KEPT))
        # another group's meeting, a draft, and one in the previous quarter do not count
        insert_meeting(unique("Другая группа"), kind="group_field", status="held", d=today(),
                       group_id=1, attendance=5)
        insert_meeting(unique("Черновик группы"), kind="group_field", d=today(), group_id=gid)
        insert_meeting(unique("Прошлый квартал"), kind="group_field", status="held",
                       d=start - timedelta(days=1), group_id=gid, attendance=5)
        self.assertEqual(self.verdicts(label), (words_, "проведено: 0, назначено: 0", NOT_KEPT))
        mid = insert_meeting(unique("Выезд группы"), kind="group_field", status="approved",
                             d=today(), group_id=gid, territory=TERRITORY_MOLODEZHNY,
                             venue=VENUE_SCHOOL)
        self.assertEqual(self.verdicts(label),
                         (words_, "проведено: 0, назначено: 1", PLANNED_ONLY))
        STACK.execute("UPDATE meeting SET status = 'held', attendance = 12 WHERE id = ?", (mid,))
        self.assertEqual(self.verdicts(label), (words_, "проведено: 1, назначено: 0", KEPT))

    def test_only_field_meetings_count_for_a_group(self):
        # Regulation № 44 on information groups §3.1: the group's form of work is the field meeting
        # (kind group_field); a gathering that merely names the group is not one. STMT_DASH_GROUPS
        # (src/db/db_statements.c) counts every kind.
        gid, name = self.make_group()
        label = GROUP_LABEL.format(name)
        words_, _ = self.quarter()
        insert_meeting(unique("Сход с участием группы"), kind="gathering", status="held",
                       d=today(), group_id=gid, attendance=30)
        self.assertEqual(self.verdicts(label), (words_, "проведено: 0, назначено: 0", NOT_KEPT))

    def test_executor_sees_only_links(self):
        insert_meeting(unique("Срочный черновик"), d=day(7))
        insert_meeting(unique("Большая"), status="approved", d=day(20), expected_attendance=400)
        insert_meeting(unique("Проведена"), status="held", d=day(-3), attendance=5)
        organizer = self.home("organizer")
        for heading in (DRAFTS_TITLE, UNANNOUNCED_TITLE, POLICE_TITLE, HELD_TITLE, RULES_TITLE):
            self.assertIn(heading, organizer)
        for role in ("press", "secretary", "controller", "admin"):
            with self.subTest(role=role):
                self.assertIn(DRAFTS_TITLE, self.home(role))
        page = self.home("executor")
        for heading in (DRAFTS_TITLE, UNANNOUNCED_TITLE, POLICE_TITLE, HELD_TITLE, RULES_TITLE):
            self.assertNotIn(heading, page)
        self.assertNotIn('href="/admin/meetings', page)
        self.assertNotIn('href="/admin/series"', page)
        self.assertNotIn('href="/admin/users"', page)
        self.assertIn('<a href="/meetings">Расписание встреч на сайте</a>', page)
        self.assertIn('<a href="/admin/password">Сменить пароль</a>', page)

    def test_a_series_draft_shows_on_the_home_page(self):
        title = unique("Серия со сроком")
        d = day(9)
        sid = create_series(title=title, kind="gathering", rule="weekly", ordinal="",
                            weekday=str(d.weekday() + 1), period_from=d.isoformat(),
                            period_to=d.isoformat())
        (mid,) = [r[0] for r in series_meetings(sid)]
        items = section_items(home_section(self.home(), "drafts-title"))
        self.assertEqual(items.get(mid), f"{title}, {ru_datetime(epoch(d, '10:00'))}: "
                                         f"опубликовать до {words(day(4))} (осталось 4 дня)")


# ---- 7. escaping ----------------------------------------------------------------------------------
class Escaping(Case):
    HOSTILE = f"{PAYLOAD_SCRIPT} ' OR 1=1 -- \"&"

    def assertShownAsText(self, page, where):
        self.assertNotIn(PAYLOAD_SCRIPT, page, f"{where}: the script tag is live")
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", page, where)
        self.assertIn(self.HOSTILE, html.unescape(page), f"{where}: the text is not shown")

    def test_a_hostile_title_is_shown_as_text(self):
        d = day(8)
        sid = create_series(title=self.HOSTILE, description=self.HOSTILE, kind="gathering",
                            rule="weekly", ordinal="", weekday=str(d.weekday() + 1),
                            period_from=d.isoformat(),
                            period_to=(d + timedelta(days=7)).isoformat())
        rows = series_meetings(sid)
        self.assertEqual(len(rows), 2)
        self.assertEqual({(r[2], r[8]) for r in rows}, {(self.HOSTILE, self.HOSTILE)})
        self.assertEqual(STACK.query("SELECT title FROM meeting_series WHERE id = ?", (sid,)),
                         [(self.HOSTILE,)])
        org = USERS["organizer"]
        self.assertShownAsText(org.get("/admin/series").text, "/admin/series")
        page = org.get(f"/admin/series/{sid}").text
        self.assertShownAsText(page, f"/admin/series/{sid}")
        self.assertShownAsText(re.search(r"<title>.*?</title>", page, re.S).group(0), "<title>")
        for r in rows:
            self.assertShownAsText(org.get(f"/admin/meetings/{r[0]}").text,
                                   f"/admin/meetings/{r[0]}")
        self.assertShownAsText(org.get("/admin").text, "/admin")
        self.assertShownAsText(org.get("/admin/meetings?status=draft").text, "/admin/meetings")

    def test_a_hostile_title_in_a_refused_form_is_given_back_as_text(self):
        page = self.assertRefused(series_form(title=self.HOSTILE, end_time="09:00"),
                                  "время окончания: окончание должно быть позже начала.")
        self.assertShownAsText(page, "refused form")
        self.assertEqual(input_value(page, "title"), self.HOSTILE)


if __name__ == "__main__":
    unittest.main()
