/* staff_change.h — what every staff page that changes data shares: choice lists read from a
 * statement, the entity's state as JSON for the audit log, and finishing a change (audit record,
 * commit, 303) in the handler's transaction. */
#ifndef PORTAL_STAFF_CHANGE_H
#define PORTAL_STAFF_CHANGE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "db.h"
#include "db_reference.h"
#include "http.h"
#include "template.h"

/* A row of a choice list is a struct staff_item (db_reference.h). */

/* One kind of staff action on one entity, and the skeleton every such action follows:
 *
 *	if (!staff_action_begin(req, &kind, &target, &status))   the write transaction, then the
 *		return status;                                   target loaded inside it (404, 500)
 *	if (<a check fails>)                                     403 after db_rollback, or
 *		return staff_action_refuse(req, &kind, "why");   422: the form's page again, the
 *	json_t *before = staff_json(req, kind.json_stmt, id);    errors beside the fields
 *	bool ok = <the change>;
 *	return staff_action_finish(req, &kind, ok, "action", id, before, location);
 *
 * so the target is read and checked in the same transaction that changes it, and the audit
 * record is written in it too. Meetings, appeals, protocols, instructions, receptions,
 * accounts, the reference pages, discussions, the media list, the outbox and the production
 * calendar use it, each with a kind of its own; an action that creates its target loads nothing
 * (staff_action_no_target). */
struct staff_action {
	const char *entity;  /* the audit log's entity: "protocol", "instruction" */
	enum stmt json_stmt; /* (id) → the entity as JSON, for the audit record */
	/* Load the request's target into target: 0, 1 when there is none, -1 on error. Called
	 * inside the transaction. */
	int (*load)(struct request *req, void *target);
	/* The page of the form again, with status (422): the errors beside the fields (and
	 * req->error_detail above them), the input kept. Called after the rollback. */
	enum http_status (*page)(struct request *req, enum http_status status);
};

/* Begin the write transaction and load the target with kind->load. True inside the
 * transaction; false with *status 404 (no such target) or 500, rolled back. */
bool staff_action_begin(struct request *req, const struct staff_action *kind, void *target,
			enum http_status *status);

/* Refuse the action: roll back and answer kind->page with 422; why, when not NULL, becomes
 * req->error_detail (the form errors stay beside their fields). */
enum http_status staff_action_refuse(struct request *req, const struct staff_action *kind,
				     const char *why);

/* Finish the action as staff_commit does: when ok, the audit record of kind->entity id (before
 * is stolen, the state after read with kind->json_stmt), commit and 303 to location; else, or
 * when that fails, roll back and answer 500. */
enum http_status staff_action_finish(struct request *req, const struct staff_action *kind,
				     bool ok, const char *action, long long id, json_t *before,
				     const char *location);

/* staff_action load of an action that creates its target: nothing to load, 0. */
int staff_action_no_target(struct request *req, void *target);

/* Give up an action begun with staff_action_begin on a database error: roll back, 500. */
enum http_status staff_action_fail(struct request *req);

/* Every row of statement which (columns id, name, extra) into the arena; param, when positive,
 * is bound as ?1 (the members of one group…). -1 on a database error. */
int staff_load_items(struct request *req, enum stmt which, long long param,
		     struct staff_item **out, size_t *count);

/* The audience of an announcement-like form (a discussion, a survey): TERRITORY_OPTION with the
 * territory tree and REFERENCE_GROUP_OPTION checkboxes (NAME «Группа (3 участника)», CHECKED),
 * or NO_REFERENCE_GROUPS; from_request keeps the choices sent with the form. 0, or -1 on a
 * database error. */
int staff_audience_fill(struct request *req, tpl_dict *d, bool from_request);

/* Check the audience fields of such a form against the database, each error beside its field
 * (page_reject): a valid territory that is not in the tree («такой территории нет»), a chosen
 * reference group that does not exist («такой референтной группы нет»). Fields left empty or
 * already invalid are the caller's to require. 0, or -1 on a database error. */
int staff_audience_check(struct request *req);

/* True when id is one of items. */
bool staff_has_item(const struct staff_item *items, size_t count, long long id);

/* One "section" row per item (ID, NAME as "name, extra" when extra is not empty, SELECTED when
 * its id is selected): the <option>s of a select. */
void staff_item_options(struct request *req, tpl_dict *d, const char *section,
			const struct staff_item *items, size_t count, long long selected);

/* The JSON object that statement which (one parameter: id) returns, for the audit log; NULL on
 * error. */
json_t *staff_json(struct request *req, enum stmt which, long long id);

/* Finish a change inside the transaction the handler began: write the audit record (before is
 * stolen; the state after is read with json_stmt), commit, and answer 303 to location. When
 * ok is false or anything fails, roll back and answer 500. */
enum http_status staff_commit(struct request *req, bool ok, const char *action,
			      const char *entity, long long id, json_t *before, enum stmt json_stmt,
			      const char *location);

#endif
