/* ru.c — Russian dates and plural forms (see ru.h). */
#include "ru.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

const char *ru_plural(long n, const char *one, const char *few, const char *many)
{
	unsigned long v = n < 0 ? (unsigned long)(-(n + 1)) + 1 : (unsigned long)n;
	unsigned long last_two = v % 100, last = v % 10;
	if (last_two >= 11 && last_two <= 14)
		return many;
	if (last == 1)
		return one;
	if (last >= 2 && last <= 4)
		return few;
	return many;
}

static const char *const month_genitive[12] = {
	"января", "февраля", "марта",    "апреля",  "мая",    "июня",
	"июля",   "августа", "сентября", "октября", "ноября", "декабря",
};

static const char *const month_nominative[12] = {
	"январь", "февраль", "март",     "апрель",  "май",    "июнь",
	"июль",   "август",  "сентябрь", "октябрь", "ноябрь", "декабрь",
};

static const char *const weekday[7] = {
	"воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота",
};

const char *ru_month_genitive(int month)
{
	return month >= 1 && month <= 12 ? month_genitive[month - 1] : "";
}

const char *ru_month_nominative(int month)
{
	return month >= 1 && month <= 12 ? month_nominative[month - 1] : "";
}

const char *ru_weekday(int wday)
{
	return wday >= 0 && wday <= 6 ? weekday[wday] : "";
}

/* A bounded writer for the formats below: snprintf and its format parsing were a sixth of the
 * CPU of an account page with two hundred dates (perf, make bench). The text is cut at size - 1
 * bytes and always ends with NUL (size > 0). */
struct writer {
	char *p, *last; /* next byte, the byte kept for the NUL */
};

static struct writer writer_start(char *out, size_t size)
{
	return (struct writer){out, size ? out + size - 1 : out};
}

static void put_text(struct writer *w, const char *s)
{
	while (*s && w->p < w->last)
		*w->p++ = *s++;
}

/* A non-negative number with at least width digits (zeros in front). */
static void put_number(struct writer *w, int value, int width)
{
	char digits[12];
	int n = 0;
	unsigned v = value < 0 ? 0u : (unsigned)value;
	do
		digits[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0 && n < 11);
	while (n < width && n < 11)
		digits[n++] = '0';
	while (n > 0 && w->p < w->last)
		*w->p++ = digits[--n];
}

static void writer_end(struct writer *w, size_t size)
{
	if (size)
		*w->p = '\0';
}

void ru_format_date(char *out, size_t size, const struct tm *tm)
{
	struct writer w = writer_start(out, size);
	put_number(&w, tm->tm_mday, 1);
	put_text(&w, " ");
	put_text(&w, ru_month_genitive(tm->tm_mon + 1));
	put_text(&w, " ");
	put_number(&w, tm->tm_year + 1900, 1);
	put_text(&w, " г.");
	writer_end(&w, size);
}

void ru_format_datetime(char *out, size_t size, const struct tm *tm)
{
	struct writer w = writer_start(out, size);
	put_number(&w, tm->tm_mday, 1);
	put_text(&w, " ");
	put_text(&w, ru_month_genitive(tm->tm_mon + 1));
	put_text(&w, " ");
	put_number(&w, tm->tm_year + 1900, 1);
	put_text(&w, " г., ");
	put_number(&w, tm->tm_hour, 2);
	put_text(&w, ":");
	put_number(&w, tm->tm_min, 2);
	writer_end(&w, size);
}

void ru_format_time(char *out, size_t size, const struct tm *tm)
{
	struct writer w = writer_start(out, size);
	put_number(&w, tm->tm_hour, 2);
	put_text(&w, ":");
	put_number(&w, tm->tm_min, 2);
	writer_end(&w, size);
}

void ru_format_iso_minute(char *out, size_t size, const struct tm *tm)
{
	struct writer w = writer_start(out, size);
	int offset = (int)(tm->tm_gmtoff / 60);
	put_number(&w, tm->tm_year + 1900, 4);
	put_text(&w, "-");
	put_number(&w, tm->tm_mon + 1, 2);
	put_text(&w, "-");
	put_number(&w, tm->tm_mday, 2);
	put_text(&w, "T");
	put_number(&w, tm->tm_hour, 2);
	put_text(&w, ":");
	put_number(&w, tm->tm_min, 2);
	put_text(&w, offset < 0 ? "-" : "+");
	offset = offset < 0 ? -offset : offset;
	put_number(&w, offset / 60, 2);
	put_text(&w, ":");
	put_number(&w, offset % 60, 2);
	writer_end(&w, size);
}

const char *ru_quoted(struct arena *a, const char *text)
{
	static const char open_outer[] = "«", close_outer[] = "»";
	static const char open_inner[] = "„", close_inner[] = "“";
	size_t n = strlen(text);
	/* « and » are 2 bytes in UTF-8, „ and “ are 3: at most one more byte per 2 of text. */
	char *out = arena_alloc(a, n + n / 2 + 2 * sizeof open_outer + 1);
	char *o = out;
	memcpy(o, open_outer, sizeof open_outer - 1);
	o += sizeof open_outer - 1;
	for (const char *p = text; *p;) {
		if (strncmp(p, open_outer, sizeof open_outer - 1) == 0) {
			memcpy(o, open_inner, sizeof open_inner - 1);
			o += sizeof open_inner - 1;
			p += sizeof open_outer - 1;
		} else if (strncmp(p, close_outer, sizeof close_outer - 1) == 0) {
			memcpy(o, close_inner, sizeof close_inner - 1);
			o += sizeof close_inner - 1;
			p += sizeof close_outer - 1;
		} else
			*o++ = *p++;
	}
	memcpy(o, close_outer, sizeof close_outer - 1);
	o += sizeof close_outer - 1;
	*o = '\0';
	return out;
}

const char *ru_by_gender(char gender, const char *m, const char *f, const char *n, const char *p)
{
	switch (gender) {
	case 'm':
		return m;
	case 'n':
		return n;
	case 'p':
		return p;
	default:
		return f;
	}
}

/* The lower-case form of the UTF-8 letter at s (of *len bytes, set) into out (its length), for
 * А–Я, Ё and A–Z; anything else is copied. */
static size_t lower_letter(const unsigned char *s, size_t *len, unsigned char *out)
{
	if (s[0] >= 'A' && s[0] <= 'Z') {
		*len = 1;
		out[0] = (unsigned char)(s[0] + 32);
		return 1;
	}
	if (s[0] == 0xD0 && s[1] >= 0x90 && s[1] <= 0x9F) { /* А–П → а–п */
		*len = 2;
		out[0] = 0xD0;
		out[1] = (unsigned char)(s[1] + 0x20);
		return 2;
	}
	if (s[0] == 0xD0 && s[1] >= 0xA0 && s[1] <= 0xAF) { /* Р–Я → р–я */
		*len = 2;
		out[0] = 0xD1;
		out[1] = (unsigned char)(s[1] - 0x20);
		return 2;
	}
	if (s[0] == 0xD0 && s[1] == 0x81) { /* Ё → ё */
		*len = 2;
		out[0] = 0xD1;
		out[1] = 0x91;
		return 2;
	}
	size_t n = s[0] < 0x80 ? 1 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\0') {
			n = i ? i : 1;
			break;
		}
		out[i] = s[i];
	}
	*len = n;
	return n;
}

/* Whether the UTF-8 letter at s is a capital (A–Z, А–Я, Ё). */
static bool is_capital(const unsigned char *s)
{
	return (s[0] >= 'A' && s[0] <= 'Z') || (s[0] == 0xD0 && s[1] >= 0x90 && s[1] <= 0xAF) ||
	       (s[0] == 0xD0 && s[1] == 0x81);
}

const char *ru_lower(struct arena *a, const char *text)
{
	size_t n = strlen(text);
	unsigned char *out = arena_alloc(a, n + 1), *o = out;
	for (const unsigned char *p = (const unsigned char *)text; *p;) {
		size_t in;
		o += lower_letter(p, &in, o);
		p += in;
	}
	*o = '\0';
	return (const char *)out;
}

const char *ru_lower_first(struct arena *a, const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	if (s[0] == '\0' || !is_capital(s))
		return text;
	size_t first = s[0] < 0x80 ? 1 : 2;
	if (s[first] != '\0' && is_capital(s + first))
		return text; /* an abbreviation */
	size_t n = strlen(text);
	unsigned char *out = arena_alloc(a, n + 1);
	size_t in, wrote = lower_letter(s, &in, out);
	memcpy(out + wrote, s + in, n - in + 1);
	return (const char *)out;
}

/* Whether text opens with a word of two or more capitals (ООО, МБОУ, ОМВД). */
static bool opens_with_abbreviation(const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	int capitals = 0;
	while (*s && *s != ' ' && is_capital(s)) {
		capitals++;
		s += s[0] < 0x80 ? 1 : 2;
	}
	return capitals >= 2 && (*s == ' ' || *s == '\0');
}

/* Whether position already names organisation: the stems of the organisation's first two words
 * (each without its last letter, as their case endings differ) occur in it — «Депутат Думы
 * Советского района» names «Дума Советского района». */
static bool names_organisation(struct arena *a, const char *position, const char *organisation)
{
	const char *pos = ru_lower(a, position), *p = ru_lower(a, organisation);
	for (int word = 0; word < 2 && *p; word++) {
		size_t n = strcspn(p, " ");
		size_t cut = n;
		if (cut > 0) { /* drop the last letter (one UTF-8 character) */
			cut--;
			while (cut > 0 && ((unsigned char)p[cut] & 0xC0) == 0x80)
				cut--;
		}
		if (cut < 3)
			cut = n; /* too short to drop anything */
		if (strstr(pos, arena_printf(a, "%.*s", (int)cut, p)) == NULL)
			return false;
		p += n;
		while (*p == ' ')
			p++;
	}
	return true;
}

const char *ru_person_line(struct arena *a, const char *name, const char *position,
			   const char *organisation)
{
	if (position[0] == '\0')
		return organisation[0] ? arena_printf(a, "%s, %s", name, organisation) : name;
	const char *pos = ru_lower_first(a, position);
	if (organisation[0] == '\0' || names_organisation(a, position, organisation))
		return arena_printf(a, "%s, %s", name, pos);
	return arena_printf(a, "%s, %s%s%s", name, pos,
			    opens_with_abbreviation(organisation) ? " " : ", ", organisation);
}
