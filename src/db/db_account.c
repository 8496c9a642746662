/* db_account.c — the statements of the residents' side — the account, the public appeal form, Open311 — and their readers (see db_account.h). Each DB_STATEMENT row declares the result columns its reader below
 * reads; db_prepare_all prepares this table with the others once per process and refuses to
 * start when a count differs. */
#include "db_account.h"

#include "db_statements.h"

const struct db_statement db_account_statements[STMT__MAX] = {
	[0] = {0},
};
