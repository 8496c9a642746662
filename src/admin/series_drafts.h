/* series_drafts.h — writing a series of draft meetings, shared by /admin/series and the
 * reception schedules of /admin/receptions (page_admin_receptions.c). */
#ifndef PORTAL_SERIES_DRAFTS_H
#define PORTAL_SERIES_DRAFTS_H

#include <jansson.h>
#include <stddef.h>

#include "civil_time.h"
#include "http.h"

/* One meeting a series will create. */
struct occurrence {
	struct civil_date date;
	long long venue_id;     /* 0: none */
	long long territory_id;
};

/* The local hours of every meeting of a series. */
struct series_times {
	int start_hour, start_minute, end_hour, end_minute;
};

/* In the caller's write transaction: a meeting_series row (created by the request's staff
 * member) and one draft meeting per occurrence with host (0: none) and the times t; *series is
 * the new series and the ids of the drafts are appended to created in order. The drafts follow
 * the usual rules afterwards (approval no later than 5 days ahead). 0, or -1 on a database
 * error. */
int series_insert_drafts(struct request *req, const char *title, const char *kind,
			 const char *rule, const char *description, long long host,
			 const struct series_times *t, const struct occurrence *dates, size_t count,
			 long long *series, json_t *created);

#endif
