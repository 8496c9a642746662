"""Surveys of residents (issue 20 item 3) through HTTP on the real stack: staff create a survey
with questions of every kind, a resident signed in with a one-time code answers it (required
questions checked beside the question with the other answers kept), changes the response, and
parallel submissions leave exactly one response; a survey not begun or over refuses with a
clear page; the results are tables with the same figures as their SVG charts, and CSV, without
the free-text answers, which staff see. Roles, form tokens, the audience, the hourly limit, the
ready yearly survey of openness and the audit log are checked on the way."""

import csv
import io
import json
import os
import re
import subprocess
import threading
import unittest

import helpers
from helpers import main_of, shown, text_of, unique
from receivers import SmtpServer
from residents import sign_in_by_code
from stack import Stack
from staff import field_error, read_passwords, signed_in

STACK = SMTP = STAFF = None


def setUpModule():
    global STACK, SMTP, STAFF
    SMTP = SmtpServer().start()
    STACK = Stack(settings={("mail", "smtp_url"): SMTP.url,
                            ("mail", "from"): "noreply@zelenoborsk.example"})
    STACK.start()
    STAFF = signed_in(STACK, read_passwords(STACK), with_token=True)


def tearDownModule():
    STACK.close()
    SMTP.stop()


def mails_to(address):
    return [m for m in SMTP.messages if m.to == address]


def wait_mail(address, after=0):
    helpers.wait_for(lambda: len(mails_to(address)) > after, 30)
    return mails_to(address)[-1]


def notify():
    """Run build/portal-notify once: the outbox goes to the SMTP server."""
    p = subprocess.run([os.path.join(STACK.bin, "portal-notify"), "-c", STACK.conf],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode in (0, 1), p.stderr


def reference_group(members, withdrawn=()):
    """A new reference group with MEMBERS [(name, email)], each with a consent record (those of
    WITHDRAWN withdrawn); its id."""
    gid = None
    conn = STACK.db()
    try:
        gid = conn.execute("INSERT INTO reference_group (name) VALUES (?)",
                           (unique("Референтная группа"),)).lastrowid
        for name, email in members:
            conn.execute("INSERT INTO reference_group_member (group_id, name, organisation, "
                         "email) VALUES (?, ?, 'ТОС «Северный»', ?)", (gid, name, email))
            conn.execute("INSERT OR IGNORE INTO reference_consent (email, token) VALUES (?, ?)",
                         (email, unique("consent").replace(" ", "")))
        for email in withdrawn:
            conn.execute("UPDATE reference_consent SET withdrawn_at = 1 WHERE email = ?",
                         (email,))
        conn.commit()
    finally:
        conn.close()
    return gid


def link_of(mail, kind):
    """The personal link (path and query) of KIND (surveys, discussions) in MAIL."""
    m = re.search(rf"https?://[^/\s]+(/{kind}/link\?token=([0-9a-f]{{64}}))", mail.text)
    assert m, mail.text
    return m.group(1), m.group(2)


_sources = [40]


def resident(address):
    """A Browser signed in as a resident with a one-time code mailed to address (each from its
    own loopback address)."""
    _sources[0] += 1
    return sign_in_by_code(STACK, SMTP, address, f"127.0.0.{_sources[0]}", with_token=True)


QUESTIONS = [
    # text, kind, required, options
    ("Как вы оцениваете уборку улиц?", "scale", "yes", ""),
    ("Что благоустроить в первую очередь?", "single", "yes", "Парк\nНабережную\nДворы"),
    ("Откуда вы узнаёте новости поселения?", "multiple", "no",
     "Сайт\nГазета\nСоциальные сети"),
    ("Ваши предложения", "text", "no", ""),
]


def create(title=None, questions=QUESTIONS, **over):
    """A survey made by the organizer from today for 10 days; its id."""
    title = title or unique("Опрос о благоустройстве")
    fields = [("title", title), ("intro", "Помогите выбрать, что благоустроить.\nОпрос анонимный."),
              ("audience", "all"), ("territory", ""), ("opens_on", helpers.day(0).isoformat()),
              ("closes_on", helpers.day(10).isoformat()), ("results", "closed")]
    fields = [(k, over.pop(k, v)) for k, v in fields] + list(over.items())
    for text, kind, required, options in questions:
        fields += [("question", text), ("question_kind", kind), ("question_required", required),
                   ("question_options", options)]
    r = STAFF["organizer"].post("/admin/surveys", fields)
    assert r.status == 303, (r.status, text_of(main_of(r.text))[:1500])
    return int(re.search(r"/admin/surveys/(\d+)$", r.header("Location")).group(1))


def answer(b, sid, **answers):
    """Resident b answers survey sid: q1="4", q3=["1", "3"], …"""
    fields = []
    for name, value in answers.items():
        for v in value if isinstance(value, list) else [value]:
            fields.append((name, v))
    return b.post(f"/surveys/{sid}/response", fields)


def close(sid):
    """The survey's period is over (time passes: the dates move back)."""
    STACK.execute("UPDATE survey SET opens_on = ?, closes_on = ? WHERE id = ?",
                  (helpers.day(-12).isoformat(), helpers.day(-1).isoformat(), sid))


def responses(sid):
    return STACK.query("SELECT count(*) FROM survey_response WHERE survey_id = ?", (sid,))[0][0]


class SurveyTest(unittest.TestCase):
    def test_staff_create_a_survey_that_is_listed_and_shown(self):
        title = unique("Опрос о благоустройстве")
        sid = create(title)
        shown(self, STACK.get("/surveys"), title, "идёт опрос", "0 ответов", "все жители")
        page = shown(self, STACK.get(f"/surveys/{sid}"), title, "Помогите выбрать",
                     "идёт опрос до " + helpers.words(helpers.day(10)),
                     "войдите в личный кабинет",
                     "Итоги опроса будут опубликованы здесь после его окончания").text
        self.assertNotIn('id="results"', page)
        self.assertNotIn("/surveys/%d.csv" % sid, page)
        self.assertEqual(STACK.get(f"/surveys/{sid}.csv").status, 404)
        rows = STACK.query("SELECT action, entity FROM audit_log WHERE entity = 'survey' "
                           "AND entity_id = ?", (sid,))
        self.assertEqual(rows, [("create", "survey")])
        audit = STACK.query("SELECT after_json FROM audit_log WHERE entity = 'survey' "
                            "AND entity_id = ?", (sid,))[0][0]
        self.assertIn("Набережную", audit)
        staff = shown(self, STAFF["organizer"].get(f"/admin/surveys/{sid}"), title,
                      "Что благоустроить в первую очередь? — один вариант ответа, "
                      "обязательный: Парк; Набережную; Дворы").text
        self.assertIn("оценка от 1 до 5", staff)

    def test_the_survey_form_is_validated_beside_the_fields(self):
        org = STAFF["organizer"]
        r = org.post("/admin/surveys", [
            ("title", "Опрос <script>"), ("audience", "territory"), ("territory", ""),
            ("opens_on", helpers.day(5).isoformat()), ("closes_on", helpers.day(2).isoformat()),
            ("results", "closed"),
            ("question", "Один вариант?"), ("question_kind", "single"),
            ("question_required", "yes"), ("question_options", "Только один"),
            ("question", "Хороший вопрос"), ("question_kind", "scale"),
            ("question_required", "no"), ("question_options", "")])
        page = shown(self, r, "опрос не может закончиться раньше, чем начнётся",
                     "выберите территорию, жители которой участвуют",
                     "укажите хотя бы 2 варианта ответа", status=422).text
        self.assertIn('value="Опрос &lt;script&gt;"', page)
        self.assertIn('value="Хороший вопрос"', page)
        self.assertIn("Только один</textarea>", page)
        self.assertEqual(field_error(page, "question-1"),
                         "укажите хотя бы 2 варианта ответа, каждый с новой строки")
        self.assertIsNone(field_error(page, "question-2"))
        # The summary above the form links to the questions' block, where the error is too.
        self.assertIn('<a href="#f-question">вопрос: исправьте отмеченные вопросы.</a>', page)
        self.assertEqual(field_error(page, "question"), "вопрос: исправьте отмеченные вопросы.")
        r = org.post("/admin/surveys", [("title", "Без вопросов"), ("audience", "groups"),
                                        ("opens_on", helpers.day(0).isoformat()),
                                        ("closes_on", helpers.day(1).isoformat()),
                                        ("results", "live")])
        shown(self, r, "добавьте хотя бы один вопрос",
              "выберите хотя бы одну референтную группу", status=422)
        self.assertEqual(STACK.query("SELECT count(*) FROM survey WHERE title IN "
                                     "('Опрос <script>', 'Без вопросов')")[0][0], 0)

    def test_an_unknown_territory_or_reference_group_is_refused_beside_its_field(self):
        org = STAFF["organizer"]
        known = STACK.query("SELECT id FROM reference_group ORDER BY id LIMIT 1")[0][0]
        fields = [("title", "Опрос о неизвестных"), ("intro", "Вступление"),
                  ("opens_on", helpers.day(0).isoformat()),
                  ("closes_on", helpers.day(3).isoformat()), ("results", "live"),
                  ("question", "Что важнее?"), ("question_kind", "text"),
                  ("question_required", "no"), ("question_options", "")]
        r = org.post("/admin/surveys", fields + [("audience", "territory"),
                                                 ("territory", "999999")])
        page = shown(self, r, "<h1>", "такой территории нет", status=422).text
        self.assertIn("такой территории нет", field_error(page, "territory") or "")
        self.assertIn('value="Опрос о неизвестных"', page)
        r = org.post("/admin/surveys", fields + [("audience", "groups"),
                                                 ("reference_group", str(known)),
                                                 ("reference_group", "999999")])
        page = shown(self, r, "<h1>", "такой референтной группы нет", status=422).text
        self.assertIn("такой референтной группы нет", field_error(page, "reference_group") or "")
        self.assertIsNone(field_error(page, "territory"))
        # The group that exists stays chosen, with the rest of the input.
        self.assertIn(f'value="{known}" checked', page)
        self.assertIn('value="Что важнее?"', page)
        self.assertEqual(STACK.query("SELECT count(*) FROM survey WHERE title = ?",
                                     ("Опрос о неизвестных",))[0][0], 0)

    def test_only_survey_writers_create_surveys(self):
        for role in ("press", "secretary", "executor", "controller"):
            self.assertEqual(STAFF[role].get("/admin/surveys").status, 403, role)
            r = STAFF[role].post("/admin/surveys", {"title": "x", "audience": "all",
                                                    "opens_on": helpers.day(0).isoformat(),
                                                    "closes_on": helpers.day(1).isoformat(),
                                                    "results": "live", "question": "q",
                                                    "question_kind": "text"})
            self.assertEqual(r.status, 403, role)
            r = STAFF[role].post("/admin/surveys/preset",
                                 {"opens_on": helpers.day(0).isoformat(),
                                  "closes_on": helpers.day(1).isoformat()})
            self.assertEqual(r.status, 403, role)
            # Nor the free-text answers, on the page or in the CSV.
            self.assertEqual(STAFF[role].get("/admin/surveys/2").status, 403, role)
            self.assertEqual(STAFF[role].get("/admin/surveys/2.csv").status, 403, role)
        # The audience's groups with their size, as on the discussion form (one builder).
        shown(self, STAFF["admin"].get("/admin/surveys"), "Новый опрос",
              # Each group names its body where the portal serves several (migration 030).
              "Предприниматели Зеленоборска — Зеленоборск (3 участника)",
              "Старшее поколение — Зеленоборск (2 участника)")
        shown(self, STAFF["admin"].get("/admin/surveys/2"), "Качество уборки улиц зимой",
              "Чаще чистить тротуары у остановок.")
        r = STAFF["organizer"].post("/admin/surveys", {"csrf": "x", "title": "x"})
        self.assertEqual(r.status, 403)

    def test_a_response_is_checked_kept_saved_and_changed(self):
        sid = create()
        b = resident("answers.survey@example.org")
        page = shown(self, b.get(f"/surveys/{sid}"), "Отправить ответ",
                     "(обязательный вопрос)").text
        self.assertNotIn("Вы ответили", page)
        # The required scale question unanswered, an option that does not exist: 422, each
        # error beside its question, the other answers kept.
        r = answer(b, sid, q2="9", q3=["1", "3"], q4="Нужен <b>сквер</b>")
        page = shown(self, r, "Ответ не сохранён", status=422).text
        self.assertEqual(field_error(page, "q1"), "это обязательный вопрос: ответьте на него")
        self.assertEqual(field_error(page, "q2"), "выберите из предложенных вариантов")
        self.assertIsNone(field_error(page, "q3"))
        self.assertIn('name="q3" value="1" checked', page)
        self.assertIn('name="q3" value="3" checked', page)
        self.assertNotIn('name="q3" value="2" checked', page)
        self.assertIn("Нужен &lt;b&gt;сквер&lt;/b&gt;</textarea>", page)
        self.assertEqual(responses(sid), 0)
        r = answer(b, sid, q1="4", q2="2", q3=["1", "3"], q4="Нужен сквер")
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:800])
        self.assertEqual(r.header("Location"), f"/surveys/{sid}/sent")
        shown(self, b.get(f"/surveys/{sid}/sent"), "Ответ принят",
              "Изменить его можно до " + helpers.words(helpers.day(10)))
        rows = STACK.query("SELECT q.position, a.choice, a.text FROM survey_answer a "
                           "JOIN survey_response r ON r.id = a.response_id "
                           "JOIN survey_question q ON q.id = a.question_id "
                           "WHERE r.survey_id = ? ORDER BY 1, 2", (sid,))
        self.assertEqual(rows, [(1, 4, ""), (2, 2, ""), (3, 1, ""), (3, 3, ""),
                                (4, 0, "Нужен сквер")])
        # The page shows the response to change.
        page = shown(self, b.get(f"/surveys/{sid}"), "Вы ответили").text
        self.assertIn('name="q1" value="4" checked', page)
        self.assertIn('name="q2" value="2" checked', page)
        self.assertIn(">Нужен сквер</textarea>", page)
        r = answer(b, sid, q1="5", q2="3")
        self.assertEqual(r.status, 303)
        self.assertEqual(responses(sid), 1)
        rows = STACK.query("SELECT q.position, a.choice FROM survey_answer a "
                           "JOIN survey_response r ON r.id = a.response_id "
                           "JOIN survey_question q ON q.id = a.question_id "
                           "WHERE r.survey_id = ? ORDER BY 1, 2", (sid,))
        self.assertEqual(rows, [(1, 5), (2, 3)])
        # «Мои данные» (152-ФЗ art. 14) holds the answers as they stand, in words.
        r = b.get("/account/data?format=json")
        self.assertEqual(r.status, 200)
        title = STACK.query("SELECT title FROM survey WHERE id = ?", (sid,))[0][0]
        got = [(a["survey"], a["question"], a["answer"])
               for a in json.loads(r.text)["survey_answers"]]
        self.assertEqual(got, [(title, "Как вы оцениваете уборку улиц?", "5"),
                               (title, "Что благоустроить в первую очередь?", "Дворы")])
        r = b.get("/account/data?format=csv")
        self.assertEqual(r.status, 200)
        self.assertIn("ответ на вопрос опроса 2;answer;Дворы", r.text)

    def test_a_response_needs_a_resident_and_the_form_token(self):
        sid = create()
        r = STACK.post_form(f"/surveys/{sid}/response", [("q1", "3"), ("q2", "1")])
        self.assertEqual(r.status, 403)
        b = resident("token.survey@example.org")
        r = b.post(f"/surveys/{sid}/response", [("csrf", "wrong"), ("q1", "3"), ("q2", "1")])
        self.assertEqual(r.status, 403)
        self.assertEqual(responses(sid), 0)
        r = answer(b, sid, q1="3", q2="1", q4="x" * 2001)
        page = shown(self, r, "Ответ не сохранён", status=422).text
        self.assertIn("2000", field_error(page, "q4"))
        self.assertEqual(responses(sid), 0)

    def test_parallel_submissions_of_one_resident_leave_one_response(self):
        sid = create()
        b = resident("parallel.survey@example.org")
        results = []

        def send(i):
            results.append(answer(b, sid, q1=str(i % 5 + 1), q2=str(i % 3 + 1)).status)

        threads = [threading.Thread(target=send, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(sorted(results), [303] * 8)
        self.assertEqual(responses(sid), 1)
        # The answers are one submission's, whole: one value per single question.
        rows = STACK.query("SELECT q.position, count(*) FROM survey_answer a "
                           "JOIN survey_response r ON r.id = a.response_id "
                           "JOIN survey_question q ON q.id = a.question_id "
                           "WHERE r.survey_id = ? GROUP BY 1 ORDER BY 1", (sid,))
        self.assertEqual(rows, [(1, 1), (2, 1)])

    def test_a_survey_not_begun_or_over_refuses_with_a_clear_page(self):
        later = create(opens_on=helpers.day(3).isoformat())
        b = resident("closed.survey@example.org")
        page = shown(self, b.get(f"/surveys/{later}"),
                     "опрос начнётся " + helpers.words(helpers.day(3))).text
        self.assertNotIn("Отправить ответ", page)
        r = answer(b, later, q1="3", q2="1")
        shown(self, r, "Опрос начнётся " + helpers.words(helpers.day(3)) +
              ". Ваш ответ не принят.", status=422)
        over = create()
        page = shown(self, b.get(f"/surveys/{over}"), "Отправить ответ").text
        close(over)
        r = answer(b, over, q1="3", q2="1")
        shown(self, r, "Опрос завершён " + helpers.words(helpers.day(-1)) +
              ". Ваш ответ не принят.", "ответы больше не принимаются", status=422)
        self.assertEqual(responses(later) + responses(over), 0)

    def test_results_as_tables_charts_and_csv_without_free_text(self):
        sid = create()
        votes = [("5", "1", ["1", "2"], "Секрет первого"), ("4", "1", ["1"], ""),
                 ("4", "2", [], "Секрет третьего")]
        for i, (q1, q2, q3, q4) in enumerate(votes):
            b = resident(f"results{i}.survey@example.org")
            fields = {"q1": q1, "q2": q2, "q4": q4}
            if q3:
                fields["q3"] = q3
            self.assertEqual(answer(b, sid, **fields).status, 303)
        close(sid)
        page = shown(self, STACK.get(f"/surveys/{sid}"), "Итоги опроса", "3 ответа",
                     "опрос завершён").text
        self.assertNotIn("Отправить ответ", page)
        main = text_of(main_of(page))
        # Scale: 4 twice, 5 once, average 4,33; the table and the chart carry the same figures.
        self.assertIn("Средняя оценка 4,33", main)
        self.assertRegex(page, r"<th scope=\"row\">4</th><td>2</td><td>66,7\xa0%</td>")
        self.assertRegex(page, r"<th scope=\"row\">Парк</th><td>2</td><td>66,7\xa0%</td>")
        self.assertRegex(page, r"<th scope=\"row\">Сайт</th><td>2</td><td>100,0\xa0%</td>")
        self.assertIn("Ответили на вопрос: 2 участника", main)
        self.assertIn("<svg", page)
        self.assertIn("<title>Парк: 2</title>", page)
        self.assertIn("Те же числа — в таблице ниже", main)
        self.assertNotIn("Секрет", page)
        r = STACK.get(f"/surveys/{sid}.csv")
        self.assertEqual(r.status, 200)
        self.assertTrue(r.header("Content-Type").startswith("text/csv"))
        rows = list(csv.reader(io.StringIO(r.text.lstrip("\ufeff")), delimiter=";"))
        self.assertIn(["Парк", "2", "66,7\xa0%"], rows)
        self.assertIn(["4", "2", "66,7\xa0%"], rows)
        self.assertNotIn("Секрет", r.text)
        # Staff see the free-text answers, on the page and in their CSV.
        staff = shown(self, STAFF["organizer"].get(f"/admin/surveys/{sid}"), "Секрет первого",
                      "Секрет третьего", "Свободные ответы видны только сотрудникам").text
        self.assertIn("Средняя оценка", staff)
        r = STAFF["organizer"].get(f"/admin/surveys/{sid}.csv")
        self.assertEqual(r.status, 200)
        self.assertIn("Секрет третьего", r.text)

    def test_live_results_are_shown_while_the_survey_runs(self):
        sid = create(results="live")
        b = resident("live.survey@example.org")
        self.assertEqual(answer(b, sid, q1="2", q2="3").status, 303)
        page = shown(self, STACK.get(f"/surveys/{sid}"), "Итоги опроса",
                     "Опрос ещё идёт: итоги меняются по мере ответов", "1 ответ").text
        self.assertRegex(page, r"<th scope=\"row\">Дворы</th><td>1</td><td>100,0\xa0%</td>")
        self.assertEqual(STACK.get(f"/surveys/{sid}.csv").status, 200)

    def test_a_territory_survey_asks_the_resident_to_confirm_the_territory(self):
        tid, tname = STACK.query("SELECT id, name FROM territory ORDER BY id DESC LIMIT 1")[0]
        sid = create(audience="territory", territory=str(tid))
        shown(self, STACK.get("/surveys"), "жители: " + tname)
        b = resident("territory.survey@example.org")
        page = shown(self, b.get(f"/surveys/{sid}"), "Я живу на территории: " + tname).text
        self.assertIn('name="resident_of"', page)
        r = answer(b, sid, q1="3", q2="1", q4="Мой ответ")
        page = shown(self, r, status=422).text
        self.assertIn("подтвердите, что вы живёте здесь", field_error(page, "resident_of"))
        self.assertIn(">Мой ответ</textarea>", page)
        self.assertEqual(responses(sid), 0)
        self.assertEqual(answer(b, sid, resident_of="yes", q1="3", q2="1").status, 303)
        self.assertEqual(responses(sid), 1)

    def test_a_survey_of_reference_groups_is_answered_by_link_only(self):
        gid = STACK.query("SELECT min(id) FROM reference_group")[0][0]
        sid = create(audience="groups", reference_group=str(gid))
        b = resident("groups.survey@example.org")
        page = shown(self, b.get(f"/surveys/{sid}"), "участники референтных групп",
                     "персональную ссылку").text
        self.assertNotIn("Отправить ответ", page)
        r = answer(b, sid, q1="3", q2="1")
        shown(self, r, "отвечают по персональным ссылкам из письма. Ваш ответ не принят.",
              status=403)
        self.assertEqual(responses(sid), 0)

    def test_a_response_is_sent_at_most_twenty_times_an_hour(self):
        sid = create()
        b = resident("limit.survey@example.org")
        for i in range(20):
            self.assertEqual(answer(b, sid, q1="3", q2="1").status, 303, i)
        r = answer(b, sid, q1="5", q2="2", q4="Сохранённый текст")
        page = shown(self, r, "Отправьте его позже: ответы сохранены в форме", status=429).text
        self.assertIn(">Сохранённый текст</textarea>", page)
        self.assertIn('name="q1" value="5" checked', page)
        self.assertEqual(STACK.query("SELECT a.choice FROM survey_answer a JOIN survey_question "
                                     "q ON q.id = a.question_id WHERE q.survey_id = ? AND "
                                     "q.position = 1", (sid,)), [(3,)])

    def test_an_unknown_survey_is_404(self):
        self.assertEqual(STACK.get("/surveys/999999").status, 404)
        self.assertEqual(STACK.get("/surveys/999999.csv").status, 404)
        self.assertEqual(STAFF["organizer"].get("/admin/surveys/999999").status, 404)


class PersonalLinkTest(unittest.TestCase):
    def test_reference_groups_answer_a_survey_through_personal_links(self):
        gid = reference_group([("Петров Пётр Петрович", "petrov.link@example.org"),
                               ("Сидорова Анна", "sidorova.link@example.org"),
                               ("Отказался Иван", "refused.link@example.org")],
                              withdrawn=["refused.link@example.org"])
        title = unique("Опрос референтных групп")
        sid = create(title, audience="groups", reference_group=str(gid))
        shown(self, STAFF["organizer"].get(f"/admin/surveys/{sid}"),
              "разошлются участникам групп " + helpers.words(helpers.day(0)))
        notify()
        mail = wait_mail("petrov.link@example.org")
        self.assertIn(title, mail.subject)
        self.assertIn("Здравствуйте, Петров Пётр Петрович!", mail.text)
        self.assertIn("Отказаться от рассылки", mail.text)
        path, token = link_of(mail, "surveys")
        other_path, other_token = link_of(wait_mail("sidorova.link@example.org"), "surveys")
        self.assertNotEqual(token, other_token)
        self.assertEqual(mails_to("refused.link@example.org"), [])
        # The stored token is the one mailed; the notifier mails each link once.
        self.assertEqual(STACK.query("SELECT count(*) FROM participant_link WHERE kind = "
                                     "'survey' AND target_id = ?", (sid,))[0][0], 2)
        notify()
        self.assertEqual(len(mails_to("petrov.link@example.org")), 1)
        # The link opens the form without an account, signed with the participant's name.
        page = shown(self, STACK.get(path), title, "Петров Пётр Петрович",
                     "Отправить ответ").text
        self.assertIn(f'name="token" value="{token}"', page)
        r = STACK.post_form("/surveys/link", [("token", token), ("q2", "1")])
        page = shown(self, r, "Ответ не сохранён", status=422).text
        self.assertEqual(field_error(page, "q1"), "это обязательный вопрос: ответьте на него")
        self.assertIn('name="q2" value="1" checked', page)
        r = STACK.post_form("/surveys/link", [("token", token), ("q1", "5"), ("q2", "1"),
                                              ("q4", "Открытые заседания")])
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:800])
        self.assertEqual(r.header("Location"), f"/surveys/{sid}/sent")
        page = shown(self, STACK.get(path), "Вы ответили").text
        self.assertIn('name="q1" value="5" checked', page)
        # One response per link, however many arrive at once.
        results = []

        def send(i):
            results.append(STACK.post_form("/surveys/link", [
                ("token", token), ("q1", str(i % 5 + 1)), ("q2", "2")]).status)

        threads = [threading.Thread(target=send, args=(i,)) for i in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(sorted(results), [303] * 6)
        self.assertEqual(STACK.query("SELECT count(*), count(link_id), count(resident_id) FROM "
                                     "survey_response WHERE survey_id = ?", (sid,)), [(1, 1, 0)])
        self.assertEqual(STACK.post_form("/surveys/link", [("token", other_token), ("q1", "3"),
                                                           ("q2", "3")]).status, 303)
        self.assertEqual(responses(sid), 2)
        shown(self, STAFF["organizer"].get(f"/admin/surveys/{sid}"),
              "2 участникам; ответили 2")
        # A wrong token, or a survey's token on the discussions' link, finds nothing.
        r = STACK.get("/surveys/link?token=" + "0" * 64)
        shown(self, r, "Ссылка не найдена", status=404)
        self.assertEqual(STACK.get("/discussions/link?token=" + token).status, 404)
        self.assertEqual(STACK.post_form("/surveys/link", [("token", "x" * 64),
                                                           ("q1", "1")]).status, 404)
        # Over: the link refuses with a clear page.
        close(sid)
        r = STACK.post_form("/surveys/link", [("token", token), ("q1", "1"), ("q2", "1")])
        shown(self, r, "Опрос завершён", "Ваш ответ не принят", status=422)
        self.assertEqual(STACK.query("SELECT a.choice FROM survey_answer a JOIN survey_question "
                                     "q ON q.id = a.question_id JOIN survey_response r ON "
                                     "r.id = a.response_id JOIN participant_link l ON "
                                     "l.id = r.link_id WHERE q.position = 2 AND l.token = ?",
                                     (token,)), [(2,)])

    def test_reference_groups_send_proposals_to_a_discussion_through_personal_links(self):
        gid = reference_group([("Кузнецова Мария Ивановна", "kuznetsova.link@example.org")])
        title = unique("Проект программы благоустройства")
        r = STAFF["organizer"].post("/admin/discussions", {
            "title": title, "unit": "Отдел ЖКХ", "body": "1. Общие положения.",
            "form": "online", "meeting": "", "territory": "",
            "reference_group": str(gid), "opens_on": helpers.day(0).isoformat(),
            "closes_on": helpers.day(10).isoformat()})
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:800])
        did = int(re.search(r"/admin/discussions/(\d+)$", r.header("Location")).group(1))
        notify()
        mail = wait_mail("kuznetsova.link@example.org")
        self.assertIn("Ваша персональная ссылка для предложений", mail.text)
        path, token = link_of(mail, "discussions")
        page = shown(self, STACK.get(path), title, "Кузнецова Мария Ивановна",
                     "(участник референтной группы)", "Отправить на проверку").text
        self.assertNotIn('name="author"', page)
        r = STACK.post_form("/discussions/link", [("token", token), ("point", "1"),
                                                  ("text", ""), ("show_as", "initials")])
        page = shown(self, r, status=422).text
        self.assertIsNotNone(field_error(page, "text"))
        r = STACK.post_form("/discussions/link", [("token", token), ("point", "1"),
                                                  ("text", "Добавить освещение дворов."),
                                                  ("show_as", "initials")])
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:800])
        self.assertEqual(r.header("Location"), f"/discussions/{did}/sent")
        rows = STACK.query("SELECT p.author_name, p.email, p.status, p.resident_id IS NULL, "
                           "l.token FROM discussion_proposal p JOIN participant_link l "
                           "ON l.id = p.link_id WHERE p.discussion_id = ?", (did,))
        self.assertEqual(rows, [("Кузнецова Мария Ивановна", "kuznetsova.link@example.org",
                                 "pending", 1, token)])
        shown(self, STAFF["organizer"].get(f"/admin/discussions/{did}"),
              "Добавить освещение дворов.", "Кузнецова М. И.")
        # Refused: the mail gives the participant, who has no account, their personal link
        # back to the form (regression: it pointed to the public page, which asks to sign in).
        pid = STACK.query("SELECT id FROM discussion_proposal WHERE discussion_id = ?", (did,))[0][0]
        before = len(mails_to("kuznetsova.link@example.org"))
        r = STAFF["organizer"].post(f"/admin/discussions/proposals/{pid}/refuse",
                                    {"reason": "Повторяет пункт 1.2 проекта."})
        self.assertEqual(r.status, 303)
        notify()
        mail = wait_mail("kuznetsova.link@example.org", before)
        self.assertEqual(mail.subject, "Ваше предложение не опубликовано")
        self.assertIn("Причина: Повторяет пункт 1.2 проекта.", mail.text)
        self.assertIn(f"/discussions/link?token={token}", mail.text)
        self.assertNotIn(f"/discussions/{did}\n", mail.text)
        # The survey's link does not open the discussion, nor the reverse.
        self.assertEqual(STACK.get("/surveys/link?token=" + token).status, 404)


class PresetTest(unittest.TestCase):
    def test_the_yearly_survey_of_openness_is_made_with_one_button(self):
        org = STAFF["organizer"]
        year = helpers.today().year
        page = shown(self, org.get("/admin/surveys"),
                     "Готовый опрос «Оценка открытости и качества работы»",
                     f"Создать опрос за {year} год").text
        r = org.post("/admin/surveys/preset", {"opens_on": helpers.day(0).isoformat(),
                                               "closes_on": helpers.day(30).isoformat()})
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:800])
        sid = int(re.search(r"/admin/surveys/(\d+)$", r.header("Location")).group(1))
        title = f"Оценка открытости и качества работы органов местного самоуправления за {year} год"
        shown(self, org.get(f"/admin/surveys/{sid}"), title,
              "Оцените уровень открытости органов местного самоуправления",
              "Оцените качество и эффективность работы",
              "Учитываются ли мнения референтной группы")
        groups = STACK.query("SELECT count(*) FROM reference_group")[0][0]
        self.assertGreater(groups, 0)
        self.assertEqual(STACK.query("SELECT count(*) FROM survey_reference_group "
                                     "WHERE survey_id = ?", (sid,))[0][0], groups)
        self.assertEqual(STACK.query("SELECT audience, results, preset FROM survey WHERE id = ?",
                                     (sid,)), [("groups", "closed", f"openness-{year}")])
        self.assertEqual(STACK.query("SELECT count(*) FROM survey_question WHERE survey_id = ?",
                                     (sid,))[0][0], 7)
        shown(self, STACK.get(f"/surveys/{sid}"), title, "участники референтных групп")
        # Once a year.
        page = shown(self, org.get("/admin/surveys"), f"Опрос за {year} год уже создан").text
        self.assertNotIn(f"Создать опрос за {year} год", page)
        r = org.post("/admin/surveys/preset", {"opens_on": helpers.day(0).isoformat(),
                                               "closes_on": helpers.day(30).isoformat()})
        shown(self, r, f"Опрос за {year} год уже создан", status=422)
        self.assertEqual(STACK.query("SELECT count(*) FROM survey WHERE preset = ?",
                                     (f"openness-{year}",))[0][0], 1)
        self.assertEqual(STACK.query("SELECT count(*) FROM audit_log WHERE entity = 'survey' "
                                     "AND entity_id = ?", (sid,))[0][0], 1)


if __name__ == "__main__":
    unittest.main()
