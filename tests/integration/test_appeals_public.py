"""Appeals from residents (issue 4, items 1, 2, 4, 5): the public form through the real stack —
a complete appeal gets its number in the same transaction, a receipt shown once, an
acknowledgement in the outbox; each missing or wrong field is refused in Russian beside the field
with the input kept; numbers are gap-free and never reused; the applicant follows the appeal with
the number and the private code, and a wrong one of either gets the same answer, rate-limited;
no personal data on any public page."""

import hashlib
import os
import re
import unittest
import urllib.parse

import helpers
from helpers import day, shown, words
from stack import Stack

STACK = None


def setUpModule():
    global STACK
    # Many appeals from one address here: nginx's flood limit is tested on a stack of its own.
    # The anonymous form of [appeals] identification = none (the signed-in form: test_residents).
    STACK = Stack(settings={("limits", "appeals_per_minute"): "0",
                            ("appeals", "identification"): "none"}).start()


def tearDownModule():
    STACK.close()


def fields(**over):
    f = {"addressee": "head", "surname": "Иванова", "name": "Мария", "patronymic": "Петровна",
         "email": "ivanova@residents.example", "address": "", "phone": "",
         "territory": "3", "text": "Прошу отремонтировать освещение на улице Лесной.\nТемно.",
         "consent": "yes"}
    for k, v in over.items():
        if v is None:
            f.pop(k, None)
        else:
            f[k] = v
    return f


def submit(**over):
    return STACK.post_form("/appeals", fields(**over))


def receipt(r):
    """Follow the 303 with the receipt cookie, as a browser does: (number, code, page)."""
    assert r.status == 303, (r.status, r.text[-2000:])
    assert r.header("Location") == "/appeals/received"
    cookie = r.header("Set-Cookie")
    m = re.match(r"appeal_receipt=([0-9-]+)~([a-z0-9]+);", cookie or "")
    assert m, cookie
    page = STACK.get("/appeals/received", headers={"Cookie": f"appeal_receipt={m.group(1)}~{m.group(2)}"})
    return m.group(1), m.group(2), page


def status(number, code, source=None):
    """POST the status form, from the loopback address source when given (nginx and the
    worker count failed attempts per address)."""
    STACK.source_address = (source, 0) if source else None
    try:
        return STACK.post_form("/appeals/status", {"number": number, "code": code})
    finally:
        STACK.source_address = None


class PublicAppealTest(unittest.TestCase):
    maxDiff = None

    def test_a_complete_appeal_gets_a_number_a_receipt_and_an_acknowledgement(self):
        r = submit()
        number, code, page = receipt(r)
        year = helpers.local_now().year
        self.assertRegex(number, rf"^{year}-\d{{5}}$")
        self.assertIn("HttpOnly", r.header("Set-Cookie"))
        self.assertEqual(page.status, 200)
        text = helpers.text_of(helpers.main_of(page.text))
        self.assertIn(f"Регистрационный номер {number}", text)
        self.assertIn(f"Код для проверки {code}", text)
        self.assertIn("no-store", page.header("Cache-Control"))
        self.assertIn("Max-Age=0", page.header("Set-Cookie"))  # shown once

        row = STACK.query("SELECT source, addressee, surname, name, patronymic, email, "
                          "territory_id, text, status, consent_at IS NOT NULL, answer_due "
                          "FROM appeal WHERE number = ?", (number,))
        self.assertEqual(len(row), 1)
        self.assertEqual(row[0][:10], ("online", "head", "Иванова", "Мария", "Петровна",
                                       "ivanova@residents.example", 3,
                                       "Прошу отремонтировать освещение на улице Лесной.\nТемно.",
                                       "registered", 1))
        events = STACK.query("SELECT e.action FROM appeal_event e JOIN appeal a "
                             "ON a.id = e.appeal_id WHERE a.number = ?", (number,))
        self.assertEqual(events, [("registered",)])
        ack = STACK.query("SELECT recipient, subject, body, purpose FROM outbox "
                          "WHERE dedup_key = (SELECT 'acknowledgement:' || id FROM appeal "
                          "WHERE number = ?)", (number,))
        self.assertEqual(len(ack), 1)
        recipient, subject, body, purpose = ack[0]
        self.assertEqual((recipient, subject, purpose),
                         ("ivanova@residents.example", f"Обращение зарегистрировано: № {number}",
                          "acknowledgement"))
        self.assertIn(code, body)
        self.assertIn(f"Дата регистрации: {words(day(0))}", body)

    def test_files_with_cyrillic_names_are_stored_with_the_appeal(self):
        body, ctype = helpers.multipart(fields(), [
            ("attachment", "Фото двора №3.png", helpers.PNG, "image/png"),
            ("attachment", "Заявление «о фонарях».pdf", helpers.PDF, "application/pdf")])
        r = STACK.request("POST", "/appeals", body=body, headers={"Content-Type": ctype})
        number, _, _ = receipt(r)
        files = STACK.query("SELECT f.file_name, f.mime, f.size, f.sha256 FROM appeal_file f "
                            "JOIN appeal a ON a.id = f.appeal_id WHERE a.number = ? ORDER BY f.id",
                            (number,))
        self.assertEqual([(n, m, z) for n, m, z, _ in files],
                         [("Фото двора №3.png", "image/png", len(helpers.PNG)),
                          ("Заявление «о фонарях».pdf", "application/pdf", len(helpers.PDF))])
        for *_, sha in files:
            with open(os.path.join(STACK.data, "uploads", sha), "rb") as f:
                self.assertEqual(hashlib.sha256(f.read()).hexdigest(), sha)

    def test_a_file_of_a_refused_type_is_named_beside_the_field(self):
        before = STACK.query("SELECT count(*) FROM appeal")[0][0]
        body, ctype = helpers.multipart(fields(), [
            ("attachment", "смета.pdf", helpers.ELF, "application/pdf")])
        r = STACK.request("POST", "/appeals", body=body, headers={"Content-Type": ctype})
        self.assertRefused(r, "attachment", "«смета.pdf»")
        self.assertIn("PDF, JPEG, PNG", r.text)
        self.assertIn("выберите их снова", r.text)
        self.assertIn('value="Иванова"', r.text)
        self.assertEqual(STACK.query("SELECT count(*) FROM appeal")[0][0], before)
        six = [("attachment", f"фото{i}.png", helpers.PNG, "image/png") for i in range(6)]
        body, ctype = helpers.multipart(fields(), six)
        r = STACK.request("POST", "/appeals", body=body, headers={"Content-Type": ctype})
        self.assertRefused(r, "attachment", "не больше 5 файлов")

    def test_the_receipt_without_its_cookie_shows_no_code(self):
        page = STACK.get("/appeals/received")
        self.assertEqual(page.status, 200)
        self.assertIn("показываются один раз", page.text)
        self.assertNotIn("Код для проверки", page.text)

    def test_numbers_follow_each_other_without_gaps(self):
        numbers = [receipt(submit())[0] for _ in range(3)]
        seqs = [int(n.split("-")[1]) for n in numbers]
        self.assertEqual(seqs, [seqs[0], seqs[0] + 1, seqs[0] + 2])
        # A refused appeal takes no number.
        self.assertEqual(submit(text="").status, 422)
        self.assertEqual(int(receipt(submit())[0].split("-")[1]), seqs[2] + 1)
        year = helpers.local_now().year
        rows = STACK.query("SELECT seq FROM appeal WHERE year = ? ORDER BY seq", (year,))
        self.assertEqual([r[0] for r in rows], list(range(1, len(rows) + 1)))

    def assertRefused(self, r, name, message, kept=()):
        self.assertEqual(r.status, 422, r.text[-1500:])
        m = re.search(rf'<p class="field-error" id="e-{name}">([^<]*)</p>', r.text)
        self.assertTrue(m, f"no error beside {name}")
        self.assertIn(message, m.group(1))
        for field, value in kept:
            self.assertIn(f'value="{value}"', r.text)

    def test_each_missing_or_wrong_field_is_refused_beside_it_with_the_input_kept(self):
        before = STACK.query("SELECT count(*) FROM appeal")[0][0]
        self.assertRefused(submit(surname=""), "surname", "обязательное поле",
                           kept=[("name", "Мария")])
        self.assertRefused(submit(name=None), "name", "обязательное поле")
        self.assertRefused(submit(email="", address=""), "email",
                           "укажите электронную почту или почтовый адрес")
        self.assertRefused(submit(email="не почта"), "email", "электронная почта")
        self.assertRefused(submit(addressee="president"), "addressee", "выберите из списка")
        self.assertRefused(submit(addressee="unit"), "addressee_unit", "укажите подразделение")
        self.assertRefused(submit(territory="999"), "territory", "выберите из списка")
        self.assertRefused(submit(phone="звоните"), "phone", "телефон")
        self.assertRefused(submit(topic="0005"), "topic", "выберите из списка")   # a section
        self.assertRefused(submit(topic="9999.9999"), "topic", "выберите из списка")
        r = submit(text="   ")
        self.assertRefused(r, "text", "обязательное поле")
        self.assertIn("Иванова", r.text)
        self.assertIn("выберите их снова", r.text)   # files must be chosen again
        self.assertEqual(STACK.query("SELECT count(*) FROM appeal")[0][0], before)

    def test_a_topic_of_the_classifier_is_kept(self):
        form = STACK.get("/appeals/new").text
        self.assertIn('<option value="0005.0005.0056">', form)
        number, _, _ = receipt(submit(topic="0005.0005.0056"))
        self.assertEqual(STACK.query("SELECT topic_code FROM appeal WHERE number = ?", (number,)),
                         [("0005.0005.0056",)])

    def test_a_postal_address_alone_is_enough_and_needs_no_mail(self):
        number, _, _ = receipt(submit(email="", address="628245, Зеленоборск, ул. Лесная, 3"))
        self.assertEqual(STACK.query("SELECT count(*) FROM outbox WHERE dedup_key = "
                                     "(SELECT 'acknowledgement:' || id FROM appeal "
                                     "WHERE number = ?)", (number,)), [(0,)])

    def test_a_filled_honeypot_stores_nothing_and_looks_the_same(self):
        before = STACK.query("SELECT count(*) FROM appeal")[0][0]
        r = submit(website="http://spam.example")
        self.assertEqual((r.status, r.header("Location")), (303, "/appeals/received"))
        self.assertIsNone(r.header("Set-Cookie"))
        self.assertEqual(STACK.query("SELECT count(*) FROM appeal")[0][0], before)

    def test_broken_utf8_and_an_oversized_body(self):
        body = b"addressee=head&surname=%D0%98%FF&name=x&text=x&email=a%40b.example&consent=yes"
        r = STACK.request("POST", "/appeals", body=body,
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(r.status, 400)
        self.assertIn("UTF-8", r.text)
        big = urllib.parse.urlencode(fields(text="а" * 600000)).encode()
        r = STACK.request("POST", "/appeals", body=big,
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(r.status, 413)

    def test_the_applicant_follows_the_appeal_with_number_and_code(self):
        number, code, _ = receipt(submit())
        r = status(number, code.upper() + " ", source="127.0.0.78")
        self.assertEqual(r.status, 200, r.text[-1500:])
        text = helpers.text_of(helpers.main_of(r.text))
        self.assertIn(f"Обращение № {number}", text)
        self.assertIn("зарегистрировано, назначается исполнитель", text)
        due = STACK.query("SELECT answer_due FROM appeal WHERE number = ?", (number,))[0][0]
        y, m, d = (int(x) for x in due.split("-"))
        self.assertIn(f"Срок ответа не позднее {d} {helpers.MONTHS[m - 1]} {y} г.", text)
        for private in ("Иванова", "ivanova@residents.example", "Лесной"):
            self.assertNotIn(private, r.text)

    def test_a_wrong_number_and_a_wrong_code_get_the_same_answer_and_are_limited(self):
        number, code, _ = receipt(submit())
        ip = "127.0.0.77"
        wrong_code = status(number, "zzzzzzzzzz", source=ip)
        wrong_number = status("1999-00001", code, source=ip)
        self.assertEqual((wrong_code.status, wrong_number.status), (422, 422))
        strip = lambda t: re.sub(r'value="[^"]*"', "", helpers.main_of(t))
        self.assertEqual(strip(wrong_code.text), strip(wrong_number.text))
        self.assertIn("Обращение с таким номером и кодом не найдено", wrong_code.text)
        # The second failure in a row from one address makes the next attempt wait.
        r = status(number, code, source=ip)
        self.assertEqual(r.status, 429)
        self.assertIsNotNone(r.header("Retry-After"))
        self.assertIn("Слишком много неудачных попыток", r.text)

    def test_wrong_codes_from_elsewhere_never_keep_the_owner_out(self):
        """Issue 21, item 19: numbers are public; wrong codes for one from other addresses slow
        down and lock those addresses, and the owner with the right code still gets the page."""
        number, code, _ = receipt(submit(surname="Владельцева"))
        for attacker in ("127.0.0.81", "127.0.0.82", "127.0.0.83", "127.0.0.84"):
            for _ in range(12):
                STACK.execute("UPDATE login_throttle SET last_failure_at = last_failure_at - 60")
                r = status(number, "zzzzzzzzzz", source=attacker)
                if r.status == 429:
                    break
                self.assertEqual(r.status, 422)
            self.assertEqual(r.status, 429, attacker)
            # The attacker's address is refused even with the right code.
            self.assertEqual(status(number, code, source=attacker).status, 429)
        r = status(number, code, source="127.0.0.85")
        self.assertEqual(r.status, 200, helpers.main_of(r.text)[:800])
        self.assertIn(number, r.text)
        self.assertNotIn("Слишком много неудачных попыток", r.text)

    def test_the_pages_are_in_the_navigation_and_carry_no_personal_data(self):
        receipt(submit(surname="Секретова", email="secret@residents.example"))
        heads = {"/": "<h1>Встречи с населением</h1>",
                 "/appeals/new": "<h1>Обращение в администрацию</h1>",
                 "/appeals/status": "<h1>Как рассматривается обращение</h1>",
                 "/appeals/received": "<h1>Обращение принято</h1>",
                 "/meetings": "<h1>Расписание встреч с населением</h1>",
                 "/press": "<h1>Для прессы: анонсы встреч с населением</h1>",
                 "/feed.atom": "<feed xmlns=\"http://www.w3.org/2005/Atom\""}
        for path in ("/", "/appeals/new", "/appeals/status", "/appeals/received", "/meetings",
                     "/press", "/feed.atom"):
            r = shown(self, STACK.get(path), heads[path])
            self.assertNotIn("Секретова", r.text, path)
            self.assertNotIn("secret@residents.example", r.text, path)
        self.assertIn('href="/appeals/new"', STACK.get("/").text)


class FloodLimitTest(unittest.TestCase):
    def test_nginx_limits_appeals_of_one_address(self):
        with Stack(settings={("appeals", "identification"): "none"}) as stack:
            before = stack.query("SELECT count(*) FROM appeal")[0][0]   # the demo's
            statuses = []
            for i in range(30):
                r = stack.post_form("/appeals", fields(text=f"Поток {i}"))
                statuses.append(r.status)
                if r.status == 429:
                    break
            self.assertEqual(statuses[0], 303)
            self.assertEqual(statuses[-1], 429, statuses)
            self.assertIn("Слишком много запросов", r.text)
            self.assertEqual(stack.query("SELECT count(*) FROM appeal")[0][0] - before,
                             statuses.count(303))
            self.assertEqual(stack.get("/appeals/new").status, 200)   # reading is not limited


if __name__ == "__main__":
    unittest.main()
