/* page_reference_unsubscribe.c — the link in every mail to a reference-group participant
 * (decree № 1617-па on reference groups): it withdraws their consent to the portal's mail (152-ФЗ),
 * after which the notifier mails them nothing. A GET shows a button (mail scanners follow links); a
 * POST, from the button or a mail client's RFC 8058 one-click, withdraws. The token from the mail
 * is the authority. */
#include <string.h>

#include "db_reference.h"
#include "page.h"
#include "pages.h"
#include "worker.h"

/* The consent of the request's token: HTTP_OK with *withdrawn set, 404 with a Russian
 * explanation for an unknown or malformed token, 500 on a database error. */
static enum http_status load(struct request *req, const char **token, bool *withdrawn)
{
	*token = request_link_token(req);
	if (*token != NULL) {
		int rc = db_refconsent_by_token(&req->worker->db, *token, withdrawn);
		if (rc == 0)
			return HTTP_OK;
		if (rc < 0)
			return HTTP_INTERNAL_ERROR;
	}
	req->error_detail = "Ссылка не найдена. Проверьте, что она скопирована из письма целиком.";
	return HTTP_NOT_FOUND;
}

static enum http_status show(struct request *req, const char *token, const char *state)
{
	tpl_dict *d = page_begin(req, "reference_unsubscribe.tpl",
				 strcmp(state, "DONE") == 0 ? "Вы отказались от писем"
							    : "Отказ от писем",
				 NAV_NONE);
	tpl_set(d, "TOKEN", token);
	tpl_section_show(d, state);
	response_header(req, "Cache-Control", "no-store"); /* the page carries the token */
	return page_end(req, HTTP_OK);
}

/* GET /reference/unsubscribe?token= — a button that withdraws the consent, or «already
 * withdrawn». 404 for an unknown token. */
enum http_status page_reference_unsubscribe_form(struct request *req)
{
	const char *token;
	bool withdrawn = false;
	enum http_status status = load(req, &token, &withdrawn);
	if (status != HTTP_OK)
		return status;
	return show(req, token, withdrawn ? "DONE" : "ASK");
}

/* POST /reference/unsubscribe?token= — withdraw the consent (the moment and «по ссылке из
 * письма» are kept and shown to staff); 200 «Вы отказались от писем», also when it was done
 * before; 404 for an unknown token. */
enum http_status page_reference_unsubscribe(struct request *req)
{
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	const char *token;
	bool withdrawn = false;
	enum http_status status = load(req, &token, &withdrawn);
	if (status != HTTP_OK) {
		db_rollback(db);
		return status;
	}
	sqlite3_stmt *s = db_stmt(db, STMT_REFCONSENT_WITHDRAW);
	sqlite3_bind_text(s, 1, token, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	sqlite3_bind_text(s, 3, "по ссылке из письма", -1, SQLITE_STATIC);
	if (db_run(s) != SQLITE_DONE || db_commit(db) < 0) {
		db_log_error(db, "reference unsubscribe");
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return show(req, token, "DONE");
}
