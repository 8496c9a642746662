/* page_admin_surveys.c — staff side of surveys of residents (issue 20): creating a survey with
 * its questions, audience, period and when its results are public; the ready yearly survey
 * «Оценка открытости и качества работы» for reference groups (decree № 1617-па on reference
 * groups §2.2 item 6); a survey's results with the free-text answers, on the page and as CSV.
 * Roles: SURVEY_WRITERS; every creation audited in its transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "buf.h"
#include "db_survey.h"
#include "page.h"
#include "pages.h"
#include "ru.h"
#include "scope.h"
#include "staff_change.h"
#include "survey_view.h"
#include "worker.h"

/* Question rows the form of a new survey offers. */
#define FORM_QUESTION_ROWS 10

static const char *const question_kinds[] = {"single", "multiple", "scale", "text"};

/* One question of a survey being created. */
struct new_question {
	const char *text, *kind;
	bool required;
	const char *options[SURVEY_MAX_OPTIONS];
	int option_count;
};

/* The ready survey of openness (decree № 1617-па §2.2 item 6: the evaluation by reference
 * groups of the quality and effectiveness of the bodies' work, including their openness; §2.2
 * item 1 and §2.3: timely, complete, relevant and understandable information, reacting to
 * opinions; §3.1: the channels of interaction). */
static const struct new_question openness_questions[] = {
	{"Оцените уровень открытости органов местного самоуправления", "scale", true, {0}, 0},
	{"Оцените качество и эффективность работы органов местного самоуправления", "scale", true,
	 {0}, 0},
	{"Насколько своевременно вы получаете информацию по актуальным и значимым вопросам "
	 "деятельности органов местного самоуправления?",
	 "scale", true, {0}, 0},
	{"Насколько полна, актуальна и понятна эта информация?", "scale", true, {0}, 0},
	{"Учитываются ли мнения референтной группы при подготовке решений и проектов актов?",
	 "single", true,
	 {"учитываются", "учитываются частично", "не учитываются", "затрудняюсь ответить"}, 4},
	{"Какими каналами взаимодействия вы пользовались в этом году?", "multiple", false,
	 {"официальный сайт", "группы в социальных сетях", "рассылка по электронной почте",
	  "встречи с населением и публичные слушания", "обсуждение проектов актов на сайте",
	  "личный приём", "обращения в администрацию"},
	 7},
	{"Что нужно изменить, чтобы работа органов местного самоуправления стала открытее и "
	 "качественнее?",
	 "text", false, {0}, 0},
};
#define OPENNESS_COUNT (int)(sizeof openness_questions / sizeof openness_questions[0])

/* The audience in words for the staff list. */
static const char *audience_words(struct request *req, const char *audience, const char *territory)
{
	if (strcmp(audience, "territory") == 0)
		return arena_printf(req->arena, "жители: %s", territory);
	return strcmp(audience, "groups") == 0 ? "референтные группы" : "все жители";
}

/* The year of the ready survey: the current local year. */
static int preset_year(struct request *req)
{
	return tz_local_date(req->now).year;
}

/* GET /admin/surveys — every survey, the ready survey's button and the form of a new one;
 * from_request refills the form after an error; preset_error: the ready survey's refusal. */
static enum http_status list_page(struct request *req, enum http_status status, bool from_request,
				  const char *preset_error)
{
	tpl_dict *d = page_begin(req, "admin_surveys.tpl", "Опросы жителей", NAV_STAFF_SURVEYS);
	struct db *db = &req->worker->db;
	struct survey_item *surveys;
	size_t n;
	if (db_survey_list_scoped(db, req->arena, scope_bind_value(req), &surveys, &n) < 0)
		return HTTP_INTERNAL_ERROR;
	for (size_t i = 0; i < n; i++) {
		const struct survey_item *sv = &surveys[i];
		tpl_dict *row = tpl_section_add(d, "SURVEY");
		struct civil_date from, to;
		civil_date_parse(sv->opens_on, &from);
		civil_date_parse(sv->closes_on, &to);
		tpl_set_int(row, "ID", sv->id);
		tpl_set(row, "TITLE", sv->title);
		tpl_set(row, "PERIOD", arena_printf(req->arena, "%s — %s", page_date_words(req, from),
						    page_date_words(req, to)));
		tpl_set(row, "AUDIENCE", audience_words(req, sv->audience, sv->territory));
		tpl_set_int(row, "RESPONSES", sv->responses);
	}
	tpl_section_show(d, n ? "HAS_SURVEYS" : "NO_SURVEYS");
	/* The ready survey: once a year. */
	int year = preset_year(req);
	tpl_set_int(d, "PRESET_QUESTIONS", OPENNESS_COUNT);
	int exists = db_survey_preset_exists(db, arena_printf(req->arena, "openness-%d", year));
	if (exists < 0)
		return HTTP_INTERNAL_ERROR;
	if (exists) {
		tpl_set_int(tpl_section_add(d, "PRESET_DONE"), "YEAR", year);
	} else {
		tpl_dict *p = tpl_section_add(d, "PRESET_FORM");
		tpl_set_int(p, "YEAR", year);
		struct civil_date today = tz_local_date(req->now);
		tpl_set(p, "OPENS_ON", page_date_iso(req, today));
		tpl_set(p, "CLOSES_ON", page_date_iso(req, civil_date_add_days(today, 30)));
		if (preset_error)
			tpl_set(tpl_section_add(p, "ERROR"), "MESSAGE", preset_error);
	}
	const char *audience = from_request ? page_field_text(req, FIELD_AUDIENCE) : "all";
	tpl_section_show(d, strcmp(audience, "territory") == 0 ? "TERRITORY_CHECKED"
			    : strcmp(audience, "groups") == 0  ? "GROUPS_CHECKED"
							       : "ALL_CHECKED");
	tpl_section_show(d, from_request && strcmp(page_field_text(req, FIELD_RESULTS), "live") == 0
				    ? "LIVE_CHECKED"
				    : "CLOSED_CHECKED");
	if (from_request)
		page_form_fields(req, d);
	if (staff_audience_fill(req, d, from_request) < 0)
		return HTTP_INTERNAL_ERROR;
	const struct field_value *text = &req->field[FIELD_SURVEY_QUESTION];
	const struct field_value *kind = &req->field[FIELD_QUESTION_KIND];
	const struct field_value *required = &req->field[FIELD_QUESTION_REQUIRED];
	const struct field_value *options = &req->field[FIELD_QUESTION_OPTIONS];
	size_t rows = FORM_QUESTION_ROWS;
	if (from_request && text->value_count > rows)
		rows = text->value_count;
	for (size_t i = 0; i < rows; i++) {
		tpl_dict *q = tpl_section_add(d, "QUESTION_ROW");
		tpl_set_int(q, "N", (long long)i + 1);
		const char *k = "single";
		bool req_yes = false;
		if (from_request) {
			if (i < text->value_count && text->values[i].raw)
				tpl_set(q, "TEXT", text->values[i].raw);
			if (i < kind->value_count && kind->values[i].raw)
				k = kind->values[i].raw;
			if (i < required->value_count && required->values[i].raw)
				req_yes = strcmp(required->values[i].raw, "yes") == 0;
			if (i < options->value_count && options->values[i].raw)
				tpl_set(q, "OPTIONS", options->values[i].raw);
			if (i < text->value_count && text->values[i].error)
				tpl_set(tpl_section_add(q, "ERROR"), "MESSAGE", text->values[i].error);
		}
		tpl_section_show(q, req_yes ? "REQUIRED" : "OPTIONAL");
		for (size_t c = 0; c < sizeof question_kinds / sizeof question_kinds[0]; c++) {
			tpl_dict *o = tpl_section_add(q, "KIND");
			tpl_set(o, "CODE", question_kinds[c]);
			tpl_set(o, "LABEL", survey_kind_label(question_kinds[c]));
			if (strcmp(k, question_kinds[c]) == 0)
				tpl_section_show(o, "SELECTED");
		}
	}
	return page_end(req, status);
}

/* GET /admin/surveys — see list_page. */
enum http_status page_admin_surveys(struct request *req)
{
	return list_page(req, HTTP_OK, false, NULL);
}

/* Insert survey and its questions in the open transaction; *id the new survey. groups: the
 * reference groups (all of them when all_groups). false on a database error (the caller rolls
 * back) or, with *duplicate set, when a ready survey of this preset exists already. */
static bool insert_survey(struct request *req, const char *title, const char *intro,
			  const char *audience, long long territory, const char *opens_on,
			  const char *closes_on, const char *results, const char *preset,
			  const long long *groups, size_t group_count, bool all_groups,
			  const struct new_question *questions, int question_count, long long *id,
			  bool *duplicate)
{
	struct db *db = &req->worker->db;
	sqlite3_stmt *s = db_stmt(db, STMT_SURVEY_INSERT);
	sqlite3_bind_text(s, 1, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, intro, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, audience, -1, SQLITE_STATIC);
	if (territory > 0)
		sqlite3_bind_int64(s, 4, territory);
	sqlite3_bind_text(s, 5, opens_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, closes_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, results, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, preset, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 9, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 10, req->staff->user_id);
	if (!scope_is_installation(req))
		sqlite3_bind_int64(s, 11, scope_bind_value(req)); /* the account's body's */
	int rc = db_run(s);
	*duplicate = rc == SQLITE_CONSTRAINT_UNIQUE;
	if (rc != SQLITE_DONE)
		return false;
	*id = sqlite3_last_insert_rowid(db->conn);
	bool ok = true;
	if (all_groups) {
		struct staff_item *items;
		size_t count;
		if (staff_load_items(req, STMT_REFGROUP_FOR_BODY, scope_bind_value(req), &items,
				     &count) < 0)
			return false;
		for (size_t k = 0; ok && k < count; k++) {
			s = db_stmt(db, STMT_SURVEY_GROUP_ADD);
			sqlite3_bind_int64(s, 1, *id);
			sqlite3_bind_int64(s, 2, items[k].id);
			ok = db_run(s) == SQLITE_DONE;
		}
	}
	for (size_t k = 0; ok && k < group_count; k++) {
		s = db_stmt(db, STMT_SURVEY_GROUP_ADD);
		sqlite3_bind_int64(s, 1, *id);
		sqlite3_bind_int64(s, 2, groups[k]);
		ok = db_run(s) == SQLITE_DONE;
	}
	for (int i = 0; ok && i < question_count; i++) {
		const struct new_question *q = &questions[i];
		s = db_stmt(db, STMT_SURVEY_QUESTION_ADD);
		sqlite3_bind_int64(s, 1, *id);
		sqlite3_bind_int(s, 2, i + 1);
		sqlite3_bind_text(s, 3, q->kind, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 4, q->text, -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 5, q->required ? 1 : 0);
		ok = db_run(s) == SQLITE_DONE;
		long long qid = sqlite3_last_insert_rowid(db->conn);
		for (int k = 0; ok && k < q->option_count; k++) {
			s = db_stmt(db, STMT_SURVEY_OPTION_ADD);
			sqlite3_bind_int64(s, 1, qid);
			sqlite3_bind_int(s, 2, k + 1);
			sqlite3_bind_text(s, 3, q->options[k], -1, SQLITE_STATIC);
			ok = db_run(s) == SQLITE_DONE;
		}
	}
	return ok;
}

/* Split an options text into its non-blank lines (trimmed) into q; an error in Russian, or
 * NULL. */
static const char *split_options(struct request *req, const char *text, struct new_question *q)
{
	q->option_count = 0;
	const char *p = text;
	while (*p) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *b = p, *e = p + len;
		while (b < e && (*b == ' ' || *b == '\t' || *b == '\r'))
			b++;
		while (e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			e--;
		if (e > b) {
			if (q->option_count == SURVEY_MAX_OPTIONS)
				return "не больше 20 вариантов ответа";
			if (e - b > 200)
				return "вариант ответа длиннее 200 знаков";
			q->options[q->option_count++] = arena_strndup(req->arena, b, (size_t)(e - b));
		}
		p += len + (end ? 1 : 0);
	}
	return NULL;
}

/* POST /admin/surveys (title, intro, audience, territory, reference_group…, opens_on,
 * closes_on, results, question…, question_kind…, question_required…, question_options…, csrf)
 * — create a survey. 303 to its staff page; 422 with the errors beside the fields and every
 * row kept: no question, a choice question with fewer than 2 options, an unknown kind, a
 * territory audience without a territory, a groups audience without a group, a period that ends
 * before it begins or has ended. */
enum http_status page_admin_survey_create(struct request *req)
{
	const char *audience = page_field_text(req, FIELD_AUDIENCE);
	bool territory_audience = strcmp(audience, "territory") == 0;
	bool groups_audience = strcmp(audience, "groups") == 0;
	if (req->field[FIELD_AUDIENCE].state == FIELD_VALID && !territory_audience &&
	    !groups_audience && strcmp(audience, "all") != 0)
		page_reject(req, FIELD_AUDIENCE, "выберите, кто участвует");
	const char *results = page_field_text(req, FIELD_RESULTS);
	if (req->field[FIELD_RESULTS].state == FIELD_VALID && strcmp(results, "live") != 0 &&
	    strcmp(results, "closed") != 0)
		page_reject(req, FIELD_RESULTS, "выберите, когда показать итоги");
	if (territory_audience && req->field[FIELD_TERRITORY].state != FIELD_VALID)
		page_reject(req, FIELD_TERRITORY, "выберите территорию, жители которой участвуют");
	const struct field_value *chosen = &req->field[FIELD_REFERENCE_GROUP];
	if (groups_audience && chosen->id_count == 0)
		page_reject(req, FIELD_REFERENCE_GROUP, "выберите хотя бы одну референтную группу");
	if (staff_audience_check(req) < 0)
		return HTTP_INTERNAL_ERROR;
	if (req->field[FIELD_SURVEY_OPENS_ON].state == FIELD_VALID &&
	    req->field[FIELD_SURVEY_CLOSES_ON].state == FIELD_VALID &&
	    civil_date_compare(req->field[FIELD_SURVEY_CLOSES_ON].date,
			       req->field[FIELD_SURVEY_OPENS_ON].date) < 0)
		page_reject(req, FIELD_SURVEY_CLOSES_ON,
			    "опрос не может закончиться раньше, чем начнётся");
	else if (req->field[FIELD_SURVEY_CLOSES_ON].state == FIELD_VALID &&
		 civil_date_compare(req->field[FIELD_SURVEY_CLOSES_ON].date,
				    tz_local_date(req->now)) < 0)
		page_reject(req, FIELD_SURVEY_CLOSES_ON, "дата окончания уже прошла");
	/* The question rows, paired by position; a row without a text is skipped. */
	const struct field_value *text = &req->field[FIELD_SURVEY_QUESTION];
	const struct field_value *kind = &req->field[FIELD_QUESTION_KIND];
	const struct field_value *required = &req->field[FIELD_QUESTION_REQUIRED];
	const struct field_value *options = &req->field[FIELD_QUESTION_OPTIONS];
	struct new_question *questions =
		arena_calloc(req->arena, SURVEY_MAX_QUESTIONS, sizeof *questions);
	int count = 0;
	bool row_errors = false;
	for (size_t i = 0; i < text->value_count; i++) {
		struct field_value *row = (struct field_value *)&text->values[i];
		if (row->state != FIELD_VALID) {
			row_errors = row_errors || row->state == FIELD_INVALID;
			continue;
		}
		const char *error = NULL;
		if (count == SURVEY_MAX_QUESTIONS) {
			error = "в опросе не больше 20 вопросов";
		} else {
			struct new_question *q = &questions[count];
			q->text = row->text;
			q->kind = i < kind->value_count && kind->values[i].state == FIELD_VALID
					  ? kind->values[i].text
					  : "";
			q->required = i < required->value_count &&
				      required->values[i].state == FIELD_VALID &&
				      strcmp(required->values[i].text, "yes") == 0;
			const char *opts = i < options->value_count &&
							   options->values[i].state == FIELD_VALID
						   ? options->values[i].text
						   : "";
			bool choice = strcmp(q->kind, "single") == 0 || strcmp(q->kind, "multiple") == 0;
			if (survey_kind_label(q->kind) == NULL)
				error = "выберите вид вопроса";
			else if (choice && (error = split_options(req, opts, q)) == NULL &&
				 q->option_count < 2)
				error = "укажите хотя бы 2 варианта ответа, каждый с новой строки";
			count++;
		}
		if (error) {
			/* The error shows beside its row (list_page reads values[i].error). */
			row->state = FIELD_INVALID;
			row->error = error;
			row_errors = true;
		}
	}
	if (row_errors)
		page_reject(req, FIELD_SURVEY_QUESTION, "исправьте отмеченные вопросы");
	else if (count == 0)
		page_reject(req, FIELD_SURVEY_QUESTION, "добавьте хотя бы один вопрос");
	if (req->invalid_fields > 0)
		return list_page(req, HTTP_UNPROCESSABLE, true, NULL);
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	long long id = 0;
	bool duplicate;
	bool ok = insert_survey(
		req, page_field_text(req, FIELD_SURVEY_TITLE), page_field_text(req, FIELD_SURVEY_INTRO),
		audience, territory_audience ? req->field[FIELD_TERRITORY].number : 0,
		page_date_iso(req, req->field[FIELD_SURVEY_OPENS_ON].date),
		page_date_iso(req, req->field[FIELD_SURVEY_CLOSES_ON].date), results, "",
		groups_audience ? chosen->ids : NULL, groups_audience ? chosen->id_count : 0, false,
		questions, count, &id, &duplicate);
	return staff_commit(req, ok, "create", "survey", id, NULL, STMT_SURVEY_JSON,
			    arena_printf(req->arena, "/admin/surveys/%lld", id));
}

/* POST /admin/surveys/preset (opens_on, closes_on, csrf) — create this year's ready survey
 * «Оценка открытости и качества работы» for every reference group. 303 to its staff page; 422
 * when this year's exists already, the period is wrong or there is no reference group. */
enum http_status page_admin_survey_preset(struct request *req)
{
	if (req->invalid_fields > 0)
		return list_page(req, HTTP_UNPROCESSABLE, false, "Укажите начало и окончание опроса.");
	struct civil_date from = req->field[FIELD_SURVEY_OPENS_ON].date;
	struct civil_date to = req->field[FIELD_SURVEY_CLOSES_ON].date;
	if (civil_date_compare(to, from) < 0 || civil_date_compare(to, tz_local_date(req->now)) < 0)
		return list_page(req, HTTP_UNPROCESSABLE, false,
				 "Окончание опроса должно быть не раньше начала и не в прошлом.");
	struct staff_item *groups;
	size_t group_count;
	if (staff_load_items(req, STMT_REFGROUP_FOR_BODY, scope_bind_value(req), &groups,
			     &group_count) < 0)
		return HTTP_INTERNAL_ERROR;
	if (group_count == 0)
		return list_page(req, HTTP_UNPROCESSABLE, false,
				 "Референтных групп пока нет: заведите их в разделе «Справочники».");
	int year = preset_year(req);
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	long long id = 0;
	bool duplicate = false;
	bool ok = insert_survey(
		req,
		arena_printf(req->arena,
			     "Оценка открытости и качества работы органов местного самоуправления "
			     "за %d год",
			     year),
		"Ежегодный опрос участников референтных групп: оцените, насколько открыто и "
		"качественно работают органы местного самоуправления, как вас информируют и "
		"учитывают ваше мнение. Итоги публикуются после окончания опроса.",
		"groups", 0, page_date_iso(req, from), page_date_iso(req, to), "closed",
		arena_printf(req->arena, "openness-%d", year), NULL, 0, true, openness_questions,
		OPENNESS_COUNT, &id, &duplicate);
	if (!ok && duplicate) {
		db_rollback(db);
		return list_page(req, HTTP_UNPROCESSABLE, false,
				 arena_printf(req->arena, "Опрос за %d год уже создан.", year));
	}
	return staff_commit(req, ok, "create", "survey", id, NULL, STMT_SURVEY_JSON,
			    arena_printf(req->arena, "/admin/surveys/%lld", id));
}

/* GET /admin/surveys/ID — the survey, its questions, and the results with the free-text
 * answers. 404 for an unknown id. */
enum http_status page_admin_survey(struct request *req)
{
	struct survey s;
	int rc = survey_load(req, req->path_id, &s);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	tpl_dict *t = page_begin(req, "admin_survey.tpl", s.title, NAV_STAFF_SURVEYS);
	struct report r;
	if (survey_report(req, &s, true, &r) < 0)
		return HTTP_INTERNAL_ERROR;
	report_fill(&r, t);
	tpl_set(t, "PERIOD_RESULTS", r.period);
	/* After report_fill: the survey's own PERIOD replaces the report's. */
	if (survey_set(req, t, &s) < 0)
		return HTTP_INTERNAL_ERROR;
	if (strcmp(s.audience, "groups") == 0) {
		/* Who of the reference groups got a link and answered (names stay in the
		 * database: the results are anonymous). */
		struct survey_link_stats links;
		if (db_survey_link_stats(&req->worker->db, s.id, &links) != 0)
			return HTTP_INTERNAL_ERROR;
		tpl_dict *l = tpl_section_add(t, "LINKS");
		if (!links.announced) {
			tpl_set(l, "TEXT", arena_printf(req->arena, "разошлются участникам групп %s",
							page_date_words(req, s.opens_on)));
		} else {
			struct tm tm;
			char when[64];
			tz_utc_to_local(links.announced_at, &tm);
			ru_format_datetime(when, sizeof when, &tm);
			tpl_set(l, "TEXT",
				arena_printf(req->arena, "разосланы %s: %lld %s; ответили %lld", when,
					     links.links,
					     ru_plural((long)links.links, "участнику", "участникам",
						       "участникам"),
					     links.answered));
		}
	}
	for (int i = 0; i < s.question_count; i++) {
		const struct survey_question *q = &s.questions[i];
		tpl_dict *qd = tpl_section_add(t, "QUESTION");
		tpl_set(qd, "TEXT", q->text);
		tpl_set(qd, "KIND", survey_kind_label(q->kind));
		if (q->required)
			tpl_section_show(qd, "REQUIRED");
		if (q->option_count > 0) {
			struct buf b;
			buf_init(&b, req->arena);
			for (int k = 0; k < q->option_count; k++)
				buf_printf(&b, "%s%s", k ? "; " : "", q->options[k] ? q->options[k] : "");
			tpl_set(tpl_section_add(qd, "HAS_OPTIONS"), "OPTIONS", b.data);
		}
	}
	return page_end(req, HTTP_OK);
}

/* GET /admin/surveys/ID.csv — the results with the free-text answers as CSV. 404 for an
 * unknown id. */
enum http_status page_admin_survey_csv(struct request *req)
{
	struct survey s;
	int rc = survey_load(req, req->path_id, &s);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	struct report r;
	if (survey_report(req, &s, true, &r) < 0)
		return HTTP_INTERNAL_ERROR;
	return report_send_csv(&r, arena_printf(req->arena, "Опрос %lld, все ответы.csv", s.id),
			       arena_printf(req->arena, "survey-%lld-all.csv", s.id));
}
