/* instruction_staff.h — what the protocol page and the instruction pages share about
 * instructions (поручения): the form of a new one and its insertion, its due date as staff see
 * it, the Russian name of its state and the mails of its steps. */
#ifndef PORTAL_INSTRUCTION_STAFF_H
#define PORTAL_INSTRUCTION_STAFF_H

#include "civil_time.h"
#include "http.h"
#include "template.h"

/* «назначено», «в работе»…; the code itself for an unknown one. */
const char *instruction_status_text(const char *status);

/* DUE (words), DUE_ISO and, for an open instruction in force, OVERDUE or SOON under row
 * (status "proposal": one of a draft protocol, no deadline runs yet). */
void instruction_set_due(struct request *req, tpl_dict *row, const char *iso, const char *status);

/* The <option>s of a new instruction's executor and controller (EXECUTOR_OPTION,
 * CONTROLLER_OPTION) under f, with the request's choices after a refused submit. -1 on a
 * database error. */
int instruction_form_fill(struct request *req, tpl_dict *f);

/* Check the fields of a new instruction (executor with an e-mail, a controller other than the
 * executor, a due date not before earliest); insert it from a protocol or an appeal (the other
 * 0) with its first history record and audit record inside the caller's transaction. 0 with its
 * id, 1 when a field was refused (beside it), -1 on a database error. */
int instruction_insert(struct request *req, long long protocol_id, long long appeal_id,
		       struct civil_date earliest, long long *id);

/* A mail about instruction id to recipient (nothing when it is ""), who is "executor" or
 * "controller", through the outbox in the open transaction; event (an instruction_event id, 0
 * for the instruction given) and who keep each mail unique. 0, or -1 on a database error. */
int instruction_mail(struct request *req, long long id, long long event, const char *who,
		     const char *recipient, const char *subject, const char *text);

/* The text of instruction id given to its executor: what, from where (source), by when, who
 * controls it. */
const char *instruction_given_text(struct request *req, long long id, const char *source,
				   const char *text, const char *due_iso, const char *controller);

#endif
