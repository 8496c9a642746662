/* reception.h — the slots of a personal reception (issue 17; 59-ФЗ art. 13): a reception from
 * starts_at to ends_at is cut into slots of slot_minutes, each booked by one visitor. Pure
 * functions of time (tests/unit/test_reception.c). */
#ifndef PORTAL_RECEPTION_H
#define PORTAL_RECEPTION_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/* How many whole slots of slot_minutes fit in [starts_at, ends_at); 0 when none or when
 * slot_minutes is not positive. */
size_t reception_slot_count(time_t starts_at, time_t ends_at, int slot_minutes);

/* The start of slot index (0-based); the caller keeps index below reception_slot_count. */
time_t reception_slot_at(time_t starts_at, int slot_minutes, size_t index);

/* True when slot_at is the start of one of the reception's slots. */
bool reception_slot_valid(time_t starts_at, time_t ends_at, int slot_minutes, time_t slot_at);

#endif
