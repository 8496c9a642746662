"""The notifier (issue 6): build/portal-notify run against the real stack's database, delivering
to a real SMTP server (aiosmtpd) and a real HTTP webhook receiver on loopback. Meetings are
scheduled over HTTP by the demo staff accounts, as the sector does it; what is checked is what
people receive (the mail, its decoded Russian subject and text, the webhook's JSON), what the
database keeps (announcements as the proof, the outbox, violations) and what staff see on
/admin/outbox.

Fixtures written straight into the database, because their own pages belong to other parts of
the issue: staff e-mail addresses, one media contact, an invitee's address and subscriptions.
The notifier runs with --now when a test needs another moment (a deadline passed, a retry due);
it never sleeps."""

import fcntl
import os
import re
import signal
import subprocess
import time
import unittest

import helpers
from helpers import day, epoch, local_input, ru_datetime, shown, words
from receivers import SmtpServer, WebhookReceiver
from staff import Browser, form_errors, start_staff_stack

STACK = None
USERS = {}
SMTP = None
HOOK = None

MEDIA = "editor@gazeta.example"
INVITEE_ID, INVITEE = 4, "morozov@zelenoborsk.example"
SUBSCRIBER_ALL = "all@residents.example"        # the whole municipality
SUBSCRIBER_TOWN = "town@residents.example"      # the town: its microdistricts too
SUBSCRIBER_OTHER = "village@residents.example"  # Берёзовка: not the town's meetings
SUBSCRIBER_PENDING = "pending@residents.example"  # never confirmed
POLICE = "police@zelenoborsk.example"
TERRITORY_CENTRAL, VENUE_HALL = 3, 2
TERRITORY_VILLAGE, VENUE_LIBRARY = 7, 7   # деревня Кедровая: the killed-notifier test's own
SITE = "https://zelenoborsk.example"


def setUpModule():
    global STACK, SMTP, HOOK
    SMTP = SmtpServer().start()
    HOOK = WebhookReceiver()
    settings = {
        ("mail", "smtp_url"): SMTP.url,
        ("mail", "from"): "noreply@zelenoborsk.example",
        ("notify", "police_email"): POLICE,
        ("notify", "retry_seconds"): "60",
        ("notify", "max_attempts"): "3",
        ("webhooks", "vk"): HOOK.url("/vk"),
    }
    STACK, passwords, signed = start_staff_stack(settings, with_token=True)
    USERS.update(signed)
    USERS["glava"] = Browser(STACK)  # the head: she signs the protocols she chairs
    assert USERS["glava"].login("glava", passwords["glava"]).status == 303
    USERS["glava"].token = USERS["glava"].csrf("/admin")
    STACK.execute("UPDATE staff_user SET email = login || '@zelenoborsk.example'")
    STACK.execute("INSERT INTO media_contact (name, email) VALUES ('Газета «Вестник»', ?)",
                  (MEDIA,))
    STACK.execute("UPDATE person SET email = ? WHERE id = ?", (INVITEE, INVITEE_ID))
    for n, (address, territory, status) in enumerate([
            (SUBSCRIBER_ALL, None, "active"), (SUBSCRIBER_TOWN, 2, "active"),
            (SUBSCRIBER_OTHER, 6, "active"), (SUBSCRIBER_PENDING, None, "pending")]):
        STACK.execute("INSERT INTO subscription (email, territory_id, token, status, created_at) "
                      "VALUES (?, ?, ?, ?, unixepoch())", (address, territory, f"token{n}", status))
    # The demo's approved meetings are announced now, so the tests count only their own.
    rc, out, err = notify()
    assert rc == 0, (rc, out, err)


def tearDownModule():
    try:
        STACK.close()
    finally:
        SMTP.stop()
        HOOK.close()


# ---- helpers ------------------------------------------------------------------------------------
def notify(*args, conf=None):
    """Run the notifier once; (exit status, stdout, stderr)."""
    p = subprocess.run([os.path.join(STACK.bin, "portal-notify"), "-c", conf or STACK.conf, *args],
                       capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


def at(d, hm):
    """--now for local date D at HH:MM."""
    return "--now=" + local_input(d, hm)


def create(role="organizer", days=10, hm="18:00", invitees=(), **over):
    d = day(days)
    fields = {"kind": "gathering", "title": helpers.unique("Встреча"),
              "territory": str(TERRITORY_CENTRAL), "venue": str(VENUE_HALL),
              "starts_at": local_input(d, hm), "ends_at": local_input(d, "20:00"), "host": "1",
              "expected_attendance": "40", "description": "Обсуждение благоустройства двора."}
    fields.update(over)
    pairs = list(fields.items()) + [("invitee", str(i)) for i in invitees]
    r = USERS[role].post("/admin/meetings", pairs)
    assert r.status == 303, (r.status, form_errors(r.text))
    mid = int(re.fullmatch(r"/admin/meetings/(\d+)", r.header("Location")).group(1))
    return mid, fields["title"]


def create_approved(**kw):
    mid, title = create(**kw)
    r = USERS["organizer"].post(f"/admin/meetings/{mid}/approve", {})
    assert r.status == 303, (r.status, form_errors(r.text))
    return mid, title


def starts_of(mid):
    return STACK.query("SELECT starts_at FROM meeting WHERE id = ?", (mid,))[0][0]


def outbox_of(mid, purpose=None):
    sql = ("SELECT id, channel, recipient, status, attempts, last_error, next_attempt_at "
           "FROM outbox WHERE meeting_id = ?")
    params = [mid]
    if purpose:
        sql += " AND purpose = ?"
        params.append(purpose)
    return STACK.query(sql + " ORDER BY id", params)


def recipients(mails):
    return sorted(m.to for m in mails)


class NotifierTest(unittest.TestCase):
    maxDiff = None

    def assertHeadersAscii(self, mail):
        """What went over the wire: headers in ASCII (RFC 2047), no line longer than 76."""
        head = mail.raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
        for line in head.splitlines():
            self.assertTrue(all(b < 128 for b in line), line)
            self.assertLessEqual(len(line.rstrip(b"\r")), 998, line)
            if line.startswith((b"Subject:", b" =?UTF-8")):
                self.assertLessEqual(len(line.rstrip(b"\r")), 76, line)

    # ---- announcements -----------------------------------------------------------------------
    def test_an_approved_meeting_is_announced_to_every_audience_once(self):
        mid, title = create_approved(invitees=[INVITEE_ID])
        start = starts_of(mid)
        rc, out, err = notify()
        self.assertEqual(rc, 0, out + err)
        self.assertRegex(out, r"published \d+ \(announcements [1-9]")

        mails = SMTP.about(title)
        got = recipients(mails)
        for address in (MEDIA, INVITEE, SUBSCRIBER_ALL, SUBSCRIBER_TOWN):
            self.assertEqual(got.count(address), 1, got)
        for address in (SUBSCRIBER_OTHER, SUBSCRIBER_PENDING):
            self.assertNotIn(address, got)

        by_to = {m.to: m for m in mails}
        media = by_to[MEDIA]
        self.assertEqual(media.subject, f"Анонс: {title}, {ru_datetime(start)}")
        self.assertHeadersAscii(media)
        self.assertIn(b"\nSubject: =?UTF-8?B?", media.raw)
        text = media.text
        self.assertIn("Когда: ", text)
        self.assertIn(words(day(10)), text)
        self.assertIn("18:00–20:00", text)
        self.assertIn("Администрация городского поселения, зал заседаний", text)
        self.assertIn(f"Подробнее: {SITE}/meetings/{mid}", text)
        deadline = words(day(10 - 5))
        self.assertIn(f"Просим опубликовать анонс не позднее {deadline}", text)
        self.assertTrue(media.header("Message-ID").startswith("<outbox-"))
        self.assertIsNotNone(media.message["Date"].datetime)
        self.assertIsNone(media.header("List-Unsubscribe"))

        self.assertIn("Приглашаем вас принять участие", by_to[INVITEE].text)
        sub = by_to[SUBSCRIBER_ALL]
        self.assertEqual(sub.header("List-Unsubscribe"), f"<{SITE}/unsubscribe?token=token0>")
        self.assertEqual(sub.header("List-Unsubscribe-Post"), "List-Unsubscribe=One-Click")
        self.assertIn(f"Отписаться: {SITE}/unsubscribe?token=token0", sub.text)

        posts = HOOK.delivered(mid)
        self.assertEqual(len(posts), 1, posts)
        self.assertEqual(posts[0]["path"], "/vk")
        self.assertEqual(posts[0]["content_type"], "application/json")
        doc = posts[0]["json"]
        self.assertEqual(doc["event"], "announcement")
        self.assertEqual(doc["title"], title)
        self.assertEqual(doc["starts_at"], f"{day(10).isoformat()}T18:00:00+05:00")
        self.assertEqual(doc["url"], f"{SITE}/meetings/{mid}")

        # The proof: when place and time went out, and that it was 5 days ahead or more.
        rows = STACK.query("SELECT kind, published_at, starts_at, venue_id, five_days_kept "
                           "FROM announcement WHERE meeting_id = ?", (mid,))
        self.assertEqual(len(rows), 1)
        kind, published, starts, venue, kept = rows[0]
        self.assertEqual((kind, starts, venue, kept), ("announcement", start, VENUE_HALL, 1))
        self.assertLess(abs(published - time.time()), 120)
        self.assertEqual(STACK.query("SELECT announced_at FROM meeting WHERE id = ?",
                                     (mid,))[0][0], published)
        self.assertEqual({r[3] for r in outbox_of(mid)}, {"sent"})

    def test_an_instruction_reaches_its_executor_once_the_protocol_is_signed(self):
        # The head (person 1; demo account glava) chaired a meeting yesterday; its draft protocol
        # has one instruction for the executor.
        d = day(-1)
        conn = STACK.db()
        try:
            mid = conn.execute(
                "INSERT INTO meeting (kind, title, territory_id, venue_id, starts_at, ends_at, "
                "host_id, status, attendance) VALUES ('head_mass', ?, ?, ?, ?, ?, 1, 'held', 90)",
                (helpers.unique("Встреча главы"), TERRITORY_CENTRAL, VENUE_HALL,
                 epoch(d, "18:00"), epoch(d, "20:00"))).lastrowid
            conn.commit()
        finally:
            conn.close()
        r = USERS["secretary"].post(f"/admin/meetings/{mid}/protocol", {
            "protocol_number": f"Г-{mid}", "held_on": d.isoformat(), "chair": "1",
            "decisions": "Отремонтировать остановку у рынка."})
        self.assertEqual(r.status, 303, form_errors(r.text))
        r = USERS["secretary"].post(f"/admin/meetings/{mid}/protocol/instructions", {
            "instruction": f"Отремонтировать остановку у рынка ({mid}).",
            "executor": str(STACK.query("SELECT id FROM staff_user WHERE login = 'executor'")[0][0]),
            "unit": "Отдел ЖКХ", "due_on": day(20).isoformat(),
            "controller": str(STACK.query("SELECT id FROM staff_user WHERE login = 'controller'")[0][0])})
        self.assertEqual(r.status, 303, form_errors(r.text))
        iid = STACK.query("SELECT max(id) FROM instruction")[0][0]
        self.assertEqual(notify()[0], 0)
        self.assertEqual(SMTP.about(f"({mid})"), [])
        # Signed by the head: the instruction is in force and its mail is delivered.
        glava = USERS["glava"]
        page = glava.get(f"/admin/meetings/{mid}/protocol").text
        revision = re.search(r'name="revision" value="(\d+)"', page).group(1)
        r = glava.post(f"/admin/meetings/{mid}/protocol/sign", {"revision": revision})
        self.assertEqual(r.status, 303, form_errors(r.text))
        self.assertEqual(notify()[0], 0)
        mails = SMTP.about(f"({mid})")
        self.assertEqual(len(mails), 1)
        self.assertEqual(mails[0].to, "executor@zelenoborsk.example")
        self.assertEqual(mails[0].subject, f"Поручение № {iid}")
        # Mail lines end in CRLF; the date keeps its one full stop.
        self.assertIn(f"Срок исполнения: {words(day(20))}\r\nКонтролёр: Контролёр.", mails[0].text)
        self.assertIn(f"{SITE}/admin/instructions/{iid}", mails[0].text)
        # Delivered once: another run sends nothing again.
        self.assertEqual(notify()[0], 0)
        self.assertEqual(len(SMTP.about(f"({mid})")), 1)

    def test_a_second_run_sends_nothing_new(self):
        mid, title = create_approved()
        self.assertEqual(notify()[0], 0)
        mails, posts = len(SMTP.about(title)), len(HOOK.delivered(mid))
        rows = len(outbox_of(mid))
        self.assertGreater(mails, 0)
        rc, out, _ = notify()
        self.assertEqual(rc, 0)
        self.assertIn("published 0 ", out)
        self.assertIn("queued 0;", out)
        self.assertEqual(len(SMTP.about(title)), mails)
        self.assertEqual(len(HOOK.delivered(mid)), posts)
        self.assertEqual(len(outbox_of(mid)), rows)

    def test_a_new_time_after_the_announcement_is_announced_as_a_change(self):
        mid, title = create_approved()
        old = starts_of(mid)
        notify()
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/postpone", {
            "new_starts_at": local_input(day(14), "17:00"),
            "new_ends_at": local_input(day(14), "19:00"), "postpone_reason": "Ремонт зала"})
        self.assertEqual(r.status, 303, form_errors(r.text))
        rc, out, _ = notify()
        self.assertEqual(rc, 0, out)
        changes = [m for m in SMTP.about(title) if m.subject.startswith("Изменение:")]
        self.assertEqual(recipients(changes).count(MEDIA), 1)
        self.assertEqual(recipients(changes).count(SUBSCRIBER_ALL), 1)
        mail = next(m for m in changes if m.to == MEDIA)
        self.assertEqual(mail.subject, f"Изменение: {title}, {words(day(14))}, 17:00")
        self.assertIn("ИЗМЕНЕНИЕ: новое время", mail.text)
        self.assertIn(f"Ранее объявлено: {ru_datetime(old)}", mail.text)
        kinds = STACK.query("SELECT kind, five_days_kept FROM announcement WHERE meeting_id = ? "
                            "ORDER BY id", (mid,))
        self.assertEqual(kinds, [("announcement", 1), ("change", 1)])
        events = [p["json"] for p in HOOK.delivered(mid)]
        self.assertEqual([e["event"] for e in events], ["announcement", "change"])
        self.assertEqual(events[1]["previous_starts_at"], f"{day(10).isoformat()}T18:00:00+05:00")

    def test_a_cancellation_is_announced_once(self):
        mid, title = create_approved()
        notify()
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/cancel",
                                    {"cancel_reason": "Паводок: дорога закрыта"})
        self.assertEqual(r.status, 303, form_errors(r.text))
        notify()
        notify()
        cancelled = [m for m in SMTP.about(title) if m.subject.startswith("Отменена встреча:")]
        self.assertEqual(recipients(cancelled).count(MEDIA), 1, recipients(cancelled))
        text = next(m for m in cancelled if m.to == MEDIA).text
        self.assertIn("ВСТРЕЧА ОТМЕНЕНА", text)
        self.assertIn("Причина: Паводок: дорога закрыта", text)
        self.assertEqual([p["json"]["event"] for p in HOOK.delivered(mid)],
                         ["announcement", "cancellation"])

    def test_a_dry_run_says_what_it_would_do_and_changes_nothing(self):
        mid, title = create_approved()
        rc, out, _ = notify("--dry-run")
        self.assertEqual(rc, 0, out)
        self.assertIn(f"would publish the announcement of meeting {mid} «{title}»", out)
        self.assertIn(f"would send announcement to {MEDIA}: Анонс: {title}", out)
        self.assertIn("(dry run: nothing changed)", out)
        self.assertEqual(outbox_of(mid), [])
        self.assertIsNone(STACK.query("SELECT announced_at FROM meeting WHERE id = ?",
                                      (mid,))[0][0])
        self.assertEqual(SMTP.about(title), [])
        notify()
        self.assertEqual(recipients(SMTP.about(title)).count(MEDIA), 1)

    def test_a_second_notifier_leaves_quietly_while_one_is_at_work(self):
        mid, title = create_approved()
        lock = open(STACK.conf.replace("portal.ini", "portal.db.notify.lock"), "a+")
        try:
            fcntl.flock(lock, fcntl.LOCK_EX)
            rc, out, err = notify()
            self.assertEqual((rc, out, err), (0, "", ""))
            self.assertEqual(outbox_of(mid), [])
        finally:
            lock.close()
        notify()
        self.assertEqual(recipients(SMTP.about(title)).count(MEDIA), 1)

    # ---- deadlines -------------------------------------------------------------------------------
    def test_a_deadline_passed_unannounced_is_a_violation_recorded_once(self):
        # Approved 6 days ahead: the last day to publish is tomorrow. The notifier does not run
        # until the day after, so the announcement comes late.
        mid, title = create_approved(days=6)
        rc, out, _ = notify(at(day(2), "09:00"))
        self.assertIn("violations 1,", out)
        rows = STACK.query("SELECT rule, deadline_at FROM rule_violation WHERE meeting_id = ?",
                           (mid,))
        self.assertEqual(rows, [("announce_5_days", epoch(day(2), "00:00"))])
        alerts = [m for m in SMTP.about(title) if m.subject.startswith("Нарушение срока анонса")]
        # Every controller — the control sector and the head (demo login glava) — and the
        # administrators.
        self.assertEqual(recipients(alerts), ["admin@zelenoborsk.example",
                                              "controller@zelenoborsk.example",
                                              "glava@zelenoborsk.example"])
        self.assertIn(f"не опубликованы до {words(day(1))} включительно", alerts[0].text)
        # The act is cited by its Russian name, not by a file of the developers (issue 15).
        self.assertIn("включительно (пункты 2.3 и 3.1 Порядка проведения встреч главы с "
                      "населением, утверждённого постановлением главы городского поселения "
                      "Зеленоборск от 11 марта 2020 г. № 2).", " ".join(alerts[0].text.split()))
        self.assertNotIn("seed", alerts[0].text)
        self.assertEqual(STACK.query("SELECT five_days_kept FROM announcement "
                                     "WHERE meeting_id = ?", (mid,)), [(0,)])
        home = helpers.text_of(helpers.main_of(USERS["controller"].get("/admin").text))
        self.assertIn("Нарушен срок анонса", home)
        self.assertIn(title, home.split("Нарушен срок анонса", 1)[1])
        # Moved to a date 5 days ahead or more, it is no longer in breach.
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/postpone", {
            "new_starts_at": local_input(day(12), "18:00"),
            "new_ends_at": local_input(day(12), "20:00"), "postpone_reason": "Не был объявлен"})
        self.assertEqual(r.status, 303, form_errors(r.text))
        home = helpers.text_of(helpers.main_of(
            shown(self, USERS["controller"].get("/admin"), "<h1>Рабочий стол</h1>").text))
        breaches = home.split("Нарушен срок анонса", 1)[1] if "Нарушен срок анонса" in home else ""
        self.assertNotIn(title, breaches.split("Периодичность встреч", 1)[0])
        notify(at(day(2), "09:10"))
        self.assertEqual(len(STACK.query("SELECT 1 FROM rule_violation WHERE meeting_id = ?",
                                         (mid,))), 1)
        # Still the one alert to each of the three: none sent twice.
        self.assertEqual(len([m for m in SMTP.about(title)
                              if m.subject.startswith("Нарушение срока анонса")]), 3)

    def test_an_exception_approved_by_the_controller_is_not_a_second_violation(self):
        mid, title = create(days=3)
        r = USERS["controller"].post(f"/admin/meetings/{mid}/approve",
                                     {"exception_reason": "Авария на водоводе: срочный сход"})
        self.assertEqual(r.status, 303, form_errors(r.text))
        notify()
        self.assertEqual(STACK.query("SELECT count(*) FROM rule_violation WHERE meeting_id = ?",
                                     (mid,)), [(0,)])
        self.assertEqual(STACK.query("SELECT kind, five_days_kept FROM announcement "
                                     "WHERE meeting_id = ?", (mid,)), [("announcement", 0)])

    def test_a_draft_a_week_ahead_alerts_the_organisers_once(self):
        mid, title = create(days=6)
        notify()
        notify()
        alerts = [m for m in SMTP.about(title) if m.subject.startswith("Черновик не утверждён")]
        self.assertEqual(recipients(alerts), ["organizer@zelenoborsk.example"])
        self.assertIn(f"утвердить не позднее {words(day(1))}", alerts[0].text)
        self.assertIn(f"{SITE}/admin/meetings/{mid}", alerts[0].text)

    def test_invitees_are_reminded_on_the_day_before(self):
        mid, title = create_approved(invitees=[INVITEE_ID])
        notify()
        notify(at(day(8), "10:00"))
        self.assertEqual([m for m in SMTP.about(title) if m.subject.startswith("Напоминание")],
                         [])
        notify(at(day(9), "10:00"))
        notify(at(day(9), "15:00"))
        reminders = [m for m in SMTP.about(title) if m.subject.startswith("Напоминание")]
        self.assertEqual(recipients(reminders), [INVITEE])
        self.assertEqual(reminders[0].subject, f"Напоминание: завтра {title}")

    def test_the_police_are_told_of_a_large_meeting(self):
        mid, title = create_approved(expected_attendance="150")
        notify()
        notices = [m for m in SMTP.about(title) if m.to == POLICE]
        self.assertEqual(len(notices), 1)
        self.assertIn("около 150 человек", notices[0].text)
        self.assertIsNotNone(STACK.query("SELECT police_notified_at FROM meeting WHERE id = ?",
                                         (mid,))[0][0])
        small, small_title = create_approved(expected_attendance="40")
        notify()
        self.assertIn(MEDIA, recipients(SMTP.about(small_title)))
        self.assertEqual([m for m in SMTP.about(small_title) if m.to == POLICE], [])

    # ---- delivery ---------------------------------------------------------------------------------
    def test_mail_server_down_means_retries_then_delivery_with_nothing_lost_or_doubled(self):
        SMTP.stop()
        try:
            mid, title = create_approved()
            rc, out, _ = notify()
            self.assertEqual(rc, 0, out)   # a retry is not yet a matter for an operator
            self.assertIn("to retry 1,", out)
            mail = [r for r in outbox_of(mid) if r[1] == "mail"]
            self.assertTrue(mail)
            self.assertEqual({r[3] for r in mail}, {"pending"})
            failed = [r for r in mail if r[4] == 1]
            self.assertEqual(len(failed), 1, mail)   # the others wait without spending a try
            self.assertIn("connect", failed[0][5].lower())
            self.assertEqual(len(HOOK.delivered(mid)), 1)  # the webhook does not wait for mail
        finally:
            SMTP.start()
        notify()                              # the untried ones go at once
        notify("--now=@%d" % (time.time() + 120))  # the failed one after its 60 s
        got = recipients(SMTP.about(title))
        self.assertEqual(len(got), len(set(got)), got)
        self.assertEqual(len(got), len(mail))
        self.assertEqual({r[3] for r in outbox_of(mid)}, {"sent"})

    def test_a_notifier_killed_mid_delivery_loses_nothing(self):
        subscribers = [f"reader{n}@village.example" for n in range(6)]
        for n, address in enumerate(subscribers):
            STACK.execute("INSERT INTO subscription (email, territory_id, token, status, "
                          "created_at) VALUES (?, ?, ?, 'active', unixepoch())",
                          (address, TERRITORY_VILLAGE, f"village{n}"))
        mid, title = create_approved(territory=str(TERRITORY_VILLAGE), venue=str(VENUE_LIBRARY))
        SMTP.delay = 0.4
        try:
            p = subprocess.Popen([os.path.join(STACK.bin, "portal-notify"), "-c", STACK.conf],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.assertTrue(helpers.wait_for(lambda: len(SMTP.about(title)) >= 3, 30))
            p.send_signal(signal.SIGKILL)
            p.wait()
        finally:
            SMTP.delay = 0
        expected = len([r for r in outbox_of(mid) if r[1] == "mail"])
        self.assertLess(len(SMTP.about(title)), expected + 1)
        rc, out, _ = notify()
        self.assertEqual(rc, 0, out)
        got = recipients(SMTP.about(title))
        # A meeting of Берёзовка (issue 18): its subscribers, not Зеленоборск's paper and
        # whole-town subscriber (test_notify_scope.py covers who gets what).
        for address in subscribers + [SUBSCRIBER_OTHER]:
            self.assertIn(address, got)
        for address in (MEDIA, SUBSCRIBER_ALL):
            self.assertNotIn(address, got)
        self.assertEqual(len(set(got)), expected)
        self.assertLessEqual(len(got), expected + 1, got)  # at most the one in flight, twice
        self.assertEqual({r[3] for r in outbox_of(mid)}, {"sent"})

    def test_a_receiver_asking_to_wait_is_given_that_time(self):
        HOOK.statuses = [429]
        HOOK.retry_after = 3600
        mid, _ = create_approved()
        notify()
        hook = [r for r in outbox_of(mid) if r[1] == "webhook"][0]
        self.assertEqual((hook[3], hook[4], hook[5]), ("pending", 1, "HTTP 429"))
        self.assertGreaterEqual(hook[6], time.time() + 3500)
        notify("--now=@%d" % (time.time() + 600))
        self.assertEqual(HOOK.delivered(mid), [])
        notify("--now=@%d" % (time.time() + 3700))
        self.assertEqual(len(HOOK.delivered(mid)), 1)

    def test_refusals_are_retried_then_given_up_and_staff_send_them_again(self):
        HOOK.statuses = [500, 502, 503]
        mid, _ = create_approved()
        notify()
        now = time.time()
        notify("--now=@%d" % (now + 70))      # second try after 60 s
        rc, out, _ = notify("--now=@%d" % (now + 200))  # third after 120 s more: given up
        hook = [r for r in outbox_of(mid) if r[1] == "webhook"][0]
        self.assertEqual((hook[3], hook[4], hook[5]), ("dead", 3, "HTTP 503"))
        self.assertEqual(rc, 1, out)           # an operator is needed
        self.assertIn("given up 1;", out)

        home = helpers.text_of(helpers.main_of(USERS["organizer"].get("/admin").text))
        self.assertIn("1 сообщение не доставлено", home)
        page = USERS["organizer"].get("/admin/outbox")
        self.assertEqual(page.status, 200)
        text = helpers.text_of(helpers.main_of(page.text))
        self.assertIn("Не доставлены", text)
        self.assertIn("vk (публикация (webhook))", text)
        self.assertIn("HTTP 503", text)
        self.assertEqual(USERS["executor"].get("/admin/outbox").status, 403)
        self.assertEqual(USERS["secretary"].post(f"/admin/outbox/{hook[0]}/retry", {}).status,
                         403)
        r = USERS["organizer"].post(f"/admin/outbox/{hook[0]}/retry", {})
        self.assertEqual((r.status, r.header("Location")), (303, "/admin/outbox"))
        self.assertEqual(STACK.query("SELECT status, attempts FROM outbox WHERE id = ?",
                                     (hook[0],)), [("pending", 0)])
        self.assertEqual(STACK.query("SELECT action, login FROM audit_log WHERE entity = 'outbox' "
                                     "AND entity_id = ?", (hook[0],)),
                         [("outbox_retry", "organizer")])
        self.assertEqual(USERS["organizer"].post(f"/admin/outbox/{hook[0]}/retry", {}).status,
                         422)
        rc, out, _ = notify()
        self.assertEqual(len(HOOK.delivered(mid)), 1)
        self.assertIn("given up in all 0", out)
        self.assertEqual(rc, 0, out)
        self.assertNotIn("не доставлен", shown(self, USERS["organizer"].get("/admin"),
                                               "<h1>Рабочий стол</h1>").text)

    def test_a_message_given_up_on_can_be_discarded(self):
        mid, _ = create_approved()
        notify()
        row = outbox_of(mid)[0]
        STACK.execute("UPDATE outbox SET status = 'dead', last_error = 'SMTP 550: no such user' "
                      "WHERE id = ?", (row[0],))
        self.assertIn("SMTP 550", USERS["press"].get("/admin/outbox").text)
        r = USERS["press"].post(f"/admin/outbox/{row[0]}/discard", {})
        self.assertEqual(r.status, 303)
        self.assertEqual(STACK.query("SELECT status FROM outbox WHERE id = ?", (row[0],)),
                         [("discarded",)])
        self.assertNotIn("SMTP 550", shown(self, USERS["press"].get("/admin/outbox"),
                                           "<h1>Рассылка и публикации</h1>").text)
        self.assertEqual(USERS["press"].post("/admin/outbox/999999/discard", {}).status, 404)

    def test_without_a_mail_server_mail_waits_and_the_operator_is_told(self):
        mid, title = create_approved()
        conf = STACK.conf.replace("portal.ini", "no-mail.ini")
        with open(STACK.conf, encoding="utf-8") as f:
            text = re.sub(r"(?m)^smtp_url = .*$", "smtp_url =", f.read())
        with open(conf, "w", encoding="utf-8") as f:
            f.write(text)
        rc, out, _ = notify(conf=conf)
        self.assertEqual(rc, 1, out)
        self.assertIn("mail is not configured", out)
        mail = [r for r in outbox_of(mid) if r[1] == "mail"]
        self.assertEqual({(r[3], r[4]) for r in mail}, {("pending", 0)})
        self.assertEqual(SMTP.about(title), [])
        notify()
        self.assertEqual(len(SMTP.about(title)), len(mail))


if __name__ == "__main__":
    unittest.main()
