/* oidc.c — the OpenID Connect relying party of the residents' sign-in (see oidc.h). */
#include "oidc.h"

#include <cjose/cjose.h>
#include <curl/curl.h>
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_account.h"
#include "page.h"
#include "params.h"
#include "worker.h"

#define PENDING_SECONDS 600        /* a sign-in must come back within 10 minutes */
#define DISCOVERY_SECONDS 3600     /* the discovery document is read again after an hour */
#define JWKS_REFETCH_SECONDS 60    /* an unknown kid fetches the keys at most once a minute */
#define CLOCK_SKEW_SECONDS 60      /* tolerated between our clock and the provider's */
#define ID_TOKEN_MAX_AGE 600       /* an ID token issued longer ago than this is refused */
#define RESPONSE_MAX_BYTES (256 * 1024)
#define OIDC_STATE_COOKIE "portal_oidc_state"

/* What a worker remembers of the provider between requests. */
static struct {
	char *issuer;
	char *authorization_endpoint, *token_endpoint, *userinfo_endpoint, *end_session_endpoint,
		*jwks_uri;
	json_t *algorithms;   /* id_token_signing_alg_values_supported, or NULL */
	time_t discovered_at;
	json_t *jwks;         /* the provider's key set */
	time_t jwks_fetched_at;
} provider;

/* The signature algorithms accepted at all, whatever the provider advertises: asymmetric only
 * (a symmetric HS256 with a public key as the secret is the classic forgery), never "none". */
static const char *const allowed_algorithms[] = {"RS256", "RS384", "RS512", "PS256",
						 "ES256", "ES384", NULL};

void oidc_forget(void)
{
	char **strings[] = {&provider.issuer, &provider.authorization_endpoint,
			    &provider.token_endpoint, &provider.userinfo_endpoint,
			    &provider.end_session_endpoint, &provider.jwks_uri};
	for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++) {
		free(*strings[i]);
		*strings[i] = NULL;
	}
	if (provider.algorithms)
		json_decref(provider.algorithms);
	if (provider.jwks)
		json_decref(provider.jwks);
	provider.algorithms = provider.jwks = NULL;
	provider.discovered_at = provider.jwks_fetched_at = 0;
}

/* ---- HTTP to the provider ---- */

struct body {
	char *data;
	size_t len;
	bool too_large;
};

/* libcurl's write callback: append to the body, refusing more than RESPONSE_MAX_BYTES. */
static size_t collect(char *ptr, size_t size, size_t n, void *user)
{
	struct body *b = user;
	size_t add = size * n;
	if (b->len + add > RESPONSE_MAX_BYTES) {
		b->too_large = true;
		return 0;
	}
	char *grown = realloc(b->data, b->len + add + 1);
	if (grown == NULL)
		return 0;
	memcpy(grown + b->len, ptr, add);
	b->data = grown;
	b->len += add;
	b->data[b->len] = '\0';
	return add;
}

/* GET url, or POST form to it (with HTTP Basic client authentication when user is not NULL, or
 * a bearer token). The JSON object of a 2xx answer, or NULL with *why. */
static json_t *fetch_json(struct request *req, const char *url, const char *form,
			  const char *user, const char *password, const char *bearer,
			  const char **why)
{
	const struct config *cfg = req->worker->cfg;
	CURL *curl = curl_easy_init();
	if (curl == NULL) {
		*why = "curl_easy_init failed";
		return NULL;
	}
	struct body b = {0};
	struct curl_slist *headers = curl_slist_append(NULL, "Accept: application/json");
	if (bearer != NULL)
		headers = curl_slist_append(headers,
					    arena_printf(req->arena, "Authorization: Bearer %s",
							 bearer));
	curl_easy_setopt(curl, CURLOPT_URL, url);
	curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, (long)cfg->oidc_timeout_seconds);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, (long)cfg->oidc_timeout_seconds);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, &b);
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
	if (form != NULL)
		curl_easy_setopt(curl, CURLOPT_POSTFIELDS, form);
	if (user != NULL) {
		curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
		curl_easy_setopt(curl, CURLOPT_USERNAME, user);
		curl_easy_setopt(curl, CURLOPT_PASSWORD, password);
	}
	CURLcode rc = curl_easy_perform(curl);
	long status = 0;
	curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
	curl_slist_free_all(headers);
	curl_easy_cleanup(curl);
	json_t *json = NULL;
	if (rc != CURLE_OK) {
		*why = arena_printf(req->arena, "%s: %s", url,
				    b.too_large ? "answer too large" : curl_easy_strerror(rc));
	} else if (status < 200 || status > 299) {
		*why = arena_printf(req->arena, "%s answered %ld", url, status);
	} else {
		json_error_t error;
		json = b.data ? json_loads(b.data, 0, &error) : NULL;
		if (json == NULL || !json_is_object(json)) {
			*why = arena_printf(req->arena, "%s: not a JSON object", url);
			if (json)
				json_decref(json);
			json = NULL;
		}
	}
	free(b.data);
	return json;
}

/* A malloc'd copy of the non-empty string member name of o, or NULL. */
static char *dup_member(json_t *o, const char *name)
{
	const char *v = json_string_value(json_object_get(o, name));
	return v && v[0] ? strdup(v) : NULL;
}

/* The discovery document, read at most once an hour. Its issuer must be the configured one
 * exactly (OpenID Connect Discovery §4.3). */
static int discover(struct request *req, const char **why)
{
	const struct config *cfg = req->worker->cfg;
	if (cfg->oidc_issuer[0] == '\0') {
		*why = "no [residents] issuer configured";
		return -1;
	}
	if (provider.issuer != NULL && req->now - provider.discovered_at < DISCOVERY_SECONDS)
		return 0;
	size_t n = strlen(cfg->oidc_issuer);
	const char *url = arena_printf(req->arena, "%.*s/.well-known/openid-configuration",
				       (int)(n > 0 && cfg->oidc_issuer[n - 1] == '/' ? n - 1 : n),
				       cfg->oidc_issuer);
	json_t *doc = fetch_json(req, url, NULL, NULL, NULL, NULL, why);
	if (doc == NULL)
		return -1;
	const char *issuer = json_string_value(json_object_get(doc, "issuer"));
	if (issuer == NULL || strcmp(issuer, cfg->oidc_issuer) != 0 ||
	    json_string_value(json_object_get(doc, "authorization_endpoint")) == NULL ||
	    json_string_value(json_object_get(doc, "token_endpoint")) == NULL ||
	    json_string_value(json_object_get(doc, "jwks_uri")) == NULL) {
		*why = "the discovery document lacks endpoints or names another issuer";
		json_decref(doc);
		return -1;
	}
	oidc_forget();
	provider.issuer = strdup(issuer);
	provider.authorization_endpoint = dup_member(doc, "authorization_endpoint");
	provider.token_endpoint = dup_member(doc, "token_endpoint");
	provider.userinfo_endpoint = dup_member(doc, "userinfo_endpoint");
	provider.end_session_endpoint = dup_member(doc, "end_session_endpoint");
	provider.jwks_uri = dup_member(doc, "jwks_uri");
	json_t *algs = json_object_get(doc, "id_token_signing_alg_values_supported");
	provider.algorithms = json_is_array(algs) ? json_incref(algs) : NULL;
	provider.discovered_at = req->now;
	json_decref(doc);
	return 0;
}

/* ---- helpers ---- */

/* bytes as base64url without padding (RFC 7636's code challenge), from the arena. */
static const char *base64url(struct arena *a, const unsigned char *bytes, size_t n)
{
	size_t size = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char *text = arena_alloc(a, size);
	sodium_bin2base64(text, size, bytes, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return text;
}

/* Append name=value (value percent-encoded) to a query or form, '&' before all but the first. */
static void append_param(struct buf *b, bool *first, const char *name, const char *value)
{
	buf_puts(b, *first ? "" : "&");
	*first = false;
	buf_puts(b, name);
	buf_puts(b, "=");
	page_append_encoded(b, value);
}

int oidc_begin(struct request *req, const char *return_to, const char **location,
	       const char **why)
{
	const struct config *cfg = req->worker->cfg;
	if (discover(req, why) < 0)
		return -1;
	const char *state = resident_random_token(req->arena);
	const char *nonce = resident_random_token(req->arena);
	const char *verifier = resident_random_token(req->arena); /* 43 characters (RFC 7636) */
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(digest, (const unsigned char *)verifier, strlen(verifier));
	const char *challenge = base64url(req->arena, digest, sizeof digest);

	unsigned char hash[32];
	resident_token_hash(state, hash);
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0) {
		*why = "database";
		return -1;
	}
	sqlite3_stmt *s = db_stmt(db, STMT_OIDC_PENDING_PURGE);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)(req->now - PENDING_SECONDS));
	db_run(s);
	s = db_stmt(db, STMT_OIDC_PENDING_INSERT);
	sqlite3_bind_blob(s, 1, hash, sizeof hash, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, nonce, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, verifier, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, return_to, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 5, (sqlite3_int64)req->now);
	if (db_run(s) != SQLITE_DONE || db_commit(db) < 0) {
		db_rollback(db);
		*why = "database";
		return -1;
	}
	struct buf url;
	buf_init(&url, req->arena);
	buf_puts(&url, provider.authorization_endpoint);
	buf_puts(&url, strchr(provider.authorization_endpoint, '?') ? "&" : "?");
	bool first = true;
	append_param(&url, &first, "response_type", "code");
	append_param(&url, &first, "client_id", cfg->oidc_client_id);
	append_param(&url, &first, "redirect_uri", cfg->oidc_redirect_uri);
	append_param(&url, &first, "scope", cfg->oidc_scopes);
	append_param(&url, &first, "state", state);
	append_param(&url, &first, "nonce", nonce);
	append_param(&url, &first, "code_challenge", challenge);
	append_param(&url, &first, "code_challenge_method", "S256");
	*location = url.data;
	/* The state is bound to this browser: the callback must come with this cookie, so a
	 * callback link started by someone else (login CSRF: the victim signed in as the
	 * attacker, their appeal in the attacker's account) is refused. */
	response_header(req, "Set-Cookie",
			arena_printf(req->arena, "%s=%s; Max-Age=%d; %s", OIDC_STATE_COOKIE, state,
				     PENDING_SECONDS,
				     resident_cookie_attributes(req, "/account/callback")));
	return 0;
}

/* ---- the ID token ---- */

/* Whether alg is in the allowlist and among the algorithms the provider advertises. */
static bool algorithm_allowed(const char *alg)
{
	if (alg == NULL)
		return false;
	bool known = false;
	for (int i = 0; allowed_algorithms[i] != NULL; i++)
		if (strcmp(allowed_algorithms[i], alg) == 0)
			known = true;
	if (!known)
		return false;
	if (provider.algorithms == NULL)
		return true;
	size_t i;
	json_t *v;
	json_array_foreach(provider.algorithms, i, v)
		if (json_is_string(v) && strcmp(json_string_value(v), alg) == 0)
			return true;
	return false;
}

/* The provider's key set, fetched when never fetched or when force is set and the last fetch
 * is over a minute old (an unknown kid: the provider rotated its keys, or a forger guesses). */
static int load_jwks(struct request *req, bool force, const char **why)
{
	if (provider.jwks != NULL && !force)
		return 0;
	if (provider.jwks != NULL && req->now - provider.jwks_fetched_at < JWKS_REFETCH_SECONDS)
		return 0;
	json_t *set = fetch_json(req, provider.jwks_uri, NULL, NULL, NULL, NULL, why);
	if (set == NULL)
		return -1;
	if (!json_is_array(json_object_get(set, "keys"))) {
		json_decref(set);
		*why = "the JWKS has no keys";
		return -1;
	}
	if (provider.jwks)
		json_decref(provider.jwks);
	provider.jwks = set;
	provider.jwks_fetched_at = req->now;
	return 0;
}

/* The signing key of the set for kid (NULL: the only signing key) and alg. */
static json_t *find_key(const char *kid, const char *alg)
{
	if (provider.jwks == NULL)
		return NULL;
	const char *family = alg[0] == 'E' ? "EC" : "RSA";
	json_t *found = NULL, *key;
	size_t i, candidates = 0;
	json_array_foreach(json_object_get(provider.jwks, "keys"), i, key) {
		const char *kty = json_string_value(json_object_get(key, "kty"));
		const char *use = json_string_value(json_object_get(key, "use"));
		const char *key_alg = json_string_value(json_object_get(key, "alg"));
		const char *key_kid = json_string_value(json_object_get(key, "kid"));
		if (kty == NULL || strcmp(kty, family) != 0 || (use && strcmp(use, "sig") != 0) ||
		    (key_alg && strcmp(key_alg, alg) != 0))
			continue;
		if (kid != NULL && (key_kid == NULL || strcmp(key_kid, kid) != 0))
			continue;
		found = key;
		candidates++;
	}
	return candidates == 1 ? found : NULL;
}

/* Verify the compact JWS id_token with the provider's keys; its claims, or NULL with *why. */
static json_t *verify_signature(struct request *req, const char *id_token, const char **why)
{
	cjose_err err;
	cjose_jws_t *jws = cjose_jws_import(id_token, strlen(id_token), &err);
	if (jws == NULL) {
		*why = "the ID token is not a JWS";
		return NULL;
	}
	json_t *claims = NULL;
	cjose_header_t *header = cjose_jws_get_protected(jws);
	const char *alg = header ? json_string_value(json_object_get(header, "alg")) : NULL;
	const char *kid = header ? json_string_value(json_object_get(header, "kid")) : NULL;
	if (!algorithm_allowed(alg)) {
		*why = arena_printf(req->arena, "ID token algorithm %s refused", alg ? alg : "(none)");
		goto out_release;
	}
	if (load_jwks(req, false, why) < 0)
		goto out_release;
	json_t *key = find_key(kid, alg);
	if (key == NULL) {
		if (load_jwks(req, true, why) < 0)
			goto out_release;
		key = find_key(kid, alg);
	}
	if (key == NULL) {
		*why = arena_printf(req->arena, "no key %s for %s in the provider's JWKS",
				    kid ? kid : "(no kid)", alg);
		goto out_release;
	}
	cjose_jwk_t *jwk = cjose_jwk_import_json((cjose_header_t *)key, &err);
	if (jwk == NULL) {
		*why = "the provider's key cannot be read";
		goto out_release;
	}
	bool valid = cjose_jws_verify(jws, jwk, &err);
	cjose_jwk_release(jwk);
	if (!valid) {
		*why = "the ID token's signature is wrong";
		goto out_release;
	}
	uint8_t *payload;
	size_t payload_len;
	if (!cjose_jws_get_plaintext(jws, &payload, &payload_len, &err)) {
		*why = "the ID token has no payload";
		goto out_release;
	}
	json_error_t jerr;
	claims = json_loadb((const char *)payload, payload_len, 0, &jerr);
	if (claims != NULL && !json_is_object(claims)) {
		json_decref(claims);
		claims = NULL;
	}
	if (claims == NULL)
		*why = "the ID token's payload is not a JSON object";
out_release:
	cjose_jws_release(jws);
	return claims;
}

/* iss, aud, azp, exp, iat, nonce and sub of verified claims (OpenID Connect Core §3.1.3.7). */
static bool claims_valid(struct request *req, json_t *claims, const char *nonce,
			 const char **why)
{
	const char *client = req->worker->cfg->oidc_client_id;
	const char *iss = json_string_value(json_object_get(claims, "iss"));
	if (iss == NULL || strcmp(iss, provider.issuer) != 0) {
		*why = "the ID token's issuer is wrong";
		return false;
	}
	json_t *aud = json_object_get(claims, "aud");
	bool audience = false;
	size_t audiences = 1;
	if (json_is_string(aud)) {
		audience = strcmp(json_string_value(aud), client) == 0;
	} else if (json_is_array(aud)) {
		size_t i;
		json_t *v;
		audiences = json_array_size(aud);
		json_array_foreach(aud, i, v)
			if (json_is_string(v) && strcmp(json_string_value(v), client) == 0)
				audience = true;
	}
	if (!audience) {
		*why = "the ID token is not for this client (aud)";
		return false;
	}
	const char *azp = json_string_value(json_object_get(claims, "azp"));
	if ((audiences > 1 && azp == NULL) || (azp != NULL && strcmp(azp, client) != 0)) {
		*why = "the ID token's azp is another client";
		return false;
	}
	json_t *exp = json_object_get(claims, "exp"), *iat = json_object_get(claims, "iat");
	if (!json_is_number(exp) || json_number_value(exp) + CLOCK_SKEW_SECONDS < (double)req->now) {
		*why = "the ID token has expired";
		return false;
	}
	if (!json_is_number(iat) || json_number_value(iat) > (double)(req->now + CLOCK_SKEW_SECONDS) ||
	    json_number_value(iat) + ID_TOKEN_MAX_AGE < (double)req->now) {
		*why = "the ID token's iat is out of range";
		return false;
	}
	const char *got = json_string_value(json_object_get(claims, "nonce"));
	if (got == NULL || strlen(got) != strlen(nonce) ||
	    sodium_memcmp(got, nonce, strlen(nonce)) != 0) {
		*why = "the ID token's nonce does not match the sign-in";
		return false;
	}
	const char *sub = json_string_value(json_object_get(claims, "sub"));
	if (sub == NULL || sub[0] == '\0' || strlen(sub) > 255) {
		*why = "the ID token has no subject";
		return false;
	}
	return true;
}

/* A claim as text: a string, an address object's "formatted", a boolean or a number; "" when
 * absent. userinfo wins over the ID token. */
static const char *claim_text(struct request *req, json_t *userinfo, json_t *claims,
			      const char *name)
{
	if (name == NULL || name[0] == '\0')
		return "";
	json_t *v = userinfo ? json_object_get(userinfo, name) : NULL;
	if (v == NULL)
		v = json_object_get(claims, name);
	if (json_is_object(v))
		v = json_object_get(v, "formatted");
	if (json_is_string(v))
		return arena_strdup(req->arena, json_string_value(v));
	if (json_is_true(v))
		return "true";
	if (json_is_false(v))
		return "false";
	if (json_is_integer(v))
		return arena_printf(req->arena, "%lld", (long long)json_integer_value(v));
	return "";
}

/* Text of a claim fit for a one-line form field: at most max bytes of valid UTF-8 cut on a
 * character boundary, control characters dropped. */
static const char *line_of(struct request *req, const char *s, size_t max)
{
	char *out = arena_alloc(req->arena, strlen(s) + 1);
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p && n < max; p++) {
		if (*p < 0x20 || *p == 0x7f)
			continue;
		out[n++] = (char)*p;
	}
	while (n > 0 && ((unsigned char)out[n - 1] & 0xC0) == 0x80 && n == max)
		n--; /* a cut multibyte character */
	if (n > 0 && n == max && ((unsigned char)out[n - 1] & 0xC0) == 0xC0)
		n--;
	out[n] = '\0';
	return out;
}

int oidc_finish(struct request *req, const char *code, const char *state,
		struct resident_identity *id, const char **id_token, const char **return_to,
		const char **why)
{
	const struct config *cfg = req->worker->cfg;
	struct db *db = &req->worker->db;
	const struct param *mine = params_find(&req->cookies, OIDC_STATE_COOKIE);
	response_header(req, "Set-Cookie",
			arena_printf(req->arena, "%s=; Max-Age=0; %s", OIDC_STATE_COOKIE,
				     resident_cookie_attributes(req, "/account/callback")));
	if (mine == NULL || mine->value_len != strlen(state) ||
	    sodium_memcmp(mine->value, state, mine->value_len) != 0) {
		*why = "the state is not this browser's (a forged or replayed callback, or login CSRF)";
		return -1;
	}
	unsigned char hash[32];
	resident_token_hash(state, hash);
	/* Taken in one statement: a replayed callback finds nothing. */
	struct oidc_pending pending;
	int found = db_oidc_pending_take(db, req->arena, hash, sizeof hash, &pending);
	if (found != 0) {
		*why = found < 0 ? "the database failed reading the sign-in's state"
				 : "unknown or used state (a forged or replayed callback)";
		return -1;
	}
	const char *nonce = pending.nonce;
	const char *verifier = pending.code_verifier;
	*return_to = pending.return_to;
	if (req->now - pending.created_at > PENDING_SECONDS) {
		*why = "the sign-in took longer than 10 minutes";
		return -1;
	}
	if (discover(req, why) < 0)
		return -1;

	struct buf form;
	buf_init(&form, req->arena);
	bool first = true;
	append_param(&form, &first, "grant_type", "authorization_code");
	append_param(&form, &first, "code", code);
	append_param(&form, &first, "redirect_uri", cfg->oidc_redirect_uri);
	append_param(&form, &first, "code_verifier", verifier);
	append_param(&form, &first, "client_id", cfg->oidc_client_id);
	/* client_secret_basic: the id and secret form-urlencoded first (RFC 6749 §2.3.1). */
	struct buf user, password;
	buf_init(&user, req->arena);
	buf_init(&password, req->arena);
	page_append_encoded(&user, cfg->oidc_client_id);
	page_append_encoded(&password, cfg->oidc_client_secret);
	json_t *tokens = fetch_json(req, provider.token_endpoint, form.data, user.data,
				    password.data, NULL, why);
	if (tokens == NULL)
		return -1;
	const char *raw_id_token = json_string_value(json_object_get(tokens, "id_token"));
	const char *access_token = json_string_value(json_object_get(tokens, "access_token"));
	if (raw_id_token == NULL) {
		*why = "the token endpoint gave no id_token";
		json_decref(tokens);
		return -1;
	}
	*id_token = arena_strdup(req->arena, raw_id_token);
	const char *bearer = access_token ? arena_strdup(req->arena, access_token) : NULL;
	json_decref(tokens);

	json_t *claims = verify_signature(req, *id_token, why);
	if (claims == NULL)
		return -1;
	if (!claims_valid(req, claims, nonce, why)) {
		json_decref(claims);
		return -1;
	}
	json_t *userinfo = NULL;
	if (cfg->oidc_userinfo && provider.userinfo_endpoint != NULL && bearer != NULL) {
		userinfo = fetch_json(req, provider.userinfo_endpoint, NULL, NULL, NULL, bearer,
				      why);
		const char *sub = json_string_value(json_object_get(claims, "sub"));
		const char *info_sub = userinfo ? json_string_value(json_object_get(userinfo, "sub"))
						: NULL;
		if (userinfo == NULL || info_sub == NULL || strcmp(info_sub, sub) != 0) {
			if (userinfo) {
				*why = "userinfo names another subject";
				json_decref(userinfo);
			}
			json_decref(claims);
			return -1;
		}
	}
	id->method = "esia";
	id->subject = arena_strdup(req->arena, json_string_value(json_object_get(claims, "sub")));
	id->surname = line_of(req, claim_text(req, userinfo, claims, cfg->claim_surname), 100);
	id->name = line_of(req, claim_text(req, userinfo, claims, cfg->claim_name), 100);
	id->patronymic = line_of(req, claim_text(req, userinfo, claims, cfg->claim_patronymic), 100);
	id->email = line_of(req, claim_text(req, userinfo, claims, cfg->claim_email), 254);
	id->phone = line_of(req, claim_text(req, userinfo, claims, cfg->claim_phone), 40);
	id->address = line_of(req, claim_text(req, userinfo, claims, cfg->claim_address), 300);
	id->confirmed = cfg->trusted_claim[0] != '\0' &&
			strcmp(claim_text(req, userinfo, claims, cfg->trusted_claim),
			       cfg->trusted_value) == 0;
	if (userinfo)
		json_decref(userinfo);
	json_decref(claims);
	return 0;
}

const char *oidc_logout_url(struct request *req, const char *id_token)
{
	const char *why;
	if (id_token == NULL || id_token[0] == '\0' || discover(req, &why) < 0 ||
	    provider.end_session_endpoint == NULL)
		return NULL;
	const struct config *cfg = req->worker->cfg;
	struct buf url;
	buf_init(&url, req->arena);
	buf_puts(&url, provider.end_session_endpoint);
	buf_puts(&url, strchr(provider.end_session_endpoint, '?') ? "&" : "?");
	bool first = true;
	append_param(&url, &first, "id_token_hint", id_token);
	append_param(&url, &first, "post_logout_redirect_uri", cfg->oidc_post_logout_uri);
	append_param(&url, &first, "client_id", cfg->oidc_client_id);
	return url.data;
}
