/* test_appeal_rules.c — the 59-ФЗ deadlines (src/domain/appeal_rules.c) over the shipped production
 * calendar: 3 days to register, 7 to forward, 30 to answer and one extension of up to 30, across
 * month and year ends, with each policy for a last day that is not a working day. */
#include "unit.h"

#include "appeal_rules.h"
#include "arena.h"
#include "db.h"

#include "calendar_fixture.h"

#define CAL (&((struct fixture *)*state)->cal)

static void test_thirty_days_across_a_month_end(void **state)
{
	/* Registered on Monday 2 February 2026: the 30th day is Wednesday 4 March, a working day. */
	assert_date(appeal_deadline(CAL, D(2026, 2, 2), 30, APPEAL_DAY_OFF_PREVIOUS, NULL), 2026, 3,
		    4);
	/* 31 January + 30 days is 2 March (February 2026 has 28 days). */
	assert_date(appeal_deadline(CAL, D(2026, 1, 30), 30, APPEAL_DAY_OFF_KEEP, NULL), 2026, 3, 1);
	/* In a leap year February has 29: 30 January 2028 + 30 days is 29 February. */
	assert_date(appeal_deadline(CAL, D(2028, 1, 30), 30, APPEAL_DAY_OFF_KEEP, NULL), 2028, 2,
		    29);
}

static void test_a_last_day_off_moves_by_the_policy(void **state)
{
	/* Registered 8 October 2026: the 30th day is Saturday 7 November 2026. */
	assert_date(appeal_deadline(CAL, D(2026, 10, 8), 30, APPEAL_DAY_OFF_KEEP, NULL), 2026, 11, 7);
	assert_date(appeal_deadline(CAL, D(2026, 10, 8), 30, APPEAL_DAY_OFF_PREVIOUS, NULL), 2026,
		    11, 6);
	assert_date(appeal_deadline(CAL, D(2026, 10, 8), 30, APPEAL_DAY_OFF_NEXT, NULL), 2026, 11, 9);
	/* 4 November 2026 (Wednesday) is a holiday: the day before is the 3rd (a short day, still
	 * working), the day after the 5th. */
	assert_date(appeal_deadline(CAL, D(2026, 10, 5), 30, APPEAL_DAY_OFF_PREVIOUS, NULL), 2026,
		    11, 3);
	assert_date(appeal_deadline(CAL, D(2026, 10, 5), 30, APPEAL_DAY_OFF_NEXT, NULL), 2026, 11, 5);
}

static void test_the_new_year_holidays(void **state)
{
	/* Registered 2 December 2025: the 30th day is 1 January 2026, inside 1–11 January. */
	assert_date(appeal_deadline(CAL, D(2025, 12, 2), 30, APPEAL_DAY_OFF_NEXT, NULL), 2026, 1, 12);
	/* The working day before: 31 December 2025 is a day off by the decree, the 30th works. */
	assert_date(appeal_deadline(CAL, D(2025, 12, 2), 30, APPEAL_DAY_OFF_PREVIOUS, NULL), 2025,
		    12, 30);
}

static void test_the_may_holidays(void **state)
{
	/* 1 April 2026 + 30 = 1 May 2026, a holiday (1–3 May off): previous is 30 April. */
	assert_date(appeal_deadline(CAL, D(2026, 4, 1), 30, APPEAL_DAY_OFF_PREVIOUS, NULL), 2026, 4,
		    30);
	assert_date(appeal_deadline(CAL, D(2026, 4, 1), 30, APPEAL_DAY_OFF_NEXT, NULL), 2026, 5, 4);
}

static void test_registration_forwarding_and_answer(void **state)
{
	/* Received on Friday 27 November 2026, registered on Monday 30 November. */
	struct appeal_dates d = appeal_due_dates(CAL, D(2026, 11, 27), D(2026, 11, 30), 0,
						 APPEAL_DAY_OFF_PREVIOUS);
	assert_date(d.register_by, 2026, 11, 30);  /* 27 + 3 = 30 November, Monday */
	assert_date(d.forward_by, 2026, 12, 7);    /* 30 November + 7 = 7 December, Monday */
	assert_date(d.answer_by, 2026, 12, 30);    /* + 30 = 30 December, Wednesday */
}

static void test_one_extension_of_up_to_thirty_days(void **state)
{
	struct appeal_dates d = appeal_due_dates(CAL, D(2026, 11, 30), D(2026, 11, 30), 30,
						 APPEAL_DAY_OFF_PREVIOUS);
	/* 30 November + 60 = 29 January 2027, a Friday. */
	assert_date(d.answer_by, 2027, 1, 29);
	d = appeal_due_dates(CAL, D(2026, 11, 30), D(2026, 11, 30), 14, APPEAL_DAY_OFF_NEXT);
	/* + 44 = 13 January 2027, Wednesday. */
	assert_date(d.answer_by, 2027, 1, 13);
}

static void test_days_left(void **state)
{
	(void)state;
	assert_int_equal(appeal_days_left(D(2026, 11, 22), D(2026, 12, 22)), 30);
	assert_int_equal(appeal_days_left(D(2026, 12, 22), D(2026, 12, 22)), 0);
	assert_int_equal(appeal_days_left(D(2027, 1, 2), D(2026, 12, 31)), -2);
}

static void test_policy_names(void **state)
{
	(void)state;
	assert_int_equal(appeal_day_off_parse("previous"), APPEAL_DAY_OFF_PREVIOUS);
	assert_int_equal(appeal_day_off_parse("next"), APPEAL_DAY_OFF_NEXT);
	assert_int_equal(appeal_day_off_parse("keep"), APPEAL_DAY_OFF_KEEP);
	assert_int_equal(appeal_day_off_parse("Previous"), -1);
	assert_int_equal(appeal_day_off_parse(""), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_thirty_days_across_a_month_end),
		cmocka_unit_test(test_a_last_day_off_moves_by_the_policy),
		cmocka_unit_test(test_the_new_year_holidays),
		cmocka_unit_test(test_the_may_holidays),
		cmocka_unit_test(test_registration_forwarding_and_answer),
		cmocka_unit_test(test_one_extension_of_up_to_thirty_days),
		cmocka_unit_test(test_days_left),
		cmocka_unit_test(test_policy_names),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
