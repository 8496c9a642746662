"""district_data.py — `make bench`, the data of issue 18's speed clause: the ratios of the bench
must hold in a district portal of 50 municipalities with 100,000 meetings in its database.

The demo has the district Советский район with Зеленоборск (the own municipality) and Берёзовка;
this adds settlements of the district up to MUNICIPALITIES, each with a village (a territory of
its own), and meetings up to MEETINGS: per settlement, ten years of held meetings (what a
settlement that meets its residents every two or three weeks accumulates) and two announced for
the next weeks, each announced ten days ahead and each held one with its signed protocol, as a
real district's database looks after ten years of use. The own
municipality's schedule keeps its demo meetings, so the bench's pages measure the same page in a
far larger database.

Usage: district_data.py DATABASE. Prints what it added."""

import sqlite3
import sys
import time

MUNICIPALITIES = 50
MEETINGS = 100_000
UPCOMING_EACH = 2
YEAR = 365 * 86400


def main(path):
    conn = sqlite3.connect(path, timeout=30)
    conn.execute("PRAGMA foreign_keys = ON")
    (district,) = conn.execute(
        "SELECT id FROM municipality WHERE kind = 'municipal_district' ORDER BY id LIMIT 1"
    ).fetchone()
    (district_territory,) = conn.execute(
        "SELECT id FROM territory WHERE municipality_id = ? AND parent_id IS NULL", (district,)
    ).fetchone()
    (have,) = conn.execute("SELECT count(*) FROM municipality").fetchone()
    (template,) = conn.execute(
        "SELECT id FROM meeting WHERE status = 'held' ORDER BY id LIMIT 1").fetchone()
    columns = [r[1] for r in conn.execute("PRAGMA table_info(meeting)") if r[1] != "id"]
    settlements = []
    with conn:
        for n in range(have + 1, MUNICIPALITIES + 1):
            cur = conn.execute(
                "INSERT INTO municipality (kind, district_id, name, official_name, "
                "administration, code, slug, timezone) VALUES ('rural_settlement', ?, ?, ?, ?, "
                "?, ?, '')",
                (district, f"Посёлок {n}", f"Сельское поселение Посёлок {n}",
                 f"Администрация сельского поселения Посёлок {n}", f"П{n}", f"poselok-{n}"))
            mid = cur.lastrowid
            settlement = conn.execute(
                "INSERT INTO territory (parent_id, level, name, municipality_id) "
                "VALUES (?, 'settlement', ?, ?)",
                (district_territory, f"сельское поселение Посёлок {n}", mid)).lastrowid
            settlements.append(settlement)
        (existing,) = conn.execute("SELECT count(*) FROM meeting").fetchone()
        now = int(time.time())
        each = max(0, (MEETINGS - existing) // max(1, len(settlements)))
        past = max(0, each - UPCOMING_EACH)
        rows = []
        for territory in settlements:
            for i in range(past):
                rows.append((territory, now - 10 * YEAR + i * (10 * YEAR // max(1, past)), "held"))
            for i in range(UPCOMING_EACH):
                rows.append((territory, now + (7 + 14 * i) * 86400, "approved"))
        select = ", ".join("?" if c == "territory_id" else "?" if c == "starts_at"
                           else "? + (ends_at - starts_at)" if c == "ends_at"
                           else "?" if c == "status" else c for c in columns)
        names = ", ".join(columns)

        def params(row):
            territory, starts, status = row
            out = []
            for c in columns:
                if c == "territory_id":
                    out.append(territory)
                elif c in ("starts_at", "ends_at"):
                    out.append(starts)
                elif c == "status":
                    out.append(status)
            return out

        (first_new,) = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM meeting").fetchone()
        conn.executemany(
            f"INSERT INTO meeting ({names}) SELECT {select} FROM meeting WHERE id = {template}",
            (params(r) for r in rows))
        # Each was announced ten days ahead (the notifier's record of what was published), and
        # each held one has its signed protocol, as the press page and the feeds read them.
        conn.execute(
            "INSERT INTO announcement (meeting_id, kind, published_at, starts_at, ends_at, "
            "venue_id, five_days_kept) SELECT id, 'announcement', starts_at - 10 * 86400, "
            "starts_at, ends_at, venue_id, 1 FROM meeting WHERE id >= ?", (first_new,))
        conn.execute(
            "INSERT INTO protocol (meeting_id, number, held_on, place, decisions, photo_url, "
            "video_url, created_at, updated_at, signed_at, handed_at, revision, signed_on_paper) "
            "SELECT id, 'ПС-' || id, date(starts_at, 'unixepoch'), '', 'Решения приняты.', '', "
            "'', ends_at, ends_at, ends_at + 86400, ends_at + 2 * 86400, 1, 0 FROM meeting "
            "WHERE id >= ? AND status = 'held'", (first_new,))
    (municipalities,) = conn.execute("SELECT count(*) FROM municipality").fetchone()
    (meetings,) = conn.execute("SELECT count(*) FROM meeting").fetchone()
    (announcements,) = conn.execute("SELECT count(*) FROM announcement").fetchone()
    (protocols,) = conn.execute("SELECT count(*) FROM protocol").fetchone()
    # Into the database file before anything is measured: the portal's checkpoint of a WAL
    # this size would otherwise run during the first measurements.
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    print(f"district data: {municipalities} municipalities, {meetings} meetings, "
          f"{announcements} announcements, {protocols} protocols")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: district_data.py DATABASE")
    main(sys.argv[1])
