/* test_rules.c — the 5-day announcement rule (src/domain/rules.c), counted in the municipality's zone. */
#include "unit.h"

#include "civil_time.h"
#include "rules.h"

/* The UTC instant of a local wall-clock time in the configured zone. */
static time_t local(int y, int mo, int d, int h, int mi)
{
	struct civil_date date = {y, mo, d};
	return tz_local_to_utc(date, h, mi);
}

static int setup_yekaterinburg(void **state)
{
	(void)state;
	return tz_set("Asia/Yekaterinburg");
}

static void assert_date(struct civil_date d, int y, int m, int day)
{
	assert_int_equal(d.year, y);
	assert_int_equal(d.month, m);
	assert_int_equal(d.day, day);
}

static void test_earliest_date_is_five_days_later(void **state)
{
	(void)state;
	assert_date(rule_earliest_meeting_date(local(2026, 11, 22, 10, 0), NULL), 2026, 11, 27);
	/* Late in the evening is still the same local day. */
	assert_date(rule_earliest_meeting_date(local(2026, 11, 22, 23, 59), NULL), 2026, 11, 27);
	/* 20:00 UTC on the 22nd is already 01:00 on the 23rd in UTC+5. */
	struct civil_date utc_day = {2026, 11, 22};
	time_t evening_utc = tz_local_to_utc(utc_day, 0, 0) + 5 * 3600 + 20 * 3600;
	assert_date(rule_earliest_meeting_date(evening_utc, NULL), 2026, 11, 28);
}

static void test_earliest_date_across_month_and_year(void **state)
{
	(void)state;
	assert_date(rule_earliest_meeting_date(local(2026, 12, 29, 12, 0), NULL), 2027, 1, 3);
	assert_date(rule_earliest_meeting_date(local(2028, 2, 26, 9, 0), NULL), 2028, 3, 2); /* leap */
	assert_date(rule_earliest_meeting_date(local(2027, 2, 26, 9, 0), NULL), 2027, 3, 3);
}

static void test_five_days_kept_at_the_boundary(void **state)
{
	(void)state;
	time_t now = local(2026, 11, 22, 15, 30);
	assert_true(rule_notice_kept(now, local(2026, 11, 27, 0, 0), "head_mass"));
	assert_true(rule_notice_kept(now, local(2026, 11, 28, 18, 0), "head_mass"));
	assert_false(rule_notice_kept(now, local(2026, 11, 26, 23, 59), "head_mass"));
	assert_false(rule_notice_kept(now, local(2026, 11, 26, 10, 0), "head_mass"));
	assert_false(rule_notice_kept(now, now - 3600, "head_mass")); /* the past */
}

static void test_four_days_refused_six_accepted(void **state)
{
	(void)state;
	time_t now = local(2026, 3, 11, 9, 0);
	assert_false(rule_notice_kept(now, now + 4 * 86400, "head_mass"));
	assert_true(rule_notice_kept(now, now + 6 * 86400, "head_mass"));
}

static void test_announce_deadline(void **state)
{
	(void)state;
	assert_date(rule_announce_deadline(local(2026, 11, 27, 18, 0), NULL), 2026, 11, 22);
	assert_date(rule_announce_deadline(local(2027, 1, 3, 10, 0), NULL), 2026, 12, 29);
	/* A meeting at 01:00 local belongs to its local day, not the UTC one before it. */
	assert_date(rule_announce_deadline(local(2026, 12, 1, 1, 0), NULL), 2026, 11, 26);
}

static void test_other_zone(void **state)
{
	(void)state;
	assert_int_equal(tz_set("Asia/Vladivostok"), 0); /* UTC+10 */
	/* 15:00 UTC on the 22nd is 01:00 on the 23rd in Vladivostok. */
	struct civil_date d = {2026, 11, 22};
	time_t t = tz_local_to_utc(d, 0, 0) + 10 * 3600 + 15 * 3600;
	assert_date(rule_earliest_meeting_date(t, NULL), 2026, 11, 28);
	assert_int_equal(tz_set("Asia/Yekaterinburg"), 0);
}

/* A kind given a longer period by a municipality's order (public hearings: 10 days) follows it;
 * other kinds keep the 5 days; a period below the acts' 5 days or above the maximum is
 * refused. */
static void test_notice_period_per_kind(void **state)
{
	(void)state;
	rule_notice_reset();
	assert_int_equal(rule_notice_set("public_hearing", 4), -1);
	assert_int_equal(rule_notice_set("public_hearing", RULE_NOTICE_MAX_DAYS + 1), -1);
	assert_int_equal(rule_notice_set("public_hearing", 10), 0);
	assert_int_equal(rule_notice_days("public_hearing"), 10);
	assert_int_equal(rule_notice_days("head_mass"), 5);
	assert_int_equal(rule_notice_days(NULL), 5);
	assert_int_equal(rule_notice_max_days(), 10);
	time_t now = local(2026, 11, 22, 10, 0);
	assert_date(rule_earliest_meeting_date(now, "public_hearing"), 2026, 12, 2);
	assert_false(rule_notice_kept(now, local(2026, 11, 29, 18, 0), "public_hearing"));
	assert_true(rule_notice_kept(now, local(2026, 11, 29, 18, 0), "gathering"));
	assert_true(rule_notice_kept(now, local(2026, 12, 2, 9, 0), "public_hearing"));
	assert_date(rule_announce_deadline(local(2026, 12, 2, 18, 0), "public_hearing"), 2026, 11,
		    22);
	assert_int_equal(rule_notice_set("public_hearing", 14), 0); /* set again: replaced */
	assert_int_equal(rule_notice_days("public_hearing"), 14);
	rule_notice_reset();
	assert_int_equal(rule_notice_days("public_hearing"), 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_earliest_date_is_five_days_later),
		cmocka_unit_test(test_earliest_date_across_month_and_year),
		cmocka_unit_test(test_five_days_kept_at_the_boundary),
		cmocka_unit_test(test_four_days_refused_six_accepted),
		cmocka_unit_test(test_announce_deadline),
		cmocka_unit_test(test_other_zone),
		cmocka_unit_test(test_notice_period_per_kind),
	};
	return cmocka_run_group_tests(tests, setup_yekaterinburg, NULL);
}
