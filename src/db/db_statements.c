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

/* A resident's appeal as the account shows it (page_account.c). */
#define ACCOUNT_APPEAL_COLUMNS                                                                    \
	"id, number, status, registered_at, answer_due, extended_days, extension_reason, "        \
	"forwarded_to, forwarded_at, answer, answered_at, outcome, verdict, verdict_comment, "     \
	"text, verdict_at "

/* The appeals of one page of the account (?1 resident, ?2 limit, ?3 offset). */
#define ACCOUNT_PAGE_IDS                                                                          \
	"SELECT id FROM appeal WHERE resident_id = ?1 ORDER BY registered_at DESC, id DESC "      \
	"LIMIT ?2 OFFSET ?3"


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

	/* ---- reference data for staff ---- */
	/* UNIQUE (parent_id, name) says nothing about districts, whose parent is NULL. */

	/* ?1 the staff account's body (STAFF_SCOPE_SQL). */

	/* Contacts are read here, for staff pages only; public statements never select them. */

	[STMT_GROUP_OPTIONS] = "SELECT g.id, g.name, t.name FROM info_group g "
			       "JOIN territory t ON t.id = g.territory_id "
			       "WHERE " STAFF_SCOPE_SQL("t.municipality_id", "1") " "
			       "ORDER BY g.name, g.id",

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
	[STMT_OPEN311_SERVICES] =
		"SELECT e.code, e.name, e.level, coalesce(p.name, ''), s.name FROM appeal_topic e "
		"JOIN appeal_topic s ON s.code = substr(e.code, 1, 4) "
		"LEFT JOIN appeal_topic p ON p.code = e.parent_code "
		"WHERE e.active = 1 AND e.level BETWEEN 2 AND 3 ORDER BY e.code",
#define OPEN311_COLUMNS                                                                           \
	"SELECT a.number, CASE WHEN a.status IN ('answered', 'closed', 'forwarded') THEN 'closed' " \
	"ELSE 'open' END, a.public_answer, coalesce(tp.name, ''), coalesce(a.topic_code, ''), "    \
	"a.public_question, a.received_at, max(a.received_at, coalesce(a.answered_at, 0), "        \
	"coalesce(a.closed_at, 0), coalesce(a.published_at, 0)), coalesce(tr.name, ''), "         \
	"coalesce(mu.administration, '') "                                                        \
	"FROM appeal a LEFT JOIN appeal_topic tp ON tp.code = a.topic_code "                      \
	"LEFT JOIN territory tr ON tr.id = a.territory_id "                                       \
	"LEFT JOIN municipality mu ON mu.id = a.municipality_id WHERE a.published_at IS NOT NULL "
	[STMT_OPEN311_REQUESTS] =
		OPEN311_COLUMNS
		"AND (?5 IS NOT NULL OR (a.received_at >= ?1 AND a.received_at < ?2 "
		"AND (?3 IS NULL OR (CASE WHEN a.status IN ('answered', 'closed', 'forwarded') "
		"THEN 'closed' ELSE 'open' END) = ?3) "
		"AND (?4 IS NULL OR instr(',' || ?4 || ',', ',' || a.topic_code || ',') > 0))) "
		"AND (?5 IS NULL OR instr(',' || ?5 || ',', ',' || a.number || ',') > 0) "
		"ORDER BY a.received_at DESC, a.id DESC LIMIT ?6",
	[STMT_OPEN311_REQUEST] = OPEN311_COLUMNS "AND a.number = ?1",
#undef OPEN311_COLUMNS

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
	[STMT_REFCONSENT_BY_TOKEN] = "SELECT email, withdrawn_at FROM reference_consent "
				     "WHERE token = ?1",
	[STMT_REFCONSENT_WITHDRAW] = "UPDATE reference_consent SET withdrawn_at = ?2, "
				     "withdrawn_how = ?3 WHERE token = ?1 AND withdrawn_at IS NULL",
	[STMT_MEETING_REFGROUP_CLEAR] = "DELETE FROM meeting_reference_group WHERE meeting_id = ?1",
	[STMT_MEETING_REFGROUP_ADD] = "INSERT OR IGNORE INTO meeting_reference_group (meeting_id, "
				      "group_id) VALUES (?1, ?2)",
	[STMT_MEETING_REFGROUP_IDS] = "SELECT group_id FROM meeting_reference_group "
				      "WHERE meeting_id = ?1 ORDER BY group_id",

	/* One row per address and territory (subscription_unique): the same request again finds
	 * it instead of adding a second. */
	[STMT_SUBSCRIPTION_FIND] = "SELECT id, token, status FROM subscription "
				   "WHERE email = ?1 AND coalesce(territory_id, 0) = coalesce(?2, 0)",
	[STMT_SUBSCRIPTION_INSERT] = "INSERT INTO subscription (email, territory_id, token, status, "
				     "created_at) VALUES (?1, ?2, ?3, 'pending', ?4)",
	[STMT_SUBSCRIPTION_RENEW] = "UPDATE subscription SET token = ?2, status = 'pending', "
				    "created_at = ?3, confirmed_at = NULL, unsubscribed_at = NULL "
				    "WHERE id = ?1 AND status = 'unsubscribed'",
	[STMT_SUBSCRIPTION_BY_TOKEN] = "SELECT s.id, s.email, t.name, s.status FROM subscription s "
				       "LEFT JOIN territory t ON t.id = s.territory_id "
				       "WHERE s.token = ?1",
	[STMT_SUBSCRIPTION_CONFIRM] = "UPDATE subscription SET status = 'active', confirmed_at = ?2 "
				      "WHERE id = ?1 AND status = 'pending'",
	[STMT_SUBSCRIPTION_UNSUBSCRIBE] = "UPDATE subscription SET status = 'unsubscribed', "
					  "unsubscribed_at = ?2 WHERE id = ?1 "
					  "AND status IN ('pending', 'active')",
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

	[STMT_RESIDENT_SESSION_GET] =
		"SELECT s.id, s.csrf_token, s.created_at, s.last_seen_at, r.id, r.method, r.surname, "
		"r.name, r.patronymic, r.email, r.phone, r.address, r.confirmed, s.id_token "
		"FROM resident_session s JOIN resident r ON r.id = s.resident_id "
		"WHERE s.token_hash = ?1 AND r.closed_at IS NULL",
	[STMT_RESIDENT_SESSION_INSERT] =
		"INSERT INTO resident_session (token_hash, resident_id, csrf_token, created_at, "
		"last_seen_at, id_token) VALUES (?1, ?2, ?3, ?4, ?4, ?5)",
	[STMT_RESIDENT_SESSION_TOUCH] = "UPDATE resident_session SET last_seen_at = ?2 WHERE id = ?1",
	[STMT_RESIDENT_SESSION_DELETE] = "DELETE FROM resident_session WHERE id = ?1",
	[STMT_RESIDENT_SESSION_DELETE_ALL] = "DELETE FROM resident_session WHERE resident_id = ?1",
	[STMT_RESIDENT_UPSERT] =
		"INSERT INTO resident (method, subject, surname, name, patronymic, email, phone, "
		"address, confirmed, created_at, last_login_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
		"?8, ?9, ?10, ?10) ON CONFLICT (method, subject) DO UPDATE SET "
		"surname = CASE WHEN excluded.method = 'esia' THEN excluded.surname ELSE surname END, "
		"name = CASE WHEN excluded.method = 'esia' THEN excluded.name ELSE name END, "
		"patronymic = CASE WHEN excluded.method = 'esia' THEN excluded.patronymic "
		"ELSE patronymic END, email = excluded.email, "
		"phone = CASE WHEN excluded.method = 'esia' THEN excluded.phone ELSE phone END, "
		"address = CASE WHEN excluded.method = 'esia' THEN excluded.address ELSE address END, "
		"confirmed = excluded.confirmed, last_login_at = excluded.last_login_at, "
		"closed_at = NULL RETURNING id",
	[STMT_RESIDENT_CLOSE] =
		"UPDATE resident SET surname = '', name = '', patronymic = '', email = '', phone = '', "
		"address = '', closed_at = ?2 WHERE id = ?1",
	[STMT_RESIDENT_EXPORT] =
		"SELECT method, subject, surname, name, patronymic, email, phone, address, confirmed, "
		"created_at, last_login_at FROM resident WHERE id = ?1",
	[STMT_OIDC_PENDING_INSERT] =
		"INSERT INTO oidc_pending (state_hash, nonce, code_verifier, return_to, created_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5)",
	[STMT_OIDC_PENDING_TAKE] =
		"DELETE FROM oidc_pending WHERE state_hash = ?1 "
		"RETURNING nonce, code_verifier, return_to, created_at",
	[STMT_OIDC_PENDING_PURGE] = "DELETE FROM oidc_pending WHERE created_at < ?1",
	[STMT_EMAIL_CODE_GET] =
		"SELECT code_hash, sent_at, expires_at, tries, return_to FROM email_code "
		"WHERE email = ?1",
	[STMT_EMAIL_CODE_PUT] =
		"INSERT OR REPLACE INTO email_code (email, code_hash, sent_at, expires_at, tries, "
		"return_to) VALUES (?1, ?2, ?3, ?4, 0, ?5)",
	[STMT_EMAIL_CODE_TRY] = "UPDATE email_code SET tries = tries + 1 WHERE email = ?1",
	[STMT_EMAIL_CODE_DELETE] = "DELETE FROM email_code WHERE email = ?1",
	[STMT_APPEAL_DRAFT_PUT] =
		"INSERT OR REPLACE INTO appeal_draft (token_hash, fields, created_at) "
		"VALUES (?1, ?2, ?3)",
	[STMT_APPEAL_DRAFT_TAKE] =
		"DELETE FROM appeal_draft WHERE token_hash = ?1 AND created_at >= ?2 RETURNING fields",
	[STMT_APPEAL_SET_AUTHOR] =
		"UPDATE appeal SET resident_id = ?2, auth_method = ?3, auth_confirmed = ?4 "
		"WHERE id = ?1",
	/* The page reads 16 columns of 50 appeals, the export all (the decoding of each column
	 * counts: make bench, /account). */
	[STMT_ACCOUNT_APPEALS] =
		"SELECT " ACCOUNT_APPEAL_COLUMNS "FROM appeal WHERE resident_id = ?1 "
		"ORDER BY registered_at DESC, id DESC LIMIT ?2 OFFSET ?3",
	[STMT_ACCOUNT_APPEAL_COUNT] = "SELECT count(*) FROM appeal WHERE resident_id = ?1",
	[STMT_ACCOUNT_APPEAL_POSITION] =
		"SELECT (SELECT count(*) FROM appeal b WHERE b.resident_id = ?1 AND "
		"(b.registered_at, b.id) > (a.registered_at, a.id)) FROM appeal a "
		"WHERE a.id = ?2 AND a.resident_id = ?1",
	[STMT_ACCOUNT_EXPORT_APPEALS] =
		"SELECT " ACCOUNT_APPEAL_COLUMNS ", auth_method, auth_confirmed, addressee, surname, "
		"name, patronymic, email, address, phone FROM appeal WHERE resident_id = ?1 "
		"ORDER BY registered_at DESC, id DESC",
	[STMT_ACCOUNT_APPEAL_EVENTS] =
		"SELECT e.appeal_id, e.at, e.action FROM appeal a JOIN appeal_event e "
		"ON e.appeal_id = a.id WHERE a.resident_id = ?1 AND e.action IN "
		"('registered', 'assigned', 'forwarded', 'extended', 'answered', 'closed') "
		"ORDER BY a.registered_at, a.id, e.at, e.id", /* appeal_event_appeal's order: no sort */
	[STMT_ACCOUNT_PAGE_EVENTS] =
		"SELECT e.appeal_id, e.at, e.action FROM appeal_event e WHERE e.appeal_id IN "
		"(" ACCOUNT_PAGE_IDS ") AND e.action IN "
		"('registered', 'assigned', 'forwarded', 'extended', 'answered', 'closed') "
		"ORDER BY e.appeal_id, e.at, e.id", /* appeal_event_appeal's order: no sort */
	[STMT_ACCOUNT_APPEAL_FILES] =
		"SELECT f.appeal_id, f.id, f.file_name FROM appeal_file f WHERE f.appeal_id IN "
		"(" ACCOUNT_PAGE_IDS ") ORDER BY f.appeal_id, f.id",
	[STMT_ACCOUNT_PROPOSALS] =
		"SELECT p.id, p.discussion_id, d.title, p.point, p.text, p.status, p.refusal_reason, "
		"p.outcome, p.outcome_reason, p.created_at, d.concluded_at IS NOT NULL "
		"FROM discussion_proposal p JOIN discussion d ON d.id = p.discussion_id "
		"WHERE p.resident_id = ?1 ORDER BY p.created_at DESC, p.id DESC",
	[STMT_ACCOUNT_EXPORT_BOOKINGS] =
		"SELECT b.slot_at, p.full_name, p.position, coalesce(v.name || ', ' || v.address, ''), "
		"b.question, b.status, b.cancel_reason, b.phone, b.email, b.contact, b.created_at "
		"FROM reception_booking b JOIN person p ON p.id = b.person_id "
		"JOIN meeting m ON m.id = b.meeting_id LEFT JOIN venue v ON v.id = m.venue_id "
		"WHERE b.resident_id = ?1 ORDER BY b.slot_at DESC, b.id DESC",
	[STMT_ACCOUNT_EXPORT_ANSWERS] =
		"SELECT s.title, q.text, CASE q.kind WHEN 'text' THEN a.text "
		"WHEN 'scale' THEN CAST(a.choice AS TEXT) ELSE coalesce(o.label, '') END, r.updated_at "
		"FROM survey_response r JOIN survey s ON s.id = r.survey_id "
		"JOIN survey_answer a ON a.response_id = r.id "
		"JOIN survey_question q ON q.id = a.question_id "
		"LEFT JOIN survey_option o ON o.question_id = a.question_id AND o.position = a.choice "
		"WHERE r.resident_id = ?1 ORDER BY r.id, q.position, a.choice",
	[STMT_APPEAL_VERDICT] =
		"UPDATE appeal SET verdict = ?3, verdict_comment = ?4, verdict_at = ?5 "
		"WHERE id = ?1 AND resident_id = ?2 AND answered_at IS NOT NULL",
	[STMT_ACCOUNT_FILE_GET] =
		"SELECT f.file_name, f.mime, f.sha256 FROM appeal_file f JOIN appeal a "
		"ON a.id = f.appeal_id WHERE f.id = ?1 AND a.resident_id = ?2",
	[STMT_ACCOUNT_SUBSCRIPTIONS] =
		"SELECT s.id, t.name, s.status FROM subscription s LEFT JOIN territory t "
		"ON t.id = s.territory_id WHERE s.email = ?1 AND s.status != 'unsubscribed' "
		"ORDER BY t.name IS NOT NULL, t.name",
	[STMT_ACCOUNT_SUBSCRIPTION_REMOVE] =
		"UPDATE subscription SET status = 'unsubscribed', unsubscribed_at = ?3 "
		"WHERE id = ?1 AND email = ?2 AND status IN ('pending', 'active')",
	[STMT_APPEAL_FILE_ADD] =
		"INSERT INTO appeal_file (appeal_id, file_name, mime, size, sha256) "
		"VALUES (?1, ?2, ?3, ?4, ?5)",
	[STMT_APPEAL_BY_NUMBER] =
		"SELECT id, code_hash, status, received_at, registered_at, answer_due, extended_days, "
		"extension_reason, forwarded_to, forwarded_at, answer, answered_at, outcome, closed_at "
		"FROM appeal WHERE number = ?1",

	[STMT_ANSWERS_PUBLIC] =
		"SELECT a.number, coalesce(t.name, ''), a.public_question, a.public_answer, "
		"a.published_at, a.meeting_id, coalesce(m.title, '') FROM appeal a "
		"LEFT JOIN territory t ON t.id = a.territory_id LEFT JOIN meeting m ON m.id = a.meeting_id "
		"WHERE a.published_at IS NOT NULL AND (?2 IS NULL OR a.meeting_id = ?2) "
		"AND (?3 IS NULL OR a.municipality_id = ?3) "
		"ORDER BY a.published_at DESC LIMIT ?1",



	/* ---- personal receptions (issue 17) ---- */
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
	[STMT_MUNICIPALITY_MEETINGS] =
		"SELECT " MEETING_SUMMARY_COLUMNS MEETING_FROM
		"WHERE m.municipality_id IN (?1, ?2) AND " PUBLIC_STATUS " AND m.ends_at >= ?3 AND "
		MEETING_OF_MUNICIPALITY("?1", "?2") "ORDER BY m.starts_at, m.id LIMIT ?4",
	[STMT_MEETING_MUNICIPALITY] =
		"SELECT mu.name, mu.official_name, mu.slug, mu.id FROM meeting m "
		"JOIN municipality mu ON mu.id = m.municipality_id WHERE m.id = ?1",
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
	COLUMNS(STMT_GROUP_OPTIONS, 3),
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
	COLUMNS(STMT_REPORT_GROUPS, 8),
	COLUMNS(STMT_REPORT_MONTHLY, 7),
	COLUMNS(STMT_REPORT_GROUP_QUARTER, 6),
	COLUMNS(STMT_OPEN311_SERVICES, 5),
	COLUMNS(STMT_OPEN311_REQUESTS, 10),
	COLUMNS(STMT_OPEN311_REQUEST, 10),
	COLUMNS(STMT_OUTBOX_ADD, 0),
	COLUMNS(STMT_OUTBOX_TOTALS, 3),
	COLUMNS(STMT_MEDIA_LIST, 4),
	COLUMNS(STMT_REFCONSENT_BY_TOKEN, 2),
	COLUMNS(STMT_REFCONSENT_WITHDRAW, 0),
	COLUMNS(STMT_MEETING_REFGROUP_CLEAR, 0),
	COLUMNS(STMT_MEETING_REFGROUP_ADD, 0),
	COLUMNS(STMT_MEETING_REFGROUP_IDS, 1),
	COLUMNS(STMT_SUBSCRIPTION_FIND, 3),
	COLUMNS(STMT_SUBSCRIPTION_INSERT, 0),
	COLUMNS(STMT_SUBSCRIPTION_RENEW, 0),
	COLUMNS(STMT_SUBSCRIPTION_BY_TOKEN, 4),
	COLUMNS(STMT_SUBSCRIPTION_CONFIRM, 0),
	COLUMNS(STMT_SUBSCRIPTION_UNSUBSCRIBE, 0),
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
	COLUMNS(STMT_APPEAL_FILE_ADD, 0),
	COLUMNS(STMT_APPEAL_BY_NUMBER, 14),
	COLUMNS(STMT_ANSWERS_PUBLIC, 7),
	COLUMNS(STMT_RESIDENT_SESSION_GET, 14),
	COLUMNS(STMT_RESIDENT_SESSION_INSERT, 0),
	COLUMNS(STMT_RESIDENT_SESSION_TOUCH, 0),
	COLUMNS(STMT_RESIDENT_SESSION_DELETE, 0),
	COLUMNS(STMT_RESIDENT_SESSION_DELETE_ALL, 0),
	COLUMNS(STMT_RESIDENT_UPSERT, 1),
	COLUMNS(STMT_RESIDENT_CLOSE, 0),
	COLUMNS(STMT_RESIDENT_EXPORT, 11),
	COLUMNS(STMT_OIDC_PENDING_INSERT, 0),
	COLUMNS(STMT_OIDC_PENDING_TAKE, 4),
	COLUMNS(STMT_OIDC_PENDING_PURGE, 0),
	COLUMNS(STMT_EMAIL_CODE_GET, 5),
	COLUMNS(STMT_EMAIL_CODE_PUT, 0),
	COLUMNS(STMT_EMAIL_CODE_TRY, 0),
	COLUMNS(STMT_EMAIL_CODE_DELETE, 0),
	COLUMNS(STMT_APPEAL_DRAFT_PUT, 0),
	COLUMNS(STMT_APPEAL_DRAFT_TAKE, 1),
	COLUMNS(STMT_APPEAL_SET_AUTHOR, 0),
	COLUMNS(STMT_ACCOUNT_APPEALS, 16),
	COLUMNS(STMT_ACCOUNT_APPEAL_COUNT, 1),
	COLUMNS(STMT_ACCOUNT_APPEAL_POSITION, 1),
	COLUMNS(STMT_ACCOUNT_PAGE_EVENTS, 3),
	COLUMNS(STMT_ACCOUNT_EXPORT_APPEALS, 25),
	COLUMNS(STMT_ACCOUNT_APPEAL_EVENTS, 3),
	COLUMNS(STMT_ACCOUNT_APPEAL_FILES, 3),
	COLUMNS(STMT_ACCOUNT_PROPOSALS, 11),
	COLUMNS(STMT_ACCOUNT_EXPORT_BOOKINGS, 11),
	COLUMNS(STMT_ACCOUNT_EXPORT_ANSWERS, 4),
	COLUMNS(STMT_APPEAL_VERDICT, 0),
	COLUMNS(STMT_ACCOUNT_FILE_GET, 3),
	COLUMNS(STMT_ACCOUNT_SUBSCRIPTIONS, 3),
	COLUMNS(STMT_ACCOUNT_SUBSCRIPTION_REMOVE, 0),
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
	COLUMNS(STMT_MUNICIPALITY_MEETINGS, 12),
	COLUMNS(STMT_MEETING_MUNICIPALITY, 4),
	COLUMNS(STMT_REPORT_KIND_COUNT, 2),
	COLUMNS(STMT_REPORT_BODY_GROUPS, 1),
};
