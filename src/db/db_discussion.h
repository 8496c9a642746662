/* db_discussion.h — the storage of public discussions of draft acts (issue 20): their
 * statements (SQL in db_discussion.c) and the readers that return discussions, proposals,
 * files and participants' links as structs. Text is copied into the arena given. */
#ifndef PORTAL_DB_DISCUSSION_H
#define PORTAL_DB_DISCUSSION_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "arena.h"
#include "db.h"

/* A discussion in a list (STMT_DISCUSSION_LIST), newest period first. */
struct discussion_row {
	long long id;
	const char *title, *unit;
	const char *opens_on, *closes_on; /* 'YYYY-MM-DD' */
	const char *territory;            /* "" for the whole municipality */
	bool concluded;
	long long published, pending; /* proposals */
};

/* The discussions of body scope (0: all), at most 200. 0, or -1 on a database error. */
int db_discussion_list(struct db *db, struct arena *a, long long scope,
		       struct discussion_row **out, size_t *count);

/* One discussion (STMT_DISCUSSION_GET). */
struct discussion_record {
	const char *title, *unit, *body, *form; /* form: online, hearing */
	long long meeting_id;                   /* the public hearing, 0 for none */
	const char *territory;                  /* "" for the whole municipality */
	const char *opens_on, *closes_on;       /* 'YYYY-MM-DD' */
	const char *conclusion;                 /* "" before it */
	bool concluded;
	time_t concluded_at;
	const char *meeting_title; /* "" without a hearing */
	time_t meeting_starts_at;
};

/* 0 with *out filled, 1 when there is no such discussion, -1 on a database error. */
int db_discussion_get(struct db *db, struct arena *a, long long id,
		      struct discussion_record *out);

/* What keeps discussion id from its conclusion: *pending proposals wait for moderation,
 * *undecided published ones have no outcome. 0, or -1 on a database error. */
int db_discussion_open_items(struct db *db, long long id, long long *pending,
			     long long *undecided);

/* A public hearing a draft may be discussed at (STMT_HEARING_OPTIONS). */
struct hearing_option {
	long long id;
	const char *title;
	time_t starts_at;
};

/* Public hearings not cancelled, latest first. 0, or -1 on a database error. */
int db_hearing_options(struct db *db, struct arena *a, struct hearing_option **out,
		       size_t *count);

/* How many proposals the resident (or, with through_link, the participant's link) who sent
 * since then: *count. 0, or -1 on a database error. */
int db_proposal_recent(struct db *db, bool through_link, long long who, time_t since,
		       long long *count);

/* A proposal of a discussion (STMT_PROPOSAL_LIST), in order of arrival. */
struct proposal_row {
	long long id;
	const char *point, *text, *author, *show_as;
	const char *status;         /* pending, published, refused */
	const char *refusal_reason; /* "" unless refused */
	const char *outcome;        /* accepted, partial, rejected; "" for none yet */
	const char *outcome_reason;
	time_t created_at;
};

/* Every proposal of discussion. 0, or -1 on a database error. */
int db_proposal_list(struct db *db, struct arena *a, long long discussion,
		     struct proposal_row **out, size_t *count);

/* One proposal as moderation needs it (STMT_PROPOSAL_GET). */
struct proposal_detail {
	long long id, discussion_id;
	const char *status, *email, *text;
	const char *outcome;    /* "" for none yet */
	const char *link_token; /* a reference-group participant's personal link, or "" */
};

/* 0 with *out filled, 1 when there is no such proposal, -1 on a database error. */
int db_proposal_get(struct db *db, struct arena *a, long long id, struct proposal_detail *out);

/* A published proposal with an address, mailed the conclusion (STMT_PROPOSAL_AUTHORS). */
struct proposal_author {
	long long id;
	const char *email, *outcome, *outcome_reason, *text;
};

/* The authors to mail of discussion, by proposal. 0, or -1 on a database error. */
int db_proposal_authors(struct db *db, struct arena *a, long long discussion,
			struct proposal_author **out, size_t *count);

/* A reference group taking part in a discussion (STMT_DISCUSSION_GROUPS). */
struct discussion_group {
	long long id;
	const char *name;
};

/* The reference groups of discussion. 0, or -1 on a database error. */
int db_discussion_groups(struct db *db, struct arena *a, long long discussion,
			 struct discussion_group **out, size_t *count);

/* A file of a draft (STMT_DISCUSSION_FILES). */
struct discussion_file {
	long long id;
	const char *name, *mime;
	long long size; /* bytes */
};

/* The files of discussion in the order added. 0, or -1 on a database error. */
int db_discussion_files(struct db *db, struct arena *a, long long discussion,
			struct discussion_file **out, size_t *count);

/* A stored file as it is sent (STMT_DISCUSSION_FILE_GET). */
struct discussion_file_blob {
	const char *name, *mime, *sha256;
};

/* 0 with *out filled, 1 when there is no such file, -1 on a database error. */
int db_discussion_file_get(struct db *db, struct arena *a, long long id,
			   struct discussion_file_blob *out);

/* A draft discussed at a public hearing (STMT_MEETING_DISCUSSIONS). */
struct meeting_discussion {
	long long id;
	const char *title;
	bool concluded;
};

/* The drafts discussed at meeting. 0, or -1 on a database error. */
int db_meeting_discussions(struct db *db, struct arena *a, long long meeting,
			   struct meeting_discussion **out, size_t *count);

/* A reference-group participant's personal link (STMT_LINK_BY_TOKEN). */
struct participant_link {
	long long id;
	const char *kind; /* discussion, survey */
	long long target; /* the discussion's or survey's id */
	const char *name, *email, *organisation;
};

/* 0 with *out filled, 1 when no link has token, -1 on a database error. */
int db_link_by_token(struct db *db, struct arena *a, const char *token,
		     struct participant_link *out);

#endif
