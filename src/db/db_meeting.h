/* db_meeting.h — reading meetings for the public pages. Every function here returns only public
 * meetings (never drafts); text is copied into the request's arena. */
#ifndef PORTAL_DB_MEETING_H
#define PORTAL_DB_MEETING_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "arena.h"
#include "db.h"

struct meeting_summary {
	long long id;
	const char *kind;           /* code */
	const char *kind_name;
	const char *title;
	const char *status;         /* approved, postponed, cancelled, held */
	time_t starts_at, ends_at;  /* UTC */
	bool was_postponed;         /* postponed_from holds the earlier start */
	time_t postponed_from;
	bool announced;             /* announced_at holds when */
	time_t announced_at;
	const char *territory_name;
	const char *venue_name;     /* "" when no venue yet */
	const char *venue_address;
};

struct meeting_detail {
	struct meeting_summary summary;
	const char *description;
	const char *status_reason;
	const char *organising_unit;
	bool has_expected_attendance;
	long long expected_attendance;
	bool has_attendance;
	long long attendance;
	const char *host_name;      /* "" when none */
	const char *host_position;
	time_t updated_at;
	const char *group_name;     /* the information group holding it, "" when none */
};

/* A change of place or time after the meeting was published. */
struct meeting_change {
	time_t at;
	const char *kind;           /* postponed, rescheduled, place_changed */
	bool has_old_start, has_new_start;
	time_t old_start, new_start;
	const char *old_venue, *new_venue; /* names, "" when none */
};

struct meeting_invitee {
	const char *full_name;
	const char *position;
	const char *organisation;
};

struct meeting_filter {
	long long territory_id;     /* 0 for all */
	const char *kind;           /* NULL for all */
	bool has_from, has_to;
	time_t from, to;            /* UTC, to is exclusive */
	time_t now;                 /* splits upcoming from past */
	long long limit, offset;
	/* 0 for the whole site; else that municipality's own meetings and its district's
	 * (district_id, 0 for none) in territories that concern it (issue 18 item 4). */
	long long municipality_id, district_id;
};

/* Public meetings matching the filter: those not yet ended soonest first, then the ended ones
 * newest first; limit of them from offset. -1 on a database error. */
int db_meeting_list(struct db *db, struct arena *a, const struct meeting_filter *f,
		    struct meeting_summary **out, size_t *count);

/* How many public meetings match (limit and offset ignored), counting no further than at_most:
 * *total == at_most means "at least". */
int db_meeting_count(struct db *db, const struct meeting_filter *f, long long at_most,
		     long long *total);

/* The latest held meetings, newest first. */
int db_meeting_recent_held(struct db *db, struct arena *a, long long limit,
			   struct meeting_summary **out, size_t *count);

/* One public meeting: 0 found, 1 no such public meeting, -1 error. */
int db_meeting_get(struct db *db, struct arena *a, long long id, struct meeting_detail *out);

/* The people invited to a meeting. */
int db_meeting_invitees(struct db *db, struct arena *a, long long id,
			struct meeting_invitee **out, size_t *count);

/* The public changes of a meeting, oldest first. */
int db_meeting_changes(struct db *db, struct arena *a, long long id, struct meeting_change **out,
		       size_t *count);

/* Public meetings of municipality municipality_id that have not ended by now, and those of its
 * district (district_id, 0 for none) whose territory lies in or above one of its territories (a
 * district-wide meeting concerns every settlement), in time order, at most limit (issue 18). */
int db_meeting_of_municipality(struct db *db, struct arena *a, long long municipality_id,
			       long long district_id, time_t now, long long limit,
			       struct meeting_summary **out, size_t *count);

/* The municipality a meeting belongs to: 0 and its name, official name and slug in the arena,
 * 1 for no such meeting, -1 on a database error. */
int db_meeting_municipality(struct db *db, struct arena *a, long long id, const char **name,
			    const char **official_name, const char **slug);

/* The territory of meeting into *territory (STMT_MEETING_TERRITORY): 0, 1 when there is no
 * such meeting, -1 on a database error. */
int db_meeting_territory(struct db *db, long long meeting, long long *territory);

#endif
