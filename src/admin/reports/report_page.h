/* report_page.h — what the report pages (report_compliance.c, report_appeals.c, report_groups.c,
 * report_monthly.c) share: dates of a report's period, the CSV switch, the page and the form
 * errors page. */
#ifndef PORTAL_REPORT_PAGE_H
#define PORTAL_REPORT_PAGE_H

#include <stdbool.h>
#include <time.h>

#include "civil_time.h"
#include "http.h"
#include "report.h"
#include "template.h"

/* The municipality's offset from UTC in seconds at t: SQLite's date() of (instant + offset) is
 * then the local date. Russian zones have kept a fixed offset since 2014. */
long long report_utc_offset(time_t t);

/* A date in words, «11 марта 2020 г.», in the request's arena. */
const char *report_date_words(struct request *req, struct civil_date d);

/* The local date of instant t as a date cell. */
struct report_cell report_instant_cell(struct report *r, time_t t);

/* «2026-03-11» as a date cell (as text when it does not parse). */
struct report_cell report_iso_cell(struct report *r, const char *iso);

/* A date as YYYY-MM-DD, in the request's arena. */
const char *report_iso_date(struct request *req, struct civil_date d);

/* The first day of the month months after (before, when negative) d's month. */
struct civil_date report_add_months(struct civil_date d, int months);

/* The instant of local midnight starting day d. */
time_t report_local_midnight(struct civil_date d);

/* Whether the page asked for the CSV download. A format other than csv marks the field
 * invalid (the caller answers 400 with the error page that names it). */
bool report_want_csv(struct request *req);

/* The page of a report: its tables and charts, the link to the same report as CSV. */
enum http_status report_show(struct request *req, struct report *r, tpl_dict *d);

/* A report's form come back with its errors beside the fields and no tables: 400. form is the
 * template's FORM_… section of the report. */
enum http_status report_form_errors_page(struct request *req, const char *title,
					 const char *form);

#endif
