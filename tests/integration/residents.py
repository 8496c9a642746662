"""residents.py — a resident signed in as residents sign in without a gateway: the one-time code
mailed to their address, read from the test's real SMTP server (receivers.SmtpServer)."""

import re

import helpers
from staff import Browser, csrf_of


def sign_in_by_code(stack, smtp, address, source=None, with_token=False):
    """A Browser of STACK signed in as the resident of ADDRESS with the code mailed to it through
    SMTP, asked from loopback address SOURCE when given (the sign-in slows down many codes asked
    from one address). WITH_TOKEN: its posts carry the session's form token by themselves
    (Browser.token); otherwise each test gives it, or leaves it out to see the refusal."""
    b = Browser(stack)

    def mails():
        return [m for m in smtp.messages if m.to == address]

    before = len(mails())
    page = b.get("/account/login")
    stack.source_address = (source, 0) if source else None
    code = None
    try:
        r = b.post("/account/login/email", {"csrf": csrf_of(page.text), "email": address,
                                            "return": "/account"})
        assert r.status == 200, (r.status, r.text[-500:])
        assert helpers.wait_for(lambda: len(mails()) > before, 30), f"no code mailed to {address}"
        code = re.search(r"\b(\d{6})\b", mails()[-1].text).group(1)
        r = b.post("/account/login/code", {"csrf": csrf_of(page.text), "email": address,
                                           "code": code, "return": "/account"})
    finally:
        stack.source_address = None
    assert r.status == 303, (r.status, code, helpers.text_of(helpers.main_of(r.text))[:800])
    if with_token:
        b.token = csrf_of(b.get("/account").text)
    return b
