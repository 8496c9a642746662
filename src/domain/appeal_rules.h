/* appeal_rules.h — the deadlines of Federal Law 59-ФЗ «О порядке рассмотрения обращений
 * граждан», as pure functions of local dates and the production calendar (src/domain/workdays.h):
 *   art. 8 part 2   an appeal is registered within 3 days of its receipt;
 *   art. 8 part 3   one outside the body's competence is forwarded within 7 days of
 *                   registration, with notice to the applicant;
 *   art. 12 part 1  it is answered within 30 days of registration;
 *   art. 12 part 2  the term may be extended once by up to 30 days, with notice;
 *   art. 11 part 4  an unreadable appeal gets no answer, and a notice within 7 days.
 * The law counts calendar days. When the last day falls on a day off, what happens is the
 * municipality's choice ([appeals] deadline_on_day_off, README «Обращения»): the working day
 * before it (the default: the answer is never late by any reading), the working day after it
 * (as the Civil Code art. 193 moves civil terms), or the day itself. */
#ifndef PORTAL_APPEAL_RULES_H
#define PORTAL_APPEAL_RULES_H

#include <stdbool.h>

#include "civil_time.h"
#include "workdays.h"

#define APPEAL_REGISTER_DAYS 3
#define APPEAL_FORWARD_DAYS 7
#define APPEAL_ANSWER_DAYS 30
#define APPEAL_EXTENSION_MAX_DAYS 30
#define APPEAL_UNREADABLE_NOTICE_DAYS 7

enum appeal_day_off {
	APPEAL_DAY_OFF_PREVIOUS, /* the working day before */
	APPEAL_DAY_OFF_NEXT,     /* the working day after */
	APPEAL_DAY_OFF_KEEP,     /* the day itself */
};

/* "previous", "next", "keep" → the policy; -1 for anything else. */
int appeal_day_off_parse(const char *s);

/* The last day of a term of days calendar days from start (start + days), moved by policy when
 * that day is not a working day. *uncovered as in workdays_add (may be NULL). */
struct civil_date appeal_deadline(const struct workcal *cal, struct civil_date start, int days,
				  enum appeal_day_off policy, int *uncovered);

/* The deadlines of one appeal. */
struct appeal_dates {
	struct civil_date register_by; /* from the receipt */
	struct civil_date forward_by;  /* from the registration */
	struct civil_date answer_by;   /* from the registration, with the extension */
};

/* extension_days: 0, or the one extension of 1..APPEAL_EXTENSION_MAX_DAYS. */
struct appeal_dates appeal_due_dates(const struct workcal *cal, struct civil_date received,
				     struct civil_date registered, int extension_days,
				     enum appeal_day_off policy);

/* Days from today to due: 0 on the last day, negative when overdue. */
int appeal_days_left(struct civil_date today, struct civil_date due);

#endif
