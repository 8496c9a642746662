/* test_plan.c — the periods of a measure of the plan (src/domain/plan.c): months, quarters,
 * halves and years cut to the dates asked and to today, the year before a due date (29 February
 * included), no periods for a permanent measure, the Russian names of periods and periodicities
 * and the states fulfilled, missing and pending. */
#include "unit.h"

#include "arena.h"
#include "civil_time.h"
#include "plan.h"

static struct civil_date D(int y, int m, int d)
{
	return (struct civil_date){y, m, d};
}

static void assert_period(struct plan_period p, struct civil_date first, struct civil_date last)
{
	assert_int_equal(civil_date_compare(p.first, first), 0);
	assert_int_equal(civil_date_compare(p.last, last), 0);
}

static void test_periods_of_a_year(void **state)
{
	(void)state;
	struct plan_period p[16];
	struct civil_date none = {0, 0, 0};
	/* A whole past year: 12 months, 4 quarters, 2 halves, 1 year. */
	assert_int_equal(plan_periods(PLAN_MONTHLY, none, D(2025, 1, 1), D(2025, 12, 31),
				      D(2026, 6, 1), p, 16), 12);
	assert_period(p[1], D(2025, 2, 1), D(2025, 2, 28));
	assert_int_equal(plan_periods(PLAN_QUARTERLY, none, D(2025, 1, 1), D(2025, 12, 31),
				      D(2026, 6, 1), p, 16), 4);
	assert_period(p[3], D(2025, 10, 1), D(2025, 12, 31));
	assert_int_equal(plan_periods(PLAN_HALF_YEARLY, none, D(2025, 1, 1), D(2025, 12, 31),
				      D(2026, 6, 1), p, 16), 2);
	assert_period(p[1], D(2025, 7, 1), D(2025, 12, 31));
	assert_int_equal(plan_periods(PLAN_YEARLY, none, D(2025, 1, 1), D(2025, 12, 31),
				      D(2026, 6, 1), p, 16), 1);
	/* Cut at today: the current quarter is the last; a date in mid-period starts it. */
	assert_int_equal(plan_periods(PLAN_QUARTERLY, none, D(2026, 2, 15), D(2026, 12, 31),
				      D(2026, 5, 10), p, 16), 2);
	assert_period(p[0], D(2026, 1, 1), D(2026, 3, 31));
	assert_period(p[1], D(2026, 4, 1), D(2026, 6, 30));
	assert_int_equal(plan_periods(PLAN_PERMANENT, none, D(2025, 1, 1), D(2025, 12, 31),
				      D(2026, 6, 1), p, 16), 0);
	/* At most max. */
	assert_int_equal(plan_periods(PLAN_MONTHLY, none, D(2025, 1, 1), D(2025, 12, 31),
				      D(2026, 6, 1), p, 5), 5);
}

static void test_once_by_a_date(void **state)
{
	(void)state;
	struct plan_period p[2];
	assert_int_equal(plan_periods(PLAN_ONCE, D(2026, 11, 30), D(2026, 1, 1), D(2026, 12, 31),
				      D(2026, 12, 7), p, 2), 1);
	assert_period(p[0], D(2025, 12, 1), D(2026, 11, 30));
	assert_int_equal(plan_periods(PLAN_ONCE, D(2028, 2, 29), D(2028, 1, 1), D(2028, 12, 31),
				      D(2028, 3, 1), p, 2), 1);
	assert_period(p[0], D(2027, 3, 1), D(2028, 2, 29));
	/* A due date outside the dates asked: no period. */
	assert_int_equal(plan_periods(PLAN_ONCE, D(2024, 3, 1), D(2026, 1, 1), D(2026, 12, 31),
				      D(2026, 12, 7), p, 2), 0);
}

static void test_names_and_states(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 1024);
	struct plan_period q = {D(2026, 4, 1), D(2026, 6, 30)};
	assert_string_equal(plan_period_label(&a, PLAN_QUARTERLY, q), "II квартал 2026 г.");
	assert_string_equal(plan_period_label(&a, PLAN_MONTHLY, (struct plan_period){D(2026, 3, 1),
							    D(2026, 3, 31)}), "март 2026 г.");
	assert_string_equal(plan_period_label(&a, PLAN_HALF_YEARLY,
					      (struct plan_period){D(2026, 7, 1), D(2026, 12, 31)}),
			    "2-е полугодие 2026 г.");
	assert_string_equal(plan_period_label(&a, PLAN_YEARLY, (struct plan_period){D(2026, 1, 1),
							    D(2026, 12, 31)}), "2026 год");
	assert_string_equal(plan_period_label(&a, PLAN_ONCE, (struct plan_period){D(2025, 12, 1),
							    D(2026, 11, 30)}), "до 30 ноября 2026 г.");
	assert_int_equal(plan_periodicity_parse("quarterly"), PLAN_QUARTERLY);
	assert_int_equal(plan_periodicity_parse("ежеквартально"), PLAN_QUARTERLY);
	assert_int_equal(plan_periodicity_parse("Ежеквартально"), PLAN_QUARTERLY);
	assert_int_equal(plan_periodicity_parse("еженедельно"), PLAN__MAX);
	assert_int_equal(plan_periodicity_parse(""), PLAN__MAX);
	assert_int_equal(plan_period_state(q, true, D(2026, 5, 1)), PLAN_FULFILLED);
	assert_int_equal(plan_period_state(q, false, D(2026, 6, 30)), PLAN_PENDING);
	assert_int_equal(plan_period_state(q, false, D(2026, 7, 1)), PLAN_MISSING);
	assert_true(plan_period_contains(q, D(2026, 6, 30)));
	assert_false(plan_period_contains(q, D(2026, 7, 1)));
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_periods_of_a_year),
		cmocka_unit_test(test_once_by_a_date),
		cmocka_unit_test(test_names_and_states),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
