-- 019_discussions.sql — public discussions of draft municipal acts (issue 20 item 1, seeds 002
-- and 003): the draft with its text, the proposals of signed-in residents under pre-moderation,
-- and the conclusion with an outcome for every published proposal.

-- A draft put up for discussion. The text is the draft itself, shown as HTML text (decree
-- № 102: never only a file). The period is in local dates, both inclusive. form: 'online', or
-- 'hearing' with the meeting (a public hearing) it belongs to. territory_id NULL: the whole
-- municipality.
CREATE TABLE discussion (
	id            INTEGER PRIMARY KEY,
	title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
	unit          TEXT NOT NULL CHECK (length(unit) BETWEEN 1 AND 200),
	body          TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 200000),
	form          TEXT NOT NULL DEFAULT 'online' CHECK (form IN ('online', 'hearing')),
	meeting_id    INTEGER REFERENCES meeting(id),
	territory_id  INTEGER REFERENCES territory(id),
	opens_on      TEXT NOT NULL CHECK (opens_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	closes_on     TEXT NOT NULL CHECK (closes_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	conclusion    TEXT NOT NULL DEFAULT '',
	concluded_at  INTEGER,
	concluded_by  INTEGER REFERENCES staff_user(id),
	created_at    INTEGER NOT NULL,
	created_by    INTEGER REFERENCES staff_user(id),
	-- When the notifier announced the opening (mail, /press, /feed.atom); NULL before.
	announced_at  INTEGER,
	CHECK (closes_on >= opens_on),
	CHECK ((form = 'hearing') = (meeting_id IS NOT NULL))
) STRICT;
CREATE INDEX discussion_closes ON discussion(closes_on);
CREATE INDEX discussion_unannounced ON discussion(opens_on) WHERE announced_at IS NULL;

-- Files of a draft (PDF, ODT, DOCX, checked by content as appeal files are): an addition to the
-- text on the page, never the only copy (decree № 102). Stored under uploads/ by SHA-256.
CREATE TABLE discussion_file (
	id            INTEGER PRIMARY KEY,
	discussion_id INTEGER NOT NULL REFERENCES discussion(id) ON DELETE CASCADE,
	file_name     TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
	mime          TEXT NOT NULL,
	size          INTEGER NOT NULL CHECK (size >= 0),
	sha256        TEXT NOT NULL CHECK (length(sha256) = 64)
) STRICT;
CREATE INDEX discussion_file_discussion ON discussion_file(discussion_id);

-- The reference groups (seed 003) a discussion is put to: the opening is mailed to their
-- participants (targeted mailing, seed 003 §3.1.2), as for meetings.
CREATE TABLE discussion_reference_group (
	discussion_id INTEGER NOT NULL REFERENCES discussion(id) ON DELETE CASCADE,
	group_id      INTEGER NOT NULL REFERENCES reference_group(id),
	PRIMARY KEY (discussion_id, group_id)
) WITHOUT ROWID, STRICT;

-- A proposal or remark of a resident, to the whole draft (point '') or to a point of it. The
-- author's name is as they signed it and shown as they chose (show_as); the e-mail address is
-- where moderation and the conclusion are mailed, never shown. pending → published | refused
-- (with the reason mailed to the author); a published one gets its outcome in the conclusion.
CREATE TABLE discussion_proposal (
	id             INTEGER PRIMARY KEY,
	discussion_id  INTEGER NOT NULL REFERENCES discussion(id),
	resident_id    INTEGER REFERENCES resident(id),
	point          TEXT NOT NULL DEFAULT '' CHECK (length(point) <= 100),
	text           TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
	author_name    TEXT NOT NULL CHECK (length(author_name) BETWEEN 1 AND 200),
	show_as        TEXT NOT NULL CHECK (show_as IN ('full', 'initials')),
	email          TEXT NOT NULL DEFAULT '',
	status         TEXT NOT NULL DEFAULT 'pending'
	               CHECK (status IN ('pending', 'published', 'refused')),
	refusal_reason TEXT NOT NULL DEFAULT '',
	moderated_at   INTEGER,
	moderated_by   INTEGER REFERENCES staff_user(id),
	outcome        TEXT CHECK (outcome IN ('accepted', 'partial', 'rejected')),
	outcome_reason TEXT NOT NULL DEFAULT '',
	created_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX discussion_proposal_by_discussion ON discussion_proposal(discussion_id, status);
CREATE INDEX discussion_proposal_by_resident ON discussion_proposal(resident_id, created_at);
