/* auth.c — sessions, anti-forgery tokens, passwords and login throttling (see auth.h). */
#include "auth.h"

#include <fcntl.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "db_user.h"
#include "params.h"
#include "staff_account.h"
#include "worker.h"

#define TOKEN_BYTES 32
#define TOUCH_EVERY_SECONDS 60
#define THROTTLE_FORGET_SECONDS 3600

const char *const auth_role_codes[] = {"admin",    "organizer",  "secretary", "press",
				       "executor", "controller", NULL};
static const char *const role_labels[] = {"администратор", "организатор", "секретарь",
					  "пресс-служба", "исполнитель", "контролёр"};

unsigned auth_role_bit(const char *code)
{
	for (int i = 0; auth_role_codes[i] != NULL; i++)
		if (strcmp(auth_role_codes[i], code) == 0)
			return 1u << i;
	return 0;
}

const char *auth_role_label(const char *code)
{
	for (int i = 0; auth_role_codes[i] != NULL; i++)
		if (strcmp(auth_role_codes[i], code) == 0)
			return role_labels[i];
	return code;
}

/* A fresh random token, URL-safe base64 without padding. */
static const char *random_token(struct arena *a)
{
	unsigned char bytes[TOKEN_BYTES];
	randombytes_buf(bytes, sizeof bytes);
	size_t size = sodium_base64_ENCODED_LEN(TOKEN_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char *text = arena_alloc(a, size);
	sodium_bin2base64(text, size, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return text;
}

/* Sessions are stored by the hash of their token only. */
static void token_hash(const char *token, unsigned char out[crypto_generichash_BYTES])
{
	crypto_generichash(out, crypto_generichash_BYTES, (const unsigned char *)token, strlen(token),
			   NULL, 0);
}

static const char *cookie_attributes(struct request *req, const char *path)
{
	return arena_printf(req->arena, "Path=%s; HttpOnly; SameSite=Lax%s", path,
			    req->https ? "; Secure" : "");
}

int auth_load_session(struct request *req)
{
	req->staff = NULL;
	const struct param *cookie = params_find(&req->cookies, SESSION_COOKIE);
	if (cookie == NULL || cookie->value_len == 0 || cookie->value_len > 100)
		return 0;
	struct worker *w = req->worker;
	unsigned char hash[crypto_generichash_BYTES];
	token_hash(cookie->value, hash);
	struct staff_session row;
	int rc = db_session_get(&w->db, req->arena, hash, sizeof hash, &row);
	if (rc != 0)
		return rc > 0 ? 0 : -1;
	long long id = row.id;
	time_t created = row.created_at;
	time_t seen = row.last_seen_at;
	struct staff *st = arena_calloc(req->arena, 1, sizeof *st);
	st->session_id = id;
	st->csrf = row.csrf;
	st->user_id = row.user_id;
	st->login = row.login;
	st->full_name = row.full_name;
	st->role_code = row.role;
	st->role = auth_role_bit(st->role_code);
	st->person_id = row.person_id;
	st->municipality_id = row.municipality_id;
	st->municipality = row.municipality;

	const struct config *cfg = w->cfg;
	bool idle = req->now - seen > (time_t)cfg->session_idle_minutes * 60;
	bool too_old = req->now - created > (time_t)cfg->session_max_hours * 3600;
	if (idle || too_old) {
		sqlite3_stmt *s = db_stmt(&w->db, STMT_SESSION_DELETE);
		sqlite3_bind_int64(s, 1, id);
		sqlite3_step(s);
		db_done(s);
		return 0;
	}
	if (req->now - seen >= TOUCH_EVERY_SECONDS) {
		sqlite3_stmt *s = db_stmt(&w->db, STMT_SESSION_TOUCH);
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
		sqlite3_step(s);
		db_done(s);
	}
	req->staff = st;
	return 0;
}

static bool tokens_equal(const char *a, const char *b)
{
	size_t n = strlen(a);
	return n > 0 && n == strlen(b) && sodium_memcmp(a, b, n) == 0;
}

bool auth_csrf_valid(struct request *req, const char *token)
{
	if (token == NULL)
		return false;
	if (req->staff != NULL)
		return tokens_equal(req->staff->csrf, token);
	bool staff_path = strncmp(req->path, "/admin", 6) == 0;
	const struct param *cookie =
		params_find(&req->cookies, staff_path ? LOGIN_CSRF_COOKIE : PUBLIC_CSRF_COOKIE);
	return cookie != NULL && tokens_equal(cookie->value, token);
}

/* The pre-session token in cookie name (limited to path), set fresh when absent. */
static const char *pre_session_csrf(struct request *req, const char *name, const char *path)
{
	const struct param *cookie = params_find(&req->cookies, name);
	if (cookie != NULL && cookie->value_len >= 20 && cookie->value_len <= 64)
		return cookie->value;
	const char *token = random_token(req->arena);
	response_header(req, "Set-Cookie",
			arena_printf(req->arena, "%s=%s; %s", name, token,
				     cookie_attributes(req, path)));
	return token;
}

const char *auth_login_csrf(struct request *req)
{
	return pre_session_csrf(req, LOGIN_CSRF_COOKIE, "/admin");
}

const char *auth_public_csrf(struct request *req, const char *prefix)
{
	return pre_session_csrf(req, PUBLIC_CSRF_COOKIE,
				prefix && prefix[0]
					? arena_printf(req->arena, "%s" PUBLIC_CSRF_PATH, prefix)
					: PUBLIC_CSRF_PATH);
}

/* Seconds until key may try again, 0 when it may now; *locked says whether it is a lock. */
long auth_throttle_wait(struct request *req, const char *key, bool *locked)
{
	struct worker *w = req->worker;
	struct login_throttle t;
	long wait = 0;
	*locked = false;
	/* A database error (logged) counts as no failures: the sign-in itself then fails. */
	if (db_throttle_get(&w->db, key, &t) == 0) {
		long long failures = t.failures;
		time_t last = t.last_failure_at;
		time_t until = t.locked_until;
		if (until > req->now) {
			*locked = true;
			wait = (long)(until - req->now);
		} else if (until == 0 && failures >= 2 && req->now - last < THROTTLE_FORGET_SECONDS) {
			/* Slowed: 2, 4, 8… seconds between attempts after the second failure. */
			long delay = 1L << (failures - 1 < 5 ? failures - 1 : 5);
			if (req->now - last < delay)
				wait = (long)(last + delay - req->now);
		}
	}
	return wait;
}

void auth_throttle_fail(struct request *req, const char *key)
{
	auth_throttle_fail_after(req, key, req->worker->cfg->login_max_failures);
}

void auth_throttle_fail_after(struct request *req, const char *key, int max_failures)
{
	const struct config *cfg = req->worker->cfg;
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_THROTTLE_FAIL);
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	sqlite3_bind_int(s, 3, max_failures);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)cfg->login_lock_minutes * 60);
	sqlite3_bind_int(s, 5, THROTTLE_FORGET_SECONDS);
	if (sqlite3_step(s) != SQLITE_DONE)
		db_log_error(&req->worker->db, "throttle");
	db_done(s);
}

void auth_throttle_clear(struct request *req, const char *key)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_THROTTLE_CLEAR);
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_step(s);
	db_done(s);
}

/* A hash of a password nobody has, computed once per worker: an unknown login costs the same
 * argon2id verification as a known one, so timing does not tell them apart. */
static const char *dummy_hash(void)
{
	static char hash[crypto_pwhash_STRBYTES];
	if (hash[0] == '\0' && staff_password_hash("no account has this password", hash) < 0)
		hash[0] = '\0';
	return hash;
}

void auth_init(void)
{
	dummy_hash();
}

/* Start a session for the user and make the request its own (so the sign-in is audited under
 * the user's id). */
static int create_session(struct request *req, const char *login, long long user_id)
{
	const char *token = random_token(req->arena);
	unsigned char hash[crypto_generichash_BYTES];
	token_hash(token, hash);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_SESSION_INSERT);
	sqlite3_bind_blob(s, 1, hash, sizeof hash, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, user_id);
	sqlite3_bind_text(s, 3, random_token(req->arena), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)req->now);
	sqlite3_bind_text(s, 5, req->remote_addr, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	db_done(s);
	if (rc != SQLITE_DONE) {
		db_log_error(&req->worker->db, "session insert");
		return -1;
	}
	struct staff *st = arena_calloc(req->arena, 1, sizeof *st);
	st->user_id = user_id;
	st->login = login;
	st->full_name = "";
	st->role_code = "";
	st->session_id = sqlite3_last_insert_rowid(req->worker->db.conn);
	st->csrf = "";
	req->staff = st;
	response_header(req, "Set-Cookie",
			arena_printf(req->arena, "%s=%s; %s", SESSION_COOKIE, token,
				     cookie_attributes(req, "/admin")));
	return 0;
}

/* ---- password checks at once: slots in a lock file shared by the workers ------------------- */

/* Each byte of the file is a slot, held with an fcntl record lock while its holder hashes: the
 * kernel frees it when the process ends, so a worker killed in the middle leaks nothing. */
static int slot_fd = -1;      /* this process's descriptor of the slot file; -1: not open */
static pid_t slot_owner;      /* the process that opened it (a fork must open its own) */

/* The slot file of this worker's configuration, opened once per process; -1 when it cannot be
 * (then password checks are not capped, and that is logged once). */
static int slot_file(const struct config *cfg)
{
	if (slot_fd >= 0 && slot_owner == getpid())
		return slot_fd;
	static bool warned;
	char path[4096];
	if (snprintf(path, sizeof path, "%s.password-slots", cfg->database_path) >= (int)sizeof path)
		return -1;
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (!warned)
			fprintf(stderr, "auth: cannot open %s (%m): password checks are not capped\n",
				path);
		warned = true;
		return -1;
	}
	slot_fd = fd;
	slot_owner = getpid();
	return fd;
}

int auth_password_slot_take(const struct config *cfg)
{
	int fd = slot_file(cfg);
	if (fd < 0)
		return INT_MAX; /* not capped */
	for (int i = 0; i < cfg->password_checks; i++) {
		struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = i, .l_len = 1};
		if (fcntl(fd, F_SETLK, &fl) == 0)
			return i;
	}
	return -1;
}

void auth_password_slot_give(int slot)
{
	if (slot < 0 || slot == INT_MAX || slot_fd < 0)
		return;
	struct flock fl = {.l_type = F_UNLCK, .l_whence = SEEK_SET, .l_start = slot, .l_len = 1};
	fcntl(slot_fd, F_SETLK, &fl);
}

/* How many failures from one address, on any logins, lock the address: several times the
 * number that locks one login there, so that one person's mistakes do not lock an office
 * behind one address, while a robot trying many logins is stopped. */
static int address_max_failures(const struct config *cfg)
{
	return cfg->login_max_failures * 4;
}

enum login_result auth_login(struct request *req, const char *login, const char *password,
			     long *wait_seconds)
{
	/* Failures are counted per (login, address) and per address, never per login alone: a
	 * login anyone can lock from anywhere would lock its owner out (issue 21, item 19). */
	const char *login_key =
		arena_printf(req->arena, "login:%s addr:%s", login, req->remote_addr);
	const char *addr_key = arena_printf(req->arena, "addr:%s", req->remote_addr);
	bool login_locked, addr_locked;
	/* Rows of failures long past (unknown logins included) are forgotten. */
	sqlite3_stmt *purge = db_stmt(&req->worker->db, STMT_THROTTLE_PURGE);
	sqlite3_bind_int64(purge, 1, (sqlite3_int64)(req->now - THROTTLE_FORGET_SECONDS));
	sqlite3_step(purge);
	db_done(purge);
	long wait_login = auth_throttle_wait(req, login_key, &login_locked);
	long wait_addr = auth_throttle_wait(req, addr_key, &addr_locked);
	if (wait_login > 0 || wait_addr > 0) {
		*wait_seconds = wait_login > wait_addr ? wait_login : wait_addr;
		return login_locked || addr_locked ? LOGIN_LOCKED : LOGIN_WAIT;
	}

	struct db *db = &req->worker->db;
	struct user_credentials user;
	long long user_id = 0;
	const char *hash = dummy_hash();
	if (db_user_by_login(db, req->arena, login, &user) == 0 && !user.disabled) {
		user_id = user.id;
		hash = user.password_hash;
	}
	/* The same cap for known and unknown logins: the answer tells nothing about the login. */
	int slot = auth_password_slot_take(req->worker->cfg);
	if (slot < 0) {
		*wait_seconds = AUTH_BUSY_RETRY_SECONDS;
		return LOGIN_BUSY;
	}
	bool ok = crypto_pwhash_str_verify(hash, password, strlen(password)) == 0 && user_id > 0;
	auth_password_slot_give(slot);

	if (db_begin(db) < 0)
		return LOGIN_ERROR;
	if (!ok) {
		auth_throttle_fail(req, login_key);
		auth_throttle_fail_after(req, addr_key, address_max_failures(req->worker->cfg));
		if (db_commit(db) < 0)
			return LOGIN_ERROR;
		return LOGIN_WRONG;
	}
	auth_throttle_clear(req, login_key);
	auth_throttle_clear(req, addr_key);
	if (create_session(req, login, user_id) < 0 ||
	    audit_record(req, login, "login", "staff_user", user_id, NULL, NULL) < 0) {
		db_rollback(db);
		return LOGIN_ERROR;
	}
	return db_commit(db) < 0 ? LOGIN_ERROR : LOGIN_OK;
}

int auth_logout(struct request *req)
{
	if (req->staff != NULL) {
		sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_SESSION_DELETE);
		sqlite3_bind_int64(s, 1, req->staff->session_id);
		int rc = sqlite3_step(s);
		db_done(s);
		if (rc != SQLITE_DONE)
			return -1;
	}
	response_header(req, "Set-Cookie",
			arena_printf(req->arena, "%s=; Max-Age=0; %s", SESSION_COOKIE,
				     cookie_attributes(req, "/admin")));
	return 0;
}

enum login_result auth_check_password(struct request *req, const char *password,
				     long *wait_seconds)
{
	const char *key = arena_printf(req->arena, "login:%s", req->staff->login);
	bool locked;
	long wait = auth_throttle_wait(req, key, &locked);
	if (wait > 0) {
		*wait_seconds = wait;
		return locked ? LOGIN_LOCKED : LOGIN_WAIT;
	}
	int slot = auth_password_slot_take(req->worker->cfg);
	if (slot < 0) {
		*wait_seconds = AUTH_BUSY_RETRY_SECONDS;
		return LOGIN_BUSY;
	}
	bool matches = auth_password_matches(req, req->staff->user_id, password);
	auth_password_slot_give(slot);
	if (matches)
		return LOGIN_OK;
	auth_throttle_fail(req, key);
	return LOGIN_WRONG;
}

bool auth_password_matches(struct request *req, long long user_id, const char *password)
{
	struct user_account user;
	const char *hash = dummy_hash();
	bool known = false;
	if (db_user_by_id(&req->worker->db, req->arena, user_id, &user) == 0) {
		hash = user.password_hash;
		known = true;
	}
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0 && known;
}

int auth_end_other_sessions(struct request *req)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_SESSION_DELETE_OTHERS);
	sqlite3_bind_int64(s, 1, req->staff->user_id);
	sqlite3_bind_int64(s, 2, req->staff->session_id);
	int rc = sqlite3_step(s);
	db_done(s);
	return rc == SQLITE_DONE ? 0 : -1;
}
