/* test_civil_time.c — unit tests for src/base/civil_time.c: calendar dates and the municipality's
 * time zone. */
#include "unit.h"

#include "civil_time.h"

/* 2026-03-11 13:00:00 UTC, which is 18:00 in Yekaterinburg (UTC+5). */
#define T_2026_03_11_1300Z ((time_t)1773234000)

static struct civil_date date(int y, int m, int d)
{
	struct civil_date c = {y, m, d};
	return c;
}

static void assert_date(struct civil_date actual, int y, int m, int d)
{
	assert_int_equal(actual.year, y);
	assert_int_equal(actual.month, m);
	assert_int_equal(actual.day, d);
}

/* ---- the calendar ---- */

static void test_days_in_month(void **state)
{
	(void)state;
	static const int common[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	for (int m = 1; m <= 12; m++)
		assert_int_equal(civil_days_in_month(2026, m), common[m - 1]);
	assert_int_equal(civil_days_in_month(2024, 2), 29); /* divisible by 4 */
	assert_int_equal(civil_days_in_month(2023, 2), 28);
	assert_int_equal(civil_days_in_month(1900, 2), 28); /* by 100 but not 400 */
	assert_int_equal(civil_days_in_month(2100, 2), 28);
	assert_int_equal(civil_days_in_month(2000, 2), 29); /* by 400 */
	assert_int_equal(civil_days_in_month(2024, 1), 31);
	assert_int_equal(civil_days_in_month(2024, 0), 0);
	assert_int_equal(civil_days_in_month(2024, 13), 0);
	assert_int_equal(civil_days_in_month(2024, -1), 0);
}

static void test_date_parse_valid(void **state)
{
	(void)state;
	struct civil_date d = {0, 0, 0};
	assert_true(civil_date_parse("2026-03-11", &d));
	assert_date(d, 2026, 3, 11);
	assert_true(civil_date_parse("2024-02-29", &d));
	assert_date(d, 2024, 2, 29);
	assert_true(civil_date_parse("1900-01-01", &d));
	assert_true(civil_date_parse("2999-12-31", &d));
	assert_date(d, 2999, 12, 31);
	assert_true(civil_date_parse("2026-04-30", &d));
}

static void test_date_parse_strict(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"",            "2026",        "2026-03",     "2026-03-1",   "2026-3-11",
		"26-03-11",    "2026-03-11 ", " 2026-03-11", "2026-03-11T", "2026-03-110",
		"2026/03/11",  "2026.03.11",  "11.03.2026",  "2026-03-1a",  "2026-0x-11",
		"+026-03-11",  "-026-03-11",  "2026-+3-11",  "2026- 3-11",  "2026-03- 1",
		"2023-02-29",  "2026-13-01",  "2026-00-01",  "2026-01-00",  "2026-01-32",
		"2026-04-31",  "2026-06-31",  "1899-12-31",  "3000-01-01",  "0000-01-01",
		"2026-02-30",  "２０２６-03-11",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct civil_date d = {7, 7, 7};
		if (civil_date_parse(bad[i], &d))
			fail_msg("accepted \"%s\"", bad[i]);
		assert_date(d, 7, 7, 7); /* untouched on failure */
	}
}

static void test_datetime_parse(void **state)
{
	(void)state;
	struct civil_date d;
	int h = -1, m = -1;
	assert_true(civil_datetime_parse("2026-03-11T18:00", &d, &h, &m));
	assert_date(d, 2026, 3, 11);
	assert_int_equal(h, 18);
	assert_int_equal(m, 0);
	assert_true(civil_datetime_parse("2024-02-29T00:00", &d, &h, &m));
	assert_int_equal(h, 0);
	assert_true(civil_datetime_parse("2026-12-31T23:59", &d, &h, &m));
	assert_int_equal(h, 23);
	assert_int_equal(m, 59);
	static const char *const bad[] = {
		"2026-03-11",         "2026-03-11T",       "2026-03-11 18:00", "2026-03-11t18:00",
		"2026-03-11T24:00",   "2026-03-11T18:60",  "2026-03-11T8:00",  "2026-03-11T18:0",
		"2026-03-11T18:00:00", "2026-03-11T18-00", "2026-03-11T18:00Z", "2023-02-29T10:00",
		"2026-13-11T18:00",   "2026-03-11T-1:00",  "",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		h = m = 77;
		if (civil_datetime_parse(bad[i], &d, &h, &m))
			fail_msg("accepted \"%s\"", bad[i]);
		assert_int_equal(h, 77);
		assert_int_equal(m, 77);
	}
}

static void test_add_days_within_month(void **state)
{
	(void)state;
	assert_date(civil_date_add_days(date(2026, 3, 11), 0), 2026, 3, 11);
	assert_date(civil_date_add_days(date(2026, 3, 11), 1), 2026, 3, 12);
	assert_date(civil_date_add_days(date(2026, 3, 11), -10), 2026, 3, 1);
	assert_date(civil_date_add_days(date(2026, 3, 11), 20), 2026, 3, 31);
}

static void test_add_days_across_months_and_years(void **state)
{
	(void)state;
	assert_date(civil_date_add_days(date(2026, 3, 31), 1), 2026, 4, 1);
	assert_date(civil_date_add_days(date(2026, 4, 30), 1), 2026, 5, 1);
	assert_date(civil_date_add_days(date(2026, 5, 1), -1), 2026, 4, 30);
	assert_date(civil_date_add_days(date(2025, 12, 31), 1), 2026, 1, 1);
	assert_date(civil_date_add_days(date(2026, 1, 1), -1), 2025, 12, 31);
	assert_date(civil_date_add_days(date(2026, 1, 1), 365), 2027, 1, 1);
	assert_date(civil_date_add_days(date(2026, 3, 11), 10000), 2053, 7, 27);
	assert_date(civil_date_add_days(date(2053, 7, 27), -10000), 2026, 3, 11);
	assert_date(civil_date_add_days(date(1970, 1, 1), -25567), 1900, 1, 1);
}

static void test_add_days_leap_years(void **state)
{
	(void)state;
	assert_date(civil_date_add_days(date(2024, 2, 28), 1), 2024, 2, 29);
	assert_date(civil_date_add_days(date(2024, 2, 28), 2), 2024, 3, 1);
	assert_date(civil_date_add_days(date(2024, 3, 1), -1), 2024, 2, 29);
	assert_date(civil_date_add_days(date(2023, 2, 28), 1), 2023, 3, 1);
	assert_date(civil_date_add_days(date(2023, 3, 1), -1), 2023, 2, 28);
	assert_date(civil_date_add_days(date(2000, 2, 28), 1), 2000, 2, 29);
	assert_date(civil_date_add_days(date(2100, 2, 28), 1), 2100, 3, 1);
	assert_date(civil_date_add_days(date(1900, 2, 28), 1), 1900, 3, 1);
	assert_date(civil_date_add_days(date(2024, 1, 1), 366), 2025, 1, 1);
	assert_date(civil_date_add_days(date(2024, 1, 1), 365), 2024, 12, 31);
	assert_date(civil_date_add_days(date(2024, 2, 29), 365), 2025, 2, 28);
	assert_date(civil_date_add_days(date(2024, 2, 29), 366), 2025, 3, 1);
	/* Day by day through a leap year lands on every real date and back again. */
	struct civil_date d = date(2023, 12, 31);
	for (int i = 0; i < 366; i++) {
		struct civil_date next = civil_date_add_days(d, 1);
		assert_true(civil_date_compare(next, d) > 0);
		assert_true(next.day >= 1 && next.day <= civil_days_in_month(next.year, next.month));
		assert_date(civil_date_add_days(next, -1), d.year, d.month, d.day);
		d = next;
	}
	assert_date(d, 2024, 12, 31);
}

static void test_compare(void **state)
{
	(void)state;
	assert_int_equal(civil_date_compare(date(2026, 3, 11), date(2026, 3, 11)), 0);
	assert_true(civil_date_compare(date(2026, 3, 11), date(2026, 3, 12)) < 0);
	assert_true(civil_date_compare(date(2026, 3, 12), date(2026, 3, 11)) > 0);
	assert_true(civil_date_compare(date(2026, 2, 28), date(2026, 3, 1)) < 0);
	assert_true(civil_date_compare(date(2025, 12, 31), date(2026, 1, 1)) < 0);
	assert_true(civil_date_compare(date(2027, 1, 1), date(2026, 12, 31)) > 0);
	/* The year outweighs month and day, the month outweighs the day. */
	assert_true(civil_date_compare(date(2025, 12, 31), date(2026, 1, 1)) < 0);
	assert_true(civil_date_compare(date(2026, 1, 31), date(2026, 2, 1)) < 0);
}

/* ---- the time zone ---- */

static void test_tz_yekaterinburg(void **state)
{
	(void)state;
	assert_int_equal(tz_set("Asia/Yekaterinburg"), 0);
	time_t t = tz_local_to_utc(date(2026, 3, 11), 18, 0);
	assert_int_equal(t, T_2026_03_11_1300Z);
	struct tm tm;
	tz_utc_to_local(t, &tm);
	assert_int_equal(tm.tm_year + 1900, 2026);
	assert_int_equal(tm.tm_mon + 1, 3);
	assert_int_equal(tm.tm_mday, 11);
	assert_int_equal(tm.tm_hour, 18);
	assert_int_equal(tm.tm_min, 0);
	assert_int_equal(tm.tm_wday, 3); /* a Wednesday */
	assert_int_equal(tm.tm_gmtoff, 5 * 3600);
	assert_date(tz_local_date(t), 2026, 3, 11);
	/* Minutes survive the round trip. */
	t = tz_local_to_utc(date(2026, 3, 11), 9, 45);
	assert_int_equal(t, T_2026_03_11_1300Z - 8 * 3600 - 15 * 60);
	tz_utc_to_local(t, &tm);
	assert_int_equal(tm.tm_hour, 9);
	assert_int_equal(tm.tm_min, 45);
}

static void test_tz_local_day_differs_from_utc(void **state)
{
	(void)state;
	assert_int_equal(tz_set("Asia/Yekaterinburg"), 0);
	/* 21:30 UTC on the 11th is 02:30 on the 12th in Yekaterinburg. */
	time_t late = T_2026_03_11_1300Z + 8 * 3600 + 30 * 60;
	assert_date(tz_local_date(late), 2026, 3, 12);
	struct tm utc;
	gmtime_r(&late, &utc);
	assert_int_equal(utc.tm_mday, 11);
	/* Local midnight is 19:00 UTC of the day before. */
	time_t midnight = tz_local_to_utc(date(2026, 3, 12), 0, 0);
	assert_int_equal(midnight, T_2026_03_11_1300Z + 6 * 3600);
	assert_date(tz_local_date(midnight), 2026, 3, 12);
	assert_date(tz_local_date(midnight - 1), 2026, 3, 11);
	/* The last second of a year locally, already next year nowhere else yet. */
	time_t new_year = tz_local_to_utc(date(2027, 1, 1), 0, 0);
	assert_date(tz_local_date(new_year), 2027, 1, 1);
	assert_date(tz_local_date(new_year - 1), 2026, 12, 31);
	gmtime_r(&new_year, &utc);
	assert_int_equal(utc.tm_year + 1900, 2026);
	assert_int_equal(utc.tm_hour, 19);
}

static void test_tz_vladivostok(void **state)
{
	(void)state;
	assert_int_equal(tz_set("Asia/Vladivostok"), 0);
	time_t t = tz_local_to_utc(date(2026, 3, 11), 18, 0);
	assert_int_equal(t, T_2026_03_11_1300Z - 5 * 3600);
	struct tm tm;
	tz_utc_to_local(T_2026_03_11_1300Z, &tm);
	assert_int_equal(tm.tm_hour, 23);
	assert_int_equal(tm.tm_gmtoff, 10 * 3600);
	/* 14:00 UTC is already the 12th in Vladivostok, still the 11th in Yekaterinburg. */
	assert_date(tz_local_date(T_2026_03_11_1300Z + 3600), 2026, 3, 12);
	assert_int_equal(tz_set("Asia/Yekaterinburg"), 0);
	assert_date(tz_local_date(T_2026_03_11_1300Z + 3600), 2026, 3, 11);
	/* And back: the zone is switched, not stacked. */
	assert_int_equal(tz_set("UTC"), 0);
	assert_int_equal(tz_local_to_utc(date(2026, 3, 11), 13, 0), T_2026_03_11_1300Z);
}

static void test_tz_unknown_rejected(void **state)
{
	(void)state;
	assert_int_equal(tz_set("Asia/Yekaterinburg"), 0);
	assert_int_equal(tz_set("Nowhere/City"), -1);
	assert_int_equal(tz_set("../etc/passwd"), -1);
	assert_int_equal(tz_set("Asia/../../../etc/passwd"), -1);
	/* Even when the path would lead back to a real zone: names do not climb. */
	assert_int_equal(tz_set("../zoneinfo/UTC"), -1);
	assert_int_equal(tz_set("Asia/../UTC"), -1);
	assert_int_equal(tz_set("/etc/passwd"), -1);
	assert_int_equal(tz_set("/usr/share/zoneinfo/UTC"), -1);
	assert_int_equal(tz_set(""), -1);
	assert_int_equal(tz_set(NULL), -1);
	assert_int_equal(tz_set("asia/yekaterinburg"), -1); /* names are case-sensitive */
	/* A refused zone leaves the previous one in force. */
	assert_int_equal(tz_local_to_utc(date(2026, 3, 11), 18, 0), T_2026_03_11_1300Z);
}

/* Regression: tz_set only checked that /usr/share/zoneinfo/NAME could be read, so a directory
 * ("Asia") or a table that is not a zone ("zone.tab") was accepted, and glibc silently ran the
 * worker in UTC — five hours off for every meeting. */
static void test_tz_rejects_what_is_not_a_zone_file(void **state)
{
	(void)state;
	assert_int_equal(tz_set("Asia/Yekaterinburg"), 0);
	assert_int_equal(tz_set("Asia"), -1);
	assert_int_equal(tz_set("Asia/"), -1);
	assert_int_equal(tz_set("zone.tab"), -1);
	assert_int_equal(tz_set("iso3166.tab"), -1);
	assert_int_equal(tz_set("tzdata.zi"), -1);
	/* A name longer than any path is refused rather than cut to a shorter one. */
	char name[1200];
	memset(name, 0, sizeof name);
	for (size_t i = 0; i + 2 < 1000; i += 2)
		memcpy(name + i, "./", 2);
	strcat(name, "UTC");
	assert_int_equal(tz_set(name), -1);
	assert_int_equal(tz_local_to_utc(date(2026, 3, 11), 18, 0), T_2026_03_11_1300Z);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days_in_month),
		cmocka_unit_test(test_date_parse_valid),
		cmocka_unit_test(test_date_parse_strict),
		cmocka_unit_test(test_datetime_parse),
		cmocka_unit_test(test_add_days_within_month),
		cmocka_unit_test(test_add_days_across_months_and_years),
		cmocka_unit_test(test_add_days_leap_years),
		cmocka_unit_test(test_compare),
		cmocka_unit_test(test_tz_yekaterinburg),
		cmocka_unit_test(test_tz_local_day_differs_from_utc),
		cmocka_unit_test(test_tz_vladivostok),
		cmocka_unit_test(test_tz_unknown_rejected),
		cmocka_unit_test(test_tz_rejects_what_is_not_a_zone_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
