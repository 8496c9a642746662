/* calendar_fixture.h — for unit tests that count working days over the production calendar the
 * migrations ship: an in-memory database migrated from sql/, the calendar loaded from it, and
 * date helpers. Include after unit.h; use setup/teardown as the group's fixture. */
#ifndef PORTAL_TEST_CALENDAR_FIXTURE_H
#define PORTAL_TEST_CALENDAR_FIXTURE_H

#include "arena.h"
#include "civil_time.h"
#include "db.h"
#include "workdays.h"

struct fixture {
	struct db db;
	struct arena arena;
	struct workcal cal;
};

static inline struct civil_date D(int y, int m, int d)
{
	return (struct civil_date){y, m, d};
}

static inline void assert_date(struct civil_date d, int y, int m, int day)
{
	char got[16], want[16];
	snprintf(got, sizeof got, "%04d-%02d-%02d", d.year, d.month, d.day);
	snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, day);
	assert_string_equal(got, want);
}

static inline int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (f == NULL || db_open(&f->db, ":memory:", 1000, true) < 0)
		return -1;
	if (db_migrate(&f->db, PORTAL_SHARE_DIR "/sql") < 8 || db_prepare_all(&f->db) < 0)
		return -1;
	arena_init(&f->arena, 4096);
	if (workdays_load(&f->db, &f->arena, &f->cal) < 0)
		return -1;
	*state = f;
	return 0;
}

static inline int teardown(void **state)
{
	struct fixture *f = *state;
	arena_free(&f->arena);
	db_close(&f->db);
	free(f);
	return 0;
}

#endif
