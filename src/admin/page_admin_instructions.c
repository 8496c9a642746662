/* page_admin_instructions.c — the control of instructions (/admin/instructions, order № 2 of the
 * Zelenoborsk head §4.2, regulation № 44 on information groups §3.6.7–3.6.8): the list with its
 * filters (mine, due soon, overdue, by executor, by meeting), an instruction on an appeal, one
 * instruction with its history and the steps.
 *
 * An instruction comes from a protocol or an appeal. One of a draft protocol is a proposal: it
 * takes force when the protocol is signed; until then it is not listed, not in the digests,
 * takes no step and may be deleted. In force it moves assigned → in_progress → reported →
 * accepted, or reported → returned (with the reason) → in_progress again; it may be cancelled
 * with a reason. Its executor alone starts and reports on it; its controller or an
 * administrator — never its executor — accepts, returns or cancels it; the other side is mailed
 * at each step. Every transition is a history record and an audit record in one transaction. */
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "db_appeal.h"
#include "db_instruction.h"
#include "instruction_staff.h"
#include "page.h"
#include "pages.h"
#include "protocol.h"
#include "ru.h"
#include "scope.h"
#include "staff_change.h"
#include "worker.h"

#define INSTRUCTION_PAGE_ROWS 100

static bool executor_only(const struct request *req)
{
	return req->staff->role == ROLE_EXECUTOR;
}

static enum http_status instructions_page(struct request *req, enum http_status status)
{
	const struct field_value *in = req->field;
	tpl_dict *d = page_begin(req, "admin_instructions.tpl", "Поручения", NAV_STAFF_INSTRUCTIONS);
	page_form_fields(req, d);
	const char *due = page_field_text(req, FIELD_DUE);
	if (due[0] && strcmp(due, "soon") != 0 && strcmp(due, "overdue") != 0) {
		req->error_detail = "Такого значения фильтра нет.";
		return HTTP_BAD_REQUEST;
	}
	bool mine = executor_only(req) ||
		    (in[FIELD_MINE].state == FIELD_VALID && in[FIELD_MINE].number == 1);
	/* «Мои»: an executor's own; for the others, those they execute or control. */
	long long executor = executor_only(req)	? req->staff->user_id
			     : in[FIELD_EXECUTOR].state == FIELD_VALID ? in[FIELD_EXECUTOR].number
									: 0;
	long long involved = mine && !executor_only(req) ? req->staff->user_id : 0;
	long long page = in[FIELD_PAGE].state == FIELD_VALID ? in[FIELD_PAGE].number : 1;
	long long meeting = in[FIELD_MEETING].state == FIELD_VALID ? in[FIELD_MEETING].number : 0;
	struct civil_date today = tz_local_date(req->now);
	if (!executor_only(req)) {
		tpl_dict *f = tpl_section_add(d, "FILTERS");
		if (mine)
			tpl_section_show(f, "MINE_CHECKED");
		struct staff_item *executors;
		size_t ne;
		if (staff_load_items(req, STMT_INSTRUCTION_EXECUTORS, scope_bind_value(req), &executors, &ne) < 0)
			return HTTP_INTERNAL_ERROR;
		staff_item_options(req, f, "EXECUTOR_FILTER", executors, ne, executor);
		struct instruction_meeting *meetings;
		size_t meeting_count;
		if (db_instruction_meetings(&req->worker->db, req->arena, scope_bind_value(req),
					    &meetings, &meeting_count) < 0)
			return HTTP_INTERNAL_ERROR;
		for (size_t i = 0; i < meeting_count; i++) {
			tpl_dict *o = tpl_section_add(f, "MEETING_FILTER");
			tpl_set_int(o, "ID", meetings[i].id);
			struct civil_date day = tz_local_date(meetings[i].starts_at);
			tpl_set(o, "NAME", arena_printf(req->arena, "%s, %s", meetings[i].title,
							page_date_words(req, day)));
			if (meetings[i].id == meeting)
				tpl_section_show(o, "SELECTED");
		}
		tpl_dict *opt = tpl_section_add(f, "DUE_SOON");
		if (strcmp(due, "soon") == 0)
			tpl_section_show(opt, "SELECTED");
		opt = tpl_section_add(f, "DUE_OVERDUE");
		if (strcmp(due, "overdue") == 0)
			tpl_section_show(opt, "SELECTED");
	} else
		tpl_section_show(d, "EXECUTOR_NOTE");
	struct instruction_filter filter = {
		.executor = executor,
		.involved = involved,
		.meeting = meeting,
		/* One row more than a page tells whether there is a next one. */
		.limit = INSTRUCTION_PAGE_ROWS + 1,
		.offset = (page - 1) * INSTRUCTION_PAGE_ROWS,
		.scope = scope_bind_value(req),
	};
	if (strcmp(due, "soon") == 0) {
		/* Due today or within the next days; the overdue ones are their own filter. */
		filter.due_by = page_date_iso(req, civil_date_add_days(today, INSTRUCTION_SOON_DAYS));
		filter.due_from = page_date_iso(req, today);
	} else if (strcmp(due, "overdue") == 0)
		filter.due_by = page_date_iso(req, civil_date_add_days(today, -1));
	struct instruction_summary *list;
	size_t count;
	if (db_instruction_list(&req->worker->db, req->arena, &filter, &list, &count) < 0)
		return HTTP_INTERNAL_ERROR;
	bool more = count > INSTRUCTION_PAGE_ROWS;
	int rows = 0;
	for (size_t i = 0; i < count && rows < INSTRUCTION_PAGE_ROWS; i++) {
		const struct instruction_summary *r = &list[i];
		tpl_dict *row = tpl_section_add(d, "ROW");
		tpl_set_int(row, "ID", r->id);
		tpl_set(row, "TEXT", r->text);
		if (r->unit[0])
			tpl_set(tpl_section_add(row, "UNIT"), "NAME", r->unit);
		instruction_set_due(req, row, r->due_on, r->status);
		tpl_set(row, "STATUS", instruction_status_text(r->status));
		tpl_set(row, "EXECUTOR", r->executor);
		if (r->meeting_id) {
			tpl_dict *src = tpl_section_add(row, "FROM_MEETING");
			tpl_set_int(src, "MEETING_ID", r->meeting_id);
			tpl_set(src, "TITLE", ru_quoted(req->arena, r->meeting_title));
		} else
			tpl_set(tpl_section_add(row, "FROM_APPEAL"), "NUMBER", r->appeal_number);
		rows++;
	}
	tpl_section_show(d, rows ? "HAS_ROWS" : "NO_ROWS");
	if (page > 1 || more) {
		tpl_dict *nav = tpl_section_add(d, "PAGINATION");
		if (page > 1)
			tpl_set(tpl_section_add(nav, "PREV"), "HREF",
				page_query_with_page(req, page - 1));
		if (more)
			tpl_set(tpl_section_add(nav, "NEXT"), "HREF",
				page_query_with_page(req, page + 1));
	}
	if (req->staff->role & APPEAL_WRITERS) {
		tpl_dict *f = tpl_section_add(d, "NEW_FROM_APPEAL");
		if (instruction_form_fill(req, f) < 0)
			return HTTP_INTERNAL_ERROR;
	}
	if (req->error_detail != NULL)
		page_form_error(req, d, req->error_detail);
	return page_end(req, status);
}

/* GET /admin/instructions (mine, due=soon|overdue, executor, meeting, page) — the instructions
 * in force, open ones first by due date, 100 a page. «Мои» are those the staff member executes
 * or controls; an executor sees their own only, always. «Срок в ближайшие 3 дня» are the open
 * ones due today to 3 days ahead, «просроченные» those due before today. */
enum http_status page_admin_instructions(struct request *req)
{
	return instructions_page(req, HTTP_OK);
}

/* POST /admin/instructions (number, instruction, executor, unit, due_on, controller, csrf) — an
 * instruction on an appeal, named by its registration number (APPEAL_WRITERS). 303 to the
 * instruction; 422 for an unknown number or the checks of any instruction. */
enum http_status page_admin_instruction_create(struct request *req)
{
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	long long appeal = 0;
	if (req->field[FIELD_APPEAL_NUMBER].state == FIELD_VALID) {
		int found = db_appeal_id_by_number(db, page_field_text(req, FIELD_APPEAL_NUMBER),
						   &appeal);
		if (found < 0) {
			db_rollback(db);
			return HTTP_INTERNAL_ERROR;
		}
		if (found > 0)
			page_reject(req, FIELD_APPEAL_NUMBER, "обращения с таким номером нет");
	}
	long long id = 0;
	int rc = req->invalid_fields > 0 ? 1
					 : instruction_insert(req, 0, appeal,
							      tz_local_date(req->now), &id);
	if (rc > 0) {
		db_rollback(db);
		return instructions_page(req, HTTP_UNPROCESSABLE);
	}
	if (rc == 0) {
		/* In force at once: its executor is sent it. */
		struct instruction_detail given;
		if (db_instruction_get(db, req->arena, id, &given) != 0)
			rc = -1;
		else {
			const char *body = instruction_given_text(
				req, id,
				arena_printf(req->arena, "по обращению № %s", given.appeal_number),
				given.text, given.due_on, given.controller);
			rc = instruction_mail(req, id, 0, "executor", given.executor_email,
					      arena_printf(req->arena, "Поручение № %lld", id), body);
		}
	}
	if (rc < 0 || db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req, arena_printf(req->arena, "/admin/instructions/%lld", id));
}

/* The instruction of the request's path: 0, 1 when there is none, -1 on error. */
static int load_instruction(struct request *req, struct instruction_detail *r)
{
	return db_instruction_get(&req->worker->db, req->arena, req->path_id, r);
}

static bool may_control(const struct request *req, const struct instruction_detail *r)
{
	long long me = req->staff->user_id;
	return me != r->executor_id && (me == r->controller_id || (req->staff->role & ROLE_ADMIN));
}

static enum http_status instruction_page(struct request *req, enum http_status status)
{
	struct instruction_detail r;
	int rc = load_instruction(req, &r);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	if (executor_only(req) && r.executor_id != req->staff->user_id)
		return HTTP_FORBIDDEN;
	/* A proposal of a draft protocol is not an executor's business yet. */
	if (executor_only(req) && !r.in_force)
		return HTTP_NOT_FOUND;
	tpl_dict *d = page_begin(req, "admin_instruction.tpl",
				 arena_printf(req->arena, "Поручение № %lld", r.id),
				 NAV_STAFF_INSTRUCTIONS);
	page_form_fields(req, d);
	tpl_set_int(d, "ID", r.id);
	tpl_set(d, "TEXT", r.text);
	const char *unit = r.unit;
	if (unit[0])
		tpl_set(tpl_section_add(d, "UNIT"), "NAME", unit);
	if (r.in_force) {
		instruction_set_due(req, d, r.due_on, r.status);
		tpl_set(d, "STATUS", instruction_status_text(r.status));
	} else {
		instruction_set_due(req, d, r.due_on, "proposal");
		tpl_set(d, "STATUS", "проект: вступит в силу после подписания протокола");
		tpl_dict *note = tpl_section_add(d, "DRAFT_NOTE");
		if (req->staff->role & PROTOCOL_EDITORS)
			tpl_section_show(note, "CAN_DELETE");
	}
	const char *report = r.report;
	if (report[0])
		tpl_set(tpl_section_add(d, "REPORT"), "TEXT", report);
	const char *reason = r.reason;
	if (reason[0] && (strcmp(r.status, "returned") == 0 || strcmp(r.status, "cancelled") == 0))
		tpl_set(tpl_section_add(d, "REASON"), "TEXT", reason);
	tpl_set(d, "EXECUTOR", r.executor);
	tpl_set(d, "CONTROLLER", r.controller);
	if (r.from_meeting) {
		tpl_dict *src = tpl_section_add(d, "FROM_MEETING");
		/* Executors do not read protocols on the staff side: the public results then. */
		tpl_set(src, "HREF", arena_printf(req->arena,
						  executor_only(req) ? "/meetings/%lld#results"
								     : "/admin/meetings/%lld/protocol",
						  r.meeting_id));
		tpl_set(src, "TITLE", ru_quoted(req->arena, r.meeting_title));
	} else {
		tpl_dict *src = tpl_section_add(d, "FROM_APPEAL");
		const char *number = r.appeal_number;
		if ((req->staff->role & APPEAL_READERS) && !executor_only(req)) {
			tpl_dict *l = tpl_section_add(src, "LINK");
			tpl_set_int(l, "APPEAL_ID", r.appeal_id);
			tpl_set(l, "NUMBER", number);
		} else
			tpl_set(tpl_section_add(src, "PLAIN"), "NUMBER", number);
	}
	page_set_datetime(d, "CREATED", r.created_at);
	bool executor = r.in_force && r.executor_id == req->staff->user_id;
	bool controls = r.in_force && may_control(req, &r);
	if (executor && (strcmp(r.status, "assigned") == 0 || strcmp(r.status, "returned") == 0))
		tpl_section_show(d, "CAN_START");
	if (executor && strcmp(r.status, "in_progress") == 0)
		tpl_section_show(d, "CAN_REPORT");
	if (controls && strcmp(r.status, "reported") == 0)
		tpl_section_show(d, "CAN_ACCEPT");
	if (controls && strcmp(r.status, "accepted") != 0 && strcmp(r.status, "cancelled") != 0)
		tpl_section_show(d, "CAN_CANCEL");
	struct instruction_event *events;
	size_t event_count;
	if (db_instruction_events(&req->worker->db, req->arena, r.id, &events, &event_count) < 0)
		return HTTP_INTERNAL_ERROR;
	for (size_t i = 0; i < event_count; i++) {
		tpl_dict *ev = tpl_section_add(d, "EVENT");
		page_set_datetime(ev, "AT", events[i].at);
		tpl_set(ev, "WHO", events[i].by[0] ? events[i].by : "система");
		tpl_set(ev, "STATUS", instruction_status_text(events[i].status));
		tpl_set(ev, "NOTE", events[i].note);
	}
	if (req->error_detail != NULL)
		page_form_error(req, d, req->error_detail);
	return page_end(req, status);
}

/* GET /admin/instructions/ID — the instruction, its source, report, history and the steps the
 * signed-in staff member may take; one of a draft protocol is shown as a proposal (editors may
 * delete it). 403 for an executor's view of someone else's, 404 for an executor's view of a
 * proposal. */
enum http_status page_admin_instruction(struct request *req)
{
	return instruction_page(req, HTTP_OK);
}

/* staff_action load: the instruction of the path. */
static int load_target(struct request *req, void *target)
{
	return load_instruction(req, target);
}

/* Every step of an instruction and its deletion (staff_action): refused to its page. */
static const struct staff_action instruction_action = {"instruction", STMT_INSTRUCTION_JSON,
						       load_target, instruction_page};

enum mover { BY_EXECUTOR, BY_CONTROLLER };

/* The mail of one step to the other side: a report goes to the controller; a return, an
 * acceptance or a cancellation to the executor, and to the controller as well when an
 * administrator took it in the controller's stead. Taking it into work mails nobody. */
static int step_mail(struct request *req, const struct instruction_detail *r, long long event,
		     const char *to, const char *note)
{
	struct arena *a = req->arena;
	const char *subject, *text;
	if (strcmp(to, "reported") == 0)
		return instruction_mail(
			req, r->id, event, "controller", r->controller_email,
			arena_printf(a, "Доложено об исполнении поручения № %lld", r->id),
			arena_printf(a, "Исполнитель доложил об исполнении поручения № %lld:\n\n%s\n\n"
					"Примите исполнение или верните поручение на доработку.",
				     r->id, note));
	if (strcmp(to, "returned") == 0) {
		subject = arena_printf(a, "Поручение № %lld возвращено на доработку", r->id);
		text = arena_printf(a, "Поручение № %lld возвращено на доработку. Причина:\n\n%s",
				    r->id, note);
	} else if (strcmp(to, "accepted") == 0) {
		subject = arena_printf(a, "Исполнение поручения № %lld принято", r->id);
		text = arena_printf(a, "Исполнение поручения № %lld принято, поручение снято с "
				       "контроля.",
				    r->id);
	} else if (strcmp(to, "cancelled") == 0) {
		subject = arena_printf(a, "Поручение № %lld отменено", r->id);
		text = arena_printf(a, "Поручение № %lld отменено. Причина:\n\n%s", r->id, note);
	} else
		return 0;
	if (instruction_mail(req, r->id, event, "executor", r->executor_email, subject, text) < 0)
		return -1;
	if (req->staff->user_id == r->controller_id)
		return 0;
	return instruction_mail(req, r->id, event, "controller", r->controller_email, subject,
				text);
}

/* One transition from (from1, from2) to to, with report or reason (NULL keeps them); the
 * history and audit records and the mail to the other side; 303 back to the instruction. 403
 * for the wrong person, 422 for the wrong state, a missing text or an instruction not in force
 * yet. */
static enum http_status move(struct request *req, enum mover who, const char *from1,
			     const char *from2, const char *to, const char *report,
			     const char *reason)
{
	struct db *db = &req->worker->db;
	struct instruction_detail r;
	enum http_status status;
	if (!staff_action_begin(req, &instruction_action, &r, &status))
		return status;
	bool allowed = who == BY_EXECUTOR ? r.executor_id == req->staff->user_id
					  : may_control(req, &r);
	if (!allowed) {
		db_rollback(db);
		return HTTP_FORBIDDEN;
	}
	if (!r.in_force)
		return staff_action_refuse(
			req, &instruction_action,
			"Поручение ещё не вступило в силу: протокол встречи не подписан.");
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &instruction_action, NULL);
	json_t *before = staff_json(req, STMT_INSTRUCTION_JSON, r.id);
	sqlite3_stmt *s = db_stmt(db, STMT_INSTRUCTION_MOVE);
	sqlite3_bind_int64(s, 1, r.id);
	sqlite3_bind_text(s, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, from1, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, from2, -1, SQLITE_STATIC);
	if (report)
		sqlite3_bind_text(s, 5, report, -1, SQLITE_STATIC);
	if (reason)
		sqlite3_bind_text(s, 6, reason, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 7, (sqlite3_int64)req->now);
	if (db_run(s) != SQLITE_DONE) {
		json_decref(before);
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	if (sqlite3_changes(db->conn) == 0) {
		json_decref(before);
		return staff_action_refuse(req, &instruction_action,
					   arena_printf(req->arena, "Этот шаг невозможен: поручение в "
								    "состоянии «%s».",
							instruction_status_text(r.status)));
	}
	s = db_stmt(db, STMT_INSTRUCTION_EVENT_ADD);
	sqlite3_bind_int64(s, 1, r.id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 3, req->staff->user_id);
	sqlite3_bind_text(s, 4, to, -1, SQLITE_STATIC);
	const char *note = report ? report : reason ? reason : "";
	sqlite3_bind_text(s, 5, note, -1, SQLITE_STATIC);
	bool ok = db_run(s) == SQLITE_DONE &&
		  step_mail(req, &r, sqlite3_last_insert_rowid(db->conn), to, note) == 0;
	return staff_action_finish(req, &instruction_action, ok, to, r.id, before,
				   arena_printf(req->arena, "/admin/instructions/%lld", r.id));
}

/* POST /admin/instructions/ID/start (csrf) — the executor takes it into work (assigned or
 * returned → in_progress). */
enum http_status page_admin_instruction_start(struct request *req)
{
	return move(req, BY_EXECUTOR, "assigned", "returned", "in_progress", NULL, NULL);
}

/* POST /admin/instructions/ID/report (report, csrf) — the executor reports it done. */
enum http_status page_admin_instruction_report(struct request *req)
{
	return move(req, BY_EXECUTOR, "in_progress", "in_progress", "reported",
		    page_field_text(req, FIELD_REPORT), NULL);
}

/* POST /admin/instructions/ID/accept (csrf) — the controller accepts the report. */
enum http_status page_admin_instruction_accept(struct request *req)
{
	return move(req, BY_CONTROLLER, "reported", "reported", "accepted", NULL, NULL);
}

/* POST /admin/instructions/ID/return (reason, csrf) — the controller returns it for rework. */
enum http_status page_admin_instruction_return(struct request *req)
{
	return move(req, BY_CONTROLLER, "reported", "reported", "returned", NULL,
		    page_field_text(req, FIELD_REASON));
}

/* POST /admin/instructions/ID/cancel (cancel_reason, csrf) — the controller cancels it, unless it
 * was accepted. */
enum http_status page_admin_instruction_cancel(struct request *req)
{
	struct instruction_detail r;
	int rc = load_instruction(req, &r);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	/* Any live state: the transition names the one it was in when the page was read. */
	const char *from = r.status;
	if (strcmp(from, "accepted") == 0 || strcmp(from, "cancelled") == 0)
		from = "none";
	return move(req, BY_CONTROLLER, from, from, "cancelled", NULL,
		    page_field_text(req, FIELD_CANCEL_REASON));
}

/* POST /admin/instructions/ID/delete (csrf) — remove a proposal of a draft protocol, with its
 * history (PROTOCOL_EDITORS); the audit log keeps what it was. 303 to the protocol; 422 for an
 * instruction in force. */
enum http_status page_admin_instruction_delete(struct request *req)
{
	struct db *db = &req->worker->db;
	struct instruction_detail r;
	enum http_status status;
	if (!staff_action_begin(req, &instruction_action, &r, &status))
		return status;
	if (r.in_force)
		return staff_action_refuse(req, &instruction_action,
					   "Поручение подписанного протокола не удаляется: его можно "
					   "отменить с указанием причины.");
	json_t *before = staff_json(req, STMT_INSTRUCTION_JSON, r.id);
	sqlite3_stmt *s = db_stmt(db, STMT_INSTRUCTION_DELETE_EVENTS);
	sqlite3_bind_int64(s, 1, r.id);
	bool ok = db_run(s) == SQLITE_DONE;
	if (ok) {
		s = db_stmt(db, STMT_INSTRUCTION_DELETE);
		sqlite3_bind_int64(s, 1, r.id);
		ok = db_run(s) == SQLITE_DONE && sqlite3_changes(db->conn) == 1;
	}
	if (ok) {
		/* One proposal fewer changes what the chair signs. */
		s = db_stmt(db, STMT_PROTOCOL_TOUCH);
		sqlite3_bind_int64(s, 1, r.protocol_id);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
		ok = db_run(s) == SQLITE_DONE;
	}
	if (!ok) {
		json_decref(before);
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	/* A deletion has no state after it: the audit record holds only the one before. */
	if (audit_record(req, NULL, "delete", "instruction", r.id, before, NULL) < 0 ||
	    db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req,
				 arena_printf(req->arena, "/admin/meetings/%lld/protocol", r.meeting_id));
}
