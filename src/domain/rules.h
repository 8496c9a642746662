/* rules.h — the legal rules the portal enforces, in one place with their sources, as pure
 * functions of time (tested in tests/unit/test_rules.c), and the notice period of each kind of
 * meeting, set once at start-up from the configuration. */
#ifndef PORTAL_RULES_H
#define PORTAL_RULES_H

#include <stdbool.h>
#include <time.h>

#include "civil_time.h"

/* Place and time of a meeting are published no later than 5 days before it (order № 2 of the
 * Zelenoborsk head §2.3 and §3.1, regulation № 44 on information groups §3.7–3.8.1): the
 * minimum for every kind. A municipality's order may set more for a kind — its order on public
 * hearings usually does — through [notice] in portal.ini (rule_notice_set). */
#define RULE_ANNOUNCE_DAYS 5
/* The longest notice period a kind may be given. */
#define RULE_NOTICE_MAX_DAYS 90
/* How many kinds may have a period of their own. */
#define RULE_NOTICE_MAX_KINDS 32

/* Give meeting kind (its code) a notice period of days, at start-up only. 0, or -1 when days is
 * below RULE_ANNOUNCE_DAYS or above RULE_NOTICE_MAX_DAYS, or the table is full. Setting a kind
 * again replaces its period. */
int rule_notice_set(const char *kind, int days);

/* Forget every period set (back to RULE_ANNOUNCE_DAYS for all kinds; for tests). */
void rule_notice_reset(void);

/* The notice period of kind in days: the one set for it, else RULE_ANNOUNCE_DAYS (also for
 * kind NULL or ""). */
int rule_notice_days(const char *kind);

/* The longest notice period of any kind. */
int rule_notice_max_days(void);

/* The earliest local date on which a meeting of kind approved (published) at now may take
 * place: the meeting's day is at least rule_notice_days(kind) calendar days after the day of
 * publication, both counted in the municipality's zone ("не позднее чем за 5 дней": published
 * on the 22nd, the meeting may be on the 27th). */
struct civil_date rule_earliest_meeting_date(time_t now, const char *kind);

/* True when a meeting of kind starting at starts_at may be approved at now under its notice
 * period. */
bool rule_notice_kept(time_t now, time_t starts_at, const char *kind);

/* The last local date on which a meeting of kind starting at starts_at may be published. */
struct civil_date rule_announce_deadline(time_t starts_at, const char *kind);

#endif
