/* mail.c — sending one e-mail over SMTP and posting one webhook with libcurl (see mail.h). */
#include "mail.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "validate.h"

static void buf_putc_crlf(struct buf *b)
{
	buf_append(b, "\r\n", 2);
}

/* ---- SMTP ----------------------------------------------------------------------------------- */

static void failed(struct send_result *r, bool permanent, const char *what, const char *detail)
{
	r->ok = false;
	r->permanent = permanent;
	snprintf(r->error, sizeof r->error, "%s%s", what, detail);
}

static struct curl_slist *add_header(struct curl_slist *list, struct arena *a, const char *name,
				     const char *value)
{
	return curl_slist_append(list, arena_printf(a, "%s: %s", name, value));
}

void mail_send(const struct config *cfg, struct arena *a, const struct mail *m,
	       struct send_result *r)
{
	memset(r, 0, sizeof *r);
	if (cfg->smtp_url[0] == '\0') {
		failed(r, false, "mail is not configured ([mail] smtp_url is empty)", "");
		return;
	}
	if (!mail_address_ok(m->to)) {
		failed(r, true, "not a valid address: ", m->to);
		return;
	}
	CURL *curl = curl_easy_init();
	if (curl == NULL) {
		failed(r, false, "curl_easy_init failed", "");
		return;
	}
	char date[64];
	mail_date(date, sizeof date, m->date);
	struct curl_slist *headers = NULL, *rcpt = NULL;
	headers = add_header(headers, a, "Date", date);
	headers = add_header(headers, a, "From",
			     arena_printf(a, "%s <%s>",
					  mail_encode_header(a, cfg->mail_from_name, 6),
					  cfg->mail_from));
	headers = add_header(headers, a, "To", arena_printf(a, "<%s>", m->to));
	headers = add_header(headers, a, "Subject", mail_encode_header(a, m->subject, 9));
	headers = add_header(headers, a, "Message-ID", arena_printf(a, "<%s>", m->message_id));
	headers = add_header(headers, a, "Auto-Submitted", "auto-generated");
	if (m->unsubscribe_url != NULL && m->unsubscribe_url[0] != '\0') {
		headers = add_header(headers, a, "List-Unsubscribe",
				     arena_printf(a, "<%s>", m->unsubscribe_url));
		headers = add_header(headers, a, "List-Unsubscribe-Post",
				     "List-Unsubscribe=One-Click");
	}
	rcpt = curl_slist_append(rcpt, arena_printf(a, "<%s>", m->to));

	curl_mime *mime = curl_mime_init(curl);
	curl_mimepart *part = curl_mime_addpart(mime);
	/* Lines end in CRLF on the wire: the quoted-printable encoder keeps them as line breaks
	 * (a bare LF would become "=0A"). */
	struct buf body;
	buf_init(&body, a);
	for (const char *p = m->body; *p; p++) {
		if (*p == '\n' && (p == m->body || p[-1] != '\r'))
			buf_putc_crlf(&body);
		else
			buf_append(&body, p, 1);
	}
	curl_mime_data(part, body.len ? body.data : "", body.len);
	curl_mime_type(part, "text/plain; charset=UTF-8");
	curl_mime_encoder(part, "quoted-printable");

	char curl_error[CURL_ERROR_SIZE] = "";
	curl_easy_setopt(curl, CURLOPT_URL, cfg->smtp_url);
	curl_easy_setopt(curl, CURLOPT_MAIL_FROM, arena_printf(a, "<%s>", cfg->mail_from));
	curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(curl, CURLOPT_MIMEPOST, mime);
	curl_easy_setopt(curl, CURLOPT_USE_SSL, cfg->smtp_require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY);
	if (cfg->smtp_username[0] != '\0') {
		curl_easy_setopt(curl, CURLOPT_USERNAME, cfg->smtp_username);
		curl_easy_setopt(curl, CURLOPT_PASSWORD, cfg->smtp_password);
	}
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, (long)cfg->smtp_timeout_seconds);
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, curl_error);

	CURLcode rc = curl_easy_perform(curl);
	long code = 0;
	curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
	if (rc == CURLE_OK) {
		r->ok = true;
	} else {
		/* 5xx from the server is a refusal for good (unknown mailbox, policy); anything else —
		 * no connection, a timeout, 4xx — may pass later. */
		bool permanent = code >= 500 && code < 600;
		snprintf(r->error, sizeof r->error, "SMTP %ld: %.200s", code,
			 curl_error[0] ? curl_error : curl_easy_strerror(rc));
		r->permanent = permanent;
		r->unreachable = rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST ||
				 rc == CURLE_OPERATION_TIMEDOUT;
	}
	curl_mime_free(mime);
	curl_slist_free_all(headers);
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(curl);
}

/* ---- webhooks ------------------------------------------------------------------------------- */

/* A "Retry-After: N" header in seconds (the HTTP-date form is treated as absent). */
static size_t on_header(char *line, size_t size, size_t count, void *user)
{
	size_t n = size * count;
	long *retry_after = user;
	if (n > 12 && strncasecmp(line, "Retry-After:", 12) == 0) {
		char value[32];
		size_t len = n - 12 < sizeof value - 1 ? n - 12 : sizeof value - 1;
		memcpy(value, line + 12, len);
		value[len] = '\0';
		char *end;
		long v = strtol(value, &end, 10);
		if (end != value && v > 0 && v < 7 * 86400)
			*retry_after = v;
	}
	return n;
}

static size_t discard_body(char *data, size_t size, size_t count, void *user)
{
	(void)data;
	(void)user;
	return size * count;
}

void webhook_post(const struct config *cfg, const char *url, const char *json,
		  struct send_result *r)
{
	memset(r, 0, sizeof *r);
	CURL *curl = curl_easy_init();
	if (curl == NULL) {
		failed(r, false, "curl_easy_init failed", "");
		return;
	}
	struct curl_slist *headers = curl_slist_append(NULL, "Content-Type: application/json");
	char curl_error[CURL_ERROR_SIZE] = "";
	curl_easy_setopt(curl, CURLOPT_URL, url);
	curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(curl, CURLOPT_POSTFIELDS, json);
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(curl, CURLOPT_USERAGENT, "portal-notify");
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, (long)cfg->webhook_timeout_seconds);
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, curl_error);
	curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(curl, CURLOPT_HEADERDATA, &r->retry_after);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard_body);

	CURLcode rc = curl_easy_perform(curl);
	long code = 0;
	curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
	if (rc != CURLE_OK) {
		snprintf(r->error, sizeof r->error, "%.200s",
			 curl_error[0] ? curl_error : curl_easy_strerror(rc));
	} else if (code >= 200 && code < 300) {
		r->ok = true;
	} else {
		snprintf(r->error, sizeof r->error, "HTTP %ld", code);
		r->permanent = code >= 400 && code < 500 && code != 408 && code != 429;
	}
	curl_slist_free_all(headers);
	curl_easy_cleanup(curl);
}
