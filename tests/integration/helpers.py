"""helpers.py — small generic helpers for the integration tests: the visible text of a page, the
check that a page rendered before anything is found absent from it, unique titles, waiting for a
condition, and dates in the municipality's zone (Asia/Yekaterinburg, UTC+5, as conf/portal.ini
sets it). Nothing here talks to the stack; see stack.py for that and
staff.py for the staff pages."""

import html
import os
import re
import time
from datetime import datetime, timedelta, timezone

try:
    from zoneinfo import ZoneInfo
    ZONE = ZoneInfo("Asia/Yekaterinburg")  # conf/portal.ini: Зеленоборск, UTC+5
except Exception:  # no tz database for Python: the zone has been UTC+5 without DST since 2014
    ZONE = timezone(timedelta(hours=5))

MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
          "сентября", "октября", "ноября", "декабря")


# ---- reading pages ---------------------------------------------------------------------------
def text_of(fragment):
    """Visible text: tags dropped (block tags as a space), entities decoded, spaces collapsed."""
    inline = re.sub(r"</?(?:a|time|span|strong|em|b|i|u|abbr)\b[^>]*>", "", fragment)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", inline))).strip()


def main_of(page):
    """The page's <main> (what the handler rendered, without the layout), or the whole page."""
    m = re.search(r"<main\b.*?</main>", page, re.S)
    return m.group(0) if m else page


def shown(test, r, *shows, status=200):
    """R, once TEST has asserted that it answered STATUS and shows each of SHOWS (a string found
    in its HTML or in its visible text): the page that should have rendered did, so what is then
    found absent from it is absent for the right reason and not because of an error page."""
    page = r.text
    test.assertEqual(r.status, status, text_of(main_of(page))[:600])
    visible = text_of(page)
    for needle in shows:
        test.assertTrue(needle in page or needle in visible,
                        f"{needle!r} is not on the page: {text_of(main_of(page))[:1500]}")
    return r


def table_rows(page):
    """(row HTML, [cell HTML]) of each <tr> of the first <tbody> of PAGE; [] without one."""
    body = re.search(r"<tbody>(.*?)</tbody>", page, re.S)
    if not body:
        return []
    return [(tr, re.findall(r"<td>(.*?)</td>", tr, re.S))
            for tr in re.findall(r"<tr>(.*?)</tr>", body.group(1), re.S)]


# ---- test data and timing -------------------------------------------------------------------
_counter = [0]


def unique(prefix):
    """A title no other call in this run gives: «PREFIX n-pid»."""
    _counter[0] += 1
    return f"{prefix} {_counter[0]}-{os.getpid()}"


def wait_for(predicate, seconds, step=0.05):
    """Call PREDICATE every STEP seconds until it is true or SECONDS pass; its last value."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


# ---- dates in the municipality's zone -----------------------------------------------------------
def local(ts):
    """The epoch TS as an aware datetime in the municipality's zone."""
    return datetime.fromtimestamp(ts, ZONE)


def local_now():
    """Now, in the municipality's zone."""
    return datetime.now(ZONE)


def today():
    """Today's local date, waiting out 23:59:50–24:00 so the test and the server agree on it."""
    now = local_now()
    if now.hour == 23 and now.minute == 59 and now.second >= 50:
        time.sleep(61 - now.second)
    return local_now().date()


def day(offset):
    """The local date OFFSET days from today."""
    return today() + timedelta(days=offset)


def local_input(d, hm):
    """What <input type="datetime-local"> sends for local date D at HH:MM: 2026-11-27T18:00."""
    return f"{d.isoformat()}T{hm}"


def epoch(d, hm):
    """The UTC epoch of local date D at HH:MM."""
    h, m = (int(x) for x in hm.split(":"))
    return int(datetime(d.year, d.month, d.day, h, m, tzinfo=ZONE).timestamp())


def iso_local(ts):
    """The epoch TS as the page's <time datetime>: 2026-11-28T18:00+05:00."""
    return local(ts).strftime("%Y-%m-%dT%H:%M") + "+05:00"


def words(d):
    """The date D in Russian words: «27 ноября 2026 г.»."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year} г."


def ru_datetime(ts):
    """The epoch TS as the pages write it: «28 ноября 2026 г., 18:00» in the local zone."""
    d = local(ts)
    return f"{words(d.date())}, {d:%H:%M}"


# ---- forms with files -------------------------------------------------------------------------
def multipart(fields, files=()):
    """A multipart/form-data body as a browser sends it: (body bytes, Content-Type). fields is a
    dict or a list of pairs; files a list of (field name, file name, bytes, declared type)."""
    import secrets
    boundary = "----portaltest" + secrets.token_hex(8)
    out = []
    pairs = fields.items() if isinstance(fields, dict) else fields
    for name, value in pairs:
        out.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                   .encode() + str(value).encode("utf-8") + b"\r\n")
    for name, filename, data, ctype in files:
        quoted = filename.replace('"', "%22")
        out.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                   f'filename="{quoted}"\r\nContent-Type: {ctype}\r\n\r\n'.encode("utf-8")
                   + data + b"\r\n")
    out.append(f"--{boundary}--\r\n".encode())
    return b"".join(out), f"multipart/form-data; boundary={boundary}"


# A small valid PDF and PNG, and an executable with a .pdf name.
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>"
       b"endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + b"\x02\x00\x3e\x00" + b"\x00" * 100
