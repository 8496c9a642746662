/* csv.c — the CSV cell writer of the report exports (see csv.h). */
#include "csv.h"

#include <string.h>

void csv_begin(struct buf *b)
{
	buf_append(b, "\xEF\xBB\xBF", 3);
}

bool csv_needs_quotes(const char *s, size_t len)
{
	if (len == 0)
		return false;
	if (s[0] == ' ' || s[0] == '\t' || s[len - 1] == ' ' || s[len - 1] == '\t')
		return true;
	for (size_t i = 0; i < len; i++)
		if (s[i] == CSV_SEPARATOR || s[i] == ',' || s[i] == '\t' || s[i] == '"' ||
		    s[i] == '\r' || s[i] == '\n')
			return true;
	return false;
}

bool csv_formula_like(const char *s, size_t len)
{
	size_t i = 0;
	if (len > 0 && (s[0] == '\t' || s[0] == '\r'))
		return true;
	/* A spreadsheet may trim leading blanks before it looks at the first character. */
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	if (i == len)
		return false;
	if (s[i] == '=' || s[i] == '+' || s[i] == '-' || s[i] == '@')
		return true;
	/* U+FF1D, U+FF0B, U+FF0D, U+FF20: full-width = + - @, which Excel also accepts. */
	static const char *const wide[] = {"\xEF\xBC\x9D", "\xEF\xBC\x8B", "\xEF\xBC\x8D",
					   "\xEF\xBC\xA0"};
	for (size_t k = 0; k < sizeof wide / sizeof wide[0]; k++)
		if (len - i >= 3 && memcmp(s + i, wide[k], 3) == 0)
			return true;
	return false;
}

/* Append s (len bytes) with an optional prefix, quoted when needed, '"' doubled. */
static void append_field(struct buf *b, const char *prefix, const char *s, size_t len)
{
	size_t plen = strlen(prefix);
	if (!csv_needs_quotes(s, len)) {
		buf_append(b, prefix, plen);
		buf_append(b, s, len);
		return;
	}
	buf_append(b, "\"", 1);
	buf_append(b, prefix, plen);
	const char *p = s, *end = s + len;
	while (p < end) {
		const char *q = memchr(p, '"', (size_t)(end - p));
		if (q == NULL) {
			buf_append(b, p, (size_t)(end - p));
			break;
		}
		buf_append(b, p, (size_t)(q - p) + 1); /* up to and with the quote, */
		buf_append(b, "\"", 1);                 /* which is doubled */
		p = q + 1;
	}
	buf_append(b, "\"", 1);
}

void csv_text(struct buf *b, const char *s, bool first)
{
	if (!first)
		buf_append(b, ";", 1);
	if (s == NULL)
		return;
	size_t len = strlen(s);
	append_field(b, csv_formula_like(s, len) ? "'" : "", s, len);
}

void csv_number(struct buf *b, long long n, bool first)
{
	if (!first)
		buf_append(b, ";", 1);
	buf_printf(b, "%lld", n);
}

void csv_end_record(struct buf *b)
{
	buf_append(b, "\r\n", 2);
}

void csv_record(struct buf *b, const char *const *fields, size_t n)
{
	for (size_t i = 0; i < n; i++)
		csv_text(b, fields[i], i == 0);
	csv_end_record(b);
}
