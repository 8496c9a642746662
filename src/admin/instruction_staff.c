/* instruction_staff.c — what the protocol page (page_admin_protocols.c) and the instruction
 * pages (page_admin_instructions.c) share about instructions (поручения): the form of a new one,
 * its checks and insertion with its first history and audit records, its due date as staff see
 * it, and the mails that tell its executor or controller (through the outbox, in the change's
 * transaction). See instruction_staff.h. */
#include "instruction_staff.h"

#include <string.h>

#include "audit.h"
#include "auth.h"
#include "outbox.h"
#include "page.h"
#include "protocol.h"
#include "ru.h"
#include "scope.h"
#include "staff_change.h"
#include "worker.h"

const char *instruction_status_text(const char *status)
{
	const char *label = instruction_status_label(status);
	return label ? label : status;
}

void instruction_set_due(struct request *req, tpl_dict *row, const char *iso, const char *status)
{
	struct civil_date due;
	if (!civil_date_parse(iso, &due)) {
		tpl_set(row, "DUE", iso);
		return;
	}
	tpl_set(row, "DUE", page_date_words(req, due));
	tpl_set(row, "DUE_ISO", iso);
	if (!instruction_status_open(status))
		return;
	long left = civil_date_diff(due, tz_local_date(req->now));
	if (left < 0)
		tpl_set(tpl_section_add(row, "OVERDUE"), "TEXT",
			arena_printf(req->arena, "просрочено на %ld %s", -left,
				     ru_plural(-left, "день", "дня", "дней")));
	else if (left <= INSTRUCTION_SOON_DAYS)
		tpl_set(tpl_section_add(row, "SOON"), "TEXT",
			left == 0 ? "срок сегодня"
				  : arena_printf(req->arena, "осталось %ld %s", left,
						 ru_plural(left, "день", "дня", "дней")));
}

/* Who may be chosen as an executor (active staff with an e-mail) and as a controller: the
 * accounts of the whole installation and of the account's bodies (issue 18). -1 on a
 * database error. */
static int load_choices(struct request *req, struct staff_item **executors, size_t *ne,
			struct staff_item **controllers, size_t *nc)
{
	if (staff_load_items(req, STMT_INSTRUCTION_EXECUTORS, scope_bind_value(req), executors, ne) < 0 ||
	    staff_load_items(req, STMT_INSTRUCTION_CONTROLLERS, scope_bind_value(req), controllers, nc) < 0)
		return -1;
	return 0;
}

/* The form of a new instruction: executors and controllers (section rows), after a refused
 * submit with what was typed. */
int instruction_form_fill(struct request *req, tpl_dict *f)
{
	struct staff_item *executors, *controllers;
	size_t ne, nc;
	if (load_choices(req, &executors, &ne, &controllers, &nc) < 0)
		return -1;
	const struct field_value *in = req->field;
	staff_item_options(req, f, "EXECUTOR_OPTION", executors, ne,
			   in[FIELD_EXECUTOR].state == FIELD_VALID ? in[FIELD_EXECUTOR].number : 0);
	staff_item_options(req, f, "CONTROLLER_OPTION", controllers, nc,
			   in[FIELD_CONTROLLER].state == FIELD_VALID ? in[FIELD_CONTROLLER].number
								     : 0);
	return 0;
}

/* A mail about instruction id to recipient (who: "executor" or "controller"), through the
 * outbox in the open transaction; event (an instruction_event id) and who keep each step's mail
 * unique. Nothing when there is no address. 0, or -1 on a database error. */
int instruction_mail(struct request *req, long long id, long long event, const char *who,
		     const char *recipient, const char *subject, const char *text)
{
	if (recipient == NULL || recipient[0] == '\0')
		return 0;
	const struct config *cfg = req->worker->cfg;
	struct outbox_message msg = {
		.dedup_key = arena_printf(req->arena, "instruction:%lld:event:%lld:%s", id, event,
					  who),
		.channel = OUTBOX_MAIL,
		.recipient = recipient,
		.subject = subject,
		.body = arena_printf(req->arena, "%s\n\nПоручение на портале: %s/admin/instructions/%lld\n"
						 "\n--\n%s\n",
				     text, cfg->site_url, id,
				     cfg->administration_name[0] ? cfg->administration_name
								 : cfg->municipality_name),
		.purpose = "notice",
	};
	return outbox_add(&req->worker->db, &msg, req->now) < 0 ? -1 : 0;
}

/* The text of an instruction given to its executor: what, from where, by when, who controls. */
const char *instruction_given_text(struct request *req, long long id, const char *source,
					  const char *text, const char *due_iso,
					  const char *controller)
{
	struct civil_date due;
	const char *due_words = civil_date_parse(due_iso, &due) ? page_date_words(req, due) : due_iso;
	return arena_printf(req->arena,
			    "Вам дано поручение № %lld (%s):\n\n%s\n\nСрок исполнения: %s\n"
			    "Контролёр: %s.\n\nВозьмите поручение в работу на портале; когда оно "
			    "будет исполнено, доложите там об исполнении.",
			    id, source, text, due_words, controller);
}

/* Check the fields of a new instruction; insert it with its first history record and audit
 * record inside the caller's transaction. 0, 1 when a field was refused, -1 on error. */
int instruction_insert(struct request *req, long long protocol_id, long long appeal_id,
		       struct civil_date earliest, long long *id)
{
	struct staff_item *executors, *controllers;
	size_t ne, nc;
	if (load_choices(req, &executors, &ne, &controllers, &nc) < 0)
		return -1;
	const struct field_value *in = req->field;
	if (in[FIELD_EXECUTOR].state == FIELD_VALID &&
	    !staff_has_item(executors, ne, in[FIELD_EXECUTOR].number))
		page_reject(req, FIELD_EXECUTOR, "выберите из списка сотрудников с адресом почты");
	if (in[FIELD_CONTROLLER].state == FIELD_VALID &&
	    !staff_has_item(controllers, nc, in[FIELD_CONTROLLER].number))
		page_reject(req, FIELD_CONTROLLER, "выберите из списка");
	if (in[FIELD_EXECUTOR].state == FIELD_VALID && in[FIELD_CONTROLLER].state == FIELD_VALID &&
	    in[FIELD_EXECUTOR].number == in[FIELD_CONTROLLER].number)
		page_reject(req, FIELD_CONTROLLER, "исполнитель не может контролировать сам себя");
	if (in[FIELD_DUE_ON].state == FIELD_VALID &&
	    civil_date_compare(in[FIELD_DUE_ON].date, earliest) < 0)
		page_reject(req, FIELD_DUE_ON,
			    arena_printf(req->arena, "не раньше %s", page_date_words(req, earliest)));
	if (req->invalid_fields > 0)
		return 1;
	struct db *db = &req->worker->db;
	sqlite3_stmt *s = db_stmt(db, STMT_INSTRUCTION_INSERT);
	if (protocol_id)
		sqlite3_bind_int64(s, 1, protocol_id);
	if (appeal_id)
		sqlite3_bind_int64(s, 2, appeal_id);
	sqlite3_bind_text(s, 3, page_field_text(req, FIELD_INSTRUCTION_TEXT), -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, in[FIELD_EXECUTOR].number);
	sqlite3_bind_text(s, 5, page_field_text(req, FIELD_UNIT), -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 6, in[FIELD_CONTROLLER].number);
	sqlite3_bind_text(s, 7, page_date_iso(req, in[FIELD_DUE_ON].date), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 8, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 9, req->staff->user_id);
	if (db_run(s) != SQLITE_DONE)
		return -1;
	*id = sqlite3_last_insert_rowid(db->conn);
	s = db_stmt(db, STMT_INSTRUCTION_EVENT_ADD);
	sqlite3_bind_int64(s, 1, *id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 3, req->staff->user_id);
	sqlite3_bind_text(s, 4, "assigned", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, "", -1, SQLITE_STATIC);
	if (db_run(s) != SQLITE_DONE)
		return -1;
	if (audit_record(req, NULL, "create", "instruction", *id, NULL,
			 staff_json(req, STMT_INSTRUCTION_JSON, *id)) < 0)
		return -1;
	return 0;
}
