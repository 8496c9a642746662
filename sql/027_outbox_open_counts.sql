-- 027_outbox_open_counts.sql — the staff home page counts the mail waiting in the outbox
-- (STMT_OUTBOX_TOTALS: pending, dead, and of those the mail) on every load. The count by channel
-- read each waiting row from the table: 46 ms with the 16,000 acknowledgements of a burst of
-- appeals waiting (make bench, /admin). With the channel in the index the counts read the index
-- only. The notifier's due query still uses its (status, next_attempt_at) prefix.
DROP INDEX outbox_due;
CREATE INDEX outbox_due ON outbox (status, next_attempt_at, channel);
