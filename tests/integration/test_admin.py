"""build/portal-admin on the database of a running portal: init (idempotent), user add, backup,
reindex (the search index of appeals); restore on a portal whose workers are stopped."""

import hashlib
import io
import os
import re
import shutil
import socket
import sqlite3
import stat
import subprocess
import tarfile
import tempfile
import unittest
import urllib.parse

from staff import Browser, read_passwords
from stack import ROOT, SANITIZER_MARKERS, module_stack

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
        self.assertEqual(meetings, 25)  # with the district's meeting 25

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


def store_upload(uploads, content):
    """A file as upload_store keeps it: named by the SHA-256 of its content, mode 0600."""
    name = hashlib.sha256(content).hexdigest()
    path = os.path.join(uploads, name)
    with open(path, "wb") as f:
        f.write(content)
    os.chmod(path, 0o600)
    return name


def read_backup(archive, into):
    """The members of the tar ARCHIVE by name, its portal.db extracted into the directory INTO."""
    with tarfile.open(archive) as tar:
        members = {m.name: m for m in tar.getmembers()}
        with tar.extractfile("portal.db") as src, open(os.path.join(into, "portal.db"), "wb") as dst:
            shutil.copyfileobj(src, dst)
        uploads = {name: tar.extractfile(m).read() for name, m in members.items()
                   if name.startswith("uploads/")}
    return members, uploads


class Reindex(AdminCase):
    """An appeal written without the portal's code (as after a restore of an older copy, or the
    bench's generated rows) is not in the search index until `portal-admin reindex`."""

    def found(self, browser, q):
        """The ids of the appeals the staff registry shows for the search q (page answered 200)."""
        r = browser.get("/admin/appeals?q=" + urllib.parse.quote(q))
        self.assertEqual(r.status, 200, q)
        self.assertIn("Обращения", r.text)
        return {int(x) for x in re.findall(r'href="/admin/appeals/(\d+)"', r.text)}

    def test_reindex_makes_an_unindexed_appeal_searchable(self):
        browser = Browser(STACK)
        r = browser.login("admin", read_passwords(STACK)["admin"])
        self.assertEqual(r.status, 303)
        benches = STACK.query("SELECT id FROM appeal WHERE text LIKE '%скамейки%'")
        self.assertEqual(len(benches), 1)
        STACK.execute(
            "INSERT INTO appeal (year, seq, number, code_hash, source, addressee, surname, name, "
            "territory_id, text, received_at, registered_at, status, answer_due, forward_due) "
            "VALUES (2099, 1, '2099-000001', x'00', 'mail', 'head', 'Водовозов', 'Иван', 3, "
            "'Прошу отремонтировать водокачки на Заречной улице.', unixepoch(), unixepoch(), "
            "'registered', date('now', '+30 days'), date('now', '+7 days'))")
        aid = STACK.query("SELECT id FROM appeal WHERE number = '2099-000001'")[0][0]
        # Rows written past the portal (a tool, an old backup) that the batches of the search
        # index count as done: what reindex is for.
        STACK.execute("UPDATE appeal_search_state SET indexed_up_to = ?", (aid,))
        # Before: the registry answers, finds the demo appeal, not the one the index lacks.
        self.assertEqual(self.found(browser, "скамейка"), {benches[0][0]})
        self.assertNotIn(aid, self.found(browser, "водокачка"))
        self.assertNotIn(aid, self.found(browser, "Водовозов"))
        p = self.admin("reindex")
        self.assertEqual(p.returncode, 0, p.stderr)
        total = self.count("appeal")
        self.assertRegex(p.stdout, rf"^search index of appeals rebuilt: {total} appeals in "
                                   r"\d+\.\d s\n$")
        # After: found by a word form (the Russian stemmer), the surname and the number; the
        # demo appeal still found, and only it.
        self.assertIn(aid, self.found(browser, "водокачка"))
        self.assertIn(aid, self.found(browser, "водовозов"))
        self.assertIn(aid, self.found(browser, "2099-000001"))
        self.assertEqual(self.found(browser, "скамейка"), {benches[0][0]})
        # And in the staff view of the appeal.
        r = browser.get(f"/admin/appeals/{aid}")
        self.assertEqual(r.status, 200)
        self.assertIn("водокачки на Заречной", r.text)

    def test_a_search_of_many_matches_keeps_the_registry_order(self):
        """Beyond 2,000 matches the registry is walked in its order (index appeal_registry)
        instead of sorting the matches: the page is the same — open appeals first by due date."""
        browser = Browser(STACK)
        self.assertEqual(browser.login("admin", read_passwords(STACK)["admin"]).status, 303)
        STACK.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2100) "
            "INSERT INTO appeal (year, seq, number, code_hash, source, addressee, surname, name, "
            "territory_id, text, received_at, registered_at, status, answer_due, forward_due) "
            "SELECT 2098, i, printf('2098-%06d', i), x'00', 'mail', 'head', 'Прудов', 'Иван', 3, "
            "'Кувшинки в пруду № ' || i, unixepoch(), unixepoch(), "
            "CASE i % 7 WHEN 0 THEN 'in_work' WHEN 1 THEN 'registered' ELSE 'answered' END, "
            "date('2030-01-01', '+' || ((i * 37) % 500) || ' days'), '2030-01-01' FROM n")
        self.assertEqual(self.admin("reindex").returncode, 0)

        def shown(path):
            r = browser.get(path)
            self.assertEqual(r.status, 200, path)
            ids = []
            for x in re.findall(r'href="/admin/appeals/(\d+)"', r.text):
                if int(x) not in ids:
                    ids.append(int(x))
            return ids

        order = ("ORDER BY status IN ('registered', 'in_work') DESC, answer_due, id LIMIT 100")
        want = [r[0] for r in STACK.query(
            f"SELECT id FROM appeal WHERE year = 2098 {order}")]
        self.assertEqual(shown("/admin/appeals?q=" + urllib.parse.quote("кувшинка")), want)
        want = [r[0] for r in STACK.query(
            f"SELECT id FROM appeal WHERE year = 2098 AND status = 'in_work' {order}")]
        self.assertEqual(len(want), 100)
        self.assertEqual(shown("/admin/appeals?status=in_work&q=" +
                               urllib.parse.quote("кувшинки")), want)
        # A few of them (one number) still found through the search index.
        aid = STACK.query("SELECT id FROM appeal WHERE number = '2098-000700'")[0][0]
        self.assertEqual(shown("/admin/appeals?q=2098-000700"), [aid])

    def test_reindex_takes_no_arguments(self):
        p = self.admin("reindex", "now")
        self.assertEqual(p.returncode, 2)
        self.assertIn("reindex", p.stderr)


class Backup(AdminCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="portal-backup-")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_backup_holds_the_database_and_the_uploads(self):
        uploads = os.path.join(STACK.data, "uploads")
        content = "Скан письма жителя\n".encode()
        name = store_upload(uploads, content)
        self.addCleanup(os.unlink, os.path.join(uploads, name))
        target = os.path.join(self.dir, "portal-backup.tar")
        p = self.admin("backup", target)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(f"backup written to {target}", p.stdout)
        # One file, readable by its owner only (personal data): no temporary copy left beside it.
        self.assertEqual(sorted(os.listdir(self.dir)), ["portal-backup.tar"])
        self.assertEqual(stat.S_IMODE(os.stat(target).st_mode), 0o600)
        extracted = os.path.join(self.dir, "x")
        os.mkdir(extracted)
        members, files = read_backup(target, extracted)
        self.assertEqual(files[f"uploads/{name}"], content)
        self.assertEqual(sorted(n for n in members if not n.startswith("uploads/")), ["portal.db"])
        self.assertEqual(sorted(files), sorted(f"uploads/{n}" for n in os.listdir(uploads)
                                               if not n.startswith(".")))
        # The database copy is self-contained and whole.
        conn = sqlite3.connect(f"file:{os.path.join(extracted, 'portal.db')}?mode=ro", uri=True)
        try:
            self.assertEqual(conn.execute("PRAGMA integrity_check").fetchone()[0], "ok")
            self.assertEqual(conn.execute("PRAGMA journal_mode").fetchone()[0], "delete")
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
        target = os.path.join(self.dir, "existing.tar")
        with open(target, "wb") as f:
            f.write(b"precious")
        p = self.admin("backup", target)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("exists", p.stderr)
        with open(target, "rb") as f:
            self.assertEqual(f.read(), b"precious")
        # Also over a backup made a moment before.
        first = os.path.join(self.dir, "first.tar")
        self.assertEqual(self.admin("backup", first).returncode, 0)
        with open(first, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        self.assertNotEqual(self.admin("backup", first).returncode, 0)
        with open(first, "rb") as f:
            self.assertEqual(hashlib.sha256(f.read()).hexdigest(), digest)

    def test_backup_into_a_missing_directory_fails_cleanly(self):
        target = os.path.join(self.dir, "no-such-dir", "b.tar")
        p = self.admin("backup", target)
        self.assertNotEqual(p.returncode, 0)
        self.assertFalse(os.path.exists(target))

    def test_restore_is_refused_while_the_workers_run(self):
        target = os.path.join(self.dir, "b.tar")
        self.assertEqual(self.admin("backup", target).returncode, 0)
        title = STACK.query("SELECT title FROM meeting WHERE id = 12")[0][0]
        STACK.execute("UPDATE meeting SET title = 'Изменено после резервной копии' WHERE id = 12")
        self.addCleanup(STACK.execute, "UPDATE meeting SET title = ? WHERE id = 12", (title,))
        p = self.admin("restore", target)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("workers are running", p.stderr)
        # Nothing was replaced: the site answers from the same database, with the change.
        self.assertFalse(os.path.exists(os.path.join(STACK.data, "portal.db.before-restore")))
        page = STACK.get("/meetings/12")
        self.assertEqual(page.status, 200)
        self.assertIn("Изменено после резервной копии", page.text)


class Restore(unittest.TestCase):
    """portal-admin restore on a portal whose workers are stopped (its own data directory)."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="portal-restore-")
        self.addCleanup(shutil.rmtree, self.dir)
        self.conf = os.path.join(self.dir, "portal.ini")
        with open(os.path.join(ROOT, "conf", "portal.ini"), encoding="utf-8") as f:
            text = f.read()
        with open(self.conf, "w", encoding="utf-8") as f:
            f.write(text.replace("socket = run/portal.sock", "socket = portal.sock"))
        self.socket = os.path.join(self.dir, "portal.sock")
        self.bin = os.environ.get("PORTAL_BIN", os.path.join(ROOT, "build"))
        p = self.admin("init", "--demo")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.uploads = os.path.join(self.dir, "uploads")

    def admin(self, *args):
        p = subprocess.run([os.path.join(self.bin, "portal-admin"), "-c", self.conf, *args],
                           capture_output=True, text=True, timeout=60)
        for marker in SANITIZER_MARKERS:
            self.assertNotIn(marker, p.stderr)
        return p

    def query(self, sql):
        conn = sqlite3.connect(os.path.join(self.dir, "portal.db"))
        try:
            return conn.execute(sql).fetchall()
        finally:
            conn.close()

    def test_restore_puts_the_database_and_the_uploads_back(self):
        kept = store_upload(self.uploads, b"%PDF-1.4 scan of a written appeal")
        target = os.path.join(self.dir, "b.tar")
        self.assertEqual(self.admin("backup", target).returncode, 0)
        meetings = self.query("SELECT count(*) FROM meeting")[0][0]
        # After the backup: a meeting deleted, the attached file lost, another file stored.
        conn = sqlite3.connect(os.path.join(self.dir, "portal.db"))
        conn.execute("DELETE FROM meeting_invitee WHERE meeting_id = 20")
        conn.execute("DELETE FROM meeting WHERE id = 20")
        conn.commit()
        conn.close()
        os.unlink(os.path.join(self.uploads, kept))
        later = store_upload(self.uploads, b"a file stored after the backup")

        p = self.admin("restore", target)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("restored", p.stdout)
        self.assertEqual(self.query("SELECT count(*) FROM meeting")[0][0], meetings)
        self.assertEqual(self.query("SELECT count(*) FROM meeting WHERE id = 20")[0][0], 1)
        self.assertEqual(self.query("PRAGMA integrity_check")[0][0], "ok")
        with open(os.path.join(self.uploads, kept), "rb") as f:
            self.assertEqual(f.read(), b"%PDF-1.4 scan of a written appeal")
        self.assertEqual(stat.S_IMODE(os.stat(os.path.join(self.uploads, kept)).st_mode), 0o600)
        self.assertTrue(os.path.exists(os.path.join(self.uploads, later)))  # content-addressed
        self.assertEqual([n for n in os.listdir(self.uploads) if n.startswith(".")], [])
        # The database it replaced is kept, with the change made after the backup.
        before = sqlite3.connect(os.path.join(self.dir, "portal.db.before-restore"))
        try:
            self.assertEqual(before.execute("SELECT count(*) FROM meeting WHERE id = 20")
                             .fetchone()[0], 0)
        finally:
            before.close()
        # And the restored database is the portal's again: init finds nothing to do.
        p = self.admin("init")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("(0 migrations applied)", p.stdout)

    def test_restore_onto_a_server_without_the_uploads_directory(self):
        kept = store_upload(self.uploads, b"a scan kept in the backup")
        target = os.path.join(self.dir, "b.tar")
        self.assertEqual(self.admin("backup", target).returncode, 0)
        shutil.rmtree(self.uploads)  # a new server: only the backup is left of the files
        p = self.admin("restore", target)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(stat.S_IMODE(os.stat(self.uploads).st_mode), 0o700)
        with open(os.path.join(self.uploads, kept), "rb") as f:
            self.assertEqual(f.read(), b"a scan kept in the backup")
        self.assertEqual(self.query("SELECT count(*) FROM meeting")[0][0], 25)

    def test_restore_is_refused_while_something_answers_on_the_socket(self):
        target = os.path.join(self.dir, "b.tar")
        self.assertEqual(self.admin("backup", target).returncode, 0)
        with socket.socket(socket.AF_UNIX) as listener:
            listener.bind(self.socket)
            listener.listen(4)
            p = self.admin("restore", target)
        self.assertEqual(p.returncode, 1)
        self.assertIn("workers are running", p.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "portal.db.before-restore")))
        # A socket left behind by workers that died does not count: nobody answers on it.
        p = self.admin("restore", target)
        self.assertEqual(p.returncode, 0, p.stderr)

    def test_restore_refuses_what_is_not_a_backup(self):
        meetings = self.query("SELECT count(*) FROM meeting")[0][0]
        cases = {}
        evil = os.path.join(self.dir, "evil.tar")
        with tarfile.open(evil, "w") as tar:
            data = b"x"
            info = tarfile.TarInfo("../escaped")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        cases["a path outside"] = evil
        no_db = os.path.join(self.dir, "nodb.tar")
        with tarfile.open(no_db, "w") as tar:
            info = tarfile.TarInfo("uploads/" + "a" * 64)
            info.size = 1
            tar.addfile(info, io.BytesIO(b"y"))
        cases["no database"] = no_db
        damaged = os.path.join(self.dir, "damaged.tar")
        with tarfile.open(damaged, "w") as tar:
            data = b"SQLite format 3\0" + b"\xff" * 4000
            info = tarfile.TarInfo("portal.db")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        cases["a damaged database"] = damaged
        text = os.path.join(self.dir, "text.tar")
        with open(text, "w") as f:
            f.write("not an archive\n")
        cases["not an archive"] = text
        for what, path in cases.items():
            with self.subTest(what=what):
                p = self.admin("restore", path)
                self.assertEqual(p.returncode, 1, p.stdout)
                self.assertTrue(p.stderr.strip())
                self.assertEqual(self.query("SELECT count(*) FROM meeting")[0][0], meetings)
                self.assertFalse(os.path.exists(os.path.join(self.dir, "escaped")))
                self.assertFalse(os.path.exists(os.path.join(self.dir, "portal.db.before-restore")))
                self.assertEqual([n for n in os.listdir(self.dir) if ".restore-" in n], [])


if __name__ == "__main__":
    unittest.main()
