/* test_params.c — unit tests for src/base/params.c: the urlencoded (query string, form body) and
 * Cookie header parsers. */
#include "unit.h"

#include "arena.h"
#include "params.h"

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

/* Parse a literal (embedded NULs included) with a generous limit. */
static enum params_result parse(void **state, const char *data, size_t len, struct param_list *out)
{
	return params_parse_urlencoded(*state, data, len, 100, out);
}
#define PARSE(state, lit, out) parse((state), (lit), LIT_LEN(lit), (out))

static void assert_param(const struct param_list *list, size_t i, const char *name,
			 const char *value)
{
	assert_true(i < list->count);
	assert_string_equal(list->items[i].name, name);
	assert_string_equal(list->items[i].value, value);
	assert_int_equal(list->items[i].value_len, strlen(value));
}

/* ---- urlencoded ---- */

static void test_urlencoded_simple_pairs(void **state)
{
	struct param_list l;
	assert_int_equal(PARSE(state, "a=1&b=two&page=3", &l), PARAMS_OK);
	assert_int_equal(l.count, 3);
	assert_param(&l, 0, "a", "1");
	assert_param(&l, 1, "b", "two");
	assert_param(&l, 2, "page", "3");
}

static void test_urlencoded_empty_input(void **state)
{
	struct param_list l = {(struct param *)&l, 99};
	assert_int_equal(params_parse_urlencoded(*state, NULL, 0, 10, &l), PARAMS_OK);
	assert_int_equal(l.count, 0);
	l.count = 99;
	assert_int_equal(params_parse_urlencoded(*state, "a=1", 0, 10, &l), PARAMS_OK);
	assert_int_equal(l.count, 0);
	assert_int_equal(PARSE(state, "&&&", &l), PARAMS_OK);
	assert_int_equal(l.count, 0);
}

static void test_urlencoded_plus_is_space(void **state)
{
	struct param_list l;
	assert_int_equal(PARSE(state, "q=a+b++c&x+y=1", &l), PARAMS_OK);
	assert_param(&l, 0, "q", "a b  c");
	assert_param(&l, 1, "x y", "1");
	/* An encoded plus stays a plus. */
	assert_int_equal(PARSE(state, "q=1%2B1", &l), PARAMS_OK);
	assert_param(&l, 0, "q", "1+1");
}

static void test_urlencoded_percent_decoding(void **state)
{
	struct param_list l;
	assert_int_equal(PARSE(state, "a=%21%7e%7E&b=%25&c=%26%3D", &l), PARAMS_OK);
	assert_param(&l, 0, "a", "!~~");
	assert_param(&l, 1, "b", "%");
	assert_param(&l, 2, "c", "&="); /* encoded separators do not split */
	assert_int_equal(l.count, 3);
}

static void test_urlencoded_cyrillic(void **state)
{
	struct param_list l;
	/* «Встреча с главой» as a browser sends it, and a Cyrillic name. */
	assert_int_equal(PARSE(state,
			       "topic=%D0%92%D1%81%D1%82%D1%80%D0%B5%D1%87%D0%B0+%D1%81+"
			       "%D0%B3%D0%BB%D0%B0%D0%B2%D0%BE%D0%B9&%D0%B8%D0%BC%D1%8F=%d0%98",
			       &l),
			 PARAMS_OK);
	assert_param(&l, 0, "topic", "Встреча с главой");
	assert_param(&l, 1, "имя", "И");
	/* Raw UTF-8 bytes (not percent-encoded) are kept as they are. */
	assert_int_equal(PARSE(state, "город=Зеленоборск", &l), PARAMS_OK);
	assert_param(&l, 0, "город", "Зеленоборск");
}

static void test_urlencoded_empty_pairs_skipped(void **state)
{
	struct param_list l;
	assert_int_equal(PARSE(state, "a=1&&b=2", &l), PARAMS_OK);
	assert_int_equal(l.count, 2);
	assert_param(&l, 0, "a", "1");
	assert_param(&l, 1, "b", "2");
	assert_int_equal(PARSE(state, "&a=1&", &l), PARAMS_OK);
	assert_int_equal(l.count, 1);
	assert_param(&l, 0, "a", "1");
}

static void test_urlencoded_name_without_value(void **state)
{
	struct param_list l;
	assert_int_equal(PARSE(state, "flag&a=&b=x", &l), PARAMS_OK);
	assert_int_equal(l.count, 3);
	assert_param(&l, 0, "flag", "");
	assert_param(&l, 1, "a", "");
	assert_param(&l, 2, "b", "x");
	assert_non_null(l.items[0].value);
	/* Only the first '=' separates; the rest belongs to the value. */
	assert_int_equal(PARSE(state, "a==b=c", &l), PARAMS_OK);
	assert_param(&l, 0, "a", "=b=c");
}

static void test_urlencoded_bad_escapes(void **state)
{
	struct param_list l;
	static const char *const bad[] = {
		"a=%",     "a=%4",   "a=%zz",  "a=%4g", "a=%g4", "a=1%",   "%=1",
		"%4=1",    "a%zz=1", "a=%%41", "a=% 41", "ok=1&a=%", "a=%-1", "a=%+1",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		l.count = 99;
		assert_int_equal(params_parse_urlencoded(*state, bad[i], strlen(bad[i]), 10, &l),
				 PARAMS_BAD_ESCAPE);
		/* On error the list is left empty. */
		assert_int_equal(l.count, 0);
		assert_null(l.items);
	}
}

static void test_urlencoded_escape_cut_by_length(void **state)
{
	struct param_list l;
	/* The length given ends the text: an escape cut by it is bad even when the bytes after
	 * it would complete it (a body is not NUL-terminated). */
	assert_int_equal(params_parse_urlencoded(*state, "a=%41", 4, 10, &l), PARAMS_BAD_ESCAPE);
	assert_int_equal(params_parse_urlencoded(*state, "a=%41", 3, 10, &l), PARAMS_BAD_ESCAPE);
	assert_int_equal(params_parse_urlencoded(*state, "a=%41", 5, 10, &l), PARAMS_OK);
	assert_param(&l, 0, "a", "A");
	assert_int_equal(params_parse_urlencoded(*state, "a=1&b=2", 5, 10, &l), PARAMS_OK);
	assert_int_equal(l.count, 2);
	assert_param(&l, 1, "b", "");
}

static void test_urlencoded_nul_in_name_rejected(void **state)
{
	struct param_list l;
	assert_int_equal(PARSE(state, "a%00b=1", &l), PARAMS_BAD_ESCAPE);
	assert_int_equal(l.count, 0);
	assert_int_equal(PARSE(state, "%00=1", &l), PARAMS_BAD_ESCAPE);
	/* A raw NUL byte inside the name is as bad as an encoded one. */
	assert_int_equal(PARSE(state, "a\0b=1", &l), PARAMS_BAD_ESCAPE);
}

static void test_urlencoded_nul_in_value_kept(void **state)
{
	struct param_list l;
	assert_int_equal(PARSE(state, "v=a%00b", &l), PARAMS_OK);
	assert_int_equal(l.count, 1);
	assert_bytes_equal(l.items[0].value, l.items[0].value_len, "a\0b");
	assert_int_equal(l.items[0].value[3], '\0'); /* still NUL-terminated */
}

static void test_urlencoded_bad_utf8(void **state)
{
	struct param_list l;
	assert_int_equal(PARSE(state, "a=%D0", &l), PARAMS_BAD_UTF8);       /* truncated */
	assert_int_equal(l.count, 0);
	assert_int_equal(PARSE(state, "a=%C0%AF", &l), PARAMS_BAD_UTF8);    /* overlong '/' */
	assert_int_equal(PARSE(state, "a=%ED%A0%80", &l), PARAMS_BAD_UTF8); /* surrogate */
	assert_int_equal(PARSE(state, "%FF=1", &l), PARAMS_BAD_UTF8);       /* in the name */
	assert_int_equal(PARSE(state, "a=\xd0", &l), PARAMS_BAD_UTF8);      /* raw byte */
	assert_int_equal(PARSE(state, "a=1&b=%80", &l), PARAMS_BAD_UTF8);   /* in a later pair */
	assert_int_equal(l.count, 0);
	/* A sequence split across two pairs is broken in both. */
	assert_int_equal(PARSE(state, "a=%D0&b=%90", &l), PARAMS_BAD_UTF8);
}

static void test_urlencoded_too_many(void **state)
{
	struct param_list l;
	const char *five = "a=1&b=2&c=3&d=4&e=5";
	assert_int_equal(params_parse_urlencoded(*state, five, strlen(five), 5, &l), PARAMS_OK);
	assert_int_equal(l.count, 5);
	assert_int_equal(params_parse_urlencoded(*state, five, strlen(five), 4, &l),
			 PARAMS_TOO_MANY);
	assert_int_equal(l.count, 0);
	assert_null(l.items);
	/* Empty pairs do not count towards the limit. */
	const char *sparse = "a=1&&&&b=2&&&";
	assert_int_equal(params_parse_urlencoded(*state, sparse, strlen(sparse), 2, &l), PARAMS_OK);
	assert_int_equal(l.count, 2);
	assert_int_equal(params_parse_urlencoded(*state, "a", 1, 0, &l), PARAMS_TOO_MANY);
}

static void test_urlencoded_long_body(void **state)
{
	/* Far more text than one arena block. */
	char body[20000];
	size_t n = 0;
	for (int i = 0; i < 1000; i++)
		n += (size_t)snprintf(body + n, sizeof body - n, "k%d=%%D0%%AF%d&", i, i);
	struct param_list l;
	assert_int_equal(params_parse_urlencoded(*state, body, n, 1000, &l), PARAMS_OK);
	assert_int_equal(l.count, 1000);
	assert_string_equal(l.items[999].name, "k999");
	assert_string_equal(l.items[999].value, "Я999");
	assert_int_equal(params_parse_urlencoded(*state, body, n, 999, &l), PARAMS_TOO_MANY);
}

static void test_find_and_count_duplicates(void **state)
{
	struct param_list l;
	assert_int_equal(PARSE(state, "kind=a&page=2&kind=b&kind=c", &l), PARAMS_OK);
	const struct param *p = params_find(&l, "kind");
	assert_non_null(p);
	assert_ptr_equal(p, &l.items[0]);
	assert_string_equal(p->value, "a");
	assert_int_equal(params_count(&l, "kind"), 3);
	assert_int_equal(params_count(&l, "page"), 1);
	assert_int_equal(params_count(&l, "nope"), 0);
	assert_null(params_find(&l, "nope"));
	assert_null(params_find(&l, "Kind"));  /* names are case-sensitive */
	assert_null(params_find(&l, "kin"));   /* and whole */
	struct param_list empty = {NULL, 0};
	assert_null(params_find(&empty, "kind"));
	assert_int_equal(params_count(&empty, "kind"), 0);
}

/* ---- cookies ---- */

static void test_cookies_simple(void **state)
{
	struct param_list l;
	params_parse_cookies(*state, "vision=on; session=abc123", 10, &l);
	assert_int_equal(l.count, 2);
	assert_param(&l, 0, "vision", "on");
	assert_param(&l, 1, "session", "abc123");
	assert_string_equal(params_find(&l, "session")->value, "abc123");
}

static void test_cookies_spaces(void **state)
{
	struct param_list l;
	params_parse_cookies(*state, "  a = 1 ;b=2;\tc=3\t;   ", 10, &l);
	assert_int_equal(l.count, 3);
	assert_param(&l, 0, "a", "1");
	assert_param(&l, 1, "b", "2");
	assert_param(&l, 2, "c", "3");
	/* Spaces inside a value stay. */
	params_parse_cookies(*state, "a=x y", 10, &l);
	assert_param(&l, 0, "a", "x y");
}

static void test_cookies_quoted_values(void **state)
{
	struct param_list l;
	params_parse_cookies(*state, "a=\"quoted\"; b=\"\"; c=\"; d=\"x", 10, &l);
	assert_int_equal(l.count, 4);
	assert_param(&l, 0, "a", "quoted");
	assert_param(&l, 1, "b", "");
	assert_param(&l, 2, "c", "\""); /* a lone quote is not a pair of them */
	assert_param(&l, 3, "d", "\"x");
}

static void test_cookies_not_decoded(void **state)
{
	struct param_list l;
	params_parse_cookies(*state, "a=%D0%AF+b; b=x=y", 10, &l);
	assert_int_equal(l.count, 2);
	assert_param(&l, 0, "a", "%D0%AF+b");
	assert_param(&l, 1, "b", "x=y"); /* only the first '=' separates */
}

static void test_cookies_malformed_skipped(void **state)
{
	struct param_list l;
	params_parse_cookies(*state, "novalue; =nameless; ;;; good=1;  = ; also=2; =", 10, &l);
	assert_int_equal(l.count, 2);
	assert_param(&l, 0, "good", "1");
	assert_param(&l, 1, "also", "2");
	params_parse_cookies(*state, "", 10, &l);
	assert_int_equal(l.count, 0);
	params_parse_cookies(*state, NULL, 10, &l);
	assert_int_equal(l.count, 0);
	/* An empty value is a cookie all the same (how one is cleared). */
	params_parse_cookies(*state, "vision=", 10, &l);
	assert_int_equal(l.count, 1);
	assert_param(&l, 0, "vision", "");
}

static void test_cookies_cap(void **state)
{
	struct param_list l;
	params_parse_cookies(*state, "a=1; b=2; c=3; d=4", 2, &l);
	assert_int_equal(l.count, 2);
	assert_param(&l, 0, "a", "1");
	assert_param(&l, 1, "b", "2");
	params_parse_cookies(*state, "a=1; b=2", 0, &l);
	assert_int_equal(l.count, 0);
	/* Malformed cookies before the cap do not use up a place... */
	params_parse_cookies(*state, "bad; a=1; b=2", 2, &l);
	assert_int_equal(l.count, 2);
	assert_param(&l, 0, "a", "1");
	assert_param(&l, 1, "b", "2");
}

static void test_cookies_bad_utf8_skipped(void **state)
{
	struct param_list l;
	params_parse_cookies(*state, "a=1; b=\xd0; c=\xc0\xaf; \xff=4; d=Я", 10, &l);
	assert_int_equal(l.count, 2);
	assert_param(&l, 0, "a", "1");
	assert_param(&l, 1, "d", "Я");
	assert_null(params_find(&l, "b"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_urlencoded_simple_pairs),
		cmocka_unit_test(test_urlencoded_empty_input),
		cmocka_unit_test(test_urlencoded_plus_is_space),
		cmocka_unit_test(test_urlencoded_percent_decoding),
		cmocka_unit_test(test_urlencoded_cyrillic),
		cmocka_unit_test(test_urlencoded_empty_pairs_skipped),
		cmocka_unit_test(test_urlencoded_name_without_value),
		cmocka_unit_test(test_urlencoded_bad_escapes),
		cmocka_unit_test(test_urlencoded_escape_cut_by_length),
		cmocka_unit_test(test_urlencoded_nul_in_name_rejected),
		cmocka_unit_test(test_urlencoded_nul_in_value_kept),
		cmocka_unit_test(test_urlencoded_bad_utf8),
		cmocka_unit_test(test_urlencoded_too_many),
		cmocka_unit_test(test_urlencoded_long_body),
		cmocka_unit_test(test_find_and_count_duplicates),
		cmocka_unit_test(test_cookies_simple),
		cmocka_unit_test(test_cookies_spaces),
		cmocka_unit_test(test_cookies_quoted_values),
		cmocka_unit_test(test_cookies_not_decoded),
		cmocka_unit_test(test_cookies_malformed_skipped),
		cmocka_unit_test(test_cookies_cap),
		cmocka_unit_test(test_cookies_bad_utf8_skipped),
	};
	return cmocka_run_group_tests(tests, setup_arena, teardown_arena);
}
