/* page_discussions.c — public discussions of draft municipal acts (issue 20, the Sosnovsky plan of measures № 803, decree № 1617-па on reference groups):
 * the list, a draft's page with its text, the published proposals and the conclusion, and the
 * proposal form of a signed-in resident (pre-moderated). */
#include <stdio.h>
#include <string.h>

#include "db_discussion.h"
#include "discussion_view.h"
#include "page.h"
#include "pages.h"
#include "resident.h"
#include "ru.h"
#include "worker.h"

/* A resident may send at most this many proposals an hour, across all discussions. */
#define PROPOSALS_PER_HOUR 5

/* GET /discussions — every discussion, the current ones first by their closing date, with its
 * period, state and the number of published proposals. */
enum http_status page_discussions(struct request *req)
{
	tpl_dict *d = page_begin(req, "discussions.tpl", "Общественные обсуждения проектов",
				 NAV_DISCUSSIONS);
	struct discussion_row *list;
	size_t n;
	if (db_discussion_list(&req->worker->db, req->arena, 0, &list, &n) < 0)
		return HTTP_INTERNAL_ERROR;
	struct civil_date today = tz_local_date(req->now);
	for (size_t i = 0; i < n; i++) {
		const struct discussion_row *r = &list[i];
		tpl_dict *row = tpl_section_add(d, "DISCUSSION");
		struct civil_date from, to;
		civil_date_parse(r->opens_on, &from);
		civil_date_parse(r->closes_on, &to);
		tpl_set_int(row, "ID", r->id);
		tpl_set(row, "TITLE", r->title);
		tpl_set(row, "UNIT", r->unit);
		tpl_set(row, "PERIOD", arena_printf(req->arena, "с %s по %s", page_date_words(req, from),
						    page_date_words(req, to)));
		tpl_set(row, "TERRITORY",
			r->territory[0] ? r->territory : "всё муниципальное образование");
		tpl_set(row, "STATE", r->concluded ? "завершено, заключение опубликовано"
				      : civil_date_compare(today, to) > 0 ? "приём предложений завершён"
				      : civil_date_compare(today, from) < 0 ? "ещё не началось"
									      : "идёт приём предложений");
		tpl_set(row, "PROPOSALS",
			arena_printf(req->arena, "%lld %s", r->published,
				     ru_plural((long)r->published, "опубликованное предложение",
					       "опубликованных предложения",
					       "опубликованных предложений")));
	}
	tpl_section_show(d, n ? "HAS_DISCUSSIONS" : "NO_DISCUSSIONS");
	return page_end(req, HTTP_OK);
}

/* The published proposals of d under section PROPOSAL (POINT, TEXT, AUTHOR, and with the
 * conclusion OUTCOME and REASON); their number. -1 on a database error. */
static int published_proposals(struct request *req, tpl_dict *t, const struct discussion *d)
{
	struct proposal_row *list;
	size_t count;
	if (db_proposal_list(&req->worker->db, req->arena, d->id, &list, &count) < 0)
		return -1;
	int n = 0;
	for (size_t i = 0; i < count; i++) {
		const struct proposal_row *p = &list[i];
		if (strcmp(p->status, "published") != 0)
			continue;
		tpl_dict *row = tpl_section_add(t, "PROPOSAL");
		tpl_set_int(row, "ID", p->id);
		tpl_set(row, "POINT", p->point[0] ? p->point : "проект в целом");
		tpl_set(row, "TEXT", p->text);
		tpl_set(row, "AUTHOR", discussion_author(req, p->author, p->show_as));
		if (d->concluded) {
			tpl_dict *o = tpl_section_add(row, "OUTCOME");
			tpl_set(o, "LABEL", discussion_outcome_label(p->outcome));
			tpl_set(o, "REASON", p->outcome_reason);
		}
		n++;
	}
	return n;
}

struct participant {
	long long link_id;
	const char *name, *email, *organisation, *token;
};

/* The page of discussion d with status; from_request: the proposal form refilled from the
 * request (after a refusal), message: a general error above it; link: the participant of a
 * personal link, or NULL for the signed-in resident (if any). */
static enum http_status discussion_page(struct request *req, const struct discussion *d,
					enum http_status status, bool from_request,
					const char *message, const struct participant *link)
{
	tpl_dict *t = page_begin(req, "discussion.tpl", d->title, NAV_DISCUSSIONS);
	if (discussion_set(req, t, d) < 0)
		return HTTP_INTERNAL_ERROR;
	int n = published_proposals(req, t, d);
	if (n < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_section_show(t, n ? "HAS_PROPOSALS" : "NO_PROPOSALS");
	if (d->concluded) {
		tpl_dict *c = tpl_section_add(t, "CONCLUSION");
		page_set_date(c, "CONCLUDED_AT", d->concluded_at);
		tpl_set(c, "TEXT", d->conclusion);
	}
	if (link != NULL) {
		response_header(req, "Cache-Control", "no-store"); /* the page carries the token */
		tpl_set(tpl_section_add(t, "PARTICIPANT"), "NAME", link->name);
	}
	if (d->state == DISCUSSION_OPEN && link != NULL) {
		tpl_dict *f = tpl_section_add(t, "PROPOSAL_FORM");
		tpl_set(tpl_section_add(f, "LINK"), "TOKEN", link->token);
		tpl_set(tpl_section_add(f, "AUTHOR_FIXED"), "NAME", link->name);
		if (from_request) {
			page_form_fields(req, f);
			if (message)
				page_form_error(req, f, message);
		}
		tpl_section_show(f, from_request && strcmp(page_field_text(req, FIELD_SHOW_AS),
							   "initials") == 0
					    ? "INITIALS_CHECKED"
					    : "FULL_CHECKED");
	} else if (d->state == DISCUSSION_OPEN && req->resident != NULL) {
		tpl_dict *f = tpl_section_add(t, "PROPOSAL_FORM");
		tpl_set(tpl_section_add(f, "SESSION"), "CSRF", req->resident->csrf);
		tpl_section_show(f, "AUTHOR_FIELD");
		if (from_request) {
			page_form_fields(req, f);
			if (message)
				page_form_error(req, f, message);
			tpl_section_show(f, strcmp(page_field_text(req, FIELD_SHOW_AS), "initials") == 0
						    ? "INITIALS_CHECKED"
						    : "FULL_CHECKED");
		} else {
			const struct resident *r = req->resident;
			const char *name = arena_printf(req->arena, "%s %s %s", r->surname, r->name,
							r->patronymic);
			/* Trim the spaces of missing parts. */
			struct buf b;
			buf_init(&b, req->arena);
			for (const char *p = name; *p; p++)
				if (*p != ' ' || (b.len > 0 && b.data[b.len - 1] != ' '))
					buf_append(&b, p, 1);
			while (b.len > 0 && b.data[b.len - 1] == ' ')
				b.data[--b.len] = '\0';
			tpl_set(f, "author", b.len ? b.data : "");
			tpl_section_show(f, "FULL_CHECKED");
		}
	} else if (d->state == DISCUSSION_OPEN) {
		tpl_set(tpl_section_add(t, "SIGN_IN"), "RETURN",
			arena_printf(req->arena, "%%2Fdiscussions%%2F%lld", d->id));
	} else if (d->state == DISCUSSION_CLOSED) {
		tpl_section_show(t, "FORM_CLOSED");
	}
	if (message && !from_request)
		tpl_set(tpl_section_add(t, "REFUSAL"), "MESSAGE", message);
	return page_end(req, status);
}

/* GET /discussions/ID — the draft as text, its period and form, the rules, the published
 * proposals with their authors as they chose, the conclusion once written, and for a
 * signed-in resident during the period the proposal form. 404 for an unknown id. */
enum http_status page_discussion(struct request *req)
{
	struct discussion d;
	int rc = discussion_load(req, req->path_id, &d);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return discussion_page(req, &d, HTTP_OK, false, NULL, NULL);
}

/* Check and store a proposal to d from the signed-in resident, or from link's participant
 * (see page_discussion_propose). */
static enum http_status propose(struct request *req, const struct discussion *d,
				const struct participant *link)
{
	if (d->state != DISCUSSION_OPEN)
		return discussion_page(
			req, d, HTTP_UNPROCESSABLE, false,
			d->state == DISCUSSION_UPCOMING
				? arena_printf(req->arena,
					       "Приём предложений по этому проекту начнётся %s. "
					       "Ваше предложение не принято.",
					       page_date_words(req, d->opens_on))
				: arena_printf(req->arena,
					       "Приём предложений по этому проекту завершён %s. "
					       "Ваше предложение не принято.",
					       page_date_words(req, d->closes_on)),
			link);
	const char *show_as = page_field_text(req, FIELD_SHOW_AS);
	if (req->field[FIELD_SHOW_AS].state == FIELD_VALID && strcmp(show_as, "full") != 0 &&
	    strcmp(show_as, "initials") != 0)
		page_reject(req, FIELD_SHOW_AS, "выберите, как подписать предложение");
	if (req->invalid_fields > 0)
		return discussion_page(req, d, HTTP_UNPROCESSABLE, true, NULL, link);
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	long long recent;
	if (db_proposal_recent(db, link != NULL, link ? link->link_id : req->resident->id,
			       req->now - 3600, &recent) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	if (recent >= PROPOSALS_PER_HOUR) {
		db_rollback(db);
		return discussion_page(req, d, HTTP_TOO_MANY_REQUESTS, true,
				       "За последний час вы уже отправили 5 предложений. "
				       "Отправьте это предложение позже: текст сохранён в форме.",
				       link);
	}
	sqlite3_stmt *s = db_stmt(db, link ? STMT_PROPOSAL_LINK_INSERT : STMT_PROPOSAL_INSERT);
	sqlite3_bind_int64(s, 1, d->id);
	sqlite3_bind_int64(s, 2, link ? link->link_id : req->resident->id);
	sqlite3_bind_text(s, 3, page_field_text(req, FIELD_POINT), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, page_field_text(req, FIELD_PROPOSAL_TEXT), -1, SQLITE_STATIC);
	/* Through a link the proposal is the participant's, signed with the name staff entered
	 * for them in the reference group. */
	const char *author = link ? link->name : page_field_text(req, FIELD_AUTHOR_NAME);
	sqlite3_bind_text(s, 5, author, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, show_as, -1, SQLITE_STATIC);
	const char *email = link ? link->email
			    : req->resident->email ? req->resident->email
						   : "";
	sqlite3_bind_text(s, 7, email, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 8, (sqlite3_int64)req->now);
	if (db_run(s) != SQLITE_DONE || db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req, arena_printf(req->arena, "/discussions/%lld/sent", d->id));
}

/* POST /discussions/ID/proposals (point, text, author, show_as, csrf) — a signed-in resident's
 * proposal, stored as pending for moderation; 303 to /discussions/ID/sent. 404 for an unknown
 * discussion; 422 with a clear message when the discussion is not open (not started, over or
 * concluded); 422 with the errors beside the fields and the input kept; 429 after
 * PROPOSALS_PER_HOUR proposals in the last hour. */
enum http_status page_discussion_propose(struct request *req)
{
	struct discussion d;
	int rc = discussion_load(req, req->path_id, &d);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return propose(req, &d, NULL);
}

/* The discussion and participant of the request's personal link (token in the query or the
 * form). 0; 1 for an unknown token or a link to something else (req->error_detail says so); -1
 * on a database error. */
static int load_link(struct request *req, struct discussion *d, struct participant *p)
{
	const char *token = request_link_token(req);
	long long target = 0;
	if (token != NULL) {
		struct participant_link l;
		int rc = db_link_by_token(&req->worker->db, req->arena, token, &l);
		if (rc < 0)
			return -1;
		if (rc == 0 && strcmp(l.kind, "discussion") == 0) {
			p->link_id = l.id;
			target = l.target;
			p->name = l.name;
			p->email = l.email;
			p->organisation = l.organisation;
			p->token = token;
		}
	}
	if (target == 0) {
		req->error_detail = "Ссылка не найдена. Проверьте, что она скопирована из письма целиком.";
		return 1;
	}
	return discussion_load(req, target, d);
}

/* GET /discussions/link?token= — the discussion of a reference-group participant's personal
 * link, with the proposal form signed with their name while proposals are taken. 404 for an
 * unknown token. */
enum http_status page_discussion_link(struct request *req)
{
	struct discussion d;
	struct participant p;
	int rc = load_link(req, &d, &p);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return discussion_page(req, &d, HTTP_OK, false, NULL, &p);
}

/* POST /discussions/link (token, point, text, show_as) — a proposal through a participant's
 * personal link, attributed to them and moderated like any other; otherwise as
 * page_discussion_propose (the hourly limit counts per link). 404 for an unknown token. */
enum http_status page_discussion_link_propose(struct request *req)
{
	struct discussion d;
	struct participant p;
	int rc = load_link(req, &d, &p);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return propose(req, &d, &p);
}

/* GET /discussions/ID/sent — the proposal was received and waits for moderation. */
enum http_status page_discussion_sent(struct request *req)
{
	struct discussion d;
	int rc = discussion_load(req, req->path_id, &d);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	tpl_dict *t = page_begin(req, "discussion_sent.tpl", "Предложение получено",
				 NAV_DISCUSSIONS);
	tpl_set_int(t, "ID", d.id);
	tpl_set(t, "TITLE", d.title);
	return page_end(req, HTTP_OK);
}

/* GET /discussions/files/ID — a file of a draft, as an attachment with its name and the type its
 * content was found to be. 404 for an unknown id or a file missing on disk. */
enum http_status page_discussion_file(struct request *req)
{
	struct discussion_file_blob f;
	int rc = db_discussion_file_get(&req->worker->db, req->arena, req->path_id, &f);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return page_send_stored_file(req, f.name, f.mime, f.sha256);
}
