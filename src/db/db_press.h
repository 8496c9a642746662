/* db_press.h — readers of the press office: each returns structs, never columns by number. */
#ifndef PORTAL_DB_PRESS_H
#define PORTAL_DB_PRESS_H

#include "arena.h"
#include "db.h"

#endif
