/* db_discussion.h — readers of discussions: each returns structs, never columns by number. */
#ifndef PORTAL_DB_DISCUSSION_H
#define PORTAL_DB_DISCUSSION_H

#include "arena.h"
#include "db.h"

#endif
