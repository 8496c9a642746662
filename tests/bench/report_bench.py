"""report_bench.py — `make bench`, the report measurement of issue 7: 100,000 generated appeals
(one INSERT … WITH RECURSIVE into the bench stack's database, after the wrk runs, in years the
demo data never reaches) and the time the yearly analysis of appeals takes to render over them,
signed in as the demo administrator, against a 1-second target.

Usage: report_bench.py BASE_URL DATA_DIR. Exit status non-zero when the page does not answer 200
or its totals are not the generated counts (missing the target does not fail it)."""

import http.client
import os
import re
import sqlite3
import statistics
import sys
import time
import urllib.parse

YEAR = 2091
COUNT = 100_000          # appeals in all: 60 % in YEAR, 40 % in YEAR - 1
TARGET_SECONDS = 1.0
RUNS = 5

# Every column the report groups by varies: topic (several sections and none), territory,
# source, outcome, dates (answered on time, late, forwarded, still open).
GENERATE = """
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
INSERT INTO appeal (year, seq, number, code_hash, source, addressee, territory_id, topic_code,
                    text, received_at, registered_at, status, answer_due, forward_due, outcome,
                    answered_at, forwarded_at, closed_at)
SELECT y, i, printf('%d-b%07d', y, i), x'00',
       CASE i % 4 WHEN 0 THEN 'online' WHEN 1 THEN 'meeting' WHEN 2 THEN 'reception' ELSE 'mail' END,
       'head', CASE WHEN i % 9 = 0 THEN NULL ELSE 1 + i % 6 END,
       CASE i % 6 WHEN 0 THEN NULL WHEN 1 THEN '0005.0005.0056' WHEN 2 THEN '0005.0005.0055'
                  WHEN 3 THEN '0003.0009.0099' WHEN 4 THEN '0002.0004' ELSE '0004.0016.0162' END,
       'bench', t, t,
       CASE i % 5 WHEN 0 THEN 'in_work' WHEN 1 THEN 'forwarded' WHEN 4 THEN 'closed'
                  ELSE 'answered' END,
       date(t + 30 * 86400, 'unixepoch'), date(t + 7 * 86400, 'unixepoch'),
       CASE i % 5 WHEN 0 THEN NULL WHEN 1 THEN 'forwarded' WHEN 4 THEN 'repeated'
                  ELSE 'answered' END,
       CASE WHEN i % 5 IN (2, 3) THEN t + (20 + i % 20) * 86400 END,
       CASE WHEN i % 5 = 1 THEN t + 5 * 86400 END,
       CASE WHEN i % 5 <> 0 THEN t + 20 * 86400 END
FROM (SELECT i, CASE WHEN i % 5 < 3 THEN ?2 ELSE ?2 - 1 END AS y,
             unixepoch(printf('%d-01-01', CASE WHEN i % 5 < 3 THEN ?2 ELSE ?2 - 1 END))
             + (i % 330) * 86400 AS t FROM n)
"""


def request(conn, method, path, cookie="", body=None, headers=None):
    hdrs = dict(headers or {})
    if cookie:
        hdrs["Cookie"] = cookie
    conn.request(method, path, body=body, headers=hdrs)
    r = conn.getresponse()
    return r.status, r.getheaders(), r.read()


def cookies_of(headers, jar):
    for name, value in headers:
        if name.lower() == "set-cookie":
            pair = value.split(";", 1)[0]
            k, _, v = pair.partition("=")
            jar[k] = v
    return "; ".join(f"{k}={v}" for k, v in jar.items())


def main():
    base, data = sys.argv[1], sys.argv[2]
    url = urllib.parse.urlsplit(base)
    with open(os.path.join(data, "demo-logins.txt"), encoding="utf-8") as f:
        password = re.search(r"^\s+admin\s+(\S+)", f.read(), re.M).group(1)

    started = time.monotonic()
    db = sqlite3.connect(os.path.join(data, "portal.db"), timeout=30)
    with db:
        db.execute(GENERATE, (COUNT, YEAR))
    db.close()
    print(f"bench: report: {COUNT} appeals generated in {time.monotonic() - started:.1f} s")

    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    jar = {}
    status, headers, body = request(conn, "GET", "/admin/login")
    cookie = cookies_of(headers, jar)
    csrf = re.search(rb'name="csrf" value="([^"]*)"', body).group(1).decode()
    form = urllib.parse.urlencode({"csrf": csrf, "login": "admin", "password": password,
                                   "return": ""})
    status, headers, body = request(conn, "POST", "/admin/login", cookie, form,
                                    {"Content-Type": "application/x-www-form-urlencoded"})
    if status != 303:
        sys.exit(f"bench: report: login answered {status}")
    cookie = cookies_of(headers, jar)

    path = f"/admin/reports/appeals?year={YEAR}"
    times = []
    for _ in range(RUNS):
        t0 = time.monotonic()
        status, _, body = request(conn, "GET", path, cookie)
        times.append(time.monotonic() - t0)
        if status != 200:
            sys.exit(f"bench: report: {path} answered {status}")
    page = body.decode()
    now, before = COUNT * 3 // 5, COUNT * 2 // 5
    total = re.search(r'<tr class="total"><th scope="row">Всего</th><td>(\d+)</td><td>(\d+)</td>',
                      page)
    if not total or (int(total.group(1)), int(total.group(2))) != (before, now):
        sys.exit(f"bench: report: totals {total and total.groups()} are not ({before}, {now})")
    median = statistics.median(times)
    verdict = "PASS" if median < TARGET_SECONDS else "FAIL"
    print(f"bench: report: /admin/reports/appeals over {COUNT} appeals: median "
          f"{median * 1000:.0f} ms of {RUNS} renders (min {min(times) * 1000:.0f} ms, "
          f"{len(body)} B)")
    print("target of issue 7:")
    print(f"  {'yearly appeals report over 100,000 < 1 s':44s} {median:<8.3f} {verdict}")


if __name__ == "__main__":
    main()
