/* pages.h — the handlers behind the route table (routes.c), one file per area of the site:
 * page_home.c, page_meetings.c, page_calendar.c, page_system.c; staff pages in page_admin*.c
 * (reference data: page_admin_territories.c, _topics.c, _venues.c, _people.c, _groups.c).
 * Each has a contract comment. */
#ifndef PORTAL_PAGES_H
#define PORTAL_PAGES_H

#include "http.h"

enum http_status page_home(struct request *req);
enum http_status page_meetings_list(struct request *req);
enum http_status page_meeting_show(struct request *req);
enum http_status page_calendar_all(struct request *req);
enum http_status page_calendar_one(struct request *req);
enum http_status page_healthz(struct request *req);
enum http_status page_vision(struct request *req);
enum http_status page_error_by_code(struct request *req);

enum http_status page_admin_login_form(struct request *req);
enum http_status page_admin_login(struct request *req);
enum http_status page_admin_logout(struct request *req);
enum http_status page_admin_home(struct request *req);
enum http_status page_admin_password_form(struct request *req);
enum http_status page_admin_password(struct request *req);
enum http_status page_admin_users(struct request *req);
enum http_status page_admin_user_create(struct request *req);
enum http_status page_admin_user_disable(struct request *req);
enum http_status page_admin_user_enable(struct request *req);
enum http_status page_admin_audit(struct request *req);
enum http_status page_admin_meetings(struct request *req);
enum http_status page_admin_meeting_new(struct request *req);
enum http_status page_admin_meeting_create(struct request *req);
enum http_status page_admin_meeting(struct request *req);
enum http_status page_admin_meeting_update(struct request *req);
enum http_status page_admin_meeting_approve(struct request *req);
enum http_status page_admin_meeting_cancel(struct request *req);
enum http_status page_admin_meeting_postpone(struct request *req);
enum http_status page_admin_meeting_held(struct request *req);
enum http_status page_admin_meeting_police(struct request *req);
enum http_status page_admin_series_list(struct request *req);
enum http_status page_admin_series_new(struct request *req);
enum http_status page_admin_series_create(struct request *req);
enum http_status page_admin_series_show(struct request *req);
enum http_status page_admin_territories(struct request *req);
enum http_status page_admin_territory_create(struct request *req);
enum http_status page_admin_territory(struct request *req);
enum http_status page_admin_territory_rename(struct request *req);
enum http_status page_admin_topics(struct request *req);
enum http_status page_admin_topic_create(struct request *req);
enum http_status page_admin_topic(struct request *req);
enum http_status page_admin_topic_rename(struct request *req);
enum http_status page_admin_topic_active(struct request *req);
enum http_status page_admin_venues(struct request *req);
enum http_status page_admin_venue_create(struct request *req);
enum http_status page_admin_venue(struct request *req);
enum http_status page_admin_venue_update(struct request *req);
enum http_status page_admin_people(struct request *req);
enum http_status page_admin_person_create(struct request *req);
enum http_status page_admin_person(struct request *req);
enum http_status page_admin_person_update(struct request *req);
enum http_status page_admin_groups(struct request *req);
enum http_status page_admin_group_create(struct request *req);
enum http_status page_admin_group(struct request *req);
enum http_status page_admin_group_update(struct request *req);

/* The outbox (page_admin_outbox.c): staff who prepare meetings read it; administrators, the
 * sector and the press office resend or discard what the notifier gave up on. */
#define OUTBOX_READERS (ROLE_ADMIN | ROLE_ORGANIZER | ROLE_CONTROLLER | ROLE_PRESS)
#define OUTBOX_WRITERS (ROLE_ADMIN | ROLE_ORGANIZER | ROLE_PRESS)
enum http_status page_admin_outbox(struct request *req);
enum http_status page_admin_outbox_retry(struct request *req);
enum http_status page_admin_outbox_discard(struct request *req);

#endif
