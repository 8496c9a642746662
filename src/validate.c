/* validate.c — the field table and the validators (see validate.h). */
#include "validate.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ru.h"
#include "utf8.h"

const struct field_spec field_specs[FIELD__MAX] = {
	[FIELD_TERRITORY] = {"territory", FIELD_TYPE_ID, 1, 0, "территория"},
	[FIELD_KIND] = {"kind", FIELD_TYPE_CODE, 0, 32, "вид встречи"},
	[FIELD_FROM] = {"from", FIELD_TYPE_DATE, 0, 0, "дата «с»"},
	[FIELD_TO] = {"to", FIELD_TYPE_DATE, 0, 0, "дата «по»"},
	[FIELD_PAGE] = {"page", FIELD_TYPE_INT, 1, 10000, "номер страницы"},
	[FIELD_MODE] = {"mode", FIELD_TYPE_CODE, 0, 3, "режим"},
	[FIELD_RETURN] = {"return", FIELD_TYPE_LOCAL_PATH, 0, 2000, "адрес возврата"},
	[FIELD_CSRF] = {"csrf", FIELD_TYPE_TOKEN, 0, 64, "ключ формы"},
	[FIELD_LOGIN] = {"login", FIELD_TYPE_LINE, 0, 64, "логин"},
	[FIELD_PASSWORD] = {"password", FIELD_TYPE_SECRET, 0, 200, "пароль"},
	[FIELD_NEW_PASSWORD] = {"new_password", FIELD_TYPE_SECRET, 0, 200, "новый пароль"},
	[FIELD_NEW_PASSWORD_AGAIN] = {"new_password_again", FIELD_TYPE_SECRET, 0, 200,
				      "новый пароль ещё раз"},
	[FIELD_FULL_NAME] = {"full_name", FIELD_TYPE_LINE, 0, 200, "фамилия, имя, отчество"},
	[FIELD_ROLE] = {"role", FIELD_TYPE_CODE, 0, 32, "роль"},
	[FIELD_USER] = {"user", FIELD_TYPE_ID, 1, 0, "пользователь"},
	[FIELD_ENTITY] = {"entity", FIELD_TYPE_CODE, 0, 32, "объект"},
	[FIELD_STATUS] = {"status", FIELD_TYPE_CODE, 0, 16, "состояние"},
	[FIELD_TITLE] = {"title", FIELD_TYPE_LINE, 0, 300, "тема встречи"},
	[FIELD_VENUE] = {"venue", FIELD_TYPE_ID, 1, 0, "место проведения"},
	[FIELD_HOST] = {"host", FIELD_TYPE_ID, 1, 0, "кто проводит"},
	[FIELD_STARTS_AT] = {"starts_at", FIELD_TYPE_DATETIME, 0, 0, "начало"},
	[FIELD_ENDS_AT] = {"ends_at", FIELD_TYPE_DATETIME, 0, 0, "окончание"},
	[FIELD_EXPECTED_ATTENDANCE] = {"expected_attendance", FIELD_TYPE_INT, 0, 100000,
				       "ожидаемое число участников"},
	[FIELD_ORGANISING_UNIT] = {"organising_unit", FIELD_TYPE_LINE, 0, 200, "организатор"},
	[FIELD_DESCRIPTION] = {"description", FIELD_TYPE_TEXT, 0, 5000, "описание для жителей"},
	[FIELD_THESES] = {"theses", FIELD_TYPE_TEXT, 0, 20000, "тезисы выступления"},
	[FIELD_ANALYTICAL_NOTE] = {"analytical_note", FIELD_TYPE_TEXT, 0, 20000,
				   "аналитическая записка"},
	[FIELD_REFERENCE_MATERIALS] = {"reference_materials", FIELD_TYPE_TEXT, 0, 20000,
				       "справочные материалы"},
	[FIELD_INVITEE] = {"invitee", FIELD_TYPE_ID, 1, 0, "приглашённые"},
	[FIELD_EXCEPTION_REASON] = {"exception_reason", FIELD_TYPE_TEXT, 0, 2000,
				    "причина исключения из правила 5 дней"},
	[FIELD_CANCEL_REASON] = {"cancel_reason", FIELD_TYPE_TEXT, 0, 2000, "причина отмены"},
	[FIELD_POSTPONE_REASON] = {"postpone_reason", FIELD_TYPE_TEXT, 0, 2000, "причина переноса"},
	[FIELD_NEW_STARTS_AT] = {"new_starts_at", FIELD_TYPE_DATETIME, 0, 0, "новое начало"},
	[FIELD_NEW_ENDS_AT] = {"new_ends_at", FIELD_TYPE_DATETIME, 0, 0, "новое окончание"},
	[FIELD_ATTENDANCE] = {"attendance", FIELD_TYPE_INT, 0, 100000, "число участников"},
};

static void invalid(struct field_value *out, const char *error)
{
	out->state = FIELD_INVALID;
	out->error = error;
}

/* Parse a decimal integer with no sign, spaces or leading junk; false on overflow. */
static bool parse_integer(const char *s, size_t len, long long *out)
{
	if (len == 0 || len > 18)
		return false;
	long long v = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

/* The shape of YYYY-MM-DD, so "11.03.2026" is told the format rather than that no such day
 * exists; whether the day exists is civil_date_parse's question. */
static bool looks_like_date(const char *raw, size_t len)
{
	if (len != 10)
		return false;
	for (size_t i = 0; i < len; i++) {
		bool dash = i == 4 || i == 7;
		if (dash ? raw[i] != '-' : (raw[i] < '0' || raw[i] > '9'))
			return false;
	}
	return true;
}

/* Codes are [a-z0-9_]; tokens also allow A-Z and '-' (URL-safe base64). */
static void check_word(const struct field_spec *spec, const char *raw, size_t len, bool token,
		       struct field_value *out)
{
	bool ok = len >= 1 && (long long)len <= spec->max;
	for (size_t i = 0; ok && i < len; i++) {
		char c = raw[i];
		ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
		     (token && ((c >= 'A' && c <= 'Z') || c == '-'));
	}
	if (!ok) {
		invalid(out, "недопустимое значение");
		return;
	}
	out->state = FIELD_VALID;
	out->text = raw;
}

static void check_text(struct arena *a, const struct field_spec *spec, const char *raw, size_t len,
		       bool allow_newlines, struct field_value *out)
{
	if (!utf8_valid(raw, len)) {
		invalid(out, "текст в неверной кодировке (ожидается UTF-8)");
		return;
	}
	if (utf8_has_controls(raw, len, allow_newlines)) {
		invalid(out, allow_newlines ? "недопустимые управляющие символы"
					    : "должно быть в одну строку, без управляющих символов");
		return;
	}
	size_t chars = utf8_length(raw, len);
	if ((long long)chars > spec->max) {
		invalid(out, arena_printf(a, "не длиннее %lld %s", spec->max,
					  ru_plural(spec->max, "символа", "символов", "символов")));
		return;
	}
	out->state = FIELD_VALID;
	out->text = raw;
}

void validate_value(struct arena *a, const struct field_spec *spec, const char *raw, size_t len,
		    struct field_value *out)
{
	memset(out, 0, sizeof *out);
	out->raw = raw;
	switch (spec->type) {
	case FIELD_TYPE_ID:
		if (!parse_integer(raw, len, &out->number) || out->number < 1)
			invalid(out, "должно быть номером записи — целым положительным числом");
		else
			out->state = FIELD_VALID;
		break;
	case FIELD_TYPE_INT:
		if (!parse_integer(raw, len, &out->number) || out->number < spec->min ||
		    out->number > spec->max)
			invalid(out, arena_printf(a, "должно быть целым числом от %lld до %lld", spec->min,
						  spec->max));
		else
			out->state = FIELD_VALID;
		break;
	case FIELD_TYPE_DATE:
		if (!looks_like_date(raw, len))
			invalid(out, "ожидается дата в формате ГГГГ-ММ-ДД, например 2026-03-11");
		else if (!civil_date_parse(raw, &out->date))
			invalid(out, "такой даты нет в календаре");
		else
			out->state = FIELD_VALID;
		break;
	case FIELD_TYPE_CODE:
		check_word(spec, raw, len, false, out);
		break;
	case FIELD_TYPE_LINE:
	case FIELD_TYPE_SECRET:
		check_text(a, spec, raw, len, false, out);
		break;
	case FIELD_TYPE_TOKEN:
		check_word(spec, raw, len, true, out);
		break;
	case FIELD_TYPE_DATETIME:
		if (len != 16 || !looks_like_date(raw, 10) || raw[10] != 'T')
			invalid(out, "ожидаются дата и время, например 2026-03-11T18:00");
		else if (!civil_datetime_parse(raw, &out->date, &out->hour, &out->minute))
			invalid(out, "такой даты или времени нет");
		else
			out->state = FIELD_VALID;
		break;
	case FIELD_TYPE_TEXT:
		check_text(a, spec, raw, len, true, out);
		break;
	case FIELD_TYPE_LOCAL_PATH:
		/* Browsers drop tabs from a URL and read '\\' as '/', so "/<TAB>/host" and "/\\host"
		 * would leave the site: no blank or backslash anywhere, not just after the '/'. */
		check_text(a, spec, raw, len, false, out);
		if (out->state == FIELD_VALID &&
		    (raw[0] != '/' || raw[1] == '/' || strpbrk(raw, " \t\\") != NULL))
			invalid(out, "должен быть адресом страницы этого сайта");
		break;
	}
}

/* Every value of a repeatable ID field (checkboxes); empty values are skipped. */
static size_t validate_multi(struct arena *a, const struct param_list *source,
			     const struct field_spec *spec, struct field_value *v)
{
	size_t n = params_count(source, spec->name), count = 0;
	long long *ids = arena_alloc(a, (n ? n : 1) * sizeof *ids);
	for (size_t i = 0; i < source->count; i++) {
		const struct param *p = &source->items[i];
		if (strcmp(p->name, spec->name) != 0 || p->value_len == 0)
			continue;
		struct field_value one;
		validate_value(a, spec, p->value, p->value_len, &one);
		if (one.state == FIELD_INVALID) {
			*v = one;
			return 1;
		}
		ids[count++] = one.number;
	}
	v->state = count ? FIELD_VALID : FIELD_ABSENT;
	v->ids = ids;
	v->id_count = count;
	return 0;
}

size_t validate_fields(struct arena *a, const struct param_list *source,
		       const struct route_field *declared, struct field_value out[FIELD__MAX])
{
	memset(out, 0, sizeof(struct field_value) * FIELD__MAX);
	size_t errors = 0;
	for (const struct route_field *rf = declared; rf != NULL && rf->field != FIELD__MAX; rf++) {
		const struct field_spec *spec = &field_specs[rf->field];
		struct field_value *v = &out[rf->field];
		const struct param *p = params_find(source, spec->name);
		if (rf->flags & FIELD_MULTI) {
			errors += validate_multi(a, source, spec, v);
			continue;
		}
		/* Twice is invalid before an empty copy can count as absent: otherwise
		 * "territory=&territory=5" would quietly mean "all territories". */
		if (p != NULL && params_count(source, spec->name) > 1) {
			v->state = FIELD_INVALID;
			v->raw = p->value;
			v->error = "указано несколько раз";
			errors++;
			continue;
		}
		if (p == NULL || p->value_len == 0) {
			if (rf->flags & FIELD_REQUIRED) {
				v->state = FIELD_INVALID;
				v->raw = p ? p->value : NULL;
				v->error = "обязательное поле: заполните его";
				errors++;
			}
			continue;
		}
		validate_value(a, spec, p->value, p->value_len, v);
		if (v->state == FIELD_INVALID)
			errors++;
	}
	return errors;
}
