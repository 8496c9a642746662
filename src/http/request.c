/* request.c — one request from FastCGI to the response: read and cap the input, parse it once,
 * route, validate the declared fields, run the handler, render an error page when it asks for
 * one, write everything in one piece and log one line. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "auth.h"
#include "resident.h"
#include "page.h"
#include "router.h"
#include "scope.h"
#include "utf8.h"
#include "worker.h"

#define MAX_COOKIES 32

/* A copy of a FastCGI parameter in the arena (libfcgi's strings die at FCGX_Finish_r). */
static const char *param_copy(struct request *req, FCGX_Request *fcgx, const char *name)
{
	const char *v = FCGX_GetParam(name, fcgx->envp);
	return v ? arena_strdup(req->arena, v) : NULL;
}

/* A copy of untrusted text fit for one log line: controls become '?', so a decoded path with a
 * newline in it cannot forge a second line. */
static const char *log_safe(struct request *req, const char *s)
{
	if (s == NULL)
		return "-";
	char *copy = arena_strdup(req->arena, s);
	for (char *p = copy; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	return copy;
}

static enum http_method method_from_name(const char *m)
{
	if (m == NULL)
		return METHOD_OTHER;
	if (strcmp(m, "GET") == 0)
		return METHOD_GET;
	if (strcmp(m, "HEAD") == 0)
		return METHOD_HEAD;
	if (strcmp(m, "POST") == 0)
		return METHOD_POST;
	return METHOD_OTHER;
}

/* The Russian explanation of a parser's refusal, for the 400 page. */
static const char *params_error_text(enum params_result r)
{
	switch (r) {
	case PARAMS_TOO_MANY:
		return "В запросе слишком много параметров.";
	case PARAMS_BAD_ESCAPE:
		return "В запросе неверная последовательность с символом «%».";
	case PARAMS_BAD_UTF8:
		return "В запросе есть символы в неверной кодировке (ожидается UTF-8).";
	case PARAMS_OK:
		break;
	}
	return "";
}

/* ---- the body of a POST ----
 * A form comes urlencoded, or, on a route with ROUTE_MULTIPART, as multipart/form-data when it
 * carries files. Either way its fields end up in req->form with the same guarantees, so the
 * field table validates them the same way before any handler runs; only the files are new. */

enum body_kind { BODY_URLENCODED, BODY_MULTIPART, BODY_UNSUPPORTED };

static enum body_kind body_kind(const struct request *req, const char *content_type)
{
	if (multipart_media_type_is(content_type, "application/x-www-form-urlencoded"))
		return BODY_URLENCODED;
	if (multipart_media_type_is(content_type, "multipart/form-data") &&
	    (req->route->flags & ROUTE_MULTIPART))
		return BODY_MULTIPART;
	return BODY_UNSUPPORTED;
}

long request_body_limit(const struct request *req, const char *content_type)
{
	const struct config *cfg = req->worker->cfg;
	return body_kind(req, content_type) == BODY_MULTIPART ? cfg->max_upload_bytes
							      : cfg->max_body_bytes;
}

/* Header lines of one part: a Content-Disposition with a long Cyrillic file name given twice
 * (filename= and filename*=) stays well under 2 KiB; browsers send two or three lines. */
#define MULTIPART_HEADER_LINE_MAX 2048
#define MULTIPART_HEADERS_MAX 8

/* A multipart body: text parts become req->form exactly as params_parse_urlencoded would give
 * them (a NUL-terminated copy, valid UTF-8, else the same 400), file parts req->files. */
static enum http_status parse_multipart(struct request *req, const char *content_type,
					const char *body, size_t len)
{
	const struct config *cfg = req->worker->cfg;
	const struct multipart_limits limits = {
		.max_parts = (size_t)cfg->max_params,
		.max_text_bytes = (size_t)cfg->max_body_bytes, /* a field is no larger than a form */
		.max_file_bytes = (size_t)cfg->max_upload_bytes,
		.max_header_bytes = MULTIPART_HEADER_LINE_MAX,
		.max_headers = MULTIPART_HEADERS_MAX,
	};
	struct multipart_part *parts;
	size_t count;
	enum multipart_error error;
	if (multipart_parse(req->arena, content_type, body, len, &limits, &parts, &count,
			    &error) < 0) {
		req->error_detail = multipart_error_text(error);
		return error == MULTIPART_PART_TOO_LARGE ? HTTP_PAYLOAD_TOO_LARGE : HTTP_BAD_REQUEST;
	}
	struct param *fields = arena_calloc(req->arena, count ? count : 1, sizeof *fields);
	struct multipart_part *files = arena_calloc(req->arena, count ? count : 1, sizeof *files);
	size_t field_count = 0, file_count = 0;
	for (size_t i = 0; i < count; i++) {
		const struct multipart_part *part = &parts[i];
		if (part->filename == NULL) {
			if (!utf8_valid(part->data, part->size)) {
				req->error_detail = params_error_text(PARAMS_BAD_UTF8);
				return HTTP_BAD_REQUEST;
			}
			fields[field_count++] = (struct param){
				part->name, arena_strndup(req->arena, part->data, part->size), part->size};
		} else if (part->filename[0] != '\0') {
			files[file_count++] = *part;
		} /* else: a file input left empty (filename="" and no content) */
	}
	req->form = (struct param_list){fields, field_count};
	req->files = files;
	req->file_count = file_count;
	return HTTP_OK;
}

enum http_status request_parse_body(struct request *req, const char *content_type,
				    const char *body, size_t len)
{
	switch (body_kind(req, content_type)) {
	case BODY_URLENCODED: {
		enum params_result parsed = params_parse_urlencoded(
			req->arena, body, len, (size_t)req->worker->cfg->max_params, &req->form);
		if (parsed != PARAMS_OK) {
			req->error_detail = params_error_text(parsed);
			return HTTP_BAD_REQUEST;
		}
		return HTTP_OK;
	}
	case BODY_MULTIPART:
		return parse_multipart(req, content_type, body, len);
	case BODY_UNSUPPORTED:
		break;
	}
	return HTTP_UNSUPPORTED_MEDIA_TYPE;
}

/* Read the body of a POST and parse it (request_parse_body). 413 above the route's limit,
 * checked against CONTENT_LENGTH before anything is read; 400 for a truncated body. */
static enum http_status read_form(struct request *req, FCGX_Request *fcgx)
{
	const char *type = FCGX_GetParam("CONTENT_TYPE", fcgx->envp);
	const char *length_text = FCGX_GetParam("CONTENT_LENGTH", fcgx->envp);
	long length = 0;
	if (length_text != NULL && length_text[0] != '\0') {
		char *end;
		errno = 0;
		length = strtol(length_text, &end, 10);
		if (errno != 0 || *end != '\0' || length < 0)
			return HTTP_BAD_REQUEST;
	}
	if (length > request_body_limit(req, type))
		return HTTP_PAYLOAD_TOO_LARGE;
	if (length == 0)
		return HTTP_OK;
	if (body_kind(req, type) == BODY_UNSUPPORTED)
		/* Refused before anything is read; a route that takes any body leaves it unread. */
		return (req->route->flags & ROUTE_ANY_BODY) ? HTTP_OK : HTTP_UNSUPPORTED_MEDIA_TYPE;

	char *body = arena_alloc(req->arena, (size_t)length + 1);
	long got = 0;
	while (got < length) {
		int n = FCGX_GetStr(body + got, (int)(length - got), fcgx->in);
		if (n <= 0)
			break;
		got += n;
	}
	if (got != length) {
		req->error_detail = "Данные формы пришли не полностью. Отправьте форму ещё раз.";
		return HTTP_BAD_REQUEST; /* the client sent less than it announced */
	}
	body[length] = '\0';
	return request_parse_body(req, type, body, (size_t)length);
}

/* Staff routes: a session with one of the route's roles; every staff POST (and the login form)
 * carries the form token. Returns HTTP_OK, a redirect to the login page, or 403. */
static enum http_status check_access(struct request *req)
{
	const struct route *r = req->route;
	if (r->roles != 0) {
		if (auth_load_session(req) < 0)
			return HTTP_INTERNAL_ERROR;
		if (req->staff == NULL) {
			if (req->method == METHOD_POST) {
				req->error_detail = "Сеанс работы закончился. Войдите снова и повторите действие.";
				return HTTP_FORBIDDEN;
			}
			struct buf location;
			buf_init(&location, req->arena);
			buf_puts(&location, "/admin/login?return=");
			page_append_encoded(&location, req->request_uri);
			return response_redirect(req, location.data);
		}
		if (!(req->staff->role & r->roles)) {
			req->error_detail = "Эта страница недоступна для вашей роли.";
			return HTTP_FORBIDDEN;
		}
	}
	if (r->flags & (ROUTE_RESIDENT | ROUTE_RESIDENT_OPTIONAL)) {
		/* Residents' routes read the resident cookie only: a staff session signs nobody in
		 * here, and a resident session opens no staff page (those read SESSION_COOKIE). */
		if (resident_load_session(req) < 0)
			return HTTP_INTERNAL_ERROR;
		if (req->resident == NULL && (r->flags & ROUTE_RESIDENT)) {
			if (req->method == METHOD_POST) {
				req->error_detail = "Вы не вошли в личный кабинет или сеанс закончился. "
						    "Войдите снова и повторите действие.";
				return HTTP_FORBIDDEN;
			}
			struct buf location;
			buf_init(&location, req->arena);
			buf_puts(&location, "/account/login?return=");
			page_append_encoded(&location, req->request_uri);
			return response_redirect(req, location.data);
		}
		if (req->method == METHOD_POST && req->resident != NULL) {
			const struct param *token =
				params_find(&req->form, field_specs[FIELD_CSRF].name);
			if (!resident_csrf_valid(req, token ? token->value : NULL)) {
				req->error_detail = "Форма устарела или отправлена не с этого сайта. "
						    "Откройте страницу заново и повторите действие.";
				return HTTP_FORBIDDEN;
			}
		}
	}
	if (req->method == METHOD_POST && (r->roles != 0 || (r->flags & ROUTE_CSRF))) {
		const struct param *token = params_find(&req->form, field_specs[FIELD_CSRF].name);
		if (!auth_csrf_valid(req, token ? token->value : NULL)) {
			req->error_detail = "Форма устарела или отправлена не с этого сайта. Откройте "
					    "страницу заново и повторите действие.";
			return HTTP_FORBIDDEN;
		}
	}
	return HTTP_OK;
}

/* Everything before the handler. Returns HTTP_OK to go on, or the status to answer with. */
static enum http_status prepare(struct request *req, FCGX_Request *fcgx)
{
	const struct config *cfg = req->worker->cfg;
	req->path = param_copy(req, fcgx, "DOCUMENT_URI");
	if (req->path == NULL || req->path[0] != '/')
		req->path = "/";
	req->query_string = param_copy(req, fcgx, "QUERY_STRING");
	if (req->query_string == NULL)
		req->query_string = "";
	req->request_uri = param_copy(req, fcgx, "REQUEST_URI");
	if (req->request_uri == NULL || req->request_uri[0] != '/')
		req->request_uri = "/";
	req->remote_addr = param_copy(req, fcgx, "REMOTE_ADDR");
	if (req->remote_addr == NULL)
		req->remote_addr = "-";
	const char *https = FCGX_GetParam("HTTPS", fcgx->envp);
	req->https = https != NULL && strcasecmp(https, "on") == 0;
	params_parse_cookies(req->arena, FCGX_GetParam("HTTP_COOKIE", fcgx->envp), MAX_COOKIES,
			     &req->cookies);
	const struct param *vision = params_find(&req->cookies, "vision");
	req->vision = vision != NULL && strcmp(vision->value, "on") == 0;

	if (!utf8_valid(req->path, strlen(req->path))) {
		req->error_detail = "Адрес страницы содержит символы в неверной кодировке (ожидается UTF-8).";
		return HTTP_BAD_REQUEST;
	}

	unsigned allowed = 0;
	switch (router_find(req->path, req->method, &req->route, &req->path_id, &allowed)) {
	case ROUTE_NO_PATH:
		return HTTP_NOT_FOUND;
	case ROUTE_NO_METHOD:
		response_header(req, "Allow", router_allow_header(req->arena, allowed));
		return HTTP_METHOD_NOT_ALLOWED;
	case ROUTE_FOUND:
		break;
	}

	enum params_result parsed = params_parse_urlencoded(
		req->arena, req->query_string, strlen(req->query_string), (size_t)cfg->max_params,
		&req->query);
	if (parsed != PARAMS_OK) {
		req->error_detail = params_error_text(parsed);
		return HTTP_BAD_REQUEST;
	}
	if (req->method == METHOD_POST) {
		enum http_status s = read_form(req, fcgx);
		if (s != HTTP_OK)
			return s;
	}
	if ((req->route->flags & ROUTE_ONE_TRANSACTION) && req->method == METHOD_POST &&
	    req->file_count == 0) {
		if (db_begin(&req->worker->db) < 0)
			return HTTP_INTERNAL_ERROR;
		req->one_transaction = true;
	}
	enum http_status access = check_access(req);
	if (access == HTTP_OK)
		access = scope_check_route(req); /* another body's record: 404, nothing written */
	if (access != HTTP_OK)
		return access;
	const struct param_list *source = req->method == METHOD_POST ? &req->form : &req->query;
	req->invalid_fields = validate_fields(req->arena, source, req->route->fields, req->field);
	if (req->invalid_fields > 0 && !(req->route->flags & ROUTE_FORM_ERRORS_TO_HANDLER))
		return HTTP_BAD_REQUEST;
	/* The account's body (scope.h): another body's territory or meeting in a form. */
	return scope_check_fields(req);
}

static void send_response(struct request *req, FCGX_Request *fcgx)
{
	struct response *r = &req->response;
	struct buf head;
	buf_init(&head, req->arena);
	enum http_status status = r->status;
	bool send_body = req->method != METHOD_HEAD;

	if (status == HTTP_OK && r->body.len > 0) {
		/* Cached pages bring their validator; others are hashed here, so a phone on a slow
		 * line revalidates instead of downloading the page again. */
		const char *etag = r->etag ? r->etag
					   : response_etag(req->arena, r->body.data, r->body.len);
		response_header(req, "ETag", etag);
		const char *match = FCGX_GetParam("HTTP_IF_NONE_MATCH", fcgx->envp);
		if (match != NULL && strstr(match, etag) != NULL) {
			buf_printf(&head, "Status: 304 Not Modified\r\nETag: %s\r\n\r\n", etag);
			FCGX_PutStr(head.data, (int)head.len, fcgx->out);
			r->status = 304;
			return;
		}
	}
	buf_printf(&head, "Status: %d %s\r\n", (int)status, http_reason(status));
	buf_printf(&head, "Content-Type: %s\r\n",
		   r->content_type ? r->content_type : "text/html; charset=utf-8");
	buf_printf(&head, "Content-Length: %lu\r\n", (unsigned long)r->body.len);
	if (strncmp(req->path, "/admin", 6) == 0 || strncmp(req->path, "/account", 8) == 0)
		buf_puts(&head, "Cache-Control: no-store\r\n"); /* staff pages stay off shared disks */
	for (size_t i = 0; i < r->header_count; i++)
		buf_printf(&head, "%s: %s\r\n", r->headers[i].name, r->headers[i].value);
	buf_puts(&head, "\r\n");
	FCGX_PutStr(head.data, (int)head.len, fcgx->out);
	if (send_body && r->body.len > 0)
		FCGX_PutStr(r->body.data, (int)r->body.len, fcgx->out);
}

/* The handler's answer, or the same page rendered moments ago while the database is unchanged. */
static enum http_status run_handler(struct worker *w, struct request *req)
{
	if (!(req->route->flags & ROUTE_CACHEABLE))
		return req->route->handler(req);
	const char *key = arena_printf(req->arena, "%d|%s?%s", req->vision, req->path,
				       req->query_string);
	/* One read transaction from the data version on: a miss renders the page from the snapshot
	 * the version was read in (so it is stored under the version of what it shows), its list and
	 * count agree, and SQLite takes its locks once per page instead of once per statement. */
	bool in_transaction = db_read_begin(&w->db);
	int64_t version = page_cache_db_version(&w->db);
	const struct page_cache_entry *hit = page_cache_get(&w->cache, key, version, req->now);
	if (hit != NULL) {
		db_read_end(&w->db, in_transaction);
		page_cache_serve(req, hit);
		return HTTP_OK;
	}
	enum http_status status = req->route->handler(req);
	db_read_end(&w->db, in_transaction);
	if (status == HTTP_OK) {
		/* The validator once, for the cache and for this answer. */
		struct response *r = &req->response;
		r->etag = response_etag(req->arena, r->body.data ? r->body.data : "", r->body.len);
		page_cache_put(&w->cache, key, r, version, req->now);
	}
	return status;
}

/* Throw away the answer a handler built (what it says was not kept): 500 instead. */
static enum http_status response_discarded(struct request *req)
{
	buf_clear(&req->response.body);
	req->response.header_count = 0;
	req->response.body_ready = false;
	req->response.etag = NULL;
	return HTTP_INTERNAL_ERROR;
}

void request_handle(struct worker *w, FCGX_Request *fcgx)
{
	struct timespec started, finished;
	clock_gettime(CLOCK_MONOTONIC, &started);

	struct request req;
	memset(&req, 0, sizeof req);
	req.arena = &w->arena;
	req.worker = w;
	req.now = time(NULL);
	req.id = param_copy(&req, fcgx, "REQUEST_ID");
	if (req.id == NULL || req.id[0] == '\0')
		req.id = arena_printf(req.arena, "%ld-%lu", (long)getpid(), w->served);
	req.method_name = param_copy(&req, fcgx, "REQUEST_METHOD");
	req.method = method_from_name(req.method_name);
	buf_init(&req.response.body, req.arena);

	sqlite3_int64 changes = sqlite3_total_changes64(w->db.conn);
	enum http_status status = prepare(&req, fcgx);
	if (status == HTTP_OK)
		status = run_handler(w, &req);
	/* Statements must not keep a WAL snapshot open between requests, nor a handler a
	 * transaction: a forgotten one would hold the write lock for every other worker. */
	db_reset_used(&w->db);
	if (req.one_transaction && !sqlite3_get_autocommit(w->db.conn) && w->db.nesting == 1 &&
	    db_commit(&w->db) < 0) {
		fprintf(stderr, "rid=%s the request's transaction could not be committed\n", req.id);
		status = response_discarded(&req);
	}
	if (!sqlite3_get_autocommit(w->db.conn)) {
		fprintf(stderr, "rid=%s a transaction was left open: rolled back\n", req.id);
		db_rollback(&w->db);
	}
	/* Nothing is acknowledged before it is on the disk: what this request wrote is flushed
	 * (with what other workers committed meanwhile) before the answer leaves. */
	if (sqlite3_total_changes64(w->db.conn) != changes && db_durable(&w->db) < 0) {
		fprintf(stderr, "rid=%s what the request wrote may not be on the disk\n", req.id);
		status = response_discarded(&req);
	}
	if (status >= 400 && !req.response.body_ready)
		page_error(&req, status);
	req.response.status = status;
	db_reset_used(&w->db);
	send_response(&req, fcgx);

	clock_gettime(CLOCK_MONOTONIC, &finished);
	double ms = (double)(finished.tv_sec - started.tv_sec) * 1e3 +
		    (double)(finished.tv_nsec - started.tv_nsec) / 1e6;
	fprintf(stderr, "portal[%ld] rid=%s %s %s %d %luB %.2fms\n", (long)getpid(),
		log_safe(&req, req.id), log_safe(&req, req.method_name), log_safe(&req, req.path),
		(int)req.response.status, (unsigned long)req.response.body.len, ms);
	w->served++;
}

const char *request_link_token(struct request *req)
{
	const struct field_value *f = &req->field[FIELD_TOKEN];
	if (f->state == FIELD_VALID)
		return f->text;
	if (f->state == FIELD_INVALID)
		return NULL;
	const struct param *p = params_find(&req->query, field_specs[FIELD_TOKEN].name);
	if (p == NULL || params_count(&req->query, p->name) != 1)
		return NULL;
	struct field_value q;
	validate_value(req->arena, &field_specs[FIELD_TOKEN], p->value, p->value_len, &q);
	return q.state == FIELD_VALID ? q.text : NULL;
}
