/* audit.c — writing the audit log (see audit.h). */
#include "audit.h"

#include <stdlib.h>

#include "auth.h"
#include "worker.h"

/* Compact JSON with keys sorted, Cyrillic kept as UTF-8; NULL for no value. Frees value. */
static char *dump(json_t *value)
{
	if (value == NULL)
		return NULL;
	char *text = json_dumps(value, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(value);
	return text;
}

int audit_record(struct request *req, const char *login, const char *action, const char *entity,
		 long long entity_id, json_t *before, json_t *after)
{
	char *before_text = dump(before), *after_text = dump(after);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_AUDIT_INSERT);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)req->now);
	if (req->staff)
		sqlite3_bind_int64(s, 2, req->staff->user_id);
	sqlite3_bind_text(s, 3, req->staff ? req->staff->login : login, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, entity, -1, SQLITE_STATIC);
	if (entity_id > 0)
		sqlite3_bind_int64(s, 6, entity_id);
	if (before_text)
		sqlite3_bind_text(s, 7, before_text, -1, SQLITE_STATIC);
	if (after_text)
		sqlite3_bind_text(s, 8, after_text, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	db_done(s);
	free(before_text);
	free(after_text);
	if (rc != SQLITE_DONE) {
		db_log_error(&req->worker->db, "audit");
		return -1;
	}
	return 0;
}
