/* db_appeal.h — readers of appeals in the staff registry: each returns structs, never columns by number. */
#ifndef PORTAL_DB_APPEAL_H
#define PORTAL_DB_APPEAL_H

#include "arena.h"
#include "db.h"

#endif
