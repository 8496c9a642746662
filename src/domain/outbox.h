/* outbox.h — the one way anything leaves the system (mail, webhooks): a message is
 * written to the outbox table inside the caller's transaction, next to the change that causes
 * it, and build/portal-notify delivers it later with retries (src/notify/notify_deliver.c). */
#ifndef PORTAL_OUTBOX_H
#define PORTAL_OUTBOX_H

#include <time.h>

#include "db.h"

enum outbox_channel { OUTBOX_MAIL, OUTBOX_WEBHOOK };

struct outbox_message {
	/* Unique per message: the same rule firing twice names the same key and adds nothing. */
	const char *dedup_key;
	enum outbox_channel channel;
	const char *recipient; /* an e-mail address, or a webhook's name in [webhooks] */
	const char *subject;   /* mail only; plain UTF-8, encoded when sent */
	const char *body;      /* the mail's text, or the webhook's JSON */
	const char *unsubscribe_url; /* NULL, or the subscriber's one-click link */
	const char *purpose;   /* one of the outbox.purpose values of sql/007_notifier.sql */
	long long meeting_id;       /* 0 when none */
	long long announcement_id;  /* 0 when none */
};

/* Add m to the outbox in the open transaction of db, due at once. 1 when added, 0 when a message
 * with the same dedup_key exists already, -1 on a database error (logged). */
int outbox_add(struct db *db, const struct outbox_message *m, time_t now);

#endif
