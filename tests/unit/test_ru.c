/* test_ru.c — unit tests for src/base/ru.c: Russian dates in words, plural forms and quotation
 * marks. */
#include "unit.h"

#include <limits.h>
#include <time.h>

#include "ru.h"

static const char *days(long n)
{
	return ru_plural(n, "день", "дня", "дней");
}

static struct tm make_tm(int y, int m, int d, int hour, int minute)
{
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = hour;
	tm.tm_min = minute;
	return tm;
}

static void test_plural_required_numbers(void **state)
{
	(void)state;
	static const struct {
		long n;
		const char *form;
	} cases[] = {
		{0, "дней"},   {1, "день"},   {2, "дня"},    {4, "дня"},    {5, "дней"},
		{11, "дней"},  {12, "дней"},  {14, "дней"},  {21, "день"},  {22, "дня"},
		{25, "дней"},  {101, "день"}, {111, "дней"}, {112, "дней"}, {121, "день"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (strcmp(days(cases[i].n), cases[i].form) != 0)
			fail_msg("%ld %s, expected %s", cases[i].n, days(cases[i].n), cases[i].form);
}

static void test_plural_more_numbers(void **state)
{
	(void)state;
	assert_string_equal(days(3), "дня");
	assert_string_equal(days(10), "дней");
	assert_string_equal(days(13), "дней");
	assert_string_equal(days(15), "дней");
	assert_string_equal(days(19), "дней");
	assert_string_equal(days(20), "дней");
	assert_string_equal(days(24), "дня");
	assert_string_equal(days(100), "дней");
	assert_string_equal(days(102), "дня");
	assert_string_equal(days(114), "дней");
	assert_string_equal(days(1000), "дней");
	assert_string_equal(days(1001), "день");
	assert_string_equal(days(1011), "дней");
	assert_string_equal(days(2022), "дня");
	/* The sign does not change the form: «минус 1 день», «−2 дня». */
	assert_string_equal(days(-1), "день");
	assert_string_equal(days(-2), "дня");
	assert_string_equal(days(-11), "дней");
	assert_string_equal(days(-21), "день");
	assert_string_equal(days(LONG_MAX), "дней"); /* ...807 */
	assert_string_equal(days(LONG_MIN), "дней"); /* ...808, and no overflow */
	/* The forms given are returned as they are. */
	const char *one = "встреча", *few = "встречи", *many = "встреч";
	assert_ptr_equal(ru_plural(1, one, few, many), one);
	assert_ptr_equal(ru_plural(3, one, few, many), few);
	assert_ptr_equal(ru_plural(7, one, few, many), many);
}

static void test_months(void **state)
{
	(void)state;
	static const char *const genitive[12] = {
		"января", "февраля", "марта",    "апреля",  "мая",    "июня",
		"июля",   "августа", "сентября", "октября", "ноября", "декабря",
	};
	static const char *const nominative[12] = {
		"январь", "февраль", "март",     "апрель",  "май",    "июнь",
		"июль",   "август",  "сентябрь", "октябрь", "ноябрь", "декабрь",
	};
	for (int m = 1; m <= 12; m++) {
		assert_string_equal(ru_month_genitive(m), genitive[m - 1]);
		assert_string_equal(ru_month_nominative(m), nominative[m - 1]);
	}
	assert_string_equal(ru_month_genitive(0), "");
	assert_string_equal(ru_month_genitive(13), "");
	assert_string_equal(ru_month_nominative(-1), "");
}

static void test_all_months_in_dates(void **state)
{
	(void)state;
	static const char *const expected[12] = {
		"1 января 2026 г.",   "1 февраля 2026 г.", "1 марта 2026 г.",    "1 апреля 2026 г.",
		"1 мая 2026 г.",      "1 июня 2026 г.",    "1 июля 2026 г.",     "1 августа 2026 г.",
		"1 сентября 2026 г.", "1 октября 2026 г.", "1 ноября 2026 г.",   "1 декабря 2026 г.",
	};
	char out[64];
	for (int m = 1; m <= 12; m++) {
		struct tm tm = make_tm(2026, m, 1, 0, 0);
		ru_format_date(out, sizeof out, &tm);
		assert_string_equal(out, expected[m - 1]);
	}
}

static void test_weekdays(void **state)
{
	(void)state;
	static const char *const expected[7] = {
		"воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота",
	};
	for (int w = 0; w < 7; w++)
		assert_string_equal(ru_weekday(w), expected[w]);
	assert_string_equal(ru_weekday(-1), "");
	assert_string_equal(ru_weekday(7), "");
	/* Against the C library's own idea of the weekday: 11 March 2026 is a Wednesday. */
	struct tm tm = make_tm(2026, 3, 11, 12, 0);
	tm.tm_isdst = -1;
	time_t t = timegm(&tm);
	assert_true(t != (time_t)-1);
	assert_string_equal(ru_weekday(tm.tm_wday), "среда");
}

static void test_format_date(void **state)
{
	(void)state;
	char out[64];
	struct tm tm = make_tm(2020, 3, 11, 18, 0);
	ru_format_date(out, sizeof out, &tm);
	assert_string_equal(out, "11 марта 2020 г.");
	tm = make_tm(2026, 12, 31, 23, 59);
	ru_format_date(out, sizeof out, &tm);
	assert_string_equal(out, "31 декабря 2026 г."); /* no leading zero in the day */
	tm = make_tm(2026, 5, 9, 0, 0);
	ru_format_date(out, sizeof out, &tm);
	assert_string_equal(out, "9 мая 2026 г.");
}

static void test_format_datetime(void **state)
{
	(void)state;
	char out[64];
	struct tm tm = make_tm(2020, 3, 11, 18, 0);
	ru_format_datetime(out, sizeof out, &tm);
	assert_string_equal(out, "11 марта 2020 г., 18:00");
	tm = make_tm(2026, 1, 2, 9, 5);
	ru_format_datetime(out, sizeof out, &tm);
	assert_string_equal(out, "2 января 2026 г., 09:05");
	tm = make_tm(2026, 7, 15, 0, 0);
	ru_format_datetime(out, sizeof out, &tm);
	assert_string_equal(out, "15 июля 2026 г., 00:00");
}

static void test_format_time(void **state)
{
	(void)state;
	char out[16];
	struct tm tm = make_tm(2026, 1, 1, 18, 0);
	ru_format_time(out, sizeof out, &tm);
	assert_string_equal(out, "18:00");
	tm = make_tm(2026, 1, 1, 7, 3);
	ru_format_time(out, sizeof out, &tm);
	assert_string_equal(out, "07:03");
}

static void test_format_iso_minute(void **state)
{
	(void)state;
	char out[40];
	struct tm tm = make_tm(2026, 11, 28, 18, 0);
	tm.tm_gmtoff = 5 * 3600;
	ru_format_iso_minute(out, sizeof out, &tm);
	assert_string_equal(out, "2026-11-28T18:00+05:00");
	tm = make_tm(2026, 1, 2, 9, 5);
	tm.tm_gmtoff = -(3 * 3600 + 30 * 60);
	ru_format_iso_minute(out, sizeof out, &tm);
	assert_string_equal(out, "2026-01-02T09:05-03:30");
	tm.tm_gmtoff = 0;
	ru_format_iso_minute(out, 11, &tm);
	assert_string_equal(out, "2026-01-02"); /* cut, but terminated */
}

static void test_format_truncates_safely(void **state)
{
	(void)state;
	char out[8];
	memset(out, 'x', sizeof out);
	struct tm tm = make_tm(2020, 3, 11, 18, 0);
	ru_format_datetime(out, sizeof out, &tm);
	assert_int_equal(strlen(out), sizeof out - 1); /* cut, but terminated */
	assert_memory_equal(out, "11 мар", 7);
}

static void test_quoted_nests_inner_quotes(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 1024);
	assert_string_equal(ru_quoted(&a, "Итоги года"), "«Итоги года»");
	assert_string_equal(ru_quoted(&a, "Форум «Реальные дела»"), "«Форум „Реальные дела“»");
	assert_string_equal(ru_quoted(&a, "«»«»"), "«„“„“»");
	assert_string_equal(ru_quoted(&a, ""), "«»");
	/* Only whole marks are replaced: a lone byte of one passes through. */
	assert_string_equal(ru_quoted(&a, "a\xc2" "b"), "«a\xc2" "b»");
	arena_free(&a);
}

static void test_gender_lower_and_person_lines(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 4096);
	assert_string_equal(ru_by_gender('m', "состоялся", "состоялась", "состоялось", "состоялись"),
			    "состоялся");
	assert_string_equal(ru_by_gender('p', "m", "f", "n", "p"), "p");
	assert_string_equal(ru_by_gender('n', "m", "f", "n", "p"), "n");
	assert_string_equal(ru_by_gender('?', "m", "f", "n", "p"), "f");
	assert_string_equal(ru_lower(&a, "Сход Граждан ЁЛКИ Abc"), "сход граждан ёлки abc");
	assert_string_equal(ru_lower_first(&a, "Директор"), "директор");
	assert_string_equal(ru_lower_first(&a, "ОМВД России"), "ОМВД России");
	assert_string_equal(ru_lower_first(&a, "Ёлка"), "ёлка");
	assert_string_equal(ru_lower_first(&a, ""), "");
	assert_string_equal(ru_person_line(&a, "Захаров Павел Ильич", "Директор",
					   "ООО «Зеленоборский ЛПК»"),
			    "Захаров Павел Ильич, директор ООО «Зеленоборский ЛПК»");
	assert_string_equal(ru_person_line(&a, "Лебедева Татьяна Андреевна", "Начальник отдела ЖКХ",
					   "Администрация городского поселения Зеленоборск"),
			    "Лебедева Татьяна Андреевна, начальник отдела ЖКХ, Администрация "
			    "городского поселения Зеленоборск");
	assert_string_equal(ru_person_line(&a, "Васильева Елена Петровна",
					   "Депутат Думы Советского района", "Дума Советского района"),
			    "Васильева Елена Петровна, депутат Думы Советского района");
	assert_string_equal(ru_person_line(&a, "Орлова Марина Юрьевна", "Помощник прокурора",
					   "Прокуратура Советского района"),
			    "Орлова Марина Юрьевна, помощник прокурора, Прокуратура Советского "
			    "района");
	assert_string_equal(ru_person_line(&a, "Иванов", "", "ООО «Ромашка»"),
			    "Иванов, ООО «Ромашка»");
	assert_string_equal(ru_person_line(&a, "Иванов", "", ""), "Иванов");
	assert_string_equal(ru_person_line(&a, "Иванов", "Пенсионер", ""), "Иванов, пенсионер");
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plural_required_numbers),
		cmocka_unit_test(test_plural_more_numbers),
		cmocka_unit_test(test_months),
		cmocka_unit_test(test_all_months_in_dates),
		cmocka_unit_test(test_weekdays),
		cmocka_unit_test(test_format_date),
		cmocka_unit_test(test_format_datetime),
		cmocka_unit_test(test_format_time),
		cmocka_unit_test(test_format_iso_minute),
		cmocka_unit_test(test_format_truncates_safely),
		cmocka_unit_test(test_quoted_nests_inner_quotes),
		cmocka_unit_test(test_gender_lower_and_person_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
