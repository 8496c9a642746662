-- 007_notifier.sql — what the notifier (build/portal-notify) and the press office need: the
-- announcements made (the proof that place and time were published at least 5 days ahead), the
-- outbox every mail and webhook goes through, recorded violations of the 5-day rule, the media
-- list, reference groups (seed 003) chosen for a meeting, residents' subscriptions, and the
-- staff's own e-mail addresses for alerts.

-- One publication of a meeting's place and time, or of its cancellation: made by the notifier in
-- the same transaction as its outbox rows. The first 'announcement' of a meeting is the proof of
-- the 5-day rule; every later change of place or time gets a 'change' and restarts the clock.
CREATE TABLE announcement (
	id           INTEGER PRIMARY KEY,
	meeting_id   INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
	kind         TEXT NOT NULL CHECK (kind IN ('announcement', 'change', 'cancellation')),
	-- When it went out: the announcement page on the site and /press from this moment.
	published_at INTEGER NOT NULL,
	-- What was published: the time and the place at that moment.
	starts_at    INTEGER NOT NULL,
	ends_at      INTEGER NOT NULL,
	venue_id     INTEGER REFERENCES venue(id),
	-- Whether published_at was at least 5 full local days before starts_at (src/rules.c).
	five_days_kept INTEGER NOT NULL CHECK (five_days_kept IN (0, 1)),
	-- The last meeting_change this one publishes (NULL for the first announcement): a meeting
	-- changed twice before a run is announced once with its current place and time.
	change_id    INTEGER REFERENCES meeting_change(id)
) STRICT;
CREATE INDEX announcement_meeting ON announcement(meeting_id, published_at);
CREATE INDEX announcement_published ON announcement(published_at);

-- Everything that leaves the system. A row is written in the same transaction as the change
-- that causes it; dedup_key makes every rule idempotent (a second run inserts nothing). The
-- notifier delivers 'pending' rows whose next_attempt_at has come and marks them 'sent' after
-- the server accepted them; a crash between the two resends only that one message. After
-- max_attempts failures a row is 'dead' and waits on /admin/outbox, where a person retries it
-- or discards it.
CREATE TABLE outbox (
	id              INTEGER PRIMARY KEY,
	dedup_key       TEXT NOT NULL UNIQUE,
	channel         TEXT NOT NULL CHECK (channel IN ('mail', 'webhook')),
	-- An e-mail address, or the name of a webhook in [webhooks] of the configuration.
	recipient       TEXT NOT NULL CHECK (length(recipient) BETWEEN 1 AND 320),
	subject         TEXT NOT NULL DEFAULT '',
	-- Plain UTF-8 text of a mail, or the JSON document of a webhook.
	body            TEXT NOT NULL,
	-- For subscribers: the one-click unsubscribe link (List-Unsubscribe, RFC 8058).
	unsubscribe_url TEXT NOT NULL DEFAULT '',
	purpose         TEXT NOT NULL CHECK (purpose IN ('announcement', 'change', 'cancellation',
	                                                 'reminder', 'police', 'alert', 'violation',
	                                                 'digest', 'confirmation', 'acknowledgement',
	                                                 'notice')),
	meeting_id      INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
	announcement_id INTEGER REFERENCES announcement(id),
	created_at      INTEGER NOT NULL,
	status          TEXT NOT NULL DEFAULT 'pending'
	                CHECK (status IN ('pending', 'sent', 'dead', 'discarded')),
	attempts        INTEGER NOT NULL DEFAULT 0,
	next_attempt_at INTEGER NOT NULL,
	last_error      TEXT NOT NULL DEFAULT '',
	sent_at         INTEGER
) STRICT;
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_announcement ON outbox(announcement_id);
CREATE INDEX outbox_sent ON outbox(sent_at) WHERE status = 'sent';

-- A rule the portal enforces was broken: recorded once, reported, shown to the controller.
CREATE TABLE rule_violation (
	id          INTEGER PRIMARY KEY,
	meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
	rule        TEXT NOT NULL CHECK (rule IN ('announce_5_days')),
	-- The start time the meeting had, and the moment its deadline passed (the local start of
	-- the day after the last day of publication). Moved to another time, it is no longer in
	-- breach; the violation stays on record.
	starts_at   INTEGER NOT NULL,
	deadline_at INTEGER NOT NULL,
	detected_at INTEGER NOT NULL,
	details     TEXT NOT NULL DEFAULT '',
	UNIQUE (meeting_id, rule, deadline_at)
) STRICT;

-- The media list: editors who receive every announcement (seed 000 §3.1).
CREATE TABLE media_contact (
	id      INTEGER PRIMARY KEY,
	name    TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	email   TEXT NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254),
	active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

-- Reference groups of stakeholders (seed 003): the organiser chooses which of them a meeting's
-- announcement is mailed to.
CREATE TABLE reference_group (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
	description TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE reference_group_member (
	id           INTEGER PRIMARY KEY,
	group_id     INTEGER NOT NULL REFERENCES reference_group(id) ON DELETE CASCADE,
	name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	organisation TEXT NOT NULL DEFAULT '',
	email        TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
	UNIQUE (group_id, email)
) STRICT;

CREATE TABLE meeting_reference_group (
	meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
	group_id   INTEGER NOT NULL REFERENCES reference_group(id),
	PRIMARY KEY (meeting_id, group_id)
) WITHOUT ROWID, STRICT;

-- Residents' subscriptions to announcements, for the whole municipality (territory_id NULL) or
-- one territory. Double opt-in: 'pending' until the link in the confirmation mail is followed.
-- The token (random, 256 bits) is in the confirmation and unsubscribe links.
CREATE TABLE subscription (
	id              INTEGER PRIMARY KEY,
	email           TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
	territory_id    INTEGER REFERENCES territory(id),
	token           TEXT NOT NULL UNIQUE,
	status          TEXT NOT NULL DEFAULT 'pending'
	                CHECK (status IN ('pending', 'active', 'unsubscribed')),
	created_at      INTEGER NOT NULL,
	confirmed_at    INTEGER,
	unsubscribed_at INTEGER
) STRICT;
CREATE UNIQUE INDEX subscription_unique ON subscription(email, coalesce(territory_id, 0));

-- Alerts and digests go to staff by role; this is where.
ALTER TABLE staff_user ADD COLUMN email TEXT NOT NULL DEFAULT '';
