-- The correlation id of the inbound event that queued a message, so the log line of its delivery
-- can be tied to the event that caused it.
ALTER TABLE outbox ADD COLUMN correlation VARCHAR(100);
