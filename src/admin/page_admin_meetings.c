/* page_admin_meetings.c — scheduling meetings (/admin/meetings): the list with filters, the form
 * to create and edit one, and the life cycle under the 5-day rule: approve (with a recorded
 * exception only by a controller or an administrator), cancel, postpone, mark held, police
 * notice. Every change is written with its audit record in one transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "civil_time.h"
#include "db_meeting_staff.h"
#include "db_reference.h"
#include "meeting_informed.h"
#include "page.h"
#include "pages.h"
#include "place_agreement.h"
#include "publication.h"
#include "reception_booking.h"
#include "router.h"
#include "ru.h"
#include "rules.h"
#include "scope.h"
#include "staff_body.h"
#include "staff_change.h"
#include "worker.h"

#define STAFF_LIST_ROWS 300

/* ---- reading -------------------------------------------------------------------------- */



/* ---- reference groups (decree № 1617-па on reference groups) mailed the announcement: the
 * «Рассылка референтным группам» checkboxes, kept in meeting_reference_group and in the meeting's
 * audit JSON ---------------- */

/* One checkbox per group of items («name (N участников)»), ticked when in chosen. */
static void fill_reference_groups(struct request *req, tpl_dict *f, const struct staff_item *items,
				  size_t count, const long long *chosen, size_t chosen_count)
{
	if (count == 0)
		tpl_section_show(f, "NO_REFERENCE_GROUPS");
	for (size_t i = 0; i < count; i++) {
		tpl_dict *box = tpl_section_add(f, "REFERENCE_GROUP_OPTION");
		tpl_set_int(box, "ID", items[i].id);
		long long members = atoll(items[i].extra);
		tpl_set(box, "NAME",
			arena_printf(req->arena, "%s (%lld %s)", items[i].name, members,
				     ru_plural(members, "участник", "участника", "участников")));
		for (size_t k = 0; k < chosen_count; k++)
			if (chosen[k] == items[i].id)
				tpl_section_show(box, "CHECKED");
	}
}

/* Make the meeting's reference groups exactly the ticked ones. 0, or -1. */
static int save_reference_groups(struct request *req, long long id)
{
	struct db *db = &req->worker->db;
	sqlite3_stmt *s = db_stmt(db, STMT_MEETING_REFGROUP_CLEAR);
	sqlite3_bind_int64(s, 1, id);
	int rc = db_run(s);
	const struct field_value *v = &req->field[FIELD_REFERENCE_GROUP];
	for (size_t i = 0; rc == SQLITE_DONE && i < v->id_count; i++) {
		s = db_stmt(db, STMT_MEETING_REFGROUP_ADD);
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, v->ids[i]);
		rc = db_run(s);
	}
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Meeting id as the staff form sees it: 0 found, 1 no such meeting, -1 database error. */
static int load_meeting(struct request *req, long long id, struct staff_meeting *m)
{
	return db_staff_meeting_get(&req->worker->db, req->arena, id, m);
}

/* Everything the form offers to choose from. */
struct choices {
	struct kind_item *kinds;
	size_t kind_count;
	struct territory_item *territories;
	size_t territory_count;
	struct staff_item *venues, *people, *groups, *reference_groups;
	size_t venue_count, person_count, group_count, reference_group_count;
};

static int load_choices(struct request *req, struct choices *c)
{
	struct db *db = &req->worker->db;
	if (db_kind_list(db, req->arena, &c->kinds, &c->kind_count) < 0 ||
	    db_territory_tree(db, req->arena, &c->territories, &c->territory_count) < 0 ||
	    staff_load_items(req, STMT_VENUE_LIST, scope_bind_value(req), &c->venues,
			     &c->venue_count) < 0 ||
	    staff_load_items(req, STMT_PERSON_LIST, 0, &c->people, &c->person_count) < 0 ||
	    staff_load_items(req, STMT_GROUP_OPTIONS, scope_bind_value(req), &c->groups,
			     &c->group_count) < 0 ||
	    staff_load_items(req, STMT_REFGROUP_OPTIONS, scope_bind_value(req), &c->reference_groups,
			     &c->reference_group_count) < 0)
		return -1;
	return 0;
}


/* ---- rendering -------------------------------------------------------------------------- */

static const char *status_label(const char *status)
{
	static const char *const labels[][2] = {
		{"draft", "Черновик"},     {"approved", "Утверждена"}, {"postponed", "Перенесена"},
		{"cancelled", "Отменена"}, {"held", "Проведена"},
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i][0], status) == 0)
			return labels[i][1];
	return status;
}

static const char *change_label(const char *kind)
{
	static const char *const labels[][2] = {
		{"postponed", "перенос"},
		{"rescheduled", "новое время"},
		{"place_changed", "новое место"},
		{"cancelled", "отмена"},
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i][0], kind) == 0)
			return labels[i][1];
	return kind;
}

/* "2026-03-11T18:00" in local time, as <input type="datetime-local"> wants it. */
static const char *local_input(struct request *req, time_t t)
{
	struct tm tm;
	tz_utc_to_local(t, &tm);
	return arena_printf(req->arena, "%04d-%02d-%02dT%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
			    tm.tm_mday, tm.tm_hour, tm.tm_min);
}

/* Fill the form dictionary: from the meeting m, or (after a failed submit) from the request. */
static void fill_form(struct request *req, tpl_dict *f, const struct choices *c,
		      const struct staff_meeting *m, bool from_request)
{
	const struct field_value *v = req->field;
	const char *kind = m ? m->kind : "";
	long long territory = m ? m->territory_id : 0, venue = m ? m->venue_id : 0;
	long long host = m ? m->host_id : 0, group = m ? m->group_id : 0;
	const long long *invitees = m ? m->invitees : NULL;
	size_t invitee_count = m ? m->invitee_count : 0;
	const long long *reference_groups = m ? m->reference_groups : NULL;
	size_t reference_group_count = m ? m->reference_group_count : 0;
	if (from_request) {
		reference_groups = v[FIELD_REFERENCE_GROUP].ids;
		reference_group_count = v[FIELD_REFERENCE_GROUP].id_count;
		page_form_fields(req, f);
		kind = v[FIELD_KIND].raw ? v[FIELD_KIND].raw : "";
		territory = v[FIELD_TERRITORY].state == FIELD_VALID ? v[FIELD_TERRITORY].number : 0;
		venue = v[FIELD_VENUE].state == FIELD_VALID ? v[FIELD_VENUE].number : 0;
		host = v[FIELD_HOST].state == FIELD_VALID ? v[FIELD_HOST].number : 0;
		group = v[FIELD_GROUP].state == FIELD_VALID ? v[FIELD_GROUP].number : 0;
		invitees = v[FIELD_INVITEE].ids;
		invitee_count = v[FIELD_INVITEE].id_count;
	} else if (m) {
		tpl_set(f, "title", m->title);
		tpl_set(f, "starts_at", local_input(req, m->starts_at));
		tpl_set(f, "ends_at", local_input(req, m->ends_at));
		if (m->expected_attendance >= 0)
			tpl_set_int(f, "expected_attendance", m->expected_attendance);
		tpl_set(f, "organising_unit", m->organising_unit);
		tpl_set(f, "description", m->description);
		tpl_set(f, "theses", m->theses);
		tpl_set(f, "analytical_note", m->analytical_note);
		tpl_set(f, "reference_materials", m->reference_materials);
	}
	for (size_t i = 0; i < c->kind_count; i++) {
		tpl_dict *o = tpl_section_add(f, "KIND_OPTION");
		tpl_set(o, "CODE", c->kinds[i].code);
		tpl_set(o, "NAME", c->kinds[i].name);
		if (strcmp(kind, c->kinds[i].code) == 0)
			tpl_section_show(o, "SELECTED");
	}
	page_territory_list_options(req, f, "TERRITORY_OPTION", c->territories, c->territory_count,
				    territory);
	staff_item_options(req, f, "VENUE_OPTION", c->venues, c->venue_count, venue);
	staff_item_options(req, f, "HOST_OPTION", c->people, c->person_count, host);
	for (size_t i = 0; i < c->group_count; i++) {
		tpl_dict *o = tpl_section_add(f, "GROUP_OPTION");
		tpl_set_int(o, "ID", c->groups[i].id);
		tpl_set(o, "NAME", arena_printf(req->arena, "%s (%s)", c->groups[i].name,
						 c->groups[i].extra));
		if (group == c->groups[i].id)
			tpl_section_show(o, "SELECTED");
	}
	for (size_t i = 0; i < c->person_count; i++) {
		const struct staff_item *p = &c->people[i];
		const char *label = arena_printf(req->arena, "%s, %s", p->name, p->extra);
		tpl_dict *box = tpl_section_add(f, "INVITEE_OPTION");
		tpl_set_int(box, "ID", p->id);
		tpl_set(box, "NAME", label);
		for (size_t k = 0; k < invitee_count; k++)
			if (invitees[k] == p->id)
				tpl_section_show(box, "CHECKED");
	}
	fill_reference_groups(req, f, c->reference_groups, c->reference_group_count,
			      reference_groups, reference_group_count);
}

/* The recorded changes of meeting id, one CHANGE row each (and CHANGES when there are any).
 * 0, or -1 on a database error. */
static int fill_changes(struct request *req, tpl_dict *d, long long id)
{
	struct staff_meeting_change *c;
	size_t n;
	if (db_staff_meeting_changes(&req->worker->db, req->arena, id, &c, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		tpl_dict *row = tpl_section_add(d, "CHANGE");
		page_set_datetime(row, "AT", c[i].at);
		tpl_set(row, "KIND", change_label(c[i].kind));
		if (c[i].has_old_start)
			page_set_datetime(tpl_section_add(row, "OLD"), "AT", c[i].old_start);
		if (c[i].has_new_start)
			page_set_datetime(tpl_section_add(row, "NEW"), "AT", c[i].new_start);
		tpl_set(row, "REASON", c[i].reason);
		tpl_set(row, "LOGIN", c[i].login);
		tpl_section_show(d, "CHANGES");
	}
	return 0;
}

/* The meeting's page for staff: its state, the actions its status allows, the edit form. */
static bool is_live(const struct staff_meeting *m)
{
	return strcmp(m->status, "approved") == 0 || strcmp(m->status, "postponed") == 0;
}

static enum http_status meeting_page(struct request *req, const struct staff_meeting *m,
				     enum http_status status, bool form_from_request)
{
	struct choices c;
	if (load_choices(req, &c) < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_dict *d = page_begin(req, "admin_meeting.tpl", m->title, NAV_STAFF_MEETINGS);
	const struct config *cfg = req->worker->cfg;
	tpl_set_int(d, "ID", m->id);
	tpl_set(d, "TITLE", m->title);
	tpl_set(d, "STATUS", status_label(m->status));
	if (strcmp(m->status, "draft") != 0)
		tpl_section_show(d, "PUBLIC_PAGE"); /* a draft has no public page yet (404) */
	if (strcmp(m->status, "held") == 0)
		tpl_section_show(d, "PROTOCOL"); /* page_admin_protocols.c */
	page_set_datetime(d, "STARTS", m->starts_at);
	if (m->status_reason[0])
		tpl_set(tpl_section_add(d, "STATUS_REASON"), "TEXT", m->status_reason);
	if (m->exception_reason[0])
		tpl_set(tpl_section_add(d, "EXCEPTION"), "TEXT", m->exception_reason);
	if (m->approved)
		page_set_datetime(tpl_section_add(d, "APPROVED"), "AT", m->approved_at);
	if (m->announced)
		page_set_datetime(tpl_section_add(d, "ANNOUNCED"), "AT", m->announced_at);
	if (strcmp(m->status, "draft") == 0 || strcmp(m->status, "approved") == 0 ||
	    strcmp(m->status, "postponed") == 0) {
		struct civil_date deadline = rule_announce_deadline(m->starts_at, m->kind);
		tpl_set(d, "ANNOUNCE_DEADLINE", page_date_words(req, deadline));
		tpl_section_show(d, "DEADLINE");
	}
	if (m->expected_attendance >= cfg->police_notice_attendance) {
		tpl_dict *p = tpl_section_add(d, "POLICE");
		if (m->police_notified)
			page_set_datetime(tpl_section_add(p, "NOTIFIED"), "AT", m->police_notified_at);
		else
			tpl_section_show(p, "NOT_NOTIFIED");
	}

	if (fill_changes(req, d, m->id) < 0)
		return HTTP_INTERNAL_ERROR;
	if (publication_fill(req, d, m->id) < 0) /* the proof of publication (publication.c) */
		return HTTP_INTERNAL_ERROR;
	/* Who of the invitees and group members was told, and whom to call (not for the press:
	 * their contacts are for the staff who inform them). */
	if ((req->staff->role & INFORMED_MARKERS) &&
	    meeting_informed_fill(req, d, m->id, m->announced,
				  strcmp(m->status, "draft") == 0 || is_live(m)) < 0)
		return HTTP_INTERNAL_ERROR;
	if (place_agreement_fill(req, d, m->id) < 0) /* a field meeting's place (page_admin_place.c) */
		return HTTP_INTERNAL_ERROR;
	/* The appeals from its territory, for the host (page_admin_appeals.c); not for the press. */
	if ((req->staff->role & (APPEAL_READERS | ROLE_SECRETARY)) &&
	    appeal_summary_fill(req, d, m->territory_id) < 0)
		return HTTP_INTERNAL_ERROR;

	bool can_write = req->staff->role & MEETING_WRITERS;
	bool live = strcmp(m->status, "approved") == 0 || strcmp(m->status, "postponed") == 0;
	bool may_except = req->staff->role & MEETING_EXCEPTION_APPROVERS;
	if (can_write) {
		if (strcmp(m->status, "draft") == 0) {
			tpl_dict *a = tpl_section_add(d, "APPROVE");
			tpl_set(a, "EARLIEST",
				page_date_words(req, rule_earliest_meeting_date(req->now, m->kind)));
			if (may_except)
				tpl_section_show(a, "MAY_EXCEPT");
			/* A refused approval says why beside the button too. */
			if (status == HTTP_UNPROCESSABLE && req->error_detail != NULL)
				tpl_set(tpl_section_add(a, "APPROVE_ERROR"), "MESSAGE",
					req->error_detail);
		}
		if (live) {
			tpl_section_show(d, "CANCEL");
			tpl_dict *p = tpl_section_add(d, "POSTPONE");
			if (may_except)
				tpl_section_show(p, "MAY_EXCEPT");
			if (m->starts_at <= req->now)
				tpl_section_show(d, "HELD");
		}
		if (m->expected_attendance >= cfg->police_notice_attendance && !m->police_notified &&
		    strcmp(m->status, "cancelled") != 0 && strcmp(m->status, "held") != 0)
			tpl_section_show(d, "POLICE_ACTION");
		if (strcmp(m->status, "cancelled") != 0 && strcmp(m->status, "held") != 0) {
			tpl_dict *f = tpl_include(tpl_section_add(d, "EDIT"), "FORM",
						  "admin_meeting_form.tpl");
			tpl_set(f, "ACTION", arena_printf(req->arena, "/admin/meetings/%lld", m->id));
			tpl_set(f, "SUBMIT", "Сохранить изменения");
			if (live)
				tpl_section_show(f, "LIVE_WARNING");
			if (live && may_except)
				tpl_section_show(f, "MAY_EXCEPT");
			fill_form(req, f, &c, m, form_from_request);
		}
	}
	if (!form_from_request)
		page_form_fields(req, d); /* an action's errors and typed values */
	if (req->error_detail != NULL)
		page_form_error(req, d, req->error_detail);
	return page_end(req, status);
}

/* ---- list and create ------------------------------------------------------------------- */


static const char *const staff_statuses[] = {"draft", "approved", "postponed", "cancelled", "held"};

/* Filter values that name nothing existing are answered like malformed ones, as on the public
 * schedule: 400 naming the value. */
static void check_filters(struct request *req, const struct choices *c)
{
	struct field_value *v = req->field;
	if (v[FIELD_STATUS].state == FIELD_VALID) {
		bool found = false;
		for (size_t i = 0; i < sizeof staff_statuses / sizeof staff_statuses[0] && !found; i++)
			found = strcmp(staff_statuses[i], v[FIELD_STATUS].text) == 0;
		if (!found)
			page_reject(req, FIELD_STATUS, "такого состояния нет");
	}
	if (v[FIELD_KIND].state == FIELD_VALID &&
	    !db_kind_known(c->kinds, c->kind_count, v[FIELD_KIND].text))
		page_reject(req, FIELD_KIND, "такого вида встреч нет");
	if (v[FIELD_TERRITORY].state == FIELD_VALID &&
	    !db_territory_known(c->territories, c->territory_count, v[FIELD_TERRITORY].number))
		page_reject(req, FIELD_TERRITORY, "такой территории нет");
	if (v[FIELD_FROM].state == FIELD_VALID && v[FIELD_TO].state == FIELD_VALID &&
	    civil_date_compare(v[FIELD_FROM].date, v[FIELD_TO].date) > 0)
		page_reject(req, FIELD_TO, "дата «по» раньше даты «с»");
}

/* One row of the staff list: the meeting m, its publication deadline while it is pending, an
 * exception mark, and the police mark when a notice is due and missing. */
static void list_row(struct request *req, tpl_dict *row, const struct staff_meeting_row *m)
{
	tpl_set_int(row, "ID", m->id);
	tpl_set(row, "KIND", m->kind_name);
	tpl_set(row, "TITLE", m->title);
	tpl_set(row, "STATUS", status_label(m->status));
	page_set_datetime(row, "STARTS", m->starts_at);
	tpl_set(row, "TERRITORY", m->territory);
	tpl_set(row, "VENUE", m->venue);
	bool pending = strcmp(m->status, "draft") == 0 ||
		       ((strcmp(m->status, "approved") == 0 || strcmp(m->status, "postponed") == 0) &&
			!m->announced);
	if (pending && m->starts_at > req->now)
		tpl_set(tpl_section_add(row, "DEADLINE"), "DATE",
			page_date_words(req, rule_announce_deadline(m->starts_at, m->kind)));
	if (m->has_exception)
		tpl_section_show(row, "EXCEPTION");
	if (m->has_expected_attendance &&
	    m->expected_attendance >= req->worker->cfg->police_notice_attendance &&
	    !m->police_notified && strcmp(m->status, "cancelled") != 0 &&
	    strcmp(m->status, "held") != 0)
		tpl_section_show(row, "POLICE");
}

/* GET /admin/meetings (status, kind, territory, from, to) — the meetings of the account's body,
 * newest first, with the filters. 400 for a filter value that names nothing. */
enum http_status page_admin_meetings(struct request *req)
{
	struct choices c;
	if (load_choices(req, &c) < 0)
		return HTTP_INTERNAL_ERROR;
	check_filters(req, &c);
	if (req->invalid_fields > 0)
		return HTTP_BAD_REQUEST;
	const struct field_value *v = req->field;
	struct staff_meeting_filter f = {
		.status = v[FIELD_STATUS].state == FIELD_VALID ? v[FIELD_STATUS].text : NULL,
		.kind = v[FIELD_KIND].state == FIELD_VALID ? v[FIELD_KIND].text : NULL,
		.territory = v[FIELD_TERRITORY].state == FIELD_VALID ? v[FIELD_TERRITORY].number : 0,
		.has_from = v[FIELD_FROM].state == FIELD_VALID,
		.has_to = v[FIELD_TO].state == FIELD_VALID,
		.limit = STAFF_LIST_ROWS,
		.scope = scope_bind_value(req),
	};
	if (f.has_from)
		f.from = tz_local_to_utc(v[FIELD_FROM].date, 0, 0);
	if (f.has_to) /* the whole last day */
		f.to = tz_local_to_utc(civil_date_add_days(v[FIELD_TO].date, 1), 0, 0);
	struct staff_meeting_row *list;
	size_t rows;
	if (db_staff_meeting_list(&req->worker->db, req->arena, &f, &list, &rows) < 0)
		return HTTP_INTERNAL_ERROR;

	tpl_dict *d = page_begin(req, "admin_meetings.tpl", "Встречи", NAV_STAFF_MEETINGS);
	if (req->staff->role & MEETING_WRITERS)
		tpl_section_show(d, "CAN_CREATE");
	for (size_t i = 0; i < rows; i++)
		list_row(req, tpl_section_add(d, "MEETING"), &list[i]);
	tpl_section_show(d, rows ? "HAS_MEETINGS" : "NO_MEETINGS");
	page_form_fields(req, d);
	for (size_t i = 0; i < c.kind_count; i++) {
		tpl_dict *o = tpl_section_add(d, "KIND_OPTION");
		tpl_set(o, "CODE", c.kinds[i].code);
		tpl_set(o, "NAME", c.kinds[i].name);
		if (v[FIELD_KIND].state == FIELD_VALID && strcmp(v[FIELD_KIND].text, c.kinds[i].code) == 0)
			tpl_section_show(o, "SELECTED");
	}
	page_territory_list_options(req, d, "TERRITORY_OPTION", c.territories, c.territory_count,
				    v[FIELD_TERRITORY].state == FIELD_VALID ? v[FIELD_TERRITORY].number
									    : 0);
	for (size_t i = 0; i < sizeof staff_statuses / sizeof staff_statuses[0]; i++) {
		tpl_dict *o = tpl_section_add(d, "STATUS_OPTION");
		tpl_set(o, "CODE", staff_statuses[i]);
		tpl_set(o, "NAME", status_label(staff_statuses[i]));
		if (v[FIELD_STATUS].state == FIELD_VALID &&
		    strcmp(v[FIELD_STATUS].text, staff_statuses[i]) == 0)
			tpl_section_show(o, "SELECTED");
	}
	return page_end(req, HTTP_OK);
}

static enum http_status new_form(struct request *req, enum http_status status, bool from_request)
{
	struct choices c;
	if (load_choices(req, &c) < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_dict *d = page_begin(req, "admin_meeting_new.tpl", "Новая встреча", NAV_STAFF_MEETINGS);
	tpl_dict *f = tpl_include(d, "FORM", "admin_meeting_form.tpl");
	tpl_set(f, "ACTION", "/admin/meetings");
	tpl_set(f, "SUBMIT", "Создать черновик");
	fill_form(req, f, &c, NULL, from_request);
	return page_end(req, status);
}

/* GET /admin/meetings/new — the empty form. */
enum http_status page_admin_meeting_new(struct request *req)
{
	return new_form(req, HTTP_OK, false);
}

static time_t field_time(const struct field_value *v)
{
	return tz_local_to_utc(v->date, v->hour, v->minute);
}

/* The checks the field table cannot make: references (kind, territory, venue, host, information
 * group, invitees, reference groups — of the meeting's body or its district) exist, the end is
 * after the start. 0, or -1 on a database error. */
static int check_form(struct request *req, const struct choices *c)
{
	const struct field_value *v = req->field;
	if (v[FIELD_KIND].state == FIELD_VALID &&
	    !db_kind_known(c->kinds, c->kind_count, v[FIELD_KIND].text))
		page_reject(req, FIELD_KIND, "выберите вид из списка");
	if (v[FIELD_TERRITORY].state == FIELD_VALID &&
	    !db_territory_known(c->territories, c->territory_count, v[FIELD_TERRITORY].number))
		page_reject(req, FIELD_TERRITORY, "выберите территорию из списка");
	if (v[FIELD_VENUE].state == FIELD_VALID &&
	    !staff_has_item(c->venues, c->venue_count, v[FIELD_VENUE].number))
		page_reject(req, FIELD_VENUE, "выберите место из списка");
	if (v[FIELD_HOST].state == FIELD_VALID &&
	    !staff_has_item(c->people, c->person_count, v[FIELD_HOST].number))
		page_reject(req, FIELD_HOST, "выберите из списка");
	if (v[FIELD_GROUP].state == FIELD_VALID &&
	    !staff_has_item(c->groups, c->group_count, v[FIELD_GROUP].number))
		page_reject(req, FIELD_GROUP, "выберите группу из списка");
	for (size_t i = 0; i < v[FIELD_INVITEE].id_count; i++)
		if (!staff_has_item(c->people, c->person_count, v[FIELD_INVITEE].ids[i]))
			page_reject(req, FIELD_INVITEE, "выберите из списка");
	for (size_t i = 0; i < v[FIELD_REFERENCE_GROUP].id_count; i++)
		if (!staff_has_item(c->reference_groups, c->reference_group_count,
				    v[FIELD_REFERENCE_GROUP].ids[i]))
			page_reject(req, FIELD_REFERENCE_GROUP, "выберите группу из списка");
	if (v[FIELD_REFERENCE_GROUP].state != FIELD_INVALID &&
	    v[FIELD_TERRITORY].state == FIELD_VALID &&
	    staff_reference_groups_check(req, v[FIELD_TERRITORY].number, 0, 0) < 0)
		return -1;
	if (v[FIELD_STARTS_AT].state == FIELD_VALID && v[FIELD_ENDS_AT].state == FIELD_VALID &&
	    field_time(&v[FIELD_ENDS_AT]) <= field_time(&v[FIELD_STARTS_AT]))
		page_reject(req, FIELD_ENDS_AT, "окончание должно быть позже начала");
	return 0;
}

/* Bind the form's fields as ?first… in the order of STMT_STAFF_MEETING_INSERT. */
static void bind_form(struct request *req, sqlite3_stmt *s, int first)
{
	const struct field_value *v = req->field;
	sqlite3_bind_text(s, first, v[FIELD_KIND].text, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, first + 1, v[FIELD_TITLE].text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, first + 2, v[FIELD_TERRITORY].number);
	if (v[FIELD_VENUE].state == FIELD_VALID)
		sqlite3_bind_int64(s, first + 3, v[FIELD_VENUE].number);
	sqlite3_bind_int64(s, first + 4, (sqlite3_int64)field_time(&v[FIELD_STARTS_AT]));
	sqlite3_bind_int64(s, first + 5, (sqlite3_int64)field_time(&v[FIELD_ENDS_AT]));
	if (v[FIELD_HOST].state == FIELD_VALID)
		sqlite3_bind_int64(s, first + 6, v[FIELD_HOST].number);
	const char *unit = v[FIELD_ORGANISING_UNIT].text;
	sqlite3_bind_text(s, first + 7, unit ? unit : "", -1, SQLITE_STATIC);
	if (v[FIELD_EXPECTED_ATTENDANCE].state == FIELD_VALID)
		sqlite3_bind_int64(s, first + 8, v[FIELD_EXPECTED_ATTENDANCE].number);
	static const enum field long_texts[] = {FIELD_DESCRIPTION, FIELD_THESES,
						FIELD_ANALYTICAL_NOTE, FIELD_REFERENCE_MATERIALS};
	for (int i = 0; i < 4; i++)
		sqlite3_bind_text(s, first + 9 + i, v[long_texts[i]].text ? v[long_texts[i]].text : "",
				  -1, SQLITE_STATIC);
	if (v[FIELD_GROUP].state == FIELD_VALID)
		sqlite3_bind_int64(s, first + 13, v[FIELD_GROUP].number);
}

static int save_invitees(struct request *req, long long id)
{
	struct db *db = &req->worker->db;
	sqlite3_stmt *s = db_stmt(db, STMT_MEETING_INVITEE_CLEAR);
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	db_done(s);
	const struct field_value *v = &req->field[FIELD_INVITEE];
	for (size_t i = 0; rc == SQLITE_DONE && i < v->id_count; i++) {
		s = db_stmt(db, STMT_MEETING_INVITEE_ADD);
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, v->ids[i]);
		rc = sqlite3_step(s);
		db_done(s);
	}
	return rc == SQLITE_DONE ? 0 : -1;
}

/* staff_action page of a new meeting: the form again with what was typed. */
static enum http_status create_refused(struct request *req, enum http_status status)
{
	return new_form(req, status, true);
}

/* The creation of a meeting (staff_action): refused to the new meeting's form. */
static const struct staff_action meeting_create = {"meeting", STMT_STAFF_MEETING_JSON, staff_action_no_target,
						   create_refused};

/* POST /admin/meetings (kind, title, territory, venue, starts_at, ends_at, host, group,
 * organising_unit, expected_attendance, description, theses, analytical_note,
 * reference_materials, invitee…, csrf) — create a draft. 303 to its page; 422 with the errors
 * beside the fields and everything
 * typed kept. */
enum http_status page_admin_meeting_create(struct request *req)
{
	enum http_status status;
	if (!staff_action_begin(req, &meeting_create, NULL, &status))
		return status;
	struct choices c;
	if (load_choices(req, &c) < 0) {
		db_rollback(&req->worker->db);
		return HTTP_INTERNAL_ERROR;
	}
	if (check_form(req, &c) < 0)
		return staff_action_fail(req);
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &meeting_create, NULL);
	struct db *db = &req->worker->db;
	sqlite3_stmt *s = db_stmt(db, STMT_STAFF_MEETING_INSERT);
	bind_form(req, s, 1);
	sqlite3_bind_int64(s, 15, (sqlite3_int64)req->now);
	bool ok = db_run(s) == SQLITE_DONE;
	long long id = sqlite3_last_insert_rowid(db->conn);
	ok = ok && save_invitees(req, id) == 0 && save_reference_groups(req, id) == 0;
	return staff_action_finish(req, &meeting_create, ok, "create", id, NULL,
				   arena_printf(req->arena, "/admin/meetings/%lld", id));
}

/* ---- one meeting ------------------------------------------------------------------------ */

/* GET /admin/meetings/ID — the meeting's state, actions and edit form. 404 for an unknown id. */
enum http_status page_admin_meeting(struct request *req)
{
	struct staff_meeting m;
	int rc = load_meeting(req, req->path_id, &m);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return meeting_page(req, &m, HTTP_OK, false);
}

/* Run a bound write statement: 0, or -1 when it failed. */
static int run(sqlite3_stmt *s)
{
	return db_run(s) == SQLITE_DONE ? 0 : -1;
}

/* The notice period of kind (the 5-day rule, or the longer period [notice] sets for the kind)
 * for a meeting (re)scheduled to starts_at. HTTP_OK when kept, or when broken with a written
 * exception by a controller or an administrator (*exception set); otherwise 422 naming the
 * period and the earliest date allowed on field, or 403 for an exception from another role. */
static enum http_status five_day_rule(struct request *req, time_t starts_at, const char *kind,
				      enum field field, const char **exception)
{
	*exception = "";
	if (rule_notice_kept(req->now, starts_at, kind))
		return HTTP_OK;
	int days = rule_notice_days(kind);
	const char *rule_name = days == RULE_ANNOUNCE_DAYS ? "из правила пяти дней"
							   : "из срока публикации";
	const struct field_value *reason = &req->field[FIELD_EXCEPTION_REASON];
	if (reason->state == FIELD_VALID) {
		if (!(req->staff->role & MEETING_EXCEPTION_APPROVERS)) {
			req->error_detail = "Исключение из правила пяти дней может утвердить только "
					    "контролёр или администратор.";
			return HTTP_FORBIDDEN;
		}
		*exception = reason->text;
		return HTTP_OK;
	}
	const char *earliest = page_date_words(req, rule_earliest_meeting_date(req->now, kind));
	bool may_except = (req->staff->role & (ROLE_ADMIN | ROLE_CONTROLLER)) != 0;
	/* Ends with the date, «… 2026 г.»: that full stop ends the sentence too. */
	const char *rule = arena_printf(req->arena,
					"место и время встречи публикуются не позднее чем за %d %s, "
					"поэтому самая ранняя допустимая дата — %s",
					days, ru_plural(days, "день", "дня", "дней"), earliest);
	if (!may_except) {
		/* The organizer has no exception field: say plainly what to do, on the form. */
		const char *plain = arena_printf(
			req->arena,
			"Встречу нельзя провести так скоро: %s Перенесите её на эту дату или "
			"позже. Более раннюю дату может утвердить контролёр или администратор — "
			"как исключение %s, записав его причину.",
			rule, rule_name);
		if (field == FIELD_EXCEPTION_REASON)
			req->error_detail = plain;
		else
			page_reject(req, field,
				    arena_printf(req->arena,
						 "%s Более раннюю дату может утвердить контролёр или "
						 "администратор — как исключение с указанием причины.",
						 rule));
		return HTTP_UNPROCESSABLE;
	}
	page_reject(req, field,
		    arena_printf(req->arena,
				 "%s; чтобы назначить встречу раньше, укажите причину исключения",
				 rule));
	return HTTP_UNPROCESSABLE;
}

static int record_change(struct request *req, const struct staff_meeting *m, const char *kind,
			 time_t new_start, long long new_venue, const char *reason)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_MEETING_CHANGE_INSERT);
	sqlite3_bind_int64(s, 1, m->id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 3, req->staff->user_id);
	sqlite3_bind_text(s, 4, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 5, (sqlite3_int64)m->starts_at);
	if (m->venue_id)
		sqlite3_bind_int64(s, 6, m->venue_id);
	if (new_start)
		sqlite3_bind_int64(s, 7, (sqlite3_int64)new_start);
	if (new_venue)
		sqlite3_bind_int64(s, 8, new_venue);
	sqlite3_bind_text(s, 9, reason, -1, SQLITE_STATIC);
	return run(s);
}


/* Record that the meeting's (new) time breaks the 5-day rule by an exception: it is reported as
 * a violation. */
static int set_exception(struct request *req, long long id, const char *reason)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_MEETING_SET_EXCEPTION);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, reason, -1, SQLITE_STATIC);
	return run(s);
}

/* staff_action load: the meeting of the path. */
static int load_target(struct request *req, void *target)
{
	return load_meeting(req, req->path_id, target);
}

/* staff_action page of the edit form: the meeting's page with the form as it was sent. */
static enum http_status edit_refused(struct request *req, enum http_status status)
{
	struct staff_meeting m;
	int rc = load_meeting(req, req->path_id, &m);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return meeting_page(req, &m, status, true);
}

/* An action on one meeting (staff_action): approve, cancel, postpone, held, police, informed;
 * refused to the meeting's page, the typed values of the action kept. */
static const struct staff_action meeting_action = {"meeting", STMT_STAFF_MEETING_JSON,
						   load_target, page_admin_meeting_refused};

/* The change of a meeting's fields (staff_action): refused to its page with the edit form as
 * it was sent. */
static const struct staff_action meeting_edit = {"meeting", STMT_STAFF_MEETING_JSON, load_target,
						 edit_refused};

/* Finish a change of meeting m inside the open transaction (rc 0, or -1 when a step failed):
 * audit it, commit, and go back to the meeting's page. */
static enum http_status commit_change(struct request *req, const struct staff_meeting *m,
				      const char *action, json_t *before, int rc)
{
	return staff_action_finish(req, &meeting_action, rc == 0, action, m->id, before,
				   arena_printf(req->arena, "/admin/meetings/%lld", m->id));
}

/* Give up a change without its page: roll its transaction back and answer status (403, 500, or
 * 422 for a meeting that cannot change at all). */
static enum http_status abandon(struct request *req, enum http_status status)
{
	db_rollback(&req->worker->db);
	return status;
}

/* A refusal shown on the meeting's page with the typed values kept. */
static enum http_status refuse(struct request *req)
{
	return staff_action_refuse(req, &meeting_action, NULL);
}

/* POST /admin/meetings/ID (the form's fields, exception_reason, csrf) — save changes. A draft
 * changes freely. For an approved or postponed meeting a new place or time is a change that is
 * published again: it is recorded, the announcement is reset, and the 5-day rule applies to the
 * new time. 303 to the page; 422 with errors beside the fields (also for a cancelled or held
 * meeting, which cannot change); 403 for an exception by a role that may not grant it. */
enum http_status page_admin_meeting_update(struct request *req)
{
	struct staff_meeting m;
	enum http_status status;
	if (!staff_action_begin(req, &meeting_edit, &m, &status))
		return status;
	struct choices c;
	if (load_choices(req, &c) < 0)
		return abandon(req, HTTP_INTERNAL_ERROR);
	if (!is_live(&m) && strcmp(m.status, "draft") != 0) {
		req->error_detail = "Отменённую или проведённую встречу изменить нельзя.";
		return abandon(req, HTTP_UNPROCESSABLE);
	}
	if (check_form(req, &c) < 0)
		return abandon(req, HTTP_INTERNAL_ERROR);
	const char *exception = "";
	bool moved = false, replaced = false, new_end = false;
	time_t starts = 0;
	long long venue = 0;
	if (req->invalid_fields == 0 && is_live(&m)) {
		starts = field_time(&req->field[FIELD_STARTS_AT]);
		if (req->field[FIELD_VENUE].state == FIELD_VALID)
			venue = req->field[FIELD_VENUE].number;
		moved = starts != m.starts_at;
		replaced = venue != m.venue_id;
		new_end = field_time(&req->field[FIELD_ENDS_AT]) != m.ends_at;
		if (moved && starts <= req->now)
			page_reject(req, FIELD_STARTS_AT, "это время уже прошло");
		else if (moved || replaced) {
			status = five_day_rule(req, starts,
					       page_field_text(req, FIELD_KIND)[0]
						       ? page_field_text(req, FIELD_KIND)
						       : m.kind,
					       FIELD_STARTS_AT, &exception);
			if (status == HTTP_FORBIDDEN)
				return abandon(req, status);
		}
	}
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &meeting_edit, NULL);

	struct db *db = &req->worker->db;
	json_t *before = staff_json(req, STMT_STAFF_MEETING_JSON, m.id);
	sqlite3_stmt *s = db_stmt(db, STMT_STAFF_MEETING_UPDATE);
	sqlite3_bind_int64(s, 1, m.id);
	bind_form(req, s, 2);
	sqlite3_bind_int64(s, 16, (sqlite3_int64)req->now);
	int rc = run(s) < 0 || save_invitees(req, m.id) < 0 || save_reference_groups(req, m.id) < 0
			 ? -1
			 : 0;
	if (rc == 0 && (moved || replaced)) {
		/* A new place and a new time are two changes, each published as such. */
		if (replaced)
			rc = record_change(req, &m, "place_changed", starts, venue, exception);
		if (rc == 0 && moved)
			rc = record_change(req, &m, "rescheduled", starts, venue, exception);
		if (rc == 0 && moved) {
			/* Residents see a new time as a postponement, with the old time beside it. */
			s = db_stmt(db, STMT_MEETING_MARK_MOVED);
			sqlite3_bind_int64(s, 1, m.id);
			sqlite3_bind_int64(s, 2, (sqlite3_int64)m.starts_at);
			rc = run(s);
		}
		s = db_stmt(db, STMT_MEETING_UNANNOUNCE);
		sqlite3_bind_int64(s, 1, m.id);
		if (rc == 0)
			rc = run(s);
		if (rc == 0 && exception[0])
			rc = set_exception(req, m.id, exception);
	}
	/* A reception's bookings follow a new start, and those a new end leaves out are told. */
	if (rc == 0 && (moved || new_end) &&
	    reception_meeting_moved(req, m.id, m.starts_at, "") < 0)
		rc = -1;
	return commit_change(req, &m, "update", before, rc);
}

/* POST /admin/meetings/ID/approve (exception_reason, csrf) — approve a draft: it becomes public
 * and the notifier announces it. Refused with 422 (naming the earliest date allowed) when it
 * starts less than 5 days from today in the municipality's zone, unless a controller or an
 * administrator writes an exception reason, which is recorded and reported as a violation (403
 * for the reason from another role). 422 for a meeting that is not a draft or already began. */
enum http_status page_admin_meeting_approve(struct request *req)
{
	struct staff_meeting m;
	enum http_status status;
	if (!staff_action_begin(req, &meeting_action, &m, &status))
		return status;
	if (strcmp(m.status, "draft") != 0) {
		req->error_detail = "Утвердить можно только черновик.";
		return refuse(req);
	}
	if (m.starts_at <= req->now) {
		req->error_detail = "Время встречи уже наступило: измените дату, прежде чем утверждать.";
		return refuse(req);
	}
	const char *exception;
	status = five_day_rule(req, m.starts_at, m.kind, FIELD_EXCEPTION_REASON, &exception);
	if (status == HTTP_FORBIDDEN)
		return abandon(req, status);
	if (status != HTTP_OK)
		return refuse(req);
	struct db *db = &req->worker->db;
	json_t *before = staff_json(req, STMT_STAFF_MEETING_JSON, m.id);
	sqlite3_stmt *s = db_stmt(db, STMT_MEETING_APPROVE);
	sqlite3_bind_int64(s, 1, m.id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 3, req->staff->user_id);
	sqlite3_bind_text(s, 4, exception, -1, SQLITE_STATIC);
	return commit_change(req, &m, exception[0] ? "approve_with_exception" : "approve", before,
			     run(s));
}

/* POST /admin/meetings/ID/cancel (cancel_reason, csrf) — cancel an approved or postponed meeting;
 * the cancellation is published with its reason. 422 without a reason or for another status. */
enum http_status page_admin_meeting_cancel(struct request *req)
{
	struct staff_meeting m;
	enum http_status status;
	if (!staff_action_begin(req, &meeting_action, &m, &status))
		return status;
	if (!is_live(&m)) {
		req->error_detail = "Отменить можно только утверждённую или перенесённую встречу.";
		return refuse(req);
	}
	if (req->invalid_fields > 0)
		return refuse(req);
	const char *reason = req->field[FIELD_CANCEL_REASON].text;
	struct db *db = &req->worker->db;
	json_t *before = staff_json(req, STMT_STAFF_MEETING_JSON, m.id);
	sqlite3_stmt *s = db_stmt(db, STMT_MEETING_SET_STATUS);
	sqlite3_bind_int64(s, 1, m.id);
	sqlite3_bind_text(s, 2, "cancelled", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, reason, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)req->now);
	int rc = run(s) < 0 || record_change(req, &m, "cancelled", 0, 0, reason) < 0 ? -1 : 0;
	/* A reception's bookings are freed and their residents told, in the same transaction. */
	if (rc == 0 && reception_meeting_cancelled(req, m.id, reason) < 0)
		rc = -1;
	return commit_change(req, &m, "cancel", before, rc);
}

/* POST /admin/meetings/ID/postpone (new_starts_at, new_ends_at, postpone_reason,
 * exception_reason, csrf) — move an approved or postponed meeting to a new time: it shows as
 * postponed with the old date, the change is announced again, and the 5-day rule applies to the
 * new time (as for approval). 422 for missing or wrong fields or another status. */
enum http_status page_admin_meeting_postpone(struct request *req)
{
	struct staff_meeting m;
	enum http_status status;
	if (!staff_action_begin(req, &meeting_action, &m, &status))
		return status;
	if (!is_live(&m)) {
		req->error_detail = "Перенести можно только утверждённую или перенесённую встречу.";
		return refuse(req);
	}
	const struct field_value *v = req->field;
	time_t starts = 0, ends = 0;
	if (v[FIELD_NEW_STARTS_AT].state == FIELD_VALID && v[FIELD_NEW_ENDS_AT].state == FIELD_VALID) {
		starts = field_time(&v[FIELD_NEW_STARTS_AT]);
		ends = field_time(&v[FIELD_NEW_ENDS_AT]);
		if (ends <= starts)
			page_reject(req, FIELD_NEW_ENDS_AT, "окончание должно быть позже начала");
		else if (starts <= req->now)
			page_reject(req, FIELD_NEW_STARTS_AT, "это время уже прошло");
		else if (starts == m.starts_at)
			page_reject(req, FIELD_NEW_STARTS_AT, "новое время совпадает с прежним");
	}
	const char *exception = "";
	if (req->invalid_fields == 0) {
		status = five_day_rule(req, starts, m.kind, FIELD_NEW_STARTS_AT, &exception);
		if (status == HTTP_FORBIDDEN)
			return abandon(req, status);
	}
	if (req->invalid_fields > 0)
		return refuse(req);
	const char *reason = v[FIELD_POSTPONE_REASON].text;
	struct db *db = &req->worker->db;
	json_t *before = staff_json(req, STMT_STAFF_MEETING_JSON, m.id);
	sqlite3_stmt *s = db_stmt(db, STMT_MEETING_POSTPONE);
	sqlite3_bind_int64(s, 1, m.id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)starts);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)ends);
	sqlite3_bind_text(s, 4, reason, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 5, (sqlite3_int64)req->now);
	int rc = run(s) < 0 || record_change(req, &m, "postponed", starts, 0, reason) < 0 ? -1 : 0;
	if (rc == 0 && exception[0])
		rc = set_exception(req, m.id, exception);
	/* A reception's bookings move with it and their residents are told. */
	if (rc == 0 && reception_meeting_moved(req, m.id, m.starts_at, reason) < 0)
		rc = -1;
	return commit_change(req, &m, "postpone", before, rc);
}

/* POST /admin/meetings/ID/held (attendance, csrf) — record that an approved or postponed meeting
 * took place and how many came. 422 before its start, for another status or without the
 * number. */
enum http_status page_admin_meeting_held(struct request *req)
{
	struct staff_meeting m;
	enum http_status status;
	if (!staff_action_begin(req, &meeting_action, &m, &status))
		return status;
	if (!is_live(&m) || m.starts_at > req->now) {
		req->error_detail = "Отметить проведённой можно только утверждённую встречу, время "
				    "которой уже наступило.";
		return refuse(req);
	}
	if (req->invalid_fields > 0)
		return refuse(req);
	struct db *db = &req->worker->db;
	json_t *before = staff_json(req, STMT_STAFF_MEETING_JSON, m.id);
	sqlite3_stmt *s = db_stmt(db, STMT_MEETING_HELD);
	sqlite3_bind_int64(s, 1, m.id);
	sqlite3_bind_int64(s, 2, req->field[FIELD_ATTENDANCE].number);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)req->now);
	return commit_change(req, &m, "held", before, run(s));
}

enum http_status page_admin_meeting_refused(struct request *req, enum http_status status)
{
	struct staff_meeting m;
	int rc = load_meeting(req, req->path_id, &m);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return meeting_page(req, &m, status, false);
}

/* POST /admin/meetings/ID/police (csrf) — record that the police were told of a meeting whose
 * expected attendance is at or above the configured threshold (order № 2 of the Zelenoborsk head
 * §2.5). 422 for a meeting below it. */
enum http_status page_admin_meeting_police(struct request *req)
{
	struct staff_meeting m;
	enum http_status status;
	if (!staff_action_begin(req, &meeting_action, &m, &status))
		return status;
	if (m.expected_attendance < req->worker->cfg->police_notice_attendance) {
		req->error_detail = "Для этой встречи уведомление полиции не требуется.";
		return refuse(req);
	}
	if (m.police_notified || (!is_live(&m) && strcmp(m.status, "draft") != 0)) {
		req->error_detail = m.police_notified ? "Уведомление полиции уже отмечено."
						      : "Встреча отменена или уже проведена.";
		return refuse(req);
	}
	struct db *db = &req->worker->db;
	json_t *before = staff_json(req, STMT_STAFF_MEETING_JSON, m.id);
	sqlite3_stmt *s = db_stmt(db, STMT_MEETING_POLICE_NOTIFIED);
	sqlite3_bind_int64(s, 1, m.id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	return commit_change(req, &m, "police_notified", before, run(s));
}

/* POST /admin/meetings/ID/informed (person, csrf) — mark an invitee or a member of the holding
 * group as told of the meeting by phone or in person (regulation № 44 on information groups
 * §3.6.3), audited. 303 to the meeting's list of who was told; 404 for an unknown meeting; 422 for
 * a person it does not concern, one already marked, or a meeting cancelled or held. */
enum http_status page_admin_meeting_informed(struct request *req)
{
	struct staff_meeting m;
	enum http_status status;
	if (!staff_action_begin(req, &meeting_action, &m, &status))
		return status;
	if (strcmp(m.status, "draft") != 0 && !is_live(&m)) {
		req->error_detail = "Встреча отменена или уже проведена: сообщать о ней поздно.";
		return refuse(req);
	}
	long long person = req->field[FIELD_PERSON].number;
	int concerns = meeting_informed_concerns(req, m.id, person);
	if (concerns < 0)
		return abandon(req, HTTP_INTERNAL_ERROR);
	if (concerns == 0) {
		req->error_detail = "Этот человек не приглашён на встречу и не входит в её группу.";
		return refuse(req);
	}
	struct db *db = &req->worker->db;
	int marked = db_staff_meeting_mark_informed(db, m.id, person, req->now, req->staff->user_id);
	if (marked == 0) {
		req->error_detail = "Уже отмечено, что этому человеку сообщено о встрече.";
		return refuse(req);
	}
	/* The record names the person told, not the meeting's state, which does not change. */
	if (marked < 0 ||
	    audit_record(req, NULL, "informed", "meeting", m.id, NULL,
			 json_pack("{s:I}", "person_id", (json_int_t)person)) < 0 ||
	    db_commit(db) < 0)
		return abandon(req, HTTP_INTERNAL_ERROR);
	return response_redirect(req, arena_printf(req->arena, "/admin/meetings/%lld#informed", m.id));
}
