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

void ru_format_date(char *out, size_t size, const struct tm *tm)
{
	snprintf(out, size, "%d %s %d г.", tm->tm_mday, ru_month_genitive(tm->tm_mon + 1),
		 tm->tm_year + 1900);
}

void ru_format_datetime(char *out, size_t size, const struct tm *tm)
{
	snprintf(out, size, "%d %s %d г., %02d:%02d", tm->tm_mday, ru_month_genitive(tm->tm_mon + 1),
		 tm->tm_year + 1900, tm->tm_hour, tm->tm_min);
}

void ru_format_time(char *out, size_t size, const struct tm *tm)
{
	snprintf(out, size, "%02d:%02d", tm->tm_hour, tm->tm_min);
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
