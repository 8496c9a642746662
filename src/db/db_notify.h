/* db_notify.h — readers of the notifier: each returns structs, never columns by number. */
#ifndef PORTAL_DB_NOTIFY_H
#define PORTAL_DB_NOTIFY_H

#include "arena.h"
#include "db.h"

#endif
