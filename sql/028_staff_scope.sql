-- 028_staff_scope.sql — staff accounts scoped to bodies (issue 18 item 3): an account works for
-- one municipality, or for a municipal district and every settlement whose district it is.
-- NULL is the whole installation, as before this migration, so every existing account and a
-- single-municipality installation keep working unchanged.
ALTER TABLE staff_user ADD COLUMN municipality_id INTEGER REFERENCES municipality(id);
CREATE INDEX staff_user_municipality ON staff_user (municipality_id)
	WHERE municipality_id IS NOT NULL;

-- A discussion or a survey for the whole of a body names no territory: the body a scoped account
-- created it for is kept here (NULL: by its territory or meeting, else the own municipality).
ALTER TABLE discussion ADD COLUMN municipality_id INTEGER REFERENCES municipality(id);
ALTER TABLE survey ADD COLUMN municipality_id INTEGER REFERENCES municipality(id);
