"""Protocols of meetings and the control of instructions (issue 5, items 2–5), driven over HTTP
as staff would: the protocol of a held meeting from draft to signature by its chair under the
chair's own account (edits refused after it; an administrator may only record a signature on
paper), an amendment shown on the site too, the handover to the control sector with its due date
of 5 working days across a holiday and the lateness flag (on the protocol and on the staff home
page), instructions that take force only with the signature and then go through their statuses
with who may take each step and the mail of each step, the appeals handed in at the meeting,
the public results on the meeting's page and the printable protocol without personal data (a
question is shown only when marked free of it, never a personal reception's), and the
notifier's digests."""

import datetime
import os
import re
import subprocess
import unittest

import helpers
from helpers import day, shown, words
from staff import Browser, form_errors, start_staff_stack

STACK = None
USERS = {}
LEADER_PASSWORD = "leader of group one"


def setUpModule():
    global STACK
    STACK, passwords, signed = start_staff_stack(with_token=True)
    USERS.update(signed)
    USERS["glava"] = signed_in("glava", passwords["glava"])  # the head: not these meetings' chair
    # The leader of information group № 1 (person 3, the chair of the meetings below) with an
    # account of her own: she signs their protocols.
    p = STACK.admin("user", "add", "leader", "controller", "--person", "3", "--email",
                    "ig1@zelenoborsk.example", input_text=LEADER_PASSWORD + "\n")
    assert p.returncode == 0, p.stderr
    USERS["leader"] = signed_in("leader", LEADER_PASSWORD)


def signed_in(login, password):
    """A Browser signed in as LOGIN with its form token read."""
    b = Browser(STACK)
    r = b.login(login, password)
    assert r.status == 303, (login, r.status)
    b.token = b.csrf("/admin")
    return b


def tearDownModule():
    STACK.close()


def user_id(login):
    return STACK.query("SELECT id FROM staff_user WHERE login = ?", (login,))[0][0]


def held_meeting(days_ago, title=None, host=3, group=None):
    """A meeting held DAYS_AGO days ago at 18:00 local time (no protocol yet) hosted by person
    HOST, of information group GROUP if given; its id."""
    d = day(-days_ago)
    title = title or helpers.unique("Встреча")
    conn = STACK.db()
    try:
        cur = conn.execute(
            "INSERT INTO meeting (kind, title, territory_id, venue_id, starts_at, ends_at, "
            "host_id, status, attendance, announced_at, group_id) VALUES ('group_field', ?, 4, 3, "
            "?, ?, ?, 'held', 35, ?, ?)",
            (title, helpers.epoch(d, "18:00"), helpers.epoch(d, "19:30"), host,
             helpers.epoch(d, "18:00") - 10 * 86400, group))
        conn.commit()
        return cur.lastrowid
    finally:
        conn.close()


def save(mid, role="secretary", **over):
    """Save the draft protocol of meeting MID (number MID-П: numbers are unique in a year)."""
    fields = {"protocol_number": f"{mid}-П", "held_on": day(-2).isoformat(),
              "place": "Школа № 3, актовый зал", "chair": "3", "secretary": "9",
              "attendance": "35", "official": ["1", "9"],
              "question": ["Когда починят освещение во дворе дома 5?", "Будет ли ремонт крыши?", ""],
              "question_answer": ["Освещение починят до 1 декабря.", "", ""],
              "decisions": "Включить ремонт освещения в план работ на декабрь.",
              "photo_url": "https://zelenoborsk.example/photo/7", "video_url": ""}
    fields.update(over)
    return USERS[role].post(f"/admin/meetings/{mid}/protocol", fields)


def instruct(mid, role="secretary", executor="executor", **over):
    fields = {"instruction": "Восстановить освещение во дворе дома 5.",
              "executor": str(user_id(executor)), "unit": "Отдел ЖКХ",
              "due_on": day(10).isoformat(), "controller": str(user_id("controller"))}
    fields.update(over)
    r = USERS[role].post(f"/admin/meetings/{mid}/protocol/instructions", fields)
    return r


def last_instruction():
    return STACK.query("SELECT max(id) FROM instruction")[0][0]


def revision(mid):
    """The revision of the protocol of meeting MID the signing form would show (0 without one)."""
    rows = STACK.query("SELECT revision FROM protocol WHERE meeting_id = ?", (mid,))
    return str(rows[0][0]) if rows else "0"


def sign(mid, role="leader", read=None):
    """The chair (by default) signs the protocol of meeting MID as read at revision READ (by
    default the present one); the answer."""
    return USERS[role].post(f"/admin/meetings/{mid}/protocol/sign",
                            {"revision": read if read is not None else revision(mid)})


def outbox(key_prefix):
    """(recipient, subject, body) of the outbox messages whose key starts with KEY_PREFIX."""
    return STACK.query("SELECT recipient, subject, body FROM outbox WHERE dedup_key LIKE ? "
                       "ORDER BY id", (key_prefix + "%",))


def protocol_row(mid):
    rows = STACK.query("SELECT id, number, signed_at IS NOT NULL, handed_at IS NOT NULL "
                       "FROM protocol WHERE meeting_id = ?", (mid,))
    return rows[0] if rows else None


def text(page):
    return helpers.text_of(helpers.main_of(page.text))


def title_of(mid):
    """The title of meeting MID, which heads its pages."""
    return STACK.query("SELECT title FROM meeting WHERE id = ?", (mid,))[0][0]


class ProtocolTest(unittest.TestCase):
    maxDiff = None

    def test_life_cycle_draft_sign_amend(self):
        mid = held_meeting(2)
        page = USERS["secretary"].get(f"/admin/meetings/{mid}/protocol")
        self.assertEqual(page.status, 200)
        self.assertIn("не составлен", text(page))
        r = save(mid)
        self.assertEqual(r.status, 303, form_errors(r.text))
        pid, number, signed, handed = protocol_row(mid)
        self.assertEqual((number, signed, handed), (f"{mid}-П", 0, 0))
        self.assertEqual(STACK.query("SELECT question, answer FROM protocol_question "
                                     "WHERE protocol_id = ? ORDER BY position", (pid,)),
                         [("Когда починят освещение во дворе дома 5?",
                           "Освещение починят до 1 декабря."), ("Будет ли ремонт крыши?", "")])
        self.assertEqual(STACK.query("SELECT person_id FROM protocol_official WHERE protocol_id = ? "
                                     "ORDER BY person_id", (pid,)), [(1,), (9,)])
        page = text(USERS["organizer"].get(f"/admin/meetings/{mid}/protocol"))
        self.assertIn("черновик", page)
        self.assertIn("Соколова Анна Викторовна — Глава городского поселения Зеленоборск", page)
        # The meeting's staff page links to it.
        self.assertIn(f'href="/admin/meetings/{mid}/protocol"',
                      USERS["organizer"].get(f"/admin/meetings/{mid}").text)
        # Invalid input is refused beside the fields and kept.
        r = save(mid, chair="9999", question=["", "Вопрос"],
                 question_answer=["Ответ без вопроса", ""])
        self.assertEqual(r.status, 422)
        errors = " ".join(form_errors(r.text))
        self.assertIn("председательствующий: выберите из списка", errors)
        self.assertIn("у ответа нет вопроса", errors)
        self.assertIn("Ответ без вопроса", r.text)
        # The chair signs: the secretary, the sector and the control sector may not, and the
        # page says who does.
        for role in ("secretary", "organizer", "controller", "glava"):
            r = sign(mid, role)
            self.assertEqual(r.status, 403, role)
            self.assertIn("Протокол подписывает председательствующий — Кузнецова Ольга "
                          "Николаевна", text(r))
        self.assertIn("Протокол подписывает председательствующий — Кузнецова Ольга Николаевна — "
                      "под своей учётной записью",
                      text(USERS["secretary"].get(f"/admin/meetings/{mid}/protocol")))
        page = USERS["leader"].get(f"/admin/meetings/{mid}/protocol").text
        self.assertIn(f'action="/admin/meetings/{mid}/protocol/sign"', page)
        r = sign(mid)
        self.assertEqual(r.status, 303, r.text[-800:])
        self.assertEqual(protocol_row(mid)[2], 1)
        self.assertEqual(STACK.query("SELECT u.login FROM protocol p JOIN staff_user u "
                                     "ON u.id = p.signed_by WHERE p.meeting_id = ?", (mid,)),
                         [("leader",)])
        page = text(USERS["secretary"].get(f"/admin/meetings/{mid}/protocol"))
        self.assertRegex(page, r"подписан \d+ \w+ \d{4} г\., \d\d:\d\d — Кузнецова Ольга "
                               r"Николаевна Передать")
        # Signed: edits and new instructions are refused.
        r = save(mid, decisions="Другое решение")
        self.assertEqual(r.status, 422)
        self.assertIn("внесите исправление", r.text)
        self.assertEqual(instruct(mid).status, 422)
        self.assertEqual(STACK.query("SELECT decisions FROM protocol WHERE id = ?", (pid,))[0][0],
                         "Включить ремонт освещения в план работ на декабрь.")
        self.assertEqual(sign(mid).status, 422)
        # An amendment: text and reason, who and when, shown after the protocol.
        r = USERS["secretary"].post(f"/admin/meetings/{mid}/protocol/amend",
                                    {"amendment": "Число присутствовавших читать: 37.",
                                     "reason": "Ошибка при подсчёте.", "amendment_public": "1"})
        self.assertEqual(r.status, 303, form_errors(r.text))
        self.assertEqual(STACK.query("SELECT a.text, a.reason, u.login FROM protocol_amendment a "
                                     "JOIN staff_user u ON u.id = a.user_id WHERE protocol_id = ?",
                                     (pid,)),
                         [("Число присутствовавших читать: 37.", "Ошибка при подсчёте.",
                           "secretary")])
        page = text(USERS["secretary"].get(f"/admin/meetings/{mid}/protocol"))
        self.assertIn("Число присутствовавших читать: 37.", page)
        self.assertIn("Причина: Ошибка при подсчёте", page)
        self.assertEqual(USERS["secretary"].post(f"/admin/meetings/{mid}/protocol/amend",
                                                 {"amendment": "", "reason": ""}).status, 422)
        self.assertEqual(
            STACK.query("SELECT action FROM audit_log WHERE entity = 'protocol' AND entity_id = ? "
                        "ORDER BY id", (pid,)), [("create",), ("sign",), ("amend",)])
        # Marked free of personal data, the amendment is on the site too, with the meeting's
        # results and the printable protocol, without who made it; an unmarked one is not.
        r = USERS["secretary"].post(f"/admin/meetings/{mid}/protocol/amend",
                                    {"amendment": "Вопрос 2 задала Иванова И. И., ул. Лесная, 5.",
                                     "reason": "Уточнение"})
        self.assertEqual(r.status, 303, form_errors(r.text))
        self.assertIn("На сайте не показывается.",
                      text(USERS["secretary"].get(f"/admin/meetings/{mid}/protocol")))
        for path in (f"/meetings/{mid}", f"/meetings/{mid}/protocol"):
            public = text(shown(self, STACK.get(path)))
            self.assertIn("Число присутствовавших читать: 37.", public)
            self.assertIn("Причина: Ошибка при подсчёте. Внесено", public)
            self.assertNotIn("г..", public)
            self.assertNotIn("Иванова", public)
            self.assertNotIn("Секретарь информационной группы", public.split("Исправления")[-1])
        # The meeting's attendance became the protocol's, recorded as a change of the meeting.
        self.assertEqual(STACK.query("SELECT attendance FROM meeting WHERE id = ?", (mid,)),
                         [(35,)])
        self.assertEqual(len(STACK.query("SELECT 1 FROM audit_log WHERE entity = 'meeting' AND "
                                         "entity_id = ? AND action = 'attendance_from_protocol'",
                                         (mid,))), 0)  # both said 35: nothing changed

    def test_signature_on_paper_by_an_administrator(self):
        # The chair (person 2, the deputy head, who hosted it) has no account: an administrator
        # records that the paper protocol was signed, and the page says who recorded it.
        mid = held_meeting(2, host=2)
        self.assertEqual(save(mid, chair="2", protocol_number="8-П").status, 303)
        page = text(USERS["secretary"].get(f"/admin/meetings/{mid}/protocol"))
        self.assertIn("У председательствующего нет учётной записи на портале: подпись на "
                      "бумажном протоколе отмечает администратор", page)
        self.assertEqual(sign(mid, "leader").status, 403)
        admin_page = USERS["admin"].get(f"/admin/meetings/{mid}/protocol")
        self.assertIn("Отметить подпись председательствующего", admin_page.text)
        self.assertEqual(sign(mid, "admin").status, 303)
        page = text(USERS["secretary"].get(f"/admin/meetings/{mid}/protocol"))
        self.assertIn("— Петров Игорь Сергеевич (на бумаге; отметка на портале — Администратор "
                      "портала)", page)
        # What happened is kept: linking the administrator's account to the chair later does
        # not make it look like the chair's own signature.
        STACK.execute("UPDATE staff_user SET person_id = 2 WHERE login = 'admin'")
        try:
            page = text(USERS["secretary"].get(f"/admin/meetings/{mid}/protocol"))
            self.assertIn("(на бумаге; отметка на портале — Администратор портала)", page)
        finally:
            STACK.execute("UPDATE staff_user SET person_id = NULL WHERE login = 'admin'")
        # A chair with an account signs for themselves: no paper record by an administrator.
        other = held_meeting(2)
        self.assertEqual(save(other).status, 303)  # chaired by the group's leader, who has one
        self.assertNotIn("Отметить подпись председательствующего",
                         shown(self, USERS["admin"].get(f"/admin/meetings/{other}/protocol"),
                               "Протокол подписывает председательствующий").text)
        self.assertEqual(sign(other, "admin").status, 403)
        self.assertEqual(protocol_row(other)[2], 0)

    def test_nobody_names_themselves_the_chair(self):
        # A secretary whose account belongs to a deputy (person 4) may not make himself the
        # chair of a group meeting he neither hosted nor led — and so its signer — and nor may
        # anyone else name him.
        p = STACK.admin("user", "add", "morozov", "secretary", "--person", "4",
                        input_text="secretary and deputy\n")
        self.assertEqual(p.returncode, 0, p.stderr)
        morozov = signed_in("morozov", "secretary and deputy")
        mid = held_meeting(2)
        r = morozov.post(f"/admin/meetings/{mid}/protocol", {
            "protocol_number": f"{mid}-П", "held_on": day(-2).isoformat(), "chair": "4",
            "decisions": "Решение"})
        self.assertEqual(r.status, 422)
        self.assertIn("председательствующий: председательствует ведущий встречи или "
                      "руководитель информационной группы на день встречи",
                      " ".join(form_errors(r.text)))
        self.assertIsNone(protocol_row(mid))
        self.assertEqual(save(mid, role="organizer", chair="4").status, 422)
        self.assertIsNone(protocol_row(mid))
        # A meeting he hosted: named by someone else, he chairs and signs; his own later saves
        # keep it.
        hosted = held_meeting(2, host=4)
        self.assertEqual(save(hosted, role="organizer", chair="4").status, 303)
        r = morozov.post(f"/admin/meetings/{hosted}/protocol", {
            "protocol_number": f"{hosted}-П", "held_on": day(-2).isoformat(), "chair": "4",
            "decisions": "Решение уточнено"})
        self.assertEqual(r.status, 303, form_errors(r.text))
        self.assertEqual(morozov.post(f"/admin/meetings/{hosted}/protocol/sign",
                                      {"revision": revision(hosted)}).status, 303)
        self.assertEqual(protocol_row(hosted)[2], 1)

    def test_a_leader_named_after_the_meeting_does_not_chair_it(self):
        """Issue 21, item 17: an organizer (who may edit information groups) makes the person of
        their own account the group's leader, names that person the chair of a held meeting's
        protocol and signs it. Refused: the chair is the leader on the day of the meeting."""
        STACK.execute("UPDATE staff_user SET person_id = 6 WHERE login = 'organizer'")
        group = STACK.query("SELECT name, territory_id, leader_id, secretary_id FROM info_group "
                            "WHERE id = 1")[0]
        members = [str(r[0]) for r in STACK.query(
            "SELECT person_id FROM info_group_member WHERE group_id = 1 ORDER BY person_id")]

        def set_leader(person):
            fields = {"name": group[0], "territory": str(group[1]), "leader": str(person),
                      "secretary": str(group[3] or ""),
                      "member": [m for m in members if m not in (str(person), str(group[3]))]}
            r = USERS["organizer"].post("/admin/groups/1", fields)
            self.assertEqual(r.status, 303, form_errors(r.text))

        try:
            mid = held_meeting(2, host=2, group=1)  # led by group 1's leader (person 3) then
            set_leader(6)
            self.assertEqual(STACK.query("SELECT leader_id FROM info_group WHERE id = 1"), [(6,)])
            r = USERS["organizer"].post(f"/admin/meetings/{mid}/protocol", {
                "protocol_number": f"{mid}-П", "held_on": day(-2).isoformat(), "chair": "6",
                "decisions": "Поручить отделу благоустройства всё"})
            self.assertEqual(r.status, 422)
            self.assertIn("руководитель информационной группы на день встречи",
                          " ".join(form_errors(r.text)))
            self.assertIsNone(protocol_row(mid))
            # Nor can an honest secretary name the new leader for that meeting.
            self.assertEqual(save(mid, chair="6").status, 422)
            self.assertIsNone(protocol_row(mid))
            # A protocol left with such a chair (from before this rule) is not signed either.
            self.assertEqual(save(mid, chair="3").status, 303)
            STACK.execute("UPDATE protocol SET chair_id = 6, chair_set_by = NULL "
                          "WHERE meeting_id = ?", (mid,))
            r = USERS["organizer"].post(f"/admin/meetings/{mid}/protocol/sign",
                                        {"revision": revision(mid)})
            self.assertEqual(r.status, 422)
            self.assertEqual(protocol_row(mid)[2], 0)
            # The leader on the day (person 3) chairs it and signs.
            self.assertEqual(save(mid, chair="3").status, 303)
            self.assertEqual(sign(mid).status, 303)
            self.assertEqual(protocol_row(mid)[2], 1)
        finally:
            set_leader(group[2])
            STACK.execute("UPDATE staff_user SET person_id = NULL WHERE login = 'organizer'")

    def test_nobody_signs_a_protocol_whose_chair_they_named(self):
        """Issue 21, item 17: a host who writes the protocol and names themselves the chair
        cannot sign it until someone else confirms the chair by saving the protocol."""
        p = STACK.admin("user", "add", "sokolova", "secretary", "--person", "7",
                        input_text="secretary who hosts\n")
        self.assertEqual(p.returncode, 0, p.stderr)
        sokolova = signed_in("sokolova", "secretary who hosts")
        mid = held_meeting(2, host=7)
        r = sokolova.post(f"/admin/meetings/{mid}/protocol", {
            "protocol_number": f"{mid}-П", "held_on": day(-2).isoformat(), "chair": "7",
            "decisions": "Решение"})
        self.assertEqual(r.status, 303, form_errors(r.text))
        page = sokolova.get(f"/admin/meetings/{mid}/protocol")
        self.assertEqual(page.status, 200)
        self.assertIn("Председательствующим вы указали себя сами", text(page))
        self.assertNotIn(">Подписать</button>", page.text)
        r = sokolova.post(f"/admin/meetings/{mid}/protocol/sign", {"revision": revision(mid)})
        self.assertEqual(r.status, 403)
        self.assertIn("Председательствующего в этом протоколе указали вы сами", text(r))
        self.assertEqual(protocol_row(mid)[2], 0)
        # Her own later saves do not confirm it.
        r = sokolova.post(f"/admin/meetings/{mid}/protocol", {
            "protocol_number": f"{mid}-П", "held_on": day(-2).isoformat(), "chair": "7",
            "decisions": "Решение уточнено"})
        self.assertEqual(r.status, 303, form_errors(r.text))
        self.assertEqual(sokolova.post(f"/admin/meetings/{mid}/protocol/sign",
                                       {"revision": revision(mid)}).status, 403)
        # Another secretary saves it with that chair: confirmed, the chair signs.
        self.assertEqual(save(mid, chair="7").status, 303)
        self.assertIn(">Подписать</button>", sokolova.get(f"/admin/meetings/{mid}/protocol").text)
        self.assertEqual(sokolova.post(f"/admin/meetings/{mid}/protocol/sign",
                                       {"revision": revision(mid)}).status, 303)
        self.assertEqual(protocol_row(mid)[2], 1)

    def test_the_chair_signs_what_they_read(self):
        mid = held_meeting(2)
        self.assertEqual(save(mid).status, 303)
        page = USERS["leader"].get(f"/admin/meetings/{mid}/protocol").text
        read = re.search(r'name="revision" value="(\d+)"', page).group(1)
        # The secretary changes the decisions while the chair reads.
        self.assertEqual(save(mid, decisions="Совсем другое решение").status, 303)
        r = sign(mid, read=read)
        self.assertEqual(r.status, 422)
        self.assertIn("Протокол изменился после того, как вы открыли страницу", text(r))
        self.assertEqual(protocol_row(mid)[2], 0)
        # So does a proposal added or deleted.
        read = revision(mid)
        self.assertEqual(instruct(mid).status, 303)
        self.assertEqual(sign(mid, read=read).status, 422)
        read = revision(mid)
        self.assertEqual(USERS["secretary"].post(
            f"/admin/instructions/{last_instruction()}/delete", {}).status, 303)
        self.assertEqual(sign(mid, read=read).status, 422)
        self.assertEqual(sign(mid).status, 303)
        self.assertEqual(STACK.query("SELECT decisions FROM protocol WHERE meeting_id = ?",
                                     (mid,)), [("Совсем другое решение",)])

    def test_a_chair_of_any_role_reads_the_protocol(self):
        # The director of the timber works (person 8) with an executor's account chairs a
        # meeting: he may read its protocol to sign it; another executor may not.
        p = STACK.admin("user", "add", "zakharov", "executor", "--person", "8", "--email",
                        "lpk@zelenoborsk.example", input_text="director of the works\n")
        self.assertEqual(p.returncode, 0, p.stderr)
        zakharov = signed_in("zakharov", "director of the works")
        mid = held_meeting(2, host=8)
        self.assertEqual(save(mid, chair="8").status, 303)
        page = zakharov.get(f"/admin/meetings/{mid}/protocol")
        self.assertEqual(page.status, 200)
        self.assertIn(f'action="/admin/meetings/{mid}/protocol/sign"', page.text)
        self.assertNotIn('action="/admin/meetings/', page.text.split("protocol/sign")[1])
        self.assertEqual(USERS["executor"].get(f"/admin/meetings/{mid}/protocol").status, 403)
        self.assertEqual(zakharov.post(f"/admin/meetings/{mid}/protocol/sign",
                                     {"revision": revision(mid)}).status, 303)

    def test_an_administrator_links_an_account_to_its_person(self):
        # A deputy (person 5) gets an account; the administrator says whose it is on its page,
        # and from then on she signs the protocols she chairs.
        p = STACK.admin("user", "add", "vasilieva", "executor", input_text="deputy's password\n")
        self.assertEqual(p.returncode, 0, p.stderr)
        uid = user_id("vasilieva")
        page = USERS["admin"].get(f"/admin/users/{uid}").text
        self.assertIn('<option value="5">Васильева Елена Петровна, Депутат Думы Советского '
                      'района</option>', page)
        r = USERS["admin"].post(f"/admin/users/{uid}", {"full_name": "Васильева Е. П.",
                                                          "email": "", "person": "5"})
        self.assertEqual(r.status, 303, form_errors(r.text))
        self.assertEqual(STACK.query("SELECT person_id FROM staff_user WHERE id = ?", (uid,)),
                         [(5,)])
        self.assertIn("в справочнике: Васильева Елена Петровна",
                      text(USERS["admin"].get("/admin/users")))
        # One account per person, and only people of the directory.
        r = USERS["admin"].post(f"/admin/users/{user_id('press')}",
                                {"full_name": "Пресс-служба", "email": "", "person": "5"})
        self.assertEqual(r.status, 422)
        self.assertIn("человек в справочнике: с этим человеком уже связана другая учётная запись",
                      " ".join(form_errors(r.text)))
        self.assertIn('<option value="5" selected>', r.text)
        r = USERS["admin"].post(f"/admin/users/{uid}", {"person": "9999"})
        self.assertEqual(r.status, 422)
        self.assertIn("выберите из списка", " ".join(form_errors(r.text)))
        self.assertEqual(STACK.query("SELECT person_id FROM staff_user WHERE id = ?",
                                     (user_id("press"),)), [(None,)])
        deputy = signed_in("vasilieva", "deputy's password")
        mid = held_meeting(2, host=5)
        self.assertEqual(save(mid, chair="5").status, 303)
        self.assertEqual(deputy.post(f"/admin/meetings/{mid}/protocol/sign",
                                     {"revision": revision(mid)}).status, 303)
        self.assertEqual(sign(mid).status, 422)  # signed already
        # Unlinked again, she no longer signs.
        r = USERS["admin"].post(f"/admin/users/{uid}", {"full_name": "Васильева Е. П.",
                                                          "email": "", "person": ""})
        self.assertEqual(r.status, 303)
        self.assertEqual(STACK.query("SELECT person_id FROM staff_user WHERE id = ?", (uid,)),
                         [(None,)])
        other = held_meeting(2, host=5)
        self.assertEqual(save(other, chair="5").status, 303)
        self.assertEqual(deputy.post(f"/admin/meetings/{other}/protocol/sign",
                                     {"revision": revision(other)}).status, 403)

    def test_signing_needs_a_chair_a_number_and_decisions(self):
        mid = held_meeting(2)
        self.assertEqual(save(mid, chair="", protocol_number="9-П").status, 303)
        r = sign(mid, "admin")
        self.assertEqual(r.status, 422)
        self.assertIn("Укажите в протоколе председательствующего", text(r))
        self.assertIn("Укажите председательствующего: протокол подписывает он.",
                      text(USERS["secretary"].get(f"/admin/meetings/{mid}/protocol")))
        self.assertEqual(save(mid, protocol_number="", decisions="").status, 303)
        r = sign(mid)
        self.assertEqual(r.status, 422)
        self.assertIn("укажите номер протокола и принятые решения", text(r))
        self.assertEqual(protocol_row(mid)[2], 0)

    def test_draft_fields_are_checked_beside_them(self):
        mid = held_meeting(3)
        other = held_meeting(3)
        self.assertEqual(save(other, protocol_number="11-П", held_on=day(-3).isoformat()).status,
                         303)
        cases = [
            ({"held_on": day(1).isoformat()}, "дата: не позже сегодняшнего дня"),
            ({"held_on": day(-4).isoformat()}, f"дата: не раньше дня встречи, {words(day(-3))}"),
            ({"protocol_number": "11-П", "held_on": day(-3).isoformat()},
             f"номер протокола: этот номер в {day(-3).year} году уже у протокола встречи"),
            ({"protocol_number": "Н" * 41}, "номер протокола: не длиннее 40 символов"),
            ({"place": "М" * 301}, "место: не длиннее 300 символов"),
        ]
        for fields, message in cases:
            with self.subTest(fields=list(fields)):
                r = save(mid, **fields)
                self.assertEqual(r.status, 422)
                errors = form_errors(r.text)
                self.assertTrue(any(message in e for e in errors), errors)
                # Beside the field, not only in the summary, with the input kept.
                name = next(iter(fields))
                self.assertIn(f'id="e-{name}"', r.text)
                self.assertIn(f'value="{fields[name]}"', r.text)
        self.assertIsNone(protocol_row(mid))

    def test_only_a_held_meeting_has_a_protocol(self):
        planned = STACK.query("SELECT id FROM meeting WHERE status = 'approved' LIMIT 1")[0][0]
        self.assertEqual(USERS["organizer"].get(f"/admin/meetings/{planned}/protocol").status, 404)
        self.assertEqual(save(planned).status, 404)
        self.assertEqual(USERS["press"].post(f"/admin/meetings/{planned}/protocol", {}).status,
                         403)

    def test_handover_due_and_lateness(self):
        title = helpers.unique("Поздний протокол")
        mid = held_meeting(30, title)
        home = USERS["organizer"].get("/admin").text
        item = re.search(rf'<li><a href="/admin/meetings/{mid}/protocol">.*?</li>', home)
        self.assertIsNotNone(item, home[-3000:])
        self.assertIn("протокол не составлен, передать до", helpers.text_of(item.group(0)))
        self.assertIn("просрочено", helpers.text_of(item.group(0)))
        page = text(USERS["organizer"].get(f"/admin/meetings/{mid}/protocol"))
        self.assertRegex(page, r"не передан — просрочено на \d+ д")
        self.assertEqual(save(mid, held_on=day(-30).isoformat()).status, 303)
        # Not signed yet: cannot be handed over.
        self.assertEqual(USERS["organizer"].post(f"/admin/meetings/{mid}/protocol/handover",
                                                 {}).status, 422)
        self.assertEqual(sign(mid).status, 303)
        self.assertEqual(USERS["organizer"].post(f"/admin/meetings/{mid}/protocol/handover",
                                                 {}).status, 303)
        self.assertEqual(protocol_row(mid)[3], 1)
        page = text(USERS["organizer"].get(f"/admin/meetings/{mid}/protocol"))
        self.assertRegex(page, r"передан .* — передан с опозданием на \d+ д")
        self.assertNotIn(f'href="/admin/meetings/{mid}/protocol"',
                         shown(self, USERS["organizer"].get("/admin"),
                               "<h1>Рабочий стол</h1>").text)
        self.assertEqual(USERS["organizer"].post(f"/admin/meetings/{mid}/protocol/handover",
                                                 {}).status, 422)

    def test_handover_in_time_is_not_flagged(self):
        mid = held_meeting(0)
        self.assertEqual(save(mid, held_on=day(0).isoformat()).status, 303)
        page = text(shown(self, USERS["organizer"].get(f"/admin/meetings/{mid}/protocol"),
                          "Передать в сектор контроля не позднее"))
        self.assertNotIn("просрочено", page)
        self.assertEqual(sign(mid).status, 303)
        self.assertEqual(USERS["controller"].post(f"/admin/meetings/{mid}/protocol/handover",
                                                  {}).status, 303)
        page = text(shown(self, USERS["organizer"].get(f"/admin/meetings/{mid}/protocol")))
        self.assertIn("передан", page)
        self.assertNotIn("опозданием", page)

    def test_handover_due_date_skips_the_november_holiday(self):
        # Friday 30 October 2026: 2, 3, 5, 6, 9 November are the five working days after it
        # (4 November is a holiday), so the protocol is due on 9 November, not 6.
        d = datetime.date(2026, 10, 30)
        conn = STACK.db()
        try:
            mid = conn.execute(
                "INSERT INTO meeting (kind, title, territory_id, venue_id, starts_at, ends_at, "
                "host_id, status, attendance) VALUES ('group_field', ?, 4, 3, ?, ?, 3, 'held', 20)",
                (helpers.unique("Перед праздником"), helpers.epoch(d, "18:00"),
                 helpers.epoch(d, "19:00"))).lastrowid
            conn.commit()
        finally:
            conn.close()
        page = text(USERS["organizer"].get(f"/admin/meetings/{mid}/protocol"))
        self.assertIn("Передать в сектор контроля не позднее 9 ноября 2026 г.", page)
        home = USERS["organizer"].get("/admin").text
        item = re.search(rf'<li><a href="/admin/meetings/{mid}/protocol">.*?</li>', home, re.S)
        self.assertIsNotNone(item)
        self.assertIn("протокол не составлен, передать до 9 ноября 2026 г.",
                      helpers.text_of(item.group(0)))

    def test_old_meetings_without_a_protocol_stay_on_the_home_page(self):
        mid = held_meeting(200, helpers.unique("Давняя встреча"))
        home = USERS["organizer"].get("/admin").text
        self.assertIn(f'<li><a href="/admin/meetings/{mid}/protocol">', home)

    def test_instruction_statuses_and_permissions(self):
        mid = held_meeting(3)
        self.assertEqual(save(mid).status, 303)
        r = instruct(mid)
        self.assertEqual(r.status, 303, form_errors(r.text))
        iid = last_instruction()
        r = instruct(mid, executor="organizer", instruction="Проверить состояние крыши дома 7.")
        self.assertEqual(r.status, 303, form_errors(r.text))
        other = last_instruction()
        # Refused: a controller who is the executor, a due date in the past.
        r = instruct(mid, executor="controller", due_on=day(-1).isoformat())
        self.assertEqual(r.status, 422)
        errors = " ".join(form_errors(r.text))
        self.assertIn("не может контролировать сам себя", errors)
        self.assertIn(f"срок исполнения: не раньше {words(day(0))}", errors)
        ex = USERS["executor"]
        # A proposal of the draft: not the executor's yet, no step possible, no mail.
        self.assertNotIn(f'href="/admin/instructions/{iid}"',
                         shown(self, ex.get("/admin/instructions"), "<h1>Поручения</h1>").text)
        self.assertEqual(ex.get(f"/admin/instructions/{iid}").status, 404)
        self.assertEqual(ex.post(f"/admin/instructions/{iid}/start", {}).status, 404)
        r = USERS["controller"].post(f"/admin/instructions/{iid}/cancel",
                                     {"cancel_reason": "Не нужно"})
        self.assertEqual(r.status, 422)
        self.assertIn("Поручение ещё не вступило в силу: протокол встречи не подписан", text(r))
        self.assertIn("проект: вступит в силу после подписания протокола",
                      text(USERS["secretary"].get(f"/admin/instructions/{iid}")))
        self.assertEqual(outbox(f"instruction:{iid}:"), [])
        # Signing puts them in force and mails each executor theirs (regulation № 44 on information
        # groups §3.6.7).
        self.assertEqual(sign(mid).status, 303)
        mail = outbox(f"instruction:{iid}:")
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail[0][:2], ("executor@zelenoborsk.example", f"Поручение № {iid}"))
        self.assertIn("Восстановить освещение во дворе дома 5.", mail[0][2])
        self.assertIn(f"Срок исполнения: {words(day(10))}\n", mail[0][2])
        self.assertNotIn("г..", mail[0][2])
        self.assertIn(f"/admin/instructions/{iid}", mail[0][2])
        self.assertEqual(outbox(f"instruction:{other}:")[0][0], "organizer@zelenoborsk.example")
        # The executor sees their own only.
        listing = shown(self, ex.get("/admin/instructions")).text
        self.assertIn(f'href="/admin/instructions/{iid}"', listing)
        self.assertNotIn(f'href="/admin/instructions/{other}"', listing)
        self.assertEqual(ex.get(f"/admin/instructions/{other}").status, 403)
        self.assertEqual(ex.post(f"/admin/instructions/{other}/start", {}).status, 403)
        self.assertEqual(ex.post(f"/admin/instructions/{other}/report",
                                 {"report": "Сделано"}).status, 403)
        # assigned → in_progress → reported.
        self.assertEqual(ex.post(f"/admin/instructions/{iid}/report", {"report": "Рано"}).status,
                         422)
        self.assertEqual(ex.post(f"/admin/instructions/{iid}/start", {}).status, 303)
        self.assertEqual(ex.post(f"/admin/instructions/{iid}/report",
                                 {"report": "Заменены два светильника."}).status, 303)
        # The executor cannot accept their own; a controller who is not theirs… the admin can.
        self.assertEqual(ex.post(f"/admin/instructions/{iid}/accept", {}).status, 403)
        self.assertEqual(USERS["organizer"].post(f"/admin/instructions/{iid}/accept", {}).status,
                         403)
        # The controller is told of the report.
        mail = outbox(f"instruction:{iid}:")
        self.assertEqual(mail[-1][:2], ("controller@zelenoborsk.example",
                                        f"Доложено об исполнении поручения № {iid}"))
        self.assertIn("Заменены два светильника.", mail[-1][2])
        # Returning needs a reason: the error stands beside the return form's field.
        r = USERS["controller"].post(f"/admin/instructions/{iid}/return", {"reason": ""})
        self.assertEqual(r.status, 422)
        self.assertIn('id="e-reason"', r.text)
        self.assertNotIn('id="e-cancel_reason"', r.text)
        self.assertIn('<a href="#f-reason">', r.text)
        self.assertIn('id="f-reason" name="reason"', r.text)
        # Returned for rework with the reason, in progress again, reported, accepted.
        self.assertEqual(USERS["controller"].post(f"/admin/instructions/{iid}/return",
                                                  {"reason": "Нет фотографии"}).status, 303)
        mail = outbox(f"instruction:{iid}:")
        self.assertEqual(mail[-1][:2], ("executor@zelenoborsk.example",
                                        f"Поручение № {iid} возвращено на доработку"))
        self.assertIn("Нет фотографии", mail[-1][2])
        page = text(ex.get(f"/admin/instructions/{iid}"))
        self.assertIn("возвращено на доработку", page)
        self.assertIn("Нет фотографии", page)
        self.assertEqual(ex.post(f"/admin/instructions/{iid}/start", {}).status, 303)
        self.assertEqual(ex.post(f"/admin/instructions/{iid}/report",
                                 {"report": "Заменены два светильника, фото приложено."}).status,
                         303)
        self.assertEqual(USERS["controller"].post(f"/admin/instructions/{iid}/accept", {}).status,
                         303)
        self.assertEqual(outbox(f"instruction:{iid}:")[-1][:2],
                         ("executor@zelenoborsk.example",
                          f"Исполнение поручения № {iid} принято"))
        self.assertEqual(USERS["controller"].post(f"/admin/instructions/{iid}/cancel",
                                                  {"cancel_reason": "Поздно"}).status, 422)
        self.assertEqual(
            STACK.query("SELECT e.status, u.login, e.note FROM instruction_event e "
                        "JOIN staff_user u ON u.id = e.user_id WHERE instruction_id = ? "
                        "ORDER BY e.id", (iid,)),
            [("assigned", "secretary", ""), ("in_progress", "executor", ""),
             ("reported", "executor", "Заменены два светильника."),
             ("returned", "controller", "Нет фотографии"), ("in_progress", "executor", ""),
             ("reported", "executor", "Заменены два светильника, фото приложено."),
             ("accepted", "controller", "")])
        self.assertEqual(
            STACK.query("SELECT action FROM audit_log WHERE entity = 'instruction' AND "
                        "entity_id = ? ORDER BY id", (iid,)),
            [("create",), ("in_progress",), ("reported",), ("returned",), ("in_progress",),
             ("reported",), ("accepted",)])
        # Cancelled with a reason by the admin; the reason is kept beside its field when empty.
        r = USERS["admin"].post(f"/admin/instructions/{other}/cancel", {"cancel_reason": ""})
        self.assertEqual(r.status, 422)
        self.assertIn('id="e-cancel_reason"', r.text)
        self.assertEqual(USERS["admin"].post(f"/admin/instructions/{other}/cancel",
                                             {"cancel_reason": "Дублирует план работ"}).status,
                         303)
        self.assertEqual(STACK.query("SELECT status, reason FROM instruction WHERE id = ?",
                                     (other,)), [("cancelled", "Дублирует план работ")])
        # The executor is told, and the controller too: an administrator acted in their stead.
        told = outbox(f"instruction:{other}:")[-2:]
        self.assertEqual(sorted(m[0] for m in told), ["controller@zelenoborsk.example",
                                                      "organizer@zelenoborsk.example"])
        for m in told:
            self.assertEqual(m[1], f"Поручение № {other} отменено")
            self.assertIn("Дублирует план работ", m[2])
        # Filters: by meeting, by executor, mine.
        by_meeting = shown(self, USERS["controller"].get(f"/admin/instructions?meeting={mid}")).text
        self.assertIn(f'href="/admin/instructions/{iid}"', by_meeting)
        self.assertNotIn('href="/admin/instructions/1"', by_meeting)
        by_executor = shown(self, USERS["controller"].get(
            f"/admin/instructions?executor={user_id('organizer')}")).text
        self.assertIn(f'href="/admin/instructions/{other}"', by_executor)
        self.assertNotIn(f'href="/admin/instructions/{iid}"', by_executor)
        self.assertEqual(USERS["controller"].get("/admin/instructions?due=later").status, 400)
        # «Мои»: what one executes or controls — the controller's are all of these.
        mine = USERS["controller"].get("/admin/instructions?mine=1").text
        self.assertIn(f'href="/admin/instructions/{iid}"', mine)
        self.assertIn(f'href="/admin/instructions/{other}"', mine)
        self.assertNotIn(f'href="/admin/instructions/{iid}"',
                         shown(self, USERS["secretary"].get("/admin/instructions?mine=1"),
                               "<h1>Поручения</h1>").text)
        # Only meetings whose protocol is signed are offered in the filter.
        draft = held_meeting(3)
        self.assertEqual(save(draft).status, 303)
        filters = shown(self, USERS["controller"].get("/admin/instructions")).text
        self.assertIn(f'<option value="{mid}">', filters)
        self.assertNotIn(f'<option value="{draft}">', filters)
        # The executor's link to the source is the public results: protocols are not theirs.
        self.assertIn(f'href="/meetings/{mid}#results"', ex.get(f"/admin/instructions/{iid}").text)

    def test_a_draft_protocols_instructions_are_in_no_report(self):
        mid = held_meeting(40, helpers.unique("Черновик с поручением"))
        self.assertEqual(save(mid, held_on=day(-40).isoformat()).status, 303)
        self.assertEqual(instruct(mid, instruction="Проект поручения к отчёту").status, 303)
        iid = last_instruction()
        STACK.execute("UPDATE instruction SET due_on = ? WHERE id = ?", (day(-20).isoformat(), iid))
        period = f"from={day(-60).isoformat()}&to={day(0).isoformat()}"
        report = text(shown(self, USERS["controller"].get(f"/admin/reports/compliance?{period}"),
                            "Соблюдение требований муниципальных актов"))
        self.assertNotIn("Проект поручения к отчёту", report)
        # A proposal already overdue is not put in force by a signature: it is given anew.
        r = sign(mid)
        self.assertEqual(r.status, 422)
        self.assertIn(f"Срок поручения № {iid} уже прошёл: удалите его из черновика и дайте "
                      "заново с новым сроком", text(r))
        STACK.execute("UPDATE instruction SET due_on = ? WHERE id = ?", (day(5).isoformat(), iid))
        self.assertEqual(sign(mid).status, 303)
        STACK.execute("UPDATE instruction SET due_on = ? WHERE id = ?", (day(-20).isoformat(), iid))
        report = text(USERS["controller"].get(f"/admin/reports/compliance?{period}"))
        self.assertIn("Проект поручения к отчёту", report)

    def test_a_proposal_is_in_no_digest_until_signed(self):
        p = STACK.admin("user", "add", "digestonly", "executor", "--email",
                        "digestonly@zelenoborsk.example", input_text="only for the digest\n")
        self.assertEqual(p.returncode, 0, p.stderr)
        mid = held_meeting(3)
        self.assertEqual(save(mid).status, 303)
        self.assertEqual(instruct(mid, executor="digestonly", due_on=day(1).isoformat()).status,
                         303)

        def dry_run():
            p = subprocess.run([os.path.join(STACK.bin, "portal-notify"), "-c", STACK.conf,
                                "--dry-run"], capture_output=True, text=True, timeout=120)
            self.assertIn("(dry run: nothing changed)", p.stdout, p.stderr)
            return p.stdout
        self.assertNotIn("digest to digestonly@zelenoborsk.example", dry_run())
        self.assertEqual(sign(mid).status, 303)
        self.assertIn("would send digest to digestonly@zelenoborsk.example: Сроки исполнения "
                      "поручений", dry_run())

    def test_no_mail_to_a_disabled_account(self):
        p = STACK.admin("user", "add", "leaving", "executor", "--email",
                        "leaving@zelenoborsk.example", input_text="leaving the office\n")
        self.assertEqual(p.returncode, 0, p.stderr)
        mid = held_meeting(3)
        self.assertEqual(save(mid).status, 303)
        self.assertEqual(instruct(mid, executor="leaving").status, 303)
        iid = last_instruction()
        STACK.execute("UPDATE staff_user SET disabled = 1 WHERE login = 'leaving'")
        self.assertEqual(sign(mid).status, 303)
        self.assertEqual(outbox(f"instruction:{iid}:"), [])

    def test_the_home_page_lists_the_newest_meetings_awaiting_a_protocol(self):
        conn = STACK.db()
        try:
            old = [conn.execute(
                "INSERT INTO meeting (kind, title, territory_id, venue_id, starts_at, ends_at, "
                "host_id, status) VALUES ('group_field', ?, 4, 3, ?, ?, 3, 'held')",
                (f"Давняя встреча {n}", helpers.epoch(day(-300 - n), "18:00"),
                 helpers.epoch(day(-300 - n), "19:00"))).lastrowid for n in range(55)]
            conn.commit()
        finally:
            conn.close()
        try:
            newest = held_meeting(1, helpers.unique("Вчерашняя встреча"))
            home = shown(self, USERS["organizer"].get("/admin")).text
            self.assertIn(f'<li><a href="/admin/meetings/{newest}/protocol">', home)
            self.assertNotIn(f'<li><a href="/admin/meetings/{old[-1]}/protocol">', home)
            self.assertIn("Показаны 50 последних встреч; есть и более давние — все они в отчёте "
                          "«Соблюдение требований»", text(USERS["organizer"].get("/admin")))
        finally:
            STACK.execute(f"DELETE FROM meeting WHERE id IN ({','.join(map(str, old))})")

    def test_a_proposal_of_a_draft_may_be_deleted(self):
        mid = held_meeting(3)
        self.assertEqual(save(mid).status, 303)
        self.assertEqual(instruct(mid, instruction="Поручение по ошибке").status, 303)
        iid = last_instruction()
        self.assertEqual(USERS["executor"].post(f"/admin/instructions/{iid}/delete", {}).status,
                         403)
        r = USERS["secretary"].post(f"/admin/instructions/{iid}/delete", {})
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"), f"/admin/meetings/{mid}/protocol")
        self.assertEqual(STACK.query("SELECT count(*) FROM instruction WHERE id = ?", (iid,)),
                         [(0,)])
        self.assertEqual(STACK.query("SELECT action FROM audit_log WHERE entity = 'instruction' "
                                     "AND entity_id = ? ORDER BY id", (iid,)),
                         [("create",), ("delete",)])
        # Its number is not given again: «Поручение № N» keeps meaning one instruction.
        self.assertEqual(instruct(mid, instruction="Новое поручение").status, 303)
        self.assertGreater(last_instruction(), iid)
        self.assertEqual(STACK.query("SELECT action FROM audit_log WHERE entity = 'instruction' "
                                     "AND entity_id = ? ORDER BY id", (iid,)),
                         [("create",), ("delete",)])
        # Once signed, an instruction is cancelled with a reason, never deleted.
        self.assertEqual(instruct(mid).status, 303)
        kept = last_instruction()
        self.assertEqual(sign(mid).status, 303)
        r = USERS["secretary"].post(f"/admin/instructions/{kept}/delete", {})
        self.assertEqual(r.status, 422)
        self.assertIn("отменить с указанием причины", text(r))
        self.assertEqual(STACK.query("SELECT count(*) FROM instruction WHERE id = ?", (kept,)),
                         [(1,)])

    def test_instructions_list_pages(self):
        mid = held_meeting(5)
        self.assertEqual(save(mid, held_on=day(-5).isoformat()).status, 303)
        pid = protocol_row(mid)[0]
        executor, controller = user_id("executor"), user_id("controller")
        conn = STACK.db()
        try:
            conn.executemany(
                "INSERT INTO instruction (protocol_id, text, executor_id, unit, controller_id, "
                "due_on, created_at, updated_at) VALUES (?, ?, ?, '', ?, ?, 0, 0)",
                [(pid, f"Пакет поручений {n}", executor, controller, day(30).isoformat())
                 for n in range(105)])
            conn.commit()
        finally:
            conn.close()
        self.assertEqual(sign(mid).status, 303)
        first = USERS["controller"].get(f"/admin/instructions?meeting={mid}")
        self.assertEqual(len(re.findall(r"Пакет поручений \d+<", first.text)), 100)
        self.assertIn(f'href="/admin/instructions?meeting={mid}&amp;page=2" rel="next"', first.text)
        second = shown(self, USERS["controller"].get(f"/admin/instructions?meeting={mid}&page=2"))
        self.assertEqual(len(re.findall(r"Пакет поручений \d+<", second.text)), 5)
        self.assertIn('rel="prev"', second.text)
        self.assertNotIn('rel="next"', second.text)

    def test_due_soon_and_overdue_filters(self):
        mid = held_meeting(20)
        self.assertEqual(save(mid, held_on=day(-20).isoformat()).status, 303)
        self.assertEqual(instruct(mid, due_on=day(2).isoformat(),
                                  instruction="Срочное поручение").status, 303)
        soon = last_instruction()
        self.assertEqual(instruct(mid, due_on=day(1).isoformat(),
                                  instruction="Просроченное поручение").status, 303)
        late = last_instruction()
        self.assertEqual(instruct(mid, due_on=day(20).isoformat(),
                                  instruction="Нескорое поручение").status, 303)
        later = last_instruction()
        self.assertEqual(sign(mid).status, 303)
        # Given long ago: its due date has passed (a new one cannot be given a past date).
        STACK.execute("UPDATE instruction SET due_on = ? WHERE id = ?", (day(-1).isoformat(), late))
        page = shown(self, USERS["controller"].get("/admin/instructions?due=soon")).text
        self.assertIn(f'href="/admin/instructions/{soon}"', page)
        self.assertNotIn(f'href="/admin/instructions/{late}"', page)
        self.assertNotIn(f'href="/admin/instructions/{later}"', page)
        page = shown(self, USERS["executor"].get("/admin/instructions?due=overdue"))
        self.assertIn(f'href="/admin/instructions/{late}"', page.text)
        self.assertNotIn(f'href="/admin/instructions/{soon}"', page.text)
        self.assertIn("просрочено на 1 день", text(page))
        # The notifier's digest (dry run): the executor theirs, the controllers all.
        p = subprocess.run([os.path.join(STACK.bin, "portal-notify"), "-c", STACK.conf,
                            "--dry-run"], capture_output=True, text=True, timeout=120)
        # (Exit status 1 here: this stack has no mail server configured.)
        self.assertIn("(dry run: nothing changed)", p.stdout, p.stderr)
        self.assertIn("would send digest to executor@zelenoborsk.example: Сроки исполнения "
                      "поручений", p.stdout)
        self.assertIn("would send digest to controller@zelenoborsk.example: Сроки исполнения "
                      "поручений", p.stdout)
        self.assertIn("would send digest to organizer@zelenoborsk.example: Протоколы не переданы "
                      "в срок", p.stdout)

    def test_an_instruction_on_an_appeal(self):
        r = USERS["organizer"].post("/admin/appeals", {
            "source": "mail", "received_on": day(-1).isoformat(), "surname": "Петров",
            "name": "Пётр", "email": "petrov@residents.example", "territory": "4",
            "text": "Во дворе не горит фонарь."})
        self.assertEqual(r.status, 303, form_errors(r.text))
        aid = int(r.header("Location").rsplit("/", 1)[1])
        number = STACK.query("SELECT number FROM appeal WHERE id = ?", (aid,))[0][0]
        fields = {"number": number, "instruction": "Заменить фонарь во дворе.",
                  "executor": str(user_id("executor")), "unit": "Отдел ЖКХ",
                  "due_on": day(5).isoformat(), "controller": str(user_id("controller"))}
        self.assertEqual(USERS["executor"].post("/admin/instructions", fields).status, 403)
        r = USERS["organizer"].post("/admin/instructions", dict(fields, number="1999-99999"))
        self.assertEqual(r.status, 422)
        self.assertIn("обращения с таким номером нет", " ".join(form_errors(r.text)))
        r = USERS["organizer"].post("/admin/instructions", fields)
        self.assertEqual(r.status, 303, form_errors(r.text))
        iid = int(r.header("Location").rsplit("/", 1)[1])
        self.assertEqual(STACK.query("SELECT appeal_id, protocol_id, status FROM instruction "
                                     "WHERE id = ?", (iid,)), [(aid, None, "assigned")])
        self.assertIn(f"обращение № {number}", text(USERS["executor"].get(f"/admin/instructions/{iid}")))
        # In force at once: the executor is mailed it, with no applicant's data.
        mail = outbox(f"instruction:{iid}:")
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail[0][0], "executor@zelenoborsk.example")
        self.assertIn(f"по обращению № {number}", mail[0][2])
        self.assertIn("Заменить фонарь во дворе.", mail[0][2])
        self.assertNotIn("Петров", mail[0][2])
        self.assertEqual(USERS["executor"].post(f"/admin/instructions/{iid}/start", {}).status,
                         303)


class PublicResultsTest(unittest.TestCase):
    maxDiff = None

    def test_results_and_printable_protocol_without_personal_data(self):
        mid = held_meeting(4, helpers.unique("Итоги"))
        # An appeal handed in at the meeting.
        r = USERS["organizer"].post("/admin/appeals", {
            "source": "meeting", "meeting": str(mid), "received_on": day(-4).isoformat(),
            "surname": "Сидорова", "name": "Анна", "email": "sidorova@residents.example",
            "territory": "4", "text": "Прошу отремонтировать детскую площадку."})
        self.assertEqual(r.status, 303, form_errors(r.text))
        number = STACK.query("SELECT number FROM appeal WHERE meeting_id = ?", (mid,))[0][0]
        private = "Смирнова Мария Ивановна, ул. Лесная, 3-12: просит материальную помощь"
        r = save(mid, held_on=day(-4).isoformat(), attendance="41",
                 question=["Когда починят освещение во дворе дома 5?", private, ""],
                 question_answer=["Освещение починят до 1 декабря.",
                                  "Смирновой М. И. разъяснён порядок.", ""],
                 question_public=["1"])
        self.assertEqual(r.status, 303, form_errors(r.text))
        r = USERS["press"].post(f"/admin/meetings/{mid}/protocol/publication",
                                {"photo_url": "https://zelenoborsk.example/photo/7",
                                 "video_url": "https://video.zelenoborsk.example/7"})
        self.assertEqual(r.status, 303, form_errors(r.text))
        self.assertEqual(instruct(mid).status, 303)
        staff_page = text(USERS["organizer"].get(f"/admin/meetings/{mid}/protocol"))
        self.assertIn(f"№ {number}", staff_page)
        self.assertIn("зарегистрировано", staff_page)
        # Unsigned: nothing public yet.
        self.assertNotIn("Итоги встречи", text(shown(self, STACK.get(f"/meetings/{mid}"),
                                                     title_of(mid))))
        self.assertEqual(STACK.get(f"/meetings/{mid}/protocol").status, 404)
        self.assertEqual(sign(mid).status, 303)
        page = STACK.get(f"/meetings/{mid}")
        self.assertEqual(page.status, 200)
        body = text(page)
        self.assertIn("Итоги встречи", body)
        self.assertIn("Когда починят освещение во дворе дома 5?", body)
        self.assertIn("Освещение починят до 1 декабря.", body)
        self.assertIn("Включить ремонт освещения в план работ на декабрь.", body)
        self.assertIn(f"Восстановить освещение во дворе дома 5. — Отдел ЖКХ, срок {words(day(10))}: "
                      "назначено", body)
        self.assertIn('href="https://zelenoborsk.example/photo/7"', page.text)
        self.assertIn('href="https://video.zelenoborsk.example/7"', page.text)
        self.assertIn(f'href="/meetings/{mid}/protocol"', page.text)
        printable = STACK.get(f"/meetings/{mid}/protocol")
        self.assertEqual(printable.status, 200)
        ptext = text(printable)
        self.assertIn(f"Протокол № {mid}-П", ptext)
        self.assertIn("Кузнецова Ольга Николаевна, Руководитель информационной группы № 1", ptext)
        self.assertIn("Соколова Анна Викторовна — Глава городского поселения Зеленоборск", ptext)
        self.assertIn(f"№ {number}", ptext)
        self.assertIn("зарегистрировано", ptext)
        # No personal data: no executor or controller, no e-mail, no applicant.
        for p in (page.text, printable.text):
            for secret in ("Исполнитель", "Контролёр", "executor", "controller", "@",
                           "Сидорова", "sidorova", "secretary", "Смирнов", "Лесная, 3-12"):
                self.assertNotIn(secret, helpers.main_of(p))
        # One number of people present: the signed protocol's, on both pages, recorded as a
        # change of the meeting.
        self.assertIn("41 человек", body)
        self.assertIn("41 человек", ptext)
        self.assertNotIn("35 человек", body)
        change = STACK.query("SELECT login, before_json, after_json FROM audit_log "
                             "WHERE entity = 'meeting' AND entity_id = ? "
                             "AND action = 'attendance_from_protocol'", (mid,))
        self.assertEqual(len(change), 1)
        self.assertEqual(change[0][0], "leader")
        self.assertIn('"attendance":35', change[0][1].replace(" ", ""))
        self.assertIn('"attendance":41', change[0][2].replace(" ", ""))
        # The question with personal data can be published only by marking it; unmarking the
        # other takes it off the site.
        r = USERS["secretary"].post(f"/admin/meetings/{mid}/protocol/publication",
                                    {"photo_url": "https://zelenoborsk.example/photo/7",
                                     "video_url": "", "question_public": ["2"]})
        self.assertEqual(r.status, 303, form_errors(r.text))
        body = text(shown(self, STACK.get(f"/meetings/{mid}"), title_of(mid)))
        self.assertNotIn("Когда починят освещение во дворе дома 5?", body)
        self.assertIn("просит материальную помощь", body)
        self.assertNotIn("Видеозапись", body)
        r = USERS["secretary"].post(f"/admin/meetings/{mid}/protocol/publication",
                                    {"photo_url": "javascript:alert(1)", "question_public": ["1"]})
        self.assertEqual(r.status, 422)
        self.assertIn('id="e-photo_url"', r.text)
        self.assertIn('value="javascript:alert(1)"', r.text)
        self.assertEqual(USERS["executor"].post(f"/admin/meetings/{mid}/protocol/publication",
                                                {"question_public": ["1"]}).status, 403)
        self.assertEqual(STACK.query("SELECT position, published FROM protocol_question q "
                                     "JOIN protocol p ON p.id = q.protocol_id "
                                     "WHERE p.meeting_id = ? ORDER BY position", (mid,)),
                         [(1, 0), (2, 1)])
        # The status follows the instruction.
        iid = last_instruction()
        self.assertEqual(USERS["executor"].post(f"/admin/instructions/{iid}/start", {}).status,
                         303)
        self.assertIn("в работе", text(STACK.get(f"/meetings/{mid}")))

    def test_a_personal_reception_keeps_its_questions_off_the_site(self):
        mid = held_meeting(2)
        STACK.execute("UPDATE meeting SET kind = 'personal_reception' WHERE id = ?", (mid,))
        page = shown(self, USERS["secretary"].get(f"/admin/meetings/{mid}/protocol")).text
        self.assertIn("Вопросы личного приёма касаются самих жителей", page)
        self.assertNotIn('name="question_public"', page)
        # Even a crafted form cannot mark them.
        self.assertEqual(save(mid, question_public=["1", "2"]).status, 303)
        # An instruction naming the resident, in force once signed.
        self.assertEqual(instruct(mid, instruction="Оформить помощь Петровой М. И.").status, 303)
        self.assertEqual(sign(mid).status, 303)
        self.assertEqual(USERS["secretary"].post(f"/admin/meetings/{mid}/protocol/publication",
                                                 {"question_public": ["1"]}).status, 303)
        self.assertEqual(STACK.query("SELECT count(*) FROM protocol_question q JOIN protocol p "
                                     "ON p.id = q.protocol_id WHERE p.meeting_id = ? "
                                     "AND q.published = 1", (mid,)), [(0,)])
        # Nothing of it is public: no results, no printable protocol, not even the decisions,
        # instructions or amendments.
        self.assertEqual(USERS["secretary"].post(f"/admin/meetings/{mid}/protocol/amend", {
            "amendment": "Петрова Мария Ивановна, тел. 89990001122", "reason": "Уточнение",
            "amendment_public": "1"}).status, 303)
        page = text(shown(self, STACK.get(f"/meetings/{mid}"), title_of(mid), "Личный приём"))
        self.assertNotIn("Итоги встречи", page)
        self.assertNotIn("Включить ремонт освещения", page)
        self.assertNotIn("Петров", page)
        self.assertEqual(STACK.get(f"/meetings/{mid}/protocol").status, 404)
        self.assertEqual(STACK.query("SELECT published FROM protocol_amendment a JOIN protocol p "
                                     "ON p.id = a.protocol_id WHERE p.meeting_id = ?", (mid,)),
                         [(0,)])
        staff = text(USERS["secretary"].get(f"/admin/meetings/{mid}/protocol"))
        self.assertIn("его протокол на сайте не публикуется", staff)

    def test_demo_meeting_shows_its_results(self):
        page = text(STACK.get("/meetings/10"))
        self.assertIn("Итоги встречи", page)
        self.assertIn("Подготовить смету освещения сквера у школы № 2. — Отдел ЖКХ", page)
        self.assertIn("исполнено", page)
        self.assertEqual(STACK.get("/meetings/10/protocol").status, 200)
        self.assertEqual(STACK.get("/meetings/9/protocol").status, 404)


if __name__ == "__main__":
    unittest.main()
