/* report_compliance.c — the compliance report (/admin/reports/compliance): the required
 * frequencies of meetings, the 5-day rule, the deadlines of protocols, answers and instructions and
 * the plan of measures, for any period. */
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "civil_time.h"
#include "db_meeting_staff.h"
#include "page.h"
#include "pages.h"
#include "protocol.h"
#include "plan.h"
#include "report.h"
#include "report_page.h"
#include "report_plan.h"
#include "ru.h"
#include "worker.h"

#define COMPLIANCE_MAX_DAYS (10 * 366) /* a longer period would list hundreds of months */

#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define MIN(a, b) ((a) < (b) ? (a) : (b))

/* The meetings' states as the violations table shows them. */
static const char *const meeting_statuses[][2] = {
	{"draft", "черновик"},     {"approved", "утверждена"}, {"postponed", "перенесена"},
	{"cancelled", "отменена"}, {"held", "проведена"},
};

/* The label of code in a table of {code, label} pairs, the code itself when it has none. */
static const char *label_of(const char *const table[][2], size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(table[i][0], code) == 0)
			return table[i][1];
	return code;
}
#define LABEL(table, code) label_of(table, sizeof table / sizeof table[0], code)

#define COMPLIANCE_LIST_ROWS 100 /* rows of a list shown on the page; the CSV has them all */

/* Held and planned meetings of kind in [from, to) of municipality body (0: of every one). 0, or
 * -1 on a database error. */
static int kind_count(struct request *req, const char *kind, long long body, time_t from,
		      time_t to, long long *held, long long *planned)
{
	return db_report_kind_count(&req->worker->db, kind, from, to, body, 0, held, planned);
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

static const char *const calendar_note =
	"Требование — к календарному периоду, поэтому строки — календарные периоды, которые "
	"пересекаются с периодом отчёта, и встречи считаются за весь такой период; «из них в "
	"периоде отчёта» — только встречи между датами отчёта, их итог — в сводке.";

/* One frequency rule of one kind over the calendar periods (months long) that overlap the
 * report's period [start, end): a row per period with the meetings of the whole calendar period
 * (the rule is about calendar periods) and of its part inside the report's period, then the
 * totals. Returns the meetings held in [start, end), the summary's number, or -1 on a database
 * error. */
static long long frequency_table(struct report *r, const char *id, const char *caption,
				 const char *kind, int months, struct civil_date from,
				 struct civil_date to)
{
	struct request *req = r->req;
	struct report_table *t = report_table_add(r, id, caption, 1, "Период",
						  "Проведено за период", "Из них в периоде отчёта",
						  "Назначено", "Требование", NULL);
	t->note = calendar_note;
	time_t start = report_local_midnight(from),
	       stop = report_local_midnight(civil_date_add_days(to, 1));
	struct civil_date p = {from.year, (from.month - 1) / months * months + 1, 1};
	long long held_total = 0, part_total = 0, planned_total = 0;
	while (civil_date_compare(p, to) <= 0) {
		struct civil_date next = report_add_months(p, months);
		long long held, planned, part, unused;
		time_t begin = report_local_midnight(p), end = report_local_midnight(next);
		if (kind_count(req, kind, r->body, begin, end, &held, &planned) < 0 ||
		    kind_count(req, kind, r->body, MAX(begin, start), MIN(end, stop), &part,
			       &unused) < 0)
			return -1;
		const char *label = months == 12
					    ? arena_printf(req->arena, "%d год", p.year)
					    : arena_printf(req->arena, "%s %d г.",
							   ru_month_nominative(p.month), p.year);
		REPORT_ROW(r, t, report_text(label), report_number(r, held), report_number(r, part),
			   report_number(r, planned),
			   report_text(verdict(req, end, held, planned)));
		held_total += held;
		part_total += part;
		planned_total += planned;
		p = next;
	}
	REPORT_ROW(r, t, report_text("Итого"), report_number(r, held_total),
		   report_number(r, part_total), report_number(r, planned_total), report_text(""))
		->total = true;
	return part_total;
}

static const char *quarter_name(struct request *req, struct civil_date q)
{
	static const char *const roman[] = {"I", "II", "III", "IV"};
	return arena_printf(req->arena, "%s кв. %d", roman[(q.month - 1) / 3], q.year);
}

/* Each information group's field meetings, quarter by quarter, over the quarters that overlap
 * the report's period [from, to] and in which the group existed: from the quarter after the one
 * it was created in — that one counts only if the group already met in it (a part of a quarter
 * is not a quarter to meet in), and a quarter before its creation only if it met then anyway
 * (imported history). -1 on a database error, else 0 with the meetings held inside the report's
 * dates in *held_in_period. */
static int groups_quarterly(struct report *r, struct civil_date from, struct civil_date to,
			    long long *held_in_period)
{
	struct request *req = r->req;
	struct group_quarters {
		long long id;
		const char *name;
		long long quarters, kept, held, part, planned;
		struct buf missed;
	} *groups = NULL;
	size_t count = 0, cap = 0;
	time_t start = report_local_midnight(from),
	       stop = report_local_midnight(civil_date_add_days(to, 1));
	struct civil_date q = {from.year, (from.month - 1) / 3 * 3 + 1, 1};
	*held_in_period = 0;
	while (civil_date_compare(q, to) <= 0) {
		struct civil_date next = report_add_months(q, 3);
		time_t begin = report_local_midnight(q), end = report_local_midnight(next);
		struct report_group_quarter *rows;
		size_t row_count;
		if (db_report_group_quarter(&req->worker->db, req->arena, begin, end,
					    MAX(begin, start), MIN(end, stop), r->body, &rows,
					    &row_count) < 0)
			return -1;
		for (size_t k = 0; k < row_count; k++) {
			const struct report_group_quarter *row = &rows[k];
			time_t created = row->created_at;
			long long held = row->held, part = row->held_in_part, planned = row->planned;
			if (created >= end && held == 0)
				continue; /* the group did not exist yet */
			long long id = row->id;
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
				groups[i].name = row->name;
				buf_init(&groups[i].missed, req->arena);
				count++;
			}
			groups[i].planned += planned;
			groups[i].held += held;
			groups[i].part += part;
			*held_in_period += part;
			if (held > 0) {
				groups[i].quarters++;
				groups[i].kept++;
			} else if (created < begin) {
				groups[i].quarters++; /* a whole quarter of the group's life */
				if (end <= req->now) {
					if (groups[i].missed.len > 0)
						buf_puts(&groups[i].missed, ", ");
					buf_puts(&groups[i].missed, quarter_name(req, q));
				}
			}
		}
		q = next;
	}
	struct report_table *t = report_table_add(
		r, "groups", "Выездные встречи информационных групп — не реже раза в квартал", 3,
		"Информационная группа", "Кварталов учтено", "Кварталов со встречей",
		"Проведено за эти кварталы", "Из них в периоде отчёта", "Назначено",
		"Прошедшие кварталы без встречи", NULL);
	t->note = "Считаются календарные кварталы, которые пересекаются с периодом отчёта, начиная "
		  "с квартала, следующего за созданием группы; квартал создания учитывается, только "
		  "если группа успела в нём провести встречу. «Из них в периоде отчёта» — встречи "
		  "между датами отчёта, их итог — в сводке.";
	struct group_quarters total = {.name = "Итого"};
	for (size_t i = 0; i <= count; i++) {
		struct group_quarters *g = i < count ? &groups[i] : &total;
		REPORT_ROW(r, t, report_text(g->name), report_number(r, g->quarters),
			   report_number(r, g->kept), report_number(r, g->held),
			   report_number(r, g->part), report_number(r, g->planned),
			   report_text(i == count ? "" : g->missed.len ? g->missed.data : "—"))
			->total = i == count;
		if (i == count)
			break;
		total.quarters += g->quarters;
		total.kept += g->kept;
		total.held += g->held;
		total.part += g->part;
		total.planned += g->planned;
	}
	return 0;
}

/* The count of a list read into t (rc from its reader, n rows): n, or -1 when reading failed. */
static long long listed(int rc, size_t n)
{
	return rc < 0 ? -1 : (long long)n;
}

/* A row of the violations table. */
static void violation_row(struct report *r, struct report_table *t, const struct report_meeting *m)
{
	REPORT_ROW(r, t, report_text(m->title), report_instant_cell(r, m->starts_at),
		   report_instant_cell(r, m->deadline_at - 1),
		   report_text(LABEL(meeting_statuses, m->status)));
}

/* A row of the exceptions table. */
static void exception_row(struct report *r, struct report_table *t, const struct report_meeting *m)
{
	REPORT_ROW(r, t, report_text(m->title), report_instant_cell(r, m->starts_at),
		   report_text(m->exception));
}

/* A row of the table of appeals answered or forwarded late. */
static void late_row(struct report *r, struct report_table *t, const struct report_late_appeal *l)
{
	REPORT_ROW(r, t, report_text(l->number), report_text(l->topic),
		   report_text(l->forwarded ? "направлено по компетенции" : "дан ответ"),
		   report_iso_cell(r, l->due_on), report_iso_cell(r, l->done_on),
		   report_number(r, l->days_late));
}

/* A row of the table of open appeals past their date due. */
static void overdue_row(struct report *r, struct report_table *t, const struct report_late_appeal *l)
{
	REPORT_ROW(r, t, report_text(l->number), report_text(l->topic),
		   report_iso_cell(r, l->due_on), report_number(r, l->days_late));
}

/* The protocols of the meetings held in [start, end) handed to the control sector after their
 * due date (the kind's working days after the meeting, where its act sets them: regulation № 44 on
 * information groups §3.6.9), and those not handed although the date has passed (a meeting without
 * any protocol among them, but for a personal reception), into t: -1 on a database error, else 0
 * with the counts in *late and *missing. */
static int protocols_late(struct report *r, struct report_table *t, time_t start, time_t end,
			  long long *late, long long *missing)
{
	struct request *req = r->req;
	struct workcal cal;
	if (workdays_current(&req->worker->db, &cal) < 0)
		return -1;
	struct civil_date today = tz_local_date(req->now);
	struct report_protocol *list;
	size_t count;
	if (db_report_protocols(&req->worker->db, req->arena, start, end, r->body, &list, &count) < 0)
		return -1;
	*late = *missing = 0;
	t->page_limit = COMPLIANCE_LIST_ROWS;
	for (size_t i = 0; i < count; i++) {
		const struct report_protocol *p = &list[i];
		if (p->handover_days <= 0)
			continue; /* the kind's act sets no handover deadline */
		struct civil_date due =
			protocol_handover_due(&cal, tz_local_date(p->starts_at), p->handover_days, NULL);
		bool handed = p->handed;
		struct civil_date until = handed ? tz_local_date(p->handed_at) : today;
		long days = civil_date_diff(until, due);
		if (days <= 0)
			continue;
		const char *state = handed ? arena_printf(req->arena, "передан %s",
							  report_date_words(req, until))
				    : !p->has_protocol ? "протокол не составлен"
				    : !p->signed_      ? "не подписан, не передан"
						       : "подписан, не передан";
		REPORT_ROW(r, t, report_text(p->title), report_instant_cell(r, p->starts_at),
			   report_date(r, due), report_text(state), report_number(r, days));
		if (handed)
			(*late)++;
		else
			(*missing)++;
	}
	return 0;
}

/* A row of the table of instructions not carried out by their due dates. */
static void instruction_late_row(struct report *r, struct report_table *t,
				 const struct report_instruction *in)
{
	struct request *req = r->req;
	const char *label = instruction_status_label(in->status);
	const char *state = label ? label : in->status;
	if (in->done) {
		struct civil_date d;
		const char *reported =
			civil_date_parse(in->done_on, &d) ? report_date_words(req, d) : in->done_on;
		state = strcmp(in->status, "accepted") == 0
				? arena_printf(req->arena, "исполнено, доложено %s", reported)
				: arena_printf(req->arena, "доложено %s, ждёт приёмки контролёром",
					       reported);
	}
	const char *source = *in->meeting ? arena_printf(req->arena, "протокол встречи «%s»",
							 in->meeting)
			     : *in->appeal ? arena_printf(req->arena, "обращение № %s", in->appeal)
					   : "—";
	REPORT_ROW(r, t, report_text(in->text), report_text(source),
		   report_text(*in->unit ? in->unit : "—"), report_iso_cell(r, in->due_on),
		   report_text(state), report_number(r, in->days_late));
}

/* The figures of the summary table, in its order (names in compliance()). */
struct compliance_counts {
	long long head_held, reception_held, group_held;
	long long violations, exceptions, protocols_handed_late, protocols_missing;
	long long answered_late, overdue, instructions_late;
	long long plan[3]; /* enum plan_state */
};

/* The meetings the acts require, the 5-day rule and the protocols' handover over [from, to]
 * (local dates; start and end the UTC instants of their bounds). -1 on a database error. */
static int meetings_tables(struct report *r, struct civil_date from, struct civil_date to,
			   time_t start, time_t end, struct compliance_counts *c)
{
	struct request *req = r->req;
	struct db *db = &req->worker->db;
	struct report_table *t;
	struct report_meeting *list;
	size_t n = 0;
	c->head_held = frequency_table(
		r, "head-mass", "Встречи главы с массовым участием жителей — не реже раза в год",
		"head_mass", 12, from, to);
	c->reception_held = frequency_table(r, "reception", "Личный приём главы — ежемесячно",
					    "personal_reception", 1, from, to);
	if (c->head_held < 0 || c->reception_held < 0 ||
	    groups_quarterly(r, from, to, &c->group_held) < 0)
		return -1;
	t = report_table_add(r, "violations",
			     "Нарушения правила 5 дней: место и время не опубликованы вовремя", -1,
			     "Встреча", "Дата встречи", "Последний день публикации", "Состояние",
			     NULL);
	t->page_limit = COMPLIANCE_LIST_ROWS;
	int rc = db_report_violations(db, req->arena, start, end, r->body, &list, &n);
	for (size_t i = 0; rc == 0 && i < n; i++)
		violation_row(r, t, &list[i]);
	c->violations = listed(rc, n);
	t = report_table_add(r, "exceptions",
			     "Утверждены менее чем за 5 дней в порядке исключения", -1, "Встреча",
			     "Дата встречи", "Обоснование исключения", NULL);
	t->page_limit = COMPLIANCE_LIST_ROWS;
	rc = db_report_exceptions(db, req->arena, start, end, r->body, &list, &n);
	for (size_t i = 0; rc == 0 && i < n; i++)
		exception_row(r, t, &list[i]);
	c->exceptions = listed(rc, n);
	t = report_table_add(r, "protocols-late",
			     "Протоколы, переданные в сектор контроля позже срока или не переданные",
			     -1, "Встреча", "Дата встречи", "Срок передачи", "Состояние",
			     "Дней просрочки", NULL);
	t->note = "Срок — 5 рабочих дней после встречи по производственному календарю, для "
		  "выездных встреч информационных групп (Положение об информационных группах, "
		  "п. 3.6.9); для других видов встреч акты срок передачи не устанавливают. "
		  "Непереданные протоколы — на сегодня.";
	if (protocols_late(r, t, start, end, &c->protocols_handed_late, &c->protocols_missing) < 0)
		return -1;
	return c->violations < 0 || c->exceptions < 0 ? -1 : 0;
}

/* Appeals answered or forwarded late over [start, end), and those overdue today; instructions
 * not carried out by their due dates in [from, to]. -1 on a database error. */
static int appeals_and_instructions_tables(struct report *r, struct civil_date from,
					   struct civil_date to, time_t start, time_t end,
					   struct compliance_counts *c)
{
	struct request *req = r->req;
	struct db *db = &req->worker->db;
	struct report_table *t;
	struct report_late_appeal *late;
	size_t n = 0;
	t = report_table_add(r, "answered-late",
			     "Обращения, ответ на которые дан или которые направлены по компетенции "
			     "позже срока",
			     -1, "Номер", "Тема", "Что сделано", "Срок", "Дата", "Дней просрочки",
			     NULL);
	t->note = "Срок ответа — 30 дней (с продлением — до 60), срок направления по компетенции — "
		  "7 дней с регистрации (ст. 8 и 12 59-ФЗ); так же их считает таблица сроков в "
		  "анализе обращений за год.";
	t->page_limit = COMPLIANCE_LIST_ROWS;
	int rc = db_report_answered_late(db, req->arena, start, end, report_utc_offset(start),
					 r->body, &late, &n);
	for (size_t i = 0; rc == 0 && i < n; i++)
		late_row(r, t, &late[i]);
	c->answered_late = listed(rc, n);
	const char *today = report_iso_date(req, tz_local_date(req->now));
	t = report_table_add(r, "overdue",
			     arena_printf(req->arena, "Обращения без ответа, срок которых истёк, на %s",
					  report_date_words(req, tz_local_date(req->now))),
			     -1, "Номер", "Тема", "Срок ответа", "Дней просрочки", NULL);
	t->page_limit = COMPLIANCE_LIST_ROWS;
	rc = db_report_open_overdue(db, req->arena, today, r->body, &late, &n);
	for (size_t i = 0; rc == 0 && i < n; i++)
		overdue_row(r, t, &late[i]);
	c->overdue = listed(rc, n);
	t = report_table_add(r, "instructions-late", "Поручения, не исполненные в срок", -1,
			     "Поручение", "Основание", "Подразделение", "Срок исполнения",
			     "Состояние", "Дней просрочки", NULL);
	t->note = "Поручения со сроком в периоде отчёта; исполненным в срок считается поручение, "
		  "по которому исполнитель доложил не позже срока. Отменённые не учитываются.";
	t->page_limit = COMPLIANCE_LIST_ROWS;
	struct report_instruction *instructions;
	rc = db_report_instructions_late(db, req->arena, report_iso_date(req, from),
					 report_iso_date(req, to), today, report_utc_offset(start),
					 r->body, &instructions, &n);
	for (size_t i = 0; rc == 0 && i < n; i++)
		instruction_late_row(r, t, &instructions[i]);
	c->instructions_late = listed(rc, n);
	return c->answered_late < 0 || c->overdue < 0 || c->instructions_late < 0 ? -1 : 0;
}

/* The compliance report over local dates [from, to]: the summary, then the tables it sums up;
 * with_plan, the plan of measures of the report's municipality (of the own one for the whole
 * installation: report_plan.c) when it has one. -1 on a database error. */
static int compliance(struct report *r, struct civil_date from, struct civil_date to,
		      bool with_plan)
{
	time_t start = report_local_midnight(from),
	       end = report_local_midnight(civil_date_add_days(to, 1));
	/* Filled last, shown first; kept by index, as later tables may move the array. */
	size_t summary = r->table_count;
	struct report_table *t =
		report_table_add(r, "summary", "Сводка за период", 1, "Показатель", "Количество", NULL);
	t->note = "Встречи — проведённые между датами отчёта (итоги столбцов «из них в периоде "
		  "отчёта» в таблицах ниже).";
	struct compliance_counts c = {0};
	if (meetings_tables(r, from, to, start, end, &c) < 0 ||
	    appeals_and_instructions_tables(r, from, to, start, end, &c) < 0)
		return -1;
	if (with_plan) {
		int measures = report_plan_tables(r, from, to, c.plan);
		if (measures < 0)
			return -1;
		with_plan = measures > 0; /* a body without a plan: no plan rows */
	}
	static const char *const names[] = {
		"Встречи главы с массовым участием жителей: проведено",
		"Личные приёмы главы: проведено",
		"Выездные встречи информационных групп: проведено",
		"Нарушения правила 5 дней",
		"Встречи, утверждённые в порядке исключения",
		"Протоколы, переданные в сектор контроля позже срока",
		"Протоколы не переданы, срок истёк (на сегодня)",
		"Ответы на обращения и направления по компетенции позже срока",
		"Обращения без ответа, срок истёк (на сегодня)",
		"Поручения, не исполненные в срок",
		"План мероприятий: периодов выполнено",
		"План мероприятий: периодов не выполнено",
		"План мероприятий: периодов идёт",
	};
	long long values[] = {c.head_held,	       c.reception_held,	  c.group_held,
			      c.violations,	       c.exceptions,		  c.protocols_handed_late,
			      c.protocols_missing,     c.answered_late,		  c.overdue,
			      c.instructions_late,     c.plan[PLAN_FULFILLED],	  c.plan[PLAN_MISSING],
			      c.plan[PLAN_PENDING]};
	size_t rows = sizeof values / sizeof values[0] - (with_plan ? 0 : 3);
	for (size_t i = 0; i < rows; i++)
		REPORT_ROW(r, &r->tables[summary], report_text(names[i]),
			   report_number(r, values[i]));
	return 0;
}

/* GET /admin/reports/compliance?from=&to=&municipality= — the compliance report for local dates
 * from..to. Without from, 1 January of to's year; without to, today (31 December of from's year
 * when from is later). With a municipality, its meetings, groups, appeals and instructions only
 * (issue 18 item 5); without, the whole installation — or, for a scoped account, its own body
 * (report_body). 400 for a format other than csv; 400 with the form and the error beside the
 * field for a date that does not parse, dates out of order or more than 10 years apart, or a
 * municipality that does not exist or is not of the account's bodies. ?format=csv downloads
 * it. */
enum http_status page_admin_report_compliance(struct request *req)
{
	static const char title[] = "Соблюдение требований муниципальных актов";
	bool csv = report_want_csv(req);
	if (req->field[FIELD_FORMAT].state == FIELD_INVALID)
		return HTTP_BAD_REQUEST;
	const struct field_value *ff = &req->field[FIELD_FROM], *ft = &req->field[FIELD_TO];
	struct civil_date today = tz_local_date(req->now);
	struct civil_date to = ft->state == FIELD_VALID ? ft->date : today;
	struct civil_date from = ff->state == FIELD_VALID ? ff->date
							  : (struct civil_date){to.year, 1, 1};
	if (ff->state == FIELD_VALID && ft->state != FIELD_VALID &&
	    civil_date_compare(from, today) > 0)
		to = (struct civil_date){from.year, 12, 31};
	if (ff->state == FIELD_VALID && ft->state == FIELD_VALID &&
	    civil_date_compare(from, to) > 0)
		page_reject(req, FIELD_TO, "раньше даты «с»");
	else if (civil_date_diff(to, from) > COMPLIANCE_MAX_DAYS)
		page_reject(req, FIELD_TO, "период отчёта — не больше 10 лет");
	const struct municipality_item *body;
	if (report_body(req, &body) < 0)
		return HTTP_INTERNAL_ERROR;
	if (req->invalid_fields > 0)
		return report_form_errors_page(req, title, "FORM_PERIOD");
	struct report r;
	report_init(&r, req, title,
		    report_period_of(req,
				     arena_printf(req->arena, "с %s по %s",
						  report_date_words(req, from),
						  report_date_words(req, to)),
				     body));
	r.body = body ? body->id : 0;
	if (compliance(&r, from, to, true) < 0) {
		db_log_error(&req->worker->db, "compliance report");
		return HTTP_INTERNAL_ERROR;
	}
	if (csv)
		return report_send_csv(&r,
				       arena_printf(req->arena, "соблюдение-требований-%s-%s.csv",
						    report_iso_date(req, from),
						    report_iso_date(req, to)),
				       arena_printf(req->arena, "compliance-%s%s-%s.csv",
						    body ? arena_printf(req->arena, "%s-", body->slug)
							 : "",
						    report_iso_date(req, from),
						    report_iso_date(req, to)));
	tpl_dict *d = page_begin(req, "admin_report.tpl", r.title, NAV_STAFF_REPORTS);
	tpl_dict *f = tpl_section_add(d, "FORM_PERIOD");
	tpl_set(f, "from", report_iso_date(req, from));
	tpl_set(f, "to", report_iso_date(req, to));
	if (report_body_options(req, f, body, false) < 0)
		return HTTP_INTERNAL_ERROR;
	return report_show(req, &r, d);
}
