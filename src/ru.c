/* ru.c — Russian dates and plural forms (see ru.h). */
#include "ru.h"

#include <stdio.h>

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
