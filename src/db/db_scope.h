/* db_scope.h — readers of the scope of a staff account's body (db_scope.c, issue 18 item 3). */
#ifndef PORTAL_DB_SCOPE_H
#define PORTAL_DB_SCOPE_H

#include <stddef.h>

#include "arena.h"
#include "db.h"

/* The ids of every territory of municipality body and of its settlements'
 * (STMT_SCOPE_TERRITORIES) into *ids (arena a), *count of them. 0, or -1 logged. */
int db_scope_territories(struct db *db, struct arena *a, long long body, long long **ids,
			 size_t *count);

#endif
