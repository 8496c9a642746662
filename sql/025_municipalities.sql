-- 025_municipalities.sql — municipalities as an entity (issue 18): a municipal district and its
-- urban and rural settlements (131-ФЗ), each with its head, administration, contacts and registry
-- of appeals. Territories are parts of one municipality; meetings and appeals belong to one.
-- Existing data moves into ONE municipality, the installation's own (own = 1): this migration
-- creates it empty and `portal-admin init` fills it from portal.ini's [municipality] section
-- (municipality_own_from_config in src/domain/municipality.c), so a single-municipality
-- installation looks as it did.
CREATE TABLE municipality (
	id              INTEGER PRIMARY KEY,
	kind            TEXT NOT NULL CHECK (kind IN ('municipal_district', 'urban_settlement',
	                                              'rural_settlement', 'city_okrug',
	                                              'municipal_okrug')),
	-- The district a settlement belongs to; NULL at the top.
	district_id     INTEGER REFERENCES municipality(id) CHECK (district_id IS NOT id),
	name            TEXT NOT NULL CHECK (length(name) <= 200),  -- «Берёзовка»
	official_name   TEXT NOT NULL DEFAULT '' CHECK (length(official_name) <= 300),
	administration  TEXT NOT NULL DEFAULT '' CHECK (length(administration) <= 300),
	-- Cyrillic capitals that start its appeals' numbers («БРЗ-2026-00012»); '' keeps the plain
	-- «2026-00012». UNIQUE: numbers never collide, and at most one municipality has none.
	code            TEXT NOT NULL DEFAULT '' UNIQUE CHECK (length(code) <= 8),
	-- /m/<slug>: Latin letters, digits and hyphens.
	slug            TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 32
	                                            AND slug NOT GLOB '*[^a-z0-9-]*'),
	head_person_id  INTEGER REFERENCES person(id),
	address         TEXT NOT NULL DEFAULT '',
	phone           TEXT NOT NULL DEFAULT '',
	email           TEXT NOT NULL DEFAULT '',
	reception_hours TEXT NOT NULL DEFAULT '',
	site_url        TEXT NOT NULL DEFAULT '',
	timezone        TEXT NOT NULL DEFAULT '',
	-- 1 for the municipality portal.ini describes: records that name no municipality and no
	-- territory (an appeal without a territory, a territory at the top) belong to it.
	own             INTEGER NOT NULL DEFAULT 0 CHECK (own IN (0, 1))
) STRICT;
CREATE UNIQUE INDEX municipality_own ON municipality (own) WHERE own = 1;
CREATE INDEX municipality_district ON municipality (district_id) WHERE district_id IS NOT NULL;
CREATE INDEX municipality_head ON municipality (head_person_id) WHERE head_person_id IS NOT NULL;

-- name '' marks the row portal-admin init has not filled from portal.ini yet.
INSERT INTO municipality (id, kind, name, slug, own) VALUES (1, 'urban_settlement', '', 'main', 1);

ALTER TABLE territory ADD COLUMN municipality_id INTEGER REFERENCES municipality(id);
ALTER TABLE meeting ADD COLUMN municipality_id INTEGER REFERENCES municipality(id);
ALTER TABLE appeal ADD COLUMN municipality_id INTEGER REFERENCES municipality(id);
UPDATE territory SET municipality_id = 1;
UPDATE meeting SET municipality_id = 1;
UPDATE appeal SET municipality_id = 1;
CREATE INDEX territory_municipality ON territory (municipality_id);
CREATE INDEX meeting_municipality ON meeting (municipality_id, starts_at);
CREATE INDEX appeal_municipality ON appeal (municipality_id);

-- How a record finds its municipality when the statement that writes it names none (SQL written
-- by hand, the demo, older statements): a territory from its parent, at the top the own one; a
-- meeting always from its territory (a district's meeting sits in a territory of the district);
-- an appeal from its territory, without one the own municipality.
CREATE TRIGGER territory_municipality_default AFTER INSERT ON territory
WHEN NEW.municipality_id IS NULL
BEGIN
	UPDATE territory SET municipality_id = coalesce(
		(SELECT p.municipality_id FROM territory p WHERE p.id = NEW.parent_id),
		(SELECT id FROM municipality WHERE own = 1))
	WHERE id = NEW.id;
END;
CREATE TRIGGER meeting_municipality_insert AFTER INSERT ON meeting
WHEN NEW.municipality_id IS NOT (SELECT municipality_id FROM territory WHERE id = NEW.territory_id)
BEGIN
	UPDATE meeting SET municipality_id =
		(SELECT municipality_id FROM territory WHERE id = NEW.territory_id)
	WHERE id = NEW.id;
END;
CREATE TRIGGER meeting_municipality_update AFTER UPDATE OF territory_id ON meeting
WHEN NEW.municipality_id IS NOT (SELECT municipality_id FROM territory WHERE id = NEW.territory_id)
BEGIN
	UPDATE meeting SET municipality_id =
		(SELECT municipality_id FROM territory WHERE id = NEW.territory_id)
	WHERE id = NEW.id;
END;
-- A territory moved to another municipality takes its meetings along.
CREATE TRIGGER territory_municipality_meetings AFTER UPDATE OF municipality_id ON territory
BEGIN
	UPDATE meeting SET municipality_id = NEW.municipality_id WHERE territory_id = NEW.id;
END;
CREATE TRIGGER appeal_municipality_default AFTER INSERT ON appeal
WHEN NEW.municipality_id IS NULL
BEGIN
	UPDATE appeal SET municipality_id = coalesce(
		(SELECT municipality_id FROM territory WHERE id = NEW.territory_id),
		(SELECT id FROM municipality WHERE own = 1))
	WHERE id = NEW.id;
END;

-- Registration numbers are counted per municipality (its registry) and year, starting from the
-- year's counter of migration 009 for the own municipality. That counter stays: it still gives
-- appeal.seq, the installation-wide order of the year that UNIQUE (year, seq) of migration 009
-- demands (a table constraint no migration can drop without rebuilding the registry); in a
-- single-municipality installation both counters move together, so seq is the number's.
CREATE TABLE appeal_number_counter (
	municipality_id INTEGER NOT NULL REFERENCES municipality(id),
	year            INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
	last            INTEGER NOT NULL CHECK (last >= 0),
	PRIMARY KEY (municipality_id, year)
) STRICT, WITHOUT ROWID;
INSERT INTO appeal_number_counter (municipality_id, year, last)
	SELECT 1, year, last FROM appeal_counter;

-- Reference data: a change of a municipality moves the version every process compares
-- (migration 023).
CREATE TRIGGER municipality_insert_version AFTER INSERT ON municipality
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER municipality_update_version AFTER UPDATE ON municipality
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER municipality_delete_version AFTER DELETE ON municipality
BEGIN UPDATE reference_version SET version = version + 1; END;
