/* csv.c — the CSV cell writer of the report exports and the record reader of imports (see
 * csv.h). */
#include "csv.h"

#include <string.h>

#include "arena.h"

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

char csv_guess_separator(const char *line, size_t len)
{
	bool quoted = false;
	for (size_t i = 0; i < len && line[i] != '\n'; i++) {
		if (line[i] == '"')
			quoted = !quoted;
		else if (!quoted && line[i] == ';')
			return ';';
	}
	return ',';
}

int csv_read_record(struct arena *a, const char *text, size_t len, size_t *pos, char sep,
		    const char **out, size_t max, size_t *count, int *line)
{
	size_t i = *pos;
	if (i == 0 && len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	*count = 0;
	if (i >= len)
		return 0;
	int result = 1;
	char *field = arena_alloc(a, len - i + 1); /* no field is longer than what is left */
	for (;;) {
		size_t n = 0;
		bool ends_record;
		if (text[i] == '"') {
			i++;
			for (;;) {
				if (i >= len) {
					result = -1; /* a quote left open */
					goto out;
				}
				if (text[i] == '"' && i + 1 < len && text[i + 1] == '"') {
					field[n++] = '"';
					i += 2;
				} else if (text[i] == '"') {
					i++;
					break;
				} else {
					if (text[i] == '\n')
						(*line)++;
					field[n++] = text[i++];
				}
			}
			if (i < len && text[i] != sep && text[i] != '\r' && text[i] != '\n')
				result = -1; /* text after the closing quote: read on to the record's end */
			while (i < len && text[i] != sep && text[i] != '\n')
				i++;
		} else {
			while (i < len && text[i] != sep && text[i] != '\n')
				field[n++] = text[i++];
			if (n > 0 && field[n - 1] == '\r' && (i >= len || text[i] == '\n'))
				n--;
		}
		ends_record = i >= len || text[i] == '\n';
		if (*count < max)
			out[*count] = arena_strndup(a, field, n);
		else
			result = -1;
		(*count)++;
		if (i < len)
			i++; /* the separator or the LF */
		if (ends_record)
			break;
		if (i >= len) { /* a separator last: one more, empty field */
			if (*count < max)
				out[*count] = "";
			else
				result = -1;
			(*count)++;
			break;
		}
	}
	(*line)++;
out:
	if (*count > max)
		*count = max;
	*pos = i < len ? i : len;
	if (result < 0)
		*pos = len > *pos ? *pos : len;
	return result;
}
