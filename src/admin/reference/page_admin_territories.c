/* page_admin_territories.c — territories for staff (/admin/territories): the tree district →
 * settlement → microdistrict, a new territory under a parent of the right level, and renaming.
 * Readers: everyone who reads meetings; changes: administrators and organizers (routes.c). */
#include <string.h>

#include "db_municipality.h"
#include "db_reference.h"
#include "page.h"
#include "page_admin_reference.h"
#include "pages.h"
#include "scope.h"
#include "worker.h"

/* The tree in order, each row with its depth: for an account scoped to a body, that body's
 * territories only, the shallowest of them at depth 0 (issue 18). -1 on a database error. */
static int load_tree(struct request *req, struct territory_row **out, size_t *count)
{
	struct territory_row *all;
	size_t total;
	if (db_territory_admin_tree(&req->worker->db, req->arena, &all, &total) < 0)
		return -1;
	size_t n = 0;
	int top = -1; /* the depth of the shallowest row kept */
	for (size_t i = 0; i < total; i++) {
		if (!scope_territory_visible(req, all[i].id))
			continue;
		all[n++] = all[i];
		if (top < 0 || all[i].depth < top)
			top = all[i].depth;
	}
	for (size_t i = 0; i < n && top > 0; i++)
		all[i].depth -= top;
	*out = all;
	*count = n;
	return 0;
}

static const struct territory_row *find_row(const struct territory_row *rows, size_t n,
					    long long id)
{
	for (size_t i = 0; i < n; i++)
		if (rows[i].id == id)
			return &rows[i];
	return NULL;
}

/* The level a territory's parent must have: NULL for a district (it has none), "" for a level
 * that is not in the list. */
static const char *parent_level_for(const char *level)
{
	if (strcmp(level, "district") == 0)
		return NULL;
	if (strcmp(level, "settlement") == 0)
		return "district";
	if (strcmp(level, "microdistrict") == 0)
		return "settlement";
	return "";
}

static const char *level_label(const char *level)
{
	const char *label = code_label(territory_levels, level);
	return label ? label : level;
}

/* The tree as nested lists (page_tree_row): a deeper row opens a list inside the open item, a
 * shallower one closes as many as it climbs. */
static void fill_tree(tpl_dict *d, const struct territory_row *rows, size_t n)
{
	struct page_tree tree = PAGE_TREE_INIT;
	for (size_t i = 0; i < n; i++) {
		tpl_dict *row = page_tree_row(d, "TERRITORY", &tree, rows[i].depth);
		tpl_set_int(row, "ID", rows[i].id);
		tpl_set(row, "NAME", rows[i].name);
		tpl_set(row, "LEVEL", level_label(rows[i].level));
		if (rows[i].venues > 0)
			tpl_set_int(tpl_section_add(row, "VENUES"), "COUNT", rows[i].venues);
		if (rows[i].meetings > 0)
			tpl_set_int(tpl_section_add(row, "MEETINGS"), "COUNT", rows[i].meetings);
	}
	page_tree_end(d, &tree);
}

static enum http_status territories_page(struct request *req, enum http_status status,
					 bool from_request)
{
	struct territory_row *rows;
	size_t n;
	if (load_tree(req, &rows, &n) < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_dict *d = reference_begin(req, "admin_territories.tpl", "Территории",
				      REFERENCE_TERRITORIES, true);
	tpl_section_show(d, n ? "HAS_TERRITORIES" : "NO_TERRITORIES");
	fill_tree(d, rows, n);
	if (reference_may_change(req)) {
		tpl_dict *f = tpl_section_add(d, "CAN_CHANGE");
		const struct field_value *v = req->field;
		if (from_request)
			page_form_fields(req, f);
		reference_code_options(f, "LEVEL_OPTION", territory_levels,
				       from_request ? v[FIELD_LEVEL].raw : NULL);
		/* Whose part a new territory is: asked only when there is more than one
		 * municipality (without a choice it is its parent's, at the top the own one). */
		struct municipality_item *list;
		size_t count;
		if (db_municipality_list(&req->worker->db, req->arena, &list, &count) < 0)
			return HTTP_INTERNAL_ERROR;
		if (count > 1) {
			tpl_dict *m = tpl_section_add(f, "MUNICIPALITY_FIELD");
			long long chosen = from_request ? reference_chosen(req, FIELD_MUNICIPALITY) : 0;
			long long scope = scope_bind_value(req);
			for (size_t i = 0; i < count; i++) {
				if (scope != 0 && list[i].id != scope && list[i].district_id != scope)
					continue; /* not of the account's body (issue 18) */
				tpl_dict *o = tpl_section_add(m, "MUNICIPALITY_OPTION");
				tpl_set_int(o, "ID", list[i].id);
				tpl_set(o, "NAME", list[i].name);
				if (list[i].id == chosen)
					tpl_section_show(o, "SELECTED");
			}
		}
		long long parent = from_request ? reference_chosen(req, FIELD_PARENT) : 0;
		for (size_t i = 0; i < n; i++) {
			if (strcmp(rows[i].level, "microdistrict") == 0)
				continue; /* nothing lies below a microdistrict */
			tpl_dict *o = tpl_section_add(f, "PARENT_OPTION");
			tpl_set_int(o, "ID", rows[i].id);
			tpl_set(o, "NAME", arena_printf(req->arena, "%s%s (%s)",
							rows[i].depth ? "— " : "", rows[i].name,
							level_label(rows[i].level)));
			if (rows[i].id == parent)
				tpl_section_show(o, "SELECTED");
		}
	}
	return page_end(req, status);
}

/* GET /admin/territories — the tree of territories with the number of venues and meetings of
 * each, and for administrators and organizers the form for a new one. */
enum http_status page_admin_territories(struct request *req)
{
	return territories_page(req, HTTP_OK, false);
}

/* staff_action page of a new territory: the tree and the form again, the input kept. */
static enum http_status territories_refused(struct request *req, enum http_status status)
{
	return territories_page(req, status, true);
}

/* A new territory (staff_action): nothing to load, refused to the tree. */
static const struct staff_action territory_create = {"territory", STMT_TERRITORY_JSON,
						     staff_action_no_target, territories_refused};

/* POST /admin/territories (name, level, parent, municipality, csrf) — add a territory: a district
 * at the top (no parent), a settlement under a district, a microdistrict under a settlement; part
 * of the municipality chosen, else of its parent's (at the top: the own one, or the body of
 * an account scoped to one). 303 to
 * /admin/territories; 422 with the errors beside the fields for an unknown level, a parent that
 * does not exist or does not fit the level, an unknown municipality, or a name its siblings
 * already have. */
enum http_status page_admin_territory_create(struct request *req)
{
	enum http_status status;
	if (!staff_action_begin(req, &territory_create, NULL, &status))
		return status;
	struct territory_row *rows;
	size_t n;
	if (load_tree(req, &rows, &n) < 0)
		return staff_action_fail(req);
	const struct field_value *v = req->field;
	const char *level = v[FIELD_LEVEL].state == FIELD_VALID ? v[FIELD_LEVEL].text : NULL;
	const struct territory_row *parent = NULL;
	if (v[FIELD_PARENT].state == FIELD_VALID) {
		parent = find_row(rows, n, v[FIELD_PARENT].number);
		if (parent == NULL)
			page_reject(req, FIELD_PARENT, "выберите территорию из списка");
	}
	if (level != NULL) {
		const char *wanted = parent_level_for(level);
		if (wanted != NULL && wanted[0] == '\0')
			page_reject(req, FIELD_LEVEL, "выберите уровень из списка");
		else if (wanted == NULL && v[FIELD_PARENT].state != FIELD_ABSENT)
			page_reject(req, FIELD_PARENT,
					 "район — верхний уровень, он ни во что не входит: оставьте "
					 "поле пустым");
		else if (wanted != NULL && v[FIELD_PARENT].state == FIELD_ABSENT)
			page_reject(req, FIELD_PARENT,
					 strcmp(wanted, "district") == 0
						 ? "выберите район, в который входит поселение"
						 : "выберите поселение, в которое входит микрорайон");
		else if (wanted != NULL && parent != NULL && strcmp(parent->level, wanted) != 0)
			page_reject(req, FIELD_PARENT,
					 strcmp(wanted, "district") == 0
						 ? "поселение может входить только в район"
						 : "микрорайон или населённый пункт может входить только "
						   "в поселение");
	}
	if (v[FIELD_MUNICIPALITY].state == FIELD_VALID) {
		struct municipality_item *list;
		size_t count;
		if (db_municipality_list(&req->worker->db, req->arena, &list, &count) < 0)
			return staff_action_fail(req);
		if (db_municipality_find(list, count, v[FIELD_MUNICIPALITY].number) == NULL)
			page_reject(req, FIELD_MUNICIPALITY, "выберите муниципальное образование из "
							     "списка");
	}
	if (req->invalid_fields == 0) {
		int taken = db_territory_name_taken(&req->worker->db, parent ? parent->id : 0,
						    v[FIELD_NAME].text, 0);
		if (taken < 0)
			return staff_action_fail(req);
		if (taken)
			page_reject(req, FIELD_NAME,
					 parent ? "в этой территории уже есть часть с таким названием"
						: "район с таким названием уже есть");
	}
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &territory_create, NULL);

	struct db *db = &req->worker->db;
	sqlite3_stmt *s = db_stmt(db, STMT_TERRITORY_INSERT);
	if (parent)
		sqlite3_bind_int64(s, 1, parent->id);
	sqlite3_bind_text(s, 2, level, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, v[FIELD_NAME].text, -1, SQLITE_STATIC);
	if (v[FIELD_MUNICIPALITY].state == FIELD_VALID)
		sqlite3_bind_int64(s, 4, v[FIELD_MUNICIPALITY].number);
	else if (parent == NULL && !scope_is_installation(req))
		sqlite3_bind_int64(s, 4, scope_bind_value(req)); /* not the own one: the body's */
	return reference_finish_create(req, &territory_create, reference_insert(req, s, NULL),
				       "/admin/territories", false);
}

static enum http_status territory_page(struct request *req, const struct territory_detail *t,
				       enum http_status status, bool from_request)
{
	struct territory_row *rows;
	size_t n;
	if (load_tree(req, &rows, &n) < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_dict *d = reference_begin(req, "admin_territory.tpl", t->name, REFERENCE_TERRITORIES,
				      false);
	tpl_set_int(d, "ID", t->id);
	tpl_set(d, "NAME", t->name);
	tpl_set(d, "LEVEL", level_label(t->level));
	if (t->parent_id) {
		tpl_dict *p = tpl_section_add(d, "PARENT");
		tpl_set_int(p, "ID", t->parent_id);
		tpl_set(p, "NAME", t->parent_name);
	}
	const struct territory_row *self = find_row(rows, n, t->id);
	tpl_dict *parts = NULL;
	for (size_t i = 0; i < n; i++) {
		if (rows[i].parent_id != t->id)
			continue;
		if (parts == NULL)
			parts = tpl_section_add(d, "PARTS");
		tpl_dict *c = tpl_section_add(parts, "PART");
		tpl_set_int(c, "ID", rows[i].id);
		tpl_set(c, "NAME", rows[i].name);
	}
	if (self) {
		tpl_set_int(d, "VENUES", self->venues);
		tpl_set_int(d, "MEETINGS", self->meetings);
	}
	if (reference_may_change(req)) {
		tpl_dict *f = tpl_section_add(d, "CAN_CHANGE");
		tpl_set_int(f, "ID", t->id);
		if (from_request)
			page_form_fields(req, f);
		else
			tpl_set(f, "name", t->name);
	}
	return page_end(req, status);
}

/* GET /admin/territories/ID — one territory: its level, what it belongs to and what belongs to
 * it, and for administrators and organizers the form to rename it. 404 for an unknown id. */
enum http_status page_admin_territory(struct request *req)
{
	struct territory_detail t;
	int rc = db_territory_get(&req->worker->db, req->arena, req->path_id, &t);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return territory_page(req, &t, HTTP_OK, false);
}

/* staff_action load: the territory of the path. */
static int load_territory(struct request *req, void *target)
{
	return db_territory_get(&req->worker->db, req->arena, req->path_id, target);
}

/* staff_action page: the territory's page again, the input kept, the errors beside the fields. */
static enum http_status territory_refused(struct request *req, enum http_status status)
{
	struct territory_detail t;
	int rc = db_territory_get(&req->worker->db, req->arena, req->path_id, &t);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return territory_page(req, &t, status, true);
}

/* A change of one territory (staff_action): refused to its page. */
static const struct staff_action territory_edit = {"territory", STMT_TERRITORY_JSON,
						   load_territory, territory_refused};

/* POST /admin/territories/ID (name, csrf) — rename a territory; its level and place in the tree
 * stay. 303 to /admin/territories; 404 for an unknown id; 422 beside the field for an empty or
 * too long name or one a sibling already has. */
enum http_status page_admin_territory_rename(struct request *req)
{
	struct territory_detail t;
	enum http_status status;
	if (!staff_action_begin(req, &territory_edit, &t, &status))
		return status;
	const char *name = req->field[FIELD_NAME].text;
	if (req->invalid_fields == 0) {
		int taken = db_territory_name_taken(&req->worker->db, t.parent_id, name, t.id);
		if (taken < 0)
			return staff_action_fail(req);
		if (taken)
			page_reject(req, FIELD_NAME,
					 t.parent_id ? "в той же территории уже есть часть с таким названием"
						     : "район с таким названием уже есть");
	}
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &territory_edit, NULL);

	json_t *before = staff_json(req, STMT_TERRITORY_JSON, t.id);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_TERRITORY_RENAME);
	sqlite3_bind_int64(s, 1, t.id);
	sqlite3_bind_text(s, 2, name, -1, SQLITE_STATIC);
	bool ok = db_run(s) == SQLITE_DONE;
	return staff_action_finish(req, &territory_edit, ok, "rename", t.id, before,
				   "/admin/territories");
}
