"""staff.py — what the staff-page tests share: a Browser with a cookie jar per simulated person, the
demo passwords and a signed-in Browser per role, readers for the forms of the staff pages (form
token, inputs, selects, checkboxes, errors beside fields) and the assertions about statuses,
redirects and refusals. Generic page and date helpers are in helpers.py."""

import hashlib
import html
import os
import re
import urllib.parse

from helpers import main_of, text_of
from stack import Stack

ROLES = ("admin", "organizer", "secretary", "press", "executor", "controller")
NOT_FOR_ROLE = "Эта страница недоступна для вашей роли."
FORM_STALE = "Форма устарела или отправлена не с этого сайта"


# ---- a small browser: one cookie jar per simulated person ------------------------------------
class Browser:
    """Keeps cookies the way a browser does (RFC 6265 path matching, Max-Age=0 deletes) and
    remembers every Set-Cookie it was given, attributes included, for the assertions. Once
    signed_in(…, with_token=True) has read the session's form token, post() adds it to forms
    that carry none."""

    def __init__(self, stack):
        self.stack = stack
        self.jar = {}          # name -> {"value":…, "path":…, "attrs": {lower name: value}}
        self.set_cookies = []  # every Set-Cookie header seen, raw
        self.token = None      # the session's form token, when read

    @staticmethod
    def parse_set_cookie(header):
        """A Set-Cookie header as (name, value, {lower-case attribute: value})."""
        parts = [p.strip() for p in header.split(";")]
        name, _, value = parts[0].partition("=")
        attrs = {}
        for p in parts[1:]:
            k, _, v = p.partition("=")
            attrs[k.strip().lower()] = v.strip()
        return name.strip(), value.strip(), attrs

    @staticmethod
    def path_matches(cookie_path, request_path):
        """RFC 6265 5.1.4: does a cookie with COOKIE_PATH go with a request for REQUEST_PATH?"""
        if request_path == cookie_path:
            return True
        if request_path.startswith(cookie_path):
            return cookie_path.endswith("/") or request_path[len(cookie_path)] == "/"
        return False

    def cookie_header(self, path):
        """The Cookie header this browser sends with a request for PATH ("" when none)."""
        path = path.split("?", 1)[0]
        pairs = [f"{n}={c['value']}" for n, c in self.jar.items()
                 if self.path_matches(c["path"], path)]
        return "; ".join(pairs)

    def remember(self, r):
        """Take the Set-Cookie headers of response R into the jar (empty or Max-Age=0 deletes)."""
        for header in r.headers.get_all("Set-Cookie") or []:
            self.set_cookies.append(header)
            name, value, attrs = self.parse_set_cookie(header)
            if attrs.get("max-age") == "0" or value == "":
                self.jar.pop(name, None)
            else:
                self.jar[name] = {"value": value, "path": attrs.get("path", "/"), "attrs": attrs}

    def request(self, method, path, fields=None, headers=None):
        """Send a request with this browser's cookies (FIELDS: a form POST) and keep its cookies."""
        hdrs = dict(headers or {})
        cookies = self.cookie_header(path)
        if cookies:
            hdrs["Cookie"] = cookies
        if fields is not None:
            r = self.stack.post_form(path, form_pairs(fields), headers=hdrs)
        else:
            r = self.stack.request(method, path, headers=hdrs)
        self.remember(r)
        return r

    def get(self, path, headers=None):
        """GET PATH."""
        return self.request("GET", path, headers=headers)

    def post(self, path, fields, headers=None, csrf=True):
        """POST a form; adds the form token read at sign-in unless csrf=False or one is given."""
        fields = form_pairs(fields)
        if csrf and self.token is not None and not any(k == "csrf" for k, _ in fields):
            fields.insert(0, ("csrf", self.token))
        return self.request("POST", path, fields=fields, headers=headers)

    def cookie(self, name):
        """The value of cookie NAME in the jar, or None."""
        c = self.jar.get(name)
        return c["value"] if c else None

    def csrf(self, page="/admin"):
        """The form token on PAGE (which must answer 200)."""
        r = self.get(page)
        assert r.status == 200, (page, r.status, r.text[:300])
        return csrf_of(r.text)

    def login(self, login, password, return_to=None):
        """The login form, filled in and sent as a person would; the answer to the POST."""
        form = self.get("/admin/login" + ("?return=" + urllib.parse.quote(return_to, safe="")
                                          if return_to else ""))
        assert form.status in (200, 303), form.status
        if form.status == 303:  # already signed in
            return form
        fields = {"csrf": csrf_of(form.text), "login": login, "password": password,
                  "return": hidden_value(form.text, "return")}
        return self.post("/admin/login", fields)

    def session_row(self):
        """(id, user_id, created_at, last_seen_at) of this browser's staff_session row, or None."""
        token = self.cookie("portal_session")
        if token is None:
            return None
        rows = self.stack.query("SELECT id, user_id, created_at, last_seen_at FROM staff_session "
                                "WHERE token_hash = ?", (token_hash(token),))
        return rows[0] if rows else None


def form_pairs(fields):
    """Form fields as a list of (name, value); a dict's list values give one pair per value."""
    if isinstance(fields, dict):
        return [(k, x) for k, v in fields.items() for x in (v if isinstance(v, list) else [v])]
    return list(fields)


def token_hash(token):
    """What staff_session stores of a token: crypto_generichash, BLAKE2b-256 with no key."""
    return hashlib.blake2b(token.encode(), digest_size=32).digest()


# ---- the demo accounts -------------------------------------------------------------------------
DEMO_LOGINS = ROLES + ("glava",)  # glava: the head, whose account belongs to her person


def read_passwords(stack):
    """{login: password} of the demo accounts, from the stack's demo-logins.txt."""
    out = {}
    with open(os.path.join(stack.data, "demo-logins.txt"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^\s+([a-z0-9]+)\s+(\S+)\s+\(([a-z]+)\)\s*$", line)
            if m:
                out[m.group(1)] = m.group(2)
    assert set(out) == set(DEMO_LOGINS), out
    return out


def signed_in(stack, passwords, with_token=False):
    """{role: Browser} signed in with each role's demo account (with_token: form token read too)."""
    out = {}
    for role in ROLES:
        b = Browser(stack)
        r = b.login(role, passwords[role])
        assert r.status == 303, (role, r.status, r.text[-1500:])
        assert "portal_session" in b.jar, r.headers.get_all("Set-Cookie")
        if with_token:
            b.token = b.csrf("/admin")
        out[role] = b
    return out


def start_staff_stack(settings=None, with_token=False):
    """A started Stack, its demo passwords and signed_in() browsers; stopped again on a failure."""
    stack = Stack(settings=settings).start()
    try:
        passwords = read_passwords(stack)
        return stack, passwords, signed_in(stack, passwords, with_token)
    except BaseException:
        stack.stop()
        stack.cleanup()
        raise


def staff_module(namespace, sessions, settings=None, with_token=False):
    """setUpModule and tearDownModule: the module's STACK and PASSWORDS set, SESSIONS filled."""
    def setUpModule():
        """Start the stack and sign in every role."""
        namespace["STACK"], namespace["PASSWORDS"], signed = start_staff_stack(settings, with_token)
        sessions.update(signed)

    def tearDownModule():
        """Stop the stack; its sanitizer reports fail the module."""
        namespace["STACK"].close()
    return setUpModule, tearDownModule


# ---- reading staff forms ------------------------------------------------------------------------
def csrf_of(page):
    """The value of the page's hidden csrf field (the page must have one)."""
    m = re.search(r'<input type="hidden" name="csrf" value="([^"]*)">', page)
    assert m, "no csrf field on the page:\n" + page[:2000]
    return m.group(1)


def hidden_value(page, name):
    """The value of the hidden input NAME (unescaped), or None."""
    m = re.search(rf'<input type="hidden" name="{name}" value="([^"]*)">', page)
    return html.unescape(m.group(1)) if m else None


def input_tag(page, name):
    """The <input id="f-NAME" name="NAME" …> tag of the page (which must have one)."""
    m = re.search(rf'<input id="f-{re.escape(name)}" name="{re.escape(name)}"[^>]*>', page)
    assert m, f"no input {name} on the page"
    return m.group(0)


def input_value(page, name):
    """What the visible input NAME shows (unescaped), or None when it has no value attribute."""
    v = re.search(r'value="([^"]*)"', input_tag(page, name))
    return html.unescape(v.group(1)) if v else None


def select_tag(page, ident):
    """The <select id="f-IDENT" …>…</select> of the page (which must have one)."""
    m = re.search(rf'<select id="f-{re.escape(ident)}" name="[^"]*"[^>]*>.*?</select>', page, re.S)
    assert m, f"no select {ident} on the page"
    return m.group(0)


def selected_values(page, ident):
    """The values of the selected options of the select IDENT, as written in the page."""
    return re.findall(r'<option value="([^"]*)" selected>', select_tag(page, ident))


def selected(page, ident):
    """The value of the first selected option of the select IDENT (unescaped), or None."""
    o = re.search(r'<option value="([^"]*)" selected>', select_tag(page, ident))
    return html.unescape(o.group(1)) if o else None


def options(page, ident):
    """[(value, visible text)] of every option of the select IDENT."""
    return [(html.unescape(v), text_of(t)) for v, t in
            re.findall(r'<option value="([^"]*)"[^>]*>(.*?)</option>', select_tag(page, ident))]


def checked(page, name):
    """The numeric values of the checked checkboxes NAME, sorted."""
    return sorted(int(v) for v in re.findall(
        rf'<input type="checkbox" id="f-{name}-\d+" name="{name}" value="(\d+)" checked>', page))


def field_error(page, name):
    """The error shown beside field NAME (visible text), or None."""
    m = re.search(rf'<p class="field-error" id="e-{name}">(.*?)</p>', page, re.S)
    return text_of(m.group(1)) if m else None


def form_errors(page):
    """The items of the form's error summary (visible text), [] when there is none."""
    box = re.search(r'<div class="form-errors" role="alert">(.*?)</div>', page, re.S)
    return [text_of(li) for li in re.findall(r"<li>(.*?)</li>", box.group(1), re.S)] if box else []


def browser_form(page, action):
    """The fields a browser submits for the form with ACTION, unchanged (CRLF line breaks)."""
    # Inputs with a value, checked boxes and radios, selected options, textareas.
    m = re.search(rf'<form[^>]*action="{re.escape(action)}"[^>]*>(.*?)</form>', page, re.S)
    assert m, f"no form for {action}"
    form, out = m.group(1), []
    for tag in re.findall(r"<input\b[^>]*>", form):
        name = re.search(r'name="([^"]*)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if not name or ('type="checkbox"' in tag and " checked" not in tag):
            continue
        if 'type="radio"' in tag and " checked" not in tag:
            continue
        out.append((html.unescape(name.group(1)), html.unescape(value.group(1)) if value else ""))
    for name, body in re.findall(r'<select[^>]*name="([^"]*)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected>', body)
        out.append((name, html.unescape(chosen.group(1)) if chosen else ""))
    for name, body in re.findall(r'<textarea[^>]*name="([^"]*)"[^>]*>(.*?)</textarea>', form,
                                 re.S):
        text = html.unescape(body)
        if text.startswith("\n"):  # HTML drops one newline right after <textarea>
            text = text[1:]
        out.append((name, text.replace("\r\n", "\n").replace("\n", "\r\n")))
    return out


# ---- assertions ----------------------------------------------------------------------------------
class StaffAssertions:
    """Assertions about staff answers, mixed into unittest.TestCase classes."""

    def assertStatus(self, r, status):
        """R has STATUS; otherwise show the form errors and the start of <main>."""
        self.assertEqual(r.status, status,
                         f"expected {status}, got {r.status}: {form_errors(r.text)} "
                         f"{text_of(main_of(r.text))[:600]}")

    def assertRedirect(self, r, location):
        """R is a 303 to LOCATION."""
        self.assertEqual(r.status, 303, form_errors(r.text) or text_of(main_of(r.text))[:1500])
        self.assertEqual(r.header("Location"), location)

    def assertForbidden(self, r, detail=NOT_FOR_ROLE):
        """R is the Russian 403 page «Доступ запрещён» saying DETAIL."""
        self.assertStatus(r, 403)
        self.assertIn("<h1>Доступ запрещён</h1>", r.text)
        self.assertIn(detail, text_of(r.text))
        self.assertIn('<html lang="ru"', r.text)
