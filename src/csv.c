/* csv.c — the CSV field writer of the report exports (see csv.h). */
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
		if (s[i] == CSV_SEPARATOR || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			return true;
	return false;
}

void csv_field(struct buf *b, const char *s, bool first)
{
	if (!first)
		buf_append(b, ";", 1);
	if (s == NULL)
		return;
	size_t len = strlen(s);
	if (!csv_needs_quotes(s, len)) {
		buf_append(b, s, len);
		return;
	}
	buf_append(b, "\"", 1);
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

void csv_end_record(struct buf *b)
{
	buf_append(b, "\r\n", 2);
}

void csv_record(struct buf *b, const char *const *fields, size_t n)
{
	for (size_t i = 0; i < n; i++)
		csv_field(b, fields[i], i == 0);
	csv_end_record(b);
}
