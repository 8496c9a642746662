/* page_admin_place.c — the agreed place of an information group's field meeting (regulation № 44 on
 * information groups §3.6.2: the group's secretary agrees the place with the institution): its
 * state on the staff meeting page, the form that records it (audited), and the list of coming field
 * meetings whose place is not agreed as their publication deadline approaches (staff home page; the
 * notifier mails the same list daily, notify_rules.c). Another venue undoes the agreement (a
 * trigger of sql/015_records.sql). */
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "db_meeting_staff.h"
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
	struct place_agreement p;
	int rc = db_place_agreement_get(&req->worker->db, req->arena, meeting_id, &p);
	if (rc != 0 || strcmp(p.kind, GROUP_FIELD) != 0)
		return rc < 0 ? -1 : 0;
	bool coming = strcmp(p.status, "draft") == 0 || strcmp(p.status, "approved") == 0 ||
		      strcmp(p.status, "postponed") == 0;
	tpl_dict *section = tpl_section_add(d, "PLACE_AGREEMENT");
	if (p.agreed) {
		tpl_dict *a = tpl_section_add(section, "AGREED");
		page_set_datetime(a, "AT", p.agreed_at);
		tpl_set(a, "BY", p.agreed_by);
		tpl_set(a, "WITH", p.agreed_with);
	} else {
		tpl_section_show(section, "NOT_AGREED");
	}
	if (coming && (req->staff->role & PLACE_AGREEMENT_WRITERS))
		tpl_section_show(d, "PLACE_AGREEMENT_ACTION");
	return 0;
}

/* staff_action load: the agreement of the path's meeting; 1 (404) for a meeting that is not an
 * information group's field meeting. */
static int load_agreement(struct request *req, void *target)
{
	struct place_agreement *p = target;
	int rc = db_place_agreement_get(&req->worker->db, req->arena, req->path_id, p);
	return rc == 0 && strcmp(p->kind, GROUP_FIELD) != 0 ? 1 : rc;
}

/* The agreement of a field meeting's place (staff_action on the meeting): refused to the
 * meeting's page. */
static const struct staff_action place_action = {"meeting", STMT_STAFF_MEETING_JSON,
						 load_agreement, page_admin_meeting_refused};

/* POST /admin/meetings/ID/place (place_agreed_with, csrf) — record that the place of a coming
 * field meeting of an information group is agreed with the institution, with whom and how
 * (regulation № 44 on information groups §3.6.2); audited. 303 back to the meeting; 404 for
 * another kind of meeting or an unknown one; 422 on the meeting's page with the error beside the
 * field when it is empty, or when the meeting is cancelled or held. */
enum http_status page_admin_meeting_place(struct request *req)
{
	struct place_agreement was;
	enum http_status status;
	if (!staff_action_begin(req, &place_action, &was, &status))
		return status;
	if (strcmp(was.status, "cancelled") == 0 || strcmp(was.status, "held") == 0)
		req->error_detail = "Встреча отменена или уже проведена: согласовывать место не нужно.";
	if (req->invalid_fields > 0 || req->error_detail != NULL)
		return staff_action_refuse(req, &place_action, NULL);
	struct db *db = &req->worker->db;
	const char *with = page_field_text(req, FIELD_PLACE_AGREED_WITH);
	sqlite3_stmt *s = db_stmt(db, STMT_PLACE_AGREE);
	sqlite3_bind_int64(s, 1, req->path_id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 3, req->staff->user_id);
	sqlite3_bind_text(s, 4, with, -1, SQLITE_STATIC);
	/* The record holds the agreement before and after, not the whole meeting. */
	bool ok = db_run(s) == SQLITE_DONE &&
		  audit_record(req, NULL, "place_agreed", "meeting", req->path_id,
			       agreement_json(was.agreed_at, was.agreed_by, was.agreed_with),
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
	struct meeting_item *list;
	size_t count;
	/* Published 5 days ahead: a deadline within warning_days means a start within about
	 * warning_days + 6 days. */
	if (db_place_unagreed(&req->worker->db, req->arena, req->now,
			      req->now + (time_t)(warning_days + 7) * 86400, scope_bind_value(req),
			      &list, &count) < 0)
		return -1;
	for (size_t i = 0; i < count; i++) {
		struct civil_date deadline = rule_announce_deadline(list[i].starts_at, GROUP_FIELD);
		if (civil_date_diff(deadline, today) > warning_days)
			continue;
		tpl_dict *row = tpl_section_add(d, "UNAGREED");
		tpl_set_int(row, "ID", list[i].id);
		tpl_set(row, "TITLE", list[i].title);
		page_set_datetime(row, "STARTS", list[i].starts_at);
		tpl_set(row, "DEADLINE", page_date_words(req, deadline));
		if (civil_date_compare(deadline, today) < 0)
			tpl_section_show(row, "MISSED");
		tpl_section_show(d, "HAS_UNAGREED");
	}
	return 0;
}
