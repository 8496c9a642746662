/* resident.c — residents' sessions and form tokens (see resident.h). */
#include "resident.h"

#include <sodium.h>
#include <string.h>

#include "db_account.h"
#include "params.h"
#include "worker.h"

#define TOKEN_BYTES 32
#define TOUCH_EVERY_SECONDS 60

const char *resident_random_token(struct arena *a)
{
	unsigned char bytes[TOKEN_BYTES];
	randombytes_buf(bytes, sizeof bytes);
	size_t size = sodium_base64_ENCODED_LEN(TOKEN_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char *text = arena_alloc(a, size);
	sodium_bin2base64(text, size, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return text;
}

void resident_token_hash(const char *token, unsigned char out[32])
{
	crypto_generichash(out, 32, (const unsigned char *)token, strlen(token), NULL, 0);
}

const char *resident_cookie_attributes(struct request *req, const char *path)
{
	return arena_printf(req->arena, "Path=%s; HttpOnly; SameSite=Lax%s", path,
			    req->https ? "; Secure" : "");
}

int resident_load_session(struct request *req)
{
	req->resident = NULL;
	const struct param *cookie = params_find(&req->cookies, RESIDENT_COOKIE);
	if (cookie == NULL || cookie->value_len < 20 || cookie->value_len > 100)
		return 0;
	struct db *db = &req->worker->db;
	unsigned char hash[32];
	resident_token_hash(cookie->value, hash);
	struct account_session row;
	int rc = db_account_session(db, req->arena, hash, &row);
	if (rc != 0)
		return rc > 0 ? 0 : -1;
	struct resident *r = arena_calloc(req->arena, 1, sizeof *r);
	r->session_id = row.session_id;
	r->csrf = row.csrf;
	time_t created = row.created_at;
	time_t seen = row.seen_at;
	r->id = row.resident_id;
	r->method = row.method;
	r->surname = row.surname;
	r->name = row.name;
	r->patronymic = row.patronymic;
	r->email = row.email;
	r->phone = row.phone;
	r->address = row.address;
	r->confirmed = row.confirmed;
	r->id_token = row.id_token;

	const struct config *cfg = req->worker->cfg;
	if (req->now - seen > (time_t)cfg->resident_session_idle_minutes * 60 ||
	    req->now - created > (time_t)cfg->resident_session_max_hours * 3600) {
		sqlite3_stmt *s = db_stmt(db, STMT_RESIDENT_SESSION_DELETE);
		sqlite3_bind_int64(s, 1, r->session_id);
		db_run(s);
		return 0;
	}
	if (req->now - seen >= TOUCH_EVERY_SECONDS) {
		sqlite3_stmt *s = db_stmt(db, STMT_RESIDENT_SESSION_TOUCH);
		sqlite3_bind_int64(s, 1, r->session_id);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
		db_run(s);
	}
	req->resident = r;
	return 0;
}

int resident_sign_in(struct request *req, const struct resident_identity *id,
		     const char *id_token)
{
	struct db *db = &req->worker->db;
	struct account_identity who = {
		.method = id->method, .subject = id->subject, .surname = id->surname,
		.name = id->name, .patronymic = id->patronymic, .email = id->email,
		.phone = id->phone, .address = id->address, .confirmed = id->confirmed,
	};
	long long resident_id;
	if (db_account_resident_upsert(db, &who, req->now, &resident_id) < 0)
		return -1;
	const char *token = resident_random_token(req->arena);
	unsigned char hash[32];
	resident_token_hash(token, hash);
	sqlite3_stmt *s = db_stmt(db, STMT_RESIDENT_SESSION_INSERT);
	sqlite3_bind_blob(s, 1, hash, sizeof hash, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, resident_id);
	sqlite3_bind_text(s, 3, resident_random_token(req->arena), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)req->now);
	sqlite3_bind_text(s, 5, id_token ? id_token : "", -1, SQLITE_STATIC);
	if (db_run(s) != SQLITE_DONE) {
		db_log_error(db, "resident session insert");
		return -1;
	}
	response_header(req, "Set-Cookie",
			arena_printf(req->arena, "%s=%s; %s", RESIDENT_COOKIE, token,
				     resident_cookie_attributes(req, "/")));
	return 0;
}

int resident_sign_out(struct request *req)
{
	if (req->resident != NULL) {
		sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_RESIDENT_SESSION_DELETE);
		sqlite3_bind_int64(s, 1, req->resident->session_id);
		if (db_run(s) != SQLITE_DONE)
			return -1;
	}
	response_header(req, "Set-Cookie",
			arena_printf(req->arena, "%s=; Max-Age=0; %s", RESIDENT_COOKIE,
				     resident_cookie_attributes(req, "/")));
	return 0;
}

/* Equal non-empty tokens, compared in constant time. */
static bool tokens_equal(const char *a, const char *b)
{
	size_t n = strlen(a);
	return n > 0 && n == strlen(b) && sodium_memcmp(a, b, n) == 0;
}

bool resident_csrf_valid(const struct request *req, const char *token)
{
	return req->resident != NULL && token != NULL && tokens_equal(req->resident->csrf, token);
}

const char *resident_form_token(struct request *req)
{
	const struct param *cookie = params_find(&req->cookies, RESIDENT_FORM_COOKIE);
	if (cookie != NULL && cookie->value_len >= 20 && cookie->value_len <= 64)
		return cookie->value;
	const char *token = resident_random_token(req->arena);
	response_header(req, "Set-Cookie",
			arena_printf(req->arena, "%s=%s; %s", RESIDENT_FORM_COOKIE, token,
				     resident_cookie_attributes(req, "/account")));
	return token;
}

bool resident_form_token_valid(struct request *req, const char *token)
{
	const struct param *cookie = params_find(&req->cookies, RESIDENT_FORM_COOKIE);
	return cookie != NULL && token != NULL && tokens_equal(cookie->value, token);
}
