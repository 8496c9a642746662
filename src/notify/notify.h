/* notify.h — build/portal-notify, the cron job that announces approved meetings no later than
 * 5 days before them and mails reminders, alerts and digests: the rules that turn the state of
 * meetings into messages in the outbox (notify_rules.c, texts in notify_text.c), and the delivery
 * of the outbox (notify_deliver.c). */
#ifndef PORTAL_NOTIFY_H
#define PORTAL_NOTIFY_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "arena.h"
#include "civil_time.h"
#include "config.h"
#include "db.h"
#include "db_meeting.h"

/* A draft this many days before its start alerts the organisers. */
#define NOTIFY_DRAFT_ALERT_DAYS 7
/* An approved meeting still unannounced this many days before its deadline alerts too. */
#define NOTIFY_UNANNOUNCED_ALERT_DAYS 1
/* The daily digest lists open appeals due within this many days, and the overdue ones. */
#define NOTIFY_DIGEST_DAYS 3

struct notify_counts {
	int announced, changes, cancellations, violations, alerts, reminders, police;
	int queued;                 /* messages added to the outbox */
	int sent, retried, dead;    /* delivery in this run */
	long long waiting, dead_total; /* the outbox after the run */
};

struct notify_run {
	const struct config *cfg;
	struct db *db;
	struct arena *arena;
	time_t now;
	bool dry_run;   /* say what would happen, change nothing, send nothing */
	FILE *out;      /* where --dry-run and the summary are printed */
	struct notify_counts counts;
};

/* Apply every rule once, in one write transaction: announcements, changes, cancellations,
 * violations, alerts, reminders, police notices. Idempotent: a second run adds nothing. In a dry
 * run the transaction is rolled back after printing what it would add. 0, or -1 on an error. */
int notify_apply_rules(struct notify_run *run);

/* Deliver the outbox messages that are due, at most cfg->notify_batch. Each is marked sent
 * right after the server accepted it, so a crash resends at most the one in flight. 0, or -1
 * when the database failed. */
int notify_deliver(struct notify_run *run);

/* The messages of one publication of a meeting (texts in Russian). */
enum notify_audience { AUDIENCE_MEDIA, AUDIENCE_INVITEE, AUDIENCE_REFERENCE, AUDIENCE_SUBSCRIBER };

struct notify_previous {
	bool known;          /* a place and time were published before this one */
	time_t starts_at;
	const char *place;   /* "" when it had none */
};

struct notify_text {
	const char *subject;
	const char *body;
};

/* The mail to one audience about a publication of kind ("announcement", "change",
 * "cancellation") of meeting m. */
struct notify_text notify_publication_mail(const struct notify_run *run,
					   const struct meeting_detail *m,
					   const struct meeting_invitee *invitees, size_t invitee_count,
					   const char *kind, const struct notify_previous *prev,
					   enum notify_audience audience, const char *unsubscribe_url);

/* The JSON document posted to the social-network webhooks for the same publication. */
char *notify_publication_json(const struct notify_run *run, const struct meeting_detail *m,
			      const char *kind, const struct notify_previous *prev);

/* «среда, 11 марта 2026 г., 18:00–20:00» in the municipality's zone. */
const char *notify_when(struct arena *a, time_t starts_at, time_t ends_at);

/* «11 марта 2026 г., 18:00» and «11 марта 2026 г.» */
const char *notify_datetime(struct arena *a, time_t t);
const char *notify_date(struct arena *a, struct civil_date d);

/* «Дом культуры, ул. Ленина, 5», or «место уточняется». */
const char *notify_place(struct arena *a, const struct meeting_summary *m);

/* The absolute address of a page of the site: cfg->site_url + path. */
const char *notify_url(const struct notify_run *run, const char *path);

/* The end of every mail: who sends it and how to reach them. */
const char *notify_signature(const struct notify_run *run);

#endif
