"""The staff side as a browser sees it (issue 3, items 1 and 2): signing in and out, the session
cookie and its row, anti-forgery tokens, login slow-down and locks, roles per route, idle and
absolute session expiry, password change, the users page, the audit log, escaping, and the
caching headers of staff pages.

Two stacks: the module's, with the default [security] settings, and a second one with small
limits (3 failures, 1 minute) for the lock tests. Every request comes from 127.0.0.1, so the
per-address throttle counts the failures of every test: tests that are not about throttling
start from an empty login_throttle table. Time is moved by rewriting timestamps in the database
(session and throttle rows), never by sleeping."""

import os
import re
import time
import unittest
import urllib.parse
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from helpers import shown, table_rows, text_of
from stack import Stack, portal_routes
from staff import (FORM_STALE, NOT_FOR_ROLE, ROLES, Browser, StaffAssertions, csrf_of,
                   field_error, hidden_value, input_value, read_passwords, staff_module,
                   token_hash)

STACK = None
PASSWORDS = {}  # demo login -> password
SESSIONS = {}   # demo role -> a Browser signed in as that role, kept for the whole module
ROLE_BITS = {"admin": 1, "organizer": 2, "secretary": 4, "press": 8, "executor": 16,
             "controller": 32}

WRONG_LOGIN = "Неверный логин или пароль."
LOCKED = "Вход временно заблокирован"
SESSION_OVER = "Сеанс работы закончился. Войдите снова и повторите действие."


# ---- reading pages -------------------------------------------------------------------------
def audit_rows(page):
    """(login, action, entity) of each row of the audit table, as shown."""
    rows = []
    for _, tds in table_rows(page):
        cells = [text_of(td) for td in tds]
        rows.append((cells[1], cells[2], cells[3].split(" № ")[0]))
    return rows


def staff_routes():
    """(pattern, methods, roles bitmask) of every route with roles (stack.portal_routes)."""
    out = []
    for methods, pattern, roles, _flags, _fields, _owner in portal_routes():
        if roles == ["public"]:
            continue
        bits = 0
        for role in roles:
            bits |= ROLE_BITS[role]
        out.append((pattern, ["METHOD_" + m for m in methods], bits))
    assert len(out) > 50, out
    return out


def reset_throttle(stack=None):
    (stack or STACK).execute("DELETE FROM login_throttle")


def throttle(stack=None):
    return {k: (f, u) for k, f, u in
            (stack or STACK).query("SELECT key, failures, locked_until FROM login_throttle")}


def age_throttle(stack, seconds):
    """As if the failures happened SECONDS earlier: the slow-down delay passes."""
    stack.execute("UPDATE login_throttle SET last_failure_at = last_failure_at - ?", (seconds,))


def user_id(login, stack=None):
    return (stack or STACK).query("SELECT id FROM staff_user WHERE login = ?", (login,))[0][0]


def add_user(login, role, password, stack=None):
    p = (stack or STACK).admin("user", "add", login, role, input_text=password + "\n")
    assert p.returncode == 0, p.stderr
    return user_id(login, stack)


setUpModule, tearDownModule = staff_module(globals(), SESSIONS)
assert set(ROLE_BITS) == set(ROLES), "ROLE_BITS must name every demo role"


class StaffCase(StaffAssertions, unittest.TestCase):
    def setUp(self):
        reset_throttle()

    def assertLoginRedirect(self, r, path):
        self.assertRedirect(r, "/admin/login?return=" + urllib.parse.quote(path, safe=""))

    def assertSignedIn(self, browser):
        r = browser.get("/admin")
        self.assertEqual(r.status, 200, r.header("Location"))
        self.assertIn("<h1>Рабочий стол</h1>", r.text)
        return r

    def assertSignedOut(self, browser):
        self.assertLoginRedirect(browser.get("/admin"), "/admin")


# ---- 1. signing in -----------------------------------------------------------------------
class SignIn(StaffCase):
    def test_staff_home_without_a_session_goes_to_the_login_form(self):
        b = Browser(STACK)
        r = b.get("/admin")
        self.assertLoginRedirect(r, "/admin")
        self.assertEqual(r.header("Location"), "/admin/login?return=%2Fadmin")
        self.assertEqual(r.header("Cache-Control"), "no-store")
        self.assertEqual(r.headers.get_all("Set-Cookie"), None)

    def test_login_form_has_a_token_field_and_sets_the_login_cookie(self):
        b = Browser(STACK)
        r = b.get("/admin/login?return=%2Fadmin")
        self.assertEqual(r.status, 200)
        self.assertIn("<h1>Вход для сотрудников</h1>", r.text)
        token = csrf_of(r.text)
        self.assertRegex(token, r"^[A-Za-z0-9_-]{43}$")
        self.assertEqual(hidden_value(r.text, "return"), "/admin")
        self.assertEqual(b.cookie("portal_login"), token)
        attrs = b.jar["portal_login"]["attrs"]
        self.assertEqual(attrs.get("path"), "/admin")
        self.assertIn("httponly", attrs)
        self.assertEqual(attrs.get("samesite"), "Lax")
        # The same browser keeps its token; another browser gets another one.
        again = b.get("/admin/login")
        self.assertEqual(csrf_of(again.text), token)
        self.assertEqual(again.headers.get_all("Set-Cookie"), None)
        self.assertNotEqual(csrf_of(Browser(STACK).get("/admin/login").text), token)

    def test_right_password_signs_in_with_a_safe_cookie(self):
        b = Browser(STACK)
        r = b.login("organizer", PASSWORDS["organizer"])
        self.assertRedirect(r, "/admin")
        session = [h for h in r.headers.get_all("Set-Cookie") if h.startswith("portal_session=")]
        self.assertEqual(len(session), 1, r.headers.get_all("Set-Cookie"))
        name, value, attrs = Browser.parse_set_cookie(session[0])
        self.assertRegex(value, r"^[A-Za-z0-9_-]{43}$")  # 32 random bytes
        self.assertEqual(attrs.get("path"), "/admin")
        self.assertIn("httponly", attrs)
        self.assertEqual(attrs.get("samesite"), "Lax")
        self.assertNotIn("secure", attrs)  # plain HTTP here: a Secure cookie would be dropped
        self.assertNotIn("domain", attrs)
        page = self.assertSignedIn(b)
        self.assertIn("Сотрудник организационного сектора, организатор", text_of(page.text))
        self.assertIn('action="/admin/logout"', page.text)
        # Signed in, the login form sends back to the staff home page.
        self.assertRedirect(b.get("/admin/login"), "/admin")

    def test_every_sign_in_gets_a_new_token(self):
        b = Browser(STACK)
        planted = "A" * 43  # a token someone else chose for this browser (session fixation)
        b.jar["portal_session"] = {"value": planted, "path": "/admin", "attrs": {}}
        self.assertLoginRedirect(b.get("/admin"), "/admin")
        self.assertRedirect(b.login("press", PASSWORDS["press"]), "/admin")
        first = b.cookie("portal_session")
        self.assertNotEqual(first, planted)
        c = Browser(STACK)
        self.assertRedirect(c.login("press", PASSWORDS["press"]), "/admin")
        self.assertNotEqual(c.cookie("portal_session"), first)
        self.assertEqual(STACK.query("SELECT count(*) FROM staff_session WHERE token_hash = ?",
                                     (token_hash(planted),))[0][0], 0)

    def test_session_row_stores_only_a_hash_of_the_token(self):
        b = Browser(STACK)
        self.assertRedirect(b.login("secretary", PASSWORDS["secretary"]), "/admin")
        token = b.cookie("portal_session")
        rows = STACK.query("SELECT token_hash, user_id, remote_addr FROM staff_session "
                           "WHERE token_hash = ?", (token_hash(token),))
        self.assertEqual(len(rows), 1)
        stored, uid, addr = rows[0]
        self.assertIsInstance(stored, bytes)
        self.assertEqual(len(stored), 32)
        self.assertEqual(uid, user_id("secretary"))
        self.assertEqual(addr, "127.0.0.1")
        # The token itself is nowhere: not in any table, not in the database or WAL files.
        conn = STACK.db()
        try:
            # Virtual tables (the appeals' search index) need the portal's tokenizer to be read;
            # their content lives in their ordinary shadow tables, which are read here.
            tables = [t for (t,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")]
            for table in tables:
                for row in conn.execute(f'SELECT * FROM "{table}"'):
                    for cell in row:
                        if isinstance(cell, (str, bytes)):
                            raw = cell if isinstance(cell, bytes) else cell.encode()
                            self.assertNotIn(token.encode(), raw, table)
        finally:
            conn.close()
        for suffix in ("", "-wal", "-journal"):
            path = os.path.join(STACK.data, "portal.db" + suffix)
            if os.path.exists(path):
                with open(path, "rb") as f:
                    self.assertNotIn(token.encode(), f.read(), path)

    def test_return_to_a_staff_page(self):
        b = Browser(STACK)
        r = b.get("/admin/audit?entity=staff_user")
        self.assertLoginRedirect(r, "/admin/audit?entity=staff_user")
        form = b.get(r.header("Location"))
        self.assertEqual(form.status, 200)
        self.assertEqual(hidden_value(form.text, "return"), "/admin/audit?entity=staff_user")
        r = b.post("/admin/login", {"csrf": csrf_of(form.text), "login": "admin",
                                    "password": PASSWORDS["admin"],
                                    "return": "/admin/audit?entity=staff_user"})
        self.assertRedirect(r, "/admin/audit?entity=staff_user")
        self.assertEqual(b.get(r.header("Location")).status, 200)

    def test_a_return_outside_the_staff_pages_is_ignored(self):
        # A local page that is not a staff page, or the login page itself: go to /admin.
        for target in ("/meetings", "/", "/admin/login", "/admin/login?return=%2Fadmin"):
            with self.subTest(target=target):
                reset_throttle()
                b = Browser(STACK)
                r = b.login("executor", PASSWORDS["executor"], return_to=target)
                self.assertRedirect(r, "/admin")

    def test_a_link_with_an_external_return_never_leads_out(self):
        # The form may refuse such a link (400, as for any malformed parameter) or show itself
        # without it; it never carries the address into the form.
        for target in ("https://evil.example/admin", "//evil.example/admin"):
            with self.subTest(target=target):
                r = Browser(STACK).get("/admin/login?return=" + urllib.parse.quote(target, safe=""))
                self.assertIn(r.status, (200, 400))
                if r.status == 200:
                    shown(self, r, "<h1>Вход для сотрудников</h1>")
                    self.assertNotIn("evil.example", hidden_value(r.text, "return") or "")
                self.assertIsNone(r.header("Location"))

    def test_an_external_return_is_ignored(self):
        # The rule: an external `return` is ignored and the user lands on /admin. (A
        # refusal would leave the person stuck: the field is hidden and sent back unchanged.)
        for target in ("https://evil.example/admin", "//evil.example/admin", "/\\evil.example",
                       "http:/admin"):
            with self.subTest(target=target):
                reset_throttle()
                b = Browser(STACK)
                form = b.get("/admin/login")
                r = b.post("/admin/login", {"csrf": csrf_of(form.text), "login": "executor",
                                            "password": PASSWORDS["executor"], "return": target})
                self.assertNotIn("evil", r.header("Location") or "")
                self.assertRedirect(r, "/admin")


# ---- 2. wrong passwords, tokens and empty fields -----------------------------------------
class WrongInput(StaffCase):
    def normalised(self, page, typed_login):
        page = page.replace(f'value="{typed_login}"', 'value="LOGIN"')
        return re.sub(r'name="csrf" value="[^"]*"', 'name="csrf" value="TOKEN"', page)

    def test_wrong_password_and_unknown_login_look_the_same(self):
        b = Browser(STACK)
        form = b.get("/admin/login")
        token = csrf_of(form.text)
        wrong = b.post("/admin/login", {"csrf": token, "login": "admin", "password": "not it 123"})
        reset_throttle()  # two failures in a row from one address would slow the third down
        unknown = b.post("/admin/login", {"csrf": token, "login": "nosuchuser",
                                          "password": "not it 123"})
        for r in (wrong, unknown):
            self.assertEqual(r.status, 422)
            self.assertIn(WRONG_LOGIN, text_of(r.text))
            self.assertIsNone(b.cookie("portal_session"))
            self.assertNotIn("not it 123", r.text)
        self.assertEqual(self.normalised(wrong.text, "admin"),
                         self.normalised(unknown.text, "nosuchuser"))
        self.assertEqual(sorted(k.lower() for k in wrong.headers.keys()),
                         sorted(k.lower() for k in unknown.headers.keys()))
        # The typed login stays in the field.
        self.assertEqual(input_value(wrong.text, "login"), "admin")
        self.assertEqual(input_value(unknown.text, "login"), "nosuchuser")

    def test_missing_or_wrong_form_token_is_403(self):
        b = Browser(STACK)
        token = csrf_of(b.get("/admin/login").text)
        good = {"login": "admin", "password": PASSWORDS["admin"]}
        cases = {
            "no token": dict(good),
            "empty token": dict(good, csrf=""),
            "wrong token": dict(good, csrf="x" * 43),
            "token of another browser": dict(good, csrf=csrf_of(Browser(STACK).get("/admin/login").text)),
        }
        for name, fields in cases.items():
            with self.subTest(name):
                r = b.post("/admin/login", fields)
                self.assertForbidden(r, FORM_STALE)
                self.assertIsNone(b.cookie("portal_session"))
        # The right token without its cookie (a form posted from another site) is refused too.
        r = STACK.post_form("/admin/login", dict(good, csrf=token))
        self.assertForbidden(r, FORM_STALE)
        self.assertEqual(r.headers.get_all("Set-Cookie"), None)
        # None of these counted as a failed login.
        self.assertEqual(throttle(), {})
        self.assertRedirect(b.post("/admin/login", dict(good, csrf=token)), "/admin")

    def test_empty_fields_show_errors_beside_them(self):
        b = Browser(STACK)
        token = csrf_of(b.get("/admin/login").text)
        r = b.post("/admin/login", {"csrf": token, "login": "", "password": ""})
        self.assertEqual(r.status, 422)
        self.assertEqual(field_error(r.text, "login"), "логин: обязательное поле: заполните его.")
        self.assertEqual(field_error(r.text, "password"), "пароль: обязательное поле: заполните его.")
        self.assertIn("Проверьте форму", r.text)
        self.assertIn('href="#f-login"', r.text)
        # The typed login is kept; the password is never sent back.
        r = b.post("/admin/login", {"csrf": token, "login": "ivanova", "password": ""})
        self.assertEqual(r.status, 422)
        self.assertEqual(input_value(r.text, "login"), "ivanova")
        self.assertIsNone(field_error(r.text, "login"))
        self.assertEqual(field_error(r.text, "password"), "пароль: обязательное поле: заполните его.")
        r = b.post("/admin/login", {"csrf": token, "login": "", "password": "my secret pass"})
        self.assertEqual(r.status, 422)
        self.assertNotIn("my secret pass", r.text)
        self.assertIsNone(input_value(r.text, "password"))
        self.assertEqual(field_error(r.text, "login"), "логин: обязательное поле: заполните его.")
        # An empty form is not a failed login.
        self.assertEqual(throttle(), {})

    def test_typed_login_is_escaped(self):
        b = Browser(STACK)
        token = csrf_of(b.get("/admin/login").text)
        typed = '"><script>alert(1)</script>'
        r = b.post("/admin/login", {"csrf": token, "login": typed, "password": "wrong password"})
        self.assertEqual(r.status, 422)
        self.assertNotIn("<script>alert(1)", r.text)
        self.assertEqual(input_value(r.text, "login"), typed)


# ---- 3. slow-down after failures ------------------------------------------------------------
class SlowDown(StaffCase):
    def fail(self, b, login):
        token = csrf_of(b.get("/admin/login").text)
        return b.post("/admin/login", {"csrf": token, "login": login, "password": "wrong pass 1"})

    def test_failures_are_counted_per_login_and_per_address(self):
        b = Browser(STACK)
        self.assertEqual(self.fail(b, "ghostone").status, 422)
        self.assertEqual(throttle(), {"login:ghostone addr:127.0.0.1": (1, 0),
                                      "addr:127.0.0.1": (1, 0)})
        age_throttle(STACK, 60)
        self.assertEqual(self.fail(b, "organizer").status, 422)
        self.assertEqual(throttle(), {"login:ghostone addr:127.0.0.1": (1, 0),
                                      "login:organizer addr:127.0.0.1": (1, 0),
                                      "addr:127.0.0.1": (2, 0)})
        # A sign-in clears that login's count and the address's, not other logins'.
        age_throttle(STACK, 60)
        self.assertRedirect(b.login("organizer", PASSWORDS["organizer"]), "/admin")
        self.assertEqual(throttle(), {"login:ghostone addr:127.0.0.1": (1, 0)})

    def test_after_two_failures_the_next_attempt_must_wait(self):
        b = Browser(STACK)
        self.assertEqual(self.fail(b, "ghosttwo").status, 422)
        self.assertEqual(self.fail(b, "ghosttwo").status, 422)
        # All tests come from 127.0.0.1: the address is slowed down too, so even the right
        # password of another account must wait.
        token = csrf_of(b.get("/admin/login").text)
        # As if the second failure were just now: on a busy machine the two password checks
        # and the form may take longer than the 2 s being checked.
        STACK.execute("UPDATE login_throttle SET last_failure_at = strftime('%s', 'now')")
        r = b.post("/admin/login", {"csrf": token, "login": "executor",
                                    "password": PASSWORDS["executor"]})
        self.assertEqual(r.status, 429)
        m = re.search(r"Слишком много неудачных попыток подряд\. Повторите через (\d+) секунд[уы]?\.",
                      text_of(r.text))
        self.assertTrue(m, text_of(r.text)[:1500])
        self.assertIn(int(m.group(1)), (1, 2))
        self.assertIsNone(b.cookie("portal_session"))
        self.assertEqual(input_value(r.text, "login"), "executor")
        # A refused attempt is not another failure.
        self.assertEqual(throttle()["login:ghosttwo addr:127.0.0.1"][0], 2)
        self.assertEqual(throttle()["addr:127.0.0.1"][0], 2)
        # Two seconds later the third failure is counted; then the wait is 4 seconds.
        age_throttle(STACK, 3)
        self.assertEqual(self.fail(b, "ghosttwo").status, 422)
        r = self.fail(b, "ghosttwo")
        self.assertEqual(r.status, 429)
        m = re.search(r"Повторите через (\d+) секунд", text_of(r.text))
        self.assertTrue(m)
        self.assertIn(int(m.group(1)), (3, 4))
        self.assertEqual(throttle()["login:ghosttwo addr:127.0.0.1"], (3, 0))
        # Once the wait is over the right password works and clears the address.
        age_throttle(STACK, 5)
        self.assertRedirect(b.login("executor", PASSWORDS["executor"]), "/admin")
        self.assertEqual(throttle(), {"login:ghosttwo addr:127.0.0.1": (3, 0)})


# ---- 4. roles and form tokens on every staff route -----------------------------------------
class Roles(StaffCase):
    ROUTES = None

    @classmethod
    def setUpClass(cls):
        cls.ROUTES = staff_routes()

    def path_of(self, pattern):
        return pattern.replace("#", str(user_id("press")))

    def test_routes_are_read_from_the_source(self):
        found = {(p, m) for p, methods, _ in self.ROUTES for m in methods}
        for expected in [("/admin", "METHOD_GET"), ("/admin/logout", "METHOD_POST"),
                         ("/admin/password", "METHOD_GET"), ("/admin/password", "METHOD_POST"),
                         ("/admin/users", "METHOD_GET"), ("/admin/users", "METHOD_POST"),
                         ("/admin/users/#/disable", "METHOD_POST"),
                         ("/admin/users/#/enable", "METHOD_POST"), ("/admin/audit", "METHOD_GET")]:
            self.assertIn(expected, found)
        roles = {(p, m): r for p, methods, r in self.ROUTES for m in methods}
        self.assertEqual(roles[("/admin/users", "METHOD_GET")], ROLE_BITS["admin"])
        self.assertEqual(roles[("/admin/audit", "METHOD_GET")], ROLE_BITS["admin"])
        self.assertEqual(roles[("/admin", "METHOD_GET")], 63)

    def test_organizer_on_the_admin_pages(self):
        org = SESSIONS["organizer"]
        for path in ("/admin/users", "/admin/audit", "/admin/audit?entity=staff_user"):
            with self.subTest(path=path):
                r = org.get(path)
                self.assertForbidden(r, NOT_FOR_ROLE)
                self.assertEqual(r.header("Cache-Control"), "no-store")
                self.assertNotIn("Журнал изменений</a>", r.text)  # nor in its menu

    def test_every_staff_route_refuses_other_roles(self):
        users_before = STACK.query("SELECT id, login, role, disabled FROM staff_user ORDER BY id")
        checked = 0
        for pattern, methods, roles in self.ROUTES:
            path = self.path_of(pattern)
            for role, bit in ROLE_BITS.items():
                if roles & bit:
                    continue
                b = SESSIONS[role]
                for method in methods:
                    with self.subTest(method=method, path=path, role=role):
                        if method == "METHOD_GET":
                            r = b.get(path)
                        else:
                            # Even with the session's own valid token.
                            r = b.post(path, {"csrf": b.csrf(), "login": "sneaky",
                                              "role": "admin", "new_password": "sneaky password"})
                        self.assertForbidden(r, NOT_FOR_ROLE)
                        checked += 1
        self.assertGreaterEqual(checked, 5 * 5)
        self.assertEqual(STACK.query("SELECT id, login, role, disabled FROM staff_user ORDER BY id"),
                         users_before)

    def test_staff_posts_need_the_sessions_own_token(self):
        for pattern, methods, roles in self.ROUTES:
            if "METHOD_POST" not in methods:
                continue
            path = self.path_of(pattern)
            role = next(r for r, bit in ROLE_BITS.items() if roles & bit)
            b = SESSIONS[role]
            other = SESSIONS["admin" if role != "admin" else "organizer"]
            self.assertIsNotNone(b.cookie("portal_login"))
            for name, fields in (("no token", {}), ("empty token", {"csrf": ""}),
                                 ("another session's token", {"csrf": other.csrf()}),
                                 ("the login form's token", {"csrf": b.cookie("portal_login")})):
                with self.subTest(path=path, role=role, case=name):
                    r = b.post(path, dict(fields, login="sneaky", role="admin",
                                          new_password="sneaky password",
                                          password="whatever 123",
                                          new_password_again="sneaky password"))
                    self.assertForbidden(r, FORM_STALE)
        # Nothing happened: every session still works (logout was refused), no account added.
        for role, b in SESSIONS.items():
            with self.subTest(still_signed_in=role):
                self.assertSignedIn(b)
        self.assertEqual(STACK.query("SELECT count(*) FROM staff_user WHERE login = 'sneaky'"),
                         [(0,)])

    def test_without_a_session(self):
        for pattern, methods, roles in self.ROUTES:
            path = self.path_of(pattern)
            for method in methods:
                with self.subTest(method=method, path=path):
                    b = Browser(STACK)
                    if method == "METHOD_GET":
                        self.assertLoginRedirect(b.get(path), path)
                    else:
                        # A POST is not redirected (the form would be lost): 403.
                        token = csrf_of(b.get("/admin/login").text)
                        r = b.post(path, {"csrf": token})
                        self.assertForbidden(r, SESSION_OVER)
                        self.assertEqual(r.header("Cache-Control"), "no-store")

    def test_a_forged_cookie_is_no_session(self):
        for value in ("A" * 43, "", "x" * 101, "%00", SESSIONS["admin"].cookie("portal_session")[:-1]):
            with self.subTest(value=value):
                r = STACK.get("/admin", headers={"Cookie": f"portal_session={value}"})
                self.assertLoginRedirect(r, "/admin")


# ---- 5. session expiry and logout -----------------------------------------------------------
class Expiry(StaffCase):
    def fresh(self, role="controller"):
        b = Browser(STACK)
        self.assertRedirect(b.login(role, PASSWORDS[role]), "/admin")
        return b

    def test_idle_session_ends(self):
        b = self.fresh()
        sid = b.session_row()[0]
        STACK.execute("UPDATE staff_session SET last_seen_at = ? WHERE id = ?",
                      (int(time.time()) - 60 * 60 - 5, sid))
        self.assertSignedOut(b)
        self.assertEqual(STACK.query("SELECT count(*) FROM staff_session WHERE id = ?", (sid,)),
                         [(0,)])

    def test_activity_keeps_the_session(self):
        b = self.fresh()
        sid = b.session_row()[0]
        STACK.execute("UPDATE staff_session SET last_seen_at = ? WHERE id = ?",
                      (int(time.time()) - 59 * 60, sid))
        self.assertSignedIn(b)
        seen = STACK.query("SELECT last_seen_at FROM staff_session WHERE id = ?", (sid,))[0][0]
        self.assertGreaterEqual(seen, int(time.time()) - 5)

    def test_session_ends_after_the_absolute_limit(self):
        b = self.fresh()
        sid = b.session_row()[0]
        STACK.execute("UPDATE staff_session SET created_at = ?, last_seen_at = ? WHERE id = ?",
                      (int(time.time()) - 12 * 3600 - 5, int(time.time()), sid))
        self.assertSignedOut(b)
        self.assertEqual(STACK.query("SELECT count(*) FROM staff_session WHERE id = ?", (sid,)),
                         [(0,)])

    def test_an_expired_session_cannot_post(self):
        b = self.fresh()
        token = b.csrf("/admin/password")
        sid = b.session_row()[0]
        STACK.execute("UPDATE staff_session SET last_seen_at = 0 WHERE id = ?", (sid,))
        r = b.post("/admin/password", {"csrf": token, "password": PASSWORDS["controller"],
                                       "new_password": "x" * 12, "new_password_again": "x" * 12})
        self.assertForbidden(r, SESSION_OVER)

    def test_logout(self):
        b = self.fresh("press")
        old = b.cookie("portal_session")
        sid = b.session_row()[0]
        r = b.post("/admin/logout", {"csrf": b.csrf()})
        self.assertRedirect(r, "/admin/login")
        cleared = [h for h in r.headers.get_all("Set-Cookie") if h.startswith("portal_session=")]
        self.assertEqual(len(cleared), 1)
        name, value, attrs = Browser.parse_set_cookie(cleared[0])
        self.assertEqual(value, "")
        self.assertEqual(attrs.get("max-age"), "0")
        self.assertEqual(attrs.get("path"), "/admin")  # the same path, or the browser keeps it
        self.assertIsNone(b.cookie("portal_session"))
        self.assertEqual(STACK.query("SELECT count(*) FROM staff_session WHERE id = ?", (sid,)),
                         [(0,)])
        self.assertSignedOut(b)
        # The old cookie, kept by someone, is worth nothing.
        r = STACK.get("/admin", headers={"Cookie": f"portal_session={old}"})
        self.assertLoginRedirect(r, "/admin")
        r = STACK.post_form("/admin/logout", {"csrf": "x"}, headers={"Cookie": f"portal_session={old}"})
        self.assertForbidden(r, SESSION_OVER)
        # Other sessions of the same user are not affected.
        self.assertSignedIn(SESSIONS["press"])


# ---- 6. password change -------------------------------------------------------------------
class PasswordChange(StaffCase):
    def test_password_change(self):
        old_pw, new_pw = "first password 1", "second password 2"
        uid = add_user("pwchanger", "press", old_pw)
        a, other = Browser(STACK), Browser(STACK)
        self.assertRedirect(a.login("pwchanger", old_pw), "/admin")
        self.assertRedirect(other.login("pwchanger", old_pw), "/admin")
        form = a.get("/admin/password")
        self.assertEqual(form.status, 200)
        self.assertEqual(form.header("Cache-Control"), "no-store")
        token = csrf_of(form.text)

        def change(current, new, again):
            return a.post("/admin/password", {"csrf": token, "password": current,
                                              "new_password": new, "new_password_again": again})

        hash_before = STACK.query("SELECT password_hash FROM staff_user WHERE id = ?", (uid,))
        r = change("not my password", new_pw, new_pw)
        self.assertEqual(r.status, 422)
        self.assertEqual(field_error(r.text, "password"), "пароль: неверный текущий пароль.")
        r = change(old_pw, "short", "short")
        self.assertEqual(r.status, 422)
        self.assertEqual(field_error(r.text, "new_password"), "новый пароль: не короче 10 символов.")
        r = change(old_pw, new_pw, new_pw + "x")
        self.assertEqual(r.status, 422)
        self.assertEqual(field_error(r.text, "new_password_again"),
                         "новый пароль ещё раз: не совпадает с новым паролем.")
        r = change("", "", "")
        self.assertEqual(r.status, 422)
        for f in ("password", "new_password", "new_password_again"):
            self.assertIn("обязательное поле", field_error(r.text, f) or "", f)
        for typed in ("not my password", "short", new_pw, old_pw):
            self.assertNotIn(typed, r.text)
        self.assertEqual(STACK.query("SELECT password_hash FROM staff_user WHERE id = ?", (uid,)),
                         hash_before)
        self.assertSignedIn(other)

        r = change(old_pw, new_pw, new_pw)
        self.assertEqual(r.status, 200)
        self.assertIn("Пароль изменён", text_of(r.text))
        self.assertNotIn(new_pw, r.text)
        # This session goes on; the other one of the same user is over.
        self.assertSignedIn(a)
        self.assertSignedOut(other)
        self.assertEqual(STACK.query("SELECT count(*) FROM staff_session WHERE user_id = ?",
                                     (uid,)), [(1,)])
        hashed, changed_at = STACK.query("SELECT password_hash, password_changed_at FROM staff_user "
                                         "WHERE id = ?", (uid,))[0]
        self.assertTrue(hashed.startswith("$argon2id$"))
        self.assertNotEqual((hashed,), hash_before[0])
        self.assertGreater(changed_at, 0)
        # The old password no longer works, the new one does.
        reset_throttle()
        r = Browser(STACK).login("pwchanger", old_pw)
        self.assertEqual(r.status, 422)
        self.assertIn(WRONG_LOGIN, text_of(r.text))
        reset_throttle()
        self.assertRedirect(Browser(STACK).login("pwchanger", new_pw), "/admin")
        # The audit says a password changed, never what it is or was.
        rows = STACK.query("SELECT user_id, login, entity, entity_id, before_json, after_json "
                           "FROM audit_log WHERE action = 'password_change' AND user_id = ?",
                           (uid,))
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0][:4], (uid, "pwchanger", "staff_user", uid))
        everything = " ".join(str(c) for row in STACK.query("SELECT * FROM audit_log") for c in row)
        for secret in (old_pw, new_pw, "argon2", hashed, hash_before[0][0]):
            self.assertNotIn(secret, everything)


# ---- 7. users page --------------------------------------------------------------------------
class Users(StaffCase):
    def setUp(self):
        super().setUp()
        self.admin = SESSIONS["admin"]
        self.token = self.admin.csrf("/admin/users")

    def create(self, **fields):
        return self.admin.post("/admin/users", dict({"csrf": self.token}, **fields))

    def test_users_page_lists_accounts(self):
        r = self.admin.get("/admin/users")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.header("Cache-Control"), "no-store")
        page = text_of(r.text)
        for login, label in (("admin", "администратор"), ("organizer", "организатор"),
                             ("controller", "контролёр")):
            self.assertIn(login, page)
            self.assertIn(label, page)
        # One's own account has no switch-off button.
        self.assertNotIn(f'action="/admin/users/{user_id("admin")}/disable"', r.text)
        self.assertIn(f'action="/admin/users/{user_id("organizer")}/disable"', r.text)

    def test_create_a_user(self):
        password = "a fresh start 42"
        r = self.create(login="petrova", full_name="Петрова Анна Сергеевна", role="secretary",
                        new_password=password)
        self.assertRedirect(r, "/admin/users")
        rows = STACK.query("SELECT id, full_name, role, password_hash, disabled FROM staff_user "
                           "WHERE login = 'petrova'")
        self.assertEqual(len(rows), 1)
        uid, name, role, hashed, disabled = rows[0]
        self.assertEqual((name, role, disabled), ("Петрова Анна Сергеевна", "secretary", 0))
        self.assertTrue(hashed.startswith("$argon2id$"), hashed)
        self.assertNotIn(password, hashed)
        page = text_of(self.admin.get("/admin/users").text)
        self.assertIn("petrova Петрова Анна Сергеевна секретарь", page)
        audit = STACK.query("SELECT user_id, login, action, entity, entity_id, before_json, after_json "
                            "FROM audit_log WHERE action = 'create' AND entity_id = ?", (uid,))
        self.assertEqual(len(audit), 1)
        who, login, action, entity, eid, before, after = audit[0]
        self.assertEqual((who, login, entity), (user_id("admin"), "admin", "staff_user"))
        self.assertIsNone(before)
        self.assertIn('"login":"petrova"', after)
        self.assertIn('"role":"secretary"', after)
        self.assertIn("Петрова Анна Сергеевна", after)  # UTF-8, not \u escapes
        self.assertNotIn(password, after)
        self.assertNotIn("argon2", after)
        self.assertNotIn("password", after)
        # The new account can sign in.
        self.assertRedirect(Browser(STACK).login("petrova", password), "/admin")

    def test_duplicate_login(self):
        r = self.create(login="organizer", full_name="Двойник", role="press",
                        new_password="long enough 123")
        self.assertEqual(r.status, 422)
        self.assertEqual(field_error(r.text, "login"), "логин: такой логин уже есть.")
        self.assertEqual(input_value(r.text, "login"), "organizer")
        self.assertEqual(input_value(r.text, "full_name"), "Двойник")
        self.assertIn('<option value="press" selected>', r.text)
        self.assertNotIn("long enough 123", r.text)
        self.assertEqual(STACK.query("SELECT role FROM staff_user WHERE login = 'organizer'"),
                         [("organizer",)])

    def test_invalid_fields_are_shown_beside_them(self):
        count = STACK.query("SELECT count(*) FROM staff_user")
        r = self.create(login="Ivanov", full_name="Иванов И. И.", role="root",
                        new_password="short")
        self.assertEqual(r.status, 422)
        self.assertEqual(field_error(r.text, "login"),
                         "логин: от 2 до 64 строчных латинских букв и цифр.")
        self.assertEqual(field_error(r.text, "role"), "роль: выберите роль из списка.")
        self.assertEqual(field_error(r.text, "new_password"), "новый пароль: не короче 10 символов.")
        self.assertIn("Проверьте форму", r.text)
        self.assertEqual(input_value(r.text, "login"), "Ivanov")
        self.assertEqual(input_value(r.text, "full_name"), "Иванов И. И.")
        self.assertIsNone(input_value(r.text, "new_password"))  # never sent back
        self.assertNotIn('"short"', r.text)
        for login in ("a", "иванов", "ivan ov", "ivan-ov", "x" * 65):
            with self.subTest(login=login):
                r = self.create(login=login, role="press", new_password="long enough 123")
                self.assertEqual(r.status, 422)
                self.assertIsNotNone(field_error(r.text, "login"))
                self.assertIsNone(field_error(r.text, "role"))
        r = self.create(login="validlogin", full_name="я" * 201, role="press",
                        new_password="long enough 123")
        self.assertEqual(r.status, 422)
        self.assertEqual(field_error(r.text, "full_name"),
                         "фамилия, имя, отчество: не длиннее 200 символов.")
        for role in ("", "Admin", "superuser"):
            with self.subTest(role=role):
                r = self.create(login="validlogin", role=role, new_password="long enough 123")
                self.assertEqual(r.status, 422)
                self.assertIsNotNone(field_error(r.text, "role"))
        r = self.create(login="", role="", new_password="")
        self.assertEqual(r.status, 422)
        for f in ("login", "role", "new_password"):
            self.assertIn("обязательное поле", field_error(r.text, f) or "", f)
        self.assertEqual(STACK.query("SELECT count(*) FROM staff_user"), count)

    def disable(self, uid, action="disable"):
        return self.admin.post(f"/admin/users/{uid}/{action}", {"csrf": self.token})

    def test_an_unknown_account_answers_404_and_nothing_is_audited(self):
        audited = STACK.query("SELECT count(*) FROM audit_log")
        self.assertEqual(self.disable(99999).status, 404)
        self.assertEqual(self.disable(99999, "enable").status, 404)
        r = self.admin.post("/admin/users/99999", {"csrf": self.token, "full_name": "Никто",
                                                    "email": ""})
        self.assertEqual(r.status, 404)
        self.assertEqual(STACK.query("SELECT count(*) FROM audit_log"), audited)
        page = self.admin.get("/admin/users")
        self.assertEqual(page.status, 200)
        self.assertIn(f'action="/admin/users/{user_id("organizer")}/disable"', page.text)

    def test_disable_and_enable(self):
        password = "leaving soon 77"
        uid = add_user("leaver", "executor", password)
        lv = Browser(STACK)
        self.assertRedirect(lv.login("leaver", password), "/admin")
        lv_token = lv.csrf()
        self.assertRedirect(self.disable(uid), "/admin/users")
        self.assertEqual(STACK.query("SELECT disabled FROM staff_user WHERE id = ?", (uid,)), [(1,)])
        page = self.admin.get("/admin/users").text
        self.assertIn(f'action="/admin/users/{uid}/enable"', page)
        # The session stops working at once, for pages and for forms.
        self.assertSignedOut(lv)
        r = STACK.post_form("/admin/logout", {"csrf": lv_token},
                            headers={"Cookie": f"portal_session={lv.cookie('portal_session') or ''}"})
        self.assertEqual(r.status, 403)
        # The account cannot sign in, and the answer is the usual one.
        r = Browser(STACK).login("leaver", password)
        self.assertEqual(r.status, 422)
        self.assertIn(WRONG_LOGIN, text_of(r.text))
        audit = STACK.query("SELECT action, before_json, after_json FROM audit_log "
                            "WHERE entity = 'staff_user' AND entity_id = ? ORDER BY id", (uid,))
        self.assertEqual(audit[-1][0], "disable")
        self.assertIn('"disabled":false', audit[-1][1])
        self.assertIn('"disabled":true', audit[-1][2])
        # Enabled again, the account signs in.
        reset_throttle()
        self.assertRedirect(self.disable(uid, "enable"), "/admin/users")
        self.assertEqual(STACK.query("SELECT disabled FROM staff_user WHERE id = ?", (uid,)), [(0,)])
        self.assertRedirect(Browser(STACK).login("leaver", password), "/admin")
        # The last change to the account is the enabling; its owner's sign-in after it is
        # audited under the same account.
        self.assertEqual(STACK.query("SELECT action FROM audit_log WHERE entity_id = ? "
                                     "AND entity = 'staff_user' ORDER BY id DESC LIMIT 2", (uid,)),
                         [("login",), ("enable",)])

    def test_sessions_do_not_come_back_when_an_account_is_enabled_again(self):
        # An account is switched off because its owner left or its password leaked: the
        # sessions it had must be over for good, not only while it is switched off.
        password = "comes back 12"
        uid = add_user("returner", "executor", password)
        lv = Browser(STACK)
        self.assertRedirect(lv.login("returner", password), "/admin")
        old = lv.cookie("portal_session")
        self.assertRedirect(self.disable(uid), "/admin/users")
        self.assertRedirect(self.disable(uid, "enable"), "/admin/users")
        r = STACK.get("/admin", headers={"Cookie": f"portal_session={old}"})
        self.assertLoginRedirect(r, "/admin")

    def test_disabling_oneself_or_a_missing_account(self):
        r = self.disable(user_id("admin"))
        self.assertEqual(r.status, 422)
        self.assertIn("Нельзя отключить собственную учётную запись.", text_of(r.text))
        self.assertEqual(STACK.query("SELECT disabled FROM staff_user WHERE login = 'admin'"), [(0,)])
        self.assertSignedIn(self.admin)
        self.assertEqual(self.disable(999999).status, 404)
        self.assertEqual(self.disable(999999, "enable").status, 404)


# ---- 8. audit page --------------------------------------------------------------------------
class Audit(StaffCase):
    @classmethod
    def setUpClass(cls):
        # Something by the admin and something by another user, so the filters have a choice.
        admin = SESSIONS["admin"]
        token = admin.csrf("/admin/users")
        r = admin.post("/admin/users", {"csrf": token, "login": "auditee", "full_name": "Аудит",
                                        "role": "press", "new_password": "audit password 1"})
        assert r.status == 303, r.status
        b = Browser(STACK)
        reset_throttle()
        assert b.login("auditee", "audit password 1").status == 303
        r = b.post("/admin/password", {"csrf": b.csrf(), "password": "audit password 1",
                                       "new_password": "audit password 2",
                                       "new_password_again": "audit password 2"})
        assert r.status == 200, r.status

    def audit(self, query=""):
        return SESSIONS["admin"].get("/admin/audit" + query)

    def local_date(self, at):
        tz = "UTC"
        with open(STACK.conf, encoding="utf-8") as f:
            m = re.search(r"^timezone\s*=\s*(\S+)", f.read(), re.M)
            if m:
                tz = m.group(1)
        return datetime.fromtimestamp(at, ZoneInfo(tz)).date()

    def test_shows_the_entries(self):
        r = self.audit()
        self.assertEqual(r.status, 200)
        self.assertEqual(r.header("Cache-Control"), "no-store")
        rows = audit_rows(r.text)
        self.assertIn(("admin", "create", "staff_user"), rows)
        self.assertIn(("auditee", "password_change", "staff_user"), rows)
        self.assertIn("&quot;login&quot;:&quot;auditee&quot;", r.text)

    def test_filter_by_user(self):
        rows = audit_rows(self.audit(f"?user={user_id('auditee')}").text)
        self.assertTrue(rows)
        self.assertEqual({r[0] for r in rows}, {"auditee"})
        rows = audit_rows(shown(self, self.audit(f"?user={user_id('admin')}")).text)
        self.assertIn(("admin", "create", "staff_user"), rows)
        self.assertNotIn("auditee", {r[0] for r in rows})
        r = self.audit("?user=999999")
        self.assertEqual(r.status, 200)
        self.assertIn("Записей не найдено.", r.text)
        self.assertEqual(input_value(r.text, "user"), "999999")

    def test_a_sign_in_is_found_under_its_user(self):
        # Sign-ins are recorded; filtering by a user must find that user's sign-ins too.
        uid = user_id("auditee")
        rows = STACK.query("SELECT user_id FROM audit_log WHERE action = 'login' AND login = 'auditee'")
        self.assertTrue(rows)
        self.assertEqual({r[0] for r in rows}, {uid})
        self.assertIn(("auditee", "login", "staff_user"),
                      audit_rows(self.audit(f"?user={uid}").text))

    def test_filter_by_entity(self):
        rows = audit_rows(self.audit("?entity=staff_user").text)
        self.assertTrue(rows)
        self.assertEqual({r[2] for r in rows}, {"staff_user"})
        r = self.audit("?entity=no_such_thing")
        self.assertEqual(r.status, 200)
        self.assertEqual(audit_rows(r.text), [])
        self.assertIn("Записей не найдено.", r.text)

    def test_filter_by_date(self):
        at = STACK.query("SELECT at FROM audit_log WHERE action = 'password_change' "
                         "AND login = 'auditee'")[0][0]
        day = self.local_date(at)
        for query, present in ((f"?from={day}", True), (f"?to={day}", True),
                               (f"?from={day}&to={day}", True),
                               (f"?from={day + timedelta(days=1)}", False),
                               (f"?to={day - timedelta(days=1)}", False)):
            with self.subTest(query=query):
                r = self.audit(query)
                self.assertEqual(r.status, 200)
                self.assertEqual(("auditee", "password_change", "staff_user") in audit_rows(r.text),
                                 present)

    def test_bad_filters_are_400(self):
        for query, name in (("?from=2026-13-01", "from"), ("?to=11.03.2026", "to"),
                            ("?user=abc", "user"), ("?user=0", "user"),
                            ("?entity=Staff%20User", "entity")):
            with self.subTest(query=query):
                r = self.audit(query)
                self.assertEqual(r.status, 400)
                self.assertIn("<h1>Ошибка в запросе</h1>", r.text)
                self.assertIn(f"(параметр {name},", text_of(r.text))
        self.assertIn("такой даты нет в календаре", text_of(self.audit("?from=2026-13-01").text))
        # The bad value is named on the page as text.
        r = self.audit("?entity=%3Cscript%3Ealert(4)%3C/script%3E")
        self.assertEqual(r.status, 400)
        self.assertNotIn("<script>alert(4)", r.text)
        self.assertIn("«<script>alert(4)</script>»", text_of(r.text))


# ---- 9. escaping ------------------------------------------------------------------------------
class Escaping(StaffCase):
    def test_full_name_is_shown_as_text(self):
        admin = SESSIONS["admin"]
        evil = "<script>alert(1)</script>"
        password = "escape me 1234"
        r = admin.post("/admin/users", {"csrf": admin.csrf("/admin/users"), "login": "scripter",
                                        "full_name": evil, "role": "press",
                                        "new_password": password})
        self.assertRedirect(r, "/admin/users")
        page = shown(self, admin.get("/admin/users"), "<h1>Пользователи</h1>").text
        self.assertNotIn(evil, page)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", page)
        audit = shown(self, admin.get("/admin/audit?entity=staff_user"),
                      "<h1>Журнал изменений</h1>").text
        self.assertNotIn(evil, audit)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", audit)
        # Its own pages name the user in the header, as text too.
        b = Browser(STACK)
        self.assertRedirect(b.login("scripter", password), "/admin")
        home = shown(self, b.get("/admin"), "<h1>Рабочий стол</h1>").text
        self.assertNotIn(evil, home)
        self.assertIn('&lt;script&gt;alert(1)&lt;/script&gt;<span class="staff-role">, пресс-служба</span>',
                      home)
        # A form sent back with an error keeps it as text in the field.
        r = admin.post("/admin/users", {"csrf": admin.csrf("/admin/users"), "login": "scripter",
                                        "full_name": '"><script>alert(2)</script>',
                                        "role": "press", "new_password": password})
        self.assertEqual(r.status, 422)
        self.assertNotIn("<script>alert(2)", r.text)
        self.assertEqual(input_value(r.text, "full_name"), '"><script>alert(2)</script>')

    def test_return_is_escaped_in_the_login_form(self):
        r = Browser(STACK).get("/admin/login?return=" +
                               urllib.parse.quote('/admin/"><script>alert(3)</script>', safe=""))
        self.assertEqual(r.status, 200)
        self.assertNotIn("<script>alert(3)", r.text)
        self.assertEqual(hidden_value(r.text, "return"), '/admin/"><script>alert(3)</script>')


# ---- 10. caching and where the cookie goes -------------------------------------------------
class CachingAndCookiePath(StaffCase):
    def test_staff_pages_are_not_stored(self):
        admin = SESSIONS["admin"]
        for path in ("/admin", "/admin/users", "/admin/audit", "/admin/password"):
            with self.subTest(path=path):
                r = admin.get(path)
                self.assertEqual(r.status, 200)
                self.assertEqual(r.header("Cache-Control"), "no-store")
                self.assertIn(csrf_of(r.text), r.text)
        # Error answers of staff routes too.
        self.assertEqual(SESSIONS["press"].get("/admin/users").header("Cache-Control"), "no-store")
        self.assertEqual(STACK.get("/admin/users").header("Cache-Control"), "no-store")

    def test_login_form_is_not_stored(self):
        # The sign-in form carries a per-browser token and sets its cookie: a shared cache must
        # not hand it to the next person (nor the 422/429 answers that echo the typed login).
        b = Browser(STACK)
        r = b.get("/admin/login")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.header("Cache-Control"), "no-store")
        r = b.post("/admin/login", {"csrf": csrf_of(r.text), "login": "ivanova", "password": ""})
        self.assertEqual(r.status, 422)
        self.assertEqual(r.header("Cache-Control"), "no-store")

    def test_public_pages_do_not_get_the_session(self):
        admin = SESSIONS["admin"]
        heads = {"/": "<h1>Встречи с населением</h1>",
                 "/meetings": "<h1>Расписание встреч с населением</h1>",
                 "/meetings/1": STACK.query("SELECT title FROM meeting WHERE id = 1")[0][0],
                 "/healthz": "ok"}
        for path in ("/", "/meetings", "/meetings/1", "/healthz"):
            with self.subTest(path=path):
                # Path=/admin: the browser does not send the cookie outside the staff pages …
                self.assertNotIn("portal_session", admin.cookie_header(path))
                r = admin.get(path)
                self.assertEqual(r.status, 200)
                self.assertNotEqual(r.header("Cache-Control"), "no-store")
                self.assertIsNone(r.headers.get_all("Set-Cookie"))
                # … and a client that sends it anyway gets the public page: no staff bar, no
                # token that a cached copy could hand on.
                cookie = "portal_session=" + admin.cookie("portal_session")
                r = shown(self, STACK.get(path, headers={"Cookie": cookie}), heads[path])
                self.assertNotIn("/admin/logout", r.text)
                self.assertNotIn(admin.csrf(), r.text)
        # /administrator would not get it either (RFC 6265 path matching).
        self.assertNotIn("portal_session", admin.cookie_header("/administrator"))
        self.assertIn("portal_session", admin.cookie_header("/admin/users"))


# ---- the lock, on a stack of its own with small limits ----------------------------------------
class Lock(unittest.TestCase):
    LIMITS = {("security", "login_max_failures"): "3", ("security", "login_lock_minutes"): "1"}

    @classmethod
    def setUpClass(cls):
        cls.stack = Stack(settings=cls.LIMITS).start()
        cls.passwords = read_passwords(cls.stack)

    @classmethod
    def tearDownClass(cls):
        cls.stack.close()

    def setUp(self):
        reset_throttle(self.stack)

    def attempt(self, login, password, headers=None):
        b = Browser(self.stack)
        token = csrf_of(b.get("/admin/login").text)
        return b.post("/admin/login", {"csrf": token, "login": login, "password": password},
                      headers=headers)

    def fail_until_locked(self, logins):
        """One wrong password for each of LOGINS, a slow-down's worth of time apart."""
        for i, login in enumerate(logins):
            r = self.attempt(login, "wrong password")
            self.assertEqual(r.status, 422, r.text[-800:])
            age_throttle(self.stack, 60)

    def assertLocked(self, r):
        self.assertEqual(r.status, 429, r.text[-800:])
        self.assertIn("Вход временно заблокирован после нескольких неудачных попыток. "
                      "Попробуйте через 1 минуту.", text_of(r.text))
        cookies = r.headers.get_all("Set-Cookie") or []
        self.assertEqual([h for h in cookies if h.startswith("portal_session=")], [])

    def test_a_login_is_locked_at_that_address_even_for_the_right_password(self):
        self.fail_until_locked(["organizer"] * 3)
        rows = throttle(self.stack)
        now = int(time.time())
        key = "login:organizer addr:127.0.0.1"
        self.assertEqual(rows[key][0], 3)
        self.assertTrue(now + 50 <= rows[key][1] <= now + 61, rows)
        self.assertLocked(self.attempt("organizer", self.passwords["organizer"]))
        # A header claiming another address changes nothing.
        self.assertLocked(self.attempt("organizer", self.passwords["organizer"],
                                       headers={"X-Forwarded-For": "203.0.113.5",
                                                "X-Real-IP": "203.0.113.5"}))
        # Three failures on one login do not lock the address: a colleague signs in from it.
        self.assertEqual(self.attempt("press", self.passwords["press"]).status, 303)
        # The lock runs out: the right password works and clears the count.
        self.stack.execute("UPDATE login_throttle SET locked_until = ?", (int(time.time()) - 1,))
        r = self.attempt("organizer", self.passwords["organizer"])
        self.assertEqual(r.status, 303)
        self.assertEqual(throttle(self.stack), {})

    def test_failures_from_other_addresses_never_keep_the_owner_out(self):
        """Issue 21, item 19: wrong passwords for a known login from any number of addresses
        lock those addresses for that login; the owner with the right password, from an
        address of their own, signs in."""
        try:
            for attacker in ("127.0.0.41", "127.0.0.42", "127.0.0.43"):
                self.stack.source_address = (attacker, 0)
                self.fail_until_locked(["organizer"] * 3)
                self.assertLocked(self.attempt("organizer", self.passwords["organizer"]))
            self.assertEqual(len([k for k in throttle(self.stack)
                                  if k.startswith("login:organizer ")]), 3)
            self.stack.source_address = ("127.0.0.44", 0)
            r = self.attempt("organizer", self.passwords["organizer"])
            self.assertEqual(r.status, 303, text_of(r.text)[:800])
            self.assertEqual(r.header("Location"), "/admin")
            self.assertTrue(any(h.startswith("portal_session=")
                                for h in r.headers.get_all("Set-Cookie") or []))
            self.assertEqual(self.stack.query(
                "SELECT count(*) FROM staff_session s JOIN staff_user u ON u.id = s.user_id "
                "WHERE u.login = 'organizer'")[0][0] >= 1, True)
            # The attackers' addresses stay locked for that login.
            self.stack.source_address = ("127.0.0.41", 0)
            self.assertLocked(self.attempt("organizer", self.passwords["organizer"]))
        finally:
            self.stack.source_address = None

    def test_after_a_lock_the_count_starts_over(self):
        self.fail_until_locked(["secretary"] * 3)
        self.stack.execute("UPDATE login_throttle SET locked_until = ?", (int(time.time()) - 1,))
        self.assertEqual(self.attempt("secretary", "still wrong").status, 422)
        self.assertEqual(throttle(self.stack)["login:secretary addr:127.0.0.1"], (1, 0))

    def test_an_address_is_locked_by_failures_on_different_logins(self):
        # Four times login_max_failures (3 here) on different logins lock the address.
        ghosts = [f"ghost{c}" for c in "abcdefghijkl"]
        self.fail_until_locked(ghosts)
        rows = throttle(self.stack)
        self.assertEqual([rows[f"login:{g} addr:127.0.0.1"] for g in ghosts], [(1, 0)] * 12)
        self.assertEqual(rows["addr:127.0.0.1"][0], 12)
        self.assertGreater(rows["addr:127.0.0.1"][1], time.time())
        self.assertLocked(self.attempt("controller", self.passwords["controller"]))
        # Another address is not affected.
        try:
            self.stack.source_address = ("127.0.0.45", 0)
            self.assertEqual(self.attempt("controller", self.passwords["controller"]).status, 303)
        finally:
            self.stack.source_address = None

    def test_a_locked_unknown_login_looks_like_a_locked_real_one(self):
        self.fail_until_locked(["executor"] * 3)
        real = self.attempt("executor", "anything at all")
        reset_throttle(self.stack)
        self.fail_until_locked(["nobodyhere"] * 3)
        ghost = self.attempt("nobodyhere", "anything at all")
        self.assertLocked(real)
        self.assertLocked(ghost)

        def norm(page, login):
            return re.sub(r'name="csrf" value="[^"]*"', "",
                          page.replace(f'value="{login}"', 'value="X"'))

        self.assertEqual(norm(real.text, "executor"), norm(ghost.text, "nobodyhere"))


if __name__ == "__main__":
    unittest.main()
