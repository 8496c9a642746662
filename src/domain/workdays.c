/* workdays.c — working days by the production calendar (see workdays.h). */
#include "workdays.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_meeting_staff.h"
#include "db_reference.h"
#include "series.h"

#define MAX_STEP_DAYS 3660      /* workdays_add: about ten years of working days */
#define MAX_SPAN_DAYS (366 * 10) /* workdays_count */

static const char *const kind_codes[] = {
	[WORKDAY_KIND_HOLIDAY] = "holiday",
	[WORKDAY_KIND_DAY_OFF] = "day_off",
	[WORKDAY_KIND_WORKING] = "working",
	[WORKDAY_KIND_SHORT] = "short",
};

const char *workday_kind_code(enum workday_kind kind)
{
	return kind_codes[kind];
}

int workday_kind_parse(const char *code)
{
	for (size_t i = 0; code != NULL && i < sizeof kind_codes / sizeof kind_codes[0]; i++)
		if (strcmp(kind_codes[i], code) == 0)
			return (int)i;
	return -1;
}

static int date_key(struct civil_date d)
{
	return d.year * 10000 + d.month * 100 + d.day;
}

int workdays_load(struct db *db, struct arena *a, struct workcal *cal)
{
	memset(cal, 0, sizeof *cal);
	struct calendar_year_row *year_rows;
	size_t n;
	if (db_calendar_years(db, a, &year_rows, &n) < 0)
		return -1;
	int *years = arena_alloc(a, (n ? n : 1) * sizeof *years);
	for (size_t i = 0; i < n; i++)
		years[i] = year_rows[i].year;
	cal->years = years;
	cal->year_count = n;

	struct calendar_day_row *rows;
	if (db_calendar_days(db, a, &rows, &n) < 0)
		return -1;
	struct workday_entry *days = arena_alloc(a, (n ? n : 1) * sizeof *days);
	for (size_t i = 0; i < n; i++) {
		struct civil_date d;
		int kind = workday_kind_parse(rows[i].kind);
		if (!civil_date_parse(rows[i].day, &d) || kind < 0) {
			fprintf(stderr, "calendar: bad row %s\n", rows[i].day);
			return -1;
		}
		days[i].key = date_key(d);
		days[i].kind = (enum workday_kind)kind;
	}
	cal->days = days;
	cal->day_count = n;
	return 0;
}

int workdays_current(struct db *db, struct workcal *cal)
{
	/* Kept per process until the reference data moves (the calendar is part of it). */
	static struct reference_copy copy;
	static struct workcal kept;
	int stale = reference_copy_stale(db, &copy, 4096);
	if (stale < 0)
		return -1;
	if (stale > 0) {
		if (workdays_load(db, &copy.arena, &kept) < 0)
			return -1;
		reference_copy_filled(db, &copy);
	}
	*cal = kept;
	return 0;
}

static int compare_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

bool workdays_covered(const struct workcal *cal, int year)
{
	return cal->year_count > 0 &&
	       bsearch(&year, cal->years, cal->year_count, sizeof *cal->years, compare_int) != NULL;
}

static int compare_entry(const void *key, const void *entry)
{
	int x = *(const int *)key, y = ((const struct workday_entry *)entry)->key;
	return (x > y) - (x < y);
}

static const struct workday_entry *find_day(const struct workcal *cal, struct civil_date d)
{
	int key = date_key(d);
	return cal->day_count == 0 ? NULL
				   : bsearch(&key, cal->days, cal->day_count, sizeof *cal->days,
					     compare_entry);
}

bool workdays_law_holiday(struct civil_date d)
{
	switch (d.month) {
	case 1:
		return d.day <= 8;
	case 2:
		return d.day == 23;
	case 3:
		return d.day == 8;
	case 5:
		return d.day == 1 || d.day == 9;
	case 6:
		return d.day == 12;
	case 11:
		return d.day == 4;
	default:
		return false;
	}
}

enum workday_type workdays_type(const struct workcal *cal, struct civil_date d)
{
	if (workdays_law_holiday(d))
		return WORKDAY_HOLIDAY;
	bool weekend = series_weekday(d) >= 6;
	/* Days are stored only for covered years (a foreign key to calendar_year). */
	const struct workday_entry *e = find_day(cal, d);
	if (e == NULL)
		return weekend ? WORKDAY_WEEKEND : WORKDAY_WORKING;
	switch (e->kind) {
	case WORKDAY_KIND_HOLIDAY:
		return WORKDAY_HOLIDAY;
	case WORKDAY_KIND_DAY_OFF:
		return weekend ? WORKDAY_WEEKEND : WORKDAY_DAY_OFF;
	case WORKDAY_KIND_WORKING:
		return WORKDAY_WORKING;
	case WORKDAY_KIND_SHORT:
		return WORKDAY_SHORT;
	}
	return weekend ? WORKDAY_WEEKEND : WORKDAY_WORKING;
}

bool workdays_is_working(const struct workcal *cal, struct civil_date d)
{
	enum workday_type t = workdays_type(cal, d);
	return t == WORKDAY_WORKING || t == WORKDAY_SHORT;
}

/* Note the first uncovered year met. */
static void note_year(const struct workcal *cal, struct civil_date d, int *uncovered)
{
	if (uncovered != NULL && *uncovered == 0 && !workdays_covered(cal, d.year))
		*uncovered = d.year;
}

struct civil_date workdays_add(const struct workcal *cal, struct civil_date d, int n,
			       int *uncovered)
{
	if (uncovered != NULL)
		*uncovered = 0;
	if (n > MAX_STEP_DAYS)
		n = MAX_STEP_DAYS;
	if (n < -MAX_STEP_DAYS)
		n = -MAX_STEP_DAYS;
	int step = n > 0 ? 1 : -1, left = n > 0 ? n : -n;
	while (left > 0) {
		d = civil_date_add_days(d, step);
		note_year(cal, d, uncovered);
		if (workdays_is_working(cal, d))
			left--;
	}
	return d;
}

int workdays_count(const struct workcal *cal, struct civil_date from, struct civil_date to,
		   int *uncovered)
{
	if (uncovered != NULL)
		*uncovered = 0;
	int sign = 1;
	if (civil_date_compare(to, from) < 0) {
		struct civil_date t = from;
		from = to;
		to = t;
		sign = -1;
	}
	int count = 0;
	for (int i = 0; i < MAX_SPAN_DAYS && civil_date_compare(from, to) < 0; i++) {
		from = civil_date_add_days(from, 1);
		note_year(cal, from, uncovered);
		if (workdays_is_working(cal, from))
			count++;
	}
	return sign * count;
}
