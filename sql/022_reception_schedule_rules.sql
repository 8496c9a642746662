-- 022_reception_schedule_rules.sql — reception schedules that repeat every week, every other week
-- or on the n-th weekday of the month (seed 002: the head's personal reception «1 раз в месяц по
-- графику»), and that can be edited: the rule, its period and the title are kept so that a
-- change can regenerate the schedule's future receptions (issue 17).
ALTER TABLE reception_schedule ADD COLUMN rule TEXT NOT NULL DEFAULT 'weekly'
	CHECK (rule IN ('weekly', 'biweekly', 'monthly'));
-- monthly: 1..4, 5 = the last such weekday of the month; 0 for the other rules
ALTER TABLE reception_schedule ADD COLUMN ordinal INTEGER NOT NULL DEFAULT 0
	CHECK (ordinal BETWEEN 0 AND 5);
-- the period as local dates, YYYY-MM-DD
ALTER TABLE reception_schedule ADD COLUMN period_from TEXT NOT NULL DEFAULT '';
ALTER TABLE reception_schedule ADD COLUMN period_to TEXT NOT NULL DEFAULT '';
ALTER TABLE reception_schedule ADD COLUMN title TEXT NOT NULL DEFAULT 'Личный приём граждан';

-- Schedules written before: their period from their receptions (UTC dates, which are the local
-- ones for any daytime reception in the zones of Russia) and the title from their series.
UPDATE reception_schedule SET
	period_from = coalesce((SELECT date(min(m.starts_at), 'unixepoch') FROM reception r
	                        JOIN meeting m ON m.id = r.meeting_id
	                        WHERE r.schedule_id = reception_schedule.id), ''),
	period_to = coalesce((SELECT date(max(m.starts_at), 'unixepoch') FROM reception r
	                      JOIN meeting m ON m.id = r.meeting_id
	                      WHERE r.schedule_id = reception_schedule.id), ''),
	title = coalesce((SELECT s.title FROM meeting_series s
	                  WHERE s.id = reception_schedule.series_id), title);
