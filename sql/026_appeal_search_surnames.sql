-- 026_appeal_search_surnames.sql — the search index of appeals rebuilt for the tokenizer's
-- surname tokens (src/db/fts_russian.h: «Водовозов» also indexed as "водовозов", so that
-- «Водовозова» finds it). Appeals indexed before need the new tokens; the batches of
-- appeal_search_catch_up go on after the last appeal, as after `portal-admin reindex`.
INSERT INTO appeal_fts (appeal_fts) VALUES ('rebuild');
UPDATE appeal_search_state SET indexed_up_to = (SELECT coalesce(max(id), 0) FROM appeal)
WHERE id = 1;
