/* page_admin_protocols.c — the protocol of a held meeting (/admin/meetings/ID/protocol): the
 * draft, its signature, the handover to the control sector, amendments and what the site shows.
 *
 * A protocol (order № 2 of the Zelenoborsk head §4.1) is a draft the secretary, the sector or an
 * administrator edit: number, date, place, chair and secretary, attendance, officials present, the
 * questions raised with the answers given (each shown on the site only when marked as free of
 * personal data), the decisions and the instructions. Its chair — the group leader or the head —
 * signs it under the account that belongs to the chair (regulation № 44 on information groups
 * §3.5.7; an administrator may record a signature on paper), which locks it; later corrections are
 * amendments with their own history, shown with the protocol on the site too. Handing it over to
 * the control sector is recorded; it is due 5 working days after the meeting by the production
 * calendar (regulation № 44 on information groups §3.6.9), and lateness is flagged. The appeals
 * handed in at the meeting are listed with number, topic and state. The photo and video links and
 * which questions the site shows stay editable after signing: they are the site's, not the
 * protocol's.
 *
 * The instructions of a draft are proposals: they take force when the protocol is signed, and
 * their executors are then mailed them (regulation № 44 on information groups §3.6.7). Their own
 * pages are in page_admin_instructions.c, what both share in instruction_staff.c. */
#include <stdio.h>
#include <string.h>

#include "appeal.h"
#include "audit.h"
#include "auth.h"
#include "db_protocol.h"
#include "instruction_staff.h"
#include "page.h"
#include "pages.h"
#include "protocol.h"
#include "ru.h"
#include "staff_change.h"
#include "workdays.h"
#include "worker.h"

#define EMPTY_QUESTION_ROWS 3
#define PERSONAL_RECEPTION "personal_reception"

/* ---- the protocol ------------------------------------------------------------------------ */

/* Whether the place a protocol states contradicts the venue the meeting was announced at: it
 * names neither the venue nor its address (a room added to them is no contradiction). An
 * empty place, or a meeting without a venue, contradicts nothing. */
static bool place_contradicts(const struct protocol_meeting *m, const char *place)
{
	if (place[0] == '\0' || (m->venue_name[0] == '\0' && m->venue_address[0] == '\0'))
		return false;
	if (m->venue_name[0] != '\0' && strstr(place, m->venue_name) != NULL)
		return false;
	if (m->venue_address[0] != '\0' && strstr(place, m->venue_address) != NULL)
		return false;
	return true;
}

/* A personal reception's questions are a resident's own affairs: never on the site. */
static bool questions_publishable(const struct protocol_meeting *m)
{
	return strcmp(m->kind, PERSONAL_RECEPTION) != 0;
}

/* Whether person may chair meeting m: its host, or the leader its information group had when
 * the meeting started (a leader named later did not lead it; regulation № 44 on information groups
 * §3.5.7). */
static bool may_chair(const struct protocol_meeting *m, long long person)
{
	return person != 0 && (person == m->host_id || person == m->leader_id);
}

/* Whether the signed-in account named the chair of p itself (or was the last to confirm it):
 * then it may not sign, so that nobody signs a protocol whose signer they chose. */
static bool named_the_chair(const struct request *req, const struct protocol_detail *p)
{
	return p->chair_set_by != 0 && p->chair_set_by == req->staff->user_id;
}

/* Whether the signed-in staff member is the chair of protocol p (its person's account). */
static bool is_chair(const struct request *req, const struct protocol_detail *p)
{
	return p->chair_id != 0 && req->staff->person_id == p->chair_id;
}

/* Whether the signed-in staff member may sign the draft p: its chair under their own account,
 * or, for a chair with no account, an administrator recording the signature on paper — never
 * the account that named that chair. */
static bool may_sign(const struct request *req, const struct protocol_detail *p)
{
	return p->exists && !p->signed_ && p->chair_id != 0 && !named_the_chair(req, p) &&
	       (is_chair(req, p) || ((req->staff->role & ROLE_ADMIN) && !p->chair_has_account));
}

/* The handover due date of the meeting's protocol (left alone when its kind sets no deadline);
 * -1 on a database error. */
static int handover_due(struct request *req, const struct protocol_meeting *m, struct civil_date *due,
			int *uncovered)
{
	if (m->handover_days <= 0)
		return 0;
	struct workcal cal;
	if (workdays_current(&req->worker->db, &cal) < 0)
		return -1;
	*due = protocol_handover_due(&cal, tz_local_date(m->starts_at), m->handover_days,
				     uncovered);
	return 0;
}

/* The handover facts of a protocol under d: HANDOVER_DUE (or NO_DEADLINE when the kind's act
 * sets none: has_due false), and HANDED (with LATE) or NOT_HANDED (with OVERDUE). */
static void fill_handover(struct request *req, tpl_dict *d, const struct protocol_detail *p,
			  bool has_due, struct civil_date due)
{
	if (has_due)
		tpl_set(tpl_section_add(d, "HAS_DUE"), "HANDOVER_DUE", page_date_words(req, due));
	else
		tpl_section_show(d, "NO_DEADLINE");
	if (p->exists && p->handed) {
		tpl_dict *h = tpl_section_add(d, "HANDED");
		page_set_datetime(h, "AT", p->handed_at);
		if (p->handed_by[0])
			tpl_set(tpl_section_add(h, "BY"), "NAME", p->handed_by);
		long late = has_due ? civil_date_diff(tz_local_date(p->handed_at), due) : 0;
		if (late > 0)
			tpl_set(tpl_section_add(h, "LATE"), "TEXT",
				arena_printf(req->arena, "передан с опозданием на %ld %s", late,
					     ru_plural(late, "день", "дня", "дней")));
		return;
	}
	tpl_dict *n = tpl_section_add(d, "NOT_HANDED");
	long late = has_due ? civil_date_diff(tz_local_date(req->now), due) : 0;
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

/* Whether row n (1-based) of the questions was marked for the site in the request. */
static bool question_marked_public(const struct request *req, long long n)
{
	const struct field_value *v = &req->field[FIELD_QUESTION_PUBLIC];
	for (size_t i = 0; i < v->id_count; i++)
		if (v->ids[i] == n)
			return true;
	return false;
}

/* One row of the questions in the draft form: N, QUESTION, ANSWER, FIRST or OTHER (the first
 * row's fields carry the ids the error summary links to) and, where the site may show it, the
 * PUBLISHABLE checkbox with PUBLISHED. */
static void question_form_row(tpl_dict *f, int n, const char *question, const char *answer,
			      bool publishable, bool published)
{
	tpl_dict *row = tpl_section_add(f, "QUESTION_ROW");
	tpl_set_int(row, "N", n);
	tpl_set(row, "QUESTION", question);
	tpl_set(row, "ANSWER", answer);
	tpl_section_show(row, n == 1 ? "FIRST" : "OTHER");
	if (publishable) {
		tpl_dict *c = tpl_section_add(row, "PUBLISHABLE");
		tpl_set_int(c, "N", n);
		if (published)
			tpl_section_show(c, "PUBLISHED");
	}
}

/* The edit form of a draft (or of a protocol not started yet), from the stored protocol with
 * the meeting's facts as defaults, or after a refused submit from the request. */
static int fill_edit_form(struct request *req, tpl_dict *d, const struct protocol_meeting *m,
			  const struct protocol_detail *p, bool from_request)
{
	bool publishable = questions_publishable(m);
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
			question_form_row(f, (int)i + 1, q && q->raw ? q->raw : "",
					  a && a->raw ? a->raw : "", publishable,
					  question_marked_public(req, (long long)i + 1));
		}
		/* Room for one more question, as the stored form has. */
		question_form_row(f, (int)rows + 1, "", "", publishable, false);
	} else {
		struct civil_date held = tz_local_date(m->starts_at);
		tpl_set(f, "protocol_number", p->exists ? p->number : "");
		tpl_set(f, "held_on", p->exists ? p->held_on : page_date_iso(req, held));
		tpl_set(f, "place", p->exists ? p->place : m->place);
		if (p->exists ? p->has_attendance : m->has_attendance)
			tpl_set_int(f, "attendance", p->exists ? p->attendance : m->attendance);
		tpl_set(f, "decisions", p->exists ? p->decisions : "");
		chair = p->exists ? p->chair_id : m->host_id;
		secretary = p->exists ? p->secretary_id : 0;
		long long *ids = NULL;
		int rows = 0;
		if (p->exists) {
			struct protocol_official *present;
			struct protocol_question *questions;
			size_t question_count;
			if (db_protocol_officials(&req->worker->db, req->arena, p->id, &present,
						  &official_count) < 0 ||
			    db_protocol_questions(&req->worker->db, req->arena, p->id, &questions,
						  &question_count) < 0)
				return -1;
			ids = arena_calloc(req->arena, official_count + 1, sizeof *ids);
			for (size_t i = 0; i < official_count; i++)
				ids[i] = present[i].person_id;
			for (size_t i = 0; i < question_count; i++)
				question_form_row(f, ++rows, questions[i].question, questions[i].answer,
						  publishable, questions[i].published);
		}
		officials = ids;
		for (int i = 0; i < EMPTY_QUESTION_ROWS; i++)
			question_form_row(f, ++rows, "", "", publishable, false);
	}
	tpl_section_show(f, publishable ? "PUBLISH_NOTE" : "RECEPTION");
	person_options(req, f, "CHAIR_OPTION", people, n, &chair, 1);
	person_options(req, f, "SECRETARY_OPTION", people, n, &secretary, 1);
	person_options(req, f, "OFFICIAL_OPTION", people, n, officials, official_count);
	return 0;
}

/* Which form of the protocol page a refused submit came from, to fill it from the request. */
enum protocol_form { FORM_NONE, FORM_EDIT, FORM_PUBLICATION };

/* The signing part of the protocol page: CAN_SIGN (with ON_PAPER for an administrator who is
 * not the chair) for whoever may sign the draft, otherwise for the editors a SIGN_HINT saying
 * who signs and how. */
static void fill_signing(struct request *req, tpl_dict *d, const struct protocol_detail *p,
			 bool editor)
{
	if (!p->exists || p->signed_)
		return;
	if (may_sign(req, p)) {
		tpl_dict *c = tpl_section_add(d, "CAN_SIGN");
		tpl_set_int(c, "REVISION", p->revision);
		bool on_paper = !is_chair(req, p);
		if (on_paper)
			tpl_set(tpl_section_add(c, "ON_PAPER"), "CHAIR", p->chair);
		tpl_set(c, "BUTTON", on_paper ? "Отметить подпись председательствующего" : "Подписать");
		return;
	}
	if (named_the_chair(req, p) && is_chair(req, p)) {
		tpl_set(tpl_section_add(d, "SIGN_HINT"), "TEXT",
			"Председательствующим вы указали себя сами: подписать протокол можно, когда "
			"другой сотрудник (секретарь или организатор) подтвердит это, сохранив "
			"протокол.");
		return;
	}
	if (!editor)
		return;
	const char *hint;
	if (p->chair_id == 0)
		hint = "Укажите председательствующего: протокол подписывает он.";
	else if (p->chair_has_account)
		hint = arena_printf(req->arena,
				    "Протокол подписывает председательствующий — %s — под своей "
				    "учётной записью на портале.",
				    p->chair);
	else
		hint = arena_printf(req->arena,
				    "Протокол подписывает председательствующий — %s. У "
				    "председательствующего нет учётной записи на портале: подпись на "
				    "бумажном протоколе отмечает администратор.",
				    p->chair);
	tpl_set(tpl_section_add(d, "SIGN_HINT"), "TEXT", hint);
}

/* The state of the protocol: none yet, a draft, or signed (when, by whom, on paper). */
static void state_fill(tpl_dict *d, const struct protocol_detail *p)
{
	if (!p->exists) {
		tpl_section_show(d, "NO_PROTOCOL");
		return;
	}
	if (!p->signed_) {
		tpl_section_show(d, "DRAFT");
		return;
	}
	tpl_dict *sg = tpl_section_add(d, "SIGNED");
	page_set_datetime(sg, "AT", p->signed_at);
	tpl_set(sg, "CHAIR", p->chair[0] ? p->chair : p->signed_by);
	if (p->signed_on_paper)
		tpl_set(tpl_section_add(sg, "ON_PAPER"), "BY", p->signed_by);
}

/* The protocol's own fields (section v): number, date, place, chair, secretary, attendance. */
static void fields_fill(struct request *req, tpl_dict *v, const struct protocol_meeting *m,
			const struct protocol_detail *p)
{
	tpl_set(v, "NUMBER", p->number[0] ? p->number : "не присвоен");
	struct civil_date held;
	tpl_set(v, "HELD_ON",
		civil_date_parse(p->held_on, &held) ? page_date_words(req, held) : p->held_on);
	tpl_set(v, "PLACE", p->place);
	if (place_contradicts(m, p->place))
		tpl_set(tpl_section_add(v, "PLACE_MISMATCH"), "VENUE", m->place);
	tpl_set(v, "CHAIR", p->chair[0] ? p->chair : "не указан");
	tpl_set(v, "SECRETARY", p->secretary[0] ? p->secretary : "не указан");
	if (p->has_attendance)
		tpl_set(v, "ATTENDANCE",
			arena_printf(req->arena, "%lld %s", p->attendance,
				     ru_plural(p->attendance, "человек", "человека", "человек")));
	else
		tpl_set(v, "ATTENDANCE", "не указано");
	if (p->decisions[0])
		tpl_set(tpl_section_add(v, "DECISIONS"), "TEXT", p->decisions);
	if (p->photo_url[0])
		tpl_set(tpl_section_add(v, "PHOTO"), "URL", p->photo_url);
	if (p->video_url[0])
		tpl_set(tpl_section_add(v, "VIDEO"), "URL", p->video_url);
}

/* The officials present and the residents' questions (section v); after signing, each question
 * also as a checkbox of the publication form (d) when the kind's questions may be published. */
static int questions_fill(struct request *req, tpl_dict *d, tpl_dict *v,
			  const struct protocol_detail *p, bool publishable)
{
	struct db *db = &req->worker->db;
	struct protocol_official *officials;
	struct protocol_question *questions;
	size_t official_count, question_count;
	if (db_protocol_officials(db, req->arena, p->id, &officials, &official_count) < 0 ||
	    db_protocol_questions(db, req->arena, p->id, &questions, &question_count) < 0)
		return -1;
	for (size_t i = 0; i < official_count; i++) {
		tpl_dict *o = tpl_section_add(v, "OFFICIAL");
		tpl_set(o, "NAME", officials[i].full_name);
		tpl_set(o, "POSITION", officials[i].position);
		tpl_section_show(v, "HAS_OFFICIALS");
	}
	int position = 0;
	for (size_t i = 0; i < question_count; i++) {
		const struct protocol_question *pq = &questions[i];
		tpl_dict *q = tpl_section_add(v, "QUESTION");
		tpl_set(q, "QUESTION", pq->question);
		if (pq->answer[0])
			tpl_set(tpl_section_add(q, "ANSWERED"), "ANSWER", pq->answer);
		bool published = publishable && pq->published;
		tpl_section_show(q, published ? "PUBLISHED" : "NOT_PUBLISHED");
		tpl_section_show(v, "HAS_QUESTIONS");
		if (p->signed_ && publishable) {
			/* The checkbox of the publication form, after signing. */
			tpl_dict *c = tpl_section_add(d, "PUBLISH_QUESTION");
			tpl_set_int(c, "N", ++position);
			tpl_set(c, "QUESTION", pq->question);
			if (published)
				tpl_section_show(c, "PUBLISHED");
		}
	}
	return 0;
}

/* The instructions of the protocol (proposals until it is signed) and its amendments. */
static int instructions_fill(struct request *req, tpl_dict *d, const struct protocol_detail *p)
{
	struct db *db = &req->worker->db;
	struct protocol_instruction *instructions;
	struct protocol_amendment *amendments;
	size_t instruction_count, amendment_count;
	if (db_protocol_instructions(db, req->arena, p->id, &instructions, &instruction_count) < 0 ||
	    db_protocol_amendments(db, req->arena, p->id, &amendments, &amendment_count) < 0)
		return -1;
	for (size_t i = 0; i < instruction_count; i++) {
		const struct protocol_instruction *ins = &instructions[i];
		tpl_dict *row = tpl_section_add(d, "INSTRUCTION");
		tpl_set_int(row, "INSTRUCTION_ID", ins->id);
		tpl_set(row, "TEXT", ins->text);
		if (ins->unit[0])
			tpl_set(tpl_section_add(row, "UNIT"), "NAME", ins->unit);
		tpl_set(row, "EXECUTOR", ins->executor);
		tpl_section_show(d, "HAS_INSTRUCTIONS");
		if (!p->signed_) {
			/* A proposal until the protocol is signed: no deadline runs yet. */
			instruction_set_due(req, row, ins->due_on, "proposal");
			tpl_set(row, "STATUS", "проект: вступит в силу после подписания протокола");
			continue;
		}
		instruction_set_due(req, row, ins->due_on, ins->status);
		tpl_set(row, "STATUS", instruction_status_text(ins->status));
	}
	for (size_t i = 0; i < amendment_count; i++) {
		const struct protocol_amendment *am = &amendments[i];
		tpl_dict *row = tpl_section_add(d, "AMENDMENT");
		page_set_datetime(row, "AT", am->at);
		tpl_set(row, "BY", am->author);
		tpl_set(row, "TEXT", am->text);
		tpl_set(row, "REASON", am->reason);
		tpl_section_show(row, am->published ? "PUBLISHED" : "NOT_PUBLISHED");
		tpl_section_show(d, "HAS_AMENDMENTS");
	}
	return 0;
}

/* The appeals handed in at the meeting: linked for those who read the registry, the number alone
 * for the others. */
static int appeals_fill(struct request *req, tpl_dict *d, long long meeting)
{
	struct protocol_appeal *appeals;
	size_t appeal_count;
	if (db_protocol_appeals(&req->worker->db, req->arena, meeting, &appeals, &appeal_count) < 0)
		return -1;
	unsigned role = req->staff->role;
	bool appeal_reader = (role & APPEAL_READERS) != 0 && role != ROLE_EXECUTOR;
	for (size_t i = 0; i < appeal_count; i++) {
		tpl_dict *row = tpl_section_add(d, "APPEAL");
		if (appeal_reader) {
			tpl_dict *l = tpl_section_add(row, "LINK");
			tpl_set_int(l, "APPEAL_ID", appeals[i].id);
			tpl_set(l, "NUMBER", appeals[i].number);
		} else
			tpl_set(tpl_section_add(row, "PLAIN"), "NUMBER", appeals[i].number);
		tpl_set(row, "TOPIC", appeals[i].topic[0] ? appeals[i].topic : "тема не указана");
		tpl_set(row, "STATUS", appeal_status_label(appeals[i].status));
		tpl_section_show(d, "HAS_APPEALS");
	}
	return 0;
}

/* The forms the account's role may use on the protocol as it stands: the draft's edit form and
 * its instructions, signing, handover, amendments, publication (with what was sent when
 * edit_from_request names that form). */
static int forms_fill(struct request *req, tpl_dict *d, const struct protocol_meeting *m,
		      const struct protocol_detail *p, bool publishable,
		      enum protocol_form edit_from_request)
{
	unsigned role = req->staff->role;
	bool editor = (role & PROTOCOL_EDITORS) != 0;
	bool keeper = (role & PROTOCOL_KEEPERS) != 0;
	bool draft = !p->exists || !p->signed_;
	if (draft && editor && fill_edit_form(req, d, m, p, edit_from_request == FORM_EDIT) < 0)
		return -1;
	if (p->exists && !p->signed_ && editor &&
	    instruction_form_fill(req, tpl_section_add(d, "ADD_INSTRUCTION")) < 0)
		return -1;
	fill_signing(req, d, p, editor);
	if (p->exists && p->signed_ && !p->handed && keeper)
		tpl_section_show(d, "CAN_HAND_OVER");
	if (p->exists && p->signed_ && keeper) {
		tpl_dict *a = tpl_section_add(d, "CAN_AMEND");
		const struct field_value *mark = &req->field[FIELD_AMENDMENT_PUBLIC];
		if (publishable) {
			tpl_dict *c = tpl_section_add(a, "PUBLISHABLE");
			if (mark->state == FIELD_VALID && mark->number == 1)
				tpl_section_show(c, "CHECKED");
		}
	}
	if (!publishable)
		tpl_section_show(d, "RECEPTION_NOTE");
	if (p->exists && publishable && (role & PROTOCOL_PUBLISHERS)) {
		tpl_dict *f = tpl_section_add(d, "PUBLICATION");
		if (edit_from_request == FORM_PUBLICATION) {
			const struct field_value *in = req->field;
			tpl_set(f, "photo_url", in[FIELD_PHOTO_URL].raw ? in[FIELD_PHOTO_URL].raw : "");
			tpl_set(f, "video_url", in[FIELD_VIDEO_URL].raw ? in[FIELD_VIDEO_URL].raw : "");
		} else {
			tpl_set(f, "photo_url", p->photo_url);
			tpl_set(f, "video_url", p->video_url);
		}
		if (p->signed_ && publishable)
			tpl_section_show(f, "QUESTIONS");
	}
	if (p->exists && p->signed_ && publishable)
		tpl_section_show(d, "PUBLIC_LINK");
	return 0;
}

static enum http_status protocol_page(struct request *req, enum http_status status,
				      enum protocol_form edit_from_request)
{
	struct protocol_meeting m;
	int rc = db_protocol_meeting(&req->worker->db, req->arena, req->path_id, &m);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	if (strcmp(m.status, "held") != 0)
		return HTTP_NOT_FOUND;
	struct protocol_detail p;
	struct civil_date due = {0};
	int uncovered = 0;
	if (db_protocol_get(&req->worker->db, req->arena, m.id, &p) < 0 ||
	    handover_due(req, &m, &due, &uncovered) < 0)
		return HTTP_INTERNAL_ERROR;
	/* Its chair reads what they sign, whatever their role. */
	if (!(req->staff->role & PROTOCOL_READERS) && !is_chair(req, &p)) {
		req->error_detail = "Эта страница недоступна для вашей роли.";
		return HTTP_FORBIDDEN;
	}
	tpl_dict *d = page_begin(req, "admin_protocol.tpl",
				 arena_printf(req->arena, "Протокол встречи %s",
					      ru_quoted(req->arena, m.title)),
				 NAV_STAFF_MEETINGS);
	tpl_set(d, "QUOTED_TITLE", ru_quoted(req->arena, m.title));
	tpl_set_int(d, "ID", m.id);
	tpl_set(d, "TITLE", m.title);
	page_set_datetime(d, "STARTS", m.starts_at);
	fill_handover(req, d, &p, m.handover_days > 0, due);
	if (uncovered)
		tpl_set_int(tpl_section_add(d, "UNCOVERED"), "YEAR", uncovered);
	bool publishable = questions_publishable(&m);
	state_fill(d, &p);
	if (p.exists) {
		tpl_dict *v = tpl_section_add(d, "PROTOCOL");
		fields_fill(req, v, &m, &p);
		if (questions_fill(req, d, v, &p, publishable) < 0 || instructions_fill(req, d, &p) < 0)
			return HTTP_INTERNAL_ERROR;
	}
	if (appeals_fill(req, d, m.id) < 0 ||
	    forms_fill(req, d, &m, &p, publishable, edit_from_request) < 0)
		return HTTP_INTERNAL_ERROR;
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
	return protocol_page(req, HTTP_OK, FORM_NONE);
}

/* The target of a protocol action: the held meeting and its protocol. */
struct protocol_target {
	struct protocol_meeting m;
	struct protocol_detail p; /* p.exists false while the meeting has none */
};

/* staff_action load: the held meeting of the path and its protocol; 1 for any other meeting. */
static int load_target(struct request *req, void *target)
{
	struct protocol_target *t = target;
	int rc = db_protocol_meeting(&req->worker->db, req->arena, req->path_id, &t->m);
	if (rc != 0)
		return rc;
	if (strcmp(t->m.status, "held") != 0)
		return 1;
	return db_protocol_get(&req->worker->db, req->arena, t->m.id, &t->p) < 0 ? -1 : 0;
}

/* The protocol page after a refused action, with the form it came from filled from the
 * request. */
static enum http_status page_refused(struct request *req, enum http_status status)
{
	return protocol_page(req, status, FORM_NONE);
}

static enum http_status page_refused_edit(struct request *req, enum http_status status)
{
	return protocol_page(req, status, FORM_EDIT);
}

static enum http_status page_refused_publication(struct request *req, enum http_status status)
{
	return protocol_page(req, status, FORM_PUBLICATION);
}

/* The actions on a protocol (staff_action), by the form a refusal shows filled from the
 * request. */
static const struct staff_action protocol_actions[] = {
	[FORM_NONE] = {"protocol", STMT_PROTOCOL_JSON, load_target, page_refused},
	[FORM_EDIT] = {"protocol", STMT_PROTOCOL_JSON, load_target, page_refused_edit},
	[FORM_PUBLICATION] = {"protocol", STMT_PROTOCOL_JSON, load_target, page_refused_publication},
};

/* Begin a protocol action: the write transaction, then the held meeting and its protocol read
 * inside it. False with *status (404, 500) when it cannot begin. */
static bool protocol_begin(struct request *req, struct protocol_meeting *m,
			   struct protocol_detail *p, enum http_status *status)
{
	struct protocol_target t;
	if (!staff_action_begin(req, &protocol_actions[FORM_NONE], &t, status))
		return false;
	*m = t.m;
	*p = t.p;
	return true;
}

/* Refuse a protocol action: rolled back, the page with 422, why above the form (NULL: the
 * errors are beside the fields of the form the request came from). */
static enum http_status refuse(struct request *req, const char *why, enum protocol_form form)
{
	return staff_action_refuse(req, &protocol_actions[form], why);
}

/* Finish a protocol action: the audit record of protocol_id with the state before, commit, 303
 * to the protocol page of m; 500 and rolled back when ok is false or that fails. */
static enum http_status protocol_done(struct request *req, const struct protocol_meeting *m,
				      bool ok, long long protocol_id, const char *action,
				      json_t *before)
{
	return staff_action_finish(
		req, &protocol_actions[FORM_NONE], ok, action, protocol_id, before,
		arena_printf(req->arena, "/admin/meetings/%lld/protocol", m->id));
}

static const char *const signed_refusal =
	"Протокол подписан и больше не редактируется: внесите исправление.";

/* POST /admin/meetings/ID/protocol (protocol_number, held_on, place, chair, secretary,
 * attendance, official…, question…, question_answer…, question_public…, decisions, csrf) —
 * create or change the draft; question_public names the rows (1-based) the site may show. 303
 * back; 422 with the errors beside the fields for a person not in the directory, a date before
 * the meeting or in the future, a number another protocol of that year has, an answer without
 * its question, or a signed protocol. */
/* Check the draft's fields against the directory, the meeting and the other protocols, each
 * refusal beside its field (page_reject). 0, or -1 on a database error. */
static int save_check(struct request *req, const struct protocol_meeting *m,
		      const struct protocol_detail *p)
{
	struct staff_item *people;
	size_t n;
	if (staff_load_items(req, STMT_PERSON_LIST, 0, &people, &n) < 0)
		return -1;
	const struct field_value *in = req->field;
	if (in[FIELD_CHAIR].state == FIELD_VALID && !staff_has_item(people, n, in[FIELD_CHAIR].number))
		page_reject(req, FIELD_CHAIR, "выберите из списка");
	/* The chair is the meeting's host or the leader its group had on the day: a leader named
	 * after the meeting (by whoever may edit groups) did not chair it. */
	long long chair = in[FIELD_CHAIR].state == FIELD_VALID ? in[FIELD_CHAIR].number : 0;
	if (chair != 0 && staff_has_item(people, n, chair) && !may_chair(m, chair))
		page_reject(req, FIELD_CHAIR,
			    "председательствует ведущий встречи или руководитель информационной "
			    "группы на день встречи");
	if (in[FIELD_SECRETARY].state == FIELD_VALID &&
	    !staff_has_item(people, n, in[FIELD_SECRETARY].number))
		page_reject(req, FIELD_SECRETARY, "выберите из списка");
	for (size_t i = 0; i < in[FIELD_OFFICIAL].id_count; i++)
		if (!staff_has_item(people, n, in[FIELD_OFFICIAL].ids[i]))
			page_reject(req, FIELD_OFFICIAL, "выберите из списка");
	struct civil_date meeting_day = tz_local_date(m->starts_at), today = tz_local_date(req->now);
	if (in[FIELD_HELD_ON].state == FIELD_VALID) {
		if (civil_date_compare(in[FIELD_HELD_ON].date, meeting_day) < 0)
			page_reject(req, FIELD_HELD_ON,
				    arena_printf(req->arena, "не раньше дня встречи, %s",
						 page_date_words(req, meeting_day)));
		else if (civil_date_compare(in[FIELD_HELD_ON].date, today) > 0)
			page_reject(req, FIELD_HELD_ON, "не позже сегодняшнего дня");
	}
	if (in[FIELD_PROTOCOL_NUMBER].state == FIELD_VALID && in[FIELD_HELD_ON].state == FIELD_VALID) {
		const char *taken_by = NULL;
		int taken = db_protocol_number_taken(
			&req->worker->db, req->arena, in[FIELD_PROTOCOL_NUMBER].text, p->exists ? p->id : 0,
			arena_printf(req->arena, "%04d", in[FIELD_HELD_ON].date.year), &taken_by);
		if (taken < 0)
			return -1;
		if (taken)
			page_reject(req, FIELD_PROTOCOL_NUMBER,
				    arena_printf(req->arena, "этот номер в %d году уже у протокола "
							     "встречи %s",
						 in[FIELD_HELD_ON].date.year,
						 ru_quoted(req->arena, taken_by)));
	}
	for (size_t i = 0; i < in[FIELD_QUESTION_ANSWER].value_count; i++) {
		const struct field_value *a = &in[FIELD_QUESTION_ANSWER].values[i];
		bool has_question = i < in[FIELD_QUESTION].value_count &&
				    in[FIELD_QUESTION].values[i].state == FIELD_VALID;
		if (a->state == FIELD_VALID && !has_question)
			page_reject(req, FIELD_QUESTION, "у ответа нет вопроса");
	}
	return 0;
}

/* Insert or update the draft's own row from the form: true when it was written, *id its id. */
static bool save_protocol_row(struct request *req, const struct protocol_meeting *m,
			      const struct protocol_detail *p, long long *id)
{
	struct db *db = &req->worker->db;
	const struct field_value *in = req->field;
	sqlite3_stmt *s = db_stmt(db, p->exists ? STMT_PROTOCOL_UPDATE : STMT_PROTOCOL_INSERT);
	sqlite3_bind_int64(s, 1, p->exists ? p->id : m->id);
	sqlite3_bind_text(s, 2, page_field_text(req, FIELD_PROTOCOL_NUMBER), -1, SQLITE_STATIC);
	const char *held_on = in[FIELD_HELD_ON].state == FIELD_VALID
				      ? page_date_iso(req, in[FIELD_HELD_ON].date)
				      : page_date_iso(req, tz_local_date(m->starts_at));
	sqlite3_bind_text(s, 3, held_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, page_field_text(req, FIELD_PLACE), -1, SQLITE_STATIC);
	if (in[FIELD_CHAIR].state == FIELD_VALID)
		sqlite3_bind_int64(s, 5, in[FIELD_CHAIR].number);
	if (in[FIELD_SECRETARY].state == FIELD_VALID)
		sqlite3_bind_int64(s, 6, in[FIELD_SECRETARY].number);
	if (in[FIELD_ATTENDANCE].state == FIELD_VALID)
		sqlite3_bind_int64(s, 7, in[FIELD_ATTENDANCE].number);
	sqlite3_bind_text(s, 8, page_field_text(req, FIELD_DECISIONS), -1, SQLITE_STATIC);
	/* The links are kept by the publication form (page_admin_protocol_publication). */
	sqlite3_bind_text(s, 9, p->exists ? p->photo_url : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 10, p->exists ? p->video_url : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 11, (sqlite3_int64)req->now);
	if (!p->exists)
		sqlite3_bind_int64(s, 12, req->staff->user_id);
	bool ok = db_run(s) == SQLITE_DONE && sqlite3_changes(db->conn) > 0;
	*id = p->exists ? p->id : sqlite3_last_insert_rowid(db->conn);
	return ok;
}

/* Replace protocol id's officials and questions with the form's (a question's publication as
 * marked, when the kind's questions may be published). True when all were written. */
static bool save_officials_and_questions(struct request *req, const struct protocol_meeting *m,
					 long long id)
{
	struct db *db = &req->worker->db;
	const struct field_value *in = req->field;
	sqlite3_stmt *s = db_stmt(db, STMT_PROTOCOL_OFFICIAL_CLEAR);
	sqlite3_bind_int64(s, 1, id);
	bool ok = db_run(s) == SQLITE_DONE;
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
		sqlite3_bind_int(s, 5, questions_publishable(m) &&
					       question_marked_public(req, (long long)i + 1));
		ok = db_run(s) == SQLITE_DONE;
	}
	return ok;
}

enum http_status page_admin_protocol_save(struct request *req)
{
	struct protocol_meeting m;
	struct protocol_detail p;
	enum http_status status;
	if (!protocol_begin(req, &m, &p, &status))
		return status;
	if (p.exists && p.signed_)
		return refuse(req, signed_refusal, FORM_NONE);
	if (save_check(req, &m, &p) < 0) {
		db_rollback(&req->worker->db);
		return HTTP_INTERNAL_ERROR;
	}
	if (req->invalid_fields > 0)
		return refuse(req, NULL, FORM_EDIT);
	json_t *before = p.exists ? staff_json(req, STMT_PROTOCOL_JSON, p.id) : NULL;
	long long id;
	bool ok = save_protocol_row(req, &m, &p, &id) && save_officials_and_questions(req, &m, id);
	/* Who named the chair: whoever sets a new one, or saves another's choice (confirming it);
	 * the chair's own saves keep it, so a chair may correct the text and still sign. */
	const struct field_value *chair_field = &req->field[FIELD_CHAIR];
	long long chair = chair_field->state == FIELD_VALID ? chair_field->number : 0;
	bool chair_changed = !p.exists || p.chair_id != chair;
	if (ok && (chair_changed || chair != req->staff->person_id)) {
		sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_PROTOCOL_SET_CHAIR_SETTER);
		sqlite3_bind_int64(s, 1, id);
		if (chair != 0)
			sqlite3_bind_int64(s, 2, req->staff->user_id);
		ok = db_run(s) == SQLITE_DONE;
	}
	return protocol_done(req, &m, ok, id, p.exists ? "update" : "create", before);
}

/* «Срок поручения № 4 уже прошёл…» for the proposals whose due date is before today, NULL when
 * none is: signing would put them in force already overdue. */
static const char *overdue_proposals(struct request *req, const struct protocol_proposal *rows, size_t n)
{
	const char *today = page_date_iso(req, tz_local_date(req->now));
	const char *numbers = NULL;
	size_t overdue = 0;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(rows[i].due_on, today) >= 0)
			continue;
		numbers = numbers ? arena_printf(req->arena, "%s, № %lld", numbers, rows[i].id)
				  : arena_printf(req->arena, "№ %lld", rows[i].id);
		overdue++;
	}
	if (overdue == 0)
		return NULL;
	return arena_printf(req->arena,
			    "Срок %s %s уже прошёл: удалите %s из черновика и дайте заново с новым "
			    "сроком, затем подпишите протокол.",
			    overdue == 1 ? "поручения" : "поручений", numbers,
			    overdue == 1 ? "его" : "их");
}

/* Mail each executor their instruction that took force with the signature of the protocol of
 * meeting m (regulation № 44 on information groups §3.6.7). 0, or -1 on a database error. */
static int mail_proposals(struct request *req, const struct protocol_meeting *m,
			  const struct protocol_proposal *rows, size_t n)
{
	const char *source = arena_printf(req->arena, "протокол встречи %s",
					  ru_quoted(req->arena, m->title));
	for (size_t i = 0; i < n; i++) {
		const char *body = instruction_given_text(req, rows[i].id, source, rows[i].text,
							  rows[i].due_on, rows[i].controller);
		if (instruction_mail(req, rows[i].id, 0, "executor", rows[i].executor_email,
				     arena_printf(req->arena, "Поручение № %lld", rows[i].id),
				     body) < 0)
			return -1;
	}
	return 0;
}

/* The meeting's attendance becomes the signed protocol's, audited as a change of the meeting
 * when it differs. 0, or -1 on a database error. */
static int sync_attendance(struct request *req, const struct protocol_meeting *m, long long protocol_id)
{
	struct db *db = &req->worker->db;
	json_t *before = staff_json(req, STMT_STAFF_MEETING_JSON, m->id);
	sqlite3_stmt *s = db_stmt(db, STMT_PROTOCOL_SYNC_ATTENDANCE);
	sqlite3_bind_int64(s, 1, protocol_id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	if (db_run(s) != SQLITE_DONE) {
		json_decref(before);
		return -1;
	}
	if (sqlite3_changes(db->conn) == 0) {
		json_decref(before);
		return 0;
	}
	return audit_record(req, NULL, "attendance_from_protocol", "meeting", m->id, before,
			    staff_json(req, STMT_STAFF_MEETING_JSON, m->id));
}

/* POST /admin/meetings/ID/protocol/sign (revision, csrf) — the chair signs the draft under their
 * own account, or, for a chair with no account, an administrator records the signature on the
 * paper protocol. It needs a chair, a number and the decisions, the revision the page showed
 * (a draft changed since is not signed unread) and no proposal already past its due date. The
 * meeting's attendance becomes the protocol's, and the instructions take force: each executor
 * is mailed theirs. 403 for anyone else; 422 when already signed, changed or incomplete. */
enum http_status page_admin_protocol_sign(struct request *req)
{
	struct protocol_meeting m;
	struct protocol_detail p;
	enum http_status status;
	if (!protocol_begin(req, &m, &p, &status))
		return status;
	if (!p.exists)
		return refuse(req, "Протокол ещё не составлен.", FORM_NONE);
	if (p.signed_)
		return refuse(req, "Протокол уже подписан.", FORM_NONE);
	if (p.chair_id == 0)
		return refuse(req, "Укажите в протоколе председательствующего: протокол подписывает "
				   "он.",
			      FORM_NONE);
	if (!may_chair(&m, p.chair_id))
		return refuse(req, "Председательствует ведущий встречи или руководитель информационной "
				   "группы на день встречи: укажите его в протоколе.",
			      FORM_NONE);
	if (named_the_chair(req, &p) &&
	    (is_chair(req, &p) || ((req->staff->role & ROLE_ADMIN) && !p.chair_has_account))) {
		db_rollback(&req->worker->db);
		req->error_detail = "Председательствующего в этом протоколе указали вы сами, поэтому "
				    "подписать его вы не можете: его должен подтвердить другой "
				    "сотрудник, сохранив протокол.";
		return HTTP_FORBIDDEN;
	}
	if (!may_sign(req, &p)) {
		db_rollback(&req->worker->db);
		req->error_detail = arena_printf(req->arena,
						 "Протокол подписывает председательствующий — %s — под "
						 "своей учётной записью.",
						 p.chair);
		return HTTP_FORBIDDEN;
	}
	if (req->field[FIELD_REVISION].number != p.revision)
		return refuse(req, "Протокол изменился после того, как вы открыли страницу: прочтите "
				   "его ещё раз и подпишите.",
			      FORM_NONE);
	if (p.number[0] == '\0' || p.decisions[0] == '\0')
		return refuse(req, "Перед подписанием укажите номер протокола и принятые решения.",
			      FORM_NONE);
	struct protocol_proposal *proposals;
	size_t count;
	if (db_protocol_proposals(&req->worker->db, req->arena, p.id, &proposals, &count) < 0) {
		db_rollback(&req->worker->db);
		return HTTP_INTERNAL_ERROR;
	}
	const char *overdue = overdue_proposals(req, proposals, count);
	if (overdue != NULL)
		return refuse(req, overdue, FORM_NONE);
	struct db *db = &req->worker->db;
	json_t *before = staff_json(req, STMT_PROTOCOL_JSON, p.id);
	sqlite3_stmt *s = db_stmt(db, STMT_PROTOCOL_SIGN);
	sqlite3_bind_int64(s, 1, p.id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 3, req->staff->user_id);
	sqlite3_bind_int64(s, 4, p.revision);
	sqlite3_bind_int(s, 5, !is_chair(req, &p));
	bool ok = db_run(s) == SQLITE_DONE && sqlite3_changes(db->conn) > 0 &&
		  sync_attendance(req, &m, p.id) == 0 &&
		  mail_proposals(req, &m, proposals, count) == 0;
	return protocol_done(req, &m, ok, p.id, "sign", before);
}

/* POST /admin/meetings/ID/protocol/publication (photo_url, video_url, question_public…, csrf) —
 * what the site shows beside the protocol: the links to the photo and video report (order № 2 of
 * the Zelenoborsk head §3.2) and, once it is signed, which of its questions (1-based positions) are
 * free of personal data. PROTOCOL_PUBLISHERS, draft or signed. 303 back; 422 beside the field for a
 * link that is not http(s); 404 without a protocol. */
enum http_status page_admin_protocol_publication(struct request *req)
{
	struct protocol_meeting m;
	struct protocol_detail p;
	enum http_status status;
	if (!protocol_begin(req, &m, &p, &status))
		return status;
	if (!p.exists) {
		db_rollback(&req->worker->db);
		return HTTP_NOT_FOUND;
	}
	const struct field_value *in = req->field;
	if (in[FIELD_PHOTO_URL].state == FIELD_VALID && !protocol_url_valid(in[FIELD_PHOTO_URL].text))
		page_reject(req, FIELD_PHOTO_URL, "нужна ссылка, начинающаяся с http:// или https://");
	if (in[FIELD_VIDEO_URL].state == FIELD_VALID && !protocol_url_valid(in[FIELD_VIDEO_URL].text))
		page_reject(req, FIELD_VIDEO_URL, "нужна ссылка, начинающаяся с http:// или https://");
	if (req->invalid_fields > 0)
		return refuse(req, NULL, FORM_PUBLICATION);
	struct db *db = &req->worker->db;
	json_t *before = staff_json(req, STMT_PROTOCOL_JSON, p.id);
	sqlite3_stmt *s = db_stmt(db, STMT_PROTOCOL_SET_LINKS);
	sqlite3_bind_int64(s, 1, p.id);
	sqlite3_bind_text(s, 2, page_field_text(req, FIELD_PHOTO_URL), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, page_field_text(req, FIELD_VIDEO_URL), -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)req->now);
	bool ok = db_run(s) == SQLITE_DONE;
	/* A draft's questions are marked in the draft form; a signed one's here. */
	if (ok && p.signed_) {
		struct protocol_question *questions;
		size_t count = 0;
		ok = db_protocol_questions(db, req->arena, p.id, &questions, &count) == 0;
		for (int position = 1; ok && (size_t)position <= count; position++) {
			s = db_stmt(db, STMT_PROTOCOL_QUESTION_PUBLISH);
			sqlite3_bind_int64(s, 1, p.id);
			sqlite3_bind_int(s, 2, position);
			sqlite3_bind_int(s, 3, questions_publishable(&m) &&
						       question_marked_public(req, position));
			ok = db_run(s) == SQLITE_DONE;
		}
	}
	return protocol_done(req, &m, ok, p.id, "publication", before);
}

/* POST /admin/meetings/ID/protocol/handover (csrf) — record that the signed protocol was handed
 * to the control sector, now, by the signed-in staff member. 422 when it is not signed or was
 * handed over before. */
enum http_status page_admin_protocol_hand_over(struct request *req)
{
	struct protocol_meeting m;
	struct protocol_detail p;
	enum http_status status;
	if (!protocol_begin(req, &m, &p, &status))
		return status;
	if (!p.exists || !p.signed_)
		return refuse(req, "Передать можно только подписанный протокол.", FORM_NONE);
	if (p.handed)
		return refuse(req, "Протокол уже передан в сектор контроля.", FORM_NONE);
	json_t *before = staff_json(req, STMT_PROTOCOL_JSON, p.id);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_PROTOCOL_HAND_OVER);
	sqlite3_bind_int64(s, 1, p.id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 3, req->staff->user_id);
	bool ok = db_run(s) == SQLITE_DONE && sqlite3_changes(req->worker->db.conn) > 0;
	return protocol_done(req, &m, ok, p.id, "hand_over", before);
}

/* POST /admin/meetings/ID/protocol/amend (amendment, reason, amendment_public, csrf) — a
 * correction of the signed protocol, kept with who and when and shown after it; on the site too
 * when amendment_public marks it as free of personal data (never for a personal reception). 422
 * for a draft (edit it instead). */
enum http_status page_admin_protocol_amend(struct request *req)
{
	struct protocol_meeting m;
	struct protocol_detail p;
	enum http_status status;
	if (!protocol_begin(req, &m, &p, &status))
		return status;
	if (!p.exists || !p.signed_)
		return refuse(req, "Исправления вносятся в подписанный протокол; черновик "
				   "можно изменить.", FORM_NONE);
	if (req->invalid_fields > 0)
		return refuse(req, NULL, FORM_NONE);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_PROTOCOL_AMENDMENT_ADD);
	sqlite3_bind_int64(s, 1, p.id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 3, req->staff->user_id);
	sqlite3_bind_text(s, 4, page_field_text(req, FIELD_AMENDMENT), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, page_field_text(req, FIELD_REASON), -1, SQLITE_STATIC);
	const struct field_value *mark = &req->field[FIELD_AMENDMENT_PUBLIC];
	int published = questions_publishable(&m) && mark->state == FIELD_VALID && mark->number == 1;
	sqlite3_bind_int(s, 6, published);
	if (db_run(s) != SQLITE_DONE) {
		db_rollback(&req->worker->db);
		return HTTP_INTERNAL_ERROR;
	}
	long long amendment = sqlite3_last_insert_rowid(req->worker->db.conn);
	struct db *db = &req->worker->db;
	if (audit_record(req, NULL, "amend", "protocol", p.id, NULL,
			 json_pack("{s:I, s:s, s:s, s:b}", "amendment", (json_int_t)amendment, "text",
				   page_field_text(req, FIELD_AMENDMENT), "reason",
				   page_field_text(req, FIELD_REASON), "published", published)) < 0 ||
	    db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req,
				 arena_printf(req->arena, "/admin/meetings/%lld/protocol", m.id));
}

/* POST /admin/meetings/ID/protocol/instructions (instruction, executor, unit, due_on,
 * controller, csrf) — an instruction of the draft protocol, in force once it is signed. 303
 * back; 422 for a signed protocol, an executor without an e-mail, a controller who is the
 * executor or a due date in the past. */
enum http_status page_admin_protocol_instruction(struct request *req)
{
	struct protocol_meeting m;
	struct protocol_detail p;
	enum http_status status;
	if (!protocol_begin(req, &m, &p, &status))
		return status;
	if (!p.exists)
		return refuse(req, "Сначала сохраните протокол.", FORM_NONE);
	if (p.signed_)
		return refuse(req, signed_refusal, FORM_NONE);
	if (req->invalid_fields > 0)
		return refuse(req, NULL, FORM_NONE);
	long long id;
	struct civil_date earliest = tz_local_date(req->now);
	if (civil_date_compare(tz_local_date(m.starts_at), earliest) > 0)
		earliest = tz_local_date(m.starts_at);
	int rc = instruction_insert(req, p.id, 0, earliest, &id);
	if (rc > 0)
		return refuse(req, NULL, FORM_NONE);
	if (rc == 0) {
		/* A new proposal changes what the chair signs. */
		sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_PROTOCOL_TOUCH);
		sqlite3_bind_int64(s, 1, p.id);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
		if (db_run(s) != SQLITE_DONE)
			rc = -1;
	}
	if (rc < 0 || db_commit(&req->worker->db) < 0) {
		db_rollback(&req->worker->db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req,
				 arena_printf(req->arena, "/admin/meetings/%lld/protocol", m.id));
}
