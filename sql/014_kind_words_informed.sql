-- 014_kind_words_informed.sql — the grammar of each meeting kind for generated Russian sentences,
-- the protocol handover deadline of the kinds whose act sets one, and who of a meeting's invitees
-- and group members was told of it by other means than e-mail.

-- The grammatical gender and number of the kind's name, so that generated sentences agree with it:
-- 'm' «Форум … состоялся», 'f' «Встреча … состоялась», 'n' «…состоялось», 'p' «Публичные
-- слушания … состоялись».
ALTER TABLE meeting_kind ADD COLUMN gender TEXT NOT NULL DEFAULT 'f'
	CHECK (gender IN ('m', 'f', 'n', 'p'));
-- Lower-case stems, separated by '|', whose presence in a meeting's title means the title already
-- names the kind («Сход граждан деревни Кедровая»): the sentence then does not repeat the kind.
ALTER TABLE meeting_kind ADD COLUMN title_stems TEXT NOT NULL DEFAULT '';
-- Working days after the meeting within which its protocol is handed to the control sector, for
-- the kinds whose act sets such a deadline (seed 001 §3.6.9: a field meeting of an information
-- group); NULL where no act sets one (seed 000 sets none for the head's meeting).
ALTER TABLE meeting_kind ADD COLUMN protocol_handover_days INTEGER
	CHECK (protocol_handover_days IS NULL OR protocol_handover_days BETWEEN 1 AND 60);

UPDATE meeting_kind SET gender = 'f', title_stems = 'встреч' WHERE code = 'head_mass';
UPDATE meeting_kind SET gender = 'f', title_stems = 'встреч', protocol_handover_days = 5
	WHERE code = 'group_field';
UPDATE meeting_kind SET gender = 'm', title_stems = 'приём|прием' WHERE code = 'personal_reception';
UPDATE meeting_kind SET gender = 'm', title_stems = 'сход' WHERE code = 'gathering';
UPDATE meeting_kind SET gender = 'm', title_stems = 'отчёт|отчет' WHERE code = 'head_report';
UPDATE meeting_kind SET gender = 'p', title_stems = 'слушани|обсуждени' WHERE code = 'public_hearing';
UPDATE meeting_kind SET gender = 'm', title_stems = 'форум' WHERE code = 'forum';

-- Invitees and members of the holding group told of a meeting by phone or in person (seed 001
-- §3.6.3): the ones without an e-mail address are on the meeting's call list until marked here.
CREATE TABLE meeting_informed (
	meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
	person_id   INTEGER NOT NULL REFERENCES person(id),
	informed_at INTEGER NOT NULL,
	informed_by INTEGER REFERENCES staff_user(id),
	PRIMARY KEY (meeting_id, person_id)
) WITHOUT ROWID, STRICT;
