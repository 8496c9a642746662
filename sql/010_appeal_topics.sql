-- 010_appeal_topics.sql — the thematic classifier of appeals (issue 4, item 8): sections, subjects
-- (тематики), topics (темы) and questions (вопросы) of the typical all-Russian thematic classifier
-- of appeals (Типовой общероссийский тематический классификатор обращений граждан…), coded
-- SSSS, SSSS.TTTT, SSSS.TTTT.NNNN, SSSS.TTTT.NNNN.QQQQ. Administrators add entries, rename them and
-- switch them off and on at /admin/topics; an entry is never deleted, because appeals refer to
-- its code.
--
-- The seed holds only codes and names that could be traced to a source (see the list at the
-- end of the file); the official text of the classifier was not available when it was written,
-- so administrators complete it from the current edition.

CREATE TABLE appeal_topic (
	code        TEXT PRIMARY KEY CHECK (code GLOB '[0-9][0-9][0-9][0-9]*'),
	parent_code TEXT REFERENCES appeal_topic(code),
	level       INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
	name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
	active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	-- Order among siblings (then by code): 0 keeps the classifier's own order.
	sort        INTEGER NOT NULL DEFAULT 0 CHECK (sort BETWEEN 0 AND 9999),
	-- A section has no parent; anything else extends its parent's code by one group of four
	-- digits, so the code alone says where an entry belongs and how deep it is.
	CHECK ((level = 1) = (parent_code IS NULL)),
	CHECK (length(code) = 5 * level - 1),
	CHECK (parent_code IS NULL OR code GLOB parent_code || '.[0-9][0-9][0-9][0-9]')
) STRICT;
CREATE INDEX appeal_topic_parent ON appeal_topic(parent_code);

INSERT INTO appeal_topic (code, parent_code, level, name) VALUES
	-- Sections: issue 4 and the classifier's structure.
	('0001', NULL, 1, 'Государство, общество, политика'),
	('0002', NULL, 1, 'Социальная сфера'),
	('0003', NULL, 1, 'Экономика'),
	('0004', NULL, 1, 'Оборона, безопасность, законность'),
	('0005', NULL, 1, 'Жилищно-коммунальная сфера'),
	-- Subjects (тематики): numbered through the whole classifier, not within a section.
	('0001.0002', '0001', 2, 'Основы государственного управления'),
	('0002.0004', '0002', 2, 'Семья'),
	('0002.0006', '0002', 2, 'Труд и занятость населения'),
	('0002.0007', '0002', 2, 'Социальное обеспечение и социальное страхование'),
	('0002.0013', '0002', 2, 'Образование. Наука. Культура'),
	('0002.0014', '0002', 2, 'Здравоохранение. Физическая культура и спорт. Туризм'),
	('0003.0009', '0003', 2, 'Хозяйственная деятельность'),
	('0003.0011', '0003', 2, 'Природные ресурсы и охрана окружающей природной среды'),
	('0004.0015', '0004', 2, 'Оборона'),
	('0004.0016', '0004', 2, 'Безопасность и охрана правопорядка'),
	('0005.0005', '0005', 2, 'Жилище'),
	-- Topics (темы).
	('0003.0009.0096', '0003.0009', 3, 'Строительство и реконструкция'),
	('0003.0009.0097', '0003.0009', 3, 'Градостроительство и архитектура. Благоустройство'),
	('0003.0009.0099', '0003.0009', 3, 'Транспорт'),
	('0003.0009.0100', '0003.0009', 3, 'Связь'),
	('0003.0009.0104', '0003.0009', 3, 'Бытовое обслуживание населения'),
	('0004.0016.0162', '0004.0016', 3, 'Безопасность общества'),
	('0005.0005.0055', '0005.0005', 3, 'Жилищный фонд'),
	('0005.0005.0056', '0005.0005', 3, 'Коммунальное хозяйство'),
	-- Questions (вопросы).
	('0003.0009.0099.0733', '0003.0009.0099', 4,
	 'Транспортное обслуживание населения, пассажирские перевозки'),
	('0005.0005.0056.1153', '0005.0005.0056', 4, 'Перебои в электроснабжении'),
	('0005.0005.0056.1156', '0005.0005.0056', 4, 'Перебои в теплоснабжении'),
	('0005.0005.0056.1160', '0005.0005.0056', 4, 'Обращение с твёрдыми коммунальными отходами');

-- Sources. The official text was not found in the sources searched (web pages, documentation,
-- public code); every entry above comes from public repositories of software that works with
-- the classifier (appeal classifiers and loaders for ССТУ.РФ reports), which use these codes
-- with these names:
--   * the 21 subjects in the classifier's order (Конституционный строй … Индивидуальные правовые
--     акты…) from an appeals application's seed data; a subject's number is its place in that
--     order, confirmed by the codes found under it (0002.0004, 0005.0005, 0002.0006.0065…,
--     0002.0007, 0003.0009, 0003.0011.0123…, 0002.0013, 0002.0014, 0004.0015.0158…,
--     0004.0016.0162…, 0001.0002.0027…); subjects whose section could not be confirmed that way
--     (Конституционный строй, Гражданское право, Финансы, Внешнеэкономическая деятельность,
--     Информация и информатизация, Уголовное право, Правосудие, Прокуратура…, Международные
--     отношения, Индивидуальные правовые акты…) are left out;
--   * topics 0003.0009.0096/0097/0099/0100, 0005.0005.0055/0056 and 0004.0016.0162 from the
--     names those programs give them; 0003.0009.0104 from «0003.0009.0104.0000 Бытовое
--     обслуживание населения» in a report loader;
--   * the questions from sample ССТУ.РФ report rows (code and name side by side).
-- Names of 0003.0009.0096 and 0003.0009.0097 should be checked against the official edition.
