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
#include "db_instruction.h"
#include "db_meeting.h"
#include "db_protocol.h"
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

/* The signed protocol of the meeting into p: 1, 0 when there is none or it is unsigned, -1 on
 * error. */
static int load_signed(struct request *req, long long meeting, struct protocol_detail *p)
{
	if (db_protocol_get(&req->worker->db, req->arena, meeting, p) < 0)
		return -1;
	return p->exists && p->signed_;
}

/* The published questions, decisions, instructions, links and amendments of p under d.
 * 0, or -1 on a database error. */
static int fill_results(struct request *req, tpl_dict *d, long long meeting,
			 const struct protocol_detail *p)
{
	struct db *db = &req->worker->db;
	struct protocol_question *questions;
	struct instruction_public *instructions;
	struct protocol_amendment *amendments;
	size_t question_count, instruction_count, amendment_count;
	if (db_protocol_questions(db, req->arena, p->id, &questions, &question_count) < 0 ||
	    db_instruction_public(db, req->arena, meeting, &instructions, &instruction_count) < 0 ||
	    db_protocol_amendments(db, req->arena, p->id, &amendments, &amendment_count) < 0)
		return -1;
	for (size_t i = 0; i < question_count; i++) {
		if (!questions[i].published)
			continue; /* not marked as free of personal data */
		tpl_dict *q = tpl_section_add(d, "QUESTION");
		tpl_set(q, "QUESTION", questions[i].question);
		if (questions[i].answer[0])
			tpl_set(tpl_section_add(q, "ANSWERED"), "ANSWER", questions[i].answer);
		tpl_section_show(d, "HAS_QUESTIONS");
	}
	if (p->decisions[0])
		tpl_set(tpl_section_add(d, "DECISIONS"), "TEXT", p->decisions);
	for (size_t i = 0; i < instruction_count; i++) {
		const struct instruction_public *in = &instructions[i];
		tpl_dict *row = tpl_section_add(d, "INSTRUCTION");
		tpl_set(row, "TEXT", in->text);
		tpl_set(row, "UNIT", in->unit[0] ? in->unit : "администрация");
		tpl_set(row, "DUE", date_words(req, in->due_on));
		tpl_set(row, "DUE_ISO", in->due_on);
		const char *label = instruction_status_label(in->status);
		tpl_set(row, "STATUS", label ? label : "");
		/* An open instruction past its date must not read as merely «назначено». */
		struct civil_date due;
		if (instruction_status_open(in->status) && civil_date_parse(in->due_on, &due) &&
		    civil_date_compare(due, tz_local_date(req->now)) < 0)
			tpl_section_show(row, "OVERDUE");
		tpl_section_show(d, "HAS_INSTRUCTIONS");
	}
	if (p->photo_url[0])
		tpl_set(tpl_section_add(d, "PHOTO"), "URL", p->photo_url);
	if (p->video_url[0])
		tpl_set(tpl_section_add(d, "VIDEO"), "URL", p->video_url);
	for (size_t i = 0; i < amendment_count; i++) {
		if (!amendments[i].published)
			continue; /* not marked as free of personal data */
		tpl_dict *row = tpl_section_add(d, "AMENDMENT");
		page_set_date(row, "AT", amendments[i].at);
		tpl_set(row, "TEXT", amendments[i].text);
		tpl_set(row, "REASON", amendments[i].reason);
		tpl_section_show(d, "HAS_AMENDMENTS");
	}
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
	struct protocol_detail p;
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
	struct protocol_detail p;
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
	struct protocol_official *officials;
	struct protocol_appeal *appeals;
	size_t official_count, appeal_count;
	if (db_protocol_officials(db, req->arena, p.id, &officials, &official_count) < 0 ||
	    db_protocol_appeals(db, req->arena, m.summary.id, &appeals, &appeal_count) < 0)
		return HTTP_INTERNAL_ERROR;
	for (size_t i = 0; i < official_count; i++) {
		tpl_dict *o = tpl_section_add(d, "OFFICIAL");
		tpl_set(o, "NAME", officials[i].full_name);
		tpl_set(o, "POSITION", officials[i].position);
		tpl_section_show(d, "HAS_OFFICIALS");
	}
	if (fill_results(req, d, m.summary.id, &p) < 0)
		return HTTP_INTERNAL_ERROR;
	for (size_t i = 0; i < appeal_count; i++) {
		tpl_dict *row = tpl_section_add(d, "APPEAL");
		tpl_set(row, "NUMBER", appeals[i].number);
		tpl_set(row, "TOPIC", appeals[i].topic[0] ? appeals[i].topic : "тема не указана");
		tpl_set(row, "STATUS", appeal_status_public_label(appeals[i].status));
		tpl_section_show(d, "HAS_APPEALS");
	}
	/* The drafts discussed at this public hearing and their conclusions (issue 20). */
	if (discussion_links(req, d, m.summary.id) < 0)
		return HTTP_INTERNAL_ERROR;
	return page_end(req, HTTP_OK);
}
