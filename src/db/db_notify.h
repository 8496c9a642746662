/* db_notify.h — readers of the notifier: each returns structs, never columns by number. */
#ifndef PORTAL_DB_NOTIFY_H
#define PORTAL_DB_NOTIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "arena.h"
#include "db.h"

/* A meeting a rule selected: its id and start; the other fields only from the statements that
 * return them (STMT_NOTIFY_UNANNOUNCED, STMT_NOTIFY_DRAFTS_SOON), else "", true and "". */
struct notify_candidate {
	long long id;
	time_t starts_at;
	const char *exception_reason; /* "" when it was not approved late as an exception */
	bool has_place;
	const char *kind;             /* its code: the notice period follows it */
};

/* The meetings of one rule, in the statement's order: 0 with *out and *count, -1 on a
 * database error (logged). */
int db_notify_unannounced(struct db *db, struct arena *a, time_t starts_after,
			  struct notify_candidate **out, size_t *count);
int db_notify_drafts_soon(struct db *db, struct arena *a, time_t from, time_t to,
			  struct notify_candidate **out, size_t *count);
int db_notify_cancelled(struct db *db, struct arena *a, struct notify_candidate **out,
			size_t *count);
int db_notify_announced_soon(struct db *db, struct arena *a, time_t from, time_t to,
			     struct notify_candidate **out, size_t *count);
int db_notify_police_due(struct db *db, struct arena *a, time_t now, long long attendance,
			 struct notify_candidate **out, size_t *count);

/* An active staff member's address and the body they work for (issue 18 item 3). */
struct notify_staff {
	const char *email;
	long long body; /* municipality id; 0: the whole installation */
};

/* The active staff of roles (",organizer,controller,"), by address; with meeting (> 0) only
 * those whose body owns it (the whole installation, its municipality or that one's district):
 * 0 with *out and *count, -1 on a database error. */
int db_notify_staff(struct db *db, struct arena *a, const char *roles, long long meeting,
		    struct notify_staff **out, size_t *count);

/* The addresses of a meeting's invitees, by address: 0 with *out and *count, -1 on a database
 * error. */
int db_notify_invitee_emails(struct db *db, struct arena *a, long long meeting,
			     const char ***out, size_t *count);

/* A rule violation to record (STMT_NOTIFY_VIOLATION_ADD). */
struct notify_violation {
	long long meeting_id;
	const char *rule, *details;
	time_t deadline_at, detected_at, starts_at;
};

/* Record v: 0 with *id the new row, or 0 when an earlier run recorded it; -1 on error. */
int db_notify_violation_add(struct db *db, const struct notify_violation *v, long long *id);

/* One recipient of a publication or of a discussion's opening: audience (0 media, 1 invitee,
 * 2 reference group, 3 subscriber), address, and the token of the link that stops the mail
 * ("" when none). */
struct notify_recipient {
	int audience;
	const char *email, *token;
};

/* The recipients of meeting's publications (STMT_NOTIFY_RECIPIENTS) / of a discussion's
 * opening (STMT_NOTIFY_DISCUSSION_RECIPIENTS), by audience then address: 0, or -1. */
int db_notify_recipients(struct db *db, struct arena *a, long long meeting,
			 struct notify_recipient **out, size_t *count);
int db_notify_discussion_recipients(struct db *db, struct arena *a, long long discussion,
				    struct notify_recipient **out, size_t *count);

/* The place and time a meeting's latest announcement or change published. */
struct notify_published {
	time_t starts_at;
	const char *venue_name, *venue_address; /* "" when it had no place */
};

/* The latest publication of meeting's place and time: 0 with *out, 1 when none, -1 on
 * error. */
int db_notify_previous(struct db *db, struct arena *a, long long meeting,
		       struct notify_published *out);

/* The latest change of meeting's place or time (0 when none) into *change: 0, or -1. */
int db_notify_last_change(struct db *db, long long meeting, long long *change);

/* A meeting's venue id (0 when it has none, or no such meeting) into *venue: 0, or -1. */
int db_notify_venue(struct db *db, long long meeting, long long *venue);

/* A meeting's title ("" when there is no such meeting) into *title: 0, or -1. */
int db_notify_title(struct db *db, struct arena *a, long long meeting, const char **title);

/* One publication of a meeting to record (STMT_NOTIFY_ANNOUNCEMENT_ADD). */
struct notify_announcement {
	long long meeting_id;
	const char *kind; /* announcement, change, cancellation */
	time_t published_at, starts_at, ends_at;
	long long venue_id;  /* 0: none */
	bool notice_kept;
	long long change_id; /* 0: none */
};

/* Record n: 0 with *id its id, -1 on error. */
int db_notify_announcement_add(struct db *db, const struct notify_announcement *n,
			       long long *id);

/* An open appeal due soon (STMT_NOTIFY_APPEALS_DUE). */
struct notify_due_appeal {
	const char *number, *answer_due;
	const char *executor_email; /* "" when none or disabled */
	long long body, district;   /* its municipality, and that one's district (0: none) */
};

/* An open instruction in force due soon (STMT_NOTIFY_INSTRUCTIONS_DUE). */
struct notify_due_instruction {
	long long id;
	const char *text, *due_on;
	const char *executor_email; /* "" when none or disabled */
	long long body, district;   /* its municipality, and that one's district (0: none) */
};

/* The open appeals / instructions due on or before last ('YYYY-MM-DD'), by date: 0, or -1. */
int db_notify_appeals_due(struct db *db, struct arena *a, const char *last,
			  struct notify_due_appeal **out, size_t *count);
int db_notify_instructions_due(struct db *db, struct arena *a, const char *last,
			       struct notify_due_instruction **out, size_t *count);

/* An active booking with an address on an approved reception (STMT_NOTIFY_BOOKINGS_SOON). */
struct notify_booking {
	long long id, meeting_id;
	time_t slot_at;
	const char *email;
};

/* The bookings whose slot is in (from, to], by id: 0, or -1. */
int db_notify_bookings_soon(struct db *db, struct arena *a, time_t from, time_t to,
			    struct notify_booking **out, size_t *count);


/* A discussion to announce (STMT_NOTIFY_DISCUSSIONS_DUE): dates 'YYYY-MM-DD'. */
struct notify_discussion {
	long long id;
	const char *title, *unit, *opens_on, *closes_on, *form;
	const char *territory; /* "" for the whole municipality */
};

/* A survey whose links to mail (STMT_NOTIFY_SURVEYS_DUE): dates 'YYYY-MM-DD'. */
struct notify_survey {
	long long id;
	const char *title, *opens_on, *closes_on;
};

/* The open discussions not announced yet / the running surveys of reference groups whose
 * links are not mailed yet, on day 'YYYY-MM-DD', by id: 0, or -1. */
int db_notify_discussions_due(struct db *db, struct arena *a, const char *day,
			      struct notify_discussion **out, size_t *count);
int db_notify_surveys_due(struct db *db, struct arena *a, const char *day,
			  struct notify_survey **out, size_t *count);

/* A participant's personal link to a survey (STMT_NOTIFY_SURVEY_LINKS). */
struct notify_survey_link {
	const char *email, *name, *token;
	const char *consent_token; /* "" when the address has no consent record */
};

/* The links of survey, by address: 0, or -1. */
int db_notify_survey_links(struct db *db, struct arena *a, long long survey,
			   struct notify_survey_link **out, size_t *count);

/* The token of email's personal link to the target of kind ("survey", "discussion"): 0 with
 * *token, 1 when the address has none, -1 on error. */
int db_notify_link_token(struct db *db, struct arena *a, const char *kind, long long target,
			 const char *email, const char **token);

/* A message of the outbox due for delivery (STMT_OUTBOX_DUE). */
struct outbox_due {
	long long id;
	bool mail; /* else a webhook post */
	const char *recipient, *subject, *body, *unsubscribe_url;
	int attempts;
	time_t created_at;
};

/* At most limit pending messages due by now, the oldest due first: 0, or -1. */
int db_outbox_due(struct db *db, struct arena *a, time_t now, int limit,
		  struct outbox_due **out, size_t *count);

#endif
