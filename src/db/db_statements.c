/* db_statements.c — the statements that belong to no entity: the health check, the read
 * snapshot of a public page and the data version, the audit record and the outbox's insert. The
 * transaction control (prepared: parsing BEGIN IMMEDIATE and COMMIT was a twentieth of an
 * appeal's instructions). The statements of each entity are in its storage file (db_meeting.c, db_appeal.c, …), each with the
 * result columns its reader reads; db_prepare_all merges the tables. Parameters are always bound
 * (?N), never formatted into the text. */
#include "db_statements.h"

const char *const db_statement_sql[STMT__MAX] = {
	[STMT_HEALTH] = "SELECT count(*) FROM meeting_kind",
	[STMT_DATA_VERSION] = "PRAGMA data_version",
	[STMT_BEGIN_READ] = "BEGIN",
	[STMT_END_READ] = "COMMIT",
	[STMT_BEGIN_WRITE] = "BEGIN IMMEDIATE",
	[STMT_ROLLBACK] = "ROLLBACK",
	[STMT_AUDIT_INSERT] = "INSERT INTO audit_log (at, user_id, login, action, entity, entity_id, "
			      "before_json, after_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[STMT_OUTBOX_ADD] = "INSERT INTO outbox (dedup_key, channel, recipient, subject, body, "
			    "unsubscribe_url, purpose, meeting_id, announcement_id, created_at, "
			    "next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10) "
			    "ON CONFLICT (dedup_key) DO NOTHING",
	[STMT_OUTBOX_RECENT] = "SELECT 1 FROM outbox WHERE dedup_key IN (?1, ?2) AND created_at > ?3 "
			       "LIMIT 1",
};

/* How many result columns the reader of each statement above reads: one row per statement, 0 for
 * one that returns no rows (INSERT, UPDATE, DELETE without RETURNING). db_prepare_all compares
 * each with sqlite3_column_count when a program starts and refuses to start on a difference, and
 * on a statement with no row here, naming it: change the count with the SQL and its reader. */
#define COLUMNS(id, count) DB_STATEMENT(id, count, NULL)

const struct db_statement db_statement_columns[STMT__MAX] = {
	COLUMNS(STMT_HEALTH, 1),
	COLUMNS(STMT_DATA_VERSION, 1),
	COLUMNS(STMT_BEGIN_READ, 0),
	COLUMNS(STMT_END_READ, 0),
	COLUMNS(STMT_BEGIN_WRITE, 0),
	COLUMNS(STMT_ROLLBACK, 0),
	COLUMNS(STMT_AUDIT_INSERT, 0),
	COLUMNS(STMT_OUTBOX_ADD, 0),
	COLUMNS(STMT_OUTBOX_RECENT, 1),
};
