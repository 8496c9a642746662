/* db_instruction.h — the storage of instructions: their statements (SQL in db_instruction.c)
 * and the readers that return them as structs, for the staff control of instructions and the
 * public results of a meeting. Text is copied into the arena given. */
#ifndef PORTAL_DB_INSTRUCTION_H
#define PORTAL_DB_INSTRUCTION_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "arena.h"
#include "db.h"

/* A row of the staff list (STMT_INSTRUCTION_LIST). */
struct instruction_summary {
	long long id;
	const char *text, *unit, *due_on, *status;
	const char *executor;      /* name */
	long long meeting_id;      /* of its protocol, 0 for one given on an appeal */
	const char *meeting_title; /* "" when none */
	const char *appeal_number; /* "" when none */
};

/* What the list shows: each filter 0 or NULL for none. */
struct instruction_filter {
	long long executor;     /* executed by */
	long long involved;     /* executed or controlled by */
	const char *due_by;     /* open ones due on or before 'YYYY-MM-DD' */
	const char *due_from;   /* with due_by: and on or after */
	long long meeting;      /* of the protocol of that meeting */
	long long limit, offset;
	long long scope;        /* the staff account's body (STAFF_SCOPE_SQL), 0: everything */
};

/* One instruction (STMT_INSTRUCTION_GET). */
struct instruction_detail {
	long long id;
	const char *text, *unit, *due_on, *status, *report, *reason; /* "" when none */
	long long executor_id, controller_id;
	const char *executor, *controller; /* names */
	bool from_meeting;                 /* of a protocol: meeting_id, meeting_title */
	long long meeting_id;
	const char *meeting_title;
	long long appeal_id;       /* 0 when not given on an appeal */
	const char *appeal_number; /* "" when none */
	time_t created_at;
	bool in_force;             /* not of an unsigned protocol */
	const char *executor_email, *controller_email;
	long long protocol_id;     /* 0 when given on an appeal */
};

/* A step of its history, oldest first (STMT_INSTRUCTION_EVENTS). */
struct instruction_event {
	time_t at;
	const char *by; /* the staff member's name, "" for the system */
	const char *status, *note;
};

/* An instruction of a signed protocol as the site shows it (STMT_INSTRUCTION_PUBLIC): no
 * executor, no controller. */
struct instruction_public {
	const char *text, *unit, *due_on, *status;
};

/* A meeting whose signed protocol gives instructions: the list's filter
 * (STMT_INSTRUCTION_MEETINGS), newest first. */
struct instruction_meeting {
	long long id;
	const char *title;
	time_t starts_at;
};

/* The instructions in force matching f, open ones first, by due date: 0 with *out and *count,
 * -1 on a database error. */
int db_instruction_list(struct db *db, struct arena *a, const struct instruction_filter *f,
			struct instruction_summary **out, size_t *count);

/* Instruction id: 0, 1 when there is none, -1 on a database error. */
int db_instruction_get(struct db *db, struct arena *a, long long id,
		       struct instruction_detail *out);

/* The lists: 0 with *out and *count, -1 on a database error. The meetings of signed protocols
 * are those of the staff account's body scope (STAFF_SCOPE_SQL; 0: every one). */
int db_instruction_events(struct db *db, struct arena *a, long long id,
			  struct instruction_event **out, size_t *count);
int db_instruction_public(struct db *db, struct arena *a, long long meeting,
			  struct instruction_public **out, size_t *count);
int db_instruction_meetings(struct db *db, struct arena *a, long long scope,
			    struct instruction_meeting **out, size_t *count);

#endif
