/* db_meeting.c — the statements of the public schedule and of a meeting's public page, and
 * their readers (see db_meeting.h). Each DB_STATEMENT row declares the result columns its reader
 * reads; db_prepare_all checks them once per process. */
#include "db_meeting.h"

#include <stdio.h>
#include <stdlib.h>

#include "db_statements.h"

/* Drafts are never public (issue 3): every public query filters on this. A draft is the only
 * status of the five (migration 001's CHECK) that is not public; one comparison instead of an
 * IN list, which SQLite checks through a temporary table: a third of counting the schedule's
 * 200 meetings (make bench). */
#define PUBLIC_STATUS "m.status <> 'draft'"

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

const struct db_statement db_meeting_statements[STMT__MAX] = {
	/* The schedule: upcoming meetings in time order, then past ones newest first (?5 now), as
	 * two queries that each read only the rows of their page. A district's ten years hold
	 * 100,000 meetings: one ORDER BY over both sorted all of them for every page (117 ms, make
	 * bench). Upcoming ones are found by meeting_ends_at and sorted by their start alone (a few
	 * hundred at most; the '+' keeps SQLite from walking the whole start index instead), then
	 * only the page's rows are joined; past ones are read newest first from meeting_starts_at,
	 * stopping at the page's end. CROSS JOIN keeps the meeting the outer loop: SQLite
	 * otherwise starts from the territories and reads every meeting of each. The page's rows
	 * are put back in time order by db_meeting_list (an ORDER BY here sorted them a second
	 * time: a sixth of the statement). */
	DB_STATEMENT(STMT_MEETING_UPCOMING, 12,
		     "SELECT " MEETING_SUMMARY_COLUMNS "FROM (SELECT m.id AS pid "
		     "FROM meeting m " MEETING_FILTER
		     "AND m.ends_at >= ?5 ORDER BY +m.starts_at, m.id "
		     "LIMIT ?6 OFFSET ?7) p CROSS JOIN meeting m ON m.id = p.pid "
		     MEETING_JOINS),
	DB_STATEMENT(STMT_MEETING_UPCOMING_COUNT, 1,
		     "SELECT count(*) FROM meeting m " MEETING_FILTER
		     "AND m.ends_at >= ?5"),
	DB_STATEMENT(STMT_MEETING_PAST, 12,
		     "SELECT " MEETING_SUMMARY_COLUMNS "FROM meeting m " MEETING_JOINS
		     MEETING_FILTER "AND +m.ends_at < ?5 ORDER BY m.starts_at DESC, m.id "
		     "LIMIT ?6 OFFSET ?7"),
	/* Counted up to ?5 rows: beyond, the page says «более …» instead of reading them all. */
	/* the index holds what the filter reads */
	DB_STATEMENT(STMT_MEETING_COUNT, 1,
		     "SELECT count(*) FROM (SELECT 1 FROM meeting m INDEXED BY meeting_ends_at "
		     MEETING_FILTER "LIMIT ?5)"),
	DB_STATEMENT(STMT_MEETING_PAST_OF, 12,
		     "SELECT " MEETING_SUMMARY_COLUMNS
		     "FROM meeting m INDEXED BY meeting_municipality " MEETING_JOINS
		     MEETING_FILTER_OF "AND +m.ends_at < ?5 ORDER BY m.starts_at DESC, m.id "
		     "LIMIT ?6 OFFSET ?7"),
	DB_STATEMENT(STMT_MEETING_COUNT_OF, 1,
		     "SELECT count(*) FROM (SELECT 1 FROM meeting m INDEXED BY meeting_municipality "
		     MEETING_FILTER_OF "LIMIT ?5)"),
	DB_STATEMENT(STMT_MEETING_RECENT_HELD, 12,
		     "SELECT " MEETING_SUMMARY_COLUMNS MEETING_FROM
		     "WHERE m.status = 'held' ORDER BY m.starts_at DESC LIMIT ?1"),
	DB_STATEMENT(STMT_MEETING_GET, 21,
		     "SELECT " MEETING_SUMMARY_COLUMNS
		     ", m.description, m.status_reason, m.organising_unit, "
		     "m.expected_attendance, m.attendance, h.full_name, h.position, "
		     "m.updated_at, coalesce(g.name, '') " MEETING_FROM
		     "LEFT JOIN person h ON h.id = m.host_id "
		     "LEFT JOIN info_group g ON g.id = m.group_id "
		     "WHERE m.id = ?1 AND " PUBLIC_STATUS),
	DB_STATEMENT(STMT_MEETING_INVITEES, 3,
		     "SELECT p.full_name, p.position, p.organisation "
		     "FROM meeting_invitee i JOIN person p ON p.id = i.person_id "
		     "WHERE i.meeting_id = ?1 ORDER BY p.category, p.full_name"),
	/* Changes of place or time after approval, as residents see them (no staff names). */
	DB_STATEMENT(STMT_MEETING_PUBLIC_CHANGES, 6,
		     "SELECT c.at, c.kind, c.old_starts_at, c.new_starts_at, coalesce(ov.name, ''), "
		     "coalesce(nv.name, '') FROM meeting_change c "
		     "LEFT JOIN venue ov ON ov.id = c.old_venue_id LEFT JOIN venue nv ON nv.id = c.new_venue_id "
		     "WHERE c.meeting_id = ?1 AND c.kind IN ('postponed', 'rescheduled', 'place_changed') "
		     "ORDER BY c.id"),
	DB_STATEMENT(STMT_MEETING_TERRITORY, 1,
		     "SELECT territory_id FROM meeting WHERE id = ?1"),
	/* Municipalities (issue 18, db_municipality.c). */
	DB_STATEMENT(STMT_MUNICIPALITY_MEETINGS, 12,
		     "SELECT " MEETING_SUMMARY_COLUMNS MEETING_FROM
		     "WHERE m.municipality_id IN (?1, ?2) AND " PUBLIC_STATUS " AND m.ends_at >= ?3 AND "
		     MEETING_OF_MUNICIPALITY("?1", "?2") "ORDER BY m.starts_at, m.id LIMIT ?4"),
	DB_STATEMENT(STMT_MEETING_MUNICIPALITY, 4,
		     "SELECT mu.name, mu.official_name, mu.slug, mu.id FROM meeting m "
		     "JOIN municipality mu ON mu.id = m.municipality_id WHERE m.id = ?1"),
};

/* Read the columns of MEETING_SUMMARY_COLUMNS starting at column 0. */
static void read_summary(struct arena *a, sqlite3_stmt *s, struct meeting_summary *m)
{
	m->id = sqlite3_column_int64(s, 0);
	m->kind = db_text(a, s, 1);
	m->kind_name = db_text(a, s, 2);
	m->title = db_text(a, s, 3);
	m->status = db_text(a, s, 4);
	m->starts_at = (time_t)sqlite3_column_int64(s, 5);
	m->ends_at = (time_t)sqlite3_column_int64(s, 6);
	m->was_postponed = sqlite3_column_type(s, 7) != SQLITE_NULL;
	m->postponed_from = (time_t)sqlite3_column_int64(s, 7);
	m->announced = sqlite3_column_type(s, 8) != SQLITE_NULL;
	m->announced_at = (time_t)sqlite3_column_int64(s, 8);
	m->territory_name = db_text(a, s, 9);
	m->venue_name = db_text(a, s, 10);
	m->venue_address = db_text(a, s, 11);
}

/* Step s to the end, collecting summaries. */
static int collect_summaries(struct db *db, struct arena *a, sqlite3_stmt *s, size_t max,
			     struct meeting_summary **out, size_t *count)
{
	struct meeting_summary *rows = arena_calloc(a, max ? max : 1, sizeof *rows);
	size_t n = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && n < max)
		read_summary(a, s, &rows[n++]);
	db_done(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_log_error(db, "meeting list");
		return -1;
	}
	*out = rows;
	*count = n;
	return 0;
}

static void bind_filter(sqlite3_stmt *s, const struct meeting_filter *f)
{
	if (f->territory_id > 0)
		sqlite3_bind_int64(s, 1, f->territory_id);
	if (f->kind)
		sqlite3_bind_text(s, 2, f->kind, -1, SQLITE_STATIC);
	if (f->has_from)
		sqlite3_bind_int64(s, 3, (sqlite3_int64)f->from);
	if (f->has_to)
		sqlite3_bind_int64(s, 4, (sqlite3_int64)f->to);
	if (f->municipality_id > 0)
		sqlite3_bind_int64(s, 8, f->municipality_id);
	if (f->district_id > 0)
		sqlite3_bind_int64(s, 9, f->district_id);
}

/* Step s (bound by the caller) to its end, appending at most max - *n summaries to rows. */
static int append_summaries(struct db *db, struct arena *a, sqlite3_stmt *s,
			    struct meeting_summary *rows, size_t max, size_t *n)
{
	int rc = SQLITE_DONE;
	while (*n < max && (rc = sqlite3_step(s)) == SQLITE_ROW)
		read_summary(a, s, &rows[(*n)++]);
	if (*n == max)
		rc = SQLITE_DONE;
	db_done(s);
	if (rc != SQLITE_DONE) {
		db_log_error(db, "meeting list");
		return -1;
	}
	return 0;
}

/* Bind the filter, now, and a page of limit rows from offset to a list statement. */
static sqlite3_stmt *page_statement(struct db *db, enum stmt id, const struct meeting_filter *f,
				    long long limit, long long offset)
{
	sqlite3_stmt *s = db_stmt(db, id);
	bind_filter(s, f);
	sqlite3_bind_int64(s, 5, (sqlite3_int64)f->now);
	sqlite3_bind_int64(s, 6, limit);
	sqlite3_bind_int64(s, 7, offset);
	return s;
}

/* Start time, then id: the order of the schedule's upcoming meetings. */
static int by_start(const void *x, const void *y)
{
	const struct meeting_summary *a = x, *b = y;
	if (a->starts_at != b->starts_at)
		return a->starts_at < b->starts_at ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

int db_meeting_list(struct db *db, struct arena *a, const struct meeting_filter *f,
		    struct meeting_summary **out, size_t *count)
{
	size_t max = (size_t)f->limit;
	struct meeting_summary *rows = arena_calloc(a, max ? max : 1, sizeof *rows);
	size_t n = 0;
	if (append_summaries(db, a, page_statement(db, STMT_MEETING_UPCOMING, f, f->limit, f->offset),
			     rows, max, &n) < 0)
		return -1;
	qsort(rows, n, sizeof *rows, by_start);
	if (n < max) {
		/* The page goes on with the past meetings: from the first when it began among the
		 * upcoming ones, else as far into them as it begins after the upcoming ones' end. */
		long long past_offset = 0;
		if (n == 0 && f->offset > 0) {
			sqlite3_stmt *s = db_stmt(db, STMT_MEETING_UPCOMING_COUNT);
			bind_filter(s, f);
			sqlite3_bind_int64(s, 5, (sqlite3_int64)f->now);
			int rc = sqlite3_step(s);
			long long upcoming = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
			db_done(s);
			if (upcoming < 0) {
				db_log_error(db, "meeting list");
				return -1;
			}
			past_offset = f->offset - upcoming;
		}
		if (append_summaries(db, a,
				     page_statement(db,
						    f->municipality_id > 0 ? STMT_MEETING_PAST_OF
									   : STMT_MEETING_PAST,
						    f,
						    f->limit - (long long)n, past_offset),
				     rows, max, &n) < 0)
			return -1;
	}
	*out = rows;
	*count = n;
	return 0;
}

int db_meeting_count(struct db *db, const struct meeting_filter *f, long long at_most,
		     long long *total)
{
	sqlite3_stmt *s = db_stmt(db, f->municipality_id > 0 ? STMT_MEETING_COUNT_OF
							     : STMT_MEETING_COUNT);
	bind_filter(s, f);
	sqlite3_bind_int64(s, 5, at_most);
	int rc = sqlite3_step(s);
	*total = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	db_done(s);
	if (rc != SQLITE_ROW) {
		db_log_error(db, "meeting count");
		return -1;
	}
	return 0;
}

int db_meeting_recent_held(struct db *db, struct arena *a, long long limit,
			   struct meeting_summary **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_MEETING_RECENT_HELD);
	sqlite3_bind_int64(s, 1, limit);
	return collect_summaries(db, a, s, (size_t)limit, out, count);
}

int db_meeting_get(struct db *db, struct arena *a, long long id, struct meeting_detail *out)
{
	sqlite3_stmt *s = db_stmt(db, STMT_MEETING_GET);
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_DONE) {
		db_done(s);
		return 1;
	}
	if (rc != SQLITE_ROW) {
		db_log_error(db, "meeting get");
		db_done(s);
		return -1;
	}
	read_summary(a, s, &out->summary);
	out->description = db_text(a, s, 12);
	out->status_reason = db_text(a, s, 13);
	out->organising_unit = db_text(a, s, 14);
	out->has_expected_attendance = sqlite3_column_type(s, 15) != SQLITE_NULL;
	out->expected_attendance = sqlite3_column_int64(s, 15);
	out->has_attendance = sqlite3_column_type(s, 16) != SQLITE_NULL;
	out->attendance = sqlite3_column_int64(s, 16);
	out->host_name = db_text(a, s, 17);
	out->host_position = db_text(a, s, 18);
	out->updated_at = (time_t)sqlite3_column_int64(s, 19);
	out->group_name = db_text(a, s, 20);
	db_done(s);
	return 0;
}

int db_meeting_invitees(struct db *db, struct arena *a, long long id,
			struct meeting_invitee **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_MEETING_INVITEES);
	sqlite3_bind_int64(s, 1, id);
	size_t cap = 8, n = 0;
	struct meeting_invitee *rows = arena_alloc(a, cap * sizeof *rows);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		rows = arena_grow(a, rows, n, &cap, sizeof *rows);
		rows[n].full_name = db_text(a, s, 0);
		rows[n].position = db_text(a, s, 1);
		rows[n].organisation = db_text(a, s, 2);
		n++;
	}
	db_done(s);
	if (rc != SQLITE_DONE) {
		db_log_error(db, "meeting invitees");
		return -1;
	}
	*out = rows;
	*count = n;
	return 0;
}

int db_meeting_changes(struct db *db, struct arena *a, long long id, struct meeting_change **out,
		       size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_MEETING_PUBLIC_CHANGES);
	sqlite3_bind_int64(s, 1, id);
	size_t cap = 4, n = 0;
	struct meeting_change *rows = arena_alloc(a, cap * sizeof *rows);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		rows = arena_grow(a, rows, n, &cap, sizeof *rows);
		rows[n].at = (time_t)sqlite3_column_int64(s, 0);
		rows[n].kind = db_text(a, s, 1);
		rows[n].has_old_start = sqlite3_column_type(s, 2) != SQLITE_NULL;
		rows[n].old_start = (time_t)sqlite3_column_int64(s, 2);
		rows[n].has_new_start = sqlite3_column_type(s, 3) != SQLITE_NULL;
		rows[n].new_start = (time_t)sqlite3_column_int64(s, 3);
		rows[n].old_venue = db_text(a, s, 4);
		rows[n].new_venue = db_text(a, s, 5);
		n++;
	}
	db_done(s);
	if (rc != SQLITE_DONE) {
		db_log_error(db, "meeting changes");
		return -1;
	}
	*out = rows;
	*count = n;
	return 0;
}

int db_meeting_of_municipality(struct db *db, struct arena *a, long long municipality_id,
			       long long district_id, time_t now, long long limit,
			       struct meeting_summary **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_MUNICIPALITY_MEETINGS);
	sqlite3_bind_int64(s, 1, municipality_id);
	if (district_id > 0)
		sqlite3_bind_int64(s, 2, district_id);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)now);
	sqlite3_bind_int64(s, 4, limit);
	return collect_summaries(db, a, s, (size_t)limit, out, count);
}

int db_meeting_municipality(struct db *db, struct arena *a, long long id, const char **name,
			    const char **official_name, const char **slug)
{
	sqlite3_stmt *s = db_stmt(db, STMT_MEETING_MUNICIPALITY);
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*name = db_text(a, s, 0);
		*official_name = db_text(a, s, 1);
		*slug = db_text(a, s, 2);
	}
	db_done(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_log_error(db, "meeting municipality");
		return -1;
	}
	return rc == SQLITE_ROW ? 0 : 1;
}

int db_meeting_territory(struct db *db, long long meeting, long long *territory)
{
	sqlite3_stmt *s = db_stmt(db, STMT_MEETING_TERRITORY);
	sqlite3_bind_int64(s, 1, meeting);
	return db_read_int64_one(db, s, territory, "meeting territory");
}
