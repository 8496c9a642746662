/* test_validate.c — unit tests for src/base/validate.c: the declared fields and the validator that
 * runs before any handler. */
#include "unit.h"

#include "arena.h"
#include "params.h"
#include "router.h"
#include "validate.h"

static int setup_arena(void **state)
{
	static struct arena arena;
	arena_init(&arena, 4096);
	*state = &arena;
	return 0;
}

static int teardown_arena(void **state)
{
	arena_free(*state);
	return 0;
}

/* Validate a literal (embedded NULs included) against a spec. */
static struct field_value check(void **state, const struct field_spec *spec, const char *raw,
				size_t len)
{
	struct field_value v;
	validate_value(*state, spec, raw, len, &v);
	if (v.state == FIELD_INVALID) {
		assert_non_null(v.error);
		assert_true(v.error[0] != '\0');
	}
	return v;
}
#define CHECK(spec, lit) check(state, (spec), (lit), LIT_LEN(lit))
#define ASSERT_VALID(spec, lit) assert_int_equal(CHECK((spec), (lit)).state, FIELD_VALID)
#define ASSERT_INVALID(spec, lit) assert_int_equal(CHECK((spec), (lit)).state, FIELD_INVALID)

/* True when s holds at least one Cyrillic letter: error messages are for Russian readers. */
static bool has_cyrillic(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++)
		if ((p[0] == 0xD0 || p[0] == 0xD1) && (p[1] & 0xC0) == 0x80)
			return true;
	return false;
}

static const struct field_spec spec_id = {"id", FIELD_TYPE_ID, 1, 0, "запись"};
static const struct field_spec spec_int = {"n", FIELD_TYPE_INT, 1, 100, "число"};
static const struct field_spec spec_date = {"d", FIELD_TYPE_DATE, 0, 0, "дата"};
static const struct field_spec spec_code = {"c", FIELD_TYPE_CODE, 0, 8, "код"};
static const struct field_spec spec_line = {"l", FIELD_TYPE_LINE, 0, 5, "строка"};
static const struct field_spec spec_text = {"t", FIELD_TYPE_TEXT, 0, 10, "текст"};
static const struct field_spec spec_path = {"p", FIELD_TYPE_LOCAL_PATH, 0, 50, "адрес"};

/* ---- the table ---- */

static void test_field_table_is_complete(void **state)
{
	(void)state;
	for (int f = 0; f < FIELD__MAX; f++) {
		const struct field_spec *s = &field_specs[f];
		assert_non_null(s->name);
		assert_true(s->name[0] != '\0');
		assert_non_null(s->label);
		assert_true(has_cyrillic(s->label));
		if (s->type != FIELD_TYPE_ID && s->type != FIELD_TYPE_DATE &&
		    s->type != FIELD_TYPE_DATETIME && s->type != FIELD_TYPE_TIME)
			assert_true(s->max >= s->min && s->max > 0);
	}
	assert_string_equal(field_specs[FIELD_TERRITORY].name, "territory");
	assert_string_equal(field_specs[FIELD_PAGE].name, "page");
	assert_string_equal(field_specs[FIELD_RETURN].name, "return");
	assert_int_equal(field_specs[FIELD_FROM].type, FIELD_TYPE_DATE);
}

/* Two fields may share a parameter name ("name" of a venue and of an applicant, labelled for
 * each), but never on one route: there the name must say which field it is. */
static void test_no_route_declares_a_name_twice(void **state)
{
	(void)state;
	for (size_t r = 0; r < route_count; r++) {
		const struct route_field *fields = routes[r].fields;
		for (size_t i = 0; fields && fields[i].field != FIELD__MAX; i++)
			for (size_t j = 0; j < i; j++)
				assert_string_not_equal(field_specs[fields[i].field].name,
							field_specs[fields[j].field].name);
	}
}

/* ---- one type at a time ---- */

static void test_id(void **state)
{
	struct field_value v = CHECK(&spec_id, "42");
	assert_int_equal(v.state, FIELD_VALID);
	assert_int_equal(v.number, 42);
	assert_string_equal(v.raw, "42");
	assert_int_equal(CHECK(&spec_id, "999999999999999999").number, 999999999999999999LL);
	ASSERT_INVALID(&spec_id, "0");
	ASSERT_INVALID(&spec_id, "");
	ASSERT_INVALID(&spec_id, "-1");
	ASSERT_INVALID(&spec_id, "+1");
	ASSERT_INVALID(&spec_id, " 1");
	ASSERT_INVALID(&spec_id, "1 ");
	ASSERT_INVALID(&spec_id, "1a");
	ASSERT_INVALID(&spec_id, "0x10");
	ASSERT_INVALID(&spec_id, "1\0" "2");
	ASSERT_INVALID(&spec_id, "1000000000000000000");    /* 19 digits */
	ASSERT_INVALID(&spec_id, "99999999999999999999999"); /* would overflow */
	ASSERT_INVALID(&spec_id, "١"); /* Arabic-Indic digit one */
	assert_true(has_cyrillic(CHECK(&spec_id, "x").error));
}

static void test_int_range(void **state)
{
	struct field_value v = CHECK(&spec_int, "1");
	assert_int_equal(v.state, FIELD_VALID);
	assert_int_equal(v.number, 1);
	assert_int_equal(CHECK(&spec_int, "100").number, 100);
	assert_int_equal(CHECK(&spec_int, "007").number, 7);
	ASSERT_INVALID(&spec_int, "0");
	ASSERT_INVALID(&spec_int, "101");
	ASSERT_INVALID(&spec_int, "-5");
	ASSERT_INVALID(&spec_int, "");
	ASSERT_INVALID(&spec_int, "5.0");
	ASSERT_INVALID(&spec_int, "1e2");
	v = CHECK(&spec_int, "101");
	/* The message names the range. */
	assert_non_null(strstr(v.error, "от 1 до 100"));
	assert_true(has_cyrillic(v.error));
	/* Zero allowed by the range, still not an empty value. */
	static const struct field_spec from_zero = {"z", FIELD_TYPE_INT, 0, 3, "число"};
	assert_int_equal(CHECK(&from_zero, "0").number, 0);
	ASSERT_VALID(&from_zero, "3");
	ASSERT_INVALID(&from_zero, "");
	ASSERT_INVALID(&from_zero, "4");
	/* The real page field. */
	ASSERT_VALID(&field_specs[FIELD_PAGE], "10000");
	ASSERT_INVALID(&field_specs[FIELD_PAGE], "10001");
	ASSERT_INVALID(&field_specs[FIELD_PAGE], "0");
}

static void test_date(void **state)
{
	struct field_value v = CHECK(&spec_date, "2026-03-11");
	assert_int_equal(v.state, FIELD_VALID);
	assert_int_equal(v.date.year, 2026);
	assert_int_equal(v.date.month, 3);
	assert_int_equal(v.date.day, 11);
	ASSERT_VALID(&spec_date, "2024-02-29");
	ASSERT_VALID(&spec_date, "2000-02-29");
	ASSERT_VALID(&spec_date, "2026-12-31");
	ASSERT_INVALID(&spec_date, "2023-02-29");
	ASSERT_INVALID(&spec_date, "1900-02-29");
	ASSERT_INVALID(&spec_date, "2026-13-01");
	ASSERT_INVALID(&spec_date, "2026-00-10");
	ASSERT_INVALID(&spec_date, "2026-04-31");
	ASSERT_INVALID(&spec_date, "2026-01-00");
	ASSERT_INVALID(&spec_date, "2026-1-01");
	ASSERT_INVALID(&spec_date, "2026-01-1");
	ASSERT_INVALID(&spec_date, "26-01-01");
	ASSERT_INVALID(&spec_date, "2026/01/01");
	ASSERT_INVALID(&spec_date, "11.03.2026");
	ASSERT_INVALID(&spec_date, "2026-01-011");
	ASSERT_INVALID(&spec_date, " 2026-01-01");
	ASSERT_INVALID(&spec_date, "2026-01-0\0");
	ASSERT_INVALID(&spec_date, "2026-01-01\0");
	ASSERT_INVALID(&spec_date, "");
	/* Badly written and impossible dates get different explanations. */
	const char *format = CHECK(&spec_date, "tomorrow").error;
	const char *calendar = CHECK(&spec_date, "2023-02-29").error;
	assert_string_not_equal(format, calendar);
	assert_true(has_cyrillic(format) && has_cyrillic(calendar));
	assert_non_null(strstr(format, "ГГГГ-ММ-ДД"));
}

static void test_code(void **state)
{
	struct field_value v = CHECK(&spec_code, "public_1");
	assert_int_equal(v.state, FIELD_VALID);
	assert_string_equal(v.text, "public_1");
	ASSERT_VALID(&spec_code, "a");
	ASSERT_VALID(&spec_code, "12345678");
	ASSERT_INVALID(&spec_code, "123456789"); /* longer than max */
	ASSERT_INVALID(&spec_code, "");
	ASSERT_INVALID(&spec_code, "Public");
	ASSERT_INVALID(&spec_code, "a-b");
	ASSERT_INVALID(&spec_code, "a b");
	ASSERT_INVALID(&spec_code, "a\0");
	ASSERT_INVALID(&spec_code, "сход");
	assert_true(has_cyrillic(CHECK(&spec_code, "A").error));
	/* The real fields. */
	ASSERT_VALID(&field_specs[FIELD_MODE], "on");
	ASSERT_VALID(&field_specs[FIELD_MODE], "off");
	ASSERT_INVALID(&field_specs[FIELD_MODE], "always");
	ASSERT_VALID(&field_specs[FIELD_KIND], "public_hearing");
}

static void test_line(void **state)
{
	struct field_value v = CHECK(&spec_line, "Ёлки");
	assert_int_equal(v.state, FIELD_VALID);
	assert_string_equal(v.text, "Ёлки");
	ASSERT_VALID(&spec_line, "абвгд");  /* five characters, ten bytes */
	ASSERT_VALID(&spec_line, "a\tb");   /* tab is allowed in text */
	ASSERT_VALID(&spec_line, "");
	ASSERT_INVALID(&spec_line, "абвгде"); /* six characters */
	ASSERT_INVALID(&spec_line, "a\nb");
	ASSERT_INVALID(&spec_line, "a\rb");
	ASSERT_INVALID(&spec_line, "a\0b");
	ASSERT_INVALID(&spec_line, "\x1b[0m");
	ASSERT_INVALID(&spec_line, "a\xc2\x85");   /* NEL, a C1 control */
	ASSERT_INVALID(&spec_line, "\xd0");        /* not UTF-8 */
	ASSERT_INVALID(&spec_line, "\xc0\xaf");
	/* Each failure is explained in Russian, and the length limit is named. */
	v = CHECK(&spec_line, "абвгде");
	assert_true(has_cyrillic(v.error));
	assert_non_null(strstr(v.error, "5 символов"));
	assert_true(has_cyrillic(CHECK(&spec_line, "a\nb").error));
	assert_true(has_cyrillic(CHECK(&spec_line, "\xd0").error));
}

static void test_length_message_plural(void **state)
{
	static const struct field_spec one = {"x", FIELD_TYPE_LINE, 0, 1, "x"};
	static const struct field_spec twenty_one = {"x", FIELD_TYPE_LINE, 0, 21, "x"};
	assert_string_equal(CHECK(&one, "ab").error, "не длиннее 1 символа");
	assert_string_equal(CHECK(&twenty_one, "0123456789012345678901").error,
			    "не длиннее 21 символа");
	assert_string_equal(CHECK(&spec_line, "123456").error, "не длиннее 5 символов");
}

static void test_text(void **state)
{
	struct field_value v = CHECK(&spec_text, "раз\nдва\r\n");
	assert_int_equal(v.state, FIELD_VALID);
	assert_string_equal(v.text, "раз\nдва\r\n");
	ASSERT_VALID(&spec_text, "\t\t");
	ASSERT_VALID(&spec_text, "0123456789");
	ASSERT_INVALID(&spec_text, "01234567890");
	ASSERT_INVALID(&spec_text, "a\0b");
	ASSERT_INVALID(&spec_text, "a\x7f");
	ASSERT_INVALID(&spec_text, "a\x0b");
	ASSERT_INVALID(&spec_text, "\xc2\x9f");
	ASSERT_INVALID(&spec_text, "\xed\xa0\x80");
}

static void test_local_path(void **state)
{
	struct field_value v = CHECK(&spec_path, "/x");
	assert_int_equal(v.state, FIELD_VALID);
	assert_string_equal(v.text, "/x");
	ASSERT_VALID(&spec_path, "/");
	ASSERT_VALID(&spec_path, "/meetings?kind=public&page=2");
	ASSERT_VALID(&spec_path, "/meetings/14");
	ASSERT_VALID(&spec_path, "/встречи");
	ASSERT_INVALID(&spec_path, "//evil.example");
	ASSERT_INVALID(&spec_path, "//evil.example/path");
	ASSERT_INVALID(&spec_path, "/\\evil");
	ASSERT_INVALID(&spec_path, "/\\/evil");
	ASSERT_INVALID(&spec_path, "http://x");
	ASSERT_INVALID(&spec_path, "https://evil.example/");
	ASSERT_INVALID(&spec_path, "javascript:alert(1)");
	ASSERT_INVALID(&spec_path, "meetings");
	ASSERT_INVALID(&spec_path, "");
	ASSERT_INVALID(&spec_path, "/a b");
	ASSERT_INVALID(&spec_path, "/a\r\nSet-Cookie: x=1"); /* header injection */
	ASSERT_INVALID(&spec_path, "/a\nb");
	ASSERT_INVALID(&spec_path, "/\0/evil");
	ASSERT_INVALID(&spec_path, "/\xd0");
	assert_true(has_cyrillic(CHECK(&spec_path, "//evil.example").error));
	/* Longer than the limit. */
	ASSERT_INVALID(&spec_path, "/123456789012345678901234567890123456789012345678901");
	/* The real field. */
	ASSERT_VALID(&field_specs[FIELD_RETURN], "/meetings?from=2026-03-01");
	ASSERT_INVALID(&field_specs[FIELD_RETURN], "//evil.example");
}

/* Regression: browsers remove tabs (and line breaks) from a URL before resolving it, so
 * "/<TAB>/evil.example" in a Location header leads to //evil.example — an open redirect through
 * /vision?return=. Tabs passed because utf8_has_controls allows them in text. */
static void test_local_path_rejects_tab_and_backslash(void **state)
{
	ASSERT_INVALID(&spec_path, "/\t/evil.example");
	ASSERT_INVALID(&spec_path, "/\t\\evil.example");
	ASSERT_INVALID(&spec_path, "\t//evil.example");
	ASSERT_INVALID(&spec_path, "/a\tb");
	ASSERT_INVALID(&spec_path, "/a\\b");
	ASSERT_INVALID(&field_specs[FIELD_RETURN], "/\t/evil.example");
}

static void test_value_reset_each_time(void **state)
{
	struct field_value v;
	memset(&v, 0x5a, sizeof v);
	validate_value(*state, &spec_id, "7", 1, &v);
	assert_int_equal(v.state, FIELD_VALID);
	assert_null(v.error);
	assert_null(v.text);
	validate_value(*state, &spec_id, "x", 1, &v);
	assert_int_equal(v.state, FIELD_INVALID);
	assert_string_equal(v.raw, "x");
}

/* ---- validate_fields over parsed parameters ---- */

static const struct route_field schedule_fields[] = {
	{FIELD_TERRITORY, FIELD_OPTIONAL}, {FIELD_KIND, FIELD_OPTIONAL}, {FIELD_FROM, FIELD_OPTIONAL},
	{FIELD_TO, FIELD_OPTIONAL},        {FIELD_PAGE, FIELD_OPTIONAL}, {FIELD__MAX, 0},
};

static const struct route_field vision_fields[] = {
	{FIELD_MODE, FIELD_REQUIRED},
	{FIELD_RETURN, FIELD_OPTIONAL},
	{FIELD__MAX, 0},
};

static size_t run_fields(void **state, const char *query, const struct route_field *declared,
			 struct field_value out[FIELD__MAX])
{
	struct param_list list;
	assert_int_equal(params_parse_urlencoded(*state, query, strlen(query), 100, &list),
			 PARAMS_OK);
	return validate_fields(*state, &list, declared, out);
}

static void test_fields_all_valid(void **state)
{
	struct field_value out[FIELD__MAX];
	size_t errors = run_fields(state,
				   "territory=3&kind=public_hearing&from=2026-03-01&to=2026-03-31"
				   "&page=2&utm_source=newsletter&mode=on",
				   schedule_fields, out);
	assert_int_equal(errors, 0);
	assert_int_equal(out[FIELD_TERRITORY].state, FIELD_VALID);
	assert_int_equal(out[FIELD_TERRITORY].number, 3);
	assert_string_equal(out[FIELD_KIND].text, "public_hearing");
	assert_int_equal(out[FIELD_FROM].date.day, 1);
	assert_int_equal(out[FIELD_TO].date.day, 31);
	assert_int_equal(out[FIELD_PAGE].number, 2);
	/* Sent but not declared for this route: ignored, not validated. */
	assert_int_equal(out[FIELD_MODE].state, FIELD_ABSENT);
	assert_int_equal(out[FIELD_RETURN].state, FIELD_ABSENT);
}

static void test_fields_undeclared_ignored(void **state)
{
	struct field_value out[FIELD__MAX];
	/* Garbage in parameters nobody declared does not fail the request. */
	assert_int_equal(run_fields(state, "x=%D0%AF&mode=NOT+A+CODE&fbclid=abc", schedule_fields, out),
			 0);
	for (int f = 0; f < FIELD__MAX; f++)
		assert_int_equal(out[f].state, FIELD_ABSENT);
	assert_int_equal(run_fields(state, "page=abc", NULL, out), 0);
	assert_int_equal(out[FIELD_PAGE].state, FIELD_ABSENT);
}

static void test_fields_absent_and_empty(void **state)
{
	struct field_value out[FIELD__MAX];
	/* An empty value is a filter left at "all". */
	assert_int_equal(run_fields(state, "territory=&kind=&from=&page=", schedule_fields, out), 0);
	assert_int_equal(out[FIELD_TERRITORY].state, FIELD_ABSENT);
	assert_int_equal(out[FIELD_KIND].state, FIELD_ABSENT);
	assert_int_equal(out[FIELD_FROM].state, FIELD_ABSENT);
	assert_int_equal(out[FIELD_PAGE].state, FIELD_ABSENT);
	assert_null(out[FIELD_TERRITORY].raw);
	assert_int_equal(run_fields(state, "", schedule_fields, out), 0);
}

static void test_fields_invalid_counted(void **state)
{
	struct field_value out[FIELD__MAX];
	size_t errors = run_fields(state, "territory=0&kind=Bad&from=2026-13-01&to=2026-01-01&page=0",
				   schedule_fields, out);
	assert_int_equal(errors, 4);
	assert_int_equal(out[FIELD_TERRITORY].state, FIELD_INVALID);
	assert_int_equal(out[FIELD_KIND].state, FIELD_INVALID);
	assert_int_equal(out[FIELD_FROM].state, FIELD_INVALID);
	assert_int_equal(out[FIELD_TO].state, FIELD_VALID);
	assert_int_equal(out[FIELD_PAGE].state, FIELD_INVALID);
	assert_string_equal(out[FIELD_FROM].raw, "2026-13-01"); /* kept to show it back */
	for (int f = 0; f < FIELD__MAX; f++)
		if (out[f].state == FIELD_INVALID)
			assert_true(has_cyrillic(out[f].error));
}

static void test_fields_required(void **state)
{
	struct field_value out[FIELD__MAX];
	assert_int_equal(run_fields(state, "mode=on", vision_fields, out), 0);
	assert_int_equal(out[FIELD_MODE].state, FIELD_VALID);
	assert_int_equal(out[FIELD_RETURN].state, FIELD_ABSENT);

	assert_int_equal(run_fields(state, "return=/meetings", vision_fields, out), 1);
	assert_int_equal(out[FIELD_MODE].state, FIELD_INVALID);
	const char *missing = out[FIELD_MODE].error;
	assert_true(has_cyrillic(missing));
	assert_null(out[FIELD_MODE].raw);
	assert_int_equal(out[FIELD_RETURN].state, FIELD_VALID);

	/* Present but empty is missing all the same, with the same explanation. */
	assert_int_equal(run_fields(state, "mode=&return=/", vision_fields, out), 1);
	assert_int_equal(out[FIELD_MODE].state, FIELD_INVALID);
	assert_string_equal(out[FIELD_MODE].error, missing);
	assert_string_equal(out[FIELD_MODE].raw, "");
	/* A wrong value is explained differently from a missing one. */
	assert_int_equal(run_fields(state, "mode=ON", vision_fields, out), 1);
	assert_string_not_equal(out[FIELD_MODE].error, missing);
	assert_int_equal(run_fields(state, "mode", vision_fields, out), 1);
	assert_int_equal(run_fields(state, "mode=on&return=//evil.example", vision_fields, out), 1);
	assert_int_equal(out[FIELD_RETURN].state, FIELD_INVALID);
}

static void test_fields_duplicate_invalid(void **state)
{
	struct field_value out[FIELD__MAX];
	assert_int_equal(run_fields(state, "page=1&page=2", schedule_fields, out), 1);
	assert_int_equal(out[FIELD_PAGE].state, FIELD_INVALID);
	assert_true(has_cyrillic(out[FIELD_PAGE].error));
	assert_string_equal(out[FIELD_PAGE].raw, "1");
	/* Even when both copies are the same. */
	assert_int_equal(run_fields(state, "kind=a&kind=a", schedule_fields, out), 1);
	assert_int_equal(out[FIELD_KIND].state, FIELD_INVALID);
	/* A duplicated undeclared parameter is nobody's business. */
	assert_int_equal(run_fields(state, "x=1&x=2&page=3", schedule_fields, out), 0);
	assert_int_equal(out[FIELD_PAGE].number, 3);
	assert_int_equal(run_fields(state, "page=2&territory=1&page=", schedule_fields, out), 1);
	assert_int_equal(out[FIELD_PAGE].state, FIELD_INVALID);
}

/* Regression: a field sent twice was ignored as absent when its first copy was empty, so
 * "territory=&territory=5" silently showed every territory while "territory=5&territory=" got a
 * 400: the outcome depended on the order of the copies. */
static void test_fields_duplicate_with_empty_first(void **state)
{
	struct field_value out[FIELD__MAX];
	assert_int_equal(run_fields(state, "territory=&territory=5", schedule_fields, out), 1);
	assert_int_equal(out[FIELD_TERRITORY].state, FIELD_INVALID);
	assert_int_equal(run_fields(state, "territory=5&territory=", schedule_fields, out), 1);
	assert_int_equal(out[FIELD_TERRITORY].state, FIELD_INVALID);
	assert_int_equal(run_fields(state, "mode=&mode=on", vision_fields, out), 1);
	assert_int_equal(out[FIELD_MODE].state, FIELD_INVALID);
}

static const struct field_spec spec_datetime = {"dt", FIELD_TYPE_DATETIME, 0, 0, "начало"};
static const struct field_spec spec_token = {"tk", FIELD_TYPE_TOKEN, 0, 8, "ключ"};

static void test_datetime(void **state)
{
	struct field_value v = CHECK(&spec_datetime, "2026-03-11T18:05");
	assert_int_equal(v.state, FIELD_VALID);
	assert_int_equal(v.date.year, 2026);
	assert_int_equal(v.date.month, 3);
	assert_int_equal(v.date.day, 11);
	assert_int_equal(v.hour, 18);
	assert_int_equal(v.minute, 5);
	ASSERT_VALID(&spec_datetime, "2024-02-29T00:00");
	ASSERT_VALID(&spec_datetime, "2026-12-31T23:59");
	/* The shape is told apart from a day that does not exist. */
	v = CHECK(&spec_datetime, "11.03.2026 18:00");
	assert_int_equal(v.state, FIELD_INVALID);
	assert_non_null(strstr(v.error, "2026-03-11T18:00"));
	v = CHECK(&spec_datetime, "2023-02-29T10:00");
	assert_int_equal(v.state, FIELD_INVALID);
	assert_null(strstr(v.error, "например"));
	ASSERT_INVALID(&spec_datetime, "2026-03-11T24:00");
	ASSERT_INVALID(&spec_datetime, "2026-03-11T18:60");
	ASSERT_INVALID(&spec_datetime, "2026-03-11 18:00");
	ASSERT_INVALID(&spec_datetime, "2026-03-11T18:00:00");
	ASSERT_INVALID(&spec_datetime, "2026-03-11");
	ASSERT_INVALID(&spec_datetime, "2026-03-11T18:0\0");
}

static void test_token(void **state)
{
	ASSERT_VALID(&spec_token, "aZ09_-x");
	ASSERT_INVALID(&spec_token, "a+b");
	ASSERT_INVALID(&spec_token, "a=b");
	ASSERT_INVALID(&spec_token, "123456789"); /* longer than max */
	ASSERT_INVALID(&spec_token, "ключ");
}

static const struct route_field multi_fields[] = {
	{FIELD_INVITEE, FIELD_MULTI},
	{FIELD__MAX, 0},
};

static void test_fields_multi(void **state)
{
	struct field_value out[FIELD__MAX];
	assert_int_equal(run_fields(state, "invitee=4&x=1&invitee=&invitee=17", multi_fields, out), 0);
	assert_int_equal(out[FIELD_INVITEE].state, FIELD_VALID);
	assert_int_equal(out[FIELD_INVITEE].id_count, 2);
	assert_int_equal(out[FIELD_INVITEE].ids[0], 4);
	assert_int_equal(out[FIELD_INVITEE].ids[1], 17);
	assert_int_equal(run_fields(state, "x=1", multi_fields, out), 0);
	assert_int_equal(out[FIELD_INVITEE].state, FIELD_ABSENT);
	assert_int_equal(out[FIELD_INVITEE].id_count, 0);
	/* One bad value spoils the field, with its reason. */
	assert_int_equal(run_fields(state, "invitee=4&invitee=abc", multi_fields, out), 1);
	assert_int_equal(out[FIELD_INVITEE].state, FIELD_INVALID);
	assert_string_equal(out[FIELD_INVITEE].raw, "abc");
}

static void test_email(void **state)
{
	const struct field_spec *email = &field_specs[FIELD_EMAIL];
	ASSERT_VALID(email, "a@b.ru");
	ASSERT_VALID(email, "ivan.petrov+meetings@mail.example.com");
	ASSERT_VALID(email, "o'neil@example.org");
	ASSERT_VALID(email, "info@зеленоборск.рф");
	ASSERT_VALID(email, "x@xn--p1ai.xn--p1ai");
	const char *const bad[] = {
		"no-at", "a@b", "a@@b.ru", "a@b@c.ru", "a b@c.ru", "a@b..ru", ".a@b.ru", "a.@b.ru",
		"a..b@c.ru", "a@-b.ru", "a@b-.ru", "a@b.ru.", "@b.ru", "a@", "a@.ru", "a@b.123",
		"иван@b.ru", "a@b,ru", "<a@b.ru>", "a@b.ru\xc2\xa0", "a\t@b.ru", "a@b.ru\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct field_value v = check(state, email, bad[i], strlen(bad[i]));
		if (v.state != FIELD_INVALID)
			fail_msg("accepted e-mail \"%s\"", bad[i]);
	}
	char local[80];
	memset(local, 'a', 65);
	strcpy(local + 65, "@b.ru");
	ASSERT_INVALID(email, "");
	assert_int_equal(check(state, email, local, strlen(local)).state, FIELD_INVALID);
	local[64] = '@';
	local[65] = '\0';
	strcat(local, "b.ru");
	assert_int_equal(check(state, email, local, strlen(local)).state, FIELD_VALID);
	assert_string_equal(CHECK(email, "a@b").error, "ожидается адрес вида name@example.ru");
}

static void test_phone(void **state)
{
	const struct field_spec *phone = &field_specs[FIELD_PHONE];
	ASSERT_VALID(phone, "+7 (34675) 2-00-01");
	ASSERT_VALID(phone, "8 900 123-45-67");
	ASSERT_VALID(phone, "2-00-01");
	ASSERT_VALID(phone, "123456789012345");
	assert_string_equal(CHECK(phone, "+7 900 abc").error,
			    "допустимы только цифры, пробелы и знаки + ( ) -");
	assert_string_equal(CHECK(phone, "8/900/1234567").error,
			    "допустимы только цифры, пробелы и знаки + ( ) -");
	assert_string_equal(CHECK(phone, "8 900\t1234567").error,
			    "допустимы только цифры, пробелы и знаки + ( ) -");
	assert_string_equal(CHECK(phone, "7+900 1234567").error,
			    "знак «+» может стоять только в начале номера");
	assert_string_equal(CHECK(phone, "12-34").error, "в номере должно быть от 5 до 15 цифр");
	assert_string_equal(CHECK(phone, "1234567890123456").error,
			    "в номере должно быть от 5 до 15 цифр");
	ASSERT_INVALID(phone, "+");
	ASSERT_INVALID(phone, "8 900 123 45 67\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_field_table_is_complete),
		cmocka_unit_test(test_no_route_declares_a_name_twice),
		cmocka_unit_test(test_id),
		cmocka_unit_test(test_int_range),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_code),
		cmocka_unit_test(test_line),
		cmocka_unit_test(test_length_message_plural),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_local_path),
		cmocka_unit_test(test_local_path_rejects_tab_and_backslash),
		cmocka_unit_test(test_value_reset_each_time),
		cmocka_unit_test(test_fields_all_valid),
		cmocka_unit_test(test_fields_undeclared_ignored),
		cmocka_unit_test(test_fields_absent_and_empty),
		cmocka_unit_test(test_fields_invalid_counted),
		cmocka_unit_test(test_fields_required),
		cmocka_unit_test(test_fields_duplicate_invalid),
		cmocka_unit_test(test_fields_duplicate_with_empty_first),
		cmocka_unit_test(test_datetime),
		cmocka_unit_test(test_token),
		cmocka_unit_test(test_fields_multi),
		cmocka_unit_test(test_email),
		cmocka_unit_test(test_phone),
	};
	return cmocka_run_group_tests(tests, setup_arena, teardown_arena);
}
