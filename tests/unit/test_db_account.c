/* test_db_account.c — src/db/db_account.c: the readers of the residents' side fill their structs
 * from the migrated schema, tell "none" (1) from a database error (-1), and keep NULL apart from
 * text where the pages need it (the whole municipality, an appeal without an outcome). */
#include "unit.h"

#include "db_account.h"
#include "db_meeting.h"
#include "db_reference.h"

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
	arena_init(&f->arena, 4096);
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

/* Run sql on the fixture's connection, which must succeed. */
static void exec(struct fixture *f, const char *sql)
{
	assert_int_equal(sqlite3_exec(f->db.conn, sql, NULL, NULL, NULL), SQLITE_OK);
}

/* Run a statement that must fail with stderr (the reader's log line) silenced. */
static int quietly(int (*run)(struct fixture *f), struct fixture *f)
{
	fflush(stderr);
	FILE *saved = stderr;
	stderr = fopen("/dev/null", "w");
	int rc = run(f);
	fclose(stderr);
	stderr = saved;
	return rc;
}

static const unsigned char token_hash[32] = {1, 2, 3};

/* A session is read with its resident; an unknown token and a closed account are none. */
static void test_a_session_is_read_with_its_resident(void **state)
{
	struct fixture *f = *state;
	struct account_identity who = {
		.method = "esia", .subject = "sub-1", .surname = "Соколова", .name = "Анна",
		.patronymic = "Петровна", .email = "anna@example.org", .phone = "+7 900 000-00-01",
		.address = "ул. Лесная, 3", .confirmed = true,
	};
	long long resident;
	assert_int_equal(db_account_resident_upsert(&f->db, &who, 1000, &resident), 0);
	assert_true(resident > 0);
	sqlite3_stmt *s = db_stmt(&f->db, STMT_RESIDENT_SESSION_INSERT);
	sqlite3_bind_blob(s, 1, token_hash, sizeof token_hash, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, resident);
	sqlite3_bind_text(s, 3, "csrf-token", -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, 1000);
	sqlite3_bind_text(s, 5, "id-token", -1, SQLITE_STATIC);
	assert_int_equal(db_run(s), SQLITE_DONE);

	struct account_session got;
	assert_int_equal(db_account_session(&f->db, &f->arena, token_hash, &got), 0);
	assert_int_equal(got.resident_id, resident);
	assert_string_equal(got.csrf, "csrf-token");
	assert_string_equal(got.id_token, "id-token");
	assert_int_equal(got.created_at, 1000);
	assert_int_equal(got.seen_at, 1000);
	assert_string_equal(got.method, "esia");
	assert_string_equal(got.surname, "Соколова");
	assert_string_equal(got.patronymic, "Петровна");
	assert_string_equal(got.address, "ул. Лесная, 3");
	assert_true(got.confirmed);

	/* The same subject signing in again is the same resident. */
	long long again;
	assert_int_equal(db_account_resident_upsert(&f->db, &who, 2000, &again), 0);
	assert_int_equal(again, resident);

	static const unsigned char other[32] = {9};
	assert_int_equal(db_account_session(&f->db, &f->arena, other, &got), 1);
	exec(f, "UPDATE resident SET closed_at = 3000");
	assert_int_equal(db_account_session(&f->db, &f->arena, token_hash, &got), 1);
}

static int read_code(struct fixture *f)
{
	struct email_code code;
	return db_email_code(&f->db, &f->arena, "anna@example.org", &code);
}

/* A one-time code is read with its hash; none is 1, and a database error is -1, not "none"
 * (the sign-in must not send a new code or refuse the right one because a read failed). */
static void test_a_code_none_and_an_error_are_told_apart(void **state)
{
	struct fixture *f = *state;
	struct email_code code;
	assert_int_equal(db_email_code(&f->db, &f->arena, "anna@example.org", &code), 1);
	exec(f, "INSERT INTO email_code (email, code_hash, sent_at, expires_at, tries, return_to) "
		"VALUES ('anna@example.org', zeroblob(32), 10, 610, 2, '/appeals/new')");
	assert_int_equal(db_email_code(&f->db, &f->arena, "anna@example.org", &code), 0);
	assert_true(code.hash_ok);
	assert_int_equal(code.sent_at, 10);
	assert_int_equal(code.expires_at, 610);
	assert_int_equal(code.tries, 2);
	assert_string_equal(code.return_to, "/appeals/new");
	exec(f, "UPDATE email_code SET code_hash = zeroblob(31)");
	assert_int_equal(db_email_code(&f->db, &f->arena, "anna@example.org", &code), 0);
	assert_false(code.hash_ok);
	exec(f, "DROP TABLE email_code");
	assert_int_equal(quietly(read_code, f), -1);
}

/* A subscription of the whole municipality has no territory (NULL, not ""), one of a territory
 * its name; found by address and territory, or by token. */
static void test_a_subscription_keeps_the_whole_municipality_apart(void **state)
{
	struct fixture *f = *state;
	exec(f, "INSERT INTO territory (id, parent_id, level, name) "
		"VALUES (900, NULL, 'district', 'Район')");
	exec(f, "INSERT INTO subscription (email, territory_id, token, status, created_at) VALUES "
		"('a@example.org', NULL, 'tok-all', 'active', 1), "
		"('a@example.org', 900, 'tok-900', 'pending', 2)");
	struct subscription_row row;
	assert_int_equal(db_subscription_by_token(&f->db, &f->arena, "tok-all", &row), 0);
	assert_null(row.territory);
	assert_string_equal(row.email, "a@example.org");
	assert_string_equal(row.status, "active");
	assert_int_equal(db_subscription_by_token(&f->db, &f->arena, "tok-900", &row), 0);
	assert_string_equal(row.territory, "Район");
	assert_int_equal(db_subscription_by_token(&f->db, &f->arena, "tok-none", &row), 1);

	assert_int_equal(db_subscription_find(&f->db, &f->arena, "a@example.org", 900, 0, &row), 0);
	assert_string_equal(row.token, "tok-900");
	assert_string_equal(row.status, "pending");
	assert_int_equal(db_subscription_find(&f->db, &f->arena, "a@example.org", 0, 0, &row), 0);
	assert_string_equal(row.token, "tok-all");
	assert_int_equal(db_subscription_find(&f->db, &f->arena, "b@example.org", 0, 0, &row), 1);

	struct account_subscription *list;
	size_t count;
	assert_int_equal(db_account_subscriptions(&f->db, &f->arena, "a@example.org", &list, &count),
			 0);
	assert_int_equal(count, 2);
	assert_null(list[0].territory);
	assert_string_equal(list[1].territory, "Район");
	assert_string_equal(list[1].status, "pending");
}

/* A draft of the appeal form is taken once, and not when it is older than allowed. */
static void test_a_draft_is_taken_once(void **state)
{
	struct fixture *f = *state;
	sqlite3_stmt *s = db_stmt(&f->db, STMT_APPEAL_DRAFT_PUT);
	sqlite3_bind_blob(s, 1, token_hash, sizeof token_hash, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, "{\"text\":\"Прошу\"}", -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, 500);
	assert_int_equal(db_run(s), SQLITE_DONE);
	const char *fields;
	assert_int_equal(db_appeal_draft_take(&f->db, &f->arena, token_hash, 600, &fields), 1);
	assert_null(fields);
	assert_int_equal(db_appeal_draft_take(&f->db, &f->arena, token_hash, 400, &fields), 0);
	assert_string_equal(fields, "{\"text\":\"Прошу\"}");
	assert_int_equal(db_appeal_draft_take(&f->db, &f->arena, token_hash, 400, &fields), 1);
}

/* The territory check and a meeting's territory: found, none. */
static void test_shared_lookups(void **state)
{
	struct fixture *f = *state;
	exec(f, "INSERT INTO territory (id, parent_id, level, name) "
		"VALUES (901, NULL, 'district', 'Округ')");
	assert_int_equal(db_territory_exists(&f->db, 901), 1);
	assert_int_equal(db_territory_exists(&f->db, 902), 0);
	long long territory;
	assert_int_equal(db_meeting_territory(&f->db, 123456, &territory), 1);
	assert_int_equal(territory, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_a_session_is_read_with_its_resident, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_a_code_none_and_an_error_are_told_apart, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_a_subscription_keeps_the_whole_municipality_apart,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_draft_is_taken_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_shared_lookups, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
