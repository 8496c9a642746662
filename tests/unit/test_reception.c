/* test_reception.c — the slots of a personal reception (src/domain/reception.c). */
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_slot_count),
		cmocka_unit_test(test_slot_at_and_valid),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
