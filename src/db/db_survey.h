/* db_survey.h — the storage of surveys of residents (issue 20): their statements (SQL in
 * db_survey.c) and the readers that return them as structs. Text is copied into the arena
 * given; dates stay "YYYY-MM-DD" text for the view to parse. The writes (a new survey with its
 * questions, options and groups; the answers) are bound in place by page_admin_surveys.c and
 * page_surveys.c. */
#ifndef PORTAL_DB_SURVEY_H
#define PORTAL_DB_SURVEY_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "arena.h"
#include "db.h"

/* A survey (STMT_SURVEY_GET). */
struct survey_row {
	const char *title, *intro, *audience;
	const char *territory; /* its name, "" unless the audience is a territory */
	const char *opens_on, *closes_on, *results, *preset; /* preset "" when none */
};

/* A survey in the lists, newest period first (STMT_SURVEY_LIST). */
struct survey_item {
	long long id;
	const char *title, *opens_on, *closes_on, *audience, *territory, *results;
	long long responses;
};

/* A question of a survey (STMT_SURVEY_QUESTIONS). */
struct survey_question_row {
	long long id;
	int position;
	const char *kind, *text;
	bool required;
};

/* An option of a choice question (STMT_SURVEY_OPTIONS). */
struct survey_option_row {
	long long question_id;
	int position; /* 1-based */
	const char *label;
};

/* A reference group a survey is for (STMT_SURVEY_GROUPS). */
struct survey_group {
	long long id;
	const char *name;
};

/* A stored answer of one respondent (STMT_SURVEY_MY_ANSWERS). */
struct survey_my_answer {
	long long question_id;
	int choice;         /* 1-based option or scale value; 0 for a free text */
	const char *text;   /* "" for a choice */
	time_t updated_at;  /* when the response was last sent */
};

/* How many answers chose choice of question (STMT_SURVEY_COUNTS; choice 0: free texts). */
struct survey_tally {
	long long question_id;
	int choice;
	long long answers;
};

/* How many responses answered question (STMT_SURVEY_ANSWERED). */
struct survey_answered {
	long long question_id;
	long long responses;
};

/* A free-text answer, for staff only (STMT_SURVEY_TEXTS). */
struct survey_text {
	long long question_id;
	const char *text;
};

/* The personal links of a reference-group survey (STMT_SURVEY_LINK_STATS). */
struct survey_link_stats {
	bool announced;      /* the links were mailed */
	time_t announced_at;
	long long links, answered;
};

/* Survey id: 0 with *out, 1 when there is none, -1 on a database error. */
int db_survey_get(struct db *db, struct arena *a, long long id, struct survey_row *out);

/* The lists of survey id (questions and options in their order) and every survey: 0 with
 * *out and *count, -1 on a database error. */
int db_survey_list(struct db *db, struct arena *a, struct survey_item **out, size_t *count);
/* The same for a staff account: the surveys of its body scope only (STAFF_SCOPE_SQL; 0: all). */
int db_survey_list_scoped(struct db *db, struct arena *a, long long scope,
			  struct survey_item **out, size_t *count);
int db_survey_questions(struct db *db, struct arena *a, long long id,
			struct survey_question_row **out, size_t *count);
int db_survey_options(struct db *db, struct arena *a, long long id,
		      struct survey_option_row **out, size_t *count);
int db_survey_groups(struct db *db, struct arena *a, long long id, struct survey_group **out,
		     size_t *count);
int db_survey_counts(struct db *db, struct arena *a, long long id, struct survey_tally **out,
		     size_t *count);
int db_survey_answered(struct db *db, struct arena *a, long long id,
		       struct survey_answered **out, size_t *count);
int db_survey_texts(struct db *db, struct arena *a, long long id, struct survey_text **out,
		    size_t *count);

/* The answers to survey id of resident or of participant link (the other 0): 0 with *out and
 * *count (none: 0 rows), -1 on a database error. */
int db_survey_my_answers(struct db *db, struct arena *a, long long id, long long resident,
			 long long link, struct survey_my_answer **out, size_t *count);

/* The number of responses to survey id into *responses: 0, -1 on a database error. */
int db_survey_responses(struct db *db, long long id, long long *responses);

/* Whether a survey of preset exists: 1, 0, -1 on a database error. */
int db_survey_preset_exists(struct db *db, const char *preset);

/* The links of survey id: 0 with *out, 1 when there is no such survey, -1 on a database
 * error. */
int db_survey_link_stats(struct db *db, long long id, struct survey_link_stats *out);

/* In the caller's write transaction: the response of resident (or, by_link, of participant
 * link respondent) to survey id, new or existing, its answers to be replaced: 0 with *response
 * and *sent (the times sent within the hour's window), -1 on a database error. */
int db_survey_respond(struct db *db, bool by_link, long long id, long long respondent, time_t now,
		      long long *response, long long *sent);

#endif
