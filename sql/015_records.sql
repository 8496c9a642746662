-- 015_records.sql — what issue 21 (items 14–16) keeps: answers to socially significant questions
-- mailed to the media, the consent of reference-group participants to their mail (152-ФЗ), and
-- whether the place of an information group's field meeting is agreed (seed 001 §3.6.2).

-- The outbox gets the purpose 'answer': a published answer to a socially significant question
-- mailed to the media list (seed 000 §3.3). SQLite cannot change a CHECK in place: the table is
-- rebuilt with the same columns, rows and indexes.
CREATE TABLE outbox_new (
	id              INTEGER PRIMARY KEY,
	dedup_key       TEXT NOT NULL UNIQUE,
	channel         TEXT NOT NULL CHECK (channel IN ('mail', 'webhook')),
	recipient       TEXT NOT NULL CHECK (length(recipient) BETWEEN 1 AND 320),
	subject         TEXT NOT NULL DEFAULT '',
	body            TEXT NOT NULL,
	unsubscribe_url TEXT NOT NULL DEFAULT '',
	purpose         TEXT NOT NULL CHECK (purpose IN ('announcement', 'change', 'cancellation',
	                                                 'reminder', 'police', 'alert', 'violation',
	                                                 'digest', 'confirmation', 'acknowledgement',
	                                                 'notice', 'answer')),
	meeting_id      INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
	announcement_id INTEGER REFERENCES announcement(id),
	created_at      INTEGER NOT NULL,
	status          TEXT NOT NULL DEFAULT 'pending'
	                CHECK (status IN ('pending', 'sent', 'dead', 'discarded')),
	attempts        INTEGER NOT NULL DEFAULT 0,
	next_attempt_at INTEGER NOT NULL,
	last_error      TEXT NOT NULL DEFAULT '',
	sent_at         INTEGER
) STRICT;
INSERT INTO outbox_new (id, dedup_key, channel, recipient, subject, body, unsubscribe_url,
                        purpose, meeting_id, announcement_id, created_at, status, attempts,
                        next_attempt_at, last_error, sent_at)
SELECT id, dedup_key, channel, recipient, subject, body, unsubscribe_url, purpose, meeting_id,
       announcement_id, created_at, status, attempts, next_attempt_at, last_error, sent_at
  FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_announcement ON outbox(announcement_id);
CREATE INDEX outbox_sent ON outbox(sent_at) WHERE status = 'sent';

-- The consent of a reference-group participant to the portal's mail, per address (lower case)
-- whatever groups it is in, kept when the group's participants are edited: when and how it was
-- given and who recorded it, and when and how it was withdrawn (the link in every mail, or
-- staff). The token is in that link. A withdrawn address gets no mail (src/notify).
CREATE TABLE reference_consent (
	email         TEXT PRIMARY KEY CHECK (length(email) BETWEEN 3 AND 254),
	given_at      INTEGER,
	given_how     TEXT NOT NULL DEFAULT '',
	recorded_by   INTEGER REFERENCES staff_user(id),
	withdrawn_at  INTEGER,
	withdrawn_how TEXT NOT NULL DEFAULT '',
	token         TEXT NOT NULL UNIQUE
) STRICT;
-- Participants entered before consent was kept: no record of how they agreed. Their mail goes
-- on, with the way to stop it, until staff record the consent or they withdraw it.
INSERT OR IGNORE INTO reference_consent (email, token)
SELECT lower(email), lower(hex(randomblob(32))) FROM reference_group_member;

-- The place of an information group's field meeting is agreed by the group's secretary with
-- the institution (seed 001 §3.6.2): when, by whom, with whom. Another venue undoes it.
ALTER TABLE meeting ADD COLUMN place_agreed_at INTEGER;
ALTER TABLE meeting ADD COLUMN place_agreed_by INTEGER REFERENCES staff_user(id);
ALTER TABLE meeting ADD COLUMN place_agreed_note TEXT NOT NULL DEFAULT '';
CREATE TRIGGER meeting_place_agreement_reset AFTER UPDATE OF venue_id ON meeting
WHEN OLD.venue_id IS NOT NEW.venue_id
BEGIN
	UPDATE meeting SET place_agreed_at = NULL, place_agreed_by = NULL, place_agreed_note = ''
	 WHERE id = NEW.id;
END;
