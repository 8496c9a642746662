/* protocol.c — the handover due date of a protocol, the names of instruction statuses and the
 * check of links (protocol.h). */
#include <curl/curl.h>
#include <string.h>
#include <strings.h>

#include "protocol.h"

struct civil_date protocol_handover_due(const struct workcal *cal, struct civil_date held,
					int workdays, int *uncovered)
{
	return workdays_add(cal, held, workdays, uncovered);
}

static const char *const status_labels[][2] = {
	{"assigned", "назначено"},	  {"in_progress", "в работе"},
	{"reported", "доложено об исполнении"}, {"accepted", "исполнено"},
	{"returned", "возвращено на доработку"}, {"cancelled", "отменено"},
};

const char *instruction_status_label(const char *status)
{
	for (size_t i = 0; i < sizeof status_labels / sizeof status_labels[0]; i++)
		if (strcmp(status_labels[i][0], status) == 0)
			return status_labels[i][1];
	return NULL;
}

bool instruction_status_open(const char *status)
{
	return strcmp(status, "assigned") == 0 || strcmp(status, "in_progress") == 0 ||
	       strcmp(status, "returned") == 0;
}

bool protocol_url_valid(const char *url)
{
	if (url == NULL || strchr(url, ' ') != NULL)
		return false;
	CURLU *h = curl_url();
	if (h == NULL)
		return false;
	bool ok = false;
	char *scheme = NULL, *host = NULL;
	if (curl_url_set(h, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(h, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
	    curl_url_get(h, CURLUPART_HOST, &host, 0) == CURLUE_OK)
		ok = (strcasecmp(scheme, "http") == 0 || strcasecmp(scheme, "https") == 0) &&
		     host[0] != '\0';
	curl_free(scheme);
	curl_free(host);
	curl_url_cleanup(h);
	return ok;
}
