/* report_page.h — what the report pages (report_compliance.c, report_appeals.c, report_groups.c,
 * report_monthly.c) share: dates of a report's period, the CSV switch, the page and the form
 * errors page. */
#ifndef PORTAL_REPORT_PAGE_H
#define PORTAL_REPORT_PAGE_H

#include <stdbool.h>
#include <time.h>

#include "civil_time.h"
#include "db_municipality.h"
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

/* The municipality of the account of the request in list (scope.h), NULL for an account of the
 * whole installation. */
const struct municipality_item *report_account_body(struct request *req,
						    const struct municipality_item *list,
						    size_t count);

/* The municipality a report is limited to (issue 18 items 3 and 5), from the municipality field:
 * 0 with *body NULL for the whole installation (no choice made by an account of the whole
 * installation), 0 with *body set, -1 on a database error. A scoped account's report without a
 * choice is of the account's own body (a district's own records, not its settlements': reports
 * never mix bodies but the district summary). An id no municipality has, or one that is not of
 * the account's bodies, marks the field invalid (the caller answers with the form errors
 * page). */
int report_body(struct request *req, const struct municipality_item **body);

/* The choice of municipality in a report's form f (MUNICIPALITY_CHOICE with one
 * MUNICIPALITY_OPTION each, body selected), only where the portal serves more than one; with
 * districts_only, only municipal districts and no «all» choice (the district summary). A scoped
 * account is offered its own bodies only (its municipality, a district's settlements) and no
 * «all» choice. 0, or -1 on a database error. */
int report_body_options(struct request *req, tpl_dict *f, const struct municipality_item *body,
			bool districts_only);

/* The period line of a report that covers every body of the account (monthly, groups): period
 * as it is for an account of the whole installation, «Сельское поселение Берёзовка; …» for a
 * settlement's, «Советский муниципальный район и его поселения; …» for a district's. NULL on a
 * database error. */
const char *report_period_of_account(struct request *req, const char *period);

/* «с 1 января по 31 марта 2026 г.» for the whole installation, «…, Сельское поселение
 * Берёзовка» for one municipality: a report's period line naming whose figures they are. */
const char *report_period_of(struct request *req, const char *period,
			     const struct municipality_item *body);

/* A report's form come back with its errors beside the fields and no tables: 400. form is the
 * template's FORM_… section of the report. */
enum http_status report_form_errors_page(struct request *req, const char *title,
					 const char *form);

#endif
