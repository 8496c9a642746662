-- 029_district_indexes.sql — indexes for a district's database after years of use (issue 18:
-- 50 municipalities, 100,000 meetings with their announcements and protocols; make bench).
-- The schedule reads its upcoming meetings (those not yet ended) by their end
-- (STMT_MEETING_UPCOMING) instead of walking ten years of past ones; the columns its filter and
-- order read are in the index, so the few hundred to come are sorted without reading their rows.
CREATE INDEX meeting_ends_at ON meeting (ends_at, starts_at, status, kind, territory_id,
                                         municipality_id);
-- The staff home page counts each kind's meetings of the year and each information group's
-- field meetings from these indexes alone (STMT_DASH_KIND_COUNT, STMT_DASH_GROUPS).
CREATE INDEX meeting_kind_starts ON meeting (kind, starts_at, status);
CREATE INDEX meeting_group_kind ON meeting (group_id, kind, starts_at) WHERE group_id IS NOT NULL;
-- Protocols not yet handed to the control sector (STMT_DASH_HELD), and the signed ones newest
-- first (the results in the Atom feed, STMT_FEED_ENTRIES).
CREATE INDEX protocol_unhanded ON protocol (meeting_id) WHERE handed_at IS NULL;
CREATE INDEX protocol_signed ON protocol (signed_at) WHERE signed_at IS NOT NULL;
