/* page_surveys.c — surveys of residents (issue 20; the Sosnovsky plan of measures № 803 names
 * sociological surveys, decree № 1617-па §2.2 the evaluation of openness by reference groups):
 * the list, a survey's page with its questions and, once allowed, its results as tables and
 * charts (decree № 102: every chart has a table with the same figures) with a CSV download, and
 * the response of a signed-in resident — one per resident and survey, changeable until the
 * survey closes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_account.h"
#include "db_discussion.h"
#include "db_survey.h"
#include "page.h"
#include "pages.h"
#include "resident.h"
#include "ru.h"
#include "survey_view.h"
#include "worker.h"

/* A respondent may send their response to one survey at most this many times an hour (the
 * first time and its changes). */
#define SURVEY_RESPONSES_PER_HOUR 20

/* GET /surveys — every survey, the latest period first, with its audience, period, state and
 * the number of responses. */
enum http_status page_surveys(struct request *req)
{
	tpl_dict *d = page_begin(req, "surveys.tpl", "Опросы жителей", NAV_SURVEYS);
	struct survey_item *surveys;
	size_t n;
	if (db_survey_list(&req->worker->db, req->arena, &surveys, &n) < 0)
		return HTTP_INTERNAL_ERROR;
	struct civil_date today = tz_local_date(req->now);
	for (size_t i = 0; i < n; i++) {
		const struct survey_item *sv = &surveys[i];
		tpl_dict *row = tpl_section_add(d, "SURVEY");
		struct civil_date from, to;
		civil_date_parse(sv->opens_on, &from);
		civil_date_parse(sv->closes_on, &to);
		tpl_set_int(row, "ID", sv->id);
		tpl_set(row, "TITLE", sv->title);
		tpl_set(row, "PERIOD", arena_printf(req->arena, "с %s по %s", page_date_words(req, from),
						    page_date_words(req, to)));
		tpl_set(row, "AUDIENCE",
			strcmp(sv->audience, "territory") == 0
				? arena_printf(req->arena, "жители: %s", sv->territory)
			: strcmp(sv->audience, "groups") == 0 ? "участники референтных групп"
							      : "все жители");
		bool closed = civil_date_compare(today, to) > 0;
		tpl_set(row, "STATE", closed ? "завершён, итоги опубликованы"
				      : civil_date_compare(today, from) < 0 ? "ещё не начался"
									    : "идёт опрос");
		tpl_set(row, "RESPONSES",
			arena_printf(req->arena, "%lld %s", sv->responses,
				     ru_plural((long)sv->responses, "ответ", "ответа", "ответов")));
	}
	tpl_section_show(d, n ? "HAS_SURVEYS" : "NO_SURVEYS");
	return page_end(req, HTTP_OK);
}

/* The answers a form shows for one question: chosen[k] for option (or scale value) k, and the
 * text of a free answer. */
struct shown_answer {
	bool chosen[SURVEY_MAX_OPTIONS + 1];
	const char *text;
	const char *error;
};

/* Who answers: a signed-in resident (with their session's form token) or a reference-group
 * participant through their personal link (the token is the authority). */
struct respondent {
	long long resident_id, link_id; /* one of them, the other 0 */
	const char *name;               /* the participant's name, for a link */
	const char *token;              /* the link's token */
};

/* The respondent's stored answers to s into shown (indexed like s->questions); *answered_at the
 * time of the response, 0 when there is none. 0, or -1 on a database error. */
static int stored_answers(struct request *req, const struct survey *s,
			  const struct respondent *who, struct shown_answer *shown, time_t *answered_at)
{
	*answered_at = 0;
	struct survey_my_answer *answers;
	size_t count;
	if (db_survey_my_answers(&req->worker->db, req->arena, s->id, who->resident_id,
				 who->link_id, &answers, &count) < 0)
		return -1;
	for (size_t k = 0; k < count; k++) {
		*answered_at = answers[k].updated_at;
		int choice = answers[k].choice;
		for (int i = 0; i < s->question_count; i++) {
			if (s->questions[i].id != answers[k].question_id)
				continue;
			if (choice >= 1 && choice <= SURVEY_MAX_OPTIONS)
				shown[i].chosen[choice] = true;
			else
				shown[i].text = answers[k].text;
		}
	}
	return 0;
}

/* The questions of s as QUESTION sections of form f, with the answers of shown. */
static void question_fields(struct request *req, tpl_dict *f, const struct survey *s,
			    const struct shown_answer *shown)
{
	for (int i = 0; i < s->question_count; i++) {
		const struct survey_question *q = &s->questions[i];
		tpl_dict *qd = tpl_section_add(f, "QUESTION");
		tpl_set_int(qd, "POSITION", q->position);
		tpl_set(qd, "TEXT", q->text);
		tpl_set(qd, "KIND", survey_kind_label(q->kind));
		if (q->required)
			tpl_section_show(qd, "REQUIRED");
		if (shown[i].error)
			tpl_set(tpl_section_add(qd, "ERROR"), "MESSAGE", shown[i].error);
		if (strcmp(q->kind, "text") == 0) {
			tpl_set(tpl_section_add(qd, "FREE"), "VALUE", shown[i].text ? shown[i].text : "");
			continue;
		}
		bool scale = strcmp(q->kind, "scale") == 0;
		int count = scale ? SURVEY_SCALE_MAX : q->option_count;
		tpl_dict *c = tpl_section_add(qd, "CHOICES");
		for (int k = 1; k <= count; k++) {
			tpl_dict *o = tpl_section_add(c, "OPTION");
			tpl_set_int(o, "POSITION", q->position);
			tpl_set_int(o, "VALUE", k);
			tpl_set(o, "TYPE", strcmp(q->kind, "multiple") == 0 ? "checkbox" : "radio");
			tpl_set(o, "LABEL", scale ? (k == 1   ? "1 — плохо"
						     : k == 5 ? "5 — отлично"
							      : arena_printf(req->arena, "%d", k))
						  : q->options[k - 1] ? q->options[k - 1]
								      : "");
			if (shown[i].chosen[k])
				tpl_section_show(o, "CHECKED");
		}
	}
}

/* The page of survey s with status for who (NULL: nobody signed in); shown: the answers to put
 * in the form (NULL: the stored ones), message: a refusal above the page, resident_of_error: the
 * error beside the confirmation of the territory. */
static enum http_status survey_page(struct request *req, const struct survey *s,
				    const struct respondent *who, enum http_status status,
				    const struct shown_answer *shown, const char *message,
				    const char *resident_of_error)
{
	tpl_dict *t = page_begin(req, "survey.tpl", s->title, NAV_SURVEYS);
	if (survey_set(req, t, s) < 0)
		return HTTP_INTERNAL_ERROR;
	if (message)
		tpl_set(tpl_section_add(t, "REFUSAL"), "MESSAGE", message);
	bool groups = strcmp(s->audience, "groups") == 0;
	bool by_link = who != NULL && who->link_id != 0;
	if (by_link) {
		response_header(req, "Cache-Control", "no-store"); /* the page carries the token */
		tpl_set(tpl_section_add(t, "PARTICIPANT"), "NAME", who->name);
	}
	if (s->state == SURVEY_OPEN && groups && !by_link) {
		tpl_section_show(t, "BY_LINK");
	} else if (s->state == SURVEY_OPEN && who != NULL) {
		struct shown_answer *mine = arena_calloc(req->arena, SURVEY_MAX_QUESTIONS, sizeof *mine);
		time_t answered_at = 0;
		if (stored_answers(req, s, who, mine, &answered_at) < 0)
			return HTTP_INTERNAL_ERROR;
		tpl_dict *f = tpl_section_add(t, "RESPONSE_FORM");
		tpl_set_int(f, "ID", s->id);
		if (by_link)
			tpl_set(tpl_section_add(f, "LINK"), "TOKEN", who->token);
		else
			tpl_set(tpl_section_add(f, "SESSION"), "CSRF", req->resident->csrf);
		tpl_set(f, "CLOSES_ON", page_date_words(req, s->closes_on));
		if (answered_at)
			page_set_datetime(tpl_section_add(f, "ANSWERED"), "AT", answered_at);
		if (strcmp(s->audience, "territory") == 0 && !by_link) {
			tpl_dict *r = tpl_section_add(f, "TERRITORY_CHECK");
			tpl_set(r, "TERRITORY", s->territory);
			if (resident_of_error)
				tpl_set(tpl_section_add(r, "ERROR"), "MESSAGE", resident_of_error);
			if (answered_at || (shown && !resident_of_error &&
					    req->field[FIELD_RESIDENT_OF].state == FIELD_VALID))
				tpl_section_show(r, "CHECKED");
		}
		question_fields(req, f, s, shown ? shown : mine);
		if (shown)
			tpl_section_show(f, "HAS_ERRORS");
	} else if (s->state == SURVEY_OPEN) {
		tpl_set(tpl_section_add(t, "SIGN_IN"), "RETURN",
			arena_printf(req->arena, "%%2Fsurveys%%2F%lld", s->id));
	}
	if (survey_results_public(s)) {
		struct report r;
		if (survey_report(req, s, false, &r) < 0)
			return HTTP_INTERNAL_ERROR;
		tpl_dict *res = tpl_include(t, "RESULTS", "survey_results.tpl");
		report_fill(&r, res);
		tpl_set_int(res, "SURVEY_ID", s->id);
		if (s->state == SURVEY_OPEN)
			tpl_section_show(res, "LIVE");
	} else {
		tpl_section_show(t, "RESULTS_LATER");
	}
	return page_end(req, status);
}

/* GET /surveys/ID — the survey, its questions as a form for a signed-in resident while it runs
 * (with their response, when they gave one, to change), and its results once they may be
 * shown. 404 for an unknown id. */
enum http_status page_survey(struct request *req)
{
	struct survey s;
	int rc = survey_load(req, req->path_id, &s);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	struct respondent who = {.resident_id = req->resident ? req->resident->id : 0};
	return survey_page(req, &s, req->resident ? &who : NULL, HTTP_OK, NULL, NULL, NULL);
}

/* GET /surveys/ID.csv — the results' tables as CSV (no free-text answers). 404 for an unknown
 * survey or one whose results are not public yet. */
enum http_status page_survey_csv(struct request *req)
{
	struct survey s;
	int rc = survey_load(req, req->path_id, &s);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	if (!survey_results_public(&s))
		return HTTP_NOT_FOUND;
	struct report r;
	if (survey_report(req, &s, false, &r) < 0)
		return HTTP_INTERNAL_ERROR;
	return report_send_csv(&r, arena_printf(req->arena, "Итоги опроса %lld.csv", s.id),
			       arena_printf(req->arena, "survey-%lld.csv", s.id));
}

/* Parse a choice value "1".."count" into *k. */
static bool choice_value(const char *text, int count, int *k)
{
	char *end;
	long v = strtol(text, &end, 10);
	if (end == text || *end != '\0' || v < 1 || v > count)
		return false;
	*k = (int)v;
	return true;
}

/* Check the answers of the request against the questions of s into shown; the number of
 * questions with an error (each beside its question). */
static int check_answers(struct request *req, const struct survey *s, struct shown_answer *shown)
{
	int errors = 0;
	for (int i = 0; i < s->question_count; i++) {
		const struct survey_question *q = &s->questions[i];
		const struct field_value *v = &req->field[FIELD_ANSWER_1 + q->position - 1];
		struct shown_answer *a = &shown[i];
		bool text = strcmp(q->kind, "text") == 0;
		bool multiple = strcmp(q->kind, "multiple") == 0;
		int count = strcmp(q->kind, "scale") == 0 ? SURVEY_SCALE_MAX : q->option_count;
		int given = 0;
		for (size_t k = 0; k < v->value_count; k++) {
			const struct field_value *one = &v->values[k];
			if (one->state == FIELD_ABSENT || (text && one->state == FIELD_VALID &&
							    one->text[strspn(one->text, " \t\r\n")] == '\0'))
				continue; /* a blank free answer is no answer */
			given++;
			if (one->state == FIELD_INVALID) {
				a->error = one->error;
				if (text)
					a->text = one->raw;
				continue;
			}
			if (text) {
				a->text = one->text;
				continue;
			}
			int c;
			if (choice_value(one->text, count, &c))
				a->chosen[c] = true;
			else
				a->error = "выберите из предложенных вариантов";
		}
		if (a->error == NULL && given > 1 && !multiple)
			a->error = text ? "ответ указан несколько раз" : "выберите один вариант";
		if (a->error == NULL && given == 0 && q->required)
			a->error = "это обязательный вопрос: ответьте на него";
		if (a->error)
			errors++;
	}
	return errors;
}

/* Check and save the response of who to survey s (see page_survey_respond). */
static enum http_status respond(struct request *req, const struct survey *s,
				const struct respondent *who)
{
	bool by_link = who->link_id != 0;
	if (s->state != SURVEY_OPEN)
		return survey_page(
			req, s, who, HTTP_UNPROCESSABLE, NULL,
			s->state == SURVEY_UPCOMING
				? arena_printf(req->arena,
					       "Опрос начнётся %s. Ваш ответ не принят.",
					       page_date_words(req, s->opens_on))
				: arena_printf(req->arena,
					       "Опрос завершён %s. Ваш ответ не принят.",
					       page_date_words(req, s->closes_on)),
			NULL);
	if (strcmp(s->audience, "groups") == 0 && !by_link)
		return survey_page(req, s, who, HTTP_FORBIDDEN, NULL,
				   "Этот опрос проводится среди участников референтных групп: они "
				   "отвечают по персональным ссылкам из письма. Ваш ответ не принят.",
				   NULL);
	struct shown_answer *shown = arena_calloc(req->arena, SURVEY_MAX_QUESTIONS, sizeof *shown);
	int errors = check_answers(req, s, shown);
	const char *resident_of_error = NULL;
	if (strcmp(s->audience, "territory") == 0 && !by_link &&
	    strcmp(page_field_text(req, FIELD_RESIDENT_OF), "yes") != 0)
		resident_of_error = arena_printf(
			req->arena, "в опросе участвуют жители: %s — подтвердите, что вы живёте здесь",
			s->territory);
	if (errors > 0 || resident_of_error)
		return survey_page(req, s, who, HTTP_UNPROCESSABLE, shown,
				   "Ответ не сохранён: исправьте отмеченное ниже, остальные ответы "
				   "сохранены в форме.",
				   resident_of_error);
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	long long response = 0, sent = 0;
	db_survey_respond(db, by_link, s->id, by_link ? who->link_id : who->resident_id, req->now,
			  &response, &sent);
	sqlite3_stmt *st;
	if (sent > SURVEY_RESPONSES_PER_HOUR) {
		db_rollback(db);
		return survey_page(req, s, who, HTTP_TOO_MANY_REQUESTS, shown,
				   arena_printf(req->arena,
						"За последний час вы уже %d раз отправили ответ на этот "
						"опрос. Отправьте его позже: ответы сохранены в форме.",
						SURVEY_RESPONSES_PER_HOUR),
				   NULL);
	}
	bool ok = response > 0;
	if (ok) {
		st = db_stmt(db, STMT_SURVEY_ANSWERS_CLEAR);
		sqlite3_bind_int64(st, 1, response);
		ok = db_run(st) == SQLITE_DONE;
	}
	for (int i = 0; ok && i < s->question_count; i++) {
		const struct survey_question *q = &s->questions[i];
		for (int k = 0; ok && k <= SURVEY_MAX_OPTIONS; k++) {
			bool text = k == 0 && shown[i].text != NULL && shown[i].text[0];
			if (!text && (k == 0 || !shown[i].chosen[k]))
				continue;
			st = db_stmt(db, STMT_SURVEY_ANSWER_ADD);
			sqlite3_bind_int64(st, 1, response);
			sqlite3_bind_int64(st, 2, q->id);
			sqlite3_bind_int(st, 3, k);
			sqlite3_bind_text(st, 4, text ? shown[i].text : "", -1, SQLITE_STATIC);
			ok = db_run(st) == SQLITE_DONE;
		}
	}
	if (!ok || db_commit(db) < 0) {
		db_log_error(db, "saving a survey response");
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req, arena_printf(req->arena, "/surveys/%lld/sent", s->id));
}

/* POST /surveys/ID/response (resident_of, q1…q20, csrf) — a signed-in resident's response, or
 * a new version of it: the UNIQUE (survey, resident) constraint keeps one row however many
 * arrive at once, and its answers are replaced. 303 to /surveys/ID/sent. 404 for an unknown
 * survey; 422 with a clear message when it has not begun or is over; 403 for a survey of
 * reference groups (they answer by their personal links); 422 with the error beside each
 * question (a required one unanswered, an option that does not exist) and every answer kept;
 * 429 when the response was sent SURVEY_RESPONSES_PER_HOUR times in the hour already. */
enum http_status page_survey_respond(struct request *req)
{
	struct survey s;
	int rc = survey_load(req, req->path_id, &s);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	struct respondent who = {.resident_id = req->resident->id};
	return respond(req, &s, &who);
}

/* The survey and participant of the request's personal link (token in the query or the form).
 * 0; 1 for an unknown or malformed token or a link to something else (req->error_detail says
 * so); -1 on a database error. */
static int load_link(struct request *req, struct survey *s, struct respondent *who)
{
	const char *token = request_link_token(req);
	long long target = 0;
	if (token != NULL) {
		struct participant_link link;
		int rc = db_link_by_token(&req->worker->db, req->arena, token, &link);
		if (rc < 0)
			return -1;
		if (rc == 0 && strcmp(link.kind, "survey") == 0) {
			memset(who, 0, sizeof *who);
			who->link_id = link.id;
			target = link.target;
			who->name = link.name;
			who->token = token;
		}
	}
	if (target == 0) {
		req->error_detail = "Ссылка не найдена. Проверьте, что она скопирована из письма целиком.";
		return 1;
	}
	int rc = survey_load(req, target, s);
	if (rc > 0)
		req->error_detail = "Опрос по этой ссылке не найден.";
	return rc;
}

/* GET /surveys/link?token= — the survey of a reference-group participant's personal link, with
 * the form (their earlier response to change) while it runs. 404 for an unknown token. */
enum http_status page_survey_link(struct request *req)
{
	struct survey s;
	struct respondent who;
	int rc = load_link(req, &s, &who);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return survey_page(req, &s, &who, HTTP_OK, NULL, NULL, NULL);
}

/* POST /surveys/link (token, q1…q20) — the response of a participant through their personal
 * link: one per link (UNIQUE (survey, link)), changeable until the survey closes; otherwise as
 * page_survey_respond. 404 for an unknown token. */
enum http_status page_survey_link_respond(struct request *req)
{
	struct survey s;
	struct respondent who;
	int rc = load_link(req, &s, &who);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return respond(req, &s, &who);
}

/* GET /surveys/ID/sent — the response was saved; it may be changed until the survey closes. */
enum http_status page_survey_sent(struct request *req)
{
	struct survey s;
	int rc = survey_load(req, req->path_id, &s);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	tpl_dict *t = page_begin(req, "survey_sent.tpl", "Ответ принят", NAV_SURVEYS);
	tpl_set_int(t, "ID", s.id);
	tpl_set(t, "TITLE", s.title);
	tpl_set(t, "CLOSES_ON", page_date_words(req, s.closes_on));
	return page_end(req, HTTP_OK);
}
