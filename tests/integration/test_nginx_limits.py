"""One client cannot take the site down (issue 21, items 21 and 22): half-sent requests are cut
by short timeouts, slow bodies by a per-address limit on requests in progress, sign-in attempts
by a rate limit in nginx, and password checks by a cap shared by the workers. The stack here
runs with small limits ([limits] client_timeout_seconds, connections_per_address, [security]
logins_per_minute, password_checks) so that each can be seen to bite; the shipped defaults are
checked in the rendered configuration."""

import fcntl
import os
import socket
import threading
import time
import unittest

from helpers import text_of, wait_for
from stack import Stack
from staff import Browser, csrf_of, read_passwords

STACK = None
PASSWORDS = {}
SETTINGS = {("limits", "client_timeout_seconds"): "2",
            ("limits", "connections_per_address"): "8",
            ("security", "logins_per_minute"): "2",
            ("security", "password_checks"): "1"}


def setUpModule():
    global STACK
    STACK = Stack(settings=SETTINGS).start()
    PASSWORDS.update(read_passwords(STACK))


def tearDownModule():
    STACK.close()


def open_from(address, data):
    """A connection from loopback ADDRESS that has sent DATA and waits."""
    s = socket.socket()
    s.bind((address, 0))
    s.settimeout(10)
    s.connect(("127.0.0.1", STACK.port))
    s.sendall(data)
    return s


def closed_by_server(s):
    """True when the server has given up on S (closed, reset, or answered it), False while it
    still waits for the rest of the request."""
    s.setblocking(False)
    try:
        s.recv(4096)
        return True
    except BlockingIOError:
        return False
    except OSError:
        return True


def get_from(address, path):
    STACK.source_address = (address, 0)
    try:
        return STACK.get(path)
    finally:
        STACK.source_address = None


class SlowClients(unittest.TestCase):
    def test_shipped_configuration_has_timeouts_and_limits(self):
        with open(os.path.join(STACK.data, "run", "site.conf"), encoding="utf-8") as f:
            site = f.read()
        for line in ("limit_conn portal_conn 8;", "client_header_timeout 2s;",
                     "client_body_timeout 2s;", "send_timeout 2s;", "keepalive_timeout 15s;",
                     "reset_timedout_connection on;", "limit_req zone=portal_login burst=5"):
            self.assertIn(line, site)
        with open(os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
                os.path.abspath(__file__)))), "conf/portal.ini"), encoding="utf-8") as f:
            shipped = f.read()
        self.assertIn("client_timeout_seconds = 10", shipped)
        self.assertIn("connections_per_address = 64", shipped)
        self.assertIn("logins_per_minute = 10", shipped)

    def test_half_sent_headers_are_cut_and_the_site_keeps_answering(self):
        conns = []
        try:
            for _ in range(300):
                conns.append(open_from("127.0.0.61", b"GET /meetings HTTP/1.1\r\nHost: x\r\nX-A: "))
            r = STACK.get("/healthz")
            self.assertEqual(r.status, 200)
            self.assertEqual(STACK.get("/meetings").status, 200)
            # client_header_timeout (2 s here) ends every one of them.
            self.assertTrue(wait_for(lambda: all(closed_by_server(c) for c in conns), 15, 0.2),
                            "half-sent requests still open after 15 s")
            self.assertEqual(STACK.get("/healthz").status, 200)
        finally:
            for c in conns:
                c.close()

    def test_slow_bodies_of_one_address_are_limited_not_the_others(self):
        slow = SlowBodies("127.0.0.62", 8)
        seen = []

        def status_of_ninth(path):
            r = get_from("127.0.0.62", path)
            seen.append(r.status)
            return r
        try:
            slow.start()
            # Once nginx counts the eight, that address gets 429 at once…
            self.assertTrue(wait_for(lambda: status_of_ninth("/healthz").status == 429, 20),
                            f"no 429 for a ninth request in progress: saw {seen[-5:]}, "
                            f"{slow.reopened} slow bodies reopened")
            r = status_of_ninth("/meetings")
            self.assertEqual(r.status, 429)
            self.assertIn("Слишком много запросов", r.text)
            # …and everyone else is served.
            self.assertEqual(get_from("127.0.0.63", "/healthz").status, 200)
            self.assertEqual(STACK.get("/meetings").status, 200)
        finally:
            slow.stop()
        self.assertTrue(wait_for(lambda: get_from("127.0.0.62", "/healthz").status == 200, 10))


class SlowBodies:
    """COUNT requests from ADDRESS whose bodies never end: a thread sends each a byte every
    quarter of a second, so the body timeout (2 s here) does not end them however long the
    test's own requests take on a busy machine; one the server closed anyway is opened again."""

    HEAD = (b"POST /appeals HTTP/1.1\r\nHost: x\r\nContent-Type: "
            b"application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nsurname=")

    def __init__(self, address, count):
        self.address = address
        self.conns = [open_from(address, self.HEAD) for _ in range(count)]
        self.reopened = 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._trickle, daemon=True)

    def _trickle(self):
        while not self.done.wait(0.25):
            for i, c in enumerate(self.conns):
                try:
                    c.sendall(b"x")
                except OSError:
                    c.close()
                    self.conns[i] = open_from(self.address, self.HEAD)
                    self.reopened += 1

    def start(self):
        self.thread.start()

    def stop(self):
        self.done.set()
        self.thread.join()
        for c in self.conns:
            c.close()


class SignInLimits(unittest.TestCase):
    def test_nginx_limits_sign_in_attempts_of_one_address(self):
        statuses = []
        STACK.source_address = ("127.0.0.64", 0)
        try:
            b = Browser(STACK)
            token = csrf_of(b.get("/admin/login").text)
            for i in range(12):
                r = b.post("/admin/login", {"csrf": token, "login": f"ghost{i}",
                                            "password": "wrong password"})
                statuses.append(r.status)
                # The portal's own slow-down answers 429 too, on its login form; nginx's
                # answer is its «Слишком много запросов» page, before any worker is asked.
                if r.status == 429 and "Слишком много запросов" in r.text:
                    break
            self.assertEqual(statuses[0], 422, statuses)
            self.assertEqual(statuses[-1], 429, statuses)
            self.assertIn("Слишком много запросов", r.text)
            self.assertNotIn("Вход для сотрудников</h1>", r.text)
            self.assertLessEqual(len(statuses), 8, statuses)
            # Only POST /admin/login is counted: the form and the site still answer.
            self.assertEqual(b.get("/admin/login").status, 200)
            self.assertEqual(STACK.get("/meetings").status, 200)
        finally:
            STACK.source_address = None
        # Another address signs in.
        STACK.source_address = ("127.0.0.65", 0)
        try:
            r = Browser(STACK).login("press", PASSWORDS["press"])
            self.assertEqual(r.status, 303)
        finally:
            STACK.source_address = None

    def test_password_checks_beyond_the_cap_get_503_at_once(self):
        path = os.path.join(STACK.data, "portal.db.password-slots")
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            # As if another worker were hashing: the only slot (password_checks = 1) is held.
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 0)
            STACK.source_address = ("127.0.0.66", 0)
            started = time.time()
            r = Browser(STACK).login("organizer", PASSWORDS["organizer"])
            # At once: a worker that waited for the slot would wait until the test gives it
            # back below, and the request would time out after 30 s.
            self.assertLess(time.time() - started, 15)
            self.assertEqual(r.status, 503, text_of(r.text)[:600])
            self.assertEqual(r.header("Retry-After"), "2")
            self.assertIn("Сейчас проверяется слишком много паролей сразу", text_of(r.text))
            self.assertFalse(any(h.startswith("portal_session=")
                                 for h in r.headers.get_all("Set-Cookie") or []))
            # Not a failure: nothing is counted against the login or the address.
            self.assertEqual(STACK.query("SELECT count(*) FROM login_throttle "
                                         "WHERE key LIKE '%127.0.0.66%'"), [(0,)])
            fcntl.lockf(fd, fcntl.LOCK_UN, 1, 0)
            r = Browser(STACK).login("organizer", PASSWORDS["organizer"])
            self.assertEqual(r.status, 303)
        finally:
            STACK.source_address = None
            os.close(fd)


if __name__ == "__main__":
    unittest.main()
