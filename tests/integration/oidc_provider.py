"""oidc_provider.py — a real OpenID Connect provider on loopback for the residents' sign-in tests,
built on Debian's python3-jwcrypto: discovery, JWKS, the authorization endpoint with a login form
(test accounts: a confirmed "trusted" ЕСИА account and an unconfirmed one), the token endpoint
(authorization code, client_secret_basic, PKCE S256 checked, each code used once), userinfo and
end_session. ID tokens are RS256 JWS signed with its own key. For the attack tests it can be told
to misbehave in one way at a time (`provider.attack = ...`): sign with another key under the same
kid, send alg=none, a wrong audience or issuer, an expired token, another nonce, garbage from the
token endpoint."""

import base64
import hashlib
import html
import json
import secrets
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from jwcrypto import jwk, jws, jwt

from stack import free_port

ACCOUNTS = {
    "trusted": {"password": "trusted-pass", "sub": "esia-1000001", "family_name": "Соколова",
                "given_name": "Анна", "middle_name": "Викторовна",
                "email": "sokolova@residents.example", "phone_number": "+7 900 000-00-01",
                "address": {"formatted": "628245, Зеленоборск, ул. Лесная, 5"}, "trusted": True},
    "plain": {"password": "plain-pass", "sub": "esia-1000002", "family_name": "Петров",
              "given_name": "Пётр", "middle_name": "", "email": "petrov@residents.example",
              "phone_number": "", "trusted": False},
}


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class Provider:
    def __init__(self, client_id="portal", client_secret="s3cret-of-the-portal",
                 redirect_uri=None):
        self.port = free_port()
        self.issuer = f"http://127.0.0.1:{self.port}"
        self.client_id = client_id
        self.client_secret = client_secret
        self.redirect_uri = redirect_uri
        self.key = jwk.JWK.generate(kty="RSA", size=2048, kid="key-1", use="sig", alg="RS256")
        self.other_key = jwk.JWK.generate(kty="RSA", size=2048, kid="key-1")
        self.codes = {}          # code -> grant
        self.tokens = {}         # access token -> account
        self.attack = None
        self.requests = []       # (method, path) seen
        self.token_calls = 0
        self.logouts = []
        self.server = None

    # ---- tokens ----
    def id_token(self, account, grant):
        now = int(time.time())
        claims = {"iss": self.issuer, "sub": account["sub"], "aud": self.client_id,
                  "azp": self.client_id, "exp": now + 300, "iat": now, "auth_time": now,
                  "nonce": grant["nonce"]}
        for k in ("family_name", "given_name", "middle_name", "trusted"):
            claims[k] = account[k]
        a = self.attack
        if a == "wrong_aud":
            claims["aud"] = "another-client"
            claims.pop("azp")
        elif a == "wrong_iss":
            claims["iss"] = "http://evil.example"
        elif a == "expired":
            claims["exp"] = now - 3600
            claims["iat"] = now - 7200
        elif a == "bad_nonce":
            claims["nonce"] = "not-the-nonce"
        elif a == "aud_array_without_azp":
            claims["aud"] = [self.client_id, "another-client"]
            claims.pop("azp")
        if a == "alg_none":
            header = b64url(json.dumps({"alg": "none", "kid": "key-1"}).encode())
            return header + "." + b64url(json.dumps(claims).encode()) + "."
        if a == "hs256":
            # The classic confusion: HMAC with the provider's public key as the secret.
            secret = jwk.JWK(kty="oct", k=b64url(self.key.export_to_pem()))
            t = jwt.JWT(header={"alg": "HS256", "kid": "key-1"}, claims=claims)
            t.make_signed_token(secret)
            return t.serialize()
        key = self.other_key if a == "wrong_key" else self.key
        t = jwt.JWT(header={"alg": "RS256", "kid": "key-1", "typ": "JWT"}, claims=claims)
        t.make_signed_token(key)
        return t.serialize()

    # ---- life cycle ----
    def start(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def send(self, status, body, ctype="application/json", headers=()):
                data = body.encode() if isinstance(body, str) else body
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                for k, v in headers:
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def json(self, obj, status=200):
                self.send(status, json.dumps(obj, ensure_ascii=False))

            def do_GET(self):
                u = urllib.parse.urlsplit(self.path)
                q = dict(urllib.parse.parse_qsl(u.query))
                provider.requests.append(("GET", u.path))
                if u.path == "/.well-known/openid-configuration":
                    if provider.attack == "discovery_garbage":
                        return self.send(200, "<html>nope</html>", "text/html")
                    return self.json({
                        "issuer": provider.issuer,
                        "authorization_endpoint": provider.issuer + "/authorize",
                        "token_endpoint": provider.issuer + "/token",
                        "userinfo_endpoint": provider.issuer + "/userinfo",
                        "jwks_uri": provider.issuer + "/jwks",
                        "end_session_endpoint": provider.issuer + "/logout",
                        "response_types_supported": ["code"],
                        "subject_types_supported": ["public"],
                        "id_token_signing_alg_values_supported": ["RS256"],
                        "code_challenge_methods_supported": ["S256"],
                        "token_endpoint_auth_methods_supported": ["client_secret_basic"],
                    })
                if u.path == "/jwks":
                    return self.json({"keys": [json.loads(provider.key.export_public())]})
                if u.path == "/authorize":
                    return self.authorize_form(q)
                if u.path == "/userinfo":
                    auth = self.headers.get("Authorization", "")
                    account = provider.tokens.get(auth.removeprefix("Bearer "))
                    if account is None:
                        return self.json({"error": "invalid_token"}, 401)
                    info = {k: v for k, v in account.items() if k != "password"}
                    return self.json(info)
                if u.path == "/logout":
                    provider.logouts.append(q)
                    target = q.get("post_logout_redirect_uri")
                    if target:
                        return self.send(302, "", "text/plain", [("Location", target)])
                    return self.send(200, "<p>Вы вышли</p>", "text/html; charset=utf-8")
                self.send(404, "{}")

            def authorize_form(self, q):
                error = self.check_request(q)
                if error:
                    return self.send(400, error, "text/plain; charset=utf-8")
                hidden = "".join(
                    f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
                    for k, v in q.items())
                page = ("<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>"
                        "Госуслуги (тестовый вход)</title></head><body><form method=\"post\" "
                        f"action=\"/authorize\">{hidden}<label>Логин <input name=\"login\" "
                        "id=\"login\"></label><label>Пароль <input name=\"password\" "
                        "id=\"password\" type=\"password\"></label><button type=\"submit\">Войти"
                        "</button></form></body></html>")
                self.send(200, page, "text/html; charset=utf-8")

            def check_request(self, q):
                if q.get("client_id") != provider.client_id:
                    return "unknown client"
                if provider.redirect_uri and q.get("redirect_uri") != provider.redirect_uri:
                    return "redirect_uri not registered"
                if q.get("response_type") != "code" or "openid" not in q.get("scope", "").split():
                    return "bad response_type or scope"
                if q.get("code_challenge_method") != "S256" or not q.get("code_challenge"):
                    return "PKCE S256 required"
                if not q.get("state") or not q.get("nonce"):
                    return "state and nonce required"
                return None

            def do_POST(self):
                u = urllib.parse.urlsplit(self.path)
                provider.requests.append(("POST", u.path))
                length = int(self.headers.get("Content-Length") or 0)
                form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
                if u.path == "/authorize":
                    error = self.check_request(form)
                    if error:
                        return self.send(400, error, "text/plain")
                    account = ACCOUNTS.get(form.get("login"))
                    if account is None or account["password"] != form.get("password"):
                        return self.authorize_form(form)
                    code = secrets.token_urlsafe(32)
                    provider.codes[code] = {"account": account, "nonce": form["nonce"],
                                            "challenge": form["code_challenge"],
                                            "redirect_uri": form["redirect_uri"]}
                    target = form["redirect_uri"] + "?" + urllib.parse.urlencode(
                        {"code": code, "state": form["state"]})
                    return self.send(302, "", "text/plain", [("Location", target)])
                if u.path == "/token":
                    provider.token_calls += 1
                    if provider.attack == "token_garbage":
                        return self.send(200, "<<not json>>", "text/plain")
                    if provider.attack == "token_500":
                        return self.send(500, "{}")
                    auth = self.headers.get("Authorization", "")
                    try:
                        user, _, secret = base64.b64decode(auth.removeprefix("Basic ")).decode() \
                            .partition(":")
                        user, secret = urllib.parse.unquote_plus(user), \
                            urllib.parse.unquote_plus(secret)
                    except Exception:
                        user = secret = None
                    if user != provider.client_id or secret != provider.client_secret:
                        return self.json({"error": "invalid_client"}, 401)
                    grant = provider.codes.pop(form.get("code", ""), None)
                    if grant is None or form.get("grant_type") != "authorization_code":
                        return self.json({"error": "invalid_grant"}, 400)
                    if form.get("redirect_uri") != grant["redirect_uri"]:
                        return self.json({"error": "invalid_grant"}, 400)
                    verifier = form.get("code_verifier", "")
                    if b64url(hashlib.sha256(verifier.encode()).digest()) != grant["challenge"]:
                        return self.json({"error": "invalid_grant",
                                          "error_description": "PKCE"}, 400)
                    access = secrets.token_urlsafe(24)
                    provider.tokens[access] = grant["account"]
                    return self.json({"access_token": access, "token_type": "Bearer",
                                      "expires_in": 300,
                                      "id_token": provider.id_token(grant["account"], grant)})
                self.send(404, "{}")

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def settings(self, stack_port):
        """The [residents] settings of a portal on stack_port that uses this provider."""
        self.redirect_uri = f"http://127.0.0.1:{stack_port}/account/callback"
        return {("municipality", "site_url"): f"http://127.0.0.1:{stack_port}",
                ("residents", "issuer"): self.issuer,
                ("residents", "client_id"): self.client_id,
                ("residents", "client_secret"): self.client_secret,
                ("residents", "trusted_claim"): "trusted",
                ("residents", "trusted_value"): "true"}
