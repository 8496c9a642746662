/* rules.h — the legal rules the portal enforces, in one place with their sources, as pure
 * functions of time (tested in tests/unit/test_rules.c). */
#ifndef PORTAL_RULES_H
#define PORTAL_RULES_H

#include <stdbool.h>
#include <time.h>

#include "civil_time.h"

/* Place and time of a meeting are published no later than 5 days before it (order № 2 of the
 * Zelenoborsk head §2.3 and §3.1, regulation № 44 on information groups §3.7–3.8.1). */
#define RULE_ANNOUNCE_DAYS 5

/* The earliest local date on which a meeting approved (published) at now may take place: the
 * meeting's day is at least RULE_ANNOUNCE_DAYS calendar days after the day of publication, both
 * counted in the municipality's zone ("не позднее чем за 5 дней": published on the 22nd, the
 * meeting may be on the 27th). */
struct civil_date rule_earliest_meeting_date(time_t now);

/* True when a meeting starting at starts_at may be approved at now under the 5-day rule. */
bool rule_five_days_kept(time_t now, time_t starts_at);

/* The last local date on which a meeting starting at starts_at may be published. */
struct civil_date rule_announce_deadline(time_t starts_at);

#endif
