/* db_press.c — the statements of the press pages, publications and the outbox, and their readers (see db_press.h). Each DB_STATEMENT row declares the result columns its reader below
 * reads; db_prepare_all prepares this table with the others once per process and refuses to
 * start when a count differs. */
#include "db_press.h"

#include "db_statements.h"

const struct db_statement db_press_statements[STMT__MAX] = {
	[0] = {0},
};
