/* test_csv.c — unit tests for src/csv.c: the byte order mark, quoting only when needed, doubled
 * quotes, CRLF records, Cyrillic passed through byte for byte. */
#include "unit.h"

#include "arena.h"
#include "buf.h"
#include "csv.h"

struct fixture {
	struct arena arena;
	struct buf out;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	arena_init(&f->arena, 4096);
	buf_init(&f->out, &f->arena);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	arena_free(&f->arena);
	free(f);
	return 0;
}

/* One field written alone, as text. */
static const char *field(struct fixture *f, const char *s)
{
	buf_clear(&f->out);
	csv_field(&f->out, s, true);
	buf_append(&f->out, "", 1);
	return f->out.data;
}

static void test_plain_fields_stay_unquoted(void **state)
{
	struct fixture *f = *state;
	assert_string_equal(field(f, "0005.0005.0056"), "0005.0005.0056");
	assert_string_equal(field(f, "Коммунальное хозяйство"), "Коммунальное хозяйство");
	assert_string_equal(field(f, "12"), "12");
	assert_string_equal(field(f, "a,b"), "a,b"); /* a comma is not our separator */
	assert_string_equal(field(f, ""), "");
}

static void test_fields_that_need_quotes(void **state)
{
	struct fixture *f = *state;
	assert_string_equal(field(f, "Жилище; ЖКХ"), "\"Жилище; ЖКХ\"");
	assert_string_equal(field(f, "ул. \"Лесная\""), "\"ул. \"\"Лесная\"\"\"");
	assert_string_equal(field(f, "\""), "\"\"\"\"");
	assert_string_equal(field(f, "две\nстроки"), "\"две\nстроки\"");
	assert_string_equal(field(f, "cr\rlf"), "\"cr\rlf\"");
	assert_string_equal(field(f, " отступ"), "\" отступ\"");
	assert_string_equal(field(f, "хвост\t"), "\"хвост\t\"");
	assert_true(csv_needs_quotes(";", 1));
	assert_false(csv_needs_quotes("Зеленоборск", strlen("Зеленоборск")));
	assert_false(csv_needs_quotes("", 0));
}

static void test_records_and_bom(void **state)
{
	struct fixture *f = *state;
	buf_clear(&f->out);
	csv_begin(&f->out);
	const char *head[] = {"Код", "Название", "Поступило"};
	const char *row[] = {"0005", "Жилищно-коммунальная сфера; прочее", NULL};
	csv_record(&f->out, head, 3);
	csv_record(&f->out, row, 3);
	assert_bytes_equal(f->out.data, f->out.len,
			   "\xEF\xBB\xBF"
			   "Код;Название;Поступило\r\n"
			   "0005;\"Жилищно-коммунальная сфера; прочее\";\r\n");
}

static void test_field_by_field(void **state)
{
	struct fixture *f = *state;
	buf_clear(&f->out);
	csv_field(&f->out, "a", true);
	csv_field(&f->out, NULL, false);
	csv_field(&f->out, "b\"", false);
	csv_end_record(&f->out);
	assert_bytes_equal(f->out.data, f->out.len, "a;;\"b\"\"\"\r\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_plain_fields_stay_unquoted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fields_that_need_quotes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_records_and_bom, setup, teardown),
		cmocka_unit_test_setup_teardown(test_field_by_field, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
