/* fuzz_mail_header.c — libFuzzer driver for mail_encode_header (src/notify/mail_header.c): whatever the
 * text (a subject or a sender's name from the database), the header that goes over the wire is
 * ASCII, folded into lines of at most 76 characters, cannot carry a line break of its own (no
 * header injection), and decodes back to exactly the text. The first byte picks the length of
 * the header's name. */
#include "fuzz_common.h"

#include <sodium.h>

#include "arena.h"
#include "mail.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	size_t name_len = data[0] % 48;
	char *text = fuzz_cstring(data + 1, size - 1);
	size_t text_len = strlen(text);
	struct arena a;
	arena_init(&a, 1024);
	const char *out = mail_encode_header(&a, text, name_len);

	if (strcmp(out, text) == 0) {
		/* Left as it is: only printable ASCII may be. */
		for (const char *c = text; *c; c++)
			FUZZ_CHECK(*c >= 0x20 && *c <= 0x7e);
	} else {
		char *decoded = malloc(text_len + 1);
		FUZZ_CHECK(decoded != NULL);
		size_t n = 0;
		const char *p = out;
		bool first = true;
		while (*p) {
			if (!first) {
				FUZZ_CHECK(strncmp(p, "\r\n ", 3) == 0);
				p += 3;
			}
			const char *end = strstr(p, "\r\n");
			size_t line = end ? (size_t)(end - p) : strlen(p);
			FUZZ_CHECK(line + (first ? name_len : 1) <= 76 || name_len + 20 > 76);
			FUZZ_CHECK(line > 12 && strncmp(p, "=?UTF-8?B?", 10) == 0);
			FUZZ_CHECK(strncmp(p + line - 2, "?=", 2) == 0);
			for (size_t i = 0; i < line; i++)
				FUZZ_CHECK(p[i] > 0x20 && p[i] < 0x7f);
			size_t got;
			FUZZ_CHECK(sodium_base642bin((unsigned char *)decoded + n, text_len - n + 1,
						     p + 10, line - 12, NULL, &got, NULL,
						     sodium_base64_VARIANT_ORIGINAL) == 0);
			n += got;
			p += line;
			first = false;
		}
		FUZZ_CHECK(n == text_len && memcmp(decoded, text, n) == 0);
		free(decoded);
	}
	arena_free(&a);
	free(text);
	return 0;
}
