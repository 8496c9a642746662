/* test_protocol.c — src/domain/protocol.c: the handover due date of a protocol (5 working days after
 * the meeting) over the production calendar the migrations ship, across the May holidays of
 * 2026; the names of instruction statuses; the check of photo and video links. */
#include "unit.h"

#include "arena.h"
#include "civil_time.h"
#include "db.h"
#include "protocol.h"
#include "workdays.h"

struct fixture {
	struct db db;
	struct arena arena;
	struct workcal cal;
};

static void assert_date(struct civil_date d, int y, int m, int day)
{
	char got[16], want[16];
	snprintf(got, sizeof got, "%04d-%02d-%02d", d.year, d.month, d.day);
	snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, day);
	assert_string_equal(got, want);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (f == NULL || db_open(&f->db, ":memory:", 1000, true) < 0)
		return -1;
	if (db_migrate(&f->db, PORTAL_SHARE_DIR "/sql") < 12 || db_prepare_all(&f->db) < 0)
		return -1;
	arena_init(&f->arena, 4096);
	if (workdays_load(&f->db, &f->arena, &f->cal) < 0)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	arena_free(&f->arena);
	db_close(&f->db);
	free(f);
	return 0;
}

static void test_handover_across_the_may_holidays(void **state)
{
	const struct workcal *cal = &((struct fixture *)*state)->cal;
	int uncovered = -1;
	/* Thursday 30 April 2026: 1–3 May are off, so 4, 5, 6, 7 and the short 8 May count. */
	assert_date(protocol_handover_due(cal, (struct civil_date){2026, 4, 30}, 5, &uncovered), 2026,
		    5, 8);
	assert_int_equal(uncovered, 0);
	/* Wednesday 6 May: 7, 8, then 9–11 May off (11 May by the transfer from Saturday 9 May),
	 * then 12, 13, 14. */
	assert_date(protocol_handover_due(cal, (struct civil_date){2026, 5, 6}, 5, NULL), 2026, 5, 14);
	/* An ordinary week: Monday 16 November 2026 → Monday 23 November. */
	assert_date(protocol_handover_due(cal, (struct civil_date){2026, 11, 16}, 5, NULL), 2026, 11,
		    23);
	/* A year without a calendar is reported. */
	protocol_handover_due(cal, (struct civil_date){2029, 3, 1}, 5, &uncovered);
	assert_int_equal(uncovered, 2029);
}

static void test_status_labels(void **state)
{
	(void)state;
	assert_string_equal(instruction_status_label("assigned"), "назначено");
	assert_string_equal(instruction_status_label("returned"), "возвращено на доработку");
	assert_null(instruction_status_label("done"));
	assert_true(instruction_status_open("returned"));
	assert_true(instruction_status_open("in_progress"));
	assert_false(instruction_status_open("reported"));
	assert_false(instruction_status_open("cancelled"));
}

static void test_links(void **state)
{
	(void)state;
	assert_true(protocol_url_valid("https://video.zelenoborsk.example/forum"));
	assert_true(protocol_url_valid("http://example.org/a?b=c"));
	assert_false(protocol_url_valid("javascript:alert(1)"));
	assert_false(protocol_url_valid("ftp://example.org/file"));
	assert_false(protocol_url_valid("example.org/photo"));
	assert_false(protocol_url_valid("https://"));
	assert_false(protocol_url_valid("https://exa mple.org/"));
	assert_false(protocol_url_valid(""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_handover_across_the_may_holidays, setup,
						teardown),
		cmocka_unit_test(test_status_labels),
		cmocka_unit_test(test_links),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
