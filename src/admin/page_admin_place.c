/* page_admin_place.c — the agreed place of an information group's field meeting (regulation № 44 on
 * information groups §3.6.2: the group's secretary agrees the place with the institution): its
 * state on the staff meeting page, the form that records it (audited), and the list of coming field
 * meetings whose place is not agreed as their publication deadline approaches (staff home page; the
 * notifier mails the same list daily, notify_rules.c). Another venue undoes the agreement (a
 * trigger of sql/015_records.sql). */
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "page.h"
#include "pages.h"
#include "place_agreement.h"
#include "rules.h"
#include "scope.h"
#include "staff_change.h"
#include "worker.h"

#define GROUP_FIELD "group_field"

/* The meeting's agreement as JSON for the audit log (at 0: not agreed). */
static json_t *agreement_json(time_t at, const char *by, const char *with)
{
	if (at == 0)
		return json_pack("{s:n}", "place_agreed_at");
	return json_pack("{s:I, s:s, s:s}", "place_agreed_at", (json_int_t)at, "place_agreed_by",
			 by, "place_agreed_with", with);
}

int place_agreement_fill(struct request *req, tpl_dict *d, long long meeting_id)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_PLACE_AGREEMENT_GET);
	sqlite3_bind_int64(s, 1, meeting_id);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		db_done(s);
		return rc == SQLITE_DONE ? 0 : -1;
	}
	if (strcmp(db_text(req->arena, s, 0), GROUP_FIELD) != 0) {
		db_done(s);
		return 0;
	}
	const char *status = db_text(req->arena, s, 1);
	bool coming = strcmp(status, "draft") == 0 || strcmp(status, "approved") == 0 ||
		      strcmp(status, "postponed") == 0;
	tpl_dict *p = tpl_section_add(d, "PLACE_AGREEMENT");
	if (sqlite3_column_type(s, 3) != SQLITE_NULL) {
		tpl_dict *a = tpl_section_add(p, "AGREED");
		page_set_datetime(a, "AT", (time_t)sqlite3_column_int64(s, 3));
		tpl_set(a, "BY", db_text(req->arena, s, 4));
		tpl_set(a, "WITH", db_text(req->arena, s, 5));
	} else {
		tpl_section_show(p, "NOT_AGREED");
	}
	db_done(s);
	if (coming && (req->staff->role & PLACE_AGREEMENT_WRITERS))
		tpl_section_show(d, "PLACE_AGREEMENT_ACTION");
	return 0;
}

/* POST /admin/meetings/ID/place (place_agreed_with, csrf) — record that the place of a coming
 * field meeting of an information group is agreed with the institution, with whom and how
 * (regulation № 44 on information groups §3.6.2); audited. 303 back to the meeting; 404 for
 * another kind of meeting or an unknown one; 422 on the meeting's page with the error beside the
 * field when it is empty, or when the meeting is cancelled or held. */
enum http_status page_admin_meeting_place(struct request *req)
{
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	sqlite3_stmt *s = db_stmt(db, STMT_PLACE_AGREEMENT_GET);
	sqlite3_bind_int64(s, 1, req->path_id);
	int rc = sqlite3_step(s);
	bool field = rc == SQLITE_ROW && strcmp(db_text(req->arena, s, 0), GROUP_FIELD) == 0;
	const char *status = rc == SQLITE_ROW ? db_text(req->arena, s, 1) : "";
	time_t was_at = rc == SQLITE_ROW ? (time_t)sqlite3_column_int64(s, 3) : 0;
	const char *was_by = rc == SQLITE_ROW ? db_text(req->arena, s, 4) : "";
	const char *was_with = rc == SQLITE_ROW ? db_text(req->arena, s, 5) : "";
	db_done(s);
	if (!field) {
		db_rollback(db);
		return rc == SQLITE_ROW || rc == SQLITE_DONE ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	}
	if (strcmp(status, "cancelled") == 0 || strcmp(status, "held") == 0)
		req->error_detail = "Встреча отменена или уже проведена: согласовывать место не нужно.";
	if (req->invalid_fields > 0 || req->error_detail != NULL) {
		db_rollback(db);
		return page_admin_meeting_refused(req, HTTP_UNPROCESSABLE);
	}
	const char *with = page_field_text(req, FIELD_PLACE_AGREED_WITH);
	s = db_stmt(db, STMT_PLACE_AGREE);
	sqlite3_bind_int64(s, 1, req->path_id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 3, req->staff->user_id);
	sqlite3_bind_text(s, 4, with, -1, SQLITE_STATIC);
	bool ok = db_run(s) == SQLITE_DONE &&
		  audit_record(req, NULL, "place_agreed", "meeting", req->path_id,
			       agreement_json(was_at, was_by, was_with),
			       agreement_json(req->now, req->staff->login, with)) == 0;
	if (!ok || db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req,
				 arena_printf(req->arena, "/admin/meetings/%lld", req->path_id));
}

int place_unagreed_fill(struct request *req, tpl_dict *d, int warning_days)
{
	struct civil_date today = tz_local_date(req->now);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_PLACE_UNAGREED);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)req->now);
	/* Published 5 days ahead: a deadline within warning_days means a start within about
	 * warning_days + 6 days. */
	sqlite3_bind_int64(s, 2, (sqlite3_int64)(req->now + (time_t)(warning_days + 7) * 86400));
	sqlite3_bind_int64(s, 3, scope_bind_value(req));
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		time_t starts = (time_t)sqlite3_column_int64(s, 2);
		struct civil_date deadline = rule_announce_deadline(starts, "group_field");
		if (civil_date_diff(deadline, today) > warning_days)
			continue;
		tpl_dict *row = tpl_section_add(d, "UNAGREED");
		tpl_set_int(row, "ID", sqlite3_column_int64(s, 0));
		tpl_set(row, "TITLE", db_text(req->arena, s, 1));
		page_set_datetime(row, "STARTS", starts);
		tpl_set(row, "DEADLINE", page_date_words(req, deadline));
		if (civil_date_compare(deadline, today) < 0)
			tpl_section_show(row, "MISSED");
		tpl_section_show(d, "HAS_UNAGREED");
	}
	db_done(s);
	return rc == SQLITE_DONE ? 0 : -1;
}
