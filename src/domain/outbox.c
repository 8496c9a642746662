/* outbox.c — writing messages to the outbox table (see outbox.h). */
#include "outbox.h"

int outbox_add(struct db *db, const struct outbox_message *m, time_t now)
{
	sqlite3_stmt *s = db_stmt(db, STMT_OUTBOX_ADD);
	sqlite3_bind_text(s, 1, m->dedup_key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, m->channel == OUTBOX_MAIL ? "mail" : "webhook", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, m->recipient, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, m->subject ? m->subject : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, m->body, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, m->unsubscribe_url ? m->unsubscribe_url : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, m->purpose, -1, SQLITE_STATIC);
	if (m->meeting_id)
		sqlite3_bind_int64(s, 8, m->meeting_id);
	if (m->announcement_id)
		sqlite3_bind_int64(s, 9, m->announcement_id);
	sqlite3_bind_int64(s, 10, (sqlite3_int64)now);
	int rc = db_run(s);
	if (rc != SQLITE_DONE) {
		db_log_error(db, "outbox_add");
		return -1;
	}
	return sqlite3_changes(sqlite3_db_handle(s)) > 0 ? 1 : 0;
}
