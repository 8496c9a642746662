"""A database error on the staff side of meetings is an error (500), never an empty answer (issue
15 item 2): the counts of the staff home page and the compliance report, and a series, were read
with the result code ignored, so a failing statement showed «проведено: 0» or «нет такой серии».

The failure is real: a column only that statement reads is renamed in the running stack's
database, so SQLite fails when it prepares the statement again; the column is renamed back
afterwards and the page answers 200 again, with what it showed before."""

import sqlite3
import unittest

from staff import staff_module

STACK = None
PASSWORDS = {}
USERS = {}

setUpModule, tearDownModule = staff_module(globals(), USERS)


class BrokenColumn:
    """Within the block, table.column is renamed (only its statement fails)."""

    def __init__(self, table, column):
        self.table, self.column = table, column

    def rename(self, old, new):
        with STACK.db() as conn:
            conn.execute(f"ALTER TABLE {self.table} RENAME COLUMN {old} TO {new}")

    def __enter__(self):
        self.rename(self.column, self.column + "_gone")

    def __exit__(self, *exc):
        self.rename(self.column + "_gone", self.column)


class DatabaseErrors(unittest.TestCase):
    def get(self, role, path):
        return USERS[role].get(path)

    def assert_error_then_page(self, role, path, table, column, shown):
        """path answers 200 showing shown; 500 while table.column is broken; 200 again after."""
        r = self.get(role, path)
        self.assertEqual(r.status, 200, r.text[-1500:])
        self.assertIn(shown, r.text)
        with BrokenColumn(table, column):
            r = self.get(role, path)
            self.assertEqual(r.status, 500, r.text[-1500:])
            self.assertNotIn(shown, r.text)
        r = self.get(role, path)
        self.assertEqual(r.status, 200, r.text[-1500:])
        self.assertIn(shown, r.text)

    def test_home_page_outbox_totals_failing_is_500(self):
        # The outbox's totals (the dead letters warning) were read as zero on a failure.
        self.assert_error_then_page("organizer", "/admin", "outbox", "channel",
                                    "Личный приём главы — ежемесячно")

    def test_compliance_report_counts_failing_is_500(self):
        # The frequency tables' counts (STMT_REPORT_KIND_COUNT, the only reader of host_id on
        # the page) were read as «проведено 0» on a failure.
        self.assert_error_then_page("controller",
                                    "/admin/reports/compliance?from=2020-01-01&to=2020-12-31",
                                    "meeting", "host_id", "Сводка за период")

    def test_series_failing_is_500_not_404(self):
        with STACK.db() as conn:
            kind = conn.execute("SELECT code FROM meeting_kind ORDER BY code LIMIT 1").fetchone()[0]
            cur = conn.execute(
                "INSERT INTO meeting_series (title, kind, rule, description, created_at) "
                "VALUES ('Приёмы по вторникам', ?, 'weekly', '', 0)", (kind,))
            series = cur.lastrowid
        self.assert_error_then_page("organizer", f"/admin/series/{series}", "meeting_series",
                                    "title", "Приёмы по вторникам")


if __name__ == "__main__":
    unittest.main()
