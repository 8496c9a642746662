/* test_utf8.c — unit tests for src/base/utf8.c: the strict UTF-8 checks every input passes through. */
#include "unit.h"

#include "utf8.h"

/* utf8_valid over a string literal, embedded NULs included. */
#define VALID(s) utf8_valid((s), LIT_LEN(s))

static void test_valid_ascii_and_empty(void **state)
{
	(void)state;
	assert_true(VALID(""));
	assert_true(VALID("meetings?page=2"));
	assert_true(VALID("\x01\x7f"));      /* controls are well-formed; utf8_has_controls judges */
	assert_true(VALID("a\0b"));          /* NUL is well-formed: callers reject it */
	assert_true(utf8_valid(NULL, 0));    /* nothing to read */
}

static void test_valid_cyrillic(void **state)
{
	(void)state;
	assert_true(VALID("Зеленоборск"));
	assert_true(VALID("ёЁ — «встреча» №5"));
	assert_true(VALID("\xd0\x90"));      /* А, U+0410 */
	assert_true(VALID("\xc2\x80"));      /* U+0080, the smallest two-byte code point */
	assert_true(VALID("\xdf\xbf"));      /* U+07FF, the largest */
}

static void test_valid_three_and_four_bytes(void **state)
{
	(void)state;
	assert_true(VALID("\xe0\xa0\x80"));      /* U+0800, smallest three-byte */
	assert_true(VALID("\xe2\x82\xbd"));      /* ₽ */
	assert_true(VALID("\xed\x9f\xbf"));      /* U+D7FF, just below the surrogates */
	assert_true(VALID("\xee\x80\x80"));      /* U+E000, just above them */
	assert_true(VALID("\xef\xbf\xbf"));      /* U+FFFF */
	assert_true(VALID("\xf0\x9f\x98\x80"));  /* 😀 U+1F600 */
	assert_true(VALID("\xf0\x90\x80\x80"));  /* U+10000, smallest four-byte */
	assert_true(VALID("\xf4\x8f\xbf\xbf"));  /* U+10FFFF, the last code point */
	assert_true(VALID("Привет, 😀!"));
}

static void test_rejects_overlong_forms(void **state)
{
	(void)state;
	assert_false(VALID("\xc0\x80"));         /* NUL in two bytes */
	assert_false(VALID("\xc0\xaf"));         /* '/' in two bytes: the classic path trick */
	assert_false(VALID("\xc1\xbf"));
	assert_false(VALID("\xe0\x80\x80"));     /* NUL in three bytes */
	assert_false(VALID("\xe0\x9f\xbf"));     /* U+07FF in three bytes */
	assert_false(VALID("\xf0\x80\x80\x80")); /* NUL in four bytes */
	assert_false(VALID("\xf0\x8f\xbf\xbf")); /* U+FFFF in four bytes */
}

static void test_rejects_surrogates(void **state)
{
	(void)state;
	assert_false(VALID("\xed\xa0\x80"));     /* U+D800 */
	assert_false(VALID("\xed\xbf\xbf"));     /* U+DFFF */
	assert_false(VALID("\xed\xa0\xbd\xed\xb8\x80")); /* CESU-8 pair for U+1F600 */
}

static void test_rejects_above_unicode(void **state)
{
	(void)state;
	assert_false(VALID("\xf4\x90\x80\x80")); /* U+110000 */
	assert_false(VALID("\xf5\x80\x80\x80"));
	assert_false(VALID("\xf7\xbf\xbf\xbf"));
	assert_false(VALID("\xf8\x88\x80\x80\x80")); /* old five-byte form */
	assert_false(VALID("\xfc\x84\x80\x80\x80\x80"));
	assert_false(VALID("\xfe"));
	assert_false(VALID("\xff"));
}

static void test_rejects_truncated_at_end(void **state)
{
	(void)state;
	assert_false(VALID("\xd0"));
	assert_false(VALID("abc\xd0"));
	assert_false(VALID("\xe2\x82"));
	assert_false(VALID("\xe2"));
	assert_false(VALID("\xf0\x9f\x98"));
	assert_false(VALID("\xf0\x9f"));
	assert_false(VALID("\xf0"));
	/* The length given, not the NUL, ends the text: a sequence cut by len is truncated. */
	assert_false(utf8_valid("\xd0\x90", 1));
	assert_false(utf8_valid("\xf0\x9f\x98\x80", 3));
	assert_true(utf8_valid("\xd0\x90\xd0", 2));
}

static void test_rejects_bad_continuations(void **state)
{
	(void)state;
	assert_false(VALID("\x80"));
	assert_false(VALID("\xbf"));
	assert_false(VALID("a\x80" "b"));
	assert_false(VALID("\xd0\x90\x90"));     /* one continuation too many */
	assert_false(VALID("\xd0" "a"));         /* lead byte followed by ASCII */
	assert_false(VALID("\xe2\x82" "a"));
	assert_false(VALID("\xe2" "a" "\xbd"));
	assert_false(VALID("\xf0\x9f\x98" "a"));
	assert_false(VALID("\xd0\xd0\x90"));     /* lead byte followed by another lead */
}

static void test_length_counts_code_points(void **state)
{
	(void)state;
	assert_int_equal(utf8_length("", 0), 0);
	assert_int_equal(utf8_length("abc", 3), 3);
	assert_int_equal(utf8_length("Зеленоборск", LIT_LEN("Зеленоборск")), 11);
	assert_int_equal(LIT_LEN("Зеленоборск"), 22);
	assert_int_equal(utf8_length("\xe2\x82\xbd", 3), 1);
	assert_int_equal(utf8_length("\xf0\x9f\x98\x80", 4), 1);
	assert_int_equal(utf8_length("a\0b", 3), 3);
	assert_int_equal(utf8_length("Привет, 😀!", LIT_LEN("Привет, 😀!")), 10);
}

static void test_controls_c0_and_del(void **state)
{
	(void)state;
	assert_false(utf8_has_controls("", 0, false));
	assert_false(utf8_has_controls("обычный текст", LIT_LEN("обычный текст"), false));
	assert_true(utf8_has_controls("a\0b", 3, true));
	assert_true(utf8_has_controls("\x01", 1, true));
	assert_true(utf8_has_controls("\x1b[31m", 5, true));
	assert_true(utf8_has_controls("\x1f", 1, true));
	assert_true(utf8_has_controls("x\x7f", 2, true));
	assert_true(utf8_has_controls("\x0b", 1, true));   /* vertical tab is not a line break */
	assert_true(utf8_has_controls("\x0c", 1, true));   /* nor is form feed */
	assert_false(utf8_has_controls(" ~", 2, false));   /* the printable ends of ASCII */
}

static void test_controls_tab_and_newlines(void **state)
{
	(void)state;
	assert_false(utf8_has_controls("a\tb", 3, false));  /* tab is allowed everywhere */
	assert_false(utf8_has_controls("a\tb", 3, true));
	assert_true(utf8_has_controls("a\nb", 3, false));   /* line breaks only in texts */
	assert_true(utf8_has_controls("a\rb", 3, false));
	assert_true(utf8_has_controls("a\r\nb", 4, false));
	assert_false(utf8_has_controls("a\nb", 3, true));
	assert_false(utf8_has_controls("a\r\nb", 4, true));
	assert_false(utf8_has_controls("строка\nещё", LIT_LEN("строка\nещё"), true));
}

static void test_controls_c1(void **state)
{
	(void)state;
	assert_true(utf8_has_controls("\xc2\x80", 2, true));   /* U+0080 */
	assert_true(utf8_has_controls("\xc2\x85", 2, true));   /* NEL */
	assert_true(utf8_has_controls("\xc2\x9b", 2, true));   /* CSI */
	assert_true(utf8_has_controls("ok\xc2\x9f", 4, true)); /* U+009F */
	assert_false(utf8_has_controls("\xc2\xa0", 2, false)); /* no-break space is text */
	assert_false(utf8_has_controls("\xc2\xab\xc2\xbb", 4, false)); /* «» */
	assert_false(utf8_has_controls("\xd0\x80", 2, false)); /* Ѐ: 0x80 after another lead */
	assert_false(utf8_has_controls("\xc2", 1, false));     /* a cut lead byte is no control */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_ascii_and_empty),
		cmocka_unit_test(test_valid_cyrillic),
		cmocka_unit_test(test_valid_three_and_four_bytes),
		cmocka_unit_test(test_rejects_overlong_forms),
		cmocka_unit_test(test_rejects_surrogates),
		cmocka_unit_test(test_rejects_above_unicode),
		cmocka_unit_test(test_rejects_truncated_at_end),
		cmocka_unit_test(test_rejects_bad_continuations),
		cmocka_unit_test(test_length_counts_code_points),
		cmocka_unit_test(test_controls_c0_and_del),
		cmocka_unit_test(test_controls_tab_and_newlines),
		cmocka_unit_test(test_controls_c1),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
