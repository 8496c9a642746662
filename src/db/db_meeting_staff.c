/* db_meeting_staff.c — the statements of the staff's meeting pages, home page and meeting reports, and their readers (see db_meeting_staff.h). Each DB_STATEMENT row declares the result columns its reader below
 * reads; db_prepare_all prepares this table with the others once per process and refuses to
 * start when a count differs. */
#include "db_meeting_staff.h"

#include <string.h>

#include "db_statements.h"

/* The bodies whose meetings and discussions prove measure ?1: its municipality and, for a
 * district's measure, the district's settlements (issue 18: a district's plan counts the
 * settlements' heads' reports). */
#define PLAN_BODIES                                                                               \
	"(SELECT id FROM municipality WHERE id = (SELECT municipality_id FROM plan_measure "       \
	"WHERE id = ?1) OR district_id = (SELECT municipality_id FROM plan_measure WHERE id = ?1))"

const struct db_statement db_meeting_staff_statements[STMT__MAX] = {
	DB_STATEMENT(STMT_PLACE_UNAGREED, 3,
		     "SELECT id, title, starts_at FROM meeting WHERE kind = 'group_field' "
		     "AND status IN ('draft', 'approved', 'postponed') AND place_agreed_at IS NULL "
		     "AND starts_at > ?1 AND starts_at < ?2 "
		     "AND " STAFF_SCOPE_SQL("municipality_id", "3") " ORDER BY starts_at, id"),
	/* The candidates come from two small sets, not from every held meeting (a district's
	 * ten years are 100,000): protocols not handed over (protocol_unhanded), and meetings
	 * held since ?3 that have none (the staff home page; the notifier's daily digest leaves
	 * ?3 NULL and reads them all). */
	DB_STATEMENT(STMT_DASH_HELD, 6,
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
		     "ORDER BY m.starts_at DESC LIMIT ?1"),
	DB_STATEMENT(STMT_STAFF_MEETING_LIST, 12,
		     "SELECT m.id, k.name, m.title, m.status, m.starts_at, t.name, coalesce(v.name, ''), "
		     "m.announced_at, m.exception_reason, m.expected_attendance, m.police_notified_at, "
		     "m.kind FROM meeting m JOIN meeting_kind k ON k.code = m.kind "
		     "JOIN territory t ON t.id = m.territory_id LEFT JOIN venue v ON v.id = m.venue_id "
		     "WHERE (?1 IS NULL OR m.status = ?1) AND (?2 IS NULL OR m.kind = ?2) "
		     "AND (?3 IS NULL OR m.territory_id IN (SELECT id FROM territory WHERE id = ?3 "
		     "     OR parent_id = ?3 OR parent_id IN (SELECT id FROM territory WHERE parent_id = ?3))) "
		     "AND (?4 IS NULL OR m.starts_at >= ?4) AND (?5 IS NULL OR m.starts_at < ?5) "
		     "AND " STAFF_SCOPE_SQL("m.municipality_id", "7") " "
		     "ORDER BY m.starts_at DESC LIMIT ?6"),
	DB_STATEMENT(STMT_STAFF_MEETING_GET, 22,
		     "SELECT kind, title, territory_id, venue_id, starts_at, ends_at, host_id, "
		     "organising_unit, expected_attendance, description, theses, analytical_note, "
		     "reference_materials, status, status_reason, postponed_from, announced_at, "
		     "attendance, approved_at, exception_reason, police_notified_at, group_id "
		     "FROM meeting WHERE id = ?1"),
	DB_STATEMENT(STMT_STAFF_MEETING_INSERT, 0,
		     "INSERT INTO meeting (kind, title, territory_id, venue_id, starts_at, ends_at, host_id, "
		     "organising_unit, expected_attendance, description, theses, analytical_note, "
		     "reference_materials, group_id, status, created_at, updated_at) "
		     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 'draft', ?15, ?15)"),
	DB_STATEMENT(STMT_STAFF_MEETING_UPDATE, 0,
		     "UPDATE meeting SET kind = ?2, title = ?3, territory_id = ?4, venue_id = ?5, "
		     "starts_at = ?6, ends_at = ?7, host_id = ?8, organising_unit = ?9, "
		     "expected_attendance = ?10, description = ?11, theses = ?12, analytical_note = ?13, "
		     "reference_materials = ?14, group_id = ?15, updated_at = ?16 WHERE id = ?1"),
	DB_STATEMENT(STMT_STAFF_MEETING_JSON, 1,
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
		     "   ORDER BY group_id))) FROM meeting WHERE id = ?1"),
	DB_STATEMENT(STMT_MEETING_INVITEE_CLEAR, 0,
		     "DELETE FROM meeting_invitee WHERE meeting_id = ?1"),
	DB_STATEMENT(STMT_MEETING_INVITEE_ADD, 0,
		     "INSERT OR IGNORE INTO meeting_invitee (meeting_id, person_id) "
		     "VALUES (?1, ?2)"),
	DB_STATEMENT(STMT_MEETING_INVITEE_IDS, 1,
		     "SELECT person_id FROM meeting_invitee WHERE meeting_id = ?1"),
	DB_STATEMENT(STMT_MEETING_SET_STATUS, 0,
		     "UPDATE meeting SET status = ?2, status_reason = ?3, "
		     "updated_at = ?4 WHERE id = ?1"),
	DB_STATEMENT(STMT_MEETING_APPROVE, 0,
		     "UPDATE meeting SET status = 'approved', approved_at = ?2, "
		     "approved_by = ?3, exception_reason = ?4, updated_at = ?2 "
		     "WHERE id = ?1"),
	DB_STATEMENT(STMT_MEETING_POSTPONE, 0,
		     "UPDATE meeting SET status = 'postponed', postponed_from = starts_at, "
		     "starts_at = ?2, ends_at = ?3, status_reason = ?4, announced_at = NULL, "
		     "updated_at = ?5 WHERE id = ?1"),
	DB_STATEMENT(STMT_MEETING_HELD, 0,
		     "UPDATE meeting SET status = 'held', attendance = ?2, updated_at = ?3 "
		     "WHERE id = ?1"),
	DB_STATEMENT(STMT_MEETING_POLICE_NOTIFIED, 0,
		     "UPDATE meeting SET police_notified_at = ?2, updated_at = ?2 "
		     "WHERE id = ?1"),
	DB_STATEMENT(STMT_MEETING_UNANNOUNCE, 0,
		     "UPDATE meeting SET announced_at = NULL WHERE id = ?1"),
	DB_STATEMENT(STMT_MEETING_SET_EXCEPTION, 0,
		     "UPDATE meeting SET exception_reason = ?2 WHERE id = ?1"),
	DB_STATEMENT(STMT_MEETING_MARK_MOVED, 0,
		     "UPDATE meeting SET status = 'postponed', postponed_from = ?2, "
		     "status_reason = '' WHERE id = ?1"),
	DB_STATEMENT(STMT_MEETING_CHANGE_INSERT, 0,
		     "INSERT INTO meeting_change (meeting_id, at, user_id, kind, old_starts_at, "
		     "old_venue_id, new_starts_at, new_venue_id, reason) "
		     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
	DB_STATEMENT(STMT_MEETING_CHANGE_LIST, 6,
		     "SELECT c.at, c.kind, c.old_starts_at, c.new_starts_at, c.reason, "
		     "coalesce(u.login, '') FROM meeting_change c "
		     "LEFT JOIN staff_user u ON u.id = c.user_id WHERE c.meeting_id = ?1 ORDER BY c.id"),
	DB_STATEMENT(STMT_GROUP_OPTIONS, 3,
		     "SELECT g.id, g.name, t.name FROM info_group g "
		     "JOIN territory t ON t.id = g.territory_id "
		     "WHERE " STAFF_SCOPE_SQL("t.municipality_id", "1") " "
		     "ORDER BY g.name, g.id"),
	DB_STATEMENT(STMT_INFORMED_PEOPLE, 11,
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
		     "ORDER BY pe.member, p.full_name, p.id"),
	DB_STATEMENT(STMT_INFORMED_MARK, 1,
		     "INSERT INTO meeting_informed (meeting_id, person_id, informed_at, informed_by) "
		     "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING RETURNING 1"),
	DB_STATEMENT(STMT_SERIES_INSERT, 0,
		     "INSERT INTO meeting_series (title, kind, rule, description, "
		     "created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
	DB_STATEMENT(STMT_SERIES_MEETING_INSERT, 0,
		     "INSERT INTO meeting (series_id, kind, title, territory_id, venue_id, starts_at, "
		     "ends_at, host_id, description, status, created_at, updated_at) "
		     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'draft', ?10, ?10)"),
	/* ?1 the account's scope: a series belongs where its first meeting does. */
	DB_STATEMENT(STMT_SERIES_LIST, 4,
		     "SELECT s.id, s.title, k.name, (SELECT count(*) FROM meeting m "
		     "WHERE m.series_id = s.id) FROM meeting_series s "
		     "JOIN meeting_kind k ON k.code = s.kind WHERE "
		     STAFF_SCOPE_SQL("coalesce((SELECT municipality_id FROM meeting "
		     "WHERE series_id = s.id ORDER BY id LIMIT 1), "
		     "(SELECT id FROM municipality WHERE own = 1))", "1")
		     " ORDER BY s.id DESC"),
	DB_STATEMENT(STMT_SERIES_GET, 2,
		     "SELECT s.title, k.name FROM meeting_series s "
		     "JOIN meeting_kind k ON k.code = s.kind WHERE s.id = ?1"),
	DB_STATEMENT(STMT_SERIES_MEETINGS, 4,
		     "SELECT m.id, m.starts_at, coalesce(v.name || ', ' || v.address, t.name), "
		     "CASE m.status WHEN 'draft' THEN 'черновик' WHEN 'approved' THEN 'утверждена' "
		     "WHEN 'postponed' THEN 'перенесена' WHEN 'cancelled' THEN 'отменена' "
		     "ELSE 'проведена' END "
		     "FROM meeting m JOIN territory t ON t.id = m.territory_id "
		     "LEFT JOIN venue v ON v.id = m.venue_id WHERE m.series_id = ?1 ORDER BY m.starts_at"),
	DB_STATEMENT(STMT_PLACE_AGREEMENT_GET, 6,
		     "SELECT m.kind, m.status, m.starts_at, m.place_agreed_at, "
		     "coalesce(nullif(u.full_name, ''), u.login, ''), m.place_agreed_note "
		     "FROM meeting m LEFT JOIN staff_user u ON u.id = m.place_agreed_by WHERE m.id = ?1"),
	DB_STATEMENT(STMT_PLACE_AGREE, 0,
		     "UPDATE meeting SET place_agreed_at = ?2, place_agreed_by = ?3, place_agreed_note = ?4, "
		     "updated_at = ?2 WHERE id = ?1"),
	/* The staff home page's lists and counts: each of the account's body only (?N of
	 * STAFF_SCOPE_SQL; unbound for the notifier and the reports: every one). */
	DB_STATEMENT(STMT_DASH_DRAFTS, 4,
		     "SELECT id, title, starts_at, kind FROM meeting WHERE status = 'draft' "
		     "AND starts_at > ?1 AND " STAFF_SCOPE_SQL("municipality_id", "2") " "
		     "ORDER BY starts_at LIMIT 50"),
	DB_STATEMENT(STMT_DASH_UNANNOUNCED, 3,
		     "SELECT id, title, starts_at FROM meeting "
		     "WHERE status IN ('approved', 'postponed') AND announced_at IS NULL "
		     "AND starts_at > ?1 AND " STAFF_SCOPE_SQL("municipality_id", "2") " "
		     "ORDER BY starts_at LIMIT 50"),
	DB_STATEMENT(STMT_DASH_POLICE, 3,
		     "SELECT id, title, starts_at FROM meeting WHERE expected_attendance >= ?2 "
		     "AND police_notified_at IS NULL AND status IN ('draft', 'approved', "
		     "'postponed') AND starts_at > ?1 "
		     "AND " STAFF_SCOPE_SQL("municipality_id", "3") " "
		     "ORDER BY starts_at LIMIT 50"),
	DB_STATEMENT(STMT_DASH_VIOLATIONS, 3,
		     "SELECT m.id, m.title, m.starts_at FROM meeting m WHERE m.status IN ('approved', "
		     "'postponed') AND m.starts_at > ?1 AND EXISTS (SELECT 1 FROM rule_violation r "
		     "WHERE r.meeting_id = m.id AND r.starts_at = m.starts_at) "
		     "AND " STAFF_SCOPE_SQL("m.municipality_id", "2") " ORDER BY m.starts_at LIMIT 50"),
	DB_STATEMENT(STMT_DASH_KIND_COUNT, 2,
		     "SELECT count(*) FILTER (WHERE status = 'held'), "
		     "count(*) FILTER (WHERE status IN ('approved', 'postponed')) "
		     "FROM meeting WHERE kind = ?1 AND starts_at >= ?2 AND starts_at < ?3 "
		     "AND " STAFF_SCOPE_SQL("municipality_id", "4")),
	/* Each group's counts from meeting_group_kind (a join made SQLite scan every meeting
	 * for a Bloom filter: 50 ms with a district's 100,000). */
	DB_STATEMENT(STMT_DASH_GROUPS, 4,
		     "SELECT g.id, g.name, "
		     "(SELECT count(*) FROM meeting m WHERE m.group_id = g.id "
		     " AND m.kind = 'group_field' AND m.starts_at >= ?1 AND m.starts_at < ?2 "
		     " AND m.status = 'held'), "
		     "(SELECT count(*) FROM meeting m WHERE m.group_id = g.id "
		     " AND m.kind = 'group_field' AND m.starts_at >= ?1 AND m.starts_at < ?2 "
		     " AND m.status IN ('approved', 'postponed')) "
		     "FROM info_group g "
		     "WHERE " STAFF_SCOPE_SQL("(SELECT municipality_id FROM territory "
		     "WHERE id = g.territory_id)", "3") " "
		     "ORDER BY g.name"),
	DB_STATEMENT(STMT_REPORT_VIOLATIONS, 5,
		     "SELECT m.id, m.title, r.starts_at, m.status, r.deadline_at FROM rule_violation r "
		     "JOIN meeting m ON m.id = r.meeting_id WHERE r.starts_at >= ?1 AND r.starts_at < ?2 "
		     "AND (?3 IS NULL OR m.municipality_id = ?3) ORDER BY r.starts_at, m.id"),
	DB_STATEMENT(STMT_REPORT_EXCEPTIONS, 4,
		     "SELECT id, title, starts_at, exception_reason FROM meeting WHERE exception_reason <> '' "
		     "AND starts_at >= ?1 AND starts_at < ?2 AND (?3 IS NULL OR municipality_id = ?3) "
		     "ORDER BY starts_at, id"),
	/* Answered after the local date due, or forwarded after the forwarding date due (7 days,
	 * 59-ФЗ art. 8 part 3): both are late in the timeliness table too. */
	DB_STATEMENT(STMT_REPORT_ANSWERED_LATE, 8,
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
		     "AND (?4 IS NULL OR a.municipality_id = ?4) ORDER BY 7, 8"),
	DB_STATEMENT(STMT_REPORT_OPEN_OVERDUE, 4,
		     "SELECT a.number, coalesce(t.name, ''), a.answer_due, "
		     "CAST(julianday(?1) - julianday(a.answer_due) AS INTEGER) "
		     "FROM appeal a LEFT JOIN appeal_topic t ON t.code = a.topic_code "
		     "WHERE a.status IN ('registered', 'in_work') AND a.answer_due < ?1 "
		     "AND (?2 IS NULL OR a.municipality_id = ?2) ORDER BY a.answer_due, a.id"),
	/* Every held meeting but a personal reception (recorded in the appeals registry, not in a
	 * protocol) must have a protocol (order № 2 of the Zelenoborsk head §4.1, regulation № 44
	 * on information groups §3.6.9); a reception only when one was made anyway. The same rule
	 * as STMT_DASH_HELD. */
	DB_STATEMENT(STMT_REPORT_PROTOCOLS, 7,
		     "SELECT m.id, m.title, m.starts_at, p.id IS NOT NULL, p.signed_at IS NOT NULL, "
		     "p.handed_at, coalesce(k.protocol_handover_days, 0) FROM meeting m "
		     "JOIN meeting_kind k ON k.code = m.kind LEFT JOIN protocol p ON p.meeting_id = m.id "
		     "WHERE m.status = 'held' AND m.starts_at >= ?1 AND m.starts_at < ?2 "
		     "AND (?3 IS NULL OR m.municipality_id = ?3) "
		     "AND (m.kind <> 'personal_reception' OR p.id IS NOT NULL) ORDER BY m.starts_at, m.id"),
	/* Executed on the local day of the executor's last report, once reported or accepted; an
	 * instruction still with the executor is late from the day after its due date. Only those
	 * in force: a draft protocol's are proposals. */
	DB_STATEMENT(STMT_REPORT_INSTRUCTIONS_LATE, 9,
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
		     "ORDER BY i.due_on, i.id"),
	/* Instructions given: those of the signed protocols of the group's meetings of the period
	 * but the cancelled ones (as in the compliance report); executed: accepted by the
	 * controller. */
	DB_STATEMENT(STMT_REPORT_GROUPS, 8,
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
		     "AND m.starts_at >= ?1 AND m.starts_at < ?2 "
		     "WHERE " STAFF_SCOPE_SQL("t.municipality_id", "3") " "
		     "GROUP BY g.id ORDER BY g.name"),
	/* The state at the end of the month (?2): an outcome is final and closed_at is the instant
	 * it was reached (the same as its appeal_event), so an appeal closed later was still open
	 * then; re-exporting a past month gives the same numbers. */
	DB_STATEMENT(STMT_REPORT_MONTHLY, 7,
		     "SELECT a.topic_code, t.name, count(*), "
		     "count(*) FILTER (WHERE a.outcome = 'answered' AND coalesce(a.closed_at, 0) < ?2), "
		     "count(*) FILTER (WHERE a.outcome = 'forwarded' AND coalesce(a.closed_at, 0) < ?2), "
		     "count(*) FILTER (WHERE a.outcome IN ('no_address', 'abusive', 'unreadable', 'repeated') "
		     "AND coalesce(a.closed_at, 0) < ?2), "
		     "count(*) FILTER (WHERE a.outcome IS NULL OR coalesce(a.closed_at, 0) >= ?2) "
		     "FROM appeal a LEFT JOIN appeal_topic t ON t.code = a.topic_code "
		     "WHERE a.received_at >= ?1 AND a.received_at < ?2 "
		     "AND " STAFF_SCOPE_SQL("a.municipality_id", "3") " "
		     "GROUP BY a.topic_code ORDER BY a.topic_code IS NULL, a.topic_code"),
	/* A group's field meetings in one quarter [?1, ?2), of them in the report's part of it
	 * [?3, ?4), and the planned ones; with the group's creation, which decides whether the
	 * quarter counts (report_compliance.c). */
	DB_STATEMENT(STMT_REPORT_GROUP_QUARTER, 6,
		     "SELECT g.id, g.name, g.created_at, "
		     "count(m.id) FILTER (WHERE m.status = 'held'), "
		     "count(m.id) FILTER (WHERE m.status = 'held' AND m.starts_at >= ?3 AND m.starts_at < ?4), "
		     "count(m.id) FILTER (WHERE m.status IN ('approved', 'postponed')) "
		     "FROM info_group g LEFT JOIN meeting m ON m.group_id = g.id AND m.kind = 'group_field' "
		     "AND m.starts_at >= ?1 AND m.starts_at < ?2 "
		     "WHERE ?5 IS NULL OR g.territory_id IN (SELECT id FROM territory WHERE municipality_id = ?5) "
		     "GROUP BY g.id ORDER BY g.name"),
	DB_STATEMENT(STMT_MEETING_REFGROUP_CLEAR, 0,
		     "DELETE FROM meeting_reference_group WHERE meeting_id = ?1"),
	DB_STATEMENT(STMT_MEETING_REFGROUP_ADD, 0,
		     "INSERT OR IGNORE INTO meeting_reference_group (meeting_id, "
		     "group_id) VALUES (?1, ?2)"),
	DB_STATEMENT(STMT_MEETING_REFGROUP_IDS, 1,
		     "SELECT group_id FROM meeting_reference_group "
		     "WHERE meeting_id = ?1 ORDER BY group_id"),
	DB_STATEMENT(STMT_CALENDAR_YEARS, 5,
		     "SELECT y.year, y.source, y.updated_at, "
		     "(SELECT count(*) FROM calendar_day d WHERE d.year = y.year), y.provisional "
		     "FROM calendar_year y ORDER BY y.year"),
	DB_STATEMENT(STMT_CALENDAR_DAYS, 2,
		     "SELECT day, kind FROM calendar_day ORDER BY day"),
	DB_STATEMENT(STMT_CALENDAR_YEAR_GET, 3,
		     "SELECT source, updated_at, provisional FROM calendar_year "
		     "WHERE year = ?1"),
	DB_STATEMENT(STMT_CALENDAR_YEAR_DAYS, 3,
		     "SELECT day, kind, note FROM calendar_day WHERE year = ?1 "
		     "ORDER BY day"),
	DB_STATEMENT(STMT_CALENDAR_YEAR_INSERT, 0,
		     "INSERT INTO calendar_year (year, source, updated_at, "
		     "provisional) VALUES (?1, ?2, ?3, ?4)"),
	DB_STATEMENT(STMT_CALENDAR_YEAR_UPDATE, 0,
		     "UPDATE calendar_year SET source = ?2, updated_at = ?3, "
		     "provisional = ?4 WHERE year = ?1"),
	DB_STATEMENT(STMT_CALENDAR_YEAR_TOUCH, 0,
		     "UPDATE calendar_year SET updated_at = ?2 WHERE year = ?1"),
	DB_STATEMENT(STMT_CALENDAR_YEAR_JSON, 1,
		     "SELECT json_object('year', year, 'source', source, "
		     "'provisional', provisional) "
		     "FROM calendar_year WHERE year = ?1"),
	DB_STATEMENT(STMT_CALENDAR_DAY_SET, 0,
		     "INSERT INTO calendar_day (day, year, kind, note) "
		     "VALUES (?1, ?2, ?3, ?4) "
		     "ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, "
		     "note = excluded.note"),
	DB_STATEMENT(STMT_CALENDAR_DAY_DELETE, 0,
		     "DELETE FROM calendar_day WHERE day = ?1"),
	DB_STATEMENT(STMT_CALENDAR_DAY_JSON, 1,
		     "SELECT json_object('day', day, 'kind', kind, 'note', note) "
		     "FROM calendar_day WHERE day = printf('%04d-%02d-%02d', ?1 / 10000, "
		     "?1 / 100 % 100, ?1 % 100)"),
	DB_STATEMENT(STMT_PLAN_MEASURE_INSERT, 0,
		     "INSERT INTO plan_measure (item, text, periodicity, due_on, units, evidence, "
		     "meeting_kind, created_at, created_by, municipality_id) "
		     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
	DB_STATEMENT(STMT_PLAN_MEASURE_LIST, 11,
		     "SELECT m.id, m.item, m.text, m.periodicity, coalesce(m.due_on, ''), m.units, "
		     "m.evidence, coalesce(m.meeting_kind, ''), coalesce(k.name, ''), e.name, "
		     "coalesce(mu.name, '') "
		     "FROM plan_measure m JOIN plan_evidence_kind e ON e.code = m.evidence "
		     "LEFT JOIN meeting_kind k ON k.code = m.meeting_kind "
		     "LEFT JOIN municipality mu ON mu.id = m.municipality_id "
		     "WHERE (?1 = 0 OR m.id = ?1) AND " STAFF_SCOPE_SQL("m.municipality_id", "2") " "
		     "AND (ifnull(?3, 0) = 0 OR m.municipality_id = ?3) "
		     "ORDER BY mu.district_id IS NOT NULL, mu.name, m.id"),
	DB_STATEMENT(STMT_PLAN_MEASURE_JSON, 1,
		     "SELECT json_object('item', item, 'text', text, 'periodicity', periodicity, "
		     "'due_on', due_on, 'units', units, 'evidence', evidence, 'meeting_kind', "
		     "meeting_kind, 'municipality_id', municipality_id) FROM plan_measure WHERE id = ?1"),
	DB_STATEMENT(STMT_PLAN_EVIDENCE_KINDS, 2,
		     "SELECT code, name FROM plan_evidence_kind ORDER BY sort_order"),
	DB_STATEMENT(STMT_PLAN_RECORD_INSERT, 0,
		     "INSERT INTO plan_record (measure_id, done_on, note, file_name, mime, size, sha256, "
		     "created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
	DB_STATEMENT(STMT_PLAN_RECORD_JSON, 1,
		     "SELECT json_object('measure_id', measure_id, 'done_on', done_on, 'note', note, "
		     "'file_name', file_name, 'mime', mime, 'size', size, 'sha256', sha256) "
		     "FROM plan_record WHERE id = ?1"),
	DB_STATEMENT(STMT_PLAN_RECORD_GET, 3,
		     "SELECT file_name, mime, sha256 FROM plan_record WHERE id = ?1"),
	DB_STATEMENT(STMT_PLAN_RECORDS, 6,
		     "SELECT r.id, r.done_on, r.note, r.file_name, r.created_at, coalesce(u.full_name, '') "
		     "FROM plan_record r LEFT JOIN staff_user u ON u.id = r.created_by "
		     "WHERE r.measure_id = ?1 ORDER BY r.done_on DESC, r.id DESC"),
	DB_STATEMENT(STMT_PLAN_EVIDENCE_MEETINGS, 4,
		     "SELECT id, title, starts_at, NULL FROM meeting WHERE kind = ?2 AND status = 'held' "
		     "AND starts_at >= ?3 AND starts_at < ?4 AND municipality_id IN " PLAN_BODIES " "
		     "ORDER BY starts_at"),
	DB_STATEMENT(STMT_PLAN_EVIDENCE_DISCUSSIONS, 4,
		     "SELECT d.id, d.title, NULL, d.closes_on FROM discussion d "
		     "LEFT JOIN territory t ON t.id = d.territory_id "
		     "LEFT JOIN meeting mt ON mt.id = d.meeting_id WHERE d.concluded_at IS NOT NULL "
		     "AND d.closes_on BETWEEN ?5 AND ?6 AND coalesce(d.municipality_id, "
		     "t.municipality_id, mt.municipality_id, (SELECT id FROM municipality "
		     "WHERE own = 1)) IN " PLAN_BODIES " ORDER BY d.closes_on"),
	DB_STATEMENT(STMT_PLAN_EVIDENCE_RECORDS, 4,
		     "SELECT id, note, NULL, done_on FROM plan_record WHERE measure_id = ?1 "
		     "AND done_on BETWEEN ?5 AND ?6 ORDER BY done_on"),
	/* Held and planned meetings of kind ?1 starting in [?2, ?3) of municipality ?4 (NULL: of
	 * every one) hosted by ?5 (NULL: by anyone): the reports' frequencies (issue 18 item 5). */
	DB_STATEMENT(STMT_REPORT_KIND_COUNT, 2,
		     "SELECT count(*) FILTER (WHERE status = 'held'), "
		     "count(*) FILTER (WHERE status IN ('approved', 'postponed')) FROM meeting "
		     "WHERE kind = ?1 AND starts_at >= ?2 AND starts_at < ?3 "
		     "AND (?4 IS NULL OR municipality_id = ?4) AND (?5 IS NULL OR host_id = ?5)"),
	DB_STATEMENT(STMT_REPORT_BODY_GROUPS, 1,
		     "SELECT count(*) FROM info_group g JOIN territory t ON t.id = g.territory_id "
		     "WHERE t.municipality_id = ?1 AND g.created_at < ?2"),
};

/* Bind id when positive, else leave ?n NULL ("any"). */
static void bind_id(sqlite3_stmt *s, int n, long long id)
{
	if (id > 0)
		sqlite3_bind_int64(s, n, id);
}

/* ---- one meeting ---- */

/* The columns of STMT_STAFF_MEETING_GET. */
static void read_meeting(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct staff_meeting *m = row;
	m->kind = db_text(a, s, 0);
	m->title = db_text(a, s, 1);
	m->territory_id = sqlite3_column_int64(s, 2);
	m->venue_id = sqlite3_column_int64(s, 3);
	m->starts_at = (time_t)sqlite3_column_int64(s, 4);
	m->ends_at = (time_t)sqlite3_column_int64(s, 5);
	m->host_id = sqlite3_column_int64(s, 6);
	m->organising_unit = db_text(a, s, 7);
	m->expected_attendance =
		sqlite3_column_type(s, 8) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, 8);
	m->description = db_text(a, s, 9);
	m->theses = db_text(a, s, 10);
	m->analytical_note = db_text(a, s, 11);
	m->reference_materials = db_text(a, s, 12);
	m->status = db_text(a, s, 13);
	m->status_reason = db_text(a, s, 14);
	m->was_postponed = sqlite3_column_type(s, 15) != SQLITE_NULL;
	m->postponed_from = (time_t)sqlite3_column_int64(s, 15);
	m->announced = sqlite3_column_type(s, 16) != SQLITE_NULL;
	m->announced_at = (time_t)sqlite3_column_int64(s, 16);
	m->has_attendance = sqlite3_column_type(s, 17) != SQLITE_NULL;
	m->attendance = sqlite3_column_int64(s, 17);
	m->approved = sqlite3_column_type(s, 18) != SQLITE_NULL;
	m->approved_at = (time_t)sqlite3_column_int64(s, 18);
	m->exception_reason = db_text(a, s, 19);
	m->police_notified = sqlite3_column_type(s, 20) != SQLITE_NULL;
	m->police_notified_at = (time_t)sqlite3_column_int64(s, 20);
	m->group_id = sqlite3_column_int64(s, 21);
}

/* The ids statement which (one parameter: meeting) returns. 0, or -1. */
static int meeting_ids(struct db *db, struct arena *a, enum stmt which, long long meeting,
		       long long **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, which);
	sqlite3_bind_int64(s, 1, meeting);
	return db_read_rows(db, a, s, sizeof **out, db_read_int64, out, count, "meeting ids");
}

int db_staff_meeting_get(struct db *db, struct arena *a, long long id, struct staff_meeting *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_STAFF_MEETING_GET);
	sqlite3_bind_int64(s, 1, id);
	int rc = db_read_one(db, a, s, read_meeting, out, "staff meeting");
	if (rc != 0)
		return rc;
	out->id = id;
	if (meeting_ids(db, a, STMT_MEETING_INVITEE_IDS, id, &out->invitees,
			&out->invitee_count) < 0 ||
	    meeting_ids(db, a, STMT_MEETING_REFGROUP_IDS, id, &out->reference_groups,
			&out->reference_group_count) < 0)
		return -1;
	return 0;
}

/* The columns of STMT_STAFF_MEETING_LIST. */
static void read_list_row(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct staff_meeting_row *m = row;
	m->id = sqlite3_column_int64(s, 0);
	m->kind_name = db_text(a, s, 1);
	m->title = db_text(a, s, 2);
	m->status = db_text(a, s, 3);
	m->starts_at = (time_t)sqlite3_column_int64(s, 4);
	m->territory = db_text(a, s, 5);
	m->venue = db_text(a, s, 6);
	m->announced = sqlite3_column_type(s, 7) != SQLITE_NULL;
	m->has_exception = sqlite3_column_bytes(s, 8) > 0;
	m->has_expected_attendance = sqlite3_column_type(s, 9) != SQLITE_NULL;
	m->expected_attendance = sqlite3_column_int64(s, 9);
	m->police_notified = sqlite3_column_type(s, 10) != SQLITE_NULL;
	m->kind = db_text(a, s, 11);
}

int db_staff_meeting_list(struct db *db, struct arena *a, const struct staff_meeting_filter *f,
			  struct staff_meeting_row **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_STAFF_MEETING_LIST);
	if (f->status)
		sqlite3_bind_text(s, 1, f->status, -1, SQLITE_STATIC);
	if (f->kind)
		sqlite3_bind_text(s, 2, f->kind, -1, SQLITE_STATIC);
	bind_id(s, 3, f->territory);
	if (f->has_from)
		sqlite3_bind_int64(s, 4, (sqlite3_int64)f->from);
	if (f->has_to)
		sqlite3_bind_int64(s, 5, (sqlite3_int64)f->to);
	sqlite3_bind_int(s, 6, f->limit);
	sqlite3_bind_int64(s, 7, f->scope);
	return db_read_rows(db, a, s, sizeof **out, read_list_row, out, count, "staff meetings");
}

/* The columns of STMT_MEETING_CHANGE_LIST. */
static void read_change(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct staff_meeting_change *c = row;
	c->at = (time_t)sqlite3_column_int64(s, 0);
	c->kind = db_text(a, s, 1);
	c->has_old_start = sqlite3_column_type(s, 2) != SQLITE_NULL;
	c->old_start = (time_t)sqlite3_column_int64(s, 2);
	c->has_new_start = sqlite3_column_type(s, 3) != SQLITE_NULL;
	c->new_start = (time_t)sqlite3_column_int64(s, 3);
	c->reason = db_text(a, s, 4);
	c->login = db_text(a, s, 5);
}

int db_staff_meeting_changes(struct db *db, struct arena *a, long long meeting,
			     struct staff_meeting_change **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_MEETING_CHANGE_LIST);
	sqlite3_bind_int64(s, 1, meeting);
	return db_read_rows(db, a, s, sizeof **out, read_change, out, count, "meeting changes");
}

int db_staff_meeting_mark_informed(struct db *db, long long meeting, long long person, time_t at,
				   long long by)
{
	sqlite3_stmt *s = db_stmt(db, STMT_INFORMED_MARK);
	sqlite3_bind_int64(s, 1, meeting);
	sqlite3_bind_int64(s, 2, person);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)at);
	sqlite3_bind_int64(s, 4, by);
	int rc = db_read_one(db, NULL, s, NULL, NULL, "informed mark");
	return rc < 0 ? -1 : rc == 0 ? 1 : 0;
}

/* ---- who was told ---- */

/* The columns of STMT_INFORMED_PEOPLE. */
static void read_informed(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct informed_person *p = row;
	p->person = sqlite3_column_int64(s, 0);
	p->full_name = db_text(a, s, 1);
	p->position = db_text(a, s, 2);
	p->organisation = db_text(a, s, 3);
	p->email = db_text(a, s, 4);
	p->phone = db_text(a, s, 5);
	p->member = sqlite3_column_int(s, 6) != 0;
	p->marked = sqlite3_column_type(s, 7) != SQLITE_NULL;
	p->marked_at = (time_t)sqlite3_column_int64(s, 7);
	p->marked_by = db_text(a, s, 8);
	p->mail = db_text(a, s, 9);
	p->mail_sent_at = (time_t)sqlite3_column_int64(s, 10);
}

int db_informed_people(struct db *db, struct arena *a, long long meeting,
		       struct informed_person **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_INFORMED_PEOPLE);
	sqlite3_bind_int64(s, 1, meeting);
	return db_read_rows(db, a, s, sizeof **out, read_informed, out, count, "informed people");
}

/* ---- the place of a field meeting ---- */

/* The columns of STMT_PLACE_AGREEMENT_GET. */
static void read_place(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct place_agreement *p = row;
	p->kind = db_text(a, s, 0);
	p->status = db_text(a, s, 1);
	p->starts_at = (time_t)sqlite3_column_int64(s, 2);
	p->agreed = sqlite3_column_type(s, 3) != SQLITE_NULL;
	p->agreed_at = (time_t)sqlite3_column_int64(s, 3);
	p->agreed_by = db_text(a, s, 4);
	p->agreed_with = db_text(a, s, 5);
}

int db_place_agreement_get(struct db *db, struct arena *a, long long meeting,
			   struct place_agreement *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_PLACE_AGREEMENT_GET);
	sqlite3_bind_int64(s, 1, meeting);
	return db_read_one(db, a, s, read_place, out, "place agreement");
}

/* ---- the staff home page ---- */

/* The columns id, title, starts_at of the home page's lists. */
static void read_item(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct meeting_item *m = row;
	m->id = sqlite3_column_int64(s, 0);
	m->title = db_text(a, s, 1);
	m->starts_at = (time_t)sqlite3_column_int64(s, 2);
	m->kind = "";
}

/* The columns of STMT_DASH_DRAFTS: those of read_item and the kind. */
static void read_draft(struct arena *a, sqlite3_stmt *s, void *row)
{
	read_item(a, s, row);
	((struct meeting_item *)row)->kind = db_text(a, s, 3);
}

int db_dash_drafts(struct db *db, struct arena *a, time_t now, long long scope,
		   struct meeting_item **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_DASH_DRAFTS);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)now);
	sqlite3_bind_int64(s, 2, scope);
	return db_read_rows(db, a, s, sizeof **out, read_draft, out, count, "drafts");
}

int db_dash_unannounced(struct db *db, struct arena *a, time_t now, long long scope,
			struct meeting_item **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_DASH_UNANNOUNCED);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)now);
	sqlite3_bind_int64(s, 2, scope);
	return db_read_rows(db, a, s, sizeof **out, read_item, out, count, "unannounced");
}

int db_dash_police(struct db *db, struct arena *a, time_t now, int attendance, long long scope,
		   struct meeting_item **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_DASH_POLICE);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)now);
	sqlite3_bind_int(s, 2, attendance);
	sqlite3_bind_int64(s, 3, scope);
	return db_read_rows(db, a, s, sizeof **out, read_item, out, count, "police notices");
}

int db_dash_violations(struct db *db, struct arena *a, time_t now, long long scope,
		       struct meeting_item **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_DASH_VIOLATIONS);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)now);
	sqlite3_bind_int64(s, 2, scope);
	return db_read_rows(db, a, s, sizeof **out, read_item, out, count, "violations");
}

int db_place_unagreed(struct db *db, struct arena *a, time_t now, time_t before, long long scope,
		      struct meeting_item **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_PLACE_UNAGREED);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)now);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)before);
	sqlite3_bind_int64(s, 3, scope);
	return db_read_rows(db, a, s, sizeof **out, read_item, out, count, "places not agreed");
}

/* Two counts (columns 0 and 1) into long long[2]. */
static void read_two_counts(struct arena *a, sqlite3_stmt *s, void *row)
{
	(void)a;
	long long *n = row;
	n[0] = sqlite3_column_int64(s, 0);
	n[1] = sqlite3_column_int64(s, 1);
}

int db_dash_kind_count(struct db *db, const char *kind, time_t from, time_t to, long long scope,
		       long long *held, long long *planned)
{
	sqlite3_stmt *s = db_stmt(db, STMT_DASH_KIND_COUNT);
	sqlite3_bind_text(s, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)from);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)to);
	sqlite3_bind_int64(s, 4, scope);
	long long n[2] = {0, 0};
	if (db_read_one(db, NULL, s, read_two_counts, n, "kind count") < 0)
		return -1;
	*held = n[0];
	*planned = n[1];
	return 0;
}

/* The columns of STMT_DASH_GROUPS. */
static void read_dash_group(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct dash_group *g = row;
	g->id = sqlite3_column_int64(s, 0);
	g->name = db_text(a, s, 1);
	g->held = sqlite3_column_int64(s, 2);
	g->planned = sqlite3_column_int64(s, 3);
}

int db_dash_groups(struct db *db, struct arena *a, time_t from, time_t to, long long scope,
		   struct dash_group **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_DASH_GROUPS);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)from);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)to);
	sqlite3_bind_int64(s, 3, scope);
	return db_read_rows(db, a, s, sizeof **out, read_dash_group, out, count, "group counts");
}

/* The columns of STMT_DASH_HELD. */
static void read_dash_held(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct dash_held *h = row;
	h->id = sqlite3_column_int64(s, 0);
	h->title = db_text(a, s, 1);
	h->starts_at = (time_t)sqlite3_column_int64(s, 2);
	h->signed_ = sqlite3_column_int(s, 3) != 0;
	h->has_protocol = sqlite3_column_int(s, 4) != 0;
	h->handover_days = sqlite3_column_int(s, 5);
}

int db_dash_held(struct db *db, struct arena *a, int limit, long long scope, time_t since,
		 struct dash_held **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_DASH_HELD);
	sqlite3_bind_int(s, 1, limit);
	sqlite3_bind_int64(s, 2, scope);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)since);
	return db_read_rows(db, a, s, sizeof **out, read_dash_held, out, count, "held meetings");
}

/* ---- series ---- */

/* The columns of STMT_SERIES_LIST. */
static void read_series(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct series_row *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->title = db_text(a, s, 1);
	r->kind_name = db_text(a, s, 2);
	r->meetings = sqlite3_column_int64(s, 3);
}

int db_series_list(struct db *db, struct arena *a, long long scope, struct series_row **out,
		   size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_SERIES_LIST);
	sqlite3_bind_int64(s, 1, scope);
	return db_read_rows(db, a, s, sizeof **out, read_series, out, count, "series");
}

/* Two texts (columns 0 and 1) into const char *[2]. */
static void read_two_texts(struct arena *a, sqlite3_stmt *s, void *row)
{
	const char **t = row;
	t[0] = db_text(a, s, 0);
	t[1] = db_text(a, s, 1);
}

int db_series_get(struct db *db, struct arena *a, long long id, const char **title,
		  const char **kind_name)
{
	sqlite3_stmt *s = db_stmt(db, STMT_SERIES_GET);
	sqlite3_bind_int64(s, 1, id);
	const char *t[2] = {"", ""};
	int rc = db_read_one(db, a, s, read_two_texts, t, "series");
	*title = t[0];
	*kind_name = t[1];
	return rc;
}

/* The columns of STMT_SERIES_MEETINGS. */
static void read_series_meeting(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct series_meeting *m = row;
	m->id = sqlite3_column_int64(s, 0);
	m->starts_at = (time_t)sqlite3_column_int64(s, 1);
	m->place = db_text(a, s, 2);
	m->status = db_text(a, s, 3);
}

int db_series_meetings(struct db *db, struct arena *a, long long series,
		       struct series_meeting **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_SERIES_MEETINGS);
	sqlite3_bind_int64(s, 1, series);
	return db_read_rows(db, a, s, sizeof **out, read_series_meeting, out, count,
			    "series meetings");
}

int db_staff_venue_territory(struct db *db, long long venue, long long *territory)
{
	sqlite3_stmt *s = db_stmt(db, STMT_VENUE_TERRITORY);
	sqlite3_bind_int64(s, 1, venue);
	*territory = 0;
	return db_read_one(db, NULL, s, db_read_int64, territory, "venue territory");
}

/* ---- the production calendar ---- */

/* The columns of STMT_CALENDAR_YEARS. */
static void read_calendar_year_row(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct calendar_year_row *y = row;
	y->year = sqlite3_column_int(s, 0);
	y->source = db_text(a, s, 1);
	y->updated_at = (time_t)sqlite3_column_int64(s, 2);
	y->days = sqlite3_column_int64(s, 3);
	y->provisional = sqlite3_column_int(s, 4) != 0;
}

int db_calendar_years(struct db *db, struct arena *a, struct calendar_year_row **out,
		      size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_CALENDAR_YEARS);
	return db_read_rows(db, a, s, sizeof **out, read_calendar_year_row, out, count,
			    "calendar years");
}

/* The columns of STMT_CALENDAR_YEAR_GET. */
static void read_calendar_year(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct calendar_year *y = row;
	y->source = db_text(a, s, 0);
	y->updated_at = (time_t)sqlite3_column_int64(s, 1);
	y->provisional = sqlite3_column_int(s, 2) != 0;
}

int db_calendar_year_get(struct db *db, struct arena *a, long long year,
			 struct calendar_year *out)
{
	memset(out, 0, sizeof *out);
	out->source = "";
	sqlite3_stmt *s = db_stmt(db, STMT_CALENDAR_YEAR_GET);
	sqlite3_bind_int64(s, 1, year);
	return db_read_one(db, a, s, read_calendar_year, out, "calendar year");
}

/* The columns of STMT_CALENDAR_DAYS: day and kind. */
static void read_day(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct calendar_day_row *d = row;
	d->day = db_text(a, s, 0);
	d->kind = db_text(a, s, 1);
	d->note = "";
}

/* The columns of STMT_CALENDAR_YEAR_DAYS: those of read_day and the note. */
static void read_day_note(struct arena *a, sqlite3_stmt *s, void *row)
{
	read_day(a, s, row);
	((struct calendar_day_row *)row)->note = db_text(a, s, 2);
}

int db_calendar_year_days(struct db *db, struct arena *a, long long year,
			  struct calendar_day_row **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_CALENDAR_YEAR_DAYS);
	sqlite3_bind_int64(s, 1, year);
	return db_read_rows(db, a, s, sizeof **out, read_day_note, out, count, "calendar days");
}

int db_calendar_days(struct db *db, struct arena *a, struct calendar_day_row **out,
		     size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_CALENDAR_DAYS);
	return db_read_rows(db, a, s, sizeof **out, read_day, out, count, "calendar days");
}

/* ---- the reports ---- */

int db_report_kind_count(struct db *db, const char *kind, time_t from, time_t to, long long body,
			 long long host, long long *held, long long *planned)
{
	sqlite3_stmt *s = db_stmt(db, STMT_REPORT_KIND_COUNT);
	sqlite3_bind_text(s, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)from);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)to);
	bind_id(s, 4, body);
	bind_id(s, 5, host);
	long long n[2] = {0, 0};
	if (db_read_one(db, NULL, s, read_two_counts, n, "kind count") < 0)
		return -1;
	*held = n[0];
	*planned = n[1];
	return 0;
}

int db_report_body_groups(struct db *db, long long body, time_t before, long long *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_REPORT_BODY_GROUPS);
	sqlite3_bind_int64(s, 1, body);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)before);
	*count = 0;
	return db_read_one(db, NULL, s, db_read_int64, count, "body groups") < 0 ? -1 : 0;
}

/* The columns of STMT_REPORT_GROUP_QUARTER. */
static void read_group_quarter(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct report_group_quarter *g = row;
	g->id = sqlite3_column_int64(s, 0);
	g->name = db_text(a, s, 1);
	g->created_at = (time_t)sqlite3_column_int64(s, 2);
	g->held = sqlite3_column_int64(s, 3);
	g->held_in_part = sqlite3_column_int64(s, 4);
	g->planned = sqlite3_column_int64(s, 5);
}

int db_report_group_quarter(struct db *db, struct arena *a, time_t begin, time_t end,
			    time_t part_from, time_t part_to, long long body,
			    struct report_group_quarter **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_REPORT_GROUP_QUARTER);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)begin);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)end);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)part_from);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)part_to);
	bind_id(s, 5, body);
	return db_read_rows(db, a, s, sizeof **out, read_group_quarter, out, count,
			    "group quarter");
}

/* The columns id, title, starts_at shared by STMT_REPORT_VIOLATIONS and _EXCEPTIONS. */
static void read_report_meeting(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct report_meeting *m = row;
	m->id = sqlite3_column_int64(s, 0);
	m->title = db_text(a, s, 1);
	m->starts_at = (time_t)sqlite3_column_int64(s, 2);
	m->status = "";
	m->exception = "";
}

/* The columns of STMT_REPORT_VIOLATIONS. */
static void read_violation(struct arena *a, sqlite3_stmt *s, void *row)
{
	read_report_meeting(a, s, row);
	struct report_meeting *m = row;
	m->status = db_text(a, s, 3);
	m->deadline_at = (time_t)sqlite3_column_int64(s, 4);
}

/* The columns of STMT_REPORT_EXCEPTIONS. */
static void read_exception(struct arena *a, sqlite3_stmt *s, void *row)
{
	read_report_meeting(a, s, row);
	((struct report_meeting *)row)->exception = db_text(a, s, 3);
}

/* Step statement which bound with the period [from, to) and body (?3), rows read by read. */
static int report_meetings(struct db *db, struct arena *a, enum stmt which, db_row_reader *read,
			   time_t from, time_t to, long long body, struct report_meeting **out,
			   size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, which);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)from);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)to);
	bind_id(s, 3, body);
	return db_read_rows(db, a, s, sizeof **out, read, out, count, "report meetings");
}

int db_report_violations(struct db *db, struct arena *a, time_t from, time_t to, long long body,
			 struct report_meeting **out, size_t *count)
{
	return report_meetings(db, a, STMT_REPORT_VIOLATIONS, read_violation, from, to, body, out,
			       count);
}

int db_report_exceptions(struct db *db, struct arena *a, time_t from, time_t to, long long body,
			 struct report_meeting **out, size_t *count)
{
	return report_meetings(db, a, STMT_REPORT_EXCEPTIONS, read_exception, from, to, body, out,
			       count);
}

/* The columns of STMT_REPORT_ANSWERED_LATE (of its first six). */
static void read_answered_late(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct report_late_appeal *l = row;
	l->number = db_text(a, s, 0);
	l->topic = db_text(a, s, 1);
	l->forwarded = strcmp(db_text(a, s, 2), "forwarded") == 0;
	l->due_on = db_text(a, s, 3);
	l->done_on = db_text(a, s, 4);
	l->days_late = sqlite3_column_int64(s, 5);
}

int db_report_answered_late(struct db *db, struct arena *a, time_t from, time_t to,
			    long long utc_offset, long long body, struct report_late_appeal **out,
			    size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_REPORT_ANSWERED_LATE);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)from);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)to);
	sqlite3_bind_int64(s, 3, utc_offset);
	bind_id(s, 4, body);
	return db_read_rows(db, a, s, sizeof **out, read_answered_late, out, count,
			    "answered late");
}

/* The columns of STMT_REPORT_OPEN_OVERDUE. */
static void read_open_overdue(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct report_late_appeal *l = row;
	l->number = db_text(a, s, 0);
	l->topic = db_text(a, s, 1);
	l->due_on = db_text(a, s, 2);
	l->done_on = "";
	l->days_late = sqlite3_column_int64(s, 3);
}

int db_report_open_overdue(struct db *db, struct arena *a, const char *today, long long body,
			   struct report_late_appeal **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_REPORT_OPEN_OVERDUE);
	sqlite3_bind_text(s, 1, today, -1, SQLITE_TRANSIENT);
	bind_id(s, 2, body);
	return db_read_rows(db, a, s, sizeof **out, read_open_overdue, out, count, "open overdue");
}

/* The columns of STMT_REPORT_PROTOCOLS. */
static void read_report_protocol(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct report_protocol *p = row;
	p->id = sqlite3_column_int64(s, 0);
	p->title = db_text(a, s, 1);
	p->starts_at = (time_t)sqlite3_column_int64(s, 2);
	p->has_protocol = sqlite3_column_int(s, 3) != 0;
	p->signed_ = sqlite3_column_int(s, 4) != 0;
	p->handed = sqlite3_column_type(s, 5) != SQLITE_NULL;
	p->handed_at = (time_t)sqlite3_column_int64(s, 5);
	p->handover_days = sqlite3_column_int(s, 6);
}

int db_report_protocols(struct db *db, struct arena *a, time_t from, time_t to, long long body,
			struct report_protocol **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_REPORT_PROTOCOLS);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)from);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)to);
	bind_id(s, 3, body);
	return db_read_rows(db, a, s, sizeof **out, read_report_protocol, out, count,
			    "report protocols");
}

/* The columns of STMT_REPORT_INSTRUCTIONS_LATE. */
static void read_report_instruction(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct report_instruction *i = row;
	i->id = sqlite3_column_int64(s, 0);
	i->text = db_text(a, s, 1);
	i->unit = db_text(a, s, 2);
	i->due_on = db_text(a, s, 3);
	i->status = db_text(a, s, 4);
	i->done = sqlite3_column_type(s, 5) != SQLITE_NULL;
	i->done_on = db_text(a, s, 5);
	i->days_late = sqlite3_column_int64(s, 6);
	i->meeting = db_text(a, s, 7);
	i->appeal = db_text(a, s, 8);
}

int db_report_instructions_late(struct db *db, struct arena *a, const char *from_iso,
				const char *to_iso, const char *today, long long utc_offset,
				long long body, struct report_instruction **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_REPORT_INSTRUCTIONS_LATE);
	sqlite3_bind_text(s, 1, from_iso, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, to_iso, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 4, utc_offset);
	bind_id(s, 5, body);
	return db_read_rows(db, a, s, sizeof **out, read_report_instruction, out, count,
			    "instructions late");
}

/* The columns of STMT_REPORT_GROUPS. */
static void read_report_group(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct report_group *g = row;
	g->name = db_text(a, s, 0);
	g->territory = db_text(a, s, 1);
	g->held = sqlite3_column_int64(s, 2);
	g->attendance = sqlite3_column_int64(s, 3);
	g->appeals = sqlite3_column_int64(s, 4);
	g->given = sqlite3_column_int64(s, 5);
	g->executed = sqlite3_column_int64(s, 6);
	g->territory_id = sqlite3_column_int64(s, 7);
}

int db_report_groups(struct db *db, struct arena *a, time_t from, time_t to, long long scope,
		     struct report_group **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_REPORT_GROUPS);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)from);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)to);
	sqlite3_bind_int64(s, 3, scope);
	return db_read_rows(db, a, s, sizeof **out, read_report_group, out, count, "groups report");
}

/* The columns of STMT_REPORT_MONTHLY. */
static void read_month_code(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct report_month_code *c = row;
	c->has_code = sqlite3_column_type(s, 0) != SQLITE_NULL;
	c->code = db_text(a, s, 0);
	c->topic = db_text(a, s, 1);
	c->received = sqlite3_column_int64(s, 2);
	c->answered = sqlite3_column_int64(s, 3);
	c->forwarded = sqlite3_column_int64(s, 4);
	c->unanswered = sqlite3_column_int64(s, 5);
	c->open = sqlite3_column_int64(s, 6);
}

int db_report_monthly(struct db *db, struct arena *a, time_t from, time_t to, long long scope,
		      struct report_month_code **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_REPORT_MONTHLY);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)from);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)to);
	sqlite3_bind_int64(s, 3, scope);
	return db_read_rows(db, a, s, sizeof **out, read_month_code, out, count, "monthly report");
}

/* ---- the plan of measures ---- */

/* The columns of STMT_PLAN_MEASURE_LIST. */
static void read_measure(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct plan_measure_row *m = row;
	m->id = sqlite3_column_int64(s, 0);
	m->item = db_text(a, s, 1);
	m->text = db_text(a, s, 2);
	m->periodicity = db_text(a, s, 3);
	m->due_iso = db_text(a, s, 4);
	m->units = db_text(a, s, 5);
	m->evidence = db_text(a, s, 6);
	m->meeting_kind = db_text(a, s, 7);
	m->kind_name = db_text(a, s, 8);
	m->evidence_name = db_text(a, s, 9);
	m->municipality = db_text(a, s, 10);
}

int db_plan_measures(struct db *db, struct arena *a, long long id, long long scope,
		     long long body, struct plan_measure_row **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_PLAN_MEASURE_LIST);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, scope);
	sqlite3_bind_int64(s, 3, body);
	return db_read_rows(db, a, s, sizeof **out, read_measure, out, count, "plan measures");
}

/* The columns shared by the STMT_PLAN_EVIDENCE_* statements. */
static void read_evidence(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct plan_evidence_row *e = row;
	e->id = sqlite3_column_int64(s, 0);
	e->title = db_text(a, s, 1);
	e->has_time = sqlite3_column_type(s, 2) == SQLITE_INTEGER;
	e->at = (time_t)sqlite3_column_int64(s, 2);
	e->day = db_text(a, s, 3);
}

int db_plan_evidence(struct db *db, struct arena *a, enum stmt which, long long measure,
		     const char *kind, time_t from, time_t to, const char *from_iso,
		     const char *to_iso, struct plan_evidence_row **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, which);
	/* A statement that uses fewer parameters refuses the binds past its last (SQLITE_RANGE):
	 * harmless, every statement is bound the same way. */
	sqlite3_bind_int64(s, 1, measure);
	sqlite3_bind_text(s, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)from);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)to);
	sqlite3_bind_text(s, 5, from_iso, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 6, to_iso, -1, SQLITE_TRANSIENT);
	return db_read_rows(db, a, s, sizeof **out, read_evidence, out, count, "plan evidence");
}

/* The columns code, name of STMT_PLAN_EVIDENCE_KINDS. */
static void read_code_name(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct kind_item *c = row;
	c->code = db_text(a, s, 0);
	c->name = db_text(a, s, 1);
}

int db_plan_evidence_kinds(struct db *db, struct arena *a, struct kind_item **out,
			   size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_PLAN_EVIDENCE_KINDS);
	return db_read_rows(db, a, s, sizeof **out, read_code_name, out, count, "evidence kinds");
}

/* The columns of STMT_PLAN_RECORDS. */
static void read_record(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct plan_record_row *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->done_on = db_text(a, s, 1);
	r->note = db_text(a, s, 2);
	r->file_name = db_text(a, s, 3);
	r->created_at = (time_t)sqlite3_column_int64(s, 4);
	r->created_by = db_text(a, s, 5);
}

int db_plan_records(struct db *db, struct arena *a, long long measure,
		    struct plan_record_row **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_PLAN_RECORDS);
	sqlite3_bind_int64(s, 1, measure);
	return db_read_rows(db, a, s, sizeof **out, read_record, out, count, "plan records");
}

/* Three texts (columns 0, 1, 2) into const char *[3]. */
static void read_three_texts(struct arena *a, sqlite3_stmt *s, void *row)
{
	read_two_texts(a, s, row);
	((const char **)row)[2] = db_text(a, s, 2);
}

int db_plan_record_file(struct db *db, struct arena *a, long long id, const char **name,
			const char **mime, const char **sha256)
{
	sqlite3_stmt *s = db_stmt(db, STMT_PLAN_RECORD_GET);
	sqlite3_bind_int64(s, 1, id);
	const char *t[3] = {"", "", ""};
	int rc = db_read_one(db, a, s, read_three_texts, t, "plan record");
	*name = t[0];
	*mime = t[1];
	*sha256 = t[2];
	return rc;
}
