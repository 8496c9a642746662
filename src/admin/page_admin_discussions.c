/* page_admin_discussions.c — staff side of public discussions of drafts (issue 20): putting a
 * draft up for discussion, moderating residents' proposals (publish, or refuse with a reason
 * mailed to the author), the outcome of each proposal and the conclusion, mailed to every
 * author. Roles: DISCUSSION_WRITERS; every change audited in its transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "discussion_view.h"
#include "outbox.h"
#include "page.h"
#include "pages.h"
#include "ru.h"
#include "scope.h"
#include "staff_change.h"
#include "upload.h"
#include "worker.h"

/* The signature of mails to residents: the administration's name. */
static const char *signature(struct request *req)
{
	const struct config *cfg = req->worker->cfg;
	return cfg->administration_name[0] ? cfg->administration_name : cfg->municipality_name;
}

/* GET /admin/discussions — every discussion with its period and proposals waiting for
 * moderation, and the form of a new one. */
static enum http_status list_page(struct request *req, enum http_status status, bool from_request)
{
	tpl_dict *d = page_begin(req, "admin_discussions.tpl", "Общественные обсуждения",
				 NAV_STAFF_DISCUSSIONS);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_DISCUSSION_LIST);
	sqlite3_bind_int64(s, 1, scope_bind_value(req));
	int rc, n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		tpl_dict *row = tpl_section_add(d, "DISCUSSION");
		struct civil_date from, to;
		civil_date_parse(db_text(req->arena, s, 3), &from);
		civil_date_parse(db_text(req->arena, s, 4), &to);
		tpl_set_int(row, "ID", sqlite3_column_int64(s, 0));
		tpl_set(row, "TITLE", db_text(req->arena, s, 1));
		tpl_set(row, "PERIOD", arena_printf(req->arena, "%s — %s", page_date_words(req, from),
						    page_date_words(req, to)));
		tpl_set(row, "STATE", sqlite3_column_int(s, 6) ? "заключение опубликовано" : "");
		tpl_set_int(row, "PUBLISHED", sqlite3_column_int64(s, 7));
		tpl_set_int(row, "PENDING", sqlite3_column_int64(s, 8));
		n++;
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return HTTP_INTERNAL_ERROR;
	tpl_section_show(d, n ? "HAS_DISCUSSIONS" : "NO_DISCUSSIONS");
	tpl_dict *f = tpl_include(d, "FORM", "admin_discussion_form.tpl");
	if (from_request) {
		page_form_fields(req, f);
		tpl_section_show(f, strcmp(page_field_text(req, FIELD_DISCUSSION_FORM), "hearing") == 0
					    ? "HEARING_CHECKED"
					    : "ONLINE_CHECKED");
	} else {
		tpl_section_show(f, "ONLINE_CHECKED");
	}
	if (staff_audience_fill(req, f, from_request) < 0)
		return HTTP_INTERNAL_ERROR;
	long long meeting = from_request && req->field[FIELD_MEETING].state == FIELD_VALID
				    ? req->field[FIELD_MEETING].number
				    : 0;
	s = db_stmt(&req->worker->db, STMT_HEARING_OPTIONS);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		tpl_dict *o = tpl_section_add(f, "MEETING_OPTION");
		long long id = sqlite3_column_int64(s, 0);
		tpl_set_int(o, "ID", id);
		struct tm tm;
		char when[64];
		tz_utc_to_local((time_t)sqlite3_column_int64(s, 2), &tm);
		ru_format_datetime(when, sizeof when, &tm);
		tpl_set(o, "NAME", arena_printf(req->arena, "%s, %s", db_text(req->arena, s, 1), when));
		if (id == meeting)
			tpl_section_show(o, "SELECTED");
	}
	db_done(s);
	return page_end(req, status);
}

/* Files a draft may carry; the types it may be in (the text itself is on the page). */
#define DRAFT_MAX_FILES 5

struct draft_file {
	const char *name, *mime;
	const char *data;
	size_t size;
	char sha[UPLOAD_NAME_SIZE];
};

/* The draft's files from the form, checked by content: PDF, ODT or DOCX only, at most
 * DRAFT_MAX_FILES; errors beside the file field. Their number. */
static size_t check_files(struct request *req, struct draft_file *out)
{
	size_t n = 0;
	for (size_t i = 0; i < req->file_count; i++) {
		const struct multipart_part *f = &req->files[i];
		if (strcmp(f->name, "attachment") != 0 || (f->filename[0] == '\0' && f->size == 0))
			continue;
		if (n == DRAFT_MAX_FILES) {
			page_reject(req, FIELD_ATTACHMENT,
				    arena_printf(req->arena, "можно приложить не больше %d файлов",
						 DRAFT_MAX_FILES));
			return n;
		}
		const char *mime, *error;
		if (upload_check(f->data, f->size, &mime, &error) < 0) {
			page_reject(req, FIELD_ATTACHMENT,
				    arena_printf(req->arena, "«%s»: %s", f->filename, error));
			continue;
		}
		const char *ext = upload_extension(mime);
		if (ext == NULL || (strcmp(ext, "pdf") != 0 && strcmp(ext, "odt") != 0 &&
				    strcmp(ext, "docx") != 0)) {
			page_reject(req, FIELD_ATTACHMENT,
				    arena_printf(req->arena,
						 "«%s»: проект прикладывается в формате PDF, ODT или DOCX",
						 f->filename));
			continue;
		}
		size_t name_size = strlen(f->filename) + 16;
		char *name = arena_alloc(req->arena, name_size);
		upload_safe_name(f->filename, mime, name, name_size);
		out[n].name = name;
		out[n].mime = mime;
		out[n].data = f->data;
		out[n].size = f->size;
		n++;
	}
	return n;
}

/* GET /admin/discussions — see list_page. */
enum http_status page_admin_discussions(struct request *req)
{
	return list_page(req, HTTP_OK, false);
}

/* True when id is a public hearing that may be chosen (STMT_HEARING_OPTIONS). */
static bool hearing_known(struct request *req, long long id)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_HEARING_OPTIONS);
	bool found = false;
	while (!found && sqlite3_step(s) == SQLITE_ROW)
		found = sqlite3_column_int64(s, 0) == id;
	db_done(s);
	return found;
}

/* POST /admin/discussions (title, unit, body, form, meeting, territory, reference_group…,
 * opens_on, closes_on, attachment…, csrf; urlencoded or multipart) — put a draft up for discussion. 303 to its staff page; 422 with the errors beside the
 * fields and the input kept: the period ends before it begins or has ended, a hearing without a public
 * hearing meeting, an unknown territory or reference group, a file that is not
 * PDF, ODT or DOCX by its content. The opening is
 * announced by the notifier (rule_discussion_openings) once the period begins. */
enum http_status page_admin_discussion_create(struct request *req)
{
	const char *form = page_field_text(req, FIELD_DISCUSSION_FORM);
	bool hearing = strcmp(form, "hearing") == 0;
	if (req->field[FIELD_DISCUSSION_FORM].state == FIELD_VALID && !hearing &&
	    strcmp(form, "online") != 0)
		page_reject(req, FIELD_DISCUSSION_FORM, "выберите форму обсуждения");
	if (hearing && req->field[FIELD_MEETING].state != FIELD_VALID)
		page_reject(req, FIELD_MEETING, "для публичных слушаний выберите встречу");
	else if (hearing && !hearing_known(req, req->field[FIELD_MEETING].number))
		page_reject(req, FIELD_MEETING, "такой встречи-слушаний нет");
	if (req->field[FIELD_OPENS_ON].state == FIELD_VALID &&
	    req->field[FIELD_CLOSES_ON].state == FIELD_VALID &&
	    civil_date_compare(req->field[FIELD_CLOSES_ON].date, req->field[FIELD_OPENS_ON].date) < 0)
		page_reject(req, FIELD_CLOSES_ON, "обсуждение не может закончиться раньше, чем начнётся");
	else if (req->field[FIELD_CLOSES_ON].state == FIELD_VALID &&
		 civil_date_compare(req->field[FIELD_CLOSES_ON].date, tz_local_date(req->now)) < 0)
		page_reject(req, FIELD_CLOSES_ON, "дата окончания уже прошла");
	if (staff_audience_check(req) < 0)
		return HTTP_INTERNAL_ERROR;
	const struct field_value *chosen = &req->field[FIELD_REFERENCE_GROUP];
	struct draft_file files[DRAFT_MAX_FILES];
	size_t file_count = check_files(req, files);
	if (req->invalid_fields > 0)
		return list_page(req, HTTP_UNPROCESSABLE, true);
	/* The files are on disk before the transaction that names them commits. */
	for (size_t i = 0; i < file_count; i++)
		if (upload_store(req->worker->cfg->uploads_dir, files[i].data, files[i].size,
				 files[i].sha) < 0) {
			fprintf(stderr, "rid=%s storing a draft's file: %m\n", req->id);
			return HTTP_INTERNAL_ERROR;
		}
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	sqlite3_stmt *s = db_stmt(db, STMT_DISCUSSION_INSERT);
	sqlite3_bind_text(s, 1, page_field_text(req, FIELD_DRAFT_TITLE), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, page_field_text(req, FIELD_UNIT), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, page_field_text(req, FIELD_DRAFT_BODY), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, hearing ? "hearing" : "online", -1, SQLITE_STATIC);
	if (hearing)
		sqlite3_bind_int64(s, 5, req->field[FIELD_MEETING].number);
	if (req->field[FIELD_TERRITORY].state == FIELD_VALID)
		sqlite3_bind_int64(s, 6, req->field[FIELD_TERRITORY].number);
	sqlite3_bind_text(s, 7, page_date_iso(req, req->field[FIELD_OPENS_ON].date), -1,
			  SQLITE_STATIC);
	sqlite3_bind_text(s, 8, page_date_iso(req, req->field[FIELD_CLOSES_ON].date), -1,
			  SQLITE_STATIC);
	sqlite3_bind_int64(s, 9, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 10, req->staff->user_id);
	if (!scope_is_installation(req))
		sqlite3_bind_int64(s, 11, scope_bind_value(req)); /* the account's body's */
	bool ok = db_run(s) == SQLITE_DONE;
	long long id = sqlite3_last_insert_rowid(db->conn);
	for (size_t k = 0; ok && k < chosen->id_count; k++) {
		s = db_stmt(db, STMT_DISCUSSION_GROUP_ADD);
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, chosen->ids[k]);
		ok = db_run(s) == SQLITE_DONE;
	}
	for (size_t i = 0; ok && i < file_count; i++) {
		s = db_stmt(db, STMT_DISCUSSION_FILE_ADD);
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_text(s, 2, files[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, files[i].mime, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 4, (sqlite3_int64)files[i].size);
		sqlite3_bind_text(s, 5, files[i].sha, -1, SQLITE_STATIC);
		ok = db_run(s) == SQLITE_DONE;
	}
	return staff_commit(req, ok, "create", "discussion", id, NULL, STMT_DISCUSSION_JSON,
			    arena_printf(req->arena, "/admin/discussions/%lld", id));
}

/* The staff page of discussion d: the draft, every proposal with its state and the actions
 * that fit it, and the conclusion form once the period is over. message: a general error. */
static enum http_status discussion_page(struct request *req, const struct discussion *d,
					enum http_status status, const char *message)
{
	tpl_dict *t = page_begin(req, "admin_discussion.tpl", d->title, NAV_STAFF_DISCUSSIONS);
	if (discussion_set(req, t, d) < 0)
		return HTTP_INTERNAL_ERROR;
	if (message)
		tpl_set(tpl_section_add(t, "ERROR"), "MESSAGE", message);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_PROPOSAL_LIST);
	sqlite3_bind_int64(s, 1, d->id);
	int rc, n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		tpl_dict *row = tpl_section_add(t, "PROPOSAL");
		tpl_set_int(row, "ID", sqlite3_column_int64(s, 0));
		const char *point = db_text(req->arena, s, 1);
		tpl_set(row, "POINT", point[0] ? point : "проект в целом");
		tpl_set(row, "TEXT", db_text(req->arena, s, 2));
		tpl_set(row, "AUTHOR", discussion_author(req, db_text(req->arena, s, 3),
							 db_text(req->arena, s, 4)));
		page_set_datetime(row, "CREATED", (time_t)sqlite3_column_int64(s, 9));
		const char *st = db_text(req->arena, s, 5);
		const char *outcome = db_text(req->arena, s, 7);
		if (strcmp(st, "pending") == 0) {
			tpl_section_show(row, "PENDING");
		} else if (strcmp(st, "refused") == 0) {
			tpl_set(tpl_section_add(row, "REFUSED"), "REASON", db_text(req->arena, s, 6));
		} else {
			tpl_dict *p = tpl_section_add(row, "PUBLISHED");
			if (outcome[0])
				tpl_set(tpl_section_add(p, "OUTCOME"), "LABEL",
					discussion_outcome_label(outcome));
			tpl_set(p, "OUTCOME_REASON", db_text(req->arena, s, 8));
			if (!d->concluded) {
				tpl_dict *f = tpl_section_add(p, "OUTCOME_FORM");
				tpl_set_int(f, "ID", sqlite3_column_int64(s, 0));
				tpl_set(f, "REASON", db_text(req->arena, s, 8));
				static const char *const codes[] = {"accepted", "partial", "rejected"};
				for (int i = 0; i < 3; i++) {
					tpl_dict *o = tpl_section_add(f, "OPTION");
					tpl_set(o, "CODE", codes[i]);
					tpl_set(o, "LABEL", discussion_outcome_label(codes[i]));
					if (strcmp(outcome, codes[i]) == 0)
						tpl_section_show(o, "SELECTED");
				}
			}
		}
		n++;
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return HTTP_INTERNAL_ERROR;
	tpl_section_show(t, n ? "HAS_PROPOSALS" : "NO_PROPOSALS");
	if (d->concluded) {
		tpl_dict *c = tpl_section_add(t, "CONCLUSION");
		page_set_date(c, "CONCLUDED_AT", d->concluded_at);
		tpl_set(c, "TEXT", d->conclusion);
	} else if (d->state == DISCUSSION_CLOSED) {
		tpl_dict *f = tpl_section_add(t, "CONCLUSION_FORM");
		tpl_set(f, "conclusion", page_field_text(req, FIELD_CONCLUSION));
	} else {
		tpl_section_show(t, "CONCLUSION_LATER");
	}
	return page_end(req, status);
}

/* GET /admin/discussions/ID — see discussion_page. 404 for an unknown id. */
enum http_status page_admin_discussion(struct request *req)
{
	struct discussion d;
	int rc = discussion_load(req, req->path_id, &d);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return discussion_page(req, &d, HTTP_OK, NULL);
}

struct proposal {
	long long id, discussion_id;
	const char *status, *email, *text, *outcome;
	const char *link_token; /* a reference-group participant's personal link, or "" */
};

/* Load proposal id and its discussion. 0, 1 when either is unknown, -1 on a database error. */
static int load_proposal(struct request *req, long long id, struct proposal *p,
			 struct discussion *d)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_PROPOSAL_GET);
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		p->id = id;
		p->discussion_id = sqlite3_column_int64(s, 0);
		p->status = db_text(req->arena, s, 1);
		p->email = db_text(req->arena, s, 2);
		p->text = db_text(req->arena, s, 3);
		p->outcome = db_text(req->arena, s, 4);
		p->link_token = db_text(req->arena, s, 5);
	}
	db_done(s);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 1 : -1;
	return discussion_load(req, p->discussion_id, d);
}

/* Publish or refuse a pending proposal; a refusal is mailed to the author with the reason. */
static enum http_status moderate(struct request *req, bool publish)
{
	struct proposal p;
	struct discussion d;
	int rc = load_proposal(req, req->path_id, &p, &d);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	const char *reason = page_field_text(req, FIELD_REASON);
	if (strcmp(p.status, "pending") != 0)
		return discussion_page(req, &d, HTTP_UNPROCESSABLE,
				       "Это предложение уже проверено.");
	if (!publish && reason[0] == '\0')
		return discussion_page(req, &d, HTTP_UNPROCESSABLE,
				       "Укажите причину отказа в публикации: её сообщат автору.");
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	json_t *before = staff_json(req, STMT_PROPOSAL_JSON, p.id);
	sqlite3_stmt *s = db_stmt(db, STMT_PROPOSAL_MODERATE);
	sqlite3_bind_int64(s, 1, p.id);
	sqlite3_bind_text(s, 2, publish ? "published" : "refused", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, publish ? "" : reason, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 5, req->staff->user_id);
	bool ok = db_run(s) == SQLITE_DONE && sqlite3_changes(db->conn) == 1;
	if (ok && !publish && p.email[0]) {
		/* A participant of a reference group has no account: their personal link takes them
		 * back to the form; a resident signs in from the discussion's page. */
		const char *site = req->worker->cfg->site_url;
		const char *again =
			p.link_token[0]
				? arena_printf(req->arena, "%s/discussions/link?token=%s", site,
					       p.link_token)
				: arena_printf(req->arena, "%s/discussions/%lld", site, d.id);
		struct outbox_message m = {
			.dedup_key = arena_printf(req->arena, "proposal:%lld:refused", p.id),
			.channel = OUTBOX_MAIL,
			.recipient = p.email,
			.subject = "Ваше предложение не опубликовано",
			.body = arena_printf(
				req->arena,
				"Ваше предложение к проекту %s не опубликовано на сайте.\n\n"
				"Причина: %s\n\nТекст предложения:\n%s\n\n"
				"Вы можете направить новое предложение до %s: %s\n\n--\n%s\n",
				ru_quoted(req->arena, d.title), reason, p.text,
				page_date_words(req, d.closes_on), again, signature(req)),
			.purpose = "notice",
		};
		ok = outbox_add(db, &m, req->now) >= 0;
	}
	return staff_commit(req, ok, publish ? "publish" : "refuse", "discussion_proposal", p.id,
			    before, STMT_PROPOSAL_JSON,
			    arena_printf(req->arena, "/admin/discussions/%lld#proposal-%lld", d.id,
					 p.id));
}

/* POST /admin/discussions/proposals/ID/publish (csrf) — publish a pending proposal. 303 to the
 * discussion; 404 for an unknown one; 422 when it was moderated already. */
enum http_status page_admin_proposal_publish(struct request *req)
{
	return moderate(req, true);
}

/* POST /admin/discussions/proposals/ID/refuse (reason, csrf) — refuse a pending proposal; the
 * author is mailed the reason through the outbox. 422 without a reason or when moderated. */
enum http_status page_admin_proposal_refuse(struct request *req)
{
	return moderate(req, false);
}

/* POST /admin/discussions/proposals/ID/outcome (outcome, reason, csrf) — how a published
 * proposal was taken into account, for the conclusion. 422 for an unknown outcome, without a
 * reason, for a proposal not published or a discussion already concluded. */
enum http_status page_admin_proposal_outcome(struct request *req)
{
	struct proposal p;
	struct discussion d;
	int rc = load_proposal(req, req->path_id, &p, &d);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	const char *outcome = page_field_text(req, FIELD_OUTCOME);
	const char *reason = page_field_text(req, FIELD_REASON);
	if (discussion_outcome_label(outcome)[0] == '\0')
		return discussion_page(req, &d, HTTP_UNPROCESSABLE,
				       "Выберите итог: учтено, учтено частично или отклонено.");
	if (reason[0] == '\0')
		return discussion_page(req, &d, HTTP_UNPROCESSABLE,
				       "Укажите обоснование итога по предложению.");
	if (strcmp(p.status, "published") != 0 || d.concluded)
		return discussion_page(req, &d, HTTP_UNPROCESSABLE,
				       "Итог ставится только опубликованному предложению до заключения.");
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	json_t *before = staff_json(req, STMT_PROPOSAL_JSON, p.id);
	sqlite3_stmt *s = db_stmt(db, STMT_PROPOSAL_OUTCOME);
	sqlite3_bind_int64(s, 1, p.id);
	sqlite3_bind_text(s, 2, outcome, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, reason, -1, SQLITE_STATIC);
	bool ok = db_run(s) == SQLITE_DONE && sqlite3_changes(db->conn) == 1;
	return staff_commit(req, ok, "outcome", "discussion_proposal", p.id, before,
			    STMT_PROPOSAL_JSON,
			    arena_printf(req->arena, "/admin/discussions/%lld#proposal-%lld", d.id,
					 p.id));
}

/* POST /admin/discussions/ID/conclude (conclusion, csrf) — publish the conclusion on the
 * results and mail each author of a published proposal its outcome and reason. 422 before the
 * period is over, while a proposal waits for moderation or a published one has no outcome,
 * without a text, or when concluded already. */
enum http_status page_admin_discussion_conclude(struct request *req)
{
	struct discussion d;
	int rc = discussion_load(req, req->path_id, &d);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	if (d.concluded)
		return discussion_page(req, &d, HTTP_UNPROCESSABLE, "Заключение уже опубликовано.");
	if (d.state != DISCUSSION_CLOSED)
		return discussion_page(
			req, &d, HTTP_UNPROCESSABLE,
			arena_printf(req->arena,
				     "Заключение пишется после окончания обсуждения (%s).",
				     page_date_words(req, d.closes_on)));
	struct db *db = &req->worker->db;
	sqlite3_stmt *s = db_stmt(db, STMT_DISCUSSION_OPEN_ITEMS);
	sqlite3_bind_int64(s, 1, d.id);
	long long pending = -1, undecided = -1;
	if (sqlite3_step(s) == SQLITE_ROW) {
		pending = sqlite3_column_int64(s, 0);
		undecided = sqlite3_column_int64(s, 1);
	}
	db_done(s);
	if (pending < 0)
		return HTTP_INTERNAL_ERROR;
	if (pending > 0)
		return discussion_page(
			req, &d, HTTP_UNPROCESSABLE,
			arena_printf(req->arena, "Сначала проверьте %lld %s.", pending,
				     ru_plural((long)pending, "предложение", "предложения",
					       "предложений")));
	if (undecided > 0)
		return discussion_page(
			req, &d, HTTP_UNPROCESSABLE,
			arena_printf(req->arena, "Укажите итог по %lld %s.", undecided,
				     ru_plural((long)undecided, "опубликованному предложению",
					       "опубликованным предложениям",
					       "опубликованным предложениям")));
	const char *text = page_field_text(req, FIELD_CONCLUSION);
	if (text[0] == '\0')
		return discussion_page(req, &d, HTTP_UNPROCESSABLE, "Напишите текст заключения.");
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	json_t *before = staff_json(req, STMT_DISCUSSION_JSON, d.id);
	s = db_stmt(db, STMT_DISCUSSION_CONCLUDE);
	sqlite3_bind_int64(s, 1, d.id);
	sqlite3_bind_text(s, 2, text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 4, req->staff->user_id);
	bool ok = db_run(s) == SQLITE_DONE && sqlite3_changes(db->conn) == 1;
	if (ok) {
		s = db_stmt(db, STMT_PROPOSAL_AUTHORS);
		sqlite3_bind_int64(s, 1, d.id);
		while (ok && (rc = sqlite3_step(s)) == SQLITE_ROW) {
			struct outbox_message m = {
				.dedup_key = arena_printf(req->arena, "proposal:%lld:conclusion",
							  sqlite3_column_int64(s, 0)),
				.channel = OUTBOX_MAIL,
				.recipient = db_text(req->arena, s, 1),
				.subject = "Итоги обсуждения проекта: ваше предложение",
				.body = arena_printf(
					req->arena,
					"Опубликовано заключение о результатах обсуждения проекта %s.\n\n"
					"Ваше предложение:\n%s\n\nИтог: %s.\nОбоснование: %s\n\n"
					"Заключение: %s/discussions/%lld\n\n--\n%s\n",
					ru_quoted(req->arena, d.title), db_text(req->arena, s, 4),
					discussion_outcome_label(db_text(req->arena, s, 2)),
					db_text(req->arena, s, 3), req->worker->cfg->site_url, d.id,
					signature(req)),
				.purpose = "notice",
			};
			ok = outbox_add(db, &m, req->now) >= 0;
		}
		if (ok && rc != SQLITE_DONE)
			ok = false;
		db_done(s);
	}
	return staff_commit(req, ok, "conclude", "discussion", d.id, before, STMT_DISCUSSION_JSON,
			    arena_printf(req->arena, "/admin/discussions/%lld", d.id));
}
