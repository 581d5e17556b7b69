package dev.sparring.store.jdbc;

import dev.sparring.store.Answers;
import dev.sparring.store.Conversations;
import dev.sparring.store.Disputes;
import dev.sparring.store.Documents;
import dev.sparring.store.Erasure;
import dev.sparring.store.InboundLog;
import dev.sparring.store.KeyValues;
import dev.sparring.store.Ledger;
import dev.sparring.store.Outbox;
import dev.sparring.store.Threads;
import dev.sparring.store.Tx;

/** The repositories of one JDBC transaction; SQL shared by SQLite and PostgreSQL. */
final class JdbcTx implements Tx {

  private final Sql sql;
  private final Dialect dialect;

  JdbcTx(Sql sql, Dialect dialect) {
    this.sql = sql;
    this.dialect = dialect;
  }

  @Override
  public InboundLog inbound() {
    return new JdbcInbound(sql);
  }

  @Override
  public Conversations conversations() {
    return new JdbcConversations(sql, dialect);
  }

  @Override
  public Answers answers() {
    return new JdbcAnswers(sql);
  }

  @Override
  public Threads threads() {
    return new JdbcThreads(sql);
  }

  @Override
  public Outbox outbox() {
    return new JdbcOutbox(sql, dialect);
  }

  @Override
  public KeyValues kv() {
    return new JdbcKeyValues(sql);
  }

  @Override
  public Documents documents() {
    return new JdbcDocuments(sql, dialect);
  }

  @Override
  public Ledger ledger() {
    return new JdbcLedger(sql, dialect);
  }

  @Override
  public Disputes disputes() {
    return new JdbcDisputes(sql, dialect);
  }

  @Override
  public Erasure erase() {
    return new JdbcErasure(sql);
  }
}
