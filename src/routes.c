/* routes.c — the site map: every path the worker serves, its methods, its handler and the fields
 * it accepts. Anything not here is 404; a listed path with another method is 405. */
#include "auth.h"
#include "pages.h"
#include "router.h"

#define MEETING_READERS                                                                           \
	(ROLE_ADMIN | ROLE_ORGANIZER | ROLE_CONTROLLER | ROLE_SECRETARY | ROLE_PRESS)
#define MEETING_WRITERS (ROLE_ADMIN | ROLE_ORGANIZER | ROLE_CONTROLLER)
#define MEETING_FIELDS                                                                            \
	{FIELD_KIND, FIELD_REQUIRED}, {FIELD_TITLE, FIELD_REQUIRED},                               \
		{FIELD_TERRITORY, FIELD_REQUIRED}, {FIELD_VENUE, FIELD_OPTIONAL},                  \
		{FIELD_STARTS_AT, FIELD_REQUIRED}, {FIELD_ENDS_AT, FIELD_REQUIRED},                \
		{FIELD_HOST, FIELD_OPTIONAL}, {FIELD_GROUP, FIELD_OPTIONAL},                       \
		{FIELD_ORGANISING_UNIT, FIELD_OPTIONAL},                                           \
		{FIELD_EXPECTED_ATTENDANCE, FIELD_OPTIONAL}, {FIELD_DESCRIPTION, FIELD_OPTIONAL},  \
		{FIELD_THESES, FIELD_OPTIONAL}, {FIELD_ANALYTICAL_NOTE, FIELD_OPTIONAL},           \
		{FIELD_REFERENCE_MATERIALS, FIELD_OPTIONAL}, {FIELD_INVITEE, FIELD_MULTI}
#define MEETING_FORM FIELDS(MEETING_FIELDS)
/* Reference data (territories, venues, people, information groups): whoever reads meetings reads
 * it; the sector and administrators change it. */
#define REFERENCE_READERS MEETING_READERS
#define REFERENCE_WRITERS (ROLE_ADMIN | ROLE_ORGANIZER)
/* The thematic classifier of appeals: administrators keep it; those who register and route
 * appeals read it. */
#define TOPIC_READERS (ROLE_ADMIN | ROLE_ORGANIZER | ROLE_CONTROLLER | ROLE_SECRETARY)
#define TOPIC_WRITERS ROLE_ADMIN
#define VENUE_FORM                                                                                \
	FIELDS({FIELD_NAME, FIELD_REQUIRED}, {FIELD_ADDRESS, FIELD_REQUIRED},                      \
	       {FIELD_VENUE_KIND, FIELD_REQUIRED}, {FIELD_CAPACITY, FIELD_OPTIONAL},               \
	       {FIELD_TERRITORY, FIELD_REQUIRED})
#define PERSON_FORM                                                                               \
	FIELDS({FIELD_FULL_NAME, FIELD_REQUIRED}, {FIELD_POSITION, FIELD_OPTIONAL},                \
	       {FIELD_ORGANISATION, FIELD_OPTIONAL}, {FIELD_CATEGORY, FIELD_REQUIRED},             \
	       {FIELD_EMAIL, FIELD_OPTIONAL}, {FIELD_PHONE, FIELD_OPTIONAL})
#define GROUP_FORM                                                                                \
	FIELDS({FIELD_NAME, FIELD_REQUIRED}, {FIELD_TERRITORY, FIELD_REQUIRED},                    \
	       {FIELD_LEADER, FIELD_OPTIONAL}, {FIELD_SECRETARY, FIELD_OPTIONAL},                  \
	       {FIELD_MEMBER, FIELD_MULTI})
#define MEETING_FORM_WITH_EXCEPTION FIELDS(MEETING_FIELDS, {FIELD_EXCEPTION_REASON, FIELD_OPTIONAL})

#define FIELDS(...) ((const struct route_field[]){__VA_ARGS__, {FIELD__MAX, 0}})

/* Columns: pattern, methods, handler, accepted fields, flags, roles (0 = public). */
const struct route routes[] = {
	{"/", METHOD_GET, page_home, NULL, ROUTE_CACHEABLE, 0},
	{"/meetings", METHOD_GET, page_meetings_list,
	 FIELDS({FIELD_TERRITORY, FIELD_OPTIONAL}, {FIELD_KIND, FIELD_OPTIONAL},
		{FIELD_FROM, FIELD_OPTIONAL}, {FIELD_TO, FIELD_OPTIONAL},
		{FIELD_PAGE, FIELD_OPTIONAL}),
	 ROUTE_CACHEABLE, 0},
	{"/meetings.ics", METHOD_GET, page_calendar_all,
	 FIELDS({FIELD_TERRITORY, FIELD_OPTIONAL}, {FIELD_KIND, FIELD_OPTIONAL}), ROUTE_CACHEABLE, 0},
	{"/meetings/#", METHOD_GET, page_meeting_show, NULL, ROUTE_CACHEABLE, 0},
	{"/meetings/#.ics", METHOD_GET, page_calendar_one, NULL, ROUTE_CACHEABLE, 0},
	{"/vision", METHOD_GET, page_vision,
	 FIELDS({FIELD_MODE, FIELD_REQUIRED}, {FIELD_RETURN, FIELD_OPTIONAL}), 0, 0},
	{"/healthz", METHOD_GET, page_healthz, NULL, 0, 0},
	{"/errors/#", METHOD_GET, page_error_by_code, NULL, 0, 0},

	/* Staff. */
	{"/admin/login", METHOD_GET, page_admin_login_form, FIELDS({FIELD_RETURN, FIELD_OPTIONAL}), 0,
	 0},
	{"/admin/login", METHOD_POST, page_admin_login,
	 FIELDS({FIELD_LOGIN, FIELD_REQUIRED}, {FIELD_PASSWORD, FIELD_REQUIRED},
		{FIELD_RETURN, FIELD_OPTIONAL}),
	 ROUTE_CSRF | ROUTE_FORM_ERRORS_TO_HANDLER, 0},
	{"/admin/logout", METHOD_POST, page_admin_logout, NULL, 0, ROLES_STAFF},
	{"/admin", METHOD_GET, page_admin_home, NULL, 0, ROLES_STAFF},
	{"/admin/password", METHOD_GET, page_admin_password_form, NULL, 0, ROLES_STAFF},
	{"/admin/password", METHOD_POST, page_admin_password,
	 FIELDS({FIELD_PASSWORD, FIELD_REQUIRED}, {FIELD_NEW_PASSWORD, FIELD_REQUIRED},
		{FIELD_NEW_PASSWORD_AGAIN, FIELD_REQUIRED}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, ROLES_STAFF},
	{"/admin/users", METHOD_GET, page_admin_users, NULL, 0, ROLE_ADMIN},
	{"/admin/users", METHOD_POST, page_admin_user_create,
	 FIELDS({FIELD_LOGIN, FIELD_REQUIRED}, {FIELD_FULL_NAME, FIELD_OPTIONAL},
		{FIELD_ROLE, FIELD_REQUIRED}, {FIELD_NEW_PASSWORD, FIELD_REQUIRED}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, ROLE_ADMIN},
	{"/admin/users/#/disable", METHOD_POST, page_admin_user_disable, NULL, 0, ROLE_ADMIN},
	{"/admin/users/#/enable", METHOD_POST, page_admin_user_enable, NULL, 0, ROLE_ADMIN},
	{"/admin/audit", METHOD_GET, page_admin_audit,
	 FIELDS({FIELD_USER, FIELD_OPTIONAL}, {FIELD_ENTITY, FIELD_OPTIONAL},
		{FIELD_FROM, FIELD_OPTIONAL}, {FIELD_TO, FIELD_OPTIONAL}),
	 0, ROLE_ADMIN},

	/* What the notifier sends, and what it gave up on (page_admin_outbox.c). */
	{"/admin/outbox", METHOD_GET, page_admin_outbox, NULL, 0, OUTBOX_READERS},
	{"/admin/outbox/#/retry", METHOD_POST, page_admin_outbox_retry, NULL, 0, OUTBOX_WRITERS},
	{"/admin/outbox/#/discard", METHOD_POST, page_admin_outbox_discard, NULL, 0, OUTBOX_WRITERS},

	/* Scheduling meetings: everyone who prepares or reports on them reads; the sector, the
	 * controller (exceptions to the 5-day rule) and administrators change them. */
	{"/admin/meetings", METHOD_GET, page_admin_meetings,
	 FIELDS({FIELD_STATUS, FIELD_OPTIONAL}, {FIELD_KIND, FIELD_OPTIONAL},
		{FIELD_TERRITORY, FIELD_OPTIONAL}, {FIELD_FROM, FIELD_OPTIONAL},
		{FIELD_TO, FIELD_OPTIONAL}),
	 0, MEETING_READERS},
	{"/admin/meetings/new", METHOD_GET, page_admin_meeting_new, NULL, 0, MEETING_WRITERS},
	{"/admin/meetings", METHOD_POST, page_admin_meeting_create, MEETING_FORM,
	 ROUTE_FORM_ERRORS_TO_HANDLER, MEETING_WRITERS},
	{"/admin/meetings/#", METHOD_GET, page_admin_meeting, NULL, 0, MEETING_READERS},
	{"/admin/meetings/#", METHOD_POST, page_admin_meeting_update, MEETING_FORM_WITH_EXCEPTION,
	 ROUTE_FORM_ERRORS_TO_HANDLER, MEETING_WRITERS},
	{"/admin/meetings/#/approve", METHOD_POST, page_admin_meeting_approve,
	 FIELDS({FIELD_EXCEPTION_REASON, FIELD_OPTIONAL}), ROUTE_FORM_ERRORS_TO_HANDLER,
	 MEETING_WRITERS},
	{"/admin/meetings/#/cancel", METHOD_POST, page_admin_meeting_cancel,
	 FIELDS({FIELD_CANCEL_REASON, FIELD_REQUIRED}), ROUTE_FORM_ERRORS_TO_HANDLER,
	 MEETING_WRITERS},
	{"/admin/meetings/#/postpone", METHOD_POST, page_admin_meeting_postpone,
	 FIELDS({FIELD_NEW_STARTS_AT, FIELD_REQUIRED}, {FIELD_NEW_ENDS_AT, FIELD_REQUIRED},
		{FIELD_POSTPONE_REASON, FIELD_REQUIRED}, {FIELD_EXCEPTION_REASON, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, MEETING_WRITERS},
	{"/admin/meetings/#/held", METHOD_POST, page_admin_meeting_held,
	 FIELDS({FIELD_ATTENDANCE, FIELD_REQUIRED}), ROUTE_FORM_ERRORS_TO_HANDLER, MEETING_WRITERS},
	{"/admin/meetings/#/police", METHOD_POST, page_admin_meeting_police, NULL, 0,
	 MEETING_WRITERS},

	/* Recurring series produce ordinary drafts. */
	{"/admin/series", METHOD_GET, page_admin_series_list, NULL, 0, MEETING_READERS},
	{"/admin/series/new", METHOD_GET, page_admin_series_new, NULL, 0, MEETING_WRITERS},
	{"/admin/series", METHOD_POST, page_admin_series_create,
	 FIELDS({FIELD_KIND, FIELD_REQUIRED}, {FIELD_TITLE, FIELD_REQUIRED},
		{FIELD_RULE, FIELD_REQUIRED}, {FIELD_START_TIME, FIELD_REQUIRED},
		{FIELD_END_TIME, FIELD_REQUIRED}, {FIELD_TERRITORY, FIELD_OPTIONAL},
		{FIELD_VENUE, FIELD_OPTIONAL}, {FIELD_HOST, FIELD_OPTIONAL},
		{FIELD_WEEKDAY, FIELD_OPTIONAL}, {FIELD_ORDINAL, FIELD_OPTIONAL},
		{FIELD_PERIOD_FROM, FIELD_OPTIONAL}, {FIELD_PERIOD_TO, FIELD_OPTIONAL},
		{FIELD_STOP_DATE, FIELD_MULTI}, {FIELD_STOP_VENUE, FIELD_MULTI},
		{FIELD_DESCRIPTION, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, MEETING_WRITERS},
	{"/admin/series/#", METHOD_GET, page_admin_series_show, NULL, 0, MEETING_READERS},

	/* Reference data (page_admin_territories.c, _topics.c, _venues.c, _people.c, _groups.c). */
	{"/admin/territories", METHOD_GET, page_admin_territories, NULL, 0, REFERENCE_READERS},
	{"/admin/territories", METHOD_POST, page_admin_territory_create,
	 FIELDS({FIELD_NAME, FIELD_REQUIRED}, {FIELD_LEVEL, FIELD_REQUIRED},
		{FIELD_PARENT, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, REFERENCE_WRITERS},
	{"/admin/territories/#", METHOD_GET, page_admin_territory, NULL, 0, REFERENCE_READERS},
	{"/admin/territories/#", METHOD_POST, page_admin_territory_rename,
	 FIELDS({FIELD_NAME, FIELD_REQUIRED}), ROUTE_FORM_ERRORS_TO_HANDLER, REFERENCE_WRITERS},
	{"/admin/topics", METHOD_GET, page_admin_topics, NULL, 0, TOPIC_READERS},
	{"/admin/topics", METHOD_POST, page_admin_topic_create,
	 FIELDS({FIELD_PARENT_TOPIC, FIELD_REQUIRED}, {FIELD_TOPIC, FIELD_REQUIRED},
		{FIELD_NAME, FIELD_REQUIRED}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, TOPIC_WRITERS},
	{"/admin/topics/item", METHOD_GET, page_admin_topic, FIELDS({FIELD_TOPIC, FIELD_REQUIRED}), 0,
	 TOPIC_READERS},
	{"/admin/topics/item", METHOD_POST, page_admin_topic_rename,
	 FIELDS({FIELD_TOPIC, FIELD_REQUIRED}, {FIELD_NAME, FIELD_REQUIRED}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, TOPIC_WRITERS},
	{"/admin/topics/active", METHOD_POST, page_admin_topic_active,
	 FIELDS({FIELD_TOPIC, FIELD_REQUIRED}, {FIELD_ACTIVE, FIELD_REQUIRED}), 0, TOPIC_WRITERS},
	{"/admin/venues", METHOD_GET, page_admin_venues, NULL, 0, REFERENCE_READERS},
	{"/admin/venues", METHOD_POST, page_admin_venue_create, VENUE_FORM,
	 ROUTE_FORM_ERRORS_TO_HANDLER, REFERENCE_WRITERS},
	{"/admin/venues/#", METHOD_GET, page_admin_venue, NULL, 0, REFERENCE_READERS},
	{"/admin/venues/#", METHOD_POST, page_admin_venue_update, VENUE_FORM,
	 ROUTE_FORM_ERRORS_TO_HANDLER, REFERENCE_WRITERS},
	{"/admin/people", METHOD_GET, page_admin_people, FIELDS({FIELD_CATEGORY, FIELD_OPTIONAL}), 0,
	 REFERENCE_READERS},
	{"/admin/people", METHOD_POST, page_admin_person_create, PERSON_FORM,
	 ROUTE_FORM_ERRORS_TO_HANDLER, REFERENCE_WRITERS},
	{"/admin/people/#", METHOD_GET, page_admin_person, NULL, 0, REFERENCE_READERS},
	{"/admin/people/#", METHOD_POST, page_admin_person_update, PERSON_FORM,
	 ROUTE_FORM_ERRORS_TO_HANDLER, REFERENCE_WRITERS},
	{"/admin/groups", METHOD_GET, page_admin_groups, NULL, 0, REFERENCE_READERS},
	{"/admin/groups", METHOD_POST, page_admin_group_create, GROUP_FORM,
	 ROUTE_FORM_ERRORS_TO_HANDLER, REFERENCE_WRITERS},
	{"/admin/groups/#", METHOD_GET, page_admin_group, NULL, 0, REFERENCE_READERS},
	{"/admin/groups/#", METHOD_POST, page_admin_group_update, GROUP_FORM,
	 ROUTE_FORM_ERRORS_TO_HANDLER, REFERENCE_WRITERS},
};

const size_t route_count = sizeof routes / sizeof routes[0];
