/* db_appeal.c — the statements of the staff's appeal registry and their readers (see db_appeal.h). Each DB_STATEMENT row declares the result columns its reader below
 * reads; db_prepare_all prepares this table with the others once per process and refuses to
 * start when a count differs. */
#include "db_appeal.h"

#include "db_statements.h"

const struct db_statement db_appeal_statements[STMT__MAX] = {
	[0] = {0},
};
