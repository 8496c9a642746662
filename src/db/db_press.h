/* db_press.h — readers of the press office: each returns structs, never columns by number. */
#ifndef PORTAL_DB_PRESS_H
#define PORTAL_DB_PRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "arena.h"
#include "db.h"

/* One announced meeting as /press shows it: a row of STMT_PRESS_UPCOMING or STMT_PRESS_PAST. */
struct press_item {
	long long id;
	const char *title, *kind_name, *status, *status_reason, *organising_unit, *description,
		*territory, *host_name, *host_position;
	const char *kind; /* of the latest announcement: announcement, change, cancellation */
	time_t published_at, starts_at, ends_at;
	const char *venue_name, *venue_address;
	bool has_previous; /* the announcement before the latest one, for what a change changed */
	time_t previous_starts_at, previous_ends_at;
	const char *previous_venue_name, *previous_venue_address;
	bool venue_changed;
};

/* Which announced meetings, and of which public pages. */
struct press_filter {
	time_t now;
	long long limit;
	long long meeting;         /* 0: every one */
	long long municipality;    /* 0: the whole site */
	long long district;        /* the municipality's district, 0 for none */
};

/* The announced meetings not yet ended, upcoming first (past false), or the ended ones newest
 * first (past true), at most f->limit: 0 with *out and *count, -1 on a database error. */
int db_press_items(struct db *db, struct arena *a, bool past, const struct press_filter *f,
		   struct press_item **out, size_t *count);

/* A discussion of a draft the notifier announced (STMT_PRESS_DISCUSSIONS). */
struct press_discussion {
	long long id;
	const char *title, *unit, *opens_on, *closes_on; /* dates 'YYYY-MM-DD' */
	const char *territory;                           /* "" for the whole municipality */
	bool concluded;
};

/* The announced discussions of municipality (0: the whole site), newest first: 0, or -1. */
int db_press_discussions(struct db *db, struct arena *a, long long municipality,
			 struct press_discussion **out, size_t *count);

/* An entry of the Atom feed about a meeting (STMT_FEED_ENTRIES): a publication, or the
 * results of a held meeting (what "result"). */
struct feed_entry {
	const char *what;      /* "announcement" or "result" */
	long long id;          /* the announcement's (the meeting's for a result) */
	const char *kind;      /* announcement, change, cancellation, result */
	time_t at;
	long long meeting_id;
	const char *title, *kind_name;
	time_t starts_at, ends_at;
	const char *venue_name, *venue_address, *reason;
	bool has_attendance;   /* a result that states how many came */
	long long attendance;
	bool has_previous;     /* a change: the announcement before it */
	time_t previous_starts_at, previous_ends_at;
	const char *previous_venue_name, *previous_venue_address;
	bool venue_changed;
};

/* An entry of the feed that is not a meeting's (STMT_FEED_ANSWERS): a published answer, or a
 * discussion announced or concluded. */
struct feed_answer {
	long long id;           /* the appeal's or the discussion's */
	const char *number;     /* the appeal's number, the discussion's title */
	const char *question;   /* the public question, the discussion's unit */
	const char *answer;     /* the public answer, the conclusion, "" */
	time_t at;
	long long meeting_id;   /* 0: none */
	const char *meeting_title;
	const char *what;       /* "answer", "discussion", "conclusion" */
	const char *closes_on;  /* a discussion's last day 'YYYY-MM-DD' */
};

/* The newest limit entries of each kind, of municipality (0: the whole site; district its
 * district or 0), newest first: 0, or -1. */
int db_feed_entries(struct db *db, struct arena *a, int limit, long long municipality,
		    long long district, struct feed_entry **out, size_t *count);
int db_feed_answers(struct db *db, struct arena *a, int limit, long long municipality,
		    struct feed_answer **out, size_t *count);

/* One meeting of the media plan (STMT_MEDIA_PLAN). */
struct media_plan_row {
	long long id;
	const char *title, *status;
	time_t starts_at;
	bool announced;           /* its current place and time are published */
	long long first_id;       /* the first announcement, 0 when none */
	time_t first_at;
	long long latest_id;      /* the latest announcement */
	const char *latest_kind;
	time_t latest_at;
	long long late;           /* announcements made later than the kind's notice period */
	const char *kind;         /* its code */
};

/* The meetings starting in [from, to) when in_period, else those not ended by now, of the
 * staff account's body scope (0: all), in time order: 0, or -1. */
int db_media_plan(struct db *db, struct arena *a, bool in_period, time_t from, time_t to,
		  time_t now, long long scope, struct media_plan_row **out, size_t *count);

/* How many webhook posts announcement has in the outbox, into *posts: 0, or -1. */
int db_announcement_webhook_posts(struct db *db, long long announcement, long long *posts);

/* One announcement of a meeting (STMT_PUBLICATION_LIST). */
struct publication_row {
	long long id;
	const char *kind;
	time_t published_at, starts_at;
	bool kept;           /* published within the kind's notice period */
	const char *venue;   /* "" when it had no place */
};

/* Every announcement of meeting, oldest first: 0, or -1. */
int db_publications(struct db *db, struct arena *a, long long meeting,
		    struct publication_row **out, size_t *count);

/* One channel an announcement went out on (STMT_PUBLICATION_CHANNELS). */
struct publication_channel {
	const char *group;  /* media, invitees, reference, subscribers, webhook */
	const char *name;   /* the webhook's, "" for mail */
	long long total, sent, dead;
	time_t last_sent;
};

/* The channels of announcement, media first: 0, or -1. */
int db_publication_channels(struct db *db, struct arena *a, long long announcement,
			    struct publication_channel **out, size_t *count);

/* A contact of the media list. */
struct media_contact {
	long long id;
	const char *name, *email;
	bool active;
	long long municipality_id; /* the body whose list it is on */
	const char *municipality;  /* that body's name */
};

/* Every contact of the bodies of scope (scope_bind_value: 0 every contact), active first, by name
 * (STMT_MEDIA_LIST): 0, or -1. */
int db_media_contacts(struct db *db, struct arena *a, long long scope, struct media_contact **out,
		      size_t *count);

/* Contact id: 0 with *out, 1 when there is none, -1 on error. */
int db_media_contact(struct db *db, struct arena *a, long long id, struct media_contact *out);

/* Whether another contact than id (0: any) on the list of municipality has email, in any case:
 * 1, 0, or -1 on error. */
int db_media_email_taken(struct db *db, const char *email, long long id, long long municipality);

/* What waits in the outbox (STMT_OUTBOX_TOTALS, STMT_OUTBOX_PRESS_TOTALS). */
struct outbox_totals {
	long long waiting, dead;
	long long mail_unsent; /* mails pending or given up */
};

/* The totals of the staff account's body scope (0: all), or of its press mail only when
 * press_only: 0 with *out, -1 on error. */
int db_outbox_totals(struct db *db, long long scope, struct outbox_totals *out);
int db_outbox_press_totals(struct db *db, bool press_only, long long scope,
			   struct outbox_totals *out);

/* The lists of /admin/outbox. */
enum outbox_list { OUTBOX_LIST_DEAD, OUTBOX_LIST_RETRYING, OUTBOX_LIST_SENT };

/* A message of a list (STMT_OUTBOX_DEAD_LIST, _RETRY_LIST, _SENT_LIST). */
struct outbox_row {
	long long id;
	bool mail; /* else a webhook post */
	const char *recipient, *subject, *purpose;
	long long meeting_id; /* 0: none */
	time_t created_at;
	long long attempts;
	const char *error;
	bool sent;            /* sent_at is set */
	time_t sent_at;
};

/* At most limit messages of list, of scope (0: all), press mail only when press_only:
 * 0, or -1. */
int db_outbox_list(struct db *db, struct arena *a, enum outbox_list list, int limit,
		   bool press_only, long long scope, struct outbox_row **out, size_t *count);

/* A message's state (STMT_OUTBOX_STATE). */
struct outbox_state {
	const char *status, *recipient;
	bool press_mail; /* a webhook post or an announcement mailed to the media list */
};

/* Message id: 0 with *out, 1 when there is none, -1 on error. */
int db_outbox_state(struct db *db, struct arena *a, long long id, struct outbox_state *out);

#endif
