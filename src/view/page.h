/* page.h — the common frame of every HTML page (layout.tpl: name of the municipality,
 * navigation, footer, the visually impaired version) and the error pages in Russian. */
#ifndef PORTAL_PAGE_H
#define PORTAL_PAGE_H

#include <time.h>

#include <sqlite3.h>

#include "http.h"
#include "template.h"

enum nav_item {
	NAV_NONE,
	NAV_HOME,
	NAV_MEETINGS,
	NAV_APPEALS,
	NAV_ANSWERS,
	NAV_STAFF_HOME,
	NAV_STAFF_MEETINGS,
	NAV_STAFF_APPEALS,
	NAV_STAFF_INSTRUCTIONS,
	NAV_STAFF_REFERENCE, /* territories, venues, people, information groups */
	NAV_STAFF_USERS,
	NAV_STAFF_AUDIT,
	NAV_STAFF_OUTBOX,
	NAV_STAFF_PASSWORD,
	NAV_PRESS,            /* /press, for the media */
	NAV_STAFF_MEDIA_PLAN, /* the media plan */
	NAV_STAFF_MEDIA,      /* the media list */
	NAV_STAFF_REPORTS,    /* the reports */
	NAV_ACCOUNT,          /* the resident's account and signing in */
	NAV_DISCUSSIONS,      /* public discussions of drafts */
	NAV_STAFF_DISCUSSIONS, /* their administration */
	NAV_SURVEYS,          /* surveys */
	NAV_STAFF_SURVEYS,    /* their administration */
	NAV_STAFF_PLAN,       /* the plan of measures */
};

/* Start an HTML page: the layout with body_template included as its content. Returns the body's
 * dictionary for the handler to fill. title is the page's own title (the site name is added). */
tpl_dict *page_begin(struct request *req, const char *body_template, const char *title,
		     enum nav_item active);

/* Render the page begun with page_begin into the response body and return status, or 500 when
 * the template fails. */
enum http_status page_end(struct request *req, enum http_status status);

/* Render the error page for status into the response body. For 400 it lists the invalid fields
 * of the request; for 405 the caller has set Allow. */
void page_error(struct request *req, enum http_status status);

/* Fill a form's dictionary from the request's declared fields: each field's value under its
 * name (never for secrets such as passwords), a "<name>_error" section with MESSAGE beside an
 * invalid one, and the {{>FORM_ERRORS}} summary (form_errors.tpl) listing them all with links
 * to the fields. */
void page_form_fields(struct request *req, tpl_dict *d);

/* Mark field f of the request invalid with a Russian reason, for a check the field table cannot
 * make (the first reason stays). */
void page_reject(struct request *req, enum field f, const char *reason);

/* Bind the request's FIELD_FROM and FIELD_TO (local dates, "to" inclusive) as the UTC instants
 * ?from_param <= t < ?to_param of a list statement; absent dates stay NULL (no bound). */
void page_bind_period(struct request *req, sqlite3_stmt *s, int from_param, int to_param);

/* Add a general error to a form (not tied to one field): the FORM_ERRORS summary shows it. */
void page_form_error(struct request *req, tpl_dict *d, const char *message);

/* Set KEY to a UTC instant shown in local time: «11 марта 2020 г., 18:00», and KEY_ISO to the
 * machine-readable local form for <time datetime>. */
void page_set_datetime(tpl_dict *d, const char *key, time_t t);

/* Set KEY to a local date «11 марта 2020 г.». */
void page_set_date(tpl_dict *d, const char *key, time_t t);

/* WEBCAL_URL under d: the schedule's iCalendar feed as a webcal: link (a calendar subscribes to
 * it and keeps it up to date), beside the https one that a phone imports once: the site's
 * /meetings.ics for prefix "", else prefix + "/calendar.ics" (a municipality's, /m/<slug>). */
void page_set_calendar_links(struct request *req, tpl_dict *d, const char *prefix);

/* A civil date in words, «11 марта 2020 г.», and as 'YYYY-MM-DD', from the request's arena. */
const char *page_date_words(struct request *req, struct civil_date d);
const char *page_date_iso(struct request *req, struct civil_date d);

/* Show the section NO_MAIL_SERVER (the mail server is not configured: [mail] smtp_url is empty),
 * with UNSENT saying how many mails wait for it: «49 писем ждут отправки и уйдут, когда…» or «Писем в очереди сейчас нет.». */
void page_no_mail_server(struct request *req, tpl_dict *d, long long unsent);

/* The accepted text of the request's field f, "" when it is absent or invalid. */
const char *page_field_text(const struct request *req, enum field f);

/* Append s percent-encoded for a URL query component. */
void page_append_encoded(struct buf *b, const char *s);

/* Answer with a stored upload (its SHA-256 name under [server] uploads) as an attachment named
 * name, with the extension of its detected type mime (upload_safe_name), nosniff and no-store.
 * HTTP_OK, or HTTP_NOT_FOUND when the file is missing on disk. */
enum http_status page_send_stored_file(struct request *req, const char *name, const char *mime,
				       const char *sha256);

/* "?a=1&b=2" rebuilt from the current query with page=N, for pagination links. */
const char *page_query_with_page(struct request *req, long long page);

/* One section row per territory in tree order (ID, NAME indented by depth, SELECTED for chosen)
 * for a <select>; with out, the list itself for checking a choice. d NULL: the list only. -1 on
 * a database error. */
struct territory_item;
int page_territory_options(struct request *req, tpl_dict *d, const char *section,
			   long long chosen, struct territory_item **out, size_t *count);

/* The choice of the body an appeal goes to (issue 18), only when the portal serves more than
 * one municipality: MUNICIPALITY_FIELD with OWN (the default body's name) and one
 * MUNICIPALITY_OPTION (ID, NAME — the official name when official and there is one —,
 * SELECTED for the municipality field's value); for a staff account scoped to a body, only
 * that body and its settlements, with that body as OWN. -1 on a database error. */
int page_municipality_field(struct request *req, tpl_dict *d, bool official);

/* The same rows for a list already read with db_territory_tree: ID, NAME indented by depth with
 * no-break spaces (an <option> cannot hold markup), SELECTED for the one whose id is chosen (0:
 * none); a staff account scoped to a body is offered that body's territories only (scope.h).
 * Every territory <select> is filled by this. */
void page_territory_list_options(struct request *req, tpl_dict *d, const char *section,
				 const struct territory_item *items, size_t count, long long chosen);

/* A tree drawn as nested lists (<ul><li>…) from rows in depth-first order, each with its depth
 * (0 for a root): the template's row section opens with {{#CLOSE_ITEM}}</li>{{/CLOSE_ITEM}}
 * {{#CLOSE_LIST}}</ul></li>{{/CLOSE_LIST}}{{#OPEN_LIST}}<ul>{{/OPEN_LIST}}<li>… and the tree ends
 * with {{#TREE_END}}</li>{{#CLOSE_LIST}}</ul></li>{{/CLOSE_LIST}}{{/TREE_END}}</ul>. Start with
 * PAGE_TREE_INIT. */
struct page_tree {
	int depth; /* the previous row's depth, -1 before the first */
};
#define PAGE_TREE_INIT {.depth = -1}

/* Add the row of the next item at depth to section of d: OPEN_LIST when it goes one level deeper
 * than the previous item, else CLOSE_ITEM and a CLOSE_LIST per level it climbs. Returns the row,
 * for the item's own fields. */
tpl_dict *page_tree_row(tpl_dict *d, const char *section, struct page_tree *tree, int depth);

/* Close what the rows left open: TREE_END with a CLOSE_LIST per open level below the top (nothing
 * for a tree without rows). */
void page_tree_end(tpl_dict *d, const struct page_tree *tree);

/* The subjects and topics of the classifier of appeals that may be chosen (active, levels 2
 * and 3) as section rows (CODE, NAME, SELECTED); -1 on a database error. And whether code is
 * one of them. */
int page_topic_options(struct request *req, tpl_dict *d, const char *section, const char *chosen);
bool page_topic_known(struct request *req, const char *code);

#endif
