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

/* A meeting's kind, territory and venue, for the schedule's statements (see there). */
#define MEETING_JOINS                                                                             \
	"CROSS JOIN meeting_kind k ON k.code = m.kind "                                           \
	"CROSS JOIN territory t ON t.id = m.territory_id LEFT JOIN venue v ON v.id = m.venue_id "

/* ?1 territory, ?2 kind, ?3 from, ?4 to (UTC), ?8 municipality and ?9 its district (issue 18
 * item 4: /m/<slug>/meetings). A meeting's territory is the area it concerns:
 * a territory finds the meetings of the territories inside it (a settlement its microdistricts')
 * and of those above it (a microdistrict the settlement-wide and district-wide ones, issue 21). */
#define MEETING_FILTER "WHERE " PUBLIC_STATUS " " MEETING_CONDITIONS

/* MEETING_FILTER on a municipality's schedule, where ?8 is always bound: the same rows, found
 * from meeting_municipality's entries for the municipality and its district instead of a walk
 * through every meeting of the installation (a settlement's past meetings among a district's
 * 100,000 took 94 ms). */
#define MEETING_FILTER_OF                                                                         \
	"WHERE m.municipality_id IN (?8, ?9) AND " PUBLIC_STATUS " " MEETING_CONDITIONS

/* The conditions of MEETING_FILTER after the public status. */
#define MEETING_CONDITIONS                                                                        \
	"AND (?1 IS NULL OR m.territory_id IN (WITH RECURSIVE "                                    \
	"     down(id) AS (SELECT ?1 UNION SELECT t.id FROM territory t JOIN down "                 \
	"                  ON t.parent_id = down.id), "                                            \
	"     up(id) AS (SELECT parent_id FROM territory WHERE id = ?1 UNION "                      \
	"                SELECT t.parent_id FROM territory t JOIN up ON t.id = up.id) "            \
	"     SELECT id FROM down UNION SELECT id FROM up WHERE id IS NOT NULL)) "                  \
	"AND (?2 IS NULL OR m.kind = ?2) "                                                         \
	"AND (?3 IS NULL OR m.starts_at >= ?3) "                                                   \
	"AND (?4 IS NULL OR m.starts_at < ?4) "                                                    \
	"AND " MEETING_OF_MUNICIPALITY("?8", "?9")


const char *const db_statement_sql[STMT__MAX] = {
	[STMT_HEALTH] = "SELECT count(*) FROM meeting_kind",

	[STMT_DATA_VERSION] = "PRAGMA data_version",
	[STMT_BEGIN_READ] = "BEGIN",
	[STMT_END_READ] = "COMMIT",


	[STMT_KIND_WORDS] = "SELECT code, name, gender, title_stems FROM meeting_kind "
			    "ORDER BY sort_order",

	/* The schedule: upcoming meetings in time order, then past ones newest first (?5 now), as
	 * two queries that each read only the rows of their page. A district's ten years hold
	 * 100,000 meetings: one ORDER BY over both sorted all of them for every page (117 ms, make
	 * bench). Upcoming ones are found by meeting_ends_at and sorted by their start alone (a few
	 * hundred at most; the '+' keeps SQLite from walking the whole start index instead), then
	 * only the page's rows are joined; past ones are read newest first from meeting_starts_at,
	 * stopping at the page's end. CROSS JOIN keeps the meeting the outer loop: SQLite
	 * otherwise starts from the territories and reads every meeting of each. */
	[STMT_MEETING_UPCOMING] = "SELECT " MEETING_SUMMARY_COLUMNS "FROM (SELECT m.id AS pid, "
				  "m.starts_at AS ps FROM meeting m " MEETING_FILTER
				  "AND m.ends_at >= ?5 ORDER BY +m.starts_at, m.id "
				  "LIMIT ?6 OFFSET ?7) p CROSS JOIN meeting m ON m.id = p.pid "
				  MEETING_JOINS "ORDER BY p.ps, p.pid",
	[STMT_MEETING_UPCOMING_COUNT] = "SELECT count(*) FROM meeting m " MEETING_FILTER
					"AND m.ends_at >= ?5",
	[STMT_MEETING_PAST] = "SELECT " MEETING_SUMMARY_COLUMNS "FROM meeting m " MEETING_JOINS
			      MEETING_FILTER "AND +m.ends_at < ?5 ORDER BY m.starts_at DESC, m.id "
			      "LIMIT ?6 OFFSET ?7",
	/* Counted up to ?5 rows: beyond, the page says «более …» instead of reading them all. */
	[STMT_MEETING_COUNT] =
		"SELECT count(*) FROM (SELECT 1 FROM meeting m INDEXED BY meeting_ends_at "
		MEETING_FILTER "LIMIT ?5)", /* the index holds what the filter reads */

	[STMT_MEETING_PAST_OF] = "SELECT " MEETING_SUMMARY_COLUMNS
				 "FROM meeting m INDEXED BY meeting_municipality " MEETING_JOINS
				 MEETING_FILTER_OF "AND +m.ends_at < ?5 ORDER BY m.starts_at DESC, m.id "
				 "LIMIT ?6 OFFSET ?7",
	[STMT_MEETING_COUNT_OF] =
		"SELECT count(*) FROM (SELECT 1 FROM meeting m INDEXED BY meeting_municipality "
		MEETING_FILTER_OF "LIMIT ?5)",

	[STMT_MEETING_RECENT_HELD] = "SELECT " MEETING_SUMMARY_COLUMNS MEETING_FROM
				     "WHERE m.status = 'held' ORDER BY m.starts_at DESC LIMIT ?1",

	[STMT_MEETING_GET] = "SELECT " MEETING_SUMMARY_COLUMNS
			     ", m.description, m.status_reason, m.organising_unit, "
			     "m.expected_attendance, m.attendance, h.full_name, h.position, "
			     "m.updated_at, coalesce(g.name, '') " MEETING_FROM
			     "LEFT JOIN person h ON h.id = m.host_id "
			     "LEFT JOIN info_group g ON g.id = m.group_id "
			     "WHERE m.id = ?1 AND " PUBLIC_STATUS,

	[STMT_MEETING_INVITEES] = "SELECT p.full_name, p.position, p.organisation "
				  "FROM meeting_invitee i JOIN person p ON p.id = i.person_id "
				  "WHERE i.meeting_id = ?1 ORDER BY p.category, p.full_name",



	/* A failure after a quiet period (?5 seconds) or after a lock ran out starts over at 1;
	 * the ?3-th failure in a row locks for ?4 seconds. */

	[STMT_AUDIT_INSERT] = "INSERT INTO audit_log (at, user_id, login, action, entity, entity_id, "
			      "before_json, after_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",

	[STMT_VENUE_LIST] = "SELECT id, name, address FROM venue WHERE "
			    STAFF_SCOPE_SQL("(SELECT municipality_id FROM territory "
					    "WHERE id = venue.territory_id)", "1") " ORDER BY name",

	/* ---- reference data for staff ---- */
	/* UNIQUE (parent_id, name) says nothing about districts, whose parent is NULL. */

	/* ?1 the staff account's body (STAFF_SCOPE_SQL). */

	/* Contacts are read here, for staff pages only; public statements never select them. */


	[STMT_VENUE_TERRITORY] = "SELECT territory_id FROM venue WHERE id = ?1",
	[STMT_MEETING_TERRITORY] = "SELECT territory_id FROM meeting WHERE id = ?1",

	[STMT_PLACE_UNAGREED] =
		"SELECT id, title, starts_at FROM meeting WHERE kind = 'group_field' "
		"AND status IN ('draft', 'approved', 'postponed') AND place_agreed_at IS NULL "
		"AND starts_at > ?1 AND starts_at < ?2 "
		"AND " STAFF_SCOPE_SQL("municipality_id", "3") " ORDER BY starts_at, id",
	/* The candidates come from two small sets, not from every held meeting (a district's
	 * ten years are 100,000): protocols not handed over (protocol_unhanded), and meetings
	 * held since ?3 that have none (the staff home page; the notifier's daily digest leaves
	 * ?3 NULL and reads them all). */
	[STMT_DASH_HELD] =
		"SELECT m.id, m.title, m.starts_at, p.signed_at IS NOT NULL, p.id IS NOT NULL, "
		"coalesce(k.protocol_handover_days, 0) "
		"FROM meeting m CROSS JOIN meeting_kind k ON k.code = m.kind "
		"LEFT JOIN protocol p ON p.meeting_id = m.id "
		"WHERE m.id IN (SELECT meeting_id FROM protocol WHERE handed_at IS NULL UNION ALL "
		"  SELECT n.id FROM meeting n WHERE n.status = 'held' AND n.starts_at >= coalesce(?3, 0) "
		"  AND NOT EXISTS (SELECT 1 FROM protocol q WHERE q.meeting_id = n.id)) "
		"AND m.status = 'held' AND p.handed_at IS NULL "
		"AND (m.kind <> 'personal_reception' OR p.id IS NOT NULL) "
		"AND " STAFF_SCOPE_SQL("m.municipality_id", "2") " "
		"ORDER BY m.starts_at DESC LIMIT ?1",


	/* Changes of place or time after approval, as residents see them (no staff names). */
	[STMT_MEETING_PUBLIC_CHANGES] =
		"SELECT c.at, c.kind, c.old_starts_at, c.new_starts_at, coalesce(ov.name, ''), "
		"coalesce(nv.name, '') FROM meeting_change c "
		"LEFT JOIN venue ov ON ov.id = c.old_venue_id LEFT JOIN venue nv ON nv.id = c.new_venue_id "
		"WHERE c.meeting_id = ?1 AND c.kind IN ('postponed', 'rescheduled', 'place_changed') "
		"ORDER BY c.id",

	[STMT_OUTBOX_ADD] = "INSERT INTO outbox (dedup_key, channel, recipient, subject, body, "
			    "unsubscribe_url, purpose, meeting_id, announcement_id, created_at, "
			    "next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10) "
			    "ON CONFLICT (dedup_key) DO NOTHING",

	/* Counted in the index outbox_due: the sent mail of a year (tens of thousands of rows
	 * with their bodies) is never read — a scan of it cost the staff home page 20 ms. */
	[STMT_OUTBOX_TOTALS] =
		"SELECT (SELECT count(*) FROM outbox WHERE status = 'pending' AND " OUTBOX_SCOPE("1")
		"), (SELECT count(*) FROM outbox WHERE status = 'dead' AND " OUTBOX_SCOPE("1") "), "
		"(SELECT count(*) FROM outbox WHERE status IN ('pending', 'dead') AND channel = 'mail' "
		"AND " OUTBOX_SCOPE("1") ")",
	/* The press office's statements are in db_press.c, the notifier's in db_notify.c. */
	[STMT_MEDIA_LIST] = "SELECT id, name, email, active FROM media_contact "
			    "ORDER BY active DESC, name, id",

	[STMT_OUTBOX_RECENT] = "SELECT 1 FROM outbox WHERE dedup_key IN (?1, ?2) AND created_at > ?3 "
			       "LIMIT 1",
	[STMT_CALENDAR_DAY_GET] = "SELECT kind, note FROM calendar_day WHERE day = ?1",





	/* ---- personal receptions (issue 17) ---- */

	/* Municipalities (issue 18, db_municipality.c). */
	[STMT_MUNICIPALITY_MEETINGS] =
		"SELECT " MEETING_SUMMARY_COLUMNS MEETING_FROM
		"WHERE m.municipality_id IN (?1, ?2) AND " PUBLIC_STATUS " AND m.ends_at >= ?3 AND "
		MEETING_OF_MUNICIPALITY("?1", "?2") "ORDER BY m.starts_at, m.id LIMIT ?4",
	[STMT_MEETING_MUNICIPALITY] =
		"SELECT mu.name, mu.official_name, mu.slug, mu.id FROM meeting m "
		"JOIN municipality mu ON mu.id = m.municipality_id WHERE m.id = ?1",
	/* The information groups of municipality ?1 created before ?2: each must meet at least once
	 * a quarter (regulation № 44 on information groups §3.1). */
	/* The territories whose meetings a municipality's pages may show (issue 18 item 4). */
};

/* How many result columns the reader of each statement above reads: one row per statement, 0 for
 * one that returns no rows (INSERT, UPDATE, DELETE without RETURNING). db_prepare_all compares
 * each with sqlite3_column_count when a program starts and refuses to start on a difference, and
 * on a statement with no row here, naming it: change the count with the SQL and its reader. */
#define COLUMNS(id, count) DB_STATEMENT(id, count, NULL)

const struct db_statement db_statement_columns[STMT__MAX] = {
	COLUMNS(STMT_HEALTH, 1),
	COLUMNS(STMT_DATA_VERSION, 1),
	COLUMNS(STMT_BEGIN_READ, 0),
	COLUMNS(STMT_END_READ, 0),
	COLUMNS(STMT_KIND_WORDS, 4),
	COLUMNS(STMT_MEETING_UPCOMING, 12),
	COLUMNS(STMT_MEETING_UPCOMING_COUNT, 1),
	COLUMNS(STMT_MEETING_PAST, 12),
	COLUMNS(STMT_MEETING_COUNT, 1),
	COLUMNS(STMT_MEETING_PAST_OF, 12),
	COLUMNS(STMT_MEETING_COUNT_OF, 1),
	COLUMNS(STMT_MEETING_RECENT_HELD, 12),
	COLUMNS(STMT_MEETING_GET, 21),
	COLUMNS(STMT_MEETING_INVITEES, 3),
	COLUMNS(STMT_MEETING_PUBLIC_CHANGES, 6),
	COLUMNS(STMT_AUDIT_INSERT, 0),
	COLUMNS(STMT_VENUE_LIST, 3),
	COLUMNS(STMT_VENUE_TERRITORY, 1),
	COLUMNS(STMT_MEETING_TERRITORY, 1),
	COLUMNS(STMT_PLACE_UNAGREED, 3),
	COLUMNS(STMT_DASH_HELD, 6),
	COLUMNS(STMT_OUTBOX_ADD, 0),
	COLUMNS(STMT_OUTBOX_TOTALS, 3),
	COLUMNS(STMT_MEDIA_LIST, 4),
	COLUMNS(STMT_OUTBOX_RECENT, 1),
	COLUMNS(STMT_CALENDAR_DAY_GET, 2),
	COLUMNS(STMT_MUNICIPALITY_MEETINGS, 12),
	COLUMNS(STMT_MEETING_MUNICIPALITY, 4),
};
