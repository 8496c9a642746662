/* report.h — the shape every staff report shares (src/admin/reports/report_*.c): a report is a list
 * of tables, each a caption, column headings and rows of typed cells (text, number, date), one
 * numeric column of which is also drawn as a bar chart (two, beside each other, for a comparison
 * of two years). The same tables become the HTML page (tables and inline SVG through
 * admin_report.tpl) or the CSV download, so the two can never disagree; a cell knows how it is
 * shown («+2», «11 марта 2020 г.») and how it is exported (2, 2020-03-11). */
#ifndef PORTAL_REPORT_H
#define PORTAL_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "civil_time.h"
#include "http.h"
#include "template.h"

#define REPORT_MAX_COLUMNS 8

enum report_cell_kind {
	REPORT_TEXT,   /* text: neutralised against formulas in CSV */
	REPORT_NUMBER, /* an integer: a plain number in CSV, text (maybe «+2», «−1») on the page */
	REPORT_DATE,   /* a local date: «11 марта 2020 г.» on the page, 2020-03-11 in CSV */
};

struct report_cell {
	enum report_cell_kind kind; /* first, so that a bare string is a compile error */
	const char *text;           /* as shown on the page */
	long long number;           /* REPORT_NUMBER: the value */
	const char *iso;            /* REPORT_DATE: YYYY-MM-DD */
};

struct report_row {
	struct report_cell cells[REPORT_MAX_COLUMNS]; /* cells[0] is the row's label */
	bool total;                                   /* a totals row: bold, never charted */
};

struct report_table {
	const char *id;       /* anchor and chart id, [a-z0-9-] */
	const char *caption;  /* «Обращения по разделам классификатора» */
	const char *note;     /* a sentence under the caption, or NULL */
	const char *columns[REPORT_MAX_COLUMNS];
	size_t column_count;
	int chart_column;     /* the number column drawn as bars, -1 for none */
	int compare_column;   /* a number column drawn as an outlined bar above each of
	                         chart_column's (the previous year), -1 for none */
	size_t page_limit;    /* rows shown on the page, 0 for all; the CSV has every row */
	struct report_row *rows;
	size_t row_count, row_cap;
};

struct report {
	struct request *req;
	const char *title;    /* the page's heading and the CSV's first line */
	const char *period;   /* «2026 год», «1 января – 31 марта 2026 г.» */
	struct report_table *tables;
	size_t table_count, table_cap;
	long long body;       /* the municipality it is limited to (issue 18), 0 for all of them */
};

void report_init(struct report *r, struct request *req, const char *title, const char *period);

/* Add a table with its column headings (NULL-terminated list); chart_column -1 for no chart. */
struct report_table *report_table_add(struct report *r, const char *id, const char *caption,
				      int chart_column, ...) __attribute__((sentinel));

/* Add a row of n cells (exactly the table's column count). Use REPORT_ROW. */
struct report_row *report_row_add(struct report *r, struct report_table *t,
				  const struct report_cell *cells, size_t n);
#define REPORT_ROW(r, t, ...)                                                                       \
	report_row_add(r, t, (const struct report_cell[]){__VA_ARGS__},                            \
		       sizeof((const struct report_cell[]){__VA_ARGS__}) / sizeof(struct report_cell))

/* Cells: text as it is; a number «12»; a change after - before, «+3», «−2» (U+2212) or «0» on
 * the page and a plain -2 in CSV; a date in words and ISO. */
struct report_cell report_text(const char *s);
struct report_cell report_number(struct report *r, long long n);
struct report_cell report_change(struct report *r, long long before, long long after);
struct report_cell report_date(struct report *r, struct civil_date d);

/* Fill the report's page dictionary: a TABLE section per table (with its HEADING, ROW/CELL, a
 * MORE row when page_limit cut it and, for a charted table with any positive value, a CHART
 * section of BAR rows whose geometry is computed here). */
void report_fill(struct report *r, tpl_dict *d);

/* Write the report as CSV into the response with Content-Disposition attachment; file_name is
 * the Russian file name (percent-encoded into filename*) and ascii_name the plain fallback. */
enum http_status report_send_csv(struct report *r, const char *file_name, const char *ascii_name);

#endif
