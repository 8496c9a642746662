/* civil_time.c — calendar dates and the configured time zone (see civil_time.h). */
#include "civil_time.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int civil_days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (month < 1 || month > 12)
		return 0;
	return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

/* Read exactly n decimal digits. */
static bool digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

static bool parse_date_prefix(const char *s, struct civil_date *out)
{
	struct civil_date d;
	if (!digits(s, 4, &d.year) || s[4] != '-' || !digits(s + 5, 2, &d.month) || s[7] != '-' ||
	    !digits(s + 8, 2, &d.day))
		return false;
	if (d.year < 1900 || d.year > 2999 || d.month < 1 || d.month > 12 || d.day < 1 ||
	    d.day > civil_days_in_month(d.year, d.month))
		return false;
	*out = d;
	return true;
}

bool civil_date_parse(const char *s, struct civil_date *out)
{
	return strlen(s) == 10 && parse_date_prefix(s, out);
}

bool civil_datetime_parse(const char *s, struct civil_date *date, int *hour, int *minute)
{
	int h, m;
	if (strlen(s) != 16 || !parse_date_prefix(s, date) || s[10] != 'T' || !digits(s + 11, 2, &h) ||
	    s[13] != ':' || !digits(s + 14, 2, &m) || h > 23 || m > 59)
		return false;
	*hour = h;
	*minute = m;
	return true;
}

/* Days since 1970-01-01 of a civil date and back (Howard Hinnant's algorithms). */
static long days_from_civil(struct civil_date d)
{
	int y = d.year - (d.month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static struct civil_date civil_from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	struct civil_date d;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(yoe + era * 400 + (d.month <= 2));
	return d;
}

long civil_date_diff(struct civil_date a, struct civil_date b)
{
	return days_from_civil(a) - days_from_civil(b);
}

struct civil_date civil_date_add_days(struct civil_date d, int days)
{
	return civil_from_days(days_from_civil(d) + days);
}

int civil_date_compare(struct civil_date a, struct civil_date b)
{
	if (a.year != b.year)
		return a.year < b.year ? -1 : 1;
	if (a.month != b.month)
		return a.month < b.month ? -1 : 1;
	if (a.day != b.day)
		return a.day < b.day ? -1 : 1;
	return 0;
}

bool tz_known(const char *zone)
{
	if (zone == NULL || zone[0] == '\0' || zone[0] == '/' || strstr(zone, "..") != NULL)
		return false;
	char path[512];
	int n = snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", zone);
	if (n < 0 || (size_t)n >= sizeof path)
		return false;
	/* Readable is not enough: glibc falls back to UTC just as silently for a directory
	 * ("Asia") or a table ("zone.tab"), so the file must start like a compiled zone. */
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return false;
	char magic[4];
	bool is_zone = fread(magic, 1, sizeof magic, f) == sizeof magic &&
		       memcmp(magic, "TZif", sizeof magic) == 0;
	fclose(f);
	return is_zone;
}

int tz_set(const char *zone)
{
	if (!tz_known(zone))
		return -1;
	char value[520];
	snprintf(value, sizeof value, ":%s", zone);
	if (setenv("TZ", value, 1) != 0)
		return -1;
	tzset();
	return 0;
}

time_t tz_local_to_utc(struct civil_date date, int hour, int minute)
{
	struct tm tm = {0};
	tm.tm_year = date.year - 1900;
	tm.tm_mon = date.month - 1;
	tm.tm_mday = date.day;
	tm.tm_hour = hour;
	tm.tm_min = minute;
	tm.tm_isdst = -1; /* let the zone rules decide */
	return mktime(&tm);
}

void tz_utc_to_local(time_t t, struct tm *out)
{
	localtime_r(&t, out);
}

struct civil_date tz_local_date(time_t t)
{
	struct tm tm;
	localtime_r(&t, &tm);
	struct civil_date d = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
	return d;
}
