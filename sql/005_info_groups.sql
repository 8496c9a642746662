-- 005_info_groups.sql — information groups (seed 001 §3.3–3.5): a leader, a secretary and
-- members, all from the people directory, working on one territory; a field meeting may name the
-- group that holds it.

CREATE TABLE info_group (
	id           INTEGER PRIMARY KEY,
	name         TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
	territory_id INTEGER NOT NULL REFERENCES territory(id),
	-- Either may be empty while the head has not appointed one yet; never the same person.
	leader_id    INTEGER REFERENCES person(id),
	secretary_id INTEGER REFERENCES person(id),
	created_at   INTEGER NOT NULL DEFAULT (unixepoch()),
	CHECK (leader_id IS NULL OR secretary_id IS NULL OR leader_id <> secretary_id)
) STRICT;

CREATE TABLE info_group_member (
	group_id  INTEGER NOT NULL REFERENCES info_group(id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL REFERENCES person(id),
	PRIMARY KEY (group_id, person_id)
) WITHOUT ROWID, STRICT;
CREATE INDEX info_group_member_person ON info_group_member(person_id);

ALTER TABLE meeting ADD COLUMN group_id INTEGER REFERENCES info_group(id);
