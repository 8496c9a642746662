"""The notice period per kind of meeting ([notice] in portal.ini) through HTTP and the notifier
on the real stack: public hearings given 10 days and forums 22 by a municipality's order, every
other kind keeping the acts' 5 days. Approval refuses a hearing 7 days ahead with the period and
the earliest date in Russian; the notifier alerts about a draft hearing earlier, records a
violation at the hearing's own deadline and names the period in the mail to the media; a period
below 5 days or for an unknown kind stops the programs at start-up."""

import os
import re
import subprocess
import unittest

import helpers
from helpers import day, local_input, main_of, shown, text_of, words
from receivers import SmtpServer
from staff import form_errors, start_staff_stack

STACK = SMTP = None
USERS = {}
MEDIA = "editor@gazeta.example"
TERRITORY_CENTRAL, VENUE_HALL = 3, 2


def setUpModule():
    global STACK, SMTP
    SMTP = SmtpServer().start()
    settings = {("mail", "smtp_url"): SMTP.url, ("mail", "from"): "noreply@zelenoborsk.example",
                ("notice", "public_hearing"): "10", ("notice", "forum"): "22"}
    STACK, _, signed = start_staff_stack(settings, with_token=True)
    USERS.update(signed)
    STACK.execute("UPDATE staff_user SET email = login || '@zelenoborsk.example'")
    STACK.execute("INSERT INTO media_contact (name, email) VALUES ('Газета «Вестник»', ?)",
                  (MEDIA,))


def tearDownModule():
    STACK.close()
    SMTP.stop()


def notify(*args):
    p = subprocess.run([os.path.join(STACK.bin, "portal-notify"), "-c", STACK.conf, *args],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode in (0, 1), p.stderr
    return p


def create(kind, days, venue=True):
    """A draft meeting of KIND DAYS days ahead at 18:00; (id, title)."""
    title = helpers.unique("Слушания" if kind == "public_hearing" else "Встреча")
    d = day(days)
    fields = {"kind": kind, "title": title, "territory": str(TERRITORY_CENTRAL),
              "starts_at": local_input(d, "18:00"), "ends_at": local_input(d, "20:00"),
              "host": "1", "expected_attendance": "40",
              "description": "Проект правил благоустройства."}
    if venue:
        fields["venue"] = str(VENUE_HALL)
    r = USERS["organizer"].post("/admin/meetings", fields)
    assert r.status == 303, (r.status, form_errors(r.text))
    return int(r.header("Location").rsplit("/", 1)[1]), title


def status_of(mid):
    return STACK.query("SELECT status FROM meeting WHERE id = ?", (mid,))[0][0]


class NoticePeriodTest(unittest.TestCase):
    def test_a_hearing_seven_days_ahead_is_refused_when_ten_are_configured(self):
        mid, title = create("public_hearing", 7)
        page = shown(self, USERS["organizer"].get(f"/admin/meetings/{mid}"), title).text
        self.assertIn(words(day(10)), text_of(main_of(page)))  # the earliest date offered
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/approve", {})
        shown(self, r, "Встречу нельзя провести так скоро: место и время встречи публикуются "
                       "не позднее чем за 10 дней, поэтому самая ранняя допустимая дата — "
                       f"{words(day(10))}", "как исключение из срока публикации", status=422)
        self.assertEqual(status_of(mid), "draft")
        # A controller's form names the period too, beside the exception field.
        r = USERS["controller"].post(f"/admin/meetings/{mid}/approve", {})
        shown(self, r, "не позднее чем за 10 дней", status=422)
        self.assertEqual(status_of(mid), "draft")
        # Ten days ahead is allowed; any other kind keeps the acts' 5 days.
        ok, _ = create("public_hearing", 10)
        r = USERS["organizer"].post(f"/admin/meetings/{ok}/approve", {})
        self.assertEqual(r.status, 303, form_errors(r.text))
        self.assertEqual(status_of(ok), "approved")
        gathering, _ = create("gathering", 7)
        r = USERS["organizer"].post(f"/admin/meetings/{gathering}/approve", {})
        self.assertEqual(r.status, 303, form_errors(r.text))
        five, _ = create("gathering", 4)
        r = USERS["organizer"].post(f"/admin/meetings/{five}/approve", {})
        shown(self, r, "не позднее чем за 5 дней", "исключение из правила пяти дней", status=422)

    def test_the_plural_follows_the_number_of_days(self):
        mid, _ = create("forum", 21)
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/approve", {})
        shown(self, r, "не позднее чем за 22 дня, поэтому самая ранняя допустимая дата — "
                       f"{words(day(22))}", status=422)

    def test_rescheduling_a_hearing_follows_its_period(self):
        mid, title = create("public_hearing", 12)
        self.assertEqual(USERS["organizer"].post(f"/admin/meetings/{mid}/approve", {}).status,
                         303)
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/postpone", {
            "new_starts_at": local_input(day(8), "18:00"),
            "new_ends_at": local_input(day(8), "20:00"),
            "postpone_reason": "Зал занят"})
        shown(self, r, "не позднее чем за 10 дней", status=422)
        self.assertEqual(STACK.query("SELECT count(*) FROM meeting_change WHERE meeting_id = ?",
                                     (mid,))[0][0], 0)

    def test_the_notifier_follows_the_hearings_period(self):
        # A draft hearing 11 days ahead is due for approval within two days: the organisers
        # are alerted; a draft gathering as far ahead is not yet.
        hearing, hearing_title = create("public_hearing", 11)
        gathering, gathering_title = create("gathering", 11)
        notify()
        helpers.wait_for(lambda: SMTP.about(hearing_title), 30)
        alerts = [m for m in SMTP.about(hearing_title)
                  if m.subject.startswith("Черновик не утверждён")]
        self.assertEqual([m.to for m in alerts], ["organizer@zelenoborsk.example"])
        self.assertIn("Чтобы опубликовать место и время не позднее чем за 10 дней, её нужно "
                      f"утвердить не позднее {words(day(1))}", alerts[0].text)
        self.assertEqual(SMTP.about(gathering_title), [])

        # Approved 12 days ahead, the mail to the media names the period and its last day.
        mid, title = create("public_hearing", 12)
        self.assertEqual(USERS["organizer"].post(f"/admin/meetings/{mid}/approve", {}).status,
                         303)
        notify()
        helpers.wait_for(lambda: [m for m in SMTP.about(title) if m.to == MEDIA], 30)
        media = [m for m in SMTP.about(title) if m.to == MEDIA][0]
        self.assertIn(f"Просим опубликовать анонс не позднее {words(day(2))}: место и время "
                      "встречи публикуются не позднее чем за 10 дней до неё.",
                      re.sub(r"\s+", " ", media.text))
        self.assertEqual(STACK.query("SELECT five_days_kept FROM announcement WHERE "
                                     "meeting_id = ?", (mid,)), [(1,)])

        # Approved without a place it cannot be announced: at its own deadline (10 days
        # before, not 5) it is a violation.
        late, late_title = create("public_hearing", 12, venue=False)
        self.assertEqual(USERS["organizer"].post(f"/admin/meetings/{late}/approve", {}).status,
                         303)
        notify("--now=" + local_input(day(2), "12:00"))
        self.assertEqual(STACK.query("SELECT count(*) FROM rule_violation WHERE meeting_id = ?",
                                     (late,))[0][0], 0)
        notify("--now=" + local_input(day(3), "00:30"))
        self.assertEqual(STACK.query("SELECT count(*) FROM rule_violation WHERE meeting_id = ?",
                                     (late,))[0][0], 1)
        helpers.wait_for(lambda: [m for m in SMTP.about(late_title)
                                  if m.subject.startswith("Нарушение срока анонса")], 30)
        alert = [m for m in SMTP.about(late_title)
                 if m.subject.startswith("Нарушение срока анонса")][0]
        self.assertIn("Нарушен срок публикации — не позднее чем за 10 дней до встречи: место и "
                      f"время встречи не опубликованы до {words(day(2))} включительно",
                      re.sub(r"\s+", " ", alert.text))


class StartUpTest(unittest.TestCase):
    def run_with(self, program, old, new):
        text = open(STACK.conf, encoding="utf-8").read()
        self.assertIn(old, text)
        # Beside the stack's own file, so that its relative paths name the same database.
        conf = os.path.join(os.path.dirname(STACK.conf), "portal-notice-test.ini")
        with open(conf, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new))
        try:
            return subprocess.run([os.path.join(STACK.bin, program), "-c", conf],
                                  capture_output=True, text=True, timeout=60)
        finally:
            os.unlink(conf)

    def test_a_period_below_five_days_stops_the_programs(self):
        for program in ("portal", "portal-notify"):
            p = self.run_with(program, "public_hearing = 10", "public_hearing = 3")
            self.assertNotEqual(p.returncode, 0, program)
            self.assertIn("[notice] public_hearing = 3: the place and time of every meeting are "
                          "published at least 5 days ahead", p.stderr, program)
        # The stack itself still answers.
        self.assertEqual(STACK.get("/meetings").status, 200)

    def test_an_unknown_kind_stops_the_portal(self):
        p = self.run_with("portal", "forum = 22", "forum_of_youth = 22")
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("[notice] forum_of_youth: no such kind of meeting", p.stderr)


if __name__ == "__main__":
    unittest.main()
