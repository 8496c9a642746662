/* site_scope.c — which municipality a public path /m/<slug>/… names (see site_scope.h). */
#include "site_scope.h"

#include <string.h>

#include "worker.h"

#define SCOPE_PREFIX "/m/"

int site_scope_read(struct request *req, struct site_scope *scope)
{
	*scope = (struct site_scope){.prefix = "", .name = "", .calendar_path = "/meetings.ics"};
	if (strncmp(req->path, SCOPE_PREFIX, strlen(SCOPE_PREFIX)) != 0)
		return 0;
	const char *slug = req->path + strlen(SCOPE_PREFIX);
	size_t n = strcspn(slug, "/");
	struct municipality_item *list;
	size_t count;
	if (db_municipality_list(&req->worker->db, req->arena, &list, &count) < 0)
		return -1;
	const struct municipality_item *m = db_municipality_by_slug(
		list, count, arena_printf(req->arena, "%.*s", (int)n, slug));
	if (m == NULL)
		return 1;
	scope->municipality = m;
	scope->id = m->id;
	scope->district_id = m->district_id;
	scope->prefix = arena_printf(req->arena, SCOPE_PREFIX "%s", m->slug);
	scope->name = m->official_name[0] ? m->official_name : m->name;
	scope->calendar_path = arena_printf(req->arena, "%s/calendar.ics", scope->prefix);
	return 0;
}

void site_scope_fill(const struct site_scope *scope, tpl_dict *d)
{
	tpl_set(d, "PREFIX", scope->prefix);
	tpl_set(d, "CALENDAR_PATH", scope->calendar_path);
	if (scope->municipality == NULL)
		return;
	tpl_dict *b = tpl_section_add(d, "BODY");
	tpl_set(b, "NAME", scope->name);
	tpl_set(b, "SLUG", scope->municipality->slug);
	if (scope->district_id)
		tpl_section_show(b, "IN_DISTRICT");
}

const char *site_scope_title(struct request *req, const struct site_scope *scope,
			     const char *title)
{
	if (scope->municipality == NULL)
		return title;
	return arena_printf(req->arena, "%s: %s", title, scope->name);
}
