/* reception_waiting.h — the waiting list of a personal reception (issue 17): a freed slot is
 * offered by mail to the first resident still waiting and held for [receptions]
 * offer_hold_minutes; an offer not taken in time passes to the next. Used by the pages that
 * cancel a booking and by the notifier. */
#ifndef PORTAL_RECEPTION_WAITING_H
#define PORTAL_RECEPTION_WAITING_H

#include <time.h>

#include "arena.h"
#include "config.h"
#include "db.h"

/* In the caller's write transaction: offer slot_at of reception meeting to the first resident
 * still waiting (the offer mail into the outbox), held until now + offer_hold_minutes. 1 when
 * offered, 0 when nobody waits, -1 on a database error. */
int reception_offer_next(struct db *db, struct arena *a, const struct config *cfg,
			 long long meeting, time_t slot_at, time_t now);

/* In the caller's write transaction: end the offers whose time ran out and pass each slot that
 * is still free and ahead to the next resident waiting. The number passed on, or -1. */
int reception_expire_offers(struct db *db, struct arena *a, const struct config *cfg, time_t now);

#endif
