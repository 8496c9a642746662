-- 017_residents.sql — residents who sign in (issue 16): through the municipality's ЕСИА gateway
-- (OpenID Connect) or with a one-time code sent to their e-mail address; their sessions, kept
-- apart from staff sessions; pending sign-ins (state, nonce, PKCE verifier) used once; the drafts
-- of appeals kept across a sign-in; how each appeal's author was authenticated; the resident's
-- verdict on an answer.

-- A resident is known by the provider's subject ('esia') or by the address ('email').
CREATE TABLE resident (
	id           INTEGER PRIMARY KEY,
	method       TEXT NOT NULL CHECK (method IN ('esia', 'email')),
	subject      TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 320),
	surname      TEXT NOT NULL DEFAULT '',
	name         TEXT NOT NULL DEFAULT '',
	patronymic   TEXT NOT NULL DEFAULT '',
	email        TEXT NOT NULL DEFAULT '',
	phone        TEXT NOT NULL DEFAULT '',
	address      TEXT NOT NULL DEFAULT '',
	-- 1: the provider says the identity is confirmed (ЕСИА's trusted account).
	confirmed    INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
	created_at   INTEGER NOT NULL,
	last_login_at INTEGER NOT NULL,
	-- Closing the account removes the personal data kept for the account itself; appeals stay
	-- in the registry (59-ФЗ, the archive rules) with what the applicant wrote in them.
	closed_at    INTEGER,
	UNIQUE (method, subject)
) STRICT;

-- Sessions by the hash of their token only, as staff sessions (003_staff_side.sql).
CREATE TABLE resident_session (
	id           INTEGER PRIMARY KEY,
	token_hash   BLOB NOT NULL UNIQUE,
	resident_id  INTEGER NOT NULL REFERENCES resident(id) ON DELETE CASCADE,
	csrf_token   TEXT NOT NULL,
	created_at   INTEGER NOT NULL,
	last_seen_at INTEGER NOT NULL,
	-- The provider's ID token, for its end-session endpoint (id_token_hint); '' for e-mail.
	id_token     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX resident_session_resident ON resident_session(resident_id);

-- A sign-in through the provider that has begun: found by the hash of its state, deleted when
-- the provider sends the resident back (so a state is used at most once), useless after 10
-- minutes.
CREATE TABLE oidc_pending (
	state_hash    BLOB PRIMARY KEY,
	nonce         TEXT NOT NULL,
	code_verifier TEXT NOT NULL,
	return_to     TEXT NOT NULL,
	created_at    INTEGER NOT NULL
) STRICT;

-- One-time codes by e-mail: one row per address, the code hashed (BLAKE2b keyed by the address),
-- at most 5 tries, 10 minutes, a new code at most once a minute.
CREATE TABLE email_code (
	email      TEXT PRIMARY KEY,
	code_hash  BLOB NOT NULL,
	sent_at    INTEGER NOT NULL,
	expires_at INTEGER NOT NULL,
	tries      INTEGER NOT NULL DEFAULT 0,
	return_to  TEXT NOT NULL DEFAULT '/account'
) STRICT;

-- What a resident typed in the appeal form before being sent to sign in: found by the hash of
-- a random token in a cookie, kept for a day, deleted when restored. Files are not kept (the
-- form says to choose them again).
CREATE TABLE appeal_draft (
	token_hash BLOB PRIMARY KEY,
	fields     TEXT NOT NULL,   -- JSON object: field name → value
	created_at INTEGER NOT NULL
) STRICT;

-- How the author of an appeal was authenticated: 'esia' (confirmed: the trusted account),
-- 'email' (a one-time code), 'none' (registered before this change, on paper, or with
-- [appeals] identification = none).
ALTER TABLE appeal ADD COLUMN resident_id INTEGER REFERENCES resident(id);
ALTER TABLE appeal ADD COLUMN auth_method TEXT NOT NULL DEFAULT 'none'
	CHECK (auth_method IN ('esia', 'email', 'none'));
ALTER TABLE appeal ADD COLUMN auth_confirmed INTEGER NOT NULL DEFAULT 0
	CHECK (auth_confirmed IN (0, 1));
-- The resident's verdict on the answer (ПОС): resolved or not, with a comment.
ALTER TABLE appeal ADD COLUMN verdict TEXT CHECK (verdict IN ('resolved', 'unresolved'));
ALTER TABLE appeal ADD COLUMN verdict_comment TEXT NOT NULL DEFAULT '';
ALTER TABLE appeal ADD COLUMN verdict_at INTEGER;
CREATE INDEX appeal_resident ON appeal(resident_id, registered_at) WHERE resident_id IS NOT NULL;
