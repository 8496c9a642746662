/* site_scope.h — the public pages of one municipality under /m/<slug>/… (issue 18 item 4): which
 * municipality a path names, so that the site-wide handlers serve its part of the site. */
#ifndef PORTAL_SITE_SCOPE_H
#define PORTAL_SITE_SCOPE_H

#include "db_municipality.h"
#include "http.h"
#include "template.h"

struct site_scope {
	const struct municipality_item *municipality; /* NULL for the whole site */
	long long id, district_id; /* 0 for the whole site; district_id 0 when none */
	const char *prefix;        /* "" or "/m/<slug>", what the page's own links start with */
	const char *name;          /* the official name, "" for the whole site */
	const char *calendar_path; /* its iCalendar feed: /meetings.ics or <prefix>/calendar.ics */
};

/* The municipality of req->path when it starts with "/m/<slug>/": 0 with *scope filled (the whole
 * site, id 0 and prefix "", for any other path), 1 for a slug no municipality has (the caller
 * answers 404), -1 on a database error. */
int site_scope_read(struct request *req, struct site_scope *scope);

/* A page's title: title itself for the whole site, «title: <municipality>» for a municipality's
 * page, so that its tab and bookmarks say whose page it is. */
const char *site_scope_title(struct request *req, const struct site_scope *scope,
			     const char *title);

/* The scope into page dictionary d: PREFIX and CALENDAR_PATH always, and a BODY section with NAME and SLUG for a
 * municipality's page (the heading under the title and the link to its card). */
void site_scope_fill(const struct site_scope *scope, tpl_dict *d);

#endif
