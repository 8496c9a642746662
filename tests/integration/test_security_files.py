"""Who may read the portal's files (issue 21, items 23 and 24): the database, its WAL and
shared memory, backups, attached files and their directory, the configuration and the FastCGI
socket belong to the portal's user alone; and the stack started from a private (0700) directory,
as a clone in /root is, serves its pages and static files instead of 403."""

import os
import shutil
import stat
import tempfile
import unittest

import helpers
from stack import ROOT, Stack


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def send_appeal(stack, surname):
    body, ctype = helpers.multipart({
        "addressee": "head", "surname": surname, "name": "Иван", "email": "p@residents.example",
        "text": "Прошу починить фонарь у дома 3.", "consent": "yes"},
        [("attachment", "скан.pdf", helpers.PDF, "application/pdf")])
    r = stack.request("POST", "/appeals", body=body, headers={"Content-Type": ctype})
    assert r.status == 303, (r.status, r.text[-600:])


class FileModesTest(unittest.TestCase):
    def test_database_wal_uploads_backups_and_socket_are_private(self):
        old_umask = os.umask(0o022)  # what a shell usually has: the programs must not rely on it
        try:
            # An appeal with a file from the form as it was before sign-in (identification =
            # none): the file's mode is what is checked here.
            with Stack(settings={("appeals", "identification"): "none"}) as stack:
                send_appeal(stack, "Приватов")
                self.assertEqual(stack.query("SELECT count(*) FROM appeal_file f JOIN appeal a "
                                             "ON a.id = f.appeal_id WHERE a.surname = 'Приватов'"),
                                 [(1,)])
                db = os.path.join(stack.data, "portal.db")
                for path in (db, db + "-wal", db + "-shm", stack.conf):
                    self.assertTrue(os.path.exists(path), path)
                    self.assertEqual(mode(path), 0o600, path)
                uploads = os.path.join(stack.data, "uploads")
                self.assertEqual(mode(uploads), 0o700)
                stored = [os.path.join(uploads, n) for n in os.listdir(uploads)]
                self.assertTrue(stored)
                for path in stored:
                    self.assertEqual(mode(path), 0o600, path)
                # The socket: the portal's user and group only, in a directory only it enters.
                sock = os.stat(stack.socket_path)
                self.assertTrue(stat.S_ISSOCK(sock.st_mode))
                self.assertEqual(stat.S_IMODE(sock.st_mode), 0o660)
                self.assertEqual(sock.st_uid, os.geteuid())
                self.assertEqual(mode(os.path.dirname(stack.socket_path)), 0o700)
                self.assertEqual(mode(stack.data), 0o700)
                # A backup is 0600 from its first byte.
                backup = os.path.join(stack.dir, "backup.db")
                r = stack.admin("backup", backup)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(mode(backup), 0o600)
                # A database an older version left 0644 is closed on the next open.
                os.chmod(db, 0o644)
                r = stack.admin("backup", os.path.join(stack.dir, "second.db"))
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(mode(db), 0o600)
                # And the site still answers with its data.
                self.assertEqual(stack.get("/healthz").status, 200)
        finally:
            os.umask(old_umask)

    def test_an_uploads_directory_left_open_is_closed_by_init(self):
        with Stack() as stack:
            send_appeal(stack, "Открытов")
            uploads = os.path.join(stack.data, "uploads")
            os.chmod(uploads, 0o755)
            for name in os.listdir(uploads):
                os.chmod(os.path.join(uploads, name), 0o644)
            r = stack.admin("init")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(mode(uploads), 0o700)
            for name in os.listdir(uploads):
                self.assertEqual(mode(os.path.join(uploads, name)), 0o600, name)


class PrivateDirectoryTest(unittest.TestCase):
    """The project cloned into a directory only its owner may enter (Debian's /root is 0700)."""

    def test_the_stack_serves_pages_and_static_files_from_a_private_directory(self):
        private = tempfile.mkdtemp(prefix="portal-private-")
        try:
            os.chmod(private, 0o700)
            clone = os.path.join(private, "portal")
            os.mkdir(clone)
            for part in ("static", "templates", "sql", "conf", "src/scripts"):
                shutil.copytree(os.path.join(ROOT, part), os.path.join(clone, part))
            settings = {("server", "templates"): os.path.join(clone, "templates"),
                        ("server", "static"): os.path.join(clone, "static"),
                        ("server", "sql"): os.path.join(clone, "sql")}
            stack = Stack(settings=settings, root=clone, parent_dir=private)
            with stack:
                home = stack.get("/")
                self.assertEqual(home.status, 200)
                self.assertIn("Зеленоборск", home.text)
                css = stack.get("/static/style.css")
                self.assertEqual(css.status, 200)
                with open(os.path.join(clone, "static/style.css"), "rb") as f:
                    self.assertEqual(css.body, f.read())
                form = stack.get("/subscribe")
                self.assertEqual(form.status, 200)
                self.assertIn("Подписка", form.text)
        finally:
            shutil.rmtree(private, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
