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
#include "db_appeal.h"
#include "db_municipality.h"
#include "db_reception.h"
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

/* Whether the signed-in account is an executor's, who sees only the appeals assigned to them. */
static bool is_executor_only(const struct request *req)
{
	return req->staff->role == ROLE_EXECUTOR;
}

/* Whether appeal a is still being considered (registered or in work). */
static bool appeal_is_open(const struct appeal_detail *a)
{
	return strcmp(a->status, "registered") == 0 || strcmp(a->status, "in_work") == 0;
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

/* The executors one may assign: active staff of the whole installation and of the account's
 * bodies (issue 18). -1 on a database error. */
static int executors_load(struct request *req, struct staff_item **items, size_t *count)
{
	return staff_load_items(req, STMT_EXECUTOR_OPTIONS, scope_bind_value(req), items, count);
}

/* The executors one may assign, as "section" rows of parent (ID, NAME, SELECTED for selected).
 * 0, or -1 on a database error. */
static int executor_options(struct request *req, tpl_dict *parent, const char *section,
			    long long selected)
{
	struct staff_item *items;
	size_t count;
	if (executors_load(req, &items, &count) < 0)
		return -1;
	for (size_t i = 0; i < count; i++) {
		tpl_dict *o = tpl_section_add(parent, section);
		tpl_set_int(o, "ID", items[i].id);
		tpl_set(o, "NAME", items[i].name);
		if (items[i].id == selected)
			tpl_section_show(o, "SELECTED");
	}
	return 0;
}

/* How an appeal came, with how its author was authenticated (547-ФЗ): «через сайт (Госуслуги,
 * подтверждённая)». */
static const char *source_text(struct request *req, const struct appeal_list_item *r)
{
	const char *label = LABEL(sources, r->source) ? LABEL(sources, r->source) : r->source;
	const char *auth = strcmp(r->auth_method, "esia") == 0
				   ? (r->auth_confirmed ? " (Госуслуги, подтверждённая)"
							: " (Госуслуги)")
			   : strcmp(r->auth_method, "email") == 0 ? " (код по электронной почте)"
			   : strcmp(r->source, "online") == 0     ? " (личность не проверялась)"
								  : "";
	return arena_printf(req->arena, "%s%s", label, auth);
}

/* One APPEAL row of the registry. */
static void list_row(struct request *req, tpl_dict *d, const struct appeal_list_item *r)
{
	tpl_dict *row = tpl_section_add(d, "APPEAL");
	tpl_set_int(row, "ID", r->id);
	tpl_set(row, "NUMBER", r->number);
	page_set_date(row, "REGISTERED", r->registered_at);
	tpl_set(row, "STATUS", appeal_status_label(r->status));
	tpl_set(row, "APPLICANT",
		arena_printf(req->arena, "%s %s %s", r->surname, r->name, r->patronymic));
	if (strcmp(r->status, "registered") == 0 || strcmp(r->status, "in_work") == 0)
		set_due(req, row, r->answer_due);
	else
		tpl_section_show(row, "NO_DUE");
	tpl_set(row, "EXECUTOR", executor_text(req, r->executor, r->unit));
	tpl_set(row, "SOURCE", source_text(req, r));
	tpl_set(row, "ADDRESSEE", addressee_text(req, r->addressee, r->addressee_unit));
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
	struct db *db = &req->worker->db;
	/* A search of few matches reads them from the search index and sorts them; otherwise the
	 * registry is walked in its order until the page is full (the index appeal_registry). */
	const char *query = search_query(req, page_field_text(req, FIELD_QUERY));
	/* The index takes new appeals in batches (appeal_search_catch_up): those of the last
	 * second are put in first, so that a search finds every registered appeal. */
	if (query && appeal_search_catch_up(db, true) < 0)
		return HTTP_INTERNAL_ERROR;
	long long matches = 0;
	if (query && db_appeal_matches(db, query, FEW_MATCHES + 1, &matches) < 0)
		return HTTP_INTERNAL_ERROR;
	char today[11], soon[11];
	struct civil_date now = tz_local_date(req->now);
	iso_date(today, now);
	iso_date(soon, civil_date_add_days(now, DUE_SOON_DAYS));
	struct appeal_list_filter f = {
		.status = status[0] ? status : NULL,
		.source = source[0] ? source : NULL,
		.territory_id = v[FIELD_TERRITORY].state == FIELD_VALID ? v[FIELD_TERRITORY].number : 0,
		.executor_id = is_executor_only(req)                 ? req->staff->user_id
			       : v[FIELD_EXECUTOR].state == FIELD_VALID ? v[FIELD_EXECUTOR].number
									: 0,
		.due_by = strcmp(due, "soon") == 0 ? soon : NULL,
		.overdue_at = strcmp(due, "overdue") == 0 ? today : NULL,
		.limit = APPEAL_PAGE_ROWS,
		.query = query,
		.topic_code = v[FIELD_APPEAL_TOPIC].state == FIELD_VALID ? v[FIELD_APPEAL_TOPIC].text
									  : NULL,
		.scope = scope_bind_value(req),
	};
	struct appeal_list_item *rows;
	size_t count;
	if (db_appeal_list(db, req->arena, &f, query && matches <= FEW_MATCHES, &rows, &count) < 0)
		return HTTP_INTERNAL_ERROR;

	tpl_dict *d = page_begin(req, "admin_appeals.tpl", "Обращения граждан", NAV_STAFF_APPEALS);
	page_form_fields(req, d);
	OPTIONS(d, "STATUS_OPTION", appeal_statuses, status);
	OPTIONS(d, "SOURCE_OPTION", sources, source);
	if (page_topic_options(req, d, "TOPIC_OPTION", page_field_text(req, FIELD_APPEAL_TOPIC)) < 0 ||
	    page_territory_options(req, d, "TERRITORY_OPTION", f.territory_id, NULL, NULL) < 0)
		return HTTP_INTERNAL_ERROR;
	if (!is_executor_only(req) &&
	    executor_options(req, tpl_section_add(d, "EXECUTOR_FILTER"), "EXECUTOR_OPTION",
			     v[FIELD_EXECUTOR].state == FIELD_VALID ? v[FIELD_EXECUTOR].number : 0) < 0)
		return HTTP_INTERNAL_ERROR;
	if (strcmp(due, "soon") == 0)
		tpl_section_show(d, "DUE_SOON");
	if (strcmp(due, "overdue") == 0)
		tpl_section_show(d, "DUE_OVERDUE");
	if (req->staff->role & APPEAL_WRITERS)
		tpl_section_show(d, "CAN_REGISTER");
	for (size_t i = 0; i < count; i++)
		list_row(req, d, &rows[i]);
	tpl_section_show(d, count ? "HAS_APPEALS" : "NO_APPEALS");
	return page_end(req, HTTP_OK);
}

/* ---- registering a paper appeal ---------------------------------------------------------- */

/* The reception card of booking (issue 17): the form filled in from it on its first opening —
 * the visitor's name split into surname, name and patronymic, phone, address, the question as
 * the text, who received — and the booking carried as a hidden field. *meeting: the booking's
 * reception, 0 when the form comes back with the staff's own values. 0, 1 when there is no such
 * booking, -1 on a database error. */
static int reception_card_fill(struct request *req, tpl_dict *d, long long booking,
			       long long *meeting)
{
	struct booking b;
	*meeting = 0;
	int rc = db_booking_get(&req->worker->db, req->arena, booking, &b);
	if (rc != 0)
		return rc;
	tpl_set_int(tpl_section_add(d, "BOOKING"), "ID", booking);
	if (req->field[FIELD_APPEAL_TEXT].raw != NULL)
		return 0;
	/* «Сидорова Мария Ивановна»: surname, name, and the rest as the patronymic. */
	char *name = arena_strdup(req->arena, b.visitor_name), *save = NULL;
	const char *surname = strtok_r(name, " ", &save);
	const char *given = surname ? strtok_r(NULL, " ", &save) : NULL;
	const char *rest = given ? strtok_r(NULL, "", &save) : NULL;
	tpl_set(d, "surname", surname ? surname : "");
	tpl_set(d, "name", given ? given : "");
	tpl_set(d, "patronymic", rest ? rest : "");
	tpl_set(d, "phone", b.phone);
	tpl_set(d, "email", b.email);
	tpl_set(d, "text", b.question);
	tpl_set(d, "reception_by", b.official);
	*meeting = b.meeting;
	return 0;
}

/* The meetings of the last year that took place, as MEETING_OPTION rows of d («Встреча, 11 марта
 * 2026 г.»), selected the one selected. 0, or -1 on a database error. */
static int meeting_options(struct request *req, tpl_dict *d, long long selected)
{
	struct appeal_meeting_option *meetings;
	size_t count;
	if (db_appeal_meeting_options(&req->worker->db, req->arena, req->now - 366 * 86400,
				      req->now, &meetings, &count) < 0)
		return -1;
	for (size_t i = 0; i < count; i++) {
		tpl_dict *o = tpl_section_add(d, "MEETING_OPTION");
		tpl_set_int(o, "ID", meetings[i].id);
		struct tm tm;
		tz_utc_to_local(meetings[i].starts_at, &tm);
		char date[64];
		ru_format_date(date, sizeof date, &tm);
		tpl_set(o, "NAME", arena_printf(req->arena, "%s, %s", meetings[i].title, date));
		if (meetings[i].id == selected)
			tpl_section_show(o, "SELECTED");
	}
	return 0;
}

/* The registration form of a paper appeal with status; the staff_action page of registering. */
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
		long long from_booking;
		int rc = reception_card_fill(req, d, req->field[FIELD_BOOKING].number, &from_booking);
		if (rc != 0)
			return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
		if (from_booking > 0) {
			meeting = from_booking;
			source = "reception";
		}
	}
	OPTIONS(d, "SOURCE_OPTION", paper, source);
	if (meeting_options(req, d, meeting) < 0)
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

/* Registering a paper appeal (staff_action): refused to its form, audited as the new appeal. */
static const struct staff_action register_action = {"appeal", STMT_APPEAL_JSON, staff_action_no_target,
						    new_form};

/* POST /admin/appeals (source, received_on, meeting, reception_by, oral, oral_answer,
 * oral_consent, surname, name, patronymic, email, address, phone, territory, municipality, text,
 * csrf) — register a paper appeal: it gets its number at once, in the registry of the
 * municipality chosen, else its territory's, its meeting's or the own one; 303 to it. 422 with
 * errors beside the fields: an unknown source, meeting or municipality, a receipt date in the future, an appeal from a meeting
 * without the meeting. Without a surname or an address it is still registered (59-ФЗ art. 11
 * part 1 decides later that no answer can be sent). */
/* The registration form's fields checked against the lists and today, each refusal beside its
 * field (page_reject). 0, or -1 on a database error. */
static int register_check(struct request *req)
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
	if (v[FIELD_TERRITORY].state == FIELD_VALID) {
		struct territory_item *territories;
		size_t count;
		if (page_territory_options(req, NULL, NULL, 0, &territories, &count) < 0)
			return -1;
		if (!db_territory_known(territories, count, v[FIELD_TERRITORY].number))
			page_reject(req, FIELD_TERRITORY, "выберите из списка");
	}
	if (v[FIELD_APPEAL_TOPIC].state == FIELD_VALID &&
	    !page_topic_known(req, v[FIELD_APPEAL_TOPIC].text))
		page_reject(req, FIELD_APPEAL_TOPIC, "выберите из списка");
	if (v[FIELD_MUNICIPALITY].state == FIELD_VALID) {
		struct municipality_item *bodies;
		size_t body_count;
		if (db_municipality_list(&req->worker->db, req->arena, &bodies, &body_count) < 0)
			return -1;
		if (db_municipality_find(bodies, body_count, v[FIELD_MUNICIPALITY].number) == NULL)
			page_reject(req, FIELD_MUNICIPALITY, "выберите из списка");
	}
	return 0;
}

/* The meeting an appeal was handed in at, checked inside the transaction: it exists, took
 * place, and not after the day of receipt; each refusal beside its field. 0, or -1 on a
 * database error. */
static int register_check_meeting(struct request *req)
{
	const struct field_value *v = req->field;
	if (v[FIELD_MEETING].state == FIELD_VALID) {
		time_t starts;
		const char *mstatus;
		int known = db_appeal_meeting(&req->worker->db, req->arena, v[FIELD_MEETING].number,
					      &starts, &mstatus);
		if (known < 0)
			return -1;
		/* Nothing is handed in at a meeting that has not taken place. */
		if (known > 0)
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
	}
	return 0;
}

/* The appeal the registration form describes (source its checked source). */
static struct appeal_input register_input(struct request *req, const char *source)
{
	const struct field_value *v = req->field;
	return (struct appeal_input){
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
}

enum http_status page_admin_appeal_register(struct request *req)
{
	const struct field_value *v = req->field;
	const char *source = page_field_text(req, FIELD_APPEAL_SOURCE);
	if (register_check(req) < 0)
		return HTTP_INTERNAL_ERROR;
	if (req->invalid_fields > 0)
		return new_form(req, HTTP_UNPROCESSABLE);
	enum http_status status;
	if (!staff_action_begin(req, &register_action, NULL, &status))
		return status;
	if (register_check_meeting(req) < 0) {
		db_rollback(&req->worker->db);
		return HTTP_INTERNAL_ERROR;
	}
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &register_action, NULL);
	struct appeal_input in = register_input(req, source);
	struct appeal_created c = {0};
	bool ok = appeal_create(&req->worker->db, req->arena, req->worker->cfg, &in, req->now,
				&c) == 0 &&
		  (v[FIELD_BOOKING].state != FIELD_VALID ||
		   link_booking(req, v[FIELD_BOOKING].number, c.id) == 0);
	status = staff_action_finish(req, &register_action, ok, "register", c.id, NULL,
				     arena_printf(req->arena, "/admin/appeals/%lld", c.id));
	/* The paper applicant's receipt carries the private code (issue 16 item 7, issue 21 item
	 * 3): it travels to the appeal's page in a cookie read once, as the public receipt's does,
	 * and is stored nowhere but as its hash. */
	if (status == HTTP_SEE_OTHER)
		response_header(req, "Set-Cookie",
				arena_printf(req->arena,
					     "%s=%lld~%s; Path=/admin/appeals; Max-Age=900; "
					     "HttpOnly; SameSite=Lax%s",
					     PAPER_RECEIPT_COOKIE, c.id, c.code,
					     req->https ? "; Secure" : ""));
	return status;
}

/* ---- one appeal ---------------------------------------------------------------------------- */

/* Load the appeal of the path into a: 0, 1 when there is none, -1 on error. */
static int load(struct request *req, struct appeal_detail *a)
{
	return db_appeal_get(&req->worker->db, req->arena, req->path_id, a);
}

/* How the applicant was authenticated (547-ФЗ) and their verdict on the answer, for the staff
 * page of appeal id: AUTH, and a VERDICT section. 0, or -1 on a database error. */
static int appeal_author_fill(struct request *req, tpl_dict *d, long long id)
{
	struct appeal_author au;
	int rc = db_appeal_author(&req->worker->db, req->arena, id, &au);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	tpl_set(d, "AUTH", strcmp(au.auth_method, "esia") == 0
				   ? (au.auth_confirmed
					      ? "через Госуслуги (ЕСИА), подтверждённая учётная запись"
					      : "через Госуслуги (ЕСИА), учётная запись не подтверждена")
			   : strcmp(au.auth_method, "email") == 0
				   ? "код, отправленный на электронную почту"
				   : "не проверялась (бумажное обращение или поступившее до входа "
				     "на сайт)");
	if (au.verdict[0]) {
		tpl_dict *v = tpl_section_add(d, "VERDICT");
		tpl_set(v, "TEXT", strcmp(au.verdict, "resolved") == 0 ? "вопрос решён"
								       : "вопрос не решён");
		tpl_set(v, "COMMENT", au.verdict_comment);
		page_set_datetime(v, "AT", au.verdict_at);
	}
	return 0;
}

/* Whether appeal id came from a resident with a personal account (the answer is there too):
 * 1 or 0, -1 on a database error. */
static int appeal_has_account(struct request *req, long long id)
{
	struct appeal_author au;
	int rc = db_appeal_author(&req->worker->db, req->arena, id, &au);
	return rc < 0 ? -1 : rc == 0 && au.has_account;
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

/* The applicant, the dates and the state of appeal a on its page d. */
static void appeal_facts_fill(struct request *req, tpl_dict *d, const struct appeal_detail *a)
{
	tpl_set_int(d, "ID", a->id);
	tpl_set(d, "NUMBER", a->number);
	tpl_set(d, "SOURCE", LABEL(sources, a->source) ? LABEL(sources, a->source) : a->source);
	tpl_set(d, "APPLICANT",
		arena_printf(req->arena, "%s %s %s", a->surname, a->name, a->patronymic));
	tpl_set(d, "EMAIL", a->email);
	tpl_set(d, "ADDRESS", a->address);
	tpl_set(d, "PHONE", a->phone);
	tpl_set(d, "TERRITORY", a->territory);
	tpl_set(d, "TOPIC", a->topic);
	tpl_set(d, "TEXT", a->text);
	page_set_datetime(d, "RECEIVED", a->received_at);
	page_set_datetime(d, "REGISTERED", a->registered_at);
	/* 59-ФЗ art. 8 part 2: registered within 3 days of receipt. */
	int late = (int)civil_date_diff(tz_local_date(a->registered_at),
					tz_local_date(a->received_at)) -
		   APPEAL_REGISTER_DAYS;
	if (late > 0)
		tpl_set(tpl_section_add(d, "REGISTERED_LATE"), "TEXT",
			arena_printf(req->arena, "зарегистрировано позже срока на %d %s", late,
				     ru_plural(late, "день", "дня", "дней")));
	tpl_set(d, "STATUS", appeal_status_label(a->status));
	tpl_set(d, "EXECUTOR", executor_text(req, a->executor, a->unit));
	tpl_set(d, "ADDRESSEE", addressee_text(req, a->addressee, a->addressee_unit));
	if (appeal_is_open(a))
		set_due(req, tpl_section_add(d, "OPEN_DUE"), a->answer_due);
	appeal_course_fill(req, d, &a->course);
	if (a->outcome[0] && LABEL(outcomes, a->outcome))
		tpl_set(tpl_section_add(d, "OUTCOME"), "TEXT", LABEL(outcomes, a->outcome));
	if (a->published)
		page_set_datetime(tpl_section_add(d, "PUBLISHED"), "AT", a->published_at);
	if (a->meeting_id) {
		tpl_dict *m = tpl_section_add(d, "MEETING");
		tpl_set_int(m, "MEETING_ID", a->meeting_id);
		tpl_set(m, "TITLE", a->meeting_title);
	}
	if (strcmp(a->source, "reception") == 0) {
		tpl_dict *r = tpl_section_add(d, "RECEPTION");
		tpl_set(r, "BY", a->reception_by);
		tpl_set(r, "ORAL", a->oral ? "да" : "нет");
		tpl_set(r, "ORAL_ANSWER", a->oral_answer);
		tpl_set(r, "ORAL_CONSENT", a->oral_consent ? "да" : "нет");
	}
}

/* The forms of the next steps of appeal a that the signed-in staff member may take. 0, or -1 on
 * a database error. */
static int appeal_actions_fill(struct request *req, tpl_dict *d, const struct appeal_detail *a)
{
	bool open = appeal_is_open(a);
	bool writer = (req->staff->role & APPEAL_WRITERS) != 0;
	if (open && writer) {
		tpl_dict *w = tpl_section_add(d, "WRITER_ACTIONS");
		const struct field_value *sent = &req->field[FIELD_EXECUTOR];
		if (executor_options(req, w, "EXECUTOR_OPTION",
				     sent->state == FIELD_VALID ? sent->number : a->executor_id) < 0)
			return -1;
		OPTIONS(w, "OUTCOME_OPTION", outcomes, page_field_text(req, FIELD_OUTCOME));
		if (!a->course.extended)
			tpl_section_show(w, "CAN_EXTEND");
	}
	if (open && (writer || a->executor_id == req->staff->user_id))
		tpl_section_show(d, "CAN_ANSWER");
	if (strcmp(a->status, "answered") == 0 && writer)
		tpl_section_show(d, "CAN_PUBLISH");
	return 0;
}

/* The files and the history of appeal id on its page d. 0, or -1 on a database error. */
static int appeal_records_fill(struct request *req, tpl_dict *d, long long id)
{
	struct appeal_file *files;
	struct appeal_history_item *events;
	size_t file_count, event_count;
	if (db_appeal_files(&req->worker->db, req->arena, id, &files, &file_count) < 0 ||
	    db_appeal_history(&req->worker->db, req->arena, id, &events, &event_count) < 0)
		return -1;
	for (size_t i = 0; i < file_count; i++) {
		tpl_dict *f = tpl_section_add(d, "FILE");
		tpl_set_int(f, "FILE_ID", files[i].id);
		tpl_set(f, "NAME", files[i].name);
		long long size = files[i].size;
		tpl_set(f, "SIZE", size >= 1024 * 1024
					   ? arena_printf(req->arena, "%.1f МБ", (double)size / 1048576)
					   : arena_printf(req->arena, "%lld КБ", (size + 1023) / 1024));
	}
	for (size_t i = 0; i < event_count; i++) {
		tpl_dict *ev = tpl_section_add(d, "EVENT");
		page_set_datetime(ev, "AT", events[i].at);
		/* «зарегистрировано: получено через сайт (без участия сотрудника)» (issue 21). */
		tpl_set(ev, "WHO", events[i].login[0] ? events[i].login : "без участия сотрудника");
		tpl_set(ev, "ACTION", appeal_action_label(events[i].action));
		if (events[i].note[0])
			tpl_set(tpl_section_add(ev, "NOTE"), "TEXT", events[i].note);
	}
	return 0;
}

/* The page of the appeal of the path with status; the staff_action page of its steps. 404, 403
 * for an executor's view of someone else's. */
static enum http_status appeal_page(struct request *req, enum http_status status)
{
	struct appeal_detail a;
	int rc = load(req, &a);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	if (is_executor_only(req) && a.executor_id != req->staff->user_id)
		return HTTP_FORBIDDEN;
	tpl_dict *d = page_begin(req, "admin_appeal.tpl",
				 arena_printf(req->arena, "Обращение № %s", a.number),
				 NAV_STAFF_APPEALS);
	page_form_fields(req, d);
	/* Why a step was refused (staff_action_refuse), above the fields' errors. */
	if (req->error_detail != NULL)
		page_form_error(req, d, req->error_detail);
	appeal_facts_fill(req, d, &a);
	if (appeal_author_fill(req, d, a.id) < 0)
		return HTTP_INTERNAL_ERROR;
	paper_receipt_fill(req, d, a.id, a.number, a.answer_due);
	if (appeal_actions_fill(req, d, &a) < 0 || appeal_records_fill(req, d, a.id) < 0)
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


/* ---- the steps of 59-ФЗ -------------------------------------------------------------------- */

/* A notice to the applicant by e-mail, when there is an address (a paper answer is the
 * executor's to post). 0, or -1 on a database error. */
static int notify_applicant(struct request *req, const struct appeal_detail *a, const char *kind,
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

/* staff_action load: the appeal of the path. */
static int load_target(struct request *req, void *target)
{
	return load(req, target);
}

/* Every step of an appeal (staff_action): refused to its page, audited with its state. */
static const struct staff_action appeal_action = {"appeal", STMT_APPEAL_JSON, load_target,
						  appeal_page};

/* Begin a step (staff_action_begin): the write transaction, the appeal loaded inside it into a;
 * a writer may take every step, the appeal's executor those where executor_may. False with
 * *status 404, 403 or 500, rolled back. */
static bool step_begin(struct request *req, struct appeal_detail *a, enum http_status *status,
		       bool executor_may)
{
	if (!staff_action_begin(req, &appeal_action, a, status))
		return false;
	bool writer = (req->staff->role & APPEAL_WRITERS) != 0;
	if (!writer && !(executor_may && a->executor_id == req->staff->user_id)) {
		db_rollback(&req->worker->db);
		*status = HTTP_FORBIDDEN;
		return false;
	}
	return true;
}

/* A step whose change did not go through (rc of its db_appeal_ function, before the state the audit record
 * would have had): refused to the appeal's page with 422 when the appeal's state does not allow
 * it, 500 on a database error; rolled back. */
static enum http_status step_not_taken(struct request *req, int rc, json_t *before)
{
	json_decref(before);
	if (rc > 0)
		return staff_action_refuse(req, &appeal_action,
					   "Этот шаг уже невозможен: обращение закрыто или срок уже "
					   "продлевали.");
	db_rollback(&req->worker->db);
	return HTTP_INTERNAL_ERROR;
}

/* Finish a step (staff_action_finish): when ok, its history record with note, the audit record
 * of action (before is stolen), commit and 303 back to the appeal; else, or when that fails,
 * rolled back and 500. */
static enum http_status step_finish(struct request *req, const struct appeal_detail *a, bool ok,
				    const char *action, const char *note, json_t *before)
{
	if (ok && appeal_event(&req->worker->db, a->id, req->now, req->staff->user_id, action,
			       note) < 0)
		ok = false;
	return staff_action_finish(req, &appeal_action, ok, action, a->id, before,
				   arena_printf(req->arena, "/admin/appeals/%lld", a->id));
}

/* POST /admin/appeals/ID/assign (unit, executor, csrf) — to a unit and an executor. */
enum http_status page_admin_appeal_assign(struct request *req)
{
	struct appeal_detail a;
	enum http_status status;
	if (!step_begin(req, &a, &status, false))
		return status;
	struct staff_item *executors;
	size_t count;
	if (executors_load(req, &executors, &count) < 0) {
		db_rollback(&req->worker->db);
		return HTTP_INTERNAL_ERROR;
	}
	if (req->field[FIELD_EXECUTOR].state == FIELD_VALID &&
	    !staff_has_item(executors, count, req->field[FIELD_EXECUTOR].number))
		page_reject(req, FIELD_EXECUTOR, "выберите из списка");
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &appeal_action, NULL);
	json_t *before = staff_json(req, STMT_APPEAL_JSON, a.id);
	int rc = db_appeal_assign(&req->worker->db, a.id, page_field_text(req, FIELD_UNIT),
				  req->field[FIELD_EXECUTOR].number);
	if (rc != 0)
		return step_not_taken(req, rc, before);
	return step_finish(req, &a, true, "assigned", page_field_text(req, FIELD_UNIT), before);
}

/* POST /admin/appeals/ID/forward (forward_to, csrf) — to the competent body, with notice to the
 * applicant (59-ФЗ art. 8 part 3). */
enum http_status page_admin_appeal_forward(struct request *req)
{
	struct appeal_detail a;
	enum http_status status;
	if (!step_begin(req, &a, &status, false))
		return status;
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &appeal_action, NULL);
	json_t *before = staff_json(req, STMT_APPEAL_JSON, a.id);
	const char *to = page_field_text(req, FIELD_FORWARD_TO);
	int rc = db_appeal_forward(&req->worker->db, a.id, to, req->now);
	if (rc != 0)
		return step_not_taken(req, rc, before);
	bool ok = notify_applicant(req, &a, "forwarded",
				   arena_printf(req->arena, "Обращение № %s направлено по компетенции",
						a.number),
				   arena_printf(req->arena,
						"Ваше обращение № %s направлено для рассмотрения "
						"в орган, в компетенцию которого входит решение "
						"поставленных вопросов: %s (ч. 3 ст. 8 Федерального "
						"закона № 59-ФЗ).",
						a.number, to)) == 0;
	return step_finish(req, &a, ok, "forwarded", to, before);
}

/* POST /admin/appeals/ID/extend (days, reason, csrf) — the one extension of up to 30 days,
 * with notice to the applicant (59-ФЗ art. 12 part 2). */
enum http_status page_admin_appeal_extend(struct request *req)
{
	struct appeal_detail a;
	enum http_status status;
	if (!step_begin(req, &a, &status, false))
		return status;
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &appeal_action, NULL);
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
	json_t *before = staff_json(req, STMT_APPEAL_JSON, a.id);
	int rc = db_appeal_extend(&req->worker->db, a.id, days, reason, new_due);
	if (rc != 0)
		return step_not_taken(req, rc, before);
	struct tm tm = {.tm_year = due.answer_by.year - 1900, .tm_mon = due.answer_by.month - 1,
			.tm_mday = due.answer_by.day};
	char words[64];
	ru_format_date(words, sizeof words, &tm);
	bool ok = notify_applicant(req, &a, "extended",
				   arena_printf(req->arena, "Срок рассмотрения обращения № %s продлён",
						a.number),
				   arena_printf(req->arena,
						"Срок рассмотрения вашего обращения № %s продлён на "
						"%d %s, до %s (ч. 2 ст. 12 Федерального закона "
						"№ 59-ФЗ). Причина: %s",
						a.number, days, ru_plural(days, "день", "дня", "дней"),
						words, reason)) == 0;
	return step_finish(req, &a, ok, "extended",
			   arena_printf(req->arena, "на %d %s до %s: %s", days,
					ru_plural(days, "день", "дня", "дней"), words, reason),
			   before);
}

/* POST /admin/appeals/ID/answer (answer, csrf) — the answer on the merits, mailed to the
 * applicant when there is an address. The executor of the appeal may answer too. */
enum http_status page_admin_appeal_answer(struct request *req)
{
	struct appeal_detail a;
	enum http_status status;
	if (!step_begin(req, &a, &status, true))
		return status;
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &appeal_action, NULL);
	const char *answer = page_field_text(req, FIELD_ANSWER);
	json_t *before = staff_json(req, STMT_APPEAL_JSON, a.id);
	int rc = db_appeal_answer(&req->worker->db, a.id, answer, req->now);
	if (rc != 0)
		return step_not_taken(req, rc, before);
	int account = appeal_has_account(req, a.id);
	bool ok = account >= 0 &&
		  notify_applicant(req, &a, "answered",
				   arena_printf(req->arena, "Ответ на обращение № %s", a.number),
				   arena_printf(req->arena, "Ответ на ваше обращение № %s.\n\n%s%s",
						a.number, answer,
						account > 0
							? arena_printf(req->arena,
								       "\n\nОтвет также доступен в "
								       "вашем личном кабинете: "
								       "%s/account",
								       req->worker->cfg->site_url)
							: "")) == 0;
	return step_finish(req, &a, ok, "answered", "", before);
}

/* POST /admin/appeals/ID/close (outcome, reason, repeated_of, csrf) — close without an answer on
 * the merits under 59-ФЗ art. 11, with notice where the law asks for one (abusive, unreadable,
 * repeated); a repeated appeal names the earlier one. */
enum http_status page_admin_appeal_close(struct request *req)
{
	struct appeal_detail a;
	enum http_status status;
	if (!step_begin(req, &a, &status, false))
		return status;
	const char *outcome = page_field_text(req, FIELD_OUTCOME);
	if (req->field[FIELD_OUTCOME].state == FIELD_VALID && !LABEL(outcomes, outcome))
		page_reject(req, FIELD_OUTCOME, "выберите из списка");
	long long earlier = 0;
	if (strcmp(outcome, "repeated") == 0) {
		int found = db_appeal_id_by_number(&req->worker->db,
						   page_field_text(req, FIELD_REPEATED_OF), &earlier);
		if (found < 0) {
			db_rollback(&req->worker->db);
			return HTTP_INTERNAL_ERROR;
		}
		if (found > 0 || earlier == a.id)
			page_reject(req, FIELD_REPEATED_OF, "укажите номер прежнего обращения");
	}
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &appeal_action, NULL);
	json_t *before = staff_json(req, STMT_APPEAL_JSON, a.id);
	int rc = db_appeal_close(&req->worker->db, a.id, outcome, req->now, earlier);
	if (rc != 0)
		return step_not_taken(req, rc, before);
	const char *reason = page_field_text(req, FIELD_REASON);
	bool ok = strcmp(outcome, "no_address") == 0 ||
		  notify_applicant(req, &a, "closed",
				   arena_printf(req->arena, "Обращение № %s", a.number),
				   arena_printf(req->arena,
						"Ваше обращение № %s оставлено без ответа по существу: "
						"%s (Федеральный закон № 59-ФЗ).%s%s",
						a.number, LABEL(outcomes, outcome),
						reason[0] ? "\n\n" : "", reason)) == 0;
	return step_finish(req, &a, ok, "closed", LABEL(outcomes, outcome), before);
}

/* Mail the published answer of appeal a to every active address of the media lists of its
 * municipality and of that municipality's district, in the open
 * transaction (order № 2 of the Zelenoborsk head §3.3: answers to socially significant questions go
 * to the media as the announcements do). Once per appeal and address: publishing a corrected
 * version again mails nothing new. 0, or -1 on a database error. */
static int mail_answer_to_media(struct request *req, const struct appeal_detail *a,
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
	const char **addresses;
	size_t count;
	if (db_appeal_media_addresses(&req->worker->db, req->arena, a->id, &addresses,
				      &count) < 0)
		return -1;
	for (size_t i = 0; i < count; i++) {
		struct outbox_message m = {
			.dedup_key = arena_printf(req->arena, "answer:%lld:mail:%s", a->id,
						  addresses[i]),
			.channel = OUTBOX_MAIL,
			.recipient = addresses[i],
			.subject = arena_printf(req->arena, "Ответ на вопрос жителей: обращение № %s",
						a->number),
			.body = body,
			.purpose = "answer",
		};
		if (outbox_add(&req->worker->db, &m, req->now) < 0)
			return -1;
	}
	return 0;
}

/* POST /admin/appeals/ID/publish (public_question, public_answer, csrf) — publish the answer to
 * a socially significant question on /answers, on its meeting's page and in /feed.atom, in a
 * version written without personal data (order № 2 of the Zelenoborsk head §3.3), and mail it to
 * the media list. */
enum http_status page_admin_appeal_publish(struct request *req)
{
	struct appeal_detail a;
	enum http_status status;
	if (!step_begin(req, &a, &status, false))
		return status;
	if (req->invalid_fields > 0)
		return staff_action_refuse(req, &appeal_action, NULL);
	json_t *before = staff_json(req, STMT_APPEAL_JSON, a.id);
	int rc = db_appeal_publish(&req->worker->db, a.id,
				   page_field_text(req, FIELD_PUBLIC_QUESTION),
				   page_field_text(req, FIELD_PUBLIC_ANSWER), req->now);
	if (rc != 0)
		return step_not_taken(req, rc, before);
	bool ok = mail_answer_to_media(req, &a, page_field_text(req, FIELD_PUBLIC_QUESTION),
				       page_field_text(req, FIELD_PUBLIC_ANSWER)) == 0;
	return step_finish(req, &a, ok, "published", "", before);
}

/* GET /admin/appeal-files/ID — a file attached to an appeal, as an attachment with its original
 * name, for those who may read the appeal. 404 when the row or the stored file is missing. */
enum http_status page_admin_appeal_file(struct request *req)
{
	struct appeal_file_download f;
	int rc = db_appeal_file_get(&req->worker->db, req->arena, req->path_id, &f);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	if (is_executor_only(req) && f.executor_id != req->staff->user_id)
		return HTTP_FORBIDDEN;
	if (audit_record(req, NULL, "download", "appeal_file", req->path_id, NULL, NULL) < 0)
		return HTTP_INTERNAL_ERROR;
	return page_send_stored_file(req, f.name, f.mime, f.sha256);
}

/* For the preparation of a meeting (order № 2 of the Zelenoborsk head §2.6.4, regulation № 44 on
 * information groups §3.6.1): the number and nature of the appeals from its territory over the last
 * 12 months — by topic and by state — and the oldest unresolved ones, without any applicant's data,
 * as the APPEALS include of d. */
int appeal_summary_fill(struct request *req, tpl_dict *d, long long territory_id)
{
	struct db *db = &req->worker->db;
	time_t since = req->now - 365 * 86400;
	struct territory_appeal_topic *topics;
	struct territory_appeal_state *states;
	struct territory_appeal_open *oldest;
	size_t topic_count, state_count, oldest_count;
	if (db_territory_appeal_topics(db, req->arena, territory_id, since, &topics,
				       &topic_count) < 0 ||
	    db_territory_appeal_states(db, req->arena, territory_id, since, &states,
				       &state_count) < 0 ||
	    db_territory_appeal_oldest(db, req->arena, territory_id, 10, &oldest, &oldest_count) < 0)
		return -1;
	tpl_dict *p = tpl_include(d, "APPEALS", "admin_appeal_summary.tpl");
	long long total = 0;
	for (size_t i = 0; i < topic_count; i++) {
		tpl_dict *row = tpl_section_add(p, "TOPIC");
		tpl_set(row, "NAME", topics[i].name);
		tpl_set_int(row, "COUNT", topics[i].appeals);
		tpl_set_int(row, "OPEN", topics[i].open);
		total += topics[i].appeals;
	}
	tpl_set(p, "TOTAL", arena_printf(req->arena, "%lld %s", total,
					 ru_plural(total, "обращение", "обращения", "обращений")));
	tpl_section_show(p, total ? "HAS_APPEALS" : "NO_APPEALS");
	for (size_t i = 0; i < state_count; i++) {
		tpl_dict *row = tpl_section_add(p, "STATE");
		tpl_set(row, "NAME", appeal_status_label(states[i].status));
		tpl_set_int(row, "COUNT", states[i].appeals);
	}
	for (size_t i = 0; i < oldest_count; i++) {
		tpl_dict *row = tpl_section_add(p, "OLDEST");
		tpl_set(row, "NUMBER", oldest[i].number);
		page_set_date(row, "REGISTERED", oldest[i].registered_at);
		tpl_set(row, "TOPIC", oldest[i].topic[0] ? oldest[i].topic : "тема не указана");
		set_due(req, row, oldest[i].answer_due);
		tpl_section_show(p, "HAS_OLDEST");
	}
	return 0;
}
