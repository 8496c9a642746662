/* test_reception.c — the slots of a personal reception and the dates of a reception schedule
 * (src/domain/reception.c). */
#include "unit.h"

#include "reception.h"

static void test_slot_count(void **state)
{
	(void)state;
	time_t start = 1800000000;
	assert_int_equal(reception_slot_count(start, start + 2 * 3600, 15), 8);
	assert_int_equal(reception_slot_count(start, start + 2 * 3600 + 600, 15), 8); /* a tail */
	assert_int_equal(reception_slot_count(start, start + 600, 15), 0);
	assert_int_equal(reception_slot_count(start, start + 3600, 0), 0);
	assert_int_equal(reception_slot_count(start, start - 60, 15), 0);
}

static void test_slot_at_and_valid(void **state)
{
	(void)state;
	time_t start = 1800000000, end = start + 3600;
	assert_int_equal(reception_slot_at(start, 20, 2), start + 2400);
	assert_true(reception_slot_valid(start, end, 20, start));
	assert_true(reception_slot_valid(start, end, 20, start + 2400));
	assert_false(reception_slot_valid(start, end, 20, start + 3600)); /* the end is no slot */
	assert_false(reception_slot_valid(start, end, 20, start + 60));   /* not on a boundary */
	assert_false(reception_slot_valid(start, end, 20, start - 1200)); /* before the start */
}

/* 2026 and 2027 covered; 31 December 2026 a day off by transfer (sql/008). */
static const int years[] = {2026, 2027};
static const struct workday_entry days[] = {{20261231, WORKDAY_KIND_DAY_OFF}};
static const struct workcal cal = {years, 2, days, 1};

static void assert_date(struct civil_date d, int y, int m, int day)
{
	assert_int_equal(d.year, y);
	assert_int_equal(d.month, m);
	assert_int_equal(d.day, day);
}

static void test_weekly_skips_holidays_and_days_off(void **state)
{
	(void)state;
	struct civil_date out[10], moved[4];
	size_t nm;
	/* Thursdays 17 December 2026 – 21 January 2027: 31 December (day off) and 7 January (a
	 * holiday) are no reception days. */
	size_t n = reception_schedule_dates(&cal, RECEPTION_WEEKLY, 4, 0, (struct civil_date){2026, 12, 17},
					    (struct civil_date){2027, 1, 21}, out, 10, moved, 4, &nm);
	assert_int_equal(n, 4);
	assert_date(out[0], 2026, 12, 17);
	assert_date(out[1], 2026, 12, 24);
	assert_date(out[2], 2027, 1, 14);
	assert_date(out[3], 2027, 1, 21);
	assert_int_equal(nm, 2);
	assert_date(moved[0], 2026, 12, 31);
	assert_date(moved[1], 2027, 1, 7);
	/* A Saturday chosen for receptions stays a reception day. */
	n = reception_schedule_dates(&cal, RECEPTION_WEEKLY, 6, 0, (struct civil_date){2026, 12, 19},
				     (struct civil_date){2026, 12, 26}, out, 10, NULL, 0, &nm);
	assert_int_equal(n, 2);
	assert_int_equal(nm, 0);
}

static void test_biweekly_takes_every_other_week(void **state)
{
	(void)state;
	struct civil_date out[10];
	size_t nm;
	size_t n = reception_schedule_dates(&cal, RECEPTION_BIWEEKLY, 2, 0,
					    (struct civil_date){2027, 2, 1},
					    (struct civil_date){2027, 3, 31}, out, 10, NULL, 0, &nm);
	/* Tuesdays 2, 16 February, 2, 16, 30 March. */
	assert_int_equal(n, 5);
	assert_date(out[0], 2027, 2, 2);
	assert_date(out[1], 2027, 2, 16);
	assert_date(out[4], 2027, 3, 30);
	/* 17 December 2026, then 31 December (a day off: left out), then 14 January. */
	n = reception_schedule_dates(&cal, RECEPTION_BIWEEKLY, 4, 0, (struct civil_date){2026, 12, 17},
				     (struct civil_date){2027, 1, 20}, out, 10, NULL, 0, &nm);
	assert_int_equal(n, 2);
	assert_date(out[1], 2027, 1, 14);
	assert_int_equal(nm, 1);
}

static void test_monthly_moves_to_the_next_working_day(void **state)
{
	(void)state;
	struct civil_date out[10], moved[4];
	size_t nm;
	/* The first Monday: 4 January 2027 is a holiday, the next working day is 11 January. */
	size_t n = reception_schedule_dates(&cal, RECEPTION_MONTHLY, 1, 1,
					    (struct civil_date){2027, 1, 1},
					    (struct civil_date){2027, 3, 31}, out, 10, moved, 4, &nm);
	assert_int_equal(n, 3);
	assert_date(out[0], 2027, 1, 11);
	assert_date(out[1], 2027, 2, 1);
	assert_date(out[2], 2027, 3, 1);
	assert_int_equal(nm, 1);
	assert_date(moved[0], 2027, 1, 4);
	/* The last Thursday of December 2026 is the 31st, a day off, and the month ends: none. */
	n = reception_schedule_dates(&cal, RECEPTION_MONTHLY, 4, 5, (struct civil_date){2026, 12, 1},
				     (struct civil_date){2026, 12, 31}, out, 10, NULL, 0, &nm);
	assert_int_equal(n, 0);
	assert_int_equal(nm, 1);
}

static void test_rule_codes(void **state)
{
	(void)state;
	assert_int_equal(reception_rule_parse("biweekly"), RECEPTION_BIWEEKLY);
	assert_int_equal(reception_rule_parse("monthly"), RECEPTION_MONTHLY);
	assert_int_equal(reception_rule_parse("weekly"), RECEPTION_WEEKLY);
	assert_int_equal(reception_rule_parse("tour"), -1);
	assert_string_equal(reception_rule_code(RECEPTION_BIWEEKLY), "biweekly");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_slot_count),
		cmocka_unit_test(test_slot_at_and_valid),
		cmocka_unit_test(test_weekly_skips_holidays_and_days_off),
		cmocka_unit_test(test_biweekly_takes_every_other_week),
		cmocka_unit_test(test_monthly_moves_to_the_next_working_day),
		cmocka_unit_test(test_rule_codes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
