/* report.c — tables of a staff report rendered as HTML with inline SVG bar charts, or as CSV
 * (see report.h). The charts are drawn from numbers only, server-side: no script.
 *
 * A chart has no viewBox: its user unit is the CSS pixel and every length is in em of the
 * chart's font, so the text is never scaled down with the drawing on a narrow screen (a 640-unit
 * viewBox squeezed into a 320px phone made 13px labels 6px). Bars are percentages of the chart's
 * width; the label goes on its own lines above its bars, wrapped at a word boundary to what a
 * 320px screen holds at the version's type size (larger in the visually impaired version). */
#include "report.h"

#include <stdarg.h>
#include <string.h>

#include "csv.h"
#include "page.h"
#include "ru.h"

/* Geometry in em of the chart's font (see the comment at the top). */
#define CHART_LINE 1.3        /* a label line */
#define CHART_BASELINE 1.0    /* the baseline below a line's top */
#define CHART_BAR 0.9         /* a bar's thickness */
#define CHART_BAR_STEP 1.2    /* a bar and the gap after it */
#define CHART_ROW_GAP 0.6     /* between rows */
#define CHART_BAR_MAX 65.0    /* the longest bar, % of the width: its number fits after it */
/* Characters per label line that fit a 320px screen: about 290px of chart at 14px type, about
 * 270px at the visually impaired version's 24px (DejaVu Sans, the widest of the fonts the
 * stylesheet names, measured in headless Chromium). */
#define CHART_LABEL_CHARS 30
#define CHART_LABEL_CHARS_VISION 15
#define CHART_LABEL_LINES 4   /* more is cut with «…»; the full text is in <title> and the table */

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
	t->compare_column = -1;
	va_list ap;
	va_start(ap, chart_column);
	const char *c;
	while ((c = va_arg(ap, const char *)) != NULL && t->column_count < REPORT_MAX_COLUMNS)
		t->columns[t->column_count++] = c;
	va_end(ap);
	return t;
}

struct report_row *report_row_add(struct report *r, struct report_table *t,
				  const struct report_cell *cells, size_t n)
{
	struct arena *a = r->req->arena;
	if (t->rows == NULL) {
		t->row_cap = 16;
		t->rows = arena_alloc(a, t->row_cap * sizeof *t->rows);
	}
	t->rows = arena_grow(a, t->rows, t->row_count, &t->row_cap, sizeof *t->rows);
	struct report_row *row = &t->rows[t->row_count++];
	memset(row, 0, sizeof *row);
	for (size_t i = 0; i < t->column_count; i++) {
		row->cells[i] = i < n ? cells[i] : report_text("");
		if (row->cells[i].text == NULL)
			row->cells[i].text = "";
	}
	return row;
}

struct report_cell report_text(const char *s)
{
	return (struct report_cell){.kind = REPORT_TEXT, .text = s ? s : ""};
}

struct report_cell report_number(struct report *r, long long n)
{
	return (struct report_cell){.kind = REPORT_NUMBER,
				    .text = arena_printf(r->req->arena, "%lld", n),
				    .number = n};
}

struct report_cell report_change(struct report *r, long long before, long long after)
{
	long long d = after - before;
	struct report_cell c = {.kind = REPORT_NUMBER, .text = "0", .number = d};
	if (d > 0)
		c.text = arena_printf(r->req->arena, "+%lld", d);
	else if (d < 0)
		c.text = arena_printf(r->req->arena, "−%lld", -d); /* U+2212, the typographic minus */
	return c;
}

struct report_cell report_date(struct report *r, struct civil_date d)
{
	struct arena *a = r->req->arena;
	return (struct report_cell){
		.kind = REPORT_DATE,
		.text = arena_printf(a, "%d %s %d г.", d.day, ru_month_genitive(d.month), d.year),
		.iso = arena_printf(a, "%04d-%02d-%02d", d.year, d.month, d.day)};
}

/* ---- charts ------------------------------------------------------------------------------ */

/* Bytes of the UTF-8 character that starts at p. */
static size_t char_bytes(const char *p)
{
	size_t n = 1;
	while (p[n] && ((unsigned char)p[n] & 0xC0) == 0x80)
		n++;
	return n;
}

/* Split label s into at most CHART_LABEL_LINES lines of at most width characters, at spaces or
 * after hyphens where it can (a longer word is cut); a label that does not fit ends with «…».
 * Adds a LINE section per line to bar with its Y (the baseline, em from the row's top); returns
 * the lines. */
static int chart_label_lines(struct arena *a, tpl_dict *bar, const char *s, size_t width,
			     double top)
{
	int lines = 0;
	const char *p = s;
	while (*p == ' ')
		p++;
	while (*p && lines < CHART_LABEL_LINES) {
		/* The longest prefix of at most width characters, preferably ending at a space (left
		 * out) or just after a hyphen (kept). */
		const char *q = p, *end_at = NULL, *next_at = NULL;
		size_t chars = 0;
		while (*q && chars < width) {
			if (*q == ' ') {
				end_at = q;
				next_at = q + 1;
			} else if (*q == '-' && q > p) {
				end_at = next_at = q + 1;
			}
			q += char_bytes(q);
			chars++;
		}
		const char *end = q, *next = q;
		if (*q && *q != ' ' && end_at != NULL) {
			end = end_at;
			next = next_at;
		}
		while (*next == ' ')
			next++;
		const char *text = arena_strndup(a, p, (size_t)(end - p));
		if (lines == CHART_LABEL_LINES - 1 && *next) {
			/* The last line and text is left: cut it to make room for «…». */
			const char *c = text;
			size_t k = 0;
			while (*c && k + 1 < width) {
				c += char_bytes(c);
				k++;
			}
			text = arena_printf(a, "%.*s…", (int)(c - text), text);
		}
		tpl_dict *l = tpl_section_add(bar, "LINE");
		tpl_set(l, "TEXT", text);
		tpl_set(l, "Y", arena_printf(a, "%.2f", top + lines * CHART_LINE + CHART_BASELINE));
		lines++;
		p = next;
	}
	return lines;
}

/* One bar of a row: its rectangle (class cls) at top and its number after it. */
static void chart_bar(struct arena *a, tpl_dict *bar, const char *cls, long long value,
		      long long max, double top)
{
	double w = value > 0 ? (double)value * CHART_BAR_MAX / (double)max : 0;
	if (value > 0 && w < 0.5)
		w = 0.5; /* a non-zero value stays visible */
	tpl_dict *s = tpl_section_add(bar, "SERIES");
	if (value > 0) {
		tpl_dict *rect = tpl_section_add(s, "RECT");
		tpl_set(rect, "CLASS", cls);
		tpl_set(rect, "WIDTH", arena_printf(a, "%.1f", w));
		tpl_set(rect, "Y", arena_printf(a, "%.2f", top + (CHART_BAR_STEP - CHART_BAR) / 2));
	}
	tpl_set(s, "X", arena_printf(a, "%.1f", w));
	tpl_set(s, "TEXT_Y", arena_printf(a, "%.2f", top + CHART_BAR_STEP / 2 + 0.35));
	tpl_set_int(s, "VALUE", value);
}

static void fill_chart(struct report *r, struct report_table *t, tpl_dict *td)
{
	struct arena *a = r->req->arena;
	int col = t->chart_column, prev = t->compare_column;
	long long max = 0;
	size_t bars = 0;
	for (size_t i = 0; i < t->row_count; i++) {
		const struct report_row *row = &t->rows[i];
		if (row->total)
			continue;
		bars++;
		if (row->cells[col].number > max)
			max = row->cells[col].number;
		if (prev >= 0 && row->cells[prev].number > max)
			max = row->cells[prev].number;
	}
	if (max <= 0 || bars == 0)
		return;
	size_t width = r->req->vision ? CHART_LABEL_CHARS_VISION : CHART_LABEL_CHARS;
	tpl_dict *c = tpl_section_add(td, "CHART");
	if (prev >= 0) {
		tpl_dict *cmp = tpl_section_add(c, "COMPARE");
		tpl_set(cmp, "BEFORE", t->columns[prev]);
		tpl_set(cmp, "NOW", t->columns[col]);
	} else {
		tpl_set(tpl_section_add(c, "SINGLE"), "COLUMN", t->columns[col]);
	}
	double y = 0;
	for (size_t i = 0; i < t->row_count; i++) {
		const struct report_row *row = &t->rows[i];
		if (row->total)
			continue;
		tpl_dict *b = tpl_section_add(c, "BAR");
		const char *label = row->cells[0].text;
		tpl_set(b, "TITLE",
			prev >= 0 ? arena_printf(a, "%s: %s — %lld, %s — %lld", label,
						 t->columns[prev], row->cells[prev].number,
						 t->columns[col], row->cells[col].number)
				  : arena_printf(a, "%s: %lld", label, row->cells[col].number));
		y += chart_label_lines(a, b, label, width, y) * CHART_LINE;
		if (prev >= 0) {
			chart_bar(a, b, "before", row->cells[prev].number, max, y);
			y += CHART_BAR_STEP;
		}
		chart_bar(a, b, "now", row->cells[col].number, max, y);
		y += CHART_BAR_STEP + CHART_ROW_GAP;
	}
	tpl_set(c, "HEIGHT", arena_printf(a, "%.2f", y - CHART_ROW_GAP));
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
		size_t shown = t->page_limit && t->row_count > t->page_limit ? t->page_limit
									      : t->row_count;
		for (size_t k = 0; k < shown; k++) {
			struct report_row *row = &t->rows[k];
			tpl_dict *rd = tpl_section_add(td, "ROW");
			if (row->total)
				tpl_section_show(rd, "TOTAL");
			tpl_set(rd, "LABEL", row->cells[0].text);
			for (size_t c = 1; c < t->column_count; c++)
				tpl_set(tpl_section_add(rd, "CELL"), "TEXT", row->cells[c].text);
		}
		if (shown < t->row_count) {
			long long rest = (long long)(t->row_count - shown);
			tpl_dict *m = tpl_section_add(td, "MORE");
			tpl_set_int(m, "SPAN", (long long)t->column_count);
			tpl_set(m, "TEXT",
				arena_printf(r->req->arena,
					     "Показаны первые %zu из %zu. Ещё %lld %s — в выгрузке CSV.",
					     shown, t->row_count, rest,
					     ru_plural(rest, "строка", "строки", "строк")));
		}
		if (t->chart_column >= 0)
			fill_chart(r, t, td);
	}
}

/* ---- CSV --------------------------------------------------------------------------------- */

static void csv_cell(struct buf *b, const struct report_cell *c, bool first)
{
	switch (c->kind) {
	case REPORT_NUMBER:
		csv_number(b, c->number, first);
		break;
	case REPORT_DATE:
		csv_text(b, c->iso, first);
		break;
	case REPORT_TEXT:
		csv_text(b, c->text, first);
		break;
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
		for (size_t k = 0; k < t->row_count; k++) {
			for (size_t c = 0; c < t->column_count; c++)
				csv_cell(b, &t->rows[k].cells[c], c == 0);
			csv_end_record(b);
		}
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
