/* http.h — one request as the handlers see it, and the response they build. */
#ifndef PORTAL_HTTP_H
#define PORTAL_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "arena.h"
#include "buf.h"
#include "multipart.h"
#include "params.h"
#include "validate.h"

enum http_status {
	HTTP_OK = 200,
	HTTP_SEE_OTHER = 303,
	HTTP_BAD_REQUEST = 400,
	HTTP_FORBIDDEN = 403,
	HTTP_NOT_FOUND = 404,
	HTTP_METHOD_NOT_ALLOWED = 405,
	HTTP_CONFLICT = 409,
	HTTP_PAYLOAD_TOO_LARGE = 413,
	HTTP_URI_TOO_LONG = 414,
	HTTP_UNSUPPORTED_MEDIA_TYPE = 415,
	HTTP_UNPROCESSABLE = 422,
	HTTP_TOO_MANY_REQUESTS = 429,
	HTTP_INTERNAL_ERROR = 500,
	HTTP_SERVICE_UNAVAILABLE = 503,
};

/* Methods as bits, so a route can allow several. HEAD is served wherever GET is. */
enum http_method {
	METHOD_GET = 1 << 0,
	METHOD_HEAD = 1 << 1,
	METHOD_POST = 1 << 2,
	METHOD_OTHER = 1 << 3,
};

/* The reason phrase of a status ("Not Found"). */
const char *http_reason(enum http_status status);

#define RESPONSE_MAX_HEADERS 16

struct header {
	const char *name;
	const char *value;
};

struct response {
	enum http_status status;
	const char *content_type;  /* defaults to HTML */
	struct header headers[RESPONSE_MAX_HEADERS];
	size_t header_count;
	struct buf body;
	bool body_ready;           /* a handler or the error page wrote the body */
	const char *etag;          /* the body's validator when already known (page cache) */
};

struct worker;
struct route;
struct tpl_dict;
struct staff;
struct resident;

struct request {
	struct arena *arena;       /* everything below lives here */
	struct worker *worker;     /* configuration, database: worker lifetime */
	const char *id;            /* request id from nginx, for the log and the error page */
	enum http_method method;
	const char *method_name;   /* as sent */
	const char *path;          /* decoded path, valid UTF-8 */
	const char *query_string;  /* raw, for links back to the same page */
	const char *request_uri;   /* path and query as sent, still percent-encoded */
	struct param_list query;   /* parsed query string */
	struct param_list form;    /* the fields of a POST: its urlencoded body, or the text parts
	                              of a multipart one (ROUTE_MULTIPART), with the same
	                              guarantees (params.h: names and values valid UTF-8) */
	const struct multipart_part *files; /* ROUTE_MULTIPART: the files sent, in order, each
	                              with its field name, sanitized file name (never ""),
	                              declared type, data and size (multipart.h); data lives in
	                              the request's arena. A file input left empty is not here */
	size_t file_count;
	struct param_list cookies;
	const struct route *route; /* the matched route */
	long long path_id;         /* the number matched by '#' in the route pattern */
	struct field_value field[FIELD__MAX]; /* validated inputs, indexed by enum field */
	size_t invalid_fields;     /* how many declared fields failed validation */
	const char *error_detail;  /* why the request is bad, in Russian, for the error page */
	bool vision;               /* the version for the visually impaired is on */
	bool https;                /* served over TLS (for Secure cookies) */
	bool one_transaction;      /* request.c began the write transaction (ROUTE_ONE_TRANSACTION) */
	const char *remote_addr;   /* the client's address as nginx saw it */
	struct staff *staff;       /* the signed-in staff member, NULL on public pages */
	struct scope_territories *scope_territories; /* the territories of its body, read once
	                                                (scope.c), NULL before */
	struct resident *resident; /* the signed-in resident on ROUTE_RESIDENT* routes, or NULL */
	time_t now;                /* the request's notion of now, UTC */
	struct tpl_dict *layout;   /* the page being built (page.c), NULL until page_begin */
	struct tpl_dict *form_errors; /* its error summary, NULL while the form has none */
	struct response response;
};

/* Add a response header; name and value must live as long as the request. */
void response_header(struct request *req, const char *name, const char *value);

/* A strong validator of a body: a quoted 64-bit XXH3 (libxxhash) of its bytes. */
const char *response_etag(struct arena *a, const char *body, size_t len);

/* Redirect to a local path with 303 See Other. */
enum http_status response_redirect(struct request *req, const char *location);

/* A plain text body (healthz, machine answers). */
enum http_status response_text(struct request *req, enum http_status status, const char *text);

#endif
