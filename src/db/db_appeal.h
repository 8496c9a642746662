/* db_appeal.h — the storage of appeals in the staff registry: their statements (SQL in
 * db_appeal.c) and the readers that return them as structs, for the registry pages
 * (page_admin_appeals.c), the yearly report (report_appeals.c) and registering an appeal
 * (appeal.c). Text is copied into the arena given; readers return 0, 1 when there is no such
 * row (those that look one up), -1 on a database error (logged). */
#ifndef PORTAL_DB_APPEAL_H
#define PORTAL_DB_APPEAL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "arena.h"
#include "db.h"

/* The filters of the registry (STMT_APPEAL_LIST and STMT_APPEAL_LIST_MATCHES); NULL and 0 for a
 * filter not set. */
struct appeal_list_filter {
	const char *status, *source;
	long long territory_id;  /* with the territories below it */
	long long executor_id;
	const char *due_by;      /* "YYYY-MM-DD": open ones due on or before it */
	const char *overdue_at;  /* "YYYY-MM-DD": open ones due before it */
	int limit;
	const char *query;       /* an FTS5 query */
	const char *topic_code;  /* with its children */
	long long scope;         /* scope_bind_value */
};

/* A row of the registry. */
struct appeal_list_item {
	long long id;
	const char *number;
	time_t registered_at;
	const char *status;
	const char *surname, *name, *patronymic;
	const char *answer_due; /* "YYYY-MM-DD" */
	const char *executor;   /* name or login, "" when none */
	const char *source, *unit, *addressee, *addressee_unit;
	const char *auth_method; /* esia, email, none */
	bool auth_confirmed;
};

/* The course of an appeal: extension, forwarding, answer (six consecutive columns: extended
 * days, extension reason, forwarded to, forwarded at, answer, answered at). */
struct appeal_course {
	bool extended;              /* extended_days is not NULL */
	long extended_days;
	const char *extension_reason;
	bool forwarded;             /* forwarded_at is not NULL */
	const char *forwarded_to;
	time_t forwarded_at;
	bool answered;              /* answered_at is not NULL */
	const char *answer;
	time_t answered_at;
};

/* Read the six columns of an appeal's course starting at column first of the current row of s
 * into *out, text copied into a. The staff's appeal page (STMT_APPEAL_GET)
 * and its applicant's pages (db_account.c) carry the same six columns. */
void db_appeal_course_read(struct arena *a, sqlite3_stmt *s, int first, struct appeal_course *out);

/* One appeal as the staff page shows it (STMT_APPEAL_GET); "" for text not given. */
struct appeal_detail {
	long long id;
	const char *number, *source, *addressee, *addressee_unit;
	const char *surname, *name, *patronymic, *email, *address, *phone;
	const char *territory; /* name */
	const char *topic;     /* "code name", "" when none */
	const char *text;
	time_t received_at, registered_at;
	const char *status, *unit;
	long long executor_id; /* 0: none */
	const char *executor;  /* name or login */
	const char *answer_due, *forward_due;
	struct appeal_course course;
	const char *outcome;
	time_t closed_at; /* 0: open */
	const char *public_question, *public_answer;
	bool published;
	time_t published_at;
	long long meeting_id; /* 0: not handed in at a meeting */
	const char *meeting_title;
	const char *reception_by, *oral_answer;
	bool oral, oral_consent;
	time_t consent_at; /* 0: the 152-ФЗ notice was not acknowledged */
};

/* How the applicant was authenticated and their verdict (STMT_APPEAL_AUTHOR). */
struct appeal_author {
	bool has_account; /* from a resident with a personal account */
	const char *auth_method;
	bool auth_confirmed;
	const char *verdict; /* resolved, unresolved, "" when none */
	const char *verdict_comment;
	time_t verdict_at;
};

/* A file attached to an appeal (STMT_APPEAL_FILES). */
struct appeal_file {
	long long id;
	const char *name, *mime;
	long long size;
	const char *sha256;
};

/* A file to download with the executor of its appeal (STMT_APPEAL_FILE_GET). */
struct appeal_file_download {
	long long executor_id;
	const char *name, *mime, *sha256;
};

/* A step of an appeal's history (STMT_APPEAL_EVENTS). */
struct appeal_history_item {
	time_t at;
	const char *login; /* "" when no staff member took it */
	const char *action, *note;
};

/* A meeting an appeal may have been handed in at (STMT_MEETING_OPTIONS_RECENT). */
struct appeal_meeting_option {
	long long id;
	const char *title;
	time_t starts_at;
};

/* A topic of the appeals of a territory (STMT_TERRITORY_APPEAL_TOPICS). */
struct territory_appeal_topic {
	const char *name;
	long long appeals, open;
};

/* A state of the appeals of a territory (STMT_TERRITORY_APPEAL_STATUS). */
struct territory_appeal_state {
	const char *status;
	long long appeals;
};

/* An oldest open appeal of a territory (STMT_TERRITORY_APPEAL_OLDEST). */
struct territory_appeal_open {
	const char *number;
	time_t registered_at;
	const char *topic; /* "" when none */
	const char *answer_due;
};

/* A group of the yearly analysis (STMT_REPORT_APPEALS_CUBE); NULL for what the appeals of the
 * group lack (no topic, no territory). */
struct appeal_cube_row {
	int year;
	const char *topic_code, *topic_name, *section_code, *section_name;
	const char *territory_id, *territory_name; /* the id as text */
	const char *source, *outcome, *timeliness;
	long long appeals;
};

/* A group of the residents' part of the analysis (STMT_REPORT_APPEALS_RESIDENTS). */
struct appeal_resident_row {
	int year;
	const char *auth;    /* esia_confirmed, esia, email, none */
	const char *verdict; /* NULL: not answered */
	long long appeals;
};

/* A new appeal as stored (STMT_APPEAL_INSERT); 0 and NULL for what it has not. */
struct appeal_record {
	int year;
	long long seq;
	const char *number;
	const void *code_hash;
	int code_hash_len;
	const char *source, *addressee, *addressee_unit;
	const char *surname, *name, *patronymic, *email, *address, *phone;
	long long territory_id;
	const char *topic_code;
	const char *text;
	time_t consent_at, received_at, registered_at;
	long long registered_by, meeting_id;
	const char *reception_by, *oral_answer;
	bool oral, oral_consent;
	const char *answer_due, *forward_due;
	long long municipality_id;
};

/* How many appeals the FTS5 query matches, counted up to limit, into *count. 0 or -1. */
int db_appeal_matches(struct db *db, const char *query, int limit, long long *count);

/* A page of the registry under filter f, open appeals first by their due date; by_matches: the
 * plan driven by the search index (a query of few matches). 0 or -1. */
int db_appeal_list(struct db *db, struct arena *a, const struct appeal_list_filter *f,
		   bool by_matches, struct appeal_list_item **out, size_t *count);

/* The appeal id: 0, 1 when there is none, -1. */
int db_appeal_get(struct db *db, struct arena *a, long long id, struct appeal_detail *out);

/* The author of appeal id: 0, 1 when there is no such appeal, -1. */
int db_appeal_author(struct db *db, struct arena *a, long long id, struct appeal_author *out);

/* The files and the history of appeal id, oldest first: 0 or -1. */
int db_appeal_files(struct db *db, struct arena *a, long long id, struct appeal_file **out,
		    size_t *count);
int db_appeal_history(struct db *db, struct arena *a, long long id,
		      struct appeal_history_item **out, size_t *count);

/* The file id to download: 0, 1 when there is none, -1. */
int db_appeal_file_get(struct db *db, struct arena *a, long long id,
		       struct appeal_file_download *out);

/* The appeal numbered number into *id: 0, 1 when there is none, -1. */
int db_appeal_id_by_number(struct db *db, const char *number, long long *id);

/* The start and the state of meeting (an appeal handed in there): 0, 1 when there is no such
 * meeting, -1. */
int db_appeal_meeting(struct db *db, struct arena *a, long long meeting, time_t *starts_at,
		      const char **status);

/* The meetings that took place in [since, until], latest first (at most 100): 0 or -1. */
int db_appeal_meeting_options(struct db *db, struct arena *a, time_t since, time_t until,
			      struct appeal_meeting_option **out, size_t *count);

/* The addresses of the active media contacts of the municipality of appeal and of its district
 * (a district newspaper covers its settlements), each once, in the media list's order: 0 or
 * -1. */
int db_appeal_media_addresses(struct db *db, struct arena *a, long long appeal, const char ***out,
			      size_t *count);

/* The appeals of territory and the territories below it registered since (topics by count,
 * states by count), and its limit oldest open ones: 0 or -1. */
int db_territory_appeal_topics(struct db *db, struct arena *a, long long territory, time_t since,
			       struct territory_appeal_topic **out, size_t *count);
int db_territory_appeal_states(struct db *db, struct arena *a, long long territory, time_t since,
			       struct territory_appeal_state **out, size_t *count);
int db_territory_appeal_oldest(struct db *db, struct arena *a, long long territory, int limit,
			       struct territory_appeal_open **out, size_t *count);

/* The yearly analysis: the groups of the appeals registered in year and the year before (of
 * municipality body, 0: of every one); offset is the UTC offset of local time in seconds, today
 * "YYYY-MM-DD" (local). 0 or -1. */
int db_appeal_cube(struct db *db, struct arena *a, int year, long long offset, const char *today,
		   long long body, struct appeal_cube_row **out, size_t *count);
int db_appeal_residents(struct db *db, struct arena *a, int year, long long body,
			struct appeal_resident_row **out, size_t *count);

/* In the caller's write transaction: the next appeal.seq of year, and the next number of the
 * registry of municipality body of year, into *next. 0 or -1. */
int db_appeal_seq_next(struct db *db, int year, long long *next);
int db_appeal_body_number_next(struct db *db, int year, long long body, long long *next);

/* Store the appeal r, its id into *id. 0 or -1. */
int db_appeal_insert(struct db *db, const struct appeal_record *r, long long *id);

/* The municipality of territory and of meeting into *body: 0, 1 when there is no such
 * territory or meeting, -1. */
int db_appeal_territory_body(struct db *db, long long territory, long long *body);
int db_appeal_meeting_body(struct db *db, long long meeting, long long *body);

/* The state of the search index: the last appeal indexed and the last of the next batch (at
 * most 2,000 appeals; NULL read as 0 when none waits). 0 or -1. */
int db_appeal_search_pending(struct db *db, long long *indexed, long long *last);

/* The steps of 59-ФЗ on appeal id, in the caller's write transaction, each only while the
 * appeal is open (publish: once answered; extend: once): assign a unit and an executor (in
 * work), forward to another body, extend by days to answer_due "YYYY-MM-DD", answer, close
 * without an answer on the merits with outcome (repeated_of, 0: none), publish the answer's
 * public version. 0 when the appeal changed, 1 when its state does not allow the step, -1 on a
 * database error (logged). */
int db_appeal_assign(struct db *db, long long id, const char *unit, long long executor);
int db_appeal_forward(struct db *db, long long id, const char *to, time_t now);
int db_appeal_extend(struct db *db, long long id, int days, const char *reason,
		     const char *answer_due);
int db_appeal_answer(struct db *db, long long id, const char *answer, time_t now);
int db_appeal_close(struct db *db, long long id, const char *outcome, time_t now,
		    long long repeated_of);
int db_appeal_publish(struct db *db, long long id, const char *question, const char *answer,
		      time_t now);

#endif
