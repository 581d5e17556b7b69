-- Core tables: idempotency keys, conversations and their answers, bot-opened threads, the outbox,
-- and small key-values. Times are epoch milliseconds (portable across SQLite and PostgreSQL).

CREATE TABLE inbound_events (
  event_key   VARCHAR(300) PRIMARY KEY,
  received_at BIGINT       NOT NULL
);
CREATE INDEX inbound_events_received ON inbound_events (received_at);

CREATE TABLE conversations (
  id          VARCHAR(64)  PRIMARY KEY,
  kind        VARCHAR(32)  NOT NULL,
  team_key    VARCHAR(300) NOT NULL,
  channel_key VARCHAR(300) NOT NULL,
  owner_key   VARCHAR(300) NOT NULL,
  question_id VARCHAR(200) NOT NULL,
  step        INTEGER      NOT NULL,
  status      VARCHAR(16)  NOT NULL,
  version     BIGINT       NOT NULL,
  created_at  BIGINT       NOT NULL,
  updated_at  BIGINT       NOT NULL
);
CREATE INDEX conversations_owner ON conversations (team_key, owner_key, kind, status);
CREATE INDEX conversations_idle ON conversations (status, kind, updated_at);

CREATE TABLE answers (
  conversation_id VARCHAR(64)  NOT NULL,
  step            INTEGER      NOT NULL,
  user_key        VARCHAR(300) NOT NULL,
  body            TEXT         NOT NULL,
  answered_at     BIGINT       NOT NULL,
  PRIMARY KEY (conversation_id, step)
);

CREATE TABLE threads (
  anchor      VARCHAR(64)  PRIMARY KEY,
  channel_key VARCHAR(300) NOT NULL,
  kind        VARCHAR(32)  NOT NULL,
  platform_id VARCHAR(200),
  created_at  BIGINT       NOT NULL
);
CREATE UNIQUE INDEX threads_platform ON threads (channel_key, platform_id);

CREATE TABLE outbox (
  id              BIGSERIAL PRIMARY KEY,
  channel_key     VARCHAR(300) NOT NULL,
  payload         TEXT         NOT NULL,
  status          VARCHAR(16)  NOT NULL,
  attempts        INTEGER      NOT NULL DEFAULT 0,
  created_at      BIGINT       NOT NULL,
  next_attempt_at BIGINT       NOT NULL,
  lease_owner     VARCHAR(100),
  lease_until     BIGINT,
  last_error      TEXT,
  delivered_at    BIGINT,
  platform_id     VARCHAR(200)
);
CREATE INDEX outbox_pending ON outbox (status, channel_key, id);

CREATE TABLE key_values (
  scope VARCHAR(200) NOT NULL,
  name  VARCHAR(200) NOT NULL,
  value TEXT         NOT NULL,
  PRIMARY KEY (scope, name)
);
