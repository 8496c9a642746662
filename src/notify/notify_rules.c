/* notify_rules.c — the rules of the 5-day announcement (order № 2 of the Zelenoborsk head §2.3,
 * §2.5, §3.1; regulation № 44 on information groups §3.6.3, §3.7–3.8.2), applied to the state of
 * the meetings on each run of the notifier. Every rule writes its messages to the outbox in the one
 * transaction of the run, each with a key that names the fact it reports, so a second run finds
 * nothing new. */
#include "notify.h"

#include <string.h>

#include "civil_time.h"
#include "buf.h"
#include "db_meeting_staff.h"
#include "db_notify.h"
#include "outbox.h"
#include "protocol.h"
#include "reception_waiting.h"
#include "ru.h"
#include "rules.h"
#include "subscription.h"
#include "workdays.h"

#define DAY 86400

/* Add one message (printed instead in a dry run, where the transaction is rolled back anyway). */
static int enqueue(struct notify_run *run, const struct outbox_message *m)
{
	int added = outbox_add(run->db, m, run->now);
	if (added > 0) {
		run->counts.queued++;
		if (run->dry_run)
			fprintf(run->out, "would send %s to %s: %s\n", m->purpose, m->recipient,
				m->subject && m->subject[0] ? m->subject : "(webhook)");
	}
	return added < 0 ? -1 : 0;
}

/* One mail to a staff member at email, keyed KEY:ADDRESS (once per address and key), meeting 0
 * for none. 0, or -1 on a database error. */
static int mail_staff(struct notify_run *run, const char *key, const char *email,
		      const char *subject, const char *body, const char *purpose,
		      long long meeting_id)
{
	struct outbox_message m = {
		.dedup_key = arena_printf(run->arena, "%s:%s", key, email),
		.channel = OUTBOX_MAIL,
		.recipient = email,
		.subject = subject,
		.body = body,
		.purpose = purpose,
		.meeting_id = meeting_id,
	};
	return enqueue(run, &m);
}

/* A message to every active staff member of the roles (",organizer,controller,"); about a
 * meeting (meeting_id > 0) only to those whose body owns it — the whole installation, its
 * municipality or that one's district (issue 18 item 3). */
static int alert_staff(struct notify_run *run, const char *roles, const char *key,
		       const char *purpose, long long meeting_id, const char *subject,
		       const char *body)
{
	struct notify_staff *staff;
	size_t n;
	if (db_notify_staff(run->db, run->arena, roles, meeting_id, &staff, &n) < 0)
		return -1;
	if (n == 0)
		fprintf(run->out, "warning: no staff with roles %s has an e-mail address for: %s\n",
			roles, subject);
	for (size_t i = 0; i < n; i++)
		if (mail_staff(run, key, staff[i].email, subject, body, purpose, meeting_id) < 0)
			return -1;
	return 0;
}

/* The text of a digest for a staff member of body (0: the whole installation) into *text, NULL
 * when nothing in it is of their bodies: 0, or -1 on a database error. */
typedef int (*digest_text_fn)(struct notify_run *run, long long body, void *ctx,
			      const char **text);

/* A digest to every active staff member of the roles, each with the part of it their body owns
 * (text), none to whom nothing is theirs (issue 18 item 3); keys KEY:ADDRESS as alert_staff's.
 * Counted as one alert when any went out. 0, or -1 on a database error. */
static int digest_staff(struct notify_run *run, const char *roles, const char *key,
			const char *subject, digest_text_fn text, void *ctx)
{
	struct notify_staff *staff;
	size_t n;
	if (db_notify_staff(run->db, run->arena, roles, 0, &staff, &n) < 0)
		return -1;
	if (n == 0) {
		/* Warned only when the digest has something to say. */
		const char *all = NULL;
		if (text(run, 0, ctx, &all) < 0)
			return -1;
		if (all != NULL)
			fprintf(run->out,
				"warning: no staff with roles %s has an e-mail address for: %s\n",
				roles, subject);
		return 0;
	}
	int before = run->counts.queued;
	for (size_t i = 0; i < n; i++) {
		const char *body = NULL;
		if (text(run, staff[i].body, ctx, &body) < 0)
			return -1;
		if (body == NULL)
			continue;
		if (mail_staff(run, key, staff[i].email, subject, body, "digest", 0) < 0)
			return -1;
	}
	run->counts.alerts += run->counts.queued > before;
	return 0;
}

/* Whether a staff member of body (0: the whole installation) sees a record of municipality
 * row_body whose district is row_district (0: none). */
static bool body_sees(long long body, long long row_body, long long row_district)
{
	return body == 0 || row_body == body || (row_district != 0 && row_district == body);
}

static int load_meeting(struct notify_run *run, long long id, struct meeting_detail *m,
			struct meeting_invitee **invitees, size_t *invitee_count)
{
	int rc = db_meeting_get(run->db, run->arena, id, m);
	if (rc != 0)
		return -1; /* a meeting the rules selected is public: not found is an error too */
	return db_meeting_invitees(run->db, run->arena, id, invitees, invitee_count);
}

/* What the staff alerts say about a meeting. */
static const char *staff_body(struct notify_run *run, const struct meeting_detail *m,
			      const char *what)
{
	return arena_printf(run->arena, "%s\n\n%s\nКогда: %s\nГде: %s\n\nКарточка встречи: %s\n",
			    what, m->summary.title,
			    notify_when(run->arena, m->summary.starts_at, m->summary.ends_at),
			    notify_place(run->arena, &m->summary),
			    notify_url(run, arena_printf(run->arena, "/admin/meetings/%lld",
							 m->summary.id)));
}

/* The local start of the day after the last day a meeting starting at starts_at may be
 * announced: from this instant its announcement is late. */
static time_t deadline_passes_at(time_t starts_at, const char *kind)
{
	return tz_local_to_utc(civil_date_add_days(rule_announce_deadline(starts_at, kind), 1), 0,
			       0);
}

/* Rule: a meeting whose announcement deadline passed while it was not announced is a violation,
 * recorded once and reported to the controllers. A meeting approved late with a written
 * exception is reported as such already, not again here. */
static int rule_violations(struct notify_run *run, const struct notify_candidate *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		time_t passed = deadline_passes_at(c[i].starts_at, c[i].kind);
		if (run->now < passed || c[i].exception_reason[0] != '\0')
			continue;
		struct notify_violation v = {
			.meeting_id = c[i].id,
			.rule = "announce_5_days",
			.deadline_at = passed,
			.detected_at = run->now,
			.details = c[i].has_place ? "не объявлена к сроку"
						  : "не объявлена к сроку: не указано место",
			.starts_at = c[i].starts_at,
		};
		long long violation;
		if (db_notify_violation_add(run->db, &v, &violation) < 0)
			return -1;
		if (violation == 0)
			continue; /* recorded by an earlier run */
		run->counts.violations++;
		struct meeting_detail m;
		struct meeting_invitee *inv;
		size_t inv_n;
		if (load_meeting(run, c[i].id, &m, &inv, &inv_n) < 0)
			return -1;
		int days = rule_notice_days(c[i].kind);
		static const char basis[] =
			"пункты 2.3 и 3.1 Порядка проведения встреч главы с населением, "
			"утверждённого постановлением главы городского поселения Зеленоборск от "
			"11 марта 2020 г. № 2";
		const char *what = arena_printf(
			run->arena,
			"%s: место и время встречи не опубликованы до %s включительно (%s). Встречу "
			"можно провести только после переноса на новую дату или с записанным "
			"исключением.",
			days == RULE_ANNOUNCE_DAYS
				? "Нарушено правило пяти дней"
				: arena_printf(run->arena,
					       "Нарушен срок публикации — не позднее чем за %d %s до "
					       "встречи",
					       days, ru_plural(days, "день", "дня", "дней")),
			notify_date(run->arena, rule_announce_deadline(c[i].starts_at, c[i].kind)),
			days == RULE_ANNOUNCE_DAYS
				? basis
				: arena_printf(run->arena,
					       "срок для этого вида встреч установлен порядком "
					       "муниципального образования; не менее 5 дней — %s",
					       basis));
		if (alert_staff(run, ",controller,admin,",
				arena_printf(run->arena, "violation:%lld", violation), "violation",
				c[i].id,
				arena_printf(run->arena, "Нарушение срока анонса: %s", m.summary.title),
				staff_body(run, &m, what)) < 0)
			return -1;
	}
	return 0;
}

/* Every recipient of one publication, and the webhooks. */
static int publish(struct notify_run *run, long long announcement, const char *kind,
		   const struct meeting_detail *m, const struct meeting_invitee *inv, size_t inv_n,
		   const struct notify_previous *prev)
{
	const char *purpose = strcmp(kind, "announcement") == 0 ? "announcement" : kind;
	struct notify_recipient *r;
	size_t n;
	if (db_notify_recipients(run->db, run->arena, m->summary.id, &r, &n) < 0)
		return -1;
	/* One mail per address: the first audience wins (media, invitee, reference, subscriber),
	 * which the dedup key enforces. */
	for (size_t i = 0; i < n; i++) {
		const char *unsubscribe = NULL;
		if (r[i].audience == AUDIENCE_SUBSCRIBER)
			unsubscribe = subscription_unsubscribe_url(run->arena, run->cfg, r[i].token);
		else if (r[i].audience == AUDIENCE_REFERENCE && r[i].token[0])
			unsubscribe = subscription_reference_unsubscribe_url(run->arena, run->cfg,
									     r[i].token);
		struct notify_text t = notify_publication_mail(
			run, m, inv, inv_n, kind, prev, (enum notify_audience)r[i].audience, unsubscribe);
		struct outbox_message msg = {
			.dedup_key = arena_printf(run->arena, "publication:%lld:mail:%s", announcement,
						  r[i].email),
			.channel = OUTBOX_MAIL,
			.recipient = r[i].email,
			.subject = t.subject,
			.body = t.body,
			.unsubscribe_url = unsubscribe,
			.purpose = purpose,
			.meeting_id = m->summary.id,
			.announcement_id = announcement,
		};
		if (enqueue(run, &msg) < 0)
			return -1;
	}
	if (run->cfg->webhook_count > 0) {
		char *json = notify_publication_json(run, m, kind, prev);
		if (json == NULL)
			return -1;
		for (int i = 0; i < run->cfg->webhook_count; i++) {
			const char *name = run->cfg->webhooks[i].name;
			struct outbox_message msg = {
				.dedup_key = arena_printf(run->arena, "publication:%lld:webhook:%s",
							  announcement, name),
				.channel = OUTBOX_WEBHOOK,
				.recipient = name,
				.body = json,
				.purpose = purpose,
				.meeting_id = m->summary.id,
				.announcement_id = announcement,
			};
			if (enqueue(run, &msg) < 0)
				return -1;
		}
	}
	return 0;
}

static int previous_publication(struct notify_run *run, long long meeting,
				struct notify_previous *prev)
{
	struct notify_published p;
	int rc = db_notify_previous(run->db, run->arena, meeting, &p);
	if (rc < 0)
		return -1;
	prev->known = rc == 0;
	prev->starts_at = p.starts_at;
	prev->place = "";
	if (p.venue_name[0])
		prev->place = p.venue_address[0] ? arena_printf(run->arena, "%s, %s", p.venue_name,
								p.venue_address)
						 : p.venue_name;
	return 0;
}

/* Record one publication of kind of meeting m at its venue (public summaries carry only the
 * venue's name), with the change it publishes: its id, or -1 on a database error. */
static long long add_announcement(struct notify_run *run, const struct meeting_detail *m,
				  const char *kind)
{
	struct notify_announcement n = {
		.meeting_id = m->summary.id,
		.kind = kind,
		.published_at = run->now,
		.starts_at = m->summary.starts_at,
		.ends_at = m->summary.ends_at,
		.notice_kept = rule_notice_kept(run->now, m->summary.starts_at, m->summary.kind),
	};
	long long id;
	if (db_notify_last_change(run->db, m->summary.id, &n.change_id) < 0 ||
	    db_notify_venue(run->db, m->summary.id, &n.venue_id) < 0 ||
	    db_notify_announcement_add(run->db, &n, &id) < 0)
		return -1;
	return id;
}

/* Rule: an approved meeting with a place is announced at once — the announcement, or, when its
 * place and time were published before, the change. A meeting without a place cannot be. */
static int rule_announce(struct notify_run *run, const struct notify_candidate *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!c[i].has_place || c[i].starts_at <= run->now)
			continue;
		struct meeting_detail m;
		struct meeting_invitee *inv;
		size_t inv_n;
		struct notify_previous prev;
		if (load_meeting(run, c[i].id, &m, &inv, &inv_n) < 0 ||
		    previous_publication(run, c[i].id, &prev) < 0)
			return -1;
		const char *kind = prev.known ? "change" : "announcement";
		long long announcement = add_announcement(run, &m, kind);
		if (announcement < 0)
			return -1;
		sqlite3_stmt *s = db_stmt(run->db, STMT_NOTIFY_MARK_ANNOUNCED);
		sqlite3_bind_int64(s, 1, c[i].id);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)run->now);
		if (db_run(s) != SQLITE_DONE)
			return -1;
		if (prev.known)
			run->counts.changes++;
		else
			run->counts.announced++;
		if (run->dry_run)
			fprintf(run->out, "would publish the %s of meeting %lld «%s»\n", kind, c[i].id,
				m.summary.title);
		if (publish(run, announcement, kind, &m, inv, inv_n, &prev) < 0)
			return -1;
	}
	return 0;
}

/* Rule: an approved meeting still not announced when its deadline is near (it has no place)
 * alerts the organisers and the controllers, once per start time. */
static int rule_unannounced(struct notify_run *run, const struct notify_candidate *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (c[i].has_place || c[i].starts_at <= run->now)
			continue;
		time_t passes = deadline_passes_at(c[i].starts_at, c[i].kind);
		if (run->now >= passes || run->now < passes - (NOTIFY_UNANNOUNCED_ALERT_DAYS + 1) * DAY)
			continue;
		struct meeting_detail m;
		struct meeting_invitee *inv;
		size_t inv_n;
		if (load_meeting(run, c[i].id, &m, &inv, &inv_n) < 0)
			return -1;
		const char *what = arena_printf(
			run->arena,
			"Встреча утверждена, но не может быть объявлена: не указано место. Последний "
			"день публикации — %s", /* the date ends with «г.» */
			notify_date(run->arena, rule_announce_deadline(c[i].starts_at, c[i].kind)));
		int before = run->counts.queued;
		if (alert_staff(run, ",organizer,controller,",
				arena_printf(run->arena, "unannounced:%lld:%lld", c[i].id,
					     (long long)c[i].starts_at),
				"alert", c[i].id,
				arena_printf(run->arena, "Встреча не объявлена: %s", m.summary.title),
				staff_body(run, &m, what)) < 0)
			return -1;
		run->counts.alerts += run->counts.queued > before;
	}
	return 0;
}

/* Rule: a cancellation of a published meeting is published to the same recipients. */
static int rule_cancellations(struct notify_run *run)
{
	struct notify_candidate *c;
	size_t n;
	if (db_notify_cancelled(run->db, run->arena, &c, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct meeting_detail m;
		struct meeting_invitee *inv;
		size_t inv_n;
		struct notify_previous prev;
		if (load_meeting(run, c[i].id, &m, &inv, &inv_n) < 0 ||
		    previous_publication(run, c[i].id, &prev) < 0)
			return -1;
		long long announcement = add_announcement(run, &m, "cancellation");
		if (announcement < 0 || publish(run, announcement, "cancellation", &m, inv, inv_n,
						&prev) < 0)
			return -1;
		run->counts.cancellations++;
	}
	return 0;
}

/* How far ahead of its start a draft of kind alerts the organisers: NOTIFY_DRAFT_ALERT_DAYS for
 * the 5 days of the acts, as many days more as the kind's notice period is longer. */
static time_t draft_alert_ahead(const char *kind)
{
	return (time_t)(rule_notice_days(kind) - RULE_ANNOUNCE_DAYS + NOTIFY_DRAFT_ALERT_DAYS) * DAY;
}

/* Rule: a draft draft_alert_ahead() before its start alerts the organisers, once per start
 * time: it must be approved within two days to keep its kind's notice period. */
static int rule_drafts(struct notify_run *run)
{
	time_t until = run->now + (time_t)(rule_notice_max_days() - RULE_ANNOUNCE_DAYS +
					   NOTIFY_DRAFT_ALERT_DAYS) *
					  DAY;
	struct notify_candidate *c;
	size_t n;
	if (db_notify_drafts_soon(run->db, run->arena, run->now, until, &c, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (c[i].starts_at > run->now + draft_alert_ahead(c[i].kind))
			continue;
		const char *title;
		if (db_notify_title(run->db, run->arena, c[i].id, &title) < 0)
			return -1;
		const char *body = arena_printf(
			run->arena,
			"Встреча %s (%s) всё ещё черновик. Чтобы опубликовать место и время не "
			"позднее чем за %d %s, её нужно утвердить не позднее %s\n\nКарточка встречи: "
			"%s\n",
			ru_quoted(run->arena, title), notify_datetime(run->arena, c[i].starts_at),
			rule_notice_days(c[i].kind),
			ru_plural(rule_notice_days(c[i].kind), "день", "дня", "дней"),
			notify_date(run->arena, rule_announce_deadline(c[i].starts_at, c[i].kind)),
			notify_url(run, arena_printf(run->arena, "/admin/meetings/%lld", c[i].id)));
		int before = run->counts.queued;
		if (alert_staff(run, ",organizer,",
				arena_printf(run->arena, "draft:%lld:%lld", c[i].id,
					     (long long)c[i].starts_at),
				"alert", c[i].id,
				arena_printf(run->arena, "Черновик не утверждён: %s", title), body) < 0)
			return -1;
		run->counts.alerts += run->counts.queued > before;
	}
	return 0;
}

/* Rule: invitees of an announced meeting get a reminder on the day before it (local days). */
static int rule_reminders(struct notify_run *run)
{
	struct notify_candidate *c;
	size_t n;
	if (db_notify_announced_soon(run->db, run->arena, run->now, run->now + 2 * DAY, &c, &n) < 0)
		return -1;
	struct civil_date tomorrow = civil_date_add_days(tz_local_date(run->now), 1);
	for (size_t i = 0; i < n; i++) {
		if (civil_date_compare(tz_local_date(c[i].starts_at), tomorrow) != 0)
			continue;
		struct meeting_detail m;
		struct meeting_invitee *inv;
		size_t inv_n;
		if (load_meeting(run, c[i].id, &m, &inv, &inv_n) < 0)
			return -1;
		const char **emails;
		size_t en;
		if (db_notify_invitee_emails(run->db, run->arena, c[i].id, &emails, &en) < 0)
			return -1;
		const char *subject = arena_printf(run->arena, "Напоминание: завтра %s",
						   m.summary.title);
		const char *body = arena_printf(
			run->arena,
			"Напоминаем: завтра встреча, на которую вы приглашены.\n\n%s\nКогда: %s "
			"(время местное)\nГде: %s\n\nПодробнее: %s\n\n%s",
			m.summary.title, notify_when(run->arena, m.summary.starts_at, m.summary.ends_at),
			notify_place(run->arena, &m.summary),
			notify_url(run, arena_printf(run->arena, "/meetings/%lld", c[i].id)),
			notify_signature(run));
		for (size_t k = 0; k < en; k++) {
			struct outbox_message msg = {
				.dedup_key = arena_printf(run->arena, "reminder:%lld:%lld:%s", c[i].id,
							  (long long)c[i].starts_at, emails[k]),
				.channel = OUTBOX_MAIL,
				.recipient = emails[k],
				.subject = subject,
				.body = body,
				.purpose = "reminder",
				.meeting_id = c[i].id,
			};
			int before = run->counts.queued;
			if (enqueue(run, &msg) < 0)
				return -1;
			run->counts.reminders += run->counts.queued > before;
		}
	}
	return 0;
}

/* Rule (issue 17): a resident booked on a personal reception gets a reminder on the day before
 * it (local days); offers of freed slots to the waiting list that ran out pass to the next. */
static int rule_booking_reminders(struct notify_run *run)
{
	if (reception_expire_offers(run->db, run->arena, run->cfg, run->now) < 0)
		return -1;
	struct notify_booking *b;
	size_t n;
	if (db_notify_bookings_soon(run->db, run->arena, run->now, run->now + 2 * DAY, &b, &n) < 0)
		return -1;
	struct civil_date tomorrow = civil_date_add_days(tz_local_date(run->now), 1);
	for (size_t i = 0; i < n; i++) {
		if (civil_date_compare(tz_local_date(b[i].slot_at), tomorrow) != 0)
			continue;
		struct meeting_detail m;
		if (db_meeting_get(run->db, run->arena, b[i].meeting_id, &m) != 0)
			return -1;
		const char *when = notify_datetime(run->arena, b[i].slot_at);
		struct outbox_message msg = {
			.dedup_key = arena_printf(run->arena, "booking-reminder:%lld", b[i].id),
			.channel = OUTBOX_MAIL,
			.recipient = b[i].email,
			.subject = arena_printf(run->arena, "Напоминание: завтра личный приём, %s",
						when),
			.body = arena_printf(
				run->arena,
				"Напоминаем: вы записаны на личный приём.\n\nКогда: %s (время местное)\n"
				"Где: %s\n\nВозьмите с собой паспорт или другой документ, "
				"удостоверяющий личность. Если вы не сможете прийти, отмените запись в "
				"личном кабинете: %s\n\n%s",
				when, notify_place(run->arena, &m.summary),
				notify_url(run, arena_printf(run->arena, "/account/bookings/%lld", b[i].id)),
				notify_signature(run)),
			.purpose = "reminder",
			.meeting_id = b[i].meeting_id,
		};
		int before = run->counts.queued;
		if (enqueue(run, &msg) < 0)
			return -1;
		run->counts.reminders += run->counts.queued > before;
	}
	return 0;
}

/* Rule: the police are told of a meeting expecting police_notice_attendance people or more
 * (order № 2 of the Zelenoborsk head §2.5), when an address is configured; otherwise staff do it by
 * hand and mark it. */
static int rule_police(struct notify_run *run)
{
	if (run->cfg->police_email[0] == '\0')
		return 0;
	struct notify_candidate *c;
	size_t n;
	if (db_notify_police_due(run->db, run->arena, run->now, run->cfg->police_notice_attendance,
				 &c, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct meeting_detail m;
		struct meeting_invitee *inv;
		size_t inv_n;
		if (load_meeting(run, c[i].id, &m, &inv, &inv_n) < 0)
			return -1;
		const char *body = arena_printf(
			run->arena,
			"Информируем о проведении встречи с жителями с массовым участием (ожидается "
			"около %lld человек) для обеспечения общественного порядка.\n\n%s\nКогда: %s "
			"(время местное)\nГде: %s\nТерритория: %s\n\n%s",
			m.expected_attendance, m.summary.title,
			notify_when(run->arena, m.summary.starts_at, m.summary.ends_at),
			notify_place(run->arena, &m.summary), m.summary.territory_name,
			notify_signature(run));
		struct outbox_message msg = {
			.dedup_key = arena_printf(run->arena, "police:%lld:%lld", c[i].id,
						  (long long)c[i].starts_at),
			.channel = OUTBOX_MAIL,
			.recipient = run->cfg->police_email,
			.subject = arena_printf(run->arena, "Уведомление о встрече с жителями: %s",
						notify_when(run->arena, m.summary.starts_at,
							    m.summary.ends_at)),
			.body = body,
			.purpose = "police",
			.meeting_id = c[i].id,
		};
		if (enqueue(run, &msg) < 0)
			return -1;
		sqlite3_stmt *u = db_stmt(run->db, STMT_NOTIFY_MARK_POLICE);
		sqlite3_bind_int64(u, 1, c[i].id);
		sqlite3_bind_int64(u, 2, (sqlite3_int64)run->now);
		if (db_run(u) != SQLITE_DONE)
			return -1;
		run->counts.police++;
	}
	return 0;
}

/* One line of a digest: «2026-00042 — срок 25 ноября 2026 г. (просрочено на 2 дня)». */
static const char *due_line(struct notify_run *run, const char *number, const char *iso,
			    struct civil_date today)
{
	struct civil_date due;
	if (!civil_date_parse(iso, &due))
		return arena_printf(run->arena, "%s\n", number);
	long left = civil_date_diff(due, today);
	const char *when = left < 0 ? arena_printf(run->arena, "просрочено на %ld %s", -left,
						   ru_plural(-left, "день", "дня", "дней"))
			   : left == 0 ? "срок сегодня"
				       : arena_printf(run->arena, "осталось %ld %s", left,
						      ru_plural(left, "день", "дня", "дней"));
	return arena_printf(run->arena, "  — № %s, срок ответа %s (%s)\n", number,
			    notify_date(run->arena, due), when);
}

/* One line of a daily digest, the executor it concerns ("" when none) and the municipality
 * (and its district, 0: none) of its record. */
struct digest_row {
	const char *line, *executor;
	long long body, district;
};

/* The controllers' part of send_digest: every line, between intro and link. */
struct digest_all {
	const struct digest_row *rows;
	size_t n;
	const char *intro, *link;
};

/* digest_text_fn of the controllers' digest: the lines of the body's records, NULL when none. */
static int digest_all_text(struct notify_run *run, long long body, void *ctx, const char **text)
{
	const struct digest_all *all = ctx;
	struct buf b;
	buf_init(&b, run->arena);
	buf_puts(&b, all->intro);
	int lines = 0;
	for (size_t k = 0; k < all->n; k++)
		if (body_sees(body, all->rows[k].body, all->rows[k].district)) {
			buf_puts(&b, all->rows[k].line);
			lines++;
		}
	buf_puts(&b, all->link);
	*text = lines ? b.data : NULL;
	return 0;
}

/* Local date D as 'YYYY-MM-DD', in arena A. */
static const char *iso_day(struct arena *a, struct civil_date d)
{
	return arena_printf(a, "%04d-%02d-%02d", d.year, d.month, d.day);
}

/* Who signs the mails: [municipality] administration_name, else the municipality's name. */
static const char *signature_of(const struct notify_run *run)
{
	return run->cfg->administration_name[0] ? run->cfg->administration_name
						: run->cfg->municipality_name;
}

/* Run STMT bound to (ID, the run's time): the statements that create a survey's or a
 * discussion's personal links and mark it announced. 0, or -1 on a database error. */
static int run_for(struct notify_run *run, enum stmt stmt, long long id)
{
	sqlite3_stmt *s = db_stmt(run->db, stmt);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)run->now);
	return db_run(s) == SQLITE_DONE ? 0 : -1;
}

/* Send a daily digest of rows[0..n): to each executor the lines that are theirs, to each
 * controller those of their bodies (all of them for the whole installation). kind names the keys digest:KIND:DAY[:ADDRESS]; mine_intro / all_intro
 * open the mails, mine_link / all_link close them. */
static int send_digest(struct notify_run *run, const struct digest_row *rows, size_t n,
		       const char *kind, const char *subject, const char *mine_intro,
		       const char *mine_link, const char *all_intro, const char *all_link)
{
	if (n == 0)
		return 0;
	struct civil_date today = tz_local_date(run->now);
	const char *day = iso_day(run->arena, today);
	for (size_t i = 0; i < n; i++) {
		const char *who = rows[i].executor;
		if (who[0] == '\0')
			continue;
		bool first = true;
		for (size_t k = 0; k < i; k++)
			if (strcmp(rows[k].executor, who) == 0)
				first = false;
		if (!first)
			continue;
		struct buf b;
		buf_init(&b, run->arena);
		buf_puts(&b, mine_intro);
		for (size_t k = i; k < n; k++)
			if (strcmp(rows[k].executor, who) == 0)
				buf_puts(&b, rows[k].line);
		buf_puts(&b, mine_link);
		struct outbox_message m = {
			.dedup_key = arena_printf(run->arena, "digest:%s:%s:%s", kind, day, who),
			.channel = OUTBOX_MAIL, .recipient = who, .subject = subject,
			.body = b.data, .purpose = "digest",
		};
		int before = run->counts.queued;
		if (enqueue(run, &m) < 0)
			return -1;
		run->counts.alerts += run->counts.queued > before;
	}
	struct digest_all all = {rows, n, all_intro, all_link};
	return digest_staff(run, ",controller,", arena_printf(run->arena, "digest:%s:%s", kind, day),
			    subject, digest_all_text, &all);
}

/* Rule: once a local day, the executors get the list of their open appeals due within
 * NOTIFY_DIGEST_DAYS or overdue, and the controllers the whole list (59-ФЗ art. 12). */
static int rule_appeal_digests(struct notify_run *run)
{
	struct civil_date today = tz_local_date(run->now);
	char last[11];
	struct civil_date until = civil_date_add_days(today, NOTIFY_DIGEST_DAYS);
	snprintf(last, sizeof last, "%04d-%02d-%02d", until.year, until.month, until.day);
	struct notify_due_appeal *due;
	size_t n;
	if (db_notify_appeals_due(run->db, run->arena, last, &due, &n) < 0)
		return -1;
	struct digest_row *rows = arena_alloc(run->arena, (n ? n : 1) * sizeof *rows);
	for (size_t i = 0; i < n; i++) {
		rows[i].line = due_line(run, due[i].number, due[i].answer_due, today);
		rows[i].executor = due[i].executor_email;
		rows[i].body = due[i].body;
		rows[i].district = due[i].district;
	}
	const char *link = arena_printf(run->arena, "\nРеестр: %s\n",
					notify_url(run, "/admin/appeals?due=soon"));
	return send_digest(run, rows, n, "appeals",
			   arena_printf(run->arena, "Сроки ответов на обращения: %s",
					notify_date(run->arena, today)),
			   "Обращения, по которым вы исполнитель, со сроком ответа в ближайшие дни или "
			   "просроченные:\n\n",
			   link, "Обращения со сроком ответа в ближайшие дни или просроченные:\n\n",
			   link);
}

/* One line of an instruction digest: «№ 7 «Подготовить смету…», срок 25 ноября 2026 г.
 * (просрочено на 2 дня)». */
static const char *instruction_line(struct notify_run *run, long long id, const char *text,
				    const char *iso, struct civil_date today)
{
	char shortened[160];
	size_t len = strlen(text);
	if (len < sizeof shortened)
		memcpy(shortened, text, len + 1);
	else {
		/* Cut at a character boundary, not inside a UTF-8 sequence. */
		size_t cut = sizeof shortened - 4;
		while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
			cut--;
		memcpy(shortened, text, cut);
		memcpy(shortened + cut, "…", sizeof "…");
	}
	for (char *p = shortened; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	struct civil_date due;
	if (!civil_date_parse(iso, &due))
		return arena_printf(run->arena, "  — № %lld «%s»\n", id, shortened);
	long left = civil_date_diff(due, today);
	const char *when = left < 0 ? arena_printf(run->arena, "просрочено на %ld %s", -left,
						   ru_plural(-left, "день", "дня", "дней"))
			   : left == 0 ? "срок сегодня"
				       : arena_printf(run->arena, "осталось %ld %s", left,
						      ru_plural(left, "день", "дня", "дней"));
	return arena_printf(run->arena, "  — № %lld «%s», срок %s (%s)\n    %s\n", id, shortened,
			    notify_date(run->arena, due), when,
			    notify_url(run, arena_printf(run->arena, "/admin/instructions/%lld", id)));
}

/* Rule: once a local day, each executor gets their open instructions due within
 * NOTIFY_DIGEST_DAYS or overdue, and the controllers the whole list (regulation № 44 on information
 * groups §3.6.8). Keys digest:instructions:DAY:ADDRESS. */
static int rule_instruction_digests(struct notify_run *run)
{
	struct civil_date today = tz_local_date(run->now);
	struct civil_date until = civil_date_add_days(today, NOTIFY_DIGEST_DAYS);
	char last[11];
	snprintf(last, sizeof last, "%04d-%02d-%02d", until.year, until.month, until.day);
	struct notify_due_instruction *due;
	size_t n;
	if (db_notify_instructions_due(run->db, run->arena, last, &due, &n) < 0)
		return -1;
	struct digest_row *rows = arena_alloc(run->arena, (n ? n : 1) * sizeof *rows);
	for (size_t i = 0; i < n; i++) {
		rows[i].line = instruction_line(run, due[i].id, due[i].text, due[i].due_on, today);
		rows[i].executor = due[i].executor_email;
		rows[i].body = due[i].body;
		rows[i].district = due[i].district;
	}
	return send_digest(
		run, rows, n, "instructions",
		arena_printf(run->arena, "Сроки исполнения поручений: %s",
			     notify_date(run->arena, today)),
		"Поручения, по которым вы исполнитель, со сроком в ближайшие дни или "
		"просроченные:\n\n",
		arena_printf(run->arena, "\nВаши поручения: %s\n",
			     notify_url(run, "/admin/instructions?mine=1")),
		"Поручения со сроком в ближайшие дни или просроченные:\n\n",
		arena_printf(run->arena, "\nВсе поручения: %s\n",
			     notify_url(run, "/admin/instructions?due=soon")));
}

/* The protocols digest: the calendar and the day it is made on. */
struct protocol_digest {
	struct workcal cal;
	struct civil_date today;
};

/* digest_text_fn of the protocols digest: the held meetings of body whose protocol is late,
 * NULL when none. */
static int protocol_digest_text(struct notify_run *run, long long body, void *ctx,
				const char **text)
{
	const struct protocol_digest *pd = ctx;
	*text = NULL;
	struct dash_held *held;
	size_t n;
	/* Every one of them, of the member's bodies, however long ago. */
	if (db_dash_held(run->db, run->arena, -1, body, 0, &held, &n) < 0)
		return -1;
	struct buf b;
	buf_init(&b, run->arena);
	int late = 0;
	for (size_t i = 0; i < n; i++) {
		const struct dash_held *h = &held[i];
		if (h->handover_days <= 0)
			continue; /* the kind's act sets no handover deadline */
		struct civil_date due = protocol_handover_due(&pd->cal, tz_local_date(h->starts_at),
							      h->handover_days, NULL);
		long over = civil_date_diff(pd->today, due);
		if (over <= 0)
			continue;
		buf_printf(&b, "  — «%s», %s: протокол %s, срок передачи %s (просрочено на %ld %s)\n"
			       "    %s\n",
			   h->title, notify_datetime(run->arena, h->starts_at),
			   h->signed_ ? "подписан, не передан"
			   : h->has_protocol ? "не подписан"
					     : "не составлен",
			   notify_date(run->arena, due), over, ru_plural(over, "день", "дня", "дней"),
			   notify_url(run, arena_printf(run->arena, "/admin/meetings/%lld/protocol",
							h->id)));
		late++;
	}
	if (late > 0)
		*text = arena_printf(run->arena,
				     "Протоколы выездных встреч, не переданные в сектор контроля в "
				     "срок (5 рабочих дней после встречи):\n\n%s",
				     b.data);
	return 0;
}

/* Rule: once a local day, the organizers get the held meetings of their bodies whose
 * protocol was not handed to the control sector by its due date (working days after the
 * meeting, for the kinds whose act sets it: 5 for a group's field meeting, regulation № 44 on
 * information groups §3.6.9). Keys digest:protocols:DAY:ADDRESS. */
static int rule_protocol_digests(struct notify_run *run)
{
	struct protocol_digest pd = {.today = tz_local_date(run->now)};
	if (workdays_current(run->db, &pd.cal) < 0)
		return -1;
	const char *day = iso_day(run->arena, pd.today);
	return digest_staff(run, ",organizer,", arena_printf(run->arena, "digest:protocols:%s", day),
			    arena_printf(run->arena, "Протоколы не переданы в срок: %s",
					 notify_date(run->arena, pd.today)),
			    protocol_digest_text, &pd);
}

/* digest_text_fn of the places digest: the coming field meetings of body whose place is not
 * agreed and whose publication deadline is at most a week away or past, NULL when none. */
static int place_digest_text(struct notify_run *run, long long body, void *ctx, const char **text)
{
	enum { WARNING_DAYS = 7 };
	const struct civil_date *today = ctx;
	*text = NULL;
	struct meeting_item *u;
	size_t n;
	if (db_place_unagreed(run->db, run->arena, run->now, run->now + (WARNING_DAYS + 7) * DAY,
			      body, &u, &n) < 0)
		return -1;
	struct buf b;
	buf_init(&b, run->arena);
	int rows = 0;
	for (size_t i = 0; i < n; i++) {
		struct civil_date deadline = rule_announce_deadline(u[i].starts_at, "group_field");
		if (civil_date_diff(deadline, *today) > WARNING_DAYS)
			continue;
		buf_printf(&b, "  — «%s», %s: опубликовать до %s%s\n    %s\n",
			   u[i].title, notify_datetime(run->arena, u[i].starts_at),
			   notify_date(run->arena, deadline),
			   civil_date_compare(deadline, *today) < 0 ? " (срок прошёл)" : "",
			   notify_url(run, arena_printf(run->arena, "/admin/meetings/%lld",
							u[i].id)));
		rows++;
	}
	if (rows > 0)
		*text = arena_printf(run->arena,
				     "Место этих выездных встреч информационных групп не "
				     "согласовано с учреждением, а срок публикации близко или "
				     "прошёл. Согласуйте место и отметьте это на странице "
				     "встречи:\n\n%s",
				     b.data);
	return 0;
}

/* Rule: once a local day, the secretaries and the organizers get the coming field meetings of
 * information groups of their bodies whose place is not agreed with the institution (regulation
 * № 44 on information groups §3.6.2) and whose publication deadline is at most a week away or
 * past. Keys digest:places:DAY:ADDRESS. */
static int rule_place_digests(struct notify_run *run)
{
	struct civil_date today = tz_local_date(run->now);
	const char *day = iso_day(run->arena, today);
	return digest_staff(run, ",secretary,organizer,",
			    arena_printf(run->arena, "digest:places:%s", day),
			    arena_printf(run->arena, "Место выездной встречи не согласовано: %s",
					 notify_date(run->arena, today)),
			    place_digest_text, &today);
}

/* The body of a mail to a reference-group participant: the text, the link that stops the mail
 * (NULL: none, the address has no consent record) and the signature. */
static const char *participant_mail_body(struct notify_run *run, const char *text,
					 const char *unsubscribe, const char *from)
{
	return unsubscribe ? arena_printf(run->arena, "%s\nОтказаться от рассылки: %s\n\n--\n%s\n",
					  text, unsubscribe, from)
			   : arena_printf(run->arena, "%s\n--\n%s\n", text, from);
}

/* A discussion whose period has begun and is not announced yet (STMT_NOTIFY_DISCUSSIONS_DUE). */
struct opening {
	long long id;
	const char *title, *unit, *territory;
	struct civil_date opens, closes;
	bool hearing;
};

/* The discussions due to be announced today, from the run's arena. -1 on a database error. */
static int discussion_openings_load(struct notify_run *run, struct opening **out, size_t *count)
{
	struct notify_discussion *d;
	size_t n;
	if (db_notify_discussions_due(run->db, run->arena,
				      iso_day(run->arena, tz_local_date(run->now)), &d, &n) < 0)
		return -1;
	struct opening *o = arena_alloc(run->arena, (n ? n : 1) * sizeof *o);
	for (size_t i = 0; i < n; i++) {
		o[i] = (struct opening){
			.id = d[i].id,
			.title = d[i].title,
			.unit = d[i].unit,
			.territory = d[i].territory,
			.hearing = strcmp(d[i].form, "hearing") == 0,
		};
		civil_date_parse(d[i].opens_on, &o[i].opens);
		civil_date_parse(d[i].closes_on, &o[i].closes);
	}
	*out = o;
	*count = n;
	return 0;
}

/* What every recipient reads about opening O: the draft, its developer, the period, who takes
 * part, a public hearing to come, and where to read and propose. */
static const char *discussion_opening_text(struct notify_run *run, const struct opening *o)
{
	return arena_printf(
		run->arena,
		"%s выносит на общественное обсуждение проект %s.\n\n"
		"Разработчик проекта: %s.\nСрок обсуждения: с %s по %s включительно.\n"
		"Участвуют жители: %s.%s\n\n"
		"Текст проекта и приём предложений: %s\n",
		signature_of(run), ru_quoted(run->arena, o->title), o->unit,
		notify_date(run->arena, o->opens), notify_date(run->arena, o->closes),
		o->territory[0] ? o->territory : "всё муниципальное образование",
		o->hearing ? "\nПо проекту проводятся публичные слушания; их место и время "
			     "объявляются отдельно."
			   : "",
		notify_url(run, arena_printf(run->arena, "/discussions/%lld", o->id)));
}

/* The paragraph with EMAIL's personal link to discussion ID (issue 20 item 2: proposals
 * without an account), or "" when the address has none; NULL on a database error. */
static const char *discussion_personal_link(struct notify_run *run, long long id,
					    const char *email)
{
	const char *token;
	int rc = db_notify_link_token(run->db, run->arena, "discussion", id, email, &token);
	if (rc != 0)
		return rc > 0 ? "" : NULL;
	return arena_printf(run->arena,
			    "\nВаша персональная ссылка для предложений (вход в личный кабинет не "
			    "нужен; не пересылайте её): %s\n",
			    notify_url(run, arena_printf(run->arena, "/discussions/link?token=%s",
							 token)));
}

/* Mail opening O to each of its recipients (STMT_NOTIFY_DISCUSSION_RECIPIENTS): the media list,
 * the participants of its reference groups with their personal links, the subscribers of its
 * territory; each subscriber and participant with the link that stops the mail. -1 on a
 * database error. */
static int discussion_opening_mails(struct notify_run *run, const struct opening *o)
{
	const char *subject = arena_printf(run->arena, "Общественное обсуждение: %s", o->title);
	const char *text = discussion_opening_text(run, o);
	struct notify_recipient *r;
	size_t n;
	if (db_notify_discussion_recipients(run->db, run->arena, o->id, &r, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *email = r[i].email, *token = r[i].token;
		const char *personal = "";
		const char *unsubscribe = NULL;
		if (r[i].audience == AUDIENCE_SUBSCRIBER) {
			unsubscribe = subscription_unsubscribe_url(run->arena, run->cfg, token);
		} else if (r[i].audience == AUDIENCE_REFERENCE) {
			personal = discussion_personal_link(run, o->id, email);
			if (personal == NULL)
				return -1;
			if (token[0])
				unsubscribe = subscription_reference_unsubscribe_url(run->arena,
										     run->cfg, token);
		}
		struct outbox_message msg = {
			.dedup_key = arena_printf(run->arena, "discussion:%lld:mail:%s", o->id, email),
			.channel = OUTBOX_MAIL,
			.recipient = email,
			.subject = subject,
			.body = participant_mail_body(run, arena_printf(run->arena, "%s%s", text,
									personal),
						      unsubscribe, signature_of(run)),
			.unsubscribe_url = unsubscribe,
			.purpose = "announcement",
		};
		if (enqueue(run, &msg) < 0)
			return -1;
	}
	return 0;
}

/* Rule: a discussion of a draft (issue 20) whose period has begun is announced once: a mail to
 * the media list, to the participants of its reference groups (targeted mailing, decree № 1617-па
 * on reference groups §3.1.2; not to those who withdrew consent), each with a personal link made
 * for them, and to the subscribers of its territory (or of any, for the whole municipality),
 * each subscriber's with the link that stops the mail. Then /press and /feed.atom show it
 * (discussion.announced_at). Keys discussion:ID:mail:ADDRESS. */
static int rule_discussion_openings(struct notify_run *run)
{
	struct opening *o;
	size_t n;
	if (discussion_openings_load(run, &o, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (run_for(run, STMT_DISCUSSION_LINKS_CREATE, o[i].id) < 0 ||
		    discussion_opening_mails(run, &o[i]) < 0 ||
		    run_for(run, STMT_NOTIFY_DISCUSSION_ANNOUNCED, o[i].id) < 0)
			return -1;
		run->counts.announced++;
	}
	return 0;
}

/* Surveys addressed to reference groups (decree № 1617-па on reference groups §2.2 item 6,
 * §3.1.2 targeted mailing; issue 20 item 2): once the first day has come (local date), each
 * participant who has not withdrawn consent is mailed once a personal link to answer without an
 * account, with the link that stops the mail. Dedup keys survey:ID:link:ADDRESS;
 * survey.announced_at records it. 0, or -1 on a database error. */
static int rule_survey_links(struct notify_run *run)
{
	struct civil_date today = tz_local_date(run->now);
	const char *day = iso_day(run->arena, today);
	struct notify_survey *o;
	size_t n;
	if (db_notify_surveys_due(run->db, run->arena, day, &o, &n) < 0)
		return -1;
	const char *from = signature_of(run);
	for (size_t i = 0; i < n; i++) {
		struct civil_date opens, closes;
		civil_date_parse(o[i].opens_on, &opens);
		civil_date_parse(o[i].closes_on, &closes);
		struct notify_survey_link *links;
		size_t link_count;
		if (run_for(run, STMT_SURVEY_LINKS_CREATE, o[i].id) < 0 ||
		    db_notify_survey_links(run->db, run->arena, o[i].id, &links, &link_count) < 0)
			return -1;
		for (size_t k = 0; k < link_count; k++) {
			const char *email = links[k].email;
			const char *consent = links[k].consent_token;
			const char *unsubscribe =
				consent[0] ? subscription_reference_unsubscribe_url(run->arena, run->cfg,
										    consent)
					   : NULL;
			const char *text = arena_printf(
				run->arena,
				"Здравствуйте, %s!\n\n%s приглашает участников референтных групп "
				"ответить на вопросы опроса %s.\nСрок опроса: с %s по %s "
				"включительно.\n\nВаша персональная ссылка на анкету (вход в личный "
				"кабинет не нужен; не пересылайте её — по ней принимается один ответ, "
				"который можно изменить до окончания опроса):\n%s\n",
				links[k].name, from, ru_quoted(run->arena, o[i].title),
				notify_date(run->arena, opens), notify_date(run->arena, closes),
				notify_url(run, arena_printf(run->arena, "/surveys/link?token=%s",
							     links[k].token)));
			struct outbox_message msg = {
				.dedup_key = arena_printf(run->arena, "survey:%lld:link:%s", o[i].id,
							  email),
				.channel = OUTBOX_MAIL,
				.recipient = email,
				.subject = arena_printf(run->arena, "Опрос: %s", o[i].title),
				.body = participant_mail_body(run, text, unsubscribe, from),
				.unsubscribe_url = unsubscribe,
				.purpose = "notice",
			};
			if (enqueue(run, &msg) < 0)
				return -1;
		}
		if (run_for(run, STMT_NOTIFY_SURVEY_ANNOUNCED, o[i].id) < 0)
			return -1;
	}
	return 0;
}

int notify_apply_rules(struct notify_run *run)
{
	if (db_begin(run->db) < 0)
		return -1;
	/* Meetings that started up to a week ago still count for a violation (a notifier that did
	 * not run for days must still record it); older ones are history. */
	struct notify_candidate *c;
	size_t n;
	int rc = db_notify_unannounced(run->db, run->arena, run->now - 7 * DAY, &c, &n);
	/* The violation is judged before the announcement that the same run may still make. */
	if (rc == 0)
		rc = rule_violations(run, c, n);
	if (rc == 0)
		rc = rule_announce(run, c, n);
	if (rc == 0)
		rc = rule_unannounced(run, c, n);
	if (rc == 0)
		rc = rule_cancellations(run);
	if (rc == 0)
		rc = rule_drafts(run);
	if (rc == 0)
		rc = rule_reminders(run);
	if (rc == 0)
		rc = rule_booking_reminders(run);
	if (rc == 0)
		rc = rule_police(run);
	if (rc == 0)
		rc = rule_appeal_digests(run);
	if (rc == 0)
		rc = rule_instruction_digests(run);
	if (rc == 0)
		rc = rule_protocol_digests(run);
	if (rc == 0)
		rc = rule_place_digests(run);
	if (rc == 0)
		rc = rule_discussion_openings(run);
	if (rc == 0)
		rc = rule_survey_links(run);
	if (rc < 0 || run->dry_run) {
		if (rc < 0)
			db_log_error(run->db, "notifier rules");
		db_rollback(run->db);
		return rc;
	}
	return db_commit(run->db);
}
