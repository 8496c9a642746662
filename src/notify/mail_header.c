/* mail_header.c — the parts of a mail's header libcurl leaves to us (see mail.h): RFC 2047
 * encoded-words, the RFC 5322 date, the address check. No libcurl here, so the fuzzer
 * (tests/fuzz/fuzz_mail_header.c) links it alone. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "mail.h"
#include "validate.h"

static bool plain_ascii(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p > 0x7e)
			return false;
	return true;
}

/* Bytes of the UTF-8 character starting with lead (1 for anything malformed). */
static size_t utf8_char_len(unsigned char lead)
{
	if (lead >= 0xf0 && lead < 0xf8)
		return 4;
	if (lead >= 0xe0)
		return lead < 0xf0 ? 3 : 1;
	if (lead >= 0xc0)
		return 2;
	return 1;
}

const char *mail_encode_header(struct arena *a, const char *value, size_t name_len)
{
	if (plain_ascii(value) && name_len + strlen(value) <= 998)
		return value;
	/* A line of a header stays within 76 characters: a folded line is " =?UTF-8?B?" + base64 +
	 * "?=", so 45 bytes of text (60 of base64) per word; the first word shares its line with the
	 * header's name and carries less. Words are cut only between characters. */
	enum { WORD_BYTES = 45, LINE = 76, FRAME = 12 };
	size_t first = name_len + FRAME + 8 < LINE ? (LINE - name_len - FRAME) / 4 * 3 : 6;
	struct buf out;
	buf_init(&out, a);
	size_t len = strlen(value), i = 0;
	while (i < len) {
		size_t take = 0, limit = out.len == 0 ? first : WORD_BYTES;
		while (i + take < len) {
			size_t n = utf8_char_len((unsigned char)value[i + take]);
			if (i + take + n > len || take + n > limit)
				break;
			take += n;
		}
		if (take == 0) /* a truncated character at the end: take what is left */
			take = len - i;
		char b64[sodium_base64_ENCODED_LEN(WORD_BYTES + 4, sodium_base64_VARIANT_ORIGINAL)];
		sodium_bin2base64(b64, sizeof b64, (const unsigned char *)value + i, take,
				  sodium_base64_VARIANT_ORIGINAL);
		if (out.len > 0)
			buf_puts(&out, "\r\n ");
		buf_printf(&out, "=?UTF-8?B?%s?=", b64);
		i += take;
	}
	return out.len ? out.data : "";
}

void mail_date(char *out, size_t size, time_t t)
{
	static const char days[][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char months[][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	struct tm tm;
	localtime_r(&t, &tm);
	long off = tm.tm_gmtoff / 60;
	char sign = off < 0 ? '-' : '+';
	if (off < 0)
		off = -off;
	snprintf(out, size, "%s, %02d %s %04d %02d:%02d:%02d %c%02ld%02ld", days[tm.tm_wday],
		 tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec,
		 sign, off / 60, off % 60);
}

bool mail_address_ok(const char *s)
{
	return s != NULL && validate_email_shape(s, strlen(s));
}

