/* test_series.c — dates of recurring series (src/domain/series.c). */
#include "unit.h"

#include "series.h"

static struct civil_date date(int y, int m, int d)
{
	struct civil_date c = {y, m, d};
	return c;
}

static void assert_date(struct civil_date d, int y, int m, int day)
{
	assert_int_equal(d.year, y);
	assert_int_equal(d.month, m);
	assert_int_equal(d.day, day);
}

static void test_weekday(void **state)
{
	(void)state;
	assert_int_equal(series_weekday(date(2026, 11, 22)), 7); /* Sunday */
	assert_int_equal(series_weekday(date(2020, 3, 11)), 3);  /* Wednesday */
	assert_int_equal(series_weekday(date(2024, 2, 29)), 4);  /* Thursday */
	assert_int_equal(series_weekday(date(2027, 1, 1)), 5);   /* Friday */
	assert_int_equal(series_weekday(date(2000, 1, 3)), 1);   /* Monday */
}

static void test_first_tuesdays(void **state)
{
	(void)state;
	struct civil_date out[12];
	size_t n = series_monthly(date(2026, 12, 1), date(2027, 3, 31), 2, 1, out, 12);
	assert_int_equal(n, 4);
	assert_date(out[0], 2026, 12, 1);
	assert_date(out[1], 2027, 1, 5);
	assert_date(out[2], 2027, 2, 2);
	assert_date(out[3], 2027, 3, 2);
}

static void test_month_partly_in_period(void **state)
{
	(void)state;
	struct civil_date out[4];
	/* The first Tuesday of December 2026 is the 1st: before the period, so not included. */
	size_t n = series_monthly(date(2026, 12, 2), date(2027, 1, 10), 2, 1, out, 4);
	assert_int_equal(n, 1);
	assert_date(out[0], 2027, 1, 5);
}

static void test_last_friday(void **state)
{
	(void)state;
	struct civil_date out[4];
	size_t n = series_monthly(date(2026, 1, 1), date(2026, 3, 31), 5, SERIES_LAST, out, 4);
	assert_int_equal(n, 3);
	assert_date(out[0], 2026, 1, 30);
	assert_date(out[1], 2026, 2, 27);
	assert_date(out[2], 2026, 3, 27);
}

static void test_fifth_week_does_not_exist_every_month(void **state)
{
	(void)state;
	struct civil_date out[4];
	/* The 4th Monday exists every month; a period of one month gives one date. */
	assert_int_equal(series_monthly(date(2026, 2, 1), date(2026, 2, 28), 1, 4, out, 4), 1);
	assert_date(out[0], 2026, 2, 23);
}

static void test_weekly(void **state)
{
	(void)state;
	struct civil_date out[8];
	size_t n = series_weekly(date(2026, 12, 24), date(2027, 1, 14), 3, out, 8); /* Wednesdays */
	assert_int_equal(n, 3);
	assert_date(out[0], 2026, 12, 30);
	assert_date(out[1], 2027, 1, 6);
	assert_date(out[2], 2027, 1, 13);
}

static void test_count_beyond_room(void **state)
{
	(void)state;
	struct civil_date out[2];
	size_t n = series_weekly(date(2026, 1, 1), date(2026, 12, 31), 1, out, 2);
	assert_int_equal(n, 52); /* all of them are counted, two are written */
	assert_date(out[0], 2026, 1, 5);
	assert_date(out[1], 2026, 1, 12);
}

static void test_bad_arguments(void **state)
{
	(void)state;
	struct civil_date out[2];
	assert_int_equal(series_weekly(date(2026, 2, 1), date(2026, 1, 1), 1, out, 2), 0);
	assert_int_equal(series_weekly(date(2026, 1, 1), date(2026, 2, 1), 0, out, 2), 0);
	assert_int_equal(series_monthly(date(2026, 1, 1), date(2026, 2, 1), 8, 1, out, 2), 0);
	assert_int_equal(series_monthly(date(2026, 1, 1), date(2026, 2, 1), 1, 6, out, 2), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_first_tuesdays),
		cmocka_unit_test(test_month_partly_in_period),
		cmocka_unit_test(test_last_friday),
		cmocka_unit_test(test_fifth_week_does_not_exist_every_month),
		cmocka_unit_test(test_weekly),
		cmocka_unit_test(test_count_beyond_room),
		cmocka_unit_test(test_bad_arguments),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
