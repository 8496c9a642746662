/* page_admin_discussions.c — staff side of public discussions of drafts (issue 20): putting a
 * draft up for discussion, moderating residents' proposals (publish, or refuse with a reason
 * mailed to the author), the outcome of each proposal and the conclusion, mailed to every
 * author. Roles: DISCUSSION_WRITERS; every change audited in its transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "db_discussion.h"
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
	struct discussion_row *list;
	size_t n;
	if (db_discussion_list(&req->worker->db, req->arena, scope_bind_value(req), &list, &n) < 0)
		return HTTP_INTERNAL_ERROR;
	for (size_t i = 0; i < n; i++) {
		const struct discussion_row *r = &list[i];
		tpl_dict *row = tpl_section_add(d, "DISCUSSION");
		struct civil_date from, to;
		civil_date_parse(r->opens_on, &from);
		civil_date_parse(r->closes_on, &to);
		tpl_set_int(row, "ID", r->id);
		tpl_set(row, "TITLE", r->title);
		tpl_set(row, "PERIOD", arena_printf(req->arena, "%s — %s", page_date_words(req, from),
						    page_date_words(req, to)));
		tpl_set(row, "STATE", r->concluded ? "заключение опубликовано" : "");
		tpl_set_int(row, "PUBLISHED", r->published);
		tpl_set_int(row, "PENDING", r->pending);
	}
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
	struct hearing_option *hearings;
	size_t hearing_count;
	if (db_hearing_options(&req->worker->db, req->arena, &hearings, &hearing_count) < 0)
		return HTTP_INTERNAL_ERROR;
	for (size_t i = 0; i < hearing_count; i++) {
		tpl_dict *o = tpl_section_add(f, "MEETING_OPTION");
		tpl_set_int(o, "ID", hearings[i].id);
		struct tm tm;
		char when[64];
		tz_utc_to_local(hearings[i].starts_at, &tm);
		ru_format_datetime(when, sizeof when, &tm);
		tpl_set(o, "NAME", arena_printf(req->arena, "%s, %s", hearings[i].title, when));
		if (hearings[i].id == meeting)
			tpl_section_show(o, "SELECTED");
	}
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

/* 1 when id is a public hearing that may be chosen (STMT_HEARING_OPTIONS), 0 when not, -1 on
 * a database error. */
static int hearing_known(struct request *req, long long id)
{
	struct hearing_option *hearings;
	size_t count;
	if (db_hearing_options(&req->worker->db, req->arena, &hearings, &count) < 0)
		return -1;
	for (size_t i = 0; i < count; i++)
		if (hearings[i].id == id)
			return 1;
	return 0;
}

/* staff_action page of a new discussion: the list and the form again, the input kept. */
static enum http_status list_refused(struct request *req, enum http_status status)
{
	return list_page(req, status, true);
}

/* A new discussion (staff_action): nothing to load, refused to the list. */
static const struct staff_action discussion_create = {"discussion", STMT_DISCUSSION_JSON,
						      staff_action_no_target, list_refused};

/* The checks of a new discussion's form that need the database (the hearing, the audience),
 * each error beside its field. 0, or -1 on a database error. */
static int check_draft(struct request *req, bool hearing)
{
	if (hearing && req->field[FIELD_MEETING].state != FIELD_VALID) {
		page_reject(req, FIELD_MEETING, "для публичных слушаний выберите встречу");
	} else if (hearing) {
		int known = hearing_known(req, req->field[FIELD_MEETING].number);
		if (known < 0)
			return -1;
		if (!known)
			page_reject(req, FIELD_MEETING, "такой встречи-слушаний нет");
	}
	return staff_audience_check(req);
}

/* Insert the new discussion of the form with its reference groups and files (stored already):
 * its id, 0 when a statement failed. */
static long long insert_draft(struct request *req, bool hearing, const struct draft_file *files,
			      size_t file_count)
{
	struct db *db = &req->worker->db;
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
	if (db_run(s) != SQLITE_DONE)
		return 0;
	long long id = sqlite3_last_insert_rowid(db->conn);
	const struct field_value *chosen = &req->field[FIELD_REFERENCE_GROUP];
	for (size_t k = 0; k < chosen->id_count; k++) {
		s = db_stmt(db, STMT_DISCUSSION_GROUP_ADD);
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, chosen->ids[k]);
		if (db_run(s) != SQLITE_DONE)
			return 0;
	}
	for (size_t i = 0; i < file_count; i++) {
		s = db_stmt(db, STMT_DISCUSSION_FILE_ADD);
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_text(s, 2, files[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, files[i].mime, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 4, (sqlite3_int64)files[i].size);
		sqlite3_bind_text(s, 5, files[i].sha, -1, SQLITE_STATIC);
		if (db_run(s) != SQLITE_DONE)
			return 0;
	}
	return id;
}

/* POST /admin/discussions (title, unit, body, form, meeting, territory, reference_group…,
 * opens_on, closes_on, attachment…, csrf; urlencoded or multipart) — put a draft up for
 * discussion. 303 to its staff page; 422 with the errors beside the fields and the input kept:
 * the period ends before it begins or has ended, a hearing without a public hearing meeting, an
 * unknown territory or reference group, a file that is not PDF, ODT or DOCX by its content. The
 * opening is announced by the notifier (rule_discussion_openings) once the period begins. */
enum http_status page_admin_discussion_create(struct request *req)
{
	const char *form = page_field_text(req, FIELD_DISCUSSION_FORM);
	bool hearing = strcmp(form, "hearing") == 0;
	if (req->field[FIELD_DISCUSSION_FORM].state == FIELD_VALID && !hearing &&
	    strcmp(form, "online") != 0)
		page_reject(req, FIELD_DISCUSSION_FORM, "выберите форму обсуждения");
	if (req->field[FIELD_OPENS_ON].state == FIELD_VALID &&
	    req->field[FIELD_CLOSES_ON].state == FIELD_VALID &&
	    civil_date_compare(req->field[FIELD_CLOSES_ON].date, req->field[FIELD_OPENS_ON].date) < 0)
		page_reject(req, FIELD_CLOSES_ON, "обсуждение не может закончиться раньше, чем начнётся");
	else if (req->field[FIELD_CLOSES_ON].state == FIELD_VALID &&
		 civil_date_compare(req->field[FIELD_CLOSES_ON].date, tz_local_date(req->now)) < 0)
		page_reject(req, FIELD_CLOSES_ON, "дата окончания уже прошла");
	struct draft_file files[DRAFT_MAX_FILES];
	size_t file_count = check_files(req, files);
	enum http_status status;
	if (!staff_action_begin(req, &discussion_create, NULL, &status))
		return status;
	if (check_draft(req, hearing) < 0)
		return staff_action_fail(req);
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &discussion_create, NULL);
	/* The files are on disk before the transaction that names them commits. */
	for (size_t i = 0; i < file_count; i++)
		if (upload_store(req->worker->cfg->uploads_dir, files[i].data, files[i].size,
				 files[i].sha) < 0) {
			fprintf(stderr, "rid=%s storing a draft's file: %m\n", req->id);
			return staff_action_fail(req);
		}
	long long id = insert_draft(req, hearing, files, file_count);
	return staff_action_finish(req, &discussion_create, id > 0, "create", id, NULL,
				   arena_printf(req->arena, "/admin/discussions/%lld", id));
}

/* One proposal on the staff page of discussion d: its state and the actions that fit it. */
static void set_proposal(struct request *req, tpl_dict *t, const struct discussion *d,
			 const struct proposal_row *r)
{
	tpl_dict *row = tpl_section_add(t, "PROPOSAL");
	tpl_set_int(row, "ID", r->id);
	tpl_set(row, "POINT", r->point[0] ? r->point : "проект в целом");
	tpl_set(row, "TEXT", r->text);
	tpl_set(row, "AUTHOR", discussion_author(req, r->author, r->show_as));
	page_set_datetime(row, "CREATED", r->created_at);
	if (strcmp(r->status, "pending") == 0) {
		tpl_section_show(row, "PENDING");
		return;
	}
	if (strcmp(r->status, "refused") == 0) {
		tpl_set(tpl_section_add(row, "REFUSED"), "REASON", r->refusal_reason);
		return;
	}
	tpl_dict *p = tpl_section_add(row, "PUBLISHED");
	if (r->outcome[0])
		tpl_set(tpl_section_add(p, "OUTCOME"), "LABEL", discussion_outcome_label(r->outcome));
	tpl_set(p, "OUTCOME_REASON", r->outcome_reason);
	if (d->concluded)
		return;
	tpl_dict *f = tpl_section_add(p, "OUTCOME_FORM");
	tpl_set_int(f, "ID", r->id);
	tpl_set(f, "REASON", r->outcome_reason);
	static const char *const codes[] = {"accepted", "partial", "rejected"};
	for (int i = 0; i < 3; i++) {
		tpl_dict *o = tpl_section_add(f, "OPTION");
		tpl_set(o, "CODE", codes[i]);
		tpl_set(o, "LABEL", discussion_outcome_label(codes[i]));
		if (strcmp(r->outcome, codes[i]) == 0)
			tpl_section_show(o, "SELECTED");
	}
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
	struct proposal_row *list;
	size_t n;
	if (db_proposal_list(&req->worker->db, req->arena, d->id, &list, &n) < 0)
		return HTTP_INTERNAL_ERROR;
	for (size_t i = 0; i < n; i++)
		set_proposal(req, t, d, &list[i]);
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

/* A proposal with its discussion: the target of moderation and of its outcome. */
struct proposal_target {
	struct proposal_detail p;
	struct discussion d;
};

/* Load proposal id and its discussion. 0, 1 when either is unknown, -1 on a database error. */
static int load_proposal(struct request *req, long long id, struct proposal_target *t)
{
	int rc = db_proposal_get(&req->worker->db, req->arena, id, &t->p);
	if (rc != 0)
		return rc;
	return discussion_load(req, t->p.discussion_id, &t->d);
}

/* staff_action load: the proposal of the path and its discussion. */
static int load_proposal_target(struct request *req, void *target)
{
	return load_proposal(req, req->path_id, target);
}

/* staff_action page: the proposal's discussion again, req->error_detail above it. */
static enum http_status proposal_refused(struct request *req, enum http_status status)
{
	struct proposal_target t;
	int rc = load_proposal(req, req->path_id, &t);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return discussion_page(req, &t.d, status, req->error_detail);
}

/* Moderation and outcome of one proposal (staff_action): refused to its discussion's page. */
static const struct staff_action proposal_action = {"discussion_proposal", STMT_PROPOSAL_JSON,
						    load_proposal_target, proposal_refused};

/* Where a proposal's action leads: its place on its discussion's staff page. */
static const char *proposal_href(struct request *req, const struct proposal_target *t)
{
	return arena_printf(req->arena, "/admin/discussions/%lld#proposal-%lld", t->d.id,
			    t->p.id);
}

/* Queue the mail that tells the author of proposal t why it was refused. 0, or -1. */
static int mail_refusal(struct request *req, const struct proposal_target *t, const char *reason)
{
	/* A participant of a reference group has no account: their personal link takes them
	 * back to the form; a resident signs in from the discussion's page. */
	const char *site = req->worker->cfg->site_url;
	const char *again =
		t->p.link_token[0]
			? arena_printf(req->arena, "%s/discussions/link?token=%s", site,
				       t->p.link_token)
			: arena_printf(req->arena, "%s/discussions/%lld", site, t->d.id);
	struct outbox_message m = {
		.dedup_key = arena_printf(req->arena, "proposal:%lld:refused", t->p.id),
		.channel = OUTBOX_MAIL,
		.recipient = t->p.email,
		.subject = "Ваше предложение не опубликовано",
		.body = arena_printf(
			req->arena,
			"Ваше предложение к проекту %s не опубликовано на сайте.\n\n"
			"Причина: %s\n\nТекст предложения:\n%s\n\n"
			"Вы можете направить новое предложение до %s: %s\n\n--\n%s\n",
			ru_quoted(req->arena, t->d.title), reason, t->p.text,
			page_date_words(req, t->d.closes_on), again, signature(req)),
		.purpose = "notice",
	};
	return outbox_add(&req->worker->db, &m, req->now) >= 0 ? 0 : -1;
}

/* Publish or refuse a pending proposal; a refusal is mailed to the author with the reason. */
static enum http_status moderate(struct request *req, bool publish)
{
	struct proposal_target t;
	enum http_status status;
	if (!staff_action_begin(req, &proposal_action, &t, &status))
		return status;
	const char *reason = page_field_text(req, FIELD_REASON);
	if (strcmp(t.p.status, "pending") != 0)
		return staff_action_refuse(req, &proposal_action, "Это предложение уже проверено.");
	if (!publish && reason[0] == '\0')
		return staff_action_refuse(
			req, &proposal_action,
			"Укажите причину отказа в публикации: её сообщат автору.");
	struct db *db = &req->worker->db;
	json_t *before = staff_json(req, STMT_PROPOSAL_JSON, t.p.id);
	sqlite3_stmt *s = db_stmt(db, STMT_PROPOSAL_MODERATE);
	sqlite3_bind_int64(s, 1, t.p.id);
	sqlite3_bind_text(s, 2, publish ? "published" : "refused", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, publish ? "" : reason, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 5, req->staff->user_id);
	bool ok = db_run(s) == SQLITE_DONE && sqlite3_changes(db->conn) == 1;
	if (ok && !publish && t.p.email[0])
		ok = mail_refusal(req, &t, reason) == 0;
	return staff_action_finish(req, &proposal_action, ok, publish ? "publish" : "refuse",
				   t.p.id, before, proposal_href(req, &t));
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
	struct proposal_target t;
	enum http_status status;
	if (!staff_action_begin(req, &proposal_action, &t, &status))
		return status;
	const char *outcome = page_field_text(req, FIELD_OUTCOME);
	const char *reason = page_field_text(req, FIELD_REASON);
	if (discussion_outcome_label(outcome)[0] == '\0')
		return staff_action_refuse(req, &proposal_action,
					   "Выберите итог: учтено, учтено частично или отклонено.");
	if (reason[0] == '\0')
		return staff_action_refuse(req, &proposal_action,
					   "Укажите обоснование итога по предложению.");
	if (strcmp(t.p.status, "published") != 0 || t.d.concluded)
		return staff_action_refuse(
			req, &proposal_action,
			"Итог ставится только опубликованному предложению до заключения.");
	struct db *db = &req->worker->db;
	json_t *before = staff_json(req, STMT_PROPOSAL_JSON, t.p.id);
	sqlite3_stmt *s = db_stmt(db, STMT_PROPOSAL_OUTCOME);
	sqlite3_bind_int64(s, 1, t.p.id);
	sqlite3_bind_text(s, 2, outcome, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, reason, -1, SQLITE_STATIC);
	bool ok = db_run(s) == SQLITE_DONE && sqlite3_changes(db->conn) == 1;
	return staff_action_finish(req, &proposal_action, ok, "outcome", t.p.id, before,
				   proposal_href(req, &t));
}

/* staff_action load: the discussion of the path. */
static int load_discussion(struct request *req, void *target)
{
	return discussion_load(req, req->path_id, target);
}

/* staff_action page: the discussion's page again, req->error_detail above it. */
static enum http_status discussion_refused(struct request *req, enum http_status status)
{
	struct discussion d;
	int rc = discussion_load(req, req->path_id, &d);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return discussion_page(req, &d, status, req->error_detail);
}

/* The conclusion of one discussion (staff_action): refused to its page. */
static const struct staff_action conclude_action = {"discussion", STMT_DISCUSSION_JSON,
						    load_discussion, discussion_refused};

/* Why discussion d cannot be concluded now with text, or NULL when it can; *error set on a
 * database error. */
static const char *conclusion_refusal(struct request *req, const struct discussion *d,
				      const char *text, bool *error)
{
	*error = false;
	if (d->concluded)
		return "Заключение уже опубликовано.";
	if (d->state != DISCUSSION_CLOSED)
		return arena_printf(req->arena,
				    "Заключение пишется после окончания обсуждения (%s).",
				    page_date_words(req, d->closes_on));
	long long pending, undecided;
	if (db_discussion_open_items(&req->worker->db, d->id, &pending, &undecided) < 0) {
		*error = true;
		return NULL;
	}
	if (pending > 0)
		return arena_printf(req->arena, "Сначала проверьте %lld %s.", pending,
				    ru_plural((long)pending, "предложение", "предложения",
					      "предложений"));
	if (undecided > 0)
		return arena_printf(req->arena, "Укажите итог по %lld %s.", undecided,
				    ru_plural((long)undecided, "опубликованному предложению",
					      "опубликованным предложениям",
					      "опубликованным предложениям"));
	if (text[0] == '\0')
		return "Напишите текст заключения.";
	return NULL;
}

/* Queue the conclusion's mail to each author of a published proposal of d with an address:
 * its outcome and reason. 0, or -1 on an error. */
static int mail_conclusion(struct request *req, const struct discussion *d)
{
	struct proposal_author *authors;
	size_t count;
	if (db_proposal_authors(&req->worker->db, req->arena, d->id, &authors, &count) < 0)
		return -1;
	for (size_t i = 0; i < count; i++) {
		const struct proposal_author *a = &authors[i];
		struct outbox_message m = {
			.dedup_key = arena_printf(req->arena, "proposal:%lld:conclusion", a->id),
			.channel = OUTBOX_MAIL,
			.recipient = a->email,
			.subject = "Итоги обсуждения проекта: ваше предложение",
			.body = arena_printf(
				req->arena,
				"Опубликовано заключение о результатах обсуждения проекта %s.\n\n"
				"Ваше предложение:\n%s\n\nИтог: %s.\nОбоснование: %s\n\n"
				"Заключение: %s/discussions/%lld\n\n--\n%s\n",
				ru_quoted(req->arena, d->title), a->text,
				discussion_outcome_label(a->outcome), a->outcome_reason,
				req->worker->cfg->site_url, d->id, signature(req)),
			.purpose = "notice",
		};
		if (outbox_add(&req->worker->db, &m, req->now) < 0)
			return -1;
	}
	return 0;
}

/* POST /admin/discussions/ID/conclude (conclusion, csrf) — publish the conclusion on the
 * results and mail each author of a published proposal its outcome and reason. 422 before the
 * period is over, while a proposal waits for moderation or a published one has no outcome,
 * without a text, or when concluded already. */
enum http_status page_admin_discussion_conclude(struct request *req)
{
	struct discussion d;
	enum http_status status;
	if (!staff_action_begin(req, &conclude_action, &d, &status))
		return status;
	const char *text = page_field_text(req, FIELD_CONCLUSION);
	bool error;
	const char *why = conclusion_refusal(req, &d, text, &error);
	if (error)
		return staff_action_fail(req);
	if (why != NULL)
		return staff_action_refuse(req, &conclude_action, why);
	struct db *db = &req->worker->db;
	json_t *before = staff_json(req, STMT_DISCUSSION_JSON, d.id);
	sqlite3_stmt *s = db_stmt(db, STMT_DISCUSSION_CONCLUDE);
	sqlite3_bind_int64(s, 1, d.id);
	sqlite3_bind_text(s, 2, text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 4, req->staff->user_id);
	bool ok = db_run(s) == SQLITE_DONE && sqlite3_changes(db->conn) == 1;
	if (ok)
		ok = mail_conclusion(req, &d) == 0;
	return staff_action_finish(req, &conclude_action, ok, "conclude", d.id, before,
				   arena_printf(req->arena, "/admin/discussions/%lld", d.id));
}
