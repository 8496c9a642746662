"""bench_common.py — what the Python measurements of `make bench` (report_bench.py,
survey_bench.py, staff_bench.py) share: plain HTTP requests over one kept-alive connection, the
staff sign-in as the demo administrator, timing repeated requests, percentiles and the target
lines printed at the end."""

import http.client
import os
import re
import statistics
import sys
import time
import urllib.parse


def fail(what, message):
    """Stop the measurement WHAT ("report", "survey", "staff") with MESSAGE (exit status 1)."""
    sys.exit(f"bench: {what}: {message}")


def connect(base):
    """A new HTTP connection to BASE_URL (http://host:port), 60 s timeout."""
    url = urllib.parse.urlsplit(base)
    return http.client.HTTPConnection(url.hostname, url.port, timeout=60)


def request(conn, method, path, cookie="", body=None, headers=None):
    """One request over CONN: (status, headers, body bytes)."""
    hdrs = dict(headers or {})
    if cookie:
        hdrs["Cookie"] = cookie
    conn.request(method, path, body=body, headers=hdrs)
    r = conn.getresponse()
    return r.status, r.getheaders(), r.read()


def cookies_of(headers, jar):
    """Store the Set-Cookie HEADERS in JAR (a dict) and return the Cookie header of the jar."""
    for name, value in headers:
        if name.lower() == "set-cookie":
            k, _, v = value.split(";", 1)[0].partition("=")
            jar[k] = v
    return "; ".join(f"{k}={v}" for k, v in jar.items())


def admin_password(data):
    """The demo administrator's password, from DATA_DIR/demo-logins.txt (written by make run)."""
    with open(os.path.join(data, "demo-logins.txt"), encoding="utf-8") as f:
        return re.search(r"^\s+admin\s+(\S+)", f.read(), re.M).group(1)


def sign_in_admin(conn, data, what):
    """Sign in over CONN as the demo administrator; the session's Cookie header. Stops the
    measurement WHAT when the login does not answer 303."""
    jar = {}
    status, headers, body = request(conn, "GET", "/admin/login")
    cookie = cookies_of(headers, jar)
    csrf = re.search(rb'name="csrf" value="([^"]*)"', body).group(1).decode()
    form = urllib.parse.urlencode({"csrf": csrf, "login": "admin",
                                   "password": admin_password(data), "return": ""})
    status, headers, body = request(conn, "POST", "/admin/login", cookie, form,
                                    {"Content-Type": "application/x-www-form-urlencoded"})
    if status != 303:
        fail(what, f"login answered {status}")
    return cookies_of(headers, jar)


def timed(conn, path, runs, what, cookie=""):
    """Seconds of each of RUNS GET requests for PATH over CONN and the last body (bytes). Every
    one must answer 200, or the measurement WHAT stops."""
    times, body = [], b""
    for _ in range(runs):
        t0 = time.monotonic()
        status, _, body = request(conn, "GET", path, cookie)
        times.append(time.monotonic() - t0)
        if status != 200:
            fail(what, f"{path} answered {status}")
    return times, body


def median_of(conn, path, runs, what, cookie=""):
    """The median seconds of RUNS renders of PATH, the fastest, and the last body (bytes)."""
    times, body = timed(conn, path, runs, what, cookie)
    return statistics.median(times), min(times), body


def percentile(times, p):
    """The p-th percentile (nearest rank) of TIMES in seconds, in ms."""
    ordered = sorted(times)
    return ordered[max(0, -(-len(ordered) * p // 100) - 1)] * 1000


def target_line(label, value, met, fmt="<8.3f"):
    """One line of the targets printed at the end: LABEL, VALUE, PASS or FAIL."""
    print(f"  {label:44s} {value:{fmt}} {'PASS' if met else 'FAIL'}")
