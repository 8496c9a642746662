"""Residents' e-mail subscriptions to announcements (issue 6, item 4) as a browser and a mail
client see them: the form linked from the home page and the schedule, the confirmation mail in
the outbox (recipient, Russian subject, a link whose token confirms), double opt-in by a button
(a GET confirms nothing), the same answer for a known address and at most one mail an hour,
errors in Russian beside the fields with the input kept, the robot trap, form tokens, unknown
tokens, unsubscribing by the button and by an RFC 8058 one-click POST, no subscriber address on
any public page, and nginx's limit on POST /subscribe.

One stack for the module with the demo municipality (two active subscriptions, one pending);
each test uses addresses of its own."""

import html
import re
import time
import unittest
import urllib.parse

from helpers import main_of, shown, text_of, unique
from stack import Stack, module_stack
from staff import Browser, browser_form, field_error, form_errors, input_value, selected

STACK = None
setUpModule, tearDownModule = module_stack(globals())

SUBJECT = "Подтвердите подписку на анонсы встреч"
SITE_URL = "https://zelenoborsk.example"  # conf/portal.ini
MOLODEZHNY = 4  # demo territory «микрорайон Молодёжный»
LINK = re.compile(re.escape(SITE_URL) + r"/subscribe/confirm\?token=([A-Za-z0-9_-]+)")
DEMO_ACTIVE = "demo-active-token-1111111111111111111111111"


def address(prefix="zhitel"):
    """An address no other test uses."""
    return f"{prefix}.{unique('a').split()[1]}@mail.example"


def form_token(browser):
    """The subscription form as a person opens it; the value of its hidden form token."""
    r = browser.get("/subscribe")
    assert r.status == 200, r.status
    m = re.search(r'<input type="hidden" name="csrf" value="([^"]*)">', r.text)
    assert m, r.text[:2000]
    return m.group(1)


_residents = [0]


def next_resident():
    """Send the following requests from another loopback address: each form is sent by another
    resident as far as nginx's limit on POST /subscribe goes (RateLimit tests the limit)."""
    _residents[0] += 1
    n = _residents[0]
    STACK.source_address = (f"127.0.{n // 250}.{n % 250 + 2}", 0)


def subscribe(email, territory="", consent="yes", browser=None, **extra):
    """Fill in and send the form in a browser (a new one unless given) as a new resident; the
    answer."""
    next_resident()
    b = browser or Browser(STACK)
    fields = {"csrf": form_token(b), "email": email, "territory": territory, "consent": consent,
              "website": ""}
    fields.update(extra)
    return b.post("/subscribe", {k: v for k, v in fields.items() if v is not None})


def subscription(email):
    """(id, territory_id, token, status, confirmed_at, unsubscribed_at) of EMAIL's rows."""
    return STACK.query("SELECT id, territory_id, token, status, confirmed_at, unsubscribed_at "
                       "FROM subscription WHERE email = ? ORDER BY id", (email,))


def mails(email):
    """(subject, body, purpose, channel, unsubscribe_url) of the outbox rows to EMAIL."""
    return STACK.query("SELECT subject, body, purpose, channel, unsubscribe_url FROM outbox "
                       "WHERE recipient = ? ORDER BY id", (email,))


def h1(page):
    m = re.search(r"<h1>(.*?)</h1>", page, re.S)
    return text_of(m.group(1)) if m else None


def confirmed_subscription(email, territory=""):
    """Subscribe EMAIL and confirm it through the link of its mail; its token."""
    assert subscribe(email, territory).status == 303
    token = LINK.search(mails(email)[-1][1]).group(1)
    r = STACK.post_form("/subscribe/confirm", {"token": token})
    assert r.status == 200, r.status
    return token


class SubscriptionCase(unittest.TestCase):
    def assertSent(self, r):
        """R is the answer to a form in order: 303 to the «check your mail» page."""
        self.assertEqual(r.status, 303, form_errors(r.text) or text_of(main_of(r.text))[:800])
        self.assertEqual(r.header("Location"), "/subscribe/sent")

    def assertNotFoundPage(self, r):
        self.assertEqual(r.status, 404, r.text[:500])
        self.assertEqual(h1(r.text), "Страница не найдена")
        self.assertIn("Подписка по этой ссылке не найдена", text_of(r.text))
        self.assertIn('<html lang="ru"', r.text)


class Form(SubscriptionCase):
    def test_linked_from_the_home_page_and_the_schedule(self):
        for page in ("/", "/meetings"):
            r = STACK.get(page)
            self.assertEqual(r.status, 200)
            self.assertIn('<a href="/subscribe">Подписаться на анонсы по электронной почте</a>',
                          r.text, page)

    def test_the_form(self):
        b = Browser(STACK)
        r = b.get("/subscribe")
        self.assertEqual(r.status, 200)
        self.assertEqual(h1(r.text), "Подписка на анонсы встреч")
        page = main_of(r.text)
        self.assertIn('<input id="f-email" name="email" type="email"', page)
        self.assertIn('<option value="">Все встречи: Зеленоборск целиком</option>', page)
        self.assertIn(f'<option value="{MOLODEZHNY}">', page)
        self.assertIn('name="consent" value="yes" required', page)
        self.assertIn("152-ФЗ", text_of(page))
        # The robot trap: an empty field inside a block the stylesheet hides.
        self.assertRegex(page, r'<div class="hp"><label for="f-website">[^<]+</label>'
                               r'<input id="f-website" name="website" value=""')
        self.assertIn(".hp { display: none; }", STACK.get("/static/style.css").text)
        # The form token comes with its cookie, limited to the form's path.
        cookie = b.jar["portal_form"]
        self.assertEqual(cookie["path"], "/subscribe")
        self.assertIn("httponly", cookie["attrs"])
        self.assertEqual(cookie["attrs"].get("samesite"), "Lax")
        # ?territory= preselects a territory.
        self.assertEqual(selected(b.get(f"/subscribe?territory={MOLODEZHNY}").text, "territory"),
                         str(MOLODEZHNY))


class DoubleOptIn(SubscriptionCase):
    def test_subscribe_mail_link_button_active(self):
        email = address()
        b = Browser(STACK)
        r = subscribe(email, str(MOLODEZHNY), browser=b)
        self.assertSent(r)
        sent = b.get("/subscribe/sent")
        self.assertEqual(sent.status, 200)
        self.assertEqual(h1(sent.text), "Проверьте почту")
        self.assertNotIn(email, sent.text)
        [(sid, territory, token, status, confirmed, _)] = subscription(email)
        self.assertEqual((territory, status, confirmed), (MOLODEZHNY, "pending", None))
        self.assertRegex(token, r"^[A-Za-z0-9_-]{43}$")
        [(subject, body, purpose, channel, unsubscribe_url)] = mails(email)
        self.assertEqual((subject, purpose, channel), (SUBJECT, "confirmation", "mail"))
        self.assertEqual(unsubscribe_url, "")
        self.assertIn("встречи на территории «микрорайон Молодёжный»", body)
        self.assertIn("ничего делать не нужно", body)
        self.assertIn(email, body)
        link = LINK.search(body)
        self.assertIsNotNone(link, body)
        self.assertEqual(link.group(1), token)

        # Opening the link (as a mail scanner would) shows a button and confirms nothing.
        path = urllib.parse.urlsplit(link.group(0))
        page = Browser(STACK).get(path.path + "?" + path.query)
        self.assertEqual(page.status, 200)
        self.assertEqual(h1(page.text), "Подтверждение подписки")
        self.assertIn("Подтвердить подписку", page.text)
        self.assertNotIn(email, page.text)
        self.assertEqual(page.header("Cache-Control"), "no-store")
        self.assertEqual(subscription(email)[0][3], "pending")

        # The button posts the token and the subscription is active.
        done = Browser(STACK).post("/subscribe/confirm", browser_form(page.text, "/subscribe/confirm"))
        self.assertEqual(done.status, 200)
        self.assertEqual(h1(done.text), "Подписка подтверждена")
        self.assertIn("микрорайон Молодёжный", text_of(done.text))
        self.assertNotIn(email, done.text)
        [(_, _, _, status, confirmed, _)] = subscription(email)
        self.assertEqual(status, "active")
        self.assertAlmostEqual(confirmed, time.time(), delta=60)
        # The link again says so, without a button.
        again = shown(self, STACK.get(path.path + "?" + path.query))
        self.assertEqual(h1(again.text), "Подписка подтверждена")
        self.assertNotIn("<button", main_of(again.text))

    def test_the_whole_municipality(self):
        email = address()
        self.assertSent(subscribe(email, ""))
        [(_, territory, _, status, _, _)] = subscription(email)
        self.assertEqual((territory, status), (None, "pending"))
        self.assertIn("все встречи, Зеленоборск целиком", mails(email)[0][1])

    def test_address_case_does_not_make_a_second_subscriber(self):
        email = address("Petrov")
        self.assertSent(subscribe(email))
        self.assertSent(subscribe(email.upper()))
        self.assertEqual(len(subscription(email.lower())), 1)
        self.assertEqual(subscription(email), [])  # stored in lower case

    def test_the_same_request_again_gives_the_same_answer_and_no_second_mail(self):
        email = address()
        first = subscribe(email, str(MOLODEZHNY))
        second = subscribe(email, str(MOLODEZHNY))
        self.assertSent(first)
        self.assertSent(second)
        self.assertEqual(first.body, second.body)
        self.assertEqual(len(subscription(email)), 1)
        self.assertEqual(len(mails(email)), 1)
        # Another territory is another subscription with its own mail.
        self.assertSent(subscribe(email, ""))
        self.assertEqual(len(subscription(email)), 2)
        self.assertEqual(len(mails(email)), 2)

    def test_one_mail_an_hour_also_across_the_turn_of_the_hour(self):
        email = address()
        self.assertSent(subscribe(email))
        [(sid, _, token, _, _, _)] = subscription(email)
        hour = int(time.time()) // 3600
        # The mail went out ten minutes ago, in the previous hour: still no second one.
        STACK.execute("UPDATE outbox SET dedup_key = ?, created_at = ? WHERE recipient = ?",
                      (f"subscription-confirm:{sid}:{token[:8]}:{hour - 1}", int(time.time()) - 600, email))
        self.assertSent(subscribe(email))
        self.assertEqual(len(mails(email)), 1)
        # Two hours later a person who lost the mail gets another, with the same link.
        STACK.execute("UPDATE outbox SET dedup_key = ?, created_at = ? WHERE recipient = ?",
                      (f"subscription-confirm:{sid}:{token[:8]}:{hour - 2}", int(time.time()) - 7200, email))
        self.assertSent(subscribe(email))
        bodies = [m[1] for m in mails(email)]
        self.assertEqual(len(bodies), 2)
        self.assertEqual(LINK.search(bodies[1]).group(1), token)

    def test_an_active_subscriber_gets_no_new_confirmation(self):
        email = address()
        confirmed_subscription(email)
        STACK.execute("UPDATE outbox SET created_at = created_at - 7200, dedup_key = "
                      "dedup_key || '-old' WHERE recipient = ?", (email,))
        r = subscribe(email)
        self.assertSent(r)
        self.assertEqual(len(mails(email)), 1)
        self.assertEqual(subscription(email)[0][3], "active")
        # The same answer as for an address never seen.
        self.assertEqual(r.body, subscribe(address()).body)

    def test_subscribing_again_after_unsubscribing(self):
        email = address()
        old = confirmed_subscription(email)
        r = STACK.post_form(f"/unsubscribe?token={old}", {"List-Unsubscribe": "One-Click"})
        self.assertEqual(r.status, 200)
        self.assertSent(subscribe(email))
        [(_, _, token, status, confirmed, unsubscribed)] = subscription(email)
        self.assertEqual((status, confirmed, unsubscribed), ("pending", None, None))
        self.assertNotEqual(token, old)
        self.assertEqual(LINK.search(mails(email)[-1][1]).group(1), token)
        # Links of the old mails no longer act.
        self.assertNotFoundPage(STACK.get(f"/unsubscribe?token={old}"))


class Refusals(SubscriptionCase):
    def test_bad_address_and_no_consent(self):
        b = Browser(STACK)
        r = subscribe("ivanov@@mail", str(MOLODEZHNY), consent=None, browser=b)
        self.assertEqual(r.status, 422)
        self.assertEqual(field_error(r.text, "email"),
                         "электронная почта: ожидается адрес вида name@example.ru.")
        self.assertIn("отметьте его", field_error(r.text, "consent"))
        self.assertEqual(len(form_errors(r.text)), 2)
        # What was typed is kept.
        self.assertEqual(input_value(r.text, "email"), "ivanov@@mail")
        self.assertEqual(selected(r.text, "territory"), str(MOLODEZHNY))
        self.assertEqual(subscription("ivanov@@mail"), [])
        self.assertEqual(mails("ivanov@@mail"), [])

    def test_missing_address_and_consent_kept_when_ticked(self):
        r = subscribe("", "", consent="yes")
        self.assertEqual(r.status, 422)
        self.assertIn("обязательное поле", field_error(r.text, "email"))
        self.assertIsNone(field_error(r.text, "consent"))
        self.assertIn('name="consent" value="yes" required checked', r.text)

    def test_unknown_territory(self):
        email = address()
        r = subscribe(email, "9999")
        self.assertEqual(r.status, 422)
        self.assertEqual(field_error(r.text, "territory"),
                         "территория: выберите территорию из списка.")
        self.assertEqual(subscription(email), [])

    def test_a_filled_trap_field_writes_nothing(self):
        email = address()
        r = subscribe(email, website="http://spam.example")
        self.assertSent(r)  # the robot learns nothing
        self.assertEqual(subscription(email), [])
        self.assertEqual(mails(email), [])

    def test_without_the_form_token(self):
        email = address()
        b = Browser(STACK)
        form_token(b)
        r = b.post("/subscribe", {"email": email, "consent": "yes"})
        self.assertEqual(r.status, 403)
        self.assertIn("Форма устарела", text_of(r.text))
        # A token from another browser's form is no good either.
        r = Browser(STACK).post("/subscribe", {"csrf": form_token(Browser(STACK)), "email": email,
                                               "consent": "yes"})
        self.assertEqual(r.status, 403)
        self.assertEqual(subscription(email), [])

    def test_unknown_or_malformed_tokens(self):
        for token in ("x" * 43, "<script>", "", "a%20b"):
            q = "token=" + token
            self.assertNotFoundPage(STACK.get("/subscribe/confirm?" + q))
            self.assertNotFoundPage(STACK.get("/unsubscribe?" + q))
            self.assertNotFoundPage(STACK.request(
                "POST", "/subscribe/confirm", body=q,
                headers={"Content-Type": "application/x-www-form-urlencoded"}))
            self.assertNotFoundPage(STACK.request(
                "POST", "/unsubscribe?" + q, body="List-Unsubscribe=One-Click",
                headers={"Content-Type": "application/x-www-form-urlencoded"}))
        self.assertNotFoundPage(STACK.get("/unsubscribe"))


class Unsubscribe(SubscriptionCase):
    def test_by_the_button(self):
        email = address()
        token = confirmed_subscription(email, str(MOLODEZHNY))
        page = Browser(STACK).get(f"/unsubscribe?token={token}")
        self.assertEqual(page.status, 200)
        self.assertEqual(h1(page.text), "Отписка от анонсов")
        self.assertIn("микрорайон Молодёжный", text_of(page.text))
        self.assertNotIn(email, page.text)
        self.assertEqual(subscription(email)[0][3], "active")  # opening the link does nothing
        action = f"/unsubscribe?token={token}"
        self.assertIn(f'action="{html.escape(action)}"', page.text)
        r = Browser(STACK).post(action, browser_form(page.text, html.escape(action)))
        self.assertEqual(r.status, 200)
        self.assertEqual(h1(r.text), "Вы отписались от анонсов")
        [(_, _, _, status, _, unsubscribed)] = subscription(email)
        self.assertEqual(status, "unsubscribed")
        self.assertAlmostEqual(unsubscribed, time.time(), delta=60)
        # The link afterwards says it is done; the confirmation link does not bring it back.
        self.assertEqual(h1(STACK.get(action).text), "Вы отписались от анонсов")
        again = STACK.post_form("/subscribe/confirm", {"token": token})
        self.assertEqual(again.status, 200)
        self.assertEqual(h1(again.text), "Подписка отменена")
        self.assertEqual(subscription(email)[0][3], "unsubscribed")

    def test_rfc8058_one_click(self):
        email = address()
        token = confirmed_subscription(email)
        # Exactly what a mail client sends: no cookie, no form token, no redirect expected.
        r = STACK.request("POST", f"/unsubscribe?token={token}", body="List-Unsubscribe=One-Click",
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(r.status, 200, r.text[:500])
        self.assertIsNone(r.header("Location"))
        self.assertEqual(subscription(email)[0][3], "unsubscribed")
        # Twice is harmless.
        r = STACK.request("POST", f"/unsubscribe?token={token}", body="List-Unsubscribe=One-Click",
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(r.status, 200)

    def test_rfc8058_one_click_as_multipart(self):
        email = address()
        token = confirmed_subscription(email)
        body = ("--b1\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\n"
                "One-Click\r\n--b1--\r\n")
        r = STACK.request("POST", f"/unsubscribe?token={token}", body=body,
                          headers={"Content-Type": "multipart/form-data; boundary=b1"})
        self.assertEqual(r.status, 200, r.text[:500])
        self.assertEqual(subscription(email)[0][3], "unsubscribed")

    def test_a_pending_subscription_can_be_cancelled_too(self):
        email = address()
        self.assertSent(subscribe(email))
        token = subscription(email)[0][2]
        r = STACK.post_form(f"/unsubscribe?token={token}", {"List-Unsubscribe": "One-Click"})
        self.assertEqual(r.status, 200)
        self.assertEqual(subscription(email)[0][3], "unsubscribed")


class Privacy(SubscriptionCase):
    def test_no_subscriber_address_on_any_public_page(self):
        email = address("secret")
        token = confirmed_subscription(email)
        pending = address("pending")
        self.assertSent(subscribe(pending))
        pending_token = subscription(pending)[0][2]
        addresses = [a for (a,) in STACK.query("SELECT email FROM subscription")]
        self.assertIn("ivanova@mail.example", addresses)  # the demo subscribers are there too
        b = Browser(STACK)
        pages = ["/", "/meetings", "/meetings/12", "/subscribe", "/subscribe/sent",
                 f"/subscribe/confirm?token={token}", f"/subscribe/confirm?token={pending_token}",
                 f"/unsubscribe?token={token}", f"/unsubscribe?token={DEMO_ACTIVE}",
                 "/meetings.ics"]
        answers = [b.get(p) for p in pages]
        answers.append(subscribe(email, browser=b))
        answers.append(subscribe("bad@", browser=b))
        answers.append(STACK.post_form("/subscribe/confirm", {"token": pending_token}))
        answers.append(STACK.post_form(f"/unsubscribe?token={token}",
                                       {"List-Unsubscribe": "One-Click"}))
        for path, r in zip(pages, answers):  # each one the page it should be
            shown(self, r, "BEGIN:VCALENDAR" if path.endswith(".ics") else "<h1>")
        self.assertEqual([r.status for r in answers[len(pages):]], [303, 422, 200, 200])
        for r in answers:
            self.assertLess(r.status, 500)
            for a in addresses:
                self.assertNotIn(a, r.text)
                self.assertNotIn(a, html.unescape(r.text))


class RateLimit(unittest.TestCase):
    def test_nginx_limits_posts_of_one_address(self):
        with Stack() as stack:
            b = Browser(stack)
            token = None
            statuses = []
            for i in range(40):
                if token is None:
                    r = b.get("/subscribe")
                    token = re.search(r'name="csrf" value="([^"]*)"', r.text).group(1)
                r = b.post("/subscribe", {"csrf": token, "email": f"flood{i}@mail.example",
                                          "consent": "yes"})
                statuses.append(r.status)
                if r.status == 429:
                    break
            self.assertEqual(statuses[0], 303)
            self.assertEqual(statuses[-1], 429, statuses)
            self.assertGreaterEqual(statuses.count(303), 10)
            self.assertEqual(h1(r.text), "Слишком много запросов")
            # Reading is not limited, and the limited requests wrote nothing.
            self.assertEqual(b.get("/subscribe").status, 200)
            self.assertEqual(stack.get("/meetings").status, 200)
            n = stack.query("SELECT count(*) FROM subscription WHERE email LIKE 'flood%'")[0][0]
            self.assertEqual(n, statuses.count(303))


if __name__ == "__main__":
    unittest.main()
