/* page_appeals.c — appeals for residents (59-ФЗ): the form /appeals/new, POST /appeals (stored
 * with its registration number in one transaction, appeal.c), the receipt with the number and the
 * private code shown once, and /appeals/status where the applicant follows the appeal with both.
 * No personal data is ever shown on these pages, not even the applicant's own. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "appeal.h"
#include "upload.h"
#include "auth.h"
#include "civil_time.h"
#include "db_account.h"
#include "db_meeting.h"
#include "db_municipality.h"
#include "db_reference.h"
#include "page.h"
#include "params.h"
#include "pages.h"
#include "resident.h"
#include "ru.h"
#include "site_scope.h"
#include "worker.h"

/* Files one appeal may carry; their total size is [limits] max_upload_bytes (nginx and the
 * request reader refuse a larger body with 413). */
#define APPEAL_MAX_FILES 5

/* A checked attachment, stored on disk before the appeal's transaction. */
struct attachment {
	const char *file_name, *mime;
	const char *data;
	size_t size;
	char sha256[UPLOAD_NAME_SIZE];
};

/* The receipt travels from POST /appeals to /appeals/received in a cookie read once. */
#define RECEIPT_COOKIE "appeal_receipt"
#define RECEIPT_PATH "/appeals/received"

static const char *const addressees[][2] = {
	{"head", "Главе поселения"},
	{"administration", "В администрацию поселения"},
	{"unit", "В подразделение администрации"},
};

static bool addressee_known(const char *code)
{
	for (size_t i = 0; i < sizeof addressees / sizeof addressees[0]; i++)
		if (strcmp(addressees[i][0], code) == 0)
			return true;
	return false;
}

/* The text fields of the form a draft keeps and a resident's data fills. */
static const enum field draft_fields[] = {
	FIELD_ADDRESSEE, FIELD_ADDRESSEE_UNIT, FIELD_SURNAME,   FIELD_GIVEN_NAME,
	FIELD_PATRONYMIC, FIELD_EMAIL,         FIELD_POSTAL_ADDRESS, FIELD_PHONE,
	FIELD_TERRITORY, FIELD_APPEAL_TOPIC,   FIELD_APPEAL_TEXT, FIELD_MUNICIPALITY,
};
#define DRAFT_COOKIE "appeal_draft"
#define DRAFT_SECONDS 86400

/* Set field f of the request as if it had been sent with value (a restored draft, the
 * resident's data). */
static void set_field(struct request *req, enum field f, const char *value)
{
	struct field_value *v = &req->field[f];
	v->state = value[0] ? FIELD_VALID : FIELD_ABSENT;
	v->raw = value;
	v->text = value;
	bool id = f == FIELD_TERRITORY || f == FIELD_MUNICIPALITY;
	v->number = id ? strtoll(value, NULL, 10) : 0;
	if (id && v->number <= 0)
		v->state = FIELD_ABSENT;
}

/* The resident's own data that the form may not change: what the provider confirmed (a
 * trusted ЕСИА account), and the address a one-time code proved. "" when the field is free. */
static const char *locked_value(const struct resident *r, enum field f)
{
	if (r == NULL)
		return "";
	bool esia = strcmp(r->method, "esia") == 0 && r->confirmed;
	switch (f) {
	case FIELD_SURNAME:
		return esia ? r->surname : "";
	case FIELD_GIVEN_NAME:
		return esia ? r->name : "";
	case FIELD_PATRONYMIC:
		return esia ? r->patronymic : "";
	case FIELD_EMAIL:
		return esia || strcmp(r->method, "email") == 0 ? r->email : "";
	case FIELD_PHONE:
		return esia ? r->phone : "";
	case FIELD_POSTAL_ADDRESS:
		return esia ? r->address : "";
	default:
		return "";
	}
}

/* Keep what was typed (text fields only; files cannot be kept) under a random token in a
 * cookie limited to /appeals, for the form to restore after signing in. 0 or -1. */
static int save_draft(struct request *req)
{
	json_t *o = json_object();
	for (size_t i = 0; i < sizeof draft_fields / sizeof draft_fields[0]; i++) {
		const struct field_value *v = &req->field[draft_fields[i]];
		if (v->raw != NULL)
			json_object_set_new(o, field_specs[draft_fields[i]].name, json_string(v->raw));
	}
	char *text = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	if (text == NULL)
		return -1;
	const char *token = resident_random_token(req->arena);
	unsigned char hash[32];
	resident_token_hash(token, hash);
	struct db *db = &req->worker->db;
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_DRAFT_PUT);
	sqlite3_bind_blob(s, 1, hash, sizeof hash, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)req->now);
	int rc = db_run(s);
	free(text);
	if (rc != SQLITE_DONE) {
		db_log_error(db, "appeal draft");
		return -1;
	}
	response_header(req, "Set-Cookie",
			arena_printf(req->arena, "%s=%s; Max-Age=%d; %s", DRAFT_COOKIE, token,
				     DRAFT_SECONDS, resident_cookie_attributes(req, "/appeals")));
	return 0;
}

/* The draft named by the cookie, taken once into the request's fields. True when there was
 * one. */
static bool restore_draft(struct request *req)
{
	const struct param *cookie = params_find(&req->cookies, DRAFT_COOKIE);
	if (cookie == NULL || cookie->value_len < 20 || cookie->value_len > 100)
		return false;
	unsigned char hash[32];
	resident_token_hash(cookie->value, hash);
	const char *text;
	db_appeal_draft_take(&req->worker->db, req->arena, hash, req->now - DRAFT_SECONDS, &text);
	response_header(req, "Set-Cookie",
			arena_printf(req->arena, "%s=; Max-Age=0; %s", DRAFT_COOKIE,
				     resident_cookie_attributes(req, "/appeals")));
	if (text == NULL)
		return false;
	json_error_t error;
	json_t *o = json_loads(text, 0, &error);
	if (o == NULL)
		return false;
	for (size_t i = 0; i < sizeof draft_fields / sizeof draft_fields[0]; i++) {
		const char *v = json_string_value(json_object_get(o, field_specs[draft_fields[i]].name));
		if (v != NULL)
			set_field(req, draft_fields[i], arena_strdup(req->arena, v));
	}
	json_decref(o);
	return true;
}

static enum http_status form_page(struct request *req, enum http_status status)
{
	const struct config *cfg = req->worker->cfg;
	const struct resident *r = req->resident;
	bool restored = req->method != METHOD_POST && restore_draft(req);
	if (r != NULL && req->method != METHOD_POST) {
		/* The resident's data where the form has nothing yet. */
		const char *mine[][2] = {{r->surname, ""}, {r->name, ""}, {r->patronymic, ""},
					 {r->email, ""}, {r->phone, ""}, {r->address, ""}};
		const enum field fields[] = {FIELD_SURNAME, FIELD_GIVEN_NAME, FIELD_PATRONYMIC,
					     FIELD_EMAIL, FIELD_PHONE, FIELD_POSTAL_ADDRESS};
		for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
			if (req->field[fields[i]].raw == NULL && mine[i][0][0])
				set_field(req, fields[i], mine[i][0]);
	}
	tpl_dict *d = page_begin(req, "appeal_new.tpl", "Обращение в администрацию", NAV_APPEALS);
	page_form_fields(req, d);
	if (req->method != METHOD_POST)
		for (size_t i = 0; i < sizeof draft_fields / sizeof draft_fields[0]; i++)
			if (req->field[draft_fields[i]].raw != NULL)
				tpl_set(d, field_specs[draft_fields[i]].name,
					req->field[draft_fields[i]].raw);
	for (size_t i = 0; i < sizeof draft_fields / sizeof draft_fields[0]; i++) {
		const char *locked = locked_value(r, draft_fields[i]);
		if (locked[0] == '\0')
			continue;
		tpl_set(d, field_specs[draft_fields[i]].name, locked);
		tpl_section_show(d, arena_printf(req->arena, "%s_locked",
						 field_specs[draft_fields[i]].name));
	}
	if (restored)
		tpl_section_show(d, "DRAFT_RESTORED");
	if (r != NULL) {
		tpl_dict *who = tpl_section_add(d, "SIGNED_IN");
		tpl_set(who, "HOW", strcmp(r->method, "esia") == 0
					    ? (r->confirmed ? "через Госуслуги; данные, подтверждённые "
							      "Госуслугами, изменить нельзя"
							    : "через Госуслуги")
					    : "с кодом, отправленным на электронную почту");
		tpl_set(d, "CSRF_TOKEN", r->csrf);
		tpl_section_show(d, "CSRF_FIELD");
	} else if (cfg->appeal_identification != APPEAL_IDENTIFICATION_NONE) {
		tpl_dict *n = tpl_section_add(d, "SIGN_IN_NEEDED");
		tpl_set(n, "WAYS", cfg->appeal_identification == APPEAL_IDENTIFICATION_ESIA
					   ? "через Госуслуги"
					   : "через Госуслуги или с кодом, который придёт на вашу "
					     "электронную почту");
	}
	const char *chosen = page_field_text(req, FIELD_ADDRESSEE);
	for (size_t i = 0; i < sizeof addressees / sizeof addressees[0]; i++) {
		tpl_dict *o = tpl_section_add(d, "ADDRESSEE_OPTION");
		tpl_set(o, "VALUE", addressees[i][0]);
		tpl_set(o, "LABEL", addressees[i][1]);
		if (strcmp(chosen, addressees[i][0]) == 0)
			tpl_section_show(o, "SELECTED");
	}
	/* The body: asked only when the portal serves more than one municipality (issue 18). */
	if (page_municipality_field(req, d, true) < 0)
		return HTTP_INTERNAL_ERROR;
	long long territory = req->field[FIELD_TERRITORY].state == FIELD_VALID
				      ? req->field[FIELD_TERRITORY].number
				      : 0;
	if (req->method == METHOD_GET && req->field[FIELD_MEETING].state == FIELD_VALID) {
		/* A question to an upcoming meeting, sent in advance: the text opens with the
		 * meeting, the territory is the meeting's. */
		struct meeting_detail m;
		long long id = req->field[FIELD_MEETING].number;
		int rc = db_meeting_get(&req->worker->db, req->arena, id, &m);
		if (rc < 0)
			return HTTP_INTERNAL_ERROR;
		if (rc == 0 && strcmp(m.summary.status, "cancelled") != 0 &&
		    m.summary.ends_at >= req->now) {
			struct tm tm;
			char when[64];
			tz_utc_to_local(m.summary.starts_at, &tm);
			ru_format_date(when, sizeof when, &tm);
			tpl_set(d, "text", arena_printf(req->arena, "Вопрос к встрече %s (%s):\n",
							ru_quoted(req->arena, m.summary.title),
							when));
			tpl_dict *q = tpl_section_add(d, "FOR_MEETING");
			tpl_set_int(q, "ID", id);
			tpl_set(q, "TITLE", ru_quoted(req->arena, m.summary.title));
			tpl_set(q, "WHEN", when);
			if (db_meeting_territory(&req->worker->db, id, &territory) < 0)
				return HTTP_INTERNAL_ERROR;
		}
	}
	if (page_territory_options(req, d, "TERRITORY_OPTION", territory, NULL, NULL) < 0)
		return HTTP_INTERNAL_ERROR;
	if (page_topic_options(req, d, "TOPIC_OPTION", page_field_text(req, FIELD_APPEAL_TOPIC)) < 0)
		return HTTP_INTERNAL_ERROR;
	if (status != HTTP_OK)
		tpl_section_show(d, "FILES_AGAIN");
	tpl_set_int(d, "TEXT_MAX", field_specs[FIELD_APPEAL_TEXT].max);
	tpl_set_int(d, "MAX_FILES", APPEAL_MAX_FILES);
	tpl_set(d, "FILE_TYPES", upload_allowed_types_ru);
	tpl_set_int(d, "MAX_UPLOAD_MB", req->worker->cfg->max_upload_bytes / (1024 * 1024));
	return page_end(req, status);
}

/* GET /appeals/new[?meeting=ID][&municipality=ID] — the form, with what 59-ФЗ asks of an appeal;
 * with an upcoming public meeting, a question to it sent in advance (its text opens with the
 * meeting); with a municipality, that body chosen (the choice is offered only when the portal
 * serves several). 200. */
enum http_status page_appeal_new(struct request *req)
{
	return form_page(req, HTTP_OK);
}

/* GET /appeals — where «Обращения» in the menu leads: a new appeal, the follow-up of one sent
 * (number and code), the published answers. 200. */
enum http_status page_appeals_index(struct request *req)
{
	page_begin(req, "appeals.tpl", "Обращения граждан", NAV_APPEALS);
	return page_end(req, HTTP_OK);
}

/* The checks the field table cannot make: an address to answer to (59-ФЗ art. 7), the consent,
 * known choices. */
static void check_appeal(struct request *req)
{
	const struct field_value *v = req->field;
	if (v[FIELD_EMAIL].state != FIELD_VALID && v[FIELD_POSTAL_ADDRESS].state != FIELD_VALID &&
	    v[FIELD_EMAIL].state != FIELD_INVALID && v[FIELD_POSTAL_ADDRESS].state != FIELD_INVALID)
		page_reject(req, FIELD_EMAIL,
			    "укажите электронную почту или почтовый адрес: без них ответ отправить "
			    "некуда");
	/* No consent is asked: processing the applicant's data to consider the appeal is what
	 * 59-ФЗ requires (152-ФЗ art. 6 part 1 item 2); the form shows a notice instead. */
	if (v[FIELD_ADDRESSEE].state == FIELD_VALID && !addressee_known(v[FIELD_ADDRESSEE].text))
		page_reject(req, FIELD_ADDRESSEE, "выберите из списка");
	if (v[FIELD_ADDRESSEE].state == FIELD_VALID &&
	    strcmp(v[FIELD_ADDRESSEE].text, "unit") == 0 &&
	    v[FIELD_ADDRESSEE_UNIT].state != FIELD_VALID)
		page_reject(req, FIELD_ADDRESSEE_UNIT, "укажите подразделение");
	if (v[FIELD_APPEAL_TOPIC].state == FIELD_VALID &&
	    !page_topic_known(req, v[FIELD_APPEAL_TOPIC].text))
		page_reject(req, FIELD_APPEAL_TOPIC, "выберите из списка");
	if (v[FIELD_MUNICIPALITY].state == FIELD_VALID) {
		struct municipality_item *list;
		size_t count;
		if (db_municipality_list(&req->worker->db, req->arena, &list, &count) < 0 ||
		    db_municipality_find(list, count, v[FIELD_MUNICIPALITY].number) == NULL)
			page_reject(req, FIELD_MUNICIPALITY, "выберите из списка");
	}
	if (v[FIELD_TERRITORY].state == FIELD_VALID) {
		/* One row by its key: this runs on every appeal (make bench). */
		if (db_territory_exists(&req->worker->db, v[FIELD_TERRITORY].number) != 1)
			page_reject(req, FIELD_TERRITORY, "выберите из списка");
	}
}

/* POST /appeals (addressee, addressee_unit, surname, name, patronymic, email, address, phone,
 * territory, municipality, text, consent; website must stay empty) — store the appeal with its
 * number in the registry of the body addressed (appeal.h) and answer 303 to the receipt, which shows the number and the private code once. 422 with the
 * errors beside the fields and the input kept. A filled honeypot gets the same 303 and stores
 * nothing. */
/* The files of the form, checked by content; errors go beside the file field. */
static size_t check_files(struct request *req, struct attachment *out)
{
	size_t n = 0;
	for (size_t i = 0; i < req->file_count; i++) {
		const struct multipart_part *f = &req->files[i];
		if (strcmp(f->name, "attachment") != 0)
			continue;
		if (n == APPEAL_MAX_FILES) {
			page_reject(req, FIELD_ATTACHMENT,
				    arena_printf(req->arena, "можно приложить не больше %d файлов",
						 APPEAL_MAX_FILES));
			return n;
		}
		const char *mime, *error;
		if (upload_check(f->data, f->size, &mime, &error) < 0) {
			page_reject(req, FIELD_ATTACHMENT,
				    arena_printf(req->arena, "«%s»: %s", f->filename, error));
			continue;
		}
		/* The extension comes from the type found in the content, never from the client. */
		size_t name_size = strlen(f->filename) + 16;
		char *name = arena_alloc(req->arena, name_size);
		upload_safe_name(f->filename, mime, name, name_size);
		out[n++] = (struct attachment){name, mime, f->data, f->size, ""};
	}
	return n;
}

/* text with every byte but [A-Za-z0-9-] as %XX: a registration number with a Cyrillic body
 * code («БРЗ-2026-00012») in a cookie, whose values must be ASCII (RFC 6265). */
static const char *percent_encoded(struct arena *a, const char *text)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(text);
	char *out = arena_alloc(a, n * 3 + 1), *o = out;
	for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
		if ((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
		    *c == '-') {
			*o++ = (char)*c;
		} else {
			*o++ = '%';
			*o++ = hex[*c >> 4];
			*o++ = hex[*c & 15];
		}
	}
	*o = '\0';
	return out;
}

enum http_status page_appeal_create(struct request *req)
{
	const struct config *cfg = req->worker->cfg;
	const struct resident *r = req->resident;
	enum appeal_identification ident = cfg->appeal_identification;
	bool identified = ident == APPEAL_IDENTIFICATION_NONE ||
			  (r != NULL && (ident == APPEAL_IDENTIFICATION_ANY ||
					 strcmp(r->method, "esia") == 0));
	if (!identified) {
		/* 547-ФЗ: the site takes an appeal from a citizen it has identified. What was typed
		 * waits on the server for the sign-in. */
		struct db *db = &req->worker->db;
		if (db_begin(db) < 0 || save_draft(req) < 0 || db_commit(db) < 0) {
			db_rollback(db);
			return HTTP_INTERNAL_ERROR;
		}
		return response_redirect(req, ident == APPEAL_IDENTIFICATION_ESIA &&
						      cfg->oidc_issuer[0]
						  ? "/account/login/esia?return=/appeals/new"
						  : "/account/login?return=/appeals/new");
	}
	/* What the provider confirmed, or the address the code proved, is taken from the
	 * resident's record, never from the form. */
	for (size_t i = 0; i < sizeof draft_fields / sizeof draft_fields[0]; i++) {
		const char *locked = locked_value(r, draft_fields[i]);
		if (locked[0])
			set_field(req, draft_fields[i], locked);
	}
	check_appeal(req);
	struct attachment files[APPEAL_MAX_FILES];
	size_t file_count = check_files(req, files);
	if (req->invalid_fields > 0)
		return form_page(req, HTTP_UNPROCESSABLE);
	if (req->field[FIELD_HONEYPOT].state == FIELD_VALID)
		return response_redirect(req, RECEIPT_PATH);

	struct appeal_input in = {
		.source = "online",
		.addressee = page_field_text(req, FIELD_ADDRESSEE),
		.addressee_unit = page_field_text(req, FIELD_ADDRESSEE_UNIT),
		.surname = page_field_text(req, FIELD_SURNAME),
		.name = page_field_text(req, FIELD_GIVEN_NAME),
		.patronymic = page_field_text(req, FIELD_PATRONYMIC),
		.email = page_field_text(req, FIELD_EMAIL),
		.address = page_field_text(req, FIELD_POSTAL_ADDRESS),
		.phone = page_field_text(req, FIELD_PHONE),
		.territory_id = req->field[FIELD_TERRITORY].state == FIELD_VALID
					? req->field[FIELD_TERRITORY].number
					: 0,
		.municipality_id = req->field[FIELD_MUNICIPALITY].state == FIELD_VALID
					   ? req->field[FIELD_MUNICIPALITY].number
					   : 0,
		.topic_code = page_field_text(req, FIELD_APPEAL_TOPIC),
		.text = page_field_text(req, FIELD_APPEAL_TEXT),
		.consent = true,
		.received_at = req->now,
	};
	/* The files reach the disk before the transaction that names them (upload.h): a crash in
	 * between leaves an unreferenced file, never an appeal without its file. */
	for (size_t i = 0; i < file_count; i++)
		if (upload_store(req->worker->cfg->uploads_dir, files[i].data, files[i].size,
				 files[i].sha256) < 0) {
			fprintf(stderr, "appeals: cannot store a file in %s: %m\n",
				req->worker->cfg->uploads_dir);
			return HTTP_INTERNAL_ERROR;
		}
	struct db *db = &req->worker->db;
	struct appeal_created c;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	int rc = appeal_create(db, req->arena, req->worker->cfg, &in, req->now, &c);
	if (rc == 0) {
		/* How the author was authenticated, for the registry (547-ФЗ). */
		sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_SET_AUTHOR);
		sqlite3_bind_int64(s, 1, c.id);
		if (r != NULL)
			sqlite3_bind_int64(s, 2, r->id);
		sqlite3_bind_text(s, 3, r ? r->method : "none", -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 4, r != NULL && r->confirmed);
		if (db_run(s) != SQLITE_DONE)
			rc = -1;
	}
	for (size_t i = 0; rc == 0 && i < file_count; i++) {
		sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_FILE_ADD);
		sqlite3_bind_int64(s, 1, c.id);
		sqlite3_bind_text(s, 2, files[i].file_name, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, files[i].mime, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 4, (sqlite3_int64)files[i].size);
		sqlite3_bind_text(s, 5, files[i].sha256, -1, SQLITE_STATIC);
		if (db_run(s) != SQLITE_DONE)
			rc = -1;
	}
	if (rc < 0 || db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	response_header(req, "Set-Cookie",
			arena_printf(req->arena, "%s=%s~%s; Path=%s; Max-Age=900; HttpOnly; "
						 "SameSite=Lax%s",
				     RECEIPT_COOKIE, percent_encoded(req->arena, c.number), c.code,
				     RECEIPT_PATH,
				     req->https ? "; Secure" : ""));
	return response_redirect(req, RECEIPT_PATH);
}

/* GET /appeals/received — the number and the private code, once: the cookie that carried them
 * is cleared by this answer, which no one may cache. Without it (opened again, or cookies
 * off), where to find the number. */
enum http_status page_appeal_received(struct request *req)
{
	tpl_dict *d = page_begin(req, "appeal_received.tpl", "Обращение принято", NAV_APPEALS);
	response_header(req, "Cache-Control", "no-store");
	const struct param *p = params_find(&req->cookies, RECEIPT_COOKIE);
	const char *tilde = p ? memchr(p->value, '~', p->value_len) : NULL;
	struct param_list number;
	if (tilde != NULL && p->value_len < 96 &&
	    params_parse_urlencoded(req->arena,
				    arena_printf(req->arena, "n=%.*s", (int)(tilde - p->value),
						 p->value),
				    (size_t)(tilde - p->value) + 2, 1, &number) == PARAMS_OK &&
	    number.count == 1) {
		tpl_dict *r = tpl_section_add(d, "RECEIPT");
		tpl_set(r, "NUMBER", number.items[0].value);
		tpl_set(r, "CODE", arena_strndup(req->arena, tilde + 1,
						 p->value_len - (size_t)(tilde - p->value) - 1));
		response_header(req, "Set-Cookie",
				arena_printf(req->arena, "%s=; Path=%s; Max-Age=0; HttpOnly; "
							 "SameSite=Lax%s",
					     RECEIPT_COOKIE, RECEIPT_PATH,
					     req->https ? "; Secure" : ""));
	} else {
		tpl_section_show(d, "NO_RECEIPT");
	}
	if (req->resident != NULL)
		tpl_section_show(d, "SIGNED_IN");
	return page_end(req, HTTP_OK);
}

/* GET /appeals/status — the form: registration number and private code. */
enum http_status page_appeal_status_form(struct request *req)
{
	tpl_dict *d = page_begin(req, "appeal_status.tpl", "Как рассматривается обращение",
				 NAV_APPEALS);
	page_form_fields(req, d);
	tpl_section_show(d, "FORM");
	return page_end(req, HTTP_OK);
}


static const char *outcome_label(const char *outcome)
{
	static const char *const labels[][2] = {
		{"answered", "дан ответ по существу"},
		{"forwarded", "направлено в орган, в компетенцию которого входит решение вопросов"},
		{"no_address", "ответ не дан: не указаны фамилия или адрес (ст. 11 ч. 1 59-ФЗ)"},
		{"abusive", "оставлено без ответа по существу: нецензурные либо оскорбительные "
			    "выражения (ст. 11 ч. 3 59-ФЗ)"},
		{"unreadable", "ответ не дан: текст не поддаётся прочтению (ст. 11 ч. 4 59-ФЗ)"},
		{"repeated", "переписка прекращена: повторное обращение без новых доводов (ст. 11 "
			     "ч. 5 59-ФЗ)"},
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i][0], outcome) == 0)
			return labels[i][1];
	return outcome;
}

static void set_iso_date(struct request *req, tpl_dict *d, const char *key, const char *iso)
{
	struct civil_date date;
	if (!civil_date_parse(iso, &date))
		return;
	struct tm tm = {.tm_year = date.year - 1900, .tm_mon = date.month - 1, .tm_mday = date.day};
	char text[64];
	ru_format_date(text, sizeof text, &tm);
	tpl_set(d, key, arena_strdup(req->arena, text));
	tpl_set(d, arena_printf(req->arena, "%s_ISO", key), iso);
}

void appeal_course_fill(struct request *req, tpl_dict *d, const struct appeal_course *c)
{
	if (c->extended) {
		tpl_dict *e = tpl_section_add(d, "EXTENDED");
		tpl_set(e, "DAYS", arena_printf(req->arena, "%ld %s", c->extended_days,
						ru_plural(c->extended_days, "день", "дня", "дней")));
		tpl_set(e, "REASON", c->extension_reason);
	}
	if (c->forwarded) {
		tpl_dict *f = tpl_section_add(d, "FORWARDED");
		tpl_set(f, "TO", c->forwarded_to);
		page_set_datetime(f, "AT", c->forwarded_at);
	}
	if (c->answered) {
		tpl_dict *ans = tpl_section_add(d, "ANSWER");
		tpl_set(ans, "TEXT", c->answer);
		page_set_datetime(ans, "AT", c->answered_at);
	}
}

/* POST /appeals/status (number, code) — the appeal's state for its applicant: status, dates,
 * the due date, forwarding, extension, the answer. A wrong number and a wrong code get one and
 * the same 422; failed attempts are counted per (number, address) and per address
 * (login_throttle) and answered 429 with the time to wait; the right code from another address
 * is never refused. */
enum http_status page_appeal_status(struct request *req)
{
	const char *number = page_field_text(req, FIELD_APPEAL_NUMBER);
	const char *code = page_field_text(req, FIELD_APPEAL_CODE);
	/* Counted per (number, address) and per address, never per number alone: numbers are
	 * public (/answers, Open311), and a number anyone could lock would keep its owner out. The
	 * code's ten random characters make guessing from many addresses hopeless anyway. */
	const char *addr_key = arena_printf(req->arena, "status:addr:%s", req->remote_addr);
	const char *number_key =
		arena_printf(req->arena, "status:number:%s addr:%s", number, req->remote_addr);
	bool locked_addr, locked_number;
	long wait = auth_throttle_wait(req, addr_key, &locked_addr);
	long wait_number = auth_throttle_wait(req, number_key, &locked_number);
	if (wait_number > wait)
		wait = wait_number;
	if (wait > 0) {
		response_header(req, "Retry-After", arena_printf(req->arena, "%ld", wait));
		req->error_detail = arena_printf(
			req->arena, "Слишком много неудачных попыток. Повторите через %ld %s.", wait,
			ru_plural(wait, "секунду", "секунды", "секунд"));
		return HTTP_TOO_MANY_REQUESTS;
	}
	if (req->invalid_fields > 0)
		return page_appeal_status_form(req) == HTTP_OK ? HTTP_UNPROCESSABLE
							      : HTTP_INTERNAL_ERROR;

	struct db *db = &req->worker->db;
	struct appeal_by_number found;
	int rc = db_appeal_by_number(db, req->arena, number, &found);
	if (rc < 0)
		return HTTP_INTERNAL_ERROR;
	if (rc > 0 || !appeal_code_matches(code, found.code_hash, found.code_hash_size)) {
		auth_throttle_fail_after(req, addr_key, req->worker->cfg->login_max_failures * 4);
		auth_throttle_fail(req, number_key);
		tpl_dict *d = page_begin(req, "appeal_status.tpl", "Как рассматривается обращение",
					 NAV_APPEALS);
		page_form_fields(req, d);
		tpl_section_show(d, "FORM");
		tpl_section_show(d, "NOT_FOUND");
		return page_end(req, HTTP_UNPROCESSABLE);
	}
	auth_throttle_clear(req, number_key);
	tpl_dict *d = page_begin(req, "appeal_status.tpl", "Как рассматривается обращение",
				 NAV_APPEALS);
	response_header(req, "Cache-Control", "no-store");
	tpl_dict *a = tpl_section_add(d, "APPEAL");
	tpl_set(a, "NUMBER", number);
	tpl_set(a, "STATUS", appeal_status_public_label(found.status));
	page_set_datetime(a, "RECEIVED", found.received_at);
	page_set_datetime(a, "REGISTERED", found.registered_at);
	set_iso_date(req, a, "DUE", found.answer_due);
	appeal_course_fill(req, a, &found.course);
	if (found.outcome != NULL)
		tpl_set(tpl_section_add(a, "OUTCOME"), "TEXT", outcome_label(found.outcome));
	return page_end(req, HTTP_OK);
}

/* Fill one ANSWER row per published answer of the appeals of municipality body (0: of every
 * one) given at meeting (0: anywhere). The number of rows, or -1 on a database error. */
static int answers_fill(struct request *req, tpl_dict *d, const char *section, long long meeting,
			long long body, int limit)
{
	struct public_answer *answers;
	size_t count;
	if (db_public_answers(&req->worker->db, req->arena, limit, meeting, body, &answers,
			      &count) < 0)
		return -1;
	for (size_t i = 0; i < count; i++) {
		const struct public_answer *p = &answers[i];
		tpl_dict *row = tpl_section_add(d, section);
		tpl_set(row, "NUMBER", p->number);
		tpl_set(row, "TERRITORY", p->territory);
		tpl_set(row, "QUESTION", p->question);
		tpl_set(row, "ANSWER", p->answer);
		page_set_date(row, "PUBLISHED", p->published_at);
		if (p->meeting_id != 0) {
			tpl_dict *m = tpl_section_add(row, "FROM_MEETING");
			tpl_set_int(m, "MEETING_ID", p->meeting_id);
			tpl_set(m, "TITLE", ru_quoted(req->arena, p->meeting_title));
		}
	}
	return (int)count;
}

/* Fill one ANSWER row per published answer (meeting 0: all of them). */
int page_answers_fill(struct request *req, tpl_dict *d, const char *section, long long meeting,
		      int limit)
{
	return answers_fill(req, d, section, meeting, 0, limit);
}

/* GET /answers — answers to socially significant questions, newest first, as staff wrote them
 * for publication: no name, address or contact of the applicant (order № 2 of the Zelenoborsk head
 * §3.3). GET /m/<slug>/answers — the answers to the appeals of that municipality's registry; 404
 * for an unknown slug. */
enum http_status page_answers(struct request *req)
{
	struct site_scope scope;
	int in_scope = site_scope_read(req, &scope);
	if (in_scope != 0)
		return in_scope < 0 ? HTTP_INTERNAL_ERROR : HTTP_NOT_FOUND;
	tpl_dict *d = page_begin(req, "answers.tpl",
				 site_scope_title(req, &scope, "Ответы на вопросы жителей"), NAV_ANSWERS);
	site_scope_fill(&scope, d);
	tpl_set(d, "APPEAL_PATH", scope.id ? arena_printf(req->arena, "%s/appeal", scope.prefix)
					   : "/appeals/new");
	int rows = answers_fill(req, d, "ANSWER", 0, scope.id, 100);
	if (rows < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_section_show(d, rows ? "HAS_ANSWERS" : "NO_ANSWERS");
	return page_end(req, HTTP_OK);
}
