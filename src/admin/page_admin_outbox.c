/* page_admin_outbox.c — /admin/outbox: what the notifier sends and could not send. Messages it
 * gave up on (after max_attempts, or refused for good) wait here with their error until a person
 * sends them again or discards them; messages being retried and the latest delivered ones are
 * listed too. Recipients are personal data: the press office sees and acts on its own mail only
 * (webhook posts and mail to the media list), never applicants', subscribers' or invitees'. */
#include <stdbool.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "page.h"
#include "pages.h"
#include "scope.h"
#include "worker.h"

#define OUTBOX_PAGE_ROWS 100

static const char *purpose_label(const char *purpose)
{
	static const char *const labels[][2] = {
		{"announcement", "анонс"},	  {"change", "изменение"},
		{"cancellation", "отмена"},	  {"reminder", "напоминание"},
		{"police", "уведомление полиции"}, {"alert", "предупреждение сотрудникам"},
		{"violation", "нарушение срока"},  {"digest", "сводка"},
		{"confirmation", "подтверждение подписки"}, {"acknowledgement", "уведомление о приёме"},
		{"notice", "уведомление заявителю"}, {"answer", "ответ на вопрос жителей для СМИ"},
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i][0], purpose) == 0)
			return labels[i][1];
	return purpose;
}

/* Whether the request's role sees only the press office's mail: the press role, unless it is
 * also given a role that reads personal data. */
static bool press_only(const struct request *req)
{
	return (req->staff->role & OUTBOX_READERS & ~ROLE_PRESS) == 0;
}

/* One section row per message of the list statement (id, channel, recipient, subject, purpose,
 * meeting, created, attempts, error, sent). */
static int fill_rows(struct request *req, tpl_dict *d, enum stmt which, const char *section,
		     const char *empty)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, which);
	sqlite3_bind_int(s, 1, OUTBOX_PAGE_ROWS);
	sqlite3_bind_int(s, 2, press_only(req));
	sqlite3_bind_int64(s, 3, scope_bind_value(req));
	int rc, rows = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		tpl_dict *row = tpl_section_add(d, section);
		tpl_set_int(row, "ID", sqlite3_column_int64(s, 0));
		/* In the row, so that its forms carry the row's ID (a section shown on the page's
		 * dictionary would not see it: the forms posted to /admin/outbox//retry). */
		if ((req->staff->role & OUTBOX_WRITERS) != 0)
			tpl_section_show(row, "CAN_ACT");
		bool mail = strcmp((const char *)sqlite3_column_text(s, 1), "mail") == 0;
		tpl_set(row, "CHANNEL", mail ? "почта" : "публикация (webhook)");
		tpl_set(row, "RECIPIENT", db_text(req->arena, s, 2));
		const char *subject = db_text(req->arena, s, 3);
		tpl_set(row, "SUBJECT", subject[0] ? subject : "—");
		tpl_set(row, "PURPOSE", purpose_label(db_text(req->arena, s, 4)));
		if (sqlite3_column_type(s, 5) != SQLITE_NULL)
			tpl_set_int(tpl_section_add(row, "MEETING"), "MEETING_ID",
				    sqlite3_column_int64(s, 5));
		page_set_datetime(row, "CREATED", (time_t)sqlite3_column_int64(s, 6));
		tpl_set_int(row, "ATTEMPTS", sqlite3_column_int64(s, 7));
		tpl_set(row, "ERROR", db_text(req->arena, s, 8));
		if (sqlite3_column_type(s, 9) != SQLITE_NULL)
			page_set_datetime(row, "AT", (time_t)sqlite3_column_int64(s, 9));
		rows++;
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return -1;
	if (rows == 0)
		tpl_section_show(d, empty);
	return 0;
}

/* GET /admin/outbox — the messages given up on (with «Отправить снова» and «Не отправлять» for
 * those who may), those waiting for another attempt, and the latest delivered; for the press
 * role only its own mail (webhook posts, mail to the media list) and its counts. */
enum http_status page_admin_outbox(struct request *req)
{
	tpl_dict *d = page_begin(req, "admin_outbox.tpl", "Рассылка и публикации", NAV_STAFF_OUTBOX);
	if (press_only(req))
		tpl_section_show(d, "PRESS_ONLY");
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_OUTBOX_PRESS_TOTALS);
	sqlite3_bind_int(s, 1, press_only(req));
	sqlite3_bind_int64(s, 2, scope_bind_value(req));
	if (sqlite3_step(s) == SQLITE_ROW) {
		long long waiting = sqlite3_column_int64(s, 0), dead = sqlite3_column_int64(s, 1);
		tpl_set_int(d, "WAITING", waiting);
		tpl_set_int(d, "DEAD", dead);
		if (req->worker->cfg->smtp_url[0] == '\0')
			page_no_mail_server(req, d, sqlite3_column_int64(s, 2));
	}
	db_done(s);
	if (fill_rows(req, d, STMT_OUTBOX_DEAD_LIST, "DEAD_ROW", "NO_DEAD") < 0 ||
	    fill_rows(req, d, STMT_OUTBOX_RETRY_LIST, "RETRY_ROW", "NO_RETRY") < 0 ||
	    fill_rows(req, d, STMT_OUTBOX_SENT_LIST, "SENT_ROW", "NO_SENT") < 0)
		return HTTP_INTERNAL_ERROR;
	return page_end(req, HTTP_OK);
}

/* Move a given-up message of the path to status (pending: due at once, attempts from zero), in
 * a transaction with its audit record; 303 back to the list, 404 for an unknown id, 403 for the
 * press role and a message that is not press mail, 422 when it is not waiting for a person. */
static enum http_status resolve_dead(struct request *req, enum stmt which, const char *action)
{
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	sqlite3_stmt *s = db_stmt(db, STMT_OUTBOX_STATE);
	sqlite3_bind_int64(s, 1, req->path_id);
	int rc = sqlite3_step(s);
	const char *state = rc == SQLITE_ROW ? db_text(req->arena, s, 0) : NULL;
	const char *recipient = rc == SQLITE_ROW ? db_text(req->arena, s, 1) : NULL;
	bool press_mail = rc == SQLITE_ROW && sqlite3_column_int(s, 2) != 0;
	db_done(s);
	if (state == NULL) {
		db_rollback(db);
		return rc == SQLITE_DONE ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	}
	if (press_only(req) && !press_mail) {
		db_rollback(db);
		req->error_detail = "Эта страница недоступна для вашей роли.";
		return HTTP_FORBIDDEN;
	}
	if (strcmp(state, "dead") != 0) {
		db_rollback(db);
		req->error_detail = "Это сообщение не ждёт решения: оно уже отправлено, отменено или "
				    "ещё в очереди.";
		return HTTP_UNPROCESSABLE;
	}
	s = db_stmt(db, which);
	sqlite3_bind_int64(s, 1, req->path_id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	json_t *before = json_pack("{s:s, s:s}", "status", "dead", "recipient", recipient);
	json_t *after = json_pack("{s:s, s:s}", "status",
				  which == STMT_OUTBOX_RETRY ? "pending" : "discarded", "recipient",
				  recipient);
	if (db_run(s) != SQLITE_DONE ||
	    audit_record(req, NULL, action, "outbox", req->path_id, before, after) < 0 ||
	    db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req, "/admin/outbox");
}

/* POST /admin/outbox/ID/retry (csrf) — send a given-up message again on the notifier's next
 * run. */
enum http_status page_admin_outbox_retry(struct request *req)
{
	return resolve_dead(req, STMT_OUTBOX_RETRY, "outbox_retry");
}

/* POST /admin/outbox/ID/discard (csrf) — never send it (a wrong address, an outdated notice). */
enum http_status page_admin_outbox_discard(struct request *req)
{
	return resolve_dead(req, STMT_OUTBOX_DISCARD, "outbox_discard");
}
