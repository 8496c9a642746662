-- 030_groups_plan_municipality.sql — reference groups and the plan of measures belong to a
-- municipality (issue 18 item 2); existing ones move into the own municipality (own = 1), so a
-- single-municipality installation keeps them all. Information groups need nothing: each works on
-- a territory (NOT NULL), and a territory is one municipality's.

-- A reference group's name is unique within its municipality, not across the district (two
-- settlements may each have «Предприниматели»). SQLite cannot change a UNIQUE in place: the table
-- is rebuilt with its ids. The rows that name a group are set aside while the old table goes
-- (dropping it would otherwise cascade to the participants) and put back under the same ids.
CREATE TEMP TABLE m030_member AS
	SELECT id, group_id, name, organisation, email FROM reference_group_member;
CREATE TEMP TABLE m030_meeting AS SELECT meeting_id, group_id FROM meeting_reference_group;
CREATE TEMP TABLE m030_discussion AS
	SELECT discussion_id, group_id FROM discussion_reference_group;
CREATE TEMP TABLE m030_survey AS SELECT survey_id, group_id FROM survey_reference_group;
DELETE FROM reference_group_member;
DELETE FROM meeting_reference_group;
DELETE FROM discussion_reference_group;
DELETE FROM survey_reference_group;

CREATE TABLE reference_group_new (
	id              INTEGER PRIMARY KEY,
	-- The body whose group it is; set from the own municipality when an insert names none
	-- (the trigger below).
	municipality_id INTEGER REFERENCES municipality(id),
	name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	description     TEXT NOT NULL DEFAULT '',
	UNIQUE (municipality_id, name)
) STRICT;
INSERT INTO reference_group_new (id, municipality_id, name, description)
	SELECT id, (SELECT id FROM municipality WHERE own = 1), name, description
	  FROM reference_group;
DROP TABLE reference_group;
ALTER TABLE reference_group_new RENAME TO reference_group;

INSERT INTO reference_group_member (id, group_id, name, organisation, email)
	SELECT id, group_id, name, organisation, email FROM temp.m030_member;
INSERT INTO meeting_reference_group (meeting_id, group_id)
	SELECT meeting_id, group_id FROM temp.m030_meeting;
INSERT INTO discussion_reference_group (discussion_id, group_id)
	SELECT discussion_id, group_id FROM temp.m030_discussion;
INSERT INTO survey_reference_group (survey_id, group_id)
	SELECT survey_id, group_id FROM temp.m030_survey;
DROP TABLE temp.m030_member;
DROP TABLE temp.m030_meeting;
DROP TABLE temp.m030_discussion;
DROP TABLE temp.m030_survey;

-- An insert that names no body (SQL written by hand, the demo) makes the own municipality's group.
CREATE TRIGGER reference_group_municipality_default AFTER INSERT ON reference_group
WHEN NEW.municipality_id IS NULL
BEGIN
	UPDATE reference_group SET municipality_id = (SELECT id FROM municipality WHERE own = 1)
	WHERE id = NEW.id;
END;

-- A measure of the plan is one body's: a settlement's plan, or the district's own.
ALTER TABLE plan_measure ADD COLUMN municipality_id INTEGER REFERENCES municipality(id);
UPDATE plan_measure SET municipality_id = (SELECT id FROM municipality WHERE own = 1);
CREATE INDEX plan_measure_municipality ON plan_measure (municipality_id);
CREATE TRIGGER plan_measure_municipality_default AFTER INSERT ON plan_measure
WHEN NEW.municipality_id IS NULL
BEGIN
	UPDATE plan_measure SET municipality_id = (SELECT id FROM municipality WHERE own = 1)
	WHERE id = NEW.id;
END;
