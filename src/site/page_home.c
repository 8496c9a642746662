/* page_home.c — the home page: the next meetings, the latest held ones, how to appeal. */
#include "db_meeting.h"
#include "meeting_view.h"
#include "page.h"
#include "page_municipality.h"
#include "pages.h"
#include "worker.h"

#define HOME_UPCOMING 5
#define HOME_RECENT 3

/* GET / — 200 with the next HOME_UPCOMING public meetings, the latest HOME_RECENT held ones, the
 * district's settlements when the portal serves several municipalities, and the ways to send an
 * appeal; 500 on a database error. */
enum http_status page_home(struct request *req)
{
	struct db *db = &req->worker->db;
	struct meeting_filter upcoming = {.now = req->now, .has_from = true, .from = req->now,
					  .limit = HOME_UPCOMING};
	struct meeting_summary *next, *recent;
	size_t next_count, recent_count;
	if (db_meeting_list(db, req->arena, &upcoming, &next, &next_count) < 0 ||
	    db_meeting_recent_held(db, req->arena, HOME_RECENT, &recent, &recent_count) < 0)
		return HTTP_INTERNAL_ERROR;

	tpl_dict *d = page_begin(req, "home.tpl", "Встречи с населением", NAV_HOME);
	page_set_calendar_links(req, d, "");
	if (page_municipality_home_list(req, d) < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_section_show(d, next_count ? "HAS_UPCOMING" : "NO_UPCOMING");
	for (size_t i = 0; i < next_count; i++) {
		tpl_dict *card = tpl_include(tpl_section_add(d, "UPCOMING"), "CARD", "meeting_card.tpl");
		meeting_fill_summary(card, &next[i], req->now);
	}
	if (recent_count)
		tpl_section_show(d, "HAS_RECENT");
	for (size_t i = 0; i < recent_count; i++) {
		tpl_dict *card = tpl_include(tpl_section_add(d, "RECENT"), "CARD", "meeting_card.tpl");
		meeting_fill_summary(card, &recent[i], req->now);
	}
	return page_end(req, HTTP_OK);
}
