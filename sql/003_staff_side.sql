-- 003_staff_side.sql — the staff side: sessions, login throttling, the audit log, information
-- groups, and what scheduling under the 5-day rule records on a meeting.

-- A session is known by the hash of its token only: a copy of the database lets nobody log in.
CREATE TABLE staff_session (
	id           INTEGER PRIMARY KEY,
	token_hash   BLOB NOT NULL UNIQUE,
	user_id      INTEGER NOT NULL REFERENCES staff_user(id) ON DELETE CASCADE,
	csrf_token   TEXT NOT NULL,
	created_at   INTEGER NOT NULL,
	last_seen_at INTEGER NOT NULL,
	remote_addr  TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX staff_session_user ON staff_session(user_id);

-- Failed logins per login name and per address ('login:ivanova', 'addr:203.0.113.5'), whether
-- or not the login exists, so the answers reveal nothing.
CREATE TABLE login_throttle (
	key             TEXT PRIMARY KEY,
	failures        INTEGER NOT NULL,
	last_failure_at INTEGER NOT NULL,
	locked_until    INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Every change made by staff: who, when, what, before and after (JSON objects of the row).
CREATE TABLE audit_log (
	id          INTEGER PRIMARY KEY,
	at          INTEGER NOT NULL,
	user_id     INTEGER REFERENCES staff_user(id),
	login       TEXT NOT NULL,
	action      TEXT NOT NULL,
	entity      TEXT NOT NULL,
	entity_id   INTEGER,
	before_json TEXT,
	after_json  TEXT
) STRICT;
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

ALTER TABLE staff_user ADD COLUMN password_changed_at INTEGER;
