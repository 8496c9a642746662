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


class DurableBeforeTheAnswerTest(unittest.TestCase):
    """The workers commit with synchronous=NORMAL and flush the WAL in groups (issue 22,
    src/db/group_commit.h): the answer must still leave only after the flush. strace shows the
    order of the worker's system calls: the commit's write to the WAL, fdatasync of the WAL,
    then the FastCGI record with «Status: 303»."""

    def test_the_303_leaves_after_the_wal_is_flushed(self):
        workers = STACK.worker_children()
        self.assertTrue(workers)
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "trace")
            args = ["strace", "-y", "-s", "120", "-e", "trace=pwrite64,fdatasync,fsync,write",
                    "-o", out]
            for pid in workers:
                args += ["-p", str(pid)]
            tracer = subprocess.Popen(args, stderr=subprocess.PIPE, text=True)
            try:
                attached = 0
                while attached < len(workers):
                    line = tracer.stderr.readline()
                    self.assertTrue(line, "strace stopped before attaching")
                    attached += "attached" in line
                r = STACK.post_form("/appeals", {
                    "addressee": "administration", "surname": "Сохранов", "name": "Пётр",
                    "email": "durable@residents.example", "territory": "3",
                    "text": "Обращение метка-durable: проверка порядка записи."})
                self.assertEqual(r.status, 303)
                self.assertEqual(r.header("Location"), "/appeals/received")
            finally:
                tracer.send_signal(signal.SIGINT)
                tracer.wait(30)
            with open(out, encoding="utf-8", errors="replace") as f:
                lines = [ln.split(None, 1) for ln in f if ln[:1].isdigit()]
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
