/* scope.h — staff accounts scoped to bodies (issue 18 item 3): an account works for one
 * municipality, or for a district and its settlements (staff_user.municipality_id, migration
 * 028); every record it names in a URL or a form must be owned by its body. */
#ifndef PORTAL_SCOPE_H
#define PORTAL_SCOPE_H

#include <stdbool.h>

#include "http.h"
#include "router.h"

/* The value a list statement binds for STAFF_SCOPE_SQL (db_statements.h), the SQL form of the
 * scope, so that lists are filtered in SQL: the account's municipality, 0 for an
 * account of the whole installation or a request without one. */
long long scope_bind_value(const struct request *req);

/* True when the signed-in account works for the whole installation (or nobody is signed in). */
bool scope_is_installation(const struct request *req);

/* Whether the account's body owns the record id of the kind owner: 1 yes (always for an account
 * of the whole installation, and for ROUTE_OWNER_NONE), 0 no (or no such record), -1 on a
 * database error. */
int scope_owns(struct request *req, enum route_owner owner, long long id);

/* Whether territory id is of the account's body, for the choices of a form: true for an account
 * of the whole installation. The body's territories are read once per request. */
bool scope_territory_visible(struct request *req, long long id);

/* What the scope decides of a staff route once the account is known, before its fields are
 * validated: the record the path's '#' names must be the body's (404 otherwise, whatever the form
 * holds); ROUTE_INSTALLATION routes are then 403 for a scoped account. Returns HTTP_OK to go on,
 * else the status. */
enum http_status scope_check_route(struct request *req);

/* What the scope decides of the validated fields: each identifier of a territory, a parent
 * territory, a meeting, a municipality, a venue (of a meeting, a reception or a tour's stop), an
 * information group or a booking the query or the form names must be the body's. On a
 * form that shows its errors (ROUTE_FORM_ERRORS_TO_HANDLER: a POST form, or a GET one such as a
 * report's) such a field becomes invalid with a Russian reason beside it; elsewhere the answer
 * is 404. Returns HTTP_OK to go on, else the
 * status. */
enum http_status scope_check_fields(struct request *req);

#endif
