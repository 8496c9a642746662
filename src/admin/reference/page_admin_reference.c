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
	unsigned roles; /* who sees the tab (as routes.c lets them open it); 0: every reader */
} tabs[REFERENCE__MAX] = {
	[REFERENCE_MUNICIPALITIES] = {"/admin/municipalities", "Муниципальные образования", 0},
	[REFERENCE_TERRITORIES] = {"/admin/territories", "Территории", 0},
	[REFERENCE_TOPICS] = {"/admin/topics", "Темы обращений", TOPIC_READERS},
	[REFERENCE_VENUES] = {"/admin/venues", "Места проведения", 0},
	[REFERENCE_PEOPLE] = {"/admin/people", "Люди", 0},
	[REFERENCE_GROUPS] = {"/admin/groups", "Информационные группы", 0},
	[REFERENCE_REFERENCE_GROUPS] = {"/admin/reference-groups", "Референтные группы", 0},
	[REFERENCE_CALENDAR] = {"/admin/calendar", "Производственный календарь",
				ROLES_CALENDAR_READERS},
};

tpl_dict *reference_begin(struct request *req, const char *body_template, const char *title,
			  enum reference_tab tab, bool on_list)
{
	tpl_dict *d = page_begin(req, body_template, title, NAV_STAFF_REFERENCE);
	tpl_dict *nav = tpl_include(d, "REFERENCE_NAV", "admin_reference_nav.tpl");
	for (int i = 0; i < REFERENCE__MAX; i++) {
		if (tabs[i].roles && !(req->staff && (req->staff->role & tabs[i].roles)))
			continue;
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
	return req->staff != NULL && (req->staff->role & REFERENCE_WRITERS) != 0;
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

long long reference_insert(struct request *req, sqlite3_stmt *s, int *rc)
{
	int result = db_run(s);
	if (rc != NULL)
		*rc = result;
	return result == SQLITE_DONE ? sqlite3_last_insert_rowid(req->worker->db.conn) : 0;
}

enum http_status reference_finish_create(struct request *req, const struct staff_action *kind,
					 long long id, const char *path, bool to_new)
{
	const char *where = to_new ? arena_printf(req->arena, "%s/%lld", path, id) : path;
	return staff_action_finish(req, kind, id > 0, "create", id, NULL, where);
}
