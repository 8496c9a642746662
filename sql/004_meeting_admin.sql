-- 004_meeting_admin.sql — what scheduling a meeting under the 5-day rule records: preparation
-- materials, approval (with an exception and its reason when the rule could not be kept), police
-- notice for large meetings, and every change of place or time after approval.

ALTER TABLE meeting ADD COLUMN theses TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting ADD COLUMN analytical_note TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting ADD COLUMN reference_materials TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting ADD COLUMN approved_at INTEGER;
ALTER TABLE meeting ADD COLUMN approved_by INTEGER REFERENCES staff_user(id);
-- Non-empty when a controller or an administrator approved a meeting less than 5 days ahead:
-- reported as a violation of the 5-day rule.
ALTER TABLE meeting ADD COLUMN exception_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting ADD COLUMN police_notified_at INTEGER;

-- A change of place or time after approval: published as a change; the 5-day clock restarts.
CREATE TABLE meeting_change (
	id             INTEGER PRIMARY KEY,
	meeting_id     INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
	at             INTEGER NOT NULL,
	user_id        INTEGER REFERENCES staff_user(id),
	kind           TEXT NOT NULL CHECK (kind IN ('postponed', 'rescheduled', 'place_changed',
	                                             'cancelled')),
	old_starts_at  INTEGER,
	old_venue_id   INTEGER,
	new_starts_at  INTEGER,
	new_venue_id   INTEGER,
	reason         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX meeting_change_meeting ON meeting_change(meeting_id, at);
