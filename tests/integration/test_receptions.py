"""Booking a personal reception online (issue 17), through HTTP on the real stack: a reception
schedule generates draft reception meetings (kind personal_reception) that keep the 5-day rule;
once approved, a resident signed in books a slot, gets the confirmation page, an .ics and a mail
(through the notifier to a real SMTP server) with a link that cancels; one active booking per
resident and official; twenty residents racing for the last slot give exactly one booking and
nineteen clear pages offering the waiting list; staff see the day's queue, mark «пришёл» /
«не пришёл», book on a caller's behalf, cancel with a reason the resident is told by mail, and the
freed slot is offered by mail to the first on the waiting list. The public page never shows names.

Residents other than the first are signed in by writing their session straight into the
database (the sign-in itself is test_residents.py's subject), so twenty of them race at once."""

import hashlib
import html
import json
import os
import re
import secrets
import subprocess
import threading
import time
import unittest
import urllib.parse
from datetime import date, timedelta

import helpers
from helpers import epoch, ru_datetime
from receivers import SmtpServer
from stack import Stack
from staff import Browser, csrf_of, read_passwords, signed_in

STACK = SMTP = None
USERS = {}
PERSON_HEAD, PERSON_DEPUTY = 1, 2          # sql/demo/zelenoborsk.sql
HEAD_NAME = "Соколова Анна Викторовна"
VENUE_HALL = 2
HALL_PLACE = "Администрация городского поселения, зал заседаний, ул. Ленина, 1"
TAKEN = "Это время уже заняли"
WAITING_BUTTON = "Встать в лист ожидания"


# Schedules give no reception on a public holiday or a transferred day off: the offsets the tests
# schedule on (10 to 34 days ahead) move past any such day in days 10 to 25 (setUpModule).
SHIFT = [0]


def day(offset):
    """helpers.day, with the schedules' offsets (10 to 34) moved by SHIFT."""
    return helpers.day(offset + SHIFT[0] if 10 <= offset < 35 else offset)


def setUpModule():
    global STACK, SMTP
    SMTP = SmtpServer().start()
    STACK = Stack(settings={("mail", "smtp_url"): SMTP.url,
                            ("mail", "from"): "noreply@zelenoborsk.example",
                            ("residents", "notify_program"): "",
                            ("receptions", "december_officials"): f"{PERSON_HEAD}, {PERSON_DEPUTY}",
                            ("receptions", "december_venue"): str(VENUE_HALL),
                            ("server", "workers"): "4"}).start()
    USERS.update(signed_in(STACK, read_passwords(STACK), with_token=True))
    while any(no_reception_day(day(k)) for k in range(10, 26)):
        SHIFT[0] += 1


def tearDownModule():
    STACK.close()
    SMTP.stop()


# ---- helpers ------------------------------------------------------------------------------------
def notify():
    """Run build/portal-notify once, as cron would."""
    p = subprocess.run([os.path.join(STACK.bin, "portal-notify"), "-c", STACK.conf],
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr


def mails_to(address):
    return [m for m in SMTP.messages if m.to == address]


def wait_mail(address, subject_part, count=1):
    """Deliver the outbox and wait for COUNT mails to ADDRESS whose subject has SUBJECT_PART."""
    notify()
    ok = helpers.wait_for(lambda: len([m for m in mails_to(address)
                                       if subject_part in m.subject]) >= count, 20)
    assert ok, [(m.to, m.subject) for m in SMTP.messages]
    return [m for m in mails_to(address) if subject_part in m.subject][-1]


_residents = [0]


def resident(surname="Жителев"):
    """A Browser signed in as a new resident (session written into the database), its address."""
    _residents[0] += 1
    n = _residents[0]
    address = f"resident{n}-{os.getpid()}@residents.example"
    now = int(time.time())
    conn = STACK.db()
    try:
        cur = conn.execute("INSERT INTO resident (method, subject, surname, name, patronymic, "
                           "email, created_at, last_login_at) VALUES ('email', ?, ?, 'Иван', "
                           "'Петрович', ?, ?, ?)", (address, f"{surname}{n}", address, now, now))
        rid = cur.lastrowid
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        conn.execute("INSERT INTO resident_session (token_hash, resident_id, csrf_token, "
                     "created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
                     (hashlib.blake2b(token.encode(), digest_size=32).digest(), rid, csrf, now,
                      now))
        conn.commit()
    finally:
        conn.close()
    b = Browser(STACK)
    b.jar["portal_resident"] = {"value": token, "path": "/", "attrs": {}}
    b.token = csrf
    b.resident_id = rid
    b.surname = f"{surname}{n}"
    return b, address


def schedule(start="10:00", end="11:00", slot=15, weekday_offset=10, weeks=2, host=PERSON_HEAD,
             topics="Благоустройство, ЖКХ"):
    """Create a schedule as the organizer over WEEKS weeks from day(weekday_offset); the ids of
    the reception meetings it generated, in order."""
    first = day(weekday_offset)
    before = {r[0] for r in STACK.query("SELECT meeting_id FROM reception")}
    r = USERS["organizer"].post("/admin/receptions", {
        "title": "Личный приём граждан", "host": str(host), "venue": str(VENUE_HALL),
        "weekday": str(first.isoweekday()), "period_from": first.isoformat(),
        "period_to": day(weekday_offset + 7 * weeks - 1).isoformat(), "start_time": start,
        "end_time": end, "slot_minutes": str(slot), "topics": topics})
    assert r.status == 303 and r.header("Location") == "/admin/receptions", (r.status, r.text[-2000:])
    rows = STACK.query("SELECT r.meeting_id FROM reception r JOIN meeting m ON m.id = "
                       "r.meeting_id ORDER BY m.starts_at")
    return [x[0] for x in rows if x[0] not in before]


def approve(meeting):
    r = USERS["organizer"].post(f"/admin/meetings/{meeting}/approve", {})
    assert r.status == 303, (r.status, r.text[-1500:])


def slots_on(page):
    """The slot values offered by the booking form."""
    return [int(x) for x in re.findall(r'name="slot" value="(\d+)"', page)]


def book(b, meeting, slot, question="Протекает крыша дома № 5 по ул. Мира", contact="+7 900 000-00-00"):
    return b.post(f"/receptions/{meeting}/book", {"slot": str(slot), "question": question,
                                                  "contact": contact})


LAW_HOLIDAYS = {(1, d) for d in range(1, 9)} | {(2, 23), (3, 8), (5, 1), (5, 9), (6, 12), (11, 4)}


def no_reception_day(d):
    """True when D is a non-working holiday or a transferred day off (art. 112 of the Labour
    Code and the production calendar in the database): a schedule gives no reception on it."""
    if (d.month, d.day) in LAW_HOLIDAYS:
        return True
    return bool(STACK.query("SELECT 1 FROM calendar_day WHERE day = ? AND kind IN "
                            "('holiday', 'day_off')", (d.isoformat(),)))


def working(d):
    """True when D is a working day by the production calendar."""
    if no_reception_day(d):
        return False
    made = STACK.query("SELECT kind FROM calendar_day WHERE day = ?", (d.isoformat(),))
    return d.isoweekday() <= 5 or bool(made and made[0][0] == "working")


def schedule_form(first, last, weekday, **fields):
    form = {"title": "Личный приём граждан", "host": str(PERSON_HEAD), "venue": str(VENUE_HALL),
            "weekday": str(weekday), "period_from": first.isoformat(),
            "period_to": last.isoformat(), "start_time": "10:00", "end_time": "11:00",
            "slot_minutes": "15", "topics": ""}
    form.update(fields)
    return form


def new_schedule(form):
    """Post FORM as a new schedule: (schedule id, the local dates of its receptions)."""
    r = USERS["organizer"].post("/admin/receptions", form)
    assert r.status == 303, (r.status, r.text[-2000:])
    sid = STACK.query("SELECT max(id) FROM reception_schedule")[0][0]
    return sid, schedule_days(sid)


def schedule_days(sid, status_not="cancelled"):
    rows = STACK.query("SELECT m.starts_at FROM reception r JOIN meeting m ON m.id = r.meeting_id "
                       "WHERE r.schedule_id = ? AND m.status <> ? ORDER BY m.starts_at",
                       (sid, status_not))
    return [helpers.local(x[0]).date() for x in rows]


class ReceptionsTest(unittest.TestCase):
    # ---- 1. schedules --------------------------------------------------------------------------
    def test_a_schedule_generates_draft_receptions_under_the_5_day_rule(self):
        meetings = schedule()
        self.assertEqual(len(meetings), 2)
        rows = STACK.query("SELECT m.kind, m.status, m.host_id, m.venue_id, m.starts_at, "
                           "m.ends_at, r.slot_minutes, r.topics FROM meeting m JOIN reception r "
                           "ON r.meeting_id = m.id WHERE m.id IN (?, ?) ORDER BY m.starts_at",
                           tuple(meetings))
        self.assertEqual([r[:4] for r in rows], [("personal_reception", "draft", PERSON_HEAD,
                                                  VENUE_HALL)] * 2)
        self.assertEqual(rows[0][4], epoch(day(10), "10:00"))
        self.assertEqual(rows[1][4], epoch(day(17), "10:00"))
        self.assertEqual(rows[0][5], epoch(day(10), "11:00"))
        self.assertEqual(rows[0][6:], (15, "Благоустройство, ЖКХ"))
        audit = STACK.query("SELECT action FROM audit_log WHERE entity = 'reception_schedule'")
        self.assertIn(("create",), audit)
        page = USERS["organizer"].get("/admin/receptions")
        self.assertEqual(page.status, 200)
        self.assertIn(HEAD_NAME, page.text)
        self.assertIn("вторник" if day(10).isoweekday() == 2 else "", page.text)
        self.assertIn("по 15 минут", page.text)
        # A draft is not public; approved, it is, with 4 free places.
        self.assertEqual(STACK.get(f"/receptions/{meetings[0]}").status, 404)
        approve(meetings[0])
        r = STACK.get(f"/receptions/{meetings[0]}")
        self.assertEqual(r.status, 200)
        self.assertIn("Свободно", r.text)
        self.assertIn("4 места из 4", r.text)
        self.assertIn(HALL_PLACE, html.unescape(r.text))
        self.assertIn(HEAD_NAME, r.text)
        self.assertIn("войдите в личный кабинет", r.text)
        self.assertIn(f"/account/login?return=%2Freceptions%2F{meetings[0]}", r.text)

    def test_the_5_day_rule_still_holds_for_a_generated_reception(self):
        soon = next((k for k in (2, 3, 4) if not no_reception_day(day(k))), None)
        meetings = schedule(weekday_offset=soon or 24, weeks=1)
        if soon is None:  # 2 to 4 days ahead are all holidays: the draft is moved there
            shift = epoch(day(24), "10:00") - epoch(day(2), "10:00")
            STACK.execute("UPDATE meeting SET starts_at = starts_at - ?, ends_at = ends_at - ? "
                          "WHERE id = ?", (shift, shift, meetings[0]))
        r = USERS["organizer"].post(f"/admin/meetings/{meetings[0]}/approve", {})
        self.assertEqual(r.status, 422, r.text[-500:])
        self.assertEqual(STACK.query("SELECT status FROM meeting WHERE id = ?", (meetings[0],)),
                         [("draft",)])

    def test_a_schedule_with_bad_input_is_refused_beside_the_fields(self):
        r = USERS["organizer"].post("/admin/receptions", {
            "host": str(PERSON_HEAD), "venue": "9999", "weekday": "2",
            "period_from": day(10).isoformat(), "period_to": day(12).isoformat(),
            "start_time": "12:00", "end_time": "11:00", "slot_minutes": "15",
            "topics": "<script>alert(1)</script>"})
        self.assertEqual(r.status, 422)
        self.assertIn("окончание должно быть позже начала", r.text)
        self.assertIn("выберите место из списка", r.text)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", r.text)
        self.assertNotIn("<script>alert(1)", r.text)
        # What is not a time is not put back into a time input; the error says why.
        r = USERS["organizer"].post("/admin/receptions", {
            "host": str(PERSON_HEAD), "venue": str(VENUE_HALL), "weekday": "2",
            "period_from": day(10).isoformat(), "period_to": day(12).isoformat(),
            "start_time": "x", "end_time": "11:00", "slot_minutes": "15"})
        self.assertEqual(r.status, 422)
        self.assertIn("время начала", r.text)
        self.assertIn('name="start_time" type="time" value=""', r.text)

    def test_only_meeting_writers_create_schedules_and_every_post_needs_the_token(self):
        r = USERS["press"].post("/admin/receptions", {"host": "1"})
        self.assertEqual(r.status, 403)
        self.assertEqual(USERS["press"].get("/admin/receptions").status, 200)
        r = USERS["organizer"].post("/admin/receptions", {"host": "1", "csrf": "wrong"})
        self.assertEqual(r.status, 403)
        self.assertIn("Форма устарела", r.text)

    def test_the_12_december_preset_creates_a_reception_for_each_named_official(self):
        page = USERS["organizer"].get("/admin/receptions")
        self.assertIn("общероссийского дня приёма граждан", page.text)
        r = USERS["organizer"].post("/admin/receptions/december", {})
        self.assertEqual(r.status, 303, r.text[-800:])
        rows = STACK.query("SELECT m.host_id, m.starts_at, m.ends_at, m.status FROM meeting m "
                           "JOIN reception r ON r.meeting_id = m.id WHERE m.title = "
                           "'Общероссийский день приёма граждан' ORDER BY m.host_id")
        self.assertEqual([r[0] for r in rows], [PERSON_HEAD, PERSON_DEPUTY])
        t = helpers.today()
        year = t.year if (date(t.year, 12, 12) - t).days >= 5 else t.year + 1
        self.assertEqual(rows[0][1], epoch(date(year, 12, 12), "12:00"))
        self.assertEqual(rows[0][2], epoch(date(year, 12, 12), "20:00"))
        self.assertEqual(rows[0][3], "draft")

    # ---- 2. booking ----------------------------------------------------------------------------
    def test_a_resident_books_gets_the_page_the_ics_and_the_mail_and_cancels_from_the_mail(self):
        meeting = schedule(start="14:00", end="15:00", slot=20, weeks=1, host=PERSON_DEPUTY)[0]
        approve(meeting)
        b, address = resident()
        page = b.get(f"/receptions/{meeting}")
        self.assertEqual(page.status, 200)
        self.assertEqual(slots_on(page.text), [epoch(day(10), hm) for hm in
                                                ("14:00", "14:20", "14:40")])
        # Nothing chosen, nothing asked: errors beside the fields, the contact kept.
        r = b.post(f"/receptions/{meeting}/book", {"contact": "8 900 1"})
        self.assertEqual(r.status, 422)
        self.assertIn("выберите время", r.text)
        self.assertIn("напишите коротко", r.text)
        self.assertIn('value="8 900 1"', r.text)
        slot = epoch(day(10), "14:20")
        r = book(b, meeting, slot)
        self.assertEqual(r.status, 303, r.text[-1500:])
        location = r.header("Location")
        booking = int(location.rsplit("/", 1)[1])
        page = b.get(location)
        self.assertEqual(page.status, 200)
        self.assertIn(ru_datetime(slot), page.text)
        self.assertIn(HALL_PLACE, html.unescape(page.text))
        self.assertIn("вы записаны", page.text)
        ics = b.get(f"/account/bookings/{booking}.ics")
        self.assertEqual(ics.status, 200)
        self.assertTrue(ics.header("Content-Type").startswith("text/calendar"))
        start = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(slot))
        self.assertIn(f"DTSTART:{start}", ics.text)
        self.assertIn("BEGIN:VEVENT", ics.text)
        # Another resident sees neither the booking nor its calendar.
        other, _ = resident()
        self.assertEqual(other.get(f"/account/bookings/{booking}").status, 404)
        self.assertEqual(other.get(f"/account/bookings/{booking}.ics").status, 404)
        # The public page: one place fewer and no name.
        public = STACK.get(f"/receptions/{meeting}")
        self.assertEqual(public.status, 200)
        self.assertIn("2 места из 3", public.text)
        self.assertNotIn(b.surname, public.text)
        self.assertNotIn("Протекает крыша", public.text)
        # One active booking per resident and official.
        r = book(b, meeting, epoch(day(10), "14:40"))
        self.assertEqual(r.status, 422)
        self.assertIn("Вы уже записаны к этому должностному лицу", r.text)
        # The mail: time, place, and the link that cancels.
        mail = wait_mail(address, "Запись на личный приём")
        self.assertIn(ru_datetime(slot), mail.subject)
        self.assertIn(HALL_PLACE, mail.text)
        link = re.search(r"(/receptions/cancel\?token=[A-Za-z0-9_-]+)", mail.text).group(1)
        anyone = Browser(STACK)
        r = anyone.get(link)
        self.assertEqual(r.status, 200)
        self.assertIn("Отменить запись", r.text)
        self.assertEqual(STACK.query("SELECT status FROM reception_booking WHERE id = ?",
                                     (booking,)), [("active",)])  # a GET changes nothing
        token = urllib.parse.parse_qs(urllib.parse.urlparse(link).query)["token"][0]
        r = anyone.post("/receptions/cancel", {"token": token})
        self.assertEqual(r.status, 200)
        self.assertIn("отменена", r.text)
        self.assertEqual(STACK.query("SELECT status, cancelled_by FROM reception_booking "
                                     "WHERE id = ?", (booking,)), [("cancelled", "resident")])
        self.assertIn("3 места из 3", STACK.get(f"/receptions/{meeting}").text)
        # Now the resident may book again.
        self.assertEqual(book(b, meeting, slot).status, 303)

    def test_a_cancelled_reception_and_a_past_slot_are_refused(self):
        meeting = schedule(start="09:00", end="09:30", slot=15, weeks=1, host=PERSON_DEPUTY,
                           weekday_offset=11)[0]
        approve(meeting)
        b, _ = resident()
        r = book(b, meeting, epoch(day(11), "09:05"))
        self.assertEqual(r.status, 422)
        self.assertIn("такого времени у этого приёма нет", r.text)
        r = USERS["organizer"].post(f"/admin/meetings/{meeting}/cancel",
                                    {"cancel_reason": "Болезнь"})
        self.assertEqual(r.status, 303, r.text[-800:])
        r = book(b, meeting, epoch(day(11), "09:00"))
        self.assertEqual(r.status, 422)
        self.assertIn("Этот приём отменён", r.text)
        self.assertEqual(STACK.query("SELECT count(*) FROM reception_booking WHERE "
                                     "meeting_id = ?", (meeting,)), [(0,)])

    def test_not_signed_in_is_sent_to_sign_in_and_a_post_is_refused(self):
        meeting = schedule(weeks=1, weekday_offset=12, host=PERSON_DEPUTY)[0]
        approve(meeting)
        r = Browser(STACK).get("/account/bookings")
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"), "/account/login?return=%2Faccount%2Fbookings")
        r = Browser(STACK).post(f"/receptions/{meeting}/book", {"slot": "1", "question": "x",
                                                               "contact": "y"})
        self.assertEqual(r.status, 403)
        b, _ = resident()
        r = b.post(f"/receptions/{meeting}/book", {"slot": str(epoch(day(12), "10:00")),
                                                   "question": "x", "contact": "y",
                                                   "csrf": "forged"})
        self.assertEqual(r.status, 403)
        self.assertEqual(STACK.query("SELECT count(*) FROM reception_booking WHERE "
                                     "meeting_id = ?", (meeting,)), [(0,)])

    # ---- the race ----------------------------------------------------------------------------
    def test_twenty_residents_racing_for_the_last_slot_give_exactly_one_booking(self):
        meeting = schedule(start="16:00", end="16:15", slot=15, weeks=1, weekday_offset=13,
                           host=PERSON_DEPUTY)[0]
        approve(meeting)
        slot = epoch(day(13), "16:00")
        racers = [resident()[0] for _ in range(20)]
        for b in racers:  # each has the form open
            self.assertEqual(slots_on(b.get(f"/receptions/{meeting}").text), [slot])
        barrier = threading.Barrier(len(racers))
        answers = [None] * len(racers)

        def race(i):
            barrier.wait()
            answers[i] = book(racers[i], meeting, slot)
        threads = [threading.Thread(target=race, args=(i,)) for i in range(len(racers))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        statuses = sorted(a.status for a in answers)
        self.assertEqual(statuses, [303] + [409] * 19, statuses)
        for a in answers:
            if a.status == 409:
                self.assertIn(TAKEN, a.text)
                self.assertIn(WAITING_BUTTON, a.text)
        self.assertEqual(STACK.query("SELECT count(*) FROM reception_booking WHERE "
                                     "meeting_id = ? AND status <> 'cancelled'", (meeting,)),
                         [(1,)])

    # ---- 3 and 4. staff, cancellation by staff, the waiting list -----------------------------
    def test_queue_marks_booking_by_phone_staff_cancel_and_the_waiting_list_offer(self):
        meeting = schedule(start="11:00", end="11:30", slot=15, weeks=1, weekday_offset=14,
                           host=PERSON_DEPUTY)[0]
        approve(meeting)
        first, second = epoch(day(14), "11:00"), epoch(day(14), "11:15")
        b, address = resident()
        self.assertEqual(book(b, meeting, first, question="Ремонт дороги").status, 303)
        org = USERS["organizer"]
        # On a caller's behalf: no account, name and phone typed by staff.
        r = org.post(f"/admin/receptions/{meeting}/book", {
            "slot": str(second), "full_name": "Сидорова Мария Ивановна",
            "phone": "+7 900 111-22-33", "question": "Вывоз мусора"})
        self.assertEqual(r.status, 303, r.text[-1500:])
        self.assertEqual(STACK.query("SELECT visitor_name, phone, booked_by IS NOT NULL, "
                                     "resident_id FROM reception_booking WHERE meeting_id = ? "
                                     "AND slot_at = ?", (meeting, second)),
                         [("Сидорова Мария Ивановна", "+7 900 111-22-33", 1, None)])
        # Full now: a third resident is offered the waiting list and joins it.
        waiter, waiter_address = resident()
        page = waiter.get(f"/receptions/{meeting}")
        self.assertIn("0 мест из 2", page.text)
        self.assertIn(WAITING_BUTTON, page.text)
        r = waiter.post(f"/receptions/{meeting}/wait", {})
        self.assertEqual(r.status, 303)
        self.assertIn("Вы в листе ожидания", waiter.get(r.header("Location")).text)
        # The queue: both visitors with their questions, printable.
        queue = org.get(f"/admin/receptions/{meeting}")
        self.assertEqual(queue.status, 200)
        self.assertIn(b.surname, queue.text)
        self.assertIn("Сидорова Мария Ивановна", queue.text)
        self.assertIn("Ремонт дороги", queue.text)
        self.assertIn("по телефону", queue.text)
        bid = STACK.query("SELECT id FROM reception_booking WHERE meeting_id = ? AND "
                          "slot_at = ?", (meeting, first))[0][0]
        phone_id = STACK.query("SELECT id FROM reception_booking WHERE meeting_id = ? AND "
                               "slot_at = ?", (meeting, second))[0][0]
        # Marks.
        self.assertEqual(org.post(f"/admin/bookings/{phone_id}/visit", {"visit": "absent"}).status,
                         303)
        self.assertIn("не пришёл", org.get(f"/admin/receptions/{meeting}").text)
        self.assertEqual(STACK.query("SELECT status FROM reception_booking WHERE id = ?",
                                     (phone_id,)), [("absent",)])
        self.assertEqual(org.post(f"/admin/bookings/{phone_id}/visit", {"visit": "maybe"}).status,
                         400)
        # Staff cancel: a reason is required, the resident is told it, the waiter is offered.
        r = org.post(f"/admin/bookings/{bid}/cancel", {"cancel_reason": ""})
        self.assertEqual(r.status, 422)
        self.assertIn("напишите причину", r.text)
        r = org.post(f"/admin/bookings/{bid}/cancel",
                     {"cancel_reason": "Должностное лицо в командировке в этот час"})
        self.assertEqual(r.status, 303, r.text[-800:])
        self.assertEqual(STACK.query("SELECT status, cancelled_by FROM reception_booking "
                                     "WHERE id = ?", (bid,)), [("cancelled", "staff")])
        self.assertIn(("cancel",), STACK.query("SELECT action FROM audit_log WHERE entity = "
                                               "'reception_booking' AND entity_id = ?", (bid,)))
        told = wait_mail(address, "Запись на личный приём отменена")
        self.assertIn("Должностное лицо в командировке в этот час", told.text)
        offer = wait_mail(waiter_address, "Освободилось время")
        self.assertIn(ru_datetime(first), offer.subject)
        self.assertIn(f"/receptions/{meeting}", offer.text)
        # The slot is held for the waiter: another resident does not see it, the waiter books it.
        stranger, _ = resident()
        self.assertEqual(slots_on(stranger.get(f"/receptions/{meeting}").text), [])
        self.assertEqual(book(stranger, meeting, first).status, 409)
        self.assertEqual(slots_on(waiter.get(f"/receptions/{meeting}").text), [first])
        self.assertEqual(book(waiter, meeting, first).status, 303)
        self.assertEqual(STACK.query("SELECT status FROM reception_waiting WHERE resident_id = ?",
                                     (waiter.resident_id,)), [("booked",)])

    def test_staff_actions_on_an_unknown_target_answer_404_and_change_nothing(self):
        meeting = schedule(start="12:00", end="12:30", slot=15, weeks=1, weekday_offset=15,
                           host=PERSON_DEPUTY)[0]
        approve(meeting)
        b, _ = resident()
        self.assertEqual(book(b, meeting, epoch(day(15), "12:00"), question="Освещение").status,
                         303)
        org = USERS["organizer"]
        audited = STACK.query("SELECT count(*) FROM audit_log")
        for path, form in (("/admin/bookings/999999/visit", {"visit": "came"}),
                           ("/admin/bookings/999999/cancel", {"cancel_reason": "Болезнь"}),
                           ("/admin/receptions/999999/book",
                            {"slot": str(epoch(day(15), "12:15")), "full_name": "Петров Пётр",
                             "phone": "+7 900 000-00-00", "question": "Дороги"}),
                           ("/admin/receptions/schedules/999999", {"topics": "Дороги"})):
            self.assertEqual(org.post(path, form).status, 404, path)
        self.assertEqual(STACK.query("SELECT count(*) FROM audit_log"), audited)
        # A refused mark leaves the booking as it was: the queue still shows it, unmarked.
        bid = STACK.query("SELECT id FROM reception_booking WHERE meeting_id = ?", (meeting,))[0][0]
        self.assertEqual(org.post(f"/admin/bookings/{bid}/visit", {"visit": "maybe"}).status, 400)
        queue = org.get(f"/admin/receptions/{meeting}")
        self.assertEqual(queue.status, 200)
        self.assertIn("Освещение", queue.text)
        self.assertIn("записан", queue.text)
        self.assertNotIn("не пришёл", queue.text)

    def test_the_resident_cancels_from_the_account(self):
        meeting = schedule(start="12:00", end="12:30", slot=15, weeks=1, weekday_offset=15,
                           host=PERSON_HEAD)[0]
        approve(meeting)
        b, _ = resident()
        r = book(b, meeting, epoch(day(15), "12:00"))
        self.assertEqual(r.status, 303)
        listing = b.get("/account/bookings")
        self.assertEqual(listing.status, 200)
        self.assertIn(ru_datetime(epoch(day(15), "12:00")), listing.text)
        r = b.post(r.header("Location") + "/cancel", {})
        self.assertEqual(r.status, 303)
        page = b.get(r.header("Location"))
        self.assertIn("отменена", page.text)
        self.assertNotIn("Отменить запись", page.text)
        # «Мои данные» (152-ФЗ art. 14) keeps the booking with what the resident gave.
        r = b.get("/account/data?format=json")
        self.assertEqual(r.status, 200)
        got = [(x["reception_at"], x["official"], x["question"], x["contact"], x["status"],
                x["cancel_reason"]) for x in json.loads(r.text)["bookings"]]
        self.assertEqual(got, [(epoch(day(15), "12:00"), HEAD_NAME,
                                "Протекает крыша дома № 5 по ул. Мира", "+7 900 000-00-00",
                                "cancelled", "")])

    # ---- 4. the reminder and offers that run out ----------------------------------------------
    def test_a_reminder_the_day_before_once(self):
        meeting = schedule(start="15:00", end="15:30", slot=15, weeks=1, weekday_offset=16,
                           host=PERSON_HEAD)[0]
        approve(meeting)
        b, address = resident()
        slot = epoch(day(16), "15:15")
        self.assertEqual(book(b, meeting, slot).status, 303)
        wait_mail(address, "Запись на личный приём")
        # Time passes: the reception is tomorrow (and announced, as the notifier left it).
        shift = epoch(day(16), "15:00") - epoch(day(1), "15:00")
        STACK.execute("UPDATE meeting SET starts_at = starts_at - ?, ends_at = ends_at - ? "
                      "WHERE id = ?", (shift, shift, meeting))
        STACK.execute("UPDATE reception_booking SET slot_at = slot_at - ? WHERE meeting_id = ?",
                      (shift, meeting))
        mail = wait_mail(address, "Напоминание: завтра личный приём")
        self.assertIn(ru_datetime(slot - shift), mail.subject)
        self.assertIn(HALL_PLACE, mail.text)
        self.assertIn("/account/bookings/", mail.text)
        notify()
        self.assertEqual(len([m for m in mails_to(address) if "Напоминание" in m.subject]), 1)

    def test_a_postponed_reception_still_gets_its_reminder(self):
        """Regression: the reminder went for approved receptions only, not postponed ones."""
        meeting = schedule(start="16:00", end="16:30", slot=15, weeks=1, weekday_offset=23,
                           host=PERSON_HEAD)[0]
        approve(meeting)
        b, address = resident()
        self.assertEqual(book(b, meeting, epoch(day(23), "16:15")).status, 303)
        r = USERS["organizer"].post(f"/admin/meetings/{meeting}/postpone", {
            "new_starts_at": helpers.local_input(day(24), "16:00"),
            "new_ends_at": helpers.local_input(day(24), "16:30"), "postpone_reason": "ремонт"})
        self.assertEqual(r.status, 303, r.text[-800:])
        wait_mail(address, "перенесён")
        self.assertEqual(STACK.query("SELECT status FROM meeting WHERE id = ?", (meeting,)),
                         [("postponed",)])
        # Time passes: the postponed reception is tomorrow.
        shift = epoch(day(24), "16:00") - epoch(day(1), "16:00")
        STACK.execute("UPDATE meeting SET starts_at = starts_at - ?, ends_at = ends_at - ? "
                      "WHERE id = ?", (shift, shift, meeting))
        STACK.execute("UPDATE reception_booking SET slot_at = slot_at - ? WHERE meeting_id = ?",
                      (shift, meeting))
        mail = wait_mail(address, "Напоминание: завтра личный приём")
        self.assertIn(ru_datetime(epoch(day(1), "16:15")), mail.subject)

    def test_an_offer_not_taken_in_time_passes_to_the_next_in_line(self):
        meeting = schedule(start="17:00", end="17:15", slot=15, weeks=1, weekday_offset=17,
                           host=PERSON_HEAD)[0]
        approve(meeting)
        slot = epoch(day(17), "17:00")
        a, _ = resident()
        r = book(a, meeting, slot)
        self.assertEqual(r.status, 303)
        (b, b_address), (c, c_address) = resident(), resident()
        for w in (b, c):
            self.assertEqual(w.post(f"/receptions/{meeting}/wait", {}).status, 303)
        self.assertEqual(a.post(r.header("Location") + "/cancel", {}).status, 303)
        wait_mail(b_address, "Освободилось время")
        self.assertEqual(slots_on(c.get(f"/receptions/{meeting}").text), [])
        STACK.execute("UPDATE reception_waiting SET offered_until = ? WHERE resident_id = ?",
                      (int(time.time()) - 1, b.resident_id))
        offer = wait_mail(c_address, "Освободилось время")
        self.assertIn(ru_datetime(slot), offer.subject)
        self.assertEqual(STACK.query("SELECT status FROM reception_waiting WHERE resident_id = ?",
                                     (b.resident_id,)), [("expired",)])
        self.assertEqual(slots_on(b.get(f"/receptions/{meeting}").text), [])
        self.assertEqual(slots_on(c.get(f"/receptions/{meeting}").text), [slot])

    # ---- the reception card becomes an appeal -------------------------------------------------
    def test_the_card_opened_from_a_booking_is_filled_in_and_registers_an_appeal(self):
        meeting = schedule(start="10:00", end="10:30", slot=15, weeks=1, weekday_offset=18,
                           host=PERSON_HEAD)[0]
        approve(meeting)
        org = USERS["organizer"]
        r = org.post(f"/admin/receptions/{meeting}/book", {
            "slot": str(epoch(day(18), "10:15")), "full_name": "Сидорова Мария Ивановна",
            "phone": "+7 900 111-22-33", "question": "Нет уличного освещения на ул. Лесной"})
        self.assertEqual(r.status, 303)
        booking = STACK.query("SELECT id FROM reception_booking WHERE meeting_id = ?",
                              (meeting,))[0][0]
        # The reception took place: yesterday.
        shift = epoch(day(18), "10:00") - epoch(day(-1), "10:00")
        STACK.execute("UPDATE meeting SET starts_at = starts_at - ?, ends_at = ends_at - ?, "
                      "status = 'held' WHERE id = ?", (shift, shift, meeting))
        STACK.execute("UPDATE reception_booking SET slot_at = slot_at - ?, status = 'came' "
                      "WHERE id = ?", (shift, booking))
        queue = org.get(f"/admin/receptions/{meeting}")
        self.assertIn(f"/admin/appeals/new?booking={booking}", queue.text)
        card = org.get(f"/admin/appeals/new?booking={booking}")
        self.assertEqual(card.status, 200)
        for name, value in (("surname", "Сидорова"), ("name", "Мария"),
                            ("patronymic", "Ивановна"), ("phone", "+7 900 111-22-33"),
                            ("reception_by", HEAD_NAME)):
            self.assertRegex(card.text, rf'name="{name}"[^>]*value="{re.escape(value)}"')
        self.assertIn("Нет уличного освещения на ул. Лесной</textarea>", card.text)
        self.assertRegex(card.text, r'<option value="reception" selected>')
        self.assertRegex(card.text, rf'<option value="{meeting}" selected>')
        r = org.post("/admin/appeals", {
            "booking": str(booking), "source": "reception",
            "received_on": day(-1).isoformat(), "meeting": str(meeting),
            "reception_by": HEAD_NAME, "surname": "Сидорова", "name": "Мария",
            "patronymic": "Ивановна", "phone": "+7 900 111-22-33",
            "address": "ул. Лесная, 3, Зеленоборск",
            "text": "Нет уличного освещения на ул. Лесной"})
        self.assertEqual(r.status, 303, r.text[-1500:])
        appeal = int(r.header("Location").rsplit("/", 1)[1])
        self.assertEqual(STACK.query("SELECT source, surname, meeting_id FROM appeal WHERE id = ?",
                                     (appeal,)), [("reception", "Сидорова", meeting)])
        self.assertEqual(STACK.query("SELECT appeal_id FROM reception_booking WHERE id = ?",
                                     (booking,)), [(appeal,)])
        self.assertIn(f"/admin/appeals/{appeal}", org.get(f"/admin/receptions/{meeting}").text)

    # ---- 5. staff cancel or move the reception itself -------------------------------------------
    def test_cancelling_the_reception_frees_the_bookings_and_tells_the_residents(self):
        meeting = schedule(start="13:00", end="13:30", slot=15, weeks=1, weekday_offset=19,
                           host=PERSON_HEAD)[0]
        approve(meeting)
        b, address = resident()
        self.assertEqual(book(b, meeting, epoch(day(19), "13:15")).status, 303)
        booking = STACK.query("SELECT id FROM reception_booking WHERE resident_id = ?",
                              (b.resident_id,))[0][0]
        org = USERS["organizer"]
        r = org.post(f"/admin/receptions/{meeting}/book", {
            "slot": str(epoch(day(19), "13:00")), "full_name": "Сидорова Мария Ивановна",
            "phone": "+7 900 111-22-33", "question": "Вывоз мусора"})
        self.assertEqual(r.status, 303, r.text[-800:])
        waiter, _ = resident()
        self.assertEqual(waiter.post(f"/receptions/{meeting}/wait", {}).status, 303)
        r = org.post(f"/admin/meetings/{meeting}/cancel",
                     {"cancel_reason": "глава вызван на сессию районного совета"})
        self.assertEqual(r.status, 303, r.text[-800:])
        # Every booking is freed with the reason; the waiting list ends.
        self.assertEqual(STACK.query("SELECT status, cancelled_by, cancel_reason FROM "
                                     "reception_booking WHERE meeting_id = ? ORDER BY slot_at",
                                     (meeting,)),
                         [("cancelled", "staff",
                           "приём отменён — глава вызван на сессию районного совета")] * 2)
        self.assertEqual(STACK.query("SELECT status FROM reception_waiting WHERE meeting_id = ?",
                                     (meeting,)), [("expired",)])
        # The mail through the real SMTP server, in Russian, with the reason.
        mail = wait_mail(address, "отменён")
        self.assertEqual(mail.subject, f"Приём {helpers.words(day(19))} отменён")
        self.assertIn(f"Приём {helpers.words(day(19))} отменён: глава вызван на сессию "
                      "районного совета.", mail.text)
        self.assertIn(ru_datetime(epoch(day(19), "13:15")), mail.text)
        # The account shows it.
        page = b.get(f"/account/bookings/{booking}")
        self.assertEqual(page.status, 200)
        self.assertIn("Состояние: <strong>отменена</strong>", page.text)
        self.assertIn("приём отменён — глава вызван на сессию районного совета", page.text)
        self.assertNotIn("Отменить запись", page.text)
        listing = b.get("/account/bookings")
        self.assertEqual(listing.status, 200)
        self.assertIn("отменена", listing.text)
        # The same transaction: the audit record of the meeting's cancellation is there too.
        self.assertIn(("cancel",), STACK.query("SELECT action FROM audit_log WHERE entity = "
                                               "'meeting' AND entity_id = ?", (meeting,)))

    def test_postponing_the_reception_moves_the_bookings_and_mails_the_new_time(self):
        meeting = schedule(start="10:00", end="11:00", slot=15, weeks=1, weekday_offset=20,
                           host=PERSON_DEPUTY)[0]
        approve(meeting)
        early, early_address = resident()
        late, late_address = resident()
        self.assertEqual(book(early, meeting, epoch(day(20), "10:15")).status, 303)
        self.assertEqual(book(late, meeting, epoch(day(20), "10:45")).status, 303)
        first_mail = wait_mail(early_address, "Запись на личный приём")
        old_link = re.search(r"/receptions/cancel\?token=([A-Za-z0-9_-]+)", first_mail.text).group(1)
        ids = dict(STACK.query("SELECT resident_id, id FROM reception_booking WHERE "
                               "meeting_id = ?", (meeting,)))
        # Two days later and only half an hour long: 10:45 no longer fits.
        r = USERS["organizer"].post(f"/admin/meetings/{meeting}/postpone", {
            "new_starts_at": helpers.local_input(day(22), "14:00"),
            "new_ends_at": helpers.local_input(day(22), "14:30"),
            "postpone_reason": "глава в командировке"})
        self.assertEqual(r.status, 303, r.text[-1500:])
        new_slot = epoch(day(22), "14:15")
        self.assertEqual(STACK.query("SELECT slot_at, status FROM reception_booking WHERE id = ?",
                                     (ids[early.resident_id],)), [(new_slot, "active")])
        self.assertEqual(STACK.query("SELECT slot_at, status, cancel_reason FROM "
                                     "reception_booking WHERE id = ?", (ids[late.resident_id],)),
                         [(epoch(day(20), "10:45"), "cancelled",
                           f"приём перенесён на {ru_datetime(epoch(day(22), '14:00'))}–14:30, "
                           "и ваше время в новые часы приёма не вошло")])
        old_day = helpers.words(day(20))
        mail = wait_mail(early_address, "перенесён")
        self.assertEqual(mail.subject, f"Приём {old_day} перенесён на {ru_datetime(new_slot)}")
        self.assertIn(f"Приём {old_day} перенесён на {ru_datetime(epoch(day(22), '14:00'))}–14:30.",
                      mail.text)
        self.assertIn("Причина: глава в командировке.", mail.text)
        self.assertIn(f"Ваше новое время: {ru_datetime(new_slot)}", mail.text)
        self.assertIn(f"/account/bookings/{ids[early.resident_id]}.ics", mail.text)
        # The fresh .ics has the new time; the new link cancels, the old one no longer does.
        ics = early.get(f"/account/bookings/{ids[early.resident_id]}.ics")
        self.assertEqual(ics.status, 200)
        self.assertIn("DTSTART:" + time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(new_slot)),
                      ics.text)
        page = early.get(f"/account/bookings/{ids[early.resident_id]}")
        self.assertIn(ru_datetime(new_slot), page.text)
        self.assertIn("вы записаны", page.text)
        r = Browser(STACK).post("/receptions/cancel", {"token": old_link})
        self.assertEqual(STACK.query("SELECT status FROM reception_booking WHERE id = ?",
                                     (ids[early.resident_id],)), [("active",)])
        told = wait_mail(late_address, "запись отменена")
        self.assertEqual(told.subject, f"Приём {old_day} перенесён, запись отменена")
        self.assertIn("ваше время (" + ru_datetime(epoch(day(20), "10:45")) + ") в него не вошло",
                      told.text)
        self.assertIn("отменена", late.get(f"/account/bookings/{ids[late.resident_id]}").text)
        new_link = re.search(r"/receptions/cancel\?token=([A-Za-z0-9_-]+)", mail.text).group(1)
        r = Browser(STACK).post("/receptions/cancel", {"token": new_link})
        self.assertEqual(r.status, 200)
        self.assertEqual(STACK.query("SELECT status FROM reception_booking WHERE id = ?",
                                     (ids[early.resident_id],)), [("cancelled",)])

    def test_moving_a_full_reception_by_one_slot_keeps_every_booking(self):
        """Regression: moving the slots one by one would meet the unique index of (reception,
        slot) when the new time overlaps the old one."""
        meeting = schedule(start="09:00", end="09:30", slot=15, weeks=1, weekday_offset=21,
                           host=PERSON_HEAD)[0]
        approve(meeting)
        a, _ = resident()
        b, _ = resident()
        self.assertEqual(book(a, meeting, epoch(day(21), "09:00")).status, 303)
        self.assertEqual(book(b, meeting, epoch(day(21), "09:15")).status, 303)
        r = USERS["organizer"].post(f"/admin/meetings/{meeting}/postpone", {
            "new_starts_at": helpers.local_input(day(21), "09:15"),
            "new_ends_at": helpers.local_input(day(21), "09:45"),
            "postpone_reason": "совещание"})
        self.assertEqual(r.status, 303, r.text[-800:])
        self.assertEqual(STACK.query("SELECT resident_id, slot_at FROM reception_booking WHERE "
                                     "meeting_id = ? AND status = 'active' ORDER BY slot_at",
                                     (meeting,)),
                         [(a.resident_id, epoch(day(21), "09:15")),
                          (b.resident_id, epoch(day(21), "09:30"))])

    def test_shortening_a_reception_on_its_form_cancels_the_bookings_left_out(self):
        off = 35
        while no_reception_day(day(off)):
            off += 1
        meeting = schedule(start="11:00", end="12:00", slot=15, weeks=1, weekday_offset=off,
                           host=PERSON_DEPUTY)[0]
        approve(meeting)
        kept, kept_address = resident()
        cut, cut_address = resident()
        self.assertEqual(book(kept, meeting, epoch(day(off), "11:00")).status, 303)
        self.assertEqual(book(cut, meeting, epoch(day(off), "11:45")).status, 303)
        org = USERS["organizer"]
        page = org.get(f"/admin/meetings/{meeting}")
        form = {name: html.unescape(value) for name, value in re.findall(
            r'<input[^>]*name="([a-z_]+)"[^>]*value="([^"]*)"', page.text) if name != "csrf"}
        for name in ("kind", "territory", "venue", "host"):
            chosen = re.search(rf'<select[^>]*name="{name}".*?<option value="([^"]*)" selected',
                               page.text, re.S)
            if chosen:
                form[name] = chosen.group(1)
        form["ends_at"] = helpers.local_input(day(off), "11:30")
        r = org.post(f"/admin/meetings/{meeting}", form)
        self.assertEqual(r.status, 303, r.text[-2000:])
        self.assertEqual(STACK.query("SELECT resident_id, status FROM reception_booking WHERE "
                                     "meeting_id = ? ORDER BY slot_at", (meeting,)),
                         [(kept.resident_id, "active"), (cut.resident_id, "cancelled")])
        told = wait_mail(cut_address, "сокращён")
        self.assertEqual(told.subject, f"Приём {helpers.words(day(off))} сокращён, запись отменена")
        self.assertIn(ru_datetime(epoch(day(off), "11:45")), told.text)
        notify()
        self.assertEqual([m.subject for m in mails_to(kept_address)
                          if "сокращён" in m.subject or "перенесён" in m.subject], [])

    # ---- 6. schedules every other week, once a month, edited -----------------------------------
    def test_every_other_week_skips_a_week_and_the_holidays(self):
        first = day(40)
        last = first + timedelta(days=7 * 6)
        sid, days = new_schedule(schedule_form(first, last, first.isoweekday(), rule="biweekly"))
        every = [first + timedelta(days=7 * k) for k in range(0, 7, 2)]
        self.assertEqual(days, [d for d in every if not no_reception_day(d)])
        self.assertEqual(STACK.query("SELECT rule, ordinal FROM reception_schedule WHERE id = ?",
                                     (sid,)), [("biweekly", 0)])
        page = USERS["organizer"].get("/admin/receptions")
        self.assertEqual(page.status, 200)
        self.assertIn("через неделю", page.text)

    def test_once_a_month_on_the_first_monday_moves_off_the_new_year_holidays(self):
        y = helpers.today().year + 1
        sid, days = new_schedule(schedule_form(date(y, 1, 1), date(y, 3, 31), 1, rule="monthly",
                                               ordinal="1"))
        expected = []
        for month in (1, 2, 3):
            d = date(y, month, 1)
            while d.isoweekday() != 1:
                d += timedelta(days=1)
            while not working(d) and (d + timedelta(days=1)).month == month:
                d += timedelta(days=1)
            expected.append(d)
        # The first Monday of January is always inside the holidays of 1–8 January.
        self.assertGreater(expected[0].day, 8)
        self.assertEqual(days, expected)
        page = USERS["organizer"].get(f"/admin/receptions/schedules/{sid}")
        self.assertEqual(page.status, 200)
        self.assertIn("первый понедельник месяца", page.text)
        self.assertIn("Выпали на нерабочие праздничные дни", page.text)
        self.assertIn(helpers.words(date(y, 1, 1) + timedelta(days=(7 - date(y, 1, 1).weekday()) % 7)),
                      page.text)
        # Monthly without saying which weekday of the month: refused beside the field.
        r = USERS["organizer"].post("/admin/receptions", schedule_form(
            date(y, 1, 1), date(y, 3, 31), 1, rule="monthly", title="Без порядкового"))
        self.assertEqual(r.status, 422)
        self.assertIn('id="e-ordinal"', r.text)
        self.assertIn("выберите, какой по счёту день недели месяца", r.text)
        self.assertIn('value="Без порядкового"', r.text)
        r = USERS["organizer"].post("/admin/receptions", schedule_form(
            date(y, 1, 1), date(y, 3, 31), 1, rule="yearly"))
        self.assertEqual(r.status, 422)
        self.assertIn('id="e-rule"', r.text)

    def test_editing_a_schedule_regenerates_only_future_receptions_without_bookings(self):
        first = day(50)
        while no_reception_day(first) or no_reception_day(first + timedelta(days=7)) or \
                no_reception_day(first + timedelta(days=14)):
            first += timedelta(days=1)
        form = schedule_form(first, first + timedelta(days=20), first.isoweekday(),
                             host=str(PERSON_DEPUTY), topics="ЖКХ")
        sid, days = new_schedule(form)
        self.assertEqual(days, [first + timedelta(days=7 * k) for k in range(3)])
        booked_id, approved_id, draft_id = [x[0] for x in STACK.query(
            "SELECT r.meeting_id FROM reception r JOIN meeting m ON m.id = r.meeting_id "
            "WHERE r.schedule_id = ? ORDER BY m.starts_at", (sid,))]
        approve(booked_id)
        approve(approved_id)
        b, _ = resident()
        self.assertEqual(book(b, booked_id, epoch(first, "10:15")).status, 303)
        org = USERS["organizer"]
        page = org.get(f"/admin/receptions/schedules/{sid}")
        self.assertEqual(page.status, 200)
        self.assertIn('name="start_time" type="time" value="10:00"', page.text)
        self.assertIn("ЖКХ</textarea>", page.text)
        # Bad input: refused beside the field, what was typed kept, nothing changed.
        bad = dict(form, start_time="16:00", end_time="15:00", topics="Дороги")
        r = org.post(f"/admin/receptions/schedules/{sid}", bad)
        self.assertEqual(r.status, 422)
        self.assertIn("окончание должно быть позже начала", r.text)
        self.assertIn("Дороги</textarea>", r.text)
        self.assertEqual(schedule_days(sid), days)
        # Only the topics: every reception stays, the unbooked ones take the new topics.
        r = org.post(f"/admin/receptions/schedules/{sid}", dict(form, topics="Дороги"))
        self.assertEqual(r.status, 303, r.text[-1500:])
        self.assertEqual(STACK.query("SELECT r.meeting_id, r.topics, m.status FROM reception r "
                                     "JOIN meeting m ON m.id = r.meeting_id WHERE "
                                     "r.schedule_id = ? ORDER BY m.starts_at", (sid,)),
                         [(booked_id, "ЖКХ", "approved"), (approved_id, "Дороги", "approved"),
                          (draft_id, "Дороги", "draft")])
        # New hours: the booked reception stays and is named; the approved one is cancelled and
        # published; the draft is deleted; drafts at the new hours on the other two days.
        r = org.post(f"/admin/receptions/schedules/{sid}",
                     dict(form, start_time="15:00", end_time="16:00", topics="Дороги"))
        self.assertEqual(r.status, 303, r.text[-1500:])
        self.assertEqual(r.header("Location"), f"/admin/receptions/schedules/{sid}")
        rows = STACK.query("SELECT m.id, m.starts_at, m.status, m.status_reason FROM reception r "
                           "JOIN meeting m ON m.id = r.meeting_id WHERE r.schedule_id = ? "
                           "ORDER BY m.starts_at, m.id", (sid,))
        self.assertEqual(rows[0], (booked_id, epoch(first, "10:00"), "approved", ""))
        self.assertEqual(rows[1][:4], (approved_id, epoch(first + timedelta(days=7), "10:00"),
                                       "cancelled", "изменён график личного приёма"))
        self.assertEqual([(x[1], x[2]) for x in rows[2:]],
                         [(epoch(first + timedelta(days=7), "15:00"), "draft"),
                          (epoch(first + timedelta(days=14), "15:00"), "draft")])
        # The draft is gone (its id may be taken again by a new draft).
        self.assertEqual(STACK.query("SELECT count(*) FROM meeting WHERE starts_at = ? AND "
                                     "series_id = (SELECT series_id FROM reception_schedule "
                                     "WHERE id = ?)",
                                     (epoch(first + timedelta(days=14), "10:00"), sid)), [(0,)])
        self.assertEqual(STACK.query("SELECT kind FROM meeting_change WHERE meeting_id = ?",
                                     (approved_id,)), [("cancelled",)])
        self.assertEqual(STACK.query("SELECT status, slot_at FROM reception_booking WHERE "
                                     "meeting_id = ?", (booked_id,)),
                         [("active", epoch(first, "10:15"))])
        page = org.get(r.header("Location"))
        self.assertEqual(page.status, 200)
        self.assertIn("остались по прежнему графику", page.text)
        self.assertIn(f'<a href="/admin/meetings/{booked_id}">', page.text)
        self.assertIn("1 запись", page.text)
        self.assertIn('name="start_time" type="time" value="15:00"', page.text)
        audit = STACK.query("SELECT action, before_json IS NOT NULL, after_json FROM audit_log "
                            "WHERE entity = 'reception_schedule' AND entity_id = ? "
                            "ORDER BY id", (sid,))
        self.assertEqual([a[:2] for a in audit], [("create", 0), ("update", 1), ("update", 1)])
        self.assertIn('"start_minute":900', audit[-1][2])
        # Readers see the schedule; only writers change it, with the form token.
        self.assertEqual(USERS["press"].get(f"/admin/receptions/schedules/{sid}").status, 200)
        self.assertEqual(USERS["press"].post(f"/admin/receptions/schedules/{sid}", form).status, 403)
        self.assertEqual(org.post(f"/admin/receptions/schedules/{sid}",
                                  dict(form, csrf="wrong")).status, 403)
        self.assertEqual(org.get("/admin/receptions/schedules/999999").status, 404)


if __name__ == "__main__":
    unittest.main()
