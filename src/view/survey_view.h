/* survey_view.h — a survey of residents (issue 20) as its public page, its staff page and their
 * CSV downloads show it: the survey, its questions with their options, and the results as
 * report tables (src/admin/reports/report.h), each drawn as a bar chart beside its figures. */
#ifndef PORTAL_SURVEY_VIEW_H
#define PORTAL_SURVEY_VIEW_H

#include <stdbool.h>

#include "civil_time.h"
#include "http.h"
#include "report.h"
#include "template.h"

#define SURVEY_MAX_QUESTIONS 20 /* FIELD_ANSWER_1 … FIELD_ANSWER_20 */
#define SURVEY_MAX_OPTIONS 20
#define SURVEY_SCALE_MAX 5      /* the scale runs 1 … 5 */

enum survey_state { SURVEY_UPCOMING, SURVEY_OPEN, SURVEY_CLOSED };

struct survey_question {
	long long id;
	int position;              /* 1-based: the answer's field is q<position> */
	const char *kind;          /* single, multiple, scale, text */
	const char *text;
	bool required;
	const char *options[SURVEY_MAX_OPTIONS]; /* choice questions: the labels, option k+1 */
	int option_count;
};

struct survey {
	long long id;
	const char *title, *intro, *audience, *territory, *results, *preset;
	struct civil_date opens_on, closes_on;
	enum survey_state state;   /* by the local date of the request */
	struct survey_question questions[SURVEY_MAX_QUESTIONS];
	int question_count;
};

/* Load survey id with its questions and options into s. 0 found, 1 no such survey, -1 on a
 * database error. */
int survey_load(struct request *req, long long id, struct survey *s);

/* Whether everyone may see the results now: the survey is over, or staff chose live results. */
bool survey_results_public(const struct survey *s);

/* Set the survey's keys in t: ID, TITLE, INTRO paragraphs (INTRO/LINE), PERIOD, OPENS_ON,
 * CLOSES_ON, the state as section OPEN, UPCOMING or CLOSED, AUDIENCE in words («все жители»,
 * «жители: Центральный микрорайон», «участники референтных групп „Бизнес“»), and RESULTS_WHEN
 * («после окончания опроса» or «во время опроса»). 0, or -1 on a database error. */
int survey_set(struct request *req, tpl_dict *t, const struct survey *s);

/* The results of s as a report: one table per choice or scale question (answer, answers,
 * share of those who answered the question; the answers column charted), a first table with the
 * number of responses; with_texts (staff only) adds one table per free-text question listing
 * its answers. 0, or -1 on a database error. */
int survey_report(struct request *req, const struct survey *s, bool with_texts,
		  struct report *r);

/* The question kinds in Russian («один вариант», «несколько вариантов», «оценка от 1 до 5»,
 * «свободный ответ»); NULL for an unknown code. */
const char *survey_kind_label(const char *kind);

#endif
