/* page_admin_outbox.c — /admin/outbox: what the notifier sends and could not send. Messages it
 * gave up on (after max_attempts, or refused for good) wait here with their error until a person
 * sends them again or discards them; messages being retried and the latest delivered ones are
 * listed too. Recipients are personal data: the press office sees and acts on its own mail only
 * (webhook posts and mail to the media list), never applicants', subscribers' or invitees'. */
#include <stdbool.h>
#include <string.h>

#include "auth.h"
#include "db_press.h"
#include "page.h"
#include "pages.h"
#include "scope.h"
#include "staff_change.h"
#include "worker.h"

#define OUTBOX_PAGE_ROWS 100

/* The Russian name of an outbox message's purpose (the purpose itself when unknown). */
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

/* One section row per message of list, or the section empty when it has none. -1 on a database
 * error. */
static int fill_rows(struct request *req, tpl_dict *d, enum outbox_list list, const char *section,
		     const char *empty)
{
	struct outbox_row *rows;
	size_t n;
	if (db_outbox_list(&req->worker->db, req->arena, list, OUTBOX_PAGE_ROWS, press_only(req),
			   scope_bind_value(req), &rows, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const struct outbox_row *r = &rows[i];
		tpl_dict *row = tpl_section_add(d, section);
		tpl_set_int(row, "ID", r->id);
		/* In the row, so that its forms carry the row's ID (a section shown on the page's
		 * dictionary would not see it: the forms posted to /admin/outbox//retry). */
		if ((req->staff->role & OUTBOX_WRITERS) != 0)
			tpl_section_show(row, "CAN_ACT");
		tpl_set(row, "CHANNEL", r->mail ? "почта" : "публикация (webhook)");
		tpl_set(row, "RECIPIENT", r->recipient);
		tpl_set(row, "SUBJECT", r->subject[0] ? r->subject : "—");
		tpl_set(row, "PURPOSE", purpose_label(r->purpose));
		if (r->meeting_id > 0)
			tpl_set_int(tpl_section_add(row, "MEETING"), "MEETING_ID", r->meeting_id);
		page_set_datetime(row, "CREATED", r->created_at);
		tpl_set_int(row, "ATTEMPTS", r->attempts);
		tpl_set(row, "ERROR", r->error);
		if (r->sent)
			page_set_datetime(row, "AT", r->sent_at);
	}
	if (n == 0)
		tpl_section_show(d, empty);
	return 0;
}

/* GET /admin/outbox — the messages given up on (with «Отправить снова» and «Не отправлять» for
 * those who may), those waiting for another attempt, and the latest delivered; for the press
 * role only its own mail (webhook posts, mail to the media list) and its counts. */
enum http_status page_admin_outbox(struct request *req)
{
	struct outbox_totals totals;
	if (db_outbox_press_totals(&req->worker->db, press_only(req), scope_bind_value(req),
				   &totals) < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_dict *d = page_begin(req, "admin_outbox.tpl", "Рассылка и публикации", NAV_STAFF_OUTBOX);
	if (press_only(req))
		tpl_section_show(d, "PRESS_ONLY");
	tpl_set_int(d, "WAITING", totals.waiting);
	tpl_set_int(d, "DEAD", totals.dead);
	if (req->worker->cfg->smtp_url[0] == '\0')
		page_no_mail_server(req, d, totals.mail_unsent);
	if (fill_rows(req, d, OUTBOX_LIST_DEAD, "DEAD_ROW", "NO_DEAD") < 0 ||
	    fill_rows(req, d, OUTBOX_LIST_RETRYING, "RETRY_ROW", "NO_RETRY") < 0 ||
	    fill_rows(req, d, OUTBOX_LIST_SENT, "SENT_ROW", "NO_SENT") < 0)
		return HTTP_INTERNAL_ERROR;
	return page_end(req, HTTP_OK);
}

/* staff_action load: the message of the path and its state. */
static int load_message(struct request *req, void *target)
{
	return db_outbox_state(&req->worker->db, req->arena, req->path_id, target);
}

/* staff_action page: the outbox has no form; the refusal (req->error_detail) is the error page
 * of status. */
static enum http_status message_refused(struct request *req, enum http_status status)
{
	(void)req;
	return status;
}

/* A person's decision on a given-up message (staff_action): refused to the error page. */
static const struct staff_action resolve_action = {"outbox", STMT_OUTBOX_JSON, load_message,
						   message_refused};

/* Move a given-up message of the path to status (pending: due at once, attempts from zero), in
 * a transaction with its audit record; 303 back to the list, 404 for an unknown id, 403 for the
 * press role and a message that is not press mail, 422 when it is not waiting for a person. */
static enum http_status resolve_dead(struct request *req, enum stmt which, const char *action)
{
	struct db *db = &req->worker->db;
	struct outbox_state state;
	enum http_status status;
	if (!staff_action_begin(req, &resolve_action, &state, &status))
		return status;
	if (press_only(req) && !state.press_mail) {
		db_rollback(db);
		req->error_detail = "Эта страница недоступна для вашей роли.";
		return HTTP_FORBIDDEN;
	}
	if (strcmp(state.status, "dead") != 0)
		return staff_action_refuse(req, &resolve_action,
					   "Это сообщение не ждёт решения: оно уже отправлено, "
					   "отменено или ещё в очереди.");
	json_t *before = staff_json(req, STMT_OUTBOX_JSON, req->path_id);
	sqlite3_stmt *s = db_stmt(db, which);
	sqlite3_bind_int64(s, 1, req->path_id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	bool ok = before != NULL && db_run(s) == SQLITE_DONE;
	return staff_action_finish(req, &resolve_action, ok, action, req->path_id, before,
				   "/admin/outbox");
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
