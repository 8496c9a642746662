/* page_admin_calendar.c — the production calendar for staff (/admin/calendar): the years covered
 * with the decree each comes from and its number of working days; one year's exceptional days
 * (holidays, transferred days off, working weekend days, short days). Administrators add a year
 * when the government publishes its decree on transfers, correct its source, and add, change or
 * remove days; everything is audited. Readers: ROLES_CALENDAR_READERS (auth.h). Working days
 * themselves are counted by workdays.c. */
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "civil_time.h"
#include "db_meeting_staff.h"
#include "page.h"
#include "page_admin_reference.h"
#include "pages.h"
#include "ru.h"
#include "series.h"
#include "staff_change.h"
#include "workdays.h"
#include "worker.h"

/* calendar_day.kind and its Russian name, in the order the form offers them. */
static const struct code_label day_kinds[] = {
	{"holiday", "нерабочий праздничный день"},
	{"day_off", "выходной день (перенос)"},
	{"working", "рабочий день (суббота или воскресенье)"},
	{"short", "сокращённый предпраздничный день"},
	{NULL, NULL},
};

static const char *kind_label(const char *kind)
{
	const char *label = code_label(day_kinds, kind);
	return label ? label : kind;
}

static bool is_admin(const struct request *req)
{
	return req->staff != NULL && (req->staff->role & ROLE_ADMIN) != 0;
}

/* The working days of a year by the calendar as loaded. */
static int working_days(const struct workcal *cal, int year)
{
	struct civil_date before = {year - 1, 12, 31}, last = {year, 12, 31};
	return workdays_count(cal, before, last, NULL);
}

/* ---- the list of years --------------------------------------------------------------------- */

/* Whether the form's «предварительный» box was ticked. */
static int provisional_checked(const struct request *req)
{
	const struct field_value *v = &req->field[FIELD_PROVISIONAL];
	return v->state == FIELD_VALID && v->number == 1;
}

static enum http_status calendar_page(struct request *req, enum http_status status,
				      bool from_request)
{
	struct workcal cal;
	if (workdays_load(&req->worker->db, req->arena, &cal) < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_dict *d = reference_begin(req, "admin_calendar.tpl", "Производственный календарь",
				      REFERENCE_CALENDAR, true);
	struct calendar_year_row *years;
	size_t rows;
	if (db_calendar_years(&req->worker->db, req->arena, &years, &rows) < 0)
		return HTTP_INTERNAL_ERROR;
	for (size_t i = 0; i < rows; i++) {
		tpl_dict *row = tpl_section_add(d, "YEAR");
		tpl_set_int(row, "YEAR", years[i].year);
		tpl_set(row, "SOURCE", years[i].source);
		page_set_date(row, "UPDATED", years[i].updated_at);
		tpl_set_int(row, "DAYS", years[i].days);
		tpl_set_int(row, "WORKING", working_days(&cal, years[i].year));
		if (years[i].provisional)
			tpl_section_show(row, "PROVISIONAL");
	}
	tpl_section_show(d, rows ? "HAS_YEARS" : "NO_YEARS");
	int coming = tz_local_date(req->now).year + 1;
	if (!workdays_covered(&cal, coming))
		tpl_set_int(tpl_section_add(d, "NO_COMING"), "YEAR", coming);
	if (is_admin(req)) {
		tpl_dict *f = tpl_include(tpl_section_add(d, "CAN_CHANGE"), "FORM",
					  "admin_calendar_year_form.tpl");
		tpl_set(f, "ACTION", "/admin/calendar");
		tpl_section_show(f, "NEW");
		if (from_request) {
			page_form_fields(req, f);
			if (provisional_checked(req))
				tpl_section_show(f, "PROVISIONAL_CHECKED");
		}
		else if (!workdays_covered(&cal, coming))
			tpl_set_int(f, "year", coming);
	}
	return page_end(req, status);
}

/* GET /admin/calendar — every year of the calendar with its decree, the number of working days
 * and of stored days; a notice when the coming year has none; for administrators the form to
 * add a year. */
enum http_status page_admin_calendar(struct request *req)
{
	return calendar_page(req, HTTP_OK, false);
}

/* 0 found (source, updated and provisional filled when not NULL), 1 no such year, -1 database
 * error. */
static int load_year(struct request *req, long long year, const char **source, time_t *updated,
		     bool *provisional)
{
	struct calendar_year y;
	int rc = db_calendar_year_get(&req->worker->db, req->arena, year, &y);
	if (rc == 0) {
		if (source)
			*source = y.source;
		if (updated)
			*updated = y.updated_at;
		if (provisional)
			*provisional = y.provisional;
	}
	return rc;
}

/* Insert or change one day (STMT_CALENDAR_DAY_SET); true on success. */
static bool set_day(struct db *db, struct civil_date d, const char *kind, const char *note)
{
	char day[16];
	snprintf(day, sizeof day, "%04d-%02d-%02d", d.year, d.month, d.day);
	sqlite3_stmt *s = db_stmt(db, STMT_CALENDAR_DAY_SET);
	sqlite3_bind_text(s, 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 2, d.year);
	sqlite3_bind_text(s, 3, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, note, -1, SQLITE_STATIC);
	return db_run(s) == SQLITE_DONE;
}

/* The holidays of art. 112 part 1, stored with every new year. */
static const struct {
	int month, day;
	const char *name;
} law_holidays[] = {
	{1, 1, "Новогодние каникулы"}, {1, 2, "Новогодние каникулы"},
	{1, 3, "Новогодние каникулы"}, {1, 4, "Новогодние каникулы"},
	{1, 5, "Новогодние каникулы"}, {1, 6, "Новогодние каникулы"},
	{1, 7, "Рождество Христово"},  {1, 8, "Новогодние каникулы"},
	{2, 23, "День защитника Отечества"}, {3, 8, "Международный женский день"},
	{5, 1, "Праздник Весны и Труда"},    {5, 9, "День Победы"},
	{6, 12, "День России"},              {11, 4, "День народного единства"},
};

/* staff_action page of a new year: the calendar with the form as it was sent. */
static enum http_status year_create_refused(struct request *req, enum http_status status)
{
	return calendar_page(req, status, true);
}

/* The addition of a year (staff_action): refused to the calendar's form. */
static const struct staff_action year_create = {"calendar_year", STMT_CALENDAR_YEAR_JSON,
						staff_action_no_target, year_create_refused};

/* POST /admin/calendar (year, source, provisional, csrf) — add a year with the decree it comes from; the
 * holidays of art. 112 are stored with it, the transfers are then entered day by day. 303 to
 * the year's page; 422 beside the field for a year outside 2000–2100, one already in the
 * calendar, or no source. */
enum http_status page_admin_calendar_year_create(struct request *req)
{
	const struct field_value *year = &req->field[FIELD_YEAR];
	struct db *db = &req->worker->db;
	enum http_status status;
	if (!staff_action_begin(req, &year_create, NULL, &status))
		return status;
	if (year->state == FIELD_VALID) {
		int rc = load_year(req, year->number, NULL, NULL, NULL);
		if (rc < 0) {
			db_rollback(db);
			return HTTP_INTERNAL_ERROR;
		}
		if (rc == 0)
			page_reject(req, FIELD_YEAR,
				    arena_printf(req->arena,
						 "календарь на %lld год уже есть — измените его на "
						 "странице года",
						 year->number));
	}
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &year_create, NULL);
	sqlite3_stmt *s = db_stmt(db, STMT_CALENDAR_YEAR_INSERT);
	sqlite3_bind_int64(s, 1, year->number);
	sqlite3_bind_text(s, 2, req->field[FIELD_SOURCE].text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)req->now);
	sqlite3_bind_int(s, 4, provisional_checked(req));
	bool ok = db_run(s) == SQLITE_DONE;
	for (size_t i = 0; ok && i < sizeof law_holidays / sizeof law_holidays[0]; i++) {
		struct civil_date d = {(int)year->number, law_holidays[i].month, law_holidays[i].day};
		ok = set_day(db, d, "holiday", law_holidays[i].name);
	}
	return staff_action_finish(req, &year_create, ok, "create", year->number, NULL,
				   arena_printf(req->arena, "/admin/calendar/%lld", year->number));
}

/* ---- one year -------------------------------------------------------------------------------- */

/* What a refused form on the year page was: which of its forms to fill from the request. */
enum year_form { FORM_NONE, FORM_SOURCE, FORM_DAY, FORM_REMOVE };

static enum http_status year_page(struct request *req, int year, enum http_status status,
				  enum year_form refused, const char *remove_error)
{
	const char *source;
	time_t updated;
	bool provisional = false;
	int found = load_year(req, year, &source, &updated, &provisional);
	if (found != 0)
		return found > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	struct workcal cal;
	if (workdays_load(&req->worker->db, req->arena, &cal) < 0)
		return HTTP_INTERNAL_ERROR;
	const char *title = arena_printf(req->arena, "Производственный календарь на %d год", year);
	tpl_dict *d = reference_begin(req, "admin_calendar_year.tpl", title, REFERENCE_CALENDAR,
				      false);
	tpl_set_int(d, "YEAR", year);
	tpl_set(d, "SOURCE", source);
	if (provisional)
		tpl_section_show(d, "PROVISIONAL");
	page_set_date(d, "UPDATED", updated);
	int working = working_days(&cal, year);
	tpl_set(d, "WORKING", arena_printf(req->arena, "%d %s", working,
					   ru_plural(working, "день", "дня", "дней")));
	bool admin = is_admin(req);
	/* The day the edit form starts from: ?day= of a row's «изменить» link. */
	const struct field_value *chosen = &req->field[FIELD_DAY];
	const char *chosen_kind = NULL, *chosen_note = NULL;
	struct calendar_day_row *days;
	size_t count;
	if (db_calendar_year_days(&req->worker->db, req->arena, year, &days, &count) < 0)
		return HTTP_INTERNAL_ERROR;
	int rows = 0, shorts = 0;
	for (size_t i = 0; i < count; i++) {
		const char *day = days[i].day, *kind = days[i].kind;
		struct civil_date date;
		if (!civil_date_parse(day, &date))
			continue;
		tpl_dict *row = tpl_section_add(d, "DAY");
		tpl_set(row, "ISO", day);
		tpl_set(row, "DATE", page_date_words(req, date));
		tpl_set(row, "WEEKDAY", ru_weekday(series_weekday(date) % 7));
		tpl_set(row, "KIND", kind_label(kind));
		tpl_set(row, "NOTE", days[i].note);
		if (strcmp(kind, "short") == 0)
			shorts++;
		if (admin) {
			tpl_dict *actions = tpl_section_add(row, "ACTIONS");
			tpl_set_int(actions, "YEAR", year);
			tpl_set(actions, "ISO", day);
			tpl_set(actions, "DATE", page_date_words(req, date));
			if (!(workdays_law_holiday(date) && strcmp(kind, "holiday") == 0))
				tpl_section_show(actions, "REMOVABLE");
		}
		if (refused == FORM_NONE && chosen->state == FIELD_VALID &&
		    civil_date_compare(chosen->date, date) == 0) {
			chosen_kind = kind;
			chosen_note = days[i].note;
		}
		rows++;
	}
	tpl_section_show(d, rows ? "HAS_DAYS" : "NO_DAYS");
	tpl_set_int(d, "SHORT", shorts);
	if (!admin)
		return page_end(req, status);

	tpl_dict *c = tpl_section_add(d, "CAN_CHANGE");
	tpl_set_int(c, "YEAR", year);
	if (remove_error != NULL)
		tpl_set(tpl_section_add(c, "REMOVE_ERROR"), "MESSAGE", remove_error);
	tpl_dict *df = tpl_include(c, "DAY_FORM", "admin_calendar_day_form.tpl");
	tpl_set(df, "ACTION", arena_printf(req->arena, "/admin/calendar/%d/days", year));
	tpl_set_int(df, "YEAR", year);
	tpl_set(df, "MIN", arena_printf(req->arena, "%d-01-01", year));
	tpl_set(df, "MAX", arena_printf(req->arena, "%d-12-31", year));
	const char *kind = NULL;
	if (refused == FORM_DAY) {
		page_form_fields(req, df);
		kind = req->field[FIELD_DAY_KIND].raw;
	} else if (chosen_kind != NULL) {
		tpl_set(df, "day", page_date_iso(req, chosen->date));
		tpl_set(df, "note", chosen_note);
		kind = chosen_kind;
	}
	reference_code_options(df, "KIND_OPTION", day_kinds, kind);
	tpl_dict *sf = tpl_include(c, "SOURCE_FORM", "admin_calendar_year_form.tpl");
	tpl_set(sf, "ACTION", arena_printf(req->arena, "/admin/calendar/%d", year));
	tpl_section_show(sf, "EDIT");
	if (refused == FORM_SOURCE) {
		page_form_fields(req, sf);
		provisional = provisional_checked(req);
	} else
		tpl_set(sf, "source", source);
	if (provisional)
		tpl_section_show(sf, "PROVISIONAL_CHECKED");
	return page_end(req, status);
}

/* staff_action load: the year of the path (1 when the calendar has no such year). */
static int load_path_year(struct request *req, void *target)
{
	(void)target;
	return load_year(req, req->path_id, NULL, NULL, NULL);
}

/* staff_action pages of the year: the form refused filled from the request, the errors beside
 * its fields (for a removal, req->error_detail beside the removal form). */
static enum http_status source_refused(struct request *req, enum http_status status)
{
	return year_page(req, (int)req->path_id, status, FORM_SOURCE, NULL);
}

static enum http_status day_refused(struct request *req, enum http_status status)
{
	return year_page(req, (int)req->path_id, status, FORM_DAY, NULL);
}

static enum http_status remove_refused(struct request *req, enum http_status status)
{
	return year_page(req, (int)req->path_id, status, FORM_REMOVE, req->error_detail);
}

/* The changes of one year (staff_action): its source, a day set, a day removed. */
static const struct staff_action source_action = {"calendar_year", STMT_CALENDAR_YEAR_JSON,
						  load_path_year, source_refused};
static const struct staff_action day_action = {"calendar_day", STMT_CALENDAR_DAY_JSON,
					       load_path_year, day_refused};
static const struct staff_action remove_action = {"calendar_day", STMT_CALENDAR_DAY_JSON,
						  load_path_year, remove_refused};

/* GET /admin/calendar/YEAR[?day=YYYY-MM-DD] — the year's decree, its number of working days and
 * every stored day with its weekday, kind and note; for administrators the forms to add or
 * change a day (filled from ?day= when that day is stored), remove one, and correct the source.
 * 404 for a year not in the calendar. */
enum http_status page_admin_calendar_year(struct request *req)
{
	return year_page(req, (int)req->path_id, HTTP_OK, FORM_NONE, NULL);
}

/* POST /admin/calendar/YEAR (source, provisional, csrf) — correct the decree a year comes from,
 * and say whether the year is still provisional (no decree yet). 303 to the
 * year's page; 404 for a year not in the calendar; 422 for an empty or too long source. */
enum http_status page_admin_calendar_year_update(struct request *req)
{
	enum http_status status;
	if (!staff_action_begin(req, &source_action, NULL, &status))
		return status;
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &source_action, NULL);
	struct db *db = &req->worker->db;
	json_t *before = staff_json(req, STMT_CALENDAR_YEAR_JSON, req->path_id);
	sqlite3_stmt *s = db_stmt(db, STMT_CALENDAR_YEAR_UPDATE);
	sqlite3_bind_int64(s, 1, req->path_id);
	sqlite3_bind_text(s, 2, req->field[FIELD_SOURCE].text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)req->now);
	sqlite3_bind_int(s, 4, provisional_checked(req));
	bool ok = db_run(s) == SQLITE_DONE;
	return staff_action_finish(req, &source_action, ok, "update", req->path_id, before,
				   arena_printf(req->arena, "/admin/calendar/%lld", req->path_id));
}

/* The checks of a day the field table cannot make; the reason, or NULL when the day fits. */
static const char *day_problem(struct request *req, int year, struct civil_date d,
			       const char *kind)
{
	if (d.year != year)
		return arena_printf(req->arena, "укажите дату в %d году", year);
	if (kind == NULL)
		return NULL;
	bool weekend = series_weekday(d) >= 6;
	if (workdays_law_holiday(d) && strcmp(kind, "holiday") != 0)
		return arena_printf(req->arena,
				    "%d %s — нерабочий праздничный день по статье 112 Трудового "
				    "кодекса; его нельзя сделать рабочим или перенести",
				    d.day, ru_month_genitive(d.month));
	if (strcmp(kind, "working") == 0 && !weekend)
		return "будний день и так рабочий: «рабочий день» ставится на субботу или "
		       "воскресенье";
	if (strcmp(kind, "day_off") == 0 && weekend)
		return "суббота и воскресенье и так выходные: перенесённый выходной ставится на "
		       "будний день";
	return NULL;
}

static int date_number(struct civil_date d)
{
	return d.year * 10000 + d.month * 100 + d.day;
}

/* Mark the year changed now; true on success. */
static bool touch_year(struct request *req, int year)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_CALENDAR_YEAR_TOUCH);
	sqlite3_bind_int(s, 1, year);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	return db_run(s) == SQLITE_DONE;
}

/* POST /admin/calendar/YEAR/days (day, day_kind, note, csrf) — add a day, or change the kind and
 * note of a stored one. 303 to the year's page; 404 for a year not in the calendar; 422 beside
 * the field for a date outside the year, an unknown kind, a holiday of art. 112 made anything
 * but a holiday, a weekday made "working" or a weekend day made "day off". */
enum http_status page_admin_calendar_day_set(struct request *req)
{
	int year = (int)req->path_id;
	enum http_status status;
	if (!staff_action_begin(req, &day_action, NULL, &status))
		return status;
	const struct field_value *day = &req->field[FIELD_DAY], *kind = &req->field[FIELD_DAY_KIND];
	if (kind->state == FIELD_VALID && code_label(day_kinds, kind->text) == NULL)
		page_reject(req, FIELD_DAY_KIND, "выберите вид дня из списка");
	if (day->state == FIELD_VALID) {
		const char *problem = day_problem(
			req, year, day->date, kind->state == FIELD_VALID ? kind->text : NULL);
		if (problem != NULL)
			page_reject(req, FIELD_DAY, problem);
	}
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &day_action, NULL);
	long long id = date_number(day->date);
	json_t *before = staff_json(req, STMT_CALENDAR_DAY_JSON, id);
	bool ok = set_day(&req->worker->db, day->date, kind->text,
			  reference_field_text(req, FIELD_NOTE)) &&
		  touch_year(req, year);
	return staff_action_finish(req, &day_action, ok, before ? "update" : "create", id, before,
				   arena_printf(req->arena, "/admin/calendar/%d", year));
}

/* POST /admin/calendar/YEAR/remove (day, csrf) — remove a stored day: it becomes an ordinary
 * day of the Monday–Friday week again. 303 to the year's page; 404 for a year not in the
 * calendar or a day not stored in it; 422 with the reason for a holiday of art. 112. */
enum http_status page_admin_calendar_day_remove(struct request *req)
{
	int year = (int)req->path_id;
	enum http_status status;
	if (!staff_action_begin(req, &remove_action, NULL, &status))
		return status;
	struct db *db = &req->worker->db;
	struct civil_date d = req->field[FIELD_DAY].date;
	long long id = date_number(d);
	json_t *before = d.year == year ? staff_json(req, STMT_CALENDAR_DAY_JSON, id) : NULL;
	if (before == NULL) {
		db_rollback(db);
		return HTTP_NOT_FOUND;
	}
	const char *kind = json_string_value(json_object_get(before, "kind"));
	if (workdays_law_holiday(d) && kind != NULL && strcmp(kind, "holiday") == 0) {
		json_decref(before);
		return staff_action_refuse(
			req, &remove_action,
			arena_printf(req->arena,
				     "%s — нерабочий праздничный день по статье 112 "
				     "Трудового кодекса; его нельзя удалить из календаря.",
				     page_date_words(req, d)));
	}
	char day[16];
	snprintf(day, sizeof day, "%04d-%02d-%02d", d.year, d.month, d.day);
	sqlite3_stmt *s = db_stmt(db, STMT_CALENDAR_DAY_DELETE);
	sqlite3_bind_text(s, 1, day, -1, SQLITE_TRANSIENT);
	bool ok = db_run(s) == SQLITE_DONE && touch_year(req, year);
	/* Finished by hand: the record of a removal has no state after. */
	if (!ok || audit_record(req, NULL, "delete", "calendar_day", id, before, NULL) < 0 ||
	    db_commit(db) < 0) {
		if (!ok)
			json_decref(before);
		db_log_error(db, "calendar day");
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req, arena_printf(req->arena, "/admin/calendar/%d", year));
}
