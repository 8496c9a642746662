/* reception.h — the slots of a personal reception (issue 17; 59-ФЗ art. 13): a reception from
 * starts_at to ends_at is cut into slots of slot_minutes, each booked by one visitor; and the
 * dates a reception schedule gives (every week, every other week, the n-th weekday of the
 * month) by the production calendar. Pure functions of time and of the calendar's table
 * (tests/unit/test_reception.c). */
#ifndef PORTAL_RECEPTION_H
#define PORTAL_RECEPTION_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "civil_time.h"
#include "workdays.h"

/* How many whole slots of slot_minutes fit in [starts_at, ends_at); 0 when none or when
 * slot_minutes is not positive. */
size_t reception_slot_count(time_t starts_at, time_t ends_at, int slot_minutes);

/* The start of slot index (0-based); the caller keeps index below reception_slot_count. */
time_t reception_slot_at(time_t starts_at, int slot_minutes, size_t index);

/* True when slot_at is the start of one of the reception's slots. */
bool reception_slot_valid(time_t starts_at, time_t ends_at, int slot_minutes, time_t slot_at);

/* How a reception schedule repeats (reception_schedule.rule). */
enum reception_rule { RECEPTION_WEEKLY, RECEPTION_BIWEEKLY, RECEPTION_MONTHLY };

/* The rule of code "weekly", "biweekly" or "monthly"; -1 for any other. */
int reception_rule_parse(const char *code);

/* The code stored for rule. */
const char *reception_rule_code(enum reception_rule rule);

/* The most dates a schedule may give, and the most its period is looked at for. */
#define RECEPTION_SCHEDULE_SCAN 400

/* The dates of a schedule in [first, last]: every weekday (1..7) of the period (weekly), every
 * other one starting with the first (biweekly), or the ordinal-th (1..4, 5 = the last) weekday
 * of each month (monthly). A date that is a non-working public holiday or a day off by a
 * transfer (cal; art. 112 holidays in any year) is no reception day: a weekly or biweekly one
 * is left out, a monthly one moves to the next working day of the same month (the head's
 * reception is once a month, seed 002) or is left out when the month has none. The dates go
 * into out (at most max), the dates left out or moved from into moved (at most moved_max; NULL
 * for none) with their number in *moved_count. Returns how many dates there are in all, so that
 * a caller can refuse a period that makes too many; a period of more than
 * RECEPTION_SCHEDULE_SCAN such weekdays counts as that many. */
size_t reception_schedule_dates(const struct workcal *cal, enum reception_rule rule, int weekday,
				int ordinal, struct civil_date first, struct civil_date last,
				struct civil_date *out, size_t max, struct civil_date *moved,
				size_t moved_max, size_t *moved_count);

#endif
