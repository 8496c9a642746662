#!/usr/bin/env python3
"""run.py — the test driver behind `make test`, `make check` and `make fuzz`. Runs the suites it
is asked for, prints what each check did, and ends with one line "N passed, N failed"; the exit
status is non-zero when anything failed.

  --unit            cmocka unit tests (BIN/tests/test_*), read as TAP
  --integration     tests/integration/test_*.py against the real nginx and workers from BIN
  --web             Nu HTML Checker and axe-core over the public and staff pages (tests/web)
  --fuzz            each libFuzzer target in build/fuzz for --fuzz-seconds
  --deb             tests/deb: `make deb`, lintian, install, upgrade and purge the package on this
                    machine (as root; it leaves the machine as it found it)
  --all             all of the above (the package once) for build/, then unit and integration
                    again for build/asan
  --bin DIR         the build to test (default build)
"""

import argparse
import datetime
import glob
import os
import re
import subprocess
import sys
import time
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.failures = []

    def ok(self, name):
        self.passed += 1

    def fail(self, name, detail=""):
        self.failed += 1
        self.failures.append((name, detail))
        print(f"FAIL {name}\n{detail}".rstrip(), flush=True)


def section(title):
    print(f"\n== {title}", flush=True)


def run_unit(tally, bin_dir):
    binaries = sorted(glob.glob(os.path.join(ROOT, bin_dir, "tests", "test_*")))
    binaries = [b for b in binaries if os.access(b, os.X_OK) and not b.endswith(".o")]
    section(f"unit tests ({bin_dir}): {len(binaries)} programs")
    if not binaries:
        tally.fail(f"unit[{bin_dir}]", "no unit test programs were built")
    for binary in binaries:
        name = os.path.basename(binary)
        env = dict(os.environ, CMOCKA_MESSAGE_OUTPUT="TAP")
        p = subprocess.run([binary], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
        out = p.stdout + p.stderr
        oks = re.findall(r"^ok \d+ - (.*)$", out, re.M)
        bad = re.findall(r"^not ok \d+ - (.*)$", out, re.M)
        for t in oks:
            tally.ok(f"{name}:{t}")
        for t in bad:
            tally.fail(f"[{bin_dir}] {name}:{t}", out[-3000:])
        if p.returncode != 0 and not bad:
            tally.fail(f"[{bin_dir}] {name}", f"exit status {p.returncode}\n{out[-3000:]}")
        print(f"  {name}: {len(oks)} passed, {len(bad)} failed", flush=True)


class CountingResult(unittest.TextTestResult):
    def __init__(self, tally, label, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.tally, self.label = tally, label

    def addSuccess(self, test):
        super().addSuccess(test)
        self.tally.ok(test.id())

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self.tally.fail(f"[{self.label}] {test.id()}", self._exc_info_to_string(err, test))

    def addError(self, test, err):
        super().addError(test, err)
        self.tally.fail(f"[{self.label}] {test.id()}", self._exc_info_to_string(err, test))

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            self.tally.fail(f"[{self.label}] {subtest.id()}", self._exc_info_to_string(err, test))

    def addSkip(self, test, reason):
        # Every gate must run: a skipped test is a failed one.
        super().addSkip(test, reason)
        self.tally.fail(f"[{self.label}] {test.id()}", f"skipped: {reason}")


def run_integration(tally, bin_dir, pattern):
    os.environ["PORTAL_BIN"] = os.path.join(ROOT, bin_dir)
    section(f"integration tests ({bin_dir})")
    suite = unittest.defaultTestLoader.discover(os.path.join(ROOT, "tests", "integration"),
                                                pattern=pattern,
                                                top_level_dir=os.path.join(ROOT, "tests", "integration"))
    if suite.countTestCases() == 0:
        tally.fail(f"integration[{bin_dir}]", "no integration tests found")
        return
    runner = unittest.TextTestRunner(
        verbosity=1, stream=sys.stdout,
        resultclass=lambda *a, **k: CountingResult(tally, bin_dir, *a, **k))
    runner.run(suite)


WEB_SCRIPT = os.path.join(ROOT, "tests", "web", "check-pages.mjs")
# The public crawl: no cookie, /admin never requested except the sign-in form (a public page).
WEB_PUBLIC_ARGS = ["--start", "/", "--start", "/meetings", "--start", "/meetings/1",
                   "--start", "/meetings/14", "--start", "/admin/login",
                   # The pages of the links in subscription mails (demo tokens, sql/demo).
                   "--start", "/subscribe/sent", "--start", "/appeals/new",
                   "--start", "/appeals/status", "--start", "/appeals/received",
                   "--start", "/answers", "--start", "/account/login", "--start", "/privacy",
                   "--start", "/account/closed", "--error-page", "/account/callback?state=x",
                   # the surveys: the list and the demo survey that is over, with its results
                   # as tables and charts (issue 20)
                   "--start", "/surveys", "--start", "/surveys/2",
                   # the demo district and its settlements' pages (issue 18)
                   "--start", "/m/sovetsky-rayon", "--start", "/m/berezovka",
                   "--start", "/m/zelenoborsk", "--start", "/appeals/new?municipality=3",
                   # a settlement's own part of the site (issue 18 item 4)
                   "--start", "/m/berezovka/meetings", "--start", "/m/berezovka/press",
                   "--start", "/m/berezovka/answers", "--error-page", "/m/nowhere/meetings",
                   # a reference-group participant's personal links (demo tokens, sql/demo)
                   "--start", "/surveys/link?token=demo-survey-link-00000000000000000000000000000000000000000000000",
                   "--start", "/discussions/link?token=demo-discussion-link-0000000000000000000000000000000000000000000",
                   "--start", "/subscribe/confirm?token=demo-pending-token-0000000000000000000000000",
                   "--start", "/subscribe/confirm?token=demo-active-token-1111111111111111111111111",
                   "--start", "/unsubscribe?token=demo-active-token-2222222222222222222222222",
                   "--error-page", "/subscribe/confirm?token=unknown",
                   "--error-page", "/nonexistent-page", "--error-page", "/meetings?from=2026-13-01",
                   # Personal receptions (issue 17): demo meeting 13 takes bookings online.
                   "--start", "/receptions/13", "--error-page", "/receptions/cancel?token=unknown"]
# The staff crawl: signed in as the demo admin (every staff page is open to that role); only
# pages under /admin are checked, links from them to public pages are requested for the status.
# One meeting of each status (demo data: 12 approved, 14 postponed, 16 cancelled, 20 draft,
# 1 held) shows every action box; pages of one template are capped at five.
WEB_STAFF_ARGS = ["--include-admin", "--only", "/admin", "--max-same-shape", "5",
                  "--start", "/admin", "--start", "/admin/meetings", "--start", "/admin/meetings/new",
                  "--start", "/admin/meetings/12", "--start", "/admin/meetings/14",
                  "--start", "/admin/meetings/16", "--start", "/admin/meetings/20",
                  "--start", "/admin/meetings/1", "--start", "/admin/users", "--start", "/admin/audit",
                  "--start", "/admin/password", "--start", "/admin/appeals",
                  "--start", "/admin/appeals/new", "--start", "/admin/appeals/1",
                  "--start", "/admin/municipalities", "--start", "/admin/municipalities/3",
                  "--start", "/admin/appeals/2", "--start", "/admin/appeals/3",
                  "--start", "/admin/outbox", "--max-pages", "116", "--start", "/admin/reports",
                  "--start", "/admin/reports/compliance", "--start", "/admin/reports/appeals",
                  "--start", "/admin/reports/groups?half=1", "--start", "/admin/reports/monthly",
                  "--start", "/admin/reports/district",
                  "--start", "/admin/reports/compliance?municipality=3",
                  "--error-page", "/admin/reports/appeals?municipality=999",
                  "--error-page", "/admin/meetings/999999",
                  # Every staff form once with invalid values: its error state is checked too.
                  "--submit-forms", "--start", "/admin/meetings/10/protocol",
                  "--start", "/admin/reference-groups/1", "--start", "/admin/receptions",
                  "--start", "/admin/receptions/new", "--start", "/admin/receptions/18",
                  # The plan of measures: a monthly measure with its periods and record form.
                  "--start", "/admin/plan", "--start", "/admin/plan/2"]


def set_cookie_value(response, name):
    for header in response.headers.get_all("Set-Cookie") or []:
        pair = header.split(";", 1)[0]
        if pair.startswith(name + "="):
            return pair[len(name) + 1:]
    return None


def staff_session(stack):
    """Sign in as the demo admin the way the login form does (form token from GET /admin/login
    and its portal_login cookie, then POST); returns the portal_session cookie's value."""
    with open(os.path.join(stack.data, "demo-logins.txt"), encoding="utf-8") as f:
        m = re.search(r"^\s+admin\s+(\S+)\s+\(admin\)\s*$", f.read(), re.M)
    if not m:
        raise RuntimeError("no admin password in demo-logins.txt")
    form = stack.get("/admin/login")
    csrf = re.search(r'<input type="hidden" name="csrf" value="([^"]*)">', form.text)
    login_cookie = set_cookie_value(form, "portal_login")
    if form.status != 200 or not csrf or not login_cookie:
        raise RuntimeError(f"GET /admin/login: HTTP {form.status}, form token "
                           f"{'found' if csrf else 'missing'}, portal_login cookie "
                           f"{'set' if login_cookie else 'missing'}")
    r = stack.post_form("/admin/login", {"csrf": csrf.group(1), "login": "admin",
                                         "password": m.group(1)},
                        headers={"Cookie": f"portal_login={login_cookie}"})
    session = set_cookie_value(r, "portal_session")
    if r.status != 303 or not session:
        raise RuntimeError(f"POST /admin/login: HTTP {r.status}, no portal_session cookie\n"
                           f"{r.text[:1500]}")
    return session


# The residents' crawl (issue 16): signed in with a one-time code, one appeal sent and answered,
# so the account shows an answer and its verdict form; only the residents' pages are checked.
WEB_RESIDENT_ARGS = ["--only", "/account", "--only", "/appeals/new", "--only", "/receptions",
                     "--start", "/account", "--start", "/appeals/new",
                     "--start", "/receptions/13", "--start", "/receptions/21",
                     "--start", "/account/bookings",
                     # the open demo discussion with its proposal form (issue 20)
                     "--only", "/discussions/1", "--start", "/discussions/1",
                     # the running demo survey with its response form (issue 20)
                     "--only", "/surveys/1", "--start", "/surveys/1"]


def resident_session(stack, staff_cookie):
    """Sign a resident in with a one-time code (read from the outbox: the web stack has no mail
    server), send an appeal and have the admin answer it; the portal_resident cookie's value."""
    form = stack.get("/account/login")
    csrf = re.search(r'<input type="hidden" name="csrf" value="([^"]*)">', form.text)
    pre = set_cookie_value(form, "portal_account_form")
    if form.status != 200 or not csrf or not pre:
        raise RuntimeError(f"GET /account/login: HTTP {form.status}")
    cookie = {"Cookie": f"portal_account_form={pre}"}
    address = "web-gates@residents.example"
    stack.post_form("/account/login/email", {"csrf": csrf.group(1), "email": address},
                    headers=cookie)
    rows = stack.query("SELECT subject FROM outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1",
                       (address,))
    code = re.search(r"(\d{6})", rows[0][0]) if rows else None
    if not code:
        raise RuntimeError("no one-time code in the outbox")
    r = stack.post_form("/account/login/code", {"csrf": csrf.group(1), "email": address,
                                                "code": code.group(1)}, headers=cookie)
    session = set_cookie_value(r, "portal_resident")
    if r.status != 303 or not session:
        raise RuntimeError(f"POST /account/login/code: HTTP {r.status}")
    mine = {"Cookie": f"portal_resident={session}"}
    page = stack.get("/appeals/new", headers=mine)
    token = re.search(r'<input type="hidden" name="csrf" value="([^"]*)">', page.text)
    r = stack.post_form("/appeals", {"csrf": token.group(1) if token else "", "addressee": "head",
                                     "surname": "Проверочная", "name": "Вера",
                                     "text": "Обращение для проверки страниц кабинета."},
                        headers=mine)
    if r.status != 303:
        raise RuntimeError(f"POST /appeals as a resident: HTTP {r.status}")
    # A booking of demo reception 18 (issue 17): the account lists it and its page confirms it.
    page = stack.get("/receptions/18", headers=mine)
    slot = re.search(r'name="slot" value="(\d+)"', page.text)
    r = stack.post_form("/receptions/18/book", {"csrf": token.group(1) if token else "",
                                                "slot": slot.group(1) if slot else "",
                                                "question": "Вопрос для проверки страниц.",
                                                "contact": "+7 900 000-00-00"}, headers=mine)
    if r.status != 303:
        raise RuntimeError(f"POST /receptions/18/book as a resident: HTTP {r.status}")
    aid = stack.query("SELECT max(id) FROM appeal WHERE resident_id IS NOT NULL")[0][0]
    staff = {"Cookie": f"portal_session={staff_cookie}"}
    page = stack.get(f"/admin/appeals/{aid}", headers=staff)
    token = re.search(r'<input type="hidden" name="csrf" value="([^"]*)">', page.text)
    stack.post_form(f"/admin/appeals/{aid}/answer",
                    {"csrf": token.group(1) if token else "", "answer": "Ответ для проверки."},
                    headers=staff)
    return session


def reception_schedule(stack, staff_cookie):
    """A monthly reception schedule written through the staff form (issue 17), so that its
    page /admin/receptions/schedules/ID is crawled; that path."""
    staff = {"Cookie": f"portal_session={staff_cookie}"}
    page = stack.get("/admin/receptions/new", headers=staff)
    token = re.search(r'<input type="hidden" name="csrf" value="([^"]*)">', page.text)
    year = datetime.date.today().year + 1
    r = stack.post_form("/admin/receptions", {
        "csrf": token.group(1) if token else "", "title": "Личный приём главы поселения",
        "host": "1", "venue": "2", "rule": "monthly", "weekday": "1", "ordinal": "1",
        "period_from": f"{year}-01-01", "period_to": f"{year}-03-31", "start_time": "10:00",
        "end_time": "12:00", "slot_minutes": "15", "topics": "Благоустройство"}, headers=staff)
    if r.status != 303:
        raise RuntimeError(f"POST /admin/receptions: HTTP {r.status}")
    return f"/admin/receptions/schedules/{stack.query('SELECT max(id) FROM reception_schedule')[0][0]}"


def run_web(tally, bin_dir):
    """Two crawls of check-pages.mjs over one stack: the public pages, then the staff pages
    with a signed-in session. Every ok/not ok line of both counts."""
    from stack import Stack
    section("web gates: Nu HTML Checker and axe-core (normal and visually impaired), "
            "public and staff pages")
    results = []
    with Stack(bin_dir=bin_dir) as stack:
        crawls = [("public", WEB_PUBLIC_ARGS)]
        try:
            staff_cookie = staff_session(stack)
            crawls.append(("staff", WEB_STAFF_ARGS + [
                "--start", reception_schedule(stack, staff_cookie),
                "--cookie", "portal_session=" + staff_cookie]))
        except (RuntimeError, OSError) as e:
            tally.fail("web staff pages: sign-in as admin", str(e))
            staff_cookie = None
        try:
            if staff_cookie:
                crawls.append(("resident", WEB_RESIDENT_ARGS + [
                    "--cookie", "portal_resident=" + resident_session(stack, staff_cookie)]))
        except (RuntimeError, OSError) as e:
            tally.fail("web resident pages: sign-in with a one-time code", str(e))
        for label, args in crawls:
            p = subprocess.run(["node", WEB_SCRIPT, "--base", stack.base, *args],
                               capture_output=True, text=True, timeout=900, cwd=ROOT)
            results.append((label, p.returncode, p.stdout + p.stderr))
    for label, code, out in results:
        print(f"-- {label} pages", flush=True)
        if code in (0, 1):  # the failures with their details, the notes and the totals
            shown = [line for line in out.splitlines() if not line.startswith("ok - ")]
            print("\n".join(shown[:300]), flush=True)
        else:
            print(out[-6000:], flush=True)
        checks = 0
        for line in out.splitlines():
            m = re.match(r"^(ok|not ok) - (.*)$", line)
            if not m:
                continue
            checks += 1
            if m.group(1) == "ok":
                tally.ok(m.group(2))
            else:
                tally.fail(f"web({label}) " + m.group(2))
        if code not in (0, 1) or checks == 0:
            tally.fail(f"web gates ({label})",
                       f"check-pages.mjs exit {code}, {checks} checks\n{out[-3000:]}")


def run_deb(tally):
    section("the Debian package (tests/deb)")
    suite = unittest.defaultTestLoader.discover(os.path.join(ROOT, "tests", "deb"),
                                                pattern="test_*.py",
                                                top_level_dir=os.path.join(ROOT, "tests", "deb"))
    if suite.countTestCases() == 0:
        tally.fail("deb", "no package tests found")
        return
    runner = unittest.TextTestRunner(
        verbosity=2, stream=sys.stdout,
        resultclass=lambda *a, **k: CountingResult(tally, "deb", *a, **k))
    runner.run(suite)


def run_fuzz(tally, seconds):
    targets = sorted(t for t in glob.glob(os.path.join(ROOT, "build", "fuzz", "fuzz_*"))
                     if os.access(t, os.X_OK) and os.path.isfile(t) and "-" not in os.path.basename(t))
    section(f"fuzzing: {len(targets)} targets, {seconds} s each")
    if not targets:
        tally.fail("fuzz", "no fuzz targets were built (make fuzz-build)")
    for target in targets:
        name = os.path.basename(target)
        seeds = os.path.join(ROOT, "tests", "fuzz", "corpus", name)
        work = os.path.join(ROOT, "build", "fuzz", "corpus-" + name)
        os.makedirs(work, exist_ok=True)
        os.makedirs(os.path.join(ROOT, "build", "fuzz", "crashes"), exist_ok=True)
        args = [target, f"-max_total_time={seconds}", "-max_len=4096", "-timeout=10",
                f"-artifact_prefix={os.path.join(ROOT, 'build', 'fuzz', 'crashes', name + '-')}", work]
        if os.path.isdir(seeds):
            args.append(seeds)
        started = time.time()
        p = subprocess.run(args, capture_output=True, text=True, timeout=seconds + 120)
        runs = re.findall(r"#(\d+)\s+DONE", p.stderr)
        if p.returncode == 0:
            tally.ok(name)
            print(f"  {name}: {runs[-1] if runs else '?'} runs in {time.time() - started:.0f} s, "
                  "no crash", flush=True)
        else:
            tally.fail(f"fuzz {name}", p.stderr[-4000:])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--unit", action="store_true")
    ap.add_argument("--integration", action="store_true")
    ap.add_argument("--web", action="store_true")
    ap.add_argument("--fuzz", action="store_true")
    ap.add_argument("--deb", action="store_true")
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--bin", default="build")
    ap.add_argument("--pattern", default="test_*.py")
    ap.add_argument("--fuzz-seconds", type=int, default=15)
    args = ap.parse_args()
    tally = Tally()
    started = time.time()
    if args.all:
        run_unit(tally, "build")
        run_integration(tally, "build", args.pattern)
        run_web(tally, "build")
        run_deb(tally)
        run_unit(tally, "build/asan")
        run_integration(tally, "build/asan", args.pattern)
        run_fuzz(tally, args.fuzz_seconds)
    else:
        if args.unit:
            run_unit(tally, args.bin)
        if args.integration:
            run_integration(tally, args.bin, args.pattern)
        if args.web:
            run_web(tally, args.bin)
        if args.fuzz:
            run_fuzz(tally, args.fuzz_seconds)
        if args.deb:
            run_deb(tally)
    print(f"\n== {time.time() - started:.0f} s")
    if tally.failures:
        print("failed:")
        for name, _ in tally.failures:
            print(f"  {name}")
    print(f"{tally.passed} passed, {tally.failed} failed")
    return 1 if tally.failed or tally.passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
