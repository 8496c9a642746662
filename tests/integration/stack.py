"""stack.py — start the real portal (nginx + FastCGI workers, via src/scripts/run-stack.sh, the
same script `make run` uses) in a temporary directory on a free loopback port, talk HTTP to it,
look into its database and logs, and stop it. Used by every integration test."""

import glob
import http.client
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import tempfile
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SANITIZER_MARKERS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:",
                     "a transaction was left open")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # http.client.HTTPMessage: case-insensitive
        self.body = body
        self.text = body.decode("utf-8", errors="replace")

    def header(self, name):
        return self.headers.get(name)

    def __repr__(self):
        return f"<Response {self.status} {len(self.body)}B>"


class Stack:
    """One running portal. settings: {("section", "key"): "value"} written into its portal.ini."""

    def __init__(self, settings=None, bin_dir=None, root=None, parent_dir=None):
        self.bin = bin_dir or os.environ.get("PORTAL_BIN", os.path.join(ROOT, "build"))
        if not os.path.isabs(self.bin):
            self.bin = os.path.join(ROOT, self.bin)
        # Every test comes from 127.0.0.1 and signs in many times: nginx's limit on POST
        # /admin/login is off unless a test sets it (test_nginx_limits.py does).
        self.settings = {("server", "workers"): "2", ("security", "logins_per_minute"): "0"}
        self.settings.update(settings or {})
        self.proc = None
        self.port = None  # chosen at start unless a test fixes it first (a provider needs it)
        # The client's own address, e.g. ("127.0.0.7", 0): any 127.x.y.z reaches the loopback
        # listener, so a test can be several residents to nginx's per-address limits.
        self.source_address = None
        # The tree whose src/scripts/run-stack.sh, static/ and conf/ are used (a copy of the
        # project elsewhere, e.g. in a private directory), and where the temporary directory goes.
        self.root = root or ROOT
        self.parent_dir = parent_dir

    # ---- life cycle ----------------------------------------------------------------------
    def start(self):
        self.dir = tempfile.mkdtemp(prefix="portal-test-", dir=self.parent_dir)
        self.data = os.path.join(self.dir, "data")
        os.mkdir(self.data)
        self.conf = os.path.join(self.data, "portal.ini")
        self.port = self.port or free_port()
        self._write_config()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = os.path.join(self.dir, "stack.log")
        self.log = open(self.log_path, "wb")
        env = dict(os.environ, PORT=str(self.port), DATA=self.data, BIN=self.bin, QUIET="1")
        self.proc = subprocess.Popen([os.path.join(self.root, "src/scripts/run-stack.sh")], env=env,
                                     stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        deadline = time.time() + 30
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("the stack exited at start:\n" + self.read_log())
            try:
                if self.get("/healthz").status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("the stack did not answer /healthz in 30 s:\n" + self.read_log())

    def _write_config(self):
        """conf/portal.ini with this stack's settings replaced or added."""
        lines, section, seen = [], None, set()
        with open(os.path.join(self.root, "conf/portal.ini"), encoding="utf-8") as f:
            source = f.read().splitlines()
        for line in source:
            stripped = line.strip()
            if stripped.startswith("[") and stripped.endswith("]"):
                lines.extend(self._missing(section, seen))
                section = stripped[1:-1]
            elif "=" in stripped and not stripped.startswith(";"):
                key = stripped.split("=", 1)[0].strip()
                if (section, key) in self.settings:
                    line = f"{key} = {self.settings[(section, key)]}"
                    seen.add((section, key))
            lines.append(line)
        lines.extend(self._missing(section, seen))
        with open(self.conf, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")

    def _missing(self, section, seen):
        out = []
        for (sec, key), value in self.settings.items():
            if sec == section and (sec, key) not in seen:
                out.append(f"{key} = {value}")
                seen.add((sec, key))
        return out

    def stop(self):
        """SIGTERM to the run script, as Ctrl-C or a service manager would; returns its code."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.log.close()
        code, self.proc = self.proc.returncode, None
        return code

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def close(self):
        """Stop, remove the directory, and fail if the worker log has sanitizer reports."""
        self.stop()
        problems = self.sanitizer_reports()
        self.cleanup()
        if problems:
            raise AssertionError("sanitizer reports in the worker log:\n" + problems)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        problems = self.sanitizer_reports()
        self.cleanup()
        if problems and exc[0] is None:
            raise AssertionError("sanitizer reports in the worker log:\n" + problems)

    # ---- talking to it ---------------------------------------------------------------------
    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30,
                                          source_address=self.source_address)
        try:
            hdrs = dict(headers or {})
            if isinstance(body, str):
                body = body.encode("utf-8")
            conn.request(method, path, body=body, headers=hdrs)
            r = conn.getresponse()
            try:
                data = r.read()
            except http.client.IncompleteRead as e:
                # Seen twice under heavy load (one FastCGI record, then the end): say what
                # nginx and the workers logged, so that the next time tells why.
                raise AssertionError(f"{method} {path}: {e!r}\n-- nginx error log:\n"
                                     f"{self.tail('run/nginx-error.log')}\n-- stack log:\n"
                                     f"{self.read_log()[-3000:]}") from e
            return Response(r.status, r.headers, data)
        finally:
            conn.close()

    def tail(self, name, size=3000):
        """The last size characters of a file in the data directory ("" when there is none)."""
        try:
            with open(os.path.join(self.data, name), encoding="utf-8", errors="replace") as f:
                return f.read()[-size:]
        except OSError:
            return ""

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post_form(self, path, fields, headers=None):
        body = urllib.parse.urlencode(fields)
        hdrs = {"Content-Type": "application/x-www-form-urlencoded"}
        hdrs.update(headers or {})
        return self.request("POST", path, body=body, headers=hdrs)

    # ---- looking inside ----------------------------------------------------------------------
    def db(self):
        return sqlite3.connect(os.path.join(self.data, "portal.db"))

    def query(self, sql, params=()):
        with self.db() as conn:
            return conn.execute(sql, params).fetchall()

    def execute(self, sql, params=()):
        conn = self.db()
        try:
            conn.execute(sql, params)
            conn.commit()
        finally:
            conn.close()

    def admin(self, *args, input_text=None):
        return subprocess.run([os.path.join(self.bin, "portal-admin"), "-c", self.conf, *args],
                              input=input_text, capture_output=True, text=True, timeout=60)

    def read_log(self):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def sanitizer_reports(self):
        log = self.read_log()
        hits = [line for line in log.splitlines() if any(m in line for m in SANITIZER_MARKERS)]
        return "\n".join(hits)

    def portal_pids(self):
        """Pids of every process of this stack's portal: the supervisor and its workers."""
        out = subprocess.run(["pgrep", "-f", f"portal -c {self.conf}"], capture_output=True,
                             text=True).stdout.split()
        return [int(p) for p in out]

    # ---- helpers added for the integration tests (additive; nothing above depends on them) ----
    def raw(self, data, timeout=15):
        """Send DATA (bytes) as is on a new connection and return every byte the server sends
        until it closes the connection. For what http.client hides (a HEAD body, bad escapes)."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as s:
            s.sendall(data)
            chunks = []
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        return b"".join(chunks)

    def supervisor_pid(self):
        """The pid of the `portal` supervisor that run-stack.sh started (note: portal_pids()
        matches it too, since the forked workers share its command line)."""
        for pid in child_pids(self.proc.pid):
            if proc_cmdline(pid).startswith(os.path.join(self.bin, "portal")):
                return pid
        return None

    def worker_children(self):
        """Pids of the FastCGI workers only: the children of the supervisor."""
        sup = self.supervisor_pid()
        return child_pids(sup) if sup else []

    def nginx_pids(self):
        """The nginx master that run-stack.sh started and its worker processes."""
        for pid in child_pids(self.proc.pid):
            if proc_cmdline(pid).startswith("nginx: master"):
                return [pid] + child_pids(pid)
        return []

    @property
    def socket_path(self):
        return os.path.join(self.data, "run", "portal.sock")


def database_at(work, version):
    """The path of a new database in the directory work made by `portal-admin init` with the
    migrations up to version only: an installation as the release before the next one left it,
    for the tests of an upgrade."""
    old_sql = os.path.join(work, f"sql{version:03d}")
    os.mkdir(old_sql)
    for path in glob.glob(os.path.join(ROOT, "sql", "0*.sql")):
        if int(os.path.basename(path)[:3]) <= version:
            shutil.copy(path, old_sql)
    db_path = os.path.join(work, "portal.db")
    maker = Stack(settings={("database", "path"): db_path, ("server", "sql"): old_sql})
    maker.conf = os.path.join(work, "old.ini")
    maker._write_config()
    subprocess.run([os.path.join(maker.bin, "portal-admin"), "-c", maker.conf, "init"],
                   check=True, capture_output=True)
    return db_path


def portal_routes():
    """The route table as `portal --routes` prints it (PORTAL_BIN or build/): one tuple per route
    of (methods, pattern, roles, flags, fields, owner), the lists split at commas; roles is
    ["public"] for a public page. A route added later is covered without touching a test."""
    bin_dir = os.environ.get("PORTAL_BIN", os.path.join(ROOT, "build"))
    table = subprocess.run([os.path.join(bin_dir, "portal"), "--routes"], capture_output=True,
                           text=True, check=True).stdout
    rows = []
    for line in table.splitlines():
        methods, pattern, roles, flags, fields, owner = line.split("\t")
        rows.append((methods.split(","), pattern, roles.split(","), flags.split(","), fields,
                     owner))
    assert len(rows) > 100, table
    return rows


def module_stack(namespace, settings=None):
    """setUpModule and tearDownModule keeping one Stack in the test module's STACK (NAMESPACE)."""
    def setUpModule():
        """Start the module's stack."""
        namespace["STACK"] = Stack(settings=settings).start()

    def tearDownModule():
        """Stop the stack; its sanitizer reports fail the module."""
        namespace["STACK"].close()
    return setUpModule, tearDownModule


def proc_cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode("utf-8", "replace").strip()
    except OSError:
        return ""


def child_pids(parent):
    """Pids whose parent is PARENT (from /proc), zombies left out."""
    out = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", encoding="utf-8", errors="replace") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2:].split()
        if fields[0] != "Z" and int(fields[1]) == parent:
            out.append(int(name))
    return sorted(out)


def pid_alive(pid):
    """True while PID exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as f:
            stat = f.read()
    except OSError:
        return False
    return stat[stat.rfind(")") + 2:].split()[0] != "Z"
