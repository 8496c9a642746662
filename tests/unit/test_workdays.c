/* test_workdays.c — working-day arithmetic (src/domain/workdays.c) over the production calendar the
 * migrations ship (sql/008_production_calendar.sql): an in-memory database migrated from sql/,
 * loaded, and asked around New Year, the May and November holidays, a working Saturday, month
 * ends, leap years and years without a calendar. */
#include "unit.h"

#include "arena.h"
#include "civil_time.h"
#include "db.h"
#include "workdays.h"

#include "calendar_fixture.h"

static const struct workcal *cal_of(void **state)
{
	return &((struct fixture *)*state)->cal;
}

/* Run sql on the fixture's database and load the calendar again. */
static void change(void **state, const char *sql)
{
	struct fixture *f = *state;
	assert_int_equal(sqlite3_exec(f->db.conn, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(workdays_load(&f->db, &f->arena, &f->cal), 0);
}

static void test_shipped_years_are_covered(void **state)
{
	const struct workcal *cal = cal_of(state);
	assert_true(workdays_covered(cal, 2025));
	assert_true(workdays_covered(cal, 2026));
	assert_true(workdays_covered(cal, 2027));
	assert_false(workdays_covered(cal, 2024));
	assert_false(workdays_covered(cal, 2028));
}

/* The published totals of the five-day week: 247 working days in 2025 and in 2026; 2027 has 249
 * by the Labour Code alone (its decree will move the two January weekend holidays). */
static void test_working_days_in_a_year(void **state)
{
	const struct workcal *cal = cal_of(state);
	int uncovered = -1;
	assert_int_equal(workdays_count(cal, D(2024, 12, 31), D(2025, 12, 31), &uncovered), 247);
	assert_int_equal(uncovered, 0);
	assert_int_equal(workdays_count(cal, D(2025, 12, 31), D(2026, 12, 31), &uncovered), 247);
	assert_int_equal(uncovered, 0);
	assert_int_equal(workdays_count(cal, D(2026, 12, 31), D(2027, 12, 31), &uncovered), 249);
	assert_int_equal(uncovered, 0);
	/* Quarters of 2026 as the production calendar lists them: 55, 62, 66, 64 days. */
	assert_int_equal(workdays_count(cal, D(2025, 12, 31), D(2026, 3, 31), NULL), 55);
	assert_int_equal(workdays_count(cal, D(2026, 3, 31), D(2026, 6, 30), NULL), 62);
	assert_int_equal(workdays_count(cal, D(2026, 6, 30), D(2026, 9, 30), NULL), 66);
	assert_int_equal(workdays_count(cal, D(2026, 9, 30), D(2026, 12, 31), NULL), 64);
}

/* 31 December 2025 to 11 January 2026 is one rest period (decree № 1466: 3 January → 9 January,
 * 4 January → 31 December). */
static void test_new_year_2026(void **state)
{
	const struct workcal *cal = cal_of(state);
	int uncovered = -1;
	assert_date(workdays_add(cal, D(2025, 12, 30), 5, &uncovered), 2026, 1, 16);
	assert_int_equal(uncovered, 0);
	assert_date(workdays_add(cal, D(2025, 12, 30), 1, NULL), 2026, 1, 12);
	assert_date(workdays_add(cal, D(2025, 12, 29), 1, NULL), 2025, 12, 30);
	assert_date(workdays_add(cal, D(2026, 1, 12), -1, NULL), 2025, 12, 30);
	assert_date(workdays_add(cal, D(2026, 1, 3), 1, NULL), 2026, 1, 12);
	assert_int_equal(workdays_count(cal, D(2025, 12, 30), D(2026, 1, 16), NULL), 5);
	assert_int_equal(workdays_count(cal, D(2025, 12, 30), D(2026, 1, 11), NULL), 0);
	assert_false(workdays_is_working(cal, D(2025, 12, 31)));
	assert_int_equal(workdays_type(cal, D(2025, 12, 31)), WORKDAY_DAY_OFF);
	assert_int_equal(workdays_type(cal, D(2026, 1, 7)), WORKDAY_HOLIDAY);
	assert_int_equal(workdays_type(cal, D(2026, 1, 9)), WORKDAY_DAY_OFF);
	assert_int_equal(workdays_type(cal, D(2026, 1, 10)), WORKDAY_WEEKEND);
	assert_int_equal(workdays_type(cal, D(2026, 1, 12)), WORKDAY_WORKING);
	/* 2025 began on a Wednesday: 1–8 January off (4 and 5 moved to 2 May and 31 December). */
	assert_date(workdays_add(cal, D(2024, 12, 31), 1, &uncovered), 2025, 1, 9);
	assert_int_equal(uncovered, 0);
	/* 2027 by the Labour Code: 1–8 January holidays, 9–10 a weekend. */
	assert_date(workdays_add(cal, D(2026, 12, 30), 1, &uncovered), 2027, 1, 11);
	assert_int_equal(uncovered, 0);
	assert_int_equal(workdays_type(cal, D(2027, 1, 2)), WORKDAY_HOLIDAY);
}

static void test_may_holidays(void **state)
{
	const struct workcal *cal = cal_of(state);
	/* 2025: 1–4 May (2 May from 4 January) and 8–11 May (8 May from 23 February). */
	assert_int_equal(workdays_type(cal, D(2025, 4, 30)), WORKDAY_SHORT);
	assert_true(workdays_is_working(cal, D(2025, 4, 30)));
	assert_int_equal(workdays_type(cal, D(2025, 5, 1)), WORKDAY_HOLIDAY);
	assert_int_equal(workdays_type(cal, D(2025, 5, 2)), WORKDAY_DAY_OFF);
	assert_int_equal(workdays_type(cal, D(2025, 5, 8)), WORKDAY_DAY_OFF);
	assert_int_equal(workdays_type(cal, D(2025, 5, 9)), WORKDAY_HOLIDAY);
	assert_int_equal(workdays_type(cal, D(2025, 5, 10)), WORKDAY_WEEKEND);
	assert_date(workdays_add(cal, D(2025, 4, 30), 1, NULL), 2025, 5, 5);
	assert_date(workdays_add(cal, D(2025, 4, 30), 3, NULL), 2025, 5, 7);
	assert_date(workdays_add(cal, D(2025, 4, 30), 4, NULL), 2025, 5, 12);
	assert_int_equal(workdays_count(cal, D(2025, 4, 30), D(2025, 5, 12), NULL), 4);
	assert_int_equal(workdays_count(cal, D(2025, 4, 30), D(2025, 5, 31), NULL), 18);
	/* 2026: 1–3 May and 9–11 May (9 May is a Saturday: 11 May off by art. 112 part 2). */
	assert_date(workdays_add(cal, D(2026, 4, 30), 1, NULL), 2026, 5, 4);
	assert_int_equal(workdays_type(cal, D(2026, 5, 8)), WORKDAY_SHORT);
	assert_int_equal(workdays_type(cal, D(2026, 5, 11)), WORKDAY_DAY_OFF);
	assert_date(workdays_add(cal, D(2026, 5, 8), 1, NULL), 2026, 5, 12);
	/* 2027: 1 and 9 May fall on a weekend, 3 and 10 May are off. */
	assert_date(workdays_add(cal, D(2027, 4, 30), 1, NULL), 2027, 5, 4);
	assert_date(workdays_add(cal, D(2027, 5, 7), 1, NULL), 2027, 5, 11);
}

/* 2025: Saturday 1 November was a (shortened) working day, its rest moved to Monday 3 November,
 * so 2–4 November were off and 27 October – 1 November a six-day week. */
static void test_november_and_a_working_saturday(void **state)
{
	const struct workcal *cal = cal_of(state);
	assert_int_equal(workdays_type(cal, D(2025, 11, 1)), WORKDAY_SHORT);
	assert_true(workdays_is_working(cal, D(2025, 11, 1)));
	assert_int_equal(workdays_type(cal, D(2025, 11, 2)), WORKDAY_WEEKEND);
	assert_int_equal(workdays_type(cal, D(2025, 11, 3)), WORKDAY_DAY_OFF);
	assert_int_equal(workdays_type(cal, D(2025, 11, 4)), WORKDAY_HOLIDAY);
	assert_int_equal(workdays_count(cal, D(2025, 10, 26), D(2025, 11, 1), NULL), 6);
	assert_date(workdays_add(cal, D(2025, 10, 31), 1, NULL), 2025, 11, 1);
	assert_date(workdays_add(cal, D(2025, 10, 31), 2, NULL), 2025, 11, 5);
	assert_date(workdays_add(cal, D(2025, 11, 5), -1, NULL), 2025, 11, 1);
	/* An ordinary Saturday is not. */
	assert_false(workdays_is_working(cal, D(2025, 11, 8)));
	/* 2026: only 4 November, a Wednesday; 3 November is shortened. */
	assert_int_equal(workdays_type(cal, D(2026, 11, 3)), WORKDAY_SHORT);
	assert_date(workdays_add(cal, D(2026, 11, 3), 1, NULL), 2026, 11, 5);
	assert_int_equal(workdays_count(cal, D(2026, 11, 1), D(2026, 11, 30), NULL), 20);
}

/* A protocol handed over "within 5 working days": across the February, March and June
 * holidays. */
static void test_five_days_across_other_holidays(void **state)
{
	const struct workcal *cal = cal_of(state);
	assert_date(workdays_add(cal, D(2026, 2, 19), 5, NULL), 2026, 2, 27); /* 23 Feb Monday */
	assert_date(workdays_add(cal, D(2026, 3, 5), 5, NULL), 2026, 3, 13);  /* 9 Mar off */
	assert_date(workdays_add(cal, D(2025, 6, 10), 5, NULL), 2025, 6, 19); /* 12–15 Jun */
	assert_date(workdays_add(cal, D(2025, 2, 21), 5, NULL), 2025, 2, 28); /* 23 Feb Sunday */
}

static void test_month_ends(void **state)
{
	const struct workcal *cal = cal_of(state);
	assert_date(workdays_add(cal, D(2026, 1, 30), 1, NULL), 2026, 2, 2);
	assert_date(workdays_add(cal, D(2026, 2, 27), 1, NULL), 2026, 3, 2);
	assert_date(workdays_add(cal, D(2027, 2, 26), 1, NULL), 2027, 3, 1);
	assert_date(workdays_add(cal, D(2026, 6, 30), 1, NULL), 2026, 7, 1);
	assert_date(workdays_add(cal, D(2026, 7, 31), 1, NULL), 2026, 8, 3);
	assert_date(workdays_add(cal, D(2026, 8, 31), -1, NULL), 2026, 8, 28);
	assert_date(workdays_add(cal, D(2026, 10, 1), -1, NULL), 2026, 9, 30);
	assert_int_equal(workdays_count(cal, D(2026, 1, 31), D(2026, 2, 28), NULL), 19);
}

/* 2024 and 2028 have no calendar: Monday–Friday minus the art. 112 holidays, reported. */
static void test_leap_years_without_a_calendar(void **state)
{
	const struct workcal *cal = cal_of(state);
	int uncovered = 0;
	assert_date(workdays_add(cal, D(2028, 2, 28), 1, &uncovered), 2028, 2, 29);
	assert_int_equal(uncovered, 2028);
	assert_date(workdays_add(cal, D(2028, 2, 29), 1, NULL), 2028, 3, 1);
	assert_int_equal(workdays_count(cal, D(2028, 1, 31), D(2028, 2, 29), &uncovered), 20);
	assert_int_equal(uncovered, 2028);
	assert_date(workdays_add(cal, D(2024, 2, 28), 1, &uncovered), 2024, 2, 29);
	assert_int_equal(uncovered, 2024);
	assert_date(workdays_add(cal, D(2024, 2, 29), 1, NULL), 2024, 3, 1);
	/* The fixed holidays hold, transfers are unknown: Saturday 4 November 2028 moves nothing. */
	assert_int_equal(workdays_type(cal, D(2028, 1, 3)), WORKDAY_HOLIDAY);
	assert_int_equal(workdays_type(cal, D(2028, 2, 23)), WORKDAY_HOLIDAY);
	assert_int_equal(workdays_type(cal, D(2028, 5, 9)), WORKDAY_HOLIDAY);
	assert_int_equal(workdays_type(cal, D(2028, 11, 4)), WORKDAY_HOLIDAY);
	assert_int_equal(workdays_type(cal, D(2028, 11, 6)), WORKDAY_WORKING);
	assert_int_equal(workdays_type(cal, D(2028, 7, 1)), WORKDAY_WEEKEND);
	/* From the last covered day into the next year: the uncovered year is named. */
	assert_date(workdays_add(cal, D(2027, 12, 30), 1, &uncovered), 2027, 12, 31);
	assert_int_equal(uncovered, 0);
	assert_int_equal(workdays_type(cal, D(2027, 12, 31)), WORKDAY_SHORT);
	assert_date(workdays_add(cal, D(2027, 12, 31), 1, &uncovered), 2028, 1, 10);
	assert_int_equal(uncovered, 2028);
	/* Backwards into 2024 as well. */
	assert_date(workdays_add(cal, D(2025, 1, 9), -1, &uncovered), 2024, 12, 31);
	assert_int_equal(uncovered, 2024);
}

/* Deleting a year (its days go with it) falls back and reports it; the fixed holidays remain. */
static void test_a_year_removed(void **state)
{
	const struct workcal *cal = cal_of(state);
	assert_false(workdays_is_working(cal, D(2026, 12, 31)));
	change(state, "DELETE FROM calendar_year WHERE year = 2026");
	cal = cal_of(state);
	assert_false(workdays_covered(cal, 2026));
	assert_true(workdays_covered(cal, 2025));
	assert_true(workdays_is_working(cal, D(2026, 12, 31)));
	assert_true(workdays_is_working(cal, D(2026, 1, 9)));
	assert_false(workdays_is_working(cal, D(2026, 1, 8)));
	int uncovered = 0;
	assert_date(workdays_add(cal, D(2025, 12, 30), 5, &uncovered), 2026, 1, 15);
	assert_int_equal(uncovered, 2026);
	assert_int_equal(workdays_count(cal, D(2025, 12, 30), D(2026, 1, 15), &uncovered), 5);
	assert_int_equal(uncovered, 2026);
}

/* A stored day changes the result; a holiday of art. 112 stays a holiday whatever is stored. */
static void test_stored_changes(void **state)
{
	const struct workcal *cal = cal_of(state);
	assert_true(workdays_is_working(cal, D(2027, 3, 5)));
	change(state, "INSERT INTO calendar_day (day, year, kind, note) VALUES "
		      "('2027-03-05', 2027, 'day_off', ''), ('2027-03-13', 2027, 'working', ''), "
		      "('2027-03-18', 2027, 'holiday', 'региональный праздник')");
	cal = cal_of(state);
	assert_int_equal(workdays_type(cal, D(2027, 3, 5)), WORKDAY_DAY_OFF);
	assert_int_equal(workdays_type(cal, D(2027, 3, 13)), WORKDAY_WORKING);
	assert_int_equal(workdays_type(cal, D(2027, 3, 18)), WORKDAY_HOLIDAY);
	assert_date(workdays_add(cal, D(2027, 3, 4), 1, NULL), 2027, 3, 9);
	assert_date(workdays_add(cal, D(2027, 3, 12), 1, NULL), 2027, 3, 13);
	change(state, "UPDATE calendar_day SET kind = 'working' WHERE day = '2027-01-05'");
	cal = cal_of(state);
	assert_int_equal(workdays_type(cal, D(2027, 1, 5)), WORKDAY_HOLIDAY);
	/* A day off stored on a Sunday is just the weekend. */
	change(state, "INSERT INTO calendar_day (day, year, kind) VALUES ('2027-03-14', 2027, 'day_off')");
	assert_int_equal(workdays_type(cal_of(state), D(2027, 3, 14)), WORKDAY_WEEKEND);
}

/* count(a, add(a, n)) == n for n >= 0 over the shipped years, going back and forth again, and count is
 * antisymmetric with (from, to] ends. */
static void test_add_and_count_agree(void **state)
{
	const struct workcal *cal = cal_of(state);
	for (struct civil_date d = D(2025, 1, 1); civil_date_compare(d, D(2027, 12, 31)) < 0;
	     d = civil_date_add_days(d, 3)) {
		for (int n = 0; n <= 12; n += 4) {
			struct civil_date e = workdays_add(cal, d, n, NULL);
			assert_int_equal(workdays_count(cal, d, e, NULL), n);
			assert_int_equal(workdays_count(cal, e, d, NULL), -n);
			if (n == 0)
				continue;
			assert_true(workdays_is_working(cal, e));
			/* Back n from d, then forward n: d itself when it is a working day, else the
			 * first working day after it. */
			struct civil_date next = d;
			while (!workdays_is_working(cal, next))
				next = civil_date_add_days(next, 1);
			struct civil_date b = workdays_add(cal, d, -n, NULL);
			assert_true(workdays_is_working(cal, b));
			assert_int_equal(civil_date_compare(workdays_add(cal, b, n, NULL), next), 0);
		}
	}
	assert_int_equal(workdays_count(cal, D(2026, 5, 12), D(2026, 5, 12), NULL), 0);
	/* (from, to]: a working "from" is not counted, a working "to" is. */
	assert_int_equal(workdays_count(cal, D(2026, 5, 12), D(2026, 5, 13), NULL), 1);
	assert_int_equal(workdays_count(cal, D(2026, 5, 15), D(2026, 5, 17), NULL), 0);
	assert_date(workdays_add(cal, D(2026, 5, 16), 0, NULL), 2026, 5, 16);
}

static void test_kind_codes(void **state)
{
	(void)state;
	for (int k = WORKDAY_KIND_HOLIDAY; k <= WORKDAY_KIND_SHORT; k++)
		assert_int_equal(workday_kind_parse(workday_kind_code((enum workday_kind)k)), k);
	assert_int_equal(workday_kind_parse("weekend"), -1);
	assert_int_equal(workday_kind_parse(NULL), -1);
	assert_true(workdays_law_holiday(D(2030, 1, 8)));
	assert_false(workdays_law_holiday(D(2030, 1, 9)));
	assert_false(workdays_law_holiday(D(2030, 12, 31)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_shipped_years_are_covered, setup, teardown),
		cmocka_unit_test_setup_teardown(test_working_days_in_a_year, setup, teardown),
		cmocka_unit_test_setup_teardown(test_new_year_2026, setup, teardown),
		cmocka_unit_test_setup_teardown(test_may_holidays, setup, teardown),
		cmocka_unit_test_setup_teardown(test_november_and_a_working_saturday, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_five_days_across_other_holidays, setup, teardown),
		cmocka_unit_test_setup_teardown(test_month_ends, setup, teardown),
		cmocka_unit_test_setup_teardown(test_leap_years_without_a_calendar, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_year_removed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stored_changes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_add_and_count_agree, setup, teardown),
		cmocka_unit_test(test_kind_codes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
