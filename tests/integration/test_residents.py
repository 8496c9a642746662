"""Residents sign in (issue 16): through a real OpenID Connect provider on loopback
(oidc_provider.py, RS256 tokens signed with jwcrypto) with PKCE, state and nonce, and with a
one-time code mailed through the notifier to a real SMTP server; their sessions apart from staff
sessions; each attack on the sign-in refused with a Russian page and logged; appeals sent
signed in, with the draft kept across the sign-in and how the author was authenticated
recorded; the answer in the personal account and the verdict on it; another resident sees
nothing of it; «Мои данные»; closing the account."""

import hashlib
import json
import re
import unittest
import urllib.parse
import urllib.request

import helpers
from oidc_provider import Provider
from receivers import SmtpServer
from residents import sign_in_by_code
from stack import Stack, free_port
from staff import Browser, csrf_of, read_passwords

STACK = PROVIDER = SMTP = None
NO_REDIRECT = urllib.request.build_opener(
    type("NoRedirect", (urllib.request.HTTPRedirectHandler,),
         {"redirect_request": lambda *a, **k: None}))


def setUpModule():
    global STACK, PROVIDER, SMTP
    PROVIDER = Provider().start()
    SMTP = SmtpServer().start()
    port = free_port()
    settings = {("limits", "appeals_per_minute"): "0", ("mail", "smtp_url"): SMTP.url,
                ("mail", "from"): "noreply@zelenoborsk.example"}
    settings.update(PROVIDER.settings(port))
    STACK = Stack(settings=settings)
    STACK.port = port
    STACK.start()


def tearDownModule():
    STACK.close()
    PROVIDER.stop()
    SMTP.stop()


def provider_get(url):
    try:
        r = NO_REDIRECT.open(url, timeout=10)
        return r.status, dict(r.headers), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode()


def provider_post(url, fields):
    data = urllib.parse.urlencode(fields).encode()
    try:
        r = NO_REDIRECT.open(urllib.request.Request(url, data=data), timeout=10)
        return r.status, dict(r.headers), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode()


def to_provider(browser, return_to=None):
    """Start the sign-in: the portal's 303 to the provider's authorization endpoint."""
    path = "/account/login/esia" + ("?return=" + urllib.parse.quote(return_to, safe="")
                                    if return_to else "")
    r = browser.get(path)
    assert r.status == 303, (r.status, r.text[-800:])
    location = r.header("Location")
    assert location.startswith(PROVIDER.issuer + "/authorize?"), location
    return location


def at_provider(location, account="trusted"):
    """The resident signs in at the provider: the callback path the provider sends back to."""
    status, _, page = provider_get(location)
    assert status == 200, page
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page))
    fields = {k: v.replace("&amp;", "&") for k, v in fields.items()}
    fields.update(login=account, password=f"{account}-pass")
    status, headers, _ = provider_post(PROVIDER.issuer + "/authorize", fields)
    assert status == 302, status
    callback = headers["Location"]
    assert callback.startswith(f"http://127.0.0.1:{STACK.port}/account/callback?"), callback
    return callback[len(f"http://127.0.0.1:{STACK.port}"):]


def esia_sign_in(account="trusted", return_to=None):
    """A Browser signed in through the provider, and the callback's answer."""
    b = Browser(STACK)
    callback = at_provider(to_provider(b, return_to), account)
    r = b.get(callback)
    return b, r


def resident_sessions():
    return STACK.query("SELECT count(*) FROM resident_session")[0][0]


def wait_mail(address, after=0):
    helpers.wait_for(lambda: len([m for m in SMTP.messages if m.to == address]) > after, 20)
    return [m for m in SMTP.messages if m.to == address][-1]


def email_sign_in(address, source=None):
    """A Browser signed in with a one-time code sent to address (through the real SMTP)."""
    return sign_in_by_code(STACK, SMTP, address, source)


def appeal_fields(**over):
    f = {"addressee": "head", "surname": "Иванова", "name": "Мария", "patronymic": "",
         "email": "", "address": "", "phone": "", "territory": "3",
         "text": "Прошу отремонтировать освещение на улице Лесной."}
    f.update(over)
    return f


class OidcSignInTest(unittest.TestCase):
    maxDiff = None

    def test_a_trusted_resident_signs_in_through_the_provider(self):
        calls = PROVIDER.token_calls
        b, r = esia_sign_in("trusted", return_to="/account")
        self.assertEqual(r.status, 303, r.text[-800:])
        self.assertEqual(r.header("Location"), "/account")
        self.assertEqual(PROVIDER.token_calls, calls + 1)  # PKCE verifier accepted there
        cookie = [c for c in b.set_cookies if c.startswith("portal_resident=")][0]
        for attr in ("HttpOnly", "SameSite=Lax", "Path=/;"):
            self.assertIn(attr, cookie + ";")
        token = b.cookie("portal_resident")
        rows = STACK.query("SELECT token_hash FROM resident_session")
        self.assertIn(hashlib.blake2b(token.encode(), digest_size=32).digest(),
                      [row[0] for row in rows])
        self.assertNotIn(token.encode(), b"".join(row[0] for row in rows))
        page = b.get("/account")
        self.assertEqual(page.status, 200)
        text = helpers.text_of(helpers.main_of(page.text))
        self.assertIn("Соколова Анна Викторовна", text)
        self.assertIn("подтверждённая учётная запись", text)
        self.assertEqual(STACK.query("SELECT confirmed, email FROM resident WHERE subject = ?",
                                     ("esia-1000001",)), [(1, "sokolova@residents.example")])

    def test_an_unconfirmed_account_is_recorded_as_such(self):
        b, r = esia_sign_in("plain")
        self.assertEqual(r.status, 303)
        text = helpers.text_of(helpers.main_of(b.get("/account").text))
        self.assertIn("учётная запись не подтверждена", text)

    def refused(self, r, status=400):
        self.assertEqual(r.status, status, r.text[-800:])
        self.assertIn("Вход не выполнен", r.text)
        self.assertFalse([c for c in r.headers.get_all("Set-Cookie") or []
                          if c.startswith("portal_resident=") and "Max-Age=0" not in c])

    def attack(self, name, status=400, log=None):
        """Sign in with the provider misbehaving as name: refused, logged, no session."""
        sessions = resident_sessions()
        b = Browser(STACK)
        callback = at_provider(to_provider(b), "trusted")
        PROVIDER.attack = name
        try:
            r = b.get(callback)
        finally:
            PROVIDER.attack = None
        self.refused(r, status)
        self.assertEqual(resident_sessions(), sessions)
        if log:
            helpers.wait_for(lambda: log in STACK.read_log(), 5)
        return r

    def test_a_forged_state_is_refused_before_the_provider_is_asked(self):
        calls = PROVIDER.token_calls
        b = Browser(STACK)
        callback = at_provider(to_provider(b))
        forged = re.sub(r"state=[^&]+", "state=" + "A" * 43, callback)
        self.refused(b.get(forged))
        self.assertEqual(PROVIDER.token_calls, calls)
        self.assertIn("forged or replayed", STACK.read_log())

    def test_a_replayed_callback_is_refused(self):
        b = Browser(STACK)
        callback = at_provider(to_provider(b))
        self.assertEqual(b.get(callback).status, 303)
        b.jar.pop("portal_resident")
        b.jar["portal_oidc_state"] = {"value": re.search(r"state=([^&]+)", callback).group(1),
                                      "path": "/account/callback", "attrs": {}}
        self.refused(b.get(callback))  # the same browser, its state cookie put back
        self.assertIn("unknown or used state", STACK.read_log())
        self.refused(Browser(STACK).get(callback))

    def test_a_callback_started_in_another_browser_is_refused(self):
        # Login CSRF: an attacker's own fresh callback opened in a victim's browser.
        attacker = Browser(STACK)
        callback = at_provider(to_provider(attacker))
        victim = Browser(STACK)
        calls = PROVIDER.token_calls
        self.refused(victim.get(callback))
        self.assertEqual(PROVIDER.token_calls, calls)
        self.assertIn("not this browser's", STACK.read_log())
        self.assertIsNone(victim.cookie("portal_resident"))

    def test_a_nonce_mismatch_is_refused(self):
        self.attack("bad_nonce", log="nonce does not match")

    def test_a_wrong_signature_is_refused(self):
        self.attack("wrong_key", log="signature is wrong")

    def test_alg_none_is_refused(self):
        self.attack("alg_none", log="algorithm none refused")

    def test_hs256_with_the_public_key_is_refused(self):
        self.attack("hs256", log="algorithm HS256 refused")

    def test_a_wrong_audience_is_refused(self):
        self.attack("wrong_aud", log="not for this client")

    def test_several_audiences_without_azp_are_refused(self):
        self.attack("aud_array_without_azp", log="azp")

    def test_a_wrong_issuer_is_refused(self):
        self.attack("wrong_iss", log="issuer is wrong")

    def test_an_expired_token_is_refused(self):
        self.attack("expired", log="has expired")

    def test_garbage_from_the_token_endpoint_is_refused(self):
        r = self.attack("token_garbage", status=503)
        self.assertIn("не ответил как положено", r.text)

    def test_a_provider_that_is_down_gives_a_russian_page(self):
        b = Browser(STACK)
        callback = at_provider(to_provider(b))
        PROVIDER.stop()
        try:
            r = b.get(callback)
        finally:
            PROVIDER.start()
        self.refused(r, 503)
        self.assertIn("Попробуйте войти позже", r.text)

    def test_no_open_redirect_through_the_return_address(self):
        for evil in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
            r = Browser(STACK).get("/account/login/esia?return=" + urllib.parse.quote(evil))
            self.assertEqual(r.status, 400, evil)
            self.assertIn("Адрес возврата должен вести на страницу этого сайта", r.text)
            self.assertIsNone(r.header("Location"))
        # The pending sign-in keeps only local paths; the callback goes there.
        b, r = esia_sign_in(return_to="/appeals/new")
        self.assertEqual(r.header("Location"), "/appeals/new")

    def test_staff_and_resident_sessions_never_cross(self):
        passwords = read_passwords(STACK)
        staff = Browser(STACK)
        self.assertEqual(staff.login("admin", passwords["admin"]).status, 303)
        r = staff.get("/account")
        self.assertEqual(r.status, 303)
        self.assertTrue(r.header("Location").startswith("/account/login"))
        b, _ = esia_sign_in()
        self.assertEqual(b.get("/account").status, 200)
        r = b.get("/admin")
        self.assertEqual(r.status, 303)
        self.assertTrue(r.header("Location").startswith("/admin/login"))
        # The resident's token as a staff cookie, and the reverse, sign nobody in.
        token = b.cookie("portal_resident")
        r = STACK.get("/admin", headers={"Cookie": f"portal_session={token}"})
        self.assertEqual(r.status, 303)
        r = STACK.get("/account", headers={"Cookie": f"portal_resident={staff.cookie('portal_session')}"})
        self.assertEqual(r.status, 303)

    def test_sign_out_ends_the_session_here_and_at_the_provider(self):
        b, _ = esia_sign_in()
        page = b.get("/account")
        self.assertEqual(b.post("/account/logout", {}).status, 403)  # no form token
        self.assertEqual(b.get("/account").status, 200)
        r = b.post("/account/logout", {"csrf": csrf_of(page.text)})
        self.assertEqual(r.status, 200)
        self.assertIn("Вы вышли из личного кабинета", r.text)
        refresh = r.header("Refresh")
        self.assertTrue(refresh.startswith("0; url=" + PROVIDER.issuer + "/logout?"), refresh)
        self.assertIn("id_token_hint=", refresh)
        self.assertIn('href="' + PROVIDER.issuer + "/logout?", r.text)
        self.assertEqual(b.get("/account").status, 303)

    def test_an_idle_session_ends(self):
        b, _ = esia_sign_in()
        self.assertEqual(b.get("/account").status, 200)
        token = b.cookie("portal_resident")
        h = hashlib.blake2b(token.encode(), digest_size=32).digest()
        STACK.execute("UPDATE resident_session SET last_seen_at = last_seen_at - 31 * 60 "
                      "WHERE token_hash = ?", (h,))
        self.assertEqual(b.get("/account").status, 303)


class EmailCodeTest(unittest.TestCase):
    def test_a_code_by_mail_signs_in_and_is_stored_hashed(self):
        b = email_sign_in("kod@residents.example", source="127.0.0.21")
        page = b.get("/account")
        self.assertEqual(page.status, 200)
        self.assertIn("kod@residents.example", page.text)
        self.assertIn("с кодом, отправленным на электронную почту", page.text)
        mail = [m for m in SMTP.messages if m.to == "kod@residents.example"][-1]
        self.assertIn("Код действует 10 минут", mail.text)
        self.assertEqual(STACK.query("SELECT count(*) FROM email_code WHERE email = ?",
                                     ("kod@residents.example",))[0][0], 0)  # used: gone

    def request_code(self, b, page, address, source):
        STACK.source_address = (source, 0)
        try:
            return b.post("/account/login/email", {"csrf": csrf_of(page.text), "email": address})
        finally:
            STACK.source_address = None

    def test_the_same_answer_for_any_address_and_one_code_a_minute(self):
        b = Browser(STACK)
        page = b.get("/account/login")
        r1 = self.request_code(b, page, "once@residents.example", "127.0.0.22")
        wait_mail("once@residents.example")
        stored = STACK.query("SELECT code_hash FROM email_code WHERE email = ?",
                             ("once@residents.example",))[0][0]
        code = re.search(r"\b(\d{6})\b", wait_mail("once@residents.example").text).group(1)
        self.assertNotIn(code.encode(), stored)
        r2 = self.request_code(b, page, "once@residents.example", "127.0.0.23")
        r3 = self.request_code(b, page, "nobody-ever@residents.example", "127.0.0.24")
        for r, address in ((r1, "once"), (r2, "once"), (r3, "nobody-ever")):
            self.assertEqual(r.status, 200)
            self.assertIn(f"Если адрес {address}@residents.example указан верно", r.text)
        STACK.execute("UPDATE outbox SET status = status")  # nothing to wait for
        helpers.wait_for(lambda: len(SMTP.about("nobody-ever")) == 1, 20)
        self.assertEqual(len([m for m in SMTP.messages if m.to == "once@residents.example"]), 1)

    def test_five_wrong_codes_end_the_code(self):
        b = Browser(STACK)
        page = b.get("/account/login")
        self.request_code(b, page, "tries@residents.example", "127.0.0.25")
        code = re.search(r"\b(\d{6})\b", wait_mail("tries@residents.example").text).group(1)
        wrong = "000000" if code != "000000" else "111111"
        for i in range(5):
            r = b.post("/account/login/code", {"csrf": csrf_of(page.text),
                                               "email": "tries@residents.example", "code": wrong})
            self.assertEqual(r.status, 422)
            self.assertIn("неверный код", r.text)
        r = b.post("/account/login/code", {"csrf": csrf_of(page.text),
                                           "email": "tries@residents.example", "code": code})
        self.assertEqual(r.status, 422)
        self.assertIn("больше не действует", r.text)
        self.assertIsNone(b.cookie("portal_resident"))

    def test_an_expired_code_is_refused(self):
        b = Browser(STACK)
        page = b.get("/account/login")
        self.request_code(b, page, "late@residents.example", "127.0.0.26")
        code = re.search(r"\b(\d{6})\b", wait_mail("late@residents.example").text).group(1)
        STACK.execute("UPDATE email_code SET expires_at = expires_at - 601 WHERE email = ?",
                      ("late@residents.example",))
        r = b.post("/account/login/code", {"csrf": csrf_of(page.text),
                                           "email": "late@residents.example", "code": code})
        self.assertEqual(r.status, 422)
        self.assertIn("срок действия кода", r.text)

    def test_a_flood_of_codes_from_one_address_is_refused(self):
        b = Browser(STACK)
        page = b.get("/account/login")
        answers = [self.request_code(b, page, f"flood{i}@residents.example", "127.0.0.27").status
                   for i in range(4)]
        self.assertEqual(answers[:2], [200, 200])
        self.assertIn(429, answers[2:])
        r = self.request_code(b, page, "flood9@residents.example", "127.0.0.27")
        self.assertEqual(r.status, 429)
        self.assertIn("слишком много кодов", r.text)

    def test_the_sign_in_forms_need_their_token(self):
        r = Browser(STACK).post("/account/login/email", {"email": "x@residents.example"})
        self.assertEqual(r.status, 403)


class ResidentAppealTest(unittest.TestCase):
    maxDiff = None

    def test_a_draft_waits_for_the_sign_in_and_the_appeal_records_the_author(self):
        b = Browser(STACK)
        form = b.get("/appeals/new")
        self.assertEqual(form.status, 200)
        self.assertIn("547-ФЗ", form.text)
        self.assertNotIn('name="consent"', form.text)
        self.assertIn('href="/privacy"', form.text)
        text = "Прошу убрать сухое дерево у дома 7 по улице Сосновой. Черновик-" + helpers.unique("d")
        r = b.post("/appeals", appeal_fields(text=text, surname="Кузнецова"))
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"), "/account/login?return=/appeals/new")
        self.assertEqual(STACK.query("SELECT count(*) FROM appeal WHERE text = ?", (text,))[0][0], 0)
        # Signed in with a code in the same browser, the form gets the draft back.
        signed = email_sign_in("draft@residents.example", source="127.0.0.31")
        b.jar.update(signed.jar)
        form = b.get("/appeals/new")
        self.assertEqual(form.status, 200)
        self.assertIn(text, form.text)
        self.assertIn('value="Кузнецова"', form.text)
        self.assertIn("Мы вернули в форму то, что вы написали до входа", form.text)
        self.assertIn("выберите их снова", form.text)
        # The address the code proved cannot be changed by the form.
        r = b.post("/appeals", appeal_fields(text=text, surname="Кузнецова",
                                             email="other@evil.example",
                                             csrf=csrf_of(form.text)))
        self.assertEqual(r.status, 303, r.text[-1000:])
        row = STACK.query("SELECT email, auth_method, auth_confirmed, resident_id IS NOT NULL "
                          "FROM appeal WHERE text = ?", (text,))
        self.assertEqual(row, [("draft@residents.example", "email", 0, 1)])
        # Taken once: the draft is gone.
        self.assertNotIn(text, b.get("/appeals/new").text)

    def test_a_signed_in_post_needs_the_form_token(self):
        b = email_sign_in("token@residents.example", source="127.0.0.32")
        r = b.post("/appeals", appeal_fields(text="Без ключа формы"))
        self.assertEqual(r.status, 403)

    def test_the_account_shows_ten_appeals_a_page_newest_first(self):
        b = email_sign_in("pages@residents.example", source="127.0.0.35")
        form = b.get("/appeals/new")
        self.assertEqual(form.status, 200)
        mark = helpers.unique("p")
        for i in range(1, 24):
            r = b.post("/appeals", appeal_fields(text=f"Обращение {i:02d} {mark}",
                                                 csrf=csrf_of(form.text)))
            self.assertEqual(r.status, 303, r.text[-800:])
        ids = dict(STACK.query("SELECT text, id FROM appeal WHERE text LIKE ?",
                               (f"%{mark}",)))
        first = b.get("/account")
        self.assertEqual(first.status, 200)
        self.assertIn("Всего 23 обращения, новые сверху.", first.text)
        self.assertIn("Страница 1 из 3", first.text)
        shown = re.findall(r"Обращение (\d\d) " + mark, first.text)
        self.assertEqual(shown, [f"{i:02d}" for i in range(23, 13, -1)])
        self.assertIn('href="/account?page=2#my-appeals" rel="next"', first.text)
        self.assertNotIn('rel="prev"', first.text)
        last = b.get("/account?page=3")
        self.assertEqual(last.status, 200)
        self.assertEqual(re.findall(r"Обращение (\d\d) " + mark, last.text), ["03", "02", "01"])
        self.assertIn('href="/account?page=2#my-appeals" rel="prev"', last.text)
        # Each appeal of the page has its own steps, none of another page's.
        oldest = ids[f"Обращение 01 {mark}"]
        article = re.search(rf'<article class="appeal" id="appeal-{oldest}".*?</article>',
                            last.text, re.S).group(0)
        self.assertEqual(article.count("<li><time"), 1, article)
        self.assertIn("зарегистрировано", article)
        self.assertEqual(b.get("/account?page=4").status, 404)
        self.assertEqual(b.get("/account?page=0").status, 400)
        # A verdict on an appeal of page 3 returns to page 3.
        STACK.execute("UPDATE appeal SET status = 'answered', answer = 'Сделано.', "
                      "answered_at = registered_at + 60 WHERE id = ?", (oldest,))
        r = b.post(f"/account/appeals/{oldest}/verdict",
                   {"csrf": csrf_of(last.text), "verdict": "resolved"})
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"), f"/account?page=3#appeal-{oldest}")
        self.assertIn("вопрос решён", b.get("/account?page=3").text)

    def session_row(self, b):
        h = hashlib.blake2b(b.cookie("portal_resident").encode(), digest_size=32).digest()
        return h, STACK.query("SELECT last_seen_at FROM resident_session WHERE token_hash = ?",
                              (h,))

    def test_one_transaction_keeps_what_the_session_check_wrote(self):
        # POST /appeals runs in one write transaction from the session's lookup on
        # (ROUTE_ONE_TRANSACTION): the session's touch and the end of an idle session are
        # committed with it, whatever the form then answers.
        b = email_sign_in("onetx@residents.example", source="127.0.0.34")
        form = b.get("/appeals/new")
        self.assertEqual(form.status, 200)
        h, row = self.session_row(b)
        STACK.execute("UPDATE resident_session SET last_seen_at = last_seen_at - 120 "
                      "WHERE token_hash = ?", (h,))
        before = self.session_row(b)[1][0][0]
        r = b.post("/appeals", appeal_fields(text="", csrf=csrf_of(form.text)))
        self.assertEqual(r.status, 422)
        self.assertIn("текст обращения: обязательное поле: заполните его.", r.text)
        self.assertGreater(self.session_row(b)[1][0][0], before)  # touched and kept
        # A valid appeal is stored, and the next request sees it.
        text = "Прошу отремонтировать тротуар у школы. " + helpers.unique("t")
        r = b.post("/appeals", appeal_fields(text=text, csrf=csrf_of(form.text)))
        self.assertEqual(r.status, 303, r.text[-1000:])
        self.assertEqual(STACK.query("SELECT count(*) FROM appeal WHERE text = ?", (text,))[0][0], 1)
        account = b.get("/account")
        self.assertEqual(account.status, 200)
        self.assertIn("Прошу отремонтировать тротуар у школы", account.text)
        # An idle session ends in the same transaction as the refused post: the row is gone.
        STACK.execute("UPDATE resident_session SET last_seen_at = last_seen_at - 31 * 60 "
                      "WHERE token_hash = ?", (h,))
        r = b.post("/appeals", appeal_fields(text=text + " 2", csrf=csrf_of(form.text)))
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"), "/account/login?return=/appeals/new")
        self.assertEqual(self.session_row(b)[1], [])
        self.assertEqual(STACK.query("SELECT count(*) FROM appeal WHERE text = ?",
                                     (text + " 2",))[0][0], 0)

    def test_confirmed_data_is_read_only_and_the_answer_reaches_the_account(self):
        b, _ = esia_sign_in("trusted")
        form = b.get("/appeals/new")
        self.assertRegex(form.text, r'name="surname" value="Соколова"[^>]*readonly')
        text = "Прошу установить скамейку у остановки «Школа». " + helpers.unique("e")
        r = b.post("/appeals", appeal_fields(text=text, surname="Подменная", name="Имя",
                                             csrf=csrf_of(form.text)))
        self.assertEqual(r.status, 303, r.text[-1000:])
        aid, surname, method, confirmed = STACK.query(
            "SELECT id, surname, auth_method, auth_confirmed FROM appeal WHERE text = ?",
            (text,))[0]
        self.assertEqual((surname, method, confirmed), ("Соколова", "esia", 1))
        # Staff see how the author was authenticated, and answer.
        staff = Browser(STACK)
        self.assertEqual(staff.login("admin", read_passwords(STACK)["admin"]).status, 303)
        page = staff.get(f"/admin/appeals/{aid}")
        self.assertIn("через Госуслуги (ЕСИА), подтверждённая учётная запись", page.text)
        number = STACK.query("SELECT number FROM appeal WHERE id = ?", (aid,))[0][0]
        registry = staff.get("/admin/appeals?q=" + number)
        self.assertEqual(registry.status, 200)
        row = re.search(rf'<tr><td[^>]*><a [^>]*href="/admin/appeals/{aid}">.*?</tr>',
                        registry.text, re.S)
        self.assertTrue(row, registry.text[-3000:])
        self.assertIn("через сайт (Госуслуги, подтверждённая)", row.group(0))
        answer = "Скамейка будет установлена до 1 июня. " + helpers.unique("a")
        r = staff.post(f"/admin/appeals/{aid}/answer", {"csrf": csrf_of(page.text),
                                                        "answer": answer})
        self.assertEqual(r.status, 303, r.text[-800:])
        account = b.get("/account")
        self.assertIn(answer, account.text)
        self.assertIn("дан ответ", account.text)
        mail = STACK.query("SELECT body FROM outbox WHERE dedup_key = ?",
                           (f"appeal:{aid}:answered",))[0][0]
        self.assertIn("личном кабинете", mail)
        # Another resident sees nothing of it and cannot judge it.
        other = email_sign_in("other@residents.example", source="127.0.0.33")
        page = other.get("/account")
        self.assertEqual(page.status, 200)
        self.assertIn("Мои обращения", page.text)
        self.assertNotIn(text, page.text)
        self.assertNotIn(answer, page.text)
        r = other.post(f"/account/appeals/{aid}/verdict",
                       {"csrf": csrf_of(page.text), "verdict": "unresolved"})
        self.assertEqual(r.status, 404)
        self.assertNotIn(text, r.text)
        r = b.post(f"/account/appeals/{aid}/verdict", {"csrf": csrf_of(account.text)})
        self.assertEqual(r.status, 422)
        self.assertIn("выберите, решён ли вопрос", r.text)
        # The author's verdict reaches the staff page.
        r = b.post(f"/account/appeals/{aid}/verdict",
                   {"csrf": csrf_of(account.text), "verdict": "unresolved",
                    "comment": "Скамейки пока нет."})
        self.assertEqual(r.status, 303)
        self.assertIn("вопрос не решён", b.get("/account").text)
        page = staff.get(f"/admin/appeals/{aid}")
        self.assertIn("вопрос не решён", page.text)
        self.assertIn("Скамейки пока нет.", page.text)
        # The yearly analysis counts the verdicts and how the authors were authenticated.
        year = STACK.query("SELECT year FROM appeal WHERE id = ?", (aid,))[0][0]
        report = staff.get(f"/admin/reports/appeals?year={year}")
        self.assertEqual(report.status, 200)
        unresolved = STACK.query("SELECT count(*) FROM appeal WHERE year = ? AND verdict = "
                                 "'unresolved' AND answered_at IS NOT NULL", (year,))[0][0]
        confirmed = STACK.query("SELECT count(*) FROM appeal WHERE year = ? AND auth_method = "
                                "'esia' AND auth_confirmed = 1", (year,))[0][0]
        self.assertGreaterEqual(unresolved, 1)
        self.assertRegex(report.text, r"<th scope=\"row\">заявитель: вопрос не решён</th>"
                                      rf"<td>\d+</td><td>{unresolved}</td>")
        self.assertRegex(report.text, r"<th scope=\"row\">через Госуслуги, подтверждённая "
                                      rf"учётная запись</th><td>\d+</td><td>{confirmed}</td>")

    def test_my_data_and_closing_the_account(self):
        b = email_sign_in("close@residents.example", source="127.0.0.34")
        form = b.get("/appeals/new")
        text = "Обращение перед закрытием кабинета " + helpers.unique("c")
        self.assertEqual(b.post("/appeals", appeal_fields(text=text, csrf=csrf_of(form.text))).status, 303)
        r = b.get("/account/data?format=json")
        self.assertEqual(r.status, 200)
        data = json.loads(r.text)
        self.assertEqual(data["account"]["email"], "close@residents.example")
        self.assertEqual([a["text"] for a in data["appeals"]], [text])
        r = b.get("/account/data?format=csv")
        self.assertEqual(r.status, 200)
        self.assertIn("text/csv", r.header("Content-Type"))
        self.assertIn(text, r.text)
        page = b.get("/account")
        self.assertIn("останутся в реестре", page.text)
        r = b.post("/account/close", {"csrf": csrf_of(page.text)})
        self.assertEqual(r.status, 303)
        closed = b.get(r.header("Location"))
        self.assertEqual(closed.status, 200)
        self.assertIn("остаются в реестре", closed.text)
        self.assertEqual(b.get("/account").status, 303)
        self.assertEqual(STACK.query("SELECT email FROM resident WHERE subject = ?",
                                     ("close@residents.example",)), [("",)])
        self.assertEqual(STACK.query("SELECT count(*) FROM appeal WHERE text = ?", (text,))[0][0], 1)

    def test_my_data_holds_every_field_of_the_account_appeals_and_subscriptions(self):
        # The export (152-ФЗ art. 14) keeps its shape when its readers change: every key in its
        # order, numbers as numbers, the whole municipality as an empty territory.
        address = "export@residents.example"
        b = email_sign_in(address, source="127.0.0.57")
        form = b.get("/appeals/new")
        text = "Прошу убрать листву во дворе дома № 3. " + helpers.unique("x")
        r = b.post("/appeals", appeal_fields(text=text, email=address, phone="+7 900 111-22-33",
                                             csrf=csrf_of(form.text)))
        self.assertEqual(r.status, 303, r.text[-800:])
        page = b.get("/account")
        token = csrf_of(page.text)
        for territory in ("", "4"):
            fields = {"csrf": token, "consent": "yes"}
            if territory:
                fields["territory"] = territory
            self.assertEqual(b.post("/account/subscriptions", fields).status, 303)
        page = b.get("/account")
        self.assertEqual(page.status, 200)
        self.assertIn("всё поселение", page.text)
        self.assertIn(text, page.text)
        r = b.get("/account/data?format=json")
        self.assertEqual(r.status, 200)
        data = json.loads(r.text)
        self.assertEqual(list(data), ["account", "appeals", "appeal_steps", "subscriptions",
                                      "bookings", "proposals", "survey_answers"])
        created, last_login = STACK.query(
            "SELECT created_at, last_login_at FROM resident WHERE subject = ?", (address,))[0]
        self.assertEqual(data["account"], {
            "method": "email", "subject": address, "surname": "", "name": "",
            "patronymic": "", "email": address, "phone": "", "address": "",
            "confirmed": False, "created_at": created, "last_login_at": last_login})
        self.assertEqual(list(data["account"])[-3:], ["confirmed", "created_at", "last_login_at"])
        aid, number, status, due, registered = STACK.query(
            "SELECT id, number, status, answer_due, registered_at FROM appeal WHERE text = ?",
            (text,))[0]
        self.assertEqual(len(data["appeals"]), 1)
        appeal = data["appeals"][0]
        self.assertEqual(list(appeal), [
            "id", "number", "status", "answer_due", "text", "answer", "verdict",
            "verdict_comment", "authenticated_by", "addressee", "surname", "name", "patronymic",
            "email", "address", "phone", "registered_at"])
        self.assertEqual(appeal, {
            "id": aid, "number": number, "status": status, "answer_due": due, "text": text,
            "answer": "", "verdict": "", "verdict_comment": "", "authenticated_by": "email",
            "addressee": "head", "surname": "Иванова", "name": "Мария", "patronymic": "",
            "email": address, "address": "", "phone": "+7 900 111-22-33",
            "registered_at": registered})
        steps = STACK.query("SELECT at FROM appeal_event WHERE appeal_id = ? "
                            "AND action = 'registered'", (aid,))
        self.assertEqual(data["appeal_steps"], [{"appeal": number, "at": at,
                                                 "step": "зарегистрировано"} for (at,) in steps])
        subscriptions = STACK.query("SELECT id FROM subscription WHERE email = ? "
                                    "ORDER BY territory_id IS NOT NULL", (address,))
        name = STACK.query("SELECT name FROM territory WHERE id = 4")[0][0]
        self.assertEqual(data["subscriptions"], [
            {"id": subscriptions[0][0], "territory": "", "status": "active"},
            {"id": subscriptions[1][0], "territory": name, "status": "active"}])
        for key in ("bookings", "proposals", "survey_answers"):
            self.assertEqual(data[key], [], key)

    def test_the_privacy_policy_is_published_and_linked(self):
        r = STACK.get("/privacy")
        self.assertEqual(r.status, 200)
        self.assertIn("Политика обработки персональных данных", r.text)
        self.assertIn("ч. 2 ст. 18.1", r.text)
        self.assertIn('href="/privacy"', STACK.get("/").text)
        self.assertIn('href="/privacy"', STACK.get("/subscribe").text)


if __name__ == "__main__":
    unittest.main()


class PaperReceiptTest(unittest.TestCase):
    def test_the_paper_receipt_carries_the_number_and_the_code_once(self):
        staff = Browser(STACK)
        self.assertEqual(staff.login("organizer", read_passwords(STACK)["organizer"]).status, 303)
        form = staff.get("/admin/appeals/new")
        r = staff.post("/admin/appeals", {
            "csrf": csrf_of(form.text), "source": "mail",
            "received_on": helpers.day(-1).isoformat(), "surname": "Бумажная", "name": "Ольга",
            "address": "ул. Лесная, 1", "territory": "4", "text": "Письмо о ремонте крыши."})
        self.assertEqual(r.status, 303, r.text[-800:])
        page = staff.get(r.header("Location"))
        self.assertEqual(page.status, 200)
        m = re.search(r"зарегистрировано под номером <strong class=\"nowrap\">([0-9-]+)</strong>",
                      page.text)
        code = re.search(r"Код для проверки хода рассмотрения: <strong>([a-z0-9]+)</strong>",
                         page.text)
        self.assertTrue(m and code, page.text[:3000])
        status = STACK.post_form("/appeals/status", {"number": m.group(1), "code": code.group(1)})
        self.assertEqual(status.status, 200)
        self.assertIn(f"Обращение № {m.group(1)}", re.sub(r"<[^>]+>", "", status.text))
        again = staff.get(r.header("Location"))
        self.assertEqual(again.status, 200)
        self.assertIn(f"Обращение № {m.group(1)}", again.text)
        self.assertNotIn(code.group(1), again.text)
        self.assertNotIn("Расписка для заявителя", again.text)


class AccountSubscriptionTest(unittest.TestCase):
    def test_a_resident_subscribes_and_unsubscribes_in_the_account(self):
        b = email_sign_in("subs@residents.example", source="127.0.0.41")
        page = b.get("/account")
        self.assertIn("Подписок нет.", page.text)
        token = csrf_of(page.text)
        r = b.post("/account/subscriptions", {"csrf": token, "territory": "4"})
        self.assertEqual(r.status, 422)
        self.assertIn("без согласия на обработку адреса", r.text)
        r = b.post("/account/subscriptions", {"csrf": token, "territory": "4", "consent": "yes"})
        self.assertEqual(r.status, 303)
        rows = STACK.query("SELECT id, territory_id, status FROM subscription WHERE email = ?",
                           ("subs@residents.example",))
        self.assertEqual([r[1:] for r in rows], [(4, "active")])  # the code proved the address
        name = STACK.query("SELECT name FROM territory WHERE id = 4")[0][0]
        page = b.get("/account")
        self.assertIn(f"<li>{name} <form", page.text)
        other = email_sign_in("subs-other@residents.example", source="127.0.0.42")
        r = other.post(f"/account/subscriptions/{rows[0][0]}/remove",
                       {"csrf": csrf_of(other.get("/account").text)})
        self.assertEqual(r.status, 404)
        r = b.post(f"/account/subscriptions/{rows[0][0]}/remove", {"csrf": token})
        self.assertEqual(r.status, 303)
        self.assertEqual(STACK.query("SELECT status FROM subscription WHERE id = ?",
                                     (rows[0][0],)), [("unsubscribed",)])
        page = b.get("/account")
        self.assertEqual(page.status, 200)
        self.assertIn("Подписок нет.", page.text)


# The whole flow once in headless Chromium (playwright-core of tests/web, installed by
# `make test`): a resident types an appeal, is sent to sign in through the provider's own login
# form, comes back to the form filled again, sends it, finds it in the account and signs out
# (also at the provider).
FLOW_JS = r"""
const path = require('path');
const [base, webdir, text] = process.argv.slice(2);
const { chromium } = require(path.join(webdir, 'node_modules', 'playwright-core'));
(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const page = await (await browser.newContext({ viewport: { width: 360, height: 800 } })).newPage();
  const out = {};
  await page.goto(base + '/appeals/new');
  await page.selectOption('#f-addressee', 'head');
  await page.fill('#f-surname', 'Черновикова');
  await page.fill('#f-name', 'Анна');
  await page.fill('#f-text', text);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/appeals"] button[type=submit]')]);
  out.afterDraft = new URL(page.url()).pathname + new URL(page.url()).search;
  await Promise.all([page.waitForNavigation(), page.click('text=Войти через Госуслуги')]);
  out.provider = new URL(page.url()).origin;
  await page.fill('#login', 'trusted');
  await page.fill('#password', 'trusted-pass');
  await Promise.all([page.waitForNavigation({ url: /\/appeals\/new/ }), page.click('button[type=submit]')]);
  out.backAt = new URL(page.url()).pathname;
  out.restoredText = await page.inputValue('#f-text');
  out.surname = await page.inputValue('#f-surname');
  out.surnameReadOnly = await page.$eval('#f-surname', (e) => e.readOnly);
  out.notice = await page.textContent('main');
  await Promise.all([page.waitForNavigation(), page.click('form[action="/appeals"] button[type=submit]')]);
  out.receiptAt = new URL(page.url()).pathname;
  out.receipt = await page.textContent('main');
  await page.goto(base + '/account');
  out.account = await page.textContent('main');
  await page.click('form[action="/account/logout"] button');
  await page.waitForURL((u) => u.origin === base && u.pathname === '/');
  out.afterLogout = new URL(page.url()).pathname;
  await page.goto(base + '/account');
  out.accountAfterLogout = new URL(page.url()).pathname;
  await browser.close();
  console.log(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
"""


class ChromiumFlowTest(unittest.TestCase):
    def test_the_whole_flow_in_headless_chromium(self):
        import os
        import subprocess
        import tempfile
        web = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "web")
        self.assertTrue(os.path.isdir(os.path.join(web, "node_modules", "playwright-core")),
                        "tests/web/node_modules is missing: run make deps-test")
        text = "Прошу починить мост через ручей. " + helpers.unique("chromium")
        with tempfile.NamedTemporaryFile("w", suffix=".cjs", delete=False) as f:
            f.write(FLOW_JS)
        try:
            p = subprocess.run(["node", f.name, STACK.base, web, text], capture_output=True,
                               text=True, timeout=180)
        finally:
            os.unlink(f.name)
        self.assertEqual(p.returncode, 0, p.stderr[-3000:])
        out = json.loads(p.stdout)
        self.assertEqual(out["afterDraft"], "/account/login?return=/appeals/new")
        self.assertEqual(out["provider"], PROVIDER.issuer)
        self.assertEqual(out["backAt"], "/appeals/new")
        self.assertEqual(out["restoredText"], text)
        self.assertEqual((out["surname"], out["surnameReadOnly"]), ("Соколова", True))
        self.assertIn("Мы вернули в форму то, что вы написали до входа", out["notice"])
        self.assertEqual(out["receiptAt"], "/appeals/received")
        self.assertIn("есть и в вашем личном кабинете", out["receipt"])
        number = re.search(r"\d{4}-\d{5}", out["receipt"]).group(0)
        self.assertIn(f"Обращение № {number}", out["account"])
        self.assertIn("Соколова Анна Викторовна", out["account"])
        self.assertEqual(out["afterLogout"], "/")
        self.assertTrue(PROVIDER.logouts)
        self.assertEqual(out["accountAfterLogout"], "/account/login")
        self.assertEqual(STACK.query("SELECT auth_method, auth_confirmed FROM appeal WHERE number = ?",
                                     (number,)), [("esia", 1)])


class IdentificationEsiaTest(unittest.TestCase):
    """[appeals] identification = esia: only Госуслуги sends appeals; a one-time code opens the
    account but an appeal sent with it waits for the sign-in through Госуслуги."""

    def test_only_esia_sends_appeals(self):
        port = free_port()
        settings = {("appeals", "identification"): "esia"}
        settings.update({k: v for k, v in PROVIDER.settings(port).items()
                         if k[0] == "residents"})
        PROVIDER.redirect_uri = f"http://127.0.0.1:{STACK.port}/account/callback"
        stack = Stack(settings=settings)
        stack.port = port
        with stack:
            b = Browser(stack)
            page = b.get("/account/login")
            self.assertEqual(page.status, 200)
            self.assertIn("отправить новое обращение можно только после входа через Госуслуги",
                          page.text)
            b.post("/account/login/email", {"csrf": csrf_of(page.text),
                                            "email": "esia-only@residents.example"})
            code = re.search(r"(\d{6})", stack.query(
                "SELECT subject FROM outbox WHERE recipient = ?",
                ("esia-only@residents.example",))[0][0]).group(1)
            r = b.post("/account/login/code", {"csrf": csrf_of(page.text),
                                               "email": "esia-only@residents.example",
                                               "code": code})
            self.assertEqual(r.status, 303)
            self.assertEqual(b.get("/account").status, 200)
            form = b.get("/appeals/new")
            r = b.post("/appeals", appeal_fields(text="Только через Госуслуги",
                                                 csrf=csrf_of(form.text)))
            self.assertEqual(r.status, 303)
            self.assertEqual(r.header("Location"), "/account/login/esia?return=/appeals/new")
            self.assertEqual(stack.query("SELECT count(*) FROM appeal WHERE text = ?",
                                         ("Только через Госуслуги",))[0][0], 0)


class AccountFilesTest(unittest.TestCase):
    def test_a_resident_downloads_their_own_files_only(self):
        b = email_sign_in("files@residents.example", source="127.0.0.51")
        form = b.get("/appeals/new")
        text = "Обращение с файлом " + helpers.unique("f")
        body, ctype = helpers.multipart(
            {"csrf": csrf_of(form.text), "addressee": "head", "surname": "Файлова",
             "name": "Нина", "text": text},
            [("attachment", "Фото ямы.png", helpers.PNG, "image/png")])
        hdrs = {"Content-Type": ctype, "Cookie": b.cookie_header("/appeals")}
        r = STACK.request("POST", "/appeals", body=body, headers=hdrs)
        self.assertEqual(r.status, 303, r.text[-800:])
        fid = STACK.query("SELECT f.id FROM appeal_file f JOIN appeal a ON a.id = f.appeal_id "
                          "WHERE a.text = ?", (text,))[0][0]
        page = b.get("/account")
        self.assertIn(f'<a href="/account/files/{fid}" download>Фото ямы.png</a>', page.text)
        got = b.get(f"/account/files/{fid}")
        self.assertEqual(got.status, 200)
        self.assertEqual(got.body, helpers.PNG)
        other = email_sign_in("files-other@residents.example", source="127.0.0.52")
        r = other.get(f"/account/files/{fid}")
        self.assertEqual(r.status, 404)
        self.assertNotIn("Фото ямы", r.text)
        self.assertEqual(Browser(STACK).get(f"/account/files/{fid}").status, 303)


class ProviderDiscoveryGarbageTest(unittest.TestCase):
    def test_a_provider_answering_garbage_at_discovery_gives_a_russian_page(self):
        garbage = Provider().start()
        garbage.attack = "discovery_garbage"
        port = free_port()
        stack = Stack(settings=garbage.settings(port))
        stack.port = port
        try:
            with stack:
                r = Browser(stack).get("/account/login/esia?return=/appeals/new")
                self.assertEqual(r.status, 503)
                self.assertIn("Вход не выполнен", r.text)
                self.assertIn("Сервис входа через Госуслуги сейчас не отвечает", r.text)
                self.assertIsNone(r.header("Location"))
                helpers.wait_for(lambda: "not a JSON object" in stack.read_log(), 5)
                self.assertIn("not a JSON object", stack.read_log())
                # The page to sign in still offers the code by e-mail.
                page = Browser(stack).get("/account/login")
                self.assertEqual(page.status, 200)
                self.assertIn("С кодом по электронной почте", page.text)
        finally:
            garbage.stop()
