-- 008_production_calendar.sql — the Russian production calendar (производственный календарь)
-- that working-day deadlines are counted by (src/workdays.c): e.g. the protocol of a meeting is
-- handed to the control sector within 5 working days (seed 001 §3.6.9).
--
-- Only the exceptions from the Monday–Friday week are stored. A year is covered when it has a
-- calendar_year row; for a year without one the code falls back to Monday–Friday minus the fixed
-- holidays of art. 112 of the Labour Code, and says so to the caller.
--
-- Where the seed rows come from (see also README.md, «Производственный календарь»):
--   2025 — постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в
--          2025 году»: 4 Jan → 2 May, 5 Jan → 31 Dec, 23 Feb → 8 May, 8 Mar → 13 Jun,
--          Saturday 1 Nov → Monday 3 Nov; 247 working days.
--   2026 — постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в
--          2026 году»: 3 Jan → 9 Jan, 4 Jan → 31 Dec; 8 Mar and 9 May fall on a weekend and move
--          to the next working day by art. 112 part 2; 247 working days.
--   2027 — no decree was found when this was written: the rows follow from the Labour Code alone
--          (art. 112 holidays, part 2 moves of weekend holidays except the January ones, art. 95
--          pre-holiday short days); 249 working days. The decree will also place the two January
--          holidays that fall on Saturday 2 and Sunday 3 January; an administrator must enter
--          them on /admin/calendar/2027 when it is published.

-- A year whose transfers are known, with the act they come from.
CREATE TABLE calendar_year (
	year       INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
	-- The decree's number and date, or an honest note that there is none yet.
	source     TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
	updated_at INTEGER NOT NULL
) STRICT;

-- One day that differs from the Monday–Friday pattern, or a public holiday:
--   holiday  a non-working public holiday (art. 112, or a regional one), also on a weekend;
--   day_off  a weekday that is a day off (a transferred weekend);
--   working  a Saturday or Sunday made a working day;
--   short    a working day shortened by one hour before a holiday (art. 95); on a Saturday or
--            Sunday it is also a weekend day made working.
CREATE TABLE calendar_day (
	day  TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
	                             AND date(day, '+0 days') IS day), -- a real date: +0 days
	                             -- turns 2026-02-30 into 2026-03-02
	year INTEGER NOT NULL REFERENCES calendar_year(year) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('holiday', 'day_off', 'working', 'short')),
	note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 300),
	CHECK (CAST(substr(day, 1, 4) AS INTEGER) = year)
) STRICT, WITHOUT ROWID;
CREATE INDEX calendar_day_year ON calendar_day(year, day);

INSERT INTO calendar_year (year, source, updated_at) VALUES
	(2025, 'Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»',
	 CAST(strftime('%s', 'now') AS INTEGER)),
	(2026, 'Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»',
	 CAST(strftime('%s', 'now') AS INTEGER)),
	(2027, 'Постановление о переносе выходных дней в 2027 году не найдено: дни выведены из ст. 112 и 95 ТК РФ, без переноса 2 и 3 января — сверьте с постановлением, когда оно будет опубликовано',
	 CAST(strftime('%s', 'now') AS INTEGER));

-- The holidays of art. 112 part 1, every covered year.
WITH years(y) AS (VALUES (2025), (2026), (2027)),
holidays(md, note) AS (VALUES
	('01-01', 'Новогодние каникулы'), ('01-02', 'Новогодние каникулы'),
	('01-03', 'Новогодние каникулы'), ('01-04', 'Новогодние каникулы'),
	('01-05', 'Новогодние каникулы'), ('01-06', 'Новогодние каникулы'),
	('01-07', 'Рождество Христово'), ('01-08', 'Новогодние каникулы'),
	('02-23', 'День защитника Отечества'), ('03-08', 'Международный женский день'),
	('05-01', 'Праздник Весны и Труда'), ('05-09', 'День Победы'),
	('06-12', 'День России'), ('11-04', 'День народного единства'))
INSERT INTO calendar_day (day, year, kind, note)
SELECT printf('%04d-%s', y, md), y, 'holiday', note FROM years, holidays;

INSERT INTO calendar_day (day, year, kind, note) VALUES
	-- 2025, decree № 1335.
	('2025-03-07', 2025, 'short', 'Предпраздничный день'),
	('2025-04-30', 2025, 'short', 'Предпраздничный день'),
	('2025-05-02', 2025, 'day_off', 'Перенос с субботы 4 января'),
	('2025-05-08', 2025, 'day_off', 'Перенос с воскресенья 23 февраля'),
	('2025-06-11', 2025, 'short', 'Предпраздничный день'),
	('2025-06-13', 2025, 'day_off', 'Перенос с субботы 8 марта'),
	('2025-11-01', 2025, 'short', 'Рабочая суббота (выходной перенесён на 3 ноября), предпраздничный день'),
	('2025-11-03', 2025, 'day_off', 'Перенос с субботы 1 ноября'),
	('2025-12-31', 2025, 'day_off', 'Перенос с воскресенья 5 января'),
	-- 2026, decree № 1466.
	('2026-01-09', 2026, 'day_off', 'Перенос с субботы 3 января'),
	('2026-03-09', 2026, 'day_off', 'Перенос с воскресенья 8 марта (ч. 2 ст. 112 ТК РФ)'),
	('2026-04-30', 2026, 'short', 'Предпраздничный день'),
	('2026-05-08', 2026, 'short', 'Предпраздничный день'),
	('2026-05-11', 2026, 'day_off', 'Перенос с субботы 9 мая (ч. 2 ст. 112 ТК РФ)'),
	('2026-06-11', 2026, 'short', 'Предпраздничный день'),
	('2026-11-03', 2026, 'short', 'Предпраздничный день'),
	('2026-12-31', 2026, 'day_off', 'Перенос с воскресенья 4 января'),
	-- 2027, from the Labour Code alone (no decree yet).
	('2027-02-22', 2027, 'short', 'Предпраздничный день (ст. 95 ТК РФ)'),
	('2027-04-30', 2027, 'short', 'Предпраздничный день (ст. 95 ТК РФ)'),
	('2027-05-03', 2027, 'day_off', 'Перенос с субботы 1 мая (ч. 2 ст. 112 ТК РФ)'),
	('2027-05-10', 2027, 'day_off', 'Перенос с воскресенья 9 мая (ч. 2 ст. 112 ТК РФ)'),
	('2027-06-11', 2027, 'short', 'Предпраздничный день (ст. 95 ТК РФ)'),
	('2027-06-14', 2027, 'day_off', 'Перенос с субботы 12 июня (ч. 2 ст. 112 ТК РФ)'),
	('2027-11-03', 2027, 'short', 'Предпраздничный день (ст. 95 ТК РФ)'),
	('2027-12-31', 2027, 'short', 'Предпраздничный день (ст. 95 ТК РФ); постановление может сделать его выходным');
