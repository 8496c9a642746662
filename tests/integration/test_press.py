"""The press office (issue 6, items 5 and 6) as the media and the staff see it: /press lists the
meetings the notifier has announced, each with a ready-to-publish text in Russian (what, when in
the municipality's zone, where, who takes part by name and position, the organiser's contacts),
with notes for changes and cancellations, and never a draft or an approved meeting not yet
announced; /press/ID prints one; /feed.atom is a valid Atom 1.0 feed; the media plan shows each
coming meeting's publication deadline and flags overdue and late publications; the staff meeting
page proves when and where place and time were published; the media list is kept by the press
office with errors in Russian beside the fields, audited; other roles are refused.

Fixture: the notifier (another part of issue 6) is what writes `announcement` and `outbox` rows.
These tests do not run it: like the demo data, they insert meetings, announcements and outbox rows
with sqlite3 directly into the test stack's database (see `meeting`, `announce` and `deliver`
below), exactly as the notifier leaves them (announcement row, meeting.announced_at, outbox rows
of that announcement). One stack with the demo municipality for the module."""

import re
import unittest
import urllib.parse
import xml.etree.ElementTree as ET
from datetime import datetime

from helpers import (day, epoch, iso_local, local, main_of, ru_datetime, shown, text_of, unique,
                     words)
from stack import ROOT
from staff import StaffAssertions, field_error, input_value, staff_module

STACK = None
SESSIONS = {}
ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:00$")
# Demo person 1 (host of many meetings) and her contacts, which the press pages must never show.
PERSONAL = ("glava@zelenoborsk.example", "+7 34675 2-00-01", "zam@zelenoborsk.example",
            "+7 34675 2-00-02", "ig1@zelenoborsk.example")

setUpModule, tearDownModule = staff_module(globals(), SESSIONS, with_token=True)


# ---- fixture: what the notifier would have written -------------------------------------------
def meeting(title, offset, hm="18:00", end="20:00", status="approved", venue=1, host=1,
            invitees=(), reason=""):
    """A meeting OFFSET local days from today at HM–END, inserted as the staff pages would leave
    it (not announced yet); its id."""
    d = day(offset)
    conn = STACK.db()
    try:
        cur = conn.execute(
            "INSERT INTO meeting (kind, title, territory_id, venue_id, starts_at, ends_at, host_id, "
            "organising_unit, status, status_reason, approved_at) "
            "VALUES ('head_mass', ?, 3, ?, ?, ?, ?, 'Организационный сектор', ?, ?, "
            "CASE WHEN ? = 'draft' THEN NULL ELSE unixepoch() END)",
            (title, venue, epoch(d, hm), epoch(d, end), host, status, reason, status))
        mid = cur.lastrowid
        for person in invitees:
            conn.execute("INSERT INTO meeting_invitee (meeting_id, person_id) VALUES (?, ?)",
                         (mid, person))
        conn.commit()
    finally:
        conn.close()
    return mid


def announce(mid, published_at, kind="announcement", starts=None, ends=None, venue=None,
             kept=1):
    """An announcement of meeting MID published at PUBLISHED_AT (epoch) with the meeting's own
    time and place unless given, and meeting.announced_at set with it; its id."""
    conn = STACK.db()
    try:
        m_starts, m_ends, m_venue = conn.execute(
            "SELECT starts_at, ends_at, venue_id FROM meeting WHERE id = ?", (mid,)).fetchone()
        cur = conn.execute(
            "INSERT INTO announcement (meeting_id, kind, published_at, starts_at, ends_at, "
            "venue_id, five_days_kept) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (mid, kind, published_at, starts or m_starts, ends or m_ends,
             venue if venue is not None else m_venue, kept))
        conn.execute("UPDATE meeting SET announced_at = ? WHERE id = ?", (published_at, mid))
        conn.commit()
        return cur.lastrowid
    finally:
        conn.close()


def deliver(aid, channel, recipient, sent_at=None):
    """An outbox row of announcement AID: sent at SENT_AT, or still pending when None."""
    STACK.execute(
        "INSERT INTO outbox (dedup_key, channel, recipient, body, purpose, meeting_id, "
        "announcement_id, created_at, next_attempt_at, status, sent_at) "
        "SELECT ?, ?, ?, 'текст', kind, meeting_id, id, published_at, published_at, ?, ? "
        "FROM announcement WHERE id = ?",
        (unique(f"test/{aid}/{channel}/{recipient}"), channel, recipient,
         "sent" if sent_at else "pending", sent_at, aid))


def span(offset, hm, end):
    """«28 ноября 2026 г., 18:00–20:00»."""
    return f"{words(day(offset))}, {hm}–{end}"


def now():
    return int(datetime.now().timestamp())


# ---- /press and /press/ID ----------------------------------------------------------------------
class PressPages(StaffAssertions, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.announced = meeting(unique("Анонсированная встреча"), 12, invitees=(4, 6))
        cls.published = now() - 3 * 86400
        announce(cls.announced, cls.published)
        cls.draft = meeting(unique("Черновик для прессы"), 14, status="draft")
        # A draft never reaches the press, even with a stray announcement row.
        STACK.execute("INSERT INTO announcement (meeting_id, kind, published_at, starts_at, "
                      "ends_at, venue_id, five_days_kept) SELECT id, 'announcement', ?, "
                      "starts_at, ends_at, venue_id, 1 FROM meeting WHERE id = ?",
                      (now() - 86400, cls.draft))
        cls.unannounced = meeting(unique("Утверждённая без анонса"), 15)

        cls.moved = meeting(unique("Перенесённая встреча"), 20, hm="17:00", end="19:00",
                            status="postponed")
        announce(cls.moved, now() - 6 * 86400, starts=epoch(day(18), "18:00"),
                 ends=epoch(day(18), "20:00"))
        announce(cls.moved, now() - 86400, kind="change")

        cls.relocated = meeting(unique("Встреча в новом месте"), 21, venue=4)
        announce(cls.relocated, now() - 5 * 86400, venue=1)
        announce(cls.relocated, now() - 2 * 86400, kind="change")

        cls.cancelled = meeting(unique("Отменённая встреча"), 22, status="cancelled",
                                reason="Помещение закрыто на ремонт.")
        announce(cls.cancelled, now() - 4 * 86400)
        announce(cls.cancelled, now() - 3600, kind="cancellation")

    def release(self, page, mid):
        """The visible text of meeting MID's article on PAGE."""
        m = re.search(rf'<article class="press-release" aria-labelledby="release-{mid}">(.*?)'
                      r"</article>", page, re.S)
        self.assertIsNotNone(m, f"no release of meeting {mid}")
        return text_of(m.group(1))

    def test_an_announced_meeting_has_its_text(self):
        r = STACK.get("/press")
        self.assertStatus(r, 200)
        text = self.release(r.text, self.announced)
        title = STACK.query("SELECT title FROM meeting WHERE id = ?", (self.announced,))[0][0]
        # The title already names a meeting («Анонсированная встреча…»): the kind is not
        # repeated before it (issue 21).
        self.assertIn(f"Что: {title}.", text)
        self.assertNotIn("Встреча главы с населением с массовым участием жителей «", text)
        self.assertIn(f"Когда: {span(12, '18:00', '20:00')} (время местное).", text)
        self.assertIn("Где: Дом культуры «Современник», ул. Политехническая, 15 "
                      "(микрорайон Центральный).", text)
        self.assertIn("Участвуют: Соколова Анна Викторовна, Глава городского поселения "
                      "Зеленоборск (проводит встречу)", text)
        # Invitees with their organisation, unless the position names it (issue 21).
        self.assertIn("Морозов Дмитрий Алексеевич, депутат Совета депутатов городского поселения",
                      text)
        self.assertIn("Никитин Сергей Владимирович, начальник отделения полиции ОМВД России по "
                      "Советскому району", text)
        self.assertIn("Контакты для СМИ: Организационный сектор, Администрация городского "
                      "поселения Зеленоборск; телефон +7 34675 2-00-00; электронная почта "
                      "priem@zelenoborsk.example.", text)
        self.assertIn(f"Опубликовано на сайте {ru_datetime(self.published)}", text)
        self.assertIn(f'<a href="/press/{self.announced}">', r.text)
        self.assertIn(f'datetime="{iso_local(epoch(day(12), "18:00"))}"', r.text)

    def test_drafts_and_unannounced_meetings_are_not_there(self):
        page = shown(self, STACK.get("/press"), f'aria-labelledby="release-{self.announced}"').text
        for mid in (self.draft, self.unannounced):
            title = STACK.query("SELECT title FROM meeting WHERE id = ?", (mid,))[0][0]
            self.assertNotIn(title, page)
            self.assertNotIn(f"/press/{mid}", page)
            self.assertEqual(STACK.get(f"/press/{mid}").status, 404)

    def test_upcoming_first_in_time_order_then_past(self):
        page = main_of(shown(self, STACK.get("/press")).text)
        upcoming, _, past = page.partition("<h2>Прошедшие встречи</h2>")
        ids = [int(i) for i in re.findall(r'aria-labelledby="release-(\d+)"', upcoming)]
        starts = [STACK.query("SELECT starts_at FROM announcement WHERE meeting_id = ? "
                              "ORDER BY published_at DESC LIMIT 1", (i,))[0][0] for i in ids]
        self.assertEqual(starts, sorted(starts))
        self.assertLess(ids.index(self.announced), ids.index(self.cancelled))
        # Held demo meetings with announcements come after, under their own heading.
        self.assertIn("Форум общественных организаций «Реальные дела»", past)
        self.assertNotIn("Форум общественных организаций", upcoming)

    def test_one_meeting_printable(self):
        r = STACK.get(f"/press/{self.announced}")
        self.assertStatus(r, 200)
        self.assertIn("<h1 id=\"release-", r.text)
        text = text_of(main_of(r.text))
        self.assertIn(f"Когда: {span(12, '18:00', '20:00')} (время местное).", text)
        self.assertIn("Чтобы распечатать анонс", text)
        self.assertIn('<link rel="stylesheet" href="/static/style.css', r.text)
        with open(ROOT + "/static/style.css", encoding="utf-8") as f:
            self.assertTrue(re.search(r"@media print \{[^}]*\.print-hint[^}]*display: none",
                                      f.read()))
        self.assertEqual(STACK.get("/press/999999").status, 404)
        self.assertEqual(STACK.get("/press/abc").status, 404)

    def test_a_change_of_time_is_noted(self):
        text = self.release(shown(self, STACK.get("/press")).text, self.moved)
        self.assertIn("Внимание: изменено время проведения. Ранее было объявлено: "
                      f"{span(18, '18:00', '20:00')}.", text)
        self.assertIn(f"Когда: {span(20, '17:00', '19:00')} (время местное).", text)
        self.assertNotIn("изменено место", text)
        self.assertIn("Внимание: изменено время проведения",
                      text_of(STACK.get(f"/press/{self.moved}").text))

    def test_a_change_of_place_is_noted(self):
        text = self.release(shown(self, STACK.get("/press")).text, self.relocated)
        self.assertIn("Внимание: изменено место проведения. Ранее было объявлено: Дом культуры "
                      "«Современник», ул. Политехническая, 15.", text)
        self.assertIn("Где: Спортивный комплекс «Олимп», ул. Лесная, 3а", text)
        self.assertNotIn("изменено время", text)

    def test_a_cancellation_is_noted(self):
        text = self.release(STACK.get("/press").text, self.cancelled)
        self.assertIn("Внимание: встреча отменена. Причина: Помещение закрыто на ремонт.", text)
        self.assertIn("Внимание: встреча отменена",
                      text_of(STACK.get(f"/press/{self.cancelled}").text))

    def test_no_personal_data(self):
        heads = {"/press": "<h1>Для прессы: анонсы встреч с населением</h1>",
                 f"/press/{self.announced}": f'<h1 id="release-{self.announced}">',
                 "/feed.atom": f"/press/{self.announced}"}
        for path in ("/press", f"/press/{self.announced}", "/feed.atom"):
            body = shown(self, STACK.get(path), heads[path]).text
            for secret in PERSONAL:
                self.assertNotIn(secret, body, path)

    def test_linked_from_every_page(self):
        home = STACK.get("/").text
        self.assertIn('<a href="/press">Для прессы</a>', home)
        self.assertIn('<link rel="alternate" type="application/atom+xml" href="/feed.atom"', home)
        self.assertIn('href="/feed.atom"', main_of(STACK.get("/press").text))


# ---- the Atom feed -------------------------------------------------------------------------------
class Feed(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.mid = meeting(unique("Встреча для ленты"), 30)
        cls.published = now() - 600
        cls.aid = announce(cls.mid, cls.published)
        cls.r = STACK.get("/feed.atom")
        cls.root = ET.fromstring(cls.r.body)

    def test_served_as_atom(self):
        self.assertEqual(self.r.status, 200)
        self.assertEqual(self.r.header("Content-Type"), "application/atom+xml; charset=utf-8")
        self.assertTrue(self.r.body.startswith(b'<?xml version="1.0" encoding="utf-8"?>'))

    def test_the_feed_elements(self):
        root = self.root
        self.assertEqual(root.tag, ATOM + "feed")
        self.assertEqual(root.findtext(ATOM + "id"), "https://zelenoborsk.example/feed.atom")
        self.assertIn("Зеленоборск", root.findtext(ATOM + "title"))
        self.assertRegex(root.findtext(ATOM + "updated"), RFC3339)
        links = {l.get("rel"): l.get("href") for l in root.findall(ATOM + "link")}
        self.assertEqual(links["self"], "https://zelenoborsk.example/feed.atom")
        self.assertEqual(links["alternate"], "https://zelenoborsk.example/press")
        self.assertTrue(root.findtext(f"{ATOM}author/{ATOM}name"))

    def test_every_entry_has_the_required_elements_newest_first(self):
        entries = self.root.findall(ATOM + "entry")
        self.assertGreater(len(entries), 10)
        self.assertLessEqual(len(entries), 50)
        ids, times = set(), []
        for e in entries:
            eid = e.findtext(ATOM + "id")
            self.assertRegex(eid, r"^tag:zelenoborsk\.example,\d{4}-\d\d-\d\d:"
                                  r"(announcement|result|answer|discussion|conclusion)/\d+$")
            ids.add(eid)
            self.assertTrue(e.findtext(ATOM + "title"))
            self.assertRegex(e.findtext(ATOM + "updated"), RFC3339)
            times.append(datetime.fromisoformat(e.findtext(ATOM + "updated")))
            link = e.find(ATOM + "link")
            self.assertRegex(link.get("href"), r"^https://zelenoborsk\.example/"
                                               r"((press|meetings|discussions)/\d+|answers)$")
            self.assertEqual(e.find(ATOM + "content").get("type"), "text")
            self.assertTrue(e.findtext(ATOM + "content"))
        self.assertEqual(len(ids), len(entries))
        self.assertEqual(times, sorted(times, reverse=True))
        self.assertEqual(self.root.findtext(ATOM + "updated"),
                         entries[0].findtext(ATOM + "updated"))

    def entry(self, title_part):
        for e in self.root.findall(ATOM + "entry"):
            if title_part in e.findtext(ATOM + "title"):
                return e
        self.fail(f"no entry {title_part!r}")

    def test_an_announcement_entry(self):
        title = STACK.query("SELECT title FROM meeting WHERE id = ?", (self.mid,))[0][0]
        e = self.entry(title)
        self.assertEqual(e.findtext(ATOM + "title"), f"Анонс: {title}")
        self.assertEqual(e.findtext(ATOM + "updated"),
                         local(self.published).strftime("%Y-%m-%dT%H:%M:%S+05:00"))
        self.assertEqual(e.findtext(ATOM + "id"),
                         f"tag:zelenoborsk.example,{local(self.published).date().isoformat()}:"
                         f"announcement/{self.aid}")
        self.assertEqual(e.find(ATOM + "link").get("href"),
                         f"https://zelenoborsk.example/press/{self.mid}")
        self.assertIn(f"Когда: {span(30, '18:00', '20:00')}", e.findtext(ATOM + "content"))

    def test_changes_cancellations_and_results(self):
        # Demo meeting 14 was moved to a later day, same place, 18:00–20:00 both times.
        (old,), (new,) = STACK.query("SELECT starts_at FROM announcement WHERE meeting_id = 14 "
                                     "ORDER BY published_at")
        change = self.entry("Изменение: Встреча главы с жителями микрорайона Лесной")
        content = change.findtext(ATOM + "content")
        self.assertIn(f"Внимание: изменено время проведения (ранее: {ru_datetime(old)}–20:00).",
                      content)
        self.assertIn(f"Когда: {ru_datetime(new)}–20:00", content)
        self.assertNotIn("изменено место", content)
        self.assertIn("Внимание: встреча отменена",
                      self.entry("Отмена: Вывоз твёрдых коммунальных отходов")
                      .findtext(ATOM + "content"))
        result = self.entry("Итоги: Форум общественных организаций")
        self.assertIn("Участников: 176.", result.findtext(ATOM + "content"))
        self.assertEqual(result.find(ATOM + "link").get("href"),
                         "https://zelenoborsk.example/meetings/10")

    def test_no_drafts(self):
        drafts = [t for (t,) in STACK.query("SELECT title FROM meeting WHERE status = 'draft'")]
        meetings = [e for e in self.root.findall(ATOM + "entry")
                    if re.search(r":(announcement|result)/", e.findtext(ATOM + "id"))]
        self.assertTrue(meetings)
        for e in meetings:
            title = e.findtext(ATOM + "title").split(": ", 1)[1]
            self.assertNotIn(title, drafts)


# ---- staff: the media plan, the proof, the media list ---------------------------------------------
class MediaPlan(StaffAssertions, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # Starts in 3 days and not announced: its deadline (day -2) has passed.
        cls.overdue = meeting(unique("Просроченный анонс"), 3)
        # Starts in 3 days, announced today: published less than 5 days ahead.
        cls.late = meeting(unique("Поздний анонс"), 3, hm="12:00", end="13:00")
        cls.late_at = now() - 60
        cls.late_aid = announce(cls.late, cls.late_at, kept=0)
        # Announced 9 days ahead (3 days ago for day 6), mailed to the media list and to an
        # invitee, and posted to 'vk' (still pending).
        cls.good = meeting(unique("Анонс вовремя"), 6)
        cls.good_at = epoch(day(-3), "10:00")
        cls.good_aid = announce(cls.good, cls.good_at)
        deliver(cls.good_aid, "mail", "redakciya@vestnik-zelenoborsk.example",
                cls.good_at + 300)
        deliver(cls.good_aid, "mail", "news@zelenoborsk-tv.example", cls.good_at + 420)
        deliver(cls.good_aid, "mail", "deputy@example.org", cls.good_at + 60)
        deliver(cls.good_aid, "webhook", "vk")
        cls.draft = meeting(unique("Черновик в медиаплане"), 25, status="draft")
        cls.far = meeting(unique("Встреча через десять недель"), 70)

    def row(self, page, mid):
        for tr in re.findall(r"<tr>(.*?)</tr>", page, re.S):
            if f'href="/admin/meetings/{mid}"' in tr:
                return text_of(tr)
        self.fail(f"meeting {mid} is not in the plan")

    def test_every_coming_meeting_with_its_deadline(self):
        r = SESSIONS["press"].get("/admin/media-plan")
        self.assertStatus(r, 200)
        row = self.row(r.text, self.good)
        self.assertIn(words(day(1)), row)  # on day 6: publish by day 1
        self.assertIn(f"опубликована {ru_datetime(self.good_at)}", row)
        self.assertIn("Рассылка в СМИ: доставлено " + ru_datetime(self.good_at + 420), row)
        # An address that is no invitee's nor a group member's is a subscriber's (issue 21).
        self.assertIn("Электронная почта: подписчики: доставлено "
                      + ru_datetime(self.good_at + 60), row)
        self.assertIn("Соцсеть: vk: доставлено 0 из 1; остальные в очереди", row)
        # Drafts are in the staff plan, not yet published.
        draft = self.row(r.text, self.draft)
        self.assertIn("черновик", draft)
        self.assertIn("не опубликована", draft)
        self.assertIn(words(day(20)), draft)
        # Past meetings are not.
        self.assertNotIn('href="/admin/meetings/10"', r.text)

    def test_overdue_and_late_are_flagged(self):
        page = shown(self, SESSIONS["organizer"].get("/admin/media-plan")).text
        overdue = self.row(page, self.overdue)
        self.assertIn(words(day(-2)), overdue)
        self.assertIn("Просрочена: не опубликована в срок", overdue)
        self.assertNotIn("с опозданием", overdue)
        late = self.row(page, self.late)
        self.assertIn("Опубликована с опозданием (менее чем за 5 дней)", late)
        self.assertNotIn("Просрочена", late)
        good = self.row(page, self.good)
        self.assertNotIn("Просрочена", good)
        self.assertNotIn("с опозданием", good)

    def test_filter_by_month(self):
        d = day(70)
        month = f"{d.year:04d}-{d.month:02d}"
        r = SESSIONS["controller"].get(f"/admin/media-plan?month={month}")
        self.assertStatus(r, 200)
        self.assertIn(f'href="/admin/meetings/{self.far}"', r.text)
        self.assertNotIn(f'href="/admin/meetings/{self.good}"', r.text)
        self.assertIn(f'value="{month}"', r.text)
        # A past month shows its meetings, held ones included.
        held = local(STACK.query("SELECT starts_at FROM meeting WHERE id = 10")[0][0])
        r = SESSIONS["admin"].get(f"/admin/media-plan?month={held.year:04d}-{held.month:02d}")
        self.assertIn('href="/admin/meetings/10"', r.text)
        for bad in ("2026-13", "2026-1", "март", "2026-03-01"):
            with self.subTest(month=bad):
                r = SESSIONS["press"].get("/admin/media-plan?month=" + urllib.parse.quote(bad))
                self.assertEqual(r.status, 400)
                self.assertIn("месяц", text_of(r.text))

    def test_printable(self):
        page = SESSIONS["press"].get("/admin/media-plan").text
        self.assertIn('<form class="filters"', page)  # hidden by the print styles
        with open(ROOT + "/static/style.css", encoding="utf-8") as f:
            css = f.read()
        self.assertTrue(re.search(r"@media print \{[^}]*\.filters\b[^}]*display: none", css))

    def test_roles(self):
        for role in ("admin", "press", "organizer", "controller"):
            with self.subTest(role=role):
                r = SESSIONS[role].get("/admin/media-plan")
                self.assertStatus(r, 200)
                self.assertIn('<a href="/admin/media-plan"', r.text)
        for role in ("executor", "secretary"):
            with self.subTest(role=role):
                self.assertForbidden(SESSIONS[role].get("/admin/media-plan"))
                self.assertNotIn('href="/admin/media-plan"',
                                 shown(self, SESSIONS[role].get("/admin"),
                                       "<h1>Рабочий стол</h1>").text)

    def test_the_proof_on_the_meeting_page(self):
        r = SESSIONS["press"].get(f"/admin/meetings/{self.good}")
        self.assertStatus(r, 200)
        section = re.search(r'<section class="publication".*?</section>', r.text, re.S)
        self.assertIsNotNone(section)
        text = text_of(section.group(0))
        self.assertIn("Публикация", text)
        self.assertIn("Объявление — место и время опубликованы впервые: "
                      + ru_datetime(self.good_at), text)
        self.assertIn("За 9 дней до встречи: правило 5 дней соблюдено.", text)
        self.assertIn("Сайт (страница встречи и раздел «Для прессы»): опубликовано "
                      + ru_datetime(self.good_at), text)
        self.assertIn("Рассылка в СМИ: доставлено " + ru_datetime(self.good_at + 420), text)
        self.assertIn("Соцсеть: vk: доставлено 0 из 1", text)

        late = text_of(SESSIONS["organizer"].get(f"/admin/meetings/{self.late}").text)
        self.assertIn("За 3 дня до встречи: правило 5 дней нарушено.", late)
        self.assertIn("Место и время встречи ещё не публиковались.",
                      text_of(SESSIONS["admin"].get(f"/admin/meetings/{self.overdue}").text))

    def test_the_proof_lists_changes_and_cancellations(self):
        text = text_of(SESSIONS["controller"].get("/admin/meetings/16").text)
        self.assertRegex(text, r"Объявление — место и время опубликованы впервые: .*"
                               r"Отмена: \d+ [а-я]+ \d{4} г\., \d\d:\d\d")
        text = text_of(SESSIONS["controller"].get("/admin/meetings/14").text)
        self.assertIn("Изменение места или времени:", text)


class MediaList(StaffAssertions, unittest.TestCase):
    def send(self, browser, path, fields):
        return browser.post(path, dict({"csrf": browser.csrf("/admin/media")}, **fields))

    def audit(self, cid):
        return [(login, action) for login, action in STACK.query(
            "SELECT login, action FROM audit_log WHERE entity = 'media_contact' AND entity_id = ? "
            "ORDER BY id", (cid,))]

    def test_add_edit_deactivate(self):
        press = SESSIONS["press"]
        r = self.send(press, "/admin/media", {"name": "Портал «Зеленоборск.ру»",
                                               "email": "news@zelenoborsk-ru.example"})
        self.assertRedirect(r, "/admin/media")
        rows = STACK.query("SELECT id, name, active FROM media_contact WHERE email = ?",
                           ("news@zelenoborsk-ru.example",))
        self.assertEqual([row[1:] for row in rows], [("Портал «Зеленоборск.ру»", 1)])
        cid = rows[0][0]
        page = press.get("/admin/media").text
        self.assertIn(f'<a href="/admin/media/{cid}">Портал «Зеленоборск.ру»</a>', page)

        r = self.send(press, f"/admin/media/{cid}", {"name": "Портал «Зеленоборск.ру», редакция",
                                                      "email": "editor@zelenoborsk-ru.example"})
        self.assertRedirect(r, "/admin/media")
        self.assertEqual(STACK.query("SELECT name, email FROM media_contact WHERE id = ?", (cid,)),
                         [("Портал «Зеленоборск.ру», редакция", "editor@zelenoborsk-ru.example")])

        r = self.send(SESSIONS["admin"], f"/admin/media/{cid}/deactivate", {})
        self.assertRedirect(r, "/admin/media")
        self.assertEqual(STACK.query("SELECT active FROM media_contact WHERE id = ?", (cid,)),
                         [(0,)])
        self.assertIn("рассылка отключена", text_of(press.get(f"/admin/media/{cid}").text))
        r = self.send(press, f"/admin/media/{cid}/activate", {})
        self.assertRedirect(r, "/admin/media")
        self.assertEqual(STACK.query("SELECT active FROM media_contact WHERE id = ?", (cid,)),
                         [(1,)])
        self.assertEqual(self.audit(cid), [("press", "create"), ("press", "update"),
                                           ("admin", "deactivate"), ("press", "activate")])
        after = STACK.query("SELECT after_json FROM audit_log WHERE entity = 'media_contact' "
                            "AND entity_id = ? AND action = 'deactivate'", (cid,))[0][0]
        self.assertIn('"active":0', after.replace(" ", ""))

    def test_bad_email_is_refused_in_russian_with_the_input_kept(self):
        before = STACK.query("SELECT count(*) FROM media_contact")
        for email, message in (
                ("не почта", "электронная почта: ожидается адрес вида name@example.ru."),
                ("", "электронная почта: обязательное поле: заполните его."),
                ("REDAKCIYA@vestnik-zelenoborsk.example",
                 "электронная почта: этот адрес уже есть в списке СМИ.")):
            with self.subTest(email=email):
                r = self.send(SESSIONS["press"], "/admin/media",
                              {"name": "Газета «Новости»", "email": email})
                self.assertStatus(r, 422)
                self.assertEqual(field_error(r.text, "email"), message)
                self.assertEqual(input_value(r.text, "name"), "Газета «Новости»")
                self.assertEqual(input_value(r.text, "email") or "", email)
        r = self.send(SESSIONS["press"], "/admin/media", {"name": "", "email": "a@b.example"})
        self.assertStatus(r, 422)
        self.assertEqual(field_error(r.text, "name"), "название: обязательное поле: заполните его.")
        self.assertEqual(STACK.query("SELECT count(*) FROM media_contact"), before)
        # Editing a contact keeps its own address, but not another's.
        r = self.send(SESSIONS["press"], "/admin/media/1",
                      {"name": "Газета «Зеленоборский вестник»",
                       "email": "news@zelenoborsk-tv.example"})
        self.assertStatus(r, 422)
        self.assertEqual(field_error(r.text, "email"),
                         "электронная почта: этот адрес уже есть в списке СМИ.")

    def test_unknown_ids(self):
        self.assertEqual(SESSIONS["press"].get("/admin/media/999999").status, 404)
        self.assertEqual(self.send(SESSIONS["press"], "/admin/media/999999/deactivate",
                                   {}).status, 404)

    def test_roles_and_form_token(self):
        for role in ("organizer", "controller", "secretary", "executor"):
            with self.subTest(role=role):
                self.assertForbidden(SESSIONS[role].get("/admin/media"))
                r = SESSIONS[role].post("/admin/media", {"name": "X", "email": "x@y.example"})
                self.assertEqual(r.status, 403)
        self.assertIn('<a href="/admin/media">СМИ</a>', SESSIONS["press"].get("/admin").text)
        self.assertNotIn('href="/admin/media"', shown(self, SESSIONS["organizer"].get("/admin"),
                                                      "<h1>Рабочий стол</h1>").text)
        r = SESSIONS["press"].post("/admin/media", {"name": "X", "email": "x@y.example"},
                                   csrf=False)
        self.assertEqual(r.status, 403)
        self.assertEqual(STACK.query("SELECT count(*) FROM media_contact WHERE name = 'X'"),
                         [(0,)])


if __name__ == "__main__":
    unittest.main()
