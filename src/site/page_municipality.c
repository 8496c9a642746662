/* page_municipality.c — the public page of a municipality (/m/<slug>, issue 18): its card (kind,
 * head, administration, contacts, reception hours, site), a district's settlements, and the
 * upcoming meetings that concern its residents; and the list of a district's settlements that
 * the home page shows when the portal serves more than one municipality. */
#include <string.h>

#include "db_meeting.h"
#include "db_municipality.h"
#include "meeting_view.h"
#include "municipality.h"
#include "page.h"
#include "page_municipality.h"
#include "pages.h"
#include "site_scope.h"
#include "worker.h"

#define MUNICIPALITY_UPCOMING 20

/* The name a resident reads: the official one when there is one. */
static const char *display_name(const struct municipality_item *m)
{
	return m->official_name[0] ? m->official_name : m->name;
}

/* Kind, head and contacts of m into d (KIND, NAME, OFFICIAL, SLUG; HEAD, ADMINISTRATION,
 * ADDRESS, PHONE, EMAIL, HOURS, SITE sections when known). */
static void fill_card(tpl_dict *d, const struct municipality_item *m)
{
	const char *kind = municipality_kind_label(m->kind);
	tpl_set(d, "NAME", m->name);
	tpl_set(d, "OFFICIAL", display_name(m));
	tpl_set(d, "KIND", kind ? kind : m->kind);
	tpl_set(d, "SLUG", m->slug);
	if (m->head_name[0]) {
		tpl_dict *h = tpl_section_add(d, "HEAD");
		tpl_set(h, "NAME", m->head_name);
		tpl_set(h, "POSITION", m->head_position);
	}
	const struct {
		const char *section, *value;
	} facts[] = {
		{"ADMINISTRATION", m->administration}, {"ADDRESS", m->address},
		{"PHONE", m->phone},                   {"EMAIL", m->email},
		{"HOURS", m->reception_hours},         {"SITE", m->site_url},
	};
	for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++)
		if (facts[i].value[0])
			tpl_set(tpl_section_add(d, facts[i].section), "VALUE", facts[i].value);
}

/* One SETTLEMENT row per settlement of district in list (a card each). Returns how many. */
static size_t fill_settlements(tpl_dict *d, const struct municipality_item *list, size_t count,
			       long long district)
{
	size_t n = 0;
	for (size_t i = 0; i < count; i++) {
		if (list[i].district_id != district)
			continue;
		fill_card(tpl_include(tpl_section_add(d, "SETTLEMENT"), "CARD",
				      "municipality_card.tpl"),
			  &list[i]);
		n++;
	}
	return n;
}

int page_municipality_home_list(struct request *req, tpl_dict *d)
{
	struct municipality_item *list;
	size_t count;
	if (db_municipality_list(&req->worker->db, req->arena, &list, &count) < 0)
		return -1;
	if (count < 2)
		return 0;
	/* The district the site belongs to: the own municipality's, or the own one itself. */
	const struct municipality_item *own = db_municipality_own(list, count);
	const struct municipality_item *district = NULL;
	if (own != NULL)
		district = own->district_id ? db_municipality_find(list, count, own->district_id)
					    : own;
	if (district == NULL || strcmp(district->kind, "municipal_district") != 0)
		district = NULL;
	for (size_t i = 0; district == NULL && i < count; i++)
		if (strcmp(list[i].kind, "municipal_district") == 0)
			district = &list[i];
	if (district == NULL)
		return 0;
	tpl_dict *s = tpl_section_add(d, "SETTLEMENTS");
	tpl_set(s, "DISTRICT", display_name(district));
	tpl_set(s, "DISTRICT_SLUG", district->slug);
	fill_settlements(s, list, count, district->id);
	return 0;
}

/* GET /m/<slug> — a municipality's card, a district's settlements, and the next public meetings
 * of the municipality and of its district that concern it (db_meeting_of_municipality). 404
 * for an unknown slug; 500 on a database error. */
enum http_status page_municipality(struct request *req)
{
	struct db *db = &req->worker->db;
	struct municipality_item *list;
	size_t count;
	if (db_municipality_list(db, req->arena, &list, &count) < 0)
		return HTTP_INTERNAL_ERROR;
	const char *slug = req->path + strlen("/m/");
	const struct municipality_item *m = db_municipality_by_slug(list, count, slug);
	if (m == NULL)
		return HTTP_NOT_FOUND;
	struct meeting_summary *next;
	size_t next_count;
	if (db_meeting_of_municipality(db, req->arena, m->id, m->district_id, req->now,
				       MUNICIPALITY_UPCOMING, &next, &next_count) < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_dict *d = page_begin(req, "municipality.tpl", display_name(m), NAV_NONE);
	fill_card(d, m);
	tpl_set_int(d, "ID", m->id);
	const struct municipality_item *district = db_municipality_find(list, count,
									 m->district_id);
	if (district) {
		tpl_dict *p = tpl_section_add(d, "DISTRICT");
		tpl_set(p, "NAME", display_name(district));
		tpl_set(p, "SLUG", district->slug);
	}
	for (size_t i = 0; i < count; i++)
		if (list[i].district_id == m->id) {
			fill_settlements(tpl_section_add(d, "SETTLEMENT_LIST"), list, count, m->id);
			break;
		}
	tpl_section_show(d, next_count ? "HAS_UPCOMING" : "NO_UPCOMING");
	for (size_t i = 0; i < next_count; i++) {
		tpl_dict *card = tpl_include(tpl_section_add(d, "UPCOMING"), "CARD", "meeting_card.tpl");
		meeting_fill_summary(card, &next[i], req->now);
	}
	return page_end(req, HTTP_OK);
}

/* GET /m/<slug>/appeal — 303 to the appeal form with that municipality chosen as the body the
 * appeal is addressed to; 404 for an unknown slug. */
enum http_status page_municipality_appeal(struct request *req)
{
	struct site_scope scope;
	int in_scope = site_scope_read(req, &scope);
	if (in_scope != 0)
		return in_scope < 0 ? HTTP_INTERNAL_ERROR : HTTP_NOT_FOUND;
	return response_redirect(req, arena_printf(req->arena, "/appeals/new?municipality=%lld",
						   scope.id));
}
