"""What a resident sees when something is wrong (error pages in Russian with the right status),
the headers every answer carries (security, caching, validators), HEAD, and the version for the
visually impaired. One stack for the module."""

import html
import os
import re
import time
import unittest

from helpers import shown, text_of
from stack import ROOT, module_stack

STACK = None


setUpModule, tearDownModule = module_stack(globals())


def field_errors(page_html):
    """The «Проверьте значения» list of a 400 page, as visible text."""
    block = re.search(r'<ul class="field-errors">(.*?)</ul>', page_html, re.S)
    return [text_of(li) for li in re.findall(r"<li>(.*?)</li>", block.group(1), re.S)] if block else []


def split_raw(response):
    head, _, body = response.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers, body


def multipart_body(fields, files=None):
    """A multipart/form-data body as a browser builds it: (body bytes, Content-Type)."""
    boundary = "----PortalTestBoundary7MA4YWxkTrZu0gW"
    out = []
    for name, value in fields.items():
        out.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                   .encode() + value.encode() + b"\r\n")
    for name, (filename, data) in (files or {}).items():
        out.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                   f'filename="{filename}"\r\nContent-Type: application/pdf\r\n\r\n'.encode()
                   + data + b"\r\n")
    out.append(f"--{boundary}--\r\n".encode())
    return b"".join(out), f"multipart/form-data; boundary={boundary}"


class ErrorPageMixin:
    def assertRussianError(self, r, status, title):
        self.assertEqual(r.status, status, r.text[:300])
        self.assertTrue((r.header("Content-Type") or "").startswith("text/html"), r.header("Content-Type"))
        self.assertIn('<html lang="ru"', r.text)
        self.assertIn(f"<h1>{title}</h1>", r.text)
        self.assertIn(f"Код ответа {status}", text_of(r.text))
        # The page is the site's, with its navigation back.
        self.assertIn('href="/meetings"', r.text)


class BadValues(ErrorPageMixin, unittest.TestCase):
    CASES = [
        # path, parameter, value shown, what the page says about it
        ("/meetings?from=2026-13-01", "from", "2026-13-01", "такой даты нет в календаре"),
        ("/meetings?to=2026-02-30", "to", "2026-02-30", "такой даты нет в календаре"),
        ("/meetings?from=2026-3-11", "from", "2026-3-11", "ГГГГ-ММ-ДД"),
        ("/meetings?territory=abc", "territory", "abc", "целым положительным числом"),
        ("/meetings?territory=0", "territory", "0", "целым положительным числом"),
        ("/meetings?territory=-3", "territory", "-3", "целым положительным числом"),
        ("/meetings?page=0", "page", "0", "от 1 до 10000"),
        ("/meetings?page=x", "page", "x", "от 1 до 10000"),
        ("/meetings?page=10001", "page", "10001", "от 1 до 10000"),
        ("/meetings?kind=Gathering", "kind", "Gathering", "недопустимое значение"),
        ("/meetings?kind=%D1%81%D1%85%D0%BE%D0%B4", "kind", "сход", "недопустимое значение"),
        ("/meetings?from=2026-05-02&to=2026-05-01", "to", "2026-05-01", "раньше даты «с»"),
        ("/meetings?kind=forum&kind=gathering", "kind", "forum", "указано несколько раз"),
        ("/meetings?page=1&page=2", "page", "1", "указано несколько раз"),
        ("/meetings?territory=&territory=5", "territory", "", "указано несколько раз"),
        ("/meetings.ics?territory=abc", "territory", "abc", "целым положительным числом"),
        ("/vision?mode=maybe&return=/", "mode", "maybe", "недопустимое значение"),
    ]

    def test_bad_filter_values_name_the_value(self):
        for path, name, value, why in self.CASES:
            with self.subTest(path=path):
                r = STACK.get(path)
                self.assertRussianError(r, 400, "Ошибка в запросе")
                errors = field_errors(r.text)
                self.assertEqual(len(errors), 1, errors)
                self.assertIn(f"(параметр {name}, значение «{value}»)", errors[0])
                self.assertIn(why, errors[0])

    def test_a_date_in_another_format_asks_for_the_format(self):
        # 11.03.2026 is how a resident writes a date: the page must say which format it wants,
        # not that the date does not exist.
        r = STACK.get("/meetings?from=11.03.2026")
        self.assertEqual(r.status, 400)
        errors = field_errors(r.text)
        self.assertEqual(len(errors), 1, errors)
        self.assertIn("значение «11.03.2026»", errors[0])
        self.assertIn("ГГГГ-ММ-ДД", errors[0])

    def test_several_bad_values_are_all_named(self):
        r = STACK.get("/meetings?territory=abc&page=0&from=2026-13-01")
        self.assertRussianError(r, 400, "Ошибка в запросе")
        named = " ".join(field_errors(r.text))
        for part in ("territory, значение «abc»", "page, значение «0»", "from, значение «2026-13-01»"):
            self.assertIn(part, named)

    def test_empty_values_mean_no_filter(self):
        r = STACK.get("/meetings?territory=&kind=&from=&to=&page=")
        self.assertEqual(r.status, 200)
        self.assertIn("Найдены 23 встречи", text_of(r.text))

    def test_broken_utf8_in_the_query(self):
        for path in ("/meetings?kind=%FF", "/meetings?kind=%C3%28", "/meetings?kind=%ED%A0%80",
                     "/meetings?%FF=1", "/meetings?utm=%C0%AF", "/meetings.ics?kind=%FF"):
            with self.subTest(path=path):
                self.assertRussianError(STACK.get(path), 400, "Ошибка в запросе")

    def test_broken_utf8_in_the_path(self):
        for path in ("/meetings/%FF", "/%C3%28", "/%ED%A0%80", "/meetings%C0%AF"):
            with self.subTest(path=path):
                self.assertRussianError(STACK.get(path), 400, "Ошибка в запросе")

    def test_bad_percent_escapes_in_the_query(self):
        for path in ("/meetings?kind=%G1", "/meetings?kind=%", "/meetings?kind=%4", "/meetings?%zz=1",
                     "/meetings?kind=%00"):
            with self.subTest(path=path):
                self.assertRussianError(STACK.get(path), 400, "Ошибка в запросе")

    def test_too_many_parameters(self):
        many = "&".join(f"a{i}=1" for i in range(201))  # max_params = 200
        self.assertRussianError(STACK.get("/meetings?" + many), 400, "Ошибка в запросе")
        fewer = "&".join(f"a{i}=1" for i in range(150))
        self.assertEqual(STACK.get("/meetings?" + fewer).status, 200)

    def test_too_long_value(self):
        r = STACK.get("/meetings?kind=" + "a" * 33)  # kind codes are at most 32 characters
        self.assertRussianError(r, 400, "Ошибка в запросе")
        self.assertIn("параметр kind", text_of(r.text))

    def test_oversized_cookie_header(self):
        # nginx refuses it itself (400, "Request Header Or Cookie Too Large"): still the site's page.
        r = STACK.get("/meetings", headers={"Cookie": "x=" + "a" * 9000})
        self.assertRussianError(r, 400, "Ошибка в запросе")

    def test_bad_percent_escapes_in_the_path(self):
        # nginx rejects these itself; the resident must still get the site's Russian page.
        for path in ("/meetings/%G1", "/meetings/%", "/%zz"):
            with self.subTest(path=path):
                self.assertRussianError(STACK.get(path), 400, "Ошибка в запросе")


class NotFoundAndMethods(ErrorPageMixin, unittest.TestCase):
    def test_unknown_routes(self):
        for path in ("/nope", "/admin/nope", "/meetings/abc", "/meetings/", "/MEETINGS", "/index.php",
                     "/meetings.ics/1", "/errors/500", "/errors/200"):
            with self.subTest(path=path):
                self.assertRussianError(STACK.get(path), 404, "Страница не найдена")

    def test_unknown_static_file(self):
        # nginx serves /static/ itself; a missing file is still a Russian page.
        for path in ("/static/nope.css", "/static/errors/nope.html"):
            with self.subTest(path=path):
                self.assertRussianError(STACK.get(path), 404, "Страница не найдена")

    def test_wrong_method_405_with_allow(self):
        for method, path in (("POST", "/meetings"), ("DELETE", "/"), ("PUT", "/meetings/12"),
                             ("POST", "/healthz"), ("PATCH", "/meetings.ics"), ("POST", "/")):
            with self.subTest(method=method, path=path):
                body = "a=1" if method in ("POST", "PUT", "PATCH") else None
                r = STACK.request(method, path, body=body,
                                  headers={"Content-Type": "application/x-www-form-urlencoded"})
                self.assertRussianError(r, 405, "Действие не поддерживается")
                self.assertEqual(r.header("Allow"), "GET, HEAD")

    def test_unknown_path_with_wrong_method_is_404(self):
        r = STACK.request("POST", "/nope", body="a=1",
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertRussianError(r, 404, "Страница не найдена")

    def test_body_over_the_limit_is_413(self):
        limit = 1024 * 1024  # max_body_bytes in portal.ini, client_max_body_size in nginx
        r = STACK.request("POST", "/meetings", body=b"a=" + b"x" * (limit - 1),
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertRussianError(r, 413, "Слишком большой объём данных")
        self.assertIn("Отправленные данные превышают допустимый размер", r.text)
        for path in ("/", "/nope"):
            with self.subTest(path=path):
                r = STACK.request("POST", path, body=b"x" * (4 * limit),
                                  headers={"Content-Type": "application/x-www-form-urlencoded"})
                self.assertRussianError(r, 413, "Слишком большой объём данных")

    def test_body_at_the_limit_is_not_413(self):
        limit = 1024 * 1024
        r = STACK.request("POST", "/meetings", body=b"a=" + b"x" * (limit - 2),
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(r.status, 405)

    def test_multipart_body_on_a_form_without_files_is_415(self):
        body, content_type = multipart_body({"login": "ivanova", "password": "x"})
        r = STACK.request("POST", "/admin/login", body=body, headers={"Content-Type": content_type})
        self.assertRussianError(r, 415, "Неподдерживаемый формат данных")

    def test_upload_limit_applies_to_appeals_only(self):
        """nginx lets a form with files to POST /appeals reach [limits] max_upload_bytes
        (10 MiB in portal.ini) and refuses more itself; everywhere else max_body_bytes holds."""
        upload_limit, body_limit = 10 * 1024 * 1024, 1024 * 1024
        over, content_type = multipart_body({"text": "Жалоба"},
                                            {"attachment": ("скан.pdf", b"%PDF" + b"x" * upload_limit)})
        self.assertGreater(len(over), upload_limit)
        r = STACK.request("POST", "/appeals", body=over, headers={"Content-Type": content_type})
        self.assertRussianError(r, 413, "Слишком большой объём данных")
        # Twice the form limit is let through to the workers on /appeals (whatever the route
        # then answers, it is not nginx's 413) ...
        under, content_type = multipart_body({"text": "Жалоба"},
                                             {"attachment": ("скан.pdf", b"%PDF" + b"x" * 2 * body_limit)})
        r = STACK.request("POST", "/appeals", body=under, headers={"Content-Type": content_type})
        self.assertNotEqual(r.status, 413)
        self.assertLess(r.status, 500)
        # ... and refused everywhere else, /appeals/… included.
        for path in ("/admin/login", "/meetings", "/appeals/status", "/appeals/"):
            with self.subTest(path=path):
                r = STACK.request("POST", path, body=under, headers={"Content-Type": content_type})
                self.assertRussianError(r, 413, "Слишком большой объём данных")

    def test_direct_error_pages(self):
        r = STACK.get("/errors/413")
        self.assertRussianError(r, 413, "Слишком большой объём данных")


class Head(unittest.TestCase):
    def test_head_gives_headers_and_no_body(self):
        get = STACK.get("/")
        raw = STACK.raw(b"HEAD / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        status, headers, body = split_raw(raw)
        self.assertEqual(status, 200)
        self.assertEqual(body, b"")
        self.assertEqual(headers["content-type"], "text/html; charset=utf-8")
        self.assertEqual(int(headers["content-length"]), len(get.body))
        self.assertEqual(headers["etag"], get.header("ETag"))
        self.assertIn("content-security-policy", headers)

    def test_head_on_errors_and_other_pages(self):
        for path, status in (("/meetings", 200), ("/meetings/12", 200), ("/meetings.ics", 200),
                             ("/nope", 404), ("/meetings?page=0", 400), ("/healthz", 200)):
            with self.subTest(path=path):
                raw = STACK.raw(f"HEAD {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode())
                got, headers, body = split_raw(raw)
                self.assertEqual(got, status)
                self.assertEqual(body, b"")
                self.assertGreater(int(headers["content-length"]), 0)


class SecurityHeaders(unittest.TestCase):
    def answers(self):
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        return {
            "/": STACK.get("/"),
            "/meetings": STACK.get("/meetings"),
            "/meetings/12": STACK.get("/meetings/12"),
            "/meetings.ics": STACK.get("/meetings.ics"),
            "/healthz": STACK.get("/healthz"),
            "404": STACK.get("/nope"),
            "400": STACK.get("/meetings?page=0"),
            "405": STACK.request("POST", "/meetings", body="a=1", headers=form),
            "413": STACK.request("POST", "/", body=b"x" * (2 << 20), headers=form),
            "303": STACK.get("/vision?mode=on&return=/"),
            "304": STACK.get("/", headers={"If-None-Match": STACK.get("/").header("ETag")}),
            "/static/style.css": STACK.get("/static/style.css"),
            "/static/vision.css": STACK.get("/static/vision.css"),
            "/static/favicon.svg": STACK.get("/static/favicon.svg"),
        }

    def test_on_every_answer(self):
        for what, r in self.answers().items():
            with self.subTest(answer=what, status=r.status):
                csp = r.header("Content-Security-Policy")
                self.assertIsNotNone(csp)
                self.assertNotIn("unsafe-inline", csp)
                self.assertNotIn("unsafe-eval", csp)
                directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
                self.assertEqual(directives.get("frame-ancestors"), ["'none'"])
                self.assertIn("default-src", directives)
                self.assertEqual(r.header("X-Content-Type-Options"), "nosniff")

    def test_no_server_version(self):
        for what, r in self.answers().items():
            with self.subTest(answer=what):
                server = r.header("Server")
                if server is not None:
                    self.assertNotRegex(server, r"\d")
                self.assertIsNone(r.header("X-Powered-By"))

    def test_pages_need_nothing_the_policy_forbids(self):
        # No inline script or style: the CSP above would block them.
        statuses = {"/nope": 404, "/meetings?page=0": 400}
        for path in ("/", "/meetings", "/meetings/14", "/nope", "/meetings?page=0"):
            with self.subTest(path=path):
                r = shown(self, STACK.get(path), "<h1>", '<link rel="stylesheet"',
                          status=statuses.get(path, 200))
                self.assertNotIn("<script", r.text)
                self.assertNotIn("<style", r.text)
                self.assertNotRegex(r.text, r"\sstyle=")
                self.assertNotRegex(r.text, r"\son[a-z]+=")


class Caching(unittest.TestCase):
    def test_static_files_are_cached_for_a_week(self):
        for path, ctype in (("/static/style.css", "text/css"), ("/static/vision.css", "text/css"),
                            ("/static/favicon.svg", "image/svg+xml")):
            with self.subTest(path=path):
                r = STACK.get(path)
                self.assertEqual(r.status, 200)
                self.assertTrue(r.header("Content-Type").startswith(ctype))
                self.assertEqual(r.header("Cache-Control"), "max-age=604800")
                self.assertIsNotNone(r.header("Expires"))
                with open(os.path.join(ROOT, path.lstrip("/")), "rb") as f:
                    self.assertEqual(r.body, f.read())
        # The page links the stylesheet with a version, so a new one is fetched at once.
        self.assertRegex(STACK.get("/").text, r'href="/static/style\.css\?v=\d+"')

    def test_pages_have_an_etag_and_revalidate(self):
        for path in ("/", "/meetings", "/meetings/12", "/meetings.ics"):
            with self.subTest(path=path):
                r = STACK.get(path)
                etag = r.header("ETag")
                self.assertRegex(etag or "", r'^"[^"]+"$')
                again = STACK.get(path, headers={"If-None-Match": etag})
                self.assertEqual(again.status, 304)
                self.assertEqual(again.body, b"")
                self.assertEqual(again.header("ETag"), etag)
                other = STACK.get(path, headers={"If-None-Match": '"something-else"'})
                self.assertEqual(other.status, 200)
                self.assertEqual(other.body, r.body)

    def test_the_calendar_renders_the_same_bytes_later(self):
        # Regression: DTSTAMP was the clock's, so a copy rendered a second later (another
        # worker, or after any write emptied the page caches) had another ETag and never 304.
        first = STACK.get("/meetings.ics")
        self.assertEqual(first.status, 200)
        self.assertIn(b"BEGIN:VEVENT", first.body)
        second_now = int(time.time()) + 1
        while time.time() < second_now:
            time.sleep(0.05)
        STACK.execute("UPDATE staff_user SET email = email WHERE id = 1")  # empties the caches
        again = STACK.get("/meetings.ics", headers={"If-None-Match": first.header("ETag")})
        self.assertEqual(again.status, 304)

    def test_etag_changes_with_the_content(self):
        before = STACK.get("/meetings/12")
        title = STACK.query("SELECT title FROM meeting WHERE id = 12")[0][0]
        STACK.execute("UPDATE meeting SET title = ? WHERE id = 12", (title + " (уточнено)",))
        try:
            after = STACK.get("/meetings/12", headers={"If-None-Match": before.header("ETag")})
            self.assertEqual(after.status, 200)
            self.assertIn(title + " (уточнено)", after.text)
            self.assertNotEqual(after.header("ETag"), before.header("ETag"))
        finally:
            STACK.execute("UPDATE meeting SET title = ? WHERE id = 12", (title,))

    def test_normal_and_vision_pages_differ_in_etag(self):
        normal = STACK.get("/meetings")
        vision = STACK.get("/meetings", headers={"Cookie": "vision=on"})
        self.assertNotEqual(normal.header("ETag"), vision.header("ETag"))
        self.assertIn("Cookie", normal.header("Vary") or "")
        # A cached normal page is not a valid copy of the vision one.
        r = STACK.get("/meetings", headers={"Cookie": "vision=on", "If-None-Match": normal.header("ETag")})
        self.assertEqual(r.status, 200)

    def test_errors_are_not_revalidated(self):
        r = STACK.get("/nope")
        self.assertEqual(r.status, 404)
        self.assertIsNone(r.header("ETag"))


class Vision(unittest.TestCase):
    def test_switch_on(self):
        r = STACK.get("/vision?mode=on&return=/meetings")
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"), "/meetings")
        cookie = r.header("Set-Cookie")
        self.assertRegex(cookie, r"^vision=on;")
        self.assertIn("Path=/", cookie)
        self.assertRegex(cookie, r"Max-Age=\d{6,}")  # remembered, not for the session only

    def test_pages_with_the_cookie(self):
        for path in ("/", "/meetings", "/meetings/12", "/nope"):
            with self.subTest(path=path):
                status = 404 if path == "/nope" else 200
                r = shown(self, STACK.get(path, headers={"Cookie": "vision=on"}), "<h1>",
                          status=status)
                self.assertRegex(r.text, r'<link rel="stylesheet" href="/static/vision\.css[?"]')
                self.assertIn("Обычная версия сайта", r.text)
                self.assertNotIn("Версия для слабовидящих", r.text)
                plain = shown(self, STACK.get(path), "<h1>", status=status)
                self.assertNotIn("vision.css", plain.text)
                self.assertIn("Версия для слабовидящих", plain.text)
                self.assertNotIn("Обычная версия сайта", plain.text)

    def test_other_cookies_do_not_switch_it_on(self):
        for cookie in ("vision=off", "vision=", "xvision=on", "other=1; vision=yes"):
            with self.subTest(cookie=cookie):
                r = shown(self, STACK.get("/", headers={"Cookie": cookie}),
                          "<h1>Встречи с населением</h1>", "Версия для слабовидящих")
                self.assertNotIn("vision.css", r.text)
        r = STACK.get("/", headers={"Cookie": "a=1; vision=on; b=2"})
        self.assertIn("vision.css", r.text)

    def test_link_on_a_page_comes_back_to_it(self):
        page = "/meetings?territory=6&kind=gathering"
        r = STACK.get(page)
        link = html.unescape(re.search(r'<a href="(/vision\?mode=on[^"]*)"', r.text).group(1))
        switched = STACK.get(link)
        self.assertEqual(switched.status, 303)
        self.assertEqual(switched.header("Location"), page)
        self.assertRegex(switched.header("Set-Cookie"), r"^vision=on;")
        on = STACK.get(page, headers={"Cookie": "vision=on"})
        back = html.unescape(re.search(r'<a href="(/vision\?mode=off[^"]*)"', on.text).group(1))
        off = STACK.get(back, headers={"Cookie": "vision=on"})
        self.assertEqual(off.status, 303)
        self.assertEqual(off.header("Location"), page)

    def test_switch_off_clears_the_cookie(self):
        r = STACK.get("/vision?mode=off&return=/meetings", headers={"Cookie": "vision=on"})
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"), "/meetings")
        cookie = r.header("Set-Cookie")
        self.assertRegex(cookie, r"^vision=;")
        self.assertTrue("Max-Age=0" in cookie or "Expires=Thu, 01 Jan 1970" in cookie, cookie)

    def test_no_return_goes_home(self):
        r = STACK.get("/vision?mode=on")
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"), "/")

    def test_no_open_redirect(self):
        for target in ("//evil.example", "//evil.example/meetings", "https://evil.example/",
                       "/\\evil.example", "\\\\evil.example", "evil.example", "javascript:alert(1)",
                       "/%09/evil.example", "/%0a/evil.example", "/%0d%0aSet-Cookie:%20x=1",
                       "%2F%2Fevil.example", "/%20/evil.example"):
            with self.subTest(target=target):
                r = STACK.get(f"/vision?mode=on&return={target}")
                self.assertEqual(r.status, 400)
                self.assertIsNone(r.header("Location"))
                self.assertIsNone(r.header("Set-Cookie"))
                self.assertIn("адрес возврата", text_of(r.text))

    def test_mode_is_required(self):
        for path in ("/vision", "/vision?return=/", "/vision?mode=", "/vision?mode=ON"):
            with self.subTest(path=path):
                r = STACK.get(path)
                self.assertEqual(r.status, 400)
                self.assertIsNone(r.header("Set-Cookie"))
                self.assertIn("режим", text_of(r.text))


if __name__ == "__main__":
    unittest.main()
