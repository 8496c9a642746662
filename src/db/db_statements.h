/* db_statements.h — the statement tables of enum stmt: db_statements.c and the storage files. */
#ifndef PORTAL_DB_STATEMENTS_H
#define PORTAL_DB_STATEMENTS_H

#include "db.h"

extern const char *const db_statement_sql[STMT__MAX];

/* The result columns the reader of each statement of db_statement_sql reads (name and count;
 * sql NULL): one COLUMNS row per statement, checked at start-up by db_prepare_all. */
extern const struct db_statement db_statement_columns[STMT__MAX];

/* The storage files' tables, each indexed by enum stmt and holding only its own statements with
 * their SQL and column counts (DB_STATEMENT rows). */
extern const struct db_statement db_protocol_statements[STMT__MAX]; /* db_protocol.c */
extern const struct db_statement db_instruction_statements[STMT__MAX]; /* db_instruction.c */
extern const struct db_statement db_reception_statements[STMT__MAX]; /* db_reception.c */
extern const struct db_statement db_user_statements[STMT__MAX]; /* db_user.c */
extern const struct db_statement db_survey_statements[STMT__MAX]; /* db_survey.c */
extern const struct db_statement db_scope_statements[STMT__MAX]; /* db_scope.c */

#endif
