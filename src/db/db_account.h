/* db_account.h — readers of the residents' side: each returns structs, never columns by number. */
#ifndef PORTAL_DB_ACCOUNT_H
#define PORTAL_DB_ACCOUNT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "arena.h"
#include "db.h"
#include "db_appeal.h"

/* ---- appeals as their applicant sees them ---- */

/* One of the resident's appeals (STMT_ACCOUNT_APPEALS; the export fields only from
 * db_account_export_appeals). */
struct account_appeal {
	long long id;
	const char *number, *status, *answer_due, *text;
	time_t registered_at;
	struct appeal_course course;
	const char *outcome, *verdict, *verdict_comment; /* "" when none */
	time_t verdict_at;
	/* The export only: */
	const char *auth_method, *addressee, *surname, *name, *patronymic, *email, *address,
		*phone;
	bool auth_confirmed;
};

/* A step of a resident's appeal shown to them (registered, assigned, forwarded, extended,
 * answered, closed). */
struct account_appeal_step {
	long long appeal_id;
	time_t at;
	const char *action;
};

/* A file attached to one of the resident's appeals. */
struct account_appeal_file {
	long long appeal_id, file_id;
	const char *file_name;
};

/* How many appeals resident has into *count: 0, -1 on a database error. */
int db_account_appeal_count(struct db *db, long long resident, long long *count);

/* How many of resident's appeals come before appeal in the account's order (newest first) into
 * *before: 0; 1 when appeal is not the resident's; -1 on a database error. */
int db_account_appeal_position(struct db *db, long long resident, long long appeal,
			       long long *before);

/* limit of resident's appeals from offset, newest first: 0, -1 on a database error. */
int db_account_appeals(struct db *db, struct arena *a, long long resident, int limit,
		       long long offset, struct account_appeal **out, size_t *count);

/* The steps and the files of the appeals of that page of db_account_appeals, by appeal: 0, -1
 * on a database error. */
int db_account_page_steps(struct db *db, struct arena *a, long long resident, int limit,
			  long long offset, struct account_appeal_step **out, size_t *count);
int db_account_page_files(struct db *db, struct arena *a, long long resident, int limit,
			  long long offset, struct account_appeal_file **out, size_t *count);

/* Every appeal of resident with the applicant's data, newest first, and every step of them in
 * the order of the appeals' registration: 0, -1 on a database error (the export). */
int db_account_export_appeals(struct db *db, struct arena *a, long long resident,
			      struct account_appeal **out, size_t *count);
int db_account_export_steps(struct db *db, struct arena *a, long long resident,
			    struct account_appeal_step **out, size_t *count);

/* A file of one of resident's appeals: 0 with its name, type and sha256; 1 when there is no
 * such file or it is not the resident's; -1 on a database error. */
struct account_file {
	const char *file_name, *mime, *sha256;
};
int db_account_file(struct db *db, struct arena *a, long long file, long long resident,
		    struct account_file *out);

/* An appeal found by its number for the status page (STMT_APPEAL_BY_NUMBER). */
struct appeal_by_number {
	long long id;
	const unsigned char *code_hash; /* copied into the arena; NULL when empty */
	int code_hash_size;
	const char *status, *answer_due;
	time_t received_at, registered_at;
	struct appeal_course course;
	const char *outcome;            /* NULL when none */
};

/* The appeal numbered number: 0, 1 when there is none, -1 on a database error. */
int db_appeal_by_number(struct db *db, struct arena *a, const char *number,
			struct appeal_by_number *out);

/* A published answer (/answers, a meeting's page). */
struct public_answer {
	const char *number, *territory, *question, *answer;
	time_t published_at;
	long long meeting_id;           /* 0 when the question was not asked at a meeting */
	const char *meeting_title;
};

/* At most limit published answers, newest first, given at meeting (0: anywhere) to appeals of
 * municipality body (0: of every one): 0, -1 on a database error. */
int db_public_answers(struct db *db, struct arena *a, int limit, long long meeting,
		      long long body, struct public_answer **out, size_t *count);

/* The fields of the appeal form a resident left to sign in, kept under the hash of its
 * cookie's token and taken once: 0 with *fields (JSON), 1 when there is none newer than
 * not_before, -1 on a database error. */
int db_appeal_draft_take(struct db *db, struct arena *a, const unsigned char hash[32],
			 time_t not_before, const char **fields);

/* ---- residents, their sessions and one-time codes ---- */

/* A resident session with its resident (STMT_RESIDENT_SESSION_GET). */
struct account_session {
	long long session_id, resident_id;
	const char *csrf, *id_token;
	time_t created_at, seen_at;
	const char *method, *surname, *name, *patronymic, *email, *phone, *address;
	bool confirmed;
};

/* The session stored under the hash of its cookie's token, of an account not closed: 0, 1
 * when there is none, -1 on a database error. */
int db_account_session(struct db *db, struct arena *a, const unsigned char hash[32],
		       struct account_session *out);

/* Who a sign-in says the resident is; "" for anything unknown. */
struct account_identity {
	const char *method, *subject, *surname, *name, *patronymic, *email, *phone, *address;
	bool confirmed;
};

/* In the caller's write transaction: create the resident of id or update it (names, phone and
 * address only from the provider), reopening a closed account: 0 with *resident, -1 on a
 * database error. */
int db_account_resident_upsert(struct db *db, const struct account_identity *id, time_t now,
			       long long *resident);

/* The resident's own record for the export. */
struct account_record {
	const char *method, *subject, *surname, *name, *patronymic, *email, *phone, *address;
	bool confirmed;
	time_t created_at, last_login_at;
};

/* Resident's record: 0, 1 when there is none, -1 on a database error. */
int db_account_record(struct db *db, struct arena *a, long long resident,
		      struct account_record *out);

/* The one-time code last sent to an address. */
struct email_code {
	unsigned char hash[32];
	bool hash_ok;                   /* the stored hash has 32 bytes */
	time_t sent_at, expires_at;
	int tries;
	const char *return_to;
};

/* The code of email: 0, 1 when there is none, -1 on a database error. */
int db_email_code(struct db *db, struct arena *a, const char *email, struct email_code *out);

/* ---- the resident's other records ---- */

/* A subscription of the resident's address (the account's list and export). */
struct account_subscription {
	long long id;
	const char *territory;          /* NULL: the whole municipality */
	const char *status;             /* pending or active */
};

/* The subscriptions of email not ended, whole municipality first: 0, -1 on a database error. */
int db_account_subscriptions(struct db *db, struct arena *a, const char *email,
			     struct account_subscription **out, size_t *count);

/* A proposal the resident made to a draft act. */
struct account_proposal {
	long long id, discussion_id;
	const char *title, *point, *text, *status, *refusal_reason;
	const char *outcome;            /* NULL until the conclusion says how it was taken */
	const char *outcome_reason;
	time_t created_at;
	bool concluded;                 /* the discussion's conclusion is published */
};

/* resident's proposals, newest first: 0, -1 on a database error. */
int db_account_proposals(struct db *db, struct arena *a, long long resident,
			 struct account_proposal **out, size_t *count);

/* A booking of personal reception, for the export. */
struct account_booking {
	time_t slot_at, created_at;
	const char *official, *position, *place, *question, *status, *cancel_reason, *phone,
		*email, *contact;
};

/* resident's bookings, latest slot first: 0, -1 on a database error. */
int db_account_bookings(struct db *db, struct arena *a, long long resident,
			struct account_booking **out, size_t *count);

/* An answer the resident gave in a survey, for the export. */
struct account_survey_answer {
	const char *survey, *question, *answer;
	time_t updated_at;
};

/* resident's survey answers, by response and question: 0, -1 on a database error. */
int db_account_survey_answers(struct db *db, struct arena *a, long long resident,
			      struct account_survey_answer **out, size_t *count);

/* ---- subscriptions by address or token ---- */

/* A subscription found by address and territory, or by its token. */
struct subscription_row {
	long long id;
	const char *email;              /* by token only */
	const char *token;              /* by address only */
	const char *territory;          /* by token only; NULL: the whole municipality */
	const char *status;             /* pending, active, unsubscribed */
	const char *municipality;       /* by token only; NULL: the own municipality */
};

/* The subscription of email to territory (0: the whole municipality) of municipality body (the
 * territory's when there is one; 0: the own municipality): 0, 1 when there is none, -1 on a
 * database error. */
int db_subscription_find(struct db *db, struct arena *a, const char *email,
			 long long territory, long long body, struct subscription_row *out);

/* The subscription of token: 0, 1 when there is none, -1 on a database error. */
int db_subscription_by_token(struct db *db, struct arena *a, const char *token,
			     struct subscription_row *out);

/* In the caller's write transaction: a new pending subscription of email to territory (0: the
 * whole municipality) of municipality body (the territory's when there is one; 0: the own
 * municipality) under token: 0 with its *id, -1 on a database error. */
int db_subscription_insert(struct db *db, const char *email, long long territory,
			   long long body, const char *token, time_t now, long long *id);

/* In the caller's write transaction: an unsubscribed subscription pending again under a new
 * token (links of the old mails no longer act on it): 0, -1 on a database error. */
int db_subscription_renew(struct db *db, long long id, const char *token, time_t now);

/* In the caller's write transaction: a pending subscription active: 0, -1 on a database
 * error. */
int db_subscription_confirm(struct db *db, long long id, time_t now);

/* ---- Open311 (open311.c) ---- */

/* A topic of the classifier as an Open311 service. */
struct open311_service {
	const char *code, *name;
	int level;                      /* 2 a subject, 3 a topic */
	const char *parent;             /* "" for a subject */
	const char *section;
};

/* The active subjects and topics by code: 0, -1 on a database error. */
int db_open311_services(struct db *db, struct arena *a, struct open311_service **out,
			size_t *count);

/* A published appeal as an Open311 service request. */
struct open311_request {
	const char *number, *status;    /* status: open or closed */
	const char *notes, *service_name, *service_code, *description;
	time_t requested_at, updated_at;
	const char *address;            /* the territory's name, "" when none */
	const char *agency;             /* the administration addressed, "" when unknown */
};

/* Which published appeals: the numbers (comma-separated) override everything else; otherwise
 * received in [from, to), of state (NULL: both) and of the codes (NULL: any). */
struct open311_filter {
	const char *numbers;            /* NULL: by the rest */
	time_t from, to;
	const char *state;
	const char *codes;
	int limit;
};

/* The published appeals the filter selects, newest first: 0, -1 on a database error. */
int db_open311_requests(struct db *db, struct arena *a, const struct open311_filter *f,
			struct open311_request **out, size_t *count);

/* The published appeal numbered number: 0, 1 when there is none, -1 on a database error. */
int db_open311_request(struct db *db, struct arena *a, const char *number,
		       struct open311_request *out);

/* A residents' sign-in under way (STMT_OIDC_PENDING_TAKE): what its callback checks. */
struct oidc_pending {
	const char *nonce, *code_verifier, *return_to;
	time_t created_at;
};

/* Take (delete and return) the sign-in whose state hashes to hash (size bytes): 0 with *out,
 * 1 when there is none (unknown, or taken before: a replay), -1 on a database error. */
int db_oidc_pending_take(struct db *db, struct arena *a, const unsigned char *hash, size_t size,
			 struct oidc_pending *out);

#endif
