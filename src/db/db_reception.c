/* db_reception.c — the statements of personal receptions and their readers (see
 * db_reception.h). Each DB_STATEMENT row declares the result columns its reader below reads;
 * db_prepare_all prepares this table with the others once per process and refuses to start
 * when a count differs. */
#include "db_reception.h"

#include <string.h>

#include "db_statements.h"

const struct db_statement db_reception_statements[STMT__MAX] = {
	DB_STATEMENT(STMT_RECEPTION_SCHEDULE_INSERT, 0,
		     "INSERT INTO reception_schedule (series_id, person_id, venue_id, weekday, start_minute, "
		     "end_minute, slot_minutes, topics, created_at, rule, ordinal, period_from, period_to, "
		     "title) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"),
	DB_STATEMENT(STMT_RECEPTION_INSERT, 0,
		     "INSERT INTO reception (meeting_id, schedule_id, slot_minutes, "
		     "topics) VALUES (?1, ?2, ?3, ?4)"),
	DB_STATEMENT(STMT_RECEPTION_SCHEDULE_LIST, 11,
		     "SELECT s.id, s.series_id, p.full_name, v.name, s.weekday, s.start_minute, "
		     "s.end_minute, s.slot_minutes, (SELECT count(*) FROM reception r "
		     "WHERE r.schedule_id = s.id), s.rule, s.ordinal FROM reception_schedule s "
		     "JOIN person p ON p.id = s.person_id JOIN venue v ON v.id = s.venue_id "
		     "WHERE " STAFF_SCOPE_SQL("coalesce((SELECT municipality_id FROM meeting "
					      "WHERE series_id = s.series_id ORDER BY id LIMIT 1), "
					      "(SELECT municipality_id FROM territory "
					      "WHERE id = v.territory_id))", "1") " "
		     "ORDER BY s.id DESC"),
	DB_STATEMENT(STMT_RECEPTION_SCHEDULE_JSON, 1,
		     "SELECT json_object('series_id', series_id, 'person_id', person_id, 'venue_id', "
		     "venue_id, 'weekday', weekday, 'start_minute', start_minute, 'end_minute', end_minute, "
		     "'slot_minutes', slot_minutes, 'topics', topics, 'rule', rule, 'ordinal', ordinal, "
		     "'period_from', period_from, 'period_to', period_to, 'title', title) "
		     "FROM reception_schedule WHERE id = ?1"),
	DB_STATEMENT(STMT_RECEPTION_SCHEDULE_GET, 13,
		     "SELECT series_id, person_id, venue_id, weekday, start_minute, end_minute, "
		     "slot_minutes, topics, rule, ordinal, period_from, period_to, title "
		     "FROM reception_schedule WHERE id = ?1"),
	DB_STATEMENT(STMT_RECEPTION_SCHEDULE_UPDATE, 0,
		     "UPDATE reception_schedule SET person_id = ?2, venue_id = ?3, weekday = ?4, "
		     "start_minute = ?5, end_minute = ?6, slot_minutes = ?7, topics = ?8, rule = ?9, "
		     "ordinal = ?10, period_from = ?11, period_to = ?12, title = ?13 WHERE id = ?1"),
	DB_STATEMENT(STMT_RECEPTION_SCHEDULE_MEETINGS, 8,
		     "SELECT m.id, m.starts_at, m.ends_at, m.status, coalesce(m.host_id, 0), "
		     "coalesce(m.venue_id, 0), (SELECT count(*) FROM reception_booking b "
		     "WHERE b.meeting_id = m.id AND b.status <> 'cancelled'), (SELECT count(*) "
		     "FROM reception_booking b WHERE b.meeting_id = m.id) FROM reception r "
		     "JOIN meeting m ON m.id = r.meeting_id WHERE r.schedule_id = ?1 ORDER BY m.starts_at"),
	DB_STATEMENT(STMT_RECEPTION_UPCOMING, 8,
		     "SELECT m.id, m.starts_at, m.ends_at, m.status, coalesce(p.full_name, ''), "
		     "coalesce(v.name, ''), r.slot_minutes, (SELECT count(*) FROM reception_booking b "
		     "WHERE b.meeting_id = m.id AND b.status <> 'cancelled') FROM reception r "
		     "JOIN meeting m ON m.id = r.meeting_id LEFT JOIN person p ON p.id = m.host_id "
		     "LEFT JOIN venue v ON v.id = m.venue_id WHERE m.ends_at >= ?1 "
		     "AND " STAFF_SCOPE_SQL("m.municipality_id", "2") " "
		     "ORDER BY m.starts_at LIMIT 200"),
	DB_STATEMENT(STMT_RECEPTION_GET, 11,
		     "SELECT m.starts_at, m.ends_at, m.status, m.title, coalesce(m.host_id, 0), "
		     "coalesce(p.full_name, ''), coalesce(p.position, ''), coalesce(v.name, ''), "
		     "coalesce(v.address, ''), r.slot_minutes, r.topics FROM reception r "
		     "JOIN meeting m ON m.id = r.meeting_id LEFT JOIN person p ON p.id = m.host_id "
		     "LEFT JOIN venue v ON v.id = m.venue_id WHERE r.meeting_id = ?1"),
	DB_STATEMENT(STMT_RECEPTION_TAKEN, 1,
		     "SELECT slot_at FROM reception_booking WHERE meeting_id = ?1 AND status <> 'cancelled' "
		     "UNION SELECT offered_slot FROM reception_waiting WHERE meeting_id = ?1 "
		     "AND status = 'offered' AND offered_until > ?2 AND resident_id <> ?3"),
	DB_STATEMENT(STMT_RECEPTION_DRAFT_DELETE, 0,
		     "DELETE FROM meeting WHERE id = ?1 AND status = 'draft' "
		     "AND NOT EXISTS (SELECT 1 FROM reception_booking WHERE meeting_id = ?1) "
		     "AND NOT EXISTS (SELECT 1 FROM reception_waiting WHERE meeting_id = ?1) "
		     "AND NOT EXISTS (SELECT 1 FROM appeal WHERE meeting_id = ?1) "
		     "AND NOT EXISTS (SELECT 1 FROM protocol WHERE meeting_id = ?1) "
		     "AND NOT EXISTS (SELECT 1 FROM discussion WHERE meeting_id = ?1)"),
	DB_STATEMENT(STMT_RECEPTION_RETUNE, 0,
		     "UPDATE reception SET slot_minutes = ?2, topics = ?3 WHERE meeting_id = ?1 "
		     "AND NOT EXISTS (SELECT 1 FROM reception_booking WHERE meeting_id = ?1 "
		     "AND status <> 'cancelled')"),
	DB_STATEMENT(STMT_RECEPTION_RETITLE, 0,
		     "UPDATE meeting SET title = ?2 WHERE id = ?1 AND status = 'draft'"),
	DB_STATEMENT(STMT_SLOT_BOOKED, 1,
		     "SELECT 1 FROM reception_booking WHERE meeting_id = ?1 "
		     "AND slot_at = ?2 AND status <> 'cancelled'"),
	DB_STATEMENT(STMT_SLOT_UNAVAILABLE, 1,
		     "SELECT 1 FROM reception_booking WHERE meeting_id = ?1 AND slot_at = ?2 "
		     "AND status <> 'cancelled' UNION ALL SELECT 1 FROM reception_waiting "
		     "WHERE meeting_id = ?1 AND status = 'offered' AND offered_slot = ?2 "
		     "AND offered_until > ?3 AND resident_id <> ?4 LIMIT 1"),
	DB_STATEMENT(STMT_BOOKING_ACTIVE_FOR_OFFICIAL, 1,
		     "SELECT id FROM reception_booking WHERE resident_id = ?1 AND person_id = ?2 "
		     "AND status = 'active' AND slot_at > ?3 LIMIT 1"),
	DB_STATEMENT(STMT_BOOKING_INSERT, 0,
		     "INSERT INTO reception_booking (meeting_id, slot_at, person_id, resident_id, "
		     "visitor_name, phone, email, contact, question, cancel_token_hash, booked_by, "
		     "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"),
	DB_STATEMENT(STMT_BOOKING_GET, 15,
		     "SELECT b.meeting_id, b.slot_at, coalesce(b.resident_id, 0), b.visitor_name, b.phone, "
		     "b.email, b.contact, b.question, b.status, b.cancel_reason, coalesce(p.full_name, ''), "
		     "coalesce(v.name, ''), coalesce(v.address, ''), r.slot_minutes, m.status "
		     "FROM reception_booking b JOIN reception r ON r.meeting_id = b.meeting_id "
		     "JOIN meeting m ON m.id = b.meeting_id LEFT JOIN person p ON p.id = b.person_id "
		     "LEFT JOIN venue v ON v.id = m.venue_id WHERE b.id = ?1"),
	DB_STATEMENT(STMT_BOOKING_BY_TOKEN, 1,
		     "SELECT id FROM reception_booking WHERE cancel_token_hash = ?1"),
	DB_STATEMENT(STMT_BOOKING_CANCEL, 0,
		     "UPDATE reception_booking SET status = 'cancelled', cancelled_by = ?2, "
		     "cancel_reason = ?3, cancelled_at = ?4 WHERE id = ?1 AND status = 'active'"),
	DB_STATEMENT(STMT_BOOKING_SET_VISIT, 0,
		     "UPDATE reception_booking SET status = ?2 WHERE id = ?1 AND status <> 'cancelled'"),
	DB_STATEMENT(STMT_BOOKING_QUEUE, 10,
		     "SELECT id, slot_at, visitor_name, phone, contact, question, status, "
		     "coalesce(resident_id, 0), email, coalesce(appeal_id, 0) FROM reception_booking "
		     "WHERE meeting_id = ?1 "
		     "AND status <> 'cancelled' ORDER BY slot_at"),
	DB_STATEMENT(STMT_BOOKING_OF_RESIDENT, 6,
		     "SELECT b.id, b.slot_at, b.status, coalesce(p.full_name, ''), coalesce(v.name, ''), "
		     "b.meeting_id FROM reception_booking b JOIN meeting m ON m.id = b.meeting_id "
		     "LEFT JOIN person p ON p.id = b.person_id LEFT JOIN venue v ON v.id = m.venue_id "
		     "WHERE b.resident_id = ?1 ORDER BY b.slot_at DESC"),
	DB_STATEMENT(STMT_BOOKING_JSON, 1,
		     "SELECT json_object('meeting_id', meeting_id, 'slot_at', slot_at, 'person_id', "
		     "person_id, 'resident_id', resident_id, 'visitor_name', visitor_name, 'phone', phone, "
		     "'contact', contact, 'question', question, 'status', status, 'cancelled_by', "
		     "cancelled_by, 'cancel_reason', cancel_reason) FROM reception_booking WHERE id = ?1"),
	DB_STATEMENT(STMT_BOOKING_SET_APPEAL, 0,
		     "UPDATE reception_booking SET appeal_id = ?2 WHERE id = ?1"),
	DB_STATEMENT(STMT_BOOKING_ACTIVE_OF_MEETING, 3,
		     "SELECT id, slot_at, email FROM reception_booking WHERE meeting_id = ?1 "
		     "AND status = 'active' ORDER BY slot_at"),
	DB_STATEMENT(STMT_BOOKING_PARK, 0,
		     "UPDATE reception_booking SET slot_at = -slot_at WHERE meeting_id = ?1 "
		     "AND status = 'active' AND slot_at > 0"),
	DB_STATEMENT(STMT_BOOKING_UNPARK, 0,
		     "UPDATE reception_booking SET slot_at = ?2 - slot_at "
		     "WHERE meeting_id = ?1 AND status = 'active' AND slot_at < 0"),
	DB_STATEMENT(STMT_BOOKING_SET_TOKEN, 0,
		     "UPDATE reception_booking SET cancel_token_hash = ?2 WHERE id = ?1"),
	DB_STATEMENT(STMT_WAITING_INSERT, 0,
		     "INSERT INTO reception_waiting (meeting_id, resident_id, email, created_at) "
		     "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING"),
	DB_STATEMENT(STMT_WAITING_NEXT, 2,
		     "SELECT id, email FROM reception_waiting WHERE meeting_id = ?1 AND status = 'waiting' "
		     "ORDER BY id LIMIT 1"),
	DB_STATEMENT(STMT_WAITING_OFFER, 0,
		     "UPDATE reception_waiting SET status = 'offered', offered_slot = ?2, "
		     "offered_until = ?3 WHERE id = ?1"),
	DB_STATEMENT(STMT_WAITING_BOOKED, 0,
		     "UPDATE reception_waiting SET status = 'booked' WHERE meeting_id = ?1 "
		     "AND resident_id = ?2 AND status IN ('waiting', 'offered')"),
	DB_STATEMENT(STMT_WAITING_EXPIRED, 3,
		     "SELECT id, meeting_id, offered_slot FROM reception_waiting WHERE status = 'offered' "
		     "AND offered_until <= ?1 ORDER BY id"),
	DB_STATEMENT(STMT_WAITING_EXPIRE, 0,
		     "UPDATE reception_waiting SET status = 'expired' WHERE id = ?1"),
	DB_STATEMENT(STMT_WAITING_END, 0,
		     "UPDATE reception_waiting SET status = 'expired' WHERE meeting_id = ?1 "
		     "AND status IN ('waiting', 'offered')"),
	DB_STATEMENT(STMT_WAITING_SHIFT, 0,
		     "UPDATE reception_waiting SET offered_slot = offered_slot + ?2 "
		     "WHERE meeting_id = ?1 AND status = 'offered'"),
};

/* The columns of STMT_RECEPTION_GET. */
static void read_reception(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct reception_info *r = row;
	r->starts_at = (time_t)sqlite3_column_int64(s, 0);
	r->ends_at = (time_t)sqlite3_column_int64(s, 1);
	r->status = db_text(a, s, 2);
	r->title = db_text(a, s, 3);
	r->host_id = sqlite3_column_int64(s, 4);
	r->host_name = db_text(a, s, 5);
	r->host_position = db_text(a, s, 6);
	r->venue_name = db_text(a, s, 7);
	r->venue_address = db_text(a, s, 8);
	r->slot_minutes = sqlite3_column_int(s, 9);
	r->topics = db_text(a, s, 10);
}

int db_reception_get(struct db *db, struct arena *a, long long meeting,
		     struct reception_info *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_RECEPTION_GET);
	sqlite3_bind_int64(s, 1, meeting);
	int rc = db_read_one(db, a, s, read_reception, out, "reception");
	if (rc == 0)
		out->meeting_id = meeting;
	return rc;
}

/* The columns of STMT_RECEPTION_SCHEDULE_LIST. */
static void read_schedule_item(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct reception_schedule_item *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->series = sqlite3_column_int64(s, 1);
	r->person = db_text(a, s, 2);
	r->venue = db_text(a, s, 3);
	r->weekday = sqlite3_column_int(s, 4);
	r->start = sqlite3_column_int(s, 5);
	r->end = sqlite3_column_int(s, 6);
	r->slot = sqlite3_column_int(s, 7);
	r->receptions = sqlite3_column_int64(s, 8);
	r->rule = db_text(a, s, 9);
	r->ordinal = sqlite3_column_int(s, 10);
}

int db_reception_schedules(struct db *db, struct arena *a, long long scope,
			   struct reception_schedule_item **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_RECEPTION_SCHEDULE_LIST);
	sqlite3_bind_int64(s, 1, scope);
	return db_read_rows(db, a, s, sizeof **out, read_schedule_item, out, count,
			    "reception schedules");
}

/* The columns of STMT_RECEPTION_UPCOMING. */
static void read_upcoming(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct reception_upcoming *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->starts = (time_t)sqlite3_column_int64(s, 1);
	r->ends = (time_t)sqlite3_column_int64(s, 2);
	r->status = db_text(a, s, 3);
	r->person = db_text(a, s, 4);
	r->venue = db_text(a, s, 5);
	r->slot_minutes = sqlite3_column_int(s, 6);
	r->booked = sqlite3_column_int64(s, 7);
}

int db_reception_upcoming(struct db *db, struct arena *a, time_t since, long long scope,
			  struct reception_upcoming **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_RECEPTION_UPCOMING);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)since);
	sqlite3_bind_int64(s, 2, scope);
	return db_read_rows(db, a, s, sizeof **out, read_upcoming, out, count,
			    "upcoming receptions");
}

/* The columns of STMT_RECEPTION_SCHEDULE_MEETINGS. */
static void read_schedule_meeting(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct reception_schedule_meeting *m = row;
	m->id = sqlite3_column_int64(s, 0);
	m->starts = (time_t)sqlite3_column_int64(s, 1);
	m->ends = (time_t)sqlite3_column_int64(s, 2);
	m->status = db_text(a, s, 3);
	m->host = sqlite3_column_int64(s, 4);
	m->venue = sqlite3_column_int64(s, 5);
	m->active = sqlite3_column_int64(s, 6);
	m->bookings = sqlite3_column_int64(s, 7);
}

int db_reception_schedule_meetings(struct db *db, struct arena *a, long long id,
				   struct reception_schedule_meeting **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_RECEPTION_SCHEDULE_MEETINGS);
	sqlite3_bind_int64(s, 1, id);
	return db_read_rows(db, a, s, sizeof **out, read_schedule_meeting, out, count,
			    "reception schedule meetings");
}

/* The columns of STMT_RECEPTION_SCHEDULE_GET. */
static void read_schedule(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct reception_schedule *r = row;
	r->series = sqlite3_column_int64(s, 0);
	r->person = sqlite3_column_int64(s, 1);
	r->venue = sqlite3_column_int64(s, 2);
	r->weekday = sqlite3_column_int(s, 3);
	r->start = sqlite3_column_int(s, 4);
	r->end = sqlite3_column_int(s, 5);
	r->slot = sqlite3_column_int(s, 6);
	r->topics = db_text(a, s, 7);
	r->rule = db_text(a, s, 8);
	r->ordinal = sqlite3_column_int(s, 9);
	r->from = db_text(a, s, 10);
	r->to = db_text(a, s, 11);
	r->title = db_text(a, s, 12);
}

int db_reception_schedule_get(struct db *db, struct arena *a, long long id,
			      struct reception_schedule *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_RECEPTION_SCHEDULE_GET);
	sqlite3_bind_int64(s, 1, id);
	return db_read_one(db, a, s, read_schedule, out, "reception schedule");
}

/* The column of STMT_RECEPTION_TAKEN. */
static void read_slot(struct arena *a, sqlite3_stmt *s, void *row)
{
	(void)a;
	*(time_t *)row = (time_t)sqlite3_column_int64(s, 0);
}

int db_reception_taken(struct db *db, struct arena *a, long long meeting, time_t now,
		       long long resident, time_t **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_RECEPTION_TAKEN);
	sqlite3_bind_int64(s, 1, meeting);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)now);
	sqlite3_bind_int64(s, 3, resident);
	return db_read_rows(db, a, s, sizeof **out, read_slot, out, count, "reception slots taken");
}

int db_reception_slot_unavailable(struct db *db, long long meeting, time_t slot_at, time_t now,
				  long long resident)
{
	sqlite3_stmt *s = db_stmt(db, STMT_SLOT_UNAVAILABLE);
	sqlite3_bind_int64(s, 1, meeting);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)slot_at);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)now);
	sqlite3_bind_int64(s, 4, resident);
	int rc = db_read_one(db, NULL, s, NULL, NULL, "reception slot");
	return rc < 0 ? -1 : rc == 0;
}

int db_reception_slot_booked(struct db *db, long long meeting, time_t slot_at)
{
	sqlite3_stmt *s = db_stmt(db, STMT_SLOT_BOOKED);
	sqlite3_bind_int64(s, 1, meeting);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)slot_at);
	int rc = db_read_one(db, NULL, s, NULL, NULL, "reception slot booked");
	return rc < 0 ? -1 : rc == 0;
}

/* The columns of STMT_BOOKING_GET. */
static void read_booking(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct booking *b = row;
	b->meeting = sqlite3_column_int64(s, 0);
	b->slot_at = (time_t)sqlite3_column_int64(s, 1);
	b->resident_id = sqlite3_column_int64(s, 2);
	b->visitor_name = db_text(a, s, 3);
	b->phone = db_text(a, s, 4);
	b->email = db_text(a, s, 5);
	b->contact = db_text(a, s, 6);
	b->question = db_text(a, s, 7);
	b->status = db_text(a, s, 8);
	b->cancel_reason = db_text(a, s, 9);
	b->official = db_text(a, s, 10);
	b->venue_name = db_text(a, s, 11);
	b->venue_address = db_text(a, s, 12);
	b->slot_minutes = sqlite3_column_int(s, 13);
	b->meeting_status = db_text(a, s, 14);
}

int db_booking_get(struct db *db, struct arena *a, long long id, struct booking *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_BOOKING_GET);
	sqlite3_bind_int64(s, 1, id);
	return db_read_one(db, a, s, read_booking, out, "booking");
}

int db_booking_by_token(struct db *db, const unsigned char hash[32], long long *id)
{
	*id = 0;
	sqlite3_stmt *s = db_stmt(db, STMT_BOOKING_BY_TOKEN);
	sqlite3_bind_blob(s, 1, hash, 32, SQLITE_STATIC);
	return db_read_one(db, NULL, s, db_read_int64, id, "booking by token");
}

int db_booking_active_for_official(struct db *db, long long resident, long long person,
				   time_t now, long long *id)
{
	*id = 0;
	sqlite3_stmt *s = db_stmt(db, STMT_BOOKING_ACTIVE_FOR_OFFICIAL);
	sqlite3_bind_int64(s, 1, resident);
	sqlite3_bind_int64(s, 2, person);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)now);
	return db_read_one(db, NULL, s, db_read_int64, id, "active booking");
}

/* The columns of STMT_BOOKING_QUEUE. */
static void read_queue_item(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct booking_queue_item *b = row;
	b->id = sqlite3_column_int64(s, 0);
	b->slot_at = (time_t)sqlite3_column_int64(s, 1);
	b->name = db_text(a, s, 2);
	b->phone = db_text(a, s, 3);
	b->contact = db_text(a, s, 4);
	b->question = db_text(a, s, 5);
	b->status = db_text(a, s, 6);
	b->resident_id = sqlite3_column_int64(s, 7);
	b->email = db_text(a, s, 8);
	b->appeal_id = sqlite3_column_int64(s, 9);
}

int db_booking_queue(struct db *db, struct arena *a, long long meeting,
		     struct booking_queue_item **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_BOOKING_QUEUE);
	sqlite3_bind_int64(s, 1, meeting);
	return db_read_rows(db, a, s, sizeof **out, read_queue_item, out, count, "booking queue");
}

/* The columns of STMT_BOOKING_ACTIVE_OF_MEETING. */
static void read_active_booking(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct active_booking *b = row;
	b->id = sqlite3_column_int64(s, 0);
	b->slot_at = (time_t)sqlite3_column_int64(s, 1);
	b->email = db_text(a, s, 2);
}

int db_booking_active_of_meeting(struct db *db, struct arena *a, long long meeting,
				 struct active_booking **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_BOOKING_ACTIVE_OF_MEETING);
	sqlite3_bind_int64(s, 1, meeting);
	return db_read_rows(db, a, s, sizeof **out, read_active_booking, out, count,
			    "active bookings");
}

/* The columns of STMT_BOOKING_OF_RESIDENT. */
static void read_resident_booking(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct resident_booking *b = row;
	b->id = sqlite3_column_int64(s, 0);
	b->slot_at = (time_t)sqlite3_column_int64(s, 1);
	b->status = db_text(a, s, 2);
	b->official = db_text(a, s, 3);
	b->venue = db_text(a, s, 4);
	b->meeting = sqlite3_column_int64(s, 5);
}

int db_booking_of_resident(struct db *db, struct arena *a, long long resident,
			   struct resident_booking **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_BOOKING_OF_RESIDENT);
	sqlite3_bind_int64(s, 1, resident);
	return db_read_rows(db, a, s, sizeof **out, read_resident_booking, out, count,
			    "resident's bookings");
}

/* The columns of STMT_WAITING_NEXT. */
struct waiting_next {
	long long id;
	const char *email;
};

static void read_waiting_next(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct waiting_next *w = row;
	w->id = sqlite3_column_int64(s, 0);
	w->email = db_text(a, s, 1);
}

int db_waiting_next(struct db *db, struct arena *a, long long meeting, long long *id,
		    const char **email)
{
	struct waiting_next w = {0, ""};
	sqlite3_stmt *s = db_stmt(db, STMT_WAITING_NEXT);
	sqlite3_bind_int64(s, 1, meeting);
	int rc = db_read_one(db, a, s, read_waiting_next, &w, "waiting list");
	*id = w.id;
	*email = w.email;
	return rc;
}

/* The columns of STMT_WAITING_EXPIRED. */
static void read_offer(struct arena *a, sqlite3_stmt *s, void *row)
{
	(void)a;
	struct waiting_offer *o = row;
	o->id = sqlite3_column_int64(s, 0);
	o->meeting = sqlite3_column_int64(s, 1);
	o->slot = (time_t)sqlite3_column_int64(s, 2);
}

int db_waiting_expired(struct db *db, struct arena *a, time_t now, struct waiting_offer **out,
		       size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_WAITING_EXPIRED);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)now);
	return db_read_rows(db, a, s, sizeof **out, read_offer, out, count,
			    "expired waiting-list offers");
}
