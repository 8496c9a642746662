/* appeal_rules.c — the deadlines of 59-ФЗ (see appeal_rules.h). */
#include "appeal_rules.h"

#include <string.h>

int appeal_day_off_parse(const char *s)
{
	if (strcmp(s, "previous") == 0)
		return APPEAL_DAY_OFF_PREVIOUS;
	if (strcmp(s, "next") == 0)
		return APPEAL_DAY_OFF_NEXT;
	if (strcmp(s, "keep") == 0)
		return APPEAL_DAY_OFF_KEEP;
	return -1;
}

struct civil_date appeal_deadline(const struct workcal *cal, struct civil_date start, int days,
				  enum appeal_day_off policy, int *uncovered)
{
	struct civil_date last = civil_date_add_days(start, days);
	if (uncovered)
		*uncovered = 0;
	if (policy == APPEAL_DAY_OFF_KEEP || workdays_is_working(cal, last)) {
		if (uncovered && !workdays_covered(cal, last.year))
			*uncovered = last.year;
		return last;
	}
	/* The working day before or after: workdays_add skips the day itself. */
	return workdays_add(cal, last, policy == APPEAL_DAY_OFF_PREVIOUS ? -1 : 1, uncovered);
}

struct appeal_dates appeal_due_dates(const struct workcal *cal, struct civil_date received,
				     struct civil_date registered, int extension_days,
				     enum appeal_day_off policy)
{
	struct appeal_dates d;
	d.register_by = appeal_deadline(cal, received, APPEAL_REGISTER_DAYS, policy, NULL);
	d.forward_by = appeal_deadline(cal, registered, APPEAL_FORWARD_DAYS, policy, NULL);
	d.answer_by = appeal_deadline(cal, registered, APPEAL_ANSWER_DAYS + extension_days, policy,
				      NULL);
	return d;
}

int appeal_days_left(struct civil_date today, struct civil_date due)
{
	return (int)civil_date_diff(due, today);
}
