/* db_statements.h — the SQL text of enum stmt (see db_statements.c). */
#ifndef PORTAL_DB_STATEMENTS_H
#define PORTAL_DB_STATEMENTS_H

#include "db.h"

extern const char *const db_statement_sql[STMT__MAX];

#endif
