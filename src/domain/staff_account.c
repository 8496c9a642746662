/* staff_account.c — creating staff accounts and hashing their passwords (see staff_account.h). */
#include "staff_account.h"

#include <string.h>

#include "utf8.h"

bool staff_login_valid(const char *login)
{
	size_t n = strlen(login);
	if (n < 2 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((login[i] >= 'a' && login[i] <= 'z') || (login[i] >= '0' && login[i] <= '9')))
			return false;
	return true;
}

bool staff_password_long_enough(const char *password)
{
	return utf8_length(password, strlen(password)) >= STAFF_PASSWORD_MIN_CHARS;
}

int staff_password_hash(const char *password, char out[crypto_pwhash_STRBYTES])
{
	return crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
				 crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0 ? 0 : -1;
}

enum staff_account_result staff_account_create(struct db *db, const struct staff_account_new *a,
					       long long *id)
{
	char hash[crypto_pwhash_STRBYTES];
	if (staff_password_hash(a->password, hash) < 0) {
		db_log_error(db, "staff account: out of memory while hashing the password");
		return STAFF_ACCOUNT_FAILED;
	}
	sqlite3_stmt *s = db_stmt(db, STMT_USER_INSERT);
	sqlite3_bind_text(s, 1, a->login, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, a->full_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, a->role, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, a->email, -1, SQLITE_STATIC);
	if (a->person_id > 0)
		sqlite3_bind_int64(s, 6, a->person_id);
	if (a->municipality_id > 0)
		sqlite3_bind_int64(s, 7, a->municipality_id);
	int rc = sqlite3_step(s);
	db_done(s);
	sodium_memzero(hash, sizeof hash);
	if (rc == SQLITE_DONE) {
		*id = sqlite3_last_insert_rowid(db->conn);
		return STAFF_ACCOUNT_CREATED;
	}
	if (rc == SQLITE_CONSTRAINT_UNIQUE)
		return STAFF_ACCOUNT_TAKEN;
	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
		return STAFF_ACCOUNT_NO_PERSON;
	db_log_error(db, "staff account: insert");
	return STAFF_ACCOUNT_FAILED;
}
