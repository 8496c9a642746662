/* survey_view.c — loading a survey and what its public and staff pages share (see
 * survey_view.h). */
#include "survey_view.h"

#include <string.h>

#include "arena.h"
#include "buf.h"
#include "db.h"
#include "db_survey.h"
#include "page.h"
#include "ru.h"
#include "worker.h"

int survey_load(struct request *req, long long id, struct survey *s)
{
	struct db *db = &req->worker->db;
	struct arena *a = req->arena;
	struct survey_row row;
	int rc = db_survey_get(db, a, id, &row);
	if (rc != 0)
		return rc;
	memset(s, 0, sizeof *s);
	s->id = id;
	s->title = row.title;
	s->intro = row.intro;
	s->audience = row.audience;
	s->territory = row.territory;
	civil_date_parse(row.opens_on, &s->opens_on);
	civil_date_parse(row.closes_on, &s->closes_on);
	s->results = row.results;
	s->preset = row.preset;
	struct civil_date today = tz_local_date(req->now);
	s->state = civil_date_compare(today, s->closes_on) > 0  ? SURVEY_CLOSED
		   : civil_date_compare(today, s->opens_on) < 0 ? SURVEY_UPCOMING
								: SURVEY_OPEN;
	struct survey_question_row *questions;
	size_t count;
	if (db_survey_questions(db, a, id, &questions, &count) < 0)
		return -1;
	for (size_t i = 0; i < count && s->question_count < SURVEY_MAX_QUESTIONS; i++) {
		struct survey_question *q = &s->questions[s->question_count++];
		q->id = questions[i].id;
		q->position = questions[i].position;
		q->kind = questions[i].kind;
		q->text = questions[i].text;
		q->required = questions[i].required;
	}
	struct survey_option_row *options;
	if (db_survey_options(db, a, id, &options, &count) < 0)
		return -1;
	for (size_t k = 0; k < count; k++) {
		int position = options[k].position;
		for (int i = 0; i < s->question_count; i++) {
			struct survey_question *q = &s->questions[i];
			if (q->id != options[k].question_id || position < 1 ||
			    position > SURVEY_MAX_OPTIONS)
				continue;
			q->options[position - 1] = options[k].label;
			if (position > q->option_count)
				q->option_count = position;
		}
	}
	return 0;
}

bool survey_results_public(const struct survey *s)
{
	return s->state == SURVEY_CLOSED ||
	       (s->state == SURVEY_OPEN && strcmp(s->results, "live") == 0);
}

const char *survey_kind_label(const char *kind)
{
	if (strcmp(kind, "single") == 0)
		return "один вариант ответа";
	if (strcmp(kind, "multiple") == 0)
		return "несколько вариантов ответа";
	if (strcmp(kind, "scale") == 0)
		return "оценка от 1 до 5";
	if (strcmp(kind, "text") == 0)
		return "свободный ответ";
	return NULL;
}

int survey_set(struct request *req, tpl_dict *t, const struct survey *s)
{
	tpl_set_int(t, "ID", s->id);
	tpl_set(t, "TITLE", s->title);
	const char *p = s->intro;
	while (*p) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *line = arena_strndup(req->arena, p, len);
		size_t l = strlen(line);
		while (l > 0 && (line[l - 1] == '\r' || line[l - 1] == ' '))
			((char *)line)[--l] = '\0';
		if (l > 0)
			tpl_set(tpl_section_add(t, "INTRO"), "LINE", line);
		p += len + (end ? 1 : 0);
	}
	tpl_set(t, "PERIOD", arena_printf(req->arena, "с %s по %s", page_date_words(req, s->opens_on),
					  page_date_words(req, s->closes_on)));
	tpl_set(t, "OPENS_ON", page_date_words(req, s->opens_on));
	tpl_set(t, "CLOSES_ON", page_date_words(req, s->closes_on));
	tpl_section_show(t, s->state == SURVEY_OPEN       ? "OPEN"
			    : s->state == SURVEY_UPCOMING ? "UPCOMING"
							  : "CLOSED");
	tpl_set(t, "RESULTS_WHEN", strcmp(s->results, "live") == 0 ? "во время опроса"
								 : "после окончания опроса");
	if (strcmp(s->audience, "territory") == 0) {
		tpl_set(t, "AUDIENCE", arena_printf(req->arena, "жители: %s", s->territory));
		return 0;
	}
	if (strcmp(s->audience, "all") == 0) {
		tpl_set(t, "AUDIENCE", "все жители");
		return 0;
	}
	struct survey_group *groups;
	size_t n;
	if (db_survey_groups(&req->worker->db, req->arena, s->id, &groups, &n) < 0)
		return -1;
	struct buf names;
	buf_init(&names, req->arena);
	buf_puts(&names, "участники референтных групп ");
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_puts(&names, ", ");
		buf_puts(&names, ru_quoted(req->arena, groups[i].name));
	}
	tpl_set(t, "AUDIENCE", n ? names.data : "участники референтных групп");
	tpl_section_show(t, "GROUPS_ONLY");
	return 0;
}

/* A share of part in whole as «42,5 %» (one decimal, comma, no-break space); «—» for none. */
static const char *percent(struct arena *a, long long part, long long whole)
{
	if (whole <= 0)
		return "—";
	long long tenths = (part * 1000 + whole / 2) / whole;
	return arena_printf(a, "%lld,%lld\u00a0%%", tenths / 10, tenths % 10);
}

int survey_report(struct request *req, const struct survey *s, bool with_texts,
		  struct report *r)
{
	struct db *db = &req->worker->db;
	/* counts[question index][choice], answered[question index]. */
	long long counts[SURVEY_MAX_QUESTIONS][SURVEY_MAX_OPTIONS + 1];
	long long answered[SURVEY_MAX_QUESTIONS];
	memset(counts, 0, sizeof counts);
	memset(answered, 0, sizeof answered);
	long long responses;
	if (db_survey_responses(db, s->id, &responses) < 0)
		return -1;
	struct survey_tally *tallies;
	size_t rows;
	if (db_survey_counts(db, req->arena, s->id, &tallies, &rows) < 0)
		return -1;
	for (size_t k = 0; k < rows; k++) {
		int choice = tallies[k].choice;
		for (int i = 0; i < s->question_count; i++)
			if (s->questions[i].id == tallies[k].question_id && choice >= 0 &&
			    choice <= SURVEY_MAX_OPTIONS)
				counts[i][choice] = tallies[k].answers;
	}
	struct survey_answered *per_question;
	if (db_survey_answered(db, req->arena, s->id, &per_question, &rows) < 0)
		return -1;
	for (size_t k = 0; k < rows; k++)
		for (int i = 0; i < s->question_count; i++)
			if (s->questions[i].id == per_question[k].question_id)
				answered[i] = per_question[k].responses;
	struct arena *a = req->arena;
	report_init(r, req, arena_printf(a, "Итоги опроса %s", ru_quoted(a, s->title)),
		    arena_printf(a, "Опрос с %s по %s; %lld %s", page_date_words(req, s->opens_on),
				 page_date_words(req, s->closes_on), responses,
				 ru_plural((long)responses, "ответ", "ответа", "ответов")));
	for (int i = 0; i < s->question_count; i++) {
		const struct survey_question *q = &s->questions[i];
		const char *id = arena_printf(a, "q%d", q->position);
		const char *caption = arena_printf(a, "%d. %s", q->position, q->text);
		if (strcmp(q->kind, "text") == 0) {
			if (!with_texts)
				continue;
			struct report_table *t = report_table_add(r, id, caption, -1, "№", "Ответ",
								  NULL);
			t->note = "Свободные ответы видны только сотрудникам администрации.";
			struct survey_text *texts;
			size_t text_count;
			if (db_survey_texts(db, a, s->id, &texts, &text_count) < 0)
				return -1;
			long long n = 0;
			for (size_t k = 0; k < text_count; k++) {
				if (texts[k].question_id != q->id)
					continue;
				REPORT_ROW(r, t, report_text(arena_printf(a, "%lld", ++n)),
					   report_text(texts[k].text));
			}
			continue;
		}
		bool scale = strcmp(q->kind, "scale") == 0;
		struct report_table *t = report_table_add(r, id, caption, 1,
							  scale ? "Оценка" : "Вариант ответа",
							  "Ответов", "Доля ответивших", NULL);
		t->note = arena_printf(
			a, "%s. Ответили на вопрос: %lld %s.%s",
			strcmp(q->kind, "multiple") == 0 ? "Можно было выбрать несколько вариантов"
			: scale ? "Оценка от 1 (плохо) до 5 (отлично)"
				: "Один вариант ответа",
			answered[i], ru_plural((long)answered[i], "участник", "участника", "участников"),
			strcmp(q->kind, "multiple") == 0 ? " Сумма долей может быть больше 100 %." : "");
		int count = scale ? SURVEY_SCALE_MAX : q->option_count;
		long long sum = 0;
		for (int k = 1; k <= count; k++) {
			const char *label = scale ? arena_printf(a, "%d", k)
					    : q->options[k - 1] ? q->options[k - 1]
								: "";
			sum += counts[i][k] * k;
			REPORT_ROW(r, t, report_text(label), report_number(r, counts[i][k]),
				   report_text(percent(a, counts[i][k], answered[i])));
		}
		if (scale && answered[i] > 0) {
			long long hundredths = (sum * 100 + answered[i] / 2) / answered[i];
			struct report_row *row = REPORT_ROW(
				r, t, report_text("Средняя оценка"), report_text(""),
				report_text(arena_printf(a, "%lld,%02lld", hundredths / 100,
							 hundredths % 100)));
			row->total = true;
		}
	}
	return 0;
}
