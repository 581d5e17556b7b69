-- A claim takes the oldest pending heads of each channel's queue, in id order, a batch at a time.
-- With this index it reads the pending rows in that order and stops at the batch; without it, it
-- read and sorted every pending row (hundreds of milliseconds a claim with 100,000 direct
-- messages queued at once, each to its own address).
CREATE INDEX outbox_claim ON outbox (status, id);
