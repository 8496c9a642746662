/* routes.c — the site map: every path the worker serves, its methods, its handler and the fields
 * it accepts. Anything not here is 404; a listed path with another method is 405. */
#include "auth.h"
#include "pages.h"
#include "router.h"

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
};

const size_t route_count = sizeof routes / sizeof routes[0];
