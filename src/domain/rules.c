/* rules.c — the legal rules as functions of time (see rules.h). */
#include "rules.h"

struct civil_date rule_earliest_meeting_date(time_t now)
{
	return civil_date_add_days(tz_local_date(now), RULE_ANNOUNCE_DAYS);
}

bool rule_five_days_kept(time_t now, time_t starts_at)
{
	return civil_date_compare(tz_local_date(starts_at), rule_earliest_meeting_date(now)) >= 0;
}

struct civil_date rule_announce_deadline(time_t starts_at)
{
	return civil_date_add_days(tz_local_date(starts_at), -RULE_ANNOUNCE_DAYS);
}
