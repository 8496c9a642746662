/* db_notify.c — the statements of the notifier's rules and deliveries, and their readers (see
 * db_notify.h). Each DB_STATEMENT row declares the result columns its reader below reads;
 * db_prepare_all prepares this table with the others once per process and refuses to start when
 * a count differs. */
#include "db_notify.h"

#include <string.h>

#include "db_statements.h"

const struct db_statement db_notify_statements[STMT__MAX] = {
	DB_STATEMENT(STMT_NOTIFY_UNANNOUNCED, 5,
		     "SELECT id, starts_at, exception_reason, venue_id IS NOT NULL, kind FROM meeting "
		     "WHERE status IN ('approved', 'postponed') AND announced_at IS NULL AND starts_at > ?1 "
		     "ORDER BY starts_at, id"),
	DB_STATEMENT(STMT_NOTIFY_DRAFTS_SOON, 5,
		     "SELECT id, starts_at, '', 1, kind FROM meeting WHERE status = 'draft' "
		     "AND starts_at > ?1 AND starts_at <= ?2 ORDER BY starts_at, id"),
	DB_STATEMENT(STMT_NOTIFY_CANCELLED, 1,
		     "SELECT m.id FROM meeting m WHERE m.status = 'cancelled' "
		     "AND EXISTS (SELECT 1 FROM announcement a WHERE a.meeting_id = m.id "
		     "            AND a.kind IN ('announcement', 'change')) "
		     "AND NOT EXISTS (SELECT 1 FROM announcement a WHERE a.meeting_id = m.id "
		     "                AND a.kind = 'cancellation') ORDER BY m.id"),
	DB_STATEMENT(STMT_NOTIFY_ANNOUNCED_SOON, 2,
		     "SELECT id, starts_at FROM meeting WHERE status IN ('approved', 'postponed') "
		     "AND announced_at IS NOT NULL AND starts_at > ?1 AND starts_at <= ?2 "
		     "ORDER BY starts_at, id"),
	DB_STATEMENT(STMT_NOTIFY_POLICE_DUE, 2,
		     "SELECT id, starts_at FROM meeting WHERE status IN ('approved', 'postponed') "
		     "AND police_notified_at IS NULL AND expected_attendance >= ?2 AND starts_at > ?1 "
		     "ORDER BY starts_at, id"),
	/* Staff by role with the body each works for (0: the whole installation; an address
	 * two accounts share works for the wider of them). With a meeting (?2), only those whose
	 * body owns it: the whole installation, its municipality, or that one's district. */
	DB_STATEMENT(STMT_NOTIFY_STAFF_EMAILS, 2,
		     "SELECT email, CASE WHEN count(*) FILTER (WHERE municipality_id IS NULL) > 0 "
		     "THEN 0 ELSE min(municipality_id) END FROM staff_user "
		     "WHERE disabled = 0 AND email <> '' AND instr(?1, ',' || role || ',') > 0 "
		     "AND (?2 IS NULL OR municipality_id IS NULL OR municipality_id IN "
		     " (SELECT municipality_id FROM meeting WHERE id = ?2 UNION "
		     "  SELECT b.district_id FROM meeting m JOIN municipality b "
		     "  ON b.id = m.municipality_id WHERE m.id = ?2)) "
		     "GROUP BY email ORDER BY email"),
	DB_STATEMENT(STMT_NOTIFY_INVITEE_EMAILS, 1,
		     "SELECT p.email FROM meeting_invitee i JOIN person p ON p.id = i.person_id "
		     "WHERE i.meeting_id = ?1 AND p.email <> '' ORDER BY p.email"),
	DB_STATEMENT(STMT_NOTIFY_VIOLATION_ADD, 1,
		     "INSERT INTO rule_violation (meeting_id, rule, deadline_at, detected_at, details, "
		     "starts_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING RETURNING id"),
	DB_STATEMENT(STMT_NOTIFY_RECIPIENTS, 3,
		     "WITH RECURSIVE up(id) AS ("
		     " SELECT territory_id FROM meeting WHERE id = ?1"
		     " UNION SELECT t.parent_id FROM territory t JOIN up ON t.id = up.id"
		     " WHERE t.parent_id IS NOT NULL), "
		     "down(id) AS (SELECT territory_id FROM meeting WHERE id = ?1"
		     " UNION SELECT t.id FROM territory t JOIN down ON t.parent_id = down.id) "
		     /* The media lists of the meeting's municipality and of its district (a
		      * district newspaper covers its settlements, issue 18 item 2). */
		     "SELECT 0, email, '' FROM media_contact WHERE active = 1 AND municipality_id IN "
		     "(SELECT m.municipality_id FROM meeting m WHERE m.id = ?1 UNION "
		     " SELECT b.district_id FROM meeting m JOIN municipality b "
		     " ON b.id = m.municipality_id WHERE m.id = ?1) "
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
		     /* Subscribers: to the meeting's territory, one above or below it; to the
		      * whole of the meeting's municipality; to the whole of a settlement of its
		      * district when the district's meeting concerns the settlement's residents —
		      * held in, above or below one of its territories, the rule of its public
		      * schedule (MEETING_OF_MUNICIPALITY). */
		     "UNION ALL SELECT 3, s.email, s.token FROM subscription s WHERE s.status = 'active' "
		     "AND (s.territory_id IN (SELECT id FROM up) OR s.territory_id IN (SELECT id FROM down) "
		     "     OR (s.territory_id IS NULL AND (s.municipality_id = "
		     "         (SELECT municipality_id FROM meeting WHERE id = ?1) "
		     "       OR (s.municipality_id IN (SELECT t.municipality_id FROM territory t "
		     "           WHERE t.id IN (SELECT id FROM up UNION SELECT id FROM down)) "
		     "         AND (SELECT district_id FROM municipality WHERE id = s.municipality_id) = "
		     "         (SELECT municipality_id FROM meeting WHERE id = ?1))))) "
		     "ORDER BY 1, 2"),
	DB_STATEMENT(STMT_NOTIFY_DISCUSSION_RECIPIENTS, 3,
		     "WITH RECURSIVE up(id) AS ("
		     " SELECT territory_id FROM discussion WHERE id = ?1"
		     " UNION SELECT t.parent_id FROM territory t JOIN up ON t.id = up.id"
		     " WHERE t.parent_id IS NOT NULL), "
		     "down(id) AS (SELECT territory_id FROM discussion WHERE id = ?1"
		     " UNION SELECT t.id FROM territory t JOIN down ON t.parent_id = down.id), "
		     /* The discussion's body: the one it was created for, else its territory's,
		      * else the own municipality (migration 028). */
		     "body(id) AS (SELECT coalesce(d.municipality_id, t.municipality_id, "
		     " (SELECT id FROM municipality WHERE own = 1)) FROM discussion d "
		     " LEFT JOIN territory t ON t.id = d.territory_id WHERE d.id = ?1) "
		     /* The media lists of its body and of that body's district. */
		     "SELECT 0, email, '' FROM media_contact WHERE active = 1 AND municipality_id IN "
		     "(SELECT id FROM body UNION SELECT district_id FROM municipality "
		     " WHERE id IN (SELECT id FROM body)) "
		     "UNION ALL SELECT 2, r.email, coalesce(c.token, '') FROM discussion_reference_group g "
		     "JOIN reference_group_member r ON r.group_id = g.group_id "
		     "LEFT JOIN reference_consent c ON c.email = lower(r.email) "
		     "WHERE g.discussion_id = ?1 AND c.withdrawn_at IS NULL "
		     /* Subscribers of its body or, for a district's, of the district's
		      * settlements: all of them to a discussion of the whole body, those of its
		      * territory, above or below it otherwise. */
		     "UNION ALL SELECT 3, s.email, s.token FROM subscription s WHERE s.status = 'active' "
		     "AND (s.municipality_id IN (SELECT id FROM body) OR s.municipality_id IN "
		     "     (SELECT id FROM municipality WHERE district_id IN (SELECT id FROM body))) "
		     "AND (s.territory_id IS NULL "
		     "     OR (SELECT territory_id FROM discussion WHERE id = ?1) IS NULL "
		     "     OR s.territory_id IN (SELECT id FROM up) "
		     "     OR s.territory_id IN (SELECT id FROM down)) "
		     "ORDER BY 1, 2"),
	DB_STATEMENT(STMT_NOTIFY_PREVIOUS, 3,
		     "SELECT a.starts_at, coalesce(v.name, ''), coalesce(v.address, '') FROM announcement a "
		     "LEFT JOIN venue v ON v.id = a.venue_id WHERE a.meeting_id = ?1 "
		     "AND a.kind IN ('announcement', 'change') ORDER BY a.id DESC LIMIT 1"),
	DB_STATEMENT(STMT_NOTIFY_LAST_CHANGE, 1,
		     "SELECT max(id) FROM meeting_change WHERE meeting_id = ?1"),
	DB_STATEMENT(STMT_NOTIFY_VENUE, 1,
		     "SELECT venue_id FROM meeting WHERE id = ?1"),
	DB_STATEMENT(STMT_NOTIFY_TITLE, 1,
		     "SELECT title FROM meeting WHERE id = ?1"),
	DB_STATEMENT(STMT_NOTIFY_ANNOUNCEMENT_ADD, 1,
		     "INSERT INTO announcement (meeting_id, kind, published_at, starts_at, ends_at, "
		     "venue_id, five_days_kept, change_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
		     "RETURNING id"),
	DB_STATEMENT(STMT_NOTIFY_MARK_ANNOUNCED, 0,
		     "UPDATE meeting SET announced_at = ?2 WHERE id = ?1 AND announced_at IS NULL"),
	DB_STATEMENT(STMT_NOTIFY_MARK_POLICE, 0,
		     "UPDATE meeting SET police_notified_at = ?2 WHERE id = ?1 AND police_notified_at IS NULL"),
	DB_STATEMENT(STMT_NOTIFY_APPEALS_DUE, 5,
		     "SELECT a.number, a.answer_due, coalesce(u.email, ''), a.municipality_id, "
		     "coalesce((SELECT district_id FROM municipality WHERE id = a.municipality_id), 0) "
		     "FROM appeal a "
		     "LEFT JOIN staff_user u ON u.id = a.executor_id AND u.disabled = 0 "
		     "WHERE a.status IN ('registered', 'in_work') AND a.answer_due <= ?1 "
		     "ORDER BY a.answer_due, a.number"),
	DB_STATEMENT(STMT_NOTIFY_INSTRUCTIONS_DUE, 6,
		     "SELECT i.id, i.text, i.due_on, coalesce(u.email, ''), " INSTRUCTION_MUNICIPALITY
		     ", coalesce((SELECT district_id FROM municipality WHERE id = "
		     INSTRUCTION_MUNICIPALITY "), 0) FROM instruction i "
		     "LEFT JOIN staff_user u ON u.id = i.executor_id AND u.disabled = 0 "
		     "LEFT JOIN protocol p ON p.id = i.protocol_id "
		     "LEFT JOIN meeting m ON m.id = p.meeting_id "
		     "LEFT JOIN appeal a ON a.id = i.appeal_id "
		     "WHERE i.status IN ('assigned', 'in_progress', 'returned') AND i.due_on <= ?1 "
		     "AND (i.protocol_id IS NULL OR p.signed_at IS NOT NULL) "
		     "ORDER BY i.due_on, i.id"),
	DB_STATEMENT(STMT_NOTIFY_BOOKINGS_SOON, 4,
		     "SELECT b.id, b.meeting_id, b.slot_at, b.email FROM reception_booking b "
		     "JOIN meeting m ON m.id = b.meeting_id WHERE b.status = 'active' AND b.email <> '' "
		     "AND m.status IN ('approved', 'postponed') AND b.slot_at > ?1 AND b.slot_at <= ?2 "
		     "ORDER BY b.id"),
	DB_STATEMENT(STMT_NOTIFY_DISCUSSIONS_DUE, 7,
		     "SELECT d.id, d.title, d.unit, d.opens_on, d.closes_on, d.form, t.name "
		     "FROM discussion d LEFT JOIN territory t ON t.id = d.territory_id "
		     "WHERE d.announced_at IS NULL AND d.opens_on <= ?1 AND d.closes_on >= ?1 "
		     "AND d.concluded_at IS NULL ORDER BY d.id"),
	DB_STATEMENT(STMT_NOTIFY_DISCUSSION_ANNOUNCED, 0,
		     "UPDATE discussion SET announced_at = ?2 WHERE id = ?1 AND announced_at IS NULL"),
	DB_STATEMENT(STMT_NOTIFY_SURVEYS_DUE, 4,
		     "SELECT id, title, opens_on, closes_on FROM survey WHERE audience = 'groups' "
		     "AND announced_at IS NULL AND opens_on <= ?1 AND closes_on >= ?1 ORDER BY id"),
	DB_STATEMENT(STMT_NOTIFY_SURVEY_LINKS, 4,
		     "SELECT l.email, l.name, l.token, coalesce(c.token, '') FROM participant_link l "
		     "LEFT JOIN reference_consent c ON c.email = l.email "
		     "WHERE l.kind = 'survey' AND l.target_id = ?1 AND c.withdrawn_at IS NULL "
		     "ORDER BY l.email"),
	DB_STATEMENT(STMT_NOTIFY_SURVEY_ANNOUNCED, 0,
		     "UPDATE survey SET announced_at = ?2 WHERE id = ?1 AND announced_at IS NULL"),
	DB_STATEMENT(STMT_SURVEY_LINKS_CREATE, 0,
		     "INSERT INTO participant_link (kind, target_id, email, name, organisation, token, "
		     "created_at) SELECT 'survey', ?1, lower(m.email), min(m.name), min(m.organisation), "
		     "lower(hex(randomblob(32))), ?2 FROM survey_reference_group g "
		     "JOIN reference_group_member m ON m.group_id = g.group_id "
		     "LEFT JOIN reference_consent c ON c.email = lower(m.email) "
		     "WHERE g.survey_id = ?1 AND c.withdrawn_at IS NULL GROUP BY lower(m.email) "
		     "ON CONFLICT DO NOTHING"),
	DB_STATEMENT(STMT_DISCUSSION_LINKS_CREATE, 0,
		     "INSERT INTO participant_link (kind, target_id, email, name, organisation, token, "
		     "created_at) SELECT 'discussion', ?1, lower(m.email), min(m.name), "
		     "min(m.organisation), lower(hex(randomblob(32))), ?2 FROM discussion_reference_group g "
		     "JOIN reference_group_member m ON m.group_id = g.group_id "
		     "LEFT JOIN reference_consent c ON c.email = lower(m.email) "
		     "WHERE g.discussion_id = ?1 AND c.withdrawn_at IS NULL GROUP BY lower(m.email) "
		     "ON CONFLICT DO NOTHING"),
	DB_STATEMENT(STMT_LINK_TOKEN, 1,
		     "SELECT token FROM participant_link WHERE kind = ?1 AND target_id = ?2 "
		     "AND email = lower(?3)"),
	DB_STATEMENT(STMT_OUTBOX_DUE, 8,
		     "SELECT id, channel, recipient, subject, body, unsubscribe_url, attempts, created_at "
		     "FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?1 "
		     "ORDER BY next_attempt_at, id LIMIT ?2"),
	DB_STATEMENT(STMT_OUTBOX_SENT, 0,
		     "UPDATE outbox SET status = 'sent', sent_at = ?2, last_error = '' "
		     "WHERE id = ?1 AND status = 'pending'"),
	DB_STATEMENT(STMT_OUTBOX_FAILED, 0,
		     "UPDATE outbox SET attempts = ?2, next_attempt_at = ?3, last_error = ?4, "
		     "status = CASE WHEN ?5 THEN 'dead' ELSE 'pending' END "
		     "WHERE id = ?1 AND status = 'pending'"),
};

/* The columns of STMT_NOTIFY_UNANNOUNCED and STMT_NOTIFY_DRAFTS_SOON: id, start, exception
 * reason, has a place, kind. */
static void read_candidate(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct notify_candidate *c = row;
	c->id = sqlite3_column_int64(s, 0);
	c->starts_at = (time_t)sqlite3_column_int64(s, 1);
	c->exception_reason = db_text(a, s, 2);
	c->has_place = sqlite3_column_int(s, 3) != 0;
	c->kind = db_text(a, s, 4);
}

/* The columns of STMT_NOTIFY_ANNOUNCED_SOON and STMT_NOTIFY_POLICE_DUE: id, start. */
static void read_candidate_start(struct arena *a, sqlite3_stmt *s, void *row)
{
	(void)a;
	struct notify_candidate *c = row;
	c->id = sqlite3_column_int64(s, 0);
	c->starts_at = (time_t)sqlite3_column_int64(s, 1);
	c->exception_reason = "";
	c->has_place = true;
	c->kind = "";
}

/* The column of STMT_NOTIFY_CANCELLED: id. */
static void read_candidate_id(struct arena *a, sqlite3_stmt *s, void *row)
{
	(void)a;
	struct notify_candidate *c = row;
	c->id = sqlite3_column_int64(s, 0);
	c->exception_reason = "";
	c->has_place = true;
	c->kind = "";
}

/* Step the bound selection s of candidates, each row read by read. */
static int read_candidates(struct db *db, struct arena *a, sqlite3_stmt *s, db_row_reader *read,
			   struct notify_candidate **out, size_t *count)
{
	return db_read_rows(db, a, s, sizeof **out, read, out, count,
			    "notifier: selecting meetings");
}

int db_notify_unannounced(struct db *db, struct arena *a, time_t starts_after,
			  struct notify_candidate **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_NOTIFY_UNANNOUNCED);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)starts_after);
	return read_candidates(db, a, s, read_candidate, out, count);
}

int db_notify_drafts_soon(struct db *db, struct arena *a, time_t from, time_t to,
			  struct notify_candidate **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_NOTIFY_DRAFTS_SOON);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)from);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)to);
	return read_candidates(db, a, s, read_candidate, out, count);
}

int db_notify_cancelled(struct db *db, struct arena *a, struct notify_candidate **out,
			size_t *count)
{
	return read_candidates(db, a, db_stmt(db, STMT_NOTIFY_CANCELLED), read_candidate_id, out,
			       count);
}

int db_notify_announced_soon(struct db *db, struct arena *a, time_t from, time_t to,
			     struct notify_candidate **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_NOTIFY_ANNOUNCED_SOON);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)from);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)to);
	return read_candidates(db, a, s, read_candidate_start, out, count);
}

int db_notify_police_due(struct db *db, struct arena *a, time_t now, long long attendance,
			 struct notify_candidate **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_NOTIFY_POLICE_DUE);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)now);
	sqlite3_bind_int64(s, 2, attendance);
	return read_candidates(db, a, s, read_candidate_start, out, count);
}

/* A statement's only column, text (STMT_NOTIFY_STAFF_EMAILS, STMT_NOTIFY_INVITEE_EMAILS). */
static void read_text(struct arena *a, sqlite3_stmt *s, void *row)
{
	*(const char **)row = db_text(a, s, 0);
}

/* The columns of STMT_NOTIFY_STAFF_EMAILS. */
static void read_staff(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct notify_staff *st = row;
	st->email = db_text(a, s, 0);
	st->body = sqlite3_column_int64(s, 1);
}

int db_notify_staff(struct db *db, struct arena *a, const char *roles, long long meeting,
		    struct notify_staff **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_NOTIFY_STAFF_EMAILS);
	sqlite3_bind_text(s, 1, roles, -1, SQLITE_TRANSIENT);
	if (meeting > 0)
		sqlite3_bind_int64(s, 2, meeting);
	return db_read_rows(db, a, s, sizeof **out, read_staff, out, count, "notifier: staff");
}

int db_notify_invitee_emails(struct db *db, struct arena *a, long long meeting,
			     const char ***out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_NOTIFY_INVITEE_EMAILS);
	sqlite3_bind_int64(s, 1, meeting);
	return db_read_rows(db, a, s, sizeof **out, read_text, out, count,
			    "notifier: invitees");
}

int db_notify_violation_add(struct db *db, const struct notify_violation *v, long long *id)
{
	sqlite3_stmt *s = db_stmt(db, STMT_NOTIFY_VIOLATION_ADD);
	sqlite3_bind_int64(s, 1, v->meeting_id);
	sqlite3_bind_text(s, 2, v->rule, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)v->deadline_at);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)v->detected_at);
	sqlite3_bind_text(s, 5, v->details, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 6, (sqlite3_int64)v->starts_at);
	*id = 0;
	return db_read_one(db, NULL, s, db_read_int64, id, "notifier: violation") < 0 ? -1 : 0;
}

/* The columns of STMT_NOTIFY_RECIPIENTS and STMT_NOTIFY_DISCUSSION_RECIPIENTS. */
static void read_recipient(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct notify_recipient *r = row;
	r->audience = sqlite3_column_int(s, 0);
	r->email = db_text(a, s, 1);
	r->token = db_text(a, s, 2);
}

int db_notify_recipients(struct db *db, struct arena *a, long long meeting,
			 struct notify_recipient **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_NOTIFY_RECIPIENTS);
	sqlite3_bind_int64(s, 1, meeting);
	return db_read_rows(db, a, s, sizeof **out, read_recipient, out, count,
			    "notifier: recipients");
}

int db_notify_discussion_recipients(struct db *db, struct arena *a, long long discussion,
				    struct notify_recipient **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_NOTIFY_DISCUSSION_RECIPIENTS);
	sqlite3_bind_int64(s, 1, discussion);
	return db_read_rows(db, a, s, sizeof **out, read_recipient, out, count,
			    "notifier: discussion recipients");
}

/* The columns of STMT_NOTIFY_PREVIOUS. */
static void read_published(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct notify_published *p = row;
	p->starts_at = (time_t)sqlite3_column_int64(s, 0);
	p->venue_name = db_text(a, s, 1);
	p->venue_address = db_text(a, s, 2);
}

int db_notify_previous(struct db *db, struct arena *a, long long meeting,
		       struct notify_published *out)
{
	*out = (struct notify_published){.venue_name = "", .venue_address = ""};
	sqlite3_stmt *s = db_stmt(db, STMT_NOTIFY_PREVIOUS);
	sqlite3_bind_int64(s, 1, meeting);
	return db_read_one(db, a, s, read_published, out, "notifier: previous publication");
}

/* Step the bound s of one integer column into *value (0 without a row): 0, or -1. */
static int read_number(struct db *db, sqlite3_stmt *s, long long *value, const char *what)
{
	*value = 0;
	return db_read_one(db, NULL, s, db_read_int64, value, what) < 0 ? -1 : 0;
}

int db_notify_last_change(struct db *db, long long meeting, long long *change)
{
	sqlite3_stmt *s = db_stmt(db, STMT_NOTIFY_LAST_CHANGE);
	sqlite3_bind_int64(s, 1, meeting);
	return read_number(db, s, change, "notifier: last change");
}

int db_notify_venue(struct db *db, long long meeting, long long *venue)
{
	sqlite3_stmt *s = db_stmt(db, STMT_NOTIFY_VENUE);
	sqlite3_bind_int64(s, 1, meeting);
	return read_number(db, s, venue, "notifier: venue");
}

int db_notify_title(struct db *db, struct arena *a, long long meeting, const char **title)
{
	sqlite3_stmt *s = db_stmt(db, STMT_NOTIFY_TITLE);
	sqlite3_bind_int64(s, 1, meeting);
	*title = "";
	return db_read_one(db, a, s, read_text, title, "notifier: title") < 0 ? -1 : 0;
}

int db_notify_announcement_add(struct db *db, const struct notify_announcement *n,
			       long long *id)
{
	sqlite3_stmt *s = db_stmt(db, STMT_NOTIFY_ANNOUNCEMENT_ADD);
	sqlite3_bind_int64(s, 1, n->meeting_id);
	sqlite3_bind_text(s, 2, n->kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)n->published_at);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)n->starts_at);
	sqlite3_bind_int64(s, 5, (sqlite3_int64)n->ends_at);
	if (n->venue_id)
		sqlite3_bind_int64(s, 6, n->venue_id);
	sqlite3_bind_int(s, 7, n->notice_kept ? 1 : 0);
	if (n->change_id)
		sqlite3_bind_int64(s, 8, n->change_id);
	*id = -1;
	return db_read_one(db, NULL, s, db_read_int64, id, "notifier: announcement") == 0 ? 0 : -1;
}

/* The columns of STMT_NOTIFY_APPEALS_DUE. */
static void read_due_appeal(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct notify_due_appeal *d = row;
	d->number = db_text(a, s, 0);
	d->answer_due = db_text(a, s, 1);
	d->executor_email = db_text(a, s, 2);
	d->body = sqlite3_column_int64(s, 3);
	d->district = sqlite3_column_int64(s, 4);
}

int db_notify_appeals_due(struct db *db, struct arena *a, const char *last,
			  struct notify_due_appeal **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_NOTIFY_APPEALS_DUE);
	sqlite3_bind_text(s, 1, last, -1, SQLITE_TRANSIENT);
	return db_read_rows(db, a, s, sizeof **out, read_due_appeal, out, count,
			    "notifier: appeals due");
}

/* The columns of STMT_NOTIFY_INSTRUCTIONS_DUE. */
static void read_due_instruction(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct notify_due_instruction *d = row;
	d->id = sqlite3_column_int64(s, 0);
	d->text = db_text(a, s, 1);
	d->due_on = db_text(a, s, 2);
	d->executor_email = db_text(a, s, 3);
	d->body = sqlite3_column_int64(s, 4);
	d->district = sqlite3_column_int64(s, 5);
}

int db_notify_instructions_due(struct db *db, struct arena *a, const char *last,
			       struct notify_due_instruction **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_NOTIFY_INSTRUCTIONS_DUE);
	sqlite3_bind_text(s, 1, last, -1, SQLITE_TRANSIENT);
	return db_read_rows(db, a, s, sizeof **out, read_due_instruction, out, count,
			    "notifier: instructions due");
}

/* The columns of STMT_NOTIFY_BOOKINGS_SOON. */
static void read_booking(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct notify_booking *b = row;
	b->id = sqlite3_column_int64(s, 0);
	b->meeting_id = sqlite3_column_int64(s, 1);
	b->slot_at = (time_t)sqlite3_column_int64(s, 2);
	b->email = db_text(a, s, 3);
}

int db_notify_bookings_soon(struct db *db, struct arena *a, time_t from, time_t to,
			    struct notify_booking **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_NOTIFY_BOOKINGS_SOON);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)from);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)to);
	return db_read_rows(db, a, s, sizeof **out, read_booking, out, count,
			    "notifier: bookings");
}

/* The columns of STMT_NOTIFY_DISCUSSIONS_DUE. */
static void read_discussion(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct notify_discussion *d = row;
	d->id = sqlite3_column_int64(s, 0);
	d->title = db_text(a, s, 1);
	d->unit = db_text(a, s, 2);
	d->opens_on = db_text(a, s, 3);
	d->closes_on = db_text(a, s, 4);
	d->form = db_text(a, s, 5);
	d->territory = db_text(a, s, 6);
}

int db_notify_discussions_due(struct db *db, struct arena *a, const char *day,
			      struct notify_discussion **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_NOTIFY_DISCUSSIONS_DUE);
	sqlite3_bind_text(s, 1, day, -1, SQLITE_TRANSIENT);
	return db_read_rows(db, a, s, sizeof **out, read_discussion, out, count,
			    "notifier: discussions due");
}

/* The columns of STMT_NOTIFY_SURVEYS_DUE. */
static void read_survey(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct notify_survey *v = row;
	v->id = sqlite3_column_int64(s, 0);
	v->title = db_text(a, s, 1);
	v->opens_on = db_text(a, s, 2);
	v->closes_on = db_text(a, s, 3);
}

int db_notify_surveys_due(struct db *db, struct arena *a, const char *day,
			  struct notify_survey **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_NOTIFY_SURVEYS_DUE);
	sqlite3_bind_text(s, 1, day, -1, SQLITE_TRANSIENT);
	return db_read_rows(db, a, s, sizeof **out, read_survey, out, count,
			    "notifier: surveys due");
}

/* The columns of STMT_NOTIFY_SURVEY_LINKS. */
static void read_survey_link(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct notify_survey_link *l = row;
	l->email = db_text(a, s, 0);
	l->name = db_text(a, s, 1);
	l->token = db_text(a, s, 2);
	l->consent_token = db_text(a, s, 3);
}

int db_notify_survey_links(struct db *db, struct arena *a, long long survey,
			   struct notify_survey_link **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_NOTIFY_SURVEY_LINKS);
	sqlite3_bind_int64(s, 1, survey);
	return db_read_rows(db, a, s, sizeof **out, read_survey_link, out, count,
			    "notifier: survey links");
}

int db_notify_link_token(struct db *db, struct arena *a, const char *kind, long long target,
			 const char *email, const char **token)
{
	sqlite3_stmt *s = db_stmt(db, STMT_LINK_TOKEN);
	sqlite3_bind_text(s, 1, kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, target);
	sqlite3_bind_text(s, 3, email, -1, SQLITE_TRANSIENT);
	*token = "";
	return db_read_one(db, a, s, read_text, token, "notifier: personal link");
}

/* The columns of STMT_OUTBOX_DUE. */
static void read_outbox_due(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct outbox_due *p = row;
	p->id = sqlite3_column_int64(s, 0);
	p->mail = strcmp(db_text(a, s, 1), "mail") == 0;
	p->recipient = db_text(a, s, 2);
	p->subject = db_text(a, s, 3);
	p->body = db_text(a, s, 4);
	p->unsubscribe_url = db_text(a, s, 5);
	p->attempts = sqlite3_column_int(s, 6);
	p->created_at = (time_t)sqlite3_column_int64(s, 7);
}

int db_outbox_due(struct db *db, struct arena *a, time_t now, int limit,
		  struct outbox_due **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_OUTBOX_DUE);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)now);
	sqlite3_bind_int(s, 2, limit);
	return db_read_rows(db, a, s, sizeof **out, read_outbox_due, out, count,
			    "notifier: reading the outbox");
}
