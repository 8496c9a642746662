/* rules.c — the legal rules as functions of time, and the notice periods of kinds (see
 * rules.h). */
#include "rules.h"

#include <string.h>

/* The periods set at start-up; the codes are copied (a kind code is at most 32 bytes). */
static struct {
	char kind[33];
	int days;
} notice[RULE_NOTICE_MAX_KINDS];
static int notice_count;

int rule_notice_set(const char *kind, int days)
{
	if (days < RULE_ANNOUNCE_DAYS || days > RULE_NOTICE_MAX_DAYS || kind == NULL ||
	    strlen(kind) >= sizeof notice[0].kind)
		return -1;
	for (int i = 0; i < notice_count; i++)
		if (strcmp(notice[i].kind, kind) == 0) {
			notice[i].days = days;
			return 0;
		}
	if (notice_count == RULE_NOTICE_MAX_KINDS)
		return -1;
	strcpy(notice[notice_count].kind, kind);
	notice[notice_count++].days = days;
	return 0;
}

void rule_notice_reset(void)
{
	notice_count = 0;
}

int rule_notice_days(const char *kind)
{
	for (int i = 0; kind && i < notice_count; i++)
		if (strcmp(notice[i].kind, kind) == 0)
			return notice[i].days;
	return RULE_ANNOUNCE_DAYS;
}

int rule_notice_max_days(void)
{
	int max = RULE_ANNOUNCE_DAYS;
	for (int i = 0; i < notice_count; i++)
		if (notice[i].days > max)
			max = notice[i].days;
	return max;
}

struct civil_date rule_earliest_meeting_date(time_t now, const char *kind)
{
	return civil_date_add_days(tz_local_date(now), rule_notice_days(kind));
}

bool rule_notice_kept(time_t now, time_t starts_at, const char *kind)
{
	return civil_date_compare(tz_local_date(starts_at), rule_earliest_meeting_date(now, kind)) >=
	       0;
}

struct civil_date rule_announce_deadline(time_t starts_at, const char *kind)
{
	return civil_date_add_days(tz_local_date(starts_at), -rule_notice_days(kind));
}
