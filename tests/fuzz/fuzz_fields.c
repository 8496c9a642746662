/* fuzz_fields.c — libFuzzer driver for the validators: validate_value for every row of
 * field_specs (and for the text types no row uses yet), then validate_fields over the input
 * parsed as a query string. Each accepted value is checked against what its type promises, and
 * each value a type should accept is checked to be accepted. Dates also go through the
 * civil_time and ru helpers. */
#include "fuzz_common.h"

#include <time.h>

#include "arena.h"
#include "civil_time.h"
#include "params.h"
#include "ru.h"
#include "utf8.h"
#include "validate.h"

/* Types the real table does not use yet, so check_text is fuzzed as well. */
static const struct field_spec extra_specs[] = {
	{"line", FIELD_TYPE_LINE, 0, 40, "строка"},
	{"text", FIELD_TYPE_TEXT, 0, 300, "текст"},
	{"short", FIELD_TYPE_LOCAL_PATH, 0, 8, "адрес"},
	{"small", FIELD_TYPE_INT, 0, 3, "число"},
};

static bool all_digits(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return len > 0;
}

static long long digits_value(const char *s, size_t len)
{
	long long v = 0;
	for (size_t i = 0; i < len; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static bool is_code_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/* "YYYY-MM-DD" naming a real date from 1900 to 2999, written from the contract. */
static bool ref_date(const char *s, size_t len, struct civil_date *d)
{
	if (len != 10 || s[4] != '-' || s[7] != '-' || !all_digits(s, 4) || !all_digits(s + 5, 2) ||
	    !all_digits(s + 8, 2))
		return false;
	d->year = (int)digits_value(s, 4);
	d->month = (int)digits_value(s + 5, 2);
	d->day = (int)digits_value(s + 8, 2);
	static const int mdays[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (d->year < 1900 || d->year > 2999 || d->month < 1 || d->month > 12 || d->day < 1)
		return false;
	bool leap = d->year % 4 == 0 && (d->year % 100 != 0 || d->year % 400 == 0);
	return d->day <= mdays[d->month] + (d->month == 2 && leap);
}

/* "HH:MM" with a real hour and minute. */
static bool ref_time(const char *s, size_t len)
{
	return len == 5 && all_digits(s, 2) && s[2] == ':' && all_digits(s + 3, 2) &&
	       digits_value(s, 2) <= 23 && digits_value(s + 3, 2) <= 59;
}

/* Whether a correct validator must accept raw for spec: 1 yes, 0 no, -1 when the contract is
 * only checked one way (e-mail and phone shapes: accepted values must be clean one-line text). */
static int should_accept(const struct field_spec *spec, const char *raw, size_t len)
{
	struct civil_date d;
	switch (spec->type) {
	case FIELD_TYPE_TOKEN:
		if (len < 1 || (long long)len > spec->max)
			return 0;
		for (size_t i = 0; i < len; i++)
			if (!is_code_char(raw[i]) && !(raw[i] >= 'A' && raw[i] <= 'Z') && raw[i] != '-')
				return 0;
		return 1;
	case FIELD_TYPE_TIME:
		return ref_time(raw, len);
	case FIELD_TYPE_DATETIME:
		return len == 16 && ref_date(raw, 10, &d) && raw[10] == 'T' && ref_time(raw + 11, 5);
	case FIELD_TYPE_EMAIL:
	case FIELD_TYPE_PHONE:
		if (!ref_utf8_valid(raw, len) || ref_utf8_has_controls(raw, len, false) ||
		    (long long)ref_utf8_length(raw, len) > spec->max)
			return 0;
		return -1;
	case FIELD_TYPE_ID:
		return all_digits(raw, len) && len <= 18 && digits_value(raw, len) >= 1;
	case FIELD_TYPE_INT:
		return all_digits(raw, len) && len <= 18 && digits_value(raw, len) >= spec->min &&
		       digits_value(raw, len) <= spec->max;
	case FIELD_TYPE_DATE:
		return ref_date(raw, len, &d);
	case FIELD_TYPE_CODE:
		if (len < 1 || (long long)len > spec->max)
			return false;
		for (size_t i = 0; i < len; i++)
			if (!is_code_char(raw[i]))
				return false;
		return true;
	case FIELD_TYPE_LINE:
	case FIELD_TYPE_SECRET:
	case FIELD_TYPE_TEXT:
		return ref_utf8_valid(raw, len) &&
		       !ref_utf8_has_controls(raw, len, spec->type == FIELD_TYPE_TEXT) &&
		       (long long)ref_utf8_length(raw, len) <= spec->max;
	case FIELD_TYPE_LOCAL_PATH:
		if (!ref_utf8_valid(raw, len) || ref_utf8_has_controls(raw, len, false) ||
		    (long long)ref_utf8_length(raw, len) > spec->max)
			return false;
		if (len == 0 || raw[0] != '/' || (len > 1 && raw[1] == '/'))
			return false;
		for (size_t i = 0; i < len; i++)
			if (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\\')
				return false;
		return true;
	}
	return false;
}

/* What a field value promises once validate_value has run on raw[0..len). */
static void check_value(const struct field_spec *spec, const char *raw, size_t len,
			const struct field_value *v)
{
	FUZZ_CHECK(v->raw == raw);
	FUZZ_CHECK(v->state == FIELD_VALID || v->state == FIELD_INVALID);
	int expected = should_accept(spec, raw, len);
	if (expected >= 0)
		FUZZ_CHECK((v->state == FIELD_VALID) == (expected == 1));
	else if (v->state == FIELD_VALID)
		FUZZ_CHECK(expected != 0);
	if (v->state == FIELD_INVALID) {
		FUZZ_CHECK(v->error != NULL && v->error[0] != '\0');
		FUZZ_CHECK(utf8_valid(v->error, strlen(v->error)));
		return;
	}
	FUZZ_CHECK(v->error == NULL);
	switch (spec->type) {
	case FIELD_TYPE_ID:
	case FIELD_TYPE_INT:
		FUZZ_CHECK(v->number == digits_value(raw, len));
		FUZZ_CHECK(v->number >= (spec->type == FIELD_TYPE_ID ? 1 : spec->min));
		break;
	case FIELD_TYPE_DATE: {
		char again[32];
		snprintf(again, sizeof again, "%04d-%02d-%02d", v->date.year, v->date.month,
			 v->date.day);
		FUZZ_CHECK(strcmp(again, raw) == 0);
		FUZZ_CHECK(v->date.day <= civil_days_in_month(v->date.year, v->date.month));
		break;
	}
	case FIELD_TYPE_DATETIME: {
		char again[32];
		snprintf(again, sizeof again, "%04d-%02d-%02dT%02d:%02d", v->date.year, v->date.month,
			 v->date.day, v->hour, v->minute);
		FUZZ_CHECK(strcmp(again, raw) == 0);
		break;
	}
	case FIELD_TYPE_TIME: {
		char again[16];
		snprintf(again, sizeof again, "%02d:%02d", v->hour, v->minute);
		FUZZ_CHECK(strcmp(again, raw) == 0);
		break;
	}
	case FIELD_TYPE_CODE:
	case FIELD_TYPE_LINE:
	case FIELD_TYPE_TEXT:
	case FIELD_TYPE_LOCAL_PATH:
	case FIELD_TYPE_TOKEN:
	case FIELD_TYPE_SECRET:
	case FIELD_TYPE_EMAIL:
	case FIELD_TYPE_PHONE:
		FUZZ_CHECK(v->text == raw);
		break;
	}
}

/* A text field of only spaces and line breaks counts as not filled in (validate.c). */
static bool blank(const struct field_spec *spec, const char *value, size_t len)
{
	if (spec->type != FIELD_TYPE_LINE && spec->type != FIELD_TYPE_TEXT)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!strchr(" \t\r\n", value[i]) || value[i] == '\0')
			return false;
	return true;
}

/* Dates from the input through the calendar and the Russian formatting. */
static void check_dates(const char *s)
{
	struct civil_date d;
	int hour, minute;
	if (civil_datetime_parse(s, &d, &hour, &minute)) {
		char again[32];
		snprintf(again, sizeof again, "%04d-%02d-%02dT%02d:%02d", d.year, d.month, d.day, hour,
			 minute);
		FUZZ_CHECK(strcmp(again, s) == 0);
		time_t t = tz_local_to_utc(d, hour, minute);
		struct tm tm;
		tz_utc_to_local(t, &tm);
		/* Yekaterinburg has kept UTC+5 all year since 2014; before, a spring-forward hour
		 * has no instant to round-trip through. */
		if (d.year >= 2015)
			FUZZ_CHECK(tm.tm_hour == hour && tm.tm_min == minute && tm.tm_mday == d.day);
		char text[96];
		ru_format_datetime(text, sizeof text, &tm);
		FUZZ_CHECK(utf8_valid(text, strlen(text)));
		FUZZ_CHECK(strstr(text, ru_month_genitive(d.month)) != NULL);
	}
	if (!civil_date_parse(s, &d))
		return;
	struct civil_date ref;
	FUZZ_CHECK(ref_date(s, strlen(s), &ref)); /* a C string: the input up to its first NUL */
	FUZZ_CHECK(civil_date_compare(d, ref) == 0);
	/* Days forward and back from the date, by an amount the input's own digits pick. */
	int days = (s[8] - '0') * 1000 + (s[9] - '0') * 37 + (s[5] - '0') * 400 - 2000;
	struct civil_date moved = civil_date_add_days(d, days);
	FUZZ_CHECK(moved.month >= 1 && moved.month <= 12);
	FUZZ_CHECK(moved.day >= 1 && moved.day <= civil_days_in_month(moved.year, moved.month));
	FUZZ_CHECK(civil_date_compare(civil_date_add_days(moved, -days), d) == 0);
	int cmp = civil_date_compare(moved, d);
	FUZZ_CHECK(days > 0 ? cmp > 0 : days < 0 ? cmp < 0 : cmp == 0);
	struct tm tm = {0};
	tm.tm_year = d.year - 1900;
	tm.tm_mon = d.month - 1;
	tm.tm_mday = d.day;
	char text[64];
	ru_format_date(text, sizeof text, &tm);
	FUZZ_CHECK(utf8_valid(text, strlen(text)));
	FUZZ_CHECK(ru_plural(d.day, "день", "дня", "дней")[0] != '\0');
}

/* validate_fields over the parsed list with every field declared under flags. */
static void check_fields(struct arena *a, const struct param_list *list, unsigned flags_mask)
{
	struct route_field declared[FIELD__MAX + 1];
	size_t n = 0;
	for (int f = 0; f < FIELD__MAX; f++) {
		/* Bits 8..15 leave fields undeclared, bits 0..7 make them required, by f mod 8. */
		if ((flags_mask >> (8 + f % 8)) & 1)
			continue; /* left undeclared */
		declared[n].field = (enum field)f;
		declared[n].flags = (flags_mask >> (f % 8)) & 1 ? FIELD_REQUIRED : FIELD_OPTIONAL;
		n++;
	}
	declared[n].field = FIELD__MAX;
	declared[n].flags = 0;

	struct field_value out[FIELD__MAX];
	size_t errors = validate_fields(a, list, declared, out);
	size_t invalid = 0;
	bool is_declared[FIELD__MAX] = {false};
	for (size_t k = 0; k < n; k++) {
		enum field f = declared[k].field;
		is_declared[f] = true;
		const struct field_spec *spec = &field_specs[f];
		const struct param *p = params_find(list, spec->name);
		size_t copies = params_count(list, spec->name);
		bool required = declared[k].flags & FIELD_REQUIRED;
		const struct field_value *v = &out[f];
		if (copies > 1) {
			FUZZ_CHECK(v->state == FIELD_INVALID);
		} else if (p == NULL || p->value_len == 0 || blank(spec, p->value, p->value_len)) {
			FUZZ_CHECK(v->state == (required ? FIELD_INVALID : FIELD_ABSENT));
		} else {
			struct field_value alone;
			validate_value(a, spec, p->value, p->value_len, &alone);
			FUZZ_CHECK(v->state == alone.state);
			check_value(spec, p->value, p->value_len, v);
		}
		if (v->state == FIELD_INVALID) {
			FUZZ_CHECK(v->error != NULL && v->error[0] != '\0');
			invalid++;
		}
	}
	for (int f = 0; f < FIELD__MAX; f++)
		if (!is_declared[f])
			FUZZ_CHECK(out[f].state == FIELD_ABSENT);
	FUZZ_CHECK(errors == invalid);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool zone_set;
	if (!zone_set) {
		FUZZ_CHECK(tz_set("Asia/Yekaterinburg") == 0);
		zone_set = true;
	}
	char *raw = fuzz_cstring(data, size);
	struct arena a;
	arena_init(&a, 4096);

	for (int f = 0; f < FIELD__MAX; f++) {
		struct field_value v;
		validate_value(&a, &field_specs[f], raw, size, &v);
		check_value(&field_specs[f], raw, size, &v);
	}
	for (size_t i = 0; i < sizeof extra_specs / sizeof extra_specs[0]; i++) {
		struct field_value v;
		validate_value(&a, &extra_specs[i], raw, size, &v);
		check_value(&extra_specs[i], raw, size, &v);
	}
	check_dates(raw);

	struct param_list list;
	if (params_parse_urlencoded(&a, (const char *)data, size, 200, &list) == PARAMS_OK) {
		check_fields(&a, &list, 0);              /* all optional */
		check_fields(&a, &list, 0xff);           /* all required */
		unsigned mixed = size > 1 ? (unsigned)data[size - 1] | (unsigned)data[0] << 8 : 0;
		check_fields(&a, &list, mixed);          /* some required, some undeclared */
	}
	arena_free(&a);
	free(raw);
	return 0;
}
