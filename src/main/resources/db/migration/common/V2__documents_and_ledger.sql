-- Feature records (schedules, daily posts, drill cards, seasons, competitions) and the
-- append-only scoring ledger that leaderboards sum over.

CREATE TABLE documents (
  kind     VARCHAR(32)  NOT NULL,
  id       VARCHAR(400) NOT NULL,
  team_key VARCHAR(300) NOT NULL,
  body     TEXT         NOT NULL,
  version  BIGINT       NOT NULL,
  due_at   BIGINT,
  PRIMARY KEY (kind, id)
);
CREATE INDEX documents_due ON documents (kind, due_at);

CREATE TABLE ledger (
  entry_key   VARCHAR(400) PRIMARY KEY,
  team_key    VARCHAR(300) NOT NULL,
  channel_key VARCHAR(300),
  user_key    VARCHAR(300) NOT NULL,
  group_name  VARCHAR(100),
  season      VARCHAR(32)  NOT NULL,
  competition VARCHAR(64),
  reason      VARCHAR(32)  NOT NULL,
  points      INTEGER      NOT NULL,
  at          BIGINT       NOT NULL
);
CREATE INDEX ledger_team_season ON ledger (team_key, season, user_key);
CREATE INDEX ledger_team_channel ON ledger (team_key, channel_key, user_key);
CREATE INDEX ledger_competition ON ledger (team_key, competition, user_key);
CREATE INDEX ledger_user ON ledger (team_key, user_key, at);
