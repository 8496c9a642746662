/* db_account.h — readers of the residents' side: each returns structs, never columns by number. */
#ifndef PORTAL_DB_ACCOUNT_H
#define PORTAL_DB_ACCOUNT_H

#include "arena.h"
#include "db.h"

#endif
