-- 028_meeting_ends_at.sql — the schedule reads its upcoming meetings (those not yet ended) by
-- their end (STMT_MEETING_UPCOMING): a district's database holds ten years of past meetings, and
-- finding the few hundred to come must not read them all (make bench, 100,000 meetings).
CREATE INDEX meeting_ends_at ON meeting (ends_at);
