/* reception_booking.h — what the residents' and the staff's pages of personal receptions share
 * (issue 17): reading a reception, its free slots, booking a slot, cancelling a booking (which
 * offers the freed slot to the waiting list), and the mails they send through the outbox. */
#ifndef PORTAL_RECEPTION_BOOKING_H
#define PORTAL_RECEPTION_BOOKING_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "db_reception.h"
#include "http.h"

/* Read reception meeting into *out. 0 found, 1 no such reception, -1 database error. */
int reception_load(struct request *req, long long meeting, struct reception_info *out);

/* The starts of the reception's slots nobody has booked and no one else holds from the waiting
 * list (resident: the viewer, whose own held slot counts as free; 0 for none), in order, from the
 * arena. Slots already begun are left out. -1 on a database error. */
int reception_free_slots(struct request *req, const struct reception_info *r, long long resident,
			 time_t **out, size_t *count);

/* Whether slot_at of reception r is free for resident (0: staff booking for a caller): nobody
 * has booked it and the waiting list holds it for nobody else. One indexed look-up, for the
 * booking write path. 1 free, 0 not, -1 on a database error. The caller checks that slot_at
 * is one of r's slots and ahead. */
int reception_slot_free(struct request *req, const struct reception_info *r, long long resident,
			time_t slot_at);

/* «14 декабря 2026 г., 10:20» in the municipality's zone, from the arena. */
const char *reception_when(struct request *req, time_t t);

/* «Администрация, кабинет 5, ул. Ленина, 1», or «место уточняется». */
const char *reception_place(struct request *req, const struct reception_info *r);

/* Whom to see: «Иванова Анна Петровна, глава поселения». */
const char *reception_official(struct request *req, const struct reception_info *r);

/* What a new booking carries. */
struct booking_request {
	time_t slot_at;
	long long resident_id;    /* 0: booked by staff for a caller without an account */
	const char *name, *phone, *email, *contact, *question;
	long long staff_user_id;  /* 0: the resident booked it */
};

enum booking_result { BOOKING_OK, BOOKING_TAKEN, BOOKING_ERROR };

/* In the caller's write transaction: insert the booking of one slot of r. BOOKING_TAKEN when
 * another booking of the slot exists (the unique index reception_booking_slot decides, so racing
 * clients get exactly one booking). On BOOKING_OK *id is the booking, and when the booking has
 * an e-mail address a confirmation with the link to cancel it is in the outbox. */
enum booking_result booking_insert(struct request *req, const struct reception_info *r,
				   const struct booking_request *b, long long *id);

/* In the caller's write transaction: cancel active booking id (by "resident" or "staff", with
 * the reason told to the resident), mail the resident when staff cancelled, and offer the freed
 * slot of a future reception to the first resident still waiting, held for [receptions]
 * offer_hold_minutes. 1 cancelled, 0 the booking was not active, -1 on error. */
int booking_cancel(struct request *req, long long id, const char *by, const char *reason);

/* In the caller's write transaction, after staff cancelled meeting (with reason): when it is a
 * reception, every active booking becomes cancelled by staff (its reason «приём отменён — …»,
 * shown in the resident's account), each booking with an address gets «Приём 12 декабря 2026 г.
 * отменён: …» through the outbox, and the waiting list ends. The number of bookings cancelled
 * (0 too for a meeting that is no reception), -1 on error. */
int reception_meeting_cancelled(struct request *req, long long meeting, const char *reason);

/* In the caller's write transaction, after staff moved meeting from old_starts to its new time
 * or changed its end (reason: why, "" when none was given): when it is a reception, every active
 * booking keeps its
 * place in the queue (its slot moves by the same amount), gets a fresh link to cancel, and, with
 * an address (and a new start), the mail «Приём 12 декабря 2026 г. перенесён …» with the new time, the reason and
 * the link to a fresh .ics; a booking whose slot no longer fits the new hours is cancelled
 * instead, with a mail saying so. Held waiting-list offers move too. The number of bookings
 * told, -1 on error. */
int reception_meeting_moved(struct request *req, long long meeting, time_t old_starts,
			    const char *reason);

#endif
