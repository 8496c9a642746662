/* db_statements.h — the statement tables of enum stmt: db_statements.c and the storage files. */
#ifndef PORTAL_DB_STATEMENTS_H
#define PORTAL_DB_STATEMENTS_H

#include "db.h"

extern const char *const db_statement_sql[STMT__MAX];

/* The scope of a staff account in a list statement (issue 18 item 3, migration 028): true when
 * the municipality column col belongs to the body bound as ?n — that municipality or one of the
 * settlements of that district; NULL or 0 (an account of the whole installation) lets every row
 * through. The value to bind is scope_bind_value(req) (scope.h). */
#define STAFF_SCOPE_SQL(col, n)                                                                   \
	"(ifnull(?" n ", 0) = 0 OR " col " IN (SELECT id FROM municipality WHERE id = ?" n        \
	" OR district_id = ?" n "))"

/* A staff account whose body is the column col that may work on the records of the body bound
 * as ?n (an instruction's executor or controller): an account of the whole installation, of that
 * body, of its district, or — for a district — of one of its settlements. NULL or 0 bound (an
 * account of the whole installation choosing) lets every account through. */
#define STAFF_COLLEAGUE_SQL(col, n)                                                               \
	"(ifnull(?" n ", 0) = 0 OR " col " IS NULL OR " col " IN (SELECT id FROM municipality "    \
	"WHERE id = ?" n " OR district_id = ?" n " OR id = (SELECT district_id FROM municipality " \
	"WHERE id = ?" n ")))"

/* The territories that concern the residents of municipality MUN (a bound parameter, issue 18
 * item 4): its own territories, the ones inside them (a district's school in a village), and the
 * ones above them (the district as a whole). */
#define CONCERNING_TERRITORIES(mun)                                                               \
	"WITH RECURSIVE mine(id) AS (SELECT id FROM territory WHERE municipality_id = " mun "), "   \
	"down(id) AS (SELECT id FROM mine UNION SELECT t.id FROM territory t JOIN down "           \
	"             ON t.parent_id = down.id), "                                                 \
	"up(id) AS (SELECT parent_id FROM territory WHERE id IN (SELECT id FROM mine) UNION "       \
	"           SELECT t.parent_id FROM territory t JOIN up ON t.id = up.id) "                 \
	"SELECT id FROM down UNION SELECT id FROM up WHERE id IS NOT NULL"

/* A meeting m on the public pages of municipality MUN (NULL: the whole site) whose district is
 * DIST (NULL for none): its own meetings, and its district's held in a territory that concerns it
 * — in one of its territories or district-wide (issue 18 item 4). Never another settlement's. */
#define MEETING_OF_MUNICIPALITY(mun, dist)                                                        \
	"(" mun " IS NULL OR m.municipality_id = " mun " OR (m.municipality_id = " dist            \
	" AND m.territory_id IN (" CONCERNING_TERRITORIES(mun) "))) "

/* A message belongs where its meeting does, else to the own municipality (scope.c,
 * STMT_SCOPE_OUTBOX); ?n the staff account's body. */
#define OUTBOX_SCOPE(n)                                                                           \
	STAFF_SCOPE_SQL("coalesce((SELECT municipality_id FROM meeting "                          \
			"WHERE id = outbox.meeting_id), "                                          \
			"(SELECT id FROM municipality WHERE own = 1))", n)

/* The municipality that owns an instruction: its protocol's meeting's, else its appeal's, else
 * the own one (the aliases m for the meeting, a for the appeal). */
#define INSTRUCTION_MUNICIPALITY                                                                  \
	"coalesce(m.municipality_id, a.municipality_id, "                                          \
	"(SELECT id FROM municipality WHERE own = 1))"

/* The territories that concern the residents of municipality MUN (a bound parameter, issue 18
 * item 4): its own territories, the ones inside them (a district's school in a village), and the
 * ones above them (the district as a whole). */
#define CONCERNING_TERRITORIES(mun)                                                               \
	"WITH RECURSIVE mine(id) AS (SELECT id FROM territory WHERE municipality_id = " mun "), "   \
	"down(id) AS (SELECT id FROM mine UNION SELECT t.id FROM territory t JOIN down "           \
	"             ON t.parent_id = down.id), "                                                 \
	"up(id) AS (SELECT parent_id FROM territory WHERE id IN (SELECT id FROM mine) UNION "       \
	"           SELECT t.parent_id FROM territory t JOIN up ON t.id = up.id) "                 \
	"SELECT id FROM down UNION SELECT id FROM up WHERE id IS NOT NULL"

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
extern const struct db_statement db_reference_statements[STMT__MAX]; /* db_reference.c */
extern const struct db_statement db_meeting_statements[STMT__MAX]; /* db_meeting.c */
extern const struct db_statement db_appeal_statements[STMT__MAX]; /* db_appeal.c */
extern const struct db_statement db_account_statements[STMT__MAX]; /* db_account.c */
extern const struct db_statement db_meeting_staff_statements[STMT__MAX]; /* db_meeting_staff.c */
extern const struct db_statement db_notify_statements[STMT__MAX]; /* db_notify.c */
extern const struct db_statement db_press_statements[STMT__MAX]; /* db_press.c */
extern const struct db_statement db_discussion_statements[STMT__MAX]; /* db_discussion.c */
extern const struct db_statement db_municipality_statements[STMT__MAX]; /* db_municipality.c */

#endif
