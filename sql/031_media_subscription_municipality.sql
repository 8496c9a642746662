-- 031_media_subscription_municipality.sql — media lists and subscriptions belong to a
-- municipality (issue 18 item 2). Existing contacts and subscriptions of a single-municipality
-- installation move into the own municipality (own = 1); a subscription to a territory into the
-- territory's municipality.

-- The media list of each body: the same editor may be on the district's list and a
-- settlement's, so the address is unique per municipality. Rebuilt with the same ids (the
-- audit log names them); municipality_id is filled by the trigger below when an INSERT names
-- none (the demo, SQL written by hand).
CREATE TABLE media_contact_new (
	id              INTEGER PRIMARY KEY,
	name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	email           TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
	active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	municipality_id INTEGER REFERENCES municipality(id)
) STRICT;
INSERT INTO media_contact_new (id, name, email, active, municipality_id)
SELECT id, name, email, active, (SELECT id FROM municipality WHERE own = 1) FROM media_contact;
DROP TABLE media_contact;
ALTER TABLE media_contact_new RENAME TO media_contact;
CREATE UNIQUE INDEX media_contact_unique ON media_contact (municipality_id, email);
CREATE TRIGGER media_contact_municipality_default AFTER INSERT ON media_contact
WHEN NEW.municipality_id IS NULL
BEGIN
	UPDATE media_contact SET municipality_id = (SELECT id FROM municipality WHERE own = 1)
	WHERE id = NEW.id;
END;

-- A subscription is to the announcements of one municipality (territory_id NULL) or of one of
-- its territories: one per address, municipality and territory.
ALTER TABLE subscription ADD COLUMN municipality_id INTEGER REFERENCES municipality(id);
UPDATE subscription SET municipality_id = coalesce(
	(SELECT municipality_id FROM territory WHERE id = subscription.territory_id),
	(SELECT id FROM municipality WHERE own = 1));
DROP INDEX subscription_unique;
CREATE UNIQUE INDEX subscription_unique
	ON subscription (email, municipality_id, coalesce(territory_id, 0));
CREATE INDEX subscription_municipality ON subscription (municipality_id) WHERE status = 'active';
CREATE TRIGGER subscription_municipality_default AFTER INSERT ON subscription
WHEN NEW.municipality_id IS NULL
BEGIN
	UPDATE subscription SET municipality_id = coalesce(
		(SELECT municipality_id FROM territory WHERE id = NEW.territory_id),
		(SELECT id FROM municipality WHERE own = 1))
	WHERE id = NEW.id;
END;
