-- 021_plan.sql — the plan of measures (issue 20 item 4, seed 002: the plan of measures of the
-- Sosnovsky district, order № 803 of 20.08.2020): each measure with its periodicity, the units
-- that answer for it and what proves it happened, and the records staff enter by hand.

-- What may prove that a measure happened. The portal finds meetings and discussions itself;
-- a record is entered by hand with its document. A survey becomes one more row here (and one
-- row of plan_evidence_kinds in src/admin/plan_status.c) once surveys exist.
CREATE TABLE plan_evidence_kind (
	code       TEXT PRIMARY KEY,
	name       TEXT NOT NULL,
	sort_order INTEGER NOT NULL
) WITHOUT ROWID, STRICT;
INSERT INTO plan_evidence_kind (code, name, sort_order) VALUES
 ('meeting', 'Проведённая встреча', 10),
 ('discussion', 'Завершённое обсуждение с заключением', 20),
 ('record', 'Отметка с документом', 40);

-- A measure of the plan. item: its number in the plan as staff write it («1.3»). due_on: the
-- last day of a measure done once by a date. meeting_kind: for evidence 'meeting', the kind of
-- meeting that proves it.
CREATE TABLE plan_measure (
	id           INTEGER PRIMARY KEY,
	item         TEXT NOT NULL CHECK (length(item) BETWEEN 1 AND 20),
	text         TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
	periodicity  TEXT NOT NULL CHECK (periodicity IN ('monthly', 'quarterly', 'half_yearly',
	                                                  'yearly', 'once', 'permanent')),
	due_on       TEXT CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	units        TEXT NOT NULL DEFAULT '' CHECK (length(units) <= 500),
	evidence     TEXT NOT NULL REFERENCES plan_evidence_kind(code),
	meeting_kind TEXT REFERENCES meeting_kind(code),
	created_at   INTEGER NOT NULL,
	created_by   INTEGER REFERENCES staff_user(id),
	CHECK ((periodicity = 'once') = (due_on IS NOT NULL)),
	CHECK ((evidence = 'meeting') = (meeting_kind IS NOT NULL))
) STRICT;

-- A record entered by hand that a measure happened on done_on (local date), with its document
-- (checked by content as appeal files are, stored under uploads/ by SHA-256).
CREATE TABLE plan_record (
	id         INTEGER PRIMARY KEY,
	measure_id INTEGER NOT NULL REFERENCES plan_measure(id),
	done_on    TEXT NOT NULL CHECK (done_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	note       TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
	file_name  TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
	mime       TEXT NOT NULL,
	size       INTEGER NOT NULL CHECK (size >= 0),
	sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES staff_user(id)
) STRICT;
CREATE INDEX plan_record_measure ON plan_record(measure_id, done_on);
