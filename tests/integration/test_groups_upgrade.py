"""Migration 030 through the real stack: a single-municipality database at migration 029 with
reference groups (their participants, the meetings and surveys they were chosen for) and a plan of
measures with a record is upgraded; every group and measure keeps its id and rows and now belongs
to the own municipality, and the staff pages show them as before (no body column where there is
one municipality). The stack of this module is started on a database prepared at 029."""

import os
import shutil
import sqlite3
import tempfile
import unittest

from helpers import shown, table_rows, text_of
from stack import Stack, database_at
from staff import Browser

PASSWORD = "upgrade-password-1"


class Upgrade(unittest.TestCase):
    def test_groups_and_measures_move_into_the_own_municipality(self):
        work = tempfile.mkdtemp(prefix="portal-upgrade-030-")
        try:
            self.upgrade(work)
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def upgrade(self, work):
        # A database as the release before migration 030 left it.
        db_path = database_at(work, 29)
        conn = sqlite3.connect(db_path)
        try:
            conn.execute("PRAGMA foreign_keys=ON")
            self.assertEqual(conn.execute("PRAGMA user_version").fetchone()[0], 29)
            conn.executescript("""
                INSERT INTO territory (id, parent_id, level, name) VALUES
                 (1, NULL, 'settlement', 'городское поселение Зеленоборск');
                INSERT INTO meeting (id, kind, title, territory_id, starts_at, ends_at, status)
                 VALUES (1, 'head_mass', 'Встреча главы с предпринимателями', 1,
                         unixepoch('now', '+12 days'), unixepoch('now', '+12 days', '+2 hours'),
                         'draft');
                INSERT INTO reference_group (id, name, description) VALUES
                 (3, 'Предприниматели', 'Малый бизнес'), (5, 'Старшее поколение', '');
                INSERT INTO reference_group_member (id, group_id, name, organisation, email) VALUES
                 (7, 3, 'Григорьев Павел', 'ИП', 'grigoriev@example.org'),
                 (8, 3, 'Лебедева Марина', '', 'lebedeva@example.org'),
                 (9, 5, 'Смирнова Галина', 'Совет ветеранов', 'veterany@example.org');
                INSERT INTO meeting_reference_group (meeting_id, group_id) VALUES (1, 3), (1, 5);
                INSERT INTO plan_measure (id, item, text, periodicity, units, evidence,
                                          created_at)
                 VALUES (4, '12', 'Проведение сходов населения', 'yearly', 'Администрация',
                         'record', unixepoch());
                INSERT INTO plan_record (id, measure_id, done_on, note, file_name, mime, size,
                                         sha256, created_at)
                 VALUES (2, 4, '2026-03-01', 'Сход проведён', 'act.pdf', 'application/pdf', 10,
                         printf('%064d', 0), unixepoch());
            """)
            conn.commit()
        finally:
            conn.close()  # the last connection: the WAL goes into the file copied below

        class Upgraded(Stack):
            def _write_config(self):
                super()._write_config()
                shutil.copy(db_path, os.path.join(self.data, "portal.db"))

        stack = Upgraded().start()
        try:
            self.assertGreaterEqual(stack.query("PRAGMA user_version")[0][0], 30)
            self.assertEqual(stack.query("SELECT id, municipality_id, name, description FROM "
                                         "reference_group ORDER BY id"),
                             [(3, 1, "Предприниматели", "Малый бизнес"),
                              (5, 1, "Старшее поколение", "")])
            self.assertEqual(stack.query("SELECT id, group_id, email FROM reference_group_member "
                                         "ORDER BY id"),
                             [(7, 3, "grigoriev@example.org"), (8, 3, "lebedeva@example.org"),
                              (9, 5, "veterany@example.org")])
            self.assertEqual(stack.query("SELECT meeting_id, group_id FROM "
                                         "meeting_reference_group ORDER BY group_id"),
                             [(1, 3), (1, 5)])
            self.assertEqual(stack.query("SELECT id, municipality_id FROM plan_measure"), [(4, 1)])
            self.assertEqual(stack.query("SELECT id, measure_id FROM plan_record"), [(2, 4)])
            self.assertEqual(stack.query("PRAGMA foreign_key_check"), [])
            self.assertEqual(stack.query("PRAGMA integrity_check"), [("ok",)])
            # A group inserted by hand, naming no body, is the own municipality's.
            stack.execute("INSERT INTO reference_group (name) VALUES ('Молодёжь')")
            self.assertEqual(stack.query("SELECT municipality_id FROM reference_group WHERE "
                                         "name = 'Молодёжь'"), [(1,)])
            # The staff pages as before: one municipality, no body column.
            r = stack.admin("user", "add", "upgrader", "admin", input_text=PASSWORD + "\n")
            self.assertEqual(r.returncode, 0, r.stderr)
            b = Browser(stack)
            self.assertEqual(b.login("upgrader", PASSWORD).status, 303)
            page = shown(self, b.get("/admin/reference-groups"), "<h1>Референтные группы</h1>",
                         "Предприниматели", "Старшее поколение").text
            self.assertNotIn("Муниципальное образование", page)
            self.assertIn(["Предприниматели", "Малый бизнес", "2"],
                          [[text_of(c) for c in cells] for _, cells in table_rows(page)])
            shown(self, b.get("/admin/reference-groups/3"), "Григорьев Павел",
                  "Лебедева Марина")
            page = shown(self, b.get("/admin/plan"), "<h1>План мероприятий</h1>",
                         "Проведение сходов населения").text
            self.assertNotIn("Муниципальное образование", page)
            shown(self, b.get("/admin/plan/4?year=2026"), "Сход проведён")
            form = shown(self, b.get("/admin/meetings/1"), "Предприниматели (2 участника)",
                         "Старшее поколение (1 участник)").text
            self.assertNotIn('name="municipality"', form)
        finally:
            stack.close()


if __name__ == "__main__":
    unittest.main()
