/* discussion_view.h — a public discussion of a draft (issue 20) as both its public page and its
 * staff page show it: the draft, its period and state, proposals and their authors' names. */
#ifndef PORTAL_DISCUSSION_VIEW_H
#define PORTAL_DISCUSSION_VIEW_H

#include <stdbool.h>
#include <time.h>

#include "civil_time.h"
#include "http.h"
#include "template.h"

enum discussion_state { DISCUSSION_UPCOMING, DISCUSSION_OPEN, DISCUSSION_CLOSED };

struct discussion {
	long long id;
	const char *title, *unit, *body, *form, *territory, *conclusion, *meeting_title;
	long long meeting_id;
	time_t meeting_starts_at;
	struct civil_date opens_on, closes_on;
	bool concluded;
	time_t concluded_at;
	enum discussion_state state; /* by the local date of the request; concluded is closed */
};

/* Load discussion id into d. 0 found, 1 no such discussion, -1 database error. */
int discussion_load(struct request *req, long long id, struct discussion *d);

/* Set the draft's keys in t: ID, TITLE, UNIT, TERRITORY (or «всё муниципальное образование»),
 * PERIOD («с 1 декабря 2026 г. по 15 декабря 2026 г.»), the state as section OPEN, UPCOMING or
 * CLOSED, GROUPS with NAMES («„Бизнес“, „Молодёжь“») when reference groups take part, the form (ONLINE, or HEARING with MEETING_ID, MEETING_TITLE, MEETING_WHEN), and one
 * PARAGRAPH section per non-empty line of the draft's text (LINE), and FILES with a FILE (ID,
 * NAME, ABOUT «PDF, 12 КБ») per file of the draft. 0, or -1 on a database error. */
int discussion_set(struct request *req, tpl_dict *t, const struct discussion *d);

/* How a proposal's author is shown: the name as signed for 'full'; for 'initials' the first
 * word whole and each further word as its first letter and a dot («Иванова М. П.»). */
const char *discussion_author(struct request *req, const char *name, const char *show_as);

/* The outcome in Russian: «учтено», «учтено частично», «отклонено»; "" for NULL or unknown. */
const char *discussion_outcome_label(const char *outcome);

/* The drafts discussed at public hearing meeting_id, as DISCUSSION sections of t (ID, TITLE,
 * and CONCLUDED when the conclusion is published): the meeting's page and its protocol link
 * to them. -1 on a database error. */
int discussion_links(struct request *req, tpl_dict *t, long long meeting_id);

#endif
