/* worker.h — state that lives as long as one worker process: configuration, the database
 * connection with its prepared statements, and the request arena that is reset after each
 * request. */
#ifndef PORTAL_WORKER_H
#define PORTAL_WORKER_H

#include <fcgiapp.h>

#include "arena.h"
#include "config.h"
#include "db.h"
#include "http.h"
#include "page_cache.h"

struct worker {
	const struct config *cfg;
	struct db db;
	struct arena arena;       /* per-request memory, reset after every request */
	char asset_version[24];   /* appended to static URLs so a changed stylesheet is refetched */
	unsigned long served;     /* requests served by this process */
	struct page_cache cache;  /* rendered public pages (page_cache.h) */
};

/* Open the database, check the schema version, prepare statements, load templates. Loud -1 on
 * any problem: a worker that cannot serve must not accept. Called after fork. */
int worker_init(struct worker *w, const struct config *cfg);

/* Serve requests from listen_fd until FCGX_ShutdownPending (SIGTERM) or a fatal accept error. */
void worker_serve(struct worker *w, int listen_fd);

/* Handle one accepted request: parse, validate, route, run the handler, render, write, log. */
void request_handle(struct worker *w, FCGX_Request *fcgx);

/* The parts of request_handle that read a POST body, exposed for unit tests. req needs arena,
 * worker (its cfg) and route.
 * request_body_limit: the most bytes the body may have — [limits] max_upload_bytes for a
 * multipart body on a ROUTE_MULTIPART route, max_body_bytes otherwise (413 above it).
 * request_parse_body: body[0..len) (read in full) into req->form, and for multipart into
 * req->files; returns HTTP_OK, 415 for a type the route does not take (multipart without
 * ROUTE_MULTIPART), 413 for a part over its limit, or 400 with req->error_detail in Russian. */
long request_body_limit(const struct request *req, const char *content_type);
enum http_status request_parse_body(struct request *req, const char *content_type,
				    const char *body, size_t len);

/* The token of a link in a mail (unsubscribe, withdraw consent): the form's `token` field, else
 * the query's (a mail client's one-click POST goes to the link itself), validated like any
 * field. NULL when there is none, it is repeated in the query, or it is malformed. */
const char *request_link_token(struct request *req);

void worker_close(struct worker *w);

#endif
