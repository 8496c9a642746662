/* series.h — the dates of a recurring series of meetings: "every first Tuesday", "every
 * Wednesday", within a period. Pure functions of the calendar (tests/unit/test_series.c). */
#ifndef PORTAL_SERIES_H
#define PORTAL_SERIES_H

#include <stddef.h>

#include "civil_time.h"

#define SERIES_LAST 5 /* ordinal meaning "the last such weekday of the month" */

/* ISO weekday of a date: 1 Monday … 7 Sunday. */
int series_weekday(struct civil_date d);

/* Every date from first to last (inclusive) that falls on weekday (1..7), in order. At most max
 * are written; the return value is how many there are in all, so a caller can refuse a period
 * that makes too many. */
size_t series_weekly(struct civil_date first, struct civil_date last, int weekday,
		     struct civil_date *out, size_t max);

/* In every month of [first, last], the ordinal-th (1..4, or SERIES_LAST) weekday of the month,
 * when it falls inside the period. Same contract for max and the return value. */
size_t series_monthly(struct civil_date first, struct civil_date last, int weekday, int ordinal,
		      struct civil_date *out, size_t max);

#endif
