-- 012_protocols.sql — protocols of held meetings (seed 000 §4.1, seed 001 §3.5.7, §3.6.9) and
-- the control of the instructions (поручения) given in them or on appeals (seed 000 §4.2,
-- seed 001 §3.6.7–3.6.8). The handover due date (5 working days after the meeting by the
-- production calendar) is computed by src/protocol.c, never stored, so a corrected calendar
-- corrects it.

-- One protocol per held meeting: a draft while signed_at is NULL, locked once signed.
CREATE TABLE protocol (
	id           INTEGER PRIMARY KEY,
	meeting_id   INTEGER NOT NULL UNIQUE REFERENCES meeting(id),
	number       TEXT NOT NULL DEFAULT '',
	-- The local date of the meeting as the protocol states it, 'YYYY-MM-DD'.
	held_on      TEXT NOT NULL,
	place        TEXT NOT NULL DEFAULT '',
	chair_id     INTEGER REFERENCES person(id),
	secretary_id INTEGER REFERENCES person(id),
	attendance   INTEGER CHECK (attendance IS NULL OR attendance >= 0),
	decisions    TEXT NOT NULL DEFAULT '',
	-- Links to the photo and video report (seed 000 §3.2): http(s) or ''.
	photo_url    TEXT NOT NULL DEFAULT '',
	video_url    TEXT NOT NULL DEFAULT '',
	created_at   INTEGER NOT NULL,
	created_by   INTEGER REFERENCES staff_user(id),
	updated_at   INTEGER NOT NULL,
	signed_at    INTEGER,
	signed_by    INTEGER REFERENCES staff_user(id),
	-- Handed to the control sector (seed 001 §3.6.9).
	handed_at    INTEGER,
	handed_by    INTEGER REFERENCES staff_user(id),
	CHECK (handed_at IS NULL OR signed_at IS NOT NULL)
) STRICT;

-- Officials present (people of the directory).
CREATE TABLE protocol_official (
	protocol_id INTEGER NOT NULL REFERENCES protocol(id) ON DELETE CASCADE,
	person_id   INTEGER NOT NULL REFERENCES person(id),
	PRIMARY KEY (protocol_id, person_id)
) STRICT;

-- The questions raised and the answers given, in the order of the protocol.
CREATE TABLE protocol_question (
	id          INTEGER PRIMARY KEY,
	protocol_id INTEGER NOT NULL REFERENCES protocol(id) ON DELETE CASCADE,
	position    INTEGER NOT NULL,
	question    TEXT NOT NULL CHECK (length(question) >= 1),
	answer      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX protocol_question_protocol ON protocol_question(protocol_id, position);

-- Corrections of a signed protocol: never edited, shown after it.
CREATE TABLE protocol_amendment (
	id          INTEGER PRIMARY KEY,
	protocol_id INTEGER NOT NULL REFERENCES protocol(id),
	at          INTEGER NOT NULL,
	user_id     INTEGER REFERENCES staff_user(id),
	text        TEXT NOT NULL CHECK (length(text) >= 1),
	reason      TEXT NOT NULL CHECK (length(reason) >= 1)
) STRICT;
CREATE INDEX protocol_amendment_protocol ON protocol_amendment(protocol_id, at);

-- An instruction: from a protocol or on an appeal, to an executor (a staff member) of a unit,
-- controlled by a controller (a staff member).
CREATE TABLE instruction (
	id            INTEGER PRIMARY KEY,
	protocol_id   INTEGER REFERENCES protocol(id),
	appeal_id     INTEGER REFERENCES appeal(id),
	text          TEXT NOT NULL CHECK (length(text) >= 1),
	executor_id   INTEGER NOT NULL REFERENCES staff_user(id),
	unit          TEXT NOT NULL DEFAULT '',
	controller_id INTEGER NOT NULL REFERENCES staff_user(id),
	-- Local date 'YYYY-MM-DD'.
	due_on        TEXT NOT NULL,
	status        TEXT NOT NULL DEFAULT 'assigned'
	              CHECK (status IN ('assigned', 'in_progress', 'reported', 'accepted',
	                                'returned', 'cancelled')),
	report        TEXT NOT NULL DEFAULT '',
	-- The reason of the last return for rework, or of the cancellation.
	reason        TEXT NOT NULL DEFAULT '',
	created_at    INTEGER NOT NULL,
	created_by    INTEGER REFERENCES staff_user(id),
	updated_at    INTEGER NOT NULL,
	CHECK ((protocol_id IS NULL) <> (appeal_id IS NULL))
) STRICT;
CREATE INDEX instruction_executor ON instruction(executor_id, status, due_on);
CREATE INDEX instruction_protocol ON instruction(protocol_id);
CREATE INDEX instruction_due ON instruction(status, due_on);

-- Every transition of an instruction with who and when.
CREATE TABLE instruction_event (
	id             INTEGER PRIMARY KEY,
	instruction_id INTEGER NOT NULL REFERENCES instruction(id),
	at             INTEGER NOT NULL,
	user_id        INTEGER REFERENCES staff_user(id),
	status         TEXT NOT NULL,
	note           TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX instruction_event_instruction ON instruction_event(instruction_id, id);
