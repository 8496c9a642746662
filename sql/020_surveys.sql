-- 020_surveys.sql — surveys of residents (issue 20 item 3, seed 002's plan of measures and seed
-- 003 §2.2 item 6): questions of single or multiple choice, a 1–5 scale and free text; one
-- response per signed-in resident, which its author may change until the survey closes.

-- A survey. The period is in local dates, both inclusive. audience: 'all' residents, the
-- residents of a 'territory', or the participants of chosen reference 'groups'. results: 'live'
-- (shown to everyone while it runs) or 'closed' (only once the period is over). preset: the code
-- of a ready survey it was made from ('openness' with its year), '' for one written by hand.
CREATE TABLE survey (
	id            INTEGER PRIMARY KEY,
	title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
	intro         TEXT NOT NULL DEFAULT '' CHECK (length(intro) <= 5000),
	audience      TEXT NOT NULL CHECK (audience IN ('all', 'territory', 'groups')),
	territory_id  INTEGER REFERENCES territory(id),
	opens_on      TEXT NOT NULL CHECK (opens_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	closes_on     TEXT NOT NULL CHECK (closes_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	results       TEXT NOT NULL CHECK (results IN ('live', 'closed')),
	preset        TEXT NOT NULL DEFAULT '',
	created_at    INTEGER NOT NULL,
	created_by    INTEGER REFERENCES staff_user(id),
	CHECK (closes_on >= opens_on),
	CHECK ((audience = 'territory') = (territory_id IS NOT NULL))
) STRICT;
CREATE INDEX survey_closes ON survey(closes_on);
-- A ready survey is made once a year.
CREATE UNIQUE INDEX survey_preset ON survey(preset) WHERE preset <> '';

-- The reference groups (seed 003) a survey is addressed to.
CREATE TABLE survey_reference_group (
	survey_id INTEGER NOT NULL REFERENCES survey(id) ON DELETE CASCADE,
	group_id  INTEGER NOT NULL REFERENCES reference_group(id),
	PRIMARY KEY (survey_id, group_id)
) WITHOUT ROWID, STRICT;

-- A question, in its place in the survey. kind: 'single' choice, 'multiple' choice, 'scale'
-- (1 to 5), free 'text' (seen by staff only).
CREATE TABLE survey_question (
	id        INTEGER PRIMARY KEY,
	survey_id INTEGER NOT NULL REFERENCES survey(id) ON DELETE CASCADE,
	position  INTEGER NOT NULL CHECK (position BETWEEN 1 AND 20),
	kind      TEXT NOT NULL CHECK (kind IN ('single', 'multiple', 'scale', 'text')),
	text      TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
	required  INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
	UNIQUE (survey_id, position)
) STRICT;

-- The options of a choice question, numbered from 1 in the order shown.
CREATE TABLE survey_option (
	question_id INTEGER NOT NULL REFERENCES survey_question(id) ON DELETE CASCADE,
	position    INTEGER NOT NULL CHECK (position BETWEEN 1 AND 20),
	label       TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
	PRIMARY KEY (question_id, position)
) WITHOUT ROWID, STRICT;

-- One response per resident and survey: the UNIQUE constraint makes a second one impossible
-- even when two requests of the same resident arrive at once; a change replaces the answers.
CREATE TABLE survey_response (
	id          INTEGER PRIMARY KEY,
	survey_id   INTEGER NOT NULL REFERENCES survey(id),
	resident_id INTEGER NOT NULL REFERENCES resident(id),
	created_at  INTEGER NOT NULL,
	updated_at  INTEGER NOT NULL,
	UNIQUE (survey_id, resident_id)
) STRICT;

-- The answers of a response: for a choice the option's number, for the scale the value 1–5
-- (one row per chosen option of a multiple choice), for free text choice 0 and the text.
CREATE TABLE survey_answer (
	response_id INTEGER NOT NULL REFERENCES survey_response(id) ON DELETE CASCADE,
	question_id INTEGER NOT NULL REFERENCES survey_question(id),
	choice      INTEGER NOT NULL DEFAULT 0 CHECK (choice BETWEEN 0 AND 20),
	text        TEXT NOT NULL DEFAULT '' CHECK (length(text) <= 2000),
	PRIMARY KEY (response_id, question_id, choice)
) WITHOUT ROWID, STRICT;
CREATE INDEX survey_answer_question ON survey_answer(question_id, choice);

-- Every response sent or changed, for the per-resident hourly limit.
CREATE TABLE survey_submission (
	resident_id INTEGER NOT NULL REFERENCES resident(id),
	at          INTEGER NOT NULL
) STRICT;
CREATE INDEX survey_submission_resident ON survey_submission(resident_id, at);
