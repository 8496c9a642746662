-- 011_appeal_search.sql — full-text search over the registry of appeals in Russian: word forms
-- and ё = е (the FTS5 tokenizer "russian" of src/fts_russian.c, registered on every connection
-- of the portal's programs). An external-content index over appeal. It is written by
-- appeal_create (src/appeal.c) in the transaction that stores the appeal — not by a trigger:
-- the connections run with trusted_schema=OFF, which forbids virtual tables in triggers. The
-- searched columns never change after registration. Tools without the portal's code (the sqlite3
-- shell) cannot use the tokenizer.

CREATE VIRTUAL TABLE appeal_fts USING fts5(
	number, surname, name, patronymic, text,
	content='appeal', content_rowid='id', tokenize='russian'
);
