/* db_protocol.h — the storage of protocols: their statements (SQL in db_protocol.c) and the
 * readers that return them as structs, for the staff protocol page and the public results. Text
 * is copied into the arena given. */
#ifndef PORTAL_DB_PROTOCOL_H
#define PORTAL_DB_PROTOCOL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "arena.h"
#include "db.h"

/* The meeting a protocol records, as the protocol page needs it (STMT_PROTOCOL_MEETING). */
struct protocol_meeting {
	long long id;
	const char *title, *status, *kind;
	const char *place;                      /* "venue, address", "" when none */
	const char *venue_name, *venue_address; /* the venue of the schedule, "" when none */
	time_t starts_at;
	bool has_attendance;
	long long attendance, host_id;
	long long leader_id; /* the leader its information group had when it started, 0: none */
	int handover_days;   /* working days to hand the protocol over; 0: the kind sets none */
};

/* A meeting's protocol (STMT_PROTOCOL_GET and STMT_PROTOCOL_CHAIR_SETTER). */
struct protocol_detail {
	bool exists; /* false: the meeting has no protocol yet, every other field zero */
	long long id, chair_id, secretary_id, attendance;
	bool has_attendance, signed_, handed;
	const char *number, *held_on, *place, *decisions, *photo_url, *video_url;
	const char *signed_by, *handed_by; /* names of the staff members */
	const char *chair, *chair_position, *secretary, *secretary_position;
	time_t signed_at, handed_at;
	bool chair_has_account; /* an active account belongs to the chair */
	long long revision;     /* counts the changes of the draft */
	bool signed_on_paper;   /* an administrator recorded the chair's signature on paper */
	long long chair_set_by; /* the account that named the chair (or confirmed it), 0 */
};

/* An official present (STMT_PROTOCOL_OFFICIALS), by name. */
struct protocol_official {
	long long person_id;
	const char *full_name, *position;
};

/* A question raised, in order (STMT_PROTOCOL_QUESTIONS). */
struct protocol_question {
	const char *question, *answer; /* answer "" when none was given */
	bool published;                /* marked as free of personal data: the site shows it */
};

/* An amendment of a signed protocol, oldest first (STMT_PROTOCOL_AMENDMENTS). */
struct protocol_amendment {
	time_t at;
	const char *author; /* the staff member's name */
	const char *text, *reason;
	bool published;
};

/* An appeal handed in at the meeting (STMT_PROTOCOL_APPEALS). */
struct protocol_appeal {
	long long id;
	const char *number, *topic; /* topic "" when none */
	const char *status;
};

/* An instruction of the protocol (STMT_PROTOCOL_INSTRUCTIONS). */
struct protocol_instruction {
	long long id;
	const char *text, *unit, *due_on, *status;
	const char *executor; /* name */
};

/* An instruction not cancelled, to be mailed when the protocol is signed
 * (STMT_PROTOCOL_IN_FORCE). */
struct protocol_proposal {
	long long id;
	const char *text, *due_on;
	const char *executor_email; /* "" for a disabled account */
	const char *controller;     /* name */
};

/* The meeting id: 0, 1 when there is no such meeting, -1 on a database error. */
int db_protocol_meeting(struct db *db, struct arena *a, long long id,
			struct protocol_meeting *out);

/* The protocol of meeting: 0 (out->exists false when it has none), -1 on a database error. */
int db_protocol_get(struct db *db, struct arena *a, long long meeting,
		    struct protocol_detail *out);

/* The lists of protocol (or, for appeals, of meeting), in their order: 0 with *out and *count
 * (an empty list is 0 rows), -1 on a database error. */
int db_protocol_officials(struct db *db, struct arena *a, long long protocol,
			  struct protocol_official **out, size_t *count);
int db_protocol_questions(struct db *db, struct arena *a, long long protocol,
			  struct protocol_question **out, size_t *count);
int db_protocol_amendments(struct db *db, struct arena *a, long long protocol,
			   struct protocol_amendment **out, size_t *count);
int db_protocol_appeals(struct db *db, struct arena *a, long long meeting,
			struct protocol_appeal **out, size_t *count);
int db_protocol_instructions(struct db *db, struct arena *a, long long protocol,
			     struct protocol_instruction **out, size_t *count);
int db_protocol_proposals(struct db *db, struct arena *a, long long protocol,
			  struct protocol_proposal **out, size_t *count);

/* Whether another protocol (not protocol, 0 for a new one) of year "YYYY" has number: 1 with
 * *meeting_title its meeting's title, 0 when none has, -1 on a database error. */
int db_protocol_number_taken(struct db *db, struct arena *a, const char *number,
			     long long protocol, const char *year, const char **meeting_title);

#endif
