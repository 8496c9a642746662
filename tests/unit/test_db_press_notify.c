/* test_db_press_notify.c — the readers of db_notify.c and db_press.c: what they read from a
 * migrated database, and that a failing step is an error, never an empty answer. */
#include "unit.h"

#include "db_notify.h"
#include "db_press.h"

struct fixture {
	struct db db;
	struct arena arena;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (f == NULL || db_open(&f->db, ":memory:", 1000, true) < 0)
		return -1;
	if (db_migrate(&f->db, PORTAL_SHARE_DIR "/sql") < 1 || db_prepare_all(&f->db) < 0)
		return -1;
	arena_init(&f->arena, 16 * 1024);
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

/* Run sql on the fixture's connection, asserting it worked. */
static void exec(struct fixture *f, const char *sql)
{
	assert_int_equal(sqlite3_exec(f->db.conn, sql, NULL, NULL, NULL), SQLITE_OK);
}

/* A progress handler that interrupts every statement: each step fails with SQLITE_INTERRUPT. */
static int interrupt_all(void *unused)
{
	(void)unused;
	return 1;
}

/* A meeting without a venue, never announced, with one change of its time. */
static void add_meeting(struct fixture *f)
{
	exec(f, "INSERT INTO territory (id, level, name) VALUES (1, 'settlement', 'Зеленоборск');"
		"INSERT INTO meeting (id, kind, title, territory_id, starts_at, ends_at) "
		"SELECT 7, code, 'Встреча с жителями', 1, 2000000000, 2000003600 FROM meeting_kind "
		"LIMIT 1;");
}

static void test_readers_read_what_is_there_and_nothing_else(void **state)
{
	struct fixture *f = *state;
	add_meeting(f);
	exec(f, "INSERT INTO media_contact (name, email) VALUES ('Газета «Вестник»', "
		"'news@vestnik.example');");

	const char *title = NULL;
	assert_int_equal(db_notify_title(&f->db, &f->arena, 7, &title), 0);
	assert_string_equal(title, "Встреча с жителями");
	assert_int_equal(db_notify_title(&f->db, &f->arena, 8, &title), 0);
	assert_string_equal(title, "");

	long long venue = -1, change = -1;
	assert_int_equal(db_notify_venue(&f->db, 7, &venue), 0);
	assert_int_equal(venue, 0);
	assert_int_equal(db_notify_last_change(&f->db, 7, &change), 0);
	assert_int_equal(change, 0);

	/* Never announced: no previous place, and its texts are empty, not NULL (a crash). */
	struct notify_published prev;
	assert_int_equal(db_notify_previous(&f->db, &f->arena, 7, &prev), 1);
	assert_string_equal(prev.venue_name, "");
	assert_string_equal(prev.venue_address, "");

	const char *token = NULL;
	assert_int_equal(db_notify_link_token(&f->db, &f->arena, "discussion", 1, "a@b.example",
					      &token),
			 1);
	assert_string_equal(token, "");

	/* A contact added without a body is the own municipality's (migration 031); the address
	 * is taken on that list only. */
	assert_int_equal(db_media_email_taken(&f->db, "NEWS@vestnik.example", 0, 1), 1);
	exec(f, "INSERT INTO municipality (id, kind, name, slug, code) VALUES (2, 'rural_settlement', "
		"'Берёзовка', 'berezovka', 'БРЗ')");
	assert_int_equal(db_media_email_taken(&f->db, "news@vestnik.example", 0, 2), 0);
	struct media_contact *contacts;
	size_t count;
	assert_int_equal(db_media_contacts(&f->db, &f->arena, 0, &contacts, &count), 0);
	assert_int_equal(count, 1);
	assert_int_equal(contacts[0].municipality_id, 1);
	assert_int_equal(db_media_contacts(&f->db, &f->arena, 2, &contacts, &count), 0);
	assert_int_equal(count, 0);
	assert_int_equal(db_media_contacts(&f->db, &f->arena, 1, &contacts, &count), 0);
	assert_int_equal(count, 1);
	assert_int_equal(db_media_email_taken(&f->db, "news@vestnik.example", contacts[0].id, 1), 0);
	struct media_contact c;
	assert_int_equal(db_media_contact(&f->db, &f->arena, contacts[0].id, &c), 0);
	assert_string_equal(c.name, "Газета «Вестник»");
	assert_int_equal(c.municipality_id, 1);
	assert_true(c.active);
	assert_int_equal(db_media_contact(&f->db, &f->arena, contacts[0].id + 1, &c), 1);
	assert_string_equal(c.name, "");

	struct outbox_state o;
	assert_int_equal(db_outbox_state(&f->db, &f->arena, 1, &o), 1);
	assert_string_equal(o.status, "");
}

/* A step that fails (here: interrupted) is reported as an error. Before the readers, the
 * notifier took such a failure for «no title», «no venue», «no change», «no personal link» and
 * the media form for «address not taken», and went on with wrong data. */
static void test_a_failing_step_is_an_error_not_an_empty_answer(void **state)
{
	struct fixture *f = *state;
	add_meeting(f);
	sqlite3_progress_handler(f->db.conn, 1, interrupt_all, NULL);

	const char *text;
	long long number;
	assert_int_equal(db_notify_title(&f->db, &f->arena, 7, &text), -1);
	assert_int_equal(db_notify_venue(&f->db, 7, &number), -1);
	assert_int_equal(db_notify_last_change(&f->db, 7, &number), -1);
	assert_int_equal(db_notify_link_token(&f->db, &f->arena, "discussion", 1, "a@b.example",
					      &text),
			 -1);
	assert_int_equal(db_announcement_webhook_posts(&f->db, 1, &number), -1);
	assert_int_equal(db_media_email_taken(&f->db, "news@vestnik.example", 0, 1), -1);
	struct outbox_totals totals;
	assert_int_equal(db_outbox_press_totals(&f->db, false, 0, &totals), -1);
	assert_int_equal(db_outbox_totals(&f->db, 0, &totals), -1);
	struct notify_candidate *candidates;
	size_t count;
	assert_int_equal(db_notify_unannounced(&f->db, &f->arena, 0, &candidates, &count), -1);

	sqlite3_progress_handler(f->db.conn, 0, NULL, NULL);
	assert_int_equal(db_notify_title(&f->db, &f->arena, 7, &text), 0);
	assert_string_equal(text, "Встреча с жителями");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_readers_read_what_is_there_and_nothing_else,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_failing_step_is_an_error_not_an_empty_answer,
						setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
