/* page_admin_plan.c — the plan of measures (issue 20 item 4, seed 002): the measures with their
 * periodicity, responsible units and what proves them; per measure and period whether it was
 * fulfilled (plan_status.c finds the evidence); records entered by hand with a document; the
 * plan exported to and imported from CSV. Each measure is one municipality's (issue 18,
 * migration 030): an account reads and changes its bodies' measures only, and a new one is for
 * the body chosen among them (else the account's, else the own municipality). Roles:
 * PLAN_READERS read, PLAN_WRITERS change; every change audited in its transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "csv.h"
#include "db_meeting_staff.h"
#include "db_municipality.h"
#include "page.h"
#include "pages.h"
#include "plan_status.h"
#include "ru.h"
#include "staff_body.h"
#include "staff_change.h"
#include "upload.h"
#include "utf8.h"
#include "worker.h"

/* The year a page shows: ?year= or the current local year. */
static int shown_year(struct request *req)
{
	return req->field[FIELD_YEAR].state == FIELD_VALID ? (int)req->field[FIELD_YEAR].number
							   : tz_local_date(req->now).year;
}

/* The meeting kinds and the kinds of evidence, as choices. -1 on a database error. */
static int load_choices(struct request *req, struct kind_item **kinds, size_t *kind_count,
			struct kind_item **evidences, size_t *evidence_count)
{
	struct db *db = &req->worker->db;
	return db_kind_list(db, req->arena, kinds, kind_count) < 0 ||
			       db_plan_evidence_kinds(db, req->arena, evidences, evidence_count) < 0
		       ? -1
		       : 0;
}

/* The code of the choice whose code or name is s, or NULL. */
static const char *choice_find(const struct kind_item *list, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i].code, s) == 0 || strcmp(list[i].name, s) == 0)
			return list[i].code;
	return NULL;
}

/* Rows of section under d, one per choice (CODE, NAME, SELECTED for chosen). */
static void choice_options(tpl_dict *d, const char *section, const struct kind_item *list, size_t n,
			   const char *chosen)
{
	for (size_t i = 0; i < n; i++) {
		tpl_dict *o = tpl_section_add(d, section);
		tpl_set(o, "CODE", list[i].code);
		tpl_set(o, "NAME", list[i].name);
		if (chosen && strcmp(chosen, list[i].code) == 0)
			tpl_section_show(o, "SELECTED");
	}
}

/* ---- the export ------------------------------------------------------------------------- */

static const char *const csv_columns[] = {"Пункт",	 "Мероприятие",  "Периодичность",
					  "Срок",	 "Ответственные", "Подтверждение",
					  "Вид встречи"};
enum { CSV_COLUMNS = sizeof csv_columns / sizeof csv_columns[0] };

/* GET /admin/plan?format=csv — the plan as CSV (csv.h: UTF-8 with a BOM, ';'), one measure a
 * line under the heading line, in the columns page_admin_plan_import reads. */
static enum http_status export_csv(struct request *req)
{
	struct plan_measure *m;
	size_t n;
	if (plan_measures_load(req, 0, 0, &m, &n) < 0)
		return HTTP_INTERNAL_ERROR;
	struct buf *b = &req->response.body;
	buf_clear(b);
	csv_begin(b);
	csv_record(b, csv_columns, CSV_COLUMNS);
	for (size_t i = 0; i < n; i++) {
		const char *cells[CSV_COLUMNS] = {m[i].item,	     m[i].text,
						  plan_periodicity_label(m[i].periodicity),
						  m[i].due_iso,	     m[i].units,
						  m[i].evidence,     m[i].meeting_kind};
		csv_record(b, cells, CSV_COLUMNS);
	}
	response_header(req, "Content-Disposition",
			"attachment; filename=\"plan.csv\"; filename*=UTF-8''"
			"%D0%BF%D0%BB%D0%B0%D0%BD-%D0%BC%D0%B5%D1%80%D0%BE%D0%BF%D1%80%D0%B8%D1%8F"
			"%D1%82%D0%B8%D0%B9.csv");
	req->response.content_type = "text/csv; charset=utf-8";
	req->response.body_ready = true;
	return HTTP_OK;
}

/* ---- the list ----------------------------------------------------------------------------- */

/* The list of the plan with each measure's fulfilment in year, the form of a new measure (kept
 * as sent when from_request) and the import form, with import_errors (line by line) beside its
 * file field. */
static enum http_status list_page(struct request *req, enum http_status status, bool from_request,
				  const char *const *import_errors, size_t import_error_count)
{
	int year = shown_year(req);
	tpl_dict *d = page_begin(req, "admin_plan.tpl", "План мероприятий", NAV_STAFF_PLAN);
	tpl_set_int(d, "YEAR", year);
	tpl_set_int(d, "PREV_YEAR", year - 1);
	tpl_set_int(d, "NEXT_YEAR", year + 1);
	struct plan_measure *m;
	size_t n;
	if (plan_measures_load(req, 0, 0, &m, &n) < 0)
		return HTTP_INTERNAL_ERROR;
	struct municipality_item *bodies;
	size_t body_count;
	if (db_municipality_list(&req->worker->db, req->arena, &bodies, &body_count) < 0)
		return HTTP_INTERNAL_ERROR;
	if (body_count > 1)
		tpl_section_show(d, "BODIES");
	struct civil_date from = {year, 1, 1}, to = {year, 12, 31};
	for (size_t i = 0; i < n; i++) {
		tpl_dict *row = tpl_section_add(d, "MEASURE");
		tpl_set_int(row, "ID", m[i].id);
		tpl_set(row, "ITEM", m[i].item);
		if (body_count > 1)
			tpl_set(tpl_section_add(row, "BODY"), "NAME", m[i].municipality);
		tpl_set(row, "TEXT", m[i].text);
		tpl_set(row, "PERIODICITY",
			m[i].periodicity == PLAN_ONCE
				? arena_printf(req->arena, "однократно, до %s",
					       page_date_words(req, m[i].due))
				: plan_periodicity_label(m[i].periodicity));
		tpl_set(row, "UNITS", m[i].units);
		tpl_set(row, "EVIDENCE",
			m[i].kind_name[0] ? arena_printf(req->arena, "%s: %s", m[i].evidence_name,
							 ru_lower_first(req->arena, m[i].kind_name))
					  : m[i].evidence_name);
		struct plan_period_status *p;
		struct plan_evidence *e;
		size_t pn, en;
		if (plan_measure_status(req, &m[i], from, to, &p, &pn, &e, &en) < 0)
			return HTTP_INTERNAL_ERROR;
		long long count[3] = {0, 0, 0};
		for (size_t k = 0; k < pn; k++)
			count[p[k].state]++;
		if (m[i].periodicity == PLAN_PERMANENT)
			tpl_set(row, "FULFILMENT",
				arena_printf(req->arena, "постоянно; подтверждений за год: %zu", en));
		else if (pn == 0)
			tpl_set(row, "FULFILMENT", "периоды ещё не начались");
		else
			tpl_set(row, "FULFILMENT",
				arena_printf(req->arena, "выполнено: %lld, не выполнено: %lld, идёт: %lld",
					     count[PLAN_FULFILLED], count[PLAN_MISSING],
					     count[PLAN_PENDING]));
		if (count[PLAN_MISSING] > 0)
			tpl_section_show(row, "HAS_MISSING");
	}
	tpl_section_show(d, n ? "HAS_MEASURES" : "NO_MEASURES");
	if (req->staff->role & PLAN_WRITERS) {
		tpl_dict *w = tpl_section_add(d, "WRITER");
		tpl_dict *f = tpl_include(w, "FORM", "admin_plan_form.tpl");
		if (from_request)
			page_form_fields(req, f);
		tpl_set(f, "CSRF", req->staff->csrf);
		struct kind_item *kinds, *evidence;
		size_t kind_count, evidence_count;
		if (load_choices(req, &kinds, &kind_count, &evidence, &evidence_count) < 0)
			return HTTP_INTERNAL_ERROR;
		choice_options(f, "KIND_OPTION", kinds, kind_count,
			       from_request ? page_field_text(req, FIELD_KIND) : NULL);
		choice_options(f, "EVIDENCE_OPTION", evidence, evidence_count,
			       from_request ? page_field_text(req, FIELD_EVIDENCE) : NULL);
		const char *chosen = from_request ? page_field_text(req, FIELD_PERIODICITY) : "";
		for (int p = 0; p < PLAN__MAX; p++) {
			tpl_dict *o = tpl_section_add(f, "PERIODICITY_OPTION");
			tpl_set(o, "CODE", plan_periodicity_code(p));
			tpl_set(o, "NAME", plan_periodicity_label(p));
			if (strcmp(chosen, plan_periodicity_code(p)) == 0)
				tpl_section_show(o, "SELECTED");
		}
		tpl_set(w, "CSRF", req->staff->csrf);
		if (staff_body_field(req, f) < 0 ||
		    staff_body_field(req, w) < 0)
			return HTTP_INTERNAL_ERROR;
		if (import_errors != NULL || req->field[FIELD_ATTACHMENT].state == FIELD_INVALID ||
		    (!from_request && req->field[FIELD_MUNICIPALITY].state == FIELD_INVALID))
			page_form_fields(req, w);
		if (import_error_count > 0) {
			tpl_dict *e = tpl_section_add(w, "IMPORT_ERRORS");
			for (size_t i = 0; i < import_error_count; i++)
				tpl_set(tpl_section_add(e, "ERROR"), "MESSAGE", import_errors[i]);
		}
	}
	return page_end(req, status);
}

/* GET /admin/plan?year=&format= — see list_page; ?format=csv exports the plan (400 for another
 * format). */
enum http_status page_admin_plan(struct request *req)
{
	const struct field_value *f = &req->field[FIELD_FORMAT];
	if (f->state == FIELD_INVALID || (f->state == FIELD_VALID && strcmp(f->text, "csv") != 0))
		return HTTP_BAD_REQUEST;
	if (f->state == FIELD_VALID)
		return export_csv(req);
	return list_page(req, HTTP_OK, false, NULL, 0);
}

/* ---- one measure, checked the same way from the form and from a CSV line ---------------- */

struct measure_input {
	const char *item, *text, *units, *kind;
	enum plan_periodicity periodicity;
	const char *due_iso; /* NULL unless once */
	const char *evidence;
};

/* Check the parts of a measure that the field table cannot: the periodicity, the due date of a
 * measure done once (given: has_due with due), the evidence kind and the meeting kind it
 * needs. Each problem goes to reject(field, reason). */
static void check_measure(struct request *req, struct measure_input *in, const char *periodicity,
			  bool has_due, struct civil_date due, const char *evidence,
			  const char *kind, const struct kind_item *kinds, size_t kind_count,
			  const struct kind_item *evidences, size_t evidence_count,
			  void (*reject)(struct request *, enum field, const char *, void *), void *ctx)
{
	in->periodicity = plan_periodicity_parse(periodicity);
	if (in->periodicity == PLAN__MAX)
		reject(req, FIELD_PERIODICITY,
		       arena_printf(req->arena,
				    "периодичность %s не известна: ежемесячно, ежеквартально, раз в "
				    "полугодие, ежегодно, однократно, к сроку или постоянно",
				    ru_quoted(req->arena, periodicity)),
		       ctx);
	in->due_iso = NULL;
	if (in->periodicity == PLAN_ONCE && !has_due)
		reject(req, FIELD_DUE_ON, "для однократного мероприятия укажите срок", ctx);
	else if (in->periodicity == PLAN_ONCE)
		in->due_iso = page_date_iso(req, due);
	else if (in->periodicity != PLAN__MAX && has_due)
		reject(req, FIELD_DUE_ON, "срок указывают только для однократного мероприятия", ctx);
	in->evidence = choice_find(evidences, evidence_count, evidence);
	if (in->evidence == NULL)
		reject(req, FIELD_EVIDENCE,
		       arena_printf(req->arena, "подтверждение %s не известно: meeting, discussion "
						"или record", ru_quoted(req->arena, evidence)),
		       ctx);
	in->kind = NULL;
	if (in->evidence && strcmp(in->evidence, "meeting") == 0) {
		in->kind = kind[0] ? choice_find(kinds, kind_count, kind) : NULL;
		if (kind[0] == '\0')
			reject(req, FIELD_KIND, "укажите вид встречи, которая подтверждает мероприятие",
			       ctx);
		else if (in->kind == NULL)
			reject(req, FIELD_KIND,
			       arena_printf(req->arena, "вида встречи %s нет",
					    ru_quoted(req->arena, kind)),
			       ctx);
	} else if (in->evidence && kind[0]) {
		reject(req, FIELD_KIND, "вид встречи указывают, только когда мероприятие "
					"подтверждается встречей",
		       ctx);
	}
}

/* Insert one checked measure inside the caller's transaction and audit it as action. Its id,
 * or 0 on a database error. */
static long long insert_measure(struct request *req, const struct measure_input *in,
				long long body, const char *action)
{
	struct db *db = &req->worker->db;
	sqlite3_stmt *s = db_stmt(db, STMT_PLAN_MEASURE_INSERT);
	sqlite3_bind_text(s, 1, in->item, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, in->text, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, plan_periodicity_code(in->periodicity), -1, SQLITE_STATIC);
	if (in->due_iso)
		sqlite3_bind_text(s, 4, in->due_iso, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, in->units, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, in->evidence, -1, SQLITE_STATIC);
	if (in->kind)
		sqlite3_bind_text(s, 7, in->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 8, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 9, req->staff->user_id);
	sqlite3_bind_int64(s, 10, body);
	if (db_run(s) != SQLITE_DONE)
		return 0;
	long long id = sqlite3_last_insert_rowid(db->conn);
	json_t *after = staff_json(req, STMT_PLAN_MEASURE_JSON, id);
	if (after == NULL || audit_record(req, NULL, action, "plan_measure", id, NULL, after) < 0)
		return 0;
	return id;
}

/* reject for the form: the reason beside the field. */
static void reject_field(struct request *req, enum field f, const char *reason, void *ctx)
{
	(void)ctx;
	page_reject(req, f, reason);
}

/* POST /admin/plan (item, text, periodicity, due_on, units, evidence, kind, municipality, csrf)
 * — add a measure for the body chosen (staff_new_record_body). 303 to its page; 422 with the
 * errors beside the fields and the input kept: an unknown body or another body's (the scope),
 * an unknown periodicity or evidence, a measure done once without its date (or a date for any
 * other), a meeting kind missing or unknown for evidence by a meeting, or given for another. */
enum http_status page_admin_plan_create(struct request *req)
{
	struct kind_item *kinds, *evidences;
	size_t kind_count, evidence_count;
	if (load_choices(req, &kinds, &kind_count, &evidences, &evidence_count) < 0)
		return HTTP_INTERNAL_ERROR;
	struct measure_input in = {
		.item = page_field_text(req, FIELD_PLAN_ITEM),
		.text = page_field_text(req, FIELD_PLAN_TEXT),
		.units = page_field_text(req, FIELD_UNITS),
	};
	/* A reason the field table gave stays first (page_reject keeps it). */
	if (req->field[FIELD_PERIODICITY].state == FIELD_VALID &&
	    req->field[FIELD_EVIDENCE].state == FIELD_VALID)
		check_measure(req, &in, page_field_text(req, FIELD_PERIODICITY),
			      req->field[FIELD_DUE_ON].state == FIELD_VALID,
			      req->field[FIELD_DUE_ON].date, page_field_text(req, FIELD_EVIDENCE),
			      page_field_text(req, FIELD_KIND), kinds, kind_count, evidences,
			      evidence_count, reject_field, NULL);
	long long body;
	if (staff_new_record_body(req, &body) < 0)
		return HTTP_INTERNAL_ERROR;
	if (req->invalid_fields > 0)
		return list_page(req, HTTP_UNPROCESSABLE, true, NULL, 0);
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	long long id = insert_measure(req, &in, body, "create");
	if (id == 0 || db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	response_redirect(req, arena_printf(req->arena, "/admin/plan/%lld", id));
	return HTTP_SEE_OTHER;
}

/* ---- the import ------------------------------------------------------------------------- */

struct import_errors {
	const char **list;
	size_t count, cap;
	int line;
	bool line_bad;
};

/* reject for a CSV line: «Строка 3: периодичность …». */
static void reject_line(struct request *req, enum field f, const char *reason, void *ctx)
{
	(void)f;
	struct import_errors *e = ctx;
	e->list = arena_grow(req->arena, e->list, e->count, &e->cap, sizeof *e->list);
	e->list[e->count++] = arena_printf(req->arena, "Строка %d: %s.", e->line, reason);
	e->line_bad = true;
}

/* Cell s of a CSV line with the apostrophe that the export puts before formula-like text
 * taken off, and blanks trimmed. */
static const char *cell(struct request *req, const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	if (s[0] == '\'' && csv_formula_like(s + 1, strlen(s + 1)))
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return arena_strndup(req->arena, s, n);
}

/* Check text cell s of a line: valid UTF-8 without control characters (line breaks allowed
 * when multiline), at most max characters, not empty when required. */
static void check_text(struct request *req, struct import_errors *e, const char *s,
		       const char *label, size_t max, bool required, bool multiline)
{
	size_t len = strlen(s);
	if (!utf8_valid(s, len) || utf8_has_controls(s, len, multiline))
		reject_line(req, FIELD__MAX,
			    arena_printf(req->arena, "в поле «%s» недопустимые символы", label), e);
	else if (required && len == 0)
		reject_line(req, FIELD__MAX,
			    arena_printf(req->arena, "поле «%s» не заполнено", label), e);
	else if (utf8_length(s, len) > max)
		reject_line(req, FIELD__MAX,
			    arena_printf(req->arena, "поле «%s» длиннее %zu %s", label, max,
					 ru_plural((long)max, "знака", "знаков", "знаков")),
			    e);
}

/* A due date as the export writes it (2026-12-01) or as a spreadsheet in a Russian locale
 * saves it (01.12.2026). */
static bool parse_due(const char *s, struct civil_date *out)
{
	if (civil_date_parse(s, out))
		return true;
	int d, m, y;
	char tail;
	if (sscanf(s, "%2d.%2d.%4d%c", &d, &m, &y, &tail) != 3)
		return false;
	char iso[16];
	snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
	return civil_date_parse(iso, out);
}

/* At most this many measures in one file. */
#define IMPORT_MAX_LINES 1000

/* The choices a line of the file is checked against: the kinds of meeting and of evidence. */
struct import_choices {
	struct kind_item *kinds, *evidences;
	size_t kind_count, evidence_count;
};

/* Check the fields C[0..CSV_COLUMNS) of one measure line into *IN; what is wrong goes to E
 * under the line's number. */
static void import_measure(struct request *req, const char *const *c,
			   const struct import_choices *ch, struct import_errors *e,
			   struct measure_input *in)
{
	*in = (struct measure_input){
		.item = cell(req, c[0]), .text = cell(req, c[1]), .units = cell(req, c[4])};
	check_text(req, e, in->item, "Пункт", 20, true, false);
	check_text(req, e, in->text, "Мероприятие", 1000, true, true);
	check_text(req, e, in->units, "Ответственные", 500, false, false);
	const char *due_text = cell(req, c[3]);
	struct civil_date due = {0, 0, 0};
	bool has_due = due_text[0] != '\0';
	if (has_due && !parse_due(due_text, &due)) {
		reject_line(req, FIELD__MAX,
			    arena_printf(req->arena,
					 "срок %s — не дата (нужно 2026-12-01 или 01.12.2026)",
					 ru_quoted(req->arena, due_text)),
			    e);
		/* Said once: not «укажите срок» as well. */
		due = (struct civil_date){1970, 1, 1};
	}
	check_measure(req, in, cell(req, c[2]), has_due, due, cell(req, c[5]), cell(req, c[6]),
		      ch->kinds, ch->kind_count, ch->evidences, ch->evidence_count, reject_line, e);
}

/* Read the measures of the CSV file TEXT[0..LEN) (a byte-order mark, the heading and empty lines
 * skipped; ';' or ',' between fields) into *ROWS, the good lines only; every bad line is in E.
 * -1 on a database error. */
static int import_read(struct request *req, const char *text, size_t len,
		       struct measure_input **rows, size_t *row_count, struct import_errors *e)
{
	struct import_choices ch;
	if (load_choices(req, &ch.kinds, &ch.kind_count, &ch.evidences, &ch.evidence_count) < 0)
		return -1;
	size_t skip = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	char sep = csv_guess_separator(text + skip, len - skip);
	size_t count = 0, cap = 0, pos = 0;
	*rows = NULL;
	int line = 1;
	for (;;) {
		const char *c[CSV_COLUMNS + 1];
		size_t n;
		e->line = line;
		e->line_bad = false;
		int rc = csv_read_record(req->arena, text, len, &pos, sep, c, CSV_COLUMNS + 1, &n,
					 &line);
		if (rc == 0)
			break;
		if (rc < 0) {
			reject_line(req, FIELD__MAX,
				    n > CSV_COLUMNS
					    ? arena_printf(req->arena, "больше %d столбцов",
							   CSV_COLUMNS)
					    : "кавычки не закрыты или текст после закрывающей кавычки",
				    e);
			continue;
		}
		if (e->line == 1 && n > 0 && strcmp(cell(req, c[0]), csv_columns[0]) == 0)
			continue; /* the heading */
		if (n == 1 && cell(req, c[0])[0] == '\0')
			continue; /* an empty line */
		if (n != CSV_COLUMNS) {
			reject_line(req, FIELD__MAX,
				    arena_printf(req->arena, "столбцов %zu, а нужно %d: %s", n,
						 CSV_COLUMNS,
						 "пункт, мероприятие, периодичность, срок, "
						 "ответственные, подтверждение, вид встречи"),
				    e);
			continue;
		}
		if (count == IMPORT_MAX_LINES) {
			reject_line(req, FIELD__MAX,
				    arena_printf(req->arena, "в одном файле — не больше %d мероприятий",
						 IMPORT_MAX_LINES),
				    e);
			break;
		}
		struct measure_input in;
		import_measure(req, c, &ch, e, &in);
		if (!e->line_bad) {
			*rows = arena_grow(req->arena, *rows, count, &cap, sizeof **rows);
			(*rows)[count++] = in;
		}
	}
	*row_count = count;
	return 0;
}

/* POST /admin/plan/import (attachment: a CSV file, municipality, csrf; multipart) — add every
 * measure of the file to the plan of the body chosen (staff_new_record_body), in its order, in one transaction, each audited (plan_measure, import). The first line
 * is the heading (as the export writes it); ';' or ',' between fields. 303 to /admin/plan; 422
 * with every bad line listed beside the file field by its number, and nothing imported, when
 * any line is bad (a column missing or extra, a required field empty, an unknown periodicity,
 * evidence or meeting kind, a missing or malformed due date, text too long) or the file is
 * missing, not text, or has no measures. */
enum http_status page_admin_plan_import(struct request *req)
{
	const struct multipart_part *file = NULL;
	for (size_t i = 0; i < req->file_count; i++)
		if (strcmp(req->files[i].name, "attachment") == 0 && req->files[i].size > 0)
			file = &req->files[i];
	if (file == NULL) {
		page_reject(req, FIELD_ATTACHMENT, "выберите файл CSV с планом");
		return list_page(req, HTTP_UNPROCESSABLE, false, NULL, 0);
	}
	if (!utf8_valid(file->data, file->size)) {
		page_reject(req, FIELD_ATTACHMENT,
			    "файл не в кодировке UTF-8: сохраните его как «CSV (разделители — точка с "
			    "запятой)» в UTF-8");
		return list_page(req, HTTP_UNPROCESSABLE, false, NULL, 0);
	}
	struct import_errors e = {0};
	struct measure_input *rows;
	size_t row_count;
	long long body;
	if (import_read(req, file->data, file->size, &rows, &row_count, &e) < 0 ||
	    staff_new_record_body(req, &body) < 0)
		return HTTP_INTERNAL_ERROR;
	if (e.count == 0 && row_count == 0)
		page_reject(req, FIELD_ATTACHMENT, "в файле нет ни одного мероприятия");
	else if (e.count > 0)
		page_reject(req, FIELD_ATTACHMENT,
			    arena_printf(req->arena,
					 "в файле %zu %s — ничего не загружено; исправьте и загрузите "
					 "файл снова",
					 e.count, ru_plural((long)e.count, "ошибка", "ошибки", "ошибок")));
	if (req->invalid_fields > 0)
		return list_page(req, HTTP_UNPROCESSABLE, false, e.list, e.count);
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	for (size_t i = 0; i < row_count; i++)
		if (insert_measure(req, &rows[i], body, "import") == 0) {
			db_rollback(db);
			return HTTP_INTERNAL_ERROR;
		}
	if (db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	response_redirect(req, "/admin/plan");
	return HTTP_SEE_OTHER;
}

/* ---- one measure ------------------------------------------------------------------------ */

/* The page of measure m: what it is, its periods in the year shown with their state and
 * evidence, every piece of evidence of that year, the records entered by hand and, for
 * writers, the form of a new record (kept as sent when from_request). */
static enum http_status measure_page(struct request *req, const struct plan_measure *m,
				     enum http_status status, bool from_request)
{
	int year = shown_year(req);
	tpl_dict *d = page_begin(req, "admin_plan_measure.tpl",
				 arena_printf(req->arena, "Пункт %s плана мероприятий", m->item),
				 NAV_STAFF_PLAN);
	tpl_set_int(d, "ID", m->id);
	tpl_set(d, "ITEM", m->item);
	tpl_set(d, "TEXT", m->text);
	tpl_set(d, "UNITS", m->units[0] ? m->units : "не указаны");
	tpl_set(d, "PERIODICITY",
		m->periodicity == PLAN_ONCE
			? arena_printf(req->arena, "однократно, до %s", page_date_words(req, m->due))
			: plan_periodicity_label(m->periodicity));
	tpl_set(d, "EVIDENCE",
		m->kind_name[0] ? arena_printf(req->arena, "%s: %s", m->evidence_name,
					       ru_lower_first(req->arena, m->kind_name))
				: m->evidence_name);
	tpl_set_int(d, "YEAR", year);
	tpl_set_int(d, "PREV_YEAR", year - 1);
	tpl_set_int(d, "NEXT_YEAR", year + 1);
	struct plan_period_status *p;
	struct plan_evidence *e;
	size_t pn, en;
	if (plan_measure_status(req, m, (struct civil_date){year, 1, 1},
				(struct civil_date){year, 12, 31}, &p, &pn, &e, &en) < 0)
		return HTTP_INTERNAL_ERROR;
	static const char *const state_class[] = {"state-ok", "state-missing", "state-pending"};
	for (size_t k = 0; k < pn; k++) {
		tpl_dict *row = tpl_section_add(d, "PERIOD");
		tpl_set(row, "LABEL", p[k].label);
		tpl_set(row, "STATE", plan_state_label(p[k].state));
		tpl_set(row, "STATE_CLASS", state_class[p[k].state]);
		if (p[k].first) {
			tpl_dict *ev = tpl_section_add(row, "EVIDENCE");
			tpl_set(ev, "HREF", p[k].first->href);
			tpl_set(ev, "WORDS", plan_evidence_words(req, p[k].first));
			if (p[k].evidence_count > 1)
				tpl_set(tpl_section_add(ev, "MORE"), "COUNT",
					arena_printf(req->arena, "и ещё %zu", p[k].evidence_count - 1));
		}
	}
	if (m->periodicity == PLAN_PERMANENT)
		tpl_section_show(d, "PERMANENT");
	else if (pn == 0)
		tpl_section_show(d, "NO_PERIODS");
	else
		tpl_section_show(d, "HAS_PERIODS");
	for (size_t i = 0; i < en; i++) {
		tpl_dict *row = tpl_section_add(d, "FOUND");
		tpl_set(row, "HREF", e[i].href);
		tpl_set(row, "WORDS", plan_evidence_words(req, &e[i]));
	}
	tpl_section_show(d, en ? "HAS_FOUND" : "NO_FOUND");
	struct plan_record_row *records;
	size_t record_count;
	if (db_plan_records(&req->worker->db, req->arena, m->id, &records, &record_count) < 0)
		return HTTP_INTERNAL_ERROR;
	for (size_t i = 0; i < record_count; i++) {
		const struct plan_record_row *rec = &records[i];
		tpl_dict *row = tpl_section_add(d, "RECORD");
		struct civil_date done;
		civil_date_parse(rec->done_on, &done);
		tpl_set_int(row, "ID", rec->id);
		tpl_set(row, "DONE_ON", page_date_words(req, done));
		tpl_set(row, "NOTE", rec->note);
		tpl_set(row, "FILE_NAME", rec->file_name);
		page_set_datetime(row, "CREATED", rec->created_at);
		tpl_set(row, "BY", rec->created_by);
	}
	tpl_section_show(d, record_count ? "HAS_RECORDS" : "NO_RECORDS");
	if (req->staff->role & PLAN_WRITERS) {
		tpl_dict *f = tpl_section_add(d, "RECORD_FORM");
		if (from_request)
			page_form_fields(req, f);
		tpl_set(f, "CSRF", req->staff->csrf);
		tpl_set_int(f, "ID", m->id);
		tpl_set(f, "ALLOWED", upload_allowed_types_ru);
	}
	return page_end(req, status);
}

/* Load measure id into *m. 0, 1 when there is none, -1 on a database error. */
static int load_measure(struct request *req, long long id, struct plan_measure *m)
{
	struct plan_measure *list;
	size_t n;
	if (plan_measures_load(req, id, 0, &list, &n) < 0)
		return -1;
	if (n == 0)
		return 1;
	*m = list[0];
	return 0;
}

/* GET /admin/plan/ID?year= — see measure_page. 404 for an unknown measure. */
enum http_status page_admin_plan_measure(struct request *req)
{
	struct plan_measure m;
	int rc = load_measure(req, req->path_id, &m);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return measure_page(req, &m, HTTP_OK, false);
}

/* POST /admin/plan/ID/records (done_on, note, attachment, csrf; multipart) — record by hand
 * that the measure happened on done_on, with its document (required, one file, checked by
 * content: upload_check's types), stored before the transaction that names it; audited
 * (plan_record, create). 303 to the measure's page; 422 with the errors beside the fields and
 * the text kept: a date in the future, no document, a document of a type not accepted. 404 for
 * an unknown measure. */
enum http_status page_admin_plan_record_create(struct request *req)
{
	struct plan_measure m;
	int rc = load_measure(req, req->path_id, &m);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	if (req->field[FIELD_DONE_ON].state == FIELD_VALID &&
	    civil_date_compare(req->field[FIELD_DONE_ON].date, tz_local_date(req->now)) > 0)
		page_reject(req, FIELD_DONE_ON, "дата ещё не наступила");
	const struct multipart_part *file = NULL;
	for (size_t i = 0; i < req->file_count; i++)
		if (strcmp(req->files[i].name, "attachment") == 0 &&
		    (req->files[i].size > 0 || req->files[i].filename[0]))
			file = file ? file : &req->files[i];
	const char *mime = NULL, *error;
	if (file == NULL)
		page_reject(req, FIELD_ATTACHMENT, "приложите документ, подтверждающий проведение");
	else if (upload_check(file->data, file->size, &mime, &error) < 0)
		page_reject(req, FIELD_ATTACHMENT,
			    arena_printf(req->arena, "«%s»: %s", file->filename, error));
	if (req->invalid_fields > 0)
		return measure_page(req, &m, HTTP_UNPROCESSABLE, true);
	char sha[UPLOAD_NAME_SIZE];
	if (upload_store(req->worker->cfg->uploads_dir, file->data, file->size, sha) < 0) {
		fprintf(stderr, "rid=%s storing a plan record's document: %m\n", req->id);
		return HTTP_INTERNAL_ERROR;
	}
	size_t name_size = strlen(file->filename) + 16;
	char *name = arena_alloc(req->arena, name_size);
	upload_safe_name(file->filename, mime, name, name_size);
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	sqlite3_stmt *s = db_stmt(db, STMT_PLAN_RECORD_INSERT);
	sqlite3_bind_int64(s, 1, m.id);
	sqlite3_bind_text(s, 2, page_date_iso(req, req->field[FIELD_DONE_ON].date), -1,
			  SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, page_field_text(req, FIELD_RECORD_NOTE), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, mime, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 6, (sqlite3_int64)file->size);
	sqlite3_bind_text(s, 7, sha, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 8, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 9, req->staff->user_id);
	bool ok = db_run(s) == SQLITE_DONE;
	long long id = sqlite3_last_insert_rowid(db->conn);
	return staff_commit(req, ok, "create", "plan_record", id, NULL, STMT_PLAN_RECORD_JSON,
			    arena_printf(req->arena, "/admin/plan/%lld", m.id));
}

/* GET /admin/plan/records/ID — the document of a record, as an attachment. 404 when unknown. */
enum http_status page_admin_plan_record_file(struct request *req)
{
	const char *name, *mime, *sha;
	int rc = db_plan_record_file(&req->worker->db, req->arena, req->path_id, &name, &mime, &sha);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return page_send_stored_file(req, name, mime, sha);
}
