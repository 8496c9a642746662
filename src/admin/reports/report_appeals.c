/* report_appeals.c — the yearly consolidated analysis of appeals against the previous year
 * (/admin/reports/appeals; regulation № 44 on information groups §3.8.6). */
#include <stdlib.h>
#include <string.h>

#include "civil_time.h"
#include "db_appeal.h"
#include "page.h"
#include "pages.h"
#include "report.h"
#include "report_page.h"
#include "worker.h"

static const char *const sources[][2] = {
	{"online", "через сайт"},
	{"meeting", "на встречах с жителями"},
	{"reception", "на личном приёме"},
	{"mail", "по почте и лично в администрации"},
};
static const char *const outcomes[][2] = {
	{"answered", "дан ответ по существу"},
	{"forwarded", "направлено по компетенции"},
	{"no_address", "без ответа: не указаны фамилия или адрес"},
	{"abusive", "без ответа: оскорбительные выражения"},
	{"unreadable", "без ответа: текст не поддаётся прочтению"},
	{"repeated", "без ответа: повторное без новых доводов"},
	{"open", "на рассмотрении"},
};
static const char *const timeliness[][2] = {
	{"answered_on_time", "ответ дан в срок"},
	{"answered_late", "ответ дан с нарушением срока"},
	{"forwarded_on_time", "направлено по компетенции в срок"},
	{"forwarded_late", "направлено по компетенции с нарушением срока"},
	{"closed", "оставлено без ответа по существу (ст. 11 59-ФЗ)"},
	{"open", "на рассмотрении, срок не истёк"},
	{"open_overdue", "на рассмотрении, срок истёк"},
};

/* Residents (issue 16): how the author was authenticated (547-ФЗ), and their verdict on the
 * answer. */
static const char *const authentications[][2] = {
	{"esia_confirmed", "через Госуслуги, подтверждённая учётная запись"},
	{"esia", "через Госуслуги, учётная запись не подтверждена"},
	{"email", "код на электронную почту"},
	{"none", "не проверялась (бумажные и поступившие до входа на сайт)"},
};
static const char *const verdicts[][2] = {
	{"resolved", "заявитель: вопрос решён"},
	{"unresolved", "заявитель: вопрос не решён"},
	{"none", "оценки нет"},
};


struct year_pair {
	const char *key, *label; /* key NULL: not in the classifier or no territory */
	long long before, now;
};

struct year_pairs {
	struct year_pair *items;
	size_t count, cap;
};

/* The breakdowns of the yearly analysis, filled from one pass over the appeals. */
enum appeals_breakdown {
	BY_SECTION, BY_TOPIC, BY_TERRITORY, BY_SOURCE, BY_OUTCOME, BY_TIMELINESS, BY__MAX
};

/* Add n appeals of the year (now) or the previous one to the pair of key in list. */
static void pair_add(struct arena *a, struct year_pairs *list, const char *key,
		     const char *label, bool now, long long n)
{
	size_t i = 0;
	while (i < list->count && !(key == NULL ? list->items[i].key == NULL
				   : list->items[i].key && strcmp(list->items[i].key, key) == 0))
		i++;
	if (i == list->count) {
		if (list->items == NULL) {
			list->cap = 16;
			list->items = arena_alloc(a, list->cap * sizeof *list->items);
		}
		list->items = arena_grow(a, list->items, list->count, &list->cap,
					 sizeof *list->items);
		list->items[list->count++] = (struct year_pair){.key = key, .label = label};
	}
	if (now)
		list->items[i].now += n;
	else
		list->items[i].before += n;
}

/* Codes in order, the missing one (NULL) last. */
static int by_key(const void *a, const void *b)
{
	const struct year_pair *x = a, *y = b;
	if (x->key == NULL || y->key == NULL)
		return (x->key == NULL) - (y->key == NULL);
	return strcmp(x->key, y->key);
}

/* Names in order (byte order, as SQLite's BINARY), the missing one last. */
static int by_label(const void *a, const void *b)
{
	const struct year_pair *x = a, *y = b;
	if (x->key == NULL || y->key == NULL)
		return (x->key == NULL) - (y->key == NULL);
	return strcmp(x->label, y->label);
}

/* The appeals registered in year and the year before in the registry of municipality body (0:
 * in every one), in one pass (STMT_REPORT_APPEALS_CUBE: 100,000 appeals are read once, not once
 * per table), into one list of pairs per breakdown, sorted as the tables show them. -1 on a
 * database error (logged). */
static int appeals_breakdowns(struct request *req, int year, long long body,
			      struct year_pairs lists[BY__MAX])
{
	struct arena *a = req->arena;
	struct appeal_cube_row *rows;
	size_t count;
	if (db_appeal_cube(&req->worker->db, a, year,
			   report_utc_offset(report_local_midnight((struct civil_date){year, 1, 1})),
			   report_iso_date(req, tz_local_date(req->now)), body, &rows, &count) < 0)
		return -1;
	memset(lists, 0, BY__MAX * sizeof *lists);
	for (size_t i = 0; i < count; i++) {
		const struct appeal_cube_row *r = &rows[i];
		bool now = r->year == year;
		pair_add(a, &lists[BY_TOPIC], r->topic_code, r->topic_name, now, r->appeals);
		pair_add(a, &lists[BY_SECTION], r->section_code, r->section_name, now, r->appeals);
		pair_add(a, &lists[BY_TERRITORY], r->territory_name ? r->territory_id : NULL,
			 r->territory_name, now, r->appeals);
		pair_add(a, &lists[BY_SOURCE], r->source, NULL, now, r->appeals);
		pair_add(a, &lists[BY_OUTCOME], r->outcome, NULL, now, r->appeals);
		pair_add(a, &lists[BY_TIMELINESS], r->timeliness, NULL, now, r->appeals);
	}
	for (int b = BY_SECTION; b <= BY_TOPIC; b++)
		if (lists[b].count > 1)
			qsort(lists[b].items, lists[b].count, sizeof *lists[b].items, by_key);
	if (lists[BY_TERRITORY].count > 1)
		qsort(lists[BY_TERRITORY].items, lists[BY_TERRITORY].count,
		      sizeof *lists[BY_TERRITORY].items, by_label);
	return 0;
}

/* A table of the year beside the previous one: both drawn, the previous year's bar outlined. */
static struct report_table *year_table(struct report *r, const char *id, const char *caption,
				       const char *heading, int year)
{
	struct arena *a = r->req->arena;
	struct report_table *t = report_table_add(r, id, caption, 2, heading,
						  arena_printf(a, "%d", year - 1),
						  arena_printf(a, "%d", year), "Изменение", NULL);
	t->compare_column = 1;
	return t;
}

static void year_row(struct report *r, struct report_table *t, const char *label,
		     long long before, long long now)
{
	REPORT_ROW(r, t, report_text(label), report_number(r, before), report_number(r, now),
		   report_change(r, before, now));
}

static void year_total(struct report *r, struct report_table *t, long long before, long long now)
{
	REPORT_ROW(r, t, report_text("Всего"), report_number(r, before), report_number(r, now),
		   report_change(r, before, now))
		->total = true;
}

/* A table of the pairs in their order: with_code, the label is «code name»; the missing key
 * gets empty_label. */
static void year_rows_table(struct report *r, const struct year_pairs *p, int year,
			    const char *id, const char *caption, const char *heading,
			    bool with_code, const char *empty_label)
{
	struct report_table *t = year_table(r, id, caption, heading, year);
	long long before = 0, now = 0;
	for (size_t i = 0; i < p->count; i++) {
		const struct year_pair *x = &p->items[i];
		const char *label = x->key == NULL ? empty_label
				    : with_code    ? arena_printf(r->req->arena, "%s %s", x->key,
								  x->label)
						   : x->label;
		year_row(r, t, label, x->before, x->now);
		before += x->before;
		now += x->now;
	}
	year_total(r, t, before, now);
}

/* A table of fixed categories (every one shown, zeros included) in the table's order. */
static void year_fixed_table(struct report *r, const struct year_pairs *p, int year,
			     const char *id, const char *caption, const char *heading,
			     const char *const categories[][2], size_t count)
{
	struct report_table *t = year_table(r, id, caption, heading, year);
	long long before = 0, now = 0;
	for (size_t c = 0; c < count; c++) {
		long long b = 0, w = 0;
		for (size_t i = 0; i < p->count; i++)
			if (p->items[i].key && strcmp(p->items[i].key, categories[c][0]) == 0) {
				b = p->items[i].before;
				w = p->items[i].now;
			}
		year_row(r, t, categories[c][1], b, w);
		before += b;
		now += w;
	}
	year_total(r, t, before, now);
}
#define FIXED_TABLE(r, pairs, year, id, caption, heading, table)                                   \
	year_fixed_table(r, pairs, year, id, caption, heading, table,                              \
			 sizeof table / sizeof table[0])

/* GET /admin/reports/appeals?year=&municipality= — the yearly consolidated analysis of appeals
 * (regulation № 44 on information groups §3.8.6), by section and by topic of the classifier,
 * territory, source, outcome and timeliness, each beside the previous year with the change
 * (default: this year); with a municipality, the appeals of its registry only (issue 18 item 5);
 * a scoped account's without one are its own body's (report_body). 400 for a format other than
 * csv; 400 with the form and the error beside the field for a year out of range or a
 * municipality that does not exist or is not of the account's bodies. ?format=csv downloads
 * it. */
enum http_status page_admin_report_appeals(struct request *req)
{
	static const char title[] = "Анализ обращений граждан за год";
	bool csv = report_want_csv(req);
	if (req->field[FIELD_FORMAT].state == FIELD_INVALID)
		return HTTP_BAD_REQUEST;
	const struct municipality_item *body;
	if (report_body(req, &body) < 0)
		return HTTP_INTERNAL_ERROR;
	if (req->invalid_fields > 0)
		return report_form_errors_page(req, title, "FORM_YEAR");
	int year = req->field[FIELD_YEAR].state == FIELD_VALID
			   ? (int)req->field[FIELD_YEAR].number
			   : tz_local_date(req->now).year;
	struct report r;
	report_init(&r, req, title,
		    report_period_of(req,
				     arena_printf(req->arena, "%d год в сравнении с %d годом", year,
						  year - 1),
				     body));
	r.body = body ? body->id : 0;
	struct year_pairs p[BY__MAX];
	if (appeals_breakdowns(req, year, r.body, p) < 0)
		return HTTP_INTERNAL_ERROR;
	year_rows_table(&r, &p[BY_SECTION], year, "sections",
			"По разделам тематического классификатора", "Раздел", true,
			"Тема не указана");
	year_rows_table(&r, &p[BY_TOPIC], year, "topics", "По тематикам и темам классификатора",
			"Тематика или тема", true, "Тема не указана");
	year_rows_table(&r, &p[BY_TERRITORY], year, "territories", "По территориям", "Территория",
			false, "Территория не указана");
	FIXED_TABLE(&r, &p[BY_SOURCE], year, "sources", "По способу поступления", "Как поступило",
		    sources);
	FIXED_TABLE(&r, &p[BY_OUTCOME], year, "outcomes", "По результатам", "Результат", outcomes);
	FIXED_TABLE(&r, &p[BY_TIMELINESS], year, "timeliness", "Соблюдение сроков (ст. 8 и 12 59-ФЗ)",
		    "Срок", timeliness);
	{
		/* How the authors were authenticated and their verdicts on the answers. */
		struct year_pairs auth = {0}, verdict = {0};
		struct appeal_resident_row *rows;
		size_t count;
		if (db_appeal_residents(&req->worker->db, req->arena, year, r.body, &rows, &count) < 0)
			return HTTP_INTERNAL_ERROR;
		for (size_t i = 0; i < count; i++) {
			bool now = rows[i].year == year;
			pair_add(req->arena, &auth, rows[i].auth, NULL, now, rows[i].appeals);
			if (rows[i].verdict != NULL)
				pair_add(req->arena, &verdict, rows[i].verdict, NULL, now,
					 rows[i].appeals);
		}
		FIXED_TABLE(&r, &auth, year, "authentication",
			    "Как заявитель подтвердил личность (547-ФЗ)", "Способ", authentications);
		FIXED_TABLE(&r, &verdict, year, "verdicts",
			    "Оценка ответов заявителями (обращения с ответом)", "Оценка", verdicts);
	}
	r.tables[0].note = "Обращения считаются по году регистрации.";
	r.tables[1].note = "Вопрос классификатора считается в своей теме; обращение с кодом "
			   "тематики — в тематике.";
	if (csv)
		return report_send_csv(&r, arena_printf(req->arena, "анализ-обращений-%d.csv", year),
				       arena_printf(req->arena, "appeals-%s%d.csv",
						    body ? arena_printf(req->arena, "%s-",
									body->slug)
							 : "",
						    year));
	tpl_dict *d = page_begin(req, "admin_report.tpl", r.title, NAV_STAFF_REPORTS);
	tpl_dict *f = tpl_section_add(d, "FORM_YEAR");
	tpl_set_int(f, "year", year);
	if (report_body_options(req, f, body, false) < 0)
		return HTTP_INTERNAL_ERROR;
	return report_show(req, &r, d);
}
