/* routes.c — the site map: every path the worker serves, its methods, its handler and the fields
 * it accepts. Anything not here is 404; a listed path with another method is 405. */
#include "pages.h"
#include "router.h"

#define FIELDS(...) ((const struct route_field[]){__VA_ARGS__, {FIELD__MAX, 0}})

const struct route routes[] = {
	{"/", METHOD_GET, page_home, NULL, ROUTE_CACHEABLE},
	{"/meetings", METHOD_GET, page_meetings_list,
	 FIELDS({FIELD_TERRITORY, FIELD_OPTIONAL}, {FIELD_KIND, FIELD_OPTIONAL},
		{FIELD_FROM, FIELD_OPTIONAL}, {FIELD_TO, FIELD_OPTIONAL},
		{FIELD_PAGE, FIELD_OPTIONAL}),
	 ROUTE_CACHEABLE},
	{"/meetings.ics", METHOD_GET, page_calendar_all,
	 FIELDS({FIELD_TERRITORY, FIELD_OPTIONAL}, {FIELD_KIND, FIELD_OPTIONAL}), ROUTE_CACHEABLE},
	{"/meetings/#", METHOD_GET, page_meeting_show, NULL, ROUTE_CACHEABLE},
	{"/meetings/#.ics", METHOD_GET, page_calendar_one, NULL, ROUTE_CACHEABLE},
	{"/vision", METHOD_GET, page_vision,
	 FIELDS({FIELD_MODE, FIELD_REQUIRED}, {FIELD_RETURN, FIELD_OPTIONAL}), 0},
	{"/healthz", METHOD_GET, page_healthz, NULL, 0},
	{"/errors/#", METHOD_GET, page_error_by_code, NULL, 0},
};

const size_t route_count = sizeof routes / sizeof routes[0];
