/* db_reception.h — the storage of personal receptions (issue 17): schedules, reception meetings,
 * bookings and the waiting list; their statements (SQL in db_reception.c) and the readers that
 * return them as structs. Text is copied into the arena given. Writes are bound in place by
 * their callers (reception_booking.c, reception_waiting.c, page_admin_receptions.c). */
#ifndef PORTAL_DB_RECEPTION_H
#define PORTAL_DB_RECEPTION_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "arena.h"
#include "db.h"

/* A reception meeting as its pages show it (STMT_RECEPTION_GET). */
struct reception_info {
	long long meeting_id;
	time_t starts_at, ends_at;
	const char *status;       /* the meeting's status: draft, approved, cancelled… */
	const char *title;
	long long host_id;        /* the official who receives; 0 when none is set */
	const char *host_name, *host_position;     /* "" when none is set */
	const char *venue_name, *venue_address;    /* "" when none is set */
	int slot_minutes;
	const char *topics;
};

/* A schedule in the staff list (STMT_RECEPTION_SCHEDULE_LIST). */
struct reception_schedule_item {
	long long id, series;
	const char *person, *venue; /* names */
	int weekday, start, end, slot; /* start and end in minutes of the day */
	long long receptions;       /* the reception meetings it made */
	const char *rule;
	int ordinal;
};

/* A reception from yesterday on, in the staff list (STMT_RECEPTION_UPCOMING). */
struct reception_upcoming {
	long long id;
	time_t starts, ends;
	const char *status, *person, *venue; /* person, venue "" when none */
	int slot_minutes;
	long long booked; /* bookings not cancelled */
};

/* A reception schedule as stored (STMT_RECEPTION_SCHEDULE_GET). */
struct reception_schedule {
	long long series, person, venue;
	int weekday, start, end, slot, ordinal;
	const char *topics, *rule, *from, *to, *title;
};

/* One reception of a schedule (STMT_RECEPTION_SCHEDULE_MEETINGS). */
struct reception_schedule_meeting {
	long long id, host, venue; /* host, venue 0 when none */
	time_t starts, ends;
	const char *status;
	long long active, bookings; /* bookings not cancelled; all */
};

/* A booking with its reception (STMT_BOOKING_GET). */
struct booking {
	long long meeting;
	time_t slot_at;
	long long resident_id; /* 0: booked by staff for a caller */
	const char *visitor_name, *phone, *email, *contact, *question;
	const char *status, *cancel_reason;
	const char *official, *venue_name, *venue_address; /* "" when none */
	int slot_minutes;
	const char *meeting_status;
};

/* A booking in the day's queue (STMT_BOOKING_QUEUE). */
struct booking_queue_item {
	long long id;
	time_t slot_at;
	const char *name, *phone, *contact, *question, *status, *email;
	long long resident_id; /* 0: booked by staff by phone */
	long long appeal_id;   /* the appeal registered from it, 0 */
};

/* A booking of a resident's account (STMT_BOOKING_OF_RESIDENT). */
struct resident_booking {
	long long id, meeting;
	time_t slot_at;
	const char *status, *official, *venue; /* official, venue "" when none */
};

/* An active booking of a meeting (STMT_BOOKING_ACTIVE_OF_MEETING). */
struct active_booking {
	long long id;
	time_t slot_at;
	const char *email; /* "" when none */
};

/* A waiting-list offer whose hold has passed (STMT_WAITING_EXPIRED). */
struct waiting_offer {
	long long id, meeting;
	time_t slot;
};

/* Reception meeting: 0 with *out, 1 when meeting is no reception, -1 on a database error. */
int db_reception_get(struct db *db, struct arena *a, long long meeting,
		     struct reception_info *out);

/* The schedules, newest first; the receptions ending at since or later, by start (at most
 * 200) — both of the staff account's body scope only (STAFF_SCOPE_SQL; 0: every one); the
 * receptions of schedule id by start: 0 with *out and *count, -1 on a database error. */
int db_reception_schedules(struct db *db, struct arena *a, long long scope,
			   struct reception_schedule_item **out, size_t *count);
int db_reception_upcoming(struct db *db, struct arena *a, time_t since, long long scope,
			  struct reception_upcoming **out, size_t *count);
int db_reception_schedule_meetings(struct db *db, struct arena *a, long long id,
				   struct reception_schedule_meeting **out, size_t *count);

/* Schedule id: 0 with *out, 1 when there is none, -1 on a database error. */
int db_reception_schedule_get(struct db *db, struct arena *a, long long id,
			      struct reception_schedule *out);

/* The slots of meeting booked, or held at now from the waiting list for another resident than
 * resident (unordered): 0 with *out and *count, -1 on a database error. */
int db_reception_taken(struct db *db, struct arena *a, long long meeting, time_t now,
		       long long resident, time_t **out, size_t *count);

/* Whether slot_at of meeting is booked or held at now for another resident than resident
 * (STMT_SLOT_UNAVAILABLE): 1 it is, 0 it is free, -1 on a database error. */
int db_reception_slot_unavailable(struct db *db, long long meeting, time_t slot_at, time_t now,
				  long long resident);

/* Whether slot_at of meeting is booked (STMT_SLOT_BOOKED): 1, 0, -1 on a database error. */
int db_reception_slot_booked(struct db *db, long long meeting, time_t slot_at);

/* Booking id: 0 with *out, 1 when there is none, -1 on a database error. */
int db_booking_get(struct db *db, struct arena *a, long long id, struct booking *out);

/* The booking whose cancel token hashes to hash (32 bytes): 0 with *id, 1 none, -1 on a
 * database error. */
int db_booking_by_token(struct db *db, const unsigned char hash[32], long long *id);

/* resident's active booking with official person of a slot after now: 0 with *id, 1 none, -1
 * on a database error. */
int db_booking_active_for_official(struct db *db, long long resident, long long person,
				   time_t now, long long *id);

/* The bookings not cancelled of meeting (the queue), the active ones, by slot; those of
 * resident, newest slot first: 0 with *out and *count, -1 on a database error. */
int db_booking_queue(struct db *db, struct arena *a, long long meeting,
		     struct booking_queue_item **out, size_t *count);
int db_booking_active_of_meeting(struct db *db, struct arena *a, long long meeting,
				 struct active_booking **out, size_t *count);
int db_booking_of_resident(struct db *db, struct arena *a, long long resident,
			   struct resident_booking **out, size_t *count);

/* The first resident still waiting for meeting: 0 with *id and *email ("" when none), 1 when
 * nobody waits, -1 on a database error. */
int db_waiting_next(struct db *db, struct arena *a, long long meeting, long long *id,
		    const char **email);

/* The offers whose hold ended at now or before, oldest first: 0 with *out and *count, -1 on a
 * database error. */
int db_waiting_expired(struct db *db, struct arena *a, time_t now, struct waiting_offer **out,
		       size_t *count);

#endif
