/* page_admin_protocols.c — the protocol of a held meeting (/admin/meetings/ID/protocol) and the
 * control of instructions (/admin/instructions).
 *
 * A protocol (seed 000 §4.1) is a draft the secretary, the sector or an administrator edit:
 * number, date, place, chair and secretary, attendance, officials present, the questions raised
 * with the answers given, the decisions, links to the photo and video report, and the
 * instructions. Signing (PROTOCOL_SIGNERS, auth.h) locks it; later corrections are amendments
 * with their own history. Handing it over to the control sector is recorded; it is due 5 working
 * days after the meeting by the production calendar (seed 001 §3.6.9), and lateness is flagged.
 * The appeals handed in at the meeting are listed with number, topic and state.
 *
 * An instruction (seed 000 §4.2, seed 001 §3.6.7–3.6.8) comes from a protocol or an appeal and
 * moves assigned → in_progress → reported → accepted, or reported → returned (with the reason)
 * → in_progress again; it may be cancelled with a reason. Its executor alone starts and reports
 * on it; its controller or an administrator — never its executor — accepts, returns or cancels
 * it. Every transition is a history record and an audit record in one transaction. */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "page.h"
#include "pages.h"
#include "protocol.h"
#include "ru.h"
#include "staff_change.h"
#include "workdays.h"
#include "worker.h"

#define EMPTY_QUESTION_ROWS 3
#define INSTRUCTION_PAGE_ROWS 200

static const char *text_of(const struct request *req, enum field f)
{
	return req->field[f].state == FIELD_VALID ? req->field[f].text : "";
}

static const char *date_words(struct request *req, struct civil_date d)
{
	return arena_printf(req->arena, "%d %s %d г.", d.day, ru_month_genitive(d.month), d.year);
}

static const char *iso_of(struct request *req, struct civil_date d)
{
	return arena_printf(req->arena, "%04d-%02d-%02d", d.year, d.month, d.day);
}

static const char *appeal_status_label(const char *status)
{
	static const char *const labels[][2] = {
		{"registered", "зарегистрировано"}, {"in_work", "в работе"},
		{"forwarded", "направлено по компетенции"}, {"answered", "дан ответ"},
		{"closed", "закрыто без ответа по существу"},
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i][0], status) == 0)
			return labels[i][1];
	return status;
}

static const char *status_label(const char *status)
{
	const char *label = instruction_status_label(status);
	return label ? label : status;
}

/* DUE (words), DUE_ISO and, for an open instruction, OVERDUE or SOON under parent. */
static void set_instruction_due(struct request *req, tpl_dict *row, const char *iso,
				const char *status)
{
	struct civil_date due;
	if (!civil_date_parse(iso, &due)) {
		tpl_set(row, "DUE", iso);
		return;
	}
	tpl_set(row, "DUE", date_words(req, due));
	tpl_set(row, "DUE_ISO", iso);
	if (!instruction_status_open(status))
		return;
	long left = civil_date_diff(due, tz_local_date(req->now));
	if (left < 0)
		tpl_set(tpl_section_add(row, "OVERDUE"), "TEXT",
			arena_printf(req->arena, "просрочено на %ld %s", -left,
				     ru_plural(-left, "день", "дня", "дней")));
	else if (left <= INSTRUCTION_SOON_DAYS)
		tpl_set(tpl_section_add(row, "SOON"), "TEXT",
			left == 0 ? "срок сегодня"
				  : arena_printf(req->arena, "осталось %ld %s", left,
						 ru_plural(left, "день", "дня", "дней")));
}

/* ---- the protocol ------------------------------------------------------------------------ */

struct meeting_row {
	long long id;
	const char *title, *status, *place;
	time_t starts_at;
	bool has_attendance;
	long long attendance, host_id;
};

struct protocol_row {
	bool exists;
	long long id, chair_id, secretary_id, attendance;
	bool has_attendance, signed_, handed;
	const char *number, *held_on, *place, *decisions, *photo_url, *video_url;
	const char *signed_by, *handed_by;
	const char *chair, *chair_position, *secretary, *secretary_position;
	time_t signed_at, handed_at;
};

/* 0, 1 when there is no such meeting, -1 on error. */
static int load_meeting(struct request *req, long long id, struct meeting_row *m)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_PROTOCOL_MEETING);
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		m->id = id;
		m->title = db_text(req->arena, s, 0);
		m->status = db_text(req->arena, s, 1);
		m->starts_at = (time_t)sqlite3_column_int64(s, 2);
		m->place = db_text(req->arena, s, 3);
		m->has_attendance = sqlite3_column_type(s, 4) != SQLITE_NULL;
		m->attendance = sqlite3_column_int64(s, 4);
		m->host_id = sqlite3_column_int64(s, 5);
	}
	db_done(s);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

/* p->exists false when the meeting has no protocol yet; -1 on error. */
static int protocol_load(struct request *req, long long meeting_id, struct protocol_row *p)
{
	memset(p, 0, sizeof *p);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_PROTOCOL_GET);
	sqlite3_bind_int64(s, 1, meeting_id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		struct arena *a = req->arena;
		p->exists = true;
		p->id = sqlite3_column_int64(s, 0);
		p->number = db_text(a, s, 1);
		p->held_on = db_text(a, s, 2);
		p->place = db_text(a, s, 3);
		p->chair_id = sqlite3_column_int64(s, 4);
		p->secretary_id = sqlite3_column_int64(s, 5);
		p->has_attendance = sqlite3_column_type(s, 6) != SQLITE_NULL;
		p->attendance = sqlite3_column_int64(s, 6);
		p->decisions = db_text(a, s, 7);
		p->photo_url = db_text(a, s, 8);
		p->video_url = db_text(a, s, 9);
		p->signed_ = sqlite3_column_type(s, 10) != SQLITE_NULL;
		p->signed_at = (time_t)sqlite3_column_int64(s, 10);
		p->signed_by = db_text(a, s, 11);
		p->handed = sqlite3_column_type(s, 12) != SQLITE_NULL;
		p->handed_at = (time_t)sqlite3_column_int64(s, 12);
		p->handed_by = db_text(a, s, 13);
		p->chair = db_text(a, s, 14);
		p->chair_position = db_text(a, s, 15);
		p->secretary = db_text(a, s, 16);
		p->secretary_position = db_text(a, s, 17);
	}
	db_done(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* The handover due date of the meeting's protocol; -1 on a database error. */
static int handover_due(struct request *req, time_t starts_at, struct civil_date *due,
			int *uncovered)
{
	struct workcal cal;
	if (workdays_load(&req->worker->db, req->arena, &cal) < 0)
		return -1;
	*due = protocol_handover_due(&cal, tz_local_date(starts_at), uncovered);
	return 0;
}

/* The handover facts of a protocol under d: HANDOVER_DUE, and HANDED (with LATE) or
 * NOT_HANDED (with OVERDUE). */
static void fill_handover(struct request *req, tpl_dict *d, const struct protocol_row *p,
			  struct civil_date due)
{
	tpl_set(d, "HANDOVER_DUE", date_words(req, due));
	if (p->exists && p->handed) {
		tpl_dict *h = tpl_section_add(d, "HANDED");
		page_set_datetime(h, "AT", p->handed_at);
		tpl_set(h, "BY", p->handed_by);
		long late = civil_date_diff(tz_local_date(p->handed_at), due);
		if (late > 0)
			tpl_set(tpl_section_add(h, "LATE"), "TEXT",
				arena_printf(req->arena, "передан с опозданием на %ld %s", late,
					     ru_plural(late, "день", "дня", "дней")));
		return;
	}
	tpl_dict *n = tpl_section_add(d, "NOT_HANDED");
	long late = civil_date_diff(tz_local_date(req->now), due);
	if (late > 0)
		tpl_set(tpl_section_add(n, "OVERDUE"), "TEXT",
			arena_printf(req->arena, "просрочено на %ld %s", late,
				     ru_plural(late, "день", "дня", "дней")));
}

/* The people of the directory as <option>s (ID, NAME, SELECTED) under section. */
static void person_options(struct request *req, tpl_dict *d, const char *section,
			   const struct staff_item *people, size_t n, const long long *chosen,
			   size_t chosen_count)
{
	for (size_t i = 0; i < n; i++) {
		tpl_dict *o = tpl_section_add(d, section);
		tpl_set_int(o, "ID", people[i].id);
		tpl_set(o, "NAME", people[i].extra && people[i].extra[0]
					   ? arena_printf(req->arena, "%s, %s", people[i].name,
							  people[i].extra)
					   : people[i].name);
		for (size_t k = 0; k < chosen_count; k++)
			if (chosen[k] == people[i].id)
				tpl_section_show(o, "SELECTED");
	}
}

/* The edit form of a draft (or of a protocol not started yet), from the stored protocol with
 * the meeting's facts as defaults, or after a refused submit from the request. */
static int fill_edit_form(struct request *req, tpl_dict *d, const struct meeting_row *m,
			  const struct protocol_row *p, bool from_request)
{
	struct staff_item *people;
	size_t n;
	if (staff_load_items(req, STMT_PERSON_LIST, 0, &people, &n) < 0)
		return -1;
	tpl_dict *f = tpl_section_add(d, "EDIT");
	tpl_set_int(f, "ID", m->id);
	const struct field_value *in = req->field;
	long long chair = 0, secretary = 0;
	const long long *officials = NULL;
	size_t official_count = 0;
	if (from_request) {
		tpl_set(f, "protocol_number", in[FIELD_PROTOCOL_NUMBER].raw ? in[FIELD_PROTOCOL_NUMBER].raw : "");
		tpl_set(f, "held_on", in[FIELD_HELD_ON].raw ? in[FIELD_HELD_ON].raw : "");
		tpl_set(f, "place", in[FIELD_PLACE].raw ? in[FIELD_PLACE].raw : "");
		tpl_set(f, "attendance", in[FIELD_ATTENDANCE].raw ? in[FIELD_ATTENDANCE].raw : "");
		tpl_set(f, "decisions", in[FIELD_DECISIONS].raw ? in[FIELD_DECISIONS].raw : "");
		tpl_set(f, "photo_url", in[FIELD_PHOTO_URL].raw ? in[FIELD_PHOTO_URL].raw : "");
		tpl_set(f, "video_url", in[FIELD_VIDEO_URL].raw ? in[FIELD_VIDEO_URL].raw : "");
		chair = in[FIELD_CHAIR].state == FIELD_VALID ? in[FIELD_CHAIR].number : 0;
		secretary = in[FIELD_SECRETARY].state == FIELD_VALID ? in[FIELD_SECRETARY].number : 0;
		officials = in[FIELD_OFFICIAL].ids;
		official_count = in[FIELD_OFFICIAL].id_count;
		size_t rows = in[FIELD_QUESTION].value_count;
		if (in[FIELD_QUESTION_ANSWER].value_count > rows)
			rows = in[FIELD_QUESTION_ANSWER].value_count;
		for (size_t i = 0; i < rows; i++) {
			const struct field_value *q = i < in[FIELD_QUESTION].value_count
							      ? &in[FIELD_QUESTION].values[i]
							      : NULL;
			const struct field_value *a = i < in[FIELD_QUESTION_ANSWER].value_count
							      ? &in[FIELD_QUESTION_ANSWER].values[i]
							      : NULL;
			tpl_dict *row = tpl_section_add(f, "QUESTION_ROW");
			tpl_set_int(row, "N", (long long)i + 1);
			tpl_set(row, "QUESTION", q && q->raw ? q->raw : "");
			tpl_set(row, "ANSWER", a && a->raw ? a->raw : "");
			if (i == 0)
				tpl_section_show(row, "FIRST");
			else
				tpl_section_show(row, "OTHER");
		}
	} else {
		struct civil_date held = tz_local_date(m->starts_at);
		tpl_set(f, "protocol_number", p->exists ? p->number : "");
		tpl_set(f, "held_on", p->exists ? p->held_on : iso_of(req, held));
		tpl_set(f, "place", p->exists ? p->place : m->place);
		if (p->exists ? p->has_attendance : m->has_attendance)
			tpl_set_int(f, "attendance", p->exists ? p->attendance : m->attendance);
		tpl_set(f, "decisions", p->exists ? p->decisions : "");
		tpl_set(f, "photo_url", p->exists ? p->photo_url : "");
		tpl_set(f, "video_url", p->exists ? p->video_url : "");
		chair = p->exists ? p->chair_id : m->host_id;
		secretary = p->exists ? p->secretary_id : 0;
		long long *ids = NULL;
		size_t cap = 0;
		int rows = 0;
		if (p->exists) {
			sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_PROTOCOL_OFFICIALS);
			sqlite3_bind_int64(s, 1, p->id);
			while (sqlite3_step(s) == SQLITE_ROW) {
				ids = arena_grow(req->arena, ids, official_count, &cap, sizeof *ids);
				ids[official_count++] = sqlite3_column_int64(s, 0);
			}
			db_done(s);
			s = db_stmt(&req->worker->db, STMT_PROTOCOL_QUESTIONS);
			sqlite3_bind_int64(s, 1, p->id);
			while (sqlite3_step(s) == SQLITE_ROW) {
				tpl_dict *row = tpl_section_add(f, "QUESTION_ROW");
				tpl_set_int(row, "N", ++rows);
				tpl_set(row, "QUESTION", db_text(req->arena, s, 0));
				tpl_set(row, "ANSWER", db_text(req->arena, s, 1));
				tpl_section_show(row, rows == 1 ? "FIRST" : "OTHER");
			}
			db_done(s);
		}
		officials = ids;
		for (int i = 0; i < EMPTY_QUESTION_ROWS; i++) {
			tpl_dict *row = tpl_section_add(f, "QUESTION_ROW");
			tpl_set_int(row, "N", ++rows);
			tpl_section_show(row, rows == 1 ? "FIRST" : "OTHER");
		}
	}
	person_options(req, f, "CHAIR_OPTION", people, n, &chair, 1);
	person_options(req, f, "SECRETARY_OPTION", people, n, &secretary, 1);
	person_options(req, f, "OFFICIAL_OPTION", people, n, officials, official_count);
	return 0;
}

/* The form of a new instruction: executors and controllers (section rows), after a refused
 * submit with what was typed. */
static int fill_instruction_form(struct request *req, tpl_dict *f)
{
	struct staff_item *executors, *controllers;
	size_t ne, nc;
	if (staff_load_items(req, STMT_INSTRUCTION_EXECUTORS, 0, &executors, &ne) < 0 ||
	    staff_load_items(req, STMT_INSTRUCTION_CONTROLLERS, 0, &controllers, &nc) < 0)
		return -1;
	const struct field_value *in = req->field;
	staff_item_options(req, f, "EXECUTOR_OPTION", executors, ne,
			   in[FIELD_EXECUTOR].state == FIELD_VALID ? in[FIELD_EXECUTOR].number : 0);
	staff_item_options(req, f, "CONTROLLER_OPTION", controllers, nc,
			   in[FIELD_CONTROLLER].state == FIELD_VALID ? in[FIELD_CONTROLLER].number
								     : 0);
	return 0;
}

static enum http_status protocol_page(struct request *req, enum http_status status,
				      bool edit_from_request)
{
	struct meeting_row m;
	int rc = load_meeting(req, req->path_id, &m);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	if (strcmp(m.status, "held") != 0)
		return HTTP_NOT_FOUND;
	struct protocol_row p;
	struct civil_date due;
	int uncovered = 0;
	if (protocol_load(req, m.id, &p) < 0 || handover_due(req, m.starts_at, &due, &uncovered) < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_dict *d = page_begin(req, "admin_protocol.tpl",
				 arena_printf(req->arena, "Протокол встречи «%s»", m.title),
				 NAV_STAFF_MEETINGS);
	tpl_set_int(d, "ID", m.id);
	tpl_set(d, "TITLE", m.title);
	page_set_datetime(d, "STARTS", m.starts_at);
	fill_handover(req, d, &p, due);
	if (uncovered)
		tpl_set_int(tpl_section_add(d, "UNCOVERED"), "YEAR", uncovered);
	unsigned role = req->staff->role;
	bool editor = (role & PROTOCOL_EDITORS) != 0;
	bool keeper = (role & PROTOCOL_KEEPERS) != 0;
	if (!p.exists)
		tpl_section_show(d, "NO_PROTOCOL");
	else if (!p.signed_)
		tpl_section_show(d, "DRAFT");
	else {
		tpl_dict *sg = tpl_section_add(d, "SIGNED");
		page_set_datetime(sg, "AT", p.signed_at);
		tpl_set(sg, "BY", p.signed_by);
	}
	if (p.exists) {
		tpl_dict *v = tpl_section_add(d, "PROTOCOL");
		tpl_set(v, "NUMBER", p.number[0] ? p.number : "не присвоен");
		struct civil_date held;
		tpl_set(v, "HELD_ON", civil_date_parse(p.held_on, &held) ? date_words(req, held)
									: p.held_on);
		tpl_set(v, "PLACE", p.place);
		tpl_set(v, "CHAIR", p.chair[0] ? p.chair : "не указан");
		tpl_set(v, "SECRETARY", p.secretary[0] ? p.secretary : "не указан");
		if (p.has_attendance)
			tpl_set(v, "ATTENDANCE", arena_printf(req->arena, "%lld %s", p.attendance,
							      ru_plural(p.attendance, "человек",
									"человека", "человек")));
		else
			tpl_set(v, "ATTENDANCE", "не указано");
		sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_PROTOCOL_OFFICIALS);
		sqlite3_bind_int64(s, 1, p.id);
		while (sqlite3_step(s) == SQLITE_ROW) {
			tpl_dict *o = tpl_section_add(v, "OFFICIAL");
			tpl_set(o, "NAME", db_text(req->arena, s, 1));
			tpl_set(o, "POSITION", db_text(req->arena, s, 2));
			tpl_section_show(v, "HAS_OFFICIALS");
		}
		db_done(s);
		s = db_stmt(&req->worker->db, STMT_PROTOCOL_QUESTIONS);
		sqlite3_bind_int64(s, 1, p.id);
		while (sqlite3_step(s) == SQLITE_ROW) {
			tpl_dict *q = tpl_section_add(v, "QUESTION");
			tpl_set(q, "QUESTION", db_text(req->arena, s, 0));
			tpl_set(q, "ANSWER", db_text(req->arena, s, 1));
			tpl_section_show(v, "HAS_QUESTIONS");
		}
		db_done(s);
		if (p.decisions[0])
			tpl_set(tpl_section_add(v, "DECISIONS"), "TEXT", p.decisions);
		if (p.photo_url[0])
			tpl_set(tpl_section_add(v, "PHOTO"), "URL", p.photo_url);
		if (p.video_url[0])
			tpl_set(tpl_section_add(v, "VIDEO"), "URL", p.video_url);
		s = db_stmt(&req->worker->db, STMT_PROTOCOL_INSTRUCTIONS);
		sqlite3_bind_int64(s, 1, p.id);
		while (sqlite3_step(s) == SQLITE_ROW) {
			tpl_dict *row = tpl_section_add(d, "INSTRUCTION");
			tpl_set_int(row, "INSTRUCTION_ID", sqlite3_column_int64(s, 0));
			tpl_set(row, "TEXT", db_text(req->arena, s, 1));
			tpl_set(row, "UNIT", db_text(req->arena, s, 2));
			const char *st = db_text(req->arena, s, 4);
			set_instruction_due(req, row, db_text(req->arena, s, 3), st);
			tpl_set(row, "STATUS", status_label(st));
			tpl_set(row, "EXECUTOR", db_text(req->arena, s, 5));
			tpl_section_show(d, "HAS_INSTRUCTIONS");
		}
		db_done(s);
		s = db_stmt(&req->worker->db, STMT_PROTOCOL_AMENDMENTS);
		sqlite3_bind_int64(s, 1, p.id);
		while (sqlite3_step(s) == SQLITE_ROW) {
			tpl_dict *row = tpl_section_add(d, "AMENDMENT");
			page_set_datetime(row, "AT", (time_t)sqlite3_column_int64(s, 0));
			tpl_set(row, "BY", db_text(req->arena, s, 1));
			tpl_set(row, "TEXT", db_text(req->arena, s, 2));
			tpl_set(row, "REASON", db_text(req->arena, s, 3));
			tpl_section_show(d, "HAS_AMENDMENTS");
		}
		db_done(s);
	}
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_PROTOCOL_APPEALS);
	sqlite3_bind_int64(s, 1, m.id);
	bool appeal_reader = (role & APPEAL_READERS) != 0 && role != ROLE_EXECUTOR;
	while (sqlite3_step(s) == SQLITE_ROW) {
		tpl_dict *row = tpl_section_add(d, "APPEAL");
		const char *number = db_text(req->arena, s, 1);
		if (appeal_reader) {
			tpl_dict *l = tpl_section_add(row, "LINK");
			tpl_set_int(l, "APPEAL_ID", sqlite3_column_int64(s, 0));
			tpl_set(l, "NUMBER", number);
		} else
			tpl_set(tpl_section_add(row, "PLAIN"), "NUMBER", number);
		const char *topic = db_text(req->arena, s, 2);
		tpl_set(row, "TOPIC", topic[0] ? topic : "тема не указана");
		tpl_set(row, "STATUS", appeal_status_label(db_text(req->arena, s, 3)));
		tpl_section_show(d, "HAS_APPEALS");
	}
	db_done(s);

	bool draft = !p.exists || !p.signed_;
	if (draft && editor && fill_edit_form(req, d, &m, &p, edit_from_request) < 0)
		return HTTP_INTERNAL_ERROR;
	if (p.exists && !p.signed_ && editor &&
	    fill_instruction_form(req, tpl_section_add(d, "ADD_INSTRUCTION")) < 0)
		return HTTP_INTERNAL_ERROR;
	if (p.exists && !p.signed_ && (role & PROTOCOL_SIGNERS))
		tpl_section_show(d, "CAN_SIGN");
	if (p.exists && p.signed_ && !p.handed && keeper)
		tpl_section_show(d, "CAN_HAND_OVER");
	if (p.exists && p.signed_ && keeper)
		tpl_section_show(d, "CAN_AMEND");
	if (p.exists && p.signed_)
		tpl_section_show(d, "PUBLIC_LINK");
	page_form_fields(req, d);
	if (req->error_detail != NULL)
		page_form_error(req, d, req->error_detail);
	return page_end(req, status);
}

/* GET /admin/meetings/ID/protocol — the protocol of a held meeting: its state, the handover due
 * date and lateness, the protocol itself, instructions, amendments, the appeals handed in there,
 * and the forms each role may use. 404 for an unknown meeting or one not held. */
enum http_status page_admin_protocol(struct request *req)
{
	return protocol_page(req, HTTP_OK, false);
}

/* Start a protocol action: the write transaction, the held meeting and its protocol. */
static bool protocol_target(struct request *req, struct meeting_row *m, struct protocol_row *p,
			    enum http_status *status)
{
	struct db *db = &req->worker->db;
	int rc = load_meeting(req, req->path_id, m);
	if (rc != 0 || strcmp(m->status, "held") != 0) {
		*status = rc < 0 ? HTTP_INTERNAL_ERROR : HTTP_NOT_FOUND;
		return false;
	}
	if (db_begin(db) < 0 || protocol_load(req, m->id, p) < 0) {
		db_rollback(db);
		*status = HTTP_INTERNAL_ERROR;
		return false;
	}
	return true;
}

static enum http_status refuse(struct request *req, const char *why, bool edit_from_request)
{
	db_rollback(&req->worker->db);
	if (why)
		req->error_detail = why;
	return protocol_page(req, HTTP_UNPROCESSABLE, edit_from_request);
}

static enum http_status protocol_done(struct request *req, const struct meeting_row *m,
				      long long protocol_id, const char *action, json_t *before)
{
	struct db *db = &req->worker->db;
	json_t *after = staff_json(req, STMT_PROTOCOL_JSON, protocol_id);
	if (audit_record(req, NULL, action, "protocol", protocol_id, before, after) < 0 ||
	    db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req,
				 arena_printf(req->arena, "/admin/meetings/%lld/protocol", m->id));
}

static const char *const signed_refusal =
	"Протокол подписан и больше не редактируется: внесите исправление.";

/* POST /admin/meetings/ID/protocol (protocol_number, held_on, place, chair, secretary,
 * attendance, official…, question…, question_answer…, decisions, photo_url, video_url, csrf) —
 * create or change the draft. 303 back; 422 with the errors beside the fields for a person not
 * in the directory, a link that is not http(s), an answer without its question, or a signed
 * protocol. */
enum http_status page_admin_protocol_save(struct request *req)
{
	struct meeting_row m;
	struct protocol_row p;
	enum http_status status;
	if (!protocol_target(req, &m, &p, &status))
		return status;
	if (p.exists && p.signed_)
		return refuse(req, signed_refusal, false);
	struct staff_item *people;
	size_t n;
	if (staff_load_items(req, STMT_PERSON_LIST, 0, &people, &n) < 0) {
		db_rollback(&req->worker->db);
		return HTTP_INTERNAL_ERROR;
	}
	const struct field_value *in = req->field;
	if (in[FIELD_CHAIR].state == FIELD_VALID && !staff_has_item(people, n, in[FIELD_CHAIR].number))
		page_reject(req, FIELD_CHAIR, "выберите из списка");
	if (in[FIELD_SECRETARY].state == FIELD_VALID &&
	    !staff_has_item(people, n, in[FIELD_SECRETARY].number))
		page_reject(req, FIELD_SECRETARY, "выберите из списка");
	for (size_t i = 0; i < in[FIELD_OFFICIAL].id_count; i++)
		if (!staff_has_item(people, n, in[FIELD_OFFICIAL].ids[i]))
			page_reject(req, FIELD_OFFICIAL, "выберите из списка");
	if (in[FIELD_PHOTO_URL].state == FIELD_VALID && !protocol_url_valid(in[FIELD_PHOTO_URL].text))
		page_reject(req, FIELD_PHOTO_URL, "нужна ссылка, начинающаяся с http:// или https://");
	if (in[FIELD_VIDEO_URL].state == FIELD_VALID && !protocol_url_valid(in[FIELD_VIDEO_URL].text))
		page_reject(req, FIELD_VIDEO_URL, "нужна ссылка, начинающаяся с http:// или https://");
	for (size_t i = 0; i < in[FIELD_QUESTION_ANSWER].value_count; i++) {
		const struct field_value *a = &in[FIELD_QUESTION_ANSWER].values[i];
		bool has_question = i < in[FIELD_QUESTION].value_count &&
				    in[FIELD_QUESTION].values[i].state == FIELD_VALID;
		if (a->state == FIELD_VALID && !has_question)
			page_reject(req, FIELD_QUESTION, "у ответа нет вопроса");
	}
	if (req->invalid_fields > 0)
		return refuse(req, NULL, true);
	struct db *db = &req->worker->db;
	json_t *before = p.exists ? staff_json(req, STMT_PROTOCOL_JSON, p.id) : NULL;
	sqlite3_stmt *s = db_stmt(db, p.exists ? STMT_PROTOCOL_UPDATE : STMT_PROTOCOL_INSERT);
	sqlite3_bind_int64(s, 1, p.exists ? p.id : m.id);
	sqlite3_bind_text(s, 2, text_of(req, FIELD_PROTOCOL_NUMBER), -1, SQLITE_STATIC);
	const char *held_on = in[FIELD_HELD_ON].state == FIELD_VALID
				      ? iso_of(req, in[FIELD_HELD_ON].date)
				      : iso_of(req, tz_local_date(m.starts_at));
	sqlite3_bind_text(s, 3, held_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, text_of(req, FIELD_PLACE), -1, SQLITE_STATIC);
	if (in[FIELD_CHAIR].state == FIELD_VALID)
		sqlite3_bind_int64(s, 5, in[FIELD_CHAIR].number);
	if (in[FIELD_SECRETARY].state == FIELD_VALID)
		sqlite3_bind_int64(s, 6, in[FIELD_SECRETARY].number);
	if (in[FIELD_ATTENDANCE].state == FIELD_VALID)
		sqlite3_bind_int64(s, 7, in[FIELD_ATTENDANCE].number);
	sqlite3_bind_text(s, 8, text_of(req, FIELD_DECISIONS), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 9, text_of(req, FIELD_PHOTO_URL), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 10, text_of(req, FIELD_VIDEO_URL), -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 11, (sqlite3_int64)req->now);
	if (!p.exists)
		sqlite3_bind_int64(s, 12, req->staff->user_id);
	bool ok = db_run(s) == SQLITE_DONE && sqlite3_changes(db->conn) > 0;
	long long id = p.exists ? p.id : sqlite3_last_insert_rowid(db->conn);
	if (ok) {
		s = db_stmt(db, STMT_PROTOCOL_OFFICIAL_CLEAR);
		sqlite3_bind_int64(s, 1, id);
		ok = db_run(s) == SQLITE_DONE;
	}
	for (size_t i = 0; ok && i < in[FIELD_OFFICIAL].id_count; i++) {
		s = db_stmt(db, STMT_PROTOCOL_OFFICIAL_ADD);
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, in[FIELD_OFFICIAL].ids[i]);
		ok = db_run(s) == SQLITE_DONE;
	}
	if (ok) {
		s = db_stmt(db, STMT_PROTOCOL_QUESTION_CLEAR);
		sqlite3_bind_int64(s, 1, id);
		ok = db_run(s) == SQLITE_DONE;
	}
	int position = 0;
	for (size_t i = 0; ok && i < in[FIELD_QUESTION].value_count; i++) {
		const struct field_value *q = &in[FIELD_QUESTION].values[i];
		if (q->state != FIELD_VALID)
			continue;
		const struct field_value *a = i < in[FIELD_QUESTION_ANSWER].value_count
						      ? &in[FIELD_QUESTION_ANSWER].values[i]
						      : NULL;
		s = db_stmt(db, STMT_PROTOCOL_QUESTION_ADD);
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int(s, 2, ++position);
		sqlite3_bind_text(s, 3, q->text, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 4, a && a->state == FIELD_VALID ? a->text : "", -1,
				  SQLITE_STATIC);
		ok = db_run(s) == SQLITE_DONE;
	}
	if (!ok) {
		json_decref(before);
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return protocol_done(req, &m, id, p.exists ? "update" : "create", before);
}

/* POST /admin/meetings/ID/protocol/sign (csrf) — sign the draft (PROTOCOL_SIGNERS); it needs a
 * number and the decisions. 422 when already signed or incomplete. */
enum http_status page_admin_protocol_sign(struct request *req)
{
	struct meeting_row m;
	struct protocol_row p;
	enum http_status status;
	if (!protocol_target(req, &m, &p, &status))
		return status;
	if (!p.exists)
		return refuse(req, "Протокол ещё не составлен.", false);
	if (p.signed_)
		return refuse(req, "Протокол уже подписан.", false);
	if (p.number[0] == '\0' || p.decisions[0] == '\0')
		return refuse(req, "Перед подписанием укажите номер протокола и принятые решения.",
			      false);
	json_t *before = staff_json(req, STMT_PROTOCOL_JSON, p.id);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_PROTOCOL_SIGN);
	sqlite3_bind_int64(s, 1, p.id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 3, req->staff->user_id);
	if (db_run(s) != SQLITE_DONE || sqlite3_changes(req->worker->db.conn) == 0) {
		json_decref(before);
		db_rollback(&req->worker->db);
		return HTTP_INTERNAL_ERROR;
	}
	return protocol_done(req, &m, p.id, "sign", before);
}

/* POST /admin/meetings/ID/protocol/handover (csrf) — record that the signed protocol was handed
 * to the control sector, now, by the signed-in staff member. 422 when it is not signed or was
 * handed over before. */
enum http_status page_admin_protocol_hand_over(struct request *req)
{
	struct meeting_row m;
	struct protocol_row p;
	enum http_status status;
	if (!protocol_target(req, &m, &p, &status))
		return status;
	if (!p.exists || !p.signed_)
		return refuse(req, "Передать можно только подписанный протокол.", false);
	if (p.handed)
		return refuse(req, "Протокол уже передан в сектор контроля.", false);
	json_t *before = staff_json(req, STMT_PROTOCOL_JSON, p.id);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_PROTOCOL_HAND_OVER);
	sqlite3_bind_int64(s, 1, p.id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 3, req->staff->user_id);
	if (db_run(s) != SQLITE_DONE || sqlite3_changes(req->worker->db.conn) == 0) {
		json_decref(before);
		db_rollback(&req->worker->db);
		return HTTP_INTERNAL_ERROR;
	}
	return protocol_done(req, &m, p.id, "hand_over", before);
}

/* POST /admin/meetings/ID/protocol/amend (amendment, reason, csrf) — a correction of the signed
 * protocol, kept with who and when and shown after it. 422 for a draft (edit it instead). */
enum http_status page_admin_protocol_amend(struct request *req)
{
	struct meeting_row m;
	struct protocol_row p;
	enum http_status status;
	if (!protocol_target(req, &m, &p, &status))
		return status;
	if (!p.exists || !p.signed_)
		return refuse(req, "Исправления вносятся в подписанный протокол; черновик "
				   "можно изменить.", false);
	if (req->invalid_fields > 0)
		return refuse(req, NULL, false);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_PROTOCOL_AMENDMENT_ADD);
	sqlite3_bind_int64(s, 1, p.id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 3, req->staff->user_id);
	sqlite3_bind_text(s, 4, text_of(req, FIELD_AMENDMENT), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, text_of(req, FIELD_REASON), -1, SQLITE_STATIC);
	if (db_run(s) != SQLITE_DONE) {
		db_rollback(&req->worker->db);
		return HTTP_INTERNAL_ERROR;
	}
	long long amendment = sqlite3_last_insert_rowid(req->worker->db.conn);
	struct db *db = &req->worker->db;
	if (audit_record(req, NULL, "amend", "protocol", p.id, NULL,
			 json_pack("{s:I, s:s, s:s}", "amendment", (json_int_t)amendment, "text",
				   text_of(req, FIELD_AMENDMENT), "reason",
				   text_of(req, FIELD_REASON))) < 0 ||
	    db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req,
				 arena_printf(req->arena, "/admin/meetings/%lld/protocol", m.id));
}

/* ---- instructions ------------------------------------------------------------------------ */

/* Check the fields of a new instruction; insert it with its first history record and audit
 * record inside the caller's transaction. 0, 1 when a field was refused, -1 on error. */
static int instruction_insert(struct request *req, long long protocol_id, long long appeal_id,
			      struct civil_date earliest, long long *id)
{
	struct staff_item *executors, *controllers;
	size_t ne, nc;
	if (staff_load_items(req, STMT_INSTRUCTION_EXECUTORS, 0, &executors, &ne) < 0 ||
	    staff_load_items(req, STMT_INSTRUCTION_CONTROLLERS, 0, &controllers, &nc) < 0)
		return -1;
	const struct field_value *in = req->field;
	if (in[FIELD_EXECUTOR].state == FIELD_VALID &&
	    !staff_has_item(executors, ne, in[FIELD_EXECUTOR].number))
		page_reject(req, FIELD_EXECUTOR, "выберите из списка сотрудников с адресом почты");
	if (in[FIELD_CONTROLLER].state == FIELD_VALID &&
	    !staff_has_item(controllers, nc, in[FIELD_CONTROLLER].number))
		page_reject(req, FIELD_CONTROLLER, "выберите из списка");
	if (in[FIELD_EXECUTOR].state == FIELD_VALID && in[FIELD_CONTROLLER].state == FIELD_VALID &&
	    in[FIELD_EXECUTOR].number == in[FIELD_CONTROLLER].number)
		page_reject(req, FIELD_CONTROLLER, "исполнитель не может контролировать сам себя");
	if (in[FIELD_DUE_ON].state == FIELD_VALID &&
	    civil_date_compare(in[FIELD_DUE_ON].date, earliest) < 0)
		page_reject(req, FIELD_DUE_ON,
			    arena_printf(req->arena, "не раньше %s", date_words(req, earliest)));
	if (req->invalid_fields > 0)
		return 1;
	struct db *db = &req->worker->db;
	sqlite3_stmt *s = db_stmt(db, STMT_INSTRUCTION_INSERT);
	if (protocol_id)
		sqlite3_bind_int64(s, 1, protocol_id);
	if (appeal_id)
		sqlite3_bind_int64(s, 2, appeal_id);
	sqlite3_bind_text(s, 3, text_of(req, FIELD_INSTRUCTION_TEXT), -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, in[FIELD_EXECUTOR].number);
	sqlite3_bind_text(s, 5, text_of(req, FIELD_UNIT), -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 6, in[FIELD_CONTROLLER].number);
	sqlite3_bind_text(s, 7, iso_of(req, in[FIELD_DUE_ON].date), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 8, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 9, req->staff->user_id);
	if (db_run(s) != SQLITE_DONE)
		return -1;
	*id = sqlite3_last_insert_rowid(db->conn);
	s = db_stmt(db, STMT_INSTRUCTION_EVENT_ADD);
	sqlite3_bind_int64(s, 1, *id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 3, req->staff->user_id);
	sqlite3_bind_text(s, 4, "assigned", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, "", -1, SQLITE_STATIC);
	if (db_run(s) != SQLITE_DONE)
		return -1;
	if (audit_record(req, NULL, "create", "instruction", *id, NULL,
			 staff_json(req, STMT_INSTRUCTION_JSON, *id)) < 0)
		return -1;
	return 0;
}

/* POST /admin/meetings/ID/protocol/instructions (instruction, executor, unit, due_on,
 * controller, csrf) — an instruction of the draft protocol. 303 back; 422 for a signed
 * protocol, an executor without an e-mail, a controller who is the executor or a due date
 * before the meeting. */
enum http_status page_admin_protocol_instruction(struct request *req)
{
	struct meeting_row m;
	struct protocol_row p;
	enum http_status status;
	if (!protocol_target(req, &m, &p, &status))
		return status;
	if (!p.exists)
		return refuse(req, "Сначала сохраните протокол.", false);
	if (p.signed_)
		return refuse(req, signed_refusal, false);
	if (req->invalid_fields > 0)
		return refuse(req, NULL, false);
	long long id;
	int rc = instruction_insert(req, p.id, 0, tz_local_date(m.starts_at), &id);
	if (rc > 0)
		return refuse(req, NULL, false);
	if (rc < 0 || db_commit(&req->worker->db) < 0) {
		db_rollback(&req->worker->db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req,
				 arena_printf(req->arena, "/admin/meetings/%lld/protocol", m.id));
}

static bool executor_only(const struct request *req)
{
	return req->staff->role == ROLE_EXECUTOR;
}

static enum http_status instructions_page(struct request *req, enum http_status status)
{
	const struct field_value *in = req->field;
	tpl_dict *d = page_begin(req, "admin_instructions.tpl", "Поручения", NAV_STAFF_INSTRUCTIONS);
	page_form_fields(req, d);
	const char *due = text_of(req, FIELD_DUE);
	if (due[0] && strcmp(due, "soon") != 0 && strcmp(due, "overdue") != 0) {
		req->error_detail = "Такого значения фильтра нет.";
		return HTTP_BAD_REQUEST;
	}
	bool mine = executor_only(req) ||
		    (in[FIELD_MINE].state == FIELD_VALID && in[FIELD_MINE].number == 1);
	long long executor = mine ? req->staff->user_id
				  : in[FIELD_EXECUTOR].state == FIELD_VALID ? in[FIELD_EXECUTOR].number
									    : 0;
	long long meeting = in[FIELD_MEETING].state == FIELD_VALID ? in[FIELD_MEETING].number : 0;
	struct civil_date today = tz_local_date(req->now);
	if (!executor_only(req)) {
		tpl_dict *f = tpl_section_add(d, "FILTERS");
		if (mine)
			tpl_section_show(f, "MINE_CHECKED");
		struct staff_item *executors;
		size_t ne;
		if (staff_load_items(req, STMT_INSTRUCTION_EXECUTORS, 0, &executors, &ne) < 0)
			return HTTP_INTERNAL_ERROR;
		staff_item_options(req, f, "EXECUTOR_FILTER", executors, ne, mine ? 0 : executor);
		sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_INSTRUCTION_MEETINGS);
		while (sqlite3_step(s) == SQLITE_ROW) {
			tpl_dict *o = tpl_section_add(f, "MEETING_FILTER");
			tpl_set_int(o, "ID", sqlite3_column_int64(s, 0));
			struct civil_date day = tz_local_date((time_t)sqlite3_column_int64(s, 2));
			tpl_set(o, "NAME", arena_printf(req->arena, "%s, %s", db_text(req->arena, s, 1),
							date_words(req, day)));
			if (sqlite3_column_int64(s, 0) == meeting)
				tpl_section_show(o, "SELECTED");
		}
		db_done(s);
		tpl_dict *opt = tpl_section_add(f, "DUE_SOON");
		if (strcmp(due, "soon") == 0)
			tpl_section_show(opt, "SELECTED");
		opt = tpl_section_add(f, "DUE_OVERDUE");
		if (strcmp(due, "overdue") == 0)
			tpl_section_show(opt, "SELECTED");
	} else
		tpl_section_show(d, "EXECUTOR_NOTE");
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_INSTRUCTION_LIST);
	if (executor)
		sqlite3_bind_int64(s, 1, executor);
	if (strcmp(due, "soon") == 0)
		sqlite3_bind_text(s, 2, iso_of(req, civil_date_add_days(today, INSTRUCTION_SOON_DAYS)),
				  -1, SQLITE_TRANSIENT);
	else if (strcmp(due, "overdue") == 0)
		sqlite3_bind_text(s, 2, iso_of(req, civil_date_add_days(today, -1)), -1,
				  SQLITE_TRANSIENT);
	if (meeting)
		sqlite3_bind_int64(s, 3, meeting);
	sqlite3_bind_int(s, 4, INSTRUCTION_PAGE_ROWS);
	int rc, rows = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		tpl_dict *row = tpl_section_add(d, "ROW");
		tpl_set_int(row, "ID", sqlite3_column_int64(s, 0));
		tpl_set(row, "TEXT", db_text(req->arena, s, 1));
		tpl_set(row, "UNIT", db_text(req->arena, s, 2));
		const char *st = db_text(req->arena, s, 4);
		set_instruction_due(req, row, db_text(req->arena, s, 3), st);
		tpl_set(row, "STATUS", status_label(st));
		tpl_set(row, "EXECUTOR", db_text(req->arena, s, 5));
		if (sqlite3_column_int64(s, 6)) {
			tpl_dict *src = tpl_section_add(row, "FROM_MEETING");
			tpl_set_int(src, "MEETING_ID", sqlite3_column_int64(s, 6));
			tpl_set(src, "TITLE", db_text(req->arena, s, 7));
		} else
			tpl_set(tpl_section_add(row, "FROM_APPEAL"), "NUMBER", db_text(req->arena, s, 8));
		rows++;
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return HTTP_INTERNAL_ERROR;
	tpl_section_show(d, rows ? "HAS_ROWS" : "NO_ROWS");
	if (req->staff->role & APPEAL_WRITERS) {
		tpl_dict *f = tpl_section_add(d, "NEW_FROM_APPEAL");
		if (fill_instruction_form(req, f) < 0)
			return HTTP_INTERNAL_ERROR;
	}
	if (req->error_detail != NULL)
		page_form_error(req, d, req->error_detail);
	return page_end(req, status);
}

/* GET /admin/instructions (mine, due=soon|overdue, executor, meeting) — the instructions, open
 * ones first by due date. An executor sees their own only (the "mine" filter, always on). */
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
		sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_ID_BY_NUMBER);
		sqlite3_bind_text(s, 1, text_of(req, FIELD_APPEAL_NUMBER), -1, SQLITE_STATIC);
		appeal = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
		db_done(s);
		if (appeal == 0)
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
	if (rc < 0 || db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req, arena_printf(req->arena, "/admin/instructions/%lld", id));
}

struct instruction_row {
	long long id, executor_id, controller_id;
	const char *status;
};

/* 0, 1 when there is none, -1 on error; keep leaves the statement on its row. */
static int load_instruction(struct request *req, struct instruction_row *r, sqlite3_stmt **keep)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_INSTRUCTION_GET);
	sqlite3_bind_int64(s, 1, req->path_id);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		db_done(s);
		return rc == SQLITE_DONE ? 1 : -1;
	}
	r->id = req->path_id;
	r->status = db_text(req->arena, s, 3);
	r->executor_id = sqlite3_column_int64(s, 6);
	r->controller_id = sqlite3_column_int64(s, 8);
	if (keep)
		*keep = s;
	else
		db_done(s);
	return 0;
}

static bool may_control(const struct request *req, const struct instruction_row *r)
{
	long long me = req->staff->user_id;
	return me != r->executor_id && (me == r->controller_id || (req->staff->role & ROLE_ADMIN));
}

static enum http_status instruction_page(struct request *req, enum http_status status)
{
	struct instruction_row r;
	sqlite3_stmt *s;
	int rc = load_instruction(req, &r, &s);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	if (executor_only(req) && r.executor_id != req->staff->user_id) {
		db_done(s);
		return HTTP_FORBIDDEN;
	}
	tpl_dict *d = page_begin(req, "admin_instruction.tpl",
				 arena_printf(req->arena, "Поручение № %lld", r.id),
				 NAV_STAFF_INSTRUCTIONS);
	page_form_fields(req, d);
	tpl_set_int(d, "ID", r.id);
	tpl_set(d, "TEXT", db_text(req->arena, s, 0));
	const char *unit = db_text(req->arena, s, 1);
	tpl_set(d, "UNIT", unit[0] ? unit : "не указано");
	set_instruction_due(req, d, db_text(req->arena, s, 2), r.status);
	tpl_set(d, "STATUS", status_label(r.status));
	const char *report = db_text(req->arena, s, 4);
	if (report[0])
		tpl_set(tpl_section_add(d, "REPORT"), "TEXT", report);
	const char *reason = db_text(req->arena, s, 5);
	if (reason[0] && (strcmp(r.status, "returned") == 0 || strcmp(r.status, "cancelled") == 0))
		tpl_set(tpl_section_add(d, "REASON"), "TEXT", reason);
	tpl_set(d, "EXECUTOR", db_text(req->arena, s, 7));
	tpl_set(d, "CONTROLLER", db_text(req->arena, s, 9));
	if (sqlite3_column_type(s, 10) != SQLITE_NULL) {
		tpl_dict *src = tpl_section_add(d, "FROM_MEETING");
		tpl_set_int(src, "MEETING_ID", sqlite3_column_int64(s, 10));
		tpl_set(src, "TITLE", db_text(req->arena, s, 11));
	} else {
		tpl_dict *src = tpl_section_add(d, "FROM_APPEAL");
		const char *number = db_text(req->arena, s, 13);
		if ((req->staff->role & APPEAL_READERS) && !executor_only(req)) {
			tpl_dict *l = tpl_section_add(src, "LINK");
			tpl_set_int(l, "APPEAL_ID", sqlite3_column_int64(s, 12));
			tpl_set(l, "NUMBER", number);
		} else
			tpl_set(tpl_section_add(src, "PLAIN"), "NUMBER", number);
	}
	page_set_datetime(d, "CREATED", (time_t)sqlite3_column_int64(s, 14));
	db_done(s);
	bool executor = r.executor_id == req->staff->user_id;
	if (executor && (strcmp(r.status, "assigned") == 0 || strcmp(r.status, "returned") == 0))
		tpl_section_show(d, "CAN_START");
	if (executor && strcmp(r.status, "in_progress") == 0)
		tpl_section_show(d, "CAN_REPORT");
	if (may_control(req, &r) && strcmp(r.status, "reported") == 0)
		tpl_section_show(d, "CAN_ACCEPT");
	if (may_control(req, &r) && strcmp(r.status, "accepted") != 0 &&
	    strcmp(r.status, "cancelled") != 0)
		tpl_section_show(d, "CAN_CANCEL");
	s = db_stmt(&req->worker->db, STMT_INSTRUCTION_EVENTS);
	sqlite3_bind_int64(s, 1, r.id);
	while (sqlite3_step(s) == SQLITE_ROW) {
		tpl_dict *ev = tpl_section_add(d, "EVENT");
		page_set_datetime(ev, "AT", (time_t)sqlite3_column_int64(s, 0));
		const char *login = db_text(req->arena, s, 1);
		tpl_set(ev, "WHO", login[0] ? login : "система");
		tpl_set(ev, "STATUS", status_label(db_text(req->arena, s, 2)));
		tpl_set(ev, "NOTE", db_text(req->arena, s, 3));
	}
	db_done(s);
	if (req->error_detail != NULL)
		page_form_error(req, d, req->error_detail);
	return page_end(req, status);
}

/* GET /admin/instructions/ID — the instruction, its source, report, history and the steps the
 * signed-in staff member may take. 403 for an executor's view of someone else's. */
enum http_status page_admin_instruction(struct request *req)
{
	return instruction_page(req, HTTP_OK);
}

enum mover { BY_EXECUTOR, BY_CONTROLLER };

/* One transition from (from1, from2) to to, with report or reason (NULL keeps them); the
 * history and audit records; 303 back to the instruction. 403 for the wrong person, 422 for
 * the wrong state or a missing text. */
static enum http_status move(struct request *req, enum mover who, const char *from1,
			     const char *from2, const char *to, const char *report,
			     const char *reason)
{
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	struct instruction_row r;
	int rc = load_instruction(req, &r, NULL);
	if (rc != 0) {
		db_rollback(db);
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	}
	bool allowed = who == BY_EXECUTOR ? r.executor_id == req->staff->user_id
					  : may_control(req, &r);
	if (!allowed) {
		db_rollback(db);
		return HTTP_FORBIDDEN;
	}
	if (req->invalid_fields > 0) {
		db_rollback(db);
		return instruction_page(req, HTTP_UNPROCESSABLE);
	}
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
		db_rollback(db);
		req->error_detail = arena_printf(req->arena, "Этот шаг невозможен: поручение в "
							     "состоянии «%s».",
						 status_label(r.status));
		return instruction_page(req, HTTP_UNPROCESSABLE);
	}
	s = db_stmt(db, STMT_INSTRUCTION_EVENT_ADD);
	sqlite3_bind_int64(s, 1, r.id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 3, req->staff->user_id);
	sqlite3_bind_text(s, 4, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, report ? report : reason ? reason : "", -1, SQLITE_STATIC);
	if (db_run(s) != SQLITE_DONE ||
	    audit_record(req, NULL, to, "instruction", r.id, before,
			 staff_json(req, STMT_INSTRUCTION_JSON, r.id)) < 0 ||
	    db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req, arena_printf(req->arena, "/admin/instructions/%lld", r.id));
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
		    text_of(req, FIELD_REPORT), NULL);
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
		    text_of(req, FIELD_REASON));
}

/* POST /admin/instructions/ID/cancel (reason, csrf) — the controller cancels it, unless it was
 * accepted. */
enum http_status page_admin_instruction_cancel(struct request *req)
{
	struct instruction_row r;
	int rc = load_instruction(req, &r, NULL);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	/* Any live state: the transition names the one it was in when the page was read. */
	const char *from = r.status;
	if (strcmp(from, "accepted") == 0 || strcmp(from, "cancelled") == 0)
		from = "none";
	return move(req, BY_CONTROLLER, from, from, "cancelled", NULL, text_of(req, FIELD_REASON));
}
