"""Protocols of meetings and the control of instructions (issue 5, items 2–5), driven over HTTP
as staff would: the protocol of a held meeting from draft to signature (edits refused after it),
an amendment, the handover to the control sector with its due date of 5 working days and the
lateness flag (on the protocol and on the staff home page), instructions through their statuses
with who may take each step, the appeals handed in at the meeting, the public results on the
meeting's page and the printable protocol without personal data, and the notifier's digests."""

import os
import re
import subprocess
import unittest

import helpers
from helpers import day, words
from staff import form_errors, start_staff_stack

STACK = None
USERS = {}


def setUpModule():
    global STACK
    STACK, _, signed = start_staff_stack(with_token=True)
    USERS.update(signed)


def tearDownModule():
    STACK.close()


def user_id(login):
    return STACK.query("SELECT id FROM staff_user WHERE login = ?", (login,))[0][0]


def held_meeting(days_ago, title=None):
    """A meeting held DAYS_AGO days ago at 18:00 local time (no protocol yet); its id."""
    d = day(-days_ago)
    title = title or helpers.unique("Встреча")
    conn = STACK.db()
    try:
        cur = conn.execute(
            "INSERT INTO meeting (kind, title, territory_id, venue_id, starts_at, ends_at, "
            "host_id, status, attendance, announced_at) VALUES ('group_field', ?, 4, 3, ?, ?, 3, "
            "'held', 35, ?)",
            (title, helpers.epoch(d, "18:00"), helpers.epoch(d, "19:30"),
             helpers.epoch(d, "18:00") - 10 * 86400))
        conn.commit()
        return cur.lastrowid
    finally:
        conn.close()


def save(mid, role="secretary", **over):
    fields = {"protocol_number": "7-П", "held_on": day(-2).isoformat(),
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


def protocol_row(mid):
    rows = STACK.query("SELECT id, number, signed_at IS NOT NULL, handed_at IS NOT NULL "
                       "FROM protocol WHERE meeting_id = ?", (mid,))
    return rows[0] if rows else None


def text(page):
    return helpers.text_of(helpers.main_of(page.text))


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
        self.assertEqual((number, signed, handed), ("7-П", 0, 0))
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
        r = save(mid, photo_url="javascript:alert(1)", chair="9999",
                 question=["", "Вопрос"], question_answer=["Ответ без вопроса", ""])
        self.assertEqual(r.status, 422)
        errors = " ".join(form_errors(r.text))
        self.assertIn("http://", errors)
        self.assertIn("председательствующий: выберите из списка", errors)
        self.assertIn("у ответа нет вопроса", errors)
        self.assertIn("Ответ без вопроса", r.text)
        # Only the signers sign: an organizer or a secretary may not.
        self.assertEqual(USERS["secretary"].post(f"/admin/meetings/{mid}/protocol/sign", {}).status,
                         403)
        self.assertEqual(USERS["organizer"].post(f"/admin/meetings/{mid}/protocol/sign", {}).status,
                         403)
        r = USERS["controller"].post(f"/admin/meetings/{mid}/protocol/sign", {})
        self.assertEqual(r.status, 303, r.text[-800:])
        self.assertEqual(protocol_row(mid)[2], 1)
        # Signed: edits and new instructions are refused.
        r = save(mid, decisions="Другое решение")
        self.assertEqual(r.status, 422)
        self.assertIn("внесите исправление", r.text)
        self.assertEqual(instruct(mid).status, 422)
        self.assertEqual(STACK.query("SELECT decisions FROM protocol WHERE id = ?", (pid,))[0][0],
                         "Включить ремонт освещения в план работ на декабрь.")
        self.assertEqual(USERS["controller"].post(f"/admin/meetings/{mid}/protocol/sign",
                                                  {}).status, 422)
        # An amendment: text and reason, who and when, shown after the protocol.
        r = USERS["secretary"].post(f"/admin/meetings/{mid}/protocol/amend",
                                    {"amendment": "Число присутствовавших читать: 37.",
                                     "reason": "Ошибка при подсчёте"})
        self.assertEqual(r.status, 303, form_errors(r.text))
        self.assertEqual(STACK.query("SELECT a.text, a.reason, u.login FROM protocol_amendment a "
                                     "JOIN staff_user u ON u.id = a.user_id WHERE protocol_id = ?",
                                     (pid,)),
                         [("Число присутствовавших читать: 37.", "Ошибка при подсчёте",
                           "secretary")])
        page = text(USERS["secretary"].get(f"/admin/meetings/{mid}/protocol"))
        self.assertIn("Число присутствовавших читать: 37.", page)
        self.assertIn("Причина: Ошибка при подсчёте", page)
        self.assertEqual(USERS["secretary"].post(f"/admin/meetings/{mid}/protocol/amend",
                                                 {"amendment": "", "reason": ""}).status, 422)
        self.assertEqual(
            STACK.query("SELECT action FROM audit_log WHERE entity = 'protocol' AND entity_id = ? "
                        "ORDER BY id", (pid,)), [("create",), ("sign",), ("amend",)])

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
        self.assertIn("протокол не подписан, передать до", helpers.text_of(item.group(0)))
        self.assertIn("просрочено", helpers.text_of(item.group(0)))
        page = text(USERS["organizer"].get(f"/admin/meetings/{mid}/protocol"))
        self.assertRegex(page, r"не передан — просрочено на \d+ д")
        self.assertEqual(save(mid, held_on=day(-30).isoformat()).status, 303)
        # Not signed yet: cannot be handed over.
        self.assertEqual(USERS["organizer"].post(f"/admin/meetings/{mid}/protocol/handover",
                                                 {}).status, 422)
        self.assertEqual(USERS["admin"].post(f"/admin/meetings/{mid}/protocol/sign", {}).status,
                         303)
        self.assertEqual(USERS["organizer"].post(f"/admin/meetings/{mid}/protocol/handover",
                                                 {}).status, 303)
        self.assertEqual(protocol_row(mid)[3], 1)
        page = text(USERS["organizer"].get(f"/admin/meetings/{mid}/protocol"))
        self.assertRegex(page, r"передан .* — передан с опозданием на \d+ д")
        self.assertNotIn(f'href="/admin/meetings/{mid}/protocol"',
                         USERS["organizer"].get("/admin").text)
        self.assertEqual(USERS["organizer"].post(f"/admin/meetings/{mid}/protocol/handover",
                                                 {}).status, 422)

    def test_handover_in_time_is_not_flagged(self):
        mid = held_meeting(0)
        self.assertEqual(save(mid, held_on=day(0).isoformat()).status, 303)
        page = text(USERS["organizer"].get(f"/admin/meetings/{mid}/protocol"))
        self.assertNotIn("просрочено", page)
        self.assertEqual(USERS["controller"].post(f"/admin/meetings/{mid}/protocol/sign",
                                                  {}).status, 303)
        self.assertEqual(USERS["controller"].post(f"/admin/meetings/{mid}/protocol/handover",
                                                  {}).status, 303)
        page = text(USERS["organizer"].get(f"/admin/meetings/{mid}/protocol"))
        self.assertIn("передан", page)
        self.assertNotIn("опозданием", page)

    def test_instruction_statuses_and_permissions(self):
        mid = held_meeting(3)
        self.assertEqual(save(mid).status, 303)
        r = instruct(mid)
        self.assertEqual(r.status, 303, form_errors(r.text))
        iid = last_instruction()
        r = instruct(mid, executor="organizer", instruction="Проверить состояние крыши дома 7.")
        self.assertEqual(r.status, 303, form_errors(r.text))
        other = last_instruction()
        # Refused: a controller who is the executor, a due date before the meeting.
        r = instruct(mid, executor="controller", due_on=day(-10).isoformat())
        self.assertEqual(r.status, 422)
        errors = " ".join(form_errors(r.text))
        self.assertIn("не может контролировать сам себя", errors)
        self.assertIn("срок исполнения: не раньше", errors)
        ex = USERS["executor"]
        # The executor sees their own only.
        listing = ex.get("/admin/instructions").text
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
        # Returned for rework with the reason, in progress again, reported, accepted.
        self.assertEqual(USERS["controller"].post(f"/admin/instructions/{iid}/return",
                                                  {"reason": "Нет фотографии"}).status, 303)
        page = text(ex.get(f"/admin/instructions/{iid}"))
        self.assertIn("возвращено на доработку", page)
        self.assertIn("Нет фотографии", page)
        self.assertEqual(ex.post(f"/admin/instructions/{iid}/start", {}).status, 303)
        self.assertEqual(ex.post(f"/admin/instructions/{iid}/report",
                                 {"report": "Заменены два светильника, фото приложено."}).status,
                         303)
        self.assertEqual(USERS["controller"].post(f"/admin/instructions/{iid}/accept", {}).status,
                         303)
        self.assertEqual(USERS["controller"].post(f"/admin/instructions/{iid}/cancel",
                                                  {"reason": "Поздно"}).status, 422)
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
        # Cancelled with a reason by the admin.
        self.assertEqual(USERS["admin"].post(f"/admin/instructions/{other}/cancel",
                                             {"reason": "Дублирует план работ"}).status, 303)
        self.assertEqual(STACK.query("SELECT status, reason FROM instruction WHERE id = ?",
                                     (other,)), [("cancelled", "Дублирует план работ")])
        # Filters: by meeting, by executor, mine.
        by_meeting = USERS["controller"].get(f"/admin/instructions?meeting={mid}").text
        self.assertIn(f'href="/admin/instructions/{iid}"', by_meeting)
        self.assertNotIn('href="/admin/instructions/1"', by_meeting)
        by_executor = USERS["controller"].get(
            f"/admin/instructions?executor={user_id('organizer')}").text
        self.assertIn(f'href="/admin/instructions/{other}"', by_executor)
        self.assertNotIn(f'href="/admin/instructions/{iid}"', by_executor)
        self.assertEqual(USERS["controller"].get("/admin/instructions?due=later").status, 400)

    def test_due_soon_and_overdue_filters(self):
        mid = held_meeting(20)
        self.assertEqual(save(mid, held_on=day(-20).isoformat()).status, 303)
        self.assertEqual(instruct(mid, due_on=day(2).isoformat(),
                                  instruction="Срочное поручение").status, 303)
        soon = last_instruction()
        self.assertEqual(instruct(mid, due_on=day(-1).isoformat(),
                                  instruction="Просроченное поручение").status, 303)
        late = last_instruction()
        self.assertEqual(instruct(mid, due_on=day(20).isoformat(),
                                  instruction="Нескорое поручение").status, 303)
        later = last_instruction()
        page = USERS["controller"].get("/admin/instructions?due=soon").text
        self.assertIn(f'href="/admin/instructions/{soon}"', page)
        self.assertIn(f'href="/admin/instructions/{late}"', page)
        self.assertNotIn(f'href="/admin/instructions/{later}"', page)
        page = USERS["executor"].get("/admin/instructions?due=overdue")
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
        self.assertEqual(save(mid, held_on=day(-4).isoformat(),
                              video_url="https://video.zelenoborsk.example/7").status, 303)
        self.assertEqual(instruct(mid).status, 303)
        staff_page = text(USERS["organizer"].get(f"/admin/meetings/{mid}/protocol"))
        self.assertIn(f"№ {number}", staff_page)
        self.assertIn("зарегистрировано", staff_page)
        # Unsigned: nothing public yet.
        self.assertNotIn("Итоги встречи", text(STACK.get(f"/meetings/{mid}")))
        self.assertEqual(STACK.get(f"/meetings/{mid}/protocol").status, 404)
        self.assertEqual(USERS["controller"].post(f"/admin/meetings/{mid}/protocol/sign",
                                                  {}).status, 303)
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
        self.assertIn("Протокол № 7-П", ptext)
        self.assertIn("Кузнецова Ольга Николаевна, Руководитель информационной группы № 1", ptext)
        self.assertIn("Соколова Анна Викторовна — Глава городского поселения Зеленоборск", ptext)
        self.assertIn(f"№ {number}", ptext)
        self.assertIn("зарегистрировано", ptext)
        # No personal data: no executor or controller, no e-mail, no applicant.
        for p in (page.text, printable.text):
            for secret in ("Исполнитель", "Контролёр", "executor", "controller", "@",
                           "Сидорова", "sidorova", "secretary"):
                self.assertNotIn(secret, helpers.main_of(p))
        # The status follows the instruction.
        iid = last_instruction()
        self.assertEqual(USERS["executor"].post(f"/admin/instructions/{iid}/start", {}).status,
                         303)
        self.assertIn("в работе", text(STACK.get(f"/meetings/{mid}")))

    def test_demo_meeting_shows_its_results(self):
        page = text(STACK.get("/meetings/10"))
        self.assertIn("Итоги встречи", page)
        self.assertIn("Подготовить смету освещения сквера у школы № 2. — Отдел ЖКХ", page)
        self.assertIn("исполнено", page)
        self.assertEqual(STACK.get("/meetings/10/protocol").status, 200)
        self.assertEqual(STACK.get("/meetings/9/protocol").status, 404)


if __name__ == "__main__":
    unittest.main()
