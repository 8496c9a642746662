/* ru.c — Russian dates and plural forms (see ru.h). */
#include "ru.h"

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
