/* db_discussion.c — the statements of public discussions of draft acts, and their readers (see db_discussion.h). Each DB_STATEMENT row declares the result columns its reader below
 * reads; db_prepare_all prepares this table with the others once per process and refuses to
 * start when a count differs. */
#include "db_discussion.h"

#include "db_statements.h"

const struct db_statement db_discussion_statements[STMT__MAX] = {
	[0] = {0},
};
