"""test_package.py — the Debian package on this machine: `make deb`, lintian, installation, the
installed programs started from the installed files and configuration behind nginx on a loopback
port, an upgrade to a newer version with a new migration, an upgrade whose migration fails, and
purge. Runs as root (tests/run.py --deb, in `make test`) and leaves the machine as it found it:
the package purged, and what purge keeps on purpose (the portal user, /var/backups/portal)
removed, even when a step fails. The system nginx is never touched: the test runs its own nginx
on a free port with a configuration that includes the installed site."""

import fcntl
import grp
import os
import pwd
import re
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))

from stack import Stack, free_port  # noqa: E402
from staff import Browser  # noqa: E402

CONF = "/etc/portal/portal.ini"
DATABASE = "/var/lib/portal/portal.db"
UPLOADS = "/var/lib/portal/uploads"
BACKUPS = "/var/backups/portal"
SITE = "/etc/nginx/sites-available/portal"
UNIT = "/lib/systemd/system/portal.service"
SOCKET = "/run/portal/portal.sock"
LOCK = "/run/lock/portal-deb-test.lock"
PASSWORD = "проверка пакета 2026"
SYSTEMD = os.path.isdir("/run/systemd/system")  # systemd is PID 1: the package starts the units


def run(args, check=True, timeout=600, **kwargs):
    """Run ARGS, output captured as text; a failure (when CHECK) shows what it printed."""
    p = subprocess.run(args, capture_output=True, text=True, timeout=timeout, **kwargs)
    if check and p.returncode != 0:
        raise AssertionError(f"{' '.join(args)} exited {p.returncode}:\n{p.stdout[-4000:]}\n"
                             f"{p.stderr[-4000:]}")
    return p


def apt_install(deb, check=True):
    """apt-get install ./DEB as an administrator would (no recommends, nothing asked)."""
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    return run(["apt-get", "install", "-y", "-q", "--no-install-recommends", "--allow-downgrades",
                "-o", "DPkg::Lock::Timeout=300", deb], check=check, env=env)


def package_status():
    """dpkg's status and version of the portal package ("" when it is not known)."""
    p = run(["dpkg-query", "-W", "-f=${Status} ${Version}", "portal"], check=False)
    return p.stdout.strip() if p.returncode == 0 else ""


def wait_for(condition, what, seconds=30):
    """Wait until CONDITION() is true, at most SECONDS; fail naming WHAT."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def query(sql, params=()):
    conn = sqlite3.connect(f"file:{DATABASE}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def unit_settings(name):
    """The settings of the installed unit NAME: {key: [values in order]}."""
    settings = {}
    with open(os.path.join("/lib/systemd/system", name), encoding="utf-8") as f:
        for line in f:
            if "=" in line and not line.startswith(("#", ";", "[")):
                key, value = line.rstrip("\n").split("=", 1)
                settings.setdefault(key, []).append(value)
    return settings


def run_oneshot(name):
    """Run the installed oneshot service NAME as systemd would: each ExecStart and ExecStartPost
    (its %% and $$ unescaped, split as systemd does) as its User and Group with its UMask, the
    output appended to its StandardOutput file. The exit status of ExecStart."""
    unit = unit_settings(name)
    log_path = unit["StandardOutput"][0].removeprefix("append:")
    status = None
    for key in ("ExecStart", "ExecStartPost"):
        for command in unit.get(key, []):
            args = shlex.split(command.replace("%%", "%").replace("$$", "$"))
            with open(log_path, "ab") as log:
                p = subprocess.run(args, user=unit["User"][0], group=unit["Group"][0],
                                   extra_groups=[], umask=int(unit["UMask"][0], 8),
                                   stdout=log, stderr=subprocess.STDOUT, timeout=120)
            if key == "ExecStart":
                status = p.returncode
            else:
                assert p.returncode == 0, (command, p.returncode)
    return status


def repack(deb, out, version, migrations):
    """A newer package made from DEB: the same files, version VERSION, and the extra migration
    files MIGRATIONS ({file name: SQL}) in /usr/share/portal/sql (md5sums kept true)."""
    tree = out + ".tree"
    run(["dpkg-deb", "-R", deb, tree])
    sql_dir = os.path.join(tree, "usr/share/portal/sql")
    with open(os.path.join(tree, "DEBIAN/md5sums"), "a", encoding="utf-8") as sums:
        for name, text in migrations.items():
            path = os.path.join(sql_dir, name)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            digest = run(["md5sum", path]).stdout.split()[0]
            sums.write(f"{digest}  usr/share/portal/sql/{name}\n")
    control = os.path.join(tree, "DEBIAN/control")
    with open(control, encoding="utf-8") as f:
        text = f.read()
    with open(control, "w", encoding="utf-8") as f:
        f.write(re.sub(r"^Version: .*$", f"Version: {version}", text, flags=re.M))
    run(["dpkg-deb", "--root-owner-group", "-b", tree, out])
    shutil.rmtree(tree)
    return out


class Package(unittest.TestCase):
    """The steps run in the order of their names and build on each other."""

    lock = None
    work = None
    deb = None
    workers = None
    nginx = None
    stack = None

    @classmethod
    def setUpClass(cls):
        if os.geteuid() != 0:
            raise unittest.SkipTest("the package test installs a package: run it as root")
        # One package test at a time on a machine (other developers run `make test` too).
        cls.lock = open(LOCK, "w")
        fcntl.flock(cls.lock, fcntl.LOCK_EX)
        if package_status():
            cls.lock.close()
            raise AssertionError(f"the portal package is on this machine ({package_status()}); "
                                 "the test would replace it: remove it first")
        cls.work = tempfile.mkdtemp(prefix="portal-deb-")
        os.chmod(cls.work, 0o755)  # nginx's workers (www-data) read the site from here

    @classmethod
    def tearDownClass(cls):
        try:
            cls.stop_programs()
            if package_status():
                p = run(["dpkg", "--purge", "portal"], check=False)
                if p.returncode != 0:
                    run(["dpkg", "--purge", "--force-remove-reinstreq", "portal"], check=False)
            # What purge keeps on purpose (Debian keeps system users; backups are the
            # administrator's to delete): removed here, to leave the machine as it was.
            shutil.rmtree(BACKUPS, ignore_errors=True)
            if run(["getent", "passwd", "portal"], check=False).returncode == 0:
                run(["deluser", "--quiet", "--system", "portal"], check=False)
            if run(["getent", "group", "portal"], check=False).returncode == 0:
                run(["delgroup", "--quiet", "--system", "portal"], check=False)
        finally:
            if cls.work:
                shutil.rmtree(cls.work, ignore_errors=True)
            if cls.lock:
                cls.lock.close()

    # ---- the installed programs behind a private nginx ------------------------------------------
    @classmethod
    def start_programs(cls):
        """The workers as portal.service runs them (its ExecStart, User, Group and runtime
        directory, read from the installed unit), unless systemd runs them already; then an
        nginx of the test's own on a free port, with the installed site included."""
        if SYSTEMD:
            run(["systemctl", "restart", "portal.service"])  # it reads portal.ini at start
        else:
            unit = {}
            with open(UNIT, encoding="utf-8") as f:
                for line in f:
                    if "=" in line and not line.startswith("#"):
                        key, value = line.rstrip("\n").split("=", 1)
                        unit[key] = value
            run_dir = os.path.join("/run", unit["RuntimeDirectory"])
            os.makedirs(run_dir, exist_ok=True)
            os.chmod(run_dir, int(unit["RuntimeDirectoryMode"], 8))
            os.chown(run_dir, pwd.getpwnam(unit["User"]).pw_uid, grp.getgrnam(unit["Group"]).gr_gid)
            cls.workers = subprocess.Popen(unit["ExecStart"].split(), user=unit["User"],
                                           group=unit["Group"],
                                           extra_groups=unit.get("SupplementaryGroups", "").split(),
                                           umask=int(unit.get("UMask", "0022"), 8),
                                           stdout=open(os.path.join(cls.work, "workers.log"), "ab"),
                                           stderr=subprocess.STDOUT, start_new_session=True)
        wait_for(lambda: os.path.exists(SOCKET) or (cls.workers and cls.workers.poll() is not None),
                 "the workers' socket")
        if cls.workers and cls.workers.poll() is not None:
            raise AssertionError("the installed workers exited:\n" + cls.log("workers.log"))

        port = free_port()
        with open(SITE, encoding="utf-8") as f:
            site = f.read()
        # The installed site as it is, but on the test's port instead of 80.
        site, listens = re.subn(r"^(\s*)listen 80;$", rf"\g<1>listen 127.0.0.1:{port};", site,
                                flags=re.M)
        assert listens == 1, site
        nginx_dir = os.path.join(cls.work, "nginx")
        os.makedirs(nginx_dir, exist_ok=True)
        with open(os.path.join(nginx_dir, "site.conf"), "w", encoding="utf-8") as f:
            f.write(site)
        with open(os.path.join(nginx_dir, "nginx.conf"), "w", encoding="utf-8") as f:
            f.write(f"""user www-data;
daemon off;
worker_processes 1;
pid {nginx_dir}/nginx.pid;
error_log {nginx_dir}/error.log warn;
events {{ worker_connections 64; }}
http {{
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log {nginx_dir}/access.log;
	client_body_temp_path {nginx_dir}/client_body;
	proxy_temp_path {nginx_dir}/proxy;
	fastcgi_temp_path {nginx_dir}/fastcgi;
	uwsgi_temp_path {nginx_dir}/uwsgi;
	scgi_temp_path {nginx_dir}/scgi;
	include {nginx_dir}/site.conf;
}}
""")
        cls.nginx = subprocess.Popen(["nginx", "-p", nginx_dir, "-e", f"{nginx_dir}/error.log",
                                      "-c", f"{nginx_dir}/nginx.conf"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     start_new_session=True)
        cls.stack = Stack()
        cls.stack.port, cls.stack.data = port, "/var/lib/portal"

        def answers():
            try:
                return cls.stack.get("/healthz").status == 200
            except OSError:
                return False
        wait_for(lambda: answers() or cls.nginx.poll() is not None, "/healthz through nginx")
        if cls.nginx.poll() is not None:
            raise AssertionError("nginx exited:\n" + cls.log("nginx/error.log"))

    @classmethod
    def stop_programs(cls):
        """nginx, then the workers, as systemd would stop portal.service (SIGTERM)."""
        for proc, sig in ((cls.nginx, signal.SIGQUIT), (cls.workers, signal.SIGTERM)):
            if proc is not None and proc.poll() is None:
                proc.send_signal(sig)
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
        cls.nginx = cls.workers = None

    @classmethod
    def log(cls, name):
        try:
            with open(os.path.join(cls.work, name), encoding="utf-8", errors="replace") as f:
                return f.read()[-4000:]
        except OSError:
            return ""

    # ---- the steps -----------------------------------------------------------------------------
    def test_1_build_and_lintian(self):
        build = os.path.join(self.work, "build")
        p = run(["make", "-C", ROOT, "--no-print-directory", f"BUILD={build}", "deb"], timeout=1200)
        version = run(["dpkg-parsechangelog", "-l", os.path.join(ROOT, "debian/changelog"),
                       "-S", "Version"]).stdout.strip()
        arch = run(["dpkg", "--print-architecture"]).stdout.strip()
        deb = os.path.join(build, f"portal_{version}_{arch}.deb")
        self.assertIn(f"make deb: {deb}", p.stdout)
        self.assertTrue(os.path.isfile(deb))
        type(self).deb, type(self).version = deb, version
        fields = run(["dpkg-deb", "-f", deb, "Package", "Version", "Depends"]).stdout
        self.assertIn(f"Version: {version}", fields)
        for dependency in ("nginx", "adduser", "ucf", "libsqlite3-0", "libfcgi0ldbl", "libarchive13"):
            self.assertRegex(fields, rf"\b{dependency}\b")
        files = run(["dpkg-deb", "-c", deb]).stdout
        for path in ("./usr/sbin/portal", "./usr/sbin/portal-admin", "./usr/sbin/portal-notify",
                     "./usr/sbin/portal-nginx-site", "./etc/portal/portal.ini",
                     "./lib/systemd/system/portal.service", "./lib/systemd/system/portal-notify.timer",
                     "./lib/systemd/system/portal-backup.timer", "./etc/logrotate.d/portal",
                     "./usr/share/portal/templates/", "./usr/share/portal/sql/001_schema.sql",
                     "./usr/share/man/man8/portal-admin.8.gz"):
            with self.subTest(path=path):
                self.assertIn(path, files)
        # lintian: no errors (what it still warns about is in the notes, with why).
        changes = os.path.join(build, "deb", f"portal_{version}_{arch}.changes")
        p = run(["lintian", "--fail-on", "error", changes], check=False)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertNotRegex(p.stdout, r"(?m)^E: ")

    def test_2_install(self):
        self.assertIsNotNone(self.deb, "no package was built")
        p = apt_install(self.deb)
        self.assertEqual(package_status(), f"install ok installed {self.version}")
        # The postinst says how to enable the site and how to add the first account.
        self.assertIn("portal-nginx-site --enable", p.stdout)
        self.assertIn("portal-admin user add LOGIN admin", p.stdout)
        user = pwd.getpwnam("portal")
        self.assertLess(user.pw_uid, 1000)  # a system user
        self.assertIn(user.pw_shell, ("/usr/sbin/nologin", "/bin/false"))
        for path, mode, owner in (("/var/lib/portal", 0o700, "portal"), (UPLOADS, 0o700, "portal"),
                                  (DATABASE, 0o600, "portal"), (CONF, 0o640, "root"),
                                  (BACKUPS, 0o700, "portal")):
            with self.subTest(path=path):
                st = os.stat(path)
                self.assertEqual(oct(st.st_mode & 0o777), oct(mode))
                self.assertEqual(pwd.getpwuid(st.st_uid).pw_name, owner)
        self.assertEqual(grp.getgrgid(os.stat(CONF).st_gid).gr_name, "portal")
        # portal.ini is a conffile, with the paths of the package.
        conffiles = run(["dpkg-query", "-W", "-f=${Conffiles}", "portal"]).stdout
        self.assertIn(CONF, conffiles)
        with open(CONF, encoding="utf-8") as f:
            ini = f.read()
        self.assertIn("path = /var/lib/portal/portal.db", ini)
        self.assertIn(f"socket = {SOCKET}", ini)
        # portal-admin init ran: the schema is at the newest migration, and no demo data.
        latest = max(int(n[:3]) for n in os.listdir("/usr/share/portal/sql") if n[:3].isdigit())
        self.assertEqual(query("PRAGMA user_version")[0][0], latest)
        self.assertEqual(query("SELECT count(*) FROM meeting")[0][0], 0)
        type(self).latest = latest
        # The site, rendered for the host of site_url; not enabled (the administrator does that).
        with open(SITE, encoding="utf-8") as f:
            site = f.read()
        self.assertIn("server_name zelenoborsk.example;", site)
        self.assertIn(f"server unix:{SOCKET};", site)
        self.assertIn("alias /usr/share/portal/static/;", site)
        self.assertFalse(os.path.lexists("/etc/nginx/sites-enabled/portal"))
        # Timers for the notifier and the backup, enabled (they run once systemd does).
        for timer in ("portal-notify.timer", "portal-backup.timer"):
            with self.subTest(timer=timer):
                self.assertTrue(os.path.islink(f"/etc/systemd/system/timers.target.wants/{timer}"))
        self.assertTrue(os.path.islink("/etc/systemd/system/multi-user.target.wants/portal.service"))
        # The units as systemd reads them: no complaint but about manual pages where man-db
        # cannot look them up.
        units = [os.path.join("/lib/systemd/system", u) for u in (
            "portal.service", "portal-notify.service", "portal-notify.timer",
            "portal-backup.service", "portal-backup.timer")]
        p = run(["systemd-analyze", "verify", *units], check=False)
        complaints = [line for line in (p.stdout + p.stderr).splitlines()
                      if line.strip() and not re.search(r"Command 'man .*' failed", line)]
        self.assertEqual(complaints, [])
        self.assertEqual(p.returncode, 0)

    def test_3_edit_the_configuration_and_serve(self):
        self.assertEqual(package_status(), f"install ok installed {self.version}")
        # "Edit one file": the municipality and its site's address; then render the site again.
        with open(CONF, encoding="utf-8") as f:
            ini = f.read()
        with open(SITE, encoding="utf-8") as f:
            rendered = f.read()
        # What is not a host name never reaches nginx's configuration.
        with open(CONF, "w", encoding="utf-8") as f:
            f.write(ini.replace("site_url = https://zelenoborsk.example",
                                "site_url = https://x; include /etc/shadow", 1))
        p = run(["portal-nginx-site"], check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("has no host name", p.stderr)
        with open(SITE, encoding="utf-8") as f:
            self.assertEqual(f.read(), rendered)
        ini = ini.replace("name = Зеленоборск", "name = Тестовоборск", 1)
        ini = ini.replace("site_url = https://zelenoborsk.example",
                          "site_url = https://vstrechi.testovoborsk.example", 1)
        with open(CONF, "w", encoding="utf-8") as f:
            f.write(ini)
        p = run(["portal-nginx-site"])
        self.assertIn("http://vstrechi.testovoborsk.example/", p.stdout)
        with open(SITE, encoding="utf-8") as f:
            site = f.read()
        self.assertIn("server_name vstrechi.testovoborsk.example;", site)
        # Every placeholder of conf/nginx-site.conf.in is filled, the security limits included.
        self.assertNotRegex(site, r"@[A-Z_]+@")
        self.assertIn("limit_conn portal_conn 64;", site)
        self.assertIn("client_header_timeout 10s;", site)
        # The access log is the site's own and buffered (issue 22: a write per request was a
        # tenth of nginx's work on a proxied page).
        self.assertIn("access_log /var/log/nginx/portal.access.log combined buffer=64k "
                      "flush=1s;", site)

        # A staff account and an attached file: the data that must survive the upgrades.
        # Without -c: the installed programs read /etc/portal/portal.ini (as the postinst says).
        p = run(["portal-admin", "user", "add", "keeper", "admin", "--email",
                 "keeper@testovoborsk.example"], input=PASSWORD + "\n", cwd="/")
        self.assertIn("user keeper added", p.stdout)
        upload = os.path.join(UPLOADS, "a" * 64)
        with open(upload, "wb") as f:
            f.write(b"%PDF-1.4 an attached file")
        os.chown(upload, pwd.getpwnam("portal").pw_uid, grp.getgrnam("portal").gr_gid)
        # portal-admin run as root worked as the portal user: nothing of root's in /var/lib/portal.
        for name in os.listdir("/var/lib/portal"):
            with self.subTest(name=name):
                owner = pwd.getpwuid(os.stat(os.path.join("/var/lib/portal", name)).st_uid).pw_name
                self.assertEqual(owner, "portal")

        self.start_programs()
        health = self.stack.get("/healthz")
        self.assertEqual(health.status, 200)
        home = self.stack.get("/")
        self.assertEqual(home.status, 200)
        self.assertIn("Тестовоборск", home.text)
        self.assertEqual(self.stack.get("/static/style.css").status, 200)  # nginx, from the package
        browser = Browser(self.stack)
        self.assertEqual(browser.login("keeper", PASSWORD).status, 303)
        self.assertEqual(browser.get("/admin").status, 200)

    def test_3a_the_timers_services(self):
        self.assertEqual(package_status(), f"install ok installed {self.version}")
        # The nightly backup: a new tar with the database and the uploads; older backups than
        # 14 days deleted, pre-upgrade ones kept.
        old = os.path.join(BACKUPS, "portal-2000-01-01-023000.tar")
        kept = os.path.join(BACKUPS, "pre-upgrade-0.9-20000101-023000.tar")
        for path in (old, kept):
            with open(path, "wb") as f:
                f.write(b"an old backup")
            os.utime(path, (time.time() - 20 * 86400,) * 2)
        before = set(os.listdir(BACKUPS))
        self.assertEqual(run_oneshot("portal-backup.service"), 0)
        made = sorted(set(os.listdir(BACKUPS)) - before)
        self.assertEqual(len(made), 1, made)
        self.assertRegex(made[0], r"^portal-\d{4}-\d\d-\d\d-\d{6}\.tar$")
        backup = os.path.join(BACKUPS, made[0])
        self.assertEqual(pwd.getpwuid(os.stat(backup).st_uid).pw_name, "portal")
        self.assertEqual(os.stat(backup).st_mode & 0o777, 0o600)
        with tarfile.open(backup) as tar:
            self.assertIn("portal.db", tar.getnames())
            self.assertEqual(tar.extractfile("uploads/" + "a" * 64).read(),
                             b"%PDF-1.4 an attached file")
        self.assertFalse(os.path.exists(old))
        self.assertTrue(os.path.exists(kept))
        os.unlink(kept)
        with open("/var/log/portal/backup.log", encoding="utf-8") as f:
            self.assertIn(f"backup written to {backup}", f.read())
        # The notifier runs as the portal user on the installed database (empty: nothing to
        # publish or deliver, so mail not being configured yet is no failure).
        self.assertEqual(run_oneshot("portal-notify.service"), 0)
        with open("/var/log/portal/notify.log", encoding="utf-8") as f:
            self.assertRegex(f.read(), r"portal-notify .*: published 0 .*delivered 0")
        for name in os.listdir("/var/lib/portal"):
            with self.subTest(name=name):
                owner = pwd.getpwuid(os.stat(os.path.join("/var/lib/portal", name)).st_uid).pw_name
                self.assertEqual(owner, "portal")

    def test_4_upgrade_with_a_new_migration(self):
        self.assertEqual(package_status(), f"install ok installed {self.version}")
        n = self.latest + 1
        newer = f"{self.version}+upgradetest1"
        type(self).newer_migration = (f"{n:03d}_test_upgrade.sql",
                                      "CREATE TABLE upgrade_probe (id INTEGER PRIMARY KEY, "
                                      "note TEXT NOT NULL);\n"
                                      "INSERT INTO upgrade_probe (note) VALUES ('применена');\n")
        deb = repack(self.deb, os.path.join(self.work, f"portal_{newer}.deb"), newer,
                     dict([self.newer_migration]))
        type(self).newer, type(self).newer_deb = newer, deb
        self.stop_programs()  # what the package's preinst has systemd do on an upgrade
        p = apt_install(deb)
        self.assertEqual(package_status(), f"install ok installed {newer}")
        self.assertIn("backing up the database and the uploads", p.stdout)
        # Migrated, the data kept, the edited configuration kept.
        self.assertEqual(query("PRAGMA user_version")[0][0], n)
        self.assertEqual(query("SELECT note FROM upgrade_probe"), [("применена",)])
        self.assertEqual(query("SELECT role, email FROM staff_user WHERE login = 'keeper'"),
                         [("admin", "keeper@testovoborsk.example")])
        with open(CONF, encoding="utf-8") as f:
            self.assertIn("name = Тестовоборск", f.read())
        # The backup taken before the migration: the database as it was, and the uploads.
        backups = [b for b in os.listdir(BACKUPS) if b.startswith(f"pre-upgrade-{self.version}-")]
        self.assertEqual(len(backups), 1, os.listdir(BACKUPS))
        with tarfile.open(os.path.join(BACKUPS, backups[0])) as tar:
            names = tar.getnames()
            self.assertIn("portal.db", names)
            self.assertEqual(tar.extractfile("uploads/" + "a" * 64).read(), b"%PDF-1.4 an attached file")
            tar.extract("portal.db", self.work)
        old = sqlite3.connect(os.path.join(self.work, "portal.db"))
        try:
            self.assertEqual(old.execute("PRAGMA user_version").fetchone()[0], self.latest)
            self.assertEqual(old.execute("SELECT count(*) FROM staff_user WHERE login = 'keeper'")
                             .fetchone()[0], 1)
        finally:
            old.close()

        self.start_programs()
        self.assertEqual(self.stack.get("/healthz").status, 200)
        home = self.stack.get("/")
        self.assertEqual(home.status, 200)
        self.assertIn("Тестовоборск", home.text)
        browser = Browser(self.stack)
        self.assertEqual(browser.login("keeper", PASSWORD).status, 303)

    def test_5_a_failed_migration_leaves_the_previous_database(self):
        self.assertEqual(package_status(), f"install ok installed {self.newer}")
        n = self.latest + 1
        broken = f"{self.version}+upgradetest2"
        deb = repack(self.deb, os.path.join(self.work, f"portal_{broken}.deb"), broken, {
            self.newer_migration[0]: self.newer_migration[1],
            f"{n + 1:03d}_test_applies.sql": "CREATE TABLE upgrade_probe_two (id INTEGER);\n",
            f"{n + 2:03d}_test_fails.sql": "INSERT INTO no_such_table VALUES (1);\n",
        })
        self.stop_programs()
        p = apt_install(deb, check=False)
        self.assertNotEqual(p.returncode, 0)  # apt reports it
        self.assertIn("a migration failed", p.stderr + p.stdout)
        self.assertEqual(package_status(), f"install ok half-configured {broken}")
        # The database of before the upgrade, not one with some of the new migrations applied.
        self.assertEqual(query("PRAGMA user_version")[0][0], n)
        self.assertEqual(query("SELECT count(*) FROM sqlite_schema WHERE name = 'upgrade_probe_two'"),
                         [(0,)])
        self.assertEqual(query("SELECT count(*) FROM staff_user WHERE login = 'keeper'"), [(1,)])
        self.assertEqual(query("PRAGMA integrity_check"), [("ok",)])

        # A fixed package (here: the previous one again) configures, and the site serves.
        apt_install(self.newer_deb)
        self.assertEqual(package_status(), f"install ok installed {self.newer}")
        self.start_programs()
        self.assertEqual(self.stack.get("/healthz").status, 200)
        self.assertEqual(self.stack.get("/").status, 200)

    def test_6_purge(self):
        self.assertTrue(package_status(), "the package is not installed")
        self.stop_programs()  # what the prerm has systemd do
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run(["apt-get", "purge", "-y", "-q", "-o", "DPkg::Lock::Timeout=300", "portal"], env=env)
        status = package_status()
        self.assertTrue(status == "" or status.startswith("unknown ok not-installed"), status)
        # Nothing runs as the portal user, nothing is left of the package...
        self.assertEqual(run(["pgrep", "-u", "portal"], check=False).stdout.strip(), "")
        for path in ("/etc/portal", "/var/lib/portal", "/var/log/portal", "/run/portal",
                     "/usr/sbin/portal", "/usr/sbin/portal-admin", "/usr/share/portal", SITE,
                     "/etc/nginx/sites-enabled/portal", "/etc/logrotate.d/portal", UNIT,
                     "/etc/systemd/system/timers.target.wants/portal-notify.timer",
                     "/etc/systemd/system/multi-user.target.wants/portal.service"):
            with self.subTest(path=path):
                self.assertFalse(os.path.lexists(path))
        self.assertEqual(run(["ucfq", "-w", "portal"], check=False).stdout.strip(), "")
        # ...but what Debian keeps on purge: the system user, and the backups.
        self.assertEqual(run(["getent", "passwd", "portal"], check=False).returncode, 0)
        self.assertTrue(any(b.startswith("pre-upgrade-") for b in os.listdir(BACKUPS)))


if __name__ == "__main__":
    unittest.main()
