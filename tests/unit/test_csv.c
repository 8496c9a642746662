/* test_csv.c — unit tests for src/base/csv.c: the byte order mark, quoting only when needed, doubled
 * quotes, CRLF records, Cyrillic passed through byte for byte, formula-like text neutralised by
 * an apostrophe while numbers stay plain integers. */
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
	csv_text(&f->out, s, true);
	buf_append(&f->out, "", 1);
	return f->out.data;
}

static void test_plain_fields_stay_unquoted(void **state)
{
	struct fixture *f = *state;
	assert_string_equal(field(f, "0005.0005.0056"), "0005.0005.0056");
	assert_string_equal(field(f, "Коммунальное хозяйство"), "Коммунальное хозяйство");
	assert_string_equal(field(f, "12"), "12");
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
	/* LibreOffice's import dialog splits at commas and tabs too unless told otherwise. */
	assert_string_equal(field(f, "I кв. 2020, II кв. 2020"), "\"I кв. 2020, II кв. 2020\"");
	assert_string_equal(field(f, "a\tb"), "\"a\tb\"");
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
	csv_text(&f->out, "a", true);
	csv_text(&f->out, NULL, false);
	csv_text(&f->out, "b\"", false);
	csv_end_record(&f->out);
	assert_bytes_equal(f->out.data, f->out.len, "a;;\"b\"\"\"\r\n");
}

/* Staff free text (a meeting's title, an exception's reason, an instruction) that starts like a
 * formula must reach the spreadsheet as text: OWASP's leading apostrophe, inside the quotes when
 * the field is quoted. */
static void test_formula_like_text_is_neutralised(void **state)
{
	struct fixture *f = *state;
	assert_string_equal(field(f, "=HYPERLINK(\"http://evil.example\",\"x\")"),
			    "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
	assert_string_equal(field(f, "=1+1"), "'=1+1");
	assert_string_equal(field(f, "+7 912"), "'+7 912");
	assert_string_equal(field(f, "-2+3"), "'-2+3");
	assert_string_equal(field(f, "@SUM(A1:A2)"), "'@SUM(A1:A2)");
	assert_string_equal(field(f, "\t=1+1"), "\"'\t=1+1\"");
	assert_string_equal(field(f, "\r=1+1"), "\"'\r=1+1\"");
	assert_string_equal(field(f, "  =1+1"), "\"'  =1+1\"");
	assert_string_equal(field(f, "\xEF\xBC\x9D" "1+1"), "'\xEF\xBC\x9D" "1+1"); /* full-width = */
	assert_string_equal(field(f, "-"), "'-");
	/* Not formula-like: a sign later on, the typographic dash and minus, an apostrophe. */
	assert_string_equal(field(f, "a=1"), "a=1");
	assert_string_equal(field(f, "— нет"), "— нет");
	assert_string_equal(field(f, "'=1"), "'=1");
	assert_false(csv_formula_like("2020-03-11", 10));
	assert_false(csv_formula_like("   ", 3));
	assert_true(csv_formula_like("\n@x", 3));
}

/* A number is a plain integer, negative with '-', never neutralised: spreadsheets read it as a
 * number, not text. */
static void test_numbers_stay_numbers(void **state)
{
	struct fixture *f = *state;
	buf_clear(&f->out);
	csv_number(&f->out, 12, true);
	csv_number(&f->out, -1, false);
	csv_number(&f->out, 0, false);
	csv_number(&f->out, 100000, false);
	csv_text(&f->out, "-1", false);
	csv_end_record(&f->out);
	assert_bytes_equal(f->out.data, f->out.len, "12;-1;0;100000;'-1\r\n");
}

/* Reading what a spreadsheet saves: the byte order mark skipped, quoted separators, doubled
 * quotes and line breaks inside a field, CRLF, the line numbers of each record, and the
 * malformed records refused. */
static void test_read_records(void **state)
{
	struct fixture *f = *state;
	static const char text[] = "\xEF\xBB\xBF" "a;b;c\r\n\"x;y\";\"две\nстроки\";\"q\"\"\"\r\n"
				   "1;;\n\"open";
	size_t pos = 0, n;
	int line = 1;
	const char *out[4];
	assert_int_equal(csv_guess_separator(text + 3, sizeof text - 4), ';');
	assert_int_equal(csv_guess_separator("a,\"b;c\"", 7), ',');
	assert_int_equal(csv_read_record(&f->arena, text, sizeof text - 1, &pos, ';', out, 4, &n,
					 &line), 1);
	assert_int_equal(n, 3);
	assert_string_equal(out[0], "a");
	assert_string_equal(out[2], "c");
	assert_int_equal(line, 2);
	assert_int_equal(csv_read_record(&f->arena, text, sizeof text - 1, &pos, ';', out, 4, &n,
					 &line), 1);
	assert_int_equal(n, 3);
	assert_string_equal(out[0], "x;y");
	assert_string_equal(out[1], "две\nстроки");
	assert_string_equal(out[2], "q\"");
	assert_int_equal(line, 4);
	assert_int_equal(csv_read_record(&f->arena, text, sizeof text - 1, &pos, ';', out, 4, &n,
					 &line), 1);
	assert_int_equal(n, 3);
	assert_string_equal(out[0], "1");
	assert_string_equal(out[2], "");
	assert_int_equal(csv_read_record(&f->arena, text, sizeof text - 1, &pos, ';', out, 4, &n,
					 &line), -1);
	assert_int_equal(csv_read_record(&f->arena, text, sizeof text - 1, &pos, ';', out, 4, &n,
					 &line), 0);
	pos = 0;
	assert_int_equal(csv_read_record(&f->arena, "a;b;c", 5, &pos, ';', out, 2, &n, &line), -1);
	pos = 0;
	assert_int_equal(csv_read_record(&f->arena, "\"a\"b;c", 7, &pos, ';', out, 2, &n, &line),
			 -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_plain_fields_stay_unquoted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fields_that_need_quotes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_records_and_bom, setup, teardown),
		cmocka_unit_test_setup_teardown(test_field_by_field, setup, teardown),
		cmocka_unit_test_setup_teardown(test_formula_like_text_is_neutralised, setup, teardown),
		cmocka_unit_test_setup_teardown(test_numbers_stay_numbers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_records, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
