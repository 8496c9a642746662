/* page_admin_series.c — recurring series of meetings (/admin/series): a personal reception
 * "every first Tuesday, 10:00–12:00" or a weekly one, or a group's tour of several villages
 * (a date and a venue for each stop). Creating a series writes one ordinary draft per date,
 * which is then approved, changed or cancelled alone under the usual rules. */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "civil_time.h"
#include "db_meeting_staff.h"
#include "db_reference.h"
#include "page.h"
#include "pages.h"
#include "router.h"
#include "ru.h"
#include "scope.h"
#include "series.h"
#include "series_drafts.h"
#include "staff_change.h"
#include "worker.h"

#define SERIES_MAX_MEETINGS 60 /* a year of weekly receptions fits; a typo in a year does not */
#define TOUR_STOPS 8           /* rows of the tour form */

static const char *const weekday_names[8] = {"",        "понедельник", "вторник",
					     "среда",   "четверг",     "пятница",
					     "суббота", "воскресенье"};
static const char *const ordinal_names[6] = {"", "первый", "второй", "третий", "четвёртый",
					     "последний"};


/* The territory of a venue: 0 when there is no such venue, -1 on a database error. */
static long long venue_territory(struct request *req, long long venue)
{
	long long territory;
	int rc = db_staff_venue_territory(&req->worker->db, venue, &territory);
	return rc < 0 ? -1 : rc > 0 ? 0 : territory;
}

static bool person_exists(struct request *req, long long id)
{
	struct staff_item *people;
	size_t n;
	return staff_load_items(req, STMT_PERSON_LIST, 0, &people, &n) == 0 &&
	       staff_has_item(people, n, id);
}

/* The meetings the submitted form describes; *count 0 with fields marked invalid when it
 * describes none or too many. */
static struct occurrence *plan(struct request *req, size_t *count)
{
	const struct field_value *v = req->field;
	struct occurrence *out = arena_calloc(req->arena, SERIES_MAX_MEETINGS, sizeof *out);
	*count = 0;
	const char *rule = v[FIELD_RULE].text;
	if (strcmp(rule, "tour") == 0) {
		const struct field_value *dates = &v[FIELD_STOP_DATE], *venues = &v[FIELD_STOP_VENUE];
		for (size_t i = 0; i < dates->value_count; i++) {
			const struct field_value *d = &dates->values[i];
			const struct field_value *p = i < venues->value_count ? &venues->values[i] : NULL;
			bool has_venue = p != NULL && p->state == FIELD_VALID;
			if (d->state == FIELD_ABSENT && !has_venue)
				continue; /* an empty row */
			if (d->state != FIELD_VALID || !has_venue) {
				page_reject(req, FIELD_STOP_DATE, "у каждой остановки должны быть дата и место");
				return out;
			}
			long long territory = venue_territory(req, p->number);
			if (territory <= 0) { /* an error is logged and answered the same */
				page_reject(req, FIELD_STOP_VENUE, "выберите место из списка");
				return out;
			}
			if (*count == SERIES_MAX_MEETINGS) {
				page_reject(req, FIELD_STOP_DATE,
				       arena_printf(req->arena, "выезд может включать не больше %d остановок",
						    SERIES_MAX_MEETINGS));
				*count = 0;
				return out;
			}
			out[*count].date = d->date;
			out[*count].venue_id = p->number;
			out[*count].territory_id = territory;
			(*count)++;
		}
		if (*count == 0)
			page_reject(req, FIELD_STOP_DATE, "укажите хотя бы одну остановку: дату и место");
		return out;
	}

	if (v[FIELD_PERIOD_FROM].state != FIELD_VALID || v[FIELD_PERIOD_TO].state != FIELD_VALID ||
	    v[FIELD_WEEKDAY].state != FIELD_VALID) {
		if (v[FIELD_PERIOD_FROM].state == FIELD_ABSENT)
			page_reject(req, FIELD_PERIOD_FROM, "укажите начало периода");
		if (v[FIELD_PERIOD_TO].state == FIELD_ABSENT)
			page_reject(req, FIELD_PERIOD_TO, "укажите конец периода");
		if (v[FIELD_WEEKDAY].state == FIELD_ABSENT)
			page_reject(req, FIELD_WEEKDAY, "выберите день недели");
		return out;
	}
	if (civil_date_compare(v[FIELD_PERIOD_FROM].date, v[FIELD_PERIOD_TO].date) > 0) {
		page_reject(req, FIELD_PERIOD_TO, "конец периода раньше его начала");
		return out;
	}
	struct civil_date dates[SERIES_MAX_MEETINGS];
	size_t n;
	if (strcmp(rule, "monthly") == 0) {
		if (v[FIELD_ORDINAL].state != FIELD_VALID) {
			page_reject(req, FIELD_ORDINAL, "выберите, какой по счёту день недели");
			return out;
		}
		n = series_monthly(v[FIELD_PERIOD_FROM].date, v[FIELD_PERIOD_TO].date,
				   (int)v[FIELD_WEEKDAY].number, (int)v[FIELD_ORDINAL].number, dates,
				   SERIES_MAX_MEETINGS);
	} else {
		n = series_weekly(v[FIELD_PERIOD_FROM].date, v[FIELD_PERIOD_TO].date,
				  (int)v[FIELD_WEEKDAY].number, dates, SERIES_MAX_MEETINGS);
	}
	if (n == 0) {
		page_reject(req, FIELD_PERIOD_TO, "в этом периоде нет ни одной такой даты");
		return out;
	}
	if (n > SERIES_MAX_MEETINGS) {
		page_reject(req, FIELD_PERIOD_TO,
		       arena_printf(req->arena,
				    "получается %zu %s, а серия может создать не больше %d: сократите "
				    "период",
				    n, ru_plural((long)n, "встреча", "встречи", "встреч"),
				    SERIES_MAX_MEETINGS));
		return out;
	}
	long long venue = v[FIELD_VENUE].state == FIELD_VALID ? v[FIELD_VENUE].number : 0;
	for (size_t i = 0; i < n; i++) {
		out[i].date = dates[i];
		out[i].venue_id = venue;
		out[i].territory_id = v[FIELD_TERRITORY].number;
	}
	*count = n;
	return out;
}

/* The kinds and territories a series may use. -1 on a database error. */
static int load_kinds_territories(struct request *req, struct kind_item **kinds, size_t *nk,
				  struct territory_item **territories, size_t *nt)
{
	struct db *db = &req->worker->db;
	if (db_kind_list(db, req->arena, kinds, nk) < 0 ||
	    db_territory_tree(db, req->arena, territories, nt) < 0)
		return -1;
	return 0;
}

static enum http_status series_form(struct request *req, enum http_status status)
{
	struct kind_item *kinds;
	struct territory_item *territories;
	size_t nk, nt;
	if (load_kinds_territories(req, &kinds, &nk, &territories, &nt) < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_dict *d = page_begin(req, "admin_series_new.tpl", "Новая серия встреч", NAV_STAFF_MEETINGS);
	const struct field_value *v = req->field;
	page_form_fields(req, d);
	const char *kind = v[FIELD_KIND].raw ? v[FIELD_KIND].raw : "personal_reception";
	for (size_t i = 0; i < nk; i++) {
		tpl_dict *o = tpl_section_add(d, "KIND_OPTION");
		tpl_set(o, "CODE", kinds[i].code);
		tpl_set(o, "NAME", kinds[i].name);
		if (strcmp(kind, kinds[i].code) == 0)
			tpl_section_show(o, "SELECTED");
	}
	page_territory_list_options(req, d, "TERRITORY_OPTION", territories, nt,
				    v[FIELD_TERRITORY].state == FIELD_VALID ? v[FIELD_TERRITORY].number
									    : 0);
	const char *rule = v[FIELD_RULE].raw ? v[FIELD_RULE].raw : "monthly";
	static const char *const rules[][2] = {{"monthly", "ежемесячно: такой-то день недели месяца"},
					       {"weekly", "еженедельно"},
					       {"tour", "выезд: несколько остановок, у каждой своя дата и место"}};
	for (size_t i = 0; i < 3; i++) {
		tpl_dict *o = tpl_section_add(d, "RULE_OPTION");
		tpl_set(o, "CODE", rules[i][0]);
		tpl_set(o, "NAME", rules[i][1]);
		if (strcmp(rule, rules[i][0]) == 0)
			tpl_section_show(o, "CHECKED");
	}
	for (int w = 1; w <= 7; w++) {
		tpl_dict *o = tpl_section_add(d, "WEEKDAY_OPTION");
		tpl_set_int(o, "N", w);
		tpl_set(o, "NAME", weekday_names[w]);
		if (v[FIELD_WEEKDAY].state == FIELD_VALID && v[FIELD_WEEKDAY].number == w)
			tpl_section_show(o, "SELECTED");
	}
	for (int n = 1; n <= SERIES_LAST; n++) {
		tpl_dict *o = tpl_section_add(d, "ORDINAL_OPTION");
		tpl_set_int(o, "N", n);
		tpl_set(o, "NAME", ordinal_names[n]);
		if (v[FIELD_ORDINAL].state == FIELD_VALID && v[FIELD_ORDINAL].number == n)
			tpl_section_show(o, "SELECTED");
	}
	struct staff_item *venues;
	size_t nv;
	if (staff_load_items(req, STMT_VENUE_LIST, scope_bind_value(req), &venues, &nv) < 0)
		return HTTP_INTERNAL_ERROR;
	staff_item_options(req, d, "VENUE_OPTION", venues, nv,
			   v[FIELD_VENUE].state == FIELD_VALID ? v[FIELD_VENUE].number : 0);
	for (int row = 0; row < TOUR_STOPS; row++) {
		tpl_dict *r = tpl_section_add(d, "STOP");
		tpl_set_int(r, "N", row + 1);
		const struct field_value *date = (size_t)row < v[FIELD_STOP_DATE].value_count
							 ? &v[FIELD_STOP_DATE].values[row] : NULL;
		const struct field_value *venue = (size_t)row < v[FIELD_STOP_VENUE].value_count
							  ? &v[FIELD_STOP_VENUE].values[row] : NULL;
		if (date && date->raw)
			tpl_set(r, "DATE", date->raw);
		staff_item_options(req, r, "STOP_VENUE_OPTION", venues, nv,
				   venue && venue->state == FIELD_VALID ? venue->number : 0);
	}
	return page_end(req, status);
}

/* GET /admin/series/new — the form for a series. */
enum http_status page_admin_series_new(struct request *req)
{
	return series_form(req, HTTP_OK);
}

int series_insert_drafts(struct request *req, const char *title, const char *kind,
			 const char *rule, const char *description, long long host,
			 const struct series_times *t, const struct occurrence *dates, size_t count,
			 long long *series, json_t *created)
{
	struct db *db = &req->worker->db;
	sqlite3_stmt *s = db_stmt(db, STMT_SERIES_INSERT);
	sqlite3_bind_text(s, 1, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, rule, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, description, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 5, req->staff->user_id);
	sqlite3_bind_int64(s, 6, (sqlite3_int64)req->now);
	int rc = sqlite3_step(s);
	db_done(s);
	*series = sqlite3_last_insert_rowid(db->conn);
	for (size_t i = 0; rc == SQLITE_DONE && i < count; i++) {
		s = db_stmt(db, STMT_SERIES_MEETING_INSERT);
		sqlite3_bind_int64(s, 1, *series);
		sqlite3_bind_text(s, 2, kind, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, title, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 4, dates[i].territory_id);
		if (dates[i].venue_id)
			sqlite3_bind_int64(s, 5, dates[i].venue_id);
		sqlite3_bind_int64(s, 6, (sqlite3_int64)tz_local_to_utc(dates[i].date,
									t->start_hour,
									t->start_minute));
		sqlite3_bind_int64(s, 7, (sqlite3_int64)tz_local_to_utc(dates[i].date, t->end_hour,
									t->end_minute));
		if (host)
			sqlite3_bind_int64(s, 8, host);
		sqlite3_bind_text(s, 9, description, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 10, (sqlite3_int64)req->now);
		rc = sqlite3_step(s);
		db_done(s);
		json_array_append_new(created, json_integer(sqlite3_last_insert_rowid(db->conn)));
	}
	return rc == SQLITE_DONE ? 0 : -1;
}

/* staff_action page of a new series: the form again with what was typed. */
static enum http_status series_refused(struct request *req, enum http_status status)
{
	return series_form(req, status);
}

/* The creation of a series and its drafts (staff_action on meetings): refused to the form.
 * Finished by hand: its audit record is the series with the drafts it made. */
static const struct staff_action series_create = {"meeting_series", STMT_STAFF_MEETING_JSON,
						  staff_action_no_target, series_refused};

/* POST /admin/series (kind, title, territory, venue, rule, weekday, ordinal, period_from,
 * period_to, start_time, end_time, stop_date…, stop_venue…, description, csrf) — create the
 * series and one draft meeting per date. 303 to the series' page; 422 with errors beside the
 * fields (no date in the period, more than SERIES_MAX_MEETINGS, a tour stop without a date or a
 * venue, the end before the start). */
enum http_status page_admin_series_create(struct request *req)
{
	const struct field_value *v = req->field;
	struct db *db = &req->worker->db;
	enum http_status status;
	if (!staff_action_begin(req, &series_create, NULL, &status))
		return status;
	struct kind_item *kinds;
	struct territory_item *territories;
	size_t nk, nt;
	if (load_kinds_territories(req, &kinds, &nk, &territories, &nt) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	if (v[FIELD_KIND].state == FIELD_VALID && !db_kind_known(kinds, nk, v[FIELD_KIND].text))
		page_reject(req, FIELD_KIND, "выберите вид из списка");
	if (v[FIELD_RULE].state == FIELD_VALID && strcmp(v[FIELD_RULE].text, "weekly") != 0 &&
	    strcmp(v[FIELD_RULE].text, "monthly") != 0 && strcmp(v[FIELD_RULE].text, "tour") != 0)
		page_reject(req, FIELD_RULE, "выберите, как повторяются встречи");
	bool tour = v[FIELD_RULE].state == FIELD_VALID && strcmp(v[FIELD_RULE].text, "tour") == 0;
	if (!tour && v[FIELD_TERRITORY].state == FIELD_ABSENT)
		page_reject(req, FIELD_TERRITORY, "выберите территорию");
	if (v[FIELD_TERRITORY].state == FIELD_VALID &&
	    !db_territory_known(territories, nt, v[FIELD_TERRITORY].number))
		page_reject(req, FIELD_TERRITORY, "выберите территорию из списка");
	long long venue_in = v[FIELD_VENUE].state == FIELD_VALID
				     ? venue_territory(req, v[FIELD_VENUE].number)
				     : 1;
	if (venue_in < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	if (venue_in == 0)
		page_reject(req, FIELD_VENUE, "выберите место из списка");
	if (v[FIELD_HOST].state == FIELD_VALID && !person_exists(req, v[FIELD_HOST].number))
		page_reject(req, FIELD_HOST, "выберите из списка");
	int start_minutes = (int)(v[FIELD_START_TIME].hour * 60 + v[FIELD_START_TIME].minute);
	int end_minutes = (int)(v[FIELD_END_TIME].hour * 60 + v[FIELD_END_TIME].minute);
	if (v[FIELD_START_TIME].state == FIELD_VALID && v[FIELD_END_TIME].state == FIELD_VALID &&
	    end_minutes <= start_minutes)
		page_reject(req, FIELD_END_TIME, "окончание должно быть позже начала");
	size_t count = 0;
	struct occurrence *dates = NULL;
	if (req->invalid_fields == 0)
		dates = plan(req, &count);
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &series_create, NULL);
	long long series = 0;
	json_t *created = json_array();
	struct series_times times = {v[FIELD_START_TIME].hour, v[FIELD_START_TIME].minute,
				     v[FIELD_END_TIME].hour, v[FIELD_END_TIME].minute};
	int rc = series_insert_drafts(req, v[FIELD_TITLE].text, v[FIELD_KIND].text, v[FIELD_RULE].text,
				      v[FIELD_DESCRIPTION].text ? v[FIELD_DESCRIPTION].text : "",
				      v[FIELD_HOST].state == FIELD_VALID ? v[FIELD_HOST].number : 0,
				      &times, dates, count, &series, created);
	json_t *after = json_pack("{s:s, s:s, s:s, s:o}", "title", v[FIELD_TITLE].text, "kind",
				  v[FIELD_KIND].text, "rule", v[FIELD_RULE].text, "meetings", created);
	if (rc != 0) {
		json_decref(after);
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	/* The record lists the drafts made: no statement reads a series back as JSON. */
	if (audit_record(req, NULL, "create", "meeting_series", series, NULL, after) < 0 ||
	    db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req, arena_printf(req->arena, "/admin/series/%lld", series));
}

/* GET /admin/series — every series with how many meetings it made. */
enum http_status page_admin_series_list(struct request *req)
{
	tpl_dict *d = page_begin(req, "admin_series.tpl", "Серии встреч", NAV_STAFF_MEETINGS);
	if (req->staff->role & MEETING_WRITERS)
		tpl_section_show(d, "CAN_CREATE");
	struct series_row *list;
	size_t count;
	if (db_series_list(&req->worker->db, req->arena, scope_bind_value(req), &list, &count) < 0)
		return HTTP_INTERNAL_ERROR;
	for (size_t i = 0; i < count; i++) {
		tpl_dict *row = tpl_section_add(d, "SERIES");
		tpl_set_int(row, "ID", list[i].id);
		tpl_set(row, "TITLE", list[i].title);
		tpl_set(row, "KIND", list[i].kind_name);
		long long n = list[i].meetings;
		tpl_set(row, "COUNT", arena_printf(req->arena, "%lld %s", n,
						   ru_plural(n, "встреча", "встречи", "встреч")));
	}
	tpl_section_show(d, count ? "HAS_SERIES" : "NO_SERIES");
	return page_end(req, HTTP_OK);
}

/* GET /admin/series/ID — one series and its meetings, each a link to change it alone. 404 for
 * an unknown id. */
enum http_status page_admin_series_show(struct request *req)
{
	const char *title, *kind;
	int rc = db_series_get(&req->worker->db, req->arena, req->path_id, &title, &kind);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	struct series_meeting *list;
	size_t count;
	if (db_series_meetings(&req->worker->db, req->arena, req->path_id, &list, &count) < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_dict *d = page_begin(req, "admin_series_show.tpl", title, NAV_STAFF_MEETINGS);
	tpl_set(d, "TITLE", title);
	tpl_set(d, "KIND", kind);
	for (size_t i = 0; i < count; i++) {
		tpl_dict *row = tpl_section_add(d, "MEETING");
		tpl_set_int(row, "ID", list[i].id);
		page_set_datetime(row, "STARTS", list[i].starts_at);
		tpl_set(row, "PLACE", list[i].place);
		tpl_set(row, "STATUS", list[i].status);
	}
	return page_end(req, HTTP_OK);
}
