/* survey_view.c — loading a survey and what its public and staff pages share (see
 * survey_view.h). */
#include "survey_view.h"

#include <string.h>

#include "arena.h"
#include "buf.h"
#include "db.h"
#include "page.h"
#include "ru.h"
#include "worker.h"

int survey_load(struct request *req, long long id, struct survey *s)
{
	struct db *db = &req->worker->db;
	sqlite3_stmt *st = db_stmt(db, STMT_SURVEY_GET);
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(s, 0, sizeof *s);
		s->id = id;
		s->title = db_text(req->arena, st, 0);
		s->intro = db_text(req->arena, st, 1);
		s->audience = db_text(req->arena, st, 2);
		s->territory = db_text(req->arena, st, 3);
		civil_date_parse(db_text(req->arena, st, 4), &s->opens_on);
		civil_date_parse(db_text(req->arena, st, 5), &s->closes_on);
		s->results = db_text(req->arena, st, 6);
		s->preset = db_text(req->arena, st, 7);
		struct civil_date today = tz_local_date(req->now);
		s->state = civil_date_compare(today, s->closes_on) > 0  ? SURVEY_CLOSED
			   : civil_date_compare(today, s->opens_on) < 0 ? SURVEY_UPCOMING
									: SURVEY_OPEN;
	}
	db_done(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 1 : -1;
	st = db_stmt(db, STMT_SURVEY_QUESTIONS);
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && s->question_count < SURVEY_MAX_QUESTIONS) {
		struct survey_question *q = &s->questions[s->question_count++];
		q->id = sqlite3_column_int64(st, 0);
		q->position = sqlite3_column_int(st, 1);
		q->kind = db_text(req->arena, st, 2);
		q->text = db_text(req->arena, st, 3);
		q->required = sqlite3_column_int(st, 4) != 0;
	}
	db_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return -1;
	st = db_stmt(db, STMT_SURVEY_OPTIONS);
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long qid = sqlite3_column_int64(st, 0);
		int position = sqlite3_column_int(st, 1);
		for (int i = 0; i < s->question_count; i++) {
			struct survey_question *q = &s->questions[i];
			if (q->id != qid || position < 1 || position > SURVEY_MAX_OPTIONS)
				continue;
			q->options[position - 1] = db_text(req->arena, st, 2);
			if (position > q->option_count)
				q->option_count = position;
		}
	}
	db_done(st);
	return rc == SQLITE_DONE ? 0 : -1;
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
	sqlite3_stmt *g = db_stmt(&req->worker->db, STMT_SURVEY_GROUPS);
	sqlite3_bind_int64(g, 1, s->id);
	struct buf names;
	buf_init(&names, req->arena);
	buf_puts(&names, "участники референтных групп ");
	int rc, n = 0;
	while ((rc = sqlite3_step(g)) == SQLITE_ROW) {
		if (n++)
			buf_puts(&names, ", ");
		buf_puts(&names, ru_quoted(req->arena, db_text(req->arena, g, 1)));
	}
	db_done(g);
	if (rc != SQLITE_DONE)
		return -1;
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
	sqlite3_stmt *st = db_stmt(db, STMT_SURVEY_RESPONSES);
	sqlite3_bind_int64(st, 1, s->id);
	long long responses = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	db_done(st);
	if (responses < 0)
		return -1;
	int rc;
	st = db_stmt(db, STMT_SURVEY_COUNTS);
	sqlite3_bind_int64(st, 1, s->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long qid = sqlite3_column_int64(st, 0);
		int choice = sqlite3_column_int(st, 1);
		for (int i = 0; i < s->question_count; i++)
			if (s->questions[i].id == qid && choice >= 0 && choice <= SURVEY_MAX_OPTIONS)
				counts[i][choice] = sqlite3_column_int64(st, 2);
	}
	db_done(st);
	if (rc != SQLITE_DONE)
		return -1;
	st = db_stmt(db, STMT_SURVEY_ANSWERED);
	sqlite3_bind_int64(st, 1, s->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long qid = sqlite3_column_int64(st, 0);
		for (int i = 0; i < s->question_count; i++)
			if (s->questions[i].id == qid)
				answered[i] = sqlite3_column_int64(st, 1);
	}
	db_done(st);
	if (rc != SQLITE_DONE)
		return -1;
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
			st = db_stmt(db, STMT_SURVEY_TEXTS);
			sqlite3_bind_int64(st, 1, s->id);
			long long n = 0;
			while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
				if (sqlite3_column_int64(st, 0) != q->id)
					continue;
				REPORT_ROW(r, t, report_text(arena_printf(a, "%lld", ++n)),
					   report_text(db_text(a, st, 1)));
			}
			db_done(st);
			if (rc != SQLITE_DONE)
				return -1;
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
