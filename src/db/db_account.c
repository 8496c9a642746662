/* db_account.c — the statements of the residents' side — the account, the public appeal form,
 * Open311 — and their readers (see db_account.h). Each DB_STATEMENT row declares the result
 * columns its reader below reads; db_prepare_all prepares this table with the others once per
 * process and refuses to start when a count differs. */
#include "db_account.h"

#include <string.h>

#include "db_statements.h"

/* A resident's appeal as the account shows it (page_account.c). */
#define ACCOUNT_APPEAL_COLUMNS                                                                    \
	"id, number, status, registered_at, answer_due, extended_days, extension_reason, "        \
	"forwarded_to, forwarded_at, answer, answered_at, outcome, verdict, verdict_comment, "     \
	"text, verdict_at "

/* The appeals of one page of the account (?1 resident, ?2 limit, ?3 offset). */
#define ACCOUNT_PAGE_IDS                                                                          \
	"SELECT id FROM appeal WHERE resident_id = ?1 ORDER BY registered_at DESC, id DESC "      \
	"LIMIT ?2 OFFSET ?3"

/* The columns of an Open311 service request, from the published appeals (open311.c). */
#define OPEN311_COLUMNS                                                                           \
	"SELECT a.number, CASE WHEN a.status IN ('answered', 'closed', 'forwarded') THEN 'closed' " \
	"ELSE 'open' END, a.public_answer, coalesce(tp.name, ''), coalesce(a.topic_code, ''), "    \
	"a.public_question, a.received_at, max(a.received_at, coalesce(a.answered_at, 0), "        \
	"coalesce(a.closed_at, 0), coalesce(a.published_at, 0)), coalesce(tr.name, ''), "         \
	"coalesce(mu.administration, '') "                                                        \
	"FROM appeal a LEFT JOIN appeal_topic tp ON tp.code = a.topic_code "                      \
	"LEFT JOIN territory tr ON tr.id = a.territory_id "                                       \
	"LEFT JOIN municipality mu ON mu.id = a.municipality_id WHERE a.published_at IS NOT NULL "

const struct db_statement db_account_statements[STMT__MAX] = {
	/* The residents' sign-in through ЕСИА (oidc.c): the state of a sign-in under way, taken
	 * once by its callback. */
	DB_STATEMENT(STMT_OIDC_PENDING_INSERT, 0,
		     "INSERT INTO oidc_pending (state_hash, nonce, code_verifier, return_to, created_at) "
		     "VALUES (?1, ?2, ?3, ?4, ?5)"),
	DB_STATEMENT(STMT_OIDC_PENDING_TAKE, 4,
		     "DELETE FROM oidc_pending WHERE state_hash = ?1 "
		     "RETURNING nonce, code_verifier, return_to, created_at"),
	DB_STATEMENT(STMT_OIDC_PENDING_PURGE, 0,
		     "DELETE FROM oidc_pending WHERE created_at < ?1"),
	DB_STATEMENT(STMT_OPEN311_SERVICES, 5,
		     "SELECT e.code, e.name, e.level, coalesce(p.name, ''), s.name FROM appeal_topic e "
		     "JOIN appeal_topic s ON s.code = substr(e.code, 1, 4) "
		     "LEFT JOIN appeal_topic p ON p.code = e.parent_code "
		     "WHERE e.active = 1 AND e.level BETWEEN 2 AND 3 ORDER BY e.code"),
	DB_STATEMENT(STMT_OPEN311_REQUESTS, 10,
		     OPEN311_COLUMNS
		     "AND (?5 IS NOT NULL OR (a.received_at >= ?1 AND a.received_at < ?2 "
		     "AND (?3 IS NULL OR (CASE WHEN a.status IN ('answered', 'closed', 'forwarded') "
		     "THEN 'closed' ELSE 'open' END) = ?3) "
		     "AND (?4 IS NULL OR instr(',' || ?4 || ',', ',' || a.topic_code || ',') > 0))) "
		     "AND (?5 IS NULL OR instr(',' || ?5 || ',', ',' || a.number || ',') > 0) "
		     "ORDER BY a.received_at DESC, a.id DESC LIMIT ?6"),
	DB_STATEMENT(STMT_OPEN311_REQUEST, 10,
		     OPEN311_COLUMNS "AND a.number = ?1"),
	/* One row per address, municipality and territory (subscription_unique): the same
	 * request again finds it instead of adding a second. A subscription's municipality is
	 * its territory's, else the one of the page's path (?3 of FIND, ?5 of INSERT), else the
	 * own one (migration 031). */
	DB_STATEMENT(STMT_SUBSCRIPTION_FIND, 3,
		     "SELECT id, token, status FROM subscription "
		     "WHERE email = ?1 AND coalesce(territory_id, 0) = coalesce(?2, 0) "
		     "AND municipality_id = coalesce((SELECT municipality_id FROM territory "
		     "WHERE id = ?2), ?3, (SELECT id FROM municipality WHERE own = 1))"),
	DB_STATEMENT(STMT_SUBSCRIPTION_INSERT, 0,
		     "INSERT INTO subscription (email, territory_id, token, status, "
		     "created_at, municipality_id) VALUES (?1, ?2, ?3, 'pending', ?4, "
		     "coalesce((SELECT municipality_id FROM territory WHERE id = ?2), ?5, "
		     "(SELECT id FROM municipality WHERE own = 1)))"),
	DB_STATEMENT(STMT_SUBSCRIPTION_RENEW, 0,
		     "UPDATE subscription SET token = ?2, status = 'pending', "
		     "created_at = ?3, confirmed_at = NULL, unsubscribed_at = NULL "
		     "WHERE id = ?1 AND status = 'unsubscribed'"),
	/* The municipality's name is NULL for the own one (the portal's name is said). */
	DB_STATEMENT(STMT_SUBSCRIPTION_BY_TOKEN, 5,
		     "SELECT s.id, s.email, t.name, s.status, CASE WHEN mu.own = 1 THEN NULL "
		     "ELSE mu.name END FROM subscription s "
		     "LEFT JOIN territory t ON t.id = s.territory_id "
		     "LEFT JOIN municipality mu ON mu.id = s.municipality_id "
		     "WHERE s.token = ?1"),
	DB_STATEMENT(STMT_SUBSCRIPTION_CONFIRM, 0,
		     "UPDATE subscription SET status = 'active', confirmed_at = ?2 "
		     "WHERE id = ?1 AND status = 'pending'"),
	DB_STATEMENT(STMT_SUBSCRIPTION_UNSUBSCRIBE, 0,
		     "UPDATE subscription SET status = 'unsubscribed', "
		     "unsubscribed_at = ?2 WHERE id = ?1 "
		     "AND status IN ('pending', 'active')"),
	DB_STATEMENT(STMT_APPEAL_FILE_ADD, 0,
		     "INSERT INTO appeal_file (appeal_id, file_name, mime, size, sha256) "
		     "VALUES (?1, ?2, ?3, ?4, ?5)"),
	DB_STATEMENT(STMT_APPEAL_BY_NUMBER, 14,
		     "SELECT id, code_hash, status, received_at, registered_at, answer_due, extended_days, "
		     "extension_reason, forwarded_to, forwarded_at, answer, answered_at, outcome, closed_at "
		     "FROM appeal WHERE number = ?1"),
	DB_STATEMENT(STMT_ANSWERS_PUBLIC, 7,
		     "SELECT a.number, coalesce(t.name, ''), a.public_question, a.public_answer, "
		     "a.published_at, a.meeting_id, coalesce(m.title, '') FROM appeal a "
		     "LEFT JOIN territory t ON t.id = a.territory_id LEFT JOIN meeting m ON m.id = a.meeting_id "
		     "WHERE a.published_at IS NOT NULL AND (?2 IS NULL OR a.meeting_id = ?2) "
		     "AND (?3 IS NULL OR a.municipality_id = ?3) "
		     "ORDER BY a.published_at DESC LIMIT ?1"),
	DB_STATEMENT(STMT_RESIDENT_SESSION_GET, 14,
		     "SELECT s.id, s.csrf_token, s.created_at, s.last_seen_at, r.id, r.method, r.surname, "
		     "r.name, r.patronymic, r.email, r.phone, r.address, r.confirmed, s.id_token "
		     "FROM resident_session s JOIN resident r ON r.id = s.resident_id "
		     "WHERE s.token_hash = ?1 AND r.closed_at IS NULL"),
	DB_STATEMENT(STMT_RESIDENT_SESSION_INSERT, 0,
		     "INSERT INTO resident_session (token_hash, resident_id, csrf_token, created_at, "
		     "last_seen_at, id_token) VALUES (?1, ?2, ?3, ?4, ?4, ?5)"),
	DB_STATEMENT(STMT_RESIDENT_SESSION_TOUCH, 0,
		     "UPDATE resident_session SET last_seen_at = ?2 WHERE id = ?1"),
	DB_STATEMENT(STMT_RESIDENT_SESSION_DELETE, 0,
		     "DELETE FROM resident_session WHERE id = ?1"),
	DB_STATEMENT(STMT_RESIDENT_SESSION_DELETE_ALL, 0,
		     "DELETE FROM resident_session WHERE resident_id = ?1"),
	DB_STATEMENT(STMT_RESIDENT_UPSERT, 1,
		     "INSERT INTO resident (method, subject, surname, name, patronymic, email, phone, "
		     "address, confirmed, created_at, last_login_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
		     "?8, ?9, ?10, ?10) ON CONFLICT (method, subject) DO UPDATE SET "
		     "surname = CASE WHEN excluded.method = 'esia' THEN excluded.surname ELSE surname END, "
		     "name = CASE WHEN excluded.method = 'esia' THEN excluded.name ELSE name END, "
		     "patronymic = CASE WHEN excluded.method = 'esia' THEN excluded.patronymic "
		     "ELSE patronymic END, email = excluded.email, "
		     "phone = CASE WHEN excluded.method = 'esia' THEN excluded.phone ELSE phone END, "
		     "address = CASE WHEN excluded.method = 'esia' THEN excluded.address ELSE address END, "
		     "confirmed = excluded.confirmed, last_login_at = excluded.last_login_at, "
		     "closed_at = NULL RETURNING id"),
	DB_STATEMENT(STMT_RESIDENT_CLOSE, 0,
		     "UPDATE resident SET surname = '', name = '', patronymic = '', email = '', phone = '', "
		     "address = '', closed_at = ?2 WHERE id = ?1"),
	DB_STATEMENT(STMT_RESIDENT_EXPORT, 11,
		     "SELECT method, subject, surname, name, patronymic, email, phone, address, confirmed, "
		     "created_at, last_login_at FROM resident WHERE id = ?1"),
	DB_STATEMENT(STMT_EMAIL_CODE_GET, 5,
		     "SELECT code_hash, sent_at, expires_at, tries, return_to FROM email_code "
		     "WHERE email = ?1"),
	DB_STATEMENT(STMT_EMAIL_CODE_PUT, 0,
		     "INSERT OR REPLACE INTO email_code (email, code_hash, sent_at, expires_at, tries, "
		     "return_to) VALUES (?1, ?2, ?3, ?4, 0, ?5)"),
	DB_STATEMENT(STMT_EMAIL_CODE_TRY, 0,
		     "UPDATE email_code SET tries = tries + 1 WHERE email = ?1"),
	DB_STATEMENT(STMT_EMAIL_CODE_DELETE, 0,
		     "DELETE FROM email_code WHERE email = ?1"),
	DB_STATEMENT(STMT_APPEAL_DRAFT_PUT, 0,
		     "INSERT OR REPLACE INTO appeal_draft (token_hash, fields, created_at) "
		     "VALUES (?1, ?2, ?3)"),
	DB_STATEMENT(STMT_APPEAL_DRAFT_TAKE, 1,
		     "DELETE FROM appeal_draft WHERE token_hash = ?1 AND created_at >= ?2 RETURNING fields"),
	DB_STATEMENT(STMT_APPEAL_SET_AUTHOR, 0,
		     "UPDATE appeal SET resident_id = ?2, auth_method = ?3, auth_confirmed = ?4 "
		     "WHERE id = ?1"),
	/* The page reads 16 columns of 50 appeals, the export all (the decoding of each column
	 * counts: make bench, /account). */
	DB_STATEMENT(STMT_ACCOUNT_APPEALS, 16,
		     "SELECT " ACCOUNT_APPEAL_COLUMNS "FROM appeal WHERE resident_id = ?1 "
		     "ORDER BY registered_at DESC, id DESC LIMIT ?2 OFFSET ?3"),
	DB_STATEMENT(STMT_ACCOUNT_APPEAL_COUNT, 1,
		     "SELECT count(*) FROM appeal WHERE resident_id = ?1"),
	DB_STATEMENT(STMT_ACCOUNT_APPEAL_POSITION, 1,
		     "SELECT (SELECT count(*) FROM appeal b WHERE b.resident_id = ?1 AND "
		     "(b.registered_at, b.id) > (a.registered_at, a.id)) FROM appeal a "
		     "WHERE a.id = ?2 AND a.resident_id = ?1"),
	DB_STATEMENT(STMT_ACCOUNT_EXPORT_APPEALS, 25,
		     "SELECT " ACCOUNT_APPEAL_COLUMNS ", auth_method, auth_confirmed, addressee, surname, "
		     "name, patronymic, email, address, phone FROM appeal WHERE resident_id = ?1 "
		     "ORDER BY registered_at DESC, id DESC"),
	DB_STATEMENT(STMT_ACCOUNT_APPEAL_EVENTS, 3,
		     "SELECT e.appeal_id, e.at, e.action FROM appeal a JOIN appeal_event e "
		     "ON e.appeal_id = a.id WHERE a.resident_id = ?1 AND e.action IN "
		     "('registered', 'assigned', 'forwarded', 'extended', 'answered', 'closed') "
		     "ORDER BY a.registered_at, a.id, e.at, e.id"), /* appeal_event_appeal's order: no sort */
	DB_STATEMENT(STMT_ACCOUNT_PAGE_EVENTS, 3,
		     "SELECT e.appeal_id, e.at, e.action FROM appeal_event e WHERE e.appeal_id IN "
		     "(" ACCOUNT_PAGE_IDS ") AND e.action IN "
		     "('registered', 'assigned', 'forwarded', 'extended', 'answered', 'closed') "
		     "ORDER BY e.appeal_id, e.at, e.id"), /* appeal_event_appeal's order: no sort */
	DB_STATEMENT(STMT_ACCOUNT_APPEAL_FILES, 3,
		     "SELECT f.appeal_id, f.id, f.file_name FROM appeal_file f WHERE f.appeal_id IN "
		     "(" ACCOUNT_PAGE_IDS ") ORDER BY f.appeal_id, f.id"),
	DB_STATEMENT(STMT_ACCOUNT_PROPOSALS, 11,
		     "SELECT p.id, p.discussion_id, d.title, p.point, p.text, p.status, p.refusal_reason, "
		     "p.outcome, p.outcome_reason, p.created_at, d.concluded_at IS NOT NULL "
		     "FROM discussion_proposal p JOIN discussion d ON d.id = p.discussion_id "
		     "WHERE p.resident_id = ?1 ORDER BY p.created_at DESC, p.id DESC"),
	DB_STATEMENT(STMT_ACCOUNT_EXPORT_BOOKINGS, 11,
		     "SELECT b.slot_at, p.full_name, p.position, coalesce(v.name || ', ' || v.address, ''), "
		     "b.question, b.status, b.cancel_reason, b.phone, b.email, b.contact, b.created_at "
		     "FROM reception_booking b JOIN person p ON p.id = b.person_id "
		     "JOIN meeting m ON m.id = b.meeting_id LEFT JOIN venue v ON v.id = m.venue_id "
		     "WHERE b.resident_id = ?1 ORDER BY b.slot_at DESC, b.id DESC"),
	DB_STATEMENT(STMT_ACCOUNT_EXPORT_ANSWERS, 4,
		     "SELECT s.title, q.text, CASE q.kind WHEN 'text' THEN a.text "
		     "WHEN 'scale' THEN CAST(a.choice AS TEXT) ELSE coalesce(o.label, '') END, r.updated_at "
		     "FROM survey_response r JOIN survey s ON s.id = r.survey_id "
		     "JOIN survey_answer a ON a.response_id = r.id "
		     "JOIN survey_question q ON q.id = a.question_id "
		     "LEFT JOIN survey_option o ON o.question_id = a.question_id AND o.position = a.choice "
		     "WHERE r.resident_id = ?1 ORDER BY r.id, q.position, a.choice"),
	DB_STATEMENT(STMT_APPEAL_VERDICT, 0,
		     "UPDATE appeal SET verdict = ?3, verdict_comment = ?4, verdict_at = ?5 "
		     "WHERE id = ?1 AND resident_id = ?2 AND answered_at IS NOT NULL"),
	DB_STATEMENT(STMT_ACCOUNT_FILE_GET, 3,
		     "SELECT f.file_name, f.mime, f.sha256 FROM appeal_file f JOIN appeal a "
		     "ON a.id = f.appeal_id WHERE f.id = ?1 AND a.resident_id = ?2"),
	DB_STATEMENT(STMT_ACCOUNT_SUBSCRIPTIONS, 3,
		     "SELECT s.id, t.name, s.status FROM subscription s LEFT JOIN territory t "
		     "ON t.id = s.territory_id WHERE s.email = ?1 AND s.status != 'unsubscribed' "
		     "ORDER BY t.name IS NOT NULL, t.name"),
	DB_STATEMENT(STMT_ACCOUNT_SUBSCRIPTION_REMOVE, 0,
		     "UPDATE subscription SET status = 'unsubscribed', unsubscribed_at = ?3 "
		     "WHERE id = ?1 AND email = ?2 AND status IN ('pending', 'active')"),
};

/* Whether column col of the current row of s is NULL. */
static bool is_null(sqlite3_stmt *s, int col)
{
	return sqlite3_column_type(s, col) == SQLITE_NULL;
}

/* Column col as text copied into a, NULL for NULL. */
static const char *text_or_null(struct arena *a, sqlite3_stmt *s, int col)
{
	return is_null(s, col) ? NULL : db_text(a, s, col);
}

/* The first column as a number. */
static void read_number(struct arena *a, sqlite3_stmt *s, void *row)
{
	(void)a;
	*(long long *)row = sqlite3_column_int64(s, 0);
}

/* ---- appeals as their applicant sees them ---- */

int db_account_appeal_count(struct db *db, long long resident, long long *count)
{
	*count = 0;
	sqlite3_stmt *s = db_stmt(db, STMT_ACCOUNT_APPEAL_COUNT);
	sqlite3_bind_int64(s, 1, resident);
	return db_read_one(db, NULL, s, read_number, count, "account appeal count") < 0 ? -1 : 0;
}

int db_account_appeal_position(struct db *db, long long resident, long long appeal,
			       long long *before)
{
	*before = 0;
	sqlite3_stmt *s = db_stmt(db, STMT_ACCOUNT_APPEAL_POSITION);
	sqlite3_bind_int64(s, 1, resident);
	sqlite3_bind_int64(s, 2, appeal);
	return db_read_one(db, NULL, s, read_number, before, "account appeal position");
}

/* The columns of STMT_ACCOUNT_APPEALS, the first of STMT_ACCOUNT_EXPORT_APPEALS. */
static void read_appeal(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct account_appeal *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->number = db_text(a, s, 1);
	r->status = db_text(a, s, 2);
	r->registered_at = (time_t)sqlite3_column_int64(s, 3);
	r->answer_due = db_text(a, s, 4);
	db_appeal_course_read(a, s, 5, &r->course);
	r->outcome = db_text(a, s, 11);
	r->verdict = db_text(a, s, 12);
	r->verdict_comment = db_text(a, s, 13);
	r->text = db_text(a, s, 14);
	r->verdict_at = (time_t)sqlite3_column_int64(s, 15);
}

/* The columns of STMT_ACCOUNT_EXPORT_APPEALS: those of STMT_ACCOUNT_APPEALS, then the
 * applicant's. */
static void read_export_appeal(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct account_appeal *r = row;
	read_appeal(a, s, row);
	r->auth_method = db_text(a, s, 16);
	r->auth_confirmed = sqlite3_column_int(s, 17) != 0;
	r->addressee = db_text(a, s, 18);
	r->surname = db_text(a, s, 19);
	r->name = db_text(a, s, 20);
	r->patronymic = db_text(a, s, 21);
	r->email = db_text(a, s, 22);
	r->address = db_text(a, s, 23);
	r->phone = db_text(a, s, 24);
}

/* Bind a page of the account's appeals: ?1 resident, ?2 limit, ?3 offset. */
static sqlite3_stmt *page_statement(struct db *db, enum stmt which, long long resident, int limit,
				    long long offset)
{
	sqlite3_stmt *s = db_stmt(db, which);
	sqlite3_bind_int64(s, 1, resident);
	sqlite3_bind_int(s, 2, limit);
	sqlite3_bind_int64(s, 3, offset);
	return s;
}

int db_account_appeals(struct db *db, struct arena *a, long long resident, int limit,
		       long long offset, struct account_appeal **out, size_t *count)
{
	sqlite3_stmt *s = page_statement(db, STMT_ACCOUNT_APPEALS, resident, limit, offset);
	return db_read_rows(db, a, s, sizeof **out, read_appeal, out, count, "account appeals");
}

/* The columns of STMT_ACCOUNT_PAGE_EVENTS and STMT_ACCOUNT_APPEAL_EVENTS. */
static void read_step(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct account_appeal_step *r = row;
	r->appeal_id = sqlite3_column_int64(s, 0);
	r->at = (time_t)sqlite3_column_int64(s, 1);
	r->action = db_text(a, s, 2);
}

int db_account_page_steps(struct db *db, struct arena *a, long long resident, int limit,
			  long long offset, struct account_appeal_step **out, size_t *count)
{
	sqlite3_stmt *s = page_statement(db, STMT_ACCOUNT_PAGE_EVENTS, resident, limit, offset);
	return db_read_rows(db, a, s, sizeof **out, read_step, out, count, "account appeal steps");
}

/* The columns of STMT_ACCOUNT_APPEAL_FILES. */
static void read_appeal_file(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct account_appeal_file *r = row;
	r->appeal_id = sqlite3_column_int64(s, 0);
	r->file_id = sqlite3_column_int64(s, 1);
	r->file_name = db_text(a, s, 2);
}

int db_account_page_files(struct db *db, struct arena *a, long long resident, int limit,
			  long long offset, struct account_appeal_file **out, size_t *count)
{
	sqlite3_stmt *s = page_statement(db, STMT_ACCOUNT_APPEAL_FILES, resident, limit, offset);
	return db_read_rows(db, a, s, sizeof **out, read_appeal_file, out, count,
			    "account appeal files");
}

int db_account_export_appeals(struct db *db, struct arena *a, long long resident,
			      struct account_appeal **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_ACCOUNT_EXPORT_APPEALS);
	sqlite3_bind_int64(s, 1, resident);
	return db_read_rows(db, a, s, sizeof **out, read_export_appeal, out, count,
			    "account export appeals");
}

int db_account_export_steps(struct db *db, struct arena *a, long long resident,
			    struct account_appeal_step **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_ACCOUNT_APPEAL_EVENTS);
	sqlite3_bind_int64(s, 1, resident);
	return db_read_rows(db, a, s, sizeof **out, read_step, out, count, "account export steps");
}

/* The columns of STMT_ACCOUNT_FILE_GET. */
static void read_file(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct account_file *r = row;
	r->file_name = db_text(a, s, 0);
	r->mime = db_text(a, s, 1);
	r->sha256 = db_text(a, s, 2);
}

int db_account_file(struct db *db, struct arena *a, long long file, long long resident,
		    struct account_file *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_ACCOUNT_FILE_GET);
	sqlite3_bind_int64(s, 1, file);
	sqlite3_bind_int64(s, 2, resident);
	return db_read_one(db, a, s, read_file, out, "account file");
}

/* The columns of STMT_APPEAL_BY_NUMBER (closed_at, the last, is not shown). */
static void read_by_number(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct appeal_by_number *r = row;
	r->id = sqlite3_column_int64(s, 0);
	int size = sqlite3_column_bytes(s, 1);
	const void *hash = sqlite3_column_blob(s, 1);
	if (hash != NULL && size > 0) {
		unsigned char *copy = arena_alloc(a, (size_t)size);
		memcpy(copy, hash, (size_t)size);
		r->code_hash = copy;
		r->code_hash_size = size;
	}
	r->status = db_text(a, s, 2);
	r->received_at = (time_t)sqlite3_column_int64(s, 3);
	r->registered_at = (time_t)sqlite3_column_int64(s, 4);
	r->answer_due = db_text(a, s, 5);
	db_appeal_course_read(a, s, 6, &r->course);
	r->outcome = text_or_null(a, s, 12);
}

int db_appeal_by_number(struct db *db, struct arena *a, const char *number,
			struct appeal_by_number *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_BY_NUMBER);
	sqlite3_bind_text(s, 1, number, -1, SQLITE_TRANSIENT);
	return db_read_one(db, a, s, read_by_number, out, "appeal by number");
}

/* The columns of STMT_ANSWERS_PUBLIC. */
static void read_public_answer(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct public_answer *r = row;
	r->number = db_text(a, s, 0);
	r->territory = db_text(a, s, 1);
	r->question = db_text(a, s, 2);
	r->answer = db_text(a, s, 3);
	r->published_at = (time_t)sqlite3_column_int64(s, 4);
	r->meeting_id = is_null(s, 5) ? 0 : sqlite3_column_int64(s, 5);
	r->meeting_title = db_text(a, s, 6);
}

int db_public_answers(struct db *db, struct arena *a, int limit, long long meeting,
		      long long body, struct public_answer **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_ANSWERS_PUBLIC);
	sqlite3_bind_int(s, 1, limit);
	if (meeting)
		sqlite3_bind_int64(s, 2, meeting);
	if (body)
		sqlite3_bind_int64(s, 3, body);
	return db_read_rows(db, a, s, sizeof **out, read_public_answer, out, count,
			    "public answers");
}

/* The first column as text. */
static void read_text(struct arena *a, sqlite3_stmt *s, void *row)
{
	*(const char **)row = db_text(a, s, 0);
}

int db_appeal_draft_take(struct db *db, struct arena *a, const unsigned char hash[32],
			 time_t not_before, const char **fields)
{
	*fields = NULL;
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_DRAFT_TAKE);
	sqlite3_bind_blob(s, 1, hash, 32, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)not_before);
	return db_read_one(db, a, s, read_text, fields, "appeal draft");
}

/* ---- residents, their sessions and one-time codes ---- */

/* The columns of STMT_RESIDENT_SESSION_GET. */
static void read_session(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct account_session *r = row;
	r->session_id = sqlite3_column_int64(s, 0);
	r->csrf = db_text(a, s, 1);
	r->created_at = (time_t)sqlite3_column_int64(s, 2);
	r->seen_at = (time_t)sqlite3_column_int64(s, 3);
	r->resident_id = sqlite3_column_int64(s, 4);
	r->method = db_text(a, s, 5);
	r->surname = db_text(a, s, 6);
	r->name = db_text(a, s, 7);
	r->patronymic = db_text(a, s, 8);
	r->email = db_text(a, s, 9);
	r->phone = db_text(a, s, 10);
	r->address = db_text(a, s, 11);
	r->confirmed = sqlite3_column_int(s, 12) != 0;
	r->id_token = db_text(a, s, 13);
}

int db_account_session(struct db *db, struct arena *a, const unsigned char hash[32],
		       struct account_session *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_RESIDENT_SESSION_GET);
	sqlite3_bind_blob(s, 1, hash, 32, SQLITE_TRANSIENT);
	return db_read_one(db, a, s, read_session, out, "resident session");
}

int db_account_resident_upsert(struct db *db, const struct account_identity *id, time_t now,
			       long long *resident)
{
	*resident = 0;
	sqlite3_stmt *s = db_stmt(db, STMT_RESIDENT_UPSERT);
	const char *texts[] = {id->method, id->subject, id->surname, id->name,
			       id->patronymic, id->email, id->phone, id->address};
	for (int i = 0; i < 8; i++)
		sqlite3_bind_text(s, i + 1, texts[i], -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 9, id->confirmed);
	sqlite3_bind_int64(s, 10, (sqlite3_int64)now);
	int rc = db_read_one(db, NULL, s, read_number, resident, "resident upsert");
	if (rc == 1)
		db_log_error(db, "resident upsert returned no row");
	return rc == 0 && *resident > 0 ? 0 : -1;
}

/* The columns of STMT_RESIDENT_EXPORT. */
static void read_record(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct account_record *r = row;
	r->method = db_text(a, s, 0);
	r->subject = db_text(a, s, 1);
	r->surname = db_text(a, s, 2);
	r->name = db_text(a, s, 3);
	r->patronymic = db_text(a, s, 4);
	r->email = db_text(a, s, 5);
	r->phone = db_text(a, s, 6);
	r->address = db_text(a, s, 7);
	r->confirmed = sqlite3_column_int(s, 8) != 0;
	r->created_at = (time_t)sqlite3_column_int64(s, 9);
	r->last_login_at = (time_t)sqlite3_column_int64(s, 10);
}

int db_account_record(struct db *db, struct arena *a, long long resident,
		      struct account_record *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_RESIDENT_EXPORT);
	sqlite3_bind_int64(s, 1, resident);
	return db_read_one(db, a, s, read_record, out, "resident record");
}

/* The columns of STMT_EMAIL_CODE_GET. */
static void read_email_code(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct email_code *r = row;
	const void *hash = sqlite3_column_blob(s, 0);
	r->hash_ok = hash != NULL && sqlite3_column_bytes(s, 0) == (int)sizeof r->hash;
	if (r->hash_ok)
		memcpy(r->hash, hash, sizeof r->hash);
	r->sent_at = (time_t)sqlite3_column_int64(s, 1);
	r->expires_at = (time_t)sqlite3_column_int64(s, 2);
	r->tries = sqlite3_column_int(s, 3);
	r->return_to = db_text(a, s, 4);
}

int db_email_code(struct db *db, struct arena *a, const char *email, struct email_code *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_EMAIL_CODE_GET);
	sqlite3_bind_text(s, 1, email, -1, SQLITE_TRANSIENT);
	return db_read_one(db, a, s, read_email_code, out, "e-mail code");
}

/* ---- the resident's other records ---- */

/* The columns of STMT_ACCOUNT_SUBSCRIPTIONS. */
static void read_account_subscription(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct account_subscription *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->territory = text_or_null(a, s, 1);
	r->status = db_text(a, s, 2);
}

int db_account_subscriptions(struct db *db, struct arena *a, const char *email,
			     struct account_subscription **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_ACCOUNT_SUBSCRIPTIONS);
	sqlite3_bind_text(s, 1, email, -1, SQLITE_TRANSIENT);
	return db_read_rows(db, a, s, sizeof **out, read_account_subscription, out, count,
			    "account subscriptions");
}

/* The columns of STMT_ACCOUNT_PROPOSALS. */
static void read_proposal(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct account_proposal *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->discussion_id = sqlite3_column_int64(s, 1);
	r->title = db_text(a, s, 2);
	r->point = db_text(a, s, 3);
	r->text = db_text(a, s, 4);
	r->status = db_text(a, s, 5);
	r->refusal_reason = db_text(a, s, 6);
	r->outcome = text_or_null(a, s, 7);
	r->outcome_reason = db_text(a, s, 8);
	r->created_at = (time_t)sqlite3_column_int64(s, 9);
	r->concluded = sqlite3_column_int(s, 10) != 0;
}

int db_account_proposals(struct db *db, struct arena *a, long long resident,
			 struct account_proposal **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_ACCOUNT_PROPOSALS);
	sqlite3_bind_int64(s, 1, resident);
	return db_read_rows(db, a, s, sizeof **out, read_proposal, out, count, "account proposals");
}

/* The columns of STMT_ACCOUNT_EXPORT_BOOKINGS. */
static void read_booking(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct account_booking *r = row;
	r->slot_at = (time_t)sqlite3_column_int64(s, 0);
	r->official = db_text(a, s, 1);
	r->position = db_text(a, s, 2);
	r->place = db_text(a, s, 3);
	r->question = db_text(a, s, 4);
	r->status = db_text(a, s, 5);
	r->cancel_reason = db_text(a, s, 6);
	r->phone = db_text(a, s, 7);
	r->email = db_text(a, s, 8);
	r->contact = db_text(a, s, 9);
	r->created_at = (time_t)sqlite3_column_int64(s, 10);
}

int db_account_bookings(struct db *db, struct arena *a, long long resident,
			struct account_booking **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_ACCOUNT_EXPORT_BOOKINGS);
	sqlite3_bind_int64(s, 1, resident);
	return db_read_rows(db, a, s, sizeof **out, read_booking, out, count, "account bookings");
}

/* The columns of STMT_ACCOUNT_EXPORT_ANSWERS. */
static void read_survey_answer(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct account_survey_answer *r = row;
	r->survey = db_text(a, s, 0);
	r->question = db_text(a, s, 1);
	r->answer = db_text(a, s, 2);
	r->updated_at = (time_t)sqlite3_column_int64(s, 3);
}

int db_account_survey_answers(struct db *db, struct arena *a, long long resident,
			      struct account_survey_answer **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_ACCOUNT_EXPORT_ANSWERS);
	sqlite3_bind_int64(s, 1, resident);
	return db_read_rows(db, a, s, sizeof **out, read_survey_answer, out, count,
			    "account survey answers");
}

/* ---- subscriptions by address or token ---- */

/* The columns of STMT_SUBSCRIPTION_FIND. */
static void read_found(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct subscription_row *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->token = db_text(a, s, 1);
	r->status = db_text(a, s, 2);
}

int db_subscription_find(struct db *db, struct arena *a, const char *email,
			 long long territory, long long body, struct subscription_row *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_SUBSCRIPTION_FIND);
	sqlite3_bind_text(s, 1, email, -1, SQLITE_TRANSIENT);
	if (territory > 0)
		sqlite3_bind_int64(s, 2, territory);
	if (body > 0)
		sqlite3_bind_int64(s, 3, body);
	return db_read_one(db, a, s, read_found, out, "subscription");
}

/* The columns of STMT_SUBSCRIPTION_BY_TOKEN. */
static void read_by_token(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct subscription_row *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->email = db_text(a, s, 1);
	r->territory = text_or_null(a, s, 2);
	r->status = db_text(a, s, 3);
	r->municipality = text_or_null(a, s, 4);
}

int db_subscription_by_token(struct db *db, struct arena *a, const char *token,
			     struct subscription_row *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_SUBSCRIPTION_BY_TOKEN);
	sqlite3_bind_text(s, 1, token, -1, SQLITE_TRANSIENT);
	return db_read_one(db, a, s, read_by_token, out, "subscription by token");
}

/* Run the bound write statement s: 0, or -1 with the error logged under what. */
static int run_write(struct db *db, sqlite3_stmt *s, const char *what)
{
	if (db_run(s) == SQLITE_DONE)
		return 0;
	db_log_error(db, what);
	return -1;
}

int db_subscription_insert(struct db *db, const char *email, long long territory,
			   long long body, const char *token, time_t now, long long *id)
{
	*id = 0;
	sqlite3_stmt *s = db_stmt(db, STMT_SUBSCRIPTION_INSERT);
	sqlite3_bind_text(s, 1, email, -1, SQLITE_TRANSIENT);
	if (territory > 0)
		sqlite3_bind_int64(s, 2, territory);
	sqlite3_bind_text(s, 3, token, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)now);
	if (body > 0)
		sqlite3_bind_int64(s, 5, body);
	if (run_write(db, s, "subscription insert") < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db->conn);
	return 0;
}

int db_subscription_renew(struct db *db, long long id, const char *token, time_t now)
{
	sqlite3_stmt *s = db_stmt(db, STMT_SUBSCRIPTION_RENEW);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, token, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)now);
	return run_write(db, s, "subscription renew");
}

int db_subscription_confirm(struct db *db, long long id, time_t now)
{
	sqlite3_stmt *s = db_stmt(db, STMT_SUBSCRIPTION_CONFIRM);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)now);
	return run_write(db, s, "subscription confirm");
}

/* ---- Open311 ---- */

/* The columns of STMT_OPEN311_SERVICES. */
static void read_service(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct open311_service *r = row;
	r->code = db_text(a, s, 0);
	r->name = db_text(a, s, 1);
	r->level = sqlite3_column_int(s, 2);
	r->parent = db_text(a, s, 3);
	r->section = db_text(a, s, 4);
}

int db_open311_services(struct db *db, struct arena *a, struct open311_service **out,
			size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_OPEN311_SERVICES);
	return db_read_rows(db, a, s, sizeof **out, read_service, out, count, "open311 services");
}

/* The columns of OPEN311_COLUMNS (STMT_OPEN311_REQUESTS and STMT_OPEN311_REQUEST). */
static void read_request(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct open311_request *r = row;
	r->number = db_text(a, s, 0);
	r->status = db_text(a, s, 1);
	r->notes = db_text(a, s, 2);
	r->service_name = db_text(a, s, 3);
	r->service_code = db_text(a, s, 4);
	r->description = db_text(a, s, 5);
	r->requested_at = (time_t)sqlite3_column_int64(s, 6);
	r->updated_at = (time_t)sqlite3_column_int64(s, 7);
	r->address = db_text(a, s, 8);
	r->agency = db_text(a, s, 9);
}

int db_open311_requests(struct db *db, struct arena *a, const struct open311_filter *f,
			struct open311_request **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_OPEN311_REQUESTS);
	if (f->numbers != NULL) {
		sqlite3_bind_text(s, 5, f->numbers, -1, SQLITE_TRANSIENT);
	} else {
		sqlite3_bind_int64(s, 1, (sqlite3_int64)f->from);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)f->to);
		if (f->state != NULL)
			sqlite3_bind_text(s, 3, f->state, -1, SQLITE_TRANSIENT);
		if (f->codes != NULL)
			sqlite3_bind_text(s, 4, f->codes, -1, SQLITE_TRANSIENT);
	}
	sqlite3_bind_int(s, 6, f->limit);
	return db_read_rows(db, a, s, sizeof **out, read_request, out, count, "open311 requests");
}

int db_open311_request(struct db *db, struct arena *a, const char *number,
		       struct open311_request *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_OPEN311_REQUEST);
	sqlite3_bind_text(s, 1, number, -1, SQLITE_TRANSIENT);
	return db_read_one(db, a, s, read_request, out, "open311 request");
}

/* The columns of STMT_OIDC_PENDING_TAKE. */
static void read_oidc_pending(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct oidc_pending *p = row;
	p->nonce = db_text(a, s, 0);
	p->code_verifier = db_text(a, s, 1);
	p->return_to = db_text(a, s, 2);
	p->created_at = (time_t)sqlite3_column_int64(s, 3);
}

int db_oidc_pending_take(struct db *db, struct arena *a, const unsigned char *hash, size_t size,
			 struct oidc_pending *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_OIDC_PENDING_TAKE);
	sqlite3_bind_blob(s, 1, hash, (int)size, SQLITE_STATIC);
	return db_read_one(db, a, s, read_oidc_pending, out, "sign-in state");
}
