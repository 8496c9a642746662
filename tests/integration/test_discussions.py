"""Public discussions of draft acts (issue 20 item 1) through HTTP on the real stack: staff put a
draft up for discussion, a resident signed in with a one-time code sends proposals, staff
publish or refuse them (the refusal mailed to the author through the real SMTP server), a
closed discussion refuses new proposals with a clear page, and the conclusion with every
proposal's outcome is published and mailed to each author. Roles, form tokens, limits and the
audit log are checked on the way."""

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
from staff import csrf_of, field_error, read_passwords, signed_in

STACK = SMTP = STAFF = None

DRAFT = ("1. Общие положения\n"
         "1.1. Настоящие правила устанавливают порядок благоустройства дворовых территорий.\n"
         "2. Озеленение\n"
         "2.1. Вырубка деревьев допускается только по разрешению администрации <b>поселения</b>.")


def setUpModule():
    global STACK, SMTP, STAFF
    SMTP = SmtpServer().start()
    STACK = Stack(settings={("limits", "appeals_per_minute"): "0",
                            ("mail", "smtp_url"): SMTP.url,
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


_sources = [20]


def resident(address):
    """A Browser signed in as a resident with a one-time code mailed to address (each from its
    own loopback address: the sign-in slows down many codes asked from one)."""
    _sources[0] += 1
    return sign_in_by_code(STACK, SMTP, address, f"127.0.0.{_sources[0]}")


def create(title=None, **over):
    """A discussion made by the organizer from today for 10 days; its id."""
    title = title or unique("Проект правил благоустройства")
    fields = {"title": title, "unit": "Отдел ЖКХ", "body": DRAFT, "form": "online",
              "meeting": "", "territory": "", "opens_on": helpers.day(0).isoformat(),
              "closes_on": helpers.day(10).isoformat()}
    fields.update(over)
    r = STAFF["organizer"].post("/admin/discussions", fields)
    assert r.status == 303, (r.status, text_of(main_of(r.text))[:800])
    return int(re.search(r"/admin/discussions/(\d+)$", r.header("Location")).group(1))


def propose(b, did, text, point="", author="Иванова Мария Петровна", show_as="full"):
    """A proposal sent by resident b with the session's form token (read from the account: a
    closed discussion's page has no form, but a page opened earlier had the same token)."""
    page = b.get("/account")
    return b.post(f"/discussions/{did}/proposals",
                  {"csrf": csrf_of(page.text), "point": point, "text": text, "author": author,
                   "show_as": show_as})


def close(did):
    """The discussion's period is over (time passes: the dates move back)."""
    STACK.execute("UPDATE discussion SET opens_on = ?, closes_on = ? WHERE id = ?",
                  (helpers.day(-12).isoformat(), helpers.day(-1).isoformat(), did))


class DiscussionTest(unittest.TestCase):
    def test_a_draft_is_published_as_text_and_listed(self):
        title = unique("Проект положения о ТОС")
        did = create(title)
        r = shown(self, STACK.get("/discussions"), title, "Отдел ЖКХ", "идёт приём предложений",
                  "0 опубликованных предложений")
        page = shown(self, STACK.get(f"/discussions/{did}"), title, "Текст проекта",
                     "1.1. Настоящие правила устанавливают порядок",
                     "идёт приём предложений до", "войдите в личный кабинет").text
        # The draft is text on the page, escaped, one paragraph a line.
        self.assertIn("<p>2.1. Вырубка деревьев допускается только по разрешению администрации "
                      "&lt;b&gt;поселения&lt;/b&gt;.</p>", page)
        self.assertIn(helpers.words(helpers.day(10)), text_of(page))
        row = STACK.query("SELECT action, entity FROM audit_log WHERE entity = 'discussion' "
                          "AND entity_id = ?", (did,))
        self.assertEqual(row, [("create", "discussion")])
        self.assertIn("Обсуждения", text_of(r.text))

    def test_the_draft_form_is_validated_beside_the_fields(self):
        org = STAFF["organizer"]
        r = org.post("/admin/discussions", {
            "title": "Проект <script>", "unit": "", "body": "Текст", "form": "hearing",
            "meeting": "", "territory": "999999", "opens_on": helpers.day(5).isoformat(),
            "closes_on": helpers.day(2).isoformat()})
        page = shown(self, r, "обсуждение не может закончиться раньше, чем начнётся",
                     "для публичных слушаний выберите встречу", "такой территории нет",
                     status=422).text
        self.assertIn('value="Проект &lt;script&gt;"', page)
        self.assertNotIn("Проект <script>", page)
        r = org.post("/admin/discussions", {
            "title": "Проект", "unit": "Отдел", "body": "Текст", "form": "online",
            "meeting": "", "territory": "", "opens_on": helpers.day(-5).isoformat(),
            "closes_on": helpers.day(-1).isoformat()})
        shown(self, r, "дата окончания уже прошла", status=422)

    def test_an_unknown_reference_group_is_refused_beside_its_field(self):
        org = STAFF["organizer"]
        known = STACK.query("SELECT id FROM reference_group ORDER BY id LIMIT 1")[0][0]
        title = unique("Проект правил с неизвестной группой")
        r = org.post("/admin/discussions", [
            ("title", title), ("unit", "Отдел"), ("body", "Текст проекта"), ("form", "online"),
            ("meeting", ""), ("territory", ""), ("reference_group", str(known)),
            ("reference_group", "999999"), ("opens_on", helpers.day(1).isoformat()),
            ("closes_on", helpers.day(20).isoformat())])
        page = shown(self, r, "<h1>", "такой референтной группы нет", status=422).text
        self.assertIn("такой референтной группы нет", field_error(page, "reference_group") or "")
        self.assertIsNone(field_error(page, "territory"))
        self.assertIn(f'value="{title}"', page)
        self.assertIn(f'value="{known}" checked', page)
        self.assertEqual(STACK.query("SELECT count(*) FROM discussion WHERE title = ?",
                                     (title,))[0][0], 0)

    def test_a_public_hearing_links_its_meeting_and_the_meeting_its_conclusion(self):
        row = STACK.query("SELECT id, title FROM meeting WHERE kind = 'public_hearing' "
                          "AND status = 'held' LIMIT 1")
        self.assertTrue(row, "the demo data has a held public hearing")
        mid, mtitle = row[0]
        title = unique("Проект бюджета на 2027 год")
        did = create(title, form="hearing", meeting=str(mid))
        shown(self, STACK.get(f"/discussions/{did}"), "публичные слушания", mtitle,
              f'href="/meetings/{mid}"')
        page = shown(self, STACK.get(f"/meetings/{mid}"), "Обсуждаемый проект", title,
                     f'href="/discussions/{did}"').text
        self.assertNotIn(f'href="/discussions/{did}#conclusion"', page)
        close(did)
        r = STAFF["organizer"].post(f"/admin/discussions/{did}/conclude",
                                    {"conclusion": "Предложений не поступило."})
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:500])
        shown(self, STACK.get(f"/meetings/{mid}"), "заключение о результатах обсуждения",
              f'href="/discussions/{did}#conclusion"')
        shown(self, STACK.get(f"/discussions/{did}"), "Предложений не поступило.",
              "Опубликованных предложений пока нет")

    def test_only_discussion_writers_may_publish_and_moderate(self):
        for role in ("press", "secretary", "executor", "controller"):
            r = STAFF[role].get("/admin/discussions")
            self.assertEqual(r.status, 403, role)
            r = STAFF[role].post("/admin/discussions", {"title": "x", "unit": "y", "body": "z",
                                                        "form": "online",
                                                        "opens_on": helpers.day(0).isoformat(),
                                                        "closes_on": helpers.day(1).isoformat()})
            self.assertEqual(r.status, 403, role)
        shown(self, STAFF["admin"].get("/admin/discussions"), "Новый проект на обсуждение")
        # Without the form token the organizer is refused too.
        r = STAFF["organizer"].post("/admin/discussions", {"csrf": "x", "title": "x"})
        self.assertEqual(r.status, 403)

    def test_an_author_follows_their_proposals_in_the_account_and_in_my_data(self):
        title = unique("Проект правил содержания детских площадок")
        did = create(title)
        b = resident("sidorova.account@example.org")
        # Before any proposal the account has no such section (and shows the rest).
        page = shown(self, b.get("/account"), "Мои обращения").text
        self.assertNotIn("Мои предложения к проектам", page)
        texts = [unique("Поставить скамейки у песочницы"), unique("Реклама магазина"),
                 unique("Покрасить ограждение")]
        for text in texts:
            self.assertEqual(propose(b, did, text, point="2.1",
                                     author="Сидорова Анна").status, 303)
        ids = [STACK.query("SELECT id FROM discussion_proposal WHERE text = ?", (t,))[0][0]
               for t in texts]
        org = STAFF["organizer"]
        self.assertEqual(org.post(f"/admin/discussions/proposals/{ids[0]}/publish",
                                  {}).status, 303)
        self.assertEqual(org.post(f"/admin/discussions/proposals/{ids[1]}/refuse",
                                  {"reason": "Не относится к проекту."}).status, 303)
        main = text_of(main_of(shown(self, b.get("/account"), "Мои предложения к проектам",
                                     title).text))
        self.assertIn(f'href="/discussions/{did}"', b.get("/account").text)
        self.assertIn("К пункту 2.1. Отправлено", main)
        self.assertIn("Опубликовано на странице обсуждения.", main)
        self.assertIn("Не опубликовано. Причина: Не относится к проекту.", main)
        self.assertIn("Ждёт проверки перед публикацией.", main)
        self.assertNotIn("Итог обсуждения", main)
        # The outcome is shown once the conclusion is published, not before.
        self.assertEqual(org.post(f"/admin/discussions/proposals/{ids[2]}/publish",
                                  {}).status, 303)
        close(did)
        for pid, outcome in ((ids[0], "accepted"), (ids[2], "rejected")):
            self.assertEqual(org.post(f"/admin/discussions/proposals/{pid}/outcome",
                                      {"outcome": outcome,
                                       "reason": "Решение комиссии."}).status, 303)
        page = shown(self, b.get("/account"), "Мои предложения к проектам",
                     "Опубликовано на странице обсуждения.").text
        self.assertNotIn("Итог обсуждения", page)
        self.assertEqual(org.post(f"/admin/discussions/{did}/conclude",
                                  {"conclusion": "Обсуждение состоялось."}).status, 303)
        main = text_of(main_of(shown(self, b.get("/account"), "Мои предложения к проектам").text))
        self.assertIn("Итог обсуждения: учтено. Решение комиссии.", main)
        self.assertIn("Итог обсуждения: отклонено. Решение комиссии.", main)
        # «Мои данные» holds them too (152-ФЗ art. 14), as JSON and as CSV.
        r = b.get("/account/data?format=json")
        self.assertEqual(r.status, 200)
        data = json.loads(r.text)
        got = {p["text"]: (p["discussion"], p["point"], p["status"], p["refusal_reason"],
                           p["outcome"]) for p in data["proposals"]}
        self.assertEqual(got, {
            texts[0]: (title, "2.1", "published", "", "accepted"),
            texts[1]: (title, "2.1", "refused", "Не относится к проекту.", ""),
            texts[2]: (title, "2.1", "published", "", "rejected")})
        for key in ("appeals", "appeal_steps", "subscriptions", "bookings", "survey_answers"):
            self.assertEqual(data[key], [], key)
        r = b.get("/account/data?format=csv")
        self.assertEqual(r.status, 200)
        rows = list(csv.reader(io.StringIO(r.text.lstrip("\ufeff")), delimiter=";"))
        self.assertIn(["предложение 1", "discussion", title], rows)
        self.assertIn(["учётная запись", "email", "sidorova.account@example.org"], rows)
        # Another resident sees none of them.
        other = resident("kozlov.account@example.org")
        page = shown(self, other.get("/account"), "Мои обращения").text
        self.assertNotIn(texts[0], page)
        self.assertEqual(json.loads(other.get("/account/data?format=json").text)["proposals"], [])

    def test_moderation_publication_refusal_and_conclusion(self):
        did = create()
        ivanova = resident("ivanova.disc@example.org")
        petrov = resident("petrov.disc@example.org")
        # Not signed in: no form, a sign-in link.
        page = shown(self, STACK.get(f"/discussions/{did}"), "войдите в личный кабинет").text
        self.assertNotIn('name="text"', page)
        # A signed-in resident's proposal waits for moderation and is not shown yet.
        r = propose(ivanova, did, "Предлагаю разрешить посадку кустарников жителями.",
                    point="2.1", show_as="initials")
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:500])
        shown(self, ivanova.get(r.header("Location")), "Предложение получено")
        r = propose(petrov, did, "Реклама http://spam.example", author="Петров Пётр")
        self.assertEqual(r.status, 303)
        page = shown(self, STACK.get(f"/discussions/{did}"),
                     "Опубликованных предложений пока нет").text
        self.assertNotIn("кустарников", page)
        self.assertNotIn("spam.example", page)
        # Staff see both; publishing one, refusing the other without a reason is refused.
        staff_page = shown(self, STAFF["organizer"].get(f"/admin/discussions/{did}"),
                           "кустарников", "spam.example", "Ждёт проверки").text
        ids = [int(x) for x in re.findall(r'id="proposal-(\d+)"', staff_page)]
        self.assertEqual(len(ids), 2)
        first, second = ids
        r = STAFF["organizer"].post(f"/admin/discussions/proposals/{first}/publish", {})
        self.assertEqual(r.status, 303)
        r = STAFF["organizer"].post(f"/admin/discussions/proposals/{second}/refuse",
                                    {"reason": ""})
        shown(self, r, "Укажите причину отказа", status=422)
        before = len(mails_to("petrov.disc@example.org"))
        r = STAFF["organizer"].post(f"/admin/discussions/proposals/{second}/refuse",
                                    {"reason": "Реклама, не относится к проекту."})
        self.assertEqual(r.status, 303)
        notify()
        mail = wait_mail("petrov.disc@example.org", before)
        self.assertEqual(mail.subject, "Ваше предложение не опубликовано")
        self.assertIn("Причина: Реклама, не относится к проекту.", mail.text)
        self.assertIn(f"/discussions/{did}", mail.text)
        # The published proposal shows the text and the author as chosen, nothing more.
        page = shown(self, STACK.get(f"/discussions/{did}"),
                     "Предлагаю разрешить посадку кустарников жителями.",
                     "Автор: Иванова М. П.", "К пункту: 2.1").text
        self.assertNotIn("Иванова Мария Петровна", page)
        self.assertNotIn("ivanova.disc@example.org", page)
        self.assertNotIn("spam.example", page)
        # No conclusion while the discussion is open.
        r = STAFF["organizer"].post(f"/admin/discussions/{did}/conclude",
                                    {"conclusion": "Итоги."})
        shown(self, r, "Заключение пишется после окончания обсуждения", status=422)
        # The period is over: a new proposal is refused with a clear page.
        close(did)
        r = propose(ivanova, did, "Запоздалое предложение.")
        page = shown(self, r, "Приём предложений по этому проекту завершён",
                     "Ваше предложение не принято", status=422).text
        self.assertNotIn('name="text"', page)
        self.assertEqual(STACK.query("SELECT count(*) FROM discussion_proposal WHERE "
                                     "text = 'Запоздалое предложение.'")[0][0], 0)
        # The conclusion needs every published proposal's outcome.
        r = STAFF["organizer"].post(f"/admin/discussions/{did}/conclude",
                                    {"conclusion": "Итоги."})
        shown(self, r, "Укажите итог по 1 опубликованному предложению", status=422)
        r = STAFF["organizer"].post(f"/admin/discussions/proposals/{first}/outcome",
                                    {"outcome": "bogus", "reason": "x"})
        shown(self, r, "Выберите итог", status=422)
        r = STAFF["organizer"].post(f"/admin/discussions/proposals/{first}/outcome",
                                    {"outcome": "partial",
                                     "reason": "Посадка допускается по согласованию."})
        self.assertEqual(r.status, 303)
        before = len(mails_to("ivanova.disc@example.org"))
        r = STAFF["organizer"].post(f"/admin/discussions/{did}/conclude",
                                    {"conclusion": "Обсуждение состоялось. Поступило два "
                                                   "предложения, одно опубликовано."})
        self.assertEqual(r.status, 303)
        page = shown(self, STACK.get(f"/discussions/{did}"),
                     "Заключение о результатах обсуждения",
                     "Обсуждение состоялось. Поступило два предложения",
                     "Итог: учтено частично.", "Посадка допускается по согласованию.").text
        notify()
        mail = wait_mail("ivanova.disc@example.org", before)
        self.assertEqual(mail.subject, "Итоги обсуждения проекта: ваше предложение")
        self.assertIn("Итог: учтено частично.", mail.text)
        self.assertIn("Обоснование: Посадка допускается по согласованию.", mail.text)
        # Every step is audited.
        actions = sorted(a for (a,) in STACK.query(
            "SELECT action FROM audit_log WHERE (entity = 'discussion' AND entity_id = ?) OR "
            "(entity = 'discussion_proposal' AND entity_id IN (?, ?))", (did, first, second)))
        self.assertEqual(actions, ["conclude", "create", "outcome", "publish", "refuse"])
        # Concluded: a second conclusion and later outcomes are refused.
        r = STAFF["organizer"].post(f"/admin/discussions/{did}/conclude",
                                    {"conclusion": "Ещё раз."})
        shown(self, r, "Заключение уже опубликовано", status=422)

    def test_a_proposal_needs_a_resident_and_the_form_token_and_keeps_the_input(self):
        did = create()
        r = STACK.post_form(f"/discussions/{did}/proposals",
                            [("text", "Без входа"), ("author", "Аноним"), ("show_as", "full")])
        self.assertEqual(r.status, 403)
        b = resident("sidorova.disc@example.org")
        r = b.post(f"/discussions/{did}/proposals",
                   {"csrf": "forged", "text": "x", "author": "y", "show_as": "full"})
        self.assertEqual(r.status, 403)
        r = propose(b, did, "", author="Сидорова Анна")
        page = shown(self, r, "текст предложения", status=422).text
        self.assertIn('value="Сидорова Анна"', page)
        r = propose(b, did, "x" * 5001)
        shown(self, r, "текст предложения", status=422)
        r = propose(b, did, "Текст", show_as="everything")
        shown(self, r, "выберите, как подписать предложение", status=422)
        self.assertEqual(STACK.query("SELECT count(*) FROM discussion_proposal WHERE "
                                     "discussion_id = ?", (did,))[0][0], 0)

    def test_a_resident_sends_at_most_five_proposals_an_hour(self):
        did = create()
        b = resident("kuznetsov.disc@example.org")
        for i in range(5):
            r = propose(b, did, f"Предложение номер {i + 1}.")
            self.assertEqual(r.status, 303, i)
        r = propose(b, did, "Шестое предложение.")
        page = shown(self, r, "уже отправили 5 предложений", status=429).text
        self.assertIn("Шестое предложение.", page)
        self.assertEqual(STACK.query("SELECT count(*) FROM discussion_proposal WHERE "
                                     "discussion_id = ?", (did,))[0][0], 5)

    def test_parallel_proposals_are_all_kept(self):
        did = create()
        browsers = [resident(f"parallel{i}.disc@example.org") for i in range(4)]
        results = []

        def send(b, i):
            results.append(propose(b, did, f"Параллельное предложение {i}.").status)

        threads = [threading.Thread(target=send, args=(b, i)) for i, b in enumerate(browsers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(sorted(results), [303] * 4)
        self.assertEqual(STACK.query("SELECT count(*) FROM discussion_proposal WHERE "
                                     "discussion_id = ?", (did,))[0][0], 4)

    def test_files_of_a_draft_are_checked_by_content_and_added_to_the_text(self):
        org = STAFF["organizer"]
        title = unique("Проект устава ТОС")
        fields = [("csrf", org.token), ("title", title), ("unit", "Юридический отдел"),
                  ("body", "1. Текст проекта на странице."), ("form", "online"),
                  ("opens_on", helpers.day(0).isoformat()),
                  ("closes_on", helpers.day(7).isoformat())]

        def send(files):
            body, ctype = helpers.multipart(fields, files)
            cookie = org.cookie_header("/admin/discussions")
            r = STACK.request("POST", "/admin/discussions", body=body,
                              headers={"Content-Type": ctype, "Cookie": cookie})
            return r

        # An executable named .pdf and a PNG (not a document) are refused beside the field.
        r = send([("attachment", "проект.pdf", helpers.ELF, "application/pdf")])
        page = shown(self, r, "«проект.pdf»: Файлы такого типа не принимаются",
                     status=422).text
        self.assertIn(title, page)
        r = send([("attachment", "схема.png", helpers.PNG, "image/png")])
        shown(self, r, "«схема.png»: проект прикладывается в формате PDF, ODT или DOCX",
              status=422)
        self.assertEqual(STACK.query("SELECT count(*) FROM discussion WHERE title = ?",
                                     (title,))[0][0], 0)
        r = send([("attachment", "проект.html", helpers.PDF, "text/html")])
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:600])
        did = int(r.header("Location").rsplit("/", 1)[1])
        page = shown(self, STACK.get(f"/discussions/{did}"), "1. Текст проекта на странице.",
                     "Файлы проекта", "проект.pdf", "PDF, 1 КБ").text
        fid = re.search(r'href="/discussions/files/(\d+)"', page).group(1)
        f = STACK.get(f"/discussions/files/{fid}")
        self.assertEqual(f.status, 200)
        self.assertEqual(f.header("Content-Type"), "application/pdf")
        self.assertIn("attachment", f.header("Content-Disposition"))
        self.assertEqual(f.body, helpers.PDF)
        shown(self, STACK.get("/discussions/files/999999"), status=404)

    def test_an_unknown_discussion_is_404(self):
        shown(self, STACK.get("/discussions/999999"), status=404)
        shown(self, STAFF["organizer"].get("/admin/discussions/999999"), status=404)


class AnnouncementTest(unittest.TestCase):
    """The opening is announced by the notifier to the subscribers of the territory and to the
    chosen reference groups, and appears on /press and in /feed.atom; not before its period."""

    def test_the_opening_is_announced_to_subscribers_groups_press_and_feed(self):
        conn = STACK.db()
        try:
            for email, territory in (("centre.sub@example.org", 3), ("town.sub@example.org", 2),
                                     ("all.sub@example.org", None),
                                     ("kedr.sub@example.org", 7)):
                conn.execute("INSERT INTO subscription (email, territory_id, token, status, "
                             "created_at, confirmed_at) VALUES (?, ?, ?, 'active', 0, 0)",
                             (email, territory, unique("tok").replace(" ", "")))
            conn.execute("INSERT INTO subscription (email, territory_id, token, status, "
                         "created_at) VALUES ('pending.sub@example.org', 3, 'tok-pending', "
                         "'pending', 0)")
            gid = conn.execute("INSERT INTO reference_group (name) VALUES (?)",
                               (unique("Предприниматели"),)).lastrowid
            other = conn.execute("INSERT INTO reference_group (name) VALUES (?)",
                                 (unique("Пенсионеры"),)).lastrowid
            for email, group in (("business@example.org", gid), ("withdrawn@example.org", gid),
                                 ("pension@example.org", other)):
                conn.execute("INSERT INTO reference_group_member (group_id, name, email) "
                             "VALUES (?, 'Участник', ?)", (group, email))
                conn.execute("INSERT OR IGNORE INTO reference_consent (email, token) "
                             "VALUES (?, ?)", (email, unique("ref").replace(" ", "")))
            conn.execute("UPDATE reference_consent SET withdrawn_at = 1 "
                         "WHERE email = 'withdrawn@example.org'")
            conn.commit()
        finally:
            conn.close()
        title = unique("Проект схемы размещения нестационарных торговых объектов")
        did = create(title, territory="3", reference_group=[str(gid)],
                     opens_on=helpers.day(3).isoformat())
        page = shown(self, STACK.get(f"/discussions/{did}"), "приём предложений начнётся",
                     "референтные группы").text
        self.assertNotIn('name="text"', page)
        # Not before its period: nothing mailed, not on /press.
        notify()
        self.assertEqual(STACK.query("SELECT count(*) FROM outbox WHERE dedup_key LIKE ?",
                                     (f"discussion:{did}:%",))[0][0], 0)
        press = shown(self, STACK.get("/press"), "Общественные обсуждения проектов").text
        self.assertNotIn(title, press)
        STACK.execute("UPDATE discussion SET opens_on = ? WHERE id = ?",
                      (helpers.day(0).isoformat(), did))
        notify()
        for address in ("centre.sub@example.org", "town.sub@example.org",
                        "all.sub@example.org", "business@example.org"):
            mail = wait_mail(address)
            self.assertEqual(mail.subject, f"Общественное обсуждение: {title}", address)
            self.assertIn(f"/discussions/{did}", mail.text)
            self.assertIn(f"по {helpers.words(helpers.day(10))} включительно", mail.text)
        self.assertIn("/unsubscribe?token=", wait_mail("centre.sub@example.org").text)
        recipients = {r for (r,) in STACK.query(
            "SELECT recipient FROM outbox WHERE dedup_key LIKE ?", (f"discussion:{did}:%",))}
        for absent in ("kedr.sub@example.org", "pending.sub@example.org",
                       "withdrawn@example.org", "pension@example.org"):
            self.assertNotIn(absent, recipients)
        # Once only.
        notify()
        self.assertEqual(len(mails_to("business@example.org")), 1)
        shown(self, STACK.get("/press"), title, "вынесен на общественное обсуждение",
              f'href="/discussions/{did}"')
        feed = STACK.get("/feed.atom")
        self.assertEqual(feed.status, 200)
        self.assertIn(f"<title>Общественное обсуждение: {title}</title>", feed.text)
        self.assertIn(f"/discussions/{did}", feed.text)


# ---- a database error is not a missing record (issue 15, item 2) ----------------------------
class StepError(unittest.TestCase):
    def test_a_failing_file_read_is_an_error_not_a_missing_file(self):
        org = STAFF["organizer"]
        fields = [("csrf", org.token), ("title", unique("Проект положения о конкурсе")),
                  ("unit", "Отдел культуры"), ("body", "1. Текст проекта."), ("form", "online"),
                  ("opens_on", helpers.day(0).isoformat()),
                  ("closes_on", helpers.day(7).isoformat())]
        body, ctype = helpers.multipart(fields, [("attachment", "положение.pdf", helpers.PDF,
                                                  "application/pdf")])
        r = STACK.request("POST", "/admin/discussions", body=body,
                          headers={"Content-Type": ctype,
                                   "Cookie": org.cookie_header("/admin/discussions")})
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:600])
        did = int(r.header("Location").rsplit("/", 1)[1])
        page = shown(self, STACK.get(f"/discussions/{did}"), "положение.pdf").text
        fid = re.search(r'href="/discussions/files/(\d+)"', page).group(1)
        # The file's statement now fails when stepped (its table is away): the answer must
        # be an error, not «no such file».
        STACK.execute("ALTER TABLE discussion_file RENAME TO discussion_file_away")
        try:
            r = STACK.get(f"/discussions/files/{fid}")
            self.assertEqual(r.status, 500)
            self.assertIn("Внутренняя ошибка сайта", r.text)
        finally:
            STACK.execute("ALTER TABLE discussion_file_away RENAME TO discussion_file")
        f = STACK.get(f"/discussions/files/{fid}")
        self.assertEqual(f.status, 200)
        self.assertEqual(f.body, helpers.PDF)


if __name__ == "__main__":
    unittest.main()
