/* page_admin_users.c — staff accounts (/admin/users: create, change the name, the e-mail that
 * alerts and digests go to, the person of the directory the account belongs to and the body it
 * works for, disable) and
 * the audit log (/admin/audit), both for administrators only. */
#include <sodium.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "civil_time.h"
#include "db_municipality.h"
#include "db_user.h"
#include "page.h"
#include "pages.h"
#include "staff_account.h"
#include "staff_change.h"
#include "worker.h"

#define AUDIT_PAGE_ROWS 200

/* The optional text field f, "" when absent. */
static const char *reference_text(const struct request *req, enum field f)
{
	const struct field_value *v = &req->field[f];
	return v->state == FIELD_VALID && v->text != NULL ? v->text : "";
}

/* The choice of the body an account works for (issue 18 item 3), only when the portal serves
 * more than one municipality: MUNICIPALITY_FIELD with one MUNICIPALITY_OPTION each (ID, NAME,
 * SELECTED for chosen); an empty value is the whole installation. Also shows MUNICIPALITIES on
 * d for the list's column. The number of municipalities, -1 on a database error. */
static int municipality_options(struct request *req, tpl_dict *d, long long chosen)
{
	struct municipality_item *list;
	size_t count;
	if (db_municipality_list(&req->worker->db, req->arena, &list, &count) < 0)
		return -1;
	if (count < 2)
		return (int)count;
	tpl_section_show(d, "MUNICIPALITIES");
	tpl_dict *f = tpl_section_add(d, "MUNICIPALITY_FIELD");
	for (size_t i = 0; i < count; i++) {
		tpl_dict *o = tpl_section_add(f, "MUNICIPALITY_OPTION");
		tpl_set_int(o, "ID", list[i].id);
		tpl_set(o, "NAME", list[i].district_id
					   ? list[i].name
					   : arena_printf(req->arena, "%s (с поселениями)", list[i].name));
		if (list[i].id == chosen)
			tpl_section_show(o, "SELECTED");
	}
	return (int)count;
}

/* Reject a municipality field that names no municipality. -1 on a database error. */
static int municipality_check(struct request *req)
{
	const struct field_value *v = &req->field[FIELD_MUNICIPALITY];
	if (v->state != FIELD_VALID)
		return 0;
	struct municipality_item *list;
	size_t count;
	if (db_municipality_list(&req->worker->db, req->arena, &list, &count) < 0)
		return -1;
	if (db_municipality_find(list, count, v->number) == NULL)
		page_reject(req, FIELD_MUNICIPALITY, "выберите из списка");
	return 0;
}

/* The municipality field's value: its id, 0 for none. */
static long long municipality_chosen(const struct request *req)
{
	const struct field_value *v = &req->field[FIELD_MUNICIPALITY];
	return v->state == FIELD_VALID ? v->number : 0;
}

static enum http_status users_page(struct request *req, enum http_status status, bool with_form)
{
	tpl_dict *d = page_begin(req, "admin_users.tpl", "Пользователи", NAV_STAFF_USERS);
	struct user_item *users;
	size_t count;
	if (db_user_list(&req->worker->db, req->arena, &users, &count) < 0)
		return HTTP_INTERNAL_ERROR;
	int bodies = municipality_options(req, d, with_form ? municipality_chosen(req) : 0);
	if (bodies < 0)
		return HTTP_INTERNAL_ERROR;
	for (size_t i = 0; i < count; i++) {
		const struct user_item *u = &users[i];
		tpl_dict *row = tpl_section_add(d, "USER");
		tpl_set_int(row, "ID", u->id);
		tpl_set(row, "LOGIN", u->login);
		tpl_set(row, "FULL_NAME", u->full_name);
		tpl_set(row, "ROLE", auth_role_label(u->role));
		tpl_section_show(row, u->disabled ? "DISABLED" : "ACTIVE");
		if (u->id != req->staff->user_id)
			tpl_section_show(row, u->disabled ? "CAN_ENABLE" : "CAN_DISABLE");
		page_set_date(row, "CREATED", u->created_at);
		if (u->email[0])
			tpl_set(tpl_section_add(row, "EMAIL"), "ADDRESS", u->email);
		else
			tpl_section_show(row, "NO_EMAIL");
		if (u->person[0])
			tpl_set(tpl_section_add(row, "PERSON"), "NAME", u->person);
		if (bodies > 1)
			tpl_set(tpl_section_add(row, "MUNICIPALITIES"), "NAME",
				u->municipality[0] ? u->municipality : "все");
	}
	const struct field_value *role = &req->field[FIELD_ROLE];
	for (int i = 0; auth_role_codes[i] != NULL; i++) {
		tpl_dict *o = tpl_section_add(d, "ROLE_OPTION");
		tpl_set(o, "CODE", auth_role_codes[i]);
		tpl_set(o, "LABEL", auth_role_label(auth_role_codes[i]));
		if (with_form && role->raw && strcmp(role->raw, auth_role_codes[i]) == 0)
			tpl_section_show(o, "SELECTED");
	}
	if (with_form)
		page_form_fields(req, d);
	return page_end(req, status);
}

/* GET /admin/users — every account with its role and state, and the form for a new one. */
enum http_status page_admin_users(struct request *req)
{
	return users_page(req, HTTP_OK, false);
}

/* staff_action page of a new account: the list and the form again, the input kept. */
static enum http_status users_refused(struct request *req, enum http_status status)
{
	return users_page(req, status, true);
}

/* A new account (staff_action): nothing to load, refused to the list. */
static const struct staff_action user_create = {"staff_user", STMT_USER_JSON,
						staff_action_no_target, users_refused};

/* POST /admin/users (login, full_name, role, new_password, email, municipality, csrf) — create
 * an account, working for the municipality chosen (a district: with its settlements) or, without
 * one, for the whole installation. 303 to /admin/users; 422 with the errors beside the fields for
 * a malformed or taken login, an unknown role, a password shorter than 10 characters, a
 * malformed e-mail address or an unknown municipality. */
enum http_status page_admin_user_create(struct request *req)
{
	struct field_value *login = &req->field[FIELD_LOGIN], *role = &req->field[FIELD_ROLE];
	struct field_value *password = &req->field[FIELD_NEW_PASSWORD];
	if (login->state == FIELD_VALID) {
		if (!staff_login_valid(login->text)) {
			login->state = FIELD_INVALID;
			login->error = "от 2 до 64 строчных латинских букв и цифр";
			req->invalid_fields++;
		}
	}
	if (role->state == FIELD_VALID && auth_role_bit(role->text) == 0) {
		role->state = FIELD_INVALID;
		role->error = "выберите роль из списка";
		req->invalid_fields++;
	}
	if (password->state == FIELD_VALID && !staff_password_long_enough(password->text)) {
		password->state = FIELD_INVALID;
		password->error = "не короче 10 символов";
		req->invalid_fields++;
	}
	enum http_status status;
	if (!staff_action_begin(req, &user_create, NULL, &status))
		return status;
	if (municipality_check(req) < 0)
		return staff_action_fail(req);
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &user_create, NULL);

	struct staff_account_new account = {
		.login = login->text,
		.role = role->text,
		.full_name = req->field[FIELD_FULL_NAME].text ? req->field[FIELD_FULL_NAME].text : "",
		.password = password->text,
		.email = req->field[FIELD_EMAIL].state == FIELD_VALID ? req->field[FIELD_EMAIL].text : "",
		.municipality_id = municipality_chosen(req),
	};
	long long id = 0;
	enum staff_account_result rc = staff_account_create(&req->worker->db, &account, &id);
	if (rc == STAFF_ACCOUNT_TAKEN) {
		page_reject(req, FIELD_LOGIN, "такой логин уже есть");
		return staff_action_refuse(req, &user_create, NULL);
	}
	return staff_action_finish(req, &user_create, rc == STAFF_ACCOUNT_CREATED, "create", id,
				   NULL, "/admin/users");
}

/* The account's page: its login, role and state, and the form for its name and e-mail. */
static enum http_status user_page(struct request *req, enum http_status status, bool from_request)
{
	struct user_profile u;
	int rc = db_user_profile(&req->worker->db, req->arena, req->path_id, &u);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	tpl_dict *d = page_begin(req, "admin_user.tpl", u.login, NAV_STAFF_USERS);
	tpl_set_int(d, "ID", req->path_id);
	tpl_set(d, "LOGIN", u.login);
	tpl_set(d, "ROLE", auth_role_label(u.role));
	tpl_section_show(d, u.disabled ? "DISABLED" : "ACTIVE");
	page_set_date(d, "CREATED", u.created_at);
	long long person = u.person_id, body = u.municipality_id;
	if (from_request) {
		page_form_fields(req, d);
		const struct field_value *v = &req->field[FIELD_PERSON];
		person = v->state != FIELD_ABSENT ? v->number : 0;
		body = municipality_chosen(req);
	} else {
		tpl_set(d, "full_name", u.full_name);
		tpl_set(d, "email", u.email);
	}
	struct staff_item *people;
	size_t n;
	if (staff_load_items(req, STMT_PERSON_LIST, 0, &people, &n) < 0)
		return HTTP_INTERNAL_ERROR;
	staff_item_options(req, d, "PERSON_OPTION", people, n, person);
	if (municipality_options(req, d, body) < 0)
		return HTTP_INTERNAL_ERROR;
	return page_end(req, status);
}

/* GET /admin/users/ID — one account: login, role, state, and the form to change the name, the
 * e-mail address alerts go to and the person of the directory it belongs to. 404 for an unknown
 * id. */
enum http_status page_admin_user(struct request *req)
{
	return user_page(req, HTTP_OK, false);
}

/* staff_action load: the account of the path. */
static int load_user(struct request *req, void *target)
{
	return db_user_profile(&req->worker->db, req->arena, req->path_id, target);
}

/* staff_action page: the account's page again, the input kept, the errors beside the fields. */
static enum http_status user_refused(struct request *req, enum http_status status)
{
	return user_page(req, status, true);
}

/* A change of one account (staff_action): refused to its page. */
static const struct staff_action user_action = {"staff_user", STMT_USER_JSON, load_user,
						user_refused};

/* POST /admin/users/ID (full_name, email, person, municipality, csrf) — change the account's
 * name, e-mail (empty: no mail to this person), person (empty: none; the chair of a meeting
 * signs its protocol under the account of their person) and the body it works for (empty: the
 * whole installation; its sessions see the change at their next request). 303 to /admin/users;
 * 404 for an unknown id; 422 with the errors beside the fields and the input kept for a
 * malformed address, a name too long, a person not in the directory or one another account
 * belongs to already, or an unknown municipality. */
enum http_status page_admin_user_update(struct request *req)
{
	struct user_profile target;
	enum http_status status;
	if (!staff_action_begin(req, &user_action, &target, &status))
		return status;
	const struct field_value *person = &req->field[FIELD_PERSON];
	if (person->state == FIELD_VALID) {
		struct staff_item *people;
		size_t n;
		if (staff_load_items(req, STMT_PERSON_LIST, 0, &people, &n) < 0)
			return staff_action_fail(req);
		if (!staff_has_item(people, n, person->number))
			page_reject(req, FIELD_PERSON, "выберите из списка");
	}
	if (municipality_check(req) < 0)
		return staff_action_fail(req);
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &user_action, NULL);
	struct db *db = &req->worker->db;
	json_t *before = staff_json(req, STMT_USER_JSON, req->path_id);
	sqlite3_stmt *s = db_stmt(db, STMT_USER_SET_PROFILE);
	sqlite3_bind_int64(s, 1, req->path_id);
	sqlite3_bind_text(s, 2, reference_text(req, FIELD_FULL_NAME), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, reference_text(req, FIELD_EMAIL), -1, SQLITE_STATIC);
	if (person->state == FIELD_VALID)
		sqlite3_bind_int64(s, 4, person->number);
	if (municipality_chosen(req) != 0)
		sqlite3_bind_int64(s, 5, municipality_chosen(req));
	int rc = before != NULL ? db_run(s) : SQLITE_ERROR;
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		json_decref(before);
		page_reject(req, FIELD_PERSON, "с этим человеком уже связана другая учётная запись");
		return staff_action_refuse(req, &user_action, NULL);
	}
	return staff_action_finish(req, &user_action, rc == SQLITE_DONE, "update", req->path_id,
				   before, "/admin/users");
}

static enum http_status set_disabled(struct request *req, bool disabled)
{
	long long id = req->path_id;
	if (id == req->staff->user_id) {
		req->error_detail = "Нельзя отключить собственную учётную запись.";
		return HTTP_UNPROCESSABLE;
	}
	struct db *db = &req->worker->db;
	struct user_profile target;
	enum http_status status;
	if (!staff_action_begin(req, &user_action, &target, &status))
		return status;
	json_t *before = staff_json(req, STMT_USER_JSON, id);
	sqlite3_stmt *s = db_stmt(db, STMT_USER_SET_DISABLED);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, disabled);
	int rc = before != NULL ? db_run(s) : SQLITE_ERROR;
	if (rc == SQLITE_DONE && disabled) {
		/* Sessions end with the account, so enabling it later revives none of them. */
		s = db_stmt(db, STMT_SESSION_DELETE_USER);
		sqlite3_bind_int64(s, 1, id);
		rc = db_run(s);
	}
	return staff_action_finish(req, &user_action, rc == SQLITE_DONE,
				   disabled ? "disable" : "enable", id, before, "/admin/users");
}

/* POST /admin/users/ID/disable and /enable (csrf) — switch an account off or on (a disabled
 * account cannot sign in and its sessions stop working). 303 to /admin/users; 404 for an unknown
 * id; 422 for one's own account. */
enum http_status page_admin_user_disable(struct request *req)
{
	return set_disabled(req, true);
}

enum http_status page_admin_user_enable(struct request *req)
{
	return set_disabled(req, false);
}

/* GET /admin/audit?user=&entity=&from=&to= — the latest AUDIT_PAGE_ROWS changes matching the
 * filters, newest first, with the state before and after. 400 for a malformed filter. */
enum http_status page_admin_audit(struct request *req)
{
	const struct field_value *v = req->field;
	struct audit_filter filter = {.limit = AUDIT_PAGE_ROWS};
	if (v[FIELD_USER].state == FIELD_VALID)
		filter.user = v[FIELD_USER].number;
	if (v[FIELD_ENTITY].state == FIELD_VALID)
		filter.entity = v[FIELD_ENTITY].text;
	if (v[FIELD_FROM].state == FIELD_VALID) {
		filter.has_from = true;
		filter.from = tz_local_to_utc(v[FIELD_FROM].date, 0, 0);
	}
	if (v[FIELD_TO].state == FIELD_VALID) { /* the whole last day */
		filter.has_to = true;
		filter.to = tz_local_to_utc(civil_date_add_days(v[FIELD_TO].date, 1), 0, 0);
	}
	struct audit_entry *entries;
	size_t count;
	if (db_audit_list(&req->worker->db, req->arena, &filter, &entries, &count) < 0)
		return HTTP_INTERNAL_ERROR;

	tpl_dict *d = page_begin(req, "admin_audit.tpl", "Журнал изменений", NAV_STAFF_AUDIT);
	page_form_fields(req, d);
	for (size_t i = 0; i < count; i++) {
		const struct audit_entry *e = &entries[i];
		tpl_dict *row = tpl_section_add(d, "ENTRY");
		page_set_datetime(row, "AT", e->at);
		tpl_set(row, "LOGIN", e->login);
		tpl_set(row, "ACTION", e->action);
		tpl_set(row, "ENTITY", e->entity);
		if (e->has_entity_id)
			tpl_set_int(tpl_section_add(row, "ENTITY_ID"), "ID", e->entity_id);
		if (e->before_json)
			tpl_set(tpl_section_add(row, "BEFORE"), "JSON", e->before_json);
		if (e->after_json)
			tpl_set(tpl_section_add(row, "AFTER"), "JSON", e->after_json);
	}
	tpl_section_show(d, count ? "HAS_ENTRIES" : "NO_ENTRIES");
	return page_end(req, HTTP_OK);
}
