/* validate.c — the field table and the validators (see validate.h). */
#include "validate.h"

#include <errno.h>
#include <stdio.h>
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
	[FIELD_RULE] = {"rule", FIELD_TYPE_CODE, 0, 16, "повторение"},
	[FIELD_WEEKDAY] = {"weekday", FIELD_TYPE_INT, 1, 7, "день недели"},
	[FIELD_ORDINAL] = {"ordinal", FIELD_TYPE_INT, 1, 5, "какой по счёту"},
	[FIELD_PERIOD_FROM] = {"period_from", FIELD_TYPE_DATE, 0, 0, "начало периода"},
	[FIELD_PERIOD_TO] = {"period_to", FIELD_TYPE_DATE, 0, 0, "конец периода"},
	[FIELD_START_TIME] = {"start_time", FIELD_TYPE_TIME, 0, 0, "время начала"},
	[FIELD_END_TIME] = {"end_time", FIELD_TYPE_TIME, 0, 0, "время окончания"},
	[FIELD_STOP_DATE] = {"stop_date", FIELD_TYPE_DATE, 0, 0, "дата остановки"},
	[FIELD_STOP_VENUE] = {"stop_venue", FIELD_TYPE_ID, 1, 0, "место остановки"},
	/* The shape is checked by the media plan (page_admin_press.c): a real month. */
	[FIELD_MONTH] = {"month", FIELD_TYPE_TOKEN, 0, 7, "месяц"},
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
	[FIELD_GROUP] = {"group", FIELD_TYPE_ID, 1, 0, "информационная группа"},
	/* 200 characters: the territory schema's limit, applied to venues and groups alike. */
	[FIELD_NAME] = {"name", FIELD_TYPE_LINE, 0, 200, "название"},
	[FIELD_LEVEL] = {"level", FIELD_TYPE_CODE, 0, 16, "уровень"},
	[FIELD_PARENT] = {"parent", FIELD_TYPE_ID, 1, 0, "входит в"},
	[FIELD_ADDRESS] = {"address", FIELD_TYPE_LINE, 0, 300, "адрес"},
	[FIELD_VENUE_KIND] = {"venue_kind", FIELD_TYPE_CODE, 0, 16, "тип места"},
	[FIELD_CAPACITY] = {"capacity", FIELD_TYPE_INT, 1, 100000, "вместимость"},
	[FIELD_POSITION] = {"position", FIELD_TYPE_LINE, 0, 300, "должность"},
	[FIELD_ORGANISATION] = {"organisation", FIELD_TYPE_LINE, 0, 300, "организация"},
	[FIELD_CATEGORY] = {"category", FIELD_TYPE_CODE, 0, 16, "категория"},
	[FIELD_EMAIL] = {"email", FIELD_TYPE_EMAIL, 0, 254, "электронная почта"},
	[FIELD_PHONE] = {"phone", FIELD_TYPE_PHONE, 0, 40, "телефон"},
	[FIELD_LEADER] = {"leader", FIELD_TYPE_ID, 1, 0, "руководитель"},
	[FIELD_SECRETARY] = {"secretary", FIELD_TYPE_ID, 1, 0, "секретарь"},
	[FIELD_MEMBER] = {"member", FIELD_TYPE_ID, 1, 0, "члены группы"},
	/* 256 random bits in URL-safe base64 are 43 characters; room for a longer token later. */
	[FIELD_TOKEN] = {"token", FIELD_TYPE_TOKEN, 0, 64, "ключ из письма"},
	[FIELD_CONSENT] = {"consent", FIELD_TYPE_CODE, 0, 3, "согласие на обработку адреса"},
	/* Named like a field robots fill in gladly; people never see it (display: none). */
	[FIELD_HONEYPOT] = {"website", FIELD_TYPE_LINE, 0, 2000, "сайт"},
	/* The parameter name is the header's, hyphens and capitals included: names are matched as
	 * they are sent, only the value has a type. */
	[FIELD_LIST_UNSUBSCRIBE] = {"List-Unsubscribe", FIELD_TYPE_TOKEN, 0, 16,
				    "отписка в один клик"},
	[FIELD_SUMMARY] = {"summary", FIELD_TYPE_TEXT, 0, 2000, "описание группы"},
	[FIELD_MEMBER_NAME] = {"member_name", FIELD_TYPE_LINE, 0, 200, "имя участника"},
	[FIELD_MEMBER_ORGANISATION] = {"member_organisation", FIELD_TYPE_LINE, 0, 200,
				       "организация участника"},
	[FIELD_MEMBER_EMAIL] = {"member_email", FIELD_TYPE_EMAIL, 0, 254,
				"электронная почта участника"},
	[FIELD_REFERENCE_GROUP] = {"reference_group", FIELD_TYPE_ID, 1, 0,
				   "рассылка референтным группам"},
	[FIELD_HALF] = {"half", FIELD_TYPE_INT, 1, 2, "полугодие"},
	[FIELD_FORMAT] = {"format", FIELD_TYPE_CODE, 0, 8, "формат"},
	[FIELD_START_DATE] = {"start_date", FIELD_TYPE_LINE, 0, 40, "начало периода (start_date)"},
	[FIELD_END_DATE] = {"end_date", FIELD_TYPE_LINE, 0, 40, "конец периода (end_date)"},
	[FIELD_SERVICE_CODE] = {"service_code", FIELD_TYPE_LINE, 0, 1000, "коды тем (service_code)"},
	[FIELD_REQUEST_STATUS] = {"status", FIELD_TYPE_LINE, 0, 20, "состояние (status)"},
	[FIELD_SERVICE_REQUEST_ID] = {"service_request_id", FIELD_TYPE_LINE, 0, 1000,
				      "номера обращений (service_request_id)"},
	[FIELD_OIDC_CODE] = {"code", FIELD_TYPE_TOKEN, 0, 2048, "код авторизации"},
	[FIELD_OIDC_STATE] = {"state", FIELD_TYPE_TOKEN, 0, 128, "параметр state"},
	[FIELD_OIDC_ERROR] = {"error", FIELD_TYPE_CODE, 0, 64, "ошибка"},
	[FIELD_OTP] = {"code", FIELD_TYPE_LINE, 0, 12, "код из письма"},
	[FIELD_VERDICT] = {"verdict", FIELD_TYPE_CODE, 0, 16, "решён ли вопрос"},
	[FIELD_VERDICT_COMMENT] = {"comment", FIELD_TYPE_TEXT, 0, 2000, "комментарий"},
	[FIELD_DRAFT_TITLE] = {"title", FIELD_TYPE_LINE, 0, 300, "название проекта"},
	[FIELD_DRAFT_BODY] = {"body", FIELD_TYPE_TEXT, 0, 200000, "текст проекта"},
	[FIELD_DISCUSSION_FORM] = {"form", FIELD_TYPE_CODE, 0, 16, "форма обсуждения"},
	[FIELD_OPENS_ON] = {"opens_on", FIELD_TYPE_DATE, 0, 0, "начало обсуждения"},
	[FIELD_CLOSES_ON] = {"closes_on", FIELD_TYPE_DATE, 0, 0, "окончание обсуждения"},
	[FIELD_POINT] = {"point", FIELD_TYPE_LINE, 0, 100, "пункт проекта"},
	[FIELD_PROPOSAL_TEXT] = {"text", FIELD_TYPE_TEXT, 0, 5000, "текст предложения"},
	[FIELD_AUTHOR_NAME] = {"author", FIELD_TYPE_LINE, 0, 200, "подпись"},
	[FIELD_SHOW_AS] = {"show_as", FIELD_TYPE_CODE, 0, 16, "как показать автора"},
	[FIELD_CONCLUSION] = {"conclusion", FIELD_TYPE_TEXT, 0, 20000, "заключение"},
	[FIELD_SLOT_MINUTES] = {"slot_minutes", FIELD_TYPE_INT, 5, 120,
				"длительность приёма одного посетителя, минут"},
	[FIELD_TOPICS] = {"topics", FIELD_TYPE_TEXT, 0, 2000, "темы приёма"},
	[FIELD_SLOT] = {"slot", FIELD_TYPE_INT, 1, 99999999999LL, "время приёма"},
	[FIELD_BOOKING_QUESTION] = {"question", FIELD_TYPE_TEXT, 0, 2000, "суть вопроса"},
	[FIELD_CONTACT] = {"contact", FIELD_TYPE_LINE, 0, 200, "как с вами связаться"},
	[FIELD_VISIT] = {"visit", FIELD_TYPE_CODE, 0, 10, "отметка"},
	[FIELD_WAITING] = {"waiting", FIELD_TYPE_ID, 1, 0, "лист ожидания"},
	[FIELD_BOOKING] = {"booking", FIELD_TYPE_ID, 1, 0, "запись на приём"},
	[FIELD_YEAR] = {"year", FIELD_TYPE_INT, 2000, 2100, "год"},
	[FIELD_PROVISIONAL] = {"provisional", FIELD_TYPE_INT, 0, 1, "предварительный"},
	[FIELD_SOURCE] = {"source", FIELD_TYPE_LINE, 0, 500, "постановление"},
	[FIELD_DAY] = {"day", FIELD_TYPE_DATE, 0, 0, "дата"},
	[FIELD_DAY_KIND] = {"day_kind", FIELD_TYPE_CODE, 0, 16, "вид дня"},
	[FIELD_NOTE] = {"note", FIELD_TYPE_LINE, 0, 300, "примечание"},
	[FIELD_SURVEY_TITLE] = {"title", FIELD_TYPE_LINE, 0, 300, "название опроса"},
	[FIELD_SURVEY_INTRO] = {"intro", FIELD_TYPE_TEXT, 0, 5000, "вступление"},
	[FIELD_AUDIENCE] = {"audience", FIELD_TYPE_CODE, 0, 16, "кто участвует"},
	[FIELD_RESULTS] = {"results", FIELD_TYPE_CODE, 0, 16, "когда показать итоги"},
	[FIELD_SURVEY_OPENS_ON] = {"opens_on", FIELD_TYPE_DATE, 0, 0, "начало опроса"},
	[FIELD_SURVEY_CLOSES_ON] = {"closes_on", FIELD_TYPE_DATE, 0, 0, "окончание опроса"},
	[FIELD_SURVEY_QUESTION] = {"question", FIELD_TYPE_LINE, 0, 500, "вопрос"},
	[FIELD_QUESTION_KIND] = {"question_kind", FIELD_TYPE_CODE, 0, 16, "вид вопроса"},
	[FIELD_QUESTION_REQUIRED] = {"question_required", FIELD_TYPE_CODE, 0, 3, "обязательный"},
	[FIELD_QUESTION_OPTIONS] = {"question_options", FIELD_TYPE_TEXT, 0, 4000,
				    "варианты ответа"},
	[FIELD_RESIDENT_OF] = {"resident_of", FIELD_TYPE_CODE, 0, 3, "проживание на территории"},
	[FIELD_ANSWER_1] = {"q1", FIELD_TYPE_TEXT, 0, 2000, "ответ"},
	[FIELD_ANSWER_2] = {"q2", FIELD_TYPE_TEXT, 0, 2000, "ответ"},
	[FIELD_ANSWER_3] = {"q3", FIELD_TYPE_TEXT, 0, 2000, "ответ"},
	[FIELD_ANSWER_4] = {"q4", FIELD_TYPE_TEXT, 0, 2000, "ответ"},
	[FIELD_ANSWER_5] = {"q5", FIELD_TYPE_TEXT, 0, 2000, "ответ"},
	[FIELD_ANSWER_6] = {"q6", FIELD_TYPE_TEXT, 0, 2000, "ответ"},
	[FIELD_ANSWER_7] = {"q7", FIELD_TYPE_TEXT, 0, 2000, "ответ"},
	[FIELD_ANSWER_8] = {"q8", FIELD_TYPE_TEXT, 0, 2000, "ответ"},
	[FIELD_ANSWER_9] = {"q9", FIELD_TYPE_TEXT, 0, 2000, "ответ"},
	[FIELD_ANSWER_10] = {"q10", FIELD_TYPE_TEXT, 0, 2000, "ответ"},
	[FIELD_ANSWER_11] = {"q11", FIELD_TYPE_TEXT, 0, 2000, "ответ"},
	[FIELD_ANSWER_12] = {"q12", FIELD_TYPE_TEXT, 0, 2000, "ответ"},
	[FIELD_ANSWER_13] = {"q13", FIELD_TYPE_TEXT, 0, 2000, "ответ"},
	[FIELD_ANSWER_14] = {"q14", FIELD_TYPE_TEXT, 0, 2000, "ответ"},
	[FIELD_ANSWER_15] = {"q15", FIELD_TYPE_TEXT, 0, 2000, "ответ"},
	[FIELD_ANSWER_16] = {"q16", FIELD_TYPE_TEXT, 0, 2000, "ответ"},
	[FIELD_ANSWER_17] = {"q17", FIELD_TYPE_TEXT, 0, 2000, "ответ"},
	[FIELD_ANSWER_18] = {"q18", FIELD_TYPE_TEXT, 0, 2000, "ответ"},
	[FIELD_ANSWER_19] = {"q19", FIELD_TYPE_TEXT, 0, 2000, "ответ"},
	[FIELD_ANSWER_20] = {"q20", FIELD_TYPE_TEXT, 0, 2000, "ответ"},
	[FIELD_ADDRESSEE] = {"addressee", FIELD_TYPE_CODE, 0, 16, "кому адресовано"},
	[FIELD_ADDRESSEE_UNIT] = {"addressee_unit", FIELD_TYPE_LINE, 0, 200, "подразделение"},
	[FIELD_SURNAME] = {"surname", FIELD_TYPE_LINE, 0, 100, "фамилия"},
	[FIELD_GIVEN_NAME] = {"name", FIELD_TYPE_LINE, 0, 100, "имя"},
	[FIELD_PATRONYMIC] = {"patronymic", FIELD_TYPE_LINE, 0, 100, "отчество"},
	[FIELD_POSTAL_ADDRESS] = {"address", FIELD_TYPE_LINE, 0, 300, "почтовый адрес"},
	[FIELD_APPEAL_TOPIC] = {"topic", FIELD_TYPE_LINE, 0, 40, "тема"},
	[FIELD_APPEAL_TEXT] = {"text", FIELD_TYPE_TEXT, 0, 20000, "текст обращения"},
	[FIELD_APPEAL_NUMBER] = {"number", FIELD_TYPE_LINE, 0, 20, "регистрационный номер"},
	[FIELD_APPEAL_CODE] = {"code", FIELD_TYPE_LINE, 0, 40, "код"},
	[FIELD_APPEAL_SOURCE] = {"source", FIELD_TYPE_CODE, 0, 16, "как поступило"},
	[FIELD_RECEIVED_ON] = {"received_on", FIELD_TYPE_DATE, 0, 0, "дата поступления"},
	[FIELD_MEETING] = {"meeting", FIELD_TYPE_ID, 1, 0, "встреча"},
	[FIELD_RECEPTION_BY] = {"reception_by", FIELD_TYPE_LINE, 0, 200, "кто вёл приём"},
	[FIELD_ORAL] = {"oral", FIELD_TYPE_CODE, 0, 3, "устное обращение"},
	[FIELD_ORAL_ANSWER] = {"oral_answer", FIELD_TYPE_TEXT, 0, 5000, "устный ответ"},
	[FIELD_ORAL_CONSENT] = {"oral_consent", FIELD_TYPE_CODE, 0, 3, "согласие на устный ответ"},
	[FIELD_UNIT] = {"unit", FIELD_TYPE_LINE, 0, 200, "подразделение"},
	[FIELD_EXECUTOR] = {"executor", FIELD_TYPE_ID, 1, 0, "исполнитель"},
	[FIELD_FORWARD_TO] = {"forward_to", FIELD_TYPE_LINE, 0, 300, "куда направлено"},
	[FIELD_EXTENSION_DAYS] = {"days", FIELD_TYPE_INT, 1, 30, "на сколько дней"},
	[FIELD_REASON] = {"reason", FIELD_TYPE_TEXT, 0, 2000, "причина"},
	[FIELD_ANSWER] = {"answer", FIELD_TYPE_TEXT, 0, 20000, "ответ"},
	[FIELD_OUTCOME] = {"outcome", FIELD_TYPE_CODE, 0, 16, "итог"},
	[FIELD_REPEATED_OF] = {"repeated_of", FIELD_TYPE_LINE, 0, 20, "номер прежнего обращения"},
	[FIELD_PUBLIC_QUESTION] = {"public_question", FIELD_TYPE_TEXT, 0, 5000,
				   "вопрос для публикации"},
	[FIELD_PUBLIC_ANSWER] = {"public_answer", FIELD_TYPE_TEXT, 0, 20000, "ответ для публикации"},
	[FIELD_QUERY] = {"q", FIELD_TYPE_LINE, 0, 200, "поиск"},
	[FIELD_DUE] = {"due", FIELD_TYPE_CODE, 0, 16, "срок"},
	[FIELD_ATTACHMENT] = {"attachment", FIELD_TYPE_LINE, 0, 255, "файлы"},
	[FIELD_TOPIC] = {"topic", FIELD_TYPE_LINE, 0, 40, "код"},
	[FIELD_PARENT_TOPIC] = {"parent_topic", FIELD_TYPE_LINE, 0, 40, "входит в"},
	[FIELD_ACTIVE] = {"active", FIELD_TYPE_INT, 0, 1, "используется"},
	[FIELD_PROTOCOL_NUMBER] = {"protocol_number", FIELD_TYPE_LINE, 0, 40, "номер протокола"},
	[FIELD_HELD_ON] = {"held_on", FIELD_TYPE_DATE, 0, 0, "дата"},
	[FIELD_PLACE] = {"place", FIELD_TYPE_LINE, 0, 300, "место"},
	[FIELD_PLACE_AGREED_WITH] = {"place_agreed_with", FIELD_TYPE_LINE, 1, 300,
				     "с кем и как согласовано"},
	[FIELD_MEMBER_CONSENT] = {"member_consent", FIELD_TYPE_LINE, 0, 300,
				  "согласие на рассылку"},
	[FIELD_CHAIR] = {"chair", FIELD_TYPE_ID, 1, 0, "председательствующий"},
	[FIELD_OFFICIAL] = {"official", FIELD_TYPE_ID, 1, 0, "присутствовавшие должностные лица"},
	[FIELD_QUESTION] = {"question", FIELD_TYPE_TEXT, 0, 2000, "вопрос"},
	[FIELD_QUESTION_ANSWER] = {"question_answer", FIELD_TYPE_TEXT, 0, 5000, "ответ"},
	[FIELD_DECISIONS] = {"decisions", FIELD_TYPE_TEXT, 0, 20000, "решения"},
	[FIELD_PHOTO_URL] = {"photo_url", FIELD_TYPE_LINE, 0, 500, "ссылка на фотоотчёт"},
	[FIELD_VIDEO_URL] = {"video_url", FIELD_TYPE_LINE, 0, 500, "ссылка на видеозапись"},
	[FIELD_AMENDMENT] = {"amendment", FIELD_TYPE_TEXT, 0, 5000, "текст исправления"},
	[FIELD_INSTRUCTION_TEXT] = {"instruction", FIELD_TYPE_TEXT, 0, 5000, "поручение"},
	[FIELD_DUE_ON] = {"due_on", FIELD_TYPE_DATE, 0, 0, "срок исполнения"},
	[FIELD_CONTROLLER] = {"controller", FIELD_TYPE_ID, 1, 0, "контролёр"},
	[FIELD_REPORT] = {"report", FIELD_TYPE_TEXT, 0, 5000, "отчёт об исполнении"},
	[FIELD_MINE] = {"mine", FIELD_TYPE_INT, 0, 1, "только мои"},
	[FIELD_QUESTION_PUBLIC] = {"question_public", FIELD_TYPE_ID, 1, 0, "показать на сайте"},
	[FIELD_AMENDMENT_PUBLIC] = {"amendment_public", FIELD_TYPE_INT, 0, 1, "показать на сайте"},
	[FIELD_REVISION] = {"revision", FIELD_TYPE_INT, 0, 2000000000, "версия протокола"},
	[FIELD_PERSON] = {"person", FIELD_TYPE_ID, 1, 0, "человек в справочнике"},
	[FIELD_PLAN_ITEM] = {"item", FIELD_TYPE_LINE, 0, 20, "номер пункта"},
	[FIELD_PLAN_TEXT] = {"text", FIELD_TYPE_TEXT, 0, 1000, "мероприятие"},
	[FIELD_PERIODICITY] = {"periodicity", FIELD_TYPE_CODE, 0, 16, "периодичность"},
	[FIELD_UNITS] = {"units", FIELD_TYPE_LINE, 0, 500, "ответственные"},
	[FIELD_EVIDENCE] = {"evidence", FIELD_TYPE_CODE, 0, 16, "чем подтверждается"},
	[FIELD_DONE_ON] = {"done_on", FIELD_TYPE_DATE, 0, 0, "дата проведения"},
	[FIELD_RECORD_NOTE] = {"note", FIELD_TYPE_TEXT, 0, 2000, "что сделано"},
	[FIELD_MUNICIPALITY] = {"municipality", FIELD_TYPE_ID, 1, 0, "муниципальное образование"},
	[FIELD_MUNICIPALITY_KIND] = {"municipality_kind", FIELD_TYPE_CODE, 0, 32,
				     "вид муниципального образования"},
	[FIELD_DISTRICT] = {"district", FIELD_TYPE_ID, 1, 0, "входит в муниципальный район"},
	[FIELD_OFFICIAL_NAME] = {"official_name", FIELD_TYPE_LINE, 0, 300,
				 "официальное наименование"},
	[FIELD_ADMINISTRATION] = {"administration", FIELD_TYPE_LINE, 0, 300, "администрация"},
	[FIELD_BODY_CODE] = {"number_code", FIELD_TYPE_LINE, 0, 8, "код в номерах обращений"},
	[FIELD_SLUG] = {"slug", FIELD_TYPE_LINE, 0, 32, "адрес страницы"},
	[FIELD_HEAD] = {"head", FIELD_TYPE_ID, 1, 0, "глава"},
	[FIELD_RECEPTION_HOURS] = {"reception_hours", FIELD_TYPE_LINE, 0, 300, "часы приёма"},
	[FIELD_SITE_URL] = {"site_url", FIELD_TYPE_LINE, 0, 200, "официальный сайт"},
	[FIELD_TIMEZONE] = {"timezone", FIELD_TYPE_LINE, 0, 64, "часовой пояс"},
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

static bool is_ascii_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* A sane e-mail shape, not RFC 5322: local@domain with one '@'; the local part (1–64 bytes) of
 * ASCII letters, digits and !#$%&'*+/=?^_`{|}~.- without a leading, trailing or doubled dot;
 * the domain of two or more dot-separated labels (1–63 bytes) of ASCII letters, digits, '-' and
 * Cyrillic letters (.рф), no label starting or ending with '-', the last one not all digits. */
bool validate_email_shape(const char *raw, size_t len)
{
	const char *at = memchr(raw, '@', len);
	if (at == NULL || memchr(at + 1, '@', len - (size_t)(at - raw) - 1) != NULL)
		return false;
	size_t local = (size_t)(at - raw);
	if (local < 1 || local > 64 || raw[0] == '.' || raw[local - 1] == '.')
		return false;
	for (size_t i = 0; i < local; i++) {
		unsigned char c = (unsigned char)raw[i];
		if (!is_ascii_alnum(c) && strchr("!#$%&'*+/=?^_`{|}~.-", c) == NULL)
			return false;
		if (c == '.' && raw[i + 1] == '.')
			return false;
	}
	const unsigned char *d = (const unsigned char *)at + 1, *end = (const unsigned char *)raw + len;
	if (end - d > 253)
		return false;
	int labels = 0;
	while (d < end) {
		const unsigned char *start = d;
		bool all_digits = true;
		while (d < end && *d != '.') {
			if (*d >= 0xd0 && *d <= 0xd3 && d + 1 < end && (d[1] & 0xc0) == 0x80) {
				d += 2; /* a Cyrillic letter */
				all_digits = false;
				continue;
			}
			if (!is_ascii_alnum(*d) && *d != '-')
				return false;
			all_digits = all_digits && *d >= '0' && *d <= '9';
			d++;
		}
		size_t n = (size_t)(d - start);
		if (n < 1 || n > 63 || start[0] == '-' || d[-1] == '-')
			return false;
		labels++;
		if (d == end)
			return labels >= 2 && !all_digits;
		d++; /* the dot; a trailing one leaves an empty label below */
		if (d == end)
			return false;
	}
	return false;
}

/* A phone number as people write it: "+7 (34675) 2-00-01", "8 900 123-45-67". NULL when it
 * fits, the Russian reason otherwise. */
static const char *phone_problem(const char *raw, size_t len)
{
	int digits = 0;
	for (size_t i = 0; i < len; i++) {
		char c = raw[i];
		if (c >= '0' && c <= '9')
			digits++;
		else if (c == '+' && i > 0)
			return "знак «+» может стоять только в начале номера";
		else if (c != '+' && c != ' ' && c != '(' && c != ')' && c != '-')
			return "допустимы только цифры, пробелы и знаки + ( ) -";
	}
	if (digits < 5 || digits > 15)
		return "в номере должно быть от 5 до 15 цифр";
	return NULL;
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
	case FIELD_TYPE_TIME: {
		struct civil_date unused;
		char probe[17];
		/* Borrow the date-time parser with a fixed date, so both share one set of rules. */
		if (len == 5 && memchr(raw, '\0', len) == NULL) {
			snprintf(probe, sizeof probe, "2000-01-01T%.5s", raw);
			if (civil_datetime_parse(probe, &unused, &out->hour, &out->minute)) {
				out->state = FIELD_VALID;
				break;
			}
		}
		invalid(out, "ожидается время, например 10:00");
		break;
	}
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
	case FIELD_TYPE_EMAIL:
		check_text(a, spec, raw, len, false, out);
		if (out->state == FIELD_VALID && !validate_email_shape(raw, len))
			invalid(out, "ожидается адрес вида name@example.ru");
		break;
	case FIELD_TYPE_PHONE: {
		check_text(a, spec, raw, len, false, out);
		const char *problem = out->state == FIELD_VALID ? phone_problem(raw, len) : NULL;
		if (problem != NULL)
			invalid(out, problem);
		break;
	}
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

/* True for a text field holding only spaces and line breaks: "   " is no title and no reason,
 * so it counts as not filled in. */
static bool blank_text(const struct field_spec *spec, const char *value, size_t len)
{
	if (spec->type != FIELD_TYPE_LINE && spec->type != FIELD_TYPE_TEXT)
		return false;
	for (size_t i = 0; i < len; i++)
		if (value[i] != ' ' && value[i] != '\t' && value[i] != '\r' && value[i] != '\n')
			return false;
	return true;
}

/* Every value of a repeatable ID field (checkboxes); empty values are skipped. */
static size_t validate_multi(struct arena *a, const struct param_list *source,
			     const struct field_spec *spec, struct field_value *v)
{
	size_t n = params_count(source, spec->name), count = 0, sent = 0;
	long long *ids = arena_alloc(a, (n ? n : 1) * sizeof *ids);
	struct field_value *values = arena_calloc(a, n ? n : 1, sizeof *values);
	for (size_t i = 0; i < source->count; i++) {
		const struct param *p = &source->items[i];
		if (strcmp(p->name, spec->name) != 0)
			continue;
		struct field_value *one = &values[sent++];
		if (p->value_len == 0) {
			one->state = FIELD_ABSENT; /* an empty row of a form */
			continue;
		}
		validate_value(a, spec, p->value, p->value_len, one);
		if (one->state == FIELD_INVALID) {
			/* Keep going: the form shows every row again, the bad one with its reason. */
			if (v->state != FIELD_INVALID) {
				v->state = FIELD_INVALID;
				v->raw = one->raw;
				v->error = one->error;
			}
			continue;
		}
		if (spec->type == FIELD_TYPE_ID)
			ids[count++] = one->number;
	}
	bool invalid = v->state == FIELD_INVALID;
	if (!invalid)
		v->state = count || (spec->type != FIELD_TYPE_ID && sent) ? FIELD_VALID : FIELD_ABSENT;
	v->ids = ids;
	v->id_count = count;
	v->values = values;
	v->value_count = sent;
	return invalid ? 1 : 0;
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
		if (p == NULL || p->value_len == 0 || blank_text(spec, p->value, p->value_len)) {
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
