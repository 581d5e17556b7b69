-- Running totals per leaderboard scope, kept in the same transaction as each ledger append, so
-- the top of a board and one person's rank are index reads instead of sums over the ledger.
-- Scopes: 'all', 's:SEASON', 'c:CHANNEL', 'cs:CHANNEL|SEASON', 'k:COMPETITION' (users) and
-- 'kg:COMPETITION' (groups).

CREATE TABLE ledger_totals (
  team_key VARCHAR(300) NOT NULL,
  scope    VARCHAR(800) NOT NULL,
  name     VARCHAR(300) NOT NULL,
  points   BIGINT       NOT NULL,
  entries  BIGINT       NOT NULL,
  last_at  BIGINT       NOT NULL,
  PRIMARY KEY (team_key, scope, name)
);
CREATE INDEX ledger_totals_rank ON ledger_totals (team_key, scope, points, last_at, name);

INSERT INTO ledger_totals (team_key, scope, name, points, entries, last_at)
  SELECT team_key, 'all', user_key, SUM(points), COUNT(*), MAX(at)
  FROM ledger GROUP BY team_key, user_key;
INSERT INTO ledger_totals (team_key, scope, name, points, entries, last_at)
  SELECT team_key, 's:' || season, user_key, SUM(points), COUNT(*), MAX(at)
  FROM ledger GROUP BY team_key, season, user_key;
INSERT INTO ledger_totals (team_key, scope, name, points, entries, last_at)
  SELECT team_key, 'c:' || channel_key, user_key, SUM(points), COUNT(*), MAX(at)
  FROM ledger WHERE channel_key IS NOT NULL GROUP BY team_key, channel_key, user_key;
INSERT INTO ledger_totals (team_key, scope, name, points, entries, last_at)
  SELECT team_key, 'cs:' || channel_key || '|' || season, user_key, SUM(points), COUNT(*), MAX(at)
  FROM ledger WHERE channel_key IS NOT NULL GROUP BY team_key, channel_key, season, user_key;
INSERT INTO ledger_totals (team_key, scope, name, points, entries, last_at)
  SELECT team_key, 'k:' || competition, user_key, SUM(points), COUNT(*), MAX(at)
  FROM ledger WHERE competition IS NOT NULL GROUP BY team_key, competition, user_key;
INSERT INTO ledger_totals (team_key, scope, name, points, entries, last_at)
  SELECT team_key, 'kg:' || competition, group_name, SUM(points), COUNT(*), MAX(at)
  FROM ledger WHERE competition IS NOT NULL AND group_name IS NOT NULL
  GROUP BY team_key, competition, group_name;
