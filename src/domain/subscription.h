/* subscription.h — residents' e-mail subscriptions to announcements (issue 6, item 4): random
 * tokens, the links built from them, and the double opt-in confirmation mail written to the
 * outbox. Shared by the web worker (page_subscribe.c) and build/portal-notify, which fills
 * outbox.unsubscribe_url of every mail to a subscriber with subscription_unsubscribe_url. */
#ifndef PORTAL_SUBSCRIPTION_H
#define PORTAL_SUBSCRIPTION_H

#include <time.h>

#include "arena.h"
#include "config.h"
#include "db.h"

/* Random bytes behind a token: 256 bits, as sessions. */
#define SUBSCRIPTION_TOKEN_BYTES 32

/* A fresh random token (randombytes_buf), URL-safe base64 without padding: 43 characters that
 * need no escaping in a URL. sodium_init must have run. */
const char *subscription_new_token(struct arena *a);

/* "<site_url>/unsubscribe?token=TOKEN": the one-click link of List-Unsubscribe (RFC 8058) and of
 * the footer of every mail to a subscriber. A GET shows a button; a POST unsubscribes. */
const char *subscription_unsubscribe_url(struct arena *a, const struct config *cfg,
					 const char *token);

/* "<site_url>/reference/unsubscribe?token=TOKEN": the link in every mail to a reference-group
 * participant (and its List-Unsubscribe) that withdraws their consent to the mail (152-ФЗ). */
const char *subscription_reference_unsubscribe_url(struct arena *a, const struct config *cfg,
						   const char *token);

/* "<site_url>/subscribe/confirm?token=TOKEN": the link of the confirmation mail. */
const char *subscription_confirm_url(struct arena *a, const struct config *cfg, const char *token);

/* The confirmation request of a pending subscription. */
struct subscription_request {
	long long id;              /* subscription.id */
	const char *email;         /* where the mail goes */
	const char *token;         /* the subscription's token */
	const char *territory;     /* the territory's name, NULL for the whole municipality */
	const char *municipality;  /* the municipality's name, NULL for the own one (portal.ini) */
};

/* Write the confirmation mail of r to the outbox inside the caller's open transaction, unless
 * one for the same subscription (address and territory) was queued less than an hour before
 * now: nobody can flood an address by sending the form again. 1 when queued, 0 when held back,
 * -1 on a database error (logged). */
int subscription_queue_confirmation(struct db *db, struct arena *a, const struct config *cfg,
				    const struct subscription_request *r, time_t now);

#endif
