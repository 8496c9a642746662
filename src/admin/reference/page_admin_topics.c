/* page_admin_topics.c — the thematic classifier of appeals for staff (/admin/topics): the tree
 * of sections, subjects, topics and questions with their codes (0005.0005.0056), a new entry under
 * a parent, renaming, and switching an entry off and on. Entries are never deleted: appeals refer
 * to their codes. Readers: administrators, organizers, controllers, secretaries; changes:
 * administrators (routes.c). Every change is audited as entity "appeal_topic". */
#include <string.h>

#include "auth.h"
#include "page.h"
#include "page_admin_reference.h"
#include "pages.h"
#include "worker.h"

/* The deepest level: a question (вопрос) has nothing below it here. */
#define TOPIC_MAX_LEVEL 4

static const char *const level_names[TOPIC_MAX_LEVEL + 1] = {
	NULL, "раздел", "тематика", "тема", "вопрос",
};

static const char *level_name(int level)
{
	return level >= 1 && level <= TOPIC_MAX_LEVEL ? level_names[level] : "";
}

static bool may_change(const struct request *req)
{
	return req->staff != NULL && (req->staff->role & ROLE_ADMIN) != 0;
}

/* The whole classifier, depth first. -1 on a database error. */
static int load_tree(struct request *req, struct topic_row **out, size_t *count)
{
	return db_topic_tree(&req->worker->db, req->arena, out, count);
}

static const struct topic_row *find_row(const struct topic_row *rows, size_t n, const char *code)
{
	for (size_t i = 0; code != NULL && i < n; i++)
		if (strcmp(rows[i].code, code) == 0)
			return &rows[i];
	return NULL;
}

/* The level of a well-formed code (groups of four digits joined by dots, at most four groups),
 * 0 for anything else. */
static int code_level(const char *code)
{
	size_t len = strlen(code);
	if (len % 5 != 4 || len > 5 * TOPIC_MAX_LEVEL - 1)
		return 0;
	for (size_t i = 0; i < len; i++) {
		bool dot = i % 5 == 4;
		if (dot ? code[i] != '.' : (code[i] < '0' || code[i] > '9'))
			return 0;
	}
	return (int)(len + 1) / 5;
}

/* The link to one entry's page. */
static const char *topic_href(struct request *req, const char *code)
{
	return arena_printf(req->arena, "/admin/topics/item?topic=%s", code);
}

/* The tree as nested lists (page_tree_row). */
static void fill_tree(struct request *req, tpl_dict *d, const struct topic_row *rows, size_t n)
{
	struct page_tree tree = PAGE_TREE_INIT;
	for (size_t i = 0; i < n; i++) {
		tpl_dict *row = page_tree_row(d, "TOPIC", &tree, rows[i].depth);
		tpl_set(row, "HREF", topic_href(req, rows[i].code));
		tpl_set(row, "CODE", rows[i].code);
		tpl_set(row, "NAME", rows[i].name);
		if (!rows[i].active)
			tpl_section_show(row, "INACTIVE");
	}
	page_tree_end(d, &tree);
}

static enum http_status topics_page(struct request *req, enum http_status status,
				    bool from_request)
{
	struct topic_row *rows;
	size_t n;
	if (load_tree(req, &rows, &n) < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_dict *d = reference_begin(req, "admin_topics.tpl", "Темы обращений", REFERENCE_TOPICS,
				      true);
	tpl_section_show(d, n ? "HAS_TOPICS" : "NO_TOPICS");
	fill_tree(req, d, rows, n);
	if (may_change(req)) {
		tpl_dict *f = tpl_section_add(d, "CAN_CHANGE");
		const char *parent = NULL;
		if (from_request) {
			page_form_fields(req, f);
			parent = req->field[FIELD_PARENT_TOPIC].raw;
		}
		for (size_t i = 0; i < n; i++) {
			if (rows[i].level >= TOPIC_MAX_LEVEL)
				continue;
			tpl_dict *o = tpl_section_add(f, "PARENT_OPTION");
			tpl_set(o, "CODE", rows[i].code);
			tpl_set(o, "LABEL", arena_printf(req->arena, "%s %s", rows[i].code,
							 rows[i].name));
			if (parent != NULL && strcmp(parent, rows[i].code) == 0)
				tpl_section_show(o, "SELECTED");
		}
	}
	return page_end(req, status);
}

/* GET /admin/topics — the classifier as a tree: each entry with its code, name and whether it is
 * still used, linked to its own page; for administrators the form for a new entry. */
enum http_status page_admin_topics(struct request *req)
{
	return topics_page(req, HTTP_OK, false);
}

/* staff_action page of a new entry: the classifier and the form again, the input kept. */
static enum http_status topics_refused(struct request *req, enum http_status status)
{
	return topics_page(req, status, true);
}

/* A new entry of the classifier (staff_action): nothing to load, refused to the tree. */
static const struct staff_action topic_create = {"appeal_topic", STMT_TOPIC_JSON,
						 staff_action_no_target, topics_refused};

/* POST /admin/topics (parent_topic, topic, name, csrf) — add an entry under a section, subject or
 * topic: its code is the parent's code and one more group of four digits. 303 to /admin/topics;
 * 422 with the errors beside the fields for a parent that is not in the classifier or is a
 * question, a code of the wrong shape, not under the parent, or already taken. */
enum http_status page_admin_topic_create(struct request *req)
{
	enum http_status status;
	if (!staff_action_begin(req, &topic_create, NULL, &status))
		return status;
	struct topic_row *rows;
	size_t n;
	if (load_tree(req, &rows, &n) < 0)
		return staff_action_fail(req);
	const struct field_value *v = req->field;
	const struct topic_row *parent = NULL;
	if (v[FIELD_PARENT_TOPIC].state == FIELD_VALID) {
		parent = find_row(rows, n, v[FIELD_PARENT_TOPIC].text);
		if (parent == NULL)
			page_reject(req, FIELD_PARENT_TOPIC, "выберите пункт классификатора из списка");
		else if (parent->level >= TOPIC_MAX_LEVEL)
			page_reject(req, FIELD_PARENT_TOPIC,
				    "в вопрос ничего не входит: выберите раздел, тематику или тему");
	}
	const char *code = v[FIELD_TOPIC].state == FIELD_VALID ? v[FIELD_TOPIC].text : NULL;
	if (code != NULL) {
		const struct topic_row *same = find_row(rows, n, code);
		bool parent_ok = parent != NULL && req->field[FIELD_PARENT_TOPIC].state == FIELD_VALID;
		if (code_level(code) == 0)
			page_reject(req, FIELD_TOPIC,
				    "код состоит из групп по четыре цифры через точку, например "
				    "0005.0005.0056");
		else if (same != NULL)
			page_reject(req, FIELD_TOPIC,
				    arena_printf(req->arena, "код %s уже занят: «%s»", code,
						 same->name));
		else if (parent_ok && (code_level(code) != parent->level + 1 ||
				       strncmp(code, parent->code, strlen(parent->code)) != 0))
			page_reject(req, FIELD_TOPIC,
				    arena_printf(req->arena,
						 "код должен продолжать код %s одной группой из "
						 "четырёх цифр: %s.0001, %s.0002 и так далее",
						 parent->code, parent->code, parent->code));
	}
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &topic_create, NULL);

	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_TOPIC_INSERT);
	sqlite3_bind_text(s, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, parent->code, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, parent->level + 1);
	sqlite3_bind_text(s, 4, v[FIELD_NAME].text, -1, SQLITE_STATIC);
	return reference_finish_create(req, &topic_create, reference_insert(req, s, NULL),
				       "/admin/topics", false);
}

/* The entry named by the request's topic field: 0 found, 1 no such entry, -1 database
 * error. */
static int load_topic(struct request *req, struct topic_detail *t)
{
	const struct field_value *v = &req->field[FIELD_TOPIC];
	if (v->state != FIELD_VALID || code_level(v->text) == 0)
		return 1;
	return db_topic_get(&req->worker->db, req->arena, v->text, t);
}

/* staff_action load: the entry of the request. */
static int load_target(struct request *req, void *target)
{
	return load_topic(req, target);
}

static enum http_status topic_page(struct request *req, const struct topic_detail *t,
				   enum http_status status, bool from_request)
{
	struct topic_row *rows;
	size_t n;
	if (load_tree(req, &rows, &n) < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_dict *d = reference_begin(req, "admin_topic.tpl",
				      arena_printf(req->arena, "%s %s", t->code, t->name),
				      REFERENCE_TOPICS, false);
	tpl_set(d, "CODE", t->code);
	tpl_set(d, "NAME", t->name);
	tpl_set(d, "LEVEL", level_name(t->level));
	tpl_section_show(d, t->active ? "ACTIVE" : "INACTIVE");
	if (t->parent_code[0] != '\0') {
		tpl_dict *p = tpl_section_add(d, "PARENT");
		tpl_set(p, "HREF", topic_href(req, t->parent_code));
		tpl_set(p, "CODE", t->parent_code);
		tpl_set(p, "NAME", t->parent_name);
	}
	tpl_dict *parts = NULL;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(rows[i].parent_code, t->code) != 0)
			continue;
		if (parts == NULL)
			parts = tpl_section_add(d, "PARTS");
		tpl_dict *c = tpl_section_add(parts, "PART");
		tpl_set(c, "HREF", topic_href(req, rows[i].code));
		tpl_set(c, "CODE", rows[i].code);
		tpl_set(c, "NAME", rows[i].name);
		if (!rows[i].active)
			tpl_section_show(c, "INACTIVE");
	}
	if (may_change(req)) {
		tpl_dict *f = tpl_section_add(d, "CAN_CHANGE");
		tpl_set(f, "CODE", t->code);
		if (from_request)
			page_form_fields(req, f);
		else
			tpl_set(f, "name", t->name);
		tpl_section_show(f, t->active ? "DEACTIVATE" : "ACTIVATE");
	}
	return page_end(req, status);
}

/* GET /admin/topics/item?topic=CODE — one entry: its code, level, what it belongs to and what
 * belongs to it, whether it is used; for administrators the forms to rename it and to switch it
 * off or on. 404 for a code that is not in the classifier. */
enum http_status page_admin_topic(struct request *req)
{
	struct topic_detail t;
	int rc = load_topic(req, &t);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return topic_page(req, &t, HTTP_OK, false);
}

/* staff_action page: the entry's page again, the input kept, the errors beside the fields. */
static enum http_status topic_refused(struct request *req, enum http_status status)
{
	struct topic_detail t;
	int rc = load_topic(req, &t);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return topic_page(req, &t, status, true);
}

/* A change of one entry (staff_action): refused to its page. */
static const struct staff_action topic_edit = {"appeal_topic", STMT_TOPIC_JSON, load_target,
					       topic_refused};

/* POST /admin/topics/item (topic, name, csrf) — rename an entry; its code stays. 303 to its page;
 * 404 for an unknown code; 422 beside the field for an empty or too long name. */
enum http_status page_admin_topic_rename(struct request *req)
{
	struct topic_detail t;
	enum http_status status;
	if (!staff_action_begin(req, &topic_edit, &t, &status))
		return status;
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &topic_edit, NULL);
	json_t *before = staff_json(req, STMT_TOPIC_JSON, t.rowid);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_TOPIC_RENAME);
	sqlite3_bind_int64(s, 1, t.rowid);
	sqlite3_bind_text(s, 2, req->field[FIELD_NAME].text, -1, SQLITE_STATIC);
	bool ok = db_run(s) == SQLITE_DONE;
	return staff_action_finish(req, &topic_edit, ok, "rename", t.rowid, before,
				   topic_href(req, t.code));
}

/* POST /admin/topics/active (topic, active 0/1, csrf) — stop offering an entry for new appeals,
 * or offer it again; appeals already filed under it keep it. 303 to its page; 404 for an unknown
 * code. Setting the state it already has changes nothing and writes no audit record. */
enum http_status page_admin_topic_active(struct request *req)
{
	struct topic_detail t;
	enum http_status status;
	if (!staff_action_begin(req, &topic_edit, &t, &status))
		return status;
	bool active = req->field[FIELD_ACTIVE].number != 0;
	const char *location = topic_href(req, t.code);
	if (active == t.active) {
		db_rollback(&req->worker->db);
		return response_redirect(req, location);
	}
	json_t *before = staff_json(req, STMT_TOPIC_JSON, t.rowid);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_TOPIC_SET_ACTIVE);
	sqlite3_bind_int64(s, 1, t.rowid);
	sqlite3_bind_int(s, 2, active);
	bool ok = db_run(s) == SQLITE_DONE;
	return staff_action_finish(req, &topic_edit, ok, active ? "activate" : "deactivate",
				   t.rowid, before, location);
}
