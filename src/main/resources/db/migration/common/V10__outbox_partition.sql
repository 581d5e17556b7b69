-- The team an outbox message is for, and the partition of the platform's connections that can
-- deliver it (a Discord shard, when shards run in several processes). A process claims only the
-- messages of the partitions it serves, and those with none (NULL: Slack, the console, one
-- process, and every message queued before this column existed).
ALTER TABLE outbox ADD COLUMN team_key VARCHAR(300);
ALTER TABLE outbox ADD COLUMN partition_key VARCHAR(100);
