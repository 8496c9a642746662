/* router.h — the route table: which handler serves which path and method, and which fields it
 * accepts. The table itself is in routes.c, the site map in one place. */
#ifndef PORTAL_ROUTER_H
#define PORTAL_ROUTER_H

#include <stdio.h>

#include "http.h"
#include "validate.h"

/* A handler's contract is written above it; it returns the status and either writes the body or
 * leaves an error status for the error page. */
typedef enum http_status (*route_handler)(struct request *req);

enum route_flags {
	ROUTE_FORM_ERRORS_TO_HANDLER = 1 << 0, /* invalid fields go to the handler (forms show them
	                                          beside the fields) instead of a 400 page */
	ROUTE_CACHEABLE = 1 << 1,              /* a public page that depends only on its URL, the
	                                          vision cookie, the database and the clock: the
	                                          worker may serve it from page_cache */
	ROUTE_CSRF = 1 << 2,                   /* a POST without roles that still needs the form
	                                          token (the login form) */
	ROUTE_ANY_BODY = 1 << 3,               /* a POST whose body may be of another media type
	                                          (RFC 8058 one-click unsubscribe from a mail
	                                          client, which may send multipart/form-data): it
	                                          is left unread instead of refused with 415 */
	ROUTE_MULTIPART = 1 << 4,              /* a POST that may also come as multipart/form-data
	                                          (a form with file fields), up to [limits]
	                                          max_upload_bytes: its text parts are validated as
	                                          the declared fields, its files are req->files.
	                                          nginx must allow the larger body on the path
	                                          (conf/nginx-site.conf.in). Without the flag a
	                                          multipart body is 415 */
	ROUTE_RESIDENT = 1 << 5,               /* a resident's page (resident.h): without a
	                                          resident session GET goes to /account/login,
	                                          POST is 403; every POST carries the session's
	                                          form token (403 otherwise) */
	ROUTE_RESIDENT_OPTIONAL = 1 << 6,      /* the resident session is read when there is one
	                                          (the appeal form); a POST with one carries its
	                                          form token */
	ROUTE_ONE_TRANSACTION = 1 << 7,        /* a POST without files runs in one write
	                                          transaction from the session's lookup to the
	                                          handler's last write (db.h: the handler's
	                                          db_begin/db_commit only count): each read
	                                          transaction before the write costs the WAL's
	                                          locks and a fresh read of the pages (issue 22).
	                                          A POST with files stores them before any lock */
	ROUTE_INSTALLATION = 1 << 8,           /* a staff route for accounts of the whole
	                                          installation only (accounts, municipalities): an
	                                          account scoped to a body gets 403 (issue 18) */
};

/* What the number of a staff route's '#' names, for the scope of the account (issue 18 item 3,
 * scope.c): a record a municipality owns answers 404 to an account whose body does not own it,
 * before the handler runs, so nothing is read or written. ROUTE_OWNER_NONE: the '#' names
 * something of the whole installation (a year of the production calendar, a contact of the media
 * list, a person of the directory, a measure of the plan, a reference group). */
enum route_owner {
	ROUTE_OWNER_NONE = 0,
	ROUTE_OWNER_MEETING, /* a meeting, its protocol, a reception (its meeting) */
	ROUTE_OWNER_APPEAL,
	ROUTE_OWNER_APPEAL_FILE,
	ROUTE_OWNER_INSTRUCTION,
	ROUTE_OWNER_SERIES,
	ROUTE_OWNER_RECEPTION_SCHEDULE,
	ROUTE_OWNER_BOOKING,
	ROUTE_OWNER_TERRITORY,
	ROUTE_OWNER_MUNICIPALITY,
	ROUTE_OWNER_GROUP,
	ROUTE_OWNER_VENUE,
	ROUTE_OWNER_DISCUSSION,
	ROUTE_OWNER_PROPOSAL,
	ROUTE_OWNER_SURVEY,
	ROUTE_OWNER_OUTBOX,
	ROUTE_OWNER_REFERENCE_GROUP,
	ROUTE_OWNER_PLAN_MEASURE,
	ROUTE_OWNER_PLAN_RECORD,
	ROUTE_OWNER_MEDIA_CONTACT,
	ROUTE_OWNER__MAX
};

struct route {
	const char *pattern;               /* "/meetings/#" — '#' matches a positive integer,
	                                      '*' a word of 1..32 [0-9A-Za-z_-] */
	unsigned methods;                  /* enum http_method bits; GET implies HEAD */
	route_handler handler;
	const struct route_field *fields;  /* ends with {FIELD__MAX, 0}; NULL for none */
	unsigned flags;
	unsigned roles;                    /* enum role bits allowed; 0 for a public page. A staff
	                                      route without a session redirects GET to the login
	                                      page and refuses POST with 403; a POST always needs
	                                      the session's form token (403 otherwise) */
	enum route_owner owner;            /* what '#' names, for the account's scope */
};

extern const struct route routes[];
extern const size_t route_count;

enum route_match { ROUTE_FOUND, ROUTE_NO_PATH, ROUTE_NO_METHOD };

/* Find the route for path and method. On ROUTE_FOUND *out is the route and *id the number the
 * pattern's '#' matched; on ROUTE_NO_METHOD *allowed holds the methods the path does accept. */
enum route_match router_find(const char *path, enum http_method method, const struct route **out,
			     long long *id, unsigned *allowed);

/* "GET, HEAD, POST" for an Allow header. */
const char *router_allow_header(struct arena *a, unsigned methods);

/* Print the route table to out, one route a line (`portal --routes`): methods, pattern, roles,
 * flags, accepted fields and what '#' names (route_owner_names, "-" for nothing),
 * tab-separated. */
void router_print(FILE *out);

/* The name of each route_owner ("meeting"), as `portal --routes` prints it. */
extern const char *const route_owner_names[ROUTE_OWNER__MAX];

/* Match one pattern (exposed for unit tests). */
bool router_match(const char *pattern, const char *path, long long *id);

#endif
