"""What residents, staff and the press office ran into (issue 21, items 1, 2, 4, 5–8), driven over
HTTP through nginx as they would, with the notifier delivering to a real SMTP server (aiosmtpd)
on loopback: the meetings of the areas above a resident's territory in its filter and in its
mail, the navigation from «Обращения» and from a meeting's page, generated Russian sentences that
agree with every meeting kind and do not repeat it, the invitees and group members told of a
meeting and the call list of those to phone, invitees named with their organisation, and the
protocol handover deadline only for the kinds whose act sets it.

Fixtures written straight into the database where their own pages belong to other issues: held
meetings in the past, subscriptions, staff e-mail addresses."""

import html
import os
import re
import time
import subprocess
import unittest

import helpers
from helpers import day, epoch, local_input, main_of, text_of, words
from receivers import SmtpServer
from staff import form_errors, start_staff_stack

STACK = None
USERS = {}
SMTP = None

SUBSCRIBER_LESNOY = "lesnoy@residents.example"      # микрорайон Лесной (5)
SUBSCRIBER_MOLODEZH = "molodezh@residents.example"  # микрорайон Молодёжный (4)
SUBSCRIBER_VILLAGE = "village@residents.example"    # сельское поселение Берёзовка (6)
SETTLEMENT, CENTRAL, MOLODEZH, LESNOY, BEREZOVKA = 2, 3, 4, 5, 6
VENUE_HALL = 2


def setUpModule():
    global STACK, SMTP
    SMTP = SmtpServer().start()
    # Appeals are sent here without signing in (identification = none): what is checked is the
    # wording of their lines, not who may send them (test_residents.py).
    settings = {("mail", "smtp_url"): SMTP.url, ("mail", "from"): "noreply@zelenoborsk.example",
                ("appeals", "identification"): "none"}
    STACK, _, signed = start_staff_stack(settings, with_token=True)
    USERS.update(signed)
    STACK.execute("UPDATE staff_user SET email = login || '@zelenoborsk.example'")
    for n, (address, territory) in enumerate([(SUBSCRIBER_LESNOY, LESNOY),
                                              (SUBSCRIBER_MOLODEZH, MOLODEZH),
                                              (SUBSCRIBER_VILLAGE, BEREZOVKA)]):
        STACK.execute("INSERT INTO subscription (email, territory_id, token, status, created_at) "
                      "VALUES (?, ?, ?, 'active', unixepoch())", (address, territory, f"w{n}"))
    # The demo's approved meetings are announced now, so the tests count only their own.
    rc, out, err = notify()
    assert rc == 0, (rc, out, err)


def tearDownModule():
    try:
        STACK.close()
    finally:
        SMTP.stop()


def notify(*args):
    """Run the notifier once; (exit status, stdout, stderr)."""
    p = subprocess.run([os.path.join(STACK.bin, "portal-notify"), "-c", STACK.conf, *args],
                       capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


def create(kind="gathering", territory=CENTRAL, days=10, invitees=(), role="organizer", **over):
    """A draft meeting made over the staff form; (id, title)."""
    d = day(days)
    fields = {"kind": kind, "title": helpers.unique("Встреча"), "territory": str(territory),
              "venue": str(VENUE_HALL), "starts_at": local_input(d, "18:00"),
              "ends_at": local_input(d, "20:00"), "host": "1", "expected_attendance": "40",
              "description": "Обсуждение благоустройства."}
    fields.update(over)
    pairs = list(fields.items()) + [("invitee", str(i)) for i in invitees]
    r = USERS[role].post("/admin/meetings", pairs)
    assert r.status == 303, (r.status, form_errors(r.text))
    return int(r.header("Location").rsplit("/", 1)[1]), fields["title"]


def create_approved(**kw):
    mid, title = create(**kw)
    r = USERS["organizer"].post(f"/admin/meetings/{mid}/approve", {})
    assert r.status == 303, (r.status, form_errors(r.text))
    return mid, title


def insert_held(kind, title, days_ago, territory=CENTRAL, group=None):
    """A meeting of KIND held DAYS_AGO days ago at 18:00, without a protocol; its id."""
    d = day(-days_ago)
    with STACK.db() as conn:
        return conn.execute(
            "INSERT INTO meeting (kind, title, territory_id, venue_id, starts_at, ends_at, "
            "host_id, status, attendance, announced_at, group_id) "
            "VALUES (?, ?, ?, ?, ?, ?, 1, 'held', 30, ?, ?)",
            (kind, title, territory, VENUE_HALL, epoch(d, "18:00"), epoch(d, "20:00"),
             epoch(d, "18:00") - 10 * 86400, group)).lastrowid


def title_of(mid):
    return STACK.query("SELECT title FROM meeting WHERE id = ?", (mid,))[0][0]


def listed(path, mid):
    """Whether the public listing PATH (answering 200) links meeting MID."""
    r = STACK.get(path)
    assert r.status == 200, (path, r.status)
    return f'href="/meetings/{mid}"' in r.text


# ---- item 1: the areas above a resident's territory ---------------------------------------------
class TerritoriesAbove(unittest.TestCase):
    def test_a_settlement_wide_meeting_is_under_every_microdistrict_and_mailed_to_them(self):
        wide, wide_title = create_approved(kind="head_mass", territory=SETTLEMENT)
        local_mid, _ = create_approved(territory=MOLODEZH)
        # The filter of Лесной finds the settlement's meeting, not Молодёжный's own.
        self.assertTrue(listed(f"/meetings?territory={LESNOY}", wide))
        self.assertFalse(listed(f"/meetings?territory={LESNOY}", local_mid))
        self.assertTrue(listed(f"/meetings?territory={MOLODEZH}", local_mid))
        self.assertTrue(listed(f"/meetings?territory={MOLODEZH}", wide))
        # The village of another settlement does not.
        self.assertFalse(listed(f"/meetings?territory={BEREZOVKA}", wide))
        rc, out, err = notify()
        self.assertEqual(rc, 0, out + err)
        got = sorted(m.to for m in SMTP.about(wide_title))
        self.assertEqual(got.count(SUBSCRIBER_LESNOY), 1, got)
        self.assertEqual(got.count(SUBSCRIBER_MOLODEZH), 1, got)
        self.assertNotIn(SUBSCRIBER_VILLAGE, got)


# ---- item 8: the protocol handover deadline only where an act sets it ----------------------------
class HandoverPerKind(unittest.TestCase):
    def test_the_heads_meeting_has_no_handover_deadline_a_groups_field_meeting_has(self):
        head = insert_held("head_mass", helpers.unique("Встреча главы давно"), 150)
        group = insert_held("group_field", helpers.unique("Выездная встреча давно"), 30, group=1)
        home = USERS["organizer"].get("/admin")
        self.assertEqual(home.status, 200)
        items = {mid: re.search(rf'<li><a href="/admin/meetings/{mid}/protocol">.*?</li>',
                                home.text, re.S) for mid in (head, group)}
        self.assertIsNotNone(items[head], "the head's meeting still waits for its protocol")
        self.assertEqual(text_of(items[head].group(0)).split(": ", 1)[1],
                         "протокол не составлен")
        self.assertIn("передать до", text_of(items[group].group(0)))
        self.assertIn("просрочено", text_of(items[group].group(0)))
        page = text_of(main_of(USERS["organizer"].get(f"/admin/meetings/{head}/protocol").text))
        self.assertIn("Срок передачи в сектор контроля не установлен", page)
        self.assertNotIn("просрочено", page)
        page = text_of(main_of(USERS["organizer"].get(f"/admin/meetings/{group}/protocol").text))
        self.assertIn("Передать в сектор контроля не позднее", page)
        self.assertIn("просрочено", page)
        # The compliance report lists the group's meeting only.
        r = USERS["controller"].get(f"/admin/reports/compliance?from={day(-200).isoformat()}"
                                    f"&to={day(0).isoformat()}")
        self.assertEqual(r.status, 200)
        block = re.search(r'id="table-protocols-late">(.*?)</table>', r.text, re.S).group(1)
        self.assertIn(title_of(group), block)
        self.assertNotIn(title_of(head), block)
        # The notifier's digest to the organizers (tomorrow's: today's went out at the start):
        # the group's meeting, not the head's.
        rc, out, err = notify("--now=" + local_input(day(1), "09:00"))
        self.assertEqual(rc, 0, out + err)
        digests = [m for m in SMTP.messages if m.subject.startswith("Протоколы не переданы")]
        self.assertTrue(digests, out)
        text = digests[-1].text
        self.assertIn(f"/admin/meetings/{group}/protocol", text)
        self.assertNotIn(f"/admin/meetings/{head}/protocol", text)


# ---- item 4: sentences that agree with every kind and name it once ----------------------------
# Each kind: its name, the verb that agrees with it, and a title that already names the kind.
KINDS = {
    "head_mass": ("Встреча главы с населением с массовым участием жителей", "состоялась",
                  "Встреча главы с жителями микрорайона Лесной"),
    "group_field": ("Выездная встреча информационной группы", "состоялась",
                    "Выездная встреча в школе № 2"),
    "personal_reception": ("Личный приём граждан", "состоялся", "Личный приём главы поселения"),
    "gathering": ("Сход граждан", "состоялся", "Сход граждан деревни Кедровая"),
    "head_report": ("Отчёт главы поселения перед населением", "состоялся",
                    "Отчёт главы поселения за 2026 год"),
    "public_hearing": ("Публичные слушания, общественные обсуждения", "состоялись",
                       "Публичные слушания по проекту бюджета"),
    "forum": ("Форум", "состоялся", "Форум общественных организаций «Реальные дела»"),
}
VERBS = ("состоялась", "состоялся", "состоялось", "состоялись")


def feed_contents():
    r = STACK.get("/feed.atom")
    assert r.status == 200, r.status
    return [html.unescape(c) for c in re.findall(r"<content[^>]*>(.*?)</content>", r.text, re.S)]


class Agreement(unittest.TestCase):
    maxDiff = None

    def test_every_kind_agrees_and_is_not_repeated_in_the_feed(self):
        # The feed carries the results of a meeting once its protocol is signed, never of a
        # personal reception (residents' own affairs): its sentence is checked on the press
        # page and in the mail by the next test.
        now = int(time.time())
        made = {}
        for kind, (_, _, naming) in KINDS.items():
            for title in (helpers.unique("Итоги проекта «Наш двор»"), helpers.unique(naming)):
                with STACK.db() as conn:
                    cur = conn.execute(
                        "INSERT INTO meeting (kind, title, territory_id, venue_id, starts_at, "
                        "ends_at, host_id, status, attendance) "
                        "VALUES (?, ?, 3, 2, ?, ?, 1, 'held', 20)",
                        (kind, title, now - 7200, now - 3600))
                    conn.execute(
                        "INSERT INTO protocol (meeting_id, held_on, created_at, updated_at, "
                        "signed_at) VALUES (?, date(?, 'unixepoch'), ?, ?, ?)",
                        (cur.lastrowid, now, now, now, now - 60))
                made.setdefault(kind, []).append(title)
        contents = feed_contents()
        for kind, (name, verb, _) in KINDS.items():
            plain, naming = made[kind]
            with self.subTest(kind=kind):
                if kind == "personal_reception":
                    self.assertFalse([c for c in contents if plain in c or naming in c])
                    continue
                inner = plain.replace("«", "„").replace("»", "“")
                self.assertTrue(any(c.startswith(f"{name} «{inner}» {verb} ") for c in contents),
                                [c for c in contents if plain in c or inner in c])
                # The title names the kind: the sentence starts with it, the kind not repeated.
                self.assertTrue(any(c.startswith(f"{naming} {verb} ") for c in contents),
                                [c for c in contents if naming in c])
                self.assertFalse(any(f"{name} «{naming}" in c for c in contents))
                for other in set(VERBS) - {verb}:
                    self.assertFalse(any(c.startswith(f"{naming} {other}") for c in contents))

    def test_press_text_atom_and_mail_of_an_announced_meeting_for_every_kind(self):
        made = {}
        for n, (kind, (name, verb, naming)) in enumerate(KINDS.items()):
            title = helpers.unique(naming)
            extra = {"group": "1"} if kind == "group_field" else {}
            mid, _ = create_approved(kind=kind, title=title, days=10 + n, **extra)
            made[kind] = (mid, title)
        rc, out, err = notify()
        self.assertEqual(rc, 0, out + err)
        contents = feed_contents()
        for kind, (name, verb, _) in KINDS.items():
            mid, title = made[kind]
            with self.subTest(kind=kind):
                r = STACK.get(f"/press/{mid}")
                self.assertEqual(r.status, 200)
                page = text_of(main_of(r.text))
                self.assertIn(f"Что: {title}.", page)
                self.assertNotIn(f"{name} «", page)
                self.assertIn(f"<h1 id=\"release-{mid}\">{html.escape(title, False)}</h1>",
                              r.text)
                self.assertTrue(any(c.startswith(f"{title}. Когда: ") for c in contents))
                mails = SMTP.about(title)
                self.assertTrue(mails)
                for m in mails:
                    self.assertNotIn(f"\n{name}\n", m.text.replace("\r\n", "\n"))
        # A cancellation names the kind once too.
        mid, title = made["public_hearing"]
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/cancel",
                                    {"cancel_reason": "Проект бюджета отозван"})
        self.assertEqual(r.status, 303, form_errors(r.text))
        rc, out, err = notify()
        self.assertEqual(rc, 0, out + err)
        self.assertTrue(any(c.startswith(f"Внимание: встреча отменена. {title}, ")
                            for c in feed_contents()))
        page = text_of(main_of(STACK.get(f"/press/{mid}").text))
        self.assertIn(f"Что: {title}.", page)
        self.assertNotIn(f"{KINDS['public_hearing'][0]} «", page)

    def test_a_title_without_the_kind_gets_it_with_nested_quotes(self):
        title = helpers.unique("Итоги «Реальных дел»")
        mid, _ = create_approved(kind="forum", title=title)
        rc, out, err = notify()
        self.assertEqual(rc, 0, out + err)
        r = STACK.get(f"/press/{mid}")
        self.assertEqual(r.status, 200)
        inner = title.replace("«", "„").replace("»", "“")
        self.assertIn(f"Что: Форум «{inner}».", text_of(main_of(r.text)))

    def test_the_draft_alert_ends_its_date_with_one_full_stop(self):
        mid, title = create(days=6)
        rc, out, err = notify()
        self.assertEqual(rc, 0, out + err)
        mails = [m for m in SMTP.about(title) if "всё ещё черновик" in m.text]
        self.assertTrue(mails, out)
        self.assertIn(f"утвердить не позднее {words(day(1))}\n",
                      mails[0].text.replace("\r\n", "\n"))
        self.assertNotIn("г..", mails[0].text)

    def test_the_appeal_history_and_answers_lines(self):
        fields = {"addressee": "head", "surname": "Иванова", "name": "Мария",
                  "patronymic": "Петровна", "email": "ivanova@residents.example", "address": "",
                  "phone": "", "territory": "3", "text": "Прошу починить фонарь.",
                  "consent": "yes"}
        r = STACK.post_form("/appeals", fields)
        self.assertEqual(r.status, 303, r.text[-1500:])
        aid, number = STACK.query("SELECT id, number FROM appeal ORDER BY id DESC LIMIT 1")[0]
        page = text_of(main_of(USERS["organizer"].get(f"/admin/appeals/{aid}").text))
        self.assertIn("— зарегистрировано: получено через сайт (без участия сотрудника)", page)
        self.assertNotIn(")получено", page)
        forum = helpers.unique("Форум «Реальные дела»")
        with STACK.db() as conn:
            mid = conn.execute(
                "INSERT INTO meeting (kind, title, territory_id, venue_id, starts_at, ends_at, "
                "host_id, status) VALUES ('forum', ?, 3, 2, unixepoch() - 86400, "
                "unixepoch() - 80000, 1, 'held')", (forum,)).lastrowid
            conn.execute("UPDATE appeal SET meeting_id = ?, public_question = 'Когда фонарь?', "
                         "public_answer = 'Завтра.', published_at = unixepoch() WHERE id = ?",
                         (mid, aid))
        r = STACK.get("/answers")
        self.assertEqual(r.status, 200)
        inner = forum.replace("«", "„").replace("»", "“")
        self.assertIn(f"Обращение № {number}, подано на встрече «{inner}»",
                      text_of(main_of(r.text)))
        self.assertNotIn("задан на встрече", r.text)


# ---- item 7: invitees with their organisation ----------------------------------------------------
class InviteesWithOrganisation(unittest.TestCase):
    def test_the_meeting_page_press_text_and_mail_name_the_organisation(self):
        mid, title = create_approved(invitees=[8, 9, 6])
        rc, out, err = notify()
        self.assertEqual(rc, 0, out + err)
        zakharov = "Захаров Павел Ильич, директор ООО «Зеленоборский ЛПК»"
        lebedeva = ("Лебедева Татьяна Андреевна, начальник отдела ЖКХ, Администрация городского "
                    "поселения Зеленоборск")
        nikitin = ("Никитин Сергей Владимирович, начальник отделения полиции ОМВД России по "
                   "Советскому району")
        for path in (f"/meetings/{mid}", f"/press/{mid}"):
            r = STACK.get(path)
            self.assertEqual(r.status, 200)
            page = text_of(main_of(r.text))
            for line in (zakharov, lebedeva, nikitin):
                self.assertIn(line, page, path)
            self.assertNotIn("Захаров Павел Ильич — Директор", page)
        mails = SMTP.about(title)
        self.assertTrue(mails)
        self.assertIn(f"— {zakharov}", mails[0].text)


# ---- item 2: no dead ends -------------------------------------------------------------------------
class Navigation(unittest.TestCase):
    def test_appeals_in_the_menu_offers_the_form_the_follow_up_and_the_answers(self):
        home = STACK.get("/")
        self.assertEqual(home.status, 200)
        self.assertIn('<li><a href="/appeals">Обращения</a></li>', home.text)
        r = STACK.get("/appeals")
        self.assertEqual(r.status, 200)
        self.assertIn('<a href="/appeals" aria-current="page">Обращения</a>', r.text)
        page = main_of(r.text)
        for href, label in (("/appeals/new", "Написать обращение"),
                            ("/appeals/status", "Узнать, как рассматривается обращение"),
                            ("/answers", "Читать ответы")):
            self.assertIn(f'<a href="{href}">{label}</a>', page)
        # The form itself leads to the follow-up too.
        form = main_of(STACK.get("/appeals/new").text)
        self.assertIn('<a href="/appeals/status">', form)

    def test_a_meeting_page_offers_subscription_and_a_question_in_advance(self):
        mid, title = create_approved(territory=LESNOY, days=12)
        r = STACK.get(f"/meetings/{mid}")
        self.assertEqual(r.status, 200)
        page = main_of(r.text)
        self.assertIn(f'<a href="/subscribe?territory={LESNOY}">Подписаться на анонсы встреч</a>',
                      page)
        self.assertIn(f'<a href="/appeals/new?meeting={mid}">Задать вопрос к этой встрече '
                      f'заранее</a>', page)
        sub = STACK.get(f"/subscribe?territory={LESNOY}")
        self.assertEqual(sub.status, 200)
        self.assertIn(f'<option value="{LESNOY}" selected>', sub.text)
        form = STACK.get(f"/appeals/new?meeting={mid}")
        self.assertEqual(form.status, 200)
        prefilled = f"Вопрос к встрече «{title}» ({words(day(12))}):"
        self.assertIn(html.escape(prefilled, False), form.text)
        self.assertIn(f'<option value="{LESNOY}" selected>', form.text)
        self.assertIn(f'<a href="/meetings/{mid}">«{title}»</a>', form.text)
        # The question goes in as an appeal with that text.
        fields = {"addressee": "head", "surname": "Петров", "name": "Пётр",
                  "email": "petrov@residents.example", "territory": str(LESNOY),
                  "text": prefilled + "\nКогда отремонтируют дорогу?", "consent": "yes"}
        r = STACK.post_form("/appeals", fields)
        self.assertEqual(r.status, 303, r.text[-1500:])
        self.assertEqual(STACK.query("SELECT text FROM appeal ORDER BY id DESC LIMIT 1")[0][0],
                         fields["text"])

    def test_the_calendar_is_offered_as_webcal_and_as_a_file(self):
        for path in ("/", "/meetings"):
            r = STACK.get(path)
            self.assertEqual(r.status, 200)
            page = text_of(main_of(r.text))
            self.assertIn('<a href="/calendar/subscribe">подписаться</a>', r.text)
            self.assertIn('href="/meetings.ics"', r.text)
            self.assertIn("подписаться (адрес для программы-календаря: "
                          "webcal://zelenoborsk.example/meetings.ics) — календарь на телефоне или "
                          "компьютере сам добавит новые встречи и изменения", page)
            self.assertIn("скачать файл .ics — разовый импорт", page)
        r = STACK.get("/calendar/subscribe")
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"), "webcal://zelenoborsk.example/meetings.ics")
        # What the subscription reads is the calendar itself.
        ics = STACK.get("/meetings.ics")
        self.assertEqual(ics.status, 200)
        self.assertIn("BEGIN:VCALENDAR", ics.text)


# ---- item 6: invitees and group members told, the call list ------------------------------------
def informed_section(page):
    m = re.search(r'<section class="block" id="informed".*?</section>', page, re.S)
    return m.group(0) if m else None


def call_list(page):
    m = re.search(r'<ul class="call-list">(.*?)</ul>', informed_section(page) or "", re.S)
    return [text_of(li) for li in re.findall(r"<li>(.*?)</li>", m.group(1), re.S)] if m else []


def told(page):
    """{person line: how told} of the meeting page's list."""
    rows = re.findall(r'<li><strong class="who">(.*?)</strong> — <span class="role">(.*?)</span>: '
                      r'<span class="how">(.*?)</span></li>', informed_section(page) or "", re.S)
    return {text_of(who): (text_of(role), text_of(how)) for who, role, how in rows}


class Informed(unittest.TestCase):
    maxDiff = None
    MOROZOV = "Морозов Дмитрий Алексеевич, депутат Совета депутатов городского поселения"
    NIKITIN = ("Никитин Сергей Владимирович, начальник отделения полиции ОМВД России по "
               "Советскому району")
    ZAKHAROV = "Захаров Павел Ильич, директор ООО «Зеленоборский ЛПК»"
    VASILYEVA = "Васильева Елена Петровна, депутат Думы Советского района"
    PETROV = ("Петров Игорь Сергеевич, заместитель главы городского поселения, Администрация "
              "городского поселения Зеленоборск")

    def test_who_was_told_and_how_and_the_call_list(self):
        # A member of information group № 1 with an address; the others have none.
        STACK.execute("UPDATE person SET email = 'morozov@zelenoborsk.example', "
                      "phone = '+7 34675 2-11-11' WHERE id = 4")
        STACK.execute("UPDATE person SET phone = '+7 34675 2-22-22' WHERE id = 8")
        mid, title = create_approved(kind="group_field", territory=MOLODEZH, group="1",
                                     invitees=[2, 5], days=9)
        # Before the announcement: mail is due with it; those without an address are to call.
        page = USERS["organizer"].get(f"/admin/meetings/{mid}")
        self.assertEqual(page.status, 200)
        self.assertEqual(told(page.text)[self.MOROZOV],
                         ("член информационной группы",
                          "письмо на morozov@zelenoborsk.example уйдёт с анонсом встречи"))
        rc, out, err = notify()
        self.assertEqual(rc, 0, out + err)
        # The group's member with an address got the announcement (regulation № 44 on information
        # groups §3.6.3).
        got = sorted(m.to for m in SMTP.about(title))
        self.assertIn("morozov@zelenoborsk.example", got)
        self.assertIn("zam@zelenoborsk.example", got)
        self.assertIn("Приглашаем вас принять участие во встрече.",
                      next(m for m in SMTP.about(title)
                           if m.to == "morozov@zelenoborsk.example").text)
        page = USERS["organizer"].get(f"/admin/meetings/{mid}").text
        people = told(page)
        self.assertEqual(set(people), {self.PETROV, self.VASILYEVA, self.MOROZOV, self.NIKITIN,
                                       self.ZAKHAROV})
        self.assertEqual(people[self.PETROV][0], "приглашён(а)")
        self.assertRegex(people[self.PETROV][1],
                         r"^письмо отправлено \d+ \w+ \d{4} г\., \d\d:\d\d на "
                         r"zam@zelenoborsk\.example$")
        self.assertTrue(people[self.MOROZOV][1].startswith("письмо отправлено "))
        for who in (self.VASILYEVA, self.NIKITIN, self.ZAKHAROV):
            self.assertEqual(people[who][1], "электронной почты в справочнике нет — нужен звонок")
        self.assertIn("Сообщено: 2 из 5 человек.", text_of(informed_section(page)))
        calls = call_list(page)
        self.assertEqual(sorted(calls), sorted([
            f"{self.VASILYEVA}: телефона в справочнике нет Сообщено",
            f"{self.NIKITIN}: телефона в справочнике нет Сообщено",
            f"{self.ZAKHAROV}: телефон +7 34675 2-22-22 Сообщено"]))
        # The proof of publication counts invitees and group members apart from subscribers.
        proof = text_of(main_of(page))
        self.assertRegex(proof, r"Электронная почта: приглашённые и члены группы: доставлено \d")
        self.assertRegex(proof, r"Электронная почта: подписчики: доставлено \d")
        self.assertNotIn("приглашённые и подписчики", proof)

        # The organizer phones Захаров and marks it; the group's secretary marks Никитин.
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/informed", {"person": "8"})
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"), f"/admin/meetings/{mid}#informed")
        r = USERS["secretary"].post(f"/admin/meetings/{mid}/informed", {"person": "6"})
        self.assertEqual(r.status, 303)
        self.assertEqual(STACK.query("SELECT f.person_id, u.login FROM meeting_informed f "
                                     "JOIN staff_user u ON u.id = f.informed_by "
                                     "WHERE f.meeting_id = ? ORDER BY f.person_id", (mid,)),
                         [(6, "secretary"), (8, "organizer")])
        audits = STACK.query("SELECT login, after_json FROM audit_log WHERE action = 'informed' "
                             "AND entity = 'meeting' AND entity_id = ? ORDER BY id", (mid,))
        self.assertEqual([(login, after) for login, after in audits],
                         [("organizer", '{"person_id":8}'), ("secretary", '{"person_id":6}')])
        page = USERS["organizer"].get(f"/admin/meetings/{mid}").text
        self.assertRegex(told(page)[self.ZAKHAROV][1],
                         r"^сообщено лично или по телефону \d+ \w+ \d{4} г\., \d\d:\d\d "
                         r"\(organizer\)$")
        self.assertEqual(call_list(page), [f"{self.VASILYEVA}: телефона в справочнике нет "
                                           "Сообщено"])
        self.assertIn("Сообщено: 4 из 5 человек.", text_of(informed_section(page)))

        # Refused: twice, a person the meeting does not concern, a stale form, the press.
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/informed", {"person": "8"})
        self.assertEqual(r.status, 422)
        self.assertIn("Уже отмечено", text_of(r.text))
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/informed", {"person": "1"})
        self.assertEqual(r.status, 422)
        self.assertIn("не приглашён на встречу", text_of(r.text))
        r = USERS["organizer"].post(f"/admin/meetings/{mid}/informed",
                                    {"person": "5", "csrf": "stale"})
        self.assertEqual(r.status, 403)
        r = USERS["press"].post(f"/admin/meetings/{mid}/informed", {"person": "5"})
        self.assertEqual(r.status, 403)
        self.assertEqual(STACK.query("SELECT count(*) FROM meeting_informed WHERE meeting_id = ?",
                                     (mid,)), [(2,)])
        # The press office reads the meeting, not the contacts of those to call.
        r = USERS["press"].get(f"/admin/meetings/{mid}")
        self.assertEqual(r.status, 200)
        self.assertIn(title, r.text)
        self.assertIsNone(informed_section(r.text))
        self.assertNotIn("+7 34675 2-22-22", r.text)


if __name__ == "__main__":
    unittest.main()
