-- 020_surveys.sql — surveys of residents (issue 20 item 3, seed 002's plan of measures and seed
-- 003 §2.2 item 6): questions of single or multiple choice, a 1–5 scale and free text; one
-- response per signed-in resident or per personal link, which its author may change until the
-- survey closes. Reference-group participants take part without an account through a personal
-- link mailed to each, in surveys and in discussions of drafts (issue 20 item 2).

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
	-- When the notifier mailed the personal links to the reference groups; NULL before.
	announced_at  INTEGER,
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

-- The personal link of a reference-group participant (seed 003) to one survey or one discussion
-- of a draft, mailed by the notifier when it opens: the participant takes part without an
-- account, and what they send is attributed to them. The token is 256 random bits.
CREATE TABLE participant_link (
	id           INTEGER PRIMARY KEY,
	kind         TEXT NOT NULL CHECK (kind IN ('survey', 'discussion')),
	target_id    INTEGER NOT NULL,
	email        TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
	name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	organisation TEXT NOT NULL DEFAULT '',
	token        TEXT NOT NULL UNIQUE CHECK (length(token) = 64),
	created_at   INTEGER NOT NULL,
	UNIQUE (kind, target_id, email)
) STRICT;

-- One response per resident, or per personal link, and survey: the UNIQUE constraints make a
-- second one impossible even when two requests arrive at once; a change replaces the answers.
-- sent counts the times it was sent since window_start, for the hourly limit of changes.
CREATE TABLE survey_response (
	id           INTEGER PRIMARY KEY,
	survey_id    INTEGER NOT NULL REFERENCES survey(id),
	resident_id  INTEGER REFERENCES resident(id),
	link_id      INTEGER REFERENCES participant_link(id),
	created_at   INTEGER NOT NULL,
	updated_at   INTEGER NOT NULL,
	sent         INTEGER NOT NULL DEFAULT 1,
	window_start INTEGER NOT NULL,
	CHECK ((resident_id IS NULL) <> (link_id IS NULL)),
	UNIQUE (survey_id, resident_id),
	UNIQUE (survey_id, link_id)
) STRICT;

-- The answers of a response: for a choice the option's number, for the scale the value 1–5
-- (one row per chosen option of a multiple choice), for free text choice 0 and the text. The
-- results read them through the responses of the survey (no second index: every response
-- written costs one index less).
CREATE TABLE survey_answer (
	response_id INTEGER NOT NULL REFERENCES survey_response(id) ON DELETE CASCADE,
	question_id INTEGER NOT NULL REFERENCES survey_question(id),
	choice      INTEGER NOT NULL DEFAULT 0 CHECK (choice BETWEEN 0 AND 20),
	text        TEXT NOT NULL DEFAULT '' CHECK (length(text) <= 2000),
	PRIMARY KEY (response_id, question_id, choice)
) WITHOUT ROWID, STRICT;

-- A proposal to a discussion sent through a participant's personal link (instead of by a
-- signed-in resident).
ALTER TABLE discussion_proposal ADD COLUMN link_id INTEGER REFERENCES participant_link(id);
CREATE INDEX discussion_proposal_by_link ON discussion_proposal(link_id, created_at);
