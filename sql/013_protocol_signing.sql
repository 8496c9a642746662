-- 013_protocol_signing.sql — who signs a protocol and which version, which of its questions and
-- amendments the site shows, and calendar years that wait for their decree.

-- A staff account may belong to a person of the directory: the head, a group leader. The
-- protocol of a meeting is signed by its chair (seed 001 §3.5.7) under the chair's own account;
-- an administrator may only record that the paper protocol was signed (src/auth.h).
ALTER TABLE staff_user ADD COLUMN person_id INTEGER REFERENCES person(id);
CREATE UNIQUE INDEX staff_user_person ON staff_user(person_id) WHERE person_id IS NOT NULL;

-- The chair signs the text they read: every change of a draft (its fields, questions and
-- instructions) counts a revision, and the signing form names the revision it showed.
ALTER TABLE protocol ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
-- 1 when an administrator recorded the chair's signature on the paper protocol (the chair had
-- no account), kept as it was whatever happens to the accounts later.
ALTER TABLE protocol ADD COLUMN signed_on_paper INTEGER NOT NULL DEFAULT 0
	CHECK (signed_on_paper IN (0, 1));

-- The questions of a protocol are written by the secretary and may name the resident who asked
-- or their address. One is shown on the site only when the secretary has marked it as free of
-- personal data; protocols kept before this migration start with nothing published.
ALTER TABLE protocol_question ADD COLUMN published INTEGER NOT NULL DEFAULT 0
	CHECK (published IN (0, 1));
-- An amendment may correct such a question: it too is shown only when so marked.
ALTER TABLE protocol_amendment ADD COLUMN published INTEGER NOT NULL DEFAULT 0
	CHECK (published IN (0, 1));

-- A year derived from the Labour Code alone, before the government's decree on transfers of
-- days off is known: deadlines are counted by it, and the staff home page asks an
-- administrator to check it against the decree (cleared when the year's source is updated).
ALTER TABLE calendar_year ADD COLUMN provisional INTEGER NOT NULL DEFAULT 0
	CHECK (provisional IN (0, 1));
UPDATE calendar_year SET provisional = 1
 WHERE source LIKE 'Постановление о переносе выходных дней в % году не найдено%';
