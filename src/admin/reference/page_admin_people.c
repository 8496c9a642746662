/* page_admin_people.c — the people directory (/admin/people): officials, deputies of every level,
 * police, prosecutors, heads of enterprises and others who host meetings, are invited to them or
 * sit in information groups. Their e-mail and phone are for staff only: no public statement
 * selects them. Readers: everyone who reads meetings; changes: administrators and organizers. */
#include <string.h>

#include "page.h"
#include "page_admin_reference.h"
#include "pages.h"
#include "worker.h"

/* The form's fields: from the person p (NULL for a new one), or after a refused submit from the
 * request, with the errors beside them. */
static void fill_form(struct request *req, tpl_dict *f, const struct person_detail *p, bool from_request)
{
	const char *category = p ? p->category : NULL;
	if (from_request) {
		page_form_fields(req, f);
		category = req->field[FIELD_CATEGORY].raw;
	} else if (p) {
		tpl_set(f, "full_name", p->full_name);
		tpl_set(f, "position", p->position);
		tpl_set(f, "organisation", p->organisation);
		tpl_set(f, "email", p->email);
		tpl_set(f, "phone", p->phone);
	}
	reference_code_options(f, "CATEGORY_OPTION", person_categories, category);
}

/* The check the field table cannot make: the category is one the schema allows. */
static void check_form(struct request *req)
{
	const struct field_value *c = &req->field[FIELD_CATEGORY];
	if (c->state == FIELD_VALID && code_label(person_categories, c->text) == NULL)
		page_reject(req, FIELD_CATEGORY, "выберите категорию из списка");
}

/* Bind full name, position, organisation, category, email, phone as ?first… (the order of
 * STMT_PERSON_INSERT); absent optional fields are stored as "". */
static void bind_form(struct request *req, sqlite3_stmt *s, int first)
{
	static const enum field order[] = {FIELD_FULL_NAME, FIELD_POSITION, FIELD_ORGANISATION,
					   FIELD_CATEGORY,  FIELD_EMAIL,    FIELD_PHONE};
	for (int i = 0; i < (int)(sizeof order / sizeof order[0]); i++)
		sqlite3_bind_text(s, first + i, reference_field_text(req, order[i]), -1,
				  SQLITE_STATIC);
}

/* The directory, grouped by category in the order of person_categories; filter is a category
 * code or NULL for all. */
static enum http_status people_page(struct request *req, enum http_status status,
				    const char *filter, bool from_request)
{
	tpl_dict *d = reference_begin(req, "admin_people.tpl", "Люди", REFERENCE_PEOPLE, true);
	struct person_detail *rows;
	size_t n;
	if (db_person_admin_list(&req->worker->db, req->arena, filter, &rows, &n) < 0)
		return HTTP_INTERNAL_ERROR;
	reference_code_options(d, "FILTER_OPTION", person_categories, filter);
	for (size_t c = 0; person_categories[c].code != NULL; c++) {
		tpl_dict *group = NULL;
		for (size_t i = 0; i < n; i++) {
			if (strcmp(rows[i].category, person_categories[c].code) != 0)
				continue;
			if (group == NULL) {
				group = tpl_section_add(d, "CATEGORY");
				tpl_set(group, "CODE", person_categories[c].code);
				tpl_set(group, "LABEL", person_categories[c].label);
			}
			tpl_dict *row = tpl_section_add(group, "PERSON");
			tpl_set_int(row, "ID", rows[i].id);
			tpl_set(row, "FULL_NAME", rows[i].full_name);
			tpl_set(row, "POSITION", rows[i].position);
			tpl_set(row, "ORGANISATION", rows[i].organisation);
			tpl_set(row, "EMAIL", rows[i].email);
			tpl_set(row, "PHONE", rows[i].phone);
		}
	}
	tpl_section_show(d, n ? "HAS_PEOPLE" : "NO_PEOPLE");
	if (reference_may_change(req)) {
		tpl_dict *f = tpl_include(tpl_section_add(d, "CAN_CHANGE"), "FORM",
					  "admin_person_form.tpl");
		tpl_set(f, "ACTION", "/admin/people");
		tpl_set(f, "SUBMIT", "Добавить");
		fill_form(req, f, NULL, from_request);
	}
	return page_end(req, status);
}

/* GET /admin/people?category= — the directory grouped by category, or one category; contacts
 * included (staff only). For administrators and organizers, the form for a new entry. 400 for a
 * category that does not exist. */
enum http_status page_admin_people(struct request *req)
{
	struct field_value *c = &req->field[FIELD_CATEGORY];
	if (c->state == FIELD_VALID && code_label(person_categories, c->text) == NULL) {
		page_reject(req, FIELD_CATEGORY, "такой категории нет");
		return HTTP_BAD_REQUEST;
	}
	return people_page(req, HTTP_OK, c->state == FIELD_VALID ? c->text : NULL, false);
}

/* staff_action page of a new person: the directory and the form again, the input kept. */
static enum http_status people_refused(struct request *req, enum http_status status)
{
	return people_page(req, status, NULL, true);
}

/* A new person (staff_action): nothing to load, refused to the directory. */
static const struct staff_action person_create = {"person", STMT_PERSON_JSON,
						  staff_action_no_target, people_refused};

/* POST /admin/people (full_name, position, organisation, category, email, phone, csrf) — add a
 * person. 303 to /admin/people; 422 with the errors beside the fields and everything typed kept
 * for a missing name, a category not in the list, an e-mail not shaped like an address, or a
 * phone with anything but digits, spaces and + ( ) -. */
enum http_status page_admin_person_create(struct request *req)
{
	enum http_status status;
	if (!staff_action_begin(req, &person_create, NULL, &status))
		return status;
	check_form(req);
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &person_create, NULL);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_PERSON_INSERT);
	bind_form(req, s, 1);
	return reference_finish_create(req, &person_create, reference_insert(req, s, NULL),
				       "/admin/people", false);
}

static enum http_status person_page(struct request *req, const struct person_detail *p,
				    enum http_status status, bool from_request)
{
	tpl_dict *d = reference_begin(req, "admin_person.tpl", p->full_name, REFERENCE_PEOPLE, false);
	tpl_set_int(d, "ID", p->id);
	tpl_set(d, "FULL_NAME", p->full_name);
	tpl_set(d, "POSITION", p->position);
	tpl_set(d, "ORGANISATION", p->organisation);
	const char *category = code_label(person_categories, p->category);
	tpl_set(d, "CATEGORY", category ? category : p->category);
	tpl_set(d, "EMAIL", p->email);
	tpl_set(d, "PHONE", p->phone);
	if (reference_may_change(req)) {
		tpl_dict *f = tpl_include(tpl_section_add(d, "CAN_CHANGE"), "FORM",
					  "admin_person_form.tpl");
		tpl_set(f, "ACTION", arena_printf(req->arena, "/admin/people/%lld", p->id));
		tpl_set(f, "SUBMIT", "Сохранить изменения");
		fill_form(req, f, p, from_request);
	}
	return page_end(req, status);
}

/* GET /admin/people/ID — one person with contacts, and for administrators and organizers the
 * form to change the entry. 404 for an unknown id. */
enum http_status page_admin_person(struct request *req)
{
	struct person_detail p;
	int rc = db_person_get(&req->worker->db, req->arena, req->path_id, &p);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return person_page(req, &p, HTTP_OK, false);
}

/* staff_action load: the person of the path. */
static int load_person(struct request *req, void *target)
{
	return db_person_get(&req->worker->db, req->arena, req->path_id, target);
}

/* staff_action page: the person's page again, the input kept, the errors beside the fields. */
static enum http_status person_refused(struct request *req, enum http_status status)
{
	struct person_detail p;
	int rc = load_person(req, &p);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return person_page(req, &p, status, true);
}

/* A change of one person (staff_action): refused to its page. */
static const struct staff_action person_edit = {"person", STMT_PERSON_JSON, load_person,
						person_refused};

/* POST /admin/people/ID (the form's fields, csrf) — change an entry; public pages of meetings
 * the person hosts or is invited to show the new name and position. 303 to /admin/people; 404
 * for an unknown id; 422 as for a new one. */
enum http_status page_admin_person_update(struct request *req)
{
	struct person_detail p;
	enum http_status status;
	if (!staff_action_begin(req, &person_edit, &p, &status))
		return status;
	check_form(req);
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &person_edit, NULL);
	json_t *before = staff_json(req, STMT_PERSON_JSON, p.id);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_PERSON_UPDATE);
	sqlite3_bind_int64(s, 1, p.id);
	bind_form(req, s, 2);
	bool ok = db_run(s) == SQLITE_DONE;
	return staff_action_finish(req, &person_edit, ok, "update", p.id, before, "/admin/people");
}
