/* test_meeting_words.c — src/domain/meeting_words.c over the meeting kinds the migrations ship
 * (014: gender and title stems): every kind's sentence agrees with its name, a title that names
 * the kind is not preceded by it again, and titles with their own quotes nest them. */
#include "unit.h"

#include "arena.h"
#include "db.h"
#include "meeting_words.h"

struct fixture {
	struct db db;
	struct arena arena;
	struct kind_words *kinds;
	size_t count;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (f == NULL || db_open(&f->db, ":memory:", 1000, true) < 0)
		return -1;
	if (db_migrate(&f->db, PORTAL_SHARE_DIR "/sql") < 14 || db_prepare_all(&f->db) < 0)
		return -1;
	arena_init(&f->arena, 8192);
	if (kind_words_load(&f->db, &f->arena, &f->kinds, &f->count) < 0)
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

/* Each kind: its name, the verb agreeing with it, a title naming the kind. */
static const struct {
	const char *code, *name, *held, *naming;
} expected[] = {
	{"head_mass", "Встреча главы с населением с массовым участием жителей", "состоялась",
	 "Встреча главы с жителями микрорайона Лесной"},
	{"group_field", "Выездная встреча информационной группы", "состоялась",
	 "Выездная встреча в школе № 2"},
	{"personal_reception", "Личный приём граждан", "состоялся", "Личный приём главы поселения"},
	{"gathering", "Сход граждан", "состоялся", "Сход граждан деревни Кедровая"},
	{"head_report", "Отчёт главы поселения перед населением", "состоялся",
	 "ОТЧЁТ главы поселения за 2026 год"},
	{"public_hearing", "Публичные слушания, общественные обсуждения", "состоялись",
	 "Публичные слушания по проекту бюджета"},
	{"forum", "Форум", "состоялся", "Форум общественных организаций «Реальные дела»"},
};

static void test_every_kind_shipped_is_covered(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(f->count, sizeof expected / sizeof expected[0]);
	for (size_t i = 0; i < f->count; i++) {
		bool found = false;
		for (size_t k = 0; k < sizeof expected / sizeof expected[0]; k++)
			found |= strcmp(f->kinds[i].code, expected[k].code) == 0;
		assert_true(found);
	}
}

static void test_every_kind_agrees_and_is_named_once(void **state)
{
	struct fixture *f = *state;
	struct arena *a = &f->arena;
	for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
		const struct kind_words *k = kind_words_find(a, f->kinds, f->count, expected[i].code);
		assert_string_equal(k->name, expected[i].name);
		const char *held[4] = {"состоялся", "состоялась", "состоялось", "состоялись"};
		/* A title without the kind: the kind's name, the title in quotes, the verb. */
		assert_string_equal(meeting_sentence(a, k, "Итоги года", held[0], held[1], held[2],
						     held[3]),
				    arena_printf(a, "%s «Итоги года» %s", expected[i].name,
						 expected[i].held));
		/* A title naming the kind: the title alone. */
		assert_true(meeting_title_names_kind(a, k, expected[i].naming));
		assert_string_equal(meeting_sentence(a, k, expected[i].naming, held[0], held[1],
						     held[2], held[3]),
				    arena_printf(a, "%s %s", expected[i].naming, expected[i].held));
		/* Found by its name as well as by its code (the feed reads names). */
		assert_ptr_equal(kind_words_find(a, f->kinds, f->count, expected[i].name), k);
	}
}

static void test_nested_quotes_and_unknown_kinds(void **state)
{
	struct fixture *f = *state;
	struct arena *a = &f->arena;
	const struct kind_words *forum = kind_words_find(a, f->kinds, f->count, "forum");
	assert_string_equal(meeting_subject(a, forum, "Итоги «Реальных дел»"),
			    "Форум «Итоги „Реальных дел“»");
	const struct kind_words *other = kind_words_find(a, f->kinds, f->count, "Собрание");
	assert_string_equal(meeting_sentence(a, other, "Итоги", "m", "f", "n", "p"),
			    "Собрание «Итоги» f");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_every_kind_shipped_is_covered, setup, teardown),
		cmocka_unit_test_setup_teardown(test_every_kind_agrees_and_is_named_once, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_nested_quotes_and_unknown_kinds, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
