/* db_meeting.c — public meeting queries (see db_meeting.h). */
#include "db_meeting.h"

#include <stdio.h>

/* Read the columns of MEETING_SUMMARY_COLUMNS (db_statements.c) starting at column 0. */
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

int db_meeting_list(struct db *db, struct arena *a, const struct meeting_filter *f,
		    struct meeting_summary **out, size_t *count)
{
	size_t max = (size_t)f->limit;
	struct meeting_summary *rows = arena_calloc(a, max ? max : 1, sizeof *rows);
	size_t n = 0;
	if (append_summaries(db, a, page_statement(db, STMT_MEETING_UPCOMING, f, f->limit, f->offset),
			     rows, max, &n) < 0)
		return -1;
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
