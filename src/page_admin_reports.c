/* page_admin_reports.c — the reports the municipal acts require, made in one click instead of by
 * hand in spreadsheets (/admin/reports…): compliance with the required frequencies and deadlines
 * for any period, the yearly consolidated analysis of appeals against the previous year (seed 001
 * §3.8.6), the half-year or yearly summary of the information groups' work (seed 001 §3.9) and
 * the monthly export of appeals by classifier code. Each is a page of tables with inline SVG bar
 * charts (report.c, admin_report.tpl), printable on A4, or CSV with ?format=csv.
 */
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "civil_time.h"
#include "page.h"
#include "pages.h"
#include "protocol.h"
#include "report.h"
#include "ru.h"
#include "worker.h"

#define COMPLIANCE_MAX_DAYS (10 * 366) /* a longer period would list hundreds of months */

/* ---- small helpers ---------------------------------------------------------------------- */

/* The municipality's offset from UTC in seconds at t: SQLite's date() of (instant + offset) is
 * then the local date. Russian zones have kept a fixed offset since 2014. */
static long long utc_offset(time_t t)
{
	struct tm tm;
	tz_utc_to_local(t, &tm);
	return (long long)tm.tm_gmtoff;
}

static const char *date_words(struct request *req, struct civil_date d)
{
	return arena_printf(req->arena, "%d %s %d г.", d.day, ru_month_genitive(d.month), d.year);
}

static const char *instant_words(struct request *req, time_t t)
{
	return date_words(req, tz_local_date(t));
}

/* «2026-03-11» as «11 марта 2026 г.» (as it is when it does not parse). */
static const char *iso_words(struct request *req, const char *iso)
{
	struct civil_date d;
	return civil_date_parse(iso, &d) ? date_words(req, d) : iso;
}

static const char *iso_date(struct request *req, struct civil_date d)
{
	return arena_printf(req->arena, "%04d-%02d-%02d", d.year, d.month, d.day);
}

static struct civil_date add_months(struct civil_date d, int months)
{
	int m = d.year * 12 + (d.month - 1) + months;
	return (struct civil_date){m / 12, m % 12 + 1, 1};
}

static time_t local_midnight(struct civil_date d)
{
	return tz_local_to_utc(d, 0, 0);
}

/* Whether the page asked for the CSV download; 400 (through *status) for another format. */
static bool want_csv(struct request *req, enum http_status *status)
{
	*status = HTTP_OK;
	const struct field_value *f = &req->field[FIELD_FORMAT];
	if (f->state != FIELD_VALID)
		return false;
	if (strcmp(f->text, "csv") == 0)
		return true;
	page_reject(req, FIELD_FORMAT, "единственный формат выгрузки — csv");
	*status = HTTP_BAD_REQUEST;
	return false;
}

/* The page of a report: its tables and charts, the link to the same report as CSV. */
static enum http_status show(struct request *req, struct report *r, tpl_dict *d)
{
	report_fill(r, d);
	struct buf link;
	buf_init(&link, req->arena);
	buf_puts(&link, req->path);
	buf_puts(&link, "?");
	for (size_t i = 0; i < req->query.count; i++) {
		const struct param *p = &req->query.items[i];
		if (strcmp(p->name, "format") == 0)
			continue;
		page_append_encoded(&link, p->name);
		buf_puts(&link, "=");
		page_append_encoded(&link, p->value);
		buf_puts(&link, "&");
	}
	buf_puts(&link, "format=csv");
	tpl_set(d, "CSV_LINK", link.data);
	return page_end(req, HTTP_OK);
}

static const char *const meeting_statuses[][2] = {
	{"draft", "черновик"},     {"approved", "утверждена"}, {"postponed", "перенесена"},
	{"cancelled", "отменена"}, {"held", "проведена"},
};
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

static const char *label_of(const char *const table[][2], size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(table[i][0], code) == 0)
			return table[i][1];
	return code;
}
#define LABEL(table, code) label_of(table, sizeof table / sizeof table[0], code)

/* ---- compliance ------------------------------------------------------------------------- */

/* Held and planned meetings of kind in [from, to): the staff home page's statement. */
static void kind_count(struct request *req, const char *kind, time_t from, time_t to,
		       long long *held, long long *planned)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_DASH_KIND_COUNT);
	sqlite3_bind_text(s, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)from);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)to);
	*held = *planned = 0;
	if (sqlite3_step(s) == SQLITE_ROW) {
		*held = sqlite3_column_int64(s, 0);
		*planned = sqlite3_column_int64(s, 1);
	}
	db_done(s);
}

/* Whether a calendar period [start, end) kept a frequency rule. */
static const char *verdict(struct request *req, time_t end, long long held, long long planned)
{
	if (held > 0)
		return "выполнено";
	if (end > req->now)
		return planned > 0 ? "встреча назначена, период не закончился"
				   : "период не закончился";
	return "не выполнено";
}

/* One frequency rule of one kind over the calendar periods (months long) that overlap the
 * report's period: a row per period, with the meetings of the whole calendar period, because
 * the rule is about calendar periods. Returns the meetings held in [from, to). */
static long long frequency_table(struct report *r, const char *id, const char *caption,
				 const char *kind, int months, struct civil_date from,
				 struct civil_date to)
{
	struct request *req = r->req;
	struct report_table *t = report_table_add(r, id, caption, 1, "Период", "Проведено",
						  "Назначено", "Требование", NULL);
	struct civil_date p = {from.year, (from.month - 1) / months * months + 1, 1};
	long long held_total = 0;
	while (civil_date_compare(p, to) <= 0) {
		struct civil_date next = add_months(p, months);
		long long held, planned;
		time_t start = local_midnight(p), end = local_midnight(next);
		kind_count(req, kind, start, end, &held, &planned);
		const char *label = months == 12
					    ? arena_printf(req->arena, "%d год", p.year)
					    : arena_printf(req->arena, "%s %d г.",
							   ru_month_nominative(p.month), p.year);
		report_row_add(r, t, held, label, report_number(r, held), report_number(r, planned),
			       verdict(req, end, held, planned));
		held_total += held;
		p = next;
	}
	return held_total;
}

static const char *quarter_name(struct request *req, struct civil_date q)
{
	static const char *const roman[] = {"I", "II", "III", "IV"};
	return arena_printf(req->arena, "%s кв. %d", roman[(q.month - 1) / 3], q.year);
}

/* Each information group's field meetings, quarter by quarter (the home page's statement for
 * every quarter overlapping the period). Returns the meetings held in all those quarters. */
static int groups_quarterly(struct report *r, struct civil_date from, struct civil_date to,
			    long long *held_total)
{
	struct request *req = r->req;
	struct group_quarters {
		long long id;
		const char *name;
		long long quarters, kept, held;
		struct buf missed;
	} *groups = NULL;
	size_t count = 0, cap = 0;
	struct civil_date q = {from.year, (from.month - 1) / 3 * 3 + 1, 1};
	*held_total = 0;
	while (civil_date_compare(q, to) <= 0) {
		struct civil_date next = add_months(q, 3);
		time_t end = local_midnight(next);
		sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_DASH_GROUPS);
		sqlite3_bind_int64(s, 1, (sqlite3_int64)local_midnight(q));
		sqlite3_bind_int64(s, 2, (sqlite3_int64)end);
		int rc;
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			long long id = sqlite3_column_int64(s, 0);
			size_t i = 0;
			while (i < count && groups[i].id != id)
				i++;
			if (i == count) {
				if (groups == NULL) {
					cap = 16;
					groups = arena_alloc(req->arena, cap * sizeof *groups);
				}
				groups = arena_grow(req->arena, groups, count, &cap, sizeof *groups);
				memset(&groups[i], 0, sizeof groups[i]);
				groups[i].id = id;
				groups[i].name = db_text(req->arena, s, 1);
				buf_init(&groups[i].missed, req->arena);
				count++;
			}
			long long held = sqlite3_column_int64(s, 2);
			groups[i].quarters++;
			groups[i].held += held;
			*held_total += held;
			if (held > 0)
				groups[i].kept++;
			else if (end <= req->now) {
				if (groups[i].missed.len > 0)
					buf_puts(&groups[i].missed, ", ");
				buf_puts(&groups[i].missed, quarter_name(req, q));
			}
		}
		db_done(s);
		if (rc != SQLITE_DONE)
			return -1;
		q = next;
	}
	struct report_table *t = report_table_add(
		r, "groups", "Выездные встречи информационных групп — не реже раза в квартал", 3,
		"Информационная группа", "Кварталов в периоде", "Кварталов со встречей",
		"Встреч проведено", "Прошедшие кварталы без встречи", NULL);
	t->note = "Считаются встречи за календарные кварталы, которые пересекаются с периодом отчёта.";
	for (size_t i = 0; i < count; i++)
		report_row_add(r, t, groups[i].held, groups[i].name,
			       report_number(r, groups[i].quarters), report_number(r, groups[i].kept),
			       report_number(r, groups[i].held),
			       groups[i].missed.len ? groups[i].missed.data : "—");
	return 0;
}

/* Rows of a list statement already bound; fill(row) makes each row. -1 on a database error,
 * else the number of rows. */
static long long list_rows(struct report *r, sqlite3_stmt *s,
			   void (*fill)(struct report *, struct report_table *, sqlite3_stmt *),
			   struct report_table *t)
{
	long long n = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		fill(r, t, s);
		n++;
	}
	db_done(s);
	return rc == SQLITE_DONE ? n : -1;
}

static void violation_row(struct report *r, struct report_table *t, sqlite3_stmt *s)
{
	struct request *req = r->req;
	report_row_add(r, t, 0, db_text(req->arena, s, 1),
		       instant_words(req, (time_t)sqlite3_column_int64(s, 2)),
		       instant_words(req, (time_t)sqlite3_column_int64(s, 4) - 1),
		       LABEL(meeting_statuses, db_text(req->arena, s, 3)));
}

static void exception_row(struct report *r, struct report_table *t, sqlite3_stmt *s)
{
	struct request *req = r->req;
	report_row_add(r, t, 0, db_text(req->arena, s, 1),
		       instant_words(req, (time_t)sqlite3_column_int64(s, 2)),
		       db_text(req->arena, s, 3));
}

static void late_row(struct report *r, struct report_table *t, sqlite3_stmt *s)
{
	struct request *req = r->req;
	report_row_add(r, t, sqlite3_column_int64(s, 4), db_text(req->arena, s, 0),
		       db_text(req->arena, s, 1), iso_words(req, db_text(req->arena, s, 2)),
		       iso_words(req, db_text(req->arena, s, 3)),
		       report_number(r, sqlite3_column_int64(s, 4)));
}

static void overdue_row(struct report *r, struct report_table *t, sqlite3_stmt *s)
{
	struct request *req = r->req;
	report_row_add(r, t, sqlite3_column_int64(s, 3), db_text(req->arena, s, 0),
		       db_text(req->arena, s, 1), iso_words(req, db_text(req->arena, s, 2)),
		       report_number(r, sqlite3_column_int64(s, 3)));
}

/* The protocols of the meetings held in [start, end) handed to the control sector after their
 * due date (5 working days after the meeting, seed 001 §3.6.9), and those not handed although
 * the date has passed (a meeting without any protocol among them, but for a personal reception),
 * into t: -1 on a database error, else 0 with the counts in *late and *missing. */
static int protocols_late(struct report *r, struct report_table *t, time_t start, time_t end,
			  long long *late, long long *missing)
{
	struct request *req = r->req;
	struct workcal cal;
	if (workdays_load(&req->worker->db, req->arena, &cal) < 0)
		return -1;
	struct civil_date today = tz_local_date(req->now);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_REPORT_PROTOCOLS);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)start);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)end);
	*late = *missing = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		time_t starts = (time_t)sqlite3_column_int64(s, 2);
		struct civil_date due = protocol_handover_due(&cal, tz_local_date(starts), NULL);
		bool handed = sqlite3_column_type(s, 5) != SQLITE_NULL;
		struct civil_date until =
			handed ? tz_local_date((time_t)sqlite3_column_int64(s, 5)) : today;
		long days = civil_date_diff(until, due);
		if (days <= 0)
			continue;
		const char *state = handed ? arena_printf(req->arena, "передан %s",
							  date_words(req, until))
				    : !sqlite3_column_int(s, 3) ? "протокол не составлен"
				    : !sqlite3_column_int(s, 4) ? "не подписан, не передан"
								: "подписан, не передан";
		report_row_add(r, t, days, db_text(req->arena, s, 1), instant_words(req, starts),
			       date_words(req, due), state, report_number(r, days));
		if (handed)
			(*late)++;
		else
			(*missing)++;
	}
	db_done(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

static void instruction_late_row(struct report *r, struct report_table *t, sqlite3_stmt *s)
{
	struct request *req = r->req;
	const char *status = db_text(req->arena, s, 4);
	const char *label = instruction_status_label(status);
	const char *state = label ? label : status;
	if (sqlite3_column_type(s, 5) != SQLITE_NULL) {
		const char *reported = iso_words(req, db_text(req->arena, s, 5));
		state = strcmp(status, "accepted") == 0
				? arena_printf(req->arena, "исполнено, доложено %s", reported)
				: arena_printf(req->arena, "доложено %s, ждёт приёмки контролёром",
					       reported);
	}
	const char *meeting = db_text(req->arena, s, 7), *appeal = db_text(req->arena, s, 8);
	const char *source = *meeting ? arena_printf(req->arena, "протокол встречи «%s»", meeting)
			     : *appeal ? arena_printf(req->arena, "обращение № %s", appeal)
				       : "—";
	const char *unit = db_text(req->arena, s, 2);
	long long days = sqlite3_column_int64(s, 6);
	report_row_add(r, t, days, db_text(req->arena, s, 1), source, *unit ? unit : "—",
		       iso_words(req, db_text(req->arena, s, 3)), state, report_number(r, days));
}

/* The compliance report over local dates [from, to]: -1 on a database error. */
static int compliance(struct report *r, struct civil_date from, struct civil_date to)
{
	struct request *req = r->req;
	struct db *db = &req->worker->db;
	time_t start = local_midnight(from), end = local_midnight(civil_date_add_days(to, 1));
	/* Filled last, shown first; kept by index, as later tables may move the array. */
	size_t summary = r->table_count;
	report_table_add(r, "summary", "Сводка за период", 1, "Показатель", "Количество", NULL);
	long long head_held, planned, reception_held, group_held;
	kind_count(req, "head_mass", start, end, &head_held, &planned);
	kind_count(req, "personal_reception", start, end, &reception_held, &planned);
	frequency_table(r, "head-mass",
			"Встречи главы с массовым участием жителей — не реже раза в год", "head_mass",
			12, from, to);
	frequency_table(r, "reception", "Личный приём главы — ежемесячно", "personal_reception", 1,
			from, to);
	long long group_quarters_held;
	if (groups_quarterly(r, from, to, &group_quarters_held) < 0)
		return -1;
	sqlite3_stmt *s = db_stmt(db, STMT_DASH_GROUPS);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)start);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)end);
	group_held = 0;
	while (sqlite3_step(s) == SQLITE_ROW)
		group_held += sqlite3_column_int64(s, 2);
	db_done(s);

	struct report_table *t = report_table_add(
		r, "violations", "Нарушения правила 5 дней: место и время не опубликованы вовремя", -1,
		"Встреча", "Дата встречи", "Последний день публикации", "Состояние", NULL);
	s = db_stmt(db, STMT_REPORT_VIOLATIONS);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)start);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)end);
	long long violations = list_rows(r, s, violation_row, t);
	t = report_table_add(r, "exceptions",
			     "Утверждены менее чем за 5 дней в порядке исключения", -1, "Встреча",
			     "Дата встречи", "Обоснование исключения", NULL);
	s = db_stmt(db, STMT_REPORT_EXCEPTIONS);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)start);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)end);
	long long exceptions = list_rows(r, s, exception_row, t);
	t = report_table_add(r, "protocols-late",
			     "Протоколы, переданные в сектор контроля позже срока или не переданные",
			     -1, "Встреча", "Дата встречи", "Срок передачи", "Состояние",
			     "Дней просрочки", NULL);
	t->note = "Срок — 5 рабочих дней после встречи по производственному календарю; "
		  "непереданные протоколы — на сегодня.";
	long long protocols_handed_late, protocols_missing;
	if (protocols_late(r, t, start, end, &protocols_handed_late, &protocols_missing) < 0)
		return -1;
	t = report_table_add(r, "answered-late", "Обращения, ответ на которые дан позже срока", -1,
			     "Номер", "Тема", "Срок ответа", "Дата ответа", "Дней просрочки", NULL);
	s = db_stmt(db, STMT_REPORT_ANSWERED_LATE);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)start);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)end);
	sqlite3_bind_int64(s, 3, utc_offset(start));
	long long answered_late = list_rows(r, s, late_row, t);
	const char *today = iso_date(req, tz_local_date(req->now));
	t = report_table_add(r, "overdue",
			     arena_printf(req->arena, "Обращения без ответа, срок которых истёк, на %s",
					  date_words(req, tz_local_date(req->now))),
			     -1, "Номер", "Тема", "Срок ответа", "Дней просрочки", NULL);
	s = db_stmt(db, STMT_REPORT_OPEN_OVERDUE);
	sqlite3_bind_text(s, 1, today, -1, SQLITE_TRANSIENT);
	long long overdue = list_rows(r, s, overdue_row, t);
	t = report_table_add(r, "instructions-late", "Поручения, не исполненные в срок", -1,
			     "Поручение", "Основание", "Подразделение", "Срок исполнения",
			     "Состояние", "Дней просрочки", NULL);
	t->note = "Поручения со сроком в периоде отчёта; исполненным в срок считается поручение, "
		  "по которому исполнитель доложил не позже срока. Отменённые не учитываются.";
	s = db_stmt(db, STMT_REPORT_INSTRUCTIONS_LATE);
	sqlite3_bind_text(s, 1, iso_date(req, from), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, iso_date(req, to), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 4, utc_offset(start));
	long long instructions_late = list_rows(r, s, instruction_late_row, t);
	if (violations < 0 || exceptions < 0 || answered_late < 0 || overdue < 0 ||
	    instructions_late < 0)
		return -1;
	static const char *const names[] = {
		"Встречи главы с массовым участием жителей: проведено",
		"Личные приёмы главы: проведено",
		"Выездные встречи информационных групп: проведено",
		"Нарушения правила 5 дней",
		"Встречи, утверждённые в порядке исключения",
		"Протоколы, переданные в сектор контроля позже срока",
		"Протоколы не переданы, срок истёк (на сегодня)",
		"Ответы на обращения, данные позже срока",
		"Обращения без ответа, срок истёк (на сегодня)",
		"Поручения, не исполненные в срок",
	};
	long long values[] = {head_held,	     reception_held,	group_held,
			      violations,	     exceptions,	protocols_handed_late,
			      protocols_missing,    answered_late,	overdue,
			      instructions_late};
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
		report_row_add(r, &r->tables[summary], values[i], names[i], report_number(r, values[i]));
	return 0;
}

/* GET /admin/reports/compliance?from=&to= — the compliance report for local dates from..to
 * (default: this year up to today). 400 for dates out of order or more than 10 years apart;
 * ?format=csv downloads it. */
enum http_status page_admin_report_compliance(struct request *req)
{
	enum http_status status;
	bool csv = want_csv(req, &status);
	if (status != HTTP_OK)
		return status;
	struct civil_date today = tz_local_date(req->now);
	struct civil_date from = {today.year, 1, 1}, to = today;
	if (req->field[FIELD_FROM].state == FIELD_VALID)
		from = req->field[FIELD_FROM].date;
	if (req->field[FIELD_TO].state == FIELD_VALID)
		to = req->field[FIELD_TO].date;
	if (civil_date_compare(from, to) > 0) {
		page_reject(req, FIELD_TO, "дата «по» раньше даты «с»");
		return HTTP_BAD_REQUEST;
	}
	if (civil_date_diff(to, from) > COMPLIANCE_MAX_DAYS) {
		page_reject(req, FIELD_TO, "период отчёта — не больше 10 лет");
		return HTTP_BAD_REQUEST;
	}
	struct report r;
	report_init(&r, req, "Соблюдение требований муниципальных актов",
		    arena_printf(req->arena, "с %s по %s", date_words(req, from),
				 date_words(req, to)));
	if (compliance(&r, from, to) < 0) {
		db_log_error(&req->worker->db, "compliance report");
		return HTTP_INTERNAL_ERROR;
	}
	if (csv)
		return report_send_csv(&r,
				       arena_printf(req->arena, "соблюдение-требований-%s-%s.csv",
						    iso_date(req, from), iso_date(req, to)),
				       arena_printf(req->arena, "compliance-%s-%s.csv",
						    iso_date(req, from), iso_date(req, to)));
	tpl_dict *d = page_begin(req, "admin_report.tpl", r.title, NAV_STAFF_REPORTS);
	tpl_dict *f = tpl_section_add(d, "FORM_PERIOD");
	tpl_set(f, "FROM", iso_date(req, from));
	tpl_set(f, "TO", iso_date(req, to));
	return show(req, &r, d);
}

/* ---- the yearly analysis of appeals ----------------------------------------------------- */

struct year_pair {
	const char *key, *label;
	long long before, now;
};

/* Run a two-year statement (bound here: ?1 previous year, ?2 year, and for timeliness ?3 the
 * offset and ?4 today) into pairs: column 0 the key, then (with named) column 1 the name, then
 * the two counts. -1 on error, else the count of pairs. */
static long long year_pairs(struct request *req, enum stmt which, int year, bool named,
			    struct year_pair **out)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, which);
	sqlite3_bind_int(s, 1, year - 1);
	sqlite3_bind_int(s, 2, year);
	if (which == STMT_REPORT_APPEALS_TIMELINESS) {
		sqlite3_bind_int64(s, 3, utc_offset(local_midnight((struct civil_date){year, 1, 1})));
		sqlite3_bind_text(s, 4, iso_date(req, tz_local_date(req->now)), -1, SQLITE_TRANSIENT);
	}
	size_t n = 0, cap = 16;
	struct year_pair *p = arena_alloc(req->arena, cap * sizeof *p);
	int rc;
	int c = named ? 2 : 1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		p = arena_grow(req->arena, p, n, &cap, sizeof *p);
		bool null_key = sqlite3_column_type(s, 0) == SQLITE_NULL;
		p[n].key = null_key ? NULL : db_text(req->arena, s, 0);
		p[n].label = named && !null_key ? db_text(req->arena, s, 1) : NULL;
		p[n].before = sqlite3_column_int64(s, c);
		p[n].now = sqlite3_column_int64(s, c + 1);
		n++;
	}
	db_done(s);
	*out = p;
	return rc == SQLITE_DONE ? (long long)n : -1;
}

static struct report_table *year_table(struct report *r, const char *id, const char *caption,
				       const char *heading, int year)
{
	struct arena *a = r->req->arena;
	return report_table_add(r, id, caption, 2, heading, arena_printf(a, "%d", year - 1),
				arena_printf(a, "%d", year), "Изменение", NULL);
}

static void year_row(struct report *r, struct report_table *t, const char *label,
		     long long before, long long now)
{
	report_row_add(r, t, now, label, report_number(r, before), report_number(r, now),
		       report_change(r, before, now));
}

static void year_total(struct report *r, struct report_table *t, long long before, long long now)
{
	report_row_add(r, t, now, "Всего", report_number(r, before), report_number(r, now),
		       report_change(r, before, now))
		->total = true;
}

/* A table of rows as the statement gives them; unnamed keys (NULL) get empty_label. */
static int year_rows_table(struct report *r, enum stmt which, int year, const char *id,
			   const char *caption, const char *heading, bool with_code,
			   const char *empty_label)
{
	struct year_pair *p;
	long long n = year_pairs(r->req, which, year, with_code, &p);
	if (n < 0)
		return -1;
	struct report_table *t = year_table(r, id, caption, heading, year);
	long long before = 0, now = 0;
	for (long long i = 0; i < n; i++) {
		const char *label = p[i].key == NULL ? empty_label
				    : with_code     ? arena_printf(r->req->arena, "%s %s", p[i].key,
								   p[i].label)
							: p[i].key;
		year_row(r, t, label, p[i].before, p[i].now);
		before += p[i].before;
		now += p[i].now;
	}
	year_total(r, t, before, now);
	return 0;
}

/* A table of fixed categories (every one shown, zeros included) in the table's order. */
static int year_fixed_table(struct report *r, enum stmt which, int year, const char *id,
			    const char *caption, const char *heading,
			    const char *const categories[][2], size_t count)
{
	struct year_pair *p;
	long long n = year_pairs(r->req, which, year, false, &p);
	if (n < 0)
		return -1;
	struct report_table *t = year_table(r, id, caption, heading, year);
	long long before = 0, now = 0;
	for (size_t c = 0; c < count; c++) {
		long long b = 0, w = 0;
		for (long long i = 0; i < n; i++)
			if (p[i].key && strcmp(p[i].key, categories[c][0]) == 0) {
				b = p[i].before;
				w = p[i].now;
			}
		year_row(r, t, categories[c][1], b, w);
		before += b;
		now += w;
	}
	year_total(r, t, before, now);
	return 0;
}
#define FIXED_TABLE(r, which, year, id, caption, heading, table)                                   \
	year_fixed_table(r, which, year, id, caption, heading, table,                              \
			 sizeof table / sizeof table[0])

/* GET /admin/reports/appeals?year= — the yearly consolidated analysis of appeals (seed 001
 * §3.8.6), by section of the classifier, territory, source, outcome and timeliness, each beside
 * the previous year with the change (default: this year). ?format=csv downloads it. */
enum http_status page_admin_report_appeals(struct request *req)
{
	enum http_status status;
	bool csv = want_csv(req, &status);
	if (status != HTTP_OK)
		return status;
	int year = req->field[FIELD_YEAR].state == FIELD_VALID
			   ? (int)req->field[FIELD_YEAR].number
			   : tz_local_date(req->now).year;
	struct report r;
	report_init(&r, req, "Анализ обращений граждан за год",
		    arena_printf(req->arena, "%d год в сравнении с %d годом", year, year - 1));
	/* One snapshot for every table, so that their totals agree. */
	int rc = 0;
	rc |= year_rows_table(&r, STMT_REPORT_APPEALS_SECTION, year, "sections",
			      "По разделам тематического классификатора", "Раздел", true,
			      "Тема не указана");
	rc |= year_rows_table(&r, STMT_REPORT_APPEALS_TERRITORY, year, "territories",
			      "По территориям", "Территория", false, "Территория не указана");
	rc |= FIXED_TABLE(&r, STMT_REPORT_APPEALS_SOURCE, year, "sources", "По способу поступления",
			  "Как поступило", sources);
	rc |= FIXED_TABLE(&r, STMT_REPORT_APPEALS_OUTCOME, year, "outcomes", "По результатам",
			  "Результат", outcomes);
	rc |= FIXED_TABLE(&r, STMT_REPORT_APPEALS_TIMELINESS, year, "timeliness",
			  "Соблюдение сроков (ст. 12 59-ФЗ)", "Срок", timeliness);
	if (rc != 0) {
		db_log_error(&req->worker->db, "appeals report");
		return HTTP_INTERNAL_ERROR;
	}
	r.tables[0].note = "Обращения считаются по году регистрации.";
	if (csv)
		return report_send_csv(&r, arena_printf(req->arena, "анализ-обращений-%d.csv", year),
				       arena_printf(req->arena, "appeals-%d.csv", year));
	tpl_dict *d = page_begin(req, "admin_report.tpl", r.title, NAV_STAFF_REPORTS);
	tpl_set_int(tpl_section_add(d, "FORM_YEAR"), "YEAR", year);
	return show(req, &r, d);
}

/* ---- the information groups' summary ---------------------------------------------------- */

struct territory_sum {
	const char *name;
	long long groups, held, attendance, appeals, given, executed;
};

static int groups_tables(struct report *r, time_t from, time_t to)
{
	struct request *req = r->req;
	struct report_table *t = report_table_add(
		r, "by-group", "По информационным группам", 2, "Информационная группа",
		"Территория", "Встреч проведено", "Участников", "Обращений принято",
		"Поручений дано", "Поручений исполнено", NULL);
	t->note = "Поручения — из протоколов встреч периода; исполненные — принятые контролёром.";
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_REPORT_GROUPS);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)from);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)to);
	size_t n = 0, cap = 16;
	struct territory_sum *sums = arena_alloc(req->arena, cap * sizeof *sums);
	struct territory_sum total = {.name = "Всего"};
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *territory = db_text(req->arena, s, 1);
		long long held = sqlite3_column_int64(s, 2), people = sqlite3_column_int64(s, 3),
			  appeals = sqlite3_column_int64(s, 4), given = sqlite3_column_int64(s, 5),
			  executed = sqlite3_column_int64(s, 6);
		report_row_add(r, t, held, db_text(req->arena, s, 0), territory,
			       report_number(r, held), report_number(r, people),
			       report_number(r, appeals), report_number(r, given),
			       report_number(r, executed));
		size_t i = 0;
		while (i < n && strcmp(sums[i].name, territory) != 0)
			i++;
		if (i == n) {
			sums = arena_grow(req->arena, sums, n, &cap, sizeof *sums);
			sums[n++] = (struct territory_sum){.name = territory};
		}
		sums[i].groups++;
		sums[i].held += held;
		sums[i].attendance += people;
		sums[i].appeals += appeals;
		sums[i].given += given;
		sums[i].executed += executed;
		total.held += held;
		total.attendance += people;
		total.appeals += appeals;
		total.given += given;
		total.executed += executed;
		total.groups++;
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return -1;
	report_row_add(r, t, total.held, total.name, "", report_number(r, total.held),
		       report_number(r, total.attendance), report_number(r, total.appeals),
		       report_number(r, total.given), report_number(r, total.executed))
		->total = true;
	t = report_table_add(r, "by-territory", "По территориям", 2, "Территория", "Групп",
			     "Встреч проведено", "Участников", "Обращений принято",
			     "Поручений дано", "Поручений исполнено", NULL);
	for (size_t i = 0; i <= n; i++) {
		const struct territory_sum *x = i < n ? &sums[i] : &total;
		report_row_add(r, t, x->held, x->name, report_number(r, x->groups),
			       report_number(r, x->held), report_number(r, x->attendance),
			       report_number(r, x->appeals), report_number(r, x->given),
			       report_number(r, x->executed))
			->total = i == n;
	}
	return 0;
}

/* GET /admin/reports/groups?year=&half= — the summary of the information groups' work for a
 * year or its first or second half (seed 001 §3.9): meetings held, attendance, appeals handed
 * in at them and the instructions of their protocols given and executed, by group and by
 * territory (default: this year). ?format=csv downloads it. */
enum http_status page_admin_report_groups(struct request *req)
{
	enum http_status status;
	bool csv = want_csv(req, &status);
	if (status != HTTP_OK)
		return status;
	int year = req->field[FIELD_YEAR].state == FIELD_VALID
			   ? (int)req->field[FIELD_YEAR].number
			   : tz_local_date(req->now).year;
	int half = req->field[FIELD_HALF].state == FIELD_VALID ? (int)req->field[FIELD_HALF].number
							       : 0;
	struct civil_date first = {year, half == 2 ? 7 : 1, 1};
	struct civil_date after = add_months(first, half ? 6 : 12);
	const char *period = half ? arena_printf(req->arena, "%s полугодие %d г.",
						 half == 1 ? "первое" : "второе", year)
				  : arena_printf(req->arena, "%d год", year);
	struct report r;
	report_init(&r, req, "Итоги работы информационных групп", period);
	if (groups_tables(&r, local_midnight(first), local_midnight(after)) < 0) {
		db_log_error(&req->worker->db, "groups report");
		return HTTP_INTERNAL_ERROR;
	}
	if (csv) {
		const char *suffix = half ? arena_printf(req->arena, "%d-%d", year, half)
					  : arena_printf(req->arena, "%d", year);
		return report_send_csv(
			&r, arena_printf(req->arena, "информационные-группы-%s.csv", suffix),
			arena_printf(req->arena, "groups-%s.csv", suffix));
	}
	tpl_dict *d = page_begin(req, "admin_report.tpl", r.title, NAV_STAFF_REPORTS);
	tpl_dict *f = tpl_section_add(d, "FORM_HALF");
	tpl_set_int(f, "YEAR", year);
	tpl_section_show(f, half == 1 ? "FIRST" : half == 2 ? "SECOND" : "WHOLE");
	return show(req, &r, d);
}

/* ---- the monthly export ----------------------------------------------------------------- */

/* GET /admin/reports/monthly?month=YYYY-MM — appeals received in a month by classifier code and
 * outcome, one row per code with totals, the table municipalities send upward each month
 * (default: this month). 400 for a month not shaped YYYY-MM. ?format=csv downloads it. */
enum http_status page_admin_report_monthly(struct request *req)
{
	enum http_status status;
	bool csv = want_csv(req, &status);
	if (status != HTTP_OK)
		return status;
	struct civil_date today = tz_local_date(req->now);
	struct civil_date month = {today.year, today.month, 1};
	const struct field_value *fm = &req->field[FIELD_MONTH];
	if (fm->state == FIELD_VALID) {
		char date[16];
		snprintf(date, sizeof date, "%s-01", fm->text);
		if (strlen(fm->text) != 7 || fm->text[4] != '-' || !civil_date_parse(date, &month)) {
			page_reject(req, FIELD_MONTH, "укажите месяц в виде ГГГГ-ММ, например 2026-03");
			return HTTP_BAD_REQUEST;
		}
	}
	struct report r;
	report_init(&r, req, "Обращения граждан по тематике и результатам за месяц",
		    arena_printf(req->arena, "%s %d г.", ru_month_nominative(month.month),
				 month.year));
	struct report_table *t = report_table_add(
		&r, "by-code", "По кодам тематического классификатора", 2, "Код", "Тема",
		"Поступило", "Дан ответ по существу", "Направлено по компетенции",
		"Оставлено без ответа (ст. 11)", "На рассмотрении", NULL);
	t->note = "Обращения, поступившие в месяце, и их состояние на дату выгрузки.";
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_REPORT_MONTHLY);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)local_midnight(month));
	sqlite3_bind_int64(s, 2, (sqlite3_int64)local_midnight(add_months(month, 1)));
	long long sum[5] = {0};
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		long long v[5];
		for (int i = 0; i < 5; i++) {
			v[i] = sqlite3_column_int64(s, 2 + i);
			sum[i] += v[i];
		}
		bool no_code = sqlite3_column_type(s, 0) == SQLITE_NULL;
		report_row_add(&r, t, v[0], no_code ? "—" : db_text(req->arena, s, 0),
			       no_code ? "тема не указана" : db_text(req->arena, s, 1),
			       report_number(&r, v[0]), report_number(&r, v[1]),
			       report_number(&r, v[2]), report_number(&r, v[3]),
			       report_number(&r, v[4]));
	}
	db_done(s);
	if (rc != SQLITE_DONE) {
		db_log_error(&req->worker->db, "monthly report");
		return HTTP_INTERNAL_ERROR;
	}
	report_row_add(&r, t, sum[0], "Итого", "", report_number(&r, sum[0]),
		       report_number(&r, sum[1]), report_number(&r, sum[2]),
		       report_number(&r, sum[3]), report_number(&r, sum[4]))
		->total = true;
	const char *ym = arena_printf(req->arena, "%04d-%02d", month.year, month.month);
	if (csv)
		return report_send_csv(&r, arena_printf(req->arena, "обращения-%s.csv", ym),
				       arena_printf(req->arena, "appeals-%s.csv", ym));
	tpl_dict *d = page_begin(req, "admin_report.tpl", r.title, NAV_STAFF_REPORTS);
	tpl_set(tpl_section_add(d, "FORM_MONTH"), "MONTH", ym);
	return show(req, &r, d);
}

/* GET /admin/reports — the list of reports with the current periods filled in. */
enum http_status page_admin_reports(struct request *req)
{
	tpl_dict *d = page_begin(req, "admin_reports.tpl", "Отчёты", NAV_STAFF_REPORTS);
	struct civil_date today = tz_local_date(req->now);
	tpl_set_int(d, "YEAR", today.year);
	tpl_set_int(d, "PREVIOUS_YEAR", today.year - 1);
	tpl_set(d, "FROM", iso_date(req, (struct civil_date){today.year, 1, 1}));
	tpl_set(d, "TO", iso_date(req, today));
	tpl_set(d, "MONTH", arena_printf(req->arena, "%04d-%02d", today.year, today.month));
	return page_end(req, HTTP_OK);
}
