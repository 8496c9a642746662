/* workdays.h — working days by the Russian production calendar: weekends, the public holidays of
 * art. 112 of the Labour Code and the yearly transfers of days off set by government decree
 * (sql/008_production_calendar.sql, edited on /admin/calendar). The calendar is read from the
 * database into a small sorted table; everything else is a pure function of that table.
 *
 * A year without a calendar_year row is not covered: its days fall back to Monday–Friday minus
 * the fixed holidays of art. 112 (1–8 January, 23 February, 8 March, 1 and 9 May, 12 June,
 * 4 November), without any transfer. Every function that counts reports such a year to its caller
 * (*uncovered) so a page can warn that the result may be off by the transfers. */
#ifndef PORTAL_WORKDAYS_H
#define PORTAL_WORKDAYS_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "civil_time.h"
#include "db.h"

/* What a stored day is (calendar_day.kind). */
enum workday_kind {
	WORKDAY_KIND_HOLIDAY, /* 'holiday': a non-working public holiday */
	WORKDAY_KIND_DAY_OFF, /* 'day_off': a weekday made a day off by a transfer */
	WORKDAY_KIND_WORKING, /* 'working': a Saturday or Sunday made a working day */
	WORKDAY_KIND_SHORT,   /* 'short': a working day one hour shorter (before a holiday) */
};

/* The code stored in calendar_day.kind, and back; -1 for an unknown code. */
const char *workday_kind_code(enum workday_kind kind);
int workday_kind_parse(const char *code);

struct workday_entry {
	int key; /* year * 10000 + month * 100 + day */
	enum workday_kind kind;
};

/* The calendar: covered years and the stored days, each sorted ascending. */
struct workcal {
	const int *years;
	size_t year_count;
	const struct workday_entry *days;
	size_t day_count;
};

/* Read calendar_year and calendar_day (STMT_CALENDAR_YEARS, STMT_CALENDAR_DAYS) into cal, the
 * arrays allocated in a. -1 on a database error or an unknown kind. */
int workdays_load(struct db *db, struct arena *a, struct workcal *cal);

/* The calendar as workdays_load reads it, kept by this process and read again only when the
 * reference data changed (db_reference_version): every appeal computes its deadline with it,
 * and a change on /admin/calendar applies to the next request of every worker. *cal points
 * into the kept copy, valid until the next call. -1 on a database error. */
int workdays_current(struct db *db, struct workcal *cal);

/* True when the calendar has the year (a calendar_year row). */
bool workdays_covered(const struct workcal *cal, int year);

/* True for the fixed non-working holidays of art. 112 part 1 (any year). */
bool workdays_law_holiday(struct civil_date d);

/* How a date is treated. */
enum workday_type {
	WORKDAY_WORKING,  /* an ordinary working day, or a weekend day made working */
	WORKDAY_SHORT,    /* a working day one hour shorter */
	WORKDAY_WEEKEND,  /* Saturday or Sunday */
	WORKDAY_HOLIDAY,  /* a non-working public holiday */
	WORKDAY_DAY_OFF,  /* a weekday that is a day off by a transfer */
};
enum workday_type workdays_type(const struct workcal *cal, struct civil_date d);

/* True when d is a working day (WORKDAY_WORKING or WORKDAY_SHORT). A holiday of art. 112 is
 * never working, whatever is stored. */
bool workdays_is_working(const struct workcal *cal, struct civil_date d);

/* The n-th working day after d (n > 0; d itself is not counted, whatever it is), or before d
 * (n < 0); d unchanged for n = 0. So the due date of "within 5 working days after the meeting on
 * day M" is workdays_add(cal, M, 5, …). |n| is at most 3660. */
struct civil_date workdays_add(const struct workcal *cal, struct civil_date d, int n,
			       int *uncovered);

/* The number of working days in the half-open span (from, to]: from excluded, to included, so
 * workdays_count(cal, d, workdays_add(cal, d, n, …), …) == n for n >= 0. Negative, -count(to, from), when to
 * is before from; 0 when they are equal. The span is at most 10 years. */
int workdays_count(const struct workcal *cal, struct civil_date from, struct civil_date to,
		   int *uncovered);

/* *uncovered of workdays_add and workdays_count (may be NULL): set to the year of the first day
 * examined that the calendar does not cover (its result used the fallback for that year), or 0
 * when every day examined was covered. */

#endif
