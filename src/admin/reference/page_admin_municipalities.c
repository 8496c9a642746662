/* page_admin_municipalities.c — municipalities for staff (/admin/municipalities, issue 18): the
 * municipal district and its settlements with their kind, official names, administration, head,
 * contacts, the code of their appeals' numbers and the address of their public page; a new one
 * and editing one. Readers: everyone who reads meetings; changes: administrators and organizers
 * (routes.c), every change audited. */
#include <string.h>

#include "civil_time.h"
#include "db_municipality.h"
#include "municipality.h"
#include "page.h"
#include "page_admin_reference.h"
#include "pages.h"
#include "worker.h"

/* What every form of this page needs: the municipalities and the people a head is chosen from. */
struct context {
	struct municipality_item *list;
	size_t count;
	struct staff_item *people;
	size_t person_count;
};

static int load_context(struct request *req, struct context *c)
{
	if (db_municipality_list(&req->worker->db, req->arena, &c->list, &c->count) < 0)
		return -1;
	return staff_load_items(req, STMT_PERSON_LIST, 0, &c->people, &c->person_count);
}

static const char *kind_label(const char *kind)
{
	const char *label = municipality_kind_label(kind);
	return label ? label : kind;
}

/* The kinds as <option>s (CODE, LABEL, SELECTED). */
static void kind_options(tpl_dict *f, const char *selected)
{
	for (size_t i = 0; municipality_kinds[i].code != NULL; i++) {
		tpl_dict *o = tpl_section_add(f, "KIND_OPTION");
		tpl_set(o, "CODE", municipality_kinds[i].code);
		tpl_set(o, "LABEL", municipality_kinds[i].label);
		if (selected != NULL && strcmp(selected, municipality_kinds[i].code) == 0)
			tpl_section_show(o, "SELECTED");
	}
}

/* The form's fields: from the municipality m (NULL for a new one), or after a refused submit
 * from the request, with the errors beside them. Districts to choose are the municipal districts
 * other than m itself. */
static void fill_form(struct request *req, tpl_dict *f, const struct context *c,
		      const struct municipality_item *m, bool from_request)
{
	const char *kind = m ? m->kind : NULL;
	long long district = m ? m->district_id : 0, head = m ? m->head_person_id : 0;
	if (from_request) {
		page_form_fields(req, f);
		kind = req->field[FIELD_MUNICIPALITY_KIND].raw;
		district = reference_chosen(req, FIELD_DISTRICT);
		head = reference_chosen(req, FIELD_HEAD);
	} else if (m) {
		tpl_set(f, "name", m->name);
		tpl_set(f, "official_name", m->official_name);
		tpl_set(f, "administration", m->administration);
		tpl_set(f, "number_code", m->code);
		tpl_set(f, "slug", m->slug);
		tpl_set(f, "address", m->address);
		tpl_set(f, "phone", m->phone);
		tpl_set(f, "email", m->email);
		tpl_set(f, "reception_hours", m->reception_hours);
		tpl_set(f, "site_url", m->site_url);
		tpl_set(f, "timezone", m->timezone);
	}
	kind_options(f, kind);
	for (size_t i = 0; i < c->count; i++) {
		if (strcmp(c->list[i].kind, "municipal_district") != 0 || (m && c->list[i].id == m->id))
			continue;
		tpl_dict *o = tpl_section_add(f, "DISTRICT_OPTION");
		tpl_set_int(o, "ID", c->list[i].id);
		tpl_set(o, "NAME", c->list[i].name);
		if (c->list[i].id == district)
			tpl_section_show(o, "SELECTED");
	}
	staff_item_options(req, f, "HEAD_OPTION", c->people, c->person_count, head);
}

/* The checks the field table cannot make, for a new municipality (self NULL) or a change of
 * self: a kind from the list; a district that is a municipal district, only for a settlement; a
 * code of Cyrillic capitals no other municipality has or had in its appeals' numbers, and no
 * second municipality without a code (the registration numbers would collide); a Latin slug no other has; a head from the
 * directory; a site address with http(s); a time zone the system knows; a district that still
 * has settlements keeps its kind. 0, or -1 on a database error. */
static int check_form(struct request *req, const struct context *c,
		      const struct municipality_item *self)
{
	const struct field_value *in = req->field;
	const char *kind = in[FIELD_MUNICIPALITY_KIND].state == FIELD_VALID
				   ? in[FIELD_MUNICIPALITY_KIND].text
				   : NULL;
	if (kind != NULL && municipality_kind_label(kind) == NULL) {
		page_reject(req, FIELD_MUNICIPALITY_KIND, "выберите вид из списка");
		kind = NULL;
	}
	if (in[FIELD_DISTRICT].state == FIELD_VALID) {
		const struct municipality_item *d =
			db_municipality_find(c->list, c->count, in[FIELD_DISTRICT].number);
		if (d == NULL || (self && d->id == self->id))
			page_reject(req, FIELD_DISTRICT, "выберите район из списка");
		else if (strcmp(d->kind, "municipal_district") != 0)
			page_reject(req, FIELD_DISTRICT,
				    "поселения входят только в муниципальный район");
		else if (kind != NULL && !municipality_kind_is_settlement(kind))
			page_reject(req, FIELD_DISTRICT,
				    "в муниципальный район входят только городские и сельские "
				    "поселения, для этого вида оставьте поле пустым");
	}
	if (self && kind != NULL && strcmp(self->kind, "municipal_district") == 0 &&
	    strcmp(kind, "municipal_district") != 0)
		for (size_t i = 0; i < c->count; i++)
			if (c->list[i].district_id == self->id) {
				page_reject(req, FIELD_MUNICIPALITY_KIND,
					    "в район входят поселения, сначала укажите им другой "
					    "район");
				break;
			}
	const char *code = reference_field_text(req, FIELD_BODY_CODE);
	if (in[FIELD_BODY_CODE].state == FIELD_VALID && !municipality_code_valid(code)) {
		page_reject(req, FIELD_BODY_CODE,
			    "от 1 до 8 заглавных русских букв без пробелов, например БРЗ");
	} else if (in[FIELD_BODY_CODE].state != FIELD_INVALID) {
		for (size_t i = 0; i < c->count; i++) {
			if (self && c->list[i].id == self->id)
				continue;
			if (strcmp(c->list[i].code, code) != 0)
				continue;
			page_reject(req, FIELD_BODY_CODE,
				    code[0] ? "этот код уже у другого муниципального образования"
					    : "без кода номера обращений может вести только одно "
					      "муниципальное образование, а оно уже есть: укажите код");
			break;
		}
	}
	if (in[FIELD_BODY_CODE].state != FIELD_INVALID &&
	    (self == NULL || strcmp(self->code, code) != 0)) {
		/* A code another body's appeals were numbered with (before it changed its code)
		 * would issue those numbers again. */
		int used = db_municipality_code_used(&req->worker->db, code, self ? self->id : 0);
		if (used < 0)
			return -1;
		if (used)
			page_reject(req, FIELD_BODY_CODE,
				    code[0] ? "с этим кодом уже зарегистрированы обращения другого "
					      "муниципального образования: выберите другой"
					    : "обращения другого муниципального образования уже "
					      "зарегистрированы с номерами без кода: укажите код");
	}
	if (in[FIELD_SLUG].state == FIELD_VALID) {
		const char *slug = in[FIELD_SLUG].text;
		const struct municipality_item *other = db_municipality_by_slug(c->list, c->count, slug);
		if (!municipality_slug_valid(slug))
			page_reject(req, FIELD_SLUG,
				    "строчные латинские буквы, цифры и дефисы, до 32 знаков, например "
				    "berezovka");
		else if (other != NULL && (self == NULL || other->id != self->id))
			page_reject(req, FIELD_SLUG,
				    "этот адрес уже у другого муниципального образования");
	}
	if (in[FIELD_HEAD].state == FIELD_VALID &&
	    !staff_has_item(c->people, c->person_count, in[FIELD_HEAD].number))
		page_reject(req, FIELD_HEAD, "выберите человека из справочника «Люди»");
	if (in[FIELD_SITE_URL].state == FIELD_VALID) {
		const char *url = in[FIELD_SITE_URL].text;
		bool web = strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0;
		if (!web || strchr(url, ' ') != NULL || strlen(url) < 12)
			page_reject(req, FIELD_SITE_URL,
				    "адрес сайта начинается с https:// или http://, например "
				    "https://berezovka.example");
	}
	const char *zone = in[FIELD_TIMEZONE].state == FIELD_VALID ? in[FIELD_TIMEZONE].text : NULL;
	const char *site_zone = req->worker->cfg->timezone;
	if (zone != NULL && !tz_known(zone))
		page_reject(req, FIELD_TIMEZONE,
			    "укажите часовой пояс из базы IANA, например Asia/Yekaterinburg "
			    "(UTC+5)");
	/* Every deadline and every meeting's time counts in the portal's zone. A district and its
	 * settlements lie in one zone (a subject of the federation has one, or its districts each
	 * keep to one), so a body in another zone would have its meetings shown and its 5-day rule
	 * counted hours off: refused rather than stored and ignored. */
	else if (zone != NULL && site_zone != NULL && strcmp(zone, site_zone) != 0)
		page_reject(req, FIELD_TIMEZONE,
			    arena_printf(req->arena,
					 "сроки и время встреч портал считает по поясу %s (portal.ini): "
					 "укажите его или оставьте поле пустым",
					 site_zone));
	return 0;
}

/* Bind the form as ?first… in STMT_MUNICIPALITY_INSERT's order (kind … zone). */
static void bind_form(struct request *req, sqlite3_stmt *s, int first)
{
	const struct field_value *in = req->field;
	sqlite3_bind_text(s, first, in[FIELD_MUNICIPALITY_KIND].text, -1, SQLITE_STATIC);
	if (in[FIELD_DISTRICT].state == FIELD_VALID)
		sqlite3_bind_int64(s, first + 1, in[FIELD_DISTRICT].number);
	const enum field texts[] = {FIELD_NAME, FIELD_OFFICIAL_NAME, FIELD_ADMINISTRATION,
				    FIELD_BODY_CODE, FIELD_SLUG};
	for (int i = 0; i < 5; i++)
		sqlite3_bind_text(s, first + 2 + i, reference_field_text(req, texts[i]), -1,
				  SQLITE_STATIC);
	if (in[FIELD_HEAD].state == FIELD_VALID)
		sqlite3_bind_int64(s, first + 7, in[FIELD_HEAD].number);
	const enum field contacts[] = {FIELD_ADDRESS, FIELD_PHONE, FIELD_EMAIL,
				       FIELD_RECEPTION_HOURS, FIELD_SITE_URL, FIELD_TIMEZONE};
	for (int i = 0; i < 6; i++)
		sqlite3_bind_text(s, first + 8 + i, reference_field_text(req, contacts[i]), -1,
				  SQLITE_STATIC);
}

static enum http_status municipalities_page(struct request *req, const struct context *c,
					    enum http_status status, bool from_request)
{
	tpl_dict *d = reference_begin(req, "admin_municipalities.tpl", "Муниципальные образования",
				      REFERENCE_MUNICIPALITIES, true);
	for (size_t i = 0; i < c->count; i++) {
		const struct municipality_item *m = &c->list[i];
		tpl_dict *row = tpl_section_add(d, "MUNICIPALITY");
		tpl_set_int(row, "ID", m->id);
		tpl_set(row, "NAME", m->name);
		tpl_set(row, "KIND", kind_label(m->kind));
		tpl_set(row, "SLUG", m->slug);
		const struct municipality_item *district =
			db_municipality_find(c->list, c->count, m->district_id);
		tpl_set(row, "DISTRICT", district ? district->name : "—");
		tpl_set(row, "HEAD", m->head_name[0] ? m->head_name : "не указан");
		tpl_set(row, "CODE", m->code[0] ? m->code : "без кода");
	}
	if (reference_may_change(req)) {
		tpl_dict *f = tpl_include(tpl_section_add(d, "CAN_CHANGE"), "FORM",
					  "admin_municipality_form.tpl");
		tpl_set(f, "ACTION", "/admin/municipalities");
		tpl_set(f, "SUBMIT", "Добавить");
		fill_form(req, f, c, NULL, from_request);
	}
	return page_end(req, status);
}

/* GET /admin/municipalities — every municipality (districts first, each with its settlements)
 * with its kind, district, head, code and public page, and for administrators and organizers
 * the form for a new one. */
enum http_status page_admin_municipalities(struct request *req)
{
	struct context c;
	if (load_context(req, &c) < 0)
		return HTTP_INTERNAL_ERROR;
	return municipalities_page(req, &c, HTTP_OK, false);
}

/* staff_action load of a new municipality: the list and the people to check the form
 * against. */
static int load_all(struct request *req, void *target)
{
	return load_context(req, target) < 0 ? -1 : 0;
}

/* staff_action page: the list and the form again, the input kept. */
static enum http_status municipalities_refused(struct request *req, enum http_status status)
{
	struct context c;
	if (load_context(req, &c) < 0)
		return HTTP_INTERNAL_ERROR;
	return municipalities_page(req, &c, status, true);
}

/* A new municipality (staff_action): refused to the list. */
static const struct staff_action municipality_create = {"municipality", STMT_MUNICIPALITY_JSON,
							load_all, municipalities_refused};

/* POST /admin/municipalities (municipality_kind, district, name, official_name, administration,
 * number_code, slug, head, address, phone, email, reception_hours, site_url, timezone, csrf) —
 * add a municipality. 303 to /admin/municipalities; 422 with the errors beside the fields and
 * everything typed kept (check_form). */
enum http_status page_admin_municipality_create(struct request *req)
{
	struct context c;
	enum http_status status;
	if (!staff_action_begin(req, &municipality_create, &c, &status))
		return status;
	if (check_form(req, &c, NULL) < 0)
		return staff_action_fail(req);
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &municipality_create, NULL);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_MUNICIPALITY_INSERT);
	bind_form(req, s, 1);
	return reference_finish_create(req, &municipality_create, reference_insert(req, s, NULL),
				       "/admin/municipalities", false);
}

static enum http_status municipality_page(struct request *req, const struct context *c,
					  const struct municipality_item *m,
					  enum http_status status, bool from_request)
{
	tpl_dict *d = reference_begin(req, "admin_municipality.tpl", m->name,
				      REFERENCE_MUNICIPALITIES, false);
	tpl_set(d, "NAME", m->name);
	tpl_set(d, "KIND", kind_label(m->kind));
	tpl_set(d, "SLUG", m->slug);
	tpl_set(d, "OFFICIAL_NAME", m->official_name[0] ? m->official_name : "—");
	tpl_set(d, "ADMINISTRATION", m->administration[0] ? m->administration : "—");
	tpl_set(d, "CODE", m->code[0] ? m->code : "без кода (номера вида 2026-00012)");
	tpl_set(d, "HEAD", m->head_name[0] ? m->head_name : "не указан");
	const struct municipality_item *district =
		db_municipality_find(c->list, c->count, m->district_id);
	if (district) {
		tpl_dict *p = tpl_section_add(d, "DISTRICT");
		tpl_set_int(p, "ID", district->id);
		tpl_set(p, "NAME", district->name);
	}
	tpl_dict *parts = NULL;
	for (size_t i = 0; i < c->count; i++) {
		if (c->list[i].district_id != m->id)
			continue;
		if (parts == NULL)
			parts = tpl_section_add(d, "SETTLEMENTS");
		tpl_dict *p = tpl_section_add(parts, "SETTLEMENT");
		tpl_set_int(p, "ID", c->list[i].id);
		tpl_set(p, "NAME", c->list[i].name);
	}
	if (reference_may_change(req)) {
		tpl_dict *f = tpl_include(tpl_section_add(d, "CAN_CHANGE"), "FORM",
					  "admin_municipality_form.tpl");
		tpl_set(f, "ACTION", arena_printf(req->arena, "/admin/municipalities/%lld", m->id));
		tpl_set(f, "SUBMIT", "Сохранить изменения");
		fill_form(req, f, c, m, from_request);
	}
	return page_end(req, status);
}

/* GET /admin/municipalities/ID — one municipality's card, its district or settlements, and for
 * administrators and organizers the form to change it. 404 for an unknown id. */
enum http_status page_admin_municipality(struct request *req)
{
	struct context c;
	if (load_context(req, &c) < 0)
		return HTTP_INTERNAL_ERROR;
	const struct municipality_item *m = db_municipality_find(c.list, c.count, req->path_id);
	if (m == NULL)
		return HTTP_NOT_FOUND;
	return municipality_page(req, &c, m, HTTP_OK, false);
}

/* The municipality of the path with the list it is in. */
struct municipality_target {
	struct context c;
	const struct municipality_item *m;
};

/* staff_action load: the municipality of the path. */
static int load_municipality(struct request *req, void *target)
{
	struct municipality_target *t = target;
	if (load_context(req, &t->c) < 0)
		return -1;
	t->m = db_municipality_find(t->c.list, t->c.count, req->path_id);
	return t->m ? 0 : 1;
}

/* staff_action page: the municipality's page again, the input kept. */
static enum http_status municipality_refused(struct request *req, enum http_status status)
{
	struct municipality_target t;
	int rc = load_municipality(req, &t);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return municipality_page(req, &t.c, t.m, status, true);
}

/* A change of one municipality (staff_action): refused to its page. */
static const struct staff_action municipality_edit = {"municipality", STMT_MUNICIPALITY_JSON,
						      load_municipality, municipality_refused};

/* POST /admin/municipalities/ID (the fields of a new one) — change a municipality. 303 to
 * /admin/municipalities; 404 for an unknown id; 422 as for a new one. */
enum http_status page_admin_municipality_update(struct request *req)
{
	struct municipality_target t;
	enum http_status status;
	if (!staff_action_begin(req, &municipality_edit, &t, &status))
		return status;
	if (check_form(req, &t.c, t.m) < 0)
		return staff_action_fail(req);
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &municipality_edit, NULL);
	json_t *before = staff_json(req, STMT_MUNICIPALITY_JSON, t.m->id);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_MUNICIPALITY_UPDATE);
	sqlite3_bind_int64(s, 1, t.m->id);
	bind_form(req, s, 2);
	bool ok = db_run(s) == SQLITE_DONE;
	return staff_action_finish(req, &municipality_edit, ok, "update", t.m->id, before,
				   "/admin/municipalities");
}
