-- 016_reserved.sql — an empty placeholder that keeps the migration numbers of the residents branch
-- (017) contiguous; the number belongs to another branch, whose file replaces this one on merge.
SELECT 1;
