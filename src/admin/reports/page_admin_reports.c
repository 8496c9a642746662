/* page_admin_reports.c — the list of the reports the municipal acts require, made in one click
 * instead of by hand in spreadsheets (/admin/reports): compliance with the required frequencies
 * and deadlines for any period (report_compliance.c), the yearly consolidated analysis of appeals
 * (report_appeals.c), the summary of the information groups' work (report_groups.c) and the
 * monthly export of appeals by classifier code (report_monthly.c); where the portal serves a
 * district, the district's summary over its settlements (report_district.c). Each is a page of tables with
 * inline SVG bar charts (report.c, admin_report.tpl), printable on A4, or CSV with ?format=csv;
 * what the report pages share is in report_page.c. */
#include <stdbool.h>
#include <string.h>

#include "civil_time.h"
#include "db_municipality.h"
#include "page.h"
#include "pages.h"
#include "report_page.h"
#include "worker.h"

/* GET /admin/reports — the list of reports the account may run, with the current periods filled
 * in: the district summary where the portal serves a district, for an account of the whole
 * installation or of a district only; a scoped account is told whose data its reports show. 500
 * on a database error. */
enum http_status page_admin_reports(struct request *req)
{
	tpl_dict *d = page_begin(req, "admin_reports.tpl", "Отчёты", NAV_STAFF_REPORTS);
	struct civil_date today = tz_local_date(req->now);
	tpl_set_int(d, "YEAR", today.year);
	tpl_set_int(d, "PREVIOUS_YEAR", today.year - 1);
	tpl_set(d, "FROM", report_iso_date(req, (struct civil_date){today.year, 1, 1}));
	tpl_set(d, "TO", report_iso_date(req, today));
	tpl_set(d, "MONTH", arena_printf(req->arena, "%04d-%02d", today.year, today.month));
	/* The district's summary, where the portal serves a district (issue 18 item 5), to the
	 * accounts that may run it (report_district.c). */
	struct municipality_item *list;
	size_t count;
	if (db_municipality_list(&req->worker->db, req->arena, &list, &count) < 0)
		return HTTP_INTERNAL_ERROR;
	const struct municipality_item *account = report_account_body(req, list, count);
	if (account != NULL) {
		bool district = strcmp(account->kind, "municipal_district") == 0;
		tpl_dict *s = tpl_section_add(d, "SCOPE");
		tpl_set(s, "BODY", account->official_name[0] ? account->official_name
							     : account->name);
		if (district) {
			tpl_section_show(s, "SETTLEMENTS");
			tpl_section_show(d, "DISTRICT");
		} else {
			tpl_section_show(s, "ONE");
		}
		return page_end(req, HTTP_OK);
	}
	for (size_t i = 0; i < count; i++)
		if (strcmp(list[i].kind, "municipal_district") == 0 && count > 1) {
			tpl_section_show(d, "DISTRICT");
			tpl_section_show(d, "CHOICE");
			break;
		}
	return page_end(req, HTTP_OK);
}
