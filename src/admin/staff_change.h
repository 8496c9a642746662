/* staff_change.h — what every staff page that changes data shares: choice lists read from a
 * statement, the entity's state as JSON for the audit log, and finishing a change (audit record,
 * commit, 303) in the handler's transaction. */
#ifndef PORTAL_STAFF_CHANGE_H
#define PORTAL_STAFF_CHANGE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "db.h"
#include "http.h"
#include "template.h"

/* A row of a choice list: id, name and a second part (position, address, territory…). */
struct staff_item {
	long long id;
	const char *name;
	const char *extra;
};

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
