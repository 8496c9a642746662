-- zelenoborsk.sql — demo municipality for `portal-admin init --demo` and the tests: городское
-- поселение Зеленоборск (UTC+5) in Советский район beside сельское поселение Берёзовка, their
-- territories, venues, officials and 25 meetings placed
-- around today (past ones held, coming ones approved, a few drafts, one postponed, one cancelled).
-- The people are invented. Local times are written as UTC by subtracting the zone's 5 hours;
-- days are counted from the local date, date('now', '+5 hours'), so that between 19:00 and
-- 24:00 UTC (after midnight in the municipality) «3 days ago» is still three local days.

INSERT INTO territory (id, parent_id, level, name) VALUES
 (1, NULL, 'district', 'Советский район'),
 (2, 1, 'settlement', 'городское поселение Зеленоборск'),
 (3, 2, 'microdistrict', 'микрорайон Центральный'),
 (4, 2, 'microdistrict', 'микрорайон Молодёжный'),
 (5, 2, 'microdistrict', 'микрорайон Лесной'),
 (6, 1, 'settlement', 'сельское поселение Берёзовка'),
 (7, 6, 'microdistrict', 'деревня Кедровая');

INSERT INTO venue (id, territory_id, name, address, kind, capacity) VALUES
 (1, 3, 'Дом культуры «Современник»', 'ул. Политехническая, 15', 'culture', 350),
 (2, 3, 'Администрация городского поселения, зал заседаний', 'ул. Ленина, 1', 'administration', 60),
 (3, 4, 'Средняя общеобразовательная школа № 2', 'ул. Молодёжная, 9', 'education', 200),
 (4, 5, 'Спортивный комплекс «Олимп»', 'ул. Лесная, 3а', 'sport', 150),
 (5, 3, 'Сквер Победы', 'пересечение ул. Ленина и ул. Мира', 'outdoor', NULL),
 (6, 6, 'Сельский клуб', 'с. Берёзовка, ул. Центральная, 4', 'culture', 80),
 (7, 7, 'Библиотека', 'д. Кедровая, ул. Школьная, 2', 'culture', 30);

INSERT INTO person (id, full_name, position, organisation, category, email, phone) VALUES
 (1, 'Соколова Анна Викторовна', 'Глава городского поселения Зеленоборск', 'Администрация городского поселения Зеленоборск', 'official', 'glava@zelenoborsk.example', '+7 34675 2-00-01'),
 (2, 'Петров Игорь Сергеевич', 'Заместитель главы городского поселения', 'Администрация городского поселения Зеленоборск', 'official', 'zam@zelenoborsk.example', '+7 34675 2-00-02'),
 (3, 'Кузнецова Ольга Николаевна', 'Руководитель информационной группы № 1', 'Администрация городского поселения Зеленоборск', 'official', 'ig1@zelenoborsk.example', ''),
 (4, 'Морозов Дмитрий Алексеевич', 'Депутат Совета депутатов городского поселения', 'Совет депутатов городского поселения Зеленоборск', 'deputy', '', ''),
 (5, 'Васильева Елена Петровна', 'Депутат Думы Советского района', 'Дума Советского района', 'deputy', '', ''),
 (6, 'Никитин Сергей Владимирович', 'Начальник отделения полиции', 'ОМВД России по Советскому району', 'police', '', ''),
 (7, 'Орлова Марина Юрьевна', 'Помощник прокурора', 'Прокуратура Советского района', 'prosecutor', '', ''),
 (8, 'Захаров Павел Ильич', 'Директор', 'ООО «Зеленоборский ЛПК»', 'enterprise', '', ''),
 (9, 'Лебедева Татьяна Андреевна', 'Начальник отдела ЖКХ', 'Администрация городского поселения Зеленоборск', 'official', '', '');

-- Municipalities (sql/025_municipalities.sql, issue 18): the demo is Советский район, a municipal
-- district, with two settlements of its own: городское поселение Зеленоборск (the installation's
-- own municipality, filled from portal.ini by `portal-admin init`; its appeals keep the plain
-- numbers «2026-00001») and сельское поселение Берёзовка. Territory 1 is the district's, 2–5
-- Зеленоборск's, 6–7 Берёзовка's; each meeting follows its territory.
INSERT INTO person (id, full_name, position, organisation, category, email, phone) VALUES
 (10, 'Григорьев Алексей Николаевич', 'Глава Советского района', 'Администрация Советского района', 'official', 'glava@sovetsky-rayon.example', '+7 34675 3-00-01'),
 (11, 'Ефимова Галина Степановна', 'Глава сельского поселения Берёзовка', 'Администрация сельского поселения Берёзовка', 'official', 'glava@berezovka.example', '+7 34675 4-10-01');

INSERT INTO municipality (id, kind, district_id, name, official_name, administration, code, slug,
                          head_person_id, address, phone, email, reception_hours, site_url,
                          timezone) VALUES
 (2, 'municipal_district', NULL, 'Советский район', 'Советский муниципальный район',
  'Администрация Советского района', 'СОВ', 'sovetsky-rayon', 10,
  '628240, ХМАО — Югра, г. Советский, ул. 50 лет Пионерии, 10', '+7 34675 3-00-00',
  'adm@sovetsky-rayon.example', 'понедельник — пятница, 9:00–17:00', 'https://sovetsky-rayon.example',
  'Asia/Yekaterinburg'),
 (3, 'rural_settlement', 2, 'Берёзовка', 'Сельское поселение Берёзовка',
  'Администрация сельского поселения Берёзовка', 'БРЗ', 'berezovka', 11,
  '628250, ХМАО — Югра, Советский район, с. Берёзовка, ул. Центральная, 4', '+7 34675 4-10-00',
  'adm@berezovka.example', 'вторник и четверг, 9:00–13:00', '', 'Asia/Yekaterinburg');
UPDATE municipality SET district_id = 2, official_name = 'Городское поселение Зеленоборск',
       head_person_id = 1 WHERE own = 1;
UPDATE territory SET municipality_id = 2 WHERE id = 1;
UPDATE territory SET municipality_id = 3 WHERE id IN (6, 7);

-- Meetings. day(N, 'HH:MM') below is spelled out as
-- unixepoch(date('now', '+5 hours', 'N days') || ' HH:MM') - 18000.
INSERT INTO meeting (id, kind, title, description, territory_id, venue_id, starts_at, ends_at, host_id,
                     organising_unit, expected_attendance, status, status_reason, postponed_from,
                     announced_at, attendance) VALUES
 (1, 'head_mass', 'Итоги года и планы благоустройства', 'Глава поселения расскажет об итогах года и ответит на вопросы жителей.', 3, 1,
  unixepoch(date('now', '+5 hours', '-150 days') || ' 18:00') - 18000, unixepoch(date('now', '+5 hours', '-150 days') || ' 20:00') - 18000, 1,
  'Организационный сектор', 250, 'held', '', NULL, unixepoch(date('now', '+5 hours', '-160 days')) - 18000, 214),
 (2, 'group_field', 'Содержание дворовых территорий микрорайона Молодёжный', '', 4, 3,
  unixepoch(date('now', '+5 hours', '-120 days') || ' 17:30') - 18000, unixepoch(date('now', '+5 hours', '-120 days') || ' 19:00') - 18000, 3,
  'Организационный сектор', 60, 'held', '', NULL, unixepoch(date('now', '+5 hours', '-128 days')) - 18000, 47),
 (3, 'personal_reception', 'Личный приём главы поселения', 'Запись по телефону приёмной.', 3, 2,
  unixepoch(date('now', '+5 hours', '-100 days') || ' 10:00') - 18000, unixepoch(date('now', '+5 hours', '-100 days') || ' 12:00') - 18000, 1,
  'Приёмная главы', NULL, 'held', '', NULL, unixepoch(date('now', '+5 hours', '-110 days')) - 18000, 9),
 (4, 'public_hearing', 'Публичные слушания по проекту бюджета', '', 3, 1,
  unixepoch(date('now', '+5 hours', '-90 days') || ' 18:00') - 18000, unixepoch(date('now', '+5 hours', '-90 days') || ' 19:30') - 18000, 2,
  'Финансовый отдел', 120, 'held', '', NULL, unixepoch(date('now', '+5 hours', '-110 days')) - 18000, 86),
 (5, 'gathering', 'Сход граждан деревни Кедровая', 'Вопросы водоснабжения и ремонта дороги.', 7, 7,
  unixepoch(date('now', '+5 hours', '-75 days') || ' 15:00') - 18000, unixepoch(date('now', '+5 hours', '-75 days') || ' 16:30') - 18000, 2,
  'Организационный сектор', 25, 'held', '', NULL, unixepoch(date('now', '+5 hours', '-85 days')) - 18000, 21),
 (6, 'personal_reception', 'Личный приём главы поселения', 'Запись по телефону приёмной.', 3, 2,
  unixepoch(date('now', '+5 hours', '-70 days') || ' 10:00') - 18000, unixepoch(date('now', '+5 hours', '-70 days') || ' 12:00') - 18000, 1,
  'Приёмная главы', NULL, 'held', '', NULL, unixepoch(date('now', '+5 hours', '-80 days')) - 18000, 12),
 (7, 'group_field', 'Работа общественного транспорта', '', 5, 4,
  unixepoch(date('now', '+5 hours', '-60 days') || ' 18:00') - 18000, unixepoch(date('now', '+5 hours', '-60 days') || ' 19:30') - 18000, 3,
  'Организационный сектор', 80, 'cancelled', 'Режим повышенной готовности: сильный мороз.', NULL, unixepoch(date('now', '+5 hours', '-70 days')) - 18000, NULL),
 (8, 'personal_reception', 'Личный приём главы поселения', 'Запись по телефону приёмной.', 3, 2,
  unixepoch(date('now', '+5 hours', '-40 days') || ' 10:00') - 18000, unixepoch(date('now', '+5 hours', '-40 days') || ' 12:00') - 18000, 1,
  'Приёмная главы', NULL, 'held', '', NULL, unixepoch(date('now', '+5 hours', '-50 days')) - 18000, 7),
 (9, 'group_field', 'Уличное освещение и безопасность на дорогах', '', 6, 6,
  unixepoch(date('now', '+5 hours', '-25 days') || ' 17:00') - 18000, unixepoch(date('now', '+5 hours', '-25 days') || ' 18:30') - 18000, 3,
  'Организационный сектор', 40, 'held', '', NULL, unixepoch(date('now', '+5 hours', '-33 days')) - 18000, 33),
 (10, 'forum', 'Форум общественных организаций «Реальные дела»', 'Сбор наказов жителей в программу на следующий год.', 3, 1,
  unixepoch(date('now', '+5 hours', '-12 days') || ' 11:00') - 18000, unixepoch(date('now', '+5 hours', '-12 days') || ' 15:00') - 18000, 1,
  'Отдел по социальной политике', 200, 'held', '', NULL, unixepoch(date('now', '+5 hours', '-30 days')) - 18000, 176),
 (11, 'personal_reception', 'Личный приём главы поселения', 'Запись по телефону приёмной.', 3, 2,
  unixepoch(date('now', '+5 hours', '-10 days') || ' 10:00') - 18000, unixepoch(date('now', '+5 hours', '-10 days') || ' 12:00') - 18000, 1,
  'Приёмная главы', NULL, 'held', '', NULL, unixepoch(date('now', '+5 hours', '-20 days')) - 18000, 11),
 (12, 'group_field', 'Подготовка к отопительному сезону', 'Информационная группа № 1 ответит на вопросы о теплоснабжении.', 4, 3,
  unixepoch(date('now', '+5 hours', '+6 days') || ' 18:00') - 18000, unixepoch(date('now', '+5 hours', '+6 days') || ' 19:30') - 18000, 3,
  'Организационный сектор', 70, 'approved', '', NULL, unixepoch(date('now', '+5 hours', '-3 days')) - 18000, NULL),
 (13, 'personal_reception', 'Личный приём главы поселения', 'Запись по телефону приёмной.', 3, 2,
  unixepoch(date('now', '+5 hours', '+9 days') || ' 10:00') - 18000, unixepoch(date('now', '+5 hours', '+9 days') || ' 12:00') - 18000, 1,
  'Приёмная главы', NULL, 'approved', '', NULL, unixepoch(date('now', '+5 hours', '-1 days')) - 18000, NULL),
 (14, 'head_mass', 'Встреча главы с жителями микрорайона Лесной', 'Благоустройство, дороги, работа поликлиники.', 5, 4,
  unixepoch(date('now', '+5 hours', '+14 days') || ' 18:00') - 18000, unixepoch(date('now', '+5 hours', '+14 days') || ' 20:00') - 18000, 1,
  'Организационный сектор', 300, 'postponed', 'Совпадение с районным мероприятием; перенесено по решению главы.',
  unixepoch(date('now', '+5 hours', '+8 days') || ' 18:00') - 18000, unixepoch(date('now', '+5 hours', '-2 days')) - 18000, NULL),
 (15, 'gathering', 'Сход граждан села Берёзовка', 'Выбор проекта инициативного бюджетирования.', 6, 6,
  unixepoch(date('now', '+5 hours', '+17 days') || ' 16:00') - 18000, unixepoch(date('now', '+5 hours', '+17 days') || ' 17:30') - 18000, 2,
  'Организационный сектор', 60, 'approved', '', NULL, NULL, NULL),
 (16, 'group_field', 'Вывоз твёрдых коммунальных отходов', '', 3, 2,
  unixepoch(date('now', '+5 hours', '+20 days') || ' 17:30') - 18000, unixepoch(date('now', '+5 hours', '+20 days') || ' 19:00') - 18000, 3,
  'Организационный сектор', 40, 'cancelled', 'Вопрос рассмотрен на встрече главы с населением.', NULL, unixepoch(date('now', '+5 hours', '-1 days')) - 18000, NULL),
 (17, 'head_report', 'Отчёт главы сельского поселения Берёзовка', '', 6, 6,
  unixepoch(date('now', '+5 hours', '+24 days') || ' 15:00') - 18000, unixepoch(date('now', '+5 hours', '+24 days') || ' 17:00') - 18000, 2,
  'Администрация сельского поселения', 70, 'approved', '', NULL, NULL, NULL),
 (18, 'personal_reception', 'Личный приём главы поселения', 'Запись по телефону приёмной.', 3, 2,
  unixepoch(date('now', '+5 hours', '+39 days') || ' 10:00') - 18000, unixepoch(date('now', '+5 hours', '+39 days') || ' 12:00') - 18000, 1,
  'Приёмная главы', NULL, 'approved', '', NULL, NULL, NULL),
 (19, 'public_hearing', 'Общественные обсуждения проекта благоустройства сквера Победы', '', 3, 5,
  unixepoch(date('now', '+5 hours', '+45 days') || ' 12:00') - 18000, unixepoch(date('now', '+5 hours', '+45 days') || ' 13:30') - 18000, 9,
  'Отдел ЖКХ', 100, 'approved', '', NULL, NULL, NULL),
 (20, 'group_field', 'Ремонт дорог в микрорайоне Центральный', '', 3, 1,
  unixepoch(date('now', '+5 hours', '+52 days') || ' 18:00') - 18000, unixepoch(date('now', '+5 hours', '+52 days') || ' 19:30') - 18000, 3,
  'Организационный сектор', 90, 'draft', '', NULL, NULL, NULL),
 (21, 'personal_reception', 'Личный приём главы поселения', 'Запись по телефону приёмной.', 3, 2,
  unixepoch(date('now', '+5 hours', '+69 days') || ' 10:00') - 18000, unixepoch(date('now', '+5 hours', '+69 days') || ' 12:00') - 18000, 1,
  'Приёмная главы', NULL, 'approved', '', NULL, NULL, NULL),
 (22, 'group_field', 'Летний отдых детей', '', 4, 3,
  unixepoch(date('now', '+5 hours', '+75 days') || ' 17:30') - 18000, unixepoch(date('now', '+5 hours', '+75 days') || ' 19:00') - 18000, 3,
  'Отдел по социальной политике', 50, 'draft', '', NULL, NULL, NULL),
 (23, 'head_mass', 'Встреча главы с жителями: первое полугодие', '', 3, 1,
  unixepoch(date('now', '+5 hours', '+95 days') || ' 18:00') - 18000, unixepoch(date('now', '+5 hours', '+95 days') || ' 20:00') - 18000, 1,
  'Организационный сектор', 300, 'approved', '', NULL, NULL, NULL),
 (24, 'gathering', 'Сход граждан деревни Кедровая', 'Итоги ремонта дороги.', 7, 7,
  unixepoch(date('now', '+5 hours', '+110 days') || ' 15:00') - 18000, unixepoch(date('now', '+5 hours', '+110 days') || ' 16:30') - 18000, 2,
  'Организационный сектор', 25, 'approved', '', NULL, NULL, NULL),
 (25, 'public_hearing', 'Публичные слушания по проекту бюджета Советского района', 'Слушания проводит Дума Советского района для жителей всех поселений района.', 1, 1,
  unixepoch(date('now', '+5 hours', '-40 days') || ' 18:00') - 18000, unixepoch(date('now', '+5 hours', '-40 days') || ' 20:00') - 18000, 10,
  'Финансовое управление администрации района', 150, 'held', '', NULL, unixepoch(date('now', '+5 hours', '-60 days')) - 18000, 132);

INSERT INTO meeting_invitee (meeting_id, person_id) VALUES
 (1, 4), (1, 5), (1, 6), (1, 7), (1, 8),
 (2, 4), (2, 9),
 (4, 4), (4, 5),
 (9, 6), (9, 4),
 (10, 4), (10, 5), (10, 8),
 (12, 4), (12, 9), (12, 8),
 (14, 4), (14, 5), (14, 6), (14, 7), (14, 9),
 (15, 5), (15, 6),
 (17, 5),
 (19, 9), (19, 4),
 (23, 4), (23, 5), (23, 6), (23, 7), (23, 8);

-- Information groups (sql/005_info_groups.sql; seed 001 §3.3): leader, secretary and members from
-- the people above; each field meeting of a group names it.
INSERT INTO info_group (id, name, territory_id, leader_id, secretary_id, created_at) VALUES
 (1, 'Информационная группа № 1', 4, 3, 9, unixepoch(date('now', '+5 hours', '-200 days')) - 18000),
 (2, 'Информационная группа № 2', 6, 2, NULL, unixepoch(date('now', '+5 hours', '-200 days')) - 18000);

INSERT INTO info_group_member (group_id, person_id) VALUES
 (1, 4), (1, 6), (1, 8),
 (2, 5), (2, 7);

UPDATE meeting SET group_id = CASE WHEN territory_id IN (6, 7) THEN 2 ELSE 1 END
 WHERE kind = 'group_field';

-- The press office (sql/007_notifier.sql): the media list, and the announcements the notifier
-- would have made for the meetings above that carry announced_at, with their delivered mail and
-- social-network posts, so /press, /feed.atom, the media plan and the proof of publication on a
-- meeting's staff page have content. five_days_kept follows src/domain/rules.c: the meeting's local day
-- is at least 5 days after the local day of publication.
INSERT INTO media_contact (id, name, email, active) VALUES
 (1, 'Газета «Зеленоборский вестник»', 'redakciya@vestnik-zelenoborsk.example', 1),
 (2, 'Телекомпания «Зеленоборск-ТВ»', 'news@zelenoborsk-tv.example', 1),
 (3, 'Радио «Северная волна»', 'efir@severnaya-volna.example', 0);

-- Meeting 14 was first announced for its earlier time and then announced again as a change;
-- meetings 7 and 16 were announced and later cancelled.
INSERT INTO announcement (meeting_id, kind, published_at, starts_at, ends_at, venue_id, five_days_kept)
SELECT id, 'announcement',
       CASE id WHEN 14 THEN unixepoch(date('now', '+5 hours', '-10 days')) - 18000 + 36000
               WHEN 16 THEN unixepoch(date('now', '+5 hours', '-8 days')) - 18000 + 36000
               WHEN 7 THEN announced_at
               ELSE announced_at + 36000 END,
       coalesce(postponed_from, starts_at), coalesce(postponed_from, starts_at) + (ends_at - starts_at),
       venue_id, 1
  FROM meeting WHERE announced_at IS NOT NULL ORDER BY starts_at;
INSERT INTO announcement (meeting_id, kind, published_at, starts_at, ends_at, venue_id, five_days_kept)
SELECT id, 'change', announced_at + 36000, starts_at, ends_at, venue_id, 1 FROM meeting WHERE id = 14;
INSERT INTO announcement (meeting_id, kind, published_at, starts_at, ends_at, venue_id, five_days_kept)
SELECT id, 'cancellation',
       CASE id WHEN 7 THEN unixepoch(date('now', '+5 hours', '-62 days')) - 18000 + 36000
               ELSE announced_at + 36000 END,
       starts_at, ends_at, venue_id, 1 FROM meeting WHERE id IN (7, 16);
UPDATE announcement SET five_days_kept =
       date(starts_at + 18000, 'unixepoch') >= date(published_at + 18000, 'unixepoch', '+5 days')
 WHERE kind <> 'cancellation';

-- The notifier sets announced_at with each announcement it makes.
UPDATE meeting SET announced_at = (SELECT max(published_at) FROM announcement a
                                   WHERE a.meeting_id = meeting.id)
 WHERE announced_at IS NOT NULL;

-- What each announcement of the coming meetings sent: mail to the active media list and a post to
-- the 'vk' webhook, all delivered ten minutes after publication.
INSERT INTO outbox (dedup_key, channel, recipient, subject, body, purpose, meeting_id,
                    announcement_id, created_at, status, attempts, next_attempt_at, sent_at)
SELECT 'demo/' || a.id || '/mail/' || c.email, 'mail', c.email, 'Анонс встречи', 'Демонстрационное письмо',
       a.kind, a.meeting_id, a.id, a.published_at, 'sent', 1, a.published_at, a.published_at + 600
  FROM announcement a JOIN media_contact c ON c.active = 1
 WHERE a.meeting_id IN (12, 13, 14, 16);
INSERT INTO outbox (dedup_key, channel, recipient, subject, body, purpose, meeting_id,
                    announcement_id, created_at, status, attempts, next_attempt_at, sent_at)
SELECT 'demo/' || a.id || '/webhook/vk', 'webhook', 'vk', '', '{}', a.kind, a.meeting_id, a.id,
       a.published_at, 'sent', 1, a.published_at, a.published_at + 600
  FROM announcement a WHERE a.meeting_id IN (12, 13, 14, 16);
-- Reference groups (sql/007_notifier.sql; seed 003): stakeholders the organiser can tick on a
-- meeting so its announcement is mailed to them. The participants and addresses are invented.
INSERT INTO reference_group (id, name, description) VALUES
 (1, 'Предприниматели Зеленоборска', 'Малый и средний бизнес: торговля, услуги, перевозки.'),
 (2, 'Старшее поколение', 'Совет ветеранов и общественные организации пенсионеров.');

INSERT INTO reference_group_member (group_id, name, organisation, email) VALUES
 (1, 'Григорьев Павел Андреевич', 'ИП Григорьев П. А.', 'grigoriev@business.example'),
 (1, 'Лебедева Марина Олеговна', 'ООО «Зеленоборсктранс»', 'info@zbtrans.example'),
 (1, 'Фёдоров Илья Сергеевич', 'Совет предпринимателей при главе поселения', 'fedorov@business.example'),
 (2, 'Смирнова Галина Ивановна', 'Совет ветеранов городского поселения', 'veterany@zelenoborsk.example'),
 (2, 'Орлов Виктор Павлович', 'Общество инвалидов Советского района', 'orlov@invalidy.example');

-- Their consent to the mail (152-ФЗ, sql/015_records.sql), recorded by the administrator; the
-- token is in the link of every mail that withdraws it.
INSERT INTO reference_consent (email, given_at, given_how, recorded_by, token)
SELECT lower(email), unixepoch('now', '-60 days'),
       'письменное согласие на получение анонсов, заседание группы ' ||
       strftime('%d.%m.%Y', 'now', '+5 hours', '-60 days'),
       (SELECT id FROM staff_user WHERE login = 'admin'), lower(hex(randomblob(32)))
  FROM reference_group_member;

-- The approved meeting 12 is mailed to both groups.
INSERT INTO meeting_reference_group (meeting_id, group_id) VALUES (12, 1), (12, 2);

-- Residents' subscriptions: one waiting for confirmation, two active (the whole municipality and
-- one microdistrict). Fixed demo tokens, so the web gates can open their pages.
INSERT INTO subscription (id, email, territory_id, token, status, created_at, confirmed_at) VALUES
 (1, 'zhitel@mail.example', NULL, 'demo-pending-token-0000000000000000000000000', 'pending',
  unixepoch('now', '-1 day'), NULL),
 (2, 'ivanova@mail.example', NULL, 'demo-active-token-1111111111111111111111111', 'active',
  unixepoch('now', '-30 days'), unixepoch('now', '-30 days')),
 (3, 'semenov@mail.example', 4, 'demo-active-token-2222222222222222222222222', 'active',
  unixepoch('now', '-10 days'), unixepoch('now', '-10 days'));

-- Appeals (sql/009_appeals.sql): one answered online and published (a question from the held
-- meeting 1), one handed in at that meeting and in work, one personal-reception card just
-- registered. The private codes are unknown (random hashes): the demo appeals cannot be followed
-- on /appeals/status. Numbers continue in appeal_number_counter (Зеленоборск's registry).
INSERT INTO appeal (id, year, seq, number, code_hash, source, addressee, surname, name, patronymic,
                    email, address, territory_id, topic_code, text, consent_at, received_at,
                    registered_at, meeting_id, status, unit, answer_due, forward_due, answer,
                    answered_at, outcome, closed_at, public_question, public_answer, published_at,
                    reception_by, oral, oral_answer, oral_consent)
VALUES
 (1, CAST(strftime('%Y', 'now', '+5 hours') AS INTEGER), 1,
  strftime('%Y', 'now', '+5 hours') || '-00001', randomblob(32), 'online', 'head',
  'Смирнова', 'Ольга', 'Игоревна', 'smirnova@mail.example', '', 3, '0005.0005.0056',
  'На улице Ленина у дома 12 третью неделю не горят фонари. Прошу восстановить освещение.',
  unixepoch('now', '-20 days'), unixepoch('now', '-20 days'), unixepoch('now', '-20 days'), 1,
  'answered', 'Отдел ЖКХ', date('now', '+5 hours', '+5 hours', '-20 days', '+30 days'),
  date('now', '+5 hours', '+5 hours', '-20 days', '+7 days'),
  'Освещение восстановлено 10 ноября: заменены два светильника и кабель.',
  unixepoch('now', '-8 days'), 'answered', unixepoch('now', '-8 days'),
  'Когда восстановят уличное освещение на улице Ленина?',
  'Освещение на улице Ленина восстановлено: заменены светильники и участок кабеля. Сети уличного освещения проверяются ежемесячно.',
  unixepoch('now', '-7 days'), '', 0, '', 0),
 (2, CAST(strftime('%Y', 'now', '+5 hours') AS INTEGER), 2,
  strftime('%Y', 'now', '+5 hours') || '-00002', randomblob(32), 'meeting', 'head',
  'Кравцов', 'Андрей', '', '', '628245, Зеленоборск, ул. Молодёжная, 7, кв. 3', 4, NULL,
  'Прошу отремонтировать детскую площадку во дворе дома 7 по улице Молодёжной.',
  NULL, unixepoch('now', '-12 days'), unixepoch('now', '-11 days'), 1, 'in_work',
  'Отдел благоустройства', date('now', '+5 hours', '+5 hours', '-11 days', '+30 days'),
  date('now', '+5 hours', '+5 hours', '-11 days', '+7 days'), '', NULL, NULL, NULL, '', '', NULL, '', 0, '', 0),
 (3, CAST(strftime('%Y', 'now', '+5 hours') AS INTEGER), 3,
  strftime('%Y', 'now', '+5 hours') || '-00003', randomblob(32), 'reception', 'head',
  'Белова', 'Нина', 'Петровна', '', '628245, Зеленоборск, ул. Лесная, 2', 5, NULL,
  'Устно: просит установить скамейки у остановки «Лесная».',
  NULL, unixepoch('now', '-1 day'), unixepoch('now', '-1 day'), NULL, 'registered', '',
  date('now', '+5 hours', '+5 hours', '-1 day', '+30 days'), date('now', '+5 hours', '+5 hours', '-1 day', '+7 days'),
  '', NULL, NULL, NULL, '', '', NULL, 'Соколова А. В., глава поселения', 1,
  'Обещано рассмотреть при планировании благоустройства на следующий год.', 1);
INSERT INTO appeal_counter (year, last) VALUES (CAST(strftime('%Y', 'now', '+5 hours') AS INTEGER), 3);
INSERT INTO appeal_number_counter (municipality_id, year, last)
 SELECT id, CAST(strftime('%Y', 'now', '+5 hours') AS INTEGER), 3 FROM municipality WHERE own = 1;
INSERT INTO appeal_event (appeal_id, at, action, note)
SELECT id, registered_at, 'registered', '' FROM appeal;
-- Their words reach the search index as every appeal's do: appeal_search_catch_up (the
-- supervisor's second, or the registry's first search).
-- The account glava (portal-admin creates it) belongs to the head, who chairs the head's meetings
-- and signs their protocols (sql/013_protocol_signing.sql).
UPDATE staff_user SET person_id = 1 WHERE login = 'glava';
-- The signed protocol of the forum (meeting 10), chaired and signed by the head, handed over to
-- the control sector, with its questions (both free of personal data, so shown on the site),
-- decisions and instructions (sql/012_protocols.sql), so the public page shows the results. The
-- executor and controller are the demo accounts portal-admin creates first.
INSERT INTO protocol (id, meeting_id, number, held_on, place, chair_id, secretary_id, attendance,
                      decisions, photo_url, video_url, created_at, updated_at, signed_at, signed_by,
                      handed_at, handed_by)
VALUES (1, 10, '10-П', date('now', '+5 hours', '-12 days'), 'Дом культуры «Юность», ул. Ленина, 12', 1, 9, 176,
        'Включить в программу благоустройства на следующий год ремонт тротуаров по улице Лесной и '
        || 'освещение сквера у школы № 2. Провести встречу по итогам исполнения наказов в течение полугода.',
        'https://zelenoborsk.example/photo/forum', 'https://video.zelenoborsk.example/forum',
        unixepoch('now', '-11 days'), unixepoch('now', '-9 days'), unixepoch('now', '-8 days'),
        (SELECT id FROM staff_user WHERE login = 'glava'), unixepoch('now', '-7 days'),
        (SELECT id FROM staff_user WHERE login = 'controller'));
INSERT INTO protocol_official (protocol_id, person_id) VALUES (1, 1), (1, 9);
INSERT INTO protocol_question (protocol_id, position, question, answer, published) VALUES
 (1, 1, 'Когда отремонтируют тротуар на улице Лесной?',
  'Ремонт будет включён в программу благоустройства следующего года.', 1),
 (1, 2, 'Можно ли осветить сквер у школы № 2?',
  'Отделу ЖКХ поручено подготовить смету до конца месяца.', 1);
INSERT INTO instruction (id, protocol_id, text, executor_id, unit, controller_id, due_on, status,
                         report, created_at, updated_at) VALUES
 (1, 1, 'Подготовить смету освещения сквера у школы № 2.',
  (SELECT id FROM staff_user WHERE login = 'executor'), 'Отдел ЖКХ',
  (SELECT id FROM staff_user WHERE login = 'controller'), date('now', '+5 hours', '+2 days'), 'in_progress', '',
  unixepoch('now', '-8 days'), unixepoch('now', '-6 days')),
 (2, 1, 'Включить ремонт тротуаров по улице Лесной в проект программы благоустройства.',
  (SELECT id FROM staff_user WHERE login = 'executor'), 'Отдел ЖКХ',
  (SELECT id FROM staff_user WHERE login = 'controller'), date('now', '+5 hours', '-1 days'), 'accepted',
  'Ремонт включён в проект программы, направлен в финансовый отдел.',
  unixepoch('now', '-8 days'), unixepoch('now', '-2 days')),
 (3, 1, 'Подготовить встречу по итогам исполнения наказов.',
  (SELECT id FROM staff_user WHERE login = 'executor'), 'Организационный сектор',
  (SELECT id FROM staff_user WHERE login = 'controller'), date('now', '+5 hours', '-3 days'), 'assigned', '',
  unixepoch('now', '-8 days'), unixepoch('now', '-8 days'));
INSERT INTO instruction_event (instruction_id, at, user_id, status, note)
SELECT id, created_at, controller_id, 'assigned', '' FROM instruction WHERE protocol_id = 1;

-- Public discussions of drafts (sql/019_discussions.sql, issue 20): one open, announced by the
-- notifier three days ago; one over, with its conclusion and the outcome of each proposal.
INSERT INTO discussion (id, title, unit, body, form, meeting_id, territory_id, opens_on, closes_on,
                        conclusion, concluded_at, created_at, announced_at) VALUES
 (1, 'Правила благоустройства территории городского поселения Зеленоборск (новая редакция)',
  'Отдел ЖКХ',
  '1. Общие положения' || char(10) ||
  '1.1. Настоящие Правила устанавливают требования к благоустройству и содержанию территории городского поселения Зеленоборск.' || char(10) ||
  '1.2. Правила обязательны для органов местного самоуправления, организаций и граждан.' || char(10) ||
  '2. Содержание дворовых территорий' || char(10) ||
  '2.1. Уборка дворовых территорий проводится ежедневно, в зимний период — с вывозом снега не реже одного раза в неделю.' || char(10) ||
  '2.2. Размещение транспортных средств на газонах и детских площадках запрещается.' || char(10) ||
  '3. Озеленение' || char(10) ||
  '3.1. Вырубка зелёных насаждений допускается только по разрешению администрации поселения.',
  'online', NULL, NULL, date('now', '+5 hours', '-3 days'), date('now', '+5 hours', '+12 days'), '', NULL,
  unixepoch('now', '-4 days'), unixepoch('now', '-3 days')),
 (2, 'Порядок организации и проведения общественных обсуждений по вопросам градостроительной деятельности',
  'Отдел архитектуры и градостроительства',
  '1. Общественные обсуждения проводятся по проектам генерального плана, правил землепользования и застройки и проектам планировки территории.' || char(10) ||
  '2. Срок проведения общественных обсуждений — не менее одного месяца и не более трёх месяцев.',
  'online', NULL, 3, date('now', '+5 hours', '-40 days'), date('now', '+5 hours', '-10 days'),
  'Общественные обсуждения проведены с участием жителей микрорайона Центральный. Поступило два предложения; оба рассмотрены, итоги по каждому приведены ниже. Проект рекомендован к утверждению с учётом принятых предложений.',
  unixepoch('now', '-5 days'), unixepoch('now', '-41 days'), unixepoch('now', '-40 days'));
INSERT INTO discussion_proposal (discussion_id, point, text, author_name, show_as, status,
                                 moderated_at, outcome, outcome_reason, created_at) VALUES
 (2, '2', 'Предлагаю установить срок не менее полутора месяцев, чтобы успели высказаться жители, уезжающие летом.',
  'Смирнова Ольга Викторовна', 'initials', 'published', unixepoch('now', '-30 days'), 'partial',
  'Минимальный срок увеличен до 40 дней.', unixepoch('now', '-31 days')),
 (2, '', 'Прошу публиковать материалы проекта не только на сайте, но и на стенде в библиотеке.',
  'Ковалёв Андрей', 'full', 'published', unixepoch('now', '-20 days'), 'accepted',
  'Экспозиция материалов в библиотеке добавлена в пункт 3 проекта.', unixepoch('now', '-21 days'));
-- Surveys (sql/020_surveys.sql, issue 20): one running (results after it closes), one over with
-- the answers of twelve residents, so the web gates crawl a form and the tables with charts.
INSERT INTO survey (id, title, intro, audience, territory_id, opens_on, closes_on, results,
                    created_at) VALUES
 (1, 'Какие дворы благоустроить в следующем году',
  'Администрация составляет программу благоустройства дворов на следующий год. Выберите, что важнее для вас.',
  'all', NULL, date('now', '+5 hours', '-2 days'), date('now', '+5 hours', '+20 days'), 'closed', unixepoch('now', '-3 days')),
 (2, 'Качество уборки улиц зимой', 'Оцените, как убирали снег прошлой зимой.',
  'territory', 3, date('now', '+5 hours', '-60 days'), date('now', '+5 hours', '-30 days'), 'closed',
  unixepoch('now', '-61 days'));
INSERT INTO survey_question (id, survey_id, position, kind, text, required) VALUES
 (1, 1, 1, 'single', 'Какой двор благоустроить первым?', 1),
 (2, 1, 2, 'multiple', 'Что нужно во дворе?', 0),
 (3, 1, 3, 'scale', 'Оцените благоустройство вашего двора сейчас', 1),
 (4, 1, 4, 'text', 'Ваши предложения', 0),
 (5, 2, 1, 'scale', 'Оцените уборку снега на улицах', 1),
 (6, 2, 2, 'single', 'Как быстро убирали снег после снегопада?', 1),
 (7, 2, 3, 'text', 'Что улучшить?', 0);
INSERT INTO survey_option (question_id, position, label) VALUES
 (1, 1, 'Улица Ленина, 5'), (1, 2, 'Улица Мира, 12'), (1, 3, 'Школьный переулок, 3'),
 (2, 1, 'Детская площадка'), (2, 2, 'Освещение'), (2, 3, 'Парковка'), (2, 4, 'Скамейки'),
 (6, 1, 'в тот же день'), (6, 2, 'на следующий день'), (6, 3, 'через два дня и позже');
INSERT INTO resident (method, subject, email, created_at, last_login_at)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12)
SELECT 'email', 'survey' || i || '@demo.example', 'survey' || i || '@demo.example',
       unixepoch('now', '-50 days'), unixepoch('now', '-50 days') FROM n;
INSERT INTO survey_response (survey_id, resident_id, created_at, updated_at, window_start)
SELECT 2, id, unixepoch('now', '-45 days'), unixepoch('now', '-45 days'),
       unixepoch('now', '-45 days') FROM resident
WHERE subject LIKE 'survey%@demo.example';
INSERT INTO survey_answer (response_id, question_id, choice, text)
SELECT id, 5, 1 + (resident_id * 7) % 5, '' FROM survey_response WHERE survey_id = 2;
INSERT INTO survey_answer (response_id, question_id, choice, text)
SELECT id, 6, 1 + (resident_id * 5) % 3, '' FROM survey_response WHERE survey_id = 2;
INSERT INTO survey_answer (response_id, question_id, choice, text)
SELECT id, 7, 0, 'Чаще чистить тротуары у остановок.' FROM survey_response
WHERE survey_id = 2 AND resident_id % 4 = 0;
-- A running survey of the reference group «Бизнес», its links already mailed, and the personal
-- links of one participant to it and to the open discussion (demo tokens: the web gates open
-- the pages of those links).
INSERT INTO survey (id, title, intro, audience, territory_id, opens_on, closes_on, results,
                    created_at, announced_at) VALUES
 (3, 'Условия для малого бизнеса в поселении', '', 'groups', NULL, date('now', '+5 hours', '-1 days'),
  date('now', '+5 hours', '+14 days'), 'closed', unixepoch('now', '-2 days'), unixepoch('now', '-1 days'));
INSERT INTO survey_reference_group (survey_id, group_id) VALUES (3, 1);
INSERT INTO survey_question (id, survey_id, position, kind, text, required) VALUES
 (8, 3, 1, 'scale', 'Оцените условия для малого бизнеса', 1),
 (9, 3, 2, 'text', 'Что мешает вашему делу?', 0);
INSERT INTO participant_link (kind, target_id, email, name, organisation, token, created_at) VALUES
 ('survey', 3, 'grigoriev@business.example', 'Григорьев Павел Андреевич', 'ИП Григорьев П. А.',
  'demo-survey-link-00000000000000000000000000000000000000000000000', unixepoch('now', '-1 days')),
 ('discussion', 1, 'grigoriev@business.example', 'Григорьев Павел Андреевич',
  'ИП Григорьев П. А.', 'demo-discussion-link-0000000000000000000000000000000000000000000', unixepoch('now', '-3 days'));
-- Personal receptions residents book online (issue 17): the head's coming receptions, 15 minutes
-- a visitor.
INSERT INTO reception (meeting_id, slot_minutes, topics) VALUES
 (13, 15, 'Благоустройство, жилищно-коммунальное хозяйство, дороги'),
 (18, 15, 'Благоустройство, жилищно-коммунальное хозяйство, дороги'),
 (21, 15, '');

-- The plan of measures (issue 20 item 4) after seed 002 (order № 803 of 20.08.2020 of the
-- Sosnovsky district), its rows numbered in the order of the seed's table: personal receptions
-- and reports proved by meetings, public hearings by meetings, discussions by concluded
-- discussions, the rest by records entered by hand.
INSERT INTO plan_measure (item, text, periodicity, due_on, units, evidence, meeting_kind,
                          created_at) VALUES
 ('1', 'Обеспечение работы интернет-приёмных', 'permanent', NULL,
  'Главы сельских поселений; информационно-аналитический отдел; отдел информационных технологий',
  'record', NULL, strftime('%s', 'now')),
 ('4', 'Организация личных приёмов Главы района', 'monthly', NULL,
  'Отдел по работе с территориями и обращений граждан', 'meeting', 'personal_reception',
  strftime('%s', 'now')),
 ('6', 'Размещение отчётов об эффективности деятельности Главы района', 'yearly', NULL,
  'Отдел социально-экономического развития', 'record', NULL, strftime('%s', 'now')),
 ('7', 'Участие Главы района в отчётах глав поселений перед населением, размещение материалов со встреч',
  'yearly', NULL, 'Информационно-аналитический отдел; редакция газеты «Сосновская Нива»', 'meeting',
  'head_report', strftime('%s', 'now')),
 ('12', 'Проведение сходов населения', 'yearly', NULL, 'Главы сельских поселений', 'meeting',
  'gathering', strftime('%s', 'now')),
 ('13', 'Проведение ежегодных отчётов глав поселений перед населением', 'yearly', NULL,
  'Главы сельских поселений', 'meeting', 'head_report', strftime('%s', 'now')),
 ('14', 'Отчёт Главы района на Ассамблее депутатов всех уровней', 'once',
  strftime('%Y', 'now') || '-12-31', 'Информационно-аналитический отдел', 'record', NULL,
  strftime('%s', 'now')),
 ('15', 'Проведение социологических опросов', 'yearly', NULL, 'Собрание депутатов', 'record',
  NULL, strftime('%s', 'now')),
 ('17', 'Организация обсуждений в группах администраций сельских поселений', 'quarterly', NULL,
  'Главы сельских поселений', 'discussion', NULL, strftime('%s', 'now')),
 ('18', 'Организация ежегодного Форума общественных организаций (сбор наказов для программы «Реальные дела»)',
  'once', strftime('%Y', 'now') || '-11-30', 'Собрание депутатов', 'meeting', 'forum',
  strftime('%s', 'now')),
 ('20', 'Организация и проведение публичных слушаний, общественных обсуждений', 'half_yearly',
  NULL, 'Отделы, инициирующие проведение публичных слушаний', 'meeting', 'public_hearing',
  strftime('%s', 'now')),
 ('22', 'Организация работы Общественной палаты района', 'quarterly', NULL,
  'Собрание депутатов', 'record', NULL, strftime('%s', 'now')),
 ('23', 'Организация работы Молодёжной общественной палаты района', 'quarterly', NULL,
  'Молодёжное собрание депутатов', 'record', NULL, strftime('%s', 'now')),
 ('27', 'Выделение грантов СОНКО на конкурсной основе', 'yearly', NULL, 'КУИиЗО', 'record',
  NULL, strftime('%s', 'now')),
 ('31', 'Организация Форума молодёжи с участием Главы района', 'yearly', NULL,
  'Отдел по делам молодёжи, физической культуре и спорту', 'meeting', 'forum',
  strftime('%s', 'now')),
 ('35', 'Формирование института старост', 'permanent', NULL, 'Главы сельских поселений',
  'record', NULL, strftime('%s', 'now'));
