/* staff_account.h — creating staff accounts and hashing their passwords: the one place that both
 * /admin/users and `portal-admin user add` go through, so the rules for a login and a password
 * and the argon2id parameters cannot drift apart. */
#ifndef PORTAL_STAFF_ACCOUNT_H
#define PORTAL_STAFF_ACCOUNT_H

#include <sodium.h>
#include <stdbool.h>

#include "db.h"

#define STAFF_PASSWORD_MIN_CHARS 10

/* A login is 2–64 characters of a–z and 0–9. */
bool staff_login_valid(const char *login);

/* A password has at least STAFF_PASSWORD_MIN_CHARS characters (not bytes: «пароль» counts 6). */
bool staff_password_long_enough(const char *password);

/* The argon2id hash (libsodium's crypto_pwhash_str, interactive limits) of password into out.
 * 0, or -1 when memory for the hash could not be had. */
int staff_password_hash(const char *password, char out[crypto_pwhash_STRBYTES]);

struct staff_account_new {
	const char *login;     /* checked with staff_login_valid by the caller */
	const char *role;      /* a role code of auth_role_codes */
	const char *full_name; /* "" when not given */
	const char *password;  /* in clear; only its hash is stored */
	const char *email;     /* where alerts and digests go, "" for none */
	long long person_id;   /* the person of the directory it belongs to, 0 for none */
	long long municipality_id; /* the body it works for (an existing municipality, checked by
	                              the caller), 0 for the whole installation (issue 18) */
};

enum staff_account_result {
	STAFF_ACCOUNT_CREATED,
	STAFF_ACCOUNT_TAKEN,     /* the login is taken, or the person has an account already */
	STAFF_ACCOUNT_NO_PERSON, /* person_id names no person of the directory */
	STAFF_ACCOUNT_FAILED,    /* hashing or the database failed (logged) */
};

/* Hash the password and insert the account (STMT_USER_INSERT) in the caller's transaction, or on
 * its own when there is none; *id is the new account's id on STAFF_ACCOUNT_CREATED. */
enum staff_account_result staff_account_create(struct db *db, const struct staff_account_new *a,
					       long long *id);

#endif
