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
	[STMT_CALENDAR_DAY_GET] = "SELECT kind, note FROM calendar_day WHERE day = ?1",

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
	COLUMNS(STMT_OPEN311_SERVICES, 5),
	COLUMNS(STMT_OPEN311_REQUESTS, 10),
	COLUMNS(STMT_OPEN311_REQUEST, 10),
	COLUMNS(STMT_OUTBOX_ADD, 0),
	COLUMNS(STMT_OUTBOX_TOTALS, 3),
	COLUMNS(STMT_MEDIA_LIST, 4),
	COLUMNS(STMT_REFCONSENT_BY_TOKEN, 2),
	COLUMNS(STMT_REFCONSENT_WITHDRAW, 0),
	COLUMNS(STMT_SUBSCRIPTION_FIND, 3),
	COLUMNS(STMT_SUBSCRIPTION_INSERT, 0),
	COLUMNS(STMT_SUBSCRIPTION_RENEW, 0),
	COLUMNS(STMT_SUBSCRIPTION_BY_TOKEN, 4),
	COLUMNS(STMT_SUBSCRIPTION_CONFIRM, 0),
	COLUMNS(STMT_SUBSCRIPTION_UNSUBSCRIBE, 0),
	COLUMNS(STMT_OUTBOX_RECENT, 1),
	COLUMNS(STMT_CALENDAR_DAY_GET, 2),
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
	COLUMNS(STMT_MUNICIPALITY_MEETINGS, 12),
	COLUMNS(STMT_MEETING_MUNICIPALITY, 4),
};
