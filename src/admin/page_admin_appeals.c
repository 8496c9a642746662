/* page_admin_appeals.c — the registry of appeals for staff (/admin/appeals): the list with its
 * filters, registering a paper appeal (handed in at a meeting, a personal-reception card, mail),
 * one appeal with its history, and the steps of 59-ФЗ — assign a unit and an executor, forward
 * to another body with notice, extend once with notice, answer, close under art. 11, publish the
 * answer to a socially significant question. Every step is a history record and an audit record
 * in the same transaction; notices to the applicant go through the outbox.
 * Personal data of applicants is shown to APPEAL_READERS only; an executor sees and answers only
 * the appeals assigned to them. */
#include <stdio.h>
#include <string.h>

#include "appeal.h"
#include "appeal_rules.h"
#include "scope.h"
#include "workdays.h"
#include "audit.h"
#include "auth.h"
#include "buf.h"
#include "db_reference.h"
#include "outbox.h"
#include "db_municipality.h"
#include "page.h"
#include "pages.h"
#include "ru.h"
#include "staff_change.h"
#include "upload.h"
#include "worker.h"

#define APPEAL_PAGE_ROWS 100
/* Up to this many matches a search is driven by the search index and sorted (a few ms), beyond
 * it the registry is walked in order: the page fills after some hundred rows (issue 22). */
#define FEW_MATCHES 2000
#define DUE_SOON_DAYS 3

static const char *const sources[][2] = {
	{"online", "через сайт"}, {"meeting", "на встрече"},
	{"reception", "на личном приёме"}, {"mail", "по почте"},
};
static const char *const outcomes[][2] = {
	{"no_address", "не указаны фамилия или адрес (ст. 11 ч. 1)"},
	{"abusive", "нецензурные или оскорбительные выражения (ст. 11 ч. 3)"},
	{"unreadable", "текст не поддаётся прочтению (ст. 11 ч. 4)"},
	{"repeated", "повторное без новых доводов (ст. 11 ч. 5)"},
};

static const char *label_of(const char *const table[][2], size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(table[i][0], code) == 0)
			return table[i][1];
	return NULL;
}
#define PAPER_RECEIPT_COOKIE "paper_receipt"
#define LABEL(table, code) label_of(table, sizeof table / sizeof table[0], code)

static void options(tpl_dict *d, const char *section, const char *const table[][2], size_t n,
		    const char *chosen)
{
	for (size_t i = 0; i < n; i++) {
		tpl_dict *o = tpl_section_add(d, section);
		tpl_set(o, "VALUE", table[i][0]);
		tpl_set(o, "LABEL", table[i][1]);
		if (chosen && strcmp(chosen, table[i][0]) == 0)
			tpl_section_show(o, "SELECTED");
	}
}
#define OPTIONS(d, section, table, chosen)                                                        \
	options(d, section, table, sizeof table / sizeof table[0], chosen)

/* To whom the resident wrote, as the form offered it (page_appeals.c): «главе поселения»,
 * «в администрацию поселения», «в подразделение: Отдел благоустройства». */
static const char *addressee_text(struct request *req, const char *code, const char *unit)
{
	if (strcmp(code, "administration") == 0)
		return "в администрацию поселения";
	if (strcmp(code, "unit") == 0)
		return unit[0] ? arena_printf(req->arena, "в подразделение: %s", unit)
			       : "в подразделение администрации";
	return "главе поселения";
}

/* Who works on an appeal: «Иванов И. И., Отдел благоустройства», only the part that is known,
 * «не назначен» when neither is. */
static const char *executor_text(struct request *req, const char *executor, const char *unit)
{
	if (executor[0] && unit[0])
		return arena_printf(req->arena, "%s, %s", executor, unit);
	if (executor[0])
		return executor;
	return unit[0] ? unit : "не назначен";
}

static bool is_executor_only(const struct request *req)
{
	return req->staff->role == ROLE_EXECUTOR;
}

static void iso_date(char out[11], struct civil_date d)
{
	snprintf(out, 11, "%04d-%02d-%02d", d.year, d.month, d.day);
}

static void set_due(struct request *req, tpl_dict *parent, const char *iso)
{
	struct civil_date due;
	if (!civil_date_parse(iso, &due))
		return;
	tpl_dict *d = tpl_section_add(parent, "DUE_AT");
	struct tm tm = {.tm_year = due.year - 1900, .tm_mon = due.month - 1, .tm_mday = due.day};
	char text[64];
	ru_format_date(text, sizeof text, &tm);
	tpl_set(d, "DUE", arena_strdup(req->arena, text));
	tpl_set(d, "DUE_ISO", iso);
	int left = appeal_days_left(tz_local_date(req->now), due);
	if (left < 0)
		tpl_set(tpl_section_add(d, "OVERDUE"), "TEXT",
			arena_printf(req->arena, "просрочено на %d %s", -left,
				     ru_plural(-left, "день", "дня", "дней")));
	else if (left <= DUE_SOON_DAYS)
		tpl_set(tpl_section_add(d, "SOON"), "TEXT",
			left == 0 ? "срок сегодня"
				  : arena_printf(req->arena, "осталось %d %s", left,
						 ru_plural(left, "день", "дня", "дней")));
}

/* The words typed into the search field as an FTS5 query that means "all of these words, in
 * any form": each word quoted (so nothing typed is query syntax), "" doubled inside; NULL when
 * there is no word. */
static const char *search_query(struct request *req, const char *typed)
{
	struct buf q;
	buf_init(&q, req->arena);
	const char *p = typed;
	while (*p) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		buf_puts(&q, q.len ? " \"" : "\"");
		for (; *p && *p != ' ' && *p != '\t'; p++) {
			if (*p == '"')
				buf_puts(&q, "\"\"");
			else
				buf_append(&q, p, 1);
		}
		buf_puts(&q, "\"");
	}
	return q.len ? q.data : NULL;
}

/* GET /admin/appeals?q=&status=&source=&territory=&executor=&due= — the registry, open appeals
 * first by their due date; q finds appeals by the words of their text, number or applicant in
 * any form («улица» finds «улице», ё = е). An executor sees the appeals assigned to them only. */
enum http_status page_admin_appeals(struct request *req)
{
	const struct field_value *v = req->field;
	const char *status = page_field_text(req, FIELD_STATUS);
	const char *source = page_field_text(req, FIELD_APPEAL_SOURCE);
	const char *due = page_field_text(req, FIELD_DUE);
	if ((status[0] && !LABEL(appeal_statuses, status)) || (source[0] && !LABEL(sources, source)) ||
	    (due[0] && strcmp(due, "soon") != 0 && strcmp(due, "overdue") != 0)) {
		req->error_detail = "Такого значения фильтра нет.";
		return HTTP_BAD_REQUEST;
	}
	/* A search of few matches reads them from the search index and sorts them; otherwise the
	 * registry is walked in its order until the page is full (the index appeal_registry). */
	const char *query = search_query(req, page_field_text(req, FIELD_QUERY));
	/* The index takes new appeals in batches (appeal_search_catch_up): those of the last
	 * second are put in first, so that a search finds every registered appeal. */
	if (query && appeal_search_catch_up(&req->worker->db, true) < 0)
		return HTTP_INTERNAL_ERROR;
	enum stmt list = STMT_APPEAL_LIST;
	if (query) {
		sqlite3_stmt *c = db_stmt(&req->worker->db, STMT_APPEAL_MATCHES);
		sqlite3_bind_text(c, 1, query, -1, SQLITE_STATIC);
		sqlite3_bind_int(c, 2, FEW_MATCHES + 1);
		int rc = sqlite3_step(c);
		long long matches = rc == SQLITE_ROW ? sqlite3_column_int64(c, 0) : -1;
		db_done(c);
		if (matches < 0)
			return HTTP_INTERNAL_ERROR;
		if (matches <= FEW_MATCHES)
			list = STMT_APPEAL_LIST_MATCHES;
	}
	sqlite3_stmt *s = db_stmt(&req->worker->db, list);
	if (status[0])
		sqlite3_bind_text(s, 1, status, -1, SQLITE_STATIC);
	if (source[0])
		sqlite3_bind_text(s, 2, source, -1, SQLITE_STATIC);
	if (v[FIELD_TERRITORY].state == FIELD_VALID)
		sqlite3_bind_int64(s, 3, v[FIELD_TERRITORY].number);
	if (is_executor_only(req))
		sqlite3_bind_int64(s, 4, req->staff->user_id);
	else if (v[FIELD_EXECUTOR].state == FIELD_VALID)
		sqlite3_bind_int64(s, 4, v[FIELD_EXECUTOR].number);
	sqlite3_bind_int64(s, 10, scope_bind_value(req));
	char today[11], soon[11];
	struct civil_date now = tz_local_date(req->now);
	iso_date(today, now);
	iso_date(soon, civil_date_add_days(now, DUE_SOON_DAYS));
	if (strcmp(due, "soon") == 0)
		sqlite3_bind_text(s, 5, soon, -1, SQLITE_TRANSIENT);
	if (strcmp(due, "overdue") == 0)
		sqlite3_bind_text(s, 6, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 7, APPEAL_PAGE_ROWS);
	if (query)
		sqlite3_bind_text(s, 8, query, -1, SQLITE_STATIC);
	if (v[FIELD_APPEAL_TOPIC].state == FIELD_VALID)
		sqlite3_bind_text(s, 9, v[FIELD_APPEAL_TOPIC].text, -1, SQLITE_STATIC);

	tpl_dict *d = page_begin(req, "admin_appeals.tpl", "Обращения граждан", NAV_STAFF_APPEALS);
	page_form_fields(req, d);
	OPTIONS(d, "STATUS_OPTION", appeal_statuses, status);
	OPTIONS(d, "SOURCE_OPTION", sources, source);
	long long territory = v[FIELD_TERRITORY].state == FIELD_VALID ? v[FIELD_TERRITORY].number : 0;
	if (page_topic_options(req, d, "TOPIC_OPTION", page_field_text(req, FIELD_APPEAL_TOPIC)) < 0 ||
	    page_territory_options(req, d, "TERRITORY_OPTION", territory, NULL, NULL) < 0) {
		db_done(s);
		return HTTP_INTERNAL_ERROR;
	}
	if (!is_executor_only(req)) {
		tpl_dict *ex = tpl_section_add(d, "EXECUTOR_FILTER");
		sqlite3_stmt *e = db_stmt(&req->worker->db, STMT_EXECUTOR_OPTIONS);
		long long chosen = v[FIELD_EXECUTOR].state == FIELD_VALID ? v[FIELD_EXECUTOR].number : 0;
		int rc;
		while ((rc = sqlite3_step(e)) == SQLITE_ROW) {
			tpl_dict *o = tpl_section_add(ex, "EXECUTOR_OPTION");
			tpl_set_int(o, "ID", sqlite3_column_int64(e, 0));
			tpl_set(o, "NAME", db_text(req->arena, e, 1));
			if (sqlite3_column_int64(e, 0) == chosen)
				tpl_section_show(o, "SELECTED");
		}
		db_done(e);
		if (rc != SQLITE_DONE) {
			db_done(s);
			return HTTP_INTERNAL_ERROR;
		}
	}
	if (strcmp(due, "soon") == 0)
		tpl_section_show(d, "DUE_SOON");
	if (strcmp(due, "overdue") == 0)
		tpl_section_show(d, "DUE_OVERDUE");
	if (req->staff->role & APPEAL_WRITERS)
		tpl_section_show(d, "CAN_REGISTER");
	int rc, rows = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		tpl_dict *row = tpl_section_add(d, "APPEAL");
		tpl_set_int(row, "ID", sqlite3_column_int64(s, 0));
		tpl_set(row, "NUMBER", db_text(req->arena, s, 1));
		page_set_date(row, "REGISTERED", (time_t)sqlite3_column_int64(s, 2));
		const char *st = db_text(req->arena, s, 3);
		tpl_set(row, "STATUS", appeal_status_label(st));
		tpl_set(row, "APPLICANT", arena_printf(req->arena, "%s %s %s", db_text(req->arena, s, 4),
						       db_text(req->arena, s, 5),
						       db_text(req->arena, s, 6)));
		if (strcmp(st, "registered") == 0 || strcmp(st, "in_work") == 0)
			set_due(req, row, db_text(req->arena, s, 7));
		else
			tpl_section_show(row, "NO_DUE");
		tpl_set(row, "EXECUTOR", executor_text(req, db_text(req->arena, s, 8),
						       db_text(req->arena, s, 10)));
		const char *src = db_text(req->arena, s, 9);
		const char *auth = db_text(req->arena, s, 13);
		/* How the author was authenticated (547-ФЗ), beside how the appeal came. */
		tpl_set(row, "SOURCE",
			arena_printf(req->arena, "%s%s", LABEL(sources, src) ? LABEL(sources, src) : src,
				     strcmp(auth, "esia") == 0
					     ? (sqlite3_column_int(s, 14) ? " (Госуслуги, подтверждённая)"
									 : " (Госуслуги)")
				     : strcmp(auth, "email") == 0 ? " (код по электронной почте)"
				     : strcmp(src, "online") == 0 ? " (личность не проверялась)"
								  : ""));
		tpl_set(row, "ADDRESSEE", addressee_text(req, db_text(req->arena, s, 11),
							 db_text(req->arena, s, 12)));
		rows++;
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return HTTP_INTERNAL_ERROR;
	tpl_section_show(d, rows ? "HAS_APPEALS" : "NO_APPEALS");
	return page_end(req, HTTP_OK);
}

/* ---- registering a paper appeal ---------------------------------------------------------- */

/* The reception card of booking (issue 17): the form filled in from it on its first opening —
 * the visitor's name split into surname, name and patronymic, phone, address, the question as
 * the text, who received — and the booking carried as a hidden field. The booking's reception, 0
 * when the form comes back with the staff's own values, -1 when there is no such booking. */
static long long reception_card_fill(struct request *req, tpl_dict *d, long long booking)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_BOOKING_GET);
	sqlite3_bind_int64(s, 1, booking);
	if (sqlite3_step(s) != SQLITE_ROW) {
		db_done(s);
		return -1;
	}
	long long meeting = sqlite3_column_int64(s, 0);
	char *name = (char *)db_text(req->arena, s, 3);
	const char *phone = db_text(req->arena, s, 4), *email = db_text(req->arena, s, 5);
	const char *question = db_text(req->arena, s, 7), *official = db_text(req->arena, s, 10);
	db_done(s);
	tpl_set_int(tpl_section_add(d, "BOOKING"), "ID", booking);
	if (req->field[FIELD_APPEAL_TEXT].raw != NULL)
		return 0;
	/* «Сидорова Мария Ивановна»: surname, name, and the rest as the patronymic. */
	char *save = NULL;
	const char *surname = strtok_r(name, " ", &save);
	const char *given = surname ? strtok_r(NULL, " ", &save) : NULL;
	const char *rest = given ? strtok_r(NULL, "", &save) : NULL;
	tpl_set(d, "surname", surname ? surname : "");
	tpl_set(d, "name", given ? given : "");
	tpl_set(d, "patronymic", rest ? rest : "");
	tpl_set(d, "phone", phone);
	tpl_set(d, "email", email);
	tpl_set(d, "text", question);
	tpl_set(d, "reception_by", official);
	return meeting;
}

static enum http_status new_form(struct request *req, enum http_status status)
{
	tpl_dict *d = page_begin(req, "admin_appeal_new.tpl", "Регистрация обращения",
				 NAV_STAFF_APPEALS);
	page_form_fields(req, d);
	static const char *const paper[][2] = {
		{"meeting", "письменное обращение, переданное на встрече"},
		{"reception", "карточка личного приёма"},
		{"mail", "письмо, поступившее по почте"},
	};
	long long meeting = req->field[FIELD_MEETING].state == FIELD_VALID
				    ? req->field[FIELD_MEETING].number
				    : 0;
	const char *source = page_field_text(req, FIELD_APPEAL_SOURCE);
	if (req->field[FIELD_BOOKING].state == FIELD_VALID) {
		long long from_booking = reception_card_fill(req, d, req->field[FIELD_BOOKING].number);
		if (from_booking < 0)
			return HTTP_NOT_FOUND;
		if (from_booking > 0) {
			meeting = from_booking;
			source = "reception";
		}
	}
	OPTIONS(d, "SOURCE_OPTION", paper, source);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_MEETING_OPTIONS_RECENT);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)(req->now - 366 * 86400));
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		tpl_dict *o = tpl_section_add(d, "MEETING_OPTION");
		tpl_set_int(o, "ID", sqlite3_column_int64(s, 0));
		struct tm tm;
		tz_utc_to_local((time_t)sqlite3_column_int64(s, 2), &tm);
		char date[64];
		ru_format_date(date, sizeof date, &tm);
		tpl_set(o, "NAME", arena_printf(req->arena, "%s, %s", db_text(req->arena, s, 1), date));
		if (sqlite3_column_int64(s, 0) == meeting)
			tpl_section_show(o, "SELECTED");
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return HTTP_INTERNAL_ERROR;
	long long territory = req->field[FIELD_TERRITORY].state == FIELD_VALID
				      ? req->field[FIELD_TERRITORY].number
				      : 0;
	if (page_territory_options(req, d, "TERRITORY_OPTION", territory, NULL, NULL) < 0)
		return HTTP_INTERNAL_ERROR;
	if (page_topic_options(req, d, "TOPIC_OPTION", page_field_text(req, FIELD_APPEAL_TOPIC)) < 0)
		return HTTP_INTERNAL_ERROR;
	/* Whose registry: asked only when the portal serves several municipalities (issue 18). */
	if (page_municipality_field(req, d, false) < 0)
		return HTTP_INTERNAL_ERROR;
	if (req->field[FIELD_ORAL].state == FIELD_VALID)
		tpl_section_show(d, "ORAL_CHECKED");
	if (req->field[FIELD_ORAL_CONSENT].state == FIELD_VALID)
		tpl_section_show(d, "ORAL_CONSENT_CHECKED");
	if (req->field[FIELD_RECEIVED_ON].raw == NULL) {
		char today[11];
		iso_date(today, tz_local_date(req->now));
		tpl_set(d, "received_on", arena_strdup(req->arena, today));
	}
	return page_end(req, status);
}

/* GET /admin/appeals/new — the registration form for a paper appeal. */
enum http_status page_admin_appeal_new(struct request *req)
{
	return new_form(req, HTTP_OK);
}

/* In the registration's transaction: the booking whose reception card became appeal. */
static int link_booking(struct request *req, long long booking, long long appeal)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_BOOKING_SET_APPEAL);
	sqlite3_bind_int64(s, 1, booking);
	sqlite3_bind_int64(s, 2, appeal);
	return db_run(s) == SQLITE_DONE ? 0 : -1;
}

/* POST /admin/appeals (source, received_on, meeting, reception_by, oral, oral_answer,
 * oral_consent, surname, name, patronymic, email, address, phone, territory, municipality, text,
 * csrf) — register a paper appeal: it gets its number at once, in the registry of the
 * municipality chosen, else its territory's, its meeting's or the own one; 303 to it. 422 with
 * errors beside the fields: an unknown source, meeting or municipality, a receipt date in the future, an appeal from a meeting
 * without the meeting. Without a surname or an address it is still registered (59-ФЗ art. 11
 * part 1 decides later that no answer can be sent). */
enum http_status page_admin_appeal_register(struct request *req)
{
	const struct field_value *v = req->field;
	const char *source = page_field_text(req, FIELD_APPEAL_SOURCE);
	if (v[FIELD_APPEAL_SOURCE].state == FIELD_VALID && (strcmp(source, "online") == 0 ||
							     !LABEL(sources, source)))
		page_reject(req, FIELD_APPEAL_SOURCE, "выберите из списка");
	if (strcmp(source, "meeting") == 0 && v[FIELD_MEETING].state == FIELD_ABSENT)
		page_reject(req, FIELD_MEETING, "укажите встречу, на которой передано обращение");
	struct civil_date today = tz_local_date(req->now);
	if (v[FIELD_RECEIVED_ON].state == FIELD_VALID &&
	    civil_date_compare(v[FIELD_RECEIVED_ON].date, today) > 0)
		page_reject(req, FIELD_RECEIVED_ON, "дата поступления ещё не наступила");
	struct territory_item *territories;
	size_t count;
	if (v[FIELD_TERRITORY].state == FIELD_VALID &&
	    page_territory_options(req, NULL, NULL, 0, &territories, &count) == 0 &&
	    !db_territory_known(territories, count, v[FIELD_TERRITORY].number))
		page_reject(req, FIELD_TERRITORY, "выберите из списка");
	if (v[FIELD_APPEAL_TOPIC].state == FIELD_VALID &&
	    !page_topic_known(req, v[FIELD_APPEAL_TOPIC].text))
		page_reject(req, FIELD_APPEAL_TOPIC, "выберите из списка");
	if (v[FIELD_MUNICIPALITY].state == FIELD_VALID) {
		struct municipality_item *bodies;
		size_t body_count;
		if (db_municipality_list(&req->worker->db, req->arena, &bodies, &body_count) < 0)
			return HTTP_INTERNAL_ERROR;
		if (db_municipality_find(bodies, body_count, v[FIELD_MUNICIPALITY].number) == NULL)
			page_reject(req, FIELD_MUNICIPALITY, "выберите из списка");
	}
	if (req->invalid_fields > 0)
		return new_form(req, HTTP_UNPROCESSABLE);

	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	if (v[FIELD_MEETING].state == FIELD_VALID) {
		sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_MEETING);
		sqlite3_bind_int64(s, 1, v[FIELD_MEETING].number);
		bool known = sqlite3_step(s) == SQLITE_ROW;
		time_t starts = known ? (time_t)sqlite3_column_int64(s, 0) : 0;
		const char *mstatus = known ? db_text(req->arena, s, 1) : "";
		db_done(s);
		/* Nothing is handed in at a meeting that has not taken place. */
		if (!known)
			page_reject(req, FIELD_MEETING, "такой встречи нет");
		else if (strcmp(mstatus, "cancelled") == 0 || strcmp(mstatus, "draft") == 0)
			page_reject(req, FIELD_MEETING,
				    strcmp(mstatus, "draft") == 0
					    ? "не утверждена и не проводилась"
					    : "отменена, на ней обращение передать не могли");
		else if (starts > req->now)
			page_reject(req, FIELD_MEETING,
				    arena_printf(req->arena, "ещё не состоялась, она назначена на %s",
						 page_date_words(req, tz_local_date(starts))));
		else if (v[FIELD_RECEIVED_ON].state == FIELD_VALID &&
			 civil_date_compare(v[FIELD_RECEIVED_ON].date, tz_local_date(starts)) < 0)
			page_reject(req, FIELD_RECEIVED_ON,
				    arena_printf(req->arena, "не раньше дня встречи, %s: обращение "
							     "передано на ней",
						 page_date_words(req, tz_local_date(starts))));
		if (req->invalid_fields > 0) {
			db_rollback(db);
			return new_form(req, HTTP_UNPROCESSABLE);
		}
	}
	struct appeal_input in = {
		.source = source,
		.addressee = "head",
		.addressee_unit = "",
		.surname = page_field_text(req, FIELD_SURNAME),
		.name = page_field_text(req, FIELD_GIVEN_NAME),
		.patronymic = page_field_text(req, FIELD_PATRONYMIC),
		.email = page_field_text(req, FIELD_EMAIL),
		.address = page_field_text(req, FIELD_POSTAL_ADDRESS),
		.phone = page_field_text(req, FIELD_PHONE),
		.territory_id = v[FIELD_TERRITORY].state == FIELD_VALID ? v[FIELD_TERRITORY].number : 0,
		/* Without a body, a territory or a meeting an appeal would go to the own
		 * municipality's registry: a scoped account registers it in its own body's. */
		.municipality_id = v[FIELD_MUNICIPALITY].state == FIELD_VALID
					   ? v[FIELD_MUNICIPALITY].number
				   : v[FIELD_TERRITORY].state != FIELD_VALID &&
						   v[FIELD_MEETING].state != FIELD_VALID
					   ? scope_bind_value(req)
					   : 0,
		.topic_code = page_field_text(req, FIELD_APPEAL_TOPIC),
		.text = page_field_text(req, FIELD_APPEAL_TEXT),
		.received_at = v[FIELD_RECEIVED_ON].state == FIELD_VALID
				       ? tz_local_to_utc(v[FIELD_RECEIVED_ON].date, 12, 0)
				       : req->now,
		.registered_by = req->staff->user_id,
		.meeting_id = v[FIELD_MEETING].state == FIELD_VALID ? v[FIELD_MEETING].number : 0,
		.reception_by = page_field_text(req, FIELD_RECEPTION_BY),
		.oral = v[FIELD_ORAL].state == FIELD_VALID,
		.oral_answer = page_field_text(req, FIELD_ORAL_ANSWER),
		.oral_consent = v[FIELD_ORAL_CONSENT].state == FIELD_VALID,
	};
	struct appeal_created c;
	if (appeal_create(db, req->arena, req->worker->cfg, &in, req->now, &c) < 0 ||
	    (v[FIELD_BOOKING].state == FIELD_VALID && link_booking(req, v[FIELD_BOOKING].number,
								   c.id) < 0) ||
	    audit_record(req, NULL, "register", "appeal", c.id, NULL,
			 json_pack("{s:s, s:s}", "number", c.number, "source", source)) < 0 ||
	    db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	/* The paper applicant's receipt carries the private code (issue 16 item 7, issue 21 item
	 * 3): it travels to the appeal's page in a cookie read once, as the public receipt's does,
	 * and is stored nowhere but as its hash. */
	response_header(req, "Set-Cookie",
			arena_printf(req->arena, "%s=%lld~%s; Path=/admin/appeals; Max-Age=900; "
						 "HttpOnly; SameSite=Lax%s",
				     PAPER_RECEIPT_COOKIE, c.id, c.code, req->https ? "; Secure" : ""));
	return response_redirect(req, arena_printf(req->arena, "/admin/appeals/%lld", c.id));
}

/* ---- one appeal ---------------------------------------------------------------------------- */

struct appeal_row {
	long long id, executor_id;
	const char *number, *status, *email;
	const char *answer_due;
	bool extended;
	time_t registered_at;
};

/* Load the appeal of the path; 0, 1 when there is none, -1 on error. An executor may reach only
 * their own (403). */
static int load(struct request *req, struct appeal_row *a, sqlite3_stmt **keep)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_APPEAL_GET);
	sqlite3_bind_int64(s, 1, req->path_id);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		db_done(s);
		return rc == SQLITE_DONE ? 1 : -1;
	}
	a->id = sqlite3_column_int64(s, 0);
	a->number = db_text(req->arena, s, 1);
	a->email = db_text(req->arena, s, 8);
	a->registered_at = (time_t)sqlite3_column_int64(s, 14);
	a->status = db_text(req->arena, s, 15);
	a->executor_id = sqlite3_column_int64(s, 17);
	a->answer_due = db_text(req->arena, s, 19);
	a->extended = sqlite3_column_type(s, 21) != SQLITE_NULL;
	if (keep)
		*keep = s;
	else
		db_done(s);
	return 0;
}

/* How the applicant was authenticated (547-ФЗ) and their verdict on the answer, for the staff
 * page of appeal id: AUTH, and a VERDICT section. */
static void appeal_author_fill(struct request *req, tpl_dict *d, long long id)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_APPEAL_AUTHOR);
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW) {
		const char *method = db_text(req->arena, s, 1);
		tpl_set(d, "AUTH", strcmp(method, "esia") == 0
					   ? (sqlite3_column_int(s, 2)
						      ? "через Госуслуги (ЕСИА), подтверждённая учётная запись"
						      : "через Госуслуги (ЕСИА), учётная запись не подтверждена")
				   : strcmp(method, "email") == 0
					   ? "код, отправленный на электронную почту"
					   : "не проверялась (бумажное обращение или поступившее до входа "
					     "на сайт)");
		const char *verdict = db_text(req->arena, s, 3);
		if (verdict[0]) {
			tpl_dict *v = tpl_section_add(d, "VERDICT");
			tpl_set(v, "TEXT", strcmp(verdict, "resolved") == 0 ? "вопрос решён"
									     : "вопрос не решён");
			tpl_set(v, "COMMENT", db_text(req->arena, s, 4));
			page_set_datetime(v, "AT", (time_t)sqlite3_column_int64(s, 5));
		}
	}
	db_done(s);
}

/* Whether appeal id came from a resident with a personal account (the answer is there too). */
static bool appeal_has_account(struct request *req, long long id)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_APPEAL_AUTHOR);
	sqlite3_bind_int64(s, 1, id);
	bool yes = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL;
	db_done(s);
	return yes;
}

/* The receipt of a paper appeal just registered: number and private code for the applicant,
 * shown once on the appeal's page (printable), from the cookie the registration set. */
static void paper_receipt_fill(struct request *req, tpl_dict *d, long long id,
			       const char *number, const char *due_iso)
{
	const struct param *p = params_find(&req->cookies, PAPER_RECEIPT_COOKIE);
	if (p == NULL || p->value_len > 64)
		return;
	const char *tilde = strchr(p->value, '~');
	if (tilde == NULL || strtoll(p->value, NULL, 10) != id)
		return;
	tpl_dict *r = tpl_section_add(d, "PAPER_RECEIPT");
	tpl_set(r, "NUMBER", number);
	tpl_set(r, "CODE", arena_strdup(req->arena, tilde + 1));
	tpl_set(r, "STATUS_URL", arena_printf(req->arena, "%s/appeals/status",
					      req->worker->cfg->site_url));
	struct civil_date due;
	if (civil_date_parse(due_iso, &due))
		tpl_set(r, "DUE", page_date_words(req, due));
	response_header(req, "Set-Cookie",
			arena_printf(req->arena, "%s=; Path=/admin/appeals; Max-Age=0; HttpOnly; "
						 "SameSite=Lax%s",
				     PAPER_RECEIPT_COOKIE, req->https ? "; Secure" : ""));
}

static const char *appeal_action_label(const char *action)
{
	static const char *const labels[][2] = {
		{"registered", "зарегистрировано"}, {"assigned", "назначен исполнитель"},
		{"forwarded", "направлено по компетенции"}, {"extended", "срок продлён"},
		{"answered", "дан ответ"}, {"closed", "закрыто без ответа по существу"},
		{"published", "ответ опубликован"}, {"verdict", "оценка заявителя"},
	};
	const char *label = LABEL(labels, action);
	return label ? label : action;
}

static enum http_status appeal_page(struct request *req, enum http_status status)
{
	struct appeal_row a;
	sqlite3_stmt *s;
	int rc = load(req, &a, &s);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	if (is_executor_only(req) && a.executor_id != req->staff->user_id) {
		db_done(s);
		return HTTP_FORBIDDEN;
	}
	tpl_dict *d = page_begin(req, "admin_appeal.tpl",
				 arena_printf(req->arena, "Обращение № %s", a.number),
				 NAV_STAFF_APPEALS);
	page_form_fields(req, d);
	tpl_set_int(d, "ID", a.id);
	tpl_set(d, "NUMBER", a.number);
	const char *src = db_text(req->arena, s, 2);
	tpl_set(d, "SOURCE", LABEL(sources, src) ? LABEL(sources, src) : src);
	tpl_set(d, "APPLICANT", arena_printf(req->arena, "%s %s %s", db_text(req->arena, s, 5),
					     db_text(req->arena, s, 6), db_text(req->arena, s, 7)));
	tpl_set(d, "EMAIL", db_text(req->arena, s, 8));
	tpl_set(d, "ADDRESS", db_text(req->arena, s, 9));
	tpl_set(d, "PHONE", db_text(req->arena, s, 10));
	tpl_set(d, "TERRITORY", db_text(req->arena, s, 11));
	tpl_set(d, "TOPIC", db_text(req->arena, s, 39));
	tpl_set(d, "TEXT", db_text(req->arena, s, 12));
	page_set_datetime(d, "RECEIVED", (time_t)sqlite3_column_int64(s, 13));
	page_set_datetime(d, "REGISTERED", a.registered_at);
	{
		/* 59-ФЗ art. 8 part 2: registered within 3 days of receipt. */
		struct civil_date received = tz_local_date((time_t)sqlite3_column_int64(s, 13));
		struct civil_date registered = tz_local_date(a.registered_at);
		int late = (int)civil_date_diff(registered, received) - APPEAL_REGISTER_DAYS;
		if (late > 0)
			tpl_set(tpl_section_add(d, "REGISTERED_LATE"), "TEXT",
				arena_printf(req->arena, "зарегистрировано позже срока на %d %s", late,
					     ru_plural(late, "день", "дня", "дней")));
	}
	tpl_set(d, "STATUS", appeal_status_label(a.status));
	tpl_set(d, "EXECUTOR", executor_text(req, db_text(req->arena, s, 18),
					     db_text(req->arena, s, 16)));
	tpl_set(d, "ADDRESSEE", addressee_text(req, db_text(req->arena, s, 3),
					       db_text(req->arena, s, 4)));
	bool open = strcmp(a.status, "registered") == 0 || strcmp(a.status, "in_work") == 0;
	if (open)
		set_due(req, tpl_section_add(d, "OPEN_DUE"), a.answer_due);
	appeal_progress_fill(req, d, s, 21);
	const char *outcome = db_text(req->arena, s, 27);
	if (outcome[0] && LABEL(outcomes, outcome))
		tpl_set(tpl_section_add(d, "OUTCOME"), "TEXT", LABEL(outcomes, outcome));
	if (sqlite3_column_type(s, 31) != SQLITE_NULL) {
		tpl_dict *p = tpl_section_add(d, "PUBLISHED");
		page_set_datetime(p, "AT", (time_t)sqlite3_column_int64(s, 31));
	}
	if (sqlite3_column_type(s, 32) != SQLITE_NULL) {
		tpl_dict *m = tpl_section_add(d, "MEETING");
		tpl_set_int(m, "MEETING_ID", sqlite3_column_int64(s, 32));
		tpl_set(m, "TITLE", db_text(req->arena, s, 33));
	}
	appeal_author_fill(req, d, a.id);
	paper_receipt_fill(req, d, a.id, a.number, a.answer_due);
	const char *reception_by = db_text(req->arena, s, 34);
	if (strcmp(src, "reception") == 0) {
		tpl_dict *r = tpl_section_add(d, "RECEPTION");
		tpl_set(r, "BY", reception_by);
		tpl_set(r, "ORAL", sqlite3_column_int(s, 35) ? "да" : "нет");
		tpl_set(r, "ORAL_ANSWER", db_text(req->arena, s, 36));
		tpl_set(r, "ORAL_CONSENT", sqlite3_column_int(s, 37) ? "да" : "нет");
	}
	bool answered = strcmp(a.status, "answered") == 0;
	db_done(s);

	bool writer = (req->staff->role & APPEAL_WRITERS) != 0;
	if (open && writer) {
		tpl_dict *w = tpl_section_add(d, "WRITER_ACTIONS");
		sqlite3_stmt *e = db_stmt(&req->worker->db, STMT_EXECUTOR_OPTIONS);
		while ((rc = sqlite3_step(e)) == SQLITE_ROW) {
			tpl_dict *o = tpl_section_add(w, "EXECUTOR_OPTION");
			tpl_set_int(o, "ID", sqlite3_column_int64(e, 0));
			tpl_set(o, "NAME", db_text(req->arena, e, 1));
			if (sqlite3_column_int64(e, 0) == a.executor_id)
				tpl_section_show(o, "SELECTED");
		}
		db_done(e);
		if (rc != SQLITE_DONE)
			return HTTP_INTERNAL_ERROR;
		OPTIONS(w, "OUTCOME_OPTION", outcomes, page_field_text(req, FIELD_OUTCOME));
		if (!a.extended)
			tpl_section_show(w, "CAN_EXTEND");
	}
	if (open && (writer || a.executor_id == req->staff->user_id))
		tpl_section_show(d, "CAN_ANSWER");
	if (answered && writer)
		tpl_section_show(d, "CAN_PUBLISH");

	s = db_stmt(&req->worker->db, STMT_APPEAL_FILES);
	sqlite3_bind_int64(s, 1, a.id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		tpl_dict *f = tpl_section_add(d, "FILE");
		tpl_set_int(f, "FILE_ID", sqlite3_column_int64(s, 0));
		tpl_set(f, "NAME", db_text(req->arena, s, 1));
		long long size = sqlite3_column_int64(s, 3);
		tpl_set(f, "SIZE", size >= 1024 * 1024
					   ? arena_printf(req->arena, "%.1f МБ", (double)size / 1048576)
					   : arena_printf(req->arena, "%lld КБ", (size + 1023) / 1024));
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return HTTP_INTERNAL_ERROR;
	s = db_stmt(&req->worker->db, STMT_APPEAL_EVENTS);
	sqlite3_bind_int64(s, 1, a.id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		tpl_dict *ev = tpl_section_add(d, "EVENT");
		page_set_datetime(ev, "AT", (time_t)sqlite3_column_int64(s, 0));
		const char *login = db_text(req->arena, s, 1);
		/* «зарегистрировано: получено через сайт (без участия сотрудника)» (issue 21). */
		tpl_set(ev, "WHO", login[0] ? login : "без участия сотрудника");
		tpl_set(ev, "ACTION", appeal_action_label(db_text(req->arena, s, 2)));
		const char *note = db_text(req->arena, s, 3);
		if (note[0])
			tpl_set(tpl_section_add(ev, "NOTE"), "TEXT", note);
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return HTTP_INTERNAL_ERROR;
	return page_end(req, status);
}

/* GET /admin/appeals/ID — the appeal, its applicant (APPEAL_READERS only), deadlines, history
 * and the forms of the next steps for those who may take them. Showing an applicant's personal
 * data is itself recorded in the audit log: every access that reveals it is audited. */
enum http_status page_admin_appeal(struct request *req)
{
	enum http_status status = appeal_page(req, HTTP_OK);
	if (status == HTTP_OK &&
	    audit_record(req, NULL, "view", "appeal", req->path_id, NULL, NULL) < 0)
		return HTTP_INTERNAL_ERROR;
	return status;
}


/* A notice to the applicant by e-mail, when there is an address (a paper answer is the
 * executor's to post). */
static int notify_applicant(struct request *req, const struct appeal_row *a, const char *kind,
			    const char *subject, const char *body)
{
	if (a->email[0] == '\0')
		return 0;
	const struct config *cfg = req->worker->cfg;
	struct outbox_message m = {
		.dedup_key = arena_printf(req->arena, "appeal:%lld:%s", a->id, kind),
		.channel = OUTBOX_MAIL,
		.recipient = a->email,
		.subject = subject,
		.body = arena_printf(req->arena, "%s\n\n--\n%s\n", body,
				     cfg->administration_name[0] ? cfg->administration_name
								 : cfg->municipality_name),
		.purpose = "notice",
	};
	return outbox_add(&req->worker->db, &m, req->now) < 0 ? -1 : 0;
}

/* Start a step: the write transaction, the appeal loaded inside it, open and reachable. */
static bool step_target(struct request *req, struct appeal_row *a, enum http_status *status,
			bool executor_may)
{
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0) {
		*status = HTTP_INTERNAL_ERROR;
		return false;
	}
	int rc = load(req, a, NULL);
	if (rc != 0) {
		db_rollback(db);
		*status = rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
		return false;
	}
	bool writer = (req->staff->role & APPEAL_WRITERS) != 0;
	if (!writer && !(executor_may && a->executor_id == req->staff->user_id)) {
		db_rollback(db);
		*status = HTTP_FORBIDDEN;
		return false;
	}
	return true;
}

/* Finish a step: its history record and audit record, commit, back to the appeal. */
static enum http_status finish(struct request *req, const struct appeal_row *a, bool ok,
			       const char *action, const char *note)
{
	struct db *db = &req->worker->db;
	if (!ok) {
		db_rollback(db);
		req->error_detail = "Этот шаг уже невозможен: обращение закрыто или срок уже продлевали.";
		return appeal_page(req, HTTP_UNPROCESSABLE);
	}
	if (appeal_event(db, a->id, req->now, req->staff->user_id, action, note) < 0 ||
	    audit_record(req, NULL, action, "appeal", a->id, NULL,
			 json_pack("{s:s, s:s}", "number", a->number, "note", note)) < 0 ||
	    db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req, arena_printf(req->arena, "/admin/appeals/%lld", a->id));
}

static enum http_status refuse(struct request *req)
{
	db_rollback(&req->worker->db);
	return appeal_page(req, HTTP_UNPROCESSABLE);
}

/* POST /admin/appeals/ID/assign (unit, executor, csrf) — to a unit and an executor. */
enum http_status page_admin_appeal_assign(struct request *req)
{
	struct appeal_row a;
	enum http_status status;
	if (!step_target(req, &a, &status, false))
		return status;
	if (req->invalid_fields > 0)
		return refuse(req);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_APPEAL_ASSIGN);
	sqlite3_bind_int64(s, 1, a.id);
	sqlite3_bind_text(s, 2, page_field_text(req, FIELD_UNIT), -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, req->field[FIELD_EXECUTOR].number);
	bool ok = db_run(s) == SQLITE_DONE && sqlite3_changes(req->worker->db.conn) > 0;
	return finish(req, &a, ok, "assigned", page_field_text(req, FIELD_UNIT));
}

/* POST /admin/appeals/ID/forward (forward_to, csrf) — to the competent body, with notice to the
 * applicant (59-ФЗ art. 8 part 3). */
enum http_status page_admin_appeal_forward(struct request *req)
{
	struct appeal_row a;
	enum http_status status;
	if (!step_target(req, &a, &status, false))
		return status;
	if (req->invalid_fields > 0)
		return refuse(req);
	const char *to = page_field_text(req, FIELD_FORWARD_TO);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_APPEAL_FORWARD);
	sqlite3_bind_int64(s, 1, a.id);
	sqlite3_bind_text(s, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)req->now);
	bool ok = db_run(s) == SQLITE_DONE && sqlite3_changes(req->worker->db.conn) > 0;
	if (ok && notify_applicant(req, &a, "forwarded",
				   arena_printf(req->arena, "Обращение № %s направлено по компетенции",
						a.number),
				   arena_printf(req->arena,
						"Ваше обращение № %s направлено для рассмотрения "
						"в орган, в компетенцию которого входит решение "
						"поставленных вопросов: %s (ч. 3 ст. 8 Федерального "
						"закона № 59-ФЗ).",
						a.number, to)) < 0)
		ok = false;
	return finish(req, &a, ok, "forwarded", to);
}

/* POST /admin/appeals/ID/extend (days, reason, csrf) — the one extension of up to 30 days,
 * with notice to the applicant (59-ФЗ art. 12 part 2). */
enum http_status page_admin_appeal_extend(struct request *req)
{
	struct appeal_row a;
	enum http_status status;
	if (!step_target(req, &a, &status, false))
		return status;
	if (req->invalid_fields > 0)
		return refuse(req);
	struct workcal cal;
	if (workdays_current(&req->worker->db, &cal) < 0) {
		db_rollback(&req->worker->db);
		return HTTP_INTERNAL_ERROR;
	}
	int days = (int)req->field[FIELD_EXTENSION_DAYS].number;
	struct civil_date registered = tz_local_date(a.registered_at);
	struct appeal_dates due = appeal_due_dates(&cal, registered, registered, days,
						   (enum appeal_day_off)req->worker->cfg->appeal_day_off);
	char new_due[11];
	iso_date(new_due, due.answer_by);
	const char *reason = page_field_text(req, FIELD_REASON);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_APPEAL_EXTEND);
	sqlite3_bind_int64(s, 1, a.id);
	sqlite3_bind_int(s, 2, days);
	sqlite3_bind_text(s, 3, reason, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, new_due, -1, SQLITE_STATIC);
	bool ok = db_run(s) == SQLITE_DONE && sqlite3_changes(req->worker->db.conn) > 0;
	struct tm tm = {.tm_year = due.answer_by.year - 1900, .tm_mon = due.answer_by.month - 1,
			.tm_mday = due.answer_by.day};
	char words[64];
	ru_format_date(words, sizeof words, &tm);
	if (ok && notify_applicant(req, &a, "extended",
				   arena_printf(req->arena, "Срок рассмотрения обращения № %s продлён",
						a.number),
				   arena_printf(req->arena,
						"Срок рассмотрения вашего обращения № %s продлён на "
						"%d %s, до %s (ч. 2 ст. 12 Федерального закона "
						"№ 59-ФЗ). Причина: %s",
						a.number, days, ru_plural(days, "день", "дня", "дней"),
						words, reason)) < 0)
		ok = false;
	return finish(req, &a, ok, "extended",
		      arena_printf(req->arena, "на %d %s до %s: %s", days,
				   ru_plural(days, "день", "дня", "дней"), words, reason));
}

/* POST /admin/appeals/ID/answer (answer, csrf) — the answer on the merits, mailed to the
 * applicant when there is an address. The executor of the appeal may answer too. */
enum http_status page_admin_appeal_answer(struct request *req)
{
	struct appeal_row a;
	enum http_status status;
	if (!step_target(req, &a, &status, true))
		return status;
	if (req->invalid_fields > 0)
		return refuse(req);
	const char *answer = page_field_text(req, FIELD_ANSWER);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_APPEAL_ANSWER);
	sqlite3_bind_int64(s, 1, a.id);
	sqlite3_bind_text(s, 2, answer, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)req->now);
	bool ok = db_run(s) == SQLITE_DONE && sqlite3_changes(req->worker->db.conn) > 0;
	if (ok && notify_applicant(req, &a, "answered",
				   arena_printf(req->arena, "Ответ на обращение № %s", a.number),
				   arena_printf(req->arena, "Ответ на ваше обращение № %s.\n\n%s%s",
						a.number, answer,
						appeal_has_account(req, a.id)
							? arena_printf(req->arena,
								       "\n\nОтвет также доступен в "
								       "вашем личном кабинете: "
								       "%s/account",
								       req->worker->cfg->site_url)
							: "")) < 0)
		ok = false;
	return finish(req, &a, ok, "answered", "");
}

/* POST /admin/appeals/ID/close (outcome, reason, repeated_of, csrf) — close without an answer on
 * the merits under 59-ФЗ art. 11, with notice where the law asks for one (abusive, unreadable,
 * repeated); a repeated appeal names the earlier one. */
enum http_status page_admin_appeal_close(struct request *req)
{
	struct appeal_row a;
	enum http_status status;
	if (!step_target(req, &a, &status, false))
		return status;
	const char *outcome = page_field_text(req, FIELD_OUTCOME);
	if (req->field[FIELD_OUTCOME].state == FIELD_VALID && !LABEL(outcomes, outcome))
		page_reject(req, FIELD_OUTCOME, "выберите из списка");
	long long earlier = 0;
	if (strcmp(outcome, "repeated") == 0) {
		sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_APPEAL_ID_BY_NUMBER);
		sqlite3_bind_text(s, 1, page_field_text(req, FIELD_REPEATED_OF), -1, SQLITE_STATIC);
		earlier = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
		db_done(s);
		if (earlier == 0 || earlier == a.id)
			page_reject(req, FIELD_REPEATED_OF, "укажите номер прежнего обращения");
	}
	if (req->invalid_fields > 0)
		return refuse(req);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_APPEAL_CLOSE);
	sqlite3_bind_int64(s, 1, a.id);
	sqlite3_bind_text(s, 2, outcome, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)req->now);
	if (earlier)
		sqlite3_bind_int64(s, 4, earlier);
	bool ok = db_run(s) == SQLITE_DONE && sqlite3_changes(req->worker->db.conn) > 0;
	const char *reason = page_field_text(req, FIELD_REASON);
	if (ok && strcmp(outcome, "no_address") != 0 &&
	    notify_applicant(req, &a, "closed",
			     arena_printf(req->arena, "Обращение № %s", a.number),
			     arena_printf(req->arena,
					  "Ваше обращение № %s оставлено без ответа по существу: %s "
					  "(Федеральный закон № 59-ФЗ).%s%s",
					  a.number, LABEL(outcomes, outcome), reason[0] ? "\n\n" : "",
					  reason)) < 0)
		ok = false;
	return finish(req, &a, ok, "closed", LABEL(outcomes, outcome));
}

/* Mail the published answer of appeal a to every active address of the media list, in the open
 * transaction (order № 2 of the Zelenoborsk head §3.3: answers to socially significant questions go
 * to the media as the announcements do). Once per appeal and address: publishing a corrected
 * version again mails nothing new. 0, or -1 on a database error. */
static int mail_answer_to_media(struct request *req, const struct appeal_row *a,
				const char *question, const char *answer)
{
	const struct config *cfg = req->worker->cfg;
	const char *body = arena_printf(
		req->arena,
		"%s публикует ответ на общественно значимый вопрос жителей (обращение № %s).\n\n"
		"Вопрос:\n%s\n\nОтвет:\n%s\n\nВсе ответы: %s/answers\n\n--\n%s\n",
		cfg->administration_name[0] ? cfg->administration_name : cfg->municipality_name,
		a->number, question, answer, cfg->site_url,
		cfg->administration_name[0] ? cfg->administration_name : cfg->municipality_name);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_MEDIA_LIST);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (sqlite3_column_int(s, 3) == 0)
			continue; /* switched off */
		const char *email = db_text(req->arena, s, 2);
		struct outbox_message m = {
			.dedup_key = arena_printf(req->arena, "answer:%lld:mail:%s", a->id, email),
			.channel = OUTBOX_MAIL,
			.recipient = email,
			.subject = arena_printf(req->arena, "Ответ на вопрос жителей: обращение № %s",
						a->number),
			.body = body,
			.purpose = "answer",
		};
		if (outbox_add(&req->worker->db, &m, req->now) < 0) {
			db_done(s);
			return -1;
		}
	}
	db_done(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* POST /admin/appeals/ID/publish (public_question, public_answer, csrf) — publish the answer to
 * a socially significant question on /answers, on its meeting's page and in /feed.atom, in a
 * version written without personal data (order № 2 of the Zelenoborsk head §3.3), and mail it to
 * the media list. */
enum http_status page_admin_appeal_publish(struct request *req)
{
	struct appeal_row a;
	enum http_status status;
	if (!step_target(req, &a, &status, false))
		return status;
	if (req->invalid_fields > 0)
		return refuse(req);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_APPEAL_PUBLISH);
	sqlite3_bind_int64(s, 1, a.id);
	sqlite3_bind_text(s, 2, page_field_text(req, FIELD_PUBLIC_QUESTION), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, page_field_text(req, FIELD_PUBLIC_ANSWER), -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)req->now);
	bool ok = db_run(s) == SQLITE_DONE && sqlite3_changes(req->worker->db.conn) > 0;
	if (ok && mail_answer_to_media(req, &a, page_field_text(req, FIELD_PUBLIC_QUESTION),
				       page_field_text(req, FIELD_PUBLIC_ANSWER)) < 0)
		ok = false;
	return finish(req, &a, ok, "published", "");
}

/* GET /admin/appeal-files/ID — a file attached to an appeal, as an attachment with its original
 * name, for those who may read the appeal. 404 when the row or the stored file is missing. */
enum http_status page_admin_appeal_file(struct request *req)
{
	struct db *db = &req->worker->db;
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_FILE_GET);
	sqlite3_bind_int64(s, 1, req->path_id);
	if (sqlite3_step(s) != SQLITE_ROW) {
		db_done(s);
		return HTTP_NOT_FOUND;
	}
	long long executor = sqlite3_column_int64(s, 0);
	const char *name = db_text(req->arena, s, 1), *mime = db_text(req->arena, s, 2);
	const char *sha = db_text(req->arena, s, 3);
	db_done(s);
	if (is_executor_only(req) && executor != req->staff->user_id)
		return HTTP_FORBIDDEN;
	if (audit_record(req, NULL, "download", "appeal_file", req->path_id, NULL, NULL) < 0)
		return HTTP_INTERNAL_ERROR;
	return page_send_stored_file(req, name, mime, sha);
}

/* For the preparation of a meeting (order № 2 of the Zelenoborsk head §2.6.4, regulation № 44 on
 * information groups §3.6.1): the number and nature of the appeals from its territory over the last
 * 12 months — by topic and by state — and the oldest unresolved ones, without any applicant's data,
 * as the APPEALS include of d. */
int appeal_summary_fill(struct request *req, tpl_dict *d, long long territory_id)
{
	tpl_dict *p = tpl_include(d, "APPEALS", "admin_appeal_summary.tpl");
	time_t since = req->now - 365 * 86400;
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_TERRITORY_APPEAL_TOPICS);
	sqlite3_bind_int64(s, 1, territory_id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)since);
	long long total = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		tpl_dict *row = tpl_section_add(p, "TOPIC");
		tpl_set(row, "NAME", db_text(req->arena, s, 0));
		tpl_set_int(row, "COUNT", sqlite3_column_int64(s, 1));
		tpl_set_int(row, "OPEN", sqlite3_column_int64(s, 2));
		total += sqlite3_column_int64(s, 1);
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return -1;
	tpl_set(p, "TOTAL", arena_printf(req->arena, "%lld %s", total,
					 ru_plural(total, "обращение", "обращения", "обращений")));
	tpl_section_show(p, total ? "HAS_APPEALS" : "NO_APPEALS");
	s = db_stmt(&req->worker->db, STMT_TERRITORY_APPEAL_STATUS);
	sqlite3_bind_int64(s, 1, territory_id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)since);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		tpl_dict *row = tpl_section_add(p, "STATE");
		const char *st = db_text(req->arena, s, 0);
		tpl_set(row, "NAME", appeal_status_label(st));
		tpl_set_int(row, "COUNT", sqlite3_column_int64(s, 1));
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return -1;
	s = db_stmt(&req->worker->db, STMT_TERRITORY_APPEAL_OLDEST);
	sqlite3_bind_int64(s, 1, territory_id);
	sqlite3_bind_int(s, 2, 10);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		tpl_dict *row = tpl_section_add(p, "OLDEST");
		tpl_set(row, "NUMBER", db_text(req->arena, s, 0));
		page_set_date(row, "REGISTERED", (time_t)sqlite3_column_int64(s, 1));
		const char *topic = db_text(req->arena, s, 2);
		tpl_set(row, "TOPIC", topic[0] ? topic : "тема не указана");
		set_due(req, row, db_text(req->arena, s, 3));
		tpl_section_show(p, "HAS_OLDEST");
	}
	db_done(s);
	return rc == SQLITE_DONE ? 0 : -1;
}
