/* page_admin_reference.c — the frame, labels and helpers the reference data pages share (see
 * page_admin_reference.h). */
#include "page_admin_reference.h"

#include <string.h>

#include "audit.h"
#include "auth.h"
#include "page.h"
#include "worker.h"

/* The values the CHECK constraints of sql/001_schema.sql allow, in display order. */
const struct code_label territory_levels[] = {
	{"district", "район"},
	{"settlement", "поселение"},
	{"microdistrict", "микрорайон, населённый пункт"},
	{NULL, NULL},
};

const struct code_label venue_kinds[] = {
	{"culture", "учреждение культуры"},
	{"education", "учреждение образования"},
	{"sport", "спортивное сооружение"},
	{"administration", "здание администрации"},
	{"outdoor", "открытая площадка"},
	{"other", "другое"},
	{NULL, NULL},
};

const struct code_label person_categories[] = {
	{"official", "Должностные лица администрации"},
	{"deputy", "Депутаты (всех уровней)"},
	{"police", "Полиция"},
	{"prosecutor", "Прокуратура"},
	{"enterprise", "Руководители предприятий и организаций"},
	{"public", "Общественные объединения и жители"},
	{"other", "Другие"},
	{NULL, NULL},
};

static const struct {
	const char *href;
	const char *label;
} tabs[REFERENCE__MAX] = {
	[REFERENCE_TERRITORIES] = {"/admin/territories", "Территории"},
	[REFERENCE_VENUES] = {"/admin/venues", "Места проведения"},
	[REFERENCE_PEOPLE] = {"/admin/people", "Люди"},
	[REFERENCE_GROUPS] = {"/admin/groups", "Информационные группы"},
};

tpl_dict *reference_begin(struct request *req, const char *body_template, const char *title,
			  enum reference_tab tab, bool on_list)
{
	tpl_dict *d = page_begin(req, body_template, title, NAV_STAFF_REFERENCE);
	tpl_dict *nav = tpl_include(d, "REFERENCE_NAV", "admin_reference_nav.tpl");
	for (int i = 0; i < REFERENCE__MAX; i++) {
		tpl_dict *item = tpl_section_add(nav, "TAB");
		tpl_set(item, "HREF", tabs[i].href);
		tpl_set(item, "LABEL", tabs[i].label);
		if (i == (int)tab)
			tpl_set(tpl_section_add(item, "CURRENT"), "WHAT", on_list ? "page" : "true");
	}
	return d;
}

bool reference_may_change(const struct request *req)
{
	return req->staff != NULL && (req->staff->role & (ROLE_ADMIN | ROLE_ORGANIZER)) != 0;
}

const char *code_label(const struct code_label *table, const char *code)
{
	for (size_t i = 0; code != NULL && table[i].code != NULL; i++)
		if (strcmp(table[i].code, code) == 0)
			return table[i].label;
	return NULL;
}

void reference_code_options(tpl_dict *d, const char *section, const struct code_label *table,
			    const char *selected)
{
	for (size_t i = 0; table[i].code != NULL; i++) {
		tpl_dict *o = tpl_section_add(d, section);
		tpl_set(o, "CODE", table[i].code);
		tpl_set(o, "LABEL", table[i].label);
		if (selected != NULL && strcmp(selected, table[i].code) == 0)
			tpl_section_show(o, "SELECTED");
	}
}

const char *reference_text(struct request *req, sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	return arena_strdup(req->arena, t ? (const char *)t : "");
}

int reference_load(struct request *req, enum stmt which, struct reference_item **out,
		   size_t *count)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, which);
	size_t cap = 16, n = 0;
	struct reference_item *rows = arena_alloc(req->arena, cap * sizeof *rows);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			struct reference_item *bigger = arena_alloc(req->arena, 2 * cap * sizeof *bigger);
			memcpy(bigger, rows, n * sizeof *rows);
			rows = bigger;
			cap *= 2;
		}
		rows[n].id = sqlite3_column_int64(s, 0);
		rows[n].name = reference_text(req, s, 1);
		rows[n].extra = reference_text(req, s, 2);
		n++;
	}
	db_done(s);
	if (rc != SQLITE_DONE) {
		db_log_error(&req->worker->db, "reference list");
		return -1;
	}
	*out = rows;
	*count = n;
	return 0;
}

bool reference_has(const struct reference_item *items, size_t count, long long id)
{
	for (size_t i = 0; i < count; i++)
		if (items[i].id == id)
			return true;
	return false;
}

void reference_item_options(struct request *req, tpl_dict *d, const char *section,
			    const struct reference_item *items, size_t count, long long selected)
{
	for (size_t i = 0; i < count; i++) {
		tpl_dict *o = tpl_section_add(d, section);
		tpl_set_int(o, "ID", items[i].id);
		tpl_set(o, "NAME", items[i].extra[0]
					   ? arena_printf(req->arena, "%s, %s", items[i].name,
							  items[i].extra)
					   : items[i].name);
		if (items[i].id == selected)
			tpl_section_show(o, "SELECTED");
	}
}

void reference_reject(struct request *req, enum field f, const char *reason)
{
	if (req->field[f].state == FIELD_INVALID)
		return;
	req->field[f].state = FIELD_INVALID;
	req->field[f].error = reason;
	req->invalid_fields++;
}

long long reference_chosen(const struct request *req, enum field f)
{
	const struct field_value *v = &req->field[f];
	return v->raw != NULL && v->number > 0 ? v->number : 0;
}

const char *reference_field_text(const struct request *req, enum field f)
{
	const struct field_value *v = &req->field[f];
	return v->state == FIELD_VALID && v->text != NULL ? v->text : "";
}

json_t *reference_json(struct request *req, enum stmt which, long long id)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, which);
	sqlite3_bind_int64(s, 1, id);
	json_t *value = NULL;
	if (sqlite3_step(s) == SQLITE_ROW)
		value = json_loads((const char *)sqlite3_column_text(s, 0), 0, NULL);
	db_done(s);
	return value;
}

int reference_run(sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);
	db_done(s);
	return rc;
}

enum http_status reference_commit(struct request *req, bool ok, const char *action,
				  const char *entity, long long id, json_t *before,
				  enum stmt json_stmt, const char *location)
{
	struct db *db = &req->worker->db;
	if (!ok) {
		json_decref(before);
		db_log_error(db, entity);
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	json_t *after = reference_json(req, json_stmt, id);
	if (after == NULL || audit_record(req, NULL, action, entity, id, before, after) < 0 ||
	    db_commit(db) < 0) {
		if (after == NULL)
			json_decref(before);
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req, location);
}
