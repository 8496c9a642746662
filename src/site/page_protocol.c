/* page_protocol.c — the public side of protocols (regulation № 44 on information groups §3.8.7):
 * the results of a meeting on its page once its protocol is signed (the questions raised, the
 * decisions, the instructions with their state and due date, photo and video, amendments) and the
 * printable protocol /meetings/ID/protocol. Public means no personal data: officials by name and
 * position only, only the questions and amendments the secretary marked as free of personal data,
 * instructions by unit (never the executor or the controller), appeals by number, topic and
 * state, amendments without who made them. A personal reception is about residents' own
 * affairs: its protocol is never public. */
#include <string.h>

#include "appeal.h"
#include "civil_time.h"
#include "db_meeting.h"
#include "discussion_view.h"
#include "page.h"
#include "pages.h"
#include "protocol.h"
#include "ru.h"
#include "worker.h"

static const char *date_words(struct request *req, const char *iso)
{
	struct civil_date d;
	if (!civil_date_parse(iso, &d))
		return iso;
	return arena_printf(req->arena, "%d %s %d г.", d.day, ru_month_genitive(d.month), d.year);
}

/* The signed protocol of the meeting: 1 with its id, number, date, place and links, 0 when
 * there is none or it is unsigned, -1 on error. */
struct public_protocol {
	long long id, attendance;
	bool has_attendance;
	const char *number, *held_on, *place, *decisions, *photo_url, *video_url;
	const char *chair, *chair_position, *secretary, *secretary_position;
	time_t signed_at;
};

static int load_signed(struct request *req, long long meeting, struct public_protocol *p)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_PROTOCOL_GET);
	sqlite3_bind_int64(s, 1, meeting);
	int rc = sqlite3_step(s);
	int found = 0;
	if (rc == SQLITE_ROW && sqlite3_column_type(s, 10) != SQLITE_NULL) {
		struct arena *a = req->arena;
		p->id = sqlite3_column_int64(s, 0);
		p->number = db_text(a, s, 1);
		p->held_on = db_text(a, s, 2);
		p->place = db_text(a, s, 3);
		p->has_attendance = sqlite3_column_type(s, 6) != SQLITE_NULL;
		p->attendance = sqlite3_column_int64(s, 6);
		p->decisions = db_text(a, s, 7);
		p->photo_url = db_text(a, s, 8);
		p->video_url = db_text(a, s, 9);
		p->signed_at = (time_t)sqlite3_column_int64(s, 10);
		p->chair = db_text(a, s, 14);
		p->chair_position = db_text(a, s, 15);
		p->secretary = db_text(a, s, 16);
		p->secretary_position = db_text(a, s, 17);
		found = 1;
	}
	db_done(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? found : -1;
}

/* The published questions, decisions, instructions, links and amendments of p under d.
 * 0, or -1 on a database error. */
static int fill_results(struct request *req, tpl_dict *d, long long meeting,
			 const struct public_protocol *p)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_PROTOCOL_QUESTIONS);
	sqlite3_bind_int64(s, 1, p->id);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (sqlite3_column_int(s, 2) == 0)
			continue; /* not marked as free of personal data */
		tpl_dict *q = tpl_section_add(d, "QUESTION");
		tpl_set(q, "QUESTION", db_text(req->arena, s, 0));
		const char *answer = db_text(req->arena, s, 1);
		if (answer[0])
			tpl_set(tpl_section_add(q, "ANSWERED"), "ANSWER", answer);
		tpl_section_show(d, "HAS_QUESTIONS");
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return -1;
	if (p->decisions[0])
		tpl_set(tpl_section_add(d, "DECISIONS"), "TEXT", p->decisions);
	s = db_stmt(&req->worker->db, STMT_INSTRUCTION_PUBLIC);
	sqlite3_bind_int64(s, 1, meeting);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		tpl_dict *row = tpl_section_add(d, "INSTRUCTION");
		tpl_set(row, "TEXT", db_text(req->arena, s, 0));
		const char *unit = db_text(req->arena, s, 1);
		tpl_set(row, "UNIT", unit[0] ? unit : "администрация");
		tpl_set(row, "DUE", date_words(req, db_text(req->arena, s, 2)));
		tpl_set(row, "DUE_ISO", db_text(req->arena, s, 2));
		const char *status = db_text(req->arena, s, 3);
		const char *label = instruction_status_label(status);
		tpl_set(row, "STATUS", label ? label : "");
		/* An open instruction past its date must not read as merely «назначено». */
		struct civil_date due;
		if (instruction_status_open(status) &&
		    civil_date_parse(db_text(req->arena, s, 2), &due) &&
		    civil_date_compare(due, tz_local_date(req->now)) < 0)
			tpl_section_show(row, "OVERDUE");
		tpl_section_show(d, "HAS_INSTRUCTIONS");
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return -1;
	if (p->photo_url[0])
		tpl_set(tpl_section_add(d, "PHOTO"), "URL", p->photo_url);
	if (p->video_url[0])
		tpl_set(tpl_section_add(d, "VIDEO"), "URL", p->video_url);
	s = db_stmt(&req->worker->db, STMT_PROTOCOL_AMENDMENTS);
	sqlite3_bind_int64(s, 1, p->id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (sqlite3_column_int(s, 4) == 0)
			continue; /* not marked as free of personal data */
		tpl_dict *row = tpl_section_add(d, "AMENDMENT");
		page_set_date(row, "AT", (time_t)sqlite3_column_int64(s, 0));
		tpl_set(row, "TEXT", db_text(req->arena, s, 2));
		tpl_set(row, "REASON", db_text(req->arena, s, 3));
		tpl_section_show(d, "HAS_AMENDMENTS");
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return -1;
	return 0;
}

/* A personal reception's protocol records residents' own affairs. */
static bool protocol_public(const struct meeting_summary *m)
{
	return strcmp(m->kind, "personal_reception") != 0;
}

int protocol_results_fill(struct request *req, tpl_dict *d, const struct meeting_summary *m)
{
	if (!protocol_public(m))
		return 0;
	struct public_protocol p;
	int rc = load_signed(req, m->id, &p);
	if (rc <= 0)
		return rc;
	tpl_dict *r = tpl_section_add(d, "RESULTS");
	tpl_set_int(r, "MEETING_ID", m->id);
	return fill_results(req, r, m->id, &p);
}

/* GET /meetings/ID/protocol — the printable public protocol of a held meeting: number, date,
 * place, chair and secretary, attendance, officials present (names and positions), the marked
 * questions and answers, decisions, instructions (unit, due date, state), appeals handed in
 * (number, topic, state) and the marked amendments. 404 unless the meeting is public, not a
 * personal reception, and its protocol signed. */
enum http_status page_meeting_protocol(struct request *req)
{
	struct db *db = &req->worker->db;
	struct meeting_detail m;
	int rc = db_meeting_get(db, req->arena, req->path_id, &m);
	if (rc < 0)
		return HTTP_INTERNAL_ERROR;
	if (rc > 0 || strcmp(m.summary.status, "held") != 0 || !protocol_public(&m.summary))
		return HTTP_NOT_FOUND;
	struct public_protocol p;
	rc = load_signed(req, m.summary.id, &p);
	if (rc < 0)
		return HTTP_INTERNAL_ERROR;
	if (rc == 0)
		return HTTP_NOT_FOUND;
	tpl_dict *d = page_begin(req, "protocol.tpl",
				 arena_printf(req->arena, "Протокол встречи %s",
					      ru_quoted(req->arena, m.summary.title)),
				 NAV_MEETINGS);
	tpl_set_int(d, "ID", m.summary.id);
	tpl_set(d, "TITLE", m.summary.title);
	tpl_set(d, "QUOTED_TITLE", ru_quoted(req->arena, m.summary.title));
	tpl_set(d, "NUMBER", p.number);
	tpl_set(d, "HELD_ON", date_words(req, p.held_on));
	tpl_set(d, "PLACE", p.place);
	if (p.chair[0]) {
		tpl_dict *c = tpl_section_add(d, "CHAIR");
		tpl_set(c, "NAME", p.chair);
		tpl_set(c, "POSITION", p.chair_position);
	}
	if (p.secretary[0]) {
		tpl_dict *c = tpl_section_add(d, "SECRETARY");
		tpl_set(c, "NAME", p.secretary);
		tpl_set(c, "POSITION", p.secretary_position);
	}
	if (p.has_attendance)
		tpl_set(tpl_section_add(d, "ATTENDANCE"), "TEXT",
			arena_printf(req->arena, "%lld %s", p.attendance,
				     ru_plural(p.attendance, "человек", "человека", "человек")));
	page_set_date(d, "SIGNED", p.signed_at);
	sqlite3_stmt *s = db_stmt(db, STMT_PROTOCOL_OFFICIALS);
	sqlite3_bind_int64(s, 1, p.id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		tpl_dict *o = tpl_section_add(d, "OFFICIAL");
		tpl_set(o, "NAME", db_text(req->arena, s, 1));
		tpl_set(o, "POSITION", db_text(req->arena, s, 2));
		tpl_section_show(d, "HAS_OFFICIALS");
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return HTTP_INTERNAL_ERROR;
	if (fill_results(req, d, m.summary.id, &p) < 0)
		return HTTP_INTERNAL_ERROR;
	s = db_stmt(db, STMT_PROTOCOL_APPEALS);
	sqlite3_bind_int64(s, 1, m.summary.id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		tpl_dict *row = tpl_section_add(d, "APPEAL");
		tpl_set(row, "NUMBER", db_text(req->arena, s, 1));
		const char *topic = db_text(req->arena, s, 2);
		tpl_set(row, "TOPIC", topic[0] ? topic : "тема не указана");
		tpl_set(row, "STATUS", appeal_status_public_label(db_text(req->arena, s, 3)));
		tpl_section_show(d, "HAS_APPEALS");
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return HTTP_INTERNAL_ERROR;
	/* The drafts discussed at this public hearing and their conclusions (issue 20). */
	if (discussion_links(req, d, m.summary.id) < 0)
		return HTTP_INTERNAL_ERROR;
	return page_end(req, HTTP_OK);
}
