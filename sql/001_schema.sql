-- 001_schema.sql — the foundation schema: territories, venues, people, meeting kinds, meetings
-- and their invitees, staff accounts. Times are INTEGER seconds since the epoch, UTC; they are
-- shown and compared in the municipality's own zone by the application.

CREATE TABLE territory (
	id        INTEGER PRIMARY KEY,
	parent_id INTEGER REFERENCES territory(id),
	level     TEXT NOT NULL CHECK (level IN ('district', 'settlement', 'microdistrict')),
	name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	UNIQUE (parent_id, name)
) STRICT;
CREATE INDEX territory_parent ON territory(parent_id);

CREATE TABLE venue (
	id           INTEGER PRIMARY KEY,
	territory_id INTEGER NOT NULL REFERENCES territory(id),
	name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
	address      TEXT NOT NULL CHECK (length(address) BETWEEN 1 AND 300),
	kind         TEXT NOT NULL CHECK (kind IN ('culture', 'education', 'sport', 'administration',
	                                           'outdoor', 'other')),
	capacity     INTEGER CHECK (capacity IS NULL OR capacity > 0)
) STRICT;

-- Officials, deputies of every level, police, prosecutors, heads of enterprises: whoever hosts a
-- meeting or is invited to one. Contacts are for staff; public pages show name and position only.
CREATE TABLE person (
	id           INTEGER PRIMARY KEY,
	full_name    TEXT NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
	position     TEXT NOT NULL DEFAULT '',
	organisation TEXT NOT NULL DEFAULT '',
	category     TEXT NOT NULL CHECK (category IN ('official', 'deputy', 'police', 'prosecutor',
	                                               'enterprise', 'public', 'other')),
	email        TEXT NOT NULL DEFAULT '',
	phone        TEXT NOT NULL DEFAULT ''
) STRICT;

-- Kinds of meetings, each with its legal basis (seed documents) and required frequency.
CREATE TABLE meeting_kind (
	code         TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND length(code) <= 32),
	name         TEXT NOT NULL,
	legal_basis  TEXT NOT NULL,
	frequency    TEXT NOT NULL DEFAULT '',
	sort_order   INTEGER NOT NULL
) STRICT;

-- Life cycle: draft → approved → held; or cancelled / postponed. Drafts are never public.
-- A postponed meeting keeps its row: starts_at is the new time, postponed_from the old one.
-- announced_at is set when the announcement went out (the notifier).
CREATE TABLE meeting (
	id                  INTEGER PRIMARY KEY,
	kind                TEXT NOT NULL REFERENCES meeting_kind(code),
	title               TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
	description         TEXT NOT NULL DEFAULT '',
	territory_id        INTEGER NOT NULL REFERENCES territory(id),
	venue_id            INTEGER REFERENCES venue(id),
	starts_at           INTEGER NOT NULL,
	ends_at             INTEGER NOT NULL,
	host_id             INTEGER REFERENCES person(id),
	organising_unit     TEXT NOT NULL DEFAULT '',
	expected_attendance INTEGER CHECK (expected_attendance IS NULL OR expected_attendance >= 0),
	status              TEXT NOT NULL DEFAULT 'draft'
	                    CHECK (status IN ('draft', 'approved', 'postponed', 'cancelled', 'held')),
	status_reason       TEXT NOT NULL DEFAULT '',
	postponed_from      INTEGER,
	announced_at        INTEGER,
	attendance          INTEGER CHECK (attendance IS NULL OR attendance >= 0),
	created_at          INTEGER NOT NULL DEFAULT (unixepoch()),
	updated_at          INTEGER NOT NULL DEFAULT (unixepoch()),
	CHECK (ends_at > starts_at)
) STRICT;
CREATE INDEX meeting_starts_at ON meeting(starts_at);
CREATE INDEX meeting_territory ON meeting(territory_id, starts_at);

CREATE TABLE meeting_invitee (
	meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
	person_id  INTEGER NOT NULL REFERENCES person(id),
	PRIMARY KEY (meeting_id, person_id)
) WITHOUT ROWID, STRICT;

-- Staff accounts. The password is an argon2id string from libsodium (crypto_pwhash_str).
CREATE TABLE staff_user (
	id            INTEGER PRIMARY KEY,
	login         TEXT NOT NULL UNIQUE CHECK (login GLOB '[a-z0-9]*' AND length(login) BETWEEN 2 AND 64),
	full_name     TEXT NOT NULL DEFAULT '',
	role          TEXT NOT NULL CHECK (role IN ('admin', 'organizer', 'secretary', 'press',
	                                           'executor', 'controller')),
	password_hash TEXT NOT NULL,
	disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
	created_at    INTEGER NOT NULL DEFAULT (unixepoch())
) STRICT;
