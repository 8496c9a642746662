/* db_notify.c — the statements of the notifier's rules and deliveries, and their readers (see db_notify.h). Each DB_STATEMENT row declares the result columns its reader below
 * reads; db_prepare_all prepares this table with the others once per process and refuses to
 * start when a count differs. */
#include "db_notify.h"

#include "db_statements.h"

const struct db_statement db_notify_statements[STMT__MAX] = {
	[0] = {0},
};
