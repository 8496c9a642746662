/* page_admin_groups.c — information groups (/admin/groups; regulation № 44 on information groups
 * §3.3–3.5): a group consists of a leader, a secretary and members, all from the people directory,
 * and works on a territory; field meetings name the group that holds them. The list, a new group,
 * and editing one with its members as checkboxes. Readers: everyone who reads meetings; changes:
 * administrators and organizers (routes.c). */
#include <string.h>

#include "civil_time.h"
#include "db_reference.h"
#include "page.h"
#include "page_admin_reference.h"
#include "pages.h"
#include "scope.h"
#include "worker.h"

struct info_group {
	long long id, territory_id, leader_id, secretary_id; /* 0 when none */
	const char *name;
	time_t created_at;
	long long *members;
	size_t member_count;
};

/* What the form offers to choose from. */
struct group_choices {
	struct territory_item *territories;
	size_t territory_count;
	struct staff_item *people;
	size_t person_count;
};

static int load_choices(struct request *req, struct group_choices *c)
{
	if (db_territory_tree(&req->worker->db, req->arena, &c->territories, &c->territory_count) < 0)
		return -1;
	return staff_load_items(req, STMT_PERSON_LIST, 0, &c->people, &c->person_count);
}

static bool territory_exists(const struct group_choices *c, long long id)
{
	return db_territory_known(c->territories, c->territory_count, id);
}

/* The form's fields: from the group g (NULL for a new one), or after a refused submit from the
 * request, with the errors beside them. */
static void fill_form(struct request *req, tpl_dict *f, const struct group_choices *c,
		      const struct info_group *g, bool from_request)
{
	const struct field_value *in = req->field;
	long long territory = g ? g->territory_id : 0, leader = g ? g->leader_id : 0;
	long long secretary = g ? g->secretary_id : 0;
	const long long *members = g ? g->members : NULL;
	size_t member_count = g ? g->member_count : 0;
	if (from_request) {
		page_form_fields(req, f);
		territory = reference_chosen(req, FIELD_TERRITORY);
		leader = reference_chosen(req, FIELD_LEADER);
		secretary = reference_chosen(req, FIELD_SECRETARY);
		members = in[FIELD_MEMBER].ids;
		member_count = in[FIELD_MEMBER].id_count;
	} else if (g) {
		tpl_set(f, "name", g->name);
	}
	page_territory_list_options(req, f, "TERRITORY_OPTION", c->territories, c->territory_count,
				    territory);
	staff_item_options(req, f, "LEADER_OPTION", c->people, c->person_count, leader);
	staff_item_options(req, f, "SECRETARY_OPTION", c->people, c->person_count, secretary);
	for (size_t i = 0; i < c->person_count; i++) {
		const struct staff_item *p = &c->people[i];
		tpl_dict *box = tpl_section_add(f, "MEMBER_OPTION");
		tpl_set_int(box, "ID", p->id);
		tpl_set(box, "NAME",
			p->extra[0] ? arena_printf(req->arena, "%s, %s", p->name, p->extra) : p->name);
		for (size_t k = 0; k < member_count; k++)
			if (members[k] == p->id)
				tpl_section_show(box, "CHECKED");
	}
}

/* The checks the field table cannot make: the territory and every person exist, the leader and
 * the secretary are two people, and neither is ticked again among the members. */
static void check_form(struct request *req, const struct group_choices *c)
{
	const struct field_value *in = req->field;
	if (in[FIELD_TERRITORY].state == FIELD_VALID &&
	    !territory_exists(c, in[FIELD_TERRITORY].number))
		page_reject(req, FIELD_TERRITORY, "выберите территорию из списка");
	if (in[FIELD_LEADER].state == FIELD_VALID &&
	    !staff_has_item(c->people, c->person_count, in[FIELD_LEADER].number))
		page_reject(req, FIELD_LEADER, "выберите из списка");
	if (in[FIELD_SECRETARY].state == FIELD_VALID &&
	    !staff_has_item(c->people, c->person_count, in[FIELD_SECRETARY].number))
		page_reject(req, FIELD_SECRETARY, "выберите из списка");
	if (in[FIELD_LEADER].state == FIELD_VALID && in[FIELD_SECRETARY].state == FIELD_VALID &&
	    in[FIELD_LEADER].number == in[FIELD_SECRETARY].number)
		page_reject(req, FIELD_SECRETARY,
				 "секретарём должен быть не руководитель группы, а другой человек");
	for (size_t i = 0; i < in[FIELD_MEMBER].id_count; i++) {
		long long id = in[FIELD_MEMBER].ids[i];
		if (!staff_has_item(c->people, c->person_count, id))
			page_reject(req, FIELD_MEMBER, "выберите из списка");
		else if ((in[FIELD_LEADER].state == FIELD_VALID && id == in[FIELD_LEADER].number) ||
			 (in[FIELD_SECRETARY].state == FIELD_VALID && id == in[FIELD_SECRETARY].number))
			page_reject(req, FIELD_MEMBER,
					 "руководитель и секретарь уже входят в группу: не отмечайте "
					 "их среди членов");
	}
}

/* Bind name, territory, leader, secretary as ?first… (STMT_GROUP_INSERT's order). */
static void bind_form(struct request *req, sqlite3_stmt *s, int first)
{
	const struct field_value *in = req->field;
	sqlite3_bind_text(s, first, in[FIELD_NAME].text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, first + 1, in[FIELD_TERRITORY].number);
	if (in[FIELD_LEADER].state == FIELD_VALID)
		sqlite3_bind_int64(s, first + 2, in[FIELD_LEADER].number);
	if (in[FIELD_SECRETARY].state == FIELD_VALID)
		sqlite3_bind_int64(s, first + 3, in[FIELD_SECRETARY].number);
}

/* Replace the group's members with the ticked ones. */
static bool save_members(struct request *req, long long id)
{
	struct db *db = &req->worker->db;
	sqlite3_stmt *s = db_stmt(db, STMT_GROUP_MEMBER_CLEAR);
	sqlite3_bind_int64(s, 1, id);
	int rc = db_run(s);
	const struct field_value *v = &req->field[FIELD_MEMBER];
	for (size_t i = 0; rc == SQLITE_DONE && i < v->id_count; i++) {
		s = db_stmt(db, STMT_GROUP_MEMBER_ADD);
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, v->ids[i]);
		rc = db_run(s);
	}
	return rc == SQLITE_DONE;
}

static enum http_status groups_page(struct request *req, enum http_status status,
				    bool from_request)
{
	struct group_choices c;
	if (load_choices(req, &c) < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_dict *d = reference_begin(req, "admin_groups.tpl", "Информационные группы",
				      REFERENCE_GROUPS, true);
	struct group_row *groups;
	size_t rows;
	if (db_group_list(&req->worker->db, req->arena, scope_bind_value(req), &groups, &rows) < 0)
		return HTTP_INTERNAL_ERROR;
	for (size_t i = 0; i < rows; i++) {
		tpl_dict *row = tpl_section_add(d, "GROUP");
		tpl_set_int(row, "ID", groups[i].id);
		tpl_set(row, "NAME", groups[i].name);
		tpl_set(row, "TERRITORY", groups[i].territory);
		tpl_set(row, "LEADER", groups[i].leader);
		tpl_set(row, "SECRETARY", groups[i].secretary);
		tpl_set_int(row, "MEMBERS", groups[i].members);
	}
	tpl_section_show(d, rows ? "HAS_GROUPS" : "NO_GROUPS");
	if (reference_may_change(req)) {
		tpl_dict *f = tpl_include(tpl_section_add(d, "CAN_CHANGE"), "FORM",
					  "admin_group_form.tpl");
		tpl_set(f, "ACTION", "/admin/groups");
		tpl_set(f, "SUBMIT", "Создать группу");
		fill_form(req, f, &c, NULL, from_request);
	}
	return page_end(req, status);
}

/* GET /admin/groups — every information group with its territory, leader, secretary and number
 * of members, and for administrators and organizers the form for a new one. */
enum http_status page_admin_groups(struct request *req)
{
	return groups_page(req, HTTP_OK, false);
}

/* staff_action load of a new group: the territories and people to check the form against. */
static int load_new(struct request *req, void *target)
{
	return load_choices(req, target) < 0 ? -1 : 0;
}

/* staff_action page of a new group: the list and the form again, the input kept. */
static enum http_status groups_refused(struct request *req, enum http_status status)
{
	return groups_page(req, status, true);
}

/* A new information group (staff_action): refused to the list. */
static const struct staff_action group_create = {"info_group", STMT_GROUP_JSON, load_new,
						 groups_refused};

/* POST /admin/groups (name, territory, leader, secretary, member…, csrf) — create a group. 303 to
 * its page; 422 with the errors beside the fields and everything typed kept for a missing or
 * taken name, a territory or person not in the lists, the same person as leader and secretary,
 * or the leader or secretary ticked among the members. */
enum http_status page_admin_group_create(struct request *req)
{
	struct group_choices c;
	enum http_status status;
	if (!staff_action_begin(req, &group_create, &c, &status))
		return status;
	check_form(req, &c);
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &group_create, NULL);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_GROUP_INSERT);
	bind_form(req, s, 1);
	sqlite3_bind_int64(s, 5, (sqlite3_int64)req->now);
	int rc;
	long long id = reference_insert(req, s, &rc);
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		page_reject(req, FIELD_NAME, "группа с таким названием уже есть");
		return staff_action_refuse(req, &group_create, NULL);
	}
	return reference_finish_create(req, &group_create, id && save_members(req, id) ? id : 0,
				       "/admin/groups", true);
}

/* 0 found, 1 no such group, -1 database error. */
static int load_group(struct request *req, long long id, struct info_group *g)
{
	memset(g, 0, sizeof *g);
	struct group_detail row;
	int rc = db_group_get(&req->worker->db, req->arena, id, &row);
	if (rc != 0)
		return rc;
	g->id = id;
	g->name = row.name;
	g->territory_id = row.territory_id;
	g->leader_id = row.leader_id;
	g->secretary_id = row.secretary_id;
	g->created_at = row.created_at;
	struct staff_item *members;
	if (staff_load_items(req, STMT_GROUP_MEMBERS, id, &members, &g->member_count) < 0)
		return -1;
	g->members = arena_alloc(req->arena, (g->member_count ? g->member_count : 1) *
						     sizeof *g->members);
	for (size_t i = 0; i < g->member_count; i++)
		g->members[i] = members[i].id;
	return 0;
}

/* The person of choices with id, NULL for none. */
static const struct staff_item *person(const struct group_choices *c, long long id)
{
	for (size_t i = 0; id && i < c->person_count; i++)
		if (c->people[i].id == id)
			return &c->people[i];
	return NULL;
}

static void set_person(struct request *req, tpl_dict *d, const char *section,
		       const struct staff_item *p)
{
	if (p == NULL)
		return;
	tpl_dict *s = tpl_section_add(d, section);
	tpl_set_int(s, "ID", p->id);
	tpl_set(s, "NAME", p->extra[0] ? arena_printf(req->arena, "%s, %s", p->name, p->extra)
				       : p->name);
}

static enum http_status group_page(struct request *req, const struct info_group *g,
				   enum http_status status, bool from_request)
{
	struct group_choices c;
	struct staff_item *members;
	size_t member_count;
	if (load_choices(req, &c) < 0 ||
	    staff_load_items(req, STMT_GROUP_MEMBERS, g->id, &members, &member_count) < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_dict *d = reference_begin(req, "admin_group.tpl", g->name, REFERENCE_GROUPS, false);
	tpl_set_int(d, "ID", g->id);
	tpl_set(d, "NAME", g->name);
	for (size_t i = 0; i < c.territory_count; i++)
		if (c.territories[i].id == g->territory_id) {
			tpl_dict *t = tpl_section_add(d, "TERRITORY");
			tpl_set_int(t, "ID", c.territories[i].id);
			tpl_set(t, "NAME", c.territories[i].name);
		}
	set_person(req, d, "LEADER", person(&c, g->leader_id));
	if (g->leader_id == 0)
		tpl_section_show(d, "NO_LEADER");
	set_person(req, d, "SECRETARY", person(&c, g->secretary_id));
	if (g->secretary_id == 0)
		tpl_section_show(d, "NO_SECRETARY");
	tpl_dict *list = member_count ? tpl_section_add(d, "MEMBERS") : NULL;
	for (size_t i = 0; i < member_count; i++)
		set_person(req, list, "MEMBER", &members[i]);
	if (member_count == 0)
		tpl_section_show(d, "NO_MEMBERS");
	page_set_date(d, "CREATED", g->created_at);
	if (reference_may_change(req)) {
		tpl_dict *f = tpl_include(tpl_section_add(d, "CAN_CHANGE"), "FORM",
					  "admin_group_form.tpl");
		tpl_set(f, "ACTION", arena_printf(req->arena, "/admin/groups/%lld", g->id));
		tpl_set(f, "SUBMIT", "Сохранить изменения");
		fill_form(req, f, &c, g, from_request);
	}
	return page_end(req, status);
}

/* GET /admin/groups/ID — one group: territory, leader, secretary, members, and for
 * administrators and organizers the form to change them. 404 for an unknown id. */
enum http_status page_admin_group(struct request *req)
{
	struct info_group g;
	int rc = load_group(req, req->path_id, &g);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return group_page(req, &g, HTTP_OK, false);
}

/* The group of the path with what its form offers. */
struct group_target {
	struct info_group g;
	struct group_choices c;
};

/* staff_action load: the group of the path and the choices of its form. */
static int load_target(struct request *req, void *target)
{
	struct group_target *t = target;
	int rc = load_group(req, req->path_id, &t->g);
	if (rc != 0)
		return rc;
	return load_choices(req, &t->c) < 0 ? -1 : 0;
}

/* staff_action page: the group's page again, the input kept, the errors beside the fields. */
static enum http_status group_refused(struct request *req, enum http_status status)
{
	struct info_group g;
	int rc = load_group(req, req->path_id, &g);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return group_page(req, &g, status, true);
}

/* A change of one information group (staff_action): refused to its page. */
static const struct staff_action group_edit = {"info_group", STMT_GROUP_JSON, load_target,
					       group_refused};

/* POST /admin/groups/ID (name, territory, leader, secretary, member…, csrf) — change a group;
 * the members become exactly the ticked ones. 303 to its page; 404 for an unknown id; 422 as for
 * a new one. */
enum http_status page_admin_group_update(struct request *req)
{
	struct group_target t;
	enum http_status status;
	if (!staff_action_begin(req, &group_edit, &t, &status))
		return status;
	check_form(req, &t.c);
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &group_edit, NULL);
	json_t *before = staff_json(req, STMT_GROUP_JSON, t.g.id);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_GROUP_UPDATE);
	sqlite3_bind_int64(s, 1, t.g.id);
	bind_form(req, s, 2);
	int rc = db_run(s);
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		json_decref(before);
		page_reject(req, FIELD_NAME, "группа с таким названием уже есть");
		return staff_action_refuse(req, &group_edit, NULL);
	}
	bool ok = rc == SQLITE_DONE && save_members(req, t.g.id);
	return staff_action_finish(req, &group_edit, ok, "update", t.g.id, before,
				   arena_printf(req->arena, "/admin/groups/%lld", t.g.id));
}
