/* page_admin_reference_groups.c — reference groups of stakeholders (/admin/reference-groups;
 * decree № 1617-па of the Nefteyugansk district on reference groups: targeted mailing to the
 * groups' participants): a group has a name, a description and participants with name, organisation
 * and e-mail, entered as rows of one form (no JavaScript: a few empty rows for new participants, a
 * row cleared to remove one). The organiser ticks the groups a meeting's announcement goes to on
 * the meeting form; build/portal-notify mails them. Readers: everyone who reads meetings; changes:
 * administrators and organizers (routes.c), audited with the participants before and after. Each
 * address carries the participant's consent to the mail (152-ФЗ, table reference_consent): how and
 * when it was given, recorded with a new address and shown beside every participant with its
 * withdrawal (the link in every mail, page_reference_unsubscribe.c). Each group is one
 * municipality's (issue 18, migration 030): an account sees and changes its bodies' groups only
 * (another body's is 404 before the handler, scope.c), a new group is for the body chosen among
 * the account's (else the account's, else the own municipality), and a record's form offers the
 * groups of the record's body and of its district (staff_body.c). */
#include <string.h>

#include "auth.h"
#include "civil_time.h"
#include "page.h"
#include "page_admin_reference.h"
#include "db_municipality.h"
#include "pages.h"
#include "ru.h"
#include "scope.h"
#include "staff_body.h"
#include "subscription.h"
#include "worker.h"

#define EMPTY_MEMBER_ROWS 3 /* blank rows under the participants for new ones */

struct reference_member {
	const char *name, *organisation, *email; /* as typed; NULL when the cell was empty */
	const char *consent;                     /* how consent was given, as typed or stored */
	const char *error;                       /* why the row was refused, NULL when fine */
	time_t consent_at, withdrawn_at;         /* stored: 0 when not given / not withdrawn */
	const char *withdrawn_how;
};

struct reference_group {
	long long id;
	const char *name, *summary;
	const char *municipality; /* the body whose group it is */
	struct reference_member *members;
	size_t member_count;
};

/* 0 found, 1 no such group, -1 database error. */
static int load_group(struct request *req, long long id, struct reference_group *g)
{
	struct db *db = &req->worker->db;
	memset(g, 0, sizeof *g);
	struct refgroup_detail row;
	int rc = db_refgroup_get(db, req->arena, id, &row);
	if (rc != 0)
		return rc;
	g->id = id;
	g->name = row.name;
	g->summary = row.summary;
	g->municipality = row.municipality;
	struct refgroup_member *stored;
	if (db_refgroup_members(db, req->arena, id, &stored, &g->member_count) < 0)
		return -1;
	g->members = arena_calloc(req->arena, g->member_count ? g->member_count : 1,
				  sizeof *g->members);
	for (size_t i = 0; i < g->member_count; i++) {
		struct reference_member *m = &g->members[i];
		m->name = stored[i].name;
		m->organisation = stored[i].organisation;
		m->email = stored[i].email;
		m->consent_at = stored[i].consent_at;
		m->consent = stored[i].consent_how;
		m->withdrawn_at = stored[i].withdrawn_at;
		m->withdrawn_how = stored[i].withdrawn_how;
	}
	return 0;
}

/* Value row of a repeated field, NULL when the row was not sent or left empty. */
static const struct field_value *cell(const struct request *req, enum field f, size_t row)
{
	const struct field_value *v = &req->field[f];
	if (row >= v->value_count || v->values[row].state == FIELD_ABSENT)
		return NULL;
	return &v->values[row];
}

static const char *cell_raw(const struct field_value *c)
{
	return c ? c->raw : NULL;
}

/* Case-insensitive for ASCII letters: one mailbox is one participant. */
static bool same_address(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = (*a >= 'A' && *a <= 'Z') ? (char)(*a - 'A' + 'a') : *a;
		char y = (*b >= 'A' && *b <= 'Z') ? (char)(*b - 'A' + 'a') : *b;
		if (x != y)
			return false;
	}
	return *a == *b;
}

/* The participant rows of the submitted form, every row sent in order (empty ones included, so
 * the form comes back as it was), each checked: a filled row needs a name and a valid address,
 * an address appears once, and one without a consent record needs its consent. With judge, a
 * refused row marks the form invalid with its row number; without, the rows are only read
 * again (the refused form shown). 0, or -1 on a database error. */
static int form_members(struct request *req, bool judge, struct reference_member **rows_out,
			size_t *count)
{
	size_t rows = req->field[FIELD_MEMBER_NAME].value_count;
	if (req->field[FIELD_MEMBER_ORGANISATION].value_count > rows)
		rows = req->field[FIELD_MEMBER_ORGANISATION].value_count;
	if (req->field[FIELD_MEMBER_EMAIL].value_count > rows)
		rows = req->field[FIELD_MEMBER_EMAIL].value_count;
	if (req->field[FIELD_MEMBER_CONSENT].value_count > rows)
		rows = req->field[FIELD_MEMBER_CONSENT].value_count;
	struct reference_member *out = arena_calloc(req->arena, rows ? rows : 1, sizeof *out);
	/* The field table's verdicts are replaced by the rows' own, with their numbers. */
	static const enum field cells[] = {FIELD_MEMBER_NAME, FIELD_MEMBER_ORGANISATION,
					   FIELD_MEMBER_EMAIL, FIELD_MEMBER_CONSENT};
	for (size_t k = 0; judge && k < sizeof cells / sizeof cells[0]; k++)
		if (req->field[cells[k]].state == FIELD_INVALID) {
			req->field[cells[k]].state = FIELD_VALID;
			req->invalid_fields--;
		}
	for (size_t i = 0; i < rows; i++) {
		const struct field_value *name = cell(req, FIELD_MEMBER_NAME, i);
		const struct field_value *org = cell(req, FIELD_MEMBER_ORGANISATION, i);
		const struct field_value *email = cell(req, FIELD_MEMBER_EMAIL, i);
		const struct field_value *consent = cell(req, FIELD_MEMBER_CONSENT, i);
		struct reference_member *m = &out[i];
		m->name = cell_raw(name);
		m->organisation = cell_raw(org);
		m->email = cell_raw(email);
		m->consent = cell_raw(consent);
		if (!name && !org && !email)
			continue; /* an empty row (a consent alone is nobody's) */
		enum field where = FIELD_MEMBER_NAME;
		if (name && name->state == FIELD_INVALID) {
			m->error = arena_printf(req->arena, "имя: %s", name->error);
		} else if (org && org->state == FIELD_INVALID) {
			m->error = arena_printf(req->arena, "организация: %s", org->error);
			where = FIELD_MEMBER_ORGANISATION;
		} else if (email && email->state == FIELD_INVALID) {
			m->error = arena_printf(req->arena, "адрес: %s", email->error);
			where = FIELD_MEMBER_EMAIL;
		} else if (!name) {
			m->error = "укажите имя участника";
		} else if (!email) {
			m->error = "укажите адрес электронной почты — по нему идёт рассылка";
			where = FIELD_MEMBER_EMAIL;
		} else if (consent && consent->state == FIELD_INVALID) {
			m->error = arena_printf(req->arena, "согласие: %s", consent->error);
			where = FIELD_MEMBER_CONSENT;
		} else {
			for (size_t k = 0; k < i; k++)
				if (out[k].email && out[k].error == NULL && out[k].name &&
				    same_address(out[k].email, email->text)) {
					m->error = "этот адрес уже есть в группе";
					where = FIELD_MEMBER_EMAIL;
				}
			int known = m->error == NULL && !consent
					    ? db_refconsent_known(&req->worker->db, email->text)
					    : 1;
			if (known < 0)
				return -1;
			if (known == 0) {
				m->error = "укажите, как и когда получено согласие участника на "
					   "рассылку (152-ФЗ): без него писать ему нельзя";
				where = FIELD_MEMBER_CONSENT;
			}
		}
		if (judge && m->error != NULL) /* the first refused row of each column names it */
			page_reject(req, where,
				    arena_printf(req->arena, "строка %zu — %s", i + 1, m->error));
	}
	*rows_out = out;
	*count = rows;
	return 0;
}

/* The form: the group's fields and participant rows (from the group, or as submitted), plus
 * EMPTY_MEMBER_ROWS blank rows. */
static void fill_form(struct request *req, tpl_dict *f, const struct reference_group *g,
		      const struct reference_member *rows, size_t row_count, bool from_request)
{
	if (from_request) {
		page_form_fields(req, f);
	} else if (g) {
		tpl_set(f, "name", g->name);
		tpl_set(f, "summary", g->summary);
	}
	size_t filled = 0;
	for (size_t i = 0; i < row_count; i++)
		if (rows[i].name || rows[i].organisation || rows[i].email)
			filled = i + 1;
	size_t total = (from_request ? row_count : filled) + EMPTY_MEMBER_ROWS;
	for (size_t i = 0; i < total; i++) {
		tpl_dict *r = tpl_section_add(f, "MEMBER_ROW");
		tpl_set_int(r, "N", (long long)i + 1);
		if (i >= row_count)
			continue;
		tpl_set(r, "NAME", rows[i].name ? rows[i].name : "");
		tpl_set(r, "ORGANISATION", rows[i].organisation ? rows[i].organisation : "");
		tpl_set(r, "EMAIL", rows[i].email ? rows[i].email : "");
		tpl_set(r, "CONSENT", rows[i].consent ? rows[i].consent : "");
		if (rows[i].error) {
			tpl_dict *e = tpl_section_add(r, "ROW_ERROR");
			tpl_set_int(e, "N", (long long)i + 1);
			tpl_set(e, "MESSAGE", rows[i].error);
		}
	}
}

/* Replace the group's participants with the filled rows. */
static bool save_members(struct request *req, long long id, const struct reference_member *rows,
			 size_t count)
{
	struct db *db = &req->worker->db;
	sqlite3_stmt *s = db_stmt(db, STMT_REFGROUP_MEMBER_CLEAR);
	sqlite3_bind_int64(s, 1, id);
	int rc = db_run(s);
	for (size_t i = 0; rc == SQLITE_DONE && i < count; i++) {
		if (rows[i].name == NULL || rows[i].email == NULL)
			continue; /* empty */
		s = db_stmt(db, STMT_REFGROUP_MEMBER_ADD);
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_text(s, 2, rows[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, rows[i].organisation ? rows[i].organisation : "", -1,
				  SQLITE_STATIC);
		sqlite3_bind_text(s, 4, rows[i].email, -1, SQLITE_STATIC);
		rc = db_run(s);
		if (rc != SQLITE_DONE || rows[i].consent == NULL || rows[i].consent[0] == '\0')
			continue;
		/* A new consent, or another wording of it: recorded now, by whom (152-ФЗ). */
		s = db_stmt(db, STMT_REFCONSENT_GIVE);
		sqlite3_bind_text(s, 1, rows[i].email, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
		sqlite3_bind_text(s, 3, rows[i].consent, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 4, req->staff->user_id);
		sqlite3_bind_text(s, 5, subscription_new_token(req->arena), -1, SQLITE_TRANSIENT);
		rc = db_run(s);
	}
	return rc == SQLITE_DONE;
}

/* 1 when the portal serves more than one municipality (groups then name their body), 0 when
 * one, -1 on a database error. */
static int many_bodies(struct request *req)
{
	struct municipality_item *bodies;
	size_t count;
	if (db_municipality_list(&req->worker->db, req->arena, &bodies, &count) < 0)
		return -1;
	return count > 1;
}

static enum http_status list_page(struct request *req, enum http_status status,
				  const struct reference_member *rows, size_t row_count)
{
	tpl_dict *d = reference_begin(req, "admin_reference_groups.tpl", "Референтные группы",
				      REFERENCE_REFERENCE_GROUPS, true);
	struct refgroup_row *groups;
	size_t count;
	int many = many_bodies(req);
	if (many < 0 || db_refgroup_list(&req->worker->db, req->arena, scope_bind_value(req),
					 &groups, &count) < 0)
		return HTTP_INTERNAL_ERROR;
	if (many)
		tpl_section_show(d, "BODIES");
	for (size_t i = 0; i < count; i++) {
		tpl_dict *row = tpl_section_add(d, "GROUP");
		tpl_set_int(row, "ID", groups[i].id);
		tpl_set(row, "NAME", groups[i].name);
		if (many)
			tpl_set(tpl_section_add(row, "BODY"), "NAME", groups[i].municipality);
		tpl_set(row, "SUMMARY", groups[i].summary);
		tpl_set_int(row, "MEMBERS", groups[i].members);
	}
	tpl_section_show(d, count ? "HAS_GROUPS" : "NO_GROUPS");
	if (reference_may_change(req)) {
		tpl_dict *f = tpl_include(tpl_section_add(d, "CAN_CHANGE"), "FORM",
					  "admin_reference_group_form.tpl");
		tpl_set(f, "ACTION", "/admin/reference-groups");
		tpl_set(f, "SUBMIT", "Создать группу");
		if (staff_body_field(req, f) < 0)
			return HTTP_INTERNAL_ERROR;
		fill_form(req, f, NULL, rows, row_count, rows != NULL);
	}
	return page_end(req, status);
}

/* GET /admin/reference-groups — the reference groups of the account's bodies (every group for
 * an account of the whole installation) with their bodies and numbers of participants, and for
 * administrators and organizers the form for a new one. */
enum http_status page_admin_reference_groups(struct request *req)
{
	return list_page(req, HTTP_OK, NULL, 0);
}

/* staff_action page of a new group: the list and the form again, every row as sent. */
static enum http_status groups_refused(struct request *req, enum http_status status)
{
	struct reference_member *rows;
	size_t count;
	if (form_members(req, false, &rows, &count) < 0)
		return HTTP_INTERNAL_ERROR;
	return list_page(req, status, rows, count);
}

/* A new reference group (staff_action): nothing to load, refused to the list. */
static const struct staff_action refgroup_create = {"reference_group", STMT_REFGROUP_JSON,
						    staff_action_no_target, groups_refused};

/* POST /admin/reference-groups (name, summary, municipality, member_name…,
 * member_organisation…, member_email…, csrf) — create a group with its participants for the
 * body chosen (one of the account's: another body's was refused by the scope), else the
 * account's body, else the own municipality. 303 to its page; 422 with the errors beside the
 * fields and every row kept for a missing name or one the body's groups have, an unknown body,
 * a participant row without a name or a valid address, or an address twice. */
enum http_status page_admin_reference_group_create(struct request *req)
{
	enum http_status status;
	if (!staff_action_begin(req, &refgroup_create, NULL, &status))
		return status;
	struct reference_member *rows;
	size_t count;
	long long body;
	if (form_members(req, true, &rows, &count) < 0 || staff_new_record_body(req, &body) < 0)
		return staff_action_fail(req);
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &refgroup_create, NULL);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_REFGROUP_INSERT);
	sqlite3_bind_text(s, 1, req->field[FIELD_NAME].text, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, reference_field_text(req, FIELD_SUMMARY), -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, body);
	int rc;
	long long id = reference_insert(req, s, &rc);
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		page_reject(req, FIELD_NAME, "группа с таким названием уже есть");
		return staff_action_refuse(req, &refgroup_create, NULL);
	}
	bool ok = id && save_members(req, id, rows, count);
	return reference_finish_create(req, &refgroup_create, ok ? id : 0,
				       "/admin/reference-groups", true);
}

/* The participant's consent to the mail as staff read it: CONSENT_TEXT, and WITHDRAWN or
 * NOT_RECORDED for what needs attention. */
static void consent_text(struct request *req, tpl_dict *row, const struct reference_member *m)
{
	if (m->withdrawn_at != 0) {
		struct tm tm;
		char when[64];
		tz_utc_to_local(m->withdrawn_at, &tm);
		ru_format_date(when, sizeof when, &tm);
		tpl_set(tpl_section_add(row, "WITHDRAWN"), "TEXT",
			arena_printf(req->arena, "отозвано %s %s — письма не отправляются", when,
				     m->withdrawn_how));
	} else if (m->consent_at != 0) {
		struct tm tm;
		char when[64];
		tz_utc_to_local(m->consent_at, &tm);
		ru_format_date(when, sizeof when, &tm);
		tpl_set(tpl_section_add(row, "GIVEN"), "TEXT",
			arena_printf(req->arena, "записано %s: %s", when, m->consent));
	} else {
		tpl_section_show(row, "NOT_RECORDED");
	}
}

static enum http_status group_page(struct request *req, const struct reference_group *g,
				   enum http_status status, const struct reference_member *rows,
				   size_t row_count)
{
	tpl_dict *d = reference_begin(req, "admin_reference_group.tpl", g->name,
				      REFERENCE_REFERENCE_GROUPS, false);
	tpl_set(d, "NAME", g->name);
	int many = many_bodies(req);
	if (many < 0)
		return HTTP_INTERNAL_ERROR;
	if (many)
		tpl_set(tpl_section_add(d, "BODY"), "NAME", g->municipality);
	if (g->summary[0])
		tpl_set(tpl_section_add(d, "SUMMARY"), "TEXT", g->summary);
	tpl_section_show(d, g->member_count ? "HAS_MEMBERS" : "NO_MEMBERS");
	for (size_t i = 0; i < g->member_count; i++) {
		tpl_dict *m = tpl_section_add(d, "MEMBER");
		tpl_set(m, "NAME", g->members[i].name);
		tpl_set(m, "ORGANISATION", g->members[i].organisation);
		tpl_set(m, "EMAIL", g->members[i].email);
		consent_text(req, m, &g->members[i]);
	}
	if (reference_may_change(req)) {
		tpl_dict *f = tpl_include(tpl_section_add(d, "CAN_CHANGE"), "FORM",
					  "admin_reference_group_form.tpl");
		tpl_set(f, "ACTION", arena_printf(req->arena, "/admin/reference-groups/%lld", g->id));
		tpl_set(f, "SUBMIT", "Сохранить изменения");
		if (rows != NULL)
			fill_form(req, f, g, rows, row_count, true);
		else
			fill_form(req, f, g, g->members, g->member_count, false);
	}
	return page_end(req, status);
}

/* GET /admin/reference-groups/ID — one group: its body, description, participants, and for
 * administrators and organizers the form to change them. 404 for an unknown id or another
 * body's group (the scope, before the handler). */
enum http_status page_admin_reference_group(struct request *req)
{
	struct reference_group g;
	int rc = load_group(req, req->path_id, &g);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return group_page(req, &g, HTTP_OK, NULL, 0);
}

/* staff_action load: the reference group of the path. */
static int load_target(struct request *req, void *target)
{
	return load_group(req, req->path_id, target);
}

/* staff_action page: the group's page again, every row as sent, the errors beside them. */
static enum http_status group_refused(struct request *req, enum http_status status)
{
	struct reference_group g;
	int rc = load_group(req, req->path_id, &g);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	struct reference_member *rows;
	size_t count;
	if (form_members(req, false, &rows, &count) < 0)
		return HTTP_INTERNAL_ERROR;
	return group_page(req, &g, status, rows, count);
}

/* A change of one reference group (staff_action): refused to its page. */
static const struct staff_action refgroup_edit = {"reference_group", STMT_REFGROUP_JSON,
						  load_target, group_refused};

/* POST /admin/reference-groups/ID (as for a new one) — change a group; its participants become
 * exactly the filled rows. 303 to its page; 404 for an unknown id; 422 as for a new one. */
enum http_status page_admin_reference_group_update(struct request *req)
{
	struct reference_group g;
	enum http_status status;
	if (!staff_action_begin(req, &refgroup_edit, &g, &status))
		return status;
	struct reference_member *rows;
	size_t count;
	if (form_members(req, true, &rows, &count) < 0)
		return staff_action_fail(req);
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &refgroup_edit, NULL);
	json_t *before = staff_json(req, STMT_REFGROUP_JSON, g.id);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_REFGROUP_UPDATE);
	sqlite3_bind_int64(s, 1, g.id);
	sqlite3_bind_text(s, 2, req->field[FIELD_NAME].text, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, reference_field_text(req, FIELD_SUMMARY), -1, SQLITE_STATIC);
	int rc = db_run(s);
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		json_decref(before);
		page_reject(req, FIELD_NAME, "группа с таким названием уже есть");
		return staff_action_refuse(req, &refgroup_edit, NULL);
	}
	bool ok = rc == SQLITE_DONE && save_members(req, g.id, rows, count);
	return staff_action_finish(req, &refgroup_edit, ok, "update", g.id, before,
				   arena_printf(req->arena, "/admin/reference-groups/%lld", g.id));
}
