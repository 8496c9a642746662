"""/admin/outbox by role (issue 21, item 18): the press office sees and acts on its own mail only
(posts to the social-network webhooks and announcements mailed to the media list); applicants',
subscribers' and invitees' addresses, and the answers and acknowledgements to applicants, are
shown only to the roles that read personal data, and only they may send or discard them."""

import time
import unittest

from helpers import main_of
from staff import NOT_FOR_ROLE, start_staff_stack

STACK = None
USERS = {}
ROWS = {}


def add(key, channel, recipient, subject, purpose, status, sent=False):
    now = int(time.time())
    STACK.execute("INSERT INTO outbox (dedup_key, channel, recipient, subject, body, purpose, "
                  "created_at, status, attempts, next_attempt_at, last_error, sent_at) "
                  "VALUES (?, ?, ?, ?, 'текст', ?, ?, ?, ?, ?, ?, ?)",
                  (key, channel, recipient, subject, purpose, now - 600, status,
                   8 if status == "dead" else 0, now, "550 mailbox unavailable"
                   if status == "dead" else "", now - 60 if sent else None))
    return STACK.query("SELECT id FROM outbox WHERE dedup_key = ?", (key,))[0][0]


def setUpModule():
    global STACK
    STACK, _, signed = start_staff_stack(with_token=True)
    USERS.update(signed)
    STACK.execute("INSERT INTO media_contact (name, email) VALUES ('Газета «Вестник»', "
                  "'news@vestnik.example')")
    ROWS["answer"] = add("test:answer", "mail", "applicant@residents.example",
                         "Ответ на обращение № 2026-00077", "notice", "dead")
    ROWS["ack"] = add("test:ack", "mail", "second@residents.example",
                      "Обращение № 2026-00078 принято", "acknowledgement", "dead")
    ROWS["subscriber"] = add("test:sub", "mail", "reader@residents.example",
                             "Анонс: встреча главы с жителями", "announcement", "dead")
    ROWS["media"] = add("test:media", "mail", "news@vestnik.example",
                        "Анонс: встреча главы с жителями", "announcement", "dead")
    ROWS["webhook"] = add("test:webhook", "webhook", "vk", "", "announcement", "dead")
    ROWS["confirmation"] = add("test:confirm", "mail", "new@residents.example",
                               "Подтвердите подписку", "confirmation", "sent", sent=True)


def tearDownModule():
    STACK.close()


PERSONAL = ("applicant@residents.example", "second@residents.example",
            "reader@residents.example", "new@residents.example", "2026-00077", "2026-00078")


class OutboxByRole(unittest.TestCase):
    def setUp(self):
        for key in ("answer", "ack", "subscriber", "media", "webhook"):
            STACK.execute("UPDATE outbox SET status = 'dead' WHERE id = ?", (ROWS[key],))
        STACK.execute("DELETE FROM audit_log WHERE entity = 'outbox'")

    def test_press_sees_only_press_mail(self):
        r = USERS["press"].get("/admin/outbox")
        self.assertEqual(r.status, 200)
        page = main_of(r.text)
        self.assertIn("news@vestnik.example", page)
        self.assertIn("vk (публикация (webhook))", page)
        self.assertIn(f'action="/admin/outbox/{ROWS["media"]}/discard"', page)
        self.assertIn("Здесь показаны только публикации и письма средствам массовой информации",
                      page)
        self.assertIn("Не доставлены и ждут решения: 2.", page)
        # The buttons post to the message's own address.
        self.assertIn(f'action="/admin/outbox/{ROWS["webhook"]}/retry"', page)
        for text in PERSONAL:
            self.assertNotIn(text, page)
        for key in ("answer", "ack", "subscriber", "confirmation"):
            self.assertNotIn(f"/admin/outbox/{ROWS[key]}/", page)

    def test_admin_and_organizer_see_everything(self):
        for role in ("admin", "organizer", "controller"):
            r = USERS[role].get("/admin/outbox")
            self.assertEqual(r.status, 200, role)
            page = main_of(r.text)
            for text in PERSONAL + ("news@vestnik.example",):
                self.assertIn(text, page, (role, text))
            self.assertNotIn("Здесь показаны только публикации", page)

    def test_press_cannot_discard_or_resend_an_applicants_mail(self):
        for key in ("answer", "ack", "subscriber"):
            for action in ("discard", "retry"):
                r = USERS["press"].post(f"/admin/outbox/{ROWS[key]}/{action}", {})
                self.assertEqual(r.status, 403, (key, action))
                self.assertIn(NOT_FOR_ROLE, r.text)
                self.assertNotIn("applicant@residents.example", r.text)
            self.assertEqual(STACK.query("SELECT status FROM outbox WHERE id = ?",
                                         (ROWS[key],)), [("dead",)])
        self.assertEqual(STACK.query("SELECT count(*) FROM audit_log WHERE entity = 'outbox' "
                                     "AND login = 'press'"), [(0,)])

    def test_press_acts_on_press_mail_and_admin_on_any(self):
        r = USERS["press"].post(f"/admin/outbox/{ROWS['webhook']}/retry", {})
        self.assertEqual((r.status, r.header("Location")), (303, "/admin/outbox"))
        self.assertEqual(STACK.query("SELECT status FROM outbox WHERE id = ?",
                                     (ROWS["webhook"],)), [("pending",)])
        r = USERS["admin"].post(f"/admin/outbox/{ROWS['ack']}/retry", {})
        self.assertEqual((r.status, r.header("Location")), (303, "/admin/outbox"))
        self.assertEqual(STACK.query("SELECT status FROM outbox WHERE id = ?", (ROWS["ack"],)),
                         [("pending",)])
        self.assertEqual(STACK.query("SELECT login FROM audit_log WHERE entity = 'outbox' "
                                     "ORDER BY id"), [("press",), ("admin",)])


if __name__ == "__main__":
    unittest.main()
