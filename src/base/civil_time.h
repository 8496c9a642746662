/* civil_time.h — calendar dates and the municipality's time zone. Times are stored as UTC seconds
 * and shown, filtered and counted in the one local zone the configuration names. */
#ifndef PORTAL_CIVIL_TIME_H
#define PORTAL_CIVIL_TIME_H

#include <stdbool.h>
#include <time.h>

struct civil_date {
	int year;  /* 1900..2999 */
	int month; /* 1..12 */
	int day;   /* 1..days in month */
};

/* Days in a month of the proleptic Gregorian calendar. */
int civil_days_in_month(int year, int month);

/* Parse exactly "YYYY-MM-DD" naming a real date; false otherwise. */
bool civil_date_parse(const char *s, struct civil_date *out);

/* Parse exactly "YYYY-MM-DDTHH:MM" (what <input type="datetime-local"> sends). */
bool civil_datetime_parse(const char *s, struct civil_date *date, int *hour, int *minute);

/* Add days to a date (negative goes back). */
struct civil_date civil_date_add_days(struct civil_date d, int days);

/* The number of days from b to a (negative when a is before b). */
long civil_date_diff(struct civil_date a, struct civil_date b);

/* Negative, zero or positive as a is before, equal to or after b. */
int civil_date_compare(struct civil_date a, struct civil_date b);

/* Make zone (an IANA name such as "Asia/Yekaterinburg") the process's local zone.
 * -1 when the zone is unknown: glibc would silently fall back to UTC, which would shift every
 * deadline by hours, so start-up must refuse instead. */
int tz_set(const char *zone);

/* True when zone names a compiled zone of the system's database (the checks of tz_set, without
 * changing the process's zone): a municipality's zone typed by staff. */
bool tz_known(const char *zone);

/* The UTC instant of a local wall-clock time in the configured zone. */
time_t tz_local_to_utc(struct civil_date date, int hour, int minute);

/* The local broken-down time of a UTC instant. */
void tz_utc_to_local(time_t t, struct tm *out);

/* The local calendar date of a UTC instant. */
struct civil_date tz_local_date(time_t t);

#endif
