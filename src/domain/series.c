/* series.c — dates of recurring meetings (see series.h). */
#include "series.h"

int series_weekday(struct civil_date d)
{
	/* Zeller's congruence, with January and February as months 13 and 14 of the year before. */
	int y = d.year, m = d.month;
	if (m < 3) {
		m += 12;
		y--;
	}
	int k = y % 100, j = y / 100;
	int h = (d.day + 13 * (m + 1) / 5 + k + k / 4 + j / 4 + 5 * j) % 7; /* 0 Saturday */
	return (h + 5) % 7 + 1;
}

/* Record d when it is inside the caller's room. */
static void emit(struct civil_date d, struct civil_date *out, size_t max, size_t *count)
{
	if (*count < max)
		out[*count] = d;
	(*count)++;
}

size_t series_weekly(struct civil_date first, struct civil_date last, int weekday,
		     struct civil_date *out, size_t max)
{
	size_t count = 0;
	if (weekday < 1 || weekday > 7 || civil_date_compare(first, last) > 0)
		return 0;
	int shift = (weekday - series_weekday(first) + 7) % 7;
	for (struct civil_date d = civil_date_add_days(first, shift); civil_date_compare(d, last) <= 0;
	     d = civil_date_add_days(d, 7))
		emit(d, out, max, &count);
	return count;
}

size_t series_monthly(struct civil_date first, struct civil_date last, int weekday, int ordinal,
		      struct civil_date *out, size_t max)
{
	size_t count = 0;
	if (weekday < 1 || weekday > 7 || ordinal < 1 || ordinal > SERIES_LAST ||
	    civil_date_compare(first, last) > 0)
		return 0;
	int year = first.year, month = first.month;
	while (year < last.year || (year == last.year && month <= last.month)) {
		struct civil_date d;
		if (ordinal == SERIES_LAST) {
			struct civil_date end = {year, month, civil_days_in_month(year, month)};
			d = civil_date_add_days(end, -((series_weekday(end) - weekday + 7) % 7));
		} else {
			struct civil_date start = {year, month, 1};
			int shift = (weekday - series_weekday(start) + 7) % 7 + 7 * (ordinal - 1);
			d = civil_date_add_days(start, shift);
		}
		if (d.month == month && civil_date_compare(d, first) >= 0 &&
		    civil_date_compare(d, last) <= 0)
			emit(d, out, max, &count);
		if (++month == 13) {
			month = 1;
			year++;
		}
	}
	return count;
}
