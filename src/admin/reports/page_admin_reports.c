/* page_admin_reports.c — the list of the reports the municipal acts require, made in one click
 * instead of by hand in spreadsheets (/admin/reports): compliance with the required frequencies
 * and deadlines for any period (report_compliance.c), the yearly consolidated analysis of appeals
 * (report_appeals.c), the summary of the information groups' work (report_groups.c) and the
 * monthly export of appeals by classifier code (report_monthly.c); where the portal serves a
 * district, the district's summary over its settlements (report_district.c). Each is a page of tables with
 * inline SVG bar charts (report.c, admin_report.tpl), printable on A4, or CSV with ?format=csv;
 * what the report pages share is in report_page.c. */
#include <string.h>

#include "civil_time.h"
#include "db_municipality.h"
#include "page.h"
#include "pages.h"
#include "report_page.h"
#include "worker.h"

/* GET /admin/reports — the list of reports with the current periods filled in. 500 on a database
 * error. */
enum http_status page_admin_reports(struct request *req)
{
	tpl_dict *d = page_begin(req, "admin_reports.tpl", "Отчёты", NAV_STAFF_REPORTS);
	struct civil_date today = tz_local_date(req->now);
	tpl_set_int(d, "YEAR", today.year);
	tpl_set_int(d, "PREVIOUS_YEAR", today.year - 1);
	tpl_set(d, "FROM", report_iso_date(req, (struct civil_date){today.year, 1, 1}));
	tpl_set(d, "TO", report_iso_date(req, today));
	tpl_set(d, "MONTH", arena_printf(req->arena, "%04d-%02d", today.year, today.month));
	/* The district's summary, where the portal serves a district (issue 18 item 5). */
	struct municipality_item *list;
	size_t count;
	if (db_municipality_list(&req->worker->db, req->arena, &list, &count) < 0)
		return HTTP_INTERNAL_ERROR;
	for (size_t i = 0; i < count; i++)
		if (strcmp(list[i].kind, "municipal_district") == 0 && count > 1) {
			tpl_section_show(d, "DISTRICT");
			break;
		}
	return page_end(req, HTTP_OK);
}
