/* report.c — tables of a staff report rendered as HTML with inline SVG bar charts, or as CSV
 * (see report.h). The charts are drawn from numbers only, server-side: no script. */
#include "report.h"

#include <stdarg.h>
#include <string.h>

#include "csv.h"
#include "page.h"

/* The chart's drawing: a fixed coordinate system scaled by the viewBox to the page's width. */
#define CHART_WIDTH 640
#define CHART_LABEL_ROW 18  /* the label's line above each bar */
#define CHART_BAR_HEIGHT 14
#define CHART_ROW_GAP 10
#define CHART_BAR_MAX 520   /* the longest bar; the number is written after it */
#define CHART_LABEL_CHARS 80

void report_init(struct report *r, struct request *req, const char *title, const char *period)
{
	memset(r, 0, sizeof *r);
	r->req = req;
	r->title = title;
	r->period = period;
}

struct report_table *report_table_add(struct report *r, const char *id, const char *caption,
				      int chart_column, ...)
{
	struct arena *a = r->req->arena;
	if (r->tables == NULL) {
		r->table_cap = 16;
		r->tables = arena_alloc(a, r->table_cap * sizeof *r->tables);
	}
	r->tables = arena_grow(a, r->tables, r->table_count, &r->table_cap, sizeof *r->tables);
	struct report_table *t = &r->tables[r->table_count++];
	memset(t, 0, sizeof *t);
	t->id = id;
	t->caption = caption;
	t->chart_column = chart_column;
	va_list ap;
	va_start(ap, chart_column);
	const char *c;
	while ((c = va_arg(ap, const char *)) != NULL && t->column_count < REPORT_MAX_COLUMNS)
		t->columns[t->column_count++] = c;
	va_end(ap);
	return t;
}

struct report_row *report_row_add(struct report *r, struct report_table *t, long long value, ...)
{
	struct arena *a = r->req->arena;
	if (t->rows == NULL) {
		t->row_cap = 16;
		t->rows = arena_alloc(a, t->row_cap * sizeof *t->rows);
	}
	t->rows = arena_grow(a, t->rows, t->row_count, &t->row_cap, sizeof *t->rows);
	struct report_row *row = &t->rows[t->row_count++];
	memset(row, 0, sizeof *row);
	row->value = value;
	va_list ap;
	va_start(ap, value);
	for (size_t i = 0; i < t->column_count; i++) {
		const char *c = va_arg(ap, const char *);
		row->cells[i] = c ? c : "";
	}
	va_end(ap);
	return row;
}

const char *report_number(struct report *r, long long n)
{
	return arena_printf(r->req->arena, "%lld", n);
}

const char *report_change(struct report *r, long long before, long long after)
{
	long long d = after - before;
	if (d > 0)
		return arena_printf(r->req->arena, "+%lld", d);
	if (d < 0)
		return arena_printf(r->req->arena, "−%lld", -d); /* U+2212, the typographic minus */
	return "0";
}

/* The label as drawn beside a bar: cut to CHART_LABEL_CHARS characters (the full text stays in
 * the bar's <title> and in the table). */
static const char *chart_label(struct arena *a, const char *s)
{
	size_t chars = 0;
	for (const char *p = s; *p; p++) {
		if (((unsigned char)*p & 0xC0) == 0x80)
			continue; /* a continuation byte: the same character */
		if (chars++ == CHART_LABEL_CHARS)
			return arena_printf(a, "%.*s…", (int)(p - s), s);
	}
	return s;
}

static void fill_chart(struct report *r, struct report_table *t, tpl_dict *td)
{
	struct arena *a = r->req->arena;
	long long max = 0;
	size_t bars = 0;
	for (size_t i = 0; i < t->row_count; i++)
		if (!t->rows[i].total) {
			bars++;
			if (t->rows[i].value > max)
				max = t->rows[i].value;
		}
	if (max <= 0 || bars == 0)
		return;
	tpl_dict *c = tpl_section_add(td, "CHART");
	int step = CHART_LABEL_ROW + CHART_BAR_HEIGHT + CHART_ROW_GAP;
	tpl_set_int(c, "WIDTH", CHART_WIDTH);
	tpl_set_int(c, "HEIGHT", (long long)bars * step);
	tpl_set(c, "COLUMN", t->columns[t->chart_column]);
	int y = 0;
	for (size_t i = 0; i < t->row_count; i++) {
		struct report_row *row = &t->rows[i];
		if (row->total)
			continue;
		long long v = row->value > 0 ? row->value : 0;
		int w = (int)(v * CHART_BAR_MAX / max);
		if (v > 0 && w < 2)
			w = 2; /* a non-zero value stays visible */
		tpl_dict *b = tpl_section_add(c, "BAR");
		tpl_set(b, "TITLE", arena_printf(a, "%s: %lld", row->cells[0], row->value));
		tpl_set(b, "LABEL", chart_label(a, row->cells[0]));
		tpl_set_int(b, "LABEL_Y", y + CHART_LABEL_ROW - 5);
		tpl_set_int(b, "BAR_Y", y + CHART_LABEL_ROW);
		tpl_set_int(b, "BAR_WIDTH", w);
		tpl_set_int(b, "BAR_HEIGHT", CHART_BAR_HEIGHT);
		tpl_set_int(b, "VALUE_X", w + 6);
		tpl_set_int(b, "VALUE_Y", y + CHART_LABEL_ROW + CHART_BAR_HEIGHT - 2);
		tpl_set_int(b, "VALUE", row->value);
		y += step;
	}
}

void report_fill(struct report *r, tpl_dict *d)
{
	tpl_set(d, "REPORT_TITLE", r->title);
	tpl_set(d, "PERIOD", r->period);
	for (size_t i = 0; i < r->table_count; i++) {
		struct report_table *t = &r->tables[i];
		tpl_dict *td = tpl_section_add(d, "TABLE");
		tpl_set(td, "ID", t->id);
		tpl_set(td, "CAPTION", t->caption);
		if (t->note)
			tpl_set(tpl_section_add(td, "NOTE"), "TEXT", t->note);
		for (size_t c = 0; c < t->column_count; c++)
			tpl_set(tpl_section_add(td, "HEADING"), "TEXT", t->columns[c]);
		if (t->row_count == 0) {
			tpl_set_int(tpl_section_add(td, "EMPTY"), "SPAN", (long long)t->column_count);
			continue;
		}
		for (size_t k = 0; k < t->row_count; k++) {
			struct report_row *row = &t->rows[k];
			tpl_dict *rd = tpl_section_add(td, "ROW");
			if (row->total)
				tpl_section_show(rd, "TOTAL");
			tpl_set(rd, "LABEL", row->cells[0]);
			for (size_t c = 1; c < t->column_count; c++)
				tpl_set(tpl_section_add(rd, "CELL"), "TEXT", row->cells[c]);
		}
		if (t->chart_column >= 0)
			fill_chart(r, t, td);
	}
}

enum http_status report_send_csv(struct report *r, const char *file_name, const char *ascii_name)
{
	struct request *req = r->req;
	struct buf *b = &req->response.body;
	buf_clear(b);
	csv_begin(b);
	const char *head[] = {r->title, r->period};
	csv_record(b, head, 2);
	for (size_t i = 0; i < r->table_count; i++) {
		struct report_table *t = &r->tables[i];
		csv_end_record(b);
		csv_record(b, &t->caption, 1);
		csv_record(b, t->columns, t->column_count);
		for (size_t k = 0; k < t->row_count; k++)
			csv_record(b, t->rows[k].cells, t->column_count);
	}
	struct buf disposition;
	buf_init(&disposition, req->arena);
	buf_printf(&disposition, "attachment; filename=\"%s\"; filename*=UTF-8''", ascii_name);
	page_append_encoded(&disposition, file_name);
	response_header(req, "Content-Disposition", disposition.data);
	req->response.content_type = "text/csv; charset=utf-8";
	req->response.body_ready = true;
	return HTTP_OK;
}
