/* page_admin_venues.c — places where meetings are held (/admin/venues): the list, a new venue and
 * editing one (name, address, kind, capacity, territory). Readers: everyone who reads meetings;
 * changes: administrators and organizers (routes.c). */
#include <string.h>

#include "db_reference.h"
#include "page.h"
#include "page_admin_reference.h"
#include "pages.h"
#include "scope.h"
#include "worker.h"

static const char *kind_label(const char *kind)
{
	const char *label = code_label(venue_kinds, kind);
	return label ? label : kind;
}

/* The form's fields: from the venue v (NULL for a new one), or after a refused submit from the
 * request, with the errors beside them. */
static void fill_form(struct request *req, tpl_dict *f, const struct territory_item *territories,
		      size_t territory_count, const struct venue_detail *v, bool from_request)
{
	const struct field_value *in = req->field;
	const char *kind = v ? v->kind : NULL;
	long long territory = v ? v->territory_id : 0;
	if (from_request) {
		page_form_fields(req, f);
		kind = in[FIELD_VENUE_KIND].raw;
		territory = reference_chosen(req, FIELD_TERRITORY);
	} else if (v) {
		tpl_set(f, "name", v->name);
		tpl_set(f, "address", v->address);
		if (v->capacity > 0)
			tpl_set_int(f, "capacity", v->capacity);
	}
	reference_code_options(f, "KIND_OPTION", venue_kinds, kind);
	page_territory_list_options(req, f, "TERRITORY_OPTION", territories, territory_count,
				    territory);
}

/* The checks the field table cannot make: the kind is one the schema allows, the territory
 * exists. 0, or -1 on a database error. */
static int check_form(struct request *req)
{
	struct territory_item *territories;
	size_t territory_count;
	if (db_territory_tree(&req->worker->db, req->arena, &territories, &territory_count) < 0)
		return -1;
	const struct field_value *in = req->field;
	if (in[FIELD_VENUE_KIND].state == FIELD_VALID &&
	    code_label(venue_kinds, in[FIELD_VENUE_KIND].text) == NULL)
		page_reject(req, FIELD_VENUE_KIND, "выберите тип из списка");
	if (in[FIELD_TERRITORY].state == FIELD_VALID &&
	    !db_territory_known(territories, territory_count, in[FIELD_TERRITORY].number))
		page_reject(req, FIELD_TERRITORY, "выберите территорию из списка");
	return 0;
}

/* Bind territory, name, address, kind, capacity as ?first… (STMT_VENUE_INSERT's order). */
static void bind_form(struct request *req, sqlite3_stmt *s, int first)
{
	const struct field_value *in = req->field;
	sqlite3_bind_int64(s, first, in[FIELD_TERRITORY].number);
	sqlite3_bind_text(s, first + 1, in[FIELD_NAME].text, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, first + 2, in[FIELD_ADDRESS].text, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, first + 3, in[FIELD_VENUE_KIND].text, -1, SQLITE_STATIC);
	if (in[FIELD_CAPACITY].state == FIELD_VALID)
		sqlite3_bind_int64(s, first + 4, in[FIELD_CAPACITY].number);
}

static enum http_status venues_page(struct request *req, enum http_status status,
				    bool from_request)
{
	struct territory_item *territories;
	size_t territory_count;
	if (db_territory_tree(&req->worker->db, req->arena, &territories, &territory_count) < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_dict *d = reference_begin(req, "admin_venues.tpl", "Места проведения встреч",
				      REFERENCE_VENUES, true);
	struct venue_detail *venues;
	size_t rows;
	if (db_venue_admin_list(&req->worker->db, req->arena, scope_bind_value(req), &venues,
				&rows) < 0)
		return HTTP_INTERNAL_ERROR;
	for (size_t i = 0; i < rows; i++) {
		tpl_dict *row = tpl_section_add(d, "VENUE");
		tpl_set_int(row, "ID", venues[i].id);
		tpl_set(row, "NAME", venues[i].name);
		tpl_set(row, "ADDRESS", venues[i].address);
		tpl_set(row, "KIND", kind_label(venues[i].kind));
		if (venues[i].capacity > 0)
			tpl_set_int(tpl_section_add(row, "CAPACITY"), "N", venues[i].capacity);
		else
			tpl_section_show(row, "NO_CAPACITY");
		tpl_set(row, "TERRITORY", venues[i].territory);
	}
	tpl_section_show(d, rows ? "HAS_VENUES" : "NO_VENUES");
	if (reference_may_change(req)) {
		tpl_dict *f = tpl_include(tpl_section_add(d, "CAN_CHANGE"), "FORM",
					  "admin_venue_form.tpl");
		tpl_set(f, "ACTION", "/admin/venues");
		tpl_set(f, "SUBMIT", "Добавить место");
		fill_form(req, f, territories, territory_count, NULL, from_request);
	}
	return page_end(req, status);
}

/* GET /admin/venues — every venue with its address, kind, capacity and territory, and for
 * administrators and organizers the form for a new one. */
enum http_status page_admin_venues(struct request *req)
{
	return venues_page(req, HTTP_OK, false);
}

/* staff_action page of a new venue: the list and the form again, the input kept. */
static enum http_status venues_refused(struct request *req, enum http_status status)
{
	return venues_page(req, status, true);
}

/* A new venue (staff_action): nothing to load, refused to the list. */
static const struct staff_action venue_create = {"venue", STMT_VENUE_JSON, staff_action_no_target,
						 venues_refused};

/* POST /admin/venues (name, address, venue_kind, capacity, territory, csrf) — add a venue. 303 to
 * /admin/venues; 422 with the errors beside the fields and everything typed kept for a missing
 * name or address, a kind or territory not in the lists, or a capacity that is not a positive
 * whole number. */
enum http_status page_admin_venue_create(struct request *req)
{
	enum http_status status;
	if (!staff_action_begin(req, &venue_create, NULL, &status))
		return status;
	if (check_form(req) < 0)
		return staff_action_fail(req);
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &venue_create, NULL);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_VENUE_INSERT);
	bind_form(req, s, 1);
	return reference_finish_create(req, &venue_create, reference_insert(req, s, NULL),
				       "/admin/venues", false);
}

static enum http_status venue_page(struct request *req, const struct venue_detail *v,
				   enum http_status status, bool from_request)
{
	struct territory_item *territories;
	size_t territory_count;
	if (db_territory_tree(&req->worker->db, req->arena, &territories, &territory_count) < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_dict *d = reference_begin(req, "admin_venue.tpl", v->name, REFERENCE_VENUES, false);
	tpl_set_int(d, "ID", v->id);
	tpl_set(d, "NAME", v->name);
	tpl_set(d, "ADDRESS", v->address);
	tpl_set(d, "KIND", kind_label(v->kind));
	if (v->capacity > 0)
		tpl_set_int(tpl_section_add(d, "CAPACITY"), "N", v->capacity);
	else
		tpl_section_show(d, "NO_CAPACITY");
	for (size_t i = 0; i < territory_count; i++)
		if (territories[i].id == v->territory_id) {
			tpl_dict *t = tpl_section_add(d, "TERRITORY");
			tpl_set_int(t, "ID", territories[i].id);
			tpl_set(t, "NAME", territories[i].name);
		}
	if (reference_may_change(req)) {
		tpl_dict *f = tpl_include(tpl_section_add(d, "CAN_CHANGE"), "FORM",
					  "admin_venue_form.tpl");
		tpl_set(f, "ACTION", arena_printf(req->arena, "/admin/venues/%lld", v->id));
		tpl_set(f, "SUBMIT", "Сохранить изменения");
		fill_form(req, f, territories, territory_count, v, from_request);
	}
	return page_end(req, status);
}

/* GET /admin/venues/ID — one venue, and for administrators and organizers the form to change
 * it. 404 for an unknown id. */
enum http_status page_admin_venue(struct request *req)
{
	struct venue_detail v;
	int rc = db_venue_get(&req->worker->db, req->arena, req->path_id, &v);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return venue_page(req, &v, HTTP_OK, false);
}

/* staff_action load: the venue of the path. */
static int load_venue(struct request *req, void *target)
{
	return db_venue_get(&req->worker->db, req->arena, req->path_id, target);
}

/* staff_action page: the venue's page again, the input kept, the errors beside the fields. */
static enum http_status venue_refused(struct request *req, enum http_status status)
{
	struct venue_detail v;
	int rc = load_venue(req, &v);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return venue_page(req, &v, status, true);
}

/* A change of one venue (staff_action): refused to its page. */
static const struct staff_action venue_edit = {"venue", STMT_VENUE_JSON, load_venue,
					       venue_refused};

/* POST /admin/venues/ID (name, address, venue_kind, capacity, territory, csrf) — change a venue;
 * meetings held there show the new name and address. 303 to /admin/venues; 404 for an unknown
 * id; 422 as for a new one. */
enum http_status page_admin_venue_update(struct request *req)
{
	struct venue_detail v;
	enum http_status status;
	if (!staff_action_begin(req, &venue_edit, &v, &status))
		return status;
	if (check_form(req) < 0)
		return staff_action_fail(req);
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &venue_edit, NULL);
	json_t *before = staff_json(req, STMT_VENUE_JSON, v.id);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_VENUE_UPDATE);
	sqlite3_bind_int64(s, 1, v.id);
	bind_form(req, s, 2);
	bool ok = db_run(s) == SQLITE_DONE;
	return staff_action_finish(req, &venue_edit, ok, "update", v.id, before, "/admin/venues");
}
