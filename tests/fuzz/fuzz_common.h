/* fuzz_common.h — what the libFuzzer drivers share: a check that aborts loudly (so libFuzzer
 * saves the input), and reference implementations written independently of src/ to compare the
 * real parsers against. */
#ifndef PORTAL_FUZZ_COMMON_H
#define PORTAL_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Abort with the failed condition; libFuzzer keeps the input as a crash artifact. */
#define FUZZ_CHECK(cond)                                                                           \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

/* A NUL-terminated heap copy of the fuzzer's bytes (the parsers that take C strings need one;
 * being on the heap, a read past the end is caught by AddressSanitizer). */
static inline char *fuzz_cstring(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	FUZZ_CHECK(s != NULL);
	if (size > 0)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* Decode one code point by the table of well-formed sequences in the Unicode standard
 * (Table 3-7), which is written quite differently from src/base/utf8.c. Returns the sequence's
 * length, or 0 when s[0..len) does not start with a well-formed sequence. */
static inline size_t ref_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	static const struct {
		unsigned char lead_lo, lead_hi, second_lo, second_hi, length;
	} rows[] = {
		{0x00, 0x7F, 0, 0, 1},       {0xC2, 0xDF, 0x80, 0xBF, 2},
		{0xE0, 0xE0, 0xA0, 0xBF, 3}, {0xE1, 0xEC, 0x80, 0xBF, 3},
		{0xED, 0xED, 0x80, 0x9F, 3}, {0xEE, 0xEF, 0x80, 0xBF, 3},
		{0xF0, 0xF0, 0x90, 0xBF, 4}, {0xF1, 0xF3, 0x80, 0xBF, 4},
		{0xF4, 0xF4, 0x80, 0x8F, 4},
	};
	if (len == 0)
		return 0;
	for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
		if (s[0] < rows[r].lead_lo || s[0] > rows[r].lead_hi)
			continue;
		size_t n = rows[r].length;
		if (n == 1) {
			*cp = s[0];
			return 1;
		}
		if (len < n || s[1] < rows[r].second_lo || s[1] > rows[r].second_hi)
			return 0;
		uint32_t v = s[0] & (0xFF >> (n + 1));
		for (size_t k = 1; k < n; k++) {
			if (k > 1 && (s[k] < 0x80 || s[k] > 0xBF))
				return 0;
			v = v << 6 | (s[k] & 0x3F);
		}
		*cp = v;
		return n;
	}
	return 0;
}

static inline bool ref_utf8_valid(const void *text, size_t len)
{
	const unsigned char *s = text;
	uint32_t cp;
	for (size_t i = 0; i < len;) {
		size_t n = ref_utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			return false;
		i += n;
	}
	return true;
}

/* Code points in well-formed text. */
static inline size_t ref_utf8_length(const void *text, size_t len)
{
	const unsigned char *s = text;
	uint32_t cp;
	size_t count = 0;
	for (size_t i = 0; i < len; count++) {
		size_t n = ref_utf8_decode(s + i, len - i, &cp);
		i += n ? n : 1; /* a stray byte, if the caller did not check: one step */
	}
	return count;
}

/* Controls by code point: C0 but tab (and CR, LF when allowed), DEL, C1. Well-formed text only. */
static inline bool ref_utf8_has_controls(const void *text, size_t len, bool allow_newlines)
{
	const unsigned char *s = text;
	uint32_t cp;
	for (size_t i = 0; i < len;) {
		size_t n = ref_utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			i++;
			continue;
		}
		i += n;
		if (cp == '\t' || (allow_newlines && (cp == '\n' || cp == '\r')))
			continue;
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
			return true;
	}
	return false;
}

#endif
