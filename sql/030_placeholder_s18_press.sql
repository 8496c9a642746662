-- 030_placeholder_s18_press.sql — stands in for s18-groups' migration 030 on branch s18-press
-- only, so that 031 applies; delete this file when merging with the real 030.
SELECT 1;
