/* appeal.c — storing an appeal in one transaction with its number (see appeal.h). */
#include "appeal.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "appeal_rules.h"
#include "buf.h"
#include "civil_time.h"
#include "db_appeal.h"
#include "db_municipality.h"
#include "municipality.h"
#include "outbox.h"
#include "ru.h"
#include "workdays.h"

const char *const appeal_statuses[APPEAL_STATUS_COUNT][2] = {
	{"registered", "зарегистрировано"}, {"in_work", "в работе"},
	{"forwarded", "направлено по компетенции"}, {"answered", "дан ответ"},
	{"closed", "закрыто без ответа по существу"},
};

/* The applicant's wording, row for row with appeal_statuses. */
static const char *const public_labels[APPEAL_STATUS_COUNT] = {
	"зарегистрировано, назначается исполнитель", "рассматривается",
	"направлено по компетенции в другой орган", "дан ответ", "рассмотрение завершено",
};

static int status_index(const char *status)
{
	for (int i = 0; i < APPEAL_STATUS_COUNT; i++)
		if (strcmp(appeal_statuses[i][0], status) == 0)
			return i;
	return -1;
}

const char *appeal_status_label(const char *status)
{
	int i = status_index(status);
	return i < 0 ? status : appeal_statuses[i][1];
}

const char *appeal_status_public_label(const char *status)
{
	int i = status_index(status);
	return i < 0 ? status : public_labels[i];
}

/* Letters and digits that cannot be mistaken for one another when copied from a phone's screen
 * (no 0/o, 1/l/i). */
static const char CODE_ALPHABET[] = "23456789abcdefghjkmnpqrstuvwxyz";
#define CODE_LENGTH 10 /* 31^10 ≈ 2^49.5; the status page is rate-limited */

static void code_hash(const char *code, unsigned char out[crypto_generichash_BYTES])
{
	crypto_generichash(out, crypto_generichash_BYTES, (const unsigned char *)code, strlen(code),
			   NULL, 0);
}

bool appeal_code_matches(const char *code, const void *hash, int len)
{
	char clean[64];
	size_t n = 0;
	for (const char *c = code; *c && n < sizeof clean - 1; c++)
		if (!isspace((unsigned char)*c))
			clean[n++] = (char)tolower((unsigned char)*c);
	clean[n] = '\0';
	unsigned char h[crypto_generichash_BYTES];
	code_hash(clean, h);
	return len == (int)sizeof h && sodium_memcmp(h, hash, sizeof h) == 0;
}

int appeal_event(struct db *db, long long appeal, time_t at, long long user, const char *action,
		 const char *note)
{
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_EVENT_ADD);
	sqlite3_bind_int64(s, 1, appeal);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)at);
	if (user)
		sqlite3_bind_int64(s, 3, user);
	sqlite3_bind_text(s, 4, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, note ? note : "", -1, SQLITE_STATIC);
	if (db_run(s) != SQLITE_DONE) {
		db_log_error(db, "appeal event");
		return -1;
	}
	return 0;
}

static void iso_date(char out[11], struct civil_date d)
{
	snprintf(out, 11, "%04d-%02d-%02d", d.year, d.month, d.day);
}

static const char *words(struct arena *a, struct civil_date d)
{
	struct tm tm = {.tm_year = d.year - 1900, .tm_mon = d.month - 1, .tm_mday = d.day};
	char text[64];
	ru_format_date(text, sizeof text, &tm);
	return arena_strdup(a, text);
}

/* CODE_LENGTH uniform characters of CODE_ALPHABET and a NUL into code. One call for the random
 * bytes (randombytes_uniform would ask the kernel once per character); bytes at or above the
 * largest multiple of the alphabet's size are skipped, so no character is likelier. */
static void code_random(char code[CODE_LENGTH + 1])
{
	enum { SIZE = sizeof CODE_ALPHABET - 1, LIMIT = 256 - 256 % SIZE };
	unsigned char bytes[2 * CODE_LENGTH];
	size_t used = sizeof bytes;
	for (int i = 0; i < CODE_LENGTH;) {
		if (used == sizeof bytes) {
			randombytes_buf(bytes, sizeof bytes);
			used = 0;
		}
		unsigned char b = bytes[used++];
		if (b < LIMIT)
			code[i++] = CODE_ALPHABET[b % SIZE];
	}
	code[CODE_LENGTH] = '\0';
}

/* The acknowledgement: number, dates, the code and how to follow the appeal, signed by the body
 * the appeal went to (another than the own municipality: its administration and phone; the own
 * one: portal.ini's, as before issue 18). */
static int acknowledge(struct db *db, struct arena *a, const struct config *cfg,
		       const struct municipality_item *body, const struct appeal_created *c,
		       const char *email, struct civil_date registered, struct civil_date due,
		       time_t now)
{
	const char *signature = cfg->administration_name[0] ? cfg->administration_name
							    : cfg->municipality_name;
	const char *phone = cfg->contact_phone;
	if (!body->own) {
		signature = body->administration[0] ? body->administration
			    : body->official_name[0] ? body->official_name
						     : body->name;
		phone = body->phone;
	}
	struct buf b;
	buf_init(&b, a);
	buf_printf(&b,
		   "Ваше обращение получено и зарегистрировано.\n\n"
		   "Регистрационный номер: %s\n"
		   "Дата регистрации: %s\n"
		   "Ответ будет дан не позднее %s (Федеральный закон от 02.05.2006 № 59-ФЗ, ст. 12).\n\n"
		   "Чтобы узнать, как идёт рассмотрение, откройте %s/appeals/status и введите номер "
		   "и код: %s\nНикому не сообщайте код: по нему видно, как рассматривается ваше "
		   "обращение.\n\n--\n%s\n",
		   c->number, words(a, registered), words(a, due), cfg->site_url, c->code,
		   signature);
	if (phone[0])
		buf_printf(&b, "Телефон: %s\n", phone);
	struct outbox_message m = {
		.dedup_key = arena_printf(a, "acknowledgement:%lld", c->id),
		.channel = OUTBOX_MAIL,
		.recipient = email,
		.subject = arena_printf(a, "Обращение зарегистрировано: № %s", c->number),
		.body = b.data,
		.purpose = "acknowledgement",
	};
	return outbox_add(db, &m, now) < 0 ? -1 : 0;
}

/* The body an appeal is addressed to: the municipality chosen, else its territory's, else that
 * of the meeting it was handed in at, else the own one (the only one of a single-municipality
 * installation). 0, or -1 on a database error or
 * when none is found (logged). */
static int appeal_body(struct db *db, struct arena *a, const struct appeal_input *in,
		       const struct municipality_item **out)
{
	long long id = in->municipality_id;
	if (id == 0 && in->territory_id && db_appeal_territory_body(db, in->territory_id, &id) < 0)
		return -1;
	/* Handed in at a meeting: the registry of the body that held it. */
	if (id == 0 && in->meeting_id && db_appeal_meeting_body(db, in->meeting_id, &id) < 0)
		return -1;
	struct municipality_item *body;
	if (db_municipality_one(db, a, id, &body) < 0)
		return -1;
	*out = body;
	if (*out == NULL) {
		fprintf(stderr, "appeal: no municipality %lld to register it in\n", id);
		return -1;
	}
	return 0;
}

int appeal_create(struct db *db, struct arena *a, const struct config *cfg,
		  const struct appeal_input *in, time_t now, struct appeal_created *out)
{
	struct workcal cal;
	if (workdays_current(db, &cal) < 0)
		return -1;
	struct civil_date received = tz_local_date(in->received_at);
	struct civil_date registered = tz_local_date(now);
	struct appeal_dates due = appeal_due_dates(&cal, received, registered, 0,
						   (enum appeal_day_off)cfg->appeal_day_off);

	const struct municipality_item *body;
	if (appeal_body(db, a, in, &body) < 0)
		return -1;
	out->municipality_id = body->id;
	/* The number: the counter of the body's registry and year, increased in this transaction
	 * (writers hold the write lock: BEGIN IMMEDIATE), so concurrent appeals take consecutive
	 * numbers, a rollback gives one back and no number is skipped or used twice. */
	long long number, seq;
	/* appeal.seq: the installation's order of the year (sql/025_municipalities.sql). */
	if (db_appeal_body_number_next(db, registered.year, body->id, &number) < 0 ||
	    db_appeal_seq_next(db, registered.year, &seq) < 0)
		return -1;
	appeal_number_format(out->number, sizeof out->number, body->code, registered.year, number);
	code_random(out->code);
	unsigned char hash[crypto_generichash_BYTES];
	code_hash(out->code, hash);
	char answer_due[11], forward_due[11];
	iso_date(answer_due, due.answer_by);
	iso_date(forward_due, due.forward_by);

	struct appeal_record r = {
		.year = registered.year,
		.seq = seq,
		.number = out->number,
		.code_hash = hash,
		.code_hash_len = sizeof hash,
		.source = in->source,
		.addressee = in->addressee,
		.addressee_unit = in->addressee_unit,
		.surname = in->surname,
		.name = in->name,
		.patronymic = in->patronymic,
		.email = in->email,
		.address = in->address,
		.phone = in->phone,
		.territory_id = in->territory_id,
		.topic_code = in->topic_code,
		.text = in->text,
		.consent_at = in->consent ? now : 0,
		.received_at = in->received_at,
		.registered_at = now,
		.registered_by = in->registered_by,
		.meeting_id = in->meeting_id,
		.reception_by = in->reception_by,
		.oral = in->oral,
		.oral_answer = in->oral_answer,
		.oral_consent = in->oral_consent,
		.answer_due = answer_due,
		.forward_due = forward_due,
		.municipality_id = body->id,
	};
	if (db_appeal_insert(db, &r, &out->id) < 0)
		return -1;
	if (appeal_event(db, out->id, now, in->registered_by, "registered",
			 strcmp(in->source, "online") == 0 ? "получено через сайт" : "") < 0)
		return -1;
	if (in->email[0] && acknowledge(db, a, cfg, body, out, in->email, registered,
					due.answer_by, now) < 0)
		return -1;
	return 0;
}

/* One batch of at most 2,000 appeals (STMT_APPEAL_SEARCH_PENDING), so that the write lock is
 * never held long: 1 when it indexed some, 0 when none were waiting, -1 on an error. */
static int catch_up_batch(struct db *db)
{
	long long indexed, last;
	if (db_appeal_search_pending(db, &indexed, &last) < 0)
		return -1;
	if (last <= indexed)
		return 0;
	if (db_begin(db) < 0)
		return -1;
	/* Read again under the write lock: another process may have caught up meanwhile. */
	if (db_appeal_search_pending(db, &indexed, &last) < 0) {
		db_rollback(db);
		return -1;
	}
	if (last > indexed) {
		sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_SEARCH_INDEX);
		sqlite3_bind_int64(s, 1, indexed);
		sqlite3_bind_int64(s, 2, last);
		int rc = db_run(s);
		if (rc == SQLITE_DONE) {
			s = db_stmt(db, STMT_APPEAL_SEARCH_DONE);
			sqlite3_bind_int64(s, 1, last);
			rc = db_run(s);
		}
		if (rc != SQLITE_DONE) {
			db_log_error(db, "appeal search index");
			db_rollback(db);
			return -1;
		}
	}
	return db_commit(db) < 0 ? -1 : 1;
}

int appeal_search_catch_up(struct db *db, bool all)
{
	int rc;
	while ((rc = catch_up_batch(db)) > 0 && all)
		;
	return rc < 0 ? -1 : 0;
}
