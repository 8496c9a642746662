/* test_db.c — src/db/db.c: every statement prepares against the migrated schema with the result
 * columns its table declares, and a statement whose columns differ from the declaration, or that
 * declares none, stops start-up with a message naming it. */
#include "unit.h"

#include <unistd.h>

#include "db.h"

struct fixture {
	struct db db;
	struct db_statement declared[STMT__MAX];
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (f == NULL || db_open(&f->db, ":memory:", 1000, true) < 0)
		return -1;
	if (db_migrate(&f->db, PORTAL_SHARE_DIR "/sql") < 1 || db_statements_declared(f->declared) < 0)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	db_close(&f->db);
	free(f);
	return 0;
}

/* Run db_prepare_statements(db, table) with stderr captured into message (at most size - 1
 * bytes); its result. */
static int prepare_capturing(struct db *db, const struct db_statement *table, char *message,
			     size_t size)
{
	fflush(stderr);
	FILE *capture = tmpfile();
	assert_non_null(capture);
	int saved = dup(STDERR_FILENO);
	assert_true(saved >= 0);
	assert_true(dup2(fileno(capture), STDERR_FILENO) >= 0);
	int rc = db_prepare_statements(db, table);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	rewind(capture);
	size_t n = fread(message, 1, size - 1, capture);
	message[n] = '\0';
	fclose(capture);
	return rc;
}

/* The statements every program prepares: all declared, all prepared, each with the count its
 * table declares (db_prepare_all would have refused otherwise; checked here one by one too). */
static void test_every_statement_has_its_declared_columns(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(db_prepare_all(&f->db), 0);
	for (int i = 0; i < STMT__MAX; i++) {
		assert_non_null(f->declared[i].name);
		assert_non_null(f->declared[i].sql);
		assert_non_null(f->db.stmt[i]);
		if (sqlite3_column_count(f->db.stmt[i]) != f->declared[i].columns)
			fail_msg("%s: %d columns, declared %d", f->declared[i].name,
				 sqlite3_column_count(f->db.stmt[i]), f->declared[i].columns);
	}
	/* Both kinds of declaration are there: a query's count and a write's 0. */
	assert_string_equal(f->declared[STMT_HEALTH].name, "STMT_HEALTH");
	assert_int_equal(f->declared[STMT_HEALTH].columns, 1);
	assert_string_equal(f->declared[STMT_SESSION_INSERT].name, "STMT_SESSION_INSERT");
	assert_int_equal(f->declared[STMT_SESSION_INSERT].columns, 0);
}

/* A reader that expects a column more than its SQL returns is refused, with both counts. */
static void test_a_count_that_differs_is_refused(void **state)
{
	struct fixture *f = *state;
	static struct db_statement wrong[STMT__MAX];
	memcpy(wrong, f->declared, sizeof wrong);
	wrong[STMT_USER_BY_LOGIN].columns += 1;
	char message[1024];
	assert_int_equal(prepare_capturing(&f->db, wrong, message, sizeof message), -1);
	assert_non_null(strstr(message, "STMT_USER_BY_LOGIN"));
	char both[128];
	snprintf(both, sizeof both, "returns %d result columns, its reader reads %d",
		 f->declared[STMT_USER_BY_LOGIN].columns, f->declared[STMT_USER_BY_LOGIN].columns + 1);
	assert_non_null(strstr(message, both));
}

/* A write statement declared as returning a column is refused the same way: 0 is a count. */
static void test_a_write_declared_with_columns_is_refused(void **state)
{
	struct fixture *f = *state;
	static struct db_statement wrong[STMT__MAX];
	memcpy(wrong, f->declared, sizeof wrong);
	wrong[STMT_SESSION_TOUCH].columns = 1;
	char message[1024];
	assert_int_equal(prepare_capturing(&f->db, wrong, message, sizeof message), -1);
	assert_non_null(
		strstr(message, "STMT_SESSION_TOUCH returns 0 result columns, its reader reads 1"));
}

/* A statement with no declaration at all (a new one whose COLUMNS row was forgotten) is refused,
 * and the message says where it is. */
static void test_an_undeclared_statement_is_refused(void **state)
{
	struct fixture *f = *state;
	static struct db_statement wrong[STMT__MAX];
	memcpy(wrong, f->declared, sizeof wrong);
	wrong[STMT_SESSION_GET] = (struct db_statement){NULL, 0, f->declared[STMT_SESSION_GET].sql};
	char message[1024];
	assert_int_equal(prepare_capturing(&f->db, wrong, message, sizeof message), -1);
	assert_non_null(strstr(message, "declares no column count"));
	assert_non_null(strstr(message, "after STMT_MEETING_PUBLIC_CHANGES"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_every_statement_has_its_declared_columns, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_a_count_that_differs_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_write_declared_with_columns_is_refused, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_an_undeclared_statement_is_refused, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
