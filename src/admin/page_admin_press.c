/* page_admin_press.c — the press office's staff pages (issue 6, item 5): the media plan
 * (/admin/media-plan: every upcoming meeting, drafts included, with the date by which it must be
 * published under the 5-day rule, whether, when and where it was, and what is overdue or late;
 * order № 2 of the Zelenoborsk head §3.1) and the media list (/admin/media: the editors every
 * announcement is mailed to). Roles in routes.c. */
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "civil_time.h"
#include "db_municipality.h"
#include "db_press.h"
#include "page.h"
#include "pages.h"
#include "publication.h"
#include "ru.h"
#include "rules.h"
#include "scope.h"
#include "staff_change.h"
#include "worker.h"

/* ---- the media plan ----------------------------------------------------------------------- */

static const char *status_label(const char *status)
{
	static const char *const labels[][2] = {
		{"draft", "черновик"},     {"approved", "утверждена"}, {"postponed", "перенесена"},
		{"cancelled", "отменена"}, {"held", "проведена"},
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i][0], status) == 0)
			return labels[i][1];
	return status;
}

/* The month of ?month=YYYY-MM as its first day; false when it is no real month. */
static bool parse_month(const char *text, struct civil_date *first)
{
	char date[16];
	if (strlen(text) != 7 || text[4] != '-')
		return false;
	snprintf(date, sizeof date, "%s-01", text);
	return civil_date_parse(date, first);
}

static struct civil_date next_month(struct civil_date d)
{
	return civil_date_add_days(d, civil_days_in_month(d.year, d.month));
}

static struct civil_date previous_month(struct civil_date d)
{
	struct civil_date p = civil_date_add_days(d, -1);
	p.day = 1;
	return p;
}

/* The meetings of the plan: those starting in MONTH when HAS_MONTH, else every one still to
 * come, in time order, from the request's arena. -1 on a database error. */
static int media_plan_load(struct request *req, bool has_month, struct civil_date month,
			   struct media_plan_row **out, size_t *count)
{
	time_t from = has_month ? tz_local_to_utc(month, 0, 0) : 0;
	time_t to = has_month ? tz_local_to_utc(next_month(month), 0, 0) : 0;
	return db_media_plan(&req->worker->db, req->arena, has_month, from, to, req->now,
			     scope_bind_value(req), out, count);
}

/* The links to the months before and after MONTH (MONTH_NAV), or to this month's plan when the
 * page shows every meeting to come (THIS_MONTH). */
static void media_plan_months(struct request *req, tpl_dict *d, bool has_month,
			      struct civil_date month)
{
	if (!has_month) {
		struct civil_date today = tz_local_date(req->now);
		tpl_set(tpl_section_add(d, "THIS_MONTH"), "MONTH",
			arena_printf(req->arena, "%04d-%02d", today.year, today.month));
		return;
	}
	struct civil_date p = previous_month(month), x = next_month(month);
	tpl_dict *nav = tpl_section_add(d, "MONTH_NAV");
	tpl_set(nav, "PREV", arena_printf(req->arena, "%04d-%02d", p.year, p.month));
	tpl_set(nav, "PREV_NAME",
		arena_printf(req->arena, "%s %d", ru_month_nominative(p.month), p.year));
	tpl_set(nav, "NEXT", arena_printf(req->arena, "%04d-%02d", x.year, x.month));
	tpl_set(nav, "NEXT_NAME",
		arena_printf(req->arena, "%s %d", ru_month_nominative(x.month), x.year));
}

/* What the summary line counts. */
struct media_plan_tally {
	size_t overdue, late;
};

/* The flags of meeting R's row: «просрочена» or waiting for publication, no social-network
 * channel or a publication that never went to one, published late; «всё в порядке» (NO_FLAGS)
 * when none. -1 on a database error. */
static int media_plan_flags(struct request *req, tpl_dict *row, const struct media_plan_row *r,
			    bool open, struct civil_date deadline, struct media_plan_tally *t)
{
	bool flagged = false;
	if (open && !r->announced && civil_date_compare(tz_local_date(req->now), deadline) > 0) {
		tpl_section_show(row, "OVERDUE");
		t->overdue++;
		flagged = true;
	} else if (open && !r->announced) {
		tpl_section_show(row, r->first_id > 0 ? "CHANGE_PENDING" : "PENDING");
		flagged = true;
	}
	/* Order № 2 of the Zelenoborsk head §2.3: place and time are published in the official
	 * social-network groups too; without a channel to them ([webhooks]) the announcement never
	 * gets there. */
	if (open && req->worker->cfg->webhook_count == 0) {
		tpl_section_show(row, "NO_SOCIAL");
		flagged = true;
	} else if (r->first_id > 0) {
		long long posts;
		if (db_announcement_webhook_posts(&req->worker->db, r->first_id, &posts) < 0)
			return -1;
		if (posts == 0) {
			tpl_section_show(row, "NOT_IN_SOCIAL");
			flagged = true;
		}
	}
	if (r->late > 0) {
		tpl_section_show(row, "LATE");
		t->late++;
		flagged = true;
	}
	if (!flagged)
		tpl_section_show(row, "NO_FLAGS");
	return 0;
}

/* Meeting R's row (MEETING): its title, state, start, the date by which it must be published
 * (none left for a cancelled or held one), when and where it was published, and its flags.
 * -1 on a database error. */
static int media_plan_row(struct request *req, tpl_dict *d, const struct media_plan_row *r,
			  struct media_plan_tally *t)
{
	tpl_dict *row = tpl_section_add(d, "MEETING");
	tpl_set_int(row, "ID", r->id);
	tpl_set(row, "TITLE", r->title);
	tpl_set(row, "STATUS", status_label(r->status));
	page_set_datetime(row, "STARTS", r->starts_at);
	struct civil_date deadline = rule_announce_deadline(r->starts_at, r->kind);
	bool open = strcmp(r->status, "draft") == 0 || strcmp(r->status, "approved") == 0 ||
		    strcmp(r->status, "postponed") == 0;
	tpl_set(row, "DEADLINE", open ? page_date_words(req, deadline) : "—");
	if (r->first_id > 0) {
		tpl_dict *p = tpl_section_add(row, "PUBLISHED");
		page_set_datetime(p, "AT", r->first_at);
		if (publication_channels(req, p, r->first_id, r->first_at) < 0)
			return -1;
		if (r->latest_id != r->first_id) {
			tpl_dict *l = tpl_section_add(p, "LATEST");
			tpl_set(l, "KIND", publication_kind_label(r->latest_kind));
			page_set_datetime(l, "AT", r->latest_at);
		}
	} else {
		tpl_section_show(row, "NOT_PUBLISHED");
	}
	return media_plan_flags(req, row, r, open, deadline, t);
}

/* GET /admin/media-plan?month=YYYY-MM — every meeting still to come (drafts included), or every
 * meeting starting in the month, in time order: the date by which it must be published
 * (rules.c), whether, when and on which channels it was, and the flags «просрочена» (the deadline
 * has passed and it is not published) and «опубликована с опозданием» (an announcement made less
 * than 5 days ahead), and a warning when no social-network channel is configured ([webhooks],
 * order № 2 of the Zelenoborsk head §2.3) or a publication never went to one. Printable. 400 for a
 * month that is not YYYY-MM. */
enum http_status page_admin_media_plan(struct request *req)
{
	const struct field_value *fm = &req->field[FIELD_MONTH];
	struct civil_date month = {0};
	bool has_month = fm->state == FIELD_VALID;
	if (has_month && !parse_month(fm->text, &month)) {
		page_reject(req, FIELD_MONTH, "укажите месяц в виде ГГГГ-ММ, например 2026-03");
		return HTTP_BAD_REQUEST;
	}
	struct media_plan_row *rows;
	size_t n;
	if (media_plan_load(req, has_month, month, &rows, &n) < 0)
		return HTTP_INTERNAL_ERROR;
	const char *title = has_month ? arena_printf(req->arena, "Медиаплан: %s %d",
						     ru_month_nominative(month.month), month.year)
				      : "Медиаплан: предстоящие встречи";
	tpl_dict *d = page_begin(req, "admin_media_plan.tpl", title, NAV_STAFF_MEDIA_PLAN);
	tpl_set(d, "TITLE", title);
	if (has_month)
		tpl_set(d, "month", fm->text);
	media_plan_months(req, d, has_month, month);
	if (req->worker->cfg->webhook_count == 0)
		tpl_section_show(d, "NO_SOCIAL_CHANNEL");
	struct media_plan_tally tally = {0};
	for (size_t i = 0; i < n; i++)
		if (media_plan_row(req, d, &rows[i], &tally) < 0)
			return HTTP_INTERNAL_ERROR;
	tpl_section_show(d, n ? "HAS_MEETINGS" : "NO_MEETINGS");
	tpl_set(d, "SUMMARY",
		arena_printf(req->arena, "%zu %s; просрочено: %zu; опубликовано с опозданием: %zu.", n,
			     ru_plural((long)n, "встреча", "встречи", "встреч"), tally.overdue,
			     tally.late));
	return page_end(req, HTTP_OK);
}

/* ---- the media list ----------------------------------------------------------------------- */

/* The bodies whose media lists the account keeps (issue 18 item 2): every municipality for an
 * account of the whole installation, else its body and, for a district, its settlements. */
struct media_bodies {
	struct municipality_item *list;
	size_t count;
	long long fallback; /* a new contact's body when the form names none */
};

/* Read the account's bodies into b. 0, or -1 on a database error. */
static int media_bodies(struct request *req, struct media_bodies *b)
{
	struct municipality_item *all;
	size_t count;
	if (db_municipality_list(&req->worker->db, req->arena, &all, &count) < 0)
		return -1;
	long long body = scope_bind_value(req);
	b->list = arena_calloc(req->arena, count ? count : 1, sizeof *b->list);
	b->count = 0;
	for (size_t i = 0; i < count; i++)
		if (body == 0 || all[i].id == body || all[i].district_id == body)
			b->list[b->count++] = all[i];
	const struct municipality_item *own = db_municipality_own(all, count);
	b->fallback = body != 0 ? body : own != NULL ? own->id : b->count ? b->list[0].id : 0;
	return 0;
}

/* The body the form chose (the municipality field), else current (a contact's own body; 0 for a
 * new contact: the fallback). */
static long long chosen_body(const struct request *req, const struct media_bodies *b,
			     long long current)
{
	const struct field_value *v = &req->field[FIELD_MUNICIPALITY];
	if (v->state == FIELD_VALID)
		return v->number;
	return current > 0 ? current : b->fallback;
}

/* The form's fields: from the contact c (NULL for a new one), or after a refused submit from
 * the request with the errors beside them; the choice of the body when the account keeps more
 * than one list or its choice was refused (MUNICIPALITY_FIELD with MUNICIPALITY_OPTION: ID,
 * NAME, SELECTED). */
static void fill_form(struct request *req, tpl_dict *f, const struct media_contact *c,
		      bool from_request, const struct media_bodies *b)
{
	if (from_request) {
		page_form_fields(req, f);
	} else if (c) {
		tpl_set(f, "name", c->name);
		tpl_set(f, "email", c->email);
	}
	/* One body: nothing to choose, unless a crafted choice is refused beside the field. */
	if (b->count < 2 && !(from_request && req->field[FIELD_MUNICIPALITY].state == FIELD_INVALID))
		return;
	long long chosen = from_request ? chosen_body(req, b, c ? c->municipality_id : 0)
					: c ? c->municipality_id : b->fallback;
	tpl_dict *m = tpl_section_add(f, "MUNICIPALITY_FIELD");
	for (size_t i = 0; i < b->count; i++) {
		tpl_dict *o = tpl_section_add(m, "MUNICIPALITY_OPTION");
		tpl_set_int(o, "ID", b->list[i].id);
		tpl_set(o, "NAME", b->list[i].name);
		if (b->list[i].id == chosen)
			tpl_section_show(o, "SELECTED");
	}
}

/* The checks the field table cannot make: the body is one of the account's (scope.c has refused
 * another body's already), and the address is on that body's list once (any case), beside the
 * fields. The body into *body. 0, or -1 on a database error. */
static int check_form(struct request *req, long long id, long long current, long long *body)
{
	struct media_bodies b;
	if (media_bodies(req, &b) < 0)
		return -1;
	*body = chosen_body(req, &b, current);
	if (req->field[FIELD_MUNICIPALITY].state == FIELD_VALID &&
	    db_municipality_find(b.list, b.count, *body) == NULL) {
		page_reject(req, FIELD_MUNICIPALITY, "выберите муниципальное образование из списка");
		return 0;
	}
	const struct field_value *email = &req->field[FIELD_EMAIL];
	if (email->state != FIELD_VALID)
		return 0;
	int taken = db_media_email_taken(&req->worker->db, email->text, id, *body);
	if (taken > 0)
		page_reject(req, FIELD_EMAIL, "этот адрес уже есть в списке СМИ");
	return taken < 0 ? -1 : 0;
}

/* The media list of the account's bodies with the form for a new contact (after a refused
 * submit, from the request with the errors beside the fields), answered with status. */
static enum http_status list_page(struct request *req, enum http_status status, bool from_request)
{
	struct media_contact *contacts;
	size_t rows;
	struct media_bodies b;
	if (db_media_contacts(&req->worker->db, req->arena, scope_bind_value(req), &contacts,
			      &rows) < 0 ||
	    media_bodies(req, &b) < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_dict *d = page_begin(req, "admin_media.tpl", "Список СМИ для рассылки", NAV_STAFF_MEDIA);
	if (b.count > 1)
		tpl_section_show(d, "BODIES");
	int active = 0;
	for (size_t i = 0; i < rows; i++) {
		tpl_dict *row = tpl_section_add(d, "CONTACT");
		tpl_set_int(row, "ID", contacts[i].id);
		tpl_set(row, "NAME", contacts[i].name);
		tpl_set(row, "EMAIL", contacts[i].email);
		tpl_section_show(row, contacts[i].active ? "ACTIVE" : "INACTIVE");
		if (b.count > 1)
			tpl_set(tpl_section_add(row, "BODIES"), "BODY", contacts[i].municipality);
		active += contacts[i].active;
	}
	tpl_section_show(d, rows ? "HAS_CONTACTS" : "NO_CONTACTS");
	tpl_set(d, "ACTIVE_COUNT", arena_printf(req->arena, "Рассылку получают %d %s.", active,
						ru_plural(active, "адрес", "адреса", "адресов")));
	tpl_dict *f = tpl_include(d, "FORM", "admin_media_form.tpl");
	tpl_set(f, "ACTION", "/admin/media");
	tpl_set(f, "SUBMIT", "Добавить в список");
	fill_form(req, f, NULL, from_request, &b);
	return page_end(req, status);
}

/* GET /admin/media — the media lists of the account's bodies (active first, by name) and the
 * form for a new contact. */
enum http_status page_admin_media(struct request *req)
{
	return list_page(req, HTTP_OK, false);
}

/* staff_action page: the media list with the new contact's form, the errors beside the
 * fields. */
static enum http_status create_refused(struct request *req, enum http_status status)
{
	return list_page(req, status, true);
}

/* A new contact of the media list (staff_action): refused to the list's form. */
static const struct staff_action create_action = {"media_contact", STMT_MEDIA_JSON, staff_action_no_target,
						  create_refused};

/* POST /admin/media (name, email, municipality, csrf) — add a contact to the media list of the
 * chosen body (without one: the account's body, for an account of the whole installation the
 * own municipality), active. 303 to /admin/media; 422 with the errors beside the fields and the
 * input kept for a missing name, a malformed address, one already on that body's list, or a
 * body that is not the account's. */
enum http_status page_admin_media_create(struct request *req)
{
	enum http_status status;
	if (!staff_action_begin(req, &create_action, NULL, &status))
		return status;
	long long body = 0;
	if (check_form(req, 0, 0, &body) < 0)
		return staff_action_finish(req, &create_action, false, "create", 0, NULL, NULL);
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &create_action, NULL);
	struct db *db = &req->worker->db;
	sqlite3_stmt *s = db_stmt(db, STMT_MEDIA_INSERT);
	sqlite3_bind_text(s, 1, req->field[FIELD_NAME].text, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, req->field[FIELD_EMAIL].text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, body);
	bool ok = db_run(s) == SQLITE_DONE;
	long long id = sqlite3_last_insert_rowid(db->conn);
	return staff_action_finish(req, &create_action, ok, "create", id, NULL, "/admin/media");
}

/* The page of contact c with the form to change it (after a refused submit, from the request
 * with the errors beside the fields), answered with status. */
static enum http_status contact_page(struct request *req, const struct media_contact *c,
				     enum http_status status, bool from_request)
{
	struct media_bodies b;
	if (media_bodies(req, &b) < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_dict *d = page_begin(req, "admin_media_contact.tpl", c->name, NAV_STAFF_MEDIA);
	if (b.count > 1)
		tpl_set(tpl_section_add(d, "BODY"), "NAME", c->municipality);
	tpl_set_int(d, "ID", c->id);
	tpl_set(d, "NAME", c->name);
	tpl_set(d, "EMAIL", c->email);
	tpl_section_show(d, c->active ? "ACTIVE" : "INACTIVE");
	tpl_dict *f = tpl_include(d, "FORM", "admin_media_form.tpl");
	tpl_set(f, "ACTION", arena_printf(req->arena, "/admin/media/%lld", c->id));
	tpl_set(f, "SUBMIT", "Сохранить изменения");
	fill_form(req, f, c, from_request, &b);
	return page_end(req, status);
}

/* GET /admin/media/ID — one contact: the form to change it and to switch its mail off or on.
 * 404 for an unknown id or another body's contact (scope.c). */
enum http_status page_admin_media_contact(struct request *req)
{
	struct media_contact c;
	int rc = db_media_contact(&req->worker->db, req->arena, req->path_id, &c);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return contact_page(req, &c, HTTP_OK, false);
}

/* staff_action load: the contact of the path. */
static int load_contact(struct request *req, void *target)
{
	return db_media_contact(&req->worker->db, req->arena, req->path_id, target);
}

/* staff_action page: the contact's form again, read after the rollback, the errors beside the
 * fields. */
static enum http_status contact_refused(struct request *req, enum http_status status)
{
	struct media_contact c;
	int rc = db_media_contact(&req->worker->db, req->arena, req->path_id, &c);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return contact_page(req, &c, status, true);
}

/* A change of one contact (staff_action): refused to its form. */
static const struct staff_action contact_action = {"media_contact", STMT_MEDIA_JSON, load_contact,
						   contact_refused};

/* POST /admin/media/ID (name, email, municipality, csrf) — change a contact (and move it to
 * another of the account's bodies). 303 to /admin/media; 404 for an unknown id or another body's
 * contact (scope.c, before anything is read); 422 as for a new one. */
enum http_status page_admin_media_update(struct request *req)
{
	struct media_contact c;
	enum http_status status;
	if (!staff_action_begin(req, &contact_action, &c, &status))
		return status;
	long long body = 0;
	if (check_form(req, c.id, c.municipality_id, &body) < 0)
		return staff_action_finish(req, &contact_action, false, "update", c.id, NULL, NULL);
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &contact_action, NULL);
	json_t *before = staff_json(req, STMT_MEDIA_JSON, c.id);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_MEDIA_UPDATE);
	sqlite3_bind_int64(s, 1, c.id);
	sqlite3_bind_text(s, 2, req->field[FIELD_NAME].text, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, req->field[FIELD_EMAIL].text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, body);
	bool ok = db_run(s) == SQLITE_DONE;
	return staff_action_finish(req, &contact_action, ok, "update", c.id, before,
				   "/admin/media");
}

/* Switch the mail of the contact of the path on or off, audited. 303 to /admin/media; 404 for
 * an unknown id. */
static enum http_status set_active(struct request *req, bool active)
{
	struct media_contact c;
	enum http_status status;
	if (!staff_action_begin(req, &contact_action, &c, &status))
		return status;
	json_t *before = staff_json(req, STMT_MEDIA_JSON, c.id);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_MEDIA_SET_ACTIVE);
	sqlite3_bind_int64(s, 1, c.id);
	sqlite3_bind_int(s, 2, active);
	bool ok = db_run(s) == SQLITE_DONE;
	return staff_action_finish(req, &contact_action, ok, active ? "activate" : "deactivate",
				   c.id, before, "/admin/media");
}

/* POST /admin/media/ID/deactivate and /activate (csrf) — stop or resume announcements to a
 * contact; the row stays, so the outbox keeps naming where earlier ones went. 303 to
 * /admin/media; 404 for an unknown id. */
enum http_status page_admin_media_deactivate(struct request *req)
{
	return set_active(req, false);
}

enum http_status page_admin_media_activate(struct request *req)
{
	return set_active(req, true);
}
