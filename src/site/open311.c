/* open311.c — the Open311 GeoReport v2 API (http://wiki.open311.org/GeoReport_v2), JSON only,
 * under /api/open311/v2/: the classifier's topics as services and the appeals whose answers were
 * published as requests, so that civic apps can show them. Nothing personal ever leaves: a
 * request is the registration number, the topic, the public question and answer (as published
 * on /answers), the territory's name and the dates. JSON is built with jansson. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "civil_time.h"
#include "config.h"
#include "db_account.h"
#include "pages.h"
#include "worker.h"

#define OPEN311_PREFIX "/api/open311/v2/requests/"
#define OPEN311_DEFAULT_DAYS 90 /* the spec's default window and the longest one allowed */
#define OPEN311_MAX_REQUESTS 1000
/* When this API's description last changed (discovery's changeset). */
#define OPEN311_CHANGESET "2026-11-22T00:00:00+00:00"

/* Render value (stolen) as the response body with status. */
static enum http_status send_json(struct request *req, enum http_status status, json_t *value)
{
	char *text = value ? json_dumps(value, JSON_COMPACT) : NULL;
	json_decref(value);
	if (text == NULL)
		return HTTP_INTERNAL_ERROR;
	struct response *r = &req->response;
	buf_clear(&r->body);
	buf_puts(&r->body, text);
	free(text);
	r->content_type = "application/json; charset=utf-8";
	r->body_ready = true;
	response_header(req, "Access-Control-Allow-Origin", "*");
	return status;
}

/* The spec's error answer: an array of {code, description}. */
static enum http_status send_error(struct request *req, enum http_status status,
				   const char *description)
{
	json_t *errors = json_array();
	json_array_append_new(errors, json_pack("{s:i, s:s}", "code", (int)status, "description",
						description));
	return send_json(req, status, errors);
}

/* t as ISO 8601 in the municipality's zone with its offset: 2026-03-11T18:00:00+05:00. */
static const char *iso_datetime(struct request *req, time_t t)
{
	struct tm tm;
	char text[40];
	tz_utc_to_local(t, &tm);
	strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S%z", &tm);
	size_t n = strlen(text);
	return arena_printf(req->arena, "%.*s:%s", (int)(n - 2), text, text + n - 2);
}

/* Parse the spec's datetimes: YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS] with Z, ±HH:MM or ±HHMM, or
 * none (the municipality's local time). false when it is not one of these. */
static bool parse_iso_datetime(const char *s, time_t *out)
{
	struct civil_date d;
	char date[11];
	if (strlen(s) < 10)
		return false;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (!civil_date_parse(date, &d))
		return false;
	const char *p = s + 10;
	if (*p == '\0') {
		*out = tz_local_to_utc(d, 0, 0);
		return true;
	}
	int hour, minute, second = 0, used = 0;
	if (*p != 'T' || sscanf(p + 1, "%2d:%2d%n", &hour, &minute, &used) != 2 || used != 5)
		return false;
	p += 1 + used;
	if (*p == ':') {
		if (sscanf(p + 1, "%2d%n", &second, &used) != 1 || used != 2)
			return false;
		p += 3;
		if (*p == '.') /* fractions of a second are ignored */
			while (*++p >= '0' && *p <= '9')
				;
	}
	if (hour > 23 || minute > 59 || second > 60)
		return false;
	if (*p == '\0') {
		*out = tz_local_to_utc(d, hour, minute) + second;
		return true;
	}
	long offset = 0;
	if (*p == 'Z' && p[1] == '\0') {
		offset = 0;
	} else if (*p == '+' || *p == '-') {
		int oh, om;
		if (sscanf(p + 1, "%2d:%2d%n", &oh, &om, &used) == 2 && used == 5 && p[6] == '\0')
			;
		else if (sscanf(p + 1, "%2d%2d%n", &oh, &om, &used) == 2 && used == 4 && p[5] == '\0')
			;
		else
			return false;
		if (oh > 14 || om > 59)
			return false;
		offset = (*p == '-' ? -1 : 1) * (oh * 3600L + om * 60L);
	} else {
		return false;
	}
	/* Days since the epoch of the civil date, then the time, then the offset. */
	long days = civil_date_diff(d, (struct civil_date){1970, 1, 1});
	*out = (time_t)(days * 86400L + hour * 3600L + minute * 60L + second - offset);
	return true;
}

/* GET /api/open311/v2/discovery.json — where the API is and what it speaks. */
enum http_status open311_discovery(struct request *req)
{
	const struct config *cfg = req->worker->cfg;
	const char *changeset = OPEN311_CHANGESET;
	json_t *endpoint = json_pack(
		"{s:s, s:s, s:s, s:s, s:[s]}", "specification", "http://wiki.open311.org/GeoReport_v2",
		"url", arena_printf(req->arena, "%s/api/open311/v2", cfg->site_url), "changeset",
		changeset, "type", "production", "formats", "application/json");
	json_t *d = json_pack("{s:s, s:s, s:s, s:[o]}", "changeset", changeset, "contact",
			      arena_printf(req->arena, "%s, %s, %s", cfg->administration_name,
					   cfg->contact_phone, cfg->contact_email),
			      "key_service", "", "endpoints", endpoint);
	return send_json(req, HTTP_OK, d);
}

/* GET /api/open311/v2/services.json — the active subjects and topics of the classifier of
 * appeals: service_code is the classifier's code, group the name of its section. */
enum http_status open311_services(struct request *req)
{
	struct open311_service *services;
	size_t count;
	if (db_open311_services(&req->worker->db, req->arena, &services, &count) < 0)
		return send_error(req, HTTP_INTERNAL_ERROR, "internal error");
	json_t *list = json_array();
	for (size_t i = 0; i < count; i++) {
		const struct open311_service *e = &services[i];
		const char *description =
			e->level > 2 ? arena_printf(req->arena, "%s. %s", e->parent, e->name) : e->name;
		json_array_append_new(
			list, json_pack("{s:s, s:s, s:s, s:b, s:s, s:s, s:s}", "service_code", e->code,
					"service_name", e->name, "description", description,
					"metadata", 0, "type", "realtime", "keywords",
					e->level > 2 ? arena_printf(req->arena, "%s, %s", e->section,
								    e->parent)
						     : e->section,
					"group", e->section));
	}
	return send_json(req, HTTP_OK, list);
}

/* One published appeal with every field of the specification's service request (GET
 * requests.json): what the portal does not have (service_notice, expected_datetime,
 * address_id, zipcode, lat, long, media_url; address without a territory) is null. */
static json_t *request_json(struct request *req, const struct open311_request *r)
{
	/* The body the appeal was addressed to (issue 18: a settlement's administration), else
	 * the administration portal.ini names. */
	const char *agency = r->agency[0] ? r->agency : req->worker->cfg->administration_name;
	return json_pack(
		"{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:n, s:s, s:s, s:n, s:o, s:n, s:n, s:n, s:n, "
		"s:n}",
		"service_request_id", r->number, "status", r->status, "status_notes", r->notes,
		"service_name", r->service_name, "service_code", r->service_code, "description",
		r->description, "agency_responsible", agency, "service_notice", "requested_datetime",
		iso_datetime(req, r->requested_at), "updated_datetime",
		iso_datetime(req, r->updated_at), "expected_datetime", "address",
		r->address[0] ? json_string(r->address) : json_null(), "address_id", "zipcode", "lat",
		"long", "media_url");
}

/* Whether a comma-separated list has only items of [0-9A-Za-z.-] and letters beyond ASCII
 * (registration numbers: 2026-00042, БРЗ-2026-00012). */
static bool plain_list(const char *s)
{
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      *s == '.' || *s == '-' || *s == ',' || (unsigned char)*s >= 0x80))
			return false;
	return true;
}

/* The published appeals filter selects as the specification's array: 200, or 500 with its
 * error array on a database error. */
static enum http_status send_requests(struct request *req, const struct open311_filter *filter)
{
	struct open311_request *rows;
	size_t count;
	if (db_open311_requests(&req->worker->db, req->arena, filter, &rows, &count) < 0)
		return send_error(req, HTTP_INTERNAL_ERROR, "internal error");
	json_t *list = json_array();
	for (size_t i = 0; i < count; i++)
		json_array_append_new(list, request_json(req, &rows[i]));
	return send_json(req, HTTP_OK, list);
}

/* GET /api/open311/v2/requests.json?start_date=&end_date=&status=&service_code=
 * &service_request_id= — published appeals, newest first, at most 1000. service_request_id
 * (comma-separated numbers) overrides every other argument, as the specification says: they are
 * not even checked then. Otherwise without dates the last 90 days; with start_date alone, 90
 * days from it; with end_date alone, 90 days up to it; a range longer than 90 days, a date that
 * does not parse or an unknown status is 400 with the spec's error array. */
enum http_status open311_requests(struct request *req)
{
	const struct field_value *start = &req->field[FIELD_START_DATE],
				 *end = &req->field[FIELD_END_DATE],
				 *status = &req->field[FIELD_REQUEST_STATUS],
				 *codes = &req->field[FIELD_SERVICE_CODE],
				 *ids = &req->field[FIELD_SERVICE_REQUEST_ID];
	bool by_id = ids->state == FIELD_VALID;
	for (int f = 0; f < FIELD__MAX; f++)
		if (req->field[f].state == FIELD_INVALID && (!by_id || f == FIELD_SERVICE_REQUEST_ID))
			return send_error(req, HTTP_BAD_REQUEST,
					  arena_printf(req->arena, "invalid %s: %s",
						       field_specs[f].name, req->field[f].error));
	if (by_id && !plain_list(ids->text))
		return send_error(req, HTTP_BAD_REQUEST,
				  "service_request_id is a comma-separated list");
	struct open311_filter filter = {.limit = OPEN311_MAX_REQUESTS};
	if (by_id) {
		filter.numbers = ids->text;
		return send_requests(req, &filter);
	}
	time_t from = 0, to = req->now;
	if (end->state == FIELD_VALID && !parse_iso_datetime(end->text, &to))
		return send_error(req, HTTP_BAD_REQUEST, "end_date must be an ISO 8601 datetime");
	if (start->state == FIELD_VALID) {
		if (!parse_iso_datetime(start->text, &from))
			return send_error(req, HTTP_BAD_REQUEST,
					  "start_date must be an ISO 8601 datetime");
		if (end->state != FIELD_VALID)
			to = from + OPEN311_DEFAULT_DAYS * 86400;
	} else {
		from = to - OPEN311_DEFAULT_DAYS * 86400;
	}
	if (from > to)
		return send_error(req, HTTP_BAD_REQUEST, "start_date is after end_date");
	if (to - from > OPEN311_DEFAULT_DAYS * 86400)
		return send_error(req, HTTP_BAD_REQUEST, "the range may not span more than 90 days");
	const char *state = NULL;
	if (status->state == FIELD_VALID) {
		bool open = false, closed = false;
		char *list = arena_strdup(req->arena, status->text), *save = NULL;
		for (char *w = strtok_r(list, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
			if (strcmp(w, "open") == 0)
				open = true;
			else if (strcmp(w, "closed") == 0)
				closed = true;
			else
				return send_error(req, HTTP_BAD_REQUEST,
						  "status must be open, closed or both");
		}
		if (open != closed)
			state = open ? "open" : "closed";
	}
	if (codes->state == FIELD_VALID && !plain_list(codes->text))
		return send_error(req, HTTP_BAD_REQUEST, "service_code is a comma-separated list");
	filter.from = from;
	filter.to = to + 1; /* end_date is inclusive */
	filter.state = state;
	if (codes->state == FIELD_VALID)
		filter.codes = codes->text;
	return send_requests(req, &filter);
}

/* GET /api/open311/v2/requests/NUMBER.json — one published appeal as a one-element array; 404
 * with the spec's error array when there is none with that number or its answer is not
 * published. */
enum http_status open311_request(struct request *req)
{
	size_t prefix = strlen(OPEN311_PREFIX), len = strlen(req->path);
	if (len <= prefix + 5)
		return send_error(req, HTTP_NOT_FOUND, "no such request");
	const char *number = arena_strndup(req->arena, req->path + prefix, len - prefix - 5);
	struct open311_request r;
	int rc = db_open311_request(&req->worker->db, req->arena, number, &r);
	if (rc > 0)
		return send_error(req, HTTP_NOT_FOUND, "no published request with this id");
	if (rc < 0)
		return send_error(req, HTTP_INTERNAL_ERROR, "internal error");
	json_t *list = json_array();
	json_array_append_new(list, request_json(req, &r));
	return send_json(req, HTTP_OK, list);
}

/* Any other path under /api/open311/v2/ the route table sends here (routes.c: one word, maybe
 * with an extension, or requests/ and a word), and any method but GET on the API's paths:
 * the specification's error array instead of an HTML page. 404 for a resource the API does not
 * have, 405 with Allow for another method on one it has, 400 for one without the format
 * extension or with .xml, the format this server does not offer (discovery lists JSON only). */
enum http_status open311_fallback(struct request *req)
{
	const char *rest = req->path + strlen("/api/open311/v2");
	if (*rest == '/')
		rest++;
	const char *dot = strrchr(rest, '.');
	size_t name_len = dot ? (size_t)(dot - rest) : strlen(rest);
	const char *ext = dot ? dot + 1 : "";
	bool known = false;
	static const char *const names[] = {"discovery", "services", "requests"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strlen(names[i]) == name_len && strncmp(rest, names[i], name_len) == 0)
			known = true;
	if (strncmp(rest, "requests/", 9) == 0 && name_len > 9)
		known = true;
	if (!known)
		return send_error(req, HTTP_NOT_FOUND,
				  "no such resource: see /api/open311/v2/discovery.json");
	if (req->method != METHOD_GET && req->method != METHOD_HEAD) {
		response_header(req, "Allow", "GET, HEAD");
		return send_error(req, HTTP_METHOD_NOT_ALLOWED,
				  "this server only publishes answered requests: GET only");
	}
	if (strcmp(ext, "xml") == 0)
		return send_error(req, HTTP_BAD_REQUEST,
				  "the xml format is not supported: use .json");
	if (strcmp(ext, "json") != 0)
		return send_error(req, HTTP_BAD_REQUEST,
				  "the format extension is required: use .json");
	return send_error(req, HTTP_NOT_FOUND, "no such resource");
}
