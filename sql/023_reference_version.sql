-- 023_reference_version.sql — a counter of the reference data that every process keeps in memory
-- (the territory tree, the meeting kinds, the production calendar, the appeal topics). Each
-- change of those tables moves it, by the triggers below; a worker compares it with the value
-- its copy was read at and reads the tables again only when it moved. Appeals, meetings and
-- everything else residents and staff write every minute leave it alone, so a burst of appeals
-- does not make every page read the territory tree again (issue 22).
CREATE TABLE reference_version (
	id      INTEGER PRIMARY KEY CHECK (id = 1),
	version INTEGER NOT NULL
) STRICT;
INSERT INTO reference_version (id, version) VALUES (1, 1);

CREATE TRIGGER territory_insert_version AFTER INSERT ON territory
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER territory_update_version AFTER UPDATE ON territory
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER territory_delete_version AFTER DELETE ON territory
BEGIN UPDATE reference_version SET version = version + 1; END;

CREATE TRIGGER meeting_kind_insert_version AFTER INSERT ON meeting_kind
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER meeting_kind_update_version AFTER UPDATE ON meeting_kind
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER meeting_kind_delete_version AFTER DELETE ON meeting_kind
BEGIN UPDATE reference_version SET version = version + 1; END;

CREATE TRIGGER calendar_day_insert_version AFTER INSERT ON calendar_day
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER calendar_day_update_version AFTER UPDATE ON calendar_day
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER calendar_day_delete_version AFTER DELETE ON calendar_day
BEGIN UPDATE reference_version SET version = version + 1; END;

CREATE TRIGGER calendar_year_insert_version AFTER INSERT ON calendar_year
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER calendar_year_update_version AFTER UPDATE ON calendar_year
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER calendar_year_delete_version AFTER DELETE ON calendar_year
BEGIN UPDATE reference_version SET version = version + 1; END;

CREATE TRIGGER appeal_topic_insert_version AFTER INSERT ON appeal_topic
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER appeal_topic_update_version AFTER UPDATE ON appeal_topic
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER appeal_topic_delete_version AFTER DELETE ON appeal_topic
BEGIN UPDATE reference_version SET version = version + 1; END;

-- The foreign keys that point at an appeal, indexed: without them every change of an appeal's
-- id or removal had to scan the child tables (sqlite3 .lint fkey-indexes).
CREATE INDEX appeal_repeated_of ON appeal (repeated_of) WHERE repeated_of IS NOT NULL;
CREATE INDEX instruction_appeal ON instruction (appeal_id) WHERE appeal_id IS NOT NULL;
CREATE INDEX reception_booking_appeal ON reception_booking (appeal_id) WHERE appeal_id IS NOT NULL;

-- Indexes most new rows have nothing to put in: an online appeal has no meeting, an
-- acknowledgement no announcement. Partial, they cost such a row nothing; the lookups by a
-- meeting or an announcement (= ?) still use them.
DROP INDEX appeal_meeting;
CREATE INDEX appeal_meeting ON appeal (meeting_id) WHERE meeting_id IS NOT NULL;
DROP INDEX outbox_announcement;
CREATE INDEX outbox_announcement ON outbox (announcement_id) WHERE announcement_id IS NOT NULL;

-- The search index of appeals (appeal_fts, migration 011) is filled after the appeal's own
-- transaction, in batches (appeal_search_catch_up in src/domain/appeal.c): by the supervisor
-- every second, and by the registry before it searches. Appeals up to this id are indexed;
-- the searched columns never change after registration and appeals are never deleted.
CREATE TABLE appeal_search_state (
	id            INTEGER PRIMARY KEY CHECK (id = 1),
	indexed_up_to INTEGER NOT NULL
) STRICT;
INSERT INTO appeal_search_state (id, indexed_up_to) SELECT 1, coalesce(max(id), 0) FROM appeal;
