-- 006_meeting_series.sql — recurring series of meetings: "the head's personal reception every
-- first Tuesday, 10:00–12:00, room 5" or a group's tour of several villages. A series produces
-- ordinary draft meetings, each of which can then be changed, approved or cancelled alone.
CREATE TABLE meeting_series (
	id          INTEGER PRIMARY KEY,
	title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
	kind        TEXT NOT NULL REFERENCES meeting_kind(code),
	rule        TEXT NOT NULL CHECK (rule IN ('weekly', 'monthly', 'tour')),
	description TEXT NOT NULL DEFAULT '',
	created_by  INTEGER REFERENCES staff_user(id),
	created_at  INTEGER NOT NULL
) STRICT;

ALTER TABLE meeting ADD COLUMN series_id INTEGER REFERENCES meeting_series(id);
CREATE INDEX meeting_series_id ON meeting(series_id);
