/* test_mail.c — the mail headers libcurl leaves to us (src/notify/mail.c): RFC 2047 encoded-words for
 * Cyrillic subjects and names, the RFC 5322 date, and the address check. */
#include "unit.h"

#include <sodium.h>

#include "civil_time.h"
#include "mail.h"
#include "utf8.h"

static struct arena arena;

static int setup(void **state)
{
	(void)state;
	arena_init(&arena, 4096);
	return tz_set("Asia/Yekaterinburg");
}

static int teardown(void **state)
{
	(void)state;
	arena_free(&arena);
	return 0;
}

/* Decode an encoded header: every word "=?UTF-8?B?…?=" on its own line, each holding whole UTF-8
 * characters, no line longer than 76 (the first one counted with the header's name). Returns
 * the decoded text. */
static char *decode(const char *encoded, size_t name_len)
{
	static char out[4096];
	size_t out_len = 0;
	const char *p = encoded;
	bool first = true;
	while (*p) {
		if (!first) {
			assert_memory_equal(p, "\r\n ", 3);
			p += 3;
		}
		const char *end = strstr(p, "\r\n");
		size_t line = end ? (size_t)(end - p) : strlen(p);
		assert_true(line + (first ? name_len : 1) <= 76);
		assert_true(line > 12);
		assert_memory_equal(p, "=?UTF-8?B?", 10);
		assert_memory_equal(p + line - 2, "?=", 2);
		unsigned char bin[128];
		size_t bin_len;
		assert_int_equal(sodium_base642bin(bin, sizeof bin, p + 10, line - 12, NULL, &bin_len,
						   NULL, sodium_base64_VARIANT_ORIGINAL),
				 0);
		assert_true(utf8_valid((const char *)bin, bin_len)); /* no character split */
		memcpy(out + out_len, bin, bin_len);
		out_len += bin_len;
		p += line;
		first = false;
	}
	out[out_len] = '\0';
	return out;
}

static void test_plain_ascii_stays_as_it_is(void **state)
{
	(void)state;
	assert_string_equal(mail_encode_header(&arena, "Meeting on 5 March", 9),
			    "Meeting on 5 March");
}

static void test_cyrillic_becomes_encoded_words_that_decode_back(void **state)
{
	(void)state;
	const char *subject = "Анонс: Сход граждан села Берёзовка, 9 декабря 2026 г., 16:00";
	const char *encoded = mail_encode_header(&arena, subject, 9);
	for (const char *c = encoded; *c; c++)
		assert_true((unsigned char)*c < 128);
	assert_string_equal(decode(encoded, 9), subject);
	assert_non_null(strstr(encoded, "\r\n ")); /* long enough to need several words */
}

static void test_every_length_splits_on_character_boundaries(void **state)
{
	(void)state;
	/* Two-, three- and four-byte characters in every position relative to a word's end. */
	char text[400] = "";
	const char *pieces[] = {"ж", "—", "😀", "a"};
	for (int n = 0; n < 80; n++) {
		strcat(text, pieces[n % 4]);
		assert_string_equal(decode(mail_encode_header(&arena, text, 9), 9), text);
		assert_string_equal(decode(mail_encode_header(&arena, text, 40), 40), text);
	}
}

static void test_ascii_with_control_characters_is_encoded(void **state)
{
	(void)state;
	const char *encoded = mail_encode_header(&arena, "two\r\nBcc: x@example.org", 9);
	assert_null(strstr(encoded, "\r\nBcc"));
	assert_string_equal(decode(encoded, 9), "two\r\nBcc: x@example.org");
}

static void test_date_is_rfc_5322_in_the_local_zone(void **state)
{
	(void)state;
	char date[64];
	struct civil_date d = {2026, 3, 11};
	mail_date(date, sizeof date, tz_local_to_utc(d, 18, 5));
	assert_string_equal(date, "Wed, 11 Mar 2026 18:05:00 +0500");
}

static void test_addresses(void **state)
{
	(void)state;
	assert_true(mail_address_ok("editor@gazeta.example"));
	assert_false(mail_address_ok("editor@"));
	assert_false(mail_address_ok("a b@example.org"));
	assert_false(mail_address_ok("x@example.org>\r\nRCPT TO:<y@example.org"));
	assert_false(mail_address_ok(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_ascii_stays_as_it_is),
		cmocka_unit_test(test_cyrillic_becomes_encoded_words_that_decode_back),
		cmocka_unit_test(test_every_length_splits_on_character_boundaries),
		cmocka_unit_test(test_ascii_with_control_characters_is_encoded),
		cmocka_unit_test(test_date_is_rfc_5322_in_the_local_zone),
		cmocka_unit_test(test_addresses),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
