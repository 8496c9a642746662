"""Nothing accepted is ever lost (issue 4, "Reliability"): appeals sent by several clients at
once through nginx while a worker is killed with SIGKILL in the middle. Every appeal answered
with 303 is in the database under the number its receipt names, with its text; none is stored
twice; the numbers stay gap-free."""

import os
import re
import signal
import subprocess
import tempfile
import threading
import time
import unittest

import helpers
from stack import Stack

STACK = None


def setUpModule():
    global STACK
    STACK = Stack(settings={("server", "workers"): "3", ("appeals", "identification"): "none",
                           ("limits", "appeals_per_minute"): "0"}).start()


def tearDownModule():
    STACK.close()


class WorkerTrace:
    """strace on every worker for the system calls CALLS while the block runs; .lines are
    (pid, call) pairs in the order they happened."""

    def __init__(self, test, calls):
        self.test, self.calls, self.lines = test, calls, []

    def __enter__(self):
        workers = STACK.worker_children()
        self.test.assertTrue(workers)
        self.tmp = tempfile.TemporaryDirectory()
        self.out = os.path.join(self.tmp.name, "trace")
        args = ["strace", "-y", "-s", "120", "-e", "trace=" + self.calls, "-o", self.out]
        for pid in workers:
            args += ["-p", str(pid)]
        self.tracer = subprocess.Popen(args, stderr=subprocess.PIPE, text=True)
        attached = 0
        while attached < len(workers):
            line = self.tracer.stderr.readline()
            self.test.assertTrue(line, "strace stopped before attaching")
            attached += "attached" in line
        return self

    def __exit__(self, *exc):
        self.tracer.send_signal(signal.SIGINT)
        self.tracer.wait(30)
        with open(self.out, encoding="utf-8", errors="replace") as f:
            self.lines = [ln.split(None, 1) for ln in f if ln[:1].isdigit()]
        self.tmp.cleanup()
        return False


class DurableBeforeTheAnswerTest(unittest.TestCase):
    """The workers commit with synchronous=NORMAL and flush the WAL in groups (issue 22,
    src/db/group_commit.h): the answer must still leave only after the flush. strace shows the
    order of the worker's system calls: the commit's write to the WAL, fdatasync of the WAL,
    then the FastCGI record with «Status: 303»."""

    def test_the_303_leaves_after_the_wal_is_flushed(self):
        with WorkerTrace(self, "pwrite64,fdatasync,fsync,write") as trace:
            r = STACK.post_form("/appeals", {
                "addressee": "administration", "surname": "Сохранов", "name": "Пётр",
                "email": "durable@residents.example", "territory": "3",
                "text": "Обращение метка-durable: проверка порядка записи."})
            self.assertEqual(r.status, 303)
            self.assertEqual(r.header("Location"), "/appeals/received")
        lines = trace.lines
        answered = [(pid, i) for i, (pid, call) in enumerate(lines)
                    if call.startswith("write(") and "Status: 303" in call]
        self.assertEqual(len(answered), 1, [call[:70] for _, call in lines[-12:]])
        pid, at = answered[0]
        own = [(i, call) for i, (p, call) in enumerate(lines) if p == pid and i < at]
        wal_writes = [i for i, call in own if call.startswith("pwrite64(") and "-wal>" in call]
        flushes = [i for i, call in own if call.startswith("fdatasync(") and "-wal>" in call]
        calls = [call[:70] for _, call in own[-12:]]
        self.assertTrue(wal_writes, calls)
        self.assertTrue(flushes and flushes[-1] > wal_writes[-1], calls)
        self.assertEqual(STACK.query("SELECT count(*) FROM appeal WHERE text LIKE ?",
                                     ("%метка-durable%",)), [(1,)])


class ClosingTheConnectionTest(unittest.TestCase):
    """A worker closes nginx's connection as soon as the answer is written when it has read the
    request's input to its end (src/http/worker.c): no half-close and wait for nginx, which cost
    a cached page a third of its CPU time. A handler that answers without reading the body still
    gets its answer to the resident whole."""

    def test_a_read_request_is_closed_without_waiting_for_nginx(self):
        with WorkerTrace(self, "write,shutdown,poll,close") as trace:
            r = STACK.get("/meetings")
            self.assertEqual(r.status, 200)
            self.assertIn("<h1>Расписание встреч с населением</h1>", r.text)
        lines = trace.lines
        answered = [(pid, i) for i, (pid, call) in enumerate(lines)
                    if call.startswith("write(") and "Status: 200" in call]
        self.assertEqual(len(answered), 1, [call[:70] for _, call in lines[-12:]])
        pid, at = answered[0]
        after = [call for p, call in lines[at + 1:] if p == pid]
        closed = next(i for i, call in enumerate(after) if call.startswith("close("))
        self.assertFalse([c for c in after[:closed] if c.startswith(("shutdown(", "poll("))],
                         after[:closed + 1])

    def test_an_answer_before_the_body_is_read_arrives_whole(self):
        # Refused by the route before its body is read (a multipart body on a form without
        # files): 600 KB, more than the socket holds, so nginx is still sending when the worker
        # has answered. The worker reads the rest before it closes.
        boundary = "----PortalTestBoundaryUnread"
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"login\"\r\n\r\n"
                + "x" * 600_000 + f"\r\n--{boundary}--\r\n").encode()
        for _ in range(3):
            r = STACK.request("POST", "/admin/login", body=body, headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}"})
            self.assertEqual(r.status, 415)
            self.assertIn("Неподдерживаемый формат данных", r.text)
            self.assertIn("</html>", r.text)
        r = STACK.get("/meetings")
        self.assertEqual(r.status, 200)
        self.assertIn("<h1>Расписание встреч с населением</h1>", r.text)


class ConcurrentAppealsTest(unittest.TestCase):
    def test_appeals_answered_303_survive_a_killed_worker(self):
        clients, per_client = 6, 25
        accepted, failures, lock = {}, [], threading.Lock()

        def client(c):
            for i in range(per_client):
                marker = f"метка-{c}-{i}"
                # Every appeal carries a file of its own content.
                body, ctype = helpers.multipart({
                    "addressee": "administration", "surname": "Тестов", "name": "Клиент",
                    "email": f"client{c}@residents.example", "territory": "3",
                    "text": f"Обращение {marker}: прошу проверить работу фонарей.",
                    "consent": "yes"}, [("attachment", f"заметка {marker}.txt",
                                         f"Фонарь не горит ({marker})".encode(), "text/plain")])
                try:
                    r = STACK.request("POST", "/appeals", body=body, headers={"Content-Type": ctype})
                except OSError as e:
                    with lock:
                        failures.append(str(e))
                    continue
                if r.status == 303:
                    m = re.match(r"appeal_receipt=([0-9-]+)~", r.header("Set-Cookie") or "")
                    with lock:
                        accepted[marker] = m.group(1) if m else None
                else:
                    with lock:
                        failures.append(r.status)

        threads = [threading.Thread(target=client, args=(c,)) for c in range(clients)]
        for t in threads:
            t.start()
        # Kill a worker while the clients are at work; the supervisor replaces it.
        self.assertTrue(helpers.wait_for(
            lambda: STACK.query("SELECT count(*) FROM appeal")[0][0] >= 20, 30))
        victim = STACK.worker_children()[0]
        os.kill(victim, signal.SIGKILL)
        for t in threads:
            t.join(120)
        self.assertGreater(len(accepted), clients * per_client // 2, failures[:5])

        rows = STACK.query("SELECT number, text FROM appeal")   # the demo's and the test's
        by_marker = {}
        for number, text in rows:
            m = re.search(r"метка-\d+-\d+", text)
            if m is None:
                continue
            marker = m.group(0)
            self.assertNotIn(marker, by_marker, f"{marker} stored twice")
            by_marker[marker] = number
        for marker, number in accepted.items():
            self.assertIsNotNone(number, marker)
            self.assertEqual(by_marker.get(marker), number, marker)
        # Each accepted appeal has its file, on disk, with the content it was sent with.
        files = dict(STACK.query("SELECT a.number, f.sha256 FROM appeal a JOIN appeal_file f "
                                 "ON f.appeal_id = a.id"))
        for marker, number in accepted.items():
            self.assertIn(number, files, marker)
            with open(os.path.join(STACK.data, "uploads", files[number]), "rb") as f:
                self.assertEqual(f.read().decode(), f"Фонарь не горит ({marker})")
        seqs = sorted(int(n.split("-")[1]) for n, _ in rows)
        self.assertEqual(seqs, list(range(1, len(seqs) + 1)))
        # The worker was replaced and the site still takes appeals.
        self.assertTrue(helpers.wait_for(lambda: len(STACK.worker_children()) == 3, 15))
        self.assertEqual(STACK.get("/appeals/new").status, 200)


if __name__ == "__main__":
    unittest.main()
