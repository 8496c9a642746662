/* db_press.c — the statements of the press pages, publications and the outbox, and their
 * readers (see db_press.h). Each DB_STATEMENT row declares the result columns its reader below
 * reads; db_prepare_all prepares this table with the others once per process and refuses to
 * start when a count differs. */
#include "db_press.h"

#include <string.h>

#include "db_statements.h"

/* An announced meeting as the press office sees it (STMT_PRESS_UPCOMING, STMT_PRESS_PAST): its
 * latest announcement (a) and the one before it (p), for what a change changed. Drafts never.
 * PRESS_SELECT_OF is the same on a municipality's press page (?4 always bound): the meetings
 * are read from meeting_municipality's entries of the municipality and its district, not from
 * every meeting of the installation (a settlement's ended ones among a district's 100,000 took
 * 66 ms). */
#define PRESS_SELECT PRESS_SELECT_FROM("meeting m") " "
#define PRESS_SELECT_OF                                                                           \
	PRESS_SELECT_FROM("meeting m INDEXED BY meeting_municipality")                             \
	" AND m.municipality_id IN (?4, ?5) "
#define PRESS_SELECT_FROM(meeting)                                                                \
	"SELECT m.id, m.title, k.name, m.status, m.status_reason, m.organising_unit, "             \
	"m.description, t.name, coalesce(h.full_name, ''), coalesce(h.position, ''), "             \
	"a.id, a.kind, a.published_at, a.starts_at, a.ends_at, coalesce(v.name, ''), "             \
	"coalesce(v.address, ''), p.id, p.starts_at, p.ends_at, coalesce(pv.name, ''), "           \
	"coalesce(pv.address, ''), p.venue_id IS NOT a.venue_id "                                  \
	"FROM " meeting " CROSS JOIN meeting_kind k ON k.code = m.kind "                           \
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

/* The order and limit of STMT_PRESS_UPCOMING and STMT_PRESS_PAST (?1 now, ?2 limit). */
#define PRESS_UPCOMING                                                                            \
	"AND m.ends_at >= ?1 "                                                                     \
	"ORDER BY a.ends_at < ?1, CASE WHEN a.ends_at >= ?1 THEN a.starts_at END, "                \
	"a.starts_at DESC, m.id LIMIT ?2"
#define PRESS_PAST "AND +m.ends_at < ?1 ORDER BY m.starts_at DESC, m.id LIMIT ?2"

/* The entries of the Atom feed, newest first, ?1 of them: the announcements and cancellations
 * read FROM_ANNOUNCEMENT (a with its meeting m) and the results read FROM_PROTOCOL (the
 * protocol pr with its meeting m); ?2 and ?3 a municipality and its district (NULL: the whole
 * site). */
#define FEED_ENTRIES(from_announcement, from_protocol)                                            \
	"SELECT 'announcement' AS what, a.id, a.kind, a.published_at AS at, m.id, m.title, "      \
	"k.name, a.starts_at, a.ends_at, coalesce(v.name, ''), coalesce(v.address, ''), "          \
	"m.status_reason, NULL, p.id, p.starts_at, p.ends_at, coalesce(pv.name, ''), "             \
	"coalesce(pv.address, ''), p.venue_id IS NOT a.venue_id "                                  \
	from_announcement " "                                                                      \
	"JOIN meeting_kind k ON k.code = m.kind LEFT JOIN venue v ON v.id = a.venue_id "           \
	"LEFT JOIN announcement p ON a.kind = 'change' AND p.id = (SELECT id FROM announcement "   \
	"  WHERE meeting_id = a.meeting_id AND kind <> 'cancellation' AND id <> a.id "             \
	"  AND published_at <= a.published_at ORDER BY published_at DESC, id DESC LIMIT 1) "       \
	"LEFT JOIN venue pv ON pv.id = p.venue_id "                                                \
	"WHERE m.status <> 'draft' AND " MEETING_OF_MUNICIPALITY("?2", "?3")                      \
	"UNION ALL "                                                                               \
	/* Results exist once the protocol is signed, and never for a personal reception          \
	 * (residents' own affairs), as on the meeting's page (page_protocol.c). */                 \
	"SELECT 'result', m.id, 'result', pr.signed_at, m.id, m.title, k.name, "                    \
	"m.starts_at, m.ends_at, coalesce(v.name, ''), coalesce(v.address, ''), '', "              \
	"m.attendance, NULL, NULL, NULL, NULL, NULL, NULL "                                        \
	from_protocol " "                                                                          \
	"CROSS JOIN meeting_kind k ON k.code = m.kind "                                            \
	"LEFT JOIN venue v ON v.id = m.venue_id WHERE pr.signed_at IS NOT NULL "                   \
	"AND m.status = 'held' "                                                                   \
	"AND m.kind <> 'personal_reception' AND " MEETING_OF_MUNICIPALITY("?2", "?3")             \
	"ORDER BY at DESC, what, 2 DESC LIMIT ?1"

/* A discussion d of a draft on the public pages of municipality MUN (NULL: the whole site):
 * one of its territories or above them; one for the whole site (no territory) is the own
 * municipality's, until discussions name their body. */
#define DISCUSSION_OF_MUNICIPALITY(mun)                                                           \
	"(" mun " IS NULL OR (d.territory_id IS NULL AND " mun " = (SELECT id FROM municipality "  \
	"WHERE own = 1)) OR d.territory_id IN (SELECT id FROM territory WHERE municipality_id = "  \
	mun ") OR d.territory_id IN (WITH RECURSIVE up(id) AS (SELECT parent_id FROM territory "   \
	"WHERE municipality_id = " mun " UNION SELECT t.parent_id FROM territory t JOIN up "       \
	"ON t.id = up.id) SELECT id FROM up WHERE id IS NOT NULL)) "

/* The press office's mail: posts to the social-network webhooks and the announcements, changes
 * and cancellations mailed to the media list. Everything else (acknowledgements and answers to
 * applicants, subscribers' and invitees' mail, staff alerts) carries personal data. */
#define OUTBOX_PRESS_MAIL "(channel = 'webhook' OR (purpose IN ('announcement', 'change', " \
			  "'cancellation') AND recipient IN (SELECT email FROM media_contact)))"
#define OUTBOX_ROW "SELECT id, channel, recipient, subject, purpose, meeting_id, created_at, " \
		   "attempts, last_error, sent_at FROM outbox "
#define OUTBOX_FOR "AND (?2 = 0 OR " OUTBOX_PRESS_MAIL ") AND " OUTBOX_SCOPE("3") " "

const struct db_statement db_press_statements[STMT__MAX] = {
	/* Counted in the index outbox_due: the sent mail of a year (tens of thousands of rows
	 * with their bodies) is never read — a scan of it cost the staff home page 20 ms. */
	DB_STATEMENT(STMT_OUTBOX_TOTALS, 3,
		     "SELECT (SELECT count(*) FROM outbox WHERE status = 'pending' AND " OUTBOX_SCOPE("1")
		     "), (SELECT count(*) FROM outbox WHERE status = 'dead' AND " OUTBOX_SCOPE("1") "), "
		     "(SELECT count(*) FROM outbox WHERE status IN ('pending', 'dead') AND channel = 'mail' "
		     "AND " OUTBOX_SCOPE("1") ")"),
	/* The contacts of the account's bodies (?1 scope_bind_value). */
	DB_STATEMENT(STMT_MEDIA_LIST, 6,
		     "SELECT c.id, c.name, c.email, c.active, c.municipality_id, coalesce(m.name, '') "
		     "FROM media_contact c LEFT JOIN municipality m ON m.id = c.municipality_id "
		     "WHERE " STAFF_SCOPE_SQL("c.municipality_id", "1") " "
		     "ORDER BY c.active DESC, c.name, c.id"),
	/* The press office. A meeting is on /press once the notifier has announced it: the text is
	 * built from what was published (the latest announcement's time and place); the one before
	 * it (not a cancellation) tells what a change changed. Drafts never. */
	/* The press list in two parts, as the schedule (a district's ten years hold 100,000
	 * announced meetings; one ORDER BY over all of them cost /press 100 ms): the meetings not
	 * yet ended (meeting_ends_at), upcoming first as before, then the ended ones newest first
	 * from meeting_starts_at, stopping at the page's end. ?1 now, ?2 limit, ?3 one meeting,
	 * ?4 and ?5 the municipality and its district. */
	DB_STATEMENT(STMT_PRESS_UPCOMING, 23, PRESS_SELECT PRESS_UPCOMING),
	DB_STATEMENT(STMT_PRESS_PAST, 23, PRESS_SELECT PRESS_PAST),
	DB_STATEMENT(STMT_PRESS_UPCOMING_OF, 23, PRESS_SELECT_OF PRESS_UPCOMING),
	DB_STATEMENT(STMT_PRESS_PAST_OF, 23, PRESS_SELECT_OF PRESS_PAST),
	DB_STATEMENT(STMT_PRESS_DISCUSSIONS, 7,
		     "SELECT d.id, d.title, d.unit, d.opens_on, d.closes_on, t.name, "
		     "d.concluded_at IS NOT NULL FROM discussion d "
		     "LEFT JOIN territory t ON t.id = d.territory_id WHERE d.announced_at IS NOT NULL "
		     "AND " DISCUSSION_OF_MUNICIPALITY("?1")
		     "ORDER BY d.announced_at DESC, d.id DESC LIMIT 50"),
	DB_STATEMENT(STMT_FEED_ANSWERS, 9,
		     "SELECT a.id, a.number, a.public_question, a.public_answer, a.published_at AS at, "
		     "coalesce(a.meeting_id, 0), coalesce(m.title, ''), 'answer', '' FROM appeal a "
		     "LEFT JOIN meeting m ON m.id = a.meeting_id WHERE a.published_at IS NOT NULL "
		     "AND (?2 IS NULL OR a.municipality_id = ?2) "
		     "UNION ALL SELECT id, title, unit, '', announced_at, 0, '', 'discussion', closes_on "
		     "FROM discussion d WHERE announced_at IS NOT NULL AND " DISCUSSION_OF_MUNICIPALITY("?2")
		     "UNION ALL SELECT id, title, unit, conclusion, concluded_at, 0, '', 'conclusion', "
		     "closes_on FROM discussion d WHERE concluded_at IS NOT NULL AND "
		     DISCUSSION_OF_MUNICIPALITY("?2")
		     "ORDER BY at DESC, 1 DESC LIMIT ?1"),
	/* Results: a held meeting, dated when it was marked held, or its end if that came later. */
	/* From the signed protocols newest first (protocol_signed): starting from the meetings
	 * read a district's 100,000 of them and sorted their results. */
	DB_STATEMENT(STMT_FEED_ENTRIES, 19,
		     FEED_ENTRIES("FROM announcement a JOIN meeting m ON m.id = a.meeting_id",
				  "FROM protocol pr CROSS JOIN meeting m ON m.id = pr.meeting_id")),
	/* A municipality's feed (?2 always bound) starts from its and its district's meetings
	 * (meeting_municipality): the whole site's announcements, filtered, took 190 ms for a
	 * settlement of a district of 100,000 meetings. */
	DB_STATEMENT(STMT_FEED_ENTRIES_OF, 19,
		     FEED_ENTRIES("FROM meeting m INDEXED BY meeting_municipality "
				  "CROSS JOIN announcement a ON a.meeting_id = m.id "
				  "AND m.municipality_id IN (?2, ?3)",
				  "FROM meeting m INDEXED BY meeting_municipality "
				  "CROSS JOIN protocol pr ON pr.meeting_id = m.id "
				  "AND m.municipality_id IN (?2, ?3)")),
	DB_STATEMENT(STMT_MEDIA_PLAN, 13,
		     "SELECT m.id, m.title, m.status, m.starts_at, m.announced_at, f.id, f.published_at, "
		     "f.five_days_kept, l.id, l.kind, l.published_at, "
		     "(SELECT count(*) FROM announcement WHERE meeting_id = m.id AND five_days_kept = 0 "
		     "  AND kind <> 'cancellation'), m.kind "
		     "FROM meeting m "
		     "LEFT JOIN announcement f ON f.id = (SELECT id FROM announcement "
		     "  WHERE meeting_id = m.id ORDER BY published_at, id LIMIT 1) "
		     "LEFT JOIN announcement l ON l.id = (SELECT id FROM announcement "
		     "  WHERE meeting_id = m.id ORDER BY published_at DESC, id DESC LIMIT 1) "
		     /* The meetings from an index: not yet ended (meeting_ends_at) without ?1, else
		      * starting from ?1 on (meeting_starts_at). Both conditions in one WHERE made
		      * SQLite walk all of a district's 100,000 meetings (48 ms, now 0.2). */
		     "WHERE m.id IN (SELECT id FROM meeting WHERE ?1 IS NULL AND ends_at >= ?3 "
		     "UNION ALL SELECT id FROM meeting WHERE ?1 IS NOT NULL AND starts_at >= ?1 "
		     "AND (?2 IS NULL OR starts_at < ?2)) AND (?2 IS NULL OR m.starts_at < ?2) "
		     "AND " STAFF_SCOPE_SQL("m.municipality_id", "4") " "
		     "ORDER BY m.starts_at, m.id"),
	DB_STATEMENT(STMT_ANNOUNCEMENT_WEBHOOKS, 1,
		     "SELECT count(*) FROM outbox WHERE announcement_id = ?1 AND channel = 'webhook'"),
	DB_STATEMENT(STMT_PUBLICATION_LIST, 6,
		     "SELECT a.id, a.kind, a.published_at, a.starts_at, a.five_days_kept, "
		     "coalesce(v.name, '') FROM announcement a LEFT JOIN venue v ON v.id = a.venue_id "
		     "WHERE a.meeting_id = ?1 ORDER BY a.published_at, a.id"),
	/* Mail to an address on the media list is the media channel; the invitees and the holding
	 * group's members, the reference groups and the subscribers are counted apart, each as
	 * the notifier chose them (the first audience of an address wins); each webhook is its own
	 * channel. */
	DB_STATEMENT(STMT_PUBLICATION_CHANNELS, 6,
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
		     "WHEN 'subscribers' THEN 3 ELSE 4 END, name"),
	DB_STATEMENT(STMT_MEDIA_GET, 5,
		     "SELECT c.name, c.email, c.active, c.municipality_id, coalesce(m.name, '') "
		     "FROM media_contact c LEFT JOIN municipality m ON m.id = c.municipality_id "
		     "WHERE c.id = ?1"),
	DB_STATEMENT(STMT_MEDIA_EMAIL_TAKEN, 1,
		     "SELECT 1 FROM media_contact WHERE lower(email) = lower(?1) "
		     "AND (?2 IS NULL OR id <> ?2) AND municipality_id = ?3"),
	DB_STATEMENT(STMT_MEDIA_INSERT, 0,
		     "INSERT INTO media_contact (name, email, municipality_id) VALUES (?1, ?2, ?3)"),
	DB_STATEMENT(STMT_MEDIA_UPDATE, 0,
		     "UPDATE media_contact SET name = ?2, email = ?3, municipality_id = ?4 "
		     "WHERE id = ?1"),
	DB_STATEMENT(STMT_MEDIA_SET_ACTIVE, 0,
		     "UPDATE media_contact SET active = ?2 WHERE id = ?1"),
	DB_STATEMENT(STMT_MEDIA_JSON, 1,
		     "SELECT json_object('name', name, 'email', email, 'active', active, "
		     "'municipality_id', municipality_id) "
		     "FROM media_contact WHERE id = ?1"),
	DB_STATEMENT(STMT_OUTBOX_PRESS_TOTALS, 3,
		     "SELECT count(*) FILTER (WHERE status = 'pending'), "
		     "count(*) FILTER (WHERE status = 'dead'), "
		     "count(*) FILTER (WHERE status IN ('pending', 'dead') AND channel = 'mail') FROM outbox "
		     "WHERE (?1 = 0 OR " OUTBOX_PRESS_MAIL ") AND " OUTBOX_SCOPE("2")),
	DB_STATEMENT(STMT_OUTBOX_DEAD_LIST, 10,
		     OUTBOX_ROW "WHERE status = 'dead' " OUTBOX_FOR
		     "ORDER BY id DESC LIMIT ?1"),
	DB_STATEMENT(STMT_OUTBOX_RETRY_LIST, 10,
		     OUTBOX_ROW "WHERE status = 'pending' AND attempts > 0 "
		     OUTBOX_FOR "ORDER BY next_attempt_at, id LIMIT ?1"),
	DB_STATEMENT(STMT_OUTBOX_SENT_LIST, 10,
		     OUTBOX_ROW "WHERE status = 'sent' " OUTBOX_FOR
		     "ORDER BY sent_at DESC, id DESC LIMIT ?1"),
	DB_STATEMENT(STMT_OUTBOX_STATE, 3,
		     "SELECT status, recipient, " OUTBOX_PRESS_MAIL " FROM outbox "
		     "WHERE id = ?1"),
	DB_STATEMENT(STMT_OUTBOX_RETRY, 0,
		     "UPDATE outbox SET status = 'pending', attempts = 0, "
		     "next_attempt_at = ?2 WHERE id = ?1 AND status = 'dead'"),
	DB_STATEMENT(STMT_OUTBOX_DISCARD, 0,
		     "UPDATE outbox SET status = 'discarded' WHERE id = ?1 "
		     "AND status = 'dead' AND ?2 IS NOT NULL"),
	DB_STATEMENT(STMT_OUTBOX_JSON, 1,
		     "SELECT json_object('status', status, 'recipient', recipient) FROM outbox "
		     "WHERE id = ?1"),
};

#undef OUTBOX_FOR
#undef OUTBOX_ROW
#undef OUTBOX_PRESS_MAIL

/* The columns of STMT_PRESS_UPCOMING and STMT_PRESS_PAST (PRESS_SELECT); column 10, the latest
 * announcement's id, is not read. */
static void read_press_item(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct press_item *it = row;
	it->id = sqlite3_column_int64(s, 0);
	it->title = db_text(a, s, 1);
	it->kind_name = db_text(a, s, 2);
	it->status = db_text(a, s, 3);
	it->status_reason = db_text(a, s, 4);
	it->organising_unit = db_text(a, s, 5);
	it->description = db_text(a, s, 6);
	it->territory = db_text(a, s, 7);
	it->host_name = db_text(a, s, 8);
	it->host_position = db_text(a, s, 9);
	it->kind = db_text(a, s, 11);
	it->published_at = (time_t)sqlite3_column_int64(s, 12);
	it->starts_at = (time_t)sqlite3_column_int64(s, 13);
	it->ends_at = (time_t)sqlite3_column_int64(s, 14);
	it->venue_name = db_text(a, s, 15);
	it->venue_address = db_text(a, s, 16);
	it->has_previous = sqlite3_column_type(s, 17) != SQLITE_NULL;
	it->previous_starts_at = (time_t)sqlite3_column_int64(s, 18);
	it->previous_ends_at = (time_t)sqlite3_column_int64(s, 19);
	it->previous_venue_name = db_text(a, s, 20);
	it->previous_venue_address = db_text(a, s, 21);
	it->venue_changed = sqlite3_column_int(s, 22) != 0;
}

int db_press_items(struct db *db, struct arena *a, bool past, const struct press_filter *f,
		   struct press_item **out, size_t *count)
{
	enum stmt which = f->municipality > 0 ? (past ? STMT_PRESS_PAST_OF : STMT_PRESS_UPCOMING_OF)
					      : (past ? STMT_PRESS_PAST : STMT_PRESS_UPCOMING);
	sqlite3_stmt *s = db_stmt(db, which);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)f->now);
	sqlite3_bind_int64(s, 2, f->limit);
	if (f->meeting > 0)
		sqlite3_bind_int64(s, 3, f->meeting);
	if (f->municipality > 0)
		sqlite3_bind_int64(s, 4, f->municipality);
	if (f->district > 0)
		sqlite3_bind_int64(s, 5, f->district);
	return db_read_rows(db, a, s, sizeof **out, read_press_item, out, count, "press list");
}

/* The columns of STMT_PRESS_DISCUSSIONS. */
static void read_press_discussion(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct press_discussion *d = row;
	d->id = sqlite3_column_int64(s, 0);
	d->title = db_text(a, s, 1);
	d->unit = db_text(a, s, 2);
	d->opens_on = db_text(a, s, 3);
	d->closes_on = db_text(a, s, 4);
	d->territory = db_text(a, s, 5);
	d->concluded = sqlite3_column_int(s, 6) != 0;
}

int db_press_discussions(struct db *db, struct arena *a, long long municipality,
			 struct press_discussion **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_PRESS_DISCUSSIONS);
	if (municipality > 0)
		sqlite3_bind_int64(s, 1, municipality);
	return db_read_rows(db, a, s, sizeof **out, read_press_discussion, out, count,
			    "press discussions");
}

/* The columns of STMT_FEED_ENTRIES. */
static void read_feed_entry(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct feed_entry *e = row;
	e->what = db_text(a, s, 0);
	e->id = sqlite3_column_int64(s, 1);
	e->kind = db_text(a, s, 2);
	e->at = (time_t)sqlite3_column_int64(s, 3);
	e->meeting_id = sqlite3_column_int64(s, 4);
	e->title = db_text(a, s, 5);
	e->kind_name = db_text(a, s, 6);
	e->starts_at = (time_t)sqlite3_column_int64(s, 7);
	e->ends_at = (time_t)sqlite3_column_int64(s, 8);
	e->venue_name = db_text(a, s, 9);
	e->venue_address = db_text(a, s, 10);
	e->reason = db_text(a, s, 11);
	e->has_attendance = sqlite3_column_type(s, 12) != SQLITE_NULL;
	e->attendance = sqlite3_column_int64(s, 12);
	e->has_previous = sqlite3_column_type(s, 13) != SQLITE_NULL;
	e->previous_starts_at = (time_t)sqlite3_column_int64(s, 14);
	e->previous_ends_at = (time_t)sqlite3_column_int64(s, 15);
	e->previous_venue_name = db_text(a, s, 16);
	e->previous_venue_address = db_text(a, s, 17);
	e->venue_changed = sqlite3_column_int(s, 18) != 0;
}

int db_feed_entries(struct db *db, struct arena *a, int limit, long long municipality,
		    long long district, struct feed_entry **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, municipality > 0 ? STMT_FEED_ENTRIES_OF : STMT_FEED_ENTRIES);
	sqlite3_bind_int(s, 1, limit);
	if (municipality > 0)
		sqlite3_bind_int64(s, 2, municipality);
	if (district > 0)
		sqlite3_bind_int64(s, 3, district);
	return db_read_rows(db, a, s, sizeof **out, read_feed_entry, out, count, "feed");
}

/* The columns of STMT_FEED_ANSWERS. */
static void read_feed_answer(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct feed_answer *e = row;
	e->id = sqlite3_column_int64(s, 0);
	e->number = db_text(a, s, 1);
	e->question = db_text(a, s, 2);
	e->answer = db_text(a, s, 3);
	e->at = (time_t)sqlite3_column_int64(s, 4);
	e->meeting_id = sqlite3_column_int64(s, 5);
	e->meeting_title = db_text(a, s, 6);
	e->what = db_text(a, s, 7);
	e->closes_on = db_text(a, s, 8);
}

int db_feed_answers(struct db *db, struct arena *a, int limit, long long municipality,
		    struct feed_answer **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_FEED_ANSWERS);
	sqlite3_bind_int(s, 1, limit);
	if (municipality > 0)
		sqlite3_bind_int64(s, 2, municipality);
	return db_read_rows(db, a, s, sizeof **out, read_feed_answer, out, count, "feed answers");
}

/* The columns of STMT_MEDIA_PLAN; column 7, the first announcement's five_days_kept, is not
 * read (column 11 counts the late ones). */
static void read_media_plan_row(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct media_plan_row *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->title = db_text(a, s, 1);
	r->status = db_text(a, s, 2);
	r->starts_at = (time_t)sqlite3_column_int64(s, 3);
	r->announced = sqlite3_column_type(s, 4) != SQLITE_NULL;
	r->first_id = sqlite3_column_int64(s, 5);
	r->first_at = (time_t)sqlite3_column_int64(s, 6);
	r->latest_id = sqlite3_column_int64(s, 8);
	r->latest_kind = db_text(a, s, 9);
	r->latest_at = (time_t)sqlite3_column_int64(s, 10);
	r->late = sqlite3_column_int64(s, 11);
	r->kind = db_text(a, s, 12);
}

int db_media_plan(struct db *db, struct arena *a, bool in_period, time_t from, time_t to,
		  time_t now, long long scope, struct media_plan_row **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_MEDIA_PLAN);
	if (in_period) {
		sqlite3_bind_int64(s, 1, (sqlite3_int64)from);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)to);
	}
	sqlite3_bind_int64(s, 3, (sqlite3_int64)now);
	sqlite3_bind_int64(s, 4, scope);
	return db_read_rows(db, a, s, sizeof **out, read_media_plan_row, out, count, "media plan");
}

/* A statement's only column, an integer (a count). */
static void read_number(struct arena *a, sqlite3_stmt *s, void *row)
{
	(void)a;
	*(long long *)row = sqlite3_column_int64(s, 0);
}

int db_announcement_webhook_posts(struct db *db, long long announcement, long long *posts)
{
	sqlite3_stmt *s = db_stmt(db, STMT_ANNOUNCEMENT_WEBHOOKS);
	sqlite3_bind_int64(s, 1, announcement);
	*posts = 0;
	return db_read_one(db, NULL, s, read_number, posts, "announcement webhooks") == 0 ? 0 : -1;
}

/* The columns of STMT_PUBLICATION_LIST. */
static void read_publication(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct publication_row *p = row;
	p->id = sqlite3_column_int64(s, 0);
	p->kind = db_text(a, s, 1);
	p->published_at = (time_t)sqlite3_column_int64(s, 2);
	p->starts_at = (time_t)sqlite3_column_int64(s, 3);
	p->kept = sqlite3_column_int(s, 4) != 0;
	p->venue = db_text(a, s, 5);
}

int db_publications(struct db *db, struct arena *a, long long meeting,
		    struct publication_row **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_PUBLICATION_LIST);
	sqlite3_bind_int64(s, 1, meeting);
	return db_read_rows(db, a, s, sizeof **out, read_publication, out, count,
			    "publication list");
}

/* The columns of STMT_PUBLICATION_CHANNELS. */
static void read_channel(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct publication_channel *c = row;
	c->group = db_text(a, s, 0);
	c->name = db_text(a, s, 1);
	c->total = sqlite3_column_int64(s, 2);
	c->sent = sqlite3_column_int64(s, 3);
	c->dead = sqlite3_column_int64(s, 4);
	c->last_sent = (time_t)sqlite3_column_int64(s, 5);
}

int db_publication_channels(struct db *db, struct arena *a, long long announcement,
			    struct publication_channel **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_PUBLICATION_CHANNELS);
	sqlite3_bind_int64(s, 1, announcement);
	return db_read_rows(db, a, s, sizeof **out, read_channel, out, count,
			    "publication channels");
}

/* The columns of STMT_MEDIA_LIST. */
static void read_media_row(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct media_contact *c = row;
	c->id = sqlite3_column_int64(s, 0);
	c->name = db_text(a, s, 1);
	c->email = db_text(a, s, 2);
	c->active = sqlite3_column_int(s, 3) != 0;
	c->municipality_id = sqlite3_column_int64(s, 4);
	c->municipality = db_text(a, s, 5);
}

int db_media_contacts(struct db *db, struct arena *a, long long scope, struct media_contact **out,
		      size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_MEDIA_LIST);
	sqlite3_bind_int64(s, 1, scope);
	return db_read_rows(db, a, s, sizeof **out, read_media_row, out, count, "media list");
}

/* The columns of STMT_MEDIA_GET: those of STMT_MEDIA_LIST without the id. */
static void read_media_contact(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct media_contact *c = row;
	c->name = db_text(a, s, 0);
	c->email = db_text(a, s, 1);
	c->active = sqlite3_column_int(s, 2) != 0;
	c->municipality_id = sqlite3_column_int64(s, 3);
	c->municipality = db_text(a, s, 4);
}

int db_media_contact(struct db *db, struct arena *a, long long id, struct media_contact *out)
{
	*out = (struct media_contact){.id = id, .name = "", .email = "", .municipality = ""};
	sqlite3_stmt *s = db_stmt(db, STMT_MEDIA_GET);
	sqlite3_bind_int64(s, 1, id);
	return db_read_one(db, a, s, read_media_contact, out, "media contact");
}

int db_media_email_taken(struct db *db, const char *email, long long id, long long municipality)
{
	sqlite3_stmt *s = db_stmt(db, STMT_MEDIA_EMAIL_TAKEN);
	sqlite3_bind_text(s, 1, email, -1, SQLITE_TRANSIENT);
	if (id > 0)
		sqlite3_bind_int64(s, 2, id);
	sqlite3_bind_int64(s, 3, municipality);
	int rc = db_read_one(db, NULL, s, NULL, NULL, "media address taken");
	return rc < 0 ? -1 : rc == 0;
}

/* The columns of STMT_OUTBOX_TOTALS and STMT_OUTBOX_PRESS_TOTALS. */
static void read_totals(struct arena *a, sqlite3_stmt *s, void *row)
{
	(void)a;
	struct outbox_totals *t = row;
	t->waiting = sqlite3_column_int64(s, 0);
	t->dead = sqlite3_column_int64(s, 1);
	t->mail_unsent = sqlite3_column_int64(s, 2);
}

int db_outbox_totals(struct db *db, long long scope, struct outbox_totals *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_OUTBOX_TOTALS);
	if (scope > 0)
		sqlite3_bind_int64(s, 1, scope);
	return db_read_one(db, NULL, s, read_totals, out, "outbox totals") == 0 ? 0 : -1;
}

int db_outbox_press_totals(struct db *db, bool press_only, long long scope,
			   struct outbox_totals *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_OUTBOX_PRESS_TOTALS);
	sqlite3_bind_int(s, 1, press_only);
	sqlite3_bind_int64(s, 2, scope);
	return db_read_one(db, NULL, s, read_totals, out, "outbox totals") == 0 ? 0 : -1;
}

/* The columns of OUTBOX_ROW: STMT_OUTBOX_DEAD_LIST, _RETRY_LIST and _SENT_LIST. */
static void read_outbox_row(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct outbox_row *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->mail = strcmp(db_text(a, s, 1), "mail") == 0;
	r->recipient = db_text(a, s, 2);
	r->subject = db_text(a, s, 3);
	r->purpose = db_text(a, s, 4);
	r->meeting_id = sqlite3_column_int64(s, 5);
	r->created_at = (time_t)sqlite3_column_int64(s, 6);
	r->attempts = sqlite3_column_int64(s, 7);
	r->error = db_text(a, s, 8);
	r->sent = sqlite3_column_type(s, 9) != SQLITE_NULL;
	r->sent_at = (time_t)sqlite3_column_int64(s, 9);
}

int db_outbox_list(struct db *db, struct arena *a, enum outbox_list list, int limit,
		   bool press_only, long long scope, struct outbox_row **out, size_t *count)
{
	static const enum stmt lists[] = {
		[OUTBOX_LIST_DEAD] = STMT_OUTBOX_DEAD_LIST,
		[OUTBOX_LIST_RETRYING] = STMT_OUTBOX_RETRY_LIST,
		[OUTBOX_LIST_SENT] = STMT_OUTBOX_SENT_LIST,
	};
	sqlite3_stmt *s = db_stmt(db, lists[list]);
	sqlite3_bind_int(s, 1, limit);
	sqlite3_bind_int(s, 2, press_only);
	sqlite3_bind_int64(s, 3, scope);
	return db_read_rows(db, a, s, sizeof **out, read_outbox_row, out, count, "outbox list");
}

/* The columns of STMT_OUTBOX_STATE. */
static void read_outbox_state(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct outbox_state *o = row;
	o->status = db_text(a, s, 0);
	o->recipient = db_text(a, s, 1);
	o->press_mail = sqlite3_column_int(s, 2) != 0;
}

int db_outbox_state(struct db *db, struct arena *a, long long id, struct outbox_state *out)
{
	*out = (struct outbox_state){.status = "", .recipient = ""};
	sqlite3_stmt *s = db_stmt(db, STMT_OUTBOX_STATE);
	sqlite3_bind_int64(s, 1, id);
	return db_read_one(db, a, s, read_outbox_state, out, "outbox state");
}
