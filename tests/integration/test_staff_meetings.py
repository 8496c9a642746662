"""Scheduling meetings as sector staff do it (issue 3, items 4, 5 and 6): the list with its
filters, the create and edit forms with errors beside the fields, and the life cycle under the
5-day rule — approve (exceptions only by a controller or an administrator), postpone, edit a
published meeting, cancel, mark held, police notice — checked the way a user sees it (status,
Russian text, the public pages) and the way it is recorded (meeting, meeting_change, audit_log).

One stack for the module. Dates are computed from today's date in the municipality's zone
(Asia/Yekaterinburg, UTC+5), as the server does; time is never mocked: meetings that must be in
the past are moved there with an UPDATE, as the notifier or a long wait would leave them.
Every request comes from a signed-in demo account (one per role) with its correct password, so
the login throttle never interferes."""

import html
import json
import re
import time
import unittest
import urllib.parse
from datetime import datetime, timedelta, timezone

import helpers
from helpers import (ZONE, day, epoch, local_input, main_of, ru_datetime, shown, table_rows,
                     text_of, words)
from staff import (FORM_STALE, NOT_FOR_ROLE, Browser, StaffAssertions, browser_form,
                   checked, csrf_of, field_error, form_errors, input_tag, input_value,
                   select_tag, selected_values, staff_module)

STACK = None
PASSWORDS = {}
USERS = {}      # role -> a Browser signed in with that demo account
POLICE_THRESHOLD = 100  # conf/portal.ini [rules] police_notice_attendance

PAYLOAD_SCRIPT = "<script>alert(1)</script>"
PAYLOAD_SQL = "' OR 1=1 --"
PAYLOAD_CHARS = "\"'&<>"
REQUIRED = "обязательное поле: заполните его."
TERRITORY_CENTRAL, VENUE_HALL, VENUE_DK = 3, 2, 1


# ---- reading pages -----------------------------------------------------------------------
def textarea_value(page, name):
    m = re.search(rf'<textarea id="f-{re.escape(name)}" name="{re.escape(name)}"[^>]*>(.*?)'
                  r"</textarea>", page, re.S)
    assert m, f"no textarea {name} on the page"
    return html.unescape(m.group(1))


def checked_invitees(page):
    """The ids of the people ticked as invitees."""
    return checked(page, "invitee")


def action_field_error(page, name):
    """The error shown inside the <div class="field"> of input NAME of an action form."""
    m = re.search(rf'<div class="field"><label for="f-{name}">.*?</div>', page, re.S)
    assert m, f"no field {name} on the page"
    e = re.search(r'<p class="field-error"[^>]*>(.*?)</p>', m.group(0), re.S)
    return text_of(e.group(1)) if e else None


def facts(page):
    """The <dl class="facts"> of a meeting page as {term: visible text}."""
    m = re.search(r'<dl class="facts">(.*?)</dl>', page, re.S)
    assert m, "no facts on the page"
    return {text_of(dt): text_of(dd) for dt, dd in
            re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", m.group(1), re.S)}


def list_rows(page):
    """Rows of the staff list: dicts id, starts, title, kind, territory, venue, status, needs."""
    rows = []
    for tr, cells in table_rows(page):
        iso = re.search(r'<time datetime="([^"]+)">', cells[0]).group(1)
        ident = int(re.search(r'href="/admin/meetings/(\d+)"', cells[1]).group(1))
        title_kind = cells[1].split("<br>")
        place = cells[2].split("<br>")
        rows.append({"id": ident, "iso": iso, "starts": text_of(cells[0]),
                     "title": text_of(title_kind[0]), "kind": text_of(title_kind[1]),
                     "territory": text_of(place[0]), "venue": text_of(place[1]),
                     "status": text_of(cells[3]), "needs": text_of(cells[4]), "raw": tr})
    return rows


def row_of(page, meeting_id):
    for row in list_rows(page):
        if row["id"] == meeting_id:
            return row
    return None


# ---- the module's stack and accounts ------------------------------------------------------
setUpModule, tearDownModule = staff_module(
    globals(), USERS, settings={("rules", "police_notice_attendance"): str(POLICE_THRESHOLD)},
    with_token=True)


def unique(prefix="Встреча"):
    """A meeting title no other test uses."""
    return helpers.unique(prefix)


def meeting_fields(**over):
    """A complete valid form, a week ahead; keyword arguments replace fields (None drops one),
    invitees=[…] sets the checkboxes."""
    d = day(7)
    fields = {
        "kind": "gathering", "title": unique(), "territory": str(TERRITORY_CENTRAL),
        "venue": str(VENUE_HALL), "starts_at": local_input(d, "18:00"),
        "ends_at": local_input(d, "20:00"), "host": "1", "organising_unit": "",
        "expected_attendance": "40", "description": "Обсуждение благоустройства двора.",
        "theses": "", "analytical_note": "", "reference_materials": "",
    }
    invitees = over.pop("invitees", [])
    for k, v in over.items():
        if v is None:
            fields.pop(k, None)
        else:
            fields[k] = v
    return list(fields.items()) + [("invitee", str(i)) for i in invitees]


def create(role="organizer", **over):
    r = USERS[role].post("/admin/meetings", meeting_fields(**over))
    assert r.status == 303, (r.status, form_errors(r.text), r.text[-3000:])
    m = re.fullmatch(r"/admin/meetings/(\d+)", r.header("Location") or "")
    assert m, r.header("Location")
    return int(m.group(1))


def approve(meeting_id, role="organizer", **fields):
    r = USERS[role].post(f"/admin/meetings/{meeting_id}/approve", fields)
    assert r.status == 303, (r.status, form_errors(r.text), r.text[-2000:])
    return r


def create_approved(days=7, hm="18:00", end="20:00", **over):
    d = day(days)
    over.setdefault("starts_at", local_input(d, hm))
    over.setdefault("ends_at", local_input(d, end))
    mid = create(**over)
    approve(mid)
    return mid


def row(meeting_id, *cols):
    names = ", ".join(cols)
    rows = STACK.query(f"SELECT {names} FROM meeting WHERE id = ?", (meeting_id,))
    assert rows, f"no meeting {meeting_id}"
    return rows[0] if len(cols) > 1 else rows[0][0]


def changes(meeting_id):
    return STACK.query("SELECT kind, old_starts_at, new_starts_at, old_venue_id, new_venue_id, "
                       "reason, user_id FROM meeting_change WHERE meeting_id = ? ORDER BY id",
                       (meeting_id,))


def audits(meeting_id):
    return STACK.query("SELECT action, login, before_json, after_json FROM audit_log "
                       "WHERE entity = 'meeting' AND entity_id = ? ORDER BY id", (meeting_id,))


def user_id(login):
    return STACK.query("SELECT id FROM staff_user WHERE login = ?", (login,))[0][0]


def announce(meeting_id):
    """What the notifier does once the announcement went out."""
    STACK.execute("UPDATE meeting SET announced_at = unixepoch() - 60 WHERE id = ?", (meeting_id,))


def snapshot(meeting_id):
    """Everything an action may change, to prove a refused one changed nothing."""
    return (STACK.query("SELECT * FROM meeting WHERE id = ?", (meeting_id,)),
            changes(meeting_id), len(audits(meeting_id)),
            STACK.query("SELECT person_id FROM meeting_invitee WHERE meeting_id = ? "
                        "ORDER BY person_id", (meeting_id,)))


class Case(StaffAssertions, unittest.TestCase):
    maxDiff = 4000

    def assertRedirectTo(self, r, meeting_id):
        self.assertRedirect(r, f"/admin/meetings/{meeting_id}")

    def assertNotPublic(self, meeting_id, title):
        self.assertEqual(STACK.get(f"/meetings/{meeting_id}").status, 404)
        self.assertEqual(STACK.get(f"/meetings/{meeting_id}.ics").status, 404)
        local_day = datetime.fromtimestamp(row(meeting_id, "starts_at"), ZONE).date()
        heads = {"/": "<h1>Встречи с населением</h1>", "/meetings.ics": "BEGIN:VCALENDAR"}
        for path in ("/", "/meetings", "/meetings.ics",
                     f"/meetings?from={local_day}&to={local_day}"):
            r = shown(self, STACK.get(path),
                      heads.get(path, "<h1>Расписание встреч с населением</h1>"))
            self.assertNotIn(title, html.unescape(r.text), path)
            self.assertNotIn(f"/meetings/{meeting_id}\"", r.text, path)

    def public_page(self, meeting_id):
        r = STACK.get(f"/meetings/{meeting_id}")
        self.assertEqual(r.status, 200, f"/meetings/{meeting_id}")
        return main_of(r.text)

    def public_status(self, meeting_id):
        page = self.public_page(meeting_id)
        return text_of(re.search(r'<span class="status">(.*?)</span>', page).group(1)), page


# ---- 1. creating a draft -------------------------------------------------------------------
class CreateDraft(Case):
    def test_new_form_offers_every_field_and_the_rule(self):
        r = USERS["organizer"].get("/admin/meetings/new")
        self.assertStatus(r, 200)
        page = main_of(r.text)
        self.assertIn("<h1>Новая встреча</h1>", page)
        self.assertIn("не позднее чем за 5 дней", page)
        self.assertIn('<form class="form" method="post" action="/admin/meetings">', page)
        self.assertEqual(csrf_of(page), USERS["organizer"].token)
        for name in ("title", "starts_at", "ends_at", "expected_attendance", "organising_unit"):
            input_tag(page, name)
        self.assertIn('type="datetime-local"', input_tag(page, "starts_at"))
        for name in ("kind", "territory", "venue", "host"):
            select_tag(page, name)
        for name in ("description", "theses", "analytical_note", "reference_materials"):
            self.assertEqual(textarea_value(page, name), "")
        people = STACK.query("SELECT count(*) FROM person")[0][0]
        self.assertEqual(len(re.findall(r'name="invitee"', page)), people)
        self.assertIn("Создать черновик", page)

    def test_create_saves_a_draft_with_local_times_invitees_and_an_audit_record(self):
        d = day(9)
        title = unique("Благоустройство сквера")
        fields = meeting_fields(
            kind="head_mass", title=title, territory="4", venue="3",
            starts_at=local_input(d, "18:30"), ends_at=local_input(d, "20:15"), host="2",
            organising_unit="Сектор по работе с населением", expected_attendance="120",
            description="Что сделать в сквере летом.", theses="Тезис 1\r\nТезис 2",
            analytical_note="Жалобы за квартал: 14.", reference_materials="Схема сквера.",
            invitees=[4, 6, 7])
        before = STACK.query("SELECT count(*) FROM meeting")[0][0]
        r = USERS["organizer"].post("/admin/meetings", fields)
        self.assertEqual(r.status, 303, form_errors(r.text))
        mid = int(re.fullmatch(r"/admin/meetings/(\d+)", r.header("Location")).group(1))
        self.assertEqual(STACK.query("SELECT count(*) FROM meeting")[0][0], before + 1)

        got = row(mid, "kind", "title", "territory_id", "venue_id", "starts_at", "ends_at",
                  "host_id", "organising_unit", "expected_attendance", "description", "theses",
                  "analytical_note", "reference_materials", "status", "approved_at",
                  "announced_at", "exception_reason", "police_notified_at")
        self.assertEqual(got, (
            "head_mass", title, 4, 3, epoch(d, "18:30"), epoch(d, "20:15"), 2,
            "Сектор по работе с населением", 120, "Что сделать в сквере летом.",
            "Тезис 1\r\nТезис 2",
            "Жалобы за квартал: 14.", "Схема сквера.", "draft", None, None, "", None))
        # 18:30 in UTC+5 is 13:30 UTC
        self.assertEqual(datetime.fromtimestamp(got[4], timezone.utc).strftime("%H:%M"), "13:30")
        self.assertEqual(STACK.query("SELECT person_id FROM meeting_invitee WHERE meeting_id = ? "
                                     "ORDER BY person_id", (mid,)), [(4,), (6,), (7,)])

        log = audits(mid)
        self.assertEqual(len(log), 1, log)
        action, login, before_json, after_json = log[0]
        self.assertEqual((action, login, before_json), ("create", "organizer", None))
        after = json.loads(after_json)
        self.assertEqual(after["title"], title)
        self.assertEqual(after["status"], "draft")
        self.assertEqual(after["starts_at"], epoch(d, "18:30"))
        self.assertEqual(sorted(after["invitees"]), [4, 6, 7])
        self.assertEqual(STACK.query("SELECT user_id FROM audit_log WHERE entity = 'meeting' AND "
                                     "entity_id = ?", (mid,))[0][0], user_id("organizer"))

        # the staff page shows what was saved, in local time
        page = main_of(USERS["organizer"].get(f"/admin/meetings/{mid}").text)
        f = facts(page)
        self.assertEqual(f["Состояние"], "Черновик")
        self.assertEqual(f["Начало"], f"{words(d)}, 18:30")
        self.assertEqual(f["Опубликовать не позднее"], words(d - timedelta(days=5)))
        self.assertEqual(input_value(page, "title"), title)
        self.assertEqual(input_value(page, "starts_at"), local_input(d, "18:30"))
        self.assertEqual(input_value(page, "ends_at"), local_input(d, "20:15"))
        self.assertEqual(selected_values(page, "kind"), ["head_mass"])
        self.assertEqual(selected_values(page, "territory"), ["4"])
        self.assertEqual(selected_values(page, "venue"), ["3"])
        self.assertEqual(selected_values(page, "host"), ["2"])
        self.assertEqual(checked_invitees(page), [4, 6, 7])
        self.assertEqual(textarea_value(page, "analytical_note"), "Жалобы за квартал: 14.")
        # and the list
        lst = row_of(USERS["organizer"].get("/admin/meetings").text, mid)
        self.assertIsNotNone(lst)
        self.assertEqual(lst["status"], "Черновик")
        self.assertEqual(lst["title"], title)
        self.assertIn(f"опубликовать до {words(d - timedelta(days=5))}", lst["needs"])

    def test_a_draft_is_not_public(self):
        title = unique("Черновик-невидимка")
        mid = create(title=title, starts_at=local_input(day(8), "18:00"),
                     ends_at=local_input(day(8), "19:00"))
        self.assertNotPublic(mid, title)

    def test_optional_fields_may_be_left_empty(self):
        mid = create(venue="", host="", expected_attendance="", description="")
        self.assertEqual(row(mid, "venue_id", "host_id", "expected_attendance", "description"),
                         (None, None, None, ""))
        page = main_of(shown(self, USERS["organizer"].get(f"/admin/meetings/{mid}")).text)
        self.assertEqual(input_value(page, "expected_attendance"), "")
        self.assertNotIn("Уведомление полиции", page)

    def test_editing_a_draft_changes_it_freely_without_a_change_record(self):
        mid = create()
        announce_before = row(mid, "announced_at")
        d = day(2)  # a draft may be moved anywhere: the rule applies at approval
        r = USERS["organizer"].post(f"/admin/meetings/{mid}", meeting_fields(
            title="Новая тема", starts_at=local_input(d, "10:00"),
            ends_at=local_input(d, "11:00"), venue=str(VENUE_DK), invitees=[1]))
        self.assertRedirectTo(r, mid)
        self.assertEqual(row(mid, "title", "starts_at", "venue_id", "status", "announced_at"),
                         ("Новая тема", epoch(d, "10:00"), VENUE_DK, "draft", announce_before))
        self.assertEqual(changes(mid), [])
        self.assertEqual([a[0] for a in audits(mid)], ["create", "update"])
        self.assertEqual(STACK.query("SELECT person_id FROM meeting_invitee WHERE meeting_id = ?",
                                     (mid,)), [(1,)])


# ---- line breaks in the long texts -------------------------------------------------------------
MULTILINE = "Первый абзац.\r\n\r\nВторой абзац:\r\n— пункт 1;\r\n— пункт 2."


class LineBreaks(Case):
    """Browsers send a textarea's line breaks as CRLF; the texts are stored as sent and must
    survive being shown in the edit form and saved again."""

    def test_saving_the_edit_form_unchanged_keeps_the_line_breaks(self):
        mid = create(description=MULTILINE, theses=MULTILINE, analytical_note=MULTILINE,
                     reference_materials=MULTILINE)
        self.assertEqual(row(mid, "description", "theses", "analytical_note",
                             "reference_materials"), (MULTILINE,) * 4)
        page = USERS["organizer"].get(f"/admin/meetings/{mid}").text
        fields = browser_form(page, f"/admin/meetings/{mid}")
        fields = [(k, "Уточнённая тема" if k == "title" else v) for k, v in fields]
        r = USERS["organizer"].post(f"/admin/meetings/{mid}", fields)
        self.assertRedirectTo(r, mid)
        self.assertEqual(row(mid, "title"), "Уточнённая тема")
        self.assertEqual(row(mid, "description", "theses", "analytical_note",
                             "reference_materials"), (MULTILINE,) * 4,
                         "fixing the title through the edit form rewrote the long texts")

    def test_the_edit_form_shows_the_line_breaks(self):
        mid = create(theses=MULTILINE)
        page = main_of(USERS["organizer"].get(f"/admin/meetings/{mid}").text)
        self.assertEqual(textarea_value(page, "theses").replace("\r\n", "\n"),
                         MULTILINE.replace("\r\n", "\n"))

    def test_a_refused_form_gives_back_the_line_breaks(self):
        r = USERS["organizer"].post("/admin/meetings", meeting_fields(
            title="", description=MULTILINE, theses=MULTILINE))
        self.assertStatus(r, 422)
        page = main_of(r.text)
        for name in ("description", "theses"):
            self.assertEqual(textarea_value(page, name).replace("\r\n", "\n"),
                             MULTILINE.replace("\r\n", "\n"), name)

    def test_the_public_page_keeps_the_paragraphs_of_the_description(self):
        # static/style.css: .text { white-space: pre-line } — the breaks must reach the page
        mid = create_approved(days=8, description=MULTILINE)
        page = self.public_page(mid)
        text = re.search(r'<p class="text">(.*?)</p>', page, re.S).group(1)
        self.assertEqual(html.unescape(text).replace("\r\n", "\n"),
                         MULTILINE.replace("\r\n", "\n"))


# ---- blank texts ---------------------------------------------------------------------------------
class BlankTexts(Case):
    """A value of spaces only is not a title and not a written reason: it must be refused like an
    empty one, or a controller can break the 5-day rule without writing why."""

    def test_an_exception_reason_of_spaces_is_no_reason(self):
        mid = create(starts_at=local_input(day(2), "18:00"), ends_at=local_input(day(2), "20:00"))
        before = snapshot(mid)
        r = USERS["controller"].post(f"/admin/meetings/{mid}/approve",
                                     {"exception_reason": "   "})
        self.assertStatus(r, 422)
        self.assertEqual(snapshot(mid), before)

    def test_a_cancel_reason_of_spaces_is_no_reason(self):
        mid = create_approved(days=6)
        before = snapshot(mid)
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/cancel", {"cancel_reason": "   "})
        self.assertStatus(r, 422)
        self.assertEqual(snapshot(mid), before)

    def test_a_postpone_reason_of_spaces_is_no_reason(self):
        mid = create_approved(days=6)
        before = snapshot(mid)
        d = day(9)
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/postpone", {
            "new_starts_at": local_input(d, "18:00"), "new_ends_at": local_input(d, "19:00"),
            "postpone_reason": " \t "})
        self.assertStatus(r, 422)
        self.assertEqual(snapshot(mid), before)

    def test_a_title_of_spaces_is_no_title(self):
        count = STACK.query("SELECT count(*) FROM meeting")[0][0]
        r = USERS["organizer"].post("/admin/meetings", meeting_fields(title="   "))
        self.assertStatus(r, 422)
        self.assertEqual(field_error(main_of(r.text), "title"), f"тема встречи: {REQUIRED}")
        self.assertEqual(STACK.query("SELECT count(*) FROM meeting")[0][0], count)


class UnknownMeeting(Case):
    def test_every_page_and_action_of_a_meeting_that_does_not_exist_is_404(self):
        missing = STACK.query("SELECT max(id) FROM meeting")[0][0] + 1000
        self.assertEqual(USERS["organizer"].get(f"/admin/meetings/{missing}").status, 404)
        d = day(9)
        for action, fields in (("", meeting_fields()), ("/approve", {}),
                               ("/cancel", {"cancel_reason": "x"}),
                               ("/postpone", {"new_starts_at": local_input(d, "18:00"),
                                              "new_ends_at": local_input(d, "19:00"),
                                              "postpone_reason": "x"}),
                               ("/held", {"attendance": "1"}), ("/police", {})):
            with self.subTest(action=action):
                r = USERS["organizer"].post(f"/admin/meetings/{missing}{action}", fields)
                self.assertStatus(r, 404)
        self.assertEqual(STACK.query("SELECT count(*) FROM meeting WHERE id = ?", (missing,)),
                         [(0,)])


# ---- 2. validation --------------------------------------------------------------------------
class Validation(Case):
    def post_invalid(self, **over):
        count = STACK.query("SELECT count(*) FROM meeting")[0][0]
        fields = meeting_fields(**over)
        r = USERS["organizer"].post("/admin/meetings", fields)
        self.assertStatus(r, 422)
        self.assertEqual(STACK.query("SELECT count(*) FROM meeting")[0][0], count,
                         "a refused form saved a meeting")
        page = main_of(r.text)
        self.assertIn("<h1>Новая встреча</h1>", page)
        self.assertIn("Проверьте форму", page)
        return page, dict(f for f in fields if f[0] != "invitee")

    def assertFieldError(self, page, name, message, select=False):
        self.assertEqual(field_error(page, name), message)
        tag = select_tag(page, name).split(">")[0] if select else input_tag(page, name)
        self.assertIn('aria-invalid="true"', tag, name)
        self.assertIn(f'aria-describedby="e-{name}"', tag, name)
        self.assertIn(message, form_errors(page))

    def assertKept(self, page, sent, skip=()):
        """Everything typed is back in the form."""
        for name in ("title", "starts_at", "ends_at", "expected_attendance", "organising_unit"):
            if name not in skip:
                self.assertEqual(input_value(page, name) or "", sent.get(name, ""), name)
        for name in ("description", "theses", "analytical_note", "reference_materials"):
            if name not in skip:
                self.assertEqual(textarea_value(page, name), sent.get(name, ""), name)
        for name in ("kind", "territory", "venue", "host"):
            if name not in skip and sent.get(name):
                known = re.search(rf'<option value="{re.escape(sent[name])}"',
                                  select_tag(page, name))
                self.assertEqual(selected_values(page, name), [sent[name]] if known else [], name)

    def test_missing_required_fields(self):
        page, sent = self.post_invalid(title=None, kind="", territory=None, starts_at="",
                                       theses="Тезисы, которые жалко потерять",
                                       analytical_note="Записка", invitees=[2, 5])
        self.assertFieldError(page, "title", f"тема встречи: {REQUIRED}")
        self.assertFieldError(page, "kind", f"вид встречи: {REQUIRED}", select=True)
        self.assertFieldError(page, "territory", f"территория: {REQUIRED}", select=True)
        self.assertFieldError(page, "starts_at", f"начало: {REQUIRED}")
        self.assertIsNone(field_error(page, "ends_at"))
        self.assertNotIn("aria-invalid", input_tag(page, "ends_at"))
        self.assertKept(page, sent)
        self.assertEqual(checked_invitees(page), [2, 5])
        self.assertEqual(selected_values(page, "venue"), [str(VENUE_HALL)])
        self.assertEqual(selected_values(page, "host"), ["1"])

    def test_end_before_start(self):
        d = day(8)
        page, sent = self.post_invalid(starts_at=local_input(d, "18:00"),
                                       ends_at=local_input(d, "17:59"), invitees=[3])
        self.assertFieldError(page, "ends_at", "окончание: окончание должно быть позже начала.")
        self.assertIsNone(field_error(page, "starts_at"))
        self.assertKept(page, sent)
        self.assertEqual(checked_invitees(page), [3])
        page, sent = self.post_invalid(starts_at=local_input(d, "18:00"),
                                       ends_at=local_input(d, "18:00"))
        self.assertFieldError(page, "ends_at", "окончание: окончание должно быть позже начала.")

    def test_malformed_datetimes(self):
        for bad, message in (
                ("27.11.2026 18:00", "начало: ожидаются дата и время, например 2026-03-11T18:00."),
                ("2026-11-27", "начало: ожидаются дата и время, например 2026-03-11T18:00."),
                ("2026-11-27 18:00", "начало: ожидаются дата и время, например 2026-03-11T18:00."),
                ("2026-02-30T18:00", "начало: такой даты или времени нет."),
                ("2026-11-27T24:00", "начало: такой даты или времени нет."),
                ("2026-11-27T18:60", "начало: такой даты или времени нет.")):
            with self.subTest(starts_at=bad):
                page, sent = self.post_invalid(starts_at=bad, invitees=[1, 9])
                self.assertFieldError(page, "starts_at", message)
                self.assertEqual(input_value(page, "starts_at"), bad)
                self.assertKept(page, sent)
                self.assertEqual(checked_invitees(page), [1, 9])

    def test_unknown_references(self):
        page, sent = self.post_invalid(kind="picnic", territory="999", venue="999", host="999",
                                       invitees=[2, 999])
        self.assertFieldError(page, "kind", "вид встречи: выберите вид из списка.", select=True)
        self.assertFieldError(page, "territory", "территория: выберите территорию из списка.",
                              select=True)
        self.assertFieldError(page, "venue", "место проведения: выберите место из списка.",
                              select=True)
        self.assertFieldError(page, "host", "кто проводит: выберите из списка.", select=True)
        self.assertEqual(field_error(page, "invitee"), "приглашённые: выберите из списка.")
        self.assertEqual(checked_invitees(page), [2], "the known invitee stays checked")
        for name in ("kind", "territory", "venue", "host"):
            self.assertEqual(selected_values(page, name), [], name)
        self.assertKept(page, sent)

    def test_ids_that_are_not_numbers(self):
        page, sent = self.post_invalid(territory="центр", venue="0", host="-1")
        for name, label in (("territory", "территория"), ("venue", "место проведения"),
                            ("host", "кто проводит")):
            self.assertFieldError(page, name,
                                  f"{label}: должно быть номером записи — целым положительным "
                                  "числом.", select=True)
        self.assertKept(page, sent, skip=("territory", "venue", "host"))

    def test_expected_attendance_must_be_a_number(self):
        for bad in ("-1", "сто", "12.5", "100001"):
            with self.subTest(expected_attendance=bad):
                page, sent = self.post_invalid(expected_attendance=bad,
                                               description="Описание <встречи> & прочее",
                                               invitees=[4])
                self.assertFieldError(page, "expected_attendance",
                                      "ожидаемое число участников: должно быть целым числом от 0 "
                                      "до 100000.")
                self.assertEqual(input_value(page, "expected_attendance"), bad)
                self.assertEqual(checked_invitees(page), [4])
                self.assertKept(page, sent)

    def test_title_in_one_line_and_not_too_long(self):
        page, _ = self.post_invalid(title="две\nстроки")
        self.assertFieldError(page, "title",
                              "тема встречи: должно быть в одну строку, без управляющих символов.")
        page, _ = self.post_invalid(title="я" * 301)
        self.assertFieldError(page, "title", "тема встречи: не длиннее 300 символов.")
        self.assertEqual(input_value(page, "title"), "я" * 301)

    def test_edit_form_errors_keep_the_typed_values(self):
        mid = create(invitees=[1])
        before = snapshot(mid)
        fields = meeting_fields(title="", starts_at="завтра", expected_attendance="-1",
                                description="Новое описание", invitees=[2, 3])
        r = USERS["organizer"].post(f"/admin/meetings/{mid}", fields)
        self.assertStatus(r, 422)
        page = main_of(r.text)
        self.assertFieldError(page, "title", f"тема встречи: {REQUIRED}")
        self.assertFieldError(page, "starts_at",
                              "начало: ожидаются дата и время, например 2026-03-11T18:00.")
        self.assertFieldError(page, "expected_attendance",
                              "ожидаемое число участников: должно быть целым числом от 0 до "
                              "100000.")
        self.assertEqual(input_value(page, "starts_at"), "завтра")
        self.assertEqual(textarea_value(page, "description"), "Новое описание")
        self.assertEqual(checked_invitees(page), [2, 3])
        self.assertEqual(snapshot(mid), before)


# ---- 3. the 5-day rule at approval ------------------------------------------------------------
class FiveDayRule(Case):
    def test_approval_four_days_ahead_is_refused_naming_the_earliest_date(self):
        mid = create(starts_at=local_input(day(4), "18:00"), ends_at=local_input(day(4), "20:00"))
        before = snapshot(mid)
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/approve", {})
        self.assertStatus(r, 422)
        page = main_of(r.text)
        earliest = words(day(5))
        message = ("Встречу нельзя провести так скоро: место и время встречи публикуются не "
                   "позднее чем за 5 дней, поэтому самая ранняя допустимая дата — "
                   f"{earliest} Перенесите её на эту дату или позже. Более раннюю дату может "
                   "утвердить контролёр или администратор — как исключение из правила пяти "
                   "дней, записав его причину.")
        self.assertIn(message, text_of(page))
        # issue 21 item 5: no field the organizer does not have is named
        self.assertNotIn("причина исключения из правила 5 дней:", text_of(page))
        approve_form = re.search(r'<form method="post" action="/admin/meetings/%d/approve">.*?'
                                 r"</form>" % mid, page, re.S).group(0)
        self.assertIn(message, text_of(approve_form), "the error is beside the approve button")
        self.assertTrue(any(message in e for e in form_errors(page)))
        self.assertIn(f"начинается не раньше {earliest}", text_of(page))
        self.assertEqual(facts(page)["Состояние"], "Черновик")
        self.assertEqual(snapshot(mid), before)
        self.assertNotPublic(mid, row(mid, "title"))

    def test_an_organizer_may_not_grant_an_exception(self):
        mid = create(starts_at=local_input(day(4), "18:00"), ends_at=local_input(day(4), "20:00"))
        before = snapshot(mid)
        page = main_of(shown(self, USERS["organizer"].get(f"/admin/meetings/{mid}"),
                             "Черновик").text)
        self.assertNotIn('name="exception_reason"', page, "the organizer is offered no exception")
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/approve",
                                    {"exception_reason": "Срочный вопрос о паводке"})
        self.assertForbidden(r, "Исключение из правила пяти дней может утвердить только "
                                "контролёр или администратор.")
        self.assertEqual(snapshot(mid), before)

    def test_a_controller_approves_with_a_recorded_exception(self):
        title = unique("Паводок")
        mid = create(title=title, starts_at=local_input(day(4), "18:00"),
                     ends_at=local_input(day(4), "20:00"))
        page = main_of(USERS["controller"].get(f"/admin/meetings/{mid}").text)
        self.assertIn('name="exception_reason"', page)
        reason = "Срочный вопрос о паводке"
        r = USERS["controller"].post(f"/admin/meetings/{mid}/approve", {"exception_reason": reason})
        self.assertRedirectTo(r, mid)
        status, exception, approved_at, approved_by = row(
            mid, "status", "exception_reason", "approved_at", "approved_by")
        self.assertEqual((status, exception, approved_by),
                         ("approved", reason, user_id("controller")))
        self.assertLess(abs(approved_at - time.time()), 120)
        log = audits(mid)
        self.assertEqual(log[-1][:2], ("approve_with_exception", "controller"))
        self.assertEqual(json.loads(log[-1][2])["status"], "draft")
        self.assertEqual(json.loads(log[-1][3])["exception_reason"], reason)

        staff = main_of(USERS["organizer"].get(f"/admin/meetings/{mid}").text)
        self.assertEqual(facts(staff)["Исключение из правила 5 дней"], reason)
        self.assertEqual(facts(staff)["Состояние"], "Утверждена")
        lst = row_of(USERS["organizer"].get("/admin/meetings").text, mid)
        self.assertIn("исключение из правила 5 дней", lst["needs"])
        status, _ = self.public_status(mid)
        self.assertEqual(status, "Назначена")

    def test_an_admin_may_grant_an_exception_too(self):
        mid = create(starts_at=local_input(day(1), "18:00"), ends_at=local_input(day(1), "20:00"))
        r = USERS["admin"].post(f"/admin/meetings/{mid}/approve",
                                {"exception_reason": "Решение главы"})
        self.assertRedirectTo(r, mid)
        self.assertEqual(row(mid, "status", "exception_reason"), ("approved", "Решение главы"))
        self.assertEqual(audits(mid)[-1][:2], ("approve_with_exception", "admin"))

    def test_a_controller_without_a_reason_is_refused_like_anyone(self):
        mid = create(starts_at=local_input(day(3), "18:00"), ends_at=local_input(day(3), "20:00"))
        r = USERS["controller"].post(f"/admin/meetings/{mid}/approve", {"exception_reason": ""})
        self.assertStatus(r, 422)
        self.assertIn(f"самая ранняя допустимая дата — {words(day(5))}", text_of(r.text))
        self.assertEqual(row(mid, "status"), "draft")

    def test_six_days_ahead_is_approved_and_published(self):
        title = unique("Отчёт о ремонте дорог")
        d = day(6)
        mid = create(title=title, starts_at=local_input(d, "18:00"),
                     ends_at=local_input(d, "19:30"), invitees=[1, 4])
        self.assertNotPublic(mid, title)
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/approve", {})
        self.assertRedirectTo(r, mid)
        self.assertEqual(row(mid, "status", "exception_reason", "approved_by"),
                         ("approved", "", user_id("organizer")))
        self.assertEqual(audits(mid)[-1][:2], ("approve", "organizer"))

        status, page = self.public_status(mid)
        self.assertEqual(status, "Назначена")
        self.assertIn(f"<h1>{html.escape(title)}</h1>", page)
        self.assertIn(f"{words(d)}, 18:00", text_of(page))
        self.assertIn("Администрация городского поселения, зал заседаний", text_of(page))
        self.assertIn("Соколова Анна Викторовна", text_of(page))
        self.assertIn("Морозов Дмитрий Алексеевич", text_of(page))
        listing = STACK.get(f"/meetings?from={d}&to={d}")
        self.assertEqual(listing.status, 200)
        self.assertIn(f'<a href="/meetings/{mid}">{html.escape(title)}</a>', listing.text)
        calendar = STACK.get("/meetings.ics").body.decode("utf-8").replace("\r\n ", "")
        self.assertIn(title, calendar)
        self.assertIn(title, STACK.get(f"/meetings/{mid}.ics").body.decode("utf-8")
                      .replace("\r\n ", ""))

        staff = main_of(shown(self, USERS["organizer"].get(f"/admin/meetings/{mid}")).text)
        self.assertEqual(facts(staff)["Состояние"], "Утверждена")
        self.assertIn("Утверждена", facts(staff))
        self.assertNotIn("/approve", staff, "an approved meeting offers no approval")
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/approve", {})
        self.assertStatus(r, 422)
        self.assertIn("Утвердить можно только черновик.", text_of(r.text))

    def test_boundary_day_five_at_midnight_is_allowed(self):
        d = day(5)
        mid = create(starts_at=local_input(d, "00:00"), ends_at=local_input(d, "01:00"))
        self.assertEqual(row(mid, "starts_at"), epoch(d, "00:00"))
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/approve", {})
        self.assertRedirectTo(r, mid)
        self.assertEqual(row(mid, "status", "exception_reason"), ("approved", ""))

    def test_boundary_day_four_at_23_59_is_refused(self):
        d = day(4)
        mid = create(starts_at=local_input(d, "23:59"),
                     ends_at=local_input(d + timedelta(days=1), "01:00"))
        self.assertEqual(row(mid, "starts_at"), epoch(d, "23:59"))
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/approve", {})
        self.assertStatus(r, 422)
        self.assertIn(f"самая ранняя допустимая дата — {words(day(5))}", text_of(r.text))
        self.assertEqual(row(mid, "status"), "draft")

    def test_a_meeting_whose_time_has_come_cannot_be_approved_even_by_exception(self):
        d = day(-1)
        mid = create(starts_at=local_input(d, "18:00"), ends_at=local_input(d, "20:00"))
        r = USERS["controller"].post(f"/admin/meetings/{mid}/approve",
                                     {"exception_reason": "задним числом"})
        self.assertStatus(r, 422)
        self.assertIn("Время встречи уже наступило", text_of(r.text))
        self.assertEqual(row(mid, "status", "exception_reason"), ("draft", ""))


# ---- 4. postponing and editing a published meeting --------------------------------------------
class PostponeAndEdit(Case):
    def test_postpone_too_close_is_refused_and_keeps_what_was_typed(self):
        mid = create_approved(days=6)
        announce(mid)
        before = snapshot(mid)
        new = local_input(day(2), "18:00")
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/postpone", {
            "new_starts_at": new, "new_ends_at": local_input(day(2), "20:00"),
            "postpone_reason": "Зал занят"})
        self.assertStatus(r, 422)
        page = main_of(r.text)
        self.assertEqual(action_field_error(page, "new_starts_at"),
                         "новое начало: место и время встречи публикуются не позднее чем за 5 "
                         f"дней, поэтому самая ранняя допустимая дата — {words(day(5))} Более "
                         "раннюю дату может утвердить контролёр или администратор — как "
                         "исключение с указанием причины.")
        self.assertEqual(input_value(page, "new_starts_at"), new)
        self.assertEqual(input_value(page, "new_ends_at"), local_input(day(2), "20:00"))
        self.assertEqual(textarea_value(page, "postpone_reason"), "Зал занят")
        self.assertEqual(snapshot(mid), before)

    def test_postpone_with_a_reason_publishes_the_change(self):
        title = unique("Ремонт котельной")
        old_day, new_day = day(6), day(8)
        mid = create_approved(days=6, title=title)
        announce(mid)
        old = epoch(old_day, "18:00")
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/postpone", {
            "new_starts_at": local_input(new_day, "17:00"),
            "new_ends_at": local_input(new_day, "19:00"), "postpone_reason": "Зал на ремонте"})
        self.assertRedirectTo(r, mid)
        self.assertEqual(
            row(mid, "status", "starts_at", "ends_at", "postponed_from", "status_reason",
                "announced_at"),
            ("postponed", epoch(new_day, "17:00"), epoch(new_day, "19:00"), old,
             "Зал на ремонте", None))
        self.assertEqual(changes(mid), [("postponed", old, epoch(new_day, "17:00"), VENUE_HALL,
                                         None, "Зал на ремонте", user_id("organizer"))])
        self.assertEqual(audits(mid)[-1][:2], ("postpone", "organizer"))

        status, page = self.public_status(mid)
        self.assertEqual(status, "Перенесена")
        self.assertIn(f"Встреча перенесена. Ранее она была назначена на {ru_datetime(old)}.",
                      text_of(page))
        self.assertIn("Причина: Зал на ремонте", text_of(page))
        self.assertIn(f"{words(new_day)}, 17:00", text_of(page))
        listing = STACK.get(f"/meetings?from={new_day}&to={new_day}").text
        card = listing.split(f'<a href="/meetings/{mid}">')[1].split("</article>")[0]
        self.assertIn("Перенесена", text_of(card))
        self.assertIn(f"с {ru_datetime(old)}", text_of(card))

        staff = main_of(USERS["organizer"].get(f"/admin/meetings/{mid}").text)
        self.assertEqual(facts(staff)["Состояние"], "Перенесена: Зал на ремонте")
        self.assertIn(f"перенос, было {ru_datetime(old)}, стало "
                      f"{ru_datetime(epoch(new_day, '17:00'))} — Зал на ремонте (organizer)",
                      text_of(staff))
        lst = row_of(USERS["organizer"].get("/admin/meetings").text, mid)
        self.assertEqual(lst["status"], "Перенесена")
        self.assertIn(f"опубликовать до {words(new_day - timedelta(days=5))}", lst["needs"])

    def test_postpone_needs_a_reason_and_a_real_new_time(self):
        mid = create_approved(days=6)
        before = snapshot(mid)
        d = day(9)
        cases = (
            ({"new_starts_at": local_input(d, "18:00"), "new_ends_at": local_input(d, "19:00")},
             "postpone_reason", "причина переноса: " + REQUIRED),
            ({"new_starts_at": local_input(d, "18:00"), "new_ends_at": local_input(d, "17:00"),
              "postpone_reason": "x"}, "new_ends_at",
             "новое окончание: окончание должно быть позже начала."),
            ({"new_starts_at": local_input(day(6), "18:00"),
              "new_ends_at": local_input(day(6), "21:00"), "postpone_reason": "x"},
             "new_starts_at", "новое начало: новое время совпадает с прежним."),
            ({"new_starts_at": "послезавтра", "new_ends_at": local_input(d, "19:00"),
              "postpone_reason": "x"}, "new_starts_at",
             "новое начало: ожидаются дата и время, например 2026-03-11T18:00."),
        )
        for fields, name, message in cases:
            with self.subTest(field=name, message=message):
                r = USERS["organizer"].post(f"/admin/meetings/{mid}/postpone", fields)
                self.assertStatus(r, 422)
                self.assertEqual(action_field_error(main_of(r.text), name), message)
                self.assertEqual(snapshot(mid), before)

    def test_postpone_a_draft_is_refused(self):
        mid = create()
        d = day(9)
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/postpone", {
            "new_starts_at": local_input(d, "18:00"), "new_ends_at": local_input(d, "19:00"),
            "postpone_reason": "x"})
        self.assertStatus(r, 422)
        self.assertIn("Перенести можно только утверждённую или перенесённую встречу.",
                      text_of(r.text))
        self.assertEqual(row(mid, "status"), "draft")

    def test_postpone_closer_needs_an_exception_from_a_controller(self):
        mid = create_approved(days=6)
        before = snapshot(mid)
        d = day(2)
        fields = {"new_starts_at": local_input(d, "18:00"), "new_ends_at": local_input(d, "19:00"),
                  "postpone_reason": "Глава в отпуске позже", "exception_reason": "Согласовано"}
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/postpone", fields)
        self.assertForbidden(r, "Исключение из правила пяти дней может утвердить только")
        self.assertEqual(snapshot(mid), before)
        r = USERS["controller"].post(f"/admin/meetings/{mid}/postpone", fields)
        self.assertRedirectTo(r, mid)
        self.assertEqual(row(mid, "status", "starts_at", "exception_reason", "status_reason"),
                         ("postponed", epoch(d, "18:00"), "Согласовано", "Глава в отпуске позже"))
        self.assertEqual([c[0] for c in changes(mid)], ["postponed"])

    def test_editing_the_time_of_an_approved_meeting_is_a_published_change(self):
        mid = create_approved(days=7, invitees=[2])
        announce(mid)
        old = row(mid, "starts_at")
        staff = main_of(USERS["organizer"].get(f"/admin/meetings/{mid}").text)
        self.assertIn("Встреча уже утверждена: новое место или время будет опубликовано как "
                      "изменение", text_of(staff))
        d = day(9)
        r = USERS["organizer"].post(f"/admin/meetings/{mid}", meeting_fields(
            title=row(mid, "title"), starts_at=local_input(d, "11:00"),
            ends_at=local_input(d, "12:00"), invitees=[2]))
        self.assertRedirectTo(r, mid)
        # A new time is published as a postponement, with the old time beside it.
        self.assertEqual(row(mid, "status", "starts_at", "postponed_from", "announced_at"),
                         ("postponed", epoch(d, "11:00"), old, None))
        self.assertEqual(changes(mid), [("rescheduled", old, epoch(d, "11:00"), VENUE_HALL,
                                         VENUE_HALL, "", user_id("organizer"))])
        self.assertEqual(audits(mid)[-1][:2], ("update", "organizer"))
        _, page = self.public_status(mid)
        self.assertIn(f"{words(d)}, 11:00", text_of(page))
        staff = main_of(USERS["organizer"].get(f"/admin/meetings/{mid}").text)
        self.assertIn(f"новое время, было {ru_datetime(old)}, стало "
                      f"{ru_datetime(epoch(d, '11:00'))}", text_of(staff))

    def test_editing_the_venue_of_an_approved_meeting_is_a_published_change(self):
        mid = create_approved(days=7)
        announce(mid)
        starts = row(mid, "starts_at")
        fields = dict(meeting_fields(title=row(mid, "title"), venue=str(VENUE_DK)))
        fields["starts_at"] = local_input(day(7), "18:00")
        fields["ends_at"] = local_input(day(7), "20:00")
        r = USERS["organizer"].post(f"/admin/meetings/{mid}", fields)
        self.assertRedirectTo(r, mid)
        self.assertEqual(row(mid, "venue_id", "starts_at", "announced_at", "status"),
                         (VENUE_DK, starts, None, "approved"))
        self.assertEqual([(c[0], c[3], c[4]) for c in changes(mid)],
                         [("place_changed", VENUE_HALL, VENUE_DK)])
        _, page = self.public_status(mid)
        self.assertIn("Дом культуры «Современник»", text_of(page))

    def test_editing_other_fields_of_an_approved_meeting_is_not_a_change(self):
        mid = create_approved(days=7)
        announce(mid)
        announced = row(mid, "announced_at")
        fields = dict(meeting_fields(title="Уточнённая тема", description="Новое описание"))
        fields["starts_at"] = local_input(day(7), "18:00")
        fields["ends_at"] = local_input(day(7), "20:00")
        r = USERS["organizer"].post(f"/admin/meetings/{mid}", fields)
        self.assertRedirectTo(r, mid)
        self.assertEqual(row(mid, "title", "announced_at"), ("Уточнённая тема", announced))
        self.assertEqual(changes(mid), [])

    def test_no_exception_moves_a_published_meeting_into_the_past(self):
        # approval refuses a start that has come even with an exception ("Время встречи уже
        # наступило"); postponing or editing to the new time applies the rule "as for approval"
        d = day(-2)
        mid = create_approved(days=6)
        before = snapshot(mid)
        r = USERS["controller"].post(f"/admin/meetings/{mid}/postpone", {
            "new_starts_at": local_input(d, "10:00"), "new_ends_at": local_input(d, "11:00"),
            "postpone_reason": "перенос назад", "exception_reason": "так надо"})
        self.assertStatus(r, 422)
        self.assertEqual(snapshot(mid), before)
        r = USERS["controller"].post(f"/admin/meetings/{mid}", meeting_fields(
            title=row(mid, "title"), starts_at=local_input(d, "10:00"),
            ends_at=local_input(d, "11:00"), exception_reason="так надо"))
        self.assertStatus(r, 422)
        self.assertEqual(snapshot(mid), before)

    def test_saving_the_edit_form_of_an_approved_meeting_unchanged_is_not_a_change(self):
        for status in ("approved", "postponed"):
            with self.subTest(status=status):
                mid = create_approved(days=6, invitees=[3, 8])
                if status == "postponed":
                    d = day(10)
                    USERS["organizer"].post(f"/admin/meetings/{mid}/postpone", {
                        "new_starts_at": local_input(d, "09:05"),
                        "new_ends_at": local_input(d, "10:00"), "postpone_reason": "зал"})
                announce(mid)
                before = snapshot(mid)[0][0]
                page = USERS["organizer"].get(f"/admin/meetings/{mid}").text
                r = USERS["organizer"].post(f"/admin/meetings/{mid}",
                                            browser_form(page, f"/admin/meetings/{mid}"))
                self.assertRedirectTo(r, mid)
                after = STACK.query("SELECT * FROM meeting WHERE id = ?", (mid,))[0]
                cols = [c[1] for c in STACK.query("PRAGMA table_info(meeting)")]
                diff = {c: (a, b) for c, a, b in zip(cols, before, after) if a != b}
                diff.pop("updated_at", None)
                self.assertEqual(diff, {})
                self.assertEqual([c[0] for c in changes(mid)],
                                 ["postponed"] if status == "postponed" else [])
                log = audits(mid)[-1]
                self.assertEqual(log[0], "update")
                self.assertEqual(json.loads(log[2]), json.loads(log[3]))

    def test_the_rule_applies_to_the_new_time_of_an_edited_meeting(self):
        mid = create_approved(days=7)
        announce(mid)
        before = snapshot(mid)
        d = day(3)
        fields = meeting_fields(title=row(mid, "title"), starts_at=local_input(d, "18:00"),
                                ends_at=local_input(d, "19:00"))
        r = USERS["organizer"].post(f"/admin/meetings/{mid}", fields)
        self.assertStatus(r, 422)
        page = main_of(r.text)
        self.assertEqual(field_error(page, "starts_at"),
                         "начало: место и время встречи публикуются не позднее чем за 5 дней, "
                         f"поэтому самая ранняя допустимая дата — {words(day(5))} Более раннюю "
                         "дату может утвердить контролёр или администратор — как исключение с "
                         "указанием причины.")
        self.assertIn('aria-invalid="true"', input_tag(page, "starts_at"))
        self.assertEqual(input_value(page, "starts_at"), local_input(d, "18:00"))
        self.assertEqual(snapshot(mid), before)
        # an organizer's exception is refused, a controller's is recorded
        r = USERS["organizer"].post(f"/admin/meetings/{mid}",
                                    fields + [("exception_reason", "Так решили")])
        self.assertForbidden(r, "Исключение из правила пяти дней может утвердить только")
        self.assertEqual(snapshot(mid), before)
        r = USERS["controller"].post(f"/admin/meetings/{mid}",
                                     fields + [("exception_reason", "Так решили")])
        self.assertRedirectTo(r, mid)
        self.assertEqual(row(mid, "starts_at", "exception_reason", "announced_at"),
                         (epoch(d, "18:00"), "Так решили", None))
        self.assertEqual([(c[0], c[5]) for c in changes(mid)], [("rescheduled", "Так решили")])

    def test_a_new_venue_less_than_five_days_ahead_needs_an_exception(self):
        mid = create(starts_at=local_input(day(3), "18:00"), ends_at=local_input(day(3), "20:00"))
        approve(mid, role="controller", exception_reason="Срочно")
        before = snapshot(mid)
        fields = dict(meeting_fields(title=row(mid, "title"), venue=str(VENUE_DK)))
        fields["starts_at"] = local_input(day(3), "18:00")
        fields["ends_at"] = local_input(day(3), "20:00")
        r = USERS["organizer"].post(f"/admin/meetings/{mid}", fields)
        self.assertStatus(r, 422)
        self.assertIn(f"самая ранняя допустимая дата — {words(day(5))}",
                      field_error(main_of(r.text), "starts_at") or "")
        self.assertEqual(snapshot(mid), before)


# ---- 5. cancelling ----------------------------------------------------------------------------
class Cancel(Case):
    def test_cancel_needs_a_reason(self):
        mid = create_approved(days=6)
        before = snapshot(mid)
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/cancel", {"cancel_reason": ""})
        self.assertStatus(r, 422)
        page = main_of(r.text)
        self.assertEqual(action_field_error(page, "cancel_reason"),
                         "причина отмены: " + REQUIRED)
        self.assertEqual(snapshot(mid), before)

    def test_cancel_with_a_reason_is_published_and_final(self):
        title = unique("Отменяемая встреча")
        mid = create_approved(days=6, title=title)
        announce(mid)
        starts = row(mid, "starts_at")
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/cancel",
                                    {"cancel_reason": "Карантин в школе"})
        self.assertRedirectTo(r, mid)
        self.assertEqual(row(mid, "status", "status_reason", "starts_at"),
                         ("cancelled", "Карантин в школе", starts))
        self.assertEqual([(c[0], c[1], c[5]) for c in changes(mid)],
                         [("cancelled", starts, "Карантин в школе")])
        self.assertEqual(audits(mid)[-1][:2], ("cancel", "organizer"))

        status, page = self.public_status(mid)
        self.assertEqual(status, "Отменена")
        self.assertIn("Встреча отменена.", text_of(page))
        self.assertIn("Причина: Карантин в школе", text_of(page))
        self.assertNotIn(f"/meetings/{mid}.ics", page, "no calendar link for a cancelled meeting")
        staff = main_of(shown(self, USERS["organizer"].get(f"/admin/meetings/{mid}")).text)
        self.assertEqual(facts(staff)["Состояние"], "Отменена: Карантин в школе")
        for action in ("approve", "cancel", "postpone", "held"):
            self.assertNotIn(f'action="/admin/meetings/{mid}/{action}"', staff)
        self.assertNotIn('<form class="form"', staff, "no edit form for a cancelled meeting")

        before = snapshot(mid)
        r = USERS["organizer"].post(f"/admin/meetings/{mid}",
                                    meeting_fields(title="Воскрешённая встреча"))
        self.assertStatus(r, 422)
        self.assertIn("Отменённую или проведённую встречу изменить нельзя.", text_of(r.text))
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/approve", {})
        self.assertStatus(r, 422)
        self.assertIn("Утвердить можно только черновик.", text_of(r.text))
        r = USERS["controller"].post(f"/admin/meetings/{mid}/approve",
                                     {"exception_reason": "вернуть"})
        self.assertStatus(r, 422)
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/cancel", {"cancel_reason": "ещё раз"})
        self.assertStatus(r, 422)
        d = day(10)
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/postpone", {
            "new_starts_at": local_input(d, "18:00"), "new_ends_at": local_input(d, "19:00"),
            "postpone_reason": "вернуть"})
        self.assertStatus(r, 422)
        self.assertEqual(snapshot(mid), before)

    def test_a_draft_cannot_be_cancelled(self):
        mid = create()
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/cancel", {"cancel_reason": "не нужна"})
        self.assertStatus(r, 422)
        self.assertIn("Отменить можно только утверждённую или перенесённую встречу.",
                      text_of(r.text))
        self.assertEqual(row(mid, "status"), "draft")

    def test_a_postponed_meeting_can_be_cancelled(self):
        mid = create_approved(days=6)
        d = day(9)
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/postpone", {
            "new_starts_at": local_input(d, "18:00"), "new_ends_at": local_input(d, "19:00"),
            "postpone_reason": "зал"})
        self.assertRedirectTo(r, mid)
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/cancel", {"cancel_reason": "совсем"})
        self.assertRedirectTo(r, mid)
        self.assertEqual(row(mid, "status"), "cancelled")
        self.assertEqual([c[0] for c in changes(mid)], ["postponed", "cancelled"])


# ---- 6. held ------------------------------------------------------------------------------------
class Held(Case):
    def test_a_meeting_whose_start_has_passed_is_marked_held(self):
        mid = create_approved(days=6)
        STACK.execute("UPDATE meeting SET starts_at = unixepoch() - 7200, "
                      "ends_at = unixepoch() - 600 WHERE id = ?", (mid,))
        staff = main_of(USERS["organizer"].get(f"/admin/meetings/{mid}").text)
        self.assertIn(f'action="/admin/meetings/{mid}/held"', staff)
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/held", {"attendance": "abc"})
        self.assertStatus(r, 422)
        self.assertEqual(action_field_error(main_of(r.text), "attendance"),
                         "число участников: должно быть целым числом от 0 до 100000.")
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/held", {"attendance": ""})
        self.assertStatus(r, 422)
        self.assertEqual(row(mid, "status", "attendance"), ("approved", None))

        r = USERS["organizer"].post(f"/admin/meetings/{mid}/held", {"attendance": "57"})
        self.assertRedirectTo(r, mid)
        self.assertEqual(row(mid, "status", "attendance"), ("held", 57))
        self.assertEqual(audits(mid)[-1][:2], ("held", "organizer"))
        status, page = self.public_status(mid)
        self.assertEqual(status, "Состоялась")
        self.assertEqual(facts(page)["Присутствовали"], "57 человек")
        staff = main_of(USERS["organizer"].get(f"/admin/meetings/{mid}").text)
        self.assertEqual(facts(staff)["Состояние"], "Проведена")
        r = USERS["organizer"].post(f"/admin/meetings/{mid}", meeting_fields())
        self.assertStatus(r, 422)
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/held", {"attendance": "60"})
        self.assertStatus(r, 422)
        self.assertEqual(row(mid, "attendance"), 57)

    def test_a_future_meeting_cannot_be_marked_held(self):
        mid = create_approved(days=6)
        staff = main_of(shown(self, USERS["organizer"].get(f"/admin/meetings/{mid}"),
                              "Утверждена").text)
        self.assertNotIn(f'action="/admin/meetings/{mid}/held"', staff)
        before = snapshot(mid)
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/held", {"attendance": "30"})
        self.assertStatus(r, 422)
        self.assertIn("Отметить проведённой можно только утверждённую встречу, время которой уже "
                      "наступило.", text_of(r.text))
        self.assertEqual(snapshot(mid), before)

    def test_a_draft_cannot_be_marked_held(self):
        d = day(-1)
        mid = create(starts_at=local_input(d, "10:00"), ends_at=local_input(d, "11:00"))
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/held", {"attendance": "5"})
        self.assertStatus(r, 422)
        self.assertEqual(row(mid, "status"), "draft")


# ---- 7. police notice ---------------------------------------------------------------------------
class Police(Case):
    def test_a_large_meeting_needs_a_notice_until_it_is_given(self):
        mid = create_approved(days=8, expected_attendance=str(POLICE_THRESHOLD))
        staff = main_of(USERS["organizer"].get(f"/admin/meetings/{mid}").text)
        self.assertEqual(facts(staff)["Уведомление полиции"], "требуется, ещё не направлено")
        self.assertIn(f'action="/admin/meetings/{mid}/police"', staff)
        self.assertIn("уведомить полицию", row_of(USERS["organizer"].get("/admin/meetings").text,
                                                  mid)["needs"])
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/police", {})
        self.assertRedirectTo(r, mid)
        at = row(mid, "police_notified_at")
        self.assertIsNotNone(at)
        self.assertLess(abs(at - time.time()), 120)
        self.assertEqual(audits(mid)[-1][:2], ("police_notified", "organizer"))
        staff = main_of(shown(self, USERS["organizer"].get(f"/admin/meetings/{mid}")).text)
        self.assertEqual(facts(staff)["Уведомление полиции"], f"направлено {ru_datetime(at)}")
        self.assertNotIn(f'action="/admin/meetings/{mid}/police"', staff)
        self.assertNotIn("уведомить полицию",
                         row_of(shown(self, USERS["organizer"].get("/admin/meetings")).text,
                                mid)["needs"])

    def test_a_small_meeting_needs_no_notice(self):
        for attendance in (str(POLICE_THRESHOLD - 1), ""):
            with self.subTest(expected_attendance=attendance):
                mid = create_approved(days=8, expected_attendance=attendance)
                staff = main_of(shown(self, USERS["organizer"].get(f"/admin/meetings/{mid}"),
                                      "Утверждена").text)
                self.assertNotIn("Уведомление полиции", staff)
                self.assertNotIn("уведомить полицию",
                                 row_of(shown(self, USERS["organizer"].get("/admin/meetings")).text,
                                        mid)["needs"])
                before = snapshot(mid)
                r = USERS["organizer"].post(f"/admin/meetings/{mid}/police", {})
                self.assertStatus(r, 422)
                self.assertIn("Для этой встречи уведомление полиции не требуется.",
                              text_of(r.text))
                self.assertEqual(snapshot(mid), before)

    def test_a_draft_already_shows_that_a_notice_will_be_needed(self):
        mid = create(expected_attendance="500")
        staff = main_of(USERS["organizer"].get(f"/admin/meetings/{mid}").text)
        self.assertEqual(facts(staff)["Уведомление полиции"], "требуется, ещё не направлено")


# ---- 8. roles and form tokens -------------------------------------------------------------------
class RolesAndTokens(Case):
    @classmethod
    def setUpClass(cls):
        cls.draft = create()
        cls.live = create_approved(days=6)
        cls.past = create_approved(days=6, expected_attendance="300")
        STACK.execute("UPDATE meeting SET starts_at = unixepoch() - 7200, "
                      "ends_at = unixepoch() - 600 WHERE id = ?", (cls.past,))

    def posts(self):
        """Every staff POST on meetings, with fields that would succeed for a writer."""
        d = day(12)
        return [
            ("/admin/meetings", meeting_fields()),
            (f"/admin/meetings/{self.draft}", meeting_fields(title="Чужая правка")),
            (f"/admin/meetings/{self.draft}/approve", {}),
            (f"/admin/meetings/{self.live}/cancel", {"cancel_reason": "чужая отмена"}),
            (f"/admin/meetings/{self.live}/postpone", {
                "new_starts_at": local_input(d, "18:00"), "new_ends_at": local_input(d, "19:00"),
                "postpone_reason": "чужой перенос"}),
            (f"/admin/meetings/{self.past}/held", {"attendance": "10"}),
            (f"/admin/meetings/{self.past}/police", {}),
        ]

    def state(self):
        return (STACK.query("SELECT count(*) FROM meeting")[0][0],
                [snapshot(m) for m in (self.draft, self.live, self.past)],
                STACK.query("SELECT count(*) FROM audit_log")[0][0])

    def test_press_and_secretary_read_but_do_not_change(self):
        for role in ("press", "secretary"):
            b = USERS[role]
            with self.subTest(role=role, page="list"):
                r = b.get("/admin/meetings")
                self.assertStatus(r, 200)
                self.assertIsNotNone(row_of(r.text, self.draft))
                self.assertNotIn('href="/admin/meetings/new"', r.text)
            with self.subTest(role=role, page="meeting"):
                r = b.get(f"/admin/meetings/{self.draft}")
                self.assertStatus(r, 200)
                page = main_of(r.text)
                self.assertEqual(facts(page)["Состояние"], "Черновик")
                self.assertNotIn("<form", page, "a reader is offered no form")
                page = main_of(shown(self, b.get(f"/admin/meetings/{self.past}"),
                                     "Утверждена").text)
                self.assertNotIn("<form", page)
            with self.subTest(role=role, page="new"):
                self.assertForbidden(b.get("/admin/meetings/new"), NOT_FOR_ROLE)
            before = self.state()
            for path, fields in self.posts():
                with self.subTest(role=role, post=path):
                    self.assertForbidden(b.post(path, fields), NOT_FOR_ROLE)
            self.assertEqual(self.state(), before)

    def test_executor_sees_nothing_of_meetings_administration(self):
        b = USERS["executor"]
        for path in ("/admin/meetings", f"/admin/meetings/{self.draft}", "/admin/meetings/new",
                     "/admin/meetings?status=draft"):
            with self.subTest(path=path):
                self.assertForbidden(b.get(path), NOT_FOR_ROLE)
        before = self.state()
        for path, fields in self.posts():
            with self.subTest(post=path):
                self.assertForbidden(b.post(path, fields), NOT_FOR_ROLE)
        self.assertEqual(self.state(), before)

    def test_writers_may_open_the_new_form(self):
        for role in ("admin", "organizer", "controller"):
            with self.subTest(role=role):
                self.assertStatus(USERS[role].get("/admin/meetings/new"), 200)

    def test_every_post_without_a_form_token_is_refused(self):
        before = self.state()
        for role in ("organizer", "controller", "admin"):
            for path, fields in self.posts():
                with self.subTest(role=role, post=path, token="none"):
                    self.assertForbidden(USERS[role].post(path, fields, csrf=False), FORM_STALE)
                with self.subTest(role=role, post=path, token="empty"):
                    self.assertForbidden(USERS[role].post(path, [("csrf", "")] + list(
                        fields.items() if isinstance(fields, dict) else fields)), FORM_STALE)
        # another person's token is no token either
        other = USERS["controller"].token
        self.assertNotEqual(other, USERS["organizer"].token)
        for path, fields in self.posts():
            with self.subTest(post=path, token="another session's"):
                self.assertForbidden(USERS["organizer"].post(path, [("csrf", other)] + list(
                    fields.items() if isinstance(fields, dict) else fields)), FORM_STALE)
        self.assertEqual(self.state(), before)

    def test_without_a_session(self):
        anon = Browser(STACK)
        r = anon.get("/admin/meetings")
        self.assertStatus(r, 303)
        self.assertEqual(r.header("Location"), "/admin/login?return=%2Fadmin%2Fmeetings")
        before = self.state()
        for path, fields in self.posts():
            with self.subTest(post=path):
                self.assertForbidden(anon.post(path, [("csrf", USERS["organizer"].token)] + list(
                    fields.items() if isinstance(fields, dict) else fields)),
                    "Сеанс работы закончился.")
        self.assertEqual(self.state(), before)


# ---- 9. escaping ----------------------------------------------------------------------------------
HOSTILE = f"{PAYLOAD_SCRIPT} {PAYLOAD_SQL} {PAYLOAD_CHARS}"


class Escaping(Case):
    def assertShownAsText(self, page, where):
        self.assertNotIn(PAYLOAD_SCRIPT, page, f"{where}: the script tag is live")
        self.assertNotIn(PAYLOAD_CHARS, page, f"{where}: raw markup characters")
        self.assertIn(html.escape(PAYLOAD_SCRIPT, quote=False), page.replace("&#39;", "'")
                      .replace("&#x27;", "'"), where)
        self.assertIn(HOSTILE, html.unescape(page), f"{where}: the text is not shown")

    def test_hostile_text_in_every_field_is_stored_verbatim_and_shown_as_text(self):
        count = STACK.query("SELECT count(*) FROM meeting")[0][0]
        d = day(7)
        mid = create(title=HOSTILE, description=HOSTILE, organising_unit=HOSTILE, theses=HOSTILE,
                     analytical_note=HOSTILE, reference_materials=HOSTILE,
                     starts_at=local_input(d, "18:00"), ends_at=local_input(d, "20:00"))
        self.assertEqual(STACK.query("SELECT count(*) FROM meeting")[0][0], count + 1)
        self.assertEqual(row(mid, "title", "description", "organising_unit", "theses",
                             "analytical_note", "reference_materials"), (HOSTILE,) * 6)
        self.assertEqual(json.loads(audits(mid)[0][3])["title"], HOSTILE)

        staff = USERS["organizer"].get(f"/admin/meetings/{mid}").text
        self.assertShownAsText(staff, "staff meeting page")
        page = main_of(staff)
        self.assertEqual(input_value(page, "title"), HOSTILE)
        self.assertEqual(input_value(page, "organising_unit"), HOSTILE)
        for name in ("description", "theses", "analytical_note", "reference_materials"):
            self.assertEqual(textarea_value(page, name), HOSTILE, name)
        title_tag = re.search(r"<title>(.*?)</title>", staff, re.S).group(1)
        self.assertIn(HOSTILE, html.unescape(title_tag))
        self.assertNotIn("<script>", title_tag)
        self.assertShownAsText(USERS["organizer"].get("/admin/meetings").text, "staff list")

        approve(mid)
        announce(mid)
        public = STACK.get(f"/meetings/{mid}").text
        self.assertShownAsText(public, "public meeting page")
        self.assertIn(f"<h1>{html.escape(HOSTILE)}</h1>".replace("&#x27;", "'"),
                      public.replace("&#39;", "'").replace("&#x27;", "'"))
        listing = STACK.get(f"/meetings?from={d}&to={d}").text
        self.assertShownAsText(listing, "public schedule")

        # reasons: postpone, an exception, cancel
        d2 = day(9)
        r = USERS["controller"].post(f"/admin/meetings/{mid}/postpone", {
            "new_starts_at": local_input(d2, "18:00"), "new_ends_at": local_input(d2, "20:00"),
            "postpone_reason": HOSTILE})
        self.assertRedirectTo(r, mid)
        self.assertEqual(row(mid, "status_reason"), HOSTILE)
        self.assertShownAsText(STACK.get(f"/meetings/{mid}").text, "public page, postponed")
        self.assertShownAsText(USERS["organizer"].get(f"/admin/meetings/{mid}").text,
                               "staff page, postponed")
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/cancel", {"cancel_reason": HOSTILE})
        self.assertRedirectTo(r, mid)
        self.assertEqual(row(mid, "status", "status_reason"), ("cancelled", HOSTILE))
        public = STACK.get(f"/meetings/{mid}").text
        self.assertShownAsText(public, "public page, cancelled")
        self.assertIn(HOSTILE, text_of(re.search(r'<p class="reason[^"]*">(.*?)</p>', public,
                                                 re.S).group(1)))
        staff = USERS["organizer"].get(f"/admin/meetings/{mid}").text
        self.assertShownAsText(staff, "staff page, cancelled")
        self.assertEqual(facts(main_of(staff))["Состояние"], f"Отменена: {HOSTILE}")
        self.assertEqual([c[5] for c in changes(mid)], [HOSTILE, HOSTILE])
        self.assertEqual(STACK.query("SELECT count(*) FROM meeting")[0][0], count + 1)

    def test_hostile_exception_reason(self):
        mid = create(starts_at=local_input(day(2), "18:00"), ends_at=local_input(day(2), "20:00"))
        approve(mid, role="controller", exception_reason=HOSTILE)
        self.assertEqual(row(mid, "exception_reason"), HOSTILE)
        staff = USERS["organizer"].get(f"/admin/meetings/{mid}").text
        self.assertShownAsText(staff, "staff page, exception")
        self.assertEqual(facts(main_of(staff))["Исключение из правила 5 дней"], HOSTILE)

    def test_hostile_values_in_a_refused_form_are_shown_back_as_text(self):
        fields = meeting_fields(title=HOSTILE, description=HOSTILE, starts_at=HOSTILE,
                                expected_attendance=HOSTILE)
        r = USERS["organizer"].post("/admin/meetings", fields)
        self.assertStatus(r, 422)
        self.assertShownAsText(r.text, "refused form")
        page = main_of(r.text)
        for name in ("title", "starts_at", "expected_attendance"):
            self.assertEqual(input_value(page, name), HOSTILE, name)
        self.assertEqual(textarea_value(page, "description"), HOSTILE)

    def test_sql_in_filters_is_a_bad_request(self):
        for query in ("kind=" + urllib.parse.quote(PAYLOAD_SQL),
                      "status=" + urllib.parse.quote("draft' OR 1=1 --"),
                      "territory=" + urllib.parse.quote("3 OR 1=1"),
                      "from=" + urllib.parse.quote("2026-01-01' --")):
            with self.subTest(query=query):
                r = USERS["organizer"].get("/admin/meetings?" + query)
                self.assertStatus(r, 400)
                self.assertIn("<h1>Ошибка в запросе</h1>", r.text)
                self.assertNotIn("<tbody>", r.text)


# ---- 10. filters on the staff list ------------------------------------------------------------------
class Filters(Case):
    @classmethod
    def setUpClass(cls):
        cls.d = day(40)
        cls.early = create(kind="forum", territory="7", venue="7",
                           starts_at=local_input(cls.d, "00:00"), ends_at=local_input(cls.d, "01:00"))
        cls.late = create(kind="forum", territory="5", venue="4",
                          starts_at=local_input(cls.d, "23:59"),
                          ends_at=local_input(cls.d + timedelta(days=1), "01:00"))
        approve(cls.late)

    def rows(self, query):
        r = USERS["organizer"].get("/admin/meetings?" + query)
        self.assertStatus(r, 200)
        return r, list_rows(r.text)

    def test_unfiltered_list_has_every_meeting_newest_first(self):
        r, rows = self.rows("")
        self.assertEqual(sorted(x["id"] for x in rows),
                         sorted(i for (i,) in STACK.query("SELECT id FROM meeting")))
        starts = dict(STACK.query("SELECT id, starts_at FROM meeting"))
        order = [starts[x["id"]] for x in rows]
        self.assertEqual(order, sorted(order, reverse=True), "newest first")
        self.assertIn('href="/admin/meetings/new"', r.text)

    def test_by_status(self):
        labels = {"draft": "Черновик", "approved": "Утверждена", "postponed": "Перенесена",
                  "cancelled": "Отменена", "held": "Проведена"}
        for code, label in labels.items():
            with self.subTest(status=code):
                r, rows = self.rows(f"status={code}")
                expected = STACK.query("SELECT count(*) FROM meeting WHERE status = ?", (code,))[0][0]
                self.assertEqual(len(rows), expected)
                self.assertTrue(all(x["status"] == label for x in rows), rows)
                self.assertIn(f'<option value="{code}" selected>', r.text)

    def test_by_kind(self):
        _, rows = self.rows("kind=forum")
        ids = {x["id"] for x in rows}
        self.assertEqual(ids, {i for (i,) in STACK.query("SELECT id FROM meeting WHERE kind = "
                                                         "'forum'")})
        self.assertTrue({self.early, self.late} <= ids)
        self.assertTrue(all(x["kind"] == "Форум" for x in rows))

    def test_by_territory_includes_the_territories_within(self):
        _, rows = self.rows("territory=7")
        self.assertIn(self.early, {x["id"] for x in rows})
        self.assertNotIn(self.late, {x["id"] for x in rows})
        self.assertTrue(all(x["territory"] == "деревня Кедровая" for x in rows))
        _, rows = self.rows("territory=6")  # сельское поселение Берёзовка with деревня Кедровая
        self.assertIn(self.early, {x["id"] for x in rows})
        self.assertTrue(all(x["territory"] in ("сельское поселение Берёзовка", "деревня Кедровая")
                            for x in rows))
        _, rows = self.rows("territory=2")  # городское поселение Зеленоборск and microdistricts
        self.assertIn(self.late, {x["id"] for x in rows})
        self.assertNotIn(self.early, {x["id"] for x in rows})

    def test_by_period_in_local_days(self):
        d = self.d
        _, rows = self.rows(f"from={d}&to={d}")
        self.assertEqual({x["id"] for x in rows}, {self.early, self.late})
        _, rows = self.rows(f"from={d + timedelta(days=1)}")
        self.assertNotIn(self.early, {x["id"] for x in rows})
        self.assertNotIn(self.late, {x["id"] for x in rows})
        _, rows = self.rows(f"to={d - timedelta(days=1)}")
        self.assertNotIn(self.early, {x["id"] for x in rows})
        _, rows = self.rows(f"from={d}")
        self.assertTrue({self.early, self.late} <= {x["id"] for x in rows})
        self.assertTrue(all(x["iso"] >= d.isoformat() for x in rows))

    def test_filters_combine_and_are_kept_in_the_form(self):
        d = self.d
        r, rows = self.rows(f"status=approved&kind=forum&territory=5&from={d}&to={d}")
        self.assertEqual([x["id"] for x in rows], [self.late])
        self.assertIn('<option value="approved" selected>', r.text)
        self.assertIn('<option value="forum" selected>', r.text)
        self.assertIn('<option value="5" selected>', r.text)
        self.assertIn(f'name="from" value="{d}"', r.text)
        r, rows = self.rows(f"status=draft&kind=forum&from={d}&to={d}")
        self.assertEqual([x["id"] for x in rows], [self.early])
        r, rows = self.rows("status=held&kind=forum&territory=7&from=" + str(d))
        self.assertEqual(rows, [])
        self.assertIn("Встреч не найдено.", r.text)

    def test_malformed_values_are_a_bad_request(self):
        for query in ("status=Черновик", "status=DRAFT", "kind=Форум", "territory=abc",
                      "territory=0", "territory=-3", "from=2026-13-01", "from=11.03.2026",
                      "to=2026-02-30", "to=tomorrow", "status=draft&status=held"):
            with self.subTest(query=query):
                r = USERS["organizer"].get("/admin/meetings?" + urllib.parse.quote(query, safe="=&"))
                self.assertStatus(r, 400)

    def test_unknown_values_are_a_bad_request_like_on_the_public_schedule(self):
        # /meetings answers 400 for a kind or territory that does not exist and for from after
        # to; the staff list's contract says "400 for a malformed filter".
        self.assertEqual(STACK.get("/meetings?kind=picnic").status, 400)
        for query in ("status=bogus", "kind=picnic", "territory=999",
                      f"from={self.d}&to={self.d - timedelta(days=1)}"):
            with self.subTest(query=query):
                r = USERS["organizer"].get("/admin/meetings?" + query)
                self.assertStatus(r, 400)


# ---- a database error is not an empty list (issue 15, item 6) ------------------------------
class StepError(Case):
    def test_a_failing_change_list_is_an_error_page_not_a_page_without_changes(self):
        mid = create()
        reason = "Зал занят выборами — " + unique("перенос")
        STACK.execute("INSERT INTO meeting_change (meeting_id, at, kind, reason) "
                      "VALUES (?, ?, 'place_changed', ?)", (mid, int(time.time()), reason))
        r = shown(self, USERS["organizer"].get(f"/admin/meetings/{mid}"),
                  "<h2>Изменения после утверждения</h2>")
        self.assertIn(reason, html.unescape(r.text))
        # The list's statement now fails when stepped (the worker re-prepares it against a
        # schema without its table): the page must say so, not show a meeting without changes.
        STACK.execute("ALTER TABLE meeting_change RENAME TO meeting_change_away")
        try:
            r = USERS["organizer"].get(f"/admin/meetings/{mid}")
            self.assertStatus(r, 500)
            self.assertIn("Внутренняя ошибка сайта", r.text)
            self.assertNotIn(reason, html.unescape(r.text))
        finally:
            STACK.execute("ALTER TABLE meeting_change_away RENAME TO meeting_change")
        r = shown(self, USERS["organizer"].get(f"/admin/meetings/{mid}"),
                  "<h2>Изменения после утверждения</h2>")
        self.assertIn(reason, html.unescape(r.text))


if __name__ == "__main__":
    unittest.main()
