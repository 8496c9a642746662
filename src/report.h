/* report.h — the shape every staff report shares (src/page_admin_reports.c): a report is a list
 * of tables, each a caption, column headings and rows of text cells, one numeric column of which
 * is also drawn as a bar chart. The same tables become the HTML page (tables and inline SVG
 * through admin_report.tpl) or the CSV download, so the two can never disagree. */
#ifndef PORTAL_REPORT_H
#define PORTAL_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "http.h"
#include "template.h"

#define REPORT_MAX_COLUMNS 8

struct report_row {
	const char *cells[REPORT_MAX_COLUMNS]; /* cells[0] is the row's label */
	long long value;                       /* the charted number */
	bool total;                            /* a totals row: bold, never charted */
};

struct report_table {
	const char *id;       /* anchor and chart id, [a-z0-9-] */
	const char *caption;  /* «Обращения по разделам классификатора» */
	const char *note;     /* a sentence under the caption, or NULL */
	const char *columns[REPORT_MAX_COLUMNS];
	size_t column_count;
	int chart_column;     /* the column drawn as bars, -1 for none */
	struct report_row *rows;
	size_t row_count, row_cap;
};

struct report {
	struct request *req;
	const char *title;    /* the page's heading and the CSV's first line */
	const char *period;   /* «2026 год», «1 января – 31 марта 2026 г.» */
	struct report_table *tables;
	size_t table_count, table_cap;
};

void report_init(struct report *r, struct request *req, const char *title, const char *period);

/* Add a table with its column headings (NULL-terminated list); chart_column -1 for no chart. */
struct report_table *report_table_add(struct report *r, const char *id, const char *caption,
				      int chart_column, ...) __attribute__((sentinel));

/* Add a row of text cells (exactly the table's column count) and the charted value. */
struct report_row *report_row_add(struct report *r, struct report_table *t, long long value,
				  ...);

/* Cells for numbers: «12», and a change «+3», «−2», «0». */
const char *report_number(struct report *r, long long n);
const char *report_change(struct report *r, long long before, long long after);

/* Fill the report's page dictionary: a TABLE section per table (with its HEADING, ROW/CELL and,
 * for a charted table with any positive value, a CHART section of BAR rows whose geometry is
 * computed here). */
void report_fill(struct report *r, tpl_dict *d);

/* Write the report as CSV into the response with Content-Disposition attachment; file_name is
 * the Russian file name (percent-encoded into filename*) and ascii_name the plain fallback. */
enum http_status report_send_csv(struct report *r, const char *file_name, const char *ascii_name);

#endif
