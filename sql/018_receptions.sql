-- 018_receptions.sql — booking a personal reception online (issue 17; 59-ФЗ art. 13, seed 001
-- §3.5.6, §3.8.3–3.8.4, seed 002): schedules that generate reception meetings, the reception's
-- slots, bookings by residents or by staff on a caller's behalf, and the waiting list.

-- Who receives, where, on which weekday and hours, the slot length and topics. The meetings it
-- generates are an ordinary meeting_series (rule 'weekly') of drafts.
CREATE TABLE reception_schedule (
	id           INTEGER PRIMARY KEY,
	series_id    INTEGER NOT NULL UNIQUE REFERENCES meeting_series(id),
	person_id    INTEGER NOT NULL REFERENCES person(id),
	venue_id     INTEGER NOT NULL REFERENCES venue(id),
	weekday      INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
	start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
	end_minute   INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
	slot_minutes INTEGER NOT NULL CHECK (slot_minutes BETWEEN 5 AND 120),
	topics       TEXT NOT NULL DEFAULT '',
	created_at   INTEGER NOT NULL,
	CHECK (end_minute > start_minute)
) STRICT;

-- A meeting residents may book: its slots are starts_at + k * slot_minutes before ends_at.
CREATE TABLE reception (
	meeting_id   INTEGER PRIMARY KEY REFERENCES meeting(id) ON DELETE CASCADE,
	schedule_id  INTEGER REFERENCES reception_schedule(id),
	slot_minutes INTEGER NOT NULL CHECK (slot_minutes BETWEEN 5 AND 120),
	topics       TEXT NOT NULL DEFAULT ''
) STRICT;

-- One booking of one slot. person_id is the official who receives (the meeting's host), kept so
-- that "one active booking per resident and official" is one indexed query.
CREATE TABLE reception_booking (
	id                INTEGER PRIMARY KEY,
	meeting_id        INTEGER NOT NULL REFERENCES reception(meeting_id),
	slot_at           INTEGER NOT NULL,
	person_id         INTEGER NOT NULL REFERENCES person(id),
	resident_id       INTEGER REFERENCES resident(id) ON DELETE SET NULL,
	visitor_name      TEXT NOT NULL CHECK (length(visitor_name) BETWEEN 1 AND 300),
	phone             TEXT NOT NULL DEFAULT '',
	email             TEXT NOT NULL DEFAULT '',
	contact           TEXT NOT NULL DEFAULT '',
	question          TEXT NOT NULL CHECK (length(question) BETWEEN 1 AND 2000),
	status            TEXT NOT NULL DEFAULT 'active'
	                  CHECK (status IN ('active', 'cancelled', 'came', 'absent')),
	cancel_token_hash BLOB UNIQUE,
	cancelled_by      TEXT CHECK (cancelled_by IS NULL OR cancelled_by IN ('resident', 'staff')),
	cancel_reason     TEXT NOT NULL DEFAULT '',
	booked_by         INTEGER REFERENCES staff_user(id),
	-- the appeal the reception card of this booking was registered as, when a written answer
	-- is due (59-ФЗ art. 13 part 2)
	appeal_id         INTEGER REFERENCES appeal(id),
	created_at        INTEGER NOT NULL,
	cancelled_at      INTEGER
) STRICT;
-- The race for the last slot: at most one booking that is not cancelled per (reception, slot).
CREATE UNIQUE INDEX reception_booking_slot ON reception_booking(meeting_id, slot_at)
	WHERE status <> 'cancelled';
CREATE INDEX reception_booking_resident ON reception_booking(resident_id, person_id);

-- Residents waiting for a slot of a full reception, in order of id. An offered slot is held for
-- the resident until offered_until.
CREATE TABLE reception_waiting (
	id            INTEGER PRIMARY KEY,
	meeting_id    INTEGER NOT NULL REFERENCES reception(meeting_id),
	resident_id   INTEGER NOT NULL REFERENCES resident(id) ON DELETE CASCADE,
	email         TEXT NOT NULL DEFAULT '',
	status        TEXT NOT NULL DEFAULT 'waiting'
	              CHECK (status IN ('waiting', 'offered', 'booked', 'expired', 'left')),
	offered_slot  INTEGER,
	offered_until INTEGER,
	created_at    INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX reception_waiting_once ON reception_waiting(meeting_id, resident_id)
	WHERE status IN ('waiting', 'offered');
