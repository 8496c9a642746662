/* db_statements.c — the SQL of every statement in enum stmt, one row each. Parameters are always
 * bound (?N), never formatted into the text. */
#include "db_statements.h"

/* Drafts are never public (issue 3): every public query filters on this. */
#define PUBLIC_STATUS "m.status IN ('approved', 'postponed', 'cancelled', 'held')"

#define MEETING_SUMMARY_COLUMNS                                                                   \
	"m.id, m.kind, k.name, m.title, m.status, m.starts_at, m.ends_at, m.postponed_from, "      \
	"m.announced_at, t.name, v.name, v.address "

#define MEETING_FROM                                                                              \
	"FROM meeting m JOIN meeting_kind k ON k.code = m.kind "                                  \
	"JOIN territory t ON t.id = m.territory_id LEFT JOIN venue v ON v.id = m.venue_id "

/* ?1 territory (a settlement also finds its microdistricts), ?2 kind, ?3 from, ?4 to (UTC). */
#define MEETING_FILTER                                                                            \
	"WHERE " PUBLIC_STATUS " "                                                                \
	"AND (?1 IS NULL OR m.territory_id IN (SELECT id FROM territory WHERE id = ?1 "           \
	"     OR parent_id = ?1 OR parent_id IN (SELECT id FROM territory WHERE parent_id = ?1))) " \
	"AND (?2 IS NULL OR m.kind = ?2) "                                                         \
	"AND (?3 IS NULL OR m.starts_at >= ?3) "                                                   \
	"AND (?4 IS NULL OR m.starts_at < ?4) "

const char *const db_statement_sql[STMT__MAX] = {
	[STMT_HEALTH] = "SELECT count(*) FROM meeting_kind",

	[STMT_DATA_VERSION] = "PRAGMA data_version",

	[STMT_TERRITORY_TREE] =
		"WITH RECURSIVE tree(id, name, depth, path) AS ("
		" SELECT id, name, 0, name FROM territory WHERE parent_id IS NULL"
		" UNION ALL"
		" SELECT t.id, t.name, tree.depth + 1, tree.path || char(1) || t.name"
		" FROM territory t JOIN tree ON t.parent_id = tree.id)"
		" SELECT id, name, depth FROM tree ORDER BY path",

	[STMT_KIND_LIST] = "SELECT code, name FROM meeting_kind ORDER BY sort_order",

	/* Upcoming first in time order, then past ones newest first; ?5 is now. */
	[STMT_MEETING_LIST] = "SELECT " MEETING_SUMMARY_COLUMNS MEETING_FROM MEETING_FILTER
			      "ORDER BY m.ends_at < ?5, "
			      "CASE WHEN m.ends_at >= ?5 THEN m.starts_at END, m.starts_at DESC, m.id "
			      "LIMIT ?6 OFFSET ?7",

	[STMT_MEETING_COUNT] = "SELECT count(*) FROM meeting m " MEETING_FILTER,

	[STMT_MEETING_RECENT_HELD] = "SELECT " MEETING_SUMMARY_COLUMNS MEETING_FROM
				     "WHERE m.status = 'held' ORDER BY m.starts_at DESC LIMIT ?1",

	[STMT_MEETING_GET] = "SELECT " MEETING_SUMMARY_COLUMNS
			     ", m.description, m.status_reason, m.organising_unit, "
			     "m.expected_attendance, m.attendance, h.full_name, h.position, "
			     "m.updated_at " MEETING_FROM "LEFT JOIN person h ON h.id = m.host_id "
			     "WHERE m.id = ?1 AND " PUBLIC_STATUS,

	[STMT_MEETING_INVITEES] = "SELECT p.full_name, p.position, p.organisation "
				  "FROM meeting_invitee i JOIN person p ON p.id = i.person_id "
				  "WHERE i.meeting_id = ?1 ORDER BY p.category, p.full_name",
};
