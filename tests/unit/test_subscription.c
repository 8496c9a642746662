/* test_subscription.c — unit tests for src/domain/subscription.c: the shape of the random tokens and the
 * links the confirmation mail and the notifier (List-Unsubscribe) use. */
#include "unit.h"

#include <sodium.h>

#include "arena.h"
#include "config.h"
#include "subscription.h"
#include "validate.h"

static void test_tokens_are_256_random_bits_url_safe(void **state)
{
	(void)state;
	assert_true(sodium_init() >= 0);
	struct arena a;
	arena_init(&a, 1024);
	const char *one = subscription_new_token(&a), *two = subscription_new_token(&a);
	/* 32 bytes in base64 without padding: ceil(256 / 6) = 43 characters. */
	assert_int_equal(strlen(one), 43);
	assert_string_not_equal(one, two);
	for (const char *p = one; *p; p++)
		assert_non_null(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
				       *p));
	unsigned char bytes[64];
	size_t len = 0;
	assert_int_equal(sodium_base642bin(bytes, sizeof bytes, one, strlen(one), NULL, &len, NULL,
					   sodium_base64_VARIANT_URLSAFE_NO_PADDING),
			 0);
	assert_int_equal(len, SUBSCRIPTION_TOKEN_BYTES);
	/* The token field of the links accepts it. */
	struct field_value v;
	validate_value(&a, &field_specs[FIELD_TOKEN], one, strlen(one), &v);
	assert_int_equal(v.state, FIELD_VALID);
	arena_free(&a);
}

static void test_links_use_the_site_url(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 1024);
	struct config cfg;
	memset(&cfg, 0, sizeof cfg);
	cfg.site_url = "https://vstrechi.zelenoborsk.example";
	assert_string_equal(subscription_unsubscribe_url(&a, &cfg, "abc-DEF_123"),
			    "https://vstrechi.zelenoborsk.example/unsubscribe?token=abc-DEF_123");
	assert_string_equal(subscription_confirm_url(&a, &cfg, "abc-DEF_123"),
			    "https://vstrechi.zelenoborsk.example/subscribe/confirm?token=abc-DEF_123");
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokens_are_256_random_bits_url_safe),
		cmocka_unit_test(test_links_use_the_site_url),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
