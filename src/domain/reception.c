/* reception.c — the slots of a personal reception (whole slots of slot_minutes from the start)
 * and the dates of a reception schedule by the production calendar. */
#include <string.h>

#include "reception.h"
#include "series.h"

size_t reception_slot_count(time_t starts_at, time_t ends_at, int slot_minutes)
{
	if (slot_minutes <= 0 || ends_at <= starts_at)
		return 0;
	return (size_t)((ends_at - starts_at) / ((time_t)slot_minutes * 60));
}

time_t reception_slot_at(time_t starts_at, int slot_minutes, size_t index)
{
	return starts_at + (time_t)index * slot_minutes * 60;
}

bool reception_slot_valid(time_t starts_at, time_t ends_at, int slot_minutes, time_t slot_at)
{
	if (slot_minutes <= 0 || slot_at < starts_at)
		return false;
	time_t step = (time_t)slot_minutes * 60;
	if ((slot_at - starts_at) % step != 0)
		return false;
	return (size_t)((slot_at - starts_at) / step) < reception_slot_count(starts_at, ends_at,
									      slot_minutes);
}

int reception_rule_parse(const char *code)
{
	if (code == NULL)
		return -1;
	for (int r = RECEPTION_WEEKLY; r <= RECEPTION_MONTHLY; r++)
		if (strcmp(code, reception_rule_code((enum reception_rule)r)) == 0)
			return r;
	return -1;
}

const char *reception_rule_code(enum reception_rule rule)
{
	switch (rule) {
	case RECEPTION_BIWEEKLY:
		return "biweekly";
	case RECEPTION_MONTHLY:
		return "monthly";
	case RECEPTION_WEEKLY:
	default:
		return "weekly";
	}
}

/* True when d is a day nobody receives on: a public holiday or a transferred day off (a plain
 * Saturday or Sunday chosen for a reception stays a reception day). */
static bool no_reception_day(const struct workcal *cal, struct civil_date d)
{
	if (workdays_law_holiday(d))
		return true;
	enum workday_type t = workdays_type(cal, d);
	return t == WORKDAY_HOLIDAY || t == WORKDAY_DAY_OFF;
}

size_t reception_schedule_dates(const struct workcal *cal, enum reception_rule rule, int weekday,
				int ordinal, struct civil_date first, struct civil_date last,
				struct civil_date *out, size_t max, struct civil_date *moved,
				size_t moved_max, size_t *moved_count)
{
	struct civil_date base[RECEPTION_SCHEDULE_SCAN];
	size_t total = rule == RECEPTION_MONTHLY
			       ? series_monthly(first, last, weekday, ordinal, base,
						RECEPTION_SCHEDULE_SCAN)
			       : series_weekly(first, last, weekday, base, RECEPTION_SCHEDULE_SCAN);
	*moved_count = 0;
	if (total > RECEPTION_SCHEDULE_SCAN)
		return RECEPTION_SCHEDULE_SCAN;
	size_t n = 0;
	for (size_t i = 0; i < total; i += rule == RECEPTION_BIWEEKLY ? 2 : 1) {
		struct civil_date d = base[i];
		if (no_reception_day(cal, d)) {
			if (moved && *moved_count < moved_max)
				moved[*moved_count] = d;
			(*moved_count)++;
			if (rule != RECEPTION_MONTHLY)
				continue;
			struct civil_date next = civil_date_add_days(d, 1);
			while (next.month == d.month && !workdays_is_working(cal, next))
				next = civil_date_add_days(next, 1);
			if (next.month != d.month || civil_date_compare(next, last) > 0)
				continue;
			d = next;
		}
		if (n < max)
			out[n] = d;
		n++;
	}
	return n;
}
