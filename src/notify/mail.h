/* mail.h — one e-mail over SMTP with libcurl (build/portal-notify): the headers libcurl leaves to
 * us (RFC 2047 encoded Cyrillic, Date, Message-ID, List-Unsubscribe) and the UTF-8 body, which
 * libcurl's MIME API encodes as quoted-printable. */
#ifndef PORTAL_MAIL_H
#define PORTAL_MAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "arena.h"
#include "config.h"

/* A header value as RFC 2047 encoded-words when it is not plain printable ASCII: "=?UTF-8?B?…?="
 * words of at most 75 characters, never splitting a UTF-8 character, folded with CRLF and a space.
 * name_len is the length of "Subject: " before it, so the first line stays within 78. */
const char *mail_encode_header(struct arena *a, const char *value, size_t name_len);

/* The RFC 5322 Date of t in the process's local zone: "Sun, 22 Nov 2026 12:40:00 +0500". */
void mail_date(char *out, size_t size, time_t t);

/* Whether s is an address the portal will send to (what validate.c accepts as EMAIL). */
bool mail_address_ok(const char *s);

struct mail {
	const char *to;
	const char *subject;
	const char *body;            /* UTF-8 text */
	const char *message_id;      /* without angle brackets */
	const char *unsubscribe_url; /* NULL or "" for none */
	time_t date;
};

/* The result of one attempt at delivery. */
struct send_result {
	bool ok;
	bool permanent; /* the server refused for good (5xx): retrying will not help */
	bool unreachable; /* no connection at all: the next messages would fail the same way */
	long retry_after; /* seconds the receiver asked us to wait, 0 when it did not say */
	char error[256];  /* for the outbox's last_error, in English */
};

/* Send m through cfg's [mail] server. */
void mail_send(const struct config *cfg, struct arena *a, const struct mail *m,
	       struct send_result *r);

/* POST json to url with Content-Type application/json and cfg's timeouts; 2xx is delivered,
 * 429 and 5xx are retried (honouring Retry-After), other 4xx are permanent. */
void webhook_post(const struct config *cfg, const char *url, const char *json,
		  struct send_result *r);

#endif
