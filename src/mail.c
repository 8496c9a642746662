/* mail.c — sending one e-mail over SMTP and posting one webhook with libcurl (see mail.h). */
#include "mail.h"

#include <curl/curl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "validate.h"

/* ---- headers -------------------------------------------------------------------------------- */

static bool plain_ascii(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p > 0x7e)
			return false;
	return true;
}

/* Bytes of the UTF-8 character starting with lead (1 for anything malformed). */
static size_t utf8_char_len(unsigned char lead)
{
	if (lead >= 0xf0 && lead < 0xf8)
		return 4;
	if (lead >= 0xe0)
		return lead < 0xf0 ? 3 : 1;
	if (lead >= 0xc0)
		return 2;
	return 1;
}

const char *mail_encode_header(struct arena *a, const char *value, size_t name_len)
{
	if (plain_ascii(value) && name_len + strlen(value) <= 998)
		return value;
	/* A line of a header stays within 76 characters: a folded line is " =?UTF-8?B?" + base64 +
	 * "?=", so 45 bytes of text (60 of base64) per word; the first word shares its line with the
	 * header's name and carries less. Words are cut only between characters. */
	enum { WORD_BYTES = 45, LINE = 76, FRAME = 12 };
	size_t first = name_len + FRAME + 8 < LINE ? (LINE - name_len - FRAME) / 4 * 3 : 6;
	struct buf out;
	buf_init(&out, a);
	size_t len = strlen(value), i = 0;
	while (i < len) {
		size_t take = 0, limit = out.len == 0 ? first : WORD_BYTES;
		while (i + take < len) {
			size_t n = utf8_char_len((unsigned char)value[i + take]);
			if (i + take + n > len || take + n > limit)
				break;
			take += n;
		}
		if (take == 0) /* a truncated character at the end: take what is left */
			take = len - i;
		char b64[sodium_base64_ENCODED_LEN(WORD_BYTES + 4, sodium_base64_VARIANT_ORIGINAL)];
		sodium_bin2base64(b64, sizeof b64, (const unsigned char *)value + i, take,
				  sodium_base64_VARIANT_ORIGINAL);
		if (out.len > 0)
			buf_puts(&out, "\r\n ");
		buf_printf(&out, "=?UTF-8?B?%s?=", b64);
		i += take;
	}
	return out.len ? out.data : "";
}

void mail_date(char *out, size_t size, time_t t)
{
	static const char days[][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char months[][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	struct tm tm;
	localtime_r(&t, &tm);
	long off = tm.tm_gmtoff / 60;
	char sign = off < 0 ? '-' : '+';
	if (off < 0)
		off = -off;
	snprintf(out, size, "%s, %02d %s %04d %02d:%02d:%02d %c%02ld%02ld", days[tm.tm_wday],
		 tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec,
		 sign, off / 60, off % 60);
}

bool mail_address_ok(const char *s)
{
	return s != NULL && validate_email_shape(s, strlen(s));
}

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
		snprintf(r->error, sizeof r->error, "SMTP %ld: %s", code,
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
		snprintf(r->error, sizeof r->error, "%s",
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
