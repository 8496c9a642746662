/* notify_deliver.c — delivering the outbox: mail over SMTP, webhooks over HTTP(S) (mail.c).
 * A message is marked sent right after the server accepted it, in its own commit; a crash in
 * between sends at most that one message again. A failure is retried after retry_seconds,
 * doubling each time (a receiver's Retry-After is honoured), and after max_attempts — or at
 * once for a permanent refusal — the message is 'dead' and waits for a person on
 * /admin/outbox. */
#include "notify.h"

#include <string.h>

#include "db_notify.h"
#include "mail.h"

#define MAX_DELAY (24 * 3600)

/* The domain of the sender's address, for Message-IDs. */
static const char *mail_domain(const struct config *cfg)
{
	const char *at = strrchr(cfg->mail_from, '@');
	return at ? at + 1 : "localhost";
}

/* Send message p: mail over SMTP, or a post to the webhook its recipient names; the outcome in
 * *r (a webhook missing from [webhooks] is a permanent refusal). */
static void send_one(struct notify_run *run, const struct outbox_due *p, struct send_result *r)
{
	if (p->mail) {
		struct mail m = {
			.to = p->recipient,
			.subject = p->subject,
			.body = p->body,
			/* The same id on a resend after a crash lets mail clients drop the copy. */
			.message_id = arena_printf(run->arena, "outbox-%lld.%lld@%s", p->id,
						   (long long)p->created_at, mail_domain(run->cfg)),
			.unsubscribe_url = p->unsubscribe_url,
			.date = time(NULL),
		};
		mail_send(run->cfg, run->arena, &m, r);
		return;
	}
	const struct webhook *w = config_webhook(run->cfg, p->recipient);
	if (w == NULL) {
		memset(r, 0, sizeof *r);
		r->permanent = true;
		snprintf(r->error, sizeof r->error, "no webhook named %.64s in [webhooks]",
			 p->recipient);
		return;
	}
	webhook_post(run->cfg, w->url, p->body, r);
}

/* Record the outcome r of sending p: sent, or one more attempt with the next one doubled in
 * time (a receiver's Retry-After honoured), dead after max_attempts or a permanent refusal.
 * 0, or -1 on a database error. */
static int record(struct notify_run *run, const struct outbox_due *p, const struct send_result *r)
{
	sqlite3_stmt *s;
	if (r->ok) {
		s = db_stmt(run->db, STMT_OUTBOX_SENT);
		sqlite3_bind_int64(s, 1, p->id);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)run->now);
		run->counts.sent++;
	} else {
		int attempts = p->attempts + 1;
		bool dead = r->permanent || attempts >= run->cfg->max_attempts;
		long delay = run->cfg->retry_seconds;
		for (int i = 1; i < attempts && delay < MAX_DELAY; i++)
			delay *= 2;
		if (delay > MAX_DELAY)
			delay = MAX_DELAY;
		if (r->retry_after > delay)
			delay = r->retry_after;
		s = db_stmt(run->db, STMT_OUTBOX_FAILED);
		sqlite3_bind_int64(s, 1, p->id);
		sqlite3_bind_int(s, 2, attempts);
		sqlite3_bind_int64(s, 3, (sqlite3_int64)(run->now + delay));
		sqlite3_bind_text(s, 4, r->error, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(s, 5, dead);
		if (dead)
			run->counts.dead++;
		else
			run->counts.retried++;
		fprintf(run->out, "message %lld to %s: %s%s\n", p->id, p->recipient, r->error,
			dead ? " — given up, see /admin/outbox" : "");
	}
	if (db_run(s) != SQLITE_DONE) {
		db_log_error(run->db, "notifier: recording a delivery");
		return -1;
	}
	return 0;
}

int notify_deliver(struct notify_run *run)
{
	struct outbox_due *p;
	size_t n;
	if (db_outbox_due(run->db, run->arena, run->now, run->cfg->notify_batch, &p, &n) < 0)
		return -1;
	bool mail_down = false;
	for (size_t i = 0; i < n; i++) {
		if (p[i].mail && (run->cfg->smtp_url[0] == '\0' || mail_down))
			continue; /* waits: nothing is lost and no attempt is spent */
		if (run->dry_run) {
			fprintf(run->out, "would deliver message %lld (%s) to %s%s%s\n", p[i].id,
				p[i].mail ? "mail" : "webhook", p[i].recipient,
				p[i].subject[0] ? ": " : "", p[i].subject);
			continue;
		}
		struct send_result r;
		send_one(run, &p[i], &r);
		if (record(run, &p[i], &r) < 0)
			return -1;
		/* The server cannot be reached: the other messages would wait for the same timeout
		 * each; they keep their place and their attempts for the next run. */
		if (p[i].mail && r.unreachable)
			mail_down = true;
	}
	return 0;
}
