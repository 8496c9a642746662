"""The plan of measures (issue 20 item 4, seed 002) through HTTP on the real stack: measures
added by the form and imported from CSV (bad lines refused by number, nothing imported), the
export read back, a held meeting that fulfils its measure by itself, a record entered by hand
with its document, and the compliance report with the plan's fulfilment and what is missing
(page and CSV). Roles and form tokens on the way."""

import csv
import io
import re
import unittest

import helpers
from helpers import main_of, shown, text_of, unique
from stack import Stack
from staff import read_passwords, signed_in

STACK = STAFF = None


def setUpModule():
    global STACK, STAFF
    STACK = Stack()
    STACK.start()
    STAFF = signed_in(STACK, read_passwords(STACK), with_token=True)


def tearDownModule():
    STACK.close()


def post_file(role, path, fields, files):
    """POST a multipart form with FILES as staff member ROLE (form token added)."""
    b = STAFF[role]
    body, ctype = helpers.multipart([("csrf", b.token)] + list(fields), files)
    return STACK.request("POST", path, body=body,
                         headers={"Content-Type": ctype, "Cookie": b.cookie_header(path)})


def import_csv(text, role="organizer"):
    return post_file(role, "/admin/plan/import", [],
                     [("attachment", "план.csv", text.encode("utf-8"), "text/csv")])


def measure_id(item):
    rows = STACK.query("SELECT id FROM plan_measure WHERE item = ?", (item,))
    return rows[0][0] if rows else None


def period_rows(page):
    """(period, state, evidence text) of each row of a measure page's table of periods."""
    body = re.search(r'<caption id="periods-caption">.*?<tbody>(.*?)</tbody>', page, re.S)
    if not body:
        return []
    return [tuple(text_of(c) for c in re.findall(r"<td>(.*?)</td>", tr, re.S))
            for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", body.group(1), re.S)]


def report_table(page, anchor):
    """The cells of the rows of the report's table ANCHOR (its id)."""
    m = re.search(r'id="table-' + anchor + r'">.*?<tbody>(.*?)</tbody>', page, re.S)
    if not m:
        return []
    return [[text_of(c) for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", tr, re.S)]
            for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", m.group(1), re.S)]


def summary_value(page, name):
    for row in report_table(page, "summary"):
        if row and row[0] == name:
            return int(row[1])
    raise AssertionError(f"{name} not in the summary")


MONTHS = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
          "октябрь", "ноябрь", "декабрь"]
HEADER = "Пункт;Мероприятие;Периодичность;Срок;Ответственные;Подтверждение;Вид встречи\r\n"


class PlanTest(unittest.TestCase):
    def test_the_demo_plan_is_listed_with_its_fulfilment(self):
        page = shown(self, STAFF["organizer"].get("/admin/plan"), "<h1>План мероприятий</h1>",
                     "Организация личных приёмов Главы района", "Новое мероприятие",
                     "Загрузить план из CSV").text
        self.assertIn("Личный приём граждан".lower(), text_of(page).lower())

    def test_a_held_meeting_fulfils_its_measure_by_itself(self):
        org = STAFF["organizer"]
        today = helpers.today()
        month_start = today.replace(day=1)
        kinds = [k for (k,) in STACK.query("SELECT code FROM meeting_kind ORDER BY sort_order")]
        free = [k for k in kinds if STACK.query(
            "SELECT count(*) FROM meeting WHERE kind = ? AND status = 'held' "
            "AND starts_at >= ?", (k, helpers.epoch(month_start, "00:00")))[0][0] == 0]
        self.assertTrue(free, "every kind has a held meeting this month")
        kind = free[0]
        item = unique("М")[:20]
        r = org.post("/admin/plan", {"item": item, "text": "Ежемесячная встреча для проверки",
                                     "periodicity": "monthly", "units": "Отдел по работе с "
                                     "территориями", "evidence": "meeting", "kind": kind})
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:800])
        mid = measure_id(item)
        self.assertEqual(r.headers["Location"], f"/admin/plan/{mid}")
        audit = STACK.query("SELECT action FROM audit_log WHERE entity = 'plan_measure' "
                            "AND entity_id = ?", (mid,))
        self.assertEqual(audit, [("create",)])
        this_month = f"{MONTHS[today.month - 1]} {today.year} г."
        page = shown(self, org.get(f"/admin/plan/{mid}"), "Ежемесячная встреча для проверки").text
        self.assertIn((this_month, "период идёт", ""), period_rows(page))

        # A meeting of the kind whose start has passed, marked held by the organizer.
        title = unique("Встреча по плану")
        start = max(helpers.epoch(month_start, "00:05"), helpers.epoch(today, "00:05"))
        conn = STACK.db()
        try:
            meeting = conn.execute(
                "INSERT INTO meeting (kind, title, territory_id, starts_at, ends_at, status) "
                "VALUES (?, ?, 4, ?, ?, 'approved')", (kind, title, start, start + 60)).lastrowid
            conn.commit()
        finally:
            conn.close()
        r = org.post(f"/admin/meetings/{meeting}/held", {"attendance": "25"})
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:800])
        page = shown(self, org.get(f"/admin/plan/{mid}"), title).text
        rows = [row for row in period_rows(page) if row[0] == this_month]
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0][1], "выполнено")
        self.assertIn(f"встреча «{title}»", rows[0][2])
        self.assertIn(f'href="/admin/meetings/{meeting}"', page)
        listing = shown(self, org.get("/admin/plan"), item).text
        self.assertRegex(text_of(listing), "выполнено: 1, не выполнено: 0, идёт: 0")

    def test_a_concluded_discussion_fulfils_its_measure_by_itself(self):
        # The demo's measure 17 (quarterly, proved by a discussion) and its concluded
        # discussion, whose last day was 10 days ago; the open one does not count.
        closed = helpers.day(-10)
        (mid,), = STACK.query("SELECT id FROM plan_measure WHERE item = '17'")
        (title,), = STACK.query("SELECT title FROM discussion WHERE concluded_at IS NOT NULL")
        (open_title,), = STACK.query("SELECT title FROM discussion WHERE concluded_at IS NULL")
        page = shown(self, STAFF["controller"].get(f"/admin/plan/{mid}?year={closed.year}"),
                     "Организация обсуждений в группах администраций сельских поселений").text
        quarter = ["I", "II", "III", "IV"][(closed.month - 1) // 3]
        rows = [r for r in period_rows(page) if r[0] == f"{quarter} квартал {closed.year} г."]
        self.assertEqual(len(rows), 1, period_rows(page))
        self.assertEqual(rows[0][1], "выполнено")
        self.assertEqual(rows[0][2], f"обсуждение с заключением «{title}», {helpers.words(closed)}")
        self.assertIn('href="/admin/discussions/2"', page)
        self.assertNotIn(open_title, page)

    def test_a_missing_period_shows_in_the_compliance_report(self):
        org = STAFF["organizer"]
        year = helpers.today().year - 1
        url = f"/admin/reports/compliance?from={year}-01-01&to={year}-12-31"
        before = shown(self, org.get(url), "План мероприятий: исполнение по периодам").text
        missing_before = summary_value(before, "План мероприятий: периодов не выполнено")
        done_before = summary_value(before, "План мероприятий: периодов выполнено")
        item = unique("К")[:20]
        r = org.post("/admin/plan", {"item": item, "text": "Заседание Общественной палаты",
                                     "periodicity": "quarterly", "units": "Собрание депутатов",
                                     "evidence": "record"})
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:800])
        mid = measure_id(item)
        # The second quarter is proved by a record with its document.
        r = post_file("organizer", f"/admin/plan/{mid}/records",
                      [("done_on", f"{year}-05-14"), ("note", "Заседание палаты, протокол № 2")],
                      [("attachment", "протокол.pdf", helpers.PDF, "application/pdf")])
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:800])
        after = shown(self, org.get(url), "План мероприятий: не выполнено").text
        self.assertEqual(summary_value(after, "План мероприятий: периодов не выполнено"),
                         missing_before + 3)
        self.assertEqual(summary_value(after, "План мероприятий: периодов выполнено"),
                         done_before + 1)
        mine = [row for row in report_table(after, "plan") if row[0] == item]
        self.assertEqual([row[2:4] for row in mine],
                         [[f"I квартал {year} г.", "не выполнено"],
                          [f"II квартал {year} г.", "выполнено"],
                          [f"III квартал {year} г.", "не выполнено"],
                          [f"IV квартал {year} г.", "не выполнено"]])
        self.assertIn("отметка с документом «Заседание палаты, протокол № 2», 14 мая", mine[1][4])
        missing = [row for row in report_table(after, "plan-missing") if row[0] == item]
        self.assertEqual([row[2] for row in missing],
                         [f"I квартал {year} г.", f"III квартал {year} г.",
                          f"IV квартал {year} г."])
        self.assertEqual(missing[0][3], "Собрание депутатов")
        r = org.get(url + "&format=csv")
        self.assertEqual(r.status, 200)
        self.assertIn("text/csv", r.headers["Content-Type"])
        lines = r.body.decode("utf-8-sig").splitlines()
        self.assertIn("План мероприятий: не выполнено", lines)
        self.assertIn(f"{item};Заседание Общественной палаты;III квартал {year} г.;"
                      "Собрание депутатов", lines)

    def test_a_record_needs_a_document_of_an_accepted_type(self):
        org = STAFF["organizer"]
        item = unique("Д")[:20]
        org.post("/admin/plan", {"item": item, "text": "Мониторинг групп в соцсетях",
                                 "periodicity": "permanent", "evidence": "record"})
        mid = measure_id(item)
        r = post_file("organizer", f"/admin/plan/{mid}/records",
                      [("done_on", helpers.today().isoformat()), ("note", "Отчёт о мониторинге")],
                      [("attachment", "отчёт.pdf", helpers.ELF, "application/pdf")])
        page = shown(self, r, "«отчёт.pdf»: Файлы такого типа не принимаются", status=422).text
        self.assertIn("Отчёт о мониторинге", page)  # the text is kept
        r = post_file("organizer", f"/admin/plan/{mid}/records",
                      [("done_on", helpers.day(3).isoformat()), ("note", "Отчёт о мониторинге")],
                      [])
        shown(self, r, "дата ещё не наступила", "приложите документ", status=422)
        self.assertEqual(STACK.query("SELECT count(*) FROM plan_record WHERE measure_id = ?",
                                     (mid,))[0][0], 0)
        r = post_file("organizer", f"/admin/plan/{mid}/records",
                      [("done_on", helpers.today().isoformat()), ("note", "Отчёт о мониторинге")],
                      [("attachment", "отчёт.html", helpers.PDF, "text/html")])
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:800])
        (rid,), = STACK.query("SELECT id FROM plan_record WHERE measure_id = ?", (mid,))
        page = shown(self, org.get(f"/admin/plan/{mid}"), "отчёт.pdf",
                     "Мероприятие постоянное").text
        self.assertIn(f'href="/admin/plan/records/{rid}"', page)
        f = STAFF["controller"].get(f"/admin/plan/records/{rid}")
        self.assertEqual(f.status, 200)
        self.assertEqual(f.body, helpers.PDF)
        self.assertIn("application/pdf", f.headers["Content-Type"])
        self.assertEqual(STACK.query("SELECT action FROM audit_log WHERE entity = 'plan_record' "
                                     "AND entity_id = ?", (rid,)), [("create",)])

    def test_form_errors_are_beside_the_fields_with_the_input_kept(self):
        org = STAFF["organizer"]
        item = unique("Ф")[:20]
        count = STACK.query("SELECT count(*) FROM plan_measure")[0][0]
        r = org.post("/admin/plan", {"item": item, "text": "Отчёт на Ассамблее депутатов",
                                     "periodicity": "once", "evidence": "meeting"})
        page = shown(self, r, "для однократного мероприятия укажите срок",
                     "укажите вид встречи, которая подтверждает мероприятие", status=422).text
        self.assertIn(f'value="{item}"', page)
        self.assertIn("Отчёт на Ассамблее депутатов</textarea>", page)
        self.assertIn('<option value="once" selected>', page)
        r = org.post("/admin/plan", {"item": item, "text": "Отчёт", "periodicity": "weekly",
                                     "evidence": "record", "due_on": "2026-02-30"})
        shown(self, r, "периодичность «weekly» не известна", status=422)
        self.assertEqual(STACK.query("SELECT count(*) FROM plan_measure")[0][0], count)

    def test_csv_round_trip(self):
        a, b, c = (unique("Э")[:20] for _ in range(3))
        year = helpers.today().year
        text = (HEADER +
                f'{a};"Организация ежегодного Форума (сбор наказов для программы ""Реальные '
                f'дела"")";однократно, к сроку;30.11.{year};Собрание депутатов;meeting;forum\r\n'
                f'{b};"-Мониторинг; комментарии";Ежеквартально;;Информационно-аналитический '
                f'отдел;record;\r\n'
                f'{c};Публичные слушания;раз в полугодие;;Отделы, инициирующие слушания;meeting;'
                f'Публичные слушания, общественные обсуждения\r\n')
        r = import_csv(text)
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:1500])
        self.assertEqual(r.headers["Location"], "/admin/plan")
        rows = STACK.query("SELECT item, periodicity, due_on, evidence, meeting_kind FROM "
                           "plan_measure WHERE item IN (?, ?, ?) ORDER BY id", (a, b, c))
        self.assertEqual(rows, [(a, "once", f"{year}-11-30", "meeting", "forum"),
                                (b, "quarterly", None, "record", None),
                                (c, "half_yearly", None, "meeting", "public_hearing")])
        self.assertEqual(STACK.query("SELECT count(*) FROM audit_log WHERE entity = "
                                     "'plan_measure' AND action = 'import' AND entity_id IN "
                                     "(SELECT id FROM plan_measure WHERE item IN (?, ?, ?))",
                                     (a, b, c))[0][0], 3)
        shown(self, STAFF["organizer"].get("/admin/plan"), a, b, c,
              f"однократно, до 30 ноября {year} г.")

        r = STAFF["controller"].get("/admin/plan?format=csv")
        self.assertEqual(r.status, 200)
        self.assertIn("text/csv", r.headers["Content-Type"])
        self.assertTrue(r.body.startswith(b"\xef\xbb\xbf"))
        exported = list(csv.reader(io.StringIO(r.body.decode("utf-8-sig")), delimiter=";"))
        self.assertEqual(exported[0], HEADER.strip().split(";"))
        mine = {row[0]: row for row in exported if row[0] in (a, b, c)}
        self.assertEqual(mine[a], [a, 'Организация ежегодного Форума (сбор наказов для '
                                      'программы "Реальные дела")', "однократно, к сроку",
                                   f"{year}-11-30", "Собрание депутатов", "meeting", "forum"])
        # Formula-like text is neutralised on the way out and read back as it was.
        self.assertEqual(mine[b][1], "'-Мониторинг; комментарии")
        self.assertEqual(mine[c][2:], ["раз в полугодие", "", "Отделы, инициирующие слушания",
                                       "meeting", "public_hearing"])

        # The exported lines imported again make the same measures.
        again = [[row[0] + "x"] + row[1:] for row in mine.values()]
        out = io.StringIO()
        csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(
            [exported[0]] + again)
        r = import_csv(out.getvalue())
        self.assertEqual(r.status, 303, text_of(main_of(r.text))[:1500])
        copies = STACK.query("SELECT substr(item, 1, length(item) - 1), text, periodicity, "
                             "due_on, units, evidence, meeting_kind FROM plan_measure "
                             "WHERE item IN (?, ?, ?) ORDER BY 1", (a + "x", b + "x", c + "x"))
        originals = STACK.query("SELECT item, text, periodicity, due_on, units, evidence, "
                                "meeting_kind FROM plan_measure WHERE item IN (?, ?, ?) "
                                "ORDER BY 1", (a, b, c))
        self.assertEqual(copies, originals)
        self.assertEqual(originals[[o[0] for o in originals].index(b)][1],
                         "-Мониторинг; комментарии")

    def test_bad_lines_are_refused_by_number_and_nothing_is_imported(self):
        good, bad = unique("Х")[:20], unique("Б")[:20]
        count = STACK.query("SELECT count(*) FROM plan_measure")[0][0]
        text = (HEADER +
                f"{good};Хорошая строка;ежегодно;;Отдел;record;\r\n"
                f"{bad};Плохая периодичность;еженедельно;;Отдел;record;\r\n"
                f"{bad};Мало столбцов;ежегодно\r\n"
                f"{bad};Однократно без срока;однократно, к сроку;;Отдел;record;\r\n"
                f";Без пункта;ежегодно;;Отдел;survey;\r\n"
                f"{bad};Срок не дата;однократно, к сроку;31.02.2026;Отдел;record;\r\n"
                f"{bad};Встреча неизвестного вида;ежемесячно;;Отдел;meeting;fair\r\n")
        r = import_csv(text)
        page = shown(self, r, "в файле 7 ошибок — ничего не загружено", status=422).text
        errors = [text_of(li) for li in re.findall(r"<li>(.*?)</li>",
                  re.search(r'<ul class="field-error" id="import-errors">(.*?)</ul>', page,
                            re.S).group(1), re.S)]
        self.assertEqual(errors, [
            "Строка 3: периодичность «еженедельно» не известна: ежемесячно, ежеквартально, "
            "раз в полугодие, ежегодно, однократно, к сроку или постоянно.",
            "Строка 4: столбцов 3, а нужно 7: пункт, мероприятие, периодичность, срок, "
            "ответственные, подтверждение, вид встречи.",
            "Строка 5: для однократного мероприятия укажите срок.",
            "Строка 6: поле «Пункт» не заполнено.",
            "Строка 6: подтверждение «survey» не известно: meeting, discussion или record.",
            "Строка 7: срок «31.02.2026» — не дата (нужно 2026-12-01 или 01.12.2026).",
            "Строка 8: вида встречи «fair» нет.",
        ])
        self.assertEqual(STACK.query("SELECT count(*) FROM plan_measure")[0][0], count)
        self.assertIsNone(measure_id(good))

        # A quoted field that spans lines counts its lines; a file without measures is refused.
        r = import_csv(HEADER + f'{bad};"две\nстроки";ежегодно;;Отдел;record;\r\n'
                       f'{bad};X;никогда;;Отдел;record;\r\n')
        shown(self, r, "Строка 4: периодичность «никогда» не известна", status=422)
        r = import_csv(HEADER)
        shown(self, r, "в файле нет ни одного мероприятия", status=422)
        self.assertEqual(STACK.query("SELECT count(*) FROM plan_measure")[0][0], count)

    def test_roles(self):
        for role in ("press", "secretary", "executor"):
            self.assertEqual(STAFF[role].get("/admin/plan").status, 403, role)
            self.assertEqual(STAFF[role].get("/admin/plan?format=csv").status, 403, role)
        page = shown(self, STAFF["controller"].get("/admin/plan"), "<h1>План мероприятий</h1>",
                     "Организация личных приёмов Главы района").text
        self.assertNotIn("Новое мероприятие", page)
        self.assertNotIn('action="/admin/plan/import"', page)
        count = STACK.query("SELECT count(*) FROM plan_measure")[0][0]
        r = STAFF["controller"].post("/admin/plan", {"item": "1", "text": "Т",
                                                     "periodicity": "yearly",
                                                     "evidence": "record"})
        self.assertEqual(r.status, 403)
        self.assertEqual(import_csv(HEADER + "1;Т;ежегодно;;;record;\r\n",
                                    role="controller").status, 403)
        r = STAFF["organizer"].post("/admin/plan", {"item": "1", "text": "Т",
                                                    "periodicity": "yearly",
                                                    "evidence": "record"}, csrf=False)
        self.assertEqual(r.status, 403)
        # A file without the form token is refused as well.
        body, ctype = helpers.multipart([], [("attachment", "план.csv",
                                              (HEADER + "1;Т;ежегодно;;;record;\r\n")
                                              .encode("utf-8"), "text/csv")])
        r = STACK.request("POST", "/admin/plan/import", body=body, headers={
            "Content-Type": ctype,
            "Cookie": STAFF["organizer"].cookie_header("/admin/plan/import")})
        self.assertEqual(r.status, 403)
        self.assertEqual(STACK.query("SELECT count(*) FROM plan_measure")[0][0], count)
        mid = STACK.query("SELECT min(id) FROM plan_measure")[0][0]
        page = shown(self, STAFF["controller"].get(f"/admin/plan/{mid}"),
                     "Исполнение за").text
        self.assertNotIn("Отметить проведение", page)
        self.assertEqual(STAFF["admin"].get("/admin/plan/999999").status, 404)


if __name__ == "__main__":
    unittest.main()
