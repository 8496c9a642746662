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

/* An announced meeting as the press office sees it (STMT_PRESS_UPCOMING, STMT_PRESS_PAST): its
 * latest announcement (a) and the one before it (p), for what a change changed. Drafts never. */
#define PRESS_SELECT                                                                              \
	"SELECT m.id, m.title, k.name, m.status, m.status_reason, m.organising_unit, "             \
	"m.description, t.name, coalesce(h.full_name, ''), coalesce(h.position, ''), "             \
	"a.id, a.kind, a.published_at, a.starts_at, a.ends_at, coalesce(v.name, ''), "             \
	"coalesce(v.address, ''), p.id, p.starts_at, p.ends_at, coalesce(pv.name, ''), "           \
	"coalesce(pv.address, ''), p.venue_id IS NOT a.venue_id "                                  \
	"FROM meeting m CROSS JOIN meeting_kind k ON k.code = m.kind "                             \
	"CROSS JOIN territory t ON t.id = m.territory_id LEFT JOIN person h ON h.id = m.host_id "   \
	"CROSS JOIN announcement a ON a.id = (SELECT id FROM announcement WHERE meeting_id = m.id " \
	"  ORDER BY published_at DESC, id DESC LIMIT 1) "                                          \
	"LEFT JOIN venue v ON v.id = a.venue_id "                                                  \
	"LEFT JOIN announcement p ON p.id = (SELECT id FROM announcement "                         \
	"  WHERE meeting_id = m.id AND kind <> 'cancellation' AND id <> a.id "                     \
	"  AND published_at <= a.published_at ORDER BY published_at DESC, id DESC LIMIT 1) "       \
	"LEFT JOIN venue pv ON pv.id = p.venue_id "                                                \
	"WHERE m.status <> 'draft' AND (?3 IS NULL OR m.id = ?3) "                                 \
	"AND " MEETING_OF_MUNICIPALITY("?4", "?5")

/* A meeting's kind, territory and venue, for the schedule's statements (see there). */
#define MEETING_JOINS                                                                             \
	"CROSS JOIN meeting_kind k ON k.code = m.kind "                                           \
	"CROSS JOIN territory t ON t.id = m.territory_id LEFT JOIN venue v ON v.id = m.venue_id "

/* ?1 territory, ?2 kind, ?3 from, ?4 to (UTC), ?8 municipality and ?9 its district (issue 18
 * item 4: /m/<slug>/meetings). A meeting's territory is the area it concerns:
 * a territory finds the meetings of the territories inside it (a settlement its microdistricts')
 * and of those above it (a microdistrict the settlement-wide and district-wide ones, issue 21). */
#define MEETING_FILTER                                                                            \
	"WHERE " PUBLIC_STATUS " "                                                                \
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

/* A discussion d of a draft on the public pages of municipality MUN (NULL: the whole site):
 * one of its territories or above them; one for the whole site (no territory) is the own
 * municipality's, until discussions name their body. */
#define DISCUSSION_OF_MUNICIPALITY(mun)                                                           \
	"(" mun " IS NULL OR (d.territory_id IS NULL AND " mun " = (SELECT id FROM municipality "  \
	"WHERE own = 1)) OR d.territory_id IN (SELECT id FROM territory WHERE municipality_id = "  \
	mun ") OR d.territory_id IN (WITH RECURSIVE up(id) AS (SELECT parent_id FROM territory "   \
	"WHERE municipality_id = " mun " UNION SELECT t.parent_id FROM territory t JOIN up "       \
	"ON t.id = up.id) SELECT id FROM up WHERE id IS NOT NULL)) "

/* The registry of appeals (page_admin_appeals.c): two plans of one query. */
#define APPEAL_LIST_SELECT                                                                          \
	"SELECT a.id, a.number, a.registered_at, a.status, a.surname, a.name, a.patronymic, "     \
	"a.answer_due, coalesce(nullif(u.full_name, ''), u.login, ''), a.source, a.unit, "         \
	"a.addressee, a.addressee_unit, a.auth_method, a.auth_confirmed "
#define APPEAL_LIST_WHERE                                                                           \
	"LEFT JOIN staff_user u ON u.id = a.executor_id "                                          \
	"WHERE (?1 IS NULL OR a.status = ?1) AND (?2 IS NULL OR a.source = ?2) "                   \
	"AND (?3 IS NULL OR a.territory_id IN (SELECT id FROM territory WHERE id = ?3 "            \
	"     OR parent_id = ?3 OR parent_id IN (SELECT id FROM territory WHERE parent_id = ?3))) " \
	"AND (?4 IS NULL OR a.executor_id = ?4) "                                                  \
	"AND (?5 IS NULL OR (a.answer_due <= ?5 AND a.status IN ('registered', 'in_work'))) "      \
	"AND (?6 IS NULL OR (a.answer_due < ?6 AND a.status IN ('registered', 'in_work'))) "       \
	"AND (?9 IS NULL OR a.topic_code = ?9 OR a.topic_code LIKE ?9 || '.%') "                \
	"AND " STAFF_SCOPE_SQL("a.municipality_id", "10") " "
#define APPEAL_LIST_ORDER "ORDER BY a.status IN ('registered', 'in_work') DESC, a.answer_due, a.id LIMIT ?7"

const char *const db_statement_sql[STMT__MAX] = {
	[STMT_HEALTH] = "SELECT count(*) FROM meeting_kind",

	[STMT_DATA_VERSION] = "PRAGMA data_version",
	[STMT_BEGIN_READ] = "BEGIN",
	[STMT_END_READ] = "COMMIT",

	[STMT_TERRITORY_TREE] =
		"WITH RECURSIVE tree(id, name, depth, path) AS ("
		" SELECT id, name, 0, name FROM territory WHERE parent_id IS NULL"
		" UNION ALL"
		" SELECT t.id, t.name, tree.depth + 1, tree.path || char(1) || t.name"
		" FROM territory t JOIN tree ON t.parent_id = tree.id)"
		" SELECT id, name, depth FROM tree ORDER BY path",

	[STMT_REFERENCE_VERSION] = "SELECT version FROM reference_version WHERE id = 1",
	[STMT_KIND_LIST] = "SELECT code, name FROM meeting_kind ORDER BY sort_order",
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
	[STMT_AUDIT_LIST] = "SELECT id, at, login, action, entity, entity_id, before_json, after_json "
			    "FROM audit_log WHERE (?1 IS NULL OR user_id = ?1) "
			    "AND (?2 IS NULL OR entity = ?2) AND (?3 IS NULL OR at >= ?3) "
			    "AND (?4 IS NULL OR at < ?4) ORDER BY id DESC LIMIT ?5",

	[STMT_STAFF_MEETING_LIST] =
		"SELECT m.id, k.name, m.title, m.status, m.starts_at, t.name, coalesce(v.name, ''), "
		"m.announced_at, m.exception_reason, m.expected_attendance, m.police_notified_at, "
		"m.kind FROM meeting m JOIN meeting_kind k ON k.code = m.kind "
		"JOIN territory t ON t.id = m.territory_id LEFT JOIN venue v ON v.id = m.venue_id "
		"WHERE (?1 IS NULL OR m.status = ?1) AND (?2 IS NULL OR m.kind = ?2) "
		"AND (?3 IS NULL OR m.territory_id IN (SELECT id FROM territory WHERE id = ?3 "
		"     OR parent_id = ?3 OR parent_id IN (SELECT id FROM territory WHERE parent_id = ?3))) "
		"AND (?4 IS NULL OR m.starts_at >= ?4) AND (?5 IS NULL OR m.starts_at < ?5) "
		"AND " STAFF_SCOPE_SQL("m.municipality_id", "7") " "
		"ORDER BY m.starts_at DESC LIMIT ?6",
	[STMT_STAFF_MEETING_GET] =
		"SELECT kind, title, territory_id, venue_id, starts_at, ends_at, host_id, "
		"organising_unit, expected_attendance, description, theses, analytical_note, "
		"reference_materials, status, status_reason, postponed_from, announced_at, "
		"attendance, approved_at, exception_reason, police_notified_at, group_id "
		"FROM meeting WHERE id = ?1",
	[STMT_STAFF_MEETING_INSERT] =
		"INSERT INTO meeting (kind, title, territory_id, venue_id, starts_at, ends_at, host_id, "
		"organising_unit, expected_attendance, description, theses, analytical_note, "
		"reference_materials, group_id, status, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 'draft', ?15, ?15)",
	[STMT_STAFF_MEETING_UPDATE] =
		"UPDATE meeting SET kind = ?2, title = ?3, territory_id = ?4, venue_id = ?5, "
		"starts_at = ?6, ends_at = ?7, host_id = ?8, organising_unit = ?9, "
		"expected_attendance = ?10, description = ?11, theses = ?12, analytical_note = ?13, "
		"reference_materials = ?14, group_id = ?15, updated_at = ?16 WHERE id = ?1",
	[STMT_STAFF_MEETING_JSON] =
		"SELECT json_object('kind', kind, 'title', title, 'territory_id', territory_id, "
		"'venue_id', venue_id, 'starts_at', starts_at, 'ends_at', ends_at, 'host_id', host_id, "
		"'organising_unit', organising_unit, 'expected_attendance', expected_attendance, "
		"'description', description, 'status', status, 'status_reason', status_reason, "
		"'postponed_from', postponed_from, 'attendance', attendance, "
		"'exception_reason', exception_reason, 'police_notified_at', police_notified_at, "
		"'group_id', group_id, "
		"'invitees', (SELECT json_group_array(person_id) FROM meeting_invitee "
		"             WHERE meeting_id = ?1), "
		"'reference_groups', (SELECT json_group_array(group_id) FROM "
		"  (SELECT group_id FROM meeting_reference_group WHERE meeting_id = ?1 "
		"   ORDER BY group_id))) FROM meeting WHERE id = ?1",
	[STMT_MEETING_INVITEE_CLEAR] = "DELETE FROM meeting_invitee WHERE meeting_id = ?1",
	[STMT_MEETING_INVITEE_ADD] = "INSERT OR IGNORE INTO meeting_invitee (meeting_id, person_id) "
				     "VALUES (?1, ?2)",
	[STMT_MEETING_INVITEE_IDS] = "SELECT person_id FROM meeting_invitee WHERE meeting_id = ?1",
	[STMT_MEETING_SET_STATUS] = "UPDATE meeting SET status = ?2, status_reason = ?3, "
				    "updated_at = ?4 WHERE id = ?1",
	[STMT_MEETING_APPROVE] = "UPDATE meeting SET status = 'approved', approved_at = ?2, "
				 "approved_by = ?3, exception_reason = ?4, updated_at = ?2 "
				 "WHERE id = ?1",
	[STMT_MEETING_POSTPONE] = "UPDATE meeting SET status = 'postponed', postponed_from = starts_at, "
				  "starts_at = ?2, ends_at = ?3, status_reason = ?4, announced_at = NULL, "
				  "updated_at = ?5 WHERE id = ?1",
	[STMT_MEETING_HELD] = "UPDATE meeting SET status = 'held', attendance = ?2, updated_at = ?3 "
			      "WHERE id = ?1",
	[STMT_MEETING_POLICE_NOTIFIED] = "UPDATE meeting SET police_notified_at = ?2, updated_at = ?2 "
					 "WHERE id = ?1",
	[STMT_MEETING_UNANNOUNCE] = "UPDATE meeting SET announced_at = NULL WHERE id = ?1",
	[STMT_MEETING_SET_EXCEPTION] = "UPDATE meeting SET exception_reason = ?2 WHERE id = ?1",
	[STMT_MEETING_MARK_MOVED] = "UPDATE meeting SET status = 'postponed', postponed_from = ?2, "
				    "status_reason = '' WHERE id = ?1",
	[STMT_MEETING_CHANGE_INSERT] =
		"INSERT INTO meeting_change (meeting_id, at, user_id, kind, old_starts_at, "
		"old_venue_id, new_starts_at, new_venue_id, reason) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[STMT_MEETING_CHANGE_LIST] =
		"SELECT c.at, c.kind, c.old_starts_at, c.new_starts_at, c.reason, "
		"coalesce(u.login, '') FROM meeting_change c "
		"LEFT JOIN staff_user u ON u.id = c.user_id WHERE c.meeting_id = ?1 ORDER BY c.id",
	[STMT_VENUE_LIST] = "SELECT id, name, address FROM venue WHERE "
			    STAFF_SCOPE_SQL("(SELECT municipality_id FROM territory "
					    "WHERE id = venue.territory_id)", "1") " ORDER BY name",
	[STMT_PERSON_LIST] = "SELECT id, full_name, position FROM person ORDER BY full_name",

	/* ---- reference data for staff ---- */
	[STMT_TERRITORY_ADMIN_TREE] =
		"WITH RECURSIVE tree(id, name, depth, path, level, parent_id) AS ("
		" SELECT id, name, 0, name, level, parent_id FROM territory WHERE parent_id IS NULL"
		" UNION ALL"
		" SELECT t.id, t.name, tree.depth + 1, tree.path || char(1) || t.name, t.level,"
		" t.parent_id FROM territory t JOIN tree ON t.parent_id = tree.id)"
		" SELECT id, name, depth, level, parent_id,"
		" (SELECT count(*) FROM venue v WHERE v.territory_id = tree.id),"
		" (SELECT count(*) FROM meeting m WHERE m.territory_id = tree.id)"
		" FROM tree ORDER BY path",
	[STMT_TERRITORY_GET] = "SELECT t.name, t.level, t.parent_id, coalesce(p.name, '') "
			       "FROM territory t LEFT JOIN territory p ON p.id = t.parent_id "
			       "WHERE t.id = ?1",
	/* UNIQUE (parent_id, name) says nothing about districts, whose parent is NULL. */
	[STMT_TERRITORY_NAME_TAKEN] = "SELECT 1 FROM territory WHERE parent_id IS ?1 AND name = ?2 "
				      "AND id IS NOT ?3",
	[STMT_TERRITORY_INSERT] = "INSERT INTO territory (parent_id, level, name, municipality_id) "
				  "VALUES (?1, ?2, ?3, ?4)",
	[STMT_TERRITORY_RENAME] = "UPDATE territory SET name = ?2 WHERE id = ?1",
	[STMT_TERRITORY_JSON] = "SELECT json_object('name', name, 'level', level, "
				"'parent_id', parent_id) FROM territory WHERE id = ?1",

	/* ?1 the staff account's body (STAFF_SCOPE_SQL). */
	[STMT_VENUE_ADMIN_LIST] = "SELECT v.id, v.name, v.address, v.kind, v.capacity, t.name "
				  "FROM venue v JOIN territory t ON t.id = v.territory_id "
				  "WHERE " STAFF_SCOPE_SQL("t.municipality_id", "1") " "
				  "ORDER BY v.name, v.id",
	[STMT_VENUE_GET] = "SELECT name, address, kind, capacity, territory_id FROM venue WHERE id = ?1",
	[STMT_VENUE_INSERT] = "INSERT INTO venue (territory_id, name, address, kind, capacity) "
			      "VALUES (?1, ?2, ?3, ?4, ?5)",
	[STMT_VENUE_UPDATE] = "UPDATE venue SET territory_id = ?2, name = ?3, address = ?4, "
			      "kind = ?5, capacity = ?6 WHERE id = ?1",
	[STMT_VENUE_JSON] = "SELECT json_object('name', name, 'address', address, 'kind', kind, "
			    "'capacity', capacity, 'territory_id', territory_id) FROM venue WHERE id = ?1",

	/* Contacts are read here, for staff pages only; public statements never select them. */
	[STMT_PERSON_ADMIN_LIST] = "SELECT id, full_name, position, organisation, category, email, "
				   "phone FROM person WHERE (?1 IS NULL OR category = ?1) "
				   "ORDER BY full_name, id",
	[STMT_PERSON_GET] = "SELECT full_name, position, organisation, category, email, phone "
			    "FROM person WHERE id = ?1",
	[STMT_PERSON_INSERT] = "INSERT INTO person (full_name, position, organisation, category, "
			       "email, phone) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[STMT_PERSON_UPDATE] = "UPDATE person SET full_name = ?2, position = ?3, organisation = ?4, "
			       "category = ?5, email = ?6, phone = ?7 WHERE id = ?1",
	[STMT_PERSON_JSON] = "SELECT json_object('full_name', full_name, 'position', position, "
			     "'organisation', organisation, 'category', category, 'email', email, "
			     "'phone', phone) FROM person WHERE id = ?1",

	[STMT_GROUP_LIST] = "SELECT g.id, g.name, t.name, coalesce(l.full_name, ''), "
			    "coalesce(s.full_name, ''), "
			    "(SELECT count(*) FROM info_group_member m WHERE m.group_id = g.id) "
			    "FROM info_group g JOIN territory t ON t.id = g.territory_id "
			    "LEFT JOIN person l ON l.id = g.leader_id "
			    "LEFT JOIN person s ON s.id = g.secretary_id "
			    "WHERE " STAFF_SCOPE_SQL("t.municipality_id", "1") " "
			    "ORDER BY g.name, g.id",
	[STMT_GROUP_OPTIONS] = "SELECT g.id, g.name, t.name FROM info_group g "
			       "JOIN territory t ON t.id = g.territory_id "
			       "WHERE " STAFF_SCOPE_SQL("t.municipality_id", "1") " "
			       "ORDER BY g.name, g.id",
	[STMT_GROUP_GET] = "SELECT name, territory_id, leader_id, secretary_id, created_at "
			   "FROM info_group WHERE id = ?1",
	[STMT_GROUP_INSERT] = "INSERT INTO info_group (name, territory_id, leader_id, secretary_id, "
			      "created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
	[STMT_GROUP_UPDATE] = "UPDATE info_group SET name = ?2, territory_id = ?3, leader_id = ?4, "
			      "secretary_id = ?5 WHERE id = ?1",
	[STMT_GROUP_JSON] = "SELECT json_object('name', name, 'territory_id', territory_id, "
			    "'leader_id', leader_id, 'secretary_id', secretary_id, "
			    "'members', (SELECT json_group_array(person_id) FROM "
			    "  (SELECT person_id FROM info_group_member WHERE group_id = ?1 "
			    "   ORDER BY person_id))) FROM info_group WHERE id = ?1",
	[STMT_GROUP_MEMBER_CLEAR] = "DELETE FROM info_group_member WHERE group_id = ?1",
	[STMT_GROUP_MEMBER_ADD] = "INSERT OR IGNORE INTO info_group_member (group_id, person_id) "
				  "VALUES (?1, ?2)",
	[STMT_GROUP_MEMBERS] = "SELECT p.id, p.full_name, p.position FROM info_group_member m "
			       "JOIN person p ON p.id = m.person_id WHERE m.group_id = ?1 "
			       "ORDER BY p.full_name, p.id",

	[STMT_VENUE_TERRITORY] = "SELECT territory_id FROM venue WHERE id = ?1",
	[STMT_MEETING_TERRITORY] = "SELECT territory_id FROM meeting WHERE id = ?1",
	[STMT_INFORMED_PEOPLE] =
		"WITH people(person_id, member) AS ("
		" SELECT person_id, 0 FROM meeting_invitee WHERE meeting_id = ?1"
		" UNION SELECT gm.person_id, 1 FROM meeting m"
		" JOIN info_group_member gm ON gm.group_id = m.group_id WHERE m.id = ?1"
		" AND gm.person_id NOT IN (SELECT person_id FROM meeting_invitee WHERE meeting_id = ?1)) "
		"SELECT p.id, p.full_name, p.position, p.organisation, p.email, p.phone, pe.member, "
		"f.informed_at, coalesce(u.login, ''), "
		"(SELECT o.status FROM outbox o WHERE o.meeting_id = ?1 AND o.channel = 'mail' "
		"  AND p.email <> '' AND lower(o.recipient) = lower(p.email) "
		"  AND o.purpose IN ('announcement', 'change') "
		"  ORDER BY o.status = 'sent' DESC, o.status = 'pending' DESC, o.id DESC LIMIT 1), "
		"(SELECT max(o.sent_at) FROM outbox o WHERE o.meeting_id = ?1 AND o.channel = 'mail' "
		"  AND p.email <> '' AND lower(o.recipient) = lower(p.email) AND o.status = 'sent' "
		"  AND o.purpose IN ('announcement', 'change')) "
		"FROM people pe JOIN person p ON p.id = pe.person_id "
		"LEFT JOIN meeting_informed f ON f.meeting_id = ?1 AND f.person_id = p.id "
		"LEFT JOIN staff_user u ON u.id = f.informed_by "
		"ORDER BY pe.member, p.full_name, p.id",
	[STMT_INFORMED_MARK] =
		"INSERT INTO meeting_informed (meeting_id, person_id, informed_at, informed_by) "
		"VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING RETURNING 1",
	[STMT_SERIES_INSERT] = "INSERT INTO meeting_series (title, kind, rule, description, "
			       "created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[STMT_SERIES_MEETING_INSERT] =
		"INSERT INTO meeting (series_id, kind, title, territory_id, venue_id, starts_at, "
		"ends_at, host_id, description, status, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'draft', ?10, ?10)",
	/* ?1 the account's scope: a series belongs where its first meeting does. */
	[STMT_SERIES_LIST] = "SELECT s.id, s.title, k.name, (SELECT count(*) FROM meeting m "
			     "WHERE m.series_id = s.id) FROM meeting_series s "
			     "JOIN meeting_kind k ON k.code = s.kind WHERE "
			     STAFF_SCOPE_SQL("coalesce((SELECT municipality_id FROM meeting "
					     "WHERE series_id = s.id ORDER BY id LIMIT 1), "
					     "(SELECT id FROM municipality WHERE own = 1))", "1")
			     " ORDER BY s.id DESC",
	[STMT_SERIES_GET] = "SELECT s.title, k.name FROM meeting_series s "
			    "JOIN meeting_kind k ON k.code = s.kind WHERE s.id = ?1",
	[STMT_SERIES_MEETINGS] =
		"SELECT m.id, m.starts_at, coalesce(v.name || ', ' || v.address, t.name), "
		"CASE m.status WHEN 'draft' THEN 'черновик' WHEN 'approved' THEN 'утверждена' "
		"WHEN 'postponed' THEN 'перенесена' WHEN 'cancelled' THEN 'отменена' "
		"ELSE 'проведена' END "
		"FROM meeting m JOIN territory t ON t.id = m.territory_id "
		"LEFT JOIN venue v ON v.id = m.venue_id WHERE m.series_id = ?1 ORDER BY m.starts_at",

	[STMT_PLACE_AGREEMENT_GET] =
		"SELECT m.kind, m.status, m.starts_at, m.place_agreed_at, "
		"coalesce(nullif(u.full_name, ''), u.login, ''), m.place_agreed_note "
		"FROM meeting m LEFT JOIN staff_user u ON u.id = m.place_agreed_by WHERE m.id = ?1",
	[STMT_PLACE_AGREE] =
		"UPDATE meeting SET place_agreed_at = ?2, place_agreed_by = ?3, place_agreed_note = ?4, "
		"updated_at = ?2 WHERE id = ?1",
	[STMT_PLACE_UNAGREED] =
		"SELECT id, title, starts_at FROM meeting WHERE kind = 'group_field' "
		"AND status IN ('draft', 'approved', 'postponed') AND place_agreed_at IS NULL "
		"AND starts_at > ?1 AND starts_at < ?2 "
		"AND " STAFF_SCOPE_SQL("municipality_id", "3") " ORDER BY starts_at, id",
	/* The staff home page's lists and counts: each of the account's body only (?N of
	 * STAFF_SCOPE_SQL; unbound for the notifier and the reports: every one). */
	[STMT_DASH_DRAFTS] = "SELECT id, title, starts_at, kind FROM meeting WHERE status = 'draft' "
			     "AND starts_at > ?1 AND " STAFF_SCOPE_SQL("municipality_id", "2") " "
			     "ORDER BY starts_at LIMIT 50",
	[STMT_DASH_UNANNOUNCED] = "SELECT id, title, starts_at FROM meeting "
				  "WHERE status IN ('approved', 'postponed') AND announced_at IS NULL "
				  "AND starts_at > ?1 AND " STAFF_SCOPE_SQL("municipality_id", "2") " "
				  "ORDER BY starts_at LIMIT 50",
	[STMT_DASH_POLICE] = "SELECT id, title, starts_at FROM meeting WHERE expected_attendance >= ?2 "
			     "AND police_notified_at IS NULL AND status IN ('draft', 'approved', "
			     "'postponed') AND starts_at > ?1 "
			     "AND " STAFF_SCOPE_SQL("municipality_id", "3") " "
			     "ORDER BY starts_at LIMIT 50",
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
	[STMT_DASH_VIOLATIONS] =
		"SELECT m.id, m.title, m.starts_at FROM meeting m WHERE m.status IN ('approved', "
		"'postponed') AND m.starts_at > ?1 AND EXISTS (SELECT 1 FROM rule_violation r "
		"WHERE r.meeting_id = m.id AND r.starts_at = m.starts_at) "
		"AND " STAFF_SCOPE_SQL("m.municipality_id", "2") " ORDER BY m.starts_at LIMIT 50",
	[STMT_DASH_KIND_COUNT] = "SELECT count(*) FILTER (WHERE status = 'held'), "
				 "count(*) FILTER (WHERE status IN ('approved', 'postponed')) "
				 "FROM meeting WHERE kind = ?1 AND starts_at >= ?2 AND starts_at < ?3 "
				 "AND " STAFF_SCOPE_SQL("municipality_id", "4"),
	/* Each group's counts from meeting_group_kind (a join made SQLite scan every meeting
	 * for a Bloom filter: 50 ms with a district's 100,000). */
	[STMT_DASH_GROUPS] = "SELECT g.id, g.name, "
			     "(SELECT count(*) FROM meeting m WHERE m.group_id = g.id "
			     " AND m.kind = 'group_field' AND m.starts_at >= ?1 AND m.starts_at < ?2 "
			     " AND m.status = 'held'), "
			     "(SELECT count(*) FROM meeting m WHERE m.group_id = g.id "
			     " AND m.kind = 'group_field' AND m.starts_at >= ?1 AND m.starts_at < ?2 "
			     " AND m.status IN ('approved', 'postponed')) "
			     "FROM info_group g "
			     "WHERE " STAFF_SCOPE_SQL("(SELECT municipality_id FROM territory "
						      "WHERE id = g.territory_id)", "3") " "
			     "ORDER BY g.name",

	[STMT_REPORT_VIOLATIONS] =
		"SELECT m.id, m.title, r.starts_at, m.status, r.deadline_at FROM rule_violation r "
		"JOIN meeting m ON m.id = r.meeting_id WHERE r.starts_at >= ?1 AND r.starts_at < ?2 "
		"AND (?3 IS NULL OR m.municipality_id = ?3) ORDER BY r.starts_at, m.id",
	[STMT_REPORT_EXCEPTIONS] =
		"SELECT id, title, starts_at, exception_reason FROM meeting WHERE exception_reason <> '' "
		"AND starts_at >= ?1 AND starts_at < ?2 AND (?3 IS NULL OR municipality_id = ?3) "
		"ORDER BY starts_at, id",
	/* Answered after the local date due, or forwarded after the forwarding date due (7 days,
	 * 59-ФЗ art. 8 part 3): both are late in the timeliness table too. */
	[STMT_REPORT_ANSWERED_LATE] =
		"SELECT a.number, coalesce(t.name, ''), 'answered', a.answer_due, "
		"date(a.answered_at + ?3, 'unixepoch'), "
		"CAST(julianday(date(a.answered_at + ?3, 'unixepoch')) - julianday(a.answer_due) AS INTEGER), "
		"a.answered_at, a.id "
		"FROM appeal a LEFT JOIN appeal_topic t ON t.code = a.topic_code "
		"WHERE a.answered_at >= ?1 AND a.answered_at < ?2 "
		"AND date(a.answered_at + ?3, 'unixepoch') > a.answer_due "
		"AND (?4 IS NULL OR a.municipality_id = ?4) "
		"UNION ALL "
		"SELECT a.number, coalesce(t.name, ''), 'forwarded', a.forward_due, "
		"date(a.forwarded_at + ?3, 'unixepoch'), "
		"CAST(julianday(date(a.forwarded_at + ?3, 'unixepoch')) - julianday(a.forward_due) AS INTEGER), "
		"a.forwarded_at, a.id "
		"FROM appeal a LEFT JOIN appeal_topic t ON t.code = a.topic_code "
		"WHERE a.forwarded_at >= ?1 AND a.forwarded_at < ?2 "
		"AND date(a.forwarded_at + ?3, 'unixepoch') > a.forward_due "
		"AND (?4 IS NULL OR a.municipality_id = ?4) ORDER BY 7, 8",
	[STMT_REPORT_OPEN_OVERDUE] =
		"SELECT a.number, coalesce(t.name, ''), a.answer_due, "
		"CAST(julianday(?1) - julianday(a.answer_due) AS INTEGER) "
		"FROM appeal a LEFT JOIN appeal_topic t ON t.code = a.topic_code "
		"WHERE a.status IN ('registered', 'in_work') AND a.answer_due < ?1 "
		"AND (?2 IS NULL OR a.municipality_id = ?2) ORDER BY a.answer_due, a.id",
	/* Every held meeting but a personal reception (recorded in the appeals registry, not in a
	 * protocol) must have a protocol (order № 2 of the Zelenoborsk head §4.1, regulation № 44
	 * on information groups §3.6.9); a reception only when one was made anyway. The same rule
	 * as STMT_DASH_HELD. */
	[STMT_REPORT_PROTOCOLS] =
		"SELECT m.id, m.title, m.starts_at, p.id IS NOT NULL, p.signed_at IS NOT NULL, "
		"p.handed_at, coalesce(k.protocol_handover_days, 0) FROM meeting m "
		"JOIN meeting_kind k ON k.code = m.kind LEFT JOIN protocol p ON p.meeting_id = m.id "
		"WHERE m.status = 'held' AND m.starts_at >= ?1 AND m.starts_at < ?2 "
		"AND (?3 IS NULL OR m.municipality_id = ?3) "
		"AND (m.kind <> 'personal_reception' OR p.id IS NOT NULL) ORDER BY m.starts_at, m.id",
	/* Executed on the local day of the executor's last report, once reported or accepted; an
	 * instruction still with the executor is late from the day after its due date. Only those
	 * in force: a draft protocol's are proposals. */
	[STMT_REPORT_INSTRUCTIONS_LATE] =
		"SELECT i.id, i.text, i.unit, i.due_on, i.status, i.done_on, "
		"CAST(julianday(coalesce(i.done_on, ?3)) - julianday(i.due_on) AS INTEGER), "
		"coalesce(m.title, ''), coalesce(a.number, '') FROM ("
		" SELECT n.*, CASE WHEN n.status IN ('reported', 'accepted') THEN "
		" (SELECT date(max(e.at) + ?4, 'unixepoch') FROM instruction_event e "
		"  WHERE e.instruction_id = n.id AND e.status = 'reported') END AS done_on "
		" FROM instruction n WHERE n.due_on >= ?1 AND n.due_on <= ?2 "
		" AND n.status <> 'cancelled' AND (n.protocol_id IS NULL OR EXISTS (SELECT 1 "
		" FROM protocol s WHERE s.id = n.protocol_id AND s.signed_at IS NOT NULL))) i "
		"LEFT JOIN protocol p ON p.id = i.protocol_id LEFT JOIN meeting m ON m.id = p.meeting_id "
		"LEFT JOIN appeal a ON a.id = i.appeal_id "
		"WHERE coalesce(i.done_on, ?3) > i.due_on "
		"AND (?5 IS NULL OR coalesce(m.municipality_id, a.municipality_id) = ?5) "
		"ORDER BY i.due_on, i.id",
	/* The yearly analysis in one pass: appeals of the two years counted by every breakdown at
	 * once (report_appeals.c sums them per table). The topic is the code cut to the topic
	 * level (SSSS.TTTT.NNNN; a subject's code as it is), so a question counts under its topic;
	 * timeliness: answered or forwarded by the local date due, left without an answer under
	 * art. 11, still open before or after the date due. */
	[STMT_REPORT_APPEALS_CUBE] =
		"WITH c AS (SELECT a.year AS y, substr(a.topic_code, 1, 14) AS topic, "
		"a.territory_id AS territory, a.source AS source, coalesce(a.outcome, 'open') AS outcome, "
		"CASE "
		"WHEN a.outcome = 'answered' THEN CASE WHEN date(a.answered_at + ?3, 'unixepoch') <= "
		"  a.answer_due THEN 'answered_on_time' ELSE 'answered_late' END "
		"WHEN a.outcome = 'forwarded' THEN CASE WHEN date(a.forwarded_at + ?3, 'unixepoch') <= "
		"  a.forward_due THEN 'forwarded_on_time' ELSE 'forwarded_late' END "
		"WHEN a.outcome IS NOT NULL THEN 'closed' "
		"WHEN a.answer_due < ?4 THEN 'open_overdue' ELSE 'open' END AS timely, count(*) AS n "
		"FROM appeal a WHERE a.year IN (?1, ?2) AND (?5 IS NULL OR a.municipality_id = ?5) "
		"GROUP BY 1, 2, 3, 4, 5, 6) "
		"SELECT c.y, t.code, t.name, s.code, s.name, tr.id, tr.name, c.source, c.outcome, "
		"c.timely, c.n FROM c LEFT JOIN appeal_topic t ON t.code = c.topic "
		"LEFT JOIN appeal_topic s ON s.code = substr(c.topic, 1, 4) "
		"LEFT JOIN territory tr ON tr.id = c.territory",
	/* Instructions given: those of the signed protocols of the group's meetings of the period
	 * but the cancelled ones (as in the compliance report); executed: accepted by the
	 * controller. */
	[STMT_REPORT_GROUPS] =
		"SELECT g.name, t.name, count(m.id), coalesce(sum(m.attendance), 0), "
		"(SELECT count(*) FROM appeal a JOIN meeting am ON am.id = a.meeting_id "
		" WHERE am.group_id = g.id AND am.starts_at >= ?1 AND am.starts_at < ?2), "
		"(SELECT count(*) FROM instruction i JOIN protocol p ON p.id = i.protocol_id "
		" JOIN meeting im ON im.id = p.meeting_id WHERE im.group_id = g.id "
		" AND im.status = 'held' AND im.starts_at >= ?1 AND im.starts_at < ?2 "
		" AND i.status <> 'cancelled' AND p.signed_at IS NOT NULL), "
		"(SELECT count(*) FROM instruction i JOIN protocol p ON p.id = i.protocol_id "
		" JOIN meeting im ON im.id = p.meeting_id WHERE im.group_id = g.id "
		" AND im.status = 'held' AND im.starts_at >= ?1 AND im.starts_at < ?2 "
		" AND i.status = 'accepted'), t.id "
		"FROM info_group g JOIN territory t ON t.id = g.territory_id "
		"LEFT JOIN meeting m ON m.group_id = g.id AND m.status = 'held' "
		"AND m.starts_at >= ?1 AND m.starts_at < ?2 GROUP BY g.id ORDER BY g.name",
	/* The state at the end of the month (?2): an outcome is final and closed_at is the instant
	 * it was reached (the same as its appeal_event), so an appeal closed later was still open
	 * then; re-exporting a past month gives the same numbers. */
	[STMT_REPORT_MONTHLY] =
		"SELECT a.topic_code, t.name, count(*), "
		"count(*) FILTER (WHERE a.outcome = 'answered' AND coalesce(a.closed_at, 0) < ?2), "
		"count(*) FILTER (WHERE a.outcome = 'forwarded' AND coalesce(a.closed_at, 0) < ?2), "
		"count(*) FILTER (WHERE a.outcome IN ('no_address', 'abusive', 'unreadable', 'repeated') "
		"AND coalesce(a.closed_at, 0) < ?2), "
		"count(*) FILTER (WHERE a.outcome IS NULL OR coalesce(a.closed_at, 0) >= ?2) "
		"FROM appeal a LEFT JOIN appeal_topic t ON t.code = a.topic_code "
		"WHERE a.received_at >= ?1 AND a.received_at < ?2 "
		"GROUP BY a.topic_code ORDER BY a.topic_code IS NULL, a.topic_code",
	/* A group's field meetings in one quarter [?1, ?2), of them in the report's part of it
	 * [?3, ?4), and the planned ones; with the group's creation, which decides whether the
	 * quarter counts (report_compliance.c). */
	[STMT_REPORT_GROUP_QUARTER] =
		"SELECT g.id, g.name, g.created_at, "
		"count(m.id) FILTER (WHERE m.status = 'held'), "
		"count(m.id) FILTER (WHERE m.status = 'held' AND m.starts_at >= ?3 AND m.starts_at < ?4), "
		"count(m.id) FILTER (WHERE m.status IN ('approved', 'postponed')) "
		"FROM info_group g LEFT JOIN meeting m ON m.group_id = g.id AND m.kind = 'group_field' "
		"AND m.starts_at >= ?1 AND m.starts_at < ?2 "
		"WHERE ?5 IS NULL OR g.territory_id IN (SELECT id FROM territory WHERE municipality_id = ?5) "
		"GROUP BY g.id ORDER BY g.name",

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

	[STMT_NOTIFY_UNANNOUNCED] =
		"SELECT id, starts_at, exception_reason, venue_id IS NOT NULL, kind FROM meeting "
		"WHERE status IN ('approved', 'postponed') AND announced_at IS NULL AND starts_at > ?1 "
		"ORDER BY starts_at, id",
	[STMT_NOTIFY_VIOLATION_ADD] =
		"INSERT INTO rule_violation (meeting_id, rule, deadline_at, detected_at, details, "
		"starts_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING RETURNING id",
	[STMT_NOTIFY_PREVIOUS] =
		"SELECT a.starts_at, coalesce(v.name, ''), coalesce(v.address, '') FROM announcement a "
		"LEFT JOIN venue v ON v.id = a.venue_id WHERE a.meeting_id = ?1 "
		"AND a.kind IN ('announcement', 'change') ORDER BY a.id DESC LIMIT 1",
	[STMT_NOTIFY_LAST_CHANGE] = "SELECT max(id) FROM meeting_change WHERE meeting_id = ?1",
	[STMT_NOTIFY_ANNOUNCEMENT_ADD] =
		"INSERT INTO announcement (meeting_id, kind, published_at, starts_at, ends_at, "
		"venue_id, five_days_kept, change_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
		"RETURNING id",
	[STMT_NOTIFY_MARK_ANNOUNCED] =
		"UPDATE meeting SET announced_at = ?2 WHERE id = ?1 AND announced_at IS NULL",
	[STMT_NOTIFY_CANCELLED] =
		"SELECT m.id FROM meeting m WHERE m.status = 'cancelled' "
		"AND EXISTS (SELECT 1 FROM announcement a WHERE a.meeting_id = m.id "
		"            AND a.kind IN ('announcement', 'change')) "
		"AND NOT EXISTS (SELECT 1 FROM announcement a WHERE a.meeting_id = m.id "
		"                AND a.kind = 'cancellation') ORDER BY m.id",
	[STMT_NOTIFY_RECIPIENTS] =
		"WITH RECURSIVE up(id) AS ("
		" SELECT territory_id FROM meeting WHERE id = ?1"
		" UNION SELECT t.parent_id FROM territory t JOIN up ON t.id = up.id"
		" WHERE t.parent_id IS NOT NULL), "
		"down(id) AS (SELECT territory_id FROM meeting WHERE id = ?1"
		" UNION SELECT t.id FROM territory t JOIN down ON t.parent_id = down.id) "
		"SELECT 0, email, '' FROM media_contact WHERE active = 1 "
		"UNION ALL SELECT 1, p.email, '' FROM meeting_invitee i "
		"JOIN person p ON p.id = i.person_id WHERE i.meeting_id = ?1 AND p.email <> '' "
		"UNION ALL SELECT 1, p.email, '' FROM meeting m "
		"JOIN info_group_member gm ON gm.group_id = m.group_id "
		"JOIN person p ON p.id = gm.person_id WHERE m.id = ?1 AND p.email <> '' "
		/* A participant who withdrew consent (152-ФЗ) gets nothing; the token is in the
		 * link that stops the mail. */
		"UNION ALL SELECT 2, r.email, coalesce(c.token, '') FROM meeting_reference_group g "
		"JOIN reference_group_member r ON r.group_id = g.group_id "
		"LEFT JOIN reference_consent c ON c.email = lower(r.email) "
		"WHERE g.meeting_id = ?1 AND c.withdrawn_at IS NULL "
		"UNION ALL SELECT 3, s.email, s.token FROM subscription s WHERE s.status = 'active' "
		"AND (s.territory_id IS NULL OR s.territory_id IN (SELECT id FROM up) "
		"     OR s.territory_id IN (SELECT id FROM down)) "
		"ORDER BY 1, 2",
	[STMT_NOTIFY_STAFF_EMAILS] =
		"SELECT DISTINCT email FROM staff_user WHERE disabled = 0 AND email <> '' "
		"AND instr(?1, ',' || role || ',') > 0 ORDER BY email",
	[STMT_NOTIFY_DRAFTS_SOON] =
		"SELECT id, starts_at, '', 1, kind FROM meeting WHERE status = 'draft' "
		"AND starts_at > ?1 AND starts_at <= ?2 ORDER BY starts_at, id",
	[STMT_NOTIFY_ANNOUNCED_SOON] =
		"SELECT id, starts_at FROM meeting WHERE status IN ('approved', 'postponed') "
		"AND announced_at IS NOT NULL AND starts_at > ?1 AND starts_at <= ?2 "
		"ORDER BY starts_at, id",
	[STMT_NOTIFY_INVITEE_EMAILS] =
		"SELECT p.email FROM meeting_invitee i JOIN person p ON p.id = i.person_id "
		"WHERE i.meeting_id = ?1 AND p.email <> '' ORDER BY p.email",
	[STMT_NOTIFY_POLICE_DUE] =
		"SELECT id, starts_at FROM meeting WHERE status IN ('approved', 'postponed') "
		"AND police_notified_at IS NULL AND expected_attendance >= ?2 AND starts_at > ?1 "
		"ORDER BY starts_at, id",
	[STMT_NOTIFY_MARK_POLICE] =
		"UPDATE meeting SET police_notified_at = ?2 WHERE id = ?1 AND police_notified_at IS NULL",
	[STMT_NOTIFY_VENUE] = "SELECT venue_id FROM meeting WHERE id = ?1",
	[STMT_NOTIFY_APPEALS_DUE] =
		"SELECT a.number, a.answer_due, coalesce(u.email, '') FROM appeal a "
		"LEFT JOIN staff_user u ON u.id = a.executor_id AND u.disabled = 0 "
		"WHERE a.status IN ('registered', 'in_work') AND a.answer_due <= ?1 "
		"ORDER BY a.answer_due, a.number",
	[STMT_NOTIFY_TITLE] = "SELECT title FROM meeting WHERE id = ?1",

	[STMT_OUTBOX_DUE] =
		"SELECT id, channel, recipient, subject, body, unsubscribe_url, attempts, created_at "
		"FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?1 "
		"ORDER BY next_attempt_at, id LIMIT ?2",
	[STMT_OUTBOX_SENT] =
		"UPDATE outbox SET status = 'sent', sent_at = ?2, last_error = '' "
		"WHERE id = ?1 AND status = 'pending'",
	[STMT_OUTBOX_FAILED] =
		"UPDATE outbox SET attempts = ?2, next_attempt_at = ?3, last_error = ?4, "
		"status = CASE WHEN ?5 THEN 'dead' ELSE 'pending' END "
		"WHERE id = ?1 AND status = 'pending'",
	/* Counted in the index outbox_due: the sent mail of a year (tens of thousands of rows
	 * with their bodies) is never read — a scan of it cost the staff home page 20 ms. */
/* A message belongs where its meeting does, else to the own municipality (scope.c,
 * STMT_SCOPE_OUTBOX); ?n the staff account's body. */
#define OUTBOX_SCOPE(n)                                                                           \
	STAFF_SCOPE_SQL("coalesce((SELECT municipality_id FROM meeting "                          \
			"WHERE id = outbox.meeting_id), "                                          \
			"(SELECT id FROM municipality WHERE own = 1))", n)
	[STMT_OUTBOX_TOTALS] =
		"SELECT (SELECT count(*) FROM outbox WHERE status = 'pending' AND " OUTBOX_SCOPE("1")
		"), (SELECT count(*) FROM outbox WHERE status = 'dead' AND " OUTBOX_SCOPE("1") "), "
		"(SELECT count(*) FROM outbox WHERE status IN ('pending', 'dead') AND channel = 'mail' "
		"AND " OUTBOX_SCOPE("1") ")",
/* The press office's mail: posts to the social-network webhooks and the announcements, changes
 * and cancellations mailed to the media list. Everything else (acknowledgements and answers to
 * applicants, subscribers' and invitees' mail, staff alerts) carries personal data. */
#define OUTBOX_PRESS_MAIL "(channel = 'webhook' OR (purpose IN ('announcement', 'change', " \
			  "'cancellation') AND recipient IN (SELECT email FROM media_contact)))"
	[STMT_OUTBOX_PRESS_TOTALS] =
		"SELECT count(*) FILTER (WHERE status = 'pending'), "
		"count(*) FILTER (WHERE status = 'dead'), "
		"count(*) FILTER (WHERE status IN ('pending', 'dead') AND channel = 'mail') FROM outbox "
		"WHERE (?1 = 0 OR " OUTBOX_PRESS_MAIL ") AND " OUTBOX_SCOPE("2"),
#define OUTBOX_ROW "SELECT id, channel, recipient, subject, purpose, meeting_id, created_at, " \
		   "attempts, last_error, sent_at FROM outbox "
#define OUTBOX_FOR "AND (?2 = 0 OR " OUTBOX_PRESS_MAIL ") AND " OUTBOX_SCOPE("3") " "
	[STMT_OUTBOX_DEAD_LIST] = OUTBOX_ROW "WHERE status = 'dead' " OUTBOX_FOR
					     "ORDER BY id DESC LIMIT ?1",
	[STMT_OUTBOX_RETRY_LIST] = OUTBOX_ROW "WHERE status = 'pending' AND attempts > 0 "
					      OUTBOX_FOR "ORDER BY next_attempt_at, id LIMIT ?1",
	[STMT_OUTBOX_SENT_LIST] = OUTBOX_ROW "WHERE status = 'sent' " OUTBOX_FOR
					     "ORDER BY sent_at DESC, id DESC LIMIT ?1",
#undef OUTBOX_FOR
#undef OUTBOX_ROW
	[STMT_OUTBOX_STATE] = "SELECT status, recipient, " OUTBOX_PRESS_MAIL " FROM outbox "
			      "WHERE id = ?1",
#undef OUTBOX_PRESS_MAIL
#undef OUTBOX_SCOPE
	[STMT_OUTBOX_RETRY] = "UPDATE outbox SET status = 'pending', attempts = 0, "
			      "next_attempt_at = ?2 WHERE id = ?1 AND status = 'dead'",
	[STMT_OUTBOX_DISCARD] = "UPDATE outbox SET status = 'discarded' WHERE id = ?1 "
				"AND status = 'dead' AND ?2 IS NOT NULL",
	/* The press office. A meeting is on /press once the notifier has announced it: the text is
	 * built from what was published (the latest announcement's time and place); the one before
	 * it (not a cancellation) tells what a change changed. Drafts never. */
	/* The press list in two parts, as the schedule (a district's ten years hold 100,000
	 * announced meetings; one ORDER BY over all of them cost /press 100 ms): the meetings not
	 * yet ended (meeting_ends_at), upcoming first as before, then the ended ones newest first
	 * from meeting_starts_at, stopping at the page's end. ?1 now, ?2 limit, ?3 one meeting,
	 * ?4 and ?5 the municipality and its district. */
	[STMT_PRESS_UPCOMING] = PRESS_SELECT "AND m.ends_at >= ?1 "
				"ORDER BY a.ends_at < ?1, CASE WHEN a.ends_at >= ?1 THEN a.starts_at END, "
				"a.starts_at DESC, m.id LIMIT ?2",
	[STMT_PRESS_PAST] = PRESS_SELECT "AND +m.ends_at < ?1 ORDER BY m.starts_at DESC, m.id LIMIT ?2",
	/* Results: a held meeting, dated when it was marked held, or its end if that came later. */
	[STMT_FEED_ANSWERS] =
		"SELECT a.id, a.number, a.public_question, a.public_answer, a.published_at AS at, "
		"coalesce(a.meeting_id, 0), coalesce(m.title, ''), 'answer', '' FROM appeal a "
		"LEFT JOIN meeting m ON m.id = a.meeting_id WHERE a.published_at IS NOT NULL "
		"AND (?2 IS NULL OR a.municipality_id = ?2) "
		"UNION ALL SELECT id, title, unit, '', announced_at, 0, '', 'discussion', closes_on "
		"FROM discussion d WHERE announced_at IS NOT NULL AND " DISCUSSION_OF_MUNICIPALITY("?2")
		"UNION ALL SELECT id, title, unit, conclusion, concluded_at, 0, '', 'conclusion', "
		"closes_on FROM discussion d WHERE concluded_at IS NOT NULL AND "
		DISCUSSION_OF_MUNICIPALITY("?2")
		"ORDER BY at DESC, 1 DESC LIMIT ?1",
	[STMT_ANNOUNCEMENT_WEBHOOKS] =
		"SELECT count(*) FROM outbox WHERE announcement_id = ?1 AND channel = 'webhook'",
	[STMT_FEED_ENTRIES] =
		"SELECT 'announcement' AS what, a.id, a.kind, a.published_at AS at, m.id, m.title, "
		"k.name, a.starts_at, a.ends_at, coalesce(v.name, ''), coalesce(v.address, ''), "
		"m.status_reason, NULL, p.id, p.starts_at, p.ends_at, coalesce(pv.name, ''), "
		"coalesce(pv.address, ''), p.venue_id IS NOT a.venue_id "
		"FROM announcement a JOIN meeting m ON m.id = a.meeting_id "
		"JOIN meeting_kind k ON k.code = m.kind LEFT JOIN venue v ON v.id = a.venue_id "
		"LEFT JOIN announcement p ON a.kind = 'change' AND p.id = (SELECT id FROM announcement "
		"  WHERE meeting_id = a.meeting_id AND kind <> 'cancellation' AND id <> a.id "
		"  AND published_at <= a.published_at ORDER BY published_at DESC, id DESC LIMIT 1) "
		"LEFT JOIN venue pv ON pv.id = p.venue_id "
		"WHERE m.status <> 'draft' AND " MEETING_OF_MUNICIPALITY("?2", "?3")
		"UNION ALL "
		/* Results exist once the protocol is signed, and never for a personal reception
		 * (residents' own affairs), as on the meeting's page (page_protocol.c). */
		"SELECT 'result', m.id, 'result', pr.signed_at, m.id, m.title, k.name, "
		"m.starts_at, m.ends_at, coalesce(v.name, ''), coalesce(v.address, ''), '', "
		"m.attendance, NULL, NULL, NULL, NULL, NULL, NULL "
		/* From the signed protocols newest first (protocol_signed): starting from the
		 * meetings read a district's 100,000 of them and sorted their results. */
		"FROM protocol pr CROSS JOIN meeting m ON m.id = pr.meeting_id "
		"CROSS JOIN meeting_kind k ON k.code = m.kind "
		"LEFT JOIN venue v ON v.id = m.venue_id WHERE pr.signed_at IS NOT NULL "
		"AND m.status = 'held' "
		"AND m.kind <> 'personal_reception' AND " MEETING_OF_MUNICIPALITY("?2", "?3")
		"ORDER BY at DESC, what, 2 DESC LIMIT ?1",
	[STMT_MEDIA_PLAN] =
		"SELECT m.id, m.title, m.status, m.starts_at, m.announced_at, f.id, f.published_at, "
		"f.five_days_kept, l.id, l.kind, l.published_at, "
		"(SELECT count(*) FROM announcement WHERE meeting_id = m.id AND five_days_kept = 0 "
		"  AND kind <> 'cancellation'), m.kind "
		"FROM meeting m "
		"LEFT JOIN announcement f ON f.id = (SELECT id FROM announcement "
		"  WHERE meeting_id = m.id ORDER BY published_at, id LIMIT 1) "
		"LEFT JOIN announcement l ON l.id = (SELECT id FROM announcement "
		"  WHERE meeting_id = m.id ORDER BY published_at DESC, id DESC LIMIT 1) "
		"WHERE (?1 IS NULL OR m.starts_at >= ?1) AND (?2 IS NULL OR m.starts_at < ?2) "
		"AND (?1 IS NOT NULL OR m.ends_at >= ?3) "
		"AND " STAFF_SCOPE_SQL("m.municipality_id", "4") " "
		"ORDER BY m.starts_at, m.id",
	[STMT_PUBLICATION_LIST] =
		"SELECT a.id, a.kind, a.published_at, a.starts_at, a.five_days_kept, "
		"coalesce(v.name, '') FROM announcement a LEFT JOIN venue v ON v.id = a.venue_id "
		"WHERE a.meeting_id = ?1 ORDER BY a.published_at, a.id",
	/* Mail to an address on the media list is the media channel; the invitees and the holding
	 * group's members, the reference groups and the subscribers are counted apart, each as
	 * the notifier chose them (the first audience of an address wins); each webhook is its own
	 * channel. */
	[STMT_PUBLICATION_CHANNELS] =
		"SELECT grp, name, count(*), sum(status = 'sent'), sum(status = 'dead'), max(sent_at) "
		"FROM (SELECT CASE WHEN o.channel = 'webhook' THEN 'webhook' "
		"  WHEN EXISTS (SELECT 1 FROM media_contact c WHERE lower(c.email) = lower(o.recipient)) "
		"  THEN 'media' "
		"  WHEN EXISTS (SELECT 1 FROM person p WHERE lower(p.email) = lower(o.recipient) "
		"   AND (p.id IN (SELECT person_id FROM meeting_invitee WHERE meeting_id = o.meeting_id) "
		"   OR p.id IN (SELECT gm.person_id FROM meeting m JOIN info_group_member gm "
		"    ON gm.group_id = m.group_id WHERE m.id = o.meeting_id))) THEN 'invitees' "
		"  WHEN EXISTS (SELECT 1 FROM meeting_reference_group g JOIN reference_group_member r "
		"   ON r.group_id = g.group_id WHERE g.meeting_id = o.meeting_id "
		"   AND lower(r.email) = lower(o.recipient)) THEN 'reference' "
		"  ELSE 'subscribers' END AS grp, "
		"  CASE WHEN o.channel = 'webhook' THEN o.recipient ELSE '' END AS name, "
		"  o.status, o.sent_at FROM outbox o WHERE o.announcement_id = ?1) "
		"GROUP BY grp, name "
		"ORDER BY CASE grp WHEN 'media' THEN 0 WHEN 'invitees' THEN 1 WHEN 'reference' THEN 2 "
		"WHEN 'subscribers' THEN 3 ELSE 4 END, name",
	[STMT_MEDIA_LIST] = "SELECT id, name, email, active FROM media_contact "
			    "ORDER BY active DESC, name, id",
	[STMT_MEDIA_GET] = "SELECT name, email, active FROM media_contact WHERE id = ?1",
	[STMT_MEDIA_EMAIL_TAKEN] = "SELECT 1 FROM media_contact WHERE lower(email) = lower(?1) "
				   "AND (?2 IS NULL OR id <> ?2)",
	[STMT_MEDIA_INSERT] = "INSERT INTO media_contact (name, email) VALUES (?1, ?2)",
	[STMT_MEDIA_UPDATE] = "UPDATE media_contact SET name = ?2, email = ?3 WHERE id = ?1",
	[STMT_MEDIA_SET_ACTIVE] = "UPDATE media_contact SET active = ?2 WHERE id = ?1",
	[STMT_MEDIA_JSON] = "SELECT json_object('name', name, 'email', email, 'active', active) "
			    "FROM media_contact WHERE id = ?1",
	[STMT_REFGROUP_LIST] = "SELECT g.id, g.name, g.description, "
			       "(SELECT count(*) FROM reference_group_member m WHERE m.group_id = g.id) "
			       "FROM reference_group g ORDER BY g.name, g.id",
	[STMT_REFGROUP_OPTIONS] = "SELECT g.id, g.name, (SELECT count(*) FROM reference_group_member m "
				  "WHERE m.group_id = g.id) FROM reference_group g ORDER BY g.name, g.id",
	[STMT_REFGROUP_GET] = "SELECT name, description FROM reference_group WHERE id = ?1",
	[STMT_REFGROUP_INSERT] = "INSERT INTO reference_group (name, description) VALUES (?1, ?2)",
	[STMT_REFGROUP_UPDATE] = "UPDATE reference_group SET name = ?2, description = ?3 WHERE id = ?1",
	[STMT_REFGROUP_JSON] = "SELECT json_object('name', name, 'description', description, "
			       "'members', (SELECT json_group_array(json_object('name', name, "
			       "  'organisation', organisation, 'email', email, 'consent_at', given_at, "
			       "  'consent', given_how, 'withdrawn_at', withdrawn_at)) FROM "
			       "  (SELECT r.name, r.organisation, r.email, c.given_at, c.given_how, "
			       "   c.withdrawn_at FROM reference_group_member r "
			       "   LEFT JOIN reference_consent c ON c.email = lower(r.email) "
			       "   WHERE r.group_id = ?1 ORDER BY r.id))) "
			       "FROM reference_group WHERE id = ?1",
	[STMT_REFGROUP_MEMBERS] = "SELECT r.name, r.organisation, r.email, c.given_at, "
				  "coalesce(c.given_how, ''), c.withdrawn_at, "
				  "coalesce(c.withdrawn_how, '') FROM reference_group_member r "
				  "LEFT JOIN reference_consent c ON c.email = lower(r.email) "
				  "WHERE r.group_id = ?1 ORDER BY r.id",
	[STMT_REFCONSENT_GET] = "SELECT given_at, given_how, withdrawn_at, withdrawn_how "
				"FROM reference_consent WHERE email = lower(?1)",
	[STMT_REFCONSENT_GIVE] =
		"INSERT INTO reference_consent (email, given_at, given_how, recorded_by, token) "
		"VALUES (lower(?1), ?2, ?3, ?4, ?5) ON CONFLICT (email) DO UPDATE SET "
		"given_at = excluded.given_at, given_how = excluded.given_how, "
		"recorded_by = excluded.recorded_by, withdrawn_at = NULL, withdrawn_how = '' "
		"WHERE reference_consent.given_how <> excluded.given_how",
	[STMT_REFCONSENT_BY_TOKEN] = "SELECT email, withdrawn_at FROM reference_consent "
				     "WHERE token = ?1",
	[STMT_REFCONSENT_WITHDRAW] = "UPDATE reference_consent SET withdrawn_at = ?2, "
				     "withdrawn_how = ?3 WHERE token = ?1 AND withdrawn_at IS NULL",
	[STMT_REFGROUP_MEMBER_CLEAR] = "DELETE FROM reference_group_member WHERE group_id = ?1",
	[STMT_REFGROUP_MEMBER_ADD] = "INSERT INTO reference_group_member (group_id, name, "
				     "organisation, email) VALUES (?1, ?2, ?3, ?4)",
	[STMT_MEETING_REFGROUP_CLEAR] = "DELETE FROM meeting_reference_group WHERE meeting_id = ?1",
	[STMT_MEETING_REFGROUP_ADD] = "INSERT OR IGNORE INTO meeting_reference_group (meeting_id, "
				      "group_id) VALUES (?1, ?2)",
	[STMT_MEETING_REFGROUP_IDS] = "SELECT group_id FROM meeting_reference_group "
				      "WHERE meeting_id = ?1 ORDER BY group_id",

	[STMT_OUTBOX_RECENT] = "SELECT 1 FROM outbox WHERE dedup_key IN (?1, ?2) AND created_at > ?3 "
			       "LIMIT 1",
	[STMT_CALENDAR_YEARS] = "SELECT y.year, y.source, y.updated_at, "
				"(SELECT count(*) FROM calendar_day d WHERE d.year = y.year), y.provisional "
				"FROM calendar_year y ORDER BY y.year",
	[STMT_CALENDAR_DAYS] = "SELECT day, kind FROM calendar_day ORDER BY day",
	[STMT_CALENDAR_YEAR_GET] = "SELECT source, updated_at, provisional FROM calendar_year "
				 "WHERE year = ?1",
	[STMT_CALENDAR_YEAR_DAYS] = "SELECT day, kind, note FROM calendar_day WHERE year = ?1 "
				    "ORDER BY day",
	[STMT_CALENDAR_YEAR_INSERT] = "INSERT INTO calendar_year (year, source, updated_at, "
				      "provisional) VALUES (?1, ?2, ?3, ?4)",
	[STMT_CALENDAR_YEAR_UPDATE] = "UPDATE calendar_year SET source = ?2, updated_at = ?3, "
				      "provisional = ?4 WHERE year = ?1",
	[STMT_CALENDAR_YEAR_TOUCH] = "UPDATE calendar_year SET updated_at = ?2 WHERE year = ?1",
	[STMT_CALENDAR_YEAR_JSON] = "SELECT json_object('year', year, 'source', source, "
				    "'provisional', provisional) "
				    "FROM calendar_year WHERE year = ?1",
	[STMT_CALENDAR_DAY_GET] = "SELECT kind, note FROM calendar_day WHERE day = ?1",
	[STMT_CALENDAR_DAY_SET] = "INSERT INTO calendar_day (day, year, kind, note) "
				  "VALUES (?1, ?2, ?3, ?4) "
				  "ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, "
				  "note = excluded.note",
	[STMT_CALENDAR_DAY_DELETE] = "DELETE FROM calendar_day WHERE day = ?1",
	[STMT_CALENDAR_DAY_JSON] = "SELECT json_object('day', day, 'kind', kind, 'note', note) "
				   "FROM calendar_day WHERE day = printf('%04d-%02d-%02d', ?1 / 10000, "
				   "?1 / 100 % 100, ?1 % 100)",

	[STMT_APPEAL_COUNTER_NEXT] =
		"INSERT INTO appeal_counter (year, last) VALUES (?1, 1) "
		"ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last",
	[STMT_OIDC_PENDING_INSERT] =
		"INSERT INTO oidc_pending (state_hash, nonce, code_verifier, return_to, created_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5)",
	[STMT_OIDC_PENDING_TAKE] =
		"DELETE FROM oidc_pending WHERE state_hash = ?1 "
		"RETURNING nonce, code_verifier, return_to, created_at",
	[STMT_OIDC_PENDING_PURGE] = "DELETE FROM oidc_pending WHERE created_at < ?1",
	[STMT_APPEAL_AUTHOR] =
		"SELECT resident_id, auth_method, auth_confirmed, verdict, verdict_comment, verdict_at "
		"FROM appeal WHERE id = ?1",
	[STMT_REPORT_APPEALS_RESIDENTS] =
		"SELECT year, CASE WHEN auth_method = 'esia' AND auth_confirmed = 1 "
		"THEN 'esia_confirmed' ELSE auth_method END, CASE WHEN answered_at IS NULL THEN NULL "
		"ELSE coalesce(verdict, 'none') END, count(*) FROM appeal WHERE year IN (?1, ?2) "
		"AND (?3 IS NULL OR municipality_id = ?3) GROUP BY 1, 2, 3",
	[STMT_APPEAL_INSERT] =
		"INSERT INTO appeal (year, seq, number, code_hash, source, addressee, addressee_unit, "
		"surname, name, patronymic, email, address, phone, territory_id, topic_code, text, "
		"consent_at, received_at, registered_at, registered_by, meeting_id, reception_by, oral, "
		"oral_answer, oral_consent, answer_due, forward_due, municipality_id) VALUES (?1, ?2, "
		"?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, "
		"?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28) RETURNING id",
	[STMT_APPEAL_EVENT_ADD] =
		"INSERT INTO appeal_event (appeal_id, at, user_id, action, note) "
		"VALUES (?1, ?2, ?3, ?4, ?5)",
	/* The search index after the appeals' own transactions (sql/023_reference_version.sql). */
	[STMT_APPEAL_SEARCH_PENDING] =
		"SELECT s.indexed_up_to, (SELECT max(id) FROM (SELECT id FROM appeal "
		"WHERE id > s.indexed_up_to ORDER BY id LIMIT 2000)) FROM appeal_search_state s "
		"WHERE s.id = 1",
	[STMT_APPEAL_SEARCH_INDEX] =
		"INSERT INTO appeal_fts (rowid, number, surname, name, patronymic, text) "
		"SELECT id, number, surname, name, patronymic, text FROM appeal "
		"WHERE id > ?1 AND id <= ?2 ORDER BY id",
	[STMT_APPEAL_SEARCH_DONE] = "UPDATE appeal_search_state SET indexed_up_to = ?1 WHERE id = 1",
	[STMT_APPEAL_TOPIC_OPTIONS] =
		"SELECT code, name, level FROM appeal_topic WHERE active = 1 AND level IN (2, 3) "
		"ORDER BY code",
	[STMT_APPEAL_TOPIC_ACTIVE] =
		"SELECT 1 FROM appeal_topic WHERE code = ?1 AND active = 1 AND level IN (2, 3)",
	[STMT_APPEAL_FILES] =
		"SELECT id, file_name, mime, size, sha256 FROM appeal_file WHERE appeal_id = ?1 "
		"ORDER BY id",
	[STMT_APPEAL_FILE_GET] =
		"SELECT a.executor_id, f.file_name, f.mime, f.sha256 FROM appeal_file f "
		"JOIN appeal a ON a.id = f.appeal_id WHERE f.id = ?1",

	/* Open appeals first by due date: the order of the index appeal_registry
	 * (sql/024_appeal_registry_order.sql), walked until the page is full. */
	[STMT_APPEAL_LIST] = APPEAL_LIST_SELECT "FROM appeal a " APPEAL_LIST_WHERE
		"AND (?8 IS NULL OR a.id IN (SELECT rowid FROM appeal_fts WHERE appeal_fts MATCH ?8)) "
		APPEAL_LIST_ORDER,
	/* The same driven by the search index (CROSS JOIN: appeal_fts first), its few matches
	 * sorted: a rare word would otherwise walk the whole registry for its page. */
	[STMT_APPEAL_LIST_MATCHES] = APPEAL_LIST_SELECT
		"FROM appeal_fts CROSS JOIN appeal a ON a.id = appeal_fts.rowid " APPEAL_LIST_WHERE
		"AND appeal_fts MATCH ?8 " APPEAL_LIST_ORDER,
	[STMT_APPEAL_MATCHES] =
		"SELECT count(*) FROM (SELECT rowid FROM appeal_fts WHERE appeal_fts MATCH ?1 LIMIT ?2)",
	[STMT_APPEAL_GET] =
		"SELECT a.id, a.number, a.source, a.addressee, a.addressee_unit, a.surname, a.name, "
		"a.patronymic, a.email, a.address, a.phone, coalesce(t.name, ''), a.text, "
		"a.received_at, a.registered_at, a.status, a.unit, a.executor_id, "
		"coalesce(nullif(u.full_name, ''), u.login, ''), a.answer_due, a.forward_due, "
		"a.extended_days, a.extension_reason, a.forwarded_to, a.forwarded_at, a.answer, "
		"a.answered_at, a.outcome, a.closed_at, a.public_question, a.public_answer, "
		"a.published_at, a.meeting_id, coalesce(m.title, ''), a.reception_by, a.oral, "
		"a.oral_answer, a.oral_consent, a.consent_at, "
		"coalesce(a.topic_code || ' ' || tp.name, '') "
		"FROM appeal a LEFT JOIN territory t ON t.id = a.territory_id "
		"LEFT JOIN appeal_topic tp ON tp.code = a.topic_code "
		"LEFT JOIN staff_user u ON u.id = a.executor_id LEFT JOIN meeting m ON m.id = a.meeting_id "
		"WHERE a.id = ?1",
	[STMT_APPEAL_EVENTS] =
		"SELECT e.at, coalesce(u.login, ''), e.action, e.note FROM appeal_event e "
		"LEFT JOIN staff_user u ON u.id = e.user_id WHERE e.appeal_id = ?1 ORDER BY e.id",
	[STMT_APPEAL_ASSIGN] =
		"UPDATE appeal SET unit = ?2, executor_id = ?3, status = 'in_work' "
		"WHERE id = ?1 AND status IN ('registered', 'in_work')",
	[STMT_APPEAL_FORWARD] =
		"UPDATE appeal SET forwarded_to = ?2, forwarded_at = ?3, status = 'forwarded', "
		"outcome = 'forwarded', closed_at = ?3 WHERE id = ?1 AND status IN ('registered', "
		"'in_work')",
	[STMT_APPEAL_EXTEND] =
		"UPDATE appeal SET extended_days = ?2, extension_reason = ?3, answer_due = ?4 "
		"WHERE id = ?1 AND extended_days IS NULL AND status IN ('registered', 'in_work')",
	[STMT_APPEAL_ANSWER] =
		"UPDATE appeal SET answer = ?2, answered_at = ?3, status = 'answered', "
		"outcome = 'answered', closed_at = ?3 WHERE id = ?1 AND status IN ('registered', "
		"'in_work')",
	[STMT_APPEAL_CLOSE] =
		"UPDATE appeal SET outcome = ?2, closed_at = ?3, status = 'closed', repeated_of = ?4 "
		"WHERE id = ?1 AND status IN ('registered', 'in_work')",
	[STMT_APPEAL_PUBLISH] =
		"UPDATE appeal SET public_question = ?2, public_answer = ?3, published_at = ?4 "
		"WHERE id = ?1 AND status = 'answered'",
#define TERRITORY_SUBTREE \
	"WITH RECURSIVE sub(id) AS (SELECT ?1 UNION SELECT t.id FROM territory t " \
	"JOIN sub ON t.parent_id = sub.id) "
	[STMT_TERRITORY_APPEAL_TOPICS] =
		TERRITORY_SUBTREE "SELECT coalesce(tp.name, 'Тема не указана'), count(*), "
		"count(*) FILTER (WHERE a.status IN ('registered', 'in_work')) FROM appeal a "
		"LEFT JOIN appeal_topic tp ON tp.code = a.topic_code "
		"WHERE a.territory_id IN (SELECT id FROM sub) AND a.registered_at >= ?2 "
		"GROUP BY a.topic_code ORDER BY 2 DESC, 1",
	[STMT_TERRITORY_APPEAL_STATUS] =
		TERRITORY_SUBTREE "SELECT a.status, count(*) FROM appeal a "
		"WHERE a.territory_id IN (SELECT id FROM sub) AND a.registered_at >= ?2 "
		"GROUP BY a.status ORDER BY 2 DESC",
	[STMT_TERRITORY_APPEAL_OLDEST] =
		TERRITORY_SUBTREE "SELECT a.number, a.registered_at, coalesce(tp.name, ''), a.answer_due "
		"FROM appeal a LEFT JOIN appeal_topic tp ON tp.code = a.topic_code "
		"WHERE a.territory_id IN (SELECT id FROM sub) AND a.status IN ('registered', 'in_work') "
		"ORDER BY a.registered_at, a.id LIMIT ?2",
#undef TERRITORY_SUBTREE
	[STMT_APPEAL_ID_BY_NUMBER] = "SELECT id FROM appeal WHERE number = ?1",
	[STMT_EXECUTOR_OPTIONS] =
		"SELECT id, coalesce(nullif(full_name, ''), login), role FROM staff_user "
		"WHERE disabled = 0 AND role IN ('executor', 'organizer', 'controller', 'admin') "
		"ORDER BY role <> 'executor', 2",
	[STMT_MEETING_OPTIONS_RECENT] =
		"SELECT m.id, m.title, m.starts_at FROM meeting m "
		"WHERE m.status IN ('approved', 'postponed', 'held') "
		"AND m.starts_at >= ?1 AND m.starts_at <= ?2 ORDER BY m.starts_at DESC LIMIT 100",
	[STMT_APPEAL_MEETING] = "SELECT starts_at, status FROM meeting WHERE id = ?1",

	[STMT_TOPIC_TREE] =
		"WITH RECURSIVE tree(code, parent_code, level, name, active, path) AS ("
		" SELECT code, parent_code, level, name, active, printf('%04d%s', sort, code)"
		" FROM appeal_topic WHERE parent_code IS NULL"
		" UNION ALL"
		" SELECT c.code, c.parent_code, c.level, c.name, c.active,"
		" tree.path || '/' || printf('%04d%s', c.sort, c.code)"
		" FROM appeal_topic c JOIN tree ON c.parent_code = tree.code)"
		" SELECT code, coalesce(parent_code, ''), level, name, active, level - 1 FROM tree"
		" ORDER BY path",
	[STMT_TOPIC_GET] = "SELECT t.rowid, coalesce(t.parent_code, ''), t.level, t.name, t.active, "
			   "coalesce(p.name, '') FROM appeal_topic t "
			   "LEFT JOIN appeal_topic p ON p.code = t.parent_code WHERE t.code = ?1",
	[STMT_TOPIC_INSERT] = "INSERT INTO appeal_topic (code, parent_code, level, name) "
			      "VALUES (?1, ?2, ?3, ?4)",
	[STMT_TOPIC_RENAME] = "UPDATE appeal_topic SET name = ?2 WHERE rowid = ?1",
	[STMT_TOPIC_SET_ACTIVE] = "UPDATE appeal_topic SET active = ?2 WHERE rowid = ?1",
	[STMT_TOPIC_JSON] = "SELECT json_object('code', code, 'parent_code', parent_code, "
			    "'level', level, 'name', name, 'active', active) "
			    "FROM appeal_topic WHERE rowid = ?1",

	[STMT_NOTIFY_INSTRUCTIONS_DUE] =
		"SELECT i.id, i.text, i.due_on, coalesce(u.email, '') FROM instruction i "
		"LEFT JOIN staff_user u ON u.id = i.executor_id AND u.disabled = 0 "
		"LEFT JOIN protocol p ON p.id = i.protocol_id "
		"WHERE i.status IN ('assigned', 'in_progress', 'returned') AND i.due_on <= ?1 "
		"AND (i.protocol_id IS NULL OR p.signed_at IS NOT NULL) "
		"ORDER BY i.due_on, i.id",
	[STMT_DISCUSSION_INSERT] =
		"INSERT INTO discussion (title, unit, body, form, meeting_id, territory_id, opens_on, "
		"closes_on, created_at, created_by, municipality_id) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	[STMT_DISCUSSION_LIST] =
		"SELECT d.id, d.title, d.unit, d.opens_on, d.closes_on, t.name, "
		"d.concluded_at IS NOT NULL, "
		"(SELECT count(*) FROM discussion_proposal p WHERE p.discussion_id = d.id "
		"AND p.status = 'published'), "
		"(SELECT count(*) FROM discussion_proposal p WHERE p.discussion_id = d.id "
		"AND p.status = 'pending') "
		"FROM discussion d LEFT JOIN territory t ON t.id = d.territory_id "
		"WHERE " STAFF_SCOPE_SQL("coalesce(d.municipality_id, t.municipality_id, (SELECT "
					 "municipality_id FROM meeting WHERE id = d.meeting_id), "
					 "(SELECT id FROM municipality WHERE own = 1))", "1") " "
		"ORDER BY d.closes_on DESC, d.id DESC LIMIT 200",
	[STMT_DISCUSSION_GET] =
		"SELECT d.title, d.unit, d.body, d.form, d.meeting_id, t.name, d.opens_on, d.closes_on, "
		"d.conclusion, d.concluded_at, m.title, m.starts_at "
		"FROM discussion d LEFT JOIN territory t ON t.id = d.territory_id "
		"LEFT JOIN meeting m ON m.id = d.meeting_id WHERE d.id = ?1",
	[STMT_DISCUSSION_JSON] =
		"SELECT json_object('title', title, 'unit', unit, 'form', form, 'meeting_id', "
		"meeting_id, 'territory_id', territory_id, 'opens_on', opens_on, 'closes_on', "
		"closes_on, 'body_length', length(body), 'conclusion', conclusion, 'concluded_at', "
		"concluded_at) FROM discussion WHERE id = ?1",
	[STMT_DISCUSSION_CONCLUDE] =
		"UPDATE discussion SET conclusion = ?2, concluded_at = ?3, concluded_by = ?4 "
		"WHERE id = ?1 AND concluded_at IS NULL",
	[STMT_DISCUSSION_OPEN_ITEMS] =
		"SELECT coalesce(sum(status = 'pending'), 0), "
		"coalesce(sum(status = 'published' AND outcome IS NULL), 0) "
		"FROM discussion_proposal WHERE discussion_id = ?1",
	[STMT_HEARING_OPTIONS] =
		"SELECT id, title, starts_at FROM meeting "
		"WHERE kind = 'public_hearing' AND status <> 'cancelled' ORDER BY starts_at DESC "
		"LIMIT 200",
	[STMT_PROPOSAL_INSERT] =
		"INSERT INTO discussion_proposal (discussion_id, resident_id, point, text, author_name, "
		"show_as, email, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[STMT_PROPOSAL_RECENT] =
		"SELECT count(*) FROM discussion_proposal WHERE resident_id = ?1 AND created_at >= ?2",
	[STMT_PROPOSAL_LIST] =
		"SELECT id, point, text, author_name, show_as, status, refusal_reason, outcome, "
		"outcome_reason, created_at FROM discussion_proposal WHERE discussion_id = ?1 "
		"ORDER BY id",
	[STMT_PROPOSAL_GET] =
		"SELECT p.discussion_id, p.status, p.email, p.text, p.outcome, coalesce(l.token, '') "
		"FROM discussion_proposal p LEFT JOIN participant_link l ON l.id = p.link_id "
		"WHERE p.id = ?1",
	[STMT_PROPOSAL_MODERATE] =
		"UPDATE discussion_proposal SET status = ?2, refusal_reason = ?3, moderated_at = ?4, "
		"moderated_by = ?5 WHERE id = ?1 AND status = 'pending'",
	[STMT_PROPOSAL_OUTCOME] =
		"UPDATE discussion_proposal SET outcome = ?2, outcome_reason = ?3 WHERE id = ?1 "
		"AND status = 'published' AND (SELECT concluded_at FROM discussion d "
		"WHERE d.id = discussion_id) IS NULL",
	[STMT_PROPOSAL_JSON] =
		"SELECT json_object('discussion_id', discussion_id, 'point', point, 'text', text, "
		"'status', status, 'refusal_reason', refusal_reason, 'outcome', outcome, "
		"'outcome_reason', outcome_reason) FROM discussion_proposal WHERE id = ?1",
	[STMT_PROPOSAL_AUTHORS] =
		"SELECT id, email, outcome, outcome_reason, text FROM discussion_proposal "
		"WHERE discussion_id = ?1 AND status = 'published' AND email <> '' ORDER BY id",
	[STMT_DISCUSSION_GROUP_ADD] =
		"INSERT OR IGNORE INTO discussion_reference_group (discussion_id, group_id) "
		"VALUES (?1, ?2)",
	[STMT_DISCUSSION_GROUPS] =
		"SELECT g.id, g.name FROM discussion_reference_group dg "
		"JOIN reference_group g ON g.id = dg.group_id WHERE dg.discussion_id = ?1 "
		"ORDER BY g.name",
	[STMT_NOTIFY_DISCUSSIONS_DUE] =
		"SELECT d.id, d.title, d.unit, d.opens_on, d.closes_on, d.form, t.name "
		"FROM discussion d LEFT JOIN territory t ON t.id = d.territory_id "
		"WHERE d.announced_at IS NULL AND d.opens_on <= ?1 AND d.closes_on >= ?1 "
		"AND d.concluded_at IS NULL ORDER BY d.id",
	[STMT_NOTIFY_DISCUSSION_RECIPIENTS] =
		"WITH RECURSIVE up(id) AS ("
		" SELECT territory_id FROM discussion WHERE id = ?1"
		" UNION SELECT t.parent_id FROM territory t JOIN up ON t.id = up.id"
		" WHERE t.parent_id IS NOT NULL), "
		"down(id) AS (SELECT territory_id FROM discussion WHERE id = ?1"
		" UNION SELECT t.id FROM territory t JOIN down ON t.parent_id = down.id) "
		"SELECT 0, email, '' FROM media_contact WHERE active = 1 "
		"UNION ALL SELECT 2, r.email, coalesce(c.token, '') FROM discussion_reference_group g "
		"JOIN reference_group_member r ON r.group_id = g.group_id "
		"LEFT JOIN reference_consent c ON c.email = lower(r.email) "
		"WHERE g.discussion_id = ?1 AND c.withdrawn_at IS NULL "
		"UNION ALL SELECT 3, s.email, s.token FROM subscription s WHERE s.status = 'active' "
		"AND (s.territory_id IS NULL "
		"     OR (SELECT territory_id FROM discussion WHERE id = ?1) IS NULL "
		"     OR s.territory_id IN (SELECT id FROM up) "
		"     OR s.territory_id IN (SELECT id FROM down)) "
		"ORDER BY 1, 2",
	[STMT_NOTIFY_DISCUSSION_ANNOUNCED] =
		"UPDATE discussion SET announced_at = ?2 WHERE id = ?1 AND announced_at IS NULL",
	[STMT_PRESS_DISCUSSIONS] =
		"SELECT d.id, d.title, d.unit, d.opens_on, d.closes_on, t.name, "
		"d.concluded_at IS NOT NULL FROM discussion d "
		"LEFT JOIN territory t ON t.id = d.territory_id WHERE d.announced_at IS NOT NULL "
		"AND " DISCUSSION_OF_MUNICIPALITY("?1")
		"ORDER BY d.announced_at DESC, d.id DESC LIMIT 50",
	[STMT_DISCUSSION_FILE_ADD] =
		"INSERT INTO discussion_file (discussion_id, file_name, mime, size, sha256) "
		"VALUES (?1, ?2, ?3, ?4, ?5)",
	[STMT_DISCUSSION_FILES] = "SELECT id, file_name, mime, size FROM discussion_file "
				  "WHERE discussion_id = ?1 ORDER BY id",
	[STMT_DISCUSSION_FILE_GET] = "SELECT file_name, mime, sha256 FROM discussion_file "
				     "WHERE id = ?1",
	[STMT_MEETING_DISCUSSIONS] =
		"SELECT id, title, concluded_at IS NOT NULL FROM discussion WHERE meeting_id = ?1 "
		"ORDER BY id",

	/* ---- personal receptions (issue 17) ---- */
	[STMT_NOTIFY_BOOKINGS_SOON] =
		"SELECT b.id, b.meeting_id, b.slot_at, b.email FROM reception_booking b "
		"JOIN meeting m ON m.id = b.meeting_id WHERE b.status = 'active' AND b.email <> '' "
		"AND m.status IN ('approved', 'postponed') AND b.slot_at > ?1 AND b.slot_at <= ?2 "
		"ORDER BY b.id",
	[STMT_LINK_BY_TOKEN] =
		"SELECT id, kind, target_id, name, email, organisation FROM participant_link "
		"WHERE token = ?1",
	[STMT_SURVEY_LINKS_CREATE] =
		"INSERT INTO participant_link (kind, target_id, email, name, organisation, token, "
		"created_at) SELECT 'survey', ?1, lower(m.email), min(m.name), min(m.organisation), "
		"lower(hex(randomblob(32))), ?2 FROM survey_reference_group g "
		"JOIN reference_group_member m ON m.group_id = g.group_id "
		"LEFT JOIN reference_consent c ON c.email = lower(m.email) "
		"WHERE g.survey_id = ?1 AND c.withdrawn_at IS NULL GROUP BY lower(m.email) "
		"ON CONFLICT DO NOTHING",
	[STMT_DISCUSSION_LINKS_CREATE] =
		"INSERT INTO participant_link (kind, target_id, email, name, organisation, token, "
		"created_at) SELECT 'discussion', ?1, lower(m.email), min(m.name), "
		"min(m.organisation), lower(hex(randomblob(32))), ?2 FROM discussion_reference_group g "
		"JOIN reference_group_member m ON m.group_id = g.group_id "
		"LEFT JOIN reference_consent c ON c.email = lower(m.email) "
		"WHERE g.discussion_id = ?1 AND c.withdrawn_at IS NULL GROUP BY lower(m.email) "
		"ON CONFLICT DO NOTHING",
	[STMT_LINK_TOKEN] =
		"SELECT token FROM participant_link WHERE kind = ?1 AND target_id = ?2 "
		"AND email = lower(?3)",
	[STMT_NOTIFY_SURVEYS_DUE] =
		"SELECT id, title, opens_on, closes_on FROM survey WHERE audience = 'groups' "
		"AND announced_at IS NULL AND opens_on <= ?1 AND closes_on >= ?1 ORDER BY id",
	[STMT_NOTIFY_SURVEY_LINKS] =
		"SELECT l.email, l.name, l.token, coalesce(c.token, '') FROM participant_link l "
		"LEFT JOIN reference_consent c ON c.email = l.email "
		"WHERE l.kind = 'survey' AND l.target_id = ?1 AND c.withdrawn_at IS NULL "
		"ORDER BY l.email",
	[STMT_NOTIFY_SURVEY_ANNOUNCED] =
		"UPDATE survey SET announced_at = ?2 WHERE id = ?1 AND announced_at IS NULL",
	[STMT_PROPOSAL_LINK_INSERT] =
		"INSERT INTO discussion_proposal (discussion_id, link_id, point, text, author_name, "
		"show_as, email, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[STMT_PROPOSAL_LINK_RECENT] =
		"SELECT count(*) FROM discussion_proposal WHERE link_id = ?1 AND created_at >= ?2",
	[STMT_PLAN_MEASURE_INSERT] =
		"INSERT INTO plan_measure (item, text, periodicity, due_on, units, evidence, "
		"meeting_kind, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[STMT_PLAN_MEASURE_LIST] =
		"SELECT m.id, m.item, m.text, m.periodicity, coalesce(m.due_on, ''), m.units, "
		"m.evidence, coalesce(m.meeting_kind, ''), coalesce(k.name, ''), e.name "
		"FROM plan_measure m JOIN plan_evidence_kind e ON e.code = m.evidence "
		"LEFT JOIN meeting_kind k ON k.code = m.meeting_kind "
		"WHERE ?1 = 0 OR m.id = ?1 ORDER BY m.id",
	[STMT_PLAN_MEASURE_JSON] =
		"SELECT json_object('item', item, 'text', text, 'periodicity', periodicity, "
		"'due_on', due_on, 'units', units, 'evidence', evidence, 'meeting_kind', "
		"meeting_kind) FROM plan_measure WHERE id = ?1",
	[STMT_PLAN_EVIDENCE_KINDS] = "SELECT code, name FROM plan_evidence_kind ORDER BY sort_order",
	[STMT_PLAN_RECORD_INSERT] =
		"INSERT INTO plan_record (measure_id, done_on, note, file_name, mime, size, sha256, "
		"created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[STMT_PLAN_RECORD_JSON] =
		"SELECT json_object('measure_id', measure_id, 'done_on', done_on, 'note', note, "
		"'file_name', file_name, 'mime', mime, 'size', size, 'sha256', sha256) "
		"FROM plan_record WHERE id = ?1",
	[STMT_PLAN_RECORD_GET] = "SELECT file_name, mime, sha256 FROM plan_record WHERE id = ?1",
	[STMT_PLAN_RECORDS] =
		"SELECT r.id, r.done_on, r.note, r.file_name, r.created_at, coalesce(u.full_name, '') "
		"FROM plan_record r LEFT JOIN staff_user u ON u.id = r.created_by "
		"WHERE r.measure_id = ?1 ORDER BY r.done_on DESC, r.id DESC",
	[STMT_PLAN_EVIDENCE_MEETINGS] =
		"SELECT id, title, starts_at, NULL FROM meeting WHERE kind = ?2 AND status = 'held' "
		"AND starts_at >= ?3 AND starts_at < ?4 ORDER BY starts_at",
	[STMT_PLAN_EVIDENCE_DISCUSSIONS] =
		"SELECT id, title, NULL, closes_on FROM discussion WHERE concluded_at IS NOT NULL "
		"AND closes_on BETWEEN ?5 AND ?6 ORDER BY closes_on",
	[STMT_PLAN_EVIDENCE_RECORDS] =
		"SELECT id, note, NULL, done_on FROM plan_record WHERE measure_id = ?1 "
		"AND done_on BETWEEN ?5 AND ?6 ORDER BY done_on",

	/* Municipalities (issue 18, db_municipality.c). */
	[STMT_MUNICIPALITY_LIST] =
		"SELECT m.id, m.kind, coalesce(m.district_id, 0), m.name, m.official_name, "
		"m.administration, m.code, m.slug, coalesce(m.head_person_id, 0), "
		"coalesce(p.full_name, ''), coalesce(p.position, ''), m.address, m.phone, m.email, "
		"m.reception_hours, m.site_url, m.timezone, m.own FROM municipality m "
		"LEFT JOIN municipality d ON d.id = m.district_id "
		"LEFT JOIN person p ON p.id = m.head_person_id "
		"ORDER BY coalesce(d.name, m.name), coalesce(d.id, m.id), m.district_id IS NOT NULL, "
		"m.name, m.id",
	[STMT_MUNICIPALITY_INSERT] =
		"INSERT INTO municipality (kind, district_id, name, official_name, administration, "
		"code, slug, head_person_id, address, phone, email, reception_hours, site_url, "
		"timezone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
	[STMT_MUNICIPALITY_UPDATE] =
		"UPDATE municipality SET kind = ?2, district_id = ?3, name = ?4, official_name = ?5, "
		"administration = ?6, code = ?7, slug = ?8, head_person_id = ?9, address = ?10, "
		"phone = ?11, email = ?12, reception_hours = ?13, site_url = ?14, timezone = ?15 "
		"WHERE id = ?1",
	[STMT_MUNICIPALITY_JSON] =
		"SELECT json_object('kind', kind, 'district_id', district_id, 'name', name, "
		"'official_name', official_name, 'administration', administration, 'code', code, "
		"'slug', slug, 'head_person_id', head_person_id, 'address', address, 'phone', phone, "
		"'email', email, 'reception_hours', reception_hours, 'site_url', site_url, "
		"'timezone', timezone) FROM municipality WHERE id = ?1",
	[STMT_MUNICIPALITY_CODE_USED] =
		"SELECT 1 FROM appeal WHERE municipality_id IS NOT ?2 AND CASE WHEN ?1 = '' "
		"THEN number GLOB '[0-9]*' ELSE substr(number, 1, length(?1) + 1) = ?1 || '-' END "
		"LIMIT 1",
	[STMT_MUNICIPALITY_MEETINGS] =
		"SELECT " MEETING_SUMMARY_COLUMNS MEETING_FROM
		"WHERE " PUBLIC_STATUS " AND m.ends_at >= ?3 AND " MEETING_OF_MUNICIPALITY("?1", "?2")
		"ORDER BY m.starts_at, m.id LIMIT ?4",
	[STMT_APPEAL_BODY_COUNTER_NEXT] =
		"INSERT INTO appeal_number_counter (municipality_id, year, last) VALUES (?2, ?1, 1) "
		"ON CONFLICT (municipality_id, year) DO UPDATE SET last = last + 1 RETURNING last",
	[STMT_MEETING_MUNICIPALITY] =
		"SELECT mu.name, mu.official_name, mu.slug, mu.id FROM meeting m "
		"JOIN municipality mu ON mu.id = m.municipality_id WHERE m.id = ?1",
	[STMT_TERRITORY_MUNICIPALITY] = "SELECT municipality_id FROM territory WHERE id = ?1",
	/* Held and planned meetings of kind ?1 starting in [?2, ?3) of municipality ?4 (NULL: of
	 * every one) hosted by ?5 (NULL: by anyone): the reports' frequencies (issue 18 item 5). */
	[STMT_REPORT_KIND_COUNT] =
		"SELECT count(*) FILTER (WHERE status = 'held'), "
		"count(*) FILTER (WHERE status IN ('approved', 'postponed')) FROM meeting "
		"WHERE kind = ?1 AND starts_at >= ?2 AND starts_at < ?3 "
		"AND (?4 IS NULL OR municipality_id = ?4) AND (?5 IS NULL OR host_id = ?5)",
	/* The information groups of municipality ?1 created before ?2: each must meet at least once
	 * a quarter (regulation № 44 on information groups §3.1). */
	/* The territories whose meetings a municipality's pages may show (issue 18 item 4). */
	[STMT_MUNICIPALITY_TERRITORIES] = CONCERNING_TERRITORIES("?1"),
	[STMT_REPORT_BODY_GROUPS] =
		"SELECT count(*) FROM info_group g JOIN territory t ON t.id = g.territory_id "
		"WHERE t.municipality_id = ?1 AND g.created_at < ?2",
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
	COLUMNS(STMT_TERRITORY_TREE, 3),
	COLUMNS(STMT_KIND_LIST, 2),
	COLUMNS(STMT_KIND_WORDS, 4),
	COLUMNS(STMT_MEETING_UPCOMING, 12),
	COLUMNS(STMT_MEETING_UPCOMING_COUNT, 1),
	COLUMNS(STMT_MEETING_PAST, 12),
	COLUMNS(STMT_MEETING_COUNT, 1),
	COLUMNS(STMT_MEETING_RECENT_HELD, 12),
	COLUMNS(STMT_MEETING_GET, 21),
	COLUMNS(STMT_MEETING_INVITEES, 3),
	COLUMNS(STMT_MEETING_PUBLIC_CHANGES, 6),
	COLUMNS(STMT_AUDIT_INSERT, 0),
	COLUMNS(STMT_AUDIT_LIST, 8),
	COLUMNS(STMT_STAFF_MEETING_LIST, 12),
	COLUMNS(STMT_STAFF_MEETING_GET, 22),
	COLUMNS(STMT_STAFF_MEETING_INSERT, 0),
	COLUMNS(STMT_STAFF_MEETING_UPDATE, 0),
	COLUMNS(STMT_STAFF_MEETING_JSON, 1),
	COLUMNS(STMT_MEETING_INVITEE_CLEAR, 0),
	COLUMNS(STMT_MEETING_INVITEE_ADD, 0),
	COLUMNS(STMT_MEETING_INVITEE_IDS, 1),
	COLUMNS(STMT_MEETING_SET_STATUS, 0),
	COLUMNS(STMT_MEETING_APPROVE, 0),
	COLUMNS(STMT_MEETING_POSTPONE, 0),
	COLUMNS(STMT_MEETING_HELD, 0),
	COLUMNS(STMT_MEETING_POLICE_NOTIFIED, 0),
	COLUMNS(STMT_MEETING_UNANNOUNCE, 0),
	COLUMNS(STMT_MEETING_SET_EXCEPTION, 0),
	COLUMNS(STMT_MEETING_MARK_MOVED, 0),
	COLUMNS(STMT_MEETING_CHANGE_INSERT, 0),
	COLUMNS(STMT_MEETING_CHANGE_LIST, 6),
	COLUMNS(STMT_VENUE_LIST, 3),
	COLUMNS(STMT_PERSON_LIST, 3),
	COLUMNS(STMT_TERRITORY_ADMIN_TREE, 7),
	COLUMNS(STMT_TERRITORY_GET, 4),
	COLUMNS(STMT_TERRITORY_NAME_TAKEN, 1),
	COLUMNS(STMT_TERRITORY_INSERT, 0),
	COLUMNS(STMT_TERRITORY_RENAME, 0),
	COLUMNS(STMT_TERRITORY_JSON, 1),
	COLUMNS(STMT_VENUE_ADMIN_LIST, 6),
	COLUMNS(STMT_VENUE_GET, 5),
	COLUMNS(STMT_VENUE_INSERT, 0),
	COLUMNS(STMT_VENUE_UPDATE, 0),
	COLUMNS(STMT_VENUE_JSON, 1),
	COLUMNS(STMT_PERSON_ADMIN_LIST, 7),
	COLUMNS(STMT_PERSON_GET, 6),
	COLUMNS(STMT_PERSON_INSERT, 0),
	COLUMNS(STMT_PERSON_UPDATE, 0),
	COLUMNS(STMT_PERSON_JSON, 1),
	COLUMNS(STMT_GROUP_LIST, 6),
	COLUMNS(STMT_GROUP_OPTIONS, 3),
	COLUMNS(STMT_GROUP_GET, 5),
	COLUMNS(STMT_GROUP_INSERT, 0),
	COLUMNS(STMT_GROUP_UPDATE, 0),
	COLUMNS(STMT_GROUP_JSON, 1),
	COLUMNS(STMT_GROUP_MEMBER_CLEAR, 0),
	COLUMNS(STMT_GROUP_MEMBER_ADD, 0),
	COLUMNS(STMT_GROUP_MEMBERS, 3),
	COLUMNS(STMT_VENUE_TERRITORY, 1),
	COLUMNS(STMT_MEETING_TERRITORY, 1),
	COLUMNS(STMT_INFORMED_PEOPLE, 11),
	COLUMNS(STMT_INFORMED_MARK, 1),
	COLUMNS(STMT_SERIES_INSERT, 0),
	COLUMNS(STMT_SERIES_MEETING_INSERT, 0),
	COLUMNS(STMT_SERIES_LIST, 4),
	COLUMNS(STMT_SERIES_GET, 2),
	COLUMNS(STMT_SERIES_MEETINGS, 4),
	COLUMNS(STMT_PLACE_AGREEMENT_GET, 6),
	COLUMNS(STMT_PLACE_AGREE, 0),
	COLUMNS(STMT_PLACE_UNAGREED, 3),
	COLUMNS(STMT_DASH_DRAFTS, 4),
	COLUMNS(STMT_DASH_UNANNOUNCED, 3),
	COLUMNS(STMT_DASH_POLICE, 3),
	COLUMNS(STMT_DASH_HELD, 6),
	COLUMNS(STMT_DASH_KIND_COUNT, 2),
	COLUMNS(STMT_DASH_VIOLATIONS, 3),
	COLUMNS(STMT_DASH_GROUPS, 4),
	COLUMNS(STMT_REPORT_VIOLATIONS, 5),
	COLUMNS(STMT_REPORT_EXCEPTIONS, 4),
	COLUMNS(STMT_REPORT_ANSWERED_LATE, 8),
	COLUMNS(STMT_REPORT_OPEN_OVERDUE, 4),
	COLUMNS(STMT_REPORT_PROTOCOLS, 7),
	COLUMNS(STMT_REPORT_INSTRUCTIONS_LATE, 9),
	COLUMNS(STMT_REPORT_APPEALS_CUBE, 11),
	COLUMNS(STMT_REPORT_GROUPS, 8),
	COLUMNS(STMT_REPORT_MONTHLY, 7),
	COLUMNS(STMT_REPORT_GROUP_QUARTER, 6),
	COLUMNS(STMT_OUTBOX_ADD, 0),
	COLUMNS(STMT_NOTIFY_UNANNOUNCED, 5),
	COLUMNS(STMT_NOTIFY_VIOLATION_ADD, 1),
	COLUMNS(STMT_NOTIFY_PREVIOUS, 3),
	COLUMNS(STMT_NOTIFY_LAST_CHANGE, 1),
	COLUMNS(STMT_NOTIFY_ANNOUNCEMENT_ADD, 1),
	COLUMNS(STMT_NOTIFY_MARK_ANNOUNCED, 0),
	COLUMNS(STMT_NOTIFY_CANCELLED, 1),
	COLUMNS(STMT_NOTIFY_RECIPIENTS, 3),
	COLUMNS(STMT_NOTIFY_STAFF_EMAILS, 1),
	COLUMNS(STMT_NOTIFY_DRAFTS_SOON, 5),
	COLUMNS(STMT_NOTIFY_ANNOUNCED_SOON, 2),
	COLUMNS(STMT_NOTIFY_INVITEE_EMAILS, 1),
	COLUMNS(STMT_NOTIFY_POLICE_DUE, 2),
	COLUMNS(STMT_NOTIFY_MARK_POLICE, 0),
	COLUMNS(STMT_NOTIFY_VENUE, 1),
	COLUMNS(STMT_NOTIFY_APPEALS_DUE, 3),
	COLUMNS(STMT_NOTIFY_TITLE, 1),
	COLUMNS(STMT_OUTBOX_DUE, 8),
	COLUMNS(STMT_OUTBOX_SENT, 0),
	COLUMNS(STMT_OUTBOX_FAILED, 0),
	COLUMNS(STMT_OUTBOX_TOTALS, 3),
	COLUMNS(STMT_OUTBOX_PRESS_TOTALS, 3),
	COLUMNS(STMT_OUTBOX_DEAD_LIST, 10),
	COLUMNS(STMT_OUTBOX_RETRY_LIST, 10),
	COLUMNS(STMT_OUTBOX_SENT_LIST, 10),
	COLUMNS(STMT_OUTBOX_STATE, 3),
	COLUMNS(STMT_OUTBOX_RETRY, 0),
	COLUMNS(STMT_OUTBOX_DISCARD, 0),
	COLUMNS(STMT_PRESS_UPCOMING, 23),
	COLUMNS(STMT_PRESS_PAST, 23),
	COLUMNS(STMT_FEED_ANSWERS, 9),
	COLUMNS(STMT_ANNOUNCEMENT_WEBHOOKS, 1),
	COLUMNS(STMT_FEED_ENTRIES, 19),
	COLUMNS(STMT_MEDIA_PLAN, 13),
	COLUMNS(STMT_PUBLICATION_LIST, 6),
	COLUMNS(STMT_PUBLICATION_CHANNELS, 6),
	COLUMNS(STMT_MEDIA_LIST, 4),
	COLUMNS(STMT_MEDIA_GET, 3),
	COLUMNS(STMT_MEDIA_EMAIL_TAKEN, 1),
	COLUMNS(STMT_MEDIA_INSERT, 0),
	COLUMNS(STMT_MEDIA_UPDATE, 0),
	COLUMNS(STMT_MEDIA_SET_ACTIVE, 0),
	COLUMNS(STMT_MEDIA_JSON, 1),
	COLUMNS(STMT_REFGROUP_LIST, 4),
	COLUMNS(STMT_REFGROUP_OPTIONS, 3),
	COLUMNS(STMT_REFGROUP_GET, 2),
	COLUMNS(STMT_REFGROUP_INSERT, 0),
	COLUMNS(STMT_REFGROUP_UPDATE, 0),
	COLUMNS(STMT_REFGROUP_JSON, 1),
	COLUMNS(STMT_REFGROUP_MEMBERS, 7),
	COLUMNS(STMT_REFGROUP_MEMBER_CLEAR, 0),
	COLUMNS(STMT_REFCONSENT_GET, 4),
	COLUMNS(STMT_REFCONSENT_GIVE, 0),
	COLUMNS(STMT_REFCONSENT_BY_TOKEN, 2),
	COLUMNS(STMT_REFCONSENT_WITHDRAW, 0),
	COLUMNS(STMT_REFGROUP_MEMBER_ADD, 0),
	COLUMNS(STMT_MEETING_REFGROUP_CLEAR, 0),
	COLUMNS(STMT_MEETING_REFGROUP_ADD, 0),
	COLUMNS(STMT_MEETING_REFGROUP_IDS, 1),
	COLUMNS(STMT_OUTBOX_RECENT, 1),
	COLUMNS(STMT_CALENDAR_YEARS, 5),
	COLUMNS(STMT_CALENDAR_DAYS, 2),
	COLUMNS(STMT_CALENDAR_YEAR_GET, 3),
	COLUMNS(STMT_CALENDAR_YEAR_DAYS, 3),
	COLUMNS(STMT_CALENDAR_YEAR_INSERT, 0),
	COLUMNS(STMT_CALENDAR_YEAR_UPDATE, 0),
	COLUMNS(STMT_CALENDAR_YEAR_TOUCH, 0),
	COLUMNS(STMT_CALENDAR_YEAR_JSON, 1),
	COLUMNS(STMT_CALENDAR_DAY_GET, 2),
	COLUMNS(STMT_CALENDAR_DAY_SET, 0),
	COLUMNS(STMT_CALENDAR_DAY_DELETE, 0),
	COLUMNS(STMT_CALENDAR_DAY_JSON, 1),
	COLUMNS(STMT_APPEAL_COUNTER_NEXT, 1),
	COLUMNS(STMT_APPEAL_INSERT, 1),
	COLUMNS(STMT_APPEAL_EVENT_ADD, 0),
	COLUMNS(STMT_APPEAL_TOPIC_OPTIONS, 3),
	COLUMNS(STMT_APPEAL_TOPIC_ACTIVE, 1),
	COLUMNS(STMT_APPEAL_FILES, 5),
	COLUMNS(STMT_APPEAL_FILE_GET, 4),
	COLUMNS(STMT_APPEAL_LIST, 15),
	COLUMNS(STMT_APPEAL_LIST_MATCHES, 15),
	COLUMNS(STMT_APPEAL_MATCHES, 1),
	COLUMNS(STMT_APPEAL_GET, 40),
	COLUMNS(STMT_APPEAL_EVENTS, 4),
	COLUMNS(STMT_APPEAL_ASSIGN, 0),
	COLUMNS(STMT_APPEAL_FORWARD, 0),
	COLUMNS(STMT_APPEAL_EXTEND, 0),
	COLUMNS(STMT_APPEAL_ANSWER, 0),
	COLUMNS(STMT_APPEAL_CLOSE, 0),
	COLUMNS(STMT_APPEAL_PUBLISH, 0),
	COLUMNS(STMT_APPEAL_ID_BY_NUMBER, 1),
	COLUMNS(STMT_TERRITORY_APPEAL_TOPICS, 3),
	COLUMNS(STMT_TERRITORY_APPEAL_STATUS, 2),
	COLUMNS(STMT_TERRITORY_APPEAL_OLDEST, 4),
	COLUMNS(STMT_EXECUTOR_OPTIONS, 3),
	COLUMNS(STMT_MEETING_OPTIONS_RECENT, 3),
	COLUMNS(STMT_APPEAL_MEETING, 2),
	COLUMNS(STMT_TOPIC_TREE, 6),
	COLUMNS(STMT_TOPIC_GET, 6),
	COLUMNS(STMT_TOPIC_INSERT, 0),
	COLUMNS(STMT_TOPIC_RENAME, 0),
	COLUMNS(STMT_TOPIC_SET_ACTIVE, 0),
	COLUMNS(STMT_TOPIC_JSON, 1),
	COLUMNS(STMT_NOTIFY_INSTRUCTIONS_DUE, 4),
	COLUMNS(STMT_OIDC_PENDING_INSERT, 0),
	COLUMNS(STMT_OIDC_PENDING_TAKE, 4),
	COLUMNS(STMT_OIDC_PENDING_PURGE, 0),
	COLUMNS(STMT_APPEAL_AUTHOR, 6),
	COLUMNS(STMT_REPORT_APPEALS_RESIDENTS, 4),
	COLUMNS(STMT_DISCUSSION_INSERT, 0),
	COLUMNS(STMT_DISCUSSION_LIST, 9),
	COLUMNS(STMT_DISCUSSION_GET, 12),
	COLUMNS(STMT_DISCUSSION_JSON, 1),
	COLUMNS(STMT_DISCUSSION_CONCLUDE, 0),
	COLUMNS(STMT_DISCUSSION_OPEN_ITEMS, 2),
	COLUMNS(STMT_HEARING_OPTIONS, 3),
	COLUMNS(STMT_PROPOSAL_INSERT, 0),
	COLUMNS(STMT_PROPOSAL_RECENT, 1),
	COLUMNS(STMT_PROPOSAL_LIST, 10),
	COLUMNS(STMT_PROPOSAL_GET, 6),
	COLUMNS(STMT_PROPOSAL_MODERATE, 0),
	COLUMNS(STMT_PROPOSAL_OUTCOME, 0),
	COLUMNS(STMT_PROPOSAL_JSON, 1),
	COLUMNS(STMT_PROPOSAL_AUTHORS, 5),
	COLUMNS(STMT_DISCUSSION_GROUP_ADD, 0),
	COLUMNS(STMT_DISCUSSION_GROUPS, 2),
	COLUMNS(STMT_NOTIFY_DISCUSSIONS_DUE, 7),
	COLUMNS(STMT_NOTIFY_DISCUSSION_RECIPIENTS, 3),
	COLUMNS(STMT_NOTIFY_DISCUSSION_ANNOUNCED, 0),
	COLUMNS(STMT_PRESS_DISCUSSIONS, 7),
	COLUMNS(STMT_DISCUSSION_FILE_ADD, 0),
	COLUMNS(STMT_DISCUSSION_FILES, 4),
	COLUMNS(STMT_DISCUSSION_FILE_GET, 3),
	COLUMNS(STMT_MEETING_DISCUSSIONS, 3),
	COLUMNS(STMT_NOTIFY_BOOKINGS_SOON, 4),
	COLUMNS(STMT_REFERENCE_VERSION, 1),
	COLUMNS(STMT_APPEAL_SEARCH_PENDING, 2),
	COLUMNS(STMT_APPEAL_SEARCH_INDEX, 0),
	COLUMNS(STMT_APPEAL_SEARCH_DONE, 0),
	COLUMNS(STMT_LINK_BY_TOKEN, 6),
	COLUMNS(STMT_SURVEY_LINKS_CREATE, 0),
	COLUMNS(STMT_DISCUSSION_LINKS_CREATE, 0),
	COLUMNS(STMT_LINK_TOKEN, 1),
	COLUMNS(STMT_NOTIFY_SURVEYS_DUE, 4),
	COLUMNS(STMT_NOTIFY_SURVEY_LINKS, 4),
	COLUMNS(STMT_NOTIFY_SURVEY_ANNOUNCED, 0),
	COLUMNS(STMT_PROPOSAL_LINK_INSERT, 0),
	COLUMNS(STMT_PROPOSAL_LINK_RECENT, 1),
	COLUMNS(STMT_PLAN_MEASURE_INSERT, 0),
	COLUMNS(STMT_PLAN_MEASURE_LIST, 10),
	COLUMNS(STMT_PLAN_MEASURE_JSON, 1),
	COLUMNS(STMT_PLAN_EVIDENCE_KINDS, 2),
	COLUMNS(STMT_PLAN_RECORD_INSERT, 0),
	COLUMNS(STMT_PLAN_RECORD_JSON, 1),
	COLUMNS(STMT_PLAN_RECORD_GET, 3),
	COLUMNS(STMT_PLAN_RECORDS, 6),
	COLUMNS(STMT_PLAN_EVIDENCE_MEETINGS, 4),
	COLUMNS(STMT_PLAN_EVIDENCE_DISCUSSIONS, 4),
	COLUMNS(STMT_PLAN_EVIDENCE_RECORDS, 4),
	COLUMNS(STMT_MUNICIPALITY_LIST, 18),
	COLUMNS(STMT_MUNICIPALITY_INSERT, 0),
	COLUMNS(STMT_MUNICIPALITY_UPDATE, 0),
	COLUMNS(STMT_MUNICIPALITY_JSON, 1),
	COLUMNS(STMT_MUNICIPALITY_CODE_USED, 1),
	COLUMNS(STMT_MUNICIPALITY_MEETINGS, 12),
	COLUMNS(STMT_APPEAL_BODY_COUNTER_NEXT, 1),
	COLUMNS(STMT_MEETING_MUNICIPALITY, 4),
	COLUMNS(STMT_TERRITORY_MUNICIPALITY, 1),
	COLUMNS(STMT_REPORT_KIND_COUNT, 2),
	COLUMNS(STMT_REPORT_BODY_GROUPS, 1),
	COLUMNS(STMT_MUNICIPALITY_TERRITORIES, 1),
};
