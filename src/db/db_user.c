/* db_user.c — the statements of staff accounts, sessions and the sign-in throttle, and their
 * readers (see db_user.h). Each DB_STATEMENT row declares the result columns its reader below
 * reads; db_prepare_all prepares this table with the others once per process and refuses to
 * start when a count differs. */
#include "db_user.h"

#include <string.h>

#include "db_statements.h"

const struct db_statement db_user_statements[STMT__MAX] = {
	DB_STATEMENT(STMT_SESSION_GET, 11,
		     "SELECT s.id, s.csrf_token, s.created_at, s.last_seen_at, u.id, u.login, "
		     "u.full_name, u.role, coalesce(u.person_id, 0), "
		     "coalesce(u.municipality_id, 0), coalesce(m.name, '') FROM staff_session s "
		     "JOIN staff_user u ON u.id = s.user_id "
		     "LEFT JOIN municipality m ON m.id = u.municipality_id "
		     "WHERE s.token_hash = ?1 AND u.disabled = 0"),
	DB_STATEMENT(STMT_SESSION_INSERT, 0,
		     "INSERT INTO staff_session (token_hash, user_id, csrf_token, "
		     "created_at, last_seen_at, remote_addr) VALUES (?1, ?2, ?3, ?4, ?4, ?5)"),
	DB_STATEMENT(STMT_SESSION_TOUCH, 0,
		     "UPDATE staff_session SET last_seen_at = ?2 WHERE id = ?1"),
	DB_STATEMENT(STMT_SESSION_DELETE, 0,
		     "DELETE FROM staff_session WHERE id = ?1"),
	DB_STATEMENT(STMT_SESSION_DELETE_OTHERS, 0,
		     "DELETE FROM staff_session WHERE user_id = ?1 AND id <> ?2"),
	DB_STATEMENT(STMT_SESSION_DELETE_USER, 0,
		     "DELETE FROM staff_session WHERE user_id = ?1"),
	DB_STATEMENT(STMT_USER_BY_LOGIN, 3,
		     "SELECT id, password_hash, disabled FROM staff_user WHERE login = ?1"),
	DB_STATEMENT(STMT_USER_BY_ID, 5,
		     "SELECT login, full_name, role, disabled, password_hash "
		     "FROM staff_user WHERE id = ?1"),
	DB_STATEMENT(STMT_USER_SET_PASSWORD, 0,
		     "UPDATE staff_user SET password_hash = ?2, "
		     "password_changed_at = ?3 WHERE id = ?1"),
	DB_STATEMENT(STMT_USER_LIST, 9,
		     "SELECT u.id, u.login, u.full_name, u.role, u.disabled, u.created_at, "
		     "u.email, coalesce(p.full_name, ''), coalesce(m.name, '') FROM staff_user u "
		     "LEFT JOIN person p ON p.id = u.person_id "
		     "LEFT JOIN municipality m ON m.id = u.municipality_id ORDER BY u.disabled, u.login"),
	DB_STATEMENT(STMT_USER_INSERT, 0,
		     "INSERT INTO staff_user (login, full_name, role, password_hash, email, "
		     "person_id, municipality_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
	DB_STATEMENT(STMT_USER_PROFILE, 8,
		     "SELECT login, full_name, role, disabled, email, created_at, "
		     "coalesce(person_id, 0), coalesce(municipality_id, 0) FROM staff_user "
		     "WHERE id = ?1"),
	DB_STATEMENT(STMT_USER_SET_PROFILE, 0,
		     "UPDATE staff_user SET full_name = ?2, email = ?3, person_id = ?4, "
		     "municipality_id = ?5 WHERE id = ?1"),
	DB_STATEMENT(STMT_USER_JSON, 1,
		     "SELECT json_object('login', login, 'full_name', full_name, 'role', role, "
		     "'disabled', json(CASE disabled WHEN 0 THEN 'false' ELSE 'true' END), "
		     "'email', email, 'person_id', person_id, 'municipality_id', municipality_id) "
		     "FROM staff_user WHERE id = ?1"),
	DB_STATEMENT(STMT_USER_SET_DISABLED, 0,
		     "UPDATE staff_user SET disabled = ?2 WHERE id = ?1"),
	DB_STATEMENT(STMT_THROTTLE_GET, 3,
		     "SELECT failures, last_failure_at, locked_until FROM login_throttle "
		     "WHERE key = ?1"),
	DB_STATEMENT(STMT_THROTTLE_FAIL, 0,
		     "INSERT INTO login_throttle (key, failures, last_failure_at, locked_until) "
		     "VALUES (?1, 1, ?2, CASE WHEN ?3 <= 1 THEN ?2 + ?4 ELSE 0 END) "
		     "ON CONFLICT(key) DO UPDATE SET "
		     " failures = CASE WHEN (locked_until > 0 AND locked_until <= ?2) "
		     "   OR last_failure_at < ?2 - ?5 THEN 1 ELSE failures + 1 END, "
		     " locked_until = CASE WHEN (CASE WHEN (locked_until > 0 AND locked_until <= ?2) "
		     "   OR last_failure_at < ?2 - ?5 THEN 1 ELSE failures + 1 END) >= ?3 "
		     "   THEN ?2 + ?4 ELSE 0 END, "
		     " last_failure_at = ?2"),
	DB_STATEMENT(STMT_THROTTLE_CLEAR, 0,
		     "DELETE FROM login_throttle WHERE key = ?1"),
	DB_STATEMENT(STMT_THROTTLE_PURGE, 0,
		     "DELETE FROM login_throttle WHERE last_failure_at < ?1 "
		     "AND locked_until < ?1"),
	DB_STATEMENT(STMT_AUDIT_LIST, 8,
		     "SELECT id, at, login, action, entity, entity_id, before_json, after_json "
		     "FROM audit_log WHERE (?1 IS NULL OR user_id = ?1) "
		     "AND (?2 IS NULL OR entity = ?2) AND (?3 IS NULL OR at >= ?3) "
		     "AND (?4 IS NULL OR at < ?4) ORDER BY id DESC LIMIT ?5"),

};

/* The columns of STMT_SESSION_GET. */
static void read_session(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct staff_session *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->csrf = db_text(a, s, 1);
	r->created_at = (time_t)sqlite3_column_int64(s, 2);
	r->last_seen_at = (time_t)sqlite3_column_int64(s, 3);
	r->user_id = sqlite3_column_int64(s, 4);
	r->login = db_text(a, s, 5);
	r->full_name = db_text(a, s, 6);
	r->role = db_text(a, s, 7);
	r->person_id = sqlite3_column_int64(s, 8);
	r->municipality_id = sqlite3_column_int64(s, 9);
	r->municipality = db_text(a, s, 10);
}

int db_session_get(struct db *db, struct arena *a, const unsigned char *hash, size_t hash_len,
		   struct staff_session *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_SESSION_GET);
	sqlite3_bind_blob(s, 1, hash, (int)hash_len, SQLITE_STATIC);
	return db_read_one(db, a, s, read_session, out, "session");
}

/* The columns of STMT_USER_BY_LOGIN. */
static void read_credentials(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct user_credentials *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->password_hash = db_text(a, s, 1);
	r->disabled = sqlite3_column_int(s, 2) != 0;
}

int db_user_by_login(struct db *db, struct arena *a, const char *login,
		     struct user_credentials *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_USER_BY_LOGIN);
	sqlite3_bind_text(s, 1, login, -1, SQLITE_STATIC);
	return db_read_one(db, a, s, read_credentials, out, "user by login");
}

/* The columns of STMT_USER_BY_ID. */
static void read_account(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct user_account *r = row;
	r->login = db_text(a, s, 0);
	r->full_name = db_text(a, s, 1);
	r->role = db_text(a, s, 2);
	r->disabled = sqlite3_column_int(s, 3) != 0;
	r->password_hash = db_text(a, s, 4);
}

int db_user_by_id(struct db *db, struct arena *a, long long id, struct user_account *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_USER_BY_ID);
	sqlite3_bind_int64(s, 1, id);
	return db_read_one(db, a, s, read_account, out, "user");
}

/* The columns of STMT_USER_PROFILE. */
static void read_profile(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct user_profile *r = row;
	r->login = db_text(a, s, 0);
	r->full_name = db_text(a, s, 1);
	r->role = db_text(a, s, 2);
	r->disabled = sqlite3_column_int(s, 3) != 0;
	r->email = db_text(a, s, 4);
	r->created_at = (time_t)sqlite3_column_int64(s, 5);
	r->person_id = sqlite3_column_int64(s, 6);
	r->municipality_id = sqlite3_column_int64(s, 7);
}

int db_user_profile(struct db *db, struct arena *a, long long id, struct user_profile *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_USER_PROFILE);
	sqlite3_bind_int64(s, 1, id);
	return db_read_one(db, a, s, read_profile, out, "user profile");
}

/* The columns of STMT_USER_LIST. */
static void read_user_item(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct user_item *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->login = db_text(a, s, 1);
	r->full_name = db_text(a, s, 2);
	r->role = db_text(a, s, 3);
	r->disabled = sqlite3_column_int(s, 4) != 0;
	r->created_at = (time_t)sqlite3_column_int64(s, 5);
	r->email = db_text(a, s, 6);
	r->person = db_text(a, s, 7);
	r->municipality = db_text(a, s, 8);
}

int db_user_list(struct db *db, struct arena *a, struct user_item **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_USER_LIST);
	return db_read_rows(db, a, s, sizeof **out, read_user_item, out, count, "users");
}

/* The columns of STMT_THROTTLE_GET. */
static void read_throttle(struct arena *a, sqlite3_stmt *s, void *row)
{
	(void)a;
	struct login_throttle *r = row;
	r->failures = sqlite3_column_int64(s, 0);
	r->last_failure_at = (time_t)sqlite3_column_int64(s, 1);
	r->locked_until = (time_t)sqlite3_column_int64(s, 2);
}

int db_throttle_get(struct db *db, const char *key, struct login_throttle *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_THROTTLE_GET);
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	return db_read_one(db, NULL, s, read_throttle, out, "login throttle");
}

/* The columns of STMT_AUDIT_LIST. */
static void read_audit_entry(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct audit_entry *e = row;
	e->id = sqlite3_column_int64(s, 0);
	e->at = (time_t)sqlite3_column_int64(s, 1);
	e->login = db_text(a, s, 2);
	e->action = db_text(a, s, 3);
	e->entity = db_text(a, s, 4);
	e->has_entity_id = sqlite3_column_type(s, 5) != SQLITE_NULL;
	e->entity_id = sqlite3_column_int64(s, 5);
	e->before_json = sqlite3_column_type(s, 6) != SQLITE_NULL ? db_text(a, s, 6) : NULL;
	e->after_json = sqlite3_column_type(s, 7) != SQLITE_NULL ? db_text(a, s, 7) : NULL;
}

int db_audit_list(struct db *db, struct arena *a, const struct audit_filter *f,
		  struct audit_entry **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_AUDIT_LIST);
	if (f->user)
		sqlite3_bind_int64(s, 1, f->user);
	if (f->entity)
		sqlite3_bind_text(s, 2, f->entity, -1, SQLITE_STATIC);
	if (f->has_from)
		sqlite3_bind_int64(s, 3, (sqlite3_int64)f->from);
	if (f->has_to)
		sqlite3_bind_int64(s, 4, (sqlite3_int64)f->to);
	sqlite3_bind_int(s, 5, f->limit);
	return db_read_rows(db, a, s, sizeof **out, read_audit_entry, out, count, "audit log");
}
