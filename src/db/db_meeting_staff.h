/* db_meeting_staff.h — readers of meetings on the staff side: each returns structs, never columns by number. */
#ifndef PORTAL_DB_MEETING_STAFF_H
#define PORTAL_DB_MEETING_STAFF_H

#include "arena.h"
#include "db.h"

#endif
