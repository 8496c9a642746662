/* page_admin_receptions.c — personal receptions for staff (issue 17; regulation № 44 on information groups §3.5.6,
 * §3.8.3–3.8.4, the Sosnovsky plan of measures № 803): reception schedules (who receives, where, weekday and hours, slot
 * length, topics) that generate draft reception meetings through the series code, the preset of
 * the all-Russian day of personal reception on 12 December, the day's queue of a reception
 * (printable) with the marks «пришёл» / «не пришёл», booking on a caller's behalf, and
 * cancelling a booking with a reason the resident is told by mail. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "civil_time.h"
#include "db_meeting_staff.h"
#include "page.h"
#include "pages.h"
#include "reception.h"
#include "workdays.h"
#include "reception_booking.h"
#include "router.h"
#include "ru.h"
#include "scope.h"
#include "series.h"
#include "series_drafts.h"
#include "staff_change.h"
#include "worker.h"

#define RECEPTION_MAX_MEETINGS 60 /* as a series: a year of weekly receptions */
#define RECEPTION_TITLE "Личный приём граждан"
#define DECEMBER_TITLE "Общероссийский день приёма граждан"
#define DECEMBER_SLOT_MINUTES 20

static const char *const weekday_names[8] = {"",        "понедельник", "вторник",
					     "среда",   "четверг",     "пятница",
					     "суббота", "воскресенье"};

/* A reception meeting's status for staff. */
static const char *status_words(const char *status)
{
	static const char *const words[][2] = {{"draft", "черновик, не утверждён"},
					       {"approved", "утверждён"},
					       {"postponed", "перенесён"},
					       {"cancelled", "отменён"},
					       {"held", "проведён"}};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(status, words[i][0]) == 0)
			return words[i][1];
	return status;
}

/* The territory of a venue: 0 when there is no such venue, -1 on a database error. */
static long long venue_territory(struct request *req, long long venue)
{
	long long territory = 0;
	int rc = db_staff_venue_territory(&req->worker->db, venue, &territory);
	return rc < 0 ? -1 : rc > 0 ? 0 : territory;
}

/* In the caller's transaction: the reception rows of the drafts in created. 0 or -1. */
static int insert_receptions(struct request *req, json_t *created, long long schedule,
			     int slot_minutes, const char *topics)
{
	size_t i;
	json_t *id;
	json_array_foreach(created, i, id) {
		sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_RECEPTION_INSERT);
		sqlite3_bind_int64(s, 1, json_integer_value(id));
		if (schedule)
			sqlite3_bind_int64(s, 2, schedule);
		sqlite3_bind_int(s, 3, slot_minutes);
		sqlite3_bind_text(s, 4, topics, -1, SQLITE_STATIC);
		if (db_run(s) != SQLITE_DONE)
			return -1;
	}
	return 0;
}

/* The person ids of [receptions] december_officials that are in the directory. */
static size_t december_officials(struct request *req, long long *out, size_t max)
{
	const char *list = req->worker->cfg->december_officials;
	struct staff_item *people;
	size_t np, n = 0;
	if (list == NULL || staff_load_items(req, STMT_PERSON_LIST, 0, &people, &np) < 0)
		return 0;
	for (const char *p = list; *p && n < max;) {
		char *end;
		long long id = strtoll(p, &end, 10);
		if (end == p) {
			p++;
			continue;
		}
		if (staff_has_item(people, np, id))
			out[n++] = id;
		p = end;
	}
	return n;
}

/* The next 12 December (local) on which the 5-day rule still allows the reception. */
static struct civil_date next_december_12(struct request *req)
{
	struct civil_date today = tz_local_date(req->now);
	struct civil_date d = {today.year, 12, 12};
	if (civil_date_diff(d, today) < 5)
		d.year++;
	return d;
}

/* «по средам», «по средам через неделю», «первая среда месяца». */
static const char *rule_words(struct request *req, const char *rule, int weekday, int ordinal)
{
	static const char *const plural[8] = {"",          "понедельникам", "вторникам",
					      "средам",    "четвергам",     "пятницам",
					      "субботам",  "воскресеньям"};
	/* The ordinal agrees with the weekday: masculine, feminine, neuter. */
	static const char *const ordinals[6][3] = {{"", "", ""},
						   {"первый", "первая", "первое"},
						   {"второй", "вторая", "второе"},
						   {"третий", "третья", "третье"},
						   {"четвёртый", "четвёртая", "четвёртое"},
						   {"последний", "последняя", "последнее"}};
	static const int gender[8] = {0, 0, 0, 1, 0, 1, 1, 2};
	int w = weekday >= 1 && weekday <= 7 ? weekday : 0;
	switch (reception_rule_parse(rule)) {
	case RECEPTION_MONTHLY:
		return arena_printf(req->arena, "%s %s месяца",
				    ordinals[ordinal >= 1 && ordinal <= 5 ? ordinal : 0][gender[w]],
				    weekday_names[w]);
	case RECEPTION_BIWEEKLY:
		return arena_printf(req->arena, "по %s через неделю", plural[w]);
	default:
		return arena_printf(req->arena, "по %s", plural[w]);
	}
}

/* GET /admin/receptions — the schedules, the coming receptions with how many are booked, and
 * the 12 December preset when [receptions] names its officials. */
enum http_status page_admin_receptions(struct request *req)
{
	tpl_dict *d = page_begin(req, "admin_receptions.tpl", "Личный приём", NAV_STAFF_MEETINGS);
	bool writer = req->staff->role & MEETING_WRITERS;
	if (writer)
		tpl_section_show(d, "CAN_CREATE");
	struct reception_schedule_item *schedules;
	size_t rows;
	if (db_reception_schedules(&req->worker->db, req->arena, scope_bind_value(req), &schedules,
				   &rows) < 0)
		return HTTP_INTERNAL_ERROR;
	for (size_t i = 0; i < rows; i++) {
		const struct reception_schedule_item *sc = &schedules[i];
		tpl_dict *row = tpl_section_add(d, "SCHEDULE");
		tpl_set_int(row, "SERIES", sc->series);
		tpl_set(row, "PERSON", sc->person);
		tpl_set(row, "VENUE", sc->venue);
		int from = sc->start, to = sc->end, slot = sc->slot;
		long long n = sc->receptions;
		tpl_set_int(row, "ID", sc->id);
		tpl_set(row, "RULE",
			arena_printf(req->arena, "%s, %02d:%02d–%02d:%02d, по %d %s",
				     rule_words(req, sc->rule, sc->weekday, sc->ordinal),
				     from / 60, from % 60, to / 60, to % 60, slot,
				     ru_plural(slot, "минуте", "минуты", "минут")));
		tpl_set(row, "COUNT", arena_printf(req->arena, "%lld %s", n,
						   ru_plural(n, "приём", "приёма", "приёмов")));
	}
	tpl_section_show(d, rows ? "HAS_SCHEDULES" : "NO_SCHEDULES");
	struct reception_upcoming *upcoming;
	if (db_reception_upcoming(&req->worker->db, req->arena, req->now - 86400,
				  scope_bind_value(req), &upcoming, &rows) < 0)
		return HTTP_INTERNAL_ERROR;
	for (size_t i = 0; i < rows; i++) {
		const struct reception_upcoming *u = &upcoming[i];
		tpl_dict *row = tpl_section_add(d, "RECEPTION");
		tpl_set_int(row, "ID", u->id);
		page_set_datetime(row, "STARTS", u->starts);
		tpl_set(row, "STATUS", status_words(u->status));
		tpl_set(row, "PERSON", u->person);
		tpl_set(row, "VENUE", u->venue);
		size_t total = reception_slot_count(u->starts, u->ends, u->slot_minutes);
		tpl_set(row, "BOOKED", arena_printf(req->arena, "%lld из %zu", u->booked, total));
	}
	tpl_section_show(d, rows ? "HAS_RECEPTIONS" : "NO_RECEPTIONS");
	long long officials[16];
	if (writer && december_officials(req, officials, 16) > 0 &&
	    atoll(req->worker->cfg->december_venue) > 0) {
		tpl_dict *p = tpl_section_add(d, "DECEMBER");
		tpl_set(p, "DAY", page_date_words(req, next_december_12(req)));
	}
	return page_end(req, HTTP_OK);
}

/* Read schedule id into *out. 0 found, 1 none, -1 on a database error. */
static int schedule_load(struct request *req, long long id, struct reception_schedule *out)
{
	return db_reception_schedule_get(&req->worker->db, req->arena, id, out);
}

/* The dates a schedule gives, and those a holiday took. */
struct schedule_dates {
	struct civil_date dates[RECEPTION_MAX_MEETINGS];
	size_t count; /* may exceed RECEPTION_MAX_MEETINGS: the period is too long */
	struct civil_date moved[16];
	size_t moved_count;
};

/* The dates of rule (a code) over [from, to] by the production calendar. -1 when the calendar
 * cannot be read. */
static int schedule_dates(struct request *req, const char *rule, int weekday, int ordinal,
			  struct civil_date from, struct civil_date to, struct schedule_dates *out)
{
	struct workcal cal;
	if (workdays_load(&req->worker->db, req->arena, &cal) < 0)
		return -1;
	int r = reception_rule_parse(rule);
	out->count = reception_schedule_dates(&cal, r < 0 ? RECEPTION_WEEKLY : (enum reception_rule)r,
					      weekday, ordinal, from, to, out->dates,
					      RECEPTION_MAX_MEETINGS, out->moved, 16,
					      &out->moved_count);
	return 0;
}

/* The receptions of schedule id, in order of time, from the arena. -1 on a database error. */
static int schedule_meetings(struct request *req, long long id,
			     struct reception_schedule_meeting **out, size_t *count)
{
	return db_reception_schedule_meetings(&req->worker->db, req->arena, id, out, count);
}

/* The index of the date of d the reception m has exactly as the schedule row would make it
 * (day, hours, official, place); -1 when it has not. */
static int schedule_match(const struct schedule_dates *d, const struct reception_schedule *row,
			  const struct reception_schedule_meeting *m)
{
	size_t n = d->count < RECEPTION_MAX_MEETINGS ? d->count : RECEPTION_MAX_MEETINGS;
	for (size_t i = 0; i < n; i++)
		if (m->starts == tz_local_to_utc(d->dates[i], row->start / 60, row->start % 60) &&
		    m->ends == tz_local_to_utc(d->dates[i], row->end / 60, row->end % 60) &&
		    m->host == row->person && m->venue == row->venue)
			return (int)i;
	return -1;
}

/* True for a reception a schedule may still change: ahead and neither cancelled nor held. */
static bool schedule_changeable(struct request *req, const struct reception_schedule_meeting *m)
{
	return m->starts > req->now && strcmp(m->status, "cancelled") != 0 &&
	       strcmp(m->status, "held") != 0;
}

/* The form's values on d: what was posted, else the schedule's row, else a new one's defaults;
 * a time, date or number input that failed to be one is emptied (the error beside it says what
 * was wrong). */
static void schedule_values(struct request *req, tpl_dict *d, const struct reception_schedule *row)
{
	const struct field_value *v = req->field;
	if (req->method == METHOD_POST) {
		page_form_fields(req, d);
	} else if (row) {
		tpl_set(d, "title", row->title);
		tpl_set(d, "start_time",
			arena_printf(req->arena, "%02d:%02d", row->start / 60, row->start % 60));
		tpl_set(d, "end_time",
			arena_printf(req->arena, "%02d:%02d", row->end / 60, row->end % 60));
		tpl_set_int(d, "slot_minutes", row->slot);
		tpl_set(d, "topics", row->topics);
		tpl_set(d, "period_from", row->from);
		tpl_set(d, "period_to", row->to);
	} else {
		tpl_set(d, "title", RECEPTION_TITLE);
		tpl_set(d, "slot_minutes", "15");
	}
	static const enum field typed[] = {FIELD_START_TIME, FIELD_END_TIME, FIELD_SLOT_MINUTES,
					   FIELD_PERIOD_FROM, FIELD_PERIOD_TO};
	for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++)
		if (v[typed[i]].state == FIELD_INVALID)
			tpl_set(d, field_specs[typed[i]].name, "");
}

/* The form's choices (section f): the host, the venue, the weekday, the rule and the ordinal,
 * each selected as posted, else as the schedule's row has it. 0, or -1 on a database error. */
static int schedule_choices(struct request *req, tpl_dict *f, const struct reception_schedule *row)
{
	const struct field_value *v = req->field;
	bool posted = req->method == METHOD_POST;
	long long host = posted ? (v[FIELD_HOST].state == FIELD_VALID ? v[FIELD_HOST].number : 0)
				: row ? row->person : 0;
	long long venue = posted ? (v[FIELD_VENUE].state == FIELD_VALID ? v[FIELD_VENUE].number : 0)
				 : row ? row->venue : 0;
	int weekday = posted ? (v[FIELD_WEEKDAY].state == FIELD_VALID ? (int)v[FIELD_WEEKDAY].number : 0)
			     : row ? row->weekday : 0;
	int ordinal = posted ? (v[FIELD_ORDINAL].state == FIELD_VALID ? (int)v[FIELD_ORDINAL].number : 0)
			     : row ? row->ordinal : 0;
	const char *rule = posted ? (v[FIELD_RULE].state == FIELD_VALID ? v[FIELD_RULE].text : "weekly")
				  : row ? row->rule : "weekly";
	struct staff_item *items;
	size_t n;
	if (staff_load_items(req, STMT_PERSON_LIST, 0, &items, &n) < 0)
		return -1;
	staff_item_options(req, f, "HOST_OPTION", items, n, host);
	if (staff_load_items(req, STMT_VENUE_LIST, scope_bind_value(req), &items, &n) < 0)
		return -1;
	staff_item_options(req, f, "VENUE_OPTION", items, n, venue);
	static const char *const rules[][2] = {{"weekly", "каждую неделю"},
					       {"biweekly", "через неделю"},
					       {"monthly", "раз в месяц"}};
	static const char *const ordinal_names[6] = {"",       "первый",    "второй",
						     "третий", "четвёртый", "последний"};
	for (int w = 1; w <= 7; w++) {
		tpl_dict *o = tpl_section_add(f, "WEEKDAY_OPTION");
		tpl_set_int(o, "N", w);
		tpl_set(o, "NAME", weekday_names[w]);
		if (weekday == w)
			tpl_section_show(o, "SELECTED");
	}
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
		tpl_dict *o = tpl_section_add(f, "RULE_OPTION");
		tpl_set(o, "CODE", rules[i][0]);
		tpl_set(o, "NAME", rules[i][1]);
		if (strcmp(rule, rules[i][0]) == 0)
			tpl_section_show(o, "SELECTED");
	}
	for (int k = 1; k <= 5; k++) {
		tpl_dict *o = tpl_section_add(f, "ORDINAL_OPTION");
		tpl_set_int(o, "N", k);
		tpl_set(o, "NAME", ordinal_names[k]);
		if (ordinal == k)
			tpl_section_show(o, "SELECTED");
	}
	return 0;
}

/* Schedule id's receptions (section SCHEDULE of d) with the days its rule moved off holidays;
 * those that stayed by the former rule because residents are booked on them are named. 0, or
 * -1 on a database error. */
static int schedule_receptions(struct request *req, tpl_dict *d, long long id,
			       const struct reception_schedule *row)
{
	tpl_dict *info = tpl_section_add(d, "SCHEDULE");
	tpl_set(info, "RULE", rule_words(req, row->rule, row->weekday, row->ordinal));
	tpl_set_int(info, "SERIES", row->series);
	struct civil_date from, to;
	struct schedule_dates dates = {0};
	if (civil_date_parse(row->from, &from) && civil_date_parse(row->to, &to) &&
	    schedule_dates(req, row->rule, row->weekday, row->ordinal, from, to, &dates) < 0)
		return -1;
	for (size_t i = 0; i < dates.moved_count && i < 16; i++)
		tpl_set(tpl_section_add(info, "HOLIDAY"), "DAY", page_date_words(req, dates.moved[i]));
	if (dates.moved_count > 0)
		tpl_section_show(info, "HAS_HOLIDAYS");
	struct reception_schedule_meeting *list;
	size_t count;
	if (schedule_meetings(req, id, &list, &count) < 0)
		return -1;
	for (size_t i = 0; i < count; i++) {
		const struct reception_schedule_meeting *m = &list[i];
		tpl_dict *r = tpl_section_add(info, "RECEPTION");
		tpl_set_int(r, "ID", m->id);
		page_set_datetime(r, "STARTS", m->starts);
		tpl_set(r, "STATUS", status_words(m->status));
		tpl_set(r, "BOOKED", arena_printf(req->arena, "%lld", m->active));
		if (schedule_changeable(req, m) && m->active > 0 &&
		    schedule_match(&dates, row, m) < 0) {
			tpl_section_show(r, "KEPT");
			tpl_section_show(info, "HAS_STAYED");
			tpl_dict *st = tpl_section_add(info, "STAYED");
			tpl_set_int(st, "ID", m->id);
			page_set_datetime(st, "STARTS", m->starts);
			tpl_set(st, "BOOKED",
				arena_printf(req->arena, "%lld %s", m->active,
					     ru_plural(m->active, "запись", "записи", "записей")));
		}
	}
	tpl_section_show(info, count == 0 ? "NO_RECEPTIONS" : "HAS_RECEPTIONS");
	return 0;
}

/* The form of a reception schedule: new (id 0) or schedule id with row (its receptions listed
 * below, and those that stayed by the former rule because residents are booked on them). */
static enum http_status schedule_form(struct request *req, enum http_status status, long long id,
				      const struct reception_schedule *row)
{
	const char *heading = id ? "График личного приёма" : "Новый график личного приёма";
	tpl_dict *d = page_begin(req, "admin_reception_new.tpl", heading, NAV_STAFF_MEETINGS);
	tpl_set(d, "HEADING", heading);
	if (req->staff->role & MEETING_WRITERS) {
		tpl_dict *f = tpl_section_add(d, "FORM");
		tpl_set(f, "ACTION", id ? arena_printf(req->arena, "/admin/receptions/schedules/%lld", id)
					: "/admin/receptions");
		tpl_set(f, "BUTTON", id ? "Сохранить график" : "Создать приёмы");
		tpl_section_show(d, id ? "EDIT_INTRO" : "NEW_INTRO");
		if (schedule_choices(req, f, row) < 0)
			return HTTP_INTERNAL_ERROR;
	}
	/* The form's values are set on d: the FORM section sees them. */
	schedule_values(req, d, row);
	if (row != NULL && schedule_receptions(req, d, id, row) < 0)
		return HTTP_INTERNAL_ERROR;
	return page_end(req, status);
}

/* GET /admin/receptions/new — the form of a reception schedule. */
enum http_status page_admin_reception_new(struct request *req)
{
	return schedule_form(req, HTTP_OK, 0, NULL);
}

/* What the schedule form gave, once checked. */
struct schedule_input {
	long long territory;
	int start, end;
	struct schedule_dates dates;
};

/* Check the schedule form beyond each field's own rule (page_reject beside the fields): a
 * person and venue of the directory, the end after the start and a slot that fits, a known
 * rule with, when monthly, which weekday of the month, a period that gives between 1 and
 * RECEPTION_MAX_MEETINGS receptions. -1 on a database error. */
static int check_schedule(struct request *req, struct schedule_input *in)
{
	const struct field_value *v = req->field;
	struct staff_item *people;
	size_t np;
	memset(in, 0, sizeof *in);
	if (staff_load_items(req, STMT_PERSON_LIST, 0, &people, &np) < 0)
		return -1;
	if (v[FIELD_HOST].state == FIELD_VALID && !staff_has_item(people, np, v[FIELD_HOST].number))
		page_reject(req, FIELD_HOST, "выберите из списка");
	if (v[FIELD_VENUE].state == FIELD_VALID) {
		in->territory = venue_territory(req, v[FIELD_VENUE].number);
		if (in->territory < 0)
			return -1;
		if (in->territory == 0)
			page_reject(req, FIELD_VENUE, "выберите место из списка");
	}
	in->start = v[FIELD_START_TIME].hour * 60 + v[FIELD_START_TIME].minute;
	in->end = v[FIELD_END_TIME].hour * 60 + v[FIELD_END_TIME].minute;
	if (v[FIELD_START_TIME].state == FIELD_VALID && v[FIELD_END_TIME].state == FIELD_VALID) {
		if (in->end <= in->start)
			page_reject(req, FIELD_END_TIME, "окончание должно быть позже начала");
		else if (v[FIELD_SLOT_MINUTES].state == FIELD_VALID &&
			 in->end - in->start < v[FIELD_SLOT_MINUTES].number)
			page_reject(req, FIELD_SLOT_MINUTES, "приём короче одного посетителя");
	}
	const char *rule = v[FIELD_RULE].state == FIELD_VALID ? v[FIELD_RULE].text : "weekly";
	bool rule_ok = reception_rule_parse(rule) >= 0;
	if (!rule_ok && v[FIELD_RULE].state == FIELD_VALID)
		page_reject(req, FIELD_RULE, "выберите, как часто проходит приём");
	bool monthly = rule_ok && reception_rule_parse(rule) == RECEPTION_MONTHLY;
	if (monthly && v[FIELD_ORDINAL].state == FIELD_ABSENT)
		page_reject(req, FIELD_ORDINAL, "выберите, какой по счёту день недели месяца");
	if (v[FIELD_PERIOD_FROM].state == FIELD_VALID && v[FIELD_PERIOD_TO].state == FIELD_VALID &&
	    v[FIELD_WEEKDAY].state == FIELD_VALID && rule_ok &&
	    (!monthly || v[FIELD_ORDINAL].state == FIELD_VALID)) {
		if (civil_date_compare(v[FIELD_PERIOD_FROM].date, v[FIELD_PERIOD_TO].date) > 0) {
			page_reject(req, FIELD_PERIOD_TO, "конец периода раньше его начала");
			return 0;
		}
		if (schedule_dates(req, rule, (int)v[FIELD_WEEKDAY].number,
				   monthly ? (int)v[FIELD_ORDINAL].number : 0,
				   v[FIELD_PERIOD_FROM].date, v[FIELD_PERIOD_TO].date, &in->dates) < 0)
			return -1;
		size_t n = in->dates.count;
		if (n == 0)
			page_reject(req, FIELD_PERIOD_TO,
				    in->dates.moved_count
					    ? "в этом периоде такие дни приходятся только на нерабочие "
					      "праздничные дни"
					    : "в этом периоде нет ни одного такого дня");
		else if (n > RECEPTION_MAX_MEETINGS)
			page_reject(req, FIELD_PERIOD_TO,
				    arena_printf(req->arena,
						 "получается %zu %s, а график может создать не "
						 "больше %d: сократите период",
						 n, ru_plural((long)n, "приём", "приёма", "приёмов"),
						 RECEPTION_MAX_MEETINGS));
	}
	return 0;
}

/* Bind the schedule's fields from the form to s from parameter first on: person, venue,
 * weekday, start minute, end minute, slot minutes, topics. */
static void bind_schedule(struct request *req, sqlite3_stmt *s, int first,
			  const struct schedule_input *in)
{
	const struct field_value *v = req->field;
	sqlite3_bind_int64(s, first, v[FIELD_HOST].number);
	sqlite3_bind_int64(s, first + 1, v[FIELD_VENUE].number);
	sqlite3_bind_int64(s, first + 2, v[FIELD_WEEKDAY].number);
	sqlite3_bind_int(s, first + 3, in->start);
	sqlite3_bind_int(s, first + 4, in->end);
	sqlite3_bind_int64(s, first + 5, v[FIELD_SLOT_MINUTES].number);
	sqlite3_bind_text(s, first + 6, v[FIELD_TOPICS].text ? v[FIELD_TOPICS].text : "", -1,
			  SQLITE_STATIC);
}

/* Bind rule, ordinal, period and title from the form to s from parameter first on. */
static void bind_rule(struct request *req, sqlite3_stmt *s, int first)
{
	const struct field_value *v = req->field;
	const char *rule = v[FIELD_RULE].state == FIELD_VALID ? v[FIELD_RULE].text : "weekly";
	bool monthly = strcmp(rule, "monthly") == 0;
	char from[16], to[16];
	snprintf(from, sizeof from, "%04d-%02d-%02d", v[FIELD_PERIOD_FROM].date.year,
		 v[FIELD_PERIOD_FROM].date.month, v[FIELD_PERIOD_FROM].date.day);
	snprintf(to, sizeof to, "%04d-%02d-%02d", v[FIELD_PERIOD_TO].date.year,
		 v[FIELD_PERIOD_TO].date.month, v[FIELD_PERIOD_TO].date.day);
	sqlite3_bind_text(s, first, rule, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, first + 1, monthly ? v[FIELD_ORDINAL].number : 0);
	sqlite3_bind_text(s, first + 2, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, first + 3, to, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, first + 4,
			  v[FIELD_TITLE].state == FIELD_VALID ? v[FIELD_TITLE].text : RECEPTION_TITLE,
			  -1, SQLITE_STATIC);
}

/* POST /admin/receptions (title, host, venue, rule, weekday, ordinal, period_from, period_to,
 * start_time, end_time, slot_minutes, topics, csrf) — a schedule and one draft reception
 * meeting (kind personal_reception) per date of its rule (every week, every other week, the
 * n-th weekday of the month; holidays by the production calendar), each approved later under
 * the 5-day rule. 303 to the list; 422 with errors beside the fields (unknown person or venue,
 * the end before the start, a slot longer than the reception, a monthly rule without which
 * weekday, no such day in the period or more than RECEPTION_MAX_MEETINGS). */
enum http_status page_admin_reception_create(struct request *req)
{
	const struct field_value *v = req->field;
	struct schedule_input in;
	if (check_schedule(req, &in) < 0)
		return HTTP_INTERNAL_ERROR;
	if (req->invalid_fields > 0)
		return schedule_form(req, HTTP_UNPROCESSABLE, 0, NULL);

	size_t n = in.dates.count;
	struct occurrence occ[RECEPTION_MAX_MEETINGS];
	for (size_t i = 0; i < n; i++) {
		occ[i].date = in.dates.dates[i];
		occ[i].venue_id = v[FIELD_VENUE].number;
		occ[i].territory_id = in.territory;
	}
	const char *title = v[FIELD_TITLE].state == FIELD_VALID ? v[FIELD_TITLE].text : RECEPTION_TITLE;
	const char *topics = v[FIELD_TOPICS].text ? v[FIELD_TOPICS].text : "";
	bool monthly = v[FIELD_RULE].state == FIELD_VALID && strcmp(v[FIELD_RULE].text, "monthly") == 0;
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	long long series = 0;
	json_t *created = json_array();
	struct series_times t = {v[FIELD_START_TIME].hour, v[FIELD_START_TIME].minute,
				 v[FIELD_END_TIME].hour, v[FIELD_END_TIME].minute};
	bool ok = series_insert_drafts(req, title, "personal_reception",
				       monthly ? "monthly" : "weekly", topics,
				       v[FIELD_HOST].number, &t, occ, n, &series, created) == 0;
	long long schedule = 0;
	if (ok) {
		sqlite3_stmt *s = db_stmt(db, STMT_RECEPTION_SCHEDULE_INSERT);
		sqlite3_bind_int64(s, 1, series);
		bind_schedule(req, s, 2, &in);
		sqlite3_bind_int64(s, 9, (sqlite3_int64)req->now);
		bind_rule(req, s, 10);
		ok = db_run(s) == SQLITE_DONE;
		schedule = sqlite3_last_insert_rowid(db->conn);
	}
	ok = ok && insert_receptions(req, created, schedule, (int)v[FIELD_SLOT_MINUTES].number,
				     topics) == 0;
	json_decref(created);
	return staff_commit(req, ok, "create", "reception_schedule", schedule, NULL,
			    STMT_RECEPTION_SCHEDULE_JSON, "/admin/receptions");
}

/* GET /admin/receptions/schedules/ID — a schedule: its form filled in (for organizers,
 * controllers and administrators), its receptions with how many are booked, the dates a holiday
 * took, and the receptions that stayed by the former rule because residents are booked on
 * them. 404 for an unknown schedule. */
enum http_status page_admin_reception_schedule(struct request *req)
{
	struct reception_schedule row;
	int rc = schedule_load(req, req->path_id, &row);
	if (rc != 0)
		return rc < 0 ? HTTP_INTERNAL_ERROR : HTTP_NOT_FOUND;
	return schedule_form(req, HTTP_OK, req->path_id, &row);
}

/* In the caller's transaction: take reception m off an edited schedule. A draft nothing refers
 * to is deleted; any other is cancelled with its change recorded and published (its waiting
 * list ends). 0 or -1. */
static int schedule_remove(struct request *req, const struct reception_schedule_meeting *m)
{
	static const char reason[] = "изменён график личного приёма";
	struct db *db = &req->worker->db;
	sqlite3_stmt *s;
	if (strcmp(m->status, "draft") == 0) {
		s = db_stmt(db, STMT_RECEPTION_DRAFT_DELETE);
		sqlite3_bind_int64(s, 1, m->id);
		if (db_run(s) != SQLITE_DONE)
			return -1;
		if (sqlite3_changes(db->conn) > 0)
			return 0;
	}
	s = db_stmt(db, STMT_MEETING_SET_STATUS);
	sqlite3_bind_int64(s, 1, m->id);
	sqlite3_bind_text(s, 2, "cancelled", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, reason, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)req->now);
	if (db_run(s) != SQLITE_DONE)
		return -1;
	s = db_stmt(db, STMT_MEETING_CHANGE_INSERT);
	sqlite3_bind_int64(s, 1, m->id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 3, req->staff->user_id);
	sqlite3_bind_text(s, 4, "cancelled", -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 5, (sqlite3_int64)m->starts);
	if (m->venue)
		sqlite3_bind_int64(s, 6, m->venue);
	sqlite3_bind_text(s, 9, reason, -1, SQLITE_STATIC);
	if (db_run(s) != SQLITE_DONE)
		return -1;
	return reception_meeting_cancelled(req, m->id, reason) < 0 ? -1 : 0;
}

/* staff_action load: the schedule of the path. */
static int load_schedule(struct request *req, void *target)
{
	return schedule_load(req, req->path_id, target);
}

/* staff_action page: the schedule's form again, the errors beside the fields. */
static enum http_status schedule_refused(struct request *req, enum http_status status)
{
	struct reception_schedule old;
	if (schedule_load(req, req->path_id, &old) != 0)
		return HTTP_INTERNAL_ERROR;
	return schedule_form(req, status, req->path_id, &old);
}

/* The change of a schedule (staff_action): refused to its form. */
static const struct staff_action schedule_action = {"reception_schedule",
						    STMT_RECEPTION_SCHEDULE_JSON, load_schedule,
						    schedule_refused};

/* POST /admin/receptions/schedules/ID (the fields of the new schedule's form, csrf) — change a
 * schedule and regenerate its future receptions: one that has the new day, hours, official and
 * place stays (taking the new slot length, topics and title while nobody is booked on it); one
 * with residents booked stays as it is and the schedule's page names it; any other is removed
 * (a draft deleted, an approved one cancelled and the cancellation published); each new date
 * without a reception gets a draft. Receptions past, cancelled or held are not touched. 303 to
 * the schedule's page; 422 with errors beside the fields as for a new schedule; 404 for an
 * unknown schedule. Audited (before and after). */
enum http_status page_admin_reception_schedule_update(struct request *req)
{
	const struct field_value *v = req->field;
	struct db *db = &req->worker->db;
	struct reception_schedule old;
	enum http_status status;
	if (!staff_action_begin(req, &schedule_action, &old, &status))
		return status;
	struct schedule_input in;
	if (check_schedule(req, &in) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &schedule_action, NULL);
	json_t *before = staff_json(req, STMT_RECEPTION_SCHEDULE_JSON, req->path_id);
	sqlite3_stmt *s = db_stmt(db, STMT_RECEPTION_SCHEDULE_UPDATE);
	sqlite3_bind_int64(s, 1, req->path_id);
	bind_schedule(req, s, 2, &in);
	bind_rule(req, s, 9);
	bool ok = before != NULL && db_run(s) == SQLITE_DONE;
	struct reception_schedule row = old;
	row.person = v[FIELD_HOST].number;
	row.venue = v[FIELD_VENUE].number;
	row.start = in.start;
	row.end = in.end;
	const char *title = v[FIELD_TITLE].state == FIELD_VALID ? v[FIELD_TITLE].text : RECEPTION_TITLE;
	const char *topics = v[FIELD_TOPICS].text ? v[FIELD_TOPICS].text : "";
	int slot = (int)v[FIELD_SLOT_MINUTES].number;
	bool covered[RECEPTION_MAX_MEETINGS] = {false};
	struct reception_schedule_meeting *list;
	size_t count = 0;
	ok = ok && schedule_meetings(req, req->path_id, &list, &count) == 0;
	for (size_t i = 0; ok && i < count; i++) {
		const struct reception_schedule_meeting *m = &list[i];
		if (!schedule_changeable(req, m))
			continue;
		int k = schedule_match(&in.dates, &row, m);
		if (k >= 0) {
			covered[k] = true;
			s = db_stmt(db, STMT_RECEPTION_RETUNE);
			sqlite3_bind_int64(s, 1, m->id);
			sqlite3_bind_int(s, 2, slot);
			sqlite3_bind_text(s, 3, topics, -1, SQLITE_STATIC);
			ok = db_run(s) == SQLITE_DONE;
			s = db_stmt(db, STMT_RECEPTION_RETITLE);
			sqlite3_bind_int64(s, 1, m->id);
			sqlite3_bind_text(s, 2, title, -1, SQLITE_STATIC);
			ok = ok && db_run(s) == SQLITE_DONE;
			continue;
		}
		if (m->active > 0) {
			/* It stays; no second reception on its day. */
			struct civil_date day = tz_local_date(m->starts);
			for (size_t j = 0; j < in.dates.count; j++)
				if (civil_date_compare(in.dates.dates[j], day) == 0)
					covered[j] = true;
			continue;
		}
		ok = schedule_remove(req, m) == 0;
	}
	for (size_t j = 0; ok && j < in.dates.count; j++) {
		time_t starts = tz_local_to_utc(in.dates.dates[j], in.start / 60, in.start % 60);
		if (covered[j] || starts <= req->now)
			continue;
		s = db_stmt(db, STMT_SERIES_MEETING_INSERT);
		sqlite3_bind_int64(s, 1, old.series);
		sqlite3_bind_text(s, 2, "personal_reception", -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, title, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 4, in.territory);
		sqlite3_bind_int64(s, 5, row.venue);
		sqlite3_bind_int64(s, 6, (sqlite3_int64)starts);
		sqlite3_bind_int64(s, 7, (sqlite3_int64)tz_local_to_utc(in.dates.dates[j], in.end / 60,
									in.end % 60));
		sqlite3_bind_int64(s, 8, row.person);
		sqlite3_bind_text(s, 9, topics, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 10, (sqlite3_int64)req->now);
		ok = db_run(s) == SQLITE_DONE;
		json_t *created = json_pack("[I]", (json_int_t)sqlite3_last_insert_rowid(db->conn));
		ok = ok && insert_receptions(req, created, req->path_id, slot, topics) == 0;
		json_decref(created);
	}
	return staff_action_finish(req, &schedule_action, ok, "update", req->path_id, before,
				   arena_printf(req->arena, "/admin/receptions/schedules/%lld",
						req->path_id));
}

/* POST /admin/receptions/december (csrf) — the preset of the all-Russian day of personal
 * reception: a draft reception 12:00–20:00 local time on the next 12 December the 5-day rule
 * allows, for every official of [receptions] december_officials, at december_venue, in slots of
 * DECEMBER_SLOT_MINUTES. 303 to the list; 422 when the configuration names nobody. */
enum http_status page_admin_reception_december(struct request *req)
{
	long long officials[16];
	size_t n = december_officials(req, officials, 16);
	long long venue = atoll(req->worker->cfg->december_venue);
	long long territory = venue > 0 ? venue_territory(req, venue) : 0;
	if (territory < 0)
		return HTTP_INTERNAL_ERROR;
	if (n == 0 || territory == 0) {
		req->error_detail = "В настройках ([receptions] december_officials и december_venue) "
				    "не названы должностные лица или место приёма 12 декабря.";
		return HTTP_UNPROCESSABLE;
	}
	struct occurrence day = {next_december_12(req), venue, territory};
	struct series_times t = {12, 0, 20, 0};
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	json_t *all = json_array();
	bool ok = true;
	for (size_t i = 0; ok && i < n; i++) {
		long long series;
		json_t *created = json_array();
		ok = series_insert_drafts(req, DECEMBER_TITLE, "personal_reception", "tour", "",
					  officials[i], &t, &day, 1, &series, created) == 0 &&
		     insert_receptions(req, created, 0, DECEMBER_SLOT_MINUTES, "") == 0;
		json_array_extend(all, created);
		json_decref(created);
	}
	if (!ok) {
		json_decref(all);
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	json_t *after = json_pack("{s:s, s:o}", "title", DECEMBER_TITLE, "meetings", all);
	if (audit_record(req, NULL, "create", "reception_december", 0, NULL, after) < 0 ||
	    db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req, "/admin/receptions");
}

static const char *visit_words(const char *status)
{
	if (strcmp(status, "came") == 0)
		return "пришёл";
	if (strcmp(status, "absent") == 0)
		return "не пришёл";
	return "записан";
}

/* The queue page of reception r at status. */
static enum http_status queue_page(struct request *req, const struct reception_info *r,
				   enum http_status status)
{
	tpl_dict *d = page_begin(req, "admin_reception_queue.tpl",
				 arena_printf(req->arena, "Очередь на приём: %s",
					      reception_when(req, r->starts_at)),
				 NAV_STAFF_MEETINGS);
	page_form_fields(req, d);
	tpl_set_int(d, "ID", r->meeting_id);
	tpl_set(d, "WHEN", reception_when(req, r->starts_at));
	tpl_set(d, "PLACE", reception_place(req, r));
	tpl_set(d, "OFFICIAL", reception_official(req, r));
	tpl_set(d, "STATUS", status_words(r->status));
	bool writer = req->staff->role & MEETING_WRITERS;
	struct booking_queue_item *queue;
	size_t rows;
	if (db_booking_queue(&req->worker->db, req->arena, r->meeting_id, &queue, &rows) < 0)
		return HTTP_INTERNAL_ERROR;
	for (size_t i = 0; i < rows; i++) {
		const struct booking_queue_item *b = &queue[i];
		tpl_dict *row = tpl_section_add(d, "BOOKING");
		struct tm tm;
		char hm[16];
		tz_utc_to_local(b->slot_at, &tm);
		ru_format_time(hm, sizeof hm, &tm);
		tpl_set_int(row, "ID", b->id);
		tpl_set(row, "TIME", hm);
		tpl_set(row, "NAME", b->name);
		const char *phone = b->phone, *contact = b->contact;
		tpl_set(row, "CONTACT", phone[0] && contact[0] && strcmp(phone, contact) != 0
					       ? arena_printf(req->arena, "%s; %s", phone, contact)
					       : phone[0] ? phone : contact);
		tpl_set(row, "QUESTION", b->question);
		tpl_set(row, "MARK", visit_words(b->status));
		tpl_set(row, "HOW", b->resident_id ? "на сайте" : "по телефону");
		if (writer) {
			tpl_dict *a = tpl_section_add(row, "ACTIONS");
			tpl_set_int(a, "ID", b->id);
			tpl_set_int(a, "MEETING", r->meeting_id);
			if (strcmp(b->status, "active") == 0)
				tpl_set_int(tpl_section_add(a, "CAN_CANCEL"), "ID", b->id);
			if (b->appeal_id)
				tpl_set_int(tpl_section_add(a, "APPEAL"), "ID", b->appeal_id);
			else
				tpl_set_int(tpl_section_add(a, "CARD"), "ID", b->id);
		}
	}
	tpl_section_show(d, rows ? "HAS_BOOKINGS" : "NO_BOOKINGS");
	time_t *free_slots;
	size_t free_count;
	if (reception_free_slots(req, r, 0, &free_slots, &free_count) < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_set(d, "FREE", arena_printf(req->arena, "%zu", free_count));
	if (writer && free_count > 0 && strcmp(r->status, "cancelled") != 0) {
		tpl_dict *f = tpl_section_add(d, "BOOK");
		tpl_set_int(f, "ID", r->meeting_id);
		for (size_t i = 0; i < free_count; i++) {
			tpl_dict *o = tpl_section_add(f, "SLOT_OPTION");
			struct tm tm;
			char hm[16];
			tz_utc_to_local(free_slots[i], &tm);
			ru_format_time(hm, sizeof hm, &tm);
			tpl_set_int(o, "AT", (long long)free_slots[i]);
			tpl_set(o, "TIME", hm);
			if (req->field[FIELD_SLOT].state == FIELD_VALID &&
			    req->field[FIELD_SLOT].number == (long long)free_slots[i])
				tpl_section_show(o, "SELECTED");
		}
	}
	return page_end(req, status);
}

/* GET /admin/receptions/ID — the day's queue of a reception (printable): each booked slot with
 * the visitor, how to reach them, the question and the mark; the staff's booking form. 404 when
 * ID is not a reception. */
enum http_status page_admin_reception_queue(struct request *req)
{
	struct reception_info r;
	int rc = reception_load(req, req->path_id, &r);
	if (rc != 0)
		return rc < 0 ? HTTP_INTERNAL_ERROR : HTTP_NOT_FOUND;
	return queue_page(req, &r, HTTP_OK);
}

/* staff_action load: the reception of the path. */
static int load_reception(struct request *req, void *target)
{
	return reception_load(req, req->path_id, target);
}

/* staff_action page: the queue of the reception of the path, the errors beside the fields. */
static enum http_status reception_refused(struct request *req, enum http_status status)
{
	struct reception_info r;
	if (reception_load(req, req->path_id, &r) != 0)
		return HTTP_INTERNAL_ERROR;
	return queue_page(req, &r, status);
}

/* A booking made by staff (staff_action on the reception): refused to the queue. */
static const struct staff_action book_action = {"reception_booking", STMT_BOOKING_JSON,
						load_reception, reception_refused};

/* POST /admin/receptions/ID/book (slot, full_name, phone, question, csrf) — staff book a slot
 * for a caller without a resident account. 303 to the queue; 422 with errors beside the fields
 * (a slot that is not free or has passed, a cancelled reception); 409 when the slot was taken
 * meanwhile. Audited. */
enum http_status page_admin_reception_book(struct request *req)
{
	struct reception_info r;
	enum http_status status;
	if (!staff_action_begin(req, &book_action, &r, &status))
		return status;
	const struct field_value *v = req->field;
	if (strcmp(r.status, "cancelled") == 0)
		page_reject(req, FIELD_SLOT, "приём отменён");
	else if (v[FIELD_SLOT].state == FIELD_VALID &&
		 (!reception_slot_valid(r.starts_at, r.ends_at, r.slot_minutes,
					(time_t)v[FIELD_SLOT].number) ||
		  (time_t)v[FIELD_SLOT].number <= req->now))
		page_reject(req, FIELD_SLOT, "выберите свободное время из списка");
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &book_action, NULL);
	struct booking_request b = {
		.slot_at = (time_t)v[FIELD_SLOT].number,
		.name = v[FIELD_FULL_NAME].text,
		.phone = v[FIELD_PHONE].text,
		.contact = "",
		.question = v[FIELD_BOOKING_QUESTION].text,
		.staff_user_id = req->staff->user_id,
	};
	long long id = 0;
	enum booking_result res = booking_insert(req, &r, &b, &id);
	if (res == BOOKING_TAKEN) {
		db_rollback(&req->worker->db);
		page_reject(req, FIELD_SLOT, "это время уже заняли, выберите другое");
		return queue_page(req, &r, HTTP_CONFLICT);
	}
	return staff_action_finish(req, &book_action, res == BOOKING_OK, "create", id, NULL,
				   arena_printf(req->arena, "/admin/receptions/%lld",
						r.meeting_id));
}

/* The booking of the path with its reception, as the booking's staff actions load it. */
struct booking_target {
	struct booking booking;
	struct reception_info reception;
};

/* staff_action load: the booking of the path and its reception. */
static int load_booking(struct request *req, void *target)
{
	struct booking_target *t = target;
	int rc = db_booking_get(&req->worker->db, req->arena, req->path_id, &t->booking);
	if (rc != 0)
		return rc;
	/* A booking joins its reception: none would be an inconsistent database. */
	return reception_load(req, t->booking.meeting, &t->reception) == 0 ? 0 : -1;
}

/* staff_action page: the queue of the booking's reception, the errors beside the fields. */
static enum http_status booking_refused(struct request *req, enum http_status status)
{
	struct booking_target t;
	if (load_booking(req, &t) != 0)
		return HTTP_INTERNAL_ERROR;
	return queue_page(req, &t.reception, status);
}

/* A mark or a cancellation of one booking (staff_action): refused to the queue. */
static const struct staff_action booking_action = {"reception_booking", STMT_BOOKING_JSON,
						   load_booking, booking_refused};

/* POST /admin/bookings/ID/visit (visit = came | absent, csrf) — the mark «пришёл» or «не
 * пришёл». 303 to the queue; 400 for another value; 404 for an unknown booking. Audited. */
enum http_status page_admin_booking_visit(struct request *req)
{
	struct db *db = &req->worker->db;
	struct booking_target t;
	enum http_status status;
	if (!staff_action_begin(req, &booking_action, &t, &status))
		return status;
	const char *visit = req->field[FIELD_VISIT].text;
	if (strcmp(visit, "came") != 0 && strcmp(visit, "absent") != 0) {
		db_rollback(db);
		return HTTP_BAD_REQUEST;
	}
	json_t *before = staff_json(req, STMT_BOOKING_JSON, req->path_id);
	sqlite3_stmt *s = db_stmt(db, STMT_BOOKING_SET_VISIT);
	sqlite3_bind_int64(s, 1, req->path_id);
	sqlite3_bind_text(s, 2, visit, -1, SQLITE_STATIC);
	bool ok = before != NULL && db_run(s) == SQLITE_DONE;
	return staff_action_finish(req, &booking_action, ok, "visit", req->path_id, before,
				   arena_printf(req->arena, "/admin/receptions/%lld",
						t.booking.meeting));
}

/* POST /admin/bookings/ID/cancel (cancel_reason, csrf) — staff cancel a booking; the resident is
 * told the reason by mail and the slot goes to the waiting list. 303 to the queue; 422 without a
 * reason; 404 for an unknown booking. Audited. */
enum http_status page_admin_booking_cancel(struct request *req)
{
	struct booking_target t;
	enum http_status status;
	if (!staff_action_begin(req, &booking_action, &t, &status))
		return status;
	if (req->field[FIELD_CANCEL_REASON].state != FIELD_VALID) {
		if (req->field[FIELD_CANCEL_REASON].state == FIELD_ABSENT)
			page_reject(req, FIELD_CANCEL_REASON, "напишите причину: её получит посетитель");
		return staff_action_refuse(req, &booking_action, NULL);
	}
	json_t *before = staff_json(req, STMT_BOOKING_JSON, req->path_id);
	bool ok = before != NULL &&
		  booking_cancel(req, req->path_id, "staff", req->field[FIELD_CANCEL_REASON].text) >= 0;
	return staff_action_finish(req, &booking_action, ok, "cancel", req->path_id, before,
				   arena_printf(req->arena, "/admin/receptions/%lld",
						t.booking.meeting));
}
