-- Work that falls due is read a bounded batch at a time, in order, and these indexes give that
-- order, so a read stops at its batch instead of reading and sorting everything due. It matters
-- when a great many things fall due at once: 100,000 reminders at the same minute took seconds per
-- batch of 50 without them.
--
-- A claim takes the oldest pending heads of each channel's queue, in id order.
CREATE INDEX outbox_claim ON outbox (status, id);

-- Documents due by a time, soonest first, ties by id (equal due times are common: everyone's
-- reminder at 08:30).
DROP INDEX documents_due;
CREATE INDEX documents_due ON documents (kind, due_at, id);
