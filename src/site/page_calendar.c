/* page_calendar.c — iCalendar (RFC 5545) for calendar apps: /meetings.ics and /meetings/ID.ics,
 * written with libical, which does the escaping and line folding. */
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

#include "db_meeting.h"
#include "meeting_view.h"
#include "pages.h"
#include "site_scope.h"
#include "worker.h"

#define CALENDAR_PAST_DAYS 90
#define CALENDAR_MAX_EVENTS 500

static icaltimetype utc_time(time_t t)
{
	return icaltime_from_timet_with_zone(t, 0, icaltimezone_get_utc_timezone());
}

/* A VCALENDAR named after the site, or after the municipality whose name is body ("" for the
 * whole site). */
static icalcomponent *calendar_new(struct request *req, const char *body)
{
	const struct config *cfg = req->worker->cfg;
	icalcomponent *cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_prodid("-//municipal-portal//meetings//RU"));
	icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
	icalproperty *name = icalproperty_new_x(
		arena_printf(req->arena, "Встречи с населением — %s",
			     body[0] ? body : cfg->municipality_name));
	icalproperty_set_x_name(name, "X-WR-CALNAME");
	icalcomponent_add_property(cal, name);
	return cal;
}

static void add_event(struct request *req, icalcomponent *cal, const struct meeting_summary *m,
		      const char *description)
{
	const struct config *cfg = req->worker->cfg;
	const char *host = strstr(cfg->site_url, "://") ? strstr(cfg->site_url, "://") + 3 : "portal";
	icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	icalcomponent_add_property(ev, icalproperty_new_uid(
					       arena_printf(req->arena, "meeting-%lld@%s", m->id, host)));
	/* DTSTAMP from the data, not the clock: the same meeting renders the same bytes in every
	 * worker, so its ETag holds and a client's If-None-Match gets 304 (a stamp of "now" made
	 * each worker's copy differ by the second it was rendered in). */
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(
					       utc_time(m->announced ? m->announced_at : m->starts_at)));
	icalcomponent_add_property(ev, icalproperty_new_dtstart(utc_time(m->starts_at)));
	icalcomponent_add_property(ev, icalproperty_new_dtend(utc_time(m->ends_at)));
	icalcomponent_add_property(ev, icalproperty_new_summary(m->title));
	icalcomponent_add_property(ev, icalproperty_new_location(meeting_place(req->arena, m)));
	icalcomponent_add_property(ev, icalproperty_new_categories(m->kind_name));
	const char *text = description && description[0]
				   ? arena_printf(req->arena, "%s. %s", m->kind_name, description)
				   : m->kind_name;
	icalcomponent_add_property(ev, icalproperty_new_description(text));
	icalcomponent_add_property(ev, icalproperty_new_url(
					       arena_printf(req->arena, "%s/meetings/%lld", cfg->site_url, m->id)));
	icalcomponent_add_property(ev, icalproperty_new_status(
					       strcmp(m->status, "cancelled") == 0 ? ICAL_STATUS_CANCELLED
										   : ICAL_STATUS_CONFIRMED));
	icalcomponent_add_component(cal, ev);
}

/* Serialise cal into the response and free it. */
static enum http_status calendar_finish(struct request *req, icalcomponent *cal, const char *file)
{
	char *text = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	if (text == NULL)
		return HTTP_INTERNAL_ERROR;
	buf_puts(&req->response.body, text);
	free(text);
	req->response.content_type = "text/calendar; charset=utf-8";
	response_header(req, "Content-Disposition",
			arena_printf(req->arena, "inline; filename=\"%s\"", file));
	req->response.body_ready = true;
	return HTTP_OK;
}

/* GET /calendar/subscribe — 303 to the schedule's feed as a webcal: URL, which a phone or a
 * calendar program subscribes to (and keeps up to date) where an https .ics is imported once.
 * A redirect because the page templates let only http and https URLs into a link.
 * GET /m/<slug>/calendar/subscribe — the same for a municipality's feed; 404 for an unknown
 * slug. */
enum http_status page_calendar_subscribe(struct request *req)
{
	struct site_scope scope;
	int in_scope = site_scope_read(req, &scope);
	if (in_scope != 0)
		return in_scope < 0 ? HTTP_INTERNAL_ERROR : HTTP_NOT_FOUND;
	const char *url = req->worker->cfg->site_url;
	const char *rest = strstr(url, "://");
	return response_redirect(req, arena_printf(req->arena, "webcal://%s%s",
						   rest ? rest + 3 : url, scope.calendar_path));
}

/* GET /meetings.ics?territory=&kind= — every public meeting from CALENDAR_PAST_DAYS ago on, for
 * subscribing in a calendar app. GET /m/<slug>/calendar.ics — the same for one municipality
 * (its meetings and its district's that concern it, site_scope.h); 404 for an unknown slug.
 * 400 for a malformed filter; 200 otherwise. */
enum http_status page_calendar_all(struct request *req)
{
	struct site_scope scope;
	int in_scope = site_scope_read(req, &scope);
	if (in_scope != 0)
		return in_scope < 0 ? HTTP_INTERNAL_ERROR : HTTP_NOT_FOUND;
	struct meeting_filter f = {
		.now = req->now,
		.has_from = true,
		.from = req->now - CALENDAR_PAST_DAYS * 86400,
		.limit = CALENDAR_MAX_EVENTS,
		.municipality_id = scope.id,
		.district_id = scope.district_id,
	};
	if (req->field[FIELD_TERRITORY].state == FIELD_VALID)
		f.territory_id = req->field[FIELD_TERRITORY].number;
	if (req->field[FIELD_KIND].state == FIELD_VALID)
		f.kind = req->field[FIELD_KIND].text;
	struct meeting_summary *rows;
	size_t count;
	if (db_meeting_list(&req->worker->db, req->arena, &f, &rows, &count) < 0)
		return HTTP_INTERNAL_ERROR;
	icalcomponent *cal = calendar_new(req, scope.name);
	for (size_t i = 0; i < count; i++)
		add_event(req, cal, &rows[i], NULL);
	return calendar_finish(req, cal,
			       scope.municipality ? arena_printf(req->arena, "meetings-%s.ics",
								 scope.municipality->slug)
						  : "meetings.ics");
}

/* GET /meetings/ID.ics — one public meeting as an event. 404 for an unknown id or a draft. */
enum http_status page_calendar_one(struct request *req)
{
	struct meeting_detail m;
	int rc = db_meeting_get(&req->worker->db, req->arena, req->path_id, &m);
	if (rc < 0)
		return HTTP_INTERNAL_ERROR;
	if (rc > 0)
		return HTTP_NOT_FOUND;
	icalcomponent *cal = calendar_new(req, "");
	add_event(req, cal, &m.summary, m.description);
	return calendar_finish(req, cal, arena_printf(req->arena, "meeting-%lld.ics", m.summary.id));
}
