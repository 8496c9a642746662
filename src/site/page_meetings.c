/* page_meetings.c — the public schedule (/meetings) and one meeting (/meetings/ID). */
#include <stdio.h>
#include <string.h>

#include "civil_time.h"
#include "db_meeting.h"
#include "db_municipality.h"
#include "db_reference.h"
#include "discussion_view.h"
#include "meeting_view.h"
#include "page.h"
#include "pages.h"
#include "reception_booking.h"
#include "ru.h"
#include "site_scope.h"
#include "worker.h"

/* How far the schedule counts the meetings it found; beyond, it says «более 200» and pages on
 * without a last page (counting a district's 100,000 would cost every page milliseconds). */
#define MEETINGS_COUNTED 200

/* The choices of the filter form, loaded once per request. */
struct filter_choices {
	struct territory_item *territories;
	size_t territory_count;
	struct kind_item *kinds;
	size_t kind_count;
};

/* The territories and kinds to choose from; on a municipality's schedule (municipality > 0)
 * only the territories that concern it, in the tree's order. 0, or -1 on a database error. */
static int load_choices(struct request *req, long long municipality, struct filter_choices *c)
{
	struct db *db = &req->worker->db;
	if (db_territory_tree(db, req->arena, &c->territories, &c->territory_count) < 0 ||
	    db_kind_list(db, req->arena, &c->kinds, &c->kind_count) < 0)
		return -1;
	if (municipality <= 0)
		return 0;
	long long *ids;
	size_t id_count, kept = 0;
	if (db_municipality_territories(db, req->arena, municipality, &ids, &id_count) < 0)
		return -1;
	struct territory_item *mine = arena_alloc(req->arena, (c->territory_count + 1) * sizeof *mine);
	for (size_t i = 0; i < c->territory_count; i++)
		for (size_t k = 0; k < id_count; k++)
			if (ids[k] == c->territories[i].id) {
				mine[kept++] = c->territories[i];
				break;
			}
	c->territories = mine;
	c->territory_count = kept;
	return 0;
}

/* Mark a filter that names no existing territory or kind as invalid: a link with a stale id
 * deserves "no such territory", not an empty schedule that looks like no meetings. */
static void check_choices(struct request *req, const struct filter_choices *c)
{
	struct field_value *ft = &req->field[FIELD_TERRITORY], *fk = &req->field[FIELD_KIND];
	if (ft->state == FIELD_VALID &&
	    !db_territory_known(c->territories, c->territory_count, ft->number))
		page_reject(req, FIELD_TERRITORY, "такой территории нет");
	if (fk->state == FIELD_VALID && !db_kind_known(c->kinds, c->kind_count, fk->text))
		page_reject(req, FIELD_KIND, "такого вида встреч нет");
}

/* Fill the filter form: territories and kinds as <option>s with the current choice selected. */
static void fill_filter_form(struct request *req, tpl_dict *d, const struct filter_choices *c)
{
	const struct field_value *ft = &req->field[FIELD_TERRITORY], *fk = &req->field[FIELD_KIND];
	page_territory_list_options(req, d, "TERRITORY_OPTION", c->territories, c->territory_count,
				    ft->state == FIELD_VALID ? ft->number : 0);
	for (size_t i = 0; i < c->kind_count; i++) {
		tpl_dict *o = tpl_section_add(d, "KIND_OPTION");
		tpl_set(o, "CODE", c->kinds[i].code);
		tpl_set(o, "NAME", c->kinds[i].name);
		if (fk->state == FIELD_VALID && strcmp(fk->text, c->kinds[i].code) == 0)
			tpl_section_show(o, "SELECTED");
	}
	if (req->field[FIELD_FROM].state == FIELD_VALID)
		tpl_set(d, "FROM", req->field[FIELD_FROM].raw);
	if (req->field[FIELD_TO].state == FIELD_VALID)
		tpl_set(d, "TO", req->field[FIELD_TO].raw);
}

/* GET /meetings?territory=&kind=&from=&to=&page= — the schedule, upcoming meetings first in time
 * order, then past ones newest first, page_size per page. GET /m/<slug>/meetings — the same for
 * one municipality: its meetings and its district's that concern it (site_scope.h); 404 for an
 * unknown slug.
 * 400 when a filter value is malformed, names no existing territory (on a municipality's
 * schedule: none of those that concern it) or kind, or from is after to (the page names the
 * value);
 * 404 for a page number past the last page; 200 otherwise (an empty result says so). */
enum http_status page_meetings_list(struct request *req)
{
	const struct config *cfg = req->worker->cfg;
	struct site_scope scope;
	int in_scope = site_scope_read(req, &scope);
	if (in_scope != 0)
		return in_scope < 0 ? HTTP_INTERNAL_ERROR : HTTP_NOT_FOUND;
	struct filter_choices choices;
	if (load_choices(req, scope.id, &choices) < 0)
		return HTTP_INTERNAL_ERROR;
	check_choices(req, &choices);
	if (req->invalid_fields > 0)
		return HTTP_BAD_REQUEST;
	struct meeting_filter f = {.now = req->now, .limit = cfg->page_size,
				   .municipality_id = scope.id, .district_id = scope.district_id};
	const struct field_value *v = req->field;
	if (v[FIELD_TERRITORY].state == FIELD_VALID)
		f.territory_id = v[FIELD_TERRITORY].number;
	if (v[FIELD_KIND].state == FIELD_VALID)
		f.kind = v[FIELD_KIND].text;
	if (v[FIELD_FROM].state == FIELD_VALID) {
		f.has_from = true;
		f.from = tz_local_to_utc(v[FIELD_FROM].date, 0, 0);
	}
	if (v[FIELD_TO].state == FIELD_VALID) {
		f.has_to = true;
		f.to = tz_local_to_utc(civil_date_add_days(v[FIELD_TO].date, 1), 0, 0);
	}
	if (f.has_from && f.has_to && civil_date_compare(v[FIELD_FROM].date, v[FIELD_TO].date) > 0) {
		req->field[FIELD_TO].state = FIELD_INVALID;
		req->field[FIELD_TO].error = "дата «по» раньше даты «с»";
		req->invalid_fields++;
		return HTTP_BAD_REQUEST;
	}
	long long page = v[FIELD_PAGE].state == FIELD_VALID ? v[FIELD_PAGE].number : 1;
	f.offset = (page - 1) * f.limit;

	long long total;
	struct meeting_summary *rows;
	size_t count;
	struct db *db = &req->worker->db;
	/* One row more than the page: a first page that is not full is the whole list, and its
	 * count needs no second query (a town's schedule usually fits one page); a longer one is
	 * counted up to MEETINGS_COUNTED (a district's ten years are 100,000 meetings). */
	struct meeting_filter one_more = f;
	one_more.limit = f.limit + 1;
	if (db_meeting_list(db, req->arena, &one_more, &rows, &count) < 0)
		return HTTP_INTERNAL_ERROR;
	bool more = count > (size_t)f.limit;
	if (f.offset == 0 && !more)
		total = (long long)count;
	else if (db_meeting_count(db, &f, MEETINGS_COUNTED + 1, &total) < 0)
		return HTTP_INTERNAL_ERROR;
	if (more)
		count = (size_t)f.limit;
	bool counted = total <= MEETINGS_COUNTED;
	long long pages = total == 0 ? 1 : (total + f.limit - 1) / f.limit;
	if (count == 0 && page > 1)
		return HTTP_NOT_FOUND;
	if (counted && page > pages)
		return HTTP_NOT_FOUND;

	tpl_dict *d = page_begin(req, "meetings.tpl",
				 site_scope_title(req, &scope, "Расписание встреч с населением"),
				 NAV_MEETINGS);
	page_set_calendar_links(req, d, scope.prefix);
	site_scope_fill(&scope, d);
	fill_filter_form(req, d, &choices);
	bool filtered = f.territory_id || f.kind || f.has_from || f.has_to;
	if (counted)
		tpl_set(d, "FOUND", arena_printf(req->arena, "%s %lld %s",
						 ru_plural(total, "Найдена", "Найдены", "Найдено"),
						 total, ru_plural(total, "встреча", "встречи", "встреч")));
	else
		tpl_set(d, "FOUND", arena_printf(req->arena, "Найдено более %d встреч",
						 MEETINGS_COUNTED));
	if (filtered)
		tpl_section_show(d, "FILTERED");
	if (count == 0)
		tpl_section_show(d, "EMPTY");
	else
		tpl_section_show(d, "HAS_MEETINGS");
	for (size_t i = 0; i < count; i++) {
		tpl_dict *item = tpl_section_add(d, "MEETING");
		tpl_dict *card = tpl_include(item, "CARD", "meeting_card.tpl");
		meeting_fill_summary(card, &rows[i], req->now);
	}
	if (page > 1 || more) {
		tpl_dict *p = tpl_section_add(d, "PAGINATION");
		tpl_set_int(p, "PAGE", page);
		if (counted)
			tpl_set_int(tpl_section_add(p, "OF"), "PAGES", pages);
		if (page > 1)
			tpl_set(tpl_section_add(p, "PREV"), "HREF",
				page_query_with_page(req, page - 1));
		if (more)
			tpl_set(tpl_section_add(p, "NEXT"), "HREF",
				page_query_with_page(req, page + 1));
	}
	return page_end(req, HTTP_OK);
}

/* The body a meeting belongs to (section BODY), said only where the portal serves several
 * municipalities. 0, or -1 on a database error. */
static int body_fill(struct request *req, tpl_dict *d, long long meeting)
{
	struct db *db = &req->worker->db;
	long long bodies = db_municipality_count(db);
	if (bodies < 0)
		return -1;
	if (bodies <= 1)
		return 0;
	const char *name, *official, *slug;
	int rc = db_meeting_municipality(db, req->arena, meeting, &name, &official, &slug);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		tpl_dict *b = tpl_section_add(d, "BODY");
		tpl_set(b, "NAME", official[0] ? official : name);
		tpl_set(b, "SLUG", slug);
	}
	return 0;
}

/* The changes of place or time residents were told of (section CHANGE). 0, or -1. */
static int changes_fill(struct request *req, tpl_dict *d, long long meeting)
{
	struct meeting_change *changes;
	size_t change_count;
	if (db_meeting_changes(&req->worker->db, req->arena, meeting, &changes, &change_count) < 0)
		return -1;
	for (size_t i = 0; i < change_count; i++) {
		const struct meeting_change *c = &changes[i];
		tpl_dict *row = tpl_section_add(d, "CHANGE");
		page_set_date(row, "AT", c->at);
		if (strcmp(c->kind, "place_changed") == 0) {
			tpl_dict *p = tpl_section_add(row, "PLACE");
			tpl_set(p, "OLD", c->old_venue[0] ? c->old_venue : "не было указано");
			tpl_set(p, "NEW", c->new_venue[0] ? c->new_venue : "уточняется");
		} else if (c->has_old_start && c->has_new_start) {
			tpl_dict *t = tpl_section_add(row, "TIME");
			page_set_datetime(t, "OLD", c->old_start);
			page_set_datetime(t, "NEW", c->new_start);
		}
	}
	if (change_count > 0)
		tpl_section_show(d, "CHANGES");
	return 0;
}

/* Who runs the meeting: host, information group, organising unit, attendance once held, and
 * the invited officials («Захаров Павел Ильич, директор ООО «Зеленоборский ЛПК»», issue 21).
 * 0, or -1 on a database error. */
static int people_fill(struct request *req, tpl_dict *d, const struct meeting_detail *m)
{
	if (m->host_name[0]) {
		tpl_dict *h = tpl_section_add(d, "HOST");
		tpl_set(h, "NAME", m->host_name);
		tpl_set(h, "POSITION", m->host_position);
	}
	if (m->group_name[0])
		tpl_set(tpl_section_add(d, "GROUP"), "NAME", m->group_name);
	if (m->organising_unit[0])
		tpl_set(tpl_section_add(d, "ORGANISER"), "TEXT", m->organising_unit);
	if (m->has_attendance && strcmp(m->summary.status, "held") == 0)
		tpl_set(tpl_section_add(d, "ATTENDANCE"), "TEXT",
			arena_printf(req->arena, "%lld %s", m->attendance,
				     ru_plural(m->attendance, "человек", "человека", "человек")));
	struct meeting_invitee *invitees;
	size_t count;
	if (db_meeting_invitees(&req->worker->db, req->arena, m->summary.id, &invitees, &count) < 0)
		return -1;
	if (count == 0)
		return 0;
	tpl_dict *list = tpl_section_add(d, "INVITEES");
	for (size_t i = 0; i < count; i++)
		tpl_set(tpl_section_add(list, "INVITEE"), "LINE",
			ru_person_line(req->arena, invitees[i].full_name, invitees[i].position,
				       invitees[i].organisation));
	return 0;
}

/* What a resident can do with a meeting to come: add it to a calendar, book a personal
 * reception (issue 17), subscribe to its territory (whose subscribers get the meetings above
 * it too). 0, or -1 on a database error. */
static int actions_fill(struct request *req, tpl_dict *d, const struct meeting_detail *m)
{
	if (strcmp(m->summary.status, "cancelled") != 0 && m->summary.ends_at >= req->now) {
		tpl_section_show(d, "CALENDAR");
		struct reception_info r;
		int found = reception_load(req, m->summary.id, &r);
		if (found < 0)
			return -1;
		if (found == 0 && r.starts_at > req->now)
			tpl_set_int(tpl_section_add(d, "RECEPTION"), "ID", m->summary.id);
	}
	long long territory;
	int found = db_meeting_territory(&req->worker->db, m->summary.id, &territory);
	if (found < 0)
		return -1;
	if (found == 0)
		tpl_set_int(d, "TERRITORY_ID", territory);
	return 0;
}

/* GET /meetings/ID — one public meeting: kind, topic, local date and time, place with address,
 * host, invited officials, status with its reason, a link to add it to a calendar.
 * 404 for an unknown id or a draft; 200 otherwise. */
enum http_status page_meeting_show(struct request *req)
{
	struct meeting_detail m;
	int rc = db_meeting_get(&req->worker->db, req->arena, req->path_id, &m);
	if (rc < 0)
		return HTTP_INTERNAL_ERROR;
	if (rc > 0)
		return HTTP_NOT_FOUND;
	tpl_dict *d = page_begin(req, "meeting.tpl", m.summary.title, NAV_MEETINGS);
	meeting_fill_summary(d, &m.summary, req->now);
	if (m.description[0])
		tpl_set(tpl_section_add(d, "DESCRIPTION"), "TEXT", m.description);
	if (m.status_reason[0])
		tpl_set(tpl_section_add(d, "REASON"), "TEXT", m.status_reason);
	if (people_fill(req, d, &m) < 0 || body_fill(req, d, m.summary.id) < 0 ||
	    changes_fill(req, d, m.summary.id) < 0 || actions_fill(req, d, &m) < 0)
		return HTTP_INTERNAL_ERROR;
	/* Answers to the socially significant questions raised here (order № 2 of the Zelenoborsk
	 * head §3.3). */
	int n = page_answers_fill(req, d, "ANSWER", m.summary.id, 50);
	if (n < 0)
		return HTTP_INTERNAL_ERROR;
	if (n > 0)
		tpl_section_show(d, "ANSWERS");
	/* The results recorded in its signed protocol (page_protocol.c). */
	if (strcmp(m.summary.status, "held") == 0 && protocol_results_fill(req, d, &m.summary) < 0)
		return HTTP_INTERNAL_ERROR;
	/* The drafts discussed at a public hearing, and their conclusions (issue 20). */
	if (discussion_links(req, d, m.summary.id) < 0)
		return HTTP_INTERNAL_ERROR;
	return page_end(req, HTTP_OK);
}
