/* test_municipality.c — unit tests for src/domain/municipality.c: the kinds of municipality, the
 * codes and slugs staff type, slugs made from Russian names, the kind an administration's name
 * suggests, and the registration numbers per body. */
#include "unit.h"

#include "municipality.h"

static void test_kinds(void **state)
{
	(void)state;
	assert_string_equal(municipality_kind_label("municipal_district"), "муниципальный район");
	assert_string_equal(municipality_kind_label("rural_settlement"), "сельское поселение");
	assert_string_equal(municipality_kind_label("city_okrug"), "городской округ");
	assert_null(municipality_kind_label("village"));
	assert_null(municipality_kind_label(NULL));
	assert_true(municipality_kind_is_settlement("urban_settlement"));
	assert_true(municipality_kind_is_settlement("rural_settlement"));
	assert_false(municipality_kind_is_settlement("municipal_district"));
	assert_false(municipality_kind_is_settlement("municipal_okrug"));
	size_t n = 0;
	while (municipality_kinds[n].code != NULL)
		n++;
	assert_int_equal(n, 5); /* as the CHECK of sql/025_municipalities.sql */
}

static void test_codes(void **state)
{
	(void)state;
	const char *good[] = {"БРЗ", "СОВ", "Ё", "ЗЕЛЕНОБО", "А"};
	const char *bad[] = {"", "брз", "BRZ", "БР З", "Б-З", "ЗЕЛЕНОБОР", "БРЗ1", "Бр",
			     "\xD0", "\xD0\x10"};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		if (!municipality_code_valid(good[i]))
			fail_msg("«%s» refused", good[i]);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (municipality_code_valid(bad[i]))
			fail_msg("«%s» accepted", bad[i]);
}

static void test_slugs(void **state)
{
	(void)state;
	assert_true(municipality_slug_valid("berezovka"));
	assert_true(municipality_slug_valid("sovetsky-rayon"));
	assert_true(municipality_slug_valid("a1"));
	assert_true(municipality_slug_valid("abcdefghijabcdefghijabcdefghij12"));
	assert_false(municipality_slug_valid("abcdefghijabcdefghijabcdefghij123"));
	assert_false(municipality_slug_valid(""));
	assert_false(municipality_slug_valid("-berezovka"));
	assert_false(municipality_slug_valid("berezovka-"));
	assert_false(municipality_slug_valid("Berezovka"));
	assert_false(municipality_slug_valid("bere_zovka"));
	assert_false(municipality_slug_valid("берёзовка"));
	assert_false(municipality_slug_valid("../admin"));
}

static void test_slug_from_name(void **state)
{
	(void)state;
	static const struct {
		const char *name, *slug;
	} cases[] = {
		{"Берёзовка", "berezovka"},
		{"Зеленоборск", "zelenoborsk"},
		{"Советский район", "sovetskiy-rayon"},
		{"Щучье — Подъём", "shchuche-podem"},
		{"Хабаровск", "khabarovsk"},
		{"Юрьевец-2", "yurevets-2"},
		{"  Нижний   Новгород  ", "nizhniy-novgorod"},
		{"Tomsk", "tomsk"},
		{"«»", ""},
	};
	char out[33];
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		municipality_slug_from_name(cases[i].name, out, sizeof out);
		if (strcmp(out, cases[i].slug) != 0)
			fail_msg("«%s» → %s, expected %s", cases[i].name, out, cases[i].slug);
	}
	/* Never longer than the buffer or 32 characters, never cut inside a letter's Latin. */
	char small[8];
	municipality_slug_from_name("Щщщщщ", small, sizeof small);
	assert_string_equal(small, "shch");
	municipality_slug_from_name("Очень длинное название муниципального образования", out,
				    sizeof out);
	assert_true(strlen(out) <= 32);
	assert_true(municipality_slug_valid(out));
}

static void test_kind_guess(void **state)
{
	(void)state;
	assert_string_equal(municipality_kind_guess("Администрация городского поселения Зеленоборск"),
			    "urban_settlement");
	assert_string_equal(municipality_kind_guess("Администрация Берёзовского сельского поселения"),
			    "rural_settlement");
	assert_string_equal(municipality_kind_guess("Администрация Советского района"),
			    "municipal_district");
	assert_string_equal(municipality_kind_guess("Администрация городского округа Хабаровск"),
			    "city_okrug");
	assert_string_equal(municipality_kind_guess("Администрация Сосновского муниципального округа"),
			    "municipal_okrug");
	assert_string_equal(municipality_kind_guess(""), "urban_settlement");
	assert_string_equal(municipality_kind_guess(NULL), "urban_settlement");
}

static void test_numbers(void **state)
{
	(void)state;
	char out[48];
	assert_int_equal(appeal_number_format(out, sizeof out, "БРЗ", 2026, 12), 17); /* bytes */
	assert_string_equal(out, "БРЗ-2026-00012");
	appeal_number_format(out, sizeof out, "", 2026, 42);
	assert_string_equal(out, "2026-00042"); /* the format before issue 18 */
	appeal_number_format(out, sizeof out, NULL, 2027, 1);
	assert_string_equal(out, "2027-00001");
	appeal_number_format(out, sizeof out, "СОВ", 2026, 123456);
	assert_string_equal(out, "СОВ-2026-123456");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_slugs),
		cmocka_unit_test(test_slug_from_name),
		cmocka_unit_test(test_kind_guess),
		cmocka_unit_test(test_numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
