/* staff_change.c — choice lists, audit JSON and finishing a change for staff pages (see
 * staff_change.h). */
#include "staff_change.h"

#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "db_reference.h"
#include "page.h"
#include "ru.h"
#include "scope.h"
#include "staff_body.h"
#include "worker.h"

int staff_load_items(struct request *req, enum stmt which, long long param,
		     struct staff_item **out, size_t *count)
{
	return db_choice_items(&req->worker->db, req->arena, which, param, out, count);
}

bool staff_has_item(const struct staff_item *items, size_t count, long long id)
{
	for (size_t i = 0; i < count; i++)
		if (items[i].id == id)
			return true;
	return false;
}

json_t *staff_json(struct request *req, enum stmt which, long long id)
{
	const char *text;
	if (db_json_text(&req->worker->db, req->arena, which, id, &text) != 0)
		return NULL;
	return json_loads(text, 0, NULL);
}

enum http_status staff_commit(struct request *req, bool ok, const char *action,
			      const char *entity, long long id, json_t *before, enum stmt json_stmt,
			      const char *location)
{
	struct db *db = &req->worker->db;
	if (!ok) {
		json_decref(before);
		db_log_error(db, entity);
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	json_t *after = staff_json(req, json_stmt, id);
	if (after == NULL || audit_record(req, NULL, action, entity, id, before, after) < 0 ||
	    db_commit(db) < 0) {
		if (after == NULL)
			json_decref(before);
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req, location);
}

void staff_item_options(struct request *req, tpl_dict *d, const char *section,
			const struct staff_item *items, size_t count, long long selected)
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

int staff_audience_fill(struct request *req, tpl_dict *d, bool from_request)
{
	long long territory = req->field[FIELD_TERRITORY].state == FIELD_VALID
				      ? req->field[FIELD_TERRITORY].number
				      : 0;
	if (page_territory_options(req, d, "TERRITORY_OPTION", from_request ? territory : 0, NULL,
				   NULL) < 0)
		return -1;
	struct staff_item *groups;
	size_t group_count;
	if (staff_load_items(req, STMT_REFGROUP_OPTIONS, scope_bind_value(req), &groups, &group_count) < 0)
		return -1;
	if (group_count == 0)
		tpl_section_show(d, "NO_REFERENCE_GROUPS");
	const struct field_value *chosen = &req->field[FIELD_REFERENCE_GROUP];
	for (size_t i = 0; i < group_count; i++) {
		tpl_dict *box = tpl_section_add(d, "REFERENCE_GROUP_OPTION");
		tpl_set_int(box, "ID", groups[i].id);
		long long members = atoll(groups[i].extra);
		tpl_set(box, "NAME",
			arena_printf(req->arena, "%s (%lld %s)", groups[i].name, members,
				     ru_plural((long)members, "участник", "участника", "участников")));
		for (size_t k = 0; from_request && k < chosen->id_count; k++)
			if (chosen->ids[k] == groups[i].id)
				tpl_section_show(box, "CHECKED");
	}
	return 0;
}

int staff_audience_check(struct request *req)
{
	const struct field_value *territory = &req->field[FIELD_TERRITORY];
	if (territory->state == FIELD_VALID) {
		struct territory_item *territories;
		size_t count;
		if (db_territory_tree(&req->worker->db, req->arena, &territories, &count) < 0)
			return -1;
		if (!db_territory_known(territories, count, territory->number))
			page_reject(req, FIELD_TERRITORY, "такой территории нет");
	}
	const struct field_value *chosen = &req->field[FIELD_REFERENCE_GROUP];
	if (chosen->id_count > 0) {
		struct staff_item *groups;
		size_t group_count;
		if (staff_load_items(req, STMT_REFGROUP_OPTIONS, scope_bind_value(req), &groups, &group_count) < 0)
			return -1;
		for (size_t k = 0; k < chosen->id_count; k++)
			if (!staff_has_item(groups, group_count, chosen->ids[k]))
				page_reject(req, FIELD_REFERENCE_GROUP, "такой референтной группы нет");
		/* The record's body: its territory's, else its meeting's, else the account's. */
		const struct field_value *meeting = &req->field[FIELD_MEETING];
		if (req->field[FIELD_REFERENCE_GROUP].state != FIELD_INVALID &&
		    staff_reference_groups_check(
			    req, territory->state == FIELD_VALID ? territory->number : 0,
			    meeting->state == FIELD_VALID ? meeting->number : 0,
			    scope_bind_value(req)) < 0)
			return -1;
	}
	return 0;
}

bool staff_action_begin(struct request *req, const struct staff_action *kind, void *target,
			enum http_status *status)
{
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0) {
		*status = HTTP_INTERNAL_ERROR;
		return false;
	}
	int rc = kind->load(req, target);
	if (rc != 0) {
		db_rollback(db);
		*status = rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
		return false;
	}
	return true;
}

enum http_status staff_action_refuse(struct request *req, const struct staff_action *kind,
				     const char *why)
{
	db_rollback(&req->worker->db);
	if (why != NULL)
		req->error_detail = why;
	return kind->page(req, HTTP_UNPROCESSABLE);
}

enum http_status staff_action_finish(struct request *req, const struct staff_action *kind,
				     bool ok, const char *action, long long id, json_t *before,
				     const char *location)
{
	return staff_commit(req, ok, action, kind->entity, id, before, kind->json_stmt, location);
}

int staff_action_no_target(struct request *req, void *target)
{
	(void)req;
	(void)target;
	return 0;
}

enum http_status staff_action_fail(struct request *req)
{
	db_rollback(&req->worker->db);
	return HTTP_INTERNAL_ERROR;
}
