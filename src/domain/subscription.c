/* subscription.c — tokens, links and the confirmation mail of subscriptions (see
 * subscription.h). */
#include "subscription.h"

#include <sodium.h>

#include "outbox.h"

#define CONFIRMATION_INTERVAL 3600 /* seconds: at most one confirmation mail per hour */

const char *subscription_new_token(struct arena *a)
{
	unsigned char bytes[SUBSCRIPTION_TOKEN_BYTES];
	randombytes_buf(bytes, sizeof bytes);
	size_t size = sodium_base64_ENCODED_LEN(SUBSCRIPTION_TOKEN_BYTES,
						sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char *text = arena_alloc(a, size);
	sodium_bin2base64(text, size, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(bytes, sizeof bytes);
	return text;
}

/* Tokens are URL-safe base64 ([A-Za-z0-9_-]), so they go into a query as they are. */
const char *subscription_unsubscribe_url(struct arena *a, const struct config *cfg,
					 const char *token)
{
	return arena_printf(a, "%s/unsubscribe?token=%s", cfg->site_url, token);
}

const char *subscription_reference_unsubscribe_url(struct arena *a, const struct config *cfg,
						   const char *token)
{
	return arena_printf(a, "%s/reference/unsubscribe?token=%s", cfg->site_url, token);
}

const char *subscription_confirm_url(struct arena *a, const struct config *cfg, const char *token)
{
	return arena_printf(a, "%s/subscribe/confirm?token=%s", cfg->site_url, token);
}

/* The outbox key of the confirmation of subscription r in hour number hour (Unix time / 3600).
 * The start of the token is part of it: a subscription renewed after its owner unsubscribed has
 * a new token and needs its own mail at once (only the owner, who has the old mail, can cause
 * that), while requests for the same token share the hourly limit. */
static const char *confirmation_key(struct arena *a, const struct subscription_request *r,
				    long long hour)
{
	return arena_printf(a, "subscription-confirm:%lld:%.8s:%lld", r->id, r->token, hour);
}

int subscription_queue_confirmation(struct db *db, struct arena *a, const struct config *cfg,
				    const struct subscription_request *r, time_t now)
{
	/* The hour in the key makes a second request within the same hour a duplicate for the
	 * outbox's unique index; the look at the previous hour's key closes the gap at the turn of
	 * the hour (10:59 and 11:01), so the limit is one per any 60 minutes. */
	long long hour = (long long)now / CONFIRMATION_INTERVAL;
	const char *key = confirmation_key(a, r, hour);
	sqlite3_stmt *s = db_stmt(db, STMT_OUTBOX_RECENT);
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, confirmation_key(a, r, hour - 1), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)(now - CONFIRMATION_INTERVAL));
	int rc = sqlite3_step(s);
	db_done(s);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE) {
		db_log_error(db, "subscription confirmation");
		return -1;
	}
	const char *scope =
		r->territory ? arena_printf(a, "встречи на территории «%s»", r->territory)
			     : arena_printf(a, "все встречи, %s целиком",
					    r->municipality ? r->municipality : cfg->municipality_name);
	const char *body = arena_printf(
		a,
		"Здравствуйте!\n\n"
		"Адрес %s указан для подписки на анонсы встреч с населением на сайте «%s» "
		"(%s).\n"
		"Подписка: %s.\n\n"
		"Чтобы подтвердить подписку, откройте ссылку и нажмите кнопку «Подтвердить "
		"подписку»:\n%s\n\n"
		"Если вы не подписывались или передумали, ничего делать не нужно: без "
		"подтверждения подписка не начнёт действовать и других писем не будет.\n\n"
		"%s\n%s\n",
		r->email, cfg->municipality_name, cfg->site_url, scope,
		subscription_confirm_url(a, cfg, r->token), cfg->administration_name, cfg->site_url);
	struct outbox_message m = {
		.dedup_key = key,
		.channel = OUTBOX_MAIL,
		.recipient = r->email,
		.subject = "Подтвердите подписку на анонсы встреч",
		.body = body,
		.purpose = "confirmation",
	};
	return outbox_add(db, &m, now);
}
