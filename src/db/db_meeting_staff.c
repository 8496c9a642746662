/* db_meeting_staff.c — the statements of the staff's meeting pages, home page and meeting reports, and their readers (see db_meeting_staff.h). Each DB_STATEMENT row declares the result columns its reader below
 * reads; db_prepare_all prepares this table with the others once per process and refuses to
 * start when a count differs. */
#include "db_meeting_staff.h"

#include "db_statements.h"

const struct db_statement db_meeting_staff_statements[STMT__MAX] = {
	[0] = {0},
};
