"""receivers.py — the real counterparts of what the notifier talks to, on loopback: an SMTP
server (aiosmtpd, Debian's python3-aiosmtpd) that keeps every message it accepted, and an HTTP
receiver for webhooks whose answers a test can script. Both can be stopped and started again on
the same port to play a server that is down."""

import email
import email.policy
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller

from stack import free_port


class Mail:
    """One accepted message: envelope and the parsed mail (email.message.EmailMessage)."""

    def __init__(self, envelope):
        self.mail_from = envelope.mail_from
        self.rcpt_tos = list(envelope.rcpt_tos)
        self.raw = envelope.original_content or envelope.content
        self.message = email.message_from_bytes(self.raw, policy=email.policy.default)

    @property
    def subject(self):
        return str(self.message["Subject"])

    @property
    def to(self):
        return self.rcpt_tos[0]

    def header(self, name):
        value = self.message[name]
        return None if value is None else str(value)

    @property
    def text(self):
        """The decoded text/plain body."""
        part = self.message.get_body(preferencelist=("plain",))
        return part.get_content()


class SmtpServer:
    """aiosmtpd on 127.0.0.1:port. delay: seconds each DATA takes (to catch a notifier mid-way)."""

    def __init__(self, port=None):
        self.port = port or free_port()
        self.messages = []
        self.delay = 0.0
        self.lock = threading.Lock()
        self.controller = None

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            time.sleep(self.delay)  # blocks aiosmtpd's loop: one slow server, on purpose
        with self.lock:
            self.messages.append(Mail(envelope))
        return "250 Message accepted for delivery"

    def start(self):
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def url(self):
        return f"smtp://127.0.0.1:{self.port}"

    def about(self, needle):
        """The messages whose subject or body contains needle."""
        with self.lock:
            return [m for m in self.messages if needle in m.subject or needle in m.text]


class WebhookReceiver:
    """HTTP on 127.0.0.1:port that records JSON POSTs. statuses: answers to give in order (then
    200); retry_after: the Retry-After header sent with a 429."""

    def __init__(self):
        self.port = free_port()
        self.posts = []
        self.statuses = []
        self.retry_after = None
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                with receiver.lock:
                    status = receiver.statuses.pop(0) if receiver.statuses else 200
                    receiver.posts.append({"path": self.path, "status": status,
                                           "content_type": self.headers.get("Content-Type"),
                                           "json": json.loads(body.decode("utf-8"))})
                self.send_response(status)
                if status == 429 and receiver.retry_after:
                    self.send_header("Retry-After", str(receiver.retry_after))
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path="/vk"):
        return f"http://127.0.0.1:{self.port}{path}"

    def delivered(self, meeting_id):
        """The accepted (2xx) posts about a meeting."""
        with self.lock:
            return [p for p in self.posts
                    if p["json"].get("meeting_id") == meeting_id and p["status"] < 300]

    def close(self):
        self.server.shutdown()
        self.server.server_close()
