/* audit.h — the audit log: every change staff make, with who, when, what and the entity's state
 * before and after as JSON. Written in the same transaction as the change. */
#ifndef PORTAL_AUDIT_H
#define PORTAL_AUDIT_H

#include <jansson.h>

#include "http.h"

/* Record action on entity/entity_id by the request's staff member (or the login being used, for
 * a login). before and after may be NULL; they are serialised and freed here (jansson
 * references are stolen). -1 on a database error. */
int audit_record(struct request *req, const char *login, const char *action, const char *entity,
		 long long entity_id, json_t *before, json_t *after);

#endif
