/* db_user.h — the storage of staff accounts, their sessions and the sign-in throttle: their
 * statements (SQL in db_user.c) and the readers that return them as structs. Text is copied
 * into the arena given. Writes are bound in place by auth.c, page_admin_users.c, page_admin.c
 * and staff_account.c. */
#ifndef PORTAL_DB_USER_H
#define PORTAL_DB_USER_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "arena.h"
#include "db.h"

/* A session with its account, not disabled (STMT_SESSION_GET). */
struct staff_session {
	long long id;
	const char *csrf;
	time_t created_at, last_seen_at;
	long long user_id;
	const char *login, *full_name, *role; /* role: its code, "organizer" */
	long long person_id;                  /* 0: the account belongs to no person */
	long long municipality_id;            /* its scope (migration 028); 0: the installation */
	const char *municipality;             /* the scope's name, "" when none */
};

/* What signing in needs of an account (STMT_USER_BY_LOGIN). */
struct user_credentials {
	long long id;
	const char *password_hash;
	bool disabled;
};

/* An account by id (STMT_USER_BY_ID). */
struct user_account {
	const char *login, *full_name, *role;
	bool disabled;
	const char *password_hash;
};

/* An account in the list of /admin/users (STMT_USER_LIST). */
struct user_item {
	long long id;
	const char *login, *full_name, *role;
	bool disabled;
	time_t created_at;
	const char *email;  /* "" when none */
	const char *person; /* the name of its person, "" when none */
	const char *municipality; /* the name of its body (migration 028), "" for all */
};

/* An account's page (STMT_USER_PROFILE). */
struct user_profile {
	const char *login, *full_name, *role;
	bool disabled;
	const char *email;
	time_t created_at;
	long long person_id; /* 0 when none */
	long long municipality_id; /* its body (migration 028), 0 for the whole installation */
};

/* The failures of one throttle key (STMT_THROTTLE_GET). */
struct login_throttle {
	long long failures;
	time_t last_failure_at;
	time_t locked_until; /* 0: not locked */
};

/* The session whose token hashes to hash (hash_len bytes), its account not disabled: 0 with
 * *out, 1 when there is none, -1 on a database error. */
int db_session_get(struct db *db, struct arena *a, const unsigned char *hash, size_t hash_len,
		   struct staff_session *out);

/* The account login: 0 with *out, 1 when there is none, -1 on a database error. */
int db_user_by_login(struct db *db, struct arena *a, const char *login,
		     struct user_credentials *out);

/* The account id, its page: 0 with *out, 1 when there is none, -1 on a database error. */
int db_user_by_id(struct db *db, struct arena *a, long long id, struct user_account *out);
int db_user_profile(struct db *db, struct arena *a, long long id, struct user_profile *out);

/* Every account, the active first, by login: 0 with *out and *count, -1 on a database error. */
int db_user_list(struct db *db, struct arena *a, struct user_item **out, size_t *count);

/* What the audit log page asks for (STMT_AUDIT_LIST): each filter unset when 0 or NULL. */
struct audit_filter {
	long long user;     /* the staff account that made the change */
	const char *entity; /* "meeting", "territory"… */
	bool has_from, has_to;
	time_t from, to;    /* [from, to) */
	int limit;
};

/* A record of the audit log (STMT_AUDIT_LIST). */
struct audit_entry {
	long long id;
	time_t at;
	const char *login, *action, *entity;
	bool has_entity_id;
	long long entity_id;
	const char *before_json, *after_json; /* NULL when the record has none */
};

/* The records matching f, newest first: 0 with *out and *count, -1 on a database error. */
int db_audit_list(struct db *db, struct arena *a, const struct audit_filter *f,
		  struct audit_entry **out, size_t *count);

/* The failures of key: 0 with *out, 1 when it has none (*out zero), -1 on a database error. */
int db_throttle_get(struct db *db, const char *key, struct login_throttle *out);

#endif
