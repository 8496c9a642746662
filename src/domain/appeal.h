/* appeal.h — storing an appeal (обращение) and reading it back for its applicant: the one place
 * where a registration number is taken, so that the number, the appeal, its first history
 * record and the acknowledgement mail are written in one transaction (59-ФЗ art. 8; the
 * durability of that commit: db.h). Used by the public form (page_appeals.c) and by staff who
 * register paper appeals (page_admin_appeals.c). */
#ifndef PORTAL_APPEAL_H
#define PORTAL_APPEAL_H

#include <stdbool.h>
#include <time.h>

#include "arena.h"
#include "config.h"
#include "db.h"

/* The states of an appeal (appeal.status) with their staff labels, in the order of the registry's
 * filter: the one table every page reads. */
#define APPEAL_STATUS_COUNT 5
extern const char *const appeal_statuses[APPEAL_STATUS_COUNT][2];

/* The staff label of a state, or the code itself for an unknown one. */
const char *appeal_status_label(const char *status);

/* How the applicant and the public pages say the state (the status page, the results of a
 * meeting): what happens to the appeal rather than the registry's word. */
const char *appeal_status_public_label(const char *status);

/* What an appeal is created with; "" for text not given, 0 for ids not given. */
struct appeal_input {
	const char *source;      /* online, meeting, reception, mail */
	const char *addressee;   /* head, administration, unit */
	const char *addressee_unit;
	const char *surname, *name, *patronymic, *email, *address, *phone;
	long long territory_id;
	long long municipality_id; /* the body addressed; 0: its territory's, its meeting's, or
	                              the own one */
	const char *topic_code;  /* NULL when none */
	const char *text;
	bool consent;            /* the 152-ФЗ notice acknowledged (the online form) */
	time_t received_at;
	long long registered_by; /* staff user id, 0 for the online form */
	long long meeting_id;
	const char *reception_by;
	bool oral, oral_consent;
	const char *oral_answer;
};

struct appeal_created {
	long long id;
	char number[48];   /* 2026-00042, or БРЗ-2026-00042 for a body with a code */
	long long municipality_id; /* the registry it was registered in */
	char code[16];     /* the private code, shown once */
};

/* In the caller's open write transaction: find the body the appeal is addressed to (the
 * municipality chosen, else its territory's, its meeting's, the own one: issue 18), take the next
 * number of that body's registry for the registration year (local) — «КОД-2026-00012», or
 * «2026-00012» for a body without a code —
 * store the appeal with its deadlines, the first history record, and — when there is an e-mail
 * address — the acknowledgement in the outbox. 0, or -1 on a database error (logged). */
int appeal_create(struct db *db, struct arena *a, const struct config *cfg,
		  const struct appeal_input *in, time_t now, struct appeal_created *out);

/* Whether code is the private code of the appeal whose code_hash is hash (len bytes), compared
 * in constant time; the code is read as typed, case and spaces around it ignored. */
bool appeal_code_matches(const char *code, const void *hash, int len);

/* Put the appeals registered since the last call into the search index (appeal_fts), in
 * transactions of their own of at most 2,000 appeals: an appeal's transaction leaves that out,
 * the supervisor calls this every second (all false: one batch) and the registry before it
 * searches (all true), so a search always finds every appeal. Nothing to do costs one read.
 * 0, or -1 on a database error (logged). */
int appeal_search_catch_up(struct db *db, bool all);

/* Record a step of the appeal's history (user 0: the applicant or the system). */
int appeal_event(struct db *db, long long appeal, time_t at, long long user, const char *action,
		 const char *note);

#endif
