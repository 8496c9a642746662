"""build/portal-admin on the database of a running portal: init (idempotent), user add, backup."""

import hashlib
import os
import sqlite3
import stat
import tempfile
import unittest

from stack import SANITIZER_MARKERS, module_stack

STACK = None


setUpModule, tearDownModule = module_stack(globals())


class AdminCase(unittest.TestCase):
    def admin(self, *args, input_text=None):
        p = STACK.admin(*args, input_text=input_text)
        for marker in SANITIZER_MARKERS:
            self.assertNotIn(marker, p.stderr)
        return p

    def count(self, table):
        return STACK.query(f"SELECT count(*) FROM {table}")[0][0]


class Init(AdminCase):
    def test_init_is_idempotent(self):
        version = STACK.query("PRAGMA user_version")[0][0]
        meetings, users = self.count("meeting"), self.count("staff_user")
        for _ in range(2):
            p = self.admin("init")
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn("(0 migrations applied)", p.stdout)
            self.assertIn(f"schema at version {version}", p.stdout)
        self.assertEqual(self.count("meeting"), meetings)
        self.assertEqual(self.count("staff_user"), users)
        self.assertEqual(STACK.get("/meetings").status, 200)

    def test_init_creates_the_uploads_directory(self):
        uploads = os.path.join(STACK.data, "uploads")  # [server] uploads, relative to the ini
        self.assertTrue(os.path.isdir(uploads))
        self.assertEqual(stat.S_IMODE(os.stat(uploads).st_mode), 0o700)  # personal data
        os.rmdir(uploads)
        try:
            p = self.admin("init")
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn(f"uploads directory {uploads} created", p.stdout)
        finally:
            os.makedirs(uploads, mode=0o700, exist_ok=True)
        self.assertTrue(os.path.isdir(uploads))
        p = self.admin("init")  # and leaves an existing one alone
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertNotIn("uploads directory", p.stdout)

    def test_init_demo_does_not_load_twice(self):
        meetings = self.count("meeting")
        p = self.admin("init", "--demo")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("demo data not loaded", p.stdout)
        self.assertEqual(self.count("meeting"), meetings)
        self.assertEqual(meetings, 24)

    def test_demo_accounts(self):
        rows = STACK.query("SELECT login, role, password_hash FROM staff_user "
                           "WHERE login IN ('admin', 'organizer', 'secretary', 'press', "
                           "'executor', 'controller')")
        self.assertEqual(sorted(r[1] for r in rows),
                         sorted(["admin", "organizer", "secretary", "press", "executor", "controller"]))
        for login, role, hashed in rows:
            self.assertEqual(login, role)
            self.assertTrue(hashed.startswith("$argon2id$"), hashed)
        logins = os.path.join(STACK.data, "demo-logins.txt")
        self.assertEqual(stat.S_IMODE(os.stat(logins).st_mode), 0o600)

    def test_demo_head_account_belongs_to_her_person(self):
        # glava signs the protocols of the meetings the head chairs (sql/013).
        self.assertEqual(STACK.query("SELECT u.role, p.full_name FROM staff_user u "
                                     "JOIN person p ON p.id = u.person_id WHERE u.login = 'glava'"),
                         [("controller", "Соколова Анна Викторовна")])
        with open(os.path.join(STACK.data, "demo-logins.txt"), encoding="utf-8") as f:
            self.assertIn("glava is the head", f.read())

    def test_demo_accounts_have_addresses_for_alerts(self):
        rows = dict(STACK.query("SELECT login, email FROM staff_user WHERE login IN "
                                "('admin', 'organizer', 'secretary', 'press', 'executor', "
                                "'controller')"))
        self.assertEqual(rows["organizer"], "organizer@zelenoborsk.example")
        self.assertEqual(rows["controller"], "controller@zelenoborsk.example")
        self.assertEqual(len(set(rows.values())), 6, rows)

    def test_unknown_command(self):
        p = self.admin("frobnicate")
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("usage", p.stderr)


class UserAdd(AdminCase):
    def rows(self, login):
        return STACK.query("SELECT login, role, password_hash, disabled FROM staff_user WHERE login = ?",
                           (login,))

    def test_adds_an_account_with_an_argon2id_hash(self):
        password = "correct horse battery staple"
        p = self.admin("user", "add", "ivanova", "secretary", input_text=password + "\n")
        self.assertEqual(p.returncode, 0, p.stderr)
        rows = self.rows("ivanova")
        self.assertEqual(len(rows), 1)
        login, role, hashed, disabled = rows[0]
        self.assertEqual(role, "secretary")
        self.assertEqual(disabled, 0)
        self.assertTrue(hashed.startswith("$argon2id$"), hashed)
        self.assertNotIn(password, hashed)
        self.assertNotIn(password, p.stdout + p.stderr)
        # The same login again is refused and leaves the account as it was.
        again = self.admin("user", "add", "ivanova", "admin", input_text="another long password\n")
        self.assertNotEqual(again.returncode, 0)
        self.assertEqual(self.rows("ivanova"), rows)

    def test_email_is_saved(self):
        p = self.admin("user", "add", "sidorov", "controller", "--email", "sidorov@zelenoborsk.example",
                       input_text="a long enough password\n")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("sidorov@zelenoborsk.example", p.stdout)
        self.assertEqual(STACK.query("SELECT role, email FROM staff_user WHERE login = 'sidorov'"),
                         [("controller", "sidorov@zelenoborsk.example")])
        p = self.admin("user", "add", "sidorova", "press", "--email=press2@zelenoborsk.example",
                       input_text="a long enough password\n")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(STACK.query("SELECT email FROM staff_user WHERE login = 'sidorova'"),
                         [("press2@zelenoborsk.example",)])
        # Without --email the account has none.
        p = self.admin("user", "add", "noemail", "press", input_text="a long enough password\n")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(STACK.query("SELECT email FROM staff_user WHERE login = 'noemail'"), [("",)])

    def test_person_links_the_account(self):
        p = self.admin("user", "add", "kuznetsova", "controller", "--person", "3", "--email",
                       "ig1@zelenoborsk.example", input_text="a long enough password\n")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(STACK.query("SELECT person_id, email FROM staff_user "
                                     "WHERE login = 'kuznetsova'"),
                         [(3, "ig1@zelenoborsk.example")])
        # One account per person; an unknown person or a malformed id is refused.
        p = self.admin("user", "add", "kuznetsova2", "press", "--person=3",
                       input_text="a long enough password\n")
        self.assertEqual(p.returncode, 1)
        self.assertIn("another account belongs to person 3", p.stderr)
        p = self.admin("user", "add", "nobody", "press", "--person", "9999",
                       input_text="a long enough password\n")
        self.assertEqual(p.returncode, 1)
        self.assertIn("no person 9999", p.stderr)
        p = self.admin("user", "add", "nobody", "press", "--person", "три",
                       input_text="a long enough password\n")
        self.assertEqual(p.returncode, 2)
        self.assertEqual(self.rows("kuznetsova2") + self.rows("nobody"), [])

    def test_malformed_email_is_refused(self):
        for bad in ("not-an-address", "a@b", "two@@signs.ru"):
            p = self.admin("user", "add", "badmail", "press", "--email", bad,
                           input_text="a long enough password\n")
            self.assertEqual(p.returncode, 2, (bad, p.stdout, p.stderr))
            self.assertIn("not an e-mail address", p.stderr)
        self.assertEqual(self.rows("badmail"), [])
        # An option without its value is a usage error, nothing is added.
        p = self.admin("user", "add", "badmail", "press", "--email",
                       input_text="a long enough password\n")
        self.assertEqual(p.returncode, 2)
        self.assertIn("usage", p.stderr)
        self.assertEqual(self.rows("badmail"), [])

    def test_two_accounts_get_different_salts(self):
        for login in ("petrov1", "petrov2"):
            p = self.admin("user", "add", login, "press", input_text="same password 123\n")
            self.assertEqual(p.returncode, 0, p.stderr)
        self.assertNotEqual(self.rows("petrov1")[0][2], self.rows("petrov2")[0][2])

    def test_short_password_is_refused(self):
        for password in ("short", "123456789", ""):
            with self.subTest(password=password):
                p = self.admin("user", "add", "shortpw", "admin", input_text=password + "\n")
                self.assertNotEqual(p.returncode, 0)
                self.assertIn("password", p.stderr)
                self.assertEqual(self.rows("shortpw"), [])
        p = self.admin("user", "add", "nopw", "admin", input_text="")
        self.assertNotEqual(p.returncode, 0)
        self.assertEqual(self.rows("nopw"), [])

    def test_unknown_role_is_refused(self):
        for role in ("root", "Admin", "", "admin "):
            with self.subTest(role=role):
                p = self.admin("user", "add", "badrole", role, input_text="long enough password\n")
                self.assertNotEqual(p.returncode, 0)
                self.assertIn("role", p.stderr)
                self.assertEqual(self.rows("badrole"), [])

    def test_bad_login_is_refused(self):
        for login in ("Ivanova", "a", "ivan ova", "иванова", "x" * 65):
            with self.subTest(login=login):
                p = self.admin("user", "add", login, "admin", input_text="long enough password\n")
                self.assertNotEqual(p.returncode, 0)
                self.assertEqual(self.rows(login), [])


class Backup(AdminCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="portal-backup-")

    def tearDown(self):
        for name in os.listdir(self.dir):
            os.unlink(os.path.join(self.dir, name))
        os.rmdir(self.dir)

    def test_backup_is_a_readable_copy(self):
        target = os.path.join(self.dir, "portal-backup.db")
        p = self.admin("backup", target)
        self.assertEqual(p.returncode, 0, p.stderr)
        # One self-contained file: no -wal or -journal left beside it to copy along.
        self.assertEqual(sorted(os.listdir(self.dir)), ["portal-backup.db"])
        conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
        try:
            self.assertEqual(conn.execute("PRAGMA integrity_check").fetchone()[0], "ok")
            for table in ("meeting", "territory", "venue", "person", "meeting_invitee", "staff_user"):
                with self.subTest(table=table):
                    self.assertEqual(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0],
                                     self.count(table))
            self.assertEqual(conn.execute("SELECT title FROM meeting WHERE id = 12").fetchone(),
                             tuple(STACK.query("SELECT title FROM meeting WHERE id = 12")[0]))
            self.assertEqual(conn.execute("PRAGMA user_version").fetchone(),
                             tuple(STACK.query("PRAGMA user_version")[0]))
        finally:
            conn.close()

    def test_backup_refuses_to_overwrite(self):
        target = os.path.join(self.dir, "existing.db")
        with open(target, "wb") as f:
            f.write(b"precious")
        p = self.admin("backup", target)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("exists", p.stderr)
        with open(target, "rb") as f:
            self.assertEqual(f.read(), b"precious")
        # Also over a backup made a moment before.
        first = os.path.join(self.dir, "first.db")
        self.assertEqual(self.admin("backup", first).returncode, 0)
        with open(first, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        self.assertNotEqual(self.admin("backup", first).returncode, 0)
        with open(first, "rb") as f:
            self.assertEqual(hashlib.sha256(f.read()).hexdigest(), digest)

    def test_backup_into_a_missing_directory_fails_cleanly(self):
        target = os.path.join(self.dir, "no-such-dir", "b.db")
        p = self.admin("backup", target)
        self.assertNotEqual(p.returncode, 0)
        self.assertFalse(os.path.exists(target))


if __name__ == "__main__":
    unittest.main()
