"""The public pages as a resident sees them: the home page, the schedule with its filters and
pages, one meeting, the iCalendar exports and the health check. One stack with the demo
municipality for the whole module; expected texts are computed from the rows in its database."""

import datetime
import html
import re
import time
import unittest

from helpers import MONTHS, local, ru_datetime, shown, text_of
from stack import module_stack

STACK = None
WEEKDAYS = ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"]
DRAFT_TITLES = {20: "Ремонт дорог в микрорайоне Центральный", 22: "Летний отдых детей"}
PUBLIC = "status IN ('approved', 'postponed', 'cancelled', 'held')"


setUpModule, tearDownModule = module_stack(globals())


# ---- what a resident reads ----------------------------------------------------------------

def ru_when(starts, ends):
    """«суббота, 28 ноября 2026 г., 18:00–19:30»."""
    return f"{WEEKDAYS[local(starts).weekday()]}, {ru_datetime(starts)}–{local(ends):%H:%M}"


def cards(page_html):
    """Meeting cards in page order: dicts with id, title, when, status, postponed (or None)."""
    out = []
    for chunk in page_html.split('<article class="meeting-card')[1:]:
        chunk = chunk.split("</article>")[0]
        link = re.search(r'<a href="/meetings/(\d+)">(.*?)</a>', chunk, re.S)
        when = re.search(r'class="meeting-when">(.*?)</p>', chunk, re.S)
        status = re.search(r'<span class="status">(.*?)</span>', chunk, re.S)
        postponed = re.search(r'<span class="postponed">(.*?)</span>', chunk, re.S)
        out.append({
            "id": int(link.group(1)),
            "title": text_of(link.group(2)),
            "when": text_of(when.group(1)) if when else None,
            "status": text_of(status.group(1)) if status else None,
            "postponed": text_of(postponed.group(1)) if postponed else None,
            "text": text_of(chunk),
        })
    return out


def section(page_html, heading):
    """The HTML of the <section> whose heading is HEADING."""
    m = re.search(r"<section[^>]*>\s*<h2[^>]*>" + re.escape(heading) + r"</h2>(.*?)</section>",
                  page_html, re.S)
    return m.group(1) if m else None


def meetings(where="1", params=()):
    """Public meetings as dicts, by id."""
    rows = STACK.query(
        "SELECT id, kind, title, description, territory_id, venue_id, starts_at, ends_at, "
        "host_id, status, status_reason, postponed_from, announced_at, attendance "
        f"FROM meeting WHERE {PUBLIC} AND ({where})", params)
    keys = ["id", "kind", "title", "description", "territory_id", "venue_id", "starts_at",
            "ends_at", "host_id", "status", "status_reason", "postponed_from", "announced_at",
            "attendance"]
    return {r[0]: dict(zip(keys, r)) for r in rows}


def schedule_order(ms, now):
    """Upcoming (not yet over) first by start, then past ones newest first."""
    upcoming = sorted((m for m in ms.values() if m["ends_at"] >= now),
                      key=lambda m: (m["starts_at"], m["id"]))
    past = sorted((m for m in ms.values() if m["ends_at"] < now),
                  key=lambda m: (-m["starts_at"], m["id"]))
    return [m["id"] for m in upcoming + past]


def all_cards(path):
    """Cards of every page of a schedule listing, following the «next» links."""
    found = []
    while path:
        r = STACK.get(path)
        if r.status != 200:
            raise AssertionError(f"{path} answered {r.status}")
        found.extend(cards(r.text))
        nxt = re.search(r'<a href="([^"]+)" rel="next">', r.text)
        path = html.unescape(nxt.group(1)) if nxt else None
    return found


# ---- iCalendar ------------------------------------------------------------------------------

def ical_unfold(body):
    return body.replace(b"\r\n ", b"").replace(b"\r\n\t", b"").decode("utf-8").split("\r\n")


def ical_unescape(value):
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def ical_parse(body):
    """(calendar properties, [event properties]) with property names mapped to lists of values."""
    lines = [line for line in ical_unfold(body) if line]
    calendar, events, current = {}, [], None
    stack = []
    for line in lines:
        name, _, value = line.partition(":")
        name = name.split(";")[0].upper()
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                current = {}
            continue
        if name == "END":
            assert stack and stack[-1] == value, f"END:{value} does not close {stack}"
            stack.pop()
            if value == "VEVENT":
                events.append(current)
                current = None
            continue
        target = current if current is not None else calendar
        target.setdefault(name, []).append(value)
    assert not stack, f"components left open: {stack}"
    return calendar, events


def utc_stamp(ts):
    return datetime.datetime.fromtimestamp(ts, datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


class IcalFormatMixin:
    def assertWellFormedIcal(self, r):
        self.assertEqual(r.status, 200)
        self.assertTrue(r.header("Content-Type").startswith("text/calendar"), r.header("Content-Type"))
        body = r.body
        self.assertTrue(body.startswith(b"BEGIN:VCALENDAR\r\n"), body[:40])
        self.assertTrue(body.endswith(b"END:VCALENDAR\r\n"), body[-40:])
        # Every line ends in CRLF: no bare LF or CR anywhere.
        self.assertNotIn(b"\n", body.replace(b"\r\n", b""))
        self.assertNotIn(b"\r", body.replace(b"\r\n", b""))
        for line in body.split(b"\r\n"):
            self.assertLessEqual(len(line), 75, f"line longer than 75 octets: {line!r}")
            # Folding keeps multi-octet characters whole (RFC 5545 3.1).
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                self.fail(f"a fold splits a UTF-8 character: {line!r}")
        calendar, events = ical_parse(body)
        self.assertEqual(calendar.get("VERSION"), ["2.0"])
        self.assertEqual(len(calendar.get("PRODID", [])), 1)
        self.assertTrue(calendar["PRODID"][0])
        for ev in events:
            for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
                self.assertEqual(len(ev.get(prop, [])), 1, f"{prop} in {ev}")
            for prop in ("DTSTAMP", "DTSTART", "DTEND"):
                self.assertRegex(ev[prop][0], r"^\d{8}T\d{6}Z$")
        return calendar, events


# ---- tests ------------------------------------------------------------------------------------

class HomePage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.r = STACK.get("/")
        cls.after = int(time.time()) + 1

    def test_answers_html_in_russian(self):
        self.assertEqual(self.r.status, 200)
        self.assertEqual(self.r.header("Content-Type"), "text/html; charset=utf-8")
        self.assertIn('<html lang="ru"', self.r.text)
        self.assertIn("<h1>Встречи с населением</h1>", self.r.text)
        self.assertIn("Зеленоборск", self.r.text)

    def test_next_meetings_are_the_coming_public_ones_in_time_order(self):
        block = section(self.r.text, "Ближайшие встречи")
        self.assertIsNotNone(block, "no «Ближайшие встречи» section")
        ms = meetings("starts_at >= ?", (self.after,))
        expected = [m["id"] for m in sorted(ms.values(), key=lambda m: (m["starts_at"], m["id"]))][:5]
        shown = cards(block)
        self.assertEqual([c["id"] for c in shown], expected)
        for c in shown:
            m = ms[c["id"]]
            self.assertEqual(c["title"], m["title"])
            self.assertEqual(c["when"], ru_when(m["starts_at"], m["ends_at"]))
        self.assertIn('href="/meetings"', block)
        self.assertIn('href="/meetings.ics"', block)

    def test_recently_held_are_the_latest_held_meetings(self):
        block = section(self.r.text, "Недавно состоялись")
        self.assertIsNotNone(block, "no «Недавно состоялись» section")
        held = STACK.query("SELECT id FROM meeting WHERE status = 'held' ORDER BY starts_at DESC LIMIT 3")
        shown = cards(block)
        self.assertEqual([c["id"] for c in shown], [h[0] for h in held])
        self.assertEqual({c["status"] for c in shown}, {"Состоялась"})

    def test_how_to_appeal(self):
        block = section(self.r.text, "Как обратиться в администрацию")
        self.assertIsNotNone(block, "no «Как обратиться в администрацию» section")
        text = text_of(block)
        self.assertIn("+7 34675 2-00-00", text)  # the phone from portal.ini
        self.assertIn("priem@zelenoborsk.example", text)
        self.assertIn("ул. Ленина, 1", text)
        self.assertIn("59-ФЗ", text)
        self.assertIn("30 дней", text)
        self.assertIn('href="/meetings?kind=personal_reception"', block)
        self.assertIn('href="mailto:priem@zelenoborsk.example"', block)

    def test_drafts_are_not_on_the_home_page(self):
        shown(self, self.r, "<h1>Встречи с населением</h1>", 'class="meeting-card')
        for mid, title in DRAFT_TITLES.items():
            self.assertNotIn(title, self.r.text)
            self.assertNotIn(f'href="/meetings/{mid}"', self.r.text)


class Schedule(unittest.TestCase):
    def test_all_public_meetings_upcoming_first_then_past(self):
        before = int(time.time())
        shown = all_cards("/meetings")
        ms = meetings()
        self.assertEqual(len(ms), 23)  # with the district's meeting 25
        expected = schedule_order(ms, before)
        self.assertEqual([c["id"] for c in shown], expected)
        first = STACK.get("/meetings")
        self.assertIn("Найдены 23 встречи", text_of(first.text))
        # The first card is the next meeting, the last one the oldest.
        self.assertGreaterEqual(ms[shown[0]["id"]]["ends_at"], before)
        self.assertEqual(shown[-1]["id"], min(ms.values(), key=lambda m: m["starts_at"])["id"])

    def test_a_long_history_is_paged_without_counting_it_all(self):
        # A district's schedule after years of use: the page counts to 200 and then says «более»;
        # upcoming meetings still come first and the pages go on to the oldest one.
        before = int(time.time())
        held = STACK.query("SELECT id, min(starts_at) FROM meeting WHERE status = 'held'")[0]
        cols = [r[1] for r in STACK.query("PRAGMA table_info(meeting)") if r[1] != "id"]
        select = ", ".join("starts_at - n * 86400" if c == "starts_at" else
                           "ends_at - n * 86400" if c == "ends_at" else c for c in cols)
        STACK.execute(f"WITH RECURSIVE k(n) AS (SELECT 30 UNION ALL SELECT n + 1 FROM k "
                      f"WHERE n < 259) INSERT INTO meeting ({', '.join(cols)}) "
                      f"SELECT {select} FROM meeting, k WHERE id = ?", (held[0],))
        try:
            ms = meetings()
            self.assertEqual(len(ms), 253)
            first = STACK.get("/meetings")
            shown(self, first, "Найдено более 200 встреч", 'class="meeting-card')
            self.assertIn("Страница 1</p>", first.text)
            self.assertNotIn("Страница 1 из", first.text)
            self.assertNotIn('rel="prev"', first.text)
            self.assertEqual([c["id"] for c in all_cards("/meetings")],
                             schedule_order(ms, before))
            last = STACK.get("/meetings?page=13")
            self.assertEqual(last.status, 200)
            self.assertNotIn('rel="next"', last.text)
            self.assertEqual(len(cards(last.text)), 13)
            self.assertEqual(STACK.get("/meetings?page=14").status, 404)
            # A filter that finds fewer is counted exactly again.
            narrow = STACK.get("/meetings?from=2000-01-01&to=2000-01-02")
            shown(self, narrow, "Найдено 0 встреч", "Встреч не найдено")
        finally:
            STACK.execute("DELETE FROM meeting WHERE starts_at < ?", (held[1],))
        self.assertEqual(len(meetings()), 23)

    def test_every_card_shows_title_local_time_and_place(self):
        ms = meetings()
        venues = dict((v[0], (v[1], v[2])) for v in STACK.query("SELECT id, name, address FROM venue"))
        for c in all_cards("/meetings"):
            m = ms[c["id"]]
            with self.subTest(meeting=c["id"]):
                self.assertEqual(c["title"], m["title"])
                self.assertEqual(c["when"], ru_when(m["starts_at"], m["ends_at"]))
                name, address = venues[m["venue_id"]]
                self.assertIn(f"{name}, {address}", c["text"])

    def test_drafts_never_appear(self):
        for path in ("/meetings", "/meetings?page=2", "/meetings?territory=1",
                     "/meetings?kind=group_field", "/meetings?territory=4&kind=group_field"):
            r = shown(self, STACK.get(path), "<h1>Расписание встреч с населением</h1>")
            self.assertTrue(cards(r.text), path)
            for mid, title in DRAFT_TITLES.items():
                with self.subTest(path=path, draft=mid):
                    self.assertNotIn(title, r.text)
                    self.assertNotIn(f'href="/meetings/{mid}"', r.text)

    def test_statuses(self):
        now = int(time.time())
        shown = {c["id"]: c for c in all_cards("/meetings")}
        ms = meetings()
        for mid, m in ms.items():
            with self.subTest(meeting=mid, status=m["status"]):
                if m["status"] == "held":
                    expected = "Состоялась"
                elif m["status"] == "cancelled":
                    expected = "Отменена"
                elif m["ends_at"] < now:
                    expected = "Завершена"
                elif m["status"] == "postponed":
                    expected = "Перенесена"
                else:
                    expected = "Объявлена" if m["announced_at"] is not None else "Назначена"
                self.assertEqual(shown[mid]["status"], expected)
        # The demo data has each of them.
        self.assertEqual(shown[12]["status"], "Объявлена")
        self.assertEqual(shown[15]["status"], "Назначена")
        self.assertEqual(shown[7]["status"], "Отменена")
        self.assertEqual(shown[16]["status"], "Отменена")
        self.assertEqual(shown[1]["status"], "Состоялась")
        self.assertEqual(shown[14]["status"], "Перенесена")

    def test_postponed_meeting_shows_the_old_date(self):
        m = meetings("id = 14")[14]
        card = {c["id"]: c for c in all_cards("/meetings")}[14]
        self.assertEqual(card["postponed"], "с " + ru_datetime(m["postponed_from"]))
        self.assertEqual(card["when"], ru_when(m["starts_at"], m["ends_at"]))

    def test_filter_by_territory_includes_the_areas_inside_and_above_it(self):
        tree, parent_of = {}, {}
        for tid, parent in STACK.query("SELECT id, parent_id FROM territory"):
            tree.setdefault(parent, []).append(tid)
            parent_of[tid] = parent

        def below(tid):
            out = {tid}
            for child in tree.get(tid, []):
                out |= below(child)
            return out

        def above(tid):
            out = set()
            while parent_of.get(tid) is not None:
                tid = parent_of[tid]
                out.add(tid)
            return out

        now = int(time.time())
        for tid in (1, 2, 6, 5, 7):
            with self.subTest(territory=tid):
                ids = below(tid) | above(tid)
                ms = meetings(f"territory_id IN ({','.join(map(str, ids))})")
                shown = all_cards(f"/meetings?territory={tid}")
                self.assertEqual([c["id"] for c in shown], schedule_order(ms, now))
                r = STACK.get(f"/meetings?territory={tid}")
                self.assertRegex(r.text, rf'<option value="{tid}" selected>')
        # The settlement Берёзовка (6) finds the gathering in its village Кедровая (7).
        self.assertIn(5, [c["id"] for c in all_cards("/meetings?territory=6")])
        self.assertEqual(len(all_cards("/meetings?territory=1")), 23)

    def test_filter_by_kind(self):
        now = int(time.time())
        for kind in ("personal_reception", "gathering", "head_mass", "forum"):
            with self.subTest(kind=kind):
                shown = all_cards(f"/meetings?kind={kind}")
                self.assertEqual([c["id"] for c in shown],
                                 schedule_order(meetings("kind = ?", (kind,)), now))
                self.assertTrue(shown)
        r = STACK.get("/meetings?kind=gathering&territory=6")
        self.assertEqual([c["id"] for c in cards(r.text)], [15, 24, 5])
        self.assertIn('<option value="gathering" selected>', r.text)

    def test_filter_by_dates_is_inclusive_in_local_time(self):
        ms = meetings()
        day_12 = local(ms[12]["starts_at"]).date()
        day_13 = local(ms[13]["starts_at"]).date()
        now = int(time.time())

        def expected(first, last):
            return schedule_order({i: m for i, m in ms.items()
                                   if first <= local(m["starts_at"]).date() <= last}, now)

        r = STACK.get(f"/meetings?from={day_12}&to={day_13}")
        self.assertEqual(r.status, 200)
        self.assertEqual([c["id"] for c in cards(r.text)], expected(day_12, day_13))
        self.assertEqual([c["id"] for c in cards(r.text)], [12, 13])
        self.assertIn(f'value="{day_12}"', r.text)  # the form keeps what was asked
        one_day = STACK.get(f"/meetings?from={day_13}&to={day_13}")
        self.assertEqual([c["id"] for c in cards(one_day.text)], [13])
        since = all_cards(f"/meetings?from={day_13}")
        self.assertEqual([c["id"] for c in since], expected(day_13, datetime.date.max))
        until = all_cards(f"/meetings?to={day_12}")
        self.assertEqual([c["id"] for c in until], expected(datetime.date.min, day_12))

    def test_filter_without_results_says_so(self):
        r = STACK.get("/meetings?kind=forum&from=2099-01-01")
        self.assertEqual(r.status, 200)
        text = text_of(r.text)
        self.assertIn("Найдено 0 встреч", text)
        self.assertIn("Встреч не найдено", text)
        self.assertEqual(cards(r.text), [])

    def test_pages(self):
        first = shown(self, STACK.get("/meetings"))
        self.assertEqual(len(cards(first.text)), 20)  # page_size = 20
        self.assertIn("Страница 1 из 2", text_of(first.text))
        self.assertIn('<a href="/meetings?page=2" rel="next">', first.text)
        self.assertNotIn('rel="prev"', first.text)
        second = STACK.get("/meetings?page=2")
        self.assertEqual(second.status, 200)
        self.assertEqual(len(cards(second.text)), 3)
        self.assertIn("Страница 2 из 2", text_of(second.text))
        self.assertIn('<a href="/meetings?page=1" rel="prev">', second.text)
        self.assertNotIn('rel="next"', second.text)
        self.assertFalse({c["id"] for c in cards(first.text)} & {c["id"] for c in cards(second.text)})
        # Explicit page=1 is the first page.
        self.assertEqual(cards(STACK.get("/meetings?page=1").text), cards(first.text))

    def test_page_links_keep_the_filters(self):
        r = STACK.get("/meetings?territory=1")
        m = re.search(r'<a href="([^"]+)" rel="next">', r.text)
        self.assertIsNotNone(m)
        self.assertEqual(html.unescape(m.group(1)), "/meetings?territory=1&page=2")

    def test_page_past_the_last_is_404(self):
        for path in ("/meetings?page=3", "/meetings?page=99", "/meetings?kind=forum&page=2"):
            with self.subTest(path=path):
                r = STACK.get(path)
                self.assertEqual(r.status, 404)
                self.assertIn("Страница не найдена", r.text)


class MeetingPage(unittest.TestCase):
    def facts(self, page_html):
        """<dt>/<dd> pairs of the facts list."""
        block = re.search(r'<dl class="facts">(.*?)</dl>', page_html, re.S).group(1)
        pairs = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", block, re.S)
        return {text_of(k): text_of(v) for k, v in pairs}

    def test_every_public_meeting_has_a_page(self):
        kinds = dict(STACK.query("SELECT code, name FROM meeting_kind"))
        venues = {v[0]: v[1:] for v in STACK.query("SELECT id, name, address FROM venue")}
        for mid, m in meetings().items():
            with self.subTest(meeting=mid):
                r = STACK.get(f"/meetings/{mid}")
                self.assertEqual(r.status, 200)
                self.assertIn(f"<h1>{html.escape(m['title'], quote=False)}</h1>", r.text)
                self.assertIn(f"<title>{html.escape(m['title'], quote=False)} — Зеленоборск</title>", r.text)
                self.assertIn(f'<p class="meeting-kind">{kinds[m["kind"]]}</p>', r.text)
                facts = self.facts(r.text)
                self.assertEqual(facts["Дата и время"],
                                 ru_when(m["starts_at"], m["ends_at"]) + " (местное время)")
                name, address = venues[m["venue_id"]]
                self.assertEqual(facts["Место"], f"{name} {address}")

    def test_announced_meeting_in_full(self):
        m = meetings("id = 12")[12]
        r = STACK.get("/meetings/12")
        self.assertEqual(r.status, 200)
        facts = self.facts(r.text)
        # «суббота, 28 ноября 2026 г., 18:00–19:30 (местное время)», from starts_at in UTC+5.
        local_start = local(m["starts_at"])
        self.assertEqual(local_start.utcoffset(), datetime.timedelta(hours=5))
        self.assertIn(f"{local_start.day} {MONTHS[local_start.month - 1]} {local_start.year} г., "
                      f"{local_start:%H:%M}", facts["Дата и время"])
        self.assertIn(f'datetime="{local_start:%Y-%m-%dT%H:%M}+05:00"', r.text)
        venue = STACK.query("SELECT name, address FROM venue WHERE id = ?", (m["venue_id"],))[0]
        self.assertEqual(facts["Место"], f"{venue[0]} {venue[1]}")
        self.assertEqual(facts["Территория"], "микрорайон Молодёжный")
        host = STACK.query("SELECT full_name, position FROM person WHERE id = ?", (m["host_id"],))[0]
        self.assertEqual(facts["Проводит"], f"{host[0]}, {host[1]}")
        self.assertEqual(facts["Организатор"], "Организационный сектор")
        self.assertIn(m["description"], text_of(r.text))
        self.assertIn("<span class=\"status\">Объявлена</span>", r.text)
        invitees = STACK.query("SELECT p.full_name, p.position, p.organisation "
                               "FROM meeting_invitee i JOIN person p ON p.id = i.person_id "
                               "WHERE i.meeting_id = 12")
        block = re.search(r'<ul class="invitees">(.*?)</ul>', r.text, re.S).group(1)
        shown = [text_of(li) for li in re.findall(r"<li>(.*?)</li>", block, re.S)]
        # Name, position and organisation (issue 21): «…, директор ООО «Зеленоборский ЛПК»».
        self.assertEqual(len(shown), len(invitees))
        # (the organisation left out only where the position names it).
        for (n, p, o), line in zip(sorted(invitees), sorted(shown)):
            position = f"{n}, {p[0].lower()}{p[1:]}"
            self.assertTrue(line.startswith(position), line)
            self.assertTrue(line.endswith(o) or line == position, line)
        self.assertIn('<a href="/meetings/12.ics">Добавить встречу в календарь</a>', r.text)

    def test_postponed_meeting_page(self):
        m = meetings("id = 14")[14]
        r = STACK.get("/meetings/14")
        text = text_of(r.text)
        self.assertIn("Перенесена", text)
        self.assertIn(f"Ранее она была назначена на {ru_datetime(m['postponed_from'])}", text)
        self.assertIn(f"Причина: {m['status_reason']}", text)
        self.assertIn(ru_when(m["starts_at"], m["ends_at"]), text)
        self.assertIn('href="/meetings/14.ics"', r.text)

    def test_cancelled_meeting_page(self):
        for mid in (7, 16):
            with self.subTest(meeting=mid):
                m = meetings("id = ?", (mid,))[mid]
                r = shown(self, STACK.get(f"/meetings/{mid}"), m["title"])
                text = text_of(r.text)
                self.assertIn("Отменена", text)
                self.assertIn("Встреча отменена.", text)
                self.assertIn(f"Причина: {m['status_reason']}", text)
                # Nothing to put in a calendar.
                self.assertNotIn("Добавить встречу в календарь", text)

    def test_held_meeting_shows_attendance(self):
        r = STACK.get("/meetings/1")
        facts = self.facts(r.text)
        self.assertEqual(facts["Присутствовали"], "214 человек")
        self.assertEqual(self.facts(STACK.get("/meetings/3").text)["Присутствовали"], "9 человек")
        self.assertIn("Состоялась", text_of(r.text))

    def test_drafts_and_unknown_ids_are_404(self):
        for path in ("/meetings/20", "/meetings/22", "/meetings/999", "/meetings/007",
                     "/meetings/0", "/meetings/-1", "/meetings/12abc", "/meetings/12/",
                     "/meetings/99999999999999999999", "/meetings/20.ics", "/meetings/22.ics",
                     "/meetings/999.ics", "/meetings/012.ics"):
            with self.subTest(path=path):
                r = STACK.get(path)
                self.assertEqual(r.status, 404)
                self.assertIn("Страница не найдена", r.text)
                for title in DRAFT_TITLES.values():
                    self.assertNotIn(title, r.text)


class Calendar(IcalFormatMixin, unittest.TestCase):
    def test_all_meetings(self):
        lo = int(time.time())
        r = STACK.get("/meetings.ics")
        hi = int(time.time()) + 1
        _, events = self.assertWellFormedIcal(r)
        # Public meetings from 90 days ago on; one VEVENT each.
        ms = meetings()
        surely = {i for i, m in ms.items() if m["starts_at"] >= hi - 90 * 86400}
        maybe = {i for i, m in ms.items() if m["starts_at"] >= lo - 90 * 86400}
        uids = [ev["UID"][0] for ev in events]
        self.assertEqual(len(uids), len(set(uids)), "one VEVENT per meeting")
        got = {int(re.match(r"meeting-(\d+)@", u).group(1)) for u in uids}
        self.assertTrue(surely <= got <= maybe, f"{sorted(got)} vs {sorted(surely)}")
        self.assertGreaterEqual(len(got), 15)
        self.assertFalse(got & set(DRAFT_TITLES))
        for ev in events:
            mid = int(re.match(r"meeting-(\d+)@", ev["UID"][0]).group(1))
            m = ms[mid]
            with self.subTest(meeting=mid):
                self.assertEqual(ev["DTSTART"][0], utc_stamp(m["starts_at"]))
                self.assertEqual(ev["DTEND"][0], utc_stamp(m["ends_at"]))
                self.assertEqual(ical_unescape(ev["SUMMARY"][0]), m["title"])
                self.assertEqual(ev["STATUS"], ["CANCELLED" if m["status"] == "cancelled" else "CONFIRMED"])
        cancelled = {int(re.match(r"meeting-(\d+)@", ev["UID"][0]).group(1))
                     for ev in events if ev.get("STATUS") == ["CANCELLED"]}
        self.assertEqual(cancelled, {7, 16})
        for title in DRAFT_TITLES.values():
            self.assertNotIn(title.encode(), r.body.replace(b"\r\n ", b""))

    def test_one_meeting(self):
        m = meetings("id = 14")[14]
        venue = STACK.query("SELECT name, address FROM venue WHERE id = ?", (m["venue_id"],))[0]
        r = STACK.get("/meetings/14.ics")
        _, events = self.assertWellFormedIcal(r)
        self.assertEqual(len(events), 1)
        ev = events[0]
        self.assertEqual(ev["DTSTART"], [utc_stamp(m["starts_at"])])
        self.assertEqual(ev["DTEND"], [utc_stamp(m["ends_at"])])
        self.assertEqual(ical_unescape(ev["SUMMARY"][0]), m["title"])
        self.assertEqual(ical_unescape(ev["LOCATION"][0]), f"{venue[0]}, {venue[1]}")
        self.assertIn(m["description"], ical_unescape(ev["DESCRIPTION"][0]))
        self.assertTrue(ev["URL"][0].endswith("/meetings/14"), ev["URL"])
        self.assertEqual(ev["STATUS"], ["CONFIRMED"])
        self.assertIn("meeting-14.ics", r.header("Content-Disposition") or "")

    def test_cancelled_meeting_is_cancelled_in_the_calendar(self):
        _, events = self.assertWellFormedIcal(STACK.get("/meetings/16.ics"))
        self.assertEqual(len(events), 1)
        self.assertEqual(events[0]["STATUS"], ["CANCELLED"])

    def test_past_meeting_still_has_its_event(self):
        m = meetings("id = 1")[1]
        _, events = self.assertWellFormedIcal(STACK.get("/meetings/1.ics"))
        self.assertEqual([ev["DTSTART"][0] for ev in events], [utc_stamp(m["starts_at"])])

    def test_filters(self):
        _, events = self.assertWellFormedIcal(STACK.get("/meetings.ics?kind=gathering"))
        got = {int(re.match(r"meeting-(\d+)@", ev["UID"][0]).group(1)) for ev in events}
        self.assertEqual(got, {5, 15, 24})
        _, events = self.assertWellFormedIcal(STACK.get("/meetings.ics?territory=6"))
        got = {int(re.match(r"meeting-(\d+)@", ev["UID"][0]).group(1)) for ev in events}
        self.assertEqual(got, {5, 9, 15, 17, 24, 25})  # 25: the district's, above
        bad = STACK.get("/meetings.ics?territory=abc")
        self.assertEqual(bad.status, 400)
        self.assertIn("territory", bad.text)


class Health(unittest.TestCase):
    def test_ok(self):
        r = STACK.get("/healthz")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.body, b"ok\n")
        self.assertTrue(r.header("Content-Type").startswith("text/plain"))


class Escaping(unittest.TestCase):
    """Whatever staff type in is shown as text, never as markup."""

    TITLE = "<script>alert(1)</script> \"'& тест"
    DESCRIPTION = "Описание <script>alert(2)</script> и \"'& <b>жирный</b>"
    INVITEE = "<img src=x onerror=alert(3)> Иванов"

    def setUp(self):
        start = int(time.time()) + 2 * 86400
        STACK.execute("INSERT INTO person (id, full_name, position, category) "
                      "VALUES (900, ?, '<i>должность</i>', 'other')", (self.INVITEE,))
        STACK.execute(
            "INSERT INTO meeting (id, kind, title, description, territory_id, venue_id, starts_at, "
            "ends_at, host_id, organising_unit, status, announced_at) VALUES "
            "(900, 'group_field', ?, ?, 3, 1, ?, ?, 900, 'Отдел \"<u>&\"', 'approved', ?)",
            (self.TITLE, self.DESCRIPTION, start, start + 3600, start - 86400))
        STACK.execute("INSERT INTO meeting_invitee (meeting_id, person_id) VALUES (900, 900)")

    def tearDown(self):
        STACK.execute("DELETE FROM meeting_invitee WHERE meeting_id = 900")
        STACK.execute("DELETE FROM meeting WHERE id = 900")
        STACK.execute("DELETE FROM person WHERE id = 900")

    def assertEscaped(self, page_html, texts):
        for raw in ("<script>", "</script>", "<img", "<b>", "<i>", "<u>", "\"'&"):
            self.assertNotIn(raw, page_html)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", page_html)
        visible = text_of(page_html)
        for t in texts:
            self.assertIn(t, visible)

    def test_meeting_page(self):
        r = STACK.get("/meetings/900")
        self.assertEqual(r.status, 200)
        self.assertEscaped(r.text, [self.TITLE, self.DESCRIPTION, self.INVITEE, "<i>должность</i>"])
        self.assertIn("&lt;script&gt;alert(2)&lt;/script&gt;", r.text)
        self.assertIn("&lt;img src=x onerror=alert(3)&gt;", r.text)
        title = re.search(r"<title>(.*?)</title>", r.text, re.S).group(1)
        self.assertEqual(html.unescape(title), f"{self.TITLE} — Зеленоборск")

    def test_lists(self):
        for path in ("/", "/meetings", "/meetings?territory=3"):
            with self.subTest(path=path):
                r = STACK.get(path)
                self.assertEqual(r.status, 200)
                self.assertIn(900, [c["id"] for c in cards(r.text)])
                self.assertEscaped(r.text, [self.TITLE])

    def test_calendar_carries_the_text_exactly(self):
        r = STACK.get("/meetings/900.ics")
        _, events = ical_parse(r.body)
        self.assertEqual(ical_unescape(events[0]["SUMMARY"][0]), self.TITLE)

    def test_reflected_values_on_error_pages(self):
        r = STACK.get("/meetings?territory=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27%26")
        self.assertEqual(r.status, 400)
        self.assertEscaped(r.text, ["<script>alert(1)</script>\"'&"])
        r = shown(self, STACK.get("/meetings?x=%22%3E%3Cscript%3Ealert(1)%3C/script%3E"),
                  "<h1>Расписание встреч с населением</h1>")
        self.assertNotIn("<script>", r.text)
        # The query comes back only inside links, encoded: no attribute is broken out of.
        for href in re.findall(r'href="([^"]*)"', r.text):
            self.assertNotIn("<", href)
            self.assertNotIn(">", href)


if __name__ == "__main__":
    unittest.main()
