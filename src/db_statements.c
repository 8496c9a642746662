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
	[STMT_BEGIN_READ] = "BEGIN",
	[STMT_END_READ] = "COMMIT",

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
			     "m.updated_at, coalesce(g.name, '') " MEETING_FROM
			     "LEFT JOIN person h ON h.id = m.host_id "
			     "LEFT JOIN info_group g ON g.id = m.group_id "
			     "WHERE m.id = ?1 AND " PUBLIC_STATUS,

	[STMT_MEETING_INVITEES] = "SELECT p.full_name, p.position, p.organisation "
				  "FROM meeting_invitee i JOIN person p ON p.id = i.person_id "
				  "WHERE i.meeting_id = ?1 ORDER BY p.category, p.full_name",

	[STMT_SESSION_GET] = "SELECT s.id, s.csrf_token, s.created_at, s.last_seen_at, u.id, u.login, "
			     "u.full_name, u.role FROM staff_session s "
			     "JOIN staff_user u ON u.id = s.user_id "
			     "WHERE s.token_hash = ?1 AND u.disabled = 0",
	[STMT_SESSION_INSERT] = "INSERT INTO staff_session (token_hash, user_id, csrf_token, "
				"created_at, last_seen_at, remote_addr) VALUES (?1, ?2, ?3, ?4, ?4, ?5)",
	[STMT_SESSION_TOUCH] = "UPDATE staff_session SET last_seen_at = ?2 WHERE id = ?1",
	[STMT_SESSION_DELETE] = "DELETE FROM staff_session WHERE id = ?1",
	[STMT_SESSION_DELETE_OTHERS] = "DELETE FROM staff_session WHERE user_id = ?1 AND id <> ?2",
	[STMT_SESSION_DELETE_USER] = "DELETE FROM staff_session WHERE user_id = ?1",

	[STMT_USER_BY_LOGIN] = "SELECT id, password_hash, disabled FROM staff_user WHERE login = ?1",
	[STMT_USER_BY_ID] = "SELECT login, full_name, role, disabled, password_hash "
			    "FROM staff_user WHERE id = ?1",
	[STMT_USER_SET_PASSWORD] = "UPDATE staff_user SET password_hash = ?2, "
				   "password_changed_at = ?3 WHERE id = ?1",
	[STMT_USER_LIST] = "SELECT id, login, full_name, role, disabled, created_at FROM staff_user "
			   "ORDER BY disabled, login",
	[STMT_USER_INSERT] = "INSERT INTO staff_user (login, full_name, role, password_hash) "
			     "VALUES (?1, ?2, ?3, ?4)",
	[STMT_USER_SET_DISABLED] = "UPDATE staff_user SET disabled = ?2 WHERE id = ?1",

	[STMT_THROTTLE_GET] = "SELECT failures, last_failure_at, locked_until FROM login_throttle "
			      "WHERE key = ?1",
	/* A failure after a quiet period (?5 seconds) or after a lock ran out starts over at 1;
	 * the ?3-th failure in a row locks for ?4 seconds. */
	[STMT_THROTTLE_FAIL] =
		"INSERT INTO login_throttle (key, failures, last_failure_at, locked_until) "
		"VALUES (?1, 1, ?2, CASE WHEN ?3 <= 1 THEN ?2 + ?4 ELSE 0 END) "
		"ON CONFLICT(key) DO UPDATE SET "
		" failures = CASE WHEN (locked_until > 0 AND locked_until <= ?2) "
		"   OR last_failure_at < ?2 - ?5 THEN 1 ELSE failures + 1 END, "
		" locked_until = CASE WHEN (CASE WHEN (locked_until > 0 AND locked_until <= ?2) "
		"   OR last_failure_at < ?2 - ?5 THEN 1 ELSE failures + 1 END) >= ?3 "
		"   THEN ?2 + ?4 ELSE 0 END, "
		" last_failure_at = ?2",
	[STMT_THROTTLE_CLEAR] = "DELETE FROM login_throttle WHERE key = ?1",
	[STMT_THROTTLE_PURGE] = "DELETE FROM login_throttle WHERE last_failure_at < ?1 "
				"AND locked_until < ?1",

	[STMT_AUDIT_INSERT] = "INSERT INTO audit_log (at, user_id, login, action, entity, entity_id, "
			      "before_json, after_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[STMT_AUDIT_LIST] = "SELECT id, at, login, action, entity, entity_id, before_json, after_json "
			    "FROM audit_log WHERE (?1 IS NULL OR user_id = ?1) "
			    "AND (?2 IS NULL OR entity = ?2) AND (?3 IS NULL OR at >= ?3) "
			    "AND (?4 IS NULL OR at < ?4) ORDER BY id DESC LIMIT ?5",

	[STMT_STAFF_MEETING_LIST] =
		"SELECT m.id, k.name, m.title, m.status, m.starts_at, t.name, coalesce(v.name, ''), "
		"m.announced_at, m.exception_reason, m.expected_attendance, m.police_notified_at "
		"FROM meeting m JOIN meeting_kind k ON k.code = m.kind "
		"JOIN territory t ON t.id = m.territory_id LEFT JOIN venue v ON v.id = m.venue_id "
		"WHERE (?1 IS NULL OR m.status = ?1) AND (?2 IS NULL OR m.kind = ?2) "
		"AND (?3 IS NULL OR m.territory_id IN (SELECT id FROM territory WHERE id = ?3 "
		"     OR parent_id = ?3 OR parent_id IN (SELECT id FROM territory WHERE parent_id = ?3))) "
		"AND (?4 IS NULL OR m.starts_at >= ?4) AND (?5 IS NULL OR m.starts_at < ?5) "
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
		"             WHERE meeting_id = ?1)) FROM meeting WHERE id = ?1",
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
	[STMT_VENUE_LIST] = "SELECT id, name, address FROM venue ORDER BY name",
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
	[STMT_TERRITORY_INSERT] = "INSERT INTO territory (parent_id, level, name) VALUES (?1, ?2, ?3)",
	[STMT_TERRITORY_RENAME] = "UPDATE territory SET name = ?2 WHERE id = ?1",
	[STMT_TERRITORY_JSON] = "SELECT json_object('name', name, 'level', level, "
				"'parent_id', parent_id) FROM territory WHERE id = ?1",

	[STMT_VENUE_ADMIN_LIST] = "SELECT v.id, v.name, v.address, v.kind, v.capacity, t.name "
				  "FROM venue v JOIN territory t ON t.id = v.territory_id "
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
			    "LEFT JOIN person s ON s.id = g.secretary_id ORDER BY g.name, g.id",
	[STMT_GROUP_OPTIONS] = "SELECT g.id, g.name, t.name FROM info_group g "
			       "JOIN territory t ON t.id = g.territory_id ORDER BY g.name, g.id",
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
	[STMT_SERIES_INSERT] = "INSERT INTO meeting_series (title, kind, rule, description, "
			       "created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[STMT_SERIES_MEETING_INSERT] =
		"INSERT INTO meeting (series_id, kind, title, territory_id, venue_id, starts_at, "
		"ends_at, host_id, description, status, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'draft', ?10, ?10)",
	[STMT_SERIES_LIST] = "SELECT s.id, s.title, k.name, (SELECT count(*) FROM meeting m "
			     "WHERE m.series_id = s.id) FROM meeting_series s "
			     "JOIN meeting_kind k ON k.code = s.kind ORDER BY s.id DESC",
	[STMT_SERIES_GET] = "SELECT s.title, k.name FROM meeting_series s "
			    "JOIN meeting_kind k ON k.code = s.kind WHERE s.id = ?1",
	[STMT_SERIES_MEETINGS] =
		"SELECT m.id, m.starts_at, coalesce(v.name || ', ' || v.address, t.name), "
		"CASE m.status WHEN 'draft' THEN 'черновик' WHEN 'approved' THEN 'утверждена' "
		"WHEN 'postponed' THEN 'перенесена' WHEN 'cancelled' THEN 'отменена' "
		"ELSE 'проведена' END "
		"FROM meeting m JOIN territory t ON t.id = m.territory_id "
		"LEFT JOIN venue v ON v.id = m.venue_id WHERE m.series_id = ?1 ORDER BY m.starts_at",

	[STMT_DASH_DRAFTS] = "SELECT id, title, starts_at FROM meeting WHERE status = 'draft' "
			     "AND starts_at > ?1 ORDER BY starts_at LIMIT 50",
	[STMT_DASH_UNANNOUNCED] = "SELECT id, title, starts_at FROM meeting "
				  "WHERE status IN ('approved', 'postponed') AND announced_at IS NULL "
				  "AND starts_at > ?1 ORDER BY starts_at LIMIT 50",
	[STMT_DASH_POLICE] = "SELECT id, title, starts_at FROM meeting WHERE expected_attendance >= ?2 "
			     "AND police_notified_at IS NULL AND status IN ('draft', 'approved', "
			     "'postponed') AND starts_at > ?1 ORDER BY starts_at LIMIT 50",
	[STMT_DASH_HELD] = "SELECT id, title, starts_at FROM meeting WHERE status = 'held' "
			   "AND starts_at >= ?1 ORDER BY starts_at DESC LIMIT 50",
	[STMT_DASH_VIOLATIONS] =
		"SELECT m.id, m.title, m.starts_at FROM meeting m WHERE m.status IN ('approved', "
		"'postponed') AND m.starts_at > ?1 AND EXISTS (SELECT 1 FROM rule_violation r "
		"WHERE r.meeting_id = m.id AND r.starts_at = m.starts_at) ORDER BY m.starts_at LIMIT 50",
	[STMT_DASH_KIND_COUNT] = "SELECT count(*) FILTER (WHERE status = 'held'), "
				 "count(*) FILTER (WHERE status IN ('approved', 'postponed')) "
				 "FROM meeting WHERE kind = ?1 AND starts_at >= ?2 AND starts_at < ?3",
	[STMT_DASH_GROUPS] = "SELECT g.id, g.name, "
			     "count(m.id) FILTER (WHERE m.status = 'held'), "
			     "count(m.id) FILTER (WHERE m.status IN ('approved', 'postponed')) "
			     "FROM info_group g LEFT JOIN meeting m ON m.group_id = g.id AND m.kind = 'group_field' "
			     "AND m.starts_at >= ?1 AND m.starts_at < ?2 GROUP BY g.id ORDER BY g.name",

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
		"SELECT id, starts_at, exception_reason, venue_id IS NOT NULL FROM meeting "
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
		" WHERE t.parent_id IS NOT NULL) "
		"SELECT 0, email, '' FROM media_contact WHERE active = 1 "
		"UNION ALL SELECT 1, p.email, '' FROM meeting_invitee i "
		"JOIN person p ON p.id = i.person_id WHERE i.meeting_id = ?1 AND p.email <> '' "
		"UNION ALL SELECT 2, r.email, '' FROM meeting_reference_group g "
		"JOIN reference_group_member r ON r.group_id = g.group_id WHERE g.meeting_id = ?1 "
		"UNION ALL SELECT 3, s.email, s.token FROM subscription s WHERE s.status = 'active' "
		"AND (s.territory_id IS NULL OR s.territory_id IN (SELECT id FROM up)) "
		"ORDER BY 1, 2",
	[STMT_NOTIFY_STAFF_EMAILS] =
		"SELECT DISTINCT email FROM staff_user WHERE disabled = 0 AND email <> '' "
		"AND instr(?1, ',' || role || ',') > 0 ORDER BY email",
	[STMT_NOTIFY_DRAFTS_SOON] =
		"SELECT id, starts_at FROM meeting WHERE status = 'draft' AND starts_at > ?1 "
		"AND starts_at <= ?2 ORDER BY starts_at, id",
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
	[STMT_OUTBOX_TOTALS] =
		"SELECT count(*) FILTER (WHERE status = 'pending'), "
		"count(*) FILTER (WHERE status = 'dead') FROM outbox",
#define OUTBOX_ROW "SELECT id, channel, recipient, subject, purpose, meeting_id, created_at, " \
		   "attempts, last_error, sent_at FROM outbox "
	[STMT_OUTBOX_DEAD_LIST] = OUTBOX_ROW "WHERE status = 'dead' ORDER BY id DESC LIMIT ?1",
	[STMT_OUTBOX_RETRY_LIST] = OUTBOX_ROW "WHERE status = 'pending' AND attempts > 0 "
					      "ORDER BY next_attempt_at, id LIMIT ?1",
	[STMT_OUTBOX_SENT_LIST] = OUTBOX_ROW "WHERE status = 'sent' ORDER BY sent_at DESC, id DESC "
					     "LIMIT ?1",
#undef OUTBOX_ROW
	[STMT_OUTBOX_STATE] = "SELECT status, recipient FROM outbox WHERE id = ?1",
	[STMT_OUTBOX_RETRY] = "UPDATE outbox SET status = 'pending', attempts = 0, "
			      "next_attempt_at = ?2 WHERE id = ?1 AND status = 'dead'",
	[STMT_OUTBOX_DISCARD] = "UPDATE outbox SET status = 'discarded' WHERE id = ?1 "
				"AND status = 'dead' AND ?2 IS NOT NULL",

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
};
