-- 009_appeals.sql — appeals of citizens (обращения граждан) under Federal Law 59-ФЗ: the online
-- form, written appeals handed in at meetings, personal-reception cards (seed 001 §3.8.4) and
-- mail; registration numbers gap-free per year; deadlines; the answer; its public version
-- (seed 000 §3.3); the history of every step. Topics use the classifier of appeal_topic
-- (010_appeal_topics.sql); the code is checked by the application when an appeal is stored.

-- The last registration number given in a year: taken and increased in the same transaction
-- that stores the appeal, so numbers are unique, gap-free and never reused.
CREATE TABLE appeal_counter (
	year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
	last INTEGER NOT NULL CHECK (last >= 0)
) STRICT;

CREATE TABLE appeal (
	id              INTEGER PRIMARY KEY,
	year            INTEGER NOT NULL,
	seq             INTEGER NOT NULL CHECK (seq >= 1),
	-- «2026-00042»: what the applicant types to follow the appeal.
	number          TEXT NOT NULL UNIQUE,
	-- BLAKE2b of the private code shown once to the applicant.
	code_hash       BLOB NOT NULL,
	source          TEXT NOT NULL CHECK (source IN ('online', 'meeting', 'reception', 'mail')),
	addressee       TEXT NOT NULL CHECK (addressee IN ('head', 'administration', 'unit')),
	addressee_unit  TEXT NOT NULL DEFAULT '',
	-- The applicant (59-ФЗ art. 7). Personal data: shown only to the roles that need it.
	surname         TEXT NOT NULL DEFAULT '',
	name            TEXT NOT NULL DEFAULT '',
	patronymic      TEXT NOT NULL DEFAULT '',
	email           TEXT NOT NULL DEFAULT '',
	address         TEXT NOT NULL DEFAULT '',
	phone           TEXT NOT NULL DEFAULT '',
	territory_id    INTEGER REFERENCES territory(id),
	topic_code      TEXT,
	text            TEXT NOT NULL,
	-- When the applicant acknowledged the notice on personal data (152-ФЗ); NULL for paper.
	consent_at      INTEGER,
	received_at     INTEGER NOT NULL,
	registered_at   INTEGER NOT NULL,
	registered_by   INTEGER REFERENCES staff_user(id),
	-- Handed in at this meeting (source 'meeting'), or received at this personal reception.
	meeting_id      INTEGER REFERENCES meeting(id),
	-- The personal-reception card (source 'reception'; 59-ФЗ art. 13).
	reception_by    TEXT NOT NULL DEFAULT '',
	oral            INTEGER NOT NULL DEFAULT 0 CHECK (oral IN (0, 1)),
	oral_answer     TEXT NOT NULL DEFAULT '',
	oral_consent    INTEGER NOT NULL DEFAULT 0 CHECK (oral_consent IN (0, 1)),
	-- The work on it.
	status          TEXT NOT NULL DEFAULT 'registered'
	                CHECK (status IN ('registered', 'in_work', 'forwarded', 'answered', 'closed')),
	unit            TEXT NOT NULL DEFAULT '',
	executor_id     INTEGER REFERENCES staff_user(id),
	-- Local dates 'YYYY-MM-DD' (the municipality's zone), computed by src/appeal_rules.c.
	answer_due      TEXT NOT NULL,
	forward_due     TEXT NOT NULL,
	extended_days   INTEGER CHECK (extended_days IS NULL OR extended_days BETWEEN 1 AND 30),
	extension_reason TEXT NOT NULL DEFAULT '',
	forwarded_to    TEXT NOT NULL DEFAULT '',
	forwarded_at    INTEGER,
	answer          TEXT NOT NULL DEFAULT '',
	answered_at     INTEGER,
	-- How it ended (59-ФЗ art. 10–11).
	outcome         TEXT CHECK (outcome IN ('answered', 'forwarded', 'no_address', 'abusive',
	                                        'unreadable', 'repeated')),
	repeated_of     INTEGER REFERENCES appeal(id),
	closed_at       INTEGER,
	-- Publication of the answer to a socially significant question, without personal data.
	public_question TEXT NOT NULL DEFAULT '',
	public_answer   TEXT NOT NULL DEFAULT '',
	published_at    INTEGER,
	UNIQUE (year, seq)
) STRICT;
CREATE INDEX appeal_status ON appeal(status, answer_due);
CREATE INDEX appeal_territory ON appeal(territory_id, registered_at);
CREATE INDEX appeal_meeting ON appeal(meeting_id);
CREATE INDEX appeal_published ON appeal(published_at) WHERE published_at IS NOT NULL;

-- Files attached to an appeal, stored by content (src/upload.c) before the appeal commits.
CREATE TABLE appeal_file (
	id        INTEGER PRIMARY KEY,
	appeal_id INTEGER NOT NULL REFERENCES appeal(id) ON DELETE CASCADE,
	file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
	mime      TEXT NOT NULL,
	size      INTEGER NOT NULL CHECK (size >= 0),
	sha256    TEXT NOT NULL CHECK (length(sha256) = 64)
) STRICT;
CREATE INDEX appeal_file_appeal ON appeal_file(appeal_id);

-- The history of an appeal: every step with who (NULL: the applicant or the system) and when.
CREATE TABLE appeal_event (
	id        INTEGER PRIMARY KEY,
	appeal_id INTEGER NOT NULL REFERENCES appeal(id) ON DELETE CASCADE,
	at        INTEGER NOT NULL,
	user_id   INTEGER REFERENCES staff_user(id),
	action    TEXT NOT NULL,
	note      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX appeal_event_appeal ON appeal_event(appeal_id, at);
