-- Disputed grades: one row per person, answer and key point (point_no 0 = the score overall).
-- answer_ref names the answer (an interview step, a drill, a daily answer); key_point keeps the
-- point's text as it was when disputed, so pack edits do not rewrite history.

CREATE TABLE disputes (
  team_key    VARCHAR(300) NOT NULL,
  answer_ref  VARCHAR(400) NOT NULL,
  user_key    VARCHAR(300) NOT NULL,
  point_no    INTEGER      NOT NULL,
  channel_key VARCHAR(300) NOT NULL,
  question_id VARCHAR(200) NOT NULL,
  step        INTEGER      NOT NULL,
  key_point   TEXT         NOT NULL,
  answer      TEXT         NOT NULL,
  reason      TEXT         NOT NULL,
  at          BIGINT       NOT NULL,
  PRIMARY KEY (team_key, answer_ref, user_key, point_no)
);
CREATE INDEX disputes_latest ON disputes (team_key, at);
CREATE INDEX disputes_at ON disputes (at);
