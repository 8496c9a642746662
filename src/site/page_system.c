/* page_system.c — pages that are not content: the health check, the switch to the version for
 * the visually impaired, and error pages that nginx asks for. */
#include <string.h>

#include "page.h"
#include "pages.h"
#include "worker.h"

/* GET /healthz — 200 "ok" when this worker can read the database, 503 otherwise. For monitoring;
 * plain text. */
enum http_status page_healthz(struct request *req)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_HEALTH);
	int rc = sqlite3_step(s);
	db_done(s);
	if (rc != SQLITE_ROW) {
		db_log_error(&req->worker->db, "healthz");
		return response_text(req, HTTP_SERVICE_UNAVAILABLE, "database unavailable\n");
	}
	return response_text(req, HTTP_OK, "ok\n");
}

/* GET /vision?mode=on|off&return=/path — switch the version for the visually impaired, remember
 * it in a cookie for a year, and go back to the page the link was on (303). 400 for another mode
 * or a return address outside this site. Works without JavaScript, so it is a plain link. */
enum http_status page_vision(struct request *req)
{
	const struct field_value *mode = &req->field[FIELD_MODE];
	bool on = strcmp(mode->text, "on") == 0;
	if (!on && strcmp(mode->text, "off") != 0) {
		req->field[FIELD_MODE].state = FIELD_INVALID;
		req->field[FIELD_MODE].error = "ожидается on или off";
		req->invalid_fields++;
		return HTTP_BAD_REQUEST;
	}
	const char *secure = req->https ? "; Secure" : "";
	response_header(req, "Set-Cookie",
			on ? arena_printf(req->arena,
					  "vision=on; Path=/; Max-Age=31536000; SameSite=Lax%s", secure)
			   : arena_printf(req->arena, "vision=; Path=/; Max-Age=0; SameSite=Lax%s",
					  secure));
	const struct field_value *back = &req->field[FIELD_RETURN];
	return response_redirect(req, back->state == FIELD_VALID ? back->text : "/");
}

/* GET /errors/CODE — the error page for CODE with that status. nginx redirects here internally
 * for errors it decides itself (413 for a body over client_max_body_size), so those pages look
 * like the rest of the site. 404 for a code without a page. */
enum http_status page_error_by_code(struct request *req)
{
	switch (req->path_id) {
	case HTTP_BAD_REQUEST:
	case HTTP_FORBIDDEN:
	case HTTP_NOT_FOUND:
	case HTTP_METHOD_NOT_ALLOWED:
	case HTTP_PAYLOAD_TOO_LARGE:
	case HTTP_URI_TOO_LONG:
	case HTTP_TOO_MANY_REQUESTS:
		return (enum http_status)req->path_id;
	default:
		return HTTP_NOT_FOUND;
	}
}
